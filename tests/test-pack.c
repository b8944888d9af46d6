/* test-pack.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in pack, loaded from the GResource as the app loads it, against what
 * json-glib alone reads from the same bytes.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "entente-model.h"

static JsonObject *
read_raw (JsonParser *parser)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (ENTENTE_BUILTIN_PACK_RESOURCE,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static guint
raw_length (JsonObject *object,
            const char *key)
{
  if (!json_object_has_member (object, key))
    return 0;

  return json_array_get_length (json_object_get_array_member (object, key));
}

/* Counts the sections of @array and its subsections in reading order into @ids. */
static void
collect_raw_sections (JsonArray *array,
                      GPtrArray *ids,
                      GPtrArray *depths,
                      guint      depth)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *section = json_array_get_object_element (array, i);

      g_ptr_array_add (ids, (gpointer) json_object_get_string_member (section, "id"));
      g_ptr_array_add (depths, GUINT_TO_POINTER (depth));
      if (json_object_has_member (section, "children"))
        collect_raw_sections (json_object_get_array_member (section, "children"), ids, depths, depth + 1);
    }
}

static void
check_tree (GListModel     *sections,
            EntenteSection *parent,
            guint          *position,
            EntentePack    *pack)
{
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(EntenteSection) section = g_list_model_get_item (sections, i);

      g_assert_true (entente_section_get_parent (section) == parent);
      g_assert_true (entente_pack_get_nth_section (pack, *position) == section);
      (*position)++;
      check_tree (entente_section_get_children (section), section, position, pack);
    }
}

static gboolean
have_builtin_pack (void)
{
  if (g_resources_get_info (ENTENTE_BUILTIN_PACK_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                            NULL, NULL, NULL))
    return TRUE;

  g_test_skip ("the built-in pack is not in the resource");
  return FALSE;
}

static void
test_builtin_loads (void)
{
  g_autoptr(GError) error = NULL;
  EntentePack *pack;

  if (!have_builtin_pack ())
    return;

  pack = entente_pack_load_builtin (&error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpstr (entente_pack_get_id (pack), ==, "khan-sultana-sco");
  g_assert_nonnull (entente_pack_get_title (pack));
  g_assert_true (entente_date_is_set (entente_pack_get_as_of (pack)));
  g_assert_null (entente_pack_get_file (pack));

  g_assert_finalize_object (pack);
}

static void
test_builtin_without_warnings (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntenteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;

  if (!have_builtin_pack ())
    return;

  bytes = g_resources_lookup_data (ENTENTE_BUILTIN_PACK_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  pack = entente_pack_load_from_bytes (bytes, "khan-sultana-sco.json", &report, &error);
  for (guint i = 0; i < entente_report_get_n_warnings (report); i++)
    {
      g_autofree char *text = entente_problem_to_string (entente_report_get_warning (report, i), NULL);

      g_test_message ("warning: %s", text);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (entente_report_get_n_warnings (report), ==, 0);
}

static void
test_builtin_counts (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) depths = g_ptr_array_new ();
  JsonObject *raw;

  if (!have_builtin_pack ())
    return;

  raw = read_raw (parser);
  pack = entente_pack_load_builtin (&error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_outline (pack)), ==, raw_length (raw, "outline"));
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_members (pack)), ==, raw_length (raw, "members"));
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_events (pack)), ==, raw_length (raw, "timeline"));
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_terms (pack)), ==, raw_length (raw, "glossary"));
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_cards (pack)), ==, raw_length (raw, "cards"));
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_references (pack)), ==, raw_length (raw, "references"));
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_corrections (pack)), ==, raw_length (raw, "corrections"));
  g_assert_cmpuint (g_list_model_get_n_items (entente_pack_get_authors (pack)), ==, raw_length (raw, "authors"));

  /* The flat list of sections is the tree in reading order. */
  collect_raw_sections (json_object_get_array_member (raw, "outline"), ids, depths, 0);
  g_assert_cmpuint (entente_pack_get_n_sections (pack), ==, ids->len);
  g_assert_cmpuint (ids->len, >, 0);
  for (guint i = 0; i < ids->len; i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (pack, i);

      g_assert_cmpstr (entente_section_get_id (section), ==, g_ptr_array_index (ids, i));
      g_assert_cmpuint (entente_section_get_depth (section), ==, GPOINTER_TO_UINT (g_ptr_array_index (depths, i)));
      g_assert_cmpuint (entente_section_get_depth (section), <, ENTENTE_PACK_MAX_DEPTH);
    }
}

