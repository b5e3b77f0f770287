/* test-merge-simulator.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The deterministic merge simulator of SYNC.md §4.12. Three desks, each an in-memory context
 * with its own skewed clock, make random edits and exchange random, shuffled, duplicated and
 * delayed subsets of their op logs. After a heal phase in which everything reaches everyone,
 * the properties P1–P4, P6 and P7 must hold. Everything random comes from one GRand seeded
 * with the seed (device ids and row ids included), so a failing seed replays exactly:
 *
 *   ED_SIM_SEED=N [ED_SIM_STEPS=S] test-merge-simulator
 *
 * ED_MERGE_SIM_SEEDS, else ED_SIM_SEEDS (default 2000), and ED_SIM_FIRST_SEED (default 1)
 * choose the seeds of the four
 * shards /sync/simulator/shard-0 … shard-3, which meson runs as separate processes so that
 * they use every core; ED_SIM_CONTROL_SEEDS (default 100) those of the negative control.
 * ED_SIM_TRACE=1 prints the action trace of a replayed seed even when it
 * passes. */

#define G_LOG_DOMAIN "ed-test-simulator"

#include "config.h"

#include "ed-modules.h"
#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-conflicts.h"
#include "district/ed-context-private.h"
#include "changes/ed-merge.h"
#include "changes/ed-op.h"
#include "changes/ed-state-hash.h"

#define N_DESKS 3
#define N_SHARDS 4
#define N_COLUMNS 4
#define DEFAULT_SEEDS 2000
#define DEFAULT_STEPS 200
#define CONTROL_SEEDS 100
#define TRACE_TAIL_LINES 60
#define HOUR_MS (G_GINT64_CONSTANT (60) * 60 * 1000)
#define DAY_MS (24 * HOUR_MS)
/* 2026-05-07 09:00 BST, polling day: any fixed instant will do, as long as it never changes. */
#define EPOCH_MS G_GINT64_CONSTANT (1778140800000)

static const EdColumnDef thing_columns[N_COLUMNS] = {
  { "name", ED_VALUE_TEXT },
  { "count", ED_VALUE_INTEGER },
  { "flag", ED_VALUE_BOOLEAN },
  { "note", ED_VALUE_TEXT },
};

static const EdModule * const no_modules[] = { NULL };

static const EdTableDef thing_table = {
  "thing", thing_columns, N_COLUMNS,
};

static const char create_thing_sql[] =
  "CREATE TABLE thing (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', "
  "count INTEGER NOT NULL DEFAULT 0, flag INTEGER NOT NULL DEFAULT 0, "
  "note TEXT NOT NULL DEFAULT '') STRICT";

static const char select_rows_sql[] =
  "SELECT id, name, count, flag, note FROM thing ORDER BY id";

/* Small value domains, so that desks often write equal values concurrently (which must not
 * conflict) as well as different ones (which must). The text is NFC, some of it not ASCII. */
static const char * const text_values[] = {
  "",
  "Ashdown",
  "Brackley",
  "Cwm Rhondda",
  "D\xc3\xban Laoghaire",
  "Ysgol G\xc3\xaf",
  "postal vote",
};

/* Each desk's skew from the true time: one 2 days slow, one 3 years fast, one right. */
static const gint64 desk_skew_ms[N_DESKS] = {
  -2 * DAY_MS,
  G_GINT64_CONSTANT (3) * 365 * DAY_MS,
  0,
};

typedef struct
{
  gint64 base_ms;     /* the desk's idea of the epoch */
  gint64 offset_ms;   /* moves on by small steps; moves back an hour on a "restart" */
} SimClock;

/* One op ever made anywhere, as its desk first exported it, with what the simulator knows
 * about it. */
typedef struct
{
  EdOp       *op;
  char       *id;
  int         col_index;            /* the column of a set, -1 for "__row" ops */
  GVariant   *values[N_COLUMNS];    /* an ins: every column; a set: values[col_index] */
  GHashTable *seen;                 /* ids of ops on the same field its desk held when it made it */
  guint       desk;
  guint       step;
} SimOp;

typedef struct
{
  EdContext  *context;
  SimClock    clock;
  char       *device;
  GHashTable *held;          /* op id → SimOp*: what this desk holds, as far as we know */
  GHashTable *held_by_row;   /* pk → GPtrArray of SimOp* */
  GPtrArray  *inbox;         /* batches (GPtrArray of borrowed EdOp*) not yet delivered */
  gint64      last_seq;
  gint64      last_hlc;
  gboolean    changed;       /* made or took ops in this step: check it against the model */
  GHashTable *naive;         /* the last-arrival-wins control: "pk\037col" → GVariant* */
} SimDesk;

typedef struct
{
  guint ops;
  guint applies;
  guint value_conflicts;     /* open after heal */
  guint delete_conflicts;    /* open after heal */
  guint resolutions;
  guint conflicted_edits;
  guint restarts;
} SimStats;

typedef struct
{
  guint       seed;
  guint       n_steps;
  guint       step;
  const char *phase;
  GRand      *rand;
  EdSchema   *schema;
  SimDesk     desks[N_DESKS];
  GHashTable *ops;           /* op id → SimOp*, owned */
  GPtrArray  *op_list;       /* the same, in the order they were made */
  GPtrArray  *row_ids;       /* every row ever inserted */
  GString    *trace;
  gboolean    keep_trace;
  char       *failure;
  char       *final_hash;    /* desk 0's, with heads, after heal */
  gboolean    naive_diverged;
  SimStats    stats;
} Sim;

static const char *program_path = "test-merge-simulator";
static gboolean trace_ops;    /* ED_SIM_TRACE=2: every op made and every batch, in the trace */

/* P7 makes the core raise its integrity alarm on purpose; should it log the alarm as a
 * warning, that warning is expected then, and only then. */
static gboolean expecting_alarm;
static gboolean show_debug;

/* Failures */

static gboolean sim_fail (Sim        *sim,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);

/* Records the first failure of a seed and returns FALSE so callers can `return sim_fail (…)`. */
static gboolean
sim_fail (Sim        *sim,
          const char *format,
          ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (sim->failure != NULL)
    return FALSE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (g_strcmp0 (sim->phase, "step") == 0)
    sim->failure = g_strdup_printf ("step %u: %s", sim->step, message);
  else
    sim->failure = g_strdup_printf ("%s: %s", sim->phase, message);
  return FALSE;
}

static gboolean
sim_fail_error (Sim        *sim,
                const char *what,
                guint       desk,
                GError     *error)
{
  return sim_fail (sim, "desk %u: %s failed: %s (%s %d)", desk, what,
                   error != NULL ? error->message : "no error set",
                   error != NULL ? g_quark_to_string (error->domain) : "-",
                   error != NULL ? error->code : 0);
}

static void sim_trace (Sim        *sim,
                       const char *format,
                       ...) G_GNUC_PRINTF (2, 3);

static void
sim_trace (Sim        *sim,
           const char *format,
           ...)
{
  va_list args;

  if (!sim->keep_trace)
    return;
  g_string_append_printf (sim->trace, "%s %3u: ", sim->phase, sim->step);
  va_start (args, format);
  g_string_append_vprintf (sim->trace, format, args);
  va_end (args);
  g_string_append_c (sim->trace, '\n');
}

/* Random choices */

static guint
rand_below (Sim   *sim,
            guint  n)
{
  g_assert (n > 0);
  return (guint)g_rand_int_range (sim->rand, 0, (gint32)n);
}

static gboolean
rand_chance (Sim    *sim,
             double  p)
{
  return g_rand_double (sim->rand) < p;
}

static void
shuffle (Sim       *sim,
         GPtrArray *array)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = rand_below (sim, i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

/* A UUIDv4 drawn from the seed, so that device and row ids replay too. */
static char *
rand_uuid (Sim *sim)
{
  guint8 b[16];

  for (guint i = 0; i < G_N_ELEMENTS (b); i++)
    b[i] = (guint8)rand_below (sim, 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
                          b[11], b[12], b[13], b[14], b[15]);
}

static GVariant *
rand_value (Sim  *sim,
            guint col)
{
  switch (thing_columns[col].type)
    {
    case ED_VALUE_TEXT:
      return g_variant_ref_sink (g_variant_new_string (
        text_values[rand_below (sim, G_N_ELEMENTS (text_values))]));
    case ED_VALUE_INTEGER:
      return g_variant_ref_sink (g_variant_new_int64 ((gint64)rand_below (sim, 4)));
    case ED_VALUE_BOOLEAN:
      return g_variant_ref_sink (g_variant_new_boolean (rand_chance (sim, 0.5)));
    case ED_VALUE_MONEY:
    case ED_VALUE_DATE:
    default:
      g_assert_not_reached ();
    }
}

/* A value of the column's type that differs from @value. */
static GVariant *
other_value (guint     col,
             GVariant *value)
{
  switch (thing_columns[col].type)
    {
    case ED_VALUE_TEXT:
      {
        g_autofree char *text = g_strconcat (g_variant_get_string (value, NULL), "x", NULL);

        return g_variant_ref_sink (g_variant_new_string (text));
      }
    case ED_VALUE_INTEGER:
      return g_variant_ref_sink (g_variant_new_int64 (g_variant_get_int64 (value) + 1));
    case ED_VALUE_BOOLEAN:
      return g_variant_ref_sink (g_variant_new_boolean (!g_variant_get_boolean (value)));
    case ED_VALUE_MONEY:
    case ED_VALUE_DATE:
    default:
      g_assert_not_reached ();
    }
}

static char *
value_to_string (GVariant *value)
{
  return value != NULL ? g_variant_print (value, FALSE) : g_strdup ("(none)");
}

static char *
short_id (const char *id)
{
  /* The first 8 hex digits name a desk or row well enough in a trace. */
  const char *colon = strrchr (id, ':');

  if (colon != NULL)
    return g_strdup_printf ("%.8s%s", id, colon);
  return g_strndup (id, 8);
}

/* Clocks */

static gint64
sim_clock_now (gpointer user_data)
{
  SimClock *clock = user_data;

  return clock->base_ms + clock->offset_ms;
}

/* Ops */

static int
column_index (const char *col)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (thing_columns[i].name, col) == 0)
      return (int)i;
  return -1;
}

static void
sim_op_free (SimOp *sop)
{
  ed_op_free (sop->op);
  g_free (sop->id);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&sop->values[i], g_variant_unref);
  g_clear_pointer (&sop->seen, g_hash_table_unref);
  g_free (sop);
}

