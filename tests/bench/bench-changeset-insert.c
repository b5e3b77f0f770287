/* bench-changeset-insert.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the op log costs a bulk insert (an elector import, DESIGN.md §9): 300,000 rows of 15
 * columns inserted through EdChangeSet, in change sets of 10,000 rows, against the same rows
 * inserted with one prepared INSERT statement into an identical table in another district
 * file, in transactions of 10,000 rows. Both files are opened the same way (WAL,
 * synchronous=FULL, the real migrations); the rows, their ids (made as the change set makes
 * them, ed_row_id_new()) and their values are made before either clock starts. The figure is
 * the ratio of the two times. */

#define G_LOG_DOMAIN "ed-bench-changeset-insert"

#include "config.h"

#include "ed-modules.h"
#include "ed-test-lib.h"
#include "ed-bench-util.h"
#include "changes/ed-change-set.h"
#include "district/ed-context-private.h"
#include "changes/ed-row-id.h"

#define N_ROWS 300000
#define ROWS_PER_TRANSACTION 10000
#define N_COLUMNS 15
#define POOL_SIZE 1024
#define BUDGET_RATIO 2.5

static const EdColumnDef voter_columns[N_COLUMNS] = {
  { "title", ED_VALUE_TEXT },
  { "forename", ED_VALUE_TEXT },
  { "middle_names", ED_VALUE_TEXT },
  { "surname", ED_VALUE_TEXT },
  { "address_1", ED_VALUE_TEXT },
  { "address_2", ED_VALUE_TEXT },
  { "address_3", ED_VALUE_TEXT },
  { "town", ED_VALUE_TEXT },
  { "postcode", ED_VALUE_TEXT },
  { "polling_district", ED_VALUE_TEXT },
  { "elector_number", ED_VALUE_TEXT },
  { "household", ED_VALUE_INTEGER },
  { "uprn", ED_VALUE_INTEGER },
  { "postal_vote", ED_VALUE_BOOLEAN },
  { "attained", ED_VALUE_DATE },
};

static const EdTableDef voter_table = {
  "bench_voter", voter_columns, N_COLUMNS,
};

static const char create_table_sql[] =
  "CREATE TABLE bench_voter (id TEXT PRIMARY KEY NOT NULL, "
  "title TEXT NOT NULL DEFAULT '', forename TEXT NOT NULL DEFAULT '', "
  "middle_names TEXT NOT NULL DEFAULT '', surname TEXT NOT NULL DEFAULT '', "
  "address_1 TEXT NOT NULL DEFAULT '', address_2 TEXT NOT NULL DEFAULT '', "
  "address_3 TEXT NOT NULL DEFAULT '', town TEXT NOT NULL DEFAULT '', "
  "postcode TEXT NOT NULL DEFAULT '', polling_district TEXT NOT NULL DEFAULT '', "
  "elector_number TEXT NOT NULL DEFAULT '', household INTEGER NOT NULL DEFAULT 0, "
  "uprn INTEGER NOT NULL DEFAULT 0, postal_vote INTEGER NOT NULL DEFAULT 0, "
  "attained TEXT NOT NULL DEFAULT '') STRICT";

static const char insert_sql[] =
  "INSERT INTO bench_voter (id, title, forename, middle_names, surname, address_1, address_2, "
  "address_3, town, postcode, polling_district, elector_number, household, uprn, postal_vote, "
  "attained) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

static const char copy_table_sql[] = "CREATE TABLE bench_copy (val TEXT NOT NULL) STRICT";
static const char insert_copy_sql[] = "INSERT INTO bench_copy (val) VALUES (?1)";

/* The test data: each column draws from a pool of values; each row has its own id. */
typedef struct
{
  char   *ids[N_ROWS];
  char   *text[N_COLUMNS][POOL_SIZE];
  gint64  numbers[N_COLUMNS][POOL_SIZE];
} Data;

static guint
pick (guint row,
      guint col)
{
  return (row * 2654435761u + col * 40503u) % POOL_SIZE;
}

static Data *
data_new (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260507);
  Data *data = g_new0 (Data, 1);

  for (guint i = 0; i < N_ROWS; i++)
    data->ids[i] = ed_row_id_new ();
  for (guint c = 0; c < N_COLUMNS; c++)
    for (guint k = 0; k < POOL_SIZE; k++)
      {
        switch (voter_columns[c].type)
          {
          case ED_VALUE_TEXT:
            data->text[c][k] = g_strdup_printf ("%s %c%u", voter_columns[c].name,
                                                'A' + g_rand_int_range (rand, 0, 26), k);
            break;
          case ED_VALUE_DATE:
            data->text[c][k] = g_strdup_printf ("20%02u-%02u-%02u", k % 10, 1 + k % 12,
                                                1 + k % 28);
            break;
          case ED_VALUE_INTEGER:
          case ED_VALUE_MONEY:
            data->numbers[c][k] = g_rand_int_range (rand, 0, G_MAXINT32);
            break;
          case ED_VALUE_BOOLEAN:
            data->numbers[c][k] = g_rand_boolean (rand);
            break;
          default:
            g_assert_not_reached ();
          }
      }
  return data;
}

