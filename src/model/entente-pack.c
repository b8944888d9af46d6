/* entente-pack.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "entente-pack.h"
#include "entente-iso3166.h"
#include "entente-pack-private.h"

G_DEFINE_FINAL_TYPE (EntentePack, entente_pack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_LANGUAGE,
  PROP_AS_OF,
  PROP_ABSTRACT,
  PROP_KEYWORDS,
  PROP_SOURCE_CITATION,
  PROP_SOURCE_URL,
  PROP_SOURCE_YEAR,
  PROP_ORGANIZATION,
  PROP_AUTHORS,
  PROP_OUTLINE,
  PROP_MEMBERS,
  PROP_EVENTS,
  PROP_TERMS,
  PROP_CARDS,
  PROP_REFERENCES,
  PROP_CORRECTIONS,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entente_pack_dispose (GObject *object)
{
  EntentePack *self = (EntentePack *)object;

  g_clear_pointer (&self->sections_by_id, g_hash_table_unref);
  g_clear_pointer (&self->members_by_code, g_hash_table_unref);
  g_clear_pointer (&self->events_by_id, g_hash_table_unref);
  g_clear_pointer (&self->terms_by_id, g_hash_table_unref);
  g_clear_pointer (&self->cards_by_id, g_hash_table_unref);
  g_clear_pointer (&self->references_by_id, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  g_clear_object (&self->authors);
  g_clear_object (&self->outline);
  g_clear_object (&self->members);
  g_clear_object (&self->events);
  g_clear_object (&self->terms);
  g_clear_object (&self->cards);
  g_clear_object (&self->references);
  g_clear_object (&self->corrections);
  g_clear_object (&self->organization);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (entente_pack_parent_class)->dispose (object);
}

static void
entente_pack_finalize (GObject *object)
{
  EntentePack *self = (EntentePack *)object;

  g_clear_pointer (&self->strings, _entente_strings_unref);

  G_OBJECT_CLASS (entente_pack_parent_class)->finalize (object);
}

static void
entente_pack_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EntentePack *self = ENTENTE_PACK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_AS_OF:
      g_value_set_boxed (value, &self->as_of);
      break;

    case PROP_ABSTRACT:
      g_value_set_string (value, self->abstract);
      break;

    case PROP_KEYWORDS:
      g_value_set_boxed (value, entente_pack_get_keywords (self));
      break;

    case PROP_SOURCE_CITATION:
      g_value_set_string (value, self->source_citation);
      break;

    case PROP_SOURCE_URL:
      g_value_set_string (value, self->source_url);
      break;

    case PROP_SOURCE_YEAR:
      g_value_set_int (value, self->source_year);
      break;

    case PROP_ORGANIZATION:
      g_value_set_object (value, self->organization);
      break;

    case PROP_AUTHORS:
      g_value_set_object (value, self->authors);
      break;

    case PROP_OUTLINE:
      g_value_set_object (value, self->outline);
      break;

    case PROP_MEMBERS:
      g_value_set_object (value, self->members);
      break;

    case PROP_EVENTS:
      g_value_set_object (value, self->events);
      break;

    case PROP_TERMS:
      g_value_set_object (value, self->terms);
      break;

    case PROP_CARDS:
      g_value_set_object (value, self->cards);
      break;

    case PROP_REFERENCES:
      g_value_set_object (value, self->references);
      break;

    case PROP_CORRECTIONS:
      g_value_set_object (value, self->corrections);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL,
                              NULL,
                              (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static GParamSpec *
list_property (const char *name)
{
  return g_param_spec_object (name, NULL, NULL,
                              G_TYPE_LIST_MODEL,
                              (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
entente_pack_class_init (EntentePackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = entente_pack_dispose;
  object_class->finalize = entente_pack_finalize;
  object_class->get_property = entente_pack_get_property;

  properties[PROP_ID] = string_property ("id");
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_SUBTITLE] = string_property ("subtitle");
  properties[PROP_LANGUAGE] = string_property ("language");
  properties[PROP_AS_OF] =
    g_param_spec_boxed ("as-of", NULL, NULL,
                        ENTENTE_TYPE_DATE,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ABSTRACT] = string_property ("abstract");
  properties[PROP_KEYWORDS] =
    g_param_spec_boxed ("keywords", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE_CITATION] = string_property ("source-citation");
  properties[PROP_SOURCE_URL] = string_property ("source-url");
  properties[PROP_SOURCE_YEAR] =
    g_param_spec_int ("source-year", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORGANIZATION] =
    g_param_spec_object ("organization", NULL, NULL,
                         ENTENTE_TYPE_ORGANIZATION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHORS] = list_property ("authors");
  properties[PROP_OUTLINE] = list_property ("outline");
  properties[PROP_MEMBERS] = list_property ("members");
  properties[PROP_EVENTS] = list_property ("events");
  properties[PROP_TERMS] = list_property ("terms");
  properties[PROP_CARDS] = list_property ("cards");
  properties[PROP_REFERENCES] = list_property ("references");
  properties[PROP_CORRECTIONS] = list_property ("corrections");
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
entente_pack_init (EntentePack *self)
{
  self->authors = _entente_object_list_new (ENTENTE_TYPE_AUTHOR);
  self->outline = _entente_object_list_new (ENTENTE_TYPE_SECTION);
  self->members = _entente_object_list_new (ENTENTE_TYPE_MEMBER);
  self->events = _entente_object_list_new (ENTENTE_TYPE_EVENT);
  self->terms = _entente_object_list_new (ENTENTE_TYPE_TERM);
  self->references = _entente_object_list_new (ENTENTE_TYPE_REFERENCE);
  self->corrections = _entente_object_list_new (ENTENTE_TYPE_CORRECTION);
  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
}

EntentePack *
_entente_pack_new (EntenteStrings *strings)
{
  EntentePack *self = g_object_new (ENTENTE_TYPE_PACK, NULL);

  self->strings = _entente_strings_ref (strings);
  self->cards = _entente_card_list_new (strings, g_ptr_array_new ());

  return self;
}

const char *
entente_pack_get_id (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return self->id;
}

const char *
entente_pack_get_title (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return self->title;
}

const char *
entente_pack_get_subtitle (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return self->subtitle;
}

const char *
entente_pack_get_language (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return self->language;
}

const EntenteDate *
entente_pack_get_as_of (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return &self->as_of;
}

const char *
entente_pack_get_abstract (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return self->abstract;
}

const char * const *
entente_pack_get_keywords (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return self->keywords != NULL ? (const char * const *) self->keywords : _entente_empty_strv;
}

const char *
entente_pack_get_source_citation (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return self->source_citation;
}

const char *
entente_pack_get_source_url (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return self->source_url;
}

int
entente_pack_get_source_year (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), 0);

  return self->source_year;
}

EntenteOrganization *
entente_pack_get_organization (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return self->organization;
}

GFile *
entente_pack_get_file (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return self->file;
}

GListModel *
entente_pack_get_authors (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return G_LIST_MODEL (self->authors);
}

GListModel *
entente_pack_get_outline (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return G_LIST_MODEL (self->outline);
}

GListModel *
entente_pack_get_members (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return G_LIST_MODEL (self->members);
}

GListModel *
entente_pack_get_events (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return G_LIST_MODEL (self->events);
}

GListModel *
entente_pack_get_terms (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return G_LIST_MODEL (self->terms);
}

GListModel *
entente_pack_get_cards (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return G_LIST_MODEL (self->cards);
}

GListModel *
entente_pack_get_references (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return G_LIST_MODEL (self->references);
}

GListModel *
entente_pack_get_corrections (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return G_LIST_MODEL (self->corrections);
}

guint
entente_pack_get_n_sections (EntentePack *self)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), 0);

  return self->sections->len;
}

EntenteSection *
entente_pack_get_nth_section (EntentePack *self,
                              guint        position)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  if (position >= self->sections->len)
    return NULL;

  return g_ptr_array_index (self->sections, position);
}

static gpointer
lookup (GHashTable *table,
        const char *key)
{
  if (table == NULL || key == NULL)
    return NULL;

  return g_hash_table_lookup (table, key);
}

EntenteSection *
entente_pack_lookup_section (EntentePack *self,
                             const char  *id)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return lookup (self->sections_by_id, id);
}

EntenteMember *
entente_pack_lookup_member (EntentePack *self,
                            const char  *code)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return lookup (self->members_by_code, code);
}

/**
 * entente_pack_get_state_name:
 *
 * Returns: (nullable): the name of the state with code @code as this pack calls it:
 *   the member's own name if the pack lists the state, else the ISO 3166 name in the UI
 *   language where iso-codes has one, else @code; NULL only for a NULL @code
 */
