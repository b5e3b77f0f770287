/* test-register-supply.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "register/ed-register-export.h"
#include "register/ed-register-supply.h"
#include "ed-test-cli.h"
#include "ed-test-demo.h"
#include "ed-test-register.h"

#define N_ELECTORS 1500

static gint64
count (EdContext  *context,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context), sql,
                                                      &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
request_init (EdSupplyRequest *request,
              const char      *recipient,
              const char      *entitlement,
              EdSaleKind       item,
              EdSaleFormat     format)
{
  memset (request, 0, sizeof *request);
  g_date_clear (&request->supplied_on, 1);
  g_date_set_dmy (&request->supplied_on, 1, G_DATE_DECEMBER, 2026);
  request->recipient = recipient;
  request->entitlement = entitlement;
  request->item = item;
  request->format = format;
}

/* DOMAIN.md §1.3, the worked test: 62,345 entries as data cost £20 + 63 × £1.50 = £114.50,
 * printed £10 + 63 × £5 = £325.00; an entitlement that buys pays exactly that. */
static void
test_statutory_example (void)
{
  const EdSupplyEntitlement *agency = ed_supply_entitlement_lookup ("credit-reference-agency",
                                                                    NULL);

  g_assert_nonnull (agency);
  g_assert_cmpint (ed_sale_fee (ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA, 62345), ==, 11450);
  g_assert_cmpint (ed_sale_fee (ED_SALE_KIND_FULL, ED_SALE_FORMAT_PRINTED, 62345), ==, 32500);
  g_assert_cmpint (ed_supply_fee (agency, ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA, 62345), ==,
                   11450);
  g_assert_cmpint (ed_supply_fee (agency, ED_SALE_KIND_FULL, ED_SALE_FORMAT_PRINTED, 62345), ==,
                   32500);
}

/* The fee recorded is the statutory one (DOMAIN.md §1.3) for the entries the register holds:
 * 1,500 entries are two units of 1,000 "or part". */
