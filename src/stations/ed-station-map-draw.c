/* ed-station-map-draw.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drawing a station map with Cairo, the same code for a PDF, a PNG and the screen: the map
 * itself in any view (ed_station_map_draw()), and the sheet a committee report carries (the
 * title, the map fitted to its frame, the legend and the footnote). Sizes are in the user
 * space's units, points on paper and pixels on screen, which are near enough alike that one
 * set of sizes reads well on both. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "core/ed-output-file.h"
#include "stations/ed-station-map-private.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, Noto Sans, sans-serif"

/* The map */
#define PAPER_RGB           0.992, 0.988, 0.975
#define INK_RGB             0.13, 0.13, 0.13
#define MARGIN_FRACTION     0.05  /* the fitted map's clear edge, a share of the frame */
#define DOT_METRES          9.0   /* a dot covers about a house and its garden */
#define DOT_MIN             1.5
#define DOT_MAX             4.0
#define PLACE_SIZE          9.0
#define STATION_RADIUS      4.6
#define LABEL_SIZE          8.0
#define DISTRICT_LABEL_SIZE 13.0
#define DISTRICT_LABEL_SMALLEST 7.0

/* The sheet, in points on A4 landscape */
#define SHEET_MARGIN   28.0
#define HEADER_HEIGHT  46.0
#define LEGEND_WIDTH   210.0
#define LEGEND_GAP     14.0
#define FOOTER_HEIGHT  16.0
#define LEGEND_ROW     14.0

typedef enum
{
  ALIGN_START,
  ALIGN_CENTRE,
  ALIGN_END,
} Align;

/* Text through Pango at 72 units an inch, so that a size in points is that many units on
 * paper and pixels on screen; metrics unhinted so that the PDF and the PNG lay out alike. One
 * Pango context for each cairo_t, kept on it: making a context for each label cost a screen
 * frame 20 ms. */
static const cairo_user_data_key_t context_key;

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *text,
            double      size,
            PangoWeight weight)
{
  PangoContext *context = cairo_get_user_data (cr, &context_key);
  g_autoptr(PangoFontDescription) font = NULL;
  PangoLayout *layout;

  if (context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_cairo_create_context (cr);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
      pango_cairo_context_set_resolution (context, 72.0);
      cairo_set_user_data (cr, &context_key, context, g_object_unref);
    }
  else
    pango_cairo_update_context (cr, context);
  font = pango_font_description_from_string (FONT_FAMILY);
  layout = pango_layout_new (context);
  pango_font_description_set_size (font, pango_units_from_double (size));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Shows text with its top at y, aligned on x; with a halo, a white edge keeps it legible
 * over dots and lines. Returns its width. */
static double
show_text (cairo_t    *cr,
           const char *text,
           double      size,
           PangoWeight weight,
           double      x,
           double      y,
           Align       align,
           gboolean    halo)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, text, size, weight);
  int width, height;
  double left;

  pango_layout_get_size (layout, &width, &height);
  left = x - (align == ALIGN_CENTRE ? pango_units_to_double (width) / 2 :
              align == ALIGN_END ? pango_units_to_double (width) : 0);
  cairo_move_to (cr, left, y);
  if (halo)
    {
      cairo_save (cr);
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_move_to (cr, left, y);
    }
  pango_cairo_show_layout (cr, layout);
  return pango_units_to_double (width);
}

/**
 * ed_station_map_fit_view:
 * @self: a finished map
 * @width: the width to fill, in user units
 * @height: the height to fill
 * @out_view: (out): the view that shows the whole map with a clear edge
 */
void
ed_station_map_fit_view (EdStationMap *self,
                         double        width,
                         double        height,
                         EdMapView    *out_view)
{
  double span_e, span_n;

  g_return_if_fail (self != NULL && self->finished);
  g_return_if_fail (out_view != NULL);

  if (!self->has_extent || width <= 0 || height <= 0)
    {
      out_view->centre_easting = self->has_extent ? self->min_easting : 0;
      out_view->centre_northing = self->has_extent ? self->min_northing : 0;
      out_view->metres_per_unit = 1;
      return;
    }
  /* A map of one property is shown 200 m across. */
  span_e = MAX (self->max_easting - self->min_easting, 200);
  span_n = MAX (self->max_northing - self->min_northing, 200);
  out_view->centre_easting = (self->min_easting + self->max_easting) / 2;
  out_view->centre_northing = (self->min_northing + self->max_northing) / 2;
  out_view->metres_per_unit = MAX (span_e / (width * (1 - 2 * MARGIN_FRACTION)),
                                   span_n / (height * (1 - 2 * MARGIN_FRACTION)));
}

