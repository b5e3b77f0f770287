/* ed-sync-setup-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sync/ed-sync-desk-info.h"
#include "sync/ed-sync-job.h"
#include "sync/ed-sync-share.h"
#include "sync/ed-sync.h"
#include "ui/ed-accessible.h"
#include "ui/ed-folder-row.h"
#include "ui/ed-ui-resources.h"
#include "ui/sync/ed-sync-setup-dialog.h"

/* Sets a desk up to sync (SYNC.md §4.8–4.9), in two steps: where the team's shared folder is,
 * then whether this desk makes the team, joins it with its passphrase, or asks to join. What
 * is typed is checked before anything is tried; the work itself (a key derived from the
 * passphrase with Argon2id takes a second or so, and a WebDAV server is across the network)
 * runs as a job on its own connection, with the dialog insensitive. If it fails the dialog
 * says why and keeps everything typed.
 *
 * A new desk joins from the welcome page with ed_sync_setup_dialog_new_join(): the dialog
 * makes an empty district file, joins (or asks to join) into it, runs the first sync that
 * brings the team's district in, and hands the file to be opened. A file made here is
 * removed again if joining fails before the file is in the team, so nothing half made is
 * left behind. */

typedef enum
{
  TEAM_CREATE,
  TEAM_JOIN,
  TEAM_REQUEST,
} TeamChoice;

struct _EdSyncSetupDialog
{
  AdwWindow             parent_instance;

  EdContext            *context;
  EdJob                *job;          /* set while the work runs */

  /* Joining as a new desk: the file the district goes in, and who opens it once it came. */
  gboolean              join_only;
  char                 *path;
  const EdModule * const *modules;
  EdSyncSetupOpenFunc   open_func;
  gpointer              open_data;
  gboolean              made_file;    /* the file is this dialog's and not in a team yet */
  guint                 pulse_id;     /* while the first sync runs */

  GtkWidget            *cancel_button;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkWidget            *set_up_button;
  GtkWidget            *done_button;
  GtkWidget            *check_button;
  GtkLabel             *note_label;
  AdwStatusPage        *waiting_page;
  AdwStatusPage        *arriving_page;
  GtkProgressBar       *sync_progress;
  GtkWidget            *spinner;
  GtkLabel             *error_label;
  GtkStack             *steps;
  GtkCheckButton       *folder_check;
  GtkCheckButton       *webdav_check;
  AdwPreferencesGroup  *folder_group;
  AdwPreferencesGroup  *webdav_group;
  EdFolderRow          *folder_row;
  AdwEntryRow          *url_row;
  AdwEntryRow          *user_row;
  AdwEntryRow          *password_row;
  GtkCheckButton       *create_check;
  GtkCheckButton       *join_check;
  GtkCheckButton       *request_check;
  AdwPreferencesGroup  *passphrase_group;
  AdwEntryRow          *passphrase_row;
  AdwEntryRow          *confirm_row;
  GtkLabel             *passphrase_warning;
  GtkLabel             *fingerprint_label;
};

G_DEFINE_FINAL_TYPE (EdSyncSetupDialog, ed_sync_setup_dialog, ADW_TYPE_WINDOW)

enum
{
  SET_UP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (EdSyncSetupDialog *self,
            const char        *message,
            GtkWidget         *invalid)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (invalid != NULL)
    {
      gtk_widget_add_css_class (invalid, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (invalid), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_widget_grab_focus (invalid);
    }
}

static void
clear_error (EdSyncSetupDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->folder_row), GTK_WIDGET (self->url_row), GTK_WIDGET (self->user_row),
    GTK_WIDGET (self->password_row), GTK_WIDGET (self->passphrase_row),
    GTK_WIDGET (self->confirm_row),
  };

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_widget_remove_css_class (rows[i], "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static TeamChoice
team_choice (EdSyncSetupDialog *self)
{
  if (gtk_check_button_get_active (self->join_check))
    return TEAM_JOIN;
  if (gtk_check_button_get_active (self->request_check))
    return TEAM_REQUEST;
  return TEAM_CREATE;
}

static void
share_kind_toggled_cb (EdSyncSetupDialog *self)
{
  gboolean folder = gtk_check_button_get_active (self->folder_check);

  gtk_widget_set_visible (GTK_WIDGET (self->folder_group), folder);
  gtk_widget_set_visible (GTK_WIDGET (self->webdav_group), !folder);
  clear_error (self);
}

/* Making a team asks for the passphrase twice and says what it means; joining asks once;
 * asking to join needs none. */
static void
team_choice_toggled_cb (EdSyncSetupDialog *self)
{
  TeamChoice choice = team_choice (self);

  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_group), choice != TEAM_REQUEST);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), choice == TEAM_CREATE);
  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_warning), choice == TEAM_CREATE);
  gtk_button_set_label (GTK_BUTTON (self->set_up_button),
                        choice == TEAM_CREATE ? _("C_reate Team")
                        : choice == TEAM_JOIN ? _("_Join Team") : _("_Ask to Join"));
  /* A new label names the button afresh, underscore and all: named by its label again. */
  ed_accessible_name_buttons (gtk_widget_get_parent (self->set_up_button));
  clear_error (self);
}

