#pragma once

#include <gio/gio.h>

#include "entente-pack.h"
#include "entente-report.h"

G_BEGIN_DECLS

#define ENTENTE_PACK_ERROR (entente_pack_error_quark ())

typedef enum
{
  ENTENTE_PACK_ERROR_INVALID,       /* refused: the report lists why */
  ENTENTE_PACK_ERROR_NEWER_VERSION, /* "version" is larger than we read */
  ENTENTE_PACK_ERROR_TOO_LARGE,     /* the file is over ENTENTE_PACK_MAX_FILE_SIZE */
  ENTENTE_PACK_ERROR_IO,            /* could not be read at all */
} EntentePackError;

#define ENTENTE_PACK_MAX_FILE_SIZE (256 * 1024 * 1024)
#define ENTENTE_PACK_MAX_DEPTH 8
#define ENTENTE_PACK_MAX_CARDS 1000000
#define ENTENTE_PACK_MAX_TEXT_BYTES 65536
#define ENTENTE_PACK_FORMAT_VERSION 1

GQuark       entente_pack_error_quark (void);

/* Loads and validates a pack. On success returns the pack (the report may hold warnings).
 * On failure returns NULL and sets @error with a one-line, translated, user-facing message;
 * the report then lists every problem (up to ENTENTE_REPORT_MAX_ERRORS), each with its path.
 * @filename is used only in messages (may be NULL). @out_report is always set when non-NULL. */
EntentePack *entente_pack_load_from_bytes  (GBytes         *bytes,
                                            const char     *filename,
                                            EntenteReport **out_report,
                                            GError        **error);
EntentePack *entente_pack_load_from_file   (GFile          *file,
                                            GCancellable   *cancellable,
                                            EntenteReport **out_report,
                                            GError        **error);
/* The built-in pack, from the GResource (the caller's binary must link the resource). */
EntentePack *entente_pack_load_builtin     (GError        **error);
#define ENTENTE_BUILTIN_PACK_RESOURCE "/io/github/entente_app/Entente/packs/khan-sultana-sco.json"

/* Loads in a worker thread. Cancelling stops the work between stages and every 1,024
 * cards; the error is then G_IO_ERROR_CANCELLED and the report may be incomplete. */
void         entente_pack_load_file_async  (GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
EntentePack *entente_pack_load_file_finish (GAsyncResult        *result,
                                            EntenteReport      **out_report,
                                            GError             **error);

G_END_DECLS
