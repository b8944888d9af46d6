/* entente-member-details.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "entente-pack.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_MEMBER_DETAILS (entente_member_details_get_type ())

G_DECLARE_FINAL_TYPE (EntenteMemberDetails, entente_member_details, ENTENTE, MEMBER_DETAILS, GtkWidget)

GtkWidget  *entente_member_details_new      (void);

/* Shows what @pack says about the state @code: a member of @pack, or any other country
 * (then only its name and that it is not involved); @code NULL shows an empty state.
 * Links activate the actions "members.show-section" and "members.show-event" (string
 * parameter: the id), which the members page provides. */
void        entente_member_details_show     (EntenteMemberDetails *self,
                                             EntentePack          *pack,
                                             const char           *code);
/* property "code" (read-only): the state shown, or NULL */
const char *entente_member_details_get_code (EntenteMemberDetails *self);

/* Helpers shared with the members page. */

/* The statuses @member has had, oldest first (an array of EntenteStatusPeriod; a period's
 * date is unset when the pack gives none). */
GArray     *entente_member_details_get_periods (EntenteMember *member);
/* The date on which the status in force at the end of @year began; FALSE when the pack
 * does not say or the state had no status then. */
gboolean    entente_member_details_get_since   (EntenteMember *member,
                                                int            year,
                                                EntenteDate   *out_since);

G_END_DECLS
