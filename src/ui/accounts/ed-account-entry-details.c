/* ed-account-entry-details.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One entry of an account's ledger in full, as the Spending view opens it (Enter or a double
 * click): what the ledger's columns leave out, the amount net and its VAT, each poll's share
 * of it (DOMAIN.md §5.2), who entered it and when, and what reverses or is reversed by it.
 * Read only: the ledger is never edited (SYNC.md §4.10). The window copies what it shows. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "ui/accounts/ed-account-entry-details.h"
#include "ui/accounts/ed-account-figures.h"
#include "ui/ed-ui-resources.h"

struct _EdAccountEntryDetails
{
  AdwWindow   parent_instance;

  GtkWidget  *window_title;
  GtkWidget  *cost_group;
  GtkWidget  *amount_group;
  GtkWidget  *polls_group;
  GtkWidget  *record_group;
};

G_DEFINE_FINAL_TYPE (EdAccountEntryDetails, ed_account_entry_details, ADW_TYPE_WINDOW)

/* A field and its value: words under the field's name, as a form shows them, wrapped when
 * long; an amount beside it, set against the end in tabular digits, as the ledger has it. */
static void
add_field (GtkWidget  *group,
           const char *title,
           const char *value,
           gboolean    amount)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (amount)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "numeric");
      /* Named as a person reads the row: the field, then its value. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      /* The value is what the row is for; its field's name is the lesser line. */
      gtk_widget_add_css_class (row, "property");
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_amount (GtkWidget  *group,
            const char *title,
            EdMoney     amount)
{
  g_autofree char *text = ed_money_format (amount);

  add_field (group, title, text, TRUE);
}

/* A line of the record, in words. */
static void
add_note (GtkWidget  *group,
          const char *text,
          const char *style)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (style != NULL)
    gtk_widget_add_css_class (row, style);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* "Returning officer, £900.00, Wednesday 2 January 2030": another entry, as the record names
 * it. */
static char *
describe_other (const EdAccountEntry *entry)
{
  g_autofree char *amount = ed_money_format (entry->gross);
  g_autofree char *day = g_date_valid (&entry->entered_on)
                           ? ed_date_format_long (&entry->entered_on) : g_strdup ("");

  /* Translators: another entry of an account: its supplier, amount and the day it was
   * entered */
  return g_strdup_printf (C_("entry", "%s, %s, %s"), entry->supplier, amount, day);
}

static void
show_cost (EdAccountEntryDetails *self,
           const EdAccountEntry  *entry)
{
  add_field (self->cost_group, _("Cost head"), ed_cost_head_get_display_name (entry->head),
             FALSE);
  add_field (self->cost_group, _("Supplier"), entry->supplier, FALSE);
  if (*entry->description != '\0')
    add_field (self->cost_group, _("Description"), entry->description, FALSE);
  if (*entry->invoice_number != '\0')
    add_field (self->cost_group, _("Invoice number"), entry->invoice_number, FALSE);
  if (g_date_valid (&entry->invoice_date))
    {
      g_autofree char *day = ed_date_format_long (&entry->invoice_date);

      add_field (self->cost_group, _("Invoice date"), day, FALSE);
    }
  add_field (self->cost_group, _("Evidence held"), ed_evidence_get_display_name (entry->evidence),
             FALSE);

  add_amount (self->amount_group, _("Net"), entry->net);
  add_amount (self->amount_group, _("VAT"), entry->vat);
  add_amount (self->amount_group, _("Gross"), entry->gross);
}

/* Each poll the cost falls to, and its share. */
static void
show_polls (EdAccountEntryDetails *self,
            const EdAccount       *account,
            const EdAccountEntry  *entry)
{
  g_autofree char *description = NULL;

  if (entry->sharing > 1)
    /* Translators: %u is how many polls share a cost, always more than one */
    description = g_strdup_printf (ngettext ("Shared equally by %u polls",
                                             "Shared equally by %u polls", entry->sharing),
                                   entry->sharing);
  else
    description = g_strdup (_("Solely for one poll"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->polls_group),
                                         description);
  for (guint p = 0; p < account->polls->len; p++)
    {
      EdAccountPoll *poll = g_ptr_array_index (account->polls, p);

      if (entry->shares[p] != 0 ||
          g_strv_contains ((const char * const *)entry->polls, poll->election->id))
        add_amount (self->polls_group, ed_account_poll_title (poll), entry->shares[p]);
    }
}

