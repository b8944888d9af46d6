/* entente-stats.c
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "entente-stats.h"

/* Day boundaries, local midnights: bounds[i] starts the day TODAY + (i - FIRST_DAY_OFFSET).
 * bounds[0] starts the oldest day of the 90, bounds[TODAY] today, bounds[N_BOUNDS - 1]
 * ends the forecast. */
#define TODAY    (ENTENTE_STATS_N_DAYS - 1)
#define N_BOUNDS (TODAY + ENTENTE_STATS_N_FORECAST_DAYS + 1)

struct _EntenteStats
{
  EntentePack *pack;
  GDateTime   *now;
  gint64       bounds[N_BOUNDS];

  EntenteStatsDay days[ENTENTE_STATS_N_DAYS];
  guint           passed[ENTENTE_STATS_N_DAYS];   /* true retention, per day */
  guint           counted[ENTENTE_STATS_N_DAYS];
  guint           n_reviews;                      /* all time */
  guint           n_first;
  guint           n_passed;
  guint           n_counted;

  EntenteStatsDay forecast[ENTENTE_STATS_N_FORECAST_DAYS];
  guint           n_overdue;

  EntenteStatsSection *sections;
  guint                n_sections;
  double               mastery;
  guint                learned;
  guint                total;
};

void
entente_stats_free (EntenteStats *stats)
{
  if (stats == NULL)
    return;

  g_clear_object (&stats->pack);
  g_clear_pointer (&stats->now, g_date_time_unref);
  g_free (stats->sections);
  g_free (stats);
}

/* The index of the day in bounds[] that holds @time, for bounds[lo] <= time < bounds[hi]. */
static guint
find_day (const gint64 *bounds,
          guint         lo,
          guint         hi,
          gint64        time)
{
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (time < bounds[mid])
        hi = mid;
      else
        lo = mid;
    }

  return lo;
}

/* One review of the last 90 days (or later). */
static gboolean
add_review_cb (gint64            time,
               EntenteFsrsState  state,
               EntenteFsrsRating rating,
               gpointer          user_data)
{
  EntenteStats *stats = user_data;
  gboolean counted = state == ENTENTE_FSRS_STATE_REVIEW;

  if (time >= stats->bounds[0] && time < stats->bounds[TODAY + 1])
    {
      guint i = find_day (stats->bounds, 0, TODAY + 1, time);

      stats->days[i].count++;
      stats->days[i].first_count += state == ENTENTE_FSRS_STATE_NEW;
      stats->counted[i] += counted;
      stats->passed[i] += counted && rating != ENTENTE_FSRS_RATING_AGAIN;
    }

  return TRUE;
}

static void
init_day (EntenteStatsDay *day,
          GDateTime       *start)
{
  memset (day, 0, sizeof *day);
  day->start = g_date_time_to_unix (start) * 1000;
  g_date_time_get_ymd (start, &day->year, &day->month, &day->day);
}

static gboolean
compute_bounds (EntenteStats  *stats,
                GError       **error)
{
  GTimeZone *tz = g_date_time_get_timezone (stats->now);
  GDate date;
  int year, month, mday;

  g_date_time_get_ymd (stats->now, &year, &month, &mday);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, mday, month, year);
  g_date_subtract_days (&date, TODAY);

  for (guint i = 0; i < N_BOUNDS; i++)
    {
      /* A midnight that summer time skips becomes the first time of that day. */
      g_autoptr(GDateTime) start = g_date_time_new (tz, g_date_get_year (&date),
                                                    g_date_get_month (&date),
                                                    g_date_get_day (&date), 0, 0, 0);

      if (start == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The statistics cannot be computed for this date"));
          return FALSE;
        }

      stats->bounds[i] = g_date_time_to_unix (start) * 1000;
      if (i <= TODAY)
        init_day (&stats->days[i], start);
      if (i >= TODAY && i < N_BOUNDS - 1)
        init_day (&stats->forecast[i - TODAY], start);

      g_date_add_days (&date, 1);
    }

  return TRUE;
}

