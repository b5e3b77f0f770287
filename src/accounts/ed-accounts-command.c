/* ed-accounts-command.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli accounts ACTION …: an election's account from the command line (issue 17
 * item 5). The actions that record something are here; those that show the account are in
 * ed-accounts-command-show.c. Money is typed and printed as £1,234.56, and written in pence
 * in JSON. */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accounts/ed-accounts-command.h"
#include "accounts/ed-accounts-command-private.h"
#include "core/ed-date.h"
#include "core/ed-value-error.h"

gboolean
_ed_accounts_parse_money (const char  *text,
                          const char  *option,
                          EdMoney     *out,
                          GError     **error)
{
  if (ed_money_parse (text, out, error))
    return TRUE;
  g_prefix_error (error, "%s: ", option);
  return FALSE;
}

gboolean
_ed_accounts_needs_election (const char *election_id,
                             const char *command,
                             int        *out_status)
{
  if (election_id != NULL)
    return TRUE;
  /* Translators: %s is the command as it should be typed */
  *out_status = ed_command_usage (command, _("Say which election: %s --election ID"), command);
  return FALSE;
}

/* Parses the options of an action that takes no arguments; FALSE with @out_status set. */
static gboolean
parse_options (GOptionContext  *option_context,
               const char      *command,
               const char      *summary,
               int             *argc,
               char          ***argv,
               int             *out_status)
{
  g_option_context_set_summary (option_context, summary);
  if (!ed_command_parse (option_context, command, argc, argv, out_status))
    return FALSE;
  if (*argc != 1)
    {
      /* Translators: %s is a command: "accounts spend" */
      *out_status = ed_command_usage (command, _("“%s” takes no arguments besides its options"),
                                      command);
      return FALSE;
    }
  return TRUE;
}

static int
accounts_estimate (const EdCommandGlobals  *globals,
                   int                      argc,
                   char                   **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (NULL);
  g_autoptr(EdContext) context = NULL;
  g_autofree char *election_id = NULL;
  g_autofree char *head_text = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *shown = NULL;
  GError *error = NULL;
  EdCostHead head;
  EdMoney amount;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { "head", 0, 0, G_OPTION_ARG_STRING, &head_text,
      N_("The cost head: ro_fees, staff_stations, poll_cards, premises…"), N_("HEAD") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, N_("The estimate"), N_("£") },
    { NULL }
  };

  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!parse_options (option_context, "accounts estimate",
                      _("Sets the estimate of one cost head of an election’s account, for the "
                        "budget against actual and a parliamentary poll’s advance."),
                      &argc, &argv, &status) ||
      !_ed_accounts_needs_election (election_id, "accounts estimate", &status))
    return status;
  if (head_text == NULL || amount_text == NULL)
    return ed_command_usage ("accounts estimate", _("Give the head and the amount: --head HEAD "
                                                    "--amount £"));
  if (!ed_cost_head_from_string (head_text, &head, &error) ||
      !_ed_accounts_parse_money (amount_text, "--amount", &amount, &error) ||
      (context = ed_command_open_existing (globals, &error)) == NULL ||
      !ed_account_set_estimate (context, election_id, head, amount, &error))
    return ed_command_fail (error);
  shown = ed_money_format (amount);
  /* Translators: a cost head, then an amount */
  g_print (_("Estimate for %s: %s.\n"), ed_cost_head_get_display_name (head), shown);
  return ED_COMMAND_EXIT_OK;
}

