/* entente-text.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "entente-text.h"

static gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;

    default:
      return g_unichar_combining_class (c) != 0;
    }
}

/* NFKD, so that accents and compatibility forms (ligatures, full-width letters)
 * come apart, then the marks dropped, then case folded. */
char *
entente_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *stripped;
  char *folded;

  g_return_val_if_fail (text != NULL, NULL);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_mark (c))
        g_string_append_unichar (stripped, c);
    }

  folded = g_utf8_casefold (stripped->str, stripped->len);
  g_string_free (stripped, TRUE);

  return folded;
}

gboolean
entente_text_matches (const char *haystack,
                      const char *folded_needle)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (haystack != NULL, FALSE);
  g_return_val_if_fail (folded_needle != NULL, FALSE);

  if (*folded_needle == '\0')
    return TRUE;

  folded = entente_text_fold (haystack);

  return strstr (folded, folded_needle) != NULL;
}

typedef enum
{
  KEEP,
  DROP,
  SPACE,
} CharAction;

static CharAction
classify_for_answer (gunichar c)
{
  if (g_unichar_isspace (c))
    return SPACE;

  switch (g_unichar_type (c))
    {
    /* Words joined by a dash or an underscore are the same words apart:
     * "Bosnia-Herzegovina" answers "Bosnia Herzegovina". */
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CONNECT_PUNCTUATION:
      return SPACE;

    /* Other punctuation and symbols vanish: "U.S.A." answers "USA". */
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_CONTROL:
      return DROP;

    default:
      return KEEP;
    }
}

char *
entente_text_normalize_answer (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  folded = entente_text_fold (text);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (classify_for_answer (c))
        {
        case SPACE:
          pending_space = out->len > 0;
          break;

        case KEEP:
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_unichar (out, c);
          break;

        case DROP:
        default:
          break;
        }
    }

  return g_string_free (out, FALSE);
}
