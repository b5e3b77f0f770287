/* ed-staff-page.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ui/ed-module-page.h"
#include "ui/staff/ed-person-editor.h"

G_BEGIN_DECLS

#define ED_TYPE_STAFF_PAGE (ed_staff_page_get_type ())

G_DECLARE_FINAL_TYPE (EdStaffPage, ed_staff_page, ED, STAFF_PAGE, EdModulePage)

EdPersonEditor *ed_staff_page_open_person  (EdStaffPage *self,
                                            const char  *person_id);
const char     *ed_staff_page_get_election (EdStaffPage *self);

G_END_DECLS
