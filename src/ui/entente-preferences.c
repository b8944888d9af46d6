/* entente-preferences.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "entente-application.h"
#include "entente-exam-page.h"
#include "entente-preferences.h"
#include "entente-window.h"

struct _EntentePreferences
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
  GtkSpinButton        *new_cards_spin;
  AdwActionRow         *retention_row;
  GtkSpinButton        *retention_spin;
  GtkSpinButton        *interval_spin;
  GtkSwitch            *fuzz_switch;
  GtkSwitch            *type_switch;
  AdwComboRow          *exam_count_row;
  GtkSwitch            *exam_switches[4];   /* in the order of exam_kind_names */
  AdwComboRow          *exam_time_row;
  gboolean              loading_kinds;      /* the switches follow the settings */
  AdwPreferencesGroup  *progress_group;
  AdwActionRow         *reset_row;
  GtkWidget            *reset_button;

  EntenteWindow        *window;  /* weak: the window whose pack can be reset */
};

G_DEFINE_FINAL_TYPE (EntentePreferences, entente_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* The desired retention in plain words: what it means for the learner. */
static void
update_retention_subtitle (EntentePreferences *self)
{
  double retention = g_settings_get_double (self->settings, "desired-retention");
  int in_hundred = (int) lround (retention * 100);
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %d is a number from 70 to 97 */
                                       "Cards come back when you would still remember %d in 100 of them. Higher means more reviews and less forgetting.",
                                       "Cards come back when you would still remember %d in 100 of them. Higher means more reviews and less forgetting.",
                                       in_hundred),
                          in_hundred);
  adw_action_row_set_subtitle (self->retention_row, text);
}

static void
reset_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   EntentePreferences *self)
{
  EntenteProgressStore *store = entente_application_get_progress_store (ENTENTE_APPLICATION (g_application_get_default ()));
  EntentePack *pack = self->window != NULL ? entente_window_get_pack (self->window) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (pack == NULL || store == NULL)
    return;

  if (g_str_equal (response, "export"))
    {
      /* The menu's export, in the main window; the reset can follow. */
      gtk_widget_activate_action (GTK_WIDGET (self->window), "win.export-progress", NULL);
      return;
    }
  if (!g_str_equal (response, "reset"))
    return;

  if (!entente_progress_store_forget_pack (store, entente_pack_get_id (pack), &error))
    /* Translators: %s says why */
    text = g_strdup_printf (_("The progress could not be reset: %s"), error->message);
  else
    text = g_strdup (_("The progress of this pack was reset."));

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
reset_clicked_cb (EntentePreferences *self)
{
  EntentePack *pack = self->window != NULL ? entente_window_get_pack (self->window) : NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (pack == NULL)
    return;

  /* Translators: %s is a study pack's title */
  body = g_strdup_printf (_("Every review, exam and quiz of “%s” will be deleted, and its cards will be new again. This cannot be undone. Export your progress first to keep a copy."),
                          entente_pack_get_title (pack));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reset Progress?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export First…"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (nick, "light") ? 1 : g_str_equal (nick, "dark") ? 2 : 0);
  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  static const char *nicks[] = { "system", "light", "dark" };
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (nicks[MIN (selected, G_N_ELEMENTS (nicks) - 1)]);
}

/* The exam defaults: the kinds of question, one switch each, in "exam-kinds". */
static const char * const exam_kind_names[] = { "choice", "basic", "cloze", "map" };

static void
load_exam_kinds (EntentePreferences *self)
{
  g_auto(GStrv) names = g_settings_get_strv (self->settings, "exam-kinds");
  EntenteExamKinds kinds = entente_exam_page_kinds_from_names ((const char * const *) names);
  guint n_on = 0;

  self->loading_kinds = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (exam_kind_names); i++)
    {
      const char *one[] = { exam_kind_names[i], NULL };
      gboolean on = (kinds & entente_exam_page_kinds_from_names (one)) != 0;

      gtk_switch_set_active (self->exam_switches[i], on);
      n_on += on ? 1 : 0;
    }
  self->loading_kinds = FALSE;

  /* An exam needs at least one kind: the last one on stays on. */
  for (guint i = 0; i < G_N_ELEMENTS (exam_kind_names); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->exam_switches[i]),
                              n_on > 1 || !gtk_switch_get_active (self->exam_switches[i]));
}

static void
exam_switch_changed_cb (EntentePreferences *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "exam-kinds");

  if (self->loading_kinds)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (exam_kind_names); i++)
    if (gtk_switch_get_active (self->exam_switches[i]))
      g_strv_builder_add (builder, exam_kind_names[i]);
  names = g_strv_builder_end (builder);

  if (names[0] != NULL && !g_strv_equal ((const char * const *) names, (const char * const *) old))
    g_settings_set_strv (self->settings, "exam-kinds", (const char * const *) names);
  else
    load_exam_kinds (self);
}

