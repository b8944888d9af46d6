/* test-window.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window and the application around it, driven as a user would through the
 * application's entry points (activate and open, as `entente` and `entente FILE` reach
 * them), its actions and keyboard shortcuts (resolved by entente_test_activate_shortcut(),
 * since GTK 4.8 cannot synthesise key events), and the real binary for the command line.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "entente-application.h"
#include "entente-exam-page.h"
#include "entente-pack-loader.h"
#include "entente-test-ui.h"
#include "entente-window.h"

static EntenteApplication *app;

static const char valid_pack[] =
  "{\n"
  "  \"format\": \"entente-pack\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"window-test\",\n"
  "  \"title\": \"Regional Forums in Practice\",\n"
  "  \"language\": \"en\",\n"
  "  \"as_of\": \"2024-05-01\",\n"
  "  \"authors\": [{\"name\": \"Ada Tester\"}, {\"name\": \"Bo Checker\"}],\n"
  "  \"outline\": [\n"
  "    {\"id\": \"intro\", \"title\": \"Introduction\", \"summary\": \"Why forums matter.\",\n"
  "     \"children\": [{\"id\": \"intro-aims\", \"title\": \"Aims\"}]},\n"
  "    {\"id\": \"method\", \"title\": \"Method\", \"points\": [\"Interviews\", \"Archives\"]},\n"
  "    {\"id\": \"results\", \"title\": \"Results\"}\n"
  "  ]\n"
  "}\n";

/* Three problems at known paths: a malformed id, an impossible date, an empty title. */
static const char refused_pack[] =
  "{\n"
  "  \"format\": \"entente-pack\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"Not An Id!\",\n"
  "  \"title\": \"Refused\",\n"
  "  \"language\": \"en\",\n"
  "  \"as_of\": \"2023-02-30\",\n"
  "  \"outline\": [{\"id\": \"only\", \"title\": \"   \"}]\n"
  "}\n";

static const char newer_pack[] =
  "{\n"
  "  \"format\": \"entente-pack\",\n"
  "  \"version\": 99,\n"
  "  \"id\": \"from-the-future\",\n"
  "  \"title\": \"From the Future\",\n"
  "  \"language\": \"en\",\n"
  "  \"as_of\": \"2030-01-01\",\n"
  "  \"outline\": [{\"id\": \"only\", \"title\": \"Only\"}]\n"
  "}\n";

static char *
write_pack (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* A pack whose outline has @n_bad sections with malformed ids: at least @n_bad problems. */
static char *
write_pack_with_bad_ids (const char *name,
                         guint       n_bad)
{
  g_autoptr(GString) json = g_string_new (NULL);

  g_string_append (json,
                   "{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"many-bad\",\n"
                   " \"title\": \"Many\", \"language\": \"en\", \"as_of\": \"2024\",\n"
                   " \"outline\": [\n");
  for (guint i = 0; i < n_bad; i++)
    g_string_append_printf (json, "%s  {\"id\": \"Bad Id %u\", \"title\": \"Section %u\"}\n",
                            i > 0 ? "," : "", i, i);
  g_string_append (json, "]}\n");

  return write_pack (name, json->str);
}

static GSettings *
get_settings (void)
{
  return g_settings_new (APP_ID);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = get_settings ();
  const char *keys[] = {
    "window-width", "window-height", "window-maximized", "last-pack", "last-section",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static void
destroy_all_windows (void)
{
  /* Dialogs first, then the windows they belong to. A help overlay is left to its
   * application window, and a file chooser to the GtkFileChooserNative that made it:
   * they destroy them. */
  for (guint pass = 0; pass < 2; pass++)
    {
      GList *all = entente_test_list_windows (GTK_TYPE_WINDOW);
      GList *windows = NULL;

      for (GList *l = all; l != NULL; l = l->next)
        {
          GtkWindow *window = l->data;

          if (GTK_IS_SHORTCUTS_WINDOW (window) || GTK_IS_FILE_CHOOSER_DIALOG (window))
            continue;
          if (pass == 0 && gtk_window_get_transient_for (window) == NULL)
            continue;

          /* Destroying one window can finalize another (a dialog destroyed with it). */
          windows = g_list_prepend (windows, g_object_ref (window));
        }
      g_list_free (all);

      for (GList *l = windows; l != NULL; l = l->next)
        gtk_window_destroy (l->data);
      g_list_free_full (windows, g_object_unref);

      entente_test_iterate (50);
    }
}

static gboolean
window_has_settled (gpointer data)
{
  EntenteWindow *window = data;

  return !entente_window_get_loading (window) && entente_window_get_pack (window) != NULL;
}

static void
wait_for_pack (EntenteWindow *window)
{
  entente_test_wait_until (window_has_settled, window, 20000, "the pack to load");
  entente_test_iterate (50);
}

static EntenteWindow *
get_active_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ENTENTE_IS_WINDOW (window));
  return ENTENTE_WINDOW (window);
}

/* `entente` with no argument */
static EntenteWindow *
activate_app (void)
{
  EntenteWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = get_active_window ();
  entente_test_wait_for_map (GTK_WINDOW (window));
  wait_for_pack (window);

  return window;
}

/* `entente FILE`, once the command line has been parsed */
static void
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_application_open (G_APPLICATION (app), &file, 1, "");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GList *dialogs = entente_test_list_windows (ADW_TYPE_MESSAGE_DIALOG);
  AdwMessageDialog *dialog = NULL;

  g_assert_cmpuint (g_list_length (dialogs), <=, 1);
  if (dialogs != NULL)
    dialog = dialogs->data;
  g_list_free (dialogs);

  return dialog;
}

