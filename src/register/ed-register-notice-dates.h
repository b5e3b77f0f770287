/* ed-register-notice-dates.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "register/ed-notice-timetable.h"

G_BEGIN_DECLS

GArray *ed_register_notice_upcoming (EdContext    *context,
                                     const GDate  *from,
                                     guint         n_notices,
                                     GError      **error);

G_END_DECLS
