/* entente-card-list.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "entente-card.h"
#include "entente-model-private.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_CARD_LIST (entente_card_list_get_type ())

/* The cards of a pack as a read-only GListModel of EntenteCard. The loader gives it the
 * cards' data; each EntenteCard is made the first time it is asked for, and the same
 * object is returned after that. */
G_DECLARE_FINAL_TYPE (EntenteCardList, entente_card_list, ENTENTE, CARD_LIST, GObject)

/* Takes @records, a GPtrArray of EntenteCardData that live in @strings. */
EntenteCardList       *_entente_card_list_new      (EntenteStrings  *strings,
                                                    GPtrArray       *records);
guint                  _entente_card_list_get_size (EntenteCardList *self);
const EntenteCardData *_entente_card_list_get_data (EntenteCardList *self,
                                                    guint            position);
/* Owned by the list. */
EntenteCard           *_entente_card_list_get_card (EntenteCardList *self,
                                                    guint            position);

G_END_DECLS
