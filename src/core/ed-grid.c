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
 * from a 15 MB grid of shifts the program has no use for. */

#define G_LOG_DOMAIN "ed-core"

#include "core/ed-grid.h"

#include <math.h>

/* Airy 1830, the OSGB36 ellipsoid. */
#define AIRY_A 6377563.396
#define AIRY_B 6356256.909

/* GRS80, the WGS84 and ETRS89 ellipsoid (WGS84's own differs by 0.1 mm). */
#define GRS80_A 6378137.000
#define GRS80_B 6356752.3141

/* The National Grid's true origin and scale. */
#define F0     0.9996012717
#define LAT0   (49.0 * G_PI / 180.0)
#define LON0   (-2.0 * G_PI / 180.0)
#define E0     400000.0
#define N0     (-100000.0)

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

static double
meridional_arc (double b,
                double n,
                double phi)
{
  double d = phi - LAT0;
  double s = phi + LAT0;

  return b * F0 * ((1 + n + 5.0 / 4 * n * n + 5.0 / 4 * n * n * n) * d
                   - (3 * n + 3 * n * n + 21.0 / 8 * n * n * n) * sin (d) * cos (s)
                   + (15.0 / 8 * n * n + 15.0 / 8 * n * n * n) * sin (2 * d) * cos (2 * s)
                   - 35.0 / 24 * n * n * n * sin (3 * d) * cos (3 * s));
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
  double a = AIRY_A, b = AIRY_B;
  double e2 = 1 - (b * b) / (a * a);
  double n = (a - b) / (a + b);
  double phi = latitude * G_PI / 180.0;
  double lambda = longitude * G_PI / 180.0;
  double sinp = sin (phi), cosp = cos (phi), tanp = tan (phi);
  double nu = a * F0 / sqrt (1 - e2 * sinp * sinp);
  double rho = a * F0 * (1 - e2) / pow (1 - e2 * sinp * sinp, 1.5);
  double eta2 = nu / rho - 1;
  double m = meridional_arc (b, n, phi);
  double i = m + N0;
  double ii = nu / 2 * sinp * cosp;
  double iii = nu / 24 * sinp * pow (cosp, 3) * (5 - tanp * tanp + 9 * eta2);
  double iiia = nu / 720 * sinp * pow (cosp, 5) * (61 - 58 * tanp * tanp + pow (tanp, 4));
  double iv = nu * cosp;
  double v = nu / 6 * pow (cosp, 3) * (nu / rho - tanp * tanp);
  double vi = nu / 120 * pow (cosp, 5) * (5 - 18 * tanp * tanp + pow (tanp, 4) + 14 * eta2
                                          - 58 * tanp * tanp * eta2);
  double dl = lambda - LON0;

  *out_northing = i + ii * dl * dl + iii * pow (dl, 4) + iiia * pow (dl, 6);
  *out_easting = E0 + iv * dl + v * pow (dl, 3) + vi * pow (dl, 5);
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
  double a = AIRY_A, b = AIRY_B;
  double e2 = 1 - (b * b) / (a * a);
  double n = (a - b) / (a + b);
  double phi = (northing - N0) / (a * F0) + LAT0;
  double m = meridional_arc (b, n, phi);
  double sinp, cosp, tanp, nu, rho, eta2, vii, viii, ix, x, xi, xii, xiia, de;
  int guard = 0;

  while (fabs (northing - N0 - m) >= 0.00001 && guard++ < 100)
    {
      phi += (northing - N0 - m) / (a * F0);
      m = meridional_arc (b, n, phi);
    }

  sinp = sin (phi);
  cosp = cos (phi);
  tanp = tan (phi);
  nu = a * F0 / sqrt (1 - e2 * sinp * sinp);
  rho = a * F0 * (1 - e2) / pow (1 - e2 * sinp * sinp, 1.5);
  eta2 = nu / rho - 1;
  vii = tanp / (2 * rho * nu);
  viii = tanp / (24 * rho * pow (nu, 3)) * (5 + 3 * tanp * tanp + eta2 - 9 * tanp * tanp * eta2);
  ix = tanp / (720 * rho * pow (nu, 5)) * (61 + 90 * tanp * tanp + 45 * pow (tanp, 4));
  x = 1 / (cosp * nu);
  xi = 1 / (cosp * 6 * pow (nu, 3)) * (nu / rho + 2 * tanp * tanp);
  xii = 1 / (cosp * 120 * pow (nu, 5)) * (5 + 28 * tanp * tanp + 24 * pow (tanp, 4));
  xiia = 1 / (cosp * 5040 * pow (nu, 7)) * (61 + 662 * tanp * tanp + 1320 * pow (tanp, 4)
                                           + 720 * pow (tanp, 6));
  de = easting - E0;

  *out_latitude = (phi - vii * de * de + viii * pow (de, 4) - ix * pow (de, 6)) * 180.0 / G_PI;
  *out_longitude = (LON0 + x * de - xi * pow (de, 3) + xii * pow (de, 5) - xiia * pow (de, 7))
                   * 180.0 / G_PI;
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
