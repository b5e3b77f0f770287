/* ed-payroll.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The payroll run of an election (DOMAIN.md §4.3, §4.4; issue 16 item 5): what the election's
 * attended appointments are due under the pay rules (ed-pay-rules.c), set against what its
 * approved runs have paid, and the approval that writes the difference as a new run.
 *
 * Approved pay is a ledger (SYNC.md §4.10): its lines are never edited or deleted, so a
 * correction is a reversing line in a later run. Working out a run therefore compares lines,
 * not totals: a line the rules give now that is identical to an approved line standing (one
 * not reversed) is already paid; an approved line standing that the rules no longer give is
 * reversed (its quantity and amount negated, `reverses` naming it); a line the rules give
 * that nothing approved matches is new. The reversals and the new lines are what the next
 * approval writes, and the ledger then nets, line by line, to what the rules give.
 *
 * Two lines are identical when they pay the same person for the same appointment, element,
 * day, quantity, rate and amount, with the same tax, National Insurance and cost head. The
 * description is left out: it is the role's name in the language of the desk that ran the
 * payroll, or a journey's words as someone typed them, and a Welsh desk's "Swyddog llywyddu"
 * must not reverse and pay again what an English desk approved as "Presiding officer".
 *
 * The 10,000-mile step of HMRC's approved mileage rates runs over the tax year, across
 * elections: the business miles by car each person was paid by other elections' approved runs
 * come from their pay lines. A car's business mileage line is the one kind of line that is
 * mileage, not taxable (business travel) and at one of the car's two rates, 45p or 25p:
 * commuting by car is taxable, and motorcycles (24p) and bicycles (20p) have rates of their
 * own, so nothing else looks like one. Reversals are negative, so the sum is net. The miles
 * counted are those of days before the person's first day in this election's tax year, and
 * of that day when the other election's row id sorts first, so that of two elections paid in
 * either order each counts the other's miles once, in the order they were driven. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-database.h"
#include "core/ed-date.h"
#include "staff/ed-fee-scale.h"
#include "staff/ed-pay-rules.h"
#include "staff/ed-payroll.h"
#include "staff/ed-payroll-private.h"
#include "staff/ed-staff-tables.h"

G_DEFINE_QUARK (ed-payroll-error-quark, ed_payroll_error)

/* Everyone an election's payroll pays or paid: an attended appointment, or an approved line. */
static const char people_sql[] =
  "SELECT p.id, p.family_name, p.given_names, p.payroll_reference, p.ni_number, p.address, "
  "  p.postcode, p.language "
  "FROM staff_person AS p WHERE p.id IN ("
  "  SELECT a.person FROM staff_appointment AS a WHERE a.election = ?1 AND a.state = ?2 "
  "  UNION SELECT l.person FROM pay_line AS l "
  "    WHERE l.run IN (SELECT r.id FROM payroll_run AS r WHERE r.election = ?1))";

static const char runs_sql[] =
  "SELECT id, approved_on, approved_by, lines, total, digest FROM payroll_run "
  "WHERE election = ?1 ORDER BY approved_on, id";

static const char ledger_sql[] =
  "SELECT l.id, l.run, l.person, l.appointment, l.element, l.description, l.work_date, "
  "  l.quantity, l.rate, l.amount, l.taxable, l.nic_category, l.cost_head, l.reverses "
  "FROM pay_line AS l WHERE l.run IN (SELECT r.id FROM payroll_run AS r WHERE r.election = ?1) "
  "ORDER BY l.id";

/* In the order the pay rules take a person's appointments within a day. */
static const char appointments_sql[] =
  "SELECT id, person, role, work_date, minutes, enhanced_minutes, units "
  "FROM staff_appointment WHERE election = ?1 AND state = ?2 "
  "ORDER BY person, work_date, start_time, id";

/* Journeys in the order they were recorded, which is the order the mileage step counts. */
static const char journeys_sql[] =
  "SELECT j.appointment, j.description, j.vehicle, j.miles, j.passengers, j.purpose "
  "FROM staff_journey AS j JOIN staff_appointment AS a ON a.id = j.appointment "
  "WHERE a.election = ?1 AND a.state = ?2 ORDER BY j.appointment, j.id";

static const char expenses_sql[] =
  "SELECT e.appointment, e.description, e.amount, e.receipted "
  "FROM staff_expense AS e JOIN staff_appointment AS a ON a.id = e.appointment "
  "WHERE a.election = ?1 AND a.state = ?2 ORDER BY e.appointment, e.id";

static const char training_sql[] =
  "SELECT t.person, t.role, t.course_date, t.valid_until FROM staff_training AS t "
  "WHERE t.attended = 1 AND t.person IN "
  "  (SELECT a.person FROM staff_appointment AS a WHERE a.election = ?1 AND a.state = ?2)";

/* Business miles by car paid by other elections' approved runs (see the top of the file). */
static const char miles_sql[] =
  "SELECT l.person, l.work_date, l.election, sum (l.quantity) FROM pay_line AS l "
  "WHERE l.person IN "
  "  (SELECT a.person FROM staff_appointment AS a WHERE a.election = ?1 AND a.state = ?2) "
  "  AND l.election != ?1 AND l.element = ?3 AND l.taxable = 0 AND l.rate IN (?4, ?5) "
  "GROUP BY l.person, l.work_date, l.election";

/* Freeing ------------------------------------------------------------------------------------ */

