/* entente-review-page.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "entente-atlas.h"
#include "entente-fsrs.h"
#include "entente-map-view.h"
#include "entente-question-view.h"
#include "entente-review-page.h"
#include "entente-review-queue.h"
#include "entente-text.h"

/* Learning cards due within this time are shown rather than ending the session, as
 * other schedulers do: a 10 minute step should not send the learner away. */
#define LEARN_AHEAD_MS (20 * 60 * 1000)

struct _EntenteReviewPage
{
  GtkWidget             parent_instance;

  EntentePack          *pack;
  EntenteProgressStore *store;
  GSettings            *settings;
  EntenteFsrsParams     params;
  EntenteAtlas         *atlas;        /* the maps' countries, decoded once */

  /* template */
  GtkStack             *stack;
  GtkLabel             *today_title;
  GtkLabel             *today_subtitle;
  GtkListBox           *today_list;
  GtkWidget            *start_button;
  GtkSwitch            *type_switch;
  GtkScrolledWindow    *card_scroller;
  GtkBox               *card_box;
  GtkLabel             *progress_label;
  GtkWidget            *reveal_button;
  GtkBox               *grade_box;
  GtkWidget            *continue_button;
  AdwStatusPage        *done_status;

  GtkWidget            *grade_buttons[4];
  GtkLabel             *grade_intervals[4];

  guint                 n_today;      /* cards due and new today, for the page's badge */

  /* The pack's card states, read from the store once and kept in step with the grades
   * given here (so a grade costs no re-reading); NULL until read, and again whenever
   * something else changes the progress. */
  GHashTable           *states;
  gboolean              recording;    /* a grade of ours is being written */

  /* the session */
  EntenteReviewPhase    phase;
  char                 *section_id;   /* a section's session, or NULL for today's */
  GPtrArray            *scope;        /* card ids (borrowed from the pack), pack order */
  GHashTable           *seen;         /* card ids shown in this session */
  EntenteCard          *card;
  EntenteFsrsCard       state;
  gboolean              has_state;
  gboolean              graded;       /* the card on show has been graded already */
  gint64                shown_at;     /* monotonic µs */
  guint                 answer_ms;
  EntenteFsrsRating     suggested;
  GArray               *undo_ids;     /* review ids, newest last */
  GPtrArray            *undo_cards;   /* EntenteCard *, in step with undo_ids */
  GArray               *undo_ratings;
  guint                 n_reviewed;
  guint                 n_forgotten;
  gint64                started_at;   /* monotonic µs */

  /* the card's widgets */
  EntenteQuestionView  *question;
  GtkWidget            *answer_box;
  GtkWidget            *verdict;
  char                 *picked_code;
  int                   picked_choice;
};

G_DEFINE_FINAL_TYPE (EntenteReviewPage, entente_review_page, GTK_TYPE_WIDGET)

enum {
  SHOW_SECTION,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_N_TODAY,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

static void
set_n_today (EntenteReviewPage *self,
             guint              n_today)
{
  if (self->n_today == n_today)
    return;

  self->n_today = n_today;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TODAY]);
}

static void show_next_card (EntenteReviewPage *self);
static void update_today   (EntenteReviewPage *self);

static gint64
now_ms (void)
{
  return g_get_real_time () / 1000;
}

static gboolean
can_save (EntenteReviewPage *self)
{
  return self->store != NULL && !entente_progress_store_get_read_only (self->store);
}

static void
collect_section (EntentePack    *pack,
                 EntenteSection *section,
                 GHashTable     *set)
{
  GListModel *children = entente_section_get_children (section);

  g_hash_table_add (set, (gpointer) entente_section_get_id (section));
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(EntenteSection) child = g_list_model_get_item (children, i);

      collect_section (pack, child, set);
    }
}

GPtrArray *
entente_review_collect_section_cards (EntentePack *pack,
                                      const char  *section_id)
{
  g_autoptr(GHashTable) sections = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ids = g_ptr_array_new ();
  EntenteSection *section;
  GListModel *cards;

  g_return_val_if_fail (ENTENTE_IS_PACK (pack), ids);

  section = entente_pack_lookup_section (pack, section_id);
  if (section == NULL)
    return ids;

  collect_section (pack, section, sections);

  cards = entente_pack_get_cards (pack);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(EntenteCard) card = g_list_model_get_item (cards, i);

      if (g_hash_table_contains (sections, entente_card_get_section (card)))
        g_ptr_array_add (ids, (gpointer) entente_card_get_id (card));
    }

  return ids;
}

static GPtrArray *
all_card_ids (EntentePack *pack)
{
  GListModel *cards = entente_pack_get_cards (pack);
  GPtrArray *ids = g_ptr_array_sized_new (g_list_model_get_n_items (cards));

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(EntenteCard) card = g_list_model_get_item (cards, i);

      g_ptr_array_add (ids, (gpointer) entente_card_get_id (card));
    }

  return ids;
}

/* The pack's card states (a new reference). */
static GHashTable *
load_states (EntenteReviewPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->states == NULL && self->store != NULL)
    self->states = entente_progress_store_load_pack (self->store, entente_pack_get_id (self->pack), &error);
  if (error != NULL)
    g_warning ("Could not read progress: %s", error->message);
  if (self->states == NULL)
    return g_hash_table_new (g_str_hash, g_str_equal);

  return g_hash_table_ref (self->states);
}

static void
get_day (EntenteReviewPage  *self,
         EntenteProgressDay *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  memset (day, 0, sizeof *day);
  if (self->store != NULL)
    entente_progress_store_get_day (self->store, entente_pack_get_id (self->pack), now, day, NULL);
}

static guint
new_limit (EntenteReviewPage *self)
{
  return g_settings_get_uint (self->settings, "new-cards-per-day");
}

static EntenteReviewQueue *
build_queue (EntenteReviewPage *self,
             GPtrArray         *ids,
             GHashTable        *states,
             gboolean           section_session)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  EntenteProgressDay day;

  get_day (self, &day);

  /* A section's session introduces all of its new cards: the learner asked for them. */
  return entente_review_queue_new ((const char * const *) ids->pdata, ids->len, states, now,
                                   section_session ? 0 : day.new_cards,
                                   section_session ? G_MAXUINT : new_limit (self));
}

