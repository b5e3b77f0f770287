/* ed-station-map-view.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A station map on screen, to pan and zoom: by dragging, scrolling and pinching, and from the
 * keyboard (+ and − zoom, the arrow keys move, 0 shows the whole map).
 *
 * A district's hundred thousand dots take tens of milliseconds to draw, and a council's
 * stations' labels ten more: too long for every frame of a drag. So the map is drawn in a
 * worker into a picture half a screen larger than the view on every side, and each frame only
 * places that picture: moved as the map pans, stretched as it zooms. Once the view has stayed
 * still a moment (or a pan runs off the picture's edge) a new picture is drawn at the new
 * scale and replaces the old. The scale bar and the north arrow are drawn afresh each frame,
 * so that they stay put and true while the picture catches up. */

#define G_LOG_DOMAIN "ed-ui-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ui/stations/ed-station-map-view.h"

/* How much wider than the view the picture is, on each side, as a share of the view. */
#define PICTURE_MARGIN 0.5
/* How long the view stays still before the picture is redrawn at its scale. */
#define SETTLE_MS 120
/* One step of the keyboard or the wheel. */
#define ZOOM_STEP 1.25
#define PAN_STEP  0.125
/* How to move the map, for a screen reader. */
#define KEYS_DESCRIPTION N_("Drag or use the arrow keys to move the map; scroll, pinch or " \
                            "press + and − to zoom; 0 shows the whole map.")
/* The nearest a map comes: a few centimetres a pixel; the farthest: four times the whole. */
#define NEAREST_METRES_PER_UNIT 0.05
#define FARTHEST_FIT_FACTOR 4.0

typedef struct
{
  EdStationMap *map;
  EdMapView     view;
  int           width;       /* the picture's size in widget units */
  int           height;
  int           scale;       /* device pixels a unit */
  guint         generation;
} RenderJob;

struct _EdStationMapView
{
  GtkWidget     parent_instance;

  EdStationMap *map;
  EdMapView     view;
  gboolean      moved;         /* panned or zoomed by the person: a resize keeps the view */

  /* The picture of the dots and outlines, and the view and size it was drawn for. */
  GdkTexture   *picture;
  EdMapView     picture_view;
  int           picture_width;
  int           picture_height;
  int           picture_scale;

  guint         generation;    /* of the latest picture asked for */
  gboolean      rendering;
  GCancellable *cancellable;
  guint         settle_id;

  /* Gestures */
  EdMapView     drag_start;
  EdMapView     zoom_start;
  double        pointer_x;
  double        pointer_y;
  gboolean      pointer_inside;
};

G_DEFINE_FINAL_TYPE (EdStationMapView, ed_station_map_view, GTK_TYPE_WIDGET)

static void     schedule_picture   (EdStationMapView *self,
                                    gboolean          now);
static gboolean picture_is_current (EdStationMapView *self);

static void
render_job_free (RenderJob *job)
{
  ed_station_map_unref (job->map);
  g_free (job);
}

/* Worker: draws all but the scale bar and the north arrow of the job's view into an image. */
static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RenderJob *job = task_data;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (g_task_return_error_if_cancelled (task))
    return;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width * job->scale,
                                        job->height * job->scale);
  cr = cairo_create (surface);
  cairo_scale (cr, job->scale, job->scale);
  ed_station_map_draw (job->map, cr, job->width, job->height, &job->view,
                       ED_MAP_LAYER_BACKGROUND | ED_MAP_LAYER_DISTRICTS |
                       ED_MAP_LAYER_PROPERTIES | ED_MAP_LAYER_SYMBOLS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_task_return_pointer (task, surface, (GDestroyNotify)cairo_surface_destroy);
}

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  /* The bytes keep the surface alive; Cairo's ARGB32 is GDK's default memory format. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)height * stride,
                                      (GDestroyNotify)cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  EdStationMapView *self = ED_STATION_MAP_VIEW (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  cairo_surface_t *surface;
  g_autoptr(GError) error = NULL;

  surface = g_task_propagate_pointer (G_TASK (result), &error);
  if (surface == NULL)
    return;
  if (job->generation == self->generation)
    {
      self->rendering = FALSE;
      g_clear_object (&self->picture);
      self->picture = texture_from_surface (surface);
      self->picture_view = job->view;
      self->picture_width = job->width;
      self->picture_height = job->height;
      self->picture_scale = job->scale;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      /* The view moved on while it was drawn. */
      if (!picture_is_current (self) && self->settle_id == 0)
        schedule_picture (self, FALSE);
    }
  cairo_surface_destroy (surface);
}

