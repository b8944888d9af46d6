/* entente-exam-page.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "entente-atlas.h"
#include "entente-date.h"
#include "entente-exam-page.h"
#include "entente-map-view.h"
#include "entente-question-view.h"

struct _EntenteExamPage
{
  GtkWidget             parent_instance;

  EntentePack          *pack;
  EntenteProgressStore *store;
  EntenteAtlas         *atlas;
  GSettings            *settings;

  /* template */
  GtkStack             *stack;
  AdwPreferencesGroup  *resume_group;
  AdwActionRow         *resume_row;
  AdwExpanderRow       *sections_row;
  AdwComboRow          *count_row;
  GtkCheckButton       *choice_check;
  GtkCheckButton       *basic_check;
  GtkCheckButton       *cloze_check;
  GtkCheckButton       *map_check;
  AdwComboRow          *time_row;
  AdwEntryRow          *seed_row;
  GtkLabel             *setup_error;
  AdwComboRow          *quiz_mode_row;
  AdwComboRow          *quiz_states_row;
  AdwComboRow          *quiz_count_row;
  AdwPreferencesGroup  *history_group;
  GtkListBox           *history_list;
  GtkLabel             *position_label;
  GtkLabel             *timer_label;
  GtkToggleButton      *pause_button;
  GtkStack             *question_stack;
  GtkScrolledWindow    *question_scroller;
  GtkBox               *question_box;
  GtkWidget            *leave_button;
  GtkWidget            *previous_button;
  GtkWidget            *next_button;
  GtkWidget            *finish_button;
  GtkScrolledWindow    *results_scroller;
  GtkBox               *results_box;

  GPtrArray            *section_checks;   /* GtkCheckButton *, with "section-id" data */

  EntenteExamPageState  state;
  EntenteExam          *exam;
  EntenteExamResult    *result;
  gint64                result_id;
  EntenteMapQuiz       *quiz;
  gboolean              quiz_feedback;    /* the quiz question on show has been answered */
  guint                 tick_id;

  EntenteQuestionView  *question;         /* the question on show */
};

G_DEFINE_FINAL_TYPE (EntenteExamPage, entente_exam_page, GTK_TYPE_WIDGET)

enum {
  SHOW_SECTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_question (EntenteExamPage *self);
static void show_setup    (EntenteExamPage *self);

static const guint count_choices[] = { 10, 20, 40, ENTENTE_EXAM_ALL_QUESTIONS };
static const guint time_limit_choices[] = { 0, 10, 20, 30, 60 };   /* minutes */

static const struct {
  const char       *name;
  EntenteExamKinds  kind;
} kind_names[] = {
  { "choice", ENTENTE_EXAM_KIND_CHOICE },
  { "basic", ENTENTE_EXAM_KIND_BASIC },
  { "cloze", ENTENTE_EXAM_KIND_CLOZE },
  { "map", ENTENTE_EXAM_KIND_MAP },
};

guint
entente_exam_page_get_count_choice (guint position)
{
  return count_choices[MIN (position, G_N_ELEMENTS (count_choices) - 1)];
}

/* The position of the choice from @first to @last nearest @value (the later of two as
 * near). */
static guint
nearest_choice (const guint *choices,
                guint        first,
                guint        last,
                guint        value)
{
  guint best = first;

  for (guint i = first + 1; i <= last; i++)
    if (ABS ((int) choices[i] - (int) value) <= ABS ((int) choices[best] - (int) value))
      best = i;

  return best;
}

/* The nearest count; 0 is all, and only 0. */
guint
entente_exam_page_find_count_choice (guint n_questions)
{
  if (n_questions == ENTENTE_EXAM_ALL_QUESTIONS)
    return G_N_ELEMENTS (count_choices) - 1;

  return nearest_choice (count_choices, 0, G_N_ELEMENTS (count_choices) - 2, n_questions);
}

guint
entente_exam_page_get_time_limit_choice (guint position)
{
  return time_limit_choices[MIN (position, G_N_ELEMENTS (time_limit_choices) - 1)];
}

/* The nearest limit; 0 is none, and only 0. */
guint
entente_exam_page_find_time_limit_choice (guint minutes)
{
  if (minutes == 0)
    return 0;

  return nearest_choice (time_limit_choices, 1, G_N_ELEMENTS (time_limit_choices) - 1, minutes);
}

EntenteExamKinds
entente_exam_page_kinds_from_names (const char * const *names)
{
  EntenteExamKinds kinds = 0;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (kind_names); j++)
      if (g_str_equal (names[i], kind_names[j].name))
        kinds |= kind_names[j].kind;

  return kinds != 0 ? kinds : ENTENTE_EXAM_KINDS_ALL;
}

/* The setup starts from the exam defaults in Preferences each time it is shown and
 * whenever they change; what is chosen in it is for one exam and leaves them be. */
static void
load_exam_defaults (EntenteExamPage *self)
{
  g_auto(GStrv) names = g_settings_get_strv (self->settings, "exam-kinds");
  EntenteExamKinds kinds = entente_exam_page_kinds_from_names ((const char * const *) names);

  adw_combo_row_set_selected (self->count_row,
                              entente_exam_page_find_count_choice (g_settings_get_uint (self->settings,
                                                                                        "exam-question-count")));
  adw_combo_row_set_selected (self->time_row,
                              entente_exam_page_find_time_limit_choice (g_settings_get_uint (self->settings,
                                                                                             "exam-time-limit")));
  gtk_check_button_set_active (self->choice_check, (kinds & ENTENTE_EXAM_KIND_CHOICE) != 0);
  gtk_check_button_set_active (self->basic_check, (kinds & ENTENTE_EXAM_KIND_BASIC) != 0);
  gtk_check_button_set_active (self->cloze_check, (kinds & ENTENTE_EXAM_KIND_CLOZE) != 0);
  gtk_check_button_set_active (self->map_check, (kinds & ENTENTE_EXAM_KIND_MAP) != 0);
}

static void
settings_changed_cb (EntenteExamPage *self,
                     const char      *key)
{
  if (g_str_has_prefix (key, "exam-"))
    load_exam_defaults (self);
}

static gint64
now_ms (void)
{
  return g_get_monotonic_time () / 1000;
}

static gboolean
can_save (EntenteExamPage *self)
{
  return self->store != NULL && !entente_progress_store_get_read_only (self->store);
}

static char *
format_duration (gint64 ms)
{
  gint64 seconds = MAX (ms, 0) / 1000;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60),
                            (int) (seconds % 60));

  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* Saving */

