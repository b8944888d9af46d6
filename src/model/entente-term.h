#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_TERM (entente_term_get_type ())

G_DECLARE_FINAL_TYPE (EntenteTerm, entente_term, ENTENTE, TERM, GObject)

/* Properties: "id", "term", "definition", "aliases", "sections" (GStrv, never NULL,
 * may be empty). */
const char         *entente_term_get_id         (EntenteTerm *self);
const char         *entente_term_get_term       (EntenteTerm *self);
const char         *entente_term_get_definition (EntenteTerm *self);
const char * const *entente_term_get_aliases    (EntenteTerm *self);
const char * const *entente_term_get_sections   (EntenteTerm *self);

G_END_DECLS
