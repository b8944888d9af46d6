/* entente-atlas-decode.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "entente-atlas-private.h"
#include "entente-iso3166.h"

/* A ring whose every point is this close to a pole only marks the pole (Antarctica). */
#define POLE_LATITUDE 89.9

typedef struct
{
  double lon;
  double lat;
} GeoPoint;

/* One ring's piece between two copies of the antimeridian, shifted back into
 * [-180, 180]: @strip says which copy it came from. */
typedef struct
{
  int     strip;
  GArray *points; /* GeoPoint, closed */
} Piece;

typedef struct
{
  EntenteAtlas *self;
  GeoPoint     *arcs;
  guint        *arc_starts; /* n_arcs + 1 */
  guint         n_arcs;
  GArray       *ring;       /* GeoPoint: the ring being assembled */
  GArray       *scratch;    /* GeoPoint */
  GArray       *pieces;     /* Piece: of the polygon being decoded */
} Decoder;

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_clear_pointer (&piece->points, g_array_unref);
}

/* Geometry in longitude and latitude */

static double
geo_ring_area (const GArray *ring)
{
  const GeoPoint *p = (const GeoPoint *) (gconstpointer) ring->data;
  double sum = 0;

  for (guint i = 0; i + 1 < ring->len; i++)
    sum += p[i].lon * p[i + 1].lat - p[i + 1].lon * p[i].lat;

  return sum / 2;
}

static void
append_geo_point (GArray *points,
                  double  lon,
                  double  lat)
{
  GeoPoint point = { lon, lat };

  if (points->len > 0)
    {
      const GeoPoint *last = &g_array_index (points, GeoPoint, points->len - 1);

      if (last->lon == lon && last->lat == lat)
        return;
    }

  g_array_append_val (points, point);
}

static void
close_geo_ring (GArray *points)
{
  GeoPoint first;

  if (points->len == 0)
    return;

  first = g_array_index (points, GeoPoint, 0);
  append_geo_point (points, first.lon, first.lat);
}

/* Sutherland–Hodgman against the half-plane lon >= @edge (@keep_east) or lon <= @edge.
 * Where the ring leaves the half-plane and comes back, the result runs along the edge
 * instead: the parts outside are dropped, and for every point inside the half-plane the
 * ring's winding number, hence the even-odd rule, is what it was. */
static void
clip_ring (const GArray *in,
           GArray       *out,
           double        edge,
           gboolean      keep_east)
{
  const GeoPoint *p = (const GeoPoint *) (gconstpointer) in->data;

  g_array_set_size (out, 0);

  for (guint i = 0; i + 1 < in->len; i++)
    {
      const GeoPoint *a = &p[i];
      const GeoPoint *b = &p[i + 1];
      gboolean a_in = keep_east ? a->lon >= edge : a->lon <= edge;
      gboolean b_in = keep_east ? b->lon >= edge : b->lon <= edge;

      if (a_in != b_in)
        {
          double t = (edge - a->lon) / (b->lon - a->lon);

          append_geo_point (out, edge, a->lat + t * (b->lat - a->lat));
        }
      if (b_in)
        append_geo_point (out, b->lon, b->lat);
    }

  close_geo_ring (out);
}

static void
add_piece (Decoder      *decoder,
           const GArray *points,
           int           strip,
           double        shift)
{
  Piece piece;

  if (points->len < 4 || fabs (geo_ring_area (points)) < 1e-12)
    return;

  piece.strip = strip;
  piece.points = g_array_sized_new (FALSE, FALSE, sizeof (GeoPoint), points->len);
  for (guint i = 0; i < points->len; i++)
    {
      GeoPoint point = g_array_index (points, GeoPoint, i);

      point.lon = CLAMP (point.lon + shift, -180.0, 180.0);
      g_array_append_val (piece.points, point);
    }
  g_array_append_val (decoder->pieces, piece);
}

/* Turns decoder->ring, a closed ring on the sphere, into pieces on the plane.
 * TopoJSON from world-atlas 2 is stitched: a ring that crosses the antimeridian (Russia,
 * Fiji) jumps from about +180 to -180 within one segment, and Antarctica's coast runs
 * once around the south pole. So the longitudes are first made continuous, a ring that
 * runs around a pole is closed along that pole's line, and what lies beyond ±180 is cut
 * off and shifted back by 360°. */
