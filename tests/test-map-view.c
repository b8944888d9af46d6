/* test-map-view.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The member map widget in a real 1280x800 window with the built-in pack and the
 * vendored Natural Earth shapes: fitting, clicking, hovering, zooming, the keyboard,
 * the markers of small states, colouring by date, and screenshots.
 */

#include "config.h"

#include <math.h>

#include "entente-map-view.h"
#include "entente-pack-loader.h"
#include "entente-test-ui.h"

typedef struct
{
  GtkWindow      *window;
  EntenteMapView *map;
  EntentePack    *pack;
  EntenteAtlas   *atlas;
  char           *activated;
  guint           n_activated;
} Fixture;

static void
activated_cb (EntenteMapView *map,
              const char     *code,
              Fixture        *fixture)
{
  g_free (fixture->activated);
  fixture->activated = g_strdup (code);
  fixture->n_activated++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->pack = entente_pack_load_builtin (&error);
  g_assert_no_error (error);
  fixture->atlas = entente_atlas_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 800);
  fixture->map = ENTENTE_MAP_VIEW (entente_map_view_new ());
  entente_map_view_set_atlas (fixture->map, fixture->atlas);
  entente_map_view_set_pack (fixture->map, fixture->pack);
  g_signal_connect (fixture->map, "country-activated", G_CALLBACK (activated_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->map));

  /* nothing is decoded before the map is shown */
  g_assert_false (entente_atlas_is_loaded (fixture->atlas));

  gtk_window_present (fixture->window);
  entente_test_wait_for_map (fixture->window);
  entente_test_resize (fixture->window, 1280, 800);
  entente_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  entente_test_set_dark (FALSE);
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->pack);
  g_clear_object (&fixture->atlas);
  g_clear_pointer (&fixture->activated, g_free);
  entente_test_iterate (10);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
}

/* What a primary click at (x, y) does: GTK 4.8 cannot synthesise the events, so the
 * map's own click gesture gets the signals the events would make it emit. */
static void
click_at (EntenteMapView *map,
          double          x,
          double          y)
{
  GtkEventController *click = find_controller (GTK_WIDGET (map), GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
}

static void
move_to (EntenteMapView *map,
         double          x,
         double          y)
{
  GtkEventController *motion = find_controller (GTK_WIDGET (map), GTK_TYPE_EVENT_CONTROLLER_MOTION);

  g_signal_emit_by_name (motion, "motion", x, y);
}

static void
assert_on_screen (EntenteMapView *map,
                  const char     *code)
{
  double x, y;

  if (!entente_map_view_get_country_point (map, code, &x, &y))
    g_error ("%s is off-screen at (%.0f, %.0f)", code, x, y);
}

static void
test_fit (Fixture       *fixture,
          gconstpointer  data)
{
  double x, y;

  g_assert_true (entente_atlas_is_loaded (fixture->atlas));
  assert_on_screen (fixture->map, "KZ");
  assert_on_screen (fixture->map, "IN");
  assert_on_screen (fixture->map, "RU");
  assert_on_screen (fixture->map, "BY");
  assert_on_screen (fixture->map, "MM");
  /* the first view is the pack's part of the world, not the whole world */
  g_assert_false (entente_map_view_get_country_point (fixture->map, "US", &x, &y));
  g_assert_false (entente_map_view_get_country_point (fixture->map, "BR", &x, &y));
  /* a code the atlas does not know has no point */
  g_assert_false (entente_map_view_get_country_point (fixture->map, "XX", &x, &y));
}

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  double x, y;

  g_assert_null (entente_map_view_get_selected_code (fixture->map));
  g_assert_true (entente_map_view_get_country_point (fixture->map, "KZ", &x, &y));
  click_at (fixture->map, x, y);
  g_assert_cmpstr (entente_map_view_get_selected_code (fixture->map), ==, "KZ");
  g_assert_cmpstr (fixture->activated, ==, "KZ");
  g_assert_cmpuint (fixture->n_activated, ==, 1);

  /* any country can be activated, member or not */
  g_assert_true (entente_map_view_get_country_point (fixture->map, "UA", &x, &y));
  click_at (fixture->map, x, y);
  g_assert_cmpstr (entente_map_view_get_selected_code (fixture->map), ==, "UA");
  g_assert_cmpstr (fixture->activated, ==, "UA");

  /* a click on the sea changes nothing */
  entente_map_view_get_country_point (fixture->map, "IN", &x, &y);
  click_at (fixture->map, x, y + 260);
  g_assert_cmpstr (entente_map_view_get_selected_code (fixture->map), ==, "UA");
  g_assert_cmpuint (fixture->n_activated, ==, 2);

  /* setting the selection does not activate */
  entente_map_view_set_selected_code (fixture->map, "CN");
  g_assert_cmpstr (entente_map_view_get_selected_code (fixture->map), ==, "CN");
  g_assert_cmpuint (fixture->n_activated, ==, 2);
}

