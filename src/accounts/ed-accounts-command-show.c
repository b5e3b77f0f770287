/* ed-accounts-command-show.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli accounts list and apportion: an account as it stands, as text or as JSON
 * with money in pence. */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accounts/ed-account-document.h"
#include "accounts/ed-account-statement.h"
#include "accounts/ed-accounts-command-private.h"
#include "core/ed-date.h"

/* JSON ----------------------------------------------------------------------------------------- */

static void
json_add_date (JsonBuilder *builder,
               const char  *name,
               const GDate *date)
{
  g_autofree char *text = g_date_valid (date) ? ed_date_format_iso (date) : g_strdup ("");

  ed_command_json_add_string (builder, name, text);
}

static void
json_add_entry (JsonBuilder    *builder,
                EdAccount      *account,
                EdAccountEntry *entry)
{
  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "id", entry->id);
  ed_command_json_add_string (builder, "head", ed_cost_head_to_string (entry->head));
  ed_command_json_add_string (builder, "supplier", entry->supplier);
  ed_command_json_add_string (builder, "description", entry->description);
  ed_command_json_add_string (builder, "invoice_number", entry->invoice_number);
  json_add_date (builder, "invoice_date", &entry->invoice_date);
  ed_command_json_add_int (builder, "net", entry->net);
  ed_command_json_add_int (builder, "vat", entry->vat);
  ed_command_json_add_int (builder, "gross", entry->gross);
  ed_command_json_add_string (builder, "evidence", ed_evidence_to_string (entry->evidence));
  ed_command_json_add_int (builder, "sharing", entry->sharing);
  json_builder_set_member_name (builder, "shares");
  json_builder_begin_object (builder);
  for (guint p = 0; p < ed_account_n_polls (account); p++)
    ed_command_json_add_int (builder, ed_account_get_poll (account, p)->election->slug,
                             entry->shares[p]);
  json_builder_end_object (builder);
  ed_command_json_add_string (builder, "pay_run", entry->pay_run);
  ed_command_json_add_string (builder, "reverses", entry->reverses);
  ed_command_json_add_string (builder, "reversed_by", entry->reversed_by);
  ed_command_json_add_string (builder, "after_lock", entry->after_lock);
  json_add_date (builder, "entered_on", &entry->entered_on);
  ed_command_json_add_string (builder, "entered_by", entry->entered_by);
  json_builder_end_object (builder);
}

static void
json_add_heads (JsonBuilder   *builder,
                const EdMoney *spent)
{
  json_builder_set_member_name (builder, "heads");
  json_builder_begin_object (builder);
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    if (spent[h] != 0)
      ed_command_json_add_int (builder, ed_cost_head_to_string (h), spent[h]);
  json_builder_end_object (builder);
}

static void
json_add_summary (JsonBuilder *builder,
                  EdAccount   *account,
                  gint         poll)
{
  g_autoptr(GPtrArray) rows = ed_account_statement_summary (account, poll);

  json_builder_set_member_name (builder, "statement");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      EdStatementRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "label", row->label);
      ed_command_json_add_int (builder, "amount", row->amount);
      ed_command_json_add_boolean (builder, "in_total", row->in_total);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
