/* entente-pack-validator.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One walk over the parsed tree does everything: type and value checks, the counts
 * for the report, and the model objects. Paths such as "cards[41].answer" are kept as
 * a chain of small structs on the stack and turned into text only for a problem, so a
 * valid pack costs no path strings at all.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "entente-iso3166.h"
#include "entente-pack-loader.h"
#include "entente-pack-private.h"
#include "entente-pack-validator.h"
#include "entente-report-private.h"

#define MAX_QUOTED_CHARS 40
/* How many cards between two looks at the cancellable. */
#define CANCEL_CHECK_INTERVAL 1024

typedef struct _Path Path;
struct _Path
{
  const Path     *parent;
  const char     *key;      /* NULL for an array element */
  guint           index;
  EntenteSection *section;  /* when set, stands for where that section is */
};

#define PATH_KEY(parent_, key_) (&(const Path) { .parent = (parent_), .key = (key_) })
#define PATH_INDEX(parent_, index_) (&(const Path) { .parent = (parent_), .index = (index_) })

struct _EntentePackValidator
{
  EntenteReport       *report;
  GCancellable        *cancellable;
  gboolean             cancelled;
  /* A newer format version: only count, the rules of this version do not apply. */
  gboolean             muted;
  /* json-glib turns a \u escape of a lone surrogate into bytes that are not UTF-8: when
   * the file has \u escapes at all, every string is checked. */
  gboolean             check_utf8;
  gint64               newer_version;
  guint                n_errors;
  /* FALSE when the collection a reference points into is not an array: references to it
   * are then not reported one by one. */
  gboolean             known[4];

  EntenteStrings      *strings;
  EntentePack         *pack;

  GPtrArray           *authors;
  GPtrArray           *outline;
  GPtrArray           *sections;
  GPtrArray           *section_nodes;
  GPtrArray           *members;
  GPtrArray           *events;
  GPtrArray           *terms;
  GPtrArray           *cards;
  GPtrArray           *references;
  GPtrArray           *corrections;

  GHashTable          *sections_by_id;
  GHashTable          *members_by_code;
  GHashTable          *events_by_id;
  GHashTable          *terms_by_id;
  GHashTable          *cards_by_id;
  GHashTable          *references_by_id;
  GHashTable          *corrections_by_id;
};

/* Paths */

static gboolean
is_plain_key (const char *key)
{
  if (*key == '\0')
    return FALSE;

  for (const char *p = key; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_')
        return FALSE;
    }

  return TRUE;
}

static void
append_section_path (GString        *string,
                     EntenteSection *section)
{
  if (section->parent == NULL)
    {
      g_string_append_printf (string, "outline[%u]", section->index);
      return;
    }

  append_section_path (string, section->parent);
  g_string_append_printf (string, ".children[%u]", section->index);
}

static void
append_path (GString    *string,
             const Path *path)
{
  if (path == NULL)
    return;

  if (path->section != NULL)
    {
      append_section_path (string, path->section);
      return;
    }

  append_path (string, path->parent);

  if (path->key == NULL)
    {
      g_string_append_printf (string, "[%u]", path->index);
    }
  else if (is_plain_key (path->key))
    {
      if (string->len > 0)
        g_string_append_c (string, '.');
      g_string_append (string, path->key);
    }
  else
    {
      g_autofree char *key = g_utf8_make_valid (path->key, -1);

      g_string_append (string, "[\"");
      for (const char *p = key; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (string, '\\');
          g_string_append_c (string, *p);
        }
      g_string_append (string, "\"]");
    }
}

static char *
path_to_string (const Path *path)
{
  GString *string = g_string_new (NULL);

  append_path (string, path);

  return g_string_free (string, FALSE);
}

/* Problems */

static void report_error (EntentePackValidator *self,
                          const Path           *path,
                          const char           *format,
                          ...) G_GNUC_PRINTF (3, 4);

static void
report_error (EntentePackValidator *self,
              const Path           *path,
              const char           *format,
              ...)
{
  va_list args;
  char *message;

  if (self->muted)
    return;

  self->n_errors++;
  if (_entente_report_errors_full (self->report))
    {
      _entente_report_set_truncated (self->report);
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _entente_report_take_error (self->report, path_to_string (path), 0, 0, message);
}

static void report_warning (EntentePackValidator *self,
                            const Path           *path,
                            const char           *format,
                            ...) G_GNUC_PRINTF (3, 4);

static void
report_warning (EntentePackValidator *self,
                const Path           *path,
                const char           *format,
                ...)
{
  va_list args;
  char *message;

  if (self->muted || _entente_report_warnings_full (self->report))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _entente_report_take_warning (self->report, path_to_string (path), message);
}

/* Whether a new error would be kept: messages that take work to build check first. */
static gboolean
error_wanted (EntentePackValidator *self)
{
  if (self->muted)
    return FALSE;

  if (_entente_report_errors_full (self->report))
    {
      self->n_errors++;
      _entente_report_set_truncated (self->report);
      return FALSE;
    }

  return TRUE;
}

/* A value as it may appear inside “…” in a message: at most MAX_QUOTED_CHARS characters,
 * line breaks and other control characters shown as spaces. */
static char *
shorten (const char *text)
{
  GString *string = g_string_new (NULL);
  guint n = 0;
  const char *p = text;

  while (*p != '\0' && n < MAX_QUOTED_CHARS)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8 (see check_utf8): shown as a replacement character. */
          g_string_append (string, "\uFFFD");
          p++;
        }
      else
        {
          if (g_unichar_iscntrl (c))
            g_string_append_c (string, ' ');
          else
            g_string_append_unichar (string, c);
          p = g_utf8_next_char (p);
        }
      n++;
    }

  if (*p != '\0')
    g_string_append (string, "…");

  return g_string_free (string, FALSE);
}

static char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      /* Translators: completes "expected %s, found %s" in a problem with a study pack: a
         JSON object ({…}) was found */
      return g_strdup (_("an object"));

    case JSON_NODE_ARRAY:
      /* Translators: completes "expected %s, found %s" in a problem with a study pack: a
         JSON array ([…]) was found */
      return g_strdup (_("an array"));

    case JSON_NODE_NULL:
      /* Translators: completes "expected %s, found %s" in a problem with a study pack: the
         JSON value null was found; it is a keyword of JSON, usually kept in English */
      return g_strdup (_("null"));

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      /* Translators: a whole number found in a pack where something else belongs */
      return g_strdup_printf (_("the number %lld"), (long long) json_node_get_int (node));

    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node));
        if (strpbrk (buffer, ".eEn") == NULL)
          g_strlcat (buffer, ".0", sizeof buffer);

        /* Translators: a number with a fraction found in a pack where something else
           belongs, completing "expected …, found %s"; %s is the number, such as "2.5" */
        return g_strdup_printf (_("the number %s"), buffer);
      }

    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");

    case G_TYPE_STRING:
      {
        g_autofree char *value = shorten (json_node_get_string (node));

        /* Translators: a string found in a pack where something else belongs, completing
           "expected …, found %s"; %s is the start of the string */
        return g_strdup_printf (_("the string “%s”"), value);
      }

    default:
      return g_strdup (_("a value of an unknown type"));
    }
}

/* @expected is not yet translated (N_()), so that the valid case costs no lookup. */
static void
report_type (EntentePackValidator *self,
             const Path           *path,
             JsonNode             *node,
             const char           *expected)
{
  g_autofree char *found = NULL;

  if (!error_wanted (self))
    return;

  found = describe_node (node);
  /* Translators: "expected a string, found the number 5" */
  report_error (self, path, _("expected %s, found %s"), _(expected), found);
}

static void
report_missing (EntentePackValidator *self,
                const Path           *parent,
                const char           *key)
{
  /* Translators: a problem in a study pack, shown after its JSON path (such as
     "members[2]:") in the error dialog and by `entente --validate`; %s is the name of the JSON
     key, such as "title" */
  report_error (self, PATH_KEY (parent, key), _("required key “%s” is missing"), key);
}

/* Keys */

/* Keys are short, and most differ in their first byte: cheaper than a call to strcmp(). */
static inline gboolean
keys_equal (const char *a,
            const char *b)
{
  while (*a != '\0' && *a == *b)
    {
      a++;
      b++;
    }

  return *a == *b;
}

/* Sorts the members of @object into @slots by name (NULL for a key that is absent) and
 * warns about the names it does not know. */
typedef int (*KeyMatch) (const char *name);

static void
collect_keys_full (EntentePackValidator *self,
                   JsonObject           *object,
                   const Path           *path,
                   const char * const   *keys,
                   guint                 n_keys,
                   KeyMatch              match,
                   JsonNode            **slots)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  memset (slots, 0, n_keys * sizeof *slots);

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      guint i;

      if (match != NULL)
        {
          int found = match (name);

          i = found >= 0 ? (guint) found : n_keys;
        }
      else
        {
          for (i = 0; i < n_keys; i++)
            {
              if (keys_equal (keys[i], name))
                break;
            }
        }

      if (i < n_keys)
        {
          slots[i] = node;
        }
      else if (!self->muted && !_entente_report_warnings_full (self->report))
        {
          g_autofree char *shown = shorten (name);

          /* Translators: a warning about a study pack, shown after its JSON path; %s is the
             name of the JSON key that Entente does not know */
          report_warning (self, PATH_KEY (path, name), _("unknown key “%s” ignored"), shown);
        }
    }
}

static void
collect_keys (EntentePackValidator *self,
              JsonObject           *object,
              const Path           *path,
              const char * const   *keys,
              guint                 n_keys,
              JsonNode            **slots)
{
  collect_keys_full (self, object, path, keys, n_keys, NULL, slots);
}

/* Values */

/* One call instead of two: json-glib gives G_TYPE_INVALID for null, and the object and
 * array types for those nodes. */
static inline gboolean
is_string (JsonNode *node)
{
  return json_node_get_value_type (node) == G_TYPE_STRING;
}

