/* test-exam-page.c: the Practice page under Xvfb — an exam sat from setup to results,
 * kept across a restart, paused, its mistakes counted as correct; a map quiz; with
 * screenshots.
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-application.h"
#include "entente-exam-page.h"
#include "entente-map-view.h"
#include "entente-pack-loader.h"
#include "entente-progress-store.h"
#include "entente-question-view.h"
#include "entente-test-ui.h"
#include "entente-window.h"

static EntenteApplication *app;

typedef struct
{
  GtkWindow            *window;
  EntenteExamPage      *page;
  EntentePack          *pack;
  EntenteProgressStore *store;
} Fixture;

static EntentePack *
load_pack_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EntentePack *pack = entente_pack_load_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static void
open_page (Fixture *fixture)
{
  fixture->page = ENTENTE_EXAM_PAGE (entente_exam_page_new ());
  fixture->window = GTK_WINDOW (adw_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 900, 700);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  entente_test_wait_for_map (fixture->window);
  entente_exam_page_set_store (fixture->page, fixture->store);
  entente_exam_page_set_pack (fixture->page, fixture->pack);
  entente_test_iterate (50);
}

static void
close_page (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  fixture->page = NULL;
  entente_test_iterate (20);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "exam-test", "progress.db", NULL);

  fixture->store = entente_progress_store_open (path, &error);
  g_assert_no_error (error);
  fixture->pack = load_pack_file ("review-fixture.json");
  open_page (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_page (fixture);
  g_clear_object (&fixture->pack);
  g_clear_object (&fixture->store);
}

static gboolean
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  gboolean done = gtk_widget_activate_action_variant (GTK_WIDGET (fixture->page), action, parameter);

  entente_test_iterate (30);
  return done;
}

/* Answers the question on show, right or wrong. */
static void
answer (Fixture  *fixture,
        gboolean  right)
{
  EntenteExam *exam = entente_exam_page_get_exam (fixture->page);
  guint position = entente_exam_get_current (exam);
  GtkWidget *entry;

  switch (entente_exam_get_kind (exam, position))
    {
    case ENTENTE_EXAM_KIND_CHOICE:
      {
        int choice = entente_exam_get_right_choice (exam, position);

        if (!right)
          choice = (choice + 1) % 4;
        g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (fixture->page), GDK_KEY_1 + choice, 0));
      }
      break;
    case ENTENTE_EXAM_KIND_BASIC:
    case ENTENTE_EXAM_KIND_CLOZE:
      {
        g_autofree char *text = right ? entente_exam_dup_right_answer (exam, position) : g_strdup ("Лондон");

        entry = entente_test_find_child (GTK_WIDGET (fixture->page), GTK_TYPE_ENTRY);
        g_assert_nonnull (entry);
        gtk_editable_set_text (GTK_EDITABLE (entry), text);
      }
      break;
    case ENTENTE_EXAM_KIND_MAP:
      {
        EntenteCard *card = entente_exam_get_card (exam, position);

        g_signal_emit_by_name (entente_exam_page_get_map_view (fixture->page), "country-activated",
                               right ? entente_card_get_answer_code (card) : "DE");
      }
      break;
    default:
      g_assert_not_reached ();
    }
  entente_test_iterate (20);
}

/* Picks the state @name from the list under the map through the row's own action, the
 * one a screen reader uses (Enter on the row, or a click, activates it the same way). */
static void
pick_from_list (Fixture    *fixture,
                const char *name)
{
  GtkWidget *map = entente_exam_page_get_map_view (fixture->page);
  GtkWidget *view = map != NULL ? gtk_widget_get_ancestor (map, ENTENTE_TYPE_QUESTION_VIEW) : NULL;
  GtkWidget *list;
  GtkWidget *row;

  g_assert_nonnull (view);
  list = entente_question_view_get_state_list (ENTENTE_QUESTION_VIEW (view));
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_visible (list) && gtk_widget_is_sensitive (list));
  for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (entente_test_find_label (row, name) != NULL)
      break;
  g_assert_nonnull (row);
  /* Each row is a stop for the keyboard, named for a screen reader. */
  g_assert_true (gtk_widget_get_focusable (row));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_activate_action (row, "state.pick", NULL));
  entente_test_iterate (30);
}

