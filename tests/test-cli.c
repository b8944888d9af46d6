/* test-cli.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "entente-validate.h"

typedef struct
{
  GString *out;
  GString *err;
  int      status;
} Run;

static void
run_clear (Run *run)
{
  if (run->out != NULL)
    g_string_free (run->out, TRUE);
  if (run->err != NULL)
    g_string_free (run->err, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "cli", name, NULL);
}

static void
run_validate (Run                *run,
              gboolean            json,
              const char * const *files)
{
  run->out = g_string_new (NULL);
  run->err = g_string_new (NULL);
  run->status = entente_validate_run (files, json, run->out, run->err);
}

/* Splits @out into lines and parses each as one JSON object. */
static GPtrArray *
parse_json_lines (const char *out)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  g_assert_true (g_str_has_suffix (out, "\n"));
  lines = g_strsplit (out, "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpstr (lines[n_lines - 1], ==, "");

  for (guint i = 0; i + 1 < n_lines; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonNode *root;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      root = json_parser_get_root (parser);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
      g_ptr_array_add (objects, json_object_ref (json_node_get_object (root)));
    }

  return g_steal_pointer (&objects);
}

static gint64
member_int (JsonObject *object,
            const char *group,
            const char *name)
{
  JsonObject *inner = json_object_get_object_member (object, group);

  g_assert_nonnull (inner);
  g_assert_true (json_object_has_member (inner, name));
  return json_object_get_int_member (inner, name);
}

