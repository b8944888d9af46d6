/* entente-pack-loader.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bytes become a pack in stages, each of which can refuse the file with a message that
 * says where: size, nesting depth (json-glib recurses once per level and would overflow
 * its stack on hostile input) and the rules of JSON that json-glib does not keep
 * (check_structure()), UTF-8 and the rest of JSON syntax, and then the rules of the
 * format (entente-pack-validator.c).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "entente-pack-loader.h"
#include "entente-pack-private.h"
#include "entente-pack-validator.h"
#include "entente-report-private.h"

/* Far more than a pack needs (8 levels of sections, each two JSON levels, and a few more
 * around them), far less than what would exhaust json-glib's stack. */
#define MAX_NESTING 64
#define READ_CHUNK_SIZE (64 * 1024)

G_DEFINE_QUARK (entente-pack-error-quark, entente_pack_error)

/* 1-based line and byte column of @offset in @data. */
static void
offset_to_position (const char *data,
                    gsize       offset,
                    int        *out_line,
                    int        *out_column)
{
  int line = 1;
  gsize line_start = 0;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          line_start = i + 1;
        }
    }

  *out_line = line;
  *out_column = (int) MIN (offset - line_start + 1, (gsize) G_MAXINT);
}

static void
add_positioned_error (EntenteReport *report,
                      const char    *data,
                      gsize          offset,
                      char          *message)
{
  int line, column;

  offset_to_position (data, offset, &line, &column);
  _entente_report_take_error (report, g_strdup (""), line, column, message);
}

static gboolean
check_utf8 (const char    *data,
            gsize          length,
            EntenteReport *report)
{
  const char *end = NULL;
  gsize offset;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  offset = end - data;
  if (data[offset] == '\0')
    add_positioned_error (report, data, offset,
                          g_strdup (_("the file contains a NUL byte: it is not a text file")));
  else
    add_positioned_error (report, data, offset,
                          /* Translators: a problem in a study pack file, shown under "line
                             N, column N:" in the error dialog and by `entente --validate`;
                             %02X is the invalid byte in hexadecimal, such as "C3" */
                          g_strdup_printf (_("the file is not UTF-8 text: byte 0x%02X is not "
                                             "valid here"),
                                           (guchar) data[offset]));

  return FALSE;
}

/* Each byte that the string scanner must look at: the closing quote, the backslash of an
 * escape, and the control characters (U+0000 to U+001F) that JSON forbids raw in a
 * string. */
static const guint8 string_special[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  ['"'] = 1,
  ['\\'] = 1,
};

#define BYTES_7F G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F)
#define BYTES_80 G_GUINT64_CONSTANT (0x8080808080808080)
#define BYTES_01 G_GUINT64_CONSTANT (0x0101010101010101)

/* The high bit of each byte of @word that is zero, and of no other: carries cannot
 * cross bytes, as the low seven bits of each are added apart from its high bit. */
static inline guint64
zero_bytes (guint64 word)
{
  return ~(((word & BYTES_7F) + BYTES_7F) | word | BYTES_7F);
}

/* The index of the first byte of the 8 at @p that is special (see string_special), or 8
 * if none is. */
static inline guint
find_special (const char *p)
{
  guint64 word;
  guint64 found;

  memcpy (&word, p, sizeof word);
  /* Below 0x20: adding 0x60 to the low seven bits leaves the high bit clear. */
  found = ~(((word & BYTES_7F) + BYTES_01 * 0x60) | word) & BYTES_80;
  found |= zero_bytes (word ^ (BYTES_01 * '"'));
  found |= zero_bytes (word ^ (BYTES_01 * '\\'));

  if (found == 0)
    return 8;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  return (guint) __builtin_ctzll (found) / 8;
#else
  return (guint) __builtin_clzll (found) / 8;
#endif
}

