/* test-text.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "entente-text.h"

static void
assert_fold (const char *text,
             const char *expected)
{
  g_autofree char *folded = entente_text_fold (text);

  g_test_message ("folding “%s”", text);
  g_assert_cmpstr (folded, ==, expected);
}

static void
assert_answer (const char *text,
               const char *expected)
{
  g_autofree char *normalized = entente_text_normalize_answer (text);

  g_test_message ("normalising “%s”", text);
  g_assert_cmpstr (normalized, ==, expected);
}

static void
test_fold_latin (void)
{
  assert_fold ("Türkiye", "turkiye");
  assert_fold ("TÜRKIYE", "turkiye");
  assert_fold ("Côte d’Ivoire", "cote d’ivoire");
  assert_fold ("São Tomé and Príncipe", "sao tome and principe");
  assert_fold ("Åland Islands", "aland islands");
  /* Case folding, not just lower case. */
  assert_fold ("Straße", "strasse");
  /* Compatibility forms: a ligature and full-width letters. */
  assert_fold ("ﬁnance", "finance");
  assert_fold ("ＳＣＯ", "sco");
  assert_fold ("", "");
}

static void
test_fold_cyrillic (void)
{
  assert_fold ("ШОС", "шос");
  assert_fold ("Шанхайская организация сотрудничества",
               "шанхаиская организация сотрудничества");
  /* Ё and Й lose their diacritic as other accents do. */
  assert_fold ("Ёлка", "елка");
  assert_fold ("КАЗАХСТАН", "казахстан");
}

static void
test_fold_chinese (void)
{
  /* No case and no marks: unchanged. */
  assert_fold ("上海合作组织", "上海合作组织");
  assert_fold ("中华人民共和国", "中华人民共和国");
}

static void
test_fold_arabic (void)
{
  /* Letters stay; the short-vowel marks (harakat) go, as accents do. */
  assert_fold ("مُنَظَّمَة", "منظمة");
  assert_fold ("منظمة شنغهاي للتعاون", "منظمة شنغهاي للتعاون");
  /* Persian (Arabic script) and Urdu letters are not changed. */
  assert_fold ("ایران", "ایران");
  assert_fold ("پاکستان", "پاکستان");
}

static void
test_fold_invalid (void)
{
  /* Not UTF-8: no crash, nothing to match. */
  assert_fold ("\xff\xfe", "");
}

static void
test_matches (void)
{
  g_autofree char *needle = entente_text_fold ("TÜRK");

  g_assert_true (entente_text_matches ("Republic of Türkiye", needle));
  g_assert_true (entente_text_matches ("TURKIYE", needle));
  g_assert_false (entente_text_matches ("Turkmenistan", "turkiye"));
  g_assert_true (entente_text_matches ("Шанхайская организация", "шанхаи"));
  g_assert_true (entente_text_matches ("上海合作组织", "合作"));
  g_assert_false (entente_text_matches ("上海合作组织", "北京"));
  g_assert_true (entente_text_matches ("anything", ""));
}

static void
test_normalize_answer (void)
{
  assert_answer ("  U.S.A.  ", "usa");
  assert_answer ("Bosnia-Herzegovina", "bosnia herzegovina");
  assert_answer ("Bosnia – Herzegovina", "bosnia herzegovina");
  assert_answer ("Côte d’Ivoire", "cote divoire");
  assert_answer ("Kuala   Lumpur\n", "kuala lumpur");
  assert_answer ("\t(Beijing)!", "beijing");
  assert_answer ("«Москва»", "москва");
  assert_answer ("北京。", "北京");
  assert_answer ("الرياض؟", "الرياض");
  assert_answer ("$100 + 20%", "100 20");
  assert_answer ("snake_case", "snake case");
  assert_answer ("...", "");
  assert_answer ("", "");
}

static void
test_normalize_answer_matches_alike (void)
{
  const char *alike[] = { "Turkiye", "Türkiye", "TÜRKIYE!", "  türkiye. " };
  g_autofree char *first = entente_text_normalize_answer (alike[0]);

  for (guint i = 1; i < G_N_ELEMENTS (alike); i++)
    {
      g_autofree char *other = entente_text_normalize_answer (alike[i]);

      g_assert_cmpstr (other, ==, first);
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
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/entente/text/fold/latin", test_fold_latin);
  g_test_add_func ("/entente/text/fold/cyrillic", test_fold_cyrillic);
  g_test_add_func ("/entente/text/fold/chinese", test_fold_chinese);
  g_test_add_func ("/entente/text/fold/arabic", test_fold_arabic);
  g_test_add_func ("/entente/text/fold/invalid", test_fold_invalid);
  g_test_add_func ("/entente/text/matches", test_matches);
  g_test_add_func ("/entente/text/normalize-answer", test_normalize_answer);
  g_test_add_func ("/entente/text/normalize-answer/alike", test_normalize_answer_matches_alike);

  return g_test_run ();
}