typedef struct
{
  double cx, cy;   /* the user-space point at the view's centre */
  double ce, cn;
  double scale;    /* units per metre */
} Projection;

static void
projection_init (Projection      *p,
                 double           width,
                 double           height,
                 const EdMapView *view)
{
  p->cx = width / 2;
  p->cy = height / 2;
  p->ce = view->centre_easting;
  p->cn = view->centre_northing;
  p->scale = 1 / view->metres_per_unit;
}

static inline double
project_x (const Projection *p,
           double            easting)
{
  return p->cx + (easting - p->ce) * p->scale;
}

static inline double
project_y (const Projection *p,
           double            northing)
{
  return p->cy - (northing - p->cn) * p->scale;
}

/* Whether a place's symbol, its stations and their codes cover the point: the square on
 * the point, the circles and codes to its right. */
static gboolean
near_symbols (EdStationMap     *self,
              const Projection *p,
              double            x,
              double            y,
              double            half_width)
{
  for (guint i = 0; i < self->places->len; i++)
    {
      EdMapPlace *place = &g_array_index (self->places, EdMapPlace, i);
      double px, py;

      if (!place->located)
        continue;
      px = project_x (p, place->easting);
      py = project_y (p, place->northing);
      if (x + half_width > px - PLACE_SIZE && x - half_width < px + 70 &&
          fabs (y - py) < DISTRICT_LABEL_SIZE)
        return TRUE;
    }
  return FALSE;
}

/* A district's code in the middle of its outline, or beside the middle where a polling
 * place stands there (as it often does). On a council's map a small district's code is
 * printed smaller, and not at all where even that would spill over its neighbours: the
 * legend and the stations' codes still say which is which. */
static void
draw_district_label (EdStationMap     *self,
                     cairo_t          *cr,
                     const Projection *p,
                     EdMapDistrict    *district)
{
  static const double nudges[][2] = {
    { 0, 0 }, { 0, 1.6 }, { 0, -1.6 }, { 0, 3.2 }, { 0, -3.2 }, { -3, 0 },
  };
  double x = project_x (p, district->label_easting);
  double y = project_y (p, district->label_northing);
  double min_e = G_MAXDOUBLE, max_e = -G_MAXDOUBLE, min_n = G_MAXDOUBLE, max_n = -G_MAXDOUBLE;
  double across, down, size = DISTRICT_LABEL_SIZE, half_width;

  for (guint k = 0; k < district->n_outline; k++)
    {
      min_e = MIN (min_e, district->outline[2 * k]);
      max_e = MAX (max_e, district->outline[2 * k]);
      min_n = MIN (min_n, district->outline[2 * k + 1]);
      max_n = MAX (max_n, district->outline[2 * k + 1]);
    }
  across = (max_e - min_e) * p->scale;
  down = (max_n - min_n) * p->scale;
  /* A bold capital is about 0.75 of its size across, and 1.2 of it down with the halo. */
  while (size > DISTRICT_LABEL_SMALLEST &&
         (size * 0.75 * g_utf8_strlen (district->code, -1) > across || size * 1.2 > down))
    size -= 1;
  if (size * 0.75 * g_utf8_strlen (district->code, -1) > across || size * 1.2 > down)
    return;
  half_width = size * 0.45 * g_utf8_strlen (district->code, -1);

  for (guint i = 0;; i++)
    {
      double nx, ny;

      /* Nowhere clear of the symbols inside the outline: no code. */
      if (i == G_N_ELEMENTS (nudges))
        return;
      nx = x + nudges[i][0] * size;
      ny = y + nudges[i][1] * size;
      if (nx - half_width >= project_x (p, min_e) && nx + half_width <= project_x (p, max_e) &&
          ny - size * 0.6 >= project_y (p, max_n) && ny + size * 0.6 <= project_y (p, min_n) &&
          !near_symbols (self, p, nx, ny, half_width))
        {
          x = nx;
          y = ny;
          break;
        }
    }
  cairo_set_source_rgba (cr, 0.25, 0.27, 0.32, 0.9);
  show_text (cr, district->code, size, PANGO_WEIGHT_BOLD, x, y - size * 0.7, ALIGN_CENTRE,
             TRUE);
}

