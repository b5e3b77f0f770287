/* test-sync-simulator.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The sync simulator of SYNC.md §4.12 and §5 criterion 1: three desks, each an in-memory
 * district with its own skewed clock, sync through one shared folder held in memory, each
 * seeing it through an adversarial transport (files cut short, bits flipped, placeholders,
 * stale listings, files that vanish and come back, renames that show half a file, sync
 * clients' conflict copies, desktop noise) and a single-writer check (criterion 11) that
 * aborts if a desk touches another's files. They edit, export, ingest, write snapshots and
 * remove their old bundles (GC) at random; then the share heals and every desk syncs until
 * nothing is left to move, and:
 *
 *   P1  every desk has the same state hash (rows, heads, conflicts);
 *   P2  every op made anywhere is in every desk's op log;
 *   P4  ingesting the whole share again, ledger forgotten, changes nothing;
 *   P5  a damaged file was never applied in part: every desk's state is exactly its op log's
 *       (the hash after a fresh ingest of the intact share is the hash already held);
 *   P7  no integrity alarm, as no op id was ever reused;
 *   criterion 6: with one desk two days slow, one three years fast and, in one seed in
 *       seven, desks that quit and start again an hour back, the fast desk is flagged;
 *   and, in one seed in three, a new desk joining the healed share with an empty file (from
 *       the newest snapshot, when there is one) reaches desk 0's state hash and op log.
 *
 * P3 and P6 are properties of the merge, not of the transport: the merge simulator
 * (test-merge-simulator.c) holds them for any order, duplication and delay of delivery, and
 * P2 shows that sync delivers every op. Everything random comes from one GRand seeded with
 * the seed, so a failing seed replays exactly:
 *
 *   ED_SIM_SEED=N [ED_SIM_STEPS=S] test-sync-simulator
 *
 * ED_SIM_SEEDS (default 10000) and ED_SIM_FIRST_SEED (default 1) choose the seeds, dealt
 * round-robin to the shards /sync-simulator/shard-0 … shard-N, which meson runs as separate
 * processes. */

#define G_LOG_DOMAIN "ed-test-sync-simulator"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-merge.h"
#include "changes/ed-state-hash.h"
#include "district/ed-context-private.h"
#include "sync/ed-bundle.h"
#include "sync/ed-sync-acks.h"
#include "sync/ed-sync-gc.h"
#include "sync/ed-sync-snapshot.h"
#include "sync/ed-sync-tables.h"
#include "sync/ed-sync.h"
#include "ed-test-memory-share.h"
#include "ed-test-transport.h"

#define N_DESKS 3
#define N_SHARDS 8
#define DEFAULT_SEEDS 10000
#define DEFAULT_STEPS 200
#define HEAL_ROUNDS 4
/* One seed in this many keeps its desks' databases in files, so that a desk can quit and
 * start again (four times a seed, on average) with its clock an hour back: files cost more
 * than memory, so not every seed. Seven shares them fairly among the eight shards. */
#define RESTART_SEEDS 7
#define ONBOARD_EVERY 3
#define PASSPHRASE "simulated passphrase"
#define MINUTE_MS (G_GINT64_CONSTANT (60) * 1000)
#define HOUR_MS (60 * MINUTE_MS)
#define DAY_MS (24 * HOUR_MS)
/* 2026-05-07 09:00 BST: any fixed instant will do, as long as it never changes. */
#define EPOCH_MS G_GINT64_CONSTANT (1778140800000)

static const EdColumnDef thing_columns[] = {
  { "name", ED_VALUE_TEXT },
  { "count", ED_VALUE_INTEGER },
};

static const EdTableDef thing_table = {
  "thing", thing_columns, G_N_ELEMENTS (thing_columns),
};

static const EdModule * const no_modules[] = { NULL };

static const char create_thing_sql[] =
  "CREATE TABLE thing (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', "
  "count INTEGER NOT NULL DEFAULT 0) STRICT";

static const char * const names[] = {
  "Ashdown", "Brackley", "Cwm Rhondda", "D\xc3\xban Laoghaire", "Ysgol G\xc3\xaf",
};

/* One desk two days slow, one three years fast, one right (SYNC.md §5 criterion 6). */
static const gint64 desk_skew_ms[N_DESKS] = {
  -2 * DAY_MS,
  G_GINT64_CONSTANT (3) * 365 * DAY_MS,
  0,
};

