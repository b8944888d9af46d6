/* test-loader.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack loader against the pack format: a valid pack that uses every key, defaults,
 * warnings, every refusal (one file per rule in tests/data/invalid, with the problems
 * each must give in tests/data/invalid/expected.txt), limits, and the async API.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "entente-model.h"

static char *
fixture_path (const char *folder,
              const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
}

static EntentePack *
load_fixture (const char     *folder,
              const char     *name,
              EntenteReport **out_report,
              GError        **error)
{
  g_autofree char *path = fixture_path (folder, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return entente_pack_load_from_file (file, NULL, out_report, error);
}

static EntentePack *
load_string (const char     *text,
             EntenteReport **out_report,
             GError        **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return entente_pack_load_from_bytes (bytes, "test.json", out_report, error);
}

/* The problem at @path, or NULL. */
static const EntenteProblem *
find_error (EntenteReport *report,
            const char    *path,
            const char    *part)
{
  for (guint i = 0; i < entente_report_get_n_errors (report); i++)
    {
      const EntenteProblem *problem = entente_report_get_error (report, i);

      if (g_strcmp0 (problem->path, path) == 0 &&
          (part == NULL || strstr (problem->message, part) != NULL))
        return problem;
    }

  return NULL;
}

static const EntenteProblem *
find_warning (EntenteReport *report,
              const char    *path,
              const char    *part)
{
  for (guint i = 0; i < entente_report_get_n_warnings (report); i++)
    {
      const EntenteProblem *problem = entente_report_get_warning (report, i);

      if (g_strcmp0 (problem->path, path) == 0 && strstr (problem->message, part) != NULL)
        return problem;
    }

  return NULL;
}

static void
print_report (EntenteReport *report)
{
  for (guint i = 0; i < entente_report_get_n_errors (report); i++)
    {
      g_autofree char *text = entente_problem_to_string (entente_report_get_error (report, i), NULL);

      g_test_message ("error: %s", text);
    }
  for (guint i = 0; i < entente_report_get_n_warnings (report); i++)
    {
      g_autofree char *text = entente_problem_to_string (entente_report_get_warning (report, i), NULL);

      g_test_message ("warning: %s", text);
    }
}

static void
assert_strv (const char * const *strv,
             const char * const *expected)
{
  g_assert_nonnull (strv);
  g_assert_cmpstrv (strv, expected);
}

static EntenteDate
date (const char *text)
{
  EntenteDate value = { 0, 0, 0 };

  g_assert_true (entente_date_parse (text, &value));

  return value;
}

static void
assert_date (const EntenteDate *value,
             const char        *expected)
{
  g_autofree char *text = entente_date_to_string (value);

  g_assert_cmpstr (text, ==, expected);
}

/* Valid packs */