static gboolean
message_dialog_is_shown (gpointer data)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static AdwMessageDialog *
wait_for_message_dialog (void)
{
  entente_test_wait_until (message_dialog_is_shown, NULL, 20000, "the refusal dialog");
  entente_test_iterate (100);

  return find_message_dialog ();
}

static void
append_label_texts (GtkWidget *widget,
                    GString   *text)
{
  if (GTK_IS_LABEL (widget))
    {
      if (text->len > 0)
        g_string_append (text, ": ");
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_label_texts (child, text);
}

/* The rows of the problem list, each as "PATH: message". */
static GStrv
get_problem_rows (AdwMessageDialog *dialog)
{
  GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();
  GtkWidget *list;

  g_assert_nonnull (extra);
  list = entente_test_find_child (extra, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      append_label_texts (row, text);
      g_strv_builder_add (rows, text->str);
    }

  return g_strv_builder_end (rows);
}

static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_template_child (EntenteWindow *window,
                    const char    *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), ENTENTE_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static gboolean
widget_has_height (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) > 0;
}

static void
test_window_builtin (void)
{
  g_autoptr(EntentePack) builtin = NULL;
  g_autoptr(GError) error = NULL;
  EntenteWindow *window;
  AdwViewSwitcherTitle *switcher_title;
  EntenteExamPage *exam_page;
  AdwViewStack *view_stack;
  GListModel *pages;
  g_autoptr(AdwViewStackPage) page = NULL;

  reset_settings ();

  builtin = entente_pack_load_builtin (&error);
  g_assert_no_error (error);

  window = activate_app ();

  g_assert_cmpstr (entente_pack_get_id (entente_window_get_pack (window)), ==,
                   entente_pack_get_id (builtin));
  g_assert_null (entente_pack_get_file (entente_window_get_pack (window)));

  /* The title is the study text's, in the window and in the header. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   entente_pack_get_title (builtin));
  switcher_title = ADW_VIEW_SWITCHER_TITLE (get_template_child (window, "switcher_title"));
  g_assert_cmpstr (adw_view_switcher_title_get_title (switcher_title), ==,
                   entente_pack_get_title (builtin));
  g_assert_nonnull (adw_view_switcher_title_get_subtitle (switcher_title));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (switcher_title), !=, "");
  /* The built-in pack lists states and has cards, so there are five pages to switch
   * between, and the window opens on the outline. */
  view_stack = ADW_VIEW_STACK (get_template_child (window, "view_stack"));
  pages = G_LIST_MODEL (adw_view_stack_get_pages (view_stack));
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, 5);
  page = g_list_model_get_item (pages, 0);
  g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, "outline");
  g_assert_true (adw_view_stack_page_get_visible (page));
  g_object_unref (page);
  page = g_list_model_get_item (pages, 1);
  g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, "members");
  g_assert_true (adw_view_stack_page_get_visible (page));
  g_object_unref (page);
  page = g_list_model_get_item (pages, 2);
  g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, "review");
  g_assert_true (adw_view_stack_page_get_visible (page));
  g_object_unref (page);
  page = g_list_model_get_item (pages, 3);
  g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, "practice");
  g_assert_true (adw_view_stack_page_get_visible (page));
  g_object_unref (page);
  page = g_list_model_get_item (pages, 4);
  g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, "statistics");
  g_assert_true (adw_view_stack_page_get_visible (page));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "outline");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (entente_window_get_outline_view (window))));
  g_assert_true (entente_outline_view_get_pack (entente_window_get_outline_view (window)) ==
                 entente_window_get_pack (window));
  g_assert_nonnull (entente_outline_view_get_section_id (entente_window_get_outline_view (window)));

  /* Progress was opened beside the window (in a thread), and the Review page counts
   * today's new cards from it for its badge. */
  g_assert_nonnull (entente_application_get_progress_store (app));
  g_assert_false (entente_progress_store_get_read_only (entente_application_get_progress_store (app)));
  g_object_unref (page);
  page = g_list_model_get_item (pages, 2);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), >, 0);

  /* The Practice page is given the pack when it is first shown: then an exam starts
   * from the window's pack. */
  adw_view_stack_set_visible_child_name (view_stack, "practice");
  entente_test_iterate (20);
  exam_page = ENTENTE_EXAM_PAGE (get_template_child (window, "exam_page"));
  g_assert_true (entente_exam_page_start (exam_page, NULL, 10, ENTENTE_EXAM_KINDS_ALL, 0, 1));
  g_assert_true (entente_exam_get_pack (entente_exam_page_get_exam (exam_page)) ==
                 entente_window_get_pack (window));
  adw_view_stack_set_visible_child_name (view_stack, "outline");
  entente_test_iterate (20);

  /* Alt+3 takes the focus into the Review page, so that Enter and Space act there and
   * not on the control focused before (here the header bar's main menu); Alt+1 takes
   * it back to the outline. */
  g_assert_true (gtk_widget_grab_focus (get_template_child (window, "primary_menu_button")));
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_3, GDK_ALT_MASK));
  entente_test_iterate (20);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "review");
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         get_template_child (window, "review_page")));
  /* There it is on Start Review, which Enter presses. */
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_BUTTON));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                                                             GTK_TYPE_BUTTON))),
                   ==, "_Start Review");
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_1, GDK_ALT_MASK));
  entente_test_iterate (20);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (entente_window_get_outline_view (window))));

  entente_test_set_dark (FALSE);
  g_free (entente_test_screenshot (GTK_WIDGET (window), "window-light"));
  entente_test_set_dark (TRUE);
  g_free (entente_test_screenshot (GTK_WIDGET (window), "window-dark"));
  entente_test_set_dark (FALSE);

  entente_test_resize (GTK_WINDOW (window), 360, 640);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);
  /* Narrow, the pages are switched from the bar at the bottom (it slides in). */
  entente_test_wait_until (widget_has_height, get_template_child (window, "switcher_bar"), 5000,
                           "the view switcher bar");
  g_free (entente_test_screenshot (GTK_WIDGET (window), "window-narrow"));
  entente_test_set_dark (TRUE);
  g_free (entente_test_screenshot (GTK_WIDGET (window), "window-narrow-dark"));
  entente_test_set_dark (FALSE);

  destroy_all_windows ();
}

