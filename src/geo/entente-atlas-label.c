/* entente-atlas-label.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "entente-atlas-private.h"

/* Bounds the work of the label search on any one country. */
#define MAX_LABEL_CELLS 4096
/* About 60 m on the ground: far below a pixel at any zoom the map allows. */
#define MIN_LABEL_PRECISION 1e-5

/* Label points: the pole of inaccessibility of the country's largest part, found by
 * a best-first search over square cells (Agafonkin's "polylabel"). */

typedef struct
{
  double x;
  double y;
  double half;
  double distance; /* signed: positive inside */
  double potential; /* the best distance any point of the cell can have */
} Cell;

static double
point_segment_distance2 (double px,
                         double py,
                         double ax,
                         double ay,
                         double bx,
                         double by)
{
  double dx = bx - ax;
  double dy = by - ay;
  double length2 = dx * dx + dy * dy;
  double t = 0;

  if (length2 > 0)
    t = CLAMP (((px - ax) * dx + (py - ay) * dy) / length2, 0.0, 1.0);

  dx = ax + t * dx - px;
  dy = ay + t * dy - py;

  return dx * dx + dy * dy;
}

static double
part_signed_distance (const EntenteAtlasCountry *country,
                      const Part                *part,
                      double                     x,
                      double                     y)
{
  const EntentePolyline *rings = country->rings + (part->first_ring - country->first_ring);
  double min_distance2 = G_MAXDOUBLE;
  gboolean inside = FALSE;

  for (guint r = 0; r < part->n_rings; r++)
    {
      const EntentePoint *p = rings[r].points;

      for (guint i = 0, j = rings[r].n_points - 1; i < rings[r].n_points; j = i++)
        {
          double xi = p[i].x;
          double yi = p[i].y;
          double xj = p[j].x;
          double yj = p[j].y;

          if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
          min_distance2 = MIN (min_distance2, point_segment_distance2 (x, y, xi, yi, xj, yj));
        }
    }

  return (inside ? 1 : -1) * sqrt (min_distance2);
}

static Cell
make_cell (const EntenteAtlasCountry *country,
           const Part                *part,
           double                     x,
           double                     y,
           double                     half)
{
  Cell cell = { x, y, half, 0, 0 };

  cell.distance = part_signed_distance (country, part, x, y);
  cell.potential = cell.distance + half * G_SQRT2;

  return cell;
}

static void
heap_push (GArray *heap,
           Cell    cell)
{
  Cell *cells;
  guint i;

  g_array_append_val (heap, cell);
  cells = (Cell *) (gpointer) heap->data;
  for (i = heap->len - 1; i > 0 && cells[(i - 1) / 2].potential < cell.potential; i = (i - 1) / 2)
    cells[i] = cells[(i - 1) / 2];
  cells[i] = cell;
}

static Cell
heap_pop (GArray *heap)
{
  Cell *cells = (Cell *) (gpointer) heap->data;
  Cell top = cells[0];
  Cell last = cells[heap->len - 1];
  guint n = heap->len - 1;
  guint i = 0;

  g_array_set_size (heap, n);
  if (n == 0)
    return top;

  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n && cells[child + 1].potential > cells[child].potential)
        child++;
      if (cells[child].potential <= last.potential)
        break;
      cells[i] = cells[child];
      i = child;
    }
  cells[i] = last;

  return top;
}

static void
ring_centroid (const EntentePolyline *ring,
               double                *x,
               double                *y)
{
  const EntentePoint *p = ring->points;
  double area = 0;
  double cx = 0;
  double cy = 0;

  for (guint i = 0; i + 1 < ring->n_points; i++)
    {
      double cross = (double) p[i].x * p[i + 1].y - (double) p[i + 1].x * p[i].y;

      area += cross;
      cx += (p[i].x + p[i + 1].x) * cross;
      cy += (p[i].y + p[i + 1].y) * cross;
    }

  if (area == 0)
    {
      *x = p[0].x;
      *y = p[0].y;
      return;
    }

  *x = cx / (3 * area);
  *y = cy / (3 * area);
}

void
_entente_atlas_country_find_label (EntenteAtlasCountry *country)
{
  const Part *part = &country->parts[0];
  const EntentePolyline *exterior;
  g_autoptr(GArray) heap = g_array_new (FALSE, FALSE, sizeof (Cell));
  double width;
  double height;
  double size;
  double precision;
  double x;
  double y;
  Cell best;
  guint n_cells = 0;

  for (guint i = 1; i < country->n_parts; i++)
    if (country->parts[i].area > part->area)
      part = &country->parts[i];
  exterior = &country->rings[part->first_ring - country->first_ring];

  width = exterior->bounds.max_x - exterior->bounds.min_x;
  height = exterior->bounds.max_y - exterior->bounds.min_y;
  /* Square cells as large as the part is narrow, but not so many of them. */
  size = MAX (MIN (width, height), MAX (width, height) / 64);
  /* A hundredth of the part, and never below what float coordinates can tell apart. */
  precision = MAX (MAX (width, height) / 100, MIN_LABEL_PRECISION);

  ring_centroid (exterior, &x, &y);
  best = make_cell (country, part, x, y, 0);

  if (size > 0)
    {
      for (double cx = exterior->bounds.min_x; cx < exterior->bounds.max_x; cx += size)
        for (double cy = exterior->bounds.min_y; cy < exterior->bounds.max_y; cy += size)
          heap_push (heap, make_cell (country, part, cx + size / 2, cy + size / 2, size / 2));
    }

  while (heap->len > 0 && n_cells < MAX_LABEL_CELLS)
    {
      Cell cell = heap_pop (heap);
      double half = cell.half / 2;

      if (cell.distance > best.distance)
        best = cell;
      if (cell.potential - best.distance <= precision)
        continue;

      heap_push (heap, make_cell (country, part, cell.x - half, cell.y - half, half));
      heap_push (heap, make_cell (country, part, cell.x + half, cell.y - half, half));
      heap_push (heap, make_cell (country, part, cell.x - half, cell.y + half, half));
      heap_push (heap, make_cell (country, part, cell.x + half, cell.y + half, half));
      n_cells += 4;
    }

  country->label_x = best.x;
  country->label_y = best.y;

  /* A sliver thinner than float precision: any point of its outline will do. */
  if (best.distance <= 0)
    {
      country->label_x = exterior->points[0].x;
      country->label_y = exterior->points[0].y;
    }

  country->has_label = TRUE;
}
