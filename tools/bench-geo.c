/* bench-geo.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times what the member map does the first time it is shown: decoding the Natural Earth
 * TopoJSON from the GResource and projecting every ring (entente_atlas_load), and then
 * the label points of all countries and hit tests. Prints the median and the range of
 * RUNS runs (default 20) in milliseconds, and the median CPU time of the thread, as a
 * markdown table for docs/benchmarks.md.
 * Build it in release mode: meson setup _build-release -Dbuildtype=release, then
 * meson compile -C _build-release bench-geo && _build-release/tests/bench-geo
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <time.h>

#include "entente-atlas.h"
#include "entente-projection.h"

#define ATLAS_RESOURCE RESOURCE_PREFIX "/map/countries-50m.json"

typedef struct
{
  const char *what;
  GArray     *times;     /* double, ms of wall-clock time */
  GArray     *cpu_times; /* double, ms of this thread's CPU time: steadier on a busy machine */
} Measure;

typedef struct
{
  gint64 wall;
  double cpu;
} Start;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static Start
start_timer (void)
{
  Start start = { g_get_monotonic_time (), thread_cpu_ms () };

  return start;
}

static void
measure_init (Measure    *measure,
              const char *what)
{
  measure->what = what;
  measure->times = g_array_new (FALSE, FALSE, sizeof (double));
  measure->cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
measure_clear (Measure *measure)
{
  g_array_unref (measure->times);
  g_array_unref (measure->cpu_times);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  double *t = (double *) (gpointer) times->data;
  guint n = times->len;

  g_array_sort (times, compare_doubles);

  return n % 2 == 1 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

static void
print_measure (Measure *measure)
{
  double wall = median (measure->times);
  double cpu = median (measure->cpu_times);
  double *t = (double *) (gpointer) measure->times->data;

  g_print ("| %s | %.2f | %.2f | %.2f | %.2f |\n", measure->what, wall, t[0],
           t[measure->times->len - 1], cpu);
}

static void
add_time (Measure *measure,
          Start    start)
{
  double ms = (g_get_monotonic_time () - start.wall) / 1000.0;
  double cpu_ms = thread_cpu_ms () - start.cpu;

  g_array_append_val (measure->times, ms);
  g_array_append_val (measure->cpu_times, cpu_ms);
}

int
main (int   argc,
      char *argv[])
{
  const char *runs_env = g_getenv ("RUNS");
  guint runs = runs_env != NULL ? (guint) MAX (1, atoi (runs_env)) : 20;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  Measure parse;
  Measure decode;
  Measure labels;
  Measure hits;
  guint n_countries = 0;
  guint n_rings = 0;
  guint n_points = 0;
  guint n_hits = 0;

  measure_init (&parse, "the whole file through json-glib (for comparison)");
  measure_init (&decode, "decode + project all rings (first show)");
  measure_init (&labels, "label points of all 241 countries");
  measure_init (&hits, "10000 hit tests on a grid");

  bytes = g_resources_lookup_data (ATLAS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(EntenteAtlas) atlas = entente_atlas_new ();
      EntenteBounds map;
      Start start;

      start = start_timer ();
      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                       (gssize) g_bytes_get_size (bytes), &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      add_time (&parse, start);

      start = start_timer ();
      if (!entente_atlas_load (atlas, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      add_time (&decode, start);

      start = start_timer ();
      n_countries = entente_atlas_get_n_countries (atlas);
      for (guint i = 0; i < n_countries; i++)
        {
          double x;
          double y;

          entente_atlas_country_get_label_point (entente_atlas_get_country (atlas, i), &x, &y);
        }
      add_time (&labels, start);

      entente_projection_get_bounds (&map);
      n_hits = 0;
      start = start_timer ();
      for (guint i = 0; i < 100; i++)
        for (guint j = 0; j < 100; j++)
          {
            double x = map.min_x + (map.max_x - map.min_x) * (i + 0.5) / 100;
            double y = map.min_y + (map.max_y - map.min_y) * (j + 0.5) / 100;

            if (entente_atlas_hit_test (atlas, x, y) != NULL)
              n_hits++;
          }
      add_time (&hits, start);

      n_rings = 0;
      n_points = 0;
      for (guint i = 0; i < n_countries; i++)
        {
          const EntenteAtlasCountry *country = entente_atlas_get_country (atlas, i);

          n_rings += entente_atlas_country_get_n_rings (country);
          for (guint r = 0; r < entente_atlas_country_get_n_rings (country); r++)
            n_points += entente_atlas_country_get_ring (country, r)->n_points;
        }
    }

  g_print ("countries-50m.json: %" G_GSIZE_FORMAT " bytes, %u countries, %u rings, "
           "%u projected points; %u runs; %u of 10000 grid points on land\n\n",
           g_bytes_get_size (bytes), n_countries, n_rings, n_points, runs, n_hits);
  g_print ("| step | median (ms) | min (ms) | max (ms) | median CPU (ms) |\n");
  g_print ("| --- | ---: | ---: | ---: | ---: |\n");
  print_measure (&parse);
  print_measure (&decode);
  print_measure (&labels);
  print_measure (&hits);

  measure_clear (&parse);
  measure_clear (&decode);
  measure_clear (&labels);
  measure_clear (&hits);

  return 0;
}
