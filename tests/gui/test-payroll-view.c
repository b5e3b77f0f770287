/* test-payroll-view.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Staff page's Payroll view (issue 16, items 5 and 7) on the demo district, driven as an
 * officer would: the election chosen, the summary read, a person's lines, the run approved
 * through the view's action and its confirmation, and the approved lines exported. The demo
 * staffs its May poll a few weeks out, so no appointment is attended yet; the tests mark the
 * confirmed ones attended, on a day after the poll (attendance is refused before the day
 * worked), through the staff module as the appointment board would. What the view shows is
 * held to what the module itself works out (staff/ed-payroll.h). */

#include "config.h"

#include <string.h>

#include "core/ed-date.h"
#include "core/ed-money.h"
#include "elections/ed-election.h"
#include "staff/ed-payroll.h"
#include "staff/ed-staff-appointment.h"
#include "staff/ed-staff-person.h"
#include "ui/elections/ed-election-chooser.h"
#include "ui/staff/ed-payroll-row.h"
#include "ui/staff/ed-payroll-view.h"
#include "ui/staff/ed-staff-page.h"
#include "ui/widgets/ed-text-cell.h"
#include "ed-gui-test-util.h"
#include "ed-test-demo.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-register.h"

typedef struct
{
  EdContext *context;
  char      *election;     /* the poll the demo staffs */
  GPtrArray *attended;     /* the appointments marked attended, by row id */
  char      *saved_today;
} Demo;

static void
demo_clear (Demo *demo)
{
  g_clear_object (&demo->context);
  g_free (demo->election);
  g_clear_pointer (&demo->attended, g_ptr_array_unref);
  /* The next test's demo is made on the tests' own today. */
  if (demo->saved_today != NULL)
    g_setenv ("ED_TODAY", demo->saved_today, TRUE);
  g_free (demo->saved_today);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

/* The election with the most appointments: the demo's May poll, the first of its combination. */
static char *
staffed_election (EdContext *context)
{
  g_autoptr(GPtrArray) elections = ed_election_list (context, NULL);
  char *best = NULL;
  guint most = 0;

  g_assert_nonnull (elections);
  for (guint i = 0; i < elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (elections, i);
      g_autoptr(GPtrArray) appointments =
        ed_staff_appointment_list (context, election->id, ED_STAFF_APPOINTMENT_BY_PERSON, NULL);

      g_assert_nonnull (appointments);
      if (appointments->len > most)
        {
          most = appointments->len;
          g_free (best);
          best = g_strdup (election->id);
        }
    }
  g_assert_nonnull (best);
  return best;
}

/* The demo, its May poll worked: every confirmed appointment attended. */
static void
open_demo (EdTestDir *fixture,
           Demo      *demo)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(EdElection) election = NULL;
  g_autoptr(GPtrArray) appointments = NULL;
  g_autofree char *after = NULL;
  GDate day;

  demo->context = ed_gui_test_demo_open (path, 200);
  demo->election = staffed_election (demo->context);
  election = ed_election_load (demo->context, demo->election, NULL);
  g_assert_nonnull (election);

  /* A week after polling day, when the count and every session are past. */
  demo->saved_today = g_strdup (g_getenv ("ED_TODAY"));
  day = election->poll;
  g_date_add_days (&day, 7);
  after = ed_date_format_iso (&day);
  g_setenv ("ED_TODAY", after, TRUE);

  appointments = ed_staff_appointment_list (demo->context, demo->election,
                                            ED_STAFF_APPOINTMENT_BY_PERSON, NULL);
  g_assert_nonnull (appointments);
  demo->attended = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < appointments->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (appointments, i);
      g_autoptr(GError) error = NULL;

      if (appointment->state != ED_APPOINTMENT_CONFIRMED)
        continue;
      g_assert_true (ed_staff_appointment_set_state (demo->context, appointment->id,
                                                     ED_APPOINTMENT_ATTENDED, &error));
      g_assert_no_error (error);
      g_ptr_array_add (demo->attended, g_strdup (appointment->id));
    }
  g_assert_cmpuint (demo->attended->len, >, 1);
}

