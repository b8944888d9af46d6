/* test-fsrs.c: the FSRS-6 scheduler against ts-fsrs 5.4.2
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The known cases below were computed with ts-fsrs 5.4.2. The replayed histories come
 * from tools/fsrs-vectors.mjs: tests/data/fsrs-vectors.json, which is
 *   node tools/fsrs-vectors.mjs --seed 20260128 --count 150
 * or the file named by ENTENTE_FSRS_VECTORS (tools/test makes one from a random seed).
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "entente-fsrs.h"

#define MINUTE G_GINT64_CONSTANT (60000)
#define DAY    G_GINT64_CONSTANT (86400000)

/* 2026-01-15 09:30:00 UTC */
#define T0 G_GINT64_CONSTANT (1768469400000)

static void
test_defaults (void)
{
  EntenteFsrsParams params;

  entente_fsrs_params_init_default (&params);
  g_assert_cmpfloat (params.w[0], ==, 0.212);
  g_assert_cmpfloat (params.w[20], ==, 0.1542);
  g_assert_cmpfloat (params.request_retention, ==, 0.9);
  g_assert_cmpuint (params.maximum_interval, ==, 36500);
  g_assert_false (params.enable_fuzz);
  g_assert_true (params.enable_short_term);
  g_assert_cmpuint (params.n_learning_steps, ==, 2);
  g_assert_cmpuint (params.learning_steps[0], ==, 60);
  g_assert_cmpuint (params.learning_steps[1], ==, 600);
  g_assert_cmpuint (params.n_relearning_steps, ==, 1);
  g_assert_cmpuint (params.relearning_steps[0], ==, 600);
}

static void
test_new_card (void)
{
  static const struct {
    EntenteFsrsRating rating;
    gint64            after;
    double            stability;
    double            difficulty;
    EntenteFsrsState  state;
    guint             scheduled_days;
    guint             learning_steps;
  } expected[] = {
    /* Again: the first step; Hard: halfway between the steps, 5.5 minutes rounded up as
     * Math.round does; Good: the second step; Easy: straight to days. */
    { ENTENTE_FSRS_RATING_AGAIN, MINUTE, 0.212, 6.4133, ENTENTE_FSRS_STATE_LEARNING, 0, 0 },
    { ENTENTE_FSRS_RATING_HARD, 6 * MINUTE, 1.2931, 5.11217071,
      ENTENTE_FSRS_STATE_LEARNING, 0, 0 },
    { ENTENTE_FSRS_RATING_GOOD, 10 * MINUTE, 2.3065, 2.11810397,
      ENTENTE_FSRS_STATE_LEARNING, 0, 1 },
    { ENTENTE_FSRS_RATING_EASY, 8 * DAY, 8.2956, 1, ENTENTE_FSRS_STATE_REVIEW, 8, 0 },
  };
  EntenteFsrsParams params;
  EntenteFsrsCard card;

  entente_fsrs_params_init_default (&params);
  entente_fsrs_card_init (&card, T0);
  g_assert_cmpint (card.due, ==, T0);
  g_assert_cmpint (card.state, ==, ENTENTE_FSRS_STATE_NEW);
  g_assert_cmpint (card.last_review, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      EntenteFsrsCard next;
      EntenteFsrsLog log;

      entente_fsrs_next (&params, &card, T0, expected[i].rating, &next, &log);
      g_assert_cmpint (next.due - T0, ==, expected[i].after);
      g_assert_cmpfloat_with_epsilon (next.stability, expected[i].stability, 1e-12);
      g_assert_cmpfloat_with_epsilon (next.difficulty, expected[i].difficulty, 1e-12);
      g_assert_cmpint (next.state, ==, expected[i].state);
      g_assert_cmpuint (next.scheduled_days, ==, expected[i].scheduled_days);
      g_assert_cmpuint (next.learning_steps, ==, expected[i].learning_steps);
      g_assert_cmpuint (next.reps, ==, 1);
      g_assert_cmpuint (next.lapses, ==, 0);
      g_assert_cmpint (next.last_review, ==, T0);

      g_assert_cmpint (log.rating, ==, expected[i].rating);
      g_assert_cmpint (log.state, ==, ENTENTE_FSRS_STATE_NEW);
      g_assert_cmpint (log.due, ==, T0);
      g_assert_cmpint (log.review, ==, T0);
      g_assert_cmpfloat (log.stability, ==, 0);
    }
}

