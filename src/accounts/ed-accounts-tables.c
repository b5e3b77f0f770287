/* ed-accounts-tables.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The module's synced tables as the change set, merge and validators see them (the SQL is in
 * sql/0021-accounts.sql), and the validators that say what two desks, or a hand outside the
 * app, can leave wrong in them. */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accounts/ed-account-private.h"
#include "accounts/ed-accounts-resources.h"
#include "accounts/ed-accounts-tables.h"
#include "changes/ed-validate.h"
#include "core/ed-date.h"

static const EdColumnDef account_estimate_columns[] = {
  [ED_ACCOUNT_ESTIMATE_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_ACCOUNT_ESTIMATE_COL_HEAD] = { "head", ED_VALUE_TEXT },
  [ED_ACCOUNT_ESTIMATE_COL_AMOUNT] = { "amount", ED_VALUE_MONEY },
};
G_STATIC_ASSERT (G_N_ELEMENTS (account_estimate_columns) == ED_ACCOUNT_ESTIMATE_N_COLS);

static const EdColumnDef account_entry_columns[] = {
  [ED_ACCOUNT_ENTRY_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_ACCOUNT_ENTRY_COL_HEAD] = { "head", ED_VALUE_TEXT },
  [ED_ACCOUNT_ENTRY_COL_SUPPLIER] = { "supplier", ED_VALUE_TEXT },
  [ED_ACCOUNT_ENTRY_COL_DESCRIPTION] = { "description", ED_VALUE_TEXT },
  [ED_ACCOUNT_ENTRY_COL_INVOICE_NUMBER] = { "invoice_number", ED_VALUE_TEXT },
  [ED_ACCOUNT_ENTRY_COL_INVOICE_DATE] = { "invoice_date", ED_VALUE_DATE },
  [ED_ACCOUNT_ENTRY_COL_NET] = { "net", ED_VALUE_MONEY },
  [ED_ACCOUNT_ENTRY_COL_VAT] = { "vat", ED_VALUE_MONEY },
  [ED_ACCOUNT_ENTRY_COL_POLLS] = { "polls", ED_VALUE_TEXT },
  [ED_ACCOUNT_ENTRY_COL_EVIDENCE] = { "evidence", ED_VALUE_TEXT },
  [ED_ACCOUNT_ENTRY_COL_PAY_RUN] = { "pay_run", ED_VALUE_TEXT },
  [ED_ACCOUNT_ENTRY_COL_REVERSES] = { "reverses", ED_VALUE_TEXT },
  [ED_ACCOUNT_ENTRY_COL_AFTER_LOCK] = { "after_lock", ED_VALUE_TEXT },
  [ED_ACCOUNT_ENTRY_COL_ENTERED_ON] = { "entered_on", ED_VALUE_DATE },
  [ED_ACCOUNT_ENTRY_COL_ENTERED_BY] = { "entered_by", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (account_entry_columns) == ED_ACCOUNT_ENTRY_N_COLS);

static const EdColumnDef account_mra_columns[] = {
  [ED_ACCOUNT_MRA_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_ACCOUNT_MRA_COL_SERVICES] = { "services", ED_VALUE_MONEY },
  [ED_ACCOUNT_MRA_COL_EXPENSES] = { "expenses", ED_VALUE_MONEY },
  [ED_ACCOUNT_MRA_COL_OVERALL] = { "overall", ED_VALUE_MONEY },
  [ED_ACCOUNT_MRA_COL_SOURCE] = { "source", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (account_mra_columns) == ED_ACCOUNT_MRA_N_COLS);

static const EdColumnDef account_fee_scale_columns[] = {
  [ED_ACCOUNT_FEE_SCALE_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_ACCOUNT_FEE_SCALE_COL_PER_ELECTION] = { "per_election", ED_VALUE_MONEY },
  [ED_ACCOUNT_FEE_SCALE_COL_PER_1000_ELECTORS] = { "per_1000_electors", ED_VALUE_MONEY },
  [ED_ACCOUNT_FEE_SCALE_COL_PER_CONTESTED_AREA] = { "per_contested_area", ED_VALUE_MONEY },
};
G_STATIC_ASSERT (G_N_ELEMENTS (account_fee_scale_columns) == ED_ACCOUNT_FEE_SCALE_N_COLS);

static const EdColumnDef account_lock_columns[] = {
  [ED_ACCOUNT_LOCK_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_ACCOUNT_LOCK_COL_LOCKED_ON] = { "locked_on", ED_VALUE_DATE },
  [ED_ACCOUNT_LOCK_COL_LOCKED_BY] = { "locked_by", ED_VALUE_TEXT },
  [ED_ACCOUNT_LOCK_COL_ENTRIES] = { "entries", ED_VALUE_INTEGER },
  [ED_ACCOUNT_LOCK_COL_TOTAL] = { "total", ED_VALUE_MONEY },
  [ED_ACCOUNT_LOCK_COL_DIGEST] = { "digest", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (account_lock_columns) == ED_ACCOUNT_LOCK_N_COLS);

static const EdColumnDef account_setup_columns[] = {
  [ED_ACCOUNT_SETUP_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_ACCOUNT_SETUP_COL_PARISH_RECHARGE] = { "parish_recharge", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (account_setup_columns) == ED_ACCOUNT_SETUP_N_COLS);

#define TABLE(name, columns) { name, columns, G_N_ELEMENTS (columns) }

const EdTableDef ed_account_estimate_table = TABLE ("account_estimate", account_estimate_columns);
const EdTableDef ed_account_entry_table = TABLE ("account_entry", account_entry_columns);
const EdTableDef ed_account_mra_table = TABLE ("account_mra", account_mra_columns);
const EdTableDef ed_account_fee_scale_table = TABLE ("account_fee_scale", account_fee_scale_columns);
const EdTableDef ed_account_lock_table = TABLE ("account_lock", account_lock_columns);
const EdTableDef ed_account_setup_table = TABLE ("account_setup", account_setup_columns);

static gboolean
validate_references (EdReplica  *replica,
                     GPtrArray  *items,
                     GError    **error)
{
  static const struct
  {
    const char *table;
    const char *column;
    const char *target;
  } references[] = {
    { "account_estimate", "election", "election" },
    { "account_entry", "election", "election" },
    { "account_entry", "pay_run", "payroll_run" },
    { "account_entry", "reverses", "account_entry" },
    { "account_entry", "after_lock", "account_lock" },
    { "account_mra", "election", "election" },
    { "account_fee_scale", "election", "election" },
    { "account_lock", "election", "election" },
    { "account_setup", "election", "election" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    if (!ed_validate_reference (replica, "accounts-references", references[i].table,
                                references[i].column, references[i].target, items, error))
      return FALSE;
  return TRUE;
}

/* Two desks can each set a figure of one account before they sync; until a person removes
 * one, the account counts the row with the lower id. */
static gboolean
validate_one_estimate_per_head (EdReplica  *replica,
                                GPtrArray  *items,
                                GError    **error)
{
  static const char *columns[] = { "election", "head", NULL };

  return ed_validate_unique (replica, "account-estimate-unique", "account_estimate", columns,
                             _("estimate for a cost head"), items, error);
}

static gboolean
validate_one_row_per_election (EdReplica  *replica,
                               GPtrArray  *items,
                               GError    **error)
{
  static const char *columns[] = { "election", NULL };
  static const struct
  {
    const char *table;
    const char *what;
  } tables[] = {
    { "account_mra", N_("maximum recoverable amounts of a poll") },
    { "account_fee_scale", N_("scale for the returning officer’s fee") },
    { "account_setup", N_("choice of how an account is split") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!ed_validate_unique (replica, "account-figures-unique", tables[i].table, columns,
                             _(tables[i].what), items, error))
      return FALSE;
  return TRUE;
}

/* Two desks can each reverse one entry before they sync: the cost would be taken back twice.
 * Nothing is edited; a person enters the cost again, and the validator clears. */
static gboolean
validate_reversed_once (EdReplica  *replica,
                        GPtrArray  *items,
                        GError    **error)
{
  static const char sql[] =
    "SELECT e.id, e.supplier FROM account_entry AS e "
    "WHERE (SELECT count(*) FROM account_entry AS r WHERE r.reverses = e.id) > 1 "
    "ORDER BY e.id";

  return ed_validate_items_from_query (
    replica, sql, "account-entry-reversed-twice", "account_entry",
    /* Translators: %s is a supplier's name */
    _("An entry for %s has been reversed twice, so its cost is taken off the account twice: "
      "enter it again once."),
    items, error);
}

static void
add_changed_item (GPtrArray  *items,
                  const char *lock_id,
                  const char *locked_on,
                  const char *locked_by)
{
  g_autofree char *message = NULL;
  g_autofree char *day = NULL;
  GDate date;

  g_date_clear (&date, 1);
  day = ed_date_parse_iso (locked_on, &date, NULL) ? ed_date_format_long (&date)
                                                   : g_strdup (locked_on);
  message = g_strdup_printf (
    /* Translators: a date, then a person's name */
    _("The account submitted on %s by %s is not as it was submitted: an entry it covered has "
      "been changed, added or deleted since. Check it against the submitted statement."),
    day, locked_by);
  ed_validation_items_add (items, "account-changed", "account_lock", lock_id, message);
}

/* A submitted account's entries are what it was submitted with, for as long as the app is the
 * only hand on them (ed-account-digest.c). */
static gboolean
validate_locks_unchanged (EdReplica  *replica,
                          GPtrArray  *items,
                          GError    **error)
{
  static const char sql[] =
    "SELECT id, election, digest, entries, total, locked_on, locked_by FROM account_lock "
    "ORDER BY id";
  EdDatabase *database = ed_replica_get_database (replica);
  g_autoptr(GPtrArray) locks = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  sqlite3_stmt *stmt = ed_database_cached (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 8);

      for (int c = 0; c < 7; c++)
        row[c] = g_strdup ((const char *)sqlite3_column_text (stmt, c));
      g_ptr_array_add (locks, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  for (guint i = 0; i < locks->len; i++)
    {
      char **row = g_ptr_array_index (locks, i);
      guint entries = 0;
      EdMoney total = 0;
      g_autofree char *digest = _ed_account_digest (database, row[1], row[0], &entries, &total,
                                                    error);

      if (digest == NULL)
        return FALSE;
      if (!g_str_equal (digest, row[2]) ||
          (gint64)entries != g_ascii_strtoll (row[3], NULL, 10) ||
          total != g_ascii_strtoll (row[4], NULL, 10))
        add_changed_item (items, row[0], row[5], row[6]);
    }
  return TRUE;
}

static const EdValidator validators[] = {
  { "accounts-references", validate_references },
  { "account-estimate-unique", validate_one_estimate_per_head },
  { "account-figures-unique", validate_one_row_per_election },
  { "account-entry-reversed-twice", validate_reversed_once },
  { "account-changed", validate_locks_unchanged },
};

/* The module's row of the module list: its tables, validators and migrations (accounts/sql). */
void
ed_accounts_add_schema (EdSchema *schema)
{
  static const EdTableDef *tables[] = {
    &ed_account_estimate_table, &ed_account_entry_table, &ed_account_mra_table,
    &ed_account_fee_scale_table, &ed_account_lock_table, &ed_account_setup_table,
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    ed_schema_add_table (schema, tables[i]);
  for (guint i = 0; i < G_N_ELEMENTS (validators); i++)
    ed_schema_add_validator (schema, &validators[i]);

  /* Referencing the resource keeps the linker from dropping it out of the static library;
   * its constructor registers it. */
  (void)ed_accounts_get_resource ();
  ed_schema_add_migrations (schema, "/org/electoraldesk/ElectoralDesk/accounts/sql");
}
