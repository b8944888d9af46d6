/* test-members.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The members page in real windows: the map, the list of states and the details kept in
 * step, the "membership as of" slider and its counts, the timeline and its filter, the
 * window's Members page and its actions, a second organisation, and screenshots.
 * Keys reach the widgets through entente_test_activate_shortcut(), which resolves them
 * in the widgets' shortcut controllers as GTK's own dispatch would.
 */

#include "config.h"

#include <string.h>

#include "entente-application.h"
#include "entente-map-view.h"
#include "entente-member-details.h"
#include "entente-members-page.h"
#include "entente-pack-loader.h"
#include "entente-test-ui.h"
#include "entente-window.h"

static EntenteApplication *app;

typedef struct
{
  GtkWindow          *window;
  EntenteMembersPage *page;
  EntentePack        *pack;
} Fixture;

static EntentePack *
load_pack_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
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
  const char *file_name = data;

  fixture->pack = file_name == NULL ? load_builtin_pack () : load_pack_file (file_name);
  fixture->page = ENTENTE_MEMBERS_PAGE (entente_members_page_new ());

  fixture->window = GTK_WINDOW (adw_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 1000, 720);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  entente_test_wait_for_map (fixture->window);
  entente_members_page_set_pack (fixture->page, fixture->pack);
  entente_test_iterate (50);
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

static gboolean
animations_done (gpointer data)
{
  GtkWidget *widget = data;

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

static void
settle (GtkWidget *widget)
{
  entente_test_iterate (50);
  entente_test_wait_until (animations_done, widget, 5000, "the animations to end");
  entente_test_iterate (50);
}

static EntenteMember *
row_member (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "entente-member");
}

static EntenteEvent *
row_event (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "entente-event");
}

static GtkListBoxRow *
state_row (EntenteMembersPage *page,
           const char         *code)
{
  GtkListBox *list = entente_members_page_get_state_list (page);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (g_strcmp0 (entente_member_get_code (row_member (row)), code) == 0)
        return row;
    }

  g_assert_not_reached ();
  return NULL;
}

static const char *
selected_row_code (EntenteMembersPage *page)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (entente_members_page_get_state_list (page));

  return row != NULL ? entente_member_get_code (row_member (row)) : NULL;
}

/* Every view of the selection says the same state. */
static void
assert_selected (EntenteMembersPage *page,
                 const char         *code)
{
  EntenteMapView *map = entente_members_page_get_map_view (page);
  EntenteMemberDetails *details = entente_members_page_get_details (page);

  g_assert_cmpstr (entente_members_page_get_selected_code (page), ==, code);
  g_assert_cmpstr (entente_map_view_get_selected_code (map), ==, code);
  g_assert_cmpstr (entente_member_details_get_code (details), ==, code);
  if (code != NULL && entente_pack_lookup_member (entente_members_page_get_pack (page), code))
    g_assert_cmpstr (selected_row_code (page), ==, code);
  else
    g_assert_null (selected_row_code (page));
}

/* A label on show in @root whose text is @text. */
static GtkWidget *
find_shown_label (GtkWidget  *root,
                  const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;
      found = find_shown_label (child, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The legend's count next to the label of @status. */
static const char *
legend_count (EntenteMembersPage *page,
              EntenteMemberStatus status)
{
  GtkWidget *name = entente_test_find_label (GTK_WIDGET (page),
                                             entente_member_status_get_label (status));
  GtkWidget *grid;
  int column, row;

  g_assert_nonnull (name);
  grid = gtk_widget_get_parent (name);
  g_assert_true (GTK_IS_GRID (grid));
  gtk_grid_query_child (GTK_GRID (grid), name, &column, &row, NULL, NULL);

  return gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), column + 1, row)));
}

static guint
count_members_at (EntentePack         *pack,
                  EntenteMemberStatus  status,
                  int                  year)
{
  GListModel *members = entente_pack_get_members (pack);
  EntenteDate date = { year, 0, 0 };
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(EntenteMember) member = g_list_model_get_item (members, i);

      count += entente_member_get_status_at (member, &date) == status;
    }

  return count;
}