static void
cut_ring (Decoder *decoder)
{
  GArray *ring = decoder->ring;
  GeoPoint *p = (GeoPoint *) (gpointer) ring->data;
  guint n = ring->len;
  double offset = 0;
  double min_lon;
  double max_lon;
  double lat_sum = 0;
  gboolean at_pole = TRUE;
  int first_strip;
  int last_strip;
  g_autoptr(GArray) east = NULL;

  if (n < 4)
    return;

  for (guint i = 0; i < n; i++)
    if (fabs (p[i].lat) < POLE_LATITUDE)
      at_pole = FALSE;
  if (at_pole)
    return;

  min_lon = max_lon = p[0].lon;
  lat_sum = p[0].lat;
  for (guint i = 1; i < n; i++)
    {
      double raw = p[i].lon;
      double step = raw - (p[i - 1].lon - offset);

      if (step > 180)
        offset -= 360;
      else if (step < -180)
        offset += 360;
      p[i].lon = raw + offset;
      min_lon = MIN (min_lon, p[i].lon);
      max_lon = MAX (max_lon, p[i].lon);
      lat_sum += p[i].lat;
    }

  if (offset != 0)
    {
      double pole = lat_sum < 0 ? -90.0 : 90.0;
      double first_lon = p[0].lon;
      double first_lat = p[0].lat;
      double last_lon = p[n - 1].lon;

      /* Only once around, as a coast can be: anything else is not a country. */
      if (fabs (offset) != 360)
        return;

      append_geo_point (ring, last_lon, pole);
      append_geo_point (ring, first_lon, pole);
      append_geo_point (ring, first_lon, first_lat);
    }

  if (min_lon >= -180 && max_lon <= 180)
    {
      add_piece (decoder, ring, 0, 0);
      return;
    }

  first_strip = (int) floor ((min_lon + 180) / 360);
  last_strip = (int) ceil ((max_lon - 180) / 360);
  if (first_strip < -2 || last_strip > 2)
    return;

  east = g_array_new (FALSE, FALSE, sizeof (GeoPoint));
  for (int strip = first_strip; strip <= last_strip; strip++)
    {
      clip_ring (ring, east, -180.0 + 360.0 * strip, TRUE);
      clip_ring (east, decoder->scratch, 180.0 + 360.0 * strip, FALSE);
      add_piece (decoder, decoder->scratch, strip, -360.0 * strip);
    }
}

/* Decoding */

static gboolean
set_invalid (GError    **error,
             const char *what)
{
  g_set_error (error, ENTENTE_ATLAS_ERROR, ENTENTE_ATLAS_ERROR_INVALID,
               /* Translators: %s says what is wrong, in English, for a bug report */
               _("The map data is damaged (%s). Reinstall Entente."), what);
  return FALSE;
}

/* The arcs are nine tenths of the file: a scanner of our own reads them ten times faster
 * than a json-glib tree of every number would, and json-glib parses the rest. */

typedef struct
{
  const char *start; /* NULL when absent */
  const char *end;
} Span;

typedef struct
{
  const char *p;
  const char *end;
} Scanner;

static void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean
accept (Scanner *s,
        char     c)
{
  skip_space (s);
  if (s->p < s->end && *s->p == c)
    {
      s->p++;
      return TRUE;
    }

  return FALSE;
}

static gboolean
skip_string (Scanner *s)
{
  if (s->p >= s->end || *s->p != '"')
    return FALSE;

  for (s->p++; s->p < s->end; s->p++)
    {
      if (*s->p == '\\')
        s->p++;
      else if (*s->p == '"')
        {
          s->p++;
          return TRUE;
        }
    }

  return FALSE;
}

/* Skips one value; what lies inside brackets is checked only for balance, as json-glib
 * parses every part that we read, and the arcs have their own parser. */
