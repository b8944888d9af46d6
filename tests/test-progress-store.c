/* test-progress-store.c
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The progress store: recording and undoing reviews, the queries the views use, export
 * and import, damaged and newer databases, and a reviewer killed with SIGKILL hundreds of
 * times at random moments (the moments follow the test's random seed: rerun one with
 * --seed=SEED, which the test prints).
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "entente-progress-store.h"

/* 2026-11-28 12:00:00 UTC */
#define NOON_MS G_GINT64_CONSTANT (1795867200000)
#define HOUR_MS G_GINT64_CONSTANT (3600000)
#define DAY_MS (24 * HOUR_MS)

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("entente-progress-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "entente", "progress.db", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
write_file (const char *path,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static EntenteProgressStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  EntenteProgressStore *store = entente_progress_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A plausible state after @n reviews; the doubles have no short decimal form. */
static EntenteFsrsCard
make_card (guint  n,
           gint64 time)
{
  EntenteFsrsCard card = {
    .due = time + (n + 1) * DAY_MS,
    .stability = 1.0 / 3.0 + n,
    .difficulty = 5.0 + 0.1 * (n % 7) + 1e-13,
    .elapsed_days = n,
    .scheduled_days = n + 1,
    .learning_steps = n % 3,
    .reps = n + 1,
    .lapses = n / 4,
    .state = n == 0 ? ENTENTE_FSRS_STATE_LEARNING : ENTENTE_FSRS_STATE_REVIEW,
    .last_review = time,
  };

  return card;
}

static EntenteFsrsLog
make_log (const EntenteFsrsCard *before,
          gint64                 time,
          EntenteFsrsRating      rating)
{
  EntenteFsrsLog log = {
    .rating = rating,
    .state = before != NULL ? before->state : ENTENTE_FSRS_STATE_NEW,
    .due = before != NULL ? before->due : time,
    .stability = before != NULL ? before->stability : 0,
    .difficulty = before != NULL ? before->difficulty : 0,
    .elapsed_days = before != NULL ? before->elapsed_days : 0,
    .last_elapsed_days = 0,
    .scheduled_days = before != NULL ? before->scheduled_days : 0,
    .learning_steps = before != NULL ? before->learning_steps : 0,
    .review = time,
  };

  return log;
}

static void
assert_cards_equal (const EntenteFsrsCard *a,
                    const EntenteFsrsCard *b)
{
  g_assert_cmpint (a->due, ==, b->due);
  /* Exact: what was stored must come back bit for bit. */
  g_assert_true (memcmp (&a->stability, &b->stability, sizeof (double)) == 0);
  g_assert_true (memcmp (&a->difficulty, &b->difficulty, sizeof (double)) == 0);
  g_assert_cmpuint (a->elapsed_days, ==, b->elapsed_days);
  g_assert_cmpuint (a->scheduled_days, ==, b->scheduled_days);
  g_assert_cmpuint (a->learning_steps, ==, b->learning_steps);
  g_assert_cmpuint (a->reps, ==, b->reps);
  g_assert_cmpuint (a->lapses, ==, b->lapses);
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpint (a->last_review, ==, b->last_review);
}

/* Records a review of @card_id at @time, taking the stored state as "before". */
static gint64
review (EntenteProgressStore *store,
        const char           *pack_id,
        const char           *card_id,
        gint64                time,
        EntenteFsrsRating     rating,
        guint                 n)
{
  g_autoptr(GError) error = NULL;
  EntenteFsrsCard before, after = make_card (n, time);
  gboolean had = entente_progress_store_lookup_card (store, pack_id, card_id, &before, NULL);
  EntenteFsrsLog log = make_log (had ? &before : NULL, time, rating);
  gint64 id;

  id = entente_progress_store_record_review (store, pack_id, card_id, &log, &after, 1000 + n,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The checks below open read-write although they only read: after a killed writer, only a
 * connection that may write can rebuild the WAL's index. */
static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static char *
integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
count_changed_cb (EntenteProgressStore *store,
                  const char           *pack_id,
                  gpointer              user_data)
{
  GPtrArray *packs = user_data;

  g_ptr_array_add (packs, g_strdup (pack_id != NULL ? pack_id : "(all)"));
}

static GPtrArray *
watch_changes (EntenteProgressStore *store)
{
  GPtrArray *packs = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), packs);
  return packs;
}

static gboolean
collect_review_cb (const EntenteProgressReview *review,
                   gpointer                     user_data)
{
  GArray *reviews = user_data;
  EntenteProgressReview copy = *review;

  /* Only the ids of the test's own packs and cards: keep them as interned strings. */
  copy.pack_id = g_intern_string (review->pack_id);
  copy.card_id = g_intern_string (review->card_id);
  g_array_append_val (reviews, copy);
  return TRUE;
}

static GArray *
collect_reviews (EntenteProgressStore *store,
                 const char           *pack_id)
{
  g_autoptr(GError) error = NULL;
  GArray *reviews = g_array_new (FALSE, FALSE, sizeof (EntenteProgressReview));

  g_assert_true (entente_progress_store_foreach_review (store, pack_id, collect_review_cb,
                                                        reviews, &error));
  g_assert_no_error (error);
  return reviews;
}

static void
test_default_path (void)
{
  g_autofree char *path = entente_progress_store_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "entente",
                                                "progress.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_open_creates (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autofree char *path = NULL;
  gboolean read_only = TRUE;

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (entente_progress_store_get_path (store), ==, fixture->path);
  g_assert_false (entente_progress_store_get_read_only (store));
  g_assert_null (entente_progress_store_get_moved_aside_path (store));
  g_assert_null (entente_progress_store_get_notice (store));
  g_object_get (store, "path", &path, "read-only", &read_only, NULL);
  g_assert_cmpstr (path, ==, fixture->path);
  g_assert_false (read_only);

  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==,
                   ENTENTE_PROGRESS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE "
                                             "name IN ('card_state', 'review_log')"), ==, 2);
  /* The header records WAL mode (file format 2 for reading and writing). */
  g_assert_cmpint (query_int (fixture->path, "SELECT 1 FROM pragma_journal_mode "
                                             "WHERE journal_mode = 'wal'"), ==, 1);

  /* Opening again migrates nothing and keeps what is there. */
  review (store, "pack", "a", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 0);
  g_clear_object (&store);
  store = open_store (fixture->path);
  g_assert_null (entente_progress_store_get_notice (store));
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM review_log"), ==, 1);
}

static void
test_open_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (fixture->dir, "entente", NULL);
  EntenteProgressStore *store;

  /* A file where the folder should be: nothing usable can be had, and that is said. */
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  store = entente_progress_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "entente"));
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static EntenteProgressStore *
open_in_thread (const char  *path,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  entente_progress_store_open_async (path, NULL, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return entente_progress_store_open_finish (result, error);
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *blocked = g_build_filename (fixture->dir, "file", "progress.db", NULL);
  g_autofree char *blocker = g_build_filename (fixture->dir, "file", NULL);
  g_autoptr(EntenteProgressStore) store = NULL;
  g_autoptr(GError) error = NULL;
  EntenteFsrsCard found;

  /* A damaged file: moved aside in the worker thread, told on return. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, "garbage garbage garbage", -1, NULL));
  store = open_in_thread (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entente_progress_store_get_moved_aside_path (store));
  g_assert_nonnull (entente_progress_store_get_notice (store));

  /* And usable from this thread. */
  review (store, "pack", "a", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 0);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "a", &found, &error));
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  g_assert_null (open_in_thread (blocked, &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_DATABASE);
}