/* Decodes the values an op writes, so later checks compare GVariants, not JSON spellings. */
static gboolean
sim_op_decode (SimOp   *sop,
               GError **error)
{
  EdOp *op = sop->op;

  sop->col_index = column_index (op->col);
  if (op->kind == ED_OP_SET)
    {
      if (sop->col_index < 0)
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID, "set of unknown column %s",
                       op->col);
          return FALSE;
        }
      sop->values[sop->col_index] = ed_value_from_json (thing_columns[sop->col_index].type,
                                                        op->val, error);
      if (sop->values[sop->col_index] == NULL)
        return FALSE;
      g_variant_ref_sink (sop->values[sop->col_index]);
    }
  else if (op->kind == ED_OP_INS)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;
      JsonObject *object;

      if (op->val == NULL || !json_parser_load_from_data (parser, op->val, -1, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID, "ins without a value");
          return FALSE;
        }
      root = json_parser_get_root (parser);
      if (!JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID, "ins value not an object");
          return FALSE;
        }
      object = json_node_get_object (root);
      for (guint i = 0; i < N_COLUMNS; i++)
        {
          JsonNode *member = json_object_get_member (object, thing_columns[i].name);
          g_autofree char *json = NULL;

          if (member == NULL)
            {
              g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                           "ins value lacks column %s", thing_columns[i].name);
              return FALSE;
            }
          json = json_to_string (member, FALSE);
          sop->values[i] = ed_value_from_json (thing_columns[i].type, json, error);
          if (sop->values[i] == NULL)
            return FALSE;
          g_variant_ref_sink (sop->values[i]);
        }
    }
  return TRUE;
}

/* Whether @sop is one of the versions of field @col (a column, or "__row"): an ins is the
 * first version of every field of its row. */
static gboolean
sim_op_on_field (const SimOp *sop,
                 const char  *col)
{
  return sop->op->kind == ED_OP_INS || g_strcmp0 (sop->op->col, col) == 0;
}

static gboolean
strv_contains0 (char       **strv,
                const char  *id)
{
  return strv != NULL && g_strv_contains ((const char * const *)strv, id);
}

/* Desks */

static GPtrArray *
desk_row_ops (SimDesk    *desk,
              const char *pk)
{
  return g_hash_table_lookup (desk->held_by_row, pk);
}

static void
desk_hold (SimDesk *desk,
           SimOp   *sop)
{
  GPtrArray *row_ops = desk_row_ops (desk, sop->op->pk);

  if (row_ops == NULL)
    {
      row_ops = g_ptr_array_new ();
      g_hash_table_insert (desk->held_by_row, sop->op->pk, row_ops);
    }
  g_ptr_array_add (row_ops, sop);
  g_hash_table_insert (desk->held, sop->id, sop);
}

static char *
naive_key (const char *pk,
           const char *col)
{
  return g_strconcat (pk, "\037", col, NULL);
}

/* The negative control: a merge that takes each op the first time it arrives and lets it
 * overwrite whatever is there. */
static void
naive_take (SimDesk *desk,
            SimOp   *sop)
{
  EdOp *op = sop->op;

  switch (op->kind)
    {
    case ED_OP_INS:
      for (guint i = 0; i < N_COLUMNS; i++)
        g_hash_table_insert (desk->naive, naive_key (op->pk, thing_columns[i].name),
                             g_variant_ref (sop->values[i]));
      /* An ins makes the row live, as a restore does. */
      G_GNUC_FALLTHROUGH;
    case ED_OP_RESTORE:
      g_hash_table_insert (desk->naive, naive_key (op->pk, ED_ROW_COLUMN),
                           g_variant_ref_sink (g_variant_new_boolean (TRUE)));
      break;
    case ED_OP_DEL:
      g_hash_table_insert (desk->naive, naive_key (op->pk, ED_ROW_COLUMN),
                           g_variant_ref_sink (g_variant_new_boolean (FALSE)));
      break;
    case ED_OP_SET:
      g_hash_table_insert (desk->naive, naive_key (op->pk, op->col),
                           g_variant_ref (sop->values[sop->col_index]));
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
naive_state (Sim     *sim,
             SimDesk *desk)
{
  GString *state = g_string_new (NULL);

  for (guint r = 0; r < sim->row_ids->len; r++)
    {
      const char *pk = g_ptr_array_index (sim->row_ids, r);
      g_autofree char *row_key = naive_key (pk, ED_ROW_COLUMN);
      GVariant *live = g_hash_table_lookup (desk->naive, row_key);

      if (live == NULL || !g_variant_get_boolean (live))
        continue;
      g_string_append (state, pk);
      for (guint i = 0; i < N_COLUMNS; i++)
        {
          g_autofree char *key = naive_key (pk, thing_columns[i].name);
          g_autofree char *text = value_to_string (g_hash_table_lookup (desk->naive, key));

          g_string_append_printf (state, "|%s", text);
        }
      g_string_append_c (state, '\n');
    }
  return g_string_free (state, FALSE);
}

static void
sim_desk_clear (SimDesk *desk)
{
  g_clear_object (&desk->context);
  g_clear_pointer (&desk->device, g_free);
  g_clear_pointer (&desk->held, g_hash_table_unref);
  g_clear_pointer (&desk->held_by_row, g_hash_table_unref);
  g_clear_pointer (&desk->inbox, g_ptr_array_unref);
  g_clear_pointer (&desk->naive, g_hash_table_unref);
}

static gboolean
sim_desk_open (Sim   *sim,
               guint  d)
{
  SimDesk *desk = &sim->desks[d];
  g_autoptr(GError) error = NULL;

  desk->clock.base_ms = EPOCH_MS + desk_skew_ms[d];
  desk->clock.offset_ms = 0;
  desk->device = rand_uuid (sim);
  desk->held = g_hash_table_new (g_str_hash, g_str_equal);
  desk->held_by_row = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify)g_ptr_array_unref);
  desk->inbox = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  desk->naive = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)g_variant_unref);
  desk->context = _ed_context_open_full (":memory:", NULL, sim->schema, sim_clock_now,
                                         &desk->clock, desk->device, &error);
  if (desk->context == NULL)
    return sim_fail_error (sim, "open", d, error);
  if (g_strcmp0 (ed_context_get_device_id (desk->context), desk->device) != 0)
    return sim_fail (sim, "desk %u: device id %s, asked for %s", d,
                     ed_context_get_device_id (desk->context), desk->device);
  if (!ed_database_exec (ed_context_get_database (desk->context), create_thing_sql, &error))
    return sim_fail_error (sim, "create table", d, error);
  return TRUE;
}

static void
sim_free (Sim *sim)
{
  for (guint d = 0; d < N_DESKS; d++)
    sim_desk_clear (&sim->desks[d]);
  g_clear_pointer (&sim->rand, g_rand_free);
  g_clear_object (&sim->schema);
  g_clear_pointer (&sim->op_list, g_ptr_array_unref);
  g_clear_pointer (&sim->ops, g_hash_table_unref);
  g_clear_pointer (&sim->row_ids, g_ptr_array_unref);
  if (sim->trace != NULL)
    g_string_free (sim->trace, TRUE);
  g_free (sim->failure);
  g_free (sim->final_hash);
}

/* What a desk shows */

typedef struct
{
  GVariant *values[N_COLUMNS];
} RowValues;

static void
row_values_free (RowValues *row)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&row->values[i], g_variant_unref);
  g_free (row);
}

/* pk → RowValues* of the rows the desk shows, or NULL after sim_fail(). */
static GHashTable *
desk_read_rows (Sim   *sim,
                guint  d)
{
  sqlite3 *db = ed_database_get_handle (ed_context_get_database (sim->desks[d].context));
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify)row_values_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, select_rows_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sim_fail (sim, "desk %u: reading rows: %s", d, sqlite3_errmsg (db));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RowValues *row = g_new0 (RowValues, 1);

      row->values[0] = g_variant_ref_sink (g_variant_new_string (
        (const char *)sqlite3_column_text (stmt, 1)));
      row->values[1] = g_variant_ref_sink (g_variant_new_int64 (sqlite3_column_int64 (stmt, 2)));
      row->values[2] = g_variant_ref_sink (
        g_variant_new_boolean (sqlite3_column_int (stmt, 3) != 0));
      row->values[3] = g_variant_ref_sink (g_variant_new_string (
        (const char *)sqlite3_column_text (stmt, 4)));
      g_hash_table_insert (rows, g_strdup ((const char *)sqlite3_column_text (stmt, 0)), row);
    }
  if (rc != SQLITE_DONE)
    {
      sim_fail (sim, "desk %u: reading rows: %s", d, sqlite3_errmsg (db));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static GPtrArray *
desk_visible_row_ids (Sim   *sim,
                      guint  d)
{
  sqlite3 *db = ed_database_get_handle (ed_context_get_database (sim->desks[d].context));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM thing ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    {
      sim_fail (sim, "desk %u: listing rows: %s", d, sqlite3_errmsg (db));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      sim_fail (sim, "desk %u: listing rows: %s", d, sqlite3_errmsg (db));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  const EdConflict *x = *(EdConflict * const *)a;
  const EdConflict *y = *(EdConflict * const *)b;
  int cmp;

  if ((cmp = g_strcmp0 (x->tbl, y->tbl)) != 0 ||
      (cmp = g_strcmp0 (x->pk, y->pk)) != 0 ||
      (cmp = g_strcmp0 (x->col, y->col)) != 0)
    return cmp;
  return g_strcmp0 (x->kind, y->kind);
}

/* The desk's open conflicts in an order that does not depend on the core's query plans, so
 * that a random pick among them replays. */
static GPtrArray *
desk_conflicts (Sim   *sim,
                guint  d)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = ed_conflicts_list (ED_REPLICA (sim->desks[d].context), &error);

  if (conflicts == NULL)
    {
      sim_fail_error (sim, "ed_conflicts_list", d, error);
      return NULL;
    }
  g_ptr_array_sort (conflicts, compare_conflicts);
  return conflicts;
}

static char *
desk_hash (Sim      *sim,
           guint     d,
           gboolean  with_heads)
{
  g_autoptr(GError) error = NULL;
  char *hash = ed_state_hash (ED_REPLICA (sim->desks[d].context), with_heads, &error);

  if (hash == NULL)
    sim_fail_error (sim, "ed_state_hash", d, error);
  return hash;
}

static GPtrArray *
desk_export (Sim        *sim,
             guint       d,
             GHashTable *since)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *ops = ed_merge_export (ED_REPLICA (sim->desks[d].context), since, &error);

  if (ops == NULL)
    sim_fail_error (sim, "ed_merge_export", d, error);
  return ops;
}

/* The reference model (SYNC.md §4.4), computed from an op set: the expected heads, winners,
 * visibility and conflicts of one row. */

typedef struct
{
  SimOp     *ins;
  GPtrArray *row_heads;                 /* SimOp* */
  GPtrArray *field_heads[N_COLUMNS];    /* SimOp* */
  gboolean   visible;
  gboolean   delete_conflict;
  gboolean   value_conflict[N_COLUMNS];
  SimOp     *winner[N_COLUMNS];
} ModelRow;

static void
model_row_clear (ModelRow *row)
{
  g_clear_pointer (&row->row_heads, g_ptr_array_unref);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&row->field_heads[i], g_ptr_array_unref);
}

static GVariant *
sim_op_value (const SimOp *sop,
              guint        col)
{
  return sop->values[col];
}

/* max (hlc, device): the version shown while a conflict is open. */
static gboolean
sim_op_wins_over (const SimOp *a,
                  const SimOp *b)
{
  if (a->op->hlc != b->op->hlc)
    return a->op->hlc > b->op->hlc;
  return strcmp (a->op->device, b->op->device) > 0;
}

