/* entente-test-ui.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "entente-test-ui.h"

void
entente_test_ui_init (int    *argc,
                      char ***argv)
{
  const char * const *data_dirs = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  /* The isolated XDG directories hold no MIME database, without which GdkPixbuf cannot
   * tell that an icon is an SVG: keep the system's database for content types. */
  for (guint i = 0; data_dirs[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (data_dirs[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);

  /* The in-memory backend keeps the settings of one test process to itself. */
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);

  gtk_init ();
  adw_init ();

  /* GNOME's title buttons, whatever the machine's defaults: screenshots show what most
   * users see, and sizes measured in tests do not depend on the build machine. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
}

static gboolean
timeout_reached_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
entente_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_reached_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
entente_test_wait_until (gboolean  (*condition) (gpointer data),
                         gpointer    data,
                         guint       timeout_ms,
                         const char *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %u ms waiting for %s", timeout_ms, what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
widget_is_mapped (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

void
entente_test_wait_for_map (GtkWindow *window)
{
  g_assert_true (GTK_IS_WINDOW (window));

  entente_test_wait_until (widget_is_mapped, window, 10000, "the window to be mapped");
  /* Let the first frames draw so that what is measured or rendered next is settled. */
  entente_test_iterate (100);
}

static gboolean
frame_drawn_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
any_transition_running (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (any_transition_running (child))
      return TRUE;

  return FALSE;
}

/* Waits for the next frame of @widget's window, so that what was changed before is laid
 * out: on a loaded machine a change and the screenshot after it can fall in one frame. */
static void
wait_for_frame (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gboolean drawn = FALSE;

  gtk_widget_add_tick_callback (widget, frame_drawn_cb, &drawn, NULL);
  gtk_widget_queue_draw (widget);
  while (!drawn && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  /* A page that crossfades in would be caught half drawn. */
  while (any_transition_running (widget) && g_get_monotonic_time () < deadline)
    entente_test_iterate (20);
  entente_test_iterate (20);
}

/* Renders @widget as it is now on screen, after its next frame. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  GdkTexture *texture;
  int width;
  int height;

  wait_for_frame (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A widget that has not been drawn yet gives no render node: try again after a frame. */
  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      if (attempt > 0)
        wait_for_frame (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  return texture;
}

GdkTexture *
entente_test_render (GtkWidget *widget)
{
  g_assert_true (GTK_IS_WIDGET (widget));
  g_assert_true (gtk_widget_get_mapped (widget));

  return render_widget (widget);
}

char *
entente_test_screenshot (GtkWidget  *widget,
                         const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *path = NULL;
  const char *dir;

  g_assert_true (GTK_IS_WIDGET (widget));
  g_assert_true (gtk_widget_get_mapped (widget));

  dir = g_getenv ("ENTENTE_SCREENSHOT_DIR");
  if (dir == NULL || dir[0] == '\0')
    return NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  texture = render_widget (widget);

  filename = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, filename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  return g_steal_pointer (&path);
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     mods)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      GtkKeyvalTrigger *keyval_trigger = GTK_KEYVAL_TRIGGER (trigger);

      return gtk_keyval_trigger_get_keyval (keyval_trigger) == gdk_keyval_to_lower (keyval) &&
             gtk_keyval_trigger_get_modifiers (keyval_trigger) == mods;
    }

  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      GtkAlternativeTrigger *alternative = GTK_ALTERNATIVE_TRIGGER (trigger);

      return trigger_matches (gtk_alternative_trigger_get_first (alternative), keyval, mods) ||
             trigger_matches (gtk_alternative_trigger_get_second (alternative), keyval, mods);
    }

  return FALSE;
}

static gboolean
activate_in_controllers (GtkWidget       *widget,
                         guint            keyval,
                         GdkModifierType  mods,
                         gboolean         global_only)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n_controllers = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n_controllers; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      guint n_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      if (global_only &&
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) !=
          GTK_SHORTCUT_SCOPE_GLOBAL)
        continue;

      n_shortcuts = g_list_model_get_n_items (G_LIST_MODEL (controller));
      for (guint j = 0; j < n_shortcuts; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, mods))
            continue;

          if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                            GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
activate_in_global_controllers (GtkWidget       *widget,
                                guint            keyval,
                                GdkModifierType  mods)
{
  if (activate_in_controllers (widget, keyval, mods, TRUE))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (activate_in_global_controllers (child, keyval, mods))
        return TRUE;
    }

  return FALSE;
}

gboolean
entente_test_activate_shortcut (GtkWidget       *widget,
                                guint            keyval,
                                GdkModifierType  mods)
{
  g_autofree char *accel = NULL;
  g_auto(GStrv) actions = NULL;
  GtkApplication *application = NULL;
  GtkRoot *root;

  g_assert_true (GTK_IS_WIDGET (widget));

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (activate_in_controllers (w, keyval, mods, FALSE))
        return TRUE;
    }

  /* Shortcuts with global scope (a primary GtkMenuButton's F10, for one) work wherever
   * the focus is in their window. */
  root = gtk_widget_get_root (widget);
  if (root != NULL && activate_in_global_controllers (GTK_WIDGET (root), keyval, mods))
    return TRUE;

  if (GTK_IS_WINDOW (root))
    application = gtk_window_get_application (GTK_WINDOW (root));
  if (application == NULL)
    return FALSE;

  accel = gtk_accelerator_name (keyval, mods);
  actions = gtk_application_get_actions_for_accel (application, accel);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_autoptr(GVariant) target = NULL;
      g_autofree char *name = NULL;

      if (!g_action_parse_detailed_name (actions[i], &name, &target, NULL))
        continue;
      if (gtk_widget_activate_action_variant (widget, name, target))
        return TRUE;
    }

  return FALSE;
}

