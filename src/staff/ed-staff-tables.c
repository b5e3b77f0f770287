/* ed-staff-tables.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The module's synced tables as the change set, merge and validators see them (the SQL is in
 * 0017-staff.sql, 0018-fee-rate-travel.sql and 0020-payroll-mapping.sql), and the checks a
 * merge runs over them. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-validate.h"
#include "core/ed-date.h"
#include "staff/ed-payroll-private.h"
#include "staff/ed-staff-resources.h"
#include "staff/ed-staff-tables.h"

/* Each in its enum's order (ed-staff-tables.h). */
static const EdColumnDef staff_person_columns[] = {
  [ED_STAFF_PERSON_COL_FAMILY_NAME] = { "family_name", ED_VALUE_TEXT },
  [ED_STAFF_PERSON_COL_GIVEN_NAMES] = { "given_names", ED_VALUE_TEXT },
  [ED_STAFF_PERSON_COL_EMAIL] = { "email", ED_VALUE_TEXT },
  [ED_STAFF_PERSON_COL_PHONE] = { "phone", ED_VALUE_TEXT },
  [ED_STAFF_PERSON_COL_ADDRESS] = { "address", ED_VALUE_TEXT },
  [ED_STAFF_PERSON_COL_POSTCODE] = { "postcode", ED_VALUE_TEXT },
  [ED_STAFF_PERSON_COL_DATE_OF_BIRTH] = { "date_of_birth", ED_VALUE_DATE },
  [ED_STAFF_PERSON_COL_NI_NUMBER] = { "ni_number", ED_VALUE_TEXT },
  [ED_STAFF_PERSON_COL_PAYROLL_REFERENCE] = { "payroll_reference", ED_VALUE_TEXT },
  [ED_STAFF_PERSON_COL_COUNCIL_EMPLOYEE] = { "council_employee", ED_VALUE_BOOLEAN },
  [ED_STAFF_PERSON_COL_STARTER_STATEMENT] = { "starter_statement", ED_VALUE_TEXT },
  [ED_STAFF_PERSON_COL_STARTER_DATE] = { "starter_date", ED_VALUE_DATE },
  [ED_STAFF_PERSON_COL_LANGUAGE] = { "language", ED_VALUE_TEXT },
  [ED_STAFF_PERSON_COL_NOTES] = { "notes", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (staff_person_columns) == ED_STAFF_PERSON_N_COLS);

static const EdColumnDef staff_person_role_columns[] = {
  [ED_STAFF_PERSON_ROLE_COL_PERSON] = { "person", ED_VALUE_TEXT },
  [ED_STAFF_PERSON_ROLE_COL_ROLE] = { "role", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (staff_person_role_columns) == ED_STAFF_PERSON_ROLE_N_COLS);

static const EdColumnDef staff_training_columns[] = {
  [ED_STAFF_TRAINING_COL_PERSON] = { "person", ED_VALUE_TEXT },
  [ED_STAFF_TRAINING_COL_ROLE] = { "role", ED_VALUE_TEXT },
  [ED_STAFF_TRAINING_COL_COURSE] = { "course", ED_VALUE_TEXT },
  [ED_STAFF_TRAINING_COL_COURSE_DATE] = { "course_date", ED_VALUE_DATE },
  [ED_STAFF_TRAINING_COL_ATTENDED] = { "attended", ED_VALUE_BOOLEAN },
  [ED_STAFF_TRAINING_COL_VALID_UNTIL] = { "valid_until", ED_VALUE_DATE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (staff_training_columns) == ED_STAFF_TRAINING_N_COLS);

static const EdColumnDef staff_availability_columns[] = {
  [ED_STAFF_AVAILABILITY_COL_PERSON] = { "person", ED_VALUE_TEXT },
  [ED_STAFF_AVAILABILITY_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_STAFF_AVAILABILITY_COL_AVAILABILITY] = { "availability", ED_VALUE_TEXT },
  [ED_STAFF_AVAILABILITY_COL_NOTE] = { "note", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (staff_availability_columns) == ED_STAFF_AVAILABILITY_N_COLS);

static const EdColumnDef fee_rate_columns[] = {
  [ED_FEE_RATE_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_FEE_RATE_COL_ROLE] = { "role", ED_VALUE_TEXT },
  [ED_FEE_RATE_COL_BASIS] = { "basis", ED_VALUE_TEXT },
  [ED_FEE_RATE_COL_RATE] = { "rate", ED_VALUE_MONEY },
  [ED_FEE_RATE_COL_ENHANCED_RATE] = { "enhanced_rate", ED_VALUE_MONEY },
  [ED_FEE_RATE_COL_UNIT_NAME] = { "unit_name", ED_VALUE_TEXT },
  [ED_FEE_RATE_COL_TRAINING_FEE] = { "training_fee", ED_VALUE_MONEY },
  [ED_FEE_RATE_COL_SUPPLEMENT_KIND] = { "supplement_kind", ED_VALUE_TEXT },
  [ED_FEE_RATE_COL_SUPPLEMENT] = { "supplement", ED_VALUE_INTEGER },
  [ED_FEE_RATE_COL_MILEAGE_PURPOSE] = { "mileage_purpose", ED_VALUE_TEXT },
  [ED_FEE_RATE_COL_NIC_CATEGORY] = { "nic_category", ED_VALUE_TEXT },
  [ED_FEE_RATE_COL_COST_HEAD] = { "cost_head", ED_VALUE_TEXT },
  [ED_FEE_RATE_COL_SOURCE] = { "source", ED_VALUE_TEXT },
  [ED_FEE_RATE_COL_TRAVEL_ALLOWANCE] = { "travel_allowance", ED_VALUE_MONEY },
  [ED_FEE_RATE_COL_TRAVEL_PURPOSE] = { "travel_purpose", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (fee_rate_columns) == ED_FEE_RATE_N_COLS);

static const EdColumnDef staff_appointment_columns[] = {
  [ED_STAFF_APPOINTMENT_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_STAFF_APPOINTMENT_COL_PERSON] = { "person", ED_VALUE_TEXT },
  [ED_STAFF_APPOINTMENT_COL_ROLE] = { "role", ED_VALUE_TEXT },
  [ED_STAFF_APPOINTMENT_COL_PLACE_KIND] = { "place_kind", ED_VALUE_TEXT },
  [ED_STAFF_APPOINTMENT_COL_STATION] = { "station", ED_VALUE_TEXT },
  [ED_STAFF_APPOINTMENT_COL_SESSION] = { "session", ED_VALUE_TEXT },
  [ED_STAFF_APPOINTMENT_COL_WORK_DATE] = { "work_date", ED_VALUE_DATE },
  [ED_STAFF_APPOINTMENT_COL_START_TIME] = { "start_time", ED_VALUE_TEXT },
  [ED_STAFF_APPOINTMENT_COL_END_TIME] = { "end_time", ED_VALUE_TEXT },
  [ED_STAFF_APPOINTMENT_COL_MINUTES] = { "minutes", ED_VALUE_INTEGER },
  [ED_STAFF_APPOINTMENT_COL_ENHANCED_MINUTES] = { "enhanced_minutes", ED_VALUE_INTEGER },
  [ED_STAFF_APPOINTMENT_COL_UNITS] = { "units", ED_VALUE_INTEGER },
  [ED_STAFF_APPOINTMENT_COL_STATE] = { "state", ED_VALUE_TEXT },
  [ED_STAFF_APPOINTMENT_COL_STATE_CHANGED_ON] = { "state_changed_on", ED_VALUE_DATE },
  [ED_STAFF_APPOINTMENT_COL_NOTE] = { "note", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (staff_appointment_columns) == ED_STAFF_APPOINTMENT_N_COLS);

static const EdColumnDef staff_journey_columns[] = {
  [ED_STAFF_JOURNEY_COL_APPOINTMENT] = { "appointment", ED_VALUE_TEXT },
  [ED_STAFF_JOURNEY_COL_DESCRIPTION] = { "description", ED_VALUE_TEXT },
  [ED_STAFF_JOURNEY_COL_VEHICLE] = { "vehicle", ED_VALUE_TEXT },
  [ED_STAFF_JOURNEY_COL_MILES] = { "miles", ED_VALUE_INTEGER },
  [ED_STAFF_JOURNEY_COL_PASSENGERS] = { "passengers", ED_VALUE_INTEGER },
  [ED_STAFF_JOURNEY_COL_PURPOSE] = { "purpose", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (staff_journey_columns) == ED_STAFF_JOURNEY_N_COLS);

static const EdColumnDef staff_expense_columns[] = {
  [ED_STAFF_EXPENSE_COL_APPOINTMENT] = { "appointment", ED_VALUE_TEXT },
  [ED_STAFF_EXPENSE_COL_DESCRIPTION] = { "description", ED_VALUE_TEXT },
  [ED_STAFF_EXPENSE_COL_AMOUNT] = { "amount", ED_VALUE_MONEY },
  [ED_STAFF_EXPENSE_COL_RECEIPTED] = { "receipted", ED_VALUE_BOOLEAN },
};
G_STATIC_ASSERT (G_N_ELEMENTS (staff_expense_columns) == ED_STAFF_EXPENSE_N_COLS);

static const EdColumnDef payroll_run_columns[] = {
  [ED_PAYROLL_RUN_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_PAYROLL_RUN_COL_APPROVED_ON] = { "approved_on", ED_VALUE_DATE },
  [ED_PAYROLL_RUN_COL_APPROVED_BY] = { "approved_by", ED_VALUE_TEXT },
  [ED_PAYROLL_RUN_COL_LINES] = { "lines", ED_VALUE_INTEGER },
  [ED_PAYROLL_RUN_COL_TOTAL] = { "total", ED_VALUE_MONEY },
  [ED_PAYROLL_RUN_COL_DIGEST] = { "digest", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (payroll_run_columns) == ED_PAYROLL_RUN_N_COLS);

static const EdColumnDef pay_line_columns[] = {
  [ED_PAY_LINE_COL_RUN] = { "run", ED_VALUE_TEXT },
  [ED_PAY_LINE_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_PAY_LINE_COL_PERSON] = { "person", ED_VALUE_TEXT },
  [ED_PAY_LINE_COL_APPOINTMENT] = { "appointment", ED_VALUE_TEXT },
  [ED_PAY_LINE_COL_ELEMENT] = { "element", ED_VALUE_TEXT },
  [ED_PAY_LINE_COL_DESCRIPTION] = { "description", ED_VALUE_TEXT },
  [ED_PAY_LINE_COL_WORK_DATE] = { "work_date", ED_VALUE_DATE },
  [ED_PAY_LINE_COL_QUANTITY] = { "quantity", ED_VALUE_INTEGER },
  [ED_PAY_LINE_COL_RATE] = { "rate", ED_VALUE_MONEY },
  [ED_PAY_LINE_COL_AMOUNT] = { "amount", ED_VALUE_MONEY },
  [ED_PAY_LINE_COL_TAXABLE] = { "taxable", ED_VALUE_BOOLEAN },
  [ED_PAY_LINE_COL_NIC_CATEGORY] = { "nic_category", ED_VALUE_TEXT },
  [ED_PAY_LINE_COL_COST_HEAD] = { "cost_head", ED_VALUE_TEXT },
  [ED_PAY_LINE_COL_REVERSES] = { "reverses", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (pay_line_columns) == ED_PAY_LINE_N_COLS);

static const EdColumnDef payroll_mapping_columns[] = {
  [ED_PAYROLL_MAPPING_COL_KEY] = { "key", ED_VALUE_TEXT },
  [ED_PAYROLL_MAPPING_COL_VALUE] = { "value", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (payroll_mapping_columns) == ED_PAYROLL_MAPPING_N_COLS);

#define TABLE(name, columns) { name, columns, G_N_ELEMENTS (columns) }

const EdTableDef ed_staff_person_table = TABLE ("staff_person", staff_person_columns);
const EdTableDef ed_staff_person_role_table = TABLE ("staff_person_role", staff_person_role_columns);
const EdTableDef ed_staff_training_table = TABLE ("staff_training", staff_training_columns);
const EdTableDef ed_staff_availability_table = TABLE ("staff_availability", staff_availability_columns);
const EdTableDef ed_fee_rate_table = TABLE ("fee_rate", fee_rate_columns);
const EdTableDef ed_staff_appointment_table = TABLE ("staff_appointment", staff_appointment_columns);
const EdTableDef ed_staff_journey_table = TABLE ("staff_journey", staff_journey_columns);
const EdTableDef ed_staff_expense_table = TABLE ("staff_expense", staff_expense_columns);
const EdTableDef ed_payroll_run_table = TABLE ("payroll_run", payroll_run_columns);
const EdTableDef ed_pay_line_table = TABLE ("pay_line", pay_line_columns);
const EdTableDef ed_payroll_mapping_table = TABLE ("payroll_mapping", payroll_mapping_columns);

static gboolean
validate_references (EdReplica  *replica,
                     GPtrArray  *items,
                     GError    **error)
{
  static const struct
  {
    const char *table;
    const char *column;
    const char *target;
  } references[] = {
    { "staff_person_role", "person", "staff_person" },
    { "staff_training", "person", "staff_person" },
    { "staff_availability", "person", "staff_person" },
    { "staff_availability", "election", "election" },
    { "fee_rate", "election", "election" },
    { "staff_appointment", "election", "election" },
    { "staff_appointment", "person", "staff_person" },
    { "staff_appointment", "station", "polling_station" },
    { "staff_journey", "appointment", "staff_appointment" },
    { "staff_expense", "appointment", "staff_appointment" },
    { "payroll_run", "election", "election" },
    { "pay_line", "run", "payroll_run" },
    { "pay_line", "election", "election" },
    { "pay_line", "person", "staff_person" },
    { "pay_line", "appointment", "staff_appointment" },
    { "pay_line", "reverses", "pay_line" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    if (!ed_validate_reference (replica, "staff-references", references[i].table,
                                references[i].column, references[i].target, items, error))
      return FALSE;
  return TRUE;
}

/* Two desks can each load a scale for the same election before they sync; a role paid at two
 * rates would pay whichever the payroll read first. */
static gboolean
validate_one_rate_per_role (EdReplica  *replica,
                            GPtrArray  *items,
                            GError    **error)
{
  static const char *columns[] = { "election", "role", NULL };

  return ed_validate_unique (replica, "fee-rate-unique", "fee_rate", columns,
                             _("fee for a role"), items, error);
}

/* The National Insurance number identifies the person to HMRC through the council's payroll:
 * two people with one number would have one's pay reported as the other's. */
static gboolean
validate_unique_ni_numbers (EdReplica  *replica,
                            GPtrArray  *items,
                            GError    **error)
{
  static const char sql[] =
    "SELECT p.id, p.family_name || ', ' || p.given_names FROM staff_person AS p "
    "WHERE p.ni_number != '' AND EXISTS (SELECT 1 FROM staff_person AS q "
    "  WHERE q.ni_number = p.ni_number AND q.id != p.id) "
    "ORDER BY p.family_name, p.given_names, p.id";

  return ed_validate_items_from_query (
    replica, sql, "staff-ni-number-unique", "staff_person",
    /* Translators: %s is a person's name, "Family, Given" */
    _("%s has the same National Insurance number as someone else."), items, error);
}

/* Two desks can each set one setting of the payroll export's mapping before they sync; the
 * export takes the row with the lower id until a person removes the other. */
static gboolean
validate_one_mapping_per_key (EdReplica  *replica,
                              GPtrArray  *items,
                              GError    **error)
{
  static const char *columns[] = { "key", NULL };

  return ed_validate_unique (replica, "payroll-mapping-unique", "payroll_mapping", columns,
                             _("setting of the payroll export"), items, error);
}

static void
add_run_changed_item (GPtrArray  *items,
                      const char *run_id,
                      const char *approved_on,
                      const char *approved_by)
{
  g_autofree char *message = NULL;
  g_autofree char *day = NULL;
  GDate date;

  g_date_clear (&date, 1);
  day = ed_date_parse_iso (approved_on, &date, NULL) ? ed_date_format_long (&date)
                                                     : g_strdup (approved_on);
  message = g_strdup_printf (
    /* Translators: a date, then a person's name */
    _("The payroll run approved on %s by %s is not as it was approved: a line of it has been "
      "changed, added or deleted since, so check it against the payroll export before anyone "
      "is paid from it."),
    day, approved_by);
  ed_validation_items_add (items, "payroll-run-changed", "payroll_run", run_id, message);
}

/* An approved run's lines are a ledger that the app never edits or deletes (SYNC.md §4.10):
 * a correction is a reversing line in a later run. So a run whose lines no longer give the
 * digest, count and total it was approved with was changed outside the app, by an edit to
 * the database or a forged desk's op (ed-payroll-digest.c). */
static gboolean
validate_runs_unchanged (EdReplica  *replica,
                         GPtrArray  *items,
                         GError    **error)
{
  static const char sql[] =
    "SELECT r.id, r.digest, r.lines, r.total, r.approved_on, r.approved_by, "
    _ED_PAYROLL_DIGEST_COLUMNS " "
    "FROM payroll_run AS r LEFT JOIN pay_line AS l ON l.run = r.id "
    "ORDER BY r.id, l.id";
  EdDatabase *database = ed_replica_get_database (replica);
  sqlite3_stmt *stmt = ed_database_cached (database, sql, error);
  EdPayrollDigest *digest = NULL;
  g_autofree char *run_id = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *approved_on = NULL;
  g_autofree char *approved_by = NULL;
  gint64 stored_lines = 0;
  EdMoney stored_total = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  do
    {
      const char *id;

      rc = sqlite3_step (stmt);
      id = rc == SQLITE_ROW ? (const char *)sqlite3_column_text (stmt, 0) : NULL;
      /* The run before this row is whole: check it. */
      if (digest != NULL && (id == NULL || !g_str_equal (id, run_id)))
        {
          guint n_lines = 0;
          EdMoney total = 0;
          g_autofree char *hex = _ed_payroll_digest_finish (g_steal_pointer (&digest), &n_lines,
                                                            &total);

          if (!g_str_equal (hex, stored) || (gint64)n_lines != stored_lines ||
              total != stored_total)
            add_run_changed_item (items, run_id, approved_on, approved_by);
        }
      if (id == NULL)
        break;
      if (digest == NULL)
        {
          g_free (run_id);
          run_id = g_strdup (id);
          g_free (stored);
          stored = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
          stored_lines = sqlite3_column_int64 (stmt, 2);
          stored_total = sqlite3_column_int64 (stmt, 3);
          g_free (approved_on);
          approved_on = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
          g_free (approved_by);
          approved_by = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
          digest = _ed_payroll_digest_new ();
        }
      /* A run with no lines at all has one row, with NULL for each of the line's columns. */
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        _ed_payroll_digest_add_line (digest, stmt, 6);
    }
  while (TRUE);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static const EdValidator validators[] = {
  { "staff-references", validate_references },
  { "fee-rate-unique", validate_one_rate_per_role },
  { "staff-ni-number-unique", validate_unique_ni_numbers },
  { "payroll-mapping-unique", validate_one_mapping_per_key },
  { "payroll-run-changed", validate_runs_unchanged },
};

/* The module's row of the module list: its tables, validators and migrations (staff/sql). */
void
ed_staff_add_schema (EdSchema *schema)
{
  static const EdTableDef *tables[] = {
    &ed_staff_person_table, &ed_staff_person_role_table, &ed_staff_training_table,
    &ed_staff_availability_table, &ed_fee_rate_table, &ed_staff_appointment_table,
    &ed_staff_journey_table, &ed_staff_expense_table, &ed_payroll_run_table,
    &ed_pay_line_table, &ed_payroll_mapping_table,
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    ed_schema_add_table (schema, tables[i]);
  for (guint i = 0; i < G_N_ELEMENTS (validators); i++)
    ed_schema_add_validator (schema, &validators[i]);

  /* Referencing the resource keeps the linker from dropping it out of the static library;
   * its constructor registers it. */
  (void)ed_staff_get_resource ();
  ed_schema_add_migrations (schema, "/org/electoraldesk/ElectoralDesk/staff/sql");
}