static void
check_counts (EntenteMembersPage *page,
              const int          *years,
              const guint        *expected,
              guint               n_years)
{
  for (guint i = 0; i < n_years; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", expected[i]);
      GtkListBox *list = entente_members_page_get_state_list (page);
      guint listed_members = 0;

      entente_members_page_set_year (page, years[i]);
      g_assert_cmpint (entente_members_page_get_year (page), ==, years[i]);
      g_assert_cmpuint (entente_members_page_count_status (page, ENTENTE_MEMBER_STATUS_MEMBER),
                        ==, expected[i]);
      g_assert_cmpstr (legend_count (page, ENTENTE_MEMBER_STATUS_MEMBER), ==, text);

      /* The list groups the states by their status that year: the members come first. */
      for (int j = 0; gtk_list_box_get_row_at_index (list, j) != NULL; j++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, j);
          EntenteDate date = { years[i], 0, 0 };
          gboolean is_member = entente_member_get_status_at (row_member (row), &date) ==
                               ENTENTE_MEMBER_STATUS_MEMBER;

          if (is_member)
            {
              g_assert_cmpint (j, ==, (int) listed_members);
              listed_members++;
            }
        }
      g_assert_cmpuint (listed_members, ==, expected[i]);
    }
}

static void
test_members_counts (Fixture       *fixture,
                     gconstpointer  data)
{
  static const int years[] = { 2000, 2001, 2016, 2017, 2023, 2024 };
  static const guint expected[] = { 5, 6, 6, 8, 9, 10 };
  GtkRange *scale = GTK_RANGE (entente_test_find_child (GTK_WIDGET (fixture->page),
                                                        GTK_TYPE_SCALE));
  GtkAdjustment *adjustment = gtk_range_get_adjustment (scale);

  /* From the earliest date of the pack (the 1969 border clashes) to its as_of year. */
  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, 1969);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==,
                     entente_pack_get_as_of (fixture->pack)->year);
  g_assert_cmpint (entente_members_page_get_year (fixture->page), ==,
                   entente_pack_get_as_of (fixture->pack)->year);

  check_counts (fixture->page, years, expected, G_N_ELEMENTS (years));

  /* The observers of 2010 and the partners of now, as the pack's history has them. */
  entente_members_page_set_year (fixture->page, 2010);
  g_assert_cmpuint (entente_members_page_count_status (fixture->page,
                                                       ENTENTE_MEMBER_STATUS_OBSERVER),
                    ==, count_members_at (fixture->pack, ENTENTE_MEMBER_STATUS_OBSERVER, 2010));
  g_assert_cmpuint (entente_members_page_count_status (fixture->page,
                                                       ENTENTE_MEMBER_STATUS_OBSERVER), ==, 4);

  /* The slider moves by keyboard, a year a step, and the counts follow. */
  entente_members_page_set_year (fixture->page, 2017);
  gtk_widget_grab_focus (GTK_WIDGET (scale));
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (scale), GDK_KEY_Left, 0));
  g_assert_cmpint (entente_members_page_get_year (fixture->page), ==, 2016);
  g_assert_cmpuint (entente_members_page_count_status (fixture->page,
                                                       ENTENTE_MEMBER_STATUS_MEMBER), ==, 6);
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (scale), GDK_KEY_Right, 0));
  g_assert_cmpint (entente_members_page_get_year (fixture->page), ==, 2017);
  g_assert_cmpuint (entente_members_page_count_status (fixture->page,
                                                       ENTENTE_MEMBER_STATUS_MEMBER), ==, 8);
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (scale), GDK_KEY_End, 0));
  g_assert_cmpint (entente_members_page_get_year (fixture->page), ==,
                   entente_pack_get_as_of (fixture->pack)->year);

  /* Out of range years are clamped. */
  entente_members_page_set_year (fixture->page, 1800);
  g_assert_cmpint (entente_members_page_get_year (fixture->page), ==, 1969);
  g_assert_cmpuint (entente_members_page_count_status (fixture->page,
                                                       ENTENTE_MEMBER_STATUS_MEMBER), ==, 0);
  /* A status that no state has that year leaves the legend. */
  g_assert_false (gtk_widget_get_visible (
    entente_test_find_label (GTK_WIDGET (fixture->page),
                             entente_member_status_get_label (ENTENTE_MEMBER_STATUS_MEMBER))));
  entente_members_page_set_year (fixture->page, 2024);
  g_assert_true (gtk_widget_get_visible (
    entente_test_find_label (GTK_WIDGET (fixture->page),
                             entente_member_status_get_label (ENTENTE_MEMBER_STATUS_MEMBER))));
}

