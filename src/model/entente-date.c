/* entente-date.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "entente-date.h"
#include "entente-model-private.h"

G_DEFINE_BOXED_TYPE (EntenteDate, entente_date, entente_date_copy, entente_date_free)

EntenteDate *
entente_date_copy (const EntenteDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_memdup2 (date, sizeof *date);
}

void
entente_date_free (EntenteDate *date)
{
  g_free (date);
}

static gboolean
read_digits (const char **p,
             guint        n_digits,
             int         *out_value)
{
  int value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      char c = (*p)[i];

      if (c < '0' || c > '9')
        return FALSE;
      value = value * 10 + (c - '0');
    }

  *p += n_digits;
  *out_value = value;

  return TRUE;
}

EntenteDateParse
_entente_date_parse_full (const char  *text,
                          EntenteDate *out_date)
{
  EntenteDate date = { 0, 0, 0 };
  const char *p = text;

  if (text == NULL)
    return ENTENTE_DATE_PARSE_MALFORMED;

  if (!read_digits (&p, 4, &date.year))
    return ENTENTE_DATE_PARSE_MALFORMED;

  if (*p == '-')
    {
      p++;
      if (!read_digits (&p, 2, &date.month))
        return ENTENTE_DATE_PARSE_MALFORMED;

      if (*p == '-')
        {
          p++;
          if (!read_digits (&p, 2, &date.day))
            return ENTENTE_DATE_PARSE_MALFORMED;
        }
    }

  if (*p != '\0')
    return ENTENTE_DATE_PARSE_MALFORMED;

  if (date.year < 1)
    return ENTENTE_DATE_PARSE_NOT_REAL;

  if (p - text > 4 && (date.month < 1 || date.month > 12))
    return ENTENTE_DATE_PARSE_NOT_REAL;

  if (p - text > 7 &&
      (date.day < 1 || date.day > g_date_get_days_in_month (date.month, date.year)))
    return ENTENTE_DATE_PARSE_NOT_REAL;

  if (out_date != NULL)
    *out_date = date;

  return ENTENTE_DATE_PARSE_OK;
}

/**
 * entente_date_parse:
 * @text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @out_date: (out) (optional): where to store the date
 *
 * Parses a date as the pack format writes it. Only real calendar dates between the
 * years 1 and 9999 are accepted: `2023-02-30` and `1900-02-29` are refused.
 *
 * Returns: %TRUE if @text is such a date; @out_date is left untouched otherwise
 */
gboolean
entente_date_parse (const char  *text,
                    EntenteDate *out_date)
{
  return _entente_date_parse_full (text, out_date) == ENTENTE_DATE_PARSE_OK;
}

gboolean
entente_date_is_set (const EntenteDate *date)
{
  return date != NULL && date->year > 0;
}

/**
 * entente_date_compare:
 *
 * Orders dates chronologically. A partial date sorts before the full dates of the
 * period it names: `2001` < `2001-01` < `2001-01-01` < `2001-01-02` < `2001-02`.
 * An unset date sorts before every set date.
 */
int
entente_date_compare (const EntenteDate *a,
                      const EntenteDate *b)
{
  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  /* 0 stands for "not given", so it sorts first within the period. */
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;

  return 0;
}

char *
entente_date_to_string (const EntenteDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!entente_date_is_set (date))
    return g_strdup ("");
  if (date->month == 0)
    return g_strdup_printf ("%04d", date->year);
  if (date->day == 0)
    return g_strdup_printf ("%04d-%02d", date->year, date->month);

  return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
}

char *
entente_date_format (const EntenteDate *date)
{
  g_autoptr(GDateTime) time = NULL;
  const char *format;

  g_return_val_if_fail (date != NULL, NULL);

  if (!entente_date_is_set (date))
    return g_strdup ("");

  if (date->month == 0)
    return g_strdup_printf ("%d", date->year);

  time = g_date_time_new_utc (date->year, date->month, MAX (date->day, 1), 0, 0, 0);
  if (time == NULL)
    return entente_date_to_string (date);

  if (date->day == 0)
    {
      /* Translators: a month and year, e.g. "June 2001"; see the GDateTime
       * format documentation (%OB is the month name on its own, %Y the year) */
      format = C_("date", "%OB %Y");
    }
  else
    {
      /* Translators: a full date, e.g. "15 June 2001"; see the GDateTime
       * format documentation (%-d is the day without padding, %B the month name) */
      format = C_("date", "%-d %B %Y");
    }

  return g_date_time_format (time, format);
}
