/* test-map-quiz.c: map quizzes — each mode, the status filter, choices, scores and JSON
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "entente-map-quiz.h"
#include "entente-model.h"

static EntentePack *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EntentePack *pack;

  pack = entente_pack_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  return pack;
}

static EntentePack *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  EntentePack *pack = entente_pack_load_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  return pack;
}

static EntenteMapQuiz *
new_quiz (EntentePack        *pack,
          EntenteMapQuizMode  mode,
          guint               filter,
          guint               n_questions,
          guint64             seed)
{
  g_autoptr(GError) error = NULL;
  EntenteMapQuiz *quiz = entente_map_quiz_new (pack, mode, filter, n_questions, seed, &error);

  g_assert_no_error (error);
  g_assert_nonnull (quiz);
  return quiz;
}

/* How many of the pack's states pass @filter (with a capital, when @capital). */
static guint
count_states (EntentePack *pack,
              guint        filter,
              gboolean     capital)
{
  GListModel *members = entente_pack_get_members (pack);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(EntenteMember) member = g_list_model_get_item (members, i);
      const char *c = entente_member_get_capital (member);

      if ((filter & ENTENTE_MAP_QUIZ_STATUS (entente_member_get_status (member))) != 0 &&
          (!capital || (c != NULL && c[0] != '\0')))
        n++;
    }

  return n;
}

static char *
describe (EntenteMapQuiz *quiz)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < entente_map_quiz_get_n_questions (quiz); i++)
    {
      const char * const *choices = entente_map_quiz_get_choices (quiz, i);

      g_string_append_printf (s, "%s:%d", entente_map_quiz_get_code (quiz, i),
                              entente_map_quiz_get_right_choice (quiz, i));
      for (guint k = 0; choices != NULL && choices[k] != NULL; k++)
        g_string_append_printf (s, "/%s", choices[k]);
      g_string_append_c (s, ';');
    }

  return g_string_free (s, FALSE);
}