static void
test_full_pack (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  EntentePack *pack;
  EntenteOrganization *organization;
  GListModel *outline, *members, *events, *terms, *cards, *references, *corrections, *authors;
  const char *keywords[] = { "European Union", "enlargement", "Brexit", NULL };

  pack = load_fixture ("valid", "full.json", &report, &error);
  print_report (report);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 0);
  g_assert_cmpuint (entente_report_get_n_warnings (report), ==, 0);

  /* Top level */
  g_assert_cmpstr (entente_pack_get_id (pack), ==, "fixture-eu");
  g_assert_cmpstr (entente_pack_get_title (pack), ==,
                   "The European Union: from six founders to twenty-seven members");
  g_assert_cmpstr (entente_pack_get_subtitle (pack), ==,
                   "A fixture study text that uses every key of the pack format");
  g_assert_cmpstr (entente_pack_get_language (pack), ==, "en-GB");
  assert_date (entente_pack_get_as_of (pack), "2024-06-30");
  g_assert_cmpstr (entente_pack_get_abstract (pack), ==,
                   "The text follows the European Union from the Communities of the 1950s to the "
                   "departure of the United Kingdom.\n\nIt ends with the states that hope to join.");
  assert_strv (entente_pack_get_keywords (pack), keywords);
  g_assert_true (g_str_has_prefix (entente_pack_get_source_citation (pack), "Fixture, A. and Sample, J. (2021)."));
  g_assert_cmpstr (entente_pack_get_source_url (pack), ==, "https://example.org/journal/12/3/45");
  g_assert_cmpint (entente_pack_get_source_year (pack), ==, 2021);
  g_assert_nonnull (entente_pack_get_file (pack));

  authors = entente_pack_get_authors (pack);
  g_assert_cmpuint (g_list_model_get_n_items (authors), ==, 2);
  {
    g_autoptr(EntenteAuthor) first = g_list_model_get_item (authors, 0);
    g_autoptr(EntenteAuthor) second = g_list_model_get_item (authors, 1);

    g_assert_cmpstr (entente_author_get_name (first), ==, "Ana Fixture");
    g_assert_cmpstr (entente_author_get_affiliation (first), ==,
                     "Department of Test Data, Example University");
    g_assert_cmpstr (entente_author_get_name (second), ==, "Jon Sample");
    g_assert_null (entente_author_get_affiliation (second));
  }

  organization = entente_pack_get_organization (pack);
  g_assert_nonnull (organization);
  g_assert_cmpstr (entente_organization_get_name (organization), ==, "European Union");
  g_assert_cmpstr (entente_organization_get_short_name (organization), ==, "EU");
  assert_date (entente_organization_get_founded (organization), "1993-11-01");
  g_assert_cmpstr (entente_organization_get_headquarters (organization), ==, "Brussels");
  g_assert_cmpstr (entente_organization_get_url (organization), ==, "https://european-union.europa.eu");

  /* Outline */
  outline = entente_pack_get_outline (pack);
  g_assert_cmpuint (g_list_model_get_n_items (outline), ==, 4);
  g_assert_cmpuint (entente_pack_get_n_sections (pack), ==, 9);
  {
    const char *order[] = {
      "intro", "history", "history.founders", "history.founders.ecsc", "history.maastricht",
      "enlargement", "enlargement.2004", "enlargement.brexit", "conclusion",
    };
    const guint depths[] = { 0, 0, 1, 2, 1, 0, 1, 1, 0 };
    const char *intro_points[] = {
      "The Union grew out of the European Communities of the 1950s.",
      "Plain text: <b>not bold</b>",
      NULL,
    };
    const char *intro_members[] = { "DE", "FR", NULL };
    const char *intro_terms[] = { "acquis", NULL };
    const char *intro_events[] = { "rome-treaties", NULL };
    EntenteSection *intro, *ecsc, *founders, *history;
    GListModel *children;

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        EntenteSection *section = entente_pack_get_nth_section (pack, i);

        g_assert_cmpstr (entente_section_get_id (section), ==, order[i]);
        g_assert_cmpuint (entente_section_get_depth (section), ==, depths[i]);
        g_assert_true (entente_pack_lookup_section (pack, order[i]) == section);
      }
    g_assert_null (entente_pack_get_nth_section (pack, 9));

    intro = entente_pack_lookup_section (pack, "intro");
    g_assert_cmpstr (entente_section_get_title (intro), ==, "Introduction");
    g_assert_cmpstr (entente_section_get_summary (intro), ==,
                     "Why the Union is studied as a case of regional integration.");
    g_assert_cmpstr (entente_section_get_pages (intro), ==, "1-2");
    assert_strv (entente_section_get_points (intro), intro_points);
    assert_strv (entente_section_get_members (intro), intro_members);
    assert_strv (entente_section_get_terms (intro), intro_terms);
    assert_strv (entente_section_get_events (intro), intro_events);
    g_assert_null (entente_section_get_parent (intro));
    g_assert_cmpuint (g_list_model_get_n_items (entente_section_get_children (intro)), ==, 0);

    history = entente_pack_lookup_section (pack, "history");
    founders = entente_pack_lookup_section (pack, "history.founders");
    ecsc = entente_pack_lookup_section (pack, "history.founders.ecsc");
    g_assert_true (entente_section_get_parent (ecsc) == founders);
    g_assert_true (entente_section_get_parent (founders) == history);
    g_assert_null (entente_section_get_summary (history));
    g_assert_null (entente_section_get_pages (history));
    g_assert_cmpstrv (entente_section_get_points (history), ((const char *[]) { NULL }));
    g_assert_cmpstr (entente_section_get_pages (ecsc), ==, "4");

    children = entente_section_get_children (history);
    g_assert_cmpuint (g_list_model_get_n_items (children), ==, 2);
    g_assert_true (g_list_model_get_item_type (children) == ENTENTE_TYPE_SECTION);
    {
      g_autoptr(EntenteSection) first = g_list_model_get_item (children, 0);

      g_assert_true (first == founders);
    }
    g_assert_null (entente_pack_lookup_section (pack, "nowhere"));
  }

  /* Members */
  members = entente_pack_get_members (pack);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 10);
  {
    EntenteMember *de = entente_pack_lookup_member (pack, "DE");
    EntenteMember *fr = entente_pack_lookup_member (pack, "FR");
    EntenteMember *gb = entente_pack_lookup_member (pack, "GB");
    EntenteMember *no = entente_pack_lookup_member (pack, "NO");
    EntenteMember *tr = entente_pack_lookup_member (pack, "TR");
    const char *de_sections[] = { "intro", "history.founders", NULL };
    const char *no_facts[] = {
      "Voters rejected membership in referendums in 1972 and 1994.",
      "A member of the European Economic Area.",
      NULL,
    };
    const EntenteStatusPeriod *history;
    guint n_periods = 99;

    {
      g_autoptr(EntenteMember) first = g_list_model_get_item (members, 0);

      g_assert_true (first == de);
    }
    g_assert_cmpstr (entente_member_get_code (de), ==, "DE");
    g_assert_cmpstr (entente_member_get_name (de), ==, "Germany");
    g_assert_cmpint (entente_member_get_status (de), ==, ENTENTE_MEMBER_STATUS_MEMBER);
    assert_date (entente_member_get_joined (de), "1958-01-01");
    g_assert_false (entente_date_is_set (entente_member_get_left (de)));
    g_assert_true (entente_member_get_founding (de));
    g_assert_cmpstr (entente_member_get_capital (de), ==, "Berlin");
    g_assert_cmpstr (entente_member_get_summary (de), ==, "A founding state of the Communities.");
    g_assert_cmpuint (g_strv_length ((char **) entente_member_get_facts (de)), ==, 1);
    assert_strv (entente_member_get_sections (de), de_sections);
    history = entente_member_get_history (de, &n_periods);
    g_assert_cmpuint (n_periods, ==, 0);
    g_assert_null (history);

    /* No "name": the ISO 3166 name stands in. */
    g_assert_null (entente_member_get_name (fr));
    g_assert_cmpstr (entente_member_get_display_name (fr), ==, "France");
    g_assert_cmpstr (entente_member_get_display_name (tr), ==, "Türkiye");
    g_assert_cmpstr (entente_member_get_summary (fr), ==, NULL);
    g_assert_cmpstrv (entente_member_get_facts (fr), ((const char *[]) { NULL }));

    g_assert_cmpint (entente_member_get_status (gb), ==, ENTENTE_MEMBER_STATUS_FORMER_MEMBER);
    assert_date (entente_member_get_joined (gb), "1973-01-01");
    assert_date (entente_member_get_left (gb), "2020-01-31");
    g_assert_false (entente_member_get_founding (gb));
    history = entente_member_get_history (gb, &n_periods);
    g_assert_cmpuint (n_periods, ==, 1);
    g_assert_cmpint (history[0].status, ==, ENTENTE_MEMBER_STATUS_APPLICANT);
    assert_date (&history[0].from, "1961-08");

    g_assert_cmpint (entente_member_get_status (no), ==, ENTENTE_MEMBER_STATUS_PARTNER);
    assert_strv (entente_member_get_facts (no), no_facts);
    g_assert_cmpint (entente_member_get_status (tr), ==, ENTENTE_MEMBER_STATUS_APPLICANT);
    assert_date (entente_member_get_joined (entente_pack_lookup_member (pack, "FI")), "1995-01");
    g_assert_null (entente_pack_lookup_member (pack, "CN"));
    g_assert_null (entente_pack_lookup_member (pack, "de"));
  }

  /* Timeline: sorted by date, events of the same date in file order, a partial date
   * before the full dates of its period. */
  events = entente_pack_get_events (pack);
  {
    const char *order[] = {
      "treaty-of-paris", "rome-treaties", "eec-in-force", "euratom-in-force", "sea-signed",
      "maastricht-signed", "maastricht-in-force", "enlargement-2004", "lisbon-in-force",
      "uk-referendum", "uk-withdrawal",
    };
    const char *paris_members[] = { "BE", "DE", "FR", NULL };
    const char *paris_sections[] = { "history.founders.ecsc", NULL };
    EntenteEvent *paris = entente_pack_lookup_event (pack, "treaty-of-paris");
    EntenteEvent *rome = entente_pack_lookup_event (pack, "rome-treaties");

    g_assert_cmpuint (g_list_model_get_n_items (events), ==, G_N_ELEMENTS (order));
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autoptr(EntenteEvent) event = g_list_model_get_item (events, i);

        g_assert_cmpstr (entente_event_get_id (event), ==, order[i]);
      }

    assert_date (entente_event_get_date (paris), "1951-04-18");
    g_assert_cmpstr (entente_event_get_title (paris), ==, "Treaty of Paris signed");
    g_assert_cmpstr (entente_event_get_place (paris), ==, "Paris");
    g_assert_cmpstr (entente_event_get_detail (paris), ==,
                     "It set up the European Coal and Steel Community.");
    assert_strv (entente_event_get_members (paris), paris_members);
    assert_strv (entente_event_get_sections (paris), paris_sections);
    g_assert_null (entente_event_get_detail (rome));
    g_assert_cmpstrv (entente_event_get_members (rome), ((const char *[]) { NULL }));
    assert_date (entente_event_get_date (entente_pack_lookup_event (pack, "sea-signed")), "1986-02");
  }

  /* Glossary */
  terms = entente_pack_get_terms (pack);
  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 3);
  {
    EntenteTerm *acquis = entente_pack_lookup_term (pack, "acquis");
    EntenteTerm *qmv = entente_pack_lookup_term (pack, "qmv");
    const char *aliases[] = { "acquis communautaire", NULL };
    const char *sections[] = { "intro", NULL };

    g_assert_cmpstr (entente_term_get_term (acquis), ==, "Acquis");
    g_assert_true (g_str_has_prefix (entente_term_get_definition (acquis), "The body of common rights"));
    assert_strv (entente_term_get_aliases (acquis), aliases);
    assert_strv (entente_term_get_sections (acquis), sections);
    g_assert_cmpstrv (entente_term_get_sections (qmv), ((const char *[]) { NULL }));
  }

  /* Cards */
  cards = entente_pack_get_cards (pack);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 5);
  {
    EntenteCard *basic = entente_pack_lookup_card (pack, "maastricht-treaty");
    EntenteCard *plain = entente_pack_lookup_card (pack, "uk-left");
    EntenteCard *choice = entente_pack_lookup_card (pack, "maastricht-in-force");
    EntenteCard *cloze = entente_pack_lookup_card (pack, "lisbon-cloze");
    EntenteCard *map = entente_pack_lookup_card (pack, "croatia-map");
    const char *tags[] = { "treaties", "dates", NULL };
    const char *accept[] = { "Maastricht", "Treaty of Maastricht", "Treaty on European Union", NULL };
    const char *choices[] = {
      "1 January 1958", "1 November 1993", "1 December 2009", "31 January 2020", NULL,
    };

    g_assert_cmpint (entente_card_get_kind (basic), ==, ENTENTE_CARD_KIND_BASIC);
    g_assert_cmpstr (entente_card_get_section (basic), ==, "history.maastricht");
    assert_strv (entente_card_get_tags (basic), tags);
    g_assert_cmpstr (entente_card_get_front (basic), ==, "Which treaty created the European Union?");
    g_assert_cmpstr (entente_card_get_back (basic), ==,
                     "The Treaty on European Union, signed at Maastricht in 1992.");
    assert_strv (entente_card_get_accept (basic), accept);
    g_assert_cmpstr (entente_card_get_explanation (basic), ==,
                     "It entered into force on 1 November 1993.");
    g_assert_null (entente_card_get_question (basic));
    g_assert_null (entente_card_get_choices (basic));
    g_assert_cmpint (entente_card_get_answer_index (basic), ==, -1);
    g_assert_null (entente_card_get_text (basic));
    g_assert_null (entente_card_get_prompt (basic));
    g_assert_null (entente_card_get_answer_code (basic));

    /* Defaults of a basic card. */
    g_assert_null (entente_card_get_section (plain));
    g_assert_null (entente_card_get_explanation (plain));
    g_assert_cmpstrv (entente_card_get_tags (plain), ((const char *[]) { NULL }));
    g_assert_cmpstrv (entente_card_get_accept (plain), ((const char *[]) { NULL }));

    g_assert_cmpint (entente_card_get_kind (choice), ==, ENTENTE_CARD_KIND_CHOICE);
    g_assert_cmpstr (entente_card_get_question (choice), ==,
                     "When did the Maastricht Treaty enter into force?");
    assert_strv (entente_card_get_choices (choice), choices);
    g_assert_cmpint (entente_card_get_answer_index (choice), ==, 1);
    g_assert_null (entente_card_get_front (choice));
    g_assert_null (entente_card_get_accept (choice));

    g_assert_cmpint (entente_card_get_kind (cloze), ==, ENTENTE_CARD_KIND_CLOZE);
    g_assert_cmpstr (entente_card_get_text (cloze), ==,
                     "The Treaty of {{Lisbon}} entered into force on {{1 December 2009}}.");

    g_assert_cmpint (entente_card_get_kind (map), ==, ENTENTE_CARD_KIND_MAP);
    g_assert_cmpstr (entente_card_get_prompt (map), ==, "Which state joined the Union on 1 July 2013?");
    g_assert_cmpstr (entente_card_get_answer_code (map), ==, "HR");
    g_assert_cmpstr (entente_card_get_section (map), ==, "enlargement");

    /* One object per card, however it is asked for. */
    {
      g_autoptr(EntenteCard) first = g_list_model_get_item (cards, 0);
      g_autoptr(EntenteCard) again = g_list_model_get_item (cards, 0);

      g_assert_true (first == again);
      g_assert_true (first == basic);
      g_assert_true (g_list_model_get_item_type (cards) == ENTENTE_TYPE_CARD);
      g_assert_null (g_list_model_get_item (cards, 5));
    }

    {
      g_autoptr(GPtrArray) maastricht = entente_pack_get_cards_for_section (pack, "history.maastricht");
      g_autoptr(GPtrArray) parent = entente_pack_get_cards_for_section (pack, "history");

      g_assert_cmpuint (maastricht->len, ==, 3);
      g_assert_true (g_ptr_array_index (maastricht, 0) == basic);
      g_assert_true (g_ptr_array_index (maastricht, 1) == choice);
      g_assert_true (g_ptr_array_index (maastricht, 2) == cloze);
      /* Not the cards of the subsections. */
      g_assert_cmpuint (parent->len, ==, 0);
    }
  }

  /* References and corrections */
  references = entente_pack_get_references (pack);
  g_assert_cmpuint (g_list_model_get_n_items (references), ==, 2);
  {
    EntenteReference *teu = entente_pack_lookup_reference (pack, "teu");
    EntenteReference *agreement = entente_pack_lookup_reference (pack, "withdrawal-agreement");

    g_assert_true (g_str_has_prefix (entente_reference_get_text (teu), "Treaty on European Union"));
    g_assert_cmpstr (entente_reference_get_url (teu), ==,
                     "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12016M/TXT");
    g_assert_null (entente_reference_get_url (agreement));
  }

  corrections = entente_pack_get_corrections (pack);
  g_assert_cmpuint (g_list_model_get_n_items (corrections), ==, 2);
  {
    g_autoptr(GPtrArray) brexit = entente_pack_get_corrections_for_section (pack, "enlargement.brexit");
    g_autoptr(GPtrArray) intro = entente_pack_get_corrections_for_section (pack, "intro");
    g_autoptr(EntenteCorrection) second = g_list_model_get_item (corrections, 1);
    EntenteCorrection *count;

    g_assert_cmpuint (brexit->len, ==, 1);
    g_assert_cmpuint (intro->len, ==, 0);
    count = g_ptr_array_index (brexit, 0);
    g_assert_cmpstr (entente_correction_get_id (count), ==, "member-count");
    g_assert_cmpstr (entente_correction_get_section (count), ==, "enlargement.brexit");
    g_assert_cmpstr (entente_correction_get_claim (count), ==, "The Union has 28 member states.");
    g_assert_true (g_str_has_prefix (entente_correction_get_correction (count), "Since the United Kingdom left"));
    g_assert_cmpstr (entente_correction_get_source (count), ==, "Withdrawal Agreement, OJ L 29, 31 January 2020");
    g_assert_null (entente_correction_get_section (second));
    g_assert_null (entente_correction_get_source (second));
  }

  g_assert_finalize_object (pack);
}

