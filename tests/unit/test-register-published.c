/* test-register-published.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What reaches the public or a buyer of the register: the full register as supplied, data and
 * printed, is exactly what its printed version shows (DOMAIN.md §1.3), with alterations in
 * effect only from their notice (RPA 1983 s.13A(2)(b)) and legacy markers never published
 * (DOMAIN.md §1.2). */

#include "config.h"

#include "changes/ed-merge.h"
#include "core/ed-database-private.h"
#include "core/ed-date.h"
#include "register/ed-elector-edit.h"
#include "register/ed-elector-undo.h"
#include "register/ed-register-document.h"
#include "register/ed-register-notice.h"
#include "register/ed-register-export.h"
#include "register/ed-register-supply.h"
#include "ed-test-lib.h"
#include "ed-test-pdf.h"
#include "ed-test-register.h"

typedef struct
{
  EdContext *context;
  char      *district;
  char      *high_street;
} Register;

/* A Welsh register, where people from 14 can be registered (DOMAIN.md §1.2), so that there
 * is someone under 16 to leave out. */
static void
register_build (Register  *reg,
                EdTestDir *fixture)
{
  EdContext *context = ed_test_register_open (fixture, "wales");
  g_autofree char *district = ed_test_register_add_district (context, "AB", "Abbey");
  g_autofree char *home = ed_test_register_add_property (context, district, "1", "High Street");
  g_autofree char *jane = NULL;
  g_autofree char *young = NULL;
  g_autofree char *legacy = NULL;
  g_autofree char *anonymous = NULL;
  g_autofree char *added = NULL;
  g_autofree char *deleted = NULL;

  jane = ed_test_register_add_elector (context, district, home, "AB", 1, 0, "Smith", "Jane",
                                       "current", ED_TEST_ELECTOR_NONE);
  ed_test_elector_set (context, jane, "absent_vote", g_variant_new_string ("proxy"));
  ed_test_elector_set (context, jane, "proxy_name", g_variant_new_string ("Percival Proxy"));
  ed_test_elector_set (context, jane, "absent_vote_ends", g_variant_new_string ("2028-01-31"));
  anonymous = ed_test_register_add_elector (context, district, home, "AB", 2, 0, "Hidden",
                                            "Harriet", "current", ED_TEST_ELECTOR_ANONYMOUS);
  added = ed_test_register_add_elector (context, district, home, "AB", 3, 0, "Newcomer",
                                        "Norah", "pending_addition", ED_TEST_ELECTOR_NONE);
  deleted = ed_test_register_add_elector (context, district, home, "AB", 4, 0, "Leaver", "Len",
                                          "pending_deletion", ED_TEST_ELECTOR_NONE);
  legacy = ed_test_register_add_elector (context, district, home, "AB", 5, 0, "Oldmark",
                                         "Olive", "current", ED_TEST_ELECTOR_NONE);
  ed_test_elector_set (context, legacy, "marker", g_variant_new_string ("E"));
  /* 15 on the day of supply: turns 16 in 2027. */
  young = ed_test_register_add_elector (context, district, home, "AB", 6, 0, "Youngster",
                                        "Yasmin", "current", ED_TEST_ELECTOR_NONE);
  ed_test_elector_set (context, young, "attainer_date", g_variant_new_string ("2027-06-01"));

  reg->context = context;
  reg->district = g_steal_pointer (&district);
  reg->high_street = g_steal_pointer (&home);
}

static void
register_clear (Register *reg)
{
  g_clear_object (&reg->context);
  g_free (reg->district);
  g_free (reg->high_street);
}

/* What no published version may show about this register. */
static void
assert_nothing_private (const char *text)
{
  /* An anonymous entry is its number and N only (RPR 2001 reg 41A). */
  g_assert_null (strstr (text, "Hidden"));
  g_assert_null (strstr (text, "Harriet"));
  /* No absent-vote details. */
  g_assert_null (strstr (text, "proxy"));
  g_assert_null (strstr (text, "Percival"));
  g_assert_null (strstr (text, "2028-01-31"));
  /* Nothing about anyone under 16 (DOMAIN.md §1.2). */
  g_assert_null (strstr (text, "Youngster"));
  /* A pending addition is in no published version before its notice (s.13A(2)(b)). */
  g_assert_null (strstr (text, "Newcomer"));
  /* A pending deletion stays until its notice. */
  g_assert_nonnull (strstr (text, "Leaver"));
}

