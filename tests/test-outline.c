/* test-outline.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outline view in a real window: the section tree, search, the reading pane, moving in
 * reading order, the narrow layout, and screenshots of each. GTK 4.8 cannot synthesise key
 * events, so keys reach the view in two honest ways: shortcuts through
 * entente_test_activate_shortcut() (which resolves them in the widgets' shortcut
 * controllers as GTK's dispatch would), and the list's own key handling by emitting
 * "key-pressed" on its key controller while a row has the focus.
 */

#include "config.h"

#include <string.h>

#include "entente-application.h"
#include "entente-iso3166.h"
#include "entente-outline-filter.h"
#include "entente-outline-view.h"
#include "entente-pack-loader.h"
#include "entente-reading-pane.h"
#include "entente-section-row.h"
#include "entente-test-ui.h"
#include "entente-text.h"
#include "entente-window.h"

static EntenteApplication *app;

typedef struct
{
  GtkWindow          *window;
  EntenteOutlineView *view;
  EntentePack        *pack;
} Fixture;

static EntentePack *
load_fixture_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid",
                                                 "outline-fixture.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EntentePack *pack = entente_pack_load_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static EntentePack *
load_builtin_pack (void)
{
  g_autoptr(GError) error = NULL;
  EntentePack *pack = entente_pack_load_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean builtin = GPOINTER_TO_INT (data);

  fixture->pack = builtin ? load_builtin_pack () : load_fixture_pack ();
  fixture->view = ENTENTE_OUTLINE_VIEW (entente_outline_view_new ());
  entente_outline_view_set_pack (fixture->view, fixture->pack);

  fixture->window = GTK_WINDOW (adw_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 1000, 700);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  entente_test_wait_for_map (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  entente_test_iterate (20);
  g_assert_finalize_object (fixture->pack);
}

static GtkListView *
get_list_view (Fixture *fixture)
{
  GtkWidget *list = entente_test_find_child (GTK_WIDGET (fixture->view), GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list);
  return GTK_LIST_VIEW (list);
}

static GListModel *
get_rows (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_list_view_get_model (get_list_view (fixture)));
}

static const char *
nth_id (EntentePack *pack,
        guint        position)
{
  return entente_section_get_id (entente_pack_get_nth_section (pack, position));
}

static const char *
nth_title (EntentePack *pack,
           guint        position)
{
  return entente_section_get_title (entente_pack_get_nth_section (pack, position));
}

static GPtrArray *
corrections_of (EntentePack    *pack,
                EntenteSection *section)
{
  return entente_pack_get_corrections_for_section (pack, entente_section_get_id (section));
}

static EntenteReadingPane *
get_reading_pane (Fixture *fixture)
{
  GtkWidget *pane = entente_test_find_child (GTK_WIDGET (fixture->view),
                                             ENTENTE_TYPE_READING_PANE);

  g_assert_nonnull (pane);
  return ENTENTE_READING_PANE (pane);
}

/* The sections of the rows that the list shows, in order. */
static GPtrArray *
list_sections (Fixture *fixture)
{
  GListModel *model = get_rows (fixture);
  GPtrArray *sections = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      EntenteSection *section = NULL;

      /* The list's items are its places; each has the section listed there. */
      g_object_get (item, "section", &section, NULL);
      g_assert_true (ENTENTE_IS_SECTION (section));
      g_ptr_array_add (sections, section);
    }

  return sections;
}

static EntenteSection *
selected_section (Fixture *fixture)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (get_rows (fixture));
  GObject *place = gtk_single_selection_get_selected_item (selection);
  g_autoptr(EntenteSection) section = NULL;

  if (place == NULL)
    return NULL;

  /* The pack holds its sections. */
  g_object_get (place, "section", &section, NULL);
  return section;
}

/* A label (or, in the list's rows, an inscription) with @text that is on screen
 * (mapped), below @root. */
static GtkWidget *
find_shown_label (GtkWidget  *root,
                  const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (root))
    shown = gtk_label_get_text (GTK_LABEL (root));
  else if (GTK_IS_INSCRIPTION (root))
    shown = gtk_inscription_get_text (GTK_INSCRIPTION (root));

  if (g_strcmp0 (shown, text) == 0 && gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_with_css_class (GtkWidget  *root,
                     const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class) && gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_css_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
} SizeWait;

static gboolean
has_size (gpointer data)
{
  SizeWait *wait = data;

  return gtk_widget_get_width (wait->widget) == wait->width &&
         gtk_widget_get_height (wait->widget) == wait->height;
}

/* Resizes @window so that its content, the part that the views get, is @width x @height.
 * The default size also counts the frame that client-side decorations draw around it. */
static void
resize_content (GtkWindow *window,
                int        width,
                int        height)
{
  GtkWidget *content = gtk_window_get_child (window);
  SizeWait wait = { content, width, height };
  int default_width;
  int default_height;

  gtk_window_get_default_size (window, &default_width, &default_height);
  gtk_window_set_default_size (window,
                               width + default_width - gtk_widget_get_width (content),
                               height + default_height - gtk_widget_get_height (content));
  entente_test_wait_until (has_size, &wait, 10000, "the window to be resized");
  entente_test_iterate (100);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_is_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_shown_label (wait->root, wait->text) != NULL;
}

/* For labels that a revealer slides in. */
static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelWait wait = { root, text };

  entente_test_wait_until (label_is_shown, &wait, 5000, text);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
animations_done (gpointer data)
{
  GtkWidget *widget = data;

  if (GTK_IS_REVEALER (widget) &&
      gtk_revealer_get_reveal_child (GTK_REVEALER (widget)) !=
      gtk_revealer_get_child_revealed (GTK_REVEALER (widget)))
    return FALSE;

  if (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget)))
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!animations_done (child))
        return FALSE;
    }

  return TRUE;
}

/* Lets the view settle: search bars and leaflets slide. */
static void
settle_widget (GtkWidget *widget)
{
  entente_test_iterate (50);
  entente_test_wait_until (animations_done, widget, 5000, "the animations to end");
}

static void
settle (void)
{
  entente_test_iterate (50);
}

/* What the search promises, computed independently of the view: every word of the folded
 * query occurs in the folded title, summary, points or glossary names of the section. */
static gboolean
section_matches (EntentePack    *pack,
                 EntenteSection *section,
                 const char     *query)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *folded_query = entente_text_fold (query);
  g_autofree char *folded_text = NULL;
  g_auto(GStrv) words = g_strsplit (folded_query, " ", -1);
  const char * const *points = entente_section_get_points (section);
  const char * const *terms = entente_section_get_terms (section);

  const char *summary = entente_section_get_summary (section);

  g_string_append_printf (text, "%s\n%s\n", entente_section_get_title (section),
                          summary != NULL ? summary : "");
  for (guint i = 0; points[i] != NULL; i++)
    g_string_append_printf (text, "%s\n", points[i]);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      EntenteTerm *term = entente_pack_lookup_term (pack, terms[i]);
      const char * const *aliases = entente_term_get_aliases (term);

      g_string_append_printf (text, "%s\n", entente_term_get_term (term));
      for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
        g_string_append_printf (text, "%s\n", aliases[j]);
    }

  folded_text = entente_text_fold (text->str);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0' && strstr (folded_text, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* The matches and their ancestors in reading order: what the filtered tree must show. */
static GPtrArray *
expected_search_rows (EntentePack *pack,
                      const char  *query,
                      guint       *out_n_matches)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  GPtrArray *rows = g_ptr_array_new ();
  guint n_sections = entente_pack_get_n_sections (pack);

  *out_n_matches = 0;
  for (guint i = 0; i < n_sections; i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (pack, i);

      if (!section_matches (pack, section, query))
        continue;

      (*out_n_matches)++;
      for (EntenteSection *s = section; s != NULL; s = entente_section_get_parent (s))
        g_hash_table_add (kept, s);
    }

  for (guint i = 0; i < n_sections; i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (pack, i);

      if (g_hash_table_contains (kept, section))
        g_ptr_array_add (rows, section);
    }

  return rows;
}

