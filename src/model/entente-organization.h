#pragma once

#include <glib-object.h>

#include "entente-date.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_ORGANIZATION (entente_organization_get_type ())

G_DECLARE_FINAL_TYPE (EntenteOrganization, entente_organization, ENTENTE, ORGANIZATION, GObject)

/* Properties: "name", "short-name", "founded" (EntenteDate boxed, may be unset),
 * "headquarters", "url". Optional strings are NULL when absent. */
const char        *entente_organization_get_name         (EntenteOrganization *self);
const char        *entente_organization_get_short_name   (EntenteOrganization *self);
const EntenteDate *entente_organization_get_founded      (EntenteOrganization *self);
const char        *entente_organization_get_headquarters (EntenteOrganization *self);
const char        *entente_organization_get_url          (EntenteOrganization *self);

G_END_DECLS
