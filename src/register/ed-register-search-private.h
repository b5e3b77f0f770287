/* ed-register-search-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-database.h"
#include "register/ed-register-search.h"

G_BEGIN_DECLS

/* The columns of an EdElectorSummary, over `elector AS e LEFT JOIN property AS p`. An address
 * reads "14 Mill Lane" but "Rose Cottage, Mill Lane": a comma only after a house name.
 * Whether an amendment waits for its notice is one lookup in register_alteration_by_elector
 * per row: a screenful costs a few microseconds more. */
#define _ED_SUMMARY_COLUMNS \
  "SELECT e.id, e.number_prefix || e.number || " \
  "  CASE WHEN e.number_suffix > 0 THEN '/' || e.number_suffix ELSE '' END, " \
  "  trim (e.title || ' ' || e.forenames || ' ' || e.surname), " \
  "  CASE WHEN e.anonymous OR p.id IS NULL THEN '' ELSE " \
  "    trim (p.property || CASE WHEN p.property GLOB '*[0-9]' OR p.property GLOB '*[0-9][A-Z]' " \
  "      THEN ' ' ELSE ', ' END || p.street || ', ' || p.town, ', ') END, " \
  "  CASE WHEN e.anonymous THEN '' ELSE coalesce (p.postcode, '') END, " \
  "  e.marker, e.absent_vote, e.anonymous, e.status, e.property, " \
  "  EXISTS (SELECT 1 FROM register_alteration AS x " \
  "    WHERE x.elector = e.id AND x.notice = '' AND x.kind = 'amendment') "

/* The positions of _ED_SUMMARY_COLUMNS. */
typedef enum
{
  _ED_SUMMARY_ID,
  _ED_SUMMARY_NUMBER,
  _ED_SUMMARY_NAME,
  _ED_SUMMARY_ADDRESS,
  _ED_SUMMARY_POSTCODE,
  _ED_SUMMARY_MARKER,
  _ED_SUMMARY_ABSENT_VOTE,
  _ED_SUMMARY_ANONYMOUS,
  _ED_SUMMARY_STATUS,
  _ED_SUMMARY_PROPERTY,
  _ED_SUMMARY_AMENDMENT_PENDING,
  _ED_SUMMARY_N_COLUMNS,
} EdSummaryColumn;

GPtrArray *_ed_register_read_summaries (EdDatabase    *database,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);

G_END_DECLS
