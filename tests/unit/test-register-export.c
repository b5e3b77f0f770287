/* test-register-export.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "changes/ed-change-set.h"
#include "core/ed-csv.h"
#include "register/ed-register-export-private.h"
#include "register/ed-register-search.h"
#include "ed-test-demo.h"
#include "ed-test-register.h"

#define N_ELECTORS 1500

static char *
id_of (EdContext  *context,
       const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = ed_register_search (context, number, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  return g_strdup (((EdElectorSummary *)g_ptr_array_index (results, 0))->id);
}

/* The rows of an export, each as a NULL-terminated array of fields, header first. */
static GPtrArray *
read_export (EdContext         *context,
             EdTestDir         *fixture,
             EdRegisterEdition  edition,
             const char        *as_at_iso)
{
  g_autofree char *path = ed_test_dir_file (fixture, "export.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCsvReader) reader = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  guint n_entries = 0;
  GDate as_at;

  g_date_clear (&as_at, 1);
  g_date_set_parse (&as_at, as_at_iso);
  g_assert_true (ed_register_export_csv (context, edition, &as_at, file, &n_entries, &error));
  g_assert_no_error (error);

  reader = ed_csv_reader_new_for_path (path, ED_CSV_READER_STRICT_FIELD_COUNT, &error);
  g_assert_no_error (error);
  {
    GPtrArray *header = g_ptr_array_new ();

    for (guint i = 0; i < ed_csv_reader_get_n_columns (reader); i++)
      g_ptr_array_add (header, g_strdup (ed_csv_reader_get_column_name (reader, i)));
    g_ptr_array_add (header, NULL);
    g_ptr_array_add (rows, g_ptr_array_free (header, FALSE));
  }
  while (ed_csv_reader_next (reader, &error))
    {
      GPtrArray *fields = g_ptr_array_new ();

      for (guint i = 0; i < ed_csv_reader_get_n_fields (reader); i++)
        g_ptr_array_add (fields, g_strdup (ed_csv_reader_get_field (reader, i)));
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (fields, FALSE));
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len - 1, ==, n_entries);
  return rows;
}

static int
column (GPtrArray  *rows,
        const char *name)
{
  char **header = g_ptr_array_index (rows, 0);

  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return i;
  g_error ("No column %s", name);
}

/* RPR 2001 reg 41, 41(3), 41A (DOMAIN.md §1.1): within each part, entries with an address by
 * number, then Other electors alphabetically, then anonymous entries. */
static void
test_statutory_order (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autofree char *anonymous_id = id_of (context, "AA3");
  g_autoptr(GPtrArray) rows = NULL;
  int prefix, number, other, anonymous, surname;
  int section = 0;
  const char *last_surname = NULL;
  guint others_seen = 0;
  guint anonymous_seen = 0;

  ed_test_elector_set (context, anonymous_id, "anonymous", g_variant_new_boolean (TRUE));
  rows = read_export (context, fixture, ED_REGISTER_EDITION_FULL, "2026-12-01");
  g_assert_cmpuint (rows->len - 1, ==, 1500);
  prefix = column (rows, "elector_number_prefix");
  number = column (rows, "elector_number");
  other = column (rows, "other_elector");
  anonymous = column (rows, "anonymous");
  surname = column (rows, "surname");

  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      int row_section = g_str_equal (row[anonymous], "1") ? 2 : g_str_equal (row[other], "1") ? 1 : 0;

      if (!g_str_equal (row[prefix], "AA"))
        break;
      g_assert_cmpint (row_section, >=, section);
      if (row_section == 1)
        {
          if (last_surname != NULL && section == 1)
            g_assert_cmpint (g_utf8_collate (last_surname, row[surname]), <=, 0);
          last_surname = row[surname];
          others_seen++;
        }
      if (row_section == 2)
        {
          g_assert_cmpstr (row[number], ==, "3");
          anonymous_seen++;
        }
      section = row_section;
    }
  g_assert_cmpuint (others_seen, >, 0);
  g_assert_cmpuint (anonymous_seen, ==, 1);
}

/* DOMAIN.md §1.3: the open register leaves out those who opted out, anonymous entries and
 * anyone under 16 (§1.2: in Scotland and Wales 14 and 15 year olds can be attainers). */
