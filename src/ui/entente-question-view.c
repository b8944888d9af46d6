/* entente-question-view.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "entente-question-view.h"

#define MAX_CHOICES ENTENTE_QUESTION_VIEW_MAX_CHOICES

/* A row of the list of states. GtkListBoxRow has no accessible action in GTK 4.8, so the
 * row installs one ("state.pick") that activates it, as Enter or a click does: a screen
 * reader, or a test over AT-SPI, can then answer with it. */

#define ENTENTE_TYPE_STATE_ROW (entente_state_row_get_type ())

G_DECLARE_FINAL_TYPE (EntenteStateRow, entente_state_row, ENTENTE, STATE_ROW, GtkListBoxRow)

struct _EntenteStateRow
{
  GtkListBoxRow  parent_instance;

  char          *code;
  GtkWidget     *check;
};

G_DEFINE_FINAL_TYPE (EntenteStateRow, entente_state_row, GTK_TYPE_LIST_BOX_ROW)

static void
state_row_pick_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_signal_emit_by_name (widget, "activate");
}

static void
entente_state_row_finalize (GObject *object)
{
  EntenteStateRow *self = ENTENTE_STATE_ROW (object);

  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (entente_state_row_parent_class)->finalize (object);
}

static void
entente_state_row_class_init (EntenteStateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = entente_state_row_finalize;
  gtk_widget_class_install_action (widget_class, "state.pick", NULL, state_row_pick_action);
}

static void
entente_state_row_init (EntenteStateRow *self)
{
}

static GtkWidget *
entente_state_row_new (const char *code,
                       const char *name)
{
  EntenteStateRow *self = g_object_new (ENTENTE_TYPE_STATE_ROW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = entente_wrapped_label_new (name, NULL);

  self->code = g_strdup (code);
  self->check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_visible (self->check, FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->check);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return GTK_WIDGET (self);
}

static void
entente_state_row_set_picked (EntenteStateRow *self,
                              gboolean         picked)
{
  gtk_widget_set_visible (self->check, picked);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, picked, -1);
}

/* The question view */

struct _EntenteQuestionView
{
  GtkWidget      parent_instance;

  EntentePack   *pack;
  EntenteAtlas  *atlas;

  GtkWidget     *choice_buttons[MAX_CHOICES];
  guint          n_choices;
  GtkWidget     *entry;
  GtkWidget     *map_view;
  GtkWidget     *state_list;
  GtkWidget     *state_area;    /* the list with its label */
};

G_DEFINE_FINAL_TYPE (EntenteQuestionView, entente_question_view, GTK_TYPE_WIDGET)

enum {
  CHOICE_ACTIVATED,
  STATE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
entente_wrapped_label_new (const char *text,
                           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* The choice a number key (1-8, also on the keypad) stands for, from 1; or 0. */
int
entente_question_view_key_to_digit (guint keyval)
{
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_8)
    return (int) (keyval - GDK_KEY_0);
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_8)
    return (int) (keyval - GDK_KEY_KP_0);

  return 0;
}

/* Binds 1-8, also on the keypad, to @callback on a page's class, with the key as its
 * argument ("u"); entente_question_view_key_to_digit() reads it. */
void
entente_question_view_bind_number_keys (GtkWidgetClass  *widget_class,
                                        GtkShortcutFunc  callback)
{
  for (guint i = 1; i <= MAX_CHOICES; i++)
    {
      gtk_widget_class_add_binding (widget_class, GDK_KEY_0 + i, 0, callback, "u", GDK_KEY_0 + i);
      gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_0 + i, 0, callback, "u", GDK_KEY_KP_0 + i);
    }
}

static void
entente_question_view_dispose (GObject *object)
{
  EntenteQuestionView *self = ENTENTE_QUESTION_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->pack);
  g_clear_object (&self->atlas);

  G_OBJECT_CLASS (entente_question_view_parent_class)->dispose (object);
}

static void
entente_question_view_class_init (EntenteQuestionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_question_view_dispose;

  signals[CHOICE_ACTIVATED] =
    g_signal_new ("choice-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
  signals[STATE_ACTIVATED] =
    g_signal_new ("state-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "questionview");
}

static void
entente_question_view_init (EntenteQuestionView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
}

/* A view for one question of @pack; @atlas draws its map, if it has one. */
GtkWidget *
entente_question_view_new (EntentePack  *pack,
                           EntenteAtlas *atlas)
{
  EntenteQuestionView *self = g_object_new (ENTENTE_TYPE_QUESTION_VIEW, NULL);

  g_set_object (&self->pack, pack);
  g_set_object (&self->atlas, atlas);

  return GTK_WIDGET (self);
}

void
entente_question_view_append (EntenteQuestionView *self,
                              GtkWidget           *child)
{
  g_return_if_fail (ENTENTE_IS_QUESTION_VIEW (self));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

GtkWidget *
entente_question_view_add_label (EntenteQuestionView *self,
                                 const char          *text,
                                 const char          *css_class)
{
  GtkWidget *label = entente_wrapped_label_new (text, css_class);

  entente_question_view_append (self, label);
  return label;
}

/* Choices */

static void
choice_clicked_cb (GtkButton           *button,
                   EntenteQuestionView *self)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "choice-index"));

  g_signal_emit (self, signals[CHOICE_ACTIVATED], 0, index);
}