typedef struct
{
  EdContext                  *context;
  EdTestAdversarialTransport *adversary;
  EdTransport                *transport;
  EdSync                     *sync;
  gint64                      clock_ms;
  char                       *device;
  char                       *path;      /* NULL: in memory, and never restarted */
} SimDesk;

typedef struct
{
  guint        seed;
  GRand       *rand;
  EdSchema    *schema;
  EdTransport *share;
  SimDesk      desks[N_DESKS];
  GPtrArray   *rows;      /* ids of every row made anywhere */
  char        *folder;    /* the desks' databases, in a seed that restarts them */
  GString     *trace;
  guint        exports_failed;
  guint        ingests;
  guint        restarts;
} Sim;

static gint64
desk_clock (gpointer data)
{
  return *(gint64 *)data;
}

static void
trace (Sim        *sim,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static void
trace (Sim        *sim,
       const char *format,
       ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (sim->trace, format, args);
  g_string_append_c (sim->trace, '\n');
  va_end (args);
}

/* What the ledger of each desk holds that was not applied: for the report of a failure. */
static void
print_ledgers (Sim *sim)
{
  for (guint d = 0; d < N_DESKS; d++)
    {
      g_autoptr(GPtrArray) failing = NULL;

      if (sim->desks[d].context == NULL)
        continue;
      failing = ed_sync_ledger_list_failing (ed_context_get_database (sim->desks[d].context),
                                             NULL);
      {
        g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (
          ed_context_get_database (sim->desks[d].context),
          "SELECT device, count(*), max(seq), "
          "  (SELECT value FROM sync_state WHERE key = 'exported-seq') FROM op_log "
          "GROUP BY device ORDER BY device", NULL);

        while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
          g_printerr ("desk %u (%.8s, exported %s): holds %d ops of %.8s, the last %d\n", d,
                      sim->desks[d].device, sqlite3_column_text (stmt, 3),
                      sqlite3_column_int (stmt, 1), sqlite3_column_text (stmt, 0),
                      sqlite3_column_int (stmt, 2));
      }
      if (g_getenv ("ED_SIM_LEDGER") != NULL)
        {
          g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (
            ed_context_get_database (sim->desks[d].context),
            "SELECT path, status, n_applied, seq_from, seq_to, message FROM sync_bundle "
            "ORDER BY path", NULL);

          while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
            g_printerr ("desk %u ledger: %s %s %d [%d-%d] %s\n", d, sqlite3_column_text (stmt, 0),
                        sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2),
                        sqlite3_column_int (stmt, 3), sqlite3_column_int (stmt, 4),
                        sqlite3_column_text (stmt, 5));
        }
      for (guint i = 0; failing != NULL && i < failing->len; i++)
        {
          EdSyncFileRecord *record = g_ptr_array_index (failing, i);

          g_printerr ("desk %u: %s: %s (%u attempts): %s\n", d, record->path,
                      ed_sync_file_status_to_string (record->status), record->attempts,
                      record->message);
        }
    }
}

static gboolean
fail (Sim        *sim,
      const char *what,
      guint       d,
      GError     *error)
{
  print_ledgers (sim);
  g_printerr ("%s\nseed %u: desk %u: %s: %s\nreplay: ED_SIM_SEED=%u test-sync-simulator\n",
              sim->trace->str, sim->seed, d, what, error != NULL ? error->message : "",
              sim->seed);
  return FALSE;
}

static char *
rand_uuid (Sim *sim)
{
  return g_strdup_printf ("%08x-%04x-4%03x-8%03x-%04x%08x", g_rand_int (sim->rand),
                          g_rand_int (sim->rand) & 0xffff, g_rand_int (sim->rand) & 0xfff,
                          g_rand_int (sim->rand) & 0xfff, g_rand_int (sim->rand) & 0xffff,
                          g_rand_int (sim->rand));
}

