/* entente-members-page.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "entente-atlas.h"
#include "entente-members-page.h"

struct _EntenteMembersPage
{
  GtkWidget             parent_instance;

  GtkWidget            *main_box;
  EntenteMapView       *map_view;
  GtkBox               *legend;
  GtkBox               *year_box;
  GtkScale             *year_scale;
  GtkAdjustment        *year_adjustment;
  AdwLeaflet           *leaflet;
  GtkStack             *side_stack;
  GtkListBox           *state_list;
  GtkLabel             *timeline_label;
  GtkToggleButton      *show_all_button;
  GtkListBox           *timeline;
  GtkScrolledWindow    *timeline_scrolled;
  EntenteMemberDetails *details;

  EntentePack          *pack;
  char                 *selected_code;
  int                   year;
  guint                 counts[ENTENTE_N_MEMBER_STATUSES + 1];
  GtkLabel             *count_labels[ENTENTE_N_MEMBER_STATUSES + 1];
  gboolean              show_all_events;
  guint                 scroll_tick_id;
  gboolean              syncing;
};

G_DEFINE_FINAL_TYPE (EntenteMembersPage, entente_members_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PACK,
  PROP_SELECTED_CODE,
  PROP_YEAR,
  PROP_SHOW_ALL_EVENTS,
  N_PROPS
};

enum {
  SHOW_SECTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define ROW_MEMBER "entente-member"
#define ROW_STATUS "entente-status"
#define ROW_EVENT  "entente-event"

static const char *
get_group_title (EntenteMemberStatus status)
{
  switch (status)
    {
    case ENTENTE_MEMBER_STATUS_MEMBER:
      return _("Members");
    case ENTENTE_MEMBER_STATUS_OBSERVER:
      /* Translators: headings of the groups of states in the list, by their status */
      return _("Observers");
    case ENTENTE_MEMBER_STATUS_DIALOGUE_PARTNER:
      return _("Dialogue Partners");
    case ENTENTE_MEMBER_STATUS_PARTNER:
      return _("Partners");
    case ENTENTE_MEMBER_STATUS_APPLICANT:
      return _("Applicants");
    case ENTENTE_MEMBER_STATUS_FORMER_MEMBER:
      return _("Former Members");
    case ENTENTE_MEMBER_STATUS_NONE:
    default:
      return _("Not Yet Involved");
    }
}

static EntenteMemberStatus
row_get_status (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), ROW_STATUS));
}

static EntenteMember *
row_get_member (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), ROW_MEMBER);
}

static EntenteEvent *
row_get_event (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), ROW_EVENT);
}