static void
test_window_open_file (void)
{
  g_autofree char *path = write_pack ("open.json", valid_pack);
  g_autoptr(GSettings) settings = get_settings ();
  g_autofree char *last_pack = NULL;
  AdwViewSwitcherTitle *switcher_title;
  EntenteWindow *window;
  GFile *file;

  reset_settings ();

  open_path (path);
  window = get_active_window ();
  entente_test_wait_for_map (GTK_WINDOW (window));
  wait_for_pack (window);

  g_assert_cmpstr (entente_pack_get_id (entente_window_get_pack (window)), ==, "window-test");
  file = entente_pack_get_file (entente_window_get_pack (window));
  g_assert_nonnull (file);
  g_assert_cmpstr (g_file_peek_path (file), ==, path);
  g_assert_null (find_message_dialog ());

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Regional Forums in Practice");
  switcher_title = ADW_VIEW_SWITCHER_TITLE (get_template_child (window, "switcher_title"));
  /* Without an organisation, the subtitle names the authors. */
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (switcher_title), ==,
                   "Ada Tester and Bo Checker");

  g_assert_true (entente_outline_view_get_pack (entente_window_get_outline_view (window)) ==
                 entente_window_get_pack (window));

  last_pack = g_settings_get_string (settings, "last-pack");
  g_assert_cmpstr (last_pack, ==, path);

  entente_test_iterate (500);
  g_free (entente_test_screenshot (GTK_WIDGET (window), "window-opened-file"));

  /* Opening again, with a window in front, replaces its pack rather than adding one. */
  open_path (path);
  wait_for_pack (window);
  g_assert_true (get_active_window () == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  destroy_all_windows ();
}