static void
add_control_character_error (EntenteReport *report,
                             const char    *data,
                             const char    *p)
{
  guchar c = (guchar) *p;
  const char *name = NULL;
  char escape[8];

  if (c == '\0')
    {
      add_positioned_error (report, data, p - data,
                            g_strdup (_("the file contains a NUL byte: it is not a text file")));
      return;
    }

  switch (c)
    {
    case '\t':
      /* Translators: the name of the character U+0009 */
      name = _("tab");
      g_strlcpy (escape, "\\t", sizeof escape);
      break;
    case '\n':
      /* Translators: the name of the character U+000A */
      name = _("line feed");
      g_strlcpy (escape, "\\n", sizeof escape);
      break;
    case '\r':
      /* Translators: the name of the character U+000D */
      name = _("carriage return");
      g_strlcpy (escape, "\\r", sizeof escape);
      break;
    case '\b':
      /* Translators: the name of the character U+0008 */
      name = _("backspace");
      g_strlcpy (escape, "\\b", sizeof escape);
      break;
    case '\f':
      /* Translators: the name of the character U+000C */
      name = _("form feed");
      g_strlcpy (escape, "\\f", sizeof escape);
      break;
    default:
      /* Translators: what U+0001 to U+001F are called, but for those named above */
      name = _("a control character");
      g_snprintf (escape, sizeof escape, "\\u%04X", c);
      break;
    }

  add_positioned_error (report, data, p - data,
                        /* Translators: e.g. "U+0009 (tab) must be written as \t inside a
                         * string"; a string is a JSON string, in double quotes */
                        g_strdup_printf (_("not valid JSON: U+%04X (%s) must be written as "
                                           "%s inside a string"),
                                         c, name, escape));
}

/* Checks the escape at @p (a backslash, with a byte after it that is not a control
 * character). json-glib would drop the backslash of an escape that JSON does not have,
 * take what follows a \u with fewer than four hexadecimal digits for some character,
 * and end the text at the NUL of \u0000. */
