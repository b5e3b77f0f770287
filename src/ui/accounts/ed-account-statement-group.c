/* ed-account-statement-group.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Claim view's statement (issue 17, item 4): its summary as it will be published
 * (ed_account_statement_summary ()), for the whole account or one of its polls, and Save
 * Statement…, which writes the statement of the whole account as a PDF or a workbook in a
 * worker thread. The group keeps its own copy of each summary, so that choosing another
 * poll's needs no account. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accounts/ed-account-document.h"
#include "accounts/ed-account-statement.h"
#include "core/ed-job.h"
#include "ui/accounts/ed-account-figures.h"
#include "ui/accounts/ed-account-statement-group.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"

struct _EdAccountStatementGroup
{
  AdwPreferencesGroup  parent_instance;

  EdContext  *context;
  char       *election_id;     /* the account's first poll */
  char       *slug;            /* its id, for a file's name */
  GPtrArray  *statements;      /* GPtrArray of EdStatementRow: the whole account, then each poll */
  GPtrArray  *statement_rows;  /* the rows the group shows */
  gboolean    filling;         /* the choices are being shown: not the person's */
  EdJob      *save_job;        /* the statement being written, if any */

  GtkWidget  *statement_dropdown;
};

G_DEFINE_FINAL_TYPE (EdAccountStatementGroup, ed_account_statement_group,
                     ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- the summary -------------------------------------------------------------------------- */

static void
show_statement_rows (EdAccountStatementGroup *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->statement_dropdown));
  GPtrArray *rows;

  for (guint i = 0; i < self->statement_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->statement_rows, i));
  g_ptr_array_set_size (self->statement_rows, 0);
  if (self->statements->len == 0)
    return;
  rows = g_ptr_array_index (self->statements, MIN (selected, self->statements->len - 1));
  for (guint i = 0; i < rows->len; i++)
    {
      EdStatementRow *statement_row = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *amount = ed_account_amount_label_new ();
      g_autofree char *text = ed_money_format (statement_row->amount);
      /* Translators: for a screen reader: a line of a statement, then its amount */
      g_autofree char *name = g_strdup_printf (C_("statement", "%s: %s"), statement_row->label,
                                               text);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), statement_row->label);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      ed_account_amount_label_set (amount, statement_row->amount, name);
      gtk_widget_set_valign (amount, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
      if (statement_row->kind != ED_STATEMENT_ROW_LINE)
        gtk_widget_add_css_class (row, "heading");
      else if (!statement_row->in_total)
        {
          /* The staff costs with the fees inside them, which the total does not add. */
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not added into the total"));
          gtk_widget_add_css_class (amount, "dim-label");
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->statement_rows, row);
    }
}

static void
statement_changed_cb (EdAccountStatementGroup *self)
{
  if (!self->filling)
    show_statement_rows (self);
}

/**
 * ed_account_statement_group_show:
 * @self: the group
 * @context: the district
 * @account: the account; the group keeps none of it
 *
 * Shows the summary of @account's statement, keeping the poll chosen, and names the account
 * Save Statement… writes.
 */
void
ed_account_statement_group_show (EdAccountStatementGroup *self,
                                 EdContext               *context,
                                 const EdAccount         *account)
{
  guint selected;
  g_autoptr(GtkStringList) names = NULL;
  gboolean combined;

  g_return_if_fail (ED_IS_ACCOUNT_STATEMENT_GROUP (self));
  g_return_if_fail (ED_IS_CONTEXT (context) && account != NULL);

  g_set_object (&self->context, context);
  g_free (self->election_id);
  self->election_id = g_strdup (account->election->id);
  g_free (self->slug);
  self->slug = g_strdup (account->election->slug);

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->statement_dropdown));
  names = gtk_string_list_new (NULL);
  combined = account->polls->len > 1;
  g_ptr_array_set_size (self->statements, 0);
  g_ptr_array_add (self->statements, ed_account_statement_summary ((EdAccount *)account, -1));
  gtk_string_list_append (names, _("The whole account"));
  for (guint p = 0; combined && p < account->polls->len; p++)
    {
      g_ptr_array_add (self->statements, ed_account_statement_summary ((EdAccount *)account,
                                                                       (gint)p));
      gtk_string_list_append (names, ed_account_poll_title (g_ptr_array_index (account->polls,
                                                                               p)));
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->statement_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->statement_dropdown),
                              selected < self->statements->len ? selected : 0);
  self->filling = FALSE;
  gtk_widget_set_visible (self->statement_dropdown, combined);
  show_statement_rows (self);
}

/* --- the statement's files ---------------------------------------------------------------- */

typedef struct
{
  char     *election_id;
  char     *path;
  gboolean  workbook;
} SaveStatement;

static void
save_statement_free (gpointer data)
{
  SaveStatement *save = data;

  g_free (save->election_id);
  g_free (save->path);
  g_free (save);
}

/* The account read afresh on the worker's own connection, so that the file is what the
 * district holds at this moment, then written whole or not at all (ed-output-file.h). */
static gboolean
save_statement_work (EdJob         *job,
                     GObject       *connection,
                     gpointer       task_data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  EdContext *context = ED_CONTEXT (connection);
  SaveStatement *save = task_data;
  g_autoptr(EdAccount) account = ed_account_load (context, save->election_id, error);

  if (account == NULL)
    return FALSE;
  if (save->workbook)
    return ed_account_statement_write_xlsx (account, save->path, error);
  return ed_account_statement_write_pdf (
    account, ed_district_settings_get_council_name (ed_context_get_settings (context)),
    save->path, error);
}