static void
person_free (EdPayrollPerson *person)
{
  g_free (person->id);
  g_free (person->family_name);
  g_free (person->given_names);
  g_free (person->payroll_reference);
  g_free (person->ni_number);
  g_free (person->address);
  g_free (person->language);
  g_free (person->postcode);
  g_free (person);
}

static void
line_free (EdPayrollLine *line)
{
  g_free (line->id);
  g_free (line->run);
  g_free (line->appointment);
  g_free (line->description);
  g_free (line->reverses);
  g_free (line);
}

static void
run_free (EdPayrollRun *run)
{
  g_free (run->id);
  g_free (run->approved_by);
  g_free (run->digest);
  g_free (run);
}

void
ed_payroll_free (EdPayroll *payroll)
{
  if (payroll == NULL)
    return;
  g_clear_pointer (&payroll->election, ed_election_free);
  g_clear_pointer (&payroll->pending, g_ptr_array_unref);
  g_clear_pointer (&payroll->lines, g_ptr_array_unref);
  g_clear_pointer (&payroll->reversals, g_ptr_array_unref);
  g_clear_pointer (&payroll->ledger, g_ptr_array_unref);
  g_clear_pointer (&payroll->runs, g_ptr_array_unref);
  g_clear_pointer (&payroll->people, g_ptr_array_unref);
  g_free (payroll);
}

/* Names and figures --------------------------------------------------------------------------- */

/**
 * ed_payroll_person_get_name:
 * @person: a person of a payroll
 *
 * Returns: (transfer full): "Given Family", as a statement is addressed
 */
char *
ed_payroll_person_get_name (const EdPayrollPerson *person)
{
  g_return_val_if_fail (person != NULL, NULL);

  if (*person->given_names == '\0' && *person->family_name == '\0')
    /* Translators: a person whose row was deleted on another desk; %s is the row id */
    return g_strdup_printf (_("Person %s"), person->id);
  if (*person->given_names == '\0')
    return g_strdup (person->family_name);
  if (*person->family_name == '\0')
    return g_strdup (person->given_names);
  /* Translators: a person's given names, then their family name */
  return g_strdup_printf (_("%s %s"), person->given_names, person->family_name);
}

/**
 * ed_payroll_person_get_sort_name:
 * @person: a person of a payroll
 *
 * Returns: (transfer full): "Family, Given", as a list shows people
 */
char *
ed_payroll_person_get_sort_name (const EdPayrollPerson *person)
{
  g_return_val_if_fail (person != NULL, NULL);

  if (*person->given_names == '\0' || *person->family_name == '\0')
    return ed_payroll_person_get_name (person);
  /* Translators: a person's family name, then their given names, as a list sorts them */
  return g_strdup_printf (_("%s, %s"), person->family_name, person->given_names);
}

/**
 * ed_payroll_line_state_to_string:
 * @state: where a line stands
 *
 * Returns: (transfer none): "approved", "paid", "new" or "reversal", as the JSON output
 *   writes it
 */
const char *
ed_payroll_line_state_to_string (EdPayrollLineState state)
{
  switch (state)
    {
    case ED_PAYROLL_LINE_APPROVED:
      return "approved";
    case ED_PAYROLL_LINE_PAID:
      return "paid";
    case ED_PAYROLL_LINE_NEW:
      return "new";
    case ED_PAYROLL_LINE_REVERSAL:
      return "reversal";
    default:
      g_return_val_if_reached ("");
    }
}

/* Whether a fee line's quantity is units rather than minutes. The line does not say how the
 * role was paid, but its amount does: a fee per unit is exactly the rate times the units,
 * where an hourly fee is that over sixty, which for any quantity and rate above nothing is
 * less. */
gboolean
_ed_payroll_line_is_per_unit (const EdPayrollLine *line)
{
  return line->element == ED_PAY_FEE && line->rate != 0 &&
         ABS (line->amount) == ABS (line->rate * line->quantity);
}

/**
 * ed_payroll_line_format_quantity:
 * @line: a line of a payroll
 *
 * Returns: (transfer full): its quantity as people read it: "15 h 30 min", "750 units",
 *   "12.4 miles", "12.4 passenger miles", or "" for a flat amount
 */
char *
ed_payroll_line_format_quantity (const EdPayrollLine *line)
{
  gint64 quantity;
  const char *sign;
  g_autofree char *whole = NULL;
  g_autofree char *part = NULL;

  g_return_val_if_fail (line != NULL, NULL);

  if (line->quantity == 0)
    return g_strdup ("");
  quantity = ABS (line->quantity);
  sign = line->quantity < 0 ? "-" : "";
  /* The figures are formatted apart from the words, which are what translators see. */
  switch (line->element)
    {
    case ED_PAY_FEE:
    case ED_PAY_ENHANCED:
      if (_ed_payroll_line_is_per_unit (line))
        {
          whole = g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, quantity);
          /* Translators: %s is a number of units of work, such as forms delivered */
          return g_strdup_printf (ngettext ("%s unit", "%s units",
                                            (gulong)MIN (quantity, G_MAXLONG)),
                                  whole);
        }
      whole = g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, quantity / 60);
      if (quantity % 60 == 0)
        /* Translators: %s is a number of hours */
        return g_strdup_printf (_("%s h"), whole);
      part = g_strdup_printf ("%02d", (int)(quantity % 60));
      /* Translators: hours, then minutes: "15 h 30 min" */
      return g_strdup_printf (_("%s h %s min"), whole, part);
    case ED_PAY_MILEAGE:
    case ED_PAY_PASSENGER:
      whole = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%d", sign, quantity / 10,
                               (int)(quantity % 10));
      return line->element == ED_PAY_MILEAGE
               /* Translators: %s is a number of miles, with tenths: "12.4" */
               ? g_strdup_printf (_("%s miles"), whole)
               /* Translators: %s is a number of miles times passengers, with tenths */
               : g_strdup_printf (_("%s passenger miles"), whole);
    case ED_PAY_TRAINING:
    case ED_PAY_SUPPLEMENT:
    case ED_PAY_EXPENSE:
    default:
      return g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, quantity);
    }
}

