/* entente-map-view.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "entente-map-view.h"

/* How the map is drawn: see "Drawing" below. In short, the shapes are drawn into kept
 * layers for one view; frames paint the layers as coloured once, and draw the overlays
 * (hover, focus, selection) on top, so a hover or colouring change costs composites
 * and at most one country's path. */

#define MAX_ZOOM        32.0
#define ZOOM_STEP       1.5
#define PAN_STEP_PX     80.0
#define FIT_MARGIN      0.08
#define MARKER_RADIUS   5.0
#define MARKER_HIT_PX   (MARKER_RADIUS + 4.0)
#define SETTLE_MS       120

/* A view: the widget's size and scale factor, pixels per projected unit, and the
 * projected point at the centre. */
typedef struct
{
  int    width;
  int    height;
  int    scale_factor;
  double scale;
  double center_x;
  double center_y;
} View;

typedef struct
{
  View              view;
  gboolean          dark;
  char            **codes;    /* the pack's states, as the masks */
  cairo_surface_t  *base;     /* ARGB32: background, sea, graticule */
  cairo_surface_t  *land;     /* A8: the countries outside the pack */
  cairo_surface_t **masks;    /* A8 over each state's bounds, NULL when off-screen */
  cairo_surface_t  *borders;  /* A8: every border */
} Layers;

typedef struct _RenderJob RenderJob;

struct _EntenteMapView
{
  GtkWidget        parent_instance;

  EntenteAtlas    *atlas;
  EntentePack     *pack;
  EntenteDate     *date;

  char            *selected_code;
  char            *marked_code;   /* a wrong answer, outlined dashed in the error colour */
  char            *hovered_code;
  int              focused_index;   /* into codes, -1 for none */

  /* The pack's states that the atlas has, in the pack's order, and their status now. */
  GPtrArray       *codes;
  GHashTable      *statuses;        /* code -> GINT_TO_POINTER (status + 1) */

  /* The view: pixels per projected unit and the projected point at the centre. */
  double           scale;
  double           center_x;
  double           center_y;
  gboolean         view_set;
  gboolean         user_moved;
  gboolean         fit_pending;

  double           pointer_x;
  double           pointer_y;
  gboolean         pointer_inside;
  double           drag_center_x;
  double           drag_center_y;
  double           zoom_start_scale;

  /* The kept layers (drawn for one view), their colouring, and the layers being drawn
   * in a worker thread for a new view (render_job). */
  Layers          *layers;
  cairo_surface_t *composite[2];
  int              composite_index;
  Layers          *composite_layers;
  guint            composite_serial;
  guint            colour_serial;
  RenderJob       *render_job;
  /* While the view moves, frames scale and shift the kept map; it is drawn again for
   * the new view once the view has been still for SETTLE_MS. */
  guint            settle_id;
};

G_DEFINE_FINAL_TYPE (EntenteMapView, entente_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ATLAS,
  PROP_PACK,
  PROP_DATE,
  PROP_SELECTED_CODE,
  PROP_HOVERED_CODE,
  N_PROPS
};

enum {
  COUNTRY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  GdkRGBA background;
  GdkRGBA sea;
  GdkRGBA graticule;
  GdkRGBA outline;
  GdkRGBA land;
  GdkRGBA border;
  GdkRGBA hover;
  GdkRGBA selection;
  GdkRGBA halo;
  GdkRGBA focus;
  GdkRGBA wrong;
  GdkRGBA status[ENTENTE_N_MEMBER_STATUSES];
} Palette;

static const Palette light_palette = {
  .background  = { 0.949, 0.957, 0.965, 1.0 },
  .sea         = { 0.863, 0.914, 0.953, 1.0 },
  .graticule   = { 0.231, 0.400, 0.569, 0.10 },
  .outline     = { 0.231, 0.400, 0.569, 0.25 },
  .land        = { 0.914, 0.906, 0.886, 1.0 },
  .border      = { 1.0, 1.0, 1.0, 1.0 },
  .hover       = { 1.0, 1.0, 1.0, 0.35 },
  .selection   = { 0.110, 0.176, 0.290, 1.0 },
  .halo        = { 1.0, 1.0, 1.0, 0.9 },
  .focus       = { 0.102, 0.373, 0.706, 1.0 },
  .wrong       = { 0.753, 0.110, 0.157, 1.0 }, /* #c01c28 */
  .status      = {
    [ENTENTE_MEMBER_STATUS_MEMBER]           = { 0.286, 0.565, 0.886, 1.0 }, /* #4990e2 */
    [ENTENTE_MEMBER_STATUS_OBSERVER]         = { 0.129, 0.584, 0.627, 1.0 }, /* #2195a0 */
    [ENTENTE_MEMBER_STATUS_DIALOGUE_PARTNER] = { 0.200, 0.690, 0.490, 1.0 }, /* #33b07d */
    [ENTENTE_MEMBER_STATUS_PARTNER]          = { 0.490, 0.773, 0.565, 1.0 }, /* #7dc590 */
    [ENTENTE_MEMBER_STATUS_APPLICANT]        = { 0.961, 0.761, 0.067, 1.0 }, /* #f5c211 */
    [ENTENTE_MEMBER_STATUS_FORMER_MEMBER]    = { 0.604, 0.537, 0.706, 1.0 }, /* #9a89b4 */
  },
};

static const Palette dark_palette = {
  .background  = { 0.137, 0.145, 0.161, 1.0 },
  .sea         = { 0.110, 0.145, 0.192, 1.0 },
  .graticule   = { 0.600, 0.750, 0.900, 0.07 },
  .outline     = { 0.600, 0.750, 0.900, 0.20 },
  .land        = { 0.247, 0.251, 0.263, 1.0 },
  .border      = { 0.137, 0.153, 0.176, 1.0 },
  .hover       = { 1.0, 1.0, 1.0, 0.20 },
  .selection   = { 1.0, 1.0, 1.0, 1.0 },
  .halo        = { 0.0, 0.0, 0.0, 0.6 },
  .focus       = { 0.384, 0.627, 0.918, 1.0 },
  .wrong       = { 1.0, 0.482, 0.388, 1.0 }, /* #ff7b63 */
  .status      = {
    [ENTENTE_MEMBER_STATUS_MEMBER]           = { 0.384, 0.627, 0.918, 1.0 }, /* #62a0ea */
    [ENTENTE_MEMBER_STATUS_OBSERVER]         = { 0.220, 0.706, 0.741, 1.0 }, /* #38b4bd */
    [ENTENTE_MEMBER_STATUS_DIALOGUE_PARTNER] = { 0.341, 0.788, 0.541, 1.0 }, /* #57c98a */
    [ENTENTE_MEMBER_STATUS_PARTNER]          = { 0.557, 0.835, 0.620, 1.0 }, /* #8ed59e */
    [ENTENTE_MEMBER_STATUS_APPLICANT]        = { 0.973, 0.835, 0.286, 1.0 }, /* #f8d549 */
    [ENTENTE_MEMBER_STATUS_FORMER_MEMBER]    = { 0.690, 0.627, 0.792, 1.0 }, /* #b0a0ca */
  },
};

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static const Palette *
get_palette (void)
{
  return is_dark () ? &dark_palette : &light_palette;
}

static void update_statuses (EntenteMapView *self);
static void start_render (EntenteMapView *self);

static gboolean
ensure_loaded (EntenteMapView *self)
{
  if (self->atlas == NULL)
    return FALSE;

  if (!entente_atlas_is_loaded (self->atlas))
    {
      g_autoptr(GError) error = NULL;

      if (!entente_atlas_load (self->atlas, &error))
        return FALSE;
      update_statuses (self);
    }

  return entente_atlas_get_n_countries (self->atlas) > 0;
}

/* View geometry */

static double
min_scale (EntenteMapView *self)
{
  EntenteBounds bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  entente_projection_get_bounds (&bounds);
  width = MAX (width, 1);
  height = MAX (height, 1);

  return MIN (width / (bounds.max_x - bounds.min_x), height / (bounds.max_y - bounds.min_y)) * 0.98;
}

