#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "entente-outline-filter.h"
#include "entente-outline-view.h"
#include "entente-reading-pane.h"

struct _EntenteOutlineView
{
  GtkWidget             parent_instance;

  EntentePack          *pack;
  EntenteSection       *section;
  EntenteOutlineFilter *filter;
  /* The whole outline; it keeps what the reader expanded while a search shows its own tree. */
  GtkTreeListModel     *outline_tree;
  /* While searching: every section, expanded, through a filter that keeps the matches and
   * their ancestors. Its rows stay the same objects from one query to the next, so the
   * list keeps their widgets instead of building new ones for every keystroke. */
  GtkTreeListModel     *search_tree;
  GtkCustomFilter      *search_filter;
  GtkFilterListModel   *search_model;
  GtkSingleSelection   *selection;
  char                 *search_text;
  int                   n_matches;
  gboolean              updating_selection;
  gboolean              setting_text;

  AdwLeaflet           *leaflet;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkRevealer          *match_revealer;
  GtkLabel             *match_label;
  GtkStack             *sidebar_stack;
  GtkListView          *list_view;
  GtkWidget            *back_bar;
  GtkWidget            *back_button;
  EntenteReadingPane   *reading_pane;
};

G_DEFINE_FINAL_TYPE (EntenteOutlineView, entente_outline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PACK,
  PROP_SECTION_ID,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
create_outline_children_cb (gpointer item,
                            gpointer user_data)
{
  GListModel *children = entente_section_get_children (item);

  if (g_list_model_get_n_items (children) == 0)
    return NULL;

  return g_object_ref (children);
}

static gboolean
row_is_kept_cb (gpointer item,
                gpointer user_data)
{
  EntenteOutlineView *self = user_data;
  g_autoptr(EntenteSection) section = gtk_tree_list_row_get_item (item);

  return self->filter != NULL && entente_outline_filter_is_visible (self->filter, section);
}

static gboolean
is_searching (EntenteOutlineView *self)
{
  return self->filter != NULL && entente_outline_filter_has_query (self->filter);
}

static gboolean
find_section (GListModel     *sections,
              EntenteSection *section,
              guint          *out_index)
{
  guint n_items = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(EntenteSection) item = g_list_model_get_item (sections, i);

      if (item == section)
        {
          *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The row of @section in the current tree, with its ancestors expanded. */
static GtkTreeListRow *
expand_to_section (EntenteOutlineView *self,
                   EntenteSection     *section)
{
  GtkTreeListModel *tree = is_searching (self) ? self->search_tree : self->outline_tree;
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autoptr(GtkTreeListRow) row = NULL;

  if (tree == NULL)
    return NULL;

  for (EntenteSection *s = section; s != NULL; s = entente_section_get_parent (s))
    g_ptr_array_insert (chain, 0, s);

  for (guint i = 0; i < chain->len; i++)
    {
      GListModel *siblings;
      GtkTreeListRow *child;
      guint index;

      if (row != NULL)
        {
          gtk_tree_list_row_set_expanded (row, TRUE);
          siblings = gtk_tree_list_row_get_children (row);
        }
      else
        siblings = gtk_tree_list_model_get_model (tree);

      if (siblings == NULL || !find_section (siblings, g_ptr_array_index (chain, i), &index))
        return NULL;

      if (row != NULL)
        child = gtk_tree_list_row_get_child_row (row, index);
      else
        child = gtk_tree_list_model_get_child_row (tree, index);

      g_clear_object (&row);
      row = child;
    }

  return g_steal_pointer (&row);
}

static gboolean
list_has_focus (EntenteOutlineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view));
}

static guint
find_row (GListModel     *rows,
          GtkTreeListRow *row)
{
  guint n_items = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkTreeListRow) item = g_list_model_get_item (rows, i);

      if (item == row)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* GTK 4.8 has no API to move the focus to a row: find the row's widget, which exists
 * once the list has scrolled to it. */
static gboolean
focus_row (EntenteOutlineView *self,
           guint               position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      GtkTreeListRow *row;

      if (!GTK_IS_TREE_EXPANDER (expander))
        continue;

      row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
      if (row != NULL && gtk_tree_list_row_get_position (row) == position)
        return gtk_widget_grab_focus (child);
    }

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Focuses the selected row if there is one. */
static void
focus_list (EntenteOutlineView *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    focus_row (self, position);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
select_current_section (EntenteOutlineView *self)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->section != NULL)
    row = expand_to_section (self, self->section);
  if (row != NULL && !is_searching (self))
    position = gtk_tree_list_row_get_position (row);
  else if (row != NULL && entente_outline_filter_is_visible (self->filter, self->section))
    position = find_row (G_LIST_MODEL (self->search_model), row);

  self->updating_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating_selection = FALSE;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  if (list_has_focus (self))
    focus_row (self, position);
}