static void
compute_cards (EntenteStats *stats,
               GHashTable   *states)
{
  EntenteFsrsParams params;
  GListModel *cards = entente_pack_get_cards (stats->pack);
  guint n_cards = g_list_model_get_n_items (cards);
  g_autoptr(GHashTable) section_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree double *sums = NULL;
  g_autofree guint *parents = NULL;
  gint64 now_ms = g_date_time_to_unix (stats->now) * 1000 +
                  g_date_time_get_microsecond (stats->now) / 1000;
  double sum = 0;

  entente_fsrs_params_init_default (&params);

  stats->n_sections = entente_pack_get_n_sections (stats->pack);
  stats->sections = g_new0 (EntenteStatsSection, stats->n_sections);
  sums = g_new0 (double, stats->n_sections);
  parents = g_new (guint, stats->n_sections);

  for (guint i = 0; i < stats->n_sections; i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (stats->pack, i);
      EntenteSection *parent = entente_section_get_parent (section);

      stats->sections[i].section = section;
      stats->sections[i].depth = entente_section_get_depth (section);
      g_hash_table_insert (section_index, (gpointer) entente_section_get_id (section),
                           GUINT_TO_POINTER (i + 1));
      /* Depth first: a parent always comes before its children. */
      parents[i] = parent != NULL
        ? GPOINTER_TO_UINT (g_hash_table_lookup (section_index, entente_section_get_id (parent)))
        : 0;
    }

  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(EntenteCard) card = g_list_model_get_item (cards, i);
      const EntenteFsrsCard *state = g_hash_table_lookup (states, entente_card_get_id (card));
      const char *section_id = entente_card_get_section (card);
      gboolean learned = state != NULL && state->state != ENTENTE_FSRS_STATE_NEW;
      double r = learned ? entente_fsrs_retrievability (&params, state, now_ms) : 0;
      guint s = 0;

      stats->total++;
      stats->learned += learned;
      sum += r;

      if (section_id != NULL &&
          (s = GPOINTER_TO_UINT (g_hash_table_lookup (section_index, section_id))) > 0)
        {
          stats->sections[s - 1].total++;
          stats->sections[s - 1].learned += learned;
          sums[s - 1] += r;
        }

      if (learned)
        {
          if (state->due < stats->bounds[TODAY])
            {
              stats->forecast[0].count++;
              stats->n_overdue++;
            }
          else if (state->due < stats->bounds[N_BOUNDS - 1])
            {
              guint d = find_day (stats->bounds, TODAY, N_BOUNDS - 1, state->due);

              stats->forecast[d - TODAY].count++;
            }
        }
    }

  /* Children come after their parent, so walking backwards rolls each section's whole
   * subtree into it before it is added to its own parent. */
  for (guint i = stats->n_sections; i-- > 0;)
    {
      EntenteStatsSection *section = &stats->sections[i];

      section->mastery = section->total > 0 ? sums[i] / section->total : 0;
      if (parents[i] > 0)
        {
          stats->sections[parents[i] - 1].total += section->total;
          stats->sections[parents[i] - 1].learned += section->learned;
          sums[parents[i] - 1] += sums[i];
        }
    }

  stats->mastery = stats->total > 0 ? sum / stats->total : 0;
}

