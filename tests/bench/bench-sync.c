/* bench-sync.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SYNC.md §6 T1 and T3 through the whole of sync, on district files in a temporary folder
 * used as the share:
 *
 *   T1  a new desk ingests 10,000 ops from 5 desks, about 50 sealed bundles: listing, reading,
 *       checking signatures, decrypting, parsing and applying, one transaction a bundle
 *       (budget 1 s);
 *   T3  a desk exports 1,000 new ops: sealing, writing, renaming and reading back to check
 *       (budget 100 ms).
 *
 * Each is the median of three runs, each on fresh desks. */

#define G_LOG_DOMAIN "ed-bench-sync"

#include "config.h"

#include "changes/ed-change-set.h"
#include "changes/ed-state-hash.h"
#include "district/ed-context-private.h"
#include "ed-bench-util.h"
#include "ed-modules.h"
#include "sync/ed-sync-tables.h"
#include "sync/ed-sync.h"
#include "sync/ed-transport-folder.h"

#define N_DESKS 5
#define OPS_PER_DESK 2000
#define OPS_PER_BUNDLE 200
#define N_EXPORT_OPS 1000
#define N_RUNS 3
#define T1_BUDGET_MS 1000.0
#define T3_BUDGET_MS 100.0
#define PASSPHRASE "benchmark passphrase"

static const EdColumnDef bench_columns[] = {
  { "surname", ED_VALUE_TEXT },
  { "forenames", ED_VALUE_TEXT },
  { "street", ED_VALUE_TEXT },
  { "postcode", ED_VALUE_TEXT },
  { "household", ED_VALUE_INTEGER },
};

static const EdTableDef bench_table = {
  "bench_row", bench_columns, G_N_ELEMENTS (bench_columns),
};

static const EdModule * const no_modules[] = { NULL };

static const char create_table_sql[] =
  "CREATE TABLE bench_row (id TEXT PRIMARY KEY NOT NULL, surname TEXT NOT NULL DEFAULT '', "
  "forenames TEXT NOT NULL DEFAULT '', street TEXT NOT NULL DEFAULT '', "
  "postcode TEXT NOT NULL DEFAULT '', household INTEGER NOT NULL DEFAULT 0) STRICT";

static EdContext *
open_desk (const char *folder,
           const char *name)
{
  g_autoptr(EdSchema) schema = ed_context_new_schema (no_modules);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  EdContext *context;

  ed_schema_add_table (schema, &bench_table);
  ed_sync_add_schema (schema);
  context = _ed_context_open_full (path, no_modules, schema, ed_hlc_system_clock, NULL, NULL,
                                   &error);
  ed_bench_check (context != NULL, error, "open a desk");
  ed_bench_check (ed_database_exec (ed_context_get_database (context), create_table_sql,
                                    &error), error, "create the table");
  return context;
}

/* @n ops at @desk: rows inserted, 25 to a change set, as an import or a canvass makes them. */
static void
make_ops (EdContext *desk,
          guint      n,
          guint      salt)
{
  const char *columns[] = { "surname", "forenames", "street", "postcode", "household" };
  g_autoptr(GError) error = NULL;
  guint made = 0;

  while (made < n)
    {
      g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk), &error);

      ed_bench_check (change_set != NULL, error, "begin");
      for (guint i = 0; i < 25 && made < n; i++, made++)
        {
          g_autofree char *surname = g_strdup_printf ("Surname %u-%u", salt, made);
          GVariant *values[] = {
            g_variant_new_string (surname), g_variant_new_string ("Alex Jordan"),
            g_variant_new_string ("Linden Crescent"), g_variant_new_string ("ZY1 2AB"),
            g_variant_new_int64 (made / 3),
          };

          ed_bench_check (ed_change_set_insert (change_set, "bench_row", NULL, columns, values,
                                                G_N_ELEMENTS (columns), NULL, &error),
                          error, "insert");
        }
      ed_bench_check (ed_change_set_commit (change_set, &error), error, "commit");
    }
}

static void
district (EdContext *desk)
{
  const char *columns[] = { "council_name" };
  GVariant *values[] = { g_variant_new_string ("Benchmark District Council") };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk), &error);

  ed_bench_check (change_set != NULL &&
                  ed_change_set_insert (change_set, "district", NULL, columns, values, 1, NULL,
                                        &error) &&
                  ed_change_set_commit (change_set, &error), error, "district");
}

static void
export (EdContext   *desk,
        EdTransport *share)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSync) sync = ed_sync_new (desk, share, &error);
  EdSyncReport report = { 0 };

  ed_bench_check (sync != NULL && ed_sync_export (sync, &report, NULL, &error), error,
                  "export");
}