static void
clamp_view (EntenteMapView *self)
{
  EntenteBounds bounds;
  double lo = min_scale (self);

  double half_w, half_h;

  self->scale = CLAMP (self->scale, lo, lo * MAX_ZOOM);

  /* the world covers the widget wherever it can, and is centred where it cannot */
  entente_projection_get_bounds (&bounds);
  half_w = gtk_widget_get_width (GTK_WIDGET (self)) / (2 * self->scale);
  half_h = gtk_widget_get_height (GTK_WIDGET (self)) / (2 * self->scale);
  if (2 * half_w >= bounds.max_x - bounds.min_x)
    self->center_x = (bounds.min_x + bounds.max_x) / 2;
  else
    self->center_x = CLAMP (self->center_x, bounds.min_x + half_w, bounds.max_x - half_w);
  if (2 * half_h >= bounds.max_y - bounds.min_y)
    self->center_y = (bounds.min_y + bounds.max_y) / 2;
  else
    self->center_y = CLAMP (self->center_y, bounds.min_y + half_h, bounds.max_y - half_h);
}

static inline double
to_widget_x (EntenteMapView *self,
             double          x)
{
  return gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 + (x - self->center_x) * self->scale;
}

static inline double
to_widget_y (EntenteMapView *self,
             double          y)
{
  return gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 - (y - self->center_y) * self->scale;
}

static inline double
to_map_x (EntenteMapView *self,
          double          x)
{
  return self->center_x + (x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0) / self->scale;
}

static inline double
to_map_y (EntenteMapView *self,
          double          y)
{
  return self->center_y - (y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0) / self->scale;
}

