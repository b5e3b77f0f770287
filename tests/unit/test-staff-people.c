/* test-staff-people.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The people of the staff module (issue 16, item 1; DOMAIN.md §4): stored tidied and
 * checked, National Insurance numbers normalised or refused with the reason, listed by name
 * and narrowed by role and words, their training current or not on a day, their availability
 * per election, and the retention rule that lists people not appointed for the district's
 * number of years. Every name, address and number is made up. */

#include "config.h"

#include <string.h>

#include "changes/ed-merge.h"
#include "core/ed-database-private.h"
#include "core/ed-value-error.h"
#include "register/ed-elector-edit.h"
#include "staff/ed-staff-person.h"
#include "ed-test-lib.h"
#include "ed-test-register.h"

static gint64
count (EdContext  *context,
       const char *sql)
{
  sqlite3 *db = ed_database_get_handle (ed_context_get_database (context));
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static EdStaffPerson *
new_person (const char *family_name,
            const char *given_names)
{
  EdStaffPerson *person = ed_staff_person_new ();

  g_free (person->family_name);
  person->family_name = g_strdup (family_name);
  g_free (person->given_names);
  person->given_names = g_strdup (given_names);
  return person;
}

static void
set_text (char       **member,
          const char  *value)
{
  g_free (*member);
  *member = g_strdup (value);
}

static void
add_role (EdStaffPerson *person,
          EdStaffRole    role)
{
  g_array_append_val (person->roles, role);
}

static char *
add (EdContext     *context,
     EdStaffPerson *person)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_staff_person_add (context, person, &error));
  g_assert_no_error (error);
  g_assert_nonnull (person->id);
  return g_strdup (person->id);
}

static char *
add_named (EdContext   *context,
           const char  *family_name,
           const char  *given_names)
{
  g_autoptr(EdStaffPerson) person = new_person (family_name, given_names);

  return add (context, person);
}

static char *
add_election (EdContext  *context,
              const char *poll_date,
              const char *slug)
{
  const char *columns[] = { "kind", "country", "poll_date", "title", "slug" };
  GVariant *values[] = {
    g_variant_new_string ("pcc"), g_variant_new_string ("england"),
    g_variant_new_string (poll_date), g_variant_new_string ("Police and Crime Commissioner"),
    g_variant_new_string (slug),
  };

  return ed_test_register_insert (context, "election", columns, values, G_N_ELEMENTS (values));
}

static void
add_appointment (EdContext  *context,
                 const char *election,
                 const char *person,
                 const char *work_date,
                 const char *state)
{
  const char *columns[] = { "election", "person", "role", "work_date", "state" };
  GVariant *values[] = {
    g_variant_new_string (election), g_variant_new_string (person),
    g_variant_new_string ("poll_clerk"), g_variant_new_string (work_date),
    g_variant_new_string (state),
  };
  g_autofree char *id = ed_test_register_insert (context, "staff_appointment", columns, values,
                                                 G_N_ELEMENTS (values));
}

/* Issue 16 item 1: a person is stored as the forms and files give them, tidied: names
 * trimmed, the postcode and the National Insurance number normalised, roles each once in
 * order; and a save that changes nothing records nothing. */
