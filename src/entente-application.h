/* entente-application.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "entente-progress-store.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_APPLICATION (entente_application_get_type ())

G_DECLARE_FINAL_TYPE (EntenteApplication, entente_application, ENTENTE, APPLICATION, AdwApplication)

EntenteApplication   *entente_application_new                  (void);
EntenteProgressStore *entente_application_get_progress_store   (EntenteApplication *self);
char                 *entente_application_take_progress_notice (EntenteApplication *self);

G_END_DECLS
