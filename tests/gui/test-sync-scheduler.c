/* test-sync-scheduler.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The background sync of a window's district: an export once the desk has been still for the
 * idle delay and not before, a sync on the ingest timer, never two runs at once, edits sent
 * before the window closes; and the header bar's indicator, its states and accessible names.
 */

#include "config.h"

#include <string.h>

#include "ed-gui-test-util.h"
#include "register/ed-elector-edit.h"
#include "sync/ed-sync-desk-info.h"
#include "sync/ed-sync-share.h"
#include "sync/ed-sync-job.h"
#include "sync/ed-sync.h"
#include "ui/ed-module-page.h"
#include "ui/ed-window.h"
#include "ui/register/ed-elector-row.h"
#include "ui/sync/ed-sync-indicator.h"
#include "ui/sync/ed-sync-scheduler.h"

#define PASSPHRASE "a long enough team passphrase"

typedef struct
{
  char      *dir;
  char      *share;
  char      *path;
  EdContext *context;
} Desk;

/* A demo district in a temporary folder that has made a team on a folder share beside it
 * and sent its history there. */
static void
desk_setup (Desk          *desk,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTransport) transport = NULL;
  EdShareSettings settings = { ED_SHARE_FOLDER, NULL, NULL, NULL };
  EdSyncReport report;

  desk->dir = g_dir_make_tmp ("ed-sync-scheduler-XXXXXX", NULL);
  g_assert_nonnull (desk->dir);
  desk->share = g_build_filename (desk->dir, "share", NULL);
  g_assert_cmpint (g_mkdir (desk->share, 0700), ==, 0);
  desk->path = ed_gui_test_demo_district (desk->dir, 20);
  desk->context = ed_modules_open_district (desk->path, &error);
  g_assert_no_error (error);

  settings.location = desk->share;
  transport = ed_share_open_transport (&settings, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_create_team (desk->context, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_share_settings_save (desk->context, &settings, &error));
  g_assert_no_error (error);
  g_assert_true (ed_sync_run_now (desk->context, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_exported, >, 0);
}

static void
desk_teardown (Desk          *desk,
               gconstpointer  data)
{
  g_clear_object (&desk->context);
  ed_gui_test_remove_dir (desk->dir);
  g_free (desk->dir);
  g_free (desk->share);
  g_free (desk->path);
}

/* One edit made at this desk: a new op of its own. */
static void
edit (Desk       *desk,
      const char *council_name)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_district_settings_set (ed_context_get_settings (desk->context),
                                           "council-name", council_name, &error));
  g_assert_no_error (error);
}

static gboolean
has_unexported (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  gboolean unexported = ed_sync_has_unexported (context, &error);

  g_assert_no_error (error);
  return unexported;
}

/* Runs the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
wait_until_idle (EdSyncScheduler *scheduler,
                 guint            n_runs)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((ed_sync_scheduler_get_n_runs (scheduler) < n_runs ||
          ed_sync_scheduler_get_running (scheduler)) &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return ed_sync_scheduler_get_n_runs (scheduler) >= n_runs &&
         !ed_sync_scheduler_get_running (scheduler);
}

/* What the runs did, and that none overlapped. */
typedef struct
{
  gboolean  in_run;
  guint     started;
  guint     finished;
  guint     failed;
  guint64   exported;
  char     *last_error;
} Runs;

static void
run_started_cb (EdSyncScheduler *scheduler,
                Runs            *runs)
{
  g_assert_false (runs->in_run);
  runs->in_run = TRUE;
  runs->started++;
}

static void
run_finished_cb (EdSyncScheduler    *scheduler,
                 const EdSyncReport *report,
                 const GError       *error,
                 Runs               *runs)
{
  g_assert_true (runs->in_run);
  runs->in_run = FALSE;
  runs->finished++;
  if (report != NULL)
    runs->exported += report->n_exported;
  else
    {
      runs->failed++;
      g_free (runs->last_error);
      runs->last_error = g_strdup (error->message);
    }
}

