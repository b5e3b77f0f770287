/* ed-accounts-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Accounts page (issue 17, item 6): the account of the election chosen at the top, which
 * for a poll combined with others is the one account of them all (accounts/ed-account.h), in
 * four views: the Budget (EdAccountBudgetView), the Spending ledger (EdAccountSpendingView),
 * the Apportionment of shared costs among combined polls (EdAccountApportionView, shown only
 * when there are polls to share them) and the Claim (EdAccountClaimView). The views write
 * through the accounts module and say so by "changed"; the page then reads the account again
 * and shows it in every view.
 *
 * Reading an account works out every entry's split among the polls, which for a large
 * combined poll's 50,000 entries is some tenths of a second, so it runs in a worker thread
 * on its own connection (ed_context_run_job_async ()), and only while the page is on screen:
 * the account shown stays until the new one replaces it. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "elections/ed-election.h"
#include "ui/accounts/ed-account-apportion-view.h"
#include "ui/accounts/ed-account-budget-view.h"
#include "ui/accounts/ed-account-claim-view.h"
#include "ui/accounts/ed-account-entry-item.h"
#include "ui/accounts/ed-account-figures.h"
#include "ui/accounts/ed-account-spending-view.h"
#include "ui/accounts/ed-accounts-page.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"
#include "ui/elections/ed-election-chooser.h"

struct _EdAccountsPage
{
  EdModulePage        parent_instance;

  EdContext          *context;
  gboolean            reading;         /* the chooser is read with the page, which then reads
                                          the account once */
  gboolean            stale;           /* to be read again when next shown */
  EdAccount          *account;         /* the account shown, or NULL */
  EdJob              *load_job;        /* the account being read, if any */

  GtkWidget          *menu_button;
  GtkWidget          *spinner;
  GtkWidget          *toasts;
  GtkWidget          *election_bar;
  EdElectionChooser  *election_chooser;
  GtkWidget          *polls_label;
  GtkWidget          *submission_label;
  GtkWidget          *stack;
  GtkWidget          *loading_spinner;
  GtkWidget          *error_status;
  GtkWidget          *views;
  GtkWidget          *title_stack;     /* the page's title, or the views' switcher */
  AdwViewStackPage   *apportion_page;
  GtkWidget          *budget_view;
  GtkWidget          *spending_view;
  GtkWidget          *apportion_view;
  GtkWidget          *claim_view;
};

G_DEFINE_FINAL_TYPE (EdAccountsPage, ed_accounts_page, ED_TYPE_MODULE_PAGE)

static void refresh (EdAccountsPage *self);

/* The poll chosen above the views; its account may be named by the first poll of its
 * combination. */
static const char *
chosen_election_id (EdAccountsPage *self)
{
  return ed_election_chooser_get_election_id (self->election_chooser);
}

/* The views' switcher in the title's place while there is an account to view; the page's
 * title otherwise. */
static void
show_switcher (EdAccountsPage *self,
               gboolean        shown)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->title_stack), shown ? "switcher" : "title");
}

/* --- actions ------------------------------------------------------------------------------ */

static void
update_actions (EdAccountsPage *self)
{
  gboolean shown = self->context != NULL && self->account != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.add-entry", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.bring-in-payroll",
                                 shown && !ed_account_budget_view_is_busy (
                                            ED_ACCOUNT_BUDGET_VIEW (self->budget_view)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.focus-search", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.save-statement",
                                 shown && !ed_account_claim_view_is_busy (
                                            ED_ACCOUNT_CLAIM_VIEW (self->claim_view)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.submit",
                                 shown && ed_account_claim_view_can_submit (
                                            ED_ACCOUNT_CLAIM_VIEW (self->claim_view)));
}

static void
add_entry_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EdAccountsPage *self = ED_ACCOUNTS_PAGE (widget);

  if (self->account == NULL)
    return;
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->views), "spending");
  ed_account_spending_view_add_entry (ED_ACCOUNT_SPENDING_VIEW (self->spending_view),
                                      chosen_election_id (self));
}

