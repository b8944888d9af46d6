/* bench-stats.c: how long the Statistics page's numbers take for a long history
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-stats [--sqlite-tuned] DATABASE [RUNS] [REVIEWS] [CARDS]
 *
 * Fills DATABASE, when it does not exist yet, with REVIEWS reviews (default 1,000,000) of
 * CARDS cards (default 20,000) of the pack "bench-stats", spread evenly over the two
 * years before 2026-11-28 12:00 UTC, in time order, through the store's import (one
 * transaction per 100,000 reviews); filling takes minutes, so keep the file and pass it
 * again (for example _build-stats/bench-stats.db). Then times RUNS (default 11) runs of
 * entente_stats_compute () at that moment in Europe/Berlin, and for comparison its parts:
 * the all-time counts (count_reviews), the last 90 days' reviews (foreach_review_since
 * with a callback that does nothing) and loading the cards' states. Prints median,
 * extremes and spread in milliseconds. Once, at the end, it walks the whole log with
 * foreach_review (the way statistics were computed before schema 3) and checks that the
 * all-time counts agree with it.
 *
 * --sqlite-tuned first sets two process-wide SQLite options that an application may set
 * before it opens any database, to see what they would change: the multi-thread mode
 * (no mutex around each sqlite3_column_*() call; the store is used from one thread at a
 * time) and a default memory map of up to 1 GiB (pages read in place instead of copied
 * from the page cache).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "entente-model.h"
#include "entente-stats.h"

#define PACK_ID "bench-stats"
#define NOON_MS G_GINT64_CONSTANT (1795867200000)
#define DAY_MS G_GINT64_CONSTANT (86400000)
#define SPAN_MS (730 * DAY_MS)
#define CHUNK 100000
#define N_SECTIONS 20

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *ms)
{
  double *v = (double *) (gpointer) ms->data;
  guint n = ms->len;

  g_array_sort (ms, compare_doubles);
  printf ("%-44s n=%-3u median %8.1f ms  min %8.1f ms  max %8.1f ms  spread %6.1f ms\n",
          what, n, v[n / 2], v[0], v[n - 1], v[n - 1] - v[0]);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
append_card (GString               *json,
             const EntenteFsrsCard *card)
{
  g_string_append_printf (json,
                          "{\"due\":%" G_GINT64_FORMAT ",\"stability\":%.3f,"
                          "\"difficulty\":%.3f,\"elapsed_days\":%u,\"scheduled_days\":%u,"
                          "\"learning_steps\":0,\"reps\":%u,\"lapses\":%u,\"state\":%d,"
                          "\"last_review\":%" G_GINT64_FORMAT "}",
                          card->due, card->stability, card->difficulty, card->elapsed_days,
                          card->scheduled_days, card->reps, card->lapses, card->state,
                          card->last_review);
}

/* Review @i of @n_reviews: card i % n_cards, at evenly spaced times, so ids follow time
 * as they do when the learner records reviews one by one. */
static void
append_review (GString *json,
               GRand   *rand,
               guint    i,
               guint    n_reviews,
               guint    n_cards)
{
  guint card = i % n_cards, k = i / n_cards;
  gint64 time = NOON_MS - SPAN_MS + (gint64) ((double) i / n_reviews * SPAN_MS);
  int roll = g_rand_int_range (rand, 0, 100);
  int rating = roll < 12 ? 1 : roll < 20 ? 2 : roll < 90 ? 3 : 4;
  int state = k == 0 ? ENTENTE_FSRS_STATE_NEW
            : k == 1 ? ENTENTE_FSRS_STATE_LEARNING
            : g_rand_int_range (rand, 0, 10) == 0 ? ENTENTE_FSRS_STATE_RELEARNING
            : ENTENTE_FSRS_STATE_REVIEW;
  guint interval = 1 + g_rand_int_range (rand, 0, 60);
  EntenteFsrsCard after = {
    .due = time + interval * DAY_MS,
    .stability = interval * 1.1,
    .difficulty = 3 + g_rand_double (rand) * 6,
    .elapsed_days = interval / 2,
    .scheduled_days = interval,
    .reps = k + 1,
    .lapses = k / 8,
    .state = rating == 1 ? ENTENTE_FSRS_STATE_RELEARNING : ENTENTE_FSRS_STATE_REVIEW,
    .last_review = time,
  };

  g_string_append_printf (json,
                          "%s{\"card\":\"card-%06u\",\"time\":%" G_GINT64_FORMAT ","
                          "\"rating\":%d,\"answer_ms\":%d,\"log\":{\"state\":%d,"
                          "\"due\":%" G_GINT64_FORMAT ",\"stability\":%.3f,\"difficulty\":%.3f,"
                          "\"elapsed_days\":%u,\"last_elapsed_days\":0,\"scheduled_days\":%u,"
                          "\"learning_steps\":0},\"before\":null,\"after\":",
                          json->str[json->len - 1] == '[' ? "" : ",",
                          card, time, rating, 2000 + g_rand_int_range (rand, 0, 8000), state,
                          time, after.stability, after.difficulty, after.elapsed_days,
                          after.scheduled_days);
  append_card (json, &after);
  g_string_append_c (json, '}');
}

