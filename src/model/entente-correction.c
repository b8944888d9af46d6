/* entente-correction.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-correction.h"
#include "entente-model-private.h"

G_DEFINE_FINAL_TYPE (EntenteCorrection, entente_correction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SECTION,
  PROP_CLAIM,
  PROP_CORRECTION,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entente_correction_finalize (GObject *object)
{
  EntenteCorrection *self = (EntenteCorrection *)object;

  g_clear_pointer (&self->strings, _entente_strings_unref);

  G_OBJECT_CLASS (entente_correction_parent_class)->finalize (object);
}

static void
entente_correction_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EntenteCorrection *self = ENTENTE_CORRECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    case PROP_CLAIM:
      g_value_set_string (value, self->claim);
      break;

    case PROP_CORRECTION:
      g_value_set_string (value, self->correction);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_correction_class_init (EntenteCorrectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_correction_finalize;
  object_class->get_property = entente_correction_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLAIM] =
    g_param_spec_string ("claim", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CORRECTION] =
    g_param_spec_string ("correction", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
entente_correction_init (EntenteCorrection *self)
{
}

EntenteCorrection *
_entente_correction_new (EntenteStrings *strings)
{
  EntenteCorrection *self = g_object_new (ENTENTE_TYPE_CORRECTION, NULL);

  self->strings = _entente_strings_ref (strings);

  return self;
}

const char *
entente_correction_get_id (EntenteCorrection *self)
{
  g_return_val_if_fail (ENTENTE_IS_CORRECTION (self), NULL);

  return self->id;
}

const char *
entente_correction_get_section (EntenteCorrection *self)
{
  g_return_val_if_fail (ENTENTE_IS_CORRECTION (self), NULL);

  return self->section;
}

const char *
entente_correction_get_claim (EntenteCorrection *self)
{
  g_return_val_if_fail (ENTENTE_IS_CORRECTION (self), NULL);

  return self->claim;
}

const char *
entente_correction_get_correction (EntenteCorrection *self)
{
  g_return_val_if_fail (ENTENTE_IS_CORRECTION (self), NULL);

  return self->correction;
}

const char *
entente_correction_get_source (EntenteCorrection *self)
{
  g_return_val_if_fail (ENTENTE_IS_CORRECTION (self), NULL);

  return self->source;
}
