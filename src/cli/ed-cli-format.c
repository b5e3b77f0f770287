/* ed-cli-format.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cli/ed-cli-private.h"

/* How the sync commands (ops, history, conflicts) show clocks, desks and values. */

/* People read a change's time in their own time zone and to the minute: the clock's counter
 * and the seconds tell them nothing, and "approximate" is all a clock on another desk gives. */
char *
_ed_cli_format_time (gint64 hlc)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (ed_hlc_get_ms (hlc) / 1000);

  if (time == NULL)
    return g_strdup ("-");
  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

/* Scripts get the full local time with its offset, so they need not know our time zone. */
char *
_ed_cli_format_time_iso (gint64 hlc)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (ed_hlc_get_ms (hlc) / 1000);

  if (time == NULL)
    return NULL;
  return g_date_time_format_iso8601 (time);
}

/* Eight hex digits tell a team's few desks apart, and fit a line. */
char *
_ed_cli_short_desk (const char *device)
{
  return g_strndup (device != NULL ? device : "", 8);
}

/* Keeps one change or version per line: an address's lines are joined with commas. */
char *
_ed_cli_one_line (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  return g_strjoinv (", ", lines);
}

/* The district's columns are shown under the names people give "settings set", so a change
 * reads as the command that made it. */
const char *
_ed_cli_column_label (const char *table,
                      const char *column)
{
  guint n_keys;
  const EdSettingInfo *keys = ed_district_settings_get_keys (&n_keys);

  if (g_strcmp0 (table, "district") != 0)
    return column;
  for (guint i = 0; i < n_keys; i++)
    if (g_strcmp0 (keys[i].column, column) == 0)
      return keys[i].key;
  return column;
}