static void
draw_districts (EdStationMap     *self,
                cairo_t          *cr,
                const Projection *p,
                gboolean          labels)
{
  static const double dash[] = { 6, 3.5 };

  for (guint i = 0; i < self->districts->len; i++)
    {
      EdMapDistrict *district = &g_array_index (self->districts, EdMapDistrict, i);

      if (district->n_rings == 0)
        continue;
      cairo_new_path (cr);
      for (guint r = 0, k = 0; r < district->n_rings; r++)
        {
          cairo_new_sub_path (cr);
          for (; k < district->ring_ends[r]; k++)
            cairo_line_to (cr, project_x (p, district->outline[2 * k]),
                           project_y (p, district->outline[2 * k + 1]));
          cairo_close_path (cr);
        }
      cairo_set_source_rgba (cr, 0.35, 0.38, 0.45, 0.07);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.25, 0.27, 0.32);
      cairo_set_line_width (cr, 1.1);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  if (!labels)
    return;
  for (guint i = 0; i < self->districts->len; i++)
    {
      EdMapDistrict *district = &g_array_index (self->districts, EdMapDistrict, i);

      if (district->n_rings == 0)
        continue;
      draw_district_label (self, cr, p, district);
    }
}

/* Each station's dots as one path of small squares, filled once: a hundred thousand arcs,
 * each filled on its own, take seconds; squares in one path take a few milliseconds. Dots
 * outside the area drawn are left out of the path. */
static void
draw_properties (EdStationMap     *self,
                 cairo_t          *cr,
                 const Projection *p,
                 double            width,
                 double            height)
{
  double size = CLAMP (DOT_METRES * p->scale, DOT_MIN, DOT_MAX);
  double half = size / 2;

  cairo_save (cr);
  /* Squares a few pixels across need no smoothing, and are filled much faster without. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint g = 0; g <= self->stations->len; g++)
    {
      double rgb[3];

      ed_station_map_get_station_colour (self, (int)g - 1, rgb);
      cairo_new_path (cr);
      for (guint i = self->group_start[g]; i < self->group_start[g + 1]; i++)
        {
          double x = project_x (p, self->grouped[2 * i]);
          double y = project_y (p, self->grouped[2 * i + 1]);

          if (x < -size || y < -size || x > width + size || y > height + size)
            continue;
          cairo_rectangle (cr, x - half, y - half, size, size);
        }
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_place_symbol (cairo_t *cr,
                   double   x,
                   double   y)
{
  cairo_rectangle (cr, x - PLACE_SIZE / 2, y - PLACE_SIZE / 2, PLACE_SIZE, PLACE_SIZE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, INK_RGB);
  cairo_set_line_width (cr, 1.4);
  cairo_stroke (cr);
}

static void
draw_station_symbol (EdStationMap *self,
                     cairo_t      *cr,
                     int           station,
                     double        x,
                     double        y)
{
  double rgb[3];

  ed_station_map_get_station_colour (self, station, rgb);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, STATION_RADIUS, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, INK_RGB);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

/* Each place as a square, its stations as circles in their colours in a row to its right,
 * and their codes after them. */
static void
draw_symbols (EdStationMap     *self,
              cairo_t          *cr,
              const Projection *p)
{
  for (guint i = 0; i < self->places->len; i++)
    {
      EdMapPlace *place = &g_array_index (self->places, EdMapPlace, i);
      g_autoptr(GString) codes = g_string_new (NULL);
      double x, y, next;

      if (!place->located)
        continue;
      x = project_x (p, place->easting);
      y = project_y (p, place->northing);
      draw_place_symbol (cr, x, y);
      next = x + PLACE_SIZE / 2 + STATION_RADIUS + 1.5;
      for (guint s = 0; s < self->stations->len; s++)
        {
          EdMapStation *station = &g_array_index (self->stations, EdMapStation, s);

          if (station->place != (int)i)
            continue;
          draw_station_symbol (self, cr, s, next, y);
          next += 2 * STATION_RADIUS + 1;
          if (codes->len > 0)
            g_string_append (codes, ", ");
          g_string_append (codes, station->code);
        }
      if (codes->len > 0)
        {
          cairo_set_source_rgb (cr, INK_RGB);
          show_text (cr, codes->str, LABEL_SIZE, PANGO_WEIGHT_BOLD, next, y - LABEL_SIZE * 0.7,
                     ALIGN_START, TRUE);
        }
    }
}

static char *
format_distance (double metres)
{
  if (metres >= 1000)
    {
      double km = metres / 1000;

      /* Translators: a distance on a map's scale bar, in kilometres */
      return km == floor (km) ? g_strdup_printf (_("%.0f km"), km)
                              : g_strdup_printf (_("%.1f km"), km);
    }
  /* Translators: a distance on a map's scale bar, in metres */
  return g_strdup_printf (_("%.0f m"), metres);
}

/* A bar of two halves, black and white, at the bottom left. */
static void
draw_scale_bar (cairo_t          *cr,
                const Projection *p,
                double            width,
                double            height)
{
  double metres = ed_station_map_scale_bar_metres (width / 4 / p->scale);
  double length = metres * p->scale;
  double x = 14, y = height - 22, bar = 5;
  g_autofree char *label = format_distance (metres);

  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_rectangle (cr, x - 8, y - 14, length + 16 + 24, bar + 22);
  cairo_fill (cr);
  cairo_set_line_width (cr, 0.8);
  for (int half = 0; half < 2; half++)
    {
      cairo_rectangle (cr, x + half * length / 2, y, length / 2, bar);
      if (half == 0)
        cairo_set_source_rgb (cr, INK_RGB);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, INK_RGB);
      cairo_stroke (cr);
    }
  cairo_set_source_rgb (cr, INK_RGB);
  show_text (cr, "0", 7.5, PANGO_WEIGHT_NORMAL, x, y - 11, ALIGN_CENTRE, FALSE);
  show_text (cr, label, 7.5, PANGO_WEIGHT_NORMAL, x + length, y - 11, ALIGN_CENTRE, FALSE);
}

