/* ed-staff-import.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* People from a CSV file with a header row (issue 16): a council's own spreadsheet of casual
 * staff, or one from its last election. The header names the columns in any case and spacing
 * ("Family Name", "family_name" and "FamilyName" are one column), in any order:
 *
 *   family_name        required
 *   given_names
 *   email
 *   phone
 *   address            lines separated by ";" or by line breaks within the field
 *   postcode           normalised ("zy12ab" is stored "ZY1 2AB")
 *   date_of_birth      13/5/1980, 13 May 1980 or 1980-05-13 (ed_date_parse ())
 *   ni_number          stored normalised ("AB123456C"); one HMRC could never issue is refused
 *   payroll_reference
 *   council_employee   yes or no (also y/n, true/false, 1/0; empty is no)
 *   starter_statement  A, B or C, from HMRC's starter checklist; empty for none
 *   starter_date       the checklist's date, as date_of_birth
 *   roles              separated by ";": presiding_officer or "Presiding officer", any case
 *   language           cy (or Welsh, Cymraeg) for letters in Welsh first; empty or en for English
 *   notes
 *
 * A column no staff file has is refused rather than dropped, so that a misspelt header
 * ("postcde") cannot quietly lose a column, and bank details have nowhere to go. Dates are read
 * as people type them, since a spreadsheet of staff is typed by people rather than exported by
 * this program.
 *
 * Every row is checked before anything is written, as the forms check a person
 * (ed_staff_person_check ()): one refused row refuses the whole file, and the report lists
 * every refused row with its line, column and what was expected (DESIGN.md §7). Only then
 * are the people written, in one change set, so a failure or a cancel leaves the district as
 * it was.
 *
 * Importing the same file again adds no one. A row is the person already in the district
 * with its payroll reference, when it gives one; else with its National Insurance number;
 * else with its family name, given names and date of birth (in any case). The row updates
 * that person: the columns the file has replace what is stored, the others are kept. A row
 * that could be two people, or whose number is held by someone else, is refused rather than
 * guessed at. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-csv.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-ni-number.h"
#include "core/ed-output-file.h"
#include "core/ed-today.h"
#include "core/ed-value-error.h"
#include "register/ed-elector-edit.h"
#include "staff/ed-staff-import.h"
#include "staff/ed-staff-person.h"
#include "staff/ed-staff-person-private.h"

#define PROGRESS_EVERY 100

G_DEFINE_QUARK (ed-staff-import-error-quark, ed_staff_import_error)

enum
{
  C_FAMILY_NAME, C_GIVEN_NAMES, C_EMAIL, C_PHONE, C_ADDRESS, C_POSTCODE, C_DATE_OF_BIRTH,
  C_NI_NUMBER, C_PAYROLL_REFERENCE, C_COUNCIL_EMPLOYEE, C_STARTER_STATEMENT, C_STARTER_DATE,
  C_ROLES, C_LANGUAGE, C_NOTES, N_COLUMNS
};

/* The columns' names, which are also the fields ed_staff_person_check () names. */
static const char * const column_names[N_COLUMNS + 1] = {
  "family_name", "given_names", "email", "phone", "address", "postcode", "date_of_birth",
  "ni_number", "payroll_reference", "council_employee", "starter_statement", "starter_date",
  "roles", "language", "notes", NULL,
};

static const char * const outcome_names[] = {
  [ED_STAFF_IMPORT_ADDED] = "added",
  [ED_STAFF_IMPORT_UPDATED] = "updated",
  [ED_STAFF_IMPORT_UNCHANGED] = "unchanged",
  [ED_STAFF_IMPORT_REFUSED] = "refused",
  [ED_STAFF_IMPORT_NOT_IMPORTED] = "not_imported",
};

/**
 * ed_staff_import_get_columns:
 *
 * Returns: (transfer none) (array zero-terminated=1): the columns a staff file may have
 */
const char * const *
ed_staff_import_get_columns (void)
{
  return column_names;
}

/**
 * ed_staff_import_outcome_to_string:
 * @outcome: what became of a row
 *
 * Returns: (transfer none): its name in reports: added, updated, unchanged, refused or
 *   not_imported
 */
const char *
ed_staff_import_outcome_to_string (EdStaffImportOutcome outcome)
{
  g_return_val_if_fail ((guint)outcome < G_N_ELEMENTS (outcome_names), NULL);

  return outcome_names[outcome];
}

static void
problem_free (EdStaffImportProblem *problem)
{
  g_free (problem->field);
  g_free (problem->reason);
  g_free (problem);
}