static void
show_step (EdSyncSetupDialog *self,
           const char        *step)
{
  gboolean share = g_str_equal (step, "share");
  gboolean team = g_str_equal (step, "team");

  gtk_stack_set_visible_child_name (self->steps, step);
  gtk_widget_set_visible (self->back_button, team);
  gtk_widget_set_visible (self->cancel_button, !team && share);
  gtk_widget_set_visible (self->next_button, share);
  gtk_widget_set_visible (self->set_up_button, team);
  gtk_widget_set_visible (self->done_button, !share && !team);
  /* Only a desk that waits for its district can look again: one in a district has it. */
  gtk_widget_set_visible (self->check_button, self->join_only && !share && !team);
}

static void
show_note (EdSyncSetupDialog *self,
           const char        *note)
{
  gtk_label_set_text (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
}

/* The share as typed, or %NULL with the message that says what is wrong and the row it is
 * about. */
static EdShareSettings *
collect_share (EdSyncSetupDialog  *self,
               GtkWidget         **out_invalid,
               char              **out_message)
{
  g_autoptr(EdShareSettings) settings = g_new0 (EdShareSettings, 1);

  if (gtk_check_button_get_active (self->folder_check))
    {
      const char *folder = ed_folder_row_get_folder (self->folder_row);

      *out_invalid = GTK_WIDGET (self->folder_row);
      if (folder == NULL || folder[0] == '\0')
        {
          *out_message = g_strdup (_("Choose the team’s shared folder"));
          return NULL;
        }
      if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *name = g_filename_display_name (folder);

          *out_message = g_strdup_printf (_("“%s” is not a folder this computer can reach: "
                                            "is the share mounted?"), name);
          return NULL;
        }
      settings->kind = ED_SHARE_FOLDER;
      settings->location = g_canonicalize_filename (folder, NULL);
    }
  else
    {
      g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (
        GTK_EDITABLE (self->url_row))));
      g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (
        GTK_EDITABLE (self->user_row))));
      const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
      g_autoptr(GUri) uri = NULL;

      *out_invalid = GTK_WIDGET (self->url_row);
      if (url[0] == '\0')
        {
          *out_message = g_strdup (_("Type the WebDAV folder’s address"));
          return NULL;
        }
      uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
      if (uri == NULL ||
          (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
           g_strcmp0 (g_uri_get_scheme (uri), "http") != 0) ||
          g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
        {
          *out_message = g_strdup (_("The address must be a web address starting with "
                                     "https:// (or http://), such as "
                                     "https://files.example.org/dav/elections/"));
          return NULL;
        }
      if (user[0] == '\0' && password[0] != '\0')
        {
          *out_invalid = GTK_WIDGET (self->user_row);
          *out_message = g_strdup (_("Type the user name that goes with the password"));
          return NULL;
        }
      settings->kind = ED_SHARE_WEBDAV;
      settings->location = g_steal_pointer (&url);
      settings->user = user[0] != '\0' ? g_steal_pointer (&user) : NULL;
      settings->password = password[0] != '\0' ? g_strdup (password) : NULL;
    }
  *out_invalid = NULL;
  return g_steal_pointer (&settings);
}

static void
next_clicked_cb (EdSyncSetupDialog *self)
{
  g_autoptr(EdShareSettings) settings = NULL;
  g_autofree char *message = NULL;
  GtkWidget *invalid = NULL;

  clear_error (self);
  settings = collect_share (self, &invalid, &message);
  if (settings == NULL)
    {
      show_error (self, message, invalid);
      return;
    }
  show_step (self, "team");
}

static void
back_clicked_cb (EdSyncSetupDialog *self)
{
  clear_error (self);
  show_step (self, "share");
}