static gboolean
desk_open (Sim   *sim,
           guint  d)
{
  SimDesk *desk = &sim->desks[d];
  g_autoptr(GError) error = NULL;
  EdTransport *adversary;

  desk->clock_ms = EPOCH_MS + desk_skew_ms[d];
  desk->device = rand_uuid (sim);
  if (sim->folder != NULL)
    desk->path = g_strdup_printf ("%s/desk-%u.db", sim->folder, d);
  desk->context = _ed_context_open_full (desk->path != NULL ? desk->path : ":memory:", no_modules, sim->schema, desk_clock,
                                         &desk->clock_ms, desk->device, &error);
  if (desk->context == NULL ||
      !ed_database_exec (ed_context_get_database (desk->context), create_thing_sql, &error))
    return fail (sim, "open", d, error);

  adversary = ed_test_adversarial_transport_new (sim->share, sim->seed * N_DESKS + d);
  desk->adversary = ED_TEST_ADVERSARIAL_TRANSPORT (adversary);
  desk->transport = ed_test_owned_transport_new (adversary, desk->device);
  return TRUE;
}

static gboolean
desk_start_sync (Sim   *sim,
                 guint  d)
{
  SimDesk *desk = &sim->desks[d];
  g_autoptr(GError) error = NULL;

  desk->sync = ed_sync_new (desk->context, desk->transport, &error);
  if (desk->sync == NULL)
    return fail (sim, "sync", d, error);
  ed_sync_set_clock (desk->sync, desk_clock, &desk->clock_ms);
  return TRUE;
}

/* The program at desk @d quits and starts again, its clock an hour behind where it was
 * (SYNC.md §5 criterion 6: a clock that jumps back on restart, as after a wrong time zone is
 * put right). The database is read afresh from its file, so the clock's last reading comes
 * from what was saved, and the sync starts with its crash recovery. */
static gboolean
restart (Sim   *sim,
         guint  d)
{
  SimDesk *desk = &sim->desks[d];
  g_autoptr(GError) error = NULL;

  trace (sim, "desk %u: restarts an hour back", d);
  sim->restarts++;
  g_clear_object (&desk->sync);
  g_clear_object (&desk->context);
  desk->clock_ms -= HOUR_MS;
  desk->context = _ed_context_open_full (desk->path, no_modules, sim->schema, desk_clock,
                                         &desk->clock_ms, desk->device, &error);
  if (desk->context == NULL)
    return fail (sim, "reopen", d, error);
  return desk_start_sync (sim, d);
}

static gboolean
make_team (Sim *sim)
{
  SimDesk *first = &sim->desks[0];
  const char *columns[] = { "council_name" };
  GVariant *values[] = { g_variant_new_string ("Simulated District Council") };
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GError) error = NULL;

  /* The team is made and joined on a quiet share; the adversity starts with the edits. */
  for (guint d = 0; d < N_DESKS; d++)
    ed_test_adversarial_transport_heal (sim->desks[d].adversary, TRUE);

  change_set = ed_change_set_begin (ED_REPLICA (first->context), &error);
  if (change_set == NULL ||
      !ed_change_set_insert (change_set, "district", NULL, columns, values, 1, NULL, &error) ||
      !ed_change_set_commit (change_set, &error))
    return fail (sim, "district", 0, error);
  if (!ed_sync_create_team (first->context, first->transport, PASSPHRASE, NULL, &error))
    return fail (sim, "create team", 0, error);
  for (guint d = 1; d < N_DESKS; d++)
    if (!ed_sync_join (sim->desks[d].context, sim->desks[d].transport, PASSPHRASE, NULL,
                       &error))
      return fail (sim, "join", d, error);
  for (guint d = 0; d < N_DESKS; d++)
    {
      if (!desk_start_sync (sim, d))
        return FALSE;
      ed_test_adversarial_transport_heal (sim->desks[d].adversary, FALSE);
    }
  return TRUE;
}