static void
row_free (EdStaffImportRow *row)
{
  g_free (row->name);
  g_free (row->person_id);
  g_free (row);
}

void
ed_staff_import_report_free (EdStaffImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->file);
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

/* --- the district's people, and the file's ------------------------------------------------- */

/* A person the rows are matched against: in the district, or new in the file. */
typedef struct
{
  char *id;
  char *name;
  char *payroll;  /* folded */
  char *ni;       /* normalised */
} Known;

static void
known_free (Known *known)
{
  g_free (known->id);
  g_free (known->name);
  g_free (known->payroll);
  g_free (known->ni);
  g_free (known);
}

/* A checked row waiting to be written. */
typedef struct
{
  EdStaffPerson    *person;
  EdStaffImportRow *row;
} Pending;

static void
pending_free (Pending *pending)
{
  ed_staff_person_free (pending->person);
  g_free (pending);
}

typedef struct
{
  EdContext           *context;
  EdCsvReader         *reader;
  EdStaffImportReport *report;
  GDate                today;
  int                  columns[N_COLUMNS];  /* the file's column for each, or -1 */
  gboolean            *unnamed;             /* for each of the file's columns */
  GPtrArray           *known;               /* Known*, owning them */
  GHashTable          *by_payroll;          /* folded reference → GPtrArray of Known* */
  GHashTable          *by_ni;               /* number → GPtrArray of Known* */
  GHashTable          *by_name;             /* name key → GPtrArray of Known* */
  GHashTable          *file_payroll;        /* folded reference → line, in the file */
  GHashTable          *file_ni;             /* number → line */
  GHashTable          *file_name;           /* name key → line, of rows without either */
  GHashTable          *file_person;         /* a person's row id → the line that updates them */
  GPtrArray           *pending;             /* Pending*, in the file's order */
} Import;

static char *
name_key (const char  *family_name,
          const char  *given_names,
          const GDate *date_of_birth)
{
  g_autofree char *family = _ed_staff_fold (family_name);
  g_autofree char *given = _ed_staff_fold (given_names);
  g_autofree char *born = g_date_valid (date_of_birth) ? ed_date_format_iso (date_of_birth)
                                                       : g_strdup ("");

  return g_strjoin ("\t", family, given, born, NULL);
}

static void
index_add (GHashTable *index,
           const char *key,
           Known      *known)
{
  GPtrArray *list;

  if (*key == '\0')
    return;
  list = g_hash_table_lookup (index, key);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index, g_strdup (key), list);
    }
  g_ptr_array_add (list, known);
}

static GPtrArray *
index_lookup (GHashTable *index,
              const char *key)
{
  return *key != '\0' ? g_hash_table_lookup (index, key) : NULL;
}

static const char known_sql[] =
  "SELECT id, family_name, given_names, date_of_birth, ni_number, payroll_reference "
  "FROM staff_person ORDER BY id";

static gboolean
known_row (sqlite3_stmt *stmt,
           gpointer      data)
{
  Import *import = data;
  Known *known = g_new0 (Known, 1);
  g_autofree char *family = _ed_staff_column_text (stmt, 1);
  g_autofree char *given = _ed_staff_column_text (stmt, 2);
  g_autofree char *payroll = _ed_staff_column_text (stmt, 5);
  g_autofree char *key = NULL;
  GDate born;

  known->id = _ed_staff_column_text (stmt, 0);
  known->name = *given != '\0' ? g_strdup_printf (_("%s, %s"), family, given)
                               : g_strdup (family);
  known->payroll = _ed_staff_fold (payroll);
  known->ni = _ed_staff_column_text (stmt, 4);
  _ed_staff_column_date (stmt, 3, &born);
  key = name_key (family, given, &born);
  g_ptr_array_add (import->known, known);
  index_add (import->by_payroll, known->payroll, known);
  index_add (import->by_ni, known->ni, known);
  index_add (import->by_name, key, known);
  return TRUE;
}

static gboolean
load_known (Import  *import,
            GError **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (import->context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, known_sql, error);

  return stmt != NULL && ed_database_step_rows (database, stmt, known_row, import, error);
}

/* --- reading a row -------------------------------------------------------------------------- */

static const char *
header_name (Import *import,
             int     c)
{
  return import->columns[c] >= 0
           ? ed_csv_reader_get_column_name (import->reader, (guint)import->columns[c])
           : column_names[c];
}

