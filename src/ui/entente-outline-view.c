#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "entente-outline-filter.h"
#include "entente-outline-view.h"
#include "entente-reading-pane.h"
#include "entente-section-row.h"

/* The items of the outline's list: the n-th item stands for the section listed n-th,
 * whichever that is. GTK 4.8's list view keeps the widget of a row as long as its item
 * stays in the model, and builds new widgets (with their accessible objects) for new
 * items, some 200 of them around what it shows. With items that stand for places in the
 * list, a search or an expanded section keeps those widgets: the view binds them to their
 * new sections itself, and the list is only told how many places there are now. */
#define ENTENTE_TYPE_OUTLINE_PLACE (entente_outline_place_get_type ())
#define ENTENTE_TYPE_OUTLINE_PLACES (entente_outline_places_get_type ())

G_DECLARE_FINAL_TYPE (EntenteOutlinePlace, entente_outline_place, ENTENTE, OUTLINE_PLACE, GObject)
G_DECLARE_FINAL_TYPE (EntenteOutlinePlaces, entente_outline_places, ENTENTE, OUTLINE_PLACES, GObject)

struct _EntenteOutlinePlace
{
  GObject               parent_instance;

  /* Unowned: the model clears it when it goes. */
  EntenteOutlinePlaces *places;
  guint                 position;
};

struct _EntenteOutlinePlaces
{
  GObject               parent_instance;

  /* Unowned: the view's, set again whenever it changes. */
  EntenteOutlineFilter *filter;
  /* EntenteOutlinePlace by position, made when the list first asks for them. */
  GPtrArray            *items;
  guint                 n_items;
};

G_DEFINE_FINAL_TYPE (EntenteOutlinePlace, entente_outline_place, G_TYPE_OBJECT)

static void entente_outline_places_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EntenteOutlinePlaces, entente_outline_places, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      entente_outline_places_list_model_init))

enum {
  PLACE_PROP_0,
  PLACE_PROP_SECTION,
  N_PLACE_PROPS
};

static GParamSpec *place_properties[N_PLACE_PROPS];

/* The section listed at the place now, or NULL. */
static EntenteSection *
entente_outline_place_get_section (EntenteOutlinePlace *self)
{
  EntenteOutlinePlaces *places = self->places;

  if (places == NULL || places->filter == NULL || self->position >= places->n_items)
    return NULL;

  return entente_outline_filter_get_nth_listed (places->filter, self->position);
}