/* The earliest due time after now of the cards in @ids that have a state, or 0. */
static gint64
next_due (GPtrArray  *ids,
          GHashTable *states,
          gint64      now)
{
  gint64 next = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      const EntenteFsrsCard *state = g_hash_table_lookup (states, ids->pdata[i]);

      if (state != NULL && state->due > now && (next == 0 || state->due < next))
        next = state->due;
    }

  return next;
}

static char *
format_next_due (gint64 due)
{
  g_autofree char *interval = NULL;

  if (due == 0)
    return NULL;

  interval = entente_fsrs_format_interval (now_ms (), due);
  /* Translators: %s is a time from now, like "10 min" or "3 d" */
  return g_strdup_printf (_("The next card is due in %s."), interval);
}

/* Today's overview. */

static GtkWidget *
count_row_new (const char *title,
               guint       count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "title-4");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

static void
update_today (EntenteReviewPage *self)
{
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(EntenteReviewQueue) queue = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *streak = NULL;
  EntenteProgressDay day;
  GtkWidget *child;
  guint n_due;
  guint n_new;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->today_list))) != NULL)
    gtk_list_box_remove (self->today_list, child);

  if (self->pack == NULL)
    {
      set_n_today (self, 0);
      return;
    }

  ids = all_card_ids (self->pack);
  states = load_states (self);
  queue = build_queue (self, ids, states, FALSE);
  get_day (self, &day);

  n_due = entente_review_queue_get_n_due (queue);
  n_new = entente_review_queue_get_n_new (queue);
  set_n_today (self, can_save (self) ? n_due + n_new : 0);

  /* Translators: the label of a row on the Review page before a session, followed by a
     number: the cards due for review today (an adjective, "due cards") */
  gtk_list_box_append (self->today_list, count_row_new (_("Due"), n_due));
  /* Translators: the label of a row on the Review page before a session, followed by a
     number: the new cards, never reviewed, that today's session brings in (an adjective, "new
     cards") */
  gtk_list_box_append (self->today_list, count_row_new (_("New"), n_new));
  /* Translators: the label of a row on the Review page, followed by a number: the cards
     graded so far today */
  gtk_list_box_append (self->today_list, count_row_new (_("Reviewed today"), day.reviews));
  /* Translators: the value of the Streak row on the Review page: %u is the number of days
     in a row with at least one review */
  streak = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", day.streak), day.streak);
  {
    GtkWidget *row = adw_action_row_new ();
    GtkWidget *label = gtk_label_new (streak);

    /* Translators: the label of a row on the Review page: the run of consecutive days with
       reviews, up to today */
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Streak"));
    gtk_widget_add_css_class (label, "numeric");
    gtk_widget_add_css_class (label, "title-4");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    gtk_list_box_append (self->today_list, row);
  }

  if (n_due + n_new > 0)
    {
      guint minutes = MAX (1, (n_due + n_new + 5) / 6);

      /* Translators: the title on the Review page before a session; %u is the number of
         cards due and new today */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Card for Today", "%u Cards for Today",
                                            n_due + n_new), n_due + n_new);
      /* Translators: under "%u Cards for Today": about how long the session takes; %u is a
         number of minutes */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "About %u minute",
                                               "About %u minutes", minutes), minutes);
    }
  else
    {
      title = g_strdup (_("All Done for Today"));
      subtitle = format_next_due (next_due (ids, states, now_ms ()));
      if (subtitle == NULL)
        subtitle = g_strdup (_("There are no cards to review."));
    }

  if (!can_save (self))
    {
      g_free (subtitle);
      subtitle = g_strdup (_("Progress cannot be saved, so reviews are off."));
    }

  gtk_label_set_text (self->today_title, title);
  gtk_label_set_text (self->today_subtitle, subtitle);
  gtk_widget_set_visible (self->start_button, n_due + n_new > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.start",
                                 n_due + n_new > 0 && can_save (self));
}

static void
set_phase (EntenteReviewPage  *self,
           EntenteReviewPhase  phase)
{
  gboolean manual = self->card != NULL &&
                    (entente_card_get_kind (self->card) == ENTENTE_CARD_KIND_BASIC ||
                     entente_card_get_kind (self->card) == ENTENTE_CARD_KIND_CLOZE);

  self->phase = phase;

  switch (phase)
    {
    case ENTENTE_REVIEW_PHASE_TODAY:
      update_today (self);
      gtk_stack_set_visible_child_name (self->stack, "today");
      break;
    case ENTENTE_REVIEW_PHASE_QUESTION:
    case ENTENTE_REVIEW_PHASE_ANSWER:
      gtk_stack_set_visible_child_name (self->stack, "card");
      break;
    case ENTENTE_REVIEW_PHASE_DONE:
      gtk_stack_set_visible_child_name (self->stack, "done");
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_visible (self->reveal_button, phase == ENTENTE_REVIEW_PHASE_QUESTION && manual);
  gtk_widget_set_visible (GTK_WIDGET (self->grade_box),
                          phase == ENTENTE_REVIEW_PHASE_ANSWER && manual && !self->graded);
  gtk_widget_set_visible (self->continue_button, phase == ENTENTE_REVIEW_PHASE_ANSWER && self->graded);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.reveal",
                                 phase == ENTENTE_REVIEW_PHASE_QUESTION && manual);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.grade",
                                 phase == ENTENTE_REVIEW_PHASE_ANSWER && manual && !self->graded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.choose",
                                 phase == ENTENTE_REVIEW_PHASE_QUESTION && self->card != NULL &&
                                 entente_card_get_kind (self->card) == ENTENTE_CARD_KIND_CHOICE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.continue",
                                 phase == ENTENTE_REVIEW_PHASE_ANSWER && self->graded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.undo",
                                 (phase == ENTENTE_REVIEW_PHASE_QUESTION ||
                                  phase == ENTENTE_REVIEW_PHASE_ANSWER ||
                                  phase == ENTENTE_REVIEW_PHASE_DONE) &&
                                 self->undo_ids->len > 0);
}

/* The card. */

