/* test-cli-staff.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* staff import and staff list as a person or a script uses them: the real binary, its exit
 * status and what it prints (issue 16, item 6). An import is all or nothing, every refusal
 * names the file, the line and the column (DESIGN.md §7), importing a file again adds no one,
 * and a list never prints a whole National Insurance number unless asked for one by name.
 * Every name, address and number is made up. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "changes/ed-state-hash.h"
#include "ed-modules.h"
#include "ed-test-cli.h"
#include "ed-test-dir.h"
#include "ed-test-register.h"
#include "staff/ed-staff-person.h"

/* Header of mixed spellings; line 3's address spans lines 3 and 4. */
static const char good_csv[] =
  "Family Name,Given Names,Email,Phone,Address,Postcode,Date of Birth,NI Number,"
  "Payroll Reference,Council Employee,Starter Statement,Starter Date,Roles,Language\n"
  "Pryderi,Siân,sian.pryderi@example.org,01632 960001,4 Heol y Felin;Aberwen,zy1 2ab,"
  "13/05/1980,ab 12 34 56 c,EL-0001,yes,b,2029-04-02,Presiding officer;poll_clerk,cy\n"
  "Abbott,Mair,,01632 960002,\"Flat 2\n9 Mill Lane\",ZY3 4DE,1975-11-02,CE 00 00 01 D,,no,,,"
  "poll clerk,\n"
  "Morgan,Elin,elin@example.org,,,,,,EL-0003,,,,count_assistant;COUNT SUPERVISOR,en\n"
  "Howells,Bethan,,,,ZY9 9ZZ,2 March 1990,,,,,,,\n";

static char *
write_file (EdTestDir  *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = ed_test_dir_file (fixture, name);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

/* A district with no people, closed so that the command line can open it. */
static char *
make_district (EdTestDir *fixture)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");

  return g_strdup (ed_database_get_path (ed_context_get_database (context)));
}