static const char *
pack_string (JsonObject *object,
             const char *name)
{
  JsonObject *pack = json_object_get_object_member (object, "pack");

  g_assert_nonnull (pack);
  g_assert_true (json_object_has_member (pack, name));
  if (json_object_get_null_member (pack, name))
    return NULL;
  return json_object_get_string_member (pack, name);
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_strings (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The paths of the objects in @object's array @name, in order, joined by spaces. */
static char *
problem_paths (JsonObject *object,
               const char *name)
{
  JsonArray *problems = json_object_get_array_member (object, name);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (problems);
  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonObject *problem = json_array_get_object_element (problems, i);

      g_assert_nonnull (problem);
      g_assert_true (json_object_has_member (problem, "path"));
      g_assert_cmpstr (json_object_get_string_member (problem, "message"), !=, "");
      g_ptr_array_add (paths, g_strdup (json_object_get_string_member (problem, "path")));
    }
  g_ptr_array_sort (paths, compare_strings);
  g_ptr_array_add (paths, NULL);

  return g_strjoinv (" ", (char **) paths->pdata);
}

static gboolean
problem_has_position (JsonObject *object,
                      const char *name,
                      guint       index)
{
  JsonObject *problem = json_array_get_object_element (json_object_get_array_member (object, name),
                                                       index);
  gboolean has_line = json_object_has_member (problem, "line");

  g_assert_cmpint (has_line, ==, json_object_has_member (problem, "column"));
  return has_line;
}

/* The lines of @text that start with @prefix, with the prefix and the message after the
 * path cut, sorted and joined by spaces: "  warning: a: x\n  warning: b: y" gives "a b". */
static char *
line_paths (const char *text,
            const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *rest;
      const char *colon;

      if (!g_str_has_prefix (lines[i], prefix))
        continue;
      rest = lines[i] + strlen (prefix);
      colon = strstr (rest, ": ");
      g_assert_nonnull (colon);
      g_assert_cmpstr (colon + 2, !=, "");
      g_ptr_array_add (paths, g_strndup (rest, colon - rest));
    }
  g_ptr_array_sort (paths, compare_strings);
  g_ptr_array_add (paths, NULL);

  return g_strjoinv (" ", (char **) paths->pdata);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_usage (void)
{
  const char *no_files[] = { NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) run_null = { 0 };

  run_validate (&run, FALSE, no_files);
  g_assert_cmpint (run.status, ==, ENTENTE_VALIDATE_EXIT_USAGE);
  g_assert_cmpstr (run.out->str, ==, "");
  g_assert_nonnull (strstr (run.err->str, "Usage: entente --validate"));

  run_validate (&run_null, TRUE, NULL);
  g_assert_cmpint (run_null.status, ==, ENTENTE_VALIDATE_EXIT_USAGE);
  g_assert_cmpstr (run_null.out->str, ==, "");
  g_assert_cmpstr (run_null.err->str, !=, "");
}

static void
test_valid_human (void)
{
  g_autofree char *path = fixture ("valid-warnings.json");
  const char *files[] = { path, NULL };
  g_autofree char *expected = NULL;
  g_autofree char *warnings = NULL;
  g_auto(Run) run = { 0 };

  run_validate (&run, FALSE, files);
  g_assert_cmpint (run.status, ==, ENTENTE_VALIDATE_EXIT_VALID);
  g_assert_cmpstr (run.err->str, ==, "");

  expected = g_strdup_printf ("%s: valid — “The Shanghai Cooperation Organisation at "
                              "twenty-five” (en-GB, as of 2026-01-15): 6 sections, 5 points, "
                              "15 members, 3 events, 2 terms, 5 cards, 2 references, "
                              "2 corrections\n", path);
  g_assert_true (g_str_has_prefix (run.out->str, expected));

  warnings = line_paths (run.out->str, "  warning: ");
  g_assert_cmpstr (warnings, ==, "cards[0].hint colour outline[0].colour");
  g_assert_cmpuint (count_lines (run.out->str), ==, 4);
  g_assert_null (strstr (run.out->str, "error:"));
}

static void
test_valid_json (void)
{
  g_autofree char *path = fixture ("valid-warnings.json");
  const char *files[] = { path, NULL };
  g_autoptr(GPtrArray) objects = NULL;
  g_autofree char *warnings = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *object;

  run_validate (&run, TRUE, files);
  g_assert_cmpint (run.status, ==, ENTENTE_VALIDATE_EXIT_VALID);
  g_assert_cmpstr (run.err->str, ==, "");

  objects = parse_json_lines (run.out->str);
  g_assert_cmpuint (objects->len, ==, 1);
  object = g_ptr_array_index (objects, 0);

  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, path);
  g_assert_true (json_object_get_boolean_member (object, "valid"));
  g_assert_cmpstr (pack_string (object, "id"), ==, "cli-valid");
  g_assert_cmpstr (pack_string (object, "title"), ==,
                   "The Shanghai Cooperation Organisation at twenty-five");
  g_assert_cmpstr (pack_string (object, "language"), ==, "en-GB");
  g_assert_cmpstr (pack_string (object, "as_of"), ==, "2026-01-15");

  g_assert_cmpint (member_int (object, "counts", "sections"), ==, 6);
  g_assert_cmpint (member_int (object, "counts", "points"), ==, 5);
  g_assert_cmpint (member_int (object, "counts", "members"), ==, 15);
  g_assert_cmpint (member_int (object, "counts", "events"), ==, 3);
  g_assert_cmpint (member_int (object, "counts", "terms"), ==, 2);
  g_assert_cmpint (member_int (object, "counts", "cards"), ==, 5);
  g_assert_cmpint (member_int (object, "counts", "references"), ==, 2);
  g_assert_cmpint (member_int (object, "counts", "corrections"), ==, 2);

  g_assert_cmpint (member_int (object, "cards", "basic"), ==, 1);
  g_assert_cmpint (member_int (object, "cards", "choice"), ==, 1);
  g_assert_cmpint (member_int (object, "cards", "cloze"), ==, 1);
  g_assert_cmpint (member_int (object, "cards", "map"), ==, 2);

  g_assert_cmpint (member_int (object, "members", "member"), ==, 10);
  g_assert_cmpint (member_int (object, "members", "observer"), ==, 1);
  g_assert_cmpint (member_int (object, "members", "dialogue-partner"), ==, 1);
  g_assert_cmpint (member_int (object, "members", "partner"), ==, 1);
  g_assert_cmpint (member_int (object, "members", "applicant"), ==, 1);
  g_assert_cmpint (member_int (object, "members", "former-member"), ==, 1);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")), ==, 0);
  g_assert_false (json_object_get_boolean_member (object, "truncated"));
  warnings = problem_paths (object, "warnings");
  g_assert_cmpstr (warnings, ==, "cards[0].hint colour outline[0].colour");
  for (guint i = 0; i < 3; i++)
    g_assert_false (problem_has_position (object, "warnings", i));
}

