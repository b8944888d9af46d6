/* entente-report.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-report.h"
#include "entente-report-private.h"

G_DEFINE_BOXED_TYPE (EntenteProblem, entente_problem, entente_problem_copy, entente_problem_free)

EntenteProblem *
entente_problem_copy (const EntenteProblem *problem)
{
  EntenteProblem *copy;

  g_return_val_if_fail (problem != NULL, NULL);

  copy = g_new0 (EntenteProblem, 1);
  copy->path = g_strdup (problem->path);
  copy->message = g_strdup (problem->message);
  copy->line = problem->line;
  copy->column = problem->column;

  return copy;
}

void
entente_problem_free (EntenteProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/**
 * entente_problem_to_string:
 * @filename: (nullable): the file the problem is in, as the user named it
 *
 * Formats a problem for a terminal or a log: "FILE:LINE:COLUMN: message" when the
 * problem has a position (syntax errors), else "FILE: PATH: message", without the
 * parts that are unknown or empty.
 *
 * Returns: (transfer full): the text
 */
char *
entente_problem_to_string (const EntenteProblem *problem,
                           const char           *filename)
{
  GString *text;

  g_return_val_if_fail (problem != NULL, NULL);

  text = g_string_new (NULL);

  if (problem->line > 0)
    {
      if (filename != NULL)
        g_string_append_printf (text, "%s:", filename);
      g_string_append_printf (text, "%d:%d: ", problem->line, problem->column);
    }
  else if (filename != NULL)
    {
      g_string_append_printf (text, "%s: ", filename);
    }

  if (problem->path != NULL && problem->path[0] != '\0')
    g_string_append_printf (text, "%s: ", problem->path);

  g_string_append (text, problem->message != NULL ? problem->message : "");

  return g_string_free (text, FALSE);
}

static const char * const count_names[ENTENTE_N_COUNTS] = {
  [ENTENTE_COUNT_SECTIONS] = "sections",
  [ENTENTE_COUNT_POINTS] = "points",
  [ENTENTE_COUNT_MEMBERS] = "members",
  [ENTENTE_COUNT_EVENTS] = "events",
  [ENTENTE_COUNT_TERMS] = "terms",
  [ENTENTE_COUNT_CARDS] = "cards",
  [ENTENTE_COUNT_REFERENCES] = "references",
  [ENTENTE_COUNT_CORRECTIONS] = "corrections",
  [ENTENTE_COUNT_AUTHORS] = "authors",
};

const char *
entente_count_to_string (EntenteCount count)
{
  g_return_val_if_fail ((guint) count < ENTENTE_N_COUNTS, NULL);

  return count_names[count];
}

struct _EntenteReport
{
  GObject    parent_instance;

  GPtrArray *errors;
  GPtrArray *warnings;
  gboolean   truncated;

  guint      counts[ENTENTE_N_COUNTS];
  guint      card_kinds[ENTENTE_N_CARD_KINDS];
  guint      member_statuses[ENTENTE_N_MEMBER_STATUSES];
  char      *pack_id;
};

G_DEFINE_FINAL_TYPE (EntenteReport, entente_report, G_TYPE_OBJECT)

static void
entente_report_finalize (GObject *object)
{
  EntenteReport *self = (EntenteReport *)object;

  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->pack_id, g_free);

  G_OBJECT_CLASS (entente_report_parent_class)->finalize (object);
}

static void
entente_report_class_init (EntenteReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_report_finalize;
}

static void
entente_report_init (EntenteReport *self)
{
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) entente_problem_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) entente_problem_free);
}

EntenteReport *
entente_report_new (void)
{
  return g_object_new (ENTENTE_TYPE_REPORT, NULL);
}

guint
entente_report_get_n_errors (EntenteReport *self)
{
  g_return_val_if_fail (ENTENTE_IS_REPORT (self), 0);

  return self->errors->len;
}

const EntenteProblem *
entente_report_get_error (EntenteReport *self,
                          guint          index)
{
  g_return_val_if_fail (ENTENTE_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->errors->len, NULL);

  return g_ptr_array_index (self->errors, index);
}

gboolean
entente_report_get_truncated (EntenteReport *self)
{
  g_return_val_if_fail (ENTENTE_IS_REPORT (self), FALSE);

  return self->truncated;
}

guint
entente_report_get_n_warnings (EntenteReport *self)
{
  g_return_val_if_fail (ENTENTE_IS_REPORT (self), 0);

  return self->warnings->len;
}