/* The district's state and how many operations it has logged. */
static char *
state (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (db, &error);
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n_ops;

  g_assert_no_error (error);
  hash = ed_state_hash (ED_REPLICA (context), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (ed_database_get_handle (ed_context_get_database (context)),
                                       "SELECT count(*) FROM op_log", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n_ops = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return g_strdup_printf ("%s %" G_GINT64_FORMAT, hash, n_ops);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
import_good (EdTestDir *fixture)
{
  g_autofree char *db = make_district (fixture);
  g_autofree char *csv = write_file (fixture, "people.csv", good_csv, -1);
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run_on (&result, db, "staff", "import", csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpstr (result.out, ==, "Imported people.csv: 4 added, 0 updated, 0 unchanged.\n");
  return g_steal_pointer (&db);
}

static JsonObject *
person_named (JsonArray  *people,
              const char *family_name)
{
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *person = json_array_get_object_element (people, i);

      if (g_str_equal (json_object_get_string_member (person, "family_name"), family_name))
        return person;
    }
  g_assert_not_reached ();
}

/* Issue 16 item 6: a good file imports whole, each field tidied as the forms tidy it; the
 * same file again adds no one and records nothing; a file of fewer columns updates the people
 * it names, by name and date of birth, and keeps what it does not give. */
static void
test_import_good (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autofree char *db = import_good (fixture);
  g_autofree char *csv = ed_test_dir_file (fixture, "people.csv");
  g_autofree char *before = state (db);
  g_autofree char *after = NULL;
  g_autofree char *update = NULL;
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *people;
  JsonObject *sian, *mair, *elin, *bethan;
  JsonArray *roles;

  ed_test_cli_run_on (&result, db, "staff", "list", "--json", "--with-ni-numbers", NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = parse (result.out);
  people = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (people), ==, 4);
  /* By family name. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (people, 0),
                                                  "family_name"), ==, "Abbott");

  sian = person_named (people, "Pryderi");
  g_assert_cmpstr (json_object_get_string_member (sian, "given_names"), ==, "Siân");
  g_assert_cmpstr (json_object_get_string_member (sian, "address"), ==,
                   "4 Heol y Felin\nAberwen");
  g_assert_cmpstr (json_object_get_string_member (sian, "postcode"), ==, "ZY1 2AB");
  g_assert_cmpstr (json_object_get_string_member (sian, "date_of_birth"), ==, "1980-05-13");
  g_assert_cmpstr (json_object_get_string_member (sian, "ni_number"), ==, "AB123456C");
  g_assert_true (json_object_get_boolean_member (sian, "council_employee"));
  g_assert_cmpstr (json_object_get_string_member (sian, "starter_statement"), ==, "B");
  g_assert_cmpstr (json_object_get_string_member (sian, "starter_date"), ==, "2029-04-02");
  g_assert_cmpstr (json_object_get_string_member (sian, "language"), ==, "cy");
  roles = json_object_get_array_member (sian, "roles");
  g_assert_cmpuint (json_array_get_length (roles), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (roles, 0), ==, "presiding_officer");
  g_assert_cmpstr (json_array_get_string_element (roles, 1), ==, "poll_clerk");

  mair = person_named (people, "Abbott");
  g_assert_cmpstr (json_object_get_string_member (mair, "address"), ==, "Flat 2\n9 Mill Lane");
  g_assert_cmpstr (json_object_get_string_member (mair, "ni_number"), ==, "CE000001D");
  elin = person_named (people, "Morgan");
  roles = json_object_get_array_member (elin, "roles");
  g_assert_cmpstr (json_array_get_string_element (roles, 0), ==, "count_supervisor");
  g_assert_cmpstr (json_array_get_string_element (roles, 1), ==, "count_assistant");
  g_assert_cmpstr (json_object_get_string_member (elin, "language"), ==, "");
  bethan = person_named (people, "Howells");
  g_assert_cmpstr (json_object_get_string_member (bethan, "date_of_birth"), ==, "1990-03-02");

  /* Again: everyone found, nothing recorded. */
  ed_test_cli_run_on (&result, db, "staff", "import", csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "Imported people.csv: 0 added, 0 updated, 4 unchanged.\n");
  after = state (db);
  g_assert_cmpstr (after, ==, before);

  /* Fewer columns: matched by name and date of birth, in any case; the rest kept. */
  update = write_file (fixture, "update.csv",
                       "family_name,given_names,date_of_birth,email,\n"
                       "PRYDERI,siân,1980-05-13,s.pryderi@example.org,\n"
                       "Howells,Bethan,02/03/1990,,\n"
                       "Lloyd,Gwenllian,,gwen@example.org,\n"
                       ",,,,\n", -1);
  ed_test_cli_run_on (&result, db, "staff", "import", update, "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = parse (result.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "added"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "updated"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "unchanged"), ==, 1);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "written"));

  ed_test_cli_run_on (&result, db, "staff", "list", "--json", "--search", "pryderi", NULL);
  g_clear_pointer (&root, json_node_unref);
  root = parse (result.out);
  people = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (people), ==, 1);
  sian = json_array_get_object_element (people, 0);
  /* The row's family name as the file gives it, its email; the rest as it was. */
  g_assert_cmpstr (json_object_get_string_member (sian, "family_name"), ==, "PRYDERI");
  g_assert_cmpstr (json_object_get_string_member (sian, "email"), ==, "s.pryderi@example.org");
  g_assert_cmpstr (json_object_get_string_member (sian, "payroll_reference"), ==, "EL-0001");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sian, "roles")), ==, 2);
}

/* A UTF-16 file, as a spreadsheet's "Unicode text", reads as the same people. */
static void
test_import_utf16 (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_autofree gunichar2 *utf16 = NULL;
  g_autoptr(GString) bytes = g_string_new ("\xff\xfe");
  g_autofree char *csv = NULL;
  g_auto(EdTestCliResult) result = { 0 };
  glong n_units;

  utf16 = g_utf8_to_utf16 (good_csv, -1, NULL, &n_units, NULL);
  g_assert_nonnull (utf16);
  for (glong i = 0; i < n_units; i++)
    {
      g_string_append_c (bytes, (char)(utf16[i] & 0xff));
      g_string_append_c (bytes, (char)(utf16[i] >> 8));
    }
  csv = write_file (fixture, "unicode.csv", bytes->str, (gssize)bytes->len);
  ed_test_cli_run_on (&result, db, "staff", "import", csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "Imported unicode.csv: 4 added, 0 updated, 0 unchanged.\n");
  ed_test_cli_run_on (&result, db, "staff", "list", NULL);
  g_assert_nonnull (strstr (result.out, "Pryderi, Siân\n"));
}

typedef struct
{
  const char *name;
  const char *contents;
  gssize      length;
  const char *message;  /* what stderr must hold */
} Hostile;

