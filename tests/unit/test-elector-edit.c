/* test-elector-edit.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ed-modules.h"
#include "changes/ed-change-set.h"
#include "register/ed-elector-edit.h"
#include "register/ed-register-search.h"
#include "ed-test-dir.h"
#include "core/ed-value-error.h"

/* A small register, written by hand: polling district AB with Mill Lane (1 Mill Lane holds
 * AB124, 3 Mill Lane AB125) and an Other elector AB200; polling district CD, empty. */
typedef struct
{
  EdContext *context;
  char      *district;
  char      *empty_district;
  char      *mill_1;
  char      *mill_3;
  char      *smith;
  char      *other;
} Register;

static char *
insert_row (EdChangeSet *change_set,
            const char  *table,
            const char  *columns[],
            GVariant    *values[],
            guint        n)
{
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  g_assert_true (ed_change_set_insert (change_set, table, NULL, columns, values, n, &id,
                                       &error));
  g_assert_no_error (error);
  return id;
}

static char *
insert_district (EdChangeSet *change_set,
                 const char  *code)
{
  const char *columns[] = { "code", "name" };
  GVariant *values[] = { g_variant_new_string (code), g_variant_new_string ("Millbrook") };

  return insert_row (change_set, "polling_district", columns, values, 2);
}

static char *
insert_property (EdChangeSet *change_set,
                 const char  *district,
                 const char  *number)
{
  const char *columns[] = { "property", "street", "town", "postcode", "polling_district" };
  GVariant *values[] = {
    g_variant_new_string (number), g_variant_new_string ("Mill Lane"),
    g_variant_new_string ("Testbury"), g_variant_new_string ("ZY1 9LN"),
    g_variant_new_string (district),
  };

  return insert_row (change_set, "property", columns, values, G_N_ELEMENTS (values));
}

static char *
insert_elector (EdChangeSet *change_set,
                const char  *district,
                const char  *property,
                gint64       number,
                gint64       suffix,
                const char  *surname)
{
  const char *columns[] = {
    "polling_district", "property", "number_prefix", "number", "number_suffix", "forenames",
    "surname", "other_elector", "status",
  };
  GVariant *values[] = {
    g_variant_new_string (district), g_variant_new_string (property),
    g_variant_new_string ("AB"), g_variant_new_int64 (number), g_variant_new_int64 (suffix),
    g_variant_new_string ("Alex"), g_variant_new_string (surname),
    g_variant_new_boolean (property[0] == '\0'), g_variant_new_string ("current"),
  };

  return insert_row (change_set, "elector", columns, values, G_N_ELEMENTS (values));
}

static void
register_open (Register   *reg,
               EdTestDir  *fixture,
               const char *country)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GError) error = NULL;

  reg->context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  g_hash_table_insert (values, "council-name", "Testbury District Council");
  g_hash_table_insert (values, "country", (gpointer)country);
  g_assert_true (ed_district_settings_create (ed_context_get_settings (reg->context), values,
                                              &error));
  g_assert_no_error (error);

  change_set = ed_change_set_begin (ED_REPLICA (reg->context), &error);
  g_assert_no_error (error);
  reg->district = insert_district (change_set, "AB");
  reg->empty_district = insert_district (change_set, "CD");
  reg->mill_1 = insert_property (change_set, reg->district, "1");
  reg->mill_3 = insert_property (change_set, reg->district, "3");
  reg->smith = insert_elector (change_set, reg->district, reg->mill_1, 124, 0, "Smith");
  g_free (insert_elector (change_set, reg->district, reg->mill_3, 125, 0, "Okafor"));
  reg->other = insert_elector (change_set, reg->district, "", 200, 0, "Lindqvist");
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

static void
register_close (Register *reg)
{
  g_clear_object (&reg->context);
  g_free (reg->district);
  g_free (reg->empty_district);
  g_free (reg->mill_1);
  g_free (reg->mill_3);
  g_free (reg->smith);
  g_free (reg->other);
}