static void
assert_rows_equal (GPtrArray *shown,
                   GPtrArray *expected)
{
  g_assert_cmpuint (shown->len, ==, expected->len);
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpstr (entente_section_get_id (g_ptr_array_index (shown, i)), ==,
                     entente_section_get_id (g_ptr_array_index (expected, i)));
}

static void
test_outline_top_level (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *outline = entente_pack_get_outline (fixture->pack);
  g_autoptr(GPtrArray) shown = list_sections (fixture);
  g_autoptr(EntenteSection) first = g_list_model_get_item (outline, 0);
  GtkListView *list = get_list_view (fixture);

  /* Only the top level shows at first, in the text's order. */
  g_assert_cmpuint (g_list_model_get_n_items (outline), >=, 3);
  g_assert_cmpuint (shown->len, ==, g_list_model_get_n_items (outline));
  for (guint i = 0; i < shown->len; i++)
    {
      g_autoptr(EntenteSection) section = g_list_model_get_item (outline, i);

      g_assert_true (g_ptr_array_index (shown, i) == section);
      g_assert_cmpuint (entente_section_get_depth (section), ==, 0);
    }

  /* The rows are drawn with the titles, and the first section is open and selected. */
  g_assert_nonnull (find_shown_label (GTK_WIDGET (list), entente_section_get_title (first)));
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==,
                   entente_section_get_id (first));
  g_assert_true (selected_section (fixture) == first);
  g_assert_true (entente_reading_pane_get_section (get_reading_pane (fixture)) == first);
  g_assert_nonnull (find_shown_label (GTK_WIDGET (get_reading_pane (fixture)),
                                      entente_section_get_title (first)));
  g_assert_cmpint (entente_outline_view_get_n_matches (fixture->view), ==, -1);
  g_assert_cmpstr (entente_outline_view_get_search_text (fixture->view), ==, "");

  entente_test_screenshot (GTK_WIDGET (fixture->window), "outline-top-level");
}

/* The rows on screen show an arrow exactly when one of their children is kept, pointing
 * down: the children show. */
static void
check_arrows (Fixture   *fixture,
              GPtrArray *kept)
{
  GtkWidget *list = GTK_WIDGET (get_list_view (fixture));
  guint n_checked = 0;
  guint n_expanded = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      EntenteSection *section;
      gboolean keeps_child = FALSE;
      GListModel *children;

      if (!ENTENTE_IS_SECTION_ROW (row) || !gtk_widget_get_mapped (row))
        continue;

      section = entente_section_row_get_section (ENTENTE_SECTION_ROW (row));
      g_assert_true (g_ptr_array_find (kept, section, NULL));
      children = entente_section_get_children (section);
      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        {
          g_autoptr(EntenteSection) c = g_list_model_get_item (children, i);

          keeps_child |= g_ptr_array_find (kept, c, NULL);
        }

      g_assert_cmpint (entente_section_row_get_expandable (ENTENTE_SECTION_ROW (row)), ==,
                       keeps_child);
      g_assert_cmpint (entente_section_row_get_expanded (ENTENTE_SECTION_ROW (row)), ==,
                       keeps_child);
      n_checked++;
      n_expanded += keeps_child;
    }

  g_assert_cmpuint (n_checked, >, 0);
  g_assert_cmpuint (n_expanded, >, 0);
}

/* Without a search, every section with children has an arrow, pointing down exactly when
 * its children are listed. */
static void
check_outline_arrows (Fixture *fixture)
{
  GtkWidget *list = GTK_WIDGET (get_list_view (fixture));
  g_autoptr(GPtrArray) shown = list_sections (fixture);
  guint n_checked = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      EntenteSection *section;
      GListModel *children;
      gboolean has_children;
      gboolean children_shown = FALSE;

      if (!ENTENTE_IS_SECTION_ROW (row) || !gtk_widget_get_mapped (row))
        continue;

      section = entente_section_row_get_section (ENTENTE_SECTION_ROW (row));
      children = entente_section_get_children (section);
      has_children = g_list_model_get_n_items (children) > 0;
      if (has_children)
        {
          g_autoptr(EntenteSection) first = g_list_model_get_item (children, 0);

          children_shown = g_ptr_array_find (shown, first, NULL);
        }

      g_assert_cmpint (entente_section_row_get_expandable (ENTENTE_SECTION_ROW (row)), ==,
                       has_children);
      g_assert_cmpint (entente_section_row_get_expanded (ENTENTE_SECTION_ROW (row)), ==,
                       children_shown);
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >, 0);
}

static void
check_search (Fixture    *fixture,
              const char *query,
              const char *same_as)
{
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *count = NULL;
  guint n_matches;
  guint n_same;

  entente_outline_view_set_search_text (fixture->view, query);
  settle ();

  expected = expected_search_rows (fixture->pack, query, &n_matches);
  if (same_as != NULL)
    {
      g_autoptr(GPtrArray) same = expected_search_rows (fixture->pack, same_as, &n_same);

      /* The accented, upper-case query finds exactly what the plain one does. */
      g_assert_cmpuint (n_same, ==, n_matches);
      assert_rows_equal (same, expected);
    }

  g_assert_cmpuint (n_matches, >, 0);
  g_assert_cmpuint (n_matches, <, entente_pack_get_n_sections (fixture->pack));
  g_assert_cmpstr (entente_outline_view_get_search_text (fixture->view), ==, query);
  g_assert_cmpint (entente_outline_view_get_n_matches (fixture->view), ==, n_matches);

  /* Every kept section is listed, with its kept children under it: the matches show. */
  shown = list_sections (fixture);
  assert_rows_equal (shown, expected);

  /* One whose children are all filtered out shows no expander arrow. */
  check_arrows (fixture, expected);

  count = g_strdup_printf (n_matches == 1 ? "%u section matches" : "%u sections match", n_matches);
  wait_for_label (GTK_WIDGET (fixture->view), count);
}

static void
test_outline_search (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  EntenteSection *norms = entente_pack_lookup_section (fixture->pack, "shanghai-spirit-norms");
  EntenteSection *economic = entente_pack_lookup_section (fixture->pack, "coop-economic");

  g_assert_nonnull (norms);
  g_assert_nonnull (economic);

  entente_outline_view_set_section_id (fixture->view, "body-heads-of-state");
  settle ();
  before = list_sections (fixture);

  check_search (fixture, "shanghai spirit", NULL);

  /* A section titled "The Shanghai Spirit" is in; one about economics is not. */
  shown = list_sections (fixture);
  g_assert_true (g_ptr_array_find (shown, norms, NULL));
  g_assert_false (g_ptr_array_find (shown, economic, NULL));
  settle_widget (GTK_WIDGET (fixture->window));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "outline-search");

  check_search (fixture, "SHANGHAÏ  Spirit", "shanghai spirit");

  /* Clearing the search brings the whole outline back as the reader left it. */
  entente_outline_view_set_search_text (fixture->view, "");
  settle ();
  g_assert_cmpint (entente_outline_view_get_n_matches (fixture->view), ==, -1);
  g_assert_cmpstr (entente_outline_view_get_search_text (fixture->view), ==, "");
  after = list_sections (fixture);
  assert_rows_equal (after, before);
  check_outline_arrows (fixture);
  g_assert_cmpstr (entente_section_get_id (selected_section (fixture)), ==, "body-heads-of-state");
}

