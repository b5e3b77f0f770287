/* ed-payroll-view.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Staff page's Payroll view (issue 16, items 5 and 7): an election's payroll run as the
 * staff module works it out (staff/ed-payroll.h), what it comes to approved, pending and in
 * all, as pay, by National Insurance category and by cost head; the people it pays with what
 * each is due; and the chosen person's lines, those of the approved runs (reversals among
 * them) and those the next approval writes. Approving and the files are in
 * ed-payroll-view-actions.c.
 *
 * Working a run out reads every attended appointment, journey and expense of the election and
 * every approved line, which for a large district's 2,000 people is more than a frame, so it
 * runs in a worker thread on its own connection (ed_context_run_job_async ()), and only while
 * the view is on screen: a run worked out for a view nobody looks at is thrown away at the
 * next change. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "elections/ed-election.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"
#include "ui/staff/ed-payroll-row.h"
#include "ui/staff/ed-payroll-view-private.h"
#include "ui/widgets/ed-screenful-model.h"
#include "ui/widgets/ed-text-cell.h"

G_DEFINE_FINAL_TYPE (EdPayrollView, ed_payroll_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_ELECTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define COLUMN_KEY "ed-payroll-column"

/* --- cells -------------------------------------------------------------------------------- */

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  static const char * const styles[] = { "accent", "warning", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i], style) != 0)
      gtk_widget_remove_css_class (widget, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

static guint
factory_column (GtkListItemFactory *factory)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), COLUMN_KEY));
}

static void
setup_cell (GtkListItem *item,
            gboolean     amount)
{
  GtkWidget *cell = ed_text_cell_new ();

  if (amount)
    {
      ed_text_cell_set_align_end (ED_TEXT_CELL (cell), TRUE);
      gtk_widget_add_css_class (cell, "numeric");
    }
  gtk_list_item_set_child (item, cell);
}

static void
setup_person_cell_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      EdPayrollView            *self)
{
  setup_cell (item, ed_payroll_column_is_amount (TRUE,
                                                 factory_column (GTK_LIST_ITEM_FACTORY (factory))));
}

static void
setup_line_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    EdPayrollView            *self)
{
  setup_cell (item, ed_payroll_column_is_amount (FALSE,
                                                 factory_column (GTK_LIST_ITEM_FACTORY (factory))));
}

static void
bind_person_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     EdPayrollView            *self)
{
  EdPayrollRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  guint column = factory_column (GTK_LIST_ITEM_FACTORY (factory));
  const char *text = ed_payroll_row_get_text (row, column);

  ed_text_cell_set_text (ED_TEXT_CELL (cell), text);
  /* The name names the row, so a screen reader moving down the list hears who it is. */
  if (column == ED_PAYROLL_PERSON_NAME)
    ed_text_cell_set_row_label (ED_TEXT_CELL (cell), text);
  else if (column == ED_PAYROLL_PERSON_STATE)
    set_style (cell, ed_payroll_row_get_style (row));
}

static void
bind_line_cell_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   EdPayrollView            *self)
{
  EdPayrollRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  guint column = factory_column (GTK_LIST_ITEM_FACTORY (factory));

  ed_text_cell_set_text (ED_TEXT_CELL (cell), ed_payroll_row_get_text (row, column));
  if (column == ED_PAYROLL_LINE_STATE)
    set_style (cell, ed_payroll_row_get_style (row));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EdPayrollView            *self)
{
  set_style (gtk_list_item_get_child (item), NULL);
}

/* Each column's factory knows its column, so that one pair of callbacks serves them all. */
static void
number_columns (GtkWidget *view)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (column)), COLUMN_KEY,
                         GUINT_TO_POINTER (i));
    }
}

/* --- the summary -------------------------------------------------------------------------- */

typedef enum
{
  PART_APPROVED,
  PART_PENDING,
  PART_TOTAL,
  N_PARTS,
} Part;

