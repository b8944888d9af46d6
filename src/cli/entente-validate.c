/* entente-validate.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "entente-pack-loader.h"
#include "entente-validate.h"

/* Titles longer than this are shortened in the one-line summary. */
#define SUMMARY_TITLE_MAX_CHARS 60

typedef enum
{
  RESULT_VALID,
  RESULT_REFUSED,
  RESULT_UNREADABLE,
} ValidateResult;

/* The keys of "counts" in the JSON output and the order of the summary. */
static const EntenteCount summary_counts[] = {
  ENTENTE_COUNT_SECTIONS,
  ENTENTE_COUNT_POINTS,
  ENTENTE_COUNT_MEMBERS,
  ENTENTE_COUNT_EVENTS,
  ENTENTE_COUNT_TERMS,
  ENTENTE_COUNT_CARDS,
  ENTENTE_COUNT_REFERENCES,
  ENTENTE_COUNT_CORRECTIONS,
};

static gboolean
error_is_io (const GError *error)
{
  if (error == NULL)
    return FALSE;

  return g_error_matches (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_IO) ||
         error->domain == G_IO_ERROR ||
         error->domain == G_FILE_ERROR;
}

static char *
format_count (EntenteCount count,
              guint        n)
{
  switch (count)
    {
    case ENTENTE_COUNT_SECTIONS:
      /* Translators: one count in the summary of a valid pack printed by
         `entente --validate`, such as "12 sections"; %u is the number of outline sections
         (chapters and their parts) */
      return g_strdup_printf (ngettext ("%u section", "%u sections", n), n);
    case ENTENTE_COUNT_POINTS:
      /* Translators: one count in the summary printed by `entente --validate`; %u is the
         number of key points listed under the outline's sections */
      return g_strdup_printf (ngettext ("%u point", "%u points", n), n);
    case ENTENTE_COUNT_MEMBERS:
      /* Translators: one count in the summary printed by `entente --validate`; %u is the
         number of member states in the pack */
      return g_strdup_printf (ngettext ("%u member", "%u members", n), n);
    case ENTENTE_COUNT_EVENTS:
      /* Translators: one count in the summary printed by `entente --validate`; %u is the
         number of timeline events */
      return g_strdup_printf (ngettext ("%u event", "%u events", n), n);
    case ENTENTE_COUNT_TERMS:
      /* Translators: one count in the summary printed by `entente --validate`; %u is the
         number of glossary terms */
      return g_strdup_printf (ngettext ("%u term", "%u terms", n), n);
    case ENTENTE_COUNT_CARDS:
      /* Translators: one count in the summary printed by `entente --validate`; %u is the
         number of study cards */
      return g_strdup_printf (ngettext ("%u card", "%u cards", n), n);
    case ENTENTE_COUNT_REFERENCES:
      /* Translators: one count in the summary printed by `entente --validate`; %u is the
         number of references (sources cited) */
      return g_strdup_printf (ngettext ("%u reference", "%u references", n), n);
    case ENTENTE_COUNT_CORRECTIONS:
      /* Translators: one count in the summary printed by `entente --validate`; %u is the
         number of corrections (places where the textbook is wrong or out of date) */
      return g_strdup_printf (ngettext ("%u correction", "%u corrections", n), n);
    case ENTENTE_COUNT_AUTHORS:
      /* Translators: one count in the summary printed by `entente --validate`; %u is the
         number of authors */
      return g_strdup_printf (ngettext ("%u author", "%u authors", n), n);
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
format_counts (EntenteReport *report)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (summary_counts); i++)
    {
      EntenteCount count = summary_counts[i];

      g_ptr_array_add (parts, format_count (count, entente_report_get_count (report, count)));
    }
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between the counts of a pack's summary, as in
   * "14 sections, 62 points, 0 members" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* Pack text and file names end up on a terminal: control characters (a line break in a
 * title, an escape sequence in a key) are spelled out as JSON would, never sent raw. */
static char *
printable (const char *text)
{
  GString *string = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_printf (string, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (string, *p);
    }

  return g_string_free (string, FALSE);
}

static char *
shorten_title (const char *title)
{
  const char *end;
  g_autofree char *head = NULL;

  if (g_utf8_strlen (title, -1) <= SUMMARY_TITLE_MAX_CHARS)
    return g_strdup (title);

  end = g_utf8_offset_to_pointer (title, SUMMARY_TITLE_MAX_CHARS - 1);
  head = g_strndup (title, end - title);
  g_strchomp (head);

  return g_strconcat (head, "…", NULL);
}

/* "PATH: message" under the file's summary line, or "FILE:LINE:COLUMN: message" for a
 * syntax error, the form that editors and terminals turn into a link. */
static char *
problem_to_line (const EntenteProblem *problem,
                 const char           *filename)
{
  g_autofree char *text = entente_problem_to_string (problem,
                                                     problem->line > 0 ? filename : NULL);

  return printable (text);
}

static void
append_problems (GString       *out,
                 EntenteReport *report,
                 const char    *filename)
{
  guint n_errors = entente_report_get_n_errors (report);
  guint n_warnings = entente_report_get_n_warnings (report);

  for (guint i = 0; i < n_errors; i++)
    {
      g_autofree char *text = problem_to_line (entente_report_get_error (report, i), filename);

      /* Translators: a line under a refused pack; %s is "PATH: message" */
      g_string_append_printf (out, _("  error: %s"), text);
      g_string_append_c (out, '\n');
    }

  if (entente_report_get_truncated (report))
    {
      g_string_append (out, _("  … and more problems not shown"));
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < n_warnings; i++)
    {
      g_autofree char *text = problem_to_line (entente_report_get_warning (report, i), filename);

      /* Translators: a line under a pack; %s is "PATH: message" */
      g_string_append_printf (out, _("  warning: %s"), text);
      g_string_append_c (out, '\n');
    }
}

static void
append_human (GString       *out,
              const char    *filename,
              EntentePack   *pack,
              EntenteReport *report,
              const GError  *error)
{
  g_autofree char *name = printable (filename);

  if (pack != NULL)
    {
      g_autofree char *short_title = shorten_title (entente_pack_get_title (pack));
      g_autofree char *title = printable (short_title);
      g_autofree char *language = printable (entente_pack_get_language (pack));
      g_autofree char *as_of = entente_date_to_string (entente_pack_get_as_of (pack));
      g_autofree char *counts = format_counts (report);

      /* Translators: the summary of a valid pack: file name, title, language, the date the
       * facts were last checked, and the counts, e.g.
       * "sco.json: valid — “The SCO” (en, as of 2026-01-15): 14 sections, 62 points, …" */
      g_string_append_printf (out, _("%s: valid — “%s” (%s, as of %s): %s"),
                              name, title, language, as_of, counts);
      g_string_append_c (out, '\n');
    }
  else
    {
      guint n_errors = entente_report_get_n_errors (report);

      if (n_errors == 0)
        {
          /* The loader refused the file as a whole (e.g. it is too large) without a
           * problem of its own: show its message in the problem's place. */
          g_autofree char *reason = printable (error != NULL ? error->message : "");

          /* Translators: a refused pack: file name and the reason */
          g_string_append_printf (out, _("%s: refused — %s"), name, reason);
        }
      else if (entente_report_get_truncated (report))
        {
          /* Translators: a refused pack with more problems than are listed */
          g_string_append_printf (out, ngettext ("%s: refused — more than %u problem",
                                                 "%s: refused — more than %u problems",
                                                 n_errors),
                                  name, n_errors);
        }
      else
        {
          /* Translators: a refused pack: file name and how many problems follow */
          g_string_append_printf (out, ngettext ("%s: refused — %u problem",
                                                 "%s: refused — %u problems",
                                                 n_errors),
                                  name, n_errors);
        }
      g_string_append_c (out, '\n');
    }

  append_problems (out, report, filename);
}

static void
add_problem_object (JsonBuilder          *builder,
                    const EntenteProblem *problem)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, problem->path != NULL ? problem->path : "");
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, problem->message != NULL ? problem->message : "");
  if (problem->line > 0)
    {
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, problem->line);
      json_builder_set_member_name (builder, "column");
      json_builder_add_int_value (builder, problem->column);
    }
  json_builder_end_object (builder);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
