/* ed-sync-revoke.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "changes/ed-replica.h"
#include "sync/ed-share-names.h"
#include "sync/ed-sync-private.h"
#include "sync/ed-sync-revoke.h"
#include "sync/ed-sync-tables.h"

/* Taking a desk out of the team (SYNC.md §4.8 Revocation).
 *
 * 1. A revocation entry, signed by this desk, records the last of the desk's ops this desk
 *    has applied: its bundles up to that seq, in the epoch of the revocation or before, are
 *    still applied everywhere (they were written while it was a member); any later one is
 *    refused (ed_team_desk_may_write()).
 * 2. A new epoch starts with a fresh team key, sealed to every desk still a member. Bundles
 *    are written with the newest key a desk holds, so every desk moves to the new epoch as
 *    soon as it reads its sealed copy; the revoked desk never gets one.
 * 3. The passphrase-wrapped key of the new epoch is written only when a new passphrase is
 *    given: the revoked desk knows the old passphrase. Without one, the team is joined by
 *    approval only from then on.
 *
 * Two desks revoking at once would each make an epoch e+1 with its own key. The rule that
 * settles it: an epoch is claimed, before any key of it is written, by keys/team-<e>.claim,
 * written with a rename that never replaces. Exactly one desk's claim lands; the other finds
 * the name taken, reads the roster again (which holds both revocations, each written before
 * its claim) and claims the next epoch, sealed to the desks that are members after both. So
 * no epoch ever has two keys, and the newest epoch leaves out every revoked desk. */

#define CLAIM_SUFFIX ".claim"

/* How many epochs a desk tries past the newest it holds before giving up: only a share where
 * many desks revoke at the same moment would need more than one or two. */
#define MAX_CLAIM_TRIES 64

static char *
claim_path (guint epoch)
{
  return g_strdup_printf (ED_SHARE_KEYS "/team-%u" CLAIM_SUFFIX, epoch);
}

/* The epoch a name in the keys folder belongs to (team-<epoch>.…), or 0. */
static guint
epoch_of_key_name (const char *name)
{
  const char *digits;
  const char *dot;
  g_autofree char *number = NULL;
  guint64 epoch;

  if (!g_str_has_prefix (name, "team-"))
    return 0;
  digits = name + 5;
  dot = strchr (digits, '.');
  if (dot == NULL)
    return 0;
  number = g_strndup (digits, dot - digits);
  if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT, &epoch, NULL))
    return 0;
  return (guint)epoch;
}

/**
 * _ed_sync_newest_share_epoch:
 * @transport: the share
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Returns: the newest epoch any file in the share's keys folder belongs to (a claim, a sealed
 *   key or a wrapped one), or 0 with @error set
 */
guint
_ed_sync_newest_share_epoch (EdTransport   *transport,
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

      if (!entry->is_folder && !ed_share_is_temporary (entry->name))
        newest = MAX (newest, epoch_of_key_name (entry->name));
    }
  return newest;
}

static void
set_passphrase_changed (GError **error)
{
  g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_PASSPHRASE_CHANGED,
               _("The team’s passphrase was changed when a desk was taken out of the team: "
                 "ask a desk of the team for the new passphrase, or ask to join "
                 "(sync join --request) and have a desk of the team approve this one"));
}

/**
 * _ed_sync_check_join_passphrase:
 * @transport: the share
 * @epoch: the newest epoch whose key the share holds wrapped with a passphrase
 * @cancellable: (nullable): to stop
 * @error: return location for %ED_SYNC_ERROR_PASSPHRASE_CHANGED
 *
 * A desk joins by passphrase only into the team's newest epoch: when a desk was taken out
 * without a new passphrase, the old one still opens the old epoch's key, which the desks no
 * longer write with, and the desk that was taken out knows it.
 *
 * Returns: whether @epoch is the team's newest
 */
