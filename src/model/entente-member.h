#pragma once

#include <glib-object.h>

#include "entente-date.h"

G_BEGIN_DECLS

typedef enum
{
  ENTENTE_MEMBER_STATUS_MEMBER,
  ENTENTE_MEMBER_STATUS_OBSERVER,
  ENTENTE_MEMBER_STATUS_DIALOGUE_PARTNER,
  ENTENTE_MEMBER_STATUS_PARTNER,
  ENTENTE_MEMBER_STATUS_APPLICANT,
  ENTENTE_MEMBER_STATUS_FORMER_MEMBER,
  ENTENTE_MEMBER_STATUS_NONE, /* not (yet) related, e.g. before the first history entry */
} EntenteMemberStatus;

#define ENTENTE_N_MEMBER_STATUSES ENTENTE_MEMBER_STATUS_NONE

/* "member", "observer", "dialogue-partner", ...; NULL for NONE */
const char          *entente_member_status_to_string   (EntenteMemberStatus status);
/* Returns FALSE for an unknown string. */
gboolean             entente_member_status_from_string (const char          *text,
                                                        EntenteMemberStatus *out_status);
/* Translated, for display: "Member", "Observer", "Dialogue partner", ... */
const char          *entente_member_status_get_label   (EntenteMemberStatus status);

typedef struct
{
  EntenteMemberStatus status;
  EntenteDate         from;
} EntenteStatusPeriod;

#define ENTENTE_TYPE_MEMBER (entente_member_get_type ())

G_DECLARE_FINAL_TYPE (EntenteMember, entente_member, ENTENTE, MEMBER, GObject)

/* Properties: "code", "name" (the pack's name or NULL), "display-name", "status" (int),
 * "joined", "left" (EntenteDate, unset when absent), "founding", "capital", "summary",
 * "facts", "sections" (GStrv, never NULL, may be empty). */
const char          *entente_member_get_code     (EntenteMember *self);
/* The pack's name if it gave one, else NULL: the UI falls back to the ISO name. */
const char          *entente_member_get_name     (EntenteMember *self);
/* The pack's name, else the ISO 3166 name localised where iso-codes has a translation. */
const char          *entente_member_get_display_name (EntenteMember *self);
EntenteMemberStatus  entente_member_get_status   (EntenteMember *self);
const EntenteDate   *entente_member_get_joined   (EntenteMember *self);
const EntenteDate   *entente_member_get_left     (EntenteMember *self);
gboolean             entente_member_get_founding (EntenteMember *self);
const char          *entente_member_get_capital  (EntenteMember *self);
const char          *entente_member_get_summary  (EntenteMember *self);
const char * const  *entente_member_get_facts    (EntenteMember *self);
const char * const  *entente_member_get_sections (EntenteMember *self);
/* Earlier statuses, oldest first. */
const EntenteStatusPeriod *entente_member_get_history (EntenteMember *self,
                                                       guint         *n_periods);
/* The status in force at the end of the period @date names (a year, a month or a day),
 * from history, joined and left: NONE before the first dated status; a former member is
 * a member from "joined" and a former member from "left"; a member with no date at all
 * has its current status at every date. */
EntenteMemberStatus  entente_member_get_status_at (EntenteMember     *self,
                                                   const EntenteDate *date);

G_END_DECLS