static GtkWidget *
find_dialog (void)
{
  GList *dialogs = entente_test_list_windows (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *dialog = dialogs != NULL ? dialogs->data : NULL;

  g_list_free (dialogs);
  return dialog;
}

static gboolean
count_result_cb (const EntenteProgressResult *result,
                 gpointer                     user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static guint
count_results (Fixture *fixture)
{
  guint n = 0;

  g_assert_true (entente_progress_store_foreach_result (fixture->store, "review-fixture", TRUE,
                                                       count_result_cb, &n, NULL));
  return n;
}

/* How many labels reading @text are on screen below @widget. */
static guint
count_shown_labels (GtkWidget  *widget,
                    const char *text)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_shown_labels (child, text);

  return n;
}

static void
test_exam_sit (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);
  EntenteExam *exam;
  guint wrong = G_MAXUINT;

  entente_test_screenshot (GTK_WIDGET (fixture->window), "exam-setup");
  g_assert_cmpint (entente_exam_page_get_state (fixture->page), ==, ENTENTE_EXAM_PAGE_SETUP);

  g_assert_true (entente_exam_page_start (fixture->page, NULL, ENTENTE_EXAM_ALL_QUESTIONS,
                                          ENTENTE_EXAM_KINDS_ALL, 0, 0x2a));
  entente_test_iterate (50);
  exam = entente_exam_page_get_exam (fixture->page);
  g_assert_nonnull (exam);
  g_assert_cmpuint (entente_exam_get_n_questions (exam), ==, 5);
  g_assert_cmpint (entente_exam_page_get_state (fixture->page), ==, ENTENTE_EXAM_PAGE_QUESTION);
  g_assert_nonnull (entente_test_find_label (root, "Question 1 of 5 · 5 unanswered"));

  /* Every question answered, one of them wrong (a typed one, if there is one); no
   * feedback is given on the way. */
  for (guint i = 0; i < 5; i++)
    if (wrong == G_MAXUINT && entente_exam_get_kind (exam, i) == ENTENTE_EXAM_KIND_BASIC)
      wrong = i;
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpuint (entente_exam_get_current (exam), ==, i);
      answer (fixture, i != wrong);
      if (i == 1)
        entente_test_screenshot (GTK_WIDGET (fixture->window), "exam-question");
      g_assert_null (entente_test_find_label (root, "Right"));
      /* One Finish button, also on the last question, where Next reads Finish. */
      g_assert_cmpuint (count_shown_labels (root, "Finish"), ==, 1);
      g_assert_cmpuint (count_shown_labels (root, "Next"), ==, i + 1 < 5 ? 1 : 0);
      g_assert_true (activate (fixture, "exam.next", NULL));
    }

  /* All answered: the last Next finishes at once, and the result is kept. */
  g_assert_cmpint (entente_exam_page_get_state (fixture->page), ==, ENTENTE_EXAM_PAGE_RESULTS);
  g_assert_nonnull (entente_test_find_label (root, "4 of 5 right · 80 %"));
  g_assert_nonnull (entente_test_find_label (root, "Your answer: Лондон"));
  g_assert_cmpuint (count_results (fixture), ==, 1);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "exam-results");

  /* The results fit a narrow window: the buttons wrap rather than widen it. */
  entente_test_resize (fixture->window, 360, 640);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, 360);
  {
    GtkWidget *retake = gtk_widget_get_ancestor (entente_test_find_label (root, "Retake Mistakes"),
                                                 GTK_TYPE_BUTTON);
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (retake, GTK_WIDGET (fixture->window), &bounds));
    g_assert_cmpfloat (bounds.origin.x, >=, 0);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 360);
  }
  entente_test_screenshot (GTK_WIDGET (fixture->window), "exam-results-narrow");

  /* "Count as correct" after seeing the answer. */
  g_signal_emit_by_name (gtk_widget_get_ancestor (entente_test_find_label (root, "Count as Correct"),
                                                  GTK_TYPE_BUTTON), "clicked");
  entente_test_iterate (30);
  g_assert_nonnull (entente_test_find_label (root, "5 of 5 right · 100 %"));
  g_assert_cmpuint (count_results (fixture), ==, 1);

  /* Back to the setup: the history lists the exam. */
  g_assert_true (activate (fixture, "exam.new", NULL));
  g_assert_cmpint (entente_exam_page_get_state (fixture->page), ==, ENTENTE_EXAM_PAGE_SETUP);
  g_assert_nonnull (entente_test_find_label (root, "Exam: 5 of 5 (100 %)"));
}

