/* ed-sync-gc.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <string.h>

#include "sync/ed-share-names.h"
#include "sync/ed-sync-acks.h"
#include "sync/ed-sync-gc.h"
#include "sync/ed-sync-private.h"
#include "sync/ed-sync-snapshot.h"
#include "sync/ed-sync-tables.h"

/* Keeping the share small (SYNC.md §4.7): a desk removes its own bundles, never another's,
 * once all three hold:
 *
 *   (a) every snapshot on the share covers them, so that a new desk, whichever it starts
 *       from, never needs them (each desk keeps only its newest snapshot there);
 *   (b) every desk still in the team has acknowledged holding them (desks taken out do not
 *       count: they will never read more);
 *   (c) ED_SYNC_GC_AGE_MS have passed since they were written, by the sync's clock.
 *
 * And whether a run should write a snapshot by itself, which rests on the same listing of this
 * desk's bundles. */

typedef struct
{
  char   *path;
  gint64  seq_to;
  guint64 size;
  gint64  written_ms;
} OwnBundle;

static void
own_bundle_free (OwnBundle *bundle)
{
  g_free (bundle->path);
  g_free (bundle);
}

static GPtrArray *
list_own_bundles (EdSync        *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *folder = ed_share_device_folder (self->device);
  g_autoptr(GPtrArray) entries = ed_transport_list (self->transport, folder, cancellable,
                                                    error);
  GPtrArray *bundles;

  if (entries == NULL)
    return NULL;
  bundles = g_ptr_array_new_with_free_func ((GDestroyNotify)own_bundle_free);
  for (guint i = 0; i < entries->len; i++)
    {
      EdShareEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *exact = NULL;
      OwnBundle *bundle;
      gint64 from;
      gint64 to;

      if (entry->is_folder || !ed_share_parse_bundle_name (entry->name, &from, &to))
        continue;
      /* Only this desk's own names: a sync client's copy under another name is not its. */
      exact = ed_share_bundle_path (self->device, from, to);
      if (!g_str_has_suffix (exact, entry->name) || strlen (entry->name) != 2 + 12 + 1 + 12 + 4)
        continue;
      bundle = g_new0 (OwnBundle, 1);
      bundle->path = g_steal_pointer (&exact);
      bundle->seq_to = to;
      bundle->size = entry->size;
      bundle->written_ms = entry->mtime / 1000;
      g_ptr_array_add (bundles, bundle);
    }
  return bundles;
}

/**
 * ed_sync_gc:
 * @self: a member desk's sync, the other desks' acks read
 * @out_removed: (out) (optional): how many of its bundles it removed
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Removes this desk's own bundles that a snapshot covers, every member has acknowledged, and
 * that are older than %ED_SYNC_GC_AGE_MS. A bundle that cannot be removed now is left for the
 * next run.
 *
 * Returns: whether the share could be read
 */
gboolean
ed_sync_gc (EdSync        *self,
            guint         *out_removed,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) bundles = NULL;
  gint64 acked = 0;
  gint64 snapshot_seq = 0;
  gint64 now = _ed_sync_now (self);
  guint removed = 0;

  if (out_removed != NULL)
    *out_removed = 0;
  if (self->desks == NULL && !_ed_sync_refresh_team (self, cancellable, error))
    return FALSE;
  if (!_ed_sync_snapshots_cover (self, self->device, &snapshot_seq, cancellable, error))
    return FALSE;
  if (snapshot_seq == 0)
    return TRUE;
  if (!ed_sync_acked_by_all (self, self->device, &acked, error))
    return FALSE;
  bundles = list_own_bundles (self, cancellable, error);
  if (bundles == NULL)
    return FALSE;
  for (guint i = 0; i < bundles->len; i++)
    {
      OwnBundle *bundle = g_ptr_array_index (bundles, i);

      if (bundle->seq_to > snapshot_seq || bundle->seq_to > acked ||
          now - bundle->written_ms < ED_SYNC_GC_AGE_MS)
        continue;
      if (ed_transport_remove (self->transport, bundle->path, cancellable, NULL))
        removed++;
    }
  if (out_removed != NULL)
    *out_removed = removed;
  return TRUE;
}

/**
 * _ed_sync_snapshot_is_due:
 * @self: a member desk's sync
 * @out_due: (out): whether a run should write a snapshot now
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Due when this desk's bundles beyond its own last snapshot number more than
 * %ED_SYNC_SNAPSHOT_MAX_BUNDLES or weigh more than %ED_SYNC_SNAPSHOT_MAX_BYTES, or when the
 * newest snapshot on the share is older than %ED_SYNC_SNAPSHOT_MAX_AGE_MS; before the share has
 * any, when this desk's oldest bundle is that old.
 *
 * Returns: whether the share could be read
 */
gboolean
_ed_sync_snapshot_is_due (EdSync        *self,
                          gboolean      *out_due,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GPtrArray) bundles = NULL;
  g_autoptr(GHashTable) covered = _ed_sync_snapshot_held (self);
  gint64 snapshot_seq = ed_sync_held_get (covered, self->device);
  gint64 newest_ms = 0;
  gint64 oldest_ms = G_MAXINT64;
  gint64 now = _ed_sync_now (self);
  guint64 bytes = 0;
  guint n = 0;

  *out_due = FALSE;
  bundles = list_own_bundles (self, cancellable, error);
  if (bundles == NULL || !_ed_sync_newest_snapshot_ms (self, &newest_ms, cancellable, error))
    return FALSE;
  for (guint i = 0; i < bundles->len; i++)
    {
      OwnBundle *bundle = g_ptr_array_index (bundles, i);

      oldest_ms = MIN (oldest_ms, bundle->written_ms);
      if (bundle->seq_to <= snapshot_seq)
        continue;
      n++;
      bytes += bundle->size;
    }
  if (n > ED_SYNC_SNAPSHOT_MAX_BUNDLES || bytes > ED_SYNC_SNAPSHOT_MAX_BYTES)
    *out_due = TRUE;
  else if (newest_ms > 0)
    *out_due = now - newest_ms > ED_SYNC_SNAPSHOT_MAX_AGE_MS;
  else
    *out_due = bundles->len > 0 && now - oldest_ms > ED_SYNC_SNAPSHOT_MAX_AGE_MS;
  return TRUE;
}
