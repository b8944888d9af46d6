/* test-stats.c
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Statistics page's numbers from a hand-made review log (tests/data/stats/pack.json
 * and the reviews below, written through the progress store): reviews per local day in
 * a time zone five hours east of UTC and across the end of summer time, first reviews,
 * true retention, the forecast's bins, mastery per section rolled up to parents, the
 * summaries and tables for assistive technologies, no data at all, and score series.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "entente-model.h"
#include "entente-stats.h"

#define PACK_ID "stats-fixture"
#define HOUR_MS G_GINT64_CONSTANT (3600000)
#define DAY_MS (24 * HOUR_MS)

typedef struct
{
  char                 *dir;
  EntenteProgressStore *store;
  EntentePack          *pack;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pack_path = g_test_build_filename (G_TEST_DIST, "data", "stats",
                                                      "pack.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pack_path);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-stats-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "progress.db", NULL);
  fixture->store = entente_progress_store_open (path, &error);
  g_assert_no_error (error);
  fixture->pack = entente_pack_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->store);
  g_clear_object (&fixture->pack);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fixture->dir, "/progress.db", suffixes[i], NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Local time in @tz, as ms since the epoch. */
static gint64
local_ms (GTimeZone *tz,
          int        year,
          int        month,
          int        day,
          int        hour,
          int        minute)
{
  g_autoptr(GDateTime) time = g_date_time_new (tz, year, month, day, hour, minute, 0);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time) * 1000;
}

/* Records a review of @card_id at @time whose log says the card was in @before before it,
 * and leaves the card in @after_state, due at @due, reviewed @age_days days before
 * @now_ms with a stability of 10 days. */
static void
add_review (Fixture          *fixture,
            const char       *pack_id,
            const char       *card_id,
            gint64            time,
            EntenteFsrsState  before,
            EntenteFsrsRating rating,
            EntenteFsrsState  after_state,
            gint64            due,
            gint64            now_ms,
            int               age_days)
{
  g_autoptr(GError) error = NULL;
  EntenteFsrsLog log = {
    .rating = rating,
    .state = before,
    .due = time,
    .stability = 5,
    .difficulty = 5,
    .review = time,
  };
  EntenteFsrsCard after = {
    .due = due,
    .stability = 10,
    .difficulty = 5,
    .scheduled_days = 10,
    .reps = 1,
    .state = after_state,
    .last_review = now_ms - age_days * DAY_MS,
  };

  g_assert_cmpint (entente_progress_store_record_review (fixture->store, pack_id, card_id,
                                                         &log, &after, 3000, &error), >, 0);
  g_assert_no_error (error);
}

/* 2026-11-28 17:00 at UTC+5, 12:00 UTC. */
static GDateTime *
fixture_now (GTimeZone *tz)
{
  return g_date_time_new (tz, 2026, 11, 28, 17, 0, 0);
}

/* The log of the fixture, in the time zone @tz = UTC+5 (see the expected values in
 * test_reviews and the others). */