static void
test_exam_same_seed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) first = g_ptr_array_new ();
  EntenteExam *exam;

  g_assert_true (entente_exam_page_start (fixture->page, NULL, ENTENTE_EXAM_ALL_QUESTIONS,
                                          ENTENTE_EXAM_KINDS_ALL, 0, 7));
  exam = entente_exam_page_get_exam (fixture->page);
  for (guint i = 0; i < entente_exam_get_n_questions (exam); i++)
    g_ptr_array_add (first, (gpointer) entente_card_get_id (entente_exam_get_card (exam, i)));

  g_assert_true (entente_exam_page_start (fixture->page, NULL, ENTENTE_EXAM_ALL_QUESTIONS,
                                          ENTENTE_EXAM_KINDS_ALL, 0, 7));
  exam = entente_exam_page_get_exam (fixture->page);
  for (guint i = 0; i < entente_exam_get_n_questions (exam); i++)
    g_assert_cmpstr (first->pdata[i], ==, entente_card_get_id (entente_exam_get_card (exam, i)));
}

static void
test_exam_resume (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *dialog;
  EntenteExam *exam;

  g_assert_true (entente_exam_page_start (fixture->page, NULL, ENTENTE_EXAM_ALL_QUESTIONS,
                                          ENTENTE_EXAM_KINDS_ALL, 600, 0x51));
  answer (fixture, TRUE);
  g_assert_true (activate (fixture, "exam.next", NULL));
  answer (fixture, TRUE);

  /* Pausing stops the clock and hides the question. */
  g_assert_true (activate (fixture, "exam.pause", NULL));
  exam = entente_exam_page_get_exam (fixture->page);
  g_assert_false (entente_exam_is_running (exam));
  g_assert_nonnull (entente_test_find_label (GTK_WIDGET (fixture->page), "Paused"));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "exam-paused");
  g_assert_true (activate (fixture, "exam.pause", NULL));
  g_assert_true (entente_exam_is_running (exam));

  /* Leaving asks first. */
  g_assert_true (activate (fixture, "exam.leave", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "leave");
  entente_test_iterate (50);
  g_assert_cmpint (entente_exam_page_get_state (fixture->page), ==, ENTENTE_EXAM_PAGE_SETUP);

  /* The app closes and opens again: the exam is there to resume, answers and all. */
  close_page (fixture);
  open_page (fixture);
  g_assert_nonnull (entente_test_find_label (GTK_WIDGET (fixture->page), "An Exam Is in Progress"));
  g_assert_true (activate (fixture, "exam.resume", NULL));
  exam = entente_exam_page_get_exam (fixture->page);
  g_assert_nonnull (exam);
  g_assert_cmpuint (entente_exam_get_n_answered (exam), ==, 2);
  g_assert_cmpuint (entente_exam_get_current (exam), ==, 1);
  g_assert_cmpint (entente_exam_page_get_state (fixture->page), ==, ENTENTE_EXAM_PAGE_QUESTION);

  /* Finishing with questions unanswered asks first, too. */
  g_assert_true (activate (fixture, "exam.finish", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "finish");
  entente_test_iterate (50);
  g_assert_cmpint (entente_exam_page_get_state (fixture->page), ==, ENTENTE_EXAM_PAGE_RESULTS);
  g_assert_null (entente_progress_store_dup_exam_in_progress (fixture->store, "review-fixture", NULL));
}

static void
test_exam_map_quiz (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);
  EntenteMapQuiz *quiz;
  guint n;

  /* "Find the state", members, all questions. */
  g_assert_true (activate (fixture, "exam.start-quiz", NULL));
  quiz = entente_exam_page_get_quiz (fixture->page);
  g_assert_nonnull (quiz);
  n = entente_map_quiz_get_n_questions (quiz);
  g_assert_cmpuint (n, ==, 3);
  entente_test_iterate (200);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "quiz-find");

  for (guint i = 0; i < n; i++)
    {
      const char *code = entente_map_quiz_get_code (quiz, i);

      g_signal_emit_by_name (entente_exam_page_get_map_view (fixture->page), "country-activated",
                             i == 0 ? (g_str_equal (code, "FR") ? "DE" : "FR") : code);
      entente_test_iterate (30);
      if (i == 0)
        {
          g_assert_true (entente_test_find_label (root, "Right") == NULL);
          entente_test_screenshot (GTK_WIDGET (fixture->window), "quiz-wrong");
        }
      else
        g_assert_nonnull (entente_test_find_label (root, "Right"));
      g_assert_true (activate (fixture, "exam.next", NULL));
    }

  g_assert_cmpint (entente_exam_page_get_state (fixture->page), ==, ENTENTE_EXAM_PAGE_RESULTS);
  g_assert_nonnull (entente_test_find_label (root, "2 of 3 right · 67 %"));
  g_assert_cmpuint (count_results (fixture), ==, 1);
}

