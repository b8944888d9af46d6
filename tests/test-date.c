/* test-date.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "entente-date.h"
#include "entente-model-private.h"

static void
assert_parses (const char *text,
               int         year,
               int         month,
               int         day)
{
  EntenteDate date = { -1, -1, -1 };

  g_test_message ("parsing “%s”", text);
  g_assert_true (entente_date_parse (text, &date));
  g_assert_cmpint (date.year, ==, year);
  g_assert_cmpint (date.month, ==, month);
  g_assert_cmpint (date.day, ==, day);
  g_assert_true (entente_date_is_set (&date));
}

static void
assert_refused (const char       *text,
                EntenteDateParse  why)
{
  EntenteDate date = { 7, 7, 7 };

  g_test_message ("refusing “%s”", text);
  g_assert_false (entente_date_parse (text, &date));
  /* A refused date leaves the output alone. */
  g_assert_cmpint (date.year, ==, 7);
  g_assert_cmpint (date.month, ==, 7);
  g_assert_cmpint (date.day, ==, 7);
  g_assert_cmpint (_entente_date_parse_full (text, NULL), ==, why);
}

static void
test_parse_valid (void)
{
  assert_parses ("2001", 2001, 0, 0);
  assert_parses ("2001-06", 2001, 6, 0);
  assert_parses ("2001-06-15", 2001, 6, 15);
  assert_parses ("0001-01-01", 1, 1, 1);
  assert_parses ("9999-12-31", 9999, 12, 31);
  assert_parses ("2023-01-31", 2023, 1, 31);
  assert_parses ("2023-04-30", 2023, 4, 30);
  assert_parses ("2023-02-28", 2023, 2, 28);
  g_assert_true (entente_date_parse ("2001-06-15", NULL));
}

static void
test_parse_malformed (void)
{
  const char *malformed[] = {
    "", "01", "201", "20011", "2001-6", "2001-06-1", "2001-06-150", "2001/06/15", "2001-06-15T00:00",
    " 2001", "2001 ", "2001-", "2001-06-", "-2001", "+2001", "twenty", "２００１", "2001-0a", "2001--06",
  };

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    assert_refused (malformed[i], ENTENTE_DATE_PARSE_MALFORMED);

  g_assert_false (entente_date_parse (NULL, NULL));
}

static void
test_parse_not_real (void)
{
  assert_refused ("0000", ENTENTE_DATE_PARSE_NOT_REAL);
  assert_refused ("2001-00", ENTENTE_DATE_PARSE_NOT_REAL);
  assert_refused ("2001-13", ENTENTE_DATE_PARSE_NOT_REAL);
  assert_refused ("2001-06-00", ENTENTE_DATE_PARSE_NOT_REAL);
  assert_refused ("2001-06-31", ENTENTE_DATE_PARSE_NOT_REAL);
  assert_refused ("2023-02-30", ENTENTE_DATE_PARSE_NOT_REAL);
  assert_refused ("2023-02-29", ENTENTE_DATE_PARSE_NOT_REAL);
  assert_refused ("2023-04-31", ENTENTE_DATE_PARSE_NOT_REAL);
  assert_refused ("2023-12-32", ENTENTE_DATE_PARSE_NOT_REAL);
}

static void
test_parse_leap_years (void)
{
  /* Divisible by 100 but not by 400: not a leap year. */
  assert_refused ("1900-02-29", ENTENTE_DATE_PARSE_NOT_REAL);
  assert_refused ("2100-02-29", ENTENTE_DATE_PARSE_NOT_REAL);
  /* Divisible by 400: a leap year. */
  assert_parses ("2000-02-29", 2000, 2, 29);
  assert_parses ("1600-02-29", 1600, 2, 29);
  /* Divisible by 4 only. */
  assert_parses ("2024-02-29", 2024, 2, 29);
  assert_parses ("0004-02-29", 4, 2, 29);
  assert_refused ("2024-02-30", ENTENTE_DATE_PARSE_NOT_REAL);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  return entente_date_compare (a, b);
}

