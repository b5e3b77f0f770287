/* ed-window.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "changes/ed-replica.h"
#include "core/ed-database.h"
#include "demo/ed-demo.h"
#include "ed-modules.h"
#include "ui/ed-district-switcher.h"
#include "ui/ed-module-page.h"
#include "ui/ed-module-pages.h"
#include "ui/ed-new-district-dialog.h"
#include "ui/ed-preferences-window.h"
#include "ui/ed-recent-districts.h"
#include "ui/ed-ui-resources.h"
#include "ui/ed-welcome-page.h"
#include "ui/ed-window.h"
#include "ui/sync/ed-sync-approve-dialog.h"
#include "ui/sync/ed-sync-indicator.h"
#include "ui/sync/ed-sync-page.h"
#include "ui/sync/ed-sync-scheduler.h"
#include "ui/sync/ed-sync-setup-dialog.h"

/* How long closing the window waits at most for this desk's edits to reach the share. */
#define SYNC_QUIT_WAIT_MS 20000

struct _EdWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  EdWelcomePage        *welcome_page;
  AdwLeaflet           *leaflet;
  EdDistrictSwitcher   *switcher;
  GtkListBox           *module_list;
  GtkStack             *module_stack;
  EdSyncIndicator      *sync_indicator;

  const EdModule * const *modules;         /* the module list the sidebar is built from */
  const EdModulePageInfo *page_infos;      /* the pages of those modules, by id */
  EdContext            *context;
  GPtrArray            *pages;              /* EdModulePage, in sidebar order */
  char                 *new_district_path;  /* where "Create a new district" writes, if set */
  EdJob                *demo_job;           /* set while the demo district is written */
  GtkWindow            *shortcuts_window;   /* built the first time it is asked for */
  EdSyncScheduler      *sync_scheduler;     /* while the open district syncs */
  gboolean              sync_flushed;       /* closing: this desk's edits are out */
};