static void
add_problem (Import     *import,
             guint64     line,
             const char *field,
             const char *reason)
{
  EdStaffImportProblem *problem = g_new0 (EdStaffImportProblem, 1);

  problem->line = line;
  /* The header's name as the file has it, which is the file's to choose. */
  problem->field = ed_value_display_text (field);
  problem->reason = g_strdup (reason);
  g_ptr_array_add (import->report->problems, problem);
}

static void
add_column_problem (Import     *import,
                    guint64     line,
                    int         c,
                    const char *reason)
{
  add_problem (import, line, header_name (import, c), reason);
}

static gboolean
parse_flag (const char *text,
            gboolean   *out)
{
  static const char * const yes[] = { "yes", "y", "true", "1" };
  static const char * const no[] = { "", "no", "n", "false", "0" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      return *out = TRUE, TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      return *out = FALSE, TRUE;
  return FALSE;
}

static void
read_date (Import     *import,
           guint64     line,
           int         c,
           const char *text,
           GDate      *out)
{
  g_autoptr(GError) error = NULL;

  g_date_clear (out, 1);
  if (*text != '\0' && !ed_date_parse (text, out, &error))
    add_column_problem (import, line, c, error->message);
}

static void
read_roles (Import        *import,
            guint64        line,
            const char    *text,
            EdStaffPerson *person)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      g_autoptr(GError) error = NULL;
      EdStaffRole role;

      if (*part == '\0')
        continue;
      if (ed_staff_role_parse (part, &role, &error))
        g_array_append_val (person->roles, role);
      else
        add_column_problem (import, line, C_ROLES, error->message);
    }
}

static char *
read_language (const char *text)
{
  static const char * const welsh[] = { "cy", "welsh", "cymraeg" };
  static const char * const english[] = { "", "en", "english", "saesneg" };

  for (guint i = 0; i < G_N_ELEMENTS (welsh); i++)
    if (g_ascii_strcasecmp (text, welsh[i]) == 0)
      return g_strdup ("cy");
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    if (g_ascii_strcasecmp (text, english[i]) == 0)
      return g_strdup ("");
  /* Anything else is left for ed_staff_person_check () to refuse. */
  return g_strdup (text);
}

/* A person from the fields of a row, as the file gives them: the columns it does not have are
 * empty. Records a problem for each field that cannot be read. */
static EdStaffPerson *
person_from_fields (Import      *import,
                    guint64      line,
                    const char **fields)
{
  EdStaffPerson *person = ed_staff_person_new ();
  char *address;

#define TAKE(member, c) (g_free (person->member), person->member = g_strdup (fields[c]))
  TAKE (family_name, C_FAMILY_NAME);
  TAKE (given_names, C_GIVEN_NAMES);
  TAKE (email, C_EMAIL);
  TAKE (phone, C_PHONE);
  TAKE (postcode, C_POSTCODE);
  TAKE (ni_number, C_NI_NUMBER);
  TAKE (payroll_reference, C_PAYROLL_REFERENCE);
  TAKE (notes, C_NOTES);
#undef TAKE

  address = g_strdup (fields[C_ADDRESS]);
  g_strdelimit (address, ";", '\n');
  g_free (person->address);
  person->address = address;

  read_date (import, line, C_DATE_OF_BIRTH, fields[C_DATE_OF_BIRTH], &person->date_of_birth);
  read_date (import, line, C_STARTER_DATE, fields[C_STARTER_DATE], &person->starter_date);

  if (!parse_flag (fields[C_COUNCIL_EMPLOYEE], &person->council_employee))
    add_column_problem (import, line, C_COUNCIL_EMPLOYEE, _("expected yes or no"));

  if (*fields[C_STARTER_STATEMENT] != '\0')
    {
      g_autofree char *statement = g_ascii_strup (fields[C_STARTER_STATEMENT], -1);

      if (!ed_starter_statement_from_string (statement, &person->starter_statement, NULL))
        add_column_problem (import, line, C_STARTER_STATEMENT,
                            _("expected A, B or C: the statement chosen on HMRC’s starter "
                              "checklist"));
    }

  read_roles (import, line, fields[C_ROLES], person);
  g_free (person->language);
  person->language = read_language (fields[C_LANGUAGE]);
  return person;
}

/* The file's fields of the current record: each valid UTF-8, trimmed and without the quote
 * an export puts before a value a spreadsheet would run as a formula. Records a problem for
 * each field that is not text; %FALSE when the row is blank. */