static int
accounts_spend (const EdCommandGlobals  *globals,
                int                      argc,
                char                   **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (NULL);
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) polls = g_ptr_array_new ();
  g_autofree char *election_id = NULL;
  g_autofree char *head_text = NULL;
  g_autofree char *supplier = NULL;
  g_autofree char *description = NULL;
  g_autofree char *invoice = NULL;
  g_autofree char *invoice_date_text = NULL;
  g_autofree char *net_text = NULL;
  g_autofree char *vat_text = NULL;
  g_autofree char *evidence_text = NULL;
  g_autofree char *entry_id = NULL;
  g_autofree char *shown = NULL;
  g_auto(GStrv) shared_with = NULL;
  EdAccountEntryNew entry = { .evidence = ED_EVIDENCE_INVOICE };
  GDate invoice_date;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The poll the cost is for"),
      N_("ID") },
    { "shared-with", 0, 0, G_OPTION_ARG_STRING_ARRAY, &shared_with,
      N_("Another poll of the combination that shares the cost (repeat for each)"), N_("ID") },
    { "head", 0, 0, G_OPTION_ARG_STRING, &head_text,
      N_("The cost head: ro_fees, staff_stations, poll_cards, premises…"), N_("HEAD") },
    { "supplier", 0, 0, G_OPTION_ARG_STRING, &supplier, N_("Who is paid"), N_("NAME") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What for"), N_("TEXT") },
    { "invoice", 0, 0, G_OPTION_ARG_STRING, &invoice, N_("The invoice’s number"), N_("NUMBER") },
    { "invoice-date", 0, 0, G_OPTION_ARG_STRING, &invoice_date_text, N_("The invoice’s date"),
      N_("DATE") },
    { "net", 0, 0, G_OPTION_ARG_STRING, &net_text, N_("The amount before VAT"), N_("£") },
    { "vat", 0, 0, G_OPTION_ARG_STRING, &vat_text, N_("The VAT (none when not given)"), N_("£") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &evidence_text,
      N_("What is held: invoice (the default), receipt, contract or none"), N_("KIND") },
    { NULL }
  };

  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!parse_options (option_context, "accounts spend",
                      _("Enters a cost in an election’s account: solely for that poll, or "
                        "shared with other polls of its combination, which split it equally."),
                      &argc, &argv, &status) ||
      !_ed_accounts_needs_election (election_id, "accounts spend", &status))
    return status;
  if (head_text == NULL || supplier == NULL || net_text == NULL)
    return ed_command_usage ("accounts spend", _("Give at least the head, the supplier and the "
                                                 "net amount: --head HEAD --supplier NAME "
                                                 "--net £"));
  g_date_clear (&invoice_date, 1);
  if (!ed_cost_head_from_string (head_text, &entry.head, &error) ||
      (evidence_text != NULL && !ed_evidence_from_string (evidence_text, &entry.evidence,
                                                          &error)) ||
      !_ed_accounts_parse_money (net_text, "--net", &entry.net, &error) ||
      (vat_text != NULL && !_ed_accounts_parse_money (vat_text, "--vat", &entry.vat, &error)))
    return ed_command_fail (error);
  if (invoice_date_text != NULL && !ed_date_parse (invoice_date_text, &invoice_date, &error))
    {
      g_prefix_error (&error, "--invoice-date: ");
      return ed_command_fail (error);
    }
  g_ptr_array_add (polls, election_id);
  for (guint i = 0; shared_with != NULL && shared_with[i] != NULL; i++)
    g_ptr_array_add (polls, shared_with[i]);
  g_ptr_array_add (polls, NULL);
  entry.supplier = supplier;
  entry.description = description;
  entry.invoice_number = invoice;
  entry.invoice_date = &invoice_date;
  entry.polls = (const char * const *)polls->pdata;

  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (entry_id = ed_account_add_entry (context, &entry, &error)) == NULL)
    return ed_command_fail (error);
  shown = ed_money_format (entry.net + entry.vat);
  /* Translators: an entry's id, an amount, then a cost head */
  g_print (_("Entered %s: %s under %s.\n"), entry_id, shown,
           ed_cost_head_get_display_name (entry.head));
  return ED_COMMAND_EXIT_OK;
}

static int
accounts_reverse (const EdCommandGlobals  *globals,
                  int                      argc,
                  char                   **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (_("ENTRY"));
  g_autoptr(EdContext) context = NULL;
  g_autofree char *reversal = NULL;
  GError *error = NULL;
  int status;

  g_option_context_set_summary (option_context,
                                _("Takes an entry back with a reversing entry: entries are "
                                  "never edited or deleted, and the account shows both."));
  if (!ed_command_parse (option_context, "accounts reverse", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ed_command_usage ("accounts reverse", _("Name the entry to reverse by its id, as "
                                                   "“accounts list” shows it"));
  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (reversal = ed_account_reverse_entry (context, argv[1], &error)) == NULL)
    return ed_command_fail (error);
  /* Translators: both %s are entries' ids */
  g_print (_("Reversed %s by %s.\n"), argv[1], reversal);
  return ED_COMMAND_EXIT_OK;
}

static int
accounts_payroll (const EdCommandGlobals  *globals,
                  int                      argc,
                  char                   **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (NULL);
  g_autoptr(EdContext) context = NULL;
  g_autofree char *election_id = NULL;
  GError *error = NULL;
  guint added;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { NULL }
  };

  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!parse_options (option_context, "accounts payroll",
                      _("Brings the approved payroll runs of the account’s polls into it as "
                        "entries by cost head, each run once."),
                      &argc, &argv, &status) ||
      !_ed_accounts_needs_election (election_id, "accounts payroll", &status))
    return status;
  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (added = ed_account_bring_in_payroll (context, election_id, &error)) == 0)
    return ed_command_fail (error);
  g_print (ngettext ("Brought in %u entry from the payroll.\n",
                     "Brought in %u entries from the payroll.\n", added),
           added);
  return ED_COMMAND_EXIT_OK;
}

