/* ed-sync-acks.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "changes/ed-replica.h"
#include "changes/ed-state-hash.h"
#include "sync/ed-share-names.h"
#include "sync/ed-sync-acks.h"
#include "sync/ed-sync-private.h"
#include "sync/ed-sync-tables.h"

/* How many numbers an ack tries when others of this desk's processes took the one before. */
#define ACK_NUMBER_ATTEMPTS 8

/* Acknowledgements (SYNC.md §4.5, §4.7): after a sync that brought ops in or sent them out,
 * a desk writes acks/a-<device>-<n>.json, signed with its own key: the version vector it
 * holds (for each desk, the last seq up to which it holds every op) and its state hash. Other
 * desks read each desk's newest, check its signature against the roster, and keep it in
 * sync_desk: it is what lets a desk remove its old bundles once everyone has them (GC), and
 * lets a desk built from a snapshot check its state against a peer's.
 *
 * A desk removes only its own older acks; it never touches another desk's. */

void
ed_sync_ack_free (EdSyncAck *ack)
{
  if (ack == NULL)
    return;
  g_free (ack->device);
  g_clear_pointer (&ack->held, g_hash_table_unref);
  g_free (ack->state_hash);
  g_free (ack);
}

static GHashTable *
held_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
held_set (GHashTable *held,
          const char *device,
          gint64      seq)
{
  g_hash_table_insert (held, g_strdup (device), g_memdup2 (&seq, sizeof seq));
}

/**
 * ed_sync_held_get:
 * @held: (element-type utf8 gint64): a version vector
 * @device: a desk
 *
 * Returns: the last seq of @device's ops held without a gap, 0 when none
 */
gint64
ed_sync_held_get (GHashTable *held,
                  const char *device)
{
  gint64 *seq = g_hash_table_lookup (held, device);

  return seq != NULL ? *seq : 0;
}

static const char held_sql[] =
  "SELECT device, max (seq), count (*) FROM op_log GROUP BY device";

/* The end of the first run of seqs from 1, for a desk whose ops arrived with a gap. */
static const char first_gap_sql[] =
  "SELECT coalesce (min (o.seq), 0) FROM op_log o WHERE o.device = ?1 AND NOT EXISTS "
  "(SELECT 1 FROM op_log p WHERE p.device = o.device AND p.seq = o.seq + 1) AND EXISTS "
  "(SELECT 1 FROM op_log q WHERE q.device = ?1 AND q.seq = 1)";

typedef struct
{
  GHashTable *held;
  GPtrArray  *gapped;
} HeldRows;

static gboolean
held_row_cb (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  HeldRows *rows = user_data;
  const char *device = (const char *)sqlite3_column_text (stmt, 0);
  gint64 max = sqlite3_column_int64 (stmt, 1);
  gint64 count = sqlite3_column_int64 (stmt, 2);

  if (count == max)
    held_set (rows->held, device, max);
  else
    g_ptr_array_add (rows->gapped, g_strdup (device));
  return TRUE;
}

static gboolean
first_int_cb (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  *(gint64 *)user_data = sqlite3_column_int64 (stmt, 0);
  return FALSE;
}

/**
 * ed_sync_version_vector:
 * @database: a district
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type utf8 gint64): for each desk whose ops this district
 *   holds, the last seq up to which it holds all of them
 */
