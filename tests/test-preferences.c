/* test-preferences.c: the Preferences window writes its settings, explains the desired
 * retention in plain words, switches the style, and the review's schedule follows.
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-application.h"
#include "entente-guide-window.h"
#include "entente-preferences.h"
#include "entente-test-ui.h"
#include "entente-window.h"

static EntenteApplication *app;

static GtkWidget *
find_preferences (void)
{
  GList *windows = entente_test_list_windows (ENTENTE_TYPE_PREFERENCES);
  GtkWidget *found = windows != NULL ? windows->data : NULL;

  g_list_free (windows);
  return found;
}

static void
test_preferences_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *preferences;
  GtkWidget *spin;

  g_settings_reset (settings, "desired-retention");
  g_settings_reset (settings, "style");

  /* app.preferences (Ctrl+,) opens it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  entente_test_iterate (300);
  preferences = find_preferences ();
  g_assert_nonnull (preferences);
  g_assert_nonnull (entente_test_find_label (preferences,
                                             "Cards come back when you would still remember 90 in 100 of them. Higher means more reviews and less forgetting."));
  entente_test_screenshot (preferences, "preferences");

  /* A changed value is written at once, and the explanation follows. */
  spin = entente_test_find_child (preferences, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_settings_set_double (settings, "desired-retention", 0.85);
  entente_test_iterate (50);
  g_assert_nonnull (entente_test_find_label (preferences,
                                             "Cards come back when you would still remember 85 in 100 of them. Higher means more reviews and less forgetting."));

  /* The style row forces dark, and back. */
  g_settings_set_string (settings, "style", "dark");
  entente_test_iterate (100);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  entente_test_screenshot (preferences, "preferences-dark");
  g_settings_set_string (settings, "style", "light");
  entente_test_iterate (100);
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));

  g_settings_reset (settings, "desired-retention");
  g_settings_reset (settings, "style");
  gtk_window_destroy (GTK_WINDOW (preferences));
  entente_test_iterate (50);
}

static void
test_preferences_reset (void)
{
  EntenteProgressStore *store = entente_application_get_progress_store (app);
  EntenteWindow *window = entente_window_new (app);
  GtkWidget *preferences;
  GtkWidget *button;
  GList *dialogs;
  EntenteFsrsCard card;
  EntenteFsrsLog log = { 0 };
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  entente_window_open_builtin_pack (window);
  while (entente_window_get_pack (window) == NULL)
    entente_test_iterate (20);

  /* One card learned. */
  entente_fsrs_card_init (&card, 1000);
  card.state = ENTENTE_FSRS_STATE_REVIEW;
  log.rating = ENTENTE_FSRS_RATING_GOOD;
  log.review = 1000;
  g_assert_cmpint (entente_progress_store_record_review (store, "khan-sultana-sco", "card-x", &log, &card, 10,
                                                         &error), >, 0);
  g_assert_no_error (error);

  preferences = entente_preferences_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  entente_test_iterate (200);
  button = gtk_widget_get_ancestor (entente_test_find_label (preferences, "Reset…"), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  entente_test_iterate (200);
  dialogs = entente_test_list_windows (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialogs);
  entente_test_screenshot (dialogs->data, "preferences-reset");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialogs->data), "reset");
  g_list_free (dialogs);
  entente_test_iterate (100);

  g_assert_false (entente_progress_store_lookup_card (store, "khan-sultana-sco", "card-x", &card, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  entente_test_iterate (50);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title,
          GType       type)
{
  GtkWidget *label = entente_test_find_label (root, title);
  GtkWidget *row = label != NULL ? gtk_widget_get_ancestor (label, type) : NULL;

  g_assert_nonnull (row);
  return row;
}

/* The exam defaults: written as they are changed, following the settings, and never
 * without a kind of question. */
static void
test_preferences_exam_defaults (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *no_map[] = { "choice", "basic", "cloze", NULL };
  const char *cloze[] = { "cloze", NULL };
  g_auto(GStrv) kinds = NULL;
  GtkWidget *preferences;
  GtkWidget *row;
  GtkWidget *cloze_switch;

  g_settings_reset (settings, "exam-kinds");
  g_settings_reset (settings, "exam-question-count");
  g_settings_reset (settings, "exam-time-limit");

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  entente_test_iterate (300);
  preferences = find_preferences ();
  g_assert_nonnull (preferences);
  g_assert_nonnull (entente_test_find_label (preferences, "Practice Exams"));

  /* The defaults as shipped: 20 questions, every kind, no time limit. */
  row = find_row (preferences, "Questions", ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
  row = find_row (preferences, "Time Limit", ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  cloze_switch = entente_test_find_child (find_row (preferences, "Gaps in a Sentence", ADW_TYPE_ACTION_ROW),
                                          GTK_TYPE_SWITCH);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (cloze_switch)));

  /* Each change is written at once. */
  adw_action_row_activate (ADW_ACTION_ROW (find_row (preferences, "States on the Map", ADW_TYPE_ACTION_ROW)));
  entente_test_iterate (400);   /* a switch turns when its animation ends */
  kinds = g_settings_get_strv (settings, "exam-kinds");
  g_assert_cmpstrv (kinds, no_map);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (preferences, "Questions", ADW_TYPE_COMBO_ROW)), 2);
  g_assert_cmpuint (g_settings_get_uint (settings, "exam-question-count"), ==, 40);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (preferences, "Questions", ADW_TYPE_COMBO_ROW)), 3);
  g_assert_cmpuint (g_settings_get_uint (settings, "exam-question-count"), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (preferences, "Time Limit", ADW_TYPE_COMBO_ROW)), 3);
  g_assert_cmpuint (g_settings_get_uint (settings, "exam-time-limit"), ==, 30);

  /* The rows follow the settings; a number between the choices shows as the nearest. */
  g_settings_set_uint (settings, "exam-question-count", 15);
  entente_test_iterate (20);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (preferences, "Questions",
                                                                           ADW_TYPE_COMBO_ROW))), ==, 1);
  g_settings_set_strv (settings, "exam-kinds", cloze);
  entente_test_iterate (20);
  g_strfreev (kinds);
  kinds = g_settings_get_strv (settings, "exam-kinds");
  g_assert_cmpstrv (kinds, cloze);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (cloze_switch)));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (entente_test_find_child (find_row (preferences, "Multiple Choice",
                                                                                         ADW_TYPE_ACTION_ROW),
                                                                               GTK_TYPE_SWITCH))));

  /* The last kind on cannot be turned off: an exam needs one. */
  g_assert_false (gtk_widget_is_sensitive (cloze_switch));
  adw_action_row_activate (ADW_ACTION_ROW (find_row (preferences, "Gaps in a Sentence", ADW_TYPE_ACTION_ROW)));
  entente_test_iterate (400);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (cloze_switch)));
  g_strfreev (kinds);
  kinds = g_settings_get_strv (settings, "exam-kinds");
  g_assert_cmpstrv (kinds, cloze);
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (cloze_switch, GTK_TYPE_SCROLLED_WINDOW)));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    entente_test_iterate (50);
    entente_test_screenshot (preferences, "preferences-exams");
    entente_test_set_dark (TRUE);
    entente_test_screenshot (preferences, "preferences-exams-dark");
    entente_test_set_dark (FALSE);
    entente_test_resize (GTK_WINDOW (preferences), 360, 640);
    entente_test_screenshot (preferences, "preferences-exams-narrow");
  }

  g_settings_reset (settings, "exam-kinds");
  g_settings_reset (settings, "exam-question-count");
  g_settings_reset (settings, "exam-time-limit");
  gtk_window_destroy (GTK_WINDOW (preferences));
  entente_test_iterate (50);
}