static gboolean
read_fields (Import      *import,
             guint64      line,
             const char **fields,
             GPtrArray   *copies)
{
  EdCsvReader *reader = import->reader;
  guint n_fields = ed_csv_reader_get_n_fields (reader);
  gboolean blank = TRUE;

  for (guint i = 0; i < n_fields; i++)
    {
      const char *text = ed_csv_reader_get_field (reader, i);

      for (const char *p = text; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          blank = FALSE;
    }
  /* A spreadsheet saves rows it once formatted as lines of commas. */
  if (blank)
    return FALSE;

  if (n_fields != ed_csv_reader_get_n_columns (reader))
    {
      g_autofree char *reason =
        g_strdup_printf (_("expected %u fields, as the header has; this line has %u"),
                         ed_csv_reader_get_n_columns (reader), n_fields);

      add_problem (import, line, "", reason);
    }

  for (guint i = 0; i < n_fields && i < ed_csv_reader_get_n_columns (reader); i++)
    if (import->unnamed[i] && *ed_csv_reader_get_field (reader, i) != '\0')
      add_problem (import, line, "",
                   _("expected nothing in a column without a name in the header; name the "
                     "column or empty it"));

  for (int c = 0; c < N_COLUMNS; c++)
    {
      const char *text;
      char *copy;

      fields[c] = "";
      if (import->columns[c] < 0 ||
          (text = ed_csv_reader_get_field (reader, (guint)import->columns[c])) == NULL)
        continue;
      if (!ed_csv_reader_get_field_is_valid (reader, (guint)import->columns[c]))
        {
          add_column_problem (import, line, c,
                              _("expected UTF-8 text, as the rest of the file is; this field "
                                "is in another encoding (perhaps pasted from another file). "
                                "Save the file again as UTF-8"));
          continue;
        }
      copy = g_strstrip (g_strdup (ed_csv_unneutralise (text)));
      g_ptr_array_add (copies, copy);
      fields[c] = copy;
    }
  return TRUE;
}

/* The column a field ed_staff_person_check () names is in. */
static int
column_of_field (const char *field)
{
  for (int c = 0; c < N_COLUMNS; c++)
    if (g_str_equal (column_names[c], field))
      return c;
  g_return_val_if_reached (C_FAMILY_NAME);
}

/* Checks a person as ed_staff_person_check () does, recording each problem against its
 * column. */
static gboolean
check_person (Import        *import,
              guint64        line,
              EdStaffPerson *person)
{
  g_autoptr(GPtrArray) problems = ed_staff_person_check (person, &import->today);

  for (guint i = 0; i < problems->len; i++)
    {
      EdFieldProblem *problem = g_ptr_array_index (problems, i);

      add_column_problem (import, line, column_of_field (problem->field), problem->message);
    }
  return problems->len == 0;
}

/* The one of @candidates that may be the row's person: none, one, or (with a problem
 * recorded) several. */
static Known *
only_one (Import      *import,
          guint64      line,
          int          c,
          GPtrArray   *candidates,
          const char  *reason,
          gboolean    *ambiguous)
{
  if (candidates == NULL || candidates->len == 0)
    return NULL;
  if (candidates->len == 1)
    return g_ptr_array_index (candidates, 0);
  add_column_problem (import, line, c, reason);
  *ambiguous = TRUE;
  return NULL;
}

/* Whether @number or @reference belongs to another person than @self. */
static Known *
held_by_other (GPtrArray *holders,
               Known     *self)
{
  for (guint i = 0; holders != NULL && i < holders->len; i++)
    if (g_ptr_array_index (holders, i) != self)
      return g_ptr_array_index (holders, i);
  return NULL;
}

/* Finds the person in the district the row is, by payroll reference, National Insurance
 * number, or name and date of birth, in that order. Records a problem and returns %FALSE
 * when the row could be two people or clashes with another; *@out is %NULL for a new
 * person. */
static gboolean
match_person (Import         *import,
              guint64         line,
              EdStaffPerson  *person,
              Known         **out)
{
  g_autofree char *payroll = _ed_staff_fold (person->payroll_reference);
  g_autofree char *key = name_key (person->family_name, person->given_names,
                                   &person->date_of_birth);
  gboolean ambiguous = FALSE;
  Known *match = NULL;
  Known *other;

  *out = NULL;
  match = only_one (import, line, C_PAYROLL_REFERENCE, index_lookup (import->by_payroll, payroll),
                    _("two or more people in the district have this payroll reference; put "
                      "that right before importing"), &ambiguous);
  if (match == NULL && !ambiguous)
    {
      match = only_one (import, line, C_NI_NUMBER, index_lookup (import->by_ni, person->ni_number),
                        _("two or more people in the district have this National Insurance "
                          "number; put that right before importing"), &ambiguous);
      if (match != NULL && *payroll != '\0' && *match->payroll != '\0' &&
          !g_str_equal (payroll, match->payroll))
        {
          g_autofree char *reason =
            g_strdup_printf (_("this National Insurance number is held by %s, whose payroll "
                               "reference is not this row’s"), match->name);

          add_column_problem (import, line, C_NI_NUMBER, reason);
          return FALSE;
        }
    }
  if (match == NULL && !ambiguous)
    {
      GPtrArray *same = index_lookup (import->by_name, key);
      g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

      /* Someone of the same name and birthday with another number is someone else. */
      for (guint i = 0; same != NULL && i < same->len; i++)
        {
          Known *known = g_ptr_array_index (same, i);

          if ((*known->ni == '\0' || *person->ni_number == '\0' ||
               g_str_equal (known->ni, person->ni_number)) &&
              (*known->payroll == '\0' || *payroll == '\0' ||
               g_str_equal (known->payroll, payroll)))
            g_ptr_array_add (candidates, known);
        }
      match = only_one (import, line, C_FAMILY_NAME, candidates,
                        _("two or more people in the district have this name and date of "
                          "birth; give a payroll reference or National Insurance number to "
                          "say which"), &ambiguous);
    }
  if (ambiguous)
    return FALSE;

  if ((other = held_by_other (index_lookup (import->by_ni, person->ni_number), match)) != NULL)
    {
      g_autofree char *reason =
        g_strdup_printf (_("this National Insurance number is held by %s, another person in "
                           "the district"), other->name);

      add_column_problem (import, line, C_NI_NUMBER, reason);
      return FALSE;
    }
  if ((other = held_by_other (index_lookup (import->by_payroll, payroll), match)) != NULL)
    {
      g_autofree char *reason =
        g_strdup_printf (_("this payroll reference is held by %s, another person in the "
                           "district"), other->name);

      add_column_problem (import, line, C_PAYROLL_REFERENCE, reason);
      return FALSE;
    }
  *out = match;
  return TRUE;
}

/* Refuses a row that is the same person as an earlier row of the file. */
static gboolean
check_file_duplicates (Import        *import,
                       guint64        line,
                       EdStaffPerson *person,
                       Known         *match)
{
  g_autofree char *payroll = _ed_staff_fold (person->payroll_reference);
  g_autofree char *key = name_key (person->family_name, person->given_names,
                                   &person->date_of_birth);
  struct
  {
    GHashTable  *seen;
    const char  *key;
    int          column;
    const char  *reason;  /* with the earlier line's number */
  } checks[] = {
    { import->file_payroll, payroll, C_PAYROLL_REFERENCE,
      N_("the same payroll reference as line %" PRIu64) },
    { import->file_ni, person->ni_number, C_NI_NUMBER,
      N_("the same National Insurance number as line %" PRIu64) },
    { import->file_person, match != NULL ? match->id : "", C_FAMILY_NAME,
      N_("the same person in the district as line %" PRIu64) },
    /* Without a reference or a number, the name and birthday are all that tell two rows
     * apart. */
    { import->file_name, *payroll == '\0' && *person->ni_number == '\0' ? key : "",
      C_FAMILY_NAME,
      N_("the same name and date of birth as line %" PRIu64 ", and neither row "
         "has a payroll reference or National Insurance number to tell them apart") },
  };
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      gpointer earlier;

      if (*checks[i].key == '\0')
        continue;
      if (g_hash_table_lookup_extended (checks[i].seen, checks[i].key, NULL, &earlier))
        {
          g_autofree char *reason = g_strdup_printf (_(checks[i].reason),
                                                     (uint64_t)GPOINTER_TO_SIZE (earlier));

          add_column_problem (import, line, checks[i].column, reason);
          ok = FALSE;
        }
    }
  if (!ok)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (*checks[i].key != '\0')
      g_hash_table_insert (checks[i].seen, g_strdup (checks[i].key), GSIZE_TO_POINTER (line));
  return TRUE;
}

