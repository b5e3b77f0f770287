/* test-sync-join.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new desk joins a team from the welcome page: another desk has made the team in a folder
 * and synced its district there. Joining with the passphrase brings the district in and the
 * window opens it and syncs; asking to join waits, says so when the file is opened again, and
 * opens the district once another desk has approved it; a wrong passphrase keeps what was
 * typed and leaves no file behind.
 */

#include "config.h"

#include "district/ed-context-private.h"
#include "ed-gui-test-util.h"
#include "sync/ed-sync-desk-info.h"
#include "sync/ed-sync-job.h"
#include "sync/ed-sync-share.h"
#include "sync/ed-sync.h"
#include "ui/ed-folder-row.h"
#include "ui/ed-recent-districts.h"
#include "ui/ed-window.h"
#include "ui/sync/ed-sync-indicator.h"
#include "ui/sync/ed-sync-scheduler.h"
#include "ui/sync/ed-sync-setup-dialog.h"

#define PASSPHRASE "a long enough team passphrase"

typedef struct
{
  char              *dir;
  char              *share;
  char              *team_path;
  char              *new_path;
  char              *copy_path;     /* the team's district as it was before the team */
  EdContext         *team;
  EdWindow          *window;
  EdSyncSetupDialog *dialog;
  guint              n_set_up;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  EdShareSettings settings = { ED_SHARE_FOLDER, NULL, NULL, NULL };
  g_autoptr(EdTransport) transport = NULL;
  g_autoptr(GError) error = NULL;
  EdSyncReport report;

  fixture->dir = g_dir_make_tmp ("ed-sync-join-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->share = g_build_filename (fixture->dir, "share", NULL);
  g_assert_cmpint (g_mkdir (fixture->share, 0700), ==, 0);
  fixture->new_path = g_build_filename (fixture->dir, "joined.db", NULL);

  /* The other desk: its district, its team on the share, and the district synced there. */
  fixture->team_path = ed_gui_test_demo_district (fixture->dir, 20);
  fixture->copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (fixture->team_path, &contents, &length, &error));
    g_assert_true (g_file_set_contents (fixture->copy_path, contents, (gssize)length, &error));
    g_assert_no_error (error);
  }
  fixture->team = ed_modules_open_district (fixture->team_path, &error);
  g_assert_no_error (error);
  settings.location = fixture->share;
  transport = ed_share_open_transport (&settings, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_create_team (fixture->team, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_share_settings_save (fixture->team, &settings, &error));
  g_assert_no_error (error);
  g_assert_true (ed_sync_run_now (fixture->team, &report, NULL, &error));
  g_assert_no_error (error);

  /* This desk: a window on the welcome page, whose new district goes where the test says. */
  fixture->window = g_object_new (ED_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  ed_window_show_welcome (fixture->window, fixture->new_path);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ed_gui_test_iterate ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  EdSyncScheduler *scheduler = ed_window_get_sync_scheduler (fixture->window);

  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  /* Its sync ends first: the folder goes next. */
  while (scheduler != NULL && ed_sync_scheduler_get_running (scheduler))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ed_gui_test_iterate ();
  g_clear_object (&fixture->team);
  ed_gui_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->share);
  g_free (fixture->team_path);
  g_free (fixture->new_path);
  g_free (fixture->copy_path);
}

static void
set_up_cb (EdSyncSetupDialog *dialog,
           Fixture           *fixture)
{
  fixture->n_set_up++;
}

/* The dialog the window has just shown. */
static void
find_dialog (Fixture *fixture)
{
  fixture->dialog = ED_SYNC_SETUP_DIALOG (ed_gui_test_find_toplevel (ED_TYPE_SYNC_SETUP_DIALOG));
  g_assert_nonnull (fixture->dialog);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *)&fixture->dialog);
  g_signal_connect (fixture->dialog, "set-up", G_CALLBACK (set_up_cb), fixture);
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

