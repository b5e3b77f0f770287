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

struct _EdSyncApproveDialog
{
  AdwMessageDialog  parent_instance;

  EdContext        *context;
  char             *device;
  guint8            shown_sign_public[ED_SIGN_PUBLIC_BYTES];
  EdJob            *job;       /* set while the approval runs */
  GtkWidget        *spinner;
};

G_DEFINE_FINAL_TYPE (EdSyncApproveDialog, ed_sync_approve_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  APPROVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char   *device;
  guint8  shown_sign_public[ED_SIGN_PUBLIC_BYTES];
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
  /* The keys whose fingerprint the person compared, and no others. */
  return sync != NULL && ed_sync_approve_shown (sync, approve->device,
                                                approve->shown_sign_public, cancellable,
                                                error);
}

static void
set_busy (EdSyncApproveDialog *self,
          gboolean             busy)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  adw_message_dialog_set_response_enabled (dialog, "approve", !busy);
  adw_message_dialog_set_response_enabled (dialog, "cancel", !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

static void
approved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EdSyncApproveDialog) self = user_data;
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->job);
  set_busy (self, FALSE);
  if (!ed_job_run_finish (ED_JOB (source), result, &error))
    {
      adw_message_dialog_set_heading (dialog, _("Cannot Approve the Desk"));
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_set_response_label (dialog, "approve", _("_Try Again"));
      return;
    }
  g_signal_emit (self, signals[APPROVED], 0, self->device);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ed_sync_approve_dialog_response (AdwMessageDialog *dialog,
                                 const char       *response)
{
  EdSyncApproveDialog *self = ED_SYNC_APPROVE_DIALOG (dialog);
  AdwMessageDialogClass *parent_class = ADW_MESSAGE_DIALOG_CLASS (
    ed_sync_approve_dialog_parent_class);

  if (g_str_equal (response, "approve") && self->job == NULL)
    {
      Approve *approve = g_new0 (Approve, 1);

      approve->device = g_strdup (self->device);
      memcpy (approve->shown_sign_public, self->shown_sign_public, ED_SIGN_PUBLIC_BYTES);
      set_busy (self, TRUE);
      self->job = g_object_ref (ed_context_run_job_async (self->context, approve_work, approve,
                                                          approve_free, NULL, approved_cb,
                                                          g_object_ref (self)));
    }
  if (parent_class->response != NULL)
    parent_class->response (dialog, response);
}

/* A response closes a message dialog; while the approval runs, it stays, to say how it
 * went. */
static gboolean
ed_sync_approve_dialog_close_request (GtkWindow *window)
{
  EdSyncApproveDialog *self = ED_SYNC_APPROVE_DIALOG (window);

  if (self->job != NULL)
    return TRUE;
  return GTK_WINDOW_CLASS (ed_sync_approve_dialog_parent_class)->close_request (window);
}

static void
ed_sync_approve_dialog_dispose (GObject *object)
{
  EdSyncApproveDialog *self = ED_SYNC_APPROVE_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->job);

  G_OBJECT_CLASS (ed_sync_approve_dialog_parent_class)->dispose (object);
}

static void
ed_sync_approve_dialog_finalize (GObject *object)
{
  EdSyncApproveDialog *self = ED_SYNC_APPROVE_DIALOG (object);

  g_free (self->device);

  G_OBJECT_CLASS (ed_sync_approve_dialog_parent_class)->finalize (object);
}

static void
ed_sync_approve_dialog_class_init (EdSyncApproveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = ed_sync_approve_dialog_dispose;
  object_class->finalize = ed_sync_approve_dialog_finalize;
  window_class->close_request = ed_sync_approve_dialog_close_request;
  dialog_class->response = ed_sync_approve_dialog_response;

  /**
   * EdSyncApproveDialog::approved:
   * @device: the desk approved
   *
   * The desk is approved: it joins the team at its next sync.
   */
  signals[APPROVED] = g_signal_new ("approved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ed_sync_approve_dialog_init (EdSyncApproveDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  adw_message_dialog_set_heading (dialog, _("Approve the Desk?"));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "approve", _("_Approve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Approving the desk"), -1);
  adw_message_dialog_set_extra_child (dialog, self->spinner);
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
EdSyncApproveDialog *
ed_sync_approve_dialog_new (GtkWindow   *parent,
                            EdContext   *context,
                            const char  *device,
                            GError     **error)
{
  g_autoptr(EdTeamDesk) desk = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *body = NULL;
  EdSyncApproveDialog *self;

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

  self = g_object_new (ED_TYPE_SYNC_APPROVE_DIALOG, "transient-for", parent, "body", body,
                       NULL);
  self->context = g_object_ref (context);
  self->device = g_strdup (device);
  memcpy (self->shown_sign_public, desk->sign_public, ED_SIGN_PUBLIC_BYTES);
  return self;
}