/* DOMAIN.md §1.3: "What is supplied is the published full register" — `register supply
 * --item full` as data gives exactly what the printed full register shows. */
static void
test_full_supply_as_data (EdTestDir     *fixture,
                          gconstpointer  data)
{
  Register reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSupply) supply = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "full.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_written = 0;

  register_build (&reg, fixture);
  supply = ed_test_register_supply_full (reg.context, ED_SALE_FORMAT_DATA);
  g_assert_true (ed_register_supply_export_csv (reg.context, supply, file, &n_written, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));

  /* Smith, the anonymous entry, Leaver and Oldmark; charged for what is written. */
  g_assert_cmpuint (n_written, ==, 4);
  g_assert_cmpuint (supply->entries, ==, n_written);

  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "polling_district,elector_number,franchise_marker,attainer_date,surname,"
                   "forenames,property,street,locality,town,postcode");
  g_assert_null (strstr (text, "absent_vote"));
  g_assert_null (strstr (text, "date_of_birth"));
  g_assert_null (strstr (text, "open_register_opt_out"));
  assert_nothing_private (text);
  g_assert_nonnull (strstr (text, "\r\nAB,AB2,N,,,,,,,,\r\n"));
  /* The legacy marker E is never published (DOMAIN.md §1.2). */
  g_assert_nonnull (strstr (text, "\r\nAB,AB5,,,Oldmark,Olive,1,High Street"));

  register_clear (&reg);
}

/* DOMAIN.md §1.3: a printed copy of the full register shows the same entries and nothing
 * more. */
static void
test_full_supply_printed (EdTestDir     *fixture,
                          gconstpointer  data)
{
  Register reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSupply) supply = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "full.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  guint n_written = 0;

  register_build (&reg, fixture);
  supply = ed_test_register_supply_full (reg.context, ED_SALE_FORMAT_PRINTED);
  g_assert_true (ed_register_supply_export (reg.context, supply, file, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 4);
  g_assert_cmpuint (supply->entries, ==, n_written);

  text = ed_test_pdf_text (path, "-layout", NULL);
  if (text == NULL)
    {
      register_clear (&reg);
      return;
    }
  assert_nothing_private (text);
  g_assert_nonnull (strstr (text, "Oldmark"));
  g_assert_null (strstr (text, " E "));

  register_clear (&reg);
}

/* The export of every field moves a register between systems and is never a supply; it
 * keeps everything, pending additions and legacy markers included. */
static void
test_all_fields_export_is_not_a_supply (EdTestDir     *fixture,
                                        gconstpointer  data)
{
  Register reg;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "all.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  guint n_written = 0;
  GDate as_at;

  register_build (&reg, fixture);
  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_DECEMBER, 2026);
  g_assert_true (ed_register_export_csv (reg.context, ED_REGISTER_EDITION_FULL, &as_at, file,
                                         &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 6);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "Newcomer"));
  g_assert_nonnull (strstr (text, "Percival Proxy"));

  register_clear (&reg);
}

/* RPA 1983 s.13A(2)(b) and DOMAIN.md §1.2: the open register leaves out a pending addition
 * and shows no legacy marker either. */