static void
entente_outline_place_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EntenteOutlinePlace *self = ENTENTE_OUTLINE_PLACE (object);

  switch (prop_id)
    {
    case PLACE_PROP_SECTION:
      g_value_set_object (value, entente_outline_place_get_section (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_outline_place_class_init (EntenteOutlinePlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = entente_outline_place_get_property;

  /* Not notified: the view rebinds the rows when the listed sections change. */
  place_properties[PLACE_PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL,
                         ENTENTE_TYPE_SECTION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PLACE_PROPS, place_properties);
}

static void
entente_outline_place_init (EntenteOutlinePlace *self)
{
}

static GType
entente_outline_places_get_item_type (GListModel *model)
{
  return ENTENTE_TYPE_OUTLINE_PLACE;
}

static guint
entente_outline_places_get_n_items (GListModel *model)
{
  return ENTENTE_OUTLINE_PLACES (model)->n_items;
}

static gpointer
entente_outline_places_get_item (GListModel *model,
                                 guint       position)
{
  EntenteOutlinePlaces *self = ENTENTE_OUTLINE_PLACES (model);
  EntenteOutlinePlace *place;

  if (position >= self->n_items)
    return NULL;

  if (self->items->len <= position)
    g_ptr_array_set_size (self->items, position + 1);

  place = g_ptr_array_index (self->items, position);
  if (place == NULL)
    {
      place = g_object_new (ENTENTE_TYPE_OUTLINE_PLACE, NULL);
      place->places = self;
      place->position = position;
      g_ptr_array_index (self->items, position) = place;
    }

  return g_object_ref (place);
}

static void
entente_outline_places_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = entente_outline_places_get_item_type;
  iface->get_n_items = entente_outline_places_get_n_items;
  iface->get_item = entente_outline_places_get_item;
}

static void
entente_outline_places_finalize (GObject *object)
{
  EntenteOutlinePlaces *self = ENTENTE_OUTLINE_PLACES (object);

  for (guint i = 0; i < self->items->len; i++)
    {
      EntenteOutlinePlace *place = g_ptr_array_index (self->items, i);

      if (place != NULL)
        place->places = NULL;
    }
  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (entente_outline_places_parent_class)->finalize (object);
}

static void
entente_outline_places_class_init (EntenteOutlinePlacesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_outline_places_finalize;
}

static void
entente_outline_places_init (EntenteOutlinePlaces *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* The items at @positions (sorted, each less than the number of items) move by @delta,
 * those they displace go to the positions they leave, and the list learns of it together
 * with the new number of items: a list keeps the row of an item that moves in one change,
 * and its scroll position follows the rows it shows. So the rows that exist go where the
 * list is about to scroll, instead of being destroyed there and built anew here. */
static void
entente_outline_places_move (EntenteOutlinePlaces *self,
                             GArray               *positions,
                             int                   delta,
                             guint                 n_items)
{
  g_autoptr(GPtrArray) movers = g_ptr_array_new ();
  g_autoptr(GPtrArray) displaced = g_ptr_array_new ();
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) vacated = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint8 *marks = NULL;
  guint n_old = self->n_items;
  guint size = MAX (n_old, n_items);
  guint low = G_MAXUINT;
  guint high = 0;
  enum { SOURCE = 1 << 0, TARGET = 1 << 1 };

  if (self->items->len < size)
    g_ptr_array_set_size (self->items, size);
  marks = g_new0 (guint8, size);

  for (guint i = 0; i < positions->len; i++)
    {
      guint from = g_array_index (positions, guint, i);
      gint64 to = (gint64) from + delta;

      if (from >= n_old || to < 0 || to >= n_items)
        continue;

      marks[from] |= SOURCE;
      marks[to] |= TARGET;
      g_ptr_array_add (movers, g_ptr_array_index (self->items, from));
      g_array_append_val (targets, to);
      low = MIN (low, MIN (from, (guint) to));
      high = MAX (high, MAX (from, (guint) to) + 1);
    }

  /* Each target that was no source gives its item to a source that is no target. */
  for (guint i = low; i < high && i < size; i++)
    {
      if ((marks[i] & (SOURCE | TARGET)) == TARGET)
        g_ptr_array_add (displaced, g_ptr_array_index (self->items, i));
      else if ((marks[i] & (SOURCE | TARGET)) == SOURCE)
        g_array_append_val (vacated, i);
    }
  g_assert (displaced->len == vacated->len);

  for (guint i = 0; i < movers->len; i++)
    g_ptr_array_index (self->items, g_array_index (targets, guint, i)) = movers->pdata[i];
  for (guint i = 0; i < vacated->len; i++)
    g_ptr_array_index (self->items, g_array_index (vacated, guint, i)) = displaced->pdata[i];
  for (guint i = low; i < high && i < size; i++)
    {
      EntenteOutlinePlace *place = g_ptr_array_index (self->items, i);

      if (place != NULL)
        place->position = i;
    }

  self->n_items = n_items;
  if (low == G_MAXUINT)
    low = MIN (n_old, n_items);
  if (n_old != n_items || high > n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), low, n_old - low, n_items - low);
  else if (high > low)
    g_list_model_items_changed (G_LIST_MODEL (self), low, high - low, high - low);
}

/* The list learns that places were added or removed at the end; with @renew, that every
 * place changed (its rows are then bound again, but kept). */
static void
entente_outline_places_set_n_items (EntenteOutlinePlaces *self,
                                    guint                 n_items,
                                    gboolean              renew)
{
  guint n_old = self->n_items;
  guint n_kept = renew ? 0 : MIN (n_old, n_items);

  self->n_items = n_items;
  if (n_old != n_items || renew)
    g_list_model_items_changed (G_LIST_MODEL (self), n_kept, n_old - n_kept, n_items - n_kept);
}

struct _EntenteOutlineView
{
  GtkWidget             parent_instance;

  EntentePack          *pack;
  EntenteSection       *section;
  EntenteOutlineFilter *filter;
  /* The outline and each search are one list of the pack's sections in reading order,
   * filtered (see EntenteOutlineFilter); the list's items are places in it (see
   * EntenteOutlinePlace), so that its row widgets stay whatever it lists. */
  EntenteOutlinePlaces *rows;
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

static gboolean
list_has_focus (EntenteOutlineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view));
}