static const char *
expect_string (EntentePackValidator *self,
               JsonNode             *node,
               const Path           *path)
{
  const char *text;

  if (!is_string (node))
    {
      /* Translators: completes "expected %s, found %s": a JSON string was expected */
      report_type (self, path, node, N_("a string"));
      return NULL;
    }

  text = json_node_get_string (node);
  if (G_UNLIKELY (self->check_utf8) && !g_utf8_validate (text, -1, NULL))
    {
      report_error (self, path,
                    _("the string has a \\u escape that stands for no character (a lone "
                      "surrogate, \\uD800 to \\uDFFF)"));
      return NULL;
    }

  return text;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* Most texts start with a visible ASCII character. */
      if ((guchar) *p > ' ' && (guchar) *p < 0x80)
        return FALSE;
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* Text: a string, not blank, at most ENTENTE_PACK_MAX_TEXT_BYTES. */
static const char *
expect_text (EntentePackValidator *self,
             JsonNode             *node,
             const Path           *path,
             gsize                *out_length)
{
  const char *text = expect_string (self, node, path);
  gsize length;

  if (text == NULL)
    return NULL;

  if (is_blank (text))
    {
      report_error (self, path, _("the text is empty"));
      return NULL;
    }

  length = strlen (text);
  if (length > ENTENTE_PACK_MAX_TEXT_BYTES)
    {
      report_error (self, path,
                    g_dngettext (GETTEXT_PACKAGE,
                                 /* Translators: a problem in a study pack, shown after its JSON path;
                                    %lu is the length of the text in bytes, %d the largest length allowed
                                    (65536) */
                                 "the text is %lu byte long; the limit is %d bytes",
                                 "the text is %lu bytes long; the limit is %d bytes", length),
                    (unsigned long) length, ENTENTE_PACK_MAX_TEXT_BYTES);
      return NULL;
    }

  if (out_length != NULL)
    *out_length = length;

  return text;
}

static const char *
add_text (EntentePackValidator *self,
          JsonNode             *node,
          const Path           *path)
{
  gsize length = 0;
  const char *text = expect_text (self, node, path, &length);

  return _entente_strings_add_len (self->strings, text, length);
}

/* 1 for the characters that may start an id, 2 for those that may only follow. */
static const guint8 id_chars[256] = {
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
  ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
  ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
  ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
  ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
  ['.'] = 2, ['_'] = 2, ['-'] = 2,
};

/* ^[a-z0-9][a-z0-9._-]{0,63}$ */
static gboolean
is_valid_id (const char *id)
{
  const guchar *p = (const guchar *) id;
  gsize length;

  if (id_chars[p[0]] != 1)
    return FALSE;

  for (length = 1; p[length] != '\0'; length++)
    {
      if (id_chars[p[length]] == 0 || length >= 64)
        return FALSE;
    }

  return TRUE;
}

/* Returns the id even when it is malformed (after reporting it), so that the things that
 * refer to it are not reported a second time. */
static const char *
expect_id (EntentePackValidator *self,
           JsonNode             *node,
           const Path           *path)
{
  const char *id = expect_string (self, node, path);

  if (id != NULL && !is_valid_id (id) && error_wanted (self))
    {
      g_autofree char *value = shorten (id);

      report_error (self, path,
                    /* Translators: a problem in a study pack, shown after its JSON path; %s
                       is the id as written in the pack, such as "Sco Charter"; the quoted
                       characters and "64" are part of the rule, keep them */
                    _("“%s” is not a valid id (lower-case letters, digits, “.”, “_” and “-”, "
                      "at most 64, starting with a letter or a digit)"),
                    value);
    }

  return id;
}

static gboolean
expect_date (EntentePackValidator *self,
             JsonNode             *node,
             const Path           *path,
             EntenteDate          *out_date)
{
  const char *text = expect_string (self, node, path);
  g_autofree char *value = NULL;

  if (text == NULL)
    return FALSE;

  switch (_entente_date_parse_full (text, out_date))
    {
    case ENTENTE_DATE_PARSE_OK:
      return TRUE;

    case ENTENTE_DATE_PARSE_NOT_REAL:
      value = shorten (text);
      /* Translators: a problem in a study pack, shown after its JSON path; %s is the date
         as written in the pack, such as "2001-02-30" */
      report_error (self, path, _("“%s” is not a real date"), value);
      return FALSE;

    case ENTENTE_DATE_PARSE_MALFORMED:
    default:
      value = shorten (text);
      /* Translators: a problem in a study pack, shown after its JSON path; %s is the text
         found where a date belongs; YYYY, MM and DD stand for the digits of the year, month
         and day */
      report_error (self, path, _("“%s” is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
                    value);
      return FALSE;
    }
}

static const char *
check_code (EntentePackValidator *self,
            const char           *code,
            const Path           *path)
{
  const EntenteCountry *country = entente_iso3166_lookup (code);
  g_autofree char *value = NULL;
  char upper[3];

  /* The table's copy lives for ever: nothing to copy. */
  if (country != NULL)
    return country->alpha2;

  if (!error_wanted (self))
    return NULL;

  value = shorten (code);
  if (g_ascii_isalpha (code[0]) && g_ascii_isalpha (code[1]) && code[2] == '\0')
    {
      upper[0] = g_ascii_toupper (code[0]);
      upper[1] = g_ascii_toupper (code[1]);
      upper[2] = '\0';
      if (strcmp (upper, code) != 0 && entente_iso3166_lookup (upper) != NULL)
        {
          report_error (self, path,
                        /* Translators: a problem in a study pack, shown after its JSON
                           path; the first %s is the code as written, such as "kz", the second
                           the same code in upper case, "KZ" */
                        _("“%s” is not an ISO 3166-1 country code: codes are upper case (“%s”)"),
                        value, upper);
          return NULL;
        }
    }

  /* Translators: a problem in a study pack, shown after its JSON path; %s is the text found
     where a two-letter country code belongs, such as "XX" */
  report_error (self, path, _("“%s” is not an ISO 3166-1 country code"), value);

  return NULL;
}

static const char *
expect_code (EntentePackValidator *self,
             JsonNode             *node,
             const Path           *path)
{
  const char *code;

  if (!is_string (node))
    {
      report_type (self, path, node, N_("a country code (a string such as “CN”)"));
      return NULL;
    }

  code = json_node_get_string (node);

  return check_code (self, code, path);
}

static gboolean
expect_status (EntentePackValidator *self,
               JsonNode             *node,
               const Path           *path,
               EntenteMemberStatus  *out_status)
{
  const char *text = expect_string (self, node, path);

  if (text == NULL)
    return FALSE;

  if (!entente_member_status_from_string (text, out_status))
    {
      g_autofree char *value = shorten (text);

      report_error (self, path,
                    /* Translators: a problem in a study pack, shown after its JSON path; %s
                       is the text found where a member status belongs; the quoted words are
                       the values a pack may use: keep them in English */
                    _("“%s” is not a member status (expected “member”, “observer”, "
                      "“dialogue-partner”, “partner”, “applicant” or “former-member”)"),
                    value);
      return FALSE;
    }

  return TRUE;
}

static gboolean
expect_int (EntentePackValidator *self,
            JsonNode             *node,
            const Path           *path,
            const char           *expected,
            gint64               *out_value)
{
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      /* Translators: completes "expected %s, found %s": a whole number was expected */
      report_type (self, path, node, expected != NULL ? expected : N_("an integer"));
      return FALSE;
    }

  *out_value = json_node_get_int (node);

  return TRUE;
}

static gboolean
expect_bool (EntentePackValidator *self,
             JsonNode             *node,
             const Path           *path,
             gboolean             *out_value)
{
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      report_type (self, path, node, N_("true or false"));
      return FALSE;
    }

  *out_value = json_node_get_boolean (node);

  return TRUE;
}