gboolean
_ed_sync_check_join_passphrase (EdTransport   *transport,
                                guint          epoch,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  guint newest = _ed_sync_newest_share_epoch (transport, cancellable, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (newest > epoch)
    {
      set_passphrase_changed (error);
      return FALSE;
    }
  return TRUE;
}

/**
 * _ed_sync_explain_wrong_passphrase:
 * @transport: the share
 * @epoch: the epoch of the wrapped key the passphrase did not open
 * @passphrase: the passphrase given
 * @cancellable: (nullable): to stop
 * @error: (inout): the wrong-passphrase error, replaced with
 *   %ED_SYNC_ERROR_PASSPHRASE_CHANGED when @passphrase opens an older epoch's key
 *
 * Tells a person who gives the team's old passphrase that it was changed, rather than only
 * that it is wrong.
 */
void
_ed_sync_explain_wrong_passphrase (EdTransport   *transport,
                                   guint          epoch,
                                   const char    *passphrase,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  if (error == NULL || *error == NULL ||
      !g_error_matches (*error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_WRONG_PASSPHRASE))
    return;
  for (guint older = epoch; older-- > 1;)
    {
      g_autofree char *path = ed_share_passphrase_key_path (older);
      g_autoptr(GBytes) wrapped = ed_transport_read (transport, path, cancellable, NULL);
      g_autofree char *text = NULL;
      g_autoptr(EdTeamKey) key = NULL;

      if (wrapped == NULL)
        continue;
      text = g_strndup (g_bytes_get_data (wrapped, NULL), g_bytes_get_size (wrapped));
      key = ed_team_key_unwrap_passphrase (text, passphrase, NULL);
      if (key != NULL)
        {
          g_clear_error (error);
          set_passphrase_changed (error);
          return;
        }
    }
}

static const char max_seq_sql[] = "SELECT coalesce (max (seq), 0) FROM op_log WHERE device = ?1";

static gboolean
first_int_cb (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  *(gint64 *)user_data = sqlite3_column_int64 (stmt, 0);
  return FALSE;
}

/* The last of @device's ops this desk has applied: the last that stays accepted. */
static gboolean
last_applied_seq (EdSync      *self,
                  const char  *device,
                  gint64      *out_seq,
                  GError     **error)
{
  EdDatabase *database = ed_context_get_database (self->context);
  sqlite3_stmt *stmt = ed_database_cached (database, max_seq_sql, error);

  *out_seq = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, device, -1, SQLITE_TRANSIENT);
  return ed_database_step_rows (database, stmt, first_int_cb, out_seq, error);
}

static guint
count_members (EdSync *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->desks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((EdTeamDesk *)value)->state == ED_DESK_MEMBER)
      n++;
  return n;
}

static gboolean
check_may_revoke (EdSync      *self,
                  const char  *device,
                  GError     **error)
{
  EdTeamDesk *desk = g_hash_table_lookup (self->desks, device);

  if (g_strcmp0 (device, self->device) == 0)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_CANNOT_REVOKE,
                   _("A desk cannot take itself out of the team: ask another desk of the "
                     "team to do it"));
      return FALSE;
    }
  if (desk == NULL)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER,
                   _("The team has no desk %s: “sync desks” lists its desks"), device);
      return FALSE;
    }
  /* Taken out, but its epoch never replaced (the desk that did it stopped before): going on
   * makes the new epoch. */
  if (desk->state == ED_DESK_REVOKED && desk->revoked_epoch >= _ed_sync_newest_epoch (self))
    return TRUE;
  if (desk->state == ED_DESK_REVOKED)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_CANNOT_REVOKE,
                   _("Desk %s was taken out of the team already"), device);
      return FALSE;
    }
  if (desk->state == ED_DESK_MEMBER && count_members (self) <= 1)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_CANNOT_REVOKE,
                   _("Desk %s is the team’s last desk: a team needs at least one"), device);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_revocation (EdSync        *self,
                  EdTeamDesk    *desk,
                  gint64         last_seq,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(EdRosterEntry) entry = g_new0 (EdRosterEntry, 1);

  entry->kind = ED_ROSTER_REVOKE;
  entry->team = g_strdup (self->team->team);
  entry->device = g_strdup (desk->device);
  entry->user = g_strdup (desk->user);
  entry->host = g_strdup (desk->host);
  memcpy (entry->sign_public, desk->sign_public, ED_SIGN_PUBLIC_BYTES);
  memcpy (entry->box_public, desk->box_public, ED_BOX_PUBLIC_BYTES);
  /* The epoch it may still have written in: the newest this desk holds. */
  entry->epoch = _ed_sync_newest_epoch (self);
  entry->by = g_strdup (self->device);
  entry->hlc = ed_hlc_tick (ed_replica_get_hlc (ED_REPLICA (self->context)));
  entry->revoked_after_seq = last_seq;
  return _ed_sync_write_roster_entry (self->transport, entry, self->keys, NULL, cancellable,
                                      error);
}