G_DEFINE_FINAL_TYPE (EdWindow, ed_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_MODULES,
  PROP_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (EdWindow   *self,
            const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_error (EdWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GSettings *
get_settings (EdWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application == NULL)
    return NULL;
  return ed_application_get_settings (ED_APPLICATION (application));
}

static void
refresh_recent (EdWindow *self)
{
  g_autoptr(GPtrArray) recent = ed_recent_districts_list (get_settings (self));

  ed_welcome_page_set_recent (self->welcome_page, recent);
  ed_district_switcher_set_recent (self->switcher, recent);
}

static void
update_title (EdWindow *self)
{
  EdDistrictSettings *settings;
  g_autofree char *title = NULL;
  const char *name;

  if (self->context == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Electoral Desk"));
      return;
    }

  settings = ed_context_get_settings (self->context);
  name = ed_district_settings_get_council_name (settings);
  ed_district_switcher_set_district (self->switcher, name,
                                     ed_database_get_path (ed_context_get_database (self->context)));
  /* Translators: the window title: a council's name, then the application's */
  title = g_strdup_printf (_("%s — Electoral Desk"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
district_settings_changed_cb (EdWindow   *self,
                              const char *key)
{
  if (g_str_equal (key, "council-name"))
    {
      update_title (self);
      refresh_recent (self);
    }
}

static void
update_sync_indicator (EdWindow *self)
{
  EdSyncScheduler *scheduler = self->sync_scheduler;

  if (scheduler == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->sync_indicator), FALSE);
      return;
    }
  ed_sync_indicator_update (self->sync_indicator, ed_sync_scheduler_get_running (scheduler),
                            ed_sync_is_awaiting_approval (self->context),
                            ed_sync_scheduler_get_last_error (scheduler),
                            ed_sync_scheduler_get_last_sync_ms (scheduler),
                            ed_sync_scheduler_get_n_conflicts (scheduler));
}

/* The Sync page shows what every run did; when other desks' edits came in, every page shows
 * the district as it now is. */
static void
sync_run_finished_cb (EdWindow           *self,
                      const EdSyncReport *report,
                      const GError       *error)
{
  gboolean applied = report != NULL && report->n_applied > 0;

  update_sync_indicator (self);
  for (guint i = 0; i < self->pages->len; i++)
    {
      EdModulePage *page = g_ptr_array_index (self->pages, i);

      if (applied || ED_IS_SYNC_PAGE (page))
        ed_module_page_reload (page);
    }
}

static void
update_sync_actions (EdWindow *self)
{
  gboolean syncs = self->sync_scheduler != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-set-up",
                                 self->context != NULL && !syncs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-now", syncs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-approve", syncs);
}

static void
start_sync (EdWindow *self)
{
  g_return_if_fail (self->sync_scheduler == NULL);

  self->sync_scheduler = ed_sync_scheduler_new (self->context);
  g_signal_connect_object (self->sync_scheduler, "notify::running",
                           G_CALLBACK (update_sync_indicator), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync_scheduler, "run-finished",
                           G_CALLBACK (sync_run_finished_cb), self, G_CONNECT_SWAPPED);
  update_sync_indicator (self);
  update_sync_actions (self);
  /* Set up just now, the Sync page stops saying it is not. */
  for (guint i = 0; i < self->pages->len; i++)
    if (ED_IS_SYNC_PAGE (g_ptr_array_index (self->pages, i)))
      ed_module_page_reload (g_ptr_array_index (self->pages, i));
}

/* The district is closed or another opened: its scheduler's timers end, but edits not on the
 * share yet still go, in the background; the run holds the scheduler until it ends. */
static void
stop_sync (EdWindow *self)
{
  if (self->sync_scheduler == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->sync_scheduler, self);
  ed_sync_scheduler_stop (self->sync_scheduler);
  if (ed_sync_scheduler_needs_flush (self->sync_scheduler))
    ed_sync_scheduler_flush_async (self->sync_scheduler, SYNC_QUIT_WAIT_MS, NULL, NULL);
  g_clear_object (&self->sync_scheduler);
  update_sync_indicator (self);
  update_sync_actions (self);
}

/**
 * ed_window_get_sync_scheduler:
 * @self: the window
 *
 * Returns: (transfer none) (nullable): what runs the open district's syncs, if it syncs
 */
EdSyncScheduler *
ed_window_get_sync_scheduler (EdWindow *self)
{
  g_return_val_if_fail (ED_IS_WINDOW (self), NULL);

  return self->sync_scheduler;
}

static void
sync_set_up_cb (EdWindow *self)
{
  if (self->context != NULL && self->sync_scheduler == NULL && ed_sync_is_set_up (self->context))
    start_sync (self);
}

static void
sync_set_up_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EdWindow *self = ED_WINDOW (widget);
  EdSyncSetupDialog *dialog;

  if (self->context == NULL)
    return;
  dialog = ed_sync_setup_dialog_new (GTK_WINDOW (self), self->context);
  g_signal_connect_object (dialog, "set-up", G_CALLBACK (sync_set_up_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EdWindow *self = ED_WINDOW (widget);

  if (self->sync_scheduler != NULL)
    ed_sync_scheduler_run_now (self->sync_scheduler);
}

/* The roster has changed: the next sync reads it, and the Sync page shows the desk in. */
static void
sync_desk_approved_cb (EdWindow *self)
{
  show_toast (self, _("Desk approved: it joins the team at its next sync"));
  if (self->sync_scheduler != NULL)
    ed_sync_scheduler_run_now (self->sync_scheduler);
}

static void
sync_approve_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EdWindow *self = ED_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  EdSyncApproveDialog *dialog;

  if (self->context == NULL)
    return;
  dialog = ed_sync_approve_dialog_new (GTK_WINDOW (self), self->context,
                                       g_variant_get_string (parameter, NULL), &error);
  if (dialog == NULL)
    {
      show_error (self, _("Cannot Approve the Desk"), error->message);
      return;
    }
  g_signal_connect_object (dialog, "approved", G_CALLBACK (sync_desk_approved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_context (EdWindow  *self,
             EdContext *context)
{
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (ed_context_get_settings (self->context), self);
  g_set_object (&self->context, context);

  for (guint i = 0; i < self->pages->len; i++)
    ed_module_page_set_context (g_ptr_array_index (self->pages, i), context);

  if (context != NULL)
    g_signal_connect_swapped (ed_context_get_settings (context), "changed",
                              G_CALLBACK (district_settings_changed_cb), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", context != NULL);
  update_title (self);

  stop_sync (self);
  if (context != NULL && ed_sync_is_set_up (context))
    start_sync (self);
  update_sync_actions (self);
}

/**
 * ed_window_open_district:
 * @self: the window
 * @path: a district file
 * @error: return location for why it cannot be opened
 *
 * Opens the district in this window, in place of the one open now. A file that holds no
 * district yet is not opened: the person is asked to set it up first
 * (%G_IO_ERROR_NOT_INITIALIZED), or, if it has joined a sync team, to bring the team's
 * district in (%G_IO_ERROR_PENDING).
 */
gboolean
ed_window_open_district (EdWindow    *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(EdContext) context = NULL;
  g_autofree char *privacy_notice = NULL;

  g_return_val_if_fail (ED_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  context = ed_context_open (path, self->modules, error);
  if (context == NULL)
    return FALSE;
  privacy_notice = ed_database_dup_privacy_notice (ed_replica_get_database (ED_REPLICA (context)));

  if (!ed_district_settings_is_configured (ed_context_get_settings (context)))
    {
      g_autofree char *name = g_filename_display_name (path);

      /* A new desk that joined a team: its district comes with a sync. */
      if (ed_sync_is_set_up (context))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                       _("“%s” has joined a sync team, and the team’s district has not come "
                         "into it yet."), name);
          return FALSE;
        }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   _("“%s” holds no district yet. Create a new district to set it up."), name);
      return FALSE;
    }

  set_context (self, context);
  ed_recent_districts_add (get_settings (self), path);
  refresh_recent (self);
  gtk_stack_set_visible_child_name (self->main_stack, "district");
  g_clear_pointer (&self->new_district_path, g_free);
  if (privacy_notice != NULL)
    show_error (self, _("District File Made Private"), privacy_notice);
  return TRUE;
}

EdContext *
ed_window_get_context (EdWindow *self)
{
  g_return_val_if_fail (ED_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * ed_window_show_welcome:
 * @self: the window
 * @new_district_path: (nullable): where a new district should be created, if the person
 *   named a file that does not exist yet
 */
void
ed_window_show_welcome (EdWindow   *self,
                        const char *new_district_path)
{
  g_return_if_fail (ED_IS_WINDOW (self));

  set_context (self, NULL);
  g_free (self->new_district_path);
  self->new_district_path = g_strdup (new_district_path);
  refresh_recent (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

static char *choose_new_district_path (EdWindow   *self,
                                       const char *council_name);

static gboolean
open_joined_district (const char  *path,
                      gpointer     user_data,
                      GError     **error)
{
  return ed_window_open_district (ED_WINDOW (user_data), path, error);
}

/* A new desk's file is in the team (or asked to be): it is kept among the recent districts,
 * so that the person can come back to it while it waits. */
static void
sync_joined_cb (EdWindow          *self,
                EdSyncSetupDialog *dialog)
{
  ed_recent_districts_add (get_settings (self), ed_sync_setup_dialog_get_path (dialog));
  refresh_recent (self);
}

static void
join_team_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdWindow *self = ED_WINDOW (widget);
  /* Named as a new district is, until the district that comes in names itself. */
  g_autofree char *path = choose_new_district_path (self, "joined district");
  EdSyncSetupDialog *dialog = ed_sync_setup_dialog_new_join (GTK_WINDOW (self), path,
                                                             self->modules,
                                                             open_joined_district, self);

  g_signal_connect_object (dialog, "set-up", G_CALLBACK (sync_joined_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file that joined a team but whose district has not come yet goes back to where it
 * waits, not to an error. */
static void
open_district_or_report (EdWindow   *self,
                         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = NULL;

  if (ed_window_open_district (self, path, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
    {
      g_clear_error (&error);
      context = ed_context_open (path, self->modules, &error);
      if (context != NULL)
        {
          ed_recent_districts_add (get_settings (self), path);
          refresh_recent (self);
          gtk_window_present (GTK_WINDOW (ed_sync_setup_dialog_new_waiting (
            GTK_WINDOW (self), context, open_joined_district, self)));
          return;
        }
    }
  show_error (self, _("Cannot Open the District"), error->message);
}

static void
open_district_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_district_or_report (ED_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
demo_progress_cb (EdWindow   *self,
                  double      fraction,
                  const char *text)
{
  /* A report may come after the window was closed. */
  if (self->demo_job != NULL)
    ed_welcome_page_set_progress (self->welcome_page, fraction, text);
}

static void
demo_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EdWindow) self = user_data;
  g_autofree char *path = ed_context_get_demo_database_path ();
  g_autoptr(GError) error = NULL;
  gboolean written;

  written = ed_demo_write_finish (ED_JOB (source), result, &error);
  /* The window was closed while the demo was written. */
  if (self->demo_job == NULL)
    return;
  g_clear_object (&self->demo_job);
  ed_welcome_page_set_busy (self->welcome_page, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-demo", TRUE);

  if (!written)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Cannot Write the Demo District"), error->message);
      return;
    }

  open_district_or_report (self, path);
}

/* The demo district is opened if it is there; otherwise it is written first, as a job, so
 * the window keeps drawing: once the register is in the demo, this is many seconds of
 * work. */
static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdWindow *self = ED_WINDOW (widget);
  g_autofree char *path = ed_context_get_demo_database_path ();
  g_autoptr(GError) error = NULL;
  EdDemoOptions options;
  EdJob *job;

  if (self->demo_job != NULL)
    return;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (ed_window_open_district (self, path, &error))
        return;
      /* A file that holds no district yet is written over; any other trouble is told. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED))
        {
          show_error (self, _("Cannot Open the District"), error->message);
          return;
        }
    }

  ed_welcome_page_set_busy (self->welcome_page, TRUE);
  gtk_widget_action_set_enabled (widget, "win.open-demo", FALSE);
  ed_demo_options_init (&options);
  /* The module list is static and read only, so the worker may read it. */
  job = ed_demo_write_async (path, self->modules, &options, NULL, demo_written_cb,
                             g_object_ref (self));
  self->demo_job = g_object_ref (job);
  g_signal_connect_object (job, "progress", G_CALLBACK (demo_progress_cb), self,
                           G_CONNECT_SWAPPED);
}

/* A new district goes where the person asked (--db FILE), else into the data folder under a
 * name made from the council's, never over an existing file. */
static char *
choose_new_district_path (EdWindow   *self,
                          const char *council_name)
{
  g_autofree char *dir = NULL;
  g_autofree char *slug = NULL;
  char *path;
  guint n = 2;

  if (self->new_district_path != NULL && !g_file_test (self->new_district_path,
                                                       G_FILE_TEST_EXISTS))
    return g_strdup (self->new_district_path);

  dir = ed_context_get_data_dir ();
  slug = g_ascii_strdown (council_name, -1);
  for (char *p = slug; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = '-';

  path = g_strdup_printf ("%s/%s.db", dir, slug);
  while (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_strdup_printf ("%s/%s-%u.db", dir, slug, n++);
    }
  return path;
}

static gboolean
create_district (GHashTable  *values,
                 gpointer     user_data,
                 GError     **error)
{
  EdWindow *self = ED_WINDOW (user_data);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(EdContext) context = NULL;
  const char *council_name = g_hash_table_lookup (values, "council-name");

  if (!ed_district_settings_normalise_value ("council-name", council_name, &name, error))
    return FALSE;

  path = choose_new_district_path (self, name);
  context = ed_context_create (path, self->modules, values, error);
  if (context == NULL)
    return FALSE;
  g_clear_object (&context);

  if (!ed_window_open_district (self, path, error))
    return FALSE;
  show_toast (self, _("District created"));
  return TRUE;
}

static void
new_district_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EdNewDistrictDialog *dialog = ed_new_district_dialog_new (GTK_WINDOW (widget),
                                                            create_district, widget);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_chosen_cb (EdWindow             *self,
                int                   response,
                GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        open_district_or_report (self, path);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *dir = ed_context_get_data_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  chooser = gtk_file_chooser_native_new (_("Open a District File"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("District files"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  g_signal_connect_swapped (chooser, "response", G_CALLBACK (file_chosen_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EdWindow *self = ED_WINDOW (widget);
  EdPreferencesWindow *preferences;

  if (self->context == NULL)
    return;
  preferences = ed_preferences_window_new (GTK_WINDOW (self), self->context);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_leaflet_navigate (ED_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Built when first asked for rather than with every window, as GtkApplication would from
 * gtk/help-overlay.ui: few open it, and building it was a twentieth of the start-up. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EdWindow *self = ED_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/electoraldesk/ElectoralDesk/ed-shortcuts-window.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder,
                                                                                 "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }
  gtk_window_present (self->shortcuts_window);
}

static void
show_module_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EdWindow *self = ED_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < self->pages->len; i++)
    if (g_str_equal (gtk_stack_page_get_name (gtk_stack_get_page (self->module_stack,
                                                                  g_ptr_array_index (self->pages,
                                                                                     i))), id))
      gtk_list_box_select_row (self->module_list,
                               gtk_list_box_get_row_at_index (self->module_list, (int)i));
}

/* GTK 4.8 leaves a stack's hidden pages in the accessibility tree, where a screen reader
 * would read every module at once; mark them hidden so only the page on screen is heard. */
static void
update_hidden_pages (GtkStack *stack)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN,
                                 child != visible, -1);
}

static void
module_selected_cb (EdWindow      *self,
                    GtkListBoxRow *row)
{
  int index;

  if (row == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  gtk_stack_set_visible_child (self->module_stack, g_ptr_array_index (self->pages, index));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static GtkWidget *
make_module_row (const char *title,
                 const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  return row;
}

static EdModulePage *
make_module_page (const EdModule         *module,
                  const EdModulePageInfo *info)
{
  const char *icon_name = info != NULL ? info->icon_name : "application-x-addon-symbolic";

  if (info != NULL && info->get_type != NULL)
    return g_object_new (info->get_type (), "title", _(module->title), "icon-name", icon_name,
                         NULL);

  return ed_module_page_new_not_built (_(module->title), icon_name,
                                       info != NULL && info->not_built != NULL
                                         ? _(info->not_built)
                                         : _("This part of Electoral Desk is not built yet."));
}

/* The sidebar and the pages, one for each row of the module list, with Alt+1, Alt+2, … to
 * reach them. */
static void
build_modules (EdWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; self->modules[i] != NULL; i++)
    {
      const EdModule *module = self->modules[i];
      const EdModulePageInfo *info = ed_module_pages_lookup (self->page_infos, module->id);
      EdModulePage *page = make_module_page (module, info);

      gtk_stack_add_named (self->module_stack, GTK_WIDGET (page), module->id);
      g_object_bind_property (self->leaflet, "folded", page, "folded", G_BINDING_SYNC_CREATE);
      g_ptr_array_add (self->pages, page);
      gtk_list_box_append (self->module_list,
                           make_module_row (_(module->title),
                                            ed_module_page_get_icon_name (page)));
      if (i < 9)
        {
          GtkShortcut *shortcut =
            gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_ALT_MASK),
                              gtk_named_action_new ("win.show-module"));

          gtk_shortcut_set_arguments (shortcut, g_variant_new_string (module->id));
          gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
        }
    }
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_swapped (self->module_list, "row-selected", G_CALLBACK (module_selected_cb),
                            self);
  g_signal_connect (self->module_stack, "notify::visible-child",
                    G_CALLBACK (update_hidden_pages), NULL);
  g_signal_connect (self->main_stack, "notify::visible-child",
                    G_CALLBACK (update_hidden_pages), NULL);
  gtk_list_box_select_row (self->module_list, gtk_list_box_get_row_at_index (self->module_list,
                                                                             0));
  update_hidden_pages (self->module_stack);
  update_hidden_pages (self->main_stack);
}

static void
save_window_state (EdWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static void
sync_flushed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ed_sync_scheduler_flush_finish (ED_SYNC_SCHEDULER (source), result, &error))
    g_debug ("Closing before this desk’s edits reached the share: %s", error->message);
  self->sync_flushed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
ed_window_close_request (GtkWindow *window)
{
  EdWindow *self = ED_WINDOW (window);

  /* Edits not on the share yet go before the window does (SYNC.md §4.5: export on quit). The
   * window hides at once; the process ends once they are out, or after a bounded wait, the
   * application ending with its last window. */
  if (self->sync_scheduler != NULL && !self->sync_flushed &&
      ed_sync_scheduler_needs_flush (self->sync_scheduler))
    {
      if (gtk_widget_get_visible (GTK_WIDGET (self)))
        {
          save_window_state (self);
          ed_sync_scheduler_stop (self->sync_scheduler);
          gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
          ed_sync_scheduler_flush_async (self->sync_scheduler, SYNC_QUIT_WAIT_MS,
                                         sync_flushed_cb, g_object_ref (self));
        }
      return TRUE;
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    save_window_state (self);
  /* A demo not written yet is not written at all. */
  if (self->demo_job != NULL)
    ed_job_cancel (self->demo_job);
  return GTK_WINDOW_CLASS (ed_window_parent_class)->close_request (window);
}

static void
ed_window_dispose (GObject *object)
{
  EdWindow *self = (EdWindow *)object;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (ed_context_get_settings (self->context), self);
  stop_sync (self);
  g_clear_object (&self->context);
  if (self->demo_job != NULL)
    {
      ed_job_cancel (self->demo_job);
      g_clear_object (&self->demo_job);
    }
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);

  G_OBJECT_CLASS (ed_window_parent_class)->dispose (object);
}

static void
ed_window_finalize (GObject *object)
{
  EdWindow *self = (EdWindow *)object;

  g_ptr_array_unref (self->pages);
  g_free (self->new_district_path);

  G_OBJECT_CLASS (ed_window_parent_class)->finalize (object);
}

static void
ed_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  EdWindow *self = ED_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODULES:
      if (g_value_get_pointer (value) != NULL)
        self->modules = g_value_get_pointer (value);
      break;

    case PROP_PAGES:
      if (g_value_get_pointer (value) != NULL)
        self->page_infos = g_value_get_pointer (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_window_constructed (GObject *object)
{
  EdWindow *self = ED_WINDOW (object);

  G_OBJECT_CLASS (ed_window_parent_class)->constructed (object);

  if (self->modules == NULL)
    self->modules = ed_modules_get_all ();
  if (self->page_infos == NULL)
    self->page_infos = ed_module_pages_get_all ();
  build_modules (self);
}

static void
ed_window_class_init (EdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ed_window_constructed;
  object_class->set_property = ed_window_set_property;
  object_class->dispose = ed_window_dispose;
  object_class->finalize = ed_window_finalize;
  window_class->close_request = ed_window_close_request;

  /* Referencing the resource keeps the linker from dropping it out of the static library;
   * its constructor registers it. */
  (void)ed_ui_get_resource ();

  g_type_ensure (ED_TYPE_WELCOME_PAGE);
  g_type_ensure (ED_TYPE_DISTRICT_SWITCHER);
  g_type_ensure (ED_TYPE_SYNC_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/electoraldesk/ElectoralDesk/ed-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, switcher);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, module_list);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, module_stack);
  gtk_widget_class_bind_template_child (widget_class, EdWindow, sync_indicator);

  gtk_widget_class_install_action (widget_class, "win.open-district", "s", open_district_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.new-district", NULL, new_district_action);
  gtk_widget_class_install_action (widget_class, "win.sync-join", NULL, join_team_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", NULL, open_file_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-module", "s", show_module_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.sync-set-up", NULL, sync_set_up_action);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_action);
  gtk_widget_class_install_action (widget_class, "win.sync-approve", "s", sync_approve_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-file", NULL);

  /* Construct-only, so a test can open a window on a module list of its own. */
  properties[PROP_MODULES] =
    g_param_spec_pointer ("modules", NULL, NULL,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGES] =
    g_param_spec_pointer ("pages", NULL, NULL,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ed_window_init (EdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", FALSE);
  update_sync_actions (self);
}

EdWindow *
ed_window_new (EdApplication *application)
{
  EdWindow *self;
  GSettings *settings;

  self = g_object_new (ED_TYPE_WINDOW, "application", application, NULL);

  settings = ed_application_get_settings (application);
  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  refresh_recent (self);
  return self;
}
