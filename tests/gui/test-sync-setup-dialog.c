/* test-sync-setup-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync set-up dialog: what it says of a share or passphrase it cannot use before trying
 * anything, that a failure leaves it open with everything typed, that it makes a team in a
 * folder and closes, and that a desk that asks to join is shown its fingerprint.
 */

#include "config.h"

#include <string.h>

#include "ed-gui-test-util.h"
#include "sync/ed-sync-desk-info.h"
#include "sync/ed-sync-share.h"
#include "sync/ed-sync-job.h"
#include "sync/ed-sync.h"
#include "sync/ed-transport-folder.h"
#include "ui/ed-folder-row.h"
#include "ui/ed-window.h"
#include "ui/sync/ed-sync-setup-dialog.h"

#define PASSPHRASE "a long enough team passphrase"

typedef struct
{
  char              *dir;
  char              *share;
  char              *path;
  EdContext         *context;
  EdSyncSetupDialog *dialog;
  guint              n_set_up;
} Fixture;

static void
set_up_cb (EdSyncSetupDialog *dialog,
           Fixture           *fixture)
{
  fixture->n_set_up++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ed-sync-setup-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->share = g_build_filename (fixture->dir, "share", NULL);
  g_assert_cmpint (g_mkdir (fixture->share, 0700), ==, 0);
  fixture->path = ed_gui_test_demo_district (fixture->dir, 20);
  fixture->context = ed_modules_open_district (fixture->path, &error);
  g_assert_no_error (error);
  fixture->dialog = ed_sync_setup_dialog_new (NULL, fixture->context);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *)&fixture->dialog);
  g_signal_connect (fixture->dialog, "set-up", G_CALLBACK (set_up_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  ed_gui_test_iterate ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  ed_gui_test_iterate ();
  g_clear_object (&fixture->context);
  ed_gui_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->share);
  g_free (fixture->path);
}

static GtkWidget *
root (Fixture *fixture)
{
  return GTK_WIDGET (fixture->dialog);
}

