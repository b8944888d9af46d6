/* bench-json-glib.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline for docs/benchmarks.md: reads a file and parses it with json-glib, and
 * nothing else, the least work that `entente --validate` can do with the same file.
 */

#include "config.h"

#include <json-glib/json-glib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE\n", argv[0]);
      return 2;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_file (parser, argv[1], &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  return JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ? 0 : 1;
}
