/* entente-chart.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "entente-chart.h"

#define LABEL_GAP 6
#define LABEL_SPACING 10

struct _EntenteChart
{
  GtkWidget          parent_instance;

  EntenteChartStyle  style;
  char              *title;
  char              *summary;
  GArray            *values;  /* double */
  GArray            *second;  /* double, or NULL */
  GPtrArray         *labels;  /* char * or NULL, n of them, or NULL */
  double             max;
  gboolean           labels_from_start;
  char              *axis_zero; /* or NULL for "0" */
  char              *axis_top;  /* or NULL for the top value */
};

G_DEFINE_FINAL_TYPE (EntenteChart, entente_chart, GTK_TYPE_WIDGET)

static double
axis_max (EntenteChart *self)
{
  double top = 0;

  if (self->max > 0)
    return self->max;

  for (guint i = 0; i < self->values->len; i++)
    top = MAX (top, g_array_index (self->values, double, i));
  if (self->second != NULL)
    for (guint i = 0; i < self->second->len; i++)
      top = MAX (top, g_array_index (self->second, double, i));

  /* Round up to a number that reads well on the axis. */
  if (top <= 5)
    return 5;
  if (top <= 10)
    return 10;
  {
    double magnitude = pow (10, floor (log10 (top)));
    double steps[] = { 1, 2, 2.5, 5, 10 };

    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      if (steps[i] * magnitude >= top)
        return steps[i] * magnitude;
    return 10 * magnitude;
  }
}

static PangoLayout *
small_layout (EntenteChart *self,
              const char   *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const GdkRGBA *color,
             float          x,
             float          y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
lookup_colors (EntenteChart *self,
               GdkRGBA      *fg,
               GdkRGBA      *accent)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, fg);
  /* accent_color is the accent as it reads on the window's background, in light and in
   * dark style alike. */
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    *accent = *fg;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
entente_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  EntenteChart *self = ENTENTE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint n = self->values->len;
  double top = axis_max (self);
  g_autofree char *top_text = NULL;
  g_autoptr(PangoLayout) top_layout = NULL;
  g_autoptr(PangoLayout) zero_layout = NULL;
  GdkRGBA fg, accent, grid, dim, light;
  int top_w, top_h, zero_w, label_h = 0, max_label_w = 0;
  float left, right, plot_top, plot_bottom, plot_w, plot_h, slot;
  guint step = 1;

  if (n == 0 || width <= 0 || height <= 0)
    return;

  lookup_colors (self, &fg, &accent);
  grid = fg;
  grid.alpha *= 0.15f;
  dim = fg;
  dim.alpha *= 0.7f;
  light = accent;
  light.alpha *= 0.45f;

  top_text = self->axis_top != NULL ? g_strdup (self->axis_top) : g_strdup_printf ("%g", top);
  top_layout = small_layout (self, top_text);
  zero_layout = small_layout (self, self->axis_zero != NULL ? self->axis_zero : "0");
  pango_layout_get_pixel_size (top_layout, &top_w, &top_h);
  pango_layout_get_pixel_size (zero_layout, &zero_w, NULL);

  if (self->labels != NULL)
    for (guint i = 0; i < self->labels->len; i++)
      {
        const char *text = g_ptr_array_index (self->labels, i);
        g_autoptr(PangoLayout) layout = NULL;
        int w, h;

        if (text == NULL)
          continue;
        layout = small_layout (self, text);
        pango_layout_get_pixel_size (layout, &w, &h);
        max_label_w = MAX (max_label_w, w);
        label_h = MAX (label_h, h);
      }

  left = MAX (top_w, zero_w) + LABEL_GAP;
  right = width - (max_label_w > 0 ? max_label_w / 2.f : 4.f);
  plot_top = top_h / 2.f;
  plot_bottom = height - (label_h > 0 ? label_h + LABEL_GAP : top_h / 2.f);
  plot_w = right - left;
  plot_h = plot_bottom - plot_top;
  if (plot_w <= 4 || plot_h <= 4)
    return;
  slot = plot_w / n;

  /* The axis: its top value, zero, a grid line at the top and the middle, the baseline. */
  append_text (snapshot, top_layout, &dim, left - LABEL_GAP - top_w, 0);
  append_text (snapshot, zero_layout, &dim, left - LABEL_GAP - zero_w, plot_bottom - top_h / 2.f);
  gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (left, plot_top, plot_w, 1));
  gtk_snapshot_append_color (snapshot, &grid,
                             &GRAPHENE_RECT_INIT (left, plot_top + plot_h / 2.f, plot_w, 1));
  gtk_snapshot_append_color (snapshot, &dim, &GRAPHENE_RECT_INIT (left, plot_bottom, plot_w, 1));

  if (self->style == ENTENTE_CHART_BARS)
    {
      float bar_w = MAX (1.f, slot * (slot >= 6 ? 0.7f : 0.8f));

      for (guint i = 0; i < n; i++)
        {
          double value = g_array_index (self->values, double, i);
          double part = self->second != NULL ? g_array_index (self->second, double, i) : 0;
          float x = left + i * slot + (slot - bar_w) / 2.f;
          float h = (float) (MIN (value, top) / top * plot_h);
          float part_h = (float) (MIN (part, value) / top * plot_h);

          if (value <= 0)
            continue;
          h = MAX (h, 1.f);
          /* A hairline between the two parts of a bar, so they read apart in any style. */
          if (part_h > 0 && h - part_h > 2)
            gtk_snapshot_append_color (snapshot, &accent,
                                       &GRAPHENE_RECT_INIT (x, plot_bottom - h, bar_w, h - part_h - 1));
          else if (part_h <= 0)
            gtk_snapshot_append_color (snapshot, &accent,
                                       &GRAPHENE_RECT_INIT (x, plot_bottom - h, bar_w, h));
          if (part_h > 0)
            gtk_snapshot_append_color (snapshot, &light,
                                       &GRAPHENE_RECT_INIT (x, plot_bottom - part_h, bar_w, part_h));
        }
    }
  else
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (0, 0, width, height));
      GArray *series[2] = { self->second, self->values };

      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      for (guint s = 0; s < G_N_ELEMENTS (series); s++)
        {
          GArray *points = series[s];

          if (points == NULL)
            continue;

          gdk_cairo_set_source_rgba (cr, s == 0 ? &light : &accent);
          cairo_set_line_width (cr, s == 0 ? 3 : 1.5);
          for (guint i = 0; i < points->len; i++)
            {
              double value = CLAMP (g_array_index (points, double, i), 0, top);
              double x = left + (i + 0.5) * slot;
              double y = plot_bottom - value / top * plot_h;

              if (i == 0)
                cairo_move_to (cr, x, y);
              else
                cairo_line_to (cr, x, y);
            }
          cairo_stroke (cr);

          if (s == 1)
            for (guint i = 0; i < points->len; i++)
              {
                double value = CLAMP (g_array_index (points, double, i), 0, top);

                cairo_arc (cr, left + (i + 0.5) * slot, plot_bottom - value / top * plot_h,
                           3.5, 0, 2 * G_PI);
                cairo_fill (cr);
              }
        }
      cairo_destroy (cr);
    }

  /* Labels under the axis: as many as fit, always the last one (today, or the latest), or
   * the first one (today, in a forecast). */
  if (self->labels == NULL || max_label_w == 0)
    return;
  while (step < n && slot * step < max_label_w + LABEL_SPACING)
    step++;
  for (guint i = 0; i < n; i++)
    {
      const char *text = g_ptr_array_index (self->labels, i);
      g_autoptr(PangoLayout) layout = NULL;
      int w;
      float x;

      if (text == NULL || (self->labels_from_start ? i : n - 1 - i) % step != 0)
        continue;
      layout = small_layout (self, text);
      pango_layout_get_pixel_size (layout, &w, NULL);
      x = left + (i + 0.5f) * slot - w / 2.f;
      x = CLAMP (x, 0, width - w);
      append_text (snapshot, layout, &dim, x, plot_bottom + LABEL_GAP);
    }
}