static void
test_window_refused (void)
{
  g_autofree char *path = write_pack ("refused.json", refused_pack);
  g_autoptr(GSettings) settings = get_settings ();
  g_autofree char *last_pack = NULL;
  g_autofree char *builtin_id = NULL;
  g_auto(GStrv) rows = NULL;
  g_autofree char *problems = NULL;
  AdwMessageDialog *dialog;
  EntenteWindow *window;

  reset_settings ();

  window = activate_app ();
  builtin_id = g_strdup (entente_pack_get_id (entente_window_get_pack (window)));

  open_path (path);
  g_assert_true (entente_window_get_loading (window));
  dialog = wait_for_message_dialog ();
  g_assert_false (entente_window_get_loading (window));

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “refused.json”");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  rows = get_problem_rows (dialog);
  problems = g_strjoinv ("\n", rows);
  g_test_message ("problems shown:\n%s", problems);
  g_assert_cmpuint (g_strv_length (rows), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) rows,
                                  "as_of: “2023-02-30” is not a real date"));
  g_assert_nonnull (strstr (problems, "\noutline[0].title: "));
  g_assert_true (g_str_has_prefix (problems, "id: "));
  g_assert_null (strstr (problems, "more"));

  /* The pack that was open stays open, and stays the one to reopen. */
  g_assert_cmpstr (entente_pack_get_id (entente_window_get_pack (window)), ==, builtin_id);
  g_assert_true (entente_outline_view_get_pack (entente_window_get_outline_view (window)) ==
                 entente_window_get_pack (window));
  last_pack = g_settings_get_string (settings, "last-pack");
  g_assert_cmpstr (last_pack, ==, "");

  g_free (entente_test_screenshot (GTK_WIDGET (dialog), "refused-dialog"));
  entente_test_set_dark (TRUE);
  g_free (entente_test_screenshot (GTK_WIDGET (dialog), "refused-dialog-dark"));
  entente_test_set_dark (FALSE);

  /* Escape dismisses it, as the Close button does. */
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "close"), ==, "_Close");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "close");
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (dialog), GDK_KEY_Escape, 0));
  entente_test_iterate (100);
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (entente_pack_get_id (entente_window_get_pack (window)), ==, builtin_id);

  destroy_all_windows ();
}

static void
test_window_refused_many (void)
{
  g_autofree char *path = write_pack_with_bad_ids ("many.json", 15);
  g_auto(GStrv) lines = NULL;
  AdwMessageDialog *dialog;
  EntenteWindow *window;
  guint n_lines;

  reset_settings ();

  window = activate_app ();
  open_path (path);
  dialog = wait_for_message_dialog ();

  lines = get_problem_rows (dialog);
  n_lines = g_strv_length (lines);

  /* Ten problems, then how many more there are. */
  g_assert_cmpuint (n_lines, ==, 11);
  for (guint i = 0; i < 10; i++)
    g_assert_true (g_str_has_prefix (lines[i], "outline["));
  g_assert_true (g_str_has_prefix (lines[10], "… and "));
  g_assert_true (g_str_has_suffix (lines[10], " more"));
  g_assert_cmpint (atoi (lines[10] + strlen ("… and ")), >=, 5);

  g_assert_cmpstr (entente_pack_get_id (entente_window_get_pack (window)), !=, "many-bad");

  g_free (entente_test_screenshot (GTK_WIDGET (dialog), "refused-dialog-many"));

  destroy_all_windows ();
}