static void
test_map_quiz_find (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  g_autoptr(EntenteMapQuiz) quiz = new_quiz (pack, ENTENTE_MAP_QUIZ_MODE_FIND, ENTENTE_MAP_QUIZ_MEMBERS,
                                             ENTENTE_MAP_QUIZ_ALL_QUESTIONS, 1);
  g_autoptr(EntenteMapQuiz) ten = new_quiz (pack, ENTENTE_MAP_QUIZ_MODE_FIND, ENTENTE_MAP_QUIZ_ALL_STATES,
                                            10, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = entente_map_quiz_get_n_questions (quiz);

  g_assert_cmpuint (n, ==, count_states (pack, ENTENTE_MAP_QUIZ_MEMBERS, FALSE));
  g_assert_cmpuint (n, >, 1);
  g_assert_cmpuint (entente_map_quiz_get_n_questions (ten), ==, 10);

  for (guint i = 0; i < n; i++)
    {
      const char *code = entente_map_quiz_get_code (quiz, i);
      EntenteMember *member = entente_pack_lookup_member (pack, code);
      g_autofree char *expected = NULL;
      g_autofree char *lower = g_ascii_strdown (code, -1);

      g_assert_true (g_hash_table_add (seen, (gpointer) code));
      g_assert_nonnull (member);
      g_assert_cmpint (entente_member_get_status (member), ==, ENTENTE_MEMBER_STATUS_MEMBER);
      g_assert_cmpstr (entente_map_quiz_get_name (quiz, i), ==, entente_member_get_display_name (member));
      expected = g_strdup_printf ("Find %s", entente_member_get_display_name (member));
      g_assert_cmpstr (entente_map_quiz_get_question_text (quiz, i), ==, expected);
      g_assert_null (entente_map_quiz_get_choices (quiz, i));
      g_assert_cmpint (entente_map_quiz_get_right_choice (quiz, i), ==, -1);

      /* Any case; a wrong state is wrong. */
      g_assert_false (entente_map_quiz_answer_code (quiz, i, i == 0 ? "US" : entente_map_quiz_get_code (quiz, 0)));
      g_assert_false (entente_map_quiz_is_correct (quiz, i));
      g_assert_true (entente_map_quiz_answer_code (quiz, i, lower));
      g_assert_true (entente_map_quiz_is_correct (quiz, i));
      g_assert_cmpstr (entente_map_quiz_get_given_code (quiz, i), ==, code);
    }
  g_assert_true (entente_map_quiz_is_finished (quiz));
  g_assert_cmpuint (entente_map_quiz_get_n_correct (quiz), ==, n);

  if (g_test_undefined ())
    {
      g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*MODE_FIND*");
      g_assert_false (entente_map_quiz_answer_choice (quiz, 0, 0));
      g_test_assert_expected_messages ();
    }
}

static void
test_map_quiz_status_filter (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  g_autoptr(EntentePack) fixture = load_fixture ("exam-fixture.json");
  const guint filters[] = {
    ENTENTE_MAP_QUIZ_MEMBERS, ENTENTE_MAP_QUIZ_PARTNERS, ENTENTE_MAP_QUIZ_ALL_STATES,
  };
  g_autoptr(GError) error = NULL;
  EntenteMapQuiz *none;

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      g_autoptr(EntenteMapQuiz) quiz = new_quiz (pack, ENTENTE_MAP_QUIZ_MODE_FIND, filters[f], 0, 3);

      g_assert_cmpuint (entente_map_quiz_get_status_filter (quiz), ==, filters[f]);
      g_assert_cmpuint (entente_map_quiz_get_n_questions (quiz), ==, count_states (pack, filters[f], FALSE));
      for (guint i = 0; i < entente_map_quiz_get_n_questions (quiz); i++)
        {
          EntenteMember *member = entente_pack_lookup_member (pack, entente_map_quiz_get_code (quiz, i));

          g_assert_true ((filters[f] & ENTENTE_MAP_QUIZ_STATUS (entente_member_get_status (member))) != 0);
        }
    }

  /* The fixture: FR, DE, PL members; TR a dialogue partner; NO an observer. */
  {
    g_autoptr(EntenteMapQuiz) partners = new_quiz (fixture, ENTENTE_MAP_QUIZ_MODE_FIND,
                                                   ENTENTE_MAP_QUIZ_PARTNERS, 0, 4);
    g_autoptr(EntenteMapQuiz) observers = new_quiz (fixture, ENTENTE_MAP_QUIZ_MODE_FIND,
                                                    ENTENTE_MAP_QUIZ_STATUS (ENTENTE_MEMBER_STATUS_OBSERVER), 0, 4);

    g_assert_cmpuint (entente_map_quiz_get_n_questions (partners), ==, 2);
    g_assert_cmpuint (entente_map_quiz_get_n_questions (observers), ==, 1);
    g_assert_cmpstr (entente_map_quiz_get_code (observers, 0), ==, "NO");
    g_assert_cmpstr (entente_map_quiz_get_name (observers, 0), ==, "Norway");
  }

  none = entente_map_quiz_new (fixture, ENTENTE_MAP_QUIZ_MODE_FIND,
                               ENTENTE_MAP_QUIZ_STATUS (ENTENTE_MEMBER_STATUS_APPLICANT), 10, 1, &error);
  g_assert_error (error, ENTENTE_MAP_QUIZ_ERROR, ENTENTE_MAP_QUIZ_ERROR_NO_STATES);
  g_assert_null (none);
}

static void
check_choices (EntenteMapQuiz *quiz,
               guint           i,
               const char     *right)
{
  const char * const *choices = entente_map_quiz_get_choices (quiz, i);
  int r = entente_map_quiz_get_right_choice (quiz, i);

  g_assert_nonnull (choices);
  g_assert_cmpuint (g_strv_length ((char **) choices), ==, ENTENTE_MAP_QUIZ_N_CHOICES);
  for (guint a = 0; a < ENTENTE_MAP_QUIZ_N_CHOICES; a++)
    for (guint b = a + 1; b < ENTENTE_MAP_QUIZ_N_CHOICES; b++)
      g_assert_cmpstr (choices[a], !=, choices[b]);
  g_assert_cmpint (r, >=, 0);
  g_assert_cmpint (r, <, ENTENTE_MAP_QUIZ_N_CHOICES);
  g_assert_cmpstr (choices[r], ==, right);
}