static GtkWidget *
entry_row (Fixture    *fixture,
           const char *title)
{
  GtkWidget *row = ed_gui_test_find (root (fixture), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static const char *
step (Fixture *fixture)
{
  GtkWidget *stack = ed_gui_test_find (root (fixture), GTK_TYPE_STACK, NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static const char *
error_text (Fixture *fixture)
{
  GtkWidget *label = ed_gui_test_find_with_class (root (fixture), GTK_TYPE_LABEL, "error");

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Until the dialog's work has ended: its spinner stops, or it closes. A first sync of a
 * small district takes a second or two. */
static void
wait_for_work (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

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

/* From the welcome page to the team step, with the team's folder chosen. */
static void
start_joining (Fixture *fixture)
{
  GtkWidget *folder_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sync-join",
                                             NULL));
  ed_gui_test_iterate ();
  find_dialog (fixture);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->dialog)), ==, "Join a Sync Team");
  g_assert_false (g_file_test (fixture->new_path, G_FILE_TEST_EXISTS));
  folder_row = ed_gui_test_find (root (fixture), ED_TYPE_FOLDER_ROW, NULL);
  g_assert_nonnull (folder_row);
  ed_folder_row_set_folder (ED_FOLDER_ROW (folder_row), fixture->share);
  click (fixture, "_Next");
  g_assert_cmpstr (step (fixture), ==, "team");
  /* A new desk has no district to make a team of: only joining is offered. */
  g_assert_false (gtk_widget_is_visible (ed_gui_test_find (root (fixture), ADW_TYPE_ACTION_ROW,
                                                            "Create a New Team")));
  g_assert_true (gtk_widget_is_visible (ed_gui_test_find (root (fixture), ADW_TYPE_ACTION_ROW,
                                                           "Join With the Team Passphrase")));
  g_assert_true (gtk_widget_is_visible (ed_gui_test_find (root (fixture), ADW_TYPE_ACTION_ROW,
                                                           "Ask to Join")));
}

/* The window shows the team's district, remembered and syncing. */
static void
assert_district_open (Fixture *fixture)
{
  EdContext *context = ed_window_get_context (fixture->window);
  EdSyncScheduler *scheduler = ed_window_get_sync_scheduler (fixture->window);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_assert_null (fixture->dialog);
  g_assert_nonnull (context);
  g_assert_cmpstr (ed_database_get_path (ed_context_get_database (context)), ==,
                   fixture->new_path);
  g_assert_cmpstr (ed_district_settings_get_council_name (ed_context_get_settings (context)), ==,
                   ed_district_settings_get_council_name (ed_context_get_settings (fixture->team)));
  g_assert_false (ed_sync_is_awaiting_approval (context));
  g_assert_nonnull (scheduler);
  /* The scheduler runs on its own: its first run comes at once. */
  while (ed_sync_scheduler_get_n_runs (scheduler) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ed_sync_scheduler_get_n_runs (scheduler), >, 0);
}

static void
test_join_with_passphrase (Fixture       *fixture,
                           gconstpointer  data)
{
  start_joining (fixture);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (fixture, "Team Passphrase")), PASSPHRASE);
  click (fixture, "_Join Team");
  wait_for_work (fixture);

  g_assert_cmpuint (fixture->n_set_up, ==, 1);
  assert_district_open (fixture);
}

static void
test_wrong_passphrase (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *folder_row;

  start_joining (fixture);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (fixture, "Team Passphrase")),
                         "not the team passphrase");
  click (fixture, "_Join Team");
  wait_for_work (fixture);

  g_assert_nonnull (fixture->dialog);
  g_assert_nonnull (error_text (fixture));
  g_assert_cmpuint (fixture->n_set_up, ==, 0);
  g_assert_cmpstr (step (fixture), ==, "team");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (fixture, "Team Passphrase"))),
                   ==, "not the team passphrase");
  folder_row = ed_gui_test_find (root (fixture), ED_TYPE_FOLDER_ROW, NULL);
  g_assert_cmpstr (ed_folder_row_get_folder (ED_FOLDER_ROW (folder_row)), ==, fixture->share);
  /* Nothing half made is left behind. */
  g_assert_false (g_file_test (fixture->new_path, G_FILE_TEST_EXISTS));
  g_assert_null (ed_window_get_context (fixture->window));

  /* Typed right, the same dialog joins. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row (fixture, "Team Passphrase")), PASSPHRASE);
  click (fixture, "_Join Team");
  wait_for_work (fixture);
  assert_district_open (fixture);
}

/* The team's desk approves the new desk, as its person would from the Sync page. */
static void
approve_new_desk (Fixture *fixture)
{
  g_autoptr(EdContext) new_desk = ed_modules_open_district (fixture->new_path, NULL);
  g_autoptr(EdShareSettings) settings = ed_share_settings_load (fixture->team, NULL);
  g_autoptr(EdTransport) transport = ed_share_open_transport (settings, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSync) sync = NULL;
  EdSyncReport report;

  g_assert_nonnull (new_desk);
  g_assert_true (ed_sync_is_awaiting_approval (new_desk));
  g_assert_true (ed_sync_run_now (fixture->team, &report, NULL, &error));
  g_assert_no_error (error);
  sync = ed_sync_new (fixture->team, transport, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_approve (sync, ed_context_get_device_id (new_desk), NULL, &error));
  g_assert_no_error (error);
}