static void
test_record_and_lookup (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) changes = watch_changes (store);
  g_autoptr(GArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  EntenteFsrsCard after = make_card (0, NOON_MS), second = make_card (1, NOON_MS + HOUR_MS);
  EntenteFsrsLog log = make_log (NULL, NOON_MS, ENTENTE_FSRS_RATING_AGAIN);
  EntenteFsrsCard found;
  EntenteProgressReview *r;
  gint64 id, id2;

  g_assert_false (entente_progress_store_lookup_card (store, "pack", "a", &found, &error));
  g_assert_no_error (error);

  id = entente_progress_store_record_review (store, "pack", "a", &log, &after, 4321, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, "pack");

  g_assert_true (entente_progress_store_lookup_card (store, "pack", "a", &found, &error));
  assert_cards_equal (&found, &after);
  /* Same card id, other pack: nothing. */
  g_assert_false (entente_progress_store_lookup_card (store, "other", "a", &found, &error));

  log = make_log (&after, NOON_MS + HOUR_MS, ENTENTE_FSRS_RATING_EASY);
  id2 = entente_progress_store_record_review (store, "pack", "a", &log, &second, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id2, >, id);

  /* Committed: a new connection sees it. */
  g_clear_object (&store);
  store = open_store (fixture->path);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "a", &found, &error));
  assert_cards_equal (&found, &second);

  reviews = collect_reviews (store, "pack");
  g_assert_cmpuint (reviews->len, ==, 2);
  r = &g_array_index (reviews, EntenteProgressReview, 0);
  g_assert_cmpint (r->id, ==, id);
  g_assert_cmpstr (r->pack_id, ==, "pack");
  g_assert_cmpstr (r->card_id, ==, "a");
  g_assert_cmpint (r->log.review, ==, NOON_MS);
  g_assert_cmpint (r->log.rating, ==, ENTENTE_FSRS_RATING_AGAIN);
  g_assert_cmpint (r->log.state, ==, ENTENTE_FSRS_STATE_NEW);
  g_assert_cmpuint (r->answer_ms, ==, 4321);
  g_assert_false (r->had_state);
  assert_cards_equal (&r->after, &after);
  r = &g_array_index (reviews, EntenteProgressReview, 1);
  g_assert_cmpint (r->id, ==, id2);
  g_assert_cmpint (r->log.rating, ==, ENTENTE_FSRS_RATING_EASY);
  g_assert_cmpint (r->log.state, ==, after.state);
  g_assert_true (memcmp (&r->log.stability, &after.stability, sizeof (double)) == 0);
  g_assert_true (r->had_state);
  assert_cards_equal (&r->before, &after);
  assert_cards_equal (&r->after, &second);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  EntenteFsrsCard after = make_card (7, NOON_MS);
  EntenteFsrsLog log = make_log (NULL, NOON_MS, ENTENTE_FSRS_RATING_GOOD);
  EntenteFsrsCard found;

  review (store, "pack", "a", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 0);

  /* The same pack, card, time and rating is the same review: refused, nothing changes. */
  g_assert_cmpint (entente_progress_store_record_review (store, "pack", "a", &log, &after, 1,
                                                         &error), ==, 0);
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_DUPLICATE);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "a", &found, NULL));
  g_assert_cmpuint (found.reps, ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM review_log"), ==, 1);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) changes = watch_changes (store);
  g_autoptr(GError) error = NULL;
  EntenteFsrsCard first, found;
  gint64 id1, id2, id3;

  /* A new card goes back to having no state at all. */
  id1 = review (store, "pack", "a", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 0);
  g_assert_true (entente_progress_store_undo_review (store, id1, &error));
  g_assert_no_error (error);
  g_assert_false (entente_progress_store_lookup_card (store, "pack", "a", &found, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM review_log"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM card_state"), ==, 0);
  g_assert_cmpuint (changes->len, ==, 2);

  /* Undone twice: the second time it is gone. */
  g_assert_false (entente_progress_store_undo_review (store, id1, &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (changes->len, ==, 2);

  /* A reviewed card goes back to its exact state before. */
  id2 = review (store, "pack", "a", NOON_MS + 1, ENTENTE_FSRS_RATING_GOOD, 0);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "a", &first, NULL));
  id3 = review (store, "pack", "a", NOON_MS + DAY_MS, ENTENTE_FSRS_RATING_HARD, 5);
  g_assert_cmpint (id3, >, id1);

  /* Only the latest review of a card can be undone. */
  g_assert_false (entente_progress_store_undo_review (store, id2, &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_NOT_LATEST);
  g_clear_error (&error);

  g_assert_true (entente_progress_store_undo_review (store, id3, &error));
  g_assert_no_error (error);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "a", &found, NULL));
  assert_cards_equal (&found, &first);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM review_log"), ==, 1);

  /* The clock went back: the review just given is still the one that can be undone. */
  review (store, "pack", "b", NOON_MS + 2 * DAY_MS, ENTENTE_FSRS_RATING_GOOD, 2);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "b", &first, NULL));
  id2 = review (store, "pack", "b", NOON_MS + DAY_MS, ENTENTE_FSRS_RATING_GOOD, 3);
  g_assert_true (entente_progress_store_undo_review (store, id2, &error));
  g_assert_no_error (error);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "b", &found, NULL));
  assert_cards_equal (&found, &first);

  /* Ids are never reused, so an old id cannot undo a newer review. */
  g_assert_cmpint (review (store, "pack", "a", NOON_MS + DAY_MS, ENTENTE_FSRS_RATING_HARD, 5),
                   >, id3);
}

static void
test_load_pack (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(GHashTable) cards = NULL;
  g_autoptr(GHashTable) learned = NULL;
  g_autoptr(GError) error = NULL;
  EntenteFsrsCard expected = make_card (3, NOON_MS), unlearned = make_card (0, NOON_MS);
  EntenteFsrsLog log = make_log (NULL, NOON_MS, ENTENTE_FSRS_RATING_AGAIN);
  EntenteFsrsCard *found;

  review (store, "pack", "a", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 0);
  review (store, "pack", "b", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 3);
  review (store, "other", "a", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 1);
  /* A state of New counts as not learned. */
  unlearned.state = ENTENTE_FSRS_STATE_NEW;
  g_assert_cmpint (entente_progress_store_record_review (store, "pack", "c", &log, &unlearned,
                                                         1, &error), >, 0);

  cards = entente_progress_store_load_pack (store, "pack", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (cards), ==, 3);
  found = g_hash_table_lookup (cards, "b");
  g_assert_nonnull (found);
  assert_cards_equal (found, &expected);
  g_assert_cmpint (((EntenteFsrsCard *) g_hash_table_lookup (cards, "c"))->state, ==,
                   ENTENTE_FSRS_STATE_NEW);
  g_clear_pointer (&cards, g_hash_table_unref);

  cards = entente_progress_store_load_pack (store, "unknown", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (cards), ==, 0);

  learned = entente_progress_store_load_learned (store, "pack", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (learned), ==, 2);
  g_assert_true (g_hash_table_contains (learned, "a"));
  g_assert_true (g_hash_table_contains (learned, "b"));
  g_assert_false (g_hash_table_contains (learned, "c"));
}

static void
test_day (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) now_utc = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) much_later = NULL;
  g_autoptr(GDateTime) after_dst = NULL;
  g_autoptr(GDateTime) dst_night = NULL;
  g_autoptr(GError) error = NULL;
  EntenteProgressDay day;
  gint64 today;

  if (berlin == NULL)
    {
      g_test_skip ("no time zone data for Europe/Berlin");
      return;
    }

  /* 2026-11-28 10:00 in Berlin (UTC+1), 09:00 UTC. */
  now = g_date_time_new (berlin, 2026, 11, 28, 10, 0, 0);
  now_utc = g_date_time_to_timezone (now, utc);
  later = g_date_time_add_days (now, 2);
  much_later = g_date_time_add_days (now, 3);
  today = g_date_time_to_unix (now) * 1000;

  /* Today (Berlin): a, b new, a again; and 23:30 UTC yesterday, which is 00:30 today in
   * Berlin. Yesterday, the day before and four days ago, with a gap. */
  review (store, "pack", "a", today - 2 * HOUR_MS, ENTENTE_FSRS_RATING_GOOD, 0);
  review (store, "pack", "a", today - HOUR_MS, ENTENTE_FSRS_RATING_GOOD, 1);
  review (store, "pack", "b", today, ENTENTE_FSRS_RATING_AGAIN, 0);
  review (store, "other", "z", today - 9 * HOUR_MS - 30 * 60 * 1000,
          ENTENTE_FSRS_RATING_GOOD, 0);
  review (store, "pack", "c", today - DAY_MS, ENTENTE_FSRS_RATING_GOOD, 0);
  review (store, "pack", "d", today - 2 * DAY_MS, ENTENTE_FSRS_RATING_GOOD, 0);
  review (store, "pack", "e", today - 4 * DAY_MS, ENTENTE_FSRS_RATING_GOOD, 0);

  g_assert_true (entente_progress_store_get_day (store, "pack", now, &day, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (day.reviews, ==, 3);
  g_assert_cmpuint (day.new_cards, ==, 2);
  g_assert_cmpuint (day.streak, ==, 3);

  g_assert_true (entente_progress_store_get_day (store, NULL, now, &day, &error));
  g_assert_cmpuint (day.reviews, ==, 4);
  g_assert_cmpuint (day.new_cards, ==, 3);
  g_assert_cmpuint (day.streak, ==, 3);

  /* In UTC the 23:30 review belongs to yesterday. */
  g_assert_true (entente_progress_store_get_day (store, "other", now_utc, &day, &error));
  g_assert_cmpuint (day.reviews, ==, 0);
  g_assert_cmpuint (day.streak, ==, 1);
  g_assert_true (entente_progress_store_get_day (store, "other", now, &day, &error));
  g_assert_cmpuint (day.reviews, ==, 1);
  g_assert_cmpuint (day.streak, ==, 1);

  /* Nothing yet today, but yesterday: the streak still counts, ending yesterday. */
  {
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

    g_assert_true (entente_progress_store_get_day (store, "pack", tomorrow, &day, &error));
    g_assert_cmpuint (day.reviews, ==, 0);
    g_assert_cmpuint (day.new_cards, ==, 0);
    g_assert_cmpuint (day.streak, ==, 3);
  }

  /* Days are local days: 2026-10-25 had 25 hours in Berlin, so its first hour lies more
   * than 24 hours before the midnight that ends it. */
  after_dst = g_date_time_new (berlin, 2026, 10, 26, 12, 0, 0);
  dst_night = g_date_time_new (berlin, 2026, 10, 25, 0, 30, 0);
  review (store, "dst", "a", g_date_time_to_unix (dst_night) * 1000, ENTENTE_FSRS_RATING_GOOD, 0);
  review (store, "dst", "b", g_date_time_to_unix (after_dst) * 1000, ENTENTE_FSRS_RATING_GOOD, 0);
  g_assert_true (entente_progress_store_get_day (store, "dst", after_dst, &day, &error));
  g_assert_cmpuint (day.reviews, ==, 1);
  g_assert_cmpuint (day.streak, ==, 2);

  /* A whole day without reviews ends it. */
  g_assert_true (entente_progress_store_get_day (store, "pack", later, &day, &error));
  g_assert_cmpuint (day.streak, ==, 0);
  g_assert_true (entente_progress_store_get_day (store, "pack", much_later, &day, &error));
  g_assert_cmpuint (day.streak, ==, 0);
}

/* Export and import */

static GFile *
fixture_file (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "progress", name, NULL);

  return g_file_new_for_path (path);
}