static gboolean
skip_value (Scanner *s)
{
  guint depth = 0;

  skip_space (s);
  if (s->p >= s->end)
    return FALSE;

  if (*s->p == '"')
    return skip_string (s);

  if (*s->p != '[' && *s->p != '{')
    {
      const char *start = s->p;

      while (s->p < s->end && !strchr (",]} \t\r\n", *s->p))
        s->p++;
      return s->p > start;
    }

  while (s->p < s->end)
    {
      char c = *s->p;

      if (c == '"')
        {
          if (!skip_string (s))
            return FALSE;
          continue;
        }
      if (c == '[' || c == '{')
        depth++;
      else if (c == ']' || c == '}')
        depth--;
      s->p++;
      if (depth == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
span_equals (const Span *span,
             const char *text)
{
  gsize length = strlen (text);

  return span->start != NULL && (gsize) (span->end - span->start) == length &&
         memcmp (span->start, text, length) == 0;
}

/* Finds the members of the top-level object that we read. */
static gboolean
split_topology (const char *data,
                gsize       size,
                Span       *type,
                Span       *transform,
                Span       *arcs,
                Span       *objects)
{
  Scanner s = { data, data + size };

  if (!accept (&s, '{'))
    return FALSE;
  if (accept (&s, '}'))
    return TRUE;

  do
    {
      Span key;
      Span value;

      skip_space (&s);
      key.start = s.p;
      if (!skip_string (&s))
        return FALSE;
      key.end = s.p;
      if (!accept (&s, ':'))
        return FALSE;
      skip_space (&s);
      value.start = s.p;
      if (!skip_value (&s))
        return FALSE;
      value.end = s.p;

      if (span_equals (&key, "\"type\""))
        *type = value;
      else if (span_equals (&key, "\"transform\""))
        *transform = value;
      else if (span_equals (&key, "\"arcs\""))
        *arcs = value;
      else if (span_equals (&key, "\"objects\""))
        *objects = value;
    }
  while (accept (&s, ','));

  if (!accept (&s, '}'))
    return FALSE;
  skip_space (&s);

  return s.p == s.end || (s.p + 1 == s.end && *s.p == '\0');
}

static gboolean
scan_number (Scanner *s,
             double  *value)
{
  const char *start;
  gboolean negative = FALSE;
  gint64 integer = 0;
  guint n_digits = 0;

  skip_space (s);
  start = s->p;
  if (s->p < s->end && *s->p == '-')
    {
      negative = TRUE;
      s->p++;
    }
  while (s->p < s->end && g_ascii_isdigit (*s->p) && n_digits < 15)
    {
      integer = integer * 10 + (*s->p - '0');
      n_digits++;
      s->p++;
    }
  if (n_digits == 0)
    return FALSE;

  if (s->p < s->end && (g_ascii_isdigit (*s->p) || *s->p == '.' || *s->p == 'e' || *s->p == 'E'))
    {
      char buffer[64];
      char *end_number = NULL;
      gsize length;

      while (s->p < s->end && *s->p != '\0' && (g_ascii_isdigit (*s->p) || strchr (".eE+-", *s->p)))
        s->p++;
      length = s->p - start;
      if (length >= sizeof buffer)
        return FALSE;
      memcpy (buffer, start, length);
      buffer[length] = '\0';
      *value = g_ascii_strtod (buffer, &end_number);
      return end_number == buffer + length && isfinite (*value);
    }

  *value = negative ? -(double) integer : (double) integer;
  return TRUE;
}

static gboolean
decode_arcs (Decoder       *decoder,
             const Span    *span,
             gboolean       quantized,
             const double  *scale,
             const double  *translate,
             GError       **error)
{
  Scanner s = { span->start, span->end };
  g_autoptr(GArray) points = g_array_sized_new (FALSE, FALSE, sizeof (GeoPoint), 1 << 16);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!accept (&s, '['))
    return set_invalid (error, "arcs that are not a list");

  if (!accept (&s, ']'))
    {
      do
        {
          double x = 0;
          double y = 0;
          guint start = points->len;

          g_array_append_val (starts, start);
          if (!accept (&s, '['))
            return set_invalid (error, "an arc that is not a list of positions");
          do
            {
              GeoPoint point;
              double a;
              double b;

              if (!accept (&s, '[') || !scan_number (&s, &a) || !accept (&s, ',') ||
                  !scan_number (&s, &b))
                return set_invalid (error, "a position that is not a pair of numbers");
              /* Positions may carry more than two numbers, which mean nothing here. */
              while (accept (&s, ','))
                {
                  double unused;

                  if (!scan_number (&s, &unused))
                    return set_invalid (error, "a position that is not a list of numbers");
                }
              if (!accept (&s, ']'))
                return set_invalid (error, "a position that is not a list of numbers");

              if (quantized)
                {
                  x += a;
                  y += b;
                  point.lon = x * scale[0] + translate[0];
                  point.lat = y * scale[1] + translate[1];
                }
              else
                {
                  point.lon = a;
                  point.lat = b;
                }
              if (!(point.lon >= -180.0 - 1e-6 && point.lon <= 180.0 + 1e-6 &&
                    point.lat >= -90.0 - 1e-6 && point.lat <= 90.0 + 1e-6))
                return set_invalid (error, "a position outside the globe");
              point.lon = CLAMP (point.lon, -180.0, 180.0);
              point.lat = CLAMP (point.lat, -90.0, 90.0);
              g_array_append_val (points, point);
            }
          while (accept (&s, ','));
          if (!accept (&s, ']') || points->len - start < 2)
            return set_invalid (error, "an arc that is not a list of positions");
        }
      while (accept (&s, ','));

      if (!accept (&s, ']'))
        return set_invalid (error, "arcs that are not a list");
    }

  decoder->n_arcs = starts->len;
  g_array_append_val (starts, points->len);
  decoder->arc_starts = (guint *) (gpointer) g_array_free (g_steal_pointer (&starts), FALSE);
  decoder->arcs = (GeoPoint *) (gpointer) g_array_free (g_steal_pointer (&points), FALSE);

  return TRUE;
}

static gboolean
decode_transform (const Span *span,
                  double     *scale,
                  double     *translate,
                  GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonNode *scale_node;
  JsonNode *translate_node;
  JsonObject *transform;

  if (!json_parser_load_from_data (parser, span->start, span->end - span->start, NULL))
    return set_invalid (error, "a transform that is not JSON");
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return set_invalid (error, "a transform that is not an object");
  transform = json_node_get_object (root);
  scale_node = json_object_get_member (transform, "scale");
  translate_node = json_object_get_member (transform, "translate");
  if (scale_node == NULL || !JSON_NODE_HOLDS_ARRAY (scale_node) ||
      json_array_get_length (json_node_get_array (scale_node)) != 2 ||
      translate_node == NULL || !JSON_NODE_HOLDS_ARRAY (translate_node) ||
      json_array_get_length (json_node_get_array (translate_node)) != 2)
    return set_invalid (error, "a transform without scale and translate");

  for (guint i = 0; i < 2; i++)
    {
      scale[i] = json_array_get_double_element (json_node_get_array (scale_node), i);
      translate[i] = json_array_get_double_element (json_node_get_array (translate_node), i);
      if (!isfinite (scale[i]) || !isfinite (translate[i]) || scale[i] == 0)
        return set_invalid (error, "a transform without scale and translate");
    }

  return TRUE;
}

static gboolean
assemble_ring (Decoder   *decoder,
               JsonNode  *ring_node,
               GError   **error)
{
  JsonArray *indices;
  guint n_indices;

  if (!JSON_NODE_HOLDS_ARRAY (ring_node))
    return set_invalid (error, "a ring that is not a list of arcs");
  indices = json_node_get_array (ring_node);
  n_indices = json_array_get_length (indices);

  g_array_set_size (decoder->ring, 0);
  for (guint i = 0; i < n_indices; i++)
    {
      JsonNode *index_node = json_array_get_element (indices, i);
      gint64 index;
      guint arc;
      gboolean reversed;
      guint start;
      guint length;

      if (json_node_get_value_type (index_node) != G_TYPE_INT64)
        return set_invalid (error, "an arc index that is not an integer");
      index = json_node_get_int (index_node);
      reversed = index < 0;
      if (reversed)
        index = ~index;
      if (index >= decoder->n_arcs)
        return set_invalid (error, "an arc index out of range");
      arc = (guint) index;

      start = decoder->arc_starts[arc];
      length = decoder->arc_starts[arc + 1] - start;
      /* Consecutive arcs share their end and start points. */
      for (guint j = 0; j < length; j++)
        {
          const GeoPoint *point = &decoder->arcs[start + (reversed ? length - 1 - j : j)];

          append_geo_point (decoder->ring, point->lon, point->lat);
        }
    }

  close_geo_ring (decoder->ring);

  return TRUE;
}

static void
project_piece (EntenteAtlas        *self,
               const GArray        *piece,
               EntenteAtlasCountry *country)
{
  const GeoPoint *p = (const GeoPoint *) (gconstpointer) piece->data;
  EntentePolyline ring = { NULL, 0, { 0, 0, 0, 0 } };
  guint start = self->points->len;
  double x;
  double y;

  entente_projection_forward (p[0].lon, p[0].lat, &x, &y);
  g_array_append_val (self->points, ((EntentePoint) { (float) x, (float) y }));
  entente_bounds_add_point (&country->geo_bounds, p[0].lon, p[0].lat);
  for (guint i = 1; i < piece->len; i++)
    {
      entente_projection_append_segment (self->points, p[i - 1].lon, p[i - 1].lat,
                                         p[i].lon, p[i].lat, MAX_STEP_DEGREES);
      entente_bounds_add_point (&country->geo_bounds, p[i].lon, p[i].lat);
    }

  ring.n_points = self->points->len - start;
  entente_bounds_init_empty (&ring.bounds);
  for (guint i = start; i < self->points->len; i++)
    {
      const EntentePoint *point = &g_array_index (self->points, EntentePoint, i);

      entente_bounds_add_point (&ring.bounds, point->x, point->y);
    }
  entente_bounds_union (&country->bounds, &ring.bounds);

  g_array_append_val (self->ring_starts, start);
  g_array_append_val (self->rings, ring);
}

static double
ring_area (EntenteAtlas *self,
           guint         ring_index)
{
  guint start = g_array_index (self->ring_starts, guint, ring_index);
  guint n = g_array_index (self->rings, EntentePolyline, ring_index).n_points;
  const EntentePoint *p = &g_array_index (self->points, EntentePoint, start);
  double sum = 0;

  for (guint i = 0; i + 1 < n; i++)
    sum += (double) p[i].x * p[i + 1].y - (double) p[i + 1].x * p[i].y;

  return fabs (sum / 2);
}

/* Appends the pieces of one polygon (decoder->pieces, exterior first) to the country,
 * one part for each strip that has a piece of the exterior. */
static void
emit_polygon (Decoder             *decoder,
              EntenteAtlasCountry *country,
              guint                n_exterior_pieces)
{
  EntenteAtlas *self = decoder->self;

  for (guint i = 0; i < n_exterior_pieces; i++)
    {
      const Piece *exterior = &g_array_index (decoder->pieces, Piece, i);
      Part part = { self->rings->len, 0, 0 };

      project_piece (self, exterior->points, country);
      part.area = ring_area (self, part.first_ring);
      part.n_rings = 1;

      for (guint j = n_exterior_pieces; j < decoder->pieces->len; j++)
        {
          const Piece *hole = &g_array_index (decoder->pieces, Piece, j);

          if (hole->strip != exterior->strip)
            continue;
          project_piece (self, hole->points, country);
          part.area -= ring_area (self, part.first_ring + part.n_rings);
          part.n_rings++;
        }

      part.area = MAX (part.area, 0);
      country->area += part.area;
      country->n_rings += part.n_rings;
      country->n_parts++;
      g_array_append_val (self->parts, part);
    }
}

static gboolean
decode_polygon (Decoder             *decoder,
                JsonNode            *polygon_node,
                EntenteAtlasCountry *country,
                GError             **error)
{
  JsonArray *rings;
  guint n_rings;
  guint n_exterior_pieces = 0;

  if (!JSON_NODE_HOLDS_ARRAY (polygon_node))
    return set_invalid (error, "a polygon that is not a list of rings");
  rings = json_node_get_array (polygon_node);
  n_rings = json_array_get_length (rings);

  g_array_set_size (decoder->pieces, 0);
  for (guint i = 0; i < n_rings; i++)
    {
      if (!assemble_ring (decoder, json_array_get_element (rings, i), error))
        return FALSE;
      cut_ring (decoder);
      /* The first ring with an area is the exterior: Antarctica's first ring only marks
       * the pole, and its coast comes second. */
      if (n_exterior_pieces == 0)
        n_exterior_pieces = decoder->pieces->len;
    }

  emit_polygon (decoder, country, n_exterior_pieces);

  return TRUE;
}

static const char *
code_for_numeric (int numeric)
{
  guint n = entente_iso3166_get_n_countries ();

  if (numeric <= 0)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      const EntenteCountry *iso = entente_iso3166_get_nth (i);

      if (iso->numeric == numeric)
        return iso->alpha2;
    }

  return NULL;
}

static int
parse_numeric (JsonNode *id_node)
{
  guint64 value = 0;

  if (id_node == NULL || !JSON_NODE_HOLDS_VALUE (id_node))
    return 0;

  if (json_node_get_value_type (id_node) == G_TYPE_INT64)
    {
      gint64 number = json_node_get_int (id_node);

      return number > 0 && number < 1000 ? (int) number : 0;
    }

  if (json_node_get_value_type (id_node) == G_TYPE_STRING &&
      g_ascii_string_to_unsigned (json_node_get_string (id_node), 10, 1, 999, &value, NULL))
    return (int) value;

  return 0;
}

static gboolean
decode_geometry (Decoder    *decoder,
                 JsonNode   *geometry_node,
                 GError    **error)
{
  EntenteAtlas *self = decoder->self;
  EntenteAtlasCountry country = { 0 };
  JsonObject *geometry;
  JsonNode *properties_node;
  JsonNode *arcs_node;
  const char *type;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (geometry_node))
    return set_invalid (error, "a geometry that is not an object");
  geometry = json_node_get_object (geometry_node);

  country.numeric = parse_numeric (json_object_get_member (geometry, "id"));
  country.code = code_for_numeric (country.numeric);
  if (country.code == NULL)
    country.numeric = 0;

  properties_node = json_object_get_member (geometry, "properties");
  if (properties_node != NULL && JSON_NODE_HOLDS_OBJECT (properties_node))
    {
      JsonNode *name_node = json_object_get_member (json_node_get_object (properties_node), "name");

      if (name_node != NULL && json_node_get_value_type (name_node) == G_TYPE_STRING)
        country.name = g_strdup (json_node_get_string (name_node));
    }
  if (country.name == NULL)
    {
      const EntenteCountry *iso = entente_iso3166_lookup (country.code);

      country.name = g_strdup (iso != NULL ? iso->name : "");
    }

  country.first_ring = self->rings->len;
  country.first_part = self->parts->len;
  entente_bounds_init_empty (&country.bounds);
  entente_bounds_init_empty (&country.geo_bounds);

  type = json_object_get_string_member_with_default (geometry, "type", "");
  arcs_node = json_object_get_member (geometry, "arcs");
  if (g_str_equal (type, "Polygon"))
    {
      ok = decode_polygon (decoder, arcs_node, &country, error);
    }
  else if (g_str_equal (type, "MultiPolygon"))
    {
      if (arcs_node == NULL || !JSON_NODE_HOLDS_ARRAY (arcs_node))
        ok = set_invalid (error, "a multipolygon that is not a list of polygons");
      for (guint i = 0; ok && i < json_array_get_length (json_node_get_array (arcs_node)); i++)
        ok = decode_polygon (decoder, json_array_get_element (json_node_get_array (arcs_node), i),
                             &country, error);
    }
  else if (!g_str_equal (type, "") && !g_str_equal (type, "null"))
    {
      ok = set_invalid (error, "a country that is neither a polygon nor a multipolygon");
    }

  if (country.n_rings == 0)
    {
      entente_bounds_init_empty (&country.bounds);
      entente_bounds_init_empty (&country.geo_bounds);
    }
  else
    {
      entente_bounds_union (&self->bounds, &country.bounds);
    }

  /* Kept even on failure, so that finalize frees its name. */
  g_array_append_val (self->countries, country);

  return ok;
}