static void
test_fee_recorded (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSupply) as_data = NULL;
  g_autoptr(EdSupply) printed = NULL;
  g_autoptr(GPtrArray) list = NULL;
  EdSupplyRequest request;

  request_init (&request, "Northgate Credit Data Ltd", "credit-reference-agency",
                ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA);
  as_data = ed_register_supply_record (context, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (as_data->entries, ==, N_ELECTORS);
  g_assert_cmpint (as_data->entries, ==, count (context, "SELECT count(*) FROM elector"));
  g_assert_cmpint (as_data->fee, ==, 2000 + 2 * 150);
  g_assert_cmpint (as_data->fee, ==, ed_sale_fee (ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA,
                                                  as_data->entries));

  request.format = ED_SALE_FORMAT_PRINTED;
  printed = ed_register_supply_record (context, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (printed->fee, ==, 1000 + 2 * 500);

  list = ed_register_supply_list (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      EdSupply *row = g_ptr_array_index (list, i);
      EdSupply *made = g_str_equal (row->id, as_data->id) ? as_data : printed;

      g_assert_cmpstr (row->recipient, ==, "Northgate Credit Data Ltd");
      g_assert_cmpstr (row->entitlement, ==, "credit-reference-agency");
      g_assert_cmpint (row->item, ==, ED_SALE_KIND_FULL);
      g_assert_cmpint (row->format, ==, made->format);
      g_assert_cmpuint (row->entries, ==, N_ELECTORS);
      g_assert_cmpint (row->fee, ==, made->fee);
      g_assert_cmpint (g_date_compare (&row->supplied_on, &request.supplied_on), ==, 0);
    }
}

/* Those supplied free by law (candidates, parties and others; DOMAIN.md §1.3) pay nothing,
 * but the entries are still recorded. The marked register is charged for everyone. */
static void
test_free_supply (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSupply) free_copy = NULL;
  g_autoptr(EdSupply) marked = NULL;
  EdSupplyRequest request;

  request_init (&request, "A. Candidate (synthetic)", "candidate", ED_SALE_KIND_FULL,
                ED_SALE_FORMAT_PRINTED);
  free_copy = ed_register_supply_record (context, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (free_copy->fee, ==, 0);
  g_assert_cmpuint (free_copy->entries, ==, N_ELECTORS);

  request.item = ED_SALE_KIND_MARKED;
  request.format = ED_SALE_FORMAT_DATA;
  request.entries = 0;
  g_assert_null (ed_register_supply_record (context, &request, &error));
  g_assert_error (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_INVALID);
  g_clear_error (&error);
  request.entries = 2345;
  marked = ed_register_supply_record (context, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (marked->fee, ==, 1000 + 3 * 100);
  g_assert_cmpint (count (context, "SELECT count(*) FROM register_supply"), ==, 2);
}

/* DOMAIN.md §1.3: the full register is supplied only to specified persons; a buyer of the
 * edited register is refused it, with nothing recorded. */
static void
test_refuses_full_without_entitlement (EdTestDir     *fixture,
                                       gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GError) error = NULL;
  EdSupplyRequest request;
  EdSaleKind refused[] = { ED_SALE_KIND_FULL, ED_SALE_KIND_NOTICE, ED_SALE_KIND_OVERSEAS,
                           ED_SALE_KIND_MARKED };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      request_init (&request, "Mailshot Marketing Ltd", "edited-register-purchase", refused[i],
                    ED_SALE_FORMAT_DATA);
      request.entries = 100;
      g_assert_null (ed_register_supply_record (context, &request, &error));
      g_assert_error (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_NOT_ENTITLED);
      g_clear_error (&error);
    }

  request_init (&request, "Mailshot Marketing Ltd", "no-such-basis", ED_SALE_KIND_EDITED,
                ED_SALE_FORMAT_DATA);
  g_assert_null (ed_register_supply_record (context, &request, &error));
  g_assert_error (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_UNKNOWN_ENTITLEMENT);
  g_clear_error (&error);

  request_init (&request, "  ", "edited-register-purchase", ED_SALE_KIND_EDITED,
                ED_SALE_FORMAT_DATA);
  g_assert_null (ed_register_supply_record (context, &request, &error));
  g_assert_error (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (count (context, "SELECT count(*) FROM register_supply"), ==, 0);
}

static char *
first_elector (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context),
                                                      "SELECT id FROM elector ORDER BY rowid "
                                                      "LIMIT 1", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static char *
read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* The edited register may be sold to anyone (DOMAIN.md §1.3); the copy written is the open
 * edition as at the date of supply, entry for entry what was counted and charged for, and
 * leaves out those who opted out and anonymous entries. */
static void
test_export_matches_edition (EdTestDir     *fixture,
                             gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = ed_test_dir_file (fixture, "copy.csv");
  g_autofree char *edition_path = ed_test_dir_file (fixture, "edition.csv");
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(GFile) edition_file = g_file_new_for_path (edition_path);
  g_autofree char *copy = NULL;
  g_autofree char *edition = NULL;
  g_autoptr(EdSupply) open = NULL;
  g_autoptr(EdSupply) full = NULL;
  g_autofree char *young = NULL;
  EdSupplyRequest request;
  guint n_written = 0;
  guint n_edition = 0;
  gint64 excluded;

  excluded = count (context, "SELECT count(*) FROM elector WHERE "
                             "(open_register_opt_out OR anonymous) AND rowid <> "
                             "(SELECT min (rowid) FROM elector)");
  /* In Scotland a 14 or 15 year old can be registered (DOMAIN.md §1.2) but never appears in
   * the open register: one turns 16 after the date of supply. */
  g_assert_true (ed_district_settings_set (ed_context_get_settings (context), "country",
                                           "scotland", &error));
  g_assert_no_error (error);
  young = first_elector (context);
  ed_test_elector_set (context, young, "attainer_date", g_variant_new_string ("2027-03-01"));
  ed_test_elector_set (context, young, "open_register_opt_out", g_variant_new_boolean (FALSE));
  ed_test_elector_set (context, young, "anonymous", g_variant_new_boolean (FALSE));

  request_init (&request, "Mailshot Marketing Ltd", "edited-register-purchase",
                ED_SALE_KIND_EDITED, ED_SALE_FORMAT_DATA);
  open = ed_register_supply_record (context, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (excluded, >, 0);
  g_assert_cmpuint (open->entries, <=, N_ELECTORS - excluded - 1);
  g_assert_cmpint (open->fee, ==, ed_sale_fee (ED_SALE_KIND_EDITED, ED_SALE_FORMAT_DATA,
                                               open->entries));

  g_assert_true (ed_register_supply_export_csv (context, open, copy_file, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, open->entries);
  g_assert_true (ed_register_export_csv (context, ED_REGISTER_EDITION_OPEN, &request.supplied_on,
                                         edition_file, &n_edition, &error));
  g_assert_no_error (error);
  copy = read_all (copy_path);
  edition = read_all (edition_path);
  g_assert_cmpstr (copy, ==, edition);
  g_assert_null (strstr (copy, "open_register_opt_out"));

  request_init (&request, "Jury Central Summoning Bureau", "jury-summoning", ED_SALE_KIND_FULL,
                ED_SALE_FORMAT_DATA);
  full = ed_register_supply_record (context, &request, &error);
  g_assert_no_error (error);
  g_assert_true (ed_register_supply_export_csv (context, full, copy_file, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, full->entries);
  /* What is supplied is the published full register, never the export of every field
   * (DOMAIN.md §1.3): test-register-published.c checks its content. */
  g_assert_true (ed_register_export_csv (context, ED_REGISTER_EDITION_FULL, &request.supplied_on,
                                         edition_file, &n_edition, &error));
  g_assert_no_error (error);
  g_free (copy);
  g_free (edition);
  copy = read_all (copy_path);
  edition = read_all (edition_path);
  g_assert_cmpstr (copy, !=, edition);
  g_assert_null (strstr (copy, "absent_vote"));
  g_assert_nonnull (strstr (edition, "absent_vote"));
}

/* A printed copy is the published register as PDF, as at the date of supply, with every
 * entry that was counted for the fee. */
static void
test_printed_copy (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "copy.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(EdSupply) supply = NULL;
  EdSupplyRequest request;
  guint n_written = 0;

  request_init (&request, "Mailshot Marketing Ltd", "edited-register-purchase",
                ED_SALE_KIND_EDITED, ED_SALE_FORMAT_PRINTED);
  supply = ed_register_supply_record (context, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (supply->fee, ==, ed_sale_fee (ED_SALE_KIND_EDITED, ED_SALE_FORMAT_PRINTED,
                                                 supply->entries));
  g_assert_true (ed_register_supply_export (context, supply, file, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, supply->entries);
  contents = read_all (path);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

typedef struct
{
  gboolean       cancel;       /* on the first report past 0 */
  gboolean       cancelled;
  GAsyncResult  *result;
} ExportRun;

static void
export_progress_cb (EdJob      *job,
                    double      fraction,
                    const char *text,
                    ExportRun  *run)
{
  if (run->cancel && !run->cancelled && fraction > 0.0)
    {
      run->cancelled = TRUE;
      ed_job_cancel (job);
    }
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ((ExportRun *)user_data)->result = g_object_ref (result);
}

static EdSupply *
export_as_job (EdContext              *context,
               const EdSupplyRequest  *request,
               GFile                  *file,
               gboolean                cancel,
               guint                  *out_n_written,
               GError                **error)
{
  ExportRun run = { cancel, FALSE, NULL };
  EdJob *job = ed_register_supply_export_async (context, request, file, NULL, export_done_cb,
                                                &run);
  EdSupply *supply;

  g_signal_connect (job, "progress", G_CALLBACK (export_progress_cb), &run);
  while (run.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  supply = ed_register_supply_export_finish (job, run.result, out_n_written, error);
  g_assert_true (run.cancelled == cancel);
  g_object_unref (run.result);
  return supply;
}

/* Recording a supply and writing its copy is one job: stopped half way through the copy, or
 * failing, it records nothing and leaves no file; left alone, it does both. */
static void
test_export_as_job (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autofree char *path = ed_test_dir_file (fixture, "copy.pdf");
  g_autofree char *nowhere = ed_test_dir_file (fixture, "no-such-folder/copy.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
  g_autofree char *before = ed_test_register_state_hash (context);
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(EdSupply) supply = NULL;
  g_autoptr(GError) error = NULL;
  EdSupplyRequest request;
  guint n_written = 0;

  request_init (&request, "Mailshot Marketing Ltd", "edited-register-purchase",
                ED_SALE_KIND_EDITED, ED_SALE_FORMAT_PRINTED);

  supply = export_as_job (context, &request, file, TRUE, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (supply);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  after = ed_test_register_state_hash (context);
  g_assert_cmpstr (after, ==, before);

  supply = export_as_job (context, &request, nowhere_file, FALSE, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (supply);
  g_clear_error (&error);
  g_assert_cmpint (count (context, "SELECT count(*) FROM register_supply"), ==, 0);

  supply = export_as_job (context, &request, file, FALSE, &n_written, &error);
  g_assert_no_error (error);
  g_assert_nonnull (supply);
  g_assert_cmpuint (n_written, ==, supply->entries);
  g_assert_cmpint (supply->fee, ==, ed_sale_fee (ED_SALE_KIND_EDITED, ED_SALE_FORMAT_PRINTED,
                                                 supply->entries));
  g_assert_cmpint (count (context, "SELECT count(*) FROM register_supply"), ==, 1);
  contents = read_all (path);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

/* The list of overseas electors is those marked F (DOMAIN.md §1.2), charged per 100 entries
 * (§1.3). */
static void
test_overseas_list (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSupply) supply = NULL;
  EdSupplyRequest request;
  gint64 overseas = count (context, "SELECT count(*) FROM elector WHERE marker = 'F'");

  request_init (&request, "HM Land Registry (synthetic)", "government-department",
                ED_SALE_KIND_OVERSEAS, ED_SALE_FORMAT_DATA);
  supply = ed_register_supply_record (context, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (supply->entries, ==, overseas);
  g_assert_cmpint (supply->fee, ==, 2000 + (overseas + 99) / 100 * 150);
}

/* The command line refuses the full register to a buyer with status 1 and records nothing;
 * a sale of the edited register is recorded with its fee, its copy written, and listed. */
static void
test_cli (EdTestDir     *fixture,
          gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autofree char *db = g_strdup (ed_database_get_path (ed_context_get_database (context)));
  g_autofree char *copy = ed_test_dir_file (fixture, "copy.csv");
  g_auto(EdTestCliResult) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *row;
  guint64 open_entries = 0;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_DECEMBER, 2026);
  g_assert_true (ed_register_supply_count_entries (context, ED_SALE_KIND_EDITED, &date, NULL,
                                                   &open_entries, &error));
  g_assert_no_error (error);
  g_clear_object (&context);

  ed_test_cli_run_on (&run, db, "register", "supply", "--recipient", "Mailshot Ltd",
                      "--entitlement", "edited-register-purchase", "--item", "full", "--format",
                      "data", NULL);
  g_assert_cmpint (run.status, ==, 1);
  ed_test_cli_run_on (&run, db, "register", "supply", "--recipient", "Mailshot Ltd",
                      "--entitlement", "edited-register-purchase", "--item", "edited", "--format",
                      "data", "--date", "2026-12-01", "-o", copy, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "fee £"));
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));

  ed_test_cli_run_on (&run, db, "register", "supplies", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  row = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "item"), ==, "edited");
  g_assert_cmpstr (json_object_get_string_member (row, "supplied_on"), ==, "2026-12-01");
  g_assert_cmpint (json_object_get_int_member (row, "entries"), ==, (gint64)open_entries);
  g_assert_cmpint (json_object_get_int_member (row, "fee_pence"), ==,
                   ed_sale_fee (ED_SALE_KIND_EDITED, ED_SALE_FORMAT_DATA, open_entries));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/register/supply/statutory-example", test_statutory_example);
  ED_TEST_ADD ("/register/supply/fee-recorded", test_fee_recorded);
  ED_TEST_ADD ("/register/supply/free-supply", test_free_supply);
  ED_TEST_ADD ("/register/supply/refuses-full-without-entitlement",
               test_refuses_full_without_entitlement);
  ED_TEST_ADD ("/register/supply/export-matches-edition", test_export_matches_edition);
  ED_TEST_ADD ("/register/supply/printed-copy", test_printed_copy);
  ED_TEST_ADD ("/register/supply/export-as-job", test_export_as_job);
  ED_TEST_ADD ("/register/supply/overseas-list", test_overseas_list);
  ED_TEST_ADD ("/register/supply/cli", test_cli);

  return g_test_run ();
}
