/* entente-section.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-section.h"
#include "entente-model-private.h"

G_DEFINE_FINAL_TYPE (EntenteSection, entente_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_PAGES,
  PROP_DEPTH,
  PROP_PARENT,
  PROP_CHILDREN,
  PROP_POINTS,
  PROP_MEMBERS,
  PROP_TERMS,
  PROP_EVENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entente_section_dispose (GObject *object)
{
  EntenteSection *self = (EntenteSection *)object;

  /* A child that someone still holds must not point at a parent that is gone. */
  if (self->children != NULL)
    {
      GPtrArray *children = _entente_object_list_get_items (self->children);

      for (guint i = 0; i < children->len; i++)
        ((EntenteSection *) g_ptr_array_index (children, i))->parent = NULL;
    }
  g_clear_object (&self->children);

  G_OBJECT_CLASS (entente_section_parent_class)->dispose (object);
}

static void
entente_section_finalize (GObject *object)
{
  EntenteSection *self = (EntenteSection *)object;

  g_clear_pointer (&self->strings, _entente_strings_unref);

  G_OBJECT_CLASS (entente_section_parent_class)->finalize (object);
}

static void
entente_section_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EntenteSection *self = ENTENTE_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_PAGES:
      g_value_set_string (value, self->pages);
      break;

    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;

    case PROP_PARENT:
      g_value_set_object (value, self->parent);
      break;

    case PROP_CHILDREN:
      g_value_set_object (value, entente_section_get_children (self));
      break;

    case PROP_POINTS:
      g_value_set_boxed (value, entente_section_get_points (self));
      break;

    case PROP_MEMBERS:
      g_value_set_boxed (value, entente_section_get_members (self));
      break;

    case PROP_TERMS:
      g_value_set_boxed (value, entente_section_get_terms (self));
      break;

    case PROP_EVENTS:
      g_value_set_boxed (value, entente_section_get_events (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_section_class_init (EntenteSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = entente_section_dispose;
  object_class->finalize = entente_section_finalize;
  object_class->get_property = entente_section_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAGES] =
    g_param_spec_string ("pages", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL,
                         ENTENTE_TYPE_SECTION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CHILDREN] =
    g_param_spec_object ("children", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_POINTS] =
    g_param_spec_boxed ("points", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MEMBERS] =
    g_param_spec_boxed ("members", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TERMS] =
    g_param_spec_boxed ("terms", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_EVENTS] =
    g_param_spec_boxed ("events", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
entente_section_init (EntenteSection *self)
{
  self->children = _entente_object_list_new (ENTENTE_TYPE_SECTION);
}

EntenteSection *
_entente_section_new (EntenteStrings *strings,
                      EntenteSection *parent,
                      guint           index)
{
  EntenteSection *self = g_object_new (ENTENTE_TYPE_SECTION, NULL);

  self->strings = _entente_strings_ref (strings);
  self->parent = parent;
  self->depth = parent != NULL ? parent->depth + 1 : 0;
  self->index = index;

  return self;
}

void
_entente_section_add_child (EntenteSection *self,
                            EntenteSection *child)
{
  _entente_object_list_take (self->children, g_object_ref (child));
}

const char *
entente_section_get_id (EntenteSection *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION (self), NULL);

  return self->id;
}

const char *
entente_section_get_title (EntenteSection *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION (self), NULL);

  return self->title;
}

const char *
entente_section_get_summary (EntenteSection *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION (self), NULL);

  return self->summary;
}

const char *
entente_section_get_pages (EntenteSection *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION (self), NULL);

  return self->pages;
}

guint
entente_section_get_depth (EntenteSection *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION (self), 0);

  return self->depth;
}

EntenteSection *
entente_section_get_parent (EntenteSection *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION (self), NULL);

  return self->parent;
}

GListModel *
entente_section_get_children (EntenteSection *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION (self), NULL);

  return G_LIST_MODEL (self->children);
}

const char * const *
entente_section_get_points (EntenteSection *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION (self), NULL);

  return self->points != NULL ? (const char * const *) self->points : _entente_empty_strv;
}

const char * const *
entente_section_get_members (EntenteSection *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION (self), NULL);

  return self->members != NULL ? (const char * const *) self->members : _entente_empty_strv;
}

const char * const *
entente_section_get_terms (EntenteSection *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION (self), NULL);

  return self->terms != NULL ? (const char * const *) self->terms : _entente_empty_strv;
}

const char * const *
entente_section_get_events (EntenteSection *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION (self), NULL);

  return self->events != NULL ? (const char * const *) self->events : _entente_empty_strv;
}