static gboolean
named_in_pred (GPtrArray  *row_ops,
               const char *col,
               const char *id)
{
  for (guint i = 0; i < row_ops->len; i++)
    {
      SimOp *other = g_ptr_array_index (row_ops, i);

      /* Only ops on that field supersede: an ins names nothing, a set only its own column,
       * a del or restore only the row. */
      if (other->op->kind != ED_OP_INS && g_strcmp0 (other->op->col, col) == 0 &&
          strv_contains0 (other->op->pred, id))
        return TRUE;
    }
  return FALSE;
}

static GPtrArray *
model_heads (GPtrArray  *row_ops,
             const char *col)
{
  GPtrArray *heads = g_ptr_array_new ();

  for (guint i = 0; i < row_ops->len; i++)
    {
      SimOp *sop = g_ptr_array_index (row_ops, i);

      if (sim_op_on_field (sop, col) && !named_in_pred (row_ops, col, sop->id))
        g_ptr_array_add (heads, sop);
    }
  return heads;
}

static gboolean
seen_by_row_dels (GPtrArray *row_heads,
                  SimOp     *field_head)
{
  for (guint i = 0; i < row_heads->len; i++)
    {
      SimOp *head = g_ptr_array_index (row_heads, i);

      if (head->op->kind == ED_OP_DEL && strv_contains0 (head->op->seen, field_head->id))
        return TRUE;
    }
  return FALSE;
}

static void
model_row_compute (GPtrArray *row_ops,
                   ModelRow  *row)
{
  gboolean all_dels = TRUE;
  gboolean all_seen = TRUE;

  memset (row, 0, sizeof *row);
  for (guint i = 0; i < row_ops->len; i++)
    {
      SimOp *sop = g_ptr_array_index (row_ops, i);

      if (sop->op->kind == ED_OP_INS)
        row->ins = sop;
    }

  row->row_heads = model_heads (row_ops, ED_ROW_COLUMN);
  for (guint i = 0; i < row->row_heads->len; i++)
    {
      SimOp *head = g_ptr_array_index (row->row_heads, i);

      if (head->op->kind != ED_OP_DEL)
        all_dels = FALSE;
      else
        row->delete_conflict = TRUE;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GPtrArray *heads = model_heads (row_ops, thing_columns[c].name);

      row->field_heads[c] = heads;
      for (guint i = 0; i < heads->len; i++)
        {
          SimOp *head = g_ptr_array_index (heads, i);

          if (!seen_by_row_dels (row->row_heads, head))
            all_seen = FALSE;
          if (row->winner[c] == NULL || sim_op_wins_over (head, row->winner[c]))
            row->winner[c] = head;
          if (!g_variant_equal (sim_op_value (head, c),
                                sim_op_value (g_ptr_array_index (heads, 0), c)))
            row->value_conflict[c] = TRUE;
        }
    }

  row->visible = row->ins != NULL && !(row->row_heads->len > 0 && all_dels && all_seen);
  if (!row->visible)
    row->delete_conflict = FALSE;
}

static EdConflict *
find_conflict (GPtrArray  *conflicts,
               const char *pk,
               const char *col,
               const char *kind)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      EdConflict *conflict = g_ptr_array_index (conflicts, i);

      if (g_strcmp0 (conflict->pk, pk) == 0 && g_strcmp0 (conflict->col, col) == 0 &&
          g_strcmp0 (conflict->kind, kind) == 0)
        return conflict;
    }
  return NULL;
}