GHashTable *
ed_sync_version_vector (EdDatabase  *database,
                        GError     **error)
{
  g_autoptr(GHashTable) held = held_new ();
  g_autoptr(GPtrArray) gapped = g_ptr_array_new_with_free_func (g_free);
  HeldRows rows = { held, gapped };
  sqlite3_stmt *stmt = ed_database_cached (database, held_sql, error);

  if (stmt == NULL || !ed_database_step_rows (database, stmt, held_row_cb, &rows, error))
    return NULL;
  for (guint i = 0; i < gapped->len; i++)
    {
      const char *device = g_ptr_array_index (gapped, i);
      gint64 end = 0;

      stmt = ed_database_cached (database, first_gap_sql, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, device, -1, SQLITE_TRANSIENT);
      if (!ed_database_step_rows (database, stmt, first_int_cb, &end, error))
        return NULL;
      held_set (held, device, end);
    }
  return g_steal_pointer (&held);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/**
 * ed_sync_held_to_json:
 * @held: (element-type utf8 gint64): a version vector
 *
 * Returns: (transfer full): it as a JSON object, its members in byte order, so that two equal
 *   vectors give equal text
 */
char *
ed_sync_held_to_json (GHashTable *held)
{
  g_autoptr(GPtrArray) devices = g_ptr_array_new ();
  GString *text = g_string_new ("{");
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, held);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (devices, key);

  g_ptr_array_sort (devices, compare_strings);
  for (guint i = 0; i < devices->len; i++)
    {
      const char *device = g_ptr_array_index (devices, i);

      g_string_append_printf (text, "%s\"%s\": %" G_GINT64_FORMAT, i > 0 ? ", " : "", device,
                              ed_sync_held_get (held, device));
    }
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

static GHashTable *
held_from_object (JsonObject *object)
{
  g_autoptr(GHashTable) held = held_new ();
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0)
        return NULL;
      held_set (held, l->data, json_node_get_int (node));
    }
  return g_steal_pointer (&held);
}

/**
 * ed_sync_held_from_json:
 * @text: a version vector as ed_sync_held_to_json() writes it
 *
 * Returns: (transfer full) (nullable): the vector, or %NULL when @text is not one
 */
GHashTable *
ed_sync_held_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return held_from_object (json_node_get_object (json_parser_get_root (parser)));
}

/**
 * ed_sync_held_covers:
 * @held: (element-type utf8 gint64): a version vector
 * @other: (element-type utf8 gint64): another
 *
 * Returns: whether @held holds every op @other does
 */
gboolean
ed_sync_held_covers (GHashTable *held,
                     GHashTable *other)
{
  GHashTableIter iter;
  gpointer device;
  gpointer seq;

  g_hash_table_iter_init (&iter, other);
  while (g_hash_table_iter_next (&iter, &device, &seq))
    if (ed_sync_held_get (held, device) < *(gint64 *)seq)
      return FALSE;
  return TRUE;
}

/* acks/a-<device>-<n>.json: the device and n, or FALSE for another name. */
static gboolean
parse_ack_name (const char  *name,
                char       **out_device,
                gint64      *out_n)
{
  const char *dash;
  g_autofree char *number = NULL;

  if (!g_str_has_prefix (name, "a-") || !g_str_has_suffix (name, ".json"))
    return FALSE;
  dash = strrchr (name, '-');
  if (dash == NULL || dash < name + 3)
    return FALSE;
  number = g_strndup (dash + 1, strlen (dash + 1) - strlen (".json"));
  if (!g_ascii_string_to_signed (number, 10, 1, G_MAXINT64, out_n, NULL))
    return FALSE;
  *out_device = g_strndup (name + 2, dash - (name + 2));
  return TRUE;
}

static GBytes *
ack_seal (EdSync     *self,
          gint64      n,
          const char *held,
          const char *state_hash,
          gint64      hlc)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *inner = NULL;
  g_autofree char *signature_text = NULL;
  guint8 signature[ED_SIGNATURE_BYTES];
  char *text;
  gsize length;

  inner = g_strdup_printf ("{\"team\": \"%s\", \"device\": \"%s\", \"n\": %" G_GINT64_FORMAT
                           ", \"hlc\": %" G_GINT64_FORMAT ", \"state_hash\": \"%s\", "
                           "\"held\": %s}", self->team->team, self->device, n, hlc,
                           state_hash, held);
  ed_sync_sign (self->keys, (const guint8 *)inner, strlen (inner), signature);
  signature_text = ed_sync_base64_encode (signature, ED_SIGNATURE_BYTES);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ack");
  json_builder_add_string_value (builder, inner);
  json_builder_set_member_name (builder, "signature");
  json_builder_add_string_value (builder, signature_text);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static gboolean