static void
test_members_select_list (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkListBoxRow *row;
  GtkListBoxRow *next;

  assert_selected (fixture->page, NULL);

  /* A click on a row (its activation). */
  row = state_row (fixture->page, "KZ");
  g_signal_emit_by_name (row, "activate");
  entente_test_iterate (20);
  assert_selected (fixture->page, "KZ");
  g_assert_nonnull (find_shown_label (GTK_WIDGET (entente_members_page_get_details (fixture->page)),
                                      "Astana"));

  /* The keyboard: Down moves the selection to the next row of the list. */
  gtk_widget_grab_focus (GTK_WIDGET (row));
  next = gtk_list_box_get_row_at_index (entente_members_page_get_state_list (fixture->page),
                                        gtk_list_box_row_get_index (row) + 1);
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (row), GDK_KEY_Down, 0));
  entente_test_iterate (20);
  assert_selected (fixture->page, entente_member_get_code (row_member (next)));

  /* From outside: the map and the list follow. */
  entente_members_page_set_selected_code (fixture->page, "IN");
  assert_selected (fixture->page, "IN");
  entente_members_page_set_selected_code (fixture->page, NULL);
  assert_selected (fixture->page, NULL);
  g_assert_nonnull (find_shown_label (GTK_WIDGET (fixture->page), "No State Selected"));
}

static void
test_members_select_map (Fixture       *fixture,
                         gconstpointer  data)
{
  EntenteMapView *map = entente_members_page_get_map_view (fixture->page);

  /* The map selects a state: the list and the details follow. */
  entente_map_view_set_selected_code (map, "KG");
  entente_test_iterate (20);
  assert_selected (fixture->page, "KG");
  g_assert_nonnull (find_shown_label (GTK_WIDGET (fixture->page), "Bishkek"));

  /* A click on a country that is not in the pack: its name and that it is not in the SCO. */
  g_signal_emit_by_name (map, "country-activated", "FR");
  entente_test_iterate (20);
  assert_selected (fixture->page, "FR");
  g_assert_nonnull (find_shown_label (GTK_WIDGET (fixture->page), "Not in SCO"));

  g_signal_emit_by_name (map, "country-activated", "UZ");
  entente_test_iterate (20);
  assert_selected (fixture->page, "UZ");
}

static void
test_members_details (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *details = GTK_WIDGET (entente_members_page_get_details (fixture->page));

  entente_members_page_set_selected_code (fixture->page, "BY");
  entente_test_iterate (20);
  g_assert_nonnull (find_shown_label (details, "Belarus"));
  g_assert_nonnull (find_shown_label (details, "Minsk"));
  g_assert_nonnull (find_shown_label (details, "Dialogue partner from 16 June 2009"));
  g_assert_nonnull (find_shown_label (details, "Observer from 10 July 2015"));
  g_assert_nonnull (find_shown_label (details, "Member from 4 July 2024"));
  g_assert_nonnull (find_shown_label (details, "4 July 2024"));
  g_assert_nonnull (find_shown_label (details, entente_member_get_summary (
    entente_pack_lookup_member (fixture->pack, "BY"))));

  entente_members_page_set_selected_code (fixture->page, "CN");
  entente_test_iterate (20);
  g_assert_nonnull (find_shown_label (details, "China"));
  g_assert_nonnull (find_shown_label (details, "Yes"));
  g_assert_null (find_shown_label (details, "Minsk"));
}

static guint
count_shown_events (EntenteMembersPage *page,
                    const char         *code)
{
  GtkListBox *timeline = entente_members_page_get_timeline (page);
  guint n_shown = 0;

  for (int i = 0; gtk_list_box_get_row_at_index (timeline, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (timeline, i);
      const char * const *codes = entente_event_get_members (row_event (row));

      if (!gtk_widget_get_child_visible (GTK_WIDGET (row)))
        continue;
      n_shown++;
      if (code != NULL)
        g_assert_true (codes != NULL && g_strv_contains (codes, code));
    }

  return n_shown;
}

static guint
count_events_of (EntentePack *pack,
                 const char  *code)
{
  GListModel *events = entente_pack_get_events (pack);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(EntenteEvent) event = g_list_model_get_item (events, i);
      const char * const *codes = entente_event_get_members (event);

      count += code == NULL || (codes != NULL && g_strv_contains (codes, code));
    }

  return count;
}

