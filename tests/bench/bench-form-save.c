/* bench-form-save.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* T2 (SYNC.md §6, DESIGN.md §9): saving a form of 20 fields takes at most 20 ms at p95.
 *
 * A district file with the default pragmas (WAL, synchronous=FULL, so each save waits for its
 * fsync), holding 5,000 rows of a 20-column table. Each save is what a form's Save button
 * does: ed_change_set_begin(), 20 ed_change_set_set() calls that all change their field (so
 * 20 ops), ed_change_set_commit(). 10 saves warm up, then 200 are timed; the figure is their
 * nearest-rank p95. */

#define G_LOG_DOMAIN "ed-bench-form-save"

#include "config.h"

#include "ed-modules.h"
#include "ed-bench-util.h"
#include "changes/ed-change-set.h"
#include "district/ed-context-private.h"

#define N_COLUMNS 20
#define N_ROWS 5000
#define ROWS_PER_SET 500
#define N_WARM_UP 10
#define N_SAVES 200
#define BUDGET_MS 20.0

static const EdColumnDef form_columns[N_COLUMNS] = {
  { "title", ED_VALUE_TEXT },
  { "forename", ED_VALUE_TEXT },
  { "middle_names", ED_VALUE_TEXT },
  { "surname", ED_VALUE_TEXT },
  { "address_1", ED_VALUE_TEXT },
  { "address_2", ED_VALUE_TEXT },
  { "address_3", ED_VALUE_TEXT },
  { "town", ED_VALUE_TEXT },
  { "postcode", ED_VALUE_TEXT },
  { "email", ED_VALUE_TEXT },
  { "phone", ED_VALUE_TEXT },
  { "nationality", ED_VALUE_TEXT },
  { "household", ED_VALUE_INTEGER },
  { "rank", ED_VALUE_INTEGER },
  { "stage", ED_VALUE_INTEGER },
  { "postal_vote", ED_VALUE_BOOLEAN },
  { "opted_out", ED_VALUE_BOOLEAN },
  { "fee", ED_VALUE_MONEY },
  { "expenses", ED_VALUE_MONEY },
  { "attained", ED_VALUE_DATE },
};

static const EdTableDef form_table = {
  "bench_form", form_columns, N_COLUMNS,
};

/* A SQL column definition per column, in the order above. */
static const char create_table_sql[] =
  "CREATE TABLE bench_form (id TEXT PRIMARY KEY NOT NULL, "
  "title TEXT NOT NULL DEFAULT '', forename TEXT NOT NULL DEFAULT '', "
  "middle_names TEXT NOT NULL DEFAULT '', surname TEXT NOT NULL DEFAULT '', "
  "address_1 TEXT NOT NULL DEFAULT '', address_2 TEXT NOT NULL DEFAULT '', "
  "address_3 TEXT NOT NULL DEFAULT '', town TEXT NOT NULL DEFAULT '', "
  "postcode TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '', "
  "phone TEXT NOT NULL DEFAULT '', nationality TEXT NOT NULL DEFAULT '', "
  "household INTEGER NOT NULL DEFAULT 0, rank INTEGER NOT NULL DEFAULT 0, "
  "stage INTEGER NOT NULL DEFAULT 0, postal_vote INTEGER NOT NULL DEFAULT 0, "
  "opted_out INTEGER NOT NULL DEFAULT 0, fee INTEGER NOT NULL DEFAULT 0, "
  "expenses INTEGER NOT NULL DEFAULT 0, attained TEXT NOT NULL DEFAULT '') STRICT";

/* The value of field @col of row @row as inserted (@saved FALSE) or as a form saves it later:
 * every field differs between the two, so each of a save's 20 sets is a real change and makes
 * an op (a set to the value a field already has makes none). */
static GVariant *
value_for (guint    col,
           guint    row,
           gboolean saved)
{
  switch (form_columns[col].type)
    {
    case ED_VALUE_TEXT:
      {
        g_autofree char *text = g_strdup_printf ("%s %u%s", form_columns[col].name, row,
                                                 saved ? " (amended)" : "");

        return g_variant_new_string (text);
      }
    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
      return g_variant_new_int64 ((gint64)row * 100 + col + (saved ? 1000000 : 0));
    case ED_VALUE_BOOLEAN:
      return g_variant_new_boolean (saved);
    case ED_VALUE_DATE:
      {
        g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", saved ? 2008 : 1950 + row % 50,
                                                 1 + row % 12, 1 + row % 28);

        return g_variant_new_string (date);
      }
    default:
      g_assert_not_reached ();
    }
}