static void
test_full_pack_counts (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(EntentePack) pack = load_fixture ("valid", "full.json", &report, NULL);

  g_assert_nonnull (pack);
  g_assert_cmpstr (entente_report_get_pack_id (report), ==, "fixture-eu");
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_SECTIONS), ==, 9);
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_POINTS), ==, 3);
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_MEMBERS), ==, 10);
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_EVENTS), ==, 11);
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_TERMS), ==, 3);
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_CARDS), ==, 5);
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_REFERENCES), ==, 2);
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_CORRECTIONS), ==, 2);
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_AUTHORS), ==, 2);

  g_assert_cmpuint (entente_report_get_card_kind_count (report, ENTENTE_CARD_KIND_BASIC), ==, 2);
  g_assert_cmpuint (entente_report_get_card_kind_count (report, ENTENTE_CARD_KIND_CHOICE), ==, 1);
  g_assert_cmpuint (entente_report_get_card_kind_count (report, ENTENTE_CARD_KIND_CLOZE), ==, 1);
  g_assert_cmpuint (entente_report_get_card_kind_count (report, ENTENTE_CARD_KIND_MAP), ==, 1);

  g_assert_cmpuint (entente_report_get_member_status_count (report, ENTENTE_MEMBER_STATUS_MEMBER), ==, 6);
  g_assert_cmpuint (entente_report_get_member_status_count (report, ENTENTE_MEMBER_STATUS_OBSERVER), ==, 0);
  g_assert_cmpuint (entente_report_get_member_status_count (report, ENTENTE_MEMBER_STATUS_DIALOGUE_PARTNER), ==, 0);
  g_assert_cmpuint (entente_report_get_member_status_count (report, ENTENTE_MEMBER_STATUS_PARTNER), ==, 1);
  g_assert_cmpuint (entente_report_get_member_status_count (report, ENTENTE_MEMBER_STATUS_APPLICANT), ==, 2);
  g_assert_cmpuint (entente_report_get_member_status_count (report, ENTENTE_MEMBER_STATUS_FORMER_MEMBER), ==, 1);

  for (guint i = 0; i < ENTENTE_N_COUNTS; i++)
    g_assert_nonnull (entente_count_to_string (i));
  g_assert_cmpstr (entente_count_to_string (ENTENTE_COUNT_SECTIONS), ==, "sections");
  g_assert_cmpstr (entente_count_to_string (ENTENTE_COUNT_CORRECTIONS), ==, "corrections");
}

static void
test_counts_of_refused_pack (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = load_fixture ("invalid", "multi-cards.json", &report, &error);

  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID);
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_CARDS), ==, 5);
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_SECTIONS), ==, 3);
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_MEMBERS), ==, 2);
  g_assert_cmpuint (entente_report_get_card_kind_count (report, ENTENTE_CARD_KIND_CHOICE), ==, 1);
  g_assert_cmpuint (entente_report_get_card_kind_count (report, ENTENTE_CARD_KIND_CLOZE), ==, 1);
  g_assert_cmpuint (entente_report_get_card_kind_count (report, ENTENTE_CARD_KIND_MAP), ==, 1);
  /* The fourth card is basic; the fifth has the unknown kind "flip" and counts as none. */
  g_assert_cmpuint (entente_report_get_card_kind_count (report, ENTENTE_CARD_KIND_BASIC), ==, 1);
  g_assert_cmpuint (entente_report_get_member_status_count (report, ENTENTE_MEMBER_STATUS_MEMBER), ==, 1);
  g_assert_cmpuint (entente_report_get_member_status_count (report, ENTENTE_MEMBER_STATUS_OBSERVER), ==, 1);
  g_assert_cmpstr (entente_report_get_pack_id (report), ==, "fixture");
}

static void
test_minimal_pack_defaults (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  EntentePack *pack = load_fixture ("valid", "minimal.json", &report, &error);
  EntenteSection *only;

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (entente_report_get_n_warnings (report), ==, 0);

  g_assert_null (entente_pack_get_subtitle (pack));
  g_assert_null (entente_pack_get_abstract (pack));
  g_assert_cmpstrv (entente_pack_get_keywords (pack), ((const char *[]) { NULL }));
  g_assert_null (entente_pack_get_source_citation (pack));
  g_assert_null (entente_pack_get_source_url (pack));
  g_assert_cmpint (entente_pack_get_source_year (pack), ==, 0);
  g_assert_null (entente_pack_get_organization (pack));
  assert_date (entente_pack_get_as_of (pack), "2024");
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_authors (pack)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_events (pack)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_terms (pack)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_references (pack)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_corrections (pack)), ==, 0);

  only = entente_pack_get_nth_section (pack, 0);
  g_assert_cmpstrv (entente_section_get_points (only), ((const char *[]) { NULL }));
  g_assert_cmpstrv (entente_section_get_members (only), ((const char *[]) { NULL }));
  g_assert_cmpstrv (entente_section_get_terms (only), ((const char *[]) { NULL }));
  g_assert_cmpstrv (entente_section_get_events (only), ((const char *[]) { NULL }));
  g_assert_null (entente_section_get_summary (only));

  {
    EntenteMember *id = entente_pack_lookup_member (pack, "ID");

    g_assert_null (entente_member_get_name (id));
    g_assert_cmpstr (entente_member_get_display_name (id), ==, "Indonesia");
    g_assert_false (entente_member_get_founding (id));
    g_assert_false (entente_date_is_set (entente_member_get_joined (id)));
    g_assert_null (entente_member_get_capital (id));
    g_assert_cmpstrv (entente_member_get_sections (id), ((const char *[]) { NULL }));
    /* Nothing dated: the current status holds at every date. */
    g_assert_cmpint (entente_member_get_status_at (id, &(EntenteDate) { 1900, 1, 1 }), ==,
                     ENTENTE_MEMBER_STATUS_MEMBER);
  }

  g_assert_finalize_object (pack);
}

static void
test_warnings_only (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = load_fixture ("valid", "warnings.json", &report, &error);
  EntenteMember *at;
  const EntenteStatusPeriod *history;
  guint n_periods;

  print_report (report);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 0);
  g_assert_cmpuint (entente_report_get_n_warnings (report), ==, 5);
  g_assert_nonnull (find_warning (report, "colour", "unknown key “colour” ignored"));
  g_assert_nonnull (find_warning (report, "outline[0].note", "unknown key “note” ignored"));
  g_assert_nonnull (find_warning (report, "cards[0].front", "is not used by “map” cards"));
  g_assert_nonnull (find_warning (report, "references[0].url", "not an http or https address"));
  g_assert_nonnull (find_warning (report, "members[0].history[1].from", "oldest first"));

  /* The history was put in order. */
  at = entente_pack_lookup_member (pack, "AT");
  history = entente_member_get_history (at, &n_periods);
  g_assert_cmpuint (n_periods, ==, 2);
  assert_date (&history[0].from, "1960");
  g_assert_cmpint (history[0].status, ==, ENTENTE_MEMBER_STATUS_PARTNER);
  assert_date (&history[1].from, "1989-07-17");
  g_assert_cmpint (history[1].status, ==, ENTENTE_MEMBER_STATUS_APPLICANT);

  /* Ignored keys leave nothing behind. */
  g_assert_null (entente_card_get_front (entente_pack_lookup_card (pack, "c")));
  g_assert_cmpstr (entente_reference_get_url (entente_pack_lookup_reference (pack, "r")), ==,
                   "file:///tmp/reference.pdf");
}