static EdSyncScheduler *
watched_scheduler (EdContext  *context,
                   guint       idle_delay,
                   guint       ingest_interval,
                   Runs       *runs)
{
  EdSyncScheduler *scheduler = g_object_new (ED_TYPE_SYNC_SCHEDULER,
                                             "context", context,
                                             "idle-delay", idle_delay,
                                             "ingest-interval", ingest_interval,
                                             "edit-check-interval", 20,
                                             "run-at-start", FALSE,
                                             NULL);

  g_signal_connect (scheduler, "run-started", G_CALLBACK (run_started_cb), runs);
  g_signal_connect (scheduler, "run-finished", G_CALLBACK (run_finished_cb), runs);
  return scheduler;
}

/* Edits go out once the desk has been still for the idle delay: not while the person keeps
 * editing, and not before. */
static void
test_export_after_idle_delay (Desk          *desk,
                              gconstpointer  data)
{
  Runs runs = { 0 };
  g_autoptr(EdSyncScheduler) scheduler = watched_scheduler (desk->context, 400, 600000, &runs);

  /* Nothing to send, nothing run. */
  spin (600);
  g_assert_cmpuint (ed_sync_scheduler_get_n_runs (scheduler), ==, 0);

  /* Edits every 100 ms for a second: each puts the export off again. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Council %u", i);

      edit (desk, name);
      spin (100);
      g_assert_cmpuint (ed_sync_scheduler_get_n_runs (scheduler), ==, 0);
    }
  g_assert_true (has_unexported (desk->context));

  /* Still for less than the delay: not yet. */
  spin (250);
  g_assert_cmpuint (ed_sync_scheduler_get_n_runs (scheduler), ==, 0);

  /* Then once, with every edit. */
  g_assert_true (wait_until_idle (scheduler, 1));
  g_assert_cmpuint (runs.finished, ==, 1);
  g_assert_cmpuint (runs.failed, ==, 0);
  g_assert_cmpuint (runs.exported, ==, 10);
  g_assert_false (has_unexported (desk->context));
  g_assert_null (ed_sync_scheduler_get_last_error (scheduler));
  g_assert_cmpint (ed_sync_scheduler_get_last_sync_ms (scheduler), >, 0);

  /* And not again until there is something new. */
  spin (600);
  g_assert_cmpuint (ed_sync_scheduler_get_n_runs (scheduler), ==, 1);
  g_free (runs.last_error);
}

/* The share is read on the ingest timer, with or without edits here. */
static void
test_ingest_on_timer (Desk          *desk,
                      gconstpointer  data)
{
  Runs runs = { 0 };
  g_autoptr(EdSyncScheduler) scheduler = watched_scheduler (desk->context, 600000, 200, &runs);

  spin (150);
  g_assert_cmpuint (ed_sync_scheduler_get_n_runs (scheduler), ==, 0);
  g_assert_true (wait_until_idle (scheduler, 3));
  g_assert_cmpuint (runs.failed, ==, 0);

  /* Stopped, it runs no more of its own. */
  ed_sync_scheduler_stop (scheduler);
  g_assert_true (wait_until_idle (scheduler, 0));
  {
    guint n_runs = ed_sync_scheduler_get_n_runs (scheduler);

    spin (500);
    g_assert_cmpuint (ed_sync_scheduler_get_n_runs (scheduler), ==, n_runs);
  }
  spin (500);
  g_assert_cmpuint (runs.started, ==, runs.finished);
  g_free (runs.last_error);
}