json_add_polls (JsonBuilder *builder,
                EdAccount   *account)
{
  json_builder_set_member_name (builder, "polls");
  json_builder_begin_array (builder);
  for (guint p = 0; p < ed_account_n_polls (account); p++)
    {
      EdAccountPoll *poll = ed_account_get_poll (account, p);

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "election", poll->election->slug);
      ed_command_json_add_string (builder, "kind", ed_election_kind_to_string (poll->election->kind));
      ed_command_json_add_string (builder, "title", poll->election->title);
      ed_command_json_add_int (builder, "total", poll->total);
      json_add_heads (builder, poll->spent);
      if (poll->has_fee_scale)
        {
          ed_command_json_add_int (builder, "electors", poll->electors);
          ed_command_json_add_int (builder, "contested", poll->contested);
          ed_command_json_add_int (builder, "scale_fee", poll->scale_fee);
          ed_command_json_add_int (builder, "fee_over_scale", poll->fee_over_scale);
        }
      json_add_summary (builder, account, (gint)p);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
json_add_claim (JsonBuilder *builder,
                EdAccount   *account)
{
  if (account->parliamentary < 0)
    return;
  json_builder_set_member_name (builder, "claim");
  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "election",
                              ed_account_get_poll (account, (guint)account->parliamentary)
                                ->election->slug);
  ed_command_json_add_boolean (builder, "mra_entered", account->has_mra);
  if (account->has_mra)
    {
      ed_command_json_add_int (builder, "mra_services", account->mra.services);
      ed_command_json_add_int (builder, "mra_expenses", account->mra.expenses);
      ed_command_json_add_int (builder, "mra_overall", account->mra.overall);
      ed_command_json_add_string (builder, "mra_source", account->mra_source);
    }
  ed_command_json_add_int (builder, "services_claimed", account->recoverable.services_claimed);
  ed_command_json_add_int (builder, "expenses_claimed", account->recoverable.expenses_claimed);
  ed_command_json_add_int (builder, "services_over_cap", account->recoverable.services_over_cap);
  ed_command_json_add_int (builder, "expenses_over_cap", account->recoverable.expenses_over_cap);
  ed_command_json_add_int (builder, "over_overall", account->recoverable.over_overall);
  ed_command_json_add_int (builder, "recoverable", account->recoverable.recoverable);
  ed_command_json_add_int (builder, "advance", account->advance);
  json_add_date (builder, "deadline", &account->claim_deadline);
  json_builder_end_object (builder);
}

