/* test-accounts-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Accounts page (issue 17, item 6) on the demo district, driven as an elections officer
 * would: the May poll chosen, an estimate typed in the Budget, an entry added through its
 * dialog and one the accounts refuse, an entry reversed after the question, the ledger
 * filtered by head, the apportionment of combined polls, a parliamentary poll's maximum
 * recoverable amounts, a local poll's fee scale, the account submitted; and a district with
 * no elections. What the page writes is read back through the accounts module
 * (accounts/ed-account.h), never from the page.
 *
 * With ED_TEST_SCREENSHOTS set to a folder, the tests save each view there as a PNG, to be
 * looked at. */

#include "config.h"

#include <string.h>

#include "accounts/ed-account.h"
#include "core/ed-money.h"
#include "core/ed-date.h"
#include "elections/ed-election.h"
#include "staff/ed-payroll.h"
#include "staff/ed-staff-appointment.h"
#include "ui/accounts/ed-account-budget-view.h"
#include "ui/accounts/ed-account-claim-view.h"
#include "ui/accounts/ed-account-entry-details.h"
#include "ui/accounts/ed-account-entry-dialog.h"
#include "ui/accounts/ed-account-entry-item.h"
#include "ui/accounts/ed-account-spending-view.h"
#include "ui/accounts/ed-accounts-page.h"
#include "ui/widgets/ed-text-cell.h"
#include "ed-gui-test-util.h"
#include "ed-test-accounts.h"
#include "ed-test-demo.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-pdf.h"

#define DEMO_ELECTORS 1200
/* What the page has across at the window's default width (1100, the window-width key): the
 * rest beside the sidebar, which is at most 250 wide (ed-window.ui), its separator and the
 * window's edges. */
#define BESIDE_SIDEBAR 840
#define MAY_POLL "local.ashmere-vale.2027-05-06"

typedef struct
{
  EdContext      *context;
  char           *may;        /* the May poll's row id */
  GtkWidget      *window;
  EdAccountsPage *page;
} Desk;

static void
desk_clear (Desk *desk)
{
  if (desk->window != NULL)
    gtk_window_destroy (GTK_WINDOW (desk->window));
  ed_gui_test_iterate ();
  g_clear_object (&desk->context);
  g_free (desk->may);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Desk, desk_clear)

/* --- looking ------------------------------------------------------------------------------ */

/* With ED_TEST_SCREENSHOTS set, @widget as the next frame draws it, as NAME.png. */
static void
shoot (GtkWidget  *widget,
       const char *name)
{
  const char *dir = g_getenv ("ED_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  graphene_rect_t bounds;
  int width, height;

  if (dir == NULL || *dir == '\0')
    return;
  /* A few frames, for the lists to fill and the layout to settle. */
  for (int i = 0; i < 20; i++)
    {
      ed_gui_test_iterate ();
      g_usleep (20000);
    }
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &bounds);
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The same, with @view scrolled to its end. */
static void
shoot_end (GtkWidget  *window,
           GtkWidget  *view,
           const char *name)
{
  GtkWidget *scrolled = ed_gui_test_find (view, GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *adjustment;

  if (g_getenv ("ED_TEST_SCREENSHOTS") == NULL || scrolled == NULL)
    return;
  for (int i = 0; i < 10; i++)
    {
      ed_gui_test_iterate ();
      g_usleep (20000);
    }
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                          gtk_adjustment_get_page_size (adjustment));
  shoot (window, name);
}

/* --- the desk ----------------------------------------------------------------------------- */

static void
wait_until_idle (EdAccountsPage *page)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  ed_gui_test_iterate ();
  while (ed_accounts_page_is_busy (page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ed_accounts_page_is_busy (page));
  ed_gui_test_iterate ();
}

/* The page alone in a window @width across. */
static void
show_page_at (Desk *desk,
              int   width)
{
  desk->page = g_object_new (ED_TYPE_ACCOUNTS_PAGE, "title", "Accounts", NULL);
  desk->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (desk->window), width, 760);
  gtk_window_set_child (GTK_WINDOW (desk->window), GTK_WIDGET (desk->page));
  ed_module_page_set_context (ED_MODULE_PAGE (desk->page), desk->context);
  gtk_window_present (GTK_WINDOW (desk->window));
  g_assert_true (ed_gui_test_wait_until_drawable (GTK_WIDGET (desk->page)));
  wait_until_idle (desk->page);
}

static void
show_page (Desk *desk)
{
  show_page_at (desk, 1100);
}

/* The demo as it comes, with the account of its May poll. */
static void
open_demo_as_it_comes (EdTestDir *fixture,
                       Desk      *desk)
{
  g_autoptr(EdElection) may = NULL;
  g_autoptr(GError) error = NULL;

  desk->context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  may = ed_election_load (desk->context, MAY_POLL, &error);
  g_assert_no_error (error);
  desk->may = g_strdup (may->id);
}

/* The demo with an empty account, for a test that writes its own. */
static void
open_demo (EdTestDir *fixture,
           Desk      *desk)
{
  open_demo_as_it_comes (fixture, desk);
  ed_test_demo_remove_accounts (desk->context);
}

static void
choose_may (Desk *desk)
{
  ed_accounts_page_set_election (desk->page, MAY_POLL);
  wait_until_idle (desk->page);
  g_assert_cmpstr (ed_accounts_page_get_election (desk->page), ==, desk->may);
  g_assert_nonnull (ed_accounts_page_get_account (desk->page));
  g_assert_cmpstr (ed_accounts_page_get_account (desk->page)->election->id, ==, desk->may);
}

/* A cost with no invoice yet and no VAT, the May poll's alone unless @polls says whose. */
static char *
spend (Desk               *desk,
       EdCostHead          head,
       const char         *supplier,
       EdMoney             net,
       EdEvidence          evidence,
       const char * const *polls)
{
  const char *may_only[] = { desk->may, NULL };
  EdAccountEntryNew entry = {
    .head = head, .supplier = supplier, .description = "", .invoice_number = "",
    .net = net, .vat = 0, .polls = polls != NULL ? polls : may_only, .evidence = evidence,
  };

  return ed_test_accounts_add_entry (desk->context, &entry);
}

/* --- finding ------------------------------------------------------------------------------ */

static GtkWidget *
find (Desk       *desk,
      GType       type,
      const char *name)
{
  GtkWidget *found = ed_gui_test_find (GTK_WIDGET (desk->page), type, name);

  g_assert_nonnull (found);
  return found;
}

static GtkStack *
page_stack (Desk *desk)
{
  GtkWidget *status = find (desk, ADW_TYPE_STATUS_PAGE, NULL);

  return GTK_STACK (gtk_widget_get_ancestor (status, GTK_TYPE_STACK));
}