void
entente_test_set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (adw_style_manager_get_dark (adw_style_manager_get_default ()), ==, !!dark);
  entente_test_iterate (100);
}

typedef struct
{
  GtkWindow *window;
  int        width;
  int        height;
} ResizeWait;

static gboolean
window_size_changed (gpointer data)
{
  ResizeWait *wait = data;

  return gtk_widget_get_width (GTK_WIDGET (wait->window)) != wait->width ||
         gtk_widget_get_height (GTK_WIDGET (wait->window)) != wait->height;
}

void
entente_test_resize (GtkWindow *window,
                     int        width,
                     int        height)
{
  ResizeWait wait = {
    window,
    gtk_widget_get_width (GTK_WIDGET (window)),
    gtk_widget_get_height (GTK_WIDGET (window)),
  };
  int default_width;
  int default_height;

  gtk_window_unmaximize (window);
  if (wait.width == width && wait.height == height)
    return;

  /* The default size is the surface's, which can be larger than the window widget by the
   * client-side decoration around it (10 pixels under Xvfb): ask for what makes the
   * widget, and so everything in it, @width x @height. */
  gtk_window_get_default_size (window, &default_width, &default_height);
  gtk_window_set_default_size (window,
                               width + MAX (0, default_width - wait.width),
                               height + MAX (0, default_height - wait.height));
  entente_test_wait_until (window_size_changed, &wait, 10000, "the window to be resized");
  /* Let the new size settle through the layout before anything measures it. */
  entente_test_iterate (200);
  g_test_message ("resized to %d x %d (asked for %d x %d)",
                  gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_height (GTK_WIDGET (window)),
                  width, height);
}

GtkWidget *
entente_test_find_child (GtkWidget *root,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = entente_test_find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
entente_test_find_label (GtkWidget  *root,
                         const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = entente_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GList *
entente_test_list_windows (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels = g_list_model_get_n_items (toplevels);
  GList *windows = NULL;

  for (guint i = 0; i < n_toplevels; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        windows = g_list_prepend (windows, window);
    }

  return g_list_reverse (windows);
}

static gboolean
has_scrolling_ancestor (GtkWidget *widget,
                        GtkWidget *root)
{
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL && ancestor != root;
       ancestor = gtk_widget_get_parent (ancestor))
    if (GTK_IS_VIEWPORT (ancestor) || GTK_IS_SCROLLED_WINDOW (ancestor) ||
        GTK_IS_SCROLLABLE (ancestor))
      return TRUE;

  return FALSE;
}

/* libadwaita's badge on a view switcher button (AdwIndicatorBin, private) lays its number
 * out in a smaller box than it draws it in. */
static gboolean
in_indicator_badge (GtkWidget *widget)
{
  GType indicator_type = g_type_from_name ("AdwIndicatorBin");

  return indicator_type != 0 && gtk_widget_get_ancestor (widget, indicator_type) != NULL;
}

static gboolean
label_is_cut (GtkLabel  *label,
              GtkWidget *root)
{
  GtkWidget *widget = GTK_WIDGET (label);
  const char *text = gtk_label_get_text (label);
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;

  if (text == NULL || text[0] == '\0' || !gtk_widget_is_drawable (widget) ||
      gtk_widget_get_opacity (widget) == 0 ||
      gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE || in_indicator_badge (widget))
    return FALSE;

  /* The text as laid out for the allocated width (the label's content box, without its
   * CSS padding and border) must fit in it. */
  pango_layout_get_pixel_extents (gtk_label_get_layout (label), NULL, &logical);
  if (logical.width > width + 1 || logical.height > height + 1)
    return TRUE;

  /* Outside what @root shows, with nothing to scroll it into view. */
  if (!has_scrolling_ancestor (widget, root) &&
      gtk_widget_compute_bounds (widget, root, &bounds) &&
      (bounds.origin.x < -0.5 ||
       bounds.origin.x + bounds.size.width > gtk_widget_get_width (root) + 0.5))
    return TRUE;

  return FALSE;
}

static void
collect_cut_labels (GtkWidget  *widget,
                    GtkWidget  *root,
                    GList     **list)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && label_is_cut (GTK_LABEL (widget), root))
    *list = g_list_prepend (*list, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cut_labels (child, root, list);
}

GList *
entente_test_find_cut_labels (GtkWidget *root)
{
  GList *list = NULL;

  g_assert_true (GTK_IS_WIDGET (root));

  collect_cut_labels (root, root, &list);

  return g_list_reverse (list);
}