static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  GtkEventController *motion = find_controller (GTK_WIDGET (fixture->map), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  double x, y;

  g_assert_null (entente_map_view_get_hovered_code (fixture->map));
  g_assert_true (entente_map_view_get_country_point (fixture->map, "IN", &x, &y));
  move_to (fixture->map, x, y);
  g_assert_cmpstr (entente_map_view_get_hovered_code (fixture->map), ==, "IN");
  entente_test_iterate (20);

  g_assert_true (entente_map_view_get_country_point (fixture->map, "CN", &x, &y));
  move_to (fixture->map, x, y);
  g_assert_cmpstr (entente_map_view_get_hovered_code (fixture->map), ==, "CN");
  g_assert_null (entente_map_view_get_selected_code (fixture->map));

  g_signal_emit_by_name (motion, "leave");
  g_assert_null (entente_map_view_get_hovered_code (fixture->map));
}

static gboolean
map_is_settled (gpointer data)
{
  return entente_map_view_is_settled (data);
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *map = GTK_WIDGET (fixture->map);
  double fitted = entente_map_view_get_scale (fixture->map);
  double scale;
  double x0, y0, x1, y1;

  g_assert_cmpfloat (fitted, >, 0);
  entente_map_view_zoom_in (fixture->map);
  scale = entente_map_view_get_scale (fixture->map);
  g_assert_cmpfloat (scale, >, fitted * 1.2);

  g_assert_true (entente_test_activate_shortcut (map, GDK_KEY_minus, 0));
  g_assert_cmpfloat_with_epsilon (entente_map_view_get_scale (fixture->map), fitted, fitted * 1e-6);
  g_assert_true (entente_test_activate_shortcut (map, GDK_KEY_minus, 0));
  g_assert_cmpfloat (entente_map_view_get_scale (fixture->map), <, fitted);

  /* zooming is clamped: however far, the world stays at least on screen-ish scale */
  for (int i = 0; i < 20; i++)
    entente_map_view_zoom_out (fixture->map);
  scale = entente_map_view_get_scale (fixture->map);
  entente_map_view_zoom_out (fixture->map);
  g_assert_cmpfloat (entente_map_view_get_scale (fixture->map), ==, scale);
  for (int i = 0; i < 40; i++)
    g_assert_true (entente_test_activate_shortcut (map, GDK_KEY_plus, 0));
  g_assert_cmpfloat_with_epsilon (entente_map_view_get_scale (fixture->map), scale * 32, scale * 1e-6);

  /* the map is drawn for the closest view too */
  entente_map_view_settle (fixture->map);
  entente_test_wait_until (map_is_settled, fixture->map, 10000, "the closest view to be drawn");

  /* Ctrl+0 goes back to the first view */
  g_assert_true (entente_test_activate_shortcut (map, GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (entente_map_view_get_scale (fixture->map), fitted, fitted * 1e-6);

  /* the arrows pan: the map moves the other way */
  entente_map_view_get_country_point (fixture->map, "KZ", &x0, &y0);
  g_assert_true (entente_test_activate_shortcut (map, GDK_KEY_Right, 0));
  entente_map_view_get_country_point (fixture->map, "KZ", &x1, &y1);
  g_assert_cmpfloat (x1, <, x0 - 40);
  g_assert_cmpfloat_with_epsilon (y1, y0, 0.01);
  g_assert_true (entente_test_activate_shortcut (map, GDK_KEY_Down, 0));
  entente_map_view_get_country_point (fixture->map, "KZ", &x0, &y0);
  g_assert_cmpfloat (y0, <, y1 - 40);

  /* panning is clamped: the map cannot be lost */
  for (int i = 0; i < 200; i++)
    entente_test_activate_shortcut (map, GDK_KEY_Left, 0);
  entente_map_view_get_country_point (fixture->map, "US", &x0, &y0);
  g_assert_true (entente_test_activate_shortcut (map, GDK_KEY_Left, 0));
  entente_map_view_get_country_point (fixture->map, "US", &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1, x0, 0.01);
  /* with the map's western edge no further right than the middle */
  g_assert_cmpfloat (x1, <, gtk_widget_get_width (map) / 2.0 + 1.6 * entente_map_view_get_scale (fixture->map));
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *map = GTK_WIDGET (fixture->map);
  GListModel *members = entente_pack_get_members (fixture->pack);
  g_autoptr(EntenteMember) first = g_list_model_get_item (members, 0);
  g_autoptr(EntenteMember) second = g_list_model_get_item (members, 1);
  g_autoptr(EntenteMember) last = g_list_model_get_item (members, g_list_model_get_n_items (members) - 1);

  g_assert_true (gtk_widget_grab_focus (map));
  g_assert_true (gtk_widget_has_focus (map));
  g_assert_cmpstr (entente_map_view_get_focused_code (fixture->map), ==, entente_member_get_code (first));

  g_assert_true (entente_test_activate_shortcut (map, GDK_KEY_Page_Down, 0));
  g_assert_cmpstr (entente_map_view_get_focused_code (fixture->map), ==, entente_member_get_code (second));
  g_assert_true (entente_test_activate_shortcut (map, GDK_KEY_Page_Up, 0));
  g_assert_true (entente_test_activate_shortcut (map, GDK_KEY_Page_Up, 0));
  g_assert_cmpstr (entente_map_view_get_focused_code (fixture->map), ==, entente_member_get_code (last));

  /* Tab walks the states too */
  g_assert_true (gtk_widget_child_focus (map, GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_widget_child_focus (map, GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (entente_map_view_get_focused_code (fixture->map), ==, entente_member_get_code (last));
  /* and leaves the map after the last one */
  g_assert_false (gtk_widget_child_focus (map, GTK_DIR_TAB_FORWARD));

  g_assert_true (gtk_widget_grab_focus (map));
  g_assert_true (entente_test_activate_shortcut (map, GDK_KEY_Page_Down, 0));
  g_assert_true (entente_test_activate_shortcut (map, GDK_KEY_Return, 0));
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_cmpstr (fixture->activated, ==, entente_map_view_get_focused_code (fixture->map));
  g_assert_cmpstr (entente_map_view_get_selected_code (fixture->map), ==, fixture->activated);
  entente_test_iterate (20);
}

static void
test_markers (Fixture       *fixture,
              gconstpointer  data)
{
  const char *codes[] = { "BH", "MV" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      double x, y;

      g_assert_true (entente_map_view_get_country_point (fixture->map, codes[i], &x, &y));
      /* beside the country itself, still on its round marker */
      click_at (fixture->map, x + 3, y + 3);
      g_assert_cmpstr (entente_map_view_get_selected_code (fixture->map), ==, codes[i]);
      g_assert_cmpstr (fixture->activated, ==, codes[i]);
      move_to (fixture->map, x - 3, y + 2);
      g_assert_cmpstr (entente_map_view_get_hovered_code (fixture->map), ==, codes[i]);
    }
}

static void
test_date (Fixture       *fixture,
           gconstpointer  data)
{
  EntenteDate date = { 2000, 0, 0 };
  EntenteDate joined = { 2017, 6, 9 };
  EntenteDate before = { 2017, 6, 8 };

  /* the pack's as_of */
  g_assert_cmpint (entente_map_view_get_status_shown (fixture->map, "IN"), ==, ENTENTE_MEMBER_STATUS_MEMBER);
  g_assert_cmpint (entente_map_view_get_status_shown (fixture->map, "US"), ==, ENTENTE_MEMBER_STATUS_NONE);

  entente_map_view_set_date (fixture->map, &date);
  g_assert_cmpint (entente_map_view_get_status_shown (fixture->map, "IN"), !=, ENTENTE_MEMBER_STATUS_MEMBER);
  g_assert_cmpint (entente_map_view_get_status_shown (fixture->map, "KZ"), ==, ENTENTE_MEMBER_STATUS_MEMBER);
  entente_test_iterate (20);

  entente_map_view_set_date (fixture->map, &before);
  g_assert_cmpint (entente_map_view_get_status_shown (fixture->map, "IN"), !=, ENTENTE_MEMBER_STATUS_MEMBER);
  entente_map_view_set_date (fixture->map, &joined);
  g_assert_cmpint (entente_map_view_get_status_shown (fixture->map, "IN"), ==, ENTENTE_MEMBER_STATUS_MEMBER);

  entente_map_view_set_date (fixture->map, NULL);
  g_assert_null (entente_map_view_get_date (fixture->map));
  g_assert_cmpint (entente_map_view_get_status_shown (fixture->map, "IN"), ==, ENTENTE_MEMBER_STATUS_MEMBER);
}

static void
test_colors (Fixture       *fixture,
             gconstpointer  data)
{
  GdkRGBA member, observer, light_member;

  light_member = entente_map_view_get_status_color (fixture->map, ENTENTE_MEMBER_STATUS_MEMBER);
  observer = entente_map_view_get_status_color (fixture->map, ENTENTE_MEMBER_STATUS_OBSERVER);
  g_assert_false (gdk_rgba_equal (&light_member, &observer));
  g_assert_cmpfloat (light_member.blue, >, light_member.red);

  entente_test_set_dark (TRUE);
  member = entente_map_view_get_status_color (fixture->map, ENTENTE_MEMBER_STATUS_MEMBER);
  g_assert_false (gdk_rgba_equal (&light_member, &member));
}

/* The colour the map shows at (x, y) now: the widget's snapshot() rendered by its
 * window's renderer, as in a frame. */
static GdkRGBA
pixel_at (EntenteMapView *map,
          double          x,
          double          y)
{
  GtkWidget *widget = GTK_WIDGET (map);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  const guchar *pixel;
  int px = (int) x;
  int py = (int) y;

  g_assert_true (px >= 0 && py >= 0 && px < width && py < height);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc (4 * width * height);
  gdk_texture_download (texture, data, 4 * width);

  /* cairo's ARGB32: B, G, R, A in memory on a little-endian machine, opaque here */
  pixel = data + 4 * (py * width + px);
  if (G_BYTE_ORDER == G_LITTLE_ENDIAN)
    return (GdkRGBA) { pixel[2] / 255.0, pixel[1] / 255.0, pixel[0] / 255.0, pixel[3] / 255.0 };

  return (GdkRGBA) { pixel[1] / 255.0, pixel[2] / 255.0, pixel[3] / 255.0, pixel[0] / 255.0 };
}

static void
assert_colour (GdkRGBA        got,
               GdkRGBA        expected,
               const char    *what)
{
  if (fabs (got.red - expected.red) > 0.02 || fabs (got.green - expected.green) > 0.02 ||
      fabs (got.blue - expected.blue) > 0.02 || fabs (got.alpha - expected.alpha) > 0.02)
    g_error ("%s: got (%.3f, %.3f, %.3f, %.3f), expected (%.3f, %.3f, %.3f, %.3f)", what,
             got.red, got.green, got.blue, got.alpha,
             expected.red, expected.green, expected.blue, expected.alpha);
}

/* The map is drawn for a new view in a worker thread once the view is still; colouring
 * it for another date needs no new drawing, still or moving, and shows at once. */
static void
test_settle (Fixture       *fixture,
             gconstpointer  data)
{
  GdkRGBA member = entente_map_view_get_status_color (fixture->map, ENTENTE_MEMBER_STATUS_MEMBER);
  EntenteDate before = { 2000, 0, 0 };
  EntenteMemberStatus then;
  double x, y;

  entente_test_wait_until (map_is_settled, fixture->map, 5000, "the first view to be drawn");
  g_assert_true (entente_map_view_get_country_point (fixture->map, "IN", &x, &y));
  assert_colour (pixel_at (fixture->map, x, y), member, "India, a member");

  /* while the view moves, the map drawn for the last one is shown, recoloured at once */
  entente_map_view_zoom_in (fixture->map);
  g_assert_false (entente_map_view_is_settled (fixture->map));
  entente_map_view_set_date (fixture->map, &before);
  then = entente_map_view_get_status_shown (fixture->map, "IN");
  g_assert_cmpint (then, !=, ENTENTE_MEMBER_STATUS_MEMBER);
  g_assert_true (entente_map_view_get_country_point (fixture->map, "IN", &x, &y));
  assert_colour (pixel_at (fixture->map, x, y),
                 entente_map_view_get_status_color (fixture->map, then), "India in 2000, moving");
  g_assert_false (entente_map_view_is_settled (fixture->map));

  /* it comes to rest by itself */
  entente_test_wait_until (map_is_settled, fixture->map, 5000, "the zoomed view to be drawn");
  assert_colour (pixel_at (fixture->map, x, y),
                 entente_map_view_get_status_color (fixture->map, then), "India in 2000, zoomed");

  /* or when told to, and a change of date keeps it at rest */
  entente_map_view_zoom_out (fixture->map);
  entente_map_view_settle (fixture->map);
  entente_test_wait_until (map_is_settled, fixture->map, 5000, "the view to be drawn again");
  entente_map_view_set_date (fixture->map, NULL);
  g_assert_true (entente_map_view_is_settled (fixture->map));
  g_assert_true (entente_map_view_get_country_point (fixture->map, "IN", &x, &y));
  assert_colour (pixel_at (fixture->map, x, y), member, "India, a member again");

  /* a new style is drawn at once, in the frame */
  entente_test_set_dark (TRUE);
  assert_colour (pixel_at (fixture->map, x, y),
                 entente_map_view_get_status_color (fixture->map, ENTENTE_MEMBER_STATUS_MEMBER),
                 "India, a member, dark");
  g_assert_true (entente_map_view_is_settled (fixture->map));

  /* the fixture destroys the map while the worker draws: dispose waits for it */
  entente_map_view_zoom_in (fixture->map);
  entente_map_view_settle (fixture->map);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;
  g_autofree char *selection = NULL;
  g_autofree char *narrow = NULL;
  double x, y;

  entente_test_iterate (50);
  light = entente_test_screenshot (GTK_WIDGET (fixture->map), "map-view-light");

  entente_map_view_get_country_point (fixture->map, "KZ", &x, &y);
  click_at (fixture->map, x, y);
  entente_map_view_get_country_point (fixture->map, "IN", &x, &y);
  move_to (fixture->map, x, y);
  entente_test_iterate (50);
  selection = entente_test_screenshot (GTK_WIDGET (fixture->map), "map-view-selection");

  entente_test_set_dark (TRUE);
  entente_test_iterate (50);
  dark = entente_test_screenshot (GTK_WIDGET (fixture->map), "map-view-dark");
  entente_test_set_dark (FALSE);

  entente_test_resize (fixture->window, 360, 640);
  entente_test_iterate (50);
  /* a new size is drawn in the frame, not later */
  g_assert_true (entente_map_view_is_settled (fixture->map));
  assert_on_screen (fixture->map, "KZ");
  assert_on_screen (fixture->map, "IN");
  narrow = entente_test_screenshot (GTK_WIDGET (fixture->map), "map-view-narrow");

  if (g_getenv ("ENTENTE_SCREENSHOT_DIR") != NULL)
    {
      g_assert_true (g_file_test (light, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_file_test (dark, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_file_test (selection, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_file_test (narrow, G_FILE_TEST_IS_REGULAR));
    }
}

int
main (int   argc,
      char *argv[])
{
  entente_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/map-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fit", test_fit);
  ADD ("click", test_click);
  ADD ("hover", test_hover);
  ADD ("zoom", test_zoom);
  ADD ("keyboard", test_keyboard);
  ADD ("markers", test_markers);
  ADD ("date", test_date);
  ADD ("colors", test_colors);
  ADD ("settle", test_settle);
  ADD ("screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
