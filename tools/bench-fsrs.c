/* bench-fsrs.c: the FSRS scheduler's next-state throughput and today's review queue
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-fsrs [RUNS [next|queue]]
 *
 * 1. entente_fsrs_next() over a million (card, time, rating) triples in every state,
 *    with fuzz off (the default) and on: reviews per second, per run.
 * 2. entente_review_queue_new() for a pack of 100,000 cards, 60,000 of them studied:
 *    milliseconds per queue.
 * Prints the median, minimum and maximum over RUNS runs (default 11) of each, timed by
 * the thread's CPU clock (other work on the machine does not count) and by the wall
 * clock.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "entente-fsrs.h"
#include "entente-review-queue.h"

#define N_REVIEWS 1000000
#define N_CARDS   100000
#define MINUTE    G_GINT64_CONSTANT (60000)
#define DAY       G_GINT64_CONSTANT (86400000)

typedef struct
{
  EntenteFsrsCard   card;
  gint64            now;
  EntenteFsrsRating rating;
} Task;

typedef struct
{
  double cpu;
  double wall;
} Clock;

static Clock
clock_now (void)
{
  struct timespec ts;
  Clock c;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  c.cpu = ts.tv_sec + ts.tv_nsec / 1e9;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  c.wall = ts.tv_sec + ts.tv_nsec / 1e9;

  return c;
}

static Clock
clock_since (Clock start)
{
  Clock now = clock_now ();

  now.cpu -= start.cpu;
  now.wall -= start.wall;

  return now;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        const char *unit,
        double     *values,
        guint       n)
{
  qsort (values, n, sizeof *values, compare_double);
  printf ("%-40s median %9.3f %-4s min %9.3f  max %9.3f  (%u runs)\n",
          what, values[n / 2], unit, values[0], values[n - 1], n);
}

/* Runs @n values of each clock as "cpu" and "wall" lines. */
static void
report_clocks (const char *what,
               const char *unit,
               double     *cpu,
               double     *wall,
               guint       n)
{
  g_autofree char *cpu_what = g_strdup_printf ("%s (cpu)", what);
  g_autofree char *wall_what = g_strdup_printf ("%s (wall)", what);

  report (cpu_what, unit, cpu, n);
  report (wall_what, unit, wall, n);
}

/* Cards in every state, as random histories leave them, each with its next review. */
static Task *
make_tasks (const EntenteFsrsParams *params)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  Task *tasks = g_new (Task, N_REVIEWS);

  for (guint i = 0; i < N_REVIEWS; i++)
    {
      EntenteFsrsCard card;
      gint64 now = G_GINT64_CONSTANT (1767225600000) + g_rand_int_range (rand, 0, 1 << 30);
      guint n = g_rand_int_range (rand, 0, 8);

      entente_fsrs_card_init (&card, now);
      for (guint r = 0; r < n; r++)
        {
          EntenteFsrsCard next;

          entente_fsrs_next (params, &card, now, g_rand_int_range (rand, 1, 5), &next, NULL);
          card = next;
          now = card.due + g_rand_int_range (rand, 0, 3) * DAY
                + g_rand_int_range (rand, 0, 600) * MINUTE;
        }
      tasks[i].card = card;
      tasks[i].now = now;
      tasks[i].rating = g_rand_int_range (rand, 1, 5);
    }

  return tasks;
}

static Clock
run_next (const EntenteFsrsParams *params,
          const Task              *tasks)
{
  Clock start = clock_now ();
  Clock took;
  gint64 sum = 0;

  for (guint i = 0; i < N_REVIEWS; i++)
    {
      EntenteFsrsCard next;

      entente_fsrs_next (params, &tasks[i].card, tasks[i].now, tasks[i].rating, &next, NULL);
      sum += next.due;
    }

  /* Keeps the loop from being optimized away. */
  if (sum == 42)
    printf (" ");

  took = clock_since (start);
  took.cpu = N_REVIEWS / took.cpu / 1e6;
  took.wall = N_REVIEWS / took.wall / 1e6;

  return took;
}

static void
bench_next (guint runs)
{
  EntenteFsrsParams params;
  g_autofree Task *tasks = NULL;
  g_autofree double *cpu = g_new (double, runs);
  g_autofree double *wall = g_new (double, runs);

  entente_fsrs_params_init_default (&params);
  tasks = make_tasks (&params);

  for (guint fuzz = 0; fuzz <= 1; fuzz++)
    {
      params.enable_fuzz = fuzz;
      for (guint r = 0; r < runs; r++)
        {
          Clock rate = run_next (&params, tasks);

          cpu[r] = rate.cpu;
          wall[r] = rate.wall;
        }
      report_clocks (fuzz ? "entente_fsrs_next, fuzz on" : "entente_fsrs_next, fuzz off",
                     "M/s", cpu, wall, runs);
    }
}

static void
bench_queue (guint runs)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (1780000000);
  g_autofree double *cpu = g_new (double, runs);
  g_autofree double *wall = g_new (double, runs);
  char **ids = g_new0 (char *, N_CARDS + 1);
  gint64 now_ms = g_date_time_to_unix (now) * 1000;
  guint n_due = 0;

  for (guint i = 0; i < N_CARDS; i++)
    {
      ids[i] = g_strdup_printf ("sco-card-%06u", (i * 7919) % N_CARDS);
      /* Six cards in ten studied: mostly in review, due from a month ago to a year on. */
      if (g_rand_double (rand) < 0.6)
        {
          EntenteFsrsCard *card = g_new0 (EntenteFsrsCard, 1);
          double r = g_rand_double (rand);

          card->state = r < 0.03 ? ENTENTE_FSRS_STATE_LEARNING
                        : r < 0.05 ? ENTENTE_FSRS_STATE_RELEARNING
                        : ENTENTE_FSRS_STATE_REVIEW;
          card->due = now_ms + (card->state == ENTENTE_FSRS_STATE_REVIEW
                                ? g_rand_int_range (rand, -30, 365) * DAY
                                : g_rand_int_range (rand, -60, 60) * MINUTE);
          card->due += g_rand_int_range (rand, 0, 1000);
          card->stability = 3;
          card->difficulty = 5;
          /* The store keeps its own copy of each id, as a real one would. */
          g_hash_table_insert (cards, g_strdup (ids[i]), card);
        }
    }

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(EntenteReviewQueue) queue = NULL;
      Clock start = clock_now ();
      Clock took;

      queue = entente_review_queue_new ((const char * const *) ids, N_CARDS, cards, now, 5,
                                        ENTENTE_REVIEW_QUEUE_DEFAULT_NEW_LIMIT);
      took = clock_since (start);
      cpu[r] = took.cpu * 1e3;
      wall[r] = took.wall * 1e3;
      n_due = entente_review_queue_get_n_due (queue);
    }
  printf ("queue of %u cards: %u due, %u in all\n", N_CARDS, n_due,
          n_due + ENTENTE_REVIEW_QUEUE_DEFAULT_NEW_LIMIT - 5);
  report_clocks ("entente_review_queue_new", "ms", cpu, wall, runs);

  g_strfreev (ids);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 11;
  const char *only = argc > 2 ? argv[2] : NULL;

  if (runs == 0 || argc > 3
      || (only != NULL && g_strcmp0 (only, "next") != 0 && g_strcmp0 (only, "queue") != 0))
    {
      fprintf (stderr, "usage: bench-fsrs [RUNS [next|queue]]\n");
      return 2;
    }

  if (only == NULL || g_str_equal (only, "next"))
    bench_next (runs);
  if (only == NULL || g_str_equal (only, "queue"))
    bench_queue (runs);

  return 0;
}
