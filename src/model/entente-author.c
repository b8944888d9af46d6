/* entente-author.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-author.h"
#include "entente-model-private.h"

G_DEFINE_FINAL_TYPE (EntenteAuthor, entente_author, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_AFFILIATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entente_author_finalize (GObject *object)
{
  EntenteAuthor *self = (EntenteAuthor *)object;

  g_clear_pointer (&self->strings, _entente_strings_unref);

  G_OBJECT_CLASS (entente_author_parent_class)->finalize (object);
}

static void
entente_author_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntenteAuthor *self = ENTENTE_AUTHOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_AFFILIATION:
      g_value_set_string (value, self->affiliation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_author_class_init (EntenteAuthorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_author_finalize;
  object_class->get_property = entente_author_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_AFFILIATION] =
    g_param_spec_string ("affiliation", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
entente_author_init (EntenteAuthor *self)
{
}

EntenteAuthor *
_entente_author_new (EntenteStrings *strings)
{
  EntenteAuthor *self = g_object_new (ENTENTE_TYPE_AUTHOR, NULL);

  self->strings = _entente_strings_ref (strings);

  return self;
}

const char *
entente_author_get_name (EntenteAuthor *self)
{
  g_return_val_if_fail (ENTENTE_IS_AUTHOR (self), NULL);

  return self->name;
}

const char *
entente_author_get_affiliation (EntenteAuthor *self)
{
  g_return_val_if_fail (ENTENTE_IS_AUTHOR (self), NULL);

  return self->affiliation;
}