static void
test_members_timeline (Fixture       *fixture,
                       gconstpointer  data)
{
  EntenteMembersPage *page = fixture->page;
  GtkListBox *timeline = entente_members_page_get_timeline (page);
  guint n_events = g_list_model_get_n_items (entente_pack_get_events (fixture->pack));
  GListModel *events = entente_pack_get_events (fixture->pack);
  GtkListBoxRow *row;
  int last_year = 0;

  g_assert_cmpuint (n_events, >, 0);
  g_assert_cmpuint (count_shown_events (page, NULL), ==, n_events);

  /* In date order, as the pack sorts them. */
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(EntenteEvent) event = g_list_model_get_item (events, i);

      row = gtk_list_box_get_row_at_index (timeline, i);
      g_assert_true (row_event (row) == event);
      g_assert_cmpint (entente_event_get_date (event)->year, >=, last_year);
      last_year = entente_event_get_date (event)->year;
    }

  /* A selected state filters the timeline to its events, until "Show All". */
  entente_members_page_set_selected_code (page, "IN");
  entente_test_iterate (20);
  g_assert_cmpuint (count_shown_events (page, "IN"), ==, count_events_of (fixture->pack, "IN"));
  g_assert_cmpuint (count_shown_events (page, "IN"), <, n_events);
  g_assert_nonnull (entente_test_find_label (GTK_WIDGET (page), "Events of India"));
  entente_members_page_set_show_all_events (page, TRUE);
  g_assert_cmpuint (count_shown_events (page, NULL), ==, n_events);
  entente_members_page_set_show_all_events (page, FALSE);
  g_assert_cmpuint (count_shown_events (page, "IN"), ==, count_events_of (fixture->pack, "IN"));

  /* In step with the slider: later events are dimmed, those of the year stand out. */
  entente_members_page_set_year (page, 2001);
  for (guint i = 0; i < n_events; i++)
    {
      row = gtk_list_box_get_row_at_index (timeline, i);
      last_year = entente_event_get_date (row_event (row))->year;
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "later") == (last_year > 2001));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "this-year") ==
                     (last_year == 2001));
    }

  /* The details link to the events the state took part in. */
  entente_members_page_set_selected_code (page, "BY");
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(EntenteEvent) event = g_list_model_get_item (events, i);

      if (g_strv_contains (entente_event_get_members (event), "BY"))
        {
          GtkWidget *link = entente_test_find_label (
            GTK_WIDGET (entente_members_page_get_details (page)), entente_event_get_title (event));

          g_assert_nonnull (link);
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (link), "members.show-event", "s",
                                                     entente_event_get_id (event)));
          g_assert_cmpstr (entente_members_page_get_selected_event (page), ==,
                           entente_event_get_id (event));
          break;
        }
    }
  g_assert_nonnull (entente_members_page_get_selected_event (page));

  /* Events link to their states: the state becomes the selection. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.select-state", "s", "RU"));
  assert_selected (page, "RU");
}

static void
test_members_second_org (Fixture       *fixture,
                         gconstpointer  data)
{
  static const int years[] = { 1967, 1983, 1984, 1995, 1997, 1999, 2024, 2025 };
  static const guint expected[] = { 5, 5, 6, 7, 9, 10, 10, 11 };
  EntenteMembersPage *page = fixture->page;
  GtkWidget *details = GTK_WIDGET (entente_members_page_get_details (page));
  GtkRange *scale = GTK_RANGE (entente_test_find_child (GTK_WIDGET (page), GTK_TYPE_SCALE));

  g_assert_cmpfloat (gtk_adjustment_get_lower (gtk_range_get_adjustment (scale)), ==, 1967);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_range_get_adjustment (scale)), ==, 2025);
  check_counts (page, years, expected, G_N_ELEMENTS (years));

  entente_members_page_set_year (page, 2024);
  g_assert_cmpuint (entente_members_page_count_status (page, ENTENTE_MEMBER_STATUS_OBSERVER),
                    ==, 2);
  g_assert_cmpstr (legend_count (page, ENTENTE_MEMBER_STATUS_OBSERVER), ==, "2");

  entente_members_page_set_selected_code (page, "TL");
  entente_test_iterate (20);
  assert_selected (page, "TL");
  g_assert_nonnull (find_shown_label (details, "Dili"));
  g_assert_nonnull (find_shown_label (details, "Observer from 11 November 2022"));
  g_assert_nonnull (find_shown_label (details, "Member from 26 October 2025"));
  g_assert_nonnull (find_shown_label (details, "Member of ASEAN"));
  g_assert_cmpuint (count_shown_events (page, "TL"), ==, 2);
  /* In 2024 the list has it among the observers, since 2022. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (state_row (page, "TL"))), ==,
                   "Observer since 11 November 2022");
}

static EntentePack *
wait_for_pack_id (EntenteWindow *window,
                  const char    *id)
{
  for (guint i = 0; i < 500; i++)
    {
      EntentePack *pack = entente_window_get_pack (window);

      if (pack != NULL && g_strcmp0 (entente_pack_get_id (pack), id) == 0 &&
          !entente_window_get_loading (window))
        return pack;
      entente_test_iterate (10);
    }

  g_error ("The pack “%s” was not opened", id);
  return NULL;
}

static AdwViewStack *
get_view_stack (EntenteWindow *window)
{
  GtkWidget *stack = entente_test_find_child (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  return ADW_VIEW_STACK (stack);
}

static gboolean
members_page_visible (EntenteWindow *window)
{
  AdwViewStack *stack = get_view_stack (window);
  GtkWidget *child = adw_view_stack_get_child_by_name (stack, "members");

  g_assert_nonnull (child);
  return adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, child));
}

static const char *
visible_page (EntenteWindow *window)
{
  return adw_view_stack_get_visible_child_name (get_view_stack (window));
}

/* The first shown button under @root whose action is @action_name. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_members_window (void)
{
  EntenteWindow *window = entente_window_new (app);
  EntenteMembersPage *page = entente_window_get_members_page (window);
  g_autofree char *no_members = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *section_id;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  gtk_window_present (GTK_WINDOW (window));
  entente_window_open_builtin_pack (window);
  entente_test_wait_for_map (GTK_WINDOW (window));
  wait_for_pack_id (window, "khan-sultana-sco");

  g_assert_true (members_page_visible (window));
  g_assert_cmpstr (visible_page (window), ==, "outline");

  /* Alt+2 and Alt+1 switch pages. */
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_2, GDK_ALT_MASK));
  g_assert_cmpstr (visible_page (window), ==, "members");
  g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_1, GDK_ALT_MASK));
  g_assert_cmpstr (visible_page (window), ==, "outline");

  /* A state named in the outline's reading pane is a link: clicking it opens the page on
   * that state. */
  {
    EntenteOutlineView *outline = entente_window_get_outline_view (window);
    GtkWidget *link;
    g_autofree char *code = NULL;

    entente_outline_view_set_section_id (outline, "great-powers");
    settle (GTK_WIDGET (window));
    link = find_action_button (GTK_WIDGET (outline), "win.show-member");
    g_assert_nonnull (link);
    code = g_variant_dup_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (link)), NULL);
    g_assert_nonnull (entente_pack_lookup_member (entente_window_get_pack (window), code));
    g_signal_emit_by_name (link, "clicked");
    settle (GTK_WIDGET (window));
    g_assert_cmpstr (visible_page (window), ==, "members");
    assert_selected (page, code);
    g_assert_cmpstr (entente_member_details_get_code (entente_members_page_get_details (page)), ==, code);

    /* An event named there opens the timeline on it. */
    g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_1, GDK_ALT_MASK));
    settle (GTK_WIDGET (window));
    link = find_action_button (GTK_WIDGET (outline), "win.show-event");
    g_assert_nonnull (link);
    g_free (code);
    code = g_variant_dup_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (link)), NULL);
    g_signal_emit_by_name (link, "clicked");
    settle (GTK_WIDGET (window));
    g_assert_cmpstr (visible_page (window), ==, "members");
    g_assert_cmpstr (entente_members_page_get_selected_event (page), ==, code);
    g_assert_true (entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_1, GDK_ALT_MASK));
  }

  /* win.show-member opens the page on a state, as the outline's member links do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-member", "s", "KZ"));
  settle (GTK_WIDGET (window));
  entente_test_iterate (300);
  g_assert_cmpstr (visible_page (window), ==, "members");
  assert_selected (page, "KZ");
  entente_test_screenshot (GTK_WIDGET (window), "members-window-selection");

  /* The timeline, from an event in the details. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.show-event", "s",
                                             "summit-2001-shanghai"));
  settle (GTK_WIDGET (window));
  g_assert_cmpstr (entente_members_page_get_selected_event (page), ==, "summit-2001-shanghai");
  entente_members_page_set_year (page, 2001);
  entente_test_iterate (300);
  entente_test_screenshot (GTK_WIDGET (window), "members-window-timeline");

  /* A section link in the details opens it in the outline. */
  section_id = entente_member_get_sections (entente_pack_lookup_member (entente_window_get_pack (window),
                                                                      "KZ"))[1];
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (entente_members_page_get_details (page)),
                                             "members.show-section", "s", section_id));
  g_assert_cmpstr (visible_page (window), ==, "outline");
  g_assert_cmpstr (entente_outline_view_get_section_id (entente_window_get_outline_view (window)),
                   ==, section_id);

  /* A pack without members has no Members page. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  no_members = g_build_filename (g_get_user_data_dir (), "no-members.json", NULL);
  g_file_set_contents (no_members,
                       "{ \"format\": \"entente-pack\", \"version\": 1, \"id\": \"no-members\","
                       "  \"title\": \"No states\", \"language\": \"en\", \"as_of\": \"2024\","
                       "  \"outline\": [ { \"id\": \"only\", \"title\": \"Only\" } ] }",
                       -1, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "members"));
  g_assert_cmpstr (visible_page (window), ==, "members");
  file = g_file_new_for_path (no_members);
  entente_window_open_file (window, file);
  wait_for_pack_id (window, "no-members");
  g_assert_false (members_page_visible (window));
  g_assert_cmpstr (visible_page (window), ==, "outline");
  entente_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_2, GDK_ALT_MASK);
  g_assert_cmpstr (visible_page (window), ==, "outline");
  /* The action is disabled: it does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-member", "s", "KZ");
  g_assert_cmpstr (visible_page (window), ==, "outline");
  g_assert_null (entente_members_page_get_pack (page));

  /* And back. */
  entente_window_open_builtin_pack (window);
  wait_for_pack_id (window, "khan-sultana-sco");
  g_assert_true (members_page_visible (window));

  gtk_window_destroy (GTK_WINDOW (window));
  entente_test_iterate (50);
}