static gboolean
settle_cb (gpointer data)
{
  EntenteMapView *self = data;

  self->settle_id = 0;
  start_render (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
view_changed (EntenteMapView *self)
{
  clamp_view (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_about (EntenteMapView *self,
            double          factor,
            double          wx,
            double          wy)
{
  double mx, my;

  if (!self->view_set)
    return;

  mx = to_map_x (self, wx);
  my = to_map_y (self, wy);
  self->scale *= factor;
  clamp_view (self);
  /* keep the map point under (wx, wy) where it was */
  self->center_x = mx - (wx - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0) / self->scale;
  self->center_y = my + (wy - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0) / self->scale;
  self->user_moved = TRUE;
  view_changed (self);
}

static void
largest_ring_bounds (const EntenteAtlasCountry *country,
                     EntenteBounds             *out)
{
  double best = -1;
  guint n = entente_atlas_country_get_n_rings (country);

  entente_atlas_country_get_bounds (country, out);
  for (guint i = 0; i < n; i++)
    {
      const EntentePolyline *ring = entente_atlas_country_get_ring (country, i);
      double area = (ring->bounds.max_x - ring->bounds.min_x) * (ring->bounds.max_y - ring->bounds.min_y);

      if (area > best)
        {
          best = area;
          *out = ring->bounds;
        }
    }
}

static gboolean
do_fit (EntenteMapView *self)
{
  EntenteBounds bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double w, h;

  if (width <= 0 || height <= 0 || !ensure_loaded (self))
    return FALSE;

  entente_bounds_init_empty (&bounds);
  for (guint i = 0; self->codes != NULL && i < self->codes->len; i++)
    {
      const EntenteAtlasCountry *country = entente_atlas_lookup (self->atlas, g_ptr_array_index (self->codes, i));
      EntenteBounds part;

      /* The largest part only: Russia's Chukotka across the antimeridian, or an
       * overseas island, would otherwise widen the view to the whole world. */
      largest_ring_bounds (country, &part);
      entente_bounds_union (&bounds, &part);
    }

  if (bounds.min_x > bounds.max_x)
    entente_projection_get_bounds (&bounds);

  w = (bounds.max_x - bounds.min_x) * (1 + 2 * FIT_MARGIN);
  h = (bounds.max_y - bounds.min_y) * (1 + 2 * FIT_MARGIN);
  self->scale = MIN (width / MAX (w, 1e-3), height / MAX (h, 1e-3));
  self->center_x = (bounds.min_x + bounds.max_x) / 2;
  self->center_y = (bounds.min_y + bounds.max_y) / 2;
  self->view_set = TRUE;
  self->user_moved = FALSE;
  self->fit_pending = FALSE;
  view_changed (self);

  return TRUE;
}

/* Statuses */

static void
update_statuses (EntenteMapView *self)
{
  GListModel *members;
  const EntenteDate *date = NULL;

  g_hash_table_remove_all (self->statuses);
  g_ptr_array_set_size (self->codes, 0);
  self->focused_index = -1;
  self->colour_serial++;

  if (self->pack == NULL)
    return;

  if (self->date != NULL && entente_date_is_set (self->date))
    date = self->date;
  else if (entente_date_is_set (entente_pack_get_as_of (self->pack)))
    date = entente_pack_get_as_of (self->pack);

  members = entente_pack_get_members (self->pack);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(EntenteMember) member = g_list_model_get_item (members, i);
      const char *code = entente_member_get_code (member);
      EntenteMemberStatus status;

      status = date != NULL ? entente_member_get_status_at (member, date)
                            : entente_member_get_status (member);
      g_hash_table_insert (self->statuses, g_strdup (code), GINT_TO_POINTER (status + 1));

      /* states the atlas lacks are left out once it is decoded (ensure_loaded()) */
      if (self->atlas == NULL || !entente_atlas_is_loaded (self->atlas) ||
          entente_atlas_lookup (self->atlas, code) != NULL)
        g_ptr_array_add (self->codes, g_strdup (code));
    }
}

EntenteMemberStatus
entente_map_view_get_status_shown (EntenteMapView *self,
                                   const char     *code)
{
  gpointer value;

  g_return_val_if_fail (ENTENTE_IS_MAP_VIEW (self), ENTENTE_MEMBER_STATUS_NONE);

  if (code == NULL)
    return ENTENTE_MEMBER_STATUS_NONE;

  value = g_hash_table_lookup (self->statuses, code);

  return value != NULL ? GPOINTER_TO_INT (value) - 1 : ENTENTE_MEMBER_STATUS_NONE;
}

GdkRGBA
entente_map_view_get_status_color (EntenteMapView      *self,
                                   EntenteMemberStatus  status)
{
  const Palette *palette = get_palette ();

  if ((guint) status >= ENTENTE_N_MEMBER_STATUSES)
    return palette->land;

  return palette->status[status];
}

/* TRUE when @from began by the end of the period @date names. */
static gboolean
began_by (const EntenteDate *from,
          const EntenteDate *date)
{
  int end_month = date->month > 0 ? date->month : 13;
  int end_day = date->day > 0 ? date->day : 32;

  if (from->year != date->year)
    return from->year < date->year;
  if (from->month != end_month)
    return from->month < end_month;

  return from->day <= end_day;
}

/* The date the status shown for @member began, or NULL. */
static const EntenteDate *
find_since (EntenteMapView      *self,
            EntenteMember       *member,
            EntenteMemberStatus  status)
{
  const EntenteStatusPeriod *history;
  const EntenteDate *date = NULL;
  const EntenteDate *since = NULL;
  guint n_history = 0;

  if (self->date != NULL && entente_date_is_set (self->date))
    date = self->date;
  else if (entente_date_is_set (entente_pack_get_as_of (self->pack)))
    date = entente_pack_get_as_of (self->pack);

  history = entente_member_get_history (member, &n_history);
  for (guint i = 0; i < n_history; i++)
    if (history[i].status == status && (date == NULL || began_by (&history[i].from, date)))
      since = &history[i].from;

  if (entente_member_get_status (member) == ENTENTE_MEMBER_STATUS_FORMER_MEMBER)
    {
      const EntenteDate *left = entente_member_get_left (member);

      if (status == ENTENTE_MEMBER_STATUS_MEMBER)
        since = entente_member_get_joined (member);
      else if (status == ENTENTE_MEMBER_STATUS_FORMER_MEMBER)
        since = left;
    }
  else if (status == entente_member_get_status (member))
    {
      const EntenteDate *joined = entente_member_get_joined (member);

      if (entente_date_is_set (joined) && (date == NULL || began_by (joined, date)))
        since = joined;
    }

  return since != NULL && entente_date_is_set (since) ? since : NULL;
}

static char *
format_status_line (EntenteMemberStatus  status,
                    const EntenteDate   *since)
{
  g_autofree char *when = NULL;

  if (since == NULL)
    return g_strdup (entente_member_status_get_label (status));

  when = entente_date_format (since);

  switch (status)
    {
    case ENTENTE_MEMBER_STATUS_MEMBER:
      /* Translators: %s is a date, "9 June 2017" or "2017" */
      return g_strdup_printf (_("Member since %s"), when);

    case ENTENTE_MEMBER_STATUS_OBSERVER:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Observer since %s"), when);

    case ENTENTE_MEMBER_STATUS_DIALOGUE_PARTNER:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Dialogue partner since %s"), when);

    case ENTENTE_MEMBER_STATUS_PARTNER:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Partner since %s"), when);

    case ENTENTE_MEMBER_STATUS_APPLICANT:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Applicant since %s"), when);

    case ENTENTE_MEMBER_STATUS_FORMER_MEMBER:
      /* Translators: %s is a date */
      return g_strdup_printf (_("Former member since %s"), when);

    case ENTENTE_MEMBER_STATUS_NONE:
    default:
      return NULL;
    }
}

static char *
describe_country (EntenteMapView *self,
                  const char     *code,
                  gboolean        one_line)
{
  const EntenteAtlasCountry *country;
  EntenteMember *member = NULL;
  EntenteMemberStatus status;
  g_autofree char *line = NULL;
  const char *name;

  if (code == NULL || self->atlas == NULL)
    return NULL;

  country = entente_atlas_lookup (self->atlas, code);
  if (self->pack != NULL)
    member = entente_pack_lookup_member (self->pack, code);

  if (member != NULL && entente_member_get_name (member) != NULL)
    name = entente_member_get_name (member);
  else if (country != NULL)
    name = entente_atlas_country_get_display_name (country);
  else
    name = code;

  status = entente_map_view_get_status_shown (self, code);
  if (member != NULL && status != ENTENTE_MEMBER_STATUS_NONE)
    line = format_status_line (status, find_since (self, member, status));

  if (line == NULL)
    return g_strdup (name);

  if (one_line)
    /* Translators: a country and its status, "Kazakhstan, Member since 15 June 2001" */
    return g_strdup_printf (_("%s, %s"), name, line);

  return g_strdup_printf ("%s\n%s", name, line);
}

static void
update_accessible_description (EntenteMapView *self)
{
  const char *code = self->selected_code;
  g_autofree char *text = NULL;

  if (self->focused_index >= 0 && gtk_widget_has_focus (GTK_WIDGET (self)))
    code = g_ptr_array_index (self->codes, self->focused_index);

  text = describe_country (self, code, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text : _("No state selected"),
                                  -1);
}

/* Drawing
 *
 * The map is kept in layers drawn for one view (size, scale and centre), in
 * render_layers(): the base (background, sea, graticule), one coverage mask (A8) per
 * state of the pack over its bounding box, a mask of the other countries and one of
 * every border. Colouring the map (compose()) paints the base, each state's mask in its
 * status colour, the other countries muted, the borders, the sphere's outline and the
 * markers into a kept surface that frames paint: a change of date costs a few
 * composites, not a redraw of the shapes, and a new style draws only the base again.
 * A new size or pack draws the layers again at once, in the frame; a new view is drawn
 * in a worker thread once the view has been still for SETTLE_MS, and until then frames
 * scale and shift the kept map. */

static void
get_view (EntenteMapView *self,
          View           *view)
{
  view->width = gtk_widget_get_width (GTK_WIDGET (self));
  view->height = gtk_widget_get_height (GTK_WIDGET (self));
  view->scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  view->scale = self->scale;
  view->center_x = self->center_x;
  view->center_y = self->center_y;
}

static gboolean
view_same_place (const View *a,
                 const View *b)
{
  return a->scale == b->scale && a->center_x == b->center_x && a->center_y == b->center_y;
}

static gboolean
view_same_size (const View *a,
                const View *b)
{
  return a->width == b->width && a->height == b->height && a->scale_factor == b->scale_factor;
}

static inline double
view_x (const View *view,
        double      x)
{
  return view->width / 2.0 + (x - view->center_x) * view->scale;
}

static inline double
view_y (const View *view,
        double      y)
{
  return view->height / 2.0 - (y - view->center_y) * view->scale;
}

static void
append_polyline (cairo_t               *cr,
                 const View            *view,
                 const EntentePolyline *line,
                 gboolean               close)
{
  double w2 = view->width / 2.0;
  double h2 = view->height / 2.0;
  double last_x = 0, last_y = 0;

  for (guint i = 0; i < line->n_points; i++)
    {
      double x = w2 + (line->points[i].x - view->center_x) * view->scale;
      double y = h2 - (line->points[i].y - view->center_y) * view->scale;

      if (i == 0)
        cairo_move_to (cr, x, y);
      else if (fabs (x - last_x) + fabs (y - last_y) >= 0.6 || i == line->n_points - 1)
        cairo_line_to (cr, x, y);
      else
        continue;

      last_x = x;
      last_y = y;
    }

  if (close)
    cairo_close_path (cr);
}

static gboolean
bounds_visible (const View          *view,
                const EntenteBounds *bounds)
{
  double x0 = view_x (view, bounds->min_x);
  double x1 = view_x (view, bounds->max_x);
  double y0 = view_y (view, bounds->max_y);
  double y1 = view_y (view, bounds->min_y);

  return x1 >= -2 && y1 >= -2 && x0 <= view->width + 2 && y0 <= view->height + 2;
}

static void
append_country (cairo_t                   *cr,
                const View                *view,
                const EntenteAtlasCountry *country)
{
  guint n = entente_atlas_country_get_n_rings (country);

  for (guint i = 0; i < n; i++)
    {
      const EntentePolyline *ring = entente_atlas_country_get_ring (country, i);

      if (bounds_visible (view, &ring->bounds))
        append_polyline (cr, view, ring, TRUE);
    }
}

static gboolean
is_marked_at (EntenteMapView            *self,
              const EntenteAtlasCountry *country,
              double                     scale)
{
  const char *code = entente_atlas_country_get_code (country);

  return code != NULL &&
         g_hash_table_contains (self->statuses, code) &&
         entente_atlas_country_is_small (country, scale);
}

static gboolean
is_marked (EntenteMapView            *self,
           const EntenteAtlasCountry *country)
{
  return is_marked_at (self, country, self->scale);
}

static void
draw_marker (cairo_t                   *cr,
             const View                *view,
             const EntenteAtlasCountry *country,
             const GdkRGBA             *fill,
             const GdkRGBA             *ring,
             double                     radius,
             double                     ring_width)
{
  double lx, ly;

  entente_atlas_country_get_label_point (country, &lx, &ly);
  cairo_new_path (cr);
  cairo_arc (cr, view_x (view, lx), view_y (view, ly), radius, 0, 2 * G_PI);
  if (fill != NULL)
    {
      gdk_cairo_set_source_rgba (cr, fill);
      cairo_fill_preserve (cr);
    }
  cairo_set_line_width (cr, ring_width);
  gdk_cairo_set_source_rgba (cr, ring);
  cairo_stroke (cr);
}

static void
layers_free (Layers *layers)
{
  g_clear_pointer (&layers->base, cairo_surface_destroy);
  g_clear_pointer (&layers->land, cairo_surface_destroy);
  g_clear_pointer (&layers->borders, cairo_surface_destroy);
  for (guint i = 0; layers->masks != NULL && layers->codes[i] != NULL; i++)
    g_clear_pointer (&layers->masks[i], cairo_surface_destroy);
  g_free (layers->masks);
  g_strfreev (layers->codes);
  g_free (layers);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Layers, layers_free)

static gboolean
same_codes (const char * const *a,
            GPtrArray          *b)
{
  guint n = a != NULL ? g_strv_length ((char **) a) : 0;

  if (n != b->len)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (a[i], g_ptr_array_index (b, i)) != 0)
      return FALSE;

  return TRUE;
}

static cairo_surface_t *
create_surface (cairo_format_t format,
                int            x,
                int            y,
                int            width,
                int            height,
                int            scale_factor)
{
  cairo_surface_t *surface = cairo_image_surface_create (format, width, height);

  /* widget coordinates map onto this part of the widget's pixels */
  cairo_surface_set_device_scale (surface, scale_factor, scale_factor);
  cairo_surface_set_device_offset (surface, -x, -y);

  return surface;
}

/* Borders are thin lines of one colour, drawn here straight into an A8 mask instead of
 * by cairo's stroker, which made them most of the cost of drawing the map: every
 * segment is sampled once per pixel column (or row, if steep) along its longer axis,
 * and the line's coverage there, its width across that axis, is shared between the two
 * pixels it falls on (Wu's antialiased lines), or the pixels it covers if it is wider
 * than one. Where lines meet or overlap (a border is
 * the edge of two countries) the greater coverage is kept, as a stroke would. */
typedef struct
{
  guint8 *data;
  int     stride;
  int     width;
  int     height;
  double  line_width; /* in pixels */
} LineMask;

static inline void
line_mask_put (LineMask *mask,
               int       x,
               int       y,
               double    coverage)
{
  guint8 value;
  guint8 *pixel;

  if (x < 0 || y < 0 || x >= mask->width || y >= mask->height || coverage <= 0)
    return;

  value = (guint8) (MIN (coverage, 1.0) * 255 + 0.5);
  pixel = mask->data + (gsize) y * mask->stride + x;
  if (value > *pixel)
    *pixel = value;
}

static void
line_mask_segment (LineMask *mask,
                   double    x0,
                   double    y0,
                   double    x1,
                   double    y1)
{
  gboolean steep = fabs (y1 - y0) > fabs (x1 - x0);
  double gradient, across;
  int first, last;

  if (steep)
    {
      double t;

      t = x0; x0 = y0; y0 = t;
      t = x1; x1 = y1; y1 = t;
    }
  if (x0 > x1)
    {
      double t;

      t = x0; x0 = x1; x1 = t;
      t = y0; y0 = y1; y1 = t;
    }

  /* off the mask altogether */
  if (x1 < -1 || x0 > (steep ? mask->height : mask->width) + 1 ||
      MAX (y0, y1) < -1 || MIN (y0, y1) > (steep ? mask->width : mask->height) + 1)
    return;

  gradient = x1 > x0 ? (y1 - y0) / (x1 - x0) : 0;
  /* the line's extent along the minor axis, at one column */
  across = mask->line_width * sqrt (1 + gradient * gradient);

  /* the columns whose centres lie in [x0, x1) */
  first = (int) ceil (x0 - 0.5);
  last = (int) ceil (x1 - 0.5);
  first = MAX (first, -1);
  last = MIN (last, (steep ? mask->height : mask->width) + 1);

  for (int i = first; i < last; i++)
    {
      double y = y0 + gradient * (i + 0.5 - x0);

      if (across <= 1)
        {
          /* Wu's: the two pixels nearest to the line share its coverage */
          int row = (int) floor (y - 0.5);
          double f = y - 0.5 - row;

          if (steep)
            {
              line_mask_put (mask, row, i, across * (1 - f));
              line_mask_put (mask, row + 1, i, across * f);
            }
          else
            {
              line_mask_put (mask, i, row, across * (1 - f));
              line_mask_put (mask, i, row + 1, across * f);
            }
        }
      else
        {
          /* wider (at a scale factor of 2): each pixel gets what the line covers of it */
          double lo = y - across / 2;
          double hi = y + across / 2;

          for (int row = (int) floor (lo); row <= (int) floor (hi); row++)
            {
              double coverage = MIN (hi, row + 1) - MAX (lo, row);

              if (steep)
                line_mask_put (mask, row, i, coverage);
              else
                line_mask_put (mask, i, row, coverage);
            }
        }
    }
}

static void
line_mask_polyline (LineMask              *mask,
                    const View            *view,
                    const EntentePolyline *line)
{
  double k = view->scale * view->scale_factor;
  double w2 = view->width * view->scale_factor / 2.0;
  double h2 = view->height * view->scale_factor / 2.0;
  double min_step = 0.6 * view->scale_factor;
  double last_x = 0, last_y = 0;

  for (guint i = 0; i < line->n_points; i++)
    {
      double x = w2 + (line->points[i].x - view->center_x) * k;
      double y = h2 - (line->points[i].y - view->center_y) * k;

      if (i > 0)
        {
          if (fabs (x - last_x) + fabs (y - last_y) < min_step && i != line->n_points - 1)
            continue;
          line_mask_segment (mask, last_x, last_y, x, y);
        }

      last_x = x;
      last_y = y;
    }
}

/* Draws the base for the layers' view in the light or dark style: the sphere, a soft
 * sea inside its outline, and the graticule. It is the only layer with colours: a new
 * style draws it again and keeps the others. No clip to the outline: the graticule and
 * the shapes lie inside it, and a clip that is not a rectangle makes cairo composite
 * every fill through a mask. */
static void
render_base (Layers       *layers,
             EntenteAtlas *atlas,
             gboolean      dark)
{
  const Palette *palette = dark ? &dark_palette : &light_palette;
  const View *view = &layers->view;
  const EntentePolyline *graticule;
  guint n_lines = 0;
  cairo_t *cr;

  g_clear_pointer (&layers->base, cairo_surface_destroy);
  layers->base = create_surface (CAIRO_FORMAT_ARGB32, 0, 0,
                                 view->width * view->scale_factor, view->height * view->scale_factor,
                                 view->scale_factor);
  layers->dark = dark;

  cr = cairo_create (layers->base);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  gdk_cairo_set_source_rgba (cr, &palette->background);
  cairo_paint (cr);

  append_polyline (cr, view, entente_atlas_get_outline (atlas), TRUE);
  gdk_cairo_set_source_rgba (cr, &palette->sea);
  cairo_fill (cr);

  graticule = entente_atlas_get_graticule (atlas, &n_lines);
  for (guint i = 0; i < n_lines; i++)
    append_polyline (cr, view, &graticule[i], FALSE);
  cairo_set_line_width (cr, 1.0);
  gdk_cairo_set_source_rgba (cr, &palette->graticule);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

typedef struct
{
  EntenteAtlas *atlas;
  Layers       *layers;
  const int    *owner;
  guint         n;
} LayerWork;

/* The two full-size masks: the countries outside the pack and the borders. Another
 * thread draws them while render_layers() draws the rest. */
static gpointer
render_land_and_borders (gpointer data)
{
  LayerWork *work = data;
  EntenteAtlas *atlas = work->atlas;
  Layers *layers = work->layers;
  const View *view = &layers->view;
  const int *owner = work->owner;
  guint n = work->n;
  int width = view->width * view->scale_factor;
  int height = view->height * view->scale_factor;
  LineMask lines;
  cairo_t *cr;

  /* the countries outside the pack, muted. Countries never overlap, and with the
   * even-odd rule an enclave (Lesotho) that fills its neighbour's hole is counted three
   * times, so it stays filled: one path. A mask, because the pack's states are painted
   * below them, as they always were (the edges they share blend the same way). */
  layers->land = create_surface (CAIRO_FORMAT_A8, 0, 0, width, height, view->scale_factor);
  cr = cairo_create (layers->land);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  /* cairo's fast antialiasing (fewer samples per pixel) fills in about half the time,
   * and the borders drawn over every edge hide the difference */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (guint i = 0; i < n; i++)
    if (owner[i] == -1)
      append_country (cr, view, entente_atlas_get_country (atlas, i));
  cairo_fill (cr);
  cairo_destroy (cr);

  /* every border, 0.7 pixels wide */
  layers->borders = create_surface (CAIRO_FORMAT_A8, 0, 0, width, height, view->scale_factor);
  cairo_surface_flush (layers->borders);
  lines.data = cairo_image_surface_get_data (layers->borders);
  lines.stride = cairo_image_surface_get_stride (layers->borders);
  lines.width = width;
  lines.height = height;
  lines.line_width = 0.7 * view->scale_factor;
  for (guint i = 0; i < n; i++)
    if (owner[i] != -2)
      {
        const EntenteAtlasCountry *country = entente_atlas_get_country (atlas, i);

        for (guint r = 0; r < entente_atlas_country_get_n_rings (country); r++)
          {
            const EntentePolyline *ring = entente_atlas_country_get_ring (country, r);

            if (bounds_visible (view, &ring->bounds))
              line_mask_polyline (&lines, view, ring);
          }
      }
  cairo_surface_mark_dirty (layers->borders);

  return NULL;
}

/* Draws the layers for @view. Touches no GTK and only reads the (decoded) atlas, so it
 * may run in a worker thread, and runs in two; returns NULL if @cancellable was
 * cancelled meanwhile. */
static Layers *
render_layers (EntenteAtlas       *atlas,
               const View         *view,
               gboolean            dark,
               const char * const *codes,
               GCancellable       *cancellable)
{
  g_autoptr(Layers) layers = g_new0 (Layers, 1);
  g_autoptr(GHashTable) pack = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree int *owner = NULL;
  g_autofree EntenteBounds *extent = NULL;
  int width = view->width * view->scale_factor;
  int height = view->height * view->scale_factor;
  guint n_codes = g_strv_length ((char **) codes);
  LayerWork work;
  GThread *helper;
  guint n;
  cairo_t *cr;

  layers->view = *view;
  layers->codes = g_strdupv ((char **) codes);
  layers->masks = g_new0 (cairo_surface_t *, n_codes);
  for (guint i = 0; i < n_codes; i++)
    g_hash_table_insert (pack, (gpointer) codes[i], GUINT_TO_POINTER (i + 1));

  /* which state of the pack (or -1) owns each visible country, -2 if off-screen */
  n = entente_atlas_get_n_countries (atlas);
  owner = g_new (int, n);
  extent = g_new (EntenteBounds, n_codes);
  for (guint i = 0; i < n_codes; i++)
    entente_bounds_init_empty (&extent[i]);
  for (guint i = 0; i < n; i++)
    {
      const EntenteAtlasCountry *country = entente_atlas_get_country (atlas, i);
      const char *code = entente_atlas_country_get_code (country);
      EntenteBounds bounds;
      guint index = 0;

      entente_atlas_country_get_bounds (country, &bounds);
      if (!bounds_visible (view, &bounds))
        {
          owner[i] = -2;
          continue;
        }

      if (code != NULL)
        index = GPOINTER_TO_UINT (g_hash_table_lookup (pack, code));
      owner[i] = (int) index - 1;
      if (index > 0)
        {
          entente_bounds_add_point (&extent[index - 1], view_x (view, bounds.min_x), view_y (view, bounds.max_y));
          entente_bounds_add_point (&extent[index - 1], view_x (view, bounds.max_x), view_y (view, bounds.min_y));
        }
    }

  /* two threads: this one the base and the states, another the full-size masks */
  work = (LayerWork) { atlas, layers, owner, n };
  helper = g_thread_try_new ("entente-map", render_land_and_borders, &work, NULL);

  render_base (layers, atlas, dark);

  /* the pack's states: each one's coverage, to be filled with its colour */
  for (guint c = 0; c < n_codes && !g_cancellable_is_cancelled (cancellable); c++)
    {
      int x0, y0, x1, y1;

      if (extent[c].min_x > extent[c].max_x)
        continue;

      x0 = MAX (0, (int) floor (extent[c].min_x * view->scale_factor) - 1);
      y0 = MAX (0, (int) floor (extent[c].min_y * view->scale_factor) - 1);
      x1 = MIN (width, (int) ceil (extent[c].max_x * view->scale_factor) + 1);
      y1 = MIN (height, (int) ceil (extent[c].max_y * view->scale_factor) + 1);
      if (x1 <= x0 || y1 <= y0)
        continue;

      layers->masks[c] = create_surface (CAIRO_FORMAT_A8, x0, y0, x1 - x0, y1 - y0, view->scale_factor);
      cr = cairo_create (layers->masks[c]);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
      for (guint i = 0; i < n; i++)
        if (owner[i] == (int) c)
          append_country (cr, view, entente_atlas_get_country (atlas, i));
      cairo_fill (cr);
      cairo_destroy (cr);
    }

  if (helper != NULL)
    g_thread_join (helper);
  else
    render_land_and_borders (&work);

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  return g_steal_pointer (&layers);
}

/* Colours the kept layers into the composite that frames paint. */
static void
compose (EntenteMapView *self)
{
  Layers *layers = self->layers;
  const Palette *palette = layers->dark ? &dark_palette : &light_palette;
  const View *view = &layers->view;
  int width = view->width * view->scale_factor;
  int height = view->height * view->scale_factor;
  cairo_surface_t *target;
  cairo_t *cr;

  /* Two surfaces in turn: the last frame's render nodes may still hold the other one,
   * and drawing into a surface that a node holds would make cairo copy it first. */
  self->composite_index = 1 - self->composite_index;
  target = self->composite[self->composite_index];
  if (target == NULL ||
      cairo_image_surface_get_width (target) != width ||
      cairo_image_surface_get_height (target) != height)
    {
      g_clear_pointer (&self->composite[self->composite_index], cairo_surface_destroy);
      target = create_surface (CAIRO_FORMAT_ARGB32, 0, 0, width, height, view->scale_factor);
      self->composite[self->composite_index] = target;
    }
  else
    cairo_surface_set_device_scale (target, view->scale_factor, view->scale_factor);

  cr = cairo_create (target);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, layers->base, 0, 0);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);

  /* one colour after the other, the muted countries last, as the map always drew them */
  for (int colour = 0; colour <= ENTENTE_MEMBER_STATUS_NONE; colour++)
    {
      if (colour == ENTENTE_MEMBER_STATUS_NONE)
        gdk_cairo_set_source_rgba (cr, &palette->land);
      else
        gdk_cairo_set_source_rgba (cr, &palette->status[colour]);

      for (guint i = 0; layers->codes[i] != NULL; i++)
        if (layers->masks[i] != NULL &&
            (int) entente_map_view_get_status_shown (self, layers->codes[i]) == colour)
          cairo_mask_surface (cr, layers->masks[i], 0, 0);
    }
  cairo_mask_surface (cr, layers->land, 0, 0);

  gdk_cairo_set_source_rgba (cr, &palette->border);
  cairo_mask_surface (cr, layers->borders, 0, 0);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  append_polyline (cr, view, entente_atlas_get_outline (self->atlas), TRUE);
  cairo_set_line_width (cr, 1.0);
  gdk_cairo_set_source_rgba (cr, &palette->outline);
  cairo_stroke (cr);

  /* the pack's small states get round markers */
  for (guint i = 0; layers->codes[i] != NULL; i++)
    {
      const EntenteAtlasCountry *country = entente_atlas_lookup (self->atlas, layers->codes[i]);
      EntenteMemberStatus status = entente_map_view_get_status_shown (self, layers->codes[i]);

      if (country != NULL && is_marked_at (self, country, view->scale))
        draw_marker (cr, view, country,
                     status != ENTENTE_MEMBER_STATUS_NONE ? &palette->status[status] : &palette->land,
                     &palette->halo, MARKER_RADIUS, 1.5);
    }

  cairo_destroy (cr);
  self->composite_layers = layers;
  self->composite_serial = self->colour_serial;
}

static void
install_layers (EntenteMapView *self,
                Layers         *layers)
{
  g_clear_pointer (&self->layers, layers_free);
  self->layers = layers;
  self->composite_layers = NULL;
}

struct _RenderJob
{
  EntenteAtlas  *atlas;
  View           view;
  gboolean       dark;
  GStrv          codes;
  GCancellable  *cancellable;
  /* set by the worker when it no longer draws */
  GMutex         lock;
  GCond          cond;
  gboolean       done;
};

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  g_object_unref (job->atlas);
  g_strfreev (job->codes);
  g_object_unref (job->cancellable);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
  g_free (job);
}