static void
save_in_progress (EntenteExamPage *self)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  if (self->exam == NULL || !can_save (self) || entente_exam_is_finished (self->exam))
    return;

  node = entente_exam_to_json (self->exam, now_ms ());
  json = json_to_string (node, FALSE);
  if (!entente_progress_store_save_exam_in_progress (self->store, entente_pack_get_id (self->pack),
                                                     json, &error))
    g_warning ("Could not keep the exam in progress: %s", error->message);
}

/* The setup */

static void
update_sections_subtitle (EntenteExamPage *self)
{
  guint n = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->section_checks->len; i++)
    if (gtk_check_button_get_active (self->section_checks->pdata[i]))
      n++;

  if (n == 0)
    text = g_strdup (_("The whole text"));
  else
    /* Translators: the subtitle of the Sections row when setting up a practice exam; %u is
       the number of outline sections ticked, whose questions the exam draws from */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section chosen, with its subsections",
                                         "%u sections chosen, with their subsections", n), n);
  adw_expander_row_set_subtitle (self->sections_row, text);
}

static void
add_section_rows (EntenteExamPage *self,
                  GListModel      *sections)
{
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(EntenteSection) section = g_list_model_get_item (sections, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entente_section_get_title (section));
      gtk_widget_set_margin_start (check, 18 * entente_section_get_depth (section));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "section-id",
                              g_strdup (entente_section_get_id (section)), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (update_sections_subtitle), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->section_checks, check);
      adw_expander_row_add_row (self->sections_row, row);

      add_section_rows (self, entente_section_get_children (section));
    }
}

static void
rebuild_section_rows (EntenteExamPage *self)
{
  /* AdwExpanderRow 1.2 has no way to remove its rows: the rows of the previous pack are
   * taken out of its list directly. */
  for (guint i = 0; i < self->section_checks->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (self->section_checks->pdata[i], ADW_TYPE_ACTION_ROW);
      GtkWidget *list = row != NULL ? gtk_widget_get_parent (row) : NULL;

      if (GTK_IS_LIST_BOX (list))
        gtk_list_box_remove (GTK_LIST_BOX (list), row);
    }
  g_ptr_array_set_size (self->section_checks, 0);

  if (self->pack != NULL)
    add_section_rows (self, entente_pack_get_outline (self->pack));
  update_sections_subtitle (self);
}

static void
history_row_activated_cb (AdwActionRow    *row,
                          EntenteExamPage *self);

typedef struct
{
  EntenteExamPage *self;
  guint            n;
} HistoryWalk;

static gboolean
add_history_row_cb (const EntenteProgressResult *result,
                    gpointer                     user_data)
{
  HistoryWalk *walk = user_data;
  EntenteExamPage *self = walk->self;
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (result->time_ms / 1000);
  g_autofree char *date = g_date_time_format (time, "%x %H:%M");
  g_autofree char *title = NULL;
  double percent = result->n_total > 0 ? 100.0 * result->n_correct / result->n_total : 0.0;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gboolean exam = result->kind == ENTENTE_PROGRESS_RESULT_EXAM;

  if (exam)
    /* Translators: a past exam: "Exam: 14 of 20 (70 %)" */
    title = g_strdup_printf (_("Exam: %u of %u (%.0f %%)"), result->n_correct, result->n_total, percent);
  else
    /* Translators: a past map quiz: "Map quiz: 8 of 10 (80 %)" */
    title = g_strdup_printf (_("Map quiz: %u of %u (%.0f %%)"), result->n_correct, result->n_total, percent);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), exam);
  gtk_widget_set_visible (arrow, exam);
  g_object_set_data_full (G_OBJECT (row), "result-json", g_strdup (result->json), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (history_row_activated_cb), self, 0);
  gtk_list_box_append (self->history_list, row);

  return ++walk->n < 20;
}

static void
update_history (EntenteExamPage *self)
{
  HistoryWalk walk = { self, 0 };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  if (self->pack != NULL && self->store != NULL)
    entente_progress_store_foreach_result (self->store, entente_pack_get_id (self->pack), TRUE,
                                           add_history_row_cb, &walk, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->history_group), walk.n > 0);
}

static void
update_resume (EntenteExamPage *self)
{
  g_autofree char *json = NULL;

  if (self->pack != NULL && self->store != NULL)
    json = entente_progress_store_dup_exam_in_progress (self->store, entente_pack_get_id (self->pack), NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->resume_group), json != NULL && self->exam == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.resume", json != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.discard", json != NULL);
}

static void
stop_tick (EntenteExamPage *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

/* On an exam's last question the Next button reads Finish: the Finish button at the
 * end of the bar, for finishing early, would be a second one. */
static gboolean
on_last_exam_question (EntenteExamPage *self)
{
  return self->exam != NULL &&
         entente_exam_get_current (self->exam) + 1 >= entente_exam_get_n_questions (self->exam);
}

static void
set_state (EntenteExamPage      *self,
           EntenteExamPageState  state)
{
  gboolean in_exam = state == ENTENTE_EXAM_PAGE_QUESTION && self->exam != NULL;
  gboolean in_quiz = state == ENTENTE_EXAM_PAGE_QUESTION && self->quiz != NULL;

  self->state = state;
  switch (state)
    {
    case ENTENTE_EXAM_PAGE_SETUP:
      gtk_stack_set_visible_child_name (self->stack, "setup");
      break;
    case ENTENTE_EXAM_PAGE_QUESTION:
      gtk_stack_set_visible_child_name (self->stack, "question");
      break;
    case ENTENTE_EXAM_PAGE_RESULTS:
      gtk_stack_set_visible_child_name (self->stack, "results");
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_visible (GTK_WIDGET (self->pause_button), in_exam);
  gtk_widget_set_visible (self->finish_button, in_exam && !on_last_exam_question (self));
  gtk_widget_set_visible (self->previous_button, in_exam);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.pause", in_exam);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.finish", in_exam);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.previous", in_exam);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.next", in_exam || in_quiz);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.leave", in_exam || in_quiz);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.choose", in_exam || in_quiz);
}

/* The exam's questions */

static void
update_timer (EntenteExamPage *self)
{
  g_autofree char *text = NULL;
  gint64 now = now_ms ();

  if (self->exam == NULL)
    return;

  if (entente_exam_get_time_limit (self->exam) > 0)
    {
      g_autofree char *left = format_duration (entente_exam_get_remaining (self->exam, now));

      /* Translators: the time left in an exam, "12:34 left" */
      text = g_strdup_printf (_("%s left"), left);
    }
  else
    text = format_duration (entente_exam_get_elapsed (self->exam, now));

  gtk_label_set_text (self->timer_label, text);
}

static void finish_exam (EntenteExamPage *self);

