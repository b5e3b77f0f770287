/* ed-station-map-outline.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The outline of a polling district drawn from its properties. A convex hull would do for a
 * round district, but districts are seldom round: the hull of an L-shaped one covers its
 * neighbour. So the properties are laid on a grid of small cells, the gaps narrower than a
 * street block closed (a dilation then an erosion), the holes filled, and the edge of the
 * cells traced and its corners rounded: an outline that follows the streets, one ring for
 * each separate cluster (a village and its hamlet). Properties too scattered for that
 * (farms) are outlined by their convex hull. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stations/ed-station-map-private.h"

/* Gaps up to twice this wide inside a district are closed: the backs of two streets' gardens
 * and a road between them, not a park or a neighbouring district. A sparse district (farms a
 * field or two apart) closes gaps a few times its properties' mean spacing instead, so that
 * it is one shape rather than an island round each farm; never more than this last. */
#define CLOSE_METRES       100.0
#define CLOSE_SPACINGS     3.0
#define CLOSE_MOST_METRES  2000.0
/* A town, its villages and a few outlying farms are drawn as pieces of their own; more pieces
 * than this, or more than this share of the properties in pieces of one or two (farms on
 * their own), and the hull round them all is drawn instead. */
#define MOST_RINGS           8
#define MIN_RING_PROPERTIES  3
#define MOST_SCATTERED_SHARE 0.05
/* A grid over this many cells is made coarser. */
#define MOST_CELLS 4000000

typedef struct
{
  int     width;
  int     height;
  guint8 *cells;
} Grid;

static inline guint8 *
cell (Grid *grid,
      int   i,
      int   j)
{
  return &grid->cells[(gsize)j * grid->width + i];
}

/* Gives every cell within @radius (a square) of a cell holding @value that value: a dilation
 * for 1, an erosion for 0. Separable, each pass a running count. */
static void
spread (Grid   *grid,
        int     radius,
        guint8  value)
{
  g_autofree guint8 *line = g_new (guint8, MAX (grid->width, grid->height));

  for (int j = 0; j < grid->height; j++)
    {
      int count = 0;

      for (int i = 0; i < grid->width; i++)
        line[i] = *cell (grid, i, j);
      for (int i = 0; i < MIN (radius, grid->width); i++)
        count += line[i] == value;
      for (int i = 0; i < grid->width; i++)
        {
          if (i + radius < grid->width)
            count += line[i + radius] == value;
          if (i - radius - 1 >= 0)
            count -= line[i - radius - 1] == value;
          if (count > 0)
            *cell (grid, i, j) = value;
        }
    }
  for (int i = 0; i < grid->width; i++)
    {
      int count = 0;

      for (int j = 0; j < grid->height; j++)
        line[j] = *cell (grid, i, j);
      for (int j = 0; j < MIN (radius, grid->height); j++)
        count += line[j] == value;
      for (int j = 0; j < grid->height; j++)
        {
          if (j + radius < grid->height)
            count += line[j + radius] == value;
          if (j - radius - 1 >= 0)
            count -= line[j - radius - 1] == value;
          if (count > 0)
            *cell (grid, i, j) = value;
        }
    }
}

/* As spread(), within @steps steps across or along (a diamond), a step at a time. */
static void
spread_diamond (Grid   *grid,
                int     steps,
                guint8  value)
{
  gsize n = (gsize)grid->width * grid->height;
  g_autofree guint8 *before = g_new (guint8, n);

  for (int step = 0; step < steps; step++)
    {
      memcpy (before, grid->cells, n);
      for (int j = 0; j < grid->height; j++)
        for (int i = 0; i < grid->width; i++)
          {
            gsize at = (gsize)j * grid->width + i;

            if ((i > 0 && before[at - 1] == value) ||
                (i + 1 < grid->width && before[at + 1] == value) ||
                (j > 0 && before[at - grid->width] == value) ||
                (j + 1 < grid->height && before[at + grid->width] == value))
              grid->cells[at] = value;
          }
    }
}