/* The person in the district with the file's columns in place of theirs. */
static void
overlay (Import              *import,
         EdStaffPerson       *stored,
         const EdStaffPerson *from_file)
{
#define PUT(member) (g_free (stored->member), stored->member = g_strdup (from_file->member))
  for (int c = 0; c < N_COLUMNS; c++)
    {
      if (import->columns[c] < 0)
        continue;
      switch (c)
        {
        case C_FAMILY_NAME: PUT (family_name); break;
        case C_GIVEN_NAMES: PUT (given_names); break;
        case C_EMAIL: PUT (email); break;
        case C_PHONE: PUT (phone); break;
        case C_ADDRESS: PUT (address); break;
        case C_POSTCODE: PUT (postcode); break;
        case C_DATE_OF_BIRTH: stored->date_of_birth = from_file->date_of_birth; break;
        case C_NI_NUMBER: PUT (ni_number); break;
        case C_PAYROLL_REFERENCE: PUT (payroll_reference); break;
        case C_COUNCIL_EMPLOYEE: stored->council_employee = from_file->council_employee; break;
        case C_STARTER_STATEMENT: stored->starter_statement = from_file->starter_statement; break;
        case C_STARTER_DATE: stored->starter_date = from_file->starter_date; break;
        case C_ROLES:
          g_array_set_size (stored->roles, 0);
          g_array_append_vals (stored->roles, from_file->roles->data, from_file->roles->len);
          break;
        case C_LANGUAGE: PUT (language); break;
        case C_NOTES: PUT (notes); break;
        default: g_assert_not_reached ();
        }
    }
#undef PUT
}