static void
click (Fixture    *fixture,
       const char *label)
{
  GtkWidget *button = ed_gui_test_find (root (fixture), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ed_gui_test_iterate ();
}

static void
choose (Fixture    *fixture,
        const char *row_title)
{
  GtkWidget *row = ed_gui_test_find (root (fixture), ADW_TYPE_ACTION_ROW, row_title);

  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  ed_gui_test_iterate ();
}

static void
type (Fixture    *fixture,
      const char *row_title,
      const char *text)
{
  GtkWidget *row = ed_gui_test_find (root (fixture), ADW_TYPE_ENTRY_ROW, row_title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
typed (Fixture    *fixture,
       const char *row_title)
{
  GtkWidget *row = ed_gui_test_find (root (fixture), ADW_TYPE_ENTRY_ROW, row_title);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static const char *
step (Fixture *fixture)
{
  GtkWidget *stack = ed_gui_test_find (root (fixture), GTK_TYPE_STACK, NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* The message the dialog shows, or %NULL. */
static const char *
error_text (Fixture *fixture)
{
  GtkWidget *label = ed_gui_test_find_with_class (root (fixture), GTK_TYPE_LABEL, "error");

  g_assert_nonnull (label);
  if (!gtk_widget_get_visible (label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
set_folder (Fixture    *fixture,
            const char *folder)
{
  GtkWidget *row = ed_gui_test_find (root (fixture), ED_TYPE_FOLDER_ROW, NULL);

  g_assert_nonnull (row);
  ed_folder_row_set_folder (ED_FOLDER_ROW (row), folder);
}

/* Until the job has ended: the spinner stops, and the dialog closes or says why not. */
static void
wait_for_job (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (fixture->dialog != NULL && g_get_monotonic_time () < deadline)
    {
      GtkWidget *spinner = ed_gui_test_find (root (fixture), GTK_TYPE_SPINNER, NULL);

      if (!gtk_widget_get_visible (spinner))
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  ed_gui_test_iterate ();
}

static void
test_share_validation (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "not-there", NULL);

  g_assert_cmpstr (step (fixture), ==, "share");
  g_assert_null (error_text (fixture));

  click (fixture, "_Next");
  g_assert_cmpstr (error_text (fixture), ==, "Choose the team’s shared folder");
  g_assert_cmpstr (step (fixture), ==, "share");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (ed_gui_test_find (root (fixture),
                                                                      ED_TYPE_FOLDER_ROW, NULL)),
                                    GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (ed_gui_test_find_with_class (
                                     root (fixture), GTK_TYPE_LABEL, "error")),
                                   GTK_ACCESSIBLE_ROLE_ALERT);

  set_folder (fixture, missing);
  click (fixture, "_Next");
  g_assert_true (g_str_has_suffix (error_text (fixture),
                                   "is not a folder this computer can reach: is the share "
                                   "mounted?"));

  choose (fixture, "A WebDAV Server");
  g_assert_null (error_text (fixture));
  click (fixture, "_Next");
  g_assert_cmpstr (error_text (fixture), ==, "Type the WebDAV folder’s address");
  type (fixture, "Address", "ftp://files.example.org/elections/");
  click (fixture, "_Next");
  g_assert_true (g_str_has_prefix (error_text (fixture),
                                   "The address must be a web address starting with https://"));
  type (fixture, "Address", "files.example.org/elections/");
  click (fixture, "_Next");
  g_assert_nonnull (error_text (fixture));
  type (fixture, "Address", "https://files.example.org/elections/");
  type (fixture, "Password", "secret");
  click (fixture, "_Next");
  g_assert_cmpstr (error_text (fixture), ==, "Type the user name that goes with the password");
  type (fixture, "User Name", "elections");
  click (fixture, "_Next");
  g_assert_null (error_text (fixture));
  g_assert_cmpstr (step (fixture), ==, "team");

  /* Back, the WebDAV server's details are as typed, and a folder that is there will do. */
  click (fixture, "_Back");
  g_assert_cmpstr (typed (fixture, "Address"), ==, "https://files.example.org/elections/");
  g_assert_cmpstr (typed (fixture, "User Name"), ==, "elections");
  choose (fixture, "A Folder");
  set_folder (fixture, fixture->share);
  click (fixture, "_Next");
  g_assert_null (error_text (fixture));
  g_assert_cmpstr (step (fixture), ==, "team");
}

static void
test_passphrase_validation (Fixture       *fixture,
                            gconstpointer  data)
{
  set_folder (fixture, fixture->share);
  click (fixture, "_Next");

  /* Making a team: twice, the same, at least twelve characters, with the warning. */
  g_assert_nonnull (ed_gui_test_find (root (fixture), GTK_TYPE_LABEL, NULL));
  click (fixture, "C_reate Team");
  g_assert_cmpstr (error_text (fixture), ==, "The passphrase needs at least 12 characters");
  type (fixture, "Team Passphrase", "elevenchars");
  click (fixture, "C_reate Team");
  g_assert_cmpstr (error_text (fixture), ==, "The passphrase needs at least 12 characters");
  type (fixture, "Team Passphrase", PASSPHRASE);
  type (fixture, "Passphrase Again", "a long enough team passphrasf");
  click (fixture, "C_reate Team");
  g_assert_cmpstr (error_text (fixture), ==,
                   "The two passphrases differ: type the same one twice");
  g_assert_cmpstr (typed (fixture, "Team Passphrase"), ==, PASSPHRASE);
  g_assert_cmpuint (fixture->n_set_up, ==, 0);
  g_assert_false (ed_sync_is_set_up (fixture->context));

  /* Joining: once, and not empty. */
  choose (fixture, "Join With the Team Passphrase");
  g_assert_false (gtk_widget_is_visible (ed_gui_test_find (root (fixture), ADW_TYPE_ENTRY_ROW,
                                                            "Passphrase Again")));
  type (fixture, "Team Passphrase", "");
  click (fixture, "_Join Team");
  g_assert_cmpstr (error_text (fixture), ==, "Type the team passphrase");
  g_assert_false (ed_sync_is_set_up (fixture->context));
}

/* Joining a share that holds no team fails in the job: the dialog stays, says why, and keeps
 * everything typed. */
static void
test_error_keeps_input (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *folder_row;

  set_folder (fixture, fixture->share);
  click (fixture, "_Next");
  choose (fixture, "Join With the Team Passphrase");
  type (fixture, "Team Passphrase", PASSPHRASE);
  click (fixture, "_Join Team");
  wait_for_job (fixture);

  g_assert_nonnull (fixture->dialog);
  g_assert_nonnull (error_text (fixture));
  g_assert_cmpstr (step (fixture), ==, "team");
  g_assert_cmpstr (typed (fixture, "Team Passphrase"), ==, PASSPHRASE);
  g_assert_true (gtk_widget_is_sensitive (ed_gui_test_find (root (fixture), GTK_TYPE_BUTTON,
                                                            "_Join Team")));
  click (fixture, "_Back");
  folder_row = ed_gui_test_find (root (fixture), ED_TYPE_FOLDER_ROW, NULL);
  g_assert_cmpstr (ed_folder_row_get_folder (ED_FOLDER_ROW (folder_row)), ==, fixture->share);
  g_assert_cmpuint (fixture->n_set_up, ==, 0);
  g_assert_false (ed_sync_is_set_up (fixture->context));
}

/* A team made in a folder: the dialog closes, the desk syncs, and the share holds the team. */
static void
test_create_team (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdShareSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *team_file = g_build_filename (fixture->share, "esync-v1", "team.json", NULL);
  EdSyncReport report;

  set_folder (fixture, fixture->share);
  click (fixture, "_Next");
  type (fixture, "Team Passphrase", PASSPHRASE);
  type (fixture, "Passphrase Again", PASSPHRASE);
  click (fixture, "C_reate Team");
  /* At work: insensitive, with a spinner; closing waits. */
  if (fixture->dialog != NULL &&
      gtk_widget_get_visible (ed_gui_test_find (root (fixture), GTK_TYPE_SPINNER, NULL)))
    {
      g_assert_false (gtk_widget_is_sensitive (ed_gui_test_find (root (fixture),
                                                                 GTK_TYPE_BUTTON,
                                                                 "C_reate Team")));
      gtk_window_close (GTK_WINDOW (fixture->dialog));
      g_assert_nonnull (fixture->dialog);
    }
  wait_for_job (fixture);

  g_assert_null (fixture->dialog);
  g_assert_cmpuint (fixture->n_set_up, ==, 1);
  g_assert_true (ed_sync_is_set_up (fixture->context));
  g_assert_true (g_file_test (team_file, G_FILE_TEST_IS_REGULAR));
  settings = ed_share_settings_load (fixture->context, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settings->kind, ==, ED_SHARE_FOLDER);
  g_assert_cmpstr (settings->location, ==, fixture->share);
  /* And it syncs. */
  g_assert_true (ed_sync_run_now (fixture->context, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_exported, >, 0);
}

/* A new, empty desk asks to join a team: it is shown its fingerprint to read out. */
static void
test_request_join (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdTransport) transport = ed_transport_folder_new (fixture->share);
  g_autofree char *new_path = g_build_filename (fixture->dir, "new-desk.db", NULL);
  g_autoptr(EdContext) new_desk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  GtkWidget *label;

  g_assert_true (ed_sync_create_team (fixture->context, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  new_desk = ed_modules_open_district (new_path, &error);
  g_assert_no_error (error);
  fixture->dialog = ed_sync_setup_dialog_new (NULL, new_desk);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *)&fixture->dialog);
  g_signal_connect (fixture->dialog, "set-up", G_CALLBACK (set_up_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  ed_gui_test_iterate ();

  set_folder (fixture, fixture->share);
  click (fixture, "_Next");
  choose (fixture, "Ask to Join");
  g_assert_false (gtk_widget_is_visible (ed_gui_test_find (root (fixture), ADW_TYPE_ENTRY_ROW,
                                                            "Team Passphrase")));
  click (fixture, "_Ask to Join");
  wait_for_job (fixture);

  g_assert_nonnull (fixture->dialog);
  g_assert_null (error_text (fixture));
  g_assert_cmpstr (step (fixture), ==, "waiting");
  g_assert_cmpuint (fixture->n_set_up, ==, 1);
  fingerprint = ed_sync_get_own_fingerprint (new_desk, &error);
  g_assert_no_error (error);
  label = ed_gui_test_find (root (fixture), GTK_TYPE_LABEL, fingerprint);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  click (fixture, "_Done");
  g_assert_null (fixture->dialog);
}

/* The fixture's desk makes a team on its share and syncs; a new, empty desk asks to join. */
static EdContext *
desk_asking_to_join (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTransport) transport = NULL;
  g_autofree char *new_path = g_build_filename (fixture->dir, "new-desk.db", NULL);
  EdShareSettings settings = { ED_SHARE_FOLDER, fixture->share, NULL, NULL };
  EdContext *new_desk;
  EdSyncReport report;

  transport = ed_share_open_transport (&settings, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_create_team (fixture->context, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_share_settings_save (fixture->context, &settings, &error));
  g_assert_no_error (error);
  new_desk = ed_modules_open_district (new_path, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_request_join (new_desk, transport, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_share_settings_save (new_desk, &settings, &error));
  g_assert_no_error (error);
  /* The team's desk reads the request with the roster. */
  g_assert_true (ed_sync_run_now (fixture->context, &report, NULL, &error));
  g_assert_no_error (error);
  return new_desk;
}

static EdWindow *
open_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  EdWindow *window = g_object_new (ED_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_assert_true (ed_window_open_district (window, fixture->path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ed_gui_test_iterate ();
  /* Its own first sync out of the way. */
  ed_sync_scheduler_stop (ed_window_get_sync_scheduler (window));
  while (ed_sync_scheduler_get_running (ed_window_get_sync_scheduler (window)))
    g_main_context_iteration (NULL, TRUE);
  return window;
}

/* Its sync ended first: the folder is removed after the test, and a sync still running would
 * find its files gone. */
static void
close_window (EdWindow *window)
{
  EdSyncScheduler *scheduler = ed_window_get_sync_scheduler (window);

  while (scheduler != NULL && ed_sync_scheduler_get_running (scheduler))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GtkWindow *dialog = ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
wait_while_busy (AdwMessageDialog **dialog)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*dialog != NULL && !adw_message_dialog_get_response_enabled (*dialog, "approve") &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  ed_gui_test_iterate ();
}

/* The dialog names the desk and shows its fingerprint beside what to do with it; approved, the
 * desk joins at its next sync. */
static void
test_approve (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(EdContext) new_desk = desk_asking_to_join (fixture);
  g_autofree char *fingerprint = NULL;
  g_autoptr(GError) error = NULL;
  EdWindow *window = open_window (fixture);
  AdwMessageDialog *dialog;
  const char *body;
  EdSyncReport report;
  guint runs_after = 0;

  /* Not yet a member: its sync says it waits. */
  g_assert_false (ed_sync_run_now (new_desk, &report, NULL, &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_AWAITING_APPROVAL);
  g_clear_error (&error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-approve", "s",
                                             ed_context_get_device_id (new_desk)));
  ed_gui_test_iterate ();
  dialog = find_message_dialog ();
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  fingerprint = ed_sync_get_own_fingerprint (new_desk, &error);
  g_assert_no_error (error);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, fingerprint));
  g_assert_nonnull (strstr (body, ed_context_get_user_name (new_desk)));
  g_assert_nonnull (strstr (body, g_get_host_name ()));
  g_assert_nonnull (strstr (body, "Approve only if the two are the same"));

  /* Closed, as Escape or Cancel closes it, it approves nothing. */
  gtk_window_close (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
  g_assert_null (dialog);
  g_assert_false (ed_sync_run_now (new_desk, &report, NULL, &error));
  g_clear_error (&error);

  g_signal_connect_swapped (ed_window_get_sync_scheduler (window), "run-started",
                            G_CALLBACK (count_cb), &runs_after);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-approve", "s",
                                             ed_context_get_device_id (new_desk)));
  ed_gui_test_iterate ();
  dialog = find_message_dialog ();
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  adw_message_dialog_response (dialog, "approve");
  /* While it works, it does not close. */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_nonnull (dialog);
  wait_while_busy (&dialog);
  g_assert_null (dialog);
  /* The window syncs, to read the roster with the desk in it. */
  g_assert_cmpuint (runs_after, ==, 1);

  g_assert_true (ed_sync_run_now (new_desk, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_applied, >, 0);
  close_window (window);
}

/* A desk that did not ask is refused before any dialog; an approval that fails leaves the
 * dialog open, saying why. */
static void
test_approve_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdContext) new_desk = desk_asking_to_join (fixture);
  g_autofree char *moved = g_strconcat (fixture->share, "-gone", NULL);
  EdWindow *window = open_window (fixture);
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-approve", "s",
                                             "no-such-desk"));
  ed_gui_test_iterate ();
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Approve the Desk");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "No desk no-such-desk has asked to join the team");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-approve", "s",
                                             ed_context_get_device_id (new_desk)));
  ed_gui_test_iterate ();
  dialog = find_message_dialog ();
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_cmpint (g_rename (fixture->share, moved), ==, 0);
  adw_message_dialog_response (dialog, "approve");
  wait_while_busy (&dialog);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Approve the Desk");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "approve"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (g_rename (moved, fixture->share), ==, 0);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  g_test_add ("/sync-setup-dialog/share-validation", Fixture, NULL, fixture_setup,
              test_share_validation, fixture_teardown);
  g_test_add ("/sync-setup-dialog/passphrase-validation", Fixture, NULL, fixture_setup,
              test_passphrase_validation, fixture_teardown);
  g_test_add ("/sync-setup-dialog/error-keeps-input", Fixture, NULL, fixture_setup,
              test_error_keeps_input, fixture_teardown);
  g_test_add ("/sync-setup-dialog/create-team", Fixture, NULL, fixture_setup, test_create_team,
              fixture_teardown);
  g_test_add ("/sync-setup-dialog/request-join", Fixture, NULL, fixture_setup,
              test_request_join, fixture_teardown);
  g_test_add ("/sync-approve/approve", Fixture, NULL, fixture_setup, test_approve,
              fixture_teardown);
  g_test_add ("/sync-approve/errors", Fixture, NULL, fixture_setup, test_approve_errors,
              fixture_teardown);
  return g_test_run ();
}