static void
show_record (EdAccountEntryDetails *self,
             const EdAccount       *account,
             const EdAccountEntry  *entry)
{
  g_autofree char *entered = NULL;
  g_autofree char *day = g_date_valid (&entry->entered_on)
                           ? ed_date_format_long (&entry->entered_on) : g_strdup ("");

  if (*entry->entered_by != '\0')
    /* Translators: the day an entry was made, then who made it */
    entered = g_strdup_printf (_("Entered on %s by %s"), day, entry->entered_by);
  else
    /* Translators: %s is the day an entry was made */
    entered = g_strdup_printf (_("Entered on %s"), day);
  add_note (self->record_group, entered, NULL);
  if (*entry->pay_run != '\0')
    add_note (self->record_group, _("Brought in from an approved payroll run"), NULL);
  if (*entry->reverses != '\0')
    {
      const EdAccountEntry *reversed = ed_account_find_entry ((EdAccount *)account,
                                                              entry->reverses);
      g_autofree char *other = reversed != NULL ? describe_other (reversed) : NULL;
      g_autofree char *text = NULL;

      /* Translators: %s is the entry a reversal takes back: its supplier, amount and day */
      text = other != NULL ? g_strdup_printf (_("Takes back the entry of %s"), other)
                           : g_strdup (_("Takes back an earlier entry"));
      add_note (self->record_group, text, "dim-label");
    }
  if (*entry->reversed_by != '\0')
    {
      const EdAccountEntry *reversal = ed_account_find_entry ((EdAccount *)account,
                                                              entry->reversed_by);
      g_autofree char *reversal_day = reversal != NULL && g_date_valid (&reversal->entered_on)
                                        ? ed_date_format_long (&reversal->entered_on) : NULL;
      g_autofree char *text = NULL;

      /* Translators: %s is the day an entry was reversed */
      text = reversal_day != NULL ? g_strdup_printf (_("Reversed on %s"), reversal_day)
                                  : g_strdup (C_("entry", "Reversed"));
      add_note (self->record_group, text, "dim-label");
    }
  if (account->locks->len > 0 &&
      g_str_equal (entry->after_lock, ((EdAccountLock *)g_ptr_array_index (
                                         account->locks, account->locks->len - 1))->id))
    add_note (self->record_group, _("Entered after the account was last submitted"), "accent");
}

static void
ed_account_entry_details_class_init (EdAccountEntryDetailsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/accounts/ed-account-entry-details.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDetails, window_title);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDetails, cost_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDetails, amount_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDetails, polls_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDetails, record_group);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_account_entry_details_init (EdAccountEntryDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ed_account_entry_details_new:
 * @parent: (nullable): the window it belongs to
 * @account: the account
 * @entry_id: one of its entries
 *
 * Returns: (transfer none) (nullable): the window, not yet shown; %NULL if the account does
 *   not hold the entry
 */
EdAccountEntryDetails *
ed_account_entry_details_new (GtkWindow       *parent,
                              const EdAccount *account,
                              const char      *entry_id)
{
  const EdAccountEntry *entry;
  EdAccountEntryDetails *self;

  g_return_val_if_fail (account != NULL && entry_id != NULL, NULL);

  entry = ed_account_find_entry ((EdAccount *)account, entry_id);
  if (entry == NULL)
    return NULL;
  self = g_object_new (ED_TYPE_ACCOUNT_ENTRY_DETAILS, "transient-for", parent, NULL);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), entry->supplier);
  show_cost (self, entry);
  show_polls (self, account, entry);
  show_record (self, account, entry);
  return self;
}