static void
fill (EntenteProgressStore *store,
      const char           *database,
      guint                 n_reviews,
      guint                 n_cards)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  g_autofree char *export_path = g_strconcat (database, ".chunk.json", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  gint64 start = g_get_monotonic_time ();

  for (guint first = 0; first < n_reviews; first += CHUNK)
    {
      g_autoptr(GString) json = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      guint n_added = 0;

      g_string_append (json, "{\"format\":\"entente-progress\",\"version\":1,\"exported\":0,"
                             "\"packs\":[{\"id\":\"" PACK_ID "\",\"cards\":[],\"reviews\":[");
      for (guint i = first; i < MIN (n_reviews, first + CHUNK); i++)
        append_review (json, rand, i, n_reviews, n_cards);
      g_string_append (json, "]}]}");

      if (!g_file_set_contents (export_path, json->str, json->len, &error) ||
          !entente_progress_store_import (store, export_file, NULL, &n_added, &error))
        g_error ("%s", error->message);
      fprintf (stderr, "filled %u reviews (%.0f s)\n", first + n_added,
               elapsed_ms (start) / 1000);
    }

  g_remove (export_path);
}

/* A pack of @n_cards basic cards in N_SECTIONS sections, each with a subsection. */
static EntentePack *
make_pack (guint n_cards)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  EntentePack *pack;

  g_string_append (json, "{\"format\":\"entente-pack\",\"version\":1,\"id\":\"" PACK_ID "\","
                         "\"title\":\"Statistics benchmark\",\"language\":\"en\","
                         "\"as_of\":\"2026\",\"outline\":[");
  for (guint s = 0; s < N_SECTIONS; s++)
    g_string_append_printf (json,
                            "%s{\"id\":\"s%u\",\"title\":\"Section %u\",\"children\":"
                            "[{\"id\":\"s%u-a\",\"title\":\"Subsection %u\"}]}",
                            s == 0 ? "" : ",", s, s, s, s);
  g_string_append (json, "],\"members\":[{\"code\":\"ID\",\"status\":\"member\"}],\"cards\":[");
  for (guint i = 0; i < n_cards; i++)
    g_string_append_printf (json,
                            "%s{\"id\":\"card-%06u\",\"kind\":\"basic\",\"section\":\"s%u%s\","
                            "\"front\":\"Question %u?\",\"back\":\"Answer %u\"}",
                            i == 0 ? "" : ",", i, i % N_SECTIONS, i % 3 == 0 ? "-a" : "",
                            i, i);
  g_string_append (json, "]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  if (!(pack = entente_pack_load_from_bytes (bytes, "bench-stats.json", NULL, &error)))
    g_error ("%s", error->message);

  return pack;
}

static gboolean
count_brief_cb (gint64            time_ms,
                EntenteFsrsState  state,
                EntenteFsrsRating rating,
                gpointer          user_data)
{
  guint *n = user_data;

  (*n)++;
  return TRUE;
}