static void
test_window_newer_version (void)
{
  g_autofree char *path = write_pack ("newer.json", newer_pack);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  EntenteWindow *window;

  reset_settings ();

  window = activate_app ();
  open_path (path);
  dialog = wait_for_message_dialog ();

  body = g_utf8_strdown (adw_message_dialog_get_body (dialog), -1);
  g_assert_nonnull (strstr (body, "newer version"));
  g_assert_cmpstr (entente_pack_get_id (entente_window_get_pack (window)), !=, "from-the-future");

  destroy_all_windows ();
}

static void
test_window_refused_syntax (void)
{
  g_autofree char *path = write_pack ("truncated.json",
                                      "{\n  \"format\": \"entente-pack\",\n  \"version\": 1,\n");
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "missing.json", NULL);
  g_auto(GStrv) rows = NULL;
  AdwMessageDialog *dialog;

  reset_settings ();

  activate_app ();

  /* A syntax error says where, by line and column. */
  open_path (path);
  dialog = wait_for_message_dialog ();
  rows = get_problem_rows (dialog);
  g_test_message ("%s", rows[0]);
  g_assert_cmpuint (g_strv_length (rows), ==, 1);
  g_assert_true (g_str_has_prefix (rows[0], "line 3, column "));
  gtk_window_destroy (GTK_WINDOW (dialog));
  entente_test_iterate (50);

  /* A file that is not there has nothing to list beyond the message. */
  open_path (missing);
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “missing.json”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "missing.json"));
  g_assert_null (adw_message_dialog_get_extra_child (dialog));

  destroy_all_windows ();
}

static void
test_window_refused_first (void)
{
  g_autofree char *path = write_pack ("refused.json", refused_pack);
  g_auto(GStrv) rows = NULL;
  AdwMessageDialog *dialog;
  EntenteWindow *window;

  reset_settings ();

  /* `entente BROKEN` with no window yet: the built-in pack fills the window behind the
   * dialog, rather than an empty one. */
  open_path (path);
  window = get_active_window ();
  dialog = wait_for_message_dialog ();
  wait_for_pack (window);

  rows = get_problem_rows (dialog);
  g_assert_cmpuint (g_strv_length (rows), ==, 3);
  g_assert_null (entente_pack_get_file (entente_window_get_pack (window)));

  destroy_all_windows ();
}

static void
test_window_restore_fallback (void)
{
  g_autofree char *gone = g_build_filename (g_get_user_data_dir (), "moved-away.json", NULL);
  g_autofree char *refused = write_pack ("refused.json", refused_pack);
  g_autoptr(GSettings) settings = get_settings ();
  g_autofree char *last_pack = NULL;
  EntenteWindow *window;
  GtkWidget *toast_overlay;

  reset_settings ();

  /* The last pack was moved away: the built-in pack opens, and a toast says so. */
  g_settings_set_string (settings, "last-pack", gone);
  window = activate_app ();
  g_assert_null (entente_pack_get_file (entente_window_get_pack (window)));
  g_assert_null (find_message_dialog ());
  toast_overlay = get_template_child (window, "toast_overlay");
  g_assert_nonnull (find_label_containing (toast_overlay, "“moved-away.json” is gone"));
  last_pack = g_settings_get_string (settings, "last-pack");
  g_assert_cmpstr (last_pack, ==, "");
  /* Past the crossfade from the loading page. */
  entente_test_iterate (500);
  g_free (entente_test_screenshot (GTK_WIDGET (window), "restore-fallback-toast"));
  destroy_all_windows ();

  /* The last pack is there but refused now (edited since, say): the same, no dialog. */
  g_settings_set_string (settings, "last-pack", refused);
  window = activate_app ();
  g_assert_null (entente_pack_get_file (entente_window_get_pack (window)));
  g_assert_null (find_message_dialog ());
  toast_overlay = get_template_child (window, "toast_overlay");
  g_assert_nonnull (find_label_containing (toast_overlay, "Could not open “refused.json”"));
  destroy_all_windows ();
}

