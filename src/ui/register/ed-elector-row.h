/* ed-elector-row.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "register/ed-register-search.h"

G_BEGIN_DECLS

#define ED_TYPE_ELECTOR_ROW (ed_elector_row_get_type ())

G_DECLARE_FINAL_TYPE (EdElectorRow, ed_elector_row, ED, ELECTOR_ROW, GObject)

EdElectorRow    *ed_elector_row_new             (EdElectorSummary *summary);
const char      *ed_elector_row_get_id          (EdElectorRow     *self);
const char      *ed_elector_row_get_number      (EdElectorRow     *self);
const char      *ed_elector_row_get_name        (EdElectorRow     *self);
const char      *ed_elector_row_get_address     (EdElectorRow     *self);
const char      *ed_elector_row_get_postcode    (EdElectorRow     *self);
const char      *ed_elector_row_get_marker      (EdElectorRow     *self);
EdAbsentVote     ed_elector_row_get_absent_vote (EdElectorRow     *self);
gboolean         ed_elector_row_get_anonymous   (EdElectorRow     *self);
gboolean         ed_elector_row_get_amendment_pending (EdElectorRow *self);
EdElectorStatus  ed_elector_row_get_status      (EdElectorRow     *self);
const char      *ed_elector_row_get_property    (EdElectorRow     *self);

G_END_DECLS
