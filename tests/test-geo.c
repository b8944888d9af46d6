/* test-geo.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "entente-atlas.h"
#include "entente-projection.h"

/* Pixels per projected unit of a 1200-pixel-wide world map. */
#define WORLD_MAP_SCALE (1200 / 5.47)

static char *
map_data_path (void)
{
  return g_build_filename (g_getenv ("ENTENTE_SOURCE_DIR"), "data", "map", "countries-50m.json",
                           NULL);
}

static EntenteAtlas *
load_atlas (void)
{
  g_autoptr(EntenteAtlas) atlas = entente_atlas_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (entente_atlas_load (atlas, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&atlas);
}

static const EntenteAtlasCountry *
lookup (EntenteAtlas *atlas,
        const char   *code)
{
  const EntenteAtlasCountry *country = entente_atlas_lookup (atlas, code);

  g_assert_nonnull (country);
  g_assert_cmpstr (entente_atlas_country_get_code (country), ==, code);

  return country;
}

static const EntenteAtlasCountry *
hit_test_geo (EntenteAtlas *atlas,
              double        lon,
              double        lat)
{
  double x;
  double y;

  entente_projection_forward (lon, lat, &x, &y);

  return entente_atlas_hit_test (atlas, x, y);
}

static void
test_decode (void)
{
  g_autofree char *path = map_data_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteAtlas) atlas = NULL;
  JsonObject *countries;
  guint n_features;
  guint n_without_code = 0;
  guint n_rings = 0;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  countries = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "objects"),
    "countries");
  n_features = json_array_get_length (json_object_get_array_member (countries, "geometries"));
  g_assert_cmpuint (n_features, >, 200);

  atlas = load_atlas ();
  g_assert_true (entente_atlas_is_loaded (atlas));
  g_assert_cmpuint (entente_atlas_get_n_countries (atlas), ==, n_features);

  for (guint i = 0; i < entente_atlas_get_n_countries (atlas); i++)
    {
      const EntenteAtlasCountry *country = entente_atlas_get_country (atlas, i);
      EntenteBounds bounds;

      g_assert_nonnull (entente_atlas_country_get_name (country));
      g_assert_cmpstr (entente_atlas_country_get_name (country), !=, "");
      if (entente_atlas_country_get_code (country) == NULL)
        {
          n_without_code++;
          g_assert_cmpint (entente_atlas_country_get_numeric (country), ==, 0);
          g_assert_cmpstr (entente_atlas_country_get_display_name (country), ==,
                           entente_atlas_country_get_name (country));
        }

      g_assert_cmpuint (entente_atlas_country_get_n_rings (country), >, 0);
      g_assert_cmpfloat (entente_atlas_country_get_area (country), >, 0);
      entente_atlas_country_get_bounds (country, &bounds);

      for (guint r = 0; r < entente_atlas_country_get_n_rings (country); r++)
        {
          const EntentePolyline *ring = entente_atlas_country_get_ring (country, r);
          const EntentePoint *p = ring->points;

          g_assert_cmpuint (ring->n_points, >=, 4);
          g_assert_cmpfloat (p[0].x, ==, p[ring->n_points - 1].x);
          g_assert_cmpfloat (p[0].y, ==, p[ring->n_points - 1].y);
          g_assert_cmpfloat (ring->bounds.min_x, >=, bounds.min_x);
          g_assert_cmpfloat (ring->bounds.max_y, <=, bounds.max_y);
          n_rings++;
        }
    }

  /* N. Cyprus, Kosovo, Somaliland and a few more have no code, but are there to draw. */
  g_assert_cmpuint (n_without_code, >=, 3);
  g_assert_cmpuint (n_rings, >, 1000);
}