static void
test_builtin_tree_and_lookups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  GListModel *members, *cards, *events, *terms, *references;
  guint position = 0;

  if (!have_builtin_pack ())
    return;

  pack = entente_pack_load_builtin (&error);
  g_assert_no_error (error);

  check_tree (entente_pack_get_outline (pack), NULL, &position, pack);
  g_assert_cmpuint (position, ==, entente_pack_get_n_sections (pack));

  for (guint i = 0; i < entente_pack_get_n_sections (pack); i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (pack, i);

      g_assert_true (entente_pack_lookup_section (pack, entente_section_get_id (section)) == section);
      for (const char * const *code = entente_section_get_members (section); *code != NULL; code++)
        g_assert_nonnull (entente_pack_lookup_member (pack, *code));
      for (const char * const *id = entente_section_get_terms (section); *id != NULL; id++)
        g_assert_nonnull (entente_pack_lookup_term (pack, *id));
      for (const char * const *id = entente_section_get_events (section); *id != NULL; id++)
        g_assert_nonnull (entente_pack_lookup_event (pack, *id));
    }

  members = entente_pack_get_members (pack);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(EntenteMember) member = g_list_model_get_item (members, i);

      g_assert_true (entente_pack_lookup_member (pack, entente_member_get_code (member)) == member);
      g_assert_nonnull (entente_iso3166_lookup (entente_member_get_code (member)));
      g_assert_nonnull (entente_member_get_display_name (member));
      /* The status of today is the status as of the pack's date. */
      g_assert_cmpint (entente_member_get_status_at (member, entente_pack_get_as_of (pack)), ==,
                       entente_member_get_status (member));
    }

  cards = entente_pack_get_cards (pack);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(EntenteCard) card = g_list_model_get_item (cards, i);
      const char *section = entente_card_get_section (card);

      g_assert_true (entente_pack_lookup_card (pack, entente_card_get_id (card)) == card);
      if (section != NULL)
        g_assert_nonnull (entente_pack_lookup_section (pack, section));
    }

  /* Events are in date order. */
  events = entente_pack_get_events (pack);
  for (guint i = 1; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(EntenteEvent) before = g_list_model_get_item (events, i - 1);
      g_autoptr(EntenteEvent) after = g_list_model_get_item (events, i);

      g_assert_cmpint (entente_date_compare (entente_event_get_date (before),
                                             entente_event_get_date (after)), <=, 0);
    }

  terms = entente_pack_get_terms (pack);
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(EntenteTerm) term = g_list_model_get_item (terms, i);

      g_assert_true (entente_pack_lookup_term (pack, entente_term_get_id (term)) == term);
    }

  references = entente_pack_get_references (pack);
  for (guint i = 0; i < g_list_model_get_n_items (references); i++)
    {
      g_autoptr(EntenteReference) reference = g_list_model_get_item (references, i);

      g_assert_true (entente_pack_lookup_reference (pack, entente_reference_get_id (reference)) == reference);
    }

  g_assert_null (entente_pack_lookup_section (pack, "no-such-section"));
  g_assert_null (entente_pack_lookup_card (pack, "no-such-card"));
}

static void
test_builtin_corrections_by_section (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  GListModel *corrections;
  guint with_section = 0;
  guint found = 0;

  if (!have_builtin_pack ())
    return;

  pack = entente_pack_load_builtin (&error);
  g_assert_no_error (error);

  corrections = entente_pack_get_corrections (pack);
  for (guint i = 0; i < g_list_model_get_n_items (corrections); i++)
    {
      g_autoptr(EntenteCorrection) correction = g_list_model_get_item (corrections, i);

      g_assert_nonnull (entente_correction_get_claim (correction));
      g_assert_nonnull (entente_correction_get_correction (correction));
      if (entente_correction_get_section (correction) != NULL)
        with_section++;
    }

  /* Every correction with a section is listed under that section, once, in pack order. */
  for (guint i = 0; i < entente_pack_get_n_sections (pack); i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (pack, i);
      g_autoptr(GPtrArray) listed = entente_pack_get_corrections_for_section (pack, entente_section_get_id (section));
      g_autoptr(GPtrArray) section_cards = entente_pack_get_cards_for_section (pack, entente_section_get_id (section));

      for (guint j = 0; j < listed->len; j++)
        {
          EntenteCorrection *correction = g_ptr_array_index (listed, j);

          g_assert_cmpstr (entente_correction_get_section (correction), ==, entente_section_get_id (section));
        }
      for (guint j = 0; j < section_cards->len; j++)
        g_assert_cmpstr (entente_card_get_section (g_ptr_array_index (section_cards, j)), ==,
                         entente_section_get_id (section));
      found += listed->len;
    }
  g_assert_cmpuint (found, ==, with_section);
}