static void
today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 23, G_DATE_NOVEMBER, 2026);
}

static char *
next_number (Register   *reg,
             const char *district,
             const char *property)
{
  g_autoptr(GError) error = NULL;
  EdElectorNumber number;

  g_assert_true (ed_elector_next_number (reg->context, district, property, &number, &error));
  g_assert_no_error (error);
  return ed_elector_number_format (&number);
}

static EdElectorEdit *
new_elector_at (Register   *reg,
                const char *property,
                const char *surname)
{
  g_autoptr(GError) error = NULL;
  EdElectorEdit *edit = ed_elector_edit_new ();

  g_assert_true (ed_elector_edit_prefill_property (edit, reg->context, property, &error));
  g_assert_no_error (error);
  g_free (edit->forenames);
  edit->forenames = g_strdup ("Sam");
  g_free (edit->surname);
  edit->surname = g_strdup (surname);
  return edit;
}

static char *
add_at (Register   *reg,
        const char *property,
        const char *surname)
{
  g_autoptr(EdElectorEdit) edit = new_elector_at (reg, property, surname);
  g_autoptr(GError) error = NULL;
  GDate day;

  today (&day);
  g_assert_true (ed_elector_edit_add (reg->context, edit, &day, &error));
  g_assert_no_error (error);
  return ed_elector_number_format (&edit->number);
}

/* One value from the database, as text. */
static char *
query (Register   *reg,
       const char *sql,
       const char *param)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = ed_database_prepare (ed_context_get_database (reg->context), sql, &error);
  char *text = NULL;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* DOMAIN.md §1.1: between publications a new elector at an existing address takes the same
 * number with the next suffix, AB124/1 then AB124/2. */
static void
test_suffix_first_and_second (EdTestDir     *fixture,
                              gconstpointer  data)
{
  Register reg = { 0 };
  g_autofree char *preview = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *at_other_house = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GPtrArray) districts = NULL;

  register_open (&reg, fixture, "england");
  address = ed_elector_edit_address_text (reg.context, reg.mill_1, NULL);
  g_assert_cmpstr (address, ==, "1 Mill Lane, Testbury ZY1 9LN");
  districts = ed_register_polling_districts (reg.context, NULL);
  g_assert_cmpuint (districts->len, ==, 2);
  g_assert_cmpstr (((EdPollingDistrictRef *)g_ptr_array_index (districts, 0))->code, ==, "AB");
  preview = next_number (&reg, reg.district, reg.mill_1);
  g_assert_cmpstr (preview, ==, "AB124/1");
  first = add_at (&reg, reg.mill_1, "Smith");
  g_assert_cmpstr (first, ==, "AB124/1");
  second = add_at (&reg, reg.mill_1, "Smith-Patel");
  g_assert_cmpstr (second, ==, "AB124/2");
  at_other_house = add_at (&reg, reg.mill_3, "Okafor");
  g_assert_cmpstr (at_other_house, ==, "AB125/1");
  register_close (&reg);
}

/* A suffix freed by a deletion is not given again: the deleted entry may still be listed
 * under it in the next notice of alteration (DOMAIN.md §1.4). */
static void
test_suffix_after_gap (EdTestDir     *fixture,
                       gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;

  register_open (&reg, fixture, "england");
  change_set = ed_change_set_begin (ED_REPLICA (reg.context), &error);
  g_free (insert_elector (change_set, reg.district, reg.mill_1, 124, 1, "Smith"));
  g_free (insert_elector (change_set, reg.district, reg.mill_1, 124, 3, "Smith"));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);

  next = next_number (&reg, reg.district, reg.mill_1);
  g_assert_cmpstr (next, ==, "AB124/4");
  register_close (&reg);
}

/* An elector at an address new to the register, or with none, takes the number after the
 * highest in the part (DOMAIN.md §1.1: numbers run in sequence within each part); an empty
 * part starts at 1. */
