/* ed-district-growth.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdDistrictGrowth:
 * @polling_district: the polling district's row id
 * @dwellings: the new homes expected there over the next five years
 * @electors_per_dwelling_x100: the electors expected in each, times 100; 0 for the
 *   district's present ratio
 * @note: where the figure comes from (a planning application, the local plan)
 *
 * The housing growth the polling plan projects a district's electorate from.
 */
typedef struct
{
  char   *polling_district;
  gint64  dwellings;
  gint64  electors_per_dwelling_x100;
  char   *note;
} EdDistrictGrowth;

/* More new homes than this in one polling district in five years is a slip of the keyboard. */
#define ED_DISTRICT_GROWTH_MAX_DWELLINGS 100000
/* Electors per home, times 100: up to 10. */
#define ED_DISTRICT_GROWTH_MAX_ELECTORS_X100 1000

EdDistrictGrowth *ed_district_growth_get  (EdContext         *context,
                                           const char        *polling_district,
                                           GError           **error);
gboolean          ed_district_growth_set  (EdContext         *context,
                                           const char        *polling_district,
                                           gint64             dwellings,
                                           gint64             electors_per_dwelling_x100,
                                           const char        *note,
                                           GError           **error);
gboolean          ed_district_growth_parse_electors (const char *text,
                                                     gint64     *out_x100,
                                                     GError    **error);
void              ed_district_growth_free (EdDistrictGrowth  *growth);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdDistrictGrowth, ed_district_growth_free)

G_END_DECLS