static gboolean
row_exists (SimDesk    *desk,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (desk->context),
                                                      "SELECT 1 FROM thing WHERE id = ?1",
                                                      &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* An edit by a person at desk @d: a new row, a change of one field, or a deletion. */
static gboolean
edit (Sim   *sim,
      guint  d)
{
  SimDesk *desk = &sim->desks[d];
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GError) error = NULL;
  guint choice = g_rand_int_range (sim->rand, 0, 10);
  const char *id = NULL;
  gboolean ok;

  if (sim->rows->len > 0 && choice > 2)
    {
      id = g_ptr_array_index (sim->rows, g_rand_int_range (sim->rand, 0, (int)sim->rows->len));
      if (!row_exists (desk, id))
        id = NULL;
    }
  change_set = ed_change_set_begin (ED_REPLICA (desk->context), &error);
  if (change_set == NULL)
    return fail (sim, "begin", d, error);
  if (id == NULL)
    {
      const char *columns[] = { "name", "count" };
      GVariant *values[] = {
        g_variant_new_string (names[g_rand_int_range (sim->rand, 0, G_N_ELEMENTS (names))]),
        g_variant_new_int64 (g_rand_int_range (sim->rand, 0, 5)),
      };
      g_autofree char *row = rand_uuid (sim);

      ok = ed_change_set_insert (change_set, "thing", row, columns, values, 2, NULL, &error);
      if (ok)
        g_ptr_array_add (sim->rows, g_steal_pointer (&row));
      trace (sim, "desk %u: insert", d);
    }
  else if (choice == 9)
    {
      ok = ed_change_set_delete (change_set, "thing", id, &error);
      trace (sim, "desk %u: delete %.8s", d, id);
    }
  else if (choice % 2 == 0)
    {
      ok = ed_change_set_set (change_set, "thing", id, "name",
                              g_variant_new_string (names[g_rand_int_range (sim->rand, 0,
                                                                              G_N_ELEMENTS (names))]),
                              &error);
      trace (sim, "desk %u: set name of %.8s", d, id);
    }
  else
    {
      ok = ed_change_set_set (change_set, "thing", id, "count",
                              g_variant_new_int64 (g_rand_int_range (sim->rand, 0, 5)), &error);
      trace (sim, "desk %u: set count of %.8s", d, id);
    }
  if (!ok || !ed_change_set_commit (change_set, &error))
    {
      /* A row deleted under a conflict may refuse an edit; that is the merge's business. */
      if (g_error_matches (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW))
        return TRUE;
      return fail (sim, "edit", d, error);
    }
  return TRUE;
}

/* Only a failure of a desk's own database fails the simulation while the share misbehaves:
 * a damaged read may stop an export before it counts its bundle, which the next one finds. */
static gboolean
tolerable (const GError *error)
{
  return error->domain == G_IO_ERROR || error->domain == ED_SYNC_ERROR ||
         error->domain == ED_BUNDLE_ERROR;
}

/* SYNC.md §4.12's snapshot and GC as random actions: desk @d writes a snapshot, or
 * acknowledges what it holds, reads the others' acks and removes what of its own bundles it
 * may (GC's 30 days pass at once on the share held in memory, whose times are counters). A
 * failure of the adversarial share is tolerable, as for an export. */
static gboolean
upkeep_action (Sim   *sim,
               guint  d,
               guint  n)
{
  SimDesk *desk = &sim->desks[d];
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_rand_boolean (sim->rand))
    {
      trace (sim, "step %u: desk %u writes a snapshot", n, d);
      ok = ed_sync_snapshot (desk->sync, NULL, NULL, &error);
    }
  else
    {
      trace (sim, "step %u: desk %u acknowledges and removes old bundles", n, d);
      ok = ed_sync_refresh_team (desk->sync, NULL, &error) &&
           ed_sync_write_ack (desk->sync, NULL, &error) &&
           ed_sync_read_acks (desk->sync, NULL, NULL, &error) &&
           ed_sync_gc (desk->sync, NULL, NULL, &error);
    }
  if (!ok && !tolerable (error))
    return fail (sim, "snapshot or GC", d, error);
  return TRUE;
}

static gboolean
step (Sim   *sim,
      guint  n)
{
  guint d = g_rand_int_range (sim->rand, 0, N_DESKS);
  SimDesk *desk = &sim->desks[d];
  g_autoptr(GError) error = NULL;
  EdSyncReport report = { 0 };
  double action = g_rand_double (sim->rand);

  for (guint i = 0; i < N_DESKS; i++)
    sim->desks[i].clock_ms += MINUTE_MS;
  if (action < 0.02 && sim->folder != NULL)
    return restart (sim, d);
  if (action < 0.45)
    return edit (sim, d);
  if (action < 0.7)
    {
      trace (sim, "step %u: desk %u exports", n, d);
      if (!ed_sync_export (desk->sync, &report, NULL, &error))
        {
          if (!tolerable (error))
            return fail (sim, "export", d, error);
          sim->exports_failed++;
        }
      return TRUE;
    }
  if (action < 0.74)
    return upkeep_action (sim, d, n);
  trace (sim, "step %u: desk %u ingests", n, d);
  sim->ingests++;
  if (!ed_sync_ingest (desk->sync, &report, NULL, &error) && !tolerable (error))
    return fail (sim, "ingest", d, error);
  return TRUE;
}