/* Numbered buttons, "1.  Berlin", one for each choice (at most eight). */
void
entente_question_view_add_choices (EntenteQuestionView *self,
                                   const char * const  *choices)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  g_return_if_fail (ENTENTE_IS_QUESTION_VIEW (self));

  for (guint i = 0; choices != NULL && choices[i] != NULL && i < MAX_CHOICES; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u.  %s", i + 1, choices[i]);
      GtkWidget *button = gtk_button_new ();

      gtk_button_set_child (GTK_BUTTON (button), entente_wrapped_label_new (text, NULL));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_widget_add_css_class (button, "choice");
      g_object_set_data (G_OBJECT (button), "choice-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (choice_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), button);
      self->choice_buttons[i] = button;
      self->n_choices = i + 1;
    }

  entente_question_view_append (self, box);
}

guint
entente_question_view_get_n_choices (EntenteQuestionView *self)
{
  g_return_val_if_fail (ENTENTE_IS_QUESTION_VIEW (self), 0);

  return self->n_choices;
}

/* Marks @chosen (from 0; -1 for none) as picked, without saying whether it is right. */
void
entente_question_view_mark_choice (EntenteQuestionView *self,
                                   int                  chosen)
{
  g_return_if_fail (ENTENTE_IS_QUESTION_VIEW (self));

  for (guint i = 0; i < self->n_choices; i++)
    {
      if ((int) i == chosen)
        gtk_widget_add_css_class (self->choice_buttons[i], "chosen");
      else
        gtk_widget_remove_css_class (self->choice_buttons[i], "chosen");
    }
}

/* The answer: the choices can no longer be picked, the right one is marked, and a wrong
 * @given one too. */
void
entente_question_view_show_right_choice (EntenteQuestionView *self,
                                         int                  right,
                                         int                  given)
{
  g_return_if_fail (ENTENTE_IS_QUESTION_VIEW (self));

  for (guint i = 0; i < self->n_choices; i++)
    {
      gtk_widget_set_sensitive (self->choice_buttons[i], FALSE);
      if ((int) i == right)
        gtk_widget_add_css_class (self->choice_buttons[i], "right-choice");
      else if ((int) i == given)
        gtk_widget_add_css_class (self->choice_buttons[i], "wrong-choice");
    }
}

/* The typed answer */

GtkWidget *
entente_question_view_add_entry (EntenteQuestionView *self,
                                 const char          *text)
{
  g_return_val_if_fail (ENTENTE_IS_QUESTION_VIEW (self), NULL);

  self->entry = gtk_entry_new ();
  /* Translators: the grey hint in the empty box where the learner types an answer */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Your answer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your answer"), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  entente_question_view_append (self, self->entry);

  return self->entry;
}

GtkWidget *
entente_question_view_get_entry (EntenteQuestionView *self)
{
  g_return_val_if_fail (ENTENTE_IS_QUESTION_VIEW (self), NULL);

  return self->entry;
}

/* The map, and the list of states */

static void
country_activated_cb (EntenteMapView      *map_view,
                      const char          *code,
                      EntenteQuestionView *self)
{
  g_signal_emit (self, signals[STATE_ACTIVATED], 0, code);
}

static void
state_row_activated_cb (GtkListBox          *list,
                        GtkListBoxRow       *row,
                        EntenteQuestionView *self)
{
  if (ENTENTE_IS_STATE_ROW (row))
    g_signal_emit (self, signals[STATE_ACTIVATED], 0, ENTENTE_STATE_ROW (row)->code);
}

typedef struct
{
  const char *code;
  const char *name;
} StateName;

static int
compare_state_names (gconstpointer a,
                     gconstpointer b)
{
  return g_utf8_collate (((const StateName *) a)->name, ((const StateName *) b)->name);
}