static void
show_section (EntenteOutlineView *self,
              EntenteSection     *section,
              gboolean            select_in_list)
{
  g_autofree char *old_id = NULL;
  EntenteSection *previous = NULL;
  EntenteSection *next = NULL;
  const char *new_id = NULL;

  if (self->section != NULL)
    old_id = g_strdup (entente_section_get_id (self->section));

  if (g_set_object (&self->section, section))
    {
      if (section != NULL && self->filter != NULL)
        {
          int position = entente_outline_filter_get_position (self->filter, section);
          guint n_sections = entente_pack_get_n_sections (self->pack);

          if (position > 0)
            previous = entente_pack_get_nth_section (self->pack, position - 1);
          if (position >= 0 && (guint) position + 1 < n_sections)
            next = entente_pack_get_nth_section (self->pack, position + 1);
        }

      entente_reading_pane_show (self->reading_pane, section, previous, next);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.previous-section",
                                     previous != NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.next-section",
                                     next != NULL);
    }

  if (select_in_list)
    select_current_section (self);

  if (section != NULL)
    new_id = entente_section_get_id (section);
  if (g_strcmp0 (old_id, new_id) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION_ID]);
}

static void
show_content (EntenteOutlineView *self)
{
  if (!adw_leaflet_get_folded (self->leaflet))
    return;

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  gtk_widget_grab_focus (self->back_button);
}

static void
open_row (EntenteOutlineView *self,
          GtkTreeListRow     *row)
{
  g_autoptr(EntenteSection) section = gtk_tree_list_row_get_item (row);

  show_section (self, section, TRUE);
  show_content (self);
}

static void
selection_changed_cb (EntenteOutlineView *self)
{
  GtkTreeListRow *row;
  g_autoptr(EntenteSection) section = NULL;

  if (self->updating_selection)
    return;

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return;

  section = gtk_tree_list_row_get_item (row);
  show_section (self, section, FALSE);
}

static void
list_activate_cb (EntenteOutlineView *self,
                  guint               position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    open_row (self, row);
}

static void
row_released_cb (GtkGestureClick    *gesture,
                 int                 n_press,
                 double              x,
                 double              y,
                 EntenteOutlineView *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *expander = gtk_widget_get_parent (box);
  GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));

  /* Side by side a click selects, which shows the section; folded it also goes there. */
  if (n_press == 1 && row != NULL && adw_leaflet_get_folded (self->leaflet))
    open_row (self, row);
}

/* While searching, a kept section whose children are all filtered out shows no expander
 * arrow (the style sheet hides it for .no-kept-children). */
static void
update_row_expander (EntenteOutlineView *self,
                     GtkWidget          *expander)
{
  GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
  g_autoptr(EntenteSection) section = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (section != NULL && is_searching (self) &&
      !entente_outline_filter_keeps_children (self->filter, section))
    gtk_widget_add_css_class (expander, "no-kept-children");
  else
    gtk_widget_remove_css_class (expander, "no-kept-children");
}

