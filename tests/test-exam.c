/* test-exam.c: practice exams — drawing, answering, timing, results and JSON
 *
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "entente-exam.h"
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

static EntenteExam *
new_exam (EntentePack        *pack,
          const char * const *sections,
          guint               n_questions,
          EntenteExamKinds    kinds,
          guint64             seed)
{
  EntenteExamSettings settings = { sections, n_questions, kinds, 0, seed };
  g_autoptr(GError) error = NULL;
  EntenteExam *exam = entente_exam_new (pack, &settings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (exam);
  return exam;
}

/* The position of @card_id in @exam, or -1. */
static int
find_card (EntenteExam *exam,
           const char  *card_id)
{
  for (guint i = 0; i < entente_exam_get_n_questions (exam); i++)
    if (g_str_equal (entente_card_get_id (entente_exam_get_card (exam, i)), card_id))
      return (int) i;
  return -1;
}

/* A string that holds everything the seed decides, to compare exams. */
static char *
describe (EntenteExam *exam)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < entente_exam_get_n_questions (exam); i++)
    {
      const char * const *choices = entente_exam_get_choices (exam, i);

      g_string_append_printf (s, "%s/%d", entente_card_get_id (entente_exam_get_card (exam, i)),
                              entente_exam_get_cloze_gap (exam, i));
      for (guint k = 0; choices != NULL && choices[k] != NULL; k++)
        g_string_append_printf (s, "/%s", choices[k]);
      g_string_append_c (s, ';');
    }

  return g_string_free (s, FALSE);
}

static void
test_exam_no_repeats (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  guint n_cards = g_list_model_get_n_items (entente_pack_get_cards (pack));
  const guint counts[] = { 10, 20, 40, ENTENTE_EXAM_ALL_QUESTIONS };

  g_assert_cmpuint (n_cards, >, 40);

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    for (guint64 seed = 1; seed <= 20; seed++)
      {
        g_autoptr(EntenteExam) exam = new_exam (pack, NULL, counts[c], ENTENTE_EXAM_KINDS_ALL, seed);
        g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
        guint n = entente_exam_get_n_questions (exam);

        g_assert_cmpuint (n, ==, counts[c] == 0 ? n_cards : counts[c]);
        for (guint i = 0; i < n; i++)
          g_assert_true (g_hash_table_add (seen, (gpointer) entente_card_get_id (entente_exam_get_card (exam, i))));
        g_assert_false (entente_exam_is_running (exam));
        g_assert_cmpuint (entente_exam_get_current (exam), ==, 0);
        g_assert_cmpuint (entente_exam_get_n_answered (exam), ==, 0);
      }
}

static guint
count_in_section (EntenteExam *exam,
                  const char  *section)
{
  guint n = 0;

  for (guint i = 0; i < entente_exam_get_n_questions (exam); i++)
    if (g_strcmp0 (entente_card_get_section (entente_exam_get_card (exam, i)), section) == 0)
      n++;
  return n;
}

static void
test_exam_proportions (void)
{
  g_autoptr(EntentePack) pack = load_fixture ("exam-fixture.json");
  const char *alpha_beta[] = { "alpha", "beta", NULL };
  const char *gamma[] = { "gamma", NULL };
  const char *unknown[] = { "alpha", "no-such-section", NULL };
  EntenteExamSettings settings = { unknown, 10, ENTENTE_EXAM_KINDS_ALL, 0, 1 };
  g_autoptr(GError) error = NULL;
  EntenteExam *failed;

  /* 30 and 10 cards, 8 questions: 6 and 2, whatever the seed. */
  for (guint64 seed = 0; seed < 50; seed++)
    {
      g_autoptr(EntenteExam) exam = new_exam (pack, alpha_beta, 8, ENTENTE_EXAM_KINDS_ALL, seed);

      g_assert_cmpuint (entente_exam_get_n_questions (exam), ==, 8);
      g_assert_cmpuint (count_in_section (exam, "alpha"), ==, 6);
      g_assert_cmpuint (count_in_section (exam, "beta"), ==, 2);
    }

  /* 30, 10 and 5 cards, 10 questions: 6.67, 2.22, 1.11 give 6, 2, 1 and the one left
   * goes to the largest remainder, alpha's. */
  for (guint64 seed = 0; seed < 20; seed++)
    {
      g_autoptr(EntenteExam) exam = new_exam (pack, NULL, 10, ENTENTE_EXAM_KINDS_ALL, seed);

      g_assert_cmpuint (count_in_section (exam, "alpha"), ==, 7);
      g_assert_cmpuint (count_in_section (exam, "beta"), ==, 2);
      g_assert_cmpuint (count_in_section (exam, "gamma-sub"), ==, 1);
    }

  /* A chosen section brings its subsections; more questions than cards asks them all. */
  {
    g_autoptr(EntenteExam) exam = new_exam (pack, gamma, 20, ENTENTE_EXAM_KINDS_ALL, 3);

    g_assert_cmpuint (entente_exam_get_n_questions (exam), ==, 5);
    g_assert_cmpuint (count_in_section (exam, "gamma-sub"), ==, 5);
    g_assert_cmpstr (entente_exam_get_section_ids (exam)[0], ==, "gamma");
    g_assert_null (entente_exam_get_section_ids (exam)[1]);
  }

  failed = entente_exam_new (pack, &settings, &error);
  g_assert_error (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_UNKNOWN_SECTION);
  g_assert_null (failed);
}

