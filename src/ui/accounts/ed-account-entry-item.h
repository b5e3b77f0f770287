/* ed-account-entry-item.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "accounts/ed-account.h"

G_BEGIN_DECLS

/**
 * EdAccountEntryColumn:
 *
 * The columns of the Spending view's ledger, in its order.
 */
typedef enum
{
  ED_ACCOUNT_ENTRY_DATE,
  ED_ACCOUNT_ENTRY_SUPPLIER,
  ED_ACCOUNT_ENTRY_DESCRIPTION,
  ED_ACCOUNT_ENTRY_INVOICE,
  ED_ACCOUNT_ENTRY_HEAD,
  ED_ACCOUNT_ENTRY_POLLS,
  ED_ACCOUNT_ENTRY_GROSS,
  ED_ACCOUNT_ENTRY_EVIDENCE,
  ED_ACCOUNT_ENTRY_STATE,
  ED_N_ACCOUNT_ENTRY_COLUMNS,
} EdAccountEntryColumn;

#define ED_TYPE_ACCOUNT_ENTRY_ITEM (ed_account_entry_item_get_type ())

G_DECLARE_FINAL_TYPE (EdAccountEntryItem, ed_account_entry_item, ED, ACCOUNT_ENTRY_ITEM, GObject)

GPtrArray  *ed_account_entry_items_new            (const EdAccount    *account);
const char *ed_account_entry_item_get_id          (EdAccountEntryItem *self);
const char *ed_account_entry_item_get_text        (EdAccountEntryItem *self,
                                                   EdAccountEntryColumn column);
const char *ed_account_entry_item_get_style       (EdAccountEntryItem *self,
                                                   EdAccountEntryColumn column);
EdCostHead  ed_account_entry_item_get_head        (EdAccountEntryItem *self);
EdMoney     ed_account_entry_item_get_gross       (EdAccountEntryItem *self);
gboolean    ed_account_entry_item_serves          (EdAccountEntryItem *self,
                                                   const char         *poll_id);
gboolean    ed_account_entry_item_lacks_evidence  (EdAccountEntryItem *self);
gboolean    ed_account_entry_item_is_reversed     (EdAccountEntryItem *self);
gboolean    ed_account_entry_item_is_reversal     (EdAccountEntryItem *self);
gboolean    ed_account_entry_item_matches         (EdAccountEntryItem *self,
                                                   const char         *folded_search);
char       *ed_account_entry_item_describe        (EdAccountEntryItem *self);
int         ed_account_entry_item_compare         (EdAccountEntryItem *a,
                                                   EdAccountEntryItem *b,
                                                   EdAccountEntryColumn column);
gboolean    ed_account_entry_column_is_amount     (EdAccountEntryColumn column);
gboolean    ed_account_entry_column_is_figures    (EdAccountEntryColumn column);

G_END_DECLS