static void
test_refused_human (void)
{
  g_autofree char *path = fixture ("refused.json");
  const char *files[] = { path, NULL };
  g_autofree char *expected = NULL;
  g_autofree char *errors = NULL;
  g_auto(Run) run = { 0 };

  run_validate (&run, FALSE, files);
  g_assert_cmpint (run.status, ==, ENTENTE_VALIDATE_EXIT_INVALID);
  /* A refusal is the requested output, not a failure to run. */
  g_assert_cmpstr (run.err->str, ==, "");

  expected = g_strdup_printf ("%s: refused — 3 problems\n", path);
  g_assert_true (g_str_has_prefix (run.out->str, expected));
  errors = line_paths (run.out->str, "  error: ");
  g_assert_cmpstr (errors, ==, "cards[0].section cards[1].answer members[14].code");
  g_assert_null (strstr (run.out->str, "not shown"));
}

static void
test_refused_json (void)
{
  g_autofree char *path = fixture ("refused.json");
  const char *files[] = { path, NULL };
  g_autoptr(GPtrArray) objects = NULL;
  g_autofree char *errors = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *object;

  run_validate (&run, TRUE, files);
  g_assert_cmpint (run.status, ==, ENTENTE_VALIDATE_EXIT_INVALID);

  objects = parse_json_lines (run.out->str);
  g_assert_cmpuint (objects->len, ==, 1);
  object = g_ptr_array_index (objects, 0);

  g_assert_false (json_object_get_boolean_member (object, "valid"));
  g_assert_cmpstr (pack_string (object, "id"), ==, "cli-refused");
  g_assert_null (pack_string (object, "title"));
  g_assert_null (pack_string (object, "language"));
  g_assert_null (pack_string (object, "as_of"));

  /* Counted as far as the structure allows, even though the pack is refused. */
  g_assert_cmpint (member_int (object, "counts", "sections"), ==, 6);
  g_assert_cmpint (member_int (object, "counts", "cards"), ==, 5);
  g_assert_cmpint (member_int (object, "counts", "members"), ==, 15);
  g_assert_cmpint (member_int (object, "cards", "map"), ==, 2);
  g_assert_cmpint (member_int (object, "members", "former-member"), ==, 1);

  errors = problem_paths (object, "errors");
  g_assert_cmpstr (errors, ==, "cards[0].section cards[1].answer members[14].code");
  for (guint i = 0; i < 3; i++)
    g_assert_false (problem_has_position (object, "errors", i));
  g_assert_false (json_object_get_boolean_member (object, "truncated"));
}

