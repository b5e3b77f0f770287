/* ed-grid.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Ordnance Survey National Grid and GPS latitude and longitude, both ways, as Ordnance
 * Survey's "A guide to coordinates systems in Great Britain" gives them: the grid is a
 * transverse Mercator projection of the OSGB36 datum on the Airy 1830 ellipsoid, and OSGB36
 * is reached from WGS84 (ETRS89, within a metre here) by a seven-parameter Helmert
 * transformation. The Helmert is good to some five metres across Great Britain, which is
 * what a polling station's dot on a map and a walk to it need; OSTN15 would give centimetres
 * from a 15 MB grid of shifts the program has no use for. The Irish Grid (TM75, on the Airy
 * Modified ellipsoid), which Northern Ireland's files may use, is reached the same way,
 * through WGS84 with EPSG's Helmert for TM75. */

#define G_LOG_DOMAIN "ed-core"

#include "core/ed-grid.h"

#include <math.h>

/* Airy 1830, the OSGB36 ellipsoid. */
#define AIRY_A 6377563.396
#define AIRY_B 6356256.909

/* GRS80, the WGS84 and ETRS89 ellipsoid (WGS84's own differs by 0.1 mm). */
#define GRS80_A 6378137.000
#define GRS80_B 6356752.3141

/* Airy Modified 1849, the Irish Grid's ellipsoid (1/f = 299.3249646). */
#define AIRY_MODIFIED_A 6377340.189
#define AIRY_MODIFIED_B (6377340.189 * (1 - 1 / 299.3249646))

/* A transverse Mercator grid: its ellipsoid, true origin, scale and false origin. */
typedef struct
{
  double a, b;
  double f0;
  double lat0, lon0;  /* radians */
  double e0, n0;
} Grid;

static const Grid national_grid = {
  AIRY_A, AIRY_B, 0.9996012717, 49.0 * G_PI / 180.0, -2.0 * G_PI / 180.0, 400000.0, -100000.0,
};

/* The Irish Grid (TM75 / Irish Grid, EPSG:29903), which Northern Ireland's files use. */
static const Grid irish_grid = {
  AIRY_MODIFIED_A, AIRY_MODIFIED_B, 1.000035, 53.5 * G_PI / 180.0, -8.0 * G_PI / 180.0,
  200000.0, 250000.0,
};

#define ARCSEC (G_PI / (180.0 * 3600.0))

typedef struct
{
  double tx, ty, tz;  /* metres */
  double s;           /* parts per million */
  double rx, ry, rz;  /* seconds of arc */
} Helmert;

/* WGS84 to OSGB36; the reverse is the same with every sign changed. */
static const Helmert wgs84_to_osgb36 = {
  -446.448, 125.157, -542.060, 20.4894, -0.1502, -0.2470, -0.8421,
};

/* TM75 (the Irish Grid's datum) to WGS84, EPSG:1954, good to a metre or so. */
static const Helmert tm75_to_wgs84 = {
  482.5, -130.6, 564.6, 8.15, -1.042, -0.214, -0.631,
};

static double
meridional_arc (const Grid *g,
                double      n,
                double      phi)
{
  double d = phi - g->lat0;
  double s = phi + g->lat0;

  return g->b * g->f0 * ((1 + n + 5.0 / 4 * n * n + 5.0 / 4 * n * n * n) * d
                   - (3 * n + 3 * n * n + 21.0 / 8 * n * n * n) * sin (d) * cos (s)
                   + (15.0 / 8 * n * n + 15.0 / 8 * n * n * n) * sin (2 * d) * cos (2 * s)
                   - 35.0 / 24 * n * n * n * sin (3 * d) * cos (3 * s));
}

static void
project (const Grid *g,
         double      latitude,
         double      longitude,
         double     *out_easting,
         double     *out_northing)
{
  double a = g->a, b = g->b, f0 = g->f0;
  double e2 = 1 - (b * b) / (a * a);
  double n = (a - b) / (a + b);
  double phi = latitude * G_PI / 180.0;
  double lambda = longitude * G_PI / 180.0;
  double sinp = sin (phi), cosp = cos (phi), tanp = tan (phi);
  double nu = a * f0 / sqrt (1 - e2 * sinp * sinp);
  double rho = a * f0 * (1 - e2) / pow (1 - e2 * sinp * sinp, 1.5);
  double eta2 = nu / rho - 1;
  double m = meridional_arc (g, n, phi);
  double i = m + g->n0;
  double ii = nu / 2 * sinp * cosp;
  double iii = nu / 24 * sinp * pow (cosp, 3) * (5 - tanp * tanp + 9 * eta2);
  double iiia = nu / 720 * sinp * pow (cosp, 5) * (61 - 58 * tanp * tanp + pow (tanp, 4));
  double iv = nu * cosp;
  double v = nu / 6 * pow (cosp, 3) * (nu / rho - tanp * tanp);
  double vi = nu / 120 * pow (cosp, 5) * (5 - 18 * tanp * tanp + pow (tanp, 4) + 14 * eta2
                                          - 58 * tanp * tanp * eta2);
  double dl = lambda - g->lon0;

  *out_northing = i + ii * dl * dl + iii * pow (dl, 4) + iiia * pow (dl, 6);
  *out_easting = g->e0 + iv * dl + v * pow (dl, 3) + vi * pow (dl, 5);
}

