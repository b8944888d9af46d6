/* entente-atlas.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "entente-atlas-private.h"
#include "entente-iso3166.h"

#define ATLAS_RESOURCE RESOURCE_PREFIX "/map/countries-50m.json"

G_DEFINE_FINAL_TYPE (EntenteAtlas, entente_atlas, G_TYPE_OBJECT)

G_DEFINE_QUARK (entente-atlas-error-quark, entente_atlas_error)

static void
entente_atlas_finalize (GObject *object)
{
  EntenteAtlas *self = (EntenteAtlas *) object;

  g_clear_pointer (&self->resource_path, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->ring_starts, g_array_unref);
  g_clear_pointer (&self->rings, g_array_unref);
  g_clear_pointer (&self->parts, g_array_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  if (self->countries != NULL)
    {
      for (guint i = 0; i < self->countries->len; i++)
        g_free (g_array_index (self->countries, EntenteAtlasCountry, i).name);
      g_clear_pointer (&self->countries, g_array_unref);
    }
  g_clear_pointer (&self->graticule_points, g_array_unref);
  g_clear_pointer (&self->graticule_lines, g_array_unref);
  g_clear_pointer (&self->outline_points, g_array_unref);

  G_OBJECT_CLASS (entente_atlas_parent_class)->finalize (object);
}

static void
entente_atlas_class_init (EntenteAtlasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_atlas_finalize;
}

static void
entente_atlas_init (EntenteAtlas *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (EntentePoint));
  self->ring_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rings = g_array_new (FALSE, TRUE, sizeof (EntentePolyline));
  self->parts = g_array_new (FALSE, TRUE, sizeof (Part));
  self->countries = g_array_new (FALSE, TRUE, sizeof (EntenteAtlasCountry));
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  entente_bounds_init_empty (&self->bounds);
}

EntenteAtlas *
entente_atlas_new (void)
{
  return entente_atlas_new_for_resource (ATLAS_RESOURCE);
}

EntenteAtlas *
entente_atlas_new_for_resource (const char *resource_path)
{
  EntenteAtlas *self;

  g_return_val_if_fail (resource_path != NULL, NULL);

  self = g_object_new (ENTENTE_TYPE_ATLAS, NULL);
  self->resource_path = g_strdup (resource_path);

  return self;
}

EntenteAtlas *
entente_atlas_new_for_file (GFile *file)
{
  EntenteAtlas *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (ENTENTE_TYPE_ATLAS, NULL);
  self->file = g_object_ref (file);

  return self;
}

EntenteAtlas *
entente_atlas_new_for_bytes (GBytes *bytes)
{
  EntenteAtlas *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (ENTENTE_TYPE_ATLAS, NULL);
  self->bytes = g_bytes_ref (bytes);

  return self;
}
static void
clear_shapes (EntenteAtlas *self)
{
  for (guint i = 0; i < self->countries->len; i++)
    g_free (g_array_index (self->countries, EntenteAtlasCountry, i).name);
  g_array_set_size (self->countries, 0);
  g_array_set_size (self->points, 0);
  g_array_set_size (self->ring_starts, 0);
  g_array_set_size (self->rings, 0);
  g_array_set_size (self->parts, 0);
  g_hash_table_remove_all (self->by_code);
  entente_bounds_init_empty (&self->bounds);
}

gboolean
entente_atlas_load (EntenteAtlas  *self,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ENTENTE_IS_ATLAS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->tried)
    {
      if (self->load_error != NULL)
        {
          g_propagate_error (error, g_error_copy (self->load_error));
          return FALSE;
        }
      return TRUE;
    }
  self->tried = TRUE;

  if (self->bytes != NULL)
    {
      bytes = g_bytes_ref (self->bytes);
    }
  else if (self->file != NULL)
    {
      g_autoptr(GError) io_error = NULL;

      bytes = g_file_load_bytes (self->file, NULL, NULL, &io_error);
      if (bytes == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (self->file);

          g_set_error (&local_error, ENTENTE_ATLAS_ERROR, ENTENTE_ATLAS_ERROR_IO,
                       /* Translators: an error shown when the world map cannot be drawn;
                          the first %s is the file or resource the map data was read from, the
                          second the system's reason */
                       _("Could not read the map data from “%s”: %s"), name, io_error->message);
        }
    }
  else
    {
      g_autoptr(GError) io_error = NULL;

      bytes = g_resources_lookup_data (self->resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                       &io_error);
      if (bytes == NULL)
        g_set_error (&local_error, ENTENTE_ATLAS_ERROR, ENTENTE_ATLAS_ERROR_IO,
                     /* Translators: an error shown when the world map cannot be drawn; the
                        first %s is the file or resource the map data was read from, the second
                        the system's reason */
                     _("Could not read the map data from “%s”: %s"), self->resource_path,
                     io_error->message);
    }

  if (bytes != NULL && !_entente_atlas_decode (self, bytes, &local_error))
    clear_shapes (self);

  if (local_error != NULL)
    {
      self->load_error = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
entente_atlas_is_loaded (EntenteAtlas *self)
{
  g_return_val_if_fail (ENTENTE_IS_ATLAS (self), FALSE);

  return self->tried && self->load_error == NULL;
}

static void
ensure_loaded (EntenteAtlas *self)
{
  g_autoptr(GError) error = NULL;

  if (self->tried)
    return;

  if (!entente_atlas_load (self, &error))
    g_warning ("%s", error->message);
}

guint
entente_atlas_get_n_countries (EntenteAtlas *self)
{
  g_return_val_if_fail (ENTENTE_IS_ATLAS (self), 0);

  ensure_loaded (self);

  return self->countries->len;
}

const EntenteAtlasCountry *
entente_atlas_get_country (EntenteAtlas *self,
                           guint         position)
{
  g_return_val_if_fail (ENTENTE_IS_ATLAS (self), NULL);

  ensure_loaded (self);

  if (position >= self->countries->len)
    return NULL;

  return &g_array_index (self->countries, EntenteAtlasCountry, position);
}

const EntenteAtlasCountry *
entente_atlas_lookup (EntenteAtlas *self,
                      const char   *code)
{
  g_return_val_if_fail (ENTENTE_IS_ATLAS (self), NULL);

  if (code == NULL)
    return NULL;

  ensure_loaded (self);

  return g_hash_table_lookup (self->by_code, code);
}

void
entente_atlas_get_bounds (EntenteAtlas  *self,
                          EntenteBounds *bounds)
{
  g_return_if_fail (ENTENTE_IS_ATLAS (self));
  g_return_if_fail (bounds != NULL);

  ensure_loaded (self);

  *bounds = self->bounds;
}

/* Hit testing */

/* The even-odd rule over @n_rings rings. A ring whose bounds leave the point out adds an
 * even number of crossings, so it can be skipped. */
static gboolean
rings_contain (const EntentePolyline *rings,
               guint                  n_rings,
               double                 x,
               double                 y)
{
  gboolean inside = FALSE;

  for (guint r = 0; r < n_rings; r++)
    {
      const EntentePolyline *ring = &rings[r];
      const EntentePoint *p = ring->points;

      if (!entente_bounds_contains (&ring->bounds, x, y))
        continue;

      for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
        {
          double xi = p[i].x;
          double yi = p[i].y;
          double xj = p[j].x;
          double yj = p[j].y;

          if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
        }
    }

  return inside;
}

gboolean
entente_atlas_country_contains (const EntenteAtlasCountry *country,
                                double                     x,
                                double                     y)
{
  g_return_val_if_fail (country != NULL, FALSE);

  if (!entente_bounds_contains (&country->bounds, x, y))
    return FALSE;

  return rings_contain (country->rings, country->n_rings, x, y);
}

const EntenteAtlasCountry *
entente_atlas_hit_test (EntenteAtlas *self,
                        double        x,
                        double        y)
{
  g_return_val_if_fail (ENTENTE_IS_ATLAS (self), NULL);

  ensure_loaded (self);

  if (!entente_bounds_contains (&self->bounds, x, y))
    return NULL;

  for (guint i = 0; i < self->countries->len; i++)
    {
      const EntenteAtlasCountry *country = &g_array_index (self->countries, EntenteAtlasCountry, i);

      if (entente_atlas_country_contains (country, x, y))
        return country;
    }

  return NULL;
}

static gboolean
marker_is_nearer (const EntenteAtlasCountry  *country,
                  double                      x,
                  double                      y,
                  double                     *best_distance2)
{
  double label_x;
  double label_y;
  double distance2;

  if (country == NULL || country->n_rings == 0)
    return FALSE;

  entente_atlas_country_get_label_point (country, &label_x, &label_y);
  distance2 = (label_x - x) * (label_x - x) + (label_y - y) * (label_y - y);
  if (distance2 > *best_distance2)
    return FALSE;

  *best_distance2 = distance2;
  return TRUE;
}

const EntenteAtlasCountry *
entente_atlas_hit_test_markers (EntenteAtlas       *self,
                                double              x,
                                double              y,
                                double              radius,
                                const char * const *codes)
{
  const EntenteAtlasCountry *best = NULL;
  double best_distance2 = radius * radius;

  g_return_val_if_fail (ENTENTE_IS_ATLAS (self), NULL);

  if (radius < 0)
    return NULL;

  ensure_loaded (self);

  if (codes == NULL)
    {
      for (guint i = 0; i < self->countries->len; i++)
        {
          const EntenteAtlasCountry *country = &g_array_index (self->countries,
                                                               EntenteAtlasCountry, i);

          if (marker_is_nearer (country, x, y, &best_distance2))
            best = country;
        }
    }
  else
    {
      for (guint i = 0; codes[i] != NULL; i++)
        {
          const EntenteAtlasCountry *country = entente_atlas_lookup (self, codes[i]);

          if (marker_is_nearer (country, x, y, &best_distance2))
            best = country;
        }
    }

  return best;
}
void
entente_atlas_country_get_label_point (const EntenteAtlasCountry *country,
                                       double                    *x,
                                       double                    *y)
{
  g_return_if_fail (country != NULL);

  if (country->n_parts == 0)
    {
      *x = 0;
      *y = 0;
      return;
    }

  /* Computed on demand and kept: labels are needed only for some countries. */
  if (!country->has_label)
    _entente_atlas_country_find_label ((EntenteAtlasCountry *) country);

  *x = country->label_x;
  *y = country->label_y;
}

/* Countries */

const char *
entente_atlas_country_get_code (const EntenteAtlasCountry *country)
{
  g_return_val_if_fail (country != NULL, NULL);

  return country->code;
}

int
entente_atlas_country_get_numeric (const EntenteAtlasCountry *country)
{
  g_return_val_if_fail (country != NULL, 0);

  return country->numeric;
}

const char *
entente_atlas_country_get_name (const EntenteAtlasCountry *country)
{
  g_return_val_if_fail (country != NULL, NULL);

  return country->name;
}

const char *
entente_atlas_country_get_display_name (const EntenteAtlasCountry *country)
{
  g_return_val_if_fail (country != NULL, NULL);

  if (country->code != NULL)
    return entente_iso3166_get_localized_name (country->code);

  return country->name;
}

guint
entente_atlas_country_get_n_rings (const EntenteAtlasCountry *country)
{
  g_return_val_if_fail (country != NULL, 0);

  return country->n_rings;
}

const EntentePolyline *
entente_atlas_country_get_ring (const EntenteAtlasCountry *country,
                                guint                      index)
{
  g_return_val_if_fail (country != NULL, NULL);
  g_return_val_if_fail (index < country->n_rings, NULL);

  return &country->rings[index];
}

void
entente_atlas_country_get_bounds (const EntenteAtlasCountry *country,
                                  EntenteBounds             *bounds)
{
  g_return_if_fail (country != NULL);
  g_return_if_fail (bounds != NULL);

  *bounds = country->bounds;
}

void
entente_atlas_country_get_geo_bounds (const EntenteAtlasCountry *country,
                                      EntenteBounds             *bounds)
{
  g_return_if_fail (country != NULL);
  g_return_if_fail (bounds != NULL);

  *bounds = country->geo_bounds;
}

double
entente_atlas_country_get_area (const EntenteAtlasCountry *country)
{
  g_return_val_if_fail (country != NULL, 0);

  return country->area;
}

gboolean
entente_atlas_country_is_small (const EntenteAtlasCountry *country,
                                double                     scale)
{
  g_return_val_if_fail (country != NULL, FALSE);

  return country->area * scale * scale < ENTENTE_ATLAS_SMALL_AREA_PX;
}

/* The graticule and the outline */

static void
append_line (GArray        *points,
             GArray        *lines,
             const double  *vertices,
             guint          n_vertices)
{
  EntentePolyline line = { NULL, 0, { 0, 0, 0, 0 } };
  guint start = points->len;
  double x;
  double y;

  entente_projection_forward (vertices[0], vertices[1], &x, &y);
  g_array_append_val (points, ((EntentePoint) { (float) x, (float) y }));
  for (guint i = 1; i < n_vertices; i++)
    entente_projection_append_segment (points, vertices[2 * i - 2], vertices[2 * i - 1],
                                       vertices[2 * i], vertices[2 * i + 1], MAX_STEP_DEGREES);

  /* The start is stored in place of the pointer until the array stops growing. */
  line.points = GUINT_TO_POINTER (start);
  line.n_points = points->len - start;
  entente_bounds_init_empty (&line.bounds);
  for (guint i = start; i < points->len; i++)
    {
      const EntentePoint *point = &g_array_index (points, EntentePoint, i);

      entente_bounds_add_point (&line.bounds, point->x, point->y);
    }
  g_array_append_val (lines, line);
}

static void
fix_line_points (GArray *points,
                 GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      EntentePolyline *line = &g_array_index (lines, EntentePolyline, i);

      line->points = &g_array_index (points, EntentePoint, GPOINTER_TO_UINT (line->points));
    }
}