static void
test_open_register_published (EdTestDir     *fixture,
                              gconstpointer  data)
{
  Register reg;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "open.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  guint n_written = 0;
  GDate as_at;

  register_build (&reg, fixture);
  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_DECEMBER, 2026);
  g_assert_true (ed_register_export_csv (reg.context, ED_REGISTER_EDITION_OPEN, &as_at, file,
                                         &n_written, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  /* Smith, Leaver and Oldmark. */
  g_assert_cmpuint (n_written, ==, 3);
  g_assert_null (strstr (text, "Newcomer"));
  g_assert_nonnull (strstr (text, "AB5,,,Olive,Oldmark"));

  register_clear (&reg);
}

/* DOMAIN.md §1.3 (S17): the base fee is charged once per register the ERO maintains (per
 * constituency), not per file or per polling district. Two parts in one constituency are
 * one register: £20 + 1 × £1.50. A third part in another constituency is a second
 * register, with its own base fee. */
static void
test_fee_base_per_register (EdTestDir     *fixture,
                            gconstpointer  data)
{
  Register reg;
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *home2 = NULL;
  g_autofree char *home3 = NULL;
  g_autofree char *e1 = NULL;
  g_autofree char *e2 = NULL;
  g_autoptr(EdSupply) one = NULL;
  g_autoptr(EdSupply) two = NULL;
  EdSupplyRequest request = { 0 };

  register_build (&reg, fixture);
  second = ed_test_register_add_district (reg.context, "AC", "Abbey Court");
  home2 = ed_test_register_add_property (reg.context, second, "2", "Court Road");
  e1 = ed_test_register_add_elector (reg.context, second, home2, "AC", 1, 0, "Court", "Cara",
                                     "current", ED_TEST_ELECTOR_NONE);
  ed_test_register_set (reg.context, "polling_district", reg.district, "constituency",
                        g_variant_new_string ("Abbeyshire North"));
  ed_test_register_set (reg.context, "polling_district", second, "constituency",
                        g_variant_new_string ("Abbeyshire North"));

  g_date_clear (&request.supplied_on, 1);
  g_date_set_dmy (&request.supplied_on, 1, G_DATE_DECEMBER, 2026);
  request.recipient = "Credit Checks Ltd";
  request.entitlement = "credit-reference-agency";
  request.item = ED_SALE_KIND_FULL;
  request.format = ED_SALE_FORMAT_DATA;
  one = ed_register_supply_record (reg.context, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->entries, ==, 5);
  g_assert_cmpint (one->fee, ==, 2000 + 150);

  third = ed_test_register_add_district (reg.context, "BA", "Bridge");
  home3 = ed_test_register_add_property (reg.context, third, "3", "Bridge Street");
  e2 = ed_test_register_add_elector (reg.context, third, home3, "BA", 1, 0, "Bridge", "Ben",
                                     "current", ED_TEST_ELECTOR_NONE);
  ed_test_register_set (reg.context, "polling_district", third, "constituency",
                        g_variant_new_string ("Abbeyshire South"));
  two = ed_register_supply_record (reg.context, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->entries, ==, 6);
  g_assert_cmpint (two->fee, ==, (2000 + 150) * 2);

  register_clear (&reg);
}

/* Issue 12 item 4; DOMAIN.md §1.1, RP(E&W) Regs 2001 reg 41: names are in street order. An
 * addition at a new address between revisions takes the next number in the part, but prints
 * and exports within its street, in street order, not at the end of the part. */
static void
test_new_address_in_street_order (EdTestDir     *fixture,
                                  gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(GError) error = NULL;
  g_autofree char *district = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *abbey_1 = ed_test_register_add_property (context, district, "1", "Abbey Road");
  g_autofree char *abbey_3 = ed_test_register_add_property (context, district, "3", "Abbey Road");
  g_autofree char *mill_2 = ed_test_register_add_property (context, district, "2", "Mill Lane");
  g_autofree char *abbey_2 = ed_test_register_add_property (context, district, "2", "Abbey Road");
  g_autofree char *path = ed_test_dir_file (fixture, "open.csv");
  g_autofree char *pdf = ed_test_dir_file (fixture, "full.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *pdf_text = NULL;
  const char *ann, *cal, *bob, *dan;
  GDate as_at;

  g_free (ed_test_register_add_elector (context, district, abbey_1, "AA", 1, 0, "Ashby", "Ann",
                                        "current", ED_TEST_ELECTOR_NONE));
  g_free (ed_test_register_add_elector (context, district, abbey_3, "AA", 2, 0, "Brook", "Bob",
                                        "current", ED_TEST_ELECTOR_NONE));
  g_free (ed_test_register_add_elector (context, district, mill_2, "AA", 3, 0, "Dale", "Dan",
                                        "current", ED_TEST_ELECTOR_NONE));
  /* Added at 2 Abbey Road after the revision, published by its notice. */
  g_free (ed_test_register_add_elector (context, district, abbey_2, "AA", 4, 0, "Cole", "Cal",
                                        "current", ED_TEST_ELECTOR_NONE));

  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_DECEMBER, 2026);
  g_assert_true (ed_register_export_csv (context, ED_REGISTER_EDITION_OPEN, &as_at, file, NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  ann = strstr (text, "Ashby");
  cal = strstr (text, "Cole");
  bob = strstr (text, "Brook");
  dan = strstr (text, "Dale");
  g_assert_true (ann != NULL && cal != NULL && bob != NULL && dan != NULL);
  g_assert_true (ann < cal && cal < bob && bob < dan);

  g_assert_true (ed_register_document_write_pdf (context, ED_REGISTER_EDITION_FULL, &as_at, pdf,
                                                 NULL, &error));
  g_assert_no_error (error);
  pdf_text = ed_test_pdf_text (pdf, "-layout", NULL);
  if (pdf_text == NULL)
    return;
  ann = strstr (pdf_text, "Ashby");
  cal = strstr (pdf_text, "Cole");
  bob = strstr (pdf_text, "Brook");
  dan = strstr (pdf_text, "Dale");
  g_assert_true (ann != NULL && cal != NULL && bob != NULL && dan != NULL);
  g_assert_true (ann < cal && cal < bob && bob < dan);
}

/* What a published or supplied version says of Jane, as at 1 December 2026: her entry's
 * line in the open register's CSV, the printed full register's text and the full register
 * supplied as data, each checked to name @surname, @forenames and not @not_surname. */
static void
assert_published_name (Register   *reg,
                       EdTestDir  *fixture,
                       const char *surname,
                       const char *forenames,
                       const char *not_surname)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = ed_test_dir_file (fixture, "open-amended.csv");
  g_autofree char *pdf_path = ed_test_dir_file (fixture, "full-amended.pdf");
  g_autofree char *supply_path = ed_test_dir_file (fixture, "supply-amended.csv");
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) supplied = g_file_new_for_path (supply_path);
  g_autoptr(EdSupply) supply = NULL;
  g_autofree char *open_line = g_strdup_printf ("AB1,,,%s,%s,1,High Street", forenames, surname);
  g_autofree char *supply_line = g_strdup_printf ("AB,AB1,,,%s,%s,1,High Street", surname,
                                                  forenames);
  g_autofree char *text = NULL;
  g_autofree char *supply_text = NULL;
  g_autofree char *pdf_text = NULL;
  GDate as_at;

  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_DECEMBER, 2026);
  g_assert_true (ed_register_export_csv (reg->context, ED_REGISTER_EDITION_OPEN, &as_at, csv,
                                         NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, &error));
  g_assert_nonnull (strstr (text, open_line));
  g_assert_null (strstr (text, not_surname));

  supply = ed_test_register_supply_full (reg->context, ED_SALE_FORMAT_DATA);
  g_assert_true (ed_register_supply_export_csv (reg->context, supply, supplied, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (supply_path, &supply_text, NULL, &error));
  g_assert_nonnull (strstr (supply_text, supply_line));
  g_assert_null (strstr (supply_text, not_surname));

  g_assert_true (ed_register_document_write_pdf (reg->context, ED_REGISTER_EDITION_FULL, &as_at,
                                                 pdf_path, NULL, &error));
  g_assert_no_error (error);
  pdf_text = ed_test_pdf_text (pdf_path, "-layout", NULL);
  if (pdf_text == NULL)
    return;
  g_assert_nonnull (strstr (pdf_text, surname));
  g_assert_null (strstr (pdf_text, not_surname));
}

static void
amend (Register    *reg,
       const char  *id,
       const char  *column,
       const char  *value,
       const char  *determined)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElectorEdit) edit = ed_elector_edit_load (reg->context, id, &error);
  GDate day;

  g_assert_no_error (error);
  if (g_str_equal (column, "surname"))
    g_free (edit->surname), edit->surname = g_strdup (value);
  else if (g_str_equal (column, "forenames"))
    g_free (edit->forenames), edit->forenames = g_strdup (value);
  else
    g_free (edit->title), edit->title = g_strdup (value);
  g_date_clear (&day, 1);
  g_assert_true (ed_date_parse_iso (determined, &day, NULL));
  g_assert_true (ed_elector_edit_amend (reg->context, edit, &day, &error));
  g_assert_no_error (error);
}

