/* entente-term.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-term.h"
#include "entente-model-private.h"

G_DEFINE_FINAL_TYPE (EntenteTerm, entente_term, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TERM,
  PROP_DEFINITION,
  PROP_ALIASES,
  PROP_SECTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entente_term_finalize (GObject *object)
{
  EntenteTerm *self = (EntenteTerm *)object;

  g_clear_pointer (&self->strings, _entente_strings_unref);

  G_OBJECT_CLASS (entente_term_parent_class)->finalize (object);
}

static void
entente_term_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EntenteTerm *self = ENTENTE_TERM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TERM:
      g_value_set_string (value, self->term);
      break;

    case PROP_DEFINITION:
      g_value_set_string (value, self->definition);
      break;

    case PROP_ALIASES:
      g_value_set_boxed (value, entente_term_get_aliases (self));
      break;

    case PROP_SECTIONS:
      g_value_set_boxed (value, entente_term_get_sections (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_term_class_init (EntenteTermClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_term_finalize;
  object_class->get_property = entente_term_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TERM] =
    g_param_spec_string ("term", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEFINITION] =
    g_param_spec_string ("definition", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTIONS] =
    g_param_spec_boxed ("sections", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
entente_term_init (EntenteTerm *self)
{
}

EntenteTerm *
_entente_term_new (EntenteStrings *strings)
{
  EntenteTerm *self = g_object_new (ENTENTE_TYPE_TERM, NULL);

  self->strings = _entente_strings_ref (strings);

  return self;
}

const char *
entente_term_get_id (EntenteTerm *self)
{
  g_return_val_if_fail (ENTENTE_IS_TERM (self), NULL);

  return self->id;
}

const char *
entente_term_get_term (EntenteTerm *self)
{
  g_return_val_if_fail (ENTENTE_IS_TERM (self), NULL);

  return self->term;
}

const char *
entente_term_get_definition (EntenteTerm *self)
{
  g_return_val_if_fail (ENTENTE_IS_TERM (self), NULL);

  return self->definition;
}

const char * const *
entente_term_get_aliases (EntenteTerm *self)
{
  g_return_val_if_fail (ENTENTE_IS_TERM (self), NULL);

  return self->aliases != NULL ? (const char * const *) self->aliases : _entente_empty_strv;
}

const char * const *
entente_term_get_sections (EntenteTerm *self)
{
  g_return_val_if_fail (ENTENTE_IS_TERM (self), NULL);

  return self->sections != NULL ? (const char * const *) self->sections : _entente_empty_strv;
}