static void
unproject (const Grid *g,
           double      easting,
           double      northing,
           double     *out_latitude,
           double     *out_longitude)
{
  double a = g->a, b = g->b, f0 = g->f0;
  double e2 = 1 - (b * b) / (a * a);
  double n = (a - b) / (a + b);
  double phi = (northing - g->n0) / (a * f0) + g->lat0;
  double m = meridional_arc (g, n, phi);
  double sinp, cosp, tanp, nu, rho, eta2, vii, viii, ix, x, xi, xii, xiia, de;
  int guard = 0;

  while (fabs (northing - g->n0 - m) >= 0.00001 && guard++ < 100)
    {
      phi += (northing - g->n0 - m) / (a * f0);
      m = meridional_arc (g, n, phi);
    }

  sinp = sin (phi);
  cosp = cos (phi);
  tanp = tan (phi);
  nu = a * f0 / sqrt (1 - e2 * sinp * sinp);
  rho = a * f0 * (1 - e2) / pow (1 - e2 * sinp * sinp, 1.5);
  eta2 = nu / rho - 1;
  vii = tanp / (2 * rho * nu);
  viii = tanp / (24 * rho * pow (nu, 3)) * (5 + 3 * tanp * tanp + eta2 - 9 * tanp * tanp * eta2);
  ix = tanp / (720 * rho * pow (nu, 5)) * (61 + 90 * tanp * tanp + 45 * pow (tanp, 4));
  x = 1 / (cosp * nu);
  xi = 1 / (cosp * 6 * pow (nu, 3)) * (nu / rho + 2 * tanp * tanp);
  xii = 1 / (cosp * 120 * pow (nu, 5)) * (5 + 28 * tanp * tanp + 24 * pow (tanp, 4));
  xiia = 1 / (cosp * 5040 * pow (nu, 7)) * (61 + 662 * tanp * tanp + 1320 * pow (tanp, 4)
                                           + 720 * pow (tanp, 6));
  de = easting - g->e0;

  *out_latitude = (phi - vii * de * de + viii * pow (de, 4) - ix * pow (de, 6)) * 180.0 / G_PI;
  *out_longitude = (g->lon0 + x * de - xi * pow (de, 3) + xii * pow (de, 5) - xiia * pow (de, 7))
                   * 180.0 / G_PI;
}

/**
 * ed_grid_project_osgb36:
 * @latitude: OSGB36 latitude in degrees, north positive
 * @longitude: OSGB36 longitude in degrees, east positive
 * @out_easting: (out): the National Grid easting in metres
 * @out_northing: (out): the National Grid northing in metres
 *
 * Projects a point already on the OSGB36 datum onto the National Grid (the guide's
 * annex C, exact to the millimetre).
 */
void
ed_grid_project_osgb36 (double  latitude,
                        double  longitude,
                        double *out_easting,
                        double *out_northing)
{
  project (&national_grid, latitude, longitude, out_easting, out_northing);
}

/**
 * ed_grid_unproject_osgb36:
 * @easting: a National Grid easting in metres
 * @northing: a National Grid northing in metres
 * @out_latitude: (out): OSGB36 latitude in degrees
 * @out_longitude: (out): OSGB36 longitude in degrees
 *
 * The inverse of ed_grid_project_osgb36() (the guide's annex C, iterated to a hundredth of a
 * millimetre).
 */
void
ed_grid_unproject_osgb36 (double  easting,
                          double  northing,
                          double *out_latitude,
                          double *out_longitude)
{
  unproject (&national_grid, easting, northing, out_latitude, out_longitude);
}

/* Latitude and longitude (degrees, height 0) on the ellipsoid (a, b), through the Helmert
 * transformation @h (applied with @sign 1, or reversed with -1), onto the ellipsoid (a2, b2). */