static gboolean
tick_cb (gpointer data)
{
  EntenteExamPage *self = data;

  if (self->exam != NULL && entente_exam_is_time_up (self->exam, now_ms ()))
    {
      self->tick_id = 0;
      finish_exam (self);
      return G_SOURCE_REMOVE;
    }

  update_timer (self);
  return G_SOURCE_CONTINUE;
}

static void
clear_question_box (EntenteExamPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->question_box))) != NULL)
    gtk_box_remove (self->question_box, child);

  self->question = NULL;
}

static guint
n_choices (EntenteExamPage *self)
{
  return self->question != NULL ? entente_question_view_get_n_choices (self->question) : 0;
}

static void
choice_activated_cb (EntenteQuestionView *question,
                     int                  index,
                     EntenteExamPage     *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "exam.choose", "i", index + 1);
}

static void
entry_changed_cb (GtkEditable     *editable,
                  EntenteExamPage *self)
{
  if (self->exam != NULL)
    entente_exam_answer_text (self->exam, entente_exam_get_current (self->exam),
                              gtk_editable_get_text (editable));
}

static void
entry_activate_cb (GtkEntry        *entry,
                   EntenteExamPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "exam.next", NULL);
}

static void quiz_answered (EntenteExamPage *self);

/* A state picked on the map, or in the list of states under it: the same answer. */
static void
state_activated_cb (EntenteQuestionView *question,
                    const char          *code,
                    EntenteExamPage     *self)
{
  if (self->exam != NULL &&
      entente_exam_get_kind (self->exam, entente_exam_get_current (self->exam)) == ENTENTE_EXAM_KIND_MAP)
    {
      entente_exam_answer_map (self->exam, entente_exam_get_current (self->exam), code);
      /* The pick shows as the selection; right or wrong is told at the end. */
      entente_question_view_set_picked_state (question, code);
      save_in_progress (self);
    }
  else if (self->quiz != NULL && !self->quiz_feedback &&
           entente_map_quiz_get_mode (self->quiz) == ENTENTE_MAP_QUIZ_MODE_FIND)
    {
      entente_map_quiz_answer_code (self->quiz, entente_map_quiz_get_current (self->quiz), code);
      quiz_answered (self);
    }
}

/* A fresh view for the question on show, in place of the last one. */
static EntenteQuestionView *
new_question (EntenteExamPage *self,
              gboolean         with_map)
{
  clear_question_box (self);

  if (with_map && self->atlas == NULL)
    self->atlas = entente_atlas_new ();
  self->question = ENTENTE_QUESTION_VIEW (entente_question_view_new (self->pack, self->atlas));
  g_signal_connect_object (self->question, "choice-activated", G_CALLBACK (choice_activated_cb), self, 0);
  g_signal_connect_object (self->question, "state-activated", G_CALLBACK (state_activated_cb), self, 0);
  gtk_box_append (self->question_box, GTK_WIDGET (self->question));

  return self->question;
}

static void
show_exam_question (EntenteExamPage *self)
{
  EntenteExam *exam = self->exam;
  guint position = entente_exam_get_current (exam);
  guint n = entente_exam_get_n_questions (exam);
  guint unanswered = n - entente_exam_get_n_answered (exam);
  g_autofree char *prompt = entente_exam_dup_prompt (exam, position, "_____");
  g_autofree char *heading = NULL;
  EntenteCard *card = entente_exam_get_card (exam, position);
  EntenteSection *section = entente_pack_lookup_section (self->pack, entente_card_get_section (card));
  EntenteExamKinds kind = entente_exam_get_kind (exam, position);
  EntenteQuestionView *question = new_question (self, kind == ENTENTE_EXAM_KIND_MAP);

  if (unanswered > 0)
    /* Translators: "Question 3 of 20 · 5 unanswered" */
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Question %u of %u · %u unanswered",
                                            "Question %u of %u · %u unanswered", unanswered),
                               position + 1, n, unanswered);
  else
    /* Translators: "Question 3 of 20 · all answered" */
    heading = g_strdup_printf (_("Question %u of %u · all answered"), position + 1, n);
  gtk_label_set_text (self->position_label, heading);

  if (section != NULL)
    entente_question_view_add_label (question, entente_section_get_title (section), "dim-label");
  entente_question_view_add_label (question, prompt, "title-2");

  switch (kind)
    {
    case ENTENTE_EXAM_KIND_CHOICE:
      entente_question_view_add_choices (question, entente_exam_get_choices (exam, position));
      entente_question_view_mark_choice (question, entente_exam_get_given_choice (exam, position));
      break;

    case ENTENTE_EXAM_KIND_BASIC:
    case ENTENTE_EXAM_KIND_CLOZE:
      {
        GtkWidget *entry = entente_question_view_add_entry (question, entente_exam_get_given_text (exam, position));

        g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), self, 0);
        g_signal_connect_object (entry, "activate", G_CALLBACK (entry_activate_cb), self, 0);
      }
      break;

    case ENTENTE_EXAM_KIND_MAP:
      entente_question_view_add_map (question, TRUE);
      entente_question_view_set_picked_state (question, entente_exam_get_given_text (exam, position));
      break;

    default:
      g_assert_not_reached ();
    }
  entente_question_view_grab_answer_focus (question, entente_exam_get_given_choice (exam, position));

  gtk_widget_set_sensitive (self->previous_button, position > 0);
  gtk_button_set_label (GTK_BUTTON (self->next_button),
                        position + 1 < n ? _("_Next") : _("_Finish"));
  gtk_widget_set_visible (self->finish_button, !on_last_exam_question (self));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->question_scroller), 0);
  update_timer (self);
}

/* The map quiz's questions */

static void
show_quiz_question (EntenteExamPage *self)
{
  EntenteMapQuiz *quiz = self->quiz;
  guint position = entente_map_quiz_get_current (quiz);
  g_autofree char *heading = NULL;

  EntenteMapQuizMode mode = entente_map_quiz_get_mode (quiz);
  EntenteQuestionView *question = new_question (self, mode != ENTENTE_MAP_QUIZ_MODE_CAPITAL);

  self->quiz_feedback = FALSE;

  /* Translators: "Question 3 of 10 · 2 right" */
  heading = g_strdup_printf (_("Question %u of %u · %u right"), position + 1,
                             entente_map_quiz_get_n_questions (quiz), entente_map_quiz_get_n_correct (quiz));
  gtk_label_set_text (self->position_label, heading);
  gtk_label_set_text (self->timer_label, "");

  entente_question_view_add_label (question, entente_map_quiz_get_question_text (quiz, position), "title-2");

  switch (mode)
    {
    case ENTENTE_MAP_QUIZ_MODE_FIND:
      entente_question_view_add_map (question, TRUE);
      break;
    case ENTENTE_MAP_QUIZ_MODE_IDENTIFY:
      entente_question_view_add_map (question, FALSE);
      entente_question_view_set_picked_state (question, entente_map_quiz_get_code (quiz, position));
      entente_question_view_add_choices (question, entente_map_quiz_get_choices (quiz, position));
      break;
    case ENTENTE_MAP_QUIZ_MODE_CAPITAL:
      entente_question_view_add_choices (question, entente_map_quiz_get_choices (quiz, position));
      break;
    default:
      g_assert_not_reached ();
    }
  entente_question_view_grab_answer_focus (question, 0);

  gtk_widget_set_visible (self->next_button, FALSE);
}

