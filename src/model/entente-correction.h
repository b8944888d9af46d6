#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_CORRECTION (entente_correction_get_type ())

G_DECLARE_FINAL_TYPE (EntenteCorrection, entente_correction, ENTENTE, CORRECTION, GObject)

/* Properties: "id", "section", "claim", "correction", "source". */
const char *entente_correction_get_id         (EntenteCorrection *self);
const char *entente_correction_get_section    (EntenteCorrection *self);
const char *entente_correction_get_claim      (EntenteCorrection *self);
const char *entente_correction_get_correction (EntenteCorrection *self);
const char *entente_correction_get_source     (EntenteCorrection *self);

G_END_DECLS