static void
test_unknown_keys_everywhere (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;

  pack = load_string ("{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"p\", \"title\": \"T\","
                      " \"language\": \"en\", \"as_of\": \"2024\", \"x-top\": 1,"
                      " \"source\": {\"citation\": \"C\", \"x-source\": 1},"
                      " \"organization\": {\"name\": \"O\", \"x-org\": 1},"
                      " \"authors\": [{\"name\": \"A\", \"x author\": 1}],"
                      " \"outline\": [{\"id\": \"s\", \"title\": \"S\", \"x-section\": 1}],"
                      " \"members\": [{\"code\": \"CN\", \"status\": \"member\", \"x-member\": 1,"
                      "   \"history\": [{\"status\": \"observer\", \"from\": \"1996\", \"x-period\": 1}]}],"
                      " \"timeline\": [{\"id\": \"e\", \"date\": \"2001\", \"title\": \"E\", \"x-event\": 1}],"
                      " \"glossary\": [{\"id\": \"t\", \"term\": \"T\", \"definition\": \"D\", \"x-term\": 1}],"
                      " \"cards\": [{\"id\": \"c\", \"kind\": \"cloze\", \"text\": \"{{a}}\", \"x-card\": 1}],"
                      " \"references\": [{\"id\": \"r\", \"text\": \"R\", \"x-reference\": 1}],"
                      " \"corrections\": [{\"id\": \"k\", \"claim\": \"C\", \"correction\": \"D\", \"x-correction\": 1}]}",
                      &report, &error);

  print_report (report);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (entente_report_get_n_warnings (report), ==, 12);
  g_assert_nonnull (find_warning (report, "[\"x-top\"]", "unknown key “x-top” ignored"));
  g_assert_nonnull (find_warning (report, "source[\"x-source\"]", "x-source"));
  g_assert_nonnull (find_warning (report, "organization[\"x-org\"]", "x-org"));
  g_assert_nonnull (find_warning (report, "authors[0][\"x author\"]", "x author"));
  g_assert_nonnull (find_warning (report, "outline[0][\"x-section\"]", "x-section"));
  g_assert_nonnull (find_warning (report, "members[0][\"x-member\"]", "x-member"));
  g_assert_nonnull (find_warning (report, "members[0].history[0][\"x-period\"]", "x-period"));
  g_assert_nonnull (find_warning (report, "timeline[0][\"x-event\"]", "x-event"));
  g_assert_nonnull (find_warning (report, "glossary[0][\"x-term\"]", "x-term"));
  g_assert_nonnull (find_warning (report, "cards[0][\"x-card\"]", "x-card"));
  g_assert_nonnull (find_warning (report, "references[0][\"x-reference\"]", "x-reference"));
  g_assert_nonnull (find_warning (report, "corrections[0][\"x-correction\"]", "x-correction"));
}

static void
test_unicode_escapes (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  const EntenteProblem *warning;

  /* A surrogate pair is one character; a lone surrogate in a key is shown, not passed on. */
  pack = load_string ("{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"p\","
                      " \"title\": \"Caf\\u00e9 \\ud83d\\ude00\", \"language\": \"en\","
                      " \"as_of\": \"2024\", \"x\\udc00y\": 1,"
                      " \"outline\": [{\"id\": \"s\", \"title\": \"S\"}]}",
                      &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpstr (entente_pack_get_title (pack), ==, "Café 😀");
  g_assert_cmpuint (entente_report_get_n_warnings (report), ==, 1);
  warning = entente_report_get_warning (report, 0);
  g_assert_true (g_utf8_validate (warning->path, -1, NULL));
  g_assert_true (g_utf8_validate (warning->message, -1, NULL));
  g_assert_nonnull (strstr (warning->message, "unknown key “x\uFFFD"));
}

static void
test_byte_order_mark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;

  pack = load_string ("\xEF\xBB\xBF{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"p\","
                      " \"title\": \"T\", \"language\": \"en\", \"as_of\": \"2024\","
                      " \"outline\": [{\"id\": \"s\", \"title\": \"S\"}]}",
                      NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
}

static void
test_member_status_at (void)
{
  g_autoptr(EntentePack) pack = load_fixture ("valid", "full.json", NULL, NULL);
  EntenteMember *gb = entente_pack_lookup_member (pack, "GB");
  EntenteMember *no = entente_pack_lookup_member (pack, "NO");
  EntenteMember *de = entente_pack_lookup_member (pack, "DE");
  EntenteMember *fi = entente_pack_lookup_member (pack, "FI");
  EntenteMember *hr = entente_pack_lookup_member (pack, "HR");
  struct {
    EntenteMember       *member;
    const char          *date;
    EntenteMemberStatus  status;
  } cases[] = {
    { gb, "1950", ENTENTE_MEMBER_STATUS_NONE },
    { gb, "1961-07", ENTENTE_MEMBER_STATUS_NONE },
    { gb, "1961", ENTENTE_MEMBER_STATUS_APPLICANT },
    { gb, "1965-05-05", ENTENTE_MEMBER_STATUS_APPLICANT },
    { gb, "1972-12-31", ENTENTE_MEMBER_STATUS_APPLICANT },
    { gb, "1973-01-01", ENTENTE_MEMBER_STATUS_MEMBER },
    { gb, "2016-06-23", ENTENTE_MEMBER_STATUS_MEMBER },
    { gb, "2020-01-30", ENTENTE_MEMBER_STATUS_MEMBER },
    { gb, "2020-01-31", ENTENTE_MEMBER_STATUS_FORMER_MEMBER },
    { gb, "2020", ENTENTE_MEMBER_STATUS_FORMER_MEMBER },
    { gb, "2024-06-30", ENTENTE_MEMBER_STATUS_FORMER_MEMBER },
    { no, "1990", ENTENTE_MEMBER_STATUS_NONE },
    { no, "1993", ENTENTE_MEMBER_STATUS_APPLICANT },
    { no, "1994", ENTENTE_MEMBER_STATUS_PARTNER },
    { no, "2000-01-01", ENTENTE_MEMBER_STATUS_PARTNER },
    { de, "1957-12-31", ENTENTE_MEMBER_STATUS_NONE },
    { de, "1958", ENTENTE_MEMBER_STATUS_MEMBER },
    { fi, "1994-12-31", ENTENTE_MEMBER_STATUS_NONE },
    { fi, "1995-01-01", ENTENTE_MEMBER_STATUS_MEMBER },
    { hr, "2003-02-20", ENTENTE_MEMBER_STATUS_NONE },
    { hr, "2003-02", ENTENTE_MEMBER_STATUS_APPLICANT },
    { hr, "2013-06", ENTENTE_MEMBER_STATUS_APPLICANT },
    { hr, "2013-07", ENTENTE_MEMBER_STATUS_MEMBER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EntenteDate when = date (cases[i].date);

      g_test_message ("%s at %s", entente_member_get_code (cases[i].member), cases[i].date);
      g_assert_cmpint (entente_member_get_status_at (cases[i].member, &when), ==, cases[i].status);
    }
}

static void
test_member_status_strings (void)
{
  for (guint i = 0; i < ENTENTE_N_MEMBER_STATUSES; i++)
    {
      EntenteMemberStatus status = ENTENTE_MEMBER_STATUS_NONE;
      const char *text = entente_member_status_to_string (i);

      g_assert_nonnull (text);
      g_assert_true (entente_member_status_from_string (text, &status));
      g_assert_cmpint (status, ==, i);
      g_assert_nonnull (entente_member_status_get_label (i));
      g_assert_cmpstr (entente_member_status_get_label (i), !=, "");
    }

  g_assert_cmpstr (entente_member_status_to_string (ENTENTE_MEMBER_STATUS_DIALOGUE_PARTNER), ==,
                   "dialogue-partner");
  g_assert_cmpstr (entente_member_status_get_label (ENTENTE_MEMBER_STATUS_DIALOGUE_PARTNER), ==,
                   "Dialogue partner");
  g_assert_null (entente_member_status_to_string (ENTENTE_MEMBER_STATUS_NONE));
  g_assert_false (entente_member_status_from_string ("Member", NULL));
  g_assert_false (entente_member_status_from_string ("", NULL));
  g_assert_false (entente_member_status_from_string (NULL, NULL));

  for (guint i = 0; i < ENTENTE_N_CARD_KINDS; i++)
    {
      EntenteCardKind kind = ENTENTE_CARD_KIND_MAP + 1;

      g_assert_true (entente_card_kind_from_string (entente_card_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (entente_card_kind_from_string ("Basic", NULL));
  g_assert_null (entente_card_kind_to_string (ENTENTE_N_CARD_KINDS));
}

static void
test_split_cloze (void)
{
  g_auto(GStrv) parts = entente_card_split_cloze ("The {{SCO}} was founded in {{2001}}.");
  g_auto(GStrv) edges = entente_card_split_cloze ("{{Beijing}}");
  g_auto(GStrv) single = entente_card_split_cloze ("a {b} {{c}}}");
  g_auto(GStrv) none = entente_card_split_cloze ("no gap");
  g_auto(GStrv) empty = entente_card_split_cloze ("{{}}");
  g_auto(GStrv) unbalanced = entente_card_split_cloze ("{{a}");

  g_assert_cmpstrv (parts, ((const char *[]) { "The ", "SCO", " was founded in ", "2001", ".", NULL }));
  g_assert_cmpstrv (edges, ((const char *[]) { "", "Beijing", "", NULL }));
  g_assert_cmpstrv (single, ((const char *[]) { "a {b} ", "c", "}", NULL }));
  g_assert_null (none);
  g_assert_null (empty);
  g_assert_null (unbalanced);
}

static void
test_properties (void)
{
  g_autoptr(EntentePack) pack = load_fixture ("valid", "full.json", NULL, NULL);
  g_autoptr(EntenteDate) as_of = NULL;
  g_auto(GStrv) keywords = NULL;
  g_autoptr(GListModel) outline = NULL;
  g_autoptr(GListModel) children = NULL;
  g_autoptr(EntenteSection) parent = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *title = NULL;
  g_autofree char *display_name = NULL;
  g_auto(GStrv) choices = NULL;
  int source_year = 0, answer_index = -5, status = -1, kind = -1;
  guint depth = 0;
  gboolean founding = FALSE;

  g_object_get (pack,
                "title", &title,
                "as-of", &as_of,
                "keywords", &keywords,
                "source-year", &source_year,
                "outline", &outline,
                "file", &file,
                NULL);
  g_assert_cmpstr (title, ==, entente_pack_get_title (pack));
  assert_date (as_of, "2024-06-30");
  g_assert_cmpuint (g_strv_length (keywords), ==, 3);
  g_assert_cmpint (source_year, ==, 2021);
  g_assert_true (outline == entente_pack_get_outline (pack));
  g_assert_true (G_IS_FILE (file));

  g_object_get (entente_pack_lookup_section (pack, "history.founders.ecsc"),
                "depth", &depth,
                "parent", &parent,
                "children", &children,
                NULL);
  g_assert_cmpuint (depth, ==, 2);
  g_assert_true (parent == entente_pack_lookup_section (pack, "history.founders"));
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 0);

  g_object_get (entente_pack_lookup_card (pack, "maastricht-in-force"),
                "choices", &choices,
                "answer-index", &answer_index,
                "kind", &kind,
                NULL);
  g_assert_cmpuint (g_strv_length (choices), ==, 4);
  g_assert_cmpint (answer_index, ==, 1);
  g_assert_cmpint (kind, ==, ENTENTE_CARD_KIND_CHOICE);

  g_object_get (entente_pack_lookup_member (pack, "FR"),
                "display-name", &display_name,
                "status", &status,
                "founding", &founding,
                NULL);
  g_assert_cmpstr (display_name, ==, "France");
  g_assert_cmpint (status, ==, ENTENTE_MEMBER_STATUS_MEMBER);
  g_assert_true (founding);

  /* Read-only: nothing may change a loaded pack. */
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (pack), "title")->flags & G_PARAM_WRITABLE);
}

static void
test_section_outlives_pack (void)
{
  EntentePack *pack = load_fixture ("valid", "full.json", NULL, NULL);
  EntenteSection *child = g_object_ref (entente_pack_lookup_section (pack, "history.founders.ecsc"));
  EntenteCard *card = g_object_ref (entente_pack_lookup_card (pack, "croatia-map"));

  g_assert_finalize_object (pack);

  /* What a view still holds stays readable; the tree above it is gone. */
  g_assert_cmpstr (entente_section_get_title (child), ==, "Coal and steel");
  g_assert_null (entente_section_get_parent (child));
  g_assert_cmpstr (entente_card_get_answer_code (card), ==, "HR");
  g_assert_finalize_object (child);
  g_assert_finalize_object (card);
}

/* Refusals, one file per rule: tests/data/invalid/expected.txt */

typedef struct
{
  char      *file;
  GPtrArray *paths;
  GPtrArray *parts;
} Expectation;

static void
expectation_free (gpointer data)
{
  Expectation *expectation = data;

  g_free (expectation->file);
  g_ptr_array_unref (expectation->paths);
  g_ptr_array_unref (expectation->parts);
  g_free (expectation);
}

static void
test_invalid_fixture (gconstpointer data)
{
  const Expectation *expectation = data;
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;

  pack = load_fixture ("invalid", expectation->file, &report, &error);
  print_report (report);

  g_assert_null (pack);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ENTENTE_PACK_ERROR);
  if (g_str_equal (expectation->file, "version-newer.json"))
    g_assert_cmpint (error->code, ==, ENTENTE_PACK_ERROR_NEWER_VERSION);
  else
    g_assert_cmpint (error->code, ==, ENTENTE_PACK_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, expectation->file));

  for (guint i = 0; i < expectation->paths->len; i++)
    {
      const char *path = g_ptr_array_index (expectation->paths, i);
      const char *part = g_ptr_array_index (expectation->parts, i);

      if (find_error (report, path, part) == NULL)
        g_error ("%s: no error at “%s” saying “%s”", expectation->file, path, part);
    }

  if (expectation->paths->len == 1)
    g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
  else
    g_assert_cmpuint (entente_report_get_n_errors (report), >=, expectation->paths->len);

  g_assert_false (entente_report_get_truncated (report));
}

