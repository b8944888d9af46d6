/* entente-section-row.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "entente-section-row.h"

struct _EntenteSectionRow
{
  GtkWidget       parent_instance;

  EntenteSection *section;
  GtkWidget      *arrow;
  GtkWidget      *title;
  GtkWidget      *pages;
  guint           depth;
  gboolean        expandable;
  gboolean        expanded;
};

G_DEFINE_FINAL_TYPE (EntenteSectionRow, entente_section_row, GTK_TYPE_WIDGET)

enum {
  ROW_TOGGLE,
  N_ROW_SIGNALS
};

static guint row_signals[N_ROW_SIGNALS];

/* The width of one level of the tree: an expander arrow and the space after it, as in
 * GtkTreeExpander. */
#define ROW_INDENT (16 + 4)

static void
arrow_pressed_cb (GtkGestureClick   *gesture,
                  int                n_press,
                  double             x,
                  double             y,
                  EntenteSectionRow *self)
{
  /* The arrow expands or collapses; it does not also select the row. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (self->expandable)
    g_signal_emit (self, row_signals[ROW_TOGGLE], 0);
}

static gboolean
entente_section_row_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard_mode,
                                   GtkTooltip *tooltip)
{
  EntenteSectionRow *self = ENTENTE_SECTION_ROW (widget);

  if (self->section == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, entente_section_get_title (self->section));
  return TRUE;
}

static void
entente_section_row_dispose (GObject *object)
{
  EntenteSectionRow *self = ENTENTE_SECTION_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (entente_section_row_parent_class)->dispose (object);
}

static void
entente_section_row_class_init (EntenteSectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_section_row_dispose;
  widget_class->query_tooltip = entente_section_row_query_tooltip;

  row_signals[ROW_TOGGLE] =
    g_signal_new ("toggle",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sectionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
attach (GtkWidget *child,
        GtkWidget *parent,
        int        column,
        int        row,
        int        row_span)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (parent);
  GtkGridLayoutChild *layout_child;

  gtk_widget_set_parent (child, parent);
  layout_child = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));
  gtk_grid_layout_child_set_column (layout_child, column);
  gtk_grid_layout_child_set_row (layout_child, row);
  gtk_grid_layout_child_set_row_span (layout_child, row_span);
}

/* Few widgets in a row: a search can bring a few hundred rows in at once. */
static void
entente_section_row_init (EntenteSectionRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkGesture *click;

  gtk_grid_layout_set_column_spacing (GTK_GRID_LAYOUT (layout), 4);
  gtk_grid_layout_set_row_spacing (GTK_GRID_LAYOUT (layout), 2);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 3);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 3);
  self->depth = G_MAXUINT;

  self->arrow = g_object_new (GTK_TYPE_IMAGE,
                              "icon-name", "pan-end-symbolic",
                              "accessible-role", GTK_ACCESSIBLE_ROLE_BUTTON,
                              "valign", GTK_ALIGN_CENTER,
                              NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Expand"),
                                  -1);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (arrow_pressed_cb), self, 0);
  gtk_widget_add_controller (self->arrow, GTK_EVENT_CONTROLLER (click));
  /* Drawn only for sections with children, but always there to keep the titles aligned. */
  gtk_widget_set_child_visible (self->arrow, FALSE);
  attach (self->arrow, GTK_WIDGET (self), 0, 0, 2);

  /* Inscriptions, unlike labels, are measured without laying their text out. */
  self->title = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->title), 0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (self->title), 12);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->title), 40);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->title),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->title, TRUE);
  attach (self->title, GTK_WIDGET (self), 1, 0, 1);

  self->pages = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->pages), 0);
  gtk_widget_add_css_class (self->pages, "caption");
  gtk_widget_add_css_class (self->pages, "dim-label");
  gtk_widget_set_visible (self->pages, FALSE);
  attach (self->pages, GTK_WIDGET (self), 1, 1, 1);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title, NULL,
                                  -1);
}

GtkWidget *
entente_section_row_new (void)
{
  return g_object_new (ENTENTE_TYPE_SECTION_ROW, NULL);
}

EntenteSection *
entente_section_row_get_section (EntenteSectionRow *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION_ROW (self), NULL);

  return self->section;
}

void
entente_section_row_set_section (EntenteSectionRow *self,
                                 EntenteSection    *section)
{
  const char *page_range;
  g_autofree char *pages = NULL;
  guint depth;

  g_return_if_fail (ENTENTE_IS_SECTION_ROW (self));

  if (!g_set_object (&self->section, section) || section == NULL)
    return;

  gtk_inscription_set_text (GTK_INSCRIPTION (self->title), entente_section_get_title (section));

  page_range = entente_section_get_pages (section);
  if (page_range != NULL && page_range[0] != '\0')
    {
      g_autoptr(GString) range = g_string_new (page_range);

      g_string_replace (range, "-", "–", 0);
      /* Translators: a section's place in the printed text, e.g. "p. 3–4" */
      pages = g_strdup_printf (_("p. %s"), range->str);
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (self->pages), pages);
  gtk_widget_set_visible (self->pages, pages != NULL);

  depth = entente_section_get_depth (section);
  if (depth != self->depth)
    {
      self->depth = depth;
      gtk_widget_set_margin_start (self->arrow, depth * ROW_INDENT);
      /* The level property starts at 1. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL, depth + 1,
                                      -1);
    }
}

void
entente_section_row_set_expander (EntenteSectionRow *self,
                                  gboolean           expandable,
                                  gboolean           expanded)
{
  g_return_if_fail (ENTENTE_IS_SECTION_ROW (self));

  expanded = expandable && expanded;

  if (expandable == self->expandable && expanded == self->expanded)
    return;

  if (expandable != self->expandable)
    gtk_widget_set_child_visible (self->arrow, expandable);

  self->expandable = expandable;
  self->expanded = expanded;
  gtk_image_set_from_icon_name (GTK_IMAGE (self->arrow),
                                expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  expanded ? _("Collapse") : _("Expand"),
                                  -1);

  if (expandable)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                                 GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                                 -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED);
}

gboolean
entente_section_row_get_expandable (EntenteSectionRow *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION_ROW (self), FALSE);

  return self->expandable;
}

gboolean
entente_section_row_get_expanded (EntenteSectionRow *self)
{
  g_return_val_if_fail (ENTENTE_IS_SECTION_ROW (self), FALSE);

  return self->expanded;
}