/* Feedback after each answer of a map quiz. */
static void
quiz_answered (EntenteExamPage *self)
{
  EntenteMapQuiz *quiz = self->quiz;
  guint position = entente_map_quiz_get_current (quiz);
  gboolean right = entente_map_quiz_is_correct (quiz, position);
  int right_choice = entente_map_quiz_get_right_choice (quiz, position);
  int given = entente_map_quiz_get_given_choice (quiz, position);
  g_autofree char *text = NULL;
  GtkWidget *label;

  self->quiz_feedback = TRUE;

  entente_question_view_show_right_choice (self->question, right_choice, given);
  entente_question_view_show_right_state (self->question, entente_map_quiz_get_code (quiz, position),
                                          entente_map_quiz_get_given_code (quiz, position));

  if (right)
    /* Translators: the verdict on a map quiz answer: the state clicked was the one asked
       for */
    text = g_strdup (_("Right"));
  else if (entente_map_quiz_get_mode (quiz) == ENTENTE_MAP_QUIZ_MODE_FIND)
    /* Translators: the first %s is the state clicked, the second the one asked for */
    text = g_strdup_printf (_("Not quite: you picked %s, outlined dashed; %s is outlined"),
                            entente_pack_get_state_name (self->pack, entente_map_quiz_get_given_code (quiz, position)),
                            entente_map_quiz_get_name (quiz, position));
  else
    /* Translators: %s is the right answer */
    text = g_strdup_printf (_("Not quite: the answer is %s"),
                            entente_map_quiz_get_choices (quiz, position)[right_choice]);

  label = entente_wrapped_label_new (text, right ? "success" : "error");
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (self->question_box, label);

  gtk_button_set_label (GTK_BUTTON (self->next_button),
                        position + 1 < entente_map_quiz_get_n_questions (quiz) ? _("_Next") : _("_Finish"));
  gtk_widget_set_visible (self->next_button, TRUE);
  gtk_widget_grab_focus (self->next_button);
}

static void
show_question (EntenteExamPage *self)
{
  set_state (self, ENTENTE_EXAM_PAGE_QUESTION);
  gtk_stack_set_visible_child_name (self->question_stack, "question");
  gtk_widget_set_visible (self->next_button, TRUE);

  if (self->exam != NULL)
    show_exam_question (self);
  else if (self->quiz != NULL)
    show_quiz_question (self);
}

/* Results */

static void
clear_results_box (EntenteExamPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box))) != NULL)
    gtk_box_remove (self->results_box, child);
}

static void
section_row_activated_cb (AdwActionRow    *row,
                          EntenteExamPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "section-id");

  if (id != NULL)
    g_signal_emit (self, signals[SHOW_SECTION], 0, id);
}

static GtkWidget *
button_new (const char *label,
            const char *action,
            gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");

  return button;
}

/* The result buttons, one above the other and as wide as the widest: a row of them would
 * make the window wider than 360 px (GTK 4.8's flow box misplaces centred children). */
static GtkWidget *
button_column_new (void)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_halign (column, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (column, 6);
  gtk_widget_set_margin_bottom (column, 6);

  return column;
}

static void override_clicked_cb (GtkButton       *button,
                                 EntenteExamPage *self);

static void
show_exam_result (EntenteExamPage   *self,
                  EntenteExamResult *result,
                  gboolean           live)
{
  g_autofree char *score = NULL;
  g_autofree char *time = format_duration (entente_exam_result_get_elapsed (result));
  g_autofree char *seed = entente_exam_format_seed (entente_exam_result_get_seed (result));
  g_autofree char *details = NULL;
  GtkWidget *list;
  GtkWidget *buttons;
  guint n_mistakes = entente_exam_result_get_n_mistakes (result);

  clear_results_box (self);

  /* Translators: an exam's score: "14 of 20 right · 70 %" */
  score = g_strdup_printf (_("%u of %u right · %.0f %%"), entente_exam_result_get_n_correct (result),
                           entente_exam_result_get_n_questions (result),
                           entente_exam_result_get_percent (result));
  /* Translators: an exam's time and its seed, which lets it be sat again */
  details = g_strdup_printf (_("Time %s · Seed %s"), time, seed);
  gtk_box_append (self->results_box, entente_wrapped_label_new (score, "title-1"));
  gtk_box_append (self->results_box, entente_wrapped_label_new (details, "dim-label"));

  /* What to do next, in sight with the score rather than under a long list. */
  buttons = button_column_new ();
  if (n_mistakes > 0)
    {
      gtk_box_append (GTK_BOX (buttons), button_new (_("_Retake Mistakes"), "exam.retake", TRUE));
      gtk_box_append (GTK_BOX (buttons), button_new (_("Send Mistakes to Re_view"), "exam.send-to-review", FALSE));
    }
  gtk_box_append (GTK_BOX (buttons), button_new (_("New _Exam"), "exam.new", n_mistakes == 0));
  gtk_box_append (self->results_box, buttons);

  /* The sections, the weakest first, each a way back into the outline. */
  /* Translators: a heading of an exam's results: the score in each section of the text */
  gtk_box_append (self->results_box, entente_wrapped_label_new (_("By Section"), "heading"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < entente_exam_result_get_n_sections (result); i++)
    {
      const EntenteExamSectionScore *section = entente_exam_result_get_section (result, i);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a practice exam's result for one section, beside a bar: the first %u
         is the questions of that section answered right, the second all its questions */
      g_autofree char *text = g_strdup_printf (_("%u of %u"), section->n_correct, section->n_questions);
      GtkWidget *level = gtk_level_bar_new_for_interval (0, MAX (section->n_questions, 1));
      GtkWidget *label = gtk_label_new (text);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     /* Translators: in the results of a practice exam, the
                                        title of the row of questions from cards in no section
                                        */
                                     section->title != NULL ? section->title : _("Other cards"));
      gtk_level_bar_set_value (GTK_LEVEL_BAR (level), section->n_correct);
      gtk_widget_set_size_request (level, 80, -1);
      gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);
      if (section->section_id != NULL)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_tooltip_text (row, _("Read this section in the outline"));
          g_object_set_data_full (G_OBJECT (row), "section-id", g_strdup (section->section_id), g_free);
          g_signal_connect_object (row, "activated", G_CALLBACK (section_row_activated_cb), self, 0);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (self->results_box, list);

  /* Every wrong answer beside the right one. */
  if (n_mistakes > 0)
    /* Translators: a heading of an exam's results: the questions answered wrongly */
    gtk_box_append (self->results_box, entente_wrapped_label_new (_("Mistakes"), "heading"));
  for (guint i = 0; i < n_mistakes; i++)
    {
      const EntenteExamMistake *mistake = entente_exam_result_get_mistake (result, i);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      g_autofree char *given = NULL;
      g_autofree char *right = NULL;
      const char *given_text = mistake->given;

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "mistake");
      gtk_box_append (GTK_BOX (card), entente_wrapped_label_new (mistake->prompt, "heading"));
      if (mistake->kind == ENTENTE_EXAM_KIND_MAP && given_text != NULL)
        given_text = entente_pack_get_state_name (self->pack, given_text);
      /* Translators: the answer the learner gave in an exam */
      given = g_strdup_printf (_("Your answer: %s"),
                               given_text != NULL ? given_text :
                               /* Translators: put for the answer when the learner gave none */
                               _("none"));
      /* Translators: the right answer of an exam question */
      right = g_strdup_printf (_("Right answer: %s"), mistake->right);
      gtk_box_append (GTK_BOX (card), entente_wrapped_label_new (given, "error"));
      gtk_box_append (GTK_BOX (card), entente_wrapped_label_new (right, "success"));
      if (mistake->explanation != NULL)
        gtk_box_append (GTK_BOX (card), entente_wrapped_label_new (mistake->explanation, NULL));
      if (live && (mistake->kind == ENTENTE_EXAM_KIND_BASIC || mistake->kind == ENTENTE_EXAM_KIND_CLOZE) &&
          mistake->given != NULL)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Count as Correct"));

          gtk_widget_set_halign (button, GTK_ALIGN_START);
          g_object_set_data_full (G_OBJECT (button), "card-id", g_strdup (mistake->card_id), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (override_clicked_cb), self, 0);
          gtk_box_append (GTK_BOX (card), button);
        }
      gtk_box_append (self->results_box, card);
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->results_scroller), 0);
  set_state (self, ENTENTE_EXAM_PAGE_RESULTS);
}

