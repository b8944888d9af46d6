/* entente-iso3166.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "entente-iso3166.h"
#include "entente-iso3166-table.h"

#define ISO_CODES_DOMAIN "iso_3166-1"

const EntenteCountry *
entente_iso3166_lookup (const char *alpha2)
{
  guint low = 0;
  guint high = ENTENTE_ISO3166_N_COUNTRIES;

  if (alpha2 == NULL || alpha2[0] == '\0' || alpha2[1] == '\0' || alpha2[2] != '\0')
    return NULL;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int cmp = strcmp (alpha2, entente_iso3166_table[middle].alpha2);

      if (cmp == 0)
        return &entente_iso3166_table[middle];
      if (cmp < 0)
        high = middle;
      else
        low = middle + 1;
    }

  return NULL;
}

guint
entente_iso3166_get_n_countries (void)
{
  return ENTENTE_ISO3166_N_COUNTRIES;
}

const EntenteCountry *
entente_iso3166_get_nth (guint position)
{
  if (position >= ENTENTE_ISO3166_N_COUNTRIES)
    return NULL;

  return &entente_iso3166_table[position];
}

const char *
entente_iso3166_get_localized_name (const char *alpha2)
{
  static gsize initialized = 0;
  const EntenteCountry *country = entente_iso3166_lookup (alpha2);

  if (country == NULL)
    return NULL;

  /* iso-codes installs its catalogues in the default locale directory; only make sure
   * that the names come back in UTF-8 whatever the locale's own encoding. */
  if (g_once_init_enter (&initialized))
    {
      bind_textdomain_codeset (ISO_CODES_DOMAIN, "UTF-8");
      g_once_init_leave (&initialized, 1);
    }

  return g_dgettext (ISO_CODES_DOMAIN, country->name);
}
