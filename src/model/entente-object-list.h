/* entente-object-list.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_OBJECT_LIST (entente_object_list_get_type ())

/* A read-only GListModel over an array: the collections of a pack. Unlike a GListStore,
 * it costs no allocation per item and nobody can change it once the pack is loaded. */
G_DECLARE_FINAL_TYPE (EntenteObjectList, entente_object_list, ENTENTE, OBJECT_LIST, GObject)

EntenteObjectList *_entente_object_list_new  (GType              item_type);
/* Only while the pack is being built: it emits no signal. */
void               _entente_object_list_take (EntenteObjectList *self,
                                              gpointer           item);
/* Replaces the items with @items (a GPtrArray that frees with g_object_unref), taken. */
void               _entente_object_list_set_items (EntenteObjectList *self,
                                                   GPtrArray         *items);
/* The items, owned by the list. */
GPtrArray         *_entente_object_list_get_items (EntenteObjectList *self);

G_END_DECLS