static void
totals_add (EdPayrollTotals     *totals,
            const EdPayrollLine *line)
{
  totals->gross += line->amount;
  if (line->taxable)
    totals->taxable += line->amount;
  else
    totals->non_taxable += line->amount;
  totals->nic[line->nic_category] += line->amount;
  totals->cost_heads[line->cost_head] += line->amount;
  totals->n_lines++;
}

/* Reading the district ----------------------------------------------------------------------- */

/* An attended appointment as the payroll reads it, until it is handed to the rules. */
typedef struct
{
  const char  *id;
  const char  *person;
  EdStaffRole  role;
  GDate        work_date;
  gint64       minutes;
  gint64       enhanced_minutes;
  gint64       units;
  GArray      *journeys;  /* EdPayJourney */
  GArray      *expenses;  /* EdPayExpense */
} Appointment;

typedef struct
{
  const char  *role;
  GDate        course_date;
  GDate        valid_until;  /* cleared for no end */
} Training;

typedef struct
{
  GDate       work_date;
  const char *election;
  gint64      tenths;
} MilesPaid;

typedef struct
{
  EdContext     *context;
  EdDatabase    *database;
  EdPayroll     *payroll;
  GStringChunk  *text;          /* every string the appointments point to */
  GHashTable    *people;        /* id → EdPayrollPerson *, owned by payroll->people */
  GHashTable    *person_order;  /* EdPayrollPerson * → its place in payroll->people, + 1 */
  GHashTable    *runs;          /* id → its place in payroll->runs, + 1 */
  GPtrArray     *appointments;  /* Appointment *, by person */
  GHashTable    *by_id;         /* appointment id → Appointment * */
  GHashTable    *training;      /* person → GArray of Training */
  GHashTable    *miles;         /* person → GArray of MilesPaid */
} Loader;

static void
appointment_free (Appointment *a)
{
  g_clear_pointer (&a->journeys, g_array_unref);
  g_clear_pointer (&a->expenses, g_array_unref);
  g_free (a);
}

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->text, g_string_chunk_free);
  g_clear_pointer (&loader->people, g_hash_table_unref);
  g_clear_pointer (&loader->person_order, g_hash_table_unref);
  g_clear_pointer (&loader->runs, g_hash_table_unref);
  g_clear_pointer (&loader->appointments, g_ptr_array_unref);
  g_clear_pointer (&loader->by_id, g_hash_table_unref);
  g_clear_pointer (&loader->training, g_hash_table_unref);
  g_clear_pointer (&loader->miles, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static const char *
keep (Loader     *loader,
      const char *text)
{
  return g_string_chunk_insert_const (loader->text, text);
}

static gboolean G_GNUC_PRINTF (3, 4)
stored_error (GError     **error,
              GError      *cause,
              const char  *format,
              ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (cause != NULL)
    /* Translators: a row, then what is wrong with it */
    g_set_error (error, ED_PAYROLL_ERROR, ED_PAYROLL_ERROR_STORED, _("%s: %s"), what,
                 cause->message);
  else
    g_set_error_literal (error, ED_PAYROLL_ERROR, ED_PAYROLL_ERROR_STORED, what);
  return FALSE;
}

/* An ISO date, or @fallback for '' when @fallback is given. */
static gboolean
read_date (const char   *text,
           const GDate  *fallback,
           GDate        *out,
           GError      **error)
{
  g_date_clear (out, 1);
  if (*text == '\0' && fallback != NULL)
    {
      *out = *fallback;
      return TRUE;
    }
  return ed_date_parse_iso (text, out, error);
}

static sqlite3_stmt *
prepare (Loader      *loader,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = ed_database_prepare (loader->database, sql, error);

  if (stmt == NULL)
    return NULL;
  /* Every query but the runs' takes the election, and the appointments' state as ?2; the
   * others ignore what they do not use. */
  sqlite3_bind_text (stmt, 1, loader->payroll->election->id, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, ed_appointment_state_to_string (ED_APPOINTMENT_ATTENDED), -1,
                       SQLITE_STATIC);
  return stmt;
}

static gboolean
step_done (Loader        *loader,
           int            rc,
           GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  ed_database_set_error (loader->database, rc, error);
  return FALSE;
}

static EdPayrollPerson *
person_new (const char *id)
{
  EdPayrollPerson *person = g_new0 (EdPayrollPerson, 1);

  person->id = g_strdup (id);
  person->family_name = g_strdup ("");
  person->given_names = g_strdup ("");
  person->payroll_reference = g_strdup ("");
  person->ni_number = g_strdup ("");
  person->language = g_strdup ("");
  person->address = g_strdup ("");
  person->postcode = g_strdup ("");
  return person;
}

/* The person of @id, made up from the id alone when their row is gone (deleted on another
 * desk: the references validator says so), so that what they were paid still shows. */
static EdPayrollPerson *
find_person (Loader     *loader,
             const char *id)
{
  EdPayrollPerson *person = g_hash_table_lookup (loader->people, id);

  if (person == NULL)
    {
      person = person_new (id);
      g_ptr_array_add (loader->payroll->people, person);
      g_hash_table_insert (loader->people, person->id, person);
    }
  return person;
}

static gboolean
read_people (Loader  *loader,
             GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (loader, people_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdPayrollPerson *person = find_person (loader, column_text (stmt, 0));

      g_free (person->family_name);
      person->family_name = g_strdup (column_text (stmt, 1));
      g_free (person->given_names);
      person->given_names = g_strdup (column_text (stmt, 2));
      g_free (person->payroll_reference);
      person->payroll_reference = g_strdup (column_text (stmt, 3));
      g_free (person->ni_number);
      person->ni_number = g_strdup (column_text (stmt, 4));
      g_free (person->address);
      person->address = g_strdup (column_text (stmt, 5));
      g_free (person->postcode);
      person->postcode = g_strdup (column_text (stmt, 6));
      g_free (person->language);
      person->language = g_strdup (column_text (stmt, 7));
    }
  return step_done (loader, rc, error);
}

static gboolean
read_runs (Loader  *loader,
           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (loader, runs_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdPayrollRun *run = g_new0 (EdPayrollRun, 1);
      g_autoptr(GError) local = NULL;

      run->id = g_strdup (column_text (stmt, 0));
      run->approved_by = g_strdup (column_text (stmt, 2));
      run->n_lines = (guint)CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXUINT);
      run->total = sqlite3_column_int64 (stmt, 4);
      run->digest = g_strdup (column_text (stmt, 5));
      g_ptr_array_add (loader->payroll->runs, run);
      g_hash_table_insert (loader->runs, run->id,
                           GUINT_TO_POINTER (loader->payroll->runs->len));
      if (!read_date (column_text (stmt, 1), NULL, &run->approved_on, &local))
        /* Translators: %s is a payroll_run row id */
        return stored_error (error, local, _("Payroll run %s"), run->id);
    }
  return step_done (loader, rc, error);
}