static gboolean
outline_has_section (gpointer data)
{
  EntenteWindow *window = data;
  const char *id = entente_outline_view_get_section_id (entente_window_get_outline_view (window));

  return g_strcmp0 (id, "method") == 0;
}

static void
test_window_settings (void)
{
  g_autofree char *path = write_pack ("settings.json", valid_pack);
  g_autoptr(GSettings) settings = get_settings ();
  g_autoptr(GVariant) sections = NULL;
  g_autofree char *last_pack = NULL;
  g_autofree char *saved_section = NULL;
  EntenteOutlineView *outline;
  EntenteWindow *window;
  int saved_width;
  int saved_height;
  int width;
  int height;

  reset_settings ();

  open_path (path);
  window = get_active_window ();
  entente_test_wait_for_map (GTK_WINDOW (window));
  wait_for_pack (window);

  /* Reading another section remembers it for this pack. */
  outline = entente_window_get_outline_view (window);
  entente_outline_view_set_section_id (outline, "method");
  entente_test_iterate (50);
  g_assert_cmpstr (entente_outline_view_get_section_id (outline), ==, "method");
  sections = g_settings_get_value (settings, "last-section");
  g_assert_true (g_variant_lookup (sections, "window-test", "s", &saved_section));
  g_assert_cmpstr (saved_section, ==, "method");

  /* The size is saved when the window closes (the surface's size, decorations
   * included, which is what the next window asks for). */
  entente_test_resize (GTK_WINDOW (window), 720, 540);
  gtk_window_get_default_size (GTK_WINDOW (window), &saved_width, &saved_height);
  g_assert_cmpint (saved_width, >=, 720);
  g_assert_cmpint (saved_height, >=, 540);
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_w, GDK_CONTROL_MASK));
  entente_test_iterate (100);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, saved_width);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, saved_height);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  last_pack = g_settings_get_string (settings, "last-pack");
  g_assert_cmpstr (last_pack, ==, path);

  /* The next start reopens the same pack at the same section, at the same size. */
  window = activate_app ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, saved_width);
  g_assert_cmpint (height, ==, saved_height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 720);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, 540);
  g_assert_cmpstr (entente_pack_get_id (entente_window_get_pack (window)), ==, "window-test");
  entente_test_wait_until (outline_has_section, window, 5000, "the saved section");
  g_assert_cmpstr (entente_outline_view_get_section_id (entente_window_get_outline_view (window)),
                   ==, "method");

  /* Restoring the section is not a new choice: the saved one is still the same. */
  g_clear_pointer (&sections, g_variant_unref);
  g_clear_pointer (&saved_section, g_free);
  sections = g_settings_get_value (settings, "last-section");
  g_assert_true (g_variant_lookup (sections, "window-test", "s", &saved_section));
  g_assert_cmpstr (saved_section, ==, "method");

  destroy_all_windows ();
}

