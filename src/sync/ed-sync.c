/* ed-sync.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-merge.h"
#include "changes/ed-op.h"
#include "changes/ed-replica.h"
#include "core/ed-crash-point.h"
#include "sync/ed-bundle.h"
#include "sync/ed-share-names.h"
#include "sync/ed-sync-acks.h"
#include "sync/ed-sync-private.h"
#include "sync/ed-sync-revoke.h"
#include "sync/ed-sync-snapshot.h"
#include "sync/ed-sync-tables.h"
#include "sync/ed-sync-team.h"
#include "sync/ed-sync.h"

/* The engine of SYNC.md §4.5–4.6. Its order of work is what keeps a desk's data safe:
 *
 * Export: a bundle is written under a temporary name, flushed, renamed to its final name
 * (never over another file), read back and checked, and only then are its ops marked as
 * exported. A crash anywhere leaves either no final file (the ops go again next time) or a
 * final file the next export finds, checks and counts as done.
 *
 * Ingest: every file is read whole and checked (header, signer, signature, encryption, final
 * tag, hash) before any of it is applied; its ops are applied in one transaction together
 * with the ledger's record of the file, so a crash leaves both or neither. A reader never
 * changes or removes a file another desk wrote. */

/* A file that failed is read again after this long, doubling with each attempt up to an hour:
 * a copy still arriving is read soon, a damaged one is not read every minute for ever. */
#define RETRY_FIRST_MS (30 * 1000)
#define RETRY_MAX_MS (60 * 60 * 1000)

/* The version this desk writes into a team it makes: the oldest that reads its format. */
#define MIN_APP_VERSION "0.1"

G_DEFINE_FINAL_TYPE (EdSync, ed_sync, G_TYPE_OBJECT)

static void
ed_sync_finalize (GObject *object)
{
  EdSync *self = ED_SYNC (object);

  g_clear_object (&self->context);
  g_clear_object (&self->transport);
  g_free (self->device);
  g_clear_pointer (&self->keys, ed_desk_keys_free);
  g_clear_pointer (&self->team_keys, g_hash_table_unref);
  g_clear_pointer (&self->team, ed_team_file_free);
  g_free (self->incarnation);
  g_clear_pointer (&self->desks, g_hash_table_unref);
  g_clear_pointer (&self->stored_desks, g_free);
  g_clear_pointer (&self->roster_read, g_hash_table_unref);

  G_OBJECT_CLASS (ed_sync_parent_class)->finalize (object);
}

static void
ed_sync_class_init (EdSyncClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_sync_finalize;
}

static void
ed_sync_init (EdSync *self)
{
  self->clock = ed_hlc_system_clock;
}

static gint64
now_ms (void)
{
  return g_get_real_time () / 1000;
}

static EdDatabase *
database_of (EdContext *context)
{
  return ed_context_get_database (context);
}

/* Writes @contents to @path on the share as SYNC.md §4.5 says: a temporary file first, then
 * a rename that never replaces a file. G_IO_ERROR_EXISTS when @path exists already. */
static gboolean
write_whole (EdTransport   *transport,
             const char    *path,
             GBytes        *contents,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *temporary = ed_share_temporary_path (path, g_random_int ());

  if (!ed_transport_make_folder (transport, folder, cancellable, error) ||
      !ed_transport_write_new (transport, temporary, contents, cancellable, error))
    return FALSE;
  ed_crash_point ("sync-temporary-written");
  if (!ed_transport_rename_new (transport, temporary, path, cancellable, error))
    {
      /* Ours alone: no other desk reads or writes a temporary name. */
      ed_transport_remove (transport, temporary, NULL, NULL);
      return FALSE;
    }
  ed_crash_point ("sync-renamed");
  return TRUE;
}

static char *
random_id (void)
{
  return g_uuid_string_random ();
}

/* This desk's own keys: made the first time it syncs, then kept in the user's config folder
 * with mode 0600. */
static EdDeskKeys *
load_or_make_desk_keys (const char  *device,
                        GError     **error)
{
  g_autofree char *path = ed_sync_desk_keys_path (device);
  g_autoptr(EdDeskKeys) keys = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return ed_desk_keys_load (path, error);
  keys = ed_desk_keys_generate ();
  if (keys == NULL || !ed_desk_keys_save (keys, path, error))
    return NULL;
  return g_steal_pointer (&keys);
}

static gboolean
save_team_state (EdContext         *context,
                 const EdTeamFile  *team,
                 guint              epoch,
                 GError           **error)
{
  EdDatabase *database = database_of (context);
  g_autofree char *founder_key = ed_sync_base64_encode (team->founder_sign_public,
                                                        ED_SIGN_PUBLIC_BYTES);
  g_autofree char *incarnation = random_id ();

  if (!ed_database_begin (database, error))
    return FALSE;
  if (!ed_sync_state_set (database, "team", team->team, error) ||
      !ed_sync_state_set (database, "district", team->district, error) ||
      !ed_sync_state_set (database, "founder", team->founder, error) ||
      !ed_sync_state_set (database, "founder-sign-public", founder_key, error) ||
      !ed_sync_state_set_int (database, "epoch", epoch, error) ||
      !ed_sync_state_set (database, "incarnation", incarnation, error) ||
      !ed_database_commit (database, error))
    {
      ed_database_rollback (database);
      return FALSE;
    }
  return TRUE;
}

static EdRosterEntry *
roster_entry_for (EdContext        *context,
                  EdRosterKind      kind,
                  const char       *team,
                  const EdDeskKeys *keys,
                  guint             epoch)
{
  EdRosterEntry *entry = g_new0 (EdRosterEntry, 1);
  const char *device = ed_context_get_device_id (context);

  entry->kind = kind;
  entry->team = g_strdup (team);
  entry->device = g_strdup (device);
  entry->user = g_strdup (ed_context_get_user_name (context));
  entry->host = g_strdup (g_get_host_name ());
  memcpy (entry->sign_public, keys->sign_public, ED_SIGN_PUBLIC_BYTES);
  memcpy (entry->box_public, keys->box_public, ED_BOX_PUBLIC_BYTES);
  entry->epoch = epoch;
  entry->by = g_strdup (device);
  entry->hlc = ed_hlc_tick (ed_replica_get_hlc (ED_REPLICA (context)));
  return entry;
}

static gboolean
write_roster_entry (EdTransport      *transport,
                    EdRosterEntry    *entry,
                    const EdDeskKeys *signer,
                    const EdTeamKey  *proof_key,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr(GBytes) file = ed_roster_entry_seal (entry, signer, proof_key);
  g_autofree char *path = ed_share_roster_path (entry->hlc, entry->by);

  return write_whole (transport, path, file, cancellable, error);
}

/**
 * ed_sync_is_set_up:
 * @context: a district
 *
 * Returns: whether this desk belongs to a sync team
 */
gboolean
ed_sync_is_set_up (EdContext *context)
{
  g_autofree char *team = ed_sync_state_get (database_of (context), "team", NULL);

  return team != NULL;
}

/**
 * ed_sync_peek_is_set_up:
 * @path: a district file
 *
 * Reads the file without opening it as a district, for a list of districts: nothing is
 * migrated or made.
 *
 * Returns: whether the desk of that file is in a sync team (or asked to join one)
 */
gboolean
ed_sync_peek_is_set_up (const char *path)
{
  static const char sql[] = "SELECT 1 FROM sync_state WHERE key = 'team'";
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean set_up = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    set_up = TRUE;

  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return set_up;
}