static gboolean
conflict_has_head (EdConflict *conflict,
                   const char *id)
{
  for (guint i = 0; i < conflict->heads->len; i++)
    {
      EdConflictHead *head = g_ptr_array_index (conflict->heads, i);

      if (g_strcmp0 (head->op_id, id) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
describe_heads (GPtrArray *heads,
                guint      col)
{
  GString *text = g_string_new ("{");

  for (guint i = 0; i < heads->len; i++)
    {
      SimOp *head = g_ptr_array_index (heads, i);
      g_autofree char *id = short_id (head->id);
      g_autofree char *value = value_to_string (col < N_COLUMNS ? head->values[col] : NULL);

      g_string_append_printf (text, "%s%s %s=%s", i > 0 ? ", " : "", id,
                              ed_op_kind_to_string (head->op->kind), value);
    }
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

/* Checks that what desk @d shows (rows, values, conflicts) is what the reference model derives
 * from the ops it holds. @row_ops_by_pk: pk → GPtrArray of SimOp*. */
static gboolean
check_model (Sim        *sim,
             guint       d,
             GHashTable *row_ops_by_pk)
{
  g_autoptr(GHashTable) rows = desk_read_rows (sim, d);
  g_autoptr(GPtrArray) conflicts = NULL;
  guint n_visible = 0;
  guint n_conflicts = 0;

  if (rows == NULL || (conflicts = desk_conflicts (sim, d)) == NULL)
    return FALSE;

  for (guint r = 0; r < sim->row_ids->len; r++)
    {
      const char *pk = g_ptr_array_index (sim->row_ids, r);
      GPtrArray *row_ops = g_hash_table_lookup (row_ops_by_pk, pk);
      RowValues *shown = g_hash_table_lookup (rows, pk);
      g_autofree char *pk_short = short_id (pk);
      ModelRow model;
      gboolean ok = TRUE;

      if (row_ops == NULL)
        {
          if (shown != NULL)
            return sim_fail (sim, "desk %u shows row %s but holds no op on it", d, pk_short);
          continue;
        }
      model_row_compute (row_ops, &model);

      if (model.visible != (shown != NULL))
        {
          g_autofree char *row_heads = describe_heads (model.row_heads, N_COLUMNS);

          ok = sim_fail (sim, "desk %u: row %s should be %s (row heads %s) but is %s", d,
                         pk_short, model.visible ? "visible" : "deleted", row_heads,
                         shown != NULL ? "visible" : "not shown");
        }
      else if (model.visible)
        {
          EdConflict *conflict;

          n_visible++;
          for (guint c = 0; c < N_COLUMNS && ok; c++)
            {
              GVariant *expected = sim_op_value (model.winner[c], c);

              if (!g_variant_equal (expected, shown->values[c]))
                {
                  g_autofree char *heads = describe_heads (model.field_heads[c], c);
                  g_autofree char *want = value_to_string (expected);
                  g_autofree char *got = value_to_string (shown->values[c]);

                  ok = sim_fail (sim, "desk %u: %s.%s shows %s, the winner of heads %s is %s", d,
                                 pk_short, thing_columns[c].name, got, heads, want);
                  break;
                }

              conflict = find_conflict (conflicts, pk, thing_columns[c].name, "value");
              if ((conflict != NULL) != model.value_conflict[c])
                {
                  g_autofree char *heads = describe_heads (model.field_heads[c], c);

                  ok = sim_fail (sim, "desk %u: %s.%s %s a value conflict; heads %s", d, pk_short,
                                 thing_columns[c].name,
                                 conflict != NULL ? "has" : "lacks", heads);
                  break;
                }
              if (conflict != NULL)
                {
                  n_conflicts++;
                  if (conflict->heads->len != model.field_heads[c]->len)
                    ok = FALSE;
                  for (guint i = 0; i < model.field_heads[c]->len && ok; i++)
                    {
                      SimOp *head = g_ptr_array_index (model.field_heads[c], i);

                      ok = conflict_has_head (conflict, head->id);
                    }
                  if (!ok)
                    {
                      g_autofree char *heads = describe_heads (model.field_heads[c], c);

                      sim_fail (sim, "desk %u: value conflict on %s.%s has %u heads, the model %s",
                                d, pk_short, thing_columns[c].name, conflict->heads->len, heads);
                    }
                }
            }

          conflict = find_conflict (conflicts, pk, ED_ROW_COLUMN, "delete");
          if (ok && (conflict != NULL) != model.delete_conflict)
            {
              g_autofree char *row_heads = describe_heads (model.row_heads, N_COLUMNS);

              ok = sim_fail (sim, "desk %u: row %s %s a delete conflict; row heads %s", d,
                             pk_short, conflict != NULL ? "has" : "lacks", row_heads);
            }
          if (ok && conflict != NULL)
            {
              n_conflicts++;
              for (guint i = 0; i < model.row_heads->len && ok; i++)
                {
                  SimOp *head = g_ptr_array_index (model.row_heads, i);
                  g_autofree char *id = short_id (head->id);

                  if (head->op->kind == ED_OP_DEL && !conflict_has_head (conflict, head->id))
                    ok = sim_fail (sim, "desk %u: delete conflict on %s lacks the del %s", d,
                                   pk_short, id);
                }
            }
        }
      model_row_clear (&model);
      if (!ok)
        return FALSE;
    }

  if (g_hash_table_size (rows) != n_visible)
    return sim_fail (sim, "desk %u shows %u rows, the model %u", d, g_hash_table_size (rows),
                     n_visible);
  /* Conflicts on rows that are not shown are not checked above; none may exist. */
  if (conflicts->len != n_conflicts)
    {
      for (guint i = 0; i < conflicts->len; i++)
        {
          EdConflict *conflict = g_ptr_array_index (conflicts, i);
          g_autofree char *pk_short = short_id (conflict->pk);

          if (!g_hash_table_contains (rows, conflict->pk))
            return sim_fail (sim, "desk %u: %s conflict %s on %s.%s, a row it does not show", d,
                             conflict->kind, conflict->id, pk_short, conflict->col);
        }
      return sim_fail (sim, "desk %u has %u conflicts, the model %u", d, conflicts->len,
                       n_conflicts);
    }
  return TRUE;
}

/* Local changes */

static GHashTable *
since_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
since_table_set (GHashTable *since,
                 const char *device,
                 gint64      seq)
{
  g_hash_table_insert (since, g_strdup (device), g_memdup2 (&seq, sizeof seq));
}

static int
compare_ops_by_id (gconstpointer a,
                   gconstpointer b)
{
  const EdOp *x = *(EdOp * const *)a;
  const EdOp *y = *(EdOp * const *)b;
  int cmp = strcmp (x->device, y->device);

  if (cmp != 0)
    return cmp;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
compare_sim_ops_by_id (gconstpointer a,
                       gconstpointer b)
{
  const SimOp *x = *(SimOp * const *)a;
  const SimOp *y = *(SimOp * const *)b;

  return compare_ops_by_id (&x->op, &y->op);
}

/* Takes in the ops desk @d has just made: they become part of the simulation's op set, with
 * what the desk had seen of their fields (for P6). @expected: how many, or -1 if unknown. */
static gboolean
collect_local_ops (Sim        *sim,
                   guint       d,
                   int         expected,
                   const char *what)
{
  SimDesk *desk = &sim->desks[d];
  g_autoptr(GHashTable) since = since_table_new ();
  g_autoptr(GPtrArray) ops = NULL;

  for (guint j = 0; j < N_DESKS; j++)
    since_table_set (since, sim->desks[j].device, j == d ? desk->last_seq : G_MAXINT64);
  if ((ops = desk_export (sim, d, since)) == NULL)
    return FALSE;
  g_ptr_array_sort (ops, compare_ops_by_id);
  if (expected >= 0 && ops->len != (guint)expected)
    return sim_fail (sim, "desk %u: %s should have made %d ops, its export has %u new", d, what,
                     expected, ops->len);
  if (expected < 0 && ops->len == 0)
    return sim_fail (sim, "desk %u: %s made no op", d, what);

  desk->changed = TRUE;
  for (guint i = 0; i < ops->len; i++)
    {
      EdOp *op = g_ptr_array_index (ops, i);
      g_autoptr(GError) error = NULL;
      GPtrArray *row_ops;
      SimOp *sop;

      if (g_strcmp0 (op->device, desk->device) != 0 || op->seq != desk->last_seq + 1)
        return sim_fail (sim, "desk %u: %s: expected op %" G_GINT64_FORMAT " of this desk, got "
                         "%s:%" G_GINT64_FORMAT, d, what, desk->last_seq + 1, op->device, op->seq);
      if (op->hlc <= desk->last_hlc)
        return sim_fail (sim, "desk %u: %s: HLC went backwards: op %" G_GINT64_FORMAT " has %"
                         G_GINT64_FORMAT " after %" G_GINT64_FORMAT, d, what, op->seq, op->hlc,
                         desk->last_hlc);
      if (g_strcmp0 (op->tbl, thing_table.name) != 0)
        return sim_fail (sim, "desk %u: %s: op on table %s", d, what, op->tbl);

      sop = g_new0 (SimOp, 1);
      sop->op = ed_op_copy (op);
      sop->id = ed_op_get_id (op);
      sop->desk = d;
      sop->step = sim->step;
      sop->seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (sim->ops, sop->id, sop);
      g_ptr_array_add (sim->op_list, sop);
      if (!sim_op_decode (sop, &error))
        return sim_fail_error (sim, "decoding its own op", d, error);

      row_ops = desk_row_ops (desk, op->pk);
      for (guint j = 0; row_ops != NULL && j < row_ops->len; j++)
        {
          SimOp *other = g_ptr_array_index (row_ops, j);

          if (sim_op_on_field (other, op->col))
            g_hash_table_add (sop->seen, other->id);
        }
      if (trace_ops)
        sim_trace (sim, "desk %u made %s %s %s.%s %s pred %s", d, sop->id,
                   ed_op_kind_to_string (op->kind), op->pk, op->col, op->val ?: "-",
                   op->pred != NULL && op->pred[0] != NULL ? op->pred[0] : "-");
      desk_hold (desk, sop);
      naive_take (desk, sop);
      desk->last_seq = op->seq;
      desk->last_hlc = op->hlc;
      sim->stats.ops++;
    }
  return TRUE;
}

static EdChangeSet *
begin (Sim   *sim,
       guint  d)
{
  g_autoptr(GError) error = NULL;
  EdChangeSet *change_set = ed_change_set_begin (ED_REPLICA (sim->desks[d].context), &error);

  if (change_set == NULL)
    sim_fail_error (sim, "ed_change_set_begin", d, error);
  return change_set;
}

static gboolean
commit (Sim         *sim,
        guint        d,
        EdChangeSet *change_set,
        const char  *what)
{
  g_autoptr(GError) error = NULL;
  guint n_ops = ed_change_set_get_n_ops (change_set);

  if (!ed_change_set_commit (change_set, &error))
    return sim_fail_error (sim, what, d, error);
  return collect_local_ops (sim, d, (int)n_ops, what);
}

static gboolean
set_field (Sim         *sim,
           guint        d,
           EdChangeSet *change_set,
           const char  *pk,
           guint        col,
           GVariant    *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pk_short = short_id (pk);
  g_autofree char *text = value_to_string (value);

  sim_trace (sim, "desk %u set %s.%s = %s", d, pk_short, thing_columns[col].name, text);
  if (!ed_change_set_set (change_set, thing_table.name, pk, thing_columns[col].name, value,
                          &error))
    return sim_fail_error (sim, "ed_change_set_set", d, error);
  return TRUE;
}

/* The field must now show @value without a conflict: the desk's own latest set is its only
 * version. */
static gboolean
check_field_shows (Sim        *sim,
                   guint       d,
                   const char *pk,
                   guint       col,
                   GVariant   *value)
{
  g_autoptr(GHashTable) rows = desk_read_rows (sim, d);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *pk_short = short_id (pk);
  RowValues *row;

  if (rows == NULL || (conflicts = desk_conflicts (sim, d)) == NULL)
    return FALSE;
  row = g_hash_table_lookup (rows, pk);
  if (row == NULL)
    return sim_fail (sim, "desk %u: row %s vanished after an edit", d, pk_short);
  if (!g_variant_equal (row->values[col], value))
    {
      g_autofree char *want = value_to_string (value);
      g_autofree char *got = value_to_string (row->values[col]);

      return sim_fail (sim, "desk %u: %s.%s shows %s right after it was set to %s", d, pk_short,
                       thing_columns[col].name, got, want);
    }
  if (find_conflict (conflicts, pk, thing_columns[col].name, "value") != NULL)
    return sim_fail (sim, "desk %u: %s.%s still has a value conflict after an edit with every "
                     "head as pred", d, pk_short, thing_columns[col].name);
  return TRUE;
}

static gboolean
check_row_shown (Sim        *sim,
                 guint       d,
                 const char *pk,
                 gboolean    expected)
{
  g_autoptr(GHashTable) rows = desk_read_rows (sim, d);
  g_autofree char *pk_short = short_id (pk);

  if (rows == NULL)
    return FALSE;
  if (g_hash_table_contains (rows, pk) != expected)
    return sim_fail (sim, "desk %u: row %s should be %s", d, pk_short,
                     expected ? "shown" : "gone");
  return TRUE;
}

static gboolean
action_insert (Sim   *sim,
               guint  d)
{
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pk = rand_uuid (sim);
  g_autofree char *pk_short = short_id (pk);
  const char *columns[N_COLUMNS];
  GVariant *values[N_COLUMNS];
  guint n = 0;
  gboolean ok;

  for (guint c = 0; c < N_COLUMNS; c++)
    if (rand_chance (sim, 0.7))
      {
        columns[n] = thing_columns[c].name;
        values[n] = rand_value (sim, c);
        n++;
      }
  sim_trace (sim, "desk %u insert %s (%u columns)", d, pk_short, n);
  g_ptr_array_add (sim->row_ids, g_strdup (pk));

  if ((change_set = begin (sim, d)) == NULL)
    ok = FALSE;
  else
    ok = ed_change_set_insert (change_set, thing_table.name, pk, columns,
                               (GVariant * const *)values, n, NULL, &error) ||
         sim_fail_error (sim, "ed_change_set_insert", d, error);
  for (guint i = 0; i < n; i++)
    g_variant_unref (values[i]);
  if (!ok)
    return FALSE;

  /* Sometimes a form saves a field of the row it has just created, in the same change set. */
  if (rand_chance (sim, 0.15))
    {
      guint col = rand_below (sim, N_COLUMNS);
      g_autoptr(GVariant) value = rand_value (sim, col);

      if (!set_field (sim, d, change_set, pk, col, value) ||
          !commit (sim, d, change_set, "insert and set"))
        return FALSE;
      return check_field_shows (sim, d, pk, col, value);
    }
  if (!commit (sim, d, change_set, "insert"))
    return FALSE;
  return check_row_shown (sim, d, pk, TRUE);
}

static gboolean
action_edit (Sim   *sim,
             guint  d)
{
  g_autoptr(GPtrArray) ids = desk_visible_row_ids (sim, d);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GVariant) last_value = NULL;
  const char *pk;
  const char *last_pk = NULL;
  guint last_col = 0;
  guint n_rows;

  if (ids == NULL)
    return FALSE;
  if (ids->len == 0)
    return action_insert (sim, d);
  if ((change_set = begin (sim, d)) == NULL)
    return FALSE;

  /* A form save: one to three fields of a row, now and then of two rows. */
  n_rows = rand_chance (sim, 0.1) ? 2 : 1;
  for (guint r = 0; r < n_rows; r++)
    {
      guint n_fields = 1 + rand_below (sim, 3);
      guint first_col = rand_below (sim, N_COLUMNS);

      pk = g_ptr_array_index (ids, rand_below (sim, ids->len));
      for (guint f = 0; f < n_fields; f++)
        {
          guint col = (first_col + f) % N_COLUMNS;

          g_clear_pointer (&last_value, g_variant_unref);
          last_value = rand_value (sim, col);
          if (!set_field (sim, d, change_set, pk, col, last_value))
            return FALSE;
          last_pk = pk;
          last_col = col;
        }
    }
  if (!commit (sim, d, change_set, "edit"))
    return FALSE;
  return check_field_shows (sim, d, last_pk, last_col, last_value);
}

static gboolean
action_delete (Sim   *sim,
               guint  d)
{
  g_autoptr(GPtrArray) ids = desk_visible_row_ids (sim, d);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pk_short = NULL;
  const char *pk;

  if (ids == NULL)
    return FALSE;
  if (ids->len == 0)
    return action_insert (sim, d);
  pk = g_ptr_array_index (ids, rand_below (sim, ids->len));
  pk_short = short_id (pk);
  sim_trace (sim, "desk %u delete %s", d, pk_short);
  if ((change_set = begin (sim, d)) == NULL)
    return FALSE;
  if (!ed_change_set_delete (change_set, thing_table.name, pk, &error))
    return sim_fail_error (sim, "ed_change_set_delete", d, error);
  if (!commit (sim, d, change_set, "delete"))
    return FALSE;
  return check_row_shown (sim, d, pk, FALSE);
}

static gboolean
action_restore (Sim   *sim,
                guint  d)
{
  g_autoptr(GPtrArray) ids = desk_visible_row_ids (sim, d);
  g_autoptr(GPtrArray) deleted = g_ptr_array_new ();
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *pk_short = NULL;
  const char *pk;

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (shown, g_ptr_array_index (ids, i));
  /* Rows this desk holds the ins of but does not show are deleted on it. */
  for (guint r = 0; r < sim->row_ids->len; r++)
    {
      const char *row_id = g_ptr_array_index (sim->row_ids, r);
      GPtrArray *row_ops = desk_row_ops (&sim->desks[d], row_id);
      gboolean has_ins = FALSE;

      for (guint i = 0; row_ops != NULL && i < row_ops->len; i++)
        if (((SimOp *)g_ptr_array_index (row_ops, i))->op->kind == ED_OP_INS)
          has_ins = TRUE;
      if (has_ins && !g_hash_table_contains (shown, row_id))
        g_ptr_array_add (deleted, (gpointer)row_id);
    }
  if (deleted->len == 0)
    return action_delete (sim, d);

  pk = g_ptr_array_index (deleted, rand_below (sim, deleted->len));
  pk_short = short_id (pk);
  sim_trace (sim, "desk %u restore %s", d, pk_short);
  if ((change_set = begin (sim, d)) == NULL)
    return FALSE;
  if (!ed_change_set_restore (change_set, thing_table.name, pk, &error))
    return sim_fail_error (sim, "ed_change_set_restore", d, error);
  if (!commit (sim, d, change_set, "restore"))
    return FALSE;
  return check_row_shown (sim, d, pk, TRUE);
}

/* Resolves a conflict through the conflict dialog's calls, or (@by_edit) by a plain edit of a
 * conflicted field, which must resolve it just the same. */
static gboolean
action_resolve (Sim      *sim,
                guint     d,
                gboolean  by_edit)
{
  g_autoptr(GPtrArray) conflicts = desk_conflicts (sim, d);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pk_short = NULL;
  EdConflict *conflict;

  if (conflicts == NULL)
    return FALSE;
  for (guint i = 0; i < conflicts->len; i++)
    {
      conflict = g_ptr_array_index (conflicts, i);
      if (!by_edit || g_strcmp0 (conflict->kind, "value") == 0)
        g_ptr_array_add (candidates, conflict);
    }
  if (candidates->len == 0)
    return action_edit (sim, d);

  conflict = g_ptr_array_index (candidates, rand_below (sim, candidates->len));
  pk_short = short_id (conflict->pk);

  if (g_strcmp0 (conflict->kind, "value") == 0)
    {
      int col = column_index (conflict->col);
      g_autoptr(GVariant) value = NULL;

      if (col < 0)
        return sim_fail (sim, "desk %u: value conflict %s on unknown column %s", d, conflict->id,
                         conflict->col);
      /* People mostly pick one of the versions shown, sometimes type a new one. */
      if (rand_chance (sim, 0.7) && conflict->heads->len > 0)
        {
          EdConflictHead *head = g_ptr_array_index (conflict->heads,
                                                    rand_below (sim, conflict->heads->len));

          value = ed_value_from_json (thing_columns[col].type, head->value_json, &error);
          if (value == NULL)
            return sim_fail_error (sim, "decoding a conflict head's value", d, error);
          g_variant_ref_sink (value);
        }
      else
        value = rand_value (sim, (guint)col);

      if (by_edit)
        {
          g_autoptr(EdChangeSet) change_set = begin (sim, d);

          sim_trace (sim, "desk %u edit conflicted field:", d);
          sim->stats.conflicted_edits++;
          if (change_set == NULL ||
              !set_field (sim, d, change_set, conflict->pk, (guint)col, value) ||
              !commit (sim, d, change_set, "edit of a conflicted field"))
            return FALSE;
        }
      else
        {
          g_autofree char *text = value_to_string (value);

          sim_trace (sim, "desk %u resolve value conflict %s.%s = %s", d, pk_short, conflict->col,
                     text);
          sim->stats.resolutions++;
          if (!ed_conflicts_resolve_value (ED_REPLICA (sim->desks[d].context), conflict->id, value, &error))
            return sim_fail_error (sim, "ed_conflicts_resolve_value", d, error);
          if (!collect_local_ops (sim, d, -1, "resolve value"))
            return FALSE;
        }
      return check_field_shows (sim, d, conflict->pk, (guint)col, value);
    }
  else
    {
      gboolean keep = rand_chance (sim, 0.5);
      g_autofree char *pk_copy = g_strdup (conflict->pk);

      sim_trace (sim, "desk %u resolve delete conflict on %s: %s", d, pk_short,
                 keep ? "keep" : "delete");
      sim->stats.resolutions++;
      if (!ed_conflicts_resolve_delete (ED_REPLICA (sim->desks[d].context), conflict->id, keep, &error))
        return sim_fail_error (sim, "ed_conflicts_resolve_delete", d, error);
      if (!collect_local_ops (sim, d, -1, "resolve delete"))
        return FALSE;
      if ((after = desk_conflicts (sim, d)) == NULL)
        return FALSE;
      if (find_conflict (after, pk_copy, ED_ROW_COLUMN, "delete") != NULL)
        return sim_fail (sim, "desk %u: the delete conflict on %s is still open after it was "
                         "resolved", d, pk_short);
      return check_row_shown (sim, d, pk_copy, keep);
    }
}

/* A change set abandoned half way must leave no op and no change. */
static gboolean
action_abandon (Sim   *sim,
                guint  d)
{
  g_autoptr(GPtrArray) ids = desk_visible_row_ids (sim, d);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *pk = rand_uuid (sim);

  if (ids == NULL || (before = desk_hash (sim, d, TRUE)) == NULL)
    return FALSE;
  sim_trace (sim, "desk %u abandon a change set", d);
  if ((change_set = begin (sim, d)) == NULL)
    return FALSE;
  if (!ed_change_set_insert (change_set, thing_table.name, pk, NULL, NULL, 0, NULL, &error))
    return sim_fail_error (sim, "ed_change_set_insert", d, error);
  if (ids->len > 0)
    {
      const char *row_id = g_ptr_array_index (ids, rand_below (sim, ids->len));
      guint col = rand_below (sim, N_COLUMNS);
      g_autoptr(GVariant) value = rand_value (sim, col);

      if (!set_field (sim, d, change_set, row_id, col, value))
        return FALSE;
    }
  ed_change_set_rollback (change_set);
  g_clear_object (&change_set);

  if ((after = desk_hash (sim, d, TRUE)) == NULL)
    return FALSE;
  if (g_strcmp0 (before, after) != 0)
    return sim_fail (sim, "desk %u: a rolled back change set changed the state hash", d);
  return collect_local_ops (sim, d, 0, "rolled back change set");
}

/* Delivery */

/* The highest seq of each desk that @d holds with no gap before it: what a real desk would
 * ask for. */
static GHashTable *
desk_contiguous_since (Sim   *sim,
                       guint  d)
{
  GHashTable *since = since_table_new ();

  for (guint j = 0; j < N_DESKS; j++)
    {
      gint64 seq = 0;

      for (;;)
        {
          g_autofree char *id = ed_op_id_make (sim->desks[j].device, seq + 1);

          if (!g_hash_table_contains (sim->desks[d].held, id))
            break;
          seq++;
        }
      since_table_set (since, sim->desks[j].device, seq);
    }
  return since;
}

/* Maps a desk's export onto the simulation's ops, checking that the desk holds exactly what
 * we think it holds (@since: what the export left out), each op unchanged. */
static GPtrArray *
map_export (Sim        *sim,
            guint       d,
            GPtrArray  *exported,
            GHashTable *since)
{
  g_autoptr(GPtrArray) sops = g_ptr_array_new ();
  g_autoptr(GHashTable) got = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < exported->len; i++)
    {
      EdOp *op = g_ptr_array_index (exported, i);
      g_autofree char *id = ed_op_get_id (op);
      SimOp *sop = g_hash_table_lookup (sim->ops, id);
      gint64 *after = since != NULL ? g_hash_table_lookup (since, op->device) : NULL;

      if (sop == NULL)
        {
          sim_fail (sim, "desk %u exported op %s, which no desk made", d, id);
          return NULL;
        }
      if (!ed_op_content_equal (op, sop->op))
        {
          sim_fail (sim, "desk %u exported op %s with content different from what its desk made",
                    d, id);
          return NULL;
        }
      if (!g_hash_table_contains (sim->desks[d].held, id))
        {
          sim_fail (sim, "desk %u exported op %s, which it was never given", d, id);
          return NULL;
        }
      if (after != NULL && op->seq <= *after)
        {
          sim_fail (sim, "desk %u exported op %s though asked only for seq > %" G_GINT64_FORMAT,
                    d, id, *after);
          return NULL;
        }
      if (!g_hash_table_add (got, sop->id))
        {
          sim_fail (sim, "desk %u exported op %s twice", d, id);
          return NULL;
        }
      g_ptr_array_add (sops, sop);
    }

  g_hash_table_iter_init (&iter, sim->desks[d].held);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SimOp *sop = value;
      gint64 *after = since != NULL ? g_hash_table_lookup (since, sop->op->device) : NULL;

      if ((after == NULL || sop->op->seq > *after) && !g_hash_table_contains (got, sop->id))
        {
          sim_fail (sim, "desk %u holds op %s but did not export it", d, sop->id);
          return NULL;
        }
    }
  return g_steal_pointer (&sops);
}

/* Applies one batch on desk @d: it must take exactly the ops it did not hold. */
static gboolean
deliver (Sim       *sim,
         guint      d,
         GPtrArray *batch)
{
  SimDesk *desk = &sim->desks[d];
  g_autoptr(GHashTable) fresh = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  EdMergeStats stats = { 0 };
  EdHlc *hlc = ed_context_get_hlc (desk->context);
  gint64 hlc_before = ed_hlc_get_last (hlc);
  gint64 hlc_after;
  gint64 wall;

  for (guint i = 0; i < batch->len; i++)
    {
      EdOp *op = g_ptr_array_index (batch, i);
      g_autofree char *id = ed_op_get_id (op);
      SimOp *sop = g_hash_table_lookup (sim->ops, id);

      if (!g_hash_table_contains (desk->held, sop->id))
        g_hash_table_add (fresh, sop->id);
      if (trace_ops)
        sim_trace (sim, "  %s", sop->id);
    }
  sim_trace (sim, "desk %u apply %u ops (%u new)", d, batch->len, g_hash_table_size (fresh));

  sim->stats.applies++;
  desk->changed = TRUE;
  if (!ed_merge_apply (ED_REPLICA (desk->context), NULL, batch, &stats, &error))
    return sim_fail_error (sim, "ed_merge_apply", d, error);
  if (stats.applied != g_hash_table_size (fresh) ||
      stats.applied + stats.duplicates != batch->len)
    return sim_fail (sim, "desk %u: a batch of %u ops with %u new ones gave applied %u, "
                     "duplicates %u", d, batch->len, g_hash_table_size (fresh), stats.applied,
                     stats.duplicates);

  /* The control sees the same ops in the same order, each the first time it arrives. */
  for (guint i = 0; i < batch->len; i++)
    {
      EdOp *op = g_ptr_array_index (batch, i);
      g_autofree char *id = ed_op_get_id (op);
      SimOp *sop = g_hash_table_lookup (sim->ops, id);

      if (!g_hash_table_contains (desk->held, sop->id))
        {
          desk_hold (desk, sop);
          naive_take (desk, sop);
        }
    }

  /* §4.2: never follow a clock more than an hour ahead of this desk's own. */
  hlc_after = ed_hlc_get_last (hlc);
  wall = sim_clock_now (&desk->clock);
  if (hlc_after < hlc_before)
    return sim_fail (sim, "desk %u: its HLC went back from %" G_GINT64_FORMAT " to %"
                     G_GINT64_FORMAT " in a merge", d, hlc_before, hlc_after);
  if (hlc_after > hlc_before &&
      ed_hlc_get_ms (hlc_after) > MAX (ed_hlc_get_ms (hlc_before), wall + ED_HLC_MAX_AHEAD_MS))
    return sim_fail (sim, "desk %u followed a clock %" G_GINT64_FORMAT " ms ahead of its own", d,
                     ed_hlc_get_ms (hlc_after) - wall);
  return TRUE;
}

static GPtrArray *
batch_from (GPtrArray *sops)
{
  GPtrArray *batch = g_ptr_array_sized_new (sops->len);

  for (guint i = 0; i < sops->len; i++)
    g_ptr_array_add (batch, ((SimOp *)g_ptr_array_index (sops, i))->op);
  return batch;
}

/* Desk @d sends a random part of what it holds to another desk: shuffled, with some ops twice,
 * applied at once or left in the other desk's inbox for later. */
static gboolean
action_send (Sim   *sim,
             guint  d)
{
  static const double fractions[] = { 0.2, 0.5, 0.9, 1.0 };
  guint to = (d + 1 + rand_below (sim, N_DESKS - 1)) % N_DESKS;
  g_autoptr(GHashTable) since = rand_chance (sim, 0.3) ? desk_contiguous_since (sim, to) : NULL;
  g_autoptr(GPtrArray) exported = NULL;
  g_autoptr(GPtrArray) sops = NULL;
  g_autoptr(GPtrArray) picked = g_ptr_array_new ();
  double fraction = fractions[rand_below (sim, G_N_ELEMENTS (fractions))];
  guint n_batches;

  if ((exported = desk_export (sim, d, since)) == NULL ||
      (sops = map_export (sim, d, exported, since)) == NULL)
    return FALSE;
  /* The core's export order is its own business; ours must replay. */
  g_ptr_array_sort (sops, compare_sim_ops_by_id);

  for (guint i = 0; i < sops->len; i++)
    if (rand_chance (sim, fraction))
      {
        g_ptr_array_add (picked, g_ptr_array_index (sops, i));
        if (rand_chance (sim, 0.1))
          g_ptr_array_add (picked, g_ptr_array_index (sops, i));
      }
  shuffle (sim, picked);

  n_batches = picked->len > 1 && rand_chance (sim, 0.2) ? 2 : 1;
  for (guint b = 0; b < n_batches; b++)
    {
      guint start = b * picked->len / n_batches;
      guint end = (b + 1) * picked->len / n_batches;
      g_autoptr(GPtrArray) part = g_ptr_array_new ();
      g_autoptr(GPtrArray) batch = NULL;

      for (guint i = start; i < end; i++)
        g_ptr_array_add (part, g_ptr_array_index (picked, i));
      batch = batch_from (part);
      if (rand_chance (sim, 0.4))
        {
          sim_trace (sim, "desk %u -> desk %u: %u ops to the inbox%s", d, to, batch->len,
                     since != NULL ? " (since)" : "");
          g_ptr_array_add (sim->desks[to].inbox, g_steal_pointer (&batch));
        }
      else
        {
          sim_trace (sim, "desk %u -> desk %u: %u ops now%s", d, to, batch->len,
                     since != NULL ? " (since)" : "");
          if (!deliver (sim, to, batch))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
action_receive (Sim   *sim,
                guint  d)
{
  SimDesk *desk = &sim->desks[d];
  g_autoptr(GPtrArray) batch = NULL;

  if (desk->inbox->len == 0)
    return action_send (sim, d);
  batch = g_ptr_array_steal_index (desk->inbox, rand_below (sim, desk->inbox->len));
  sim_trace (sim, "desk %u takes a delayed batch", d);
  return deliver (sim, d, batch);
}

static void
action_restart (Sim   *sim,
                guint  d)
{
  /* The desk's clock jumps back an hour, as after a restart with a bad RTC; the context stays
   * open, so only the HLC's own memory keeps it monotonic. */
  sim_trace (sim, "desk %u restart: clock back an hour", d);
  sim->stats.restarts++;
  sim->desks[d].clock.offset_ms -= HOUR_MS;
}

/* One random step of one desk. */
static gboolean
sim_step (Sim *sim)
{
  guint d = rand_below (sim, N_DESKS);
  guint roll = rand_below (sim, 100);

  for (guint j = 0; j < N_DESKS; j++)
    sim->desks[j].clock.offset_ms += rand_below (sim, 2000);

  if (roll < 12)
    return action_insert (sim, d);
  if (roll < 32)
    return action_edit (sim, d);
  if (roll < 37)
    return action_delete (sim, d);
  if (roll < 40)
    return action_restore (sim, d);
  if (roll < 46)
    return action_resolve (sim, d, FALSE);
  if (roll < 52)
    return action_resolve (sim, d, TRUE);
  if (roll < 54)
    return action_abandon (sim, d);
  if (roll < 82)
    return action_send (sim, d);
  if (roll < 98)
    return action_receive (sim, d);
  action_restart (sim, d);
  return TRUE;
}

/* Every desk receives every other desk's whole op log twice, shuffled and cut into batches,
 * mixed with whatever is still in its inbox. */
static gboolean
sim_heal (Sim *sim)
{
  GPtrArray *logs[N_DESKS] = { NULL, };
  guint order[N_DESKS];
  gboolean ok = TRUE;

  for (guint d = 0; d < N_DESKS && ok; d++)
    {
      g_autoptr(GPtrArray) exported = desk_export (sim, d, NULL);

      ok = exported != NULL && (logs[d] = map_export (sim, d, exported, NULL)) != NULL;
    }

  for (guint d = 0; d < N_DESKS; d++)
    order[d] = d;
  for (guint d = N_DESKS; d > 1; d--)
    {
      guint j = rand_below (sim, d);
      guint tmp = order[d - 1];

      order[d - 1] = order[j];
      order[j] = tmp;
    }

  for (guint k = 0; k < N_DESKS && ok; k++)
    {
      guint d = order[k];
      SimDesk *desk = &sim->desks[d];
      g_autoptr(GPtrArray) all = g_ptr_array_new ();
      g_autoptr(GPtrArray) batches =
        g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
      guint i = 0;

      for (guint copy = 0; copy < 2; copy++)
        for (guint s = 0; s < N_DESKS; s++)
          if (s != d)
            g_ptr_array_extend (all, logs[s], NULL, NULL);
      shuffle (sim, all);
      while (i < all->len)
        {
          guint size = 1 + rand_below (sim, 80);
          g_autoptr(GPtrArray) part = g_ptr_array_new ();

          for (; i < all->len && part->len < size; i++)
            g_ptr_array_add (part, g_ptr_array_index (all, i));
          g_ptr_array_add (batches, batch_from (part));
        }
      while (desk->inbox->len > 0)
        g_ptr_array_add (batches, g_ptr_array_steal_index (desk->inbox, desk->inbox->len - 1));
      shuffle (sim, batches);
      sim_trace (sim, "desk %u: %u ops in %u batches", d, all->len, batches->len);
      for (guint b = 0; b < batches->len && ok; b++)
        ok = deliver (sim, d, g_ptr_array_index (batches, b));
    }

  for (guint d = 0; d < N_DESKS; d++)
    g_clear_pointer (&logs[d], g_ptr_array_unref);
  return ok;
}

/* The properties */

/* P2: every op made anywhere is in every desk's export, unchanged, and nothing else is. */
static gboolean
check_p2 (Sim        *sim,
          guint       d,
          GHashTable *by_pk)
{
  g_autoptr(GPtrArray) exported = desk_export (sim, d, NULL);
  g_autoptr(GHashTable) got = g_hash_table_new (g_str_hash, g_str_equal);

  if (exported == NULL)
    return FALSE;
  for (guint i = 0; i < exported->len; i++)
    {
      EdOp *op = g_ptr_array_index (exported, i);
      g_autofree char *id = ed_op_get_id (op);
      SimOp *sop = g_hash_table_lookup (sim->ops, id);
      GPtrArray *row_ops;

      if (sop == NULL)
        return sim_fail (sim, "P2: desk %u exported op %s, which no desk made", d, id);
      if (!ed_op_content_equal (op, sop->op))
        return sim_fail (sim, "P2: desk %u holds op %s with changed content", d, id);
      if (!g_hash_table_add (got, sop->id))
        return sim_fail (sim, "P2: desk %u exported op %s twice", d, id);

      /* The later checks work from what the desk itself exported. */
      row_ops = g_hash_table_lookup (by_pk, sop->op->pk);
      if (row_ops == NULL)
        {
          row_ops = g_ptr_array_new ();
          g_hash_table_insert (by_pk, sop->op->pk, row_ops);
        }
      g_ptr_array_add (row_ops, sop);
    }
  for (guint i = 0; i < sim->op_list->len; i++)
    {
      SimOp *sop = g_ptr_array_index (sim->op_list, i);

      if (!g_hash_table_contains (got, sop->id))
        return sim_fail (sim, "P2: desk %u lacks op %s (made by desk %u at step %u)", d, sop->id,
                         sop->desk, sop->step);
    }
  return TRUE;
}

/* P3: every value ever written (by an ins or a set) is a winner, a conflict head, or named in
 * a later op's pred on its field (or, for a deleted row, in the seen of its delete). */
static gboolean
check_p3 (Sim        *sim,
          guint       d,
          GHashTable *by_pk)
{
  g_autoptr(GHashTable) rows = desk_read_rows (sim, d);
  g_autoptr(GPtrArray) conflicts = NULL;

  if (rows == NULL || (conflicts = desk_conflicts (sim, d)) == NULL)
    return FALSE;

  for (guint i = 0; i < sim->op_list->len; i++)
    {
      SimOp *sop = g_ptr_array_index (sim->op_list, i);
      GPtrArray *row_ops = g_hash_table_lookup (by_pk, sop->op->pk);
      RowValues *shown = g_hash_table_lookup (rows, sop->op->pk);

      if (sop->op->kind != ED_OP_INS && sop->op->kind != ED_OP_SET)
        continue;
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          const char *col = thing_columns[c].name;
          EdConflict *conflict;

          if (sop->op->kind == ED_OP_SET && (int)c != sop->col_index)
            continue;
          if (named_in_pred (row_ops, col, sop->id))
            continue;

          if (shown == NULL)
            {
              g_autoptr(GPtrArray) row_heads = model_heads (row_ops, ED_ROW_COLUMN);

              if (!seen_by_row_dels (row_heads, sop))
                return sim_fail (sim, "P3: desk %u: op %s (%s.%s) is superseded by nothing, "
                                 "its row is gone and no delete saw it", d, sop->id,
                                 sop->op->pk, col);
              continue;
            }
          conflict = find_conflict (conflicts, sop->op->pk, col, "value");
          if (conflict != NULL ? !conflict_has_head (conflict, sop->id)
                               : !g_variant_equal (shown->values[c], sop->values[c]))
            {
              g_autofree char *value = value_to_string (sop->values[c]);
              g_autofree char *got = value_to_string (shown->values[c]);

              return sim_fail (sim, "P3: desk %u: op %s wrote %s.%s = %s, is superseded by "
                               "nothing, yet the field shows %s%s", d, sop->id, sop->op->pk, col,
                               value, got,
                               conflict != NULL ? " with a conflict that does not list it" : "");
            }
        }
    }
  return TRUE;
}

/* P6: an op made after its desk had seen another op on the same field never stands against it
 * in a conflict. */
static gboolean
check_p6 (Sim   *sim,
          guint  d)
{
  g_autoptr(GPtrArray) conflicts = desk_conflicts (sim, d);

  if (conflicts == NULL)
    return FALSE;
  for (guint i = 0; i < conflicts->len; i++)
    {
      EdConflict *conflict = g_ptr_array_index (conflicts, i);

      if (g_strcmp0 (conflict->kind, "value") == 0)
        sim->stats.value_conflicts++;
      else
        sim->stats.delete_conflicts++;

      for (guint a = 0; a < conflict->heads->len; a++)
        for (guint b = 0; b < conflict->heads->len; b++)
          {
            EdConflictHead *head_a = g_ptr_array_index (conflict->heads, a);
            EdConflictHead *head_b = g_ptr_array_index (conflict->heads, b);
            SimOp *op_a = g_hash_table_lookup (sim->ops, head_a->op_id);
            SimOp *op_b = g_hash_table_lookup (sim->ops, head_b->op_id);

            if (op_a == NULL || op_b == NULL)
              return sim_fail (sim, "P6: desk %u: conflict %s names an op no desk made", d,
                               conflict->id);
            if (a == b)
              continue;
            /* Only versions of one field can have seen each other (an ins is a version of
             * every field). */
            if (!sim_op_on_field (op_a, op_b->op->col) && !sim_op_on_field (op_b, op_a->op->col))
              continue;
            if (g_hash_table_contains (op_a->seen, op_b->id))
              return sim_fail (sim, "P6: desk %u: %s conflict %s on %s.%s sets %s against %s, "
                               "which desk %u had seen when it made it", d, conflict->kind,
                               conflict->id, conflict->pk, conflict->col, op_a->id, op_b->id,
                               op_a->desk);
          }
    }
  return TRUE;
}

/* P4: ingesting everything again applies nothing and changes nothing. */
static gboolean
check_p4 (Sim         *sim,
          guint        d,
          const char  *hash)
{
  g_autoptr(GPtrArray) sops = g_ptr_array_copy (sim->op_list, NULL, NULL);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  EdMergeStats stats = { 0 };

  shuffle (sim, sops);
  batch = batch_from (sops);
  if (!ed_merge_apply (ED_REPLICA (sim->desks[d].context), NULL, batch, &stats, &error))
    return sim_fail_error (sim, "P4: ed_merge_apply of everything again", d, error);
  if (stats.applied != 0 || stats.duplicates != batch->len)
    return sim_fail (sim, "P4: desk %u: everything again gave applied %u, duplicates %u of %u",
                     d, stats.applied, stats.duplicates, batch->len);
  if ((after = desk_hash (sim, d, TRUE)) == NULL)
    return FALSE;
  if (g_strcmp0 (hash, after) != 0)
    return sim_fail (sim, "P4: desk %u: applying everything again changed the state hash", d);
  return TRUE;
}

/* An op like @sop's with a different value, as a desk restored from a backup (or a tampered
 * file) would present it. */
static EdOp *
tampered_copy (SimOp *sop)
{
  EdOp *op = ed_op_copy (sop->op);

  g_free (op->val);
  if (sop->op->kind == ED_OP_SET)
    {
      g_autoptr(GVariant) value = other_value ((guint)sop->col_index,
                                               sop->values[sop->col_index]);

      op->val = ed_value_to_json (value);
    }
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      g_assert (sop->op->kind == ED_OP_INS);
      json_builder_begin_object (builder);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_autoptr(GVariant) value = c == 1 ? other_value (c, sop->values[c])
                                             : g_variant_ref (sop->values[c]);

          json_builder_set_member_name (builder, thing_columns[c].name);
          json_builder_add_value (builder, json_gvariant_serialize (value));
        }
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      op->val = json_to_string (root, FALSE);
    }
  return op;
}

/* P7: the same op id with different content is refused whole, with nothing applied, even the
 * good ops of the same batch. */
static gboolean
check_p7 (Sim *sim)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_op_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) exported = NULL;
  EdMergeStats stats = { 0 };
  SimOp *victim;
  SimOp *fresh;
  EdDatabase *database;
  gint64 alarms_before;
  gint64 alarms_after;
  gboolean accepted;
  guint n_before;
  guint maker;
  guint d;

  for (guint i = 0; i < sim->op_list->len; i++)
    {
      SimOp *sop = g_ptr_array_index (sim->op_list, i);

      if (sop->op->kind == ED_OP_SET)
        g_ptr_array_add (candidates, sop);
    }
  if (candidates->len == 0)
    for (guint i = 0; i < sim->op_list->len; i++)
      {
        SimOp *sop = g_ptr_array_index (sim->op_list, i);

        if (sop->op->kind == ED_OP_INS)
          g_ptr_array_add (candidates, sop);
      }
  if (candidates->len == 0)
    return TRUE;
  victim = g_ptr_array_index (candidates, rand_below (sim, candidates->len));
  d = (victim->desk + 1 + rand_below (sim, N_DESKS - 1)) % N_DESKS;
  database = ed_context_get_database (sim->desks[d].context);

  /* A good new op from a third desk travels in the same batch, ahead of the bad one. */
  maker = (d + 1) % N_DESKS == victim->desk ? (d + 2) % N_DESKS : (d + 1) % N_DESKS;
  n_before = sim->op_list->len;
  if (!action_insert (sim, maker))
    return FALSE;
  fresh = g_ptr_array_index (sim->op_list, sim->op_list->len - 1);

  if ((before = desk_hash (sim, d, TRUE)) == NULL)
    return FALSE;
  g_ptr_array_add (batch, ed_op_copy (fresh->op));
  g_ptr_array_add (batch, tampered_copy (victim));
  sim_trace (sim, "desk %u gets %s with a changed value", d, victim->id);
  if (!ed_database_count_rows (database, "integrity_alarm", &alarms_before, &error))
    return sim_fail_error (sim, "counting integrity alarms", d, error);
  expecting_alarm = TRUE;
  accepted = ed_merge_apply (ED_REPLICA (sim->desks[d].context), NULL, batch, &stats, &error);
  expecting_alarm = FALSE;
  if (accepted)
    return sim_fail (sim, "P7: desk %u accepted op %s with a changed value", d, victim->id);
  if (!g_error_matches (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INTEGRITY))
    return sim_fail_error (sim, "P7: ed_merge_apply of a changed op (expected "
                           "ED_CHANGE_ERROR_INTEGRITY)", d, error);
  if ((after = desk_hash (sim, d, TRUE)) == NULL)
    return FALSE;
  if (g_strcmp0 (before, after) != 0)
    return sim_fail (sim, "P7: desk %u: a refused batch changed the state hash", d);
  /* The alarm outlives the refused batch, for a person to see. */
  g_clear_error (&error);
  if (!ed_database_count_rows (database, "integrity_alarm", &alarms_after, &error))
    return sim_fail_error (sim, "counting integrity alarms", d, error);
  if (alarms_after != alarms_before + 1)
    return sim_fail (sim, "P7: desk %u refused op %s but kept %" G_GINT64_FORMAT " integrity "
                     "alarms for it", d, victim->id, alarms_after - alarms_before);
  if ((exported = desk_export (sim, d, NULL)) == NULL)
    return FALSE;
  if (exported->len != n_before)
    return sim_fail (sim, "P7: desk %u holds %u ops after a refused batch, expected %u", d,
                     exported->len, n_before);

  /* The good op on its own is still welcome. */
  g_ptr_array_remove_index (batch, 1);
  return deliver (sim, d, batch);
}