static void
clear_card_box (EntenteReviewPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->card_box))) != NULL)
    gtk_box_remove (self->card_box, child);

  self->question = NULL;
  self->answer_box = NULL;
  self->verdict = NULL;
  g_clear_pointer (&self->picked_code, g_free);
  self->picked_choice = -1;
}

/* Cloze text with its gaps hidden ("[…]") or shown in bold, as Pango markup. */
static char *
cloze_markup (const char *text,
              gboolean    reveal)
{
  g_auto(GStrv) parts = entente_card_split_cloze (text);
  GString *markup = g_string_new (NULL);

  if (parts == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      g_string_append (markup, escaped);
      return g_string_free (markup, FALSE);
    }

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (parts[i], -1);

      if (i % 2 == 0)
        g_string_append (markup, escaped);
      else if (reveal)
        g_string_append_printf (markup, "<b><span underline=\"single\">%s</span></b>", escaped);
      else
        g_string_append (markup, "<b>[…]</b>");
    }

  return g_string_free (markup, FALSE);
}

static void grade (EntenteReviewPage *self,
                   EntenteFsrsRating  rating);
static void reveal (EntenteReviewPage *self);

static void
choice_activated_cb (EntenteQuestionView *question,
                     int                  index,
                     EntenteReviewPage   *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "review.choose", "i", index + 1);
}

/* A state picked on the map, or in the list of states beside it. */
static void
state_activated_cb (EntenteQuestionView *question,
                    const char          *code,
                    EntenteReviewPage   *self)
{
  if (self->phase != ENTENTE_REVIEW_PHASE_QUESTION || self->card == NULL ||
      entente_card_get_kind (self->card) != ENTENTE_CARD_KIND_MAP)
    return;

  g_free (self->picked_code);
  self->picked_code = g_strdup (code);
  reveal (self);
}

static void
entry_activate_cb (GtkEntry          *entry,
                   EntenteReviewPage *self)
{
  if (self->phase == ENTENTE_REVIEW_PHASE_QUESTION)
    reveal (self);
}

static guint
n_choices (EntenteReviewPage *self)
{
  return self->question != NULL ? entente_question_view_get_n_choices (self->question) : 0;
}

static void
update_grade_intervals (EntenteReviewPage *self)
{
  EntenteFsrsCard next[4];
  EntenteFsrsCard current;
  gint64 now = now_ms ();

  if (self->has_state)
    current = self->state;
  else
    entente_fsrs_card_init (&current, now);

  entente_fsrs_preview (&self->params, &current, now, next);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *text = entente_fsrs_format_interval (now, next[i].due);

      gtk_label_set_text (self->grade_intervals[i], text);
      {
        static const char *names[4] = { N_("Again"), N_("Hard"), N_("Good"), N_("Easy") };
        /* Translators: a grade button as a screen reader reads it: "Good, 10 min" */
        g_autofree char *name = g_strdup_printf (_("%s, %s"), _(names[i]), text);

        gtk_accessible_update_property (GTK_ACCESSIBLE (self->grade_buttons[i]),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      }
      if ((EntenteFsrsRating) (i + 1) == self->suggested)
        gtk_widget_add_css_class (self->grade_buttons[i], "suggested-action");
      else
        gtk_widget_remove_css_class (self->grade_buttons[i], "suggested-action");
    }
}

static void
update_progress_label (EntenteReviewPage *self)
{
  g_autofree char *text = NULL;

  if (self->section_id != NULL)
    {
      EntenteSection *section = entente_pack_lookup_section (self->pack, self->section_id);

      /* Translators: a review session over one section; %s is its title, %u a count */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u reviewed", "%s · %u reviewed",
                                           self->n_reviewed),
                              section != NULL ? entente_section_get_title (section) : "",
                              self->n_reviewed);
    }
  else
    /* Translators: the progress of a review session, shown over the grade buttons; %u is
       the number of cards graded so far */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reviewed", "%u reviewed",
                                         self->n_reviewed),
                            self->n_reviewed);

  gtk_label_set_text (self->progress_label, text);
}

static void
build_question (EntenteReviewPage *self)
{
  EntenteCard *card = self->card;
  EntenteSection *section = entente_pack_lookup_section (self->pack, entente_card_get_section (card));
  GtkWidget *label;

  clear_card_box (self);

  if (self->atlas == NULL && entente_card_get_kind (card) == ENTENTE_CARD_KIND_MAP)
    self->atlas = entente_atlas_new ();
  self->question = ENTENTE_QUESTION_VIEW (entente_question_view_new (self->pack, self->atlas));
  g_signal_connect_object (self->question, "choice-activated", G_CALLBACK (choice_activated_cb), self, 0);
  g_signal_connect_object (self->question, "state-activated", G_CALLBACK (state_activated_cb), self, 0);
  gtk_box_append (self->card_box, GTK_WIDGET (self->question));

  if (section != NULL)
    entente_question_view_add_label (self->question, entente_section_get_title (section), "dim-label");

  switch (entente_card_get_kind (card))
    {
    case ENTENTE_CARD_KIND_BASIC:
      entente_question_view_add_label (self->question, entente_card_get_front (card), "title-2");
      if (gtk_switch_get_active (self->type_switch))
        g_signal_connect_object (entente_question_view_add_entry (self->question, NULL), "activate",
                                 G_CALLBACK (entry_activate_cb), self, 0);
      break;

    case ENTENTE_CARD_KIND_CLOZE:
      {
        g_autofree char *markup = cloze_markup (entente_card_get_text (card), FALSE);

        label = entente_question_view_add_label (self->question, NULL, "title-2");
        gtk_label_set_markup (GTK_LABEL (label), markup);
      }
      break;

    case ENTENTE_CARD_KIND_CHOICE:
      entente_question_view_add_label (self->question, entente_card_get_question (card), "title-2");
      entente_question_view_add_choices (self->question, entente_card_get_choices (card));
      break;

    case ENTENTE_CARD_KIND_MAP:
      entente_question_view_add_label (self->question, entente_card_get_prompt (card), "title-2");
      entente_question_view_add_map (self->question, TRUE);
      break;

    default:
      g_assert_not_reached ();
    }

  self->answer_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_visible (self->answer_box, FALSE);
  gtk_box_append (self->card_box, self->answer_box);
}