static void
test_exam_same_seed (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  g_autoptr(EntenteExam) a = new_exam (pack, NULL, 40, ENTENTE_EXAM_KINDS_ALL, 0x5eed);
  g_autoptr(EntenteExam) b = new_exam (pack, NULL, 40, ENTENTE_EXAM_KINDS_ALL, 0x5eed);
  g_autoptr(EntenteExam) c = new_exam (pack, NULL, 40, ENTENTE_EXAM_KINDS_ALL, 0x5eee);
  g_autoptr(EntenteExam) all_a = new_exam (pack, NULL, 0, ENTENTE_EXAM_KINDS_ALL, 7);
  g_autoptr(EntenteExam) all_b = new_exam (pack, NULL, 0, ENTENTE_EXAM_KINDS_ALL, 8);
  g_autofree char *da = describe (a);
  g_autofree char *db = describe (b);
  g_autofree char *dc = describe (c);
  g_autofree char *dall_a = describe (all_a);
  g_autofree char *dall_b = describe (all_b);
  gboolean shuffled = FALSE;

  g_assert_cmpuint (entente_exam_get_seed (a), ==, 0x5eed);
  g_assert_cmpstr (da, ==, db);
  g_assert_cmpstr (da, !=, dc);
  /* Every card, yet in another order. */
  g_assert_cmpstr (dall_a, !=, dall_b);

  /* Choices are shown in the seed's order, not always the card's. */
  for (guint i = 0; i < entente_exam_get_n_questions (all_a); i++)
    {
      const char * const *shown = entente_exam_get_choices (all_a, i);
      EntenteCard *card = entente_exam_get_card (all_a, i);
      int right = entente_exam_get_right_choice (all_a, i);

      if (shown == NULL)
        {
          g_assert_cmpint (right, ==, -1);
          continue;
        }
      g_assert_cmpuint (g_strv_length ((char **) shown), ==,
                        g_strv_length ((char **) entente_card_get_choices (card)));
      g_assert_cmpstr (shown[right], ==,
                       entente_card_get_choices (card)[entente_card_get_answer_index (card)]);
      for (guint k = 0; shown[k] != NULL; k++)
        if (shown[k] != entente_card_get_choices (card)[k])
          shuffled = TRUE;
    }
  g_assert_true (shuffled);
}

static void
test_exam_kinds (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  g_autoptr(EntentePack) fixture = load_fixture ("review-fixture.json");
  const EntenteExamKinds masks[] = {
    ENTENTE_EXAM_KIND_CHOICE, ENTENTE_EXAM_KIND_BASIC, ENTENTE_EXAM_KIND_CLOZE,
    ENTENTE_EXAM_KIND_MAP, ENTENTE_EXAM_KIND_BASIC | ENTENTE_EXAM_KIND_CLOZE,
  };
  const char *institutions[] = { "institutions", NULL };
  EntenteExamSettings settings = { institutions, 10, ENTENTE_EXAM_KIND_MAP, 0, 1 };
  g_autoptr(GError) error = NULL;
  EntenteExam *failed;

  for (guint m = 0; m < G_N_ELEMENTS (masks); m++)
    {
      g_autoptr(EntenteExam) exam = new_exam (pack, NULL, 0, masks[m], 11);
      guint expected = 0;
      GListModel *cards = entente_pack_get_cards (pack);

      for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
        {
          g_autoptr(EntenteCard) card = g_list_model_get_item (cards, i);
          EntenteCardKind kind = entente_card_get_kind (card);

          if ((kind == ENTENTE_CARD_KIND_CHOICE && (masks[m] & ENTENTE_EXAM_KIND_CHOICE)) ||
              (kind == ENTENTE_CARD_KIND_BASIC && (masks[m] & ENTENTE_EXAM_KIND_BASIC)) ||
              (kind == ENTENTE_CARD_KIND_CLOZE && (masks[m] & ENTENTE_EXAM_KIND_CLOZE)) ||
              (kind == ENTENTE_CARD_KIND_MAP && (masks[m] & ENTENTE_EXAM_KIND_MAP)))
            expected++;
        }

      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpuint (entente_exam_get_n_questions (exam), ==, expected);
      g_assert_cmpint (entente_exam_get_kinds (exam), ==, masks[m]);
      for (guint i = 0; i < entente_exam_get_n_questions (exam); i++)
        g_assert_true ((entente_exam_get_kind (exam, i) & masks[m]) != 0);
    }

  /* The institutions section has a basic card only. */
  failed = entente_exam_new (fixture, &settings, &error);
  g_assert_error (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_NO_CARDS);
  g_assert_null (failed);
}