static JsonArray *
expect_array (EntentePackValidator *self,
              JsonNode             *node,
              const Path           *path)
{
  if (JSON_NODE_TYPE (node) != JSON_NODE_ARRAY)
    {
      report_type (self, path, node, N_("an array"));
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
expect_object (EntentePackValidator *self,
               JsonNode             *node,
               const Path           *path)
{
  if (JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
    {
      report_type (self, path, node, N_("an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
is_language_tag (const char *tag)
{
  const char *p = tag;
  guint n = 0;
  gboolean first = TRUE;

  /* BCP 47 in outline: a 2 or 3 letter language (or "x"/"i" for private and
   * grandfathered tags), then subtags of 1 to 8 letters and digits. */
  for (;;)
    {
      n = 0;
      while (g_ascii_isalnum (p[n]))
        n++;

      if (first)
        {
          gboolean letters = TRUE;

          for (guint i = 0; i < n; i++)
            letters = letters && g_ascii_isalpha (p[i]);

          if (!letters)
            return FALSE;
          if (n == 1 ? (g_ascii_tolower (p[0]) != 'x' && g_ascii_tolower (p[0]) != 'i') || p[1] != '-'
                     : (n < 2 || n > 3))
            return FALSE;
          first = FALSE;
        }
      else if (n < 1 || n > 8)
        {
          return FALSE;
        }

      p += n;
      if (*p == '\0')
        return TRUE;
      if (*p != '-')
        return FALSE;
      p++;
    }
}

static void
check_url (EntentePackValidator *self,
           const char           *url,
           const Path           *path)
{
  if (g_ascii_strncasecmp (url, "https://", 8) != 0 &&
      g_ascii_strncasecmp (url, "http://", 7) != 0)
    {
      g_autofree char *value = shorten (url);

      /* Translators: a warning about a study pack, shown after its JSON path; %s is the web
         address as written, such as "www.sectsco.org" */
      report_warning (self, path, _("“%s” is not an http or https address: it will not open"),
                      value);
    }
}

static const char *
expect_url (EntentePackValidator *self,
            JsonNode             *node,
            const Path           *path)
{
  const char *url = expect_string (self, node, path);

  if (url == NULL)
    return NULL;

  check_url (self, url, path);

  return _entente_strings_add (self->strings, url);
}

/* Arrays of text ("points", "facts", "tags", ...): the valid elements, or NULL if none. */
static const char **
expect_text_array (EntentePackValidator *self,
                   JsonNode             *node,
                   const Path           *path,
                   guint                *out_length)
{
  JsonArray *array = expect_array (self, node, path);
  const char **strv;
  guint length;
  guint n = 0;

  if (out_length != NULL)
    *out_length = 0;

  if (array == NULL)
    return NULL;

  length = json_array_get_length (array);
  if (out_length != NULL)
    *out_length = length;
  if (length == 0)
    return NULL;

  strv = _entente_strings_new_strv (self->strings, length);
  for (guint i = 0; i < length; i++)
    {
      gsize text_length = 0;
      const char *text = expect_text (self, json_array_get_element (array, i),
                                      PATH_INDEX (path, i), &text_length);

      if (text != NULL)
        strv[n++] = _entente_strings_add_len (self->strings, text, text_length);
    }
  strv[n] = NULL;

  return strv;
}

typedef enum
{
  TARGET_SECTION,
  TARGET_MEMBER,
  TARGET_TERM,
  TARGET_EVENT,
} Target;

static GHashTable *
target_table (EntentePackValidator *self,
              Target                target)
{
  switch (target)
    {
    case TARGET_SECTION:
      return self->sections_by_id;
    case TARGET_MEMBER:
      return self->members_by_code;
    case TARGET_TERM:
      return self->terms_by_id;
    case TARGET_EVENT:
    default:
      return self->events_by_id;
    }
}

/* The id (or code) of the object that @value names, as that object stores it, or NULL
 * after reporting that nothing has it. */
static const char *
check_reference (EntentePackValidator *self,
                 Target                target,
                 const char           *value,
                 const Path           *path)
{
  g_autofree char *shown = NULL;
  gpointer object;

  if (target == TARGET_MEMBER && check_code (self, value, path) == NULL)
    return NULL;

  if (!self->known[target])
    return NULL;

  object = g_hash_table_lookup (target_table (self, target), value);
  if (object != NULL)
    {
      switch (target)
        {
        case TARGET_SECTION:
          return ENTENTE_SECTION (object)->id;
        case TARGET_MEMBER:
          return ENTENTE_MEMBER (object)->code;
        case TARGET_TERM:
          return ENTENTE_TERM (object)->id;
        case TARGET_EVENT:
        default:
          return ENTENTE_EVENT (object)->id;
        }
    }

  if (!error_wanted (self))
    return NULL;

  shown = shorten (value);
  switch (target)
    {
    case TARGET_SECTION:
      /* Translators: a problem in a study pack, shown after its JSON path; %s is the
         section id that a reference names but no section has */
      report_error (self, path, _("no section has the id “%s”"), shown);
      break;
    case TARGET_MEMBER:
      /* Translators: a problem in a study pack, shown after its JSON path; %s is the
         country code that a reference names, such as "KZ"; “members” is a JSON key: keep it in
         English */
      report_error (self, path, _("no member has the code “%s” (it must be listed in “members”)"),
                    shown);
      break;
    case TARGET_TERM:
      /* Translators: a problem in a study pack, shown after its JSON path; %s is the
         glossary term id that a reference names but no term has */
      report_error (self, path, _("no glossary term has the id “%s”"), shown);
      break;
    case TARGET_EVENT:
    default:
      /* Translators: a problem in a study pack, shown after its JSON path; %s is the event
         id that a reference names but no timeline event has */
      report_error (self, path, _("no timeline event has the id “%s”"), shown);
      break;
    }

  return NULL;
}

static const char *
expect_reference (EntentePackValidator *self,
                  Target                target,
                  JsonNode             *node,
                  const Path           *path)
{
  const char *value;

  if (target == TARGET_MEMBER)
    {
      if (!is_string (node))
        {
          report_type (self, path, node, N_("a country code (a string such as “CN”)"));
          return NULL;
        }
      value = json_node_get_string (node);
    }
  else
    {
      value = expect_string (self, node, path);
      if (value == NULL)
        return NULL;
    }

  return check_reference (self, target, value, path);
}

/* Arrays of references ("sections", "members", "terms", "events"). */
static const char **
expect_reference_array (EntentePackValidator *self,
                        Target                target,
                        JsonNode             *node,
                        const Path           *path)
{
  JsonArray *array = expect_array (self, node, path);
  const char **strv;
  guint length;
  guint n = 0;

  if (array == NULL)
    return NULL;

  length = json_array_get_length (array);
  if (length == 0)
    return NULL;

  strv = _entente_strings_new_strv (self->strings, length);
  for (guint i = 0; i < length; i++)
    {
      const char *id = expect_reference (self, target, json_array_get_element (array, i),
                                         PATH_INDEX (path, i));

      if (id != NULL)
        strv[n++] = id;
    }
  strv[n] = NULL;

  return strv;
}

/* Where the first element of @array whose @key is @value stands, for "already used by". */
static guint
find_first (JsonArray  *array,
            const char *key,
            const char *value)
{
  guint length = json_array_get_length (array);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonNode *member;

      if (JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
        continue;

      member = json_object_get_member (json_node_get_object (node), key);
      if (member != NULL && is_string (member) && strcmp (json_node_get_string (member), value) == 0)
        return i;
    }

  return 0;
}

/* Registers @object under @id in @table; reports a repeated id. */
static void
register_id (EntentePackValidator *self,
             GHashTable           *table,
             const char           *id,
             gpointer              object,
             JsonArray            *array,
             const char           *collection,
             const char           *key,
             const Path           *path)
{
  g_autofree char *shown = NULL;

  if (id == NULL)
    return;

  /* A repeated id points the table at the repeat; that pack is refused anyway, and the
   * message finds the first one in the file. */
  if (g_hash_table_insert (table, (gpointer) id, object))
    return;

  if (!error_wanted (self))
    return;

  shown = shorten (id);
  if (strcmp (key, "code") == 0)
    /* Translators: a problem in a study pack, shown after its JSON path; the first %s is a
       country code, such as "KZ"; "%s[%u]" is the JSON path of the first entry with that code,
       such as "members[3]" (the name of a JSON array and an index): keep its form */
    report_error (self, path, _("the code “%s” is already used by %s[%u]"),
                  shown, collection, find_first (array, key, id));
  else
    /* Translators: a problem in a study pack, shown after its JSON path; the first %s is an
       id; "%s[%u]" is the JSON path of the first entry with that id, such as "terms[3]" (the
       name of a JSON array and an index): keep its form */
    report_error (self, path, _("the id “%s” is already used by %s[%u]"),
                  shown, collection, find_first (array, key, id));
}

/* Sections */

enum {
  SECTION_ID,
  SECTION_TITLE,
  SECTION_SUMMARY,
  SECTION_POINTS,
  SECTION_CHILDREN,
  SECTION_MEMBERS,
  SECTION_TERMS,
  SECTION_EVENTS,
  SECTION_PAGES,
  N_SECTION_KEYS
};

static const char * const section_keys[N_SECTION_KEYS] = {
  "id", "title", "summary", "points", "children", "members", "terms", "events", "pages",
};

static void
walk_sections (EntentePackValidator *self,
               JsonArray            *array,
               const Path           *path,
               EntenteSection       *parent,
               guint                 level,
               gboolean              too_deep_reported)
{
  guint length = json_array_get_length (array);

  _entente_report_add_count (self->report, ENTENTE_COUNT_SECTIONS, length);

  for (guint i = 0; i < length; i++)
    {
      const Path *element = PATH_INDEX (path, i);
      JsonNode *node = json_array_get_element (array, i);
      JsonNode *slots[N_SECTION_KEYS];
      EntenteSection *section;
      JsonObject *object;
      gboolean too_deep = too_deep_reported;
      const char *id = NULL;

      object = expect_object (self, node, element);
      if (object == NULL)
        continue;

      if (level > ENTENTE_PACK_MAX_DEPTH && !too_deep_reported)
        {
          report_error (self, element,
                        /* Translators: a problem in a study pack, shown after its JSON
                           path; %d is the deepest level sections may nest to (8), %u the level
                           of this section (9 or more) */
                        _("sections nest at most %d levels deep; this one is at level %u"),
                        ENTENTE_PACK_MAX_DEPTH, level);
          too_deep = TRUE;
        }

      section = _entente_section_new (self->strings, parent, i);
      g_ptr_array_add (self->sections, section);
      g_ptr_array_add (self->section_nodes, node);
      if (parent != NULL)
        _entente_section_add_child (parent, section);
      else
        g_ptr_array_add (self->outline, g_object_ref (section));

      collect_keys (self, object, element, section_keys, N_SECTION_KEYS, slots);

      if (slots[SECTION_ID] != NULL)
        id = expect_id (self, slots[SECTION_ID], PATH_KEY (element, "id"));
      else
        report_missing (self, element, "id");

      if (id != NULL)
        {
          section->id = _entente_strings_add (self->strings, id);
          if (g_hash_table_lookup (self->sections_by_id, id) == NULL)
            {
              g_hash_table_insert (self->sections_by_id, (gpointer) section->id, section);
            }
          else if (error_wanted (self))
            {
              EntenteSection *first = g_hash_table_lookup (self->sections_by_id, id);
              g_autofree char *first_path = path_to_string (&(const Path) { .section = first });
              g_autofree char *shown = shorten (id);

              report_error (self, PATH_KEY (element, "id"),
                            /* Translators: a problem in a study pack, shown after its JSON
                               path; the first %s is a section id, the second the JSON path of
                               the section that has it first, such as "outline[1].children[0]"
                               */
                            _("the id “%s” is already used by the section at %s"),
                            shown, first_path);
            }
        }

      if (slots[SECTION_TITLE] != NULL)
        section->title = add_text (self, slots[SECTION_TITLE], PATH_KEY (element, "title"));
      else
        report_missing (self, element, "title");

      if (slots[SECTION_SUMMARY] != NULL)
        section->summary = add_text (self, slots[SECTION_SUMMARY], PATH_KEY (element, "summary"));

      if (slots[SECTION_POINTS] != NULL)
        {
          guint n_points;

          section->points = expect_text_array (self, slots[SECTION_POINTS],
                                               PATH_KEY (element, "points"), &n_points);
          _entente_report_add_count (self->report, ENTENTE_COUNT_POINTS, n_points);
        }

      if (slots[SECTION_PAGES] != NULL)
        {
          const char *pages = expect_string (self, slots[SECTION_PAGES],
                                             PATH_KEY (element, "pages"));

          section->pages = _entente_strings_add (self->strings, pages);
        }

      /* "members", "terms" and "events" name things that come later in the file: they are
       * checked once everything is known, in check_section_references(). */

      if (slots[SECTION_CHILDREN] != NULL)
        {
          const Path *children_path = PATH_KEY (element, "children");
          JsonArray *children = expect_array (self, slots[SECTION_CHILDREN], children_path);

          if (children != NULL)
            walk_sections (self, children, children_path, section, level + 1, too_deep);
        }
    }
}

static void
check_section_references (EntentePackValidator *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      EntenteSection *section = g_ptr_array_index (self->sections, i);
      JsonObject *object = json_node_get_object (g_ptr_array_index (self->section_nodes, i));
      const Path *path = &(const Path) { .section = section };
      JsonNode *node;

      if ((node = json_object_get_member (object, "members")) != NULL)
        section->members = expect_reference_array (self, TARGET_MEMBER, node,
                                                   PATH_KEY (path, "members"));
      if ((node = json_object_get_member (object, "terms")) != NULL)
        section->terms = expect_reference_array (self, TARGET_TERM, node,
                                                 PATH_KEY (path, "terms"));
      if ((node = json_object_get_member (object, "events")) != NULL)
        section->events = expect_reference_array (self, TARGET_EVENT, node,
                                                  PATH_KEY (path, "events"));
    }
}

/* Members */

enum {
  MEMBER_CODE,
  MEMBER_NAME,
  MEMBER_STATUS,
  MEMBER_JOINED,
  MEMBER_LEFT,
  MEMBER_HISTORY,
  MEMBER_FOUNDING,
  MEMBER_CAPITAL,
  MEMBER_SUMMARY,
  MEMBER_FACTS,
  MEMBER_SECTIONS,
  N_MEMBER_KEYS
};

static const char * const member_keys[N_MEMBER_KEYS] = {
  "code", "name", "status", "joined", "left", "history", "founding", "capital", "summary",
  "facts", "sections",
};

enum {
  PERIOD_STATUS,
  PERIOD_FROM,
  N_PERIOD_KEYS
};

static const char * const period_keys[N_PERIOD_KEYS] = { "status", "from" };

static void
walk_history (EntentePackValidator *self,
              EntenteMember        *member,
              JsonNode             *node,
              const Path           *path)
{
  JsonArray *array = expect_array (self, node, path);
  guint length;
  guint n = 0;

  if (array == NULL || (length = json_array_get_length (array)) == 0)
    return;

  member->history = _entente_strings_alloc (self->strings, length * sizeof (EntenteStatusPeriod),
                                            G_ALIGNOF (EntenteStatusPeriod));
  for (guint i = 0; i < length; i++)
    {
      const Path *element = PATH_INDEX (path, i);
      JsonObject *object = expect_object (self, json_array_get_element (array, i), element);
      JsonNode *slots[N_PERIOD_KEYS];
      EntenteStatusPeriod period = { ENTENTE_MEMBER_STATUS_NONE, { 0, 0, 0 } };
      gboolean valid = TRUE;

      if (object == NULL)
        continue;

      collect_keys (self, object, element, period_keys, N_PERIOD_KEYS, slots);

      if (slots[PERIOD_STATUS] != NULL)
        valid &= expect_status (self, slots[PERIOD_STATUS], PATH_KEY (element, "status"),
                                &period.status);
      else
        {
          report_missing (self, element, "status");
          valid = FALSE;
        }

      if (slots[PERIOD_FROM] != NULL)
        valid &= expect_date (self, slots[PERIOD_FROM], PATH_KEY (element, "from"), &period.from);
      else
        {
          report_missing (self, element, "from");
          valid = FALSE;
        }

      if (!valid)
        continue;

      if (n > 0 && entente_date_compare (&member->history[n - 1].from, &period.from) > 0 &&
          !self->muted)
        {
          g_autofree char *later = entente_date_to_string (&period.from);
          g_autofree char *earlier = entente_date_to_string (&member->history[n - 1].from);

          report_warning (self, PATH_KEY (element, "from"),
                          /* Translators: a warning about a study pack, shown after its JSON
                             path; both %s are dates in the form YYYY, YYYY-MM or YYYY-MM-DD,
                             the first the later one that is listed after the second */
                          _("history entries go oldest first, but %s is listed after %s: "
                            "sorted by date"),
                          later, earlier);
        }

      /* Insertion keeps the history sorted and stable: it is short. */
      {
        guint j = n;

        while (j > 0 && entente_date_compare (&member->history[j - 1].from, &period.from) > 0)
          {
            member->history[j] = member->history[j - 1];
            j--;
          }
        member->history[j] = period;
        n++;
      }
    }

  member->n_history = n;
}

static void
walk_members (EntentePackValidator *self,
              JsonArray            *array,
              const Path           *path)
{
  guint length = json_array_get_length (array);

  _entente_report_add_count (self->report, ENTENTE_COUNT_MEMBERS, length);

  for (guint i = 0; i < length; i++)
    {
      const Path *element = PATH_INDEX (path, i);
      JsonObject *object = expect_object (self, json_array_get_element (array, i), element);
      JsonNode *slots[N_MEMBER_KEYS];
      EntenteMember *member;
      gboolean status_valid = FALSE;

      if (object == NULL)
        continue;

      member = _entente_member_new (self->strings);
      g_ptr_array_add (self->members, member);

      collect_keys (self, object, element, member_keys, N_MEMBER_KEYS, slots);

      if (slots[MEMBER_CODE] != NULL)
        {
          const Path *code_path = PATH_KEY (element, "code");
          const char *code = expect_code (self, slots[MEMBER_CODE], code_path);

          member->code = code;
          register_id (self, self->members_by_code, member->code, member, array,
                       "members", "code", code_path);
        }
      else
        report_missing (self, element, "code");

      if (slots[MEMBER_NAME] != NULL)
        member->name = add_text (self, slots[MEMBER_NAME], PATH_KEY (element, "name"));

      if (slots[MEMBER_STATUS] != NULL)
        {
          status_valid = expect_status (self, slots[MEMBER_STATUS], PATH_KEY (element, "status"),
                                        &member->status);
          if (status_valid)
            _entente_report_add_member_status (self->report, member->status);
        }
      else
        report_missing (self, element, "status");

      if (slots[MEMBER_JOINED] != NULL)
        expect_date (self, slots[MEMBER_JOINED], PATH_KEY (element, "joined"), &member->joined);

      if (slots[MEMBER_LEFT] != NULL)
        {
          const Path *left_path = PATH_KEY (element, "left");

          if (expect_date (self, slots[MEMBER_LEFT], left_path, &member->left) &&
              status_valid && member->status != ENTENTE_MEMBER_STATUS_FORMER_MEMBER)
            {
              report_error (self, left_path,
                            /* Translators: a problem in a study pack, shown after its JSON
                               path; “left” and “former-member” are a JSON key and a value:
                               keep them in English; %s is the member's status as written in
                               the pack, such as "observer" */
                            _("“left” is only allowed with the status “former-member”, "
                              "not “%s”"),
                            entente_member_status_to_string (member->status));
            }
        }

      if (slots[MEMBER_HISTORY] != NULL)
        walk_history (self, member, slots[MEMBER_HISTORY], PATH_KEY (element, "history"));

      if (slots[MEMBER_FOUNDING] != NULL)
        expect_bool (self, slots[MEMBER_FOUNDING], PATH_KEY (element, "founding"),
                     &member->founding);

      if (slots[MEMBER_CAPITAL] != NULL)
        member->capital = add_text (self, slots[MEMBER_CAPITAL], PATH_KEY (element, "capital"));

      if (slots[MEMBER_SUMMARY] != NULL)
        member->summary = add_text (self, slots[MEMBER_SUMMARY], PATH_KEY (element, "summary"));

      if (slots[MEMBER_FACTS] != NULL)
        member->facts = expect_text_array (self, slots[MEMBER_FACTS], PATH_KEY (element, "facts"), NULL);

      if (slots[MEMBER_SECTIONS] != NULL)
        member->sections = expect_reference_array (self, TARGET_SECTION, slots[MEMBER_SECTIONS],
                                                   PATH_KEY (element, "sections"));
    }
}

/* Timeline */

enum {
  EVENT_ID,
  EVENT_DATE,
  EVENT_TITLE,
  EVENT_PLACE,
  EVENT_DETAIL,
  EVENT_MEMBERS,
  EVENT_SECTIONS,
  N_EVENT_KEYS
};

static const char * const event_keys[N_EVENT_KEYS] = {
  "id", "date", "title", "place", "detail", "members", "sections",
};

static void
walk_timeline (EntentePackValidator *self,
               JsonArray            *array,
               const Path           *path)
{
  guint length = json_array_get_length (array);

  _entente_report_add_count (self->report, ENTENTE_COUNT_EVENTS, length);

  for (guint i = 0; i < length; i++)
    {
      const Path *element = PATH_INDEX (path, i);
      JsonObject *object = expect_object (self, json_array_get_element (array, i), element);
      JsonNode *slots[N_EVENT_KEYS];
      EntenteEvent *event;

      if (object == NULL)
        continue;

      event = _entente_event_new (self->strings);
      g_ptr_array_add (self->events, event);

      collect_keys (self, object, element, event_keys, N_EVENT_KEYS, slots);

      if (slots[EVENT_ID] != NULL)
        {
          const Path *id_path = PATH_KEY (element, "id");

          event->id = _entente_strings_add (self->strings, expect_id (self, slots[EVENT_ID], id_path));
          register_id (self, self->events_by_id, event->id, event, array, "timeline", "id", id_path);
        }
      else
        report_missing (self, element, "id");

      if (slots[EVENT_DATE] != NULL)
        expect_date (self, slots[EVENT_DATE], PATH_KEY (element, "date"), &event->date);
      else
        report_missing (self, element, "date");

      if (slots[EVENT_TITLE] != NULL)
        event->title = add_text (self, slots[EVENT_TITLE], PATH_KEY (element, "title"));
      else
        report_missing (self, element, "title");

      if (slots[EVENT_PLACE] != NULL)
        event->place = add_text (self, slots[EVENT_PLACE], PATH_KEY (element, "place"));

      if (slots[EVENT_DETAIL] != NULL)
        event->detail = add_text (self, slots[EVENT_DETAIL], PATH_KEY (element, "detail"));

      if (slots[EVENT_MEMBERS] != NULL)
        event->members = expect_reference_array (self, TARGET_MEMBER, slots[EVENT_MEMBERS],
                                                 PATH_KEY (element, "members"));

      if (slots[EVENT_SECTIONS] != NULL)
        event->sections = expect_reference_array (self, TARGET_SECTION, slots[EVENT_SECTIONS],
                                                  PATH_KEY (element, "sections"));
    }
}

/* Glossary */

enum {
  TERM_ID,
  TERM_TERM,
  TERM_DEFINITION,
  TERM_ALIASES,
  TERM_SECTIONS,
  N_TERM_KEYS
};

static const char * const term_keys[N_TERM_KEYS] = {
  "id", "term", "definition", "aliases", "sections",
};

static void
walk_glossary (EntentePackValidator *self,
               JsonArray            *array,
               const Path           *path)
{
  guint length = json_array_get_length (array);

  _entente_report_add_count (self->report, ENTENTE_COUNT_TERMS, length);

  for (guint i = 0; i < length; i++)
    {
      const Path *element = PATH_INDEX (path, i);
      JsonObject *object = expect_object (self, json_array_get_element (array, i), element);
      JsonNode *slots[N_TERM_KEYS];
      EntenteTerm *term;

      if (object == NULL)
        continue;

      term = _entente_term_new (self->strings);
      g_ptr_array_add (self->terms, term);

      collect_keys (self, object, element, term_keys, N_TERM_KEYS, slots);

      if (slots[TERM_ID] != NULL)
        {
          const Path *id_path = PATH_KEY (element, "id");

          term->id = _entente_strings_add (self->strings, expect_id (self, slots[TERM_ID], id_path));
          register_id (self, self->terms_by_id, term->id, term, array, "glossary", "id", id_path);
        }
      else
        report_missing (self, element, "id");

      if (slots[TERM_TERM] != NULL)
        term->term = add_text (self, slots[TERM_TERM], PATH_KEY (element, "term"));
      else
        report_missing (self, element, "term");

      if (slots[TERM_DEFINITION] != NULL)
        term->definition = add_text (self, slots[TERM_DEFINITION], PATH_KEY (element, "definition"));
      else
        report_missing (self, element, "definition");

      if (slots[TERM_ALIASES] != NULL)
        term->aliases = expect_text_array (self, slots[TERM_ALIASES],
                                           PATH_KEY (element, "aliases"), NULL);

      if (slots[TERM_SECTIONS] != NULL)
        term->sections = expect_reference_array (self, TARGET_SECTION, slots[TERM_SECTIONS],
                                                 PATH_KEY (element, "sections"));
    }
}

/* Cards */

enum {
  CARD_ID,
  CARD_KIND,
  CARD_SECTION,
  CARD_TAGS,
  CARD_EXPLANATION,
  CARD_FRONT,
  CARD_BACK,
  CARD_ACCEPT,
  CARD_QUESTION,
  CARD_CHOICES,
  CARD_ANSWER,
  CARD_TEXT,
  CARD_PROMPT,
  N_CARD_KEYS
};

static const char * const card_keys[N_CARD_KEYS] = {
  "id", "kind", "section", "tags", "explanation", "front", "back", "accept", "question",
  "choices", "answer", "text", "prompt",
};

/* Cards are most of a big pack: their keys are found by their first letter. */
static int
match_card_key (const char *name)
{
  int key;

  switch (name[0])
    {
    case 'a':
      key = name[1] == 'c' ? CARD_ACCEPT : CARD_ANSWER;
      break;
    case 'b':
      key = CARD_BACK;
      break;
    case 'c':
      key = CARD_CHOICES;
      break;
    case 'e':
      key = CARD_EXPLANATION;
      break;
    case 'f':
      key = CARD_FRONT;
      break;
    case 'i':
      key = CARD_ID;
      break;
    case 'k':
      key = CARD_KIND;
      break;
    case 'p':
      key = CARD_PROMPT;
      break;
    case 'q':
      key = CARD_QUESTION;
      break;
    case 's':
      key = CARD_SECTION;
      break;
    case 't':
      key = name[1] == 'a' ? CARD_TAGS : CARD_TEXT;
      break;
    default:
      return -1;
    }

  return keys_equal (card_keys[key], name) ? key : -1;
}

/* Which kinds use each key; the first five belong to every card. */
#define KIND_BIT(kind) (1u << (kind))
#define ALL_KINDS (KIND_BIT (ENTENTE_N_CARD_KINDS) - 1)

static const guint card_key_kinds[N_CARD_KEYS] = {
  [CARD_ID] = ALL_KINDS,
  [CARD_KIND] = ALL_KINDS,
  [CARD_SECTION] = ALL_KINDS,
  [CARD_TAGS] = ALL_KINDS,
  [CARD_EXPLANATION] = ALL_KINDS,
  [CARD_FRONT] = KIND_BIT (ENTENTE_CARD_KIND_BASIC),
  [CARD_BACK] = KIND_BIT (ENTENTE_CARD_KIND_BASIC),
  [CARD_ACCEPT] = KIND_BIT (ENTENTE_CARD_KIND_BASIC),
  [CARD_QUESTION] = KIND_BIT (ENTENTE_CARD_KIND_CHOICE),
  [CARD_CHOICES] = KIND_BIT (ENTENTE_CARD_KIND_CHOICE),
  [CARD_ANSWER] = KIND_BIT (ENTENTE_CARD_KIND_CHOICE) | KIND_BIT (ENTENTE_CARD_KIND_MAP),
  [CARD_TEXT] = KIND_BIT (ENTENTE_CARD_KIND_CLOZE),
  [CARD_PROMPT] = KIND_BIT (ENTENTE_CARD_KIND_MAP),
};

static void
require_card_key (EntentePackValidator *self,
                  JsonNode            **slots,
                  guint                 key,
                  const Path           *element,
                  EntenteCardKind       kind)
{
  if (slots[key] == NULL)
    report_error (self, PATH_KEY (element, card_keys[key]),
                  /* Translators: a problem in a study pack, shown after its JSON path; the
                     first %s is the name of a JSON key, such as "answer", the second a kind of
                     card: "basic", "choice", "cloze" or "map" (keep these in English) */
                  _("required key “%s” is missing (“%s” cards need it)"),
                  card_keys[key], entente_card_kind_to_string (kind));
}

static void
walk_choices (EntentePackValidator *self,
              EntenteCardData      *card,
              JsonNode            **slots,
              const Path           *element)
{
  const Path *choices_path = PATH_KEY (element, "choices");
  JsonArray *choices = NULL;
  guint n_choices = 0;
  gint64 answer;

  if (slots[CARD_CHOICES] != NULL &&
      (choices = expect_array (self, slots[CARD_CHOICES], choices_path)) != NULL)
    {
      guint n = 0;

      n_choices = json_array_get_length (choices);
      if (n_choices < 2 || n_choices > 8)
        report_error (self, choices_path,
                      /* Translators: a problem in a study pack, shown after its JSON path;
                         %u is the number of choices the card has (0, 1, or more than 8) */
                      ngettext ("a choice card needs 2 to 8 choices, found %u",
                                "a choice card needs 2 to 8 choices, found %u",
                                n_choices),
                      n_choices);

      card->choices = _entente_strings_new_strv (self->strings, n_choices);
      for (guint i = 0; i < n_choices; i++)
        {
          const Path *choice_path = PATH_INDEX (choices_path, i);
          gsize length = 0;
          const char *text = expect_text (self, json_array_get_element (choices, i), choice_path,
                                          &length);

          if (text == NULL)
            continue;

          for (guint j = 0; j < i; j++)
            {
              JsonNode *earlier = json_array_get_element (choices, j);

              if (is_string (earlier) && strcmp (json_node_get_string (earlier), text) == 0)
                {
                  if (error_wanted (self))
                    {
                      g_autofree char *shown = shorten (text);

                      report_error (self, choice_path,
                                    /* Translators: a problem in a study pack, shown after
                                       its JSON path; %s is the text of a choice, %u the number
                                       of the earlier choice with the same text, counting from
                                       0 */
                                    _("“%s” is already choice %u: choices must differ"),
                                    shown, j);
                    }
                  break;
                }
            }

          card->choices[n++] = _entente_strings_add_len (self->strings, text, length);
        }
      card->choices[n] = NULL;
    }

  if (slots[CARD_ANSWER] != NULL &&
      expect_int (self, slots[CARD_ANSWER], PATH_KEY (element, "answer"),
                  N_("an integer (the index of the right choice, from 0)"), &answer))
    {
      if (choices != NULL && (answer < 0 || answer >= n_choices))
        report_error (self, PATH_KEY (element, "answer"),
                      /* Translators: a problem in a study pack, shown after its JSON path;
                         %lld is the index given as the right answer, %u the number of choices
                         the card has */
                      ngettext ("index %lld is out of range (%u choice)",
                                "index %lld is out of range (%u choices)",
                                n_choices),
                      (long long) answer, n_choices);
      else
        card->answer_index = (int) answer;
    }
}

static void
walk_cloze (EntentePackValidator *self,
            EntenteCardData      *card,
            JsonNode             *node,
            const Path           *path)
{
  gsize length = 0;
  const char *text = expect_text (self, node, path, &length);
  guint n_gaps = 0;
  gsize offset = 0;

  if (text == NULL)
    return;

  switch (_entente_cloze_check (text, &n_gaps, &offset))
    {
    case ENTENTE_CLOZE_OK:
      card->text = _entente_strings_add_len (self->strings, text, length);
      break;

    case ENTENTE_CLOZE_NO_GAP:
      report_error (self, path, _("the text has no gap: mark what is to be recalled as {{…}}"));
      break;

    case ENTENTE_CLOZE_EMPTY:
      /* Translators: a problem in a study pack, shown after its JSON path; %ld is the
         position of the gap in the card's text, counted in characters from 1 */
      report_error (self, path, _("the gap at character %ld is empty"),
                    g_utf8_pointer_to_offset (text, text + offset) + 1);
      break;

    case ENTENTE_CLOZE_NESTED:
      /* Translators: a problem in a study pack, shown after its JSON path; %ld is the
         position of the "{{" in the card's text, counted in characters from 1; keep "{{" and
         "}}" as they are */
      report_error (self, path, _("unbalanced braces: “{{” at character %ld opens a gap inside a gap"),
                    g_utf8_pointer_to_offset (text, text + offset) + 1);
      break;

    case ENTENTE_CLOZE_UNOPENED:
      /* Translators: a problem in a study pack, shown after its JSON path; %ld is the
         position of the "}}" in the card's text, counted in characters from 1; keep "{{" and
         "}}" as they are */
      report_error (self, path, _("unbalanced braces: “}}” at character %ld closes no gap"),
                    g_utf8_pointer_to_offset (text, text + offset) + 1);
      break;

    case ENTENTE_CLOZE_UNCLOSED:
    default:
      /* Translators: a problem in a study pack, shown after its JSON path; %ld is the
         position of the "{{" that opens the gap, counted in characters from 1 */
      report_error (self, path, _("unbalanced braces: the gap opened at character %ld is never closed"),
                    g_utf8_pointer_to_offset (text, text + offset) + 1);
      break;
    }
}

static void
walk_card (EntentePackValidator *self,
           JsonNode             *node,
           JsonArray            *array,
           const Path           *element)
{
  JsonObject *object = expect_object (self, node, element);
  JsonNode *slots[N_CARD_KEYS];
  EntenteCardKind kind = ENTENTE_CARD_KIND_BASIC;
  gboolean kind_known = FALSE;
  EntenteCardData *card;
  guint position;

  if (object == NULL)
    return;

  collect_keys_full (self, object, element, card_keys, N_CARD_KEYS, match_card_key, slots);

  if (slots[CARD_KIND] != NULL)
    {
      const Path *kind_path = PATH_KEY (element, "kind");
      const char *text = expect_string (self, slots[CARD_KIND], kind_path);

      if (text != NULL)
        {
          kind_known = entente_card_kind_from_string (text, &kind);
          if (kind_known)
            {
              _entente_report_add_card_kind (self->report, kind);
            }
          else if (error_wanted (self))
            {
              g_autofree char *shown = shorten (text);

              report_error (self, kind_path,
                            /* Translators: a problem in a study pack, shown after its JSON
                               path; %s is the text found where a kind of card belongs; the
                               quoted words are the values a pack may use: keep them in English
                               */
                            _("“%s” is not a card kind (expected “basic”, “choice”, “cloze” "
                              "or “map”)"),
                            shown);
            }
        }
    }
  else
    report_missing (self, element, "kind");

  card = _entente_card_data_new (self->strings, kind);
  position = self->cards->len;
  g_ptr_array_add (self->cards, card);

  if (slots[CARD_ID] != NULL)
    {
      const Path *id_path = PATH_KEY (element, "id");

      card->id = _entente_strings_add (self->strings, expect_id (self, slots[CARD_ID], id_path));
      register_id (self, self->cards_by_id, card->id, GUINT_TO_POINTER (position + 1), array,
                   "cards", "id", id_path);
    }
  else
    report_missing (self, element, "id");

  if (slots[CARD_SECTION] != NULL)
    card->section = expect_reference (self, TARGET_SECTION, slots[CARD_SECTION],
                                      PATH_KEY (element, "section"));

  if (slots[CARD_TAGS] != NULL)
    card->tags = expect_text_array (self, slots[CARD_TAGS], PATH_KEY (element, "tags"), NULL);

  if (slots[CARD_EXPLANATION] != NULL)
    card->explanation = add_text (self, slots[CARD_EXPLANATION], PATH_KEY (element, "explanation"));

  /* Without a known kind, there is no telling which of the other keys belong. */
  if (!kind_known)
    return;

  for (guint i = 0; i < N_CARD_KEYS; i++)
    {
      if (slots[i] != NULL && (card_key_kinds[i] & KIND_BIT (kind)) == 0)
        report_warning (self, PATH_KEY (element, card_keys[i]),
                        /* Translators: a warning about a study pack, shown after its JSON
                           path; the first %s is the name of a JSON key, such as "choices", the
                           second a kind of card: "basic", "choice", "cloze" or "map" (keep
                           these in English) */
                        _("key “%s” is not used by “%s” cards; ignored"),
                        card_keys[i], entente_card_kind_to_string (kind));
    }

  switch (kind)
    {
    case ENTENTE_CARD_KIND_BASIC:
      require_card_key (self, slots, CARD_FRONT, element, kind);
      require_card_key (self, slots, CARD_BACK, element, kind);
      if (slots[CARD_FRONT] != NULL)
        card->front = add_text (self, slots[CARD_FRONT], PATH_KEY (element, "front"));
      if (slots[CARD_BACK] != NULL)
        card->back = add_text (self, slots[CARD_BACK], PATH_KEY (element, "back"));
      if (slots[CARD_ACCEPT] != NULL)
        card->accept = expect_text_array (self, slots[CARD_ACCEPT], PATH_KEY (element, "accept"),
                                          NULL);
      break;

    case ENTENTE_CARD_KIND_CHOICE:
      require_card_key (self, slots, CARD_QUESTION, element, kind);
      require_card_key (self, slots, CARD_CHOICES, element, kind);
      require_card_key (self, slots, CARD_ANSWER, element, kind);
      if (slots[CARD_QUESTION] != NULL)
        card->question = add_text (self, slots[CARD_QUESTION], PATH_KEY (element, "question"));
      walk_choices (self, card, slots, element);
      break;

    case ENTENTE_CARD_KIND_CLOZE:
      require_card_key (self, slots, CARD_TEXT, element, kind);
      if (slots[CARD_TEXT] != NULL)
        walk_cloze (self, card, slots[CARD_TEXT], PATH_KEY (element, "text"));
      break;

    case ENTENTE_CARD_KIND_MAP:
      require_card_key (self, slots, CARD_PROMPT, element, kind);
      require_card_key (self, slots, CARD_ANSWER, element, kind);
      if (slots[CARD_PROMPT] != NULL)
        card->prompt = add_text (self, slots[CARD_PROMPT], PATH_KEY (element, "prompt"));
      if (slots[CARD_ANSWER] != NULL)
        card->answer_code = expect_code (self, slots[CARD_ANSWER], PATH_KEY (element, "answer"));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
walk_cards (EntentePackValidator *self,
            JsonArray            *array,
            const Path           *path)
{
  guint length = json_array_get_length (array);

  _entente_report_add_count (self->report, ENTENTE_COUNT_CARDS, length);

  if (length > ENTENTE_PACK_MAX_CARDS)
    {
      report_error (self, path,
                    g_dngettext (GETTEXT_PACKAGE,
                                 /* Translators: a problem in a study pack, shown after its JSON path; %u is the number
                                    of cards in the pack, %d the most a pack may have (1000000) */
                                 "%u card; a pack holds at most %d",
                                 "%u cards; a pack holds at most %d", length),
                    length, ENTENTE_PACK_MAX_CARDS);
      length = ENTENTE_PACK_MAX_CARDS;
    }

  g_ptr_array_unref (self->cards);
  self->cards = g_ptr_array_sized_new (length);
  for (guint i = 0; i < length; i++)
    {
      if (i % CANCEL_CHECK_INTERVAL == 0 && g_cancellable_is_cancelled (self->cancellable))
        {
          self->cancelled = TRUE;
          return;
        }

      walk_card (self, json_array_get_element (array, i), array, PATH_INDEX (path, i));
    }
}

/* References and corrections */

enum {
  REFERENCE_ID,
  REFERENCE_TEXT,
  REFERENCE_URL,
  N_REFERENCE_KEYS
};

static const char * const reference_keys[N_REFERENCE_KEYS] = { "id", "text", "url" };

static void
walk_references (EntentePackValidator *self,
                 JsonArray            *array,
                 const Path           *path)
{
  guint length = json_array_get_length (array);

  _entente_report_add_count (self->report, ENTENTE_COUNT_REFERENCES, length);

  for (guint i = 0; i < length; i++)
    {
      const Path *element = PATH_INDEX (path, i);
      JsonObject *object = expect_object (self, json_array_get_element (array, i), element);
      JsonNode *slots[N_REFERENCE_KEYS];
      EntenteReference *reference;

      if (object == NULL)
        continue;

      reference = _entente_reference_new (self->strings);
      g_ptr_array_add (self->references, reference);

      collect_keys (self, object, element, reference_keys, N_REFERENCE_KEYS, slots);

      if (slots[REFERENCE_ID] != NULL)
        {
          const Path *id_path = PATH_KEY (element, "id");

          reference->id = _entente_strings_add (self->strings,
                                                expect_id (self, slots[REFERENCE_ID], id_path));
          register_id (self, self->references_by_id, reference->id, reference, array,
                       "references", "id", id_path);
        }
      else
        report_missing (self, element, "id");

      if (slots[REFERENCE_TEXT] != NULL)
        reference->text = add_text (self, slots[REFERENCE_TEXT], PATH_KEY (element, "text"));
      else
        report_missing (self, element, "text");

      if (slots[REFERENCE_URL] != NULL)
        reference->url = expect_url (self, slots[REFERENCE_URL], PATH_KEY (element, "url"));
    }
}

enum {
  CORRECTION_ID,
  CORRECTION_SECTION,
  CORRECTION_CLAIM,
  CORRECTION_CORRECTION,
  CORRECTION_SOURCE,
  N_CORRECTION_KEYS
};

static const char * const correction_keys[N_CORRECTION_KEYS] = {
  "id", "section", "claim", "correction", "source",
};

static void
walk_corrections (EntentePackValidator *self,
                  JsonArray            *array,
                  const Path           *path)
{
  guint length = json_array_get_length (array);

  _entente_report_add_count (self->report, ENTENTE_COUNT_CORRECTIONS, length);

  for (guint i = 0; i < length; i++)
    {
      const Path *element = PATH_INDEX (path, i);
      JsonObject *object = expect_object (self, json_array_get_element (array, i), element);
      JsonNode *slots[N_CORRECTION_KEYS];
      EntenteCorrection *correction;

      if (object == NULL)
        continue;

      correction = _entente_correction_new (self->strings);
      g_ptr_array_add (self->corrections, correction);

      collect_keys (self, object, element, correction_keys, N_CORRECTION_KEYS, slots);

      if (slots[CORRECTION_ID] != NULL)
        {
          const Path *id_path = PATH_KEY (element, "id");

          correction->id = _entente_strings_add (self->strings,
                                                 expect_id (self, slots[CORRECTION_ID], id_path));
          register_id (self, self->corrections_by_id, correction->id, correction, array,
                       "corrections", "id", id_path);
        }
      else
        report_missing (self, element, "id");

      if (slots[CORRECTION_SECTION] != NULL)
        correction->section = expect_reference (self, TARGET_SECTION, slots[CORRECTION_SECTION],
                                                PATH_KEY (element, "section"));

      if (slots[CORRECTION_CLAIM] != NULL)
        correction->claim = add_text (self, slots[CORRECTION_CLAIM], PATH_KEY (element, "claim"));
      else
        report_missing (self, element, "claim");

      if (slots[CORRECTION_CORRECTION] != NULL)
        correction->correction = add_text (self, slots[CORRECTION_CORRECTION],
                                           PATH_KEY (element, "correction"));
      else
        report_missing (self, element, "correction");

      if (slots[CORRECTION_SOURCE] != NULL)
        correction->source = add_text (self, slots[CORRECTION_SOURCE],
                                       PATH_KEY (element, "source"));
    }
}

/* Top level */

enum {
  AUTHOR_NAME,
  AUTHOR_AFFILIATION,
  N_AUTHOR_KEYS
};

static const char * const author_keys[N_AUTHOR_KEYS] = { "name", "affiliation" };

static void
walk_authors (EntentePackValidator *self,
              JsonArray            *array,
              const Path           *path)
{
  guint length = json_array_get_length (array);

  _entente_report_add_count (self->report, ENTENTE_COUNT_AUTHORS, length);

  for (guint i = 0; i < length; i++)
    {
      const Path *element = PATH_INDEX (path, i);
      JsonObject *object = expect_object (self, json_array_get_element (array, i), element);
      JsonNode *slots[N_AUTHOR_KEYS];
      EntenteAuthor *author;

      if (object == NULL)
        continue;

      author = _entente_author_new (self->strings);
      g_ptr_array_add (self->authors, author);

      collect_keys (self, object, element, author_keys, N_AUTHOR_KEYS, slots);

      if (slots[AUTHOR_NAME] != NULL)
        author->name = add_text (self, slots[AUTHOR_NAME], PATH_KEY (element, "name"));
      else
        report_missing (self, element, "name");

      if (slots[AUTHOR_AFFILIATION] != NULL)
        author->affiliation = add_text (self, slots[AUTHOR_AFFILIATION],
                                        PATH_KEY (element, "affiliation"));
    }
}

enum {
  SOURCE_CITATION,
  SOURCE_URL,
  SOURCE_YEAR,
  N_SOURCE_KEYS
};

static const char * const source_keys[N_SOURCE_KEYS] = { "citation", "url", "year" };

static void
walk_source (EntentePackValidator *self,
             JsonObject           *object,
             const Path           *path)
{
  JsonNode *slots[N_SOURCE_KEYS];
  EntentePack *pack = self->pack;
  gint64 year;

  collect_keys (self, object, path, source_keys, N_SOURCE_KEYS, slots);

  if (slots[SOURCE_CITATION] != NULL)
    pack->source_citation = add_text (self, slots[SOURCE_CITATION], PATH_KEY (path, "citation"));
  else
    report_missing (self, path, "citation");

  if (slots[SOURCE_URL] != NULL)
    pack->source_url = expect_url (self, slots[SOURCE_URL], PATH_KEY (path, "url"));

  if (slots[SOURCE_YEAR] != NULL &&
      expect_int (self, slots[SOURCE_YEAR], PATH_KEY (path, "year"), NULL, &year))
    {
      if (year < 1 || year > 9999)
        report_error (self, PATH_KEY (path, "year"),
                      /* Translators: a problem in a study pack, shown after its JSON path;
                         %lld is the number found where the year of the pack's source belongs
                         */
                      _("%lld is not a year (expected 1 to 9999)"), (long long) year);
      else
        pack->source_year = (int) year;
    }
}

enum {
  ORGANIZATION_NAME,
  ORGANIZATION_SHORT_NAME,
  ORGANIZATION_FOUNDED,
  ORGANIZATION_HEADQUARTERS,
  ORGANIZATION_URL,
  N_ORGANIZATION_KEYS
};

static const char * const organization_keys[N_ORGANIZATION_KEYS] = {
  "name", "short_name", "founded", "headquarters", "url",
};

static void
walk_organization (EntentePackValidator *self,
                   JsonObject           *object,
                   const Path           *path)
{
  JsonNode *slots[N_ORGANIZATION_KEYS];
  EntenteOrganization *organization = _entente_organization_new (self->strings);

  self->pack->organization = organization;

  collect_keys (self, object, path, organization_keys, N_ORGANIZATION_KEYS, slots);

  if (slots[ORGANIZATION_NAME] != NULL)
    organization->name = add_text (self, slots[ORGANIZATION_NAME], PATH_KEY (path, "name"));
  else
    report_missing (self, path, "name");

  if (slots[ORGANIZATION_SHORT_NAME] != NULL)
    organization->short_name = add_text (self, slots[ORGANIZATION_SHORT_NAME],
                                         PATH_KEY (path, "short_name"));

  if (slots[ORGANIZATION_FOUNDED] != NULL)
    expect_date (self, slots[ORGANIZATION_FOUNDED], PATH_KEY (path, "founded"),
                 &organization->founded);

  if (slots[ORGANIZATION_HEADQUARTERS] != NULL)
    organization->headquarters = add_text (self, slots[ORGANIZATION_HEADQUARTERS],
                                           PATH_KEY (path, "headquarters"));

  if (slots[ORGANIZATION_URL] != NULL)
    organization->url = expect_url (self, slots[ORGANIZATION_URL], PATH_KEY (path, "url"));
}

enum {
  TOP_FORMAT,
  TOP_VERSION,
  TOP_ID,
  TOP_TITLE,
  TOP_SUBTITLE,
  TOP_LANGUAGE,
  TOP_AS_OF,
  TOP_AUTHORS,
  TOP_SOURCE,
  TOP_ABSTRACT,
  TOP_KEYWORDS,
  TOP_ORGANIZATION,
  TOP_OUTLINE,
  TOP_MEMBERS,
  TOP_TIMELINE,
  TOP_GLOSSARY,
  TOP_CARDS,
  TOP_REFERENCES,
  TOP_CORRECTIONS,
  N_TOP_KEYS
};

static const char * const top_keys[N_TOP_KEYS] = {
  "format", "version", "id", "title", "subtitle", "language", "as_of", "authors", "source",
  "abstract", "keywords", "organization", "outline", "members", "timeline", "glossary", "cards",
  "references", "corrections",
};

/* Before anything else: a newer version may use keys and values that this version does
 * not know, and is refused for its version alone. */
static void
check_format_and_version (EntentePackValidator *self,
                          JsonObject           *root)
{
  JsonNode *slots[N_TOP_KEYS] = { NULL, };
  const char *format;
  gint64 version;

  slots[TOP_FORMAT] = json_object_get_member (root, "format");
  slots[TOP_VERSION] = json_object_get_member (root, "version");

  if (slots[TOP_FORMAT] == NULL)
    {
      report_error (self, PATH_KEY (NULL, "format"),
                    _("required key “format” is missing: a study pack starts with "
                      "\"format\": \"entente-pack\""));
    }
  else if ((format = expect_string (self, slots[TOP_FORMAT], PATH_KEY (NULL, "format"))) != NULL &&
           strcmp (format, "entente-pack") != 0)
    {
      g_autofree char *shown = shorten (format);

      /* Translators: a problem in a study pack, shown after its JSON path; %s is the text
         found where "entente-pack" belongs; keep “entente-pack” in English */
      report_error (self, PATH_KEY (NULL, "format"), _("expected “entente-pack”, found “%s”"),
                    shown);
    }

  if (slots[TOP_VERSION] == NULL)
    {
      report_error (self, PATH_KEY (NULL, "version"),
                    /* Translators: a problem in a study pack; “version” is a JSON key: keep
                       it in English; %d is the version of the pack format this Entente reads,
                       such as 1 */
                    _("required key “version” is missing (the format version, %d)"),
                    ENTENTE_PACK_FORMAT_VERSION);
    }
  else if (expect_int (self, slots[TOP_VERSION], PATH_KEY (NULL, "version"), NULL, &version))
    {
      if (version > ENTENTE_PACK_FORMAT_VERSION)
        {
          report_error (self, PATH_KEY (NULL, "version"),
                        /* Translators: a problem in a study pack; %lld is the format
                           version the pack is written in, %d the version this Entente reads (a
                           smaller whole number) */
                        _("this pack needs a newer version of Entente: it is in format version "
                          "%lld, this version reads version %d"),
                        (long long) version, ENTENTE_PACK_FORMAT_VERSION);
          self->newer_version = version;
          self->muted = TRUE;
        }
      else if (version < ENTENTE_PACK_FORMAT_VERSION)
        {
          report_error (self, PATH_KEY (NULL, "version"),
                        /* Translators: a problem in a study pack; %lld is the format
                           version written in the pack, %d the version this Entente reads */
                        _("%lld is not a format version (expected %d)"),
                        (long long) version, ENTENTE_PACK_FORMAT_VERSION);
        }
    }
}

static gboolean
check_cancelled (EntentePackValidator *self)
{
  if (self->cancelled || g_cancellable_is_cancelled (self->cancellable))
    self->cancelled = TRUE;

  return self->cancelled;
}

gboolean
_entente_pack_validator_run (EntentePackValidator *self,
                             JsonObject           *root)
{
  JsonNode *slots[N_TOP_KEYS];
  EntentePack *pack = self->pack;
  JsonArray *array;

  check_format_and_version (self, root);
  collect_keys (self, root, NULL, top_keys, N_TOP_KEYS, slots);

  if (slots[TOP_ID] != NULL)
    {
      pack->id = _entente_strings_add (self->strings,
                                       expect_id (self, slots[TOP_ID], PATH_KEY (NULL, "id")));
      _entente_report_set_pack_id (self->report, pack->id);
    }
  else
    report_missing (self, NULL, "id");

  if (slots[TOP_TITLE] != NULL)
    pack->title = add_text (self, slots[TOP_TITLE], PATH_KEY (NULL, "title"));
  else
    report_missing (self, NULL, "title");

  if (slots[TOP_SUBTITLE] != NULL)
    pack->subtitle = add_text (self, slots[TOP_SUBTITLE], PATH_KEY (NULL, "subtitle"));

  if (slots[TOP_LANGUAGE] != NULL)
    {
      const Path *path = PATH_KEY (NULL, "language");
      const char *language = expect_string (self, slots[TOP_LANGUAGE], path);

      if (language != NULL && !is_language_tag (language) && error_wanted (self))
        {
          g_autofree char *shown = shorten (language);

          report_error (self, path,
                        /* Translators: a problem in a study pack, shown after its JSON
                           path; %s is the text found where a language tag belongs; “en” and
                           “pt-BR” are examples of tags: keep them */
                        _("“%s” is not a BCP 47 language tag (such as “en” or “pt-BR”)"), shown);
        }
      pack->language = _entente_strings_add (self->strings, language);
    }
  else
    report_missing (self, NULL, "language");

  if (slots[TOP_AS_OF] != NULL)
    expect_date (self, slots[TOP_AS_OF], PATH_KEY (NULL, "as_of"), &pack->as_of);
  else
    report_missing (self, NULL, "as_of");

  if (slots[TOP_AUTHORS] != NULL &&
      (array = expect_array (self, slots[TOP_AUTHORS], PATH_KEY (NULL, "authors"))) != NULL)
    walk_authors (self, array, PATH_KEY (NULL, "authors"));

  if (slots[TOP_SOURCE] != NULL)
    {
      JsonObject *source = expect_object (self, slots[TOP_SOURCE], PATH_KEY (NULL, "source"));

      if (source != NULL)
        walk_source (self, source, PATH_KEY (NULL, "source"));
    }

  if (slots[TOP_ABSTRACT] != NULL)
    pack->abstract = add_text (self, slots[TOP_ABSTRACT], PATH_KEY (NULL, "abstract"));

  if (slots[TOP_KEYWORDS] != NULL)
    pack->keywords = expect_text_array (self, slots[TOP_KEYWORDS], PATH_KEY (NULL, "keywords"),
                                        NULL);

  if (slots[TOP_ORGANIZATION] != NULL)
    {
      const Path *path = PATH_KEY (NULL, "organization");
      JsonObject *organization = expect_object (self, slots[TOP_ORGANIZATION], path);

      if (organization != NULL)
        walk_organization (self, organization, path);
    }

  /* An optional collection that is absent is known to be empty; a collection that is
   * there but not an array is reported once, not by every reference into it. */
  self->known[TARGET_MEMBER] = slots[TOP_MEMBERS] == NULL ||
                               JSON_NODE_TYPE (slots[TOP_MEMBERS]) == JSON_NODE_ARRAY;
  self->known[TARGET_EVENT] = slots[TOP_TIMELINE] == NULL ||
                              JSON_NODE_TYPE (slots[TOP_TIMELINE]) == JSON_NODE_ARRAY;
  self->known[TARGET_TERM] = slots[TOP_GLOSSARY] == NULL ||
                             JSON_NODE_TYPE (slots[TOP_GLOSSARY]) == JSON_NODE_ARRAY;
  self->known[TARGET_SECTION] = slots[TOP_OUTLINE] != NULL &&
                                JSON_NODE_TYPE (slots[TOP_OUTLINE]) == JSON_NODE_ARRAY;

  /* Sections first: almost everything else may name one. */
  if (slots[TOP_OUTLINE] == NULL)
    {
      report_missing (self, NULL, "outline");
    }
  else if ((array = expect_array (self, slots[TOP_OUTLINE], PATH_KEY (NULL, "outline"))) != NULL)
    {
      if (json_array_get_length (array) == 0)
        report_error (self, PATH_KEY (NULL, "outline"), _("the outline needs at least one section"));
      walk_sections (self, array, PATH_KEY (NULL, "outline"), NULL, 1, FALSE);
    }

  if (check_cancelled (self))
    return FALSE;

  /* Then members, which events and sections name. */
  if (slots[TOP_MEMBERS] != NULL &&
      (array = expect_array (self, slots[TOP_MEMBERS], PATH_KEY (NULL, "members"))) != NULL)
    walk_members (self, array, PATH_KEY (NULL, "members"));

  if (slots[TOP_TIMELINE] != NULL &&
      (array = expect_array (self, slots[TOP_TIMELINE], PATH_KEY (NULL, "timeline"))) != NULL)
    walk_timeline (self, array, PATH_KEY (NULL, "timeline"));

  if (slots[TOP_GLOSSARY] != NULL &&
      (array = expect_array (self, slots[TOP_GLOSSARY], PATH_KEY (NULL, "glossary"))) != NULL)
    walk_glossary (self, array, PATH_KEY (NULL, "glossary"));

  check_section_references (self);

  if (check_cancelled (self))
    return FALSE;

  if (slots[TOP_CARDS] != NULL &&
      (array = expect_array (self, slots[TOP_CARDS], PATH_KEY (NULL, "cards"))) != NULL)
    walk_cards (self, array, PATH_KEY (NULL, "cards"));

  if (check_cancelled (self))
    return FALSE;

  if (slots[TOP_REFERENCES] != NULL &&
      (array = expect_array (self, slots[TOP_REFERENCES], PATH_KEY (NULL, "references"))) != NULL)
    walk_references (self, array, PATH_KEY (NULL, "references"));

  if (slots[TOP_CORRECTIONS] != NULL &&
      (array = expect_array (self, slots[TOP_CORRECTIONS], PATH_KEY (NULL, "corrections"))) != NULL)
    walk_corrections (self, array, PATH_KEY (NULL, "corrections"));

  /* The parsed tree may go after this: the section nodes point into it. */
  g_ptr_array_set_size (self->section_nodes, 0);

  return !check_cancelled (self);
}

/* The validator */

EntentePackValidator *
_entente_pack_validator_new (EntenteReport *report,
                             GCancellable  *cancellable)
{
  EntentePackValidator *self = g_new0 (EntentePackValidator, 1);

  self->report = g_object_ref (report);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->strings = _entente_strings_new ();
  self->pack = _entente_pack_new (self->strings);

  self->authors = g_ptr_array_new_with_free_func (g_object_unref);
  self->outline = g_ptr_array_new_with_free_func (g_object_unref);
  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
  self->section_nodes = g_ptr_array_new ();
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->terms = g_ptr_array_new_with_free_func (g_object_unref);
  /* EntenteCardData, in the arena. */
  self->cards = g_ptr_array_new ();
  self->references = g_ptr_array_new_with_free_func (g_object_unref);
  self->corrections = g_ptr_array_new_with_free_func (g_object_unref);

  self->sections_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->members_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->events_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->terms_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->cards_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->references_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->corrections_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  return self;
}

void
_entente_pack_validator_free (EntentePackValidator *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->sections_by_id, g_hash_table_unref);
  g_clear_pointer (&self->members_by_code, g_hash_table_unref);
  g_clear_pointer (&self->events_by_id, g_hash_table_unref);
  g_clear_pointer (&self->terms_by_id, g_hash_table_unref);
  g_clear_pointer (&self->cards_by_id, g_hash_table_unref);
  g_clear_pointer (&self->references_by_id, g_hash_table_unref);
  g_clear_pointer (&self->corrections_by_id, g_hash_table_unref);

  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_clear_pointer (&self->outline, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->section_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->corrections, g_ptr_array_unref);

  g_clear_object (&self->pack);
  g_clear_pointer (&self->strings, _entente_strings_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->report);

  g_free (self);
}

void
_entente_pack_validator_set_check_utf8 (EntentePackValidator *self,
                                        gboolean              check_utf8)
{
  self->check_utf8 = check_utf8;
}

void
_entente_pack_validator_take_memory (EntentePackValidator *self,
                                     gpointer              memory,
                                     gsize                 size)
{
  _entente_strings_take_memory (self->strings, memory, size);
}

guint
_entente_pack_validator_get_n_errors (EntentePackValidator *self)
{
  /* A newer version is one error, however little else the walk could check. */
  return self->n_errors + (self->newer_version > 0 ? 1 : 0);
}

gint64
_entente_pack_validator_get_newer_version (EntentePackValidator *self)
{
  return self->newer_version;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  EntenteEvent *event_a = *(EntenteEvent **) a;
  EntenteEvent *event_b = *(EntenteEvent **) b;

  return entente_date_compare (&event_a->date, &event_b->date);
}

EntentePack *
_entente_pack_validator_finish (EntentePackValidator *self)
{
  EntentePack *pack;

  g_return_val_if_fail (_entente_pack_validator_get_n_errors (self) == 0, NULL);
  g_return_val_if_fail (!self->cancelled, NULL);

  pack = g_steal_pointer (&self->pack);

  /* Stable: events on the same date keep the order of the file. */
  g_ptr_array_sort (self->events, compare_events);

  _entente_object_list_set_items (pack->authors, g_steal_pointer (&self->authors));
  _entente_object_list_set_items (pack->outline, g_steal_pointer (&self->outline));
  _entente_object_list_set_items (pack->members, g_steal_pointer (&self->members));
  _entente_object_list_set_items (pack->events, g_steal_pointer (&self->events));
  _entente_object_list_set_items (pack->terms, g_steal_pointer (&self->terms));
  g_clear_object (&pack->cards);
  pack->cards = _entente_card_list_new (self->strings, g_steal_pointer (&self->cards));
  _entente_object_list_set_items (pack->references, g_steal_pointer (&self->references));
  _entente_object_list_set_items (pack->corrections, g_steal_pointer (&self->corrections));

  g_clear_pointer (&pack->sections, g_ptr_array_unref);
  pack->sections = g_steal_pointer (&self->sections);
  pack->sections_by_id = g_steal_pointer (&self->sections_by_id);
  pack->members_by_code = g_steal_pointer (&self->members_by_code);
  pack->events_by_id = g_steal_pointer (&self->events_by_id);
  pack->terms_by_id = g_steal_pointer (&self->terms_by_id);
  pack->cards_by_id = g_steal_pointer (&self->cards_by_id);
  pack->references_by_id = g_steal_pointer (&self->references_by_id);

  return pack;
}