static void
show_view (Desk       *desk,
           const char *name)
{
  AdwViewStack *views = ADW_VIEW_STACK (find (desk, ADW_TYPE_VIEW_STACK, NULL));

  adw_view_stack_set_visible_child_name (views, name);
  ed_gui_test_iterate ();
}

static const char *
shown_view (Desk *desk)
{
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (find (desk, ADW_TYPE_VIEW_STACK,
                                                                      NULL)));
}

static EdAccountSpendingView *
spending_view (Desk *desk)
{
  return ED_ACCOUNT_SPENDING_VIEW (find (desk, ED_TYPE_ACCOUNT_SPENDING_VIEW, NULL));
}

/* The entries the ledger shows, once the list has them all. */
static GListModel *
shown_entries (Desk  *desk,
               guint  n)
{
  GListModel *shown = ed_account_spending_view_get_shown (spending_view (desk));
  GtkColumnView *view = GTK_COLUMN_VIEW (ed_gui_test_find (GTK_WIDGET (spending_view (desk)),
                                                           GTK_TYPE_COLUMN_VIEW, NULL));

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);
  g_assert_true (ed_gui_test_wait_for_items (G_LIST_MODEL (gtk_column_view_get_model (view)),
                                             n));
  return shown;
}

static EdAccountEntryItem *
shown_entry (GListModel *shown,
             const char *entry_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(EdAccountEntryItem) item = g_list_model_get_item (shown, i);

      if (g_str_equal (ed_account_entry_item_get_id (item), entry_id))
        return item;
    }
  g_assert_not_reached ();
}

static void
choose_combo (GtkWidget  *root,
              const char *row_title,
              const char *choice)
{
  AdwComboRow *row = ADW_COMBO_ROW (ed_gui_test_find (root, ADW_TYPE_COMBO_ROW, row_title));
  GListModel *model;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), choice))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
type_into (GtkWidget  *root,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = ed_gui_test_find (root, ADW_TYPE_ENTRY_ROW, row_title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  ed_gui_test_iterate ();
}

static EdAccountEntryDialog *
open_entry_dialog (Desk *desk)
{
  EdAccountEntryDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk->page), "accounts.add-entry",
                                             NULL));
  ed_gui_test_iterate ();
  dialog = ED_ACCOUNT_ENTRY_DIALOG (ed_gui_test_find_toplevel (ED_TYPE_ACCOUNT_ENTRY_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (shown_view (desk), ==, "spending");
  return dialog;
}

static GtkWidget *
dialog_button (EdAccountEntryDialog *dialog,
               const char           *label)
{
  GtkWidget *button = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

/* As a click does: activating a button clicks it only after its pressed look has shown. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ed_gui_test_iterate ();
}

/* The answer to the question a page's action asked. */
static void
answer (const char *heading,
        const char *response)
{
  AdwMessageDialog *dialog;

  ed_gui_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
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

/* The figure in @column of the budget's row for @head: 2 spent, 3 remaining. */
static GtkWidget *
budget_cell (Desk       *desk,
             EdCostHead  head,
             int         column)
{
  EdAccountBudgetView *budget = ED_ACCOUNT_BUDGET_VIEW (find (desk, ED_TYPE_ACCOUNT_BUDGET_VIEW,
                                                              NULL));
  GtkWidget *entry = ed_account_budget_view_get_estimate_entry (budget, head);
  GtkWidget *grid = gtk_widget_get_parent (entry);
  int row;

  gtk_grid_query_child (GTK_GRID (grid), entry, NULL, &row, NULL, NULL);
  return gtk_grid_get_child_at (GTK_GRID (grid), column, row);
}

/* --- the tests ---------------------------------------------------------------------------- */

/* A district with no elections says so, and what to do, rather than showing empty views. */
static void
test_no_elections (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autofree char *path = ed_test_dir_file (fixture, "empty.db");
  g_autoptr(GError) error = NULL;
  AdwStatusPage *status;

  desk.context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  show_page (&desk);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_stack (&desk)), ==, "no-elections");
  status = ADW_STATUS_PAGE (gtk_stack_get_visible_child (page_stack (&desk)));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Elections");
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "Elections page"));
  /* Nothing to choose, and nothing to do: the election's bar is hidden. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (
    find (&desk, GTK_TYPE_DROP_DOWN, NULL), GTK_TYPE_BOX)));
  gtk_widget_activate_action (GTK_WIDGET (desk.page), "accounts.add-entry", NULL);
  ed_gui_test_iterate ();
  g_assert_null (ed_gui_test_find_toplevel (ED_TYPE_ACCOUNT_ENTRY_DIALOG));
  shoot (desk.window, "accounts-no-elections");
}

/* The demo's May account as its ledger holds it: every entry listed, the estimate and what
 * is spent as the module works them out, and the invoice entered twice shown reversed. */
static void
test_demo_account (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autoptr(EdAccount) account = NULL;
  g_autofree char *estimate = NULL;
  g_autofree char *spent = NULL;
  GListModel *shown;
  guint reversed = 0, reversals = 0;

  open_demo_as_it_comes (fixture, &desk);
  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpuint (account->entries->len, >, 0);
  show_page (&desk);
  choose_may (&desk);

  estimate = ed_money_format (account->estimate_total);
  spent = ed_money_format (account->total);
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (desk.page), GTK_TYPE_LABEL, estimate));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (desk.page), GTK_TYPE_LABEL, spent));
  shoot (desk.window, "accounts-demo-budget");

  show_view (&desk, "spending");
  shown = shown_entries (&desk, account->entries->len);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(EdAccountEntryItem) item = g_list_model_get_item (shown, i);

      reversed += ed_account_entry_item_is_reversed (item);
      reversals += ed_account_entry_item_is_reversal (item);
    }
  g_assert_cmpuint (reversed, >, 0);
  g_assert_cmpuint (reversed, ==, reversals);
  shoot (desk.window, "accounts-demo-spending");

  if (account->polls->len > 1)
    {
      show_view (&desk, "apportionment");
      shoot (desk.window, "accounts-demo-apportionment");
    }
  show_view (&desk, "claim");
  shoot (desk.window, "accounts-demo-claim");
  shoot_end (desk.window, find (&desk, ED_TYPE_ACCOUNT_CLAIM_VIEW, NULL),
             "accounts-demo-claim-end");
}

/* The Budget: an estimate typed in place is saved on Enter, shown as money, and a head
 * spent beyond it says by how much, as an error; what cannot be read as money is refused
 * where it was typed and saves nothing. */