/* Checks one row and, if it is good, queues its person to be written. %FALSE only when the
 * district cannot be read. */
static gboolean
read_row (Import  *import,
          GError **error)
{
  guint64 line = ed_csv_reader_get_line (import->reader);
  guint problems_before = import->report->problems->len;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  const char *fields[N_COLUMNS];
  g_autoptr(EdStaffPerson) person = NULL;
  g_autoptr(EdStaffPerson) stored = NULL;
  EdStaffImportRow *row;
  Pending *pending;
  Known *match = NULL;

  if (!read_fields (import, line, fields, copies))
    return TRUE;

  import->report->n_rows++;
  row = g_new0 (EdStaffImportRow, 1);
  row->line = line;
  row->outcome = ED_STAFF_IMPORT_REFUSED;
  g_ptr_array_add (import->report->rows, row);

  person = person_from_fields (import, line, fields);
  check_person (import, line, person);
  row->name = ed_staff_person_dup_name (person);
  if (import->report->problems->len > problems_before ||
      !match_person (import, line, person, &match) ||
      !check_file_duplicates (import, line, person, match))
    {
      import->report->n_refused++;
      return TRUE;
    }

  if (match != NULL)
    {
      /* Kept from the district where the file has no column. */
      stored = ed_staff_person_load (import->context, match->id, error);
      if (stored == NULL)
        return FALSE;
      overlay (import, stored, person);
      if (!check_person (import, line, stored))
        {
          import->report->n_refused++;
          return TRUE;
        }
      row->person_id = g_strdup (match->id);
    }

  row->outcome = ED_STAFF_IMPORT_NOT_IMPORTED;
  pending = g_new0 (Pending, 1);
  pending->person = stored != NULL ? g_steal_pointer (&stored) : g_steal_pointer (&person);
  pending->row = row;
  g_ptr_array_add (import->pending, pending);
  return TRUE;
}

/* --- the header ----------------------------------------------------------------------------- */

static char *
expected_columns (void)
{
  return g_strjoinv (", ", (char **)column_names);
}

static gboolean
read_header (Import  *import,
             GError **error)
{
  EdCsvReader *reader = import->reader;
  const char *file = ed_csv_reader_get_display_name (reader);
  guint n_columns = ed_csv_reader_get_n_columns (reader);
  g_autofree gboolean *known = g_new0 (gboolean, n_columns);

  import->unnamed = g_new0 (gboolean, n_columns);

  for (int c = 0; c < N_COLUMNS; c++)
    {
      import->columns[c] = ed_csv_reader_find_column (reader, column_names[c]);
      if (import->columns[c] >= 0)
        known[import->columns[c]] = TRUE;
    }

  if (import->columns[C_FAMILY_NAME] < 0)
    {
      g_autofree char *expected = expected_columns ();

      g_set_error (error, ED_STAFF_IMPORT_ERROR, ED_STAFF_IMPORT_ERROR_MISSING_COLUMN,
                   /* Translators: the file's name, then the column's; the list is of column
                    * names, which are not translated */
                   _("%s, line 1, %s: expected a column of this name, since every person needs "
                     "a family name; a staff file’s columns are %s"),
                   file, column_names[C_FAMILY_NAME], expected);
      return FALSE;
    }

  for (guint i = 0; i < n_columns; i++)
    {
      const char *header = ed_csv_reader_get_column_name (reader, i);
      g_autofree char *normalised = ed_csv_normalise_name (header);
      g_autofree char *expected = NULL;
      g_autofree char *name = NULL;

      /* A column with no name is a spreadsheet's leftover: each row must leave it empty. */
      import->unnamed[i] = *normalised == '\0';
      if (known[i] || import->unnamed[i])
        continue;
      expected = expected_columns ();
      name = ed_value_display_text (header);
      g_set_error (error, ED_STAFF_IMPORT_ERROR, ED_STAFF_IMPORT_ERROR_UNKNOWN_COLUMN,
                   /* Translators: the file's name, then the column's; the list is of column
                    * names, which are not translated */
                   _("%s, line 1, %s: not a column a staff file has; expected only the columns "
                     "%s"),
                   file, name, expected);
      return FALSE;
    }
  return TRUE;
}