/**
 * ed_sync_is_awaiting_approval:
 * @context: a district
 *
 * Returns: whether this desk asked to join its team and, as its last sync found, no desk of
 *   the team has approved it yet
 */
gboolean
ed_sync_is_awaiting_approval (EdContext *context)
{
  return ed_sync_is_set_up (context) &&
         ed_sync_state_get_int (database_of (context), "awaiting-approval", 0) != 0;
}

static gboolean
check_not_set_up (EdContext  *context,
                  GError    **error)
{
  if (ed_sync_is_set_up (context))
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_TEAM_EXISTS,
                   _("This desk syncs with a team already"));
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_sync_create_team:
 * @context: the district, on the desk that makes the team
 * @transport: the share
 * @passphrase: (nullable): the team passphrase other desks join with; %NULL for a team that
 *   desks join only by approval
 * @cancellable: (nullable): to stop
 * @error: return location for an error: %ED_SYNC_ERROR_TEAM_EXISTS when the share has a team
 *
 * Makes a team on an empty share (SYNC.md §4.8): its key for epoch 1, wrapped with the
 * passphrase and sealed to this desk, the team file naming this desk as the founder, and the
 * founder's roster entry. The team file is written first and never replaced, so of two desks
 * making a team on one share at once, one makes it and the other is told to join it.
 */
gboolean
ed_sync_create_team (EdContext     *context,
                     EdTransport   *transport,
                     const char    *passphrase,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EdTeamFile) existing = NULL;
  g_autoptr(EdTeamFile) team = g_new0 (EdTeamFile, 1);
  g_autoptr(EdDeskKeys) keys = NULL;
  g_autoptr(EdTeamKey) key = NULL;
  g_autoptr(GHashTable) team_keys = NULL;
  g_autoptr(GBytes) team_bytes = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(EdRosterEntry) founder = NULL;
  g_autofree char *district = NULL;
  g_autofree char *sealed_path = NULL;
  const char *device;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (ED_IS_TRANSPORT (transport), FALSE);

  if (!ed_sync_crypto_init (error) || !check_not_set_up (context, error))
    return FALSE;
  district = ed_merge_get_district_id (ED_REPLICA (context), error);
  if (district == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_SET_UP,
                     _("This desk has no district to share yet"));
      return FALSE;
    }

  existing = ed_team_file_read (transport, cancellable, &local_error);
  if (existing != NULL)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_TEAM_EXISTS,
                   _("The share already holds a team: join it instead"));
      return FALSE;
    }
  if (!g_error_matches (local_error, ED_SYNC_ERROR, ED_SYNC_ERROR_NO_TEAM))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  device = ed_context_get_device_id (context);
  keys = load_or_make_desk_keys (device, error);
  if (keys == NULL)
    return FALSE;
  key = ed_team_key_generate ();

  team->format = ED_SYNC_FORMAT;
  team->team = random_id ();
  team->district = g_strdup (district);
  team->founder = g_strdup (device);
  memcpy (team->founder_sign_public, keys->sign_public, ED_SIGN_PUBLIC_BYTES);
  team->min_app_version = g_strdup (MIN_APP_VERSION);
  team_bytes = ed_team_file_to_bytes (team);
  if (!write_whole (transport, ED_SHARE_TEAM_FILE, team_bytes, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_TEAM_EXISTS,
                     _("Another desk made a team on the share at the same moment: join it "
                       "instead"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (passphrase != NULL)
    {
      g_autofree char *wrapped = ed_team_key_wrap_passphrase (key, passphrase, error);
      g_autofree char *path = ed_share_passphrase_key_path (1);
      g_autoptr(GBytes) bytes = NULL;

      if (wrapped == NULL)
        return FALSE;
      bytes = g_bytes_new (wrapped, strlen (wrapped));
      if (!write_whole (transport, path, bytes, cancellable, error))
        return FALSE;
    }
  sealed = ed_team_key_seal (key, keys->box_public);
  sealed_path = ed_share_sealed_key_path (1, device);
  if (!write_whole (transport, sealed_path, sealed, cancellable, error))
    return FALSE;

  founder = roster_entry_for (context, ED_ROSTER_FOUNDER, team->team, keys, 1);
  if (!write_roster_entry (transport, founder, keys, NULL, cancellable, error))
    return FALSE;

  team_keys = ed_team_keys_new ();
  g_hash_table_insert (team_keys, GUINT_TO_POINTER (1), g_steal_pointer (&key));
  return ed_team_keys_save (device, team_keys, error) &&
         save_team_state (context, team, 1, error);
}

/* The newest epoch whose key the share holds wrapped with the passphrase. */
static guint
newest_passphrase_epoch (EdTransport   *transport,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GPtrArray) entries = ed_transport_list (transport, ED_SHARE_KEYS, cancellable,
                                                    error);
  guint newest = 0;

  if (entries == NULL)
    return 0;
  for (guint i = 0; i < entries->len; i++)
    {
      EdShareEntry *entry = g_ptr_array_index (entries, i);
      guint64 epoch;
      g_autofree char *number = NULL;

      if (!g_str_has_prefix (entry->name, "team-") || !g_str_has_suffix (entry->name, ".pw"))
        continue;
      number = g_strndup (entry->name + 5, strlen (entry->name) - 5 - 3);
      if (g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT, &epoch, NULL) &&
          epoch > newest)
        newest = (guint)epoch;
    }
  return newest;
}

/**
 * ed_sync_join:
 * @context: the district on the desk that joins (or a desk of no district yet, which takes
 *   the team's)
 * @transport: the share
 * @passphrase: the team passphrase
 * @cancellable: (nullable): to stop
 * @error: return location for an error: %ED_SYNC_ERROR_NO_TEAM, %ED_SYNC_ERROR_NEWER_FORMAT,
 *   %ED_SYNC_ERROR_OTHER_DISTRICT, or the crypto error of a wrong passphrase
 *
 * Joins the share's team with its passphrase (SYNC.md §4.8a): opens the team key, then writes
 * this desk's roster entry, signed with its own key and carrying the proof that it holds the
 * team key. Nothing is written to the share before the passphrase is known to be right.
 */