static void
transform (double         latitude,
           double         longitude,
           double         a,
           double         b,
           const Helmert *h,
           double         sign,
           double         a2,
           double         b2,
           double        *out_latitude,
           double        *out_longitude)
{
  double phi = latitude * G_PI / 180.0;
  double lambda = longitude * G_PI / 180.0;
  double e2 = 1 - (b * b) / (a * a);
  double nu = a / sqrt (1 - e2 * sin (phi) * sin (phi));
  double x = nu * cos (phi) * cos (lambda);
  double y = nu * cos (phi) * sin (lambda);
  double z = (1 - e2) * nu * sin (phi);
  double s = 1 + sign * h->s * 1e-6;
  double rx = sign * h->rx * ARCSEC, ry = sign * h->ry * ARCSEC, rz = sign * h->rz * ARCSEC;
  double x2 = sign * h->tx + s * x - rz * y + ry * z;
  double y2 = sign * h->ty + rz * x + s * y - rx * z;
  double z2 = sign * h->tz - ry * x + rx * y + s * z;
  double e22 = 1 - (b2 * b2) / (a2 * a2);
  double p = sqrt (x2 * x2 + y2 * y2);
  double phi2 = atan2 (z2, p * (1 - e22));
  double previous;
  int guard = 0;

  do
    {
      double nu2 = a2 / sqrt (1 - e22 * sin (phi2) * sin (phi2));

      previous = phi2;
      phi2 = atan2 (z2 + e22 * nu2 * sin (phi2), p);
    }
  while (fabs (phi2 - previous) > 1e-12 && guard++ < 100);

  *out_latitude = phi2 * 180.0 / G_PI;
  *out_longitude = atan2 (y2, x2) * 180.0 / G_PI;
}

/**
 * ed_grid_from_wgs84:
 * @latitude: WGS84 (GPS) latitude in degrees, north positive
 * @longitude: WGS84 longitude in degrees, east positive
 * @out_easting: (out): the National Grid easting in metres
 * @out_northing: (out): the National Grid northing in metres
 *
 * Gives the National Grid reference of a GPS position, good to some five metres in Great
 * Britain. Points beyond it (Northern Ireland) are projected all the same, on the grid's
 * extension westward, so that they can be compared with each other.
 */
void
ed_grid_from_wgs84 (double  latitude,
                    double  longitude,
                    double *out_easting,
                    double *out_northing)
{
  double lat, lon;

  transform (latitude, longitude, GRS80_A, GRS80_B, &wgs84_to_osgb36, 1, AIRY_A, AIRY_B,
             &lat, &lon);
  ed_grid_project_osgb36 (lat, lon, out_easting, out_northing);
}

/**
 * ed_grid_to_wgs84:
 * @easting: a National Grid easting in metres
 * @northing: a National Grid northing in metres
 * @out_latitude: (out): WGS84 latitude in degrees
 * @out_longitude: (out): WGS84 longitude in degrees
 *
 * The inverse of ed_grid_from_wgs84(), for files and maps that want GPS positions.
 */
void
ed_grid_to_wgs84 (double  easting,
                  double  northing,
                  double *out_latitude,
                  double *out_longitude)
{
  double lat, lon;

  ed_grid_unproject_osgb36 (easting, northing, &lat, &lon);
  transform (lat, lon, AIRY_A, AIRY_B, &wgs84_to_osgb36, -1, GRS80_A, GRS80_B,
             out_latitude, out_longitude);
}

/**
 * ed_grid_irish_to_wgs84:
 * @easting: an Irish Grid easting in metres (TM75 / Irish Grid, EPSG:29903)
 * @northing: an Irish Grid northing in metres
 * @out_latitude: (out): WGS84 latitude in degrees
 * @out_longitude: (out): WGS84 longitude in degrees
 *
 * Gives the GPS position of an Irish Grid reference, good to a metre or two, for the files
 * of the Electoral Office for Northern Ireland.
 */
void
ed_grid_irish_to_wgs84 (double  easting,
                        double  northing,
                        double *out_latitude,
                        double *out_longitude)
{
  double lat, lon;

  unproject (&irish_grid, easting, northing, &lat, &lon);
  transform (lat, lon, AIRY_MODIFIED_A, AIRY_MODIFIED_B, &tm75_to_wgs84, 1, GRS80_A, GRS80_B,
             out_latitude, out_longitude);
}

/**
 * ed_grid_irish_from_wgs84:
 * @latitude: WGS84 latitude in degrees
 * @longitude: WGS84 longitude in degrees
 * @out_easting: (out): the Irish Grid easting in metres
 * @out_northing: (out): the Irish Grid northing in metres
 *
 * The inverse of ed_grid_irish_to_wgs84().
 */
void
ed_grid_irish_from_wgs84 (double  latitude,
                          double  longitude,
                          double *out_easting,
                          double *out_northing)
{
  double lat, lon;

  transform (latitude, longitude, GRS80_A, GRS80_B, &tm75_to_wgs84, -1, AIRY_MODIFIED_A,
             AIRY_MODIFIED_B, &lat, &lon);
  project (&irish_grid, lat, lon, out_easting, out_northing);
}
