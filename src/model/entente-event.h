#pragma once

#include <glib-object.h>

#include "entente-date.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_EVENT (entente_event_get_type ())

G_DECLARE_FINAL_TYPE (EntenteEvent, entente_event, ENTENTE, EVENT, GObject)

/* Properties: "id", "date", "title", "place", "detail", "members", "sections"
 * (GStrv, never NULL, may be empty). */
const char         *entente_event_get_id       (EntenteEvent *self);
const EntenteDate  *entente_event_get_date     (EntenteEvent *self);
const char         *entente_event_get_title    (EntenteEvent *self);
const char         *entente_event_get_place    (EntenteEvent *self);
const char         *entente_event_get_detail   (EntenteEvent *self);
const char * const *entente_event_get_members  (EntenteEvent *self);
const char * const *entente_event_get_sections (EntenteEvent *self);

G_END_DECLS