static const char *
part_title (Part part)
{
  switch (part)
    {
    case PART_APPROVED:
      /* Translators: a heading over what approved runs have paid */
      return C_("payroll summary", "Approved");
    case PART_PENDING:
      /* Translators: a heading over what the next approval writes */
      return C_("payroll summary", "Pending");
    case PART_TOTAL:
    default:
      /* Translators: a heading over what the rules give now, approved and pending together */
      return C_("payroll summary", "Total");
    }
}

static void
clear_grid (GtkWidget *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (grid)) != NULL)
    gtk_grid_remove (GTK_GRID (grid), child);
}

static void
add_heading (GtkWidget  *grid,
             const char *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  for (Part part = 0; part < N_PARTS; part++)
    {
      label = gtk_label_new (part_title (part));
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (GTK_GRID (grid), label, 1 + part, 0, 1, 1);
    }
}

/* A figure's row: its name, then what is approved, pending and in all. Each amount is named
 * whole for a screen reader, which reads it apart from its row and its heading. */
static void
add_figure (GtkWidget  *grid,
            int         row,
            const char *title,
            EdMoney     approved,
            EdMoney     pending,
            EdMoney     total)
{
  const EdMoney amounts[N_PARTS] = { approved, pending, total };
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  for (Part part = 0; part < N_PARTS; part++)
    {
      g_autofree char *amount = ed_money_format (amounts[part]);
      /* Translators: a figure of the payroll's summary, for a screen reader: what it is, the
       * column's heading, then the amount ("Gross, Pending: £1,204.50") */
      g_autofree char *name = g_strdup_printf (C_("payroll summary", "%s, %s: %s"), title,
                                               part_title (part), amount);

      label = gtk_label_new (amount);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
      /* What the next approval would change stands out; nothing pending does not. */
      if (part == PART_PENDING)
        set_style (label, pending != 0 ? "accent" : "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_grid_attach (GTK_GRID (grid), label, 1 + part, row, 1, 1);
    }
}

static const char *
nic_title (EdNicCategory category)
{
  switch (category)
    {
    case ED_NIC_ELECTION:
      /* Translators: pay for election duties, which is not liable to Class 1 National
       * Insurance (DOMAIN.md §4.4) */
      return _("Election duties (no Class 1 NIC)");
    case ED_NIC_REGISTRATION:
    default:
      /* Translators: pay for registration duties, such as canvassing, which is liable to
       * Class 1 National Insurance as normal */
      return _("Registration duties (Class 1 NIC)");
    }
}

static void
show_summary (EdPayrollView *self)
{
  const EdPayroll *payroll = self->payroll;
  const EdPayrollTotals *approved = &payroll->approved;
  const EdPayrollTotals *pending = &payroll->pending_total;
  const EdPayrollTotals *total = &payroll->total;
  int row = 1;

  clear_grid (self->pay_grid);
  /* Translators: the heading of the payroll's summary of pay */
  add_heading (self->pay_grid, C_("payroll summary", "Pay"));
  add_figure (self->pay_grid, row++, _("Gross"), approved->gross, pending->gross, total->gross);
  add_figure (self->pay_grid, row++, _("Taxable"), approved->taxable, pending->taxable,
              total->taxable);
  add_figure (self->pay_grid, row++, _("Not taxable"), approved->non_taxable,
              pending->non_taxable, total->non_taxable);
  for (EdNicCategory c = 0; c < ED_N_NIC_CATEGORIES; c++)
    add_figure (self->pay_grid, row++, nic_title (c), approved->nic[c], pending->nic[c],
                total->nic[c]);

  /* Only the heads the payroll pays or paid. */
  clear_grid (self->cost_grid);
  add_heading (self->cost_grid, _("Cost head"));
  row = 1;
  for (EdCostHead h = 0; h < ED_N_COST_HEADS; h++)
    if (approved->cost_heads[h] != 0 || pending->cost_heads[h] != 0 ||
        total->cost_heads[h] != 0)
      add_figure (self->cost_grid, row++, ed_cost_head_get_display_name (h),
                  approved->cost_heads[h], pending->cost_heads[h], total->cost_heads[h]);
}

/* What was approved, when and by whom, and what the next approval would write. */
static void
show_runs (EdPayrollView *self)
{
  const EdPayroll *payroll = self->payroll;
  g_autofree char *runs = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *text = NULL;

  if (payroll->runs->len == 0)
    runs = g_strdup (_("No run is approved yet."));
  else
    {
      EdPayrollRun *last = g_ptr_array_index (payroll->runs, payroll->runs->len - 1);
      g_autofree char *day = ed_date_format_long (&last->approved_on);

      /* Translators: how many payroll runs are approved, then the day the last was approved
       * and who approved it */
      runs = g_strdup_printf (ngettext ("%u run approved, the last on %s by %s.",
                                        "%u runs approved, the last on %s by %s.",
                                        payroll->runs->len),
                              payroll->runs->len, day, last->approved_by);
    }
  if (payroll->pending->len == 0)
    pending = g_strdup (_("Nothing is pending: every line is approved."));
  else
    {
      g_autofree char *amount = ed_money_format (payroll->pending_total.gross);

      /* Translators: how many lines of pay are not approved yet, and what they come to */
      pending = g_strdup_printf (ngettext ("%u line, %s, is pending approval.",
                                           "%u lines, %s, are pending approval.",
                                           payroll->pending->len),
                                 payroll->pending->len, amount);
    }
  /* Translators: two sentences, one after the other */
  text = g_strdup_printf (C_("sentences", "%s %s"), runs, pending);
  gtk_label_set_text (GTK_LABEL (self->runs_label), text);
}

/* --- the people and their lines ----------------------------------------------------------- */

static const EdPayrollPerson *
find_person (EdPayrollView *self,
             const char    *person_id)
{
  if (self->payroll == NULL || person_id == NULL)
    return NULL;
  for (guint i = 0; i < self->payroll->people->len; i++)
    {
      const EdPayrollPerson *person = g_ptr_array_index (self->payroll->people, i);

      if (g_str_equal (person->id, person_id))
        return person;
    }
  return NULL;
}

static const char *
selected_person_id (EdPayrollView *self)
{
  EdPayrollRow *row = gtk_single_selection_get_selected_item (self->people_selection);

  return row != NULL ? ed_payroll_row_get_id (row) : NULL;
}

static void
add_lines_of (GListStore            *store,
              GPtrArray             *lines,
              const EdPayrollPerson *person)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const EdPayrollLine *line = g_ptr_array_index (lines, i);

      if (line->person == person)
        {
          g_autoptr(EdPayrollRow) row = ed_payroll_row_new_line (line);

          g_list_store_append (store, row);
        }
    }
}