static GtkListBoxRow *
find_state_row (EntenteMembersPage *self,
                const char         *code)
{
  if (code == NULL)
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->state_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EntenteMember *member;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      member = row_get_member (GTK_LIST_BOX_ROW (child));
      if (member != NULL && g_strcmp0 (entente_member_get_code (member), code) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static GtkListBoxRow *
find_event_row (EntenteMembersPage *self,
                const char         *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EntenteEvent *event;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      event = row_get_event (GTK_LIST_BOX_ROW (child));
      if (event != NULL && g_strcmp0 (entente_event_get_id (event), id) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
remove_all_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The state list: one row per state, grouped by its status at the chosen year. */

static int
state_sort_cb (GtkListBoxRow *row1,
               GtkListBoxRow *row2,
               gpointer       user_data)
{
  EntenteMemberStatus status1 = row_get_status (row1);
  EntenteMemberStatus status2 = row_get_status (row2);

  if (status1 != status2)
    return status1 < status2 ? -1 : 1;

  return g_utf8_collate (entente_member_get_display_name (row_get_member (row1)),
                         entente_member_get_display_name (row_get_member (row2)));
}

static void
state_header_cb (GtkListBoxRow *row,
                 GtkListBoxRow *before,
                 gpointer       user_data)
{
  EntenteMemberStatus status = row_get_status (row);
  GtkWidget *header;

  if (before != NULL && row_get_status (before) == status)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_list_box_row_get_header (row);
  if (header == NULL)
    {
      header = g_object_new (GTK_TYPE_LABEL,
                             "xalign", 0.0f,
                             "margin-start", 12,
                             "margin-top", before != NULL ? 12 : 6,
                             "margin-bottom", 3,
                             NULL);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_list_box_row_set_header (row, header);
    }
  gtk_label_set_label (GTK_LABEL (header), get_group_title (status));
}

static char *
describe_state (EntenteMember       *member,
                EntenteMemberStatus  status,
                int                  year)
{
  EntenteDate since;

  if (status == ENTENTE_MEMBER_STATUS_NONE)
    {
      g_autoptr(GArray) periods = entente_member_details_get_periods (member);

      for (guint i = 0; i < periods->len; i++)
        {
          const EntenteStatusPeriod *period = &g_array_index (periods, EntenteStatusPeriod, i);
          g_autofree char *date = NULL;

          if (!entente_date_is_set (&period->from))
            continue;
          date = entente_date_format (&period->from);
          /* Translators: a state that is not yet involved at the chosen year; the first %s
           * is its first status, the second a date: "Observer from 5 July 2005" */
          return g_strdup_printf (_("%s from %s"),
                                  entente_member_status_get_label (period->status), date);
        }

      return g_strdup (get_group_title (status));
    }

  if (entente_member_details_get_since (member, year, &since))
    {
      g_autofree char *date = entente_date_format (&since);

      /* Translators: a state's status and since when, as in "Member since 9 June 2017" */
      return g_strdup_printf (_("%s since %s"), entente_member_status_get_label (status), date);
    }

  return g_strdup (entente_member_status_get_label (status));
}

static void
update_state_row (EntenteMembersPage *self,
                  GtkListBoxRow      *row)
{
  EntenteMember *member = row_get_member (row);
  EntenteDate date = { self->year, 0, 0 };
  EntenteMemberStatus status = entente_member_get_status_at (member, &date);
  g_autofree char *subtitle = describe_state (member, status, self->year);

  g_object_set_data (G_OBJECT (row), ROW_STATUS, GINT_TO_POINTER (status));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static GtkWidget *
create_state_row (EntenteMembersPage *self,
                  EntenteMember      *member)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "title", entente_member_get_display_name (member),
                                 "use-markup", FALSE,
                                 "activatable", TRUE,
                                 NULL);
  GtkWidget *code = g_object_new (GTK_TYPE_LABEL,
                                  "label", entente_member_get_code (member),
                                  "valign", GTK_ALIGN_CENTER,
                                  NULL);

  gtk_widget_add_css_class (code, "country-code");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), code);
  g_object_set_data_full (G_OBJECT (row), ROW_MEMBER, g_object_ref (member), g_object_unref);
  update_state_row (self, GTK_LIST_BOX_ROW (row));

  return row;
}

/* The timeline. */

static gboolean
event_involves (EntenteEvent *event,
                const char   *code)
{
  const char * const *codes = entente_event_get_members (event);

  return codes != NULL && g_strv_contains (codes, code);
}

static gboolean
is_filtering_events (EntenteMembersPage *self)
{
  return !self->show_all_events &&
         self->selected_code != NULL &&
         self->pack != NULL &&
         entente_pack_lookup_member (self->pack, self->selected_code) != NULL;
}

static gboolean
timeline_filter_cb (GtkListBoxRow *row,
                    gpointer       user_data)
{
  EntenteMembersPage *self = user_data;

  if (!is_filtering_events (self))
    return TRUE;

  return event_involves (row_get_event (row), self->selected_code);
}

static gboolean
event_link_cb (GtkLabel   *label,
               const char *uri,
               gpointer    user_data)
{
  if (g_str_has_prefix (uri, "state:"))
    gtk_widget_activate_action (GTK_WIDGET (label), "members.select-state", "s",
                                uri + strlen ("state:"));
  else if (g_str_has_prefix (uri, "section:"))
    gtk_widget_activate_action (GTK_WIDGET (label), "members.show-section", "s",
                                uri + strlen ("section:"));
  else
    return FALSE;

  return TRUE;
}

/* A line of links, as in "States: Russia, Kazakhstan": it wraps like text. */
static GtkWidget *
create_links_label (const char *heading,
                    GString    *links)
{
  g_autofree char *escaped = g_markup_escape_text (heading, -1);
  /* Translators: a heading and a list of links under an event, as in
   * "States: Russia, China"; keep the markup as it is */
  g_autofree char *markup = g_strdup_printf (_("<b>%s:</b> %s"), escaped, links->str);
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", markup,
                                   "use-markup", TRUE,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   NULL);

  gtk_widget_add_css_class (label, "event-links");
  g_signal_connect (label, "activate-link", G_CALLBACK (event_link_cb), NULL);

  return label;
}

