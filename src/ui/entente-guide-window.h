/* entente-guide-window.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The user guide (docs/user-guide.md, compiled into the resource) in a window of its
 * own, so that help needs no browser and no network. */

#define ENTENTE_TYPE_GUIDE_WINDOW (entente_guide_window_get_type ())

G_DECLARE_FINAL_TYPE (EntenteGuideWindow, entente_guide_window, ENTENTE, GUIDE_WINDOW, AdwWindow)

GtkWidget *entente_guide_window_new (GtkWindow *parent);

/* The guide's Markdown as Pango markup blocks, for tests: a new array of strings, each
 * prefixed with its kind ("h1:", "h2:", "li:" or "p:"). */
GPtrArray *entente_guide_parse      (const char *markdown);

G_END_DECLS