static void
test_budget_estimate (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autoptr(EdAccount) account = NULL;
  EdAccountBudgetView *budget;
  GtkWidget *entry;
  GtkWidget *remaining;

  open_demo (fixture, &desk);
  g_free (spend (&desk, ED_COST_PREMISES, "Ashmere Village Hall", 150000, ED_EVIDENCE_INVOICE,
                 NULL));
  show_page (&desk);
  choose_may (&desk);
  g_assert_cmpstr (shown_view (&desk), ==, "budget");
  budget = ED_ACCOUNT_BUDGET_VIEW (find (&desk, ED_TYPE_ACCOUNT_BUDGET_VIEW, NULL));

  /* No estimate: the premises are over by all they cost. */
  remaining = budget_cell (&desk, ED_COST_PREMISES, 3);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (remaining)), ==, "£1,500.00 over");
  g_assert_true (gtk_widget_has_css_class (remaining, "error"));

  entry = ed_account_budget_view_get_estimate_entry (budget, ED_COST_PREMISES);
  gtk_editable_set_text (GTK_EDITABLE (entry), "1200");
  g_signal_emit_by_name (entry, "activate");
  wait_until_idle (desk.page);
  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpint (account->estimate[ED_COST_PREMISES], ==, 120000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "£1,200.00");
  remaining = budget_cell (&desk, ED_COST_PREMISES, 3);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (remaining)), ==, "£300.00 over");
  g_assert_true (gtk_widget_has_css_class (remaining, "error"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (budget_cell (&desk, ED_COST_PREMISES, 2))),
                   ==, "£1,500.00");

  /* "£1,234.56" as typed, and what remains is no error. */
  entry = ed_account_budget_view_get_estimate_entry (budget, ED_COST_BALLOT_PAPERS);
  gtk_editable_set_text (GTK_EDITABLE (entry), "£1,234.56");
  g_signal_emit_by_name (entry, "activate");
  wait_until_idle (desk.page);
  g_clear_pointer (&account, ed_account_free);
  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpint (account->estimate[ED_COST_BALLOT_PAPERS], ==, 123456);
  g_assert_cmpint (account->estimate_total, ==, 243456);
  remaining = budget_cell (&desk, ED_COST_BALLOT_PAPERS, 3);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (remaining)), ==, "£1,234.56");
  g_assert_false (gtk_widget_has_css_class (remaining, "error"));

  /* "12,34" is the European way of writing 12.34: refused, where it was typed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "12,34");
  g_signal_emit_by_name (entry, "activate");
  wait_until_idle (desk.page);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (gtk_widget_get_visible (find_label_starting (GTK_WIDGET (budget),
                                                              "Ballot papers: “12,34”")));
  g_clear_pointer (&account, ed_account_free);
  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpint (account->estimate[ED_COST_BALLOT_PAPERS], ==, 123456);
  /* Put right, it is saved and the error goes. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "1234.50");
  g_signal_emit_by_name (entry, "activate");
  wait_until_idle (desk.page);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_clear_pointer (&account, ed_account_free);
  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpint (account->estimate[ED_COST_BALLOT_PAPERS], ==, 123450);
  shoot (desk.window, "accounts-budget");
  shoot_end (desk.window, GTK_WIDGET (budget), "accounts-budget-end");
}

/* Add Entry…: Add waits for a supplier and an amount; the entry added is in the account as
 * typed, and selected in the ledger. */
static void
test_add_entry (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autoptr(EdAccount) account = NULL;
  EdAccountEntryDialog *dialog;
  GtkWidget *add;
  const EdAccountEntry *entry;
  GListModel *shown;
  GDate expected;

  open_demo (fixture, &desk);
  show_page (&desk);
  choose_may (&desk);
  dialog = open_entry_dialog (&desk);
  add = dialog_button (dialog, "_Add");
  g_assert_false (gtk_widget_get_sensitive (add));

  choose_combo (GTK_WIDGET (dialog), "Cost head", "Premises");
  type_into (GTK_WIDGET (dialog), "Supplier", "Ashmere Village Hall");
  g_assert_false (gtk_widget_get_sensitive (add));
  type_into (GTK_WIDGET (dialog), "Description", "Hire for polling day");
  type_into (GTK_WIDGET (dialog), "Invoice number", "VH-2027-14");
  type_into (GTK_WIDGET (dialog), "Invoice date", "7/5/2027");
  type_into (GTK_WIDGET (dialog), "Net", "£350.00");
  g_assert_true (gtk_widget_get_sensitive (add));
  /* VAT at the standard rate, from its button. */
  click (dialog_button (dialog, "20%"));
  ed_gui_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ed_gui_test_find (
                     GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "VAT"))), ==, "£70.00");
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "£420.00"));
  shoot (GTK_WIDGET (dialog), "accounts-add-entry");

  click (add);
  ed_gui_test_iterate ();
  g_assert_null (ed_gui_test_find_toplevel (ED_TYPE_ACCOUNT_ENTRY_DIALOG));
  wait_until_idle (desk.page);

  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpuint (account->entries->len, ==, 1);
  entry = g_ptr_array_index (account->entries, 0);
  g_assert_cmpint (entry->head, ==, ED_COST_PREMISES);
  g_assert_cmpstr (entry->supplier, ==, "Ashmere Village Hall");
  g_assert_cmpstr (entry->description, ==, "Hire for polling day");
  g_assert_cmpstr (entry->invoice_number, ==, "VH-2027-14");
  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, 7, G_DATE_MAY, 2027);
  g_assert_cmpint (g_date_compare (&entry->invoice_date, &expected), ==, 0);
  g_assert_cmpint (entry->net, ==, 35000);
  g_assert_cmpint (entry->vat, ==, 7000);
  g_assert_cmpint (entry->evidence, ==, ED_EVIDENCE_INVOICE);
  g_assert_cmpstr (entry->polls[0], ==, desk.may);
  g_assert_null (entry->polls[1]);

  /* In the ledger, selected, with the amount as money. */
  shown = shown_entries (&desk, 1);
  g_assert_cmpstr (ed_account_spending_view_get_selected (spending_view (&desk)), ==, entry->id);
  g_assert_cmpstr (ed_account_entry_item_get_text (shown_entry (shown, entry->id),
                                                   ED_ACCOUNT_ENTRY_GROSS), ==, "£420.00");
  g_assert_cmpstr (ed_account_entry_item_get_text (shown_entry (shown, entry->id),
                                                   ED_ACCOUNT_ENTRY_DATE), ==, "07/05/2027");
}

/* An entry the accounts refuse (its amount with VAT is beyond what can be recorded) is said
 * in the dialog, which stays open with everything typed; put right, it is added. */