static void
entente_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
    }
  else
    {
      *minimum = 160;
      *natural = 180;
    }
}

static void
entente_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (entente_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
entente_chart_finalize (GObject *object)
{
  EntenteChart *self = ENTENTE_CHART (object);

  g_free (self->title);
  g_free (self->summary);
  g_free (self->axis_zero);
  g_free (self->axis_top);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->second, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);

  G_OBJECT_CLASS (entente_chart_parent_class)->finalize (object);
}

static void
entente_chart_class_init (EntenteChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = entente_chart_finalize;
  widget_class->snapshot = entente_chart_snapshot;
  widget_class->measure = entente_chart_measure;
  widget_class->css_changed = entente_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
entente_chart_init (EntenteChart *self)
{
  self->values = g_array_new (FALSE, TRUE, sizeof (double));
}

GtkWidget *
entente_chart_new (EntenteChartStyle style)
{
  EntenteChart *self = g_object_new (ENTENTE_TYPE_CHART, NULL);

  self->style = style;

  return GTK_WIDGET (self);
}

void
entente_chart_set_title (EntenteChart *self,
                         const char   *title)
{
  g_return_if_fail (ENTENTE_IS_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

const char *
entente_chart_get_title (EntenteChart *self)
{
  g_return_val_if_fail (ENTENTE_IS_CHART (self), NULL);

  return self->title;
}

void
entente_chart_set_summary (EntenteChart *self,
                           const char   *summary)
{
  g_return_if_fail (ENTENTE_IS_CHART (self));

  g_free (self->summary);
  self->summary = g_strdup (summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), summary);
}

const char *
entente_chart_get_summary (EntenteChart *self)
{
  g_return_val_if_fail (ENTENTE_IS_CHART (self), NULL);

  return self->summary;
}

void
entente_chart_set_data (EntenteChart      *self,
                        guint              n,
                        const double      *values,
                        const double      *second,
                        const char *const *labels,
                        double             max)
{
  g_return_if_fail (ENTENTE_IS_CHART (self));
  g_return_if_fail (n == 0 || values != NULL);

  g_array_set_size (self->values, 0);
  if (n > 0)
    g_array_append_vals (self->values, values, n);
  g_clear_pointer (&self->second, g_array_unref);
  if (second != NULL && n > 0)
    {
      self->second = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
      g_array_append_vals (self->second, second, n);
    }
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  if (labels != NULL)
    {
      self->labels = g_ptr_array_new_full (n, g_free);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->labels, g_strdup (labels[i]));
    }
  self->max = max;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
entente_chart_get_n_values (EntenteChart *self)
{
  g_return_val_if_fail (ENTENTE_IS_CHART (self), 0);

  return self->values->len;
}

void
entente_chart_set_labels_from_start (EntenteChart *self,
                                     gboolean      from_start)
{
  g_return_if_fail (ENTENTE_IS_CHART (self));

  self->labels_from_start = !!from_start;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
entente_chart_set_axis_labels (EntenteChart *self,
                               const char   *zero,
                               const char   *top)
{
  g_return_if_fail (ENTENTE_IS_CHART (self));

  g_free (self->axis_zero);
  self->axis_zero = g_strdup (zero);
  g_free (self->axis_top);
  self->axis_top = g_strdup (top);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
entente_chart_get_axis_top (EntenteChart *self)
{
  g_return_val_if_fail (ENTENTE_IS_CHART (self), NULL);

  return self->axis_top;
}