/* Forgets the render in progress: its result will be dropped. */
static void
cancel_render (EntenteMapView *self)
{
  if (self->render_job == NULL)
    return;

  g_cancellable_cancel (self->render_job->cancellable);
  self->render_job = NULL;
}

/* Cancels the render in progress and waits until the worker has stopped drawing (it
 * checks between layers), so that nothing of the widget's is used after it is gone. */
static void
stop_render (EntenteMapView *self)
{
  RenderJob *job = self->render_job;

  if (job == NULL)
    return;

  cancel_render (self);
  g_mutex_lock (&job->lock);
  while (!job->done)
    g_cond_wait (&job->cond, &job->lock);
  g_mutex_unlock (&job->lock);
}

static void
render_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RenderJob *job = task_data;
  Layers *layers;

  layers = render_layers (job->atlas, &job->view, job->dark,
                          (const char * const *) job->codes, cancellable);

  g_mutex_lock (&job->lock);
  job->done = TRUE;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->lock);

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, layers, (GDestroyNotify) layers_free);
  else if (layers != NULL)
    layers_free (layers);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(EntenteMapView) self = g_weak_ref_get (data);
  GTask *task = G_TASK (result);
  Layers *layers;
  View view;

  weak_ref_free (data);
  layers = g_task_propagate_pointer (task, NULL);
  /* a render that was cancelled, or replaced by a newer one, or a widget that is gone */
  if (layers == NULL || self == NULL || g_task_get_task_data (task) != self->render_job)
    {
      g_clear_pointer (&layers, layers_free);
      return;
    }

  self->render_job = NULL;
  get_view (self, &view);
  if (self->atlas == NULL || self->layers == NULL ||
      !view_same_size (&layers->view, &view) ||
      !same_codes ((const char * const *) layers->codes, self->codes))
    {
      /* drawn for a size or pack that is gone: the next frame draws at once */
      layers_free (layers);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  install_layers (self, layers);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (!view_same_place (&self->layers->view, &view) && self->settle_id == 0)
    start_render (self);
}

