/* bench-exam.c: how long drawing a practice exam takes on a large pack
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-exam PACK.json [RUNS] [QUESTIONS...]
 *
 * Loads PACK with the model's loader (not timed), then for each count of QUESTIONS
 * (default: 10 40 0, where 0 asks every card) draws RUNS exams (default 51) of the whole
 * pack with every kind of question, each with another seed, and times each
 * entente_exam_new () call alone. Before that it times, once each: making the pack's card
 * objects (the pack makes each the first time it is asked for, whoever asks), and the
 * first draw, which also makes the index that entente_exam_prepare () makes; the runs
 * follow one more warm-up draw. A map quiz of all states in each mode is timed the same
 * way. Prints median, 90th percentile and extremes in milliseconds.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "entente-exam.h"
#include "entente-map-quiz.h"
#include "entente-model.h"

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
  printf ("%-34s n=%-4u median %8.3f ms  p90 %8.3f ms  min %8.3f ms  max %8.3f ms\n",
          what, n, v[n / 2], v[MIN (n - 1, (guint) (n * 0.9))], v[0], v[n - 1]);
}

static double
draw_exam (EntentePack *pack,
           guint        n_questions,
           guint64      seed,
           guint       *out_n)
{
  EntenteExamSettings settings = { NULL, n_questions, ENTENTE_EXAM_KINDS_ALL, 0, seed };
  g_autoptr(GError) error = NULL;
  EntenteExam *exam;
  gint64 start, end;

  start = g_get_monotonic_time ();
  exam = entente_exam_new (pack, &settings, &error);
  end = g_get_monotonic_time ();

  if (exam == NULL)
    {
      g_printerr ("bench-exam: %s\n", error->message);
      exit (EXIT_FAILURE);
    }

  *out_n = entente_exam_get_n_questions (exam);
  entente_exam_free (exam);
  return (end - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[16] = { 10, 40, 0 };
  guint n_counts = 3;
  guint runs = 51;
  guint n = 0;
  gint64 start;
  double first;

  if (argc < 2)
    {
      g_printerr ("usage: bench-exam PACK.json [RUNS] [QUESTIONS...]\n");
      return EXIT_FAILURE;
    }
  if (argc > 2)
    runs = MAX (1, (guint) strtoul (argv[2], NULL, 10));
  if (argc > 3)
    {
      n_counts = 0;
      for (int i = 3; i < argc && n_counts < G_N_ELEMENTS (counts); i++)
        counts[n_counts++] = (guint) strtoul (argv[i], NULL, 10);
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  start = g_get_monotonic_time ();
  pack = entente_pack_load_from_file (file, NULL, NULL, &error);
  if (pack == NULL)
    {
      g_printerr ("bench-exam: %s\n", error->message);
      return EXIT_FAILURE;
    }
  printf ("pack %s: %u cards, %u sections, %u states; loaded in %.0f ms (not counted)\n",
          entente_pack_get_id (pack),
          g_list_model_get_n_items (entente_pack_get_cards (pack)),
          entente_pack_get_n_sections (pack),
          g_list_model_get_n_items (entente_pack_get_members (pack)),
          (g_get_monotonic_time () - start) / 1000.0);

  /* What any first use of all the cards costs: the pack makes each card's object. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < g_list_model_get_n_items (entente_pack_get_cards (pack)); i++)
    g_object_unref (g_list_model_get_item (entente_pack_get_cards (pack), i));
  printf ("%-34s %8.3f ms (not counted)\n", "making the card objects",
          (g_get_monotonic_time () - start) / 1000.0);

  first = draw_exam (pack, counts[0], 0, &n);
  printf ("%-34s %8.3f ms (makes the pack's exam index)\n", "first exam", first);
  draw_exam (pack, counts[0], 1, &n);

  for (guint c = 0; c < n_counts; c++)
    {
      g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *what = NULL;

      for (guint r = 0; r < runs; r++)
        {
          double t = draw_exam (pack, counts[c], 1000 + r, &n);

          g_array_append_val (ms, t);
        }
      what = g_strdup_printf ("exam of %u questions", n);
      report (what, ms);
    }

  for (int mode = ENTENTE_MAP_QUIZ_MODE_FIND; mode <= ENTENTE_MAP_QUIZ_MODE_CAPITAL; mode++)
    {
      static const char *names[] = { "map quiz, find, all states", "map quiz, identify, all states",
                                     "map quiz, capital, all states" };
      g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint r = 0; r < runs; r++)
        {
          EntenteMapQuiz *quiz;
          gint64 t0 = g_get_monotonic_time ();
          double t;

          quiz = entente_map_quiz_new (pack, mode, ENTENTE_MAP_QUIZ_ALL_STATES,
                                       ENTENTE_MAP_QUIZ_ALL_QUESTIONS, r, NULL);
          t = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (ms, t);
          entente_map_quiz_free (quiz);
        }
      report (names[mode], ms);
    }

  return EXIT_SUCCESS;
}