bad_ack (GError    **error,
         const char *path,
         const char *what)
{
  g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_BAD_FILE,
               _("%s is not an acknowledgement this desk can read: %s"), path, what);
  return FALSE;
}

/**
 * ed_sync_ack_parse:
 * @file: an ack file's contents
 * @path: its path on the share, for messages
 * @desks: (element-type utf8 EdTeamDesk): the team's desks, whose keys check the signature
 * @team: the team's id
 * @error: return location for what is wrong with it
 *
 * Reads an acknowledgement and checks that the desk its name gives signed it.
 *
 * Returns: (transfer full) (nullable): the acknowledgement
 */
EdSyncAck *
ed_sync_ack_parse (GBytes      *file,
                   const char  *path,
                   GHashTable  *desks,
                   const char  *team,
                   GError     **error)
{
  g_autoptr(JsonParser) outer_parser = json_parser_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(EdSyncAck) ack = g_new0 (EdSyncAck, 1);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *named_device = NULL;
  guint8 signature[ED_SIGNATURE_BYTES];
  JsonObject *outer;
  JsonObject *object;
  const char *inner;
  const char *signature_text;
  EdTeamDesk *desk;
  gint64 named_n;

  if (!parse_ack_name (name, &named_device, &named_n))
    {
      bad_ack (error, path, _("its name is not a-<desk>-<number>.json"));
      return NULL;
    }
  if (g_bytes_get_size (file) == 0 ||
      !json_parser_load_from_data (outer_parser, g_bytes_get_data (file, NULL),
                                   (gssize)g_bytes_get_size (file), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (outer_parser)))
    {
      bad_ack (error, path, _("expected a JSON object with “ack” and “signature”"));
      return NULL;
    }
  outer = json_node_get_object (json_parser_get_root (outer_parser));
  inner = json_object_get_string_member_with_default (outer, "ack", NULL);
  signature_text = json_object_get_string_member_with_default (outer, "signature", NULL);
  if (inner == NULL || signature_text == NULL ||
      !ed_sync_base64_decode_exact (signature_text, signature, ED_SIGNATURE_BYTES))
    {
      bad_ack (error, path, _("expected the members “ack” (text) and “signature” (64 bytes "
                              "in base64)"));
      return NULL;
    }
  desk = g_hash_table_lookup (desks, named_device);
  if (desk == NULL)
    {
      bad_ack (error, path, _("the desk its name gives is not one of the team’s"));
      return NULL;
    }
  if (!ed_sync_verify (desk->sign_public, (const guint8 *)inner, strlen (inner), signature))
    {
      bad_ack (error, path, _("its signature is not its desk’s"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, inner, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      bad_ack (error, path, _("expected “ack” to hold a JSON object"));
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "team", NULL), team) != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "device", NULL),
                 named_device) != 0 ||
      json_object_get_int_member_with_default (object, "n", -1) != named_n)
    {
      bad_ack (error, path, _("expected its team, desk and number to be those of its name "
                              "and of this team"));
      return NULL;
    }
  ack->device = g_steal_pointer (&named_device);
  ack->n = named_n;
  ack->hlc = json_object_get_int_member_with_default (object, "hlc", 0);
  ack->state_hash = g_strdup (json_object_get_string_member_with_default (object, "state_hash",
                                                                          ""));
  if (json_object_has_member (object, "held") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "held")))
    ack->held = held_from_object (json_object_get_object_member (object, "held"));
  if (ack->held == NULL)
    {
      bad_ack (error, path, _("expected “held” to map each desk to a whole number"));
      return NULL;
    }
  return g_steal_pointer (&ack);
}

/* Every ack name on the share: device → (newest n, its name). */
typedef struct
{
  gint64  n;
  char   *name;
} Newest;

static void
newest_free (Newest *newest)
{
  g_free (newest->name);
  g_free (newest);
}