/* An arrow at the top right, half dark and half light, and N above it. */
static void
draw_north_arrow (cairo_t *cr,
                  double   width)
{
  double x = width - 24, top = 28, bottom = 56, wing = 8;

  cairo_set_line_width (cr, 0.9);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x - wing, bottom);
  cairo_line_to (cr, x, bottom - 7);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, INK_RGB);
  cairo_stroke (cr);
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x + wing, bottom);
  cairo_line_to (cr, x, bottom - 7);
  cairo_close_path (cr);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);
  /* Translators: the letter on a map's north arrow */
  show_text (cr, C_("north arrow", "N"), 11, PANGO_WEIGHT_BOLD, x, top - 16, ALIGN_CENTRE,
             TRUE);
}

/**
 * ed_station_map_draw:
 * @self: a finished map
 * @cr: where to draw; the map fills (0, 0)–(@width, @height) of its user space
 * @width: the width of the area, in user units
 * @height: its height
 * @view: (nullable): which part to show and how large; %NULL fits the whole map
 * @layers: which parts to draw
 *
 * Draws the map, clipped to its area.
 */
void
ed_station_map_draw (EdStationMap    *self,
                     cairo_t         *cr,
                     double           width,
                     double           height,
                     const EdMapView *view,
                     EdMapLayers      layers)
{
  EdMapView fitted;
  Projection p;

  g_return_if_fail (self != NULL && self->finished);
  g_return_if_fail (cr != NULL);

  if (view == NULL)
    {
      ed_station_map_fit_view (self, width, height, &fitted);
      view = &fitted;
    }
  g_return_if_fail (view->metres_per_unit > 0);
  projection_init (&p, width, height, view);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (layers & ED_MAP_LAYER_BACKGROUND)
    {
      cairo_set_source_rgb (cr, PAPER_RGB);
      cairo_paint (cr);
    }
  /* The outlines under the dots, and their codes over them. */
  if (layers & ED_MAP_LAYER_DISTRICTS)
    draw_districts (self, cr, &p, (layers & ED_MAP_LAYER_PROPERTIES) == 0);
  if (layers & ED_MAP_LAYER_PROPERTIES)
    {
      draw_properties (self, cr, &p, width, height);
      if (layers & ED_MAP_LAYER_DISTRICTS)
        for (guint i = 0; i < self->districts->len; i++)
          {
            EdMapDistrict *district = &g_array_index (self->districts, EdMapDistrict, i);

            if (district->n_rings == 0)
              continue;
            draw_district_label (self, cr, &p, district);
          }
    }
  if (layers & ED_MAP_LAYER_SYMBOLS)
    draw_symbols (self, cr, &p);
  if ((layers & ED_MAP_LAYER_FURNITURE) && self->has_extent)
    {
      draw_scale_bar (cr, &p, width, height);
      draw_north_arrow (cr, width);
    }
  cairo_restore (cr);
}

