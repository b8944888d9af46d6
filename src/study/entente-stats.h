/* entente-stats.h: the learner's statistics, from the progress store's review log
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * entente_stats_compute () reads a pack's review log once, oldest first, and its cards'
 * states once, and computes every chart of the Statistics page; the getters hand out the
 * series. No GTK, no storage of its own. Definitions:
 *
 * Days are local calendar days in the time zone of "now". "The last 30 days" are today
 * and the 29 days before it (90 likewise); a review later today than "now" counts on
 * today. A "first review" is a review of a card that was New before it (log.state NEW),
 * as entente_progress_store_get_day () counts new cards.
 *
 * True retention is the share of passed reviews (Hard, Good or Easy) among the reviews of
 * cards that were in the Review state before the review (log.state REVIEW): reviews of
 * new, learning and relearning cards do not count, because their intervals are minutes,
 * not a test of long-term memory. It is given for the last 30 days, the last 90 days and
 * all time; a window without such reviews has no retention (the getter returns -1).
 *
 * The forecast counts, for today and the next 29 local days, the pack's cards whose
 * stored state (other than New) falls due that day; a card already due counts on today.
 *
 * Mastery of a section is the mean retrievability at "now" (entente_fsrs_retrievability
 * with the default parameters) of the cards of the section and of all its subsections; a
 * card never studied counts as 0, so mastery grows as the learner covers a section and
 * not only as they remember what they covered. A section without cards has mastery 0.
 * "Learned" cards are those with a state other than New, as in
 * entente_progress_store_load_learned (). Only cards the pack has count; the store's rows
 * of cards a pack no longer has are ignored by the forecast and mastery, but their
 * reviews still count in the review and retention charts (they are the learner's work).
 */

#pragma once

#include <glib.h>

#include "entente-pack.h"
#include "entente-progress-store.h"

G_BEGIN_DECLS

#define ENTENTE_STATS_N_DAYS          90
#define ENTENTE_STATS_N_FORECAST_DAYS 30

typedef enum
{
  ENTENTE_STATS_WINDOW_30_DAYS,
  ENTENTE_STATS_WINDOW_90_DAYS,
  ENTENTE_STATS_WINDOW_ALL_TIME,
} EntenteStatsWindow;

/* The charts that have a summary and a table form. */
typedef enum
{
  ENTENTE_STATS_CHART_REVIEWS_30_DAYS,
  ENTENTE_STATS_CHART_REVIEWS_90_DAYS,
  ENTENTE_STATS_CHART_RETENTION,
  ENTENTE_STATS_CHART_FORECAST,
  ENTENTE_STATS_CHART_MASTERY,
} EntenteStatsChart;

/* One local day of a series. */
typedef struct
{
  gint64 start;       /* the day's local midnight, ms since the epoch */
  int    year;
  int    month;       /* 1-12 */
  int    day;         /* 1-31 */
  guint  count;       /* reviews done, or cards due (forecast) */
  guint  first_count; /* first reviews among them; 0 in the forecast */
} EntenteStatsDay;

/* One section of the pack, with its subsections' cards rolled up into it. */
typedef struct
{
  EntenteSection *section; /* owned by the pack, which the stats keep alive */
  guint           depth;   /* 0 for a top-level section */
  double          mastery; /* 0-1 */
  guint           learned;
  guint           total;
} EntenteStatsSection;

/* One row of a chart's table form; both strings translated and owned by the array. */
typedef struct
{
  char *label;
  char *value;
} EntenteStatsRow;

typedef struct _EntenteStats EntenteStats;

/* Everything at @now, in @now's time zone, for @pack's reviews and cards. NULL and @error
 * set when the store fails. */
EntenteStats              *entente_stats_compute              (EntenteProgressStore *store,
                                                               EntentePack          *pack,
                                                               GDateTime            *now,
                                                               GError              **error);
void                       entente_stats_free                 (EntenteStats *stats);

/* Reviews per day over @window (30 or 90 days; not ALL_TIME), oldest day first, the last
 * being today; @out_n_days receives 30 or 90. The array belongs to @stats. */
const EntenteStatsDay     *entente_stats_get_reviews          (const EntenteStats *stats,
                                                               EntenteStatsWindow  window,
                                                               guint              *out_n_days);
/* Totals over @window, ALL_TIME included. @out_first (may be NULL): first reviews. */
guint                      entente_stats_get_n_reviews        (const EntenteStats *stats,
                                                               EntenteStatsWindow  window,
                                                               guint              *out_first);
/* True retention over @window, 0-1, or -1 when no review counts; @out_passed and
 * @out_total (may be NULL) receive the counts it comes from. */
double                     entente_stats_get_retention        (const EntenteStats *stats,
                                                               EntenteStatsWindow  window,
                                                               guint              *out_passed,
                                                               guint              *out_total);
/* Cards due per day, today first (ENTENTE_STATS_N_FORECAST_DAYS days). */
const EntenteStatsDay     *entente_stats_get_forecast         (const EntenteStats *stats,
                                                               guint              *out_n_days);
/* Of today's due cards in the forecast, those that were due before today began. */
guint                      entente_stats_get_n_overdue        (const EntenteStats *stats);
/* Every section, depth first in reading order (as entente_pack_get_nth_section ()). */
const EntenteStatsSection *entente_stats_get_sections         (const EntenteStats *stats,
                                                               guint              *out_n_sections);
/* The same for one section, or NULL when the pack has no section @section_id. */
const EntenteStatsSection *entente_stats_lookup_section       (const EntenteStats *stats,
                                                               const char         *section_id);
/* The whole pack's mastery (all its cards, with or without a section). */
double                     entente_stats_get_mastery          (const EntenteStats *stats,
                                                               guint              *out_learned,
                                                               guint              *out_total);

/* For assistive technologies: one or two translated sentences that say what @chart
 * shows, and the chart as a table (a new GPtrArray of EntenteStatsRow). */
char                      *entente_stats_dup_summary          (const EntenteStats *stats,
                                                               EntenteStatsChart   chart);
GPtrArray                 *entente_stats_dup_table            (const EntenteStats *stats,
                                                               EntenteStatsChart   chart);

/* Exam and map-quiz scores over time. The UI fills EntenteStatsResult from the stored
 * results; entente_stats_score_series () orders them by time (stable for equal times),
 * skips those with no questions, and gives each point the mean of its percent and those
 * of the @window - 1 points before it (fewer at the start; @window >= 1). */
typedef struct
{
  gint64 time;  /* ms since the epoch */
  guint  right;
  guint  total;
} EntenteStatsResult;

typedef struct
{
  gint64 time;
  guint  right;
  guint  total;
  double percent;        /* 0-100 */
  double moving_average; /* 0-100 */
} EntenteStatsScore;

/* A new GArray of EntenteStatsScore. */
GArray                    *entente_stats_score_series         (const EntenteStatsResult *results,
                                                               gsize                     n_results,
                                                               guint                     window);
/* The series' summary and table, dates in @tz. */
char                      *entente_stats_score_dup_summary    (GArray    *series,
                                                               guint      window);
GPtrArray                 *entente_stats_score_dup_table      (GArray    *series,
                                                               GTimeZone *tz);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteStats, entente_stats_free)

G_END_DECLS