static int
accounts_mra (const EdCommandGlobals  *globals,
              int                      argc,
              char                   **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (NULL);
  g_autoptr(EdContext) context = NULL;
  g_autofree char *election_id = NULL;
  g_autofree char *services = NULL;
  g_autofree char *expenses = NULL;
  g_autofree char *overall = NULL;
  g_autofree char *order = NULL;
  EdMra mra;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The UK Parliamentary poll"),
      N_("ID") },
    { "services", 0, 0, G_OPTION_ARG_STRING, &services,
      N_("The maximum for specified services (the order’s second column)"), N_("£") },
    { "expenses", 0, 0, G_OPTION_ARG_STRING, &expenses,
      N_("The maximum for specified expenses (its third column)"), N_("£") },
    { "overall", 0, 0, G_OPTION_ARG_STRING, &overall,
      N_("The overall maximum (its fourth column), as printed"), N_("£") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order, N_("The order: “SI 2024/693”"), N_("TEXT") },
    { NULL }
  };

  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!parse_options (option_context, "accounts mra",
                      _("Records a constituency’s maximum recoverable amounts as the charges "
                        "order’s table prints them. The overall figure is the order’s own: it "
                        "is not always the other two added up."),
                      &argc, &argv, &status) ||
      !_ed_accounts_needs_election (election_id, "accounts mra", &status))
    return status;
  if (services == NULL || expenses == NULL || overall == NULL)
    return ed_command_usage ("accounts mra", _("Give all three figures: --services £ "
                                               "--expenses £ --overall £"));
  if (!_ed_accounts_parse_money (services, "--services", &mra.services, &error) ||
      !_ed_accounts_parse_money (expenses, "--expenses", &mra.expenses, &error) ||
      !_ed_accounts_parse_money (overall, "--overall", &mra.overall, &error) ||
      (context = ed_command_open_existing (globals, &error)) == NULL ||
      !ed_account_set_mra (context, election_id, &mra, order, &error))
    return ed_command_fail (error);
  g_print ("%s\n", _("Recorded the maximum recoverable amounts."));
  return ED_COMMAND_EXIT_OK;
}

static int
accounts_fee_scale (const EdCommandGlobals  *globals,
                    int                      argc,
                    char                   **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (NULL);
  g_autoptr(EdContext) context = NULL;
  g_autofree char *election_id = NULL;
  g_autofree char *per_election = NULL;
  g_autofree char *per_1000 = NULL;
  g_autofree char *per_area = NULL;
  EdFeeScale scale = { 0 };
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The local poll"), N_("ID") },
    { "per-election", 0, 0, G_OPTION_ARG_STRING, &per_election, N_("A sum for the election"),
      N_("£") },
    { "per-1000-electors", 0, 0, G_OPTION_ARG_STRING, &per_1000,
      N_("So much for each 1,000 electors"), N_("£") },
    { "per-contested-area", 0, 0, G_OPTION_ARG_STRING, &per_area,
      N_("So much for each contested ward or parish"), N_("£") },
    { NULL }
  };

  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!parse_options (option_context, "accounts fee-scale",
                      _("Records the council’s scale for the returning officer’s fee at a local "
                        "poll; a part not given is nothing."),
                      &argc, &argv, &status) ||
      !_ed_accounts_needs_election (election_id, "accounts fee-scale", &status))
    return status;
  if ((per_election != NULL &&
       !_ed_accounts_parse_money (per_election, "--per-election", &scale.per_election, &error)) ||
      (per_1000 != NULL &&
       !_ed_accounts_parse_money (per_1000, "--per-1000-electors", &scale.per_1000_electors,
                                  &error)) ||
      (per_area != NULL &&
       !_ed_accounts_parse_money (per_area, "--per-contested-area", &scale.per_contested_area,
                                  &error)) ||
      (context = ed_command_open_existing (globals, &error)) == NULL ||
      !ed_account_set_fee_scale (context, election_id, &scale, &error))
    return ed_command_fail (error);
  g_print ("%s\n", _("Recorded the fee scale."));
  return ED_COMMAND_EXIT_OK;
}

static int
accounts_recharge (const EdCommandGlobals  *globals,
                   int                      argc,
                   char                   **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (_("additional|equal_share"));
  g_autoptr(EdContext) context = NULL;
  g_autofree char *election_id = NULL;
  EdParishRecharge recharge;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { NULL }
  };

  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (option_context,
                                _("Chooses what the account’s parish polls are recharged: "
                                  "their additional cost only (the default), or an equal share "
                                  "of what the polls share."));
  if (!ed_command_parse (option_context, "accounts recharge", &argc, &argv, &status) ||
      !_ed_accounts_needs_election (election_id, "accounts recharge", &status))
    return status;
  if (argc != 2)
    return ed_command_usage ("accounts recharge", _("Say additional or equal_share"));
  if (!ed_parish_recharge_from_string (argv[1], &recharge, &error) ||
      (context = ed_command_open_existing (globals, &error)) == NULL ||
      !ed_account_set_parish_recharge (context, election_id, recharge, &error))
    return ed_command_fail (error);
  g_print ("%s\n", ed_parish_recharge_get_display_name (recharge));
  return ED_COMMAND_EXIT_OK;
}

