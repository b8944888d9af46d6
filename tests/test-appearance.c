/* test-appearance.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window as people who need it differently see it: the high-contrast style (light
 * and dark), large text, reduced motion, a visible keyboard focus, and the interface in
 * Urdu (right to left, the map unmirrored) and Simplified Chinese. Each case saves
 * screenshots of the Outline, Members, Review and Practice pages, wide and 360 px wide.
 *
 * libadwaita 1.2 reads the high-contrast setting once, when it starts, and GTK the locale:
 * those cases run in a child process (g_test_trap_subprocess()) started with
 * ADW_DEBUG_HIGH_CONTRAST=1 or LC_ALL set to the language.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "entente-application.h"
#include "entente-date.h"
#include "entente-iso3166.h"
#include "entente-map-view.h"
#include "entente-reading-pane.h"
#include "entente-test-ui.h"
#include "entente-window.h"

#define WIDE_WIDTH 1000
#define WIDE_HEIGHT 720
#define NARROW_WIDTH 360
#define NARROW_HEIGHT 720

static EntenteApplication *app;

/* The system's data directories, before the test isolated them. */
static char *system_data_dirs;

/* g_test_message(), which a child process's output would not show. */
static void report (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
report (const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (g_test_subprocess ())
    g_printerr ("# %s\n", message);
  else
    g_test_message ("%s", message);
}

static const char * const page_names[] = { "outline", "members", "review", "practice" };

static EntenteWindow *
open_window (void)
{
  EntenteWindow *window = entente_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), WIDE_WIDTH, WIDE_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  entente_window_open_builtin_pack (window);
  entente_test_wait_for_map (GTK_WINDOW (window));
  while (entente_window_get_pack (window) == NULL)
    entente_test_iterate (20);
  entente_test_iterate (100);

  return window;
}

static void
close_window (EntenteWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  entente_test_iterate (50);
}

static AdwViewStack *
get_view_stack (EntenteWindow *window)
{
  GtkWidget *outline = GTK_WIDGET (entente_window_get_outline_view (window));

  return ADW_VIEW_STACK (gtk_widget_get_ancestor (outline, ADW_TYPE_VIEW_STACK));
}

static GtkWidget *
show_page (EntenteWindow *window,
           const char    *name)
{
  AdwViewStack *stack = get_view_stack (window);
  GtkWidget *page;

  adw_view_stack_set_visible_child_name (stack, name);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, name);
  page = adw_view_stack_get_visible_child (stack);
  /* Animations are off outside test_reduced_motion(): a leaflet that folded while its page
   * was hidden does not slide into its new mode when shown. */
  entente_test_iterate (100);
  g_assert_true (gtk_widget_get_mapped (page));

  return page;
}

static GtkWidget *
get_content (EntenteWindow *window)
{
  return adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
}

/* The labels shown in the window that are cut off, named in the log; returns how many. */
static guint
count_cut_labels (EntenteWindow *window,
                  const char    *where)
{
  GList *cut = entente_test_find_cut_labels (get_content (window));
  guint n_cut;

  for (GList *l = cut; l != NULL; l = l->next)
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (gtk_label_get_layout (l->data), NULL, &logical);
      report ("%s: label \"%s\" (in a %s) is cut off: %d x %d for text of %d x %d",
              where, gtk_label_get_text (l->data),
              G_OBJECT_TYPE_NAME (gtk_widget_get_parent (l->data)),
              gtk_widget_get_width (l->data), gtk_widget_get_height (l->data),
              logical.width, logical.height);
    }
  n_cut = g_list_length (cut);
  g_list_free (cut);

  return n_cut;
}

/* Whether the window's content fits 360 px: it has no minimum wider than that, and the
 * window did become that narrow. */
