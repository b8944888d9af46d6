/* bench-outline-search.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long the outline's search takes per keystroke on a pack, typically a synthetic one:
 *   tools/gen-synthetic-pack.py --sections 10000 --out /tmp/big.json
 *   xvfb-run -a _build/tools/bench-outline-search /tmp/big.json
 * It types a few queries one character at a time, then deletes them one character at a
 * time, and reports per keystroke the time of the filter alone and, when a display is
 * available, of the whole view in a 1200x800 window: "update" is the model update
 * (filtering, and the list's rows), "layout" and "paint" (snapshot and rendering) are the
 * next frame's, "work" is the sum of the three, and "total" runs from the keystroke to the
 * end of that frame, counting the wait for the frame clock's next tick; "main thread cpu"
 * is the processor time that the program's main thread used in that time (all of the
 * work with the cairo renderer; Mesa's software GL renders in threads of its own), which,
 * unlike the times, does not grow when other programs keep the processor busy.
 * It does so twice: with the first section open, which stays at the top of the list, and
 * with the section in the middle of the pack open, which the list scrolls to as the search
 * moves it. It also times frames in which only the search entry's text changed, what any
 * keystroke costs the renderer whatever the outline does.
 * BENCH_VERBOSE=1 prints every keystroke, with the processor time that its update took
 * (less than the update's time when the program had to wait, or the processor was busy
 * with other threads, such as those of Mesa's software GL); GSK_RENDERER and GTK_A11Y
 * apply as usual.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <time.h>

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

  g_print ("%-28s %3u samples  median %6.2f ms  mean %6.2f ms  p95 %6.2f ms  max %6.2f ms\n",
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

/* The processor time that this thread has used, in milliseconds. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1000000.0;
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

typedef struct
{
  gint64   start;
  gint64   layout_end;
  gint64   paint_end;
  gboolean painted;
} Frame;

static void
before_paint_cb (GdkFrameClock *clock,
                 Frame         *frame)
{
  frame->start = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock,
           Frame         *frame)
{
  frame->layout_end = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *clock,
          Frame         *frame)
{
  frame->paint_end = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  frame->painted = TRUE;
}

/* Waits for the next frame to be painted; the handlers run after GTK's own, so the times
 * are those at which the frame began (after waiting for the frame clock) and at which its
 * layout and its painting (snapshot and rendering) ended. */
static void
wait_for_frame (GtkWidget *widget,
                Frame     *out_frame)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  Frame frame = { 0, 0, 0, FALSE };
  gulong ids[4];

  ids[0] = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &frame);
  ids[1] = g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &frame);
  ids[2] = g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), &frame);
  ids[3] = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);
  gtk_widget_queue_draw (widget);
  while (!frame.painted)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_signal_handler_disconnect (clock, ids[i]);

  /* A frame that needed no layout has none: its layout took no time. */
  if (frame.layout_end == 0)
    frame.layout_end = frame.start;

  if (out_frame != NULL)
    *out_frame = frame;
}

typedef struct
{
  Series update;
  Series layout;
  Series paint;
  Series work;
  Series total;
  Series cpu;
} Keystrokes;

static void
keystrokes_init (Keystrokes *keys,
                 const char *what)
{
  Series *all[] = { &keys->update, &keys->layout, &keys->paint, &keys->work, &keys->total,
                    &keys->cpu };
  const char *parts[] = { "update", "layout", "paint", "work", "total", "main thread cpu" };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      all[i]->samples = g_array_new (FALSE, FALSE, sizeof (double));
      all[i]->what = g_strdup_printf ("%s: %s", what, parts[i]);
    }
}

static void
keystrokes_report (Keystrokes *keys)
{
  Series *all[] = { &keys->update, &keys->layout, &keys->paint, &keys->work, &keys->total,
                    &keys->cpu };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      series_report (all[i]);
      g_array_unref (all[i]->samples);
      g_free ((char *) all[i]->what);
    }
}

static void
add_sample (Series *series,
            double  ms)
{
  g_array_append_val (series->samples, ms);
}

static void
add_keystroke (Keystrokes *keys,
               double      update,
               double      layout,
               double      paint,
               double      total,
               double      cpu)
{
  add_sample (&keys->update, update);
  add_sample (&keys->layout, layout);
  add_sample (&keys->paint, paint);
  add_sample (&keys->work, update + layout + paint);
  add_sample (&keys->total, total);
  add_sample (&keys->cpu, cpu);
}

/* Sets the query as a keystroke would, and times it up to the next frame on screen. */
static void
keystroke (GtkWidget  *view,
           const char *text,
           gboolean    verbose,
           Keystrokes *keys,
           Keystrokes *all_keys)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = thread_cpu_ms ();
  double update, update_cpu, layout, paint, total, cpu;
  Frame frame;

  entente_outline_view_set_search_text (ENTENTE_OUTLINE_VIEW (view), text);
  update = elapsed_ms (start);
  update_cpu = thread_cpu_ms () - cpu_start;
  wait_for_frame (view, &frame);
  total = elapsed_ms (start);
  cpu = thread_cpu_ms () - cpu_start;
  layout = (frame.layout_end - frame.start) / 1000.0;
  paint = (frame.paint_end - frame.layout_end) / 1000.0;

  add_keystroke (keys, update, layout, paint, total, cpu);
  add_keystroke (all_keys, update, layout, paint, total, cpu);

  if (verbose)
    g_print ("    %-18s %5d matches: update %6.2f (cpu %6.2f)  layout %6.2f  paint %6.2f  "
             "total %6.2f ms\n",
             text[0] != '\0' ? text : "(none)",
             entente_outline_view_get_n_matches (ENTENTE_OUTLINE_VIEW (view)),
             update, update_cpu, layout, paint, total);
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* What a keystroke costs the renderer alone: the frame after a space is typed into the
 * empty search entry, before the entry's typing delay runs the search (a query with no
 * words, which lists the outline as it was). */