static void
test_refused_entry (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autoptr(EdAccount) account = NULL;
  EdAccountEntryDialog *dialog;
  const char *error;

  open_demo (fixture, &desk);
  show_page (&desk);
  choose_may (&desk);
  dialog = open_entry_dialog (&desk);
  type_into (GTK_WIDGET (dialog), "Supplier", "Ashmere Print");
  type_into (GTK_WIDGET (dialog), "Net", "£90,000,000,000,000.00");
  type_into (GTK_WIDGET (dialog), "VAT", "£0.01");
  g_assert_true (gtk_widget_get_sensitive (dialog_button (dialog, "_Add")));
  click (dialog_button (dialog, "_Add"));
  ed_gui_test_iterate ();

  g_assert_true (ed_gui_test_find_toplevel (ED_TYPE_ACCOUNT_ENTRY_DIALOG) == GTK_WINDOW (dialog));
  error = ed_account_entry_dialog_get_error (dialog);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "too large"));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ed_gui_test_find (
                     GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Supplier"))), ==,
                   "Ashmere Print");
  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpuint (account->entries->len, ==, 0);
  shoot (GTK_WIDGET (dialog), "accounts-add-entry-refused");

  /* An amount that cannot be read is said under its field once the person moves on. */
  type_into (GTK_WIDGET (dialog), "VAT", "1,5");
  g_assert_false (gtk_widget_get_sensitive (dialog_button (dialog, "_Add")));

  type_into (GTK_WIDGET (dialog), "Net", "£1,200.00");
  type_into (GTK_WIDGET (dialog), "VAT", "");
  click (dialog_button (dialog, "_Add"));
  ed_gui_test_iterate ();
  g_assert_null (ed_gui_test_find_toplevel (ED_TYPE_ACCOUNT_ENTRY_DIALOG));
  wait_until_idle (desk.page);
  g_clear_pointer (&account, ed_account_free);
  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpuint (account->entries->len, ==, 1);
  g_assert_cmpint (((EdAccountEntry *)g_ptr_array_index (account->entries, 0))->gross, ==,
                   120000);
}

/* Reverse Entry… asks first; answered, the entry is taken back by a reversal, both stay in
 * the ledger, marked, and neither can be reversed again. */
static void
test_reverse_entry (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autoptr(EdAccount) account = NULL;
  g_autofree char *hall = NULL;
  g_autofree char *print = NULL;
  const EdAccountEntry *reversed;
  EdAccountEntryItem *item;
  GListModel *shown;

  open_demo (fixture, &desk);
  hall = spend (&desk, ED_COST_PREMISES, "Ashmere Village Hall", 42000, ED_EVIDENCE_INVOICE,
                NULL);
  print = spend (&desk, ED_COST_BALLOT_PAPERS, "Ashmere Print", 99900, ED_EVIDENCE_NONE, NULL);
  show_page (&desk);
  choose_may (&desk);
  show_view (&desk, "spending");
  shown_entries (&desk, 2);

  g_assert_true (ed_account_spending_view_select (spending_view (&desk), hall));
  ed_gui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (spending_view (&desk)),
                                             "spending.reverse-entry", NULL));
  answer ("Reverse the Entry?", "reverse");
  wait_until_idle (desk.page);

  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpuint (account->entries->len, ==, 3);
  reversed = ed_account_find_entry (account, hall);
  g_assert_cmpstr (reversed->reversed_by, !=, "");
  g_assert_cmpint (ed_account_find_entry (account, reversed->reversed_by)->gross, ==, -42000);
  g_assert_cmpint (account->spent[ED_COST_PREMISES], ==, 0);

  /* Both in the ledger, marked and dimmed; the entry stays selected, and cannot be reversed
   * again. */
  shown = shown_entries (&desk, 3);
  item = shown_entry (shown, hall);
  g_assert_cmpstr (ed_account_entry_item_get_text (item, ED_ACCOUNT_ENTRY_STATE), ==,
                   "Reversed");
  g_assert_cmpstr (ed_account_entry_item_get_style (item, ED_ACCOUNT_ENTRY_SUPPLIER), ==,
                   "dim-label");
  item = shown_entry (shown, reversed->reversed_by);
  g_assert_cmpstr (ed_account_entry_item_get_text (item, ED_ACCOUNT_ENTRY_STATE), ==,
                   "Reversal");
  g_assert_cmpstr (ed_account_entry_item_get_text (item, ED_ACCOUNT_ENTRY_GROSS), ==,
                   "-£420.00");
  g_assert_cmpstr (ed_account_spending_view_get_selected (spending_view (&desk)), ==, hall);
  g_assert_false (gtk_widget_get_sensitive (find (&desk, GTK_TYPE_BUTTON, "_Reverse Entry…")));
  /* The reversal opened in full, from the list as Enter opens it: it says what it takes
   * back. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (ed_gui_test_find (GTK_WIDGET (spending_view (&desk)),
                                                             GTK_TYPE_COLUMN_VIEW, NULL));
    GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
    GtkWindow *details;
    guint position = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(EdAccountEntryItem) row = g_list_model_get_item (rows, i);

        if (g_str_equal (ed_account_entry_item_get_id (row), reversed->reversed_by))
          position = i;
      }
    g_assert_cmpuint (position, !=, G_MAXUINT);
    g_signal_emit_by_name (view, "activate", position);
    ed_gui_test_iterate ();
    details = ed_gui_test_find_toplevel (ED_TYPE_ACCOUNT_ENTRY_DETAILS);
    g_assert_nonnull (details);
    g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (details), ADW_TYPE_ACTION_ROW,
                                        "Takes back the entry of Ashmere Village Hall, "
                                        "£420.00, Wednesday 2 January 2030"));
    g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (details), GTK_TYPE_LABEL, "-£420.00"));
    shoot (GTK_WIDGET (details), "accounts-entry-details");
    gtk_window_destroy (details);
    g_assert_cmpstr (ed_account_spending_view_get_selected (spending_view (&desk)), ==,
                     reversed->reversed_by);
    g_assert_true (ed_account_spending_view_select (spending_view (&desk), hall));
  }

  /* The ballot papers' missing invoice is a warning. */
  g_assert_cmpstr (ed_account_entry_item_get_style (shown_entry (shown, print),
                                                    ED_ACCOUNT_ENTRY_EVIDENCE), ==, "warning");
  shoot (desk.window, "accounts-spending");
}

/* The ledger narrowed by head, by a search and to the entries with no evidence, with what
 * those shown come to; another head's entries come back with the filter cleared. */