static void
store_result (EntenteExamPage *self)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  if (!can_save (self) || self->result == NULL)
    return;

  if (self->result_id > 0)
    entente_progress_store_delete_result (self->store, self->result_id, NULL);

  node = entente_exam_result_to_json (self->result);
  json = json_to_string (node, FALSE);
  self->result_id = entente_progress_store_add_result (self->store, entente_pack_get_id (self->pack),
                                                       ENTENTE_PROGRESS_RESULT_EXAM,
                                                       g_get_real_time () / 1000,
                                                       entente_exam_result_get_n_correct (self->result),
                                                       entente_exam_result_get_n_questions (self->result),
                                                       entente_exam_result_get_elapsed (self->result),
                                                       json, &error);
  if (self->result_id <= 0)
    g_warning ("Could not keep the exam's result: %s", error != NULL ? error->message : "");
}

static void
override_clicked_cb (GtkButton       *button,
                     EntenteExamPage *self)
{
  const char *card_id = g_object_get_data (G_OBJECT (button), "card-id");

  if (self->exam == NULL)
    return;

  for (guint i = 0; i < entente_exam_get_n_questions (self->exam); i++)
    if (g_str_equal (entente_card_get_id (entente_exam_get_card (self->exam, i)), card_id))
      entente_exam_set_override (self->exam, i, TRUE);

  g_clear_pointer (&self->result, entente_exam_result_free);
  self->result = entente_exam_dup_result (self->exam);
  store_result (self);
  show_exam_result (self, self->result, TRUE);
}

static void
finish_exam (EntenteExamPage *self)
{
  stop_tick (self);
  entente_exam_finish (self->exam, now_ms ());
  g_clear_pointer (&self->result, entente_exam_result_free);
  self->result = entente_exam_dup_result (self->exam);
  self->result_id = 0;
  store_result (self);
  if (can_save (self))
    entente_progress_store_clear_exam_in_progress (self->store, entente_pack_get_id (self->pack), NULL);
  show_exam_result (self, self->result, TRUE);
}

static void
finish_quiz (EntenteExamPage *self)
{
  EntenteMapQuiz *quiz = self->quiz;
  g_autoptr(GArray) mistakes = entente_map_quiz_get_mistakes (quiz);
  g_autofree char *score = NULL;
  GtkWidget *buttons;

  clear_results_box (self);

  /* Translators: a map quiz's score: "8 of 10 right · 80 %" */
  score = g_strdup_printf (_("%u of %u right · %.0f %%"), entente_map_quiz_get_n_correct (quiz),
                           entente_map_quiz_get_n_questions (quiz), entente_map_quiz_get_percent (quiz));
  gtk_box_append (self->results_box, entente_wrapped_label_new (score, "title-1"));

  if (can_save (self))
    {
      g_autoptr(JsonNode) node = entente_map_quiz_to_json (quiz);
      g_autofree char *json = json_to_string (node, FALSE);

      entente_progress_store_add_result (self->store, entente_pack_get_id (self->pack),
                                         ENTENTE_PROGRESS_RESULT_MAP_QUIZ, g_get_real_time () / 1000,
                                         entente_map_quiz_get_n_correct (quiz),
                                         entente_map_quiz_get_n_questions (quiz), 0, json, NULL);
    }

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  /* Translators: a button at the end of a map quiz's results: back to the exam setup */
  gtk_box_append (GTK_BOX (buttons), button_new (_("_Back"), "exam.new", TRUE));
  gtk_box_append (self->results_box, buttons);

  if (mistakes->len > 0)
    /* Translators: a heading of a map quiz's results: the states not found */
    gtk_box_append (self->results_box, entente_wrapped_label_new (_("Mistakes"), "heading"));
  for (guint i = 0; i < mistakes->len; i++)
    {
      const EntenteMapQuizMistake *mistake = &g_array_index (mistakes, EntenteMapQuizMistake, i);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      /* Translators: the state the learner chose in a map quiz */
      g_autofree char *given = g_strdup_printf (_("Your answer: %s"),
                                                mistake->given != NULL ? mistake->given :
                                                /* Translators: put for the answer when the learner gave none */
                                                _("none"));
      g_autofree char *right = g_strdup_printf (_("Right answer: %s"), mistake->right);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "mistake");
      gtk_box_append (GTK_BOX (card), entente_wrapped_label_new (mistake->question, "heading"));
      gtk_box_append (GTK_BOX (card), entente_wrapped_label_new (given, "error"));
      gtk_box_append (GTK_BOX (card), entente_wrapped_label_new (right, "success"));
      gtk_box_append (self->results_box, card);
    }

  set_state (self, ENTENTE_EXAM_PAGE_RESULTS);
}