static gboolean
count_cb (const EntenteProgressReview *review,
          gpointer                     user_data)
{
  EntenteProgressCounts *counts = user_data;
  gboolean counted = review->log.state == ENTENTE_FSRS_STATE_REVIEW;

  counts->reviews++;
  counts->first += review->log.state == ENTENTE_FSRS_STATE_NEW;
  counts->counted += counted;
  counts->passed += counted && review->log.rating != ENTENTE_FSRS_RATING_AGAIN;
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  const char *database;
  guint runs, n_reviews, n_cards;
  gboolean exists;
  g_autoptr(EntenteProgressStore) store = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) computes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) walks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_walked = 0;

  if (argc > 1 && strcmp (argv[1], "--sqlite-tuned") == 0)
    {
      if (sqlite3_config (SQLITE_CONFIG_MULTITHREAD) != SQLITE_OK ||
          sqlite3_config (SQLITE_CONFIG_MMAP_SIZE, (sqlite3_int64) 1 << 30,
                          (sqlite3_int64) 1 << 30) != SQLITE_OK)
        g_error ("sqlite3_config () failed");
      printf ("SQLite: multi-thread mode, mmap_size 1 GiB\n");
      argv++;
      argc--;
    }

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s [--sqlite-tuned] DATABASE [RUNS] [REVIEWS] [CARDS]\n",
               argv[0]);
      return 2;
    }

  database = argv[1];
  runs = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 11;
  n_reviews = argc > 3 ? (guint) strtoul (argv[3], NULL, 10) : 1000000;
  n_cards = argc > 4 ? (guint) strtoul (argv[4], NULL, 10) : 20000;
  exists = g_file_test (database, G_FILE_TEST_EXISTS);

  if (!(store = entente_progress_store_open (database, &error)))
    g_error ("%s", error->message);
  if (!exists)
    fill (store, database, n_reviews, n_cards);

  pack = make_pack (n_cards);
  tz = g_time_zone_new_identifier ("Europe/Berlin");
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  utc = g_date_time_new_from_unix_utc (NOON_MS / 1000);
  now = g_date_time_to_timezone (utc, tz);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(EntenteStats) stats = NULL;
      g_autoptr(GHashTable) states = NULL;
      EntenteProgressCounts counts;
      const EntenteStatsDay *days;
      gint64 start;
      guint n = 0;

      start = g_get_monotonic_time ();
      if (!(stats = entente_stats_compute (store, pack, now, &error)))
        g_error ("%s", error->message);
      g_array_append_vals (computes, (double[]) { elapsed_ms (start) }, 1);

      start = g_get_monotonic_time ();
      if (!entente_progress_store_count_reviews (store, PACK_ID, &counts, &error))
        g_error ("%s", error->message);
      g_array_append_vals (totals, (double[]) { elapsed_ms (start) }, 1);

      /* The first of the 90 days, from which compute () reads the reviews. */
      days = entente_stats_get_reviews (stats, ENTENTE_STATS_WINDOW_90_DAYS, NULL);

      start = g_get_monotonic_time ();
      if (!entente_progress_store_foreach_review_since (store, PACK_ID, days[0].start,
                                                        count_brief_cb, &n, &error))
        g_error ("%s", error->message);
      g_array_append_vals (walks, (double[]) { elapsed_ms (start) }, 1);
      n_walked = n;

      start = g_get_monotonic_time ();
      if (!(states = entente_progress_store_load_pack (store, PACK_ID, &error)))
        g_error ("%s", error->message);
      g_array_append_vals (loads, (double[]) { elapsed_ms (start) }, 1);

      if (run == 0)
        {
          g_autofree char *summary =
            entente_stats_dup_summary (stats, ENTENTE_STATS_CHART_REVIEWS_30_DAYS);

          printf ("%u reviews, %u cards: %s\n",
                  entente_stats_get_n_reviews (stats, ENTENTE_STATS_WINDOW_ALL_TIME, NULL),
                  g_hash_table_size (states), summary);
        }
    }

  report ("entente_stats_compute ()", computes);
  report ("count_reviews (all-time counts)", totals);
  {
    g_autofree char *what = g_strdup_printf ("foreach_review_since, 90 days (%u rows)",
                                             n_walked);
    report (what, walks);
  }
  report ("load_pack (cards' states)", loads);

  /* The counts agree with a walk over every row. */
  {
    EntenteProgressCounts walked = { 0 }, counted;
    gint64 start = g_get_monotonic_time ();

    if (!entente_progress_store_foreach_review (store, PACK_ID, count_cb, &walked, &error) ||
        !entente_progress_store_count_reviews (store, PACK_ID, &counted, &error))
      g_error ("%s", error->message);
    printf ("foreach_review over every row, once: %.1f ms\n", elapsed_ms (start));
    if (memcmp (&walked, &counted, sizeof walked) != 0)
      g_error ("count_reviews () disagrees with foreach_review (): %u/%u/%u/%u against "
               "%u/%u/%u/%u", counted.reviews, counted.first, counted.counted, counted.passed,
               walked.reviews, walked.first, walked.counted, walked.passed);
    printf ("count_reviews () agrees with it: %u reviews, %u first, %u passed of %u\n",
            counted.reviews, counted.first, counted.passed, counted.counted);
  }

  return 0;
}