static void
section_link_clicked_cb (GtkButton         *button,
                         EntenteReviewPage *self)
{
  if (self->card != NULL)
    g_signal_emit (self, signals[SHOW_SECTION], 0, entente_card_get_section (self->card));
}

static void
set_verdict (EntenteReviewPage *self,
             gboolean           right,
             const char        *text)
{
  self->verdict = entente_wrapped_label_new (text, right ? "success" : "error");
  gtk_widget_add_css_class (self->verdict, "heading");
  gtk_box_append (GTK_BOX (self->answer_box), self->verdict);
}

/* Shows the answer; grades choice and map cards, which know whether they were right. */
static void
reveal (EntenteReviewPage *self)
{
  EntenteCard *card = self->card;
  const char *explanation;
  gboolean auto_grade = FALSE;
  gboolean right = FALSE;

  g_return_if_fail (self->phase == ENTENTE_REVIEW_PHASE_QUESTION && card != NULL);

  self->answer_ms = (guint) MIN ((g_get_monotonic_time () - self->shown_at) / 1000, G_MAXUINT);
  self->suggested = ENTENTE_FSRS_RATING_GOOD;

  switch (entente_card_get_kind (card))
    {
    case ENTENTE_CARD_KIND_BASIC:
      gtk_box_append (GTK_BOX (self->answer_box), entente_wrapped_label_new (entente_card_get_back (card), "title-3"));
      if (entente_question_view_get_entry (self->question) != NULL)
        {
          GtkWidget *entry = entente_question_view_get_entry (self->question);
          const char *typed = gtk_editable_get_text (GTK_EDITABLE (entry));
          g_autofree char *typed_norm = entente_text_normalize_answer (typed);
          g_autofree char *back_norm = entente_text_normalize_answer (entente_card_get_back (card));
          const char * const *accept = entente_card_get_accept (card);

          right = typed_norm[0] != '\0' && g_strcmp0 (typed_norm, back_norm) == 0;
          for (guint i = 0; !right && accept != NULL && accept[i] != NULL; i++)
            {
              g_autofree char *norm = entente_text_normalize_answer (accept[i]);

              right = typed_norm[0] != '\0' && g_strcmp0 (typed_norm, norm) == 0;
            }

          gtk_editable_set_editable (GTK_EDITABLE (entry), FALSE);
          if (right)
            /* Translators: the verdict on a typed or chosen answer on the Review page: the
               answer was right */
            set_verdict (self, TRUE, _("Correct"));
          else
            {
              g_autofree char *text = NULL;

              if (typed[0] == '\0')
                text = g_strdup (_("No answer typed"));
              else
                /* Translators: %s is the answer the learner typed */
                text = g_strdup_printf (_("Not quite: you typed “%s”"), typed);
              set_verdict (self, FALSE, text);
            }
          self->suggested = right ? ENTENTE_FSRS_RATING_GOOD : ENTENTE_FSRS_RATING_AGAIN;
        }
      break;

    case ENTENTE_CARD_KIND_CLOZE:
      {
        g_autofree char *markup = cloze_markup (entente_card_get_text (card), TRUE);
        GtkWidget *label = entente_wrapped_label_new (NULL, "title-3");

        gtk_label_set_markup (GTK_LABEL (label), markup);
        gtk_box_append (GTK_BOX (self->answer_box), label);
      }
      break;

    case ENTENTE_CARD_KIND_CHOICE:
      {
        int answer = entente_card_get_answer_index (card);

        auto_grade = TRUE;
        right = self->picked_choice == answer;
        entente_question_view_show_right_choice (self->question, answer, self->picked_choice);
        if (right)
          set_verdict (self, TRUE, _("Correct"));
        else
          {
            const char * const *choices = entente_card_get_choices (card);
            /* Translators: %s is the right choice of a multiple-choice card */
            g_autofree char *text = g_strdup_printf (_("Not quite: the answer is “%s”"),
                                                     choices[answer]);

            set_verdict (self, FALSE, text);
          }
      }
      break;

    case ENTENTE_CARD_KIND_MAP:
      {
        const char *answer = entente_card_get_answer_code (card);

        auto_grade = TRUE;
        right = self->picked_code != NULL && g_ascii_strcasecmp (self->picked_code, answer) == 0;
        /* The right state is outlined; a wrong pick is named next to it. */
        entente_question_view_show_right_state (self->question, answer, self->picked_code);
        if (right)
          {
            /* Translators: %s is a country */
            g_autofree char *text = g_strdup_printf (_("Correct: %s"),
                                                     entente_pack_get_state_name (self->pack, answer));

            set_verdict (self, TRUE, text);
          }
        else
          {
            /* Translators: the first %s is the country clicked, the second the right one */
            g_autofree char *text = g_strdup_printf (_("Not quite: you picked %s, outlined dashed; the answer, outlined, is %s"),
                                                     entente_pack_get_state_name (self->pack, self->picked_code),
                                                     entente_pack_get_state_name (self->pack, answer));

            set_verdict (self, FALSE, text);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  explanation = entente_card_get_explanation (card);
  if (explanation != NULL && explanation[0] != '\0')
    gtk_box_append (GTK_BOX (self->answer_box), entente_wrapped_label_new (explanation, NULL));

  {
    EntenteSection *section = entente_pack_lookup_section (self->pack, entente_card_get_section (card));

    if (section != NULL)
      {
        /* Translators: a link from a card to its section; %s is the section's title */
        g_autofree char *text = g_strdup_printf (_("Read “%s” in the outline"),
                                                 entente_section_get_title (section));
        GtkWidget *button = gtk_button_new ();
        GtkWidget *label = entente_wrapped_label_new (text, NULL);

        gtk_button_set_child (GTK_BUTTON (button), label);
        gtk_widget_add_css_class (button, "link-button");
        gtk_widget_add_css_class (button, "flat");
        gtk_widget_set_halign (button, GTK_ALIGN_START);
        g_signal_connect_object (button, "clicked", G_CALLBACK (section_link_clicked_cb), self, 0);
        gtk_box_append (GTK_BOX (self->answer_box), button);
      }
  }

  gtk_widget_set_visible (self->answer_box, TRUE);

  if (auto_grade)
    {
      grade (self, right ? ENTENTE_FSRS_RATING_GOOD : ENTENTE_FSRS_RATING_AGAIN);
      /* A failed save leaves the card in its question: nothing was graded. */
      if (!self->graded)
        return;
      set_phase (self, ENTENTE_REVIEW_PHASE_ANSWER);
      gtk_widget_grab_focus (self->continue_button);
    }
  else
    {
      update_grade_intervals (self);
      set_phase (self, ENTENTE_REVIEW_PHASE_ANSWER);
      gtk_widget_grab_focus (self->grade_buttons[self->suggested - 1]);
    }
}

static void
show_error (EntenteReviewPage *self,
            const char        *message)
{
  GtkWidget *label = entente_wrapped_label_new (message, "error");

  gtk_box_append (self->card_box, label);
}

/* Commits the grade of the card on show. */
static void
grade (EntenteReviewPage *self,
       EntenteFsrsRating  rating)
{
  g_autoptr(GError) error = NULL;
  EntenteFsrsCard current;
  EntenteFsrsCard next;
  EntenteFsrsLog log;
  gint64 now = now_ms ();
  gint64 id;

  g_return_if_fail (self->card != NULL && !self->graded);

  if (self->has_state)
    current = self->state;
  else
    entente_fsrs_card_init (&current, now);

  entente_fsrs_next (&self->params, &current, now, rating, &next, &log);

  id = -1;
  if (self->store != NULL)
    {
      self->recording = TRUE;
      id = entente_progress_store_record_review (self->store, entente_pack_get_id (self->pack),
                                                 entente_card_get_id (self->card),
                                                 &log, &next, self->answer_ms, &error);
      self->recording = FALSE;
    }
  if (id > 0 && self->states != NULL)
    g_hash_table_insert (self->states, g_strdup (entente_card_get_id (self->card)),
                         g_memdup2 (&next, sizeof next));
  if (id > 0)
    update_today (self);
  if (id <= 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why the grade could not be saved */
      message = g_strdup_printf (_("This grade could not be saved: %s"),
                                 error != NULL ? error->message : _("progress is not available"));
      show_error (self, message);
      return;
    }

  g_array_append_val (self->undo_ids, id);
  g_ptr_array_add (self->undo_cards, g_object_ref (self->card));
  g_array_append_val (self->undo_ratings, rating);
  self->n_reviewed++;
  if (rating == ENTENTE_FSRS_RATING_AGAIN)
    self->n_forgotten++;
  self->graded = TRUE;
  update_progress_label (self);
}

static void
show_card (EntenteReviewPage *self,
           EntenteCard       *card)
{
  g_autoptr(GError) error = NULL;

  g_set_object (&self->card, card);
  self->graded = FALSE;
  self->has_state = FALSE;
  if (self->store != NULL)
    self->has_state = entente_progress_store_lookup_card (self->store, entente_pack_get_id (self->pack),
                                                          entente_card_get_id (card), &self->state,
                                                          &error);
  g_hash_table_add (self->seen, (gpointer) entente_card_get_id (card));

  build_question (self);
  update_progress_label (self);
  self->shown_at = g_get_monotonic_time ();
  set_phase (self, ENTENTE_REVIEW_PHASE_QUESTION);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->card_scroller), 0);
  if (entente_question_view_get_entry (self->question) != NULL ||
      entente_question_view_get_n_choices (self->question) > 0 ||
      entente_question_view_get_map_view (self->question) != NULL)
    entente_question_view_grab_answer_focus (self->question, 0);
  else
    gtk_widget_grab_focus (self->reveal_button);
}

/* The cards the session would still have shown: those due now, the learning steps due
 * within LEARN_AHEAD_MS (shown rather than ending the session) and, in a section's
 * session, the section's cards not shown yet. 0 when the session ran to its end. */
static guint
count_left (EntenteReviewPage *self,
            GHashTable        *states)
{
  g_autoptr(EntenteReviewQueue) queue = build_queue (self, self->scope, states, self->section_id != NULL);
  g_autoptr(GHashTable) queued = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_items = entente_review_queue_get_n_items (queue);
  guint n_left = n_items;
  gint64 now = now_ms ();

  for (guint i = 0; i < n_items; i++)
    g_hash_table_add (queued, (gpointer) entente_review_queue_get_item (queue, i)->card_id);
  for (guint i = 0; i < self->scope->len; i++)
    {
      const char *id = self->scope->pdata[i];
      const EntenteFsrsCard *state = g_hash_table_lookup (states, id);

      if (g_hash_table_contains (queued, id))
        continue;
      if (state != NULL &&
          (state->state == ENTENTE_FSRS_STATE_LEARNING ||
           state->state == ENTENTE_FSRS_STATE_RELEARNING) &&
          state->due <= now + LEARN_AHEAD_MS)
        n_left++;
      else if (self->section_id != NULL && !g_hash_table_contains (self->seen, id))
        n_left++;
    }

  return n_left;
}

static void
show_summary (EntenteReviewPage *self)
{
  g_autoptr(GHashTable) states = load_states (self);
  g_autoptr(GPtrArray) ids = all_card_ids (self->pack);
  guint n_left = count_left (self, states);
  /* With cards left, they are the next ones, due now. */
  g_autofree char *next = n_left > 0 ? NULL : format_next_due (next_due (ids, states, now_ms ()));
  guint minutes = (guint) ((g_get_monotonic_time () - self->started_at) / G_USEC_PER_SEC / 60);
  /* Translators: a line of the summary at the end of a review session; %u is the number of
     cards graded */
  g_autofree char *cards = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card reviewed",
                                                         "%u cards reviewed", self->n_reviewed),
                                            self->n_reviewed);
  /* One line each, so that every language can word them whole. */
  g_autofree char *time = minutes < 1 ? g_strdup (_("Time: under a minute"))
                                      /* Translators: a line of the summary at the end of a
                                         review session; %u is the number of whole minutes the
                                         session took */
                                      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Time: %u minute",
                                                                      "Time: %u minutes", minutes),
                                                         minutes);
  /* Translators: how many cards were graded Again in a review session */
  g_autofree char *forgotten = g_strdup_printf (_("Forgotten: %u"), self->n_forgotten);
  g_autofree char *left = NULL;
  g_autofree char *text = NULL;

  if (n_left > 0 && self->section_id != NULL)
    /* Translators: the last line of the summary of a section's review session that the
       learner ended early; %u is the number of the section's cards not reviewed */
    left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card of this section is left.",
                                         "%u cards of this section are left.", n_left),
                            n_left);
  else if (n_left > 0)
    /* Translators: the last line of the summary of a review session that the learner ended
       early; %u is the number of cards still due or new today */
    left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card is left for today.",
                                         "%u cards are left for today.", n_left),
                            n_left);
  text = g_strjoin ("\n", cards, time, forgotten, left, NULL);

  if (next != NULL)
    {
      char *joined = g_strconcat (text, "\n", next, NULL);

      g_free (text);
      text = joined;
    }

  g_clear_object (&self->card);
  clear_card_box (self);
  adw_status_page_set_description (self->done_status, text);
  /* Ended early, the session is not called complete. */
  adw_status_page_set_title (self->done_status,
                             n_left > 0 ?
                             /* Translators: the title of a review session's summary when
                                the learner stopped before its last card */
                             _("Session Ended") :
                             /* Translators: the title of a review session's summary when
                                every card of the session was reviewed */
                             _("Session Complete"));
  adw_status_page_set_icon_name (self->done_status,
                                 n_left > 0 ? "media-playback-pause-symbolic" : "emblem-ok-symbolic");
  set_phase (self, ENTENTE_REVIEW_PHASE_DONE);
  update_today (self);
}