static char *
op_log_digest (SimDesk *desk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (desk->context),
                                                      "SELECT device, seq, hlc, kind, "
                                                      "coalesce (val, '') FROM op_log "
                                                      "ORDER BY device, seq", &error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 5; i++)
      {
        const guchar *text = sqlite3_column_text (stmt, i);

        g_checksum_update (checksum, text, -1);
        g_checksum_update (checksum, (const guchar *)"\x1f", 1);
      }
  return g_strdup (g_checksum_get_string (checksum));
}

static gint64
count_rows (SimDesk    *desk,
            const char *table)
{
  gint64 n = -1;

  g_assert_true (ed_database_count_rows (ed_context_get_database (desk->context), table, &n,
                                         NULL));
  return n;
}

static void
free_strings (char **strings,
              guint  n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&strings[i], g_free);
}

/* The checks after the heal; the hashes and digests in @hashes and @digests, N_DESKS each. */
static gboolean
check_healed (Sim   *sim,
              char **hashes,
              char **digests);

/* SYNC.md §4.12's onboarding, after the heal: a new desk joins the healed share with an empty
 * file, starts from the newest snapshot when there is one (bundles GC removed included), and
 * must reach desk 0's state hash and op log. */
static gboolean
check_onboarded_desk (Sim        *sim,
                      const char *hash,
                      const char *digest)
{
  SimDesk desk = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *new_hash = NULL;
  g_autofree char *new_digest = NULL;
  EdSyncReport report = { 0 };
  gboolean ok = TRUE;

  trace (sim, "a new desk onboards");
  desk.clock_ms = EPOCH_MS;
  desk.device = rand_uuid (sim);
  desk.context = _ed_context_open_full (":memory:", no_modules, sim->schema, desk_clock,
                                        &desk.clock_ms, desk.device, &error);
  ok = desk.context != NULL &&
       ed_database_exec (ed_context_get_database (desk.context), create_thing_sql, &error);
  if (ok)
    {
      desk.transport = ed_test_owned_transport_new (sim->share, desk.device);
      ok = ed_sync_join (desk.context, desk.transport, PASSPHRASE, NULL, &error) &&
           (desk.sync = ed_sync_new (desk.context, desk.transport, &error)) != NULL;
    }
  if (ok)
    ed_sync_set_clock (desk.sync, desk_clock, &desk.clock_ms);
  for (guint round = 0; round < 2 && ok; round++)
    ok = ed_sync_run (desk.sync, &report, NULL, &error);
  if (ok)
    {
      new_hash = ed_state_hash (ED_REPLICA (desk.context), TRUE, &error);
      new_digest = op_log_digest (&desk);
    }
  if (!ok || new_hash == NULL)
    ok = fail (sim, "onboard a new desk", N_DESKS, error);
  else if (g_strcmp0 (new_hash, hash) != 0 || g_strcmp0 (new_digest, digest) != 0)
    {
      /* Which of the two, and how far off: enough to tell a lost bundle from a merge fault. */
      g_printerr ("new desk: state %s, op log %s; from snapshot %d; %" G_GINT64_FORMAT
                  " ops, desk 0 %" G_GINT64_FORMAT "\n",
                  g_strcmp0 (new_hash, hash) == 0 ? "same" : "differs",
                  g_strcmp0 (new_digest, digest) == 0 ? "same" : "differs",
                  report.from_snapshot, count_rows (&desk, "op_log"),
                  count_rows (&sim->desks[0], "op_log"));
      ok = fail (sim, "a new desk did not reach desk 0's state and op log", N_DESKS, NULL);
    }
  g_clear_object (&desk.sync);
  g_clear_object (&desk.transport);
  g_clear_object (&desk.context);
  g_free (desk.device);
  return ok;
}