static gboolean
check_escape (const char    *data,
              const char    *p,
              const char    *end,
              EntenteReport *report,
              gboolean      *out_unicode_escape)
{
  char c = p[1];

  switch (c)
    {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
      return TRUE;

    case 'u':
      *out_unicode_escape = TRUE;
      if (end - p < 6 || !g_ascii_isxdigit (p[2]) || !g_ascii_isxdigit (p[3]) ||
          !g_ascii_isxdigit (p[4]) || !g_ascii_isxdigit (p[5]))
        {
          add_positioned_error (report, data, p - data,
                                /* Translators: \u is JSON, keep it */
                                g_strdup (_("not valid JSON: “\\u” must be followed by four "
                                            "hexadecimal digits, as in “\\u00E9”")));
          return FALSE;
        }
      if (memcmp (p + 2, "0000", 4) == 0)
        {
          add_positioned_error (report, data, p - data,
                                /* Translators: \u0000 is JSON, keep it */
                                g_strdup (_("a string contains \\u0000, the NUL character, "
                                            "which no text in a study pack may hold")));
          return FALSE;
        }
      return TRUE;

    default:
      if (c > ' ' && c < 0x7F)
        add_positioned_error (report, data, p - data,
                              /* Translators: the escapes are JSON, keep them */
                              g_strdup_printf (_("not valid JSON: “\\%c” is not an escape: "
                                                 "a backslash in a string starts one of "
                                                 "\\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                                                 "\\uXXXX"),
                                               c));
      else
        add_positioned_error (report, data, p - data,
                              /* Translators: the escapes are JSON, keep them */
                              g_strdup (_("not valid JSON: a backslash in a string starts "
                                          "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                                          "\\uXXXX")));
      return FALSE;
    }
}

/* Scans the string whose contents start at @start. Returns its closing quote, or NULL:
 * when it has none (a syntax error that json-glib reports with its position), or when
 * it holds a raw control character, which json-glib would take as it is, or an escape
 * that check_escape() refuses (reported here, and *out_refused set). Notes in
 * *out_unicode_escape whether the string has a \u escape. */
static const char *
scan_string (const char    *data,
             const char    *start,
             const char    *end,
             EntenteReport *report,
             gboolean      *out_unicode_escape,
             gboolean      *out_refused)
{
  const char *p = start;

  for (;;)
    {
      guchar c;

      /* Strings hold most of the bytes of a pack: 8 at a time up to the next that needs
       * a look, then one at a time for the last few. */
      while (end - p >= 8)
        {
          guint skip = find_special (p);

          p += skip;
          if (skip < 8)
            break;
        }

      if (p >= end)
        return NULL;

      c = (guchar) *p;
      if (!string_special[c])
        {
          p++;
          continue;
        }

      if (c == '"')
        return p;

      if (c == '\\')
        {
          if (p + 1 >= end)
            return NULL;
          /* A raw control character after the backslash is what is wrong: it is
           * reported as one, at its own place. */
          if ((guchar) p[1] < 0x20)
            {
              p++;
              continue;
            }
          if (!check_escape (data, p, end, report, out_unicode_escape))
            {
              *out_refused = TRUE;
              return NULL;
            }
          p += 2;
          continue;
        }

      add_control_character_error (report, data, p);
      *out_refused = TRUE;
      return NULL;
    }
}

/* Checks the number that starts at @p against the grammar of JSON, which json-glib
 * does not keep: it reads 01 as 1, .5 and 5. as numbers, and 0x10 as 16. Returns its
 * last byte, or NULL when it is refused (and reported). */
static const char *
scan_number (const char    *data,
             const char    *p,
             const char    *end,
             EntenteReport *report)
{
  const char *q = p;
  const char *message;

  if (*q == '-')
    q++;
  if (q == end || !g_ascii_isdigit (*q))
    {
      message = _("not valid JSON: “-” must be followed by a digit");
      q = p;
      goto refuse;
    }

  if (*q == '0')
    {
      q++;
      if (q < end && g_ascii_isdigit (*q))
        {
          message = _("not valid JSON: a number must not start with 0 followed by more digits");
          q = p;
          goto refuse;
        }
    }
  else
    {
      while (q < end && g_ascii_isdigit (*q))
        q++;
    }

  if (q < end && *q == '.')
    {
      q++;
      if (q == end || !g_ascii_isdigit (*q))
        {
          message = _("not valid JSON: a number needs a digit after its decimal point");
          q--;
          goto refuse;
        }
      while (q < end && g_ascii_isdigit (*q))
        q++;
    }

  if (q < end && (*q == 'e' || *q == 'E'))
    {
      const char *exponent = q;

      q++;
      if (q < end && (*q == '+' || *q == '-'))
        q++;
      if (q == end || !g_ascii_isdigit (*q))
        {
          message = _("not valid JSON: the exponent of a number needs a digit");
          q = exponent;
          goto refuse;
        }
      while (q < end && g_ascii_isdigit (*q))
        q++;
    }

  /* Whatever follows must end the number: a letter, digit or point would go on with it. */
  if (q < end && (g_ascii_isalnum (*q) || *q == '.' || *q == '_'))
    {
      add_positioned_error (report, data, q - data,
                            /* Translators: a problem in a study pack file (JSON syntax); %c
                               is the character found right after a number, such as "x" in
                               "12x" */
                            g_strdup_printf (_("not valid JSON: “%c” cannot follow a number"),
                                             *q));
      return NULL;
    }

  return q - 1;

refuse:
  add_positioned_error (report, data, q - data, g_strdup (message));
  return NULL;
}

static void
add_mismatch_error (EntenteReport *report,
                    const char    *data,
                    gsize          opener,
                    gsize          closer)
{
  char open = data[opener];
  char expected = open == '[' ? ']' : '}';
  int line, column;

  offset_to_position (data, opener, &line, &column);
  add_positioned_error (report, data, closer,
                        /* Translators: e.g. "expected “]” to close the “[” at line 5,
                         * column 8, found “}”" */
                        g_strdup_printf (_("not valid JSON: expected “%c” to close the “%c” "
                                           "at line %d, column %d, found “%c”"),
                                         expected, open, line, column, data[closer]));
}

/* Refuses what json-glib must not see or would let through: nesting deeper than
 * MAX_NESTING, a bracket closed by the other kind (json-glib refuses it, but points at
 * the token before it), in strings raw control characters, \u0000 and escapes that
 * JSON does not have, numbers with leading zeros, and text after the end of the
 * document (which json-glib would silently ignore). Strings are scanned with their
 * escapes, so brackets inside them do not count. The first of these problems is
 * reported; other syntax errors are json-glib's to find, which parses only what passes
 * here, so one of those before it is reported only once it is mended. Notes in
 * *out_unicode_escape whether any string has a \u escape. */
static gboolean
check_structure (const char    *data,
                 gsize          length,
                 EntenteReport *report,
                 gboolean      *out_unicode_escape)
{
  const char *end = data + length;
  /* The offset of each open bracket, innermost last. */
  gsize opened_at[MAX_NESTING];
  guint depth = 0;
  gboolean closed = FALSE;
  gboolean refused = FALSE;

  *out_unicode_escape = FALSE;

  for (const char *p = data; p < end; p++)
    {
      char c = *p;

      if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
        continue;

      if (closed)
        {
          add_positioned_error (report, data, p - data,
                                g_strdup (_("not valid JSON: unexpected text after the end of "
                                            "the document")));
          return FALSE;
        }

      switch (c)
        {
        case '"':
          p = scan_string (data, p + 1, end, report, out_unicode_escape, &refused);
          if (p == NULL)
            return !refused;
          break;

        case '[':
        case '{':
          if (depth == MAX_NESTING)
            {
              add_positioned_error (report, data, p - data,
                                    /* Translators: a problem in a study pack file; %d is
                                       the largest nesting depth of JSON arrays and objects
                                       that is read (64) */
                                    g_strdup_printf (_("nested more than %d levels deep: "
                                                       "a study pack needs far fewer"),
                                                     MAX_NESTING));
              return FALSE;
            }
          opened_at[depth++] = p - data;
          break;

        case ']':
        case '}':
          if (depth == 0)
            {
              add_positioned_error (report, data, p - data,
                                    /* Translators: a problem in a study pack file (JSON
                                       syntax); the first %c is the closing bracket found, "]"
                                       or "}", the second is the opening bracket it would
                                       match, "[" or "{" */
                                    g_strdup_printf (_("not valid JSON: “%c” closes nothing: "
                                                       "no “%c” is open"),
                                                     c, c == ']' ? '[' : '{'));
              return FALSE;
            }
          depth--;
          if (c != (data[opened_at[depth]] == '[' ? ']' : '}'))
            {
              add_mismatch_error (report, data, opened_at[depth], p - data);
              return FALSE;
            }
          if (depth == 0)
            closed = TRUE;
          break;

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          p = scan_number (data, p, end, report);
          if (p == NULL)
            return FALSE;
          break;

        case '.':
          add_positioned_error (report, data, p - data,
                                g_strdup (_("not valid JSON: a number needs a digit before "
                                            "its decimal point")));
          return FALSE;

        default:
          /* A word (true, false, null, or a mistake), so that digits in it are not
           * taken for a number. */
          if (g_ascii_isalpha (c))
            while (p + 1 < end && (g_ascii_isalnum (p[1]) || p[1] == '_'))
              p++;
          break;
        }
    }

  return TRUE;
}

/* json-glib's messages read "<data>:LINE:COLUMN: Parse error: what"; keep the position
 * apart, as the report wants it. */
static void
add_syntax_error (EntenteReport *report,
                  const GError  *error)
{
  const char *message = error->message;
  g_autofree char *valid = NULL;
  const char *p;
  char *end;
  gint64 line = 0, column = 0;

  p = strstr (message, ">:");
  if (p != NULL)
    {
      line = g_ascii_strtoll (p + 2, &end, 10);
      if (end != p + 2 && *end == ':')
        {
          p = end + 1;
          column = g_ascii_strtoll (p, &end, 10);
          if (end != p && *end == ':')
            {
              message = end + 1;
              while (*message == ' ')
                message++;
            }
          else
            line = column = 0;
        }
      else
        line = 0;
    }

  if (g_str_has_prefix (message, "Parse error: "))
    message += strlen ("Parse error: ");

  /* json-glib quotes the text it stumbled on, which need not be UTF-8. */
  valid = g_utf8_make_valid (message, -1);
  _entente_report_take_error (report, g_strdup (""),
                              (int) CLAMP (line, 0, G_MAXINT), (int) CLAMP (column, 0, G_MAXINT),
                              /* Translators: a problem in a study pack file; %s is the JSON
                                 parser's own (English) description of the syntax error */
                              g_strdup_printf (_("not valid JSON: %s"), valid));
}

static const char *
describe_root (JsonNode *root)
{
  switch (JSON_NODE_TYPE (root))
    {
    case JSON_NODE_ARRAY:
      return _("the top level of a study pack must be an object ({…}), not an array");
    case JSON_NODE_NULL:
      return _("the top level of a study pack must be an object ({…}), not null");
    case JSON_NODE_VALUE:
    case JSON_NODE_OBJECT:
    default:
      return _("the top level of a study pack must be an object ({…}), not a single value");
    }
}

static void
set_invalid_error (GError        **error,
                   EntenteReport  *report,
                   const char     *filename)
{
  guint n_errors = entente_report_get_n_errors (report);
  g_autofree char *display = filename != NULL ? g_filename_display_name (filename) : NULL;
  g_autofree char *problem = NULL;

  if (n_errors == 1 && !entente_report_get_truncated (report))
    {
      const EntenteProblem *first = entente_report_get_error (report, 0);

      if (first->line > 0)
        /* Translators: the start of a message about a place in a file */
        problem = g_strdup_printf (_("line %d, column %d: %s"),
                                   first->line, first->column, first->message);
      else
        problem = entente_problem_to_string (first, NULL);

      if (display != NULL)
        g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID,
                     /* Translators: an error shown when a study pack cannot be opened; the
                        first %s is the file name, the second the only problem found, such as
                        "line 3, column 5: required key “title” is missing" */
                     _("“%s” is not a valid study pack: %s"), display, problem);
      else
        g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID,
                     /* Translators: an error shown when a study pack cannot be opened and
                        its file name is not known; %s is the only problem found, such as "line
                        3, column 5: required key “title” is missing" */
                     _("Not a valid study pack: %s"), problem);
      return;
    }

  if (entente_report_get_truncated (report))
    {
      if (display != NULL)
        g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  /* Translators: an error shown when a study pack cannot be opened; %s
                                     is the file name, %u is the number of problems listed before the rest
                                     were left out (a large number, such as 100) */
                                  "“%s” is not a valid study pack: more than %u problem",
                                  "“%s” is not a valid study pack: more than %u problems", n_errors),
                     display, n_errors);
      else
        g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  /* Translators: an error shown when a study pack whose file name is not
                                     known cannot be opened; %u is the number of problems listed before the
                                     rest were left out (a large number, such as 100) */
                                  "Not a valid study pack: more than %u problem",
                                  "Not a valid study pack: more than %u problems", n_errors),
                     n_errors);
      return;
    }

  if (display != NULL)
    g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID,
                 /* Translators: an error shown when a study pack cannot be opened; %s is
                    the file name, %u the number of problems found (listed below it) */
                 ngettext ("“%s” is not a valid study pack: %u problem",
                           "“%s” is not a valid study pack: %u problems",
                           n_errors),
                 display, n_errors);
  else
    g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID,
                 /* Translators: an error shown when a study pack whose file name is not
                    known cannot be opened; %u is the number of problems found (listed below
                    it) */
                 ngettext ("Not a valid study pack: %u problem",
                           "Not a valid study pack: %u problems",
                           n_errors),
                 n_errors);
}

