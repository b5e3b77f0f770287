/* ed-account-entry-item.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An entry of the Spending view's ledger. An account may hold tens of thousands of entries,
 * and the view builds cells for a couple of hundred of them, so an item keeps the entry's
 * own fields and makes the texts of its date, amount and state only when a cell first asks
 * for them. The words shared by many items (a head, a poll's name, the evidence) are the
 * vocabularies' own strings or interned, not copied per item. Items are made where the
 * account is read, in a worker thread, and used only on the main thread after. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ui/accounts/ed-account-entry-item.h"

struct _EdAccountEntryItem
{
  GObject      parent_instance;

  char        *id;
  EdCostHead   head;
  char        *supplier;
  char        *description;
  char        *invoice_number;
  GDate        date;            /* the invoice's, or the day it was entered */
  EdMoney      gross;
  char       **polls;
  const char  *polls_text;      /* interned */
  EdEvidence   evidence;
  gboolean     reversed;
  gboolean     reversal;
  gboolean     after_submission;

  char        *texts[ED_N_ACCOUNT_ENTRY_COLUMNS];  /* made when first asked for */
  char        *keys[ED_N_ACCOUNT_ENTRY_COLUMNS];   /* for sorting by a column, likewise */
  char        *folded;                             /* for the search, likewise */
};

G_DEFINE_FINAL_TYPE (EdAccountEntryItem, ed_account_entry_item, G_TYPE_OBJECT)

static void
ed_account_entry_item_finalize (GObject *object)
{
  EdAccountEntryItem *self = ED_ACCOUNT_ENTRY_ITEM (object);

  g_free (self->id);
  g_free (self->supplier);
  g_free (self->description);
  g_free (self->invoice_number);
  g_strfreev (self->polls);
  for (guint c = 0; c < ED_N_ACCOUNT_ENTRY_COLUMNS; c++)
    {
      g_free (self->texts[c]);
      g_free (self->keys[c]);
    }
  g_free (self->folded);

  G_OBJECT_CLASS (ed_account_entry_item_parent_class)->finalize (object);
}

static void
ed_account_entry_item_class_init (EdAccountEntryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_account_entry_item_finalize;
}

static void
ed_account_entry_item_init (EdAccountEntryItem *self)
{
}

/* "Shared by 3 polls", or the one poll that bears the cost. */
static const char *
polls_text (const EdAccount      *account,
            const EdAccountEntry *entry)
{
  g_autofree char *shared = NULL;

  if (entry->sharing > 1)
    {
      /* Translators: the polls column of an account's ledger; %u is how many polls share
       * a cost, always more than one */
      shared = g_strdup_printf (ngettext ("Shared by %u polls", "Shared by %u polls",
                                          entry->sharing),
                                entry->sharing);
      return g_intern_string (shared);
    }
  for (guint p = 0; p < account->polls->len; p++)
    if (entry->shares[p] != 0)
      return g_intern_string (((EdAccountPoll *)g_ptr_array_index (account->polls, p))
                                ->election->title);
  return g_intern_string (((EdAccountPoll *)g_ptr_array_index (account->polls, 0))
                            ->election->title);
}

static EdAccountEntryItem *
item_new (const EdAccount      *account,
          const EdAccountEntry *entry,
          const char           *latest_lock)
{
  EdAccountEntryItem *self = g_object_new (ED_TYPE_ACCOUNT_ENTRY_ITEM, NULL);

  self->id = g_strdup (entry->id);
  self->head = entry->head;
  self->supplier = g_strdup (entry->supplier);
  self->description = g_strdup (entry->description);
  self->invoice_number = g_strdup (entry->invoice_number);
  self->date = g_date_valid (&entry->invoice_date) ? entry->invoice_date : entry->entered_on;
  self->gross = entry->gross;
  self->polls = g_strdupv (entry->polls);
  self->polls_text = polls_text (account, entry);
  self->evidence = entry->evidence;
  self->reversed = entry->reversed_by[0] != '\0';
  self->reversal = entry->reverses[0] != '\0';
  self->after_submission = latest_lock != NULL && g_str_equal (entry->after_lock, latest_lock);
  return self;
}

/**
 * ed_account_entry_items_new:
 * @account: an account
 *
 * Returns: (transfer full) (element-type EdAccountEntryItem): its entries, the latest first,
 *   as a ledger is read when an invoice has just been entered
 */
GPtrArray *
ed_account_entry_items_new (const EdAccount *account)
{
  GPtrArray *items = g_ptr_array_new_full (account->entries->len, g_object_unref);
  const char *latest_lock = NULL;

  g_return_val_if_fail (account != NULL, items);

  if (account->locks->len > 0)
    latest_lock = ((EdAccountLock *)g_ptr_array_index (account->locks,
                                                       account->locks->len - 1))->id;
  for (guint i = account->entries->len; i > 0; i--)
    g_ptr_array_add (items, item_new (account, g_ptr_array_index (account->entries, i - 1),
                                      latest_lock));
  return items;
}

