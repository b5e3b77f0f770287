/* test-elector-date-of-birth.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 12 item 3; DOMAIN.md §1.2 ("Attainer date"; EC Wales and Scotland guidance): an
 * attainer's entry gives the date they reach voting age, and in Wales and Scotland a 16- or
 * 17-year-old local-government-only elector's entry gives the date they turn 18, so the entry
 * holds a date of birth. The published register, notices and supplies show those dates and
 * never the date of birth (DOMAIN.md §1.3); the same person never vanishes from the register
 * when their date of birth is entered; entries made before the column existed stay right. */

#include "config.h"

#include <string.h>

#include "changes/ed-merge.h"
#include "core/ed-database-private.h"
#include "ed-test-lib.h"
#include "ed-test-pdf.h"
#include "ed-test-register.h"
#include "register/ed-elector-edit.h"
#include "register/ed-franchise.h"
#include "register/ed-register-document.h"
#include "register/ed-register-export.h"
#include "register/ed-register-import.h"
#include "register/ed-register-notice.h"
#include "register/ed-register-supply.h"

static char *
supplied_csv (EdTestDir *fixture,
              EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSupply) supply = ed_test_register_supply_full (context, ED_SALE_FORMAT_DATA);
  g_autofree char *path = ed_test_dir_file (fixture, "full.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *text = NULL;

  g_assert_true (ed_register_supply_export_csv (context, supply, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  return text;
}

static char *
supplied_pdf (EdTestDir *fixture,
              EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSupply) supply = ed_test_register_supply_full (context, ED_SALE_FORMAT_PRINTED);
  g_autofree char *path = ed_test_dir_file (fixture, "full.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (ed_register_supply_export (context, supply, file, NULL, &error));
  g_assert_no_error (error);
  return ed_test_pdf_text (path, "-layout", NULL);
}

/* The rule itself, for each way an entry can hold its dates. On 1 December 2026: */
static void
test_entry_dates (void)
{
  GDate on = ed_test_date ("2026-12-01");
  GDate shown;
  gboolean under_16 = TRUE;
  gboolean eighteen = FALSE;

  /* A Welsh 17-year-old born 15 June 2009: the entry shows the day they turn 18. */
  g_assert_true (ed_elector_entry_dates (ED_COUNTRY_WALES, "2009-06-15", "", &on, &under_16,
                                         &eighteen, &shown));
  g_assert_false (under_16);
  g_assert_true (eighteen);
  g_assert_cmpint (g_date_get_year (&shown), ==, 2027);
  /* With their date of birth, an attainer date that held the day they turn 18 no longer
   * counts them as under 16: the person does not vanish. */
  g_assert_true (ed_elector_entry_dates (ED_COUNTRY_WALES, "2009-06-15", "2027-06-15", &on,
                                         &under_16, &eighteen, &shown));
  g_assert_false (under_16);
  g_assert_true (eighteen);
  g_assert_cmpint (g_date_get_month (&shown), ==, G_DATE_JUNE);
  /* Without it, that attainer date is read as the day they reach 16, as it always was. */
  ed_elector_entry_dates (ED_COUNTRY_WALES, "", "2027-06-15", &on, &under_16, NULL, NULL);
  g_assert_true (under_16);

  /* An attainer in Scotland, 16 on 1 March 2027: the voting-age date. */
  g_assert_true (ed_elector_entry_dates (ED_COUNTRY_SCOTLAND, "2011-03-01", "", &on, &under_16,
                                         &eighteen, &shown));
  g_assert_true (under_16);
  g_assert_false (eighteen);
  g_assert_cmpint (g_date_get_year (&shown), ==, 2027);
  g_assert_cmpint (g_date_get_month (&shown), ==, G_DATE_MARCH);

  /* An attainer in England, 18 on 1 March 2027: the voting-age date, never an 18th birthday
   * of a local-government-only elector. */
  g_assert_true (ed_elector_entry_dates (ED_COUNTRY_ENGLAND, "2009-03-01", "", &on, &under_16,
                                         &eighteen, &shown));
  g_assert_false (under_16);
  g_assert_false (eighteen);
  g_assert_cmpint (g_date_get_year (&shown), ==, 2027);

  /* An entry made before dates of birth, in Wales: its attainer date is the day they reached
   * 16, so they turn 18 two years on. */
  g_assert_true (ed_elector_entry_dates (ED_COUNTRY_WALES, "", "2026-03-10", &on, &under_16,
                                         &eighteen, &shown));
  g_assert_false (under_16);
  g_assert_true (eighteen);
  g_assert_cmpint (g_date_get_year (&shown), ==, 2028);
  g_assert_cmpint (g_date_get_month (&shown), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&shown), ==, 10);

  /* An adult shows nothing. */
  g_assert_false (ed_elector_entry_dates (ED_COUNTRY_WALES, "1980-01-01", "", &on, &under_16,
                                          NULL, &shown));
  g_assert_false (ed_elector_entry_dates (ED_COUNTRY_WALES, "", "", &on, NULL, NULL, NULL));
}

/* A Welsh 17-year-old entered with their date of birth, and with the day they turn 18 typed
 * as the attainer date, is in the published full register, data and printed, with the date
 * they turn 18 shown and no date of birth anywhere. */
static void
test_welsh_seventeen_published (EdTestDir     *fixture,
                                gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "wales");
  g_autofree char *district = ed_test_register_add_district (context, "AB", "Abbey");
  g_autofree char *home = ed_test_register_add_property (context, district, "1", "High Street");
  g_autofree char *gwen = NULL;
  g_autofree char *owain = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;

  gwen = ed_test_register_add_elector (context, district, home, "AB", 1, 0, "Jones", "Gwen",
                                       "current", ED_TEST_ELECTOR_NONE);
  ed_test_elector_set (context, gwen, "date_of_birth", g_variant_new_string ("2009-06-15"));
  ed_test_elector_set (context, gwen, "attainer_date", g_variant_new_string ("2027-06-15"));
  owain = ed_test_register_add_elector (context, district, home, "AB", 2, 0, "Lloyd", "Owain",
                                        "current", ED_TEST_ELECTOR_NONE);
  ed_test_elector_set (context, owain, "date_of_birth", g_variant_new_string ("2009-01-20"));

  csv = supplied_csv (fixture, context);
  g_assert_nonnull (strstr (csv, "\r\nAB,AB1,,2027-06-15,Jones,Gwen,1,High Street"));
  g_assert_nonnull (strstr (csv, "\r\nAB,AB2,,2027-01-20,Lloyd,Owain,1,High Street"));
  g_assert_null (strstr (csv, "2009"));
  g_assert_null (strstr (csv, "date_of_birth"));

  pdf = supplied_pdf (fixture, context);
  if (pdf == NULL)
    return;
  g_assert_nonnull (strstr (pdf, "Jones"));
  g_assert_nonnull (strstr (pdf, "15/06/2027"));
  g_assert_nonnull (strstr (pdf, "20/01/2027"));
  g_assert_null (strstr (pdf, "2009"));
}