static EdPayroll *
compute (Demo *demo)
{
  g_autoptr(GError) error = NULL;
  EdPayroll *payroll = ed_payroll_compute (demo->context, demo->election, &error);

  g_assert_no_error (error);
  g_assert_nonnull (payroll);
  return payroll;
}

/* Until the run is worked out, approved or written. */
static void
wait_until_idle (EdPayrollView *view)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (ed_payroll_view_is_busy (view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ed_payroll_view_is_busy (view));
  ed_gui_test_iterate ();
}

static EdPayrollView *
show_view (Demo       *demo,
           GtkWidget **window)
{
  EdPayrollView *view = g_object_new (ED_TYPE_PAYROLL_VIEW, NULL);

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 1100, 800);
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (view));
  ed_payroll_view_set_context (view, demo->context);
  ed_payroll_view_set_election (view, demo->election);
  gtk_window_present (GTK_WINDOW (*window));
  g_assert_true (ed_gui_test_wait_until_drawable (GTK_WIDGET (view)));
  wait_until_idle (view);
  return view;
}

/* The view's stack: the run, or why there is none. */
static GtkWidget *
find_view_stack (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_STACK (child) && gtk_stack_get_child_by_name (GTK_STACK (child), "run") != NULL)
        return child;
      if ((found = find_view_stack (child)) != NULL)
        return found;
    }
  return NULL;
}

static const char *
shown_page (EdPayrollView *view)
{
  GtkWidget *stack = find_view_stack (GTK_WIDGET (view));

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* The amount the summary shows for @figure ("Gross") under @heading ("Total"). */
static const char *
summary_figure (EdPayrollView *view,
                const char    *figure,
                const char    *heading)
{
  GtkWidget *title = ed_gui_test_find (GTK_WIDGET (view), GTK_TYPE_LABEL, figure);
  GtkWidget *grid;
  GtkWidget *cell;
  int row, column = -1;

  g_assert_nonnull (title);
  grid = gtk_widget_get_parent (title);
  g_assert_true (GTK_IS_GRID (grid));
  gtk_grid_query_child (GTK_GRID (grid), title, NULL, &row, NULL, NULL);
  for (int c = 1; c < 4; c++)
    if (g_str_equal (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), c,
                                                                            0))),
                     heading))
      column = c;
  g_assert_cmpint (column, >, 0);
  cell = gtk_grid_get_child_at (GTK_GRID (grid), column, row);
  g_assert_true (GTK_IS_LABEL (cell));
  return gtk_label_get_label (GTK_LABEL (cell));
}

static void
assert_figure (EdPayrollView *view,
               const char    *figure,
               const char    *heading,
               EdMoney        expected)
{
  g_autofree char *amount = ed_money_format (expected);

  g_assert_cmpstr (summary_figure (view, figure, heading), ==, amount);
}

static GtkWidget *
button (EdPayrollView *view,
        const char    *label)
{
  GtkWidget *found = ed_gui_test_find (GTK_WIDGET (view), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (found);
  return found;
}

/* The people's list: the first column view, in the paned's start child. */
static GtkColumnView *
people_view (EdPayrollView *view)
{
  GtkWidget *people = ed_gui_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL);

  g_assert_nonnull (people);
  return GTK_COLUMN_VIEW (people);
}

/* A label whose text starts with @prefix. */
static GtkWidget *
find_label_starting (GtkWidget  *root,
                     const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (child)),
                                                    prefix))
        return child;
      if ((found = find_label_starting (child, prefix)) != NULL)
        return found;
    }
  return NULL;
}

/* The lines' view: the second column view, in the paned's end child. */
static GListModel *
shown_lines (EdPayrollView *view)
{
  GtkWidget *paned = ed_gui_test_find (GTK_WIDGET (view), GTK_TYPE_PANED, NULL);
  GtkWidget *lines;

  g_assert_nonnull (paned);
  lines = ed_gui_test_find (gtk_paned_get_end_child (GTK_PANED (paned)), GTK_TYPE_COLUMN_VIEW,
                            NULL);
  g_assert_nonnull (lines);
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (lines)));
}