static void
fill (Fixture   *fixture,
      GTimeZone *tz)
{
  g_autoptr(GDateTime) now = fixture_now (tz);
  gint64 now_ms = g_date_time_to_unix (now) * 1000;
  const EntenteFsrsState NEW = ENTENTE_FSRS_STATE_NEW, LEARNING = ENTENTE_FSRS_STATE_LEARNING;
  const EntenteFsrsState REVIEW = ENTENTE_FSRS_STATE_REVIEW;
  const EntenteFsrsState RELEARNING = ENTENTE_FSRS_STATE_RELEARNING;
  const EntenteFsrsRating AGAIN = ENTENTE_FSRS_RATING_AGAIN, HARD = ENTENTE_FSRS_RATING_HARD;
  const EntenteFsrsRating GOOD = ENTENTE_FSRS_RATING_GOOD, EASY = ENTENTE_FSRS_RATING_EASY;

  /* A card the pack no longer has: its reviews count, its state does not. */
  add_review (fixture, PACK_ID, "gone", local_ms (tz, 2025, 1, 1, 12, 0), REVIEW, AGAIN,
              REVIEW, local_ms (tz, 2026, 11, 28, 9, 0), now_ms, 0);
  /* Another pack's review and card: nothing of them counts. */
  add_review (fixture, "other-pack", "a1", local_ms (tz, 2026, 11, 28, 8, 0), REVIEW, AGAIN,
              REVIEW, local_ms (tz, 2026, 11, 28, 9, 0), now_ms, 0);

  add_review (fixture, PACK_ID, "x1", local_ms (tz, 2025, 6, 1, 12, 0), REVIEW, GOOD,
              REVIEW, 0, now_ms, 0);
  add_review (fixture, PACK_ID, "m1", local_ms (tz, 2026, 10, 1, 12, 0), REVIEW, HARD,
              REVIEW, 0, now_ms, 0);
  /* m2's state: due the day after the forecast's last. */
  add_review (fixture, PACK_ID, "m2", local_ms (tz, 2026, 10, 29, 23, 50), NEW, GOOD,
              REVIEW, local_ms (tz, 2026, 12, 28, 0, 0), now_ms, 10);
  /* m1's state: due on the forecast's last day, the 30th. */
  add_review (fixture, PACK_ID, "m1", local_ms (tz, 2026, 10, 30, 0, 10), REVIEW, AGAIN,
              REVIEW, local_ms (tz, 2026, 12, 27, 23, 59), now_ms, 0);
  add_review (fixture, PACK_ID, "a3", local_ms (tz, 2026, 11, 20, 12, 0), RELEARNING, AGAIN,
              RELEARNING, 0, now_ms, 0);
  /* 23:59 local is 18:59 UTC the same day; 00:30 local is 19:30 UTC the day before. */
  add_review (fixture, PACK_ID, "a2", local_ms (tz, 2026, 11, 27, 23, 59), NEW, GOOD,
              LEARNING, 0, now_ms, 0);
  add_review (fixture, PACK_ID, "a1", local_ms (tz, 2026, 11, 28, 0, 30), NEW, GOOD,
              LEARNING, 0, now_ms, 0);
  /* a1's state: due later today. */
  add_review (fixture, PACK_ID, "a1", local_ms (tz, 2026, 11, 28, 0, 40), LEARNING, GOOD,
              REVIEW, local_ms (tz, 2026, 11, 28, 18, 0), now_ms, 10);
  /* a2's state: overdue since yesterday. */
  add_review (fixture, PACK_ID, "a2", local_ms (tz, 2026, 11, 28, 9, 0), REVIEW, AGAIN,
              RELEARNING, local_ms (tz, 2026, 11, 27, 12, 0), now_ms, 0);
  /* a3's state: due at the first moment of the day after tomorrow. */
  add_review (fixture, PACK_ID, "a3", local_ms (tz, 2026, 11, 28, 10, 0), REVIEW, GOOD,
              REVIEW, local_ms (tz, 2026, 11, 30, 0, 0), now_ms, 10);
  /* Later today than "now"; x1's state: due tomorrow. */
  add_review (fixture, PACK_ID, "x1", local_ms (tz, 2026, 11, 28, 20, 0), REVIEW, EASY,
              REVIEW, local_ms (tz, 2026, 11, 29, 6, 0), now_ms, 0);
}

