#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_AUTHOR (entente_author_get_type ())

G_DECLARE_FINAL_TYPE (EntenteAuthor, entente_author, ENTENTE, AUTHOR, GObject)

/* Properties: "name", "affiliation" (may be NULL). */
const char *entente_author_get_name        (EntenteAuthor *self);
const char *entente_author_get_affiliation (EntenteAuthor *self);

G_END_DECLS
