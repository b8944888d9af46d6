/* entente-preferences.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The Preferences window: style, and how reviews are scheduled. Every row writes its
 * GSettings key at once. */

#define ENTENTE_TYPE_PREFERENCES (entente_preferences_get_type ())

G_DECLARE_FINAL_TYPE (EntentePreferences, entente_preferences, ENTENTE, PREFERENCES, AdwPreferencesWindow)

GtkWidget *entente_preferences_new (GtkWindow *parent);

G_END_DECLS
