/* entente-preferences.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "entente-preferences.h"

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

static void
entente_preferences_dispose (GObject *object)
{
  EntentePreferences *self = ENTENTE_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_PREFERENCES);
  g_clear_object (&self->settings);

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

  g_signal_connect_object (self->settings, "changed::desired-retention",
                           G_CALLBACK (update_retention_subtitle), self, G_CONNECT_SWAPPED);
  update_retention_subtitle (self);
}

GtkWidget *
entente_preferences_new (GtkWindow *parent)
{
  return g_object_new (ENTENTE_TYPE_PREFERENCES,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
