/* entente-object-list.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-object-list.h"

struct _EntenteObjectList
{
  GObject    parent_instance;
  GType      item_type;
  GPtrArray *items;
};

static GType
entente_object_list_get_item_type (GListModel *model)
{
  return ENTENTE_OBJECT_LIST (model)->item_type;
}

static guint
entente_object_list_get_n_items (GListModel *model)
{
  return ENTENTE_OBJECT_LIST (model)->items->len;
}

static gpointer
entente_object_list_get_item (GListModel *model,
                              guint       position)
{
  EntenteObjectList *self = ENTENTE_OBJECT_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = entente_object_list_get_item_type;
  iface->get_n_items = entente_object_list_get_n_items;
  iface->get_item = entente_object_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (EntenteObjectList, entente_object_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
entente_object_list_finalize (GObject *object)
{
  EntenteObjectList *self = (EntenteObjectList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (entente_object_list_parent_class)->finalize (object);
}

static void
entente_object_list_class_init (EntenteObjectListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_object_list_finalize;
}

static void
entente_object_list_init (EntenteObjectList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

EntenteObjectList *
_entente_object_list_new (GType item_type)
{
  EntenteObjectList *self = g_object_new (ENTENTE_TYPE_OBJECT_LIST, NULL);

  self->item_type = item_type;

  return self;
}

void
_entente_object_list_take (EntenteObjectList *self,
                           gpointer           item)
{
  g_ptr_array_add (self->items, item);
}

void
_entente_object_list_set_items (EntenteObjectList *self,
                                GPtrArray         *items)
{
  g_ptr_array_unref (self->items);
  self->items = items;
}

GPtrArray *
_entente_object_list_get_items (EntenteObjectList *self)
{
  return self->items;
}