static void
bench_entry_frames (GtkWidget *view)
{
  Series series = { g_array_new (FALSE, FALSE, sizeof (double)),
                    "a frame, only the entry changed" };
  GtkEditable *entry = GTK_EDITABLE (find_child (view, GTK_TYPE_SEARCH_ENTRY));

  for (guint i = 0; i < 10; i++)
    {
      gint64 start = g_get_monotonic_time ();

      gtk_editable_set_text (entry, " ");
      wait_for_frame (view, NULL);
      add_sample (&series, elapsed_ms (start));

      wait_ms (300);
      gtk_editable_set_text (entry, "");
      wait_for_frame (view, NULL);
      wait_for_frame (view, NULL);
    }

  series_report (&series);
  g_array_unref (series.samples);
}

/* Types the queries with @section_id open. */
static void
bench_keystrokes (GtkWidget          *view,
                  const char         *section_id,
                  const char         *what,
                  const char * const *queries,
                  Keystrokes         *all)
{
  gboolean verbose = g_getenv ("BENCH_VERBOSE") != NULL;
  Keystrokes typing;
  Keystrokes deleting;
  g_autofree char *typing_what = g_strdup_printf ("%s, typing", what);
  g_autofree char *deleting_what = g_strdup_printf ("%s, deleting", what);

  keystrokes_init (&typing, typing_what);
  keystrokes_init (&deleting, deleting_what);

  entente_outline_view_set_section_id (ENTENTE_OUTLINE_VIEW (view), section_id);
  wait_for_frame (view, NULL);
  wait_for_frame (view, NULL);
  g_print ("%s (section %s):\n", what, section_id);

  /* Each query is typed one character at a time, then deleted one at a time: the last
   * Backspace brings the whole outline back. */
  for (guint q = 0; queries[q] != NULL; q++)
    {
      glong n_chars = g_utf8_strlen (queries[q], -1);
      int n_matches;

      for (glong i = 1; i <= n_chars; i++)
        {
          g_autofree char *typed = g_utf8_substring (queries[q], 0, i);

          keystroke (view, typed, verbose, &typing, all);
        }
      n_matches = entente_outline_view_get_n_matches (ENTENTE_OUTLINE_VIEW (view));

      for (glong i = n_chars - 1; i >= 0; i--)
        {
          g_autofree char *typed = g_utf8_substring (queries[q], 0, i);

          keystroke (view, typed, verbose, &deleting, all);
        }

      g_print ("  \"%s\": %d matches\n", queries[q], n_matches);
    }

  keystrokes_report (&typing);
  keystrokes_report (&deleting);
}

static void
bench_view (EntentePack        *pack,
            const char * const *queries)
{
  Series idle = { g_array_new (FALSE, FALSE, sizeof (double)), "a frame, nothing changed" };
  EntenteSection *middle;
  Keystrokes all;
  GtkWidget *view;
  GtkWindow *window;
  gint64 start;

  keystrokes_init (&all, "every keystroke");

  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  view = entente_outline_view_new ();
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);

  g_print ("renderer: %s; accessibility: %s\n",
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           g_strcmp0 (g_getenv ("GTK_A11Y"), "none") == 0 ? "off (GTK_A11Y=none)" : "on");

  start = g_get_monotonic_time ();
  entente_outline_view_set_pack (ENTENTE_OUTLINE_VIEW (view), pack);
  wait_for_frame (view, NULL);
  g_print ("%-28s %.1f ms\n", "set the pack, first frame", elapsed_ms (start));

  /* What drawing a frame costs here at all (software rendering under Xvfb is slow). */
  for (guint i = 0; i < 10; i++)
    {
      start = g_get_monotonic_time ();
      wait_for_frame (view, NULL);
      add_sample (&idle, elapsed_ms (start));
    }
  series_report (&idle);

  /* Ctrl+F: the search bar opens. */
  start = g_get_monotonic_time ();
  entente_outline_view_start_search (ENTENTE_OUTLINE_VIEW (view));
  wait_for_frame (view, NULL);
  g_print ("%-28s %.1f ms\n", "open the search bar", elapsed_ms (start));
  wait_ms (300);

  bench_entry_frames (view);

  bench_keystrokes (view, entente_section_get_id (entente_pack_get_nth_section (pack, 0)),
                    "first section open", queries, &all);
  middle = entente_pack_get_nth_section (pack, entente_pack_get_n_sections (pack) / 2);
  bench_keystrokes (view, entente_section_get_id (middle),
                    "middle section open", queries, &all);

  keystrokes_report (&all);
  g_array_unref (idle.samples);
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