static void
test_outline_search_fixture (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) shown = NULL;
  const char *expected[] = {
    "intro", "intro-background", "body", "body-deep", "body-deep-leaf",
  };

  /* One match through a glossary alias ("Widget Spirit"), one through a title. */
  entente_outline_view_set_search_text (fixture->view, "widget spirit");
  settle ();
  g_assert_cmpint (entente_outline_view_get_n_matches (fixture->view), ==, 2);
  shown = list_sections (fixture);
  g_assert_cmpuint (shown->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpstr (entente_section_get_id (g_ptr_array_index (shown, i)), ==, expected[i]);
  wait_for_label (GTK_WIDGET (fixture->view), "2 sections match");

  /* Accents and case are ignored on both sides: "cafe" finds "Café". */
  entente_outline_view_set_search_text (fixture->view, "CAFE");
  settle ();
  g_assert_cmpint (entente_outline_view_get_n_matches (fixture->view), ==, 1);
  wait_for_label (GTK_WIDGET (fixture->view), "1 section matches");

  /* The section on show stays selected while the search keeps it. */
  entente_outline_view_set_section_id (fixture->view, "intro-background");
  settle ();
  g_assert_cmpstr (entente_section_get_id (selected_section (fixture)), ==, "intro-background");

  entente_outline_view_set_search_text (fixture->view, NULL);
  settle ();
  g_assert_cmpint (entente_outline_view_get_n_matches (fixture->view), ==, -1);
  g_assert_cmpstr (entente_outline_view_get_search_text (fixture->view), ==, "");
  g_assert_cmpstr (entente_section_get_id (selected_section (fixture)), ==, "intro-background");
}

static void
test_outline_search_empty (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *status;

  entente_outline_view_set_search_text (fixture->view, "qqzx nowhere");
  settle ();

  g_assert_cmpint (entente_outline_view_get_n_matches (fixture->view), ==, 0);
  status = entente_test_find_child (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No sections match");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (get_list_view (fixture))));
  /* The hidden list keeps its rows for the next query, with nothing selected. */
  g_assert_null (selected_section (fixture));
  settle_widget (GTK_WIDGET (fixture->window));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "outline-search-empty");

  /* The reading pane keeps the section it showed. */
  g_assert_nonnull (entente_reading_pane_get_section (get_reading_pane (fixture)));

  entente_outline_view_set_search_text (fixture->view, "");
  settle ();
  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (get_list_view (fixture))));
}

static gboolean
search_is_conclusion (gpointer data)
{
  return g_strcmp0 (entente_outline_view_get_search_text (data), "conclusion") == 0;
}

static void
test_outline_start_search (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *entry = entente_test_find_child (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *bar = entente_test_find_child (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_BAR);
  GtkWidget *focus;

  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  entente_outline_view_start_search (fixture->view);
  settle ();
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Typing into the entry searches once the entry's short typing delay has passed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "conclusion");
  entente_test_wait_until (search_is_conclusion, fixture->view, 2000, "the typed search to apply");
  g_assert_cmpint (entente_outline_view_get_n_matches (fixture->view), ==, 1);
  g_assert_cmpstr (entente_outline_view_get_search_text (fixture->view), ==, "conclusion");

  /* Escape (the entry's stop-search) closes the bar and clears the search. */
  g_signal_emit_by_name (entry, "stop-search");
  settle ();
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_cmpint (entente_outline_view_get_n_matches (fixture->view), ==, -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static void
test_outline_reading_pane (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *pane = GTK_WIDGET (get_reading_pane (fixture));
  GtkWidget *card;
  GtkWidget *title;
  GtkWidget *chip;
  GtkWidget *button;

  entente_outline_view_set_section_id (fixture->view, "intro");
  settle ();

  /* The summary's blank line makes two paragraphs; the points and the pages show. */
  g_assert_nonnull (find_shown_label (pane, "Introduction"));
  g_assert_nonnull (find_shown_label (pane, "The first paragraph of the introduction."));
  g_assert_nonnull (find_shown_label (pane, "The second paragraph, after a blank line."));
  g_assert_nonnull (find_shown_label (pane, "Key Points"));
  g_assert_nonnull (find_shown_label (pane, "A first point."));
  g_assert_nonnull (find_shown_label (pane, "A second point."));
  g_assert_nonnull (find_shown_label (pane, "Pages 1–2"));
  g_assert_null (find_with_css_class (pane, "card"));

  entente_outline_view_set_section_id (fixture->view, "body-claims");
  settle ();

  title = find_shown_label (pane, "Claims and counter-claims");
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_has_css_class (title, "title-1"));
  g_assert_nonnull (find_shown_label (pane, "Body"));
  g_assert_nonnull (find_shown_label (pane, "The text says the organisation has six members."));
  g_assert_nonnull (find_shown_label (pane, "It was founded in 2001."));
  g_assert_null (find_shown_label (pane, "A first point."));

  /* The correction, as a card: what the text says next to what the record shows. */
  card = find_with_css_class (pane, "card");
  g_assert_nonnull (card);
  g_assert_nonnull (find_shown_label (card, "The text says"));
  g_assert_nonnull (find_shown_label (card, "The organisation has six members."));
  g_assert_nonnull (find_shown_label (card, "The record shows"));
  g_assert_nonnull (find_shown_label (card, "It has had nine members since 2023."));
  g_assert_nonnull (find_shown_label (card, "Source: The organisation's own list of members"));

  /* The states and events it names are links to the member map and its timeline. */
  entente_outline_view_set_section_id (fixture->view, "intro-background");
  settle ();
  chip = find_shown_label (pane, entente_iso3166_get_localized_name ("TR"));
  g_assert_nonnull (chip);
  button = gtk_widget_get_ancestor (chip, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_has_css_class (button, "link-chip"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-member");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)),
                                         NULL), ==, "TR");
  chip = find_shown_label (pane, "15 June 2001 — Founding summit");
  g_assert_nonnull (chip);
  button = gtk_widget_get_ancestor (chip, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-event");
  entente_test_screenshot (GTK_WIDGET (fixture->window), "outline-chips");
  g_assert_nonnull (find_shown_label (pane, "Introduction"));
}

static void
test_outline_reading_pane_builtin (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *pane = GTK_WIDGET (get_reading_pane (fixture));
  EntenteSection *section = NULL;
  g_autoptr(GPtrArray) corrections = NULL;
  const char * const *points;

  /* The first section of the built-in pack that has a correction. */
  for (guint i = 0; i < entente_pack_get_n_sections (fixture->pack) && section == NULL; i++)
    {
      EntenteSection *s = entente_pack_get_nth_section (fixture->pack, i);
      g_autoptr(GPtrArray) found = corrections_of (fixture->pack, s);

      if (found->len > 0)
        section = s;
    }
  g_assert_nonnull (section);

  entente_outline_view_set_section_id (fixture->view, entente_section_get_id (section));
  settle ();

  g_assert_nonnull (find_shown_label (pane, entente_section_get_title (section)));
  points = entente_section_get_points (section);
  for (guint i = 0; points[i] != NULL; i++)
    g_assert_nonnull (find_shown_label (pane, points[i]));

  corrections = entente_pack_get_corrections_for_section (fixture->pack,
                                                          entente_section_get_id (section));
  g_assert_nonnull (find_with_css_class (pane, "card"));
  for (guint i = 0; i < corrections->len; i++)
    {
      EntenteCorrection *correction = g_ptr_array_index (corrections, i);

      if (strstr (entente_correction_get_claim (correction), "\n\n") == NULL)
        g_assert_nonnull (find_shown_label (pane, entente_correction_get_claim (correction)));
      if (strstr (entente_correction_get_correction (correction), "\n\n") == NULL)
        g_assert_nonnull (find_shown_label (pane, entente_correction_get_correction (correction)));
    }

  entente_test_set_dark (FALSE);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "outline-correction");
  entente_test_set_dark (TRUE);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "outline-correction-dark");
  entente_test_set_dark (FALSE);
}

static void
section_id_notified_cb (GObject    *object,
                        GParamSpec *pspec,
                        guint      *count)
{
  (*count)++;
}

static void
test_outline_next_previous (Fixture       *fixture,
                            gconstpointer  data)
{
  guint n_sections = entente_pack_get_n_sections (fixture->pack);
  GtkWidget *list = GTK_WIDGET (get_list_view (fixture));
  GtkWidget *view = GTK_WIDGET (fixture->view);
  guint notified = 0;

  g_signal_connect (fixture->view, "notify::section-id",
                    G_CALLBACK (section_id_notified_cb), &notified);

  entente_outline_view_set_section_id (fixture->view, NULL);
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==,
                   nth_id (fixture->pack, 0));

  /* Forward through the whole outline in reading order, children before the next sibling;
   * the list follows, expanding what it must. */
  for (guint i = 1; i < n_sections; i++)
    {
      EntenteSection *expected = entente_pack_get_nth_section (fixture->pack, i);

      g_assert_true (gtk_widget_activate_action (view, "outline.next-section", NULL));
      g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==,
                       entente_section_get_id (expected));
      g_assert_true (selected_section (fixture) == expected);
      g_assert_true (entente_reading_pane_get_section (get_reading_pane (fixture)) == expected);
    }
  g_assert_cmpuint (notified, ==, n_sections - 1);

  /* At the end there is no next section. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "outline.next-section", NULL);
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==,
                   nth_id (fixture->pack, n_sections - 1));
  g_assert_cmpuint (notified, ==, n_sections - 1);

  /* The shortcuts: Alt+Up and Ctrl+Page_Up go back, Alt+Down and Ctrl+Page_Down forward.
   * The view catches them in the capture phase, before the list and the scrolled windows
   * (which bind Ctrl+Page_Up/Down themselves) see them; entente_test_activate_shortcut()
   * knows no phases, so the keys that the list also binds are sent to the view. */
  gtk_widget_grab_focus (list);
  g_assert_true (entente_test_activate_shortcut (list, GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==,
                   nth_id (fixture->pack, n_sections - 2));
  g_assert_true (entente_test_activate_shortcut (view, GDK_KEY_Page_Up, GDK_CONTROL_MASK));
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==,
                   nth_id (fixture->pack, n_sections - 3));
  g_assert_true (entente_test_activate_shortcut (view, GDK_KEY_Page_Down, GDK_CONTROL_MASK));
  g_assert_true (entente_test_activate_shortcut (list, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==,
                   nth_id (fixture->pack, n_sections - 1));

  /* Back to the start with the button at the bottom of the reading pane. */
  for (guint i = n_sections - 1; i > 0; i--)
    gtk_widget_activate_action (GTK_WIDGET (fixture->view), "outline.previous-section", NULL);
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==,
                   nth_id (fixture->pack, 0));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "outline.previous-section", NULL);
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==,
                   nth_id (fixture->pack, 0));

  /* The buttons name their neighbours. */
  settle ();
  g_assert_nonnull (find_shown_label (GTK_WIDGET (get_reading_pane (fixture)),
                                      nth_title (fixture->pack, 1)));
}