static void
test_exam_typed_matching (void)
{
  g_autoptr(EntentePack) pack = load_fixture ("review-fixture.json");
  g_autoptr(EntentePack) fixture = load_fixture ("exam-fixture.json");
  g_autoptr(EntenteExam) exam = new_exam (pack, NULL, 0, ENTENTE_EXAM_KINDS_ALL, 42);
  const char *gamma[] = { "gamma", NULL };
  g_autoptr(EntenteExam) accents = new_exam (fixture, gamma, 0, ENTENTE_EXAM_KINDS_ALL, 42);
  int paris = find_card (exam, "card-paris");
  int warsaw = find_card (exam, "card-warsaw");
  int poland = find_card (exam, "card-map-poland");
  int berlin = find_card (exam, "card-berlin");
  int turkiye = find_card (accents, "turkiye");
  const char *right_basic[] = { "Paris", "paris", "  PARIS!! ", "Paris, France", "paris france", "PÀRIS" };
  const char *wrong_basic[] = { "", "   ", "!!!", "Pari", "Москва", "باريس", "巴黎", "Paris Berlin",
                                "\xff\xfe not UTF-8" };
  g_autofree char *prompt = NULL;
  g_autofree char *right = NULL;
  int shown_right;

  g_assert_cmpuint (entente_exam_get_n_questions (exam), ==, 5);
  g_assert_cmpint (paris, >=, 0);
  g_assert_cmpint (entente_exam_get_kind (exam, paris), ==, ENTENTE_EXAM_KIND_BASIC);

  for (guint i = 0; i < G_N_ELEMENTS (right_basic); i++)
    {
      g_assert_true (entente_exam_answer_text (exam, paris, right_basic[i]));
      g_assert_true (entente_exam_is_correct (exam, paris));
      g_assert_cmpstr (entente_exam_get_given_text (exam, paris), ==, right_basic[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wrong_basic); i++)
    {
      g_assert_false (entente_exam_answer_text (exam, paris, wrong_basic[i]));
      g_assert_true (entente_exam_is_answered (exam, paris));
      g_assert_false (entente_exam_is_correct (exam, paris));
    }

  /* A cloze question asks for its one gap. */
  g_assert_cmpint (entente_exam_get_kind (exam, warsaw), ==, ENTENTE_EXAM_KIND_CLOZE);
  g_assert_cmpint (entente_exam_get_cloze_gap (exam, warsaw), ==, 0);
  prompt = entente_exam_dup_prompt (exam, warsaw, "___");
  g_assert_cmpstr (prompt, ==, "The capital of Poland is ___.");
  right = entente_exam_dup_right_answer (exam, warsaw);
  g_assert_cmpstr (right, ==, "Warsaw");
  g_assert_true (entente_exam_answer_text (exam, warsaw, "warsaw."));
  g_assert_false (entente_exam_answer_text (exam, warsaw, "Варшава"));
  g_assert_false (entente_exam_answer_text (exam, warsaw, "وارسو"));

  /* Accents do not count, and "accept" texts count too. */
  g_assert_true (entente_exam_answer_text (accents, turkiye, "turkiye"));
  g_assert_true (entente_exam_answer_text (accents, turkiye, "TÜRKİYE"));
  g_assert_true (entente_exam_answer_text (accents, turkiye, "republic of turkiye"));
  g_assert_false (entente_exam_answer_text (accents, turkiye, "Turkey"));
  g_assert_false (entente_exam_answer_text (accents, turkiye, "Түркия"));

  /* Map answers are codes, in any case. */
  g_assert_true (entente_exam_answer_map (exam, poland, "pl"));
  g_assert_cmpstr (entente_exam_get_given_text (exam, poland), ==, "PL");
  g_assert_false (entente_exam_answer_map (exam, poland, "DE"));
  g_assert_false (entente_exam_answer_map (exam, poland, "Польша"));
  g_clear_pointer (&right, g_free);
  right = entente_exam_dup_right_answer (exam, poland);
  g_assert_cmpstr (right, ==, "Poland");

  /* A choice question's answer is the shown position. */
  shown_right = entente_exam_get_right_choice (exam, berlin);
  g_assert_cmpstr (entente_exam_get_choices (exam, berlin)[shown_right], ==, "Berlin");
  g_assert_true (entente_exam_answer_choice (exam, berlin, shown_right));
  g_assert_cmpint (entente_exam_get_given_choice (exam, berlin), ==, shown_right);
  g_assert_false (entente_exam_answer_choice (exam, berlin, (shown_right + 1) % 4));

  /* Wrong kinds of answer are refused. */
  if (g_test_undefined ())
    {
      g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*kinds*");
      g_assert_false (entente_exam_answer_map (exam, paris, "FR"));
      g_test_assert_expected_messages ();

      /* A choice that is not there leaves the earlier answer as it was. */
      g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*shown_choice*");
      g_assert_false (entente_exam_answer_choice (exam, berlin, 4));
      g_test_assert_expected_messages ();
      g_assert_cmpint (entente_exam_get_given_choice (exam, berlin), ==, (shown_right + 1) % 4);
      g_assert_true (entente_exam_is_answered (exam, berlin));
    }
}

static void
test_exam_scoring (void)
{
  g_autoptr(EntentePack) pack = load_fixture ("review-fixture.json");
  g_autoptr(EntenteExam) exam = new_exam (pack, NULL, 0, ENTENTE_EXAM_KINDS_ALL, 9);
  g_autoptr(EntenteExam) tied = new_exam (pack, NULL, 0, ENTENTE_EXAM_KINDS_ALL, 9);
  g_autoptr(EntenteExamResult) result = NULL;
  g_autoptr(EntenteExamResult) tied_result = NULL;
  const EntenteExamSectionScore *score;
  const EntenteExamMistake *mistake;
  int berlin = find_card (exam, "card-berlin");
  int wrong_choice = (entente_exam_get_right_choice (exam, berlin) + 1) % 4;

  /* capitals-west 1/1, capitals 2/3, institutions 0/1 (not answered). */
  entente_exam_resume (exam, 1000);
  entente_exam_answer_text (exam, find_card (exam, "card-paris"), "Paris");
  entente_exam_answer_choice (exam, berlin, wrong_choice);
  entente_exam_answer_text (exam, find_card (exam, "card-warsaw"), "Warsaw");
  entente_exam_answer_map (exam, find_card (exam, "card-map-poland"), "pl");
  entente_exam_finish (exam, 1000 + 65 * G_USEC_PER_SEC);
  g_assert_true (entente_exam_is_finished (exam));
  g_assert_false (entente_exam_is_running (exam));

  result = entente_exam_dup_result (exam);
  g_assert_cmpstr (entente_exam_result_get_pack_id (result), ==, "review-fixture");
  g_assert_cmpuint (entente_exam_result_get_seed (result), ==, 9);
  g_assert_cmpuint (entente_exam_result_get_n_questions (result), ==, 5);
  g_assert_cmpuint (entente_exam_result_get_n_correct (result), ==, 3);
  g_assert_cmpfloat_with_epsilon (entente_exam_result_get_percent (result), 60.0, 1e-9);
  g_assert_cmpint (entente_exam_result_get_elapsed (result), ==, 65 * G_USEC_PER_SEC);

  g_assert_cmpuint (entente_exam_result_get_n_sections (result), ==, 3);
  score = entente_exam_result_get_section (result, 0);
  g_assert_cmpstr (score->section_id, ==, "institutions");
  g_assert_cmpstr (score->title, ==, "Institutions");
  g_assert_cmpuint (score->n_correct, ==, 0);
  g_assert_cmpuint (score->n_questions, ==, 1);
  score = entente_exam_result_get_section (result, 1);
  g_assert_cmpstr (score->section_id, ==, "capitals");
  g_assert_cmpuint (score->n_correct, ==, 2);
  g_assert_cmpuint (score->n_questions, ==, 3);
  score = entente_exam_result_get_section (result, 2);
  g_assert_cmpstr (score->section_id, ==, "capitals-west");

  /* Every wrong answer beside the right one, in the exam's order. */
  g_assert_cmpuint (entente_exam_result_get_n_mistakes (result), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      mistake = entente_exam_result_get_mistake (result, i);
      if (g_str_equal (mistake->card_id, "card-berlin"))
        {
          g_assert_cmpint (mistake->kind, ==, ENTENTE_EXAM_KIND_CHOICE);
          g_assert_cmpstr (mistake->prompt, ==, "Which city is the capital of Germany?");
          g_assert_cmpstr (mistake->given, ==, entente_exam_get_choices (exam, berlin)[wrong_choice]);
          g_assert_cmpstr (mistake->given, !=, "Berlin");
          g_assert_cmpstr (mistake->right, ==, "Berlin");
          g_assert_true (g_str_has_prefix (mistake->explanation, "Bonn was"));
        }
      else
        {
          g_assert_cmpstr (mistake->card_id, ==, "card-council");
          g_assert_null (mistake->given);
          g_assert_cmpstr (mistake->right, ==, "The European Council");
        }
    }
  g_assert_cmpuint (g_strv_length ((char **) entente_exam_result_get_wrong_card_ids (result)), ==, 2);
  g_assert_true (g_strv_contains (entente_exam_result_get_wrong_card_ids (result), "card-berlin"));
  g_assert_true (g_strv_contains (entente_exam_result_get_wrong_card_ids (result), "card-council"));

  /* Equal percentages: the section with more questions first. capitals 0/3,
   * institutions 0/1, capitals-west 0/1, the last two in the pack's order. */
  tied_result = entente_exam_dup_result (tied);
  g_assert_cmpuint (entente_exam_result_get_n_correct (tied_result), ==, 0);
  g_assert_cmpfloat (entente_exam_result_get_percent (tied_result), ==, 0.0);
  g_assert_cmpstr (entente_exam_result_get_section (tied_result, 0)->section_id, ==, "capitals");
  g_assert_cmpstr (entente_exam_result_get_section (tied_result, 1)->section_id, ==, "capitals-west");
  g_assert_cmpstr (entente_exam_result_get_section (tied_result, 2)->section_id, ==, "institutions");
  g_assert_cmpuint (entente_exam_result_get_n_mistakes (tied_result), ==, 5);
}

static void
test_exam_override (void)
{
  g_autoptr(EntentePack) pack = load_fixture ("review-fixture.json");
  g_autoptr(EntenteExam) exam = new_exam (pack, NULL, 0, ENTENTE_EXAM_KINDS_ALL, 5);
  int council = find_card (exam, "card-council");
  g_autoptr(EntenteExamResult) before = NULL;
  g_autoptr(EntenteExamResult) after = NULL;

  /* "Council of heads" is close enough for the learner, not for the matcher. */
  g_assert_false (entente_exam_answer_text (exam, council, "Council of heads"));
  g_assert_false (entente_exam_get_override (exam, council));
  before = entente_exam_dup_result (exam);

  entente_exam_set_override (exam, council, TRUE);
  g_assert_true (entente_exam_get_override (exam, council));
  g_assert_true (entente_exam_is_correct (exam, council));
  after = entente_exam_dup_result (exam);
  g_assert_cmpuint (entente_exam_result_get_n_correct (after), ==,
                    entente_exam_result_get_n_correct (before) + 1);
  g_assert_false (g_strv_contains (entente_exam_result_get_wrong_card_ids (after), "card-council"));

  entente_exam_set_override (exam, council, FALSE);
  g_assert_false (entente_exam_is_correct (exam, council));

  /* A new answer drops the override. */
  entente_exam_set_override (exam, council, TRUE);
  g_assert_false (entente_exam_answer_text (exam, council, "The Commission"));
  g_assert_false (entente_exam_get_override (exam, council));
  g_assert_false (entente_exam_is_correct (exam, council));

  /* The results show the answers after the exam: it can still be counted there. */
  entente_exam_finish (exam, 0);
  entente_exam_set_override (exam, council, TRUE);
  g_assert_true (entente_exam_is_correct (exam, council));
  g_clear_pointer (&after, entente_exam_result_free);
  after = entente_exam_dup_result (exam);
  g_assert_false (g_strv_contains (entente_exam_result_get_wrong_card_ids (after), "card-council"));

  if (g_test_undefined ())
    {
      int other = council == 0 ? 1 : 0;

      g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*answered*");
      entente_exam_set_override (exam, other, TRUE);
      g_test_assert_expected_messages ();
      g_assert_false (entente_exam_is_correct (exam, other));
    }
}

static void
test_exam_timing (void)
{
  g_autoptr(EntentePack) pack = load_fixture ("review-fixture.json");
  EntenteExamSettings settings = { NULL, 0, ENTENTE_EXAM_KINDS_ALL, 60, 1 };
  g_autoptr(EntenteExam) exam = entente_exam_new (pack, &settings, NULL);
  const gint64 s = G_USEC_PER_SEC;

  g_assert_nonnull (exam);
  g_assert_cmpint (entente_exam_get_elapsed (exam, 500 * s), ==, 0);
  g_assert_cmpint (entente_exam_get_remaining (exam, 500 * s), ==, 60 * s);

  entente_exam_resume (exam, 1000 * s);
  g_assert_true (entente_exam_is_running (exam));
  g_assert_cmpint (entente_exam_get_elapsed (exam, 1010 * s), ==, 10 * s);
  entente_exam_resume (exam, 1005 * s); /* already running: nothing changes */
  entente_exam_pause (exam, 1020 * s);
  g_assert_false (entente_exam_is_running (exam));
  g_assert_cmpint (entente_exam_get_elapsed (exam, 5000 * s), ==, 20 * s);
  entente_exam_pause (exam, 6000 * s); /* already paused */
  g_assert_cmpint (entente_exam_get_elapsed (exam, 7000 * s), ==, 20 * s);

  entente_exam_resume (exam, 8000 * s);
  g_assert_cmpint (entente_exam_get_elapsed (exam, 8030 * s), ==, 50 * s);
  g_assert_cmpint (entente_exam_get_remaining (exam, 8030 * s), ==, 10 * s);
  g_assert_false (entente_exam_is_time_up (exam, 8039 * s));
  g_assert_true (entente_exam_is_time_up (exam, 8040 * s));
  g_assert_cmpint (entente_exam_get_remaining (exam, 9000 * s), ==, 0);

  /* Finishing late counts the time limit, not the time since. */
  entente_exam_finish (exam, 9000 * s);
  g_assert_true (entente_exam_is_finished (exam));
  g_assert_cmpint (entente_exam_get_elapsed (exam, 9999 * s), ==, 60 * s);
  entente_exam_resume (exam, 10000 * s);
  g_assert_false (entente_exam_is_running (exam));

  /* Without a limit nothing is ever up. */
  settings.time_limit = 0;
  {
    g_autoptr(EntenteExam) open = entente_exam_new (pack, &settings, NULL);

    entente_exam_resume (open, 0);
    g_assert_cmpint (entente_exam_get_remaining (open, 1000000 * s), ==, -1);
    g_assert_false (entente_exam_is_time_up (open, 1000000 * s));
    entente_exam_finish (open, 3600 * s);
    g_assert_cmpint (entente_exam_get_elapsed (open, 0), ==, 3600 * s);
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
test_exam_json_in_progress (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  g_autoptr(EntentePack) other = load_fixture ("review-fixture.json");
  GListModel *outline = entente_pack_get_outline (pack);
  g_autoptr(EntenteSection) first = g_list_model_get_item (outline, 1);
  g_autoptr(EntenteSection) second = g_list_model_get_item (outline, 2);
  const char *sections[] = { entente_section_get_id (first), entente_section_get_id (second), NULL };
  EntenteExamSettings settings = { sections, 20, ENTENTE_EXAM_KINDS_ALL, 1800, G_MAXUINT64 - 5 };
  g_autoptr(EntenteExam) exam = entente_exam_new (pack, &settings, NULL);
  g_autoptr(EntenteExam) restored = NULL;
  g_autoptr(EntenteExam) refused = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n;

  g_assert_nonnull (exam);
  n = entente_exam_get_n_questions (exam);
  g_assert_cmpuint (n, >=, 8);

  /* Answer every kind, one wrongly with an override. */
  entente_exam_resume (exam, 100);
  for (guint i = 0; i < n; i += 2)
    {
      switch ((int) entente_exam_get_kind (exam, i))
        {
        case ENTENTE_EXAM_KIND_CHOICE:
          entente_exam_answer_choice (exam, i, 1);
          break;
        case ENTENTE_EXAM_KIND_MAP:
          entente_exam_answer_map (exam, i, "kz");
          break;
        default:
          {
            g_autofree char *right = entente_exam_dup_right_answer (exam, i);

            entente_exam_answer_text (exam, i, i % 4 == 0 ? right : "Ташкент — ملاحظة");
          }
          break;
        }
    }
  entente_exam_set_override (exam, 2, TRUE);
  entente_exam_set_current (exam, 5);

  node = entente_exam_to_json (exam, 100 + 42 * G_USEC_PER_SEC);
  parsed = reparse (node);
  restored = entente_exam_new_from_json (pack, parsed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);

  before = describe (exam);
  after = describe (restored);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (entente_exam_get_seed (restored), ==, G_MAXUINT64 - 5);
  g_assert_cmpuint (entente_exam_get_time_limit (restored), ==, 1800);
  g_assert_cmpint (entente_exam_get_kinds (restored), ==, ENTENTE_EXAM_KINDS_ALL);
  g_assert_cmpuint (entente_exam_get_current (restored), ==, 5);
  g_assert_false (entente_exam_is_running (restored));
  g_assert_false (entente_exam_is_finished (restored));
  g_assert_cmpint (entente_exam_get_elapsed (restored, 0), ==, 42 * G_USEC_PER_SEC);
  g_assert_true (g_strv_equal (entente_exam_get_section_ids (restored),
                               entente_exam_get_section_ids (exam)));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (entente_exam_is_answered (restored, i), ==, entente_exam_is_answered (exam, i));
      g_assert_cmpint (entente_exam_is_correct (restored, i), ==, entente_exam_is_correct (exam, i));
      g_assert_cmpint (entente_exam_get_override (restored, i), ==, entente_exam_get_override (exam, i));
      g_assert_cmpint (entente_exam_get_given_choice (restored, i), ==, entente_exam_get_given_choice (exam, i));
      g_assert_cmpstr (entente_exam_get_given_text (restored, i), ==, entente_exam_get_given_text (exam, i));
    }
  g_assert_true (entente_exam_get_override (restored, 2));

  /* It goes on where it stopped. */
  entente_exam_resume (restored, 5000);
  entente_exam_finish (restored, 5000 + G_USEC_PER_SEC);
  g_assert_cmpint (entente_exam_get_elapsed (restored, 0), ==, 43 * G_USEC_PER_SEC);

  /* Another pack, or damage, is refused with a message. */
  refused = entente_exam_new_from_json (other, parsed, &error);
  g_assert_error (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_OTHER_PACK);
  g_assert_null (refused);
  g_clear_error (&error);

  json_object_set_string_member (json_node_get_object (parsed), "seed", "not hex");
  refused = entente_exam_new_from_json (pack, parsed, &error);
  g_assert_error (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_INVALID);
  g_assert_null (refused);
  g_clear_error (&error);

  g_clear_pointer (&parsed, json_node_unref);
  parsed = reparse (node);
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (json_node_get_object (parsed),
                                                                                              "questions"), 0),
                                 "card", "no-such-card");
  refused = entente_exam_new_from_json (pack, parsed, &error);
  g_assert_error (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_OTHER_PACK);
  g_assert_null (refused);
}

