/* entente-strings.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-model-private.h"

/* Large enough that a big pack needs few blocks, small enough not to matter for a tiny one. */
#define STRINGS_BLOCK_SIZE (64 * 1024)

struct _EntenteStrings
{
  GStringChunk *chunk;
};

const char * const _entente_empty_strv[] = { NULL };

EntenteStrings *
_entente_strings_new (void)
{
  EntenteStrings *strings = g_atomic_rc_box_new0 (EntenteStrings);

  strings->chunk = g_string_chunk_new (STRINGS_BLOCK_SIZE);

  return strings;
}

EntenteStrings *
_entente_strings_ref (EntenteStrings *strings)
{
  return g_atomic_rc_box_acquire (strings);
}

static void
entente_strings_clear (gpointer data)
{
  EntenteStrings *strings = data;

  g_string_chunk_free (strings->chunk);
}

void
_entente_strings_unref (EntenteStrings *strings)
{
  g_atomic_rc_box_release_full (strings, entente_strings_clear);
}

const char *
_entente_strings_add (EntenteStrings *strings,
                      const char     *text)
{
  if (text == NULL)
    return NULL;

  return g_string_chunk_insert (strings->chunk, text);
}

const char *
_entente_strings_intern (EntenteStrings *strings,
                         const char     *text)
{
  if (text == NULL)
    return NULL;

  return g_string_chunk_insert_const (strings->chunk, text);
}
