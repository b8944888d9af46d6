/* entente-report-private.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "entente-report.h"

G_BEGIN_DECLS

/* Takes @path and @message. Beyond ENTENTE_REPORT_MAX_ERRORS, marks the report truncated
 * and drops the problem. */
void     _entente_report_take_error       (EntenteReport       *self,
                                           char                *path,
                                           int                  line,
                                           int                  column,
                                           char                *message);
void     _entente_report_take_warning     (EntenteReport       *self,
                                           char                *path,
                                           char                *message);
/* Whether another error would only mark the report truncated: the caller can skip
 * building its message. */
gboolean _entente_report_errors_full      (EntenteReport       *self);
gboolean _entente_report_warnings_full    (EntenteReport       *self);
void     _entente_report_set_truncated    (EntenteReport       *self);

void     _entente_report_add_count        (EntenteReport       *self,
                                           EntenteCount         count,
                                           guint                n);
void     _entente_report_add_card_kind    (EntenteReport       *self,
                                           EntenteCardKind      kind);
void     _entente_report_add_member_status (EntenteReport       *self,
                                            EntenteMemberStatus  status);
void     _entente_report_set_pack_id      (EntenteReport       *self,
                                           const char          *pack_id);

G_END_DECLS