static void
test_exam_json_result (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  g_autoptr(EntenteExam) exam = new_exam (pack, NULL, 40, ENTENTE_EXAM_KINDS_ALL, 1234);
  g_autoptr(EntenteExamResult) result = NULL;
  g_autoptr(EntenteExamResult) restored = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;

  entente_exam_resume (exam, 0);
  for (guint i = 0; i < 40; i++)
    {
      if (entente_exam_get_kind (exam, i) == ENTENTE_EXAM_KIND_CHOICE)
        entente_exam_answer_choice (exam, i, (guint) entente_exam_get_right_choice (exam, i));
      else if (entente_exam_get_kind (exam, i) == ENTENTE_EXAM_KIND_MAP)
        entente_exam_answer_map (exam, i, "xx");
      else if (i % 3 == 0)
        entente_exam_answer_text (exam, i, "wrong");
    }
  entente_exam_finish (exam, 777);
  result = entente_exam_dup_result (exam);
  g_assert_cmpuint (entente_exam_result_get_n_mistakes (result), >, 0);
  g_assert_cmpuint (entente_exam_result_get_n_correct (result), >, 0);

  node = entente_exam_result_to_json (result);
  parsed = reparse (node);
  restored = entente_exam_result_new_from_json (parsed, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (entente_exam_result_get_pack_id (restored), ==, entente_pack_get_id (pack));
  g_assert_cmpuint (entente_exam_result_get_seed (restored), ==, 1234);
  g_assert_cmpuint (entente_exam_result_get_n_questions (restored), ==, 40);
  g_assert_cmpuint (entente_exam_result_get_n_correct (restored), ==, entente_exam_result_get_n_correct (result));
  g_assert_cmpint (entente_exam_result_get_elapsed (restored), ==, 777);
  g_assert_cmpuint (entente_exam_result_get_n_sections (restored), ==, entente_exam_result_get_n_sections (result));
  for (guint i = 0; i < entente_exam_result_get_n_sections (result); i++)
    {
      const EntenteExamSectionScore *a = entente_exam_result_get_section (result, i);
      const EntenteExamSectionScore *b = entente_exam_result_get_section (restored, i);

      g_assert_cmpstr (a->section_id, ==, b->section_id);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpuint (a->n_correct, ==, b->n_correct);
      g_assert_cmpuint (a->n_questions, ==, b->n_questions);
    }
  g_assert_cmpuint (entente_exam_result_get_n_mistakes (restored), ==, entente_exam_result_get_n_mistakes (result));
  for (guint i = 0; i < entente_exam_result_get_n_mistakes (result); i++)
    {
      const EntenteExamMistake *a = entente_exam_result_get_mistake (result, i);
      const EntenteExamMistake *b = entente_exam_result_get_mistake (restored, i);

      g_assert_cmpstr (a->card_id, ==, b->card_id);
      g_assert_cmpstr (a->section_id, ==, b->section_id);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->prompt, ==, b->prompt);
      g_assert_cmpstr (a->given, ==, b->given);
      g_assert_cmpstr (a->right, ==, b->right);
      g_assert_cmpstr (a->explanation, ==, b->explanation);
    }
  g_assert_true (g_strv_equal (entente_exam_result_get_wrong_card_ids (restored),
                               entente_exam_result_get_wrong_card_ids (result)));

  /* Counts that do not add up are refused. */
  json_object_set_int_member (json_node_get_object (parsed), "n_correct", 40);
  g_clear_pointer (&restored, entente_exam_result_free);
  restored = entente_exam_result_new_from_json (parsed, &error);
  g_assert_error (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_INVALID);
  g_assert_null (restored);
}