static void
data_free (Data *data)
{
  for (guint i = 0; i < N_ROWS; i++)
    g_free (data->ids[i]);
  for (guint c = 0; c < N_COLUMNS; c++)
    for (guint k = 0; k < POOL_SIZE; k++)
      g_free (data->text[c][k]);
  g_free (data);
}

static double
insert_plain (EdDatabase *database,
              Data       *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 start;

  stmt = ed_database_prepare (database, insert_sql, &error);
  ed_bench_check (stmt != NULL, error, "preparing the INSERT");

  start = g_get_monotonic_time ();
  for (guint done = 0; done < N_ROWS; done += ROWS_PER_TRANSACTION)
    {
      ed_bench_check (ed_database_begin (database, &error), error, "BEGIN");
      for (guint row = done; row < done + ROWS_PER_TRANSACTION; row++)
        {
          sqlite3_bind_text (stmt, 1, data->ids[row], -1, SQLITE_STATIC);
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              guint k = pick (row, c);

              if (data->text[c][k] != NULL)
                sqlite3_bind_text (stmt, c + 2, data->text[c][k], -1, SQLITE_STATIC);
              else
                sqlite3_bind_int64 (stmt, c + 2, data->numbers[c][k]);
            }
          ed_bench_check (ed_database_step_done (database, stmt, &error), error, "INSERT");
          sqlite3_reset (stmt);
        }
      ed_bench_check (ed_database_commit (database, &error), error, "COMMIT");
    }
  return ed_bench_ms_since (start);
}

/* The least any op log can cost: the same plain INSERT, plus one more row holding a copy of
 * the values (a JSON array, no keys, no op metadata, no index). An op log that keeps every
 * value, as SYNC.md §4.3 asks so that any desk can rebuild and audit a row, writes at least
 * this much; the figure shows how much of the ratio is the copy itself. */
static double
insert_plain_with_copy (EdDatabase *database,
                        Data       *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) copy = NULL;
  g_autoptr(GString) json = g_string_sized_new (512);
  gint64 start;

  ed_bench_check (ed_database_exec (database, copy_table_sql, &error), error, "creating the copy table");
  stmt = ed_database_prepare (database, insert_sql, &error);
  ed_bench_check (stmt != NULL, error, "preparing the INSERT");
  copy = ed_database_prepare (database, insert_copy_sql, &error);
  ed_bench_check (copy != NULL, error, "preparing the INSERT of the copy");

  start = g_get_monotonic_time ();
  for (guint done = 0; done < N_ROWS; done += ROWS_PER_TRANSACTION)
    {
      ed_bench_check (ed_database_begin (database, &error), error, "BEGIN");
      for (guint row = done; row < done + ROWS_PER_TRANSACTION; row++)
        {
          g_string_truncate (json, 0);
          g_string_append_c (json, '[');
          sqlite3_bind_text (stmt, 1, data->ids[row], -1, SQLITE_STATIC);
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              guint k = pick (row, c);

              if (c > 0)
                g_string_append_c (json, ',');
              if (data->text[c][k] != NULL)
                {
                  sqlite3_bind_text (stmt, c + 2, data->text[c][k], -1, SQLITE_STATIC);
                  g_string_append_printf (json, "\"%s\"", data->text[c][k]);
                }
              else
                {
                  sqlite3_bind_int64 (stmt, c + 2, data->numbers[c][k]);
                  g_string_append_printf (json, "%" G_GINT64_FORMAT, data->numbers[c][k]);
                }
            }
          g_string_append_c (json, ']');
          ed_bench_check (ed_database_step_done (database, stmt, &error), error, "INSERT");
          sqlite3_reset (stmt);
          sqlite3_bind_text (copy, 1, json->str, json->len, SQLITE_STATIC);
          ed_bench_check (ed_database_step_done (database, copy, &error), error, "INSERT copy");
          sqlite3_reset (copy);
        }
      ed_bench_check (ed_database_commit (database, &error), error, "COMMIT");
    }
  return ed_bench_ms_since (start);
}