static void
test_outline_term (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *pane = GTK_WIDGET (get_reading_pane (fixture));
  GtkWidget *button;
  GtkWidget *label;
  GtkPopover *popover;

  entente_outline_view_set_section_id (fixture->view, "intro-background");
  settle ();

  label = find_shown_label (pane, "Café Concept");
  g_assert_nonnull (label);
  button = gtk_widget_get_ancestor (label, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);

  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  gtk_widget_activate (button);
  entente_test_wait_until (is_mapped, popover, 5000, "the definition to show");

  g_assert_nonnull (find_shown_label (GTK_WIDGET (popover), "An idea used only by this fixture."));
  g_assert_nonnull (find_shown_label (GTK_WIDGET (popover), "Also called Widget Spirit"));
  entente_test_iterate (100);
  entente_test_screenshot (GTK_WIDGET (popover), "outline-term");

  gtk_popover_popdown (popover);
  settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (popover)));
}

static void
test_outline_markup (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *pane = GTK_WIDGET (get_reading_pane (fixture));
  GtkWidget *title;
  GtkWidget *row_label;

  entente_outline_view_set_section_id (fixture->view, "markup");
  settle ();

  /* Pack text is shown as typed, never as Pango markup. */
  title = find_shown_label (pane, "<b>bold</b>");
  g_assert_nonnull (title);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (title)));
  g_assert_null (find_shown_label (pane, "bold"));
  g_assert_nonnull (find_shown_label (pane,
                                      "Text with <i>tags</i> & an ampersand stays as typed."));
  g_assert_nonnull (find_shown_label (pane, "<span foreground=\"red\">not red</span>"));

  /* The row's inscription has the text as typed (set as text: an inscription's markup
   * would have to be set with gtk_inscription_set_markup()). */
  row_label = find_shown_label (GTK_WIDGET (get_list_view (fixture)), "<b>bold</b>");
  g_assert_nonnull (row_label);
  g_assert_null (find_shown_label (GTK_WIDGET (get_list_view (fixture)), "bold"));

  /* Also in the neighbour buttons of the sections around it. */
  entente_outline_view_set_section_id (fixture->view, "body");
  settle ();
  g_assert_nonnull (find_shown_label (pane, "<b>bold</b>"));
}

/* Whether the children of the section @id are listed under it. */
static gboolean
children_listed (Fixture    *fixture,
                 const char *id)
{
  EntenteSection *section = entente_pack_lookup_section (fixture->pack, id);
  g_autoptr(EntenteSection) first = g_list_model_get_item (entente_section_get_children (section),
                                                           0);
  g_autoptr(GPtrArray) shown = list_sections (fixture);
  guint position;

  g_assert_nonnull (first);
  if (!g_ptr_array_find (shown, first, &position))
    return FALSE;

  g_assert_cmpuint (position, >, 0);
  g_assert_true (g_ptr_array_index (shown, position - 1) == section);
  return TRUE;
}

/* The row widget of the section @id, if the list has one. */
static EntenteSectionRow *
row_widget_of (Fixture    *fixture,
               const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (get_list_view (fixture)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      EntenteSection *section;

      if (!ENTENTE_IS_SECTION_ROW (row))
        continue;

      section = entente_section_row_get_section (ENTENTE_SECTION_ROW (row));
      if (g_strcmp0 (entente_section_get_id (section), id) == 0)
        return ENTENTE_SECTION_ROW (row);
    }

  return NULL;
}

/* Sends a key press to the list's own key controller, as GTK's dispatch does when the
 * list item that has the focus receives it. */
static gboolean
press_list_key (Fixture         *fixture,
                guint            keyval,
                GdkModifierType  mods)
{
  GtkWidget *list = GTK_WIDGET (get_list_view (fixture));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) ==
          GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, mods, &handled);
          return handled;
        }
    }

  g_assert_not_reached ();
}

static void
test_outline_keyboard (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *list = GTK_WIDGET (get_list_view (fixture));
  g_autoptr(GPtrArray) shown = NULL;
  EntenteSectionRow *row;
  guint position;

  entente_outline_view_set_section_id (fixture->view, "body");
  settle ();
  gtk_widget_grab_focus (list);
  settle ();
  row = row_widget_of (fixture, "body");
  g_assert_nonnull (row);
  g_assert_false (children_listed (fixture, "body"));
  g_assert_true (entente_section_row_get_expandable (row));
  g_assert_false (entente_section_row_get_expanded (row));

  /* Right and + expand the focused row, Left and - collapse it; the arrow follows. */
  g_assert_true (press_list_key (fixture, GDK_KEY_Right, 0));
  g_assert_true (children_listed (fixture, "body"));
  g_assert_true (entente_section_row_get_expanded (row));
  g_assert_true (press_list_key (fixture, GDK_KEY_Left, 0));
  g_assert_false (children_listed (fixture, "body"));
  g_assert_false (entente_section_row_get_expanded (row));
  g_assert_true (press_list_key (fixture, GDK_KEY_plus, GDK_SHIFT_MASK));
  g_assert_true (children_listed (fixture, "body"));
  g_assert_true (press_list_key (fixture, GDK_KEY_minus, 0));
  g_assert_false (children_listed (fixture, "body"));
  g_assert_false (press_list_key (fixture, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_false (children_listed (fixture, "body"));

  /* * expands everything below, / collapses the row again and Ctrl+Space toggles it. */
  g_assert_true (press_list_key (fixture, GDK_KEY_asterisk, GDK_SHIFT_MASK));
  g_assert_true (children_listed (fixture, "body"));
  g_assert_true (children_listed (fixture, "body-deep"));
  g_assert_true (press_list_key (fixture, GDK_KEY_slash, 0));
  g_assert_false (children_listed (fixture, "body"));
  g_assert_true (press_list_key (fixture, GDK_KEY_space, GDK_CONTROL_MASK));
  g_assert_true (children_listed (fixture, "body"));
  /* What was expanded below stays so. */
  g_assert_true (children_listed (fixture, "body-deep"));
  g_assert_true (press_list_key (fixture, GDK_KEY_space, GDK_CONTROL_MASK));
  g_assert_false (children_listed (fixture, "body"));

  /* Clicking the arrow is the same as toggling it. */
  g_signal_emit_by_name (row, "toggle");
  g_assert_true (children_listed (fixture, "body"));
  g_signal_emit_by_name (row, "toggle");
  g_assert_false (children_listed (fixture, "body"));

  /* Enter opens the focused section. */
  entente_outline_view_set_section_id (fixture->view, "conclusion");
  g_assert_true (entente_reading_pane_get_section (get_reading_pane (fixture)) ==
                 entente_pack_lookup_section (fixture->pack, "conclusion"));
  gtk_widget_grab_focus (list);
  g_assert_true (press_list_key (fixture, GDK_KEY_Return, 0));
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==, "conclusion");

  /* Selecting a row (what arrows and clicks do) shows its section. */
  shown = list_sections (fixture);
  g_assert_true (g_ptr_array_find (shown, entente_pack_lookup_section (fixture->pack, "body"),
                                   &position));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (get_rows (fixture)), position, TRUE);
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==, "body");
}