static void
bring_in_payroll_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  EdAccountsPage *self = ED_ACCOUNTS_PAGE (widget);

  if (self->account != NULL)
    ed_account_budget_view_bring_in_payroll (ED_ACCOUNT_BUDGET_VIEW (self->budget_view));
}

static void
submit_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdAccountsPage *self = ED_ACCOUNTS_PAGE (widget);

  if (self->account == NULL)
    return;
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->views), "claim");
  ed_account_claim_view_submit (ED_ACCOUNT_CLAIM_VIEW (self->claim_view));
}

static void
save_statement_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EdAccountsPage *self = ED_ACCOUNTS_PAGE (widget);

  if (self->account != NULL)
    ed_account_claim_view_choose_statement_file (ED_ACCOUNT_CLAIM_VIEW (self->claim_view));
}

static void
focus_search_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EdAccountsPage *self = ED_ACCOUNTS_PAGE (widget);

  if (self->account == NULL)
    return;
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->views), "spending");
  ed_account_spending_view_focus_search (ED_ACCOUNT_SPENDING_VIEW (self->spending_view));
}

/* The Budget's count of entries still without evidence leads to them. */
static void
show_missing_evidence_cb (EdAccountsPage *self)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->views), "spending");
  ed_account_spending_view_show_missing_evidence (ED_ACCOUNT_SPENDING_VIEW (self->spending_view));
}

/* A view wrote to the account: every view shows it afresh. */
static void
view_wrote_cb (EdAccountsPage *self)
{
  refresh (self);
}

/* --- the account -------------------------------------------------------------------------- */

/* Submitted, and what has happened since: new entries are expected (a late invoice), entries
 * changed under a submission are not. */
static void
show_submission (EdAccountsPage *self)
{
  EdAccount *account = self->account;
  EdAccountLock *latest;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  const char *style = "dim-label";

  if (account->locks->len == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->submission_label), "");
      gtk_widget_set_visible (self->submission_label, FALSE);
      return;
    }
  latest = g_ptr_array_index (account->locks, account->locks->len - 1);
  day = ed_date_format_long (&latest->locked_on);
  if (account->changed_since_lock)
    {
      /* Translators: %s is the day an account was submitted */
      text = g_strdup_printf (_("Changed since it was submitted on %s"), day);
      style = "error";
    }
  else if (account->after_lock > 0)
    {
      /* Translators: %s is the day an account was submitted, %u how many entries were made
       * after it */
      text = g_strdup_printf (ngettext ("Submitted on %s, %u entry since",
                                        "Submitted on %s, %u entries since", account->after_lock),
                              day, account->after_lock);
      style = "warning";
    }
  else
    /* Translators: %s is the day an account was submitted */
    text = g_strdup_printf (_("Submitted on %s"), day);
  gtk_label_set_text (GTK_LABEL (self->submission_label), text);
  ed_account_set_style (self->submission_label, style);
  gtk_widget_set_visible (self->submission_label, TRUE);
}

static void
show_account (EdAccountsPage *self,
              GPtrArray      *items,
              gboolean        same_account)
{
  EdAccount *account = self->account;
  gboolean combined = account->polls->len > 1;
  g_autofree char *polls = ed_account_describe_polls (account);

  gtk_label_set_text (GTK_LABEL (self->polls_label), polls);
  gtk_widget_set_tooltip_text (self->polls_label, combined ? polls : NULL);
  show_submission (self);

  ed_account_budget_view_show (ED_ACCOUNT_BUDGET_VIEW (self->budget_view), self->context,
                               account);
  ed_account_spending_view_show (ED_ACCOUNT_SPENDING_VIEW (self->spending_view), self->context,
                                 account, items, same_account);
  ed_account_apportion_view_show (ED_ACCOUNT_APPORTION_VIEW (self->apportion_view),
                                  self->context, account);
  ed_account_claim_view_show (ED_ACCOUNT_CLAIM_VIEW (self->claim_view), self->context, account);

  /* A poll on its own has nothing to apportion. */
  if (!combined && g_strcmp0 (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->views)),
                              "apportionment") == 0)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->views), "budget");
  adw_view_stack_page_set_visible (self->apportion_page, combined);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "account");
  show_switcher (self, TRUE);
}