/* Asked again and again during a run: one more run follows it, never one beside it. */
static void
test_never_two_runs_at_once (Desk          *desk,
                             gconstpointer  data)
{
  Runs runs = { 0 };
  g_autoptr(EdSyncScheduler) scheduler = watched_scheduler (desk->context, 600000, 600000,
                                                            &runs);

  ed_sync_scheduler_run_now (scheduler);
  g_assert_true (ed_sync_scheduler_get_running (scheduler));
  for (guint i = 0; i < 5; i++)
    ed_sync_scheduler_run_now (scheduler);
  g_assert_cmpuint (ed_sync_scheduler_get_n_runs (scheduler), ==, 1);
  g_assert_true (wait_until_idle (scheduler, 2));
  spin (200);
  g_assert_cmpuint (ed_sync_scheduler_get_n_runs (scheduler), ==, 2);
  g_assert_cmpuint (runs.started, ==, 2);
  g_assert_cmpuint (runs.finished, ==, 2);
  g_assert_cmpuint (runs.failed, ==, 0);
  g_free (runs.last_error);
}

static void
flushed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  int *outcome = user_data;
  g_autoptr(GError) error = NULL;

  *outcome = ed_sync_scheduler_flush_finish (ED_SYNC_SCHEDULER (source), result, &error) ? 1
                                                                                          : 2;
  g_assert_no_error (error);
}