/* What the job does, and what it found. */
typedef struct
{
  EdShareSettings *settings;
  TeamChoice       choice;
  char            *passphrase;
  char            *fingerprint;
} SetUp;

static void
set_up_free (gpointer data)
{
  SetUp *set_up = data;

  ed_share_settings_free (set_up->settings);
  if (set_up->passphrase != NULL)
    {
      memset (set_up->passphrase, 0, strlen (set_up->passphrase));
      g_free (set_up->passphrase);
    }
  g_free (set_up->fingerprint);
  g_free (set_up);
}

/* In the worker, on its own connection. The share's settings are kept first: if the team
 * step fails they are only overwritten by the next attempt, and if it succeeds the desk
 * cannot be left in a team it has no way to reach. */
static gboolean
set_up_work (EdJob         *job,
             GObject       *connection,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  SetUp *set_up = task_data;
  EdContext *context = ED_CONTEXT (connection);
  g_autoptr(EdTransport) transport = NULL;
  gboolean ok;

  ed_job_report (job, 0.0, _("Setting up sync"));
  transport = ed_share_open_transport (set_up->settings, error);
  if (transport == NULL || !ed_share_settings_save (context, set_up->settings, error))
    return FALSE;
  switch (set_up->choice)
    {
    case TEAM_CREATE:
      ok = ed_sync_create_team (context, transport, set_up->passphrase, cancellable, error);
      break;
    case TEAM_JOIN:
      ok = ed_sync_join (context, transport, set_up->passphrase, cancellable, error);
      break;
    case TEAM_REQUEST:
    default:
      ok = ed_sync_request_join (context, transport, cancellable, error);
      if (ok)
        {
          set_up->fingerprint = ed_sync_get_own_fingerprint (context, error);
          ok = set_up->fingerprint != NULL;
        }
      break;
    }
  return ok;
}