static void
set_too_large_error (GError        **error,
                     EntenteReport  *report,
                     const char     *filename,
                     guint64         size)
{
  g_autofree char *display = filename != NULL ? g_filename_display_name (filename) : NULL;
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size_full (ENTENTE_PACK_MAX_FILE_SIZE,
                                                    G_FORMAT_SIZE_IEC_UNITS);

  _entente_report_take_error (report, g_strdup (""), 0, 0,
                              /* Translators: a problem in a study pack file that is too
                                 large; both %s are sizes with their units, the file's size and
                                 the largest size read, such as "12.3 MB" and "8.0 MiB" */
                              g_strdup_printf (_("the file is %s; a study pack is at most %s"),
                                               size_text, limit_text));

  g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_TOO_LARGE,
               /* Translators: an error shown when a study pack is too large; the first %s
                  is the file name (or "The file"), the second the file's size and the third
                  the largest size read, such as "12.3 MB" and "8.0 MiB" */
               _("“%s” is too large to be a study pack (%s; the limit is %s)"),
               /* Translators: stands in for the file name in "“%s” is too large to be a
                  study pack (…)" when the name is not known */
               display != NULL ? display : _("The file"), size_text, limit_text);
}

typedef struct
{
  const char *data;
  gsize       length;
  JsonParser *parser;
  GError     *error;
} ParseJob;