static void
print_account_json (EdAccount *account,
                    gboolean   with_entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "election", account->election->slug);
  ed_command_json_add_string (builder, "parish_recharge",
                              ed_parish_recharge_to_string (account->parish_recharge));
  json_add_polls (builder, account);
  json_builder_set_member_name (builder, "budget");
  json_builder_begin_array (builder);
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    if (account->estimate[h] != 0 || account->spent[h] != 0)
      {
        json_builder_begin_object (builder);
        ed_command_json_add_string (builder, "head", ed_cost_head_to_string (h));
        ed_command_json_add_int (builder, "estimate", account->estimate[h]);
        ed_command_json_add_int (builder, "spent", account->spent[h]);
        ed_command_json_add_int (builder, "remaining", account->estimate[h] - account->spent[h]);
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);
  ed_command_json_add_int (builder, "estimate", account->estimate_total);
  ed_command_json_add_int (builder, "net", account->net);
  ed_command_json_add_int (builder, "vat", account->vat);
  ed_command_json_add_int (builder, "total", account->total);
  ed_command_json_add_int (builder, "missing_evidence", account->missing_evidence);
  json_add_summary (builder, account, -1);
  json_add_claim (builder, account);
  json_builder_set_member_name (builder, "submissions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < account->locks->len; i++)
    {
      EdAccountLock *lock = g_ptr_array_index (account->locks, i);

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "id", lock->id);
      json_add_date (builder, "locked_on", &lock->locked_on);
      ed_command_json_add_string (builder, "locked_by", lock->locked_by);
      ed_command_json_add_int (builder, "entries", lock->entries);
      ed_command_json_add_int (builder, "total", lock->total);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  ed_command_json_add_int (builder, "entries_after_submission", account->after_lock);
  ed_command_json_add_boolean (builder, "changed_since_submission", account->changed_since_lock);
  if (with_entries)
    {
      json_builder_set_member_name (builder, "entries");
      json_builder_begin_array (builder);
      for (guint i = 0; i < account->entries->len; i++)
        json_add_entry (builder, account, g_ptr_array_index (account->entries, i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

/* Text ----------------------------------------------------------------------------------------- */

static void
print_title (EdAccount *account)
{
  g_autofree char *poll = ed_date_format_long (&account->election->poll);

  g_print ("%s — %s\n", account->election->slug, account->election->title);
  /* Translators: %s is a date */
  g_print (_("Polling day %s\n"), poll);
  for (guint p = 1; p < ed_account_n_polls (account); p++)
    /* Translators: an election's id, then its title */
    g_print (_("  combined with %s — %s\n"), ed_account_get_poll (account, p)->election->slug,
             ed_account_get_poll (account, p)->election->title);
  if (account->locks->len == 0)
    g_print ("%s\n", _("Not yet submitted."));
  else
    {
      EdAccountLock *lock = g_ptr_array_index (account->locks, account->locks->len - 1);
      g_autofree char *day = ed_date_format_long (&lock->locked_on);

      /* Translators: a date, then a person's name */
      g_print (_("Submitted on %s by %s.\n"), day, lock->locked_by);
      if (account->after_lock > 0)
        g_print (ngettext ("%u entry made since.\n", "%u entries made since.\n",
                           account->after_lock),
                 account->after_lock);
      if (account->changed_since_lock)
        g_print ("%s\n", _("Warning: the entries it covered have changed since it was "
                           "submitted."));
    }
}

static void
print_account_text (EdAccount *account)
{
  g_autoptr(GPtrArray) rows = ed_account_statement_summary (account, -1);
  g_autofree char *estimate = ed_money_format (account->estimate_total);
  g_autofree char *total = ed_money_format (account->total);
  g_autofree char *remaining = ed_money_format (account->estimate_total - account->total);

  print_title (account);
  g_print ("\n%-40s %14s %14s %14s\n", _("Head"), _("Estimate"), _("Spent"), _("Remaining"));
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    if (account->estimate[h] != 0 || account->spent[h] != 0)
      {
        g_autofree char *e = ed_money_format (account->estimate[h]);
        g_autofree char *s = ed_money_format (account->spent[h]);
        g_autofree char *r = ed_money_format (account->estimate[h] - account->spent[h]);

        g_print ("%-40s %14s %14s %14s\n", ed_cost_head_get_display_name (h), e, s, r);
      }
  g_print ("%-40s %14s %14s %14s\n", _("Total"), estimate, total, remaining);

  g_print ("\n%s\n", _("Statement:"));
  for (guint i = 0; i < rows->len; i++)
    {
      EdStatementRow *row = g_ptr_array_index (rows, i);
      g_autofree char *amount = ed_money_format (row->amount);

      g_print ("  %-70s %14s\n", row->label, amount);
    }

  g_print ("\n%s\n", _("Entries:"));
  for (guint i = 0; i < account->entries->len; i++)
    {
      EdAccountEntry *entry = g_ptr_array_index (account->entries, i);
      g_autofree char *gross = ed_money_format (entry->gross);
      g_autofree char *day = ed_date_format_iso (&entry->entered_on);
      g_autoptr(GString) notes = g_string_new (NULL);

      if (entry->sharing > 1)
        /* Translators: %u is a number of polls */
        g_string_append_printf (notes, _(" · shared by %u polls"), entry->sharing);
      if (entry->reverses[0] != '\0')
        /* Translators: %s is an entry's id */
        g_string_append_printf (notes, _(" · reverses %s"), entry->reverses);
      if (entry->reversed_by[0] != '\0')
        /* Translators: %s is an entry's id */
        g_string_append_printf (notes, _(" · reversed by %s"), entry->reversed_by);
      if (entry->after_lock[0] != '\0')
        g_string_append (notes, _(" · after submission"));
      g_print ("  %s  %s  %-30s %-28s %14s  %s%s\n", entry->id, day,
               ed_cost_head_get_display_name (entry->head), entry->supplier, gross,
               ed_evidence_get_display_name (entry->evidence), notes->str);
    }
  if (account->missing_evidence > 0)
    g_print (ngettext ("\n%u entry has no evidence held.\n",
                       "\n%u entries have no evidence held.\n", account->missing_evidence),
             account->missing_evidence);
}

static void
print_apportion_text (EdAccount *account)
{
  guint n_polls = ed_account_n_polls (account);

  print_title (account);
  g_print ("\n%s\n", account->parish_recharge == ED_PARISH_RECHARGE_ADDITIONAL
                       ? _("Shared costs are split equally among the polls that share them, "
                           "the odd penny to the first; parish polls bear their additional "
                           "cost only.")
                       : _("Shared costs are split equally among the polls that share them, "
                           "the odd penny to the first; parish polls bear an equal share."));
  for (guint i = 0; i < account->entries->len; i++)
    {
      EdAccountEntry *entry = g_ptr_array_index (account->entries, i);
      g_autofree char *gross = ed_money_format (entry->gross);

      g_print ("\n%s  %s · %s  %s\n", entry->id, entry->supplier,
               ed_cost_head_get_display_name (entry->head), gross);
      for (guint p = 0; p < n_polls; p++)
        {
          g_autofree char *share = ed_money_format (entry->shares[p]);

          g_print ("    %-50s %14s\n", ed_account_get_poll (account, p)->election->slug, share);
        }
    }
  g_print ("\n%s\n", _("Each poll’s share:"));
  for (guint p = 0; p < n_polls; p++)
    {
      EdAccountPoll *poll = ed_account_get_poll (account, p);
      g_autofree char *total = ed_money_format (poll->total);

      g_print ("  %-52s %14s\n", poll->election->slug, total);
    }
}

/* Actions --------------------------------------------------------------------------------------- */

static int
show (const EdCommandGlobals  *globals,
      int                      argc,
      char                   **argv,
      const char              *command,
      const char              *summary,
      gboolean                 apportion)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (NULL);
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdAccount) account = NULL;
  g_autofree char *election_id = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the account as JSON, money in pence"),
      NULL },
    { NULL }
  };

  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (option_context, summary);
  if (!ed_command_parse (option_context, command, &argc, &argv, &status))
    return status;
  if (argc != 1)
    /* Translators: %s is a command: "accounts list" */
    return ed_command_usage (command, _("“%s” takes no arguments besides its options"), command);
  if (!_ed_accounts_needs_election (election_id, command, &status))
    return status;
  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (account = ed_account_load (context, election_id, &error)) == NULL)
    return ed_command_fail (error);
  if (json)
    print_account_json (account, TRUE);
  else if (apportion)
    print_apportion_text (account);
  else
    print_account_text (account);
  return ED_COMMAND_EXIT_OK;
}