/* An attainer shows the date they reach voting age, from their date of birth; the published
 * register leaves out anyone under 16 (DOMAIN.md §1.2, S10), and the all-fields export, which
 * moves a register and is never supplied, keeps the date of birth. */
static void
test_attainer_published (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(GError) error = NULL;
  g_autofree char *district = ed_test_register_add_district (context, "AB", "Abbey");
  g_autofree char *home = ed_test_register_add_property (context, district, "1", "High Street");
  g_autofree char *amy = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *all = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "all.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GDate as_at = ed_test_date ("2026-12-01");

  amy = ed_test_register_add_elector (context, district, home, "AB", 1, 0, "Ashby", "Amy",
                                      "current", ED_TEST_ELECTOR_NONE);
  ed_test_elector_set (context, amy, "date_of_birth", g_variant_new_string ("2009-03-01"));

  csv = supplied_csv (fixture, context);
  g_assert_nonnull (strstr (csv, "\r\nAB,AB1,,2027-03-01,Ashby,Amy,1,High Street"));
  g_assert_null (strstr (csv, "2009-03-01"));

  g_assert_true (ed_register_export_csv (context, ED_REGISTER_EDITION_FULL, &as_at, file, NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &all, NULL, &error));
  g_assert_nonnull (strstr (all, ",attainer_date,date_of_birth,"));
  g_assert_nonnull (strstr (all, ",Ashby,,,2009-03-01,"));
}

/* A Welsh register made before the date of birth existed: an entry that reached 16 on its
 * attainer date shows the day it turns 18, two years on, and one not yet 16 is still left
 * out; the logged insert is read back as the insert it was (0008-elector-date-of-birth.sql). */
