/* entente-strings.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An arena for the strings and small arrays of one pack: they are all made while the
 * pack loads and all go together when its last object does, so a bump pointer in large
 * blocks does the job of thousands of small allocations and frees.
 */

#include "config.h"

#include <string.h>

#include "entente-model-private.h"

/* Below glibc's FASTBIN_CONSOLIDATION_THRESHOLD (64 KiB): freeing a block that large
 * would make the allocator sweep the millions of small blocks that the parsed JSON tree
 * left behind, which costs more than the whole walk over the tree. */
#define BLOCK_SIZE (32 * 1024 - sizeof (Block))
/* Larger requests get a block of their own, so they do not waste the rest of one. */
#define LARGE_SIZE (BLOCK_SIZE / 4)

typedef struct _Block Block;
struct _Block
{
  Block  *next;
  gsize   size;
  gsize   used;
  /* Pointer-aligned: the header is three pointer-sized fields. */
  char    data[];
};

struct _EntenteStrings
{
  Block *blocks;
};

const char * const _entente_empty_strv[] = { NULL };

EntenteStrings *
_entente_strings_new (void)
{
  return g_atomic_rc_box_new0 (EntenteStrings);
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
  Block *block = strings->blocks;

  while (block != NULL)
    {
      Block *next = block->next;

      g_free (block);
      block = next;
    }
}

void
_entente_strings_unref (EntenteStrings *strings)
{
  g_atomic_rc_box_release_full (strings, entente_strings_clear);
}

gpointer
_entente_strings_alloc (EntenteStrings *strings,
                        gsize           size,
                        gsize           alignment)
{
  Block *block = strings->blocks;
  Block *fresh;

  if (block != NULL)
    {
      gsize offset = (block->used + alignment - 1) & ~(alignment - 1);

      if (offset + size <= block->size)
        {
          block->used = offset + size;
          return block->data + offset;
        }
    }

  if (size > LARGE_SIZE)
    {
      fresh = g_malloc (sizeof (Block) + size);
      fresh->size = size;
      fresh->used = size;
      /* Behind the current block, which keeps filling. */
      if (block != NULL)
        {
          fresh->next = block->next;
          block->next = fresh;
        }
      else
        {
          fresh->next = NULL;
          strings->blocks = fresh;
        }
      return fresh->data;
    }

  fresh = g_malloc (sizeof (Block) + BLOCK_SIZE);
  fresh->size = BLOCK_SIZE;
  fresh->used = size;
  fresh->next = block;
  strings->blocks = fresh;

  return fresh->data;
}

void
_entente_strings_take_memory (EntenteStrings *strings,
                              gpointer        memory,
                              gsize           size)
{
  Block *block = memory;

  if (size < sizeof (Block) + BLOCK_SIZE)
    {
      g_free (memory);
      return;
    }

  block->size = size - sizeof (Block);
  block->used = 0;
  block->next = strings->blocks;
  strings->blocks = block;
}

const char *
_entente_strings_add_len (EntenteStrings *strings,
                          const char     *text,
                          gsize           length)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = _entente_strings_alloc (strings, length + 1, 1);
  memcpy (copy, text, length);
  copy[length] = '\0';

  return copy;
}

const char *
_entente_strings_add (EntenteStrings *strings,
                      const char     *text)
{
  if (text == NULL)
    return NULL;

  return _entente_strings_add_len (strings, text, strlen (text));
}

const char **
_entente_strings_new_strv (EntenteStrings *strings,
                           gsize           n_strings)
{
  return _entente_strings_alloc (strings, (n_strings + 1) * sizeof (char *), sizeof (char *));
}