static EntenteStats *
compute (Fixture   *fixture,
         GTimeZone *tz)
{
  g_autoptr(GDateTime) now = fixture_now (tz);
  g_autoptr(GError) error = NULL;
  EntenteStats *stats = entente_stats_compute (fixture->store, fixture->pack, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static void
assert_day (const EntenteStatsDay *day,
            int                    year,
            int                    month,
            int                    mday,
            guint                  count,
            guint                  first_count)
{
  g_assert_cmpint (day->year, ==, year);
  g_assert_cmpint (day->month, ==, month);
  g_assert_cmpint (day->day, ==, mday);
  g_assert_cmpuint (day->count, ==, count);
  g_assert_cmpuint (day->first_count, ==, first_count);
}

static void
test_reviews (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+05:00");
  g_autoptr(EntenteStats) stats = NULL;
  const EntenteStatsDay *days;
  guint n_days, first, total_30 = 0;

  fill (fixture, tz);
  stats = compute (fixture, tz);

  days = entente_stats_get_reviews (stats, ENTENTE_STATS_WINDOW_30_DAYS, &n_days);
  g_assert_cmpuint (n_days, ==, 30);
  /* The window starts at local midnight of 30 October, 19:00 UTC on the 29th. */
  g_assert_cmpint (days[0].start, ==, local_ms (tz, 2026, 10, 30, 0, 0));
  g_assert_cmpint (days[0].start, ==, G_GINT64_CONSTANT (1793300400000));
  assert_day (&days[0], 2026, 10, 30, 1, 0);
  assert_day (&days[21], 2026, 11, 20, 1, 0);
  assert_day (&days[28], 2026, 11, 27, 1, 1);
  assert_day (&days[29], 2026, 11, 28, 5, 1);
  for (guint i = 0; i < n_days; i++)
    total_30 += days[i].count;
  g_assert_cmpuint (total_30, ==, 8);
  g_assert_cmpuint (entente_stats_get_n_reviews (stats, ENTENTE_STATS_WINDOW_30_DAYS, &first),
                    ==, 8);
  g_assert_cmpuint (first, ==, 2);

  days = entente_stats_get_reviews (stats, ENTENTE_STATS_WINDOW_90_DAYS, &n_days);
  g_assert_cmpuint (n_days, ==, 90);
  assert_day (&days[0], 2026, 8, 31, 0, 0);
  assert_day (&days[31], 2026, 10, 1, 1, 0);
  assert_day (&days[59], 2026, 10, 29, 1, 1);
  assert_day (&days[60], 2026, 10, 30, 1, 0);
  assert_day (&days[89], 2026, 11, 28, 5, 1);
  g_assert_cmpuint (entente_stats_get_n_reviews (stats, ENTENTE_STATS_WINDOW_90_DAYS, &first),
                    ==, 10);
  g_assert_cmpuint (first, ==, 3);

  g_assert_cmpuint (entente_stats_get_n_reviews (stats, ENTENTE_STATS_WINDOW_ALL_TIME, &first),
                    ==, 12);
  g_assert_cmpuint (first, ==, 3);
}

static void
test_retention (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+05:00");
  g_autoptr(EntenteStats) stats = NULL;
  guint passed, total;

  fill (fixture, tz);
  stats = compute (fixture, tz);

  /* Only reviews of cards in the Review state count; Hard passes, Again fails; the
   * relearning and learning reviews of a3 and a1 do not count. */
  g_assert_cmpfloat (entente_stats_get_retention (stats, ENTENTE_STATS_WINDOW_30_DAYS,
                                                  &passed, &total), ==, 0.5);
  g_assert_cmpuint (passed, ==, 2);
  g_assert_cmpuint (total, ==, 4);
  g_assert_cmpfloat (entente_stats_get_retention (stats, ENTENTE_STATS_WINDOW_90_DAYS,
                                                  &passed, &total), ==, 0.6);
  g_assert_cmpuint (passed, ==, 3);
  g_assert_cmpuint (total, ==, 5);
  g_assert_cmpfloat_with_epsilon (entente_stats_get_retention (stats,
                                                               ENTENTE_STATS_WINDOW_ALL_TIME,
                                                               &passed, &total),
                                  4.0 / 7.0, 1e-12);
  g_assert_cmpuint (passed, ==, 4);
  g_assert_cmpuint (total, ==, 7);
}

static void
test_forecast (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+05:00");
  g_autoptr(EntenteStats) stats = NULL;
  const EntenteStatsDay *days;
  guint n_days, total = 0;

  fill (fixture, tz);
  stats = compute (fixture, tz);

  days = entente_stats_get_forecast (stats, &n_days);
  g_assert_cmpuint (n_days, ==, 30);
  g_assert_cmpint (days[0].start, ==, local_ms (tz, 2026, 11, 28, 0, 0));
  /* a2 (overdue) and a1 (later today); not the gone card nor the other pack's. */
  assert_day (&days[0], 2026, 11, 28, 2, 0);
  g_assert_cmpuint (entente_stats_get_n_overdue (stats), ==, 1);
  assert_day (&days[1], 2026, 11, 29, 1, 0);
  assert_day (&days[2], 2026, 11, 30, 1, 0);
  assert_day (&days[29], 2026, 12, 27, 1, 0);
  for (guint i = 0; i < n_days; i++)
    total += days[i].count;
  /* m2, due on 28 December, is past the forecast. */
  g_assert_cmpuint (total, ==, 5);
}

static void
test_mastery (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+05:00");
  g_autoptr(EntenteStats) stats = NULL;
  const EntenteStatsSection *sections, *section;
  guint n_sections, learned, total;
  /* A card last reviewed a stability's time ago has 90% retrievability; one reviewed
   * now, 100%. */
  const double r10 = 0.9;

  fill (fixture, tz);
  stats = compute (fixture, tz);

  sections = entente_stats_get_sections (stats, &n_sections);
  g_assert_cmpuint (n_sections, ==, 4);
  g_assert_cmpstr (entente_section_get_id (sections[0].section), ==, "treaty");
  g_assert_cmpuint (sections[0].depth, ==, 0);
  g_assert_cmpstr (entente_section_get_id (sections[1].section), ==, "treaty-articles");
  g_assert_cmpuint (sections[1].depth, ==, 1);

  /* Articles: a2 (reviewed now) and a3 (ten days ago). */
  section = entente_stats_lookup_section (stats, "treaty-articles");
  g_assert_true (section == &sections[1]);
  g_assert_cmpfloat_with_epsilon (section->mastery, (1 + r10) / 2, 1e-9);
  g_assert_cmpuint (section->learned, ==, 2);
  g_assert_cmpuint (section->total, ==, 2);

  /* Treaty: its own a1 (ten days ago) and the articles'. */
  section = entente_stats_lookup_section (stats, "treaty");
  g_assert_cmpfloat_with_epsilon (section->mastery, (r10 + 1 + r10) / 3, 1e-9);
  g_assert_cmpuint (section->learned, ==, 3);
  g_assert_cmpuint (section->total, ==, 3);

  /* Members: m1 (now), m2 (ten days ago) and n1, never studied, as 0. */
  section = entente_stats_lookup_section (stats, "members");
  g_assert_cmpfloat_with_epsilon (section->mastery, (1 + r10 + 0) / 3, 1e-9);
  g_assert_cmpuint (section->learned, ==, 2);
  g_assert_cmpuint (section->total, ==, 3);

  section = entente_stats_lookup_section (stats, "empty");
  g_assert_cmpfloat (section->mastery, ==, 0);
  g_assert_cmpuint (section->total, ==, 0);
  g_assert_null (entente_stats_lookup_section (stats, "no-such-section"));

  /* The pack: every card, x1 without a section too. */
  g_assert_cmpfloat_with_epsilon (entente_stats_get_mastery (stats, &learned, &total),
                                  (r10 + 1 + r10 + 1 + r10 + 0 + 1) / 7, 1e-9);
  g_assert_cmpuint (learned, ==, 6);
  g_assert_cmpuint (total, ==, 7);
}

static void
assert_row (GPtrArray  *table,
            guint       index,
            const char *label,
            const char *value)
{
  const EntenteStatsRow *row;

  g_assert_cmpuint (index, <, table->len);
  row = g_ptr_array_index (table, index);
  g_assert_cmpstr (row->label, ==, label);
  g_assert_cmpstr (row->value, ==, value);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+05:00");
  g_autoptr(EntenteStats) stats = NULL;
  g_autofree char *reviews_30 = NULL;
  g_autofree char *reviews_90 = NULL;
  g_autofree char *retention = NULL;
  g_autofree char *forecast = NULL;
  g_autofree char *mastery = NULL;
  g_autoptr(GPtrArray) reviews_table = NULL;
  g_autoptr(GPtrArray) retention_table = NULL;
  g_autoptr(GPtrArray) forecast_table = NULL;
  g_autoptr(GPtrArray) mastery_table = NULL;

  fill (fixture, tz);
  stats = compute (fixture, tz);

  reviews_30 = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_REVIEWS_30_DAYS);
  g_assert_cmpstr (reviews_30, ==,
                   "8 reviews in the last 30 days, 0.3 a day on average; most on 28 November "
                   "(5). 2 of them were first reviews.");
  reviews_90 = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_REVIEWS_90_DAYS);
  g_assert_cmpstr (reviews_90, ==,
                   "10 reviews in the last 90 days, 0.1 a day on average; most on 28 November "
                   "(5). 3 of them were first reviews.");
  retention = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_RETENTION);
  g_assert_cmpstr (retention, ==,
                   "True retention, the share of passed reviews of cards in the Review state: "
                   "50% in the last 30 days (2 of 4 passed); 60% in the last 90 days (3 of 5 "
                   "passed); 57% in all (4 of 7 passed).");
  forecast = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_FORECAST);
  g_assert_cmpstr (forecast, ==,
                   "5 cards due in the next 30 days, 2 of them today; most on 28 November (2).");
  mastery = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_MASTERY);
  g_assert_cmpstr (mastery, ==,
                   "Mastery is 81% across the pack, with 6 of 7 cards learned. Highest in "
                   "“Treaty” (93%), lowest in “Members” (63%).");

  reviews_table = entente_stats_dup_table (stats, ENTENTE_STATS_CHART_REVIEWS_30_DAYS);
  g_assert_cmpuint (reviews_table->len, ==, 30);
  assert_row (reviews_table, 0, "30 October 2026", "1");
  assert_row (reviews_table, 1, "31 October 2026", "0");
  assert_row (reviews_table, 28, "27 November 2026", "1 (1 first)");
  assert_row (reviews_table, 29, "28 November 2026", "5 (1 first)");

  retention_table = entente_stats_dup_table (stats, ENTENTE_STATS_CHART_RETENTION);
  g_assert_cmpuint (retention_table->len, ==, 3);
  assert_row (retention_table, 0, "Last 30 days", "50% (2 of 4 passed)");
  assert_row (retention_table, 1, "Last 90 days", "60% (3 of 5 passed)");
  assert_row (retention_table, 2, "All time", "57% (4 of 7 passed)");

  forecast_table = entente_stats_dup_table (stats, ENTENTE_STATS_CHART_FORECAST);
  g_assert_cmpuint (forecast_table->len, ==, 30);
  assert_row (forecast_table, 0, "Today", "2 (1 overdue)");
  assert_row (forecast_table, 1, "Tomorrow", "1");
  assert_row (forecast_table, 2, "30 November 2026", "1");
  assert_row (forecast_table, 29, "27 December 2026", "1");

  mastery_table = entente_stats_dup_table (stats, ENTENTE_STATS_CHART_MASTERY);
  g_assert_cmpuint (mastery_table->len, ==, 5);
  assert_row (mastery_table, 0, "Whole pack", "81%, 6 of 7 learned");
  assert_row (mastery_table, 1, "Treaty", "93%, 3 of 3 learned");
  assert_row (mastery_table, 2, "Articles", "95%, 2 of 2 learned");
  assert_row (mastery_table, 3, "Members", "63%, 2 of 3 learned");
  assert_row (mastery_table, 4, "Empty", "0%, 0 of 0 learned");
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+05:00");
  g_autoptr(EntenteStats) stats = compute (fixture, tz);
  const EntenteStatsDay *days;
  guint n_days, first = 1, passed = 1, total = 1, learned = 1;
  g_autofree char *reviews = NULL;
  g_autofree char *retention = NULL;
  g_autofree char *forecast = NULL;
  g_autofree char *mastery = NULL;
  g_autoptr(GPtrArray) table = NULL;

  days = entente_stats_get_reviews (stats, ENTENTE_STATS_WINDOW_90_DAYS, &n_days);
  for (guint i = 0; i < n_days; i++)
    {
      g_assert_cmpuint (days[i].count, ==, 0);
      g_assert_cmpuint (days[i].first_count, ==, 0);
    }
  g_assert_cmpuint (entente_stats_get_n_reviews (stats, ENTENTE_STATS_WINDOW_ALL_TIME, &first),
                    ==, 0);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpfloat (entente_stats_get_retention (stats, ENTENTE_STATS_WINDOW_ALL_TIME,
                                                  &passed, &total), ==, -1);
  g_assert_cmpuint (passed, ==, 0);
  g_assert_cmpuint (total, ==, 0);
  days = entente_stats_get_forecast (stats, &n_days);
  for (guint i = 0; i < n_days; i++)
    g_assert_cmpuint (days[i].count, ==, 0);
  g_assert_cmpfloat (entente_stats_get_mastery (stats, &learned, &total), ==, 0);
  g_assert_cmpuint (learned, ==, 0);
  g_assert_cmpuint (total, ==, 7);

  reviews = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_REVIEWS_30_DAYS);
  g_assert_cmpstr (reviews, ==, "No reviews in the last 30 days.");
  retention = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_RETENTION);
  g_assert_cmpstr (retention, ==,
                   "No reviews of cards in the Review state yet, so there is no true "
                   "retention to show.");
  forecast = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_FORECAST);
  g_assert_cmpstr (forecast, ==, "No cards due in the next 30 days.");
  mastery = entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_MASTERY);
  g_assert_cmpstr (mastery, ==, "Mastery is 0% across the pack, with 0 of 7 cards learned.");

  table = entente_stats_dup_table (stats, ENTENTE_STATS_CHART_RETENTION);
  assert_row (table, 0, "Last 30 days", "No reviews to count");
  assert_row (table, 2, "All time", "No reviews to count");
}