/* As spread(), within an octagon of @radius, near enough a disc: a square then a diamond,
 * sized so that the octagon is as wide across as along its diagonals. A square alone closed
 * gaps in boxes that made a district's outline look drawn on squared paper. */
static void
spread_octagon (Grid   *grid,
                int     radius,
                guint8  value)
{
  int square = (int)lround (radius / (1 + G_SQRT2));

  spread (grid, square, value);
  spread_diamond (grid, radius - square, value);
}

/* Two cells that meet only at a corner would make the traced edge cross itself there: join
 * them by a third. */
static void
remove_pinches (Grid *grid)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (int j = 0; j + 1 < grid->height; j++)
        for (int i = 0; i + 1 < grid->width; i++)
          {
            guint8 a = *cell (grid, i, j), b = *cell (grid, i + 1, j);
            guint8 c = *cell (grid, i, j + 1), d = *cell (grid, i + 1, j + 1);

            if (a && d && !b && !c)
              {
                *cell (grid, i + 1, j) = 1;
                changed = TRUE;
              }
            else if (b && c && !a && !d)
              {
                *cell (grid, i, j) = 1;
                changed = TRUE;
              }
          }
    }
}

/* Empty cells the outside cannot reach are holes (a park amid the houses): filled, so that a
 * district is one shape. */
static void
fill_holes (Grid *grid)
{
  gsize n = (gsize)grid->width * grid->height;
  g_autofree guint8 *outside = g_new0 (guint8, n);
  g_autofree gint32 *stack = g_new (gint32, n);
  gsize top = 0;

  for (int i = 0; i < grid->width; i++)
    for (int edge = 0; edge < 2; edge++)
      {
        int j = edge == 0 ? 0 : grid->height - 1;

        if (!*cell (grid, i, j) && !outside[(gsize)j * grid->width + i])
          {
            outside[(gsize)j * grid->width + i] = 1;
            stack[top++] = j * grid->width + i;
          }
      }
  for (int j = 0; j < grid->height; j++)
    for (int edge = 0; edge < 2; edge++)
      {
        int i = edge == 0 ? 0 : grid->width - 1;

        if (!*cell (grid, i, j) && !outside[(gsize)j * grid->width + i])
          {
            outside[(gsize)j * grid->width + i] = 1;
            stack[top++] = j * grid->width + i;
          }
      }
  while (top > 0)
    {
      gint32 at = stack[--top];
      int i = at % grid->width, j = at / grid->width;
      const int steps[4][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };

      for (int k = 0; k < 4; k++)
        {
          int ni = i + steps[k][0], nj = j + steps[k][1];
          gsize index;

          if (ni < 0 || nj < 0 || ni >= grid->width || nj >= grid->height)
            continue;
          index = (gsize)nj * grid->width + ni;
          if (!grid->cells[index] && !outside[index])
            {
              outside[index] = 1;
              stack[top++] = (gint32)index;
            }
        }
    }
  for (gsize index = 0; index < n; index++)
    if (!outside[index])
      grid->cells[index] = 1;
}

/* The cell farthest inside the shape (a chamfer distance), where its code is printed: the
 * middle of an L-shaped district's outline may be outside it. */
