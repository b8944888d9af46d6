/* entente-atlas.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "entente-projection.h"

G_BEGIN_DECLS

/* The world's countries as projected shapes (entente-projection.h), decoded from the
 * Natural Earth TopoJSON in data/map/ the first time anything asks for them.
 *
 * Every country is one feature of the file, in the file's order; its rings are closed
 * polylines to fill with the EVEN-ODD rule (holes such as Lesotho inside South Africa
 * are rings of their own). Rings that cross the antimeridian (Russia, Fiji) are cut
 * there, so no ring has a segment across the map; Antarctica is closed along the
 * south pole line. Features without an ISO 3166-1 code in the file (N. Cyprus, Kosovo,
 * Somaliland...) are countries with a NULL code that are drawn and hit like any other.
 * An atlas is not thread-safe: use it from one thread, like a widget. */

#define ENTENTE_TYPE_ATLAS (entente_atlas_get_type ())

G_DECLARE_FINAL_TYPE (EntenteAtlas, entente_atlas, ENTENTE, ATLAS, GObject)

#define ENTENTE_ATLAS_ERROR (entente_atlas_error_quark ())

typedef enum
{
  ENTENTE_ATLAS_ERROR_IO,      /* the data could not be read */
  ENTENTE_ATLAS_ERROR_INVALID, /* the data is not TopoJSON with a "countries" object */
} EntenteAtlasError;

/* Below this many square pixels of area a country is "small" and gets a round marker. */
#define ENTENTE_ATLAS_SMALL_AREA_PX 100.0
/* The step of the graticule, in degrees. */
#define ENTENTE_ATLAS_GRATICULE_STEP 30

typedef struct _EntenteAtlasCountry EntenteAtlasCountry;

GQuark        entente_atlas_error_quark         (void);

/* The shapes built into the application (the caller's binary must link the resource). */
EntenteAtlas *entente_atlas_new                 (void);
EntenteAtlas *entente_atlas_new_for_resource    (const char   *resource_path);
EntenteAtlas *entente_atlas_new_for_file        (GFile        *file);
EntenteAtlas *entente_atlas_new_for_bytes       (GBytes       *bytes);

/* Decodes the shapes now, unless that was done already; later calls return the first
 * call's result. Every other getter loads on demand too, and an atlas whose data fails
 * to load has no countries (the failure is logged once). */
gboolean      entente_atlas_load                (EntenteAtlas *self,
                                                 GError      **error);
gboolean      entente_atlas_is_loaded           (EntenteAtlas *self);

guint                      entente_atlas_get_n_countries (EntenteAtlas *self);
const EntenteAtlasCountry *entente_atlas_get_country     (EntenteAtlas *self,
                                                          guint         position);
/* By ISO 3166-1 alpha-2 code. Where several features share a code (Australia and the
 * Ashmore and Cartier Islands) the one with the largest area. */
const EntenteAtlasCountry *entente_atlas_lookup          (EntenteAtlas *self,
                                                          const char   *code);
/* The union of all countries' bounds, in projected units. */
void                       entente_atlas_get_bounds      (EntenteAtlas  *self,
                                                          EntenteBounds *bounds);

/* The country whose shape holds the projected point (x, y), or NULL (sea, outside). */
const EntenteAtlasCountry *entente_atlas_hit_test        (EntenteAtlas *self,
                                                          double        x,
                                                          double        y);
/* The country among @codes (NULL-terminated alpha-2 codes, or NULL for all countries)
 * whose label point is nearest to (x, y) and at most @radius away, or NULL: for the
 * round markers of small states drawn at their label points. */
const EntenteAtlasCountry *entente_atlas_hit_test_markers (EntenteAtlas       *self,
                                                           double              x,
                                                           double              y,
                                                           double              radius,
                                                           const char * const *codes);

/* The graticule (meridians and parallels every ENTENTE_ATLAS_GRATICULE_STEP degrees,
 * without the outline's edges) and the outline of the whole map (a closed polyline):
 * neither needs the shapes to be decoded. */
const EntentePolyline     *entente_atlas_get_graticule   (EntenteAtlas *self,
                                                          guint        *n_lines);
const EntentePolyline     *entente_atlas_get_outline     (EntenteAtlas *self);

/* A country belongs to its atlas and lives as long as it. The code is the ISO 3166-1
 * alpha-2 code or NULL, the numeric code 0 when there is none; the name is Natural
 * Earth's short English name ("Bosnia and Herz."), the display name the ISO name in the
 * UI language where the country has a code, else that English name. Bounds are in
 * projected units, geo bounds in degrees (x longitude, y latitude). The area is in
 * projected units; @scale is in pixels per projected unit. The label point lies inside
 * the country, in its largest part, as far from the coast and borders as can be found
 * quickly (the pole of inaccessibility). */
const char            *entente_atlas_country_get_code         (const EntenteAtlasCountry *country);
int                    entente_atlas_country_get_numeric      (const EntenteAtlasCountry *country);
const char            *entente_atlas_country_get_name         (const EntenteAtlasCountry *country);
const char            *entente_atlas_country_get_display_name (const EntenteAtlasCountry *country);
guint                  entente_atlas_country_get_n_rings      (const EntenteAtlasCountry *country);
const EntentePolyline *entente_atlas_country_get_ring         (const EntenteAtlasCountry *country,
                                                               guint                      index);
void                   entente_atlas_country_get_bounds       (const EntenteAtlasCountry *country,
                                                               EntenteBounds             *bounds);
void                   entente_atlas_country_get_geo_bounds   (const EntenteAtlasCountry *country,
                                                               EntenteBounds             *bounds);
double                 entente_atlas_country_get_area         (const EntenteAtlasCountry *country);
gboolean               entente_atlas_country_is_small         (const EntenteAtlasCountry *country,
                                                               double                     scale);
void                   entente_atlas_country_get_label_point  (const EntenteAtlasCountry *country,
                                                               double                    *x,
                                                               double                    *y);
gboolean               entente_atlas_country_contains         (const EntenteAtlasCountry *country,
                                                               double                     x,
                                                               double                     y);

G_END_DECLS