static void
append_link (GString    *links,
             const char *scheme,
             const char *target,
             const char *text)
{
  g_autofree char *escaped_target = g_markup_escape_text (target, -1);
  g_autofree char *escaped_text = g_markup_escape_text (text, -1);

  if (links->len > 0)
    /* Translators: separates the links under an event */
    g_string_append (links, _(", "));
  g_string_append_printf (links, "<a href=\"%s:%s\">%s</a>", scheme, escaped_target, escaped_text);
}

static GtkWidget *
create_event_row (EntenteMembersPage *self,
                  EntenteEvent       *event)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 3,
                                 "margin-start", 12,
                                 "margin-end", 12,
                                 "margin-top", 9,
                                 "margin-bottom", 9,
                                 NULL);
  const char * const *codes = entente_event_get_members (event);
  const char * const *sections = entente_event_get_sections (event);
  g_autofree char *date = entente_date_format (entente_event_get_date (event));
  g_autofree char *when = NULL;
  g_autoptr(GString) states = g_string_new (NULL);
  g_autoptr(GString) section_links = g_string_new (NULL);
  GtkWidget *label;

  if (entente_event_get_place (event) != NULL)
    /* Translators: when and where an event took place, as in "15 June 2001 · Shanghai" */
    when = g_strdup_printf (_("%s · %s"), date, entente_event_get_place (event));
  else
    when = g_strdup (date);

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", when,
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        NULL);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "event-date");
  gtk_box_append (GTK_BOX (box), label);

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", entente_event_get_title (event),
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        NULL);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (entente_event_get_detail (event) != NULL)
    {
      label = g_object_new (GTK_TYPE_LABEL,
                            "label", entente_event_get_detail (event),
                            "xalign", 0.0f,
                            "wrap", TRUE,
                            "wrap-mode", PANGO_WRAP_WORD_CHAR,
                            NULL);
      gtk_widget_add_css_class (label, "event-detail");
      gtk_box_append (GTK_BOX (box), label);
    }

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      EntenteMember *member = entente_pack_lookup_member (self->pack, codes[i]);

      append_link (states, "state", codes[i],
                   member != NULL ? entente_member_get_display_name (member) : codes[i]);
    }
  if (states->len > 0)
    gtk_box_append (GTK_BOX (box), create_links_label (_("States"), states));

  for (guint i = 0; sections != NULL && sections[i] != NULL; i++)
    {
      EntenteSection *section = entente_pack_lookup_section (self->pack, sections[i]);

      if (section != NULL)
        append_link (section_links, "section", sections[i], entente_section_get_title (section));
    }
  if (section_links->len > 0)
    /* Translators: an imperative, put before links to the sections of the text about an
       event: "Read: Section one, Section two" */
    gtk_box_append (GTK_BOX (box), create_links_label (_("Read"), section_links));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), ROW_EVENT, g_object_ref (event), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entente_event_get_title (event),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, when,
                                  -1);
  gtk_widget_add_css_class (row, "event");

  return row;
}

static void
update_event_rows (EntenteMembersPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EntenteEvent *event;
      int event_year;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      event = row_get_event (GTK_LIST_BOX_ROW (child));
      event_year = entente_event_get_date (event)->year;
      if (event_year > self->year)
        gtk_widget_add_css_class (child, "later");
      else
        gtk_widget_remove_css_class (child, "later");
      if (event_year == self->year)
        gtk_widget_add_css_class (child, "this-year");
      else
        gtk_widget_remove_css_class (child, "this-year");
    }
}