/* A UTF-16 file cut off inside a character pair, as a damaged copy would be. */
static const char damaged_utf16[] =
  "\xff\xfe" "f\0a\0m\0i\0l\0y\0_\0n\0a\0m\0e\0\n\0" "E\0v\0a\0n\0s\0" "\x3d\xd8" "\n\0";

static const Hostile hostile[] = {
  { "bad-ni.csv",
    "family_name,given_names,ni_number\n"
    "Gwyn,Alis,AB 65 43 21 A\n"
    "Rees,Tudur,QQ 12 34 56 C\n"
    "Prys,Cadi,\n", -1,
    "bad-ni.csv, line 3, ni_number: “QQ 12 34 56 C” is not a National Insurance number: the "
    "first letter cannot be D, F, I, Q, U or V\n" },
  { "bad-date.csv",
    "family_name,date_of_birth\n"
    "Anwyl,1980-01-01\n"
    "Bowen,1981-01-01\n"
    "Craddock,1982-01-01\n"
    "Dyfed,31/02/1983\n", -1,
    "bad-date.csv, line 5, date_of_birth: “31/02/1983” is not a real date" },
  { "unknown-role.csv",
    "family_name,roles\n"
    "Glyn,Presiding officer;tea maker\n", -1,
    "unknown-role.csv, line 2, roles: “tea maker” is not a role; expected one of "
    "presiding_officer, poll_clerk," },
  { "unterminated.csv",
    "family_name,given_names\n"
    "Hopkin,Iolo\n"
    "Evans,\"Gareth\n"
    "Jenkins,Ffion\n", -1,
    "electoral-desk-cli: unterminated.csv, line 3: a quoted field is not closed before the "
    "end of the file\n" },
  { "damaged-utf16.csv", damaged_utf16, sizeof damaged_utf16 - 1,
    "electoral-desk-cli: damaged-utf16.csv, line 2: not valid UTF-16LE text" },
  { "empty.csv", "", 0,
    "electoral-desk-cli: empty.csv is empty: expected a first line naming the columns\n" },
  { "no-family-name.csv",
    "surname,given_names\n"
    "Jones,Ann\n", -1,
    "electoral-desk-cli: no-family-name.csv, line 1, family_name: expected a column of this "
    "name" },
  { "misspelt.csv",
    "family_name,postcde\n"
    "Jones,ZY1 1AA\n", -1,
    "electoral-desk-cli: misspelt.csv, line 1, postcde: not a column a staff file has" },
  { "twice.csv",
    "family_name,ni_number\n"
    "Lewis,CE 00 00 09 A\n"
    "Lewys,ce000009a\n", -1,
    "twice.csv, line 3, ni_number: the same National Insurance number as line 2\n" },
  { "someone-else.csv",
    "family_name,given_names,ni_number,payroll_reference\n"
    "Owen,Rhys,AB 12 34 56 C,EL-9999\n", -1,
    "someone-else.csv, line 2, ni_number: this National Insurance number is held by Pryderi, "
    "Siân, whose payroll reference is not this row’s\n" },
  { "unnamed-column.csv",
    "family_name,given_names,\n"
    "Parry,Nest,bank details\n", -1,
    "unnamed-column.csv, line 2, row: expected nothing in a column without a name in the "
    "header; name the column or empty it\n" },
  { "short-row.csv",
    "family_name,given_names,email\n"
    "Parry,Nest\n", -1,
    "short-row.csv, line 2, row: expected 3 fields, as the header has; this line has 2\n" },
};

/* Issue 16 item 6 and DESIGN.md §7: a hostile file is refused with its file, line and column
 * and what was expected, and the district is exactly as it was. */
static void
test_import_hostile (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = import_good (fixture);
  g_autofree char *before = state (db);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *csv = write_file (fixture, hostile[i].name, hostile[i].contents,
                                         hostile[i].length);
      g_autofree char *after = NULL;
      g_auto(EdTestCliResult) result = { 0 };

      ed_test_cli_run_on (&result, db, "staff", "import", csv, NULL);
      if (strstr (result.err, hostile[i].message) == NULL)
        g_error ("%s: expected “%s” in “%s”", hostile[i].name, hostile[i].message, result.err);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.out, ==, "");
      after = state (db);
      g_assert_cmpstr (after, ==, before);
    }
}

/* --json gives the counts and every error with its file, line and column; --report writes
 * what became of each row. */