static void
test_add_load_update (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(EdStaffPerson) person = new_person ("  Pryderi ", "Siân  Mair");
  g_autoptr(EdStaffPerson) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 ops;

  set_text (&person->email, " sian.pryderi@example.org ");
  set_text (&person->phone, "01632 960123");
  set_text (&person->address, "  4 Heol y Felin \r\n\r\nAberwen  ");
  set_text (&person->postcode, "zy12ab");
  set_text (&person->ni_number, "ab 12 34 56 c");
  set_text (&person->payroll_reference, " PAY-0042 ");
  g_date_set_dmy (&person->date_of_birth, 13, G_DATE_MAY, 1980);
  person->council_employee = TRUE;
  person->starter_statement = ED_STARTER_B;
  g_date_set_dmy (&person->starter_date, 2, G_DATE_APRIL, 2029);
  set_text (&person->language, "CY");
  add_role (person, ED_STAFF_ROLE_POLL_CLERK);
  add_role (person, ED_STAFF_ROLE_PRESIDING_OFFICER);
  add_role (person, ED_STAFF_ROLE_POLL_CLERK);
  id = add (context, person);

  loaded = ed_staff_person_load (context, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->family_name, ==, "Pryderi");
  g_assert_cmpstr (loaded->given_names, ==, "Siân  Mair");
  g_assert_cmpstr (loaded->email, ==, "sian.pryderi@example.org");
  g_assert_cmpstr (loaded->address, ==, "4 Heol y Felin\nAberwen");
  g_assert_cmpstr (loaded->postcode, ==, "ZY1 2AB");
  g_assert_cmpstr (loaded->ni_number, ==, "AB123456C");
  g_assert_cmpstr (loaded->payroll_reference, ==, "PAY-0042");
  g_assert_cmpint (g_date_get_year (&loaded->date_of_birth), ==, 1980);
  g_assert_true (loaded->council_employee);
  g_assert_cmpint (loaded->starter_statement, ==, ED_STARTER_B);
  g_assert_cmpint (g_date_get_day (&loaded->starter_date), ==, 2);
  g_assert_cmpstr (loaded->language, ==, "cy");
  g_assert_cmpuint (loaded->roles->len, ==, 2);
  g_assert_cmpint (g_array_index (loaded->roles, EdStaffRole, 0), ==,
                   ED_STAFF_ROLE_PRESIDING_OFFICER);
  g_assert_cmpint (g_array_index (loaded->roles, EdStaffRole, 1), ==, ED_STAFF_ROLE_POLL_CLERK);
  g_assert_cmpint (count (context, "SELECT count(*) FROM staff_person_role"), ==, 2);

  /* Saved again as loaded: nothing to record. */
  ops = count (context, "SELECT count(*) FROM op_log");
  g_assert_true (ed_staff_person_update (context, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (context, "SELECT count(*) FROM op_log"), ==, ops);

  /* One field and one role changed: one set, one delete. */
  set_text (&loaded->email, "s.pryderi@example.org");
  g_array_remove_index (loaded->roles, 1);
  g_assert_true (ed_staff_person_update (context, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (context, "SELECT count(*) FROM op_log"), ==, ops + 2);
  g_clear_pointer (&loaded, ed_staff_person_free);
  loaded = ed_staff_person_load (context, id, &error);
  g_assert_cmpstr (loaded->email, ==, "s.pryderi@example.org");
  g_assert_cmpuint (loaded->roles->len, ==, 1);
  g_assert_true (ed_staff_person_has_role (loaded, ED_STAFF_ROLE_PRESIDING_OFFICER));
}

/* Issue 16 item 1: a National Insurance number is validated, and one HMRC could never have
 * issued is refused with the reason, writing nothing. */
static void
test_ni_number_refused (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  static const struct
  {
    const char *typed;
    const char *reason;
  } cases[] = {
    { "AB12345C", "two letters, six digits" },
    { "QQ 12 34 56 C", "first letter cannot be" },
    { "TN 12 34 56 A", "starting TN" },
    { "AB 12 34 56 E", "last letter must be" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EdStaffPerson) person = new_person ("Gwyn", "Alis");
      g_autoptr(GError) error = NULL;

      set_text (&person->ni_number, cases[i].typed);
      g_assert_false (ed_staff_person_add (context, person, &error));
      g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "National Insurance number"));
      g_assert_nonnull (strstr (error->message, cases[i].reason));
      g_assert_null (person->id);
    }
  g_assert_cmpint (count (context, "SELECT count(*) FROM staff_person"), ==, 0);
  g_assert_cmpint (count (context, "SELECT count(*) FROM op_log WHERE tbl = 'staff_person'"),
                   ==, 0);
}

/* Every field is checked, and each problem named by its column. */
static void
test_check (void)
{
  g_autoptr(EdStaffPerson) person = new_person ("   ", "Ifor");
  g_autoptr(GPtrArray) problems = NULL;
  GDate today;
  static const char * const fields[] = {
    "family_name", "email", "phone", "postcode", "date_of_birth", "starter_date", "language",
    "given_names",
  };

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, G_DATE_JANUARY, 2030);
  set_text (&person->email, "ifor at example.org");
  set_text (&person->phone, "0163");
  set_text (&person->postcode, "ZY");
  g_date_set_dmy (&person->date_of_birth, 3, G_DATE_JANUARY, 2030);
  g_date_set_dmy (&person->starter_date, 1, G_DATE_JANUARY, 2030);
  set_text (&person->language, "fr");
  set_text (&person->given_names, "If\tor");
  problems = ed_staff_person_check (person, &today);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_nonnull (ed_field_problems_lookup (problems, fields[i]));
  g_assert_null (ed_field_problems_lookup (problems, "ni_number"));
}