EntenteStats *
entente_stats_compute (EntenteProgressStore  *store,
                       EntentePack           *pack,
                       GDateTime             *now,
                       GError               **error)
{
  g_autoptr(EntenteStats) stats = NULL;
  g_autoptr(GHashTable) states = NULL;
  EntenteProgressCounts counts;

  g_return_val_if_fail (ENTENTE_IS_PROGRESS_STORE (store), NULL);
  g_return_val_if_fail (ENTENTE_IS_PACK (pack), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stats = g_new0 (EntenteStats, 1);
  stats->pack = g_object_ref (pack);
  stats->now = g_date_time_ref (now);

  if (!compute_bounds (stats, error))
    return NULL;

  /* The all-time totals are counted by the store; only the last 90 days' reviews are
   * read, three values each, and binned into local days here. */
  if (!entente_progress_store_count_reviews (store, entente_pack_get_id (pack), &counts, error))
    return NULL;
  stats->n_reviews = counts.reviews;
  stats->n_first = counts.first;
  stats->n_counted = counts.counted;
  stats->n_passed = counts.passed;

  if (!entente_progress_store_foreach_review_since (store, entente_pack_get_id (pack),
                                                    stats->bounds[0], add_review_cb, stats,
                                                    error))
    return NULL;

  if (!(states = entente_progress_store_load_pack (store, entente_pack_get_id (pack), error)))
    return NULL;

  compute_cards (stats, states);

  return g_steal_pointer (&stats);
}

/* Getters */

static guint
window_days (EntenteStatsWindow window)
{
  return window == ENTENTE_STATS_WINDOW_30_DAYS ? 30 : ENTENTE_STATS_N_DAYS;
}

const EntenteStatsDay *
entente_stats_get_reviews (const EntenteStats *stats,
                           EntenteStatsWindow  window,
                           guint              *out_n_days)
{
  guint n;

  g_return_val_if_fail (stats != NULL, NULL);
  g_return_val_if_fail (window != ENTENTE_STATS_WINDOW_ALL_TIME, NULL);

  n = window_days (window);
  if (out_n_days != NULL)
    *out_n_days = n;

  return &stats->days[ENTENTE_STATS_N_DAYS - n];
}

guint
entente_stats_get_n_reviews (const EntenteStats *stats,
                             EntenteStatsWindow  window,
                             guint              *out_first)
{
  guint reviews = 0, first = 0;

  g_return_val_if_fail (stats != NULL, 0);

  if (window == ENTENTE_STATS_WINDOW_ALL_TIME)
    {
      reviews = stats->n_reviews;
      first = stats->n_first;
    }
  else
    {
      for (guint i = ENTENTE_STATS_N_DAYS - window_days (window); i < ENTENTE_STATS_N_DAYS; i++)
        {
          reviews += stats->days[i].count;
          first += stats->days[i].first_count;
        }
    }

  if (out_first != NULL)
    *out_first = first;

  return reviews;
}

double
entente_stats_get_retention (const EntenteStats *stats,
                             EntenteStatsWindow  window,
                             guint              *out_passed,
                             guint              *out_total)
{
  guint passed = 0, total = 0;

  g_return_val_if_fail (stats != NULL, -1);

  if (window == ENTENTE_STATS_WINDOW_ALL_TIME)
    {
      passed = stats->n_passed;
      total = stats->n_counted;
    }
  else
    {
      for (guint i = ENTENTE_STATS_N_DAYS - window_days (window); i < ENTENTE_STATS_N_DAYS; i++)
        {
          passed += stats->passed[i];
          total += stats->counted[i];
        }
    }

  if (out_passed != NULL)
    *out_passed = passed;
  if (out_total != NULL)
    *out_total = total;

  return total > 0 ? (double) passed / total : -1;
}

const EntenteStatsDay *
entente_stats_get_forecast (const EntenteStats *stats,
                            guint              *out_n_days)
{
  g_return_val_if_fail (stats != NULL, NULL);

  if (out_n_days != NULL)
    *out_n_days = ENTENTE_STATS_N_FORECAST_DAYS;

  return stats->forecast;
}

guint
entente_stats_get_n_overdue (const EntenteStats *stats)
{
  g_return_val_if_fail (stats != NULL, 0);

  return stats->n_overdue;
}

const EntenteStatsSection *
entente_stats_get_sections (const EntenteStats *stats,
                            guint              *out_n_sections)
{
  g_return_val_if_fail (stats != NULL, NULL);

  if (out_n_sections != NULL)
    *out_n_sections = stats->n_sections;

  return stats->sections;
}

const EntenteStatsSection *
entente_stats_lookup_section (const EntenteStats *stats,
                              const char         *section_id)
{
  g_return_val_if_fail (stats != NULL, NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  for (guint i = 0; i < stats->n_sections; i++)
    if (g_strcmp0 (entente_section_get_id (stats->sections[i].section), section_id) == 0)
      return &stats->sections[i];

  return NULL;
}

double
entente_stats_get_mastery (const EntenteStats *stats,
                           guint              *out_learned,
                           guint              *out_total)
{
  g_return_val_if_fail (stats != NULL, 0);

  if (out_learned != NULL)
    *out_learned = stats->learned;
  if (out_total != NULL)
    *out_total = stats->total;

  return stats->mastery;
}

/* Text */

static char *
format_percent (double fraction)
{
  /* Translators: a percentage, e.g. "87%"; %.0f is the number */
  return g_strdup_printf (_("%.0f%%"), fraction * 100);
}

static char *
format_day (const EntenteStats    *stats,
            const EntenteStatsDay *day,
            gboolean               with_year)
{
  g_autoptr(GDateTime) time = g_date_time_new (g_date_time_get_timezone (stats->now),
                                               day->year, day->month, day->day, 12, 0, 0);

  return g_date_time_format (time, with_year
                             /* Translators: a day in a statistics table, for
                              * g_date_time_format (): "3 November 2026" */
                             ? _("%-d %B %Y")
                             /* Translators: a day in a statistics summary, for
                              * g_date_time_format (): "3 November" */
                             : _("%-d %B"));
}

static char *
format_average (double average)
{
  /* Whole numbers from 10 a day up; below that one decimal, so 5 reviews in 30 days
   * do not read as "0 a day". */
  return g_strdup_printf (average >= 10 ? "%.0f" : "%.1f", average);
}

/* The first day with the largest count. */
static const EntenteStatsDay *
busiest_day (const EntenteStatsDay *days,
             guint                  n_days)
{
  const EntenteStatsDay *best = &days[0];

  for (guint i = 1; i < n_days; i++)
    if (days[i].count > best->count)
      best = &days[i];

  return best;
}

static char *
dup_reviews_summary (const EntenteStats *stats,
                     EntenteStatsWindow  window)
{
  guint n_days, first;
  const EntenteStatsDay *days = entente_stats_get_reviews (stats, window, &n_days);
  guint total = entente_stats_get_n_reviews (stats, window, &first);
  const EntenteStatsDay *best;
  g_autofree char *count = NULL;
  g_autofree char *average = NULL;
  g_autofree char *day = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *first_part = NULL;

  if (total == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: the summary under the chart of
                                            reviews per day, on the Statistics page; %u is
                                            the number of days shown, 30 or 90 */
                                         "No reviews in the last %u day.",
                                         "No reviews in the last %u days.", n_days),
                            n_days);

  best = busiest_day (days, n_days);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: the start of a sentence under the
                                           chart of reviews per day, completed by "%s, %s a
                                           day on average…"; the first %u is the number of
                                           reviews, the second the number of days shown, 30
                                           or 90 */
                                        "%u review in the last %u days",
                                        "%u reviews in the last %u days", total),
                           total, n_days);
  average = format_average ((double) total / n_days);
  day = format_day (stats, best, FALSE);
  /* Translators: "412 reviews in the last 30 days, 14 a day on average; most on
   * 3 November (40)." The first %s is the part before the comma, the second the average,
   * the third a day and %u its number of reviews */
  sentence = g_strdup_printf (_("%s, %s a day on average; most on %s (%u)."),
                              count, average, day, best->count);

  if (first == 0)
    return g_steal_pointer (&sentence);

  first_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: follows the sentence about the
                                                number of reviews under the chart of reviews
                                                per day; %u is how many of those reviews were
                                                a card's first */
                                             "%u of them was a first review.",
                                             "%u of them were first reviews.", first),
                                first);

  return g_strdup_printf ("%s %s", sentence, first_part);
}