static gboolean sim_check_desks (Sim   *sim,
                                 char **hashes,
                                 char **plain,
                                 char **naive);

static gboolean
sim_check (Sim *sim)
{
  char *hashes[N_DESKS] = { NULL, };
  char *plain[N_DESKS] = { NULL, };
  char *naive[N_DESKS] = { NULL, };
  gboolean ok;

  ok = sim_check_desks (sim, hashes, plain, naive);
  if (ok)
    sim->final_hash = g_strdup (hashes[0]);
  for (guint d = 0; d < N_DESKS; d++)
    {
      g_free (hashes[d]);
      g_free (plain[d]);
      g_free (naive[d]);
    }
  return ok && check_p7 (sim);
}

static gboolean
sim_check_desks (Sim   *sim,
                 char **hashes,
                 char **plain,
                 char **naive)
{
  gboolean ok = TRUE;

  for (guint d = 0; d < N_DESKS && ok; d++)
    {
      g_autoptr(GHashTable) by_pk = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify)g_ptr_array_unref);

      ok = check_p2 (sim, d, by_pk) &&
           check_model (sim, d, by_pk) &&
           check_p3 (sim, d, by_pk) &&
           (hashes[d] = desk_hash (sim, d, TRUE)) != NULL &&
           (plain[d] = desk_hash (sim, d, FALSE)) != NULL;
    }
  if (!ok)
    return FALSE;

  for (guint d = 1; d < N_DESKS; d++)
    {
      if (g_strcmp0 (hashes[0], hashes[d]) != 0)
        return sim_fail (sim, "P1: desks 0 and %u hold the same ops but their state hashes "
                         "(with heads) differ: %s, %s", d, hashes[0], hashes[d]);
      if (g_strcmp0 (plain[0], plain[d]) != 0)
        return sim_fail (sim, "P1: desks 0 and %u differ in their state hashes without heads", d);
    }
  if (g_strcmp0 (hashes[0], plain[0]) == 0 && sim->op_list->len > 0)
    return sim_fail (sim, "the state hash with heads equals the one without");

  for (guint d = 0; d < N_DESKS && ok; d++)
    ok = check_p6 (sim, d) && check_p4 (sim, d, hashes[d]);
  if (!ok)
    return FALSE;

  for (guint d = 0; d < N_DESKS; d++)
    naive[d] = naive_state (sim, &sim->desks[d]);
  for (guint d = 1; d < N_DESKS; d++)
    if (g_strcmp0 (naive[0], naive[d]) != 0)
      sim->naive_diverged = TRUE;
  return TRUE;
}

