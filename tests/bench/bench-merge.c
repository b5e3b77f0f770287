/* bench-merge.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* T1 (SYNC.md §6, DESIGN.md §9): merging 10,000 ops from 5 desks into a desk that has none of
 * them takes at most a second.
 *
 * Five desks, each a district file with the default pragmas (WAL, synchronous=FULL), each
 * make 2,000 ops: 400 inserts, 600 edits of their own rows, then, after receiving the ops of
 * one neighbour, 500 edits of their own rows and 500 of the neighbour's (so some fields end
 * in conflict, as in a real exchange). A fresh desk then applies each desk's 2,000 ops with
 * one ed_merge_apply() call per desk, as five bundles would arrive: five transactions, five
 * durable commits. The figure is the median over three fresh desks of the total time of those
 * five calls. Comments give the one-call variant and the time to read the five bundles back
 * from files. */

#define G_LOG_DOMAIN "ed-bench-merge"

#include "config.h"

#include "ed-modules.h"
#include "ed-bench-util.h"
#include "changes/ed-change-set.h"
#include "changes/ed-conflicts.h"
#include "district/ed-context-private.h"
#include "changes/ed-merge.h"
#include "changes/ed-state-hash.h"

#define N_DESKS 5
#define N_INSERTS 400
#define N_OWN_EDITS 600
#define N_LATE_OWN_EDITS 500
#define N_NEIGHBOUR_EDITS 500
#define INSERTS_PER_SET 20
#define EDITS_PER_SET 5
#define N_RUNS 3
#define BUDGET_MS 1000.0

static const EdColumnDef bench_columns[] = {
  { "surname", ED_VALUE_TEXT },
  { "forename", ED_VALUE_TEXT },
  { "street", ED_VALUE_TEXT },
  { "postcode", ED_VALUE_TEXT },
  { "polling_district", ED_VALUE_TEXT },
  { "household", ED_VALUE_INTEGER },
  { "postal_vote", ED_VALUE_BOOLEAN },
  { "fee", ED_VALUE_MONEY },
  { "attained", ED_VALUE_DATE },
  { "note", ED_VALUE_TEXT },
};

static const EdTableDef bench_table = {
  "bench_row", bench_columns, G_N_ELEMENTS (bench_columns),
};

static const char create_table_sql[] =
  "CREATE TABLE bench_row (id TEXT PRIMARY KEY NOT NULL, surname TEXT NOT NULL DEFAULT '', "
  "forename TEXT NOT NULL DEFAULT '', street TEXT NOT NULL DEFAULT '', "
  "postcode TEXT NOT NULL DEFAULT '', polling_district TEXT NOT NULL DEFAULT '', "
  "household INTEGER NOT NULL DEFAULT 0, postal_vote INTEGER NOT NULL DEFAULT 0, "
  "fee INTEGER NOT NULL DEFAULT 0, attained TEXT NOT NULL DEFAULT '', "
  "note TEXT NOT NULL DEFAULT '') STRICT";

static const char * const words[] = {
  "Abbott", "Bryant", "Carver", "Dunmore", "Ellis", "Fairweather", "Garnett", "Hughes",
  "Iqbal", "Jones", "Kowalski", "Llewellyn", "Morgan", "Nwosu", "O\xe2\x80\x99" "Brien",
  "Pritchard", "Quayle", "Rhys", "Singh", "Thomas",
};

typedef struct
{
  EdContext *context;
  GPtrArray *rows;    /* ids of the rows it inserted */
} Desk;

static EdContext *
open_desk (EdSchema   *schema,
           const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  EdContext *context = _ed_context_open_full (path, ed_modules_get_all (), schema, NULL, NULL, NULL,
                                   &error);

  ed_bench_check (context != NULL, error, "opening a district");
  ed_bench_check (ed_database_exec (ed_context_get_database (context), create_table_sql,
                                    &error), error, "creating the table");
  return context;
}

static GVariant *
random_value (GRand *rand,
              guint  col)
{
  switch (bench_columns[col].type)
    {
    case ED_VALUE_TEXT:
      {
        g_autofree char *text = g_strdup_printf ("%s %u",
                                                 words[g_rand_int_range (rand, 0,
                                                                         G_N_ELEMENTS (words))],
                                                 (guint)g_rand_int_range (rand, 1, 500));

        return g_variant_new_string (text);
      }
    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
      return g_variant_new_int64 (g_rand_int_range (rand, 0, 100000));
    case ED_VALUE_BOOLEAN:
      return g_variant_new_boolean (g_rand_boolean (rand));
    case ED_VALUE_DATE:
      {
        g_autofree char *date = g_strdup_printf ("2008-%02d-%02d", g_rand_int_range (rand, 1, 13),
                                                 g_rand_int_range (rand, 1, 29));

        return g_variant_new_string (date);
      }
    default:
      g_assert_not_reached ();
    }
}

