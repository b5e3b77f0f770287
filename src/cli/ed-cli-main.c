/* ed-cli-main.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "cli/ed-cli.h"
#include "ed-modules.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* ED_LOCALEDIR lets a build tree run in Welsh before it is installed. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("ED_LOCALEDIR") != NULL ? g_getenv ("ED_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("electoral-desk-cli");

  return ed_cli_run (ed_modules_get_all (), argc, argv);
}
