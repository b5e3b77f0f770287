/* ed-main.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ui/ed-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(EdApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* ED_LOCALEDIR lets a build tree run in Welsh before it is installed (build-aux/run-demo). */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("ED_LOCALEDIR") != NULL ? g_getenv ("ED_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ed_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