append_json (GString       *out,
             const char    *filename,
             EntentePack   *pack,
             EntenteReport *report,
             const GError  *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, filename);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, pack != NULL);

  json_builder_set_member_name (builder, "pack");
  json_builder_begin_object (builder);
  if (pack != NULL)
    {
      as_of = entente_date_to_string (entente_pack_get_as_of (pack));
      add_nullable_string (builder, "id", entente_pack_get_id (pack));
      add_nullable_string (builder, "title", entente_pack_get_title (pack));
      add_nullable_string (builder, "language", entente_pack_get_language (pack));
      add_nullable_string (builder, "as_of", as_of);
    }
  else
    {
      add_nullable_string (builder, "id",
                           report != NULL ? entente_report_get_pack_id (report) : NULL);
      add_nullable_string (builder, "title", NULL);
      add_nullable_string (builder, "language", NULL);
      add_nullable_string (builder, "as_of", NULL);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ENTENTE_N_COUNTS; i++)
    {
      json_builder_set_member_name (builder, entente_count_to_string (i));
      json_builder_add_int_value (builder,
                                  report != NULL ? entente_report_get_count (report, i) : 0);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cards");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ENTENTE_N_CARD_KINDS; i++)
    {
      json_builder_set_member_name (builder, entente_card_kind_to_string (i));
      json_builder_add_int_value (builder,
                                  report != NULL
                                    ? entente_report_get_card_kind_count (report, i)
                                    : 0);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "members");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ENTENTE_N_MEMBER_STATUSES; i++)
    {
      json_builder_set_member_name (builder, entente_member_status_to_string (i));
      json_builder_add_int_value (builder,
                                  report != NULL
                                    ? entente_report_get_member_status_count (report, i)
                                    : 0);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  if (report != NULL)
    {
      for (guint i = 0; i < entente_report_get_n_errors (report); i++)
        add_problem_object (builder, entente_report_get_error (report, i));
    }
  if (pack == NULL && (report == NULL || entente_report_get_n_errors (report) == 0))
    {
      EntenteProblem whole = {
        .path = (char *) "",
        .message = (char *) (error != NULL ? error->message : ""),
      };

      add_problem_object (builder, &whole);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "truncated");
  json_builder_add_boolean_value (builder,
                                  report != NULL && entente_report_get_truncated (report));

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  if (report != NULL)
    {
      for (guint i = 0; i < entente_report_get_n_warnings (report); i++)
        add_problem_object (builder, entente_report_get_warning (report, i));
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, FALSE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  /* json-glib 1.6 writes U+001F unescaped, which JSON forbids in a string. Without pretty
   * printing, every control character of the text is inside a string. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\n');
}

/* File names are bytes, and a pack's strings may hold what a JSON escape can spell but
 * UTF-8 cannot (a lone surrogate): what we print stays valid UTF-8, and --json valid JSON. */
static void
make_valid_from (GString *string,
                 gsize    start)
{
  g_autofree char *valid = NULL;

  if (g_utf8_validate (string->str + start, string->len - start, NULL))
    return;

  valid = g_utf8_make_valid (string->str + start, string->len - start);
  g_string_truncate (string, start);
  g_string_append (string, valid);
}

static ValidateResult
validate_file (const char *filename,
               gboolean    json,
               GString    *out,
               GString    *err)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GError) error = NULL;

  pack = entente_pack_load_from_file (file, NULL, &report, &error);

  if (report == NULL)
    report = entente_report_new ();

  if (pack == NULL && error_is_io (error))
    {
      /* The report says why in a few words ("the file does not exist"), without the
       * absolute path that the error's message names. */
      const char *reason = entente_report_get_n_errors (report) > 0
                             ? entente_report_get_error (report, 0)->message
                             : error->message;
      g_autofree char *name = printable (filename);
      g_autofree char *shown = printable (reason);

      g_string_append_printf (err, "%s: %s\n", name, shown);

      /* Machine readers still get one object for each file they named. */
      if (json)
        append_json (out, filename, NULL, report, error);

      return RESULT_UNREADABLE;
    }

  if (json)
    append_json (out, filename, pack, report, error);
  else
    append_human (out, filename, pack, report, error);

  return pack != NULL ? RESULT_VALID : RESULT_REFUSED;
}