static char *
dup_retention_part (const EntenteStats *stats,
                    EntenteStatsWindow  window)
{
  guint passed, total;
  double rate = entente_stats_get_retention (stats, window, &passed, &total);
  g_autofree char *percent = NULL;

  if (total == 0)
    {
      switch (window)
        {
        case ENTENTE_STATS_WINDOW_30_DAYS:
          return g_strdup (_("none to count in the last 30 days"));
        case ENTENTE_STATS_WINDOW_90_DAYS:
          return g_strdup (_("none to count in the last 90 days"));
        case ENTENTE_STATS_WINDOW_ALL_TIME:
        default:
          return g_strdup (_("none to count in all"));
        }
    }

  percent = format_percent (rate);
  switch (window)
    {
    case ENTENTE_STATS_WINDOW_30_DAYS:
      /* Translators: "87% in the last 30 days (348 of 400 passed)" */
      return g_strdup_printf (_("%s in the last 30 days (%u of %u passed)"),
                              percent, passed, total);
    case ENTENTE_STATS_WINDOW_90_DAYS:
      /* Translators: "85% in the last 90 days (1000 of 1180 passed)" */
      return g_strdup_printf (_("%s in the last 90 days (%u of %u passed)"),
                              percent, passed, total);
    case ENTENTE_STATS_WINDOW_ALL_TIME:
    default:
      /* Translators: "86% in all (5000 of 5800 passed)" */
      return g_strdup_printf (_("%s in all (%u of %u passed)"), percent, passed, total);
    }
}

