/* bench-sync-onboard.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SYNC.md §6 T4: a new desk onboards a 300,000-elector district from a snapshot (budget 60 s,
 * excluding the download, which here is a local folder): the snapshot read, checked,
 * decrypted chunk by chunk and loaded in one transaction with the search index rebuilt, then
 * the rest of its first sync (the bundles the snapshot covers passed over, its
 * acknowledgement with its state hash, and the check against its peer's). The district is the
 * demo generator's; ED_BENCH_ELECTORS sets another size. */

#define G_LOG_DOMAIN "ed-bench-sync-onboard"

#include "config.h"

#include <glib/gstdio.h>

#include "changes/ed-state-hash.h"
#include "demo/ed-demo.h"
#include "ed-bench-util.h"
#include "ed-modules.h"
#include "sync/ed-sync-snapshot.h"
#include "sync/ed-sync-tables.h"
#include "sync/ed-sync.h"
#include "sync/ed-transport-folder.h"

#define DEFAULT_ELECTORS 300000
#define T4_BUDGET_S 60.0
#define PASSPHRASE "benchmark passphrase"

static EdContext *
open_desk (const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  EdContext *context = ed_modules_open_district (path, &error);

  ed_bench_check (context != NULL, error, "open a desk");
  return context;
}

static EdSync *
sync_of (EdContext   *context,
         EdTransport *share)
{
  g_autoptr(GError) error = NULL;
  EdSync *sync = ed_sync_new (context, share, &error);

  ed_bench_check (sync != NULL, error, "sync");
  return sync;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *folder = NULL;
  g_autofree char *share_path = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  g_autofree char *check = NULL;
  g_autoptr(EdContext) a = NULL;
  g_autoptr(EdContext) b = NULL;
  g_autoptr(EdTransport) share = NULL;
  g_autoptr(EdSync) sync_a = NULL;
  g_autoptr(EdSync) sync_b = NULL;
  g_autoptr(GError) error = NULL;
  const char *size = g_getenv ("ED_BENCH_ELECTORS");
  EdDemoOptions options;
  EdSyncReport report;
  GStatBuf info;
  gint64 start;
  double load_s;
  double rest_s;

  ed_bench_init ();
  folder = ed_bench_make_dir ();
  keys = g_build_filename (folder, "config", NULL);
  g_setenv ("XDG_CONFIG_HOME", keys, TRUE);
  share_path = g_build_filename (folder, "share", NULL);
  ed_bench_check (g_mkdir (share_path, 0700) == 0, NULL, "make the share");
  share = ed_transport_folder_new (share_path);

  ed_demo_options_init (&options);
  options.electors = size != NULL ? (guint)g_ascii_strtoull (size, NULL, 10) : DEFAULT_ELECTORS;
  a = open_desk (folder, "a.db");
  start = g_get_monotonic_time ();
  ed_bench_check (ed_demo_generate (a, &options, &error), error, "writing the demo");
  g_print ("# %u electors written in %.1f s\n", options.electors,
           ed_bench_ms_since (start) / 1000.0);

  /* Desk A makes the team, syncs (its bundles and its ack on the share) and writes the
   * snapshot. */
  ed_bench_check (ed_sync_create_team (a, share, PASSPHRASE, NULL, &error), error, "setup");
  sync_a = sync_of (a, share);
  start = g_get_monotonic_time ();
  ed_bench_check (ed_sync_run (sync_a, &report, NULL, &error), error, "first sync");
  g_print ("# desk A's first sync: %" G_GUINT64_FORMAT " ops in %u bundles, %.1f s\n",
           report.n_exported, report.n_bundles_written, ed_bench_ms_since (start) / 1000.0);
  start = g_get_monotonic_time ();
  ed_bench_check (ed_sync_snapshot (sync_a, &snapshot, NULL, &error), error, "snapshot");
  {
    g_autofree char *full = g_build_filename (share_path, snapshot, NULL);

    ed_bench_check (g_stat (full, &info) == 0, NULL, "the snapshot on the share");
  }
  g_print ("# snapshot written in %.1f s, %.1f MB\n", ed_bench_ms_since (start) / 1000.0,
           info.st_size / 1e6);

  /* Desk B: a new file joins, and onboards. */
  b = open_desk (folder, "b.db");
  ed_bench_check (ed_sync_join (b, share, PASSPHRASE, NULL, &error), error, "join");
  sync_b = sync_of (b, share);
  start = g_get_monotonic_time ();
  ed_bench_check (ed_sync_refresh_team (sync_b, NULL, &error) &&
                  _ed_sync_onboard (sync_b, &loaded, NULL, &error), error, "load");
  load_s = ed_bench_ms_since (start) / 1000.0;
  ed_bench_check (g_strcmp0 (loaded, snapshot) == 0, NULL, "load the snapshot");
  start = g_get_monotonic_time ();
  ed_bench_check (ed_sync_run (sync_b, &report, NULL, &error), error, "first sync of B");
  rest_s = ed_bench_ms_since (start) / 1000.0;
  g_print ("# snapshot loaded in %.1f s; the rest of the first sync %.1f s (%u files read)\n",
           load_s, rest_s, report.n_files_read);

  hash_a = ed_state_hash (ED_REPLICA (a), FALSE, &error);
  hash_b = ed_state_hash (ED_REPLICA (b), FALSE, &error);
  ed_bench_check (hash_a != NULL && g_strcmp0 (hash_a, hash_b) == 0, error,
                  "reach desk A's state hash");
  check = ed_sync_state_get (ed_context_get_database (b), "onboard-check", NULL);
  ed_bench_check (g_strcmp0 (check, "passed") == 0, NULL, "pass the check against A's ack");

  g_print ("bench: sync-onboard-%u-electors %.1f s budget %.0f s\n", options.electors,
           load_s + rest_s, T4_BUDGET_S);
  g_clear_object (&sync_a);
  g_clear_object (&sync_b);
  g_clear_object (&a);
  g_clear_object (&b);
  ed_bench_remove_dir (folder);
  return 0;
}