static void
find_label (Grid *grid,
            int  *out_i,
            int  *out_j)
{
  gsize n = (gsize)grid->width * grid->height;
  g_autofree guint32 *distance = g_new (guint32, n);
  guint32 best = 0;

  for (gsize index = 0; index < n; index++)
    distance[index] = grid->cells[index] ? G_MAXUINT32 / 2 : 0;
  for (int j = 0; j < grid->height; j++)
    for (int i = 0; i < grid->width; i++)
      {
        guint32 *d = &distance[(gsize)j * grid->width + i];

        if (*d == 0)
          continue;
        if (i > 0)
          *d = MIN (*d, distance[(gsize)j * grid->width + i - 1] + 3);
        if (j > 0)
          *d = MIN (*d, distance[(gsize)(j - 1) * grid->width + i] + 3);
        if (i > 0 && j > 0)
          *d = MIN (*d, distance[(gsize)(j - 1) * grid->width + i - 1] + 4);
        if (i + 1 < grid->width && j > 0)
          *d = MIN (*d, distance[(gsize)(j - 1) * grid->width + i + 1] + 4);
      }
  *out_i = *out_j = 0;
  for (int j = grid->height - 1; j >= 0; j--)
    for (int i = grid->width - 1; i >= 0; i--)
      {
        guint32 *d = &distance[(gsize)j * grid->width + i];

        if (*d == 0)
          continue;
        if (i + 1 < grid->width)
          *d = MIN (*d, distance[(gsize)j * grid->width + i + 1] + 3);
        if (j + 1 < grid->height)
          *d = MIN (*d, distance[(gsize)(j + 1) * grid->width + i] + 3);
        if (i + 1 < grid->width && j + 1 < grid->height)
          *d = MIN (*d, distance[(gsize)(j + 1) * grid->width + i + 1] + 4);
        if (i > 0 && j + 1 < grid->height)
          *d = MIN (*d, distance[(gsize)(j + 1) * grid->width + i - 1] + 4);
        if (*d >= best)
          {
            best = *d;
            *out_i = i;
            *out_j = j;
          }
      }
}

/* Rounds each corner of a closed ring by cutting it @distance along both its sides (or half
 * a side, when shorter): the staircase of the cells' edges becomes a smooth line, while a long
 * straight edge stays straight and a corner moves less than a cell. */
static GArray *
cut_corners (GArray *ring,
             double  distance)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * ring->len);
  guint n = ring->len / 2;

  for (guint k = 0; k < n; k++)
    {
      const double *p = &g_array_index (ring, double, 2 * ((k + n - 1) % n));
      const double *q = &g_array_index (ring, double, 2 * k);
      const double *r = &g_array_index (ring, double, 2 * ((k + 1) % n));
      double before = hypot (p[0] - q[0], p[1] - q[1]);
      double after = hypot (r[0] - q[0], r[1] - q[1]);
      double a = before > 0 ? MIN (distance, before / 2) / before : 0;
      double b = after > 0 ? MIN (distance, after / 2) / after : 0;
      double cut[4] = {
        q[0] + (p[0] - q[0]) * a, q[1] + (p[1] - q[1]) * a,
        q[0] + (r[0] - q[0]) * b, q[1] + (r[1] - q[1]) * b,
      };

      g_array_append_vals (out, cut, 4);
    }
  g_array_unref (ring);
  return out;
}

/* Drops each corner that lies within @tolerance of the line from the last corner kept to the
 * next: the rounded staircase has many corners a drawing does not need, and each costs the
 * dashed line's drawing. */
static GArray *
simplify (GArray *ring,
          double  tolerance)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (double), ring->len);
  guint n = ring->len / 2;

  if (n < 4)
    {
      g_array_append_vals (out, ring->data, ring->len);
      g_array_unref (ring);
      return out;
    }
  g_array_append_vals (out, ring->data, 2);
  for (guint k = 1; k < n; k++)
    {
      const double *a = &g_array_index (out, double, out->len - 2);
      const double *q = &g_array_index (ring, double, 2 * k);
      const double *b = &g_array_index (ring, double, 2 * ((k + 1) % n));
      double length = hypot (b[0] - a[0], b[1] - a[1]);
      double off = length > 0 ? fabs ((b[0] - a[0]) * (a[1] - q[1]) -
                                      (a[0] - q[0]) * (b[1] - a[1])) / length
                              : hypot (q[0] - a[0], q[1] - a[1]);

      if (off > tolerance)
        g_array_append_vals (out, q, 2);
    }
  g_array_unref (ring);
  return out;
}

/* Follows the cells' edge, region on the left, so each ring runs counter-clockwise; only the
 * corners are kept. */