static char *
dup_retention_summary (const EntenteStats *stats)
{
  g_autofree char *last_30 = NULL;
  g_autofree char *last_90 = NULL;
  g_autofree char *all = NULL;

  if (stats->n_counted == 0)
    return g_strdup (_("No reviews of cards in the Review state yet, so there is no true "
                       "retention to show."));

  last_30 = dup_retention_part (stats, ENTENTE_STATS_WINDOW_30_DAYS);
  last_90 = dup_retention_part (stats, ENTENTE_STATS_WINDOW_90_DAYS);
  all = dup_retention_part (stats, ENTENTE_STATS_WINDOW_ALL_TIME);

  /* Translators: the parts are for the last 30 days, the last 90 days and all time, as
   * "87% in the last 30 days (348 of 400 passed)" */
  return g_strdup_printf (_("True retention, the share of passed reviews of cards in the "
                            "Review state: %s; %s; %s."),
                          last_30, last_90, all);
}

static char *
dup_forecast_summary (const EntenteStats *stats)
{
  const EntenteStatsDay *best = busiest_day (stats->forecast, ENTENTE_STATS_N_FORECAST_DAYS);
  g_autofree char *count = NULL;
  g_autofree char *day = NULL;
  guint total = 0;

  for (guint i = 0; i < ENTENTE_STATS_N_FORECAST_DAYS; i++)
    total += stats->forecast[i].count;

  if (total == 0)
    return g_strdup (_("No cards due in the next 30 days."));

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: the start of a sentence under the
                                           chart of cards due, completed by "%s, %u of them
                                           today…"; %u is the number of cards due */
                                        "%u card due in the next 30 days",
                                        "%u cards due in the next 30 days", total),
                           total);
  day = format_day (stats, best, FALSE);

  /* Translators: "103 cards due in the next 30 days, 12 of them today; most on
   * 5 December (15)." The first %s is the part before the comma, %u today's cards, the
   * second %s a day and the last %u its number of cards */
  return g_strdup_printf (_("%s, %u of them today; most on %s (%u)."),
                          count, stats->forecast[0].count, day, best->count);
}

static char *
dup_mastery_summary (const EntenteStats *stats)
{
  const EntenteStatsSection *highest = NULL, *lowest = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *high = NULL;
  g_autofree char *low = NULL;
  guint n_top = 0;

  if (stats->total == 0)
    return g_strdup (_("The pack has no cards, so there is nothing to master yet."));

  percent = format_percent (stats->mastery);
  sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: "Mastery is 62% across the pack,
                                              with 120 of 300 cards learned." %s is a
                                              percentage, the first %u the number of cards
                                              learned, the second the number of cards */
                                           "Mastery is %s across the pack, with %u of %u card learned.",
                                           "Mastery is %s across the pack, with %u of %u cards learned.",
                                           stats->total),
                              percent, stats->learned, stats->total);

  for (guint i = 0; i < stats->n_sections; i++)
    {
      const EntenteStatsSection *section = &stats->sections[i];

      if (section->depth != 0 || section->total == 0)
        continue;
      n_top++;
      if (highest == NULL || section->mastery > highest->mastery)
        highest = section;
      if (lowest == NULL || section->mastery < lowest->mastery)
        lowest = section;
    }

  if (n_top < 2 || highest->mastery == lowest->mastery)
    return g_steal_pointer (&sentence);

  high = format_percent (highest->mastery);
  low = format_percent (lowest->mastery);

  /* Translators: follows the sentence about the pack's mastery: "Highest in “Treaties”
   * (90%), lowest in “Members” (10%)." The %s are section titles and percentages */
  return g_strdup_printf (_("%s Highest in “%s” (%s), lowest in “%s” (%s)."),
                          sentence,
                          entente_section_get_title (highest->section), high,
                          entente_section_get_title (lowest->section), low);
}