typedef struct
{
  int         width;
  gboolean    dark;
  const char *code;
  const char *name;
} Shot;

static const Shot shots[] = {
  { 1000, FALSE, NULL, "members" },
  { 1000, TRUE, NULL, "members-dark" },
  { 1000, FALSE, "IR", "members-selection" },
  { 1000, TRUE, "IN", "members-selection-dark" },
  { 360, FALSE, NULL, "members-narrow" },
  { 360, FALSE, "KG", "members-narrow-details" },
};

/* The Members page in the window, at full and narrow widths: nothing wider than the window. */
static void
test_members_screenshots (gconstpointer data)
{
  const Shot *shot = data;
  EntenteWindow *window = entente_window_new (app);
  EntenteMembersPage *page = entente_window_get_members_page (window);
  AdwLeaflet *leaflet;
  int minimum;

  entente_test_set_dark (shot->dark);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  gtk_window_present (GTK_WINDOW (window));
  entente_window_open_builtin_pack (window);
  entente_test_wait_for_map (GTK_WINDOW (window));
  wait_for_pack_id (window, "khan-sultana-sco");
  entente_test_resize (GTK_WINDOW (window), shot->width, 720);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "members"));
  if (shot->code != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-member", "s",
                                               shot->code));
  settle (GTK_WIDGET (window));
  entente_test_iterate (300);

  leaflet = ADW_LEAFLET (entente_test_find_child (GTK_WIDGET (page), ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet) == (shot->width < 700));
  if (adw_leaflet_get_folded (leaflet))
    {
      g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==,
                       shot->code != NULL ? "details" : "sidebar");
      if (shot->code != NULL)
        g_assert_nonnull (find_shown_label (GTK_WIDGET (page), "_States"));
    }

  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, shot->width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <=, shot->width);

  entente_test_screenshot (GTK_WIDGET (window), shot->name);

  if (adw_leaflet_get_folded (leaflet) && shot->code != NULL)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.back", NULL));
      settle (GTK_WIDGET (window));
      g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
      assert_selected (page, shot->code);
    }

  entente_test_set_dark (FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  entente_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  entente_test_ui_init (&argc, &argv);

  /* Registering the application loads its style sheet, as in the real app. */
  app = entente_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func, file) \
  g_test_add ("/entente/members/" path, Fixture, file, fixture_set_up, func, fixture_tear_down)

  ADD ("counts", test_members_counts, NULL);
  ADD ("select-list", test_members_select_list, NULL);
  ADD ("select-map", test_members_select_map, NULL);
  ADD ("details", test_members_details, NULL);
  ADD ("timeline", test_members_timeline, NULL);
  ADD ("second-org", test_members_second_org, "second-org.json");
  g_test_add_func ("/entente/members/window", test_members_window);
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/members/screenshot/%s", shots[i].name);

      g_test_add_data_func (path, &shots[i], test_members_screenshots);
    }

  return g_test_run ();
}