static gboolean
read_ledger (Loader  *loader,
             GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (loader, ledger_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdPayrollLine *line = g_new0 (EdPayrollLine, 1);
      g_autoptr(GError) local = NULL;

      line->state = ED_PAYROLL_LINE_APPROVED;
      line->id = g_strdup (column_text (stmt, 0));
      line->run = g_strdup (column_text (stmt, 1));
      line->person = find_person (loader, column_text (stmt, 2));
      line->appointment = g_strdup (column_text (stmt, 3));
      line->description = g_strdup (column_text (stmt, 5));
      line->quantity = sqlite3_column_int64 (stmt, 7);
      line->rate = sqlite3_column_int64 (stmt, 8);
      line->amount = sqlite3_column_int64 (stmt, 9);
      line->taxable = sqlite3_column_int64 (stmt, 10) != 0;
      line->reverses = g_strdup (column_text (stmt, 13));
      g_ptr_array_add (loader->payroll->ledger, line);
      if (!ed_pay_element_from_string (column_text (stmt, 4), &line->element, &local) ||
          !read_date (column_text (stmt, 6), NULL, &line->work_date, &local) ||
          !ed_nic_category_from_string (column_text (stmt, 11), &line->nic_category, &local) ||
          !ed_cost_head_from_string (column_text (stmt, 12), &line->cost_head, &local))
        /* Translators: %s is a pay_line row id */
        return stored_error (error, local, _("Pay line %s"), line->id);
    }
  return step_done (loader, rc, error);
}

static gboolean
read_appointments (Loader  *loader,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (loader, appointments_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Appointment *a = g_new0 (Appointment, 1);
      g_autoptr(GError) local = NULL;

      a->id = keep (loader, column_text (stmt, 0));
      a->person = find_person (loader, column_text (stmt, 1))->id;
      a->minutes = sqlite3_column_int64 (stmt, 4);
      a->enhanced_minutes = sqlite3_column_int64 (stmt, 5);
      a->units = sqlite3_column_int64 (stmt, 6);
      a->journeys = g_array_new (FALSE, TRUE, sizeof (EdPayJourney));
      a->expenses = g_array_new (FALSE, TRUE, sizeof (EdPayExpense));
      g_ptr_array_add (loader->appointments, a);
      g_hash_table_insert (loader->by_id, (gpointer)a->id, a);
      /* An appointment at a station is for polling day, which its row leaves blank. */
      if (!ed_staff_role_from_string (column_text (stmt, 2), &a->role, &local) ||
          !read_date (column_text (stmt, 3), &loader->payroll->election->poll, &a->work_date,
                      &local))
        /* Translators: %s is a staff_appointment row id */
        return stored_error (error, local, _("Appointment %s"), a->id);
    }
  return step_done (loader, rc, error);
}

static gboolean
read_journeys (Loader  *loader,
               GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (loader, journeys_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Appointment *a = g_hash_table_lookup (loader->by_id, column_text (stmt, 0));
      const char *purpose = column_text (stmt, 5);
      EdPayJourney journey = { 0, };
      g_autoptr(GError) local = NULL;
      gint64 passengers = sqlite3_column_int64 (stmt, 4);

      journey.description = keep (loader, column_text (stmt, 1));
      journey.tenths = sqlite3_column_int64 (stmt, 3);
      /* Out of range is the rules' to refuse, with their own message; only keep it so. */
      journey.passengers = (guint)CLAMP (passengers, 0, ED_PAY_MAX_PASSENGERS + 1);
      journey.purpose_set = *purpose != '\0';
      if (!ed_vehicle_from_string (column_text (stmt, 2), &journey.vehicle, &local) ||
          (journey.purpose_set &&
           !ed_journey_purpose_from_string (purpose, &journey.purpose, &local)))
        /* Translators: %s is a staff_appointment row id */
        return stored_error (error, local, _("A journey of appointment %s"), a->id);
      /* A negative count is out of range too, which the rules refuse by the miles. */
      if (passengers < 0)
        journey.tenths = -1;
      g_array_append_val (a->journeys, journey);
    }
  return step_done (loader, rc, error);
}