static void
update_timeline_filter (EntenteMembersPage *self)
{
  gboolean selected_member = self->selected_code != NULL &&
                             self->pack != NULL &&
                             entente_pack_lookup_member (self->pack, self->selected_code) != NULL;

  if (is_filtering_events (self))
    {
      EntenteMember *member = entente_pack_lookup_member (self->pack, self->selected_code);
      /* Translators: heading of the timeline when it lists one state's events; %s is its name */
      g_autofree char *text = g_strdup_printf (_("Events of %s"),
                                               entente_member_get_display_name (member));

      gtk_label_set_label (self->timeline_label, text);
    }
  else
    /* Translators: heading of the timeline when it lists the events of every state */
    gtk_label_set_label (self->timeline_label, _("All Events"));

  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), selected_member);
  gtk_list_box_invalidate_filter (self->timeline);
}

/* The legend. */

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  EntenteMembersPage *self = user_data;
  EntenteMemberStatus status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), ROW_STATUS));
  GdkRGBA color = entente_map_view_get_status_color (self->map_view, status);
  double radius = MIN (width, height) / 2.0;

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, radius - 0.5, 0, 2 * G_PI);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* A status no state has that year has no colour on the map to explain. */
static void
set_legend_line_visible (GtkLabel *count_label,
                         gboolean  visible)
{
  GtkWidget *grid = gtk_widget_get_parent (GTK_WIDGET (count_label));
  int row;

  gtk_grid_query_child (GTK_GRID (grid), GTK_WIDGET (count_label), NULL, &row, NULL, NULL);
  for (int column = 0; column < 3; column++)
    gtk_widget_set_visible (gtk_grid_get_child_at (GTK_GRID (grid), column, row), visible);
}

static void
update_counts (EntenteMembersPage *self)
{
  GListModel *members;
  EntenteDate date = { self->year, 0, 0 };
  guint n_members;

  memset (self->counts, 0, sizeof self->counts);
  if (self->pack == NULL)
    return;

  members = entente_pack_get_members (self->pack);
  n_members = g_list_model_get_n_items (members);
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(EntenteMember) member = g_list_model_get_item (members, i);

      self->counts[entente_member_get_status_at (member, &date)]++;
    }

  for (guint status = 0; status <= ENTENTE_N_MEMBER_STATUSES; status++)
    {
      g_autofree char *text = NULL;

      if (self->count_labels[status] == NULL)
        continue;
      text = g_strdup_printf ("%u", self->counts[status]);
      gtk_label_set_label (self->count_labels[status], text);
      set_legend_line_visible (self->count_labels[status], self->counts[status] > 0);
    }
}

static void
rebuild_legend (EntenteMembersPage *self)
{
  gboolean used[ENTENTE_N_MEMBER_STATUSES + 1] = { FALSE, };
  GListModel *members = entente_pack_get_members (self->pack);
  guint n_members = g_list_model_get_n_items (members);
  GtkWidget *grid;
  int line = 0;

  remove_all_children (self->legend);
  memset (self->count_labels, 0, sizeof self->count_labels);

  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(EntenteMember) member = g_list_model_get_item (members, i);
      g_autoptr(GArray) periods = entente_member_details_get_periods (member);

      for (guint j = 0; j < periods->len; j++)
        used[g_array_index (periods, EntenteStatusPeriod, j).status] = TRUE;
    }

  grid = g_object_new (GTK_TYPE_GRID,
                       "column-spacing", 6,
                       "row-spacing", 2,
                       NULL);
  for (guint status = 0; status < ENTENTE_N_MEMBER_STATUSES; status++)
    {
      GtkWidget *swatch;
      GtkWidget *name;
      GtkWidget *count;

      if (!used[status])
        continue;

      swatch = g_object_new (GTK_TYPE_DRAWING_AREA,
                             "content-width", 10,
                             "content-height", 10,
                             "valign", GTK_ALIGN_CENTER,
                             NULL);
      g_object_set_data (G_OBJECT (swatch), ROW_STATUS, GINT_TO_POINTER (status));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch_cb, self, NULL);
      name = g_object_new (GTK_TYPE_LABEL,
                           "label", entente_member_status_get_label (status),
                           "xalign", 0.0f,
                           NULL);
      count = g_object_new (GTK_TYPE_LABEL,
                            "xalign", 1.0f,
                            NULL);
      gtk_widget_add_css_class (count, "numeric");
      gtk_grid_attach (GTK_GRID (grid), swatch, 0, line, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), name, 1, line, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), count, 2, line, 1, 1);
      self->count_labels[status] = GTK_LABEL (count);
      line++;
    }
  gtk_box_append (self->legend, grid);
}