static void
test_new_property_number (EdTestDir     *fixture,
                          gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(EdElectorEdit) edit = ed_elector_edit_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *in_district = NULL;
  g_autofree char *in_empty = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *number = NULL;
  GDate day;

  register_open (&reg, fixture, "england");
  in_district = next_number (&reg, reg.district, NULL);
  g_assert_cmpstr (in_district, ==, "AB201");
  in_empty = next_number (&reg, reg.empty_district, "");
  g_assert_cmpstr (in_empty, ==, "CD1");

  today (&day);
  g_free (edit->polling_district);
  edit->polling_district = g_strdup (reg.district);
  g_free (edit->surname);
  edit->surname = g_strdup ("Brennan");
  g_free (edit->new_address.property);
  edit->new_address.property = g_strdup ("7");
  g_free (edit->new_address.street);
  edit->new_address.street = g_strdup ("Weir Road");
  g_free (edit->new_address.postcode);
  edit->new_address.postcode = g_strdup ("zy19ln");
  g_assert_true (ed_elector_edit_add (reg.context, edit, &day, &error));
  g_assert_no_error (error);

  number = ed_elector_number_format (&edit->number);
  g_assert_cmpstr (number, ==, "AB201");
  g_assert_cmpstr (edit->property, !=, "");
  postcode = query (&reg, "SELECT postcode FROM property WHERE id = ?1", edit->property);
  g_assert_cmpstr (postcode, ==, "ZY1 9LN");
  register_close (&reg);
}

/* The contract with the notice of alteration: an addition is a pending_addition entry and
 * an unpublished alteration of kind addition with its determination date. */
static void
test_add_writes_alteration (EdTestDir     *fixture,
                            gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *alteration = NULL;
  GDate day;

  register_open (&reg, fixture, "england");
  edit = new_elector_at (&reg, reg.mill_1, "Achebe");
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 16, G_DATE_NOVEMBER, 2026);
  g_assert_true (ed_elector_edit_add (reg.context, edit, &day, &error));
  g_assert_no_error (error);
  g_assert_nonnull (edit->id);

  status = query (&reg, "SELECT status || '|' || surname || '|' || forenames || '|' || "
                        "number_prefix || number || '/' || number_suffix FROM elector "
                        "WHERE id = ?1", edit->id);
  g_assert_cmpstr (status, ==, "pending_addition|Achebe|Sam|AB124/1");
  alteration = query (&reg, "SELECT group_concat (kind || '|' || determined_on || '|' || "
                            "reason || '|' || notice || '|' || detail) "
                            "FROM register_alteration WHERE elector = ?1", edit->id);
  g_assert_cmpstr (alteration, ==, "addition|2026-11-16|||Added as AB124/1: Sam Achebe");
  register_close (&reg);
}