static GListModel *
shown_people (EdPayrollView *view,
              guint          n)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (people_view (view)));

  g_assert_true (ed_gui_test_wait_for_items (model, n));
  return model;
}

static const EdPayrollPerson *
person_of (const EdPayroll *payroll,
           const char      *person_id)
{
  for (guint i = 0; i < payroll->people->len; i++)
    {
      const EdPayrollPerson *person = g_ptr_array_index (payroll->people, i);

      if (g_str_equal (person->id, person_id))
        return person;
    }
  g_assert_not_reached ();
}

static void
select_person (EdPayrollView *view,
               const char    *person_id,
               guint          n_people)
{
  GListModel *model = shown_people (view, n_people);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EdPayrollRow) row = g_list_model_get_item (model, i);

      if (g_str_equal (ed_payroll_row_get_id (row), person_id))
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), i);
          ed_gui_test_iterate ();
          return;
        }
    }
  g_assert_not_reached ();
}

/* The approval's confirmation, answered. */
static void
approve_through_view (EdPayrollView *view,
                      guint          n_lines,
                      EdMoney        amount)
{
  g_autofree char *lines = g_strdup_printf ("%u lines", n_lines);
  g_autofree char *total = ed_money_format (amount);
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "payroll.approve", NULL));
  ed_gui_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Approve the Payroll Run?");
  /* How many lines and how much it locks, and that corrections are reversing lines. */
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, lines));
  g_assert_nonnull (strstr (body, total));
  g_assert_nonnull (strstr (body, "reversing line"));
  /* As its button would, which also closes it. */
  adw_message_dialog_response (dialog, "approve");
  g_assert_true (ed_payroll_view_is_busy (view));
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until_idle (view);
}

/* What the CSV's amounts come to, in pence, and how many rows it has. */
static EdMoney
csv_total (const char *path,
           guint      *out_rows)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) headings = NULL;
  EdMoney total = 0;
  int amount_column = -1;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_nonnull (lines[0]);
  headings = g_strsplit (g_strchomp (lines[0]), ",", -1);
  for (guint c = 0; headings[c] != NULL; c++)
    if (g_str_equal (headings[c], "Amount"))
      amount_column = c;
  g_assert_cmpint (amount_column, >=, 0);
  *out_rows = 0;
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      const char *amount;
      gboolean negative;
      guint64 pounds, pence;

      if (*g_strchomp (lines[i]) == '\0')
        continue;
      /* The columns before the amount (reference, NI number, element code) hold no commas. */
      fields = g_strsplit (lines[i], ",", amount_column + 2);
      g_assert_cmpuint (g_strv_length (fields), >, (guint)amount_column);
      amount = fields[amount_column];
      negative = *amount == '-';
      g_assert_cmpint (sscanf (amount + negative, "%" G_GUINT64_FORMAT ".%2" G_GUINT64_FORMAT,
                               &pounds, &pence), ==, 2);
      total += (negative ? -1 : 1) * (EdMoney)(pounds * 100 + pence);
      (*out_rows)++;
    }
  return total;
}

/* The view on the demo's May poll: the summary's figures are the module's own, pending before
 * any approval, and the people listed are those the run pays; a person chosen shows their
 * lines, which come to what they are due. DOMAIN.md §4.4: each line's NIC category. */