static gboolean
heal_and_check (Sim *sim)
{
  char *hashes[N_DESKS] = { NULL };
  char *digests[N_DESKS] = { NULL };
  gboolean ok = check_healed (sim, hashes, digests);

  /* One seed in ONBOARD_EVERY: a desk's whole first sync costs as much as a heal. */
  ok = ok && (sim->seed % ONBOARD_EVERY != 0 ||
              check_onboarded_desk (sim, hashes[0], digests[0]));

  free_strings (hashes, N_DESKS);
  free_strings (digests, N_DESKS);
  return ok;
}

static gboolean
check_healed (Sim   *sim,
              char **hashes,
              char **digests)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;
  EdSyncReport report = { 0 };
  gint64 ops_before;

  trace (sim, "heal");
  for (guint d = 0; d < N_DESKS; d++)
    ed_test_adversarial_transport_heal (sim->desks[d].adversary, TRUE);
  for (guint round = 0; round < HEAL_ROUNDS; round++)
    for (guint d = 0; d < N_DESKS; d++)
      {
        /* Long enough for every file that failed to be read again. */
        sim->desks[d].clock_ms += 2 * HOUR_MS;
        if (!ed_sync_run (sim->desks[d].sync, &report, NULL, &error))
          return fail (sim, "sync after heal", d, error);
      }

  for (guint d = 0; d < N_DESKS; d++)
    {
      hashes[d] = ed_state_hash (ED_REPLICA (sim->desks[d].context), TRUE, &error);
      if (hashes[d] == NULL)
        return fail (sim, "state hash", d, error);
      digests[d] = op_log_digest (&sim->desks[d]);
      if (count_rows (&sim->desks[d], "integrity_alarm") != 0)
        return fail (sim, "P7: an integrity alarm with no op id reused", d, NULL);
    }
  for (guint d = 1; d < N_DESKS; d++)
    {
      if (g_strcmp0 (digests[d], digests[0]) != 0)
        return fail (sim, "P2: its op log differs from desk 0's", d, NULL);
      if (g_strcmp0 (hashes[d], hashes[0]) != 0)
        return fail (sim, "P1: its state differs from desk 0's", d, NULL);
    }

  /* Criterion 6: the desk three years fast is flagged by the other two. */
  for (guint d = 0; d < N_DESKS; d++)
    {
      g_autoptr(GPtrArray) warnings = NULL;
      g_autofree char *prefix = NULL;
      gboolean flagged = FALSE;

      if (desk_skew_ms[d] > 0)
        continue;
      warnings = ed_merge_list_clock_warnings (ED_REPLICA (sim->desks[d].context), &error);
      if (warnings == NULL)
        return fail (sim, "clock warnings", d, error);
      prefix = g_strdup_printf ("%.8s", sim->desks[1].device);
      for (guint i = 0; i < warnings->len; i++)
        flagged |= strstr (g_ptr_array_index (warnings, i), prefix) != NULL;
      if (!flagged)
        return fail (sim, "criterion 6: the desk three years ahead is not flagged", d, NULL);
    }

  /* P4 and P5: the whole share again, the ledger forgotten. */
  ops_before = count_rows (&sim->desks[0], "op_log");
  if (!ed_database_exec (ed_context_get_database (sim->desks[0].context),
                         "DELETE FROM sync_bundle", &error))
    return fail (sim, "forget the ledger", 0, error);
  memset (&report, 0, sizeof report);
  if (!ed_sync_ingest (sim->desks[0].sync, &report, NULL, &error))
    return fail (sim, "P4: ingest again", 0, error);
  again = ed_state_hash (ED_REPLICA (sim->desks[0].context), TRUE, &error);
  if (report.n_applied != 0 || count_rows (&sim->desks[0], "op_log") != ops_before ||
      g_strcmp0 (again, hashes[0]) != 0)
    return fail (sim, "P4: ingesting the share again changed the desk", 0, NULL);
  if (report.n_incomplete + report.n_corrupt + report.n_refused != 0)
    return fail (sim, "P5: a file of the healed share is not applied", 0, NULL);
  return TRUE;
}