/* No account to show: the views let go of the last one, and of its district. */
static void
forget_account (EdAccountsPage *self)
{
  g_clear_pointer (&self->account, ed_account_free);
  ed_account_budget_view_clear (ED_ACCOUNT_BUDGET_VIEW (self->budget_view));
  ed_account_spending_view_clear (ED_ACCOUNT_SPENDING_VIEW (self->spending_view));
  ed_account_apportion_view_clear (ED_ACCOUNT_APPORTION_VIEW (self->apportion_view));
  ed_account_claim_view_clear (ED_ACCOUNT_CLAIM_VIEW (self->claim_view));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
  show_switcher (self, FALSE);
}

static void
show_working (EdAccountsPage *self,
              gboolean        working)
{
  gboolean busy = working ||
                  ed_account_budget_view_is_busy (ED_ACCOUNT_BUDGET_VIEW (self->budget_view)) ||
                  ed_account_claim_view_is_busy (ED_ACCOUNT_CLAIM_VIEW (self->claim_view));

  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->loading_spinner), working);
}

typedef struct
{
  char      *election_id;
  EdAccount *account;
  GPtrArray *items;     /* EdAccountEntryItem, for the ledger */
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_free (load->election_id);
  g_clear_pointer (&load->account, ed_account_free);
  g_clear_pointer (&load->items, g_ptr_array_unref);
  g_free (load);
}

static gboolean
load_work (EdJob         *job,
           GObject       *connection,
           gpointer       task_data,
           GCancellable  *cancellable,
           GError       **error)
{
  Load *load = task_data;

  load->account = ed_account_load (ED_CONTEXT (connection), load->election_id, error);
  if (load->account == NULL)
    return FALSE;
  /* The ledger's rows too, while off the main thread. */
  load->items = ed_account_entry_items_new (load->account);
  return TRUE;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(EdAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Load *load;
  gboolean same_account;

  /* Only the latest account asked for is shown: the election may have changed since. */
  if (ED_JOB (source) != self->load_job)
    return;
  g_clear_object (&self->load_job);
  show_working (self, FALSE);
  if (!ed_job_run_finish (ED_JOB (source), result, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      forget_account (self);
      /* A status page's description is markup. */
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_status), escaped);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
      show_switcher (self, FALSE);
      update_actions (self);
      return;
    }
  load = ed_job_get_task_data (ED_JOB (source));
  same_account = self->account != NULL &&
                 g_str_equal (self->account->election->id, load->account->election->id);
  /* The views copy what they show, so the account they showed last can go. */
  g_clear_pointer (&self->account, ed_account_free);
  self->account = g_steal_pointer (&load->account);
  show_account (self, load->items, same_account);
  update_actions (self);
}

/* Reads the chosen election's account afresh, in a worker thread, if the page is on screen;
 * otherwise when it next is. */
static void
refresh (EdAccountsPage *self)
{
  Load *load;

  /* A read under way is of an election or a district no longer chosen. */
  g_clear_object (&self->load_job);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      show_working (self, FALSE);
      return;
    }
  self->stale = FALSE;
  if (self->context == NULL || chosen_election_id (self) == NULL)
    {
      forget_account (self);
      show_working (self, FALSE);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "no-elections");
      show_switcher (self, FALSE);
      update_actions (self);
      return;
    }
  if (self->account == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
      show_switcher (self, FALSE);
    }
  load = g_new0 (Load, 1);
  load->election_id = g_strdup (chosen_election_id (self));
  self->load_job = g_object_ref (ed_context_run_job_async (self->context, load_work, load,
                                                           load_free, NULL, loaded_cb,
                                                           g_object_ref (self)));
  show_working (self, TRUE);
}