static void
assert_editor_name (Register   *reg,
                    const char *id,
                    const char *surname,
                    const char *forenames)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElectorEdit) edit = ed_elector_edit_load (reg->context, id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (edit->surname, ==, surname);
  g_assert_cmpstr (edit->forenames, ==, forenames);
}

/* The name the notice of @publication prints for @elector's amendment. */
static void
assert_notice_name (Register    *reg,
                    const GDate *publication,
                    const char  *elector,
                    const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdNotice) notice = ed_register_notice_prepare (reg->context, publication, 0,
                                                           &error);
  guint found = 0;

  g_assert_no_error (error);
  for (guint d = 0; d < notice->districts->len; d++)
    {
      EdNoticeDistrict *district = g_ptr_array_index (notice->districts, d);
      GPtrArray *amendments = district->entries[ED_ALTERATION_AMENDMENT];

      for (guint i = 0; i < amendments->len; i++)
        {
          EdNoticeEntry *entry = g_ptr_array_index (amendments, i);

          if (g_str_equal (entry->elector_id, elector))
            {
              g_assert_cmpstr (entry->name, ==, name);
              found++;
            }
        }
    }
  g_assert_cmpuint (found, ==, 1);
}

/* Issue 12 item 5; RPA 1983 s.13A(2)(b): an alteration has effect only from the day its
 * notice is issued. An amendment, like an addition or a deletion, reaches no published or
 * supplied version (the open register's CSV, the printed full register, a supply) before
 * its notice: they show the entry as it stood, while the editor shows it as it now is.
 * Jane Smith becomes Jane Evans (determined 5 January 2027), then Janet Evans (6 January),
 * for the notice of 1 February 2027 (deadline 18 January); an amendment undone is gone from
 * every version. A third change, determined after the deadline, waits for the next notice. */