/* Whether the picture shows the whole view at its scale. */
static gboolean
picture_is_current (EdStationMapView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double mpu = self->view.metres_per_unit;
  double half_w = width / 2.0 * mpu, half_h = height / 2.0 * mpu;
  double pic_half_w, pic_half_h;

  if (self->picture == NULL ||
      self->picture_scale != gtk_widget_get_scale_factor (GTK_WIDGET (self)) ||
      fabs (self->picture_view.metres_per_unit - mpu) > mpu * 1e-9)
    return FALSE;
  pic_half_w = self->picture_width / 2.0 * mpu;
  pic_half_h = self->picture_height / 2.0 * mpu;
  return self->view.centre_easting - half_w >= self->picture_view.centre_easting - pic_half_w &&
         self->view.centre_easting + half_w <= self->picture_view.centre_easting + pic_half_w &&
         self->view.centre_northing - half_h >=
           self->picture_view.centre_northing - pic_half_h &&
         self->view.centre_northing + half_h <= self->picture_view.centre_northing + pic_half_h;
}

static void
start_picture (EdStationMapView *self)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->map == NULL || width <= 0 || height <= 0 || picture_is_current (self))
    return;

  job = g_new0 (RenderJob, 1);
  job->map = ed_station_map_ref (self->map);
  job->view = self->view;
  job->width = (int)ceil (width * (1 + 2 * PICTURE_MARGIN));
  job->height = (int)ceil (height * (1 + 2 * PICTURE_MARGIN));
  job->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  job->generation = ++self->generation;
  self->rendering = TRUE;

  task = g_task_new (self, self->cancellable, render_done, NULL);
  g_task_set_source_tag (task, start_picture);
  g_task_set_task_data (task, job, (GDestroyNotify)render_job_free);
  g_task_run_in_thread (task, render_in_thread);
}

static gboolean
settle_cb (gpointer user_data)
{
  EdStationMapView *self = user_data;

  self->settle_id = 0;
  start_picture (self);
  return G_SOURCE_REMOVE;
}

/* A new picture once the view settles; at once when the picture no longer covers the view
 * at all and none is being drawn, so that a long drag never shows bare paper for long. */
static void
schedule_picture (EdStationMapView *self,
                  gboolean          now)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (now || (self->picture == NULL && !self->rendering))
    {
      start_picture (self);
      return;
    }
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
}

static void
view_changed (EdStationMapView *self)
{
  gboolean lost = !picture_is_current (self) &&
                  self->picture_view.metres_per_unit == self->view.metres_per_unit;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  schedule_picture (self, lost && !self->rendering);
}

static double
fit_metres_per_unit (EdStationMapView *self)
{
  EdMapView fitted;

  ed_station_map_fit_view (self->map, gtk_widget_get_width (GTK_WIDGET (self)),
                           gtk_widget_get_height (GTK_WIDGET (self)), &fitted);
  return fitted.metres_per_unit;
}