static void
show_next_card (EntenteReviewPage *self)
{
  g_autoptr(GHashTable) states = load_states (self);
  g_autoptr(EntenteReviewQueue) queue = build_queue (self, self->scope, states, self->section_id != NULL);
  const EntenteReviewItem *item = entente_review_queue_peek (queue);
  const char *card_id = item != NULL ? item->card_id : NULL;
  gint64 now = now_ms ();

  /* Learning steps due soon come now rather than ending the session. */
  if (card_id == NULL)
    {
      gint64 best = 0;

      for (guint i = 0; i < self->scope->len; i++)
        {
          const EntenteFsrsCard *state = g_hash_table_lookup (states, self->scope->pdata[i]);

          if (state != NULL &&
              (state->state == ENTENTE_FSRS_STATE_LEARNING ||
               state->state == ENTENTE_FSRS_STATE_RELEARNING) &&
              state->due <= now + LEARN_AHEAD_MS && (best == 0 || state->due < best))
            {
              best = state->due;
              card_id = self->scope->pdata[i];
            }
        }
    }

  /* A section's session goes once through every card of the section. */
  if (card_id == NULL && self->section_id != NULL)
    for (guint i = 0; i < self->scope->len && card_id == NULL; i++)
      if (!g_hash_table_contains (self->seen, self->scope->pdata[i]))
        card_id = self->scope->pdata[i];

  if (card_id == NULL)
    {
      show_summary (self);
      return;
    }

  show_card (self, entente_pack_lookup_card (self->pack, card_id));
}

