/* ed-supply-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Records a copy of the register supplied or sold (DOMAIN.md §1.3): who it is for, on what
 * entitlement, which copy and in which form. The entries and the statutory fee show as the
 * choices change, and a copy the entitlement does not cover is refused before anything is
 * recorded. A copy of the full or edited register is written when recorded: CSV for data, PDF
 * for a printed copy. Writing a copy of a large register takes a while, so it runs as a job
 * (ed_register_supply_export_async()) with its progress shown; the supply is recorded only
 * once its copy is written, so Cancel, or closing the window, leaves both undone. */

#define G_LOG_DOMAIN "ed-ui-register"

#include "config.h"

#include <glib/gi18n.h>

#include "core/ed-date.h"
#include "core/ed-money.h"
#include "core/ed-today.h"
#include "register/ed-register-supply.h"
#include "ui/ed-job-page.h"
#include "ui/ed-number-format.h"
#include "ui/ed-ui-resources.h"
#include "ui/register/ed-supply-dialog.h"
#include "ui/widgets/ed-combo-choices.h"
#include "ui/widgets/ed-date-row.h"
#include "ui/widgets/ed-field-error.h"
#include "ui/widgets/ed-validated-entry-row.h"

struct _EdSupplyDialog
{
  AdwWindow             parent_instance;

  EdContext            *context;
  GPtrArray            *notices;          /* EdSupplyNotice, as the notice row lists them */
  char                 *counted_key;      /* what counted_entries was counted for */
  guint64               counted_entries;
  EdMoney               counted_fee;
  GtkFileChooserNative *chooser;
  EdJob                *job;              /* set while a copy is written */
  GFile                *copy;             /* the file it is written to */
  gboolean              closed;

  AdwToastOverlay      *toasts;
  GtkStack             *stack;
  EdJobPage            *job_page;
  AdwEntryRow          *recipient_row;
  AdwComboRow          *entitlement_row;
  AdwComboRow          *item_row;
  AdwComboRow          *notice_row;
  EdValidatedEntryRow  *marked_entries_row;
  AdwComboRow          *format_row;
  EdDateRow            *date_row;
  GtkLabel             *entries_label;
  GtkLabel             *fee_label;
  GtkLabel             *problem_label;
  GtkButton            *record_button;
};

G_DEFINE_FINAL_TYPE (EdSupplyDialog, ed_supply_dialog, ADW_TYPE_WINDOW)

/* The order of the item row. */
static const EdSaleKind items[] = {
  ED_SALE_KIND_FULL, ED_SALE_KIND_EDITED, ED_SALE_KIND_NOTICE, ED_SALE_KIND_OVERSEAS,
  ED_SALE_KIND_MARKED,
};


static const EdSupplyEntitlement *
selected_entitlement (EdSupplyDialog *self)
{
  guint n;
  const EdSupplyEntitlement *entitlements = ed_supply_get_entitlements (&n);
  guint i = adw_combo_row_get_selected (self->entitlement_row);

  return i < n ? &entitlements[i] : NULL;
}

static EdSaleKind
selected_item (EdSupplyDialog *self)
{
  guint i = adw_combo_row_get_selected (self->item_row);

  return i < G_N_ELEMENTS (items) ? items[i] : ED_SALE_KIND_FULL;
}

static EdSaleFormat
selected_format (EdSupplyDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return i < ED_N_SALE_FORMATS ? i : ED_SALE_FORMAT_DATA;
}

static const char *
selected_notice (EdSupplyDialog *self)
{
  guint i = adw_combo_row_get_selected (self->notice_row);

  if (self->notices == NULL || i >= self->notices->len)
    return NULL;
  return ((EdSupplyNotice *)g_ptr_array_index (self->notices, i))->id;
}

/* Copies of the registers themselves are written here, as CSV or PDF; notices come from
 * where they are published. */
static gboolean
writes_copy (EdSupplyDialog *self)
{
  EdSaleKind item = selected_item (self);

  return item == ED_SALE_KIND_FULL || item == ED_SALE_KIND_EDITED;
}