static void
make_inserts (Desk  *desk,
              GRand *rand)
{
  const char *columns[G_N_ELEMENTS (bench_columns)];

  for (guint c = 0; c < G_N_ELEMENTS (bench_columns); c++)
    columns[c] = bench_columns[c].name;

  for (guint done = 0; done < N_INSERTS; done += INSERTS_PER_SET)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk->context), &error);

      ed_bench_check (change_set != NULL, error, "ed_change_set_begin");
      for (guint i = 0; i < INSERTS_PER_SET; i++)
        {
          GVariant *values[G_N_ELEMENTS (bench_columns)];
          char *row_id = NULL;

          for (guint c = 0; c < G_N_ELEMENTS (bench_columns); c++)
            values[c] = g_variant_ref_sink (random_value (rand, c));
          ed_bench_check (ed_change_set_insert (change_set, bench_table.name, NULL, columns,
                                                (GVariant * const *)values,
                                                G_N_ELEMENTS (bench_columns), &row_id, &error),
                          error, "ed_change_set_insert");
          for (guint c = 0; c < G_N_ELEMENTS (bench_columns); c++)
            g_variant_unref (values[c]);
          g_ptr_array_add (desk->rows, row_id);
        }
      ed_bench_check (ed_change_set_commit (change_set, &error), error, "commit");
    }
}

/* @n_edits edits of random fields of @rows, in change sets of a few fields, as form saves
 * make them. A set to the value a field already has makes no op, so a few extra are made
 * until the desk has made @n_edits ops. */
static void
make_edits (Desk      *desk,
            GPtrArray *rows,
            guint      n_edits,
            GRand     *rand)
{
  guint made = 0;

  while (made < n_edits)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk->context), &error);
      const char *row_id = g_ptr_array_index (rows, g_rand_int_range (rand, 0, rows->len));

      ed_bench_check (change_set != NULL, error, "ed_change_set_begin");
      for (guint i = 0; i < EDITS_PER_SET && made + ed_change_set_get_n_ops (change_set) < n_edits;
           i++)
        {
          guint col = g_rand_int_range (rand, 0, G_N_ELEMENTS (bench_columns));

          ed_bench_check (ed_change_set_set (change_set, bench_table.name, row_id,
                                             bench_columns[col].name, random_value (rand, col),
                                             &error),
                          error, "ed_change_set_set");
        }
      made += ed_change_set_get_n_ops (change_set);
      ed_bench_check (ed_change_set_commit (change_set, &error), error, "commit");
    }
}

/* The ops @desk made itself: what its bundles would carry. */
static GPtrArray *
own_ops (Desk  *desks,
         guint  d)
{
  g_autoptr(GHashTable) since = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;
  GPtrArray *ops;

  for (guint j = 0; j < N_DESKS; j++)
    if (j != d)
      {
        gint64 all = G_MAXINT64;

        g_hash_table_insert (since, (gpointer)ed_context_get_device_id (desks[j].context),
                             g_memdup2 (&all, sizeof all));
      }
  ops = ed_merge_export (ED_REPLICA (desks[d].context), since, &error);
  ed_bench_check (ops != NULL, error, "ed_merge_export");
  return ops;
}

static void
apply (EdContext *context,
       GPtrArray *ops)
{
  g_autoptr(GError) error = NULL;
  EdMergeStats stats = { 0, };

  ed_bench_check (ed_merge_apply (ED_REPLICA (context), NULL, ops, &stats, &error), error,
                  "ed_merge_apply");
  if (stats.applied != ops->len)
    g_error ("Applied %u of %u new ops", stats.applied, ops->len);
}