static void
style_changed_cb (EntenteMembersPage *self)
{
  GtkWidget *grid = gtk_widget_get_first_child (GTK_WIDGET (self->legend));

  if (grid == NULL)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (grid);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_DRAWING_AREA (child))
        gtk_widget_queue_draw (child);
    }
}

/* The year. */

static void
apply_year (EntenteMembersPage *self)
{
  EntenteDate date = { self->year, 0, 0 };

  entente_map_view_set_date (self->map_view, &date);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->state_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        update_state_row (self, GTK_LIST_BOX_ROW (child));
    }
  gtk_list_box_invalidate_sort (self->state_list);
  gtk_list_box_invalidate_headers (self->state_list);

  update_counts (self);
  update_event_rows (self);
}

static void
year_value_changed_cb (EntenteMembersPage *self,
                       GtkAdjustment      *adjustment)
{
  /* Years are positive: adding a half rounds to the nearest. */
  int year = (int) (gtk_adjustment_get_value (adjustment) + 0.5);

  if (year == self->year)
    return;

  self->year = year;
  apply_year (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

static void
consider_date (const EntenteDate *date,
               int               *earliest)
{
  if (date != NULL && entente_date_is_set (date) && date->year < *earliest)
    *earliest = date->year;
}

static void
setup_year_range (EntenteMembersPage *self)
{
  GListModel *members = entente_pack_get_members (self->pack);
  GListModel *events = entente_pack_get_events (self->pack);
  EntenteOrganization *organization = entente_pack_get_organization (self->pack);
  int latest = entente_pack_get_as_of (self->pack)->year;
  int earliest = latest;
  guint n_items;

  gtk_scale_clear_marks (self->year_scale);

  if (organization != NULL)
    consider_date (entente_organization_get_founded (organization), &earliest);

  n_items = g_list_model_get_n_items (events);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(EntenteEvent) event = g_list_model_get_item (events, i);

      consider_date (entente_event_get_date (event), &earliest);
    }

  n_items = g_list_model_get_n_items (members);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(EntenteMember) member = g_list_model_get_item (members, i);
      g_autoptr(GArray) periods = entente_member_details_get_periods (member);

      for (guint j = 0; j < periods->len; j++)
        {
          const EntenteDate *from = &g_array_index (periods, EntenteStatusPeriod, j).from;

          consider_date (from, &earliest);
          /* A mark where the map changes. */
          if (entente_date_is_set (from) && from->year <= latest)
            gtk_scale_add_mark (self->year_scale, from->year, GTK_POS_BOTTOM, NULL);
        }
    }

  /* With nothing dated before as_of there is no history to move through. */
  gtk_widget_set_visible (GTK_WIDGET (self->year_box), earliest < latest);

  g_signal_handlers_block_by_func (self->year_adjustment, year_value_changed_cb, self);
  gtk_adjustment_configure (self->year_adjustment,
                            latest, earliest, MAX (latest, earliest + 1),
                            1, 5, 0);
  g_signal_handlers_unblock_by_func (self->year_adjustment, year_value_changed_cb, self);
  self->year = latest;
}

/* Selection. */

static void
sync_selection (EntenteMembersPage *self)
{
  GtkListBoxRow *row = find_state_row (self, self->selected_code);

  self->syncing = TRUE;
  entente_map_view_set_selected_code (self->map_view, self->selected_code);
  if (row != NULL)
    gtk_list_box_select_row (self->state_list, row);
  else
    gtk_list_box_unselect_all (self->state_list);
  self->syncing = FALSE;

  entente_member_details_show (self->details, self->pack, self->selected_code);
  update_timeline_filter (self);
}

