/* test-review-queue.c
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-review-queue.h"

#define MINUTE G_GINT64_CONSTANT (60000)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

typedef struct
{
  GHashTable *cards;
  GTimeZone  *tz;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* Two hours ahead of UTC, so that local and UTC days differ. */
  fixture->tz = g_time_zone_new_identifier ("+02:00");
  g_assert_nonnull (fixture->tz);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_hash_table_unref (fixture->cards);
  g_time_zone_unref (fixture->tz);
}

static gint64
ms (GDateTime *dt)
{
  return g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
}

static void
put (Fixture          *fixture,
     const char       *id,
     EntenteFsrsState  state,
     gint64            due)
{
  EntenteFsrsCard *card = g_new0 (EntenteFsrsCard, 1);

  card->state = state;
  card->due = due;
  card->stability = state == ENTENTE_FSRS_STATE_NEW ? 0 : 3;
  card->difficulty = state == ENTENTE_FSRS_STATE_NEW ? 0 : 5;
  card->last_review = state == ENTENTE_FSRS_STATE_NEW ? 0 : due - DAY;
  g_hash_table_replace (fixture->cards, g_strdup (id), card);
}

static void
assert_order (const EntenteReviewQueue *queue,
              const char * const       *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < n && i < entente_review_queue_get_n_items (queue); i++)
    g_assert_cmpstr (entente_review_queue_get_item (queue, i)->card_id, ==, expected[i]);
  g_assert_cmpuint (entente_review_queue_get_n_items (queue), ==, n);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const pack[] = {
    "n1", "r-late", "l-second", "n2", "r-b", "r-a", "l-first", "rl", "r-tomorrow",
    "l-later", "n3", "n4", NULL,
  };
  static const char * const expected[] = {
    "l-first", "rl", "l-second", "r-late", "r-a", "r-b", "n1", "n2", "n3", NULL,
  };
  g_autoptr(GDateTime) now = g_date_time_new (fixture->tz, 2026, 3, 10, 15, 0, 0);
  g_autoptr(EntenteReviewQueue) queue = NULL;
  gint64 t = ms (now);
  const EntenteReviewItem *item;

  put (fixture, "r-late", ENTENTE_FSRS_STATE_REVIEW, t - 3 * DAY);
  put (fixture, "r-a", ENTENTE_FSRS_STATE_REVIEW, t + HOUR);
  put (fixture, "r-b", ENTENTE_FSRS_STATE_REVIEW, t + HOUR);
  put (fixture, "r-tomorrow", ENTENTE_FSRS_STATE_REVIEW, t + 9 * HOUR);
  put (fixture, "l-first", ENTENTE_FSRS_STATE_LEARNING, t - 20 * MINUTE);
  put (fixture, "rl", ENTENTE_FSRS_STATE_RELEARNING, t - 10 * MINUTE);
  put (fixture, "l-second", ENTENTE_FSRS_STATE_LEARNING, t);
  put (fixture, "l-later", ENTENTE_FSRS_STATE_LEARNING, t + 10 * MINUTE);
  put (fixture, "n2", ENTENTE_FSRS_STATE_NEW, t - DAY);
  /* Cards that are not in the pack play no part. */
  put (fixture, "gone", ENTENTE_FSRS_STATE_REVIEW, t - DAY);

  queue = entente_review_queue_new (pack, -1, fixture->cards, now, 17, 20);
  assert_order (queue, expected);

  g_assert_cmpuint (entente_review_queue_get_n_learning (queue), ==, 3);
  g_assert_cmpuint (entente_review_queue_get_n_review (queue), ==, 3);
  g_assert_cmpuint (entente_review_queue_get_n_due (queue), ==, 6);
  g_assert_cmpuint (entente_review_queue_get_n_new (queue), ==, 3);
  g_assert_cmpuint (entente_review_queue_get_n_new_available (queue), ==, 4);
  g_assert_cmpuint (entente_review_queue_get_n_learning_later (queue), ==, 1);
  g_assert_cmpint (entente_review_queue_get_next_learning_due (queue), ==, t + 10 * MINUTE);
  g_assert_cmpint (entente_review_queue_get_next_due (queue), ==, t + 10 * MINUTE);

  item = entente_review_queue_peek (queue);
  g_assert_cmpstr (item->card_id, ==, "l-first");
  g_assert_cmpint (item->kind, ==, ENTENTE_REVIEW_KIND_LEARNING);
  g_assert_cmpuint (item->pack_index, ==, 6);
  item = entente_review_queue_get_item (queue, 3);
  g_assert_cmpint (item->kind, ==, ENTENTE_REVIEW_KIND_REVIEW);
  g_assert_cmpint (item->due, ==, t - 3 * DAY);
  item = entente_review_queue_get_item (queue, 8);
  g_assert_cmpint (item->kind, ==, ENTENTE_REVIEW_KIND_NEW);
  g_assert_cmpuint (item->pack_index, ==, 10);
  g_assert_null (entente_review_queue_get_item (queue, 9));
}

