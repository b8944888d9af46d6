/* fuzz-pack-loader.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: every input goes through the pack loader, and what it returns
 * (the pack, or the report of a refusal) is walked so that a half-built object or a
 * dangling string shows up under AddressSanitizer.
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "entente-model.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Everything the loader hands to the UI must be valid UTF-8: GTK refuses anything else. */
static void
check_text (const char *text)
{
  g_assert (text == NULL || g_utf8_validate (text, -1, NULL));
}

static void
walk_strv (const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    check_text (strv[i]);
}

static void
walk_sections (GListModel *sections,
               guint       depth)
{
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EntenteSection) section = g_list_model_get_item (sections, i);

      g_assert (entente_section_get_id (section) != NULL);
      g_assert (entente_section_get_title (section) != NULL);
      check_text (entente_section_get_title (section));
      check_text (entente_section_get_summary (section));
      check_text (entente_section_get_pages (section));
      g_assert_cmpuint (depth, <, ENTENTE_PACK_MAX_DEPTH);
      g_assert_cmpuint (entente_section_get_depth (section), ==, depth);
      walk_strv (entente_section_get_points (section));
      walk_strv (entente_section_get_members (section));
      walk_strv (entente_section_get_terms (section));
      walk_strv (entente_section_get_events (section));
      walk_sections (entente_section_get_children (section), depth + 1);
    }
}

static void
walk_pack (EntentePack *pack)
{
  GListModel *cards = entente_pack_get_cards (pack);
  GListModel *members = entente_pack_get_members (pack);
  guint n_sections = entente_pack_get_n_sections (pack);

  g_assert (entente_pack_get_id (pack) != NULL);
  g_assert (entente_pack_get_title (pack) != NULL);
  check_text (entente_pack_get_title (pack));
  check_text (entente_pack_get_subtitle (pack));
  check_text (entente_pack_get_language (pack));
  check_text (entente_pack_get_abstract (pack));
  check_text (entente_pack_get_source_citation (pack));
  walk_strv (entente_pack_get_keywords (pack));
  g_assert (entente_date_is_set (entente_pack_get_as_of (pack)));

  walk_sections (entente_pack_get_outline (pack), 0);
  for (guint i = 0; i < n_sections; i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (pack, i);
      const char *id = entente_section_get_id (section);
      g_autoptr(GPtrArray) section_cards = entente_pack_get_cards_for_section (pack, id);
      g_autoptr(GPtrArray) corrections = entente_pack_get_corrections_for_section (pack, id);

      g_assert (entente_pack_lookup_section (pack, id) == section);
      g_assert (section_cards != NULL);
      g_assert (corrections != NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(EntenteMember) member = g_list_model_get_item (members, i);
      guint n_periods = 0;
      const EntenteStatusPeriod *history = entente_member_get_history (member, &n_periods);

      g_assert (n_periods == 0 || history != NULL);
      check_text (entente_member_get_name (member));
      check_text (entente_member_get_summary (member));
      check_text (entente_member_get_capital (member));
      walk_strv (entente_member_get_facts (member));
      g_assert (entente_pack_lookup_member (pack, entente_member_get_code (member)) == member);
      for (guint j = 0; j < n_periods; j++)
        entente_member_get_status_at (member, &history[j].from);
      entente_member_get_status_at (member, entente_pack_get_as_of (pack));
    }

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(EntenteCard) card = g_list_model_get_item (cards, i);

      g_assert (entente_pack_lookup_card (pack, entente_card_get_id (card)) == card);
      check_text (entente_card_get_explanation (card));
      switch (entente_card_get_kind (card))
        {
        case ENTENTE_CARD_KIND_BASIC:
          g_assert (entente_card_get_front (card) != NULL);
          g_assert (entente_card_get_back (card) != NULL);
          check_text (entente_card_get_front (card));
          check_text (entente_card_get_back (card));
          walk_strv (entente_card_get_accept (card));
          break;

        case ENTENTE_CARD_KIND_CHOICE:
          check_text (entente_card_get_question (card));
          walk_strv (entente_card_get_choices (card));
          g_assert_cmpint (entente_card_get_answer_index (card), >=, 0);
          g_assert_cmpint (entente_card_get_answer_index (card), <,
                           g_strv_length ((char **) entente_card_get_choices (card)));
          break;

        case ENTENTE_CARD_KIND_CLOZE:
          g_assert (entente_card_get_text (card) != NULL);
          check_text (entente_card_get_text (card));
          {
            g_auto(GStrv) parts = entente_card_split_cloze (entente_card_get_text (card));

            /* A valid cloze card has at least one gap: text, gap, text. */
            g_assert (parts != NULL);
            g_assert_cmpuint (g_strv_length (parts), >=, 3);
            walk_strv ((const char * const *) parts);
          }
          break;

        case ENTENTE_CARD_KIND_MAP:
          check_text (entente_card_get_prompt (card));
          g_assert (entente_iso3166_lookup (entente_card_get_answer_code (card)) != NULL);
          break;

        default:
          g_assert_not_reached ();
        }
      walk_strv (entente_card_get_tags (card));
    }
}

static void
walk_report (EntenteReport *report)
{
  guint n_errors = entente_report_get_n_errors (report);
  guint n_warnings = entente_report_get_n_warnings (report);

  g_assert_cmpuint (n_errors, <=, ENTENTE_REPORT_MAX_ERRORS);
  g_assert_cmpuint (n_warnings, <=, ENTENTE_REPORT_MAX_ERRORS);

  for (guint i = 0; i < n_errors; i++)
    {
      g_autofree char *text = entente_problem_to_string (entente_report_get_error (report, i),
                                                         "fuzz.json");

      check_text (text);
    }
  for (guint i = 0; i < n_warnings; i++)
    {
      g_autofree char *text = entente_problem_to_string (entente_report_get_warning (report, i),
                                                         "fuzz.json");

      check_text (text);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GError) error = NULL;

  pack = entente_pack_load_from_bytes (bytes, "fuzz.json", &report, &error);

  g_assert (report != NULL);
  walk_report (report);

  if (pack != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (entente_report_get_n_errors (report), ==, 0);
      walk_pack (pack);
    }
  else
    {
      g_assert (error != NULL);
      check_text (error->message);
    }

  return 0;
}
