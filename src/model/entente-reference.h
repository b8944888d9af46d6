#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_REFERENCE (entente_reference_get_type ())

G_DECLARE_FINAL_TYPE (EntenteReference, entente_reference, ENTENTE, REFERENCE, GObject)

/* Properties: "id", "text", "url". */
const char *entente_reference_get_id   (EntenteReference *self);
const char *entente_reference_get_text (EntenteReference *self);
const char *entente_reference_get_url  (EntenteReference *self);

G_END_DECLS