/* The row widget in a child of the list (a list item), or NULL. */
static EntenteSectionRow *
list_child_get_row (GtkWidget *child)
{
  GtkWidget *row = gtk_widget_get_first_child (child);

  return ENTENTE_IS_SECTION_ROW (row) ? ENTENTE_SECTION_ROW (row) : NULL;
}

static GQuark list_item_quark;

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* The section listed at @position now, or NULL. */
static EntenteSection *
get_nth_listed (EntenteOutlineView *self,
                guint               position)
{
  return self->filter != NULL ? entente_outline_filter_get_nth_listed (self->filter, position)
                              : NULL;
}

/* Shows the section listed at the row's place, and whether it can be and is expanded. */
static void
bind_row (EntenteOutlineView *self,
          EntenteSectionRow  *row)
{
  GtkListItem *list_item = g_object_get_qdata (G_OBJECT (row), list_item_quark);
  EntenteSection *section;

  if (list_item == NULL || gtk_list_item_get_item (list_item) == NULL)
    return;

  section = get_nth_listed (self, gtk_list_item_get_position (list_item));
  if (section == NULL)
    return;

  entente_section_row_set_section (row, section);
  entente_section_row_set_expander (row,
                                    entente_outline_filter_keeps_children (self->filter, section),
                                    entente_outline_filter_get_expanded (self->filter, section));
}

/* The rows that exist (a few screens' worth) follow the listed sections: the list keeps
 * them at their places, and they show what is listed there now. */
static void
bind_rows (EntenteOutlineView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EntenteSectionRow *row = list_child_get_row (child);

      if (row != NULL)
        bind_row (self, row);
    }
}

/* The positions of the rows that the list has (sorted), and the first and last of them
 * that are on screen; FALSE if none is. */
static gboolean
get_row_positions (EntenteOutlineView *self,
                   GArray             *positions,
                   guint              *first_shown,
                   guint              *last_shown)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  int height = gtk_widget_get_height (list);
  gboolean shown = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EntenteSectionRow *row = list_child_get_row (child);
      GtkListItem *list_item;
      graphene_rect_t bounds;
      guint position;

      if (row == NULL)
        continue;

      list_item = g_object_get_qdata (G_OBJECT (row), list_item_quark);
      if (list_item == NULL || gtk_list_item_get_item (list_item) == NULL)
        continue;

      position = gtk_list_item_get_position (list_item);
      g_array_append_val (positions, position);

      if (gtk_widget_get_child_visible (child) &&
          gtk_widget_compute_bounds (child, list, &bounds) &&
          bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < height)
        {
          *first_shown = shown ? MIN (*first_shown, position) : position;
          *last_shown = shown ? MAX (*last_shown, position) : position;
          shown = TRUE;
        }
    }

  g_array_sort (positions, compare_positions);

  return shown;
}

/* Tells the list how many sections are listed, and binds its rows to them. With
 * @follow_section, the list is about to scroll to the section on show (or to the top if it
 * is not listed): if that is off screen, the rows move there first (see
 * entente_outline_places_move()), its place taking that of the row that was selected, or
 * else of the middle row on screen. */
static void
apply_filter_change (EntenteOutlineView *self,
                     gboolean            follow_section)
{
  guint n_listed = entente_outline_filter_get_n_listed (self->filter);
  g_autoptr(GArray) positions = NULL;
  guint first_shown = 0;
  guint last_shown = 0;
  int target = 0;

  /* While nothing is listed the list is hidden behind the empty page (see
   * update_match_status()) and keeps its places, with their rows: emptying it would
   * destroy the rows that the next query lists again. The places past the listed
   * sections have none, and nothing there is selected. */
  if (n_listed == 0)
    return;

  if (follow_section && self->section != NULL)
    target = MAX (0, entente_outline_filter_get_listed_position (self->filter, self->section));

  /* The selection stays at its place through the change; select_current_section()
   * decides what is selected afterwards. */
  self->updating_selection = TRUE;

  positions = g_array_new (FALSE, FALSE, sizeof (guint));
  if (follow_section && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)) &&
      get_row_positions (self, positions, &first_shown, &last_shown) &&
      ((guint) target < first_shown || (guint) target > last_shown))
    {
      guint selected = gtk_single_selection_get_selected (self->selection);
      guint anchor = (first_shown + last_shown) / 2;

      if (selected >= first_shown && selected <= last_shown)
        anchor = selected;

      entente_outline_places_move (self->rows, positions, target - (int) anchor, n_listed);
    }
  else
    entente_outline_places_set_n_items (self->rows, n_listed, FALSE);

  self->updating_selection = FALSE;

  bind_rows (self);
}

