/* entente-test-ui.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* g_test_init() with G_TEST_OPTION_ISOLATE_DIRS, then gtk_init() and adw_init().
 * The GResource is linked into every test, so templates load without more setup. */
void      entente_test_ui_init          (int             *argc,
                                         char          ***argv);

/* Spins the default main context for @ms milliseconds (at least one iteration). */
void      entente_test_iterate          (guint            ms);

/* Does not present @window: waits until it is mapped and has been laid out at least once,
 * failing the test after a few seconds. */
void      entente_test_wait_for_map     (GtkWindow       *window);

/* Spins the main context until @condition returns TRUE, failing the test after
 * @timeout_ms milliseconds with @what in the message. */
void      entente_test_wait_until       (gboolean        (*condition) (gpointer data),
                                         gpointer          data,
                                         guint             timeout_ms,
                                         const char       *what);

/* Renders @widget as it is now on screen (through its native's renderer) and saves it
 * as $ENTENTE_SCREENSHOT_DIR/@name.png (the directory is created when missing).
 * Returns the path written, or NULL when ENTENTE_SCREENSHOT_DIR is unset. */
char     *entente_test_screenshot       (GtkWidget       *widget,
                                         const char      *name);

/* Renders @widget as it is now on screen, after its next frame, like
 * entente_test_screenshot() but without saving it. */
GdkTexture *entente_test_render         (GtkWidget       *widget);

/* The labels shown in @root (borrowed pointers, in a new list) whose text does not fit:
 * narrower than their text without ellipsizing or wrapping, lower than their lines, or
 * outside @root with nothing to scroll them into view. */
GList     *entente_test_find_cut_labels (GtkWidget       *root);

/* There is no public way to synthesise a GdkEvent in GTK 4.8, so this does what the key
 * press would do in GTK's own dispatch without a real event: it looks @keyval + @mods up
 * in the shortcut controllers of @widget and its ancestors (widget bindings such as
 * gtk_widget_class_add_binding_action(), and controllers added to the widget), then in
 * the controllers of global scope anywhere in its window, then in the application's
 * accelerators (gtk_application_set_accels_for_action()), and activates
 * the first match. Returns TRUE when something was activated. It cannot reach key
 * handling that is not a shortcut (text typed into an entry, for example). */
gboolean  entente_test_activate_shortcut (GtkWidget       *widget,
                                          guint            keyval,
                                          GdkModifierType  mods);

/* Forces the dark (TRUE) or the light (FALSE) style and lets the change settle. */
void      entente_test_set_dark         (gboolean         dark);

/* Resizes @window so that its widget is @width x @height (e.g. 360 wide for the narrow
 * layout) and waits until the new size has been allocated. */
void      entente_test_resize           (GtkWindow       *window,
                                         int              width,
                                         int              height);

/* A descendant of @root of exactly @type (depth first), or NULL. */
GtkWidget *entente_test_find_child      (GtkWidget       *root,
                                         GType            type);

/* A descendant GtkLabel (or a label inside a button) whose text is @text, or NULL. */
GtkWidget *entente_test_find_label      (GtkWidget       *root,
                                         const char      *text);

/* The toplevel windows of type @type that exist now (a new list of borrowed pointers). */
GList     *entente_test_list_windows    (GType            type);

G_END_DECLS