static void
test_outline_narrow (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *leaflet = entente_test_find_child (GTK_WIDGET (fixture->view), ADW_TYPE_LEAFLET);
  GtkWidget *list = GTK_WIDGET (get_list_view (fixture));
  GtkWidget *back;
  GtkWidget *focus;

  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  back = find_shown_label (GTK_WIDGET (fixture->view), "Outline");
  g_assert_null (back);

  resize_content (fixture->window, 360, 720);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "sidebar");
  /* The leaflet slides into its folded layout. */
  settle_widget (GTK_WIDGET (fixture->window));
  entente_test_iterate (300);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "outline-narrow-sidebar");

  /* Enter on a row goes to its section, with a way back. */
  entente_outline_view_set_section_id (fixture->view, "body-claims");
  gtk_widget_grab_focus (list);
  settle ();
  g_assert_true (press_list_key (fixture, GDK_KEY_Return, 0));
  settle_widget (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "content");
  back = find_shown_label (GTK_WIDGET (fixture->view), "Outline");
  g_assert_nonnull (back);
  g_assert_nonnull (find_with_css_class (GTK_WIDGET (get_reading_pane (fixture)), "card"));
  /* Nothing is wider than the window. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (get_reading_pane (fixture))), <=, 360);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "outline-narrow");
  entente_test_set_dark (TRUE);
  entente_test_screenshot (GTK_WIDGET (fixture->window), "outline-narrow-dark");
  entente_test_set_dark (FALSE);

  /* Back to the outline, with the keyboard focus on the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "outline.show-outline",
                                             NULL));
  settle_widget (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "sidebar");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, list));

  /* Searching while narrow. */
  entente_outline_view_set_search_text (fixture->view, "claims");
  settle ();
  g_assert_cmpint (entente_outline_view_get_n_matches (fixture->view), ==, 1);
  settle_widget (GTK_WIDGET (fixture->window));
  entente_test_screenshot (GTK_WIDGET (fixture->window), "outline-narrow-search");

  resize_content (fixture->window, 1000, 700);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
}

static void
test_outline_pack_change (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EntentePack) builtin = load_builtin_pack ();
  g_autoptr(EntentePack) again = load_fixture_pack ();
  guint notified = 0;

  entente_outline_view_set_section_id (fixture->view, "body-deep-leaf");
  settle ();
  g_signal_connect (fixture->view, "notify::section-id",
                    G_CALLBACK (section_id_notified_cb), &notified);

  /* Another pack: its first section, since it has no section with that id. */
  entente_outline_view_set_pack (fixture->view, builtin);
  settle ();
  g_assert_true (entente_outline_view_get_pack (fixture->view) == builtin);
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==,
                   nth_id (builtin, 0));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_nonnull (find_shown_label (GTK_WIDGET (get_reading_pane (fixture)),
                                      nth_title (builtin, 0)));

  /* A new edition of a pack keeps the reader's place when the section is still there. */
  entente_outline_view_set_pack (fixture->view, fixture->pack);
  entente_outline_view_set_section_id (fixture->view, "body-deep-leaf");
  notified = 0;
  entente_outline_view_set_pack (fixture->view, again);
  settle ();
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==, "body-deep-leaf");
  g_assert_cmpuint (notified, ==, 0);
  g_assert_true (selected_section (fixture) ==
                 entente_pack_lookup_section (again, "body-deep-leaf"));

  /* An unknown id selects the first section. */
  entente_outline_view_set_section_id (fixture->view, "no-such-section");
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==, "intro");

  entente_outline_view_set_pack (fixture->view, NULL);
  settle ();
  g_assert_null (entente_outline_view_get_section_id (fixture->view));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (get_list_view (fixture))));
  g_assert_null (entente_reading_pane_get_section (get_reading_pane (fixture)));
  g_signal_handlers_disconnect_by_func (fixture->view, section_id_notified_cb, &notified);
  entente_outline_view_set_pack (fixture->view, fixture->pack);
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (get_list_view (fixture))));
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==, "intro");
}

static void
test_outline_filter (void)
{
  g_autoptr(EntentePack) pack = load_fixture_pack ();
  g_autoptr(EntenteOutlineFilter) filter = entente_outline_filter_new (pack);
  EntenteSection *intro = entente_pack_lookup_section (pack, "intro");
  EntenteSection *background = entente_pack_lookup_section (pack, "intro-background");
  EntenteSection *conclusion = entente_pack_lookup_section (pack, "conclusion");

  g_assert_false (entente_outline_filter_has_query (filter));
  g_assert_true (entente_outline_filter_is_visible (filter, conclusion));
  g_assert_cmpint (entente_outline_filter_get_position (filter, intro), ==, 0);
  g_assert_cmpint (entente_outline_filter_get_position (filter, conclusion), ==,
                   (int) entente_pack_get_n_sections (pack) - 1);

  /* "turkiye" finds "Türkiye"; the parent is kept but does not count as a match. */
  g_assert_cmpint (entente_outline_filter_set_query (filter, "  TURKIYE "), ==, 1);
  g_assert_true (entente_outline_filter_is_match (filter, background));
  g_assert_false (entente_outline_filter_is_match (filter, intro));
  g_assert_true (entente_outline_filter_is_visible (filter, intro));
  g_assert_false (entente_outline_filter_is_visible (filter, conclusion));

  /* Every word must occur, in any order, in any of the section's texts. */
  g_assert_cmpint (entente_outline_filter_set_query (filter, "concept background"), ==, 1);
  g_assert_cmpint (entente_outline_filter_set_query (filter, "background conclusion"), ==, 0);
  g_assert_false (entente_outline_filter_is_visible (filter, intro));

  /* Points are searched, and white space alone is no query. */
  g_assert_cmpint (entente_outline_filter_set_query (filter, "second point"), ==, 1);
  g_assert_cmpint (entente_outline_filter_set_query (filter, " \t "), ==, -1);
  g_assert_false (entente_outline_filter_has_query (filter));
  g_assert_true (entente_outline_filter_is_visible (filter, conclusion));
}