/* --- writing -------------------------------------------------------------------------------- */

static gboolean
write_people (Import        *import,
              GCancellable  *cancellable,
              GError       **error)
{
  EdStaffImportReport *report = import->report;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (import->context), error);

  if (change_set == NULL)
    return FALSE;
  for (guint i = 0; i < import->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (import->pending, i);
      gboolean is_new = pending->person->id == NULL;
      guint n_ops = ed_change_set_get_n_ops (change_set);

      if (i % PROGRESS_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!_ed_staff_person_write (import->context, change_set, pending->person, error))
        return FALSE;
      if (is_new)
        {
          pending->row->outcome = ED_STAFF_IMPORT_ADDED;
          pending->row->person_id = g_strdup (pending->person->id);
          report->n_added++;
        }
      else if (ed_change_set_get_n_ops (change_set) > n_ops)
        {
          pending->row->outcome = ED_STAFF_IMPORT_UPDATED;
          report->n_updated++;
        }
      else
        {
          pending->row->outcome = ED_STAFF_IMPORT_UNCHANGED;
          report->n_unchanged++;
        }
    }
  if (!ed_change_set_commit (change_set, error))
    {
      report->n_added = report->n_updated = report->n_unchanged = 0;
      return FALSE;
    }
  report->written = ed_change_set_get_n_ops (change_set) > 0;
  return TRUE;
}

/**
 * ed_staff_import:
 * @context: the district
 * @path: the CSV file
 * @progress: (nullable): told how far the import has got
 * @progress_data: for @progress
 * @cancellable: (nullable): cancels the import, leaving the district as it was
 * @error: return location for an error: a file that cannot be read as CSV (%ED_CSV_ERROR), a
 *   header without family_name or with a column no staff file has (%ED_STAFF_IMPORT_ERROR),
 *   or the cancel
 *
 * Imports people from @path (the columns are listed at the top of ed-staff-import.c and by
 * ed_staff_import_get_columns()), all or nothing.
 *
 * Returns: (transfer full) (nullable): what became of each row, or %NULL with @error set.
 *   When any row was refused the report lists every problem and nothing was written.
 */
EdStaffImportReport *
ed_staff_import (EdContext       *context,
                 const char      *path,
                 EdProgressFunc   progress,
                 gpointer         progress_data,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr(EdCsvReader) reader = NULL;
  g_autoptr(EdStaffImportReport) report = NULL;
  g_autoptr(GError) read_error = NULL;
  Import import = { 0 };
  EdStaffImportReport *result = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  reader = ed_csv_reader_new_for_path (path, ED_CSV_READER_INVALID_TEXT_BY_FIELD, error);
  if (reader == NULL)
    return NULL;

  report = g_new0 (EdStaffImportReport, 1);
  report->file = g_strdup (ed_csv_reader_get_display_name (reader));
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);

  import.context = context;
  import.reader = reader;
  import.report = report;
  ed_today (&import.today);
  import.known = g_ptr_array_new_with_free_func ((GDestroyNotify)known_free);
  import.by_payroll = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)g_ptr_array_unref);
  import.by_ni = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_ptr_array_unref);
  import.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)g_ptr_array_unref);
  import.file_payroll = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.file_ni = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.file_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.file_person = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.pending = g_ptr_array_new_with_free_func ((GDestroyNotify)pending_free);

  if (!read_header (&import, error) || !load_known (&import, error))
    goto out;

  while (ed_csv_reader_next (reader, &read_error))
    {
      if (!read_row (&import, error))
        goto out;
      if (report->n_rows % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          if (progress != NULL)
            progress (0.9 * ed_csv_reader_get_bytes_read (reader) /
                      MAX (1, ed_csv_reader_get_total_bytes (reader)),
                      _("Checking rows"), progress_data);
        }
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      goto out;
    }

  if (report->problems->len == 0 && !write_people (&import, cancellable, error))
    goto out;
  if (progress != NULL)
    progress (1.0, _("Done"), progress_data);
  result = g_steal_pointer (&report);

