/* ed-sync-approve-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sync/ed-sync-crypto.h"
#include "sync/ed-sync-desk-info.h"
#include "sync/ed-sync-share.h"
#include "sync/ed-sync.h"
#include "ui/sync/ed-sync-approve-dialog.h"

/* Approving a desk that asked to join (SYNC.md §4.8b): who asked, from which computer, and
 * the fingerprint to compare with the one that desk shows, read out in person or over the
 * phone. Only that comparison tells the team's real colleague from anyone else who can write
 * to the shared folder. The approval itself (the team key sealed to the desk, and a signed
 * roster entry, on the share) runs as a job; the dialog stays open until it is done, and says
 * what went wrong if it fails. */

#define JOB_KEY "ed-sync-approve-job"

typedef struct
{
  char *device;
} Approve;

static void
approve_free (gpointer data)
{
  Approve *approve = data;

  g_free (approve->device);
  g_free (approve);
}

static gboolean
approve_work (EdJob         *job,
              GObject       *connection,
              gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  Approve *approve = task_data;
  EdContext *context = ED_CONTEXT (connection);
  g_autoptr(EdShareSettings) settings = NULL;
  g_autoptr(EdTransport) transport = NULL;
  g_autoptr(EdSync) sync = NULL;

  settings = ed_share_settings_load (context, error);
  if (settings == NULL)
    return FALSE;
  transport = ed_share_open_transport (settings, error);
  if (transport == NULL)
    return FALSE;
  sync = ed_sync_new (context, transport, error);
  return sync != NULL && ed_sync_approve (sync, approve->device, cancellable, error);
}

static void
set_busy (AdwMessageDialog *dialog,
          gboolean          busy)
{
  GtkWidget *spinner = adw_message_dialog_get_extra_child (dialog);

  adw_message_dialog_set_response_enabled (dialog, "approve", !busy);
  adw_message_dialog_set_response_enabled (dialog, "cancel", !busy);
  gtk_widget_set_visible (spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), busy);
}

static void
approved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AdwMessageDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (dialog), JOB_KEY, NULL);
  set_busy (dialog, FALSE);
  if (!ed_job_run_finish (ED_JOB (source), result, &error))
    {
      adw_message_dialog_set_heading (dialog, _("Cannot Approve the Desk"));
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_set_response_label (dialog, "approve", _("_Try Again"));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
unref_context (gpointer  data,
               GClosure *closure)
{
  g_object_unref (data);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             EdContext        *context)
{
  Approve *approve;
  EdJob *job;

  if (!g_str_equal (response, "approve"))
    return;
  approve = g_new0 (Approve, 1);
  approve->device = g_strdup (g_object_get_data (G_OBJECT (dialog), "ed-device"));
  set_busy (dialog, TRUE);
  job = ed_context_run_job_async (context, approve_work, approve, approve_free, NULL,
                                  approved_cb, g_object_ref (dialog));
  g_object_set_data_full (G_OBJECT (dialog), JOB_KEY, g_object_ref (job), g_object_unref);
}

/* A response closes a message dialog; while the approval runs, it stays, to say how it
 * went. */
static gboolean
close_request_cb (GtkWindow *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), JOB_KEY) != NULL;
}

/**
 * ed_sync_approve_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the open district, on a desk of the team
 * @device: the device id of the desk that asked to join
 * @error: return location for an error: the desk is not one that asked, as this desk last
 *   read the team's roster
 *
 * Returns: (transfer none): the dialog, not shown yet, or %NULL with @error set
 */
GtkWidget *
ed_sync_approve_dialog_new (GtkWindow   *parent,
                            EdContext   *context,
                            const char  *device,
                            GError     **error)
{
  g_autoptr(EdTeamDesk) desk = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *spinner;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (device != NULL, NULL);

  desk = ed_sync_lookup_desk (context, device, error);
  if (desk == NULL)
    return NULL;
  if (desk->state != ED_DESK_REQUESTED)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER,
                   desk->state == ED_DESK_MEMBER ? _("Desk %s is in the team already")
                                                 : _("Desk %s was removed from the team"),
                   device);
      return NULL;
    }
  fingerprint = ed_sync_fingerprint (desk->sign_public);
  /* Translators: %1$s is a user name, %2$s a computer's name, %3$s the desk's fingerprint */
  body = g_strdup_printf (_("%1$s on the computer %2$s asks to join the team. Its "
                            "fingerprint is\n\n%3$s\n\nAsk the person at that desk to read "
                            "out the fingerprint it shows. Approve only if the two are the "
                            "same: anyone who can write to the shared folder can ask."),
                          desk->user, desk->host, fingerprint);

  dialog = adw_message_dialog_new (parent, _("Approve the Desk?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "approve", _("_Approve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  spinner = gtk_spinner_new ();
  gtk_widget_set_visible (spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Approving the desk"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spinner);
  g_object_set_data_full (G_OBJECT (dialog), "ed-device", g_strdup (device), g_free);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), g_object_ref (context),
                         unref_context, 0);
  g_signal_connect (dialog, "close-request", G_CALLBACK (close_request_cb), NULL);
  return dialog;
}
