/* entente-member.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "entente-iso3166.h"
#include "entente-member.h"
#include "entente-model-private.h"

static const char * const status_names[ENTENTE_N_MEMBER_STATUSES] = {
  [ENTENTE_MEMBER_STATUS_MEMBER] = "member",
  [ENTENTE_MEMBER_STATUS_OBSERVER] = "observer",
  [ENTENTE_MEMBER_STATUS_DIALOGUE_PARTNER] = "dialogue-partner",
  [ENTENTE_MEMBER_STATUS_PARTNER] = "partner",
  [ENTENTE_MEMBER_STATUS_APPLICANT] = "applicant",
  [ENTENTE_MEMBER_STATUS_FORMER_MEMBER] = "former-member",
};

const char *
entente_member_status_to_string (EntenteMemberStatus status)
{
  if ((guint) status >= ENTENTE_N_MEMBER_STATUSES)
    return NULL;

  return status_names[status];
}

gboolean
entente_member_status_from_string (const char          *text,
                                   EntenteMemberStatus *out_status)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < ENTENTE_N_MEMBER_STATUSES; i++)
    {
      if (strcmp (text, status_names[i]) == 0)
        {
          if (out_status != NULL)
            *out_status = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
entente_member_status_get_label (EntenteMemberStatus status)
{
  switch (status)
    {
    case ENTENTE_MEMBER_STATUS_MEMBER:
      return C_("member status", "Member");

    case ENTENTE_MEMBER_STATUS_OBSERVER:
      return C_("member status", "Observer");

    case ENTENTE_MEMBER_STATUS_DIALOGUE_PARTNER:
      return C_("member status", "Dialogue partner");

    case ENTENTE_MEMBER_STATUS_PARTNER:
      return C_("member status", "Partner");

    case ENTENTE_MEMBER_STATUS_APPLICANT:
      return C_("member status", "Applicant");

    case ENTENTE_MEMBER_STATUS_FORMER_MEMBER:
      return C_("member status", "Former member");

    case ENTENTE_MEMBER_STATUS_NONE:
    default:
      return C_("member status", "Not related");
    }
}

G_DEFINE_FINAL_TYPE (EntenteMember, entente_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_STATUS,
  PROP_JOINED,
  PROP_LEFT,
  PROP_FOUNDING,
  PROP_CAPITAL,
  PROP_SUMMARY,
  PROP_FACTS,
  PROP_SECTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entente_member_finalize (GObject *object)
{
  EntenteMember *self = (EntenteMember *)object;

  g_clear_pointer (&self->strings, _entente_strings_unref);

  G_OBJECT_CLASS (entente_member_parent_class)->finalize (object);
}

static void
entente_member_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntenteMember *self = ENTENTE_MEMBER (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, entente_member_get_display_name (self));
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_JOINED:
      g_value_set_boxed (value, &self->joined);
      break;

    case PROP_LEFT:
      g_value_set_boxed (value, &self->left);
      break;

    case PROP_FOUNDING:
      g_value_set_boolean (value, self->founding);
      break;

    case PROP_CAPITAL:
      g_value_set_string (value, self->capital);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_FACTS:
      g_value_set_boxed (value, entente_member_get_facts (self));
      break;

    case PROP_SECTIONS:
      g_value_set_boxed (value, entente_member_get_sections (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_member_class_init (EntenteMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_member_finalize;
  object_class->get_property = entente_member_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* An EntenteMemberStatus; a plain int, as the enum has no GType. */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      0, ENTENTE_MEMBER_STATUS_NONE, ENTENTE_MEMBER_STATUS_NONE,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_JOINED] =
    g_param_spec_boxed ("joined", NULL, NULL,
                        ENTENTE_TYPE_DATE,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEFT] =
    g_param_spec_boxed ("left", NULL, NULL,
                        ENTENTE_TYPE_DATE,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOUNDING] =
    g_param_spec_boolean ("founding", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAPITAL] =
    g_param_spec_string ("capital", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FACTS] =
    g_param_spec_boxed ("facts", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTIONS] =
    g_param_spec_boxed ("sections", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
entente_member_init (EntenteMember *self)
{
  self->status = ENTENTE_MEMBER_STATUS_NONE;
}

EntenteMember *
_entente_member_new (EntenteStrings *strings)
{
  EntenteMember *self = g_object_new (ENTENTE_TYPE_MEMBER, NULL);

  self->strings = _entente_strings_ref (strings);

  return self;
}

const char *
entente_member_get_code (EntenteMember *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), NULL);

  return self->code;
}

