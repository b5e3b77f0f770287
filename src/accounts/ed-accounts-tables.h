/* ed-accounts-tables.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-schema.h"

G_BEGIN_DECLS

/* The synced columns of each table, in the order of its EdTableDef (0021-accounts.sql). */
typedef enum
{
  ED_ACCOUNT_ESTIMATE_COL_ELECTION,
  ED_ACCOUNT_ESTIMATE_COL_HEAD,
  ED_ACCOUNT_ESTIMATE_COL_AMOUNT,
  ED_ACCOUNT_ESTIMATE_N_COLS,
} EdAccountEstimateColumn;

typedef enum
{
  ED_ACCOUNT_ENTRY_COL_ELECTION,
  ED_ACCOUNT_ENTRY_COL_HEAD,
  ED_ACCOUNT_ENTRY_COL_SUPPLIER,
  ED_ACCOUNT_ENTRY_COL_DESCRIPTION,
  ED_ACCOUNT_ENTRY_COL_INVOICE_NUMBER,
  ED_ACCOUNT_ENTRY_COL_INVOICE_DATE,
  ED_ACCOUNT_ENTRY_COL_NET,
  ED_ACCOUNT_ENTRY_COL_VAT,
  ED_ACCOUNT_ENTRY_COL_POLLS,
  ED_ACCOUNT_ENTRY_COL_EVIDENCE,
  ED_ACCOUNT_ENTRY_COL_PAY_RUN,
  ED_ACCOUNT_ENTRY_COL_REVERSES,
  ED_ACCOUNT_ENTRY_COL_AFTER_LOCK,
  ED_ACCOUNT_ENTRY_COL_ENTERED_ON,
  ED_ACCOUNT_ENTRY_COL_ENTERED_BY,
  ED_ACCOUNT_ENTRY_N_COLS,
} EdAccountEntryColumn;

typedef enum
{
  ED_ACCOUNT_MRA_COL_ELECTION,
  ED_ACCOUNT_MRA_COL_SERVICES,
  ED_ACCOUNT_MRA_COL_EXPENSES,
  ED_ACCOUNT_MRA_COL_OVERALL,
  ED_ACCOUNT_MRA_COL_SOURCE,
  ED_ACCOUNT_MRA_N_COLS,
} EdAccountMraColumn;

typedef enum
{
  ED_ACCOUNT_FEE_SCALE_COL_ELECTION,
  ED_ACCOUNT_FEE_SCALE_COL_PER_ELECTION,
  ED_ACCOUNT_FEE_SCALE_COL_PER_1000_ELECTORS,
  ED_ACCOUNT_FEE_SCALE_COL_PER_CONTESTED_AREA,
  ED_ACCOUNT_FEE_SCALE_N_COLS,
} EdAccountFeeScaleColumn;

typedef enum
{
  ED_ACCOUNT_LOCK_COL_ELECTION,
  ED_ACCOUNT_LOCK_COL_LOCKED_ON,
  ED_ACCOUNT_LOCK_COL_LOCKED_BY,
  ED_ACCOUNT_LOCK_COL_ENTRIES,
  ED_ACCOUNT_LOCK_COL_TOTAL,
  ED_ACCOUNT_LOCK_COL_DIGEST,
  ED_ACCOUNT_LOCK_N_COLS,
} EdAccountLockColumn;

typedef enum
{
  ED_ACCOUNT_SETUP_COL_ELECTION,
  ED_ACCOUNT_SETUP_COL_PARISH_RECHARGE,
  ED_ACCOUNT_SETUP_N_COLS,
} EdAccountSetupColumn;

extern const EdTableDef ed_account_estimate_table;
extern const EdTableDef ed_account_entry_table;
extern const EdTableDef ed_account_mra_table;
extern const EdTableDef ed_account_fee_scale_table;
extern const EdTableDef ed_account_lock_table;
extern const EdTableDef ed_account_setup_table;

void ed_accounts_add_schema (EdSchema *schema);

G_END_DECLS
