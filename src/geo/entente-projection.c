/* entente-projection.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "entente-projection.h"

#define DEG_TO_RAD (G_PI / 180.0)
#define RAD_TO_DEG (180.0 / G_PI)
#define EDGE_TOLERANCE 1e-12

/* Natural Earth I as published by its authors, in radians. */
static inline double
x_factor (double phi)
{
  double phi2 = phi * phi;
  double phi4 = phi2 * phi2;

  return 0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4));
}

static inline double
y_of_phi (double phi)
{
  double phi2 = phi * phi;
  double phi4 = phi2 * phi2;

  return phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)));
}

/* dy/dphi: positive over the whole range of latitudes, so Newton's method converges. */
static inline double
y_derivative (double phi)
{
  double phi2 = phi * phi;
  double phi4 = phi2 * phi2;

  return 1.007226 + phi2 * (3 * 0.015085 + phi4 * (-7 * 0.044475 + 9 * 0.028874 * phi2
                                                   - 11 * 0.005916 * phi4));
}

void
entente_projection_forward (double  lon,
                            double  lat,
                            double *x,
                            double *y)
{
  double lambda = lon * DEG_TO_RAD;
  double phi = lat * DEG_TO_RAD;

  *x = lambda * x_factor (phi);
  *y = y_of_phi (phi);
}

gboolean
entente_projection_inverse (double  x,
                            double  y,
                            double *lon,
                            double *lat)
{
  double y_max = y_of_phi (G_PI_2);
  double phi;
  double lambda;
  gboolean inside = TRUE;

  if (!isfinite (x) || !isfinite (y))
    {
      *lon = 0;
      *lat = 0;
      return FALSE;
    }

  /* The tolerance lets the map's own edge, rounded, come back inside. */
  if (fabs (y) > y_max + EDGE_TOLERANCE)
    inside = FALSE;
  y = CLAMP (y, -y_max, y_max);

  /* The series is close to y = 1.007 phi, so y itself is a good first guess; it converges
   * to machine precision in a handful of steps, even at the poles. */
  phi = y;
  for (guint i = 0; i < 40; i++)
    {
      double delta = (y_of_phi (phi) - y) / y_derivative (phi);

      phi -= delta;
      phi = CLAMP (phi, -G_PI_2, G_PI_2);
      if (fabs (delta) < 1e-15)
        break;
    }

  lambda = x / x_factor (phi);
  if (fabs (lambda) > G_PI + EDGE_TOLERANCE)
    inside = FALSE;
  lambda = CLAMP (lambda, -G_PI, G_PI);

  *lon = lambda * RAD_TO_DEG;
  *lat = phi * RAD_TO_DEG;

  return inside;
}

void
entente_projection_get_bounds (EntenteBounds *bounds)
{
  double x;
  double y;

  entente_projection_forward (180, 0, &x, &y);
  bounds->min_x = -x;
  bounds->max_x = x;
  entente_projection_forward (0, 90, &x, &y);
  bounds->min_y = -y;
  bounds->max_y = y;
}

void
entente_projection_append_segment (GArray *points,
                                   double  lon0,
                                   double  lat0,
                                   double  lon1,
                                   double  lat1,
                                   double  max_step)
{
  double span = MAX (fabs (lon1 - lon0), fabs (lat1 - lat0));
  guint n_steps = 1;

  /* Parallels, the pole lines among them, are straight in this projection: only a
   * segment that changes latitude needs points in between. */
  if (max_step > 0 && span > max_step && lat0 != lat1)
    n_steps = (guint) ceil (span / max_step);

  for (guint i = 1; i <= n_steps; i++)
    {
      double t = (double) i / n_steps;
      double x;
      double y;
      EntentePoint point;

      if (i == n_steps)
        entente_projection_forward (lon1, lat1, &x, &y);
      else
        entente_projection_forward (lon0 + t * (lon1 - lon0), lat0 + t * (lat1 - lat0), &x, &y);

      point.x = (float) x;
      point.y = (float) y;
      g_array_append_val (points, point);
    }
}

gboolean
entente_bounds_contains (const EntenteBounds *bounds,
                         double               x,
                         double               y)
{
  return x >= bounds->min_x && x <= bounds->max_x && y >= bounds->min_y && y <= bounds->max_y;
}

void
entente_bounds_init_empty (EntenteBounds *bounds)
{
  bounds->min_x = G_MAXDOUBLE;
  bounds->min_y = G_MAXDOUBLE;
  bounds->max_x = -G_MAXDOUBLE;
  bounds->max_y = -G_MAXDOUBLE;
}

void
entente_bounds_add_point (EntenteBounds *bounds,
                          double         x,
                          double         y)
{
  bounds->min_x = MIN (bounds->min_x, x);
  bounds->min_y = MIN (bounds->min_y, y);
  bounds->max_x = MAX (bounds->max_x, x);
  bounds->max_y = MAX (bounds->max_y, y);
}

void
entente_bounds_union (EntenteBounds       *bounds,
                      const EntenteBounds *other)
{
  bounds->min_x = MIN (bounds->min_x, other->min_x);
  bounds->min_y = MIN (bounds->min_y, other->min_y);
  bounds->max_x = MAX (bounds->max_x, other->max_x);
  bounds->max_y = MAX (bounds->max_y, other->max_y);
}
