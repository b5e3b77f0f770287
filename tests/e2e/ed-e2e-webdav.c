/* ed-e2e-webdav.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "ed-test-webdav.h"

/* The C tests' WebDAV server (Apache httpd with mod_dav on 127.0.0.1, ed-test-webdav.c) for
 * the end-to-end tests: prints the served folder's address on its first line, serves until
 * its standard input closes, then stops the server and removes its folder. Exits 77 with the
 * reason when Apache is not installed, which the test reports as a skip. */
int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTestWebdav) server = ed_test_webdav_start (&error);

  if (server == NULL)
    {
      g_printerr ("%s\n", error->message);
      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ? 77 : 1;
    }
  g_print ("%s\n", server->url);
  fflush (stdout);
  while (getchar () != EOF)
    ;
  return 0;
}
