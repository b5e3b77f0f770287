/* ed-sync-command.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "changes/ed-replica.h"
#include "district/ed-command.h"
#include "changes/ed-merge-notes.h"
#include "district/ed-context.h"
#include "sync/ed-sync-command.h"
#include "sync/ed-sync-job.h"
#include "sync/ed-sync-revoke.h"
#include "sync/ed-sync-share.h"
#include "sync/ed-sync-snapshot.h"
#include "sync/ed-sync-status.h"
#include "sync/ed-sync-tables.h"
#include "sync/ed-sync-team.h"
#include "sync/ed-sync.h"

/* electoral-desk-cli sync …: set a desk up to sync through a shared folder or a WebDAV
 * server, sync it, and see where it stands. */

typedef struct
{
  char     *folder;
  char     *webdav;
  char     *user;
  char     *password_file;
  char     *passphrase_file;
  gboolean  request;
  gboolean  json;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->folder);
  g_free (options->webdav);
  g_free (options->user);
  g_free (options->password_file);
  g_free (options->passphrase_file);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* The first line of a file, as a passphrase or password is kept: never on the command line,
 * where other users of the computer can read it. */
static char *
read_secret (const char  *path,
             GError     **error)
{
  g_autofree char *contents = NULL;
  char *end;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  end = strchr (contents, '\n');
  if (end != NULL)
    *end = '\0';
  if (end != NULL && end > contents && end[-1] == '\r')
    end[-1] = '\0';
  if (contents[0] == '\0')
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is empty: its first line must hold the secret"), name);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

static EdShareSettings *
share_from_options (const Options  *options,
                    GError        **error)
{
  g_autoptr(EdShareSettings) settings = g_new0 (EdShareSettings, 1);

  if (options->folder != NULL)
    {
      settings->kind = ED_SHARE_FOLDER;
      settings->location = g_canonicalize_filename (options->folder, NULL);
    }
  else
    {
      settings->kind = ED_SHARE_WEBDAV;
      settings->location = g_strdup (options->webdav);
      settings->user = g_strdup (options->user);
      if (options->password_file != NULL)
        {
          settings->password = read_secret (options->password_file, error);
          if (settings->password == NULL)
            return NULL;
        }
    }
  return g_steal_pointer (&settings);
}

static int
setup_or_join (const EdCommandGlobals *globals,
               const char             *action,
               const Options          *options)
{
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdShareSettings) settings = NULL;
  g_autoptr(EdTransport) transport = NULL;
  g_autofree char *passphrase = NULL;
  g_autofree char *path = NULL;
  g_autofree char *where = NULL;
  GError *error = NULL;
  gboolean joining = g_str_equal (action, "join");
  gboolean ok;

  if ((options->folder == NULL) == (options->webdav == NULL))
    return ed_command_usage ("sync", _("Give the share as --folder DIR or --webdav URL"));
  if (joining && (options->passphrase_file == NULL) == !options->request)
    return ed_command_usage ("sync", _("“sync join” needs the team passphrase "
                                       "(--passphrase-file FILE), or --request to ask a desk "
                                       "of the team to approve this one"));

  if (options->passphrase_file != NULL)
    {
      passphrase = read_secret (options->passphrase_file, &error);
      if (passphrase == NULL)
        return ed_command_fail (error);
    }
  settings = share_from_options (options, &error);
  if (settings == NULL)
    return ed_command_fail (error);
  transport = ed_share_open_transport (settings, &error);
  if (transport == NULL)
    return ed_command_fail (error);

  /* A desk that joins may be a new, empty file: it takes the team's district. */
  path = ed_command_database_path (globals);
  context = joining ? ed_command_open (globals, path, &error)
                    : ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);

  if (!joining)
    ok = ed_sync_create_team (context, transport, passphrase, NULL, &error);
  else if (options->request)
    ok = ed_sync_request_join (context, transport, NULL, &error);
  else
    ok = ed_sync_join (context, transport, passphrase, NULL, &error);
  if (!ok || !ed_share_settings_save (context, settings, &error))
    return ed_command_fail (error);

  where = ed_transport_describe (transport);
  if (joining && options->request)
    {
      g_autofree char *keys_path = ed_sync_desk_keys_path (ed_context_get_device_id (context));
      g_autoptr(EdDeskKeys) keys = ed_desk_keys_load (keys_path, &error);
      g_autofree char *fingerprint = NULL;

      if (keys == NULL)
        return ed_command_fail (error);
      fingerprint = ed_sync_fingerprint (keys->sign_public);
      g_print (_("This desk asked to join the team at %s. Its fingerprint is %s: read it to "
                 "the person at a desk of the team, who approves it with “electoral-desk-cli "
                 "sync approve %s” once the fingerprint they see matches.\n"), where,
               fingerprint, ed_context_get_device_id (context));
    }
  else if (joining)
    g_print (_("This desk joined the team at %s. Run “electoral-desk-cli sync now” to bring "
               "in the district.\n"), where);
  else
    g_print (_("A sync team was made at %s. Other desks join it with the passphrase.\n"),
             where);
  return ED_COMMAND_EXIT_OK;
}