static void
sim_clear (Sim *sim)
{
  for (guint d = 0; d < N_DESKS; d++)
    {
      SimDesk *desk = &sim->desks[d];

      g_clear_object (&desk->sync);
      g_clear_object (&desk->transport);
      g_clear_object (&desk->adversary);
      g_clear_object (&desk->context);
      if (desk->path != NULL)
        {
          g_autofree char *wal = g_strconcat (desk->path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (desk->path, "-shm", NULL);

          g_unlink (wal);
          g_unlink (shm);
          g_unlink (desk->path);
        }
      g_free (desk->path);
      g_free (desk->device);
    }
  if (sim->folder != NULL)
    g_rmdir (sim->folder);
  g_free (sim->folder);
  g_clear_object (&sim->share);
  g_clear_pointer (&sim->rows, g_ptr_array_unref);
  g_clear_pointer (&sim->rand, g_rand_free);
  g_clear_object (&sim->schema);
  g_string_free (sim->trace, TRUE);
}

/* Restarts in all the seeds run by this process: a shard reports them, to show they happen. */
static guint total_restarts;

static gboolean
run_seed (guint seed,
          guint n_steps)
{
  Sim sim = { 0 };
  gboolean ok = TRUE;

  sim.seed = seed;
  sim.rand = g_rand_new_with_seed (seed);
  sim.schema = ed_context_new_schema (no_modules);
  ed_schema_add_table (sim.schema, &thing_table);
  ed_sync_add_schema (sim.schema);
  sim.share = ed_test_memory_share_new ();
  sim.rows = g_ptr_array_new_with_free_func (g_free);
  sim.trace = g_string_new (NULL);
  if (seed % RESTART_SEEDS == 0)
    {
      sim.folder = g_strdup_printf ("%s/seed-%u", g_getenv ("XDG_CONFIG_HOME"), seed);
      g_assert_no_errno (g_mkdir_with_parents (sim.folder, 0700));
    }

  for (guint d = 0; d < N_DESKS && ok; d++)
    ok = desk_open (&sim, d);
  ok = ok && make_team (&sim);
  for (guint n = 0; n < n_steps && ok; n++)
    ok = step (&sim, n);
  ok = ok && heal_and_check (&sim);
  total_restarts += sim.restarts;
  sim_clear (&sim);
  return ok;
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *text = g_getenv (name);
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &value, NULL))
    return fallback;
  return (guint)value;
}

static void
test_shard (gconstpointer data)
{
  guint shard = GPOINTER_TO_UINT (data);
  guint n_seeds = env_uint ("ED_SIM_SEEDS", DEFAULT_SEEDS);
  guint first = env_uint ("ED_SIM_FIRST_SEED", 1);
  guint n_steps = env_uint ("ED_SIM_STEPS", DEFAULT_STEPS);
  guint failed = 0;

  for (guint seed = first + shard; seed < first + n_seeds; seed += N_SHARDS)
    if (!run_seed (seed, n_steps))
      failed++;
  g_test_message ("%u seeds from %u, %u failed; %u restarts an hour back", n_seeds / N_SHARDS,
                  first + shard, failed, total_restarts);
  g_assert_cmpuint (failed, ==, 0);
}

/* One seed, from ED_SIM_SEED: to replay a failure. */
static void
test_replay (void)
{
  g_assert_true (run_seed (env_uint ("ED_SIM_SEED", 1), env_uint ("ED_SIM_STEPS",
                                                                   DEFAULT_STEPS)));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *keys = NULL;

  /* Three desks a seed keep their keys and databases in files: in memory where there is a
   * tmpfs. */
  keys = g_dir_make_tmp ("ed-sync-sim-XXXXXX", NULL);
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    {
      g_free (keys);
      keys = g_build_filename ("/dev/shm", "ed-sync-sim-XXXXXX", NULL);
      keys = g_mkdtemp (keys) != NULL ? keys : g_dir_make_tmp ("ed-sync-sim-XXXXXX", NULL);
    }
  g_setenv ("XDG_CONFIG_HOME", keys, TRUE);
  g_setenv ("ED_SYNC_PWHASH_FAST", "1", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("ED_SIM_SEED") != NULL)
    g_test_add_func ("/sync-simulator/replay", test_replay);
  else
    for (guint shard = 0; shard < N_SHARDS; shard++)
      {
        g_autofree char *path = g_strdup_printf ("/sync-simulator/shard-%u", shard);

        g_test_add_data_func (path, GUINT_TO_POINTER (shard), test_shard);
      }
  return g_test_run ();
}