/* Zooms by @factor (above 1 nearer) keeping the point at (x, y) where it is. */
static void
zoom_at (EdStationMapView *self,
         const EdMapView  *from,
         double            factor,
         double            x,
         double            y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double mpu, easting, northing;

  if (self->map == NULL || factor <= 0)
    return;
  mpu = CLAMP (from->metres_per_unit / factor, NEAREST_METRES_PER_UNIT,
               fit_metres_per_unit (self) * FARTHEST_FIT_FACTOR);
  easting = from->centre_easting + (x - width / 2) * from->metres_per_unit;
  northing = from->centre_northing - (y - height / 2) * from->metres_per_unit;
  self->view.metres_per_unit = mpu;
  self->view.centre_easting = easting - (x - width / 2) * mpu;
  self->view.centre_northing = northing + (y - height / 2) * mpu;
  self->moved = TRUE;
  view_changed (self);
}

/**
 * ed_station_map_view_zoom:
 * @self: the view
 * @factor: how much nearer (above 1) or farther (below 1)
 *
 * Zooms about the middle of the view.
 */
void
ed_station_map_view_zoom (EdStationMapView *self,
                          double            factor)
{
  EdMapView from;

  g_return_if_fail (ED_IS_STATION_MAP_VIEW (self));

  from = self->view;
  zoom_at (self, &from, factor, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/**
 * ed_station_map_view_pan:
 * @self: the view
 * @dx: how far to move the map's content right, in widget units
 * @dy: how far to move it down
 */
void
ed_station_map_view_pan (EdStationMapView *self,
                         double            dx,
                         double            dy)
{
  g_return_if_fail (ED_IS_STATION_MAP_VIEW (self));

  if (self->map == NULL)
    return;
  self->view.centre_easting -= dx * self->view.metres_per_unit;
  self->view.centre_northing += dy * self->view.metres_per_unit;
  self->moved = TRUE;
  view_changed (self);
}

/**
 * ed_station_map_view_fit:
 * @self: the view
 *
 * Shows the whole map, and keeps it whole as the view is resized until the person moves it.
 */
void
ed_station_map_view_fit (EdStationMapView *self)
{
  g_return_if_fail (ED_IS_STATION_MAP_VIEW (self));

  self->moved = FALSE;
  if (self->map == NULL)
    return;
  ed_station_map_fit_view (self->map, gtk_widget_get_width (GTK_WIDGET (self)),
                           gtk_widget_get_height (GTK_WIDGET (self)), &self->view);
  view_changed (self);
}

/* Keyboard */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ed_station_map_view_zoom (ED_STATION_MAP_VIEW (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ed_station_map_view_zoom (ED_STATION_MAP_VIEW (widget), 1 / ZOOM_STEP);
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ed_station_map_view_fit (ED_STATION_MAP_VIEW (widget));
}

/* (x, y) in eighths of the view: the arrow keys move the map by an eighth. */
static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  int x, y;

  g_variant_get (parameter, "(ii)", &x, &y);
  ed_station_map_view_pan (ED_STATION_MAP_VIEW (widget),
                           x * PAN_STEP * gtk_widget_get_width (widget),
                           y * PAN_STEP * gtk_widget_get_height (widget));
}

/* Pointer and touch */

static void
drag_begin (GtkGestureDrag   *gesture,
            double            x,
            double            y,
            EdStationMapView *self)
{
  self->drag_start = self->view;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update (GtkGestureDrag   *gesture,
             double            offset_x,
             double            offset_y,
             EdStationMapView *self)
{
  if (self->map == NULL)
    return;
  self->view.centre_easting = self->drag_start.centre_easting -
                              offset_x * self->view.metres_per_unit;
  self->view.centre_northing = self->drag_start.centre_northing +
                               offset_y * self->view.metres_per_unit;
  self->moved = TRUE;
  view_changed (self);
}

static gboolean
scroll (GtkEventControllerScroll *controller,
        double                    dx,
        double                    dy,
        EdStationMapView         *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  EdMapView from = self->view;
  double x = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (widget) / 2.0;
  double y = self->pointer_inside ? self->pointer_y : gtk_widget_get_height (widget) / 2.0;

  if (self->map == NULL || dy == 0)
    return FALSE;
  zoom_at (self, &from, pow (ZOOM_STEP, -dy), x, y);
  return TRUE;
}

static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        EdStationMapView         *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
}

static void
leave (GtkEventControllerMotion *controller,
       EdStationMapView         *self)
{
  self->pointer_inside = FALSE;
}

static void
zoom_begin (GtkGesture       *gesture,
            GdkEventSequence *sequence,
            EdStationMapView *self)
{
  self->zoom_start = self->view;
}

static void
zoom_scale_changed (GtkGestureZoom   *gesture,
                    double            scale,
                    EdStationMapView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_at (self, &self->zoom_start, scale, x, y);
}

/* GtkWidget */

static void
ed_station_map_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  EdStationMapView *self = ED_STATION_MAP_VIEW (widget);

  if (self->map != NULL && !self->moved)
    ed_station_map_fit_view (self->map, width, height, &self->view);
  if (self->map != NULL)
    schedule_picture (self, FALSE);
}

static void
ed_station_map_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  EdStationMapView *self = ED_STATION_MAP_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  GdkRGBA paper = { 0.992, 0.988, 0.975, 1 };
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  gtk_snapshot_push_clip (snapshot, &bounds);
  gtk_snapshot_append_color (snapshot, &paper, &bounds);
  if (self->map != NULL)
    {
      if (self->picture != NULL)
        {
          /* The picture placed where its view falls in this one: moved, and stretched when
           * the scale has changed since it was drawn. */
          double ratio = self->picture_view.metres_per_unit / self->view.metres_per_unit;
          double left_e = self->picture_view.centre_easting -
                          self->picture_width / 2.0 * self->picture_view.metres_per_unit;
          double top_n = self->picture_view.centre_northing +
                         self->picture_height / 2.0 * self->picture_view.metres_per_unit;
          graphene_rect_t where = GRAPHENE_RECT_INIT (
            width / 2 + (left_e - self->view.centre_easting) / self->view.metres_per_unit,
            height / 2 - (top_n - self->view.centre_northing) / self->view.metres_per_unit,
            self->picture_width * ratio, self->picture_height * ratio);

          gtk_snapshot_append_texture (snapshot, self->picture, &where);
        }
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      ed_station_map_draw (self->map, cr, width, height, &self->view,
                           ED_MAP_LAYER_FURNITURE);
      cairo_destroy (cr);
    }
  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA ring = { 0.21, 0.52, 0.89, 0.6 };
      float w[4] = { 2, 2, 2, 2 };
      GdkRGBA colours[4] = { ring, ring, ring, ring };
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
      gtk_snapshot_append_border (snapshot, &outline, w, colours);
    }
  gtk_snapshot_pop (snapshot);
}