static void
test_import_json_and_report (EdTestDir     *fixture,
                             gconstpointer  data)
{
  g_autofree char *db = import_good (fixture);
  g_autofree char *csv = write_file (fixture, hostile[0].name, hostile[0].contents, -1);
  g_autofree char *report = ed_test_dir_file (fixture, "report.csv");
  g_autofree char *text = NULL;
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object, *problem;
  JsonArray *errors;

  ed_test_cli_run_on (&result, db, "staff", "import", csv, "--json", "--report", report, NULL);
  g_assert_cmpint (result.status, ==, 1);
  root = parse (result.out);
  object = json_node_get_object (root);
  g_assert_false (json_object_get_boolean_member (object, "written"));
  g_assert_cmpint (json_object_get_int_member (object, "rows"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "refused"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "added"), ==, 0);
  errors = json_object_get_array_member (object, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 1);
  problem = json_array_get_object_element (errors, 0);
  g_assert_cmpstr (json_object_get_string_member (problem, "file"), ==, "bad-ni.csv");
  g_assert_cmpint (json_object_get_int_member (problem, "line"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (problem, "field"), ==, "ni_number");

  g_assert_true (g_file_get_contents (report, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "file,line,outcome,name,field,reason\r\n"));
  g_assert_nonnull (strstr (text, "bad-ni.csv,2,not_imported,\"Gwyn, Alis\",,\r\n"));
  g_assert_nonnull (strstr (text, "bad-ni.csv,3,refused,\"Rees, Tudur\",ni_number,"));
  g_assert_nonnull (strstr (text, "bad-ni.csv,4,not_imported,\"Prys, Cadi\",,\r\n"));
  /* The refused number is quoted as the file had it; no stored number is written. */
  g_assert_null (strstr (text, "AB123456C"));
  g_clear_pointer (&text, g_free);

  /* A file refused whole is JSON too. */
  g_clear_pointer (&csv, g_free);
  csv = write_file (fixture, "empty.csv", "", 0);
  ed_test_cli_run_on (&result, db, "staff", "import", csv, "--json", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_clear_pointer (&root, json_node_unref);
  root = parse (result.out);
  errors = json_object_get_array_member (json_node_get_object (root), "errors");
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (errors,
                                                                                          0),
                                                           "message"),
                            "empty.csv is empty"));

  /* A good import's report says who was added. */
  g_clear_pointer (&csv, g_free);
  csv = write_file (fixture, "more.csv", "family_name,given_names\nMeredith,Carys\n", -1);
  ed_test_cli_run_on (&result, db, "staff", "import", csv, "--report", report, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (report, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "more.csv,2,added,\"Meredith, Carys\",,\r\n"));
}

/* Issue 16 item 1: a National Insurance number is never printed where it is not needed. The
 * list shows it masked; its JSON carries it whole only under --with-ni-numbers. */
