/* ed-staff-person-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "changes/ed-change-set.h"
#include "staff/ed-staff-person.h"

G_BEGIN_DECLS

char     *_ed_staff_fold         (const char     *text);
char     *_ed_staff_column_text  (sqlite3_stmt   *stmt,
                                  int             column);
void      _ed_staff_column_date  (sqlite3_stmt   *stmt,
                                  int             column,
                                  GDate          *out);
gboolean  _ed_staff_person_exists (EdContext     *context,
                                   const char    *person_id,
                                   GError       **error);
gboolean  _ed_staff_person_write (EdContext      *context,
                                  EdChangeSet    *change_set,
                                  EdStaffPerson  *person,
                                  GError        **error);

G_END_DECLS
