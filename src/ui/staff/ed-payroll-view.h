/* ed-payroll-view.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_PAYROLL_VIEW (ed_payroll_view_get_type ())

G_DECLARE_FINAL_TYPE (EdPayrollView, ed_payroll_view, ED, PAYROLL_VIEW, AdwBin)

void        ed_payroll_view_set_context      (EdPayrollView *self,
                                              EdContext     *context);
void        ed_payroll_view_reload           (EdPayrollView *self);
void        ed_payroll_view_set_election     (EdPayrollView *self,
                                              const char    *election_id);
const char *ed_payroll_view_get_election     (EdPayrollView *self);
gboolean    ed_payroll_view_is_busy          (EdPayrollView *self);
void        ed_payroll_view_export           (EdPayrollView *self,
                                              GFile         *file);
void        ed_payroll_view_write_statements (EdPayrollView *self,
                                              GFile         *file);

G_END_DECLS