static GHashTable *
list_newest_acks (EdSync        *self,
                  GPtrArray    **out_own_old,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GPtrArray) entries = ed_transport_list (self->transport, ED_SHARE_ACKS, cancellable,
                                                    error);
  g_autoptr(GHashTable) newest = NULL;
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);

  if (entries == NULL)
    return NULL;
  newest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)newest_free);
  for (guint i = 0; i < entries->len; i++)
    {
      EdShareEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *device = NULL;
      Newest *known;
      gint64 n;

      if (entry->is_folder || ed_share_is_temporary (entry->name) ||
          !parse_ack_name (entry->name, &device, &n))
        continue;
      if (g_strcmp0 (device, self->device) == 0)
        g_ptr_array_add (own, g_strdup (entry->name));
      known = g_hash_table_lookup (newest, device);
      if (known != NULL && known->n >= n)
        continue;
      known = g_new0 (Newest, 1);
      known->n = n;
      known->name = g_strdup (entry->name);
      g_hash_table_insert (newest, g_steal_pointer (&device), known);
    }
  if (out_own_old != NULL)
    *out_own_old = g_steal_pointer (&own);
  return g_steal_pointer (&newest);
}

static const char ack_update_sql[] =
  "UPDATE sync_desk SET ack_hlc = ?2, ack_held = ?3, ack_state_hash = ?4 "
  "WHERE device = ?1 AND ack_hlc <= ?2";

static gboolean
store_ack (EdSync     *self,
           EdSyncAck  *ack,
           GError    **error)
{
  EdDatabase *database = ed_context_get_database (self->context);
  sqlite3_stmt *stmt = ed_database_cached (database, ack_update_sql, error);
  g_autofree char *held = ed_sync_held_to_json (ack->held);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ack->device, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, ack->hlc);
  sqlite3_bind_text (stmt, 3, held, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, ack->state_hash, -1, SQLITE_TRANSIENT);
  return ed_database_step_reset (database, stmt, error);
}

/**
 * ed_sync_read_acks:
 * @self: a desk's sync, its roster read
 * @out_acks: (out) (optional) (transfer full) (element-type utf8 EdSyncAck): the newest ack of
 *   each desk that checked
 * @cancellable: (nullable): to stop
 * @error: return location for an error of this desk's own
 *
 * Reads each desk's newest acknowledgement and keeps what it says in sync_desk. One that does
 * not check (still arriving, or forged) is left out: the desk's earlier one stands.
 *
 * Returns: whether the acks were read
 */
gboolean
ed_sync_read_acks (EdSync        *self,
                   GHashTable   **out_acks,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GHashTable) newest = NULL;
  g_autoptr(GHashTable) acks = NULL;
  GHashTableIter iter;
  gpointer value;

  if (self->desks == NULL && !_ed_sync_refresh_team (self, cancellable, error))
    return FALSE;
  newest = list_newest_acks (self, NULL, cancellable, error);
  if (newest == NULL)
    return FALSE;
  acks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify)ed_sync_ack_free);
  g_hash_table_iter_init (&iter, newest);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Newest *known = value;
      g_autofree char *path = g_strdup_printf (ED_SHARE_ACKS "/%s", known->name);
      g_autoptr(GBytes) bytes = ed_transport_read (self->transport, path, cancellable, NULL);
      EdSyncAck *ack;

      if (bytes == NULL)
        continue;
      ack = ed_sync_ack_parse (bytes, path, self->desks, self->team->team, NULL);
      if (ack == NULL)
        continue;
      if (!store_ack (self, ack, error))
        {
          ed_sync_ack_free (ack);
          return FALSE;
        }
      g_hash_table_insert (acks, g_strdup (ack->device), ack);
    }
  if (out_acks != NULL)
    *out_acks = g_steal_pointer (&acks);
  return TRUE;
}

/**
 * ed_sync_write_ack:
 * @self: a member desk's sync
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Writes this desk's acknowledgement of what it holds now, then removes its own older ones.
 *
 * Returns: whether it was written
 */