gboolean
ed_sync_join (EdContext     *context,
              EdTransport   *transport,
              const char    *passphrase,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(EdTeamFile) team = NULL;
  g_autoptr(EdDeskKeys) keys = NULL;
  g_autoptr(EdTeamKey) key = NULL;
  g_autoptr(GHashTable) team_keys = NULL;
  g_autoptr(GBytes) wrapped = NULL;
  g_autoptr(EdRosterEntry) entry = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *district = NULL;
  g_autofree char *wrapped_path = NULL;
  g_autofree char *wrapped_text = NULL;
  const char *device;
  guint epoch;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (ED_IS_TRANSPORT (transport), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (!ed_sync_crypto_init (error) || !check_not_set_up (context, error))
    return FALSE;
  team = ed_team_file_read (transport, cancellable, error);
  if (team == NULL)
    return FALSE;
  district = ed_merge_get_district_id (ED_REPLICA (context), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (district != NULL && g_strcmp0 (district, team->district) != 0)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_OTHER_DISTRICT,
                   _("The share’s team keeps another district, not this desk’s: open that "
                     "district, or join with a new district file"));
      return FALSE;
    }

  epoch = newest_passphrase_epoch (transport, cancellable, &local_error);
  if (epoch == 0)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER,
                     _("The team cannot be joined with a passphrase: ask a desk of the team "
                       "to approve this one"));
      return FALSE;
    }
  wrapped_path = ed_share_passphrase_key_path (epoch);
  wrapped = ed_transport_read (transport, wrapped_path, cancellable, error);
  if (wrapped == NULL)
    return FALSE;
  wrapped_text = g_strndup (g_bytes_get_data (wrapped, NULL), g_bytes_get_size (wrapped));
  key = ed_team_key_unwrap_passphrase (wrapped_text, passphrase, error);
  if (key == NULL)
    {
      _ed_sync_explain_wrong_passphrase (transport, epoch, passphrase, cancellable, error);
      return FALSE;
    }
  if (!_ed_sync_check_join_passphrase (transport, epoch, cancellable, error))
    return FALSE;

  device = ed_context_get_device_id (context);
  keys = load_or_make_desk_keys (device, error);
  if (keys == NULL)
    return FALSE;
  entry = roster_entry_for (context, ED_ROSTER_JOIN, team->team, keys, epoch);
  if (!write_roster_entry (transport, entry, keys, key, cancellable, error))
    return FALSE;

  team_keys = ed_team_keys_new ();
  g_hash_table_insert (team_keys, GUINT_TO_POINTER (epoch), g_steal_pointer (&key));
  return ed_team_keys_save (device, team_keys, error) &&
         save_team_state (context, team, epoch, error);
}

/**
 * ed_sync_request_join:
 * @context: the district on the desk that asks (or a desk of no district yet)
 * @transport: the share
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Asks to join the share's team without its passphrase (SYNC.md §4.8b): writes this desk's
 * request, signed with its own key. A desk of the team approves it after comparing the
 * fingerprint both desks show (ed_sync_fingerprint()), and seals the team key to it; until
 * then this desk can neither read nor write the team's bundles.
 */
gboolean
ed_sync_request_join (EdContext     *context,
                      EdTransport   *transport,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(EdTeamFile) team = NULL;
  g_autoptr(EdDeskKeys) keys = NULL;
  g_autoptr(EdRosterEntry) entry = NULL;
  g_autoptr(GHashTable) team_keys = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *district = NULL;
  const char *device;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (ED_IS_TRANSPORT (transport), FALSE);

  if (!ed_sync_crypto_init (error) || !check_not_set_up (context, error))
    return FALSE;
  team = ed_team_file_read (transport, cancellable, error);
  if (team == NULL)
    return FALSE;
  district = ed_merge_get_district_id (ED_REPLICA (context), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (district != NULL && g_strcmp0 (district, team->district) != 0)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_OTHER_DISTRICT,
                   _("The share’s team keeps another district, not this desk’s: open that "
                     "district, or join with a new district file"));
      return FALSE;
    }
  device = ed_context_get_device_id (context);
  keys = load_or_make_desk_keys (device, error);
  if (keys == NULL)
    return FALSE;
  entry = roster_entry_for (context, ED_ROSTER_REQUEST, team->team, keys, 1);
  if (!write_roster_entry (transport, entry, keys, NULL, cancellable, error))
    return FALSE;
  team_keys = ed_team_keys_new ();
  return ed_team_keys_save (device, team_keys, error) &&
         save_team_state (context, team, 0, error) &&
         ed_sync_state_set_int (database_of (context), "awaiting-approval", 1, error);
}

/* The team as this desk joined it, from its own state. */
static EdTeamFile *
team_from_state (EdDatabase  *database,
                 GError     **error)
{
  g_autoptr(EdTeamFile) team = g_new0 (EdTeamFile, 1);
  g_autofree char *founder_key = NULL;

  team->format = ED_SYNC_FORMAT;
  team->team = ed_sync_state_get (database, "team", error);
  if (team->team == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_SET_UP,
                     _("This desk does not sync yet: set up sync first"));
      return NULL;
    }
  team->district = ed_sync_state_get (database, "district", error);
  team->founder = ed_sync_state_get (database, "founder", error);
  founder_key = ed_sync_state_get (database, "founder-sign-public", error);
  if (team->district == NULL || team->founder == NULL || founder_key == NULL ||
      !ed_sync_base64_decode_exact (founder_key, team->founder_sign_public,
                                    ED_SIGN_PUBLIC_BYTES))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_SET_UP,
                     _("This desk’s record of its sync team is incomplete: set up sync again"));
      return NULL;
    }
  return g_steal_pointer (&team);
}

/**
 * ed_sync_new:
 * @context: a district that syncs (with its own connection, when sync runs in a worker)
 * @transport: the share
 * @error: return location for an error: %ED_SYNC_ERROR_NOT_SET_UP when this desk does not
 *   sync
 *
 * Returns: (transfer full): the desk's sync, ready to export and ingest
 */
EdSync *
ed_sync_new (EdContext    *context,
             EdTransport  *transport,
             GError      **error)
{
  g_autoptr(EdSync) self = NULL;
  g_autofree char *keys_path = NULL;
  EdDatabase *database;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (ED_IS_TRANSPORT (transport), NULL);

  if (!ed_sync_crypto_init (error))
    return NULL;
  database = database_of (context);
  self = g_object_new (ED_TYPE_SYNC, NULL);
  self->context = g_object_ref (context);
  self->transport = g_object_ref (transport);
  self->device = g_strdup (ed_context_get_device_id (context));
  self->team = team_from_state (database, error);
  if (self->team == NULL)
    return NULL;
  self->incarnation = ed_sync_state_get (database, "incarnation", NULL);
  if (self->incarnation == NULL)
    self->incarnation = g_strdup ("");
  keys_path = ed_sync_desk_keys_path (self->device);
  self->keys = ed_desk_keys_load (keys_path, error);
  if (self->keys == NULL)
    return NULL;
  self->team_keys = ed_team_keys_load (self->device, error);
  if (self->team_keys == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * ed_sync_set_clock:
 * @self: a desk's sync
 * @clock: milliseconds since the Unix epoch: when a file that failed may be read again
 * @clock_data: data for @clock
 *
 * For tests, which move time on to see a file retried; the wall clock otherwise.
 */
void
ed_sync_set_clock (EdSync      *self,
                   EdClockFunc  clock,
                   gpointer     clock_data)
{
  g_return_if_fail (ED_IS_SYNC (self));
  g_return_if_fail (clock != NULL);

  self->clock = clock;
  self->clock_data = clock_data;
}

EdTransport *
ed_sync_get_transport (EdSync *self)
{
  g_return_val_if_fail (ED_IS_SYNC (self), NULL);

  return self->transport;
}

static guint
newest_epoch (EdSync *self)
{
  GHashTableIter iter;
  gpointer epoch;
  guint newest = 0;

  g_hash_table_iter_init (&iter, self->team_keys);
  while (g_hash_table_iter_next (&iter, &epoch, NULL))
    newest = MAX (newest, GPOINTER_TO_UINT (epoch));
  return newest;
}

/* The share's team file must be the one this desk joined: a share emptied and set up again by
 * someone else is another team, whatever it says. */
static gboolean
check_team (EdSync        *self,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(EdTeamFile) team = ed_team_file_read (self->transport, cancellable, error);

  if (team == NULL)
    return FALSE;
  if (g_strcmp0 (team->team, self->team->team) != 0 ||
      g_strcmp0 (team->district, self->team->district) != 0 ||
      g_strcmp0 (team->founder, self->team->founder) != 0 ||
      memcmp (team->founder_sign_public, self->team->founder_sign_public,
              ED_SIGN_PUBLIC_BYTES) != 0)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_TEAM_CHANGED,
                   _("The share’s team is not the one this desk joined: sync is paused. "
                     "Check the share’s location."));
      return FALSE;
    }
  return TRUE;
}