static gboolean
read_expenses (Loader  *loader,
               GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (loader, expenses_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Appointment *a = g_hash_table_lookup (loader->by_id, column_text (stmt, 0));
      EdPayExpense expense = { 0, };

      expense.description = keep (loader, column_text (stmt, 1));
      expense.amount = sqlite3_column_int64 (stmt, 2);
      expense.receipted = sqlite3_column_int64 (stmt, 3) != 0;
      g_array_append_val (a->expenses, expense);
    }
  return step_done (loader, rc, error);
}

static gboolean
read_training (Loader  *loader,
               GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (loader, training_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *person = keep (loader, column_text (stmt, 0));
      GArray *courses = g_hash_table_lookup (loader->training, person);
      Training training = { 0, };

      /* A course with no date, or one this version cannot read, trains no one. */
      training.role = keep (loader, column_text (stmt, 1));
      if (!read_date (column_text (stmt, 2), NULL, &training.course_date, NULL) ||
          (!read_date (column_text (stmt, 3), NULL, &training.valid_until, NULL) &&
           *column_text (stmt, 3) != '\0'))
        continue;
      if (courses == NULL)
        {
          courses = g_array_new (FALSE, TRUE, sizeof (Training));
          g_hash_table_insert (loader->training, (gpointer)person, courses);
        }
      g_array_append_val (courses, training);
    }
  return step_done (loader, rc, error);
}

static gboolean
read_miles (Loader  *loader,
            GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (loader, miles_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 3, ed_pay_element_to_string (ED_PAY_MILEAGE), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, ED_AMAP_CAR_FIRST_PENCE);
  sqlite3_bind_int64 (stmt, 5, ED_AMAP_CAR_AFTER_PENCE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *person = keep (loader, column_text (stmt, 0));
      GArray *paid = g_hash_table_lookup (loader->miles, person);
      MilesPaid miles = { 0, };

      if (!read_date (column_text (stmt, 1), NULL, &miles.work_date, NULL))
        continue;
      miles.election = keep (loader, column_text (stmt, 2));
      miles.tenths = sqlite3_column_int64 (stmt, 3);
      if (paid == NULL)
        {
          paid = g_array_new (FALSE, TRUE, sizeof (MilesPaid));
          g_hash_table_insert (loader->miles, (gpointer)person, paid);
        }
      g_array_append_val (paid, miles);
    }
  return step_done (loader, rc, error);
}

/* Working it out ---------------------------------------------------------------------------- */

/* Whether the person's training for @a's role was attended and is current on its day. */
static gboolean
training_current (Loader      *loader,
                  Appointment *a)
{
  GArray *courses = g_hash_table_lookup (loader->training, a->person);
  const char *role = ed_staff_role_to_string (a->role);

  for (guint i = 0; courses != NULL && i < courses->len; i++)
    {
      const Training *t = &g_array_index (courses, Training, i);

      if (g_str_equal (t->role, role) && g_date_compare (&t->course_date, &a->work_date) <= 0 &&
          (!g_date_valid (&t->valid_until) ||
           g_date_compare (&t->valid_until, &a->work_date) >= 0))
        return TRUE;
    }
  return FALSE;
}

/* The business miles by car other elections paid the person before their appointments of
 * this election in each tax year they fall in (see the top of the file). */
static GArray *
miles_paid_before (Loader    *loader,
                   GPtrArray *appointments)
{
  GArray *paid = g_hash_table_lookup (loader->miles, ((Appointment *)g_ptr_array_index (appointments, 0))->person);
  GArray *out = g_array_new (FALSE, TRUE, sizeof (EdPayMilesPaid));
  const char *election = loader->payroll->election->id;

  for (guint i = 0; paid != NULL && i < appointments->len; i++)
    {
      Appointment *a = g_ptr_array_index (appointments, i);
      int tax_year = ed_pay_tax_year (&a->work_date);
      GDate first = a->work_date;
      EdPayMilesPaid year = { tax_year, 0 };
      gboolean seen = FALSE;

      for (guint y = 0; y < out->len && !seen; y++)
        seen = g_array_index (out, EdPayMilesPaid, y).tax_year == tax_year;
      if (seen)
        continue;
      for (guint j = i + 1; j < appointments->len; j++)
        {
          Appointment *b = g_ptr_array_index (appointments, j);

          if (ed_pay_tax_year (&b->work_date) == tax_year &&
              g_date_compare (&b->work_date, &first) < 0)
            first = b->work_date;
        }
      for (guint m = 0; m < paid->len; m++)
        {
          const MilesPaid *miles = &g_array_index (paid, MilesPaid, m);
          int by_date = g_date_compare (&miles->work_date, &first);

          if (ed_pay_tax_year (&miles->work_date) == tax_year &&
              (by_date < 0 || (by_date == 0 && strcmp (miles->election, election) < 0)))
            year.tenths += miles->tenths;
        }
      g_array_append_val (out, year);
    }
  return out;
}