static void
start_session (EntenteReviewPage *self,
               const char        *section_id)
{
  g_return_if_fail (self->pack != NULL);

  g_clear_pointer (&self->section_id, g_free);
  g_clear_pointer (&self->scope, g_ptr_array_unref);
  g_hash_table_remove_all (self->seen);
  g_array_set_size (self->undo_ids, 0);
  g_ptr_array_set_size (self->undo_cards, 0);
  g_array_set_size (self->undo_ratings, 0);
  self->n_reviewed = 0;
  self->n_forgotten = 0;
  self->started_at = g_get_monotonic_time ();

  if (section_id != NULL)
    {
      self->section_id = g_strdup (section_id);
      self->scope = entente_review_collect_section_cards (self->pack, section_id);
    }
  else
    self->scope = all_card_ids (self->pack);

  show_next_card (self);
}

/* Actions */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  entente_review_page_start (ENTENTE_REVIEW_PAGE (widget));
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteReviewPage *self = ENTENTE_REVIEW_PAGE (widget);

  if (self->phase == ENTENTE_REVIEW_PHASE_QUESTION)
    reveal (self);
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntenteReviewPage *self = ENTENTE_REVIEW_PAGE (widget);
  int rating = g_variant_get_int32 (parameter);

  if (self->phase != ENTENTE_REVIEW_PHASE_ANSWER || self->graded ||
      rating < ENTENTE_FSRS_RATING_AGAIN || rating > ENTENTE_FSRS_RATING_EASY)
    return;

  grade (self, rating);
  if (self->graded)
    show_next_card (self);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteReviewPage *self = ENTENTE_REVIEW_PAGE (widget);
  int choice = g_variant_get_int32 (parameter);

  if (self->phase != ENTENTE_REVIEW_PHASE_QUESTION || self->card == NULL ||
      entente_card_get_kind (self->card) != ENTENTE_CARD_KIND_CHOICE ||
      choice < 1 || choice > (int) n_choices (self))
    return;

  self->picked_choice = choice - 1;
  reveal (self);
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EntenteReviewPage *self = ENTENTE_REVIEW_PAGE (widget);

  if (self->phase == ENTENTE_REVIEW_PHASE_ANSWER && self->graded)
    show_next_card (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntenteReviewPage *self = ENTENTE_REVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteCard) card = NULL;
  EntenteFsrsRating rating;
  gint64 id;

  if (self->undo_ids->len == 0 || self->store == NULL)
    return;

  id = g_array_index (self->undo_ids, gint64, self->undo_ids->len - 1);
  if (!entente_progress_store_undo_review (self->store, id, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why the grade could not be undone */
      message = g_strdup_printf (_("The last grade could not be undone: %s"), error->message);
      if (self->phase == ENTENTE_REVIEW_PHASE_QUESTION || self->phase == ENTENTE_REVIEW_PHASE_ANSWER)
        show_error (self, message);
      return;
    }

  rating = g_array_index (self->undo_ratings, EntenteFsrsRating, self->undo_ratings->len - 1);
  card = g_object_ref (g_ptr_array_index (self->undo_cards, self->undo_cards->len - 1));
  g_array_set_size (self->undo_ids, self->undo_ids->len - 1);
  g_ptr_array_set_size (self->undo_cards, self->undo_cards->len - 1);
  g_array_set_size (self->undo_ratings, self->undo_ratings->len - 1);
  self->n_reviewed--;
  if (rating == ENTENTE_FSRS_RATING_AGAIN)
    self->n_forgotten--;

  /* The card comes back to be answered again. */
  show_card (self, card);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntenteReviewPage *self = ENTENTE_REVIEW_PAGE (widget);

  switch (self->phase)
    {
    case ENTENTE_REVIEW_PHASE_QUESTION:
    case ENTENTE_REVIEW_PHASE_ANSWER:
      if (self->n_reviewed > 0)
        {
          show_summary (self);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case ENTENTE_REVIEW_PHASE_DONE:
      g_clear_object (&self->card);
      clear_card_box (self);
      g_array_set_size (self->undo_ids, 0);
      g_ptr_array_set_size (self->undo_cards, 0);
      g_array_set_size (self->undo_ratings, 0);
      set_phase (self, ENTENTE_REVIEW_PHASE_TODAY);
      if (gtk_widget_get_visible (self->start_button))
        gtk_widget_grab_focus (self->start_button);
      break;
    case ENTENTE_REVIEW_PHASE_TODAY:
    default:
      break;
    }
}

/* The page's keys, as shortcuts (bubbling up from the focused widget: an entry with an
 * answer being typed keeps its keys). Returns FALSE when the key means nothing now. */
static gboolean
key_binding_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  EntenteReviewPage *self = ENTENTE_REVIEW_PAGE (widget);
  guint keyval = g_variant_get_uint32 (args);
  gboolean manual = self->card != NULL &&
                    (entente_card_get_kind (self->card) == ENTENTE_CARD_KIND_BASIC ||
                     entente_card_get_kind (self->card) == ENTENTE_CARD_KIND_CLOZE);
  int digit = entente_question_view_key_to_digit (keyval);

  switch (self->phase)
    {
    case ENTENTE_REVIEW_PHASE_QUESTION:
      if (digit > 0 && self->card != NULL &&
          entente_card_get_kind (self->card) == ENTENTE_CARD_KIND_CHOICE &&
          digit <= (int) n_choices (self))
        {
          self->picked_choice = digit - 1;
          reveal (self);
          return TRUE;
        }
      if (manual && (keyval == GDK_KEY_space || keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter))
        {
          reveal (self);
          return TRUE;
        }
      break;

    case ENTENTE_REVIEW_PHASE_ANSWER:
      if (manual && !self->graded && digit >= 1 && digit <= 4)
        {
          grade (self, digit);
          if (self->graded)
            show_next_card (self);
          return TRUE;
        }
      if (self->graded &&
          (keyval == GDK_KEY_space || keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter))
        {
          show_next_card (self);
          return TRUE;
        }
      break;

    case ENTENTE_REVIEW_PHASE_TODAY:
    case ENTENTE_REVIEW_PHASE_DONE:
    default:
      break;
    }

  if (keyval == GDK_KEY_Escape && self->phase != ENTENTE_REVIEW_PHASE_TODAY)
    {
      gtk_widget_activate_action (widget, "review.finish", NULL);
      return TRUE;
    }

  return FALSE;
}