static void
test_syntax_error (void)
{
  g_autofree char *path = fixture ("syntax-error.json");
  const char *files[] = { path, NULL };
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  g_auto(Run) human = { 0 };
  g_auto(Run) json = { 0 };
  JsonObject *object;
  JsonObject *problem;

  run_validate (&human, FALSE, files);
  g_assert_cmpint (human.status, ==, ENTENTE_VALIDATE_EXIT_INVALID);
  expected = g_strdup_printf ("%s: refused — 1 problem\n  error: %s:5:12: ", path, path);
  g_assert_true (g_str_has_prefix (human.out->str, expected));

  run_validate (&json, TRUE, files);
  g_assert_cmpint (json.status, ==, ENTENTE_VALIDATE_EXIT_INVALID);
  objects = parse_json_lines (json.out->str);
  g_assert_cmpuint (objects->len, ==, 1);
  object = g_ptr_array_index (objects, 0);

  g_assert_false (json_object_get_boolean_member (object, "valid"));
  g_assert_null (pack_string (object, "title"));
  g_assert_cmpint (member_int (object, "counts", "cards"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")), ==, 1);
  problem = json_array_get_object_element (json_object_get_array_member (object, "errors"), 0);
  g_assert_cmpint (json_object_get_int_member (problem, "line"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (problem, "column"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (problem, "message"), !=, "");
}

static void
test_truncated (void)
{
  g_autofree char *path = fixture ("many-errors.json");
  const char *files[] = { path, NULL };
  g_autoptr(GPtrArray) objects = NULL;
  g_auto(Run) human = { 0 };
  g_auto(Run) json = { 0 };
  JsonObject *object;
  guint n_error_lines = 0;
  g_auto(GStrv) lines = NULL;

  run_validate (&human, FALSE, files);
  g_assert_cmpint (human.status, ==, ENTENTE_VALIDATE_EXIT_INVALID);
  g_assert_nonnull (strstr (human.out->str, "\n  … and more problems not shown\n"));
  lines = g_strsplit (human.out->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "  error: cards["))
      n_error_lines++;
  g_assert_cmpuint (n_error_lines, ==, 100);

  run_validate (&json, TRUE, files);
  objects = parse_json_lines (json.out->str);
  object = g_ptr_array_index (objects, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")),
                    ==, 100);
  g_assert_true (json_object_get_boolean_member (object, "truncated"));
  g_assert_cmpstr (pack_string (object, "id"), ==, "many-errors");
  g_assert_cmpint (member_int (object, "counts", "cards"), ==, 150);
  /* "essay" is no kind: such cards count as cards, not under any kind. */
  g_assert_cmpint (member_int (object, "cards", "basic"), ==, 0);
  g_assert_cmpint (member_int (object, "cards", "choice"), ==, 0);
  g_assert_cmpint (member_int (object, "cards", "cloze"), ==, 0);
  g_assert_cmpint (member_int (object, "cards", "map"), ==, 0);
}

static void
test_missing_file (void)
{
  g_autofree char *path = fixture ("no-such-pack.json");
  const char *files[] = { path, NULL };
  g_autoptr(GPtrArray) objects = NULL;
  g_auto(Run) human = { 0 };
  g_auto(Run) json = { 0 };
  JsonObject *object;

  run_validate (&human, FALSE, files);
  g_assert_cmpint (human.status, ==, ENTENTE_VALIDATE_EXIT_USAGE);
  g_assert_cmpstr (human.out->str, ==, "");
  g_assert_true (g_str_has_prefix (human.err->str, path));
  g_assert_cmpuint (count_lines (human.err->str), ==, 1);

  /* Machine readers get an object for every file they named, readable or not. */
  run_validate (&json, TRUE, files);
  g_assert_cmpint (json.status, ==, ENTENTE_VALIDATE_EXIT_USAGE);
  g_assert_true (g_str_has_prefix (json.err->str, path));
  objects = parse_json_lines (json.out->str);
  g_assert_cmpuint (objects->len, ==, 1);
  object = g_ptr_array_index (objects, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, path);
  g_assert_false (json_object_get_boolean_member (object, "valid"));
  g_assert_null (pack_string (object, "id"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")), ==, 1);
}

static void
test_directory (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "cli", NULL);
  const char *files[] = { path, NULL };
  g_auto(Run) run = { 0 };

  run_validate (&run, FALSE, files);
  g_assert_cmpint (run.status, ==, ENTENTE_VALIDATE_EXIT_USAGE);
  g_assert_cmpstr (run.out->str, ==, "");
  g_assert_true (g_str_has_prefix (run.err->str, path));
}

static void
test_exit_precedence (void)
{
  g_autofree char *valid = fixture ("valid-warnings.json");
  g_autofree char *refused = fixture ("refused.json");
  g_autofree char *missing = fixture ("no-such-pack.json");
  const char *valid_refused[] = { valid, refused, NULL };
  const char *refused_missing[] = { refused, missing, NULL };
  const char *missing_valid[] = { missing, valid, NULL };
  const char *valid_valid[] = { valid, valid, NULL };
  g_autofree char *valid_line = g_strdup_printf ("%s: valid — ", valid);
  g_autofree char *refused_line = g_strdup_printf ("%s: refused — ", refused);
  g_auto(Run) run1 = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) run3 = { 0 };
  g_auto(Run) run4 = { 0 };

  run_validate (&run1, FALSE, valid_refused);
  g_assert_cmpint (run1.status, ==, ENTENTE_VALIDATE_EXIT_INVALID);
  g_assert_true (g_str_has_prefix (run1.out->str, valid_line));
  g_assert_nonnull (strstr (run1.out->str, refused_line));

  /* An unreadable file wins over a refused one, whatever the order. */
  run_validate (&run2, FALSE, refused_missing);
  g_assert_cmpint (run2.status, ==, ENTENTE_VALIDATE_EXIT_USAGE);
  g_assert_true (g_str_has_prefix (run2.out->str, refused_line));

  /* An unreadable file does not stop the others from being validated. */
  run_validate (&run3, FALSE, missing_valid);
  g_assert_cmpint (run3.status, ==, ENTENTE_VALIDATE_EXIT_USAGE);
  g_assert_true (g_str_has_prefix (run3.out->str, valid_line));
  g_assert_true (g_str_has_prefix (run3.err->str, missing));

  run_validate (&run4, TRUE, valid_valid);
  g_assert_cmpint (run4.status, ==, ENTENTE_VALIDATE_EXIT_VALID);
}

static void
test_json_one_line_per_file (void)
{
  g_autofree char *valid = fixture ("valid-warnings.json");
  g_autofree char *refused = fixture ("refused.json");
  g_autofree char *syntax = fixture ("syntax-error.json");
  g_autofree char *missing = fixture ("no-such-pack.json");
  const char *files[] = { valid, missing, refused, syntax, NULL };
  g_autoptr(GPtrArray) objects = NULL;
  g_auto(Run) run = { 0 };

  run_validate (&run, TRUE, files);
  g_assert_cmpint (run.status, ==, ENTENTE_VALIDATE_EXIT_USAGE);
  objects = parse_json_lines (run.out->str);
  g_assert_cmpuint (objects->len, ==, 4);
  for (guint i = 0; i < objects->len; i++)
    {
      JsonObject *object = g_ptr_array_index (objects, i);

      g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, files[i]);
      g_assert_cmpint (json_object_get_boolean_member (object, "valid"), ==, i == 0);
      /* The same shape for every file, so that consumers need no special cases. */
      g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "counts")),
                        >=, 8);
      g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "cards")),
                        ==, 4);
      g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "members")),
                        ==, 6);
      g_assert_true (json_object_has_member (object, "errors"));
      g_assert_true (json_object_has_member (object, "warnings"));
    }
}