static ValidateResult
validate_file_checked (const char *filename,
                       gboolean    json,
                       GString    *out,
                       GString    *err)
{
  gsize out_start = out->len;
  gsize err_start = err->len;
  ValidateResult result = validate_file (filename, json, out, err);

  make_valid_from (out, out_start);
  make_valid_from (err, err_start);

  return result;
}

int
entente_validate_run (const char * const *files,
                      gboolean            json,
                      GString            *out,
                      GString            *err)
{
  int status = ENTENTE_VALIDATE_EXIT_VALID;

  g_return_val_if_fail (out != NULL, ENTENTE_VALIDATE_EXIT_USAGE);
  g_return_val_if_fail (err != NULL, ENTENTE_VALIDATE_EXIT_USAGE);

  if (files == NULL || files[0] == NULL)
    {
      g_string_append (err, _("Usage: entente --validate [--json] FILE…"));
      g_string_append_c (err, '\n');
      g_string_append (err, _("Checks study packs and lists every problem found in them."));
      g_string_append_c (err, '\n');
      return ENTENTE_VALIDATE_EXIT_USAGE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      switch (validate_file_checked (files[i], json, out, err))
        {
        case RESULT_VALID:
          break;

        case RESULT_REFUSED:
          if (status == ENTENTE_VALIDATE_EXIT_VALID)
            status = ENTENTE_VALIDATE_EXIT_INVALID;
          break;

        case RESULT_UNREADABLE:
          status = ENTENTE_VALIDATE_EXIT_USAGE;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return status;
}
