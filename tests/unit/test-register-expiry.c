/* test-register-expiry.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DOMAIN.md §1.7: overseas electors' declarations expire at the third 1 November after entry
 * and anonymous entries lapse after 12 months, listed for the officer in good time. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "core/ed-date.h"
#include "register/ed-register-expiry.h"
#include "ed-test-cli.h"
#include "ed-test-register.h"

static void
assert_expiry (void (*rule) (const GDate *, GDate *),
               const char  *entered,
               const char  *expected)
{
  GDate from = ed_test_date (entered);
  GDate out;
  g_autofree char *text = NULL;

  rule (&from, &out);
  text = ed_date_format_iso (&out);
  if (g_strcmp0 (text, expected) != 0)
    g_error ("entered %s: expires %s, expected %s", entered, text, expected);
}

/* DOMAIN.md §1.7 ([C] S6, S35): "added 1 Mar 2024 → expires 1 Nov 2026", the third
 * 1 November after entry; an entry on 1 November itself counts none that day. Anonymous
 * entries last 12 months ([C] S11). */
static void
test_rules (void)
{
  assert_expiry (ed_overseas_declaration_expiry, "2024-03-01", "2026-11-01");
  assert_expiry (ed_overseas_declaration_expiry, "2024-10-31", "2026-11-01");
  assert_expiry (ed_overseas_declaration_expiry, "2024-11-01", "2027-11-01");
  assert_expiry (ed_overseas_declaration_expiry, "2024-12-15", "2027-11-01");
  assert_expiry (ed_anonymous_entry_expiry, "2027-02-03", "2028-02-03");
  assert_expiry (ed_anonymous_entry_expiry, "2028-02-29", "2029-02-28");
}

static char *
add_published (EdContext  *context,
               const char *district,
               const char *property,
               gint64      number,
               const char *surname,
               const char *marker,
               EdTestElectorFlags flags,
               const char *notice_date)
{
  const char *notice_columns[] = { "kind", "publication_date", "published" };
  GVariant *notice_values[] = {
    g_variant_new_string ("monthly"), g_variant_new_string (notice_date),
    g_variant_new_boolean (TRUE),
  };
  g_autofree char *notice = ed_test_register_insert (context, "register_notice", notice_columns,
                                                     notice_values, 3);
  char *elector = ed_test_register_add_elector (context, district, property, "AA", number, 0,
                                                surname, "Sam", "current", flags);
  g_autofree char *alteration = ed_test_register_add_alteration (context, elector, "addition",
                                                                 notice_date, "", "");

  ed_test_elector_set (context, elector, "marker", g_variant_new_string (marker));
  ed_test_register_set (context, "register_alteration", alteration, "notice",
                        g_variant_new_string (notice));
  return elector;
}

/* The officer's list: within the days asked, those already past included, soonest first;
 * nothing else. */
static void
test_listing (EdTestDir     *fixture,
              gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *db = ed_test_dir_file (fixture, "district.db");
  g_autofree char *district = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *home = ed_test_register_add_property (context, district, "1", "Mill Lane");
  g_autofree char *overseas = NULL;
  g_autofree char *anonymous = NULL;
  g_autofree char *later = NULL;
  g_autofree char *resident = NULL;
  g_auto(EdTestCliResult) result = { 0 };
  GDate from = ed_test_date ("2026-09-01");
  EdExpiringEntry *entry;

  /* Expires 1 November 2026. */
  overseas = add_published (context, district, "", 1, "Abroad", "F", ED_TEST_ELECTOR_OTHER,
                            "2024-03-01");
  /* Lapses 1 October 2026. */
  anonymous = add_published (context, district, home, 2, "Hidden", "", ED_TEST_ELECTOR_ANONYMOUS,
                             "2025-10-01");
  /* Expires 1 November 2027: not yet. */
  later = add_published (context, district, "", 3, "Later", "F", ED_TEST_ELECTOR_OTHER,
                         "2025-03-03");
  resident = add_published (context, district, home, 4, "Resident", "", ED_TEST_ELECTOR_NONE,
                            "2024-03-01");

  entries = ed_register_expiring (context, &from, 183, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->number, ==, "AA2");
  g_assert_cmpint (entry->kind, ==, ED_EXPIRY_ANONYMOUS_ENTRY);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->number, ==, "AA1");
  g_assert_cmpint (entry->kind, ==, ED_EXPIRY_OVERSEAS_DECLARATION);
  g_assert_cmpint (g_date_get_month (&entry->renewal_from), ==, G_DATE_MAY);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A year on, the later one is listed, and the two already past stay listed. */
  from = ed_test_date ("2027-09-01");
  entries = ed_register_expiring (context, &from, 183, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);

  g_clear_object (&context);
  ed_test_cli_run (&result, "--db", db, "register", "expiring", "--from", "2026-09-01", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "AA1"));
  g_assert_nonnull (strstr (result.out, "2026-11-01"));
  g_assert_nonnull (strstr (result.out, "Overseas declaration expires"));
  g_assert_nonnull (strstr (result.out, "Anonymous entry lapses"));
  g_assert_null (strstr (result.out, "Later"));
  /* An anonymous entry is listed by number only. */
  g_assert_null (strstr (result.out, "Hidden"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/register/expiry/rules", test_rules);
  ED_TEST_ADD ("/register/expiry/listing", test_listing);

  return g_test_run ();
}