/* One seed */

typedef struct
{
  char     *failure;
  char     *final_hash;
  char     *trace;
  gboolean  naive_diverged;
  SimStats  stats;
} SimResult;

static void
sim_result_clear (SimResult *result)
{
  g_clear_pointer (&result->failure, g_free);
  g_clear_pointer (&result->final_hash, g_free);
  g_clear_pointer (&result->trace, g_free);
}

static void
run_seed (guint      seed,
          guint      n_steps,
          gboolean   keep_trace,
          SimResult *result)
{
  Sim sim = { 0, };
  gboolean ok = TRUE;

  sim.seed = seed;
  sim.n_steps = n_steps;
  sim.phase = "setup";
  sim.rand = g_rand_new_with_seed (seed);
  /* A district with no modules, and the simulator's own table. */
  sim.schema = ed_context_new_schema (no_modules);
  ed_schema_add_table (sim.schema, &thing_table);
  sim.ops = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)sim_op_free);
  sim.op_list = g_ptr_array_new ();
  sim.row_ids = g_ptr_array_new_with_free_func (g_free);
  sim.trace = g_string_new (NULL);
  sim.keep_trace = keep_trace;

  for (guint d = 0; d < N_DESKS && ok; d++)
    ok = sim_desk_open (&sim, d);
  for (guint d = 0; d < N_DESKS && ok; d++)
    sim_trace (&sim, "desk %u is %s, clock %+" G_GINT64_FORMAT " ms", d, sim.desks[d].device,
               desk_skew_ms[d]);

  sim.phase = "step";
  for (sim.step = 1; sim.step <= n_steps && ok; sim.step++)
    {
      guint acted;

      ok = sim_step (&sim);
      /* After every step, the desks that made or took ops must show what the model derives
       * from what they hold. */
      for (acted = 0; acted < N_DESKS && ok; acted++)
        {
          if (sim.desks[acted].changed)
            ok = check_model (&sim, acted, sim.desks[acted].held_by_row);
          sim.desks[acted].changed = FALSE;
        }
    }
  if (ok)
    {
      sim.phase = "heal";
      sim.step = 0;
      ok = sim_heal (&sim);
    }
  if (ok)
    {
      sim.phase = "check";
      ok = sim_check (&sim);
    }

  result->failure = g_steal_pointer (&sim.failure);
  result->final_hash = g_steal_pointer (&sim.final_hash);
  result->trace = g_strdup (sim.trace->str);
  result->naive_diverged = sim.naive_diverged;
  result->stats = sim.stats;
  sim_free (&sim);
}

