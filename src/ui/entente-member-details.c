/* entente-member-details.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "entente-iso3166.h"
#include "entente-member-details.h"

struct _EntenteMemberDetails
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkScrolledWindow *scrolled;
  AdwClamp       *clamp;

  char           *code;
};

G_DEFINE_FINAL_TYPE (EntenteMemberDetails, entente_member_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GArray *
entente_member_details_get_periods (EntenteMember *member)
{
  GArray *periods = g_array_new (FALSE, TRUE, sizeof (EntenteStatusPeriod));
  EntenteMemberStatus status = entente_member_get_status (member);
  const EntenteStatusPeriod *history;
  const EntenteDate *joined = entente_member_get_joined (member);
  EntenteStatusPeriod period = { 0, };
  guint n_history = 0;

  history = entente_member_get_history (member, &n_history);
  g_array_append_vals (periods, history, n_history);

  /* A former member was a member from "joined" until it left. */
  if (status == ENTENTE_MEMBER_STATUS_FORMER_MEMBER)
    {
      if (joined != NULL && entente_date_is_set (joined))
        {
          period.status = ENTENTE_MEMBER_STATUS_MEMBER;
          period.from = *joined;
          g_array_append_val (periods, period);
        }
      period.status = status;
      period.from = (EntenteDate) { 0, };
      if (entente_member_get_left (member) != NULL)
        period.from = *entente_member_get_left (member);
      g_array_append_val (periods, period);
      return periods;
    }

  /* The history may already end with the current status from the same date. */
  if (n_history > 0 &&
      history[n_history - 1].status == status &&
      (joined == NULL || !entente_date_is_set (joined) ||
       entente_date_compare (&history[n_history - 1].from, joined) == 0))
    return periods;

  period.status = status;
  period.from = (EntenteDate) { 0, };
  if (joined != NULL)
    period.from = *joined;
  g_array_append_val (periods, period);

  return periods;
}

gboolean
entente_member_details_get_since (EntenteMember *member,
                                  int            year,
                                  EntenteDate   *out_since)
{
  g_autoptr(GArray) periods = entente_member_details_get_periods (member);
  EntenteDate date = { year, 0, 0 };
  EntenteMemberStatus status = entente_member_get_status_at (member, &date);

  if (status == ENTENTE_MEMBER_STATUS_NONE)
    return FALSE;

  for (guint i = periods->len; i > 0; i--)
    {
      const EntenteStatusPeriod *period = &g_array_index (periods, EntenteStatusPeriod, i - 1);

      if (period->status != status || !entente_date_is_set (&period->from))
        continue;
      if (period->from.year > year)
        continue;

      *out_since = period->from;
      return TRUE;
    }

  return FALSE;
}

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   "selectable", FALSE,
                                   NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
create_group (const char *title)
{
  return g_object_new (ADW_TYPE_PREFERENCES_GROUP,
                       "title", title,
                       NULL);
}

static void
add_property_row (GtkWidget  *group,
                  const char *title,
                  const char *value)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "title", title,
                                 "subtitle", value,
                                 "use-markup", FALSE,
                                 NULL);

  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_link_row (GtkWidget  *group,
              const char *title,
              const char *subtitle,
              const char *action_name,
              const char *target)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "title", title,
                                 "subtitle", subtitle,
                                 "use-markup", FALSE,
                                 "activatable", TRUE,
                                 NULL);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static char *
format_period (const EntenteStatusPeriod *period)
{
  const char *label = entente_member_status_get_label (period->status);
  g_autofree char *date = NULL;

  if (!entente_date_is_set (&period->from))
    return g_strdup (label);

  date = entente_date_format (&period->from);
  /* Translators: a step in a state's relation to an organisation, as in
   * "Observer from 5 July 2005"; the first %s is a status, the second a date */
  return g_strdup_printf (_("%s from %s"), label, date);
}

static GtkWidget *
create_heading (const char *code,
                const char *name,
                const char *subtitle)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_HORIZONTAL,
                                 "spacing", 12,
                                 NULL);
  GtkWidget *texts = g_object_new (GTK_TYPE_BOX,
                                   "orientation", GTK_ORIENTATION_VERTICAL,
                                   "spacing", 3,
                                   "valign", GTK_ALIGN_CENTER,
                                   "hexpand", TRUE,
                                   NULL);
  GtkWidget *pill = g_object_new (GTK_TYPE_LABEL,
                                  "label", code,
                                  "valign", GTK_ALIGN_CENTER,
                                  NULL);
  GtkWidget *title = create_label (name, "title-2");

  /* The code stands for the flag: it reads the same with every font. */
  gtk_widget_add_css_class (pill, "country-code");
  gtk_accessible_update_property (GTK_ACCESSIBLE (pill),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, code,
                                  -1);
  gtk_box_append (GTK_BOX (box), pill);

  gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_box_append (GTK_BOX (texts), title);
  if (subtitle != NULL)
    gtk_box_append (GTK_BOX (texts), create_label (subtitle, "dim-label"));
  gtk_box_append (GTK_BOX (box), texts);

  return box;
}