static void
assert_same_progress (EntenteProgressStore *a,
                      EntenteProgressStore *b,
                      const char           *pack_id)
{
  g_autoptr(GArray) ra = collect_reviews (a, pack_id);
  g_autoptr(GArray) rb = collect_reviews (b, pack_id);
  g_autoptr(GHashTable) ca = entente_progress_store_load_pack (a, pack_id, NULL);
  g_autoptr(GHashTable) cb = entente_progress_store_load_pack (b, pack_id, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (ra->len, ==, rb->len);
  for (guint i = 0; i < ra->len; i++)
    {
      EntenteProgressReview *x = &g_array_index (ra, EntenteProgressReview, i);
      EntenteProgressReview *y = &g_array_index (rb, EntenteProgressReview, i);

      g_assert_cmpstr (x->card_id, ==, y->card_id);
      g_assert_cmpuint (x->answer_ms, ==, y->answer_ms);
      g_assert_true (memcmp (&x->log, &y->log, sizeof x->log) == 0);
      g_assert_cmpint (x->had_state, ==, y->had_state);
      if (x->had_state)
        assert_cards_equal (&x->before, &y->before);
      assert_cards_equal (&x->after, &y->after);
    }

  g_assert_cmpuint (g_hash_table_size (ca), ==, g_hash_table_size (cb));
  g_hash_table_iter_init (&iter, ca);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      EntenteFsrsCard *other = g_hash_table_lookup (cb, key);

      g_assert_nonnull (other);
      assert_cards_equal (value, other);
    }
}

static void
fill_store (EntenteProgressStore *store)
{
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *card = g_strdup_printf ("card-%u", i % 6);

      review (store, i % 3 == 0 ? "second-pack" : "khan-sultana-sco", card,
              NOON_MS + i * HOUR_MS, 1 + i % 4, i);
    }
}