/* GTK 4.8 has no API to move the focus to a row: find the row's widget, which exists
 * once the list has scrolled to it. */
static gboolean
focus_row (EntenteOutlineView *self,
           guint               position)
{
  EntenteSection *section = get_nth_listed (self, position);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EntenteSectionRow *row = list_child_get_row (child);

      if (row != NULL && section != NULL && entente_section_row_get_section (row) == section)
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

/* Selects the section on show, expanding its ancestors; while searching, only if the
 * search keeps it. */
static void
select_current_section (EntenteOutlineView *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->section != NULL && self->filter != NULL)
    {
      int listed_position;

      entente_outline_filter_reveal (self->filter, self->section);
      apply_filter_change (self, TRUE);

      listed_position = entente_outline_filter_get_listed_position (self->filter, self->section);
      if (listed_position >= 0)
        position = listed_position;
    }

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
open_section (EntenteOutlineView *self,
              EntenteSection     *section)
{
  show_section (self, section, TRUE);
  show_content (self);
}

static void
selection_changed_cb (EntenteOutlineView *self)
{
  EntenteSection *section;

  if (self->updating_selection)
    return;

  section = get_nth_listed (self, gtk_single_selection_get_selected (self->selection));
  if (section == NULL)
    return;

  show_section (self, section, FALSE);
}

static void
list_activate_cb (EntenteOutlineView *self,
                  guint               position)
{
  EntenteSection *section = get_nth_listed (self, position);

  if (section != NULL)
    open_section (self, section);
}

static void
row_released_cb (GtkGestureClick    *gesture,
                 int                 n_press,
                 double              x,
                 double              y,
                 EntenteOutlineView *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  EntenteSection *section = entente_section_row_get_section (ENTENTE_SECTION_ROW (row));

  /* Side by side a click selects, which shows the section; folded it also goes there. */
  if (n_press == 1 && section != NULL && adw_leaflet_get_folded (self->leaflet))
    open_section (self, section);
}

static void
set_expanded (EntenteOutlineView *self,
              EntenteSection     *section,
              gboolean            expanded,
              gboolean            recursive)
{
  if (self->filter == NULL)
    return;

  entente_outline_filter_set_expanded (self->filter, section, expanded, recursive);
  apply_filter_change (self, FALSE);
}

static void
row_toggle_cb (EntenteSectionRow  *row,
               EntenteOutlineView *self)
{
  EntenteSection *section = entente_section_row_get_section (row);

  if (section != NULL && self->filter != NULL)
    set_expanded (self, section, !entente_outline_filter_get_expanded (self->filter, section),
                  FALSE);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              EntenteOutlineView       *self)
{
  GtkWidget *row = entente_section_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (row_released_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (row, "toggle", G_CALLBACK (row_toggle_cb), self, 0);
  /* The list item owns the row, so it outlives the row. */
  g_object_set_qdata (G_OBJECT (row), list_item_quark, list_item);

  gtk_list_item_set_child (list_item, row);
}

/* GTK 4.8 unbinds and binds a row again whenever its item or its position changes: the row
 * then keeps what it shows, so nothing is done in unbind, and binding it to the section
 * it already shows costs nothing. */
static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             EntenteOutlineView       *self)
{
  bind_row (self, ENTENTE_SECTION_ROW (gtk_list_item_get_child (list_item)));
}

/* The section of the list item that has the keyboard focus. */
static EntenteSection *
get_focused_section (EntenteOutlineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *list = GTK_WIDGET (self->list_view);

  if (focus == NULL || !gtk_widget_is_ancestor (focus, list))
    return NULL;

  for (GtkWidget *w = focus; w != NULL && w != list; w = gtk_widget_get_parent (w))
    {
      if (ENTENTE_IS_SECTION_ROW (w))
        return entente_section_row_get_section (ENTENTE_SECTION_ROW (w));
      if (gtk_widget_get_parent (w) == list && list_child_get_row (w) != NULL)
        return entente_section_row_get_section (list_child_get_row (w));
    }

  return NULL;
}

/* The keys of GtkTreeExpander, for the focused row: Right, Shift+Right, + and * expand
 * (* everything below too), Left, Shift+Left, - and / collapse, Ctrl+Space toggles; Left
 * and Right swap in right-to-left text. Enter and Space open the section. */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     EntenteOutlineView    *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  EntenteSection *section = get_focused_section (self);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  gboolean shift_only = (mods & ~GDK_SHIFT_MASK) == 0 ||
                        mods == (GDK_SHIFT_MASK | GDK_CONTROL_MASK);

  if (section == NULL)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (mods != 0)
        return GDK_EVENT_PROPAGATE;
      open_section (self, section);
      return GDK_EVENT_STOP;

    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (mods == GDK_CONTROL_MASK)
        set_expanded (self, section, !entente_outline_filter_get_expanded (self->filter, section),
                      FALSE);
      else if (mods == 0)
        open_section (self, section);
      else
        return GDK_EVENT_PROPAGATE;
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (!shift_only)
        return GDK_EVENT_PROPAGATE;
      set_expanded (self, section,
                    (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right) != rtl, FALSE);
      return GDK_EVENT_STOP;

    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
    case GDK_KEY_asterisk:
    case GDK_KEY_KP_Multiply:
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
    case GDK_KEY_slash:
    case GDK_KEY_KP_Divide:
      if ((mods & ~GDK_SHIFT_MASK) != 0)
        return GDK_EVENT_PROPAGATE;
      set_expanded (self, section,
                    keyval == GDK_KEY_plus || keyval == GDK_KEY_KP_Add ||
                    keyval == GDK_KEY_asterisk || keyval == GDK_KEY_KP_Multiply,
                    keyval == GDK_KEY_asterisk || keyval == GDK_KEY_KP_Multiply);
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

/* Lists the whole outline, or while searching the matches and their ancestors. */
static void
update_list (EntenteOutlineView *self)
{
  apply_filter_change (self, TRUE);
  select_current_section (self);

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      entente_outline_filter_get_n_listed (self->filter) > 0)
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

  /* The empty page goes up before the list loses its last row. */
  update_match_status (self);
  if (self->filter != NULL)
    update_list (self);

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
      self->filter != NULL && entente_outline_filter_get_n_listed (self->filter) > 0)
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

  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

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
  if (self->rows != NULL)
    self->rows->filter = NULL;
  g_clear_object (&self->rows);
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
  list_item_quark = g_quark_from_static_string ("entente-outline-list-item");

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

  self->rows = g_object_new (ENTENTE_TYPE_OUTLINE_PLACES, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  /* Space on the selected row would otherwise unselect it. */
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
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

  /* The list's places stop showing sections before the filter goes. */
  self->rows->filter = NULL;
  g_clear_pointer (&self->filter, entente_outline_filter_free);
  self->pack = pack != NULL ? g_object_ref (pack) : NULL;
  entente_reading_pane_set_pack (self->reading_pane, pack);

  if (pack != NULL)
    {
      guint n_sections = entente_pack_get_n_sections (pack);

      self->filter = entente_outline_filter_new (pack);
      self->n_matches = entente_outline_filter_set_query (self->filter, self->search_text);

      /* Every place shows a section of the new pack: its rows are bound again. */
      self->rows->filter = self->filter;
      self->updating_selection = TRUE;
      entente_outline_places_set_n_items (self->rows,
                                          entente_outline_filter_get_n_listed (self->filter),
                                          TRUE);
      self->updating_selection = FALSE;
      bind_rows (self);

      if (section_id != NULL)
        section = entente_pack_lookup_section (pack, section_id);
      if (section == NULL && n_sections > 0)
        section = entente_pack_get_nth_section (pack, 0);
    }
  else
    self->n_matches = -1;

  /* Without a pack the list is hidden and keeps its rows: in GTK 4.8 a list view that
   * loses its last row can keep a pointer to a row widget that is gone. */
  update_match_status (self);

  /* The old section, still referenced, tells show_section() whether the id changed. */
  show_section (self, section, TRUE);
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      self->filter != NULL && entente_outline_filter_get_n_listed (self->filter) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);

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