/* Every file in tests/data/invalid has expectations, and every expectation a file. */
static GPtrArray *
read_expectations (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "invalid", NULL);
  g_autofree char *path = g_build_filename (folder, "expected.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) by_file = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDir) dir = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *expectations = g_ptr_array_new_with_free_func (expectation_free);
  const char *name;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Expectation *expectation;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (fields) != 3)
        g_error ("expected.txt line %u: not FILE<TAB>PATH<TAB>MESSAGE", i + 1);

      expectation = g_hash_table_lookup (by_file, fields[0]);
      if (expectation == NULL)
        {
          expectation = g_new0 (Expectation, 1);
          expectation->file = g_strdup (fields[0]);
          expectation->paths = g_ptr_array_new_with_free_func (g_free);
          expectation->parts = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_file, expectation->file, expectation);
          g_ptr_array_add (expectations, expectation);
        }
      g_ptr_array_add (expectation->paths, g_strdup (fields[1]));
      g_ptr_array_add (expectation->parts, g_strdup (fields[2]));
    }

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json") && !g_hash_table_contains (by_file, name))
        g_error ("tests/data/invalid/%s has no line in expected.txt", name);
      g_hash_table_remove (by_file, name);
    }

  if (g_hash_table_size (by_file) > 0)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, by_file);
      g_hash_table_iter_next (&iter, &key, NULL);
      g_error ("expected.txt names %s, which is not in tests/data/invalid", (char *) key);
    }

  return expectations;
}

static void
test_syntax_error_position (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = load_fixture ("invalid", "syntax-missing-comma.json", &report, &error);
  const EntenteProblem *problem;
  g_autofree char *text = NULL;

  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
  problem = entente_report_get_error (report, 0);
  g_assert_cmpstr (problem->path, ==, "");
  /* The comma is missing at the end of line 2; json-glib 1.6 points there (at column 26),
   * newer versions at the "version" that follows on line 3. */
  g_assert_cmpint (problem->line, >=, 2);
  g_assert_cmpint (problem->line, <=, 3);
  g_assert_cmpint (problem->column, >=, 1);
  g_assert_cmpint (problem->column, <=, 26);

  text = entente_problem_to_string (problem, "pack.json");
  g_assert_true (g_str_has_prefix (text, problem->line == 2 ? "pack.json:2:" : "pack.json:3:"));
  g_assert_nonnull (strstr (text, ": not valid JSON: "));
  g_assert_nonnull (strstr (error->message, problem->line == 2 ? "line 2, column " : "line 3, column "));
}

static void
test_syntax_error_truncated_position (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(EntentePack) pack = load_string ("{\n  \"format\": \"entente-pack\",\n  \"outline\": [\n    {\"id\": \"a\"",
                                             &report, NULL);
  const EntenteProblem *problem;

  g_assert_null (pack);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
  problem = entente_report_get_error (report, 0);
  g_assert_cmpint (problem->line, ==, 4);
  g_assert_cmpint (problem->column, >, 0);
}

static void
test_not_utf8_position (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = load_string ("{\n  \"title\": \"caf\xe9\"\n}", &report, &error);
  const EntenteProblem *problem;

  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
  problem = entente_report_get_error (report, 0);
  g_assert_cmpstr (problem->path, ==, "");
  g_assert_nonnull (strstr (problem->message, "not UTF-8"));
  g_assert_nonnull (strstr (problem->message, "0xE9"));
  /* Line 2 is `  "title": "caf` and then the byte: column 16. */
  g_assert_cmpint (problem->line, ==, 2);
  g_assert_cmpint (problem->column, ==, 16);
}

static void
test_deep_nesting (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autofree char *text = NULL;
  const EntenteProblem *problem;

  /* json-glib alone would overflow its stack on this. */
  text = g_strnfill (100000, '[');
  pack = load_string (text, &report, &error);

  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
  problem = entente_report_get_error (report, 0);
  g_assert_nonnull (strstr (problem->message, "nested more than 64 levels"));
  g_assert_cmpint (problem->line, ==, 1);
  g_assert_cmpint (problem->column, ==, 65);
}

static void
test_deep_nesting_limit (void)
{
  /* 64 levels pass the guard (and the pack is then refused for what it lacks);
   * 65 do not. Brackets inside strings, also after an escaped quote, do not count. */
  for (guint depth = 64; depth <= 65; depth++)
    {
      g_autoptr(EntenteReport) report = NULL;
      g_autoptr(EntentePack) pack = NULL;
      g_autoptr(GString) text = g_string_new ("{\"s\": \"[[[\\\"[[[{{{\", \"x\": ");

      for (guint i = 1; i < depth; i++)
        g_string_append_c (text, '[');
      for (guint i = 1; i < depth; i++)
        g_string_append_c (text, ']');
      g_string_append_c (text, '}');

      pack = load_string (text->str, &report, NULL);
      g_assert_null (pack);
      if (depth == 64)
        {
          g_assert_nonnull (find_error (report, "format", "required key"));
        }
      else
        {
          g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
          g_assert_nonnull (find_error (report, "", "nested more than 64 levels"));
        }
    }
}

/* Syntax that json-glib would let through or report in the wrong place */

/* The refusal of @report and @error is one problem of the whole file, at @line:@column,
 * that says @part; the one-line message names the same place. */
static void
assert_refused_at (EntentePack   *pack,
                   EntenteReport *report,
                   const GError  *error,
                   int            line,
                   int            column,
                   const char    *part)
{
  g_autofree char *where = g_strdup_printf ("line %d, column %d: ", line, column);
  const EntenteProblem *problem;

  print_report (report);
  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
  problem = entente_report_get_error (report, 0);
  g_assert_cmpstr (problem->path, ==, "");
  if (strstr (problem->message, part) == NULL)
    g_error ("“%s” does not say “%s”", problem->message, part);
  g_assert_cmpint (problem->line, ==, line);
  g_assert_cmpint (problem->column, ==, column);
  g_assert_nonnull (strstr (error->message, where));
}

