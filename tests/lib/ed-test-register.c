/* ed-test-register.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include "ed-test-register.h"

EdContext *
ed_test_register_open (EdTestDir  *fixture,
                       const char *country)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  EdContext *context = ed_modules_open_district (path, &error);

  g_assert_no_error (error);
  g_hash_table_insert (values, "council-name", "Testbury District Council");
  g_hash_table_insert (values, "country", (gpointer)country);
  g_assert_true (ed_district_settings_create (ed_context_get_settings (context), values,
                                              &error));
  g_assert_no_error (error);
  return context;
}

char *
ed_test_register_insert (EdContext          *context,
                         const char         *table,
                         const char * const *columns,
                         GVariant          **values,
                         guint               n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  char *id = NULL;

  g_assert_no_error (error);
  g_assert_true (ed_change_set_insert (change_set, table, NULL, columns,
                                       (GVariant * const *)values, n, &id, &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
  return id;
}

char *
ed_test_register_add_district (EdContext  *context,
                               const char *code,
                               const char *name)
{
  const char *columns[] = { "code", "name" };
  GVariant *values[] = { g_variant_new_string (code), g_variant_new_string (name) };

  return ed_test_register_insert (context, "polling_district", columns, values, 2);
}

char *
ed_test_register_add_property (EdContext  *context,
                               const char *district,
                               const char *property,
                               const char *street)
{
  const char *columns[] = { "polling_district", "property", "street", "town", "postcode" };
  GVariant *values[] = {
    g_variant_new_string (district), g_variant_new_string (property),
    g_variant_new_string (street), g_variant_new_string ("Testbury"),
    g_variant_new_string ("ZZ99 1AA"),
  };

  return ed_test_register_insert (context, "property", columns, values, 5);
}

/* An elector at @property ("" for none), numbered @prefix @number / @suffix. */
char *
ed_test_register_add_elector (EdContext          *context,
                              const char         *district,
                              const char         *property,
                              const char         *prefix,
                              gint64              number,
                              gint64              suffix,
                              const char         *surname,
                              const char         *forenames,
                              const char         *status,
                              EdTestElectorFlags  flags)
{
  const char *columns[] = {
    "polling_district", "property", "number_prefix", "number", "number_suffix", "surname",
    "forenames", "status", "anonymous", "other_elector",
  };
  GVariant *values[] = {
    g_variant_new_string (district), g_variant_new_string (property),
    g_variant_new_string (prefix), g_variant_new_int64 (number), g_variant_new_int64 (suffix),
    g_variant_new_string (surname), g_variant_new_string (forenames),
    g_variant_new_string (status),
    g_variant_new_boolean ((flags & ED_TEST_ELECTOR_ANONYMOUS) != 0),
    g_variant_new_boolean ((flags & ED_TEST_ELECTOR_OTHER) != 0),
  };

  return ed_test_register_insert (context, "elector", columns, values, G_N_ELEMENTS (values));
}

char *
ed_test_register_add_alteration (EdContext  *context,
                                 const char *elector,
                                 const char *kind,
                                 const char *determined_on,
                                 const char *reason,
                                 const char *detail)
{
  const char *columns[] = { "elector", "kind", "determined_on", "reason", "detail" };
  GVariant *values[] = {
    g_variant_new_string (elector), g_variant_new_string (kind),
    g_variant_new_string (determined_on), g_variant_new_string (reason),
    g_variant_new_string (detail),
  };

  return ed_test_register_insert (context, "register_alteration", columns, values, 5);
}

void
ed_test_register_set (EdContext  *context,
                      const char *table,
                      const char *row_id,
                      const char *column,
                      GVariant   *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, table, row_id, column, value, &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

void
ed_test_elector_set (EdContext  *context,
                     const char *elector,
                     const char *column,
                     GVariant   *value)
{
  ed_test_register_set (context, "elector", elector, column, value);
}

/* One value of one row, as text; NULL if there is no such row. */
char *
ed_test_register_get (EdContext  *context,
                      const char *sql,
                      const char *row_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context), sql,
                                                      &error);
  char *text = NULL;

  g_assert_no_error (error);
  if (row_id != NULL)
    sqlite3_bind_text (stmt, 1, row_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  return text;
}

char *
ed_test_register_state_hash (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  char *hash = ed_state_hash (ED_REPLICA (context), TRUE, &error);

  g_assert_no_error (error);
  return hash;
}

GDate
ed_test_date (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  g_assert_true (g_date_valid (&date));
  return date;
}

EdSupply *
ed_test_register_supply_full (EdContext    *context,
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
