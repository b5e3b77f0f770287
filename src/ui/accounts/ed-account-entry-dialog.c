/* ed-account-entry-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Adding a cost to an election's account, from its invoice: the head, the supplier, what for,
 * the invoice's number and date, the evidence held, the amount net and its VAT, and the polls
 * of the combination it serves (one checked at first: the poll chosen on the page). Add is
 * available once the entry can be recorded as typed; an amount or a date that cannot be read
 * says why under its field once the person moves on from it. What the accounts module still
 * refuses (ed_account_add_entry ()) is said at the top of the dialog, which stays open with
 * everything typed, as every form does (DESIGN.md §7). */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accounts/ed-account.h"
#include "ui/accounts/ed-account-entry-dialog.h"
#include "ui/accounts/ed-account-figures.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"
#include "ui/widgets/ed-combo-choices.h"
#include "ui/widgets/ed-date-row.h"
#include "ui/widgets/ed-validated-entry-row.h"

/* The standard rate of VAT, in per cent, for the VAT row's shortcut. */
#define STANDARD_VAT_PERCENT 20

struct _EdAccountEntryDialog
{
  AdwWindow   parent_instance;

  EdContext  *context;
  GArray     *heads;        /* EdCostHead, in the head row's order */
  GPtrArray  *poll_ids;     /* char *, in the account's order */
  GPtrArray  *checks;       /* GtkCheckButton, a poll each */
  gboolean    touched_net;  /* the person has moved on from the field: say what is wrong */
  gboolean    touched_vat;
  gboolean    touched_date;

  GtkWidget  *add_button;
  GtkWidget  *error_revealer;
  GtkWidget  *error_label;
  GtkWidget  *head_row;
  GtkWidget  *supplier_row;
  GtkWidget  *description_row;
  GtkWidget  *invoice_row;
  GtkWidget  *date_row;
  GtkWidget  *evidence_row;
  GtkWidget  *net_row;
  GtkWidget  *vat_row;
  GtkWidget  *vat_button;
  GtkWidget  *gross_label;
  GtkWidget  *polls_group;
};

G_DEFINE_FINAL_TYPE (EdAccountEntryDialog, ed_account_entry_dialog, ADW_TYPE_WINDOW)

enum
{
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- reading the form --------------------------------------------------------------------- */

static const char *
row_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
read_net (EdAccountEntryDialog  *self,
          EdMoney               *out,
          GError               **error)
{
  return ed_account_parse_amount (row_text (self->net_row), FALSE, out, error);
}

/* No VAT typed is none charged. */
static gboolean
read_vat (EdAccountEntryDialog  *self,
          EdMoney               *out,
          GError               **error)
{
  return ed_account_parse_amount (row_text (self->vat_row), TRUE, out, error);
}

/* No date typed is none known. */
static gboolean
read_date (EdAccountEntryDialog  *self,
           GDate                 *out,
           GError               **error)
{
  g_autofree char *text = g_strstrip (g_strdup (row_text (self->date_row)));

  g_date_clear (out, 1);
  return *text == '\0' || ed_date_row_get_date (ED_DATE_ROW (self->date_row), out, error);
}

static guint
n_checked (EdAccountEntryDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      n++;
  return n;
}

static gboolean
has_supplier (EdAccountEntryDialog *self)
{
  g_autofree char *supplier = g_strstrip (g_strdup (row_text (self->supplier_row)));

  return *supplier != '\0';
}

/* A field's error is said once the person has moved on from it, and unsaid as soon as what
 * is typed is right. */
static void
show_field_error (GtkWidget    *row,
                  gboolean      touched,
                  const GError *error)
{
  const char *shown = ed_validated_entry_row_get_error (ED_VALIDATED_ENTRY_ROW (row));

  if (error == NULL)
    ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (row), NULL);
  else if (touched || shown != NULL)
    ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (row), error->message);
}

/* Whether the entry can be added as typed; the gross and the fields' errors on the way. */
static gboolean
validate (EdAccountEntryDialog *self)
{
  g_autoptr(GError) net_error = NULL;
  g_autoptr(GError) vat_error = NULL;
  g_autoptr(GError) date_error = NULL;
  gboolean net_ok, vat_ok, date_ok;
  EdMoney net = 0, vat = 0;
  GDate date;

  net_ok = read_net (self, &net, &net_error);
  vat_ok = read_vat (self, &vat, &vat_error);
  date_ok = read_date (self, &date, &date_error);
  /* Nothing typed yet is not wrong, only not done. */
  show_field_error (self->net_row, self->touched_net && *row_text (self->net_row) != '\0',
                    net_error);
  show_field_error (self->vat_row, self->touched_vat, vat_error);
  show_field_error (self->date_row, self->touched_date, date_error);

  if (net_ok && vat_ok && net + vat >= ED_MONEY_MIN && net + vat <= ED_MONEY_MAX)
    {
      g_autofree char *gross = ed_money_format (net + vat);

      gtk_label_set_text (GTK_LABEL (self->gross_label), gross);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->gross_label), "—");

  return net_ok && vat_ok && date_ok && (net != 0 || vat != 0) && has_supplier (self) &&
         n_checked (self) > 0;
}