static void
test_filter_by_head (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autofree char *hall = NULL;
  g_autofree char *school = NULL;
  GtkDropDown *heads;
  GListModel *shown;
  GtkWidget *status;
  GtkWidget *search;
  guint premises = G_MAXUINT;

  open_demo (fixture, &desk);
  hall = spend (&desk, ED_COST_PREMISES, "Ashmere Village Hall", 42000, ED_EVIDENCE_INVOICE,
                NULL);
  school = spend (&desk, ED_COST_PREMISES, "Mill Lane School", 18000, ED_EVIDENCE_NONE, NULL);
  g_free (spend (&desk, ED_COST_BALLOT_PAPERS, "Ashmere Print", 99900, ED_EVIDENCE_INVOICE,
                 NULL));
  g_free (spend (&desk, ED_COST_NOTICES, "Ashmere Gazette", 25000, ED_EVIDENCE_NONE, NULL));
  show_page (&desk);
  choose_may (&desk);
  show_view (&desk, "spending");
  shown_entries (&desk, 4);
  status = ed_gui_test_find (GTK_WIDGET (spending_view (&desk)), GTK_TYPE_LABEL,
                             "4 entries, £1,849.00");
  g_assert_nonnull (status);

  /* The ledger's first filter: the election's dropdown is the page's. */
  heads = GTK_DROP_DOWN (ed_gui_test_find (GTK_WIDGET (spending_view (&desk)),
                                           GTK_TYPE_DROP_DOWN, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (heads)); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (gtk_drop_down_get_model (heads),
                                                               i);

      if (g_str_equal (gtk_string_object_get_string (item), "Premises"))
        premises = i;
    }
  g_assert_cmpuint (premises, !=, G_MAXUINT);
  gtk_drop_down_set_selected (heads, premises);
  ed_gui_test_iterate ();
  shown = shown_entries (&desk, 2);
  {
    g_autoptr(EdAccountEntryItem) latest = g_list_model_get_item (shown, 0);

    /* The latest first. */
    g_assert_cmpstr (ed_account_entry_item_get_id (latest), ==, school);
  }
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)), ==, "2 of 4 entries, £600.00");
  shoot (desk.window, "accounts-spending-premises");

  /* Narrowed to a head, a new entry is offered that head first. */
  {
    EdAccountEntryDialog *dialog = open_entry_dialog (&desk);
    AdwComboRow *head = ADW_COMBO_ROW (ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                         "Cost head"));

    g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (head)), ==,
                     "Premises");
    gtk_window_destroy (GTK_WINDOW (dialog));
    ed_gui_test_iterate ();
  }

  /* The search within it, over supplier, description and invoice number, in any case. */
  search = ed_gui_test_find (GTK_WIDGET (spending_view (&desk)), GTK_TYPE_SEARCH_ENTRY,
                             NULL);
  /* The entry's own, not the search of a dropdown's list. */
  g_assert_true (gtk_widget_get_parent (search) == gtk_widget_get_parent (GTK_WIDGET (heads)));
  gtk_editable_set_text (GTK_EDITABLE (search), "VILLAGE");
  g_signal_emit_by_name (search, "search-changed");
  ed_gui_test_iterate ();
  shown = shown_entries (&desk, 1);
  shown_entry (shown, hall);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");

  /* The entries with no evidence, every head: the Budget leads there too. */
  show_view (&desk, "budget");
  g_assert_nonnull (find (&desk, GTK_TYPE_LABEL, "2 entries have no evidence held yet."));
  click (find (&desk, GTK_TYPE_BUTTON, "_Show Them"));
  g_assert_cmpstr (shown_view (&desk), ==, "spending");
  g_assert_cmpuint (gtk_drop_down_get_selected (heads), ==, 0);
  shown = shown_entries (&desk, 2);
  shown_entry (shown, school);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)), ==, "2 of 4 entries, £430.00");

  ed_account_spending_view_clear_filters (spending_view (&desk));
  shown_entries (&desk, 4);

  /* Sorted by a column's header: the smallest cost first, then the largest. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (ed_gui_test_find (GTK_WIDGET (spending_view (&desk)),
                                                             GTK_TYPE_COLUMN_VIEW, NULL));
    GListModel *columns = gtk_column_view_get_columns (view);
    GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
    g_autoptr(GtkColumnViewColumn) gross = NULL;
    g_autoptr(EdAccountEntryItem) first = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (columns) && gross == NULL; i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (g_str_equal (gtk_column_view_column_get_title (column), "Gross"))
          gross = g_steal_pointer (&column);
      }
    g_assert_nonnull (gross);
    gtk_column_view_sort_by_column (view, gross, GTK_SORT_ASCENDING);
    g_assert_true (ed_gui_test_wait_for_items (rows, 4));
    first = g_list_model_get_item (rows, 0);
    g_assert_cmpstr (ed_account_entry_item_get_id (first), ==, school);
    g_clear_object (&first);
    gtk_column_view_sort_by_column (view, gross, GTK_SORT_DESCENDING);
    first = g_list_model_get_item (rows, 0);
    g_assert_cmpint (ed_account_entry_item_get_gross (first), ==, 99900);
    /* A selection is of the entry, wherever the sort puts it. */
    g_assert_true (ed_account_spending_view_select (spending_view (&desk), hall));
    g_assert_cmpstr (ed_account_spending_view_get_selected (spending_view (&desk)), ==, hall);
  }
}

/* A poll combined with the May poll: the Apportionment view appears, with each poll's share
 * and total; the entry dialog offers both polls, the one chosen checked; the fee scale of the
 * local poll is typed and saved. */