/* --- the elections ------------------------------------------------------------------------ */

/* With no election there is nothing to choose, and the status page says why. */
static void
show_election_bar (EdAccountsPage *self)
{
  gtk_widget_set_visible (self->election_bar,
                          ed_election_chooser_get_elections (self->election_chooser)->len > 0);
}

static void
election_changed_cb (EdAccountsPage *self)
{
  if (!self->reading)
    refresh (self);
}

/**
 * ed_accounts_page_set_election:
 * @self: the page
 * @election_id: a poll's id or row id
 *
 * Shows the account of @election_id's combination, as choosing it above the views does. An
 * election the district does not have is ignored.
 */
void
ed_accounts_page_set_election (EdAccountsPage *self,
                               const char     *election_id)
{
  EdElection *election;

  g_return_if_fail (ED_IS_ACCOUNTS_PAGE (self));
  g_return_if_fail (election_id != NULL);

  election = ed_election_chooser_find (self->election_chooser, election_id);
  if (election != NULL)
    ed_election_chooser_set_election_id (self->election_chooser, election->id);
}

/**
 * ed_accounts_page_get_election:
 * @self: the page
 *
 * Returns: (nullable): the row id of the poll chosen; its account may be named by the first
 *   poll of its combination
 */
const char *
ed_accounts_page_get_election (EdAccountsPage *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNTS_PAGE (self), NULL);
  return chosen_election_id (self);
}

/**
 * ed_accounts_page_get_account:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the account the page shows, until it is read again
 */
const EdAccount *
ed_accounts_page_get_account (EdAccountsPage *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNTS_PAGE (self), NULL);
  return self->account;
}

/**
 * ed_accounts_page_is_busy:
 * @self: the page
 *
 * Returns: %TRUE while the account is being read, the payroll brought in or the statement
 *   written
 */
gboolean
ed_accounts_page_is_busy (EdAccountsPage *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNTS_PAGE (self), FALSE);
  return self->load_job != NULL ||
         ed_account_budget_view_is_busy (ED_ACCOUNT_BUDGET_VIEW (self->budget_view)) ||
         ed_account_claim_view_is_busy (ED_ACCOUNT_CLAIM_VIEW (self->claim_view));
}

/* --- the page ----------------------------------------------------------------------------- */

static void
ed_accounts_page_set_context (EdModulePage *page,
                              EdContext    *context)
{
  EdAccountsPage *self = ED_ACCOUNTS_PAGE (page);

  if (self->context != context)
    {
      forget_account (self);
      /* A search in one district's ledger means nothing in the next. */
      ed_account_spending_view_clear_filters (ED_ACCOUNT_SPENDING_VIEW (self->spending_view));
    }
  g_set_object (&self->context, context);
  self->reading = TRUE;
  ed_election_chooser_set_context (self->election_chooser, context);
  self->reading = FALSE;
  show_election_bar (self);
  update_actions (self);
  refresh (self);
}

/* Another desk's edits arrived: the elections and the account afresh, keeping the election
 * chosen, the view, the entry selected and the filters; a figure being typed stays. */
static void
ed_accounts_page_reload (EdModulePage *page)
{
  EdAccountsPage *self = ED_ACCOUNTS_PAGE (page);

  if (self->context == NULL)
    return;
  self->reading = TRUE;
  ed_election_chooser_reload (self->election_chooser);
  self->reading = FALSE;
  show_election_bar (self);
  refresh (self);
}