/* Configuration */

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *text = g_getenv (name);
  guint64 value;

  if (text == NULL || *text == '\0')
    return fallback;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    g_error ("%s=%s is not a number", name, text);
  return (guint)value;
}

static void
print_trace_tail (const char *trace,
                  guint       max_lines)
{
  g_auto(GStrv) lines = g_strsplit (trace, "\n", -1);
  guint n = g_strv_length (lines);
  guint first = n > max_lines ? n - max_lines : 0;

  if (first > 0)
    g_printerr ("  … (%u earlier lines)\n", first);
  for (guint i = first; i < n; i++)
    if (*lines[i] != '\0')
      g_printerr ("  %s\n", lines[i]);
}

static void
report_failure (guint      seed,
                guint      n_steps,
                SimResult *result,
                guint      trace_lines)
{
  g_printerr ("\nmerge simulator: seed %u failed: %s\n", seed, result->failure);
  print_trace_tail (result->trace, trace_lines);
  g_printerr ("replay: ED_SIM_SEED=%u ED_SIM_STEPS=%u %s\n", seed, n_steps, program_path);
  g_test_message ("seed %u failed: %s", seed, result->failure);
  g_test_message ("replay: ED_SIM_SEED=%u ED_SIM_STEPS=%u %s", seed, n_steps, program_path);
}