static gboolean
fits_narrow (EntenteWindow *window,
             const char    *where)
{
  int min_width;

  gtk_widget_measure (get_content (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width, NULL, NULL, NULL);
  if (min_width > NARROW_WIDTH)
    report ("%s: the content is at least %d px wide", where, min_width);

  return min_width <= NARROW_WIDTH &&
         gtk_widget_get_width (get_content (window)) == NARROW_WIDTH;
}

/* Screenshots of every page, wide and narrow, as @prefix-<page>[-narrow].png, checking
 * the labels of each and (@check_fit) that the narrow layout fits, after taking them all. */
static void
screenshot_pages (EntenteWindow *window,
                  const char    *prefix,
                  gboolean       check_fit)
{
  guint n_cut = 0;
  guint n_too_wide = 0;

  for (guint narrow = 0; narrow < 2; narrow++)
    {
      if (narrow)
        entente_test_resize (GTK_WINDOW (window), NARROW_WIDTH, NARROW_HEIGHT);
      else
        entente_test_resize (GTK_WINDOW (window), WIDE_WIDTH, WIDE_HEIGHT);

      for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s%s", prefix, page_names[i],
                                                   narrow ? "-narrow" : "");

          show_page (window, page_names[i]);
          g_free (entente_test_screenshot (GTK_WIDGET (window), name));
          n_cut += count_cut_labels (window, name);
          if (narrow && !fits_narrow (window, name))
            n_too_wide++;
        }
    }

  g_assert_cmpuint (n_cut, ==, 0);
  if (check_fit)
    g_assert_cmpuint (n_too_wide, ==, 0);
}

/* Runs the current test again in a child process with @variable set to @value (restored
 * after), and checks that it passed. */
static void
run_in_subprocess (const char *variable,
                   const char *value)
{
  g_autofree char *saved = g_strdup (g_getenv (variable));
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *saved_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  g_setenv (variable, value, TRUE);
  /* The child finds the MIME database (for icons) in the system's data directories
   * before it isolates its own. */
  if (system_data_dirs != NULL)
    g_setenv ("XDG_DATA_DIRS", system_data_dirs, TRUE);
  else
    g_unsetenv ("XDG_DATA_DIRS");
  /* LANGUAGE would win over LC_ALL for messages. */
  g_unsetenv ("LANGUAGE");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (saved != NULL)
    g_setenv (variable, saved, TRUE);
  else
    g_unsetenv (variable);
  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  if (saved_data_dirs != NULL)
    g_setenv ("XDG_DATA_DIRS", saved_data_dirs, TRUE);
  g_test_trap_assert_passed ();
}

static void
test_high_contrast (void)
{
  EntenteWindow *window;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  if (!g_test_subprocess ())
    {
      run_in_subprocess ("ADW_DEBUG_HIGH_CONTRAST", "1");
      return;
    }

  g_assert_true (adw_style_manager_get_high_contrast (style_manager));
  /* What AdwApplication loads over style.css in high contrast. */
  g_assert_true (g_resources_get_info (RESOURCE_PREFIX "/style-hc.css",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));

  window = open_window ();

  entente_test_set_dark (FALSE);
  g_assert_false (adw_style_manager_get_dark (style_manager));
  screenshot_pages (window, "hc", TRUE);

  entente_test_set_dark (TRUE);
  g_assert_true (adw_style_manager_get_dark (style_manager));
  g_assert_true (adw_style_manager_get_high_contrast (style_manager));
  screenshot_pages (window, "hc-dark", TRUE);

  entente_test_set_dark (FALSE);
  close_window (window);
}

static int
get_label_height (EntenteWindow *window)
{
  GtkWidget *label = entente_test_find_label (get_content (window), _("Outline"));
  int height;

  g_assert_nonnull (label);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);

  return height;
}

/* Sets the text scale (GNOME's "text-scaling-factor", which its settings daemon passes to
 * GTK as gtk-xft-dpi) and checks that the text did grow. */
static void
set_text_scale (EntenteWindow *window,
                int            normal_height,
                double         scale)
{
  int height;

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (scale * 96 * 1024), NULL);
  entente_test_iterate (200);
  height = get_label_height (window);
  report ("a line of the view switcher at %.2fx: %d px (%d px at 1x)", scale, height,
          normal_height);
  g_assert_cmpint (height, >=, (int) (normal_height * (1 + (scale - 1) * 0.75)));
}