void
entente_members_page_set_selected_code (EntenteMembersPage *self,
                                        const char         *code)
{
  g_return_if_fail (ENTENTE_IS_MEMBERS_PAGE (self));

  if (code != NULL && code[0] == '\0')
    code = NULL;

  if (g_strcmp0 (self->selected_code, code) == 0)
    return;

  g_free (self->selected_code);
  self->selected_code = g_strdup (code);
  sync_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CODE]);
}

static void
map_selected_code_changed_cb (EntenteMembersPage *self,
                              GParamSpec         *pspec,
                              EntenteMapView     *map_view)
{
  if (self->syncing)
    return;

  entente_members_page_set_selected_code (self, entente_map_view_get_selected_code (map_view));
}

static void
map_country_activated_cb (EntenteMembersPage *self,
                          const char         *code,
                          EntenteMapView     *map_view)
{
  entente_members_page_set_selected_code (self, code);
  entente_members_page_show_details (self);
}

static void
state_row_selected_cb (EntenteMembersPage *self,
                       GtkListBoxRow      *row,
                       GtkListBox         *list)
{
  if (self->syncing || row == NULL)
    return;

  entente_members_page_set_selected_code (self, entente_member_get_code (row_get_member (row)));
}

static void
state_row_activated_cb (EntenteMembersPage *self,
                        GtkListBoxRow      *row,
                        GtkListBox         *list)
{
  entente_members_page_set_selected_code (self, entente_member_get_code (row_get_member (row)));
  entente_members_page_show_details (self);
}

static void
show_all_toggled_cb (EntenteMembersPage *self,
                     GtkToggleButton    *button)
{
  entente_members_page_set_show_all_events (self, gtk_toggle_button_get_active (button));
}

void
entente_members_page_show_details (EntenteMembersPage *self)
{
  g_return_if_fail (ENTENTE_IS_MEMBERS_PAGE (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

static gboolean
scroll_to_selected_event_cb (GtkWidget     *widget,
                             GdkFrameClock *frame_clock,
                             gpointer       user_data)
{
  EntenteMembersPage *self = user_data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->timeline);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  if (row == NULL)
    {
      self->scroll_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (gtk_widget_get_width (widget) == 0 ||
      !gtk_widget_compute_bounds (GTK_WIDGET (row), widget, &bounds) ||
      bounds.size.height <= 0)
    return G_SOURCE_CONTINUE;

  adjustment = gtk_scrolled_window_get_vadjustment (self->timeline_scrolled);
  gtk_adjustment_set_value (adjustment, MAX (0, bounds.origin.y - 12));
  self->scroll_tick_id = 0;

  return G_SOURCE_REMOVE;
}

void
entente_members_page_show_event (EntenteMembersPage *self,
                                 const char         *id)
{
  GtkListBoxRow *row;

  g_return_if_fail (ENTENTE_IS_MEMBERS_PAGE (self));

  row = find_event_row (self, id);
  if (row == NULL)
    return;

  if (is_filtering_events (self) && !event_involves (row_get_event (row), self->selected_code))
    entente_members_page_set_show_all_events (self, TRUE);

  gtk_stack_set_visible_child_name (self->side_stack, "timeline");
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_list_box_select_row (self->timeline, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));

  /* The timeline may just have been shown: scroll once it has been laid out. */
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->timeline),
                                                         scroll_to_selected_event_cb,
                                                         self, NULL);
}

const char *
entente_members_page_get_selected_event (EntenteMembersPage *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (ENTENTE_IS_MEMBERS_PAGE (self), NULL);

  row = gtk_list_box_get_selected_row (self->timeline);
  if (row == NULL)
    return NULL;

  return entente_event_get_id (row_get_event (row));
}

/* Actions. */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  entente_map_view_zoom_in (ENTENTE_MEMBERS_PAGE (widget)->map_view);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  entente_map_view_zoom_out (ENTENTE_MEMBERS_PAGE (widget)->map_view);
}

static void
reset_zoom_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  entente_map_view_fit_pack (ENTENTE_MEMBERS_PAGE (widget)->map_view);
}