/* Team keys sealed to this desk that it does not hold yet: those of new epochs, written by
 * the desk that started them, and the key of a desk approved into the team. */
static gboolean
collect_sealed_keys (EdSync        *self,
                     GPtrArray     *key_files,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *suffix = g_strdup_printf (".%s.sealed", self->device);
  gboolean added = FALSE;

  for (guint i = 0; i < key_files->len; i++)
    {
      EdShareEntry *entry = g_ptr_array_index (key_files, i);
      g_autofree char *number = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GBytes) sealed = NULL;
      EdTeamKey *key;
      guint64 epoch;

      if (!g_str_has_prefix (entry->name, "team-") || !g_str_has_suffix (entry->name, suffix))
        continue;
      number = g_strndup (entry->name + 5, strlen (entry->name) - 5 - strlen (suffix));
      if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT, &epoch, NULL) ||
          g_hash_table_contains (self->team_keys, GUINT_TO_POINTER ((guint)epoch)))
        continue;
      path = g_strdup_printf (ED_SHARE_KEYS "/%s", entry->name);
      sealed = ed_transport_read (self->transport, path, cancellable, NULL);
      if (sealed == NULL)
        continue;
      key = ed_team_key_unseal (sealed, self->keys, NULL);
      if (key == NULL)
        continue;
      g_hash_table_insert (self->team_keys, GUINT_TO_POINTER ((guint)epoch), key);
      added = TRUE;
    }
  return !added || ed_team_keys_save (self->device, self->team_keys, error);
}

static const char desk_upsert_sql[] =
  "INSERT INTO sync_desk (device, user, host, sign_public, box_public, state, joined_hlc, "
  "  revoked_epoch, revoked_after_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
  "ON CONFLICT (device) DO UPDATE SET user = excluded.user, host = excluded.host, "
  "  sign_public = excluded.sign_public, box_public = excluded.box_public, "
  "  state = excluded.state, joined_hlc = excluded.joined_hlc, "
  "  revoked_epoch = excluded.revoked_epoch, revoked_after_seq = excluded.revoked_after_seq";

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* What the resolved roster says, in a line per desk, sorted: to tell whether it changed. */
static char *
desks_digest (GHashTable *desks)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, desks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      EdTeamDesk *desk = value;
      g_autofree char *sign_public = ed_sync_base64_encode (desk->sign_public,
                                                            ED_SIGN_PUBLIC_BYTES);
      g_autofree char *box_public = ed_sync_base64_encode (desk->box_public,
                                                           ED_BOX_PUBLIC_BYTES);

      g_ptr_array_add (lines, g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%"
                                               G_GINT64_FORMAT "\x1f%u\x1f%" G_GINT64_FORMAT,
                                               desk->device, desk->user, desk->host,
                                               sign_public, box_public,
                                               ed_desk_state_to_string (desk->state),
                                               desk->joined_hlc, desk->revoked_epoch,
                                               desk->revoked_after_seq));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (all, g_ptr_array_index (lines, i));
      g_string_append_c (all, '\n');
    }
  return g_string_free (g_steal_pointer (&all), FALSE);
}

/* Keeps the desks in sync_desk for the page and the command line. A sync reads the roster at
 * every run; the rows are written only when what it says changed, in one transaction. */
static gboolean
store_desks (EdSync  *self,
             GError **error)
{
  EdDatabase *database = database_of (self->context);
  g_autofree char *digest = desks_digest (self->desks);
  GHashTableIter iter;
  gpointer value;

  if (g_strcmp0 (digest, self->stored_desks) == 0)
    return TRUE;
  if (!ed_database_exec (database, "SAVEPOINT store_desks", error))
    return FALSE;
  g_hash_table_iter_init (&iter, self->desks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      EdTeamDesk *desk = value;
      g_autofree char *sign_public = ed_sync_base64_encode (desk->sign_public,
                                                            ED_SIGN_PUBLIC_BYTES);
      g_autofree char *box_public = ed_sync_base64_encode (desk->box_public,
                                                           ED_BOX_PUBLIC_BYTES);
      sqlite3_stmt *stmt = ed_database_cached (database, desk_upsert_sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, desk->device, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, desk->user, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, desk->host, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, sign_public, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, box_public, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, ed_desk_state_to_string (desk->state), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, desk->joined_hlc);
      sqlite3_bind_int64 (stmt, 8, desk->revoked_epoch);
      sqlite3_bind_int64 (stmt, 9, desk->revoked_after_seq);
      if (!ed_database_step_reset (database, stmt, error))
        {
          ed_database_exec (database, "ROLLBACK TO store_desks; RELEASE store_desks", NULL);
          return FALSE;
        }
    }
  if (!ed_database_exec (database, "RELEASE store_desks", error))
    return FALSE;
  g_free (self->stored_desks);
  self->stored_desks = g_steal_pointer (&digest);
  return TRUE;
}

/* A roster file as last read, and its entry (NULL when it did not parse). */
typedef struct
{
  GBytes        *bytes;
  EdRosterEntry *entry;
} RosterFile;

static void
roster_file_free (RosterFile *file)
{
  g_bytes_unref (file->bytes);
  g_clear_pointer (&file->entry, ed_roster_entry_free);
  g_free (file);
}

/* Reads the roster and the keys folder afresh: who is in the team now, and any team key
 * sealed to this desk since. A roster file that cannot be read is left out: it may still be
 * arriving, and an entry that is not there changes nothing.
 *
 * Every sync reads the roster. A file whose bytes are those read last time is not parsed
 * again; and as the desks depend only on the entries and the team keys (which are only ever
 * added to), when no file has come, gone or changed and no key has been added, the desks
 * already worked out stand and no signature is checked again. */