static char *
write_pack (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_singular_and_long_title (void)
{
  const char *long_title = "Sino-Russia Strategic Partnership and the Shanghai Cooperation "
                           "Organisation: Regional Security in Central Asia after 2001";
  g_autofree char *contents = g_strdup_printf (
    "{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"one-of-each\","
    " \"title\": \"%s\", \"language\": \"en\", \"as_of\": \"2025-03\","
    " \"outline\": [{\"id\": \"only\", \"title\": \"Only\", \"points\": [\"One point.\"]}],"
    " \"members\": [{\"code\": \"KZ\", \"status\": \"observer\"}],"
    " \"timeline\": [{\"id\": \"e\", \"date\": \"2001\", \"title\": \"Founded\"}],"
    " \"glossary\": [{\"id\": \"t\", \"term\": \"Term\", \"definition\": \"Meaning.\"}],"
    " \"cards\": [{\"id\": \"c\", \"kind\": \"map\", \"prompt\": \"Kazakhstan?\","
    " \"answer\": \"KZ\"}],"
    " \"references\": [{\"id\": \"r\", \"text\": \"A book.\"}],"
    " \"corrections\": [{\"id\": \"k\", \"claim\": \"Old.\", \"correction\": \"New.\"}]}",
    long_title);
  g_autofree char *path = write_pack ("one-of-each.json", contents);
  const char *files[] = { path, NULL };
  const char *counts = "(en, as of 2025-03): 1 section, 1 point, 1 member, 1 event, "
                       "1 term, 1 card, 1 reference, 1 correction\n";
  g_auto(Run) run = { 0 };
  const char *open_quote;
  const char *close_quote;
  g_autofree char *shown = NULL;

  run_validate (&run, FALSE, files);
  g_assert_cmpint (run.status, ==, ENTENTE_VALIDATE_EXIT_VALID);

  g_assert_true (g_str_has_suffix (run.out->str, counts));

  /* The title is shortened to fit a line, and says so. */
  open_quote = strstr (run.out->str, "“");
  close_quote = strstr (run.out->str, "”");
  g_assert_nonnull (open_quote);
  g_assert_nonnull (close_quote);
  shown = g_strndup (open_quote + strlen ("“"), close_quote - open_quote - strlen ("“"));
  g_assert_true (g_str_has_suffix (shown, "…"));
  g_assert_true (g_str_has_prefix (shown, "Sino-Russia Strategic Partnership"));
  g_assert_cmpint (g_utf8_strlen (shown, -1), <=, 60);
  g_assert_cmpint (g_utf8_strlen (shown, -1), <, g_utf8_strlen (long_title, -1));
}

static void
test_output_is_utf8 (void)
{
  /* A lone surrogate is valid JSON but no UTF-8 can hold it; a file name is bytes. */
  g_autofree char *path = write_pack ("surrogate.json",
    "{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"surrogate\","
    " \"title\": \"x\\ud800y\", \"language\": \"en\", \"as_of\": \"2026\","
    " \"outline\": [{\"id\": \"a\", \"title\": \"A\"}]}");
  g_autofree char *latin1 = g_build_filename (g_get_user_data_dir (), "caf\xe9.json", NULL);
  const char *files[] = { path, latin1, NULL };
  g_autoptr(GPtrArray) objects = NULL;
  g_auto(Run) human = { 0 };
  g_auto(Run) json = { 0 };

  run_validate (&human, FALSE, files);
  g_assert_cmpint (human.status, ==, ENTENTE_VALIDATE_EXIT_USAGE);
  g_assert_true (g_utf8_validate (human.out->str, human.out->len, NULL));
  g_assert_true (g_utf8_validate (human.err->str, human.err->len, NULL));
  g_assert_cmpuint (count_lines (human.err->str), ==, 1);

  run_validate (&json, TRUE, files);
  g_assert_cmpint (json.status, ==, ENTENTE_VALIDATE_EXIT_USAGE);
  g_assert_true (g_utf8_validate (json.out->str, json.out->len, NULL));
  objects = parse_json_lines (json.out->str);
  g_assert_cmpuint (objects->len, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (objects, 0), "file"), ==,
                   path);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (g_ptr_array_index (objects, 1),
                                                                  "file"),
                                   "caf\xef\xbf\xbd.json"));
}