const EntenteProblem *
entente_report_get_warning (EntenteReport *self,
                            guint          index)
{
  g_return_val_if_fail (ENTENTE_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->warnings->len, NULL);

  return g_ptr_array_index (self->warnings, index);
}

static EntenteProblem *
problem_new (char *path,
             int   line,
             int   column,
             char *message)
{
  EntenteProblem *problem = g_new (EntenteProblem, 1);

  problem->path = path != NULL ? path : g_strdup ("");
  problem->message = message;
  problem->line = line;
  problem->column = column;

  return problem;
}

void
_entente_report_take_error (EntenteReport *self,
                            char          *path,
                            int            line,
                            int            column,
                            char          *message)
{
  if (self->errors->len >= ENTENTE_REPORT_MAX_ERRORS)
    {
      self->truncated = TRUE;
      g_free (path);
      g_free (message);
      return;
    }

  g_ptr_array_add (self->errors, problem_new (path, line, column, message));
}

void
_entente_report_take_warning (EntenteReport *self,
                              char          *path,
                              char          *message)
{
  if (self->warnings->len >= ENTENTE_REPORT_MAX_ERRORS)
    {
      g_free (path);
      g_free (message);
      return;
    }

  g_ptr_array_add (self->warnings, problem_new (path, 0, 0, message));
}

gboolean
_entente_report_errors_full (EntenteReport *self)
{
  return self->errors->len >= ENTENTE_REPORT_MAX_ERRORS;
}

gboolean
_entente_report_warnings_full (EntenteReport *self)
{
  return self->warnings->len >= ENTENTE_REPORT_MAX_ERRORS;
}

void
_entente_report_set_truncated (EntenteReport *self)
{
  self->truncated = TRUE;
}

void
entente_report_add_error (EntenteReport *self,
                          const char    *path,
                          int            line,
                          int            column,
                          const char    *format,
                          ...)
{
  va_list args;
  char *message;

  g_return_if_fail (ENTENTE_IS_REPORT (self));
  g_return_if_fail (format != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _entente_report_take_error (self, g_strdup (path), line, column, message);
}

void
entente_report_add_warning (EntenteReport *self,
                            const char    *path,
                            const char    *format,
                            ...)
{
  va_list args;
  char *message;

  g_return_if_fail (ENTENTE_IS_REPORT (self));
  g_return_if_fail (format != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _entente_report_take_warning (self, g_strdup (path), message);
}

guint
entente_report_get_count (EntenteReport *self,
                          EntenteCount   count)
{
  g_return_val_if_fail (ENTENTE_IS_REPORT (self), 0);
  g_return_val_if_fail ((guint) count < ENTENTE_N_COUNTS, 0);

  return self->counts[count];
}

guint
entente_report_get_card_kind_count (EntenteReport   *self,
                                    EntenteCardKind  kind)
{
  g_return_val_if_fail (ENTENTE_IS_REPORT (self), 0);
  g_return_val_if_fail ((guint) kind < ENTENTE_N_CARD_KINDS, 0);

  return self->card_kinds[kind];
}

guint
entente_report_get_member_status_count (EntenteReport       *self,
                                        EntenteMemberStatus  status)
{
  g_return_val_if_fail (ENTENTE_IS_REPORT (self), 0);
  g_return_val_if_fail ((guint) status < ENTENTE_N_MEMBER_STATUSES, 0);

  return self->member_statuses[status];
}

const char *
entente_report_get_pack_id (EntenteReport *self)
{
  g_return_val_if_fail (ENTENTE_IS_REPORT (self), NULL);

  return self->pack_id;
}

void
_entente_report_add_count (EntenteReport *self,
                           EntenteCount   count,
                           guint          n)
{
  self->counts[count] += n;
}

void
_entente_report_add_card_kind (EntenteReport   *self,
                               EntenteCardKind  kind)
{
  self->card_kinds[kind]++;
}

void
_entente_report_add_member_status (EntenteReport       *self,
                                   EntenteMemberStatus  status)
{
  if ((guint) status < ENTENTE_N_MEMBER_STATUSES)
    self->member_statuses[status]++;
}

void
_entente_report_set_pack_id (EntenteReport *self,
                             const char    *pack_id)
{
  g_free (self->pack_id);
  self->pack_id = g_strdup (pack_id);
}