static void
test_exam_retake (void)
{
  g_autoptr(EntentePack) pack = load_builtin ();
  g_autoptr(EntenteExam) exam = new_exam (pack, NULL, 20, ENTENTE_EXAM_KINDS_ALL, 77);
  g_autoptr(EntenteExam) retake = NULL;
  g_autoptr(EntenteExam) perfect = new_exam (pack, NULL, 10, ENTENTE_EXAM_KIND_CHOICE, 78);
  g_autoptr(EntenteExamResult) result = NULL;
  g_autoptr(EntenteExamResult) perfect_result = NULL;
  g_autoptr(GHashTable) wrong = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  const char * const *ids;
  guint64 seed;
  EntenteExam *none;

  /* Right on even positions only (unanswered ones are wrong). */
  for (guint i = 0; i < 20; i += 2)
    {
      g_autofree char *right = entente_exam_dup_right_answer (exam, i);

      switch ((int) entente_exam_get_kind (exam, i))
        {
        case ENTENTE_EXAM_KIND_CHOICE:
          g_assert_true (entente_exam_answer_choice (exam, i, entente_exam_get_right_choice (exam, i)));
          break;
        case ENTENTE_EXAM_KIND_MAP:
          g_assert_true (entente_exam_answer_map (exam, i, entente_card_get_answer_code (entente_exam_get_card (exam, i))));
          break;
        default:
          g_assert_true (entente_exam_answer_text (exam, i, right));
          break;
        }
    }
  entente_exam_finish (exam, 0);
  result = entente_exam_dup_result (exam);
  ids = entente_exam_result_get_wrong_card_ids (result);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 10);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (wrong, (gpointer) ids[i]);

  seed = entente_exam_make_seed ();
  if (seed == 77)
    seed++;
  retake = entente_exam_new_retake (pack, result, seed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entente_exam_get_seed (retake), ==, seed);
  g_assert_cmpuint (entente_exam_get_n_questions (retake), ==, 10);
  for (guint i = 0; i < 10; i++)
    g_assert_true (g_hash_table_remove (wrong, entente_card_get_id (entente_exam_get_card (retake, i))));
  g_assert_cmpuint (g_hash_table_size (wrong), ==, 0);
  g_assert_cmpuint (entente_exam_get_n_answered (retake), ==, 0);

  /* Nothing to retake after a perfect exam. */
  for (guint i = 0; i < entente_exam_get_n_questions (perfect); i++)
    entente_exam_answer_choice (perfect, i, entente_exam_get_right_choice (perfect, i));
  perfect_result = entente_exam_dup_result (perfect);
  g_assert_cmpfloat (entente_exam_result_get_percent (perfect_result), ==, 100.0);
  g_assert_null (entente_exam_result_get_wrong_card_ids (perfect_result)[0]);
  none = entente_exam_new_retake (pack, perfect_result, 1, &error);
  g_assert_error (error, ENTENTE_EXAM_ERROR, ENTENTE_EXAM_ERROR_NO_CARDS);
  g_assert_null (none);
}