/* Loads @length bytes of @text, which may hold NUL bytes, and checks its refusal. */
static void
assert_text_refused_at (const char *text,
                        gssize      length,
                        int         line,
                        int         column,
                        const char *part)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length >= 0 ? (gsize) length : strlen (text));
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;

  g_test_message ("refusing: %s", text);
  pack = entente_pack_load_from_bytes (bytes, "test.json", &report, &error);
  assert_refused_at (pack, report, error, line, column, part);
}

static void
assert_fixture_refused_at (const char *name,
                           int         line,
                           int         column,
                           const char *part)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = load_fixture ("invalid", name, &report, &error);

  assert_refused_at (pack, report, error, line, column, part);
}

/* A valid minimal pack whose title is @title (JSON, with its quotes) and which has an
 * unknown key “x” with the value @value (JSON). */
static char *
pack_with (const char *title,
           const char *value)
{
  return g_strdup_printf ("{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"p\","
                          " \"title\": %s, \"language\": \"en\", \"as_of\": \"2024\","
                          " \"outline\": [{\"id\": \"s\", \"title\": \"S\"}], \"x\": %s}",
                          title, value);
}

static EntentePack *
assert_pack_loads (const char *text)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  EntentePack *pack;

  g_test_message ("loading: %s", text);
  pack = load_string (text, &report, &error);
  print_report (report);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 0);

  return pack;
}

static void
test_mismatched_bracket_position (void)
{
  g_autofree char *text = NULL;
  g_autoptr(EntentePack) pack = NULL;

  /* The "children" array of line 16 is closed with a brace on line 21. */
  assert_fixture_refused_at ("syntax-mismatched-bracket.json", 21, 7,
                             "not valid JSON: expected “]” to close the “[” at line 16, "
                             "column 19, found “}”");

  /* json-glib alone points at the "2" before the brace. */
  assert_text_refused_at ("{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3,\n  \"d\": [1, 2},\n  \"e\": 4\n}\n",
                          -1, 5, 13, "expected “]” to close the “[” at line 5, column 8, found “}”");
  assert_text_refused_at ("{\"a\": [{\"b\": 1]}", -1, 1, 15,
                          "expected “}” to close the “{” at line 1, column 8, found “]”");
  /* The innermost open bracket is the one to close, not the first. */
  assert_text_refused_at ("{\"a\": [[1], [2}]}", -1, 1, 15,
                          "expected “]” to close the “[” at line 1, column 13, found “}”");
  /* Brackets inside strings, also after escaped quotes and backslashes, do not count. */
  assert_text_refused_at ("{\"a\": [\"}\\\"}\\\\\", \"]\"}", -1, 1, 21,
                          "expected “]” to close the “[” at line 1, column 7, found “}”");
  /* A closer with nothing open. */
  assert_text_refused_at ("]", -1, 1, 1, "not valid JSON: “]” closes nothing: no “[” is open");
  assert_text_refused_at ("\n  }", -1, 2, 3, "not valid JSON: “}” closes nothing: no “{” is open");

  /* Balanced brackets of both kinds, with look-alikes in strings, still load. */
  text = pack_with ("\"a [title} with {brackets]\"",
                    "{\"y\": [[], {}, [{\"z\": [\"}\"]}]], \"w\": \"[\"}");
  pack = assert_pack_loads (text);
  g_assert_cmpstr (entente_pack_get_title (pack), ==, "a [title} with {brackets]");
}

static void
test_nul_escape_position (void)
{
  g_autofree char *escaped_backslash = pack_with ("\"C:\\\\u0000\"", "\"\\u0100\"");
  g_autoptr(EntentePack) pack = NULL;

  /* json-glib would end the text at the NUL: the card's back would read “Jakarta”. */
  assert_fixture_refused_at ("string-nul-escape.json", 55, 23,
                             "a string contains \\u0000, the NUL character");

  assert_text_refused_at ("{\"a\\u0000b\": 1}", -1, 1, 4, "\\u0000");
  assert_text_refused_at ("{\"a\": \"\\u0000\"}", -1, 1, 8, "\\u0000");
  assert_text_refused_at ("{\"a\": \"\\u00000\"}", -1, 1, 8, "\\u0000");
  assert_text_refused_at ("{\"a\": \"abcdefghijklmnopqrstuvwxyz\\u0000\"}", -1, 1, 34, "\\u0000");
  assert_text_refused_at ("{\"a\": \"\\n\\\"\\\\\\u00e9\\u0000\"}", -1, 1, 20, "\\u0000");

  /* An escaped backslash before "u0000" is text, and other \u escapes are characters. */
  pack = assert_pack_loads (escaped_backslash);
  g_assert_cmpstr (entente_pack_get_title (pack), ==, "C:\\u0000");
}

static void
test_bad_escape_position (void)
{
  g_autofree char *escapes = pack_with ("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u00E9 \\uD83C\\uDF0F\"",
                                        "\"\\\\c \\\\u12\"");
  g_autoptr(EntentePack) pack = NULL;

  /* json-glib would drop the backslash: the text would read “C:\docscharter.pdf”. */
  assert_fixture_refused_at ("string-bad-escape.json", 61, 49,
                             "not valid JSON: “\\c” is not an escape: a backslash in a string "
                             "starts one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");

  assert_text_refused_at ("{\"a\\x\": 1}", -1, 1, 4, "“\\x” is not an escape");
  assert_text_refused_at ("{\"a\": \"\\'\"}", -1, 1, 8, "“\\'” is not an escape");
  /* Not quoted when it is not printable ASCII: here a space, and the first byte of “é”. */
  assert_text_refused_at ("{\"a\": \"\\ \"}", -1, 1, 8, "not valid JSON: a backslash in a string starts one of");
  assert_text_refused_at ("{\"a\": \"\\\xc3\xa9\"}", -1, 1, 8, "not valid JSON: a backslash in a string starts one of");
  /* json-glib would take “\u12zz” for some character and “zz”. */
  assert_text_refused_at ("{\"a\": \"\\u12zz\"}", -1, 1, 8, "“\\u” must be followed by four hexadecimal digits");
  assert_text_refused_at ("{\"a\": \"x\\u123\"}", -1, 1, 9, "“\\u” must be followed by four hexadecimal digits");
  assert_text_refused_at ("{\"a\": \"x\\u\"}", -1, 1, 9, "“\\u” must be followed by four hexadecimal digits");

  /* Every escape that JSON has, and backslashes that are escaped themselves. */
  pack = assert_pack_loads (escapes);
  g_assert_cmpstr (entente_pack_get_title (pack), ==, "\" \\ / \b \f \n \r \t é é 🌏");
}

static void
test_control_character_position (void)
{
  static const struct
  {
    char        c;
    const char *message;
  } characters[] = {
    { '\t', "not valid JSON: U+0009 (tab) must be written as \\t inside a string" },
    { '\n', "not valid JSON: U+000A (line feed) must be written as \\n inside a string" },
    { '\r', "not valid JSON: U+000D (carriage return) must be written as \\r inside a string" },
    { '\b', "not valid JSON: U+0008 (backspace) must be written as \\b inside a string" },
    { '\f', "not valid JSON: U+000C (form feed) must be written as \\f inside a string" },
    { '\x01', "not valid JSON: U+0001 (a control character) must be written as \\u0001 inside a string" },
    { '\x1f', "not valid JSON: U+001F (a control character) must be written as \\u001F inside a string" },
    { '\0', "the file contains a NUL byte" },
  };
  g_autofree char *allowed = NULL;
  g_autoptr(EntentePack) pack = NULL;

  assert_fixture_refused_at ("string-control-character.json", 47, 37,
                             "U+0009 (tab) must be written as \\t inside a string");

  /* The position is the character's: a raw line feed is the last column of its line. */
  for (guint i = 0; i < G_N_ELEMENTS (characters); i++)
    {
      char text[] = "{\"a\": \"x?y\"}";

      text[8] = characters[i].c;
      assert_text_refused_at (text, sizeof text - 1, 1, 9, characters[i].message);
    }

  /* In a key, and right after a backslash, which escapes nothing then. */
  assert_text_refused_at ("{\"a\tb\": 1}", -1, 1, 4, "U+0009 (tab)");
  assert_text_refused_at ("{\"a\": \"x\\\ty\"}", -1, 1, 10, "U+0009 (tab)");

  /* Strings are scanned several bytes at a time: the character, an escaped quote and the
   * closing quote are found wherever they fall. */
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *run = g_strnfill (i, 'a');
      g_autofree char *control = g_strdup_printf ("{\"a\": \"%s\x01%s\"}", run, "bbbbbbbbbbbbbbbbbbbb");
      g_autofree char *quote = g_strdup_printf ("{\"a\": \"%s\", \"b\": [1}", run);
      g_autofree char *escaped = g_strdup_printf ("{\"a\": \"%s\\\"bbbbbbbbbbbbbbbbbbbb\", \"b\": [1}",
                                                  run);
      g_autofree char *expected = g_strdup_printf ("to close the “[” at line 1, column %u,", 16 + i);
      g_autofree char *expected_escaped = g_strdup_printf ("to close the “[” at line 1, column %u,",
                                                           38 + i);

      assert_text_refused_at (control, -1, 1, 8 + i, "U+0001");
      assert_text_refused_at (quote, -1, 1, 18 + i, expected);
      assert_text_refused_at (escaped, -1, 1, 40 + i, expected_escaped);
    }

  /* Tabs, carriage returns and line feeds between tokens, DEL and other characters in
   * strings, and the escapes of control characters, are JSON. */
  allowed = pack_with ("\"tab\\there, DEL \x7f, caf\xc3\xa9\"", "\r\n\t[\t1,\r\n\t2\r\n]\r\n");
  pack = assert_pack_loads (allowed);
  g_assert_cmpstr (entente_pack_get_title (pack), ==, "tab\there, DEL \x7f, caf\xc3\xa9");
}