typedef struct
{
  guint    seeds;
  guint    failures;
  guint    naive_diverged;
  SimStats stats;
} RunTotals;

static void
run_seeds (guint      first,
           guint      count,
           guint      stride,
           guint      n_steps,
           RunTotals *totals)
{
  for (guint i = 0; i < count; i += stride)
    {
      guint seed = first + i;
      SimResult result = { 0, };

      run_seed (seed, n_steps, TRUE, &result);
      totals->seeds++;
      if (result.failure != NULL)
        {
          /* Keep going: the list of failing seeds says more than the first. */
          if (totals->failures < 10)
            report_failure (seed, n_steps, &result, TRACE_TAIL_LINES);
          totals->failures++;
        }
      if (result.naive_diverged)
        totals->naive_diverged++;
      totals->stats.ops += result.stats.ops;
      totals->stats.applies += result.stats.applies;
      totals->stats.value_conflicts += result.stats.value_conflicts;
      totals->stats.delete_conflicts += result.stats.delete_conflicts;
      totals->stats.resolutions += result.stats.resolutions;
      totals->stats.conflicted_edits += result.stats.conflicted_edits;
      totals->stats.restarts += result.stats.restarts;
      sim_result_clear (&result);
    }
}

static void
report_totals (const char *what,
               RunTotals  *totals,
               gint64      elapsed_us)
{
  g_test_message ("%s: %u seeds in %.1f s, %u failed; %u ops, %u applies, %u resolutions, "
                  "%u conflicted edits, %u restarts; after heal %u value and %u delete "
                  "conflicts (counted on each desk); last-arrival-wins diverged in %u",
                  what, totals->seeds, elapsed_us / 1e6, totals->failures, totals->stats.ops,
                  totals->stats.applies, totals->stats.resolutions,
                  totals->stats.conflicted_edits, totals->stats.restarts,
                  totals->stats.value_conflicts, totals->stats.delete_conflicts,
                  totals->naive_diverged);
}

/* Tests */

static const char *
log_field (const GLogField *fields,
           gsize            n_fields,
           const char      *key)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, key) == 0 && fields[i].length < 0)
      return fields[i].value;
  return NULL;
}

static gboolean
is_expected_alarm (const char     *domain,
                   GLogLevelFlags  log_level,
                   const char     *message)
{
  return expecting_alarm && (log_level & G_LOG_LEVEL_WARNING) != 0 &&
         g_strcmp0 (domain, "ed-changes") == 0 && message != NULL &&
         g_str_has_prefix (message, "Integrity alarm");
}

/* Messages of the core when it logs with the structured API, which g_test_expect_message()
 * cannot see. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) != 0 && !show_debug)
    return G_LOG_WRITER_HANDLED;
  if (is_expected_alarm (log_field (fields, n_fields, "GLIB_DOMAIN"), log_level,
                         log_field (fields, n_fields, "MESSAGE")))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* The same with the older API, where the test framework's own handler would print a
 * "Bail out!" that ends the TAP stream. Each of the 6,000 contexts a run opens logs its
 * migrations at debug level, too much to keep. */
static GLogFunc test_log_handler;

static void
log_handler (const char     *domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
  if ((log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) != 0 && !show_debug)
    return;
  if (is_expected_alarm (domain, log_level, message))
    return;
  test_log_handler (domain, log_level, message, user_data);
}

static gboolean
fatal_log_handler (const char     *domain,
                   GLogLevelFlags  log_level,
                   const char     *message,
                   gpointer        user_data)
{
  return !is_expected_alarm (domain, log_level, message);
}

/* The test framework forgets the fatal handler between test cases. */
static void
expect_alarms_in_p7 (void)
{
  g_test_log_set_fatal_handler (fatal_log_handler, NULL);
}

static void
test_shard (gconstpointer data)
{
  guint shard = GPOINTER_TO_UINT (data);
  guint first = env_uint ("ED_SIM_FIRST_SEED", 1);
  /* ED_MERGE_SIM_SEEDS for this simulator alone, where the sync simulator's count differs. */
  guint count = env_uint ("ED_MERGE_SIM_SEEDS", env_uint ("ED_SIM_SEEDS", DEFAULT_SEEDS));
  guint n_steps = env_uint ("ED_SIM_STEPS", DEFAULT_STEPS);
  RunTotals totals = { 0, };
  gint64 start = g_get_monotonic_time ();
  g_autofree char *what = g_strdup_printf ("shard %u/%u", shard, N_SHARDS);

  expect_alarms_in_p7 ();
  /* Seeds are dealt round-robin, so every shard gets a fair share of slow ones. */
  if (shard < count)
    run_seeds (first + shard, count - shard, N_SHARDS, n_steps, &totals);
  report_totals (what, &totals, g_get_monotonic_time () - start);
  if (totals.failures > 0)
    g_test_fail_printf ("%u of %u seeds failed (replay lines above)", totals.failures,
                        totals.seeds);
}

/* The simulator must be able to catch a broken merge: last-arrival-wins, fed the same ops in
 * the same order, has to diverge on some of the first seeds. */
static void
test_negative_control (void)
{
  guint n_steps = env_uint ("ED_SIM_STEPS", DEFAULT_STEPS);
  RunTotals totals = { 0, };
  gint64 start = g_get_monotonic_time ();

  expect_alarms_in_p7 ();
  run_seeds (1, env_uint ("ED_SIM_CONTROL_SEEDS", CONTROL_SEEDS), 1, n_steps, &totals);
  report_totals ("negative control", &totals, g_get_monotonic_time () - start);
  g_assert_cmpuint (totals.failures, ==, 0);
  g_assert_cmpuint (totals.naive_diverged, >, 0);
}

/* A seed must replay exactly: the same trace, op by op and batch by batch, and the same state.
 * (Anything in the simulator that depends on addresses or hash table order breaks this.) */
static void
test_replay_is_exact (void)
{
  guint n_steps = env_uint ("ED_SIM_STEPS", DEFAULT_STEPS);
  gboolean was_tracing_ops = trace_ops;

  expect_alarms_in_p7 ();
  trace_ops = TRUE;
  for (guint seed = 1; seed <= 3; seed++)
    {
      SimResult first = { 0, };
      SimResult second = { 0, };

      run_seed (seed, n_steps, TRUE, &first);
      run_seed (seed, n_steps, TRUE, &second);
      g_assert_null (first.failure);
      g_assert_null (second.failure);
      g_assert_cmpstr (first.trace, ==, second.trace);
      g_assert_cmpstr (first.final_hash, ==, second.final_hash);
      sim_result_clear (&first);
      sim_result_clear (&second);
    }
  trace_ops = was_tracing_ops;
}

static void
test_replay (void)
{
  guint seed = env_uint ("ED_SIM_SEED", 1);
  guint n_steps = env_uint ("ED_SIM_STEPS", DEFAULT_STEPS);
  SimResult result = { 0, };

  expect_alarms_in_p7 ();
  run_seed (seed, n_steps, TRUE, &result);
  if (result.failure != NULL)
    {
      report_failure (seed, n_steps, &result, G_MAXUINT);
      g_test_fail_printf ("seed %u failed: %s", seed, result.failure);
    }
  else
    {
      if (g_getenv ("ED_SIM_TRACE") != NULL)
        print_trace_tail (result.trace, G_MAXUINT);
      g_test_message ("seed %u passed: %u ops, state hash %s after heal; last-arrival-wins %s",
                      seed, result.stats.ops, result.final_hash,
                      result.naive_diverged ? "diverged" : "converged");
    }
  sim_result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  show_debug = g_getenv ("G_MESSAGES_DEBUG") != NULL;
  trace_ops = g_strcmp0 (g_getenv ("ED_SIM_TRACE"), "2") == 0;
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);
  test_log_handler = g_log_set_default_handler (log_handler, NULL);
  program_path = argv[0];

  if (g_getenv ("ED_SIM_SEED") != NULL)
    {
      g_test_add_func ("/sync/simulator/replay", test_replay);
      return g_test_run ();
    }

  for (guint shard = 0; shard < N_SHARDS; shard++)
    {
      g_autofree char *path = g_strdup_printf ("/sync/simulator/shard-%u", shard);

      g_test_add_data_func (path, GUINT_TO_POINTER (shard), test_shard);
    }
  g_test_add_func ("/sync/simulator/control/last-arrival-wins-diverges", test_negative_control);
  g_test_add_func ("/sync/simulator/control/replay-is-exact", test_replay_is_exact);
  return g_test_run ();
}