static void
test_amendment_from_its_notice (EdTestDir     *fixture,
                                gconstpointer  data)
{
  Register reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElectorSnapshot) snapshot = NULL;
  g_autofree char *jane = NULL;
  g_autofree char *saved_today = g_strdup (g_getenv ("ED_TODAY"));
  GDate notice = { 0 };

  register_build (&reg, fixture);
  jane = ed_test_register_get (reg.context, "SELECT id FROM elector WHERE surname = ?1",
                               "Smith");
  g_assert_nonnull (jane);

  amend (&reg, jane, "surname", "Evans", "2027-01-05");
  assert_editor_name (&reg, jane, "Evans", "Jane");
  assert_published_name (&reg, fixture, "Smith", "Jane", "Evans");

  /* Amended twice before the notice: still as it stood at the last notice. */
  amend (&reg, jane, "forenames", "Janet", "2027-01-06");
  assert_editor_name (&reg, jane, "Evans", "Janet");
  assert_published_name (&reg, fixture, "Smith", "Jane", "Evans");

  /* An amendment undone takes its published values with it; the first stays pending. */
  snapshot = ed_elector_snapshot_take (reg.context, jane, &error);
  g_assert_no_error (error);
  amend (&reg, jane, "surname", "Undone", "2027-01-07");
  assert_published_name (&reg, fixture, "Smith", "Jane", "Undone");
  g_assert_true (ed_elector_snapshot_restore (reg.context, snapshot, &error));
  g_assert_no_error (error);
  assert_editor_name (&reg, jane, "Evans", "Janet");
  assert_published_name (&reg, fixture, "Smith", "Jane", "Undone");

  /* Determined after the notice's deadline: for the next notice. */
  amend (&reg, jane, "surname", "Jones", "2027-01-20");
  assert_editor_name (&reg, jane, "Jones", "Janet");
  assert_published_name (&reg, fixture, "Smith", "Jane", "Evans");

  g_date_clear (&notice, 1);
  g_date_set_dmy (&notice, 1, G_DATE_FEBRUARY, 2027);
  /* The notice itself shows the entry as its own amendments left it: Janet Evans, never the
   * surname determined after its deadline. */
  assert_notice_name (&reg, &notice, jane, "Evans, Janet");
  g_setenv ("ED_TODAY", "2027-02-01", TRUE);
  g_assert_true (ed_register_notice_publish_full (reg.context, &notice, 0, fixture->dir, NULL,
                                                  NULL, NULL, &error));
  if (saved_today != NULL)
    g_setenv ("ED_TODAY", saved_today, TRUE);
  else
    g_unsetenv ("ED_TODAY");
  g_assert_no_error (error);

  /* From its notice the first two have effect; the third still waits for its own. */
  assert_published_name (&reg, fixture, "Evans", "Janet", "Jones");
  assert_editor_name (&reg, jane, "Jones", "Janet");

  register_clear (&reg);
}

