#pragma once

#include <gio/gio.h>

#include "entente-author.h"
#include "entente-card.h"
#include "entente-correction.h"
#include "entente-date.h"
#include "entente-event.h"
#include "entente-member.h"
#include "entente-organization.h"
#include "entente-reference.h"
#include "entente-section.h"
#include "entente-term.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_PACK (entente_pack_get_type ())

/* An immutable, fully validated study pack. Only the loader creates one. */
G_DECLARE_FINAL_TYPE (EntentePack, entente_pack, ENTENTE, PACK, GObject)

/* Properties (all read-only): "id", "title", "subtitle", "language", "as-of" (EntenteDate),
 * "abstract", "keywords" (GStrv), "source-citation", "source-url", "source-year" (0 if absent),
 * "organization" (EntenteOrganization or NULL), "authors", "outline", "members", "events",
 * "terms", "cards", "references", "corrections" (GListModels, never NULL, read-only: a
 * loaded pack never changes; a card's object is made the first time it is asked for and
 * is the same object every time after), "file" (GFile it was loaded from, NULL for the
 * built-in pack / bytes). */
const char          *entente_pack_get_id              (EntentePack *self);
const char          *entente_pack_get_title           (EntentePack *self);
const char          *entente_pack_get_subtitle        (EntentePack *self);
const char          *entente_pack_get_language        (EntentePack *self);
const EntenteDate   *entente_pack_get_as_of           (EntentePack *self);
const char          *entente_pack_get_abstract        (EntentePack *self);
const char * const  *entente_pack_get_keywords        (EntentePack *self);
const char          *entente_pack_get_source_citation (EntentePack *self);
const char          *entente_pack_get_source_url      (EntentePack *self);
int                  entente_pack_get_source_year     (EntentePack *self);
EntenteOrganization *entente_pack_get_organization    (EntentePack *self);
GFile               *entente_pack_get_file            (EntentePack *self);

/* GListModel of EntenteAuthor */
GListModel          *entente_pack_get_authors         (EntentePack *self);
/* GListModel of the top-level EntenteSection; children through entente_section_get_children() */
GListModel          *entente_pack_get_outline         (EntentePack *self);
/* GListModel of EntenteMember, in pack order */
GListModel          *entente_pack_get_members         (EntentePack *self);
/* GListModel of EntenteEvent, sorted by date (stable for equal dates) */
GListModel          *entente_pack_get_events          (EntentePack *self);
GListModel          *entente_pack_get_terms           (EntentePack *self);
GListModel          *entente_pack_get_cards           (EntentePack *self);
GListModel          *entente_pack_get_references      (EntentePack *self);
GListModel          *entente_pack_get_corrections     (EntentePack *self);

/* Every section of the tree, depth first, in reading order. */
guint                entente_pack_get_n_sections      (EntentePack *self);
EntenteSection      *entente_pack_get_nth_section     (EntentePack *self,
                                                       guint        position);

/* Lookups; NULL when nothing has that id. The returned object is owned by the pack. */
EntenteSection      *entente_pack_lookup_section      (EntentePack *self,
                                                       const char  *id);
EntenteMember       *entente_pack_lookup_member       (EntentePack *self,
                                                       const char  *code);
/* What to call the state with ISO 3166-1 alpha-2 @code in this pack: the member's
 * name, else the ISO name in the UI language, else the code itself. */
const char          *entente_pack_get_state_name      (EntentePack *self,
                                                       const char  *code);
EntenteEvent        *entente_pack_lookup_event        (EntentePack *self,
                                                       const char  *id);
EntenteTerm         *entente_pack_lookup_term         (EntentePack *self,
                                                       const char  *id);
EntenteCard         *entente_pack_lookup_card         (EntentePack *self,
                                                       const char  *id);
EntenteReference    *entente_pack_lookup_reference    (EntentePack *self,
                                                       const char  *id);

/* Corrections whose "section" is @section_id, in pack order (a new GPtrArray of borrowed
 * EntenteCorrection pointers; free the array only). */
GPtrArray           *entente_pack_get_corrections_for_section (EntentePack *self,
                                                               const char  *section_id);
/* Cards whose "section" is @section_id (not descendants). Same ownership as above. */
GPtrArray           *entente_pack_get_cards_for_section       (EntentePack *self,
                                                               const char  *section_id);

G_END_DECLS
