#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *alpha2;
  const char *alpha3;
  int         numeric;
  const char *name;   /* English, as in iso-codes */
} EntenteCountry;

/* NULL if @alpha2 is not an ISO 3166-1 alpha-2 code (upper case). */
const EntenteCountry *entente_iso3166_lookup        (const char *alpha2);
guint                 entente_iso3166_get_n_countries (void);
const EntenteCountry *entente_iso3166_get_nth       (guint       position);
/* The country's name in the UI language through the iso_3166-1 gettext domain
 * where it is installed, English otherwise. NULL for an unknown code. */
const char           *entente_iso3166_get_localized_name (const char *alpha2);

G_END_DECLS