static gpointer
parse_thread (gpointer user_data)
{
  ParseJob *job = user_data;

  job->parser = json_parser_new ();
  if (!json_parser_load_from_data (job->parser, job->data, job->length, &job->error))
    g_clear_object (&job->parser);

  return NULL;
}

/* Parses in a thread of its own, so that the millions of small blocks of the tree come
 * from a malloc arena of their own (glibc gives each new thread one) and go back to it.
 * Freed in the arena of the pack, they would fill its fast bins, and the first larger
 * block allocated or freed after them, in the loader or long after it, would make the
 * allocator sweep them all (malloc_consolidate()): a fifth of the time of the parse.
 * Where no thread can be made, the parse runs here. */
static JsonParser *
parse (const char  *data,
       gsize        length,
       GError     **error)
{
  ParseJob job = { data, length, NULL, NULL };
  GThread *thread;

  thread = g_thread_try_new ("entente-parse", parse_thread, &job, NULL);
  if (thread != NULL)
    g_thread_join (thread);
  else
    parse_thread (&job);

  if (job.error != NULL)
    g_propagate_error (error, job.error);

  return job.parser;
}

static gpointer
free_tree_thread (gpointer data)
{
  g_object_unref (data);

  return NULL;
}

/* Freeing the tree takes a seventh of the time of its parse, and nothing waits for it:
 * a thread does it while the pack goes on to whoever asked for it (and while a command
 * line that only wanted the verdict exits). */
