/* bench-map.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times the member map's frames at 1280x800 (docs/benchmarks.md, "Member map"). Run it
 * under Xvfb with GTK's software renderer:
 *   GSK_RENDERER=cairo xvfb-run -a _build-release/tools/bench-map [RUNS]
 *
 * A frame is what GTK does for the widget in a paint: the widget's snapshot() makes its
 * render nodes, then the window's renderer (the cairo one, as under Xvfb) renders them,
 * here into an offscreen 1280x800 texture with gsk_renderer_render_texture(), which also
 * pays for the texture the screen would not need. As a window's renderer does, a
 * frame's render nodes are kept until the next frame has been rendered. These kinds of
 * frame are measured:
 *  - "colouring change": the date alternates between 2016 and 2017, so the states are
 *    coloured again (from the layers the widget keeps for the view);
 *  - "view moving": zoomed in and out by one step alternately, as while scrolling,
 *    pinching, dragging or panning with the keys: the kept map is scaled and shifted;
 *  - "view change": after such a step the view comes to rest (the widget does that
 *    120 ms after the last move; here entente_map_view_settle() does it at once), the
 *    layers are drawn again for the new view in a worker thread, and the first frame
 *    after that shows them. Timed: the frame while the worker draws, and the time from
 *    the view coming to rest until the end of the frame that shows the new map;
 *  - "style change": light and dark alternate: the base (sea, graticule) is drawn again
 *    in the frame, and the map coloured again;
 *  - "new pack": the pack is set again after a frame without it, so every layer is
 *    drawn again in the frame, as for a new size (resizing a window under Xvfb takes
 *    round trips that would be timed too).
 *  - "hover change": the pointer moved from one country to another (the map's own
 *    motion controller gets the signal), so only the highlight is drawn over the kept
 *    base map;
 *  - "unchanged": a redraw with nothing changed.
 * It also times decoding the shapes on first show (entente_atlas_load on a new atlas).
 * Prints medians and ranges in milliseconds.
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "entente-atlas.h"
#include "entente-map-view.h"
#include "entente-pack-loader.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *times)
{
  g_array_sort (times, compare_doubles);
  g_print ("| %s | %.2f ms | %.2f–%.2f ms |\n", what,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, 0),
           g_array_index (times, double, times->len - 1));
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GskRenderNode *previous_node;

static double
time_frame (GtkWidget   *map,
            GskRenderer *renderer)
{
  graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (map), gtk_widget_get_height (map));
  gint64 start = g_get_monotonic_time ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GdkTexture *texture;

  GTK_WIDGET_GET_CLASS (map)->snapshot (map, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &viewport);
  g_object_unref (texture);
  g_clear_pointer (&previous_node, gsk_render_node_unref);
  previous_node = node;

  return (g_get_monotonic_time () - start) / 1000.0;
}

static GtkEventController *
find_motion (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }

  g_error ("the map has no motion controller");
}

int
main (int   argc,
      char *argv[])
{
  int runs = argc > 1 ? atoi (argv[1]) : 50;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(EntenteAtlas) atlas = NULL;
  g_autoptr(GArray) decode = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) colouring = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) moving = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drawing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) settled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) style = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) repack = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hover = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) unchanged = g_array_new (FALSE, FALSE, sizeof (double));
  GtkEventController *motion;
  GskRenderer *renderer;
  GtkWindow *window;
  GtkWidget *map;
  double points[2][2];

  gtk_init ();
  adw_init ();
  runs = MAX (runs, 3);

  for (int i = 0; i < MIN (runs, 20); i++)
    {
      g_autoptr(EntenteAtlas) fresh = entente_atlas_new ();
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!entente_atlas_load (fresh, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (decode, ms);
    }

  pack = entente_pack_load_builtin (&error);
  if (pack == NULL)
    g_error ("%s", error->message);
  atlas = entente_atlas_new ();

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  map = entente_map_view_new ();
  entente_map_view_set_atlas (ENTENTE_MAP_VIEW (map), atlas);
  entente_map_view_set_pack (ENTENTE_MAP_VIEW (map), pack);
  gtk_window_set_child (window, map);
  gtk_window_present (window);
  while (gtk_widget_get_width (map) != 1280 || !gtk_widget_get_mapped (map))
    g_main_context_iteration (NULL, TRUE);
  iterate ();

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_print ("renderer: %s, %d x %d, %d runs\n", G_OBJECT_TYPE_NAME (renderer),
           gtk_widget_get_width (map), gtk_widget_get_height (map), runs);

  motion = find_motion (map);
  entente_map_view_get_country_point (ENTENTE_MAP_VIEW (map), "IN", &points[0][0], &points[0][1]);
  entente_map_view_get_country_point (ENTENTE_MAP_VIEW (map), "KZ", &points[1][0], &points[1][1]);

  time_frame (map, renderer);
  for (int i = 0; i < runs; i++)
    {
      EntenteDate date = { i % 2 == 0 ? 2016 : 2017, 0, 0 };
      double ms;

      entente_map_view_set_date (ENTENTE_MAP_VIEW (map), &date);
      ms = time_frame (map, renderer);
      g_array_append_val (colouring, ms);
      iterate ();
    }
  entente_map_view_set_date (ENTENTE_MAP_VIEW (map), NULL);
  time_frame (map, renderer);

  for (int i = 0; i < runs; i++)
    {
      double ms;

      if (i % 2 == 0)
        entente_map_view_zoom_in (ENTENTE_MAP_VIEW (map));
      else
        entente_map_view_zoom_out (ENTENTE_MAP_VIEW (map));
      ms = time_frame (map, renderer);
      g_array_append_val (moving, ms);
    }
  /* each step comes to rest: the worker draws the new view */
  for (int i = 0; i < runs; i++)
    {
      gint64 start;
      double ms;

      if (i % 2 == 0)
        entente_map_view_zoom_in (ENTENTE_MAP_VIEW (map));
      else
        entente_map_view_zoom_out (ENTENTE_MAP_VIEW (map));
      time_frame (map, renderer);

      start = g_get_monotonic_time ();
      entente_map_view_settle (ENTENTE_MAP_VIEW (map));
      ms = time_frame (map, renderer);
      g_array_append_val (drawing, ms);
      while (!entente_map_view_is_settled (ENTENTE_MAP_VIEW (map)))
        g_main_context_iteration (NULL, TRUE);
      time_frame (map, renderer);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (settled, ms);
    }

  /* let the view settle before the other frames */
  entente_map_view_fit_pack (ENTENTE_MAP_VIEW (map));
  g_usleep (200 * 1000);
  iterate ();
  while (!entente_map_view_is_settled (ENTENTE_MAP_VIEW (map)))
    g_main_context_iteration (NULL, TRUE);
  time_frame (map, renderer);

  for (int i = 0; i < runs; i++)
    {
      double ms;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          i % 2 == 0 ? ADW_COLOR_SCHEME_FORCE_DARK
                                                     : ADW_COLOR_SCHEME_FORCE_LIGHT);
      ms = time_frame (map, renderer);
      g_array_append_val (style, ms);
      iterate ();
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  iterate ();
  time_frame (map, renderer);

  for (int i = 0; i < runs; i++)
    {
      double ms;

      entente_map_view_set_pack (ENTENTE_MAP_VIEW (map), NULL);
      time_frame (map, renderer);
      entente_map_view_set_pack (ENTENTE_MAP_VIEW (map), pack);
      ms = time_frame (map, renderer);
      g_array_append_val (repack, ms);
      iterate ();
    }
  while (!entente_map_view_is_settled (ENTENTE_MAP_VIEW (map)))
    g_main_context_iteration (NULL, TRUE);
  time_frame (map, renderer);

  for (int i = 0; i < runs; i++)
    {
      double ms;

      g_signal_emit_by_name (motion, "motion", points[i % 2][0], points[i % 2][1]);
      ms = time_frame (map, renderer);
      g_array_append_val (hover, ms);
      iterate ();
    }
  g_assert_nonnull (entente_map_view_get_hovered_code (ENTENTE_MAP_VIEW (map)));

  for (int i = 0; i < runs; i++)
    {
      double ms = time_frame (map, renderer);

      g_array_append_val (unchanged, ms);
    }

  g_print ("\n| | median | min–max |\n| --- | ---: | ---: |\n");
  report ("decoding the shapes (first show)", decode);
  report ("colouring change (date)", colouring);
  report ("view moving (zoom or pan)", moving);
  report ("view change: frame while the worker draws", drawing);
  report ("view change: until the new map is on screen", settled);
  report ("style change (base drawn in the frame)", style);
  report ("new pack (every layer drawn in the frame)", repack);
  report ("hover change", hover);
  report ("unchanged redraw", unchanged);

  g_clear_pointer (&previous_node, gsk_render_node_unref);
  gtk_window_destroy (window);

  return 0;
}