/* Draws the layers for the current view in a worker thread, unless that is being done. */
static void
start_render (EntenteMapView *self)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *weak;
  RenderJob *job;
  View view;

  if (self->layers == NULL || !ensure_loaded (self))
    return;

  get_view (self, &view);
  /* a new size is drawn in the next frame (paint_map()) */
  if (!view_same_size (&self->layers->view, &view))
    return;
  if (view_same_place (&self->layers->view, &view))
    {
      cancel_render (self);
      return;
    }
  if (self->render_job != NULL)
    {
      if (view_same_place (&self->render_job->view, &view))
        return;
      cancel_render (self);
    }

  job = g_new0 (RenderJob, 1);
  job->atlas = g_object_ref (self->atlas);
  job->view = view;
  job->dark = is_dark ();
  g_ptr_array_add (self->codes, NULL);
  job->codes = g_strdupv ((char **) self->codes->pdata);
  g_ptr_array_remove_index (self->codes, self->codes->len - 1);
  job->cancellable = g_cancellable_new ();
  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);
  /* what the atlas keeps on demand is made here, so the worker only reads */
  entente_atlas_get_outline (self->atlas);
  entente_atlas_get_graticule (self->atlas, &(guint) { 0 });

  weak = g_new (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, job->cancellable, render_done_cb, weak);
  g_task_set_source_tag (task, start_render);
  g_task_set_task_data (task, job, render_job_free);
  self->render_job = job;
  g_task_run_in_thread (task, render_thread_cb);
}