static void
test_json_control_characters (void)
{
  /* Every control character, escaped in the pack, in an unknown key and so in the path
   * and message of its warning. */
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  const char *files[2] = { NULL, NULL };
  g_autoptr(GPtrArray) objects = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) human = { 0 };
  JsonArray *warnings;

  for (guint c = 1; c < 0x20; c++)
    g_string_append_printf (key, "\\u%04x", c);
  contents = g_strdup_printf ("{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"ctl\","
                              " \"title\": \"T\", \"language\": \"en\", \"as_of\": \"2026\","
                              " \"outline\": [{\"id\": \"a\", \"title\": \"A\"}],"
                              " \"k%s\": 1}", key->str);
  path = write_pack ("control.json", contents);
  files[0] = path;

  run_validate (&run, TRUE, files);
  g_assert_cmpint (run.status, ==, ENTENTE_VALIDATE_EXIT_VALID);
  /* JSON allows no raw control character in a string; the line ends with the only one. */
  for (gsize i = 0; i + 1 < run.out->len; i++)
    g_assert_cmpint ((guchar) run.out->str[i], >=, 0x20);
  g_assert_cmpint (run.out->str[run.out->len - 1], ==, '\n');

  /* On a terminal, they are spelled out too: a key cannot break a line or send an escape
   * sequence. */
  run_validate (&human, FALSE, files);
  g_assert_cmpint (human.status, ==, ENTENTE_VALIDATE_EXIT_VALID);
  for (gsize i = 0; i < human.out->len; i++)
    g_assert_true (human.out->str[i] == '\n' || (guchar) human.out->str[i] >= 0x20);
  g_assert_cmpuint (count_lines (human.out->str), ==, 2);
  g_assert_nonnull (strstr (human.out->str, "\\u001b\\u001c"));

  objects = parse_json_lines (run.out->str);
  warnings = json_object_get_array_member (g_ptr_array_index (objects, 0), "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (warnings, 0),
                                                           "path"),
                            "\x1e\x1f"));
}