/* One run of T1: five desks each make 2,000 ops, exported 200 at a time; a sixth joins and
 * ingests them all. Returns the ingest's time. */
static double
run_t1 (const char *folder,
        guint       run,
        double     *out_t3_ms)
{
  g_autofree char *share_path = g_strdup_printf ("%s/share-%u", folder, run);
  g_autoptr(EdTransport) share = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) fresh = NULL;
  g_autoptr(EdSync) sync = NULL;
  g_autofree char *fresh_name = g_strdup_printf ("fresh-%u.db", run);
  EdContext *desks[N_DESKS];
  EdSyncReport report = { 0 };
  gint64 start;
  double ms;

  g_mkdir_with_parents (share_path, 0700);
  share = ed_transport_folder_new (share_path);
  for (guint d = 0; d < N_DESKS; d++)
    {
      g_autofree char *name = g_strdup_printf ("desk-%u-%u.db", run, d);

      desks[d] = open_desk (folder, name);
      if (d == 0)
        {
          district (desks[0]);
          ed_bench_check (ed_sync_create_team (desks[0], share, PASSPHRASE, NULL, &error),
                          error, "make the team");
          export (desks[0], share);
        }
      else
        {
          g_autoptr(EdSync) joined = NULL;

          ed_bench_check (ed_sync_join (desks[d], share, PASSPHRASE, NULL, &error), error,
                          "join");
          joined = ed_sync_new (desks[d], share, &error);
          ed_bench_check (joined != NULL && ed_sync_ingest (joined, &report, NULL, &error),
                          error, "first ingest");
        }
    }
  for (guint d = 0; d < N_DESKS; d++)
    for (guint made = 0; made < OPS_PER_DESK; made += OPS_PER_BUNDLE)
      {
        make_ops (desks[d], OPS_PER_BUNDLE, d);
        export (desks[d], share);
      }

  /* T3: one desk's next 1,000 ops out. */
  make_ops (desks[0], N_EXPORT_OPS, 99);
  {
    g_autoptr(EdSync) exporting = ed_sync_new (desks[0], share, &error);
    EdSyncReport exported = { 0 };

    ed_bench_check (exporting != NULL, error, "sync");
    start = g_get_monotonic_time ();
    ed_bench_check (ed_sync_export (exporting, &exported, NULL, &error), error, "export");
    *out_t3_ms = ed_bench_ms_since (start);
    ed_bench_check (exported.n_exported == N_EXPORT_OPS, NULL, "export every op");
  }

  fresh = open_desk (folder, fresh_name);
  ed_bench_check (ed_sync_join (fresh, share, PASSPHRASE, NULL, &error), error, "join");
  sync = ed_sync_new (fresh, share, &error);
  ed_bench_check (sync != NULL, error, "sync");
  memset (&report, 0, sizeof report);
  start = g_get_monotonic_time ();
  ed_bench_check (ed_sync_ingest (sync, &report, NULL, &error), error, "ingest");
  ms = ed_bench_ms_since (start);
  if (run == 0)
    g_print ("# the new desk read %u files and applied %" G_GUINT64_FORMAT " ops\n",
             report.n_files_read, report.n_applied);
  ed_bench_check (report.n_applied >= N_DESKS * OPS_PER_DESK, NULL, "apply every op");

  for (guint d = 0; d < N_DESKS; d++)
    g_object_unref (desks[d]);
  return ms;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *folder = NULL;
  g_autoptr(GArray) t1 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t3 = g_array_new (FALSE, FALSE, sizeof (double));

  ed_bench_init ();
  folder = ed_bench_make_dir ();
  /* The desks' keys with their files, not in the user's own config folder. */
  {
    g_autofree char *keys = g_build_filename (folder, "config", NULL);

    g_setenv ("XDG_CONFIG_HOME", keys, TRUE);
  }
  for (guint run = 0; run < N_RUNS; run++)
    {
      double t3_ms;
      double t1_ms = run_t1 (folder, run, &t3_ms);

      g_print ("# run %u: ingest %.0f ms, export of %u ops %.1f ms\n", run + 1, t1_ms,
               N_EXPORT_OPS, t3_ms);
      g_array_append_val (t1, t1_ms);
      g_array_append_val (t3, t3_ms);
    }
  g_print ("bench: sync-ingest-10000-ops %.0f ms budget %.0f ms\n",
           ed_bench_percentile (t1, 50), T1_BUDGET_MS);
  g_print ("bench: sync-export-1000-ops %.1f ms budget %.0f ms\n",
           ed_bench_percentile (t3, 50), T3_BUDGET_MS);
  ed_bench_remove_dir (folder);
  return 0;
}