static EdSync *
open_sync (EdContext  *context,
           GError    **error)
{
  g_autoptr(EdShareSettings) settings = ed_share_settings_load (context, error);
  g_autoptr(EdTransport) transport = NULL;

  if (settings == NULL)
    return NULL;
  transport = ed_share_open_transport (settings, error);
  if (transport == NULL)
    return NULL;
  return ed_sync_new (context, transport, error);
}

static int
sync_approve (const EdCommandGlobals *globals,
              const char             *device)
{
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdSync) sync = NULL;
  GError *error = NULL;

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  sync = open_sync (context, &error);
  if (sync == NULL || !ed_sync_approve (sync, device, NULL, &error))
    return ed_command_fail (error);
  g_print (_("Desk %s is approved: it joins the team at its next sync.\n"), device);
  return ED_COMMAND_EXIT_OK;
}

static int
sync_revoke (const EdCommandGlobals *globals,
             const char             *device,
             const Options          *options)
{
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdSync) sync = NULL;
  g_autofree char *passphrase = NULL;
  GError *error = NULL;

  if (options->passphrase_file != NULL)
    {
      passphrase = read_secret (options->passphrase_file, &error);
      if (passphrase == NULL)
        return ed_command_fail (error);
    }
  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  sync = open_sync (context, &error);
  if (sync == NULL || !ed_sync_revoke (sync, device, passphrase, NULL, &error))
    return ed_command_fail (error);
  if (passphrase != NULL)
    g_print (_("Desk %s is taken out of the team. The team has a new key and a new "
               "passphrase: tell it to the people at the other desks in person.\n"), device);
  else
    g_print (_("Desk %s is taken out of the team. The team has a new key; the old passphrase "
               "no longer lets a desk join, so new desks ask to join and are approved.\n"),
             device);
  return ED_COMMAND_EXIT_OK;
}

static int
sync_snapshot (const EdCommandGlobals *globals)
{
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdSync) sync = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  sync = open_sync (context, &error);
  if (sync == NULL || !ed_sync_snapshot (sync, &path, NULL, &error))
    return ed_command_fail (error);
  g_print (_("A snapshot of this desk’s district was written to the share as %s: a new desk "
             "starts from it.\n"), path);
  return ED_COMMAND_EXIT_OK;
}

static void
print_report_json (const EdSyncReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "exported_ops");
  json_builder_add_int_value (builder, (gint64)report->n_exported);
  json_builder_set_member_name (builder, "bundles_written");
  json_builder_add_int_value (builder, report->n_bundles_written);
  json_builder_set_member_name (builder, "files_read");
  json_builder_add_int_value (builder, report->n_files_read);
  json_builder_set_member_name (builder, "applied_ops");
  json_builder_add_int_value (builder, (gint64)report->n_applied);
  json_builder_set_member_name (builder, "duplicate_files");
  json_builder_add_int_value (builder, report->n_duplicate_files);
  json_builder_set_member_name (builder, "incomplete_files");
  json_builder_add_int_value (builder, report->n_incomplete);
  json_builder_set_member_name (builder, "corrupt_files");
  json_builder_add_int_value (builder, report->n_corrupt);
  json_builder_set_member_name (builder, "refused_files");
  json_builder_add_int_value (builder, report->n_refused);
  json_builder_set_member_name (builder, "from_snapshot");
  json_builder_add_boolean_value (builder, report->from_snapshot);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