static void
test_compare (void)
{
  /* In the order they must sort in. */
  const char *ordered[] = {
    "1999-12-31", "2001", "2001-01", "2001-01-01", "2001-01-02", "2001-02", "2001-02-01",
    "2001-12-31", "2002",
  };
  EntenteDate dates[G_N_ELEMENTS (ordered)];
  EntenteDate shuffled[G_N_ELEMENTS (ordered)];
  EntenteDate unset = { 0, 0, 0 };
  guint n = G_N_ELEMENTS (ordered);

  for (guint i = 0; i < n; i++)
    g_assert_true (entente_date_parse (ordered[i], &dates[i]));

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (entente_date_compare (&dates[i], &dates[i]), ==, 0);
      g_assert_cmpint (entente_date_compare (&unset, &dates[i]), <, 0);
      for (guint j = i + 1; j < n; j++)
        {
          g_assert_cmpint (entente_date_compare (&dates[i], &dates[j]), <, 0);
          g_assert_cmpint (entente_date_compare (&dates[j], &dates[i]), >, 0);
        }
    }

  /* Sorting a reversed copy gives the order back. */
  for (guint i = 0; i < n; i++)
    shuffled[i] = dates[n - 1 - i];
  g_qsort_with_data (shuffled, n, sizeof (EntenteDate), compare_cb, NULL);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (entente_date_compare (&shuffled[i], &dates[i]), ==, 0);
}

static void
test_to_string (void)
{
  const char *texts[] = { "2001", "2001-06", "2001-06-15", "0987-03", "0001-01-01" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      EntenteDate date;
      g_autofree char *text = NULL;

      g_assert_true (entente_date_parse (texts[i], &date));
      text = entente_date_to_string (&date);
      g_assert_cmpstr (text, ==, texts[i]);
    }

  {
    EntenteDate unset = { 0, 0, 0 };
    g_autofree char *text = entente_date_to_string (&unset);

    g_assert_false (entente_date_is_set (&unset));
    g_assert_cmpstr (text, ==, "");
  }
}

static void
test_format (void)
{
  struct {
    const char *date;
    const char *display;
  } cases[] = {
    { "2001", "2001" },
    { "2001-06", "June 2001" },
    { "2001-06-15", "15 June 2001" },
    { "2001-06-05", "5 June 2001" },
    { "1967-08-08", "8 August 1967" },
  };

  /* The tests run in C.UTF-8, so the names are the English ones. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EntenteDate date;
      g_autofree char *display = NULL;

      g_assert_true (entente_date_parse (cases[i].date, &date));
      display = entente_date_format (&date);
      g_assert_cmpstr (display, ==, cases[i].display);
    }
}

static void
test_boxed (void)
{
  EntenteDate date;
  g_autoptr(EntenteDate) copy = NULL;
  GValue value = G_VALUE_INIT;

  g_assert_true (G_TYPE_IS_BOXED (ENTENTE_TYPE_DATE));

  g_assert_true (entente_date_parse ("2017-06-09", &date));
  copy = entente_date_copy (&date);
  g_assert_true (copy != &date);
  g_assert_cmpint (entente_date_compare (copy, &date), ==, 0);

  g_value_init (&value, ENTENTE_TYPE_DATE);
  g_value_set_boxed (&value, &date);
  g_assert_true (g_value_get_boxed (&value) != &date);
  g_assert_cmpint (entente_date_compare (g_value_get_boxed (&value), &date), ==, 0);
  g_value_unset (&value);
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

  g_test_add_func ("/entente/date/parse/valid", test_parse_valid);
  g_test_add_func ("/entente/date/parse/malformed", test_parse_malformed);
  g_test_add_func ("/entente/date/parse/not-real", test_parse_not_real);
  g_test_add_func ("/entente/date/parse/leap-years", test_parse_leap_years);
  g_test_add_func ("/entente/date/compare", test_compare);
  g_test_add_func ("/entente/date/to-string", test_to_string);
  g_test_add_func ("/entente/date/format", test_format);
  g_test_add_func ("/entente/date/boxed", test_boxed);

  return g_test_run ();
}