static void
trace (Grid          *grid,
       EdMapDistrict *district,
       double         origin_e,
       double         origin_n,
       double         size)
{
  int vw = grid->width + 1;
  gsize n_vertices = (gsize)vw * (grid->height + 1);
  g_autofree gint32 *out = g_new (gint32, n_vertices);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));

  for (gsize v = 0; v < n_vertices; v++)
    out[v] = -1;
  for (int j = 0; j < grid->height; j++)
    for (int i = 0; i < grid->width; i++)
      {
        if (!*cell (grid, i, j))
          continue;
        /* The grid keeps an empty border, so no marked cell is on its edge. */
        if (!*cell (grid, i, j - 1))
          out[j * vw + i] = j * vw + i + 1;
        if (!*cell (grid, i + 1, j))
          out[j * vw + i + 1] = (j + 1) * vw + i + 1;
        if (!*cell (grid, i, j + 1))
          out[(j + 1) * vw + i + 1] = (j + 1) * vw + i;
        if (!*cell (grid, i - 1, j))
          out[(j + 1) * vw + i] = j * vw + i;
      }

  for (gsize start = 0; start < n_vertices; start++)
    {
      GArray *ring, *corners;
      gint32 at = (gint32)start;
      guint end;

      if (out[start] < 0)
        continue;
      ring = g_array_new (FALSE, FALSE, sizeof (double));
      do
        {
          gint32 next = out[at];
          double xy[2] = { origin_e + (at % vw) * size, origin_n + (at / vw) * size };

          g_array_append_vals (ring, xy, 2);
          out[at] = -1;
          at = next;
        }
      while (at != (gint32)start && at >= 0);

      /* Only the corners: drop each point on a straight line between its neighbours. */
      corners = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint k = 0, n = ring->len / 2; k < n; k++)
        {
          const double *p = &g_array_index (ring, double, 2 * ((k + n - 1) % n));
          const double *q = &g_array_index (ring, double, 2 * k);
          const double *r = &g_array_index (ring, double, 2 * ((k + 1) % n));

          if ((q[0] - p[0]) * (r[1] - q[1]) - (q[1] - p[1]) * (r[0] - q[0]) != 0)
            g_array_append_vals (corners, q, 2);
        }
      g_array_unref (ring);
      ring = corners;
      ring = cut_corners (ring, size / 2);
      ring = cut_corners (ring, size / 4);
      ring = simplify (ring, size / 4);
      g_array_append_vals (points, ring->data, ring->len);
      end = points->len / 2;
      g_array_append_val (ends, end);
      g_array_unref (ring);
    }

  district->n_rings = ends->len;
  district->ring_ends = (guint *)g_array_free (g_steal_pointer (&ends), FALSE);
  district->n_outline = points->len / 2;
  district->outline = (double *)g_array_free (g_steal_pointer (&points), FALSE);
}

static int
compare_points (const void *a,
                const void *b)
{
  const double *p = a, *q = b;

  if (p[0] != q[0])
    return p[0] < q[0] ? -1 : 1;
  if (p[1] != q[1])
    return p[1] < q[1] ? -1 : 1;
  return 0;
}

