/* entente-atlas-private.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "entente-atlas.h"

G_BEGIN_DECLS

/* Segments longer than this many degrees get points in between when projected. */
#define MAX_STEP_DEGREES 1.0

typedef struct
{
  guint  first_ring; /* the exterior; its holes follow */
  guint  n_rings;
  double area;
} Part;

struct _EntenteAtlasCountry
{
  const char      *code;
  int              numeric;
  char            *name;
  EntentePolyline *rings;
  guint            first_ring;
  guint            n_rings;
  Part            *parts;
  guint            first_part;
  guint            n_parts;
  EntenteBounds    bounds;
  EntenteBounds    geo_bounds;
  double           area;
  gboolean         has_label;
  double           label_x;
  double           label_y;
};

struct _EntenteAtlas
{
  GObject        parent_instance;

  char          *resource_path;
  GFile         *file;
  GBytes        *bytes;

  gboolean       tried;
  GError        *load_error;

  GArray        *points;       /* EntentePoint, of every ring */
  GArray        *ring_starts;  /* guint, into points */
  GArray        *rings;        /* EntentePolyline */
  GArray        *parts;        /* Part */
  GArray        *countries;    /* EntenteAtlasCountry */
  GHashTable    *by_code;
  EntenteBounds  bounds;

  GArray        *graticule_points;
  GArray        *graticule_lines;
  GArray        *outline_points;
  EntentePolyline outline;
};

/* Fills the empty atlas from TopoJSON (entente-atlas-decode.c). On failure the atlas
 * may hold part of the countries: the caller clears them. */
gboolean _entente_atlas_decode             (EntenteAtlas        *self,
                                            GBytes              *bytes,
                                            GError             **error);
/* Sets the country's label point (entente-atlas-label.c). */
void     _entente_atlas_country_find_label (EntenteAtlasCountry *country);

G_END_DECLS