static void
test_window_about (void)
{
  g_autofree char *path = write_pack ("about.json", valid_pack);
  AdwAboutWindow *about;
  EntenteWindow *window;
  GList *abouts;

  reset_settings ();

  open_path (path);
  window = get_active_window ();
  entente_test_wait_for_map (GTK_WINDOW (window));
  wait_for_pack (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.about", NULL));
  entente_test_iterate (100);

  abouts = entente_test_list_windows (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpuint (g_list_length (abouts), ==, 1);
  about = abouts->data;
  g_list_free (abouts);

  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Entente");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));

  /* The open pack's own authors are credited, under its title. */
  g_assert_nonnull (entente_test_find_label (GTK_WIDGET (about), "Ada Tester"));
  g_assert_nonnull (entente_test_find_label (GTK_WIDGET (about), "Bo Checker"));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (about), "Regional Forums in Practice"));
  /* And the data the app ships. */
  g_assert_nonnull (entente_test_find_label (GTK_WIDGET (about), "Natural Earth"));
  g_assert_nonnull (entente_test_find_label (GTK_WIDGET (about), "world-atlas"));
  g_assert_nonnull (entente_test_find_label (GTK_WIDGET (about), "iso-codes"));

  g_free (entente_test_screenshot (GTK_WIDGET (about), "about"));

  destroy_all_windows ();
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static void
test_window_drop (void)
{
  g_autofree char *path = write_pack ("dropped.json", valid_pack);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target;
  EntenteWindow *window;
  gboolean accepted = FALSE;
  const GType *types;
  gsize n_types;

  reset_settings ();

  window = activate_app ();

  /* No drag can be made without a real pointer: the window's drop target gets the
   * file list that a drag from a file manager delivers. */
  target = find_drop_target (GTK_WIDGET (window));
  g_assert_nonnull (target);
  types = gtk_drop_target_get_gtypes (target, &n_types);
  g_assert_cmpuint (n_types, ==, 2);
  g_assert_true (types[0] == GDK_TYPE_FILE_LIST);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);

  wait_for_pack (window);
  g_assert_cmpstr (entente_pack_get_id (entente_window_get_pack (window)), ==, "window-test");

  destroy_all_windows ();
}

static void
test_window_cancel_previous (void)
{
  g_autofree char *first = write_pack ("first.json", refused_pack);
  g_autofree char *second = write_pack ("second.json", valid_pack);
  EntenteWindow *window;

  reset_settings ();

  window = activate_app ();

  /* The second load replaces the first: only its result counts, so the refusal of the
   * first never shows. */
  open_path (first);
  open_path (second);
  wait_for_pack (window);
  entente_test_iterate (200);
  g_assert_cmpstr (entente_pack_get_id (entente_window_get_pack (window)), ==, "window-test");
  g_assert_null (find_message_dialog ());

  destroy_all_windows ();
}

static gboolean
widget_is_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static void
test_window_shortcuts (void)
{
  GtkWidget *menu_button;
  GtkPopover *popover;
  EntenteWindow *window;
  EntenteWindow *second;
  GtkWidget *focus;
  GList *list;

  reset_settings ();

  window = activate_app ();

  /* F10 opens the primary menu. */
  menu_button = get_template_child (window, "primary_menu_button");
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_F10, 0));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  entente_test_wait_until (widget_is_shown, popover, 5000, "the primary menu");
  g_free (entente_test_screenshot (GTK_WIDGET (popover), "primary-menu"));
  gtk_popover_popdown (popover);
  entente_test_iterate (100);

  /* Ctrl+F takes the focus to the outline's search. */
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK));
  entente_test_iterate (100);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus,
                                         GTK_WIDGET (entente_window_get_outline_view (window))));

  /* Ctrl+? shows the shortcuts window. */
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window),
                                                 GDK_KEY_question, GDK_CONTROL_MASK));
  list = entente_test_list_windows (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_cmpuint (g_list_length (list), ==, 1);
  entente_test_wait_until (widget_is_shown, list->data, 5000, "the shortcuts window");
  g_free (entente_test_screenshot (GTK_WIDGET (list->data), "shortcuts"));
  gtk_widget_set_visible (GTK_WIDGET (list->data), FALSE);
  g_list_free (list);

  /* Ctrl+O asks for a file. Without a portal, GTK shows its own chooser. */
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_o, GDK_CONTROL_MASK));
  entente_test_iterate (200);
  list = entente_test_list_windows (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpuint (g_list_length (list), ==, 1);
  g_assert_cmpstr (gtk_window_get_title (list->data), ==, "Open Pack");
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (list->data)), ==,
                   "Study Packs");
  g_list_free (list);
  destroy_all_windows ();

  /* Ctrl+Q closes every window. */
  window = activate_app ();
  second = entente_window_new (app);
  entente_window_open_builtin_pack (second);
  gtk_window_present (GTK_WINDOW (second));
  entente_test_wait_for_map (GTK_WINDOW (second));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_q, GDK_CONTROL_MASK));
  entente_test_iterate (100);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  destroy_all_windows ();
}