static void
test_new_limit (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new (fixture->tz, 2026, 3, 10, 8, 0, 0);
  g_autoptr(GPtrArray) pack = g_ptr_array_new_with_free_func (g_free);
  static const struct { guint introduced, limit, n_new; } cases[] = {
    { 0, ENTENTE_REVIEW_QUEUE_DEFAULT_NEW_LIMIT, 20 },
    { 5, 20, 15 },
    { 20, 20, 0 },
    { 25, 20, 0 },
    { 0, 100, 30 },
    { 0, 0, 0 },
  };

  for (guint i = 0; i < 30; i++)
    g_ptr_array_add (pack, g_strdup_printf ("card-%02u", 29 - i));

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(EntenteReviewQueue) queue = NULL;

      queue = entente_review_queue_new ((const char * const *) pack->pdata, pack->len, NULL, now,
                                        cases[c].introduced, cases[c].limit);
      g_assert_cmpuint (entente_review_queue_get_n_items (queue), ==, cases[c].n_new);
      g_assert_cmpuint (entente_review_queue_get_n_new (queue), ==, cases[c].n_new);
      g_assert_cmpuint (entente_review_queue_get_n_new_available (queue), ==, 30);
      g_assert_cmpuint (entente_review_queue_get_n_due (queue), ==, 0);
      /* Pack order, not id order. */
      for (guint i = 0; i < cases[c].n_new; i++)
        {
          const EntenteReviewItem *item = entente_review_queue_get_item (queue, i);

          g_assert_cmpstr (item->card_id, ==, pack->pdata[i]);
          g_assert_cmpuint (item->pack_index, ==, i);
        }
    }
}

static void
test_day_boundary (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const pack[] = { "before-midnight", "at-midnight", "learning", NULL };
  g_autoptr(GDateTime) midnight = g_date_time_new (fixture->tz, 2026, 3, 11, 0, 0, 0);
  gint64 m = ms (midnight);

  put (fixture, "before-midnight", ENTENTE_FSRS_STATE_REVIEW, m - 1);
  put (fixture, "at-midnight", ENTENTE_FSRS_STATE_REVIEW, m);
  put (fixture, "learning", ENTENTE_FSRS_STATE_LEARNING, m - 1);

  /* Early in the day, and in the last second of it: the same day ends at local midnight
   * (22:00 UTC), whatever the hour. */
  for (guint hour = 0; hour < 24; hour += 23)
    {
      g_autoptr(GDateTime) now = g_date_time_new (fixture->tz, 2026, 3, 10, hour,
                                                  hour == 0 ? 0 : 59, hour == 0 ? 0 : 59.0);
      g_autoptr(EntenteReviewQueue) queue = NULL;

      queue = entente_review_queue_new (pack, -1, fixture->cards, now, 0, 20);
      g_assert_cmpint (entente_review_queue_get_day_end (queue), ==, m);
      g_assert_cmpuint (entente_review_queue_get_n_review (queue), ==, 1);
      g_assert_cmpstr (entente_review_queue_peek (queue)->card_id, ==, "before-midnight");
      g_assert_cmpuint (entente_review_queue_get_n_learning (queue), ==, 0);
      g_assert_cmpuint (entente_review_queue_get_n_learning_later (queue), ==, 1);
      /* The learning card a millisecond before midnight comes before the review at it. */
      g_assert_cmpint (entente_review_queue_get_next_due (queue), ==, m - 1);
    }

  /* At midnight a new day starts: both reviews and the learning card are due. */
  {
    g_autoptr(EntenteReviewQueue) queue = NULL;
    static const char * const expected[] = { "learning", "before-midnight", "at-midnight", NULL };

    queue = entente_review_queue_new (pack, -1, fixture->cards, midnight, 0, 20);
    assert_order (queue, expected);
    g_assert_cmpint (entente_review_queue_get_day_end (queue), ==, m + DAY);
    g_assert_cmpuint (entente_review_queue_get_n_learning_later (queue), ==, 0);
    g_assert_cmpint (entente_review_queue_get_next_learning_due (queue), ==, 0);
    g_assert_cmpint (entente_review_queue_get_next_due (queue), ==, 0);
  }

  /* The same instant in UTC is still the 10th: the day ends two hours later. */
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (midnight);
    g_autoptr(EntenteReviewQueue) queue = NULL;

    queue = entente_review_queue_new (pack, -1, fixture->cards, utc, 0, 20);
    g_assert_cmpint (entente_review_queue_get_day_end (queue), ==, m + 2 * HOUR);
    g_assert_cmpuint (entente_review_queue_get_n_review (queue), ==, 2);
  }
}