static GVariant *
value_of (Data  *data,
          guint  row,
          guint  col)
{
  guint k = pick (row, col);

  switch (voter_columns[col].type)
    {
    case ED_VALUE_TEXT:
    case ED_VALUE_DATE:
      return g_variant_new_string (data->text[col][k]);
    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
      return g_variant_new_int64 (data->numbers[col][k]);
    case ED_VALUE_BOOLEAN:
      return g_variant_new_boolean (data->numbers[col][k] != 0);
    default:
      g_assert_not_reached ();
    }
}

static double
insert_through_change_sets (EdContext *context,
                            Data      *data)
{
  const char *columns[N_COLUMNS];
  gint64 start;

  for (guint c = 0; c < N_COLUMNS; c++)
    columns[c] = voter_columns[c].name;

  start = g_get_monotonic_time ();
  for (guint done = 0; done < N_ROWS; done += ROWS_PER_TRANSACTION)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

      ed_bench_check (change_set != NULL, error, "ed_change_set_begin");
      for (guint row = done; row < done + ROWS_PER_TRANSACTION; row++)
        {
          GVariant *values[N_COLUMNS];

          /* Floating references: the change set sinks them, as a caller would expect. */
          for (guint c = 0; c < N_COLUMNS; c++)
            values[c] = value_of (data, row, c);
          ed_bench_check (ed_change_set_insert (change_set, voter_table.name, data->ids[row],
                                                columns, (GVariant * const *)values,
                                                N_COLUMNS, NULL, &error),
                          error, "ed_change_set_insert");
        }
      ed_bench_check (ed_change_set_commit (change_set, &error), error, "ed_change_set_commit");
    }
  return ed_bench_ms_since (start);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *ops_path = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(EdSchema) schema = NULL;
  g_autoptr(EdDatabase) plain = NULL;
  g_autoptr(EdDatabase) with_copy = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_rows = 0;
  Data *data;
  double plain_ms;
  double ops_ms;
  double copy_ms;
  double ratio;

  ed_bench_init ();
  dir = ed_bench_make_dir ();
  plain_path = g_build_filename (dir, "plain.db", NULL);
  ops_path = g_build_filename (dir, "change-sets.db", NULL);
  copy_path = g_build_filename (dir, "plain-with-copy.db", NULL);
  data = data_new ();

  plain = ed_database_open (plain_path, ed_test_migrations (), &error);
  ed_bench_check (plain != NULL, error, "opening the plain database");
  ed_bench_check (ed_database_exec (plain, create_table_sql, &error), error, "creating the table");

  with_copy = ed_database_open (copy_path, ed_test_migrations (), &error);
  ed_bench_check (with_copy != NULL, error, "opening the database for the copy");
  ed_bench_check (ed_database_exec (with_copy, create_table_sql, &error), error, "creating the table");

  schema = ed_modules_new_schema ();
  ed_schema_add_table (schema, &voter_table);
  context = _ed_context_open_full (ops_path, ed_modules_get_all (), schema, NULL, NULL, NULL,
                                   &error);
  ed_bench_check (context != NULL, error, "opening the district");
  ed_bench_check (ed_database_exec (ed_context_get_database (context), create_table_sql, &error),
                  error, "creating the table");

  plain_ms = insert_plain (plain, data);
  ops_ms = insert_through_change_sets (context, data);
  copy_ms = insert_plain_with_copy (with_copy, data);

  ed_bench_check (ed_database_count_rows (ed_context_get_database (context), voter_table.name,
                                          &n_rows, &error), error, "counting rows");
  if (n_rows != N_ROWS)
    g_error ("The change sets left %" G_GINT64_FORMAT " rows, not %u", n_rows, N_ROWS);

  ratio = ops_ms / plain_ms;
  g_print ("# %u rows x %u columns in transactions of %u: EdChangeSet %.2f s (%.0f rows/s), "
           "plain prepared INSERT %.2f s (%.0f rows/s)\n", N_ROWS, N_COLUMNS,
           ROWS_PER_TRANSACTION, ops_ms / 1000.0, N_ROWS / (ops_ms / 1000.0), plain_ms / 1000.0,
           N_ROWS / (plain_ms / 1000.0));
  g_print ("# floor for any op log that keeps values: the plain INSERT plus an unindexed copy of "
           "the values %.2f s = %.2f x the plain INSERT; EdChangeSet = %.2f x that floor\n",
           copy_ms / 1000.0, copy_ms / plain_ms, ops_ms / copy_ms);
  g_print ("bench: changeset-insert-ratio %.2f x budget %.1f x\n", ratio, BUDGET_RATIO);

  g_clear_object (&context);
  g_clear_object (&plain);
  g_clear_object (&with_copy);
  data_free (data);
  ed_bench_remove_dir (dir);
  return ratio <= BUDGET_RATIO ? 0 : 1;
}
