/* entente-reference.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-reference.h"
#include "entente-model-private.h"

G_DEFINE_FINAL_TYPE (EntenteReference, entente_reference, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entente_reference_finalize (GObject *object)
{
  EntenteReference *self = (EntenteReference *)object;

  g_clear_pointer (&self->strings, _entente_strings_unref);

  G_OBJECT_CLASS (entente_reference_parent_class)->finalize (object);
}

static void
entente_reference_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EntenteReference *self = ENTENTE_REFERENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_reference_class_init (EntenteReferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_reference_finalize;
  object_class->get_property = entente_reference_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
entente_reference_init (EntenteReference *self)
{
}

EntenteReference *
_entente_reference_new (EntenteStrings *strings)
{
  EntenteReference *self = g_object_new (ENTENTE_TYPE_REFERENCE, NULL);

  self->strings = _entente_strings_ref (strings);

  return self;
}

const char *
entente_reference_get_id (EntenteReference *self)
{
  g_return_val_if_fail (ENTENTE_IS_REFERENCE (self), NULL);

  return self->id;
}

const char *
entente_reference_get_text (EntenteReference *self)
{
  g_return_val_if_fail (ENTENTE_IS_REFERENCE (self), NULL);

  return self->text;
}

const char *
entente_reference_get_url (EntenteReference *self)
{
  g_return_val_if_fail (ENTENTE_IS_REFERENCE (self), NULL);

  return self->url;
}