/* The list is by family name and then given names, in any case; it narrows by role and by
 * words of the names, email or payroll reference, Welsh letters folded as any others. */
static void
test_list (EdTestDir     *fixture,
           gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(EdStaffPerson) sian = new_person ("ap Rhys", "Siân");
  g_autoptr(EdStaffPerson) mair = new_person ("Abbott", "Mair");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) clerks = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dewi = add_named (context, "abbott", "Dewi");
  g_autofree char *zeb = add_named (context, "Zebedee", "Owain");
  g_autofree char *sian_id = NULL;
  g_autofree char *mair_id = NULL;
  static const char * const order[] = { "Dewi", "Mair", "Siân", "Owain" };

  add_role (sian, ED_STAFF_ROLE_POLL_CLERK);
  set_text (&sian->email, "rhys.s@example.org");
  sian_id = add (context, sian);
  add_role (mair, ED_STAFF_ROLE_PRESIDING_OFFICER);
  add_role (mair, ED_STAFF_ROLE_POLL_CLERK);
  set_text (&mair->payroll_reference, "EL-7731");
  mair_id = add (context, mair);

  all = ed_staff_person_list (context, ED_STAFF_ROLE_ANY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (((EdStaffPerson *)g_ptr_array_index (all, i))->given_names, ==, order[i]);

  clerks = ed_staff_person_list (context, ED_STAFF_ROLE_POLL_CLERK, NULL, &error);
  g_assert_cmpuint (clerks->len, ==, 2);
  g_assert_cmpstr (((EdStaffPerson *)g_ptr_array_index (clerks, 0))->id, ==, mair_id);
  g_assert_cmpstr (((EdStaffPerson *)g_ptr_array_index (clerks, 1))->id, ==, sian_id);

  found = ed_staff_person_list (context, ED_STAFF_ROLE_ANY, "SIÂN", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ed_staff_person_list (context, ED_STAFF_ROLE_ANY, "rhys.s@", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ed_staff_person_list (context, ED_STAFF_ROLE_ANY, "el-77", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((EdStaffPerson *)g_ptr_array_index (found, 0))->id, ==, mair_id);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ed_staff_person_list (context, ED_STAFF_ROLE_ANY, "abbott dewi", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((EdStaffPerson *)g_ptr_array_index (found, 0))->id, ==, dewi);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ed_staff_person_list (context, ED_STAFF_ROLE_PRESIDING_OFFICER, "abbott", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_null (error);
  (void)zeb;
}

static void
test_set_roles (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *id = add_named (context, "Morgan", "Elin");
  EdStaffRole roles[] = { ED_STAFF_ROLE_COUNT_ASSISTANT, ED_STAFF_ROLE_CANVASSER };
  g_autoptr(EdStaffPerson) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_staff_person_set_roles (context, id, roles, G_N_ELEMENTS (roles), &error));
  g_assert_no_error (error);
  loaded = ed_staff_person_load (context, id, &error);
  g_assert_cmpuint (loaded->roles->len, ==, 2);
  g_assert_true (ed_staff_person_has_role (loaded, ED_STAFF_ROLE_CANVASSER));

  g_assert_true (ed_staff_person_set_roles (context, id, roles, 1, &error));
  g_assert_cmpint (count (context, "SELECT count(*) FROM staff_person_role"), ==, 1);

  g_assert_false (ed_staff_person_set_roles (context, "no-such-person", roles, 1, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
}

static EdStaffTraining *
training (const char  *person,
          EdStaffRole  role,
          const char  *course_date,
          gboolean     attended,
          const char  *valid_until)
{
  EdStaffTraining *record = ed_staff_training_new ();

  record->person = g_strdup (person);
  record->role = role;
  g_free (record->course);
  record->course = g_strdup ("Presiding officer training (face to face)");
  g_date_set_parse (&record->course_date, course_date);
  g_assert_true (g_date_valid (&record->course_date));
  record->attended = attended;
  if (valid_until != NULL)
    g_date_set_parse (&record->valid_until, valid_until);
  return record;
}

/* 0017-staff.sql, staff_training: a role's training is current on a day when it was attended
 * before that day and valid_until is empty or not before it (the appointment warnings of
 * issue 16 item 3; training fees only for training attended, DOMAIN.md §4.3). */
static void
test_training_current (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *id = add_named (context, "Howells", "Bethan");
  g_autoptr(EdStaffTraining) booked = training (id, ED_STAFF_ROLE_PRESIDING_OFFICER,
                                                "2029-04-20", FALSE, "2031-04-30");
  g_autoptr(EdStaffTraining) bad = training (id, ED_STAFF_ROLE_PRESIDING_OFFICER, "2029-04-20",
                                             TRUE, "2029-04-19");
  g_autoptr(EdStaffTraining) nobody = training ("no-such-person", ED_STAFF_ROLE_POLL_CLERK,
                                                "2029-04-20", TRUE, NULL);
  g_autoptr(EdStaffTraining) clerk = training (id, ED_STAFF_ROLE_POLL_CLERK, "2027-03-01", TRUE,
                                               NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  g_assert_true (ed_staff_training_add (context, booked, &error));
  g_assert_no_error (error);
  g_assert_true (ed_staff_training_add (context, clerk, &error));
  g_assert_false (ed_staff_training_add (context, bad, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ed_staff_training_add (context, nobody, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 2, G_DATE_MAY, 2030);
  /* Booked, not attended. */
  g_assert_false (ed_staff_training_is_current (context, id, ED_STAFF_ROLE_PRESIDING_OFFICER,
                                                &day, &error));
  g_assert_no_error (error);
  g_assert_true (ed_staff_training_set_attended (context, booked->id, TRUE, &error));
  g_assert_true (ed_staff_training_is_current (context, id, ED_STAFF_ROLE_PRESIDING_OFFICER,
                                               &day, &error));
  /* Not for another role. */
  g_assert_false (ed_staff_training_is_current (context, id, ED_STAFF_ROLE_COUNT_MANAGER, &day,
                                                &error));
  /* Never lapses. */
  g_assert_true (ed_staff_training_is_current (context, id, ED_STAFF_ROLE_POLL_CLERK, &day,
                                               &error));

  /* The course must be before the day: on the day itself it does not count. */
  g_date_set_dmy (&day, 20, G_DATE_APRIL, 2029);
  g_assert_false (ed_staff_training_is_current (context, id, ED_STAFF_ROLE_PRESIDING_OFFICER,
                                                &day, &error));
  g_date_set_dmy (&day, 21, G_DATE_APRIL, 2029);
  g_assert_true (ed_staff_training_is_current (context, id, ED_STAFF_ROLE_PRESIDING_OFFICER,
                                               &day, &error));
  /* Valid until a day counts on that day, and lapses after it. */
  g_date_set_dmy (&day, 30, G_DATE_APRIL, 2031);
  g_assert_true (ed_staff_training_is_current (context, id, ED_STAFF_ROLE_PRESIDING_OFFICER,
                                               &day, &error));
  g_date_set_dmy (&day, 1, G_DATE_MAY, 2031);
  g_assert_false (ed_staff_training_is_current (context, id, ED_STAFF_ROLE_PRESIDING_OFFICER,
                                                &day, &error));
  g_assert_no_error (error);

  records = ed_staff_training_list (context, id, &error);
  g_assert_cmpuint (records->len, ==, 2);
  /* The earliest first. */
  g_assert_cmpint (((EdStaffTraining *)g_ptr_array_index (records, 0))->role, ==,
                   ED_STAFF_ROLE_POLL_CLERK);
}

/* Issue 16 item 1: availability per election, one answer each, the latest kept. */
static void
test_availability (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *id = add_named (context, "Llewelyn", "Gethin");
  g_autofree char *election = add_election (context, "2028-05-04",
                                            "pcc.testbury.2028-05-04");
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  EdAvailability availability;

  g_assert_true (ed_staff_availability_get (context, id, election, &availability, &note,
                                            &error));
  g_assert_cmpint (availability, ==, ED_AVAILABILITY_UNKNOWN);
  g_assert_cmpstr (note, ==, "");
  g_clear_pointer (&note, g_free);

  g_assert_true (ed_staff_availability_set (context, id, election, ED_AVAILABILITY_AVAILABLE,
                                            " Mornings only ", &error));
  g_assert_no_error (error);
  /* By the election's id as well as its row id. */
  g_assert_true (ed_staff_availability_set (context, id, "pcc.testbury.2028-05-04",
                                            ED_AVAILABILITY_UNAVAILABLE, "Away", &error));
  g_assert_no_error (error);
  g_assert_true (ed_staff_availability_get (context, id, election, &availability, &note,
                                            &error));
  g_assert_cmpint (availability, ==, ED_AVAILABILITY_UNAVAILABLE);
  g_assert_cmpstr (note, ==, "Away");
  g_assert_cmpint (count (context, "SELECT count(*) FROM staff_availability"), ==, 1);

  g_assert_false (ed_staff_availability_set (context, id, "no-such-election",
                                             ED_AVAILABILITY_AVAILABLE, "", &error));
  g_assert_nonnull (error);
}

/* The district setting staff-retention-years: 4 until the council's retention schedule sets
 * its own ([U]), a whole number. */
static void
test_retention_setting (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  EdDistrictSettings *settings = ed_context_get_settings (context);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (ed_district_settings_get (settings, "staff-retention-years"), ==, "");
  g_assert_cmpuint (ed_staff_retention_years (context), ==, 4);
  g_assert_true (ed_district_settings_set (settings, "staff-retention-years", "6", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_staff_retention_years (context), ==, 6);
  g_assert_false (ed_district_settings_set (settings, "staff-retention-years", "0", &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ed_district_settings_set (settings, "staff-retention-years", "four", &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_assert_cmpuint (ed_staff_retention_years (context), ==, 6);
}

static gboolean
listed (GPtrArray  *removals,
        const char *id,
        const char *last_appointed)
{
  for (guint i = 0; i < removals->len; i++)
    {
      EdStaffRemoval *removal = g_ptr_array_index (removals, i);

      if (g_str_equal (removal->person->id, id))
        {
          GDate expected;

          if (last_appointed == NULL)
            return TRUE;
          g_date_clear (&expected, 1);
          g_date_set_parse (&expected, last_appointed);
          g_assert_cmpint (g_date_compare (&expected, &removal->last_appointed), ==, 0);
          return TRUE;
        }
    }
  return FALSE;
}

/* Issue 16 item 1: people not appointed for the district's number of years are listed for
 * removal: by the latest appointment's work date, or its election's polling day when it has
 * none. A declined invitation is not an appointment; a person never appointed is not listed
 * (staff_person records no date a person was added). */
static void
test_retention_list (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *may_2025 = add_election (context, "2025-05-01", "pcc.testbury.2025-05-01");
  g_autofree char *may_2027 = add_election (context, "2027-05-06", "pcc.testbury.2027-05-06");
  g_autofree char *old = add_named (context, "Cadwaladr", "Nia");
  g_autofree char *recent = add_named (context, "Beddoe", "Rhodri");
  g_autofree char *never = add_named (context, "Ellis", "Tomos");
  g_autofree char *declined = add_named (context, "Dafydd", "Llio");
  g_autofree char *edge = add_named (context, "Fychan", "Awen");
  g_autoptr(GPtrArray) removals = NULL;
  g_autoptr(GError) error = NULL;
  GDate today, cutoff;

  add_appointment (context, may_2025, old, "", "attended");
  add_appointment (context, may_2027, recent, "", "attended");
  add_appointment (context, may_2025, recent, "2025-04-30", "attended");
  add_appointment (context, may_2025, declined, "2024-03-01", "attended");
  add_appointment (context, may_2027, declined, "", "declined");
  add_appointment (context, may_2025, edge, "2026-01-02", "confirmed");

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, G_DATE_JANUARY, 2030);
  ed_staff_retention_cutoff (context, &today, &cutoff);
  g_assert_cmpint (g_date_get_year (&cutoff), ==, 2026);

  removals = ed_staff_person_list_for_removal (context, &today, &error);
  g_assert_no_error (error);
  g_assert_true (listed (removals, old, "2025-05-01"));
  g_assert_true (listed (removals, declined, "2024-03-01"));
  g_assert_false (listed (removals, recent, NULL));
  g_assert_false (listed (removals, never, NULL));
  /* Exactly the period ago is not older than it. */
  g_assert_false (listed (removals, edge, NULL));
  g_assert_cmpuint (removals->len, ==, 2);
  /* By name. */
  g_assert_cmpstr (((EdStaffRemoval *)g_ptr_array_index (removals, 0))->person->id, ==, old);

  g_assert_true (ed_district_settings_set (ed_context_get_settings (context),
                                           "staff-retention-years", "5", &error));
  g_clear_pointer (&removals, g_ptr_array_unref);
  removals = ed_staff_person_list_for_removal (context, &today, &error);
  g_assert_cmpuint (removals->len, ==, 1);
  g_assert_true (listed (removals, declined, "2024-03-01"));
}

/* A district set up between 0014 and 0019: after the upgrade the retention period reads as
 * 4 years, and its logged insert, the array of the twelve columns it had, is still read back
 * as the insert it was (0019-staff-retention.sql). */
static void
test_retention_upgrade (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "old.db");
  g_autoptr(EdDatabase) old = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  EdDistrictSettings *settings;
  EdOp *insert;

  old = _ed_database_open_at_version (path, ed_test_migrations (), 17, &error);
  g_assert_no_error (error);
  g_assert_true (ed_database_exec (old,
                                   "INSERT INTO district (id, council_name, country, "
                                   "welsh_marker_letter, station_maximum_electors) VALUES "
                                   "('0f0f0f0f-0000-4000-8000-000000000000', "
                                   "'Aberwen County Council', 'wales', 'Q', '2000');"
                                   "INSERT INTO op_log (device, seq, hlc, tbl, pk, col, kind, "
                                   "val) VALUES ('d0d0d0d0-0000-4000-8000-000000000000', 1, 1, "
                                   "'district', '0f0f0f0f-0000-4000-8000-000000000000', "
                                   "'__row', 'ins', '[\"Aberwen County Council\",\"\","
                                   "\"wales\",false,\"\",\"\",\"\",\"\",\"\",\"Q\",\"2000\","
                                   "\"\"]')",
                                   &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  settings = ed_context_get_settings (context);
  g_assert_cmpstr (ed_district_settings_get (settings, "staff-retention-years"), ==, "");
  g_assert_cmpuint (ed_district_settings_get_staff_retention_years (settings), ==, 4);
  g_assert_cmpuint (ed_district_settings_get_station_maximum_electors (settings), ==, 2000);

  ops = ed_merge_export (ED_REPLICA (context), NULL, NULL);
  g_assert_cmpuint (ops->len, ==, 1);
  insert = g_ptr_array_index (ops, 0);
  g_assert_cmpint (insert->kind, ==, ED_OP_INS);
  g_assert_cmpstr (insert->val, ==,
                   "{\"council_name\":\"Aberwen County Council\",\"council_address\":\"\","
                   "\"country\":\"wales\",\"welsh_language\":false,\"ero_name\":\"\","
                   "\"ro_name\":\"\",\"phone\":\"\",\"email\":\"\",\"website\":\"\","
                   "\"welsh_marker_letter\":\"Q\",\"station_maximum_electors\":\"2000\","
                   "\"station_two_clerks_electors\":\"\"}");

  g_assert_true (ed_district_settings_set (settings, "staff-retention-years", "7", &error));
  g_assert_no_error (error);
  g_assert_true (ed_district_settings_reload (settings, &error));
  g_assert_cmpuint (ed_district_settings_get_staff_retention_years (settings), ==, 7);
  g_assert_cmpstr (ed_district_settings_get_welsh_marker_letter (settings), ==, "Q");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/staff/person/add-load-update", test_add_load_update);
  ED_TEST_ADD ("/staff/person/ni-number-refused", test_ni_number_refused);
  g_test_add_func ("/staff/person/check", test_check);
  ED_TEST_ADD ("/staff/person/list", test_list);
  ED_TEST_ADD ("/staff/person/set-roles", test_set_roles);
  ED_TEST_ADD ("/staff/training/current", test_training_current);
  ED_TEST_ADD ("/staff/availability/per-election", test_availability);
  ED_TEST_ADD ("/staff/retention/setting", test_retention_setting);
  ED_TEST_ADD ("/staff/retention/list-for-removal", test_retention_list);
  ED_TEST_ADD ("/staff/retention/upgrade-keeps-district-insert", test_retention_upgrade);

  return g_test_run ();
}
