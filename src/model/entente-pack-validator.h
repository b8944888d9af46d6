/* entente-pack-validator.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "entente-pack.h"
#include "entente-report.h"

G_BEGIN_DECLS

/* Walks the parsed tree of a pack once: checks every rule of the pack format, reports
 * each problem with its JSON path, counts what the file holds and builds the model
 * objects as it goes. The objects become a pack only if nothing was wrong. */
typedef struct _EntentePackValidator EntentePackValidator;

EntentePackValidator *_entente_pack_validator_new    (EntenteReport        *report,
                                                      GCancellable         *cancellable);
void                  _entente_pack_validator_free   (EntentePackValidator *self);
/* Whether to check that json-glib's strings are UTF-8: needed only when the file has
 * \u escapes. */
void                  _entente_pack_validator_set_check_utf8 (EntentePackValidator *self,
                                                              gboolean              check_utf8);
/* Gives the validator memory to keep the pack's strings in: see load_bytes(). */
void                  _entente_pack_validator_take_memory (EntentePackValidator *self,
                                                           gpointer              memory,
                                                           gsize                 size);
/* FALSE if @cancellable was cancelled during the walk. */
gboolean              _entente_pack_validator_run    (EntentePackValidator *self,
                                                      JsonObject           *root);
/* The errors found, also those beyond what the report keeps. */
guint                 _entente_pack_validator_get_n_errors (EntentePackValidator *self);
/* The pack's "version" when it is newer than this code reads, else 0. */
gint64                _entente_pack_validator_get_newer_version (EntentePackValidator *self);
/* After a run without errors, the pack; the validator gives up what it built. The parsed
 * tree may be freed before this is called. */
EntentePack          *_entente_pack_validator_finish (EntentePackValidator *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntentePackValidator, _entente_pack_validator_free)

G_END_DECLS