static void
select_state_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntenteMembersPage *self = ENTENTE_MEMBERS_PAGE (widget);
  GtkListBoxRow *row;

  entente_members_page_set_selected_code (self, g_variant_get_string (parameter, NULL));
  row = find_state_row (self, self->selected_code);
  if (row != NULL)
    {
      gtk_stack_set_visible_child_name (self->side_stack, "states");
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[SHOW_SECTION], 0, g_variant_get_string (parameter, NULL));
}

static void
show_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  entente_members_page_show_event (ENTENTE_MEMBERS_PAGE (widget),
                                   g_variant_get_string (parameter, NULL));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntenteMembersPage *self = ENTENTE_MEMBERS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

/* The pack. */

void
entente_members_page_set_pack (EntenteMembersPage *self,
                               EntentePack        *pack)
{
  GListModel *members;
  GListModel *events;
  guint n_items;

  g_return_if_fail (ENTENTE_IS_MEMBERS_PAGE (self));
  g_return_if_fail (pack == NULL || ENTENTE_IS_PACK (pack));

  if (!g_set_object (&self->pack, pack))
    return;

  g_clear_pointer (&self->selected_code, g_free);
  remove_all_rows (self->state_list);
  remove_all_rows (self->timeline);
  remove_all_children (self->legend);
  memset (self->count_labels, 0, sizeof self->count_labels);

  entente_map_view_set_pack (self->map_view, pack);
  entente_map_view_set_selected_code (self->map_view, NULL);

  if (pack != NULL)
    {
      setup_year_range (self);

      members = entente_pack_get_members (pack);
      n_items = g_list_model_get_n_items (members);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(EntenteMember) member = g_list_model_get_item (members, i);

          gtk_list_box_append (self->state_list, create_state_row (self, member));
        }

      events = entente_pack_get_events (pack);
      n_items = g_list_model_get_n_items (events);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(EntenteEvent) event = g_list_model_get_item (events, i);

          gtk_list_box_append (self->timeline, create_event_row (self, event));
        }
      gtk_stack_page_set_visible (gtk_stack_get_page (self->side_stack,
                                                      gtk_stack_get_child_by_name (self->side_stack,
                                                                                   "timeline")),
                                  n_items > 0);

      rebuild_legend (self);
      apply_year (self);
      entente_map_view_fit_pack (self->map_view);
    }

  gtk_stack_set_visible_child_name (self->side_stack, "states");
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  sync_selection (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CODE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

EntentePack *
entente_members_page_get_pack (EntenteMembersPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBERS_PAGE (self), NULL);

  return self->pack;
}

const char *
entente_members_page_get_selected_code (EntenteMembersPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBERS_PAGE (self), NULL);

  return self->selected_code;
}

int
entente_members_page_get_year (EntenteMembersPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBERS_PAGE (self), 0);

  return self->year;
}

void
entente_members_page_set_year (EntenteMembersPage *self,
                               int                 year)
{
  g_return_if_fail (ENTENTE_IS_MEMBERS_PAGE (self));

  /* The adjustment clamps it and calls back. */
  gtk_adjustment_set_value (self->year_adjustment, year);
}

guint
entente_members_page_count_status (EntenteMembersPage *self,
                                   EntenteMemberStatus status)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBERS_PAGE (self), 0);
  g_return_val_if_fail (status <= ENTENTE_N_MEMBER_STATUSES, 0);

  return self->counts[status];
}

gboolean
entente_members_page_get_show_all_events (EntenteMembersPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBERS_PAGE (self), FALSE);

  return self->show_all_events;
}

void
entente_members_page_set_show_all_events (EntenteMembersPage *self,
                                          gboolean            show_all)
{
  g_return_if_fail (ENTENTE_IS_MEMBERS_PAGE (self));

  show_all = !!show_all;
  if (self->show_all_events == show_all)
    return;

  self->show_all_events = show_all;
  gtk_toggle_button_set_active (self->show_all_button, show_all);
  update_timeline_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ALL_EVENTS]);
}

EntenteMapView *
entente_members_page_get_map_view (EntenteMembersPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBERS_PAGE (self), NULL);

  return self->map_view;
}

