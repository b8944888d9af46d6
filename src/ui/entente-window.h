/* entente-window.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "entente-application.h"
#include "entente-exam-page.h"
#include "entente-members-page.h"
#include "entente-review-page.h"
#include "entente-stats-page.h"
#include "entente-outline-view.h"
#include "entente-pack.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_WINDOW (entente_window_get_type ())

G_DECLARE_FINAL_TYPE (EntenteWindow, entente_window, ENTENTE, WINDOW, AdwApplicationWindow)

EntenteWindow      *entente_window_new               (EntenteApplication *application);

/* property "pack" (read-only): the pack on show, NULL before the first one is open */
EntentePack        *entente_window_get_pack          (EntenteWindow      *self);
/* property "loading" (read-only): TRUE while a pack file is being read */
gboolean            entente_window_get_loading       (EntenteWindow      *self);
EntenteOutlineView *entente_window_get_outline_view  (EntenteWindow      *self);
EntenteMembersPage *entente_window_get_members_page  (EntenteWindow      *self);
EntenteReviewPage  *entente_window_get_review_page   (EntenteWindow      *self);
EntenteStatsPage   *entente_window_get_stats_page    (EntenteWindow      *self);
EntenteExamPage    *entente_window_get_exam_page     (EntenteWindow      *self);
/* Export or import the learner's progress (what the menu's file choosers do), with a
 * toast saying how it went. */
gboolean            entente_window_export_progress   (EntenteWindow      *self,
                                                      GFile              *file);
gboolean            entente_window_import_progress   (EntenteWindow      *self,
                                                      GFile              *file);

/* Window actions: "win.show-page" (s: "outline" or "members"; Alt+1, Alt+2) and
 * "win.show-member" (s: an ISO 3166-1 alpha-2 code), which opens the members page on that
 * state's details; it is disabled while the pack has no members. */

/* Opens @file in the background. If it is refused, a dialog lists why and the pack
 * that was open stays open (the built-in pack when there was none). */
void                entente_window_open_file         (EntenteWindow      *self,
                                                      GFile              *file);
/* Opens the pack that was open last (setting "last-pack"), or the built-in pack on the
 * first start. When that file is gone or refused, opens the built-in pack and says so. */
void                entente_window_open_last_pack    (EntenteWindow      *self);
void                entente_window_open_builtin_pack (EntenteWindow      *self);

G_END_DECLS