/* Today's overview and the badge follow every change, also those of a session. */
static void
store_changed_cb (EntenteReviewPage *self)
{
  /* A grade of ours: grade() keeps the states and the badge in step. */
  if (self->recording)
    return;

  g_clear_pointer (&self->states, g_hash_table_unref);
  update_today (self);
}

static void
entente_review_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EntenteReviewPage *self = ENTENTE_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_TODAY:
      g_value_set_uint (value, self->n_today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
build_grade_buttons (EntenteReviewPage *self)
{
  const char *names[4] = {
    /* Translators: the first of the four grades of a review (spaced repetition, as in Anki):
       the answer was forgotten and the card comes back soon */
    N_("Again"),
    /* Translators: the second grade of a review: remembered, with serious difficulty */
    N_("Hard"),
    /* Translators: the third grade of a review: remembered after some thought */
    N_("Good"),
    /* Translators: the fourth grade of a review: remembered at once, without effort */
    N_("Easy"),
  };

  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *name = gtk_label_new (_(names[i]));
      GtkWidget *interval = gtk_label_new (NULL);
      /* Translators: a grade button's tooltip: "Good (3)" */
      g_autofree char *tooltip = g_strdup_printf (_("%s (%u)"), _(names[i]), i + 1);

      gtk_widget_add_css_class (interval, "caption");
      gtk_widget_add_css_class (interval, "numeric");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), interval);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "grade");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.grade");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) (i + 1));
      gtk_box_append (self->grade_box, button);
      self->grade_buttons[i] = button;
      self->grade_intervals[i] = GTK_LABEL (interval);
    }
  gtk_widget_add_css_class (self->grade_buttons[0], "destructive-action");
}

/* The scheduler's parameters from the preferences: the retention wanted, the longest
 * interval, and whether to spread reviews (fuzz); the weights are FSRS-6's defaults. */
static void
load_params (EntenteReviewPage *self)
{
  entente_fsrs_params_init_default (&self->params);
  self->params.request_retention = g_settings_get_double (self->settings, "desired-retention");
  self->params.maximum_interval = g_settings_get_uint (self->settings, "maximum-interval");
  self->params.enable_fuzz = g_settings_get_boolean (self->settings, "enable-fuzz");
  entente_fsrs_params_clip (&self->params);
}

static void
settings_changed_cb (EntenteReviewPage *self,
                     const char        *key)
{
  if (g_str_equal (key, "desired-retention") || g_str_equal (key, "maximum-interval") ||
      g_str_equal (key, "enable-fuzz"))
    load_params (self);
  else if (g_str_equal (key, "new-cards-per-day"))
    update_today (self);

  if (self->phase == ENTENTE_REVIEW_PHASE_ANSWER && !self->graded)
    update_grade_intervals (self);
}