static void
history_row_activated_cb (AdwActionRow    *row,
                          EntenteExamPage *self)
{
  const char *json = g_object_get_data (G_OBJECT (row), "result-json");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  EntenteExamResult *result;

  node = json != NULL ? json_from_string (json, &error) : NULL;
  result = node != NULL ? entente_exam_result_new_from_json (node, &error) : NULL;
  if (result == NULL)
    {
      gtk_label_set_text (self->setup_error, error != NULL ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->setup_error), TRUE);
      return;
    }

  g_clear_pointer (&self->exam, entente_exam_free);
  g_clear_pointer (&self->result, entente_exam_result_free);
  self->result = result;
  self->result_id = 0;
  show_exam_result (self, result, FALSE);
}

/* Starting and leaving */

static void
begin_exam (EntenteExamPage *self,
            EntenteExam     *exam)
{
  g_clear_pointer (&self->exam, entente_exam_free);
  g_clear_pointer (&self->quiz, entente_map_quiz_free);
  g_clear_pointer (&self->result, entente_exam_result_free);
  self->result_id = 0;
  self->exam = exam;

  gtk_toggle_button_set_active (self->pause_button, FALSE);
  entente_exam_resume (self->exam, now_ms ());
  save_in_progress (self);
  stop_tick (self);
  self->tick_id = g_timeout_add (500, tick_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->setup_error), FALSE);
  show_question (self);
}

gboolean
entente_exam_page_start (EntenteExamPage    *self,
                         const char * const *section_ids,
                         guint               n_questions,
                         EntenteExamKinds    kinds,
                         guint               time_limit,
                         guint64             seed)
{
  EntenteExamSettings settings = {
    .section_ids = section_ids,
    .n_questions = n_questions,
    .kinds = kinds,
    .time_limit = time_limit,
    .seed = seed,
  };
  g_autoptr(GError) error = NULL;
  EntenteExam *exam;

  g_return_val_if_fail (ENTENTE_IS_EXAM_PAGE (self), FALSE);
  g_return_val_if_fail (self->pack != NULL, FALSE);

  exam = entente_exam_new (self->pack, &settings, &error);
  if (exam == NULL)
    {
      gtk_label_set_text (self->setup_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->setup_error), TRUE);
      return FALSE;
    }

  begin_exam (self, exam);
  return TRUE;
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *seed_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->seed_row))));
  EntenteExamKinds kinds = 0;
  guint64 seed;

  for (guint i = 0; i < self->section_checks->len; i++)
    if (gtk_check_button_get_active (self->section_checks->pdata[i]))
      g_ptr_array_add (ids, g_object_get_data (self->section_checks->pdata[i], "section-id"));
  g_ptr_array_add (ids, NULL);

  if (gtk_check_button_get_active (self->choice_check))
    kinds |= ENTENTE_EXAM_KIND_CHOICE;
  if (gtk_check_button_get_active (self->basic_check))
    kinds |= ENTENTE_EXAM_KIND_BASIC;
  if (gtk_check_button_get_active (self->cloze_check))
    kinds |= ENTENTE_EXAM_KIND_CLOZE;
  if (gtk_check_button_get_active (self->map_check))
    kinds |= ENTENTE_EXAM_KIND_MAP;

  if (kinds == 0)
    {
      gtk_label_set_text (self->setup_error, _("Choose at least one kind of question."));
      gtk_widget_set_visible (GTK_WIDGET (self->setup_error), TRUE);
      return;
    }

  if (seed_text[0] == '\0')
    seed = entente_exam_make_seed ();
  else if (!entente_exam_parse_seed (seed_text, &seed))
    {
      /* Translators: %s is what was typed as a seed */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a seed: a seed is up to 16 hexadecimal digits, as shown with an exam’s results."),
                                                  seed_text);

      gtk_label_set_text (self->setup_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->setup_error), TRUE);
      return;
    }

  entente_exam_page_start (self, (const char * const *) ids->pdata,
                           entente_exam_page_get_count_choice (adw_combo_row_get_selected (self->count_row)),
                           kinds,
                           60 * entente_exam_page_get_time_limit_choice (adw_combo_row_get_selected (self->time_row)),
                           seed);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  EntenteExam *exam = NULL;

  if (self->exam != NULL && !entente_exam_is_finished (self->exam))
    {
      entente_exam_resume (self->exam, now_ms ());
      stop_tick (self);
      self->tick_id = g_timeout_add (500, tick_cb, self);
      show_question (self);
      return;
    }

  if (self->store != NULL)
    json = entente_progress_store_dup_exam_in_progress (self->store, entente_pack_get_id (self->pack), &error);
  if (json != NULL)
    node = json_from_string (json, &error);
  if (node != NULL)
    exam = entente_exam_new_from_json (self->pack, node, &error);

  if (exam == NULL)
    {
      /* Translators: %s says why a saved exam could not be read */
      g_autofree char *message = g_strdup_printf (_("The exam in progress cannot be resumed: %s"),
                                                  error != NULL ? error->message : "");

      gtk_label_set_text (self->setup_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->setup_error), TRUE);
      return;
    }

  g_clear_pointer (&self->exam, entente_exam_free);
  g_clear_pointer (&self->quiz, entente_map_quiz_free);
  self->exam = exam;
  gtk_toggle_button_set_active (self->pause_button, FALSE);
  entente_exam_resume (self->exam, now_ms ());
  stop_tick (self);
  self->tick_id = g_timeout_add (500, tick_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->setup_error), FALSE);
  show_question (self);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);

  if (self->store != NULL && self->pack != NULL)
    entente_progress_store_clear_exam_in_progress (self->store, entente_pack_get_id (self->pack), NULL);
  g_clear_pointer (&self->exam, entente_exam_free);
  update_resume (self);
}