/* The ids of the sections that the outline lists, in order, separated by spaces. */
static char *
listed_ids (EntentePack          *pack,
            EntenteOutlineFilter *filter)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n_listed = 0;

  for (guint i = 0; i < entente_pack_get_n_sections (pack); i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (pack, i);

      if (!entente_outline_filter_is_listed (filter, section))
        {
          g_assert_cmpint (entente_outline_filter_get_listed_position (filter, section), ==, -1);
          continue;
        }

      g_assert_cmpint (entente_outline_filter_get_listed_position (filter, section), ==, n_listed);
      g_string_append_printf (ids, "%s%s",
                              ids->len > 0 ? " " : "", entente_section_get_id (section));
      n_listed++;
    }

  g_assert_cmpuint (entente_outline_filter_get_n_listed (filter), ==, n_listed);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_listed(pack, filter, expected) \
  G_STMT_START { \
    g_autofree char *ids__ = listed_ids ((pack), (filter)); \
    g_assert_cmpstr (ids__, ==, (expected)); \
  } G_STMT_END

/* The outline and its searches are one list of sections filtered: what the reader expanded,
 * or the matches and their ancestors; and the list is told how strict each change was. */
static void
test_outline_filter_listed (void)
{
  g_autoptr(EntentePack) pack = load_fixture_pack ();
  g_autoptr(EntenteOutlineFilter) filter = entente_outline_filter_new (pack);
  EntenteSection *body = entente_pack_lookup_section (pack, "body");
  EntenteSection *deep = entente_pack_lookup_section (pack, "body-deep");
  EntenteSection *leaf = entente_pack_lookup_section (pack, "body-deep-leaf");
  EntenteSection *intro = entente_pack_lookup_section (pack, "intro");

  /* At first the top level, collapsed, as the list saw it when it was filled. */
  assert_listed (pack, filter, "intro markup body conclusion");
  g_assert_cmpint (entente_outline_filter_take_change (filter), ==,
                   ENTENTE_OUTLINE_FILTER_CHANGE_NONE);
  g_assert_false (entente_outline_filter_get_expanded (filter, body));
  g_assert_true (entente_outline_filter_keeps_children (filter, body));
  g_assert_false (entente_outline_filter_keeps_children (filter, leaf));

  /* Expanding adds rows, collapsing takes them away; leaves have nothing to expand. */
  entente_outline_filter_set_expanded (filter, body, TRUE, FALSE);
  assert_listed (pack, filter, "intro markup body body-claims body-deep conclusion");
  g_assert_cmpint (entente_outline_filter_take_change (filter), ==,
                   ENTENTE_OUTLINE_FILTER_CHANGE_LESS_STRICT);
  g_assert_cmpint (entente_outline_filter_take_change (filter), ==,
                   ENTENTE_OUTLINE_FILTER_CHANGE_NONE);
  entente_outline_filter_set_expanded (filter, leaf, TRUE, FALSE);
  g_assert_false (entente_outline_filter_get_expanded (filter, leaf));
  entente_outline_filter_set_expanded (filter, body, FALSE, FALSE);
  assert_listed (pack, filter, "intro markup body conclusion");
  g_assert_cmpint (entente_outline_filter_take_change (filter), ==,
                   ENTENTE_OUTLINE_FILTER_CHANGE_MORE_STRICT);

  /* Recursively, and revealing a section expands its ancestors. */
  entente_outline_filter_set_expanded (filter, body, TRUE, TRUE);
  assert_listed (pack, filter, "intro markup body body-claims body-deep body-deep-leaf conclusion");
  entente_outline_filter_set_expanded (filter, body, FALSE, TRUE);
  g_assert_false (entente_outline_filter_get_expanded (filter, deep));
  entente_outline_filter_reveal (filter, leaf);
  assert_listed (pack, filter, "intro markup body body-claims body-deep body-deep-leaf conclusion");
  g_assert_true (entente_outline_filter_get_expanded (filter, body));
  g_assert_true (entente_outline_filter_get_expanded (filter, deep));
  entente_outline_filter_set_expanded (filter, deep, FALSE, FALSE);
  entente_outline_filter_take_change (filter);

  /* A query lists its matches and their ancestors, expanded, whatever the reader
   * expanded; a longer one lists fewer; one that matches elsewhere lists others. */
  g_assert_cmpint (entente_outline_filter_set_query (filter, "leaf"), ==, 1);
  assert_listed (pack, filter, "body body-deep body-deep-leaf");
  g_assert_true (entente_outline_filter_get_expanded (filter, deep));
  g_assert_cmpint (entente_outline_filter_take_change (filter), ==,
                   ENTENTE_OUTLINE_FILTER_CHANGE_DIFFERENT);
  g_assert_cmpint (entente_outline_filter_set_query (filter, "leaf spirit"), ==, 1);
  assert_listed (pack, filter, "body body-deep body-deep-leaf");
  g_assert_cmpint (entente_outline_filter_take_change (filter), ==,
                   ENTENTE_OUTLINE_FILTER_CHANGE_NONE);

  /* While searching, the reader can collapse a kept section, until the query changes. */
  entente_outline_filter_set_expanded (filter, deep, FALSE, FALSE);
  assert_listed (pack, filter, "body body-deep");
  g_assert_false (entente_outline_filter_get_expanded (filter, deep));
  g_assert_cmpint (entente_outline_filter_take_change (filter), ==,
                   ENTENTE_OUTLINE_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpint (entente_outline_filter_set_query (filter, "leaf"), ==, 1);
  assert_listed (pack, filter, "body body-deep body-deep-leaf");
  g_assert_cmpint (entente_outline_filter_take_change (filter), ==,
                   ENTENTE_OUTLINE_FILTER_CHANGE_LESS_STRICT);
  g_assert_cmpint (entente_outline_filter_set_query (filter, "background"), ==, 1);
  assert_listed (pack, filter, "intro intro-background");
  g_assert_cmpint (entente_outline_filter_take_change (filter), ==,
                   ENTENTE_OUTLINE_FILTER_CHANGE_DIFFERENT);
  g_assert_false (entente_outline_filter_is_listed (filter, leaf));
  entente_outline_filter_reveal (filter, leaf);
  g_assert_false (entente_outline_filter_is_listed (filter, leaf));

  /* Without a query again, the outline is as the reader left it. */
  g_assert_cmpint (entente_outline_filter_set_query (filter, ""), ==, -1);
  assert_listed (pack, filter, "intro markup body body-claims body-deep conclusion");
  g_assert_false (entente_outline_filter_get_expanded (filter, intro));
}

static gsize
section_text_length (EntenteSection *section)
{
  const char * const *points = entente_section_get_points (section);
  const char *summary = entente_section_get_summary (section);
  gsize length = summary != NULL ? strlen (summary) : 0;

  for (guint i = 0; points[i] != NULL; i++)
    length += strlen (points[i]) + 60;

  return length;
}

static gboolean
view_has_pack (gpointer data)
{
  return entente_outline_view_get_pack (data) != NULL;
}

/* The application window with the built-in pack, at the size of the software-centre
 * screenshots, on a section whose correction shows. */
static void
test_outline_window_screenshots (void)
{
  g_autoptr(GError) error = NULL;
  EntenteOutlineView *view;
  GtkWindow *window;
  EntentePack *pack;
  EntenteSection *section = NULL;
  gsize shortest = G_MAXSIZE;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (ENTENTE_IS_WINDOW (window));
  entente_test_wait_for_map (window);
  resize_content (window, 1200, 800);

  view = entente_window_get_outline_view (ENTENTE_WINDOW (window));
  entente_test_wait_until (view_has_pack, view, 20000, "the built-in pack");
  pack = entente_outline_view_get_pack (view);
  /* Of the subsections with points and a correction, the shortest: its card shows whole. */
  for (guint i = 0; i < entente_pack_get_n_sections (pack); i++)
    {
      EntenteSection *s = entente_pack_get_nth_section (pack, i);
      g_autoptr(GPtrArray) found = corrections_of (pack, s);
      gsize length = section_text_length (s);

      if (found->len == 1 && entente_section_get_depth (s) > 0 &&
          entente_section_get_points (s)[0] != NULL && length < shortest)
        {
          section = s;
          shortest = length;
        }
    }
  g_assert_nonnull (section);

  entente_outline_view_set_section_id (view, entente_section_get_id (section));
  settle_widget (GTK_WIDGET (window));
  g_assert_nonnull (find_with_css_class (GTK_WIDGET (view), "card"));

  entente_test_set_dark (FALSE);
  entente_test_screenshot (GTK_WIDGET (window), "outline-window");
  entente_test_set_dark (TRUE);
  entente_test_screenshot (GTK_WIDGET (window), "outline-window-dark");
  entente_test_set_dark (FALSE);

  gtk_window_destroy (window);
  entente_test_iterate (50);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
frame_painted (gpointer data)
{
  return *(gboolean *) data;
}

/* Waits until @n_frames frames have been laid out and painted from now: the layout of what
 * just changed is done then, however long a frame takes (software rendering is slow). */
static void
wait_for_frames (GtkWidget *widget,
                 guint      n_frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_assert_nonnull (clock);
  for (guint i = 0; i < n_frames; i++)
    {
      gboolean painted = FALSE;
      gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);

      gtk_widget_queue_draw (widget);
      entente_test_wait_until (frame_painted, &painted, 10000, "a frame to be painted");
      g_signal_handler_disconnect (clock, id);
    }
}

/* The part of the reading pane under @heading ("Key Points", "Terms"…). */
static GtkWidget *
find_part (GtkWidget  *pane,
           const char *heading)
{
  GtkWidget *label = find_shown_label (pane, heading);

  g_assert_nonnull (label);
  return gtk_widget_get_parent (label);
}

/* Inside @widget, every shown child of a box lies within the box, and the children of a
 * vertical box follow one another without overlapping: a box measured for less than its
 * children need lets them spill over what comes after it. */
static void
assert_laid_out (GtkWidget *widget)
{
  gboolean is_box = GTK_IS_BOX (widget) || GTK_IS_FLOW_BOX (widget);
  gboolean vertical = GTK_IS_BOX (widget) &&
                      gtk_orientable_get_orientation (GTK_ORIENTABLE (widget)) ==
                      GTK_ORIENTATION_VERTICAL;
  float bottom = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      /* Popovers are laid out in surfaces of their own. */
      if (!gtk_widget_get_visible (child) || GTK_IS_NATIVE (child))
        continue;

      g_assert_true (gtk_widget_compute_bounds (child, widget, &bounds));
      if (is_box)
        {
          g_assert_cmpfloat (bounds.origin.y, >=, -0.5);
          g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                             gtk_widget_get_height (widget) + 0.5);
        }
      if (vertical)
        {
          g_assert_cmpfloat (bounds.origin.y, >=, bottom - 0.5);
          bottom = bounds.origin.y + bounds.size.height;
        }

      assert_laid_out (child);
    }
}