/* Paints the kept map for the current view: as composed when the view has not changed
 * since its layers were drawn, else scaled and shifted until they are drawn again. */
static void
paint_map (EntenteMapView *self,
           cairo_t        *cr)
{
  const Palette *palette = get_palette ();
  gboolean dark = is_dark ();
  g_auto(GStrv) codes = NULL;
  View view;

  get_view (self, &view);
  if (self->layers == NULL || !view_same_size (&self->layers->view, &view) ||
      !same_codes ((const char * const *) self->layers->codes, self->codes))
    {
      cancel_render (self);
      g_ptr_array_add (self->codes, NULL);
      codes = g_strdupv ((char **) self->codes->pdata);
      g_ptr_array_remove_index (self->codes, self->codes->len - 1);
      install_layers (self, render_layers (self->atlas, &view, dark,
                                           (const char * const *) codes, NULL));
    }
  else if (!view_same_place (&self->layers->view, &view) && self->settle_id == 0)
    start_render (self);

  if (self->layers->dark != dark)
    {
      render_base (self->layers, self->atlas, dark);
      self->composite_layers = NULL;
    }

  if (self->composite_layers != self->layers || self->composite_serial != self->colour_serial)
    compose (self);

  if (!view_same_place (&self->layers->view, &view))
    {
      const View *from = &self->layers->view;
      double k = view.scale / from->scale;

      gdk_cairo_set_source_rgba (cr, &palette->background);
      cairo_paint (cr);
      cairo_save (cr);
      cairo_translate (cr, view.width / 2.0, view.height / 2.0);
      cairo_scale (cr, k, k);
      cairo_translate (cr,
                       -view.width / 2.0 + (from->center_x - view.center_x) * from->scale,
                       -view.height / 2.0 - (from->center_y - view.center_y) * from->scale);
      cairo_set_source_surface (cr, self->composite[self->composite_index], 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
      cairo_paint (cr);
      cairo_restore (cr);
      return;
    }

  cairo_set_source_surface (cr, self->composite[self->composite_index], 0, 0);
  cairo_paint (cr);
}

static void
outline_country (cairo_t                   *cr,
                 EntenteMapView            *self,
                 const char                *code,
                 const GdkRGBA             *fill,
                 const GdkRGBA             *halo,
                 const GdkRGBA             *stroke,
                 double                     width,
                 gboolean                   dashed)
{
  const EntenteAtlasCountry *country = entente_atlas_lookup (self->atlas, code);
  View view;

  if (country == NULL)
    return;

  get_view (self, &view);
  if (is_marked (self, country))
    {
      if (halo != NULL)
        draw_marker (cr, &view, country, NULL, halo, MARKER_RADIUS + 2.5, width + 2);
      draw_marker (cr, &view, country, fill, stroke, MARKER_RADIUS + 2.5, width);
      return;
    }

  cairo_new_path (cr);
  append_country (cr, &view, country);
  if (fill != NULL)
    {
      gdk_cairo_set_source_rgba (cr, fill);
      cairo_fill_preserve (cr);
    }
  if (halo != NULL)
    {
      cairo_set_line_width (cr, width + 2.5);
      gdk_cairo_set_source_rgba (cr, halo);
      cairo_stroke_preserve (cr);
    }
  if (dashed)
    {
      double dashes[] = { 4.0, 3.0 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  cairo_set_line_width (cr, width);
  gdk_cairo_set_source_rgba (cr, stroke);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
entente_map_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  EntenteMapView *self = ENTENTE_MAP_VIEW (widget);
  const Palette *palette = get_palette ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0 || !ensure_loaded (self))
    return;

  if (!self->view_set || self->fit_pending)
    do_fit (self);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  paint_map (self, cr);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);

  if (self->hovered_code != NULL)
    {
      GdkRGBA edge = palette->selection;

      edge.alpha = 0.55;
      outline_country (cr, self, self->hovered_code, &palette->hover, NULL, &edge, 1.2, FALSE);
    }

  if (self->focused_index >= 0 && gtk_widget_has_visible_focus (widget))
    outline_country (cr, self, g_ptr_array_index (self->codes, self->focused_index),
                     NULL, &palette->halo, &palette->focus, 2.0, TRUE);

  if (self->marked_code != NULL)
    outline_country (cr, self, self->marked_code, NULL, &palette->halo, &palette->wrong, 2.2, TRUE);
  if (self->selected_code != NULL)
    outline_country (cr, self, self->selected_code, NULL, &palette->halo, &palette->selection, 2.2, FALSE);

  cairo_destroy (cr);
}

/* Hit testing */

static const char *
code_at (EntenteMapView *self,
         double          wx,
         double          wy)
{
  const EntenteAtlasCountry *country = NULL;
  g_autoptr(GPtrArray) marked = NULL;

  if (!self->view_set || !ensure_loaded (self))
    return NULL;

  marked = g_ptr_array_new ();
  for (guint i = 0; i < self->codes->len; i++)
    {
      const EntenteAtlasCountry *c = entente_atlas_lookup (self->atlas, g_ptr_array_index (self->codes, i));

      if (c != NULL && is_marked (self, c))
        g_ptr_array_add (marked, g_ptr_array_index (self->codes, i));
    }
  g_ptr_array_add (marked, NULL);

  if (marked->len > 1)
    country = entente_atlas_hit_test_markers (self->atlas, to_map_x (self, wx), to_map_y (self, wy),
                                              MARKER_HIT_PX / self->scale,
                                              (const char * const *) marked->pdata);
  if (country == NULL)
    country = entente_atlas_hit_test (self->atlas, to_map_x (self, wx), to_map_y (self, wy));

  return country != NULL ? entente_atlas_country_get_code (country) : NULL;
}

static gboolean
replace_str (char       **field,
             const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
set_hovered_code (EntenteMapView *self,
                  const char     *code)
{
  if (!replace_str (&self->hovered_code, code))
    return;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED_CODE]);
}