static gboolean
refresh_team (EdSync        *self,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) key_files = NULL;
  g_autoptr(GHashTable) read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify)roster_file_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();   /* borrowed from @read */
  gboolean changed;
  GHashTableIter iter;
  gpointer value;

  key_files = ed_transport_list (self->transport, ED_SHARE_KEYS, cancellable, error);
  if (key_files == NULL || !collect_sealed_keys (self, key_files, cancellable, error))
    return FALSE;
  changed = self->desks == NULL || self->roster_read == NULL ||
            self->roster_keys != g_hash_table_size (self->team_keys);

  files = ed_transport_list (self->transport, ED_SHARE_ROSTER, cancellable, error);
  if (files == NULL)
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    {
      EdShareEntry *file = g_ptr_array_index (files, i);
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      RosterFile *known = NULL;
      RosterFile *now;

      if (file->is_folder || !g_str_has_prefix (file->name, "r-") ||
          !g_str_has_suffix (file->name, ".json"))
        continue;
      path = g_strdup_printf (ED_SHARE_ROSTER "/%s", file->name);
      bytes = ed_transport_read (self->transport, path, cancellable, NULL);
      if (bytes == NULL || g_hash_table_contains (read, path))
        continue;
      if (self->roster_read != NULL)
        known = g_hash_table_lookup (self->roster_read, path);
      now = g_new0 (RosterFile, 1);
      now->bytes = g_bytes_ref (bytes);
      if (known != NULL && g_bytes_equal (known->bytes, bytes))
        {
          now->entry = g_steal_pointer (&known->entry);
          /* Stolen, so that the old table no longer offers it. */
          g_hash_table_remove (self->roster_read, path);
        }
      else
        {
          now->entry = ed_roster_entry_parse (bytes, path, NULL);
          changed = TRUE;
        }
      g_hash_table_insert (read, g_steal_pointer (&path), now);
    }
  /* A file read last time and not now has gone (or cannot be read just now). */
  if (self->roster_read != NULL && g_hash_table_size (self->roster_read) > 0)
    changed = TRUE;

  g_hash_table_iter_init (&iter, read);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((RosterFile *)value)->entry != NULL)
      g_ptr_array_add (entries, ((RosterFile *)value)->entry);

  g_clear_pointer (&self->roster_read, g_hash_table_unref);
  self->roster_read = g_steal_pointer (&read);
  self->roster_keys = g_hash_table_size (self->team_keys);
  if (changed)
    {
      g_clear_pointer (&self->desks, g_hash_table_unref);
      self->desks = ed_roster_resolve (entries, self->team, self->team_keys);
    }
  return store_desks (self, error);
}

/**
 * ed_sync_refresh_team:
 * @self: a desk's sync
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Reads the team's roster on the share afresh, for a list of its desks.
 */
gboolean
ed_sync_refresh_team (EdSync        *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (ED_IS_SYNC (self), FALSE);

  return check_team (self, cancellable, error) && refresh_team (self, cancellable, error);
}

static gboolean
check_member (EdSync  *self,
              GError **error)
{
  EdTeamDesk *me = g_hash_table_lookup (self->desks, self->device);

  if (me == NULL || me->state != ED_DESK_MEMBER || newest_epoch (self) == 0)
    {
      /* Waiting is a state of its own, not a failure: the window says so apart. */
      if (me != NULL && me->state == ED_DESK_REQUESTED)
        g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_AWAITING_APPROVAL,
                     _("This desk waits for a desk of the team to approve it"));
      else
        g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER,
                     me != NULL && me->state == ED_DESK_REVOKED
                       ? _("This desk was taken out of the team by another desk: it can no "
                           "longer sync with it")
                       : _("This desk is not one of the team’s desks"));
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_sync_approve:
 * @self: a member desk's sync
 * @device: the device id of a desk that asked to join
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Approves a desk's request (SYNC.md §4.8b), once a person has compared the fingerprint it
 * shows with the one this desk lists for it: a signed approval of the very keys it asked with,
 * and every team key this desk holds sealed to it, so that it reads the team's bundles from
 * the first.
 */
gboolean
ed_sync_approve (EdSync        *self,
                 const char    *device,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return ed_sync_approve_shown (self, device, NULL, cancellable, error);
}

/**
 * ed_sync_approve_shown:
 * @self: a member desk's sync
 * @device: the device id of a desk that asked to join
 * @shown_sign_public: (nullable) (array fixed-size=32): the signing key whose fingerprint the
 *   person compared, or %NULL when the caller compared none
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Approves as ed_sync_approve() does, but only the keys whose fingerprint was shown: the
 * roster is read afresh for the approval, and a request whose key is not the one shown (a
 * second request under the same desk id, written since) is refused, to be compared again.
 */
gboolean
ed_sync_approve_shown (EdSync        *self,
                       const char    *device,
                       const guint8  *shown_sign_public,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(EdRosterEntry) entry = NULL;
  EdTeamDesk *desk;
  GHashTableIter iter;
  gpointer epoch;
  gpointer key;

  g_return_val_if_fail (ED_IS_SYNC (self), FALSE);
  g_return_val_if_fail (device != NULL, FALSE);

  if (!check_team (self, cancellable, error) || !refresh_team (self, cancellable, error) ||
      !check_member (self, error))
    return FALSE;
  desk = g_hash_table_lookup (self->desks, device);
  if (desk == NULL || desk->state != ED_DESK_REQUESTED)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER,
                   desk == NULL ? _("No desk %s has asked to join the team")
                                : _("Desk %s is not waiting for approval"), device);
      return FALSE;
    }
  if (shown_sign_public != NULL &&
      memcmp (shown_sign_public, desk->sign_public, ED_SIGN_PUBLIC_BYTES) != 0)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER,
                   _("Desk %s’s request is not the one whose fingerprint was compared: close "
                     "this, and compare the fingerprint it shows now"), device);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, self->team_keys);
  while (g_hash_table_iter_next (&iter, &epoch, &key))
    {
      g_autoptr(GBytes) sealed = ed_team_key_seal (key, desk->box_public);
      g_autofree char *path = ed_share_sealed_key_path (GPOINTER_TO_UINT (epoch), device);
      g_autoptr(GError) local_error = NULL;

      /* Sealed already by another member who approved it at the same time: as good. */
      if (!write_whole (self->transport, path, sealed, cancellable, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  entry = g_new0 (EdRosterEntry, 1);
  entry->kind = ED_ROSTER_APPROVE;
  entry->team = g_strdup (self->team->team);
  entry->device = g_strdup (device);
  entry->user = g_strdup (desk->user);
  entry->host = g_strdup (desk->host);
  memcpy (entry->sign_public, desk->sign_public, ED_SIGN_PUBLIC_BYTES);
  memcpy (entry->box_public, desk->box_public, ED_BOX_PUBLIC_BYTES);
  entry->epoch = newest_epoch (self);
  entry->by = g_strdup (self->device);
  entry->hlc = ed_hlc_tick (ed_replica_get_hlc (ED_REPLICA (self->context)));
  return write_roster_entry (self->transport, entry, self->keys, NULL, cancellable, error) &&
         refresh_team (self, cancellable, error);
}

/* Whether the bundle at @path holds exactly @body, the ops this desk would write there: the
 * same file written by an export that stopped before it was counted, or by another process of
 * this desk at the same moment. Its bytes differ (each sealing is freshly encrypted); its
 * signed hash of the ops does not. */
static gboolean
bundle_holds (EdSync        *self,
              const char    *path,
              const char    *plain_hash,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) file = ed_transport_read (self->transport, path, cancellable, error);
  g_autoptr(EdBundleHeader) header = NULL;

  if (file == NULL)
    return FALSE;
  header = ed_bundle_read_header (file, error);
  if (header == NULL || !ed_bundle_verify (file, self->keys->sign_public, error))
    return FALSE;
  if (g_strcmp0 (header->device, self->device) != 0 ||
      g_strcmp0 (header->plain_hash, plain_hash) != 0)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_BAD_FILE,
                   _("%s on the share holds other changes than this desk’s under the same "
                     "numbers: is this desk’s database a copy of another desk’s, or restored "
                     "from a backup?"), path);
      return FALSE;
    }
  return TRUE;
}