static void
test_open_register_exclusions (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autofree char *anonymous_id = id_of (context, "AA3");
  g_autofree char *young_id = id_of (context, "AA4");
  g_autofree char *of_age_id = id_of (context, "AA5");
  g_autoptr(GPtrArray) full = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  guint expected = 0;
  int opt_out, anonymous, attainer, born, number;
  gboolean saw_young = FALSE, saw_of_age = FALSE;

  g_assert_true (ed_district_settings_set (ed_context_get_settings (context), "country",
                                           "scotland", &error));
  g_assert_no_error (error);
  ed_test_elector_set (context, anonymous_id, "anonymous", g_variant_new_boolean (TRUE));
  /* Turns 16 after the date the register is as at, and before it. */
  ed_test_elector_set (context, young_id, "attainer_date", g_variant_new_string ("2027-03-01"));
  ed_test_elector_set (context, young_id, "open_register_opt_out", g_variant_new_boolean (FALSE));
  ed_test_elector_set (context, of_age_id, "attainer_date", g_variant_new_string ("2026-11-30"));
  ed_test_elector_set (context, of_age_id, "open_register_opt_out", g_variant_new_boolean (FALSE));

  full = read_export (context, fixture, ED_REGISTER_EDITION_FULL, "2026-12-01");
  opt_out = column (full, "open_register_opt_out");
  anonymous = column (full, "anonymous");
  attainer = column (full, "attainer_date");
  born = column (full, "date_of_birth");
  for (guint i = 1; i < full->len; i++)
    {
      char **row = g_ptr_array_index (full, i);

      /* In Scotland an attainer date is a 16th birthday: a later one is someone under 16.
       * A date of birth, where the entry has one, says it instead (DOMAIN.md §1.2): born
       * after 1 December 2010 is under 16. */
      gboolean of_age = row[born][0] != '\0'
                          ? strcmp (row[born], "2010-12-01") <= 0
                          : row[attainer][0] == '\0' || strcmp (row[attainer], "2026-12-01") <= 0;

      if (g_str_equal (row[opt_out], "0") && g_str_equal (row[anonymous], "0") && of_age)
        expected++;
    }

  open = read_export (context, fixture, ED_REGISTER_EDITION_OPEN, "2026-12-01");
  /* Only what a buyer may see: no absent votes, proxies or opt-out flags. */
  g_assert_cmpint (g_strv_length (g_ptr_array_index (open, 0)), ==, 12);
  number = column (open, "elector_number");
  for (guint i = 1; i < open->len; i++)
    {
      char **row = g_ptr_array_index (open, i);

      g_assert_cmpstr (row[number], !=, "AA3");
      saw_young |= g_str_equal (row[number], "AA4");
      saw_of_age |= g_str_equal (row[number], "AA5");
    }
  g_assert_false (saw_young);
  g_assert_true (saw_of_age);
  /* Everyone who did not opt out, is not anonymous and is 16 or over. */
  g_assert_cmpuint (open->len - 1, ==, expected);
}

typedef struct
{
  GCancellable *cancellable;
  guint         n_reports;
} Stopper;

static void
stop_on_second_report_cb (double      fraction,
                          const char *text,
                          gpointer    user_data)
{
  Stopper *stopper = user_data;

  if (++stopper->n_reports == 2)
    g_cancellable_cancel (stopper->cancellable);
}

/* Stopped half way, an export leaves what was at its path as it was, and nothing beside it;
 * done, it leaves the export and nothing beside it. */
static void
test_stopped_export_leaves_nothing (EdTestDir     *fixture,
                                    gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, 10000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = ed_test_dir_file (fixture, "export.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  Stopper stopper = { cancellable, 0 };
  EdRegisterProgress progress = { stop_on_second_report_cb, &stopper, 0.0, 1.0, NULL };
  guint n_entries = 0;
  GDate as_at;

  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_DECEMBER, 2026);
  g_assert_false (_ed_register_export_csv_full (context, ED_REGISTER_EDITION_FULL, &as_at, file,
                                                &progress, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (stopper.n_reports, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ed_test_dir_assert_no_temporaries (fixture->dir);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "the export before", -1, &error));
  g_assert_false (_ed_register_export_csv_full (context, ED_REGISTER_EDITION_FULL, &as_at, file,
                                                NULL, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the export before");
  ed_test_dir_assert_no_temporaries (fixture->dir);
  g_clear_error (&error);

  g_assert_true (ed_register_export_csv (context, ED_REGISTER_EDITION_FULL, &as_at, file,
                                         &n_entries, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, ==, 10000);
  ed_test_dir_assert_no_temporaries (fixture->dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/register-export/statutory-order", test_statutory_order);
  ED_TEST_ADD ("/register-export/open-register-exclusions", test_open_register_exclusions);
  ED_TEST_ADD ("/register-export/stopped-export-leaves-nothing",
               test_stopped_export_leaves_nothing);

  return g_test_run ();
}