static void
test_shows_run (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_auto(Demo) demo = { 0, };
  g_autoptr(EdPayroll) payroll = NULL;
  const EdPayrollPerson *person;
  GtkWidget *window;
  EdPayrollView *view;
  GListModel *lines;
  EdMoney lines_total = 0;
  guint nic_lines[ED_N_NIC_CATEGORIES] = { 0, };

  open_demo (fixture, &demo);
  /* The last person paid gets a National Insurance number, which the list masks (DESIGN.md
   * §4: the whole number is for the payroll's file). */
  payroll = compute (&demo);
  person = g_ptr_array_index (payroll->people, payroll->people->len - 1);
  {
    g_autoptr(EdStaffPerson) details = ed_staff_person_load (demo.context, person->id, NULL);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (details);
    g_free (details->ni_number);
    details->ni_number = g_strdup ("AB123456C");
    g_assert_true (ed_staff_person_update (demo.context, details, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&payroll, ed_payroll_free);
  payroll = compute (&demo);
  g_assert_cmpint (payroll->total.gross, >, 0);
  view = show_view (&demo, &window);

  g_assert_cmpstr (ed_payroll_view_get_election (view), ==, demo.election);
  g_assert_cmpstr (shown_page (view), ==, "run");
  assert_figure (view, "Gross", "Total", payroll->total.gross);
  assert_figure (view, "Gross", "Pending", payroll->pending_total.gross);
  assert_figure (view, "Gross", "Approved", 0);
  assert_figure (view, "Taxable", "Total", payroll->total.taxable);
  assert_figure (view, "Not taxable", "Total", payroll->total.non_taxable);
  assert_figure (view, "Election duties (no Class 1 NIC)", "Total",
                 payroll->total.nic[ED_NIC_ELECTION]);
  assert_figure (view, ed_cost_head_get_display_name (ED_COST_STAFF_STATIONS), "Total",
                 payroll->total.cost_heads[ED_COST_STAFF_STATIONS]);
  g_assert_nonnull (find_label_starting (GTK_WIDGET (view), "No run is approved yet. "));
  shown_people (view, payroll->people->len);

  /* Before approval there is nothing to export, and the tooltip says why. */
  g_assert_true (gtk_widget_is_sensitive (button (view, "_Approve Run…")));
  g_assert_false (gtk_widget_is_sensitive (button (view, "E_xport for Payroll…")));
  g_assert_false (gtk_widget_is_sensitive (button (view, "Fee _Statements…")));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button (view, "E_xport for Payroll…")),
                            "Approve the run first"));

  /* The last person's lines: theirs alone, every one new, coming to what they are due. */
  person = g_ptr_array_index (payroll->people, payroll->people->len - 1);
  g_assert_cmpstr (person->ni_number, ==, "AB123456C");
  select_person (view, person->id, payroll->people->len);
  {
    GListModel *people = shown_people (view, payroll->people->len);
    g_autoptr(EdPayrollRow) row =
      g_list_model_get_item (people, gtk_single_selection_get_selected (
                                       GTK_SINGLE_SELECTION (people)));

    g_assert_cmpstr (ed_payroll_row_get_id (row), ==, person->id);
    g_assert_cmpstr (ed_payroll_row_get_text (row, ED_PAYROLL_PERSON_NI_NUMBER), ==,
                     "•• •• •• 56 C");
    g_assert_cmpstr (ed_payroll_row_get_text (row, ED_PAYROLL_PERSON_STATE), ==, "Pending");
  }
  lines = shown_lines (view);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, person->total.n_lines);
  for (guint i = 0; i < payroll->lines->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (payroll->lines, i);

      if (line->person == person)
        {
          lines_total += line->amount;
          nic_lines[line->nic_category]++;
        }
    }
  g_assert_cmpint (lines_total, ==, person->total.gross);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(EdPayrollRow) row = g_list_model_get_item (lines, i);

      g_assert_cmpstr (ed_payroll_row_get_text (row, ED_PAYROLL_LINE_STATE), ==, "New, pending");
      g_assert_cmpstr (ed_payroll_row_get_text (row, ED_PAYROLL_LINE_NIC), ==,
                       ed_nic_category_get_display_name (nic_lines[ED_NIC_ELECTION] > 0
                                                           ? ED_NIC_ELECTION
                                                           : ED_NIC_REGISTRATION));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Approve Run… asks first, saying how many lines and how much it locks; answered, the run is
 * approved in the district, the view shows it approved with nothing pending, and Approve is
 * insensitive. The export the file dialog would write is a CSV whose rows add up to what was
 * approved (SYNC.md §4.10: the ledger). */