/* The chosen person's lines: each approved line as the ledger holds it, reversals too, then
 * what the next approval writes for them. Together they come to what the person is due now. */
static void
show_lines (EdPayrollView *self)
{
  const EdPayrollPerson *person = find_person (self, selected_person_id (self));
  g_autoptr(GListStore) store = g_list_store_new (ED_TYPE_PAYROLL_ROW);
  g_autofree char *name = NULL;
  g_autofree char *total = NULL;
  g_autofree char *approved = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *heading = NULL;

  if (person == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->lines_label), _("Choose a person to see their lines"));
      g_list_store_remove_all (self->lines);
      return;
    }
  add_lines_of (store, self->payroll->ledger, person);
  add_lines_of (store, self->payroll->pending, person);
  g_list_store_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                       NULL, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(EdPayrollRow) row = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_list_store_append (self->lines, row);
    }

  name = ed_payroll_person_get_name (person);
  total = ed_money_format (person->total.gross);
  approved = ed_money_format (person->approved.gross);
  pending = ed_money_format (person->pending.gross);
  /* Translators: a person's name, then what they are due now, of which what approved runs
   * paid and what is pending approval */
  heading = g_strdup_printf (_("%s: %s due, %s approved, %s pending"), name, total, approved,
                             pending);
  gtk_label_set_text (GTK_LABEL (self->lines_label), heading);
}