static void
free_tree_in_background (JsonParser *parser)
{
  GThread *thread = g_thread_try_new ("entente-free", free_tree_thread, parser, NULL);

  if (thread != NULL)
    g_thread_unref (thread);
  else
    g_object_unref (parser);
}

/* Takes @bytes, and drops it as soon as it is parsed. With @reuse_bytes (the caller's
 * reference is the only one and came from g_bytes_new_take()), the memory of @bytes
 * then holds the pack's strings: they are never longer than their JSON text, it is
 * already paged in, and the tree that the parser made from it no longer needs it. It
 * also lets the tree be freed in the background: the bytes came from a file, not from a
 * caller who may count what is still allocated when the call returns. */
static EntentePack *
load_bytes (GBytes         *bytes,
            gboolean        reuse_bytes,
            const char     *filename,
            GFile          *file,
            GCancellable   *cancellable,
            EntenteReport  *report,
            GError        **error)
{
  g_autoptr(EntentePackValidator) validator = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  EntentePack *pack;
  JsonNode *root;
  const char *data;
  gsize length;
  gboolean has_unicode_escape = FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  if (length > ENTENTE_PACK_MAX_FILE_SIZE)
    {
      set_too_large_error (error, report, filename, length);
      g_bytes_unref (bytes);
      return NULL;
    }

  /* A byte order mark is allowed (RFC 8259 lets parsers ignore it) but not passed on. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* json-glib checks UTF-8 before it parses, but says only that something is wrong: the
   * position is looked for when it refuses the bytes (add_syntax_error()). */
  if (!check_structure (data, length, report, &has_unicode_escape))
    {
      set_invalid_error (error, report, filename);
      g_bytes_unref (bytes);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_bytes_unref (bytes);
      return NULL;
    }

  parser = parse (data, length, &parse_error);
  if (parser == NULL)
    {
      if (check_utf8 (data, length, report))
        add_syntax_error (report, parse_error);
      set_invalid_error (error, report, filename);
      g_bytes_unref (bytes);
      return NULL;
    }

  validator = _entente_pack_validator_new (report, cancellable);
  _entente_pack_validator_set_check_utf8 (validator, has_unicode_escape);
  if (reuse_bytes)
    {
      gsize size = 0;
      gpointer memory = g_bytes_unref_to_data (bytes, &size);

      _entente_pack_validator_take_memory (validator, memory, size);
    }
  else
    {
      g_bytes_unref (bytes);
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      _entente_report_take_error (report, g_strdup (""), 0, 0,
                                  g_strdup (_("the file is empty")));
      set_invalid_error (error, report, filename);
      return NULL;
    }
  if (JSON_NODE_TYPE (root) != JSON_NODE_OBJECT)
    {
      _entente_report_take_error (report, g_strdup (""), 0, 0, g_strdup (describe_root (root)));
      set_invalid_error (error, report, filename);
      return NULL;
    }

  if (!_entente_pack_validator_run (validator, json_node_get_object (root)))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }

  if (_entente_pack_validator_get_newer_version (validator) > 0)
    {
      g_autofree char *display = filename != NULL ? g_filename_display_name (filename) : NULL;

      if (display != NULL)
        g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_NEWER_VERSION,
                     /* Translators: an error shown when a study pack cannot be opened; %s
                        is the file name, %lld is the version of the pack format the file is
                        written in (a whole number, such as 2) */
                     _("“%s” needs a newer version of Entente (it is a format version "
                       "%lld study pack)"),
                     display, (long long) _entente_pack_validator_get_newer_version (validator));
      else
        g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_NEWER_VERSION,
                     /* Translators: an error shown when a study pack cannot be opened; %lld
                        is the version of the pack format the file is written in (a whole
                        number, such as 2) */
                     _("This study pack needs a newer version of Entente (it is in format "
                       "version %lld)"),
                     (long long) _entente_pack_validator_get_newer_version (validator));
      return NULL;
    }

  if (_entente_pack_validator_get_n_errors (validator) > 0)
    {
      set_invalid_error (error, report, filename);
      return NULL;
    }

  pack = _entente_pack_validator_finish (validator);
  if (file != NULL)
    pack->file = g_object_ref (file);

  g_clear_pointer (&validator, _entente_pack_validator_free);
  if (reuse_bytes)
    free_tree_in_background (g_steal_pointer (&parser));
  else
    g_clear_object (&parser);

  return pack;
}