static void
row_search_changed_cb (GtkWidget  *expander,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  update_row_expander (user_data, expander);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              EntenteOutlineView       *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *pages = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  /* An inscription, unlike a label, is measured without laying its text out: a search
   * that rebuilds the list then costs little however many rows it shows. */
  gtk_inscription_set_xalign (GTK_INSCRIPTION (title), 0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (title), 12);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (title), 40);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), title);

  gtk_label_set_xalign (GTK_LABEL (pages), 0);
  gtk_widget_add_css_class (pages, "caption");
  gtk_widget_add_css_class (pages, "dim-label");
  gtk_box_append (GTK_BOX (box), pages);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (row_released_cb), self, 0);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);

  /* The search keeps the rows that stay, so their arrows follow the query here. */
  g_signal_connect_object (self, "notify::search-text",
                           G_CALLBACK (row_search_changed_cb), expander, G_CONNECT_SWAPPED);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             EntenteOutlineView       *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *pages = gtk_widget_get_next_sibling (title);
  g_autoptr(EntenteSection) section = gtk_tree_list_row_get_item (row);
  g_autofree char *pages_text = NULL;
  const char *page_range = entente_section_get_pages (section);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  update_row_expander (self, expander);
  gtk_inscription_set_text (GTK_INSCRIPTION (title), entente_section_get_title (section));
  gtk_widget_set_tooltip_text (box, entente_section_get_title (section));
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entente_section_get_title (section),
                                  -1);

  if (page_range != NULL && page_range[0] != '\0')
    {
      g_autoptr(GString) range = g_string_new (page_range);

      g_string_replace (range, "-", "–", 0);
      /* Translators: a section's place in the printed text, e.g. "p. 3–4" */
      pages_text = g_strdup_printf (_("p. %s"), range->str);
    }
  gtk_label_set_text (GTK_LABEL (pages), pages_text != NULL ? pages_text : "");
  gtk_widget_set_visible (pages, pages_text != NULL);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               EntenteOutlineView       *self)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), NULL);
}

/* The row of the list item that has the keyboard focus. */
static GtkTreeListRow *
get_focused_row (EntenteOutlineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *list = GTK_WIDGET (self->list_view);

  if (focus == NULL || !gtk_widget_is_ancestor (focus, list))
    return NULL;

  for (GtkWidget *w = focus; w != NULL && w != list; w = gtk_widget_get_parent (w))
    {
      GtkWidget *child = gtk_widget_get_first_child (w);

      if (GTK_IS_TREE_EXPANDER (w))
        return gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (w));
      if (gtk_widget_get_parent (w) == list && GTK_IS_TREE_EXPANDER (child))
        return gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (child));
    }

  return NULL;
}

static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     EntenteOutlineView    *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  GtkTreeListRow *row = get_focused_row (self);

  if (row == NULL)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (mods != 0)
        return GDK_EVENT_PROPAGATE;
      open_row (self, row);
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
      if ((mods & ~GDK_SHIFT_MASK) != 0)
        return GDK_EVENT_PROPAGATE;
      gtk_tree_list_row_set_expanded (row, TRUE);
      return GDK_EVENT_STOP;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      if ((mods & ~GDK_SHIFT_MASK) != 0)
        return GDK_EVENT_PROPAGATE;
      gtk_tree_list_row_set_expanded (row, FALSE);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
update_match_status (EntenteOutlineView *self)
{
  if (self->n_matches > 0)
    {
      /* Translators: shown under the search entry; %d is how many sections match */
      g_autofree char *text = g_strdup_printf (ngettext ("%d section matches",
                                                         "%d sections match",
                                                         self->n_matches),
                                               self->n_matches);

      gtk_label_set_text (self->match_label, text);
    }

  gtk_revealer_set_reveal_child (self->match_revealer, self->n_matches > 0);
  if (self->pack == NULL)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "blank");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, self->n_matches == 0 ? "empty" : "list");
}

/* Builds the model that searches show, once per pack; returns TRUE if it was built now
 * (and so filtered with the current query already). */
