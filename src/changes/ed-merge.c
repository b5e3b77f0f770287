/* ed-merge.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-replica-private.h"
#include "changes/ed-merge.h"
#include "changes/ed-op.h"
#include "changes/ed-validate.h"
#include "core/ed-value-error.h"

/* Applying other desks' ops (SYNC.md §4.4): one transaction per batch, so a bad batch leaves
 * nothing behind; idempotent, because an op already held is ignored; order-independent,
 * because heads follow from pred whatever the order, and each touched row is derived again
 * from its heads once the whole batch is in. */

static const char peer_clock_sql[] =
  "INSERT INTO peer_clock (device, max_hlc, ahead_ms, last_seen_ms) VALUES (?1, ?2, ?3, ?4) "
  "ON CONFLICT (device) DO UPDATE SET "
  "ahead_ms = CASE WHEN excluded.max_hlc > max_hlc THEN excluded.ahead_ms ELSE ahead_ms END, "
  "max_hlc = max(max_hlc, excluded.max_hlc), last_seen_ms = excluded.last_seen_ms";
static const char alarm_sql[] =
  "INSERT INTO integrity_alarm (device, seq, received_ms, stored, received) "
  "VALUES (?1, ?2, ?3, ?4, ?5)";
static const char skewed_peers_sql[] =
  "SELECT device, ahead_ms FROM peer_clock WHERE abs(ahead_ms) > ?1 ORDER BY device";

typedef struct
{
  char *tbl;
  char *pk;
} RowKey;

static void
row_key_free (RowKey *key)
{
  g_free (key->tbl);
  g_free (key->pk);
  g_free (key);
}

static gboolean
note_peer_clock (EdReplica   *replica,
                 const EdOp  *op,
                 GError     **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  EdHlc *hlc = ed_replica_get_hlc (replica);
  gint64 wall = ed_hlc_wall_ms (hlc);
  sqlite3_stmt *stmt = ed_database_cached (database, peer_clock_sql, error);

  /* A clock more than an hour ahead is not followed (ed_hlc_receive()); the peer is still
   * noted, so a person can be told which desk's clock is wrong. */
  ed_hlc_receive (hlc, op->hlc);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, op->device, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, op->hlc);
  sqlite3_bind_int64 (stmt, 3, ed_hlc_get_ms (op->hlc) - wall);
  sqlite3_bind_int64 (stmt, 4, wall);
  return ed_database_step_reset (database, stmt, error);
}

/* Kept after the rollback, in a transaction of its own: an alarm must outlive the batch that
 * raised it. */
static void
record_alarm (EdReplica  *replica,
              const EdOp *received)
{
  EdDatabase *database = ed_replica_get_database (replica);
  EdOpStore *store = _ed_replica_get_op_store (replica);
  g_autoptr(EdOp) stored = _ed_op_store_load_op (store, received->device, received->seq, NULL);
  g_autoptr(JsonNode) stored_node = stored != NULL ? ed_op_to_json (stored) : NULL;
  g_autoptr(JsonNode) received_node = ed_op_to_json (received);
  g_autofree char *stored_text = stored_node != NULL ? json_to_string (stored_node, FALSE)
                                                     : g_strdup ("");
  g_autofree char *received_text = json_to_string (received_node, FALSE);
  sqlite3_stmt *stmt = ed_database_cached (database, alarm_sql, NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, received->device, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, received->seq);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / 1000);
  sqlite3_bind_text (stmt, 4, stored_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, received_text, -1, SQLITE_STATIC);
  if (!ed_database_step_reset (database, stmt, NULL))
    g_warning ("Could not record the integrity alarm for %s:%" G_GINT64_FORMAT,
               received->device, received->seq);
  /* Recorded, and reported to the caller as an error; not a programming error to warn of. */
  g_debug ("Integrity alarm: op %s:%" G_GINT64_FORMAT " arrived with different content",
           received->device, received->seq);
}

static const char foreign_op_sql[] =
  "SELECT 1 FROM op_log WHERE device <> ?1 LIMIT 1";