/* Fills @request from the form, or says what is missing; @field is then the row at fault,
 * or NULL when no one field is. */
static gboolean
read_request (EdSupplyDialog   *self,
              EdSupplyRequest  *request,
              GtkWidget       **field,
              GError          **error)
{
  const EdSupplyEntitlement *entitlement = selected_entitlement (self);

  memset (request, 0, sizeof *request);
  g_date_clear (&request->supplied_on, 1);
  request->recipient = gtk_editable_get_text (GTK_EDITABLE (self->recipient_row));
  request->entitlement = entitlement != NULL ? entitlement->key : "";
  request->item = selected_item (self);
  request->format = selected_format (self);
  request->notice = selected_notice (self);
  *field = NULL;

  if (entitlement == NULL || !ed_supply_entitlement_allows (entitlement, request->item, error))
    {
      *field = GTK_WIDGET (self->item_row);
      return FALSE;
    }
  if (!ed_date_row_get_date (self->date_row, &request->supplied_on, error))
    {
      *field = GTK_WIDGET (self->date_row);
      return FALSE;
    }
  if (request->item == ED_SALE_KIND_NOTICE && request->notice == NULL)
    {
      *field = GTK_WIDGET (self->notice_row);
      g_set_error_literal (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_INVALID,
                           _("No notice of alteration has been published yet"));
      return FALSE;
    }
  if (request->item == ED_SALE_KIND_MARKED)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->marked_entries_row));
      guint64 entries = 0;

      if (!g_ascii_string_to_unsigned (text, 10, 1, ED_SALE_FEE_MAX_ENTRIES, &entries, NULL))
        {
          *field = GTK_WIDGET (self->marked_entries_row);
          g_set_error_literal (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_INVALID,
                               _("Type the number of entries in the marked copy"));
          return FALSE;
        }
      request->entries = entries;
    }
  return TRUE;
}

/* The entries and fee the copy will be recorded with: ed_register_supply_quote() for a copy of
 * the register, which charges the base fee once per constituency register (DOMAIN.md §1.3),
 * as ed_register_supply_record() does. Counting the open register reads every entry, so the
 * quote is kept until what it depends on changes, not redone at every key typed in the
 * recipient. */
static gboolean
quote (EdSupplyDialog         *self,
       const EdSupplyRequest  *request,
       guint64                *out_entries,
       EdMoney                *out_fee,
       GError                **error)
{
  const EdSupplyEntitlement *entitlement = selected_entitlement (self);
  g_autofree char *date = ed_date_format_iso (&request->supplied_on);
  g_autofree char *key = g_strdup_printf ("%d|%d|%s|%s|%s", request->item, request->format,
                                          entitlement != NULL ? entitlement->key : "", date,
                                          request->notice != NULL ? request->notice : "");

  if (request->item == ED_SALE_KIND_MARKED)
    {
      /* The marked copy's entries are typed, and its fee is the same for everyone. */
      *out_entries = request->entries;
      *out_fee = ed_supply_fee (entitlement, request->item, request->format, request->entries);
      return TRUE;
    }
  if (g_strcmp0 (key, self->counted_key) != 0)
    {
      if (!ed_register_supply_quote (self->context, entitlement, request->item,
                                     request->format, &request->supplied_on, request->notice,
                                     &self->counted_entries, &self->counted_fee, error))
        return FALSE;
      g_free (self->counted_key);
      self->counted_key = g_steal_pointer (&key);
    }
  *out_entries = self->counted_entries;
  *out_fee = self->counted_fee;
  return TRUE;
}

/* Shows @message under @field, and takes any message from the other fields. */
static void
show_field_error (EdSupplyDialog *self,
                  GtkWidget      *field,
                  const char     *message)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->item_row), GTK_WIDGET (self->notice_row),
    GTK_WIDGET (self->marked_entries_row), GTK_WIDGET (self->date_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *text = fields[i] == field ? message : NULL;

      if (ED_IS_VALIDATED_ENTRY_ROW (fields[i]))
        ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (fields[i]), text);
      else
        ed_field_error_show (fields[i], text);
    }
}

