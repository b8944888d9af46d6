/* bench-outline-search.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long the outline's search takes per keystroke on a pack, typically a synthetic one:
 *   tools/gen-synthetic-pack.py --sections 10000 --out /tmp/big.json
 *   xvfb-run -a _build/tools/bench-outline-search /tmp/big.json
 * It types a few queries one character at a time and reports, per keystroke, the time of
 * the filter alone and, when a display is available, of the whole view: filtering,
 * rebuilding the tree and drawing the next frame of a 1200x800 window.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <adwaita.h>

#include "entente-outline-filter.h"
#include "entente-outline-view.h"
#include "entente-pack-loader.h"

static const char *default_queries[] = {
  "shanghai spirit",
  "treaty",
  "SÃO TOMÉ",
  "qqzx",
  NULL,
};

typedef struct
{
  GArray *samples;
  const char *what;
} Series;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
series_report (Series *series)
{
  double total = 0;
  guint n = series->samples->len;

  g_array_sort (series->samples, compare_doubles);
  for (guint i = 0; i < n; i++)
    total += g_array_index (series->samples, double, i);

  g_print ("%-28s %5u samples  median %7.2f ms  mean %7.2f ms  p95 %7.2f ms  max %7.2f ms\n",
           series->what, n,
           g_array_index (series->samples, double, n / 2),
           total / n,
           g_array_index (series->samples, double, MIN (n - 1, (n * 95) / 100)),
           g_array_index (series->samples, double, n - 1));
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_filter (EntentePack        *pack,
              const char * const *queries)
{
  g_autoptr(EntenteOutlineFilter) filter = NULL;
  Series series = { g_array_new (FALSE, FALSE, sizeof (double)), "filter only" };
  gint64 start;

  start = g_get_monotonic_time ();
  filter = entente_outline_filter_new (pack);
  g_print ("%-28s %.1f ms (once per pack)\n", "fold the searchable text", elapsed_ms (start));

  for (guint q = 0; queries[q] != NULL; q++)
    {
      glong n_chars = g_utf8_strlen (queries[q], -1);

      for (glong i = 1; i <= n_chars; i++)
        {
          g_autofree char *typed = g_utf8_substring (queries[q], 0, i);
          double ms;

          start = g_get_monotonic_time ();
          entente_outline_filter_set_query (filter, typed);
          ms = elapsed_ms (start);
          g_array_append_val (series.samples, ms);
        }
      g_print ("  \"%s\": %d matches\n", queries[q], entente_outline_filter_get_n_matches (filter));
    }

  series_report (&series);
  g_array_unref (series.samples);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static void
bench_view (EntentePack        *pack,
            const char * const *queries)
{
  Series idle = { g_array_new (FALSE, FALSE, sizeof (double)), "a frame, nothing changed" };
  Series update = { g_array_new (FALSE, FALSE, sizeof (double)), "view: filter and tree" };
  Series series = { g_array_new (FALSE, FALSE, sizeof (double)), "view: up to the next frame" };
  GtkWidget *view;
  GtkWindow *window;
  gint64 start;

  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  view = entente_outline_view_new ();
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);

  start = g_get_monotonic_time ();
  entente_outline_view_set_pack (ENTENTE_OUTLINE_VIEW (view), pack);
  wait_for_frame (view);
  g_print ("%-28s %.1f ms\n", "set the pack, first frame", elapsed_ms (start));

  /* What drawing a frame costs here at all (software rendering under Xvfb is slow). */
  for (guint i = 0; i < 10; i++)
    {
      double ms;

      start = g_get_monotonic_time ();
      wait_for_frame (view);
      ms = elapsed_ms (start);
      g_array_append_val (idle.samples, ms);
    }
  series_report (&idle);

  /* Ctrl+F: the search bar opens and the view prepares the search. */
  start = g_get_monotonic_time ();
  entente_outline_view_start_search (ENTENTE_OUTLINE_VIEW (view));
  wait_for_frame (view);
  g_print ("%-28s %.1f ms\n", "open the search bar", elapsed_ms (start));

  for (guint q = 0; queries[q] != NULL; q++)
    {
      glong n_chars = g_utf8_strlen (queries[q], -1);
      int n_matches;

      for (glong i = 1; i <= n_chars; i++)
        {
          g_autofree char *typed = g_utf8_substring (queries[q], 0, i);
          double ms;

          start = g_get_monotonic_time ();
          entente_outline_view_set_search_text (ENTENTE_OUTLINE_VIEW (view), typed);
          ms = elapsed_ms (start);
          g_array_append_val (update.samples, ms);
          wait_for_frame (view);
          ms = elapsed_ms (start);
          g_array_append_val (series.samples, ms);
        }

      n_matches = entente_outline_view_get_n_matches (ENTENTE_OUTLINE_VIEW (view));
      start = g_get_monotonic_time ();
      entente_outline_view_set_search_text (ENTENTE_OUTLINE_VIEW (view), "");
      wait_for_frame (view);
      g_print ("  \"%s\": %d matches; clearing the search took %.1f ms\n", queries[q],
               n_matches, elapsed_ms (start));
    }

  series_report (&update);
  series_report (&series);
  g_array_unref (idle.samples);
  g_array_unref (update.samples);
  g_array_unref (series.samples);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GFile) file = NULL;
  const char * const *queries = default_queries;
  gint64 start;

  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      g_printerr ("usage: %s PACK.json [QUERY...]\n", argv[0]);
      return EXIT_FAILURE;
    }
  if (argc > 2)
    queries = (const char * const *) &argv[2];

  file = g_file_new_for_commandline_arg (argv[1]);
  start = g_get_monotonic_time ();
  pack = entente_pack_load_from_file (file, NULL, NULL, &error);
  if (pack == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return EXIT_FAILURE;
    }
  g_print ("%-28s %.1f ms, %u sections\n", "load the pack", elapsed_ms (start),
           entente_pack_get_n_sections (pack));

  bench_filter (pack, queries);

  if (gtk_init_check ())
    {
      adw_init ();
      bench_view (pack, queries);
    }
  else
    g_print ("no display: the view was not measured (run under xvfb-run)\n");

  return EXIT_SUCCESS;
}
