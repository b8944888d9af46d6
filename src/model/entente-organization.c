/* entente-organization.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-organization.h"
#include "entente-model-private.h"

G_DEFINE_FINAL_TYPE (EntenteOrganization, entente_organization, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_FOUNDED,
  PROP_HEADQUARTERS,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entente_organization_finalize (GObject *object)
{
  EntenteOrganization *self = (EntenteOrganization *)object;

  g_clear_pointer (&self->strings, _entente_strings_unref);

  G_OBJECT_CLASS (entente_organization_parent_class)->finalize (object);
}

static void
entente_organization_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EntenteOrganization *self = ENTENTE_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;

    case PROP_FOUNDED:
      g_value_set_boxed (value, &self->founded);
      break;

    case PROP_HEADQUARTERS:
      g_value_set_string (value, self->headquarters);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_organization_class_init (EntenteOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_organization_finalize;
  object_class->get_property = entente_organization_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOUNDED] =
    g_param_spec_boxed ("founded", NULL, NULL,
                        ENTENTE_TYPE_DATE,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_HEADQUARTERS] =
    g_param_spec_string ("headquarters", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
entente_organization_init (EntenteOrganization *self)
{
}

EntenteOrganization *
_entente_organization_new (EntenteStrings *strings)
{
  EntenteOrganization *self = g_object_new (ENTENTE_TYPE_ORGANIZATION, NULL);

  self->strings = _entente_strings_ref (strings);

  return self;
}

const char *
entente_organization_get_name (EntenteOrganization *self)
{
  g_return_val_if_fail (ENTENTE_IS_ORGANIZATION (self), NULL);

  return self->name;
}

const char *
entente_organization_get_short_name (EntenteOrganization *self)
{
  g_return_val_if_fail (ENTENTE_IS_ORGANIZATION (self), NULL);

  return self->short_name;
}

const EntenteDate *
entente_organization_get_founded (EntenteOrganization *self)
{
  g_return_val_if_fail (ENTENTE_IS_ORGANIZATION (self), NULL);

  return &self->founded;
}

const char *
entente_organization_get_headquarters (EntenteOrganization *self)
{
  g_return_val_if_fail (ENTENTE_IS_ORGANIZATION (self), NULL);

  return self->headquarters;
}

const char *
entente_organization_get_url (EntenteOrganization *self)
{
  g_return_val_if_fail (ENTENTE_IS_ORGANIZATION (self), NULL);

  return self->url;
}