static void
test_dst (Fixture       *fixture,
          gconstpointer  data)
{
  /* Berlin moves its clocks forward on 29 March 2026: that day has 23 hours. */
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) next_midnight = NULL;
  g_autoptr(EntenteReviewQueue) queue = NULL;

  if (berlin == NULL)
    {
      g_test_skip ("no time zone data for Europe/Berlin");
      return;
    }

  now = g_date_time_new (berlin, 2026, 3, 29, 0, 30, 0);
  next_midnight = g_date_time_new (berlin, 2026, 3, 30, 0, 0, 0);
  queue = entente_review_queue_new (NULL, 0, NULL, now, 0, 20);
  g_assert_cmpint (entente_review_queue_get_day_end (queue), ==, ms (next_midnight));
  g_assert_cmpint (entente_review_queue_get_day_end (queue) - ms (now), ==,
                   22 * HOUR + 30 * MINUTE);
  g_assert_cmpuint (entente_review_queue_get_n_items (queue), ==, 0);
  g_assert_null (entente_review_queue_peek (queue));
}

static void
test_new_state_counts_as_new (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char * const pack[] = { "a", "b", NULL };
  g_autoptr(GDateTime) now = g_date_time_new (fixture->tz, 2026, 3, 10, 12, 0, 0);
  g_autoptr(EntenteReviewQueue) queue = NULL;

  /* A card that the store knows but never reviewed, due long ago, is still new. */
  put (fixture, "b", ENTENTE_FSRS_STATE_NEW, ms (now) - 30 * DAY);
  queue = entente_review_queue_new (pack, 2, fixture->cards, now, 0, 1);
  g_assert_cmpuint (entente_review_queue_get_n_new_available (queue), ==, 2);
  g_assert_cmpuint (entente_review_queue_get_n_items (queue), ==, 1);
  g_assert_cmpstr (entente_review_queue_peek (queue)->card_id, ==, "a");
  g_assert_cmpint (entente_review_queue_peek (queue)->kind, ==, ENTENTE_REVIEW_KIND_NEW);
}

/* The queue keeps its own copies of the ids. */
static void
test_owns_ids (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new (fixture->tz, 2026, 3, 10, 12, 0, 0);
  g_autoptr(EntenteReviewQueue) queue = NULL;
  char **pack = g_strsplit ("x,y", ",", -1);

  put (fixture, "y", ENTENTE_FSRS_STATE_REVIEW, ms (now) - DAY);
  queue = entente_review_queue_new ((const char * const *) pack, -1, fixture->cards, now, 0, 20);
  g_strfreev (pack);
  g_hash_table_remove_all (fixture->cards);

  g_assert_cmpuint (entente_review_queue_get_n_items (queue), ==, 2);
  g_assert_cmpstr (entente_review_queue_get_item (queue, 0)->card_id, ==, "y");
  g_assert_cmpstr (entente_review_queue_get_item (queue, 1)->card_id, ==, "x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/entente/review-queue/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("order", test_order);
  ADD ("new-limit", test_new_limit);
  ADD ("day-boundary", test_day_boundary);
  ADD ("dst", test_dst);
  ADD ("new-state-counts-as-new", test_new_state_counts_as_new);
  ADD ("owns-ids", test_owns_ids);

#undef ADD

  return g_test_run ();
}