/* Claims the first free epoch after the newest this desk holds; 0 with @error set when none
 * could be claimed. The roster is read again after each claim another desk won, so that the
 * epoch this desk makes leaves out the desk that desk revoked too. */
static guint
claim_epoch (EdSync        *self,
             GCancellable  *cancellable,
             GError       **error)
{
  guint epoch = _ed_sync_newest_epoch (self);

  for (guint tries = 0; tries < MAX_CLAIM_TRIES; tries++)
    {
      g_autofree char *path = claim_path (++epoch);
      g_autofree char *text = g_strdup_printf ("{\"epoch\": %u, \"by\": \"%s\"}\n", epoch,
                                               self->device);
      g_autoptr(GBytes) claim = g_bytes_new (text, strlen (text));
      g_autoptr(GError) local_error = NULL;

      if (_ed_sync_write_whole (self->transport, path, claim, cancellable, &local_error))
        return epoch;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return 0;
        }
      if (!_ed_sync_refresh_team (self, cancellable, error))
        return 0;
    }
  g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_BAD_FILE,
               _("No new epoch of the team key could be claimed in %s: epochs %u to %u are "
                 "all taken"), ED_SHARE_KEYS, epoch - MAX_CLAIM_TRIES + 1, epoch);
  return 0;
}

/* The new epoch's key, sealed to every desk still a member (this one too), and wrapped with
 * @passphrase when there is one. */