/* An exam of map questions answered from the list alone: the same answer as a click. */
static void
test_exam_map_list (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);
  EntenteMapView *map;
  EntenteExam *exam;
  GtkWidget *focus;

  g_assert_true (entente_exam_page_start (fixture->page, NULL, ENTENTE_EXAM_ALL_QUESTIONS,
                                          ENTENTE_EXAM_KIND_MAP, 0, 5));
  entente_test_iterate (50);
  exam = entente_exam_page_get_exam (fixture->page);
  g_assert_cmpuint (entente_exam_get_n_questions (exam), ==, 1);
  g_assert_cmpstr (entente_card_get_answer_code (entente_exam_get_card (exam, 0)), ==, "PL");
  g_assert_nonnull (entente_test_find_label (root, "Or choose it from the list:"));

  /* By keyboard: the map has the focus; Tab walks its states, then leaves it for the
   * list, where Down moves and Enter picks. A pick shows on the map as a click would. */
  map = ENTENTE_MAP_VIEW (entente_exam_page_get_map_view (fixture->page));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (map)));
  focus = NULL;
  for (guint i = 0; i < 10 && !GTK_IS_LIST_BOX_ROW (focus); i++)
    {
      gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    }
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_nonnull (entente_test_find_label (focus, "France"));
  g_assert_true (entente_test_activate_shortcut (focus, GDK_KEY_Down, 0));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (entente_test_find_label (focus, "Germany"));
  g_assert_true (entente_test_activate_shortcut (focus, GDK_KEY_Return, 0));
  entente_test_iterate (30);
  g_assert_cmpstr (entente_exam_get_given_text (exam, 0), ==, "DE");
  g_assert_cmpstr (entente_map_view_get_selected_code (map), ==, "DE");
  g_assert_null (entente_test_find_label (root, "Right"));
  entente_test_iterate (200);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "exam-map-list");
  pick_from_list (fixture, "Poland");
  g_assert_cmpstr (entente_exam_get_given_text (exam, 0), ==, "PL");
  g_assert_cmpstr (entente_map_view_get_selected_code (map), ==, "PL");
  g_assert_cmpuint (entente_exam_get_n_answered (exam), ==, 1);
  entente_test_set_dark (TRUE);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "exam-map-list-dark");
  entente_test_set_dark (FALSE);
  entente_test_resize (fixture->window, 360, 640);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->page)), ==, 360);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "exam-map-list-narrow");

  g_assert_true (activate (fixture, "exam.next", NULL));
  g_assert_cmpint (entente_exam_page_get_state (fixture->page), ==, ENTENTE_EXAM_PAGE_RESULTS);
  g_assert_nonnull (entente_test_find_label (root, "1 of 1 right · 100 %"));
}