/* The key points end before the terms begin, in the pane's column, and nothing in the
 * pane spills out of its box. */
static void
assert_pane_laid_out (GtkWidget *pane)
{
  EntenteSection *section = entente_reading_pane_get_section (ENTENTE_READING_PANE (pane));
  GtkWidget *title = find_shown_label (pane, entente_section_get_title (section));
  GtkWidget *points = find_part (pane, "Key Points");
  GtkWidget *terms = find_part (pane, "Terms");
  GtkWidget *last_point = gtk_widget_get_last_child (gtk_widget_get_last_child (points));
  GtkWidget *column;
  graphene_rect_t points_bounds, last_point_bounds, terms_bounds;

  /* The column holds the title's box and the rest of the section below it. */
  g_assert_nonnull (title);
  column = gtk_widget_get_parent (gtk_widget_get_parent (title));
  g_assert_true (gtk_widget_is_ancestor (points, column));
  g_assert_true (gtk_widget_is_ancestor (terms, column));

  g_assert_true (gtk_widget_compute_bounds (points, column, &points_bounds));
  g_assert_true (gtk_widget_compute_bounds (last_point, column, &last_point_bounds));
  g_assert_true (gtk_widget_compute_bounds (terms, column, &terms_bounds));
  g_assert_cmpfloat (points_bounds.origin.y + points_bounds.size.height, <=,
                     terms_bounds.origin.y);
  g_assert_cmpfloat (last_point_bounds.origin.y + last_point_bounds.size.height, <=,
                     terms_bounds.origin.y);

  assert_laid_out (column);
}

typedef struct
{
  int      width;
  gboolean dark;
  /* Behind a loading page first, as the window shows while it opens a file. */
  gboolean loading;
} LatePack;

static const LatePack late_packs[] = {
  { 1000, FALSE, FALSE },
  { 1000, TRUE, TRUE },
  { 360, FALSE, TRUE },
};

static gboolean
stack_settled (gpointer data)
{
  return !gtk_stack_get_transition_running (data);
}

/* A pack set on a view that is on screen already, with no pack until then: the first
 * section it shows, and the first with a correction, are laid out in full. */
static void
test_outline_late_pack (gconstpointer data)
{
  const LatePack *late = data;
  g_autoptr(EntentePack) pack = load_builtin_pack ();
  g_autofree char *name = NULL;
  EntenteOutlineView *view = ENTENTE_OUTLINE_VIEW (entente_outline_view_new ());
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *leaflet;
  GtkWidget *pane;
  EntenteSection *section = NULL;

  entente_test_set_dark (late->dark);
  gtk_stack_set_transition_type (GTK_STACK (stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  if (late->loading)
    gtk_stack_add_named (GTK_STACK (stack), adw_status_page_new (), "loading");
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (view), "content");
  gtk_window_set_default_size (window, 1000, 700);
  adw_window_set_content (ADW_WINDOW (window), stack);
  gtk_window_present (window);
  entente_test_wait_for_map (window);
  resize_content (window, late->width, 700);
  settle_widget (GTK_WIDGET (window));

  gtk_stack_set_visible_child (GTK_STACK (stack), GTK_WIDGET (view));
  entente_outline_view_set_pack (view, pack);
  entente_test_wait_until (stack_settled, stack, 5000, "the stack's transition to end");
  wait_for_frames (GTK_WIDGET (window), 1);
  /* Narrow, the reading pane is a page of its own. */
  leaflet = entente_test_find_child (GTK_WIDGET (view), ADW_TYPE_LEAFLET);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)) == (late->width < 600));
  if (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)))
    adw_leaflet_set_visible_child_name (ADW_LEAFLET (leaflet), "content");
  settle_widget (GTK_WIDGET (window));
  wait_for_frames (GTK_WIDGET (window), 2);

  pane = GTK_WIDGET (entente_test_find_child (GTK_WIDGET (view), ENTENTE_TYPE_READING_PANE));
  g_assert_true (gtk_widget_get_mapped (pane));
  g_assert_true (entente_reading_pane_get_section (ENTENTE_READING_PANE (pane)) ==
                 entente_pack_get_nth_section (pack, 0));
  name = g_strdup_printf ("outline-late-pack-%d%s", late->width, late->dark ? "-dark" : "");
  entente_test_screenshot (GTK_WIDGET (window), name);
  assert_pane_laid_out (pane);

  /* The corrections were hidden until now too. */
  for (guint i = 0; section == NULL && i < entente_pack_get_n_sections (pack); i++)
    {
      EntenteSection *s = entente_pack_get_nth_section (pack, i);
      g_autoptr(GPtrArray) found = corrections_of (pack, s);

      if (found->len > 0 && entente_section_get_points (s)[0] != NULL &&
          entente_section_get_terms (s)[0] != NULL)
        section = s;
    }
  g_assert_nonnull (section);
  entente_outline_view_set_section_id (view, entente_section_get_id (section));
  wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_nonnull (find_with_css_class (pane, "card"));
  assert_pane_laid_out (pane);

  entente_test_set_dark (FALSE);
  gtk_window_destroy (window);
  entente_test_iterate (50);
}

/* A pack with @n_top sections at the top level, each with three below it; every fourth
 * section below has "alpha" in its title. */