static void
test_large_text (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  EntenteWindow *window = open_window ();
  int normal_height;
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024, NULL);
  entente_test_iterate (200);
  normal_height = get_label_height (window);

  /* GNOME's Large Text (1.25): everything shown, 360 px wide too. */
  set_text_scale (window, normal_height, 1.25);
  screenshot_pages (window, "large-text", TRUE);

  entente_test_set_dark (TRUE);
  show_page (window, "outline");
  g_free (entente_test_screenshot (GTK_WIDGET (window), "large-text-dark-outline-narrow"));
  entente_test_set_dark (FALSE);

  /* Half as large again: nothing is cut off, 360 px wide too. */
  entente_test_resize (GTK_WINDOW (window), WIDE_WIDTH, WIDE_HEIGHT);
  set_text_scale (window, normal_height, 1.5);
  screenshot_pages (window, "larger-text", TRUE);

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  close_window (window);
}

/* Reduced motion. */

static void
collect_stacks (GtkWidget  *widget,
                GPtrArray  *stacks)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_STACK (widget) &&
      gtk_stack_get_transition_type (GTK_STACK (widget)) != GTK_STACK_TRANSITION_TYPE_NONE &&
      gtk_stack_get_transition_duration (GTK_STACK (widget)) > 0)
    {
      GtkSelectionModel *pages = gtk_stack_get_pages (GTK_STACK (widget));

      if (g_list_model_get_n_items (G_LIST_MODEL (pages)) > 1)
        g_ptr_array_add (stacks, widget);
      g_object_unref (pages);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_stacks (child, stacks);
}

/* Shows another page of @stack; returns whether its transition runs right after. */
static gboolean
switch_stack (GtkStack *stack)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);
  GtkWidget *other = NULL;
  gboolean running;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL && other == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != visible)
      other = child;
  g_assert_nonnull (other);

  gtk_stack_set_visible_child (stack, other);
  running = gtk_stack_get_transition_running (stack);
  entente_test_iterate (50);
  gtk_stack_set_visible_child (stack, visible);
  while (gtk_stack_get_transition_running (stack))
    entente_test_iterate (20);

  return running;
}

/* Each animated stack of the pages switches with (@animate) or without a transition;
 * returns how many were tried. */
static guint
check_stacks (EntenteWindow *window,
              gboolean       animate)
{
  guint n_stacks = 0;

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

      show_page (window, page_names[i]);
      collect_stacks (GTK_WIDGET (window), stacks);
      for (guint j = 0; j < stacks->len; j++)
        {
          report ("%s: a stack in %s, animations %s", page_names[i],
                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (stacks->pdata[j])),
                  animate ? "on" : "off");
          g_assert_cmpint (switch_stack (stacks->pdata[j]), ==, animate);
        }
      n_stacks += stacks->len;
    }

  return n_stacks;
}

/* The folded leaflet of @page goes forward and back; returns whether its transition
 * was running right after it moved. */
static gboolean
navigate_leaflet (GtkWidget *page)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (entente_test_find_child (page, ADW_TYPE_LEAFLET));
  GtkWidget *visible;
  gboolean running;

  g_assert_nonnull (leaflet);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  visible = adw_leaflet_get_visible_child (leaflet);

  if (!adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD))
    g_assert_true (adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != visible);
  running = adw_leaflet_get_child_transition_running (leaflet);

  adw_leaflet_set_visible_child (leaflet, visible);
  while (adw_leaflet_get_child_transition_running (leaflet))
    entente_test_iterate (20);

  return running;
}

/* The outline's revealer of search matches; returns whether it was still on its way
 * right after being told to reveal. */
static gboolean
toggle_revealer (EntenteWindow *window)
{
  GtkWidget *outline = show_page (window, "outline");
  GtkRevealer *revealer = GTK_REVEALER (entente_test_find_child (outline, GTK_TYPE_REVEALER));
  gboolean reveal;
  gboolean moving;

  g_assert_nonnull (revealer);
  reveal = !gtk_revealer_get_reveal_child (revealer);
  gtk_revealer_set_reveal_child (revealer, reveal);
  moving = gtk_revealer_get_child_revealed (revealer) != reveal;
  gtk_revealer_set_reveal_child (revealer, !reveal);
  while (gtk_revealer_get_child_revealed (revealer) != !reveal)
    entente_test_iterate (20);

  return moving;
}

