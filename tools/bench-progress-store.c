/* bench-progress-store.c: what a grade and the queue's load cost in the progress store
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-progress-store [DIR] [GRADES] [CARDS]
 *
 * In a new folder under DIR (default: the temporary folder), on a real file:
 *   1. commits GRADES grades (default 1000) one by one, as the review view does (look the
 *      card up, record the review), and times each record_review () call;
 *   2. imports CARDS cards (default 100,000) with one review each into a second pack, then
 *      times loading all of that pack's states, opening the database (which runs
 *      PRAGMA integrity_check) and today's counts.
 * Prints median, 95th percentile and extremes in milliseconds, then removes the folder.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "entente-progress-store.h"

#define NOON_MS G_GINT64_CONSTANT (1795867200000)

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
  printf ("%-40s n=%-6u median %8.3f ms  p95 %8.3f ms  min %8.3f ms  max %8.3f ms\n",
          what, n, v[n / 2], v[MIN (n - 1, (guint) (n * 0.95))], v[0], v[n - 1]);
}

static EntenteFsrsCard
make_card (guint  n,
           gint64 time)
{
  EntenteFsrsCard card = {
    .due = time + (gint64) (n + 1) * 86400000,
    .stability = 1.0 / 3.0 + n,
    .difficulty = 5.0 + 0.1 * (n % 7),
    .elapsed_days = n,
    .scheduled_days = n + 1,
    .learning_steps = 0,
    .reps = n + 1,
    .lapses = n / 4,
    .state = ENTENTE_FSRS_STATE_REVIEW,
    .last_review = time,
  };

  return card;
}

static void
add_card_members (JsonBuilder           *builder,
                  const EntenteFsrsCard *card)
{
  json_builder_set_member_name (builder, "due");
  json_builder_add_int_value (builder, card->due);
  json_builder_set_member_name (builder, "stability");
  json_builder_add_double_value (builder, card->stability);
  json_builder_set_member_name (builder, "difficulty");
  json_builder_add_double_value (builder, card->difficulty);
  json_builder_set_member_name (builder, "elapsed_days");
  json_builder_add_int_value (builder, card->elapsed_days);
  json_builder_set_member_name (builder, "scheduled_days");
  json_builder_add_int_value (builder, card->scheduled_days);
  json_builder_set_member_name (builder, "learning_steps");
  json_builder_add_int_value (builder, card->learning_steps);
  json_builder_set_member_name (builder, "reps");
  json_builder_add_int_value (builder, card->reps);
  json_builder_set_member_name (builder, "lapses");
  json_builder_add_int_value (builder, card->lapses);
  json_builder_set_member_name (builder, "state");
  json_builder_add_int_value (builder, card->state);
  json_builder_set_member_name (builder, "last_review");
  json_builder_add_int_value (builder, card->last_review);
}

/* An export (the format in entente-progress-store.h) of @n_cards cards, one review each. */
static void
write_big_export (const char *path,
                  guint       n_cards)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "entente-progress");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ENTENTE_PROGRESS_EXPORT_VERSION);
  json_builder_set_member_name (builder, "packs");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "big-pack");
  json_builder_set_member_name (builder, "cards");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "reviews");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_cards; i++)
    {
      g_autofree char *card_id = g_strdup_printf ("card-%06u", i);
      /* Spread over the last 30 days, so that the day's counts have work to do. */
      gint64 time = NOON_MS - (gint64) (i % 30) * 86400000 - i;
      EntenteFsrsCard after = make_card (i % 50, time);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "card");
      json_builder_add_string_value (builder, card_id);
      json_builder_set_member_name (builder, "time");
      json_builder_add_int_value (builder, time);
      json_builder_set_member_name (builder, "rating");
      json_builder_add_int_value (builder, 3);
      json_builder_set_member_name (builder, "answer_ms");
      json_builder_add_int_value (builder, 3000);
      json_builder_set_member_name (builder, "log");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "state");
      json_builder_add_int_value (builder, 0);
      json_builder_set_member_name (builder, "due");
      json_builder_add_int_value (builder, time);
      json_builder_set_member_name (builder, "stability");
      json_builder_add_double_value (builder, 0);
      json_builder_set_member_name (builder, "difficulty");
      json_builder_add_double_value (builder, 0);
      json_builder_set_member_name (builder, "elapsed_days");
      json_builder_add_int_value (builder, 0);
      json_builder_set_member_name (builder, "last_elapsed_days");
      json_builder_add_int_value (builder, 0);
      json_builder_set_member_name (builder, "scheduled_days");
      json_builder_add_int_value (builder, 0);
      json_builder_set_member_name (builder, "learning_steps");
      json_builder_add_int_value (builder, 0);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "before");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "after");
      json_builder_begin_object (builder);
      add_card_members (builder, &after);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  if (!json_generator_to_file (generator, path, &error))
    g_error ("%s", error->message);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_folder (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  const char *parent = argc > 1 ? argv[1] : g_get_tmp_dir ();
  guint n_grades = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 1000;
  guint n_cards = argc > 3 ? (guint) strtoul (argv[3], NULL, 10) : 100000;
  g_autofree char *template = g_build_filename (parent, "bench-progress-XXXXXX", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *export_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) grades = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) imports = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) export_file = NULL;
  g_autoptr(GDateTime) now = NULL;
  EntenteProgressStore *store;
  guint n_added = 0;
  gint64 start;
  double ms;

  if (n_grades == 0 || n_cards == 0)
    {
      fprintf (stderr, "usage: bench-progress-store [DIR] [GRADES] [CARDS]\n");
      return 2;
    }

  folder = g_mkdtemp (g_steal_pointer (&template));
  if (folder == NULL)
    g_error ("cannot make a folder in %s: %s", parent, g_strerror (errno));
  path = g_build_filename (folder, "progress.db", NULL);
  export_path = g_build_filename (folder, "big-export.json", NULL);
  printf ("database: %s\n", path);

  store = entente_progress_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < n_grades; i++)
    {
      g_autofree char *card_id = g_strdup_printf ("card-%u", i % 500);
      gint64 time = NOON_MS + i * 1000;
      EntenteFsrsCard before, after = make_card (i / 500, time);
      gboolean had = entente_progress_store_lookup_card (store, "pack", card_id, &before, NULL);
      EntenteFsrsLog log = {
        .rating = 1 + i % 4,
        .state = had ? before.state : ENTENTE_FSRS_STATE_NEW,
        .due = had ? before.due : time,
        .review = time,
      };

      start = g_get_monotonic_time ();
      if (entente_progress_store_record_review (store, "pack", card_id, &log, &after, 2500,
                                                &error) == 0)
        g_error ("%s", error->message);
      ms = elapsed_ms (start);
      g_array_append_val (grades, ms);
    }
  report ("record_review (committed grade)", grades);

  write_big_export (export_path, n_cards);
  export_file = g_file_new_for_path (export_path);
  start = g_get_monotonic_time ();
  if (!entente_progress_store_import (store, export_file, NULL, &n_added, &error))
    g_error ("%s", error->message);
  ms = elapsed_ms (start);
  g_array_append_val (imports, ms);
  g_assert (n_added == n_cards);
  {
    g_autofree char *what = g_strdup_printf ("import of %u reviews", n_cards);

    report (what, imports);
  }

  for (guint run = 0; run < 11; run++)
    {
      g_autoptr(GHashTable) cards = NULL;

      start = g_get_monotonic_time ();
      cards = entente_progress_store_load_pack (store, "big-pack", &error);
      ms = elapsed_ms (start);
      if (cards == NULL)
        g_error ("%s", error->message);
      g_assert (g_hash_table_size (cards) == n_cards);
      g_array_append_val (loads, ms);
    }
  {
    g_autofree char *what = g_strdup_printf ("load_pack of %u cards", n_cards);

    report (what, loads);
  }

  now = g_date_time_new_from_unix_local (NOON_MS / 1000);
  for (guint run = 0; run < 11; run++)
    {
      EntenteProgressDay day;

      start = g_get_monotonic_time ();
      if (!entente_progress_store_get_day (store, "big-pack", now, &day, &error))
        g_error ("%s", error->message);
      ms = elapsed_ms (start);
      g_array_append_val (days, ms);
    }
  report ("get_day (counts and a 30-day streak)", days);

  g_object_unref (store);

  for (guint run = 0; run < 5; run++)
    {
      start = g_get_monotonic_time ();
      store = entente_progress_store_open (path, &error);
      ms = elapsed_ms (start);
      if (store == NULL)
        g_error ("%s", error->message);
      g_array_append_val (opens, ms);
      g_object_unref (store);
    }
  {
    GStatBuf info;
    g_autofree char *what = NULL;

    g_stat (path, &info);
    what = g_strdup_printf ("open (integrity_check, %.1f MiB)",
                            info.st_size / (1024.0 * 1024.0));
    report (what, opens);
  }

  remove_folder (folder);
  return 0;
}