static void
update (EdSupplyDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *recipient = NULL;
  EdSupplyRequest request;
  EdSaleKind item = selected_item (self);
  GtkWidget *field = NULL;
  guint64 entries = 0;
  EdMoney fee = 0;
  gboolean ok;

  gtk_widget_set_visible (GTK_WIDGET (self->notice_row), item == ED_SALE_KIND_NOTICE);
  gtk_widget_set_visible (GTK_WIDGET (self->marked_entries_row), item == ED_SALE_KIND_MARKED);
  gtk_button_set_label (self->record_button, writes_copy (self) ? _("_Record and Export…")
                                                                : _("_Record"));
  if (self->context == NULL)
    return;

  ok = read_request (self, &request, &field, &error) &&
       quote (self, &request, &entries, &fee, &error);
  if (ok)
    {
      g_autofree char *fee_text = ed_money_format (fee);
      /* Grouped as the rest of the window groups counts ("60,000"), whatever the locale's
       * printf would do. */
      g_autofree char *entries_text = ed_number_format_count ((guint)MIN (entries, G_MAXUINT));

      gtk_label_set_text (self->entries_label, entries_text);
      if (fee == 0)
        {
          /* Translators: the fee of a copy supplied free of charge; %s is £0.00 */
          g_autofree char *free_text = g_strdup_printf (_("%s (supplied free)"), fee_text);

          gtk_label_set_text (self->fee_label, free_text);
        }
      else
        gtk_label_set_text (self->fee_label, fee_text);
      gtk_label_set_text (self->problem_label, "");
    }
  else
    {
      gtk_label_set_text (self->entries_label, "—");
      gtk_label_set_text (self->fee_label, "—");
      gtk_label_set_text (self->problem_label, field == NULL ? error->message : "");
    }
  show_field_error (self, field, ok ? NULL : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), !ok && field == NULL);

  recipient = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->recipient_row))));
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), ok && recipient[0] != '\0');
}

static void
field_changed_cb (EdSupplyDialog *self)
{
  update (self);
}

static void
toast (EdSupplyDialog *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static void
toast_recorded (EdSupplyDialog *self,
                EdSupply       *supply,
                gboolean        with_copy,
                guint           n_written)
{
  g_autofree char *fee = ed_money_format (supply->fee);
  g_autofree char *count = ed_number_format_count (n_written);
  g_autofree char *done = NULL;
  AdwToast *recorded;

  if (with_copy)
    /* Translators: the fee, then the entries written to the file, digits grouped */
    done = g_strdup_printf (ngettext ("Recorded, fee %s; %s entry written",
                                      "Recorded, fee %s; %s entries written", n_written),
                            fee, count);
  else
    /* Translators: %s is the fee */
    done = g_strdup_printf (_("Recorded, fee %s"), fee);
  recorded = adw_toast_new (done);
  /* The copy is for handing over: Open shows it as it will be handed. */
  if (with_copy && self->copy != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->copy);

      adw_toast_set_button_label (recorded, _("_Open"));
      adw_toast_set_action_name (recorded, "supply.open-copy");
      adw_toast_set_action_target_value (recorded, g_variant_new_string (uri));
      adw_toast_set_timeout (recorded, 10);
      /* Not queued behind an older toast: the copy is what the officer waited for. */
      adw_toast_set_priority (recorded, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (self->toasts, recorded);

  /* The next request is someone else's: clearing the name keeps one click from recording
   * the same copy twice. */
  gtk_editable_set_text (GTK_EDITABLE (self->recipient_row), "");
}

static void
open_copy_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (parameter, NULL), NULL, &error))
    toast (ED_SUPPLY_DIALOG (widget), error->message);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EdSupplyDialog) self = user_data;
  g_autoptr(EdSupply) supply = NULL;
  g_autoptr(GError) error = NULL;
  guint n_written = 0;

  supply = ed_register_supply_export_finish (ED_JOB (source), result, &n_written, &error);
  g_clear_object (&self->job);
  if (self->closed)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->record_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "form");
  if (supply == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, _("Cancelled: nothing was recorded or written"));
      else
        {
          g_autofree char *why = g_strdup_printf (_("Nothing was recorded: %s"), error->message);

          toast (self, why);
        }
      return;
    }
  toast_recorded (self, supply, TRUE, n_written);
}