static void
test_builtin_pack (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ENTENTE_SOURCE_DIR"),
                                            "data", "packs", "khan-sultana-sco.json", NULL);
  const char *files[] = { path, NULL };
  g_autoptr(GPtrArray) objects = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *object;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the built-in pack is not there yet");
      return;
    }

  run_validate (&run, TRUE, files);
  g_assert_cmpstr (run.err->str, ==, "");
  g_assert_cmpint (run.status, ==, ENTENTE_VALIDATE_EXIT_VALID);

  objects = parse_json_lines (run.out->str);
  object = g_ptr_array_index (objects, 0);
  g_assert_true (json_object_get_boolean_member (object, "valid"));
  g_assert_cmpstr (pack_string (object, "id"), ==, "khan-sultana-sco");
  g_assert_cmpstr (pack_string (object, "language"), ==, "en");
  g_assert_cmpint (member_int (object, "counts", "sections"), >, 0);
  g_assert_cmpint (member_int (object, "members", "member"), >, 0);
  /* Every card of a valid pack has a known kind, and every member a known status. */
  g_assert_cmpint (member_int (object, "counts", "cards"), ==,
                   member_int (object, "cards", "basic") + member_int (object, "cards", "choice") +
                   member_int (object, "cards", "cloze") + member_int (object, "cards", "map"));
  g_assert_cmpint (member_int (object, "counts", "members"), ==,
                   member_int (object, "members", "member") +
                   member_int (object, "members", "observer") +
                   member_int (object, "members", "dialogue-partner") +
                   member_int (object, "members", "partner") +
                   member_int (object, "members", "applicant") +
                   member_int (object, "members", "former-member"));
  /* The built-in pack uses only keys of the format. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "warnings")),
                    ==, 0);
}

/* Every pack in @dir gives @expected, alone and with its summary or refusal. */
static guint
check_directory (const char *dir,
                 int         expected)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (handle == NULL)
    return 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *line = NULL;
      const char *files[] = { path, NULL };
      g_auto(Run) run = { 0 };

      if (!g_str_has_suffix (name, ".json"))
        continue;

      run_validate (&run, FALSE, files);
      if (run.status != expected)
        g_test_message ("%s: %s%s", name, run.out->str, run.err->str);
      g_assert_cmpint (run.status, ==, expected);
      g_assert_cmpstr (run.err->str, ==, "");
      line = g_strdup_printf ("%s: %s — ", path, expected == 0 ? "valid" : "refused");
      g_assert_true (g_str_has_prefix (run.out->str, line));
      n++;
    }

  return n;
}

static void
test_model_fixtures (void)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autofree char *invalid = g_test_build_filename (G_TEST_DIST, "data", "invalid", NULL);
  guint n = 0;

  n += check_directory (valid, ENTENTE_VALIDATE_EXIT_VALID);
  n += check_directory (invalid, ENTENTE_VALIDATE_EXIT_INVALID);

  if (n == 0)
    g_test_skip ("the loader's fixtures are not there yet");
}