const char *
ed_account_entry_item_get_id (EdAccountEntryItem *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_ITEM (self), NULL);
  return self->id;
}

static char *
state_text (EdAccountEntryItem *self)
{
  const char *state = NULL;

  if (self->reversed)
    /* Translators: the state of an entry of an account's ledger that a later one took back */
    state = C_("entry", "Reversed");
  else if (self->reversal)
    /* Translators: the state of an entry that takes back an earlier one */
    state = C_("entry", "Reversal");
  if (!self->after_submission)
    return g_strdup (state != NULL ? state : "");
  if (state == NULL)
    /* Translators: the state of an entry made after the account was last submitted */
    return g_strdup (C_("entry", "After submission"));
  /* Translators: an entry's state, then that it was made after the account was submitted:
   * "Reversed, after submission" */
  return g_strdup_printf (C_("entry", "%s, after submission"), state);
}

/**
 * ed_account_entry_item_get_text:
 * @self: an entry
 * @column: a column of the ledger
 *
 * Returns: (transfer none): what the column's cell says
 */
const char *
ed_account_entry_item_get_text (EdAccountEntryItem   *self,
                                EdAccountEntryColumn  column)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_ITEM (self), NULL);
  g_return_val_if_fail (column < ED_N_ACCOUNT_ENTRY_COLUMNS, NULL);

  switch (column)
    {
    case ED_ACCOUNT_ENTRY_SUPPLIER:
      return self->supplier;
    case ED_ACCOUNT_ENTRY_DESCRIPTION:
      return self->description;
    case ED_ACCOUNT_ENTRY_INVOICE:
      return self->invoice_number;
    case ED_ACCOUNT_ENTRY_HEAD:
      return ed_cost_head_get_display_name (self->head);
    case ED_ACCOUNT_ENTRY_POLLS:
      return self->polls_text;
    case ED_ACCOUNT_ENTRY_EVIDENCE:
      return ed_evidence_get_display_name (self->evidence);
    case ED_ACCOUNT_ENTRY_DATE:
    case ED_ACCOUNT_ENTRY_GROSS:
    case ED_ACCOUNT_ENTRY_STATE:
    case ED_N_ACCOUNT_ENTRY_COLUMNS:
    default:
      break;
    }
  if (self->texts[column] != NULL)
    return self->texts[column];
  /* Day, month and year in figures, as invoices are dated and a ledger's column reads down
   * evenly; the weekday of a form's long date would only widen it. */
  if (column == ED_ACCOUNT_ENTRY_DATE)
    self->texts[column] = g_date_valid (&self->date)
                            ? g_strdup_printf ("%02u/%02u/%04u",
                                               (guint)g_date_get_day (&self->date),
                                               (guint)g_date_get_month (&self->date),
                                               (guint)g_date_get_year (&self->date))
                            : g_strdup ("");
  else if (column == ED_ACCOUNT_ENTRY_GROSS)
    self->texts[column] = ed_money_format (self->gross);
  else
    self->texts[column] = state_text (self);
  return self->texts[column];
}

/**
 * ed_account_entry_item_get_style:
 * @self: an entry
 * @column: a column of the ledger
 *
 * Returns: (nullable): the style of the column's cell: an entry taken back, and the entry
 *   that takes it back, are dimmed across the row; evidence still to come is a warning, and
 *   an entry made since the account was submitted stands out
 */
const char *
ed_account_entry_item_get_style (EdAccountEntryItem   *self,
                                 EdAccountEntryColumn  column)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_ITEM (self), NULL);

  if (self->reversed || self->reversal)
    return "dim-label";
  if (column == ED_ACCOUNT_ENTRY_EVIDENCE && self->evidence == ED_EVIDENCE_NONE)
    return "warning";
  if (column == ED_ACCOUNT_ENTRY_STATE && self->after_submission)
    return "accent";
  return NULL;
}

EdCostHead
ed_account_entry_item_get_head (EdAccountEntryItem *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_ITEM (self), ED_COST_OTHER);
  return self->head;
}

EdMoney
ed_account_entry_item_get_gross (EdAccountEntryItem *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_ITEM (self), 0);
  return self->gross;
}

/**
 * ed_account_entry_item_serves:
 * @self: an entry
 * @poll_id: a poll's row id
 *
 * Returns: whether the entry is a cost of that poll, its own or shared
 */
gboolean
ed_account_entry_item_serves (EdAccountEntryItem *self,
                              const char         *poll_id)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_ITEM (self), FALSE);
  return g_strv_contains ((const char * const *)self->polls, poll_id);
}

/**
 * ed_account_entry_item_lacks_evidence:
 * @self: an entry
 *
 * Returns: whether the claim's evidence is still to be found for it: a cost standing, with
 *   none held (as the account counts its missing evidence)
 */