/**
 * entente_pack_load_from_bytes:
 * @bytes: the contents of a pack file
 * @filename: (nullable): the file's name, for messages
 * @out_report: (out) (optional) (transfer full): what the loader found
 * @error: where to put a one-line message when the pack is refused
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL if it was refused
 */
EntentePack *
entente_pack_load_from_bytes (GBytes         *bytes,
                              const char     *filename,
                              EntenteReport **out_report,
                              GError        **error)
{
  g_autoptr(EntenteReport) report = NULL;
  EntentePack *pack;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = entente_report_new ();
  pack = load_bytes (g_bytes_ref (bytes), FALSE, filename, NULL, NULL, report, error);

  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);

  return pack;
}

static void
set_io_error (GError        **error,
              EntenteReport  *report,
              GFile          *file,
              GError         *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      _entente_report_take_error (report, g_strdup (""), 0, 0,
                                  g_strdup (_("the file does not exist")));
      g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_IO,
                   /* Translators: an error shown when a study pack cannot be opened; %s is
                      the file name */
                   _("“%s” does not exist"), name);
    }
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    {
      _entente_report_take_error (report, g_strdup (""), 0, 0,
                                  g_strdup (_("permission to read the file was denied")));
      g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_IO,
                   /* Translators: an error shown when a study pack cannot be opened; %s is
                      the file name */
                   _("Entente may not read “%s”: check the file’s permissions"), name);
    }
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    {
      _entente_report_take_error (report, g_strdup (""), 0, 0,
                                  g_strdup (_("it is a folder, not a file")));
      g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_IO,
                   /* Translators: an error shown when a study pack cannot be opened; %s is
                      the name of the folder chosen */
                   _("“%s” is a folder, not a study pack"), name);
    }
  else
    {
      _entente_report_take_error (report, g_strdup (""), 0, 0, g_strdup (cause->message));
      g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_IO,
                   /* Translators: an error shown when a study pack cannot be opened; the
                      first %s is the file name, the second the system's reason, such as "No
                      space left on device" */
                   _("Could not read “%s”: %s"), name, cause->message);
    }
}

/* Reads at most ENTENTE_PACK_MAX_FILE_SIZE + 1 bytes: enough to tell that a file is too
 * large without reading all of it, also from a pipe whose size is unknown. */