static const char *
get_organization_name (EntentePack *pack)
{
  EntenteOrganization *organization = entente_pack_get_organization (pack);

  if (organization != NULL)
    {
      if (entente_organization_get_short_name (organization) != NULL)
        return entente_organization_get_short_name (organization);
      return entente_organization_get_name (organization);
    }

  return entente_pack_get_title (pack);
}

static GtkWidget *
create_member_content (EntentePack   *pack,
                       EntenteMember *member)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 18,
                                 NULL);
  EntenteMemberStatus status = entente_member_get_status (member);
  const EntenteDate *joined = entente_member_get_joined (member);
  const EntenteDate *left = entente_member_get_left (member);
  const char * const *facts = entente_member_get_facts (member);
  const char * const *sections = entente_member_get_sections (member);
  g_autoptr(GArray) periods = entente_member_details_get_periods (member);
  GListModel *events = entente_pack_get_events (pack);
  g_autofree char *status_line = NULL;
  GtkWidget *group;
  guint n_events;

  /* Translators: under a state's name: its status in an organisation, as in
   * "Member of SCO" */
  status_line = g_strdup_printf (_("%s of %s"),
                                 entente_member_status_get_label (status),
                                 get_organization_name (pack));
  gtk_box_append (GTK_BOX (box),
                  create_heading (entente_member_get_code (member),
                                  entente_member_get_display_name (member),
                                  status_line));

  group = create_group (NULL);
  if (entente_member_get_capital (member) != NULL)
    /* Translators: the label of a state's capital city in its details */
    add_property_row (group, _("Capital"), entente_member_get_capital (member));
  /* Translators: the label of a state's standing in the organisation (member, observer, ...) */
  add_property_row (group, _("Status"), entente_member_status_get_label (status));
  if (joined != NULL && entente_date_is_set (joined))
    {
      g_autofree char *text = entente_date_format (joined);

      add_property_row (group,
                        status == ENTENTE_MEMBER_STATUS_MEMBER ||
                        status == ENTENTE_MEMBER_STATUS_FORMER_MEMBER ?
                        /* Translators: the label of the date a state joined the organisation */
                        _("Joined") :
                        /* Translators: the label of the date since which a state has had its
                           status (observer, partner, ...) */
                        _("Since"),
                        text);
    }
  if (left != NULL && entente_date_is_set (left))
    {
      g_autofree char *text = entente_date_format (left);

      /* Translators: the label of the date a state left the organisation (not a direction) */
      add_property_row (group, _("Left"), text);
    }
  /* Translators: the label of whether a state founded the organisation; its value is Yes or No */
  add_property_row (group, _("Founding State"),
                    entente_member_get_founding (member) ?
                    /* Translators: the value of "Founding State": it was one */
                    _("Yes") :
                    /* Translators: the value of "Founding State": it was not one */
                    _("No"));
  gtk_box_append (GTK_BOX (box), group);

  if (periods->len > 1 || (periods->len == 1 &&
                           entente_date_is_set (&g_array_index (periods, EntenteStatusPeriod, 0).from)))
    {
      /* Translators: a heading: the statuses a state has had in the organisation, with dates */
      group = create_group (_("Status History"));
      for (guint i = 0; i < periods->len; i++)
        {
          g_autofree char *text = format_period (&g_array_index (periods, EntenteStatusPeriod, i));
          GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                         "title", text,
                                         "use-markup", FALSE,
                                         NULL);

          gtk_widget_add_css_class (row, "history");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      gtk_box_append (GTK_BOX (box), group);
    }

  if (entente_member_get_summary (member) != NULL)
    {
      group = create_group (_("In the Text"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_label (entente_member_get_summary (member), "summary"));
      gtk_box_append (GTK_BOX (box), group);
    }

  if (facts != NULL && facts[0] != NULL)
    {
      GtkWidget *list = g_object_new (GTK_TYPE_BOX,
                                      "orientation", GTK_ORIENTATION_VERTICAL,
                                      "spacing", 6,
                                      NULL);

      /* Translators: a heading: facts about a state, from the study pack */
      group = create_group (_("Facts"));
      for (guint i = 0; facts[i] != NULL; i++)
        {
          /* Translators: an item of a bulleted list */
          g_autofree char *item = g_strdup_printf (_("• %s"), facts[i]);

          gtk_box_append (GTK_BOX (list), create_label (item, "fact"));
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
      gtk_box_append (GTK_BOX (box), group);
    }

  if (sections != NULL && sections[0] != NULL)
    {
      /* Translators: a heading: the sections of the text that discuss a state */
      group = create_group (_("Discussed In"));
      for (guint i = 0; sections[i] != NULL; i++)
        {
          EntenteSection *section = entente_pack_lookup_section (pack, sections[i]);

          if (section == NULL)
            continue;
          add_link_row (group, entente_section_get_title (section), NULL,
                        "members.show-section", sections[i]);
        }
      gtk_box_append (GTK_BOX (box), group);
    }

  group = NULL;
  n_events = g_list_model_get_n_items (events);
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(EntenteEvent) event = g_list_model_get_item (events, i);
      const char * const *codes = entente_event_get_members (event);
      g_autofree char *date = NULL;

      if (codes == NULL || !g_strv_contains (codes, entente_member_get_code (member)))
        continue;

      if (group == NULL)
        {
          /* Translators: a heading: the events of the organisation's history a state took part in */
          group = create_group (_("Events"));
          gtk_box_append (GTK_BOX (box), group);
        }

      date = entente_date_format (entente_event_get_date (event));
      add_link_row (group, entente_event_get_title (event), date,
                    "members.show-event", entente_event_get_id (event));
    }

  return box;
}