/* A card rated Good twice, ten minutes apart: in review, due in two days. */
static void
graduate (const EntenteFsrsParams *params,
          EntenteFsrsCard         *card)
{
  EntenteFsrsCard first;

  entente_fsrs_card_init (card, T0);
  entente_fsrs_next (params, card, T0, ENTENTE_FSRS_RATING_GOOD, &first, NULL);
  entente_fsrs_next (params, &first, T0 + 10 * MINUTE, ENTENTE_FSRS_RATING_GOOD, card, NULL);
}

static void
test_review_card (void)
{
  EntenteFsrsParams params;
  EntenteFsrsCard card;
  EntenteFsrsCard next[4];
  EntenteFsrsLog log;
  EntenteFsrsCard again;
  gint64 t;

  entente_fsrs_params_init_default (&params);
  graduate (&params, &card);
  g_assert_cmpint (card.state, ==, ENTENTE_FSRS_STATE_REVIEW);
  g_assert_cmpint (card.due, ==, T0 + 10 * MINUTE + 2 * DAY);
  g_assert_cmpuint (card.scheduled_days, ==, 2);
  g_assert_cmpuint (card.reps, ==, 2);
  g_assert_cmpfloat_with_epsilon (card.stability, 2.3065, 1e-12);
  g_assert_cmpfloat_with_epsilon (card.difficulty, 2.11121424, 1e-12);

  t = card.due;
  g_assert_cmpfloat_with_epsilon (entente_fsrs_retrievability (&params, &card, t),
                                  0.90949326, 1e-12);
  g_assert_cmpfloat (entente_fsrs_retrievability (&params, &card, card.last_review), ==, 1);

  entente_fsrs_preview (&params, &card, t, next);
  g_assert_cmpint (next[0].due - t, ==, 10 * MINUTE);
  g_assert_cmpint (next[0].state, ==, ENTENTE_FSRS_STATE_RELEARNING);
  g_assert_cmpuint (next[0].lapses, ==, 1);
  g_assert_cmpfloat_with_epsilon (next[0].stability, 0.60770166, 1e-12);
  g_assert_cmpfloat_with_epsilon (next[0].difficulty, 7.39223814, 1e-12);
  g_assert_cmpuint (next[1].scheduled_days, ==, 8);
  g_assert_cmpfloat_with_epsilon (next[1].stability, 7.51735908, 1e-12);
  g_assert_cmpuint (next[2].scheduled_days, ==, 11);
  g_assert_cmpint (next[2].due - t, ==, 11 * DAY);
  g_assert_cmpfloat_with_epsilon (next[2].stability, 10.97104786, 1e-12);
  g_assert_cmpfloat_with_epsilon (next[2].difficulty, 2.1043314, 1e-12);
  g_assert_cmpuint (next[3].scheduled_days, ==, 19);
  g_assert_cmpfloat_with_epsilon (next[3].stability, 18.53433169, 1e-12);
  g_assert_cmpfloat (next[3].difficulty, ==, 1);
  for (guint i = 1; i < 4; i++)
    {
      g_assert_cmpint (next[i].state, ==, ENTENTE_FSRS_STATE_REVIEW);
      g_assert_cmpuint (next[i].lapses, ==, 0);
    }

  /* The preview and a review with the same rating agree. */
  entente_fsrs_next (&params, &card, t, ENTENTE_FSRS_RATING_AGAIN, &again, &log);
  g_assert_cmpmem (&again, sizeof again, &next[0], sizeof next[0]);
  g_assert_cmpint (log.state, ==, ENTENTE_FSRS_STATE_REVIEW);
  g_assert_cmpint (log.due, ==, card.last_review);
  g_assert_cmpuint (log.elapsed_days, ==, 2);
  g_assert_cmpuint (log.scheduled_days, ==, 2);
}

