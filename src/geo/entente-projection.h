/* entente-projection.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The map's projection is Natural Earth I (Šavrič, Jenny, Patterson and Jenny, 2011): a
 * pseudocylindrical compromise that keeps Eurasia recognisable and whose parallels are
 * straight lines. Projected coordinates are those of the unit sphere, x to the east and
 * y to the NORTH (flip y to draw on screen): the map spans about ±2.735 in x and ±1.422
 * in y, centred on (0°, 0°). Longitudes and latitudes are in degrees. */

typedef struct
{
  float x;
  float y;
} EntentePoint;

typedef struct
{
  double min_x;
  double min_y;
  double max_x;
  double max_y;
} EntenteBounds;

/* Projected points. A closed polyline (a ring, the outline) repeats its first point at
 * the end. Owned by whoever returned it. */
typedef struct
{
  const EntentePoint *points;
  guint               n_points;
  EntenteBounds       bounds;
} EntentePolyline;

void     entente_projection_forward          (double         lon,
                                              double         lat,
                                              double        *x,
                                              double        *y);
/* FALSE, with the nearest longitude and latitude clamped into range, when (@x, @y)
 * lies outside the map's outline. */
gboolean entente_projection_inverse          (double         x,
                                              double         y,
                                              double        *lon,
                                              double        *lat);
void     entente_projection_get_bounds       (EntenteBounds *bounds);

/* Appends the projection of the segment from (@lon0, @lat0) to (@lon1, @lat1), without
 * its first point, to @points (of EntentePoint): straight in longitude and latitude,
 * in steps of at most @max_step degrees so that meridians come out curved. */
void     entente_projection_append_segment   (GArray        *points,
                                              double         lon0,
                                              double         lat0,
                                              double         lon1,
                                              double         lat1,
                                              double         max_step);

gboolean entente_bounds_contains             (const EntenteBounds *bounds,
                                              double               x,
                                              double               y);
void     entente_bounds_init_empty           (EntenteBounds       *bounds);
void     entente_bounds_add_point            (EntenteBounds       *bounds,
                                              double               x,
                                              double               y);
void     entente_bounds_union                (EntenteBounds       *bounds,
                                              const EntenteBounds *other);

G_END_DECLS