static void
test_leading_zero_position (void)
{
  g_autofree char *numbers = pack_with ("\"007\"", "[0, -0, 0.5, -0.5, 0e1, 0E-01, 1e01, 10, 100, "
                                        "1.05, 2e+01, -10, -0.0]");
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(EntentePack) pack = NULL;
  const EntenteProblem *problem;

  assert_fixture_refused_at ("number-leading-zero.json", 3, 14,
                             "not valid JSON: a number must not start with 0 followed by more "
                             "digits");

  /* The position is the number's, with its sign. */
  assert_text_refused_at ("{\"a\": 01}", -1, 1, 7, "must not start with 0");
  assert_text_refused_at ("{\"a\": -01}", -1, 1, 7, "must not start with 0");
  assert_text_refused_at ("{\"a\": -00.5}", -1, 1, 7, "must not start with 0");
  assert_text_refused_at ("{\"a\": [1, 2, 00]}", -1, 1, 14, "must not start with 0");
  assert_text_refused_at ("{\"a\": 0.5e01, \"b\": 007}", -1, 1, 20, "must not start with 0");
  assert_text_refused_at ("{\"a\": 10,\n \"b\": [\n  0,\n  01\n]}", -1, 4, 3, "must not start with 0");

  /* Zeros in fractions and exponents, a single zero, and digits in strings are fine. */
  pack = assert_pack_loads (numbers);
  g_assert_cmpstr (entente_pack_get_title (pack), ==, "007");
  g_clear_object (&pack);

  /* Digits in a word are not a number: json-glib refuses the word. */
  pack = load_string ("{\"a\": x01}", &report, NULL);
  g_assert_null (pack);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
  problem = entente_report_get_error (report, 0);
  g_assert_nonnull (strstr (problem->message, "not valid JSON"));
  g_assert_null (strstr (problem->message, "must not start with 0"));
}

static void
test_number_syntax_position (void)
{
  /* json-glib reads 0x1 as 1: the pack would load, as format version 1. */
  assert_fixture_refused_at ("number-hex.json", 3, 15, "not valid JSON: “x” cannot follow a number");

  /* Each at the character that is wrong. */
  assert_text_refused_at ("{\"a\": [.5]}", -1, 1, 8,
                          "not valid JSON: a number needs a digit before its decimal point");
  assert_text_refused_at ("{\"a\": [1.]}", -1, 1, 9,
                          "not valid JSON: a number needs a digit after its decimal point");
  assert_text_refused_at ("{\"a\": [10.e3]}", -1, 1, 10, "a number needs a digit after its decimal point");
  assert_text_refused_at ("{\"a\": [-.5]}", -1, 1, 8, "not valid JSON: “-” must be followed by a digit");
  assert_text_refused_at ("{\"a\": [- 2]}", -1, 1, 8, "“-” must be followed by a digit");
  assert_text_refused_at ("{\"a\": -", -1, 1, 7, "“-” must be followed by a digit");
  assert_text_refused_at ("{\"a\": [1e]}", -1, 1, 9, "not valid JSON: the exponent of a number needs a digit");
  assert_text_refused_at ("{\"a\": [2.5E+]}", -1, 1, 11, "the exponent of a number needs a digit");
  assert_text_refused_at ("{\"a\": [0x10]}", -1, 1, 9, "“x” cannot follow a number");
  assert_text_refused_at ("{\"a\": [1.5.3]}", -1, 1, 11, "“.” cannot follow a number");
  assert_text_refused_at ("{\"a\": [1e5e3]}", -1, 1, 11, "“e” cannot follow a number");
  assert_text_refused_at ("{\"a\": 12a}", -1, 1, 9, "“a” cannot follow a number");
}

static char *
pack_with_summary (gsize length)
{
  g_autofree char *summary = g_strnfill (length, 'a');

  return g_strdup_printf ("{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"p\", \"title\": \"T\","
                          " \"language\": \"en\", \"as_of\": \"2024\","
                          " \"outline\": [{\"id\": \"s\", \"title\": \"S\", \"summary\": \"%s\"}]}",
                          summary);
}

static void
test_text_limit (void)
{
  g_autofree char *at_limit = pack_with_summary (ENTENTE_PACK_MAX_TEXT_BYTES);
  g_autofree char *over_limit = pack_with_summary (ENTENTE_PACK_MAX_TEXT_BYTES + 1);
  g_autoptr(EntentePack) valid = NULL;
  g_autoptr(EntentePack) refused = NULL;
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;

  valid = load_string (at_limit, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (entente_section_get_summary (entente_pack_get_nth_section (valid, 0))), ==,
                    ENTENTE_PACK_MAX_TEXT_BYTES);

  refused = load_string (over_limit, &report, &error);
  g_assert_null (refused);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
  g_assert_nonnull (find_error (report, "outline[0].summary", "the text is 65537 bytes long; the limit is 65536 bytes"));
}

static void
test_huge_string (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'x');
  g_autofree char *text = g_strdup_printf ("{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"p\","
                                           " \"title\": \"%s\", \"language\": \"en\", \"as_of\": \"2024\","
                                           " \"outline\": [{\"id\": \"s\", \"title\": \"S\"}]}",
                                           huge);

  pack = load_string (text, &report, &error);
  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
  g_assert_nonnull (find_error (report, "title", "10485760 bytes long"));
}

static void
test_huge_string_in_message (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autofree char *huge = g_strnfill (1024 * 1024, 'Q');
  g_autofree char *text = g_strdup_printf ("{\"format\": \"%s\"}", huge);
  const EntenteProblem *problem;

  /* A value quoted in a message is cut short. */
  pack = load_string (text, &report, NULL);
  g_assert_null (pack);
  problem = find_error (report, "format", "expected “entente-pack”");
  g_assert_nonnull (problem);
  g_assert_cmpuint (strlen (problem->message), <, 200);
  g_assert_nonnull (strstr (problem->message, "…"));
}

static void
test_too_many_problems (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GString) text = g_string_new ("{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"p\","
                                          " \"title\": \"T\", \"language\": \"en\", \"as_of\": \"2024\","
                                          " \"outline\": [{\"id\": \"s\", \"title\": \"S\"}], \"cards\": [");

  /* Each card lacks its id, front and back: 450 problems. */
  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "%s{\"kind\": \"basic\"}", i > 0 ? ", " : "");
  g_string_append (text, "]}");

  pack = load_string (text->str, &report, &error);
  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, ENTENTE_REPORT_MAX_ERRORS);
  g_assert_true (entente_report_get_truncated (report));
  g_assert_nonnull (strstr (error->message, "more than 100 problems"));
  /* The first ones are kept, in order. */
  g_assert_cmpstr (entente_report_get_error (report, 0)->path, ==, "cards[0].id");
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_CARDS), ==, 150);
  g_assert_cmpuint (entente_report_get_card_kind_count (report, ENTENTE_CARD_KIND_BASIC), ==, 150);
}

static void
test_too_many_cards (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  guint n = ENTENTE_PACK_MAX_CARDS + 1;
  g_autoptr(GString) text = g_string_sized_new (2 * n + 300);

  g_string_append (text, "{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"p\","
                         " \"title\": \"T\", \"language\": \"en\", \"as_of\": \"2024\","
                         " \"outline\": [{\"id\": \"s\", \"title\": \"S\"}], \"cards\": [0");
  for (guint i = 1; i < n; i++)
    g_string_append (text, ",0");
  g_string_append (text, "]}");

  pack = load_string (text->str, &report, &error);
  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID);
  g_assert_nonnull (find_error (report, "cards", "1000001 cards; a pack holds at most 1000000"));
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_CARDS), ==, n);
  g_assert_true (entente_report_get_truncated (report));
}

static void
test_too_large_bytes (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  /* Never touched: the size alone refuses it. */
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc (ENTENTE_PACK_MAX_FILE_SIZE + 1),
                                              ENTENTE_PACK_MAX_FILE_SIZE + 1);

  pack = entente_pack_load_from_bytes (bytes, "big.json", &report, &error);
  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_TOO_LARGE);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
}

static void
test_too_large_file (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = g_dir_make_tmp ("entente-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  FILE *stream;

  g_assert_no_error (error);
  path = g_build_filename (folder, "big.json", NULL);

  /* A sparse file: its size says it all, and the loader must not read it. */
  stream = g_fopen (path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, ENTENTE_PACK_MAX_FILE_SIZE, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', stream), ==, '}');
  g_assert_cmpint (fclose (stream), ==, 0);

  file = g_file_new_for_path (path);
  pack = entente_pack_load_from_file (file, NULL, &report, &error);
  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.json"));
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
test_missing_file (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/entente/pack.json");

  pack = entente_pack_load_from_file (file, NULL, &report, &error);
  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "pack.json"));
  g_assert_nonnull (report);
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
}

static void
test_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);

  pack = entente_pack_load_from_file (file, NULL, NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_IO);
}

static void
test_newer_version (void)
{
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;

  /* A version 2 pack may use keys and values that version 1 does not know: it is refused
   * with one problem, not with a list of what version 1 would call mistakes. */
  pack = load_string ("{\"format\": \"entente-pack\", \"version\": 7, \"id\": \"Future\","
                      " \"hologram\": true, \"outline\": [{\"id\": \"s\", \"title\": \"S\"}],"
                      " \"cards\": [{\"kind\": \"basic\"}, {\"kind\": \"vr\"}]}",
                      &report, &error);
  g_assert_null (pack);
  g_assert_error (error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "needs a newer version of Entente"));
  g_assert_cmpuint (entente_report_get_n_errors (report), ==, 1);
  g_assert_cmpuint (entente_report_get_n_warnings (report), ==, 0);
  g_assert_nonnull (find_error (report, "version", "needs a newer version of Entente"));
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_CARDS), ==, 2);
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_SECTIONS), ==, 1);
}