static char *
get_entente_binary (void)
{
  const char *build_dir = g_getenv ("ENTENTE_BUILD_DIR");

  if (build_dir == NULL)
    return NULL;

  return g_build_filename (build_dir, "src", "entente", NULL);
}

static int
run_entente (const char * const  *args,
             gboolean             with_display,
             char               **out,
             char               **err)
{
  g_autofree char *binary = get_entente_binary ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int wait_status = 0;

  g_ptr_array_add (argv, binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!with_display)
    {
      env = g_environ_unsetenv (env, "DISPLAY");
      env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
      /* A display would be opened by the backend named here, which does not exist. */
      env = g_environ_setenv (env, "GDK_BACKEND", "none-at-all", TRUE);
    }

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

static void
test_cli_without_display (void)
{
  g_autofree char *valid = write_pack ("valid.json", valid_pack);
  g_autofree char *refused = write_pack ("refused.json", refused_pack);
  g_autofree char *binary = get_entente_binary ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (binary == NULL || !g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("ENTENTE_BUILD_DIR does not hold the entente binary");
      return;
    }

  g_assert_cmpint (run_entente ((const char *[]) { "--validate", valid, NULL },
                                FALSE, &out, &err),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_entente ((const char *[]) { "--validate", refused, NULL },
                                FALSE, &out, &err),
                   ==, 1);
  g_assert_true (strstr (out, "as_of") != NULL || strstr (err, "as_of") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_entente ((const char *[]) { "--validate", "--json", valid, refused, NULL },
                                FALSE, &out, &err),
                   ==, 1);
  /* One JSON object per file, one per line. */
  g_assert_true (g_str_has_prefix (out, "{"));
  g_assert_nonnull (strstr (out, "}\n{"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_entente ((const char *[]) { "--version", NULL }, FALSE, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "entente " PACKAGE_VERSION "\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_entente ((const char *[]) { "--json", valid, NULL }, FALSE, &out, &err),
                   ==, 2);
}

static void
test_bench_exit_on_map (void)
{
  g_autofree char *binary = get_entente_binary ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 usec;

  if (binary == NULL || !g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("ENTENTE_BUILD_DIR does not hold the entente binary");
      return;
    }

  g_setenv ("ENTENTE_BENCH_EXIT_ON_MAP", "1", TRUE);
  g_assert_cmpint (run_entente ((const char *[]) { NULL }, TRUE, &out, &err), ==, 0);
  g_unsetenv ("ENTENTE_BENCH_EXIT_ON_MAP");

  g_test_message ("%s", out);
  g_assert_true (g_str_has_prefix (out, "mapped "));
  usec = g_ascii_strtoll (out + strlen ("mapped "), NULL, 10);
  /* More than nothing, less than a minute. */
  g_assert_cmpint (usec, >, 0);
  g_assert_cmpint (usec, <, 60 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  entente_test_ui_init (&argc, &argv);

  app = entente_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/entente/window/builtin", test_window_builtin);
  g_test_add_func ("/entente/window/open-file", test_window_open_file);
  g_test_add_func ("/entente/window/refused", test_window_refused);
  g_test_add_func ("/entente/window/refused-many", test_window_refused_many);
  g_test_add_func ("/entente/window/newer-version", test_window_newer_version);
  g_test_add_func ("/entente/window/refused-syntax", test_window_refused_syntax);
  g_test_add_func ("/entente/window/refused-first", test_window_refused_first);
  g_test_add_func ("/entente/window/restore-fallback", test_window_restore_fallback);
  g_test_add_func ("/entente/window/settings", test_window_settings);
  g_test_add_func ("/entente/window/about", test_window_about);
  g_test_add_func ("/entente/window/drop", test_window_drop);
  g_test_add_func ("/entente/window/cancel-previous", test_window_cancel_previous);
  g_test_add_func ("/entente/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/entente/application/command-line-without-display", test_cli_without_display);
  g_test_add_func ("/entente/application/bench-exit-on-map", test_bench_exit_on_map);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