/* The card may be reviewed in place, log and all. */
static void
test_in_place (void)
{
  EntenteFsrsParams params;
  EntenteFsrsCard card;
  EntenteFsrsCard apart;
  EntenteFsrsLog log_apart;
  EntenteFsrsLog log;

  /* The log has padding before its last field: zero it for g_assert_cmpmem(). */
  memset (&log_apart, 0, sizeof log_apart);
  memset (&log, 0, sizeof log);
  entente_fsrs_params_init_default (&params);
  graduate (&params, &card);
  entente_fsrs_next (&params, &card, card.due + DAY, ENTENTE_FSRS_RATING_AGAIN, &apart,
                     &log_apart);
  entente_fsrs_next (&params, &card, card.due + DAY, ENTENTE_FSRS_RATING_AGAIN, &card, &log);
  g_assert_cmpmem (&card, sizeof card, &apart, sizeof apart);
  g_assert_cmpmem (&log, sizeof log, &log_apart, sizeof log_apart);
  g_assert_cmpint (log.due, ==, T0 + 10 * MINUTE);
  g_assert_cmpuint (log.last_elapsed_days, ==, 0);
  g_assert_cmpuint (log.scheduled_days, ==, 2);
}

/* Parameters changed after entente_fsrs_params_init_default() take effect at once, with
 * or without entente_fsrs_params_clip(). */
static void
test_changed_params (void)
{
  EntenteFsrsParams params, clipped;
  EntenteFsrsCard card;
  EntenteFsrsCard before[4], stale[4], fresh[4];

  entente_fsrs_params_init_default (&params);
  graduate (&params, &card);
  entente_fsrs_preview (&params, &card, card.due, before);

  params.request_retention = 0.8;
  params.w[8] = 1.5;
  params.w[20] = 0.3;
  clipped = params;
  entente_fsrs_params_clip (&clipped);
  entente_fsrs_preview (&params, &card, card.due, stale);
  entente_fsrs_preview (&clipped, &card, card.due, fresh);

  g_assert_cmpmem (stale, sizeof stale, fresh, sizeof fresh);
  g_assert_cmpuint (fresh[2].scheduled_days, >, before[2].scheduled_days);
  g_assert_cmpfloat (fresh[2].stability, !=, before[2].stability);
  g_assert_cmpfloat (entente_fsrs_retrievability (&params, &card, card.due + 5 * DAY), ==,
                     entente_fsrs_retrievability (&clipped, &card, card.due + 5 * DAY));
}

static void
test_fuzz (void)
{
  static const guint expected[] = { 0, 7, 10, 17 };
  EntenteFsrsParams params;
  EntenteFsrsCard card;
  EntenteFsrsCard next[4];

  entente_fsrs_params_init_default (&params);
  graduate (&params, &card);
  params.enable_fuzz = TRUE;

  /* ts-fsrs seeds alea with "1768642800000_3_4.86951564456" here. */
  entente_fsrs_preview (&params, &card, card.due, next);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (next[i].scheduled_days, ==, expected[i]);
}

static void
test_long_term (void)
{
  static const guint expected[] = { 1, 2, 3, 8 };
  EntenteFsrsParams params;
  EntenteFsrsCard card;
  EntenteFsrsCard next[4];

  entente_fsrs_params_init_default (&params);
  params.enable_short_term = FALSE;
  entente_fsrs_card_init (&card, T0);
  entente_fsrs_preview (&params, &card, T0, next);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpint (next[i].state, ==, ENTENTE_FSRS_STATE_REVIEW);
      g_assert_cmpuint (next[i].scheduled_days, ==, expected[i]);
      g_assert_cmpint (next[i].due, ==, T0 + expected[i] * DAY);
    }
}

