/* ed-recent-districts.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "district/ed-district-settings.h"
#include "sync/ed-sync.h"
#include "ui/ed-recent-districts.h"

/* The districts this account opened lately, most recent first, for the welcome page and the
 * district switcher: a shared-service team moves between its councils all day. */

void
ed_recent_district_free (EdRecentDistrict *recent)
{
  if (recent == NULL)
    return;
  g_free (recent->path);
  g_free (recent->council_name);
  g_free (recent);
}

/**
 * ed_recent_districts_list:
 * @settings: (nullable): the application's settings
 *
 * Returns: (transfer full) (element-type EdRecentDistrict): the recent districts that still
 *   exist, each with its council name read from the file
 */
/**
 * ed_recent_district_get_title:
 * @recent: a recent district
 *
 * Returns: what the district is called in a list: its council, or what it waits for
 */
const char *
ed_recent_district_get_title (const EdRecentDistrict *recent)
{
  g_return_val_if_fail (recent != NULL, NULL);

  if (recent->council_name != NULL)
    return recent->council_name;
  /* A new desk that joined a team: the district comes with its first sync. */
  if (recent->joining)
    return _("Waiting for the sync team’s district");
  return _("District not set up");
}

GPtrArray *
ed_recent_districts_list (GSettings *settings)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_recent_district_free);
  g_auto(GStrv) paths = NULL;

  if (settings == NULL)
    return list;

  paths = g_settings_get_strv (settings, "recent-districts");
  for (guint i = 0; paths[i] != NULL; i++)
    {
      EdRecentDistrict *recent;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        continue;

      recent = g_new0 (EdRecentDistrict, 1);
      recent->path = g_strdup (paths[i]);
      recent->council_name = ed_district_settings_peek_council_name (paths[i]);
      recent->joining = recent->council_name == NULL && ed_sync_peek_is_set_up (paths[i]);
      g_ptr_array_add (list, recent);
    }
  return list;
}

void
ed_recent_districts_add (GSettings  *settings,
                         const char *path)
{
  g_auto(GStrv) paths = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;
  guint kept = 1;

  g_return_if_fail (path != NULL);

  if (settings == NULL)
    return;

  paths = g_settings_get_strv (settings, "recent-districts");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; paths[i] != NULL && kept < ED_RECENT_DISTRICTS_MAX; i++)
    if (!g_str_equal (paths[i], path))
      {
        g_strv_builder_add (builder, paths[i]);
        kept++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-districts", (const char * const *)updated);
  g_settings_set_string (settings, "last-district", path);
}