/* An amendment recorded before its published values were kept
 * (0009-alteration-published-values.sql) keeps none, and its entry is published as it now
 * stands, as it always was; its logged insert is read back as the insert it was. */
static void
test_amendment_before_migration (EdTestDir     *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  g_autoptr(EdDatabase) old = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *published = NULL;
  EdOp *insert;

  old = _ed_database_open_at_version (path, ed_test_migrations (), 8, &error);
  g_assert_no_error (error);
  g_assert_true (ed_database_exec (
    old,
    "INSERT INTO register_alteration (id, elector, kind, determined_on, detail) VALUES "
    "('4f4f4f4f-0000-4000-8000-000000000001', '3f3f3f3f-0000-4000-8000-000000000001', "
    "'amendment', '2027-01-05', 'Surname: Smith → Evans');"
    "INSERT INTO op_log (device, seq, hlc, tbl, pk, col, kind, val) VALUES "
    "('d0d0d0d0-0000-4000-8000-000000000000', 1, 1, 'register_alteration', "
    "'4f4f4f4f-0000-4000-8000-000000000001', '__row', 'ins', "
    "'[\"3f3f3f3f-0000-4000-8000-000000000001\",\"amendment\",\"2027-01-05\",\"\","
    "\"Surname: Smith → Evans\",\"\"]')",
    &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  published = ed_test_register_get (context,
                                    "SELECT published FROM register_alteration WHERE id = ?1",
                                    "4f4f4f4f-0000-4000-8000-000000000001");
  g_assert_cmpstr (published, ==, "");

  ops = ed_merge_export (ED_REPLICA (context), NULL, NULL);
  g_assert_cmpuint (ops->len, ==, 1);
  insert = g_ptr_array_index (ops, 0);
  g_assert_cmpint (insert->kind, ==, ED_OP_INS);
  g_assert_cmpstr (insert->val, ==,
                   "{\"elector\":\"3f3f3f3f-0000-4000-8000-000000000001\","
                   "\"kind\":\"amendment\",\"determined_on\":\"2027-01-05\",\"reason\":\"\","
                   "\"detail\":\"Surname: Smith → Evans\",\"notice\":\"\"}");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/register/published/full-supply-as-data", test_full_supply_as_data);
  ED_TEST_ADD ("/register/published/full-supply-printed", test_full_supply_printed);
  ED_TEST_ADD ("/register/published/all-fields-export-is-not-a-supply",
               test_all_fields_export_is_not_a_supply);
  ED_TEST_ADD ("/register/published/open-register", test_open_register_published);
  ED_TEST_ADD ("/register/published/fee-base-per-register", test_fee_base_per_register);
  ED_TEST_ADD ("/register/published/new-address-in-street-order",
               test_new_address_in_street_order);
  ED_TEST_ADD ("/register/published/amendment-from-its-notice", test_amendment_from_its_notice);
  ED_TEST_ADD ("/register/published/amendment-before-migration",
               test_amendment_before_migration);

  return g_test_run ();
}