static EdPayrollLine *
line_from_rules (EdPayrollPerson *person,
                 const EdPayLine *pay)
{
  EdPayrollLine *line = g_new0 (EdPayrollLine, 1);

  line->state = ED_PAYROLL_LINE_NEW;
  line->person = person;
  line->appointment = g_strdup (pay->appointment != NULL ? pay->appointment : "");
  line->element = pay->element;
  line->description = g_strdup (pay->description);
  line->work_date = pay->work_date;
  line->quantity = pay->quantity;
  line->rate = pay->rate;
  line->amount = pay->amount;
  line->taxable = pay->taxable;
  line->nic_category = pay->nic_category;
  line->cost_head = pay->cost_head;
  line->reverses = g_strdup ("");
  return line;
}

/* One person's lines, from their attended appointments. */
static gboolean
compute_person (Loader     *loader,
                GPtrArray  *rates,
                GPtrArray  *appointments,
                GError    **error)
{
  EdPayroll *payroll = loader->payroll;
  EdPayrollPerson *person = g_hash_table_lookup (loader->people,
                                                 ((Appointment *)g_ptr_array_index (appointments, 0))->person);
  g_autofree EdPayAppointment *pay = g_new0 (EdPayAppointment, appointments->len);
  g_autoptr(GArray) miles = miles_paid_before (loader, appointments);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) local = NULL;

  for (guint i = 0; i < appointments->len; i++)
    {
      Appointment *a = g_ptr_array_index (appointments, i);
      const EdFeeRate *rate = ed_fee_rate_find (rates, a->role);

      if (rate == NULL)
        {
          g_autofree char *name = ed_payroll_person_get_name (person);

          g_set_error (error, ED_PAYROLL_ERROR, ED_PAYROLL_ERROR_NO_RATE,
                       /* Translators: a person's name, then a role: "Ann Smith", "Count
                        * assistant" */
                       _("%s worked as %s, which the election’s fee scale does not pay: load a "
                         "scale that pays the role, or add its rate"),
                       name, ed_staff_role_get_display_name (a->role));
          return FALSE;
        }
      pay[i].appointment = a->id;
      pay[i].rate = rate;
      pay[i].work_date = a->work_date;
      pay[i].combined_poll = payroll->combined &&
                             g_date_compare (&a->work_date, &payroll->election->poll) == 0;
      pay[i].minutes = a->minutes;
      pay[i].enhanced_minutes = a->enhanced_minutes;
      pay[i].units = a->units;
      pay[i].training_attended = training_current (loader, a);
      pay[i].journeys = (const EdPayJourney *)a->journeys->data;
      pay[i].n_journeys = a->journeys->len;
      pay[i].expenses = (const EdPayExpense *)a->expenses->data;
      pay[i].n_expenses = a->expenses->len;
    }

  lines = ed_pay_rules_compute (pay, appointments->len,
                                miles->len > 0 ? (const EdPayMilesPaid *)miles->data : NULL,
                                miles->len, &local);
  if (lines == NULL)
    {
      g_autofree char *name = ed_payroll_person_get_name (person);

      /* Translators: a person's name, then why their pay cannot be worked out */
      g_set_error (error, local->domain, local->code, _("%s: %s"), name, local->message);
      return FALSE;
    }
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (payroll->lines, line_from_rules (person, g_ptr_array_index (lines, i)));
  return TRUE;
}

/* What makes two lines the same payment (see the top of the file). */
static char *
line_key (const EdPayrollLine *line)
{
  return g_strdup_printf ("%s\037%s\037%d\037%u\037%" G_GINT64_FORMAT "\037%" G_GINT64_FORMAT
                          "\037%" G_GINT64_FORMAT "\037%d\037%d\037%d",
                          line->person->id, line->appointment, line->element,
                          g_date_valid (&line->work_date) ? g_date_get_julian (&line->work_date)
                                                          : 0,
                          line->quantity, line->rate, line->amount, line->taxable ? 1 : 0,
                          line->nic_category, line->cost_head);
}

static guint
person_place (Loader          *loader,
              EdPayrollPerson *person)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (loader->person_order, person));
}

/* A line's place among the lines written, or to be: a reversal sorts as the line it
 * reverses. */
static const char *
line_sort_id (const EdPayrollLine *line)
{
  return line->id != NULL ? line->id : line->reverses;
}

static int
compare_by_person (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  Loader *loader = data;
  const EdPayrollLine *x = *(const EdPayrollLine * const *)a;
  const EdPayrollLine *y = *(const EdPayrollLine * const *)b;
  guint px = person_place (loader, x->person);
  guint py = person_place (loader, y->person);

  if (px != py)
    return px < py ? -1 : 1;
  return strcmp (line_sort_id (x), line_sort_id (y));
}

/* The ledger run by run, then person by person, then as it was written. */
static int
compare_ledger (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  Loader *loader = data;
  const EdPayrollLine *x = *(const EdPayrollLine * const *)a;
  const EdPayrollLine *y = *(const EdPayrollLine * const *)b;
  guint rx = GPOINTER_TO_UINT (g_hash_table_lookup (loader->runs, x->run));
  guint ry = GPOINTER_TO_UINT (g_hash_table_lookup (loader->runs, y->run));

  if (rx != ry)
    return rx < ry ? -1 : 1;
  return compare_by_person (a, b, data);
}