static GBytes *
read_file (GFile         *file,
           guint64        size_hint,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  gsize capacity = MIN (size_hint, (guint64) ENTENTE_PACK_MAX_FILE_SIZE) + 1;
  gsize length = 0;
  char *buffer;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  buffer = g_malloc (capacity);
  for (;;)
    {
      gsize n_read = 0;

      if (length == capacity)
        {
          if (capacity > ENTENTE_PACK_MAX_FILE_SIZE)
            break;
          capacity = MIN (MAX (capacity * 2, (gsize) READ_CHUNK_SIZE),
                          (gsize) ENTENTE_PACK_MAX_FILE_SIZE + 1);
          buffer = g_realloc (buffer, capacity);
        }

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer + length, capacity - length,
                                    &n_read, cancellable, error))
        {
          g_free (buffer);
          return NULL;
        }

      length += n_read;
      if (length < capacity)
        break;
    }

  return g_bytes_new_take (buffer, length);
}

static EntentePack *
load_file (GFile          *file,
           GCancellable   *cancellable,
           EntenteReport  *report,
           GError        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  GBytes *bytes;
  guint64 size_hint = 0;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_io_error (error, report, file, local_error);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GError) cause = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                                                     _("it is a folder, not a file"));

      set_io_error (error, report, file, cause);
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      size_hint = (guint64) g_file_info_get_size (info);
      if (size_hint > ENTENTE_PACK_MAX_FILE_SIZE)
        {
          set_too_large_error (error, report, basename, size_hint);
          return NULL;
        }
    }

  bytes = read_file (file, size_hint, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_io_error (error, report, file, local_error);
      return NULL;
    }

  return load_bytes (bytes, TRUE, basename, file, cancellable, report, error);
}

/**
 * entente_pack_load_from_file:
 * @file: the pack file
 * @cancellable: (nullable): to stop early
 * @out_report: (out) (optional) (transfer full): what the loader found
 * @error: where to put a one-line message when the pack is refused
 *
 * Reads, checks and builds a pack, blocking: use entente_pack_load_file_async() from
 * the main thread. A file over %ENTENTE_PACK_MAX_FILE_SIZE is refused before it is read.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL if it was refused
 */
EntentePack *
entente_pack_load_from_file (GFile          *file,
                             GCancellable   *cancellable,
                             EntenteReport **out_report,
                             GError        **error)
{
  g_autoptr(EntenteReport) report = NULL;
  EntentePack *pack;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = entente_report_new ();
  pack = load_file (file, cancellable, report, error);

  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);

  return pack;
}

/**
 * entente_pack_load_builtin:
 *
 * Loads the pack that ships with Entente from the GResource, which the calling
 * program must link.
 *
 * Returns: (transfer full) (nullable): the pack
 */
EntentePack *
entente_pack_load_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (ENTENTE_BUILTIN_PACK_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                   &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_IO,
                   /* Translators: an error shown when the study pack that comes with
                      Entente cannot be found in the program; %s is the technical reason */
                   _("The built-in study pack is missing: %s"), local_error->message);
      return NULL;
    }

  return entente_pack_load_from_bytes (bytes, "khan-sultana-sco.json", NULL, error);
}

typedef struct
{
  GFile         *file;
  EntenteReport *report;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->report);
  g_free (data);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  EntentePack *pack;

  pack = load_file (data->file, cancellable, data->report, &error);

  if (pack != NULL)
    g_task_return_pointer (task, pack, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * entente_pack_load_file_async:
 *
 * Reads, checks and builds a pack in a worker thread. Cancelling @cancellable stops
 * the work between stages and every few thousand cards.
 */
void
entente_pack_load_file_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->report = entente_report_new ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, entente_pack_load_file_async);
  g_task_set_name (task, "[entente] load pack");
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * entente_pack_load_file_finish:
 * @out_report: (out) (optional) (transfer full): what the loader found; set also when
 *   the pack was refused
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with @error set
 */
EntentePack *
entente_pack_load_file_finish (GAsyncResult   *result,
                               EntenteReport **out_report,
                               GError        **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == entente_pack_load_file_async,
                        NULL);

  /* Taken, not shared: the worker thread may still hold the task for a moment. */
  data = g_task_get_task_data (G_TASK (result));
  if (out_report != NULL)
    *out_report = data->report != NULL ? g_steal_pointer (&data->report) : entente_report_new ();

  return g_task_propagate_pointer (G_TASK (result), error);
}