static int
sync_now (const EdCommandGlobals *globals,
          const Options          *options)
{
  g_autoptr(EdContext) context = NULL;
  EdSyncReport report;
  GError *error = NULL;

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  if (!ed_sync_run_now (context, &report, NULL, &error))
    return ed_command_fail (error);

  if (options->json)
    {
      print_report_json (&report);
      return ED_COMMAND_EXIT_OK;
    }
  {
    g_autofree char *changes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%" PRIu64 " change",
                                                             "%" PRIu64 " changes",
                                                             report.n_exported),
                                                report.n_exported);
    g_autofree char *bundles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new bundle",
                                                             "%u new bundles",
                                                             report.n_bundles_written),
                                                report.n_bundles_written);

    /* Translators: "746 changes" and "1 new bundle" */
    g_print (_("Sent %s in %s\n"), changes, bundles);
  }
  if (report.from_snapshot)
    g_print (_("This desk started from the team’s snapshot of the district\n"));
  g_print (g_dngettext (GETTEXT_PACKAGE, "Received %" PRIu64 " change\n",
                        "Received %" PRIu64 " changes\n", report.n_applied),
           report.n_applied);
  if (report.n_incomplete + report.n_corrupt + report.n_refused > 0)
    g_print (_("Files not applied: %u incomplete, %u damaged, %u refused (see “sync "
               "status”)\n"), report.n_incomplete, report.n_corrupt, report.n_refused);
  return ED_COMMAND_EXIT_OK;
}

static void
print_desks (GPtrArray *desks,
             gboolean   json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < desks->len; i++)
    {
      const EdSyncDeskStatus *desk = g_ptr_array_index (desks, i);
      const char *state = ed_desk_state_to_string (desk->state);
      const char *fingerprint = desk->fingerprint != NULL ? desk->fingerprint : "";

      if (!json)
        {
          g_print ("%s  %-9s %s  %s (%s)%s\n", desk->device, state, fingerprint, desk->user,
                   desk->host, desk->this_desk ? _(" — this desk") : "");
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "device");
      json_builder_add_string_value (builder, desk->device);
      json_builder_set_member_name (builder, "user");
      json_builder_add_string_value (builder, desk->user);
      json_builder_set_member_name (builder, "host");
      json_builder_add_string_value (builder, desk->host);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, state);
      json_builder_set_member_name (builder, "fingerprint");
      json_builder_add_string_value (builder, fingerprint);
      json_builder_set_member_name (builder, "this_desk");
      json_builder_add_boolean_value (builder, desk->this_desk);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      ed_command_print_json (root);
    }
}

static int
sync_desks (const EdCommandGlobals *globals,
            const Options          *options)
{
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdSync) sync = NULL;
  g_autoptr(GPtrArray) desks = NULL;
  GError *error = NULL;

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  /* The roster as the share has it now. */
  sync = open_sync (context, &error);
  if (sync == NULL || !ed_sync_refresh_team (sync, NULL, &error))
    return ed_command_fail (error);
  desks = ed_sync_status_load_desks (context, &error);
  if (desks == NULL)
    return ed_command_fail (error);
  print_desks (desks, options->json);
  return ED_COMMAND_EXIT_OK;
}

static void
print_status_json (const EdSyncStatus *status,
                   const char         *last_text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "share");
  json_builder_add_string_value (builder, status->share_location);
  json_builder_set_member_name (builder, "share_kind");
  json_builder_add_string_value (builder,
                                 status->share_kind == ED_SHARE_WEBDAV ? "webdav" : "folder");
  json_builder_set_member_name (builder, "last_sync");
  if (last_text != NULL)
    json_builder_add_string_value (builder, last_text);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "last_error");
  json_builder_add_string_value (builder, status->last_error);
  json_builder_set_member_name (builder, "exported_seq");
  json_builder_add_int_value (builder, status->exported_seq);
  json_builder_set_member_name (builder, "open_conflicts");
  json_builder_add_int_value (builder, status->n_conflicts);
  json_builder_set_member_name (builder, "files_not_applied");
  json_builder_begin_array (builder);
  for (guint i = 0; i < status->files_not_applied->len; i++)
    {
      EdSyncFileRecord *record = g_ptr_array_index (status->files_not_applied, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, record->path);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, ed_sync_file_status_to_string (record->status));
      json_builder_set_member_name (builder, "attempts");
      json_builder_add_int_value (builder, record->attempts);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, record->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "integrity_alarms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < status->alarms->len; i++)
    {
      const EdIntegrityAlarm *alarm = g_ptr_array_index (status->alarms, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "device");
      json_builder_add_string_value (builder, alarm->device);
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, alarm->seq);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, alarm->about_state != NULL ?
                                     alarm->about_state : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