const char *
entente_member_get_name (EntenteMember *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), NULL);

  return self->name;
}

/**
 * entente_member_get_display_name:
 *
 * Returns: the pack's name for the member if it gave one, else the ISO 3166 name in
 *   the UI language where iso-codes has a translation, else the code
 */
const char *
entente_member_get_display_name (EntenteMember *self)
{
  const char *name;

  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), NULL);

  if (self->name != NULL)
    return self->name;

  name = entente_iso3166_get_localized_name (self->code);

  return name != NULL ? name : self->code;
}

EntenteMemberStatus
entente_member_get_status (EntenteMember *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), ENTENTE_MEMBER_STATUS_NONE);

  return self->status;
}

const EntenteDate *
entente_member_get_joined (EntenteMember *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), NULL);

  return &self->joined;
}

const EntenteDate *
entente_member_get_left (EntenteMember *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), NULL);

  return &self->left;
}

gboolean
entente_member_get_founding (EntenteMember *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), FALSE);

  return self->founding;
}

const char *
entente_member_get_capital (EntenteMember *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), NULL);

  return self->capital;
}

const char *
entente_member_get_summary (EntenteMember *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), NULL);

  return self->summary;
}

const char * const *
entente_member_get_facts (EntenteMember *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), NULL);

  return self->facts != NULL ? (const char * const *) self->facts : _entente_empty_strv;
}

const char * const *
entente_member_get_sections (EntenteMember *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), NULL);

  return self->sections != NULL ? (const char * const *) self->sections : _entente_empty_strv;
}

const EntenteStatusPeriod *
entente_member_get_history (EntenteMember *self,
                            guint         *n_periods)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), NULL);

  if (n_periods != NULL)
    *n_periods = self->n_history;

  return self->history;
}

/* Whether a status that began on @from is in force at the end of the period that
 * @date names. Both are compared at the coarser of their precisions, so a status
 * from 2017-06-09 is in force "in 2017", and a status from "2017" is in force on
 * 2017-01-01. */
static gboolean
began_by (const EntenteDate *from,
          const EntenteDate *date)
{
  EntenteDate a = *from;
  EntenteDate b = *date;

  if (a.month == 0 || b.month == 0)
    a.month = b.month = 0;
  if (a.day == 0 || b.day == 0)
    a.day = b.day = 0;

  return entente_date_compare (&a, &b) <= 0;
}

/**
 * entente_member_get_status_at:
 * @date: a full or partial date
 *
 * Works out the member's status at the end of the period @date names, from its
 * history (oldest first), the date its current status began ("joined") and, for a
 * former member, the date it left: a former member was a member from "joined" and is
 * a former member from "left". Before the first dated status the answer is
 * %ENTENTE_MEMBER_STATUS_NONE. A member whose pack gives no date at all has its
 * current status at every date: nothing says otherwise.
 *
 * Returns: the status in force
 */
EntenteMemberStatus
entente_member_get_status_at (EntenteMember     *self,
                              const EntenteDate *date)
{
  EntenteMemberStatus status = ENTENTE_MEMBER_STATUS_NONE;
  gboolean dated = FALSE;

  g_return_val_if_fail (ENTENTE_IS_MEMBER (self), ENTENTE_MEMBER_STATUS_NONE);
  g_return_val_if_fail (date != NULL, ENTENTE_MEMBER_STATUS_NONE);

  for (guint i = 0; i < self->n_history; i++)
    {
      dated = TRUE;
      if (began_by (&self->history[i].from, date))
        status = self->history[i].status;
    }

  if (self->status == ENTENTE_MEMBER_STATUS_FORMER_MEMBER)
    {
      if (entente_date_is_set (&self->joined))
        {
          dated = TRUE;
          if (began_by (&self->joined, date))
            status = ENTENTE_MEMBER_STATUS_MEMBER;
        }
      if (entente_date_is_set (&self->left))
        {
          dated = TRUE;
          if (began_by (&self->left, date))
            status = ENTENTE_MEMBER_STATUS_FORMER_MEMBER;
        }
    }
  else if (entente_date_is_set (&self->joined))
    {
      dated = TRUE;
      if (began_by (&self->joined, date))
        status = self->status;
    }

  if (!dated)
    return self->status;

  return status;
}