static void
test_iso3166 (void)
{
  const EntenteCountry *china = entente_iso3166_lookup ("CN");
  const char *previous = "";

  g_assert_cmpuint (entente_iso3166_get_n_countries (), ==, 249);
  g_assert_nonnull (china);
  g_assert_cmpstr (china->alpha3, ==, "CHN");
  g_assert_cmpint (china->numeric, ==, 156);
  g_assert_cmpstr (china->name, ==, "China");
  g_assert_cmpstr (entente_iso3166_lookup ("IR")->name, ==, "Iran");
  g_assert_cmpstr (entente_iso3166_lookup ("TR")->name, ==, "Türkiye");
  g_assert_cmpstr (entente_iso3166_lookup ("KZ")->alpha3, ==, "KAZ");
  g_assert_nonnull (entente_iso3166_lookup ("AD"));
  g_assert_nonnull (entente_iso3166_lookup ("ZW"));

  g_assert_null (entente_iso3166_lookup ("cn"));
  g_assert_null (entente_iso3166_lookup ("XX"));
  g_assert_null (entente_iso3166_lookup ("CHN"));
  g_assert_null (entente_iso3166_lookup ("C"));
  g_assert_null (entente_iso3166_lookup (""));
  g_assert_null (entente_iso3166_lookup (NULL));

  for (guint i = 0; i < entente_iso3166_get_n_countries (); i++)
    {
      const EntenteCountry *country = entente_iso3166_get_nth (i);

      g_assert_cmpint (strcmp (previous, country->alpha2), <, 0);
      g_assert_true (entente_iso3166_lookup (country->alpha2) == country);
      g_assert_cmpuint (strlen (country->alpha3), ==, 3);
      g_assert_cmpint (country->numeric, >, 0);
      g_assert_true (g_utf8_validate (country->name, -1, NULL));
      previous = country->alpha2;
    }
  g_assert_null (entente_iso3166_get_nth (249));

  /* The tests run in C.UTF-8: the names are the English ones. */
  g_assert_cmpstr (entente_iso3166_get_localized_name ("KG"), ==, "Kyrgyzstan");
  g_assert_null (entente_iso3166_get_localized_name ("XX"));
}

