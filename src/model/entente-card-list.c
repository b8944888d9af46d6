/* entente-card-list.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-card-list.h"

struct _EntenteCardList
{
  GObject          parent_instance;
  EntenteStrings  *strings;
  GPtrArray       *records;
  /* records->len slots, NULL until the card is first asked for. */
  EntenteCard    **cards;
};

static GType
entente_card_list_get_item_type (GListModel *model)
{
  return ENTENTE_TYPE_CARD;
}

static guint
entente_card_list_get_n_items (GListModel *model)
{
  return ENTENTE_CARD_LIST (model)->records->len;
}

static gpointer
entente_card_list_get_item (GListModel *model,
                            guint       position)
{
  EntenteCardList *self = ENTENTE_CARD_LIST (model);

  if (position >= self->records->len)
    return NULL;

  return g_object_ref (_entente_card_list_get_card (self, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = entente_card_list_get_item_type;
  iface->get_n_items = entente_card_list_get_n_items;
  iface->get_item = entente_card_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (EntenteCardList, entente_card_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
entente_card_list_finalize (GObject *object)
{
  EntenteCardList *self = (EntenteCardList *)object;

  if (self->cards != NULL)
    {
      for (guint i = 0; i < self->records->len; i++)
        g_clear_object (&self->cards[i]);
      g_free (self->cards);
    }
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->strings, _entente_strings_unref);

  G_OBJECT_CLASS (entente_card_list_parent_class)->finalize (object);
}

static void
entente_card_list_class_init (EntenteCardListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_card_list_finalize;
}

static void
entente_card_list_init (EntenteCardList *self)
{
}

EntenteCardList *
_entente_card_list_new (EntenteStrings *strings,
                        GPtrArray      *records)
{
  EntenteCardList *self = g_object_new (ENTENTE_TYPE_CARD_LIST, NULL);

  self->strings = _entente_strings_ref (strings);
  self->records = records;
  self->cards = g_new0 (EntenteCard *, MAX (records->len, 1));

  return self;
}

guint
_entente_card_list_get_size (EntenteCardList *self)
{
  return self->records->len;
}

const EntenteCardData *
_entente_card_list_get_data (EntenteCardList *self,
                             guint            position)
{
  return g_ptr_array_index (self->records, position);
}

EntenteCard *
_entente_card_list_get_card (EntenteCardList *self,
                             guint            position)
{
  EntenteCard *card = g_atomic_pointer_get (&self->cards[position]);

  if (card == NULL)
    {
      EntenteCard *fresh = _entente_card_new (self->strings,
                                              g_ptr_array_index (self->records, position));

      /* Two threads may ask at once: the first card made wins, so there is only one. */
      if (g_atomic_pointer_compare_and_exchange (&self->cards[position], NULL, fresh))
        card = fresh;
      else
        {
          g_object_unref (fresh);
          card = g_atomic_pointer_get (&self->cards[position]);
        }
    }

  return card;
}