static void
test_reduced_motion (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  EntenteWindow *window = open_window ();
  gboolean enabled;

  g_object_get (settings, "gtk-enable-animations", &enabled, NULL);

  /* With animations on, every one of them does animate: what is checked below could
   * fail. */
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  g_assert_cmpuint (check_stacks (window, TRUE), >, 0);
  g_assert_true (toggle_revealer (window));

  /* GNOME's Reduce Animation sets gtk-enable-animations to FALSE: every change is then
   * complete at once. */
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  g_assert_cmpuint (check_stacks (window, FALSE), >, 0);
  g_assert_false (toggle_revealer (window));

  entente_test_resize (GTK_WINDOW (window), NARROW_WIDTH, NARROW_HEIGHT);

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  g_assert_true (navigate_leaflet (show_page (window, "outline")));
  g_assert_true (navigate_leaflet (show_page (window, "members")));

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  g_assert_false (navigate_leaflet (show_page (window, "outline")));
  g_assert_false (navigate_leaflet (show_page (window, "members")));

  g_object_set (settings, "gtk-enable-animations", enabled, NULL);
  close_window (window);
}

/* Focus. */

/* Presses Tab (through the window's own binding) until the focus is on a widget of
 * @type and CSS name @css_name (when not NULL) inside @within; fails after 300 presses. */
static GtkWidget *
tab_to (EntenteWindow *window,
        GtkWidget     *within,
        GType          type,
        const char    *css_name)
{
  for (guint i = 0; i < 300; i++)
    {
      GtkWidget *focus;

      g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_Tab, 0));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && G_TYPE_CHECK_INSTANCE_TYPE (focus, type) &&
          (css_name == NULL || g_strcmp0 (gtk_widget_get_css_name (focus), css_name) == 0) &&
          gtk_widget_is_ancestor (focus, within))
        return focus;
    }

  g_error ("Tab never reached a %s", g_type_name (type));
  return NULL;
}

/* The number of pixels, around @widget, that differ between @a and @b (renderings of
 * @window). */
static guint
count_changed_pixels (GtkWidget  *window,
                      GtkWidget  *widget,
                      GdkTexture *a,
                      GdkTexture *b)
{
  int width = gdk_texture_get_width (a);
  int height = gdk_texture_get_height (a);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels_a = g_malloc (stride * height);
  g_autofree guchar *pixels_b = g_malloc (stride * height);
  graphene_rect_t bounds;
  guint changed = 0;
  int x0, y0, x1, y1;

  g_assert_cmpint (gdk_texture_get_width (b), ==, width);
  g_assert_cmpint (gdk_texture_get_height (b), ==, height);
  gdk_texture_download (a, pixels_a, stride);
  gdk_texture_download (b, pixels_b, stride);

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  x0 = CLAMP ((int) bounds.origin.x - 6, 0, width);
  y0 = CLAMP ((int) bounds.origin.y - 6, 0, height);
  x1 = CLAMP ((int) (bounds.origin.x + bounds.size.width) + 6, 0, width);
  y1 = CLAMP ((int) (bounds.origin.y + bounds.size.height) + 6, 0, height);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (memcmp (pixels_a + y * stride + x * 4, pixels_b + y * stride + x * 4, 4) != 0)
        changed++;

  return changed;
}

/* The focus on @focus shows: the window looks different around it with the focus there
 * (and the focus visible, as after a key press) than with no focus at all. The map view
 * draws its own focus, an outline around the focused state. */
static void
assert_focus_ring (EntenteWindow *window,
                   GtkWidget     *focus,
                   const char    *name)
{
  g_autoptr(GdkTexture) focused = NULL;
  g_autoptr(GdkTexture) unfocused = NULL;
  guint changed;

  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  focused = entente_test_render (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_FOCUS_VISIBLE);
  g_free (entente_test_screenshot (GTK_WIDGET (window), name));

  gtk_root_set_focus (GTK_ROOT (window), NULL);
  unfocused = entente_test_render (GTK_WIDGET (window));
  gtk_widget_grab_focus (focus);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);

  changed = count_changed_pixels (GTK_WIDGET (window), focus, focused, unfocused);
  report ("%s: the focus on a %s changes %u pixels", name, G_OBJECT_TYPE_NAME (focus),
          changed);
  g_assert_cmpuint (changed, >=, 20);
}