static void
test_combined_polls (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autoptr(EdAccount) account = NULL;
  g_autofree char *pcc = NULL;
  g_autofree char *pcc_title = NULL;
  const char *both[3] = { NULL, NULL, NULL };
  EdAccountEntryDialog *dialog;
  AdwViewStackPage *apportionment;
  AdwViewStack *views;
  EdAccountPoll *may;

  open_demo (fixture, &desk);
  show_page (&desk);
  choose_may (&desk);
  views = ADW_VIEW_STACK (find (&desk, ADW_TYPE_VIEW_STACK, NULL));
  apportionment = adw_view_stack_get_page (views, adw_view_stack_get_child_by_name (
                                                    views, "apportionment"));
  /* A poll on its own has nothing to apportion. */
  g_assert_false (adw_view_stack_page_get_visible (apportionment));

  pcc = ed_test_accounts_add_poll (desk.context, ED_ELECTION_PCC, 6, 5, 2027, desk.may);
  both[0] = desk.may;
  both[1] = pcc;
  g_free (spend (&desk, ED_COST_PREMISES, "Ashmere Village Hall", 100001, ED_EVIDENCE_INVOICE,
                 both));
  g_free (spend (&desk, ED_COST_BALLOT_PAPERS, "Ashmere Print", 30000, ED_EVIDENCE_INVOICE,
                 NULL));
  ed_module_page_reload (ED_MODULE_PAGE (desk.page));
  wait_until_idle (desk.page);
  g_assert_true (adw_view_stack_page_get_visible (apportionment));
  show_view (&desk, "apportionment");

  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpuint (account->polls->len, ==, 2);
  may = ed_account_get_poll (account, 0);
  pcc_title = g_strdup (ed_account_get_poll (account, 1)->election->title);
  /* The odd penny to the first poll: £500.01 and £500.00, and its ballot papers its own. */
  g_assert_cmpint (may->total, ==, 50001 + 30000);
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (desk.page), GTK_TYPE_LABEL, "£800.01"));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (desk.page), GTK_TYPE_LABEL, "£500.00"));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (desk.page), GTK_TYPE_LABEL, "£1,300.01"));
  /* No parish poll: nothing to recharge. */
  g_assert_false (gtk_widget_get_sensitive (find (&desk, ADW_TYPE_COMBO_ROW,
                                                  "Parish polls are recharged")));
  shoot (desk.window, "accounts-apportionment");

  /* The dialog offers both polls, the one chosen on the page checked. */
  dialog = open_entry_dialog (&desk);
  {
    GtkWidget *may_row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                           may->election->title);
    GtkWidget *pcc_row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, pcc_title);
    GtkWidget *add = dialog_button (dialog, "_Add");

    g_assert_nonnull (may_row);
    g_assert_nonnull (pcc_row);
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
      ed_gui_test_find (may_row, GTK_TYPE_CHECK_BUTTON, NULL))));
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (
      ed_gui_test_find (pcc_row, GTK_TYPE_CHECK_BUTTON, NULL))));
    type_into (GTK_WIDGET (dialog), "Supplier", "Ashmere Gazette");
    type_into (GTK_WIDGET (dialog), "Net", "300");
    g_assert_true (gtk_widget_get_sensitive (add));
    /* No poll checked, no entry. */
    gtk_check_button_set_active (GTK_CHECK_BUTTON (ed_gui_test_find (may_row,
                                                                     GTK_TYPE_CHECK_BUTTON,
                                                                     NULL)), FALSE);
    g_assert_false (gtk_widget_get_sensitive (add));
    gtk_widget_activate (pcc_row);
    g_assert_true (gtk_widget_get_sensitive (add));
    click (add);
    wait_until_idle (desk.page);
  }
  g_clear_pointer (&account, ed_account_free);
  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpint (ed_account_get_poll (account, 1)->spent[ED_COST_OTHER], ==, 0);
  g_assert_cmpint (ed_account_get_poll (account, 1)->total, ==, 50000 + 30000);

  /* The fee scale of the district's poll, in the Claim view. */
  show_view (&desk, "claim");
  type_into (GTK_WIDGET (desk.page), "For the election", "£500");
  type_into (GTK_WIDGET (desk.page), "For each 1,000 electors", "25.00");
  click (find (&desk, GTK_TYPE_BUTTON, "Save S_cale"));
  wait_until_idle (desk.page);
  g_clear_pointer (&account, ed_account_free);
  account = ed_test_accounts_load (desk.context, desk.may);
  may = ed_account_get_poll (account, 0);
  g_assert_true (may->has_fee_scale);
  g_assert_cmpint (may->fee_scale.per_election, ==, 50000);
  g_assert_cmpint (may->fee_scale.per_1000_electors, ==, 2500);
  g_assert_cmpint (may->fee_scale.per_contested_area, ==, 0);
  {
    g_autofree char *fee = ed_money_format (may->scale_fee);

    g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (desk.page), GTK_TYPE_LABEL, fee));
  }
  shoot (desk.window, "accounts-claim-local");
  shoot_end (desk.window, find (&desk, ED_TYPE_ACCOUNT_CLAIM_VIEW, NULL),
             "accounts-claim-local-end");
}

/* A UK Parliamentary poll: its maximum recoverable amounts typed from the order and saved,
 * and the claim checked against them: each part within its own maximum, the overall binding
 * (DOMAIN.md §5.1). */
static void
test_parliamentary_claim (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autoptr(EdAccount) account = NULL;
  g_autofree char *poll = NULL;
  const char *polls[2] = { NULL, NULL };

  open_demo (fixture, &desk);
  poll = ed_test_accounts_add_poll (desk.context, ED_ELECTION_UK_PARLIAMENTARY_BY, 9, 3, 2028,
                                    NULL);
  polls[0] = poll;
  g_free (spend (&desk, ED_COST_RO_FEES, "Returning officer", 900000, ED_EVIDENCE_PAYROLL,
                 polls));
  g_free (spend (&desk, ED_COST_PREMISES, "Ashmere Village Hall", 1900000, ED_EVIDENCE_INVOICE,
                 polls));
  show_page (&desk);
  ed_accounts_page_set_election (desk.page, poll);
  wait_until_idle (desk.page);
  show_view (&desk, "claim");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (
    find (&desk, ADW_TYPE_ENTRY_ROW, "Services"), ADW_TYPE_PREFERENCES_GROUP)));
  /* No fee scale for a parliamentary poll: its fees are the order's. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (
    find (&desk, ADW_TYPE_ENTRY_ROW, "For the election"), ADW_TYPE_PREFERENCES_GROUP)));

  type_into (GTK_WIDGET (desk.page), "Services", "£10,000.00");
  type_into (GTK_WIDGET (desk.page), "Expenses", "20000");
  type_into (GTK_WIDGET (desk.page), "Overall", "£25,000");
  type_into (GTK_WIDGET (desk.page), "Charges order, such as SI 2024/693", "SI 2024/693");
  click (find (&desk, GTK_TYPE_BUTTON, "_Save Amounts"));
  wait_until_idle (desk.page);

  account = ed_test_accounts_load (desk.context, poll);
  g_assert_true (account->has_mra);
  g_assert_cmpint (account->mra.services, ==, 1000000);
  g_assert_cmpint (account->mra.expenses, ==, 2000000);
  g_assert_cmpint (account->mra.overall, ==, 2500000);
  g_assert_cmpstr (account->mra_source, ==, "SI 2024/693");
  g_assert_cmpint (account->recoverable.over_overall, ==, 300000);
  g_assert_cmpint (account->recoverable.recoverable, ==, 2500000);
  /* The saved figures read as money, and the claim says the overall maximum binds. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (&desk, ADW_TYPE_ENTRY_ROW,
                                                              "Expenses"))), ==, "£20,000.00");
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (desk.page), GTK_TYPE_LABEL, "£25,000.00"));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (desk.page), GTK_TYPE_LABEL, "£3,000.00"));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (desk.page), GTK_TYPE_LABEL,
                                      "The overall maximum binds: £3,000.00 more is disallowed, "
                                      "though the services and expenses are each within their "
                                      "own maximum."));
  shoot (desk.window, "accounts-claim-parliamentary");
  shoot_end (desk.window, find (&desk, ED_TYPE_ACCOUNT_CLAIM_VIEW, NULL),
             "accounts-claim-parliamentary-end");
}

/* Save Statement…: the statement of the account as a PDF to publish, whose text has its
 * grand total, and as a workbook; written in the background, said in a toast. */