static void
test_guide_parse (void)
{
  g_autoptr(GPtrArray) blocks = entente_guide_parse ("# Title\n\nSome **bold** and *italic* text\n"
                                                     "that goes on, with `code` & a [link](x.md).\n\n"
                                                     "## Part\n\n- one item\n  continued\n- two <items>\n");

  g_assert_cmpuint (blocks->len, ==, 5);
  g_assert_cmpstr (blocks->pdata[0], ==, "h1:Title");
  g_assert_cmpstr (blocks->pdata[1], ==,
                   "p:Some <b>bold</b> and <i>italic</i> text that goes on, with <tt>code</tt> &amp; a link.");
  g_assert_cmpstr (blocks->pdata[2], ==, "h2:Part");
  g_assert_cmpstr (blocks->pdata[3], ==, "li:one item continued");
  g_assert_cmpstr (blocks->pdata[4], ==, "li:two &lt;items&gt;");
}

static void
test_guide_window (void)
{
  GList *windows;
  GtkWidget *guide;

  /* F1 (app.help) opens the guide, compiled into the app. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  entente_test_iterate (300);
  windows = entente_test_list_windows (ENTENTE_TYPE_GUIDE_WINDOW);
  g_assert_nonnull (windows);
  guide = windows->data;
  g_list_free (windows);
  g_assert_nonnull (entente_test_find_label (guide, "Entente user guide"));
  g_assert_nonnull (entente_test_find_label (guide, "3. Review (Alt+3)"));
  entente_test_screenshot (guide, "guide");
  gtk_window_destroy (GTK_WINDOW (guide));
  entente_test_iterate (50);
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

  g_test_add_func ("/entente/preferences/window", test_preferences_window);
  g_test_add_func ("/entente/preferences/reset", test_preferences_reset);
  g_test_add_func ("/entente/preferences/exam-defaults", test_preferences_exam_defaults);
  g_test_add_func ("/entente/guide/parse", test_guide_parse);
  g_test_add_func ("/entente/guide/window", test_guide_window);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