static void
test_map_quiz_identify (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  g_autoptr(EntenteMapQuiz) quiz = new_quiz (pack, ENTENTE_MAP_QUIZ_MODE_IDENTIFY,
                                             ENTENTE_MAP_QUIZ_ALL_STATES, 0, 5);
  guint positions[ENTENTE_MAP_QUIZ_N_CHOICES] = { 0, };

  for (guint i = 0; i < entente_map_quiz_get_n_questions (quiz); i++)
    {
      const char * const *codes = entente_map_quiz_get_choice_codes (quiz, i);
      int r = entente_map_quiz_get_right_choice (quiz, i);

      g_assert_cmpstr (entente_map_quiz_get_question_text (quiz, i), ==, "Which state is this?");
      check_choices (quiz, i, entente_map_quiz_get_name (quiz, i));
      g_assert_nonnull (codes);
      g_assert_cmpstr (codes[r], ==, entente_map_quiz_get_code (quiz, i));
      for (guint k = 0; k < ENTENTE_MAP_QUIZ_N_CHOICES; k++)
        {
          EntenteMember *member = entente_pack_lookup_member (pack, codes[k]);

          /* The other choices are states of the pack, shown by name. */
          g_assert_nonnull (member);
          g_assert_cmpstr (entente_map_quiz_get_choices (quiz, i)[k], ==,
                           entente_member_get_display_name (member));
        }
      positions[r]++;

      g_assert_false (entente_map_quiz_answer_choice (quiz, i, (r + 1) % ENTENTE_MAP_QUIZ_N_CHOICES));
      g_assert_true (entente_map_quiz_answer_choice (quiz, i, r));
      g_assert_cmpint (entente_map_quiz_get_given_choice (quiz, i), ==, r);
    }

  /* The right answer is not always in the same place. */
  for (guint k = 0; k < ENTENTE_MAP_QUIZ_N_CHOICES; k++)
    g_assert_cmpuint (positions[k], >, 0);
}

static void
test_map_quiz_capital (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  g_autoptr(EntentePack) fixture = load_fixture ("exam-fixture.json");
  g_autoptr(EntenteMapQuiz) quiz = new_quiz (pack, ENTENTE_MAP_QUIZ_MODE_CAPITAL,
                                             ENTENTE_MAP_QUIZ_ALL_STATES, 20, 6);
  g_autoptr(EntenteMapQuiz) members = new_quiz (fixture, ENTENTE_MAP_QUIZ_MODE_CAPITAL,
                                                ENTENTE_MAP_QUIZ_MEMBERS, 0, 6);

  g_assert_cmpuint (entente_map_quiz_get_n_questions (quiz), ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      EntenteMember *member = entente_pack_lookup_member (pack, entente_map_quiz_get_code (quiz, i));
      g_autofree char *expected = g_strdup_printf ("What is the capital of %s?",
                                                   entente_member_get_display_name (member));

      g_assert_cmpstr (entente_map_quiz_get_question_text (quiz, i), ==, expected);
      g_assert_null (entente_map_quiz_get_choice_codes (quiz, i));
      check_choices (quiz, i, entente_member_get_capital (member));
    }

  /* PL has no capital in the fixture, so only FR and DE are asked; the choices come from
   * every capital of the pack (Paris, Berlin, Ankara, Oslo). */
  g_assert_cmpuint (entente_map_quiz_get_n_questions (members), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const char *code = entente_map_quiz_get_code (members, i);
      const char * const *choices = entente_map_quiz_get_choices (members, i);

      g_assert_true (g_str_equal (code, "FR") || g_str_equal (code, "DE"));
      check_choices (members, i, g_str_equal (code, "FR") ? "Paris" : "Berlin");
      g_assert_true (g_strv_contains (choices, "Ankara"));
      g_assert_true (g_strv_contains (choices, "Oslo"));
    }
}