/* A state's name: the pack's own name for a member, the ISO name for any other state. */
static void
test_state_names (void)
{
  static const char json[] =
    "{ \"format\": \"entente-pack\", \"version\": 1, \"id\": \"names\","
    "  \"title\": \"Names\", \"language\": \"en\", \"as_of\": \"2024\","
    "  \"outline\": [ { \"id\": \"s\", \"title\": \"S\" } ],"
    "  \"members\": [ { \"code\": \"TR\", \"status\": \"partner\", \"name\": \"Turkey\" },"
    "                 { \"code\": \"KG\", \"status\": \"member\" } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GError) error = NULL;

  pack = entente_pack_load_from_bytes (bytes, "names.json", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (entente_pack_get_state_name (pack, "TR"), ==, "Turkey");
  g_assert_cmpstr (entente_pack_get_state_name (pack, "KG"), ==, "Kyrgyzstan");
  g_assert_cmpstr (entente_pack_get_state_name (pack, "FR"), ==, "France");
  g_assert_cmpstr (entente_pack_get_state_name (pack, "XX"), ==, "XX");
  g_assert_null (entente_pack_get_state_name (pack, NULL));
}

/* The flashcards of the built-in pack: enough of every kind, every section covered
 * and every correction asked about in its own section. */
static void
test_builtin_cards (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntentePack) pack = NULL;
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *cards, *corrections;
  guint per_kind[ENTENTE_N_CARD_KINDS] = { 0 };
  guint n_cards, n_sections;
  guint previous_position = 0;

  if (!have_builtin_pack ())
    return;

  pack = entente_pack_load_builtin (&error);
  g_assert_no_error (error);

  n_sections = entente_pack_get_n_sections (pack);
  for (guint i = 0; i < n_sections; i++)
    g_hash_table_insert (positions,
                         (gpointer) entente_section_get_id (entente_pack_get_nth_section (pack, i)),
                         GUINT_TO_POINTER (i + 1));

  cards = entente_pack_get_cards (pack);
  n_cards = g_list_model_get_n_items (cards);
  g_assert_cmpuint (n_cards, >=, 150);

  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(EntenteCard) card = g_list_model_get_item (cards, i);
      const char *id = entente_card_get_id (card);
      const char *section = entente_card_get_section (card);
      const char *explanation = entente_card_get_explanation (card);
      guint position;

      g_test_message ("card %s", id);

      /* Every card names an existing section, and the cards follow the outline. */
      g_assert_nonnull (section);
      position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, section));
      g_assert_cmpuint (position, >, 0);
      g_assert_cmpuint (position, >=, previous_position);
      previous_position = position;

      g_assert_nonnull (explanation);
      g_assert_cmpuint (strlen (explanation), >, 20);

      per_kind[entente_card_get_kind (card)]++;
      switch (entente_card_get_kind (card))
        {
        case ENTENTE_CARD_KIND_BASIC:
          /* Short enough to type. */
          g_assert_cmpuint (g_utf8_strlen (entente_card_get_back (card), -1), <=, 40);
          break;

        case ENTENTE_CARD_KIND_CHOICE:
          g_assert_cmpuint (g_strv_length ((char **) entente_card_get_choices (card)), >=, 3);
          break;

        case ENTENTE_CARD_KIND_CLOZE:
          {
            g_auto(GStrv) parts = entente_card_split_cloze (entente_card_get_text (card));

            g_assert_nonnull (parts);
            g_assert_cmpuint (g_strv_length (parts), >=, 3);
          }
          break;

        case ENTENTE_CARD_KIND_MAP:
          /* Map cards ask for states the pack knows. */
          g_assert_nonnull (entente_pack_lookup_member (pack, entente_card_get_answer_code (card)));
          break;

        default:
          g_assert_not_reached ();
        }

      /* A card tagged with a correction's id asks for the record: it belongs to the
       * correction's section and its explanation says what the text claimed. */
      for (const char * const *tag = entente_card_get_tags (card); *tag != NULL; tag++)
        {
          gboolean known = FALSE;

          if (!g_str_has_prefix (*tag, "corr-"))
            continue;

          corrections = entente_pack_get_corrections (pack);
          for (guint j = 0; j < g_list_model_get_n_items (corrections); j++)
            {
              g_autoptr(EntenteCorrection) correction = g_list_model_get_item (corrections, j);

              if (g_strcmp0 (entente_correction_get_id (correction), *tag) != 0)
                continue;
              known = TRUE;
              g_assert_cmpstr (entente_correction_get_section (correction), ==, section);
            }
          g_assert_true (known);
          g_assert_true (g_strv_contains (entente_card_get_tags (card), "correction"));
          g_assert_nonnull (strstr (explanation, "The text"));
          g_assert_nonnull (strstr (explanation, "the record shows"));
        }
    }

  for (guint kind = 0; kind < ENTENTE_N_CARD_KINDS; kind++)
    {
      g_test_message ("%s cards: %u", entente_card_kind_to_string (kind), per_kind[kind]);
      g_assert_cmpuint (per_kind[kind], >=, 15);
    }

  /* Every section of the text has a card of its own. */
  for (guint i = 0; i < n_sections; i++)
    {
      const char *id = entente_section_get_id (entente_pack_get_nth_section (pack, i));
      g_autoptr(GPtrArray) section_cards = entente_pack_get_cards_for_section (pack, id);

      g_test_message ("section %s: %u cards", id, section_cards->len);
      g_assert_cmpuint (section_cards->len, >=, 1);
    }

  /* Every correction has a card, in its section, that asks for the record. */
  corrections = entente_pack_get_corrections (pack);
  g_assert_cmpuint (g_list_model_get_n_items (corrections), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (corrections); i++)
    {
      g_autoptr(EntenteCorrection) correction = g_list_model_get_item (corrections, i);
      const char *id = entente_correction_get_id (correction);
      const char *section = entente_correction_get_section (correction);
      g_autoptr(GPtrArray) section_cards = NULL;
      guint covering = 0;

      g_test_message ("correction %s", id);
      g_assert_nonnull (section);
      section_cards = entente_pack_get_cards_for_section (pack, section);
      for (guint j = 0; j < section_cards->len; j++)
        if (g_strv_contains (entente_card_get_tags (g_ptr_array_index (section_cards, j)), id))
          covering++;
      g_assert_cmpuint (covering, >=, 1);
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

  g_test_add_func ("/entente/pack/builtin/loads", test_builtin_loads);
  g_test_add_func ("/entente/pack/builtin/without-warnings", test_builtin_without_warnings);
  g_test_add_func ("/entente/pack/builtin/counts", test_builtin_counts);
  g_test_add_func ("/entente/pack/builtin/tree-and-lookups", test_builtin_tree_and_lookups);
  g_test_add_func ("/entente/pack/builtin/corrections-by-section", test_builtin_corrections_by_section);
  g_test_add_func ("/entente/pack/builtin/cards", test_builtin_cards);
  g_test_add_func ("/entente/pack/iso3166", test_iso3166);
  g_test_add_func ("/entente/pack/state-names", test_state_names);

  return g_test_run ();
}