gboolean
ed_account_entry_item_lacks_evidence (EdAccountEntryItem *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_ITEM (self), FALSE);
  return self->evidence == ED_EVIDENCE_NONE && !self->reversed && !self->reversal;
}

gboolean
ed_account_entry_item_is_reversed (EdAccountEntryItem *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_ITEM (self), FALSE);
  return self->reversed;
}

gboolean
ed_account_entry_item_is_reversal (EdAccountEntryItem *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_ITEM (self), FALSE);
  return self->reversal;
}

/**
 * ed_account_entry_item_matches:
 * @self: an entry
 * @folded_search: what was searched for, case-folded and normalised (g_utf8_casefold ())
 *
 * Returns: whether its supplier, description or invoice number holds @folded_search
 */
gboolean
ed_account_entry_item_matches (EdAccountEntryItem *self,
                               const char         *folded_search)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_ITEM (self), FALSE);

  if (folded_search == NULL || *folded_search == '\0')
    return TRUE;
  if (self->folded == NULL)
    {
      g_autofree char *joined = g_strjoin ("\n", self->supplier, self->description,
                                           self->invoice_number, NULL);
      g_autofree char *normal = g_utf8_normalize (joined, -1, G_NORMALIZE_ALL);

      self->folded = g_utf8_casefold (normal != NULL ? normal : joined, -1);
    }
  return strstr (self->folded, folded_search) != NULL;
}

/* A column's text as the locale sorts it, made once: a sort of 50,000 entries compares each
 * some sixteen times. */
static const char *
collate_key (EdAccountEntryItem   *self,
             EdAccountEntryColumn  column)
{
  if (self->keys[column] == NULL)
    self->keys[column] = g_utf8_collate_key (ed_account_entry_item_get_text (self, column), -1);
  return self->keys[column];
}

/**
 * ed_account_entry_item_compare:
 * @a: an entry
 * @b: another
 * @column: the column the ledger is sorted by
 *
 * Returns: less than, equal to or greater than nought as @a comes before, with or after @b:
 *   dates and amounts as such, the rest as the locale sorts words
 */
int
ed_account_entry_item_compare (EdAccountEntryItem   *a,
                               EdAccountEntryItem   *b,
                               EdAccountEntryColumn  column)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_ITEM (a) && ED_IS_ACCOUNT_ENTRY_ITEM (b), 0);

  switch (column)
    {
    case ED_ACCOUNT_ENTRY_DATE:
      if (!g_date_valid (&a->date) || !g_date_valid (&b->date))
        return (int)g_date_valid (&a->date) - (int)g_date_valid (&b->date);
      return g_date_compare (&a->date, &b->date);
    case ED_ACCOUNT_ENTRY_GROSS:
      return (a->gross > b->gross) - (a->gross < b->gross);
    case ED_ACCOUNT_ENTRY_HEAD:
      /* The heads in the order the claims and the budget list them. */
      return (int)a->head - (int)b->head;
    case ED_ACCOUNT_ENTRY_SUPPLIER:
    case ED_ACCOUNT_ENTRY_DESCRIPTION:
    case ED_ACCOUNT_ENTRY_INVOICE:
    case ED_ACCOUNT_ENTRY_POLLS:
    case ED_ACCOUNT_ENTRY_EVIDENCE:
    case ED_ACCOUNT_ENTRY_STATE:
    case ED_N_ACCOUNT_ENTRY_COLUMNS:
    default:
      return strcmp (collate_key (a, column), collate_key (b, column));
    }
}

/**
 * ed_account_entry_item_describe:
 * @self: an entry
 *
 * Returns: (transfer full): the entry in a few words, for a question about it: "Village
 *   halls, polling day hire, £1,200.00"
 */
char *
ed_account_entry_item_describe (EdAccountEntryItem *self)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_ITEM (self), NULL);

  amount = ed_money_format (self->gross);
  if (*self->description == '\0')
    /* Translators: an entry of an account: its supplier, then its amount */
    return g_strdup_printf (C_("entry", "%s, %s"), self->supplier, amount);
  /* Translators: an entry of an account: its supplier, what it was for, then its amount */
  return g_strdup_printf (C_("entry", "%s, %s, %s"), self->supplier, self->description, amount);
}

/**
 * ed_account_entry_column_is_amount:
 * @column: a column of the ledger
 *
 * Returns: whether its cells are amounts, set against the column's end in tabular digits
 */
gboolean
ed_account_entry_column_is_amount (EdAccountEntryColumn column)
{
  return column == ED_ACCOUNT_ENTRY_GROSS;
}

/**
 * ed_account_entry_column_is_figures:
 * @column: a column of the ledger
 *
 * Returns: whether its cells are figures, in tabular digits so that they line up
 */
gboolean
ed_account_entry_column_is_figures (EdAccountEntryColumn column)
{
  return column == ED_ACCOUNT_ENTRY_GROSS || column == ED_ACCOUNT_ENTRY_DATE;
}