static char *
state_hash (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  char *hash = ed_state_hash (ED_REPLICA (context), TRUE, &error);

  ed_bench_check (hash != NULL, error, "ed_state_hash");
  return hash;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(EdSchema) schema = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260507);
  g_autoptr(GArray) batched_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference_hash = NULL;
  g_autofree char *one_call_hash = NULL;
  GPtrArray *batches[N_DESKS];
  Desk desks[N_DESKS];
  double one_call_ms;
  double read_ms = 0;
  double median;
  gint64 start;

  ed_bench_init ();
  dir = ed_bench_make_dir ();
  /* The default schema, so that the real validators run after each merge, plus the bench
   * table. */
  schema = ed_modules_new_schema ();
  ed_schema_add_table (schema, &bench_table);

  start = g_get_monotonic_time ();
  for (guint d = 0; d < N_DESKS; d++)
    {
      g_autofree char *name = g_strdup_printf ("desk-%u.db", d);

      desks[d].context = open_desk (schema, dir, name);
      desks[d].rows = g_ptr_array_new_with_free_func (g_free);
      make_inserts (&desks[d], rand);
      make_edits (&desks[d], desks[d].rows, N_OWN_EDITS, rand);
    }
  /* Partial exchange: each desk gets what its neighbour has made so far. */
  for (guint d = 0; d < N_DESKS; d++)
    batches[d] = own_ops (desks, d);
  for (guint d = 0; d < N_DESKS; d++)
    apply (desks[d].context, batches[(d + 1) % N_DESKS]);
  for (guint d = 0; d < N_DESKS; d++)
    g_ptr_array_unref (batches[d]);
  for (guint d = 0; d < N_DESKS; d++)
    {
      make_edits (&desks[d], desks[d].rows, N_LATE_OWN_EDITS, rand);
      make_edits (&desks[d], desks[(d + 1) % N_DESKS].rows, N_NEIGHBOUR_EDITS, rand);
    }
  for (guint d = 0; d < N_DESKS; d++)
    {
      batches[d] = own_ops (desks, d);
      g_ptr_array_extend (all, batches[d], NULL, NULL);
    }
  g_print ("# 5 desks made %u ops in %.1f s (change sets of %u inserts or up to %u edits, "
           "each a durable commit)\n", all->len, ed_bench_ms_since (start) / 1000.0,
           INSERTS_PER_SET, EDITS_PER_SET);

  /* The measured variant: one call per desk's batch, on fresh district files. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autofree char *name = g_strdup_printf ("fresh-%u.db", run);
      g_autoptr(EdContext) fresh = open_desk (schema, dir, name);
      double ms;

      start = g_get_monotonic_time ();
      for (guint d = 0; d < N_DESKS; d++)
        apply (fresh, batches[d]);
      ms = ed_bench_ms_since (start);
      g_array_append_val (batched_ms, ms);
      if (run == 0)
        {
          reference_hash = state_hash (fresh);
          conflicts = ed_conflicts_list (ED_REPLICA (fresh), &error);
          ed_bench_check (conflicts != NULL, error, "ed_conflicts_list");
        }
    }

  /* One call with every op, shuffled: one transaction. */
  {
    g_autoptr(EdContext) fresh = open_desk (schema, dir, "fresh-one-call.db");
    g_autoptr(GPtrArray) shuffled = g_ptr_array_copy (all, NULL, NULL);

    for (guint i = shuffled->len; i > 1; i--)
      {
        guint j = g_rand_int_range (rand, 0, i);
        gpointer tmp = shuffled->pdata[i - 1];

        shuffled->pdata[i - 1] = shuffled->pdata[j];
        shuffled->pdata[j] = tmp;
      }
    start = g_get_monotonic_time ();
    apply (fresh, shuffled);
    one_call_ms = ed_bench_ms_since (start);
    one_call_hash = state_hash (fresh);
    if (g_strcmp0 (reference_hash, one_call_hash) != 0)
      g_error ("One call and five calls reached different states");
  }

  /* Reading the five bundles back from files (json-glib parse), for the whole of T1. */
  for (guint d = 0; d < N_DESKS; d++)
    {
      g_autofree char *name = g_strdup_printf ("bundle-%u.json", d);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GPtrArray) read_back = NULL;

      ed_bench_check (ed_ops_write_file (batches[d], NULL, path, &error), error,
                      "ed_ops_write_file");
      start = g_get_monotonic_time ();
      read_back = ed_ops_read_file (path, NULL, &error);
      read_ms += ed_bench_ms_since (start);
      ed_bench_check (read_back != NULL, error, "ed_ops_read_file");
      if (read_back->len != batches[d]->len)
        g_error ("Bundle %u read back %u of %u ops", d, read_back->len, batches[d]->len);
    }

  median = ed_bench_percentile (batched_ms, 50);
  g_print ("# one ed_merge_apply() per desk (5 transactions of 2,000 ops): %.0f, %.0f, %.0f ms "
           "over %u fresh desks; %.1f us per op; %u open conflicts after the merge\n",
           g_array_index (batched_ms, double, 0), g_array_index (batched_ms, double, 1),
           g_array_index (batched_ms, double, 2), N_RUNS, median * 1000.0 / all->len,
           conflicts->len);
  g_print ("# one ed_merge_apply() of all %u ops shuffled (1 transaction): %.0f ms, same state "
           "hash\n", all->len, one_call_ms);
  g_print ("# reading the 5 bundles back from JSON files: %.0f ms (not in the figure)\n",
           read_ms);
  g_print ("bench: merge-10000-ops %.0f ms budget %.0f ms\n", median, BUDGET_MS);

  for (guint d = 0; d < N_DESKS; d++)
    {
      g_ptr_array_unref (batches[d]);
      g_ptr_array_unref (desks[d].rows);
      g_object_unref (desks[d].context);
    }
  ed_bench_remove_dir (dir);
  return median <= BUDGET_MS ? 0 : 1;
}