static void
test_ask_then_approved (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *fingerprint = NULL;
  GtkWidget *note;

  start_joining (fixture);
  adw_action_row_activate (ADW_ACTION_ROW (ed_gui_test_find (root (fixture),
                                                             ADW_TYPE_ACTION_ROW,
                                                             "Ask to Join")));
  ed_gui_test_iterate ();
  click (fixture, "_Ask to Join");
  wait_for_work (fixture);

  g_assert_nonnull (fixture->dialog);
  g_assert_null (error_text (fixture));
  g_assert_cmpuint (fixture->n_set_up, ==, 1);
  g_assert_cmpstr (step (fixture), ==, "waiting");
  g_assert_true (g_file_test (fixture->new_path, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(EdContext) new_desk = ed_modules_open_district (fixture->new_path, NULL);

    fingerprint = ed_sync_get_own_fingerprint (new_desk, NULL);
  }
  g_assert_nonnull (fingerprint);
  g_assert_true (gtk_widget_is_visible (ed_gui_test_find (root (fixture), GTK_TYPE_LABEL,
                                                           fingerprint)));

  /* Not approved yet: checking says so, and it still waits. */
  click (fixture, "_Check Again");
  wait_for_work (fixture);
  g_assert_nonnull (fixture->dialog);
  g_assert_null (error_text (fixture));
  g_assert_cmpstr (step (fixture), ==, "waiting");
  note = ed_gui_test_find (root (fixture), GTK_TYPE_LABEL,
                           "No desk of the team has approved this desk yet. Check again once "
                           "they have.");
  g_assert_nonnull (note);
  g_assert_true (gtk_widget_is_visible (note));

  /* The recent districts call it by what it waits for. */
  {
    EdRecentDistrict recent = { fixture->new_path, NULL, FALSE };

    recent.joining = ed_sync_peek_is_set_up (fixture->new_path);
    g_assert_true (recent.joining);
    g_assert_cmpstr (ed_recent_district_get_title (&recent), ==,
                     "Waiting for the sync team’s district");
    g_assert_false (ed_sync_peek_is_set_up (fixture->copy_path));
  }

  /* Closed and opened again from the recent districts: back to waiting, not an error. */
  click (fixture, "_Close");
  g_assert_null (fixture->dialog);
  g_assert_null (ed_window_get_context (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-district",
                                             "s", fixture->new_path));
  ed_gui_test_iterate ();
  g_assert_null (ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  find_dialog (fixture);
  g_assert_cmpstr (step (fixture), ==, "waiting");
  g_assert_true (gtk_widget_is_visible (ed_gui_test_find (root (fixture), GTK_TYPE_LABEL,
                                                           fingerprint)));

  approve_new_desk (fixture);
  click (fixture, "_Check Again");
  wait_for_work (fixture);
  assert_district_open (fixture);
}

/* A district of the team's that asked to join: the sidebar's sync button says it waits,
 * with its own look and name, not that sync failed. */
static void
test_waiting_indicator (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *device = g_uuid_string_random ();
  EdShareSettings settings = { ED_SHARE_FOLDER, fixture->share, NULL, NULL };
  g_autoptr(EdTransport) transport = ed_share_open_transport (&settings, NULL);
  EdSyncScheduler *scheduler;
  GtkWidget *indicator;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  {
    /* The copy is a desk of its own. */
    g_autoptr(EdContext) copy = _ed_context_open_full (fixture->copy_path,
                                                       ed_modules_get_all (), NULL, NULL,
                                                       NULL, device, &error);

    g_assert_no_error (error);
    g_assert_true (ed_sync_request_join (copy, transport, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (ed_share_settings_save (copy, &settings, &error));
    g_assert_no_error (error);
  }

  g_assert_true (ed_window_open_district (fixture->window, fixture->copy_path, &error));
  g_assert_no_error (error);
  ed_gui_test_iterate ();
  scheduler = ed_window_get_sync_scheduler (fixture->window);
  g_assert_nonnull (scheduler);
  while (ed_sync_scheduler_get_n_runs (scheduler) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (ed_sync_scheduler_get_running (scheduler))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (ed_sync_scheduler_get_last_error (scheduler));

  indicator = ed_gui_test_find (GTK_WIDGET (fixture->window), ED_TYPE_SYNC_INDICATOR, NULL);
  g_assert_nonnull (indicator);
  g_assert_true (gtk_widget_get_visible (indicator));
  g_assert_cmpint (ed_sync_indicator_get_state (ED_SYNC_INDICATOR (indicator)), ==,
                   ED_SYNC_INDICATOR_WAITING);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (indicator),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Waiting for approval");

  /* Approved, its next sync brings it in, and the button says it synced. */
  {
    g_autoptr(EdSync) sync = ed_sync_new (fixture->team, transport, &error);
    EdSyncReport report;

    g_assert_no_error (error);
    g_assert_true (ed_sync_run_now (fixture->team, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (ed_sync_approve (sync, device, NULL, &error));
    g_assert_no_error (error);
  }
  ed_sync_scheduler_run_now (scheduler);
  while (ed_sync_scheduler_get_running (scheduler))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (ed_sync_scheduler_get_last_error (scheduler));
  g_assert_cmpint (ed_sync_indicator_get_state (ED_SYNC_INDICATOR (indicator)), ==,
                   ED_SYNC_INDICATOR_SYNCED);
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  g_test_add ("/sync-join/passphrase", Fixture, NULL, fixture_setup, test_join_with_passphrase,
              fixture_teardown);
  g_test_add ("/sync-join/wrong-passphrase", Fixture, NULL, fixture_setup,
              test_wrong_passphrase, fixture_teardown);
  g_test_add ("/sync-join/ask-then-approved", Fixture, NULL, fixture_setup,
              test_ask_then_approved, fixture_teardown);
  g_test_add ("/sync-join/waiting-indicator", Fixture, NULL, fixture_setup,
              test_waiting_indicator, fixture_teardown);
  return g_test_run ();
}