/* Twice the signed area of o, a, b: positive when they turn counter-clockwise. */
static double
turn (const double *o,
      const double *a,
      const double *b)
{
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/* The smallest convex polygon around the points (Andrew's monotone chain), counter-clockwise
 * from the lowest leftmost point, with no point on a straight edge counted as a corner. Fewer
 * than three distinct points give those points. */
static double *
convex_hull (const double *points,
             guint         n_points,
             guint        *out_n_points)
{
  g_autofree double *sorted = NULL;
  double *hull;
  guint n = 0, k = 0;

  *out_n_points = 0;
  if (n_points == 0)
    return NULL;

  sorted = g_memdup2 (points, sizeof (double) * 2 * n_points);
  qsort (sorted, n_points, 2 * sizeof (double), compare_points);
  /* Drop repeats: many flats share one address point. */
  for (guint i = 0; i < n_points; i++)
    if (n == 0 || compare_points (sorted + 2 * i, sorted + 2 * (n - 1)) != 0)
      {
        sorted[2 * n] = sorted[2 * i];
        sorted[2 * n + 1] = sorted[2 * i + 1];
        n++;
      }
  if (n < 3)
    {
      *out_n_points = n;
      return g_memdup2 (sorted, sizeof (double) * 2 * n);
    }

  hull = g_new (double, 2 * (2 * (gsize)n));
  /* The lower chain left to right, then the upper right to left. */
  for (guint i = 0; i < n; i++)
    {
      while (k >= 2 && turn (hull + 2 * (k - 2), hull + 2 * (k - 1), sorted + 2 * i) <= 0)
        k--;
      hull[2 * k] = sorted[2 * i];
      hull[2 * k + 1] = sorted[2 * i + 1];
      k++;
    }
  for (guint i = n - 1, lower = k + 1; i-- > 0;)
    {
      while (k >= lower && turn (hull + 2 * (k - 2), hull + 2 * (k - 1), sorted + 2 * i) <= 0)
        k--;
      hull[2 * k] = sorted[2 * i];
      hull[2 * k + 1] = sorted[2 * i + 1];
      k++;
    }
  /* The last corner is the first again. */
  k--;
  /* All on one line: its two ends. */
  if (k < 3)
    k = 2;
  *out_n_points = k;
  return hull;
}

/* Where to print the code of a district outlined by its hull: the centre of the hull's area,
 * or of its points when the hull has none (a row of them). */
static void
place_label (EdMapDistrict *district,
             const double  *points,
             guint          n_points)
{
  double area = 0, cx = 0, cy = 0;
  /* Measured from the first corner: national grid metres multiplied would lose the metres. */
  double oe = district->outline[0], on = district->outline[1];

  for (guint i = 0; i < district->n_outline; i++)
    {
      const double *a = district->outline + 2 * i;
      const double *b = district->outline + 2 * ((i + 1) % district->n_outline);
      double ax = a[0] - oe, ay = a[1] - on, bx = b[0] - oe, by = b[1] - on;
      double cross = ax * by - bx * ay;

      area += cross;
      cx += (ax + bx) * cross;
      cy += (ay + by) * cross;
    }
  if (fabs (area) > 1.0)
    {
      district->label_easting = oe + cx / (3 * area);
      district->label_northing = on + cy / (3 * area);
      return;
    }
  cx = cy = 0;
  for (guint i = 0; i < n_points; i++)
    {
      cx += points[2 * i];
      cy += points[2 * i + 1];
    }
  district->label_easting = n_points > 0 ? cx / n_points : 0;
  district->label_northing = n_points > 0 ? cy / n_points : 0;
}

/* Whether the grid's shapes are clusters worth an outline each: few, and few of the properties
 * in pieces round a farm or two on their own. Each shape (4-connected, its holes filled) is
 * one ring. */
static gboolean
clusters_hold (Grid         *grid,
               const double *points,
               guint         n,
               double        origin_e,
               double        origin_n,
               double        size)
{
  gsize n_cells = (gsize)grid->width * grid->height;
  g_autofree gint32 *shape = g_new0 (gint32, n_cells);
  g_autofree gint32 *stack = g_new (gint32, n_cells);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  gint32 n_shapes = 0;
  guint scattered = 0;

  for (gsize start = 0; start < n_cells; start++)
    {
      gsize top = 0;

      if (!grid->cells[start] || shape[start] != 0)
        continue;
      if (++n_shapes > MOST_RINGS)
        return FALSE;
      shape[start] = n_shapes;
      stack[top++] = (gint32)start;
      while (top > 0)
        {
          gint32 at = stack[--top];
          int i = at % grid->width, j = at / grid->width;
          const int steps[4][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };

          for (int k = 0; k < 4; k++)
            {
              int ni = i + steps[k][0], nj = j + steps[k][1];
              gsize index = (gsize)nj * grid->width + ni;

              if (ni < 0 || nj < 0 || ni >= grid->width || nj >= grid->height)
                continue;
              if (grid->cells[index] && shape[index] == 0)
                {
                  shape[index] = n_shapes;
                  stack[top++] = (gint32)index;
                }
            }
        }
    }
  g_array_set_size (counts, n_shapes + 1);
  for (guint k = 0; k < n; k++)
    {
      int i = (int)((points[2 * k] - origin_e) / size);
      int j = (int)((points[2 * k + 1] - origin_n) / size);

      g_array_index (counts, guint, shape[(gsize)j * grid->width + i])++;
    }
  for (gint32 s = 1; s <= n_shapes; s++)
    if (g_array_index (counts, guint, s) < MIN_RING_PROPERTIES)
      scattered += g_array_index (counts, guint, s);
  return scattered <= n * MOST_SCATTERED_SHARE;
}

/**
 * _ed_station_map_outline_district:
 * @district: a district, its located properties in its points
 * @size: the grid's cell, in metres
 *
 * Works out the district's outline rings and where its code is printed.
 */
void
_ed_station_map_outline_district (EdMapDistrict *district,
                                  double         size)
{
  const double *points = (const double *)district->points->data;
  guint n = district->points->len / 2;
  double min_e = G_MAXDOUBLE, min_n = G_MAXDOUBLE, max_e = -G_MAXDOUBLE, max_n = -G_MAXDOUBLE;
  int radius, pad, label_i, label_j;
  double origin_e, origin_n, close_metres;
  Grid grid;

  district->n_rings = 0;
  district->n_outline = 0;
  if (n == 0)
    return;
  for (guint k = 0; k < n; k++)
    {
      min_e = MIN (min_e, points[2 * k]);
      max_e = MAX (max_e, points[2 * k]);
      min_n = MIN (min_n, points[2 * k + 1]);
      max_n = MAX (max_n, points[2 * k + 1]);
    }

  /* The mean spacing, were the properties spread evenly over their bounding box. */
  close_metres = CLAMP (CLOSE_SPACINGS * sqrt ((max_e - min_e) * (max_n - min_n) / n),
                        CLOSE_METRES, CLOSE_MOST_METRES);
  for (;;)
    {
      radius = MAX (2, (int)ceil (close_metres / size));
      /* Room for the dilations and the margin, and an empty border. */
      pad = radius + 3;
      grid.width = (int)floor ((max_e - min_e) / size) + 1 + 2 * pad;
      grid.height = (int)floor ((max_n - min_n) / size) + 1 + 2 * pad;
      if ((double)grid.width * grid.height <= MOST_CELLS)
        break;
      size *= sqrt ((double)grid.width * grid.height / MOST_CELLS) * 1.01;
    }
  origin_e = min_e - pad * size;
  origin_n = min_n - pad * size;
  grid.cells = g_new0 (guint8, (gsize)grid.width * grid.height);
  for (guint k = 0; k < n; k++)
    *cell (&grid, (int)((points[2 * k] - origin_e) / size),
           (int)((points[2 * k + 1] - origin_n) / size)) = 1;

  spread_octagon (&grid, radius, 1);
  spread_octagon (&grid, radius, 0);
  /* A cell's margin round every property, so that smoothing the corners never cuts one off. */
  spread (&grid, 1, 1);
  remove_pinches (&grid);
  fill_holes (&grid);

  if (clusters_hold (&grid, points, n, origin_e, origin_n, size))
    {
      trace (&grid, district, origin_e, origin_n, size);
      find_label (&grid, &label_i, &label_j);
      district->label_easting = origin_e + (label_i + 0.5) * size;
      district->label_northing = origin_n + (label_j + 0.5) * size;
    }
  else
    {
      /* Properties too scattered for the grid to join (farms, each an island of its own):
       * the hull round them all says more, a cell clear of each as the grid's outline is. */
      g_autofree double *corners = g_new (double, 8 * (gsize)n);

      for (guint k = 0; k < n; k++)
        for (int c = 0; c < 4; c++)
          {
            corners[8 * k + 2 * c] = points[2 * k] + (c & 1 ? size : -size);
            corners[8 * k + 2 * c + 1] = points[2 * k + 1] + (c & 2 ? size : -size);
          }
      district->outline = convex_hull (corners, 4 * n, &district->n_outline);
      district->n_rings = 1;
      district->ring_ends = g_new (guint, 1);
      district->ring_ends[0] = district->n_outline;
      place_label (district, points, n);
    }
  g_free (grid.cells);
}