static void
ed_station_map_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  /* Small enough to sit in a pane, large enough for the scale bar and the arrow. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 150;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

static void
ed_station_map_view_dispose (GObject *object)
{
  EdStationMapView *self = ED_STATION_MAP_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_object (&self->picture);
  g_clear_pointer (&self->map, ed_station_map_unref);

  G_OBJECT_CLASS (ed_station_map_view_parent_class)->dispose (object);
}

static void
ed_station_map_view_finalize (GObject *object)
{
  EdStationMapView *self = ED_STATION_MAP_VIEW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ed_station_map_view_parent_class)->finalize (object);
}

static void
ed_station_map_view_class_init (EdStationMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; int x, y; } arrows[] = {
    { GDK_KEY_Left, 1, 0 }, { GDK_KEY_Right, -1, 0 }, { GDK_KEY_Up, 0, 1 },
    { GDK_KEY_Down, 0, -1 }, { GDK_KEY_KP_Left, 1, 0 }, { GDK_KEY_KP_Right, -1, 0 },
    { GDK_KEY_KP_Up, 0, 1 }, { GDK_KEY_KP_Down, 0, -1 },
  };

  object_class->dispose = ed_station_map_view_dispose;
  object_class->finalize = ed_station_map_view_finalize;
  widget_class->size_allocate = ed_station_map_view_size_allocate;
  widget_class->snapshot = ed_station_map_view_snapshot;
  widget_class->measure = ed_station_map_view_measure;

  gtk_widget_class_set_css_name (widget_class, "stationmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "map.pan", "(ii)", pan_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "map.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "map.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "map.fit", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    gtk_widget_class_add_binding_action (widget_class, arrows[i].key, 0, "map.pan", "(ii)",
                                         arrows[i].x, arrows[i].y);
}

static void
ed_station_map_view_init (EdStationMapView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll_controller =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *motion_controller = gtk_event_controller_motion_new ();

  self->cancellable = g_cancellable_new ();
  self->view.metres_per_unit = 1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));
  /* One gesture group: two fingers pinch, they do not also drag. */
  gtk_gesture_group (zoom, drag);

  g_signal_connect (scroll_controller, "scroll", G_CALLBACK (scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll_controller);

  g_signal_connect (motion_controller, "enter", G_CALLBACK (motion), self);
  g_signal_connect (motion_controller, "motion", G_CALLBACK (motion), self);
  g_signal_connect (motion_controller, "leave", G_CALLBACK (leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion_controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map of Polling Stations"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(KEYS_DESCRIPTION),
                                  -1);
}

/**
 * ed_station_map_view_new:
 *
 * Returns: (transfer floating): a map view showing no map
 */
GtkWidget *
ed_station_map_view_new (void)
{
  return g_object_new (ED_TYPE_STATION_MAP_VIEW, NULL);
}

/**
 * ed_station_map_view_set_map:
 * @self: the view
 * @map: (nullable): a finished map, or %NULL to show none
 *
 * Shows @map whole.
 */
void
ed_station_map_view_set_map (EdStationMapView *self,
                             EdStationMap     *map)
{
  g_autofree char *description = NULL;

  g_return_if_fail (ED_IS_STATION_MAP_VIEW (self));

  if (map == self->map)
    return;
  g_clear_pointer (&self->map, ed_station_map_unref);
  g_clear_object (&self->picture);
  self->generation++;
  self->rendering = FALSE;
  if (map != NULL)
    self->map = ed_station_map_ref (map);

  if (map != NULL)
    {
      guint properties = ed_station_map_get_n_properties (map);
      guint stations = ed_station_map_get_n_stations (map);
      g_autofree char *title_counts = NULL;

      /* Translators: the map view's description for a screen reader: the map's title, then
       * its counts */
      title_counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u property",
                                                   "%s: %u properties", properties),
                                      ed_station_map_get_title (map), properties);
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s served by %u station. Drag or use the "
                                                  "arrow keys to move the map; scroll, pinch or "
                                                  "press + and − to zoom; 0 shows the whole map.",
                                                  "%s served by %u stations. Drag or use the "
                                                  "arrow keys to move the map; scroll, pinch or "
                                                  "press + and − to zoom; 0 shows the whole map.",
                                                  stations),
                                     title_counts, stations);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _(KEYS_DESCRIPTION), -1);
  ed_station_map_view_fit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

EdStationMap *
ed_station_map_view_get_map (EdStationMapView *self)
{
  g_return_val_if_fail (ED_IS_STATION_MAP_VIEW (self), NULL);
  return self->map;
}

/**
 * ed_station_map_view_get_view:
 * @self: the view
 * @out_view: (out): the part of the map shown, and its scale
 */
void
ed_station_map_view_get_view (EdStationMapView *self,
                              EdMapView        *out_view)
{
  g_return_if_fail (ED_IS_STATION_MAP_VIEW (self));
  *out_view = self->view;
}

/**
 * ed_station_map_view_is_ready:
 * @self: the view
 *
 * Returns: whether the picture of the dots is drawn for the view as it stands, and none is
 *   being drawn: what a test waits for
 */
gboolean
ed_station_map_view_is_ready (EdStationMapView *self)
{
  g_return_val_if_fail (ED_IS_STATION_MAP_VIEW (self), FALSE);
  return self->map != NULL && !self->rendering && picture_is_current (self);
}