static void
person_selected_cb (EdPayrollView *self)
{
  show_lines (self);
}

static void
select_person (EdPayrollView *self,
               const char    *person_id)
{
  GListModel *model = G_LIST_MODEL (self->people);

  for (guint i = 0; person_id != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EdPayrollRow) row = g_list_model_get_item (model, i);

      if (g_str_equal (ed_payroll_row_get_id (row), person_id))
        {
          gtk_single_selection_set_selected (self->people_selection, i);
          return;
        }
    }
}

/* The people afresh. The same election's run read again keeps the person chosen and where the
 * list was scrolled; another election's starts from the top, a screenful first. */
static void
show_people (EdPayrollView *self,
             gboolean       same_election)
{
  g_autofree char *selected_id = g_strdup (selected_person_id (self));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->payroll->people->len; i++)
    g_ptr_array_add (rows, ed_payroll_row_new_person (g_ptr_array_index (self->payroll->people,
                                                                         i)));
  if (same_election)
    {
      g_list_store_splice (self->people, 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                           rows->pdata, rows->len);
      select_person (self, selected_id);
    }
  else
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
        GTK_SCROLLED_WINDOW (self->people_scrolled));

      g_clear_object (&self->people);
      self->people = g_list_store_new (ED_TYPE_PAYROLL_ROW);
      g_list_store_splice (self->people, 0, 0, rows->pdata, rows->len);
      ed_screenful_set_model (self->people_view, self->people_selection,
                              G_LIST_MODEL (self->people));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
  show_lines (self);
}

/* --- the run ------------------------------------------------------------------------------ */

/* Why there is no one to pay: polls taken together share the staff of the first of them. */
static void
show_nobody (EdPayrollView *self)
{
  EdElection *election = ed_election_chooser_get_election (self->election_chooser);
  EdElection *first = election != NULL && *election->combined_with != '\0'
    ? ed_election_chooser_find (self->election_chooser, election->combined_with)
    : NULL;
  g_autofree char *description = NULL;

  if (first != NULL)
    /* Translators: %s is the first poll of a combination, "Ashmere Vale District Council" */
    description = g_strdup_printf (_("Polls taken together share their staff, who are "
                                     "appointed and paid under the first of them: %s."),
                                   first->title);
  else
    description = g_strdup (_("The payroll pays the appointments marked as attended after "
                              "polling day, and none of this election’s is yet."));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->nobody_status), description);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "nobody");
}

static void
show_working (EdPayrollView *self,
              gboolean       working)
{
  gboolean busy = working || self->action_job != NULL;

  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->working_spinner), working);
}

typedef struct
{
  char      *election_id;
  EdPayroll *payroll;
} Compute;

static void
compute_free (gpointer data)
{
  Compute *compute = data;

  g_free (compute->election_id);
  g_clear_pointer (&compute->payroll, ed_payroll_free);
  g_free (compute);
}

static gboolean
compute_work (EdJob         *job,
              GObject       *connection,
              gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  Compute *compute = task_data;

  compute->payroll = ed_payroll_compute (ED_CONTEXT (connection), compute->election_id, error);
  return compute->payroll != NULL;
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EdPayrollView) self = user_data;
  g_autoptr(GError) error = NULL;
  Compute *compute;
  gboolean same_election;

  /* Only the latest run asked for is shown: the election may have changed since. */
  if (ED_JOB (source) != self->compute_job)
    return;
  g_clear_object (&self->compute_job);
  show_working (self, FALSE);
  if (!ed_job_run_finish (ED_JOB (source), result, &error))
    {
      g_clear_pointer (&self->payroll, ed_payroll_free);
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_status), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
      _ed_payroll_view_update_actions (self);
      return;
    }
  compute = ed_job_get_task_data (ED_JOB (source));
  same_election = self->payroll != NULL &&
                  g_str_equal (self->payroll->election->id, compute->payroll->election->id);
  g_clear_pointer (&self->payroll, ed_payroll_free);
  self->payroll = g_steal_pointer (&compute->payroll);

  if (self->payroll->people->len == 0)
    {
      g_list_store_remove_all (self->people);
      show_nobody (self);
    }
  else
    {
      show_summary (self);
      show_runs (self);
      show_people (self, same_election);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "run");
    }
  _ed_payroll_view_update_actions (self);
}