/**
 * ed_merge_get_district_id:
 * @replica: a desk
 * @error: return location for an error
 *
 * The district a desk belongs to is its identity row (ed_schema_set_identity_table()): every
 * batch it exports names it, and every batch it applies is checked against it.
 *
 * Returns: (transfer full) (nullable): the id of the district's row, or %NULL without an
 *   error for a desk of no district yet
 */
char *
ed_merge_get_district_id (EdReplica  *replica,
                          GError    **error)
{
  const char *identity;
  EdDatabase *database;
  g_autofree char *district = NULL;
  char *sql;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_REPLICA (replica), NULL);

  identity = ed_schema_get_identity_table (ed_replica_get_schema (replica));
  database = ed_replica_get_database (replica);
  if (identity == NULL)
    return NULL;

  sql = sqlite3_mprintf ("SELECT pk FROM op_log WHERE tbl = %Q AND kind = 'ins' "
                         "ORDER BY device, seq LIMIT 1", identity);
  stmt = ed_database_cached (database, sql, error);
  sqlite3_free (sql);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    district = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&district);
}

/* Whether this desk holds ops it received from other desks. */
static gboolean
holds_received_ops (EdReplica  *replica,
                    gboolean   *out_holds,
                    GError    **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  sqlite3_stmt *stmt = ed_database_cached (database, foreign_op_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ed_replica_get_device_id (replica), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  *out_holds = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
refuse_district (GError     **error,
                 const char  *format,
                 ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse_district (GError     **error,
                 const char  *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (ED_CHANGE_ERROR, ED_CHANGE_ERROR_OTHER_DISTRICT,
                                                format, args));
  va_end (args);
  return FALSE;
}

/* The name the district whose own row is @pk has for people (its council's), from this
 * desk's copy of the row or else from the batch's ops on it; %NULL when neither has it. */
static char *
district_name (EdReplica  *replica,
               GPtrArray  *ops,
               const char *pk)
{
  EdSchema *schema = ed_replica_get_schema (replica);
  const char *identity = ed_schema_get_identity_table (schema);
  const char *column = ed_schema_get_identity_name_column (schema);
  char *name = NULL;
  char *sql;
  sqlite3_stmt *stmt;

  if (column == NULL)
    return NULL;

  sql = sqlite3_mprintf ("SELECT \"%w\" FROM \"%w\" WHERE id = ?1", column, identity);
  stmt = ed_database_cached (ed_replica_get_database (replica), sql, NULL);
  sqlite3_free (sql);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, pk, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  for (guint i = 0; name == NULL && i < ops->len; i++)
    {
      const EdOp *op = g_ptr_array_index (ops, i);
      g_autoptr(JsonNode) node = NULL;

      /* Read before the batch's values are checked: a hostile value must not crash json-glib. */
      if (g_strcmp0 (op->tbl, identity) != 0 || g_strcmp0 (op->pk, pk) != 0 || op->val == NULL ||
          !ed_json_depth_ok (op->val, strlen (op->val)))
        continue;
      node = json_from_string (op->val, NULL);
      if (node == NULL)
        continue;
      if (op->kind == ED_OP_INS && JSON_NODE_HOLDS_OBJECT (node) &&
          json_object_has_member (json_node_get_object (node), column))
        name = g_strdup (ed_json_get_string (json_node_get_object (node), column));
      else if (op->kind == ED_OP_SET && g_strcmp0 (op->col, column) == 0 &&
               JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        name = g_strdup (json_node_get_string (node));
    }
  return name;
}

/* One district for a person: its name, quoted safely, and its id in full, since ids made
 * at about the same time share their first characters. */
static char *
describe_district (EdReplica  *replica,
                   GPtrArray  *ops,
                   const char *pk)
{
  g_autofree char *name = district_name (replica, ops, pk);
  g_autofree char *shown = NULL;

  if (name == NULL || name[0] == '\0')
    /* Translators: a district named by its id alone */
    return g_strdup_printf (_("district %s"), pk);
  shown = ed_value_display_text (name);
  /* Translators: a district: its council's name, then its id */
  return g_strdup_printf (_("“%s” (district %s)"), shown, pk);
}

/* The other district and this desk's, each by its council's name and its full id. */
static gboolean
refuse_other_district (EdReplica   *replica,
                       GPtrArray   *ops,
                       const char  *theirs,
                       const char  *ours,
                       GError     **error)
{
  g_autofree char *theirs_shown = describe_district (replica, ops, theirs);
  g_autofree char *ours_shown = describe_district (replica, ops, ours);

  return refuse_district (error,
                          _("These changes belong to another district, %s, not to this desk’s, "
                            "%s; nothing was applied. Open that district to apply them."),
                          theirs_shown, ours_shown);
}

/* Whose ops these are (SYNC.md §4.4). Rows of most tables say nothing of their district, so
 * an incremental batch of another district looks like one of this district's: the batch's
 * own word for its district (@declared, from the ops file's header) is what is checked, and
 * the district's own row, when the batch holds it, must agree with it. A batch that does not
 * say (a file of the first format) is taken only when it holds this district's own row. A
 * desk of no district yet takes a district only from its first batch, and only with the
 * district's own row, so that it never holds one district's changes under another's name. */
static gboolean
check_same_district (EdReplica   *replica,
                     const char  *declared,
                     GPtrArray   *ops,
                     GError     **error)
{
  const char *identity = ed_schema_get_identity_table (ed_replica_get_schema (replica));
  g_autoptr(GError) local_error = NULL;
  g_autofree char *local_id = NULL;
  const char *creating = NULL;
  const char *expected;

  if (identity == NULL)
    return TRUE;

  local_id = ed_merge_get_district_id (replica, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (declared != NULL && local_id != NULL && strcmp (declared, local_id) != 0)
    return refuse_other_district (replica, ops, declared, local_id, error);

  for (guint i = 0; i < ops->len && creating == NULL; i++)
    {
      const EdOp *op = g_ptr_array_index (ops, i);

      if (op->kind == ED_OP_INS && g_strcmp0 (op->tbl, identity) == 0)
        creating = op->pk;
    }

  expected = local_id != NULL ? local_id : declared != NULL ? declared : creating;
  for (guint i = 0; i < ops->len; i++)
    {
      const EdOp *op = g_ptr_array_index (ops, i);

      if (g_strcmp0 (op->tbl, identity) != 0)
        continue;
      if (expected == NULL)
        expected = op->pk;
      if (g_strcmp0 (op->pk, expected) == 0)
        continue;
      if (local_id != NULL)
        return refuse_other_district (replica, ops, op->pk, local_id, error);
      {
        g_autofree char *first = describe_district (replica, ops, expected);
        g_autofree char *second = describe_district (replica, ops, op->pk);

        return refuse_district (error, _("These changes mix %s and %s; nothing was applied."),
                                first, second);
      }
    }

  if (local_id != NULL)
    {
      if (declared == NULL && g_strcmp0 (creating, local_id) != 0)
        {
          g_autofree char *ours_shown = describe_district (replica, ops, local_id);

          return refuse_district (error,
                                  _("These changes do not say which district they belong to, "
                                    "and do not hold this desk’s district, %s, itself; nothing "
                                    "was applied. Export them again with this version."),
                                  ours_shown);
        }
      return TRUE;
    }

  if (declared != NULL && creating == NULL)
    {
      g_autofree char *theirs_shown = describe_district (replica, ops, declared);

      return refuse_district (error,
                              _("This desk has no district yet, and these changes of %s do not "
                                "hold the district itself; nothing was applied. Apply a full "
                                "export of that district first."), theirs_shown);
    }
  if (creating != NULL)
    {
      gboolean holds = FALSE;

      if (!holds_received_ops (replica, &holds, error))
        return FALSE;
      if (holds)
        {
          g_autofree char *theirs_shown = describe_district (replica, ops, creating);

          return refuse_district (error,
                                  _("This desk already holds changes of no district, so it "
                                    "cannot take on %s; nothing was applied. Apply the changes "
                                    "to a new file."), theirs_shown);
        }
    }
  return TRUE;
}

/* Values are typed on arrival (SYNC.md §4.4): every op of the batch is checked before any is
 * applied, so a bad value refuses the whole batch. */
static gboolean
check_values (EdReplica  *replica,
              GPtrArray  *ops,
              GError    **error)
{
  EdSchema *schema = ed_replica_get_schema (replica);

  for (guint i = 0; i < ops->len; i++)
    {
      const EdOp *op = g_ptr_array_index (ops, i);
      g_autoptr(GError) local_error = NULL;

      if (!ed_op_check_value (op, schema, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Change %s:%" PRId64 " was refused, and nothing was applied: %s"),
                       op->device, op->seq, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
apply_in_transaction (EdReplica     *replica,
                      GPtrArray     *ops,
                      EdMergeStats  *stats,
                      const EdOp   **out_bad_op,
                      GError       **error)
{
  EdOpStore *store = _ed_replica_get_op_store (replica);
  const char *own_device = ed_replica_get_device_id (replica);
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify)row_key_free);

  for (guint i = 0; i < ops->len; i++)
    {
      const EdOp *op = g_ptr_array_index (ops, i);
      g_autofree char *key = NULL;
      gboolean is_new;

      if (!_ed_op_store_integrate (store, op, &is_new, error))
        {
          *out_bad_op = op;
          return FALSE;
        }
      if (!is_new)
        {
          stats->duplicates++;
          continue;
        }
      stats->applied++;

      if (g_strcmp0 (op->device, own_device) != 0 && !note_peer_clock (replica, op, error))
        return FALSE;

      key = g_strdup_printf ("%s\x1f%s", op->tbl, op->pk);
      if (!g_hash_table_contains (touched, key))
        {
          RowKey *row = g_new0 (RowKey, 1);

          row->tbl = g_strdup (op->tbl);
          row->pk = g_strdup (op->pk);
          g_ptr_array_add (keys, row);
          g_hash_table_add (touched, g_steal_pointer (&key));
        }
    }

  for (guint i = 0; i < keys->len; i++)
    {
      RowKey *row = g_ptr_array_index (keys, i);

      if (!_ed_op_store_recompute (store, row->tbl, row->pk, error))
        return FALSE;
    }

  if (stats->applied == 0)
    return TRUE;
  return _ed_replica_save_hlc (replica, error) &&
         ed_schema_refresh_derived_indexes (ed_replica_get_schema (replica), replica, error) &&
         ed_validate_run (replica, error);
}

/**
 * ed_merge_apply:
 * @replica: the district
 * @district: (nullable): the district the batch says it belongs to, as the exporting desk's
 *   ed_merge_get_district_id() gave it; %NULL when the batch does not say (a file of the
 *   first format, or a desk of no district)
 * @ops: (element-type EdOp): ops from other desks, in any order, duplicates allowed
 * @out_stats: (out) (optional): how many were new and how many already here
 * @error: return location for an error; %ED_CHANGE_ERROR_OTHER_DISTRICT when the batch is
 *   another district's or does not show whose it is, %ED_CHANGE_ERROR_BAD_VALUE when a value
 *   is not of its column's type, %ED_CHANGE_ERROR_INTEGRITY when an op id arrives with content
 *   different from the op held under it (an alarm is kept); the batch is then refused whole
 *
 * Checks the batch, then applies it in one transaction and runs the validators.
 */
gboolean
ed_merge_apply (EdReplica     *replica,
                const char    *district,
                GPtrArray     *ops,
                EdMergeStats  *out_stats,
                GError       **error)
{
  return ed_merge_apply_full (replica, district, ops, NULL, NULL, out_stats, error);
}

/**
 * ed_merge_apply_full:
 * @replica: the district
 * @district: (nullable): as for ed_merge_apply()
 * @ops: (element-type EdOp): as for ed_merge_apply()
 * @also: (nullable) (scope call): more to write in the same transaction once the ops are
 *   applied, such as a sync ledger's record that they were; its failure rolls back the batch
 * @also_data: data for @also
 * @out_stats: (out) (optional): how many were new and how many already here
 * @error: return location for an error, as for ed_merge_apply()
 *
 * ed_merge_apply(), with a desk's own bookkeeping committed with the batch or not at all.
 */
gboolean
ed_merge_apply_full (EdReplica          *replica,
                     const char         *district,
                     GPtrArray          *ops,
                     EdMergeAlsoFunc     also,
                     gpointer            also_data,
                     EdMergeStats       *out_stats,
                     GError            **error)
{
  EdDatabase *database;
  EdWriteCheck *check;
  EdMergeStats stats = { 0, 0 };
  const EdOp *bad_op = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (ED_IS_REPLICA (replica), FALSE);
  g_return_val_if_fail (ops != NULL, FALSE);

  database = ed_replica_get_database (replica);
  check = _ed_replica_get_write_check (replica);

  /* Writes made outside change sets before this point would be hidden by the pause. */
  if (!_ed_write_check_begin (check, error))
    return FALSE;
  if (!ed_database_begin (database, error))
    return FALSE;

  _ed_write_check_pause (check);
  ok = check_same_district (replica, district, ops, &local_error) &&
       check_values (replica, ops, &local_error) &&
       apply_in_transaction (replica, ops, &stats, &bad_op, &local_error) &&
       (also == NULL || also (replica, &stats, also_data, &local_error)) &&
       ed_database_commit (database, &local_error);
  _ed_write_check_resume (check);

  if (!ok)
    {
      ed_database_rollback (database);
      if (bad_op != NULL && g_error_matches (local_error, ED_CHANGE_ERROR,
                                             ED_CHANGE_ERROR_INTEGRITY))
        record_alarm (replica, bad_op);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (out_stats != NULL)
    *out_stats = stats;

  return stats.applied == 0 ||
         _ed_replica_merged (replica, error);
}

/**
 * ed_merge_export:
 * @replica: the district
 * @since: (nullable) (element-type utf8 gint64): device → the highest seq the receiver holds
 *   already (a pointer to a gint64); ops of other devices are all exported
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdOp): the ops to send, by device and seq
 */
GPtrArray *
ed_merge_export (EdReplica   *replica,
                 GHashTable  *since,
                 GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *ops;

  g_return_val_if_fail (ED_IS_REPLICA (replica), NULL);

  all = _ed_op_store_all_ops (_ed_replica_get_op_store (replica), error);
  if (all == NULL)
    return NULL;
  if (since == NULL)
    return g_steal_pointer (&all);

  ops = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_op_free);
  for (guint i = 0; i < all->len; i++)
    {
      EdOp *op = g_ptr_array_index (all, i);
      const gint64 *held = g_hash_table_lookup (since, op->device);

      if (held == NULL || op->seq > *held)
        g_ptr_array_add (ops, ed_op_copy (op));
    }
  return ops;
}

/**
 * ed_merge_export_device:
 * @replica: the district
 * @device: a device id, usually this desk's own
 * @after_seq: the last of its ops the receiver holds already (0 for none)
 * @limit: the most ops to return, so that a long history goes in several batches
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdOp): @device's ops after @after_seq, by seq
 */
GPtrArray *
ed_merge_export_device (EdReplica   *replica,
                        const char  *device,
                        gint64       after_seq,
                        guint        limit,
                        GError     **error)
{
  g_return_val_if_fail (ED_IS_REPLICA (replica), NULL);
  g_return_val_if_fail (device != NULL, NULL);

  return _ed_op_store_device_ops (_ed_replica_get_op_store (replica), device, after_seq, limit,
                                  error);
}

/**
 * ed_merge_list_clock_warnings:
 * @replica: the district
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type utf8): a sentence for each desk whose clock was more
 *   than five minutes off this desk's when its latest ops arrived
 */
GPtrArray *
ed_merge_list_clock_warnings (EdReplica  *replica,
                              GError    **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = ed_database_cached (database, skewed_peers_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ED_HLC_SKEW_FLAG_MS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *device = (const char *)sqlite3_column_text (stmt, 0);
      gint64 ahead_ms = sqlite3_column_int64 (stmt, 1);
      gint64 minutes = ABS (ahead_ms) / 60000;

      /* Only "ahead" can be told from ops: an op made long ago looks behind. */
      if (ahead_ms < 0)
        continue;
      if (minutes >= 2 * 24 * 60)
        g_ptr_array_add (warnings, g_strdup_printf (_("Desk %.8s’s clock is %d days ahead"),
                                                    device, (int)(minutes / (24 * 60))));
      else
        g_ptr_array_add (warnings, g_strdup_printf (_("Desk %.8s’s clock is %d minutes ahead"),
                                                    device, (int)minutes));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&warnings);
}
