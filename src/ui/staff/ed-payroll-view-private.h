/* ed-payroll-view-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-job.h"
#include "staff/ed-payroll.h"
#include "ui/elections/ed-election-chooser.h"
#include "ui/staff/ed-payroll-view.h"

G_BEGIN_DECLS

struct _EdPayrollView
{
  AdwBin              parent_instance;

  EdContext          *context;
  gboolean            reading;         /* the chooser is read with the view, which then works
                                          the run out once */
  gboolean            stale;           /* to be worked out again when next shown */
  EdPayroll          *payroll;         /* the run shown, or NULL */
  EdJob              *compute_job;     /* the run being worked out, if any */
  EdJob              *action_job;      /* an approval or a file being written, if any */
  GListStore         *people;          /* EdPayrollRow, a person each */
  GListStore         *lines;           /* EdPayrollRow, the chosen person's lines */

  EdElectionChooser  *election_chooser;
  GtkWidget          *spinner;
  GtkWidget          *approve_button;
  GtkWidget          *export_button;
  GtkWidget          *statements_button;
  GtkWidget          *stack;
  GtkWidget          *working_spinner;
  GtkWidget          *nobody_status;
  GtkWidget          *error_status;
  GtkWidget          *pay_grid;
  GtkWidget          *cost_grid;
  GtkWidget          *runs_label;
  GtkWidget          *people_scrolled;
  GtkWidget          *people_view;
  GtkSingleSelection *people_selection;
  GtkWidget          *lines_label;
  GtkWidget          *lines_view;
  GtkNoSelection     *lines_selection;
};

void _ed_payroll_view_class_install_actions (GtkWidgetClass *widget_class);
void _ed_payroll_view_update_actions        (EdPayrollView  *self);
void _ed_payroll_view_refresh               (EdPayrollView  *self);

G_END_DECLS