/* Seals and writes one bundle of @ops, then reads it back and checks it. */
static gboolean
export_bundle (EdSync        *self,
               GPtrArray     *ops,
               EdSyncReport  *report,
               GCancellable  *cancellable,
               GError       **error)
{
  const EdOp *first = g_ptr_array_index (ops, 0);
  const EdOp *last = g_ptr_array_index (ops, ops->len - 1);
  g_autoptr(EdBundleHeader) header = g_new0 (EdBundleHeader, 1);
  g_autoptr(EdBundleHeader) sealed_header = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  guint epoch = newest_epoch (self);
  char *text;
  gsize length;

  text = ed_ops_to_data (ops, self->team->district, &length);
  body = g_bytes_new_take (text, length);
  header->format = ED_BUNDLE_FORMAT;
  header->kind = ED_BUNDLE_KIND_OPS;
  header->team = g_strdup (self->team->team);
  header->district = g_strdup (self->team->district);
  header->epoch = epoch;
  header->device = g_strdup (self->device);
  header->incarnation = g_strdup (self->incarnation);
  header->seq_from = first->seq;
  header->seq_to = last->seq;
  header->n_ops = ops->len;
  header->created_hlc = ed_hlc_get_last (ed_replica_get_hlc (ED_REPLICA (self->context)));
  file = ed_bundle_seal (header, body, g_hash_table_lookup (self->team_keys,
                                                            GUINT_TO_POINTER (epoch)),
                         self->keys, error);
  if (file == NULL)
    return FALSE;
  sealed_header = ed_bundle_read_header (file, error);
  if (sealed_header == NULL)
    return FALSE;

  path = ed_share_bundle_path (self->device, header->seq_from, header->seq_to);
  if (!write_whole (self->transport, path, file, cancellable, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Written before, by an export that stopped before counting it. */
      if (!bundle_holds (self, path, sealed_header->plain_hash, cancellable, error))
        return FALSE;
    }
  else
    {
      /* Read back and checked before the ops count as exported (SYNC.md §4.5 step 4). */
      back = ed_transport_read (self->transport, path, cancellable, error);
      if (back == NULL || !ed_bundle_verify (back, self->keys->sign_public, error))
        return FALSE;
      report->n_bundles_written++;
    }
  ed_crash_point ("sync-bundle-verified");
  report->n_exported += ops->len;
  return ed_sync_state_set_int (database_of (self->context), "exported-seq", header->seq_to,
                                error);
}

/* Crash recovery (SYNC.md §4.5 step 5): bundles of this desk's on the share that it had not
 * counted as exported, because it stopped between writing and counting, are counted now if
 * they check; temporary files it left more than a day ago go. */
static gboolean
recover_exports (EdSync        *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  EdDatabase *database = database_of (self->context);
  g_autofree char *folder = ed_share_device_folder (self->device);
  g_autoptr(GPtrArray) files = ed_transport_list (self->transport, folder, cancellable, error);
  gint64 exported = ed_sync_state_get_int (database, "exported-seq", 0);
  gint64 found = exported;
  gint64 stale_before = g_get_real_time () - G_TIME_SPAN_DAY;

  if (files == NULL)
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    {
      EdShareEntry *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_strdup_printf ("%s/%s", folder, file->name);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(EdBundleHeader) header = NULL;
      gint64 from;
      gint64 to;

      if (ed_share_is_temporary (file->name))
        {
          if (file->mtime < stale_before)
            ed_transport_remove (self->transport, path, cancellable, NULL);
          continue;
        }
      if (!ed_share_parse_bundle_name (file->name, &from, &to) || to <= found)
        continue;
      bytes = ed_transport_read (self->transport, path, cancellable, NULL);
      if (bytes == NULL)
        continue;
      header = ed_bundle_read_header (bytes, NULL);
      if (header != NULL && g_strcmp0 (header->device, self->device) == 0 &&
          header->seq_to > found && ed_bundle_verify (bytes, self->keys->sign_public, NULL))
        found = header->seq_to;
    }
  /* Only ops this desk holds: a bundle beyond them is another copy of this desk's, which
   * ingest raises as an alarm when its ops differ. */
  found = MIN (found, ed_sync_state_get_int (database, "max-own-seq", found));
  if (found == exported)
    return TRUE;
  return ed_sync_state_set_int (database, "exported-seq", found, error);
}

static const char max_own_seq_sql[] = "SELECT coalesce (max (seq), 0) FROM op_log WHERE device = ?1";

static gboolean
first_int_cb (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  *(gint64 *)user_data = sqlite3_column_int64 (stmt, 0);
  return FALSE;
}

static gboolean
note_max_own_seq (EdSync  *self,
                  GError **error)
{
  EdDatabase *database = database_of (self->context);
  sqlite3_stmt *stmt = ed_database_cached (database, max_own_seq_sql, error);
  gint64 max = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->device, -1, SQLITE_TRANSIENT);
  if (!ed_database_step_rows (database, stmt, first_int_cb, &max, error))
    return FALSE;
  return ed_sync_state_set_int (database, "max-own-seq", max, error);
}

/**
 * ed_sync_export:
 * @self: a desk's sync
 * @report: (inout): what was done, added to
 * @cancellable: (nullable): to stop between bundles
 * @error: return location for an error
 *
 * Writes this desk's ops that are not on the share yet, in bundles of at most
 * %ED_SYNC_OPS_PER_BUNDLE ops (SYNC.md §4.5).
 */
