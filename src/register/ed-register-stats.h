/* ed-register-stats.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdRegisterCount:
 * @key: what is counted as stored ("AB", "postal", "B", "" for none)
 * @label: how a person names it ("AB Ashmere North", "Postal", "B (EU citizen)")
 * @count: how many electors
 */
typedef struct
{
  char   *key;
  char   *label;
  gint64  count;
} EdRegisterCount;

/**
 * EdRegisterStats:
 * @electors: every entry in the register, pending changes included
 * @by_polling_district: (element-type EdRegisterCount): per part of the register, in code order
 * @by_marker: (element-type EdRegisterCount): per franchise marker, "" for none
 * @by_absent_vote: (element-type EdRegisterCount): per kind of absent vote, "" for none
 * @by_status: (element-type EdRegisterCount): current, pending addition, pending deletion
 */
typedef struct
{
  gint64     electors;
  GPtrArray *by_polling_district;
  GPtrArray *by_marker;
  GPtrArray *by_absent_vote;
  GPtrArray *by_status;
} EdRegisterStats;

EdRegisterStats *ed_register_stats_compute (EdContext        *context,
                                            GError          **error);
void             ed_register_stats_free    (EdRegisterStats  *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdRegisterStats, ed_register_stats_free)

G_END_DECLS