/* The map quiz's "find the state" from the list: graded and marked as a click is. */
static void
test_exam_map_quiz_list (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);
  EntenteMapQuiz *quiz;
  guint n;

  g_assert_true (activate (fixture, "exam.start-quiz", NULL));
  quiz = entente_exam_page_get_quiz (fixture->page);
  n = entente_map_quiz_get_n_questions (quiz);
  g_assert_cmpuint (n, ==, 3);

  for (guint i = 0; i < n; i++)
    {
      const char *code = entente_map_quiz_get_code (quiz, i);
      const char *wrong = g_str_equal (code, "FR") ? "DE" : "FR";
      EntenteMapView *map = ENTENTE_MAP_VIEW (entente_exam_page_get_map_view (fixture->page));
      GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (map), ENTENTE_TYPE_QUESTION_VIEW);

      pick_from_list (fixture, entente_pack_get_state_name (fixture->pack, i == 0 ? wrong : code));
      g_assert_true (entente_map_quiz_is_answered (quiz, i));
      g_assert_cmpstr (entente_map_view_get_selected_code (map), ==, code);
      if (i == 0)
        {
          g_autofree char *text = g_strdup_printf ("Not quite: you picked %s, outlined dashed; %s is outlined",
                                                   entente_pack_get_state_name (fixture->pack, wrong),
                                                   entente_map_quiz_get_name (quiz, i));

          g_assert_false (entente_map_quiz_is_correct (quiz, i));
          g_assert_cmpstr (entente_map_view_get_marked_code (map), ==, wrong);
          g_assert_nonnull (entente_test_find_label (root, text));
        }
      else
        {
          g_assert_true (entente_map_quiz_is_correct (quiz, i));
          g_assert_null (entente_map_view_get_marked_code (map));
          g_assert_nonnull (entente_test_find_label (root, "Right"));
        }
      /* Answered: the list goes, the verdict is in sight. */
      g_assert_false (gtk_widget_get_mapped (entente_question_view_get_state_list (ENTENTE_QUESTION_VIEW (view))));
      g_assert_true (activate (fixture, "exam.next", NULL));
    }

  g_assert_cmpint (entente_exam_page_get_state (fixture->page), ==, ENTENTE_EXAM_PAGE_RESULTS);
  g_assert_nonnull (entente_test_find_label (root, "2 of 3 right · 67 %"));
}

static gboolean
all_of_kinds (EntenteExam      *exam,
              EntenteExamKinds  kinds)
{
  for (guint i = 0; i < entente_exam_get_n_questions (exam); i++)
    if ((entente_exam_get_kind (exam, i) & kinds) == 0)
      return FALSE;

  return TRUE;
}

/* The setup starts from the exam defaults in Preferences; a choice made in it is for one
 * exam and leaves the defaults be. */