static void
test_list_masks (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autofree char *db = import_good (fixture);
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *sian;

  ed_test_cli_run_on (&result, db, "staff", "list", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Pryderi, Siân\n"));
  g_assert_nonnull (strstr (result.out, "NI •• •• •• 56 C"));
  g_assert_nonnull (strstr (result.out, "  Presiding officer, Poll clerk\n"));
  g_assert_null (strstr (result.out, "AB123456C"));
  g_assert_null (strstr (result.out, "AB 12 34 56 C"));
  g_assert_null (strstr (result.out, "CE000001D"));
  g_assert_null (strstr (result.out, "12 34"));

  ed_test_cli_run_on (&result, db, "staff", "list", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_null (strstr (result.out, "AB123456C"));
  root = parse (result.out);
  sian = person_named (json_node_get_array (root), "Pryderi");
  g_assert_false (json_object_has_member (sian, "ni_number"));
  g_assert_cmpstr (json_object_get_string_member (sian, "ni_number_masked"), ==,
                   "•• •• •• 56 C");

  ed_test_cli_run_on (&result, db, "staff", "list", "--with-ni-numbers", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");

  ed_test_cli_run_on (&result, db, "staff", "list", "--role", "Poll Clerk", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpuint (ed_test_cli_count_lines (result.out), ==, 6);
  ed_test_cli_run_on (&result, db, "staff", "list", "--role", "tea maker", NULL);
  g_assert_cmpint (result.status, ==, 2);
  ed_test_cli_run_on (&result, db, "staff", "list", "--search", "SIÂN", NULL);
  g_assert_cmpstr (result.out, ==, "Pryderi, Siân\n"
                                   "  ZY1 2AB · sian.pryderi@example.org · 01632 960001 · "
                                   "NI •• •• •• 56 C · payroll EL-0001\n"
                                   "  Presiding officer, Poll clerk\n");
  ed_test_cli_run_on (&result, db, "staff", "list", "--search", "nobody", NULL);
  g_assert_cmpstr (result.out, ==, "No one matches.\n");
}

/* Mair Abbott worked at a poll of 2 May 2024, her appointment without a work date of its
 * own. */
static void
appoint_abbott (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (db, &error);
  g_autoptr(GPtrArray) listed = NULL;
  const char *election_columns[] = { "kind", "country", "poll_date", "title", "slug" };
  GVariant *election_values[] = {
    g_variant_new_string ("pcc"), g_variant_new_string ("england"),
    g_variant_new_string ("2024-05-02"), g_variant_new_string ("Police and Crime Commissioner"),
    g_variant_new_string ("pcc.testbury.2024-05-02"),
  };
  const char *columns[] = { "election", "person", "role", "state" };
  GVariant *values[4];
  g_autofree char *election = NULL;
  g_autofree char *appointment = NULL;

  g_assert_no_error (error);
  election = ed_test_register_insert (context, "election", election_columns, election_values,
                                      G_N_ELEMENTS (election_values));
  listed = ed_staff_person_list (context, ED_STAFF_ROLE_ANY, "abbott", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  values[0] = g_variant_new_string (election);
  values[1] = g_variant_new_string (((EdStaffPerson *)g_ptr_array_index (listed, 0))->id);
  values[2] = g_variant_new_string ("poll_clerk");
  values[3] = g_variant_new_string ("attended");
  appointment = ed_test_register_insert (context, "staff_appointment", columns, values,
                                         G_N_ELEMENTS (values));
}

/* Issue 16 item 1: the people last appointed longer ago than the district keeps staff (4
 * years until it sets its own), with the day of their last appointment. */
static void
test_list_for_removal (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autofree char *db = import_good (fixture);
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *people;

  appoint_abbott (db);
  ed_test_cli_run_on (&result, db, "staff", "list", "--for-removal", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==,
                   "People last appointed before Friday 2 January 2026 (the district keeps staff 4 "
                   "years after their last appointment):\n"
                   "Abbott, Mair\n"
                   "  ZY3 4DE · 01632 960002 · NI •• •• •• 01 D\n"
                   "  Poll clerk\n"
                   "  Last appointed Thursday 2 May 2024\n");
  ed_test_cli_run_on (&result, db, "staff", "list", "--for-removal", "--json", NULL);
  root = parse (result.out);
  people = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (people), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (people, 0),
                                                  "last_appointed"), ==, "2024-05-02");

  ed_test_cli_run_on (&result, db, "settings", "set", "staff-retention-years", "6", NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_run_on (&result, db, "staff", "list", "--for-removal", NULL);
  g_assert_nonnull (strstr (result.out, "No one.\n"));
}

/* The command's help names its actions, and the import's names every column. */
static void
test_help (void)
{
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run (&result, "staff", "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "  import FILE.csv"));
  g_assert_nonnull (strstr (result.out, "  list "));
  ed_test_cli_run (&result, "staff", "import", "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "family_name, given_names, email, phone, address, "
                                        "postcode, date_of_birth, ni_number, payroll_reference, "
                                        "council_employee, starter_statement, starter_date, "
                                        "roles, language, notes"));
  ed_test_cli_run (&result, "--help", NULL);
  g_assert_nonnull (strstr (result.out, "Casual election staff: people, fee scales, "
                                        "appointments and the payroll"));
  ed_test_cli_run (&result, "staff", "sack", NULL);
  g_assert_cmpint (result.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/cli/staff/import/good-and-again", test_import_good);
  ED_TEST_ADD ("/cli/staff/import/utf-16", test_import_utf16);
  ED_TEST_ADD ("/cli/staff/import/hostile-files-change-nothing", test_import_hostile);
  ED_TEST_ADD ("/cli/staff/import/json-and-report", test_import_json_and_report);
  ED_TEST_ADD ("/cli/staff/list/masks-ni-numbers", test_list_masks);
  ED_TEST_ADD ("/cli/staff/list/for-removal", test_list_for_removal);
  g_test_add_func ("/cli/staff/help", test_help);

  return g_test_run ();
}