static gboolean
ensure_search_model (EntenteOutlineView *self)
{
  GListModel *outline;

  if (self->search_model != NULL || self->pack == NULL)
    return FALSE;

  outline = entente_pack_get_outline (self->pack);
  self->search_tree = gtk_tree_list_model_new (g_object_ref (outline), FALSE, TRUE,
                                               create_outline_children_cb, NULL, NULL);
  self->search_filter = gtk_custom_filter_new (row_is_kept_cb, self, NULL);
  self->search_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->search_tree)),
                                                  g_object_ref (GTK_FILTER (self->search_filter)));

  return TRUE;
}

/* Shows the whole outline, or while searching the matches and their ancestors, expanded. */
static void
update_tree (EntenteOutlineView *self)
{
  GListModel *model;

  /* Without a pack the list is hidden and keeps its rows: in GTK 4.8 a list view that
   * loses its last row can keep a pointer to a row widget that is gone. */
  if (self->filter == NULL)
    return;

  self->updating_selection = TRUE;

  if (!is_searching (self))
    model = G_LIST_MODEL (self->outline_tree);
  else
    {
      if (!ensure_search_model (self))
        gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);

      model = G_LIST_MODEL (self->search_model);
    }

  if (gtk_single_selection_get_model (self->selection) != model)
    gtk_single_selection_set_model (self->selection, model);

  self->updating_selection = FALSE;

  select_current_section (self);

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (model) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static void
apply_search (EntenteOutlineView *self,
              const char         *text)
{
  if (text == NULL)
    text = "";

  if (g_strcmp0 (self->search_text, text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);

  if (self->filter != NULL)
    self->n_matches = entente_outline_filter_set_query (self->filter, text);
  else
    self->n_matches = -1;

  update_match_status (self);
  update_tree (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

static void
search_changed_cb (EntenteOutlineView *self,
                   GtkSearchEntry     *entry)
{
  if (self->setting_text)
    return;

  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activate_cb (EntenteOutlineView *self,
                    GtkSearchEntry     *entry)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  /* Enter opens the first match in reading order. */
  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (self->filter == NULL || self->n_matches <= 0)
    return;

  for (guint i = 0; i < entente_pack_get_n_sections (self->pack); i++)
    {
      EntenteSection *section = entente_pack_get_nth_section (self->pack, i);

      if (entente_outline_filter_is_match (self->filter, section))
        {
          show_section (self, section, TRUE);
          break;
        }
    }

  if (adw_leaflet_get_folded (self->leaflet))
    show_content (self);
  else
    focus_list (self);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       EntenteOutlineView    *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & gtk_accelerator_get_default_mod_mask ()) == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      focus_list (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
search_mode_changed_cb (EntenteOutlineView *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  /* Opening the bar builds what the first keystroke needs. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      ensure_search_model (self);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_search (self, "");

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar)))
    focus_list (self);
}

static void
visible_child_changed_cb (EntenteOutlineView *self)
{
  const char *name = adw_leaflet_get_visible_child_name (self->leaflet);

  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (name, "sidebar") == 0 &&
      gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      !gtk_search_bar_get_search_mode (self->search_bar))
    focus_list (self);
}

static void
move_by (EntenteOutlineView *self,
         int                 delta)
{
  int position;

  if (self->section == NULL || self->filter == NULL)
    return;

  position = entente_outline_filter_get_position (self->filter, self->section) + delta;
  if (position < 0 || (guint) position >= entente_pack_get_n_sections (self->pack))
    return;

  show_section (self, entente_pack_get_nth_section (self->pack, position), TRUE);
}

static void
previous_section_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  move_by (ENTENTE_OUTLINE_VIEW (widget), -1);
}

static void
next_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_by (ENTENTE_OUTLINE_VIEW (widget), 1);
}

static void
show_outline_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntenteOutlineView *self = ENTENTE_OUTLINE_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  focus_list (self);
}

static void
entente_outline_view_dispose (GObject *object)
{
  EntenteOutlineView *self = (EntenteOutlineView *)object;

  /* Taking the template apart must not run the handlers that keep it in step. */
  if (self->leaflet != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->search_bar, self);
      g_signal_handlers_disconnect_by_data (self->search_entry, self);
      g_signal_handlers_disconnect_by_data (self->leaflet, self);
      g_signal_handlers_disconnect_by_data (self->selection, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_OUTLINE_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->search_model);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->search_tree);
  g_clear_object (&self->outline_tree);
  g_clear_pointer (&self->filter, entente_outline_filter_free);
  g_clear_object (&self->section);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (entente_outline_view_parent_class)->dispose (object);
}

static void
entente_outline_view_finalize (GObject *object)
{
  EntenteOutlineView *self = (EntenteOutlineView *)object;

  g_free (self->search_text);

  G_OBJECT_CLASS (entente_outline_view_parent_class)->finalize (object);
}

static void
entente_outline_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EntenteOutlineView *self = ENTENTE_OUTLINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;

    case PROP_SECTION_ID:
      g_value_set_string (value, entente_outline_view_get_section_id (self));
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, entente_outline_view_get_search_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_outline_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EntenteOutlineView *self = ENTENTE_OUTLINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PACK:
      entente_outline_view_set_pack (self, g_value_get_object (value));
      break;

    case PROP_SECTION_ID:
      entente_outline_view_set_section_id (self, g_value_get_string (value));
      break;

    case PROP_SEARCH_TEXT:
      entente_outline_view_set_search_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_outline_view_class_init (EntenteOutlineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_outline_view_dispose;
  object_class->finalize = entente_outline_view_finalize;
  object_class->get_property = entente_outline_view_get_property;
  object_class->set_property = entente_outline_view_set_property;

  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL,
                         ENTENTE_TYPE_PACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTION_ID] =
    g_param_spec_string ("section-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ENTENTE_TYPE_READING_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/entente-outline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteOutlineView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EntenteOutlineView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, EntenteOutlineView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EntenteOutlineView, match_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntenteOutlineView, match_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteOutlineView, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, EntenteOutlineView, list_view);
  gtk_widget_class_bind_template_child (widget_class, EntenteOutlineView, back_bar);
  gtk_widget_class_bind_template_child (widget_class, EntenteOutlineView, back_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteOutlineView, reading_pane);

  gtk_widget_class_install_action (widget_class, "outline.previous-section", NULL,
                                   previous_section_action);
  gtk_widget_class_install_action (widget_class, "outline.next-section", NULL,
                                   next_section_action);
  gtk_widget_class_install_action (widget_class, "outline.show-outline", NULL,
                                   show_outline_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outlineview");
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              guint                  other_keyval,
              GdkModifierType        other_modifiers,
              const char            *action_name)
{
  GtkShortcutTrigger *trigger;

  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (keyval, modifiers),
                                         gtk_keyval_trigger_new (other_keyval, other_modifiers));
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new (action_name)));
}

static void
entente_outline_view_init (EntenteOutlineView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *controller;
  GtkShortcutController *shortcuts;

  self->search_text = g_strdup ("");
  self->n_matches = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  /* Space on the selected row would otherwise unselect it. */
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->list_view, "activate",
                           G_CALLBACK (list_activate_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (list_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (search_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  g_object_bind_property (self->leaflet, "folded", self->back_bar, "visible",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (visible_child_changed_cb), self, G_CONNECT_SWAPPED);

  /* In the capture phase: the list and the scrolled windows bind Ctrl+Page_Up/Down themselves. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts), GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, GDK_KEY_Up, GDK_ALT_MASK, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                "outline.previous-section");
  add_shortcut (shortcuts, GDK_KEY_Down, GDK_ALT_MASK, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                "outline.next-section");
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.previous-section", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.next-section", FALSE);
  update_match_status (self);
}

GtkWidget *
entente_outline_view_new (void)
{
  return g_object_new (ENTENTE_TYPE_OUTLINE_VIEW, NULL);
}

EntentePack *
entente_outline_view_get_pack (EntenteOutlineView *self)
{
  g_return_val_if_fail (ENTENTE_IS_OUTLINE_VIEW (self), NULL);

  return self->pack;
}

void
entente_outline_view_set_pack (EntenteOutlineView *self,
                               EntentePack        *pack)
{
  g_autoptr(EntentePack) old_pack = NULL;
  const char *section_id = NULL;
  EntenteSection *section = NULL;

  g_return_if_fail (ENTENTE_IS_OUTLINE_VIEW (self));
  g_return_if_fail (pack == NULL || ENTENTE_IS_PACK (pack));

  if (self->pack == pack)
    return;

  /* Sections do not hold their parents: the old pack stays alive until the new section
   * has replaced the old one. */
  old_pack = g_steal_pointer (&self->pack);

  /* The section to show is found again by id in the new pack. */
  if (self->section != NULL)
    section_id = entente_section_get_id (self->section);

  g_clear_object (&self->outline_tree);
  g_clear_object (&self->search_model);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->search_tree);
  g_clear_pointer (&self->filter, entente_outline_filter_free);
  self->pack = pack != NULL ? g_object_ref (pack) : NULL;
  entente_reading_pane_set_pack (self->reading_pane, pack);

  if (pack != NULL)
    {
      self->filter = entente_outline_filter_new (pack);
      self->outline_tree = gtk_tree_list_model_new (g_object_ref (entente_pack_get_outline (pack)),
                                                    FALSE, FALSE,
                                                    create_outline_children_cb, NULL, NULL);
      self->n_matches = entente_outline_filter_set_query (self->filter, self->search_text);

      if (section_id != NULL)
        section = entente_pack_lookup_section (pack, section_id);
      if (section == NULL && entente_pack_get_n_sections (pack) > 0)
        section = entente_pack_get_nth_section (pack, 0);
    }
  else
    self->n_matches = -1;

  update_match_status (self);
  update_tree (self);

  /* The old section, still referenced, tells show_section() whether the id changed. */
  show_section (self, section, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);
}

const char *
entente_outline_view_get_section_id (EntenteOutlineView *self)
{
  g_return_val_if_fail (ENTENTE_IS_OUTLINE_VIEW (self), NULL);

  return self->section != NULL ? entente_section_get_id (self->section) : NULL;
}

void
entente_outline_view_set_section_id (EntenteOutlineView *self,
                                     const char         *section_id)
{
  EntenteSection *section = NULL;

  g_return_if_fail (ENTENTE_IS_OUTLINE_VIEW (self));

  if (self->pack == NULL)
    return;

  if (section_id != NULL)
    section = entente_pack_lookup_section (self->pack, section_id);
  if (section == NULL && entente_pack_get_n_sections (self->pack) > 0)
    section = entente_pack_get_nth_section (self->pack, 0);

  show_section (self, section, TRUE);
}

void
entente_outline_view_start_search (EntenteOutlineView *self)
{
  g_return_if_fail (ENTENTE_IS_OUTLINE_VIEW (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

const char *
entente_outline_view_get_search_text (EntenteOutlineView *self)
{
  g_return_val_if_fail (ENTENTE_IS_OUTLINE_VIEW (self), NULL);

  return self->search_text;
}

void
entente_outline_view_set_search_text (EntenteOutlineView *self,
                                      const char         *text)
{
  g_return_if_fail (ENTENTE_IS_OUTLINE_VIEW (self));

  if (text == NULL)
    text = "";

  if (text[0] != '\0')
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);

  /* Replacing the text empties the entry first, which a search entry reports at once. */
  self->setting_text = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  self->setting_text = FALSE;

  /* Now, not after the entry's typing delay. */
  apply_search (self, text);

  if (text[0] == '\0')
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

int
entente_outline_view_get_n_matches (EntenteOutlineView *self)
{
  g_return_val_if_fail (ENTENTE_IS_OUTLINE_VIEW (self), -1);

  return self->n_matches;
}