/* Records the supply and writes its copy to @file (NULL: no copy is written here). */
static void
record (EdSupplyDialog *self,
        GFile          *file)
{
  g_autoptr(EdSupply) supply = NULL;
  g_autoptr(GError) error = NULL;
  EdSupplyRequest request;
  GtkWidget *field;
  EdJob *job;

  if (!read_request (self, &request, &field, &error))
    {
      toast (self, error->message);
      return;
    }
  if (file == NULL)
    {
      supply = ed_register_supply_record (self->context, &request, &error);
      if (supply == NULL)
        toast (self, error->message);
      else
        toast_recorded (self, supply, FALSE, 0);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->record_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  /* The job keeps this window until it is done, even once closed. */
  g_set_object (&self->copy, file);
  job = ed_register_supply_export_async (self->context, &request, file, NULL, export_done_cb,
                                         g_object_ref (self));
  self->job = g_object_ref (job);
  ed_job_page_watch (self->job_page, job);
}

static gboolean
ed_supply_dialog_close_request (GtkWindow *window)
{
  EdSupplyDialog *self = ED_SUPPLY_DIALOG (window);

  /* Closing is cancelling: the supply is recorded last, so nothing is. */
  self->closed = TRUE;
  if (self->job != NULL)
    ed_job_cancel (self->job);
  return GTK_WINDOW_CLASS (ed_supply_dialog_parent_class)->close_request (window);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  EdSupplyDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      record (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
record_clicked_cb (EdSupplyDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *name_with_type = NULL;
  /* The file is named by the date as stored, whichever way it was typed. */
  g_autofree char *date = ed_date_row_dup_iso (self->date_row);

  if (!writes_copy (self) || date == NULL)
    {
      /* Without a date, record() says what is wrong. */
      record (self, NULL);
      return;
    }
  if (self->chooser != NULL || self->job != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export the Copy Supplied"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  /* Translators: file names of the copies supplied; %s is the date of supply */
  name = g_strdup_printf (selected_item (self) == ED_SALE_KIND_FULL ? _("full-register-%s") :
                                                                      _("open-register-%s"),
                          date);
  name_with_type = g_strconcat (name, selected_format (self) == ED_SALE_FORMAT_PRINTED ? ".pdf"
                                                                                        : ".csv",
                                NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name_with_type);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static char *
notice_title (EdSupplyNotice *notice)
{
  g_autofree char *date = g_date_valid (&notice->publication_date)
                            ? ed_date_format_iso (&notice->publication_date) : g_strdup ("—");

  switch (notice->kind)
    {
    case ED_NOTICE_KIND_REVISED:
      /* Translators: %s is the date of publication */
      return g_strdup_printf (_("Revised register of %s"), date);
    case ED_NOTICE_KIND_INTERIM:
      return g_strdup_printf (_("Interim notice of %s"), date);
    case ED_NOTICE_KIND_MONTHLY:
    case ED_N_NOTICE_KINDS:
    default:
      return g_strdup_printf (_("Notice of %s"), date);
    }
}

static void
load_notices (EdSupplyDialog *self)
{
  GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (self->notice_row));
  g_autoptr(GError) error = NULL;

  gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)), NULL);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  self->notices = ed_register_supply_list_notices (self->context, &error);
  if (self->notices == NULL)
    g_warning ("Could not list the notices of alteration: %s", error->message);
  for (guint i = 0; self->notices != NULL && i < self->notices->len; i++)
    {
      g_autofree char *title = notice_title (g_ptr_array_index (self->notices, i));

      gtk_string_list_append (names, title);
    }
}

static void
ed_supply_dialog_dispose (GObject *object)
{
  EdSupplyDialog *self = ED_SUPPLY_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* A job still running keeps this object alive; its result must not touch widgets. */
  self->closed = TRUE;
  if (self->job != NULL)
    ed_job_cancel (self->job);
  g_clear_object (&self->context);
  g_clear_object (&self->copy);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->counted_key, g_free);

  G_OBJECT_CLASS (ed_supply_dialog_parent_class)->dispose (object);
}