static void
test_focus_visible (void)
{
  EntenteWindow *window = open_window ();
  GtkWidget *page;
  GtkWidget *focus;

  for (guint dark = 0; dark < 2; dark++)
    {
      entente_test_set_dark (dark);

      page = show_page (window, "outline");
      gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
      /* A row of the outline (a GtkListView's). */
      focus = tab_to (window, page, GTK_TYPE_WIDGET, "row");
      assert_focus_ring (window, focus, dark ? "focus-row-dark" : "focus-row");

      page = show_page (window, "review");
      focus = tab_to (window, page, GTK_TYPE_BUTTON, NULL);
      assert_focus_ring (window, focus, dark ? "focus-button-dark" : "focus-button");

      page = show_page (window, "members");
      focus = tab_to (window, page, ENTENTE_TYPE_MAP_VIEW, NULL);
      assert_focus_ring (window, focus, dark ? "focus-map-dark" : "focus-map");

      /* A row of the list of states (a GtkListBox's). */
      focus = tab_to (window, page, GTK_TYPE_LIST_BOX_ROW, NULL);
      assert_focus_ring (window, focus, dark ? "focus-state-row-dark" : "focus-state-row");
    }

  entente_test_set_dark (FALSE);
  close_window (window);
}

/* The check of labels finds what it should: a label pushed out of the window, and one
 * given less room than its text (an overlay gives its overlays no more than its size). */
static void
test_cut_labels_found (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *fixed = gtk_fixed_new ();
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *outside = gtk_label_new ("Outside the window");
  GtkWidget *squeezed = gtk_label_new ("A label far wider than the window that shows it");
  GtkWidget *fits = gtk_label_new ("Fits");
  GList *cut;

  gtk_widget_set_size_request (box, 150, 100);
  gtk_box_append (GTK_BOX (box), fits);
  gtk_box_append (GTK_BOX (box), fixed);
  gtk_fixed_put (GTK_FIXED (fixed), outside, -60, 0);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), box);
  gtk_widget_set_valign (squeezed, GTK_ALIGN_END);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), squeezed);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 150, 100);
  gtk_window_present (GTK_WINDOW (window));
  entente_test_wait_for_map (GTK_WINDOW (window));

  cut = entente_test_find_cut_labels (overlay);
  report ("%u labels cut off: %s%s%s", g_list_length (cut),
          cut != NULL ? gtk_label_get_text (cut->data) : "",
          cut != NULL && cut->next != NULL ? ", " : "",
          cut != NULL && cut->next != NULL ? gtk_label_get_text (cut->next->data) : "");
  g_assert_nonnull (g_list_find (cut, outside));
  g_assert_nonnull (g_list_find (cut, squeezed));
  g_assert_null (g_list_find (cut, fits));
  g_list_free (cut);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Languages. */

static gboolean
locale_available (const char *name)
{
  locale_t locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (locale == (locale_t) 0)
    return FALSE;
  freelocale (locale);

  return TRUE;
}

/* Runs the current test in a child process under @locale, unless the system lacks it or
 * the build has no messages for @lang. Returns TRUE in the child. */
static gboolean
run_in_locale (const char *locale,
               const char *lang)
{
  const char *build_dir = g_getenv ("ENTENTE_BUILD_DIR");
  g_autofree char *mo = NULL;
  g_autofree char *reason = NULL;

  if (g_test_subprocess ())
    return TRUE;

  if (!locale_available (locale))
    {
      reason = g_strdup_printf ("the locale %s is not installed (tools/setup-deps test "
                                "generates it)", locale);
      g_test_skip (reason);
      return FALSE;
    }

  if (build_dir == NULL)
    {
      g_test_skip ("ENTENTE_BUILD_DIR is not set: no compiled translations to use");
      return FALSE;
    }

  mo = g_build_filename (build_dir, "po", lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      reason = g_strdup_printf ("%s has not been built", mo);
      g_test_skip (reason);
      return FALSE;
    }

  run_in_subprocess ("LC_ALL", locale);
  return FALSE;
}