const EntentePolyline *
entente_atlas_get_graticule (EntenteAtlas *self,
                             guint        *n_lines)
{
  g_return_val_if_fail (ENTENTE_IS_ATLAS (self), NULL);
  g_return_val_if_fail (n_lines != NULL, NULL);

  if (self->graticule_lines == NULL)
    {
      self->graticule_points = g_array_new (FALSE, FALSE, sizeof (EntentePoint));
      self->graticule_lines = g_array_new (FALSE, FALSE, sizeof (EntentePolyline));

      for (int lon = -180 + ENTENTE_ATLAS_GRATICULE_STEP; lon < 180; lon += ENTENTE_ATLAS_GRATICULE_STEP)
        {
          double meridian[] = { lon, -90, lon, 90 };

          append_line (self->graticule_points, self->graticule_lines, meridian, 2);
        }
      for (int lat = -90 + ENTENTE_ATLAS_GRATICULE_STEP; lat < 90; lat += ENTENTE_ATLAS_GRATICULE_STEP)
        {
          double parallel[] = { -180, lat, 180, lat };

          append_line (self->graticule_points, self->graticule_lines, parallel, 2);
        }

      fix_line_points (self->graticule_points, self->graticule_lines);
    }

  *n_lines = self->graticule_lines->len;

  return (const EntentePolyline *) (gconstpointer) self->graticule_lines->data;
}

const EntentePolyline *
entente_atlas_get_outline (EntenteAtlas *self)
{
  g_return_val_if_fail (ENTENTE_IS_ATLAS (self), NULL);

  if (self->outline_points == NULL)
    {
      const double vertices[] = { -180, -90, -180, 90, 180, 90, 180, -90, -180, -90 };
      g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (EntentePolyline));

      self->outline_points = g_array_new (FALSE, FALSE, sizeof (EntentePoint));
      append_line (self->outline_points, lines, vertices, G_N_ELEMENTS (vertices) / 2);
      fix_line_points (self->outline_points, lines);
      self->outline = g_array_index (lines, EntentePolyline, 0);
    }

  return &self->outline;
}