static void
set_busy (EdSyncSetupDialog *self,
          gboolean           busy)
{
  GtkWidget *buttons[] = { self->back_button, self->set_up_button, self->check_button,
                           self->done_button };

  gtk_widget_set_sensitive (GTK_WIDGET (self->steps), !busy);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_widget_set_sensitive (buttons[i], !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

/* The file this dialog made goes again, with SQLite's files beside it: joining failed before
 * the file was in the team, and a half-made district must not be left behind. Returns why
 * one could not be removed, for the person to be told, or %NULL. */
static char *
remove_made_file (EdSyncSetupDialog *self)
{
  const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  char *problem = NULL;

  if (!self->made_file)
    return NULL;
  g_clear_object (&self->context);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (self->path, suffixes[i], NULL);
      int saved_errno;

      if (g_unlink (name) == 0 || errno == ENOENT || problem != NULL)
        continue;
      saved_errno = errno;
      {
        g_autofree char *display = g_filename_display_name (name);

        problem = g_strdup_printf (_("The unfinished district file “%s” could not be "
                                     "removed (%s): remove it before trying again."),
                                   display, g_strerror (saved_errno));
      }
    }
  self->made_file = FALSE;
  return problem;
}

static void
show_waiting (EdSyncSetupDialog *self,
              const char        *fingerprint)
{
  gtk_label_set_text (self->fingerprint_label, fingerprint);
  if (self->join_only)
    adw_status_page_set_description (self->waiting_page,
                                     _("Read this desk’s fingerprint to the person at a desk "
                                       "of the team. They open Sync, choose this desk and "
                                       "approve it once the fingerprint they see is the same. "
                                       "Then choose Check Again: the district comes in. You "
                                       "can close this and come back later: the district file "
                                       "is kept among the recent districts."));
  show_step (self, "waiting");
}

/* Hands the file to be opened, once the first sync has run. A team whose district has not
 * reached the share yet leaves the file waiting, and says so. */
static void
open_district (EdSyncSetupDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->open_func (self->path, self->open_data, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
    {
      show_step (self, "arriving");
      show_note (self, _("The team’s district has not reached the shared folder yet: the desk "
                         "that made the team has not synced since. Check again once it has."));
      return;
    }
  show_error (self, error->message, NULL);
}

static gboolean
pulse_cb (gpointer user_data)
{
  EdSyncSetupDialog *self = user_data;

  gtk_progress_bar_pulse (self->sync_progress);
  return G_SOURCE_CONTINUE;
}

static void
sync_progress_cb (EdSyncSetupDialog *self,
                  double             fraction,
                  const char        *text)
{
  gtk_progress_bar_set_text (self->sync_progress, text);
}

static void
first_sync_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EdSyncSetupDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  EdSyncReport report = { 0 };
  gboolean ok;

  ok = ed_sync_run_finish (ED_JOB (source), result, &report, &error);
  g_clear_object (&self->job);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  set_busy (self, FALSE);
  if (ok)
    {
      gtk_progress_bar_set_fraction (self->sync_progress, 1.0);
      open_district (self);
      return;
    }
  if (g_error_matches (error, ED_SYNC_ERROR, ED_SYNC_ERROR_AWAITING_APPROVAL))
    {
      show_note (self, _("No desk of the team has approved this desk yet. Check again once "
                         "they have."));
      return;
    }
  show_error (self, error->message, NULL);
}

/* The first sync brings the whole district in: tens of seconds for a large one, on a
 * worker, with the dialog showing that it works. */
static void
start_first_sync (EdSyncSetupDialog *self)
{
  g_return_if_fail (self->job == NULL);

  clear_error (self);
  show_note (self, NULL);
  set_busy (self, TRUE);
  gtk_progress_bar_set_fraction (self->sync_progress, 0.0);
  gtk_progress_bar_set_text (self->sync_progress, _("Syncing"));
  self->pulse_id = g_timeout_add (200, pulse_cb, self);
  self->job = g_object_ref (ed_sync_run_async (self->context, NULL, first_sync_done_cb,
                                               g_object_ref (self)));
  g_signal_connect_object (self->job, "progress", G_CALLBACK (sync_progress_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
check_clicked_cb (EdSyncSetupDialog *self)
{
  if (self->job != NULL || self->context == NULL)
    return;
  start_first_sync (self);
}

static void
set_up_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EdSyncSetupDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  SetUp *set_up;

  g_clear_object (&self->job);
  set_busy (self, FALSE);
  if (!ed_job_run_finish (ED_JOB (source), result, &error))
    {
      g_autofree char *problem = NULL;

      /* Nothing of the team is in the file: it goes, and the next try makes it afresh. */
      if (self->made_file && !ed_sync_is_set_up (self->context))
        problem = remove_made_file (self);
      if (problem != NULL)
        {
          g_autofree char *text = g_strdup_printf ("%s\n%s", error->message, problem);

          show_error (self, text, NULL);
          return;
        }
      show_error (self, error->message, NULL);
      return;
    }
  set_up = ed_job_get_task_data (ED_JOB (source));
  self->made_file = FALSE;
  g_signal_emit (self, signals[SET_UP], 0);
  if (self->join_only)
    {
      if (set_up->choice == TEAM_REQUEST)
        show_waiting (self, set_up->fingerprint);
      else
        {
          show_step (self, "arriving");
          start_first_sync (self);
        }
      return;
    }
  if (set_up->choice != TEAM_REQUEST)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  show_waiting (self, set_up->fingerprint);
}

static void
set_up_clicked_cb (EdSyncSetupDialog *self)
{
  g_autoptr(EdShareSettings) settings = NULL;
  g_autofree char *message = NULL;
  GtkWidget *invalid = NULL;
  TeamChoice choice = team_choice (self);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  SetUp *set_up;

  if (self->job != NULL)
    return;
  clear_error (self);
  settings = collect_share (self, &invalid, &message);
  if (settings == NULL)
    {
      /* The share was changed back on its step: show it there. */
      show_step (self, "share");
      show_error (self, message, invalid);
      return;
    }
  if (choice == TEAM_CREATE && g_utf8_strlen (passphrase, -1) < ED_SYNC_PASSPHRASE_MIN_CHARS)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("The passphrase needs at least %d character",
                                   "The passphrase needs at least %d characters",
                                   ED_SYNC_PASSPHRASE_MIN_CHARS),
                         ED_SYNC_PASSPHRASE_MIN_CHARS);

      show_error (self, text, GTK_WIDGET (self->passphrase_row));
      return;
    }
  if (choice == TEAM_CREATE && g_strcmp0 (passphrase, confirm) != 0)
    {
      show_error (self, _("The two passphrases differ: type the same one twice"),
                  GTK_WIDGET (self->confirm_row));
      return;
    }
  if (choice == TEAM_JOIN && passphrase[0] == '\0')
    {
      show_error (self, _("Type the team passphrase"), GTK_WIDGET (self->passphrase_row));
      return;
    }

  /* A new desk's district file is made only now, when there is something to put in it. */
  if (self->join_only && self->context == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (g_file_test (self->path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *name = g_filename_display_name (self->path);

          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("There is a file at “%s” already: the district of a team joined anew "
                         "needs a file of its own"), name);
        }
      else
        self->context = ed_context_open (self->path, self->modules, &error);
      if (self->context == NULL)
        {
          show_error (self, error->message, NULL);
          return;
        }
      self->made_file = TRUE;
    }

  set_up = g_new0 (SetUp, 1);
  set_up->settings = g_steal_pointer (&settings);
  set_up->choice = choice;
  set_up->passphrase = choice != TEAM_REQUEST ? g_strdup (passphrase) : NULL;
  set_busy (self, TRUE);
  self->job = g_object_ref (ed_context_run_job_async (self->context, set_up_work, set_up,
                                                      set_up_free, NULL, set_up_done_cb,
                                                      g_object_ref (self)));
}

/* The work is not stopped half way: a team half made on the share is worse than a wait. */
static gboolean
ed_sync_setup_dialog_close_request (GtkWindow *window)
{
  EdSyncSetupDialog *self = ED_SYNC_SETUP_DIALOG (window);

  if (self->job != NULL)
    return TRUE;
  return GTK_WINDOW_CLASS (ed_sync_setup_dialog_parent_class)->close_request (window);
}

static void
ed_sync_setup_dialog_dispose (GObject *object)
{
  EdSyncSetupDialog *self = ED_SYNC_SETUP_DIALOG (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->context);
  g_clear_object (&self->job);

  G_OBJECT_CLASS (ed_sync_setup_dialog_parent_class)->dispose (object);
}

static void
ed_sync_setup_dialog_finalize (GObject *object)
{
  EdSyncSetupDialog *self = ED_SYNC_SETUP_DIALOG (object);

  g_free (self->path);

  G_OBJECT_CLASS (ed_sync_setup_dialog_parent_class)->finalize (object);
}

static void
ed_sync_setup_dialog_class_init (EdSyncSetupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ed_sync_setup_dialog_dispose;
  object_class->finalize = ed_sync_setup_dialog_finalize;
  window_class->close_request = ed_sync_setup_dialog_close_request;

  /**
   * EdSyncSetupDialog::set-up:
   *
   * This desk now syncs: it made the team, joined it, or asked to join it.
   */
  signals[SET_UP] = g_signal_new ("set-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/electoraldesk/ElectoralDesk/sync/"
                                               "ed-sync-setup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, set_up_button);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, check_button);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, waiting_page);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, arriving_page);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, sync_progress);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, steps);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, folder_check);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, webdav_check);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, folder_group);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, webdav_group);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, create_check);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, join_check);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, request_check);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, passphrase_group);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, passphrase_warning);
  gtk_widget_class_bind_template_child (widget_class, EdSyncSetupDialog, fingerprint_label);
  gtk_widget_class_bind_template_callback (widget_class, share_kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, team_choice_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, set_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_sync_setup_dialog_init (EdSyncSetupDialog *self)
{
  g_autofree char *warning = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->folder_row = ED_FOLDER_ROW (ed_folder_row_new (_("Choose the Team’s Shared Folder"),
                                                       _("Choose the team’s shared folder")));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->folder_row), _("Folder"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->folder_row), _("None chosen"));
  adw_preferences_group_add (self->folder_group, GTK_WIDGET (self->folder_row));

  warning = g_strdup_printf (ngettext ("Anyone who has this passphrase and can reach the shared "
                                       "folder can join the team and read the whole district, "
                                       "so tell it only in person. It cannot be recovered: "
                                       "keep it where the team keeps its other secrets. It "
                                       "needs at least %d character, because whoever can read "
                                       "the shared folder can try guesses against it.",
                                       "Anyone who has this passphrase and can reach the shared "
                                       "folder can join the team and read the whole district, "
                                       "so tell it only in person. It cannot be recovered: "
                                       "keep it where the team keeps its other secrets. It "
                                       "needs at least %d characters, because whoever can read "
                                       "the shared folder can try guesses against it.",
                                       ED_SYNC_PASSPHRASE_MIN_CHARS),
                             ED_SYNC_PASSPHRASE_MIN_CHARS);
  gtk_label_set_text (self->passphrase_warning, warning);
  team_choice_toggled_cb (self);
  show_step (self, "share");
  ed_accessible_name_buttons (GTK_WIDGET (self));
}

/**
 * ed_sync_setup_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the open district, which is to sync
 *
 * Returns: (transfer none): the dialog, not shown yet; it emits #EdSyncSetupDialog::set-up
 *   once the desk syncs
 */
EdSyncSetupDialog *
ed_sync_setup_dialog_new (GtkWindow *parent,
                          EdContext *context)
{
  EdSyncSetupDialog *self;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_SYNC_SETUP_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  return self;
}

/* The dialog for a new desk: only joining is offered, and the district goes in @path. */
static EdSyncSetupDialog *
new_for_new_desk (GtkWindow              *parent,
                  const char             *path,
                  const EdModule * const *modules,
                  EdSyncSetupOpenFunc     open_func,
                  gpointer                user_data)
{
  EdSyncSetupDialog *self = g_object_new (ED_TYPE_SYNC_SETUP_DIALOG,
                                          "transient-for", parent,
                                          "title", _("Join a Sync Team"),
                                          NULL);

  self->join_only = TRUE;
  self->path = g_strdup (path);
  self->modules = modules;
  self->open_func = open_func;
  self->open_data = user_data;
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->create_check),
                                                   ADW_TYPE_ACTION_ROW), FALSE);
  gtk_check_button_set_active (self->join_check, TRUE);
  gtk_button_set_label (GTK_BUTTON (self->done_button), _("_Close"));
  ed_accessible_name_buttons (gtk_widget_get_parent (self->done_button));
  return self;
}