static gboolean
write_epoch_keys (EdSync          *self,
                  guint            epoch,
                  const EdTeamKey *key,
                  const char      *passphrase,
                  GCancellable    *cancellable,
                  GError         **error)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->desks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      EdTeamDesk *desk = value;
      g_autoptr(GBytes) sealed = NULL;
      g_autofree char *path = NULL;

      if (desk->state != ED_DESK_MEMBER)
        continue;
      sealed = ed_team_key_seal (key, desk->box_public);
      path = ed_share_sealed_key_path (epoch, desk->device);
      if (!_ed_sync_write_whole (self->transport, path, sealed, cancellable, error))
        return FALSE;
    }
  if (passphrase != NULL)
    {
      g_autofree char *wrapped = ed_team_key_wrap_passphrase (key, passphrase, error);
      g_autofree char *path = ed_share_passphrase_key_path (epoch);
      g_autoptr(GBytes) bytes = NULL;

      if (wrapped == NULL)
        return FALSE;
      bytes = g_bytes_new (wrapped, strlen (wrapped));
      if (!_ed_sync_write_whole (self->transport, path, bytes, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ed_sync_revoke:
 * @self: a member desk's sync
 * @device: the device id of the desk to take out
 * @new_passphrase: (nullable): the team's new passphrase; %NULL for none, after which desks
 *   join only by approval
 * @cancellable: (nullable): to stop
 * @error: return location for an error: %ED_SYNC_ERROR_CANNOT_REVOKE for this desk itself or
 *   the team's last, %ED_SYNC_ERROR_NOT_A_MEMBER for a desk the team does not have
 *
 * Takes a desk out of the team (SYNC.md §4.8 Revocation; the rule for two desks revoking at
 * once is at the top of ed-sync-revoke.c). The desk's bundles after the last of its ops this
 * desk has applied, or in a later epoch, are refused by every desk from then on, and it can
 * never join again with the same device id. What it had already read, it keeps.
 *
 * Returns: whether the desk was taken out
 */
gboolean
ed_sync_revoke (EdSync        *self,
                const char    *device,
                const char    *new_passphrase,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(EdTeamKey) key = NULL;
  EdTeamKey *kept;
  EdTeamDesk *desk;
  gint64 last_seq;
  guint epoch;

  g_return_val_if_fail (ED_IS_SYNC (self), FALSE);
  g_return_val_if_fail (device != NULL, FALSE);

  if (!_ed_sync_check_team (self, cancellable, error) ||
      !_ed_sync_refresh_team (self, cancellable, error) ||
      !_ed_sync_check_member (self, error) || !check_may_revoke (self, device, error))
    return FALSE;
  desk = g_hash_table_lookup (self->desks, device);
  if (desk->state != ED_DESK_REVOKED &&
      (!last_applied_seq (self, device, &last_seq, error) ||
       !write_revocation (self, desk, last_seq, cancellable, error) ||
       !_ed_sync_refresh_team (self, cancellable, error)))
    return FALSE;

  epoch = claim_epoch (self, cancellable, error);
  if (epoch == 0)
    return FALSE;
  key = ed_team_key_generate ();
  if (key == NULL)
    {
      g_set_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_FAILED,
                   _("A new team key could not be made"));
      return FALSE;
    }
  /* Kept here before anything is sealed with it: this desk's sealed copy would give it back,
   * but a desk never depends on the share for its own key. */
  kept = ed_team_key_new ();
  memcpy (kept->bytes, key->bytes, ED_TEAM_KEY_BYTES);
  g_hash_table_insert (self->team_keys, GUINT_TO_POINTER (epoch), kept);
  if (!ed_team_keys_save (self->device, self->team_keys, error) ||
      !write_epoch_keys (self, epoch, key, new_passphrase, cancellable, error))
    return FALSE;
  return ed_sync_state_set_int (ed_context_get_database (self->context), "epoch", epoch,
                                error);
}

/**
 * _ed_sync_seal_missing_keys:
 * @self: a member desk's sync, its roster read
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Seals every team key this desk holds to every member that has no sealed copy of it yet. A
 * desk that joined with the passphrase of a new epoch holds only that epoch's key, and the
 * team's bundles of earlier epochs would stay closed to it. Desks taken out of the team get
 * nothing; a copy another member sealed at the same moment is as good as this one's.
 *
 * Returns: whether every missing copy was written
 */
gboolean
_ed_sync_seal_missing_keys (EdSync        *self,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GPtrArray) entries = ed_transport_list (self->transport, ED_SHARE_KEYS,
                                                    cancellable, error);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter desks;
  gpointer value;

  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    g_hash_table_add (present, ((EdShareEntry *)g_ptr_array_index (entries, i))->name);

  g_hash_table_iter_init (&desks, self->desks);
  while (g_hash_table_iter_next (&desks, NULL, &value))
    {
      EdTeamDesk *desk = value;
      GHashTableIter keys;
      gpointer epoch;
      gpointer key;

      if (desk->state != ED_DESK_MEMBER)
        continue;
      g_hash_table_iter_init (&keys, self->team_keys);
      while (g_hash_table_iter_next (&keys, &epoch, &key))
        {
          g_autofree char *path = ed_share_sealed_key_path (GPOINTER_TO_UINT (epoch),
                                                            desk->device);
          g_autofree char *name = g_path_get_basename (path);
          g_autoptr(GBytes) sealed = NULL;
          g_autoptr(GError) local_error = NULL;

          if (g_hash_table_contains (present, name))
            continue;
          sealed = ed_team_key_seal (key, desk->box_public);
          if (!_ed_sync_write_whole (self->transport, path, sealed, cancellable, &local_error) &&
              !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }
  return TRUE;
}