EntenteMemberDetails *
entente_members_page_get_details (EntenteMembersPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBERS_PAGE (self), NULL);

  return self->details;
}

GtkListBox *
entente_members_page_get_state_list (EntenteMembersPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBERS_PAGE (self), NULL);

  return self->state_list;
}

GtkListBox *
entente_members_page_get_timeline (EntenteMembersPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBERS_PAGE (self), NULL);

  return self->timeline;
}

static void
entente_members_page_dispose (GObject *object)
{
  EntenteMembersPage *self = ENTENTE_MEMBERS_PAGE (object);

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->timeline), self->scroll_tick_id);
  self->scroll_tick_id = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_MEMBERS_PAGE);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (entente_members_page_parent_class)->dispose (object);
}

static void
entente_members_page_finalize (GObject *object)
{
  EntenteMembersPage *self = ENTENTE_MEMBERS_PAGE (object);

  g_free (self->selected_code);

  G_OBJECT_CLASS (entente_members_page_parent_class)->finalize (object);
}

static void
entente_members_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EntenteMembersPage *self = ENTENTE_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;

    case PROP_SELECTED_CODE:
      g_value_set_string (value, self->selected_code);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_SHOW_ALL_EVENTS:
      g_value_set_boolean (value, self->show_all_events);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_members_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EntenteMembersPage *self = ENTENTE_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PACK:
      entente_members_page_set_pack (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_CODE:
      entente_members_page_set_selected_code (self, g_value_get_string (value));
      break;

    case PROP_YEAR:
      entente_members_page_set_year (self, g_value_get_int (value));
      break;

    case PROP_SHOW_ALL_EVENTS:
      entente_members_page_set_show_all_events (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_members_page_class_init (EntenteMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_members_page_dispose;
  object_class->finalize = entente_members_page_finalize;
  object_class->get_property = entente_members_page_get_property;
  object_class->set_property = entente_members_page_set_property;

  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL,
                         ENTENTE_TYPE_PACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_CODE] =
    g_param_spec_string ("selected-code", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_ALL_EVENTS] =
    g_param_spec_boolean ("show-all-events", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_SECTION] =
    g_signal_new ("show-section",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ENTENTE_TYPE_MAP_VIEW);
  g_type_ensure (ENTENTE_TYPE_MEMBER_DETAILS);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "memberspage");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/entente-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, main_box);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, map_view);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, legend);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, year_box);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, year_scale);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, year_adjustment);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, side_stack);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, state_list);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, timeline_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, timeline_scrolled);
  gtk_widget_class_bind_template_child (widget_class, EntenteMembersPage, details);

  gtk_widget_class_install_action (widget_class, "members.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "members.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "members.reset-zoom", NULL, reset_zoom_action);
  gtk_widget_class_install_action (widget_class, "members.select-state", "s", select_state_action);
  gtk_widget_class_install_action (widget_class, "members.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "members.show-event", "s", show_event_action);
  gtk_widget_class_install_action (widget_class, "members.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "members.back", NULL);
}

static void
entente_members_page_init (EntenteMembersPage *self)
{
  g_autoptr(EntenteAtlas) atlas = entente_atlas_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  entente_map_view_set_atlas (self->map_view, atlas);

  gtk_list_box_set_sort_func (self->state_list, state_sort_cb, NULL, NULL);
  gtk_list_box_set_header_func (self->state_list, state_header_cb, NULL, NULL);
  gtk_list_box_set_filter_func (self->timeline, timeline_filter_cb, self, NULL);

  g_signal_connect_object (self->map_view, "notify::selected-code",
                           G_CALLBACK (map_selected_code_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map_view, "country-activated",
                           G_CALLBACK (map_country_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state_list, "row-selected",
                           G_CALLBACK (state_row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state_list, "row-activated",
                           G_CALLBACK (state_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->show_all_button, "toggled",
                           G_CALLBACK (show_all_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_adjustment, "value-changed",
                           G_CALLBACK (year_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);

  update_timeline_filter (self);
}

GtkWidget *
entente_members_page_new (void)
{
  return g_object_new (ENTENTE_TYPE_MEMBERS_PAGE, NULL);
}