static void
test_decode_from_file (void)
{
  g_autofree char *path = map_data_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EntenteAtlas) from_file = entente_atlas_new_for_file (file);
  g_autoptr(EntenteAtlas) from_resource = load_atlas ();
  g_autoptr(GError) error = NULL;
  const EntenteAtlasCountry *a;
  const EntenteAtlasCountry *b;

  g_assert_false (entente_atlas_is_loaded (from_file));
  g_assert_true (entente_atlas_load (from_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (entente_atlas_get_n_countries (from_file), ==,
                    entente_atlas_get_n_countries (from_resource));

  a = lookup (from_file, "IN");
  b = lookup (from_resource, "IN");
  g_assert_cmpuint (entente_atlas_country_get_n_rings (a), ==, entente_atlas_country_get_n_rings (b));
  g_assert_cmpfloat (entente_atlas_country_get_area (a), ==, entente_atlas_country_get_area (b));
}

static void
test_decode_lazily (void)
{
  g_autoptr(EntenteAtlas) atlas = entente_atlas_new ();

  g_assert_false (entente_atlas_is_loaded (atlas));
  /* The graticule and the outline need no shapes. */
  g_assert_nonnull (entente_atlas_get_outline (atlas));
  g_assert_false (entente_atlas_is_loaded (atlas));

  g_assert_nonnull (entente_atlas_lookup (atlas, "KZ"));
  g_assert_true (entente_atlas_is_loaded (atlas));
}

static void
test_decode_errors (void)
{
  const char *broken[] = {
    "",
    "[]",
    "{\"type\": \"FeatureCollection\"}",
    "{\"type\": \"Topology\", \"arcs\": [], \"objects\": {}}",
    "{\"type\": \"Topology\", \"arcs\": [[[0, 0], [1, 1]]], \"objects\": {\"countries\": "
    "{\"type\": \"GeometryCollection\", \"geometries\": [{\"type\": \"Polygon\", \"arcs\": [[7]]}]}}}",
    "{\"type\": \"Topology\", \"arcs\": [[[0, 0], [400, 1]]], \"objects\": {\"countries\": "
    "{\"type\": \"GeometryCollection\", \"geometries\": []}}}",
    "{\"type\": \"Topology\", \"arcs\": [[[0, 0], [1, x]]], \"objects\": {\"countries\": "
    "{\"type\": \"GeometryCollection\", \"geometries\": []}}}",
    "{\"type\": \"Topology\", \"arcs\": [[[0, 0]]], \"objects\": {\"countries\": "
    "{\"type\": \"GeometryCollection\", \"geometries\": []}}}",
    "{\"type\": \"Topology\", \"arcs\": [[[0, 0], [1, 1]]], \"objects\": {\"countries\": "
    "{\"type\": \"GeometryCollection\", \"geometries\": []}}} trailing",
    "{\"type\": \"Topology\", \"arcs\": [[[0, 0], [1, 1]], \"objects\": {}}",
    "{\"type\": \"Topology\", \"transform\": {\"scale\": [1]}, \"arcs\": [], \"objects\": {}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (broken[i], strlen (broken[i]));
      g_autoptr(EntenteAtlas) atlas = entente_atlas_new_for_bytes (bytes);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) again = NULL;

      g_test_message ("%s", broken[i]);
      g_assert_false (entente_atlas_load (atlas, &error));
      g_assert_error (error, ENTENTE_ATLAS_ERROR, ENTENTE_ATLAS_ERROR_INVALID);
      g_assert_false (entente_atlas_load (atlas, &again));
      g_assert_error (again, ENTENTE_ATLAS_ERROR, ENTENTE_ATLAS_ERROR_INVALID);
      g_assert_false (entente_atlas_is_loaded (atlas));
      g_assert_cmpuint (entente_atlas_get_n_countries (atlas), ==, 0);
      g_assert_null (entente_atlas_hit_test (atlas, 0, 0));
    }
}

static void
test_decode_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/countries-50m.json");
  g_autoptr(EntenteAtlas) atlas = entente_atlas_new_for_file (file);
  g_autoptr(GError) error = NULL;

  g_assert_false (entente_atlas_load (atlas, &error));
  g_assert_error (error, ENTENTE_ATLAS_ERROR, ENTENTE_ATLAS_ERROR_IO);
}

/* A small hand-made topology: a square with a square hole, from quantised, delta-encoded
 * arcs, one of them used backwards. */