static void
test_urdu (void)
{
  EntenteWindow *window;
  GtkWidget *members;
  EntenteMapView *map_view;
  GtkWidget *outline;
  GtkWidget *list;
  GtkWidget *pane;
  graphene_rect_t list_bounds;
  graphene_rect_t pane_bounds;
  double india_x, pakistan_x, china_x, kazakhstan_x;

  if (!run_in_locale ("ur_PK.UTF-8", "ur"))
    return;

  /* The interface is mirrored... */
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpstr (_("Outline"), ==, "خاکہ");
  g_assert_cmpstr (entente_iso3166_get_localized_name ("KG"), ==, "کرغیزستان");

  window = open_window ();
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_nonnull (entente_test_find_label (get_content (window), "خاکہ"));

  /* The outline's list of sections is on the right, the text it opens on the left. */
  outline = show_page (window, "outline");
  list = entente_test_find_child (outline, GTK_TYPE_LIST_VIEW);
  pane = entente_test_find_child (outline, ENTENTE_TYPE_READING_PANE);
  g_assert_nonnull (list);
  g_assert_nonnull (pane);
  g_assert_true (gtk_widget_compute_bounds (list, outline, &list_bounds));
  g_assert_true (gtk_widget_compute_bounds (pane, outline, &pane_bounds));
  g_assert_cmpfloat (pane_bounds.origin.x + pane_bounds.size.width, <=, list_bounds.origin.x + 1);

  /* ...the map is not: east stays on the right. */
  members = show_page (window, "members");
  map_view = ENTENTE_MAP_VIEW (entente_test_find_child (members, ENTENTE_TYPE_MAP_VIEW));
  g_assert_nonnull (map_view);
  entente_map_view_fit_pack (map_view);
  entente_test_iterate (100);
  g_assert_true (entente_map_view_get_country_point (map_view, "IN", &india_x, NULL));
  g_assert_true (entente_map_view_get_country_point (map_view, "PK", &pakistan_x, NULL));
  g_assert_true (entente_map_view_get_country_point (map_view, "CN", &china_x, NULL));
  g_assert_true (entente_map_view_get_country_point (map_view, "KZ", &kazakhstan_x, NULL));
  report ("under Urdu: the sections at x = %.0f, the text at x = %.0f; on the map Pakistan "
          "at x = %.0f, India at x = %.0f", list_bounds.origin.x, pane_bounds.origin.x,
          pakistan_x, india_x);
  g_assert_cmpfloat (india_x, >, pakistan_x);
  g_assert_cmpfloat (china_x, >, kazakhstan_x);

  screenshot_pages (window, "ur", TRUE);
  close_window (window);
}

static void
test_simplified_chinese (void)
{
  EntenteWindow *window;
  g_autofree char *formatted = NULL;
  EntenteDate date;

  if (!run_in_locale ("zh_CN.UTF-8", "zh_CN"))
    return;

  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpstr (_("Outline"), ==, "大纲");

  /* States are named and dates written as Chinese readers expect. */
  g_assert_cmpstr (entente_iso3166_get_localized_name ("KG"), ==, "吉尔吉斯坦");
  g_assert_true (entente_date_parse ("2001-06-15", &date));
  formatted = entente_date_format (&date);
  g_assert_cmpstr (formatted, ==, "2001年6月15日");

  window = open_window ();
  g_assert_nonnull (entente_test_find_label (get_content (window), "大纲"));
  g_assert_nonnull (entente_test_find_label (show_page (window, "members"), "吉尔吉斯坦"));
  screenshot_pages (window, "zh_CN", TRUE);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *build_dir;
  int status;

  system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  entente_test_ui_init (&argc, &argv);

  /* The translations of this build, not installed ones (used by the language cases,
   * which run in their locale). */
  build_dir = g_getenv ("ENTENTE_BUILD_DIR");
  if (build_dir != NULL)
    {
      g_autofree char *localedir = g_build_filename (build_dir, "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  /* Screenshots show where every change ends, not a moment of its animation; the
   * reduced-motion case turns animations on and off itself. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = entente_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/entente/appearance/cut-labels-found", test_cut_labels_found);
  g_test_add_func ("/entente/appearance/high-contrast", test_high_contrast);
  g_test_add_func ("/entente/appearance/large-text", test_large_text);
  g_test_add_func ("/entente/appearance/reduced-motion", test_reduced_motion);
  g_test_add_func ("/entente/appearance/focus-visible", test_focus_visible);
  g_test_add_func ("/entente/appearance/urdu", test_urdu);
  g_test_add_func ("/entente/appearance/simplified-chinese", test_simplified_chinese);

  status = g_test_run ();

  g_clear_object (&app);
  g_free (system_data_dirs);

  return status;
}