static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other", "progress.db", NULL);
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(EntenteProgressStore) other = open_store (other_path);
  g_autoptr(GPtrArray) changes = watch_changes (other);
  g_autoptr(GFile) file = fixture_file (fixture, "export.json");
  g_autoptr(GError) error = NULL;
  guint n_added = 99;

  fill_store (store);

  g_assert_true (entente_progress_store_export (store, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (entente_progress_store_import (other, file, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 20);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_same_progress (store, other, "khan-sultana-sco");
  assert_same_progress (store, other, "second-pack");

  /* Twice: nothing more, and no change to tell. */
  g_assert_true (entente_progress_store_import (other, file, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpint (query_int (other_path, "SELECT count(*) FROM review_log"), ==, 20);

  /* Into the store it came from: nothing either. */
  g_assert_true (entente_progress_store_import (store, file, NULL, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM review_log"), ==, 20);
}

static void
test_import_merges (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other", "progress.db", NULL);
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(EntenteProgressStore) other = open_store (other_path);
  g_autoptr(GFile) file = fixture_file (fixture, "export.json");
  g_autoptr(GError) error = NULL;
  EntenteFsrsCard found, expected, expected_b = make_card (5, NOON_MS + 5 * HOUR_MS);
  guint n_added = 0;
  gint64 local_a, local_b;

  /* Card a: this store's review is older than the file's, so the file's state wins.
   * Card b: this store's is newer, so it stays. Card c: only here. */
  local_a = review (store, "pack", "a", NOON_MS + 2 * HOUR_MS, ENTENTE_FSRS_RATING_GOOD, 2);
  local_b = review (store, "pack", "b", NOON_MS + 5 * HOUR_MS, ENTENTE_FSRS_RATING_GOOD, 5);
  review (store, "pack", "c", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 0);
  review (other, "pack", "a", NOON_MS + 4 * HOUR_MS, ENTENTE_FSRS_RATING_GOOD, 4);
  review (other, "pack", "b", NOON_MS + 3 * HOUR_MS, ENTENTE_FSRS_RATING_GOOD, 3);
  review (other, "pack", "b", NOON_MS + 5 * HOUR_MS, ENTENTE_FSRS_RATING_GOOD, 5);

  g_assert_true (entente_progress_store_export (other, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (entente_progress_store_import (store, file, NULL, &n_added, &error));
  g_assert_no_error (error);
  /* b at +5h with the same rating is the same review. */
  g_assert_cmpuint (n_added, ==, 2);

  expected = make_card (4, NOON_MS + 4 * HOUR_MS);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "a", &found, NULL));
  assert_cards_equal (&found, &expected);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "b", &found, NULL));
  assert_cards_equal (&found, &expected_b);
  expected = make_card (0, NOON_MS);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "c", &found, NULL));
  assert_cards_equal (&found, &expected);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM review_log"), ==, 5);

  /* The import changed a and b under the local reviews: undoing them could not be exact. */
  g_assert_false (entente_progress_store_undo_review (store, local_a, &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_NOT_LATEST);
  g_clear_error (&error);
  g_assert_false (entente_progress_store_undo_review (store, local_b, &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_NOT_LATEST);
  g_clear_error (&error);
  /* Nor the imported b at +3h (id local_b + 2: the file lists reviews by time, so it came
   * first), recorded last but older than the state it would undo. */
  g_assert_false (entente_progress_store_undo_review (store, local_b + 2, &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_NOT_LATEST);
  g_clear_error (&error);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "b", &found, NULL));
  assert_cards_equal (&found, &expected_b);
}

static void
test_import_documented_format (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(GFile) file = data_file ("valid.json");
  g_autoptr(GArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  EntenteFsrsCard found;
  EntenteProgressReview *r;
  guint n_added = 0;
  gboolean ok;

  ok = entente_progress_store_import (store, file, NULL, &n_added, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (n_added, ==, 2);

  g_assert_true (entente_progress_store_lookup_card (store, "khan-sultana-sco", "card-charter",
                                                     &found, NULL));
  g_assert_cmpint (found.state, ==, ENTENTE_FSRS_STATE_REVIEW);
  g_assert_cmpint (found.due, ==, G_GINT64_CONSTANT (1795086400000));
  g_assert_cmpfloat (found.difficulty, ==, 2.11810397);
  g_assert_cmpuint (found.scheduled_days, ==, 2);
  g_assert_cmpuint (found.reps, ==, 2);
  /* A listed card without reviews keeps its listed state. */
  g_assert_true (entente_progress_store_lookup_card (store, "khan-sultana-sco",
                                                     "card-unreviewed", &found, NULL));
  g_assert_cmpint (found.state, ==, ENTENTE_FSRS_STATE_NEW);

  reviews = collect_reviews (store, "khan-sultana-sco");
  g_assert_cmpuint (reviews->len, ==, 2);
  r = &g_array_index (reviews, EntenteProgressReview, 0);
  g_assert_false (r->had_state);
  g_assert_cmpuint (r->answer_ms, ==, 4200);
  g_assert_cmpint (r->log.rating, ==, ENTENTE_FSRS_RATING_GOOD);
  r = &g_array_index (reviews, EntenteProgressReview, 1);
  g_assert_true (r->had_state);
  g_assert_cmpuint (r->before.learning_steps, ==, 1);
  g_assert_cmpint (r->log.state, ==, ENTENTE_FSRS_STATE_LEARNING);

  /* The import is undoable like any review: the latest one goes back to its before. */
  g_assert_true (entente_progress_store_undo_review (store, r->id, &error));
  g_assert_no_error (error);
  g_assert_true (entente_progress_store_lookup_card (store, "khan-sultana-sco", "card-charter",
                                                     &found, NULL));
  g_assert_cmpint (found.state, ==, ENTENTE_FSRS_STATE_LEARNING);
}

typedef struct
{
  const char *file;
  const char *problem; /* part of the message */
} BrokenImport;

static const BrokenImport broken_imports[] = {
  { "not-json.json", "not valid JSON" },
  { "wrong-format.json", "not an Entente progress file" },
  { "newer-version.json", "newer version" },
  { "bad-rating.json", "packs[0].reviews[1].rating: is out of range" },
  { "bad-card-id.json", "packs[0].reviews[1].card: is not a valid id" },
  { "missing-stability.json", "packs[0].reviews[1].after.stability: missing" },
  { "bad-card-state.json", "packs[0].cards[1].state: must be a whole number" },
  { "bad-result-kind.json", "packs[0].results[1].kind: must be" },
  { "does-not-exist.json", "does-not-exist.json" },
  { "empty.json", "not an Entente progress file" },
  { "deep.json", "not an Entente progress file" },
};

static void
test_import_broken (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *deep_path = g_build_filename (fixture->dir, "deep.json", NULL);
  g_autoptr(GString) deep = g_string_new (NULL);

  /* Brackets a million deep, which would exhaust json-glib's stack. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  write_file (deep_path, deep->str, deep->len);

  review (store, "khan-sultana-sco", "card-charter", NOON_MS, ENTENTE_FSRS_RATING_HARD, 9);
  changes = watch_changes (store);

  for (guint i = 0; i < G_N_ELEMENTS (broken_imports); i++)
    {
      g_autoptr(GFile) file = g_str_equal (broken_imports[i].file, "deep.json")
                              ? g_file_new_for_path (deep_path)
                              : data_file (broken_imports[i].file);
      g_autoptr(GError) error = NULL;
      EntenteFsrsCard found, expected = make_card (9, NOON_MS);
      guint n_added = 77;

      g_test_message ("%s", broken_imports[i].file);
      g_assert_false (entente_progress_store_import (store, file, NULL, &n_added, &error));
      g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, broken_imports[i].file));
      if (strstr (error->message, broken_imports[i].problem) == NULL)
        g_error ("“%s” does not say “%s”", error->message, broken_imports[i].problem);
      g_assert_null (strstr (error->message, ": :"));
      g_assert_cmpuint (n_added, ==, 0);

      /* One transaction: even the valid reviews before the problem are not kept. */
      g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM review_log"), ==, 1);
      g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM card_state"), ==, 1);
      g_assert_true (entente_progress_store_lookup_card (store, "khan-sultana-sco",
                                                         "card-charter", &found, NULL));
      assert_cards_equal (&found, &expected);
      g_assert_cmpuint (changes->len, ==, 0);
    }
}

/* Schema 2: results, the exam in progress, bringing cards forward, forgetting a pack */

static gboolean
collect_result_cb (const EntenteProgressResult *result,
                   gpointer                     user_data)
{
  GPtrArray *lines = user_data;

  g_ptr_array_add (lines, g_strdup_printf ("%" G_GINT64_FORMAT " %s %d %" G_GINT64_FORMAT
                                           " %u/%u %" G_GINT64_FORMAT " %s",
                                           result->id, result->pack_id, result->kind,
                                           result->time_ms, result->n_correct,
                                           result->n_total, result->elapsed_ms, result->json));
  return TRUE;
}

static char *
results_text (EntenteProgressStore *store,
              const char           *pack_id,
              gboolean              newest_first)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (entente_progress_store_foreach_result (store, pack_id, newest_first,
                                                        collect_result_cb, lines, &error));
  g_assert_no_error (error);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
test_results (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) changes = watch_changes (store);
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *oldest = NULL, *newest = NULL, *after_delete = NULL, *other = NULL;
  gint64 a, b, c;

  a = entente_progress_store_add_result (store, "pack", ENTENTE_PROGRESS_RESULT_EXAM,
                                         NOON_MS + 2000, 7, 10, 60000, "{\"a\":1}", &error);
  g_assert_no_error (error);
  b = entente_progress_store_add_result (store, "pack", ENTENTE_PROGRESS_RESULT_MAP_QUIZ,
                                         NOON_MS, 3, 4, 5000, "{\"b\":2}", &error);
  g_assert_no_error (error);
  c = entente_progress_store_add_result (store, "other", ENTENTE_PROGRESS_RESULT_EXAM,
                                         NOON_MS + 1000, 1, 1, 10, "{}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (b, >, a);
  g_assert_cmpint (c, >, b);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (changes, 1), ==, "pack");
  g_assert_cmpstr (g_ptr_array_index (changes, 2), ==, "other");

  oldest = results_text (store, "pack", FALSE);
  newest = results_text (store, "pack", TRUE);
  g_assert_cmpstr (oldest, ==,
                   "2 pack 2 1795867200000 3/4 5000 {\"b\":2}\n"
                   "1 pack 1 1795867202000 7/10 60000 {\"a\":1}");
  g_assert_cmpstr (newest, ==,
                   "1 pack 1 1795867202000 7/10 60000 {\"a\":1}\n"
                   "2 pack 2 1795867200000 3/4 5000 {\"b\":2}");

  g_assert_true (entente_progress_store_get_result (store, b, collect_result_cb, one, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (one, 0), ==, "2 pack 2 1795867200000 3/4 5000 {\"b\":2}");

  g_assert_true (entente_progress_store_delete_result (store, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (changes, 3), ==, "pack");
  after_delete = results_text (store, "pack", FALSE);
  g_assert_cmpstr (after_delete, ==, "1 pack 1 1795867202000 7/10 60000 {\"a\":1}");
  g_assert_false (entente_progress_store_get_result (store, b, collect_result_cb, one, &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (entente_progress_store_delete_result (store, b, &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (changes->len, ==, 4);

  /* Kept across reopening. */
  g_clear_object (&store);
  store = open_store (fixture->path);
  other = results_text (store, "other", TRUE);
  g_assert_cmpstr (other, ==, "3 other 1 1795867201000 1/1 10 {}");
}

static void
test_exam_in_progress (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) changes = watch_changes (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL, *first = NULL, *second = NULL, *other = NULL, *cleared = NULL;

  none = entente_progress_store_dup_exam_in_progress (store, "pack", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (entente_progress_store_save_exam_in_progress (store, "pack", "{\"q\":1}",
                                                               &error));
  g_assert_no_error (error);
  first = entente_progress_store_dup_exam_in_progress (store, "pack", &error);
  g_assert_cmpstr (first, ==, "{\"q\":1}");
  g_assert_true (entente_progress_store_save_exam_in_progress (store, "pack", "{\"q\":2}",
                                                               &error));
  g_assert_true (entente_progress_store_save_exam_in_progress (store, "other", "{\"o\":1}",
                                                               &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);

  /* It survives closing. */
  g_clear_object (&store);
  store = open_store (fixture->path);
  second = entente_progress_store_dup_exam_in_progress (store, "pack", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, "{\"q\":2}");

  g_assert_true (entente_progress_store_clear_exam_in_progress (store, "pack", &error));
  g_assert_no_error (error);
  cleared = entente_progress_store_dup_exam_in_progress (store, "pack", &error);
  g_assert_null (cleared);
  other = entente_progress_store_dup_exam_in_progress (store, "other", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (other, ==, "{\"o\":1}");
}

static void
test_bring_forward (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GArray) reviews_before = NULL, reviews_after = NULL;
  g_autoptr(GError) error = NULL;
  const char * const ids[] = { "a", "b", "never-seen", "new", NULL };
  EntenteFsrsCard a_before, a, b, b_first, new_card = { 0 };
  gint64 now = NOON_MS + 3 * HOUR_MS;
  gint64 last_b;
  guint n = 99;

  review (store, "pack", "a", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 3);
  review (store, "pack", "b", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 0);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "b", &b_first, NULL));
  last_b = review (store, "pack", "b", NOON_MS + HOUR_MS, ENTENTE_FSRS_RATING_GOOD, 2);
  /* A card in state New (stored, never graded past New) stays as it is. */
  new_card.due = NOON_MS + 9 * DAY_MS;
  new_card.state = ENTENTE_FSRS_STATE_NEW;
  {
    EntenteFsrsLog log = make_log (NULL, NOON_MS, ENTENTE_FSRS_RATING_AGAIN);

    g_assert_cmpint (entente_progress_store_record_review (store, "pack", "new", &log,
                                                           &new_card, 1, &error), >, 0);
    g_assert_no_error (error);
  }
  review (store, "other", "a", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 3);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "a", &a_before, NULL));
  reviews_before = collect_reviews (store, "pack");
  changes = watch_changes (store);

  g_assert_true (entente_progress_store_bring_forward (store, "pack", ids, now, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (changes->len, ==, 1);

  g_assert_true (entente_progress_store_lookup_card (store, "pack", "a", &a, NULL));
  g_assert_cmpint (a.due, ==, now);
  a.due = a_before.due;
  assert_cards_equal (&a, &a_before);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "b", &b, NULL));
  g_assert_cmpint (b.due, ==, now);
  g_assert_false (entente_progress_store_lookup_card (store, "pack", "never-seen", &b, NULL));
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "new", &b, NULL));
  g_assert_cmpint (b.due, ==, NOON_MS + 9 * DAY_MS);
  g_assert_true (entente_progress_store_lookup_card (store, "other", "a", &b, NULL));
  g_assert_cmpint (b.due, !=, now);

  /* Again, for cards that have no state to bring forward: nothing, and nothing to tell. */
  {
    const char * const none[] = { "never-seen", "new", NULL };

    g_assert_true (entente_progress_store_bring_forward (store, "pack", none, now, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 0);
    g_assert_cmpuint (changes->len, ==, 1);
  }

  /* Not a review: no log row. */
  reviews_after = collect_reviews (store, "pack");
  g_assert_cmpuint (reviews_after->len, ==, reviews_before->len);

  /* Undoing the last real review still works and restores the state before it. */
  g_assert_true (entente_progress_store_undo_review (store, last_b, &error));
  g_assert_no_error (error);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "b", &b, NULL));
  assert_cards_equal (&b, &b_first);
}

static void
test_forget_pack (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GHashTable) pack = NULL, other = NULL;
  g_autoptr(GArray) pack_reviews = NULL, other_reviews = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pack_results = NULL, *other_results = NULL;
  g_autofree char *pack_exam = NULL, *other_exam = NULL;

  review (store, "pack", "a", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 1);
  review (store, "pack", "b", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 1);
  review (store, "other", "a", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 1);
  g_assert_cmpint (entente_progress_store_add_result (store, "pack", ENTENTE_PROGRESS_RESULT_EXAM,
                                                      NOON_MS, 1, 2, 3, "{}", &error), >, 0);
  g_assert_cmpint (entente_progress_store_add_result (store, "other",
                                                      ENTENTE_PROGRESS_RESULT_MAP_QUIZ,
                                                      NOON_MS, 1, 2, 3, "{}", &error), >, 0);
  g_assert_true (entente_progress_store_save_exam_in_progress (store, "pack", "{}", &error));
  g_assert_true (entente_progress_store_save_exam_in_progress (store, "other", "{}", &error));
  g_assert_no_error (error);
  changes = watch_changes (store);

  g_assert_true (entente_progress_store_forget_pack (store, "pack", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, "pack");

  pack = entente_progress_store_load_pack (store, "pack", &error);
  other = entente_progress_store_load_pack (store, "other", &error);
  g_assert_cmpuint (g_hash_table_size (pack), ==, 0);
  g_assert_cmpuint (g_hash_table_size (other), ==, 1);
  pack_reviews = collect_reviews (store, "pack");
  other_reviews = collect_reviews (store, "other");
  g_assert_cmpuint (pack_reviews->len, ==, 0);
  g_assert_cmpuint (other_reviews->len, ==, 1);
  pack_results = results_text (store, "pack", FALSE);
  other_results = results_text (store, "other", FALSE);
  g_assert_cmpstr (pack_results, ==, "");
  g_assert_cmpstr (other_results, ==, "2 other 2 1795867200000 1/2 3 {}");
  pack_exam = entente_progress_store_dup_exam_in_progress (store, "pack", &error);
  other_exam = entente_progress_store_dup_exam_in_progress (store, "other", &error);
  g_assert_no_error (error);
  g_assert_null (pack_exam);
  g_assert_cmpstr (other_exam, ==, "{}");
}

static void
test_export_import_results (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other", "progress.db", NULL);
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(EntenteProgressStore) other = open_store (other_path);
  g_autoptr(GPtrArray) changes = watch_changes (other);
  g_autoptr(GFile) file = fixture_file (fixture, "export.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *a_here = NULL, *a_there = NULL, *b_here = NULL, *b_there = NULL;
  g_autofree char *merged = NULL;
  const char *exam_json = "{\"questions\": [\"q1\", \"q2\"], \"answers\": [0, \"é\"]}";
  guint n_added = 99;

  review (store, "a-pack", "card", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 1);
  g_assert_cmpint (entente_progress_store_add_result (store, "a-pack",
                                                      ENTENTE_PROGRESS_RESULT_EXAM, NOON_MS,
                                                      1, 2, 30000, exam_json, &error), >, 0);
  g_assert_cmpint (entente_progress_store_add_result (store, "a-pack",
                                                      ENTENTE_PROGRESS_RESULT_MAP_QUIZ,
                                                      NOON_MS + 1, 9, 10, 40000, "{\"m\":1}",
                                                      &error), >, 0);
  /* A pack with results only. */
  g_assert_cmpint (entente_progress_store_add_result (store, "b-pack",
                                                      ENTENTE_PROGRESS_RESULT_EXAM, NOON_MS,
                                                      0, 5, 1, "{}", &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (entente_progress_store_export (store, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_nonnull (strstr (contents, "\"version\" : 2"));

  g_assert_true (entente_progress_store_import (other, file, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 1);
  g_assert_cmpuint (changes->len, ==, 1);
  a_here = results_text (store, "a-pack", FALSE);
  a_there = results_text (other, "a-pack", FALSE);
  b_here = results_text (store, "b-pack", FALSE);
  b_there = results_text (other, "b-pack", FALSE);
  g_assert_cmpstr (a_here, ==, a_there);
  g_assert_cmpstr (b_here, ==, b_there);
  g_assert_nonnull (strstr (a_there, exam_json));

  /* Again: no duplicates, nothing to tell. */
  g_assert_true (entente_progress_store_import (other, file, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpint (query_int (other_path, "SELECT count(*) FROM result"), ==, 3);

  /* Same pack, kind and time but another result: both kept. */
  g_assert_cmpint (entente_progress_store_add_result (store, "b-pack",
                                                      ENTENTE_PROGRESS_RESULT_EXAM, NOON_MS,
                                                      5, 5, 1, "{\"other\":true}", &error), >, 0);
  g_assert_true (entente_progress_store_export (store, file, NULL, &error));
  g_assert_true (entente_progress_store_import (other, file, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpint (query_int (other_path, "SELECT count(*) FROM result"), ==, 4);
  merged = results_text (other, "b-pack", TRUE);
  g_assert_cmpstr (merged, ==,
                   "4 b-pack 1 1795867200000 5/5 1 {\"other\":true}\n"
                   "3 b-pack 1 1795867200000 0/5 1 {}");
}

/* A database written by the schema-1 code migrates in place, its reviews intact. */
static void
test_migrate_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = NULL;
  g_autoptr(GFile) sql_file = data_file ("schema-1.sql");
  g_autoptr(GArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *ok = NULL;
  EntenteFsrsCard card;

  g_assert_true (g_file_load_contents (sql_file, NULL, &sql, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  exec_sql (fixture->path, sql);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 1);

  store = open_store (fixture->path);
  g_assert_false (entente_progress_store_get_read_only (store));
  g_assert_null (entente_progress_store_get_moved_aside_path (store));
  g_assert_null (entente_progress_store_get_notice (store));

  g_assert_true (entente_progress_store_lookup_card (store, "pack", "card-1", &card, NULL));
  g_assert_cmpint (card.due, ==, G_GINT64_CONSTANT (1795953600000));
  g_assert_cmpfloat (card.stability, ==, 2.5);
  g_assert_cmpuint (card.reps, ==, 1);
  reviews = collect_reviews (store, "pack");
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpint (g_array_index (reviews, EntenteProgressReview, 0).id, ==, 1);
  g_assert_cmpint (g_array_index (reviews, EntenteProgressReview, 0).answer_ms, ==, 1500);

  /* The new tables work, and the old review can still be undone. */
  g_assert_cmpint (entente_progress_store_add_result (store, "pack", ENTENTE_PROGRESS_RESULT_EXAM,
                                                      NOON_MS, 1, 1, 1, "{}", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (entente_progress_store_undo_review (store, 1, &error));
  g_assert_no_error (error);
  g_assert_false (entente_progress_store_lookup_card (store, "pack", "card-1", &card, NULL));

  g_clear_object (&store);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==,
                   ENTENTE_PROGRESS_STORE_SCHEMA_VERSION);
  ok = integrity (fixture->path);
  g_assert_cmpstr (ok, ==, "ok");
}

/* The details of SQLite's plan for @sql, joined with "; ". */
static char *
query_plan (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s; ", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (plan, FALSE);
}

static gboolean
add_counts_cb (const EntenteProgressReview *review,
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

static void
assert_counts (EntenteProgressStore *store,
               const char           *pack_id,
               guint                 reviews,
               guint                 first,
               guint                 counted,
               guint                 passed)
{
  g_autoptr(GError) error = NULL;
  EntenteProgressCounts counts = { 99, 99, 99, 99 };
  EntenteProgressCounts walked = { 0 };

  g_assert_true (entente_progress_store_count_reviews (store, pack_id, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.reviews, ==, reviews);
  g_assert_cmpuint (counts.first, ==, first);
  g_assert_cmpuint (counts.counted, ==, counted);
  g_assert_cmpuint (counts.passed, ==, passed);

  /* The same as counting every row of the log. */
  g_assert_true (entente_progress_store_foreach_review (store, pack_id, add_counts_cb,
                                                        &walked, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&walked, sizeof walked, &counts, sizeof counts);
}

typedef struct
{
  GArray *times;
  GArray *states;
  GArray *ratings;
  guint   stop_after;
} Brief;

static gboolean
collect_brief_cb (gint64            time_ms,
                  EntenteFsrsState  state,
                  EntenteFsrsRating rating,
                  gpointer          user_data)
{
  Brief *brief = user_data;
  int s = state, r = rating;

  g_array_append_val (brief->times, time_ms);
  g_array_append_val (brief->states, s);
  g_array_append_val (brief->ratings, r);
  return brief->times->len != brief->stop_after;
}

static void
brief_clear (Brief *brief)
{
  g_clear_pointer (&brief->times, g_array_unref);
  g_clear_pointer (&brief->states, g_array_unref);
  g_clear_pointer (&brief->ratings, g_array_unref);
}

/* foreach_review_since () hands out exactly the log's reviews from @since_ms on, in its
 * order, with their time, state before and rating. */
static void
assert_since (EntenteProgressStore *store,
              const char           *pack_id,
              gint64                since_ms,
              guint                 expected_n)
{
  g_autoptr(GArray) reviews = collect_reviews (store, pack_id);
  g_autoptr(GError) error = NULL;
  Brief brief = {
    g_array_new (FALSE, FALSE, sizeof (gint64)),
    g_array_new (FALSE, FALSE, sizeof (int)),
    g_array_new (FALSE, FALSE, sizeof (int)),
    0,
  };
  guint j = 0;

  g_assert_true (entente_progress_store_foreach_review_since (store, pack_id, since_ms,
                                                              collect_brief_cb, &brief,
                                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (brief.times->len, ==, expected_n);

  for (guint i = 0; i < reviews->len; i++)
    {
      const EntenteProgressReview *review = &g_array_index (reviews, EntenteProgressReview, i);

      if (review->log.review < since_ms)
        continue;
      g_assert_cmpuint (j, <, brief.times->len);
      g_assert_cmpint (g_array_index (brief.times, gint64, j), ==, review->log.review);
      g_assert_cmpint (g_array_index (brief.states, int, j), ==, review->log.state);
      g_assert_cmpint (g_array_index (brief.ratings, int, j), ==, review->log.rating);
      j++;
    }
  g_assert_cmpuint (j, ==, brief.times->len);

  brief_clear (&brief);
}

/* All-time counts and the reviews since a time, as statistics read them. */
static void
test_count_reviews (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  Brief brief = {
    g_array_new (FALSE, FALSE, sizeof (gint64)),
    g_array_new (FALSE, FALSE, sizeof (int)),
    g_array_new (FALSE, FALSE, sizeof (int)),
    2,
  };

  assert_counts (store, "pack", 0, 0, 0, 0);
  assert_since (store, "pack", 0, 0);

  /* Card a: new (Good) → Learning; Learning (Good) → Review; Review (Again), counted, not
   * passed; Review (Hard), passed. Card b: new (Again), at the same time as a's third
   * review. Another pack's reviews count only for it. */
  review (store, "pack", "a", NOON_MS - 5 * DAY_MS, ENTENTE_FSRS_RATING_GOOD, 0);
  review (store, "pack", "a", NOON_MS - 4 * DAY_MS, ENTENTE_FSRS_RATING_GOOD, 1);
  review (store, "pack", "a", NOON_MS - 2 * DAY_MS, ENTENTE_FSRS_RATING_AGAIN, 2);
  review (store, "pack", "b", NOON_MS - 2 * DAY_MS, ENTENTE_FSRS_RATING_AGAIN, 0);
  review (store, "pack", "a", NOON_MS, ENTENTE_FSRS_RATING_HARD, 3);
  review (store, "other", "a", NOON_MS, ENTENTE_FSRS_RATING_EASY, 0);
  review (store, "other", "a", NOON_MS + 1, ENTENTE_FSRS_RATING_EASY, 1);

  assert_counts (store, "pack", 5, 2, 2, 1);
  assert_counts (store, "other", 2, 1, 0, 0);
  assert_counts (store, "none", 0, 0, 0, 0);

  /* Every review, then those from a moment on (inclusive), then none. */
  assert_since (store, "pack", G_MININT64, 5);
  assert_since (store, "pack", NOON_MS - 4 * DAY_MS, 4);
  assert_since (store, "pack", NOON_MS - 2 * DAY_MS, 3);
  assert_since (store, "pack", NOON_MS - 2 * DAY_MS + 1, 1);
  assert_since (store, "pack", NOON_MS + 1, 0);
  assert_since (store, "other", NOON_MS + 1, 1);

  /* Returning FALSE stops the walk. */
  g_assert_true (entente_progress_store_foreach_review_since (store, "pack", 0,
                                                              collect_brief_cb, &brief,
                                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (brief.times->len, ==, 2);
  g_assert_cmpint (g_array_index (brief.times, gint64, 1), ==, NOON_MS - 4 * DAY_MS);
  g_assert_cmpint (g_array_index (brief.states, int, 1), ==, ENTENTE_FSRS_STATE_LEARNING);
  brief_clear (&brief);

  /* Undoing a review takes it out of the counts. */
  g_assert_true (entente_progress_store_undo_review (store, 5, &error));
  g_assert_no_error (error);
  assert_counts (store, "pack", 4, 2, 1, 0);
  g_assert_true (entente_progress_store_undo_review (store, 7, &error));
  g_assert_no_error (error);
  assert_counts (store, "other", 1, 1, 0, 0);

  /* The totals come from the index alone, without reading the table's rows. */
  g_clear_object (&store);
  plan = query_plan (fixture->path,
                     "SELECT log_state, rating, count(*) FROM review_log "
                     "WHERE pack_id = 'pack' GROUP BY log_state, rating");
  g_assert_nonnull (strstr (plan, "COVERING INDEX review_log_pack_state_rating"));
}

/* A schema-2 database gains the statistics index in place, its reviews intact. */
static void
test_migrate_v2 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = open_store (fixture->path);
  g_autofree char *ok = NULL;
  const char *index_count =
    "SELECT count(*) FROM sqlite_master WHERE name = 'review_log_pack_state_rating'";

  review (store, "pack", "a", NOON_MS - DAY_MS, ENTENTE_FSRS_RATING_GOOD, 0);
  review (store, "pack", "a", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 1);
  review (store, "pack", "b", NOON_MS, ENTENTE_FSRS_RATING_AGAIN, 0);
  g_clear_object (&store);

  /* Back to what schema 2 was. */
  exec_sql (fixture->path,
            "DROP INDEX review_log_pack_state_rating; PRAGMA user_version = 2;");
  g_assert_cmpint (query_int (fixture->path, index_count), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 2);

  store = open_store (fixture->path);
  g_assert_false (entente_progress_store_get_read_only (store));
  g_assert_null (entente_progress_store_get_notice (store));
  assert_counts (store, "pack", 3, 2, 0, 0);
  assert_since (store, "pack", NOON_MS, 2);
  g_clear_object (&store);

  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (ENTENTE_PROGRESS_STORE_SCHEMA_VERSION, ==, 3);
  g_assert_cmpint (query_int (fixture->path, index_count), ==, 1);
  ok = integrity (fixture->path);
  g_assert_cmpstr (ok, ==, "ok");
}

/* Every new write of a read-only store fails with READ_ONLY and changes nothing. */
static void
assert_new_writes_read_only (EntenteProgressStore *store)
{
  g_autoptr(GError) error = NULL;
  const char * const ids[] = { "card-1", NULL };
  guint n = 7;

  g_assert_cmpint (entente_progress_store_add_result (store, "pack", ENTENTE_PROGRESS_RESULT_EXAM,
                                                      NOON_MS, 1, 1, 1, "{}", &error), ==, 0);
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (entente_progress_store_delete_result (store, 1, &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (entente_progress_store_save_exam_in_progress (store, "pack", "{}", &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (entente_progress_store_clear_exam_in_progress (store, "pack", &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (entente_progress_store_bring_forward (store, "pack", ids, NOON_MS, &n, &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY);
  g_assert_cmpuint (n, ==, 0);
  g_clear_error (&error);
  g_assert_false (entente_progress_store_forget_pack (store, "pack", &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
}

/* Damaged and newer databases */

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

static void
append_card_json (GString               *json,
                  const EntenteFsrsCard *card)
{
  char stability[G_ASCII_DTOSTR_BUF_SIZE], difficulty[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (json,
                          "{ \"due\": %" G_GINT64_FORMAT ", \"stability\": %s, "
                          "\"difficulty\": %s, \"elapsed_days\": %u, "
                          "\"scheduled_days\": %u, \"learning_steps\": %u, \"reps\": %u, "
                          "\"lapses\": %u, \"state\": %d, \"last_review\": %" G_GINT64_FORMAT
                          " }",
                          card->due, g_ascii_dtostr (stability, sizeof stability, card->stability),
                          g_ascii_dtostr (difficulty, sizeof difficulty, card->difficulty),
                          card->elapsed_days, card->scheduled_days, card->learning_steps,
                          card->reps, card->lapses, card->state, card->last_review);
}

/* A database with 300 cards' progress in it, closed (so checkpointed into the one file).
 * Imported in one transaction: 300 commits would take seconds on a busy disk. */
static void
make_database (const char *path)
{
  g_autoptr(EntenteProgressStore) store = open_store (path);
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"entente-progress\", \"version\": 1, "
                                          "\"packs\": [ { \"id\": \"pack\", \"cards\": [], "
                                          "\"reviews\": [");
  g_autofree char *file_path = g_strconcat (path, ".import.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  for (guint i = 0; i < 300; i++)
    {
      gint64 time = NOON_MS + i * 1000;
      EntenteFsrsCard after = make_card (i, time);

      g_string_append_printf (json,
                              "%s{ \"card\": \"card-%u\", \"time\": %" G_GINT64_FORMAT ", "
                              "\"rating\": %u, \"answer_ms\": 1000, \"log\": { \"state\": 0, "
                              "\"due\": 0, \"stability\": 0, \"difficulty\": 0, "
                              "\"elapsed_days\": 0, \"last_elapsed_days\": 0, "
                              "\"scheduled_days\": 0, \"learning_steps\": 0 }, "
                              "\"before\": null, \"after\": ",
                              i > 0 ? ", " : "", i, time, 1 + i % 4);
      append_card_json (json, &after);
      g_string_append (json, " }");
    }
  g_string_append (json, "] } ] }");

  write_file (file_path, json->str, json->len);
  g_assert_true (entente_progress_store_import (store, file, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 300);
  g_remove (file_path);
}

typedef enum
{
  DAMAGE_NOT_A_DATABASE,
  DAMAGE_TRUNCATED,
  DAMAGE_HEADER,
  DAMAGE_INTEGRITY,
  DAMAGE_FOREIGN,
  DAMAGE_WITH_WAL,
} Damage;

static void
damage (const char *path,
        Damage      how)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  char *data;

  switch (how)
    {
    case DAMAGE_NOT_A_DATABASE:
      write_file (path, "These are not the reviews you are looking for.\n", 47);
      break;

    case DAMAGE_TRUNCATED:
      make_database (path);
      bytes = read_bytes (path);
      write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 3);
      break;

    case DAMAGE_HEADER:
      make_database (path);
      bytes = read_bytes (path);
      data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &length);
      memset (data, 0xa5, 100);
      write_file (path, data, length);
      g_free (data);
      break;

    case DAMAGE_INTEGRITY:
      /* A readable file whose index no longer matches its table. */
      make_database (path);
      exec_sql (path, "PRAGMA writable_schema = ON;"
                      "UPDATE sqlite_schema SET sql = 'CREATE INDEX review_log_time ON "
                      "review_log (rating)' WHERE name = 'review_log_time';");
      break;

    case DAMAGE_FOREIGN:
      exec_sql (path, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');");
      break;

    case DAMAGE_WITH_WAL:
      {
        g_autofree char *wal = g_strconcat (path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (path, "-shm", NULL);

        write_file (path, "SQLite format 3\0 and then nonsense, long enough to be read",
                     59);
        write_file (wal, "a write-ahead log", 17);
        write_file (shm, "shared memory", 13);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  Damage how = GPOINTER_TO_INT (data);
  g_autoptr(EntenteProgressStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *basename = NULL;
  const char *moved, *notice;
  EntenteFsrsCard found;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  damage (fixture->path, how);
  before = read_bytes (fixture->path);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    wal_before = read_bytes (wal);

  store = entente_progress_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  /* Moved aside, kept byte for byte, with a name that says when. */
  moved = entente_progress_store_get_moved_aside_path (store);
  g_assert_nonnull (moved);
  g_assert_true (g_str_has_prefix (moved, fixture->path));
  basename = g_path_get_basename (moved);
  g_assert_true (g_regex_match_simple ("^progress\\.db\\.damaged-[0-9]{8}-[0-9]{6}(-[0-9]+)?$",
                                       basename, 0, 0));
  kept = read_bytes (moved);
  g_assert_true (g_bytes_equal (kept, before));
  if (wal_before != NULL)
    {
      g_autofree char *moved_wal = g_strconcat (moved, "-wal", NULL);
      g_autofree char *moved_shm = g_strconcat (moved, "-shm", NULL);
      g_autoptr(GBytes) kept_wal = read_bytes (moved_wal);

      g_assert_true (g_bytes_equal (kept_wal, wal_before));
      g_assert_true (g_file_test (moved_shm, G_FILE_TEST_EXISTS));
    }

  /* The learner is told, with both names. */
  notice = entente_progress_store_get_notice (store);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, fixture->path));
  g_assert_nonnull (strstr (notice, basename));
  g_assert_false (entente_progress_store_get_read_only (store));

  /* And a fresh, working database is in its place. */
  g_assert_false (entente_progress_store_lookup_card (store, "pack", "card-1", &found, NULL));
  review (store, "pack", "card-1", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 0);
  g_clear_object (&store);
  {
    g_autofree char *result = integrity (fixture->path);

    g_assert_cmpstr (result, ==, "ok");
  }
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM review_log"), ==, 1);
}

static void
test_damaged_twice (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *first = NULL;
  g_autoptr(EntenteProgressStore) store = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  damage (fixture->path, DAMAGE_NOT_A_DATABASE);
  store = open_store (fixture->path);
  first = g_strdup (entente_progress_store_get_moved_aside_path (store));
  g_clear_object (&store);

  /* Within the same second: a second name, the first file untouched. */
  damage (fixture->path, DAMAGE_HEADER);
  store = open_store (fixture->path);
  g_assert_nonnull (entente_progress_store_get_moved_aside_path (store));
  g_assert_cmpstr (entente_progress_store_get_moved_aside_path (store), !=, first);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (entente_progress_store_get_moved_aside_path (store),
                              G_FILE_TEST_IS_REGULAR));
}

static void
test_orphan_wal (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(EntenteProgressStore) store = NULL;
  g_autofree char *moved_wal = NULL;

  /* A log without its database must not be replayed into a fresh one: it is kept aside. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  write_file (wal, "a write-ahead log", 17);
  store = open_store (fixture->path);
  g_assert_nonnull (entente_progress_store_get_moved_aside_path (store));
  moved_wal = g_strconcat (entente_progress_store_get_moved_aside_path (store), "-wal", NULL);
  g_assert_true (g_file_test (moved_wal, G_FILE_TEST_IS_REGULAR));
  review (store, "pack", "a", NOON_MS, ENTENTE_FSRS_RATING_GOOD, 0);
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = data_file ("valid.json");
  g_autoptr(GFile) export = fixture_file (fixture, "export.json");
  g_autoptr(GHashTable) cards = NULL;
  EntenteFsrsCard card = make_card (1, NOON_MS), found;
  EntenteFsrsLog log = make_log (NULL, NOON_MS + 1, ENTENTE_FSRS_RATING_GOOD);
  GPtrArray *changes;
  gboolean read_only = FALSE;
  const char *notice;

  make_database (fixture->path);
  exec_sql (fixture->path, "PRAGMA user_version = 4");
  before = read_bytes (fixture->path);

  store = entente_progress_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (entente_progress_store_get_read_only (store));
  g_object_get (store, "read-only", &read_only, NULL);
  g_assert_true (read_only);
  g_assert_null (entente_progress_store_get_moved_aside_path (store));
  notice = entente_progress_store_get_notice (store);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, fixture->path));
  g_assert_nonnull (strstr (notice, "newer version"));
  changes = watch_changes (store);

  /* Reading works. */
  cards = entente_progress_store_load_pack (store, "pack", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (cards), ==, 300);
  g_assert_true (entente_progress_store_export (store, export, NULL, &error));
  g_assert_no_error (error);

  /* Writing fails with a clear error. */
  g_assert_cmpint (entente_progress_store_record_review (store, "pack", "card-1", &log, &card,
                                                         1, &error), ==, 0);
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_clear_error (&error);
  g_assert_false (entente_progress_store_undo_review (store, 1, &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (entente_progress_store_import (store, file, NULL, NULL, &error));
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  assert_new_writes_read_only (store);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (entente_progress_store_lookup_card (store, "pack", "card-1", &found, NULL));
  g_assert_cmpuint (found.reps, ==, 2);

  g_clear_object (&store);
  g_ptr_array_unref (changes);

  /* Nothing changed. */
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 4);
}

/* Makes @path unwritable even for root (where chmod does not stop writes), or back. */
static gboolean
set_unwritable (const char *path,
                gboolean    unwritable)
{
  const char *argv[] = { "chattr", unwritable ? "+i" : "-i", path, NULL };
  int status = -1;

  if (getuid () != 0)
    return g_chmod (path, unwritable ? 0444 : 0644) == 0;

  return g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                       G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EntenteProgressStore) store = NULL;
  g_autoptr(GHashTable) cards = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *notice = NULL;
  EntenteFsrsCard card = make_card (1, NOON_MS);
  EntenteFsrsLog log = make_log (NULL, NOON_MS + 1, ENTENTE_FSRS_RATING_GOOD);
  gboolean read_only = FALSE;
  gint64 id = -1;

  make_database (fixture->path);
  before = read_bytes (fixture->path);
  if (!set_unwritable (fixture->path, TRUE))
    {
      g_test_skip ("cannot make a file unwritable here (chattr needs ext4 and root)");
      return;
    }

  /* Everything that needs the file unwritable happens before any assertion, so that it is
   * writable again (and removable) whatever the outcome. */
  store = entente_progress_store_open (fixture->path, &open_error);
  if (store != NULL)
    {
      read_only = entente_progress_store_get_read_only (store);
      notice = g_strdup (entente_progress_store_get_notice (store));
      cards = entente_progress_store_load_pack (store, "pack", NULL);
      id = entente_progress_store_record_review (store, "pack", "card-1", &log, &card, 1,
                                                 &error);
      g_clear_object (&store);
    }
  g_assert_true (set_unwritable (fixture->path, FALSE));

  g_assert_no_error (open_error);
  g_assert_true (read_only);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, fixture->path));
  g_assert_nonnull (strstr (notice, "cannot be written"));
  g_assert_nonnull (cards);
  g_assert_cmpuint (g_hash_table_size (cards), ==, 300);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, ENTENTE_PROGRESS_STORE_ERROR, ENTENTE_PROGRESS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "permissions"));
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Killed at random moments */

#define CRASH_KILLS 200
#define CRASH_CARDS 40

/* What the reviewer tells the parent through a pipe, one message per write (atomic). */
typedef enum
{
  MESSAGE_OPEN,         /* the store is open */
  MESSAGE_RECORDED,     /* record_review () returned this review's id */
  MESSAGE_UNDOING,      /* about to undo it: a kill now leaves its fate open */
  MESSAGE_UNDONE,       /* undo_review () returned */
} MessageKind;

typedef struct
{
  gint64 kind;
  gint64 id;
  gint64 time;          /* unique to the review, so that a reused id cannot pass for it */
} Message;

static void
send_message (int         fd,
              MessageKind kind,
              gint64      id,
              gint64      time)
{
  Message message = { kind, id, time };

  if (write (fd, &message, sizeof message) != (gssize) sizeof message)
    _exit (5);
}

G_GNUC_NORETURN static void
run_reviewer (const char *path,
              int         fd,
              guint       round)
{
  g_autoptr(EntenteProgressStore) store = entente_progress_store_open (path, NULL);

  if (store == NULL)
    _exit (3);
  send_message (fd, MESSAGE_OPEN, 0, 0);

  for (guint i = 0; ; i++)
    {
      g_autofree char *card_id = g_strdup_printf ("card-%u", (round * 7 + i) % CRASH_CARDS);
      /* Unique times: no two rounds or reviews collide. */
      gint64 time = NOON_MS + (gint64) round * 1000000 + i;
      EntenteFsrsCard before, after = make_card (i, time);
      gboolean had = entente_progress_store_lookup_card (store, "pack", card_id, &before, NULL);
      EntenteFsrsLog log = make_log (had ? &before : NULL, time, 1 + i % 4);
      gint64 id;

      id = entente_progress_store_record_review (store, "pack", card_id, &log, &after, i, NULL);
      if (id <= 0)
        _exit (4);
      send_message (fd, MESSAGE_RECORDED, id, time);

      if (i % 5 == 4)
        {
          send_message (fd, MESSAGE_UNDOING, id, time);
          if (!entente_progress_store_undo_review (store, id, NULL))
            _exit (6);
          send_message (fd, MESSAGE_UNDONE, id, time);
        }
    }
}

static sqlite3_stmt *
prepare_check (sqlite3    *db,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  return stmt;
}

/* Every acknowledged review is there, with its own time; every undone one is gone; and
 * every card's state is the state after its latest review, only reviewed cards having one
 * (the log row and the state were written together). */
static void
check_after_kill (const char *path,
                  GHashTable *acknowledged,
                  GHashTable *undone)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  stmt = prepare_check (db, "SELECT review_time FROM review_log WHERE id = ?");
  g_hash_table_iter_init (&iter, acknowledged);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_error ("acknowledged review %" G_GINT64_FORMAT " is lost", *(gint64 *) key);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, *(gint64 *) value);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  stmt = prepare_check (db, "SELECT count(*) FROM review_log WHERE review_time = ?");
  g_hash_table_iter_init (&iter, undone);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  stmt = prepare_check (db,
                        "SELECT count(*) FROM card_state s WHERE NOT EXISTS ("
                        " SELECT 1 FROM review_log r WHERE r.pack_id = s.pack_id"
                        " AND r.card_id = s.card_id AND r.after_reps = s.reps"
                        " AND r.after_due = s.due AND r.id = (SELECT max(id) FROM"
                        " review_log l WHERE l.pack_id = s.pack_id AND"
                        " l.card_id = s.card_id))"
                        " UNION ALL SELECT count(*) FROM (SELECT DISTINCT"
                        " pack_id, card_id FROM review_log) r WHERE NOT EXISTS ("
                        " SELECT 1 FROM card_state s WHERE s.pack_id = r.pack_id"
                        " AND s.card_id = r.card_id)");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gint64 *
dup_int64 (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

static void
handle_message (const Message *message,
                GHashTable    *acknowledged,
                GHashTable    *undone,
                guint         *n_reviews)
{
  switch (message->kind)
    {
    case MESSAGE_OPEN:
      break;

    case MESSAGE_RECORDED:
      g_hash_table_insert (acknowledged, dup_int64 (message->id), dup_int64 (message->time));
      (*n_reviews)++;
      break;

    case MESSAGE_UNDOING:
      g_hash_table_remove (acknowledged, &message->id);
      break;

    case MESSAGE_UNDONE:
      g_hash_table_add (undone, dup_int64 (message->time));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_killed (Fixture       *fixture,
             gconstpointer  data)
{
  /* id → time of the acknowledged reviews; times of the undone ones. */
  g_autoptr(GHashTable) acknowledged = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                              g_free, g_free);
  g_autoptr(GHashTable) undone = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        NULL);
  guint n_kills = 0, n_reviews = 0, n_busy_rounds = 0;
  gint64 started = g_get_monotonic_time ();

  for (guint round = 0; round < CRASH_KILLS; round++)
    {
      g_autoptr(EntenteProgressStore) store = NULL;
      /* One round in four kills the reviewer while it opens (and, at first, creates) the
       * database; one in four soon after its first review, so that a slow disk cannot
       * keep the kills away from commits; the others any time after it has opened. */
      gboolean while_opening = round % 4 == 0;
      gboolean after_review = round % 4 == 2;
      guint delay_us = g_test_rand_int_range (0, while_opening || after_review ? 3000 : 20000);
      guint reviews_before = n_reviews;
      Message message;
      int fds[2];
      int status = 0;
      pid_t pid;
      gssize n;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          run_reviewer (fixture->path, fds[1], round);
        }
      close (fds[1]);

      if (!while_opening)
        {
          g_assert_cmpint (read (fds[0], &message, sizeof message), ==, sizeof message);
          g_assert_cmpint (message.kind, ==, MESSAGE_OPEN);
        }
      if (after_review)
        {
          g_assert_cmpint (read (fds[0], &message, sizeof message), ==, sizeof message);
          g_assert_cmpint (message.kind, ==, MESSAGE_RECORDED);
          handle_message (&message, acknowledged, undone, &n_reviews);
        }
      g_usleep (delay_us);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* Killed, not failed. */
      if (!WIFSIGNALED (status))
        g_error ("the reviewer exited with %d", WEXITSTATUS (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      n_kills++;

      while ((n = read (fds[0], &message, sizeof message)) == sizeof message)
        handle_message (&message, acknowledged, undone, &n_reviews);
      g_assert_cmpint (n, ==, 0);
      close (fds[0]);
      if (n_reviews > reviews_before)
        n_busy_rounds++;

      /* Not before the first open has created it. */
      if (!g_file_test (fixture->path, G_FILE_TEST_EXISTS))
        continue;

      {
        g_autofree char *result = integrity (fixture->path);

        g_assert_cmpstr (result, ==, "ok");
      }

      store = open_store (fixture->path);
      g_assert_null (entente_progress_store_get_moved_aside_path (store));
      g_assert_false (entente_progress_store_get_read_only (store));
      check_after_kill (fixture->path, acknowledged, undone);
    }

  g_test_message ("%u kills, %u of them after reviews; %u acknowledged reviews (%u still "
                  "there, %u undone), %.1f s",
                  n_kills, n_busy_rounds, n_reviews, g_hash_table_size (acknowledged),
                  g_hash_table_size (undone),
                  (g_get_monotonic_time () - started) / 1e6);
  g_assert_cmpuint (n_kills, >=, 200);
  /* The kills did land while reviews were being committed, not only while opening. */
  g_assert_cmpuint (n_busy_rounds, >=, CRASH_KILLS / 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/entente/progress-store/default-path", test_default_path);
#define ADD(name, func) \
  g_test_add ("/entente/progress-store/" name, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("open-creates", test_open_creates);
  ADD ("open-fails", test_open_fails);
  ADD ("open-async", test_open_async);
  ADD ("record-and-lookup", test_record_and_lookup);
  ADD ("duplicate", test_duplicate);
  ADD ("undo", test_undo);
  ADD ("load-pack", test_load_pack);
  ADD ("day", test_day);
  ADD ("export-import", test_export_import);
  ADD ("import-merges", test_import_merges);
  ADD ("import-documented-format", test_import_documented_format);
  ADD ("import-broken", test_import_broken);
  ADD ("damaged-twice", test_damaged_twice);
  ADD ("orphan-wal", test_orphan_wal);
  ADD ("newer-version", test_newer_version);
  ADD ("results", test_results);
  ADD ("exam-in-progress", test_exam_in_progress);
  ADD ("bring-forward", test_bring_forward);
  ADD ("forget-pack", test_forget_pack);
  ADD ("migrate-v1", test_migrate_v1);
  ADD ("migrate-v2", test_migrate_v2);
  ADD ("count-reviews", test_count_reviews);
  ADD ("export-import-results", test_export_import_results);
  ADD ("unwritable", test_unwritable);
  ADD ("killed", test_killed);
#undef ADD
#define ADD_DAMAGE(name, how) \
  g_test_add ("/entente/progress-store/damaged/" name, Fixture, GINT_TO_POINTER (how), \
              fixture_set_up, test_damaged, fixture_tear_down)
  ADD_DAMAGE ("not-a-database", DAMAGE_NOT_A_DATABASE);
  ADD_DAMAGE ("truncated", DAMAGE_TRUNCATED);
  ADD_DAMAGE ("header", DAMAGE_HEADER);
  ADD_DAMAGE ("integrity", DAMAGE_INTEGRITY);
  ADD_DAMAGE ("foreign", DAMAGE_FOREIGN);
  ADD_DAMAGE ("with-wal", DAMAGE_WITH_WAL);
#undef ADD_DAMAGE

  return g_test_run ();
}