static EdPayrollLine *
reversal_of (const EdPayrollLine *approved)
{
  EdPayrollLine *line = g_new0 (EdPayrollLine, 1);

  *line = *approved;
  line->state = ED_PAYROLL_LINE_REVERSAL;
  line->id = NULL;
  line->run = NULL;
  line->appointment = g_strdup (approved->appointment);
  line->description = g_strdup (approved->description);
  line->quantity = -approved->quantity;
  line->amount = -approved->amount;
  line->reverses = g_strdup (approved->id);
  return line;
}

/* Sets each line the rules give against the approved lines standing, and reverses those
 * nothing matches (see the top of the file). */
static void
match_ledger (Loader *loader)
{
  EdPayroll *payroll = loader->payroll;
  g_autoptr(GHashTable) reversed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) standing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)g_queue_free);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < payroll->ledger->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (payroll->ledger, i);

      if (*line->reverses != '\0')
        g_hash_table_add (reversed, line->reverses);
    }
  /* In the order of their ids, so that of two identical lines the first is matched first. */
  for (guint i = 0; i < payroll->ledger->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (payroll->ledger, i);
      char *key;
      GQueue *queue;

      if (*line->reverses != '\0' || g_hash_table_contains (reversed, line->id))
        continue;
      key = line_key (line);
      queue = g_hash_table_lookup (standing, key);
      if (queue == NULL)
        g_hash_table_insert (standing, key, (queue = g_queue_new ()));
      else
        g_free (key);
      g_queue_push_tail (queue, line);
    }

  for (guint i = 0; i < payroll->lines->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (payroll->lines, i);
      g_autofree char *key = line_key (line);
      GQueue *queue = g_hash_table_lookup (standing, key);
      EdPayrollLine *approved = queue != NULL ? g_queue_pop_head (queue) : NULL;

      if (approved == NULL)
        continue;
      line->state = ED_PAYROLL_LINE_PAID;
      line->id = g_strdup (approved->id);
      line->run = g_strdup (approved->run);
      g_hash_table_add (matched, approved);
    }

  for (guint i = 0; i < payroll->ledger->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (payroll->ledger, i);

      if (*line->reverses == '\0' && !g_hash_table_contains (reversed, line->id) &&
          !g_hash_table_contains (matched, line))
        g_ptr_array_add (payroll->reversals, reversal_of (line));
    }
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const EdPayrollPerson *x = *(const EdPayrollPerson * const *)a;
  const EdPayrollPerson *y = *(const EdPayrollPerson * const *)b;
  int by;

  if ((by = g_utf8_collate (x->family_name, y->family_name)) != 0 ||
      (by = g_utf8_collate (x->given_names, y->given_names)) != 0)
    return by;
  return strcmp (x->id, y->id);
}

/* People by name, and the lines in their order; the totals; who is in it. */
static void
finish (Loader *loader)
{
  EdPayroll *payroll = loader->payroll;
  guint l = 0, r = 0;

  g_ptr_array_sort (payroll->people, compare_people);
  for (guint i = 0; i < payroll->people->len; i++)
    g_hash_table_insert (loader->person_order, g_ptr_array_index (payroll->people, i),
                         GUINT_TO_POINTER (i + 1));

  g_ptr_array_sort_with_data (payroll->ledger, compare_ledger, loader);
  g_ptr_array_sort_with_data (payroll->reversals, compare_by_person, loader);

  /* The rules' lines are already person by person, in the order the people were read: put
   * them in the people's order, keeping each person's lines as the rules gave them. */
  {
    g_autoptr(GPtrArray) by_person = g_ptr_array_new_full (payroll->people->len, NULL);
    g_autoptr(GPtrArray) sorted = g_ptr_array_new_full (payroll->lines->len,
                                                        (GDestroyNotify)line_free);
    g_autoptr(GHashTable) first = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < payroll->lines->len; i++)
      {
        EdPayrollLine *line = g_ptr_array_index (payroll->lines, i);

        if (!g_hash_table_contains (first, line->person))
          g_hash_table_insert (first, line->person, GUINT_TO_POINTER (i));
      }
    for (guint p = 0; p < payroll->people->len; p++)
      {
        EdPayrollPerson *person = g_ptr_array_index (payroll->people, p);
        gpointer start;

        if (!g_hash_table_lookup_extended (first, person, NULL, &start))
          continue;
        for (guint i = GPOINTER_TO_UINT (start);
             i < payroll->lines->len &&
             ((EdPayrollLine *)g_ptr_array_index (payroll->lines, i))->person == person;
             i++)
          g_ptr_array_add (sorted, g_ptr_array_index (payroll->lines, i));
      }
    g_assert (sorted->len == payroll->lines->len);
    g_ptr_array_set_free_func (payroll->lines, NULL);
    g_ptr_array_unref (payroll->lines);
    payroll->lines = g_steal_pointer (&sorted);
  }

  /* What the next approval writes: each person's reversals, then their new lines. */
  for (guint p = 0; p < payroll->people->len; p++)
    {
      EdPayrollPerson *person = g_ptr_array_index (payroll->people, p);

      for (; r < payroll->reversals->len &&
             ((EdPayrollLine *)g_ptr_array_index (payroll->reversals, r))->person == person; r++)
        g_ptr_array_add (payroll->pending, g_ptr_array_index (payroll->reversals, r));
      for (; l < payroll->lines->len &&
             ((EdPayrollLine *)g_ptr_array_index (payroll->lines, l))->person == person; l++)
        if (((EdPayrollLine *)g_ptr_array_index (payroll->lines, l))->state == ED_PAYROLL_LINE_NEW)
          g_ptr_array_add (payroll->pending, g_ptr_array_index (payroll->lines, l));
    }

  for (guint i = 0; i < payroll->lines->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (payroll->lines, i);

      totals_add (&payroll->total, line);
      totals_add (&line->person->total, line);
    }
  for (guint i = 0; i < payroll->pending->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (payroll->pending, i);

      totals_add (&payroll->pending_total, line);
      totals_add (&line->person->pending, line);
    }
  for (guint i = 0; i < payroll->ledger->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (payroll->ledger, i);

      totals_add (&payroll->approved, line);
      totals_add (&line->person->approved, line);
    }

  /* Someone with an attended appointment that pays nothing has no place in it. */
  for (guint i = payroll->people->len; i > 0; i--)
    {
      EdPayrollPerson *person = g_ptr_array_index (payroll->people, i - 1);

      if (person->total.n_lines == 0 && person->pending.n_lines == 0 &&
          person->approved.n_lines == 0)
        g_ptr_array_remove_index (payroll->people, i - 1);
    }
}