const char *
entente_pack_get_state_name (EntentePack *self,
                             const char  *code)
{
  EntenteMember *member;
  const char *name;

  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  if (code == NULL)
    return NULL;

  member = lookup (self->members_by_code, code);
  if (member != NULL)
    return entente_member_get_display_name (member);

  name = entente_iso3166_get_localized_name (code);

  return name != NULL ? name : code;
}

EntenteEvent *
entente_pack_lookup_event (EntentePack *self,
                           const char  *id)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return lookup (self->events_by_id, id);
}

EntenteTerm *
entente_pack_lookup_term (EntentePack *self,
                          const char  *id)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return lookup (self->terms_by_id, id);
}

EntenteCard *
entente_pack_lookup_card (EntentePack *self,
                          const char  *id)
{
  guint position;

  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  position = GPOINTER_TO_UINT (lookup (self->cards_by_id, id));
  if (position == 0)
    return NULL;

  return _entente_card_list_get_card (self->cards, position - 1);
}

EntenteReference *
entente_pack_lookup_reference (EntentePack *self,
                               const char  *id)
{
  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);

  return lookup (self->references_by_id, id);
}

GPtrArray *
entente_pack_get_corrections_for_section (EntentePack *self,
                                          const char  *section_id)
{
  GPtrArray *result;
  GPtrArray *items;

  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  result = g_ptr_array_new ();
  items = _entente_object_list_get_items (self->corrections);
  for (guint i = 0; i < items->len; i++)
    {
      EntenteCorrection *correction = g_ptr_array_index (items, i);
      const char *section = entente_correction_get_section (correction);

      if (section != NULL && strcmp (section, section_id) == 0)
        g_ptr_array_add (result, correction);
    }

  return result;
}

GPtrArray *
entente_pack_get_cards_for_section (EntentePack *self,
                                    const char  *section_id)
{
  GPtrArray *result;

  g_return_val_if_fail (ENTENTE_IS_PACK (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  result = g_ptr_array_new ();
  for (guint i = 0; i < _entente_card_list_get_size (self->cards); i++)
    {
      const char *section = _entente_card_list_get_data (self->cards, i)->section;

      if (section != NULL && strcmp (section, section_id) == 0)
        g_ptr_array_add (result, _entente_card_list_get_card (self->cards, i));
    }

  return result;
}