/* The exam defaults' number of questions and time limit: a setting holds a number, its
 * row shows the nearest of the Practice page's choices. */
typedef struct
{
  guint (*find) (guint value);
  guint (*get)  (guint position);
} ChoiceMapping;

static const ChoiceMapping count_mapping = {
  entente_exam_page_find_count_choice, entente_exam_page_get_count_choice
};
static const ChoiceMapping time_limit_mapping = {
  entente_exam_page_find_time_limit_choice, entente_exam_page_get_time_limit_choice
};

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const ChoiceMapping *mapping = user_data;

  g_value_set_uint (value, mapping->find (g_variant_get_uint32 (variant)));
  return TRUE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const ChoiceMapping *mapping = user_data;

  return g_variant_new_uint32 (mapping->get (g_value_get_uint (value)));
}

static void
entente_preferences_dispose (GObject *object)
{
  EntentePreferences *self = ENTENTE_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_PREFERENCES);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (entente_preferences_parent_class)->dispose (object);
}

static void
entente_preferences_class_init (EntentePreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/entente-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, EntentePreferences, style_row);
  gtk_widget_class_bind_template_child (widget_class, EntentePreferences, new_cards_spin);
  gtk_widget_class_bind_template_child (widget_class, EntentePreferences, retention_row);
  gtk_widget_class_bind_template_child (widget_class, EntentePreferences, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, EntentePreferences, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, EntentePreferences, fuzz_switch);
  gtk_widget_class_bind_template_child (widget_class, EntentePreferences, type_switch);
  gtk_widget_class_bind_template_child (widget_class, EntentePreferences, exam_count_row);
  gtk_widget_class_bind_template_child_full (widget_class, "exam_choice_switch", FALSE,
                                             G_STRUCT_OFFSET (EntentePreferences, exam_switches[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "exam_basic_switch", FALSE,
                                             G_STRUCT_OFFSET (EntentePreferences, exam_switches[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "exam_cloze_switch", FALSE,
                                             G_STRUCT_OFFSET (EntentePreferences, exam_switches[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "exam_map_switch", FALSE,
                                             G_STRUCT_OFFSET (EntentePreferences, exam_switches[3]));
  gtk_widget_class_bind_template_child (widget_class, EntentePreferences, exam_time_row);
  gtk_widget_class_bind_template_child (widget_class, EntentePreferences, progress_group);
  gtk_widget_class_bind_template_child (widget_class, EntentePreferences, reset_row);
  gtk_widget_class_bind_template_child (widget_class, EntentePreferences, reset_button);
}

static void
entente_preferences_init (EntentePreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_settings_bind_with_mapping (self->settings, "style", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_get_mapping, style_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "new-cards-per-day", self->new_cards_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "desired-retention", self->retention_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "maximum-interval", self->interval_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "enable-fuzz", self->fuzz_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "type-answers", self->type_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  g_settings_bind_with_mapping (self->settings, "exam-question-count", self->exam_count_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_get_mapping, choice_set_mapping,
                                (gpointer) &count_mapping, NULL);
  g_settings_bind_with_mapping (self->settings, "exam-time-limit", self->exam_time_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_get_mapping, choice_set_mapping,
                                (gpointer) &time_limit_mapping, NULL);
  load_exam_kinds (self);
  g_signal_connect_object (self->settings, "changed::exam-kinds", G_CALLBACK (load_exam_kinds), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (self->exam_switches); i++)
    g_signal_connect_object (self->exam_switches[i], "notify::active", G_CALLBACK (exam_switch_changed_cb),
                             self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::desired-retention",
                           G_CALLBACK (update_retention_subtitle), self, G_CONNECT_SWAPPED);
  update_retention_subtitle (self);
  g_signal_connect_object (self->reset_button, "clicked", G_CALLBACK (reset_clicked_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
entente_preferences_new (GtkWindow *parent)
{
  EntentePreferences *self = g_object_new (ENTENTE_TYPE_PREFERENCES,
                                           "transient-for", parent,
                                           "modal", TRUE,
                                           NULL);

  /* The open pack's progress can be reset from here. */
  if (ENTENTE_IS_WINDOW (parent) && entente_window_get_pack (ENTENTE_WINDOW (parent)) != NULL &&
      g_list_model_get_n_items (entente_pack_get_cards (entente_window_get_pack (ENTENTE_WINDOW (parent)))) > 0)
    {
      EntentePack *pack = entente_window_get_pack (ENTENTE_WINDOW (parent));

      g_set_weak_pointer (&self->window, ENTENTE_WINDOW (parent));
      adw_action_row_set_subtitle (self->reset_row, entente_pack_get_title (pack));
      gtk_widget_set_visible (GTK_WIDGET (self->progress_group), TRUE);
    }

  return GTK_WIDGET (self);
}
