#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_SECTION (entente_section_get_type ())

G_DECLARE_FINAL_TYPE (EntenteSection, entente_section, ENTENTE, SECTION, GObject)

/* Properties: "id", "title", "summary", "pages", "depth" (0 for top level),
 * "parent" (EntenteSection, NULL at top level; not a reference),
 * "children" (GListModel of EntenteSection, never NULL, may be empty),
 * "points", "members", "terms", "events" (GStrv, never NULL, may be empty). */
const char         *entente_section_get_id       (EntenteSection *self);
const char         *entente_section_get_title    (EntenteSection *self);
const char         *entente_section_get_summary  (EntenteSection *self);
const char         *entente_section_get_pages    (EntenteSection *self);
guint               entente_section_get_depth    (EntenteSection *self);
EntenteSection     *entente_section_get_parent   (EntenteSection *self);
GListModel         *entente_section_get_children (EntenteSection *self);
const char * const *entente_section_get_points   (EntenteSection *self);
const char * const *entente_section_get_members  (EntenteSection *self);
const char * const *entente_section_get_terms    (EntenteSection *self);
const char * const *entente_section_get_events   (EntenteSection *self);

G_END_DECLS