gboolean
ed_sync_export (EdSync        *self,
                EdSyncReport  *report,
                GCancellable  *cancellable,
                GError       **error)
{
  EdDatabase *database;

  g_return_val_if_fail (ED_IS_SYNC (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  database = database_of (self->context);
  if (!check_team (self, cancellable, error) || !refresh_team (self, cancellable, error) ||
      !check_member (self, error) || !note_max_own_seq (self, error) ||
      !recover_exports (self, cancellable, error))
    return FALSE;

  for (;;)
    {
      gint64 exported = ed_sync_state_get_int (database, "exported-seq", 0);
      g_autoptr(GPtrArray) ops = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      ops = ed_merge_export_device (ED_REPLICA (self->context), self->device, exported,
                                    ED_SYNC_OPS_PER_BUNDLE, error);
      if (ops == NULL)
        return FALSE;
      if (ops->len == 0)
        return TRUE;
      if (!export_bundle (self, ops, report, cancellable, error))
        return FALSE;
    }
}

/* What an ingest of one file came to, for the ledger. */
typedef struct
{
  EdSync           *self;
  EdSyncFileRecord  record;
  EdSyncReport     *report;
} Ingest;

static void
ingest_set (Ingest           *ingest,
            EdSyncFileStatus  status,
            const char       *message)
{
  ingest->record.status = status;
  g_free (ingest->record.message);
  ingest->record.message = g_strdup (message != NULL ? message : "");
}

/* The ledger's record, written in the batch's own transaction (SYNC.md §4.6 step 4). */
static gboolean
record_applied_cb (EdReplica     *replica,
                   EdMergeStats  *stats,
                   gpointer       user_data,
                   GError       **error)
{
  Ingest *ingest = user_data;

  ingest->record.n_applied = stats->applied;
  ingest_set (ingest, stats->applied > 0 ? ED_SYNC_FILE_APPLIED : ED_SYNC_FILE_DUPLICATE, NULL);
  ed_crash_point ("sync-ingest-applied");
  return ed_sync_ledger_record (ed_replica_get_database (replica), &ingest->record, error);
}

static EdSyncFileStatus
status_of_bundle_error (const GError *error)
{
  if (g_error_matches (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_INCOMPLETE))
    return ED_SYNC_FILE_INCOMPLETE;
  if (g_error_matches (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NEWER_FORMAT))
    return ED_SYNC_FILE_REFUSED;
  return ED_SYNC_FILE_CORRUPT;
}

/* Every op of a desk's bundle is that desk's own, within the seqs its signed header gives. */
static gboolean
ops_match_header (GPtrArray            *ops,
                  const EdBundleHeader *header)
{
  if (ops->len != header->n_ops)
    return FALSE;
  for (guint i = 0; i < ops->len; i++)
    {
      const EdOp *op = g_ptr_array_index (ops, i);

      if (g_strcmp0 (op->device, header->device) != 0 || op->seq < header->seq_from ||
          op->seq > header->seq_to)
        return FALSE;
    }
  return TRUE;
}

/* Checks one file read whole, then applies it; the outcome is in @ingest. Only a failure of
 * this desk's own database is an error. */
static gboolean
ingest_bytes (Ingest   *ingest,
              GBytes   *file,
              GError  **error)
{
  EdSync *self = ingest->self;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EdBundleHeader) header = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autofree char *district = NULL;
  EdTeamDesk *desk;
  EdTeamKey *key;

  header = ed_bundle_read_header (file, &local_error);
  if (header == NULL)
    {
      ingest_set (ingest, status_of_bundle_error (local_error), local_error->message);
      return TRUE;
    }
  g_free (ingest->record.device);
  ingest->record.device = g_strdup (header->device);
  ingest->record.seq_from = header->seq_from;
  ingest->record.seq_to = header->seq_to;

  /* Nothing in the header counts until its signature is checked: a flipped bit in it must
   * make the file damaged, to be read again, never refused for good. */
  desk = g_hash_table_lookup (self->desks, header->device);
  if (desk == NULL || desk->state == ED_DESK_REQUESTED)
    {
      /* Its desk's roster entry may still be arriving. */
      ingest_set (ingest, ED_SYNC_FILE_INCOMPLETE,
                  _("It was written by a desk that is not (yet) one of the team’s"));
      return TRUE;
    }
  if (!ed_bundle_verify (file, desk->sign_public, &local_error))
    {
      ingest_set (ingest, status_of_bundle_error (local_error), local_error->message);
      return TRUE;
    }
  if (header->kind != ED_BUNDLE_KIND_OPS || g_strcmp0 (header->team, self->team->team) != 0 ||
      g_strcmp0 (header->district, self->team->district) != 0)
    {
      ingest_set (ingest, ED_SYNC_FILE_REFUSED,
                  _("It belongs to another team or district, or is not a bundle of changes"));
      return TRUE;
    }
  if (!ed_team_desk_may_write (desk, header->epoch, header->seq_to))
    {
      ingest_set (ingest, ED_SYNC_FILE_REFUSED,
                  _("It was written by a desk after it was taken out of the team"));
      return TRUE;
    }
  key = g_hash_table_lookup (self->team_keys, GUINT_TO_POINTER (header->epoch));
  if (key == NULL)
    {
      ingest_set (ingest, ED_SYNC_FILE_INCOMPLETE,
                  _("This desk does not hold the team key it was sealed with yet"));
      return TRUE;
    }
  body = ed_bundle_open_verified (file, key, &local_error);
  if (body == NULL)
    {
      ingest_set (ingest, status_of_bundle_error (local_error), local_error->message);
      return TRUE;
    }
  ops = ed_ops_from_data (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                          ingest->record.path, &district, &local_error);
  if (ops == NULL || !ops_match_header (ops, header))
    {
      ingest_set (ingest, ED_SYNC_FILE_REFUSED,
                  local_error != NULL ? local_error->message
                                      : _("Its changes are not its desk’s own"));
      return TRUE;
    }

  ed_crash_point ("sync-ingest-checked");
  if (ed_merge_apply_full (ED_REPLICA (self->context), district, ops, record_applied_cb, ingest,
                           NULL, &local_error))
    {
      if (ingest->record.status == ED_SYNC_FILE_APPLIED)
        ingest->report->n_applied += ingest->record.n_applied;
      return TRUE;
    }
  if (local_error->domain == ED_CHANGE_ERROR)
    {
      g_autofree char *ours = ed_merge_get_district_id (ED_REPLICA (self->context), NULL);

      /* A desk of no district yet takes it only from the bundle that makes the district:
       * read this one again once that one is in. */
      ingest_set (ingest,
                  local_error->code == ED_CHANGE_ERROR_OTHER_DISTRICT && ours == NULL
                    ? ED_SYNC_FILE_INCOMPLETE : ED_SYNC_FILE_REFUSED,
                  local_error->message);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Whether a file the ledger knows need not be read again now. */
static gboolean
may_skip (const EdSyncFileRecord *record,
          const EdShareEntry     *entry,
          gint64                  now)
{
  gint64 wait;

  if (record == NULL)
    return FALSE;
  if (record->size != entry->size || record->mtime != entry->mtime)
    return FALSE;
  switch (record->status)
    {
    case ED_SYNC_FILE_APPLIED:
    case ED_SYNC_FILE_DUPLICATE:
      return TRUE;
    /* A refusal is read again too, if seldom: a file refused as a newer version's may have
     * been a damaged copy whose format number a flipped bit raised, and a desk that has been
     * updated since reads a newer version's files. */
    case ED_SYNC_FILE_REFUSED:
    case ED_SYNC_FILE_INCOMPLETE:
    case ED_SYNC_FILE_CORRUPT:
    default:
      wait = RETRY_FIRST_MS << MIN (record->attempts, 12u);
      return now - record->last_tried_ms < MIN (wait, (gint64)RETRY_MAX_MS);
    }
}

static gboolean
ingest_file (EdSync             *self,
             const char         *path,
             const EdShareEntry *entry,
             EdSyncReport       *report,
             GCancellable       *cancellable,
             GError            **error)
{
  EdDatabase *database = database_of (self->context);
  g_autoptr(EdSyncFileRecord) known = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GError) local_error = NULL;
  Ingest ingest = { self, { 0 }, report };
  gint64 now = self->clock (self->clock_data);
  gboolean ok;

  known = ed_sync_ledger_lookup (database, path, error);
  if (known == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (may_skip (known, entry, now))
    return TRUE;

  ingest.record.path = g_strdup (path);
  ingest.record.size = entry->size;
  ingest.record.mtime = entry->mtime;
  ingest.record.first_seen_ms = known != NULL ? known->first_seen_ms : now;
  ingest.record.last_tried_ms = now;
  ingest.record.attempts = known != NULL ? known->attempts + 1 : 1;

  report->n_files_read++;
  file = ed_transport_read (self->transport, path, cancellable, &local_error);
  if (file == NULL)
    {
      /* Gone since the listing, or a placeholder that cannot be read yet. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      ingest_set (&ingest, ED_SYNC_FILE_INCOMPLETE, local_error->message);
      ok = TRUE;
    }
  else
    ok = ingest_bytes (&ingest, file, error);

  if (ok && ingest.record.status != ED_SYNC_FILE_APPLIED &&
      ingest.record.status != ED_SYNC_FILE_DUPLICATE)
    ok = ed_sync_ledger_record (database, &ingest.record, error);

  switch (ingest.record.status)
    {
    case ED_SYNC_FILE_DUPLICATE:
      report->n_duplicate_files++;
      break;
    case ED_SYNC_FILE_INCOMPLETE:
      report->n_incomplete++;
      break;
    case ED_SYNC_FILE_CORRUPT:
      report->n_corrupt++;
      break;
    case ED_SYNC_FILE_REFUSED:
      report->n_refused++;
      break;
    case ED_SYNC_FILE_APPLIED:
    default:
      break;
    }
  g_free (ingest.record.path);
  g_free (ingest.record.device);
  g_free (ingest.record.message);
  return ok;
}

/* A file to read, with the order to read it in: the founder's first (a new desk takes the
 * district from its first bundle), then each desk's in seq order. */
typedef struct
{
  char         *path;
  EdShareEntry *entry;
  int           founder_first;
  char         *device;
  gint64        seq_from;
  gint64        seq_to;
} Candidate;

static void
candidate_free (Candidate *candidate)
{
  g_free (candidate->path);
  g_free (candidate->device);
  g_free (candidate);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = *(Candidate **)a;
  const Candidate *y = *(Candidate **)b;
  int cmp;

  if (x->founder_first != y->founder_first)
    return x->founder_first - y->founder_first;
  if ((cmp = strcmp (x->device, y->device)) != 0)
    return cmp;
  if (x->seq_from != y->seq_from)
    return x->seq_from < y->seq_from ? -1 : 1;
  return strcmp (x->path, y->path);
}

static void
add_candidates (EdSync     *self,
                GPtrArray  *candidates,
                const char *folder,
                const char *device,
                GPtrArray  *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      EdShareEntry *entry = g_ptr_array_index (entries, i);
      Candidate *candidate;
      gint64 to;

      if (entry->is_folder || !ed_share_is_candidate (entry->name))
        continue;
      candidate = g_new0 (Candidate, 1);
      candidate->path = g_strdup_printf ("%s/%s", folder, entry->name);
      candidate->entry = entry;
      candidate->device = g_strdup (device);
      candidate->founder_first = g_strcmp0 (device, self->team->founder) == 0 ? 0 : 1;
      if (!ed_share_parse_bundle_name (entry->name, &candidate->seq_from, &to))
        candidate->seq_from = to = G_MAXINT64;
      candidate->seq_to = to;
      g_ptr_array_add (candidates, candidate);
    }
}

/**
 * ed_sync_ingest:
 * @self: a desk's sync
 * @report: (inout): what was done, added to
 * @cancellable: (nullable): to stop between files
 * @error: return location for an error of this desk's own (a file on the share that is
 *   damaged, incomplete or not genuine is no error: it is recorded in the ledger)
 *
 * Reads every desk's bundles on the share that this desk has not applied (SYNC.md §4.6),
 * its own included (after a restore from backup, its own bundles give back what the backup
 * lost), and files anywhere under the devices folder, so that copies a sync client made
 * elsewhere count too.
 */
gboolean
ed_sync_ingest (EdSync        *self,
                EdSyncReport  *report,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) folders = NULL;
  g_autoptr(GPtrArray) listings = g_ptr_array_new_with_free_func (
    (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (
    (GDestroyNotify)candidate_free);
  g_autoptr(GHashTable) snapshot_held = NULL;
  EdDatabase *database;
  gboolean ok = TRUE;

  g_return_val_if_fail (ED_IS_SYNC (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  database = database_of (self->context);
  if (!check_team (self, cancellable, error) || !refresh_team (self, cancellable, error))
    return FALSE;

  folders = ed_transport_list (self->transport, ED_SHARE_DEVICES, cancellable, error);
  if (folders == NULL)
    return FALSE;
  g_ptr_array_add (listings, g_ptr_array_ref (folders));
  add_candidates (self, candidates, ED_SHARE_DEVICES, "", folders);
  for (guint i = 0; i < folders->len; i++)
    {
      EdShareEntry *folder = g_ptr_array_index (folders, i);
      g_autofree char *path = NULL;
      GPtrArray *entries;

      if (!folder->is_folder)
        continue;
      path = g_strdup_printf (ED_SHARE_DEVICES "/%s", folder->name);
      entries = ed_transport_list (self->transport, path, cancellable, error);
      if (entries == NULL)
        return FALSE;
      g_ptr_array_add (listings, entries);
      add_candidates (self, candidates, path, folder->name, entries);
    }
  g_ptr_array_sort (candidates, compare_candidates);

  /* One flush for the whole ingest rather than one a bundle (SYNC.md §4.6 step 4, §6): with
   * write-ahead logging a commit at NORMAL is not flushed to disk at once, and a power cut
   * can undo the last bundles applied, but never half of one, and with them their records in
   * the ledger, so they are read again. A person's own edits are never at risk: they are
   * committed at FULL, which is restored before this returns. */
  if (!ed_database_exec (database, "PRAGMA synchronous = NORMAL", error))
    return FALSE;
  snapshot_held = _ed_sync_snapshot_held (self);
  for (guint i = 0; i < candidates->len && ok; i++)
    {
      Candidate *candidate = g_ptr_array_index (candidates, i);

      /* A desk built from a snapshot holds every op it covers: only the bundles above it. */
      if (candidate->device[0] != '\0' &&
          candidate->seq_to <= ed_sync_held_get (snapshot_held, candidate->device))
        continue;
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           ingest_file (self, candidate->path, candidate->entry, report, cancellable, error);
    }
  if (!ed_database_exec (database, "PRAGMA synchronous = FULL", ok ? error : NULL))
    return FALSE;
  return ok;
}

/**
 * ed_sync_run:
 * @self: a desk's sync
 * @report: (out caller-allocates): what was done
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * One sync: this desk's new ops out, every other desk's in, then the upkeep that falls due
 * (ed-sync-upkeep.c: its acknowledgement, a snapshot, its old bundles removed), and the time
 * and result kept for the Sync page.
 */
gboolean
ed_sync_run (EdSync        *self,
             EdSyncReport  *report,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *snapshot = NULL;
  EdDatabase *database;

  g_return_val_if_fail (ED_IS_SYNC (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  database = database_of (self->context);
  if (!ed_sync_export (self, report, cancellable, error) ||
      !_ed_sync_seal_missing_keys (self, cancellable, error) ||
      !_ed_sync_onboard (self, &snapshot, cancellable, error) ||
      !ed_sync_ingest (self, report, cancellable, error) ||
      !_ed_sync_run_upkeep (self, report, cancellable, error))
    return FALSE;
  report->from_snapshot = snapshot != NULL;
  return ed_sync_state_set_int (database, "last-sync-ms", now_ms (), error);
}

/* For the parts of the engine in their own files (ed-sync-private.h). */

gboolean
_ed_sync_write_whole (EdTransport   *transport,
                      const char    *path,
                      GBytes        *contents,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return write_whole (transport, path, contents, cancellable, error);
}

gboolean
_ed_sync_write_roster_entry (EdTransport      *transport,
                             EdRosterEntry    *entry,
                             const EdDeskKeys *signer,
                             const EdTeamKey  *proof_key,
                             GCancellable     *cancellable,
                             GError          **error)
{
  return write_roster_entry (transport, entry, signer, proof_key, cancellable, error);
}

gboolean
_ed_sync_check_team (EdSync        *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return check_team (self, cancellable, error);
}

gboolean
_ed_sync_refresh_team (EdSync        *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return refresh_team (self, cancellable, error);
}

gboolean
_ed_sync_check_member (EdSync  *self,
                       GError **error)
{
  return check_member (self, error);
}

guint
_ed_sync_newest_epoch (EdSync *self)
{
  return newest_epoch (self);
}

gint64
_ed_sync_now (EdSync *self)
{
  return self->clock (self->clock_data);
}