static void
start_quiz_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);
  static const EntenteMapQuizMode modes[] = { ENTENTE_MAP_QUIZ_MODE_FIND, ENTENTE_MAP_QUIZ_MODE_IDENTIFY,
                                              ENTENTE_MAP_QUIZ_MODE_CAPITAL };
  static const guint filters[] = { ENTENTE_MAP_QUIZ_MEMBERS, ENTENTE_MAP_QUIZ_PARTNERS,
                                   ENTENTE_MAP_QUIZ_ALL_STATES };
  static const guint counts[] = { 10, 20, ENTENTE_MAP_QUIZ_ALL_QUESTIONS };
  g_autoptr(GError) error = NULL;
  EntenteMapQuiz *quiz;

  quiz = entente_map_quiz_new (self->pack,
                               modes[MIN (adw_combo_row_get_selected (self->quiz_mode_row), 2)],
                               filters[MIN (adw_combo_row_get_selected (self->quiz_states_row), 2)],
                               counts[MIN (adw_combo_row_get_selected (self->quiz_count_row), 2)],
                               entente_exam_make_seed (), &error);
  if (quiz == NULL)
    {
      gtk_label_set_text (self->setup_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->setup_error), TRUE);
      return;
    }

  /* An exam left unfinished stays saved, to be resumed. */
  stop_tick (self);
  if (self->exam != NULL && !entente_exam_is_finished (self->exam))
    {
      entente_exam_pause (self->exam, now_ms ());
      save_in_progress (self);
    }
  g_clear_pointer (&self->exam, entente_exam_free);
  g_clear_pointer (&self->quiz, entente_map_quiz_free);
  self->quiz = quiz;
  gtk_widget_set_visible (GTK_WIDGET (self->setup_error), FALSE);
  show_question (self);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);
  int choice = g_variant_get_int32 (parameter) - 1;

  if (self->state != ENTENTE_EXAM_PAGE_QUESTION || choice < 0 || choice >= (int) n_choices (self))
    return;

  if (self->exam != NULL)
    {
      guint position = entente_exam_get_current (self->exam);

      if (entente_exam_get_kind (self->exam, position) != ENTENTE_EXAM_KIND_CHOICE)
        return;
      entente_exam_answer_choice (self->exam, position, choice);
      entente_question_view_mark_choice (self->question, choice);
      save_in_progress (self);
    }
  else if (self->quiz != NULL && !self->quiz_feedback)
    {
      entente_map_quiz_answer_choice (self->quiz, entente_map_quiz_get_current (self->quiz), choice);
      quiz_answered (self);
    }
}

static void
confirm_finish_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            EntenteExamPage  *self)
{
  if (g_str_equal (response, "finish") && self->exam != NULL)
    finish_exam (self);
}

static void
ask_to_finish (EntenteExamPage *self)
{
  guint unanswered = entente_exam_get_n_questions (self->exam) - entente_exam_get_n_answered (self->exam);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (unanswered == 0)
    {
      finish_exam (self);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the text of the dialog shown when an
                                          exam is finished with questions left unanswered; %u
                                          is how many */
                                       "%u question has no answer yet. It counts as wrong.",
                                       "%u questions have no answer yet. They count as wrong.", unanswered),
                          unanswered);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Finish the Exam?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Going"),
                                    "finish", _("_Finish"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "finish",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_finish_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);

  if (self->state != ENTENTE_EXAM_PAGE_QUESTION)
    return;

  if (self->exam != NULL)
    {
      guint position = entente_exam_get_current (self->exam);

      if (position + 1 < entente_exam_get_n_questions (self->exam))
        {
          entente_exam_set_current (self->exam, position + 1);
          save_in_progress (self);
          show_exam_question (self);
        }
      else
        ask_to_finish (self);
    }
  else if (self->quiz != NULL && self->quiz_feedback)
    {
      guint position = entente_map_quiz_get_current (self->quiz);

      if (position + 1 < entente_map_quiz_get_n_questions (self->quiz))
        {
          entente_map_quiz_set_current (self->quiz, position + 1);
          show_quiz_question (self);
        }
      else
        finish_quiz (self);
    }
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);
  guint position;

  if (self->exam == NULL || self->state != ENTENTE_EXAM_PAGE_QUESTION)
    return;

  position = entente_exam_get_current (self->exam);
  if (position > 0)
    {
      entente_exam_set_current (self->exam, position - 1);
      save_in_progress (self);
      show_exam_question (self);
    }
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);

  if (self->exam == NULL)
    return;

  if (entente_exam_is_running (self->exam))
    {
      entente_exam_pause (self->exam, now_ms ());
      stop_tick (self);
      gtk_stack_set_visible_child_name (self->question_stack, "paused");
      gtk_toggle_button_set_active (self->pause_button, TRUE);
    }
  else
    {
      entente_exam_resume (self->exam, now_ms ());
      stop_tick (self);
      self->tick_id = g_timeout_add (500, tick_cb, self);
      gtk_stack_set_visible_child_name (self->question_stack, "question");
      gtk_toggle_button_set_active (self->pause_button, FALSE);
    }
  save_in_progress (self);
  update_timer (self);
}

static void
leave_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   EntenteExamPage  *self)
{
  if (!g_str_equal (response, "leave"))
    return;

  stop_tick (self);
  if (self->exam != NULL)
    {
      entente_exam_pause (self->exam, now_ms ());
      save_in_progress (self);
      g_clear_pointer (&self->exam, entente_exam_free);
    }
  g_clear_pointer (&self->quiz, entente_map_quiz_free);
  show_setup (self);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);
  GtkWidget *dialog;

  if (self->state != ENTENTE_EXAM_PAGE_QUESTION)
    return;

  if (self->exam != NULL)
    dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Leave the Exam?"),
                                     _("The clock stops and your answers are kept: you can resume the exam later, also after closing Entente."));
  else
    dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Leave the Map Quiz?"),
                                     _("The quiz ends without a score."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Going"),
                                    "leave", _("_Leave"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (leave_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);

  if (self->exam != NULL && self->state == ENTENTE_EXAM_PAGE_QUESTION)
    ask_to_finish (self);
}

static void
retake_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);
  g_autoptr(GError) error = NULL;
  EntenteExam *exam;

  if (self->result == NULL)
    return;

  exam = entente_exam_new_retake (self->pack, self->result, entente_exam_make_seed (), &error);
  if (exam == NULL)
    {
      gtk_box_append (self->results_box, entente_wrapped_label_new (error->message, "error"));
      return;
    }

  begin_exam (self, exam);
}