static void
test_existing_entries_after_migration (EdTestDir     *fixture,
                                       gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  g_autoptr(EdDatabase) old = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *stored = NULL;
  EdOp *insert;

  old = _ed_database_open_at_version (path, ed_test_migrations (), 7, &error);
  g_assert_no_error (error);
  g_assert_true (ed_database_exec (
    old,
    "INSERT INTO district (id, council_name, country) VALUES "
    "('0f0f0f0f-0000-4000-8000-000000000000', 'Aberwen County Council', 'wales');"
    "INSERT INTO polling_district (id, code, name) VALUES "
    "('1f1f1f1f-0000-4000-8000-000000000000', 'AB', 'Abbey');"
    "INSERT INTO property (id, property, street, polling_district) VALUES "
    "('2f2f2f2f-0000-4000-8000-000000000000', '1', 'High Street', "
    "'1f1f1f1f-0000-4000-8000-000000000000');"
    "INSERT INTO elector (id, polling_district, property, number_prefix, number, forenames, "
    "surname, attainer_date) VALUES "
    "('3f3f3f3f-0000-4000-8000-000000000001', '1f1f1f1f-0000-4000-8000-000000000000', "
    "'2f2f2f2f-0000-4000-8000-000000000000', 'AB', 1, 'Gwen', 'Jones', '2026-03-10'),"
    "('3f3f3f3f-0000-4000-8000-000000000002', '1f1f1f1f-0000-4000-8000-000000000000', "
    "'2f2f2f2f-0000-4000-8000-000000000000', 'AB', 2, 'Ifan', 'Jones', '2027-02-01');"
    "INSERT INTO op_log (device, seq, hlc, tbl, pk, col, kind, val) VALUES "
    "('d0d0d0d0-0000-4000-8000-000000000000', 1, 1, 'elector', "
    "'3f3f3f3f-0000-4000-8000-000000000001', '__row', 'ins', "
    "'[\"1f1f1f1f-0000-4000-8000-000000000000\",\"2f2f2f2f-0000-4000-8000-000000000000\","
    "\"AB\",1,0,\"\",\"Gwen\",\"Jones\",\"\",\"2026-03-10\",false,\"\",\"\",\"\",\"\",false,"
    "false,\"en\",\"current\"]')",
    &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);

  /* Nothing in its data changed. */
  stored = ed_test_register_get (context,
                                 "SELECT attainer_date || '/' || date_of_birth FROM elector "
                                 "WHERE id = ?1", "3f3f3f3f-0000-4000-8000-000000000001");
  g_assert_cmpstr (stored, ==, "2026-03-10/");

  ops = ed_merge_export (ED_REPLICA (context), NULL, NULL);
  g_assert_cmpuint (ops->len, ==, 1);
  insert = g_ptr_array_index (ops, 0);
  g_assert_cmpint (insert->kind, ==, ED_OP_INS);
  g_assert_cmpstr (insert->val, ==,
                   "{\"polling_district\":\"1f1f1f1f-0000-4000-8000-000000000000\","
                   "\"property\":\"2f2f2f2f-0000-4000-8000-000000000000\","
                   "\"number_prefix\":\"AB\",\"number\":1,\"number_suffix\":0,\"title\":\"\","
                   "\"forenames\":\"Gwen\",\"surname\":\"Jones\",\"marker\":\"\","
                   "\"attainer_date\":\"2026-03-10\",\"open_register_opt_out\":false,"
                   "\"absent_vote\":\"\",\"absent_vote_ends\":\"\",\"proxy_name\":\"\","
                   "\"proxy_address\":\"\",\"anonymous\":false,\"other_elector\":false,"
                   "\"language\":\"en\",\"status\":\"current\"}");

  csv = supplied_csv (fixture, context);
  g_assert_nonnull (strstr (csv, "\r\nAB,AB1,,2028-03-10,Jones,Gwen,1,High Street"));
  g_assert_null (strstr (csv, "Ifan"));

  /* Its date of birth can be entered now, and the entry shows the same date. */
  ed_test_elector_set (context, "3f3f3f3f-0000-4000-8000-000000000001", "date_of_birth",
                       g_variant_new_string ("2010-03-10"));
  g_free (csv);
  csv = supplied_csv (fixture, context);
  g_assert_nonnull (strstr (csv, "\r\nAB,AB1,,2028-03-10,Jones,Gwen,1,High Street"));
  g_assert_null (strstr (csv, "2010-03-10"));
}

/* A notice of alteration shows what the entry shows: the addition of a Welsh 17-year-old
 * entered with their date of birth is listed, with the day they turn 18, and the published
 * notice holds no date of birth. */
static void
test_notice (EdTestDir     *fixture,
             gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "wales");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *home = ed_test_register_add_property (context, aa, "3", "Castle Street");
  g_autofree char *gwen = ed_test_register_add_elector (context, aa, home, "AA", 7, 0, "Jones",
                                                        "Gwen", "pending_addition", 0);
  g_autoptr(EdNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  GDate date = ed_test_date ("2027-02-01");
  EdNoticeDistrict *district;
  EdNoticeEntry *entry;

  ed_test_elector_set (context, gwen, "date_of_birth", g_variant_new_string ("2009-06-15"));
  ed_test_elector_set (context, gwen, "attainer_date", g_variant_new_string ("2027-06-15"));
  g_free (ed_test_register_add_alteration (context, gwen, "addition", "2027-01-04", "", ""));

  notice = ed_register_notice_prepare (context, &date, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notice->n_withheld, ==, 0);
  g_assert_cmpuint (notice->n_entries, ==, 1);
  district = g_ptr_array_index (notice->districts, 0);
  entry = g_ptr_array_index (district->entries[ED_ALTERATION_ADDITION], 0);
  g_assert_cmpstr (entry->attainer_date, ==, "2027-06-15");
  g_assert_nonnull (strstr (entry->detail, "18"));

  g_assert_true (ed_register_notice_publish_full (context, &date, 0, fixture->dir, NULL, NULL,
                                                  &csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_nonnull (strstr (csv, "Gwen"));
  g_assert_nonnull (strstr (csv, "2027-06-15"));
  g_assert_null (strstr (csv, "2009"));
}

/* The import reads a date of birth column, by either name the reader knows, and refuses one
 * in the future; the tests' today is 2 January 2030 (HACKING.md). */
static void
test_import_date_of_birth (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "wales");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(EdImportReport) refused = NULL;
  g_autofree char *csv = ed_test_dir_file (fixture, "import.csv");
  g_autofree char *bad = ed_test_dir_file (fixture, "bad.csv");
  g_autofree char *stored = NULL;
  EdImportProblem *problem;

  g_assert_true (g_file_set_contents (
    csv,
    "polling_district,elector_number,forenames,surname,property,street,town,postcode,"
    "date_of_birth\n"
    "ZA,1,Gwen,Jones,1,Mill Lane,Wexcombe,ZY1 1AA,2012-06-01\n"
    "ZA,2,Huw,Jones,1,Mill Lane,Wexcombe,ZY1 1AA,\n", -1, NULL));
  report = ed_register_import_csv (context, csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_electors, ==, 2);
  stored = ed_test_register_get (context,
                                 "SELECT group_concat (date_of_birth, '/') FROM "
                                 "(SELECT date_of_birth FROM elector WHERE ?1 != '' "
                                 "ORDER BY number)", "x");
  g_assert_cmpstr (stored, ==, "2012-06-01/");

  g_assert_true (g_file_set_contents (
    bad,
    "polling_district,elector_number,forenames,surname,property,street,town,postcode,dob\n"
    "ZA,3,Ifan,Jones,1,Mill Lane,Wexcombe,ZY1 1AA,2031-01-01\n", -1, NULL));
  refused = ed_register_import_csv (context, bad, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refused->problems->len, ==, 1);
  problem = g_ptr_array_index (refused->problems, 0);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpstr (problem->field, ==, "dob");
  g_assert_nonnull (strstr (problem->reason, "future"));
}

/* The elector editor's date of birth is read, checked and saved as the other dates are. */
static void
test_editor_date_of_birth (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "wales");
  g_autoptr(GError) error = NULL;
  g_autofree char *district = ed_test_register_add_district (context, "AB", "Abbey");
  g_autofree char *home = ed_test_register_add_property (context, district, "1", "High Street");
  g_autofree char *gwen = ed_test_register_add_elector (context, district, home, "AB", 1, 0,
                                                        "Jones", "Gwen", "current",
                                                        ED_TEST_ELECTOR_NONE);
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(EdElectorEdit) stored = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GDate today = ed_test_date ("2026-12-01");

  stored = ed_elector_edit_load (context, gwen, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->date_of_birth, ==, "");
  edit = ed_elector_edit_copy (stored);

  g_free (edit->date_of_birth);
  edit->date_of_birth = g_strdup ("2027-01-01");
  problems = ed_elector_edit_validate (context, edit, stored, &today);
  g_assert_nonnull (ed_field_problems_lookup (problems, "date_of_birth"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_free (edit->date_of_birth);
  edit->date_of_birth = g_strdup ("2009-06-15");
  problems = ed_elector_edit_validate (context, edit, stored, &today);
  g_assert_null (ed_field_problems_lookup (problems, "date_of_birth"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/register/date-of-birth/entry-dates", test_entry_dates);
  ED_TEST_ADD ("/register/date-of-birth/welsh-seventeen-published",
               test_welsh_seventeen_published);
  ED_TEST_ADD ("/register/date-of-birth/attainer-published", test_attainer_published);
  ED_TEST_ADD ("/register/date-of-birth/existing-entries-after-migration",
               test_existing_entries_after_migration);
  ED_TEST_ADD ("/register/date-of-birth/notice", test_notice);
  ED_TEST_ADD ("/register/date-of-birth/import", test_import_date_of_birth);
  ED_TEST_ADD ("/register/date-of-birth/editor", test_editor_date_of_birth);

  return g_test_run ();
}