/* Europe/Berlin leaves summer time at 03:00 on 25 October 2026: that day has 25 hours. */
static void
test_summer_time (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(EntenteStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  const EntenteStatsDay *days;
  guint n_days, i;
  gint64 now_ms;

  if (tz == NULL)
    {
      g_test_skip ("no time zone data for Europe/Berlin");
      return;
    }

  now = g_date_time_new (tz, 2026, 11, 28, 17, 0, 0);
  now_ms = g_date_time_to_unix (now) * 1000;
  /* 00:30 summer time on the 25th is 22:30 UTC on the 24th; 23:30 winter time on the
   * 25th is 22:30 UTC too, a day later. */
  add_review (fixture, PACK_ID, "a1", G_GINT64_CONSTANT (1792881000000),
              ENTENTE_FSRS_STATE_NEW, ENTENTE_FSRS_RATING_GOOD, ENTENTE_FSRS_STATE_REVIEW,
              0, now_ms, 0);
  add_review (fixture, PACK_ID, "a2", G_GINT64_CONSTANT (1792967400000),
              ENTENTE_FSRS_STATE_NEW, ENTENTE_FSRS_RATING_GOOD, ENTENTE_FSRS_STATE_REVIEW,
              0, now_ms, 0);
  add_review (fixture, PACK_ID, "a3", local_ms (tz, 2026, 10, 26, 0, 30),
              ENTENTE_FSRS_STATE_NEW, ENTENTE_FSRS_RATING_GOOD, ENTENTE_FSRS_STATE_REVIEW,
              0, now_ms, 0);
  g_assert_cmpint (local_ms (tz, 2026, 10, 25, 0, 30), ==, G_GINT64_CONSTANT (1792881000000));
  g_assert_cmpint (local_ms (tz, 2026, 10, 25, 23, 30), ==, G_GINT64_CONSTANT (1792967400000));

  stats = entente_stats_compute (fixture->store, fixture->pack, now, &error);
  g_assert_no_error (error);

  days = entente_stats_get_reviews (stats, ENTENTE_STATS_WINDOW_90_DAYS, &n_days);
  for (i = 0; i < n_days && !(days[i].month == 10 && days[i].day == 25); i++)
    ;
  g_assert_cmpuint (i, <, n_days - 2);
  assert_day (&days[i - 1], 2026, 10, 24, 0, 0);
  assert_day (&days[i], 2026, 10, 25, 2, 2);
  assert_day (&days[i + 1], 2026, 10, 26, 1, 1);
  g_assert_cmpint (days[i + 1].start - days[i].start, ==, 25 * HOUR_MS);
  g_assert_cmpint (days[i].start - days[i - 1].start, ==, 24 * HOUR_MS);
  g_assert_cmpint (days[n_days - 1].start, ==, local_ms (tz, 2026, 11, 28, 0, 0));
}

static void
test_scores (void)
{
  const EntenteStatsResult results[] = {
    { .time = 3000, .right = 9, .total = 10 },
    { .time = 1000, .right = 5, .total = 10 },
    { .time = 2000, .right = 0, .total = 0 },  /* no questions: skipped */
    { .time = 2000, .right = 7, .total = 10 },
    { .time = 4000, .right = 1, .total = 4 },
    { .time = 2000, .right = 3, .total = 4 },  /* same time: stays after the one before */
  };
  g_autoptr(GArray) series = entente_stats_score_series (results, G_N_ELEMENTS (results), 3);
  g_autoptr(GArray) empty = entente_stats_score_series (NULL, 0, 3);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+05:00");
  g_autoptr(GPtrArray) table = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *empty_summary = NULL;
  const double percents[] = { 50, 70, 75, 90, 25 };
  const double averages[] = { 50, 60, 65, (70 + 75 + 90) / 3.0, (75 + 90 + 25) / 3.0 };
  const gint64 times[] = { 1000, 2000, 2000, 3000, 4000 };

  g_assert_cmpuint (series->len, ==, 5);
  for (guint i = 0; i < series->len; i++)
    {
      const EntenteStatsScore *score = &g_array_index (series, EntenteStatsScore, i);

      g_assert_cmpint (score->time, ==, times[i]);
      g_assert_cmpfloat_with_epsilon (score->percent, percents[i], 1e-9);
      g_assert_cmpfloat_with_epsilon (score->moving_average, averages[i], 1e-9);
    }

  summary = entente_stats_score_dup_summary (series, 3);
  g_assert_cmpstr (summary, ==,
                   "5 results; the latest 25%, the best 90%, the average of the last 3 63%.");
  empty_summary = entente_stats_score_dup_summary (empty, 3);
  g_assert_cmpstr (empty_summary, ==, "No results yet.");

  table = entente_stats_score_dup_table (series, tz);
  g_assert_cmpuint (table->len, ==, 5);
  /* 1 second after the epoch is 05:00 at UTC+5. */
  assert_row (table, 0, "1 January 1970, 05:00", "50% (5 of 10 right)");
  assert_row (table, 2, "1 January 1970, 05:00", "75% (3 of 4 right)");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/stats/reviews", Fixture, NULL, fixture_set_up, test_reviews, fixture_tear_down);
  g_test_add ("/stats/retention", Fixture, NULL, fixture_set_up, test_retention,
              fixture_tear_down);
  g_test_add ("/stats/forecast", Fixture, NULL, fixture_set_up, test_forecast,
              fixture_tear_down);
  g_test_add ("/stats/mastery", Fixture, NULL, fixture_set_up, test_mastery, fixture_tear_down);
  g_test_add ("/stats/text", Fixture, NULL, fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/stats/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/stats/summer-time", Fixture, NULL, fixture_set_up, test_summer_time,
              fixture_tear_down);
  g_test_add_func ("/stats/scores", test_scores);

  return g_test_run ();
}
