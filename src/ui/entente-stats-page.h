/* entente-stats-page.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "entente-pack.h"
#include "entente-progress-store.h"
#include "entente-stats.h"

G_BEGIN_DECLS

/* The Statistics page: big numbers for today, reviews per day (30 or 90 days, first
 * reviews stacked in a lighter shade), the forecast of due cards, true retention and
 * mastery per section, and exam and map-quiz scores over time (points and their moving
 * average; each card only when there are results of its kind). Each drawn chart has a
 * text summary for assistive technologies (also shown under it) and a "Show as Table"
 * toggle. A learner with neither reviews nor results sees a status page instead.
 *
 * The page recomputes on entente_stats_page_refresh () and on the store's "changed"
 * signal while it is mapped; a change while it is hidden is shown when it is mapped again.
 * Signal "show-section" (const char *section_id): a section row was activated. */

#define ENTENTE_TYPE_STATS_PAGE (entente_stats_page_get_type ())

G_DECLARE_FINAL_TYPE (EntenteStatsPage, entente_stats_page, ENTENTE, STATS_PAGE, GtkWidget)

GtkWidget  *entente_stats_page_new        (void);

void        entente_stats_page_set_pack   (EntenteStatsPage     *self,
                                           EntentePack          *pack);
void        entente_stats_page_set_store  (EntenteStatsPage     *self,
                                           EntenteProgressStore *store);
void        entente_stats_page_refresh    (EntenteStatsPage     *self);

/* The time the statistics are computed at (and its time zone), or NULL for the current
 * local time; for tests. */
void        entente_stats_page_set_now    (EntenteStatsPage     *self,
                                           GDateTime            *now);

/* TRUE when the page shows its charts, FALSE when it shows "No Reviews Yet". */
gboolean    entente_stats_page_has_data   (EntenteStatsPage     *self);
/* The chart widget (an EntenteChart) of @chart, for tests; NULL for the retention and
 * mastery cards, which are not drawn. */
GtkWidget  *entente_stats_page_get_chart  (EntenteStatsPage     *self,
                                           EntenteStatsChart     chart);
/* The chart (an EntenteChart) of the exam or map-quiz scores, for tests; its card is
 * shown only when the pack has results of that kind. */
GtkWidget  *entente_stats_page_get_score_chart (EntenteStatsPage          *self,
                                                EntenteProgressResultKind  kind);
/* How many times the page has computed its statistics (for tests of the refresh rules). */
guint       entente_stats_page_get_n_computed (EntenteStatsPage *self);

G_END_DECLS