static double
box_area (double west,
          double south,
          double east,
          double north)
{
  double area = 0;
  guint n = 1000;

  for (guint i = 0; i < n; i++)
    {
      double lat0 = south + (north - south) * i / n;
      double lat1 = south + (north - south) * (i + 1) / n;
      double x0, x1, y0, y1, unused;

      entente_projection_forward (west, (lat0 + lat1) / 2, &x0, &unused);
      entente_projection_forward (east, (lat0 + lat1) / 2, &x1, &unused);
      entente_projection_forward (west, lat0, &unused, &y0);
      entente_projection_forward (west, lat1, &unused, &y1);
      area += (x1 - x0) * (y1 - y0);
    }

  return area;
}

static void
test_decode_topology (void)
{
  const char *json =
    "{\"type\": \"Topology\", \"transform\": {\"scale\": [0.5, 0.25], \"translate\": [10, 20]},"
    " \"arcs\": [[[0, 0], [20, 0], [0, 40]], [[0, 0], [0, 40], [20, 0]],"
    "            [[4, 8], [0, 24], [12, 0], [0, -24], [-12, 0]]],"
    " \"objects\": {\"countries\": {\"type\": \"GeometryCollection\", \"geometries\": ["
    "   {\"type\": \"Polygon\", \"id\": \"356\", \"properties\": {\"name\": \"Square\"},"
    "    \"arcs\": [[0, -2], [2]]},"
    "   {\"type\": \"MultiPolygon\", \"properties\": {\"name\": \"Nowhere\"}, \"arcs\": []}]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(EntenteAtlas) atlas = entente_atlas_new_for_bytes (bytes);
  g_autoptr(GError) error = NULL;
  const EntenteAtlasCountry *square;
  EntenteBounds geo;

  g_assert_true (entente_atlas_load (atlas, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (entente_atlas_get_n_countries (atlas), ==, 2);

  square = entente_atlas_get_country (atlas, 0);
  g_assert_true (square == entente_atlas_lookup (atlas, "IN"));
  g_assert_cmpint (entente_atlas_country_get_numeric (square), ==, 356);
  g_assert_cmpstr (entente_atlas_country_get_name (square), ==, "Square");
  g_assert_cmpuint (entente_atlas_country_get_n_rings (square), ==, 2);

  /* The arcs decode to the square from (10, 20) to (20, 30) and the hole from (12, 22)
   * to (18, 28). */
  entente_atlas_country_get_geo_bounds (square, &geo);
  g_assert_cmpfloat_with_epsilon (geo.min_x, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (geo.min_y, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (geo.max_x, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (geo.max_y, 30, 1e-9);

  /* The even-odd rule: the hole is not the country. */
  g_assert_true (hit_test_geo (atlas, 11, 21) == square);
  g_assert_null (hit_test_geo (atlas, 15, 25));
  g_assert_null (hit_test_geo (atlas, 25, 25));

  /* The area, integrated strip by strip: parallels are straight, so each strip is a
   * trapezoid whose width is known exactly at its middle. */
  g_assert_cmpfloat_with_epsilon (entente_atlas_country_get_area (square),
                                  box_area (10, 20, 20, 30) - box_area (12, 22, 18, 28), 1e-5);

  /* A feature without shapes is kept, with nothing to draw or hit. */
  g_assert_null (entente_atlas_country_get_code (entente_atlas_get_country (atlas, 1)));
  g_assert_cmpuint (entente_atlas_country_get_n_rings (entente_atlas_get_country (atlas, 1)), ==, 0);
}

/* Without a transform, positions are plain longitudes and latitudes. */
static void
test_decode_unquantized (void)
{
  const char *json =
    "{\"arcs\": [[[10.5, 2e1], [2.05e1, 20], [20.5, 30.0, 7], [1.05E1, 30], [10.5, 20]]],"
    " \"objects\": {\"countries\": {\"type\": \"GeometryCollection\", \"geometries\": ["
    "   {\"type\": \"Polygon\", \"id\": 398, \"arcs\": [[0]]}]}},"
    " \"type\": \"Topology\", \"bbox\": [10.5, 20, 20.5, 30]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(EntenteAtlas) atlas = entente_atlas_new_for_bytes (bytes);
  g_autoptr(GError) error = NULL;
  const EntenteAtlasCountry *country;
  EntenteBounds geo;

  g_assert_true (entente_atlas_load (atlas, &error));
  g_assert_no_error (error);
  country = lookup (atlas, "KZ");
  /* No name in the file: the ISO name. */
  g_assert_cmpstr (entente_atlas_country_get_name (country), ==, "Kazakhstan");
  entente_atlas_country_get_geo_bounds (country, &geo);
  g_assert_cmpfloat (geo.min_x, ==, 10.5);
  g_assert_cmpfloat (geo.max_x, ==, 20.5);
  g_assert_cmpfloat (geo.min_y, ==, 20);
  g_assert_cmpfloat (geo.max_y, ==, 30);
  g_assert_true (hit_test_geo (atlas, 15, 25) == country);
}

static void
test_bounds_kazakhstan (void)
{
  g_autoptr(EntenteAtlas) atlas = load_atlas ();
  const EntenteAtlasCountry *kz = lookup (atlas, "KZ");
  EntenteBounds geo;
  EntenteBounds projected;
  double x;
  double y;

  entente_atlas_country_get_geo_bounds (kz, &geo);
  g_assert_cmpfloat_with_epsilon (geo.min_x, 46.5, 0.3);
  g_assert_cmpfloat_with_epsilon (geo.max_x, 87.3, 0.3);
  g_assert_cmpfloat_with_epsilon (geo.min_y, 40.6, 0.3);
  g_assert_cmpfloat_with_epsilon (geo.max_y, 55.4, 0.3);

  entente_atlas_country_get_bounds (kz, &projected);
  entente_projection_forward (87.3, 48, &x, &y);
  g_assert_cmpfloat (projected.max_x, >, x - 0.01);
  g_assert_cmpfloat (projected.max_x, <, x + 0.01);
  entente_projection_forward (60, 55.4, &x, &y);
  g_assert_cmpfloat_with_epsilon (projected.max_y, y, 0.01);

  g_assert_cmpstr (entente_atlas_country_get_name (kz), ==, "Kazakhstan");
  g_assert_cmpint (entente_atlas_country_get_numeric (kz), ==, 398);
}

static void
check_round_trip (double lon,
                  double lat)
{
  double x;
  double y;
  double lon2;
  double lat2;

  entente_projection_forward (lon, lat, &x, &y);
  g_assert_true (entente_projection_inverse (x, y, &lon2, &lat2));
  if (fabs (lat2 - lat) > 1e-6 || fabs (lon2 - lon) > 1e-6)
    g_error ("(%.9f, %.9f) came back as (%.9f, %.9f)", lon, lat, lon2, lat2);
}

static void
test_projection_round_trip (void)
{
  const double edges[] = { -90, -89.999, -89.9, 89.9, 89.999, 90 };
  const double antimeridian[] = { -180, -179.999999, 179.999999, 180 };
  EntenteBounds bounds;
  double x;
  double y;
  double lon;
  double lat;

  for (double lat_grid = -90; lat_grid <= 90; lat_grid += 2.5)
    for (double lon_grid = -180; lon_grid <= 180; lon_grid += 2.5)
      check_round_trip (lon_grid, lat_grid);

  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    for (double lon_grid = -180; lon_grid <= 180; lon_grid += 0.7)
      check_round_trip (lon_grid, edges[i]);

  for (guint i = 0; i < G_N_ELEMENTS (antimeridian); i++)
    for (double lat_grid = -90; lat_grid <= 90; lat_grid += 0.3)
      check_round_trip (antimeridian[i], lat_grid);

  /* The map's frame, and what lies outside it. */
  entente_projection_get_bounds (&bounds);
  entente_projection_forward (180, 0, &x, &y);
  g_assert_cmpfloat (bounds.max_x, ==, x);
  g_assert_cmpfloat (x, >, 2.7);
  g_assert_cmpfloat (x, <, 2.8);
  entente_projection_forward (0, 90, &x, &y);
  g_assert_cmpfloat (bounds.max_y, ==, y);
  g_assert_cmpfloat (bounds.min_y, ==, -y);
  g_assert_false (entente_projection_inverse (bounds.max_x + 0.01, 0, &lon, &lat));
  g_assert_cmpfloat (lon, ==, 180);
  g_assert_false (entente_projection_inverse (0, bounds.min_y - 0.01, &lon, &lat));
  g_assert_cmpfloat (lat, ==, -90);
  /* Near the pole line the map is narrower than at the equator. */
  g_assert_false (entente_projection_inverse (bounds.max_x - 0.01, bounds.max_y - 0.01, &lon, &lat));
}

static void
check_hit_at_label (EntenteAtlas *atlas,
                    const char   *code)
{
  const EntenteAtlasCountry *country = lookup (atlas, code);
  const EntenteAtlasCountry *hit;
  EntenteBounds bounds;
  double x;
  double y;

  entente_atlas_country_get_label_point (country, &x, &y);
  entente_atlas_country_get_bounds (country, &bounds);
  g_assert_true (entente_bounds_contains (&bounds, x, y));
  g_assert_true (entente_atlas_country_contains (country, x, y));

  hit = entente_atlas_hit_test (atlas, x, y);
  g_assert_nonnull (hit);
  g_assert_cmpstr (entente_atlas_country_get_code (hit), ==, code);
}

static void
test_hit_test (void)
{
  g_autoptr(EntenteAtlas) atlas = load_atlas ();
  const char *codes[] = { "KZ", "KG", "TJ", "IN", "CN", "RU", "UZ", "PK", "IR", "BY", "MN" };
  double x;
  double y;
  double lon;
  double lat;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    check_hit_at_label (atlas, codes[i]);

  /* Places that we know. */
  g_assert_true (hit_test_geo (atlas, 77.2, 28.6) == lookup (atlas, "IN"));      /* Delhi */
  g_assert_true (hit_test_geo (atlas, 71.4, 51.2) == lookup (atlas, "KZ"));      /* Astana */
  g_assert_true (hit_test_geo (atlas, 74.6, 42.9) == lookup (atlas, "KG"));      /* Bishkek */
  g_assert_true (hit_test_geo (atlas, 68.8, 38.6) == lookup (atlas, "TJ"));      /* Dushanbe */
  /* Lesotho is a hole in South Africa, and a country of its own. */
  g_assert_true (hit_test_geo (atlas, 28.2, -29.6) == lookup (atlas, "LS"));
  g_assert_true (hit_test_geo (atlas, 25.0, -30.0) == lookup (atlas, "ZA"));

  /* The sea, and outside the map. */
  g_assert_null (hit_test_geo (atlas, 65.0, 15.0));                             /* Arabian Sea */
  g_assert_null (hit_test_geo (atlas, -30.0, 0.0));                             /* Atlantic */
  g_assert_null (hit_test_geo (atlas, 50.5, 42.0));                             /* Caspian Sea */
  g_assert_null (entente_atlas_hit_test (atlas, 10, 10));

  /* Hits come back the same way through the inverse projection. */
  entente_atlas_country_get_label_point (lookup (atlas, "KG"), &x, &y);
  g_assert_true (entente_projection_inverse (x, y, &lon, &lat));
  g_assert_true (hit_test_geo (atlas, lon, lat) == lookup (atlas, "KG"));
}

static void
test_antimeridian (void)
{
  g_autoptr(EntenteAtlas) atlas = load_atlas ();
  const EntenteAtlasCountry *ru = lookup (atlas, "RU");
  const EntenteAtlasCountry *fj = lookup (atlas, "FJ");
  const EntenteAtlasCountry *aq = lookup (atlas, "AQ");
  EntenteBounds map;
  EntenteBounds bounds;

  /* Chukotka east of 180°, and west of it. */
  g_assert_true (hit_test_geo (atlas, -175.0, 66.5) == ru);
  g_assert_true (hit_test_geo (atlas, 175.0, 66.5) == ru);
  /* Wrangel Island lies across the antimeridian. */
  g_assert_true (hit_test_geo (atlas, 179.5, 71.2) == ru);
  g_assert_true (hit_test_geo (atlas, -179.5, 71.2) == ru);
  /* The Bering Sea and the Pacific between Fiji's islands and Tonga. */
  g_assert_null (hit_test_geo (atlas, -178.0, 60.0));
  g_assert_null (hit_test_geo (atlas, -177.0, -17.5));
  /* Vanua Levu, cut at 180° in the data already, and Taveuni, which lies across it. */
  g_assert_true (hit_test_geo (atlas, 179.3, -16.6) == fj);
  g_assert_true (hit_test_geo (atlas, -179.9, -16.8) == fj);
  g_assert_true (hit_test_geo (atlas, -179.95, -16.48) == fj);
  g_assert_true (hit_test_geo (atlas, 179.993, -16.53) == fj);
  /* Antarctica reaches the pole line. */
  g_assert_true (hit_test_geo (atlas, 0.0, -89.5) == aq);
  g_assert_true (hit_test_geo (atlas, 179.0, -87.0) == aq);

  entente_atlas_country_get_bounds (ru, &bounds);
  entente_projection_get_bounds (&map);
  g_assert_cmpfloat (bounds.max_x, >, map.max_x * 0.99 * cos (G_PI / 3));
  g_assert_cmpfloat (bounds.min_x, <, 0);

  /* No segment of any ring runs across the map: a ring left uncut at the antimeridian
   * would draw a band from one side of the map to the other. */
  for (guint i = 0; i < entente_atlas_get_n_countries (atlas); i++)
    {
      const EntenteAtlasCountry *country = entente_atlas_get_country (atlas, i);

      for (guint r = 0; r < entente_atlas_country_get_n_rings (country); r++)
        {
          const EntentePolyline *ring = entente_atlas_country_get_ring (country, r);

          for (guint j = 1; j < ring->n_points; j++)
            {
              const EntentePoint *a = &ring->points[j - 1];
              const EntentePoint *b = &ring->points[j];

              /* Antarctica runs along the pole line, the bottom edge of the map. */
              if (a->y == b->y && fabs (a->y - map.min_y) < 1e-6)
                continue;
              if (fabs (b->x - a->x) > 0.5)
                g_error ("%s: a segment from x = %g to %g", entente_atlas_country_get_name (country),
                         a->x, b->x);
            }
        }
    }
}

static void
test_markers (void)
{
  g_autoptr(EntenteAtlas) atlas = load_atlas ();
  const char *codes[] = { "BH", "MV", "KZ", NULL };
  const char *only_india[] = { "IN", NULL };
  const EntenteAtlasCountry *bh = lookup (atlas, "BH");
  const EntenteAtlasCountry *mv = lookup (atlas, "MV");
  double radius = 8 / WORLD_MAP_SCALE;
  double x;
  double y;

  g_assert_true (entente_atlas_country_is_small (bh, WORLD_MAP_SCALE));
  g_assert_true (entente_atlas_country_is_small (mv, WORLD_MAP_SCALE));
  g_assert_false (entente_atlas_country_is_small (lookup (atlas, "KZ"), WORLD_MAP_SCALE));
  g_assert_false (entente_atlas_country_is_small (lookup (atlas, "KG"), WORLD_MAP_SCALE));
  /* Zoomed far enough in, nothing is small. */
  g_assert_false (entente_atlas_country_is_small (bh, 1000 * WORLD_MAP_SCALE));

  entente_atlas_country_get_label_point (bh, &x, &y);
  g_assert_true (entente_atlas_country_contains (bh, x, y));
  g_assert_true (entente_atlas_hit_test_markers (atlas, x, y, radius, codes) == bh);
  g_assert_true (entente_atlas_hit_test_markers (atlas, x + radius / 2, y - radius / 2, radius, codes) == bh);
  g_assert_true (entente_atlas_hit_test_markers (atlas, x, y, radius, NULL) == bh);
  g_assert_null (entente_atlas_hit_test_markers (atlas, x + 2 * radius, y, radius, codes));
  g_assert_null (entente_atlas_hit_test_markers (atlas, x, y, radius, only_india));

  entente_atlas_country_get_label_point (mv, &x, &y);
  g_assert_true (entente_atlas_country_contains (mv, x, y));
  g_assert_true (entente_atlas_hit_test_markers (atlas, x, y, radius, codes) == mv);
  g_assert_true (entente_atlas_hit_test_markers (atlas, x - radius / 2, y, radius, codes) == mv);

  /* The open sea far from any marker. */
  entente_projection_forward (-30, 0, &x, &y);
  g_assert_null (entente_atlas_hit_test_markers (atlas, x, y, radius, codes));
  g_assert_null (entente_atlas_hit_test_markers (atlas, x, y, radius, NULL));
}

static void
test_codes (void)
{
  g_autoptr(EntenteAtlas) atlas = load_atlas ();
  const EntenteAtlasCountry *au = lookup (atlas, "AU");
  gboolean found_kosovo = FALSE;

  /* Australia, not the Ashmore and Cartier Islands that share its code. */
  g_assert_cmpstr (entente_atlas_country_get_name (au), ==, "Australia");
  g_assert_cmpstr (entente_atlas_country_get_name (lookup (atlas, "IN")), ==, "India");
  g_assert_cmpstr (entente_atlas_country_get_display_name (lookup (atlas, "IN")), ==, "India");
  g_assert_null (entente_atlas_lookup (atlas, "XX"));
  g_assert_null (entente_atlas_lookup (atlas, NULL));

  for (guint i = 0; i < entente_atlas_get_n_countries (atlas); i++)
    {
      const EntenteAtlasCountry *country = entente_atlas_get_country (atlas, i);

      if (g_str_equal (entente_atlas_country_get_name (country), "Kosovo"))
        {
          double x;
          double y;

          found_kosovo = TRUE;
          g_assert_null (entente_atlas_country_get_code (country));
          entente_atlas_country_get_label_point (country, &x, &y);
          g_assert_true (entente_atlas_hit_test (atlas, x, y) == country);
        }
    }
  g_assert_true (found_kosovo);
}

static void
test_graticule (void)
{
  g_autoptr(EntenteAtlas) atlas = entente_atlas_new ();
  const EntentePolyline *lines;
  const EntentePolyline *outline;
  EntenteBounds map;
  guint n_lines = 0;
  double x;
  double y;

  lines = entente_atlas_get_graticule (atlas, &n_lines);
  /* 11 meridians (-150° to 150°) and 5 parallels (-60° to 60°). */
  g_assert_cmpuint (n_lines, ==, 360 / ENTENTE_ATLAS_GRATICULE_STEP - 1 + 180 / ENTENTE_ATLAS_GRATICULE_STEP - 1);
  entente_projection_forward (-150, -90, &x, &y);
  g_assert_cmpfloat_with_epsilon (lines[0].points[0].x, x, 1e-6);
  g_assert_cmpfloat_with_epsilon (lines[0].points[0].y, y, 1e-6);
  /* Meridians are curved: many points. */
  g_assert_cmpuint (lines[0].n_points, >=, 90);

  entente_projection_get_bounds (&map);
  outline = entente_atlas_get_outline (atlas);
  g_assert_cmpfloat (outline->points[0].x, ==, outline->points[outline->n_points - 1].x);
  g_assert_cmpfloat (outline->points[0].y, ==, outline->points[outline->n_points - 1].y);
  g_assert_cmpfloat_with_epsilon (outline->bounds.max_x, map.max_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (outline->bounds.min_y, map.min_y, 1e-6);
  g_assert_false (entente_atlas_is_loaded (atlas));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/entente/geo/decode", test_decode);
  g_test_add_func ("/entente/geo/decode-from-file", test_decode_from_file);
  g_test_add_func ("/entente/geo/decode-lazily", test_decode_lazily);
  g_test_add_func ("/entente/geo/decode-errors", test_decode_errors);
  g_test_add_func ("/entente/geo/decode-missing-file", test_decode_missing_file);
  g_test_add_func ("/entente/geo/decode-topology", test_decode_topology);
  g_test_add_func ("/entente/geo/decode-unquantized", test_decode_unquantized);
  g_test_add_func ("/entente/geo/bounds-kazakhstan", test_bounds_kazakhstan);
  g_test_add_func ("/entente/geo/projection-round-trip", test_projection_round_trip);
  g_test_add_func ("/entente/geo/hit-test", test_hit_test);
  g_test_add_func ("/entente/geo/antimeridian", test_antimeridian);
  g_test_add_func ("/entente/geo/markers", test_markers);
  g_test_add_func ("/entente/geo/codes", test_codes);
  g_test_add_func ("/entente/geo/graticule", test_graticule);

  return g_test_run ();
}