out:
  g_free (import.unnamed);
  g_ptr_array_unref (import.pending);
  g_hash_table_unref (import.file_person);
  g_hash_table_unref (import.file_name);
  g_hash_table_unref (import.file_ni);
  g_hash_table_unref (import.file_payroll);
  g_hash_table_unref (import.by_name);
  g_hash_table_unref (import.by_ni);
  g_hash_table_unref (import.by_payroll);
  g_ptr_array_unref (import.known);
  return result;
}

/**
 * ed_staff_import_report_write_csv:
 * @report: a report
 * @file: where to write it
 * @error: return location for an error
 *
 * Writes what became of each row as CSV: file, line, outcome, name, and for a refused row
 * one line for each problem with its column and reason. No National Insurance number is
 * written.
 *
 * Returns: %TRUE if written
 */
gboolean
ed_staff_import_report_write_csv (EdStaffImportReport  *report,
                                  GFile                *file,
                                  GError              **error)
{
  static const char * const header[] = { "file", "line", "outcome", "name", "field", "reason" };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(EdOutputFile) out = NULL;
  guint p = 0;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  ed_csv_append_row (text, header, G_N_ELEMENTS (header), ',');
  for (guint i = 0; i < report->rows->len; i++)
    {
      EdStaffImportRow *row = g_ptr_array_index (report->rows, i);
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, row->line);
      const char *outcome = ed_staff_import_outcome_to_string (row->outcome);
      gboolean written = FALSE;

      while (p < report->problems->len &&
             ((EdStaffImportProblem *)g_ptr_array_index (report->problems, p))->line <= row->line)
        {
          EdStaffImportProblem *problem = g_ptr_array_index (report->problems, p++);
          const char *fields[] = {
            report->file, line, outcome, row->name, problem->field, problem->reason,
          };

          if (problem->line < row->line)
            continue;
          ed_csv_append_row (text, fields, G_N_ELEMENTS (fields), ',');
          written = TRUE;
        }
      if (!written)
        {
          const char *fields[] = { report->file, line, outcome, row->name, "", "" };

          ed_csv_append_row (text, fields, G_N_ELEMENTS (fields), ',');
        }
    }
  /* Names are personal data: written whole and 0600 like every other file
   * (core/ed-output-file.c). */
  out = ed_output_file_new_for_file (file, error);
  return out != NULL && ed_output_file_write (out, text->str, text->len, error) &&
         ed_output_file_commit (out, error);
}

/* --- the job -------------------------------------------------------------------------------- */

typedef struct
{
  char                *path;
  EdStaffImportReport *report;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->report, ed_staff_import_report_free);
  g_free (job);
}

static gboolean
import_work (EdJob         *job,
             GObject       *connection,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportJob *data = task_data;

  data->report = ed_staff_import (ED_CONTEXT (connection), data->path, ed_job_progress, job,
                                  cancellable, error);
  return data->report != NULL;
}

/**
 * ed_staff_import_async:
 * @context: the district
 * @path: the CSV file
 * @cancellable: (nullable): cancels the import, leaving the district as it was
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Imports @path as ed_staff_import() does, in a job with progress.
 *
 * Returns: (transfer none): the job, for its progress; it lives until @callback has run
 */
EdJob *
ed_staff_import_async (EdContext           *context,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  ImportJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  data = g_new0 (ImportJob, 1);
  data->path = g_strdup (path);
  return ed_context_run_job_async (context, import_work, data, import_job_free, cancellable,
                                   callback, user_data);
}

/**
 * ed_staff_import_finish:
 * @job: the job ed_staff_import_async() returned
 * @result: the result handed to the callback
 * @error: return location for an error, as for ed_staff_import()
 *
 * Returns: (transfer full) (nullable): the report, as ed_staff_import() returns it
 */
EdStaffImportReport *
ed_staff_import_finish (EdJob         *job,
                        GAsyncResult  *result,
                        GError       **error)
{
  ImportJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, import_work), NULL);

  if (!ed_job_run_finish (job, result, error))
    return NULL;
  data = ed_job_get_task_data (job);
  return g_steal_pointer (&data->report);
}