static void
send_to_review_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  if (self->result == NULL || !can_save (self))
    return;

  if (!entente_progress_store_bring_forward (self->store, entente_pack_get_id (self->pack),
                                             entente_exam_result_get_wrong_card_ids (self->result),
                                             g_get_real_time () / 1000, &n, &error))
    /* Translators: %s says why */
    text = g_strdup_printf (_("The mistakes could not be sent to review: %s"), error->message);
  else if (n == 0)
    text = g_strdup (_("These cards have not been studied yet: they come as new cards in the review."));
  else
    /* Translators: shown after "Send Mistakes to Review" at the end of an exam; %u is the
       number of cards of the mistakes that are now due on the Review page */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card is due for review now.",
                                         "%u cards are due for review now.", n), n);

  gtk_widget_action_set_enabled (widget, "exam.send-to-review", FALSE);
  gtk_box_insert_child_after (self->results_box, entente_wrapped_label_new (text, error != NULL ? "error" : "success"),
                              gtk_widget_get_first_child (GTK_WIDGET (self->results_box)));
}

static void
show_setup (EntenteExamPage *self)
{
  stop_tick (self);
  load_exam_defaults (self);
  update_resume (self);
  update_history (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.send-to-review", TRUE);
  set_state (self, ENTENTE_EXAM_PAGE_SETUP);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);

  g_clear_pointer (&self->exam, entente_exam_free);
  g_clear_pointer (&self->quiz, entente_map_quiz_free);
  g_clear_pointer (&self->result, entente_exam_result_free);
  show_setup (self);
}

/* 1-8 pick a choice; Enter goes on, as the Next button does. */
static gboolean
key_binding_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (widget);
  guint keyval = g_variant_get_uint32 (args);
  int digit = entente_question_view_key_to_digit (keyval);

  if (self->state != ENTENTE_EXAM_PAGE_QUESTION)
    return FALSE;

  if (digit > 0)
    return gtk_widget_activate_action (widget, "exam.choose", "i", digit) && n_choices (self) > 0;
  if (keyval == GDK_KEY_Escape)
    return gtk_widget_activate_action (widget, "exam.leave", NULL);

  return FALSE;
}

static void
entente_exam_page_dispose (GObject *object)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (object);

  stop_tick (self);
  if (self->exam != NULL && !entente_exam_is_finished (self->exam))
    {
      entente_exam_pause (self->exam, now_ms ());
      save_in_progress (self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_EXAM_PAGE);

  g_clear_pointer (&self->exam, entente_exam_free);
  g_clear_pointer (&self->quiz, entente_map_quiz_free);
  g_clear_pointer (&self->result, entente_exam_result_free);
  g_clear_object (&self->pack);
  g_clear_object (&self->store);
  g_clear_object (&self->atlas);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (entente_exam_page_parent_class)->dispose (object);
}

static void
entente_exam_page_finalize (GObject *object)
{
  EntenteExamPage *self = ENTENTE_EXAM_PAGE (object);

  g_clear_pointer (&self->section_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (entente_exam_page_parent_class)->finalize (object);
}

static void
entente_exam_page_class_init (EntenteExamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_exam_page_dispose;
  object_class->finalize = entente_exam_page_finalize;

  signals[SHOW_SECTION] =
    g_signal_new ("show-section",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/entente-exam-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, EntenteExamPage, name)
  BIND (stack);
  BIND (resume_group);
  BIND (resume_row);
  BIND (sections_row);
  BIND (count_row);
  BIND (choice_check);
  BIND (basic_check);
  BIND (cloze_check);
  BIND (map_check);
  BIND (time_row);
  BIND (seed_row);
  BIND (setup_error);
  BIND (quiz_mode_row);
  BIND (quiz_states_row);
  BIND (quiz_count_row);
  BIND (history_group);
  BIND (history_list);
  BIND (position_label);
  BIND (timer_label);
  BIND (pause_button);
  BIND (question_stack);
  BIND (question_scroller);
  BIND (question_box);
  BIND (leave_button);
  BIND (previous_button);
  BIND (next_button);
  BIND (finish_button);
  BIND (results_scroller);
  BIND (results_box);
#undef BIND

  gtk_widget_class_install_action (widget_class, "exam.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "exam.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "exam.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "exam.start-quiz", NULL, start_quiz_action);
  gtk_widget_class_install_action (widget_class, "exam.choose", "i", choose_action);
  gtk_widget_class_install_action (widget_class, "exam.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "exam.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "exam.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "exam.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "exam.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "exam.retake", NULL, retake_action);
  gtk_widget_class_install_action (widget_class, "exam.send-to-review", NULL, send_to_review_action);
  gtk_widget_class_install_action (widget_class, "exam.new", NULL, new_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "exam.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "exam.previous", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, key_binding_cb, "u", GDK_KEY_Escape);
  entente_question_view_bind_number_keys (widget_class, key_binding_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "exampage");
}

static void
entente_exam_page_init (EntenteExamPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->section_checks = g_ptr_array_new ();
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  load_exam_defaults (self);
  set_state (self, ENTENTE_EXAM_PAGE_SETUP);
  update_sections_subtitle (self);
}

GtkWidget *
entente_exam_page_new (void)
{
  return g_object_new (ENTENTE_TYPE_EXAM_PAGE, NULL);
}

void
entente_exam_page_set_pack (EntenteExamPage *self,
                            EntentePack     *pack)
{
  g_return_if_fail (ENTENTE_IS_EXAM_PAGE (self));

  if (self->pack == pack)
    return;

  stop_tick (self);
  if (self->exam != NULL && !entente_exam_is_finished (self->exam))
    {
      entente_exam_pause (self->exam, now_ms ());
      save_in_progress (self);
    }
  g_clear_pointer (&self->exam, entente_exam_free);
  g_clear_pointer (&self->quiz, entente_map_quiz_free);
  g_clear_pointer (&self->result, entente_exam_result_free);
  g_set_object (&self->pack, pack);

  rebuild_section_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->setup_error), FALSE);
  show_setup (self);
}

void
entente_exam_page_set_store (EntenteExamPage      *self,
                             EntenteProgressStore *store)
{
  g_return_if_fail (ENTENTE_IS_EXAM_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;

  if (self->state == ENTENTE_EXAM_PAGE_SETUP)
    show_setup (self);
}

EntenteExamPageState
entente_exam_page_get_state (EntenteExamPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_EXAM_PAGE (self), ENTENTE_EXAM_PAGE_SETUP);

  return self->state;
}

EntenteExam *
entente_exam_page_get_exam (EntenteExamPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_EXAM_PAGE (self), NULL);

  return self->exam;
}

EntenteMapQuiz *
entente_exam_page_get_quiz (EntenteExamPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_EXAM_PAGE (self), NULL);

  return self->quiz;
}

GtkWidget *
entente_exam_page_get_map_view (EntenteExamPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_EXAM_PAGE (self), NULL);

  return self->question != NULL ? GTK_WIDGET (entente_question_view_get_map_view (self->question)) : NULL;
}