gboolean
ed_sync_write_ack (EdSync        *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  EdDatabase *database = ed_context_get_database (self->context);
  g_autoptr(GHashTable) newest = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GHashTable) held = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autofree char *held_text = NULL;
  g_autofree char *state_hash = NULL;
  g_autofree char *path = NULL;
  Newest *mine;
  gint64 n;

  newest = list_newest_acks (self, &own, cancellable, error);
  if (newest == NULL)
    return FALSE;
  mine = g_hash_table_lookup (newest, self->device);
  /* After the newest on the share as well as this desk's own count: a database restored from
   * a backup must not write a number it wrote before. */
  n = MAX (ed_sync_state_get_int (database, "ack-n", 0), mine != NULL ? mine->n : 0) + 1;
  held = ed_sync_version_vector (database, error);
  if (held == NULL)
    return FALSE;
  state_hash = ed_state_hash (ED_REPLICA (self->context), FALSE, error);
  if (state_hash == NULL)
    return FALSE;
  held_text = ed_sync_held_to_json (held);
  /* Another process of this desk (the app's background sync and a script's "sync now") may
   * take the same number at the same moment: the next number is as good. */
  for (guint attempt = 0;; attempt++, n++)
    {
      g_autoptr(GError) local_error = NULL;

      g_clear_pointer (&file, g_bytes_unref);
      g_clear_pointer (&path, g_free);
      file = ack_seal (self, n, held_text, state_hash,
                       ed_hlc_tick (ed_replica_get_hlc (ED_REPLICA (self->context))));
      path = ed_share_ack_path (self->device, n);
      if (_ed_sync_write_whole (self->transport, path, file, cancellable, &local_error))
        break;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) ||
          attempt >= ACK_NUMBER_ATTEMPTS)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (!ed_sync_state_set_int (database, "ack-n", n, error))
    return FALSE;

  for (guint i = 0; i < own->len; i++)
    {
      g_autofree char *old = g_strdup_printf (ED_SHARE_ACKS "/%s",
                                              (char *)g_ptr_array_index (own, i));

      /* Best effort: an old ack left behind is only read as older than the newest. */
      if (g_strcmp0 (old, path) != 0)
        ed_transport_remove (self->transport, old, cancellable, NULL);
    }
  return TRUE;
}

static const char ack_held_sql[] =
  "SELECT device, state, ack_held FROM sync_desk";

typedef struct
{
  const char *of_device;
  gint64      min_held;
  gboolean    all_acked;
} MinHeld;

static gboolean
min_held_cb (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  MinHeld *min = user_data;
  const char *state = (const char *)sqlite3_column_text (stmt, 1);
  g_autoptr(GHashTable) held = NULL;

  if (g_strcmp0 (state, ed_desk_state_to_string (ED_DESK_MEMBER)) != 0)
    return TRUE;
  held = ed_sync_held_from_json ((const char *)sqlite3_column_text (stmt, 2));
  if (held == NULL)
    {
      min->min_held = 0;
      return FALSE;
    }
  min->min_held = MIN (min->min_held, ed_sync_held_get (held, min->of_device));
  return TRUE;
}

/**
 * ed_sync_acked_by_all:
 * @self: a desk's sync, its acks read
 * @device: a desk whose ops are asked about
 * @out_seq: (out): the last of @device's ops every member desk's newest ack shows it holds
 * @error: return location for an error
 *
 * Desks taken out of the team do not count: they will never read more.
 *
 * Returns: whether it could be worked out
 */
gboolean
ed_sync_acked_by_all (EdSync      *self,
                      const char  *device,
                      gint64      *out_seq,
                      GError     **error)
{
  EdDatabase *database = ed_context_get_database (self->context);
  sqlite3_stmt *stmt = ed_database_cached (database, ack_held_sql, error);
  MinHeld min = { device, G_MAXINT64, TRUE };

  *out_seq = 0;
  if (stmt == NULL || !ed_database_step_rows (database, stmt, min_held_cb, &min, error))
    return FALSE;
  *out_seq = min.min_held == G_MAXINT64 ? 0 : min.min_held;
  return TRUE;
}
