/* ed-election-registers-row.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The polling-station registers of the election shown: Save… asks for a folder (and first,
 * before the final interim notice, whether to save them early), then writes a PDF for each
 * station in a worker thread, with a window showing the progress and a Cancel button. */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "elections/ed-election-notices.h"
#include "elections/ed-station-register-document.h"
#include "ui/ed-accessible.h"
#include "ui/ed-job-page.h"
#include "ui/ed-number-format.h"
#include "ui/elections/ed-election-detail-private.h"
#include "ui/elections/ed-election-registers-row.h"

struct _EdElectionRegistersRow
{
  AdwActionRow          parent_instance;

  EdContext            *context;
  EdElection           *election;          /* the detail's */
  GtkFileChooserNative *chooser;
  gboolean              registers_early;   /* confirmed before the final notice */
  GtkWindow            *registers_progress;

  GtkWidget            *registers_button;
};

G_DEFINE_FINAL_TYPE (EdElectionRegistersRow, ed_election_registers_row, ADW_TYPE_ACTION_ROW)

static void
registers_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(EdElectionRegistersRow) self = data;
  g_autoptr(EdStationRegisters) registers = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->registers_progress, gtk_window_destroy);
  gtk_widget_set_sensitive (self->registers_button, TRUE);
  registers = ed_station_registers_write_finish (ED_JOB (source), result, &error);
  if (registers == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *why =
            g_strdup_printf (_("The registers could not be saved: %s"), error->message);

          _ed_election_detail_toast (GTK_WIDGET (self), why);
        }
      return;
    }
  {
    g_autofree char *count = ed_number_format_count (registers->files->len);
    /* Translators: %s is a count of polling stations */
    g_autofree char *done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Saved the register of %s station",
                                                          "Saved the registers of %s stations",
                                                          registers->files->len),
                                             count);

    _ed_election_detail_toast (GTK_WIDGET (self), done);
  }
}

/**
 * ed_election_registers_row_save:
 * @self: the row
 * @folder: where the registers go
 * @before_final: %TRUE when a person confirmed saving them before the final interim notice
 *
 * Saves the polling-station registers of the election shown into @folder, as Save… does
 * once a folder is chosen, with a window showing the progress and a Cancel button. The
 * page says how it went; ed_election_registers_row_is_saving() tells when it is done.
 */
void
ed_election_registers_row_save (EdElectionRegistersRow *self,
                                const char             *folder,
                                gboolean                before_final)
{
  GtkRoot *root;
  GtkWidget *window;
  GtkWidget *page;
  EdJob *job;

  g_return_if_fail (ED_IS_ELECTION_REGISTERS_ROW (self));
  g_return_if_fail (folder != NULL);

  if (self->election == NULL || self->registers_progress != NULL)
    return;
  self->registers_early = before_final;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = adw_window_new ();
  page = ed_job_page_new (_("Saving the Polling-Station Registers…"),
                          _("Progress of the registers"));

  gtk_window_set_title (GTK_WINDOW (window), _("Saving the Polling-Station Registers"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, -1);
  ed_job_page_set_description (ED_JOB_PAGE (page),
                               _("A PDF for each station. Cancel leaves none of them."));
  adw_window_set_content (ADW_WINDOW (window), page);
  self->registers_progress = GTK_WINDOW (window);
  gtk_widget_set_sensitive (self->registers_button, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  job = ed_station_registers_write_async (self->context, self->election->id, folder,
                                          self->registers_early
                                            ? ED_STATION_REGISTER_FLAGS_BEFORE_FINAL
                                            : ED_STATION_REGISTER_FLAGS_NONE,
                                          NULL, registers_done_cb, g_object_ref (self));
  ed_job_page_watch (ED_JOB_PAGE (page), job);
}

static void
registers_folder_cb (GtkNativeDialog        *chooser,
                     int                     response,
                     EdElectionRegistersRow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file == NULL || (folder = g_file_get_path (file)) == NULL || self->election == NULL)
    return;
  ed_election_registers_row_save (self, folder, self->registers_early);
}

/**
 * ed_election_registers_row_is_saving:
 * @self: the row
 *
 * Returns: %TRUE while the polling-station registers are being saved
 */
gboolean
ed_election_registers_row_is_saving (EdElectionRegistersRow *self)
{
  g_return_val_if_fail (ED_IS_ELECTION_REGISTERS_ROW (self), FALSE);

  return self->registers_progress != NULL;
}

static void
choose_registers_folder (EdElectionRegistersRow *self)
{
  if (self->chooser != NULL)
    return;
  self->chooser = _ed_election_detail_folder_chooser_new (GTK_WIDGET (self),
                                                          _("Save Polling-Station Registers"),
                                                          _("_Save"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (registers_folder_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
early_response_cb (AdwMessageDialog       *dialog,
                   const char             *response,
                   EdElectionRegistersRow *self)
{
  if (!g_str_equal (response, "early"))
    return;
  self->registers_early = TRUE;
  choose_registers_folder (self);
}

/* Before the final interim notice's day the registers may still change: printing them then
 * is asked about first (DOMAIN.md §1.4). */
static gboolean
before_final_notice (EdElectionRegistersRow *self,
                     GDate                  *final_day)
{
  EdInterimNotice notices[ED_N_INTERIM_NOTICES];
  GDate today;

  if (!ed_election_get_interim_notices (self->context, self->election, notices, NULL))
    return FALSE;
  ed_today (&today);
  *final_day = notices[ED_N_INTERIM_NOTICES - 1].dates.publication;
  return g_date_compare (&today, final_day) < 0;
}

static void
save_registers_clicked_cb (EdElectionRegistersRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *day = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GDate final_day;

  if (self->election == NULL || self->chooser != NULL)
    return;
  self->registers_early = FALSE;
  if (!before_final_notice (self, &final_day))
    {
      choose_registers_folder (self);
      return;
    }
  day = ed_date_format_long (&final_day);
  /* Translators: %s is the day of the final interim notice */
  body = g_strdup_printf (_("The final interim notice of alteration, on %s, may still add or "
                            "remove electors. Registers printed now may have to be printed "
                            "again."), day);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save the Registers Early?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "early", _("_Save Early"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "early",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (early_response_cb), self, 0);
  ed_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ed_election_registers_row_set_election:
 * @self: the row
 * @context: (nullable): the district
 * @election: (nullable): the election shown, which the detail keeps until it gives another
 *
 * Saves the registers of @election from now on.
 */
void
ed_election_registers_row_set_election (EdElectionRegistersRow *self,
                                        EdContext              *context,
                                        EdElection             *election)
{
  g_return_if_fail (ED_IS_ELECTION_REGISTERS_ROW (self));

  g_set_object (&self->context, context);
  self->election = election;
  gtk_widget_set_sensitive (self->registers_button, self->election != NULL &&
                                                    self->registers_progress == NULL);
}

static void
ed_election_registers_row_dispose (GObject *object)
{
  EdElectionRegistersRow *self = ED_ELECTION_REGISTERS_ROW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->context);
  self->election = NULL;

  G_OBJECT_CLASS (ed_election_registers_row_parent_class)->dispose (object);
}

static void
ed_election_registers_row_class_init (EdElectionRegistersRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_election_registers_row_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-election-registers-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EdElectionRegistersRow, registers_button);
  gtk_widget_class_bind_template_callback (widget_class, save_registers_clicked_cb);
}

static void
ed_election_registers_row_init (EdElectionRegistersRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