/* The sheet */

static char *
count_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u property", "%u properties", n),
                          n);
}

static void
legend_swatch (EdStationMap *self,
               cairo_t      *cr,
               int           station,
               double        x,
               double        y)
{
  double rgb[3];

  ed_station_map_get_station_colour (self, station, rgb);
  cairo_rectangle (cr, x, y - 3.5, 7, 7);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill (cr);
}

/* One line of the legend: a swatch, the code, the name and the count. */
static void
legend_station (EdStationMap *self,
                cairo_t      *cr,
                guint         s,
                double        x,
                double        y,
                double        width,
                double        size)
{
  EdMapStation *station = &g_array_index (self->stations, EdMapStation, s);
  g_autofree char *count = count_text (station->n_properties);
  g_autoptr(GString) name = g_string_new (station->name);
  g_autoptr(PangoLayout) layout = NULL;
  double code_width;

  if (station->place != ED_STATION_MAP_NONE)
    {
      EdMapPlace *place = &g_array_index (self->places, EdMapPlace, station->place);

      if (name->len > 0)
        g_string_prepend (name, ", ");
      g_string_prepend (name, place->name);
    }
  legend_swatch (self, cr, s, x, y);
  cairo_set_source_rgb (cr, INK_RGB);
  code_width = show_text (cr, station->code, size, PANGO_WEIGHT_BOLD, x + 11, y - size * 0.65,
                          ALIGN_START, FALSE);
  show_text (cr, count, size * 0.9, PANGO_WEIGHT_NORMAL, x + width, y - size * 0.6,
             ALIGN_END, FALSE);
  layout = new_layout (cr, name->str, size * 0.9, PANGO_WEIGHT_NORMAL);
  pango_layout_set_width (layout, pango_units_from_double (width - 11 - code_width - 6 - 62));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x + 11 + code_width + 4, y - size * 0.6);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (EdStationMap *self,
             cairo_t      *cr,
             double        x,
             double        y,
             double        width,
             double        height)
{
  static const double dash[] = { 6, 3.5 };
  guint n_rows = self->stations->len + (self->n_unassigned > 0 ? 1 : 0);
  double key_height = 4 * LEGEND_ROW + 16;
  double room = height - 22 - key_height;
  double row = LEGEND_ROW, size = 8.5;
  guint shown = self->stations->len;

  /* Many stations: smaller rows down to two thirds, then as many as fit and a count of the
   * rest. */
  if (n_rows * row > room)
    {
      row = MAX (room / MAX (n_rows, 1), LEGEND_ROW * 2 / 3);
      size *= row / LEGEND_ROW;
      if (n_rows * row > room)
        shown = MAX ((guint)(room / row), 2) - 2;
    }

  cairo_set_source_rgb (cr, INK_RGB);
  show_text (cr, _("Polling Stations"), 11, PANGO_WEIGHT_BOLD, x, y, ALIGN_START, FALSE);
  y += 22;
  for (guint s = 0; s < shown; s++, y += row)
    legend_station (self, cr, s, x, y, width, size);
  if (shown < self->stations->len)
    {
      guint rest = self->stations->len - shown;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more station",
                                                            "and %u more stations", rest),
                                               rest);

      cairo_set_source_rgb (cr, INK_RGB);
      show_text (cr, more, size * 0.9, PANGO_WEIGHT_NORMAL, x + 11, y - size * 0.6,
                 ALIGN_START, FALSE);
      y += row;
    }
  if (self->n_unassigned > 0)
    {
      g_autofree char *count = count_text (self->n_unassigned);

      legend_swatch (self, cr, ED_STATION_MAP_NONE, x, y);
      cairo_set_source_rgb (cr, INK_RGB);
      show_text (cr, _("No station"), size, PANGO_WEIGHT_NORMAL, x + 11, y - size * 0.65,
                 ALIGN_START, FALSE);
      show_text (cr, count, size * 0.9, PANGO_WEIGHT_NORMAL, x + width, y - size * 0.6,
                 ALIGN_END, FALSE);
      y += row;
    }

  /* The key to the symbols. */
  y += 8;
  cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x, y - 6);
  cairo_line_to (cr, x + width, y - 6);
  cairo_stroke (cr);
  y += 4;
  draw_place_symbol (cr, x + 4, y);
  cairo_set_source_rgb (cr, INK_RGB);
  show_text (cr, _("Polling place"), 8.5, PANGO_WEIGHT_NORMAL, x + 16, y - 5.5, ALIGN_START,
             FALSE);
  y += LEGEND_ROW;
  draw_station_symbol (self, cr, self->stations->len > 0 ? 0 : ED_STATION_MAP_NONE, x + 4, y);
  cairo_set_source_rgb (cr, INK_RGB);
  show_text (cr, _("Polling station, in its colour"), 8.5, PANGO_WEIGHT_NORMAL, x + 16,
             y - 5.5, ALIGN_START, FALSE);
  y += LEGEND_ROW;
  cairo_rectangle (cr, x + 2, y - 1.5, 3, 3);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, INK_RGB);
  show_text (cr, _("A property, in its station’s colour"), 8.5, PANGO_WEIGHT_NORMAL, x + 16,
             y - 5.5, ALIGN_START, FALSE);
  y += LEGEND_ROW;
  cairo_set_source_rgb (cr, 0.25, 0.27, 0.32);
  cairo_set_line_width (cr, 1.1);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x - 2, y);
  cairo_line_to (cr, x + 12, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_source_rgb (cr, INK_RGB);
  show_text (cr, _("Polling district, around its properties"), 8.5, PANGO_WEIGHT_NORMAL,
             x + 16, y - 5.5, ALIGN_START, FALSE);
}

