/* ed-recent-districts.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ED_RECENT_DISTRICTS_MAX 8

typedef struct
{
  char *path;
  char *council_name;   /* NULL when the file cannot be read now */
  gboolean joining;     /* no district yet, but in a sync team: it comes with a sync */
} EdRecentDistrict;

void        ed_recent_district_free        (EdRecentDistrict *recent);
const char *ed_recent_district_get_title   (const EdRecentDistrict *recent);
GPtrArray *ed_recent_districts_list        (GSettings        *settings);
void       ed_recent_districts_add         (GSettings        *settings,
                                            const char       *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdRecentDistrict, ed_recent_district_free)

G_END_DECLS
