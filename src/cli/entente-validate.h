#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of `entente --validate` */
#define ENTENTE_VALIDATE_EXIT_VALID   0 /* every file valid (warnings allowed) */
#define ENTENTE_VALIDATE_EXIT_INVALID 1 /* at least one file refused */
#define ENTENTE_VALIDATE_EXIT_USAGE   2 /* usage or I/O error */

/* Validates @files (NULL-terminated; paths as given on the command line) without a display.
 * Appends what it would print on standard output to @out and on standard error to @err,
 * and returns the exit code. With @json, writes one JSON object per file, one per line. */
int entente_validate_run (const char * const *files,
                          gboolean            json,
                          GString            *out,
                          GString            *err);

G_END_DECLS