static char *
footnote_text (EdStationMap *self)
{
  guint unlocated = self->n_properties - ed_station_map_get_n_located (self);
  g_autoptr(GString) text = g_string_new (NULL);

  if (unlocated > 0)
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u property has no grid reference and is "
                                                 "not shown.",
                                                 "%u properties have no grid reference and "
                                                 "are not shown.", unlocated),
                              unlocated);
      g_string_append_c (text, ' ');
    }
  g_string_append (text, _("Polling district outlines enclose their properties; they are not "
                           "the legal boundaries. Grid: Ordnance Survey National Grid."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ed_station_map_draw_sheet:
 * @self: a finished map
 * @cr: where to draw, with (0, 0)–(@width, @height) in points
 * @width: the sheet's width, in points (A4 landscape: %ED_STATION_MAP_PAGE_WIDTH)
 * @height: its height
 *
 * Draws the map as a committee report carries it: the title and subtitle above, the map
 * fitted to a frame with its scale bar and north arrow, the legend of stations beside it
 * with their counts, and a footnote of what is not shown.
 */
void
ed_station_map_draw_sheet (EdStationMap *self,
                           cairo_t      *cr,
                           double        width,
                           double        height)
{
  double map_x = SHEET_MARGIN, map_y = SHEET_MARGIN + HEADER_HEIGHT;
  double map_width = width - 2 * SHEET_MARGIN - LEGEND_WIDTH - LEGEND_GAP;
  double map_height = height - map_y - SHEET_MARGIN - FOOTER_HEIGHT;
  g_autofree char *footnote = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (self != NULL && self->finished);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_set_source_rgb (cr, INK_RGB);
  show_text (cr, self->title, 17, PANGO_WEIGHT_BOLD, SHEET_MARGIN, SHEET_MARGIN - 4,
             ALIGN_START, FALSE);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_text (cr, self->subtitle, 9.5, PANGO_WEIGHT_NORMAL, SHEET_MARGIN, SHEET_MARGIN + 20,
             ALIGN_START, FALSE);

  cairo_save (cr);
  cairo_translate (cr, map_x, map_y);
  ed_station_map_draw (self, cr, map_width, map_height, NULL, ED_MAP_LAYER_ALL);
  if (!self->has_extent)
    {
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      show_text (cr, _("No property or polling place on this map has a grid reference."), 11,
                 PANGO_WEIGHT_NORMAL, map_width / 2, map_height / 2 - 8, ALIGN_CENTRE, FALSE);
    }
  cairo_rectangle (cr, 0, 0, map_width, map_height);
  cairo_set_source_rgb (cr, INK_RGB);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_legend (self, cr, width - SHEET_MARGIN - LEGEND_WIDTH, map_y, LEGEND_WIDTH, map_height);

  footnote = footnote_text (self);
  layout = new_layout (cr, footnote, 7.5, PANGO_WEIGHT_NORMAL);
  pango_layout_set_width (layout, pango_units_from_double (width - 2 * SHEET_MARGIN));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, SHEET_MARGIN, map_y + map_height + 5);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Files */

typedef struct
{
  EdOutputFile *out;
  GError       *error;
} WriteStream;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteStream *stream = closure;

  if (stream->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!ed_output_file_write (stream->out, data, length, &stream->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_pdf (EdStationMap *self,
           WriteStream  *stream)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (write_cb, stream, ED_STATION_MAP_PAGE_WIDTH,
                                                 ED_STATION_MAP_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Electoral Desk");
  cr = cairo_create (surface);
  ed_station_map_draw_sheet (self, cr, ED_STATION_MAP_PAGE_WIDTH, ED_STATION_MAP_PAGE_HEIGHT);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status == CAIRO_STATUS_SUCCESS;
}

static gboolean
write_png (EdStationMap *self,
           WriteStream  *stream)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  /* Opaque: a map on white, a quarter smaller to keep and to compress than with alpha. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, ED_STATION_MAP_PNG_WIDTH,
                                        ED_STATION_MAP_PNG_HEIGHT);
  cr = cairo_create (surface);
  cairo_scale (cr, ED_STATION_MAP_PNG_WIDTH / ED_STATION_MAP_PAGE_WIDTH,
               ED_STATION_MAP_PNG_HEIGHT / ED_STATION_MAP_PAGE_HEIGHT);
  ed_station_map_draw_sheet (self, cr, ED_STATION_MAP_PAGE_WIDTH, ED_STATION_MAP_PAGE_HEIGHT);
  cairo_destroy (cr);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_cb, stream);
  cairo_surface_destroy (surface);
  return status == CAIRO_STATUS_SUCCESS;
}

/**
 * ed_station_map_write:
 * @self: a finished map
 * @path: where to write: a name ending in `.pdf` (A4 landscape, drawn as vectors) or `.png`
 *   (%ED_STATION_MAP_PNG_WIDTH by %ED_STATION_MAP_PNG_HEIGHT pixels)
 * @error: return location for an error
 *
 * Writes the map's sheet (ed_station_map_draw_sheet()) to a file, replacing what was at
 * @path only once the whole file is written.
 *
 * Returns: %TRUE on success; %FALSE with @error set, and nothing left at @path that was not
 *   there before, on failure or for a name ending in neither
 */
gboolean
ed_station_map_write (EdStationMap  *self,
                      const char    *path,
                      GError       **error)
{
  g_autoptr(EdOutputFile) out = NULL;
  g_autofree char *lower = NULL;
  WriteStream stream = { NULL, NULL };
  gboolean pdf, ok;

  g_return_val_if_fail (self != NULL && self->finished, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  pdf = g_str_has_suffix (lower, ".pdf");
  if (!pdf && !g_str_has_suffix (lower, ".png"))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is neither a PDF nor a PNG file: end its name in .pdf or .png"),
                   name);
      return FALSE;
    }

  out = ed_output_file_new (path, error);
  if (out == NULL)
    return FALSE;
  stream.out = out;
  ok = pdf ? write_pdf (self, &stream) : write_png (self, &stream);
  if (stream.error != NULL)
    {
      g_propagate_error (error, stream.error);
      return FALSE;
    }
  if (!ok)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the map “%s”"),
                   name);
      return FALSE;
    }
  return ed_output_file_commit (out, error);
}