static void
test_clip (void)
{
  EntenteFsrsParams params;

  entente_fsrs_params_init_default (&params);
  entente_fsrs_params_clip (&params);
  g_assert_cmpfloat (params.w[17], ==, 0.5425);

  params.n_relearning_steps = 3;
  params.relearning_steps[1] = 1200;
  params.relearning_steps[2] = 1800;
  params.w[4] = 20;
  entente_fsrs_params_clip (&params);
  g_assert_cmpfloat (params.w[17], ==, 0.49027301);
  g_assert_cmpfloat (params.w[18], ==, 0.0912);
  g_assert_cmpfloat (params.w[4], ==, 10);
}

static void
test_new_card_retrievability (void)
{
  EntenteFsrsParams params;
  EntenteFsrsCard card;

  entente_fsrs_params_init_default (&params);
  entente_fsrs_card_init (&card, T0);
  g_assert_cmpfloat (entente_fsrs_retrievability (&params, &card, T0 + 5 * DAY), ==, 0);
}

static void
test_format_interval (void)
{
  static const struct { gint64 ms; const char *text; } cases[] = {
    { 30 * 1000, "30 s" },
    { MINUTE, "1 min" },
    { 10 * MINUTE, "10 min" },
    { 59 * MINUTE + 59 * 1000, "59 min" },
    { 6 * 60 * MINUTE, "6 h" },
    { DAY, "1 d" },
    { 30 * DAY, "30 d" },
    { 31 * DAY, "1 mo" },
    { 400 * DAY, "1 y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = entente_fsrs_format_interval (T0, T0 + cases[i].ms);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Replaying ts-fsrs's histories */

typedef struct
{
  guint n_reviews;
  guint n_failures;
  /* What the histories cover */
  guint n_ratings[5];
  guint n_early;      /* review cards reviewed before they were due */
  guint n_same_day;   /* studied cards reviewed again on the same UTC day */
  guint n_long_gap;   /* reviewed again after more than 100 days */
  guint n_relearning; /* reviews of relearning cards */
} Replay;

static void
fail (Replay     *replay,
      guint       history,
      guint       review,
      const char *field,
      const char *expected,
      const char *actual)
{
  if (replay->n_failures++ < 20)
    g_test_message ("history %u, review %u: %s is %s, ts-fsrs gives %s",
                    history, review, field, actual, expected);
}

static void
check_int (Replay     *replay,
           guint       history,
           guint       review,
           JsonObject *object,
           const char *field,
           gint64      actual)
{
  gint64 expected = json_object_get_int_member (object, field);

  if (expected != actual)
    {
      g_autofree char *e = g_strdup_printf ("%" G_GINT64_FORMAT, expected);
      g_autofree char *a = g_strdup_printf ("%" G_GINT64_FORMAT, actual);

      fail (replay, history, review, field, e, a);
    }
}

static void
check_double (Replay     *replay,
              guint       history,
              guint       review,
              JsonObject *object,
              const char *field,
              double      actual)
{
  double expected = json_object_get_double_member (object, field);

  if (!(fabs (expected - actual) <= 1e-8))
    {
      g_autofree char *e = g_strdup_printf ("%.17g", expected);
      g_autofree char *a = g_strdup_printf ("%.17g", actual);

      fail (replay, history, review, field, e, a);
    }
}

static void
read_steps (JsonArray *array,
            guint     *steps,
            guint     *n_steps)
{
  *n_steps = json_array_get_length (array);
  g_assert_cmpuint (*n_steps, <=, ENTENTE_FSRS_MAX_STEPS);
  for (guint i = 0; i < *n_steps; i++)
    steps[i] = json_array_get_int_element (array, i);
}

static void
read_params (JsonObject        *object,
             EntenteFsrsParams *params)
{
  JsonArray *w = json_object_get_array_member (object, "w");

  entente_fsrs_params_init_default (params);
  params->request_retention = json_object_get_double_member (object, "request_retention");
  params->maximum_interval = json_object_get_int_member (object, "maximum_interval");
  params->enable_fuzz = json_object_get_boolean_member (object, "enable_fuzz");
  params->enable_short_term = json_object_get_boolean_member (object, "enable_short_term");
  read_steps (json_object_get_array_member (object, "learning_steps"),
              params->learning_steps, &params->n_learning_steps);
  read_steps (json_object_get_array_member (object, "relearning_steps"),
              params->relearning_steps, &params->n_relearning_steps);
  entente_fsrs_params_clip (params);

  /* ts-fsrs's weights after its own clipping must be ours after entente_fsrs_params_clip(). */
  g_assert_cmpuint (json_array_get_length (w), ==, ENTENTE_FSRS_N_WEIGHTS);
  for (guint i = 0; i < ENTENTE_FSRS_N_WEIGHTS; i++)
    g_assert_cmpfloat (params->w[i], ==, json_array_get_double_element (w, i));
}

static void
check_card (Replay                *replay,
            guint                  h,
            guint                  r,
            JsonObject            *expected,
            const EntenteFsrsCard *card)
{
  check_int (replay, h, r, expected, "due", card->due);
  check_double (replay, h, r, expected, "stability", card->stability);
  check_double (replay, h, r, expected, "difficulty", card->difficulty);
  check_int (replay, h, r, expected, "elapsed_days", card->elapsed_days);
  check_int (replay, h, r, expected, "scheduled_days", card->scheduled_days);
  check_int (replay, h, r, expected, "learning_steps", card->learning_steps);
  check_int (replay, h, r, expected, "reps", card->reps);
  check_int (replay, h, r, expected, "lapses", card->lapses);
  check_int (replay, h, r, expected, "state", card->state);
  check_int (replay, h, r, expected, "last_review", card->last_review);
}

static void
check_log (Replay               *replay,
           guint                 h,
           guint                 r,
           JsonObject           *expected,
           const EntenteFsrsLog *log)
{
  check_int (replay, h, r, expected, "rating", log->rating);
  check_int (replay, h, r, expected, "state", log->state);
  check_int (replay, h, r, expected, "due", log->due);
  check_double (replay, h, r, expected, "stability", log->stability);
  check_double (replay, h, r, expected, "difficulty", log->difficulty);
  check_int (replay, h, r, expected, "elapsed_days", log->elapsed_days);
  check_int (replay, h, r, expected, "last_elapsed_days", log->last_elapsed_days);
  check_int (replay, h, r, expected, "scheduled_days", log->scheduled_days);
  check_int (replay, h, r, expected, "learning_steps", log->learning_steps);
  check_int (replay, h, r, expected, "review", log->review);
}

static void
replay_history (Replay     *replay,
                guint       h,
                JsonObject *history)
{
  JsonArray *reviews = json_object_get_array_member (history, "reviews");
  EntenteFsrsParams params;
  EntenteFsrsCard card;

  read_params (json_object_get_object_member (history, "params"), &params);
  entente_fsrs_card_init (&card, json_object_get_int_member (history, "start"));

  for (guint r = 0; r < json_array_get_length (reviews); r++)
    {
      JsonObject *review = json_array_get_object_element (reviews, r);
      JsonArray *preview_due = json_object_get_array_member (review, "preview_due");
      gint64 now = json_object_get_int_member (review, "now");
      EntenteFsrsRating rating = json_object_get_int_member (review, "rating");
      EntenteFsrsCard preview[4];
      EntenteFsrsCard next;
      EntenteFsrsLog log;

      check_double (replay, h, r, review, "retrievability",
                    entente_fsrs_retrievability (&params, &card, now));

      entente_fsrs_preview (&params, &card, now, preview);
      for (guint g = 0; g < 4; g++)
        {
          gint64 expected = json_array_get_int_element (preview_due, g);

          if (preview[g].due != expected)
            {
              g_autofree char *e = g_strdup_printf ("%" G_GINT64_FORMAT, expected);
              g_autofree char *a = g_strdup_printf ("%" G_GINT64_FORMAT, preview[g].due);
              g_autofree char *field = g_strdup_printf ("preview_due[%u]", g);

              fail (replay, h, r, field, e, a);
            }
        }

      entente_fsrs_next (&params, &card, now, rating, &next, &log);
      check_card (replay, h, r, json_object_get_object_member (review, "card"), &next);
      check_log (replay, h, r, json_object_get_object_member (review, "log"), &log);
      if (memcmp (&next, &preview[rating - 1], sizeof next) != 0)
        fail (replay, h, r, "preview card", "the card after the review", "different");

      replay->n_reviews++;
      replay->n_ratings[rating]++;
      if (card.state == ENTENTE_FSRS_STATE_REVIEW && now < card.due)
        replay->n_early++;
      if (card.state != ENTENTE_FSRS_STATE_NEW && now / DAY == card.last_review / DAY)
        replay->n_same_day++;
      if (card.state != ENTENTE_FSRS_STATE_NEW && now - card.last_review > 100 * DAY)
        replay->n_long_gap++;
      if (card.state == ENTENTE_FSRS_STATE_RELEARNING)
        replay->n_relearning++;
      card = next;
    }
}

static void
test_vectors (void)
{
  const char *env = g_getenv ("ENTENTE_FSRS_VECTORS");
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *histories;
  Replay replay = { 0, };
  guint n_fuzzed = 0, n_long_term = 0;

  if (env != NULL && *env != '\0')
    path = g_strdup (env);
  else
    path = g_test_build_filename (G_TEST_DIST, "data", "fsrs-vectors.json", NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "generator"),
                                   "ts-fsrs 5.4."));
  histories = json_object_get_array_member (root, "histories");
  g_assert_cmpuint (json_array_get_length (histories), >, 0);

  for (guint h = 0; h < json_array_get_length (histories); h++)
    {
      JsonObject *history = json_array_get_object_element (histories, h);
      JsonObject *params = json_object_get_object_member (history, "params");

      n_fuzzed += json_object_get_boolean_member (params, "enable_fuzz");
      n_long_term += !json_object_get_boolean_member (params, "enable_short_term");
      replay_history (&replay, h, history);
    }

  g_test_message ("%s: %u histories (%u with fuzz, %u long-term only), %u reviews, "
                  "%u differences", path, json_array_get_length (histories), n_fuzzed,
                  n_long_term, replay.n_reviews, replay.n_failures);
  g_assert_cmpuint (replay.n_reviews, >, 0);
  g_assert_cmpuint (replay.n_failures, ==, 0);

  /* A file of a hundred histories or more has every kind of review. */
  if (json_array_get_length (histories) >= 100)
    {
      g_test_message ("%u early, %u on the same day, %u after 100 days, %u relearning",
                      replay.n_early, replay.n_same_day, replay.n_long_gap,
                      replay.n_relearning);
      for (guint g = ENTENTE_FSRS_RATING_AGAIN; g <= ENTENTE_FSRS_RATING_EASY; g++)
        g_assert_cmpuint (replay.n_ratings[g], >, 0);
      g_assert_cmpuint (replay.n_early, >, 0);
      g_assert_cmpuint (replay.n_same_day, >, 0);
      g_assert_cmpuint (replay.n_long_gap, >, 0);
      g_assert_cmpuint (replay.n_relearning, >, 0);
      g_assert_cmpuint (n_fuzzed, >, 0);
      g_assert_cmpuint (n_fuzzed, <, json_array_get_length (histories));
      g_assert_cmpuint (n_long_term, >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/entente/fsrs/defaults", test_defaults);
  g_test_add_func ("/entente/fsrs/new-card", test_new_card);
  g_test_add_func ("/entente/fsrs/review-card", test_review_card);
  g_test_add_func ("/entente/fsrs/in-place", test_in_place);
  g_test_add_func ("/entente/fsrs/changed-params", test_changed_params);
  g_test_add_func ("/entente/fsrs/fuzz", test_fuzz);
  g_test_add_func ("/entente/fsrs/long-term", test_long_term);
  g_test_add_func ("/entente/fsrs/clip", test_clip);
  g_test_add_func ("/entente/fsrs/new-card-retrievability", test_new_card_retrievability);
  g_test_add_func ("/entente/fsrs/format-interval", test_format_interval);
  g_test_add_func ("/entente/fsrs/vectors", test_vectors);

  return g_test_run ();
}