/**
 * _ed_payroll_view_refresh:
 * @self: the view
 *
 * Works the chosen election's run out afresh, in a worker thread, if the view is on screen;
 * otherwise when it next is. The run shown stays until the new one replaces it.
 */
void
_ed_payroll_view_refresh (EdPayrollView *self)
{
  Compute *compute;

  /* A run under way is of an election or a district no longer chosen: its answer is not
   * shown. */
  g_clear_object (&self->compute_job);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      show_working (self, FALSE);
      _ed_payroll_view_update_actions (self);
      return;
    }
  self->stale = FALSE;
  if (self->context == NULL || ed_payroll_view_get_election (self) == NULL)
    {
      g_clear_pointer (&self->payroll, ed_payroll_free);
      g_list_store_remove_all (self->people);
      g_list_store_remove_all (self->lines);
      show_working (self, FALSE);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "no-elections");
      _ed_payroll_view_update_actions (self);
      return;
    }
  if (self->payroll == NULL ||
      !g_str_equal (self->payroll->election->id, ed_payroll_view_get_election (self)))
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "working");
  compute = g_new0 (Compute, 1);
  compute->election_id = g_strdup (ed_payroll_view_get_election (self));
  self->compute_job = g_object_ref (ed_context_run_job_async (self->context, compute_work,
                                                              compute, compute_free, NULL,
                                                              computed_cb,
                                                              g_object_ref (self)));
  show_working (self, TRUE);
  _ed_payroll_view_update_actions (self);
}

/* --- the elections ------------------------------------------------------------------------ */

/* The run of the election chosen, unless the view is reading its elections afresh and works
 * the run out itself after. */
static void
election_changed_cb (EdPayrollView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELECTION_ID]);
  if (!self->reading)
    _ed_payroll_view_refresh (self);
}

/* --- the view ----------------------------------------------------------------------------- */

/**
 * ed_payroll_view_set_context:
 * @self: the view
 * @context: (nullable): the district, or %NULL when it is closed
 *
 * Shows the district's elections, the next to come chosen (or, for the district shown
 * already, the one chosen while it is there), and its run.
 */
void
ed_payroll_view_set_context (EdPayrollView *self,
                             EdContext     *context)
{
  g_return_if_fail (ED_IS_PAYROLL_VIEW (self));
  g_return_if_fail (context == NULL || ED_IS_CONTEXT (context));

  if (self->context != context)
    g_clear_pointer (&self->payroll, ed_payroll_free);
  g_set_object (&self->context, context);
  self->reading = TRUE;
  ed_election_chooser_set_context (self->election_chooser, context);
  self->reading = FALSE;
  _ed_payroll_view_refresh (self);
}

/**
 * ed_payroll_view_reload:
 * @self: the view
 *
 * Shows the district afresh after other desks' edits arrived: the elections, keeping the one
 * chosen, and its run worked out again, keeping the person chosen.
 */
void
ed_payroll_view_reload (EdPayrollView *self)
{
  g_return_if_fail (ED_IS_PAYROLL_VIEW (self));

  if (self->context == NULL)
    return;
  self->reading = TRUE;
  ed_election_chooser_reload (self->election_chooser);
  self->reading = FALSE;
  _ed_payroll_view_refresh (self);
}

/**
 * ed_payroll_view_set_election:
 * @self: the view
 * @election_id: (nullable): an election's row id
 *
 * Chooses the election whose run the view shows, as the Staff page does with the election
 * chosen in its People view. An id the district does not have is ignored.
 */
void
ed_payroll_view_set_election (EdPayrollView *self,
                              const char    *election_id)
{
  g_return_if_fail (ED_IS_PAYROLL_VIEW (self));

  /* Through the chooser, which says so when it changes, and the run is worked out then. */
  ed_election_chooser_set_election_id (self->election_chooser, election_id);
}