static void
activate_code (EntenteMapView *self,
               const char     *code)
{
  if (code == NULL)
    return;

  entente_map_view_set_selected_code (self, code);
  g_signal_emit (self, signals[COUNTRY_ACTIVATED], 0, code);
}

/* Makes sure the country at @index is on screen, panning the least needed. */
static void
reveal_focused (EntenteMapView *self)
{
  const EntenteAtlasCountry *country;
  double lx, ly, wx, wy;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->focused_index < 0 || !self->view_set)
    return;

  country = entente_atlas_lookup (self->atlas, g_ptr_array_index (self->codes, self->focused_index));
  if (country == NULL)
    return;

  entente_atlas_country_get_label_point (country, &lx, &ly);
  wx = to_widget_x (self, lx);
  wy = to_widget_y (self, ly);
  if (wx < 24 || wy < 24 || wx > width - 24 || wy > height - 24)
    {
      self->center_x = lx;
      self->center_y = ly;
      view_changed (self);
    }
}

static gboolean
move_focus (EntenteMapView *self,
            int             delta,
            gboolean        wrap)
{
  int n = self->codes->len;
  int next;

  if (n == 0)
    return FALSE;

  if (self->focused_index < 0)
    next = delta > 0 ? 0 : n - 1;
  else
    next = self->focused_index + delta;

  if (next < 0 || next >= n)
    {
      if (!wrap)
        return FALSE;
      next = (next + n) % n;
    }

  self->focused_index = next;
  reveal_focused (self);
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

static gboolean
entente_map_view_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  EntenteMapView *self = ENTENTE_MAP_VIEW (widget);
  int delta;

  if (direction == GTK_DIR_TAB_FORWARD)
    delta = 1;
  else if (direction == GTK_DIR_TAB_BACKWARD)
    delta = -1;
  else
    return FALSE;

  if (!gtk_widget_has_focus (widget))
    {
      /* entering the map: start at the first (or last) state */
      self->focused_index = -1;
      move_focus (self, delta, FALSE);
      gtk_widget_grab_focus (widget);
      return TRUE;
    }

  /* Tab walks the pack's states, then leaves the map */
  if (move_focus (self, delta, FALSE))
    return TRUE;

  self->focused_index = -1;
  gtk_widget_queue_draw (widget);

  return FALSE;
}

/* Event handlers */

static void
motion_cb (EntenteMapView           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  set_hovered_code (self, code_at (self, x, y));
}

static void
leave_cb (EntenteMapView           *self,
          GtkEventControllerMotion *motion)
{
  self->pointer_inside = FALSE;
  set_hovered_code (self, NULL);
}

static gboolean
scroll_cb (EntenteMapView           *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *scroll)
{
  double x = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = self->pointer_inside ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (dy == 0)
    return FALSE;

  zoom_about (self, pow (1.2, -dy), x, y);

  return TRUE;
}

static void
zoom_begin_cb (EntenteMapView   *self,
               GdkEventSequence *sequence,
               GtkGestureZoom   *gesture)
{
  self->zoom_start_scale = self->scale;
}

static void
zoom_scale_changed_cb (EntenteMapView *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  zoom_about (self, self->zoom_start_scale * scale / self->scale, x, y);
}

static void
drag_begin_cb (EntenteMapView *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  self->drag_center_x = self->center_x;
  self->drag_center_y = self->center_y;
}

static void
drag_update_cb (EntenteMapView *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  if (!self->view_set)
    return;

  self->center_x = self->drag_center_x - dx / self->scale;
  self->center_y = self->drag_center_y + dy / self->scale;
  self->user_moved = TRUE;
  view_changed (self);
}

static void
pressed_cb (EntenteMapView  *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
released_cb (EntenteMapView  *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  const char *code;

  if (n_press != 1)
    return;

  code = code_at (self, x, y);
  if (code != NULL)
    {
      int index;
      guint pos;

      if (g_ptr_array_find_with_equal_func (self->codes, code, g_str_equal, &pos))
        index = pos;
      else
        index = -1;
      self->focused_index = index;
      activate_code (self, code);
    }
}

static gboolean
query_tooltip_cb (EntenteMapView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  g_autofree char *text = NULL;
  const char *code;

  if (keyboard)
    code = self->focused_index >= 0 ? g_ptr_array_index (self->codes, self->focused_index) : NULL;
  else
    code = code_at (self, x, y);

  text = describe_country (self, code, FALSE);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
dark_changed_cb (EntenteMapView  *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *manager)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  entente_map_view_zoom_in (ENTENTE_MAP_VIEW (widget));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  entente_map_view_zoom_out (ENTENTE_MAP_VIEW (widget));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  entente_map_view_fit_pack (ENTENTE_MAP_VIEW (widget));
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EntenteMapView *self = ENTENTE_MAP_VIEW (widget);
  int dx, dy;

  if (!self->view_set)
    return;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  self->center_x += dx * PAN_STEP_PX / self->scale;
  self->center_y -= dy * PAN_STEP_PX / self->scale;
  self->user_moved = TRUE;
  view_changed (self);
}

static void
focus_next_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_focus (ENTENTE_MAP_VIEW (widget), 1, TRUE);
}

static void
focus_previous_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_focus (ENTENTE_MAP_VIEW (widget), -1, TRUE);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EntenteMapView *self = ENTENTE_MAP_VIEW (widget);

  if (self->focused_index >= 0)
    activate_code (self, g_ptr_array_index (self->codes, self->focused_index));
}

/* GtkWidget */

static void
entente_map_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  EntenteMapView *self = ENTENTE_MAP_VIEW (widget);

  if (width <= 0 || height <= 0 || self->atlas == NULL)
    return;

  /* until the user moves the map, it keeps fitting the pack's states */
  if (!self->view_set || self->fit_pending || !self->user_moved)
    do_fit (self);
  else
    clamp_view (self);
}

static void
entente_map_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 160 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 400;
}

static void
entente_map_view_focus_changed (EntenteMapView     *self,
                                GParamSpec         *pspec,
                                GtkWidget          *widget)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->focused_index < 0 && self->codes->len > 0)
    {
      guint pos;

      if (self->selected_code != NULL &&
          g_ptr_array_find_with_equal_func (self->codes, self->selected_code, g_str_equal, &pos))
        self->focused_index = pos;
      else
        self->focused_index = 0;
    }

  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
entente_map_view_dispose (GObject *object)
{
  EntenteMapView *self = ENTENTE_MAP_VIEW (object);

  g_clear_object (&self->atlas);
  g_clear_object (&self->pack);
  stop_render (self);
  install_layers (self, NULL);
  g_clear_pointer (&self->composite[0], cairo_surface_destroy);
  g_clear_pointer (&self->composite[1], cairo_surface_destroy);
  g_clear_handle_id (&self->settle_id, g_source_remove);

  G_OBJECT_CLASS (entente_map_view_parent_class)->dispose (object);
}

static void
entente_map_view_finalize (GObject *object)
{
  EntenteMapView *self = ENTENTE_MAP_VIEW (object);

  g_clear_pointer (&self->date, entente_date_free);
  g_clear_pointer (&self->selected_code, g_free);
  g_clear_pointer (&self->marked_code, g_free);
  g_clear_pointer (&self->hovered_code, g_free);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->statuses, g_hash_table_unref);

  G_OBJECT_CLASS (entente_map_view_parent_class)->finalize (object);
}