/* An account left to read until the page was shown is read now. */
static void
ed_accounts_page_map (GtkWidget *widget)
{
  EdAccountsPage *self = ED_ACCOUNTS_PAGE (widget);

  GTK_WIDGET_CLASS (ed_accounts_page_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
ed_accounts_page_dispose (GObject *object)
{
  EdAccountsPage *self = ED_ACCOUNTS_PAGE (object);

  g_clear_object (&self->load_job);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ed_accounts_page_parent_class)->dispose (object);
}

static void
ed_accounts_page_finalize (GObject *object)
{
  EdAccountsPage *self = ED_ACCOUNTS_PAGE (object);

  /* After the views, which showed it, have gone. */
  g_clear_pointer (&self->account, ed_account_free);

  G_OBJECT_CLASS (ed_accounts_page_parent_class)->finalize (object);
}

static void
ed_accounts_page_class_init (EdAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EdModulePageClass *page_class = ED_MODULE_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_accounts_page_dispose;
  object_class->finalize = ed_accounts_page_finalize;
  page_class->set_context = ed_accounts_page_set_context;
  page_class->reload = ed_accounts_page_reload;
  widget_class->map = ed_accounts_page_map;

  (void)ed_ui_get_resource ();
  g_type_ensure (ED_TYPE_ELECTION_CHOOSER);
  g_type_ensure (ED_TYPE_ACCOUNT_BUDGET_VIEW);
  g_type_ensure (ED_TYPE_ACCOUNT_SPENDING_VIEW);
  g_type_ensure (ED_TYPE_ACCOUNT_APPORTION_VIEW);
  g_type_ensure (ED_TYPE_ACCOUNT_CLAIM_VIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/accounts/ed-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, election_bar);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, election_chooser);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, polls_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, submission_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, views);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, apportion_page);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, budget_view);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, spending_view);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, apportion_view);
  gtk_widget_class_bind_template_child (widget_class, EdAccountsPage, claim_view);
  gtk_widget_class_bind_template_callback (widget_class, election_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_wrote_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_missing_evidence_cb);

  gtk_widget_class_install_action (widget_class, "accounts.add-entry", NULL,
                                   add_entry_action_cb);
  gtk_widget_class_install_action (widget_class, "accounts.bring-in-payroll", NULL,
                                   bring_in_payroll_action_cb);
  gtk_widget_class_install_action (widget_class, "accounts.submit", NULL, submit_action_cb);
  gtk_widget_class_install_action (widget_class, "accounts.focus-search", NULL,
                                   focus_search_action_cb);
  gtk_widget_class_install_action (widget_class, "accounts.save-statement", NULL,
                                   save_statement_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "accounts.add-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "accounts.focus-search", NULL);
}

/* The claim view says when submitting becomes possible, as the account changes. */
static void
can_submit_changed_cb (EdAccountsPage *self)
{
  update_actions (self);
}

/* Bringing in the payroll and writing the statement are work of the page's, shown by its
 * spinner. */
static void
view_busy_changed_cb (EdAccountsPage *self)
{
  show_working (self, self->load_job != NULL);
  update_actions (self);
}

static void
ed_accounts_page_init (EdAccountsPage *self)
{
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *title = adw_window_title_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The views are switched from the header, in the title's place. */
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_STACK (self->views));
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  g_object_bind_property (self, "title", title, "title", G_BINDING_SYNC_CREATE);
  self->title_stack = gtk_stack_new ();
  gtk_stack_set_hhomogeneous (GTK_STACK (self->title_stack), FALSE);
  gtk_stack_add_named (GTK_STACK (self->title_stack), title, "title");
  gtk_stack_add_named (GTK_STACK (self->title_stack), switcher, "switcher");
  ed_module_page_set_title_widget (ED_MODULE_PAGE (self), self->title_stack);
  show_switcher (self, FALSE);
  g_signal_connect_object (self->claim_view, "notify::can-submit",
                           G_CALLBACK (can_submit_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->budget_view, "notify::busy",
                           G_CALLBACK (view_busy_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->claim_view, "notify::busy",
                           G_CALLBACK (view_busy_changed_cb), self, G_CONNECT_SWAPPED);
  ed_accessible_name_buttons (GTK_WIDGET (self));
  show_election_bar (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "no-elections");
  update_actions (self);
}