static double
save_form (EdContext  *context,
           const char *row_id,
           guint       row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  ed_bench_check (change_set != NULL, error, "ed_change_set_begin");
  for (guint c = 0; c < N_COLUMNS; c++)
    ed_bench_check (ed_change_set_set (change_set, form_table.name, row_id,
                                       form_columns[c].name, value_for (c, row, TRUE), &error),
                    error, "ed_change_set_set");
  if (ed_change_set_get_n_ops (change_set) != N_COLUMNS)
    g_error ("A save made %u ops, not %u", ed_change_set_get_n_ops (change_set), N_COLUMNS);
  ed_bench_check (ed_change_set_commit (change_set, &error), error, "ed_change_set_commit");
  ms = ed_bench_ms_since (start);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(EdSchema) schema = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260507);
  g_autoptr(GError) error = NULL;
  guint order[N_ROWS];
  double p95;
  double median;

  for (guint i = 0; i < N_ROWS; i++)
    order[i] = i;
  ed_bench_init ();
  dir = ed_bench_make_dir ();
  path = g_build_filename (dir, "district.db", NULL);
  schema = ed_modules_new_schema ();
  ed_schema_add_table (schema, &form_table);
  context = _ed_context_open_full (path, ed_modules_get_all (), schema, NULL, NULL, NULL,
                                   &error);
  ed_bench_check (context != NULL, error, "opening the district");
  ed_bench_check (ed_database_exec (ed_context_get_database (context), create_table_sql, &error),
                  error, "creating the table");

  for (guint done = 0; done < N_ROWS; done += ROWS_PER_SET)
    {
      g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

      ed_bench_check (change_set != NULL, error, "ed_change_set_begin");
      for (guint i = 0; i < ROWS_PER_SET; i++)
        {
          const char *columns[N_COLUMNS];
          GVariant *values[N_COLUMNS];
          char *row_id = NULL;

          for (guint c = 0; c < N_COLUMNS; c++)
            {
              columns[c] = form_columns[c].name;
              values[c] = g_variant_ref_sink (value_for (c, done + i, FALSE));
            }
          ed_bench_check (ed_change_set_insert (change_set, form_table.name, NULL, columns,
                                                (GVariant * const *)values, N_COLUMNS, &row_id,
                                                &error),
                          error, "ed_change_set_insert");
          for (guint c = 0; c < N_COLUMNS; c++)
            g_variant_unref (values[c]);
          g_ptr_array_add (rows, row_id);
        }
      ed_bench_check (ed_change_set_commit (change_set, &error), error, "commit");
    }

  /* Each save edits a different row, picked at random. */
  for (guint i = N_ROWS; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      guint tmp = order[i - 1];

      order[i - 1] = order[j];
      order[j] = tmp;
    }
  for (guint save = 0; save < N_WARM_UP + N_SAVES; save++)
    {
      guint row = order[save];
      double ms = save_form (context, g_ptr_array_index (rows, row), row);

      if (save >= N_WARM_UP)
        g_array_append_val (samples, ms);
    }

  p95 = ed_bench_percentile (samples, 95);
  median = ed_bench_percentile (samples, 50);
  g_print ("# %u saves of %u fields (%u ops each, synchronous=FULL, WAL) on a file of %u rows: "
           "min %.2f ms, median %.2f ms, p95 %.2f ms, max %.2f ms\n", N_SAVES, N_COLUMNS,
           N_COLUMNS, N_ROWS, g_array_index (samples, double, 0), median, p95,
           g_array_index (samples, double, samples->len - 1));
  g_print ("bench: form-save-p95 %.2f ms budget %.0f ms\n", p95, BUDGET_MS);

  g_clear_object (&context);
  ed_bench_remove_dir (dir);
  return p95 <= BUDGET_MS ? 0 : 1;
}