static int
accounts_lock (const EdCommandGlobals  *globals,
               int                      argc,
               char                   **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (NULL);
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdAccount) account = NULL;
  g_autofree char *election_id = NULL;
  g_autofree char *by = NULL;
  g_autofree char *lock_id = NULL;
  g_autofree char *total = NULL;
  EdAccountLock *lock;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Who submits it (the desk’s user when not given)"), N_("NAME") },
    { NULL }
  };

  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!parse_options (option_context, "accounts lock",
                      _("Records the account as submitted, with its entries and total. "
                        "Entries made after it are shown apart in its history."),
                      &argc, &argv, &status) ||
      !_ed_accounts_needs_election (election_id, "accounts lock", &status))
    return status;
  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (lock_id = ed_account_lock (context, election_id, by, &error)) == NULL ||
      (account = ed_account_load (context, election_id, &error)) == NULL)
    return ed_command_fail (error);
  lock = g_ptr_array_index (account->locks, account->locks->len - 1);
  total = ed_money_format (lock->total);
  g_print (ngettext ("Submitted the account of %s: %u entry, %s.\n",
                     "Submitted the account of %s: %u entries, %s.\n", lock->entries),
           account->election->slug, lock->entries, total);
  return ED_COMMAND_EXIT_OK;
}

/* In the order `accounts --help` lists them. */
static const EdAccountsAction actions[] = {
  { "estimate", accounts_estimate, "--election ID --head HEAD --amount £",
    N_("Set the estimate of a cost head") },
  { "spend", accounts_spend,
    "--election ID --head HEAD --supplier NAME --net £ [--vat £] [--description TEXT] "
    "[--invoice NUMBER] [--invoice-date DATE] [--evidence KIND] [--shared-with ID…]",
    N_("Enter a cost, solely for a poll or shared with others of its combination") },
  { "reverse", accounts_reverse, "ENTRY", N_("Take an entry back with a reversing entry") },
  { "payroll", accounts_payroll, "--election ID",
    N_("Bring the approved payroll in as entries") },
  { "list", _ed_accounts_command_list, "--election ID [--json]",
    N_("The account: heads with estimate, spent and remaining, and every entry") },
  { "apportion", _ed_accounts_command_apportion, "--election ID [--json]",
    N_("How each cost is split among the polls of the combination") },
  { "statement", _ed_accounts_command_statement, "--election ID -o FILE.pdf|FILE.xlsx",
    N_("The statement of the account, as PDF or as a workbook") },
  { "mra", accounts_mra, "--election ID --services £ --expenses £ --overall £ [--order TEXT]",
    N_("Record a parliamentary poll’s maximum recoverable amounts") },
  { "fee-scale", accounts_fee_scale,
    "--election ID [--per-election £] [--per-1000-electors £] [--per-contested-area £]",
    N_("Record the council’s scale for the returning officer’s fee") },
  { "recharge", accounts_recharge, "--election ID additional|equal_share",
    N_("Choose what parish polls are recharged") },
  { "lock", accounts_lock, "--election ID [--by NAME]", N_("Record the account as submitted") },
  { NULL }
};

static void
print_help (void)
{
  g_print ("%s\n  electoral-desk-cli accounts ACTION …\n\n%s\n\n", _("Usage:"),
           _("The returning officer’s account of an election and the polls combined with it. "
             "Each action has --help of its own."));
  for (const EdAccountsAction *action = actions; action->name != NULL; action++)
    g_print ("  %s %s\n      %s\n", action->name, action->usage, _(action->summary));
}

/**
 * ed_accounts_command:
 * @globals: the options before the command's name
 * @argc: the number of arguments, the command's name first
 * @argv: (array length=argc): the arguments
 *
 * Runs `electoral-desk-cli accounts ACTION …`.
 *
 * Returns: the exit status
 */
int
ed_accounts_command (const EdCommandGlobals  *globals,
                     int                      argc,
                     char                   **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help ();
      return argc < 2 ? ED_COMMAND_EXIT_USAGE : ED_COMMAND_EXIT_OK;
    }
  for (const EdAccountsAction *action = actions; action->name != NULL; action++)
    if (g_str_equal (argv[1], action->name))
      return action->run (globals, argc - 1, argv + 1);
  return ed_command_usage (argv[0], _("“%s” is not an action of %s; --help lists them"),
                           argv[1], argv[0]);
}