static void
form_changed_cb (EdAccountEntryDialog *self)
{
  gtk_widget_set_sensitive (self->add_button, validate (self));
}

static void
field_left_cb (GtkEventControllerFocus *controller,
               EdAccountEntryDialog    *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (row == self->net_row)
    self->touched_net = TRUE;
  else if (row == self->vat_row)
    self->touched_vat = TRUE;
  else if (row == self->date_row)
    self->touched_date = TRUE;
  form_changed_cb (self);
}

static void
watch_leaving (EdAccountEntryDialog *self,
               GtkWidget            *row)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (field_left_cb), self);
  gtk_widget_add_controller (row, focus);
}

/* VAT at the standard rate of the net amount, to the nearest penny, a half penny up. */
static void
standard_vat_clicked_cb (EdAccountEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  EdMoney net, vat;

  if (!read_net (self, &net, &error))
    {
      self->touched_net = TRUE;
      form_changed_cb (self);
      gtk_widget_grab_focus (self->net_row);
      return;
    }
  vat = (net * STANDARD_VAT_PERCENT + (net >= 0 ? 50 : -50)) / 100;
  text = ed_money_format (vat);
  gtk_editable_set_text (GTK_EDITABLE (self->vat_row), text);
}

/* --- adding ------------------------------------------------------------------------------- */

static void
show_refusal (EdAccountEntryDialog *self,
              const char           *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  /* Hidden, it takes no room: the form starts at the top. */
  gtk_widget_set_visible (self->error_revealer, message != NULL);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->error_revealer), message != NULL);
}

/**
 * ed_account_entry_dialog_set_head:
 * @self: the dialog
 * @head: the cost head to offer first, such as the one the ledger is narrowed to
 */
void
ed_account_entry_dialog_set_head (EdAccountEntryDialog *self,
                                  EdCostHead            head)
{
  g_return_if_fail (ED_IS_ACCOUNT_ENTRY_DIALOG (self));

  for (guint i = 0; i < self->heads->len; i++)
    if (g_array_index (self->heads, EdCostHead, i) == head)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->head_row), i);
}

/**
 * ed_account_entry_dialog_get_error:
 * @self: the dialog
 *
 * Returns: (nullable): why the accounts refused the entry last added, while it is shown
 */
const char *
ed_account_entry_dialog_get_error (EdAccountEntryDialog *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_ENTRY_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_revealer))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->error_label));
}

static void
add_clicked_cb (EdAccountEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) polls = g_ptr_array_new ();
  g_autofree char *entry_id = NULL;
  g_autofree char *description = NULL;
  g_autofree char *gross = NULL;
  guint head_index = adw_combo_row_get_selected (ADW_COMBO_ROW (self->head_row));
  guint evidence = adw_combo_row_get_selected (ADW_COMBO_ROW (self->evidence_row));
  EdAccountEntryNew entry = { 0, };
  GDate date;

  self->touched_net = self->touched_vat = self->touched_date = TRUE;
  if (!validate (self))
    {
      gtk_widget_set_sensitive (self->add_button, FALSE);
      return;
    }
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (polls, g_ptr_array_index (self->poll_ids, i));
  g_ptr_array_add (polls, NULL);

  entry.head = g_array_index (self->heads, EdCostHead,
                              MIN (head_index, self->heads->len - 1));
  entry.supplier = row_text (self->supplier_row);
  entry.description = row_text (self->description_row);
  entry.invoice_number = row_text (self->invoice_row);
  read_date (self, &date, NULL);
  entry.invoice_date = g_date_valid (&date) ? &date : NULL;
  read_net (self, &entry.net, NULL);
  read_vat (self, &entry.vat, NULL);
  entry.polls = (const char * const *)polls->pdata;
  entry.evidence = evidence < ED_N_EVIDENCE ? (EdEvidence)evidence : ED_EVIDENCE_NONE;

  entry_id = ed_account_add_entry (self->context, &entry, &error);
  if (entry_id == NULL)
    {
      show_refusal (self, error->message);
      return;
    }
  show_refusal (self, NULL);
  gross = ed_money_format (entry.net + entry.vat);
  /* Translators: an entry just added: its supplier, then its amount */
  description = g_strdup_printf (C_("entry", "%s, %s"), g_strstrip (g_strdup (entry.supplier)),
                                 gross);
  g_signal_emit (self, signals[ADDED], 0, entry_id, description);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* --- the dialog --------------------------------------------------------------------------- */