static void
test_approve_and_export (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_auto(Demo) demo = { 0, };
  g_autoptr(EdPayroll) before = NULL;
  g_autoptr(EdPayroll) approved = NULL;
  g_autoptr(EdPayroll) after = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = ed_test_dir_file (fixture, "payroll.csv");
  g_autofree char *xlsx = ed_test_dir_file (fixture, "payroll.xlsx");
  g_autofree char *pdf = ed_test_dir_file (fixture, "statements.pdf");
  GtkWidget *window;
  EdPayrollView *view;
  guint rows;

  open_demo (fixture, &demo);
  before = compute (&demo);
  view = show_view (&demo, &window);

  approve_through_view (view, before->pending->len, before->pending_total.gross);

  /* In the district: one run, of every line pending before. */
  approved = ed_payroll_load_approved (demo.context, demo.election, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (approved->runs->len, ==, 1);
  g_assert_cmpuint (((EdPayrollRun *)g_ptr_array_index (approved->runs, 0))->n_lines, ==,
                    before->pending->len);
  g_assert_cmpint (approved->approved.gross, ==, before->total.gross);
  after = compute (&demo);
  g_assert_cmpuint (after->pending->len, ==, 0);

  /* In the view: approved, nothing pending, nothing to approve. */
  assert_figure (view, "Gross", "Approved", before->total.gross);
  assert_figure (view, "Gross", "Pending", 0);
  assert_figure (view, "Gross", "Total", before->total.gross);
  g_assert_false (gtk_widget_is_sensitive (button (view, "_Approve Run…")));
  g_assert_true (gtk_widget_is_sensitive (button (view, "E_xport for Payroll…")));
  g_assert_true (gtk_widget_is_sensitive (button (view, "Fee _Statements…")));

  /* The export the file dialog's answer starts. */
  file = g_file_new_for_path (csv);
  ed_payroll_view_export (view, file);
  g_assert_true (ed_payroll_view_is_busy (view));
  wait_until_idle (view);
  g_assert_cmpint (csv_total (csv, &rows), ==, before->total.gross);
  g_assert_cmpuint (rows, ==, before->pending->len);

  /* The workbook by its name, and the statements. */
  g_clear_object (&file);
  file = g_file_new_for_path (xlsx);
  ed_payroll_view_export (view, file);
  wait_until_idle (view);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&file);
  file = g_file_new_for_path (pdf);
  ed_payroll_view_write_statements (view, file);
  wait_until_idle (view);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* After approval, an appointment turns out not to have been attended: its person's approved
 * lines are reversed, never edited. The view shows the reversals pending, as reversals, and
 * the approval after them writes them as a second run. */
static void
test_correction_is_reversal (EdTestDir     *fixture,
                             gconstpointer  data)
{
  g_auto(Demo) demo = { 0, };
  g_autoptr(EdPayroll) first = NULL;
  g_autoptr(EdPayroll) corrected = NULL;
  g_autoptr(EdPayroll) approved = NULL;
  g_autoptr(EdStaffAppointment) appointment = NULL;
  g_autoptr(GError) error = NULL;
  const EdPayrollPerson *person;
  GtkWidget *window;
  EdPayrollView *view;
  GListModel *lines;
  guint reversals = 0, approved_lines = 0, rows;
  g_autofree char *csv = ed_test_dir_file (fixture, "correction.csv");
  g_autoptr(GFile) file = NULL;

  open_demo (fixture, &demo);
  first = compute (&demo);
  view = show_view (&demo, &window);
  approve_through_view (view, first->pending->len, first->pending_total.gross);

  appointment = ed_staff_appointment_load (demo.context,
                                           g_ptr_array_index (demo.attended, 0), &error);
  g_assert_no_error (error);
  g_assert_true (ed_staff_appointment_set_state (demo.context, appointment->id,
                                                 ED_APPOINTMENT_DID_NOT_ATTEND, &error) ||
                 ed_staff_appointment_set_state (demo.context, appointment->id,
                                                 ED_APPOINTMENT_CONFIRMED, &error));
  g_clear_error (&error);
  corrected = compute (&demo);
  g_assert_cmpuint (corrected->reversals->len, >, 0);

  ed_payroll_view_reload (view);
  wait_until_idle (view);
  assert_figure (view, "Gross", "Pending", corrected->pending_total.gross);
  assert_figure (view, "Gross", "Total", corrected->total.gross);
  g_assert_true (gtk_widget_is_sensitive (button (view, "_Approve Run…")));

  person = person_of (corrected, appointment->person);
  select_person (view, person->id, corrected->people->len);
  lines = shown_lines (view);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(EdPayrollRow) row = g_list_model_get_item (lines, i);
      const char *state = ed_payroll_row_get_text (row, ED_PAYROLL_LINE_STATE);

      if (g_str_equal (state, "Reversal, pending"))
        reversals++;
      else if (g_str_equal (state, "Approved"))
        approved_lines++;
    }
  g_assert_cmpuint (reversals, ==, person->pending.n_lines);
  g_assert_cmpuint (approved_lines, ==, person->approved.n_lines);

  approve_through_view (view, corrected->pending->len, corrected->pending_total.gross);
  approved = ed_payroll_load_approved (demo.context, demo.election, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (approved->runs->len, ==, 2);
  g_assert_cmpint (approved->approved.gross, ==, corrected->total.gross);
  g_assert_false (gtk_widget_is_sensitive (button (view, "_Approve Run…")));

  /* The payroll takes each run once: the CSV now is the correction alone. */
  file = g_file_new_for_path (csv);
  ed_payroll_view_export (view, file);
  wait_until_idle (view);
  g_assert_cmpint (csv_total (csv, &rows), ==, corrected->pending_total.gross);
  g_assert_cmpuint (rows, ==, corrected->pending->len);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* No attended appointment, or no election: the view says so rather than show a run of nothing,
 * and offers nothing to approve or export. */
static void
test_empty_states (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(EdContext) context = ed_gui_test_demo_open (path, 200);
  g_autofree char *election = staffed_election (context);
  GtkWidget *window;
  EdPayrollView *view = g_object_new (ED_TYPE_PAYROLL_VIEW, NULL);

  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  ed_payroll_view_set_context (view, context);
  ed_payroll_view_set_election (view, election);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ed_gui_test_wait_until_drawable (GTK_WIDGET (view)));
  wait_until_idle (view);
  g_assert_cmpstr (shown_page (view), ==, "nobody");
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_false (gtk_widget_is_sensitive (button (view, "_Approve Run…")));
  g_assert_false (gtk_widget_is_sensitive (button (view, "E_xport for Payroll…")));

  ed_test_demo_remove_elections (context);
  ed_payroll_view_reload (view);
  wait_until_idle (view);
  g_assert_cmpstr (shown_page (view), ==, "no-elections");
  g_assert_null (ed_payroll_view_get_election (view));
  g_assert_false (gtk_widget_is_sensitive (button (view, "_Approve Run…")));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On the Staff page, the Payroll view is the "payroll" view, its election is the one the People
 * view chose, and a choice in either is the other's. */
static void
test_on_staff_page (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(EdContext) context = ed_gui_test_demo_open (path, 200);
  g_autoptr(GPtrArray) elections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *by_election = NULL;
  EdElectionNew details = { 0, };
  EdModulePage *page = g_object_new (ED_TYPE_STAFF_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *views;
  GtkWidget *payroll;
  GtkWidget *people_dropdown;
  const char *other;

  /* The demo's May poll, and a by-election after it. */
  details.kind = ED_ELECTION_LOCAL;
  details.country = ED_COUNTRY_ENGLAND;
  details.poll = ed_test_date ("2031-06-05");
  by_election = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  elections = ed_election_list (context, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  ed_module_page_set_context (page, context);
  g_assert_true (ed_gui_test_wait_until_drawable (GTK_WIDGET (page)));

  views = ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, NULL);
  payroll = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (views), "payroll");
  g_assert_true (ED_IS_PAYROLL_VIEW (payroll));
  g_assert_cmpstr (ed_payroll_view_get_election (ED_PAYROLL_VIEW (payroll)), ==,
                   ed_staff_page_get_election (ED_STAFF_PAGE (page)));
  /* Not worked out until it is looked at. */
  g_assert_false (ed_payroll_view_is_busy (ED_PAYROLL_VIEW (payroll)));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "payroll");
  ed_gui_test_iterate ();
  wait_until_idle (ED_PAYROLL_VIEW (payroll));
  g_assert_cmpstr (shown_page (ED_PAYROLL_VIEW (payroll)), ==, "nobody");

  /* Another election chosen in the payroll is chosen for the people. */
  g_assert_cmpuint (elections->len, >, 1);
  other = ((EdElection *)g_ptr_array_index (elections, 0))->id;
  if (g_str_equal (other, ed_staff_page_get_election (ED_STAFF_PAGE (page))))
    other = ((EdElection *)g_ptr_array_index (elections, 1))->id;
  ed_payroll_view_set_election (ED_PAYROLL_VIEW (payroll), other);
  wait_until_idle (ED_PAYROLL_VIEW (payroll));
  g_assert_cmpstr (ed_staff_page_get_election (ED_STAFF_PAGE (page)), ==, other);

  /* And the other way round. */
  people_dropdown = ed_gui_test_find (
    adw_view_stack_get_child_by_name (ADW_VIEW_STACK (views), "people"), GTK_TYPE_DROP_DOWN,
    NULL);
  g_assert_nonnull (people_dropdown);
  /* The role's dropdown comes first, then the election's, in its chooser. */
  people_dropdown = gtk_widget_get_next_sibling (people_dropdown);
  g_assert_true (ED_IS_ELECTION_CHOOSER (people_dropdown));
  people_dropdown = ed_gui_test_find (people_dropdown, GTK_TYPE_DROP_DOWN, NULL);
  g_assert_true (GTK_IS_DROP_DOWN (people_dropdown));
  for (guint i = 0; i < elections->len; i++)
    if (!g_str_equal (((EdElection *)g_ptr_array_index (elections, i))->id, other))
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (people_dropdown), i);
        break;
      }
  ed_gui_test_iterate ();
  g_assert_cmpstr (ed_payroll_view_get_election (ED_PAYROLL_VIEW (payroll)), !=, other);
  g_assert_cmpstr (ed_payroll_view_get_election (ED_PAYROLL_VIEW (payroll)), ==,
                   ed_staff_page_get_election (ED_STAFF_PAGE (page)));
  wait_until_idle (ED_PAYROLL_VIEW (payroll));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Names said once: the buttons by their labels alone, the dropdown by the words before it, the
 * lists by their names. */
static void
test_accessible_names (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_auto(Demo) demo = { 0, };
  GtkWidget *window;
  EdPayrollView *view;
  GtkWidget *dropdown;

  open_demo (fixture, &demo);
  view = show_view (&demo, &window);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const labels[] = {
        "_Approve Run…", "E_xport for Payroll…", "Fee _Statements…",
      };

      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button (view,
                                                                                labels[i])),
                                                        GTK_ACCESSIBLE_PROPERTY_LABEL));
    }
  dropdown = ed_gui_test_find (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, NULL);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (dropdown),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       gtk_widget_get_prev_sibling (dropdown), NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (people_view (view)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "People paid");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  ED_TEST_ADD ("/staff/payroll-view/shows-run", test_shows_run);
  ED_TEST_ADD ("/staff/payroll-view/approve-and-export", test_approve_and_export);
  ED_TEST_ADD ("/staff/payroll-view/correction-is-reversal", test_correction_is_reversal);
  ED_TEST_ADD ("/staff/payroll-view/empty-states", test_empty_states);
  ED_TEST_ADD ("/staff/payroll-view/on-staff-page", test_on_staff_page);
  ED_TEST_ADD ("/staff/payroll-view/accessible-names", test_accessible_names);

  return g_test_run ();
}
