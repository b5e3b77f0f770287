/* test-stations-place.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Polling places as the place editor saves them: every field checked, only changed fields
 * written, the accessibility checklist one row per question, and issues raised and resolved
 * (DOMAIN.md §3.1, §3.5). */

#include "config.h"

#include "core/ed-database.h"
#include "core/ed-value-error.h"
#include "district/ed-context.h"
#include "register/ed-elector-edit.h"
#include "stations/ed-polling-place.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-register.h"

static gint64
count (EdContext  *context,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static EdPlaceEdit *
hall_edit (const char *district)
{
  EdPlaceEdit *edit = ed_place_edit_new ();

  g_free (edit->name);
  edit->name = g_strdup ("  Abbey Community Hall ");
  g_free (edit->address);
  edit->address = g_strdup ("Abbey Road\nTestbury");
  g_free (edit->postcode);
  edit->postcode = g_strdup ("zy11ab");
  g_free (edit->easting);
  edit->easting = g_strdup ("451200");
  g_free (edit->northing);
  edit->northing = g_strdup ("206300");
  g_free (edit->hire_fee);
  edit->hire_fee = g_strdup ("£85.50");
  g_free (edit->polling_district);
  edit->polling_district = g_strdup (district);
  edit->booking_state = ED_BOOKING_PROVISIONALLY_BOOKED;
  return edit;
}

static void
test_save_and_load (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autoptr(EdPlaceEdit) edit = hall_edit (aa);
  g_autoptr(EdPlaceEdit) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = NULL;
  EdPlaceSummary *summary;
  gint64 ops;

  g_assert_true (ed_place_edit_save (context, edit, &error));
  g_assert_no_error (error);
  g_assert_nonnull (edit->id);

  loaded = ed_place_edit_load (context, edit->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Abbey Community Hall");
  g_assert_cmpstr (loaded->postcode, ==, "ZY1 1AB");
  g_assert_cmpstr (loaded->hire_fee, ==, "£85.50");
  g_assert_cmpstr (loaded->easting, ==, "451200");
  g_assert_cmpstr (loaded->uprn, ==, "");
  g_assert_cmpint (loaded->booking_state, ==, ED_BOOKING_PROVISIONALLY_BOOKED);
  g_assert_cmpint (count (context, "SELECT hire_fee FROM polling_place"), ==, 8550);

  /* Saving only the booking writes one op: another desk's edit of any other field of the
   * place never clashes with it. */
  ops = count (context, "SELECT count(*) FROM op_log");
  loaded->booking_state = ED_BOOKING_CONFIRMED;
  g_assert_true (ed_place_edit_save (context, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (context, "SELECT count(*) FROM op_log"), ==, ops + 1);
  g_assert_true (ed_place_edit_save (context, loaded, &error));
  g_assert_cmpint (count (context, "SELECT count(*) FROM op_log"), ==, ops + 1);

  places = ed_place_list (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 1);
  summary = g_ptr_array_index (places, 0);
  g_assert_cmpstr (summary->district_code, ==, "AA");
  g_assert_cmpint (summary->booking_state, ==, ED_BOOKING_CONFIRMED);

  g_assert_null (ed_place_edit_load (context, "0190a1b2-0000-7000-8000-000000000000", &error));
  g_assert_nonnull (error);
}

static void
test_validation (void)
{
  static const struct
  {
    const char *field;
    const char *value;
  } bad[] = {
    { "name", "   " },
    { "name", "Hall\x1b[2J" },
    { "postcode", "not a postcode" },
    { "uprn", "12ab" },
    { "easting", "-5" },
    { "easting", "800000" },
    { "northing", "1300001" },
    { "hire_fee", "lots" },
    { "hire_fee", "-£10" },
    { "caretaker", "Ann\nOther" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(EdPlaceEdit) edit = hall_edit ("");
      g_autoptr(GPtrArray) problems = NULL;
      char **slot = NULL;

      if (g_str_equal (bad[i].field, "name")) slot = &edit->name;
      else if (g_str_equal (bad[i].field, "postcode")) slot = &edit->postcode;
      else if (g_str_equal (bad[i].field, "uprn")) slot = &edit->uprn;
      else if (g_str_equal (bad[i].field, "easting")) slot = &edit->easting;
      else if (g_str_equal (bad[i].field, "northing")) slot = &edit->northing;
      else if (g_str_equal (bad[i].field, "hire_fee")) slot = &edit->hire_fee;
      else if (g_str_equal (bad[i].field, "caretaker")) slot = &edit->caretaker;
      g_assert_nonnull (slot);
      g_free (*slot);
      *slot = g_strdup (bad[i].value);
      problems = ed_place_edit_validate (edit);
      g_test_message ("%s = %s", bad[i].field, bad[i].value);
      g_assert_nonnull (ed_field_problems_lookup (problems, bad[i].field));
    }

  /* A point needs both coordinates. */
  {
    g_autoptr(EdPlaceEdit) edit = hall_edit ("");
    g_autoptr(GPtrArray) problems = NULL;

    g_free (edit->northing);
    edit->northing = g_strdup ("");
    problems = ed_place_edit_validate (edit);
    g_assert_nonnull (ed_field_problems_lookup (problems, "easting"));
  }
}

/* A refused save leaves the district as it was. */
static void
test_refused_save_writes_nothing (EdTestDir     *fixture,
                                  gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(EdPlaceEdit) edit = hall_edit ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ed_test_register_state_hash (context);
  g_autofree char *after = NULL;

  g_free (edit->postcode);
  edit->postcode = g_strdup ("XX");
  g_assert_false (ed_place_edit_save (context, edit, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Postcode: "));
  after = ed_test_register_state_hash (context);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (edit->id);
}

static void
test_access_checklist (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(EdPlaceEdit) edit = hall_edit ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) answers = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autofree char *issue = NULL;
  GDate raised = ed_test_date ("2026-10-01");
  GDate resolved = ed_test_date ("2026-11-02");
  EdPlaceAccessAnswer *door;
  EdPlaceSummary *summary;

  g_assert_true (ed_place_edit_save (context, edit, &error));
  g_assert_true (ed_place_access_set (context, edit->id, ED_ACCESS_DOOR_WIDTH,
                                      ED_ACCESS_ANSWER_YES, "900 mm", &error));
  g_assert_true (ed_place_access_set (context, edit->id, ED_ACCESS_DOOR_WIDTH,
                                      ED_ACCESS_ANSWER_NO, "Inner door 700 mm", &error));
  g_assert_true (ed_place_access_set (context, edit->id, ED_ACCESS_PARKING,
                                      ED_ACCESS_ANSWER_NOT_APPLICABLE, "", &error));
  g_assert_no_error (error);
  /* One row per question, answered again in place. */
  g_assert_cmpint (count (context, "SELECT count(*) FROM place_access_check"), ==, 2);

  answers = ed_place_access_load (context, edit->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, ED_N_ACCESS_ITEMS);
  door = &g_array_index (answers, EdPlaceAccessAnswer, ED_ACCESS_DOOR_WIDTH);
  g_assert_cmpint (door->answer, ==, ED_ACCESS_ANSWER_NO);
  g_assert_cmpstr (door->note, ==, "Inner door 700 mm");
  g_assert_cmpint (g_array_index (answers, EdPlaceAccessAnswer, ED_ACCESS_CHAIRS).answer,
                   ==, ED_ACCESS_ANSWER_UNKNOWN);

  g_assert_null (ed_place_access_issue_add (context, edit->id, "door_width", "  ", "", &raised,
                                            &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (ed_place_access_issue_add (context, edit->id, "drawbridge", "Moat", "",
                                            &raised, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  issue = ed_place_access_issue_add (context, edit->id, "door_width",
                                     "The inner door is 700 mm wide.",
                                     "Prop it open on polling day.", &raised, &error);
  g_assert_no_error (error);

  places = ed_place_list (context, &error);
  summary = g_ptr_array_index (places, 0);
  g_assert_cmpuint (summary->n_open_issues, ==, 1);
  g_assert_cmpuint (summary->n_assessed, ==, 2);
  g_assert_cmpuint (summary->n_failed, ==, 1);

  g_assert_true (ed_place_access_issue_resolve (context, issue, &resolved, &error));
  issues = ed_place_access_issues (context, edit->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpstr (((EdPlaceAccessIssue *)g_ptr_array_index (issues, 0))->resolved_on, ==,
                   "2026-11-02");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/stations/place/save-and-load", test_save_and_load);
  g_test_add_func ("/stations/place/validation", test_validation);
  ED_TEST_ADD ("/stations/place/refused-save-writes-nothing", test_refused_save_writes_nothing);
  ED_TEST_ADD ("/stations/place/access-checklist-domain-3-5", test_access_checklist);

  return g_test_run ();
}