static void
entente_map_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EntenteMapView *self = ENTENTE_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      g_value_set_object (value, self->atlas);
      break;

    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_SELECTED_CODE:
      g_value_set_string (value, self->selected_code);
      break;

    case PROP_HOVERED_CODE:
      g_value_set_string (value, self->hovered_code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_map_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EntenteMapView *self = ENTENTE_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      entente_map_view_set_atlas (self, g_value_get_object (value));
      break;

    case PROP_PACK:
      entente_map_view_set_pack (self, g_value_get_object (value));
      break;

    case PROP_DATE:
      entente_map_view_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_SELECTED_CODE:
      entente_map_view_set_selected_code (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_map_view_class_init (EntenteMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_map_view_dispose;
  object_class->finalize = entente_map_view_finalize;
  object_class->get_property = entente_map_view_get_property;
  object_class->set_property = entente_map_view_set_property;

  widget_class->snapshot = entente_map_view_snapshot;
  widget_class->size_allocate = entente_map_view_size_allocate;
  widget_class->measure = entente_map_view_measure;
  widget_class->focus = entente_map_view_focus;

  properties[PROP_ATLAS] =
    g_param_spec_object ("atlas", NULL, NULL,
                         ENTENTE_TYPE_ATLAS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL,
                         ENTENTE_TYPE_PACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        ENTENTE_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_CODE] =
    g_param_spec_string ("selected-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HOVERED_CODE] =
    g_param_spec_string ("hovered-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[COUNTRY_ACTIVATED] =
    g_signal_new ("country-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "map.pan", "(ii)", pan_action);
  gtk_widget_class_install_action (widget_class, "map.focus-next", NULL, focus_next_action);
  gtk_widget_class_install_action (widget_class, "map.focus-previous", NULL, focus_previous_action);
  gtk_widget_class_install_action (widget_class, "map.activate", NULL, activate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "map.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "map.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "map.pan", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "map.pan", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "map.pan", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "map.pan", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "map.focus-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "map.focus-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "map.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "map.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "map.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "entente-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
entente_map_view_init (EntenteMapView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->focused_index = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released", G_CALLBACK (released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect_object (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::has-focus", G_CALLBACK (entente_map_view_focus_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map of the member states"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No state selected"),
                                  -1);
}

/* Public API */

GtkWidget *
entente_map_view_new (void)
{
  return g_object_new (ENTENTE_TYPE_MAP_VIEW, NULL);
}

void
entente_map_view_set_atlas (EntenteMapView *self,
                            EntenteAtlas   *atlas)
{
  g_return_if_fail (ENTENTE_IS_MAP_VIEW (self));
  g_return_if_fail (atlas == NULL || ENTENTE_IS_ATLAS (atlas));

  if (!g_set_object (&self->atlas, atlas))
    return;

  self->view_set = FALSE;
  self->user_moved = FALSE;
  cancel_render (self);
  install_layers (self, NULL);
  update_statuses (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATLAS]);
}

EntenteAtlas *
entente_map_view_get_atlas (EntenteMapView *self)
{
  g_return_val_if_fail (ENTENTE_IS_MAP_VIEW (self), NULL);

  return self->atlas;
}

void
entente_map_view_set_pack (EntenteMapView *self,
                           EntentePack    *pack)
{
  g_return_if_fail (ENTENTE_IS_MAP_VIEW (self));
  g_return_if_fail (pack == NULL || ENTENTE_IS_PACK (pack));

  if (!g_set_object (&self->pack, pack))
    return;

  update_statuses (self);
  self->fit_pending = TRUE;
  self->user_moved = FALSE;
  if (self->hovered_code != NULL)
    set_hovered_code (self, NULL);
  update_accessible_description (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);
}

EntentePack *
entente_map_view_get_pack (EntenteMapView *self)
{
  g_return_val_if_fail (ENTENTE_IS_MAP_VIEW (self), NULL);

  return self->pack;
}

void
entente_map_view_set_date (EntenteMapView    *self,
                           const EntenteDate *date)
{
  int focused;

  g_return_if_fail (ENTENTE_IS_MAP_VIEW (self));

  if (date == NULL && self->date == NULL)
    return;
  if (date != NULL && self->date != NULL && entente_date_compare (date, self->date) == 0)
    return;

  g_clear_pointer (&self->date, entente_date_free);
  if (date != NULL)
    self->date = entente_date_copy (date);

  focused = self->focused_index;
  update_statuses (self);
  if (focused < (int) self->codes->len)
    self->focused_index = focused;
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const EntenteDate *
entente_map_view_get_date (EntenteMapView *self)
{
  g_return_val_if_fail (ENTENTE_IS_MAP_VIEW (self), NULL);

  return self->date;
}

const char *
entente_map_view_get_selected_code (EntenteMapView *self)
{
  g_return_val_if_fail (ENTENTE_IS_MAP_VIEW (self), NULL);

  return self->selected_code;
}

void
entente_map_view_set_selected_code (EntenteMapView *self,
                                    const char     *code)
{
  g_return_if_fail (ENTENTE_IS_MAP_VIEW (self));

  if (!replace_str (&self->selected_code, code))
    return;

  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CODE]);
}

const char *
entente_map_view_get_marked_code (EntenteMapView *self)
{
  g_return_val_if_fail (ENTENTE_IS_MAP_VIEW (self), NULL);

  return self->marked_code;
}

void
entente_map_view_set_marked_code (EntenteMapView *self,
                                  const char     *code)
{
  g_return_if_fail (ENTENTE_IS_MAP_VIEW (self));

  if (replace_str (&self->marked_code, code))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
entente_map_view_get_hovered_code (EntenteMapView *self)
{
  g_return_val_if_fail (ENTENTE_IS_MAP_VIEW (self), NULL);

  return self->hovered_code;
}

gboolean
entente_map_view_is_settled (EntenteMapView *self)
{
  View view;

  g_return_val_if_fail (ENTENTE_IS_MAP_VIEW (self), FALSE);

  if (self->layers == NULL)
    return FALSE;

  get_view (self, &view);

  return self->render_job == NULL &&
         view_same_place (&self->layers->view, &view) && view_same_size (&self->layers->view, &view) &&
         same_codes ((const char * const *) self->layers->codes, self->codes);
}

void
entente_map_view_settle (EntenteMapView *self)
{
  g_return_if_fail (ENTENTE_IS_MAP_VIEW (self));

  g_clear_handle_id (&self->settle_id, g_source_remove);
  start_render (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
entente_map_view_get_focused_code (EntenteMapView *self)
{
  g_return_val_if_fail (ENTENTE_IS_MAP_VIEW (self), NULL);

  if (self->focused_index < 0)
    return NULL;

  return g_ptr_array_index (self->codes, self->focused_index);
}

void
entente_map_view_fit_pack (EntenteMapView *self)
{
  g_return_if_fail (ENTENTE_IS_MAP_VIEW (self));

  if (!do_fit (self))
    {
      self->fit_pending = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

void
entente_map_view_zoom_in (EntenteMapView *self)
{
  g_return_if_fail (ENTENTE_IS_MAP_VIEW (self));

  zoom_about (self, ZOOM_STEP,
              gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
              gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
entente_map_view_zoom_out (EntenteMapView *self)
{
  g_return_if_fail (ENTENTE_IS_MAP_VIEW (self));

  zoom_about (self, 1 / ZOOM_STEP,
              gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
              gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

double
entente_map_view_get_scale (EntenteMapView *self)
{
  g_return_val_if_fail (ENTENTE_IS_MAP_VIEW (self), 0);

  return self->scale;
}

gboolean
entente_map_view_get_country_point (EntenteMapView *self,
                                    const char     *code,
                                    double         *x,
                                    double         *y)
{
  const EntenteAtlasCountry *country;
  double lx, ly, wx, wy;

  g_return_val_if_fail (ENTENTE_IS_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (!ensure_loaded (self) || !self->view_set)
    return FALSE;

  country = entente_atlas_lookup (self->atlas, code);
  if (country == NULL)
    return FALSE;

  entente_atlas_country_get_label_point (country, &lx, &ly);
  wx = to_widget_x (self, lx);
  wy = to_widget_y (self, ly);
  if (x != NULL)
    *x = wx;
  if (y != NULL)
    *y = wy;

  return wx >= 0 && wy >= 0 &&
         wx < gtk_widget_get_width (GTK_WIDGET (self)) &&
         wy < gtk_widget_get_height (GTK_WIDGET (self));
}
