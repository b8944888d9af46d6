/* entente-event.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-event.h"
#include "entente-model-private.h"

G_DEFINE_FINAL_TYPE (EntenteEvent, entente_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_TITLE,
  PROP_PLACE,
  PROP_DETAIL,
  PROP_MEMBERS,
  PROP_SECTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entente_event_finalize (GObject *object)
{
  EntenteEvent *self = (EntenteEvent *)object;

  g_clear_pointer (&self->strings, _entente_strings_unref);

  G_OBJECT_CLASS (entente_event_parent_class)->finalize (object);
}

static void
entente_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EntenteEvent *self = ENTENTE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    case PROP_MEMBERS:
      g_value_set_boxed (value, entente_event_get_members (self));
      break;

    case PROP_SECTIONS:
      g_value_set_boxed (value, entente_event_get_sections (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_event_class_init (EntenteEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_event_finalize;
  object_class->get_property = entente_event_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        ENTENTE_TYPE_DATE,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MEMBERS] =
    g_param_spec_boxed ("members", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTIONS] =
    g_param_spec_boxed ("sections", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
entente_event_init (EntenteEvent *self)
{
}

EntenteEvent *
_entente_event_new (EntenteStrings *strings)
{
  EntenteEvent *self = g_object_new (ENTENTE_TYPE_EVENT, NULL);

  self->strings = _entente_strings_ref (strings);

  return self;
}

const char *
entente_event_get_id (EntenteEvent *self)
{
  g_return_val_if_fail (ENTENTE_IS_EVENT (self), NULL);

  return self->id;
}

const EntenteDate *
entente_event_get_date (EntenteEvent *self)
{
  g_return_val_if_fail (ENTENTE_IS_EVENT (self), NULL);

  return &self->date;
}

const char *
entente_event_get_title (EntenteEvent *self)
{
  g_return_val_if_fail (ENTENTE_IS_EVENT (self), NULL);

  return self->title;
}

const char *
entente_event_get_place (EntenteEvent *self)
{
  g_return_val_if_fail (ENTENTE_IS_EVENT (self), NULL);

  return self->place;
}

const char *
entente_event_get_detail (EntenteEvent *self)
{
  g_return_val_if_fail (ENTENTE_IS_EVENT (self), NULL);

  return self->detail;
}

const char * const *
entente_event_get_members (EntenteEvent *self)
{
  g_return_val_if_fail (ENTENTE_IS_EVENT (self), NULL);

  return self->members != NULL ? (const char * const *) self->members : _entente_empty_strv;
}

const char * const *
entente_event_get_sections (EntenteEvent *self)
{
  g_return_val_if_fail (ENTENTE_IS_EVENT (self), NULL);

  return self->sections != NULL ? (const char * const *) self->sections : _entente_empty_strv;
}