static void
decoder_clear (Decoder *decoder)
{
  g_clear_pointer (&decoder->arcs, g_free);
  g_clear_pointer (&decoder->arc_starts, g_free);
  g_clear_pointer (&decoder->ring, g_array_unref);
  g_clear_pointer (&decoder->scratch, g_array_unref);
  g_clear_pointer (&decoder->pieces, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Decoder, decoder_clear)

static void
finish_tables (EntenteAtlas *self)
{
  EntentePolyline *rings = (EntentePolyline *) (gpointer) self->rings->data;
  Part *parts = (Part *) (gpointer) self->parts->data;

  for (guint i = 0; i < self->rings->len; i++)
    rings[i].points = &g_array_index (self->points, EntentePoint,
                                      g_array_index (self->ring_starts, guint, i));

  for (guint i = 0; i < self->countries->len; i++)
    {
      EntenteAtlasCountry *country = &g_array_index (self->countries, EntenteAtlasCountry, i);
      EntenteAtlasCountry *other;

      country->rings = rings + country->first_ring;
      country->parts = parts + country->first_part;

      if (country->code == NULL)
        continue;
      other = g_hash_table_lookup (self->by_code, country->code);
      if (other == NULL || other->area < country->area)
        g_hash_table_insert (self->by_code, (gpointer) country->code, country);
    }
}

gboolean
_entente_atlas_decode (EntenteAtlas *self,
                       GBytes       *bytes,
                       GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(Decoder) decoder = { self };
  Span type = { NULL, NULL };
  Span transform = { NULL, NULL };
  Span arcs = { NULL, NULL };
  Span objects = { NULL, NULL };
  double scale[2] = { 1, 1 };
  double translate[2] = { 0, 0 };
  JsonNode *root;
  JsonNode *countries_node;
  JsonNode *geometries_node;
  JsonArray *geometries;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (data == NULL || !split_topology (data, size, &type, &transform, &arcs, &objects))
    return set_invalid (error, "not a JSON object");
  if (!span_equals (&type, "\"Topology\""))
    return set_invalid (error, "not a TopoJSON topology");
  if (arcs.start == NULL)
    return set_invalid (error, "no arcs");
  if (objects.start == NULL)
    return set_invalid (error, "no objects");

  if (transform.start != NULL && !decode_transform (&transform, scale, translate, error))
    return FALSE;
  if (!decode_arcs (&decoder, &arcs, transform.start != NULL, scale, translate, error))
    return FALSE;

  if (!json_parser_load_from_data (parser, objects.start, objects.end - objects.start, &local_error))
    return set_invalid (error, local_error->message);
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return set_invalid (error, "no objects");
  countries_node = json_object_get_member (json_node_get_object (root), "countries");
  if (countries_node == NULL || !JSON_NODE_HOLDS_OBJECT (countries_node))
    return set_invalid (error, "no countries");
  geometries_node = json_object_get_member (json_node_get_object (countries_node), "geometries");
  if (geometries_node == NULL || !JSON_NODE_HOLDS_ARRAY (geometries_node))
    return set_invalid (error, "countries without geometries");
  geometries = json_node_get_array (geometries_node);

  /* Rings share their arcs, and densifying adds a little: room for all without moving. */
  g_array_set_size (self->points, decoder.arc_starts[decoder.n_arcs] * 5 / 4);
  g_array_set_size (self->points, 0);
  decoder.ring = g_array_new (FALSE, FALSE, sizeof (GeoPoint));
  decoder.scratch = g_array_new (FALSE, FALSE, sizeof (GeoPoint));
  decoder.pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_array_set_clear_func (decoder.pieces, piece_clear);

  for (guint i = 0; i < json_array_get_length (geometries); i++)
    if (!decode_geometry (&decoder, json_array_get_element (geometries, i), error))
      return FALSE;

  finish_tables (self);

  return TRUE;
}