static void
test_save_statement (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autoptr(EdAccount) account = NULL;
  g_autofree char *pdf = ed_test_dir_file (fixture, "statement.pdf");
  g_autofree char *xlsx = ed_test_dir_file (fixture, "statement.xlsx");
  g_autofree char *text = NULL;
  g_autofree char *total = NULL;
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) xlsx_file = g_file_new_for_path (xlsx);
  EdAccountClaimView *claim;

  open_demo_as_it_comes (fixture, &desk);
  account = ed_test_accounts_load (desk.context, desk.may);
  show_page (&desk);
  choose_may (&desk);
  show_view (&desk, "claim");
  claim = ED_ACCOUNT_CLAIM_VIEW (find (&desk, ED_TYPE_ACCOUNT_CLAIM_VIEW, NULL));
  g_assert_true (gtk_widget_get_sensitive (find (&desk, GTK_TYPE_BUTTON, "Save Statemen_t…")));

  ed_account_claim_view_save_statement (claim, pdf_file);
  g_assert_true (ed_accounts_page_is_busy (desk.page));
  g_assert_false (gtk_widget_get_sensitive (find (&desk, GTK_TYPE_BUTTON, "Save Statemen_t…")));
  wait_until_idle (desk.page);
  text = ed_test_pdf_text (pdf, NULL);
  total = ed_money_format (account->total);
  g_assert_nonnull (strstr (text, "Grand total"));
  g_assert_nonnull (strstr (text, total));

  ed_account_claim_view_save_statement (claim, xlsx_file);
  wait_until_idle (desk.page);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  ed_test_dir_assert_no_temporaries (fixture->dir);
  g_assert_true (gtk_widget_get_sensitive (find (&desk, GTK_TYPE_BUTTON, "Save Statemen_t…")));
}

/* A combined account's ledger, its Polls column and all, fits the page beside the sidebar at
 * the window's default size: nothing scrolls sideways. A poll's name its narrow column cuts
 * short shows whole in a tooltip. */
static void
test_combined_ledger_fits (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_autofree char *pcc = NULL;
  const char *both[3] = { NULL, NULL, NULL };
  const char *may_title;
  GtkAdjustment *across;
  GtkWidget *cell;
  gboolean shown = FALSE;

  open_demo (fixture, &desk);
  pcc = ed_test_accounts_add_poll (desk.context, ED_ELECTION_PCC, 6, 5, 2027, desk.may);
  both[0] = desk.may;
  both[1] = pcc;
  g_free (spend (&desk, ED_COST_PREMISES, "Ashmere Village Hall", 100001, ED_EVIDENCE_INVOICE,
                 both));
  g_free (spend (&desk, ED_COST_BALLOT_PAPERS, "Ashmere Print", 30000, ED_EVIDENCE_CONTRACT,
                 NULL));
  show_page_at (&desk, BESIDE_SIDEBAR);
  choose_may (&desk);
  show_view (&desk, "spending");
  shown_entries (&desk, 2);
  across = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (
    ed_gui_test_find (GTK_WIDGET (spending_view (&desk)), GTK_TYPE_COLUMN_VIEW, NULL),
    GTK_TYPE_SCROLLED_WINDOW)));
  /* Laid out once the view is shown. */
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       gtk_adjustment_get_page_size (across) == 0 && g_get_monotonic_time () < deadline;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (desk.page)), ==, BESIDE_SIDEBAR);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (across), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (across), <=,
                     gtk_adjustment_get_page_size (across));

  may_title = ((EdAccountPoll *)g_ptr_array_index (ed_accounts_page_get_account (desk.page)->polls,
                                                   0))->election->title;
  cell = ed_gui_test_find (GTK_WIDGET (spending_view (&desk)), ED_TYPE_TEXT_CELL, may_title);
  g_assert_nonnull (cell);
  g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_true (shown);
  shoot (desk.window, "accounts-spending-combined");
}

/* Submit Account… asks first; answered, the account is submitted, the page says when, and an
 * entry made after it is counted as since. */
static void
test_submit (EdTestDir     *fixture,
             gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autoptr(EdAccount) account = NULL;
  GtkWidget *label;

  open_demo (fixture, &desk);
  g_free (spend (&desk, ED_COST_PREMISES, "Ashmere Village Hall", 42000, ED_EVIDENCE_INVOICE,
                 NULL));
  show_page (&desk);
  choose_may (&desk);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk.page), "accounts.submit", NULL));
  g_assert_cmpstr (shown_view (&desk), ==, "claim");
  answer ("Submit the Account?", "submit");
  wait_until_idle (desk.page);

  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpuint (account->locks->len, ==, 1);
  label = ed_gui_test_find (GTK_WIDGET (desk.page), GTK_TYPE_LABEL,
                            "Submitted on Wednesday 2 January 2030");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  /* Nothing new: nothing to submit. */
  g_assert_false (ed_account_claim_view_can_submit (ED_ACCOUNT_CLAIM_VIEW (
    find (&desk, ED_TYPE_ACCOUNT_CLAIM_VIEW, NULL))));

  g_free (spend (&desk, ED_COST_NOTICES, "Ashmere Gazette", 25000, ED_EVIDENCE_INVOICE, NULL));
  ed_module_page_reload (ED_MODULE_PAGE (desk.page));
  wait_until_idle (desk.page);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                   "Submitted on Wednesday 2 January 2030, 1 entry since");
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (desk.page), ADW_TYPE_ACTION_ROW,
                                      "1 entry since it was submitted"));
  g_assert_true (ed_account_claim_view_can_submit (ED_ACCOUNT_CLAIM_VIEW (
    find (&desk, ED_TYPE_ACCOUNT_CLAIM_VIEW, NULL))));
  shoot (desk.window, "accounts-claim-submitted");
  shoot_end (desk.window, find (&desk, ED_TYPE_ACCOUNT_CLAIM_VIEW, NULL),
             "accounts-claim-submitted-end");
}

/* Bring In Payroll: the approved run's staff costs come in as entries, its evidence the
 * payroll, shared by the polls; asked again, nothing new comes in and nothing is entered twice.
 * The demo staffs its May poll; the test marks the confirmed appointments attended a week after
 * polling day, and approves the run, as the Staff page would. */