static void
statement_saved_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EdAccountStatementGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  SaveStatement *save = ed_job_get_task_data (ED_JOB (source));
  g_autofree char *name = g_path_get_basename (save->path);
  g_autofree char *text = NULL;

  if (ED_JOB (source) == self->save_job)
    {
      g_clear_object (&self->save_job);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  if (!ed_job_run_finish (ED_JOB (source), result, &error))
    {
      GtkWidget *dialog;

      if (self->context == NULL)
        {
          g_warning ("The statement was not saved: %s", error->message);
          return;
        }
      dialog = adw_message_dialog_new (ed_account_parent_window (GTK_WIDGET (self)),
                                       _("Cannot Save the Statement"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      ed_accessible_name_buttons (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  /* Translators: %s is the name of the file just saved */
  text = g_strdup_printf (_("Saved “%s”"), name);
  ed_account_toast (GTK_WIDGET (self), text);
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

/**
 * ed_account_statement_group_save:
 * @self: the group
 * @file: where to write: an `.xlsx` file for a workbook, anything else for a PDF
 *
 * Writes the statement of the account shown, in a worker thread, then says so in a toast, or
 * what went wrong in a dialog. The group is busy until it is done.
 */
void
ed_account_statement_group_save (EdAccountStatementGroup *self,
                                 GFile                   *file)
{
  SaveStatement *save;
  const char *path;

  g_return_if_fail (ED_IS_ACCOUNT_STATEMENT_GROUP (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->context == NULL || self->election_id == NULL || self->save_job != NULL)
    return;
  if ((path = g_file_peek_path (file)) == NULL)
    {
      ed_account_toast (GTK_WIDGET (self), _("Choose a file on this computer."));
      return;
    }
  save = g_new0 (SaveStatement, 1);
  save->election_id = g_strdup (self->election_id);
  save->path = g_strdup (path);
  save->workbook = has_suffix (path, ".xlsx");
  self->save_job = g_object_ref (ed_context_run_job_async (self->context, save_statement_work,
                                                           save, save_statement_free, NULL,
                                                           statement_saved_cb,
                                                           g_object_ref (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

#define FILTER_SUFFIX_KEY "ed-statement-suffix"

static void
add_filter (GtkFileChooserNative *chooser,
            const char           *name,
            const char           *suffix,
            const char           *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data_full (G_OBJECT (filter), FILTER_SUFFIX_KEY, g_strdup (suffix), g_free);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

/* The file chosen, with the suffix of the kind chosen when its name has neither. */
static void
statement_file_chosen_cb (GtkNativeDialog         *chooser,
                          int                      response,
                          EdAccountStatementGroup *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                            ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  const char *suffix = filter != NULL ? g_object_get_data (G_OBJECT (filter), FILTER_SUFFIX_KEY)
                                      : NULL;

  if (file != NULL && suffix != NULL && g_file_peek_path (file) != NULL &&
      !has_suffix (g_file_peek_path (file), ".pdf") &&
      !has_suffix (g_file_peek_path (file), ".xlsx"))
    {
      g_autofree char *with_suffix = g_strdup_printf ("%s.%s", g_file_peek_path (file), suffix);

      g_object_unref (file);
      file = g_file_new_for_path (with_suffix);
    }
  if (file != NULL)
    ed_account_statement_group_save (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * ed_account_statement_group_choose_file:
 * @self: the group
 *
 * Asks where to save the statement, as a PDF or a workbook, and saves it there.
 */
void
ed_account_statement_group_choose_file (EdAccountStatementGroup *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  g_return_if_fail (ED_IS_ACCOUNT_STATEMENT_GROUP (self));

  if (self->context == NULL || self->slug == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Statement"),
                                         ed_account_parent_window (GTK_WIDGET (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s-statement.pdf", self->slug);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (chooser, _("PDF documents"), "pdf", "application/pdf");
  add_filter (chooser, _("XLSX workbook"), "xlsx",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  g_signal_connect_object (chooser, "response", G_CALLBACK (statement_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * ed_account_statement_group_is_busy:
 * @self: the group
 *
 * Returns: %TRUE while the statement is being written
 */
gboolean
ed_account_statement_group_is_busy (EdAccountStatementGroup *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_STATEMENT_GROUP (self), FALSE);
  return self->save_job != NULL;
}


/**
 * ed_account_statement_group_clear:
 * @self: the group
 *
 * Lets go of the district and the account shown, as when the district is closed.
 */
void
ed_account_statement_group_clear (EdAccountStatementGroup *self)
{
  g_return_if_fail (ED_IS_ACCOUNT_STATEMENT_GROUP (self));

  g_clear_object (&self->context);
  g_clear_pointer (&self->election_id, g_free);
  g_clear_pointer (&self->slug, g_free);
}

static void
ed_account_statement_group_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  EdAccountStatementGroup *self = ED_ACCOUNT_STATEMENT_GROUP (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->save_job != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_account_statement_group_dispose (GObject *object)
{
  EdAccountStatementGroup *self = ED_ACCOUNT_STATEMENT_GROUP (object);

  g_clear_object (&self->save_job);
  g_clear_object (&self->context);
  g_clear_pointer (&self->election_id, g_free);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->statements, g_ptr_array_unref);
  g_clear_pointer (&self->statement_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_account_statement_group_parent_class)->dispose (object);
}

static void
ed_account_statement_group_class_init (EdAccountStatementGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_account_statement_group_dispose;
  object_class->get_property = ed_account_statement_group_get_property;

  /**
   * EdAccountStatementGroup:busy:
   *
   * Whether the statement is being written.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/accounts/ed-account-statement-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAccountStatementGroup,
                                        statement_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, statement_changed_cb);
}

static void
ed_account_statement_group_init (EdAccountStatementGroup *self)
{
  self->statements = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->statement_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  ed_accessible_name_buttons (GTK_WIDGET (self));
}