/**
 * ed_sync_setup_dialog_new_join:
 * @parent: (nullable): the window it belongs to
 * @path: where the new district file goes; no file may be there yet
 * @modules: the modules the district file is made with
 * @open_func: opens the district once it has come in
 * @user_data: for @open_func
 *
 * A new desk joins a team from nothing: the dialog offers only to join with the team
 * passphrase or to ask to join, makes the district file at @path when the person joins, and
 * brings the team's district into it with a first sync. It emits #EdSyncSetupDialog::set-up
 * once the file is in the team.
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
EdSyncSetupDialog *
ed_sync_setup_dialog_new_join (GtkWindow              *parent,
                               const char             *path,
                               const EdModule * const *modules,
                               EdSyncSetupOpenFunc     open_func,
                               gpointer                user_data)
{
  EdSyncSetupDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (open_func != NULL, NULL);

  self = new_for_new_desk (parent, path, modules, open_func, user_data);
  name = g_filename_display_name (path);
  note = g_strdup_printf (_("The team’s district will be kept in %s."), name);
  show_note (self, note);
  return self;
}

/**
 * ed_sync_setup_dialog_new_waiting:
 * @parent: (nullable): the window it belongs to
 * @context: a district file that is in a team (or asked to be) but has no district yet
 * @open_func: opens the district once it has come in
 * @user_data: for @open_func
 *
 * Takes a new desk back to where it stopped: waiting for approval, or for the district to
 * come in, with Check Again to sync.
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
EdSyncSetupDialog *
ed_sync_setup_dialog_new_waiting (GtkWindow           *parent,
                                  EdContext           *context,
                                  EdSyncSetupOpenFunc  open_func,
                                  gpointer             user_data)
{
  EdSyncSetupDialog *self;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (open_func != NULL, NULL);

  self = new_for_new_desk (parent, ed_database_get_path (ed_context_get_database (context)),
                           NULL, open_func, user_data);
  self->context = g_object_ref (context);
  if (ed_sync_is_awaiting_approval (context))
    {
      g_autofree char *fingerprint = ed_sync_get_own_fingerprint (context, NULL);

      show_waiting (self, fingerprint != NULL ? fingerprint : "");
    }
  else
    {
      adw_status_page_set_description (self->arriving_page,
                                       _("This desk has joined the team, but the district has "
                                         "not come in yet. Choose Check Again to sync and "
                                         "bring it in."));
      show_step (self, "arriving");
    }
  return self;
}

/**
 * ed_sync_setup_dialog_get_path:
 * @self: a dialog made for a new desk
 *
 * Returns: (nullable): the district file a new desk joins into; %NULL for a district that
 *   is open already
 */
const char *
ed_sync_setup_dialog_get_path (EdSyncSetupDialog *self)
{
  g_return_val_if_fail (ED_IS_SYNC_SETUP_DIALOG (self), NULL);

  return self->path;
}
