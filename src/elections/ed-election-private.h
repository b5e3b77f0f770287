/* ed-election-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-database.h"
#include "elections/ed-election.h"

G_BEGIN_DECLS

/* What the election store's files share: a column's text ("" for NULL), a stored date (cleared
 * for ""), and a poll's calendar with the district's extra days. */
const char *_ed_election_column_text  (sqlite3_stmt     *stmt,
                                       int               column);
void        _ed_election_column_date  (sqlite3_stmt     *stmt,
                                       int               column,
                                       GDate            *out);
EdCalendar *_ed_election_calendar_for (EdContext        *context,
                                       EdElectionKind    kind,
                                       EdCountry         country,
                                       GError          **error);

G_END_DECLS
