/* entente-chart.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A small chart drawn with GtkSnapshot in the theme's colours: bars (optionally with a
 * second, stacked part in a lighter shade), or points joined by a line with a second line
 * (a moving average). For assistive technologies it is an image whose label is the
 * chart's title and whose description is its text summary. */

#define ENTENTE_TYPE_CHART (entente_chart_get_type ())

G_DECLARE_FINAL_TYPE (EntenteChart, entente_chart, ENTENTE, CHART, GtkWidget)

typedef enum
{
  ENTENTE_CHART_BARS,
  ENTENTE_CHART_LINE,
} EntenteChartStyle;

GtkWidget   *entente_chart_new         (EntenteChartStyle  style);

/* The accessible label and description. */
void         entente_chart_set_title   (EntenteChart      *self,
                                        const char        *title);
const char  *entente_chart_get_title   (EntenteChart      *self);
void         entente_chart_set_summary (EntenteChart      *self,
                                        const char        *summary);
const char  *entente_chart_get_summary (EntenteChart      *self);

/* @n values (bars: the whole bar; line: the points), @second (may be NULL; bars: the
 * stacked part of each bar, drawn in a lighter shade from the baseline; line: a second
 * line), and @labels (may be NULL, or @n strings or NULLs) under the x axis; labels are
 * thinned out when the chart is narrow. @max is the top of the y axis, or 0 for the
 * largest value rounded up. */
void         entente_chart_set_data    (EntenteChart      *self,
                                        guint              n,
                                        const double      *values,
                                        const double      *second,
                                        const char *const *labels,
                                        double             max);
guint        entente_chart_get_n_values (EntenteChart     *self);
/* Which label is always shown when they are thinned out: the last (the default) or the
 * first. */
void         entente_chart_set_labels_from_start (EntenteChart *self,
                                                  gboolean      from_start);
/* The labels of the y axis's zero and top (as "0%" and "100%" for percentages), or NULL
 * for the numbers themselves (the default). */
void         entente_chart_set_axis_labels (EntenteChart  *self,
                                            const char    *zero,
                                            const char    *top);
const char  *entente_chart_get_axis_top    (EntenteChart  *self);

G_END_DECLS