static void
test_exam_seed_text (void)
{
  const guint64 seeds[] = { 0, 1, 0xdeadbeef, G_MAXUINT64 };
  guint64 parsed;

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *text = entente_exam_format_seed (seeds[i]);

      g_assert_cmpuint (strlen (text), ==, 16);
      g_assert_true (entente_exam_parse_seed (text, &parsed));
      g_assert_cmpuint (parsed, ==, seeds[i]);
    }

  g_assert_true (entente_exam_parse_seed ("DEADBEEF", &parsed));
  g_assert_cmpuint (parsed, ==, 0xdeadbeef);
  g_assert_false (entente_exam_parse_seed ("", &parsed));
  g_assert_false (entente_exam_parse_seed ("12345678901234567", &parsed));
  g_assert_false (entente_exam_parse_seed ("12g4", &parsed));
  g_assert_false (entente_exam_parse_seed (NULL, &parsed));
  g_assert_cmpuint (entente_exam_make_seed (), !=, entente_exam_make_seed ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/exam/no-repeats", test_exam_no_repeats);
  g_test_add_func ("/exam/proportions", test_exam_proportions);
  g_test_add_func ("/exam/same-seed", test_exam_same_seed);
  g_test_add_func ("/exam/kinds", test_exam_kinds);
  g_test_add_func ("/exam/typed-matching", test_exam_typed_matching);
  g_test_add_func ("/exam/scoring", test_exam_scoring);
  g_test_add_func ("/exam/override", test_exam_override);
  g_test_add_func ("/exam/timing", test_exam_timing);
  g_test_add_func ("/exam/json-in-progress", test_exam_json_in_progress);
  g_test_add_func ("/exam/json-result", test_exam_json_result);
  g_test_add_func ("/exam/retake", test_exam_retake);
  g_test_add_func ("/exam/seed-text", test_exam_seed_text);

  return g_test_run ();
}
