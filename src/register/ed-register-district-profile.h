/* ed-register-district-profile.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdPollingDistrictProfile:
 * @id: the polling district's row id
 * @code: its code ("AB")
 * @name: its name, "" for none
 * @electoral_area: the name of the ward or division it is part of, "" for none
 * @parish: the name of the parish (or community) it is part of, "" for none
 * @properties: how many properties the register has in it
 *
 * What another module reads of a polling district: where it lies and how many homes it has.
 * Its electorate is the register's count (ed_register_stats_compute()).
 */
typedef struct
{
  char   *id;
  char   *code;
  char   *name;
  char   *electoral_area;
  char   *parish;
  gint64  properties;
} EdPollingDistrictProfile;

void       ed_polling_district_profile_free   (EdPollingDistrictProfile  *profile);
GPtrArray *ed_register_polling_district_profiles (EdContext              *context,
                                                  GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPollingDistrictProfile, ed_polling_district_profile_free)

G_END_DECLS