/* Flushing sends what is left, after the run under way; with nothing left it runs nothing. */
static void
test_flush (Desk          *desk,
            gconstpointer  data)
{
  Runs runs = { 0 };
  g_autoptr(EdSyncScheduler) scheduler = watched_scheduler (desk->context, 600000, 600000,
                                                            &runs);
  int outcome = 0;

  ed_sync_scheduler_flush_async (scheduler, 5000, flushed_cb, &outcome);
  spin (100);
  g_assert_cmpint (outcome, ==, 1);
  g_assert_cmpuint (runs.started, ==, 0);

  /* An edit made while a run is under way goes in the run after it. */
  ed_sync_scheduler_run_now (scheduler);
  edit (desk, "Flushed Council");
  outcome = 0;
  g_assert_true (ed_sync_scheduler_needs_flush (scheduler));
  ed_sync_scheduler_flush_async (scheduler, 5000, flushed_cb, &outcome);
  while (outcome == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (outcome, ==, 1);
  g_assert_cmpuint (runs.finished, ==, 2);
  g_assert_false (has_unexported (desk->context));
  g_free (runs.last_error);
}

/* A share that has gone: the run fails, and says why. */
static void
test_failed_run (Desk          *desk,
                 gconstpointer  data)
{
  Runs runs = { 0 };
  g_autoptr(EdSyncScheduler) scheduler = watched_scheduler (desk->context, 600000, 600000,
                                                            &runs);
  g_autofree char *moved = g_strconcat (desk->share, "-gone", NULL);

  g_assert_cmpint (g_rename (desk->share, moved), ==, 0);
  ed_sync_scheduler_run_now (scheduler);
  g_assert_true (wait_until_idle (scheduler, 1));
  g_assert_cmpuint (runs.failed, ==, 1);
  g_assert_nonnull (ed_sync_scheduler_get_last_error (scheduler));
  g_assert_cmpstr (ed_sync_scheduler_get_last_error (scheduler), ==, runs.last_error);

  g_assert_cmpint (g_rename (moved, desk->share), ==, 0);
  ed_sync_scheduler_run_now (scheduler);
  g_assert_true (wait_until_idle (scheduler, 2));
  g_assert_null (ed_sync_scheduler_get_last_error (scheduler));
  g_free (runs.last_error);
}

static EdWindow *
open_window (const char *path)
{
  g_autoptr(GError) error = NULL;
  EdWindow *window = g_object_new (ED_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_assert_true (ed_window_open_district (window, path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ed_gui_test_iterate ();
  return window;
}

/* Closing the window sends this desk's edits first: the window hides at once and goes once
 * they are on the share. */
static void
test_export_on_close (Desk          *desk,
                      gconstpointer  data)
{
  EdWindow *window = open_window (desk->path);
  EdSyncScheduler *scheduler = ed_window_get_sync_scheduler (window);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autoptr(EdContext) reopened = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (scheduler);
  g_assert_true (wait_until_idle (scheduler, 1));   /* the run at start */
  edit (desk, "Closing Council");
  g_assert_true (has_unexported (desk->context));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  while (window != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (window);

  reopened = ed_modules_open_district (desk->path, &error);
  g_assert_no_error (error);
  g_assert_false (has_unexported (reopened));
}

/* With nothing to send, the window closes at once. */
static void
test_close_with_nothing_to_send (Desk          *desk,
                                 gconstpointer  data)
{
  EdWindow *window = open_window (desk->path);

  g_assert_true (wait_until_idle (ed_window_get_sync_scheduler (window), 1));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_close (GTK_WINDOW (window));
  ed_gui_test_iterate ();
  g_assert_null (window);
}

static void
assert_said (EdSyncIndicator *indicator,
             const char      *text)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (indicator),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, text);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (indicator)), ==, text);
}

/* Each state shows its own sign and has its own accessible name, which the tooltip says too;
 * what the button shows is drawing only, so the name is said once. */
static void
test_indicator_states (void)
{
  EdSyncIndicator *indicator = g_object_ref_sink (g_object_new (ED_TYPE_SYNC_INDICATOR, NULL));
  gint64 now = g_get_real_time () / 1000;
  GtkWidget *stack = gtk_button_get_child (GTK_BUTTON (indicator));

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (indicator)));

  ed_sync_indicator_update (indicator, FALSE, FALSE, NULL, now - 2 * 60 * 1000 - 5000, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  g_assert_cmpint (ed_sync_indicator_get_state (indicator), ==, ED_SYNC_INDICATOR_SYNCED);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "synced");
  assert_said (indicator, "Synced 2 minutes ago");

  ed_sync_indicator_update (indicator, TRUE, FALSE, NULL, now, 0);
  g_assert_cmpint (ed_sync_indicator_get_state (indicator), ==, ED_SYNC_INDICATOR_SYNCING);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "syncing");
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (
    gtk_stack_get_visible_child (GTK_STACK (stack)))));
  assert_said (indicator, "Syncing");

  ed_sync_indicator_update (indicator, FALSE, FALSE, "The share cannot be reached", now, 0);
  g_assert_cmpint (ed_sync_indicator_get_state (indicator), ==, ED_SYNC_INDICATOR_FAILED);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "failed");
  assert_said (indicator, "Sync failed: The share cannot be reached");

  ed_sync_indicator_update (indicator, FALSE, FALSE, NULL, now, 3);
  g_assert_cmpint (ed_sync_indicator_get_state (indicator), ==, ED_SYNC_INDICATOR_CONFLICTS);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "conflicts");
  g_assert_nonnull (ed_gui_test_find (stack, GTK_TYPE_LABEL, "3"));
  assert_said (indicator, "Synced, with 3 conflicts to settle");
  ed_sync_indicator_update (indicator, FALSE, FALSE, NULL, now, 1);
  assert_said (indicator, "Synced, with 1 conflict to settle");

  /* A failure outranks conflicts, and a run under way outranks both. */
  ed_sync_indicator_update (indicator, FALSE, FALSE, "Gone", now, 3);
  g_assert_cmpint (ed_sync_indicator_get_state (indicator), ==, ED_SYNC_INDICATOR_FAILED);
  ed_sync_indicator_update (indicator, TRUE, FALSE, "Gone", now, 3);
  g_assert_cmpint (ed_sync_indicator_get_state (indicator), ==, ED_SYNC_INDICATOR_SYNCING);

  /* A desk that asked to join is waiting, not failed, though its last sync ended with why. */
  ed_sync_indicator_update (indicator, FALSE, TRUE,
                            "This desk waits for a desk of the team to approve it", now, 0);
  g_assert_cmpint (ed_sync_indicator_get_state (indicator), ==, ED_SYNC_INDICATOR_WAITING);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "waiting");
  assert_said (indicator, "Waiting for approval");
  ed_sync_indicator_update (indicator, TRUE, TRUE, NULL, now, 0);
  g_assert_cmpint (ed_sync_indicator_get_state (indicator), ==, ED_SYNC_INDICATOR_SYNCING);

  /* Nothing inside the button is named: the button's name is all a screen reader says. */
  for (GtkWidget *page = gtk_widget_get_first_child (stack); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_ROLE_PRESENTATION);
  g_object_unref (indicator);
}