/* The pack's states, by name, one row each: the map's twin for those who cannot point. */
static GtkWidget *
state_list_new (EntenteQuestionView *self)
{
  GListModel *members = entente_pack_get_members (self->pack);
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (StateName));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Or choose it from the list:"));

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(EntenteMember) member = g_list_model_get_item (members, i);
      StateName state = { entente_member_get_code (member), NULL };

      state.name = entente_pack_get_state_name (self->pack, state.code);
      g_array_append_val (names, state);
    }
  g_array_sort (names, compare_state_names);

  self->state_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->state_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->state_list, "boxed-list");
  for (guint i = 0; i < names->len; i++)
    {
      const StateName *state = &g_array_index (names, StateName, i);

      gtk_list_box_append (GTK_LIST_BOX (self->state_list), entente_state_row_new (state->code, state->name));
    }
  g_signal_connect_object (self->state_list, "row-activated", G_CALLBACK (state_row_activated_cb), self, 0);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* The label names the list for a screen reader too. */
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->state_list);
  gtk_widget_add_css_class (label, "dim-label");

  /* The list is as long as it is: the question scrolls as a whole, with no scrolling
   * within scrolling. */
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->state_list);
  self->state_area = box;

  return box;
}

/* The map of the pack's states; with @with_list, the hint to click it and the list of
 * states under it. Either gives "state-activated". */
GtkWidget *
entente_question_view_add_map (EntenteQuestionView *self,
                               gboolean             with_list)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  g_return_val_if_fail (ENTENTE_IS_QUESTION_VIEW (self), NULL);

  if (with_list)
    entente_question_view_add_label (self, _("Click the state on the map, or move to it with Tab and press Enter."),
                                     "dim-label");

  if (self->atlas == NULL)
    self->atlas = entente_atlas_new ();
  self->map_view = entente_map_view_new ();
  entente_map_view_set_atlas (ENTENTE_MAP_VIEW (self->map_view), self->atlas);
  entente_map_view_set_pack (ENTENTE_MAP_VIEW (self->map_view), self->pack);
  gtk_widget_set_size_request (self->map_view, -1, 340);
  gtk_widget_set_vexpand (self->map_view, TRUE);
  g_signal_connect_object (self->map_view, "country-activated", G_CALLBACK (country_activated_cb), self, 0);
  gtk_frame_set_child (GTK_FRAME (frame), self->map_view);
  entente_question_view_append (self, frame);

  if (with_list)
    entente_question_view_append (self, state_list_new (self));

  return self->map_view;
}

EntenteMapView *
entente_question_view_get_map_view (EntenteQuestionView *self)
{
  g_return_val_if_fail (ENTENTE_IS_QUESTION_VIEW (self), NULL);

  return self->map_view != NULL ? ENTENTE_MAP_VIEW (self->map_view) : NULL;
}

GtkWidget *
entente_question_view_get_state_list (EntenteQuestionView *self)
{
  g_return_val_if_fail (ENTENTE_IS_QUESTION_VIEW (self), NULL);

  return self->state_list;
}

static void
mark_state_rows (EntenteQuestionView *self,
                 const char          *code)
{
  GtkWidget *row;

  if (self->state_list == NULL)
    return;

  for (row = gtk_widget_get_first_child (self->state_list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ENTENTE_IS_STATE_ROW (row))
      entente_state_row_set_picked (ENTENTE_STATE_ROW (row),
                                    code != NULL && g_ascii_strcasecmp (ENTENTE_STATE_ROW (row)->code, code) == 0);
}

/* The state picked so far (an exam's answer, not yet graded): selected on the map and
 * ticked in the list. */
void
entente_question_view_set_picked_state (EntenteQuestionView *self,
                                        const char          *code)
{
  g_return_if_fail (ENTENTE_IS_QUESTION_VIEW (self));

  if (self->map_view != NULL)
    entente_map_view_set_selected_code (ENTENTE_MAP_VIEW (self->map_view), code);
  mark_state_rows (self, code);
}

/* The answer: the right state outlined, a wrong @given one outlined dashed, and no more
 * picking from the list. */
void
entente_question_view_show_right_state (EntenteQuestionView *self,
                                        const char          *right,
                                        const char          *given)
{
  g_return_if_fail (ENTENTE_IS_QUESTION_VIEW (self));

  if (self->map_view != NULL)
    {
      entente_map_view_set_selected_code (ENTENTE_MAP_VIEW (self->map_view), right);
      if (given != NULL && g_ascii_strcasecmp (given, right) != 0)
        entente_map_view_set_marked_code (ENTENTE_MAP_VIEW (self->map_view), given);
    }
  /* The list has done its work: it goes, so that the verdict under it is in sight. */
  if (self->state_area != NULL)
    gtk_widget_set_visible (self->state_area, FALSE);
}

/* Where the keyboard starts: the entry, the choice @choice (from 0) or the first, or
 * the map. */
void
entente_question_view_grab_answer_focus (EntenteQuestionView *self,
                                         int                  choice)
{
  g_return_if_fail (ENTENTE_IS_QUESTION_VIEW (self));

  if (self->entry != NULL)
    gtk_widget_grab_focus (self->entry);
  else if (self->n_choices > 0)
    gtk_widget_grab_focus (self->choice_buttons[CLAMP (choice, 0, (int) self->n_choices - 1)]);
  else if (self->map_view != NULL)
    gtk_widget_grab_focus (self->map_view);
}