static void
test_map_quiz_scoring (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  g_autoptr(EntenteMapQuiz) find = new_quiz (pack, ENTENTE_MAP_QUIZ_MODE_FIND, ENTENTE_MAP_QUIZ_MEMBERS, 10, 8);
  g_autoptr(EntenteMapQuiz) capital = new_quiz (pack, ENTENTE_MAP_QUIZ_MODE_CAPITAL, ENTENTE_MAP_QUIZ_ALL_STATES, 10, 8);
  g_autoptr(GArray) mistakes = NULL;
  g_autoptr(GArray) capital_mistakes = NULL;
  const EntenteMapQuizMistake *m;
  int wrong;

  g_assert_cmpuint (entente_map_quiz_get_n_questions (find), ==, 10);
  g_assert_false (entente_map_quiz_is_finished (find));

  /* 7 right, 2 clicked on Japan, 1 not answered. */
  for (guint i = 0; i < 7; i++)
    g_assert_true (entente_map_quiz_answer_code (find, i, entente_map_quiz_get_code (find, i)));
  g_assert_false (entente_map_quiz_answer_code (find, 7, "jp"));
  g_assert_false (entente_map_quiz_answer_code (find, 8, "JP"));
  entente_map_quiz_set_current (find, 9);
  g_assert_cmpuint (entente_map_quiz_get_current (find), ==, 9);

  g_assert_cmpuint (entente_map_quiz_get_n_correct (find), ==, 7);
  g_assert_cmpuint (entente_map_quiz_get_n_answered (find), ==, 9);
  g_assert_false (entente_map_quiz_is_finished (find));
  g_assert_cmpfloat_with_epsilon (entente_map_quiz_get_percent (find), 70.0, 1e-9);

  mistakes = entente_map_quiz_get_mistakes (find);
  g_assert_cmpuint (mistakes->len, ==, 3);
  m = &g_array_index (mistakes, EntenteMapQuizMistake, 0);
  g_assert_cmpstr (m->code, ==, entente_map_quiz_get_code (find, 7));
  g_assert_cmpstr (m->question, ==, entente_map_quiz_get_question_text (find, 7));
  g_assert_cmpstr (m->given, ==, "Japan");
  g_assert_cmpstr (m->right, ==, entente_map_quiz_get_name (find, 7));
  m = &g_array_index (mistakes, EntenteMapQuizMistake, 2);
  g_assert_cmpstr (m->code, ==, entente_map_quiz_get_code (find, 9));
  g_assert_null (m->given);

  /* A changed answer counts as the last one given. */
  g_assert_true (entente_map_quiz_answer_code (find, 8, entente_map_quiz_get_code (find, 8)));
  g_assert_true (entente_map_quiz_answer_code (find, 9, entente_map_quiz_get_code (find, 9)));
  g_assert_true (entente_map_quiz_is_finished (find));
  g_assert_cmpuint (entente_map_quiz_get_n_correct (find), ==, 9);

  wrong = (entente_map_quiz_get_right_choice (capital, 0) + 1) % ENTENTE_MAP_QUIZ_N_CHOICES;
  entente_map_quiz_answer_choice (capital, 0, wrong);
  capital_mistakes = entente_map_quiz_get_mistakes (capital);
  g_assert_cmpuint (capital_mistakes->len, ==, 10);
  m = &g_array_index (capital_mistakes, EntenteMapQuizMistake, 0);
  g_assert_cmpstr (m->given, ==, entente_map_quiz_get_choices (capital, 0)[wrong]);
  g_assert_cmpstr (m->right, ==,
                   entente_member_get_capital (entente_pack_lookup_member (pack, entente_map_quiz_get_code (capital, 0))));
}

static void
test_map_quiz_same_seed (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  const EntenteMapQuizMode modes[] = {
    ENTENTE_MAP_QUIZ_MODE_FIND, ENTENTE_MAP_QUIZ_MODE_IDENTIFY, ENTENTE_MAP_QUIZ_MODE_CAPITAL,
  };

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(EntenteMapQuiz) a = new_quiz (pack, modes[m], ENTENTE_MAP_QUIZ_ALL_STATES, 20, 99);
      g_autoptr(EntenteMapQuiz) b = new_quiz (pack, modes[m], ENTENTE_MAP_QUIZ_ALL_STATES, 20, 99);
      g_autoptr(EntenteMapQuiz) c = new_quiz (pack, modes[m], ENTENTE_MAP_QUIZ_ALL_STATES, 20, 100);
      g_autofree char *da = describe (a);
      g_autofree char *db = describe (b);
      g_autofree char *dc = describe (c);

      g_assert_cmpuint (entente_map_quiz_get_seed (a), ==, 99);
      g_assert_cmpint (entente_map_quiz_get_mode (a), ==, modes[m]);
      g_assert_cmpstr (da, ==, db);
      g_assert_cmpstr (da, !=, dc);
    }
}