static void
test_indicator_age (void)
{
  gint64 now = 1800000000000;
  struct { gint64 ago_ms; const char *text; } cases[] = {
    { 10 * 1000, "Synced just now" },
    { 60 * 1000, "Synced 1 minute ago" },
    { 59 * 60 * 1000, "Synced 59 minutes ago" },
    { 60 * 60 * 1000, "Synced 1 hour ago" },
    { 5 * 60 * 60 * 1000, "Synced 5 hours ago" },
    { 3 * 24 * 60 * 60 * 1000LL, "Synced 3 days ago" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ed_sync_indicator_describe_age (now - cases[i].ago_ms, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *never = ed_sync_indicator_describe_age (0, now);

    g_assert_cmpstr (never, ==, "Not synced yet");
  }
}

static GtkWidget *
find_indicator (GtkWidget *root)
{
  return ed_gui_test_find (root, ED_TYPE_SYNC_INDICATOR, NULL);
}

/* In the window: hidden for a district that does not sync, with the sync actions off; shown
 * for one that does, syncing at first and then synced. */
static void
test_indicator_in_window (Desk          *desk,
                          gconstpointer  data)
{
  g_autofree char *plain_path = ed_gui_test_demo_district (NULL, 20);
  EdWindow *window = open_window (plain_path);
  GtkWidget *indicator = find_indicator (GTK_WIDGET (window));
  EdSyncScheduler *scheduler;

  g_assert_nonnull (indicator);
  g_assert_false (gtk_widget_get_visible (indicator));
  g_assert_null (ed_window_get_sync_scheduler (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-set-up", NULL));
  ed_gui_test_iterate ();
  {
    GtkWindow *dialog = ed_gui_test_find_toplevel (g_type_from_name ("EdSyncSetupDialog"));

    g_assert_nonnull (dialog);
    gtk_window_destroy (dialog);
  }
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window (desk->path);
  indicator = find_indicator (GTK_WIDGET (window));
  scheduler = ed_window_get_sync_scheduler (window);
  g_assert_nonnull (scheduler);
  g_assert_true (gtk_widget_get_visible (indicator));
  ed_sync_scheduler_run_now (scheduler);
  g_assert_cmpint (ed_sync_indicator_get_state (ED_SYNC_INDICATOR (indicator)), ==,
                   ED_SYNC_INDICATOR_SYNCING);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (indicator),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Syncing");
  g_assert_true (wait_until_idle (scheduler, 1));
  g_assert_cmpint (ed_sync_indicator_get_state (ED_SYNC_INDICATOR (indicator)), ==,
                   ED_SYNC_INDICATOR_SYNCED);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (indicator),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Synced just now");

  /* Clicking it shows the Sync page. */
  g_signal_emit_by_name (indicator, "clicked");
  ed_gui_test_iterate ();
  {
    GtkWidget *module_stack = gtk_widget_get_parent (
      GTK_WIDGET (ed_gui_test_find (GTK_WIDGET (window), ED_TYPE_MODULE_PAGE, NULL)));

    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (module_stack)), ==, "sync");
  }

  /* A sync it asks for while one is under way waits its turn. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-now", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-now", NULL));
  g_assert_true (wait_until_idle (scheduler, 3));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Another desk's edit comes in: the register page shows it, on the row still selected, and
 * the household pane stays open. */
static void
test_pages_reload_after_applied (Desk          *desk,
                                 gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (desk->dir, "other.db", NULL);
  g_autoptr(EdContext) other = NULL;
  g_autoptr(EdTransport) transport = NULL;
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  EdShareSettings settings = { ED_SHARE_FOLDER, desk->share, NULL, NULL };
  EdSyncReport report;
  EdWindow *window;
  EdSyncScheduler *scheduler;
  GtkWidget *column_view;
  GtkSingleSelection *selection;
  GtkWidget *household;
  guint n_runs;

  /* A second desk joins and takes the district. */
  transport = ed_share_open_transport (&settings, &error);
  g_assert_no_error (error);
  other = ed_modules_open_district (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_join (other, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_share_settings_save (other, &settings, &error));
  g_assert_no_error (error);
  g_assert_true (ed_sync_run_now (other, &report, NULL, &error));
  g_assert_no_error (error);

  window = open_window (desk->path);
  scheduler = ed_window_get_sync_scheduler (window);
  g_assert_true (wait_until_idle (scheduler, 1));
  column_view = ed_gui_test_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  g_assert_true (ed_gui_test_wait_for_items (G_LIST_MODEL (selection), 20));
  gtk_single_selection_set_selected (selection, 5);
  id = g_strdup (ed_elector_row_get_id (gtk_single_selection_get_selected_item (selection)));
  g_assert_true (gtk_widget_activate_action (column_view, "register.show-household", NULL));
  ed_gui_test_iterate ();
  household = ed_gui_test_find (GTK_WIDGET (window), GTK_TYPE_REVEALER, NULL);
  g_assert_nonnull (household);

  /* The other desk renames the selected elector and sends it. */
  edit = ed_elector_edit_load (other, id, &error);
  g_assert_no_error (error);
  g_free (edit->surname);
  edit->surname = g_strdup ("Quillfeather");
  g_assert_true (ed_elector_edit_amend (other, edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_sync_run_now (other, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_exported, >, 0);

  n_runs = ed_sync_scheduler_get_n_runs (scheduler);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-now", NULL));
  g_assert_true (wait_until_idle (scheduler, n_runs + 1));

  /* The rows are shown afresh a few a frame. */
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    EdElectorRow *row = NULL;
    g_autofree char *name = NULL;

    for (;;)
      {
        row = gtk_single_selection_get_selected_item (selection);
        g_clear_pointer (&name, g_free);
        name = row != NULL ? g_utf8_strdown (ed_elector_row_get_name (row), -1) : NULL;
        if ((name != NULL && strstr (name, "quillfeather") != NULL) ||
            g_get_monotonic_time () > deadline)
          break;
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    ed_gui_test_iterate ();
    g_assert_nonnull (row);
    g_assert_nonnull (strstr (name, "quillfeather"));
    g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 5);
    g_assert_cmpstr (ed_elector_row_get_id (gtk_single_selection_get_selected_item (selection)),
                     ==, id);
  }
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (household)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  g_test_add ("/sync-scheduler/export-after-idle-delay", Desk, NULL, desk_setup,
              test_export_after_idle_delay, desk_teardown);
  g_test_add ("/sync-scheduler/ingest-on-timer", Desk, NULL, desk_setup, test_ingest_on_timer,
              desk_teardown);
  g_test_add ("/sync-scheduler/never-two-runs-at-once", Desk, NULL, desk_setup,
              test_never_two_runs_at_once, desk_teardown);
  g_test_add ("/sync-scheduler/flush", Desk, NULL, desk_setup, test_flush, desk_teardown);
  g_test_add ("/sync-scheduler/failed-run", Desk, NULL, desk_setup, test_failed_run,
              desk_teardown);
  g_test_add ("/sync-scheduler/export-on-close", Desk, NULL, desk_setup, test_export_on_close,
              desk_teardown);
  g_test_add ("/sync-scheduler/close-with-nothing-to-send", Desk, NULL, desk_setup,
              test_close_with_nothing_to_send, desk_teardown);
  g_test_add ("/sync-scheduler/pages-reload-after-applied", Desk, NULL, desk_setup,
              test_pages_reload_after_applied, desk_teardown);
  g_test_add_func ("/sync-indicator/states", test_indicator_states);
  g_test_add_func ("/sync-indicator/age", test_indicator_age);
  g_test_add ("/sync-indicator/in-window", Desk, NULL, desk_setup, test_indicator_in_window,
              desk_teardown);
  return g_test_run ();
}