static EntentePack *
make_long_pack (guint n_top)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"entente-pack\", \"version\": 1, "
                                          "\"id\": \"long\", \"title\": \"Long\", "
                                          "\"language\": \"en\", \"as_of\": \"2024\", "
                                          "\"outline\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  EntentePack *pack;

  for (guint i = 0; i < n_top; i++)
    {
      g_string_append_printf (json, "%s{\"id\": \"s%03u\", \"title\": \"Section %03u\", "
                              "\"children\": [", i > 0 ? ", " : "", i, i);
      for (guint j = 0; j < 3; j++)
        g_string_append_printf (json, "%s{\"id\": \"s%03u-%u\", \"title\": \"Part %03u.%u%s\"}",
                                j > 0 ? ", " : "", i, j, i, j,
                                (i * 3 + j) % 4 == 0 ? " alpha" : "");
      g_string_append (json, "]}");
    }
  g_string_append (json, "], \"members\": [{\"code\": \"ID\", \"status\": \"member\"}]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  pack = entente_pack_load_from_bytes (bytes, "long.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static int
compare_row_tops (gconstpointer a,
                  gconstpointer b)
{
  const graphene_rect_t *x = *(const graphene_rect_t * const *) a;
  const graphene_rect_t *y = *(const graphene_rect_t * const *) b;

  return (x->origin.y > y->origin.y) - (x->origin.y < y->origin.y);
}

/* The rows on screen show consecutive listed sections, top to bottom, and one of them is
 * the section on show, selected; each has the arrow its section needs. */
static void
check_rows_on_screen (Fixture *fixture)
{
  GtkWidget *list = GTK_WIDGET (get_list_view (fixture));
  g_autoptr(GPtrArray) shown = list_sections (fixture);
  g_autoptr(GPtrArray) bounds = g_ptr_array_new_with_free_func (g_free);
  const char *current = entente_outline_view_get_section_id (fixture->view);
  EntenteSection *selected = selected_section (fixture);
  int height = gtk_widget_get_height (list);
  gboolean current_on_screen = FALSE;
  guint first = 0;

  g_assert_nonnull (selected);
  g_assert_cmpstr (entente_section_get_id (selected), ==, current);

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      graphene_rect_t rect;

      if (!ENTENTE_IS_SECTION_ROW (row) || !gtk_widget_get_mapped (row) ||
          !gtk_widget_get_child_visible (child) ||
          !gtk_widget_compute_bounds (child, list, &rect) ||
          rect.origin.y + rect.size.height <= 0 || rect.origin.y >= height)
        continue;

      /* The row itself rides along, to be found again after sorting. */
      g_object_set_data (G_OBJECT (child), "test-row", row);
      g_ptr_array_add (bounds, g_memdup2 (&rect, sizeof rect));
      g_object_set_data (G_OBJECT (child), "test-rect", bounds->pdata[bounds->len - 1]);
    }
  g_assert_cmpuint (bounds->len, >=, 5);

  /* Sorting the rectangles top to bottom, then finding each one's row. */
  g_ptr_array_sort (bounds, compare_row_tops);
  for (guint i = 0; i < bounds->len; i++)
    {
      EntenteSectionRow *row = NULL;
      EntenteSection *section;
      guint position;

      for (GtkWidget *child = gtk_widget_get_first_child (list);
           child != NULL && row == NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (g_object_get_data (G_OBJECT (child), "test-rect") == bounds->pdata[i])
            row = g_object_get_data (G_OBJECT (child), "test-row");
        }
      g_assert_nonnull (row);

      section = entente_section_row_get_section (row);
      g_assert_true (g_ptr_array_find (shown, section, &position));
      if (i == 0)
        first = position;
      else
        g_assert_cmpuint (position, ==, first + i);

      g_assert_cmpint (entente_section_row_get_expandable (row), ==,
                       entente_section_get_depth (section) == 0);
      current_on_screen |= g_strcmp0 (entente_section_get_id (section), current) == 0;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_object_set_data (G_OBJECT (child), "test-rect", NULL);
      g_object_set_data (G_OBJECT (child), "test-row", NULL);
    }

  g_assert_true (current_on_screen);
}

static void
settle_list (Fixture *fixture)
{
  settle ();
  wait_for_frames (GTK_WIDGET (fixture->window), 2);
}

/* In an outline much longer than the screen, the list keeps showing the section on show as
 * searches list it elsewhere, and its rows show what is listed where they are. */
static void
test_outline_search_long (void)
{
  Fixture fixture_data = { 0 };
  Fixture *fixture = &fixture_data;
  const char *queries[] = { "p", "pa", "part", "part alpha", "part", "p", "" };

  fixture->pack = make_long_pack (400);
  fixture->view = ENTENTE_OUTLINE_VIEW (entente_outline_view_new ());
  entente_outline_view_set_pack (fixture->view, fixture->pack);
  fixture->window = GTK_WINDOW (adw_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 1000, 700);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  entente_test_wait_for_map (fixture->window);
  settle_list (fixture);

  /* A section far down: its parent opens, and the list scrolls to it. */
  entente_outline_view_set_section_id (fixture->view, "s200-0");
  settle_list (fixture);
  check_rows_on_screen (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      entente_outline_view_set_search_text (fixture->view, queries[i]);
      settle_list (fixture);
      check_rows_on_screen (fixture);
    }

  /* Near the top, where the section on show stays on screen while the rows around it
   * change. */
  entente_outline_view_set_section_id (fixture->view, "s000-0");
  settle_list (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      entente_outline_view_set_search_text (fixture->view, queries[G_N_ELEMENTS (queries) - 1 - i]);
      settle_list (fixture);
      check_rows_on_screen (fixture);
      entente_outline_view_set_search_text (fixture->view, "alpha");
      settle_list (fixture);
      check_rows_on_screen (fixture);
    }

  /* While searching, going to sections far apart. */
  entente_outline_view_set_search_text (fixture->view, "part");
  settle_list (fixture);
  entente_outline_view_set_section_id (fixture->view, "s010-1");
  settle_list (fixture);
  check_rows_on_screen (fixture);
  entente_outline_view_set_section_id (fixture->view, "s390-2");
  settle_list (fixture);
  check_rows_on_screen (fixture);
  entente_outline_view_set_search_text (fixture->view, "");
  settle_list (fixture);
  check_rows_on_screen (fixture);
  g_assert_cmpstr (entente_outline_view_get_section_id (fixture->view), ==, "s390-2");

  fixture_tear_down (fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  entente_test_ui_init (&argc, &argv);

  /* Registering the application loads its style sheet, as in the real app. */
  app = entente_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func, builtin) \
  g_test_add ("/entente/outline/" path, Fixture, GINT_TO_POINTER (builtin), \
              fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/entente/outline/filter", test_outline_filter);
  g_test_add_func ("/entente/outline/filter-listed", test_outline_filter_listed);
  ADD ("top-level", test_outline_top_level, TRUE);
  ADD ("search", test_outline_search, TRUE);
  ADD ("search-fixture", test_outline_search_fixture, FALSE);
  ADD ("search-empty", test_outline_search_empty, TRUE);
  ADD ("start-search", test_outline_start_search, FALSE);
  ADD ("reading-pane", test_outline_reading_pane, FALSE);
  ADD ("reading-pane-builtin", test_outline_reading_pane_builtin, TRUE);
  ADD ("next-previous", test_outline_next_previous, TRUE);
  ADD ("term", test_outline_term, FALSE);
  ADD ("markup", test_outline_markup, FALSE);
  ADD ("keyboard", test_outline_keyboard, FALSE);
  ADD ("narrow", test_outline_narrow, FALSE);
  ADD ("pack-change", test_outline_pack_change, FALSE);
  g_test_add_data_func ("/entente/outline/late-pack", &late_packs[0], test_outline_late_pack);
  g_test_add_data_func ("/entente/outline/late-pack-loading-dark", &late_packs[1],
                        test_outline_late_pack);
  g_test_add_data_func ("/entente/outline/late-pack-narrow", &late_packs[2],
                        test_outline_late_pack);
  g_test_add_func ("/entente/outline/window-screenshots", test_outline_window_screenshots);
  g_test_add_func ("/entente/outline/search-long", test_outline_search_long);

#undef ADD

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