char *
entente_stats_dup_summary (const EntenteStats *stats,
                           EntenteStatsChart   chart)
{
  g_return_val_if_fail (stats != NULL, NULL);

  switch (chart)
    {
    case ENTENTE_STATS_CHART_REVIEWS_30_DAYS:
      return dup_reviews_summary (stats, ENTENTE_STATS_WINDOW_30_DAYS);
    case ENTENTE_STATS_CHART_REVIEWS_90_DAYS:
      return dup_reviews_summary (stats, ENTENTE_STATS_WINDOW_90_DAYS);
    case ENTENTE_STATS_CHART_RETENTION:
      return dup_retention_summary (stats);
    case ENTENTE_STATS_CHART_FORECAST:
      return dup_forecast_summary (stats);
    case ENTENTE_STATS_CHART_MASTERY:
      return dup_mastery_summary (stats);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Tables */

static void
row_free (gpointer data)
{
  EntenteStatsRow *row = data;

  g_free (row->label);
  g_free (row->value);
  g_free (row);
}

static GPtrArray *
table_new (void)
{
  return g_ptr_array_new_with_free_func (row_free);
}

/* Takes both strings. */
static void
table_add (GPtrArray *table,
           char      *label,
           char      *value)
{
  EntenteStatsRow *row = g_new (EntenteStatsRow, 1);

  row->label = label;
  row->value = value;
  g_ptr_array_add (table, row);
}

static void
add_retention_row (GPtrArray          *table,
                   const EntenteStats *stats,
                   EntenteStatsWindow  window,
                   const char         *label)
{
  guint passed, total;
  double rate = entente_stats_get_retention (stats, window, &passed, &total);
  g_autofree char *percent = NULL;

  if (total == 0)
    {
      table_add (table, g_strdup (label), g_strdup (_("No reviews to count")));
      return;
    }

  percent = format_percent (rate);
  table_add (table, g_strdup (label),
             /* Translators: a cell of the table that a screen reader reads in place of
                a chart, such as "87% (348 of 400 passed)": %s is the share of reviews
                passed, the first %u the reviews passed, the second all reviews */
             g_strdup_printf (_("%s (%u of %u passed)"), percent, passed, total));
}

GPtrArray *
entente_stats_dup_table (const EntenteStats *stats,
                         EntenteStatsChart   chart)
{
  GPtrArray *table;

  g_return_val_if_fail (stats != NULL, NULL);

  table = table_new ();

  switch (chart)
    {
    case ENTENTE_STATS_CHART_REVIEWS_30_DAYS:
    case ENTENTE_STATS_CHART_REVIEWS_90_DAYS:
      {
        guint n_days;
        const EntenteStatsDay *days =
          entente_stats_get_reviews (stats,
                                     chart == ENTENTE_STATS_CHART_REVIEWS_30_DAYS
                                     ? ENTENTE_STATS_WINDOW_30_DAYS
                                     : ENTENTE_STATS_WINDOW_90_DAYS,
                                     &n_days);

        for (guint i = 0; i < n_days; i++)
          table_add (table, format_day (stats, &days[i], TRUE),
                     days[i].first_count > 0
                     /* Translators: reviews on a day, and how many were first reviews */
                     ? g_strdup_printf (_("%u (%u first)"), days[i].count, days[i].first_count)
                     : g_strdup_printf ("%u", days[i].count));
      }
      break;

    case ENTENTE_STATS_CHART_RETENTION:
      add_retention_row (table, stats, ENTENTE_STATS_WINDOW_30_DAYS, _("Last 30 days"));
      add_retention_row (table, stats, ENTENTE_STATS_WINDOW_90_DAYS, _("Last 90 days"));
      /* Translators: a row of the table that a screen reader reads in place of the
         retention chart: retention over every review ever made */
      add_retention_row (table, stats, ENTENTE_STATS_WINDOW_ALL_TIME, _("All time"));
      break;

    case ENTENTE_STATS_CHART_FORECAST:
      for (guint i = 0; i < ENTENTE_STATS_N_FORECAST_DAYS; i++)
        {
          const EntenteStatsDay *day = &stats->forecast[i];
          /* Translators: the first row of the table that a screen reader reads in place of the
             chart of cards due: the cards due today */
          char *label = i == 0 ? g_strdup (_("Today"))
                      /* Translators: the second row of that table: the cards due tomorrow */
                      : i == 1 ? g_strdup (_("Tomorrow"))
                      : format_day (stats, day, TRUE);

          table_add (table, label,
                     i == 0 && stats->n_overdue > 0
                     /* Translators: cards due today, and how many of them were due before */
                     ? g_strdup_printf (_("%u (%u overdue)"), day->count, stats->n_overdue)
                     : g_strdup_printf ("%u", day->count));
        }
      break;

    case ENTENTE_STATS_CHART_MASTERY:
      {
        g_autofree char *percent = format_percent (stats->mastery);

        /* Translators: the first row of the table that a screen reader reads in place of
           the mastery chart: the mastery of all the pack's sections together */
        table_add (table, g_strdup (_("Whole pack")),
                   /* Translators: a cell of the table that a screen reader reads in place
                      of the mastery chart, such as "62%, 120 of 300 learned": %s is the
                      mastery, the first %u the cards learned, the second all cards */
                   g_strdup_printf (_("%s, %u of %u learned"),
                                    percent, stats->learned, stats->total));

        for (guint i = 0; i < stats->n_sections; i++)
          {
            const EntenteStatsSection *section = &stats->sections[i];
            g_autofree char *section_percent = format_percent (section->mastery);

            table_add (table, g_strdup (entente_section_get_title (section->section)),
                       /* Translators: a cell of the table that a screen reader reads in
                          place of the mastery chart, such as "62%, 120 of 300 learned": %s
                          is the section's mastery, the first %u its cards learned, the
                          second all its cards */
                       g_strdup_printf (_("%s, %u of %u learned"),
                                        section_percent, section->learned, section->total));
          }
      }
      break;

    default:
      g_ptr_array_unref (table);
      g_return_val_if_reached (NULL);
    }

  return table;
}

/* Scores */

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  const EntenteStatsScore *x = a, *y = b;

  return (x->time > y->time) - (x->time < y->time);
}

GArray *
entente_stats_score_series (const EntenteStatsResult *results,
                            gsize                     n_results,
                            guint                     window)
{
  GArray *series;
  double sum = 0;

  g_return_val_if_fail (results != NULL || n_results == 0, NULL);
  g_return_val_if_fail (window >= 1, NULL);

  series = g_array_sized_new (FALSE, FALSE, sizeof (EntenteStatsScore), n_results);

  for (gsize i = 0; i < n_results; i++)
    {
      EntenteStatsScore score = {
        .time = results[i].time,
        .right = MIN (results[i].right, results[i].total),
        .total = results[i].total,
      };

      if (score.total == 0)
        continue;
      score.percent = 100.0 * score.right / score.total;
      g_array_append_val (series, score);
    }

  /* Stable (GLib's sort is a merge sort), so results at the same time keep their order. */
  g_array_sort (series, compare_scores);

  for (guint i = 0; i < series->len; i++)
    {
      EntenteStatsScore *score = &g_array_index (series, EntenteStatsScore, i);

      sum += score->percent;
      if (i >= window)
        sum -= g_array_index (series, EntenteStatsScore, i - window).percent;
      score->moving_average = sum / MIN (i + 1, window);
    }

  return series;
}

char *
entente_stats_score_dup_summary (GArray *series,
                                 guint   window)
{
  const EntenteStatsScore *latest;
  double best = 0;
  g_autofree char *count = NULL;
  g_autofree char *latest_percent = NULL;
  g_autofree char *best_percent = NULL;
  g_autofree char *average = NULL;

  g_return_val_if_fail (series != NULL, NULL);

  if (series->len == 0)
    return g_strdup (_("No results yet."));

  latest = &g_array_index (series, EntenteStatsScore, series->len - 1);
  for (guint i = 0; i < series->len; i++)
    best = MAX (best, g_array_index (series, EntenteStatsScore, i).percent);

  /* Translators: the start of the summary under the chart of exam results, completed by
     "%s; the latest %s…"; %u is the number of exams taken */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results",
                                        series->len),
                           series->len);
  latest_percent = format_percent (latest->percent / 100);
  best_percent = format_percent (best / 100);
  average = format_percent (latest->moving_average / 100);

  /* Translators: "5 results; the latest 80%, the best 90%, the average of the last 3
   * 75%." The first %s is "5 results", %u the number of results averaged */
  return g_strdup_printf (_("%s; the latest %s, the best %s, the average of the last %u %s."),
                          count, latest_percent, best_percent,
                          MIN (series->len, window), average);
}

GPtrArray *
entente_stats_score_dup_table (GArray    *series,
                               GTimeZone *tz)
{
  GPtrArray *table;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  table = table_new ();
  for (guint i = 0; i < series->len; i++)
    {
      const EntenteStatsScore *score = &g_array_index (series, EntenteStatsScore, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (score->time / 1000);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;
      g_autofree char *percent = format_percent (score->percent / 100);

      table_add (table,
                 local != NULL
                 /* Translators: when a result was had, for g_date_time_format ():
                  * "3 November 2026, 14:05" */
                 ? g_date_time_format (local, _("%-d %B %Y, %H:%M"))
                 : g_strdup ("?"),
                 /* Translators: "80% (8 of 10 right)" */
                 g_strdup_printf (_("%s (%u of %u right)"), percent, score->right, score->total));
    }

  return table;
}