static JsonNode *
reparse (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_map_quiz_json (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  const EntenteMapQuizMode modes[] = {
    ENTENTE_MAP_QUIZ_MODE_FIND, ENTENTE_MAP_QUIZ_MODE_IDENTIFY, ENTENTE_MAP_QUIZ_MODE_CAPITAL,
  };

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(EntenteMapQuiz) quiz = new_quiz (pack, modes[m], ENTENTE_MAP_QUIZ_PARTNERS, 10, G_MAXUINT64);
      g_autoptr(EntenteMapQuiz) restored = NULL;
      g_autoptr(EntenteMapQuiz) refused = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(JsonNode) parsed = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) before = NULL;
      g_autoptr(GArray) after = NULL;
      g_autofree char *da = NULL;
      g_autofree char *db = NULL;

      for (guint i = 0; i < 6; i++)
        {
          if (modes[m] == ENTENTE_MAP_QUIZ_MODE_FIND)
            entente_map_quiz_answer_code (quiz, i, i % 2 == 0 ? entente_map_quiz_get_code (quiz, i) : "BR");
          else
            entente_map_quiz_answer_choice (quiz, i, i % ENTENTE_MAP_QUIZ_N_CHOICES);
        }
      entente_map_quiz_set_current (quiz, 6);

      node = entente_map_quiz_to_json (quiz);
      parsed = reparse (node);
      restored = entente_map_quiz_new_from_json (parsed, &error);
      g_assert_no_error (error);
      g_assert_nonnull (restored);

      da = describe (quiz);
      db = describe (restored);
      g_assert_cmpstr (da, ==, db);
      g_assert_cmpstr (entente_map_quiz_get_pack_id (restored), ==, entente_pack_get_id (pack));
      g_assert_cmpint (entente_map_quiz_get_mode (restored), ==, modes[m]);
      g_assert_cmpuint (entente_map_quiz_get_seed (restored), ==, G_MAXUINT64);
      g_assert_cmpuint (entente_map_quiz_get_status_filter (restored), ==, ENTENTE_MAP_QUIZ_PARTNERS);
      g_assert_cmpuint (entente_map_quiz_get_current (restored), ==, 6);
      g_assert_cmpuint (entente_map_quiz_get_n_answered (restored), ==, 6);
      g_assert_cmpuint (entente_map_quiz_get_n_correct (restored), ==, entente_map_quiz_get_n_correct (quiz));
      for (guint i = 0; i < 10; i++)
        {
          g_assert_cmpstr (entente_map_quiz_get_question_text (restored, i), ==,
                           entente_map_quiz_get_question_text (quiz, i));
          g_assert_cmpint (entente_map_quiz_is_correct (restored, i), ==, entente_map_quiz_is_correct (quiz, i));
        }

      before = entente_map_quiz_get_mistakes (quiz);
      after = entente_map_quiz_get_mistakes (restored);
      g_assert_cmpuint (before->len, ==, after->len);
      for (guint i = 0; i < before->len; i++)
        {
          const EntenteMapQuizMistake *a = &g_array_index (before, EntenteMapQuizMistake, i);
          const EntenteMapQuizMistake *b = &g_array_index (after, EntenteMapQuizMistake, i);

          g_assert_cmpstr (a->code, ==, b->code);
          g_assert_cmpstr (a->question, ==, b->question);
          g_assert_cmpstr (a->given, ==, b->given);
          g_assert_cmpstr (a->right, ==, b->right);
        }

      /* Damage is refused. */
      json_object_set_int_member (json_array_get_object_element (json_object_get_array_member (json_node_get_object (parsed),
                                                                                               "questions"), 0),
                                  "right", 7);
      refused = entente_map_quiz_new_from_json (parsed, &error);
      if (modes[m] == ENTENTE_MAP_QUIZ_MODE_FIND)
        {
          /* FIND has no choices: "right" is not read. */
          g_assert_no_error (error);
          g_assert_nonnull (refused);
        }
      else
        {
          g_assert_error (error, ENTENTE_MAP_QUIZ_ERROR, ENTENTE_MAP_QUIZ_ERROR_INVALID);
          g_assert_null (refused);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/map-quiz/find", test_map_quiz_find);
  g_test_add_func ("/map-quiz/status-filter", test_map_quiz_status_filter);
  g_test_add_func ("/map-quiz/identify", test_map_quiz_identify);
  g_test_add_func ("/map-quiz/capital", test_map_quiz_capital);
  g_test_add_func ("/map-quiz/scoring", test_map_quiz_scoring);
  g_test_add_func ("/map-quiz/same-seed", test_map_quiz_same_seed);
  g_test_add_func ("/map-quiz/json", test_map_quiz_json);

  return g_test_run ();
}
