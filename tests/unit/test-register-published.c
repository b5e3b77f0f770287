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

#include "register/ed-register-document.h"
#include "register/ed-register-export.h"
#include "register/ed-register-supply.h"
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

static EdSupply *
supply_full (EdContext    *context,
             EdSaleFormat  format)
{
  g_autoptr(GError) error = NULL;
  EdSupplyRequest request = { 0 };
  EdSupply *supply;

  g_date_clear (&request.supplied_on, 1);
  g_date_set_dmy (&request.supplied_on, 1, G_DATE_DECEMBER, 2026);
  request.recipient = "Abbey Party";
  request.entitlement = "political-party";
  request.item = ED_SALE_KIND_FULL;
  request.format = format;
  supply = ed_register_supply_record (context, &request, &error);
  g_assert_no_error (error);
  return supply;
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
  supply = supply_full (reg.context, ED_SALE_FORMAT_DATA);
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
  supply = supply_full (reg.context, ED_SALE_FORMAT_PRINTED);
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

  return g_test_run ();
}
