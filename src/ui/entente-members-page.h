/* entente-members-page.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "entente-map-view.h"
#include "entente-member-details.h"
#include "entente-pack.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_MEMBERS_PAGE (entente_members_page_get_type ())

G_DECLARE_FINAL_TYPE (EntenteMembersPage, entente_members_page, ENTENTE, MEMBERS_PAGE, GtkWidget)

GtkWidget            *entente_members_page_new                (void);

/* property "pack" (EntentePack, read-write, explicit notify) */
EntentePack          *entente_members_page_get_pack           (EntenteMembersPage *self);
void                  entente_members_page_set_pack           (EntenteMembersPage *self,
                                                               EntentePack        *pack);

/* property "selected-code" (string, read-write, explicit notify): the state on show in the
 * details, kept in step with the map and the list; NULL for none */
const char           *entente_members_page_get_selected_code  (EntenteMembersPage *self);
void                  entente_members_page_set_selected_code  (EntenteMembersPage *self,
                                                               const char         *code);

/* property "year" (int, read-write, explicit notify): "membership as of" the end of that year;
 * clamped to the slider's range (the earliest year of the pack to its as_of year) */
int                   entente_members_page_get_year           (EntenteMembersPage *self);
void                  entente_members_page_set_year           (EntenteMembersPage *self,
                                                               int                 year);

/* How many states had @status at the end of the chosen year, as the legend says. */
guint                 entente_members_page_count_status       (EntenteMembersPage *self,
                                                               EntenteMemberStatus status);

/* property "show-all-events" (boolean, read-write, explicit notify): when FALSE and a state is
 * selected, the timeline lists only the events that state took part in */
gboolean              entente_members_page_get_show_all_events (EntenteMembersPage *self);
void                  entente_members_page_set_show_all_events (EntenteMembersPage *self,
                                                                gboolean            show_all);

/* Shows the details of the selected state (a page of its own when the page is narrow). */
void                  entente_members_page_show_details       (EntenteMembersPage *self);
/* Shows the event @id in the timeline and selects it. */
void                  entente_members_page_show_event         (EntenteMembersPage *self,
                                                               const char         *id);
/* The id of the event selected in the timeline, or NULL. */
const char           *entente_members_page_get_selected_event (EntenteMembersPage *self);

EntenteMapView       *entente_members_page_get_map_view       (EntenteMembersPage *self);
EntenteMemberDetails *entente_members_page_get_details        (EntenteMembersPage *self);
GtkListBox           *entente_members_page_get_state_list     (EntenteMembersPage *self);
GtkListBox           *entente_members_page_get_timeline       (EntenteMembersPage *self);

/* signal "show-section" (const char *section_id): a link to a section of the outline was
 * activated (widget action "members.show-section") */

/* widget actions: "members.zoom-in", "members.zoom-out", "members.reset-zoom",
 * "members.select-state" (s), "members.show-section" (s), "members.show-event" (s),
 * "members.back" (Alt+Left: back from the details when the page is narrow) */

G_END_DECLS