static void
ed_supply_dialog_class_init (EdSupplyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_supply_dialog_dispose;
  window_class->close_request = ed_supply_dialog_close_request;

  g_type_ensure (ED_TYPE_VALIDATED_ENTRY_ROW);
  g_type_ensure (ED_TYPE_DATE_ROW);
  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/register/ed-supply-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, toasts);
  gtk_widget_class_install_action (widget_class, "supply.open-copy", "s", open_copy_action_cb);
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, entitlement_row);
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, item_row);
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, notice_row);
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, marked_entries_row);
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, entries_label);
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, fee_label);
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, EdSupplyDialog, record_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_supply_dialog_init (EdSupplyDialog *self)
{
  GtkStringList *list;
  const EdSupplyEntitlement *entitlements;
  g_autofree char *today_text = NULL;
  GDate today;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The combos' items come from the vocabularies, in their order. */
  list = GTK_STRING_LIST (adw_combo_row_get_model (self->entitlement_row));
  entitlements = ed_supply_get_entitlements (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, ed_supply_entitlement_get_name (&entitlements[i]));
  list = GTK_STRING_LIST (adw_combo_row_get_model (self->item_row));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    gtk_string_list_append (list, ed_sale_kind_get_display_name (items[i]));
  list = GTK_STRING_LIST (adw_combo_row_get_model (self->format_row));
  for (EdSaleFormat f = 0; f < ED_N_SALE_FORMATS; f++)
    gtk_string_list_append (list, ed_sale_format_get_display_name (f));
  ed_combo_row_show_choices_in_full (self->entitlement_row);
  ed_combo_row_show_choices_in_full (self->item_row);
  ed_combo_row_show_choices_in_full (self->notice_row);

  g_date_clear (&today, 1);
  ed_today (&today);
  today_text = ed_date_format_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);

  /* Its progress bar's accessible label is given only when it is made. */
  self->job_page = ED_JOB_PAGE (ed_job_page_new (_("Writing the Copy…"),
                                                 _("Progress of the copy")));
  ed_job_page_set_description (self->job_page,
                               _("The supply is recorded once its copy is written. Cancel "
                                 "leaves both undone."));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->job_page), "progress");
}

/**
 * ed_supply_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the district
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
EdSupplyDialog *
ed_supply_dialog_new (GtkWindow *parent,
                      EdContext *context)
{
  EdSupplyDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_SUPPLY_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  load_notices (self);
  update (self);
  return self;
}

/**
 * ed_supply_dialog_record_and_export:
 * @self: the dialog
 * @file: where to write the copy
 *
 * Records the supply the form describes and writes its copy to @file, as choosing @file
 * after Record and Export does.
 */
void
ed_supply_dialog_record_and_export (EdSupplyDialog *self,
                                    GFile          *file)
{
  g_return_if_fail (ED_IS_SUPPLY_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->job == NULL);

  record (self, file);
}

/**
 * ed_supply_dialog_is_running:
 * @self: the dialog
 *
 * Returns: whether a copy is being written
 */
gboolean
ed_supply_dialog_is_running (EdSupplyDialog *self)
{
  g_return_val_if_fail (ED_IS_SUPPLY_DIALOG (self), FALSE);

  return self->job != NULL;
}