static EdElectorEdit *
load (Register   *reg,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  EdElectorEdit *edit = ed_elector_edit_load (reg->context, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (edit);
  return edit;
}

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* An amendment takes effect at once and is listed in the next notice, saying what changed
 * (DOMAIN.md §1.4); only the changed columns are written. */
static void
test_amend_writes_changes (EdTestDir     *fixture,
                           gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(EdElectorEdit) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *row = NULL;
  g_autofree char *alteration = NULL;
  g_autofree char *count = NULL;
  gboolean found = FALSE;
  GDate day;

  register_open (&reg, fixture, "england");
  today (&day);
  edit = load (&reg, reg.smith);
  g_assert_cmpstr (edit->surname, ==, "Smith");
  g_assert_cmpint (edit->status, ==, ED_ELECTOR_STATUS_CURRENT);
  set_text (&edit->surname, "Jones");
  set_text (&edit->marker, "F");
  g_assert_true (ed_elector_edit_amend (reg.context, edit, &day, &error));
  g_assert_no_error (error);

  row = query (&reg, "SELECT surname || '|' || marker || '|' || status || '|' || forenames "
                     "FROM elector WHERE id = ?1", reg.smith);
  g_assert_cmpstr (row, ==, "Jones|F|current|Alex");
  alteration = query (&reg, "SELECT group_concat (kind || '|' || determined_on || '|' || "
                            "notice || '|' || detail) FROM register_alteration "
                            "WHERE elector = ?1", reg.smith);
  g_assert_cmpstr (alteration, ==,
                   "amendment|2026-11-23||Surname: Smith → Jones; Marker: none → F");

  /* Saving again with nothing changed records nothing. */
  again = load (&reg, reg.smith);
  g_assert_true (ed_elector_edit_amend (reg.context, again, &day, &error));
  g_assert_no_error (error);
  count = query (&reg, "SELECT count(*) FROM register_alteration WHERE elector = ?1",
                 reg.smith);
  g_assert_cmpstr (count, ==, "1");

  /* The history panel reads the op log: who changed what, from what to what. */
  history = ed_elector_history (reg.context, reg.smith, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      g_autofree char *line = ed_elector_history_describe (g_ptr_array_index (history, i));

      if (g_str_equal (line, "Surname: Smith → Jones"))
        found = TRUE;
    }
  g_assert_true (found);
  /* The insert, then surname and marker: forenames and the rest were not written again. */
  g_assert_cmpuint (history->len, ==, 3);
  register_close (&reg);
}

/* An entry not yet published as an addition will appear in the notice as it is then, so
 * changing it is no amendment. */
static void
test_amend_unpublished_addition (EdTestDir     *fixture,
                                 gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(EdElectorEdit) added = NULL;
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *surname = NULL;
  GDate day;

  register_open (&reg, fixture, "england");
  today (&day);
  added = new_elector_at (&reg, reg.mill_3, "Nowak");
  g_assert_true (ed_elector_edit_add (reg.context, added, &day, &error));
  g_assert_no_error (error);

  edit = load (&reg, added->id);
  set_text (&edit->surname, "Nowak-Byrne");
  g_assert_true (ed_elector_edit_amend (reg.context, edit, &day, &error));
  g_assert_no_error (error);

  surname = query (&reg, "SELECT surname || '|' || status FROM elector WHERE id = ?1",
                   added->id);
  g_assert_cmpstr (surname, ==, "Nowak-Byrne|pending_addition");
  kinds = query (&reg, "SELECT group_concat (kind) FROM register_alteration WHERE elector = ?1",
                 added->id);
  g_assert_cmpstr (kinds, ==, "addition");
  register_close (&reg);
}

/* A deletion waits for the notice (DOMAIN.md §1.4): the entry is pending_deletion and the
 * alteration carries the reason. */
static void
test_delete_with_reason (EdTestDir     *fixture,
                         gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *alteration = NULL;
  g_autofree char *other = NULL;
  GDate day;

  register_open (&reg, fixture, "england");
  today (&day);
  g_assert_true (ed_elector_delete (reg.context, reg.smith, ED_DELETION_DIED, NULL, &day,
                                    &error));
  g_assert_no_error (error);
  status = query (&reg, "SELECT status FROM elector WHERE id = ?1", reg.smith);
  g_assert_cmpstr (status, ==, "pending_deletion");
  alteration = query (&reg, "SELECT group_concat (kind || '|' || determined_on || '|' || "
                            "reason || '|' || notice || '|' || detail) "
                            "FROM register_alteration WHERE elector = ?1", reg.smith);
  g_assert_cmpstr (alteration, ==, "deletion|2026-11-23|died||Died");

  /* Twice is refused; so is "other" with no words. */
  g_assert_false (ed_elector_delete (reg.context, reg.smith, ED_DELETION_MOVED, NULL, &day,
                                     &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ed_elector_delete (reg.context, reg.other, ED_DELETION_OTHER, "  ", &day,
                                     &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_true (ed_elector_delete (reg.context, reg.other, ED_DELETION_OTHER,
                                    "No longer entitled as an overseas elector", &day,
                                    &error));
  g_assert_no_error (error);
  other = query (&reg, "SELECT reason || '|' || detail FROM register_alteration "
                       "WHERE elector = ?1", reg.other);
  g_assert_cmpstr (other, ==, "other|No longer entitled as an overseas elector");
  register_close (&reg);
}

/* An addition not yet published never reached the register: deleting it removes the entry
 * and its alterations outright, and nothing goes in the notice. */
static void
test_delete_unpublished_addition (EdTestDir     *fixture,
                                  gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(EdElectorEdit) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *alterations = NULL;
  GDate day;

  register_open (&reg, fixture, "england");
  today (&day);
  added = new_elector_at (&reg, reg.mill_1, "Duplicate");
  g_assert_true (ed_elector_edit_add (reg.context, added, &day, &error));
  g_assert_no_error (error);
  g_assert_true (ed_elector_delete (reg.context, added->id, ED_DELETION_DUPLICATE, NULL, &day,
                                    &error));
  g_assert_no_error (error);

  rows = query (&reg, "SELECT count(*) FROM elector WHERE id = ?1", added->id);
  g_assert_cmpstr (rows, ==, "0");
  alterations = query (&reg, "SELECT count(*) FROM register_alteration WHERE elector = ?1",
                       added->id);
  g_assert_cmpstr (alterations, ==, "0");
  register_close (&reg);
}

static GPtrArray *
validate_marker (Register   *reg,
                 const char *marker,
                 int         day,
                 int         month,
                 int         year)
{
  g_autoptr(EdElectorEdit) edit = new_elector_at (reg, reg->mill_1, "Moreau");
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  set_text (&edit->marker, marker);
  return ed_elector_edit_validate (reg->context, edit, NULL, &date);
}

/* DOMAIN.md §1.2: markers per country and date. In England G gave way to B on 7 May 2024;
 * M is only Scottish; B is only English. */
static void
test_validate_marker_england (EdTestDir     *fixture,
                              gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(GPtrArray) b_after = NULL;
  g_autoptr(GPtrArray) g_after = NULL;
  g_autoptr(GPtrArray) g_before = NULL;
  g_autoptr(GPtrArray) m = NULL;
  g_autoptr(GPtrArray) f = NULL;
  g_autoptr(GPtrArray) unknown = NULL;

  register_open (&reg, fixture, "england");
  b_after = validate_marker (&reg, "B", 7, G_DATE_MAY, 2024);
  g_assert_cmpuint (b_after->len, ==, 0);
  g_after = validate_marker (&reg, "G", 7, G_DATE_MAY, 2024);
  g_assert_nonnull (ed_field_problems_lookup (g_after, "marker"));
  g_before = validate_marker (&reg, "G", 6, G_DATE_MAY, 2024);
  g_assert_null (ed_field_problems_lookup (g_before, "marker"));
  m = validate_marker (&reg, "M", 23, G_DATE_NOVEMBER, 2026);
  g_assert_nonnull (ed_field_problems_lookup (m, "marker"));
  f = validate_marker (&reg, "F", 23, G_DATE_NOVEMBER, 2026);
  g_assert_cmpuint (f->len, ==, 0);
  unknown = validate_marker (&reg, "Q", 23, G_DATE_NOVEMBER, 2026);
  g_assert_nonnull (ed_field_problems_lookup (unknown, "marker"));
  register_close (&reg);
}

static void
test_validate_marker_scotland (EdTestDir     *fixture,
                               gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) m = NULL;

  register_open (&reg, fixture, "scotland");
  b = validate_marker (&reg, "B", 23, G_DATE_NOVEMBER, 2026);
  g_assert_nonnull (ed_field_problems_lookup (b, "marker"));
  m = validate_marker (&reg, "M", 23, G_DATE_NOVEMBER, 2026);
  g_assert_null (ed_field_problems_lookup (m, "marker"));
  register_close (&reg);
}

/* A marker already on an entry was allowed when it was given: amending another field of an
 * English G entry after 7 May 2024 is not refused for it, but a new G is. */
static void
test_validate_keeps_stored_marker (EdTestDir     *fixture,
                                   gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(EdElectorEdit) stored = NULL;
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  register_open (&reg, fixture, "england");
  today (&day);
  change_set = ed_change_set_begin (ED_REPLICA (reg.context), &error);
  g_assert_true (ed_change_set_set (change_set, "elector", reg.smith, "marker",
                                    g_variant_new_string ("G"), &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);

  stored = load (&reg, reg.smith);
  edit = ed_elector_edit_copy (stored);
  set_text (&edit->forenames, "Alexandra");
  kept = ed_elector_edit_validate (reg.context, edit, stored, &day);
  g_assert_cmpuint (kept->len, ==, 0);
  fresh = ed_elector_edit_validate (reg.context, edit, NULL, &day);
  g_assert_nonnull (ed_field_problems_lookup (fresh, "marker"));
  register_close (&reg);
}

static GPtrArray *
validate_attainer (Register   *reg,
                   const char *attainer)
{
  g_autoptr(EdElectorEdit) edit = new_elector_at (reg, reg->mill_1, "Moreau");
  GDate day;

  today (&day);
  set_text (&edit->attainer_date, attainer);
  return ed_elector_edit_validate (reg->context, edit, NULL, &day);
}

/* DOMAIN.md §1.2: an attainer reaches voting age within 12 months of the next 1 December:
 * on 23 November 2026 in England, from 24 November 2026 to 30 November 2027. */
static void
test_validate_attainer (EdTestDir     *fixture,
                        gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(GPtrArray) inside = NULL;
  g_autoptr(GPtrArray) last_day = NULL;
  g_autoptr(GPtrArray) too_late = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autoptr(GPtrArray) not_a_date = NULL;

  register_open (&reg, fixture, "england");
  inside = validate_attainer (&reg, "2027-06-01");
  g_assert_cmpuint (inside->len, ==, 0);
  last_day = validate_attainer (&reg, "2027-11-30");
  g_assert_cmpuint (last_day->len, ==, 0);
  too_late = validate_attainer (&reg, "2027-12-01");
  g_assert_nonnull (ed_field_problems_lookup (too_late, "attainer_date"));
  past = validate_attainer (&reg, "2026-11-23");
  g_assert_nonnull (ed_field_problems_lookup (past, "attainer_date"));
  not_a_date = validate_attainer (&reg, "31/12/2026");
  g_assert_nonnull (ed_field_problems_lookup (not_a_date, "attainer_date"));
  register_close (&reg);
}

/* The other per-field rules: a surname; a proxy's name for a proxy vote (DOMAIN.md §1.6); an
 * end date that is a date, for an absent vote, and no more than three years ahead for a
 * postal vote; a valid postcode for a new address. Each is reported against its field. */
static void
test_validate_fields (EdTestDir     *fixture,
                      gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(EdElectorEdit) edit = ed_elector_edit_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  register_open (&reg, fixture, "england");
  today (&day);
  set_text (&edit->polling_district, reg.district);
  set_text (&edit->surname, "  ");
  set_text (&edit->absent_vote, "proxy");
  set_text (&edit->absent_vote_ends, "2026-02-30");
  set_text (&edit->new_address.property, "9");
  set_text (&edit->new_address.street, "Weir Road");
  set_text (&edit->new_address.postcode, "ZY1 9L");
  problems = ed_elector_edit_validate (reg.context, edit, NULL, &day);
  g_assert_nonnull (ed_field_problems_lookup (problems, "surname"));
  g_assert_nonnull (ed_field_problems_lookup (problems, "proxy_name"));
  g_assert_nonnull (ed_field_problems_lookup (problems, "absent_vote_ends"));
  g_assert_nonnull (ed_field_problems_lookup (problems, "postcode"));
  g_assert_null (ed_field_problems_lookup (problems, "street"));
  g_assert_cmpuint (problems->len, ==, 4);

  /* A save with any problem is refused, and writes nothing. */
  g_assert_false (ed_elector_edit_add (reg.context, edit, &day, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (edit->id);

  set_text (&edit->surname, "Brennan");
  set_text (&edit->proxy_name, "Robin Brennan");
  set_text (&edit->absent_vote, "postal");
  set_text (&edit->absent_vote_ends, "2029-11-24");
  set_text (&edit->new_address.postcode, "ZY1 9LN");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = ed_elector_edit_validate (reg.context, edit, NULL, &day);
  g_assert_nonnull (ed_field_problems_lookup (problems, "absent_vote_ends"));
  g_assert_cmpuint (problems->len, ==, 1);
  set_text (&edit->absent_vote_ends, "2029-11-23");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = ed_elector_edit_validate (reg.context, edit, NULL, &day);
  g_assert_cmpuint (problems->len, ==, 0);
  register_close (&reg);
}

/* Issue 11, item 9: the form holds to the import's limits (ed-register-tables.h), so a value
 * saved by hand could be imported back: a name too long, control characters in a name or
 * an address. At the limit is fine. */
static void
test_validate_limits (EdTestDir     *fixture,
                      gconstpointer  data)
{
  Register reg = { 0 };
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(EdElectorEdit) at_limit = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *too_long = g_strnfill (101, 'a');
  g_autofree char *longest = g_strnfill (100, 'a');
  const char *message;
  GDate day;

  register_open (&reg, fixture, "england");
  today (&day);
  edit = new_elector_at (&reg, reg.mill_1, too_long);
  set_text (&edit->property, "");
  set_text (&edit->forenames, "Sam\x1b[2J");
  set_text (&edit->proxy_name, "Pat\x7f");
  set_text (&edit->new_address.property, "1");
  set_text (&edit->new_address.street, "Mill\nLane");
  set_text (&edit->new_address.postcode, "ZY1 1AA");
  problems = ed_elector_edit_validate (reg.context, edit, NULL, &day);
  message = ed_field_problems_lookup (problems, "surname");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "100"));
  message = ed_field_problems_lookup (problems, "forenames");
  g_assert_nonnull (message);
  g_assert_null (strchr (message, '\x1b'));
  g_assert_nonnull (ed_field_problems_lookup (problems, "proxy_name"));
  g_assert_nonnull (ed_field_problems_lookup (problems, "street"));

  at_limit = new_elector_at (&reg, reg.mill_1, longest);
  none = ed_elector_edit_validate (reg.context, at_limit, NULL, &day);
  g_assert_cmpuint (none->len, ==, 0);
  register_close (&reg);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/register/elector-edit/suffix/first-and-second", test_suffix_first_and_second);
  ED_TEST_ADD ("/register/elector-edit/validate/limits", test_validate_limits);
  ED_TEST_ADD ("/register/elector-edit/suffix/after-gap", test_suffix_after_gap);
  ED_TEST_ADD ("/register/elector-edit/suffix/new-property", test_new_property_number);
  ED_TEST_ADD ("/register/elector-edit/add/alteration", test_add_writes_alteration);
  ED_TEST_ADD ("/register/elector-edit/amend/alteration", test_amend_writes_changes);
  ED_TEST_ADD ("/register/elector-edit/amend/unpublished-addition",
               test_amend_unpublished_addition);
  ED_TEST_ADD ("/register/elector-edit/delete/reason", test_delete_with_reason);
  ED_TEST_ADD ("/register/elector-edit/delete/unpublished-addition",
               test_delete_unpublished_addition);
  ED_TEST_ADD ("/register/elector-edit/validate/marker-england", test_validate_marker_england);
  ED_TEST_ADD ("/register/elector-edit/validate/marker-scotland",
               test_validate_marker_scotland);
  ED_TEST_ADD ("/register/elector-edit/validate/stored-marker",
               test_validate_keeps_stored_marker);
  ED_TEST_ADD ("/register/elector-edit/validate/attainer", test_validate_attainer);
  ED_TEST_ADD ("/register/elector-edit/validate/fields", test_validate_fields);

  return g_test_run ();
}