static void
ed_account_entry_dialog_dispose (GObject *object)
{
  EdAccountEntryDialog *self = ED_ACCOUNT_ENTRY_DIALOG (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (ed_account_entry_dialog_parent_class)->dispose (object);
}

static void
ed_account_entry_dialog_finalize (GObject *object)
{
  EdAccountEntryDialog *self = ED_ACCOUNT_ENTRY_DIALOG (object);

  g_array_unref (self->heads);
  g_ptr_array_unref (self->poll_ids);
  g_ptr_array_unref (self->checks);

  G_OBJECT_CLASS (ed_account_entry_dialog_parent_class)->finalize (object);
}

static void
ed_account_entry_dialog_class_init (EdAccountEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_account_entry_dialog_dispose;
  object_class->finalize = ed_account_entry_dialog_finalize;

  /**
   * EdAccountEntryDialog::added:
   * @self: the dialog
   * @entry_id: the new entry's row id
   * @description: the entry in a few words: its supplier and amount
   *
   * The entry is in the account; the dialog closes after.
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  (void)ed_ui_get_resource ();
  g_type_ensure (ED_TYPE_DATE_ROW);
  g_type_ensure (ED_TYPE_VALIDATED_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/accounts/ed-account-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, head_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, supplier_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, invoice_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, net_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, vat_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, vat_button);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, gross_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountEntryDialog, polls_group);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, standard_vat_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_account_entry_dialog_init (EdAccountEntryDialog *self)
{
  GtkStringList *names;

  self->heads = g_array_new (FALSE, FALSE, sizeof (EdCostHead));
  self->poll_ids = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The registration officer's head is not an election's, so it is not offered. */
  names = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->head_row)));
  for (EdCostHead h = 0; h < ED_N_COST_HEADS; h++)
    if (h != ED_COST_REGISTRATION)
      {
        g_array_append_val (self->heads, h);
        gtk_string_list_append (names, ed_cost_head_get_display_name (h));
      }
  names = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->evidence_row)));
  for (EdEvidence e = 0; e < ED_N_EVIDENCE; e++)
    gtk_string_list_append (names, ed_evidence_get_display_name (e));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->evidence_row), ED_EVIDENCE_INVOICE);
  ed_combo_row_show_choices_in_full (ADW_COMBO_ROW (self->head_row));
  ed_combo_row_show_choices_in_full (ADW_COMBO_ROW (self->evidence_row));

  watch_leaving (self, self->net_row);
  watch_leaving (self, self->vat_row);
  watch_leaving (self, self->date_row);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->add_button);
  gtk_label_set_text (GTK_LABEL (self->gross_label), "—");
  ed_accessible_name_buttons (GTK_WIDGET (self));
}

/**
 * ed_account_entry_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the district
 * @poll_ids: (array zero-terminated=1): the account's polls, by row id, the first first
 * @poll_titles: (array zero-terminated=1): their names, in the same order
 * @checked_poll: (nullable): the poll the cost is for until said otherwise; the first if
 *   %NULL or not one of @poll_ids
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
EdAccountEntryDialog *
ed_account_entry_dialog_new (GtkWindow          *parent,
                             EdContext          *context,
                             const char * const *poll_ids,
                             const char * const *poll_titles,
                             const char         *checked_poll)
{
  EdAccountEntryDialog *self;
  guint n_polls;
  guint checked = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (poll_ids != NULL && poll_ids[0] != NULL && poll_titles != NULL, NULL);

  self = g_object_new (ED_TYPE_ACCOUNT_ENTRY_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  n_polls = g_strv_length ((char **)poll_ids);
  for (guint p = 0; p < n_polls; p++)
    if (g_strcmp0 (poll_ids[p], checked_poll) == 0)
      checked = p;
  for (guint p = 0; p < n_polls; p++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), poll_titles[p]);
      /* The check is named by its row's title, said once. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      row, NULL, -1);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), p == checked);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (form_changed_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->polls_group), row);
      g_ptr_array_add (self->poll_ids, g_strdup (poll_ids[p]));
      g_ptr_array_add (self->checks, check);
    }
  /* A poll on its own has nothing to choose. */
  gtk_widget_set_visible (self->polls_group, n_polls > 1);
  form_changed_cb (self);
  gtk_widget_grab_focus (self->supplier_row);
  return self;
}