static int
sync_status (const EdCommandGlobals *globals,
             const Options          *options)
{
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdSyncStatus) status = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *last_text = NULL;
  GError *error = NULL;

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  status = ed_sync_status_load (context, &error);
  if (status == NULL)
    return ed_command_fail (error);
  if (status->share_location[0] == '\0')
    {
      g_set_error (&error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_SET_UP,
                   _("This desk does not sync yet: set up sync first"));
      return ed_command_fail (error);
    }
  if (status->last_sync_ms > 0)
    {
      last = g_date_time_new_from_unix_local (status->last_sync_ms / 1000);
      last_text = g_date_time_format_iso8601 (last);
    }

  if (options->json)
    {
      print_status_json (status, last_text);
      return ED_COMMAND_EXIT_OK;
    }

  g_print (_("Share: %s\n"), status->share_location);
  g_print (_("Last sync: %s\n"), last_text != NULL ? last_text : _("never"));
  if (status->last_error[0] != '\0')
    g_print (_("The last attempt failed: %s\n"), status->last_error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u open conflict\n", "%u open conflicts\n",
                        status->n_conflicts), status->n_conflicts);
  for (guint i = 0; i < status->files_not_applied->len; i++)
    {
      EdSyncFileRecord *record = g_ptr_array_index (status->files_not_applied, i);

      g_print ("%s: %s — %s\n", record->path,
               ed_sync_file_status_get_display_name (record->status), record->message);
    }
  for (guint i = 0; i < status->alarms->len; i++)
    {
      const EdIntegrityAlarm *alarm = g_ptr_array_index (status->alarms, i);

      if (alarm->about_state != NULL)
        g_print (_("Integrity alarm: %s\n"), alarm->about_state);
      else
        g_print (_("Integrity alarm: change %" PRId64 " of desk %s arrived with different "
                   "content\n"), alarm->seq, alarm->device);
    }
  return ED_COMMAND_EXIT_OK;
}

/**
 * ed_sync_command:
 * @globals: the command line's global options
 * @argc: the arguments after "sync"'s own name, which is argv[0]
 * @argv: (array length=argc): the arguments
 *
 * Returns: the exit status
 */
int
ed_sync_command (const EdCommandGlobals  *globals,
                 int                      argc,
                 char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_auto(Options) options = { 0 };
  const char *action;
  int status;
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &options.folder,
      N_("With setup and join: the shared folder (a mounted share or a synced folder)"),
      N_("DIR") },
    { "webdav", 0, 0, G_OPTION_ARG_STRING, &options.webdav,
      N_("With setup and join: the WebDAV folder’s address"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &options.user,
      N_("With --webdav: the user name"), N_("NAME") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &options.password_file,
      N_("With --webdav: a file whose first line is the password"), N_("FILE") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &options.passphrase_file,
      N_("With setup and join: a file whose first line is the team passphrase; with revoke, "
         "the team’s new passphrase"), N_("FILE") },
    { "request", 0, 0, G_OPTION_ARG_NONE, &options.request,
      N_("With join: ask a desk of the team to approve this one, instead of a passphrase"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("setup | join | now | status | desks | "
                                           "snapshot | approve DESK | revoke DESK"));
  g_option_context_set_summary (option_context,
                                _("Sync this desk with the team’s other desks through a shared "
                                  "folder or a WebDAV server. “setup” makes a team on an empty "
                                  "share; “join” joins one with its passphrase; “now” sends "
                                  "this desk’s changes and brings in the others’; “status” "
                                  "says where sync stands; “desks” lists the team’s desks with "
                                  "the fingerprints to compare; “approve” lets a desk that "
                                  "asked to join in; “snapshot” writes the whole district to "
                                  "the share for new desks to start from (a sync writes one "
                                  "by itself when due); “revoke” takes a desk out of the team "
                                  "(a lost or retired computer): the team gets a new key, and "
                                  "a new passphrase if --passphrase-file gives one."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "sync", &argc, &argv, &status))
    return status;
  if (argc == 3 && g_str_equal (argv[1], "approve"))
    return sync_approve (globals, argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "revoke"))
    return sync_revoke (globals, argv[2], &options);
  if (argc != 2)
    return ed_command_usage ("sync", _("Say what to do: setup, join, now, status, desks, "
                                       "snapshot, approve DESK or revoke DESK"));

  action = argv[1];
  if (g_str_equal (action, "setup") || g_str_equal (action, "join"))
    return setup_or_join (globals, action, &options);
  if (g_str_equal (action, "now"))
    return sync_now (globals, &options);
  if (g_str_equal (action, "status"))
    return sync_status (globals, &options);
  if (g_str_equal (action, "desks"))
    return sync_desks (globals, &options);
  if (g_str_equal (action, "snapshot"))
    return sync_snapshot (globals);
  return ed_command_usage ("sync", _("Unknown action “%s”: setup, join, now, status, desks, "
                                     "snapshot, approve DESK or revoke DESK"),
                           action);
}