static int
spawn_entente (const char * const  *args,
               char               **out,
               char               **err)
{
  const char *build_dir = g_getenv ("ENTENTE_BUILD_DIR");
  g_autofree char *binary = g_build_filename (build_dir, "src", "entente", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* No display at all: the validator must not need one. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "DBUS_SESSION_BUS_ADDRESS");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

static void
test_binary (void)
{
  g_autofree char *binary = g_build_filename (g_getenv ("ENTENTE_BUILD_DIR"),
                                              "src", "entente", NULL);
  g_autofree char *valid = fixture ("valid-warnings.json");
  g_autofree char *refused = fixture ("refused.json");
  g_autofree char *missing = fixture ("no-such-pack.json");
  g_autoptr(GPtrArray) objects = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  if (!g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("src/entente is not built");
      return;
    }

  {
    const char *args[] = { "--validate", valid, NULL };

    g_assert_cmpint (spawn_entente (args, &out, &err), ==, ENTENTE_VALIDATE_EXIT_VALID);
    expected = g_strdup_printf ("%s: valid — ", valid);
    g_assert_true (g_str_has_prefix (out, expected));
    g_assert_nonnull (strstr (out, "\n  warning: outline[0].colour: "));
    g_assert_cmpstr (err, ==, "");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *args[] = { "--validate", "--json", valid, refused, NULL };

    g_assert_cmpint (spawn_entente (args, &out, &err), ==, ENTENTE_VALIDATE_EXIT_INVALID);
    objects = parse_json_lines (out);
    g_assert_cmpuint (objects->len, ==, 2);
    g_assert_true (json_object_get_boolean_member (g_ptr_array_index (objects, 0), "valid"));
    g_assert_false (json_object_get_boolean_member (g_ptr_array_index (objects, 1), "valid"));
    g_assert_cmpstr (err, ==, "");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *args[] = { "--validate", refused, missing, NULL };

    g_assert_cmpint (spawn_entente (args, &out, &err), ==, ENTENTE_VALIDATE_EXIT_USAGE);
    g_assert_nonnull (strstr (out, ": refused — 3 problems\n"));
    g_assert_nonnull (strstr (err, missing));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *args[] = { "--validate", NULL };

    g_assert_cmpint (spawn_entente (args, &out, &err), ==, ENTENTE_VALIDATE_EXIT_USAGE);
    g_assert_cmpstr (out, ==, "");
    g_assert_cmpstr (err, !=, "");
  }
}

#if defined(__SANITIZE_ADDRESS__)
/* GLib is built without frame pointers, so the fast unwinder loses the callers of
 * g_malloc() and the leaks that GLib's test framework makes on purpose could not be
 * told from ours (tests/lsan.supp names them). The slow unwinder sees them. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0:malloc_context_size=10";
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/entente/cli/usage", test_usage);
  g_test_add_func ("/entente/cli/valid/human", test_valid_human);
  g_test_add_func ("/entente/cli/valid/json", test_valid_json);
  g_test_add_func ("/entente/cli/refused/human", test_refused_human);
  g_test_add_func ("/entente/cli/refused/json", test_refused_json);
  g_test_add_func ("/entente/cli/refused/syntax-error", test_syntax_error);
  g_test_add_func ("/entente/cli/refused/truncated", test_truncated);
  g_test_add_func ("/entente/cli/io/missing-file", test_missing_file);
  g_test_add_func ("/entente/cli/io/directory", test_directory);
  g_test_add_func ("/entente/cli/exit-precedence", test_exit_precedence);
  g_test_add_func ("/entente/cli/json/one-line-per-file", test_json_one_line_per_file);
  g_test_add_func ("/entente/cli/summary/singular-and-long-title", test_singular_and_long_title);
  g_test_add_func ("/entente/cli/output-is-utf8", test_output_is_utf8);
  g_test_add_func ("/entente/cli/json/control-characters", test_json_control_characters);
  g_test_add_func ("/entente/cli/builtin-pack", test_builtin_pack);
  g_test_add_func ("/entente/cli/model-fixtures", test_model_fixtures);
  g_test_add_func ("/entente/cli/binary", test_binary);

  return g_test_run ();
}