static void
entente_review_page_dispose (GObject *object)
{
  EntenteReviewPage *self = ENTENTE_REVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_REVIEW_PAGE);

  g_clear_object (&self->card);
  g_clear_object (&self->pack);
  g_clear_object (&self->store);
  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->atlas);

  G_OBJECT_CLASS (entente_review_page_parent_class)->dispose (object);
}

static void
entente_review_page_finalize (GObject *object)
{
  EntenteReviewPage *self = ENTENTE_REVIEW_PAGE (object);

  g_clear_pointer (&self->section_id, g_free);
  g_clear_pointer (&self->scope, g_ptr_array_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->undo_ids, g_array_unref);
  g_clear_pointer (&self->undo_cards, g_ptr_array_unref);
  g_clear_pointer (&self->undo_ratings, g_array_unref);
  g_clear_pointer (&self->picked_code, g_free);

  G_OBJECT_CLASS (entente_review_page_parent_class)->finalize (object);
}

/* Focus given to the page (Alt+3) goes to Start Review on the day's overview; otherwise
 * (chaining up) the page takes none and its caller moves the focus into it. */
static gboolean
entente_review_page_grab_focus (GtkWidget *widget)
{
  EntenteReviewPage *self = ENTENTE_REVIEW_PAGE (widget);

  if (self->phase == ENTENTE_REVIEW_PHASE_TODAY && gtk_widget_get_visible (self->start_button) &&
      gtk_widget_grab_focus (self->start_button))
    return TRUE;

  return GTK_WIDGET_CLASS (entente_review_page_parent_class)->grab_focus (widget);
}

static void
entente_review_page_class_init (EntenteReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_review_page_dispose;
  object_class->finalize = entente_review_page_finalize;
  object_class->get_property = entente_review_page_get_property;
  widget_class->grab_focus = entente_review_page_grab_focus;

  /* The cards due and new today when the page last looked (0 when progress cannot be
   * saved): the window shows it as the page's badge. */
  properties[PROP_N_TODAY] =
    g_param_spec_uint ("n-today", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_SECTION] =
    g_signal_new ("show-section",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/entente-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, today_title);
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, today_subtitle);
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, today_list);
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, type_switch);
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, card_scroller);
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, card_box);
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, grade_box);
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteReviewPage, done_status);

  gtk_widget_class_install_action (widget_class, "review.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "review.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "review.grade", "i", grade_action);
  gtk_widget_class_install_action (widget_class, "review.choose", "i", choose_action);
  gtk_widget_class_install_action (widget_class, "review.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "review.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "review.finish", NULL, finish_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "review.undo", NULL);
  {
    static const guint keys[] = { GDK_KEY_space, GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_Escape };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      gtk_widget_class_add_binding (widget_class, keys[i], 0, key_binding_cb, "u", keys[i]);
  }
  entente_question_view_bind_number_keys (widget_class, key_binding_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reviewpage");
}

static void
entente_review_page_init (EntenteReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  load_params (self);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->seen = g_hash_table_new (g_str_hash, g_str_equal);
  self->undo_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->undo_cards = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo_ratings = g_array_new (FALSE, FALSE, sizeof (EntenteFsrsRating));
  self->picked_choice = -1;

  build_grade_buttons (self);

  g_settings_bind (self->settings, "type-answers", self->type_switch, "active", G_SETTINGS_BIND_DEFAULT);

  set_phase (self, ENTENTE_REVIEW_PHASE_TODAY);
}

GtkWidget *
entente_review_page_new (void)
{
  return g_object_new (ENTENTE_TYPE_REVIEW_PAGE, NULL);
}

void
entente_review_page_set_pack (EntenteReviewPage *self,
                              EntentePack       *pack)
{
  g_return_if_fail (ENTENTE_IS_REVIEW_PAGE (self));
  g_return_if_fail (pack == NULL || ENTENTE_IS_PACK (pack));

  if (!g_set_object (&self->pack, pack))
    return;
  g_clear_pointer (&self->states, g_hash_table_unref);

  g_clear_object (&self->card);
  clear_card_box (self);
  g_array_set_size (self->undo_ids, 0);
  g_ptr_array_set_size (self->undo_cards, 0);
  g_array_set_size (self->undo_ratings, 0);
  set_phase (self, ENTENTE_REVIEW_PHASE_TODAY);
}

EntentePack *
entente_review_page_get_pack (EntenteReviewPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_REVIEW_PAGE (self), NULL);

  return self->pack;
}

void
entente_review_page_set_store (EntenteReviewPage    *self,
                               EntenteProgressStore *store)
{
  g_return_if_fail (ENTENTE_IS_REVIEW_PAGE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;
  g_clear_pointer (&self->states, g_hash_table_unref);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->phase == ENTENTE_REVIEW_PHASE_TODAY)
    update_today (self);
}

void
entente_review_page_start (EntenteReviewPage *self)
{
  g_return_if_fail (ENTENTE_IS_REVIEW_PAGE (self));

  if (self->pack == NULL || !can_save (self))
    return;

  start_session (self, NULL);
}

void
entente_review_page_start_section (EntenteReviewPage *self,
                                   const char        *section_id)
{
  g_return_if_fail (ENTENTE_IS_REVIEW_PAGE (self));
  g_return_if_fail (section_id != NULL);

  if (self->pack == NULL || !can_save (self))
    return;

  start_session (self, section_id);
}

EntenteReviewPhase
entente_review_page_get_phase (EntenteReviewPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_REVIEW_PAGE (self), ENTENTE_REVIEW_PHASE_TODAY);

  return self->phase;
}

EntenteCard *
entente_review_page_get_card (EntenteReviewPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_REVIEW_PAGE (self), NULL);

  return self->card;
}

guint
entente_review_page_get_n_today (EntenteReviewPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_REVIEW_PAGE (self), 0);

  return self->n_today;
}

guint
entente_review_page_get_n_reviewed (EntenteReviewPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_REVIEW_PAGE (self), 0);

  return self->n_reviewed;
}

GtkWidget *
entente_review_page_get_map_view (EntenteReviewPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_REVIEW_PAGE (self), NULL);

  return self->question != NULL ? GTK_WIDGET (entente_question_view_get_map_view (self->question)) : NULL;
}