/**
 * _ed_payroll_load:
 * @context: the district
 * @election_id: the election's id or row id
 * @compute: whether to work out what the rules give now, or read the ledger only
 * @error: return location for an error
 *
 * Returns: (transfer full): the payroll, or %NULL with @error set
 */
EdPayroll *
_ed_payroll_load (EdContext   *context,
                  const char  *election_id,
                  gboolean     compute,
                  GError     **error)
{
  g_autoptr(EdPayroll) payroll = g_new0 (EdPayroll, 1);
  g_autoptr(GPtrArray) combination = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_auto(Loader) loader = { 0, };
  guint start = 0;

  payroll->people = g_ptr_array_new_with_free_func ((GDestroyNotify)person_free);
  payroll->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  payroll->reversals = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  payroll->pending = g_ptr_array_new ();
  payroll->ledger = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  payroll->runs = g_ptr_array_new_with_free_func ((GDestroyNotify)run_free);

  if ((payroll->election = ed_election_load (context, election_id, error)) == NULL ||
      (combination = ed_election_load_combination (context, payroll->election, error)) == NULL)
    return NULL;
  /* The first poll of a combination is not marked as combined; the combination says. */
  payroll->combined = combination->len > 1;

  loader.context = context;
  loader.database = ed_replica_get_database (ED_REPLICA (context));
  loader.payroll = payroll;
  loader.text = g_string_chunk_new (4096);
  loader.people = g_hash_table_new (g_str_hash, g_str_equal);
  loader.person_order = g_hash_table_new (NULL, NULL);
  loader.runs = g_hash_table_new (g_str_hash, g_str_equal);
  loader.appointments = g_ptr_array_new_with_free_func ((GDestroyNotify)appointment_free);
  loader.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  loader.training = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify)g_array_unref);
  loader.miles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify)g_array_unref);

  if (!read_people (&loader, error) || !read_runs (&loader, error) ||
      !read_ledger (&loader, error))
    return NULL;
  if (compute)
    {
      if ((rates = ed_fee_rate_list (context, payroll->election, error)) == NULL ||
          !read_appointments (&loader, error) || !read_journeys (&loader, error) ||
          !read_expenses (&loader, error) || !read_training (&loader, error) ||
          !read_miles (&loader, error))
        return NULL;

      /* The appointments come person by person. */
      for (guint i = 1; i <= loader.appointments->len; i++)
        if (i == loader.appointments->len ||
            !g_str_equal (((Appointment *)g_ptr_array_index (loader.appointments, i))->person,
                          ((Appointment *)g_ptr_array_index (loader.appointments, start))->person))
          {
            g_autoptr(GPtrArray) group = g_ptr_array_new ();

            for (guint j = start; j < i; j++)
              g_ptr_array_add (group, g_ptr_array_index (loader.appointments, j));
            if (!compute_person (&loader, rates, group, error))
              return NULL;
            start = i;
          }
      match_ledger (&loader);
    }
  finish (&loader);
  return g_steal_pointer (&payroll);
}

/**
 * ed_payroll_compute:
 * @context: the district
 * @election_id: the election's id or row id
 * @error: return location for an error
 *
 * Works out an election's payroll: every attended appointment's lines under the pay rules
 * (ed_pay_rules_compute()), person by person, from its role's fee rate, whether the
 * training for the role was current on the day, its journeys and expenses, and the business
 * miles by car other elections' approved runs paid the person earlier in the tax year; then
 * each line against the lines the election's approved runs hold (see #EdPayrollLineState).
 * An appointment with no work date was worked on polling day, which is a combined poll's when
 * the election is one of a combination.
 *
 * Returns: (transfer full): the payroll, or %NULL with @error set: an attended appointment
 *   whose role the election pays no fee for, a figure the rules refuse (naming the person),
 *   or a row this version cannot read
 */
EdPayroll *
ed_payroll_compute (EdContext   *context,
                    const char  *election_id,
                    GError     **error)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _ed_payroll_load (context, election_id, TRUE, error);
}

/**
 * ed_payroll_load_approved:
 * @context: the district
 * @election_id: the election's id or row id
 * @error: return location for an error
 *
 * Reads what an election's approved runs hold, without working the pay out again: the
 * exports and the fee statements are of what was approved, whatever has changed since. Its
 * @lines, @reversals and @pending are empty.
 *
 * Returns: (transfer full): the payroll, or %NULL with @error set
 */
EdPayroll *
ed_payroll_load_approved (EdContext   *context,
                          const char  *election_id,
                          GError     **error)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _ed_payroll_load (context, election_id, FALSE, error);
}