static GtkWidget *
create_country_content (EntentePack *pack,
                        const char  *code)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 18,
                                 NULL);
  const char *name = entente_iso3166_get_localized_name (code);
  g_autofree char *line = NULL;

  /* Translators: under the name of a country that the open pack does not list; %s is
   * the organisation, as in "Not in SCO" */
  line = g_strdup_printf (_("Not in %s"), get_organization_name (pack));
  gtk_box_append (GTK_BOX (box), create_heading (code, name != NULL ? name : code, line));

  return box;
}

void
entente_member_details_show (EntenteMemberDetails *self,
                             EntentePack          *pack,
                             const char           *code)
{
  EntenteMember *member = NULL;
  GtkWidget *content;

  g_return_if_fail (ENTENTE_IS_MEMBER_DETAILS (self));
  g_return_if_fail (pack == NULL || ENTENTE_IS_PACK (pack));

  if (pack == NULL || code == NULL)
    {
      adw_clamp_set_child (self->clamp, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      member = entente_pack_lookup_member (pack, code);
      if (member != NULL)
        content = create_member_content (pack, member);
      else
        content = create_country_content (pack, code);

      g_object_set (content,
                    "margin-top", 18,
                    "margin-bottom", 18,
                    "margin-start", 12,
                    "margin-end", 12,
                    NULL);
      adw_clamp_set_child (self->clamp, content);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
      gtk_stack_set_visible_child_name (self->stack, "details");
    }

  if (g_strcmp0 (self->code, code) != 0)
    {
      g_free (self->code);
      self->code = g_strdup (pack != NULL ? code : NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
    }
}

const char *
entente_member_details_get_code (EntenteMemberDetails *self)
{
  g_return_val_if_fail (ENTENTE_IS_MEMBER_DETAILS (self), NULL);

  return self->code;
}

static void
entente_member_details_dispose (GObject *object)
{
  EntenteMemberDetails *self = ENTENTE_MEMBER_DETAILS (object);

  g_clear_pointer ((GtkWidget **) &self->stack, gtk_widget_unparent);

  G_OBJECT_CLASS (entente_member_details_parent_class)->dispose (object);
}

static void
entente_member_details_finalize (GObject *object)
{
  EntenteMemberDetails *self = ENTENTE_MEMBER_DETAILS (object);

  g_free (self->code);

  G_OBJECT_CLASS (entente_member_details_parent_class)->finalize (object);
}

static void
entente_member_details_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EntenteMemberDetails *self = ENTENTE_MEMBER_DETAILS (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_member_details_class_init (EntenteMemberDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_member_details_dispose;
  object_class->finalize = entente_member_details_finalize;
  object_class->get_property = entente_member_details_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "memberdetails");
}

static void
entente_member_details_init (EntenteMemberDetails *self)
{
  self->stack = g_object_new (GTK_TYPE_STACK,
                              "transition-type", GTK_STACK_TRANSITION_TYPE_CROSSFADE,
                              NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->empty_page = g_object_new (ADW_TYPE_STATUS_PAGE,
                                   "icon-name", "mark-location-symbolic",
                                   "title", _("No State Selected"),
                                   "description", _("Choose a state on the map or in the list."),
                                   NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");

  self->clamp = g_object_new (ADW_TYPE_CLAMP,
                              "maximum-size", 600,
                              "tightening-threshold", 400,
                              NULL);
  self->scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                                 "hscrollbar-policy", GTK_POLICY_NEVER,
                                 "child", self->clamp,
                                 "vexpand", TRUE,
                                 NULL);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->scrolled), "details");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
entente_member_details_new (void)
{
  return g_object_new (ENTENTE_TYPE_MEMBER_DETAILS, NULL);
}
