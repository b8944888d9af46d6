/* entente-map-view.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "entente-atlas.h"
#include "entente-date.h"
#include "entente-member.h"
#include "entente-pack.h"

G_BEGIN_DECLS

/* A map of the world's countries (from an EntenteAtlas) with the pack's states coloured
 * by their membership status at a date; other countries are muted.
 *
 * Widget actions: "map.zoom-in" (plus, ctrl+plus), "map.zoom-out" (minus), "map.reset"
 * (ctrl+0). The arrow keys pan; Tab/shift+Tab or PageDown/PageUp move the keyboard focus
 * between the pack's states (the focused state is outlined); Enter activates it.
 *
 * Signal "country-activated" (const char *code): a click on a country, or Enter on the
 * focused one (any country, member or not). */

#define ENTENTE_TYPE_MAP_VIEW (entente_map_view_get_type ())

G_DECLARE_FINAL_TYPE (EntenteMapView, entente_map_view, ENTENTE, MAP_VIEW, GtkWidget)

GtkWidget   *entente_map_view_new               (void);

/* Property "atlas" (EntenteAtlas); the widget decodes it on first map/draw, not before. */
void         entente_map_view_set_atlas         (EntenteMapView    *self,
                                                 EntenteAtlas      *atlas);
EntenteAtlas *entente_map_view_get_atlas        (EntenteMapView    *self);
/* Property "pack": its members are coloured by status; others muted. */
void         entente_map_view_set_pack          (EntenteMapView    *self,
                                                 EntentePack       *pack);
EntentePack *entente_map_view_get_pack          (EntenteMapView    *self);
/* Property "date" (EntenteDate boxed; NULL = the pack's as_of): statuses as of that date. */
void         entente_map_view_set_date          (EntenteMapView    *self,
                                                 const EntenteDate *date);
const EntenteDate *entente_map_view_get_date    (EntenteMapView    *self);
/* Property "selected-code" (string, alpha-2 or NULL), read-write, explicit notify. */
const char  *entente_map_view_get_selected_code (EntenteMapView    *self);
void         entente_map_view_set_selected_code (EntenteMapView    *self,
                                                 const char        *code);
/* A country outlined dashed in the error colour, such as a wrong answer beside the right
 * one (the selection), or NULL. */
const char  *entente_map_view_get_marked_code   (EntenteMapView    *self);
void         entente_map_view_set_marked_code   (EntenteMapView    *self,
                                                 const char        *code);
/* Property "hovered-code" (read-only). */
const char  *entente_map_view_get_hovered_code  (EntenteMapView    *self);
/* The pack's state that has the keyboard focus ring, or NULL. */
const char  *entente_map_view_get_focused_code  (EntenteMapView    *self);

/* Fits the view to all of the pack's states (the first view), and zooms. */
void         entente_map_view_fit_pack          (EntenteMapView    *self);
void         entente_map_view_zoom_in           (EntenteMapView    *self);
void         entente_map_view_zoom_out          (EntenteMapView    *self);
/* Pixels per projected unit at the current view. */
double       entente_map_view_get_scale         (EntenteMapView    *self);

/* The colour of a status on the map (follows the light or dark style), for legends. */
GdkRGBA      entente_map_view_get_status_color  (EntenteMapView      *self,
                                                 EntenteMemberStatus  status);
/* The status a country is coloured with at the current date (NONE for countries
 * outside the pack). */
EntenteMemberStatus entente_map_view_get_status_shown (EntenteMapView *self,
                                                       const char     *code);

/* TRUE when the map kept for drawing was drawn for the current view and size; FALSE
 * while the view moves (frames scale and shift the map drawn for the last one) and until
 * the map has been drawn again for the new view, in a worker thread, once the view has
 * been still for a moment. A new colouring (the date) or style is shown at once, and a
 * new size or pack is drawn in the next frame. */
gboolean     entente_map_view_is_settled        (EntenteMapView    *self);
/* Starts drawing the map for the current view now, as happens when the view has been
 * still for a moment (in a worker thread; see entente_map_view_is_settled()). */
void         entente_map_view_settle            (EntenteMapView    *self);

/* For tests: widget coordinates of a country's label point (or marker) at the current
 * view; FALSE if off-screen. */
gboolean     entente_map_view_get_country_point (EntenteMapView    *self,
                                                 const char        *code,
                                                 double            *x,
                                                 double            *y);

G_END_DECLS
