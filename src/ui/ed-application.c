/* ed-application.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/ed-application.h"
#include "district/ed-context.h"
#include "ui/ed-window.h"
#ifdef ED_BENCH_HOOKS
#include "ui/ed-bench-hooks.h"
#endif

struct _EdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;   /* NULL if the schema is not installed */
};

G_DEFINE_FINAL_TYPE (EdApplication, ed_application, ADW_TYPE_APPLICATION)

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (application);

  /* Closing each window lets it save its size and ask about unsaved forms. */
  for (GList *l = g_list_copy (windows); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Electoral Desk authors"), NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Electoral Desk"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Electoral Desk authors"),
                         "developers", developers,
                         "comments", _("The electoral register, polling stations, election "
                                       "staff and accounts for a council elections team"),
                         "copyright", "© 2026 The Electoral Desk authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your name(s), one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
ed_application_startup (GApplication *application)
{
  EdApplication *self = ED_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (ed_application_parent_class)->startup (application);

  /* Without an installed schema (running from a build tree by hand) the window still works;
   * it just does not remember its size or the recent districts. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (BASE_APP_ID);
  else
    g_warning ("GSettings schema %s is not installed; window state will not be kept",
               BASE_APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit",
                                         quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay",
                                         shortcuts_accels);
}

static EdWindow *
get_window (EdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    return ED_WINDOW (window);
  return ed_window_new (self);
}

/* Which district a new window opens: the one named on the command line, else the last one
 * used, else the default file; with none of them, the welcome page. */
static void
open_initial_district (EdApplication *self,
                       EdWindow      *window,
                       const char    *requested_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  g_autofree char *default_path = ed_context_get_default_database_path ();

  if (requested_path != NULL)
    {
      if (!g_file_test (requested_path, G_FILE_TEST_EXISTS))
        {
          ed_window_show_welcome (window, requested_path);
          return;
        }
      if (!ed_window_open_district (window, requested_path, &error))
        {
          GtkWidget *dialog;

          ed_window_show_welcome (window, NULL);
          /* A new desk that joined a team: back to where it waits for its district. */
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
            {
              gtk_window_present (GTK_WINDOW (window));
              gtk_widget_activate_action (GTK_WIDGET (window), "win.open-district", "s",
                                          requested_path);
              return;
            }
          dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Cannot Open the District"),
                                           error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (window));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-district");

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR) &&
      ed_window_open_district (window, last, NULL))
    return;
  if (g_file_test (default_path, G_FILE_TEST_IS_REGULAR) &&
      ed_window_open_district (window, default_path, NULL))
    return;

  ed_window_show_welcome (window, NULL);
}

/* The measurements a benchmark asked for, in a build that carries them (-Dbench_hooks). TRUE
 * when a hook opens the district itself, once the window is up. */
static gboolean
install_bench_hooks (EdWindow *window)
{
#ifdef ED_BENCH_HOOKS
  return ed_bench_hooks_install (window);
#else
  return FALSE;
#endif
}

static int
ed_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  EdApplication *self = ED_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *db_arg = NULL;
  g_autofree char *path = NULL;
  gboolean had_window = gtk_application_get_active_window (GTK_APPLICATION (self)) != NULL;
  EdWindow *window;

  if (g_variant_dict_lookup (options, "db", "^ay", &db_arg))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                             db_arg);
      path = g_file_get_path (file);
    }

  window = get_window (self);
  if (!had_window && install_bench_hooks (window))
    ed_window_show_welcome (window, NULL);
  else if (!had_window || path != NULL)
    open_initial_district (self, window, path);
  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

static int
ed_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("electoral-desk %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
ed_application_dispose (GObject *object)
{
  EdApplication *self = (EdApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ed_application_parent_class)->dispose (object);
}

static void
ed_application_class_init (EdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ed_application_dispose;
  application_class->startup = ed_application_startup;
  application_class->command_line = ed_application_command_line;
  application_class->handle_local_options = ed_application_handle_local_options;
}

static void
ed_application_init (EdApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the district in FILE (created if it does not exist)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The electoral register, polling stations, "
                                              "election staff and accounts."));
}

EdApplication *
ed_application_new (void)
{
  return g_object_new (ED_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/electoraldesk/ElectoralDesk",
                       NULL);
}

/**
 * ed_application_get_settings:
 * @self: the application
 *
 * Returns: (transfer none) (nullable): the application's settings, or %NULL when the schema
 *   is not installed
 */
GSettings *
ed_application_get_settings (EdApplication *self)
{
  g_return_val_if_fail (ED_IS_APPLICATION (self), NULL);

  return self->settings;
}