int
_ed_accounts_command_list (const EdCommandGlobals  *globals,
                           int                      argc,
                           char                   **argv)
{
  return show (globals, argc, argv, "accounts list",
               _("Shows an election’s account: each head’s estimate, spending and what "
                 "remains, the statement, and every entry. Changes nothing."),
               FALSE);
}

int
_ed_accounts_command_apportion (const EdCommandGlobals  *globals,
                                int                      argc,
                                char                   **argv)
{
  return show (globals, argc, argv, "accounts apportion",
               _("Shows how each cost of an account is split among the polls of its "
                 "combination, and what falls to each poll. Changes nothing."),
               TRUE);
}

int
_ed_accounts_command_statement (const EdCommandGlobals  *globals,
                                int                      argc,
                                char                   **argv)
{
  g_autoptr(GOptionContext) option_context = g_option_context_new (NULL);
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdAccount) account = NULL;
  g_autofree char *election_id = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lower = NULL;
  gboolean xlsx;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: .pdf for the statement, .xlsx for a workbook"), N_("FILE") },
    { NULL }
  };

  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (option_context,
                                _("Writes the statement of an election’s account: its summary "
                                  "as the published statements lay it out, budget against "
                                  "actual, the claim or the fee scale, the split among combined "
                                  "polls, the ledger and the evidence still to get."));
  if (!ed_command_parse (option_context, "accounts statement", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("accounts statement",
                             _("“%s” takes no arguments besides its options"),
                             "accounts statement");
  if (!_ed_accounts_needs_election (election_id, "accounts statement", &status))
    return status;
  if (output == NULL)
    return ed_command_usage ("accounts statement", _("Say where to write it: -o FILE.pdf or "
                                                     "-o FILE.xlsx"));
  lower = g_ascii_strdown (output, -1);
  xlsx = g_str_has_suffix (lower, ".xlsx");
  if (!xlsx && !g_str_has_suffix (lower, ".pdf"))
    return ed_command_usage ("accounts statement", _("The file must end in .pdf or .xlsx"));
  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (account = ed_account_load (context, election_id, &error)) == NULL)
    return ed_command_fail (error);
  if (xlsx ? !ed_account_statement_write_xlsx (account, output, &error)
           : !ed_account_statement_write_pdf (
               account,
               ed_district_settings_get_council_name (ed_context_get_settings (context)),
               output, &error))
    return ed_command_fail (error);
  /* Translators: %s is a file's name */
  g_print (_("Wrote %s.\n"), output);
  return ED_COMMAND_EXIT_OK;
}