static void
test_exam_defaults (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *kinds[] = { "choice", "map", NULL };
  g_auto(GStrv) kept = NULL;
  GtkWidget *row;
  EntenteExam *exam;

  /* A change of the defaults shows in the setup at once. */
  g_settings_set_strv (settings, "exam-kinds", kinds);
  g_settings_set_uint (settings, "exam-time-limit", 30);
  g_settings_set_uint (settings, "exam-question-count", 10);
  entente_test_iterate (30);

  g_assert_true (activate (fixture, "exam.start", NULL));
  exam = entente_exam_page_get_exam (fixture->page);
  g_assert_nonnull (exam);
  /* The fixture has one choice card and one map card. */
  g_assert_cmpuint (entente_exam_get_n_questions (exam), ==, 2);
  g_assert_true (all_of_kinds (exam, ENTENTE_EXAM_KIND_CHOICE | ENTENTE_EXAM_KIND_MAP));
  g_assert_cmpuint (entente_exam_get_time_limit (exam), ==, 30 * 60);

  /* Back in the setup, "Multiple Choice" is unticked for the next exam only. */
  g_assert_true (activate (fixture, "exam.new", NULL));
  g_assert_cmpint (entente_exam_page_get_state (fixture->page), ==, ENTENTE_EXAM_PAGE_SETUP);
  row = gtk_widget_get_ancestor (entente_test_find_label (GTK_WIDGET (fixture->page), "Multiple Choice"),
                                 ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_true (activate (fixture, "exam.start", NULL));
  exam = entente_exam_page_get_exam (fixture->page);
  g_assert_cmpuint (entente_exam_get_n_questions (exam), ==, 1);
  g_assert_true (all_of_kinds (exam, ENTENTE_EXAM_KIND_MAP));
  kept = g_settings_get_strv (settings, "exam-kinds");
  g_assert_cmpstrv (kept, kinds);

  /* The setup shown again starts from the defaults again. */
  g_assert_true (activate (fixture, "exam.new", NULL));
  g_assert_true (activate (fixture, "exam.start", NULL));
  exam = entente_exam_page_get_exam (fixture->page);
  g_assert_cmpuint (entente_exam_get_n_questions (exam), ==, 2);

  /* Numbers between the setup's choices are taken as the nearest. */
  g_assert_cmpuint (entente_exam_page_get_count_choice (entente_exam_page_find_count_choice (0)), ==,
                    ENTENTE_EXAM_ALL_QUESTIONS);
  g_assert_cmpuint (entente_exam_page_get_count_choice (entente_exam_page_find_count_choice (14)), ==, 10);
  g_assert_cmpuint (entente_exam_page_get_count_choice (entente_exam_page_find_count_choice (15)), ==, 20);
  g_assert_cmpuint (entente_exam_page_get_count_choice (entente_exam_page_find_count_choice (500)), ==, 40);
  g_assert_cmpuint (entente_exam_page_get_time_limit_choice (entente_exam_page_find_time_limit_choice (0)), ==, 0);
  g_assert_cmpuint (entente_exam_page_get_time_limit_choice (entente_exam_page_find_time_limit_choice (1)), ==, 10);
  g_assert_cmpuint (entente_exam_page_get_time_limit_choice (entente_exam_page_find_time_limit_choice (45)), ==, 60);
  g_assert_cmpuint (entente_exam_page_get_time_limit_choice (entente_exam_page_find_time_limit_choice (600)), ==, 60);
  g_assert_cmpuint (entente_exam_page_kinds_from_names ((const char *[]) { "cloze", "nonsense", NULL }), ==,
                    ENTENTE_EXAM_KIND_CLOZE);
  g_assert_cmpuint (entente_exam_page_kinds_from_names ((const char *[]) { NULL }), ==, ENTENTE_EXAM_KINDS_ALL);

  g_settings_reset (settings, "exam-kinds");
  g_settings_reset (settings, "exam-time-limit");
  g_settings_reset (settings, "exam-question-count");
}

static void
test_exam_narrow_dark (Fixture       *fixture,
                       gconstpointer  data)
{
  entente_test_set_dark (TRUE);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "exam-setup-dark");
  g_assert_true (entente_exam_page_start (fixture->page, NULL, ENTENTE_EXAM_ALL_QUESTIONS,
                                          ENTENTE_EXAM_KIND_CHOICE, 0, 3));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "exam-question-dark");
  entente_test_set_dark (FALSE);
  entente_test_resize (fixture->window, 360, 640);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->page)), ==, 360);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "exam-question-narrow");
}

static void
test_exam_window (void)
{
  EntenteWindow *window = entente_window_new (app);
  AdwViewStack *stack;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  gtk_window_present (GTK_WINDOW (window));
  entente_window_open_builtin_pack (window);
  entente_test_wait_for_map (GTK_WINDOW (window));
  while (entente_window_get_pack (window) == NULL)
    entente_test_iterate (20);

  /* Alt+4 shows the Practice page. */
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_4, GDK_ALT_MASK));
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (entente_window_get_exam_page (window)),
                                                   ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "practice");
  entente_test_iterate (100);
  entente_test_screenshot (GTK_WIDGET (window), "exam-window");

  gtk_window_destroy (GTK_WINDOW (window));
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

#define ADD(path, func) \
  g_test_add ("/entente/exam/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sit", test_exam_sit);
  ADD ("same-seed", test_exam_same_seed);
  ADD ("resume", test_exam_resume);
  ADD ("map-quiz", test_exam_map_quiz);
  ADD ("map-list", test_exam_map_list);
  ADD ("defaults", test_exam_defaults);
  ADD ("map-quiz-list", test_exam_map_quiz_list);
  ADD ("narrow-dark", test_exam_narrow_dark);
  g_test_add_func ("/entente/exam/window", test_exam_window);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