static void
test_bring_in_payroll (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(EdElection) may = NULL;
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_today = g_strdup (g_getenv ("ED_TODAY"));
  g_autofree char *after = NULL;
  g_autofree char *run = NULL;
  g_autoptr(EdPayroll) payroll = NULL;
  guint n_entries;
  GDate day;

  open_demo (fixture, &desk);
  may = ed_election_load (desk.context, desk.may, &error);
  g_assert_no_error (error);
  day = may->poll;
  g_date_add_days (&day, 7);
  after = ed_date_format_iso (&day);
  g_setenv ("ED_TODAY", after, TRUE);
  appointments = ed_staff_appointment_list (desk.context, desk.may,
                                            ED_STAFF_APPOINTMENT_BY_PERSON, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < appointments->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (appointments, i);

      if (appointment->state == ED_APPOINTMENT_CONFIRMED)
        g_assert_true (ed_staff_appointment_set_state (desk.context, appointment->id,
                                                       ED_APPOINTMENT_ATTENDED, NULL));
    }
  g_assert_true (ed_payroll_approve (desk.context, desk.may, NULL, &run, &error));
  g_assert_no_error (error);
  payroll = ed_payroll_load_approved (desk.context, desk.may, &error);
  g_assert_no_error (error);

  show_page (&desk);
  choose_may (&desk);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk.page), "accounts.bring-in-payroll",
                                             NULL));
  wait_until_idle (desk.page);
  account = ed_test_accounts_load (desk.context, desk.may);
  n_entries = account->entries->len;
  g_assert_cmpuint (n_entries, >, 0);
  for (guint i = 0; i < n_entries; i++)
    {
      EdAccountEntry *entry = g_ptr_array_index (account->entries, i);

      g_assert_cmpstr (entry->pay_run, ==, run);
      g_assert_cmpint (entry->evidence, ==, ED_EVIDENCE_PAYROLL);
    }
  g_assert_cmpint (account->total, ==, payroll->approved.gross);
  show_view (&desk, "spending");
  shown_entries (&desk, n_entries);

  /* Nothing new: said in a toast, and nothing entered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk.page), "accounts.bring-in-payroll",
                                             NULL));
  wait_until_idle (desk.page);
  g_clear_pointer (&account, ed_account_free);
  account = ed_test_accounts_load (desk.context, desk.may);
  g_assert_cmpuint (account->entries->len, ==, n_entries);
  show_view (&desk, "budget");
  shoot (desk.window, "accounts-budget-payroll");

  if (saved_today != NULL)
    g_setenv ("ED_TODAY", saved_today, TRUE);
}

/* Another desk's edits arrive: the page shows them, keeping the election, the view and the
 * entry selected. */
static void
test_reload_keeps_place (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  g_autofree char *hall = NULL;

  open_demo (fixture, &desk);
  hall = spend (&desk, ED_COST_PREMISES, "Ashmere Village Hall", 42000, ED_EVIDENCE_INVOICE,
                NULL);
  show_page (&desk);
  choose_may (&desk);
  show_view (&desk, "spending");
  shown_entries (&desk, 1);
  g_assert_true (ed_account_spending_view_select (spending_view (&desk), hall));

  g_free (spend (&desk, ED_COST_NOTICES, "Ashmere Gazette", 25000, ED_EVIDENCE_INVOICE, NULL));
  ed_module_page_reload (ED_MODULE_PAGE (desk.page));
  wait_until_idle (desk.page);
  g_assert_cmpstr (ed_accounts_page_get_election (desk.page), ==, desk.may);
  g_assert_cmpstr (shown_view (&desk), ==, "spending");
  shown_entries (&desk, 2);
  g_assert_cmpstr (ed_account_spending_view_get_selected (spending_view (&desk)), ==, hall);

  /* The district closed: nothing of it stays on the page. */
  ed_module_page_set_context (ED_MODULE_PAGE (desk.page), NULL);
  wait_until_idle (desk.page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_stack (&desk)), ==, "no-elections");
  g_assert_null (ed_accounts_page_get_account (desk.page));
  g_assert_cmpuint (g_list_model_get_n_items (ed_account_spending_view_get_shown (
                      spending_view (&desk))), ==, 0);
}

/* Each control is named once: a button by its label, without the underline of its mnemonic;
 * an estimate's entry by its head; the ledger and its filters by what they are. */
static void
test_accessible_names (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_auto(Desk) desk = { 0, };
  static const char * const buttons[] = {
    "_Bring In Payroll", "_Add Entry…", "_Reverse Entry…", "Save S_cale", "S_ubmit Account…",
    "Save Statemen_t…",
  };
  EdAccountBudgetView *budget;
  GtkWidget *dropdown;

  open_demo (fixture, &desk);
  show_page (&desk);
  choose_may (&desk);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (find (&desk,
                                                                            GTK_TYPE_BUTTON,
                                                                            buttons[i])),
                                                      GTK_ACCESSIBLE_PROPERTY_LABEL));
  budget = ED_ACCOUNT_BUDGET_VIEW (find (&desk, ED_TYPE_ACCOUNT_BUDGET_VIEW, NULL));
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (ed_account_budget_view_get_estimate_entry (budget, ED_COST_PREMISES)),
    GTK_ACCESSIBLE_PROPERTY_LABEL, "Estimate for Premises");
  g_assert_null (ed_account_budget_view_get_estimate_entry (budget, ED_COST_REGISTRATION));
  /* The election's dropdown is named by its label. */
  dropdown = find (&desk, GTK_TYPE_DROP_DOWN, NULL);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (dropdown),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       gtk_widget_get_prev_sibling (dropdown), NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find (&desk, GTK_TYPE_COLUMN_VIEW, NULL)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Entries");
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (ed_gui_test_find (GTK_WIDGET (spending_view (&desk)), GTK_TYPE_DROP_DOWN,
                                      NULL)),
    GTK_ACCESSIBLE_PROPERTY_LABEL, "Cost head");
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  ED_TEST_ADD ("/accounts/page/no-elections", test_no_elections);
  ED_TEST_ADD ("/accounts/page/demo-account", test_demo_account);
  ED_TEST_ADD ("/accounts/page/budget-estimate", test_budget_estimate);
  ED_TEST_ADD ("/accounts/page/add-entry", test_add_entry);
  ED_TEST_ADD ("/accounts/page/refused-entry", test_refused_entry);
  ED_TEST_ADD ("/accounts/page/reverse-entry", test_reverse_entry);
  ED_TEST_ADD ("/accounts/page/filter-by-head", test_filter_by_head);
  ED_TEST_ADD ("/accounts/page/combined-polls", test_combined_polls);
  ED_TEST_ADD ("/accounts/page/parliamentary-claim", test_parliamentary_claim);
  ED_TEST_ADD ("/accounts/page/save-statement", test_save_statement);
  ED_TEST_ADD ("/accounts/page/combined-ledger-fits", test_combined_ledger_fits);
  ED_TEST_ADD ("/accounts/page/submit", test_submit);
  ED_TEST_ADD ("/accounts/page/bring-in-payroll", test_bring_in_payroll);
  ED_TEST_ADD ("/accounts/page/reload-keeps-place", test_reload_keeps_place);
  ED_TEST_ADD ("/accounts/page/accessible-names", test_accessible_names);

  return g_test_run ();
}