static void
test_report_api (void)
{
  g_autoptr(EntenteReport) report = entente_report_new ();
  EntenteProblem problem = { (char *) "cards[41].answer", (char *) "index 5 is out of range (4 choices)", 0, 0 };
  EntenteProblem syntax = { (char *) "", (char *) "not valid JSON", 3, 7 };
  EntenteProblem whole = { (char *) "", (char *) "the file is empty", 0, 0 };
  g_autofree char *plain = entente_problem_to_string (&problem, NULL);
  g_autofree char *with_file = entente_problem_to_string (&problem, "pack.json");
  g_autofree char *positioned = entente_problem_to_string (&syntax, "pack.json");
  g_autofree char *positioned_bare = entente_problem_to_string (&syntax, NULL);
  g_autofree char *whole_text = entente_problem_to_string (&whole, "pack.json");
  g_autoptr(EntenteProblem) copy = entente_problem_copy (&problem);

  g_assert_cmpstr (plain, ==, "cards[41].answer: index 5 is out of range (4 choices)");
  g_assert_cmpstr (with_file, ==, "pack.json: cards[41].answer: index 5 is out of range (4 choices)");
  g_assert_cmpstr (positioned, ==, "pack.json:3:7: not valid JSON");
  g_assert_cmpstr (positioned_bare, ==, "3:7: not valid JSON");
  g_assert_cmpstr (whole_text, ==, "pack.json: the file is empty");
  g_assert_cmpstr (copy->path, ==, problem.path);
  g_assert_cmpstr (copy->message, ==, problem.message);

  for (guint i = 0; i < 150; i++)
    entente_report_add_error (report, "cards", 0, 0, "problem %u", i);
  for (guint i = 0; i < 150; i++)
    entente_report_add_warning (report, "cards", "warning %u", i);

  g_assert_cmpuint (entente_report_get_n_errors (report), ==, ENTENTE_REPORT_MAX_ERRORS);
  g_assert_true (entente_report_get_truncated (report));
  g_assert_cmpstr (entente_report_get_error (report, 99)->message, ==, "problem 99");
  g_assert_cmpuint (entente_report_get_n_warnings (report), ==, ENTENTE_REPORT_MAX_ERRORS);
  g_assert_null (entente_report_get_pack_id (report));
  g_assert_cmpuint (entente_report_get_count (report, ENTENTE_COUNT_CARDS), ==, 0);
}

/* Loading in a thread */

typedef struct
{
  GMainLoop     *loop;
  EntentePack   *pack;
  EntenteReport *report;
  GError        *error;
} AsyncResult;

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->pack = entente_pack_load_file_finish (result, &async->report, &async->error);
  g_main_loop_quit (async->loop);
}

static void
load_async (GFile        *file,
            GCancellable *cancellable,
            gboolean      cancel_at_once,
            AsyncResult  *async)
{
  async->loop = g_main_loop_new (NULL, FALSE);
  entente_pack_load_file_async (file, cancellable, load_cb, async);
  if (cancel_at_once)
    g_cancellable_cancel (cancellable);
  g_main_loop_run (async->loop);
  g_main_loop_unref (async->loop);
}

static void
test_async (void)
{
  g_autofree char *path = fixture_path ("valid", "full.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncResult async = { 0 };

  load_async (file, NULL, FALSE, &async);
  g_assert_no_error (async.error);
  g_assert_nonnull (async.pack);
  g_assert_nonnull (async.report);
  g_assert_cmpuint (entente_report_get_n_errors (async.report), ==, 0);
  g_assert_cmpstr (entente_pack_get_id (async.pack), ==, "fixture-eu");
  g_assert_true (g_file_equal (entente_pack_get_file (async.pack), file));

  g_assert_finalize_object (async.pack);
  g_assert_finalize_object (async.report);
}

static void
test_async_refused (void)
{
  g_autofree char *path = fixture_path ("invalid", "multi-cards.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncResult async = { 0 };

  load_async (file, NULL, FALSE, &async);
  g_assert_null (async.pack);
  g_assert_error (async.error, ENTENTE_PACK_ERROR, ENTENTE_PACK_ERROR_INVALID);
  g_assert_nonnull (async.report);
  g_assert_cmpuint (entente_report_get_n_errors (async.report), >=, 6);

  g_clear_error (&async.error);
  g_assert_finalize_object (async.report);
}

static char *
write_big_pack (guint n_cards)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("{\"format\": \"entente-pack\", \"version\": 1, \"id\": \"p\","
                                          " \"title\": \"T\", \"language\": \"en\", \"as_of\": \"2024\","
                                          " \"outline\": [{\"id\": \"s\", \"title\": \"S\"}], \"cards\": [");
  char *path;
  int fd;

  for (guint i = 0; i < n_cards; i++)
    g_string_append_printf (text, "%s{\"id\": \"c%u\", \"kind\": \"basic\", \"section\": \"s\","
                            " \"front\": \"Question %u?\", \"back\": \"Answer %u\"}",
                            i > 0 ? ",\n" : "", i, i, i);
  g_string_append (text, "]}");

  fd = g_file_open_tmp ("entente-big-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_cancelled (void)
{
  g_autofree char *path = write_big_pack (20000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  AsyncResult async = { 0 };

  /* It loads when left alone... */
  pack = entente_pack_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_cards (pack)), ==, 20000);
  g_clear_object (&pack);

  /* ...not when cancelled before it starts... */
  g_cancellable_cancel (cancellable);
  pack = entente_pack_load_from_file (file, cancellable, &report, &error);
  g_assert_null (pack);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (report);
  g_clear_error (&error);

  /* ...nor when cancelled while it runs in its thread. */
  g_cancellable_reset (cancellable);
  load_async (file, cancellable, TRUE, &async);
  g_assert_null (async.pack);
  g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&async.error);
  g_clear_object (&async.report);

  g_assert_cmpint (g_remove (path), ==, 0);
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
  g_autoptr(GPtrArray) expectations = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/entente/loader/valid/full", test_full_pack);
  g_test_add_func ("/entente/loader/valid/full-counts", test_full_pack_counts);
  g_test_add_func ("/entente/loader/valid/minimal-defaults", test_minimal_pack_defaults);
  g_test_add_func ("/entente/loader/valid/warnings-only", test_warnings_only);
  g_test_add_func ("/entente/loader/valid/unknown-keys", test_unknown_keys_everywhere);
  g_test_add_func ("/entente/loader/valid/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/entente/loader/valid/unicode-escapes", test_unicode_escapes);
  g_test_add_func ("/entente/loader/valid/properties", test_properties);
  g_test_add_func ("/entente/loader/valid/section-outlives-pack", test_section_outlives_pack);
  g_test_add_func ("/entente/loader/member/status-at", test_member_status_at);
  g_test_add_func ("/entente/loader/member/status-strings", test_member_status_strings);
  g_test_add_func ("/entente/loader/card/split-cloze", test_split_cloze);
  g_test_add_func ("/entente/loader/report/api", test_report_api);
  g_test_add_func ("/entente/loader/report/counts-of-refused-pack", test_counts_of_refused_pack);

  expectations = read_expectations ();
  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *expectation = g_ptr_array_index (expectations, i);
      g_autofree char *name = g_strndup (expectation->file, strlen (expectation->file) - strlen (".json"));
      g_autofree char *test_path = g_strdup_printf ("/entente/loader/invalid/%s", name);

      g_test_add_data_func (test_path, expectation, test_invalid_fixture);
    }

  g_test_add_func ("/entente/loader/refused/syntax-error-position", test_syntax_error_position);
  g_test_add_func ("/entente/loader/refused/truncated-position", test_syntax_error_truncated_position);
  g_test_add_func ("/entente/loader/refused/not-utf8-position", test_not_utf8_position);
  g_test_add_func ("/entente/loader/refused/deep-nesting", test_deep_nesting);
  g_test_add_func ("/entente/loader/refused/deep-nesting-limit", test_deep_nesting_limit);
  g_test_add_func ("/entente/loader/refused/mismatched-bracket-position", test_mismatched_bracket_position);
  g_test_add_func ("/entente/loader/refused/nul-escape-position", test_nul_escape_position);
  g_test_add_func ("/entente/loader/refused/bad-escape-position", test_bad_escape_position);
  g_test_add_func ("/entente/loader/refused/control-character-position", test_control_character_position);
  g_test_add_func ("/entente/loader/refused/leading-zero-position", test_leading_zero_position);
  g_test_add_func ("/entente/loader/refused/number-syntax-position", test_number_syntax_position);
  g_test_add_func ("/entente/loader/refused/text-limit", test_text_limit);
  g_test_add_func ("/entente/loader/refused/huge-string", test_huge_string);
  g_test_add_func ("/entente/loader/refused/huge-string-in-message", test_huge_string_in_message);
  g_test_add_func ("/entente/loader/refused/too-many-problems", test_too_many_problems);
  g_test_add_func ("/entente/loader/refused/too-many-cards", test_too_many_cards);
  g_test_add_func ("/entente/loader/refused/too-large-bytes", test_too_large_bytes);
  g_test_add_func ("/entente/loader/refused/too-large-file", test_too_large_file);
  g_test_add_func ("/entente/loader/refused/newer-version", test_newer_version);
  g_test_add_func ("/entente/loader/io/missing-file", test_missing_file);
  g_test_add_func ("/entente/loader/io/directory", test_directory);
  g_test_add_func ("/entente/loader/async/load", test_async);
  g_test_add_func ("/entente/loader/async/refused", test_async_refused);
  g_test_add_func ("/entente/loader/async/cancelled", test_cancelled);

  return g_test_run ();
}