/**
 * ed_payroll_view_get_election:
 * @self: the view
 *
 * Returns: (nullable): the row id of the election whose run the view shows
 */
const char *
ed_payroll_view_get_election (EdPayrollView *self)
{
  g_return_val_if_fail (ED_IS_PAYROLL_VIEW (self), NULL);

  return ed_election_chooser_get_election_id (self->election_chooser);
}

/**
 * ed_payroll_view_is_busy:
 * @self: the view
 *
 * Returns: %TRUE while the run is being worked out, approved or written to a file
 */
gboolean
ed_payroll_view_is_busy (EdPayrollView *self)
{
  g_return_val_if_fail (ED_IS_PAYROLL_VIEW (self), FALSE);

  return self->compute_job != NULL || self->action_job != NULL;
}

/* A run left to work out until the view was shown is worked out now. */
static void
ed_payroll_view_map (GtkWidget *widget)
{
  EdPayrollView *self = ED_PAYROLL_VIEW (widget);

  GTK_WIDGET_CLASS (ed_payroll_view_parent_class)->map (widget);
  if (self->stale)
    _ed_payroll_view_refresh (self);
}

static void
ed_payroll_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EdPayrollView *self = ED_PAYROLL_VIEW (object);

  switch (prop_id)
    {
    case PROP_ELECTION_ID:
      g_value_set_string (value, ed_payroll_view_get_election (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_payroll_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EdPayrollView *self = ED_PAYROLL_VIEW (object);

  switch (prop_id)
    {
    case PROP_ELECTION_ID:
      ed_payroll_view_set_election (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_payroll_view_dispose (GObject *object)
{
  EdPayrollView *self = ED_PAYROLL_VIEW (object);

  g_clear_object (&self->compute_job);
  g_clear_object (&self->action_job);
  g_clear_object (&self->context);
  g_clear_object (&self->people);
  g_clear_object (&self->lines);
  g_clear_pointer (&self->payroll, ed_payroll_free);

  G_OBJECT_CLASS (ed_payroll_view_parent_class)->dispose (object);
}

static void
ed_payroll_view_class_init (EdPayrollViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_payroll_view_dispose;
  object_class->get_property = ed_payroll_view_get_property;
  object_class->set_property = ed_payroll_view_set_property;
  widget_class->map = ed_payroll_view_map;

  /**
   * EdPayrollView:election-id:
   *
   * The row id of the election whose run the view shows.
   */
  properties[PROP_ELECTION_ID] =
    g_param_spec_string ("election-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  (void)ed_ui_get_resource ();
  g_type_ensure (ED_TYPE_TEXT_CELL);
  g_type_ensure (ED_TYPE_ELECTION_CHOOSER);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/staff/ed-payroll-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, election_chooser);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, spinner);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, approve_button);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, export_button);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, statements_button);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, stack);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, working_spinner);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, nobody_status);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, error_status);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, pay_grid);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, cost_grid);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, runs_label);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, people_scrolled);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, people_view);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, people_selection);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, lines_label);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, lines_view);
  gtk_widget_class_bind_template_child (widget_class, EdPayrollView, lines_selection);
  gtk_widget_class_bind_template_callback (widget_class, election_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_person_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_line_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_person_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_line_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell_cb);

  _ed_payroll_view_class_install_actions (widget_class);
}

static void
ed_payroll_view_init (EdPayrollView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  number_columns (self->people_view);
  number_columns (self->lines_view);
  self->people = g_list_store_new (ED_TYPE_PAYROLL_ROW);
  self->lines = g_list_store_new (ED_TYPE_PAYROLL_ROW);
  ed_screenful_set_model (self->people_view, self->people_selection,
                          G_LIST_MODEL (self->people));
  gtk_no_selection_set_model (self->lines_selection, G_LIST_MODEL (self->lines));
  ed_accessible_name_buttons (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "no-elections");
  _ed_payroll_view_update_actions (self);
}
