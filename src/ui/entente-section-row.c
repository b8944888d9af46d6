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
/* Between the arrow and the texts, and between the title and the pages. */
#define COLUMN_SPACING 4
#define LINE_SPACING 2

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

/* The arrow, then the title over the pages. The indentation of deeper sections is left
 * out of the width the row asks for: otherwise the outline would widen whenever a deeper
 * section is listed (as a search does at once), and the reading pane beside it would have
 * to be laid out again. A deeper row's title has that much less room instead. */
static void
entente_section_row_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  EntenteSectionRow *self = ENTENTE_SECTION_ROW (widget);
  int arrow_min, arrow_nat, title_min, title_nat, pages_min = 0, pages_nat = 0;
  gboolean has_pages = gtk_widget_get_visible (self->pages);

  gtk_widget_measure (self->arrow, orientation, -1, &arrow_min, &arrow_nat, NULL, NULL);
  gtk_widget_measure (self->title, orientation, -1, &title_min, &title_nat, NULL, NULL);
  if (has_pages)
    gtk_widget_measure (self->pages, orientation, -1, &pages_min, &pages_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = arrow_min + COLUMN_SPACING + MAX (title_min, pages_min);
      *natural = arrow_nat + COLUMN_SPACING + MAX (title_nat, pages_nat);
    }
  else
    {
      int spacing = has_pages ? LINE_SPACING : 0;

      *minimum = MAX (arrow_min, title_min + spacing + pages_min);
      *natural = MAX (arrow_nat, title_nat + spacing + pages_nat);
    }
}

static void
allocate_child (GtkWidget *child,
                int        row_width,
                gboolean   rtl,
                int        x,
                int        y,
                int        width,
                int        height)
{
  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { rtl ? row_width - x - width : x, y, width, height },
                            -1);
}

static void
entente_section_row_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  EntenteSectionRow *self = ENTENTE_SECTION_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  gboolean has_pages = gtk_widget_get_visible (self->pages);
  int arrow_width, arrow_height, text_min, title_height, pages_height = 0, pages_min = 0;
  int indent, text_x, text_y;

  gtk_widget_measure (self->arrow, GTK_ORIENTATION_HORIZONTAL, -1, &arrow_width, NULL, NULL, NULL);
  gtk_widget_measure (self->arrow, GTK_ORIENTATION_VERTICAL, -1, &arrow_height, NULL, NULL, NULL);
  gtk_widget_measure (self->title, GTK_ORIENTATION_HORIZONTAL, -1, &text_min, NULL, NULL, NULL);
  gtk_widget_measure (self->title, GTK_ORIENTATION_VERTICAL, -1, &title_height, NULL, NULL, NULL);
  if (has_pages)
    {
      gtk_widget_measure (self->pages, GTK_ORIENTATION_HORIZONTAL, -1, &pages_min, NULL, NULL, NULL);
      gtk_widget_measure (self->pages, GTK_ORIENTATION_VERTICAL, -1, &pages_height, NULL, NULL, NULL);
      text_min = MAX (text_min, pages_min);
    }

  /* The indentation gives way before the texts get less than they need. */
  indent = self->depth != G_MAXUINT ? (int) self->depth * ROW_INDENT : 0;
  indent = CLAMP (width - arrow_width - COLUMN_SPACING - text_min, 0, indent);

  allocate_child (self->arrow, width, rtl,
                  indent, (height - arrow_height) / 2, arrow_width, arrow_height);

  text_x = indent + arrow_width + COLUMN_SPACING;
  text_y = (height - title_height - (has_pages ? LINE_SPACING + pages_height : 0)) / 2;
  allocate_child (self->title, width, rtl,
                  text_x, text_y, MAX (0, width - text_x), title_height);
  if (has_pages)
    allocate_child (self->pages, width, rtl,
                    text_x, text_y + title_height + LINE_SPACING,
                    MAX (0, width - text_x), pages_height);
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
  widget_class->measure = entente_section_row_measure;
  widget_class->size_allocate = entente_section_row_size_allocate;

  row_signals[ROW_TOGGLE] =
    g_signal_new ("toggle",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "sectionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Few widgets in a row: a search can bring a few hundred rows in at once. */
static void
entente_section_row_init (EntenteSectionRow *self)
{
  GtkGesture *click;

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
                                  /* Translators: the name a screen reader gives the arrow
                                     that shows a section's subsections (a verb) */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Expand"),
                                  -1);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (arrow_pressed_cb), self, 0);
  gtk_widget_add_controller (self->arrow, GTK_EVENT_CONTROLLER (click));
  /* Drawn only for sections with children, but always there to keep the titles aligned. */
  gtk_widget_set_child_visible (self->arrow, FALSE);
  gtk_widget_set_parent (self->arrow, GTK_WIDGET (self));

  /* Inscriptions, unlike labels, are measured without laying their text out. */
  self->title = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->title), 0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (self->title), 12);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->title), 40);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->title),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));

  self->pages = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->pages), 0);
  gtk_widget_add_css_class (self->pages, "caption");
  gtk_widget_add_css_class (self->pages, "dim-label");
  gtk_widget_set_visible (self->pages, FALSE);
  gtk_widget_set_parent (self->pages, GTK_WIDGET (self));

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
      /* Only where the children go changes, not the size the row asks for. */
      gtk_widget_queue_allocate (GTK_WIDGET (self));
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
                                  expanded ?
                                  /* Translators: the name a screen reader gives the arrow
                                     that hides a section's subsections (a verb) */
                                  _("Collapse") :
                                  _("Expand"),
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
