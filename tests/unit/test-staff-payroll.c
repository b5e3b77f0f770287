/* test-staff-payroll.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The payroll run of an election (ed-payroll.c) on the demo district's May poll, a combined
 * poll, with the Nottinghamshire scale (DOMAIN.md §4.2 (a)): the worked examples of
 * test-staff-pay-rules.c as rows of the district, totals per person and per cost head to the
 * penny; approval as a ledger that is never edited, a correction as a reversing line in a
 * second run (SYNC.md §4.10); a forged edit of an approved line caught by the validator; the
 * 10,000-mile step across two elections of one tax year (§4.3); the CSV and its mapping, the
 * workbook read back with openpyxl, the fee statements read back with pdftotext; and the
 * `payroll` commands.
 *
 * A kill -9 at any moment of an approval or an export is not tested here: an approval is one
 * EdChangeSet (one transaction), and every file goes through EdOutputFile, whose crash safety
 * test-crash-injection.c and test-output-safety.c check. */

#define G_LOG_DOMAIN "test-staff-payroll"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-validate.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-output-file.h"
#include "core/ed-value-error.h"
#include "ed-modules.h"
#include "staff/ed-fee-scale.h"
#include "staff/ed-payroll.h"
#include "staff/ed-payroll-export.h"
#include "staff/ed-payroll-mapping.h"
#include "staff/ed-payroll-statements.h"
#include "staff/ed-staff-tables.h"
#include "ed-test-cli.h"
#include "ed-test-demo.h"
#include "ed-test-dir.h"
#include "ed-test-full-disk.h"
#include "ed-test-pdf.h"
#include "ed-test-register.h"
#include "ed-test-vocab.h"

#define NOTTS "nottinghamshire-2023-24"
#define DEMO_ELECTORS 2000

/* The demo as ed_test_demo_open () writes it holds its May poll on 6 May 2027; the tests
 * combine a Police and Crime Commissioner poll with it. The count is the next day. */
#define POLLING_DAY "2027-05-06"
#define COUNT_DAY "2027-05-07"

/* Rows written as another desk or a form would write them ------------------------------------ */

static char *
insert (EdContext          *context,
        const char         *table,
        const char * const *columns,
        GVariant          **values,
        guint               n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  char *id = NULL;

  g_assert_no_error (error);
  g_assert_true (ed_change_set_insert (change_set, table, NULL, columns, values, n, &id, &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
  return id;
}

static void
set_value (EdContext  *context,
           const char *table,
           const char *id,
           const char *column,
           GVariant   *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, table, id, column, value, &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

/* A person with synthetic particulars. */
static char *
add_person (EdContext  *context,
            const char *family_name,
            const char *given_names,
            const char *reference,
            const char *ni_number)
{
  static const char * const columns[] = {
    "family_name", "given_names", "payroll_reference", "ni_number", "address", "postcode",
  };
  GVariant *values[] = {
    g_variant_new_string (family_name), g_variant_new_string (given_names),
    g_variant_new_string (reference), g_variant_new_string (ni_number),
    g_variant_new_string ("1 Example Street\nAshmere"), g_variant_new_string ("ZZ99 1AA"),
  };

  return insert (context, "staff_person", columns, values, G_N_ELEMENTS (values));
}

/* An attended appointment; @work_date "" for polling day. */
static char *
add_appointment (EdContext   *context,
                 const char  *election,
                 const char  *person,
                 EdStaffRole  role,
                 EdStaffPlace place,
                 const char  *work_date,
                 gint64       minutes,
                 gint64       enhanced_minutes)
{
  static const char * const columns[] = {
    "election", "person", "role", "place_kind", "work_date", "minutes", "enhanced_minutes",
    "state",
  };
  GVariant *values[] = {
    g_variant_new_string (election), g_variant_new_string (person),
    g_variant_new_string (ed_staff_role_to_string (role)),
    g_variant_new_string (ed_staff_place_to_string (place)), g_variant_new_string (work_date),
    g_variant_new_int64 (minutes), g_variant_new_int64 (enhanced_minutes),
    g_variant_new_string (ed_appointment_state_to_string (ED_APPOINTMENT_ATTENDED)),
  };

  return insert (context, "staff_appointment", columns, values, G_N_ELEMENTS (values));
}

/* A journey by car; @purpose NULL for the role's default. */
static void
add_journey (EdContext  *context,
             const char *appointment,
             const char *description,
             gint64      tenths,
             gint64      passengers,
             const char *purpose)
{
  static const char * const columns[] = {
    "appointment", "description", "vehicle", "miles", "passengers", "purpose",
  };
  GVariant *values[] = {
    g_variant_new_string (appointment), g_variant_new_string (description),
    g_variant_new_string (ed_vehicle_to_string (ED_VEHICLE_CAR)), g_variant_new_int64 (tenths),
    g_variant_new_int64 (passengers), g_variant_new_string (purpose != NULL ? purpose : ""),
  };

  g_free (insert (context, "staff_journey", columns, values, G_N_ELEMENTS (values)));
}

static void
add_training (EdContext   *context,
              const char  *person,
              EdStaffRole  role,
              const char  *course_date,
              const char  *valid_until)
{
  static const char * const columns[] = {
    "person", "role", "course", "course_date", "attended", "valid_until",
  };
  GVariant *values[] = {
    g_variant_new_string (person), g_variant_new_string (ed_staff_role_to_string (role)),
    g_variant_new_string ("Polling station training"), g_variant_new_string (course_date),
    g_variant_new_boolean (TRUE), g_variant_new_string (valid_until),
  };

  g_free (insert (context, "staff_training", columns, values, G_N_ELEMENTS (values)));
}

static gint64
count_rows (EdContext  *context,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context), sql,
                                                      &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The worked examples as a district ------------------------------------------------------------ */

typedef struct
{
  EdContext *context;
  char      *election;     /* the May poll's row id */
  char      *slug;
  char      *presiding;    /* Ann Archer: presiding officer */
  char      *clerk;        /* Ben Baker: poll clerk */
  char      *counter;      /* Cara Cole: count assistant */
  char      *counting;     /* her appointment at the count */
  char      *both;         /* Dev Dutta: poll clerk, then presiding officer */
} District;

static void
district_clear (District *d)
{
  g_clear_object (&d->context);
  g_free (d->election);
  g_free (d->slug);
  g_free (d->presiding);
  g_free (d->clerk);
  g_free (d->counter);
  g_free (d->counting);
  g_free (d->both);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (District, district_clear)

/* The demo's May poll, the first of a combination with a Police and Crime Commissioner poll,
 * with Nottinghamshire's rates. */
static void
open_may_poll (EdTestDir *fixture,
               District  *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) elections = NULL;
  g_autofree char *pcc = NULL;
  EdElectionNew details = { .kind = ED_ELECTION_PCC, .country = ED_COUNTRY_ENGLAND };

  d->context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  elections = ed_election_list (d->context, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (elections, i);

      if (election->kind == ED_ELECTION_LOCAL && !ed_election_is_combined (election))
        {
          g_autofree char *poll = ed_date_format_iso (&election->poll);

          d->election = g_strdup (election->id);
          d->slug = g_strdup (election->slug);
          g_assert_cmpstr (poll, ==, POLLING_DAY);
        }
    }
  g_assert_nonnull (d->election);
  g_assert_true (ed_fee_scale_load (d->context, NOTTS, d->election, &error));
  g_assert_no_error (error);

  g_date_clear (&details.poll, 1);
  g_assert_true (ed_date_parse_iso (POLLING_DAY, &details.poll, NULL));
  details.combine_with = d->election;
  pcc = ed_election_add (d->context, &details, &error);
  g_assert_no_error (error);
}

/* The people of the worked examples of test-staff-pay-rules.c (DOMAIN.md §4.2 (a), §4.3). */
static void
staff_may_poll (District *d)
{
  g_autofree char *po = NULL;
  g_autofree char *pc = NULL;
  g_autofree char *dev_pc = NULL;
  g_autofree char *dev_po = NULL;

  /* A presiding officer at a combined poll: 15½ hours, trained, home to the station by car
   * (commuting, the role's default) and the ballot box to the count with a clerk (business). */
  d->presiding = add_person (d->context, "Archer", "Ann", "PR-A", "AB123456C");
  po = add_appointment (d->context, d->election, d->presiding, ED_STAFF_ROLE_PRESIDING_OFFICER,
                        ED_STAFF_PLACE_STATION, "", 930, 0);
  add_journey (d->context, po, "Home to Mill Lane Hall", 35, 0, NULL);
  add_journey (d->context, po, "Ballot box to the count", 124, 1,
               ed_journey_purpose_to_string (ED_JOURNEY_BUSINESS));
  add_training (d->context, d->presiding, ED_STAFF_ROLE_PRESIDING_OFFICER, "2027-04-10", "");

  /* A poll clerk at the combined poll for 15 hours, whose training ran out before polling day,
   * so no training fee. */
  d->clerk = add_person (d->context, "Baker", "Ben", "PR-B", "AB123457C");
  pc = add_appointment (d->context, d->election, d->clerk, ED_STAFF_ROLE_POLL_CLERK,
                        ED_STAFF_PLACE_STATION, POLLING_DAY, 900, 0);
  add_training (d->context, d->clerk, ED_STAFF_ROLE_POLL_CLERK, "2025-04-01", "2027-05-05");

  /* A count assistant by the hour, the next day: 4½ hours, 2¼ at the enhanced rate. */
  d->counter = add_person (d->context, "Cole", "Cara", "PR-C", "AB123458C");
  d->counting = add_appointment (d->context, d->election, d->counter,
                                 ED_STAFF_ROLE_COUNT_ASSISTANT, ED_STAFF_PLACE_COUNT, COUNT_DAY,
                                 270, 135);

  /* One person in two roles on polling day: one supplement, the presiding officer's. */
  d->both = add_person (d->context, "Dutta", "Dev", "PR-D", "AB123459C");
  dev_pc = add_appointment (d->context, d->election, d->both, ED_STAFF_ROLE_POLL_CLERK,
                            ED_STAFF_PLACE_STATION, "", 450, 0);
  dev_po = add_appointment (d->context, d->election, d->both, ED_STAFF_ROLE_PRESIDING_OFFICER,
                            ED_STAFF_PLACE_STATION, "", 480, 0);
}

static EdPayroll *
compute (District *d)
{
  g_autoptr(GError) error = NULL;
  EdPayroll *payroll = ed_payroll_compute (d->context, d->slug, &error);

  g_assert_no_error (error);
  g_assert_nonnull (payroll);
  return payroll;
}

static char *
approve (District *d)
{
  g_autoptr(GError) error = NULL;
  char *run_id = NULL;

  g_assert_true (ed_payroll_approve (d->context, d->election, "Priya Natarajan", &run_id,
                                     &error));
  g_assert_no_error (error);
  g_assert_nonnull (run_id);
  return run_id;
}

static EdPayrollPerson *
find_person (EdPayroll  *payroll,
             const char *id)
{
  for (guint i = 0; i < payroll->people->len; i++)
    {
      EdPayrollPerson *person = g_ptr_array_index (payroll->people, i);

      if (g_str_equal (person->id, id))
        return person;
    }
  return NULL;
}

/* The figures of test-staff-pay-rules.c, person by person, in pence. */
#define ANN_TOTAL 34648       /* 24692 + 4938 + 4240 + 158 + 558 + 62 */
#define ANN_TAXABLE 34028
#define BEN_TOTAL 18756       /* 15630 + 3126: no training fee */
#define CARA_TOTAL 10436      /* 5963 + 4473 */
#define DEV_TOTAL 23108       /* 7815 + 12744 + 2549 */
#define ALL_TOTAL (ANN_TOTAL + BEN_TOTAL + CARA_TOTAL + DEV_TOTAL)

static void
assert_may_totals (EdPayroll             *payroll,
                   const EdPayrollTotals *totals)
{
  g_assert_cmpint (totals->gross, ==, ALL_TOTAL);
  g_assert_cmpint (totals->gross, ==, 86948);
  g_assert_cmpint (totals->taxable, ==, 86328);
  g_assert_cmpint (totals->non_taxable, ==, 620);
  g_assert_cmpint (totals->nic[ED_NIC_ELECTION], ==, 86948);
  g_assert_cmpint (totals->nic[ED_NIC_REGISTRATION], ==, 0);
  /* Fees and supplements at the stations, the count's, training, and travel. */
  g_assert_cmpint (totals->cost_heads[ED_COST_STAFF_STATIONS], ==,
                   24692 + 4938 + 15630 + 3126 + 7815 + 12744 + 2549);
  g_assert_cmpint (totals->cost_heads[ED_COST_STAFF_COUNT], ==, 5963 + 4473);
  g_assert_cmpint (totals->cost_heads[ED_COST_TRAINING], ==, 4240);
  g_assert_cmpint (totals->cost_heads[ED_COST_TRAVEL_SUBSISTENCE], ==, 158 + 558 + 62);
  g_assert_cmpint (totals->n_lines, ==, 13);
}

/* Tests ----------------------------------------------------------------------------------------- */

/* Every attended appointment paid under the rules, from the district's rows: the worked
 * examples to the penny, person by person and cost head by cost head (DOMAIN.md §4.2 (a),
 * §4.3); training paid only when current on the day; all of it pending before any approval. */
static void
test_compute (EdTestDir     *fixture,
              gconstpointer  data)
{
  g_auto(District) d = { 0, };
  g_autoptr(EdPayroll) payroll = NULL;
  static const char *names[] = { "Archer", "Baker", "Cole", "Dutta" };
  EdPayrollPerson *ann, *ben, *cara, *dev;

  open_may_poll (fixture, &d);
  staff_may_poll (&d);
  payroll = compute (&d);

  g_assert_true (payroll->combined);
  g_assert_cmpuint (payroll->people->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (((EdPayrollPerson *)g_ptr_array_index (payroll->people, i))->family_name,
                     ==, names[i]);
  ann = find_person (payroll, d.presiding);
  ben = find_person (payroll, d.clerk);
  cara = find_person (payroll, d.counter);
  dev = find_person (payroll, d.both);

  g_assert_cmpint (ann->total.gross, ==, ANN_TOTAL);
  g_assert_cmpint (ann->total.taxable, ==, ANN_TAXABLE);
  g_assert_cmpint (ann->total.non_taxable, ==, 620);
  g_assert_cmpint (ann->total.cost_heads[ED_COST_TRAINING], ==, 4240);
  g_assert_cmpuint (ann->total.n_lines, ==, 6);
  g_assert_cmpint (ben->total.gross, ==, BEN_TOTAL);
  g_assert_cmpint (ben->total.cost_heads[ED_COST_TRAINING], ==, 0);
  g_assert_cmpint (cara->total.gross, ==, CARA_TOTAL);
  g_assert_cmpint (cara->total.cost_heads[ED_COST_STAFF_COUNT], ==, CARA_TOTAL);
  g_assert_cmpint (dev->total.gross, ==, DEV_TOTAL);
  g_assert_cmpuint (dev->total.n_lines, ==, 3);

  assert_may_totals (payroll, &payroll->total);
  assert_may_totals (payroll, &payroll->pending_total);
  g_assert_cmpint (payroll->approved.gross, ==, 0);
  g_assert_cmpuint (payroll->pending->len, ==, 13);
  g_assert_cmpuint (payroll->reversals->len, ==, 0);
  for (guint i = 0; i < payroll->lines->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (payroll->lines, i);
      g_autofree char *work_date = ed_date_format_iso (&line->work_date);

      g_assert_cmpint (line->state, ==, ED_PAYROLL_LINE_NEW);
      g_assert_null (line->id);
      /* The count assistant worked the next day; everyone else polling day. */
      g_assert_cmpstr (work_date, ==, line->person == cara ? COUNT_DAY : POLLING_DAY);
    }
  /* The lines come person by person, each person's in the rules' order. */
  {
    EdPayrollLine *first = g_ptr_array_index (payroll->lines, 0);

    g_assert_true (first->person == ann);
    g_assert_cmpint (first->element, ==, ED_PAY_FEE);
    g_assert_cmpint (first->quantity, ==, 930);
    g_assert_cmpint (first->amount, ==, 24692);
  }
}

/* Approval writes one run and its lines in one change set, with the total and a digest of
 * its lines; the payroll is then all paid; approving again with nothing changed is refused
 * and writes nothing (SYNC.md §4.10). */
static void
test_approve (EdTestDir     *fixture,
              gconstpointer  data)
{
  g_auto(District) d = { 0, };
  g_autoptr(EdPayroll) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *run_id = NULL;
  g_autofree char *again = NULL;
  g_autofree char *approved_on = NULL;
  EdPayrollRun *run;

  open_may_poll (fixture, &d);
  staff_may_poll (&d);
  run_id = approve (&d);

  g_assert_cmpint (count_rows (d.context, "SELECT count(*) FROM payroll_run"), ==, 1);
  g_assert_cmpint (count_rows (d.context, "SELECT count(*) FROM pay_line"), ==, 13);
  g_assert_cmpint (count_rows (d.context, "SELECT sum(amount) FROM pay_line"), ==, ALL_TOTAL);
  g_assert_cmpint (count_rows (d.context, "SELECT count(*) FROM pay_line WHERE reverses != ''"),
                   ==, 0);

  after = compute (&d);
  g_assert_cmpuint (after->runs->len, ==, 1);
  run = g_ptr_array_index (after->runs, 0);
  g_assert_cmpstr (run->id, ==, run_id);
  g_assert_cmpstr (run->approved_by, ==, "Priya Natarajan");
  /* The tests' today (ED_TODAY). */
  approved_on = ed_date_format_iso (&run->approved_on);
  g_assert_cmpstr (approved_on, ==, "2030-01-02");
  g_assert_cmpuint (run->n_lines, ==, 13);
  g_assert_cmpint (run->total, ==, ALL_TOTAL);
  g_assert_cmpuint (strlen (run->digest), ==, 64);
  g_assert_cmpuint (after->pending->len, ==, 0);
  for (guint i = 0; i < after->lines->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (after->lines, i);

      g_assert_cmpint (line->state, ==, ED_PAYROLL_LINE_PAID);
      g_assert_cmpstr (line->run, ==, run_id);
    }
  assert_may_totals (after, &after->total);
  assert_may_totals (after, &after->approved);
  g_assert_cmpint (after->pending_total.gross, ==, 0);

  g_assert_false (ed_payroll_approve (d.context, d.election, NULL, &again, &error));
  g_assert_error (error, ED_PAYROLL_ERROR, ED_PAYROLL_ERROR_NOTHING_PENDING);
  g_clear_error (&error);
  g_assert_null (again);
  g_assert_cmpint (count_rows (d.context, "SELECT count(*) FROM payroll_run"), ==, 1);
  g_assert_cmpint (count_rows (d.context, "SELECT count(*) FROM pay_line"), ==, 13);

  /* A run's lines as written give its digest: the validator finds nothing. */
  g_assert_true (ed_validate_run (ED_REPLICA (d.context), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (d.context, "SELECT count(*) FROM validation_item "
                                          "WHERE validator = 'payroll-run-changed'"), ==, 0);
}

/* After approval, the count assistant's hours are corrected from 4½ to 5: her fee line is
 * reversed and a new one written, her enhanced hours stand; the poll clerk turns out not to
 * have attended, and both his lines are reversed. The second run holds just those lines, and
 * the ledger nets to the new figures (SYNC.md §4.10). */
static void
test_correction (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_auto(District) d = { 0, };
  g_autoptr(EdPayroll) corrected = NULL;
  g_autoptr(EdPayroll) settled = NULL;
  g_autofree char *first_run = NULL;
  g_autofree char *second_run = NULL;
  g_autofree char *old_fee = NULL;
  g_autofree char *sql = NULL;
  EdPayrollPerson *cara, *ben;
  guint n_reversals = 0, n_new = 0;

  open_may_poll (fixture, &d);
  staff_may_poll (&d);
  first_run = approve (&d);

  set_value (d.context, "staff_appointment", d.counting, "minutes", g_variant_new_int64 (300));
  {
    g_autoptr(GPtrArray) ids = g_ptr_array_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (
      ed_context_get_database (d.context),
      "SELECT id FROM staff_appointment WHERE person = ?1", &error);

    g_assert_no_error (error);
    sqlite3_bind_text (stmt, 1, d.clerk, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    set_value (d.context, "staff_appointment", (const char *)sqlite3_column_text (stmt, 0),
               "state", g_variant_new_string (ed_appointment_state_to_string (
                                                ED_APPOINTMENT_DID_NOT_ATTEND)));
  }

  corrected = compute (&d);
  cara = find_person (corrected, d.counter);
  ben = find_person (corrected, d.clerk);
  g_assert_nonnull (ben);
  /* 1325p × 5 h = 6625p, where 4½ h paid 5963p; the enhanced 4473p stands. */
  g_assert_cmpint (cara->total.gross, ==, 6625 + 4473);
  g_assert_cmpint (cara->approved.gross, ==, CARA_TOTAL);
  g_assert_cmpint (cara->pending.gross, ==, 6625 - 5963);
  g_assert_cmpint (ben->total.gross, ==, 0);
  g_assert_cmpint (ben->pending.gross, ==, -BEN_TOTAL);
  g_assert_cmpuint (corrected->reversals->len, ==, 3);
  for (guint i = 0; i < corrected->pending->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (corrected->pending, i);

      if (line->state == ED_PAYROLL_LINE_REVERSAL)
        {
          n_reversals++;
          g_assert_cmpint (line->amount, <, 0);
          g_assert_cmpstr (line->reverses, !=, "");
          if (line->person == cara)
            {
              g_assert_cmpint (line->amount, ==, -5963);
              g_assert_cmpint (line->quantity, ==, -270);
              old_fee = g_strdup (line->reverses);
            }
        }
      else
        {
          n_new++;
          g_assert_true (line->person == cara);
          g_assert_cmpint (line->amount, ==, 6625);
          g_assert_cmpint (line->quantity, ==, 300);
        }
    }
  g_assert_cmpuint (n_reversals, ==, 3);
  g_assert_cmpuint (n_new, ==, 1);
  g_assert_nonnull (old_fee);
  g_assert_cmpint (corrected->approved.gross + corrected->pending_total.gross, ==,
                   corrected->total.gross);

  second_run = approve (&d);
  g_assert_cmpstr (second_run, !=, first_run);
  g_assert_cmpint (count_rows (d.context, "SELECT count(*) FROM payroll_run"), ==, 2);
  g_assert_cmpint (count_rows (d.context, "SELECT count(*) FROM pay_line"), ==, 13 + 4);
  /* The first run's lines are as they were approved. */
  sql = g_strdup_printf ("SELECT amount FROM pay_line WHERE id = '%s'", old_fee);
  g_assert_cmpint (count_rows (d.context, sql), ==, 5963);

  settled = compute (&d);
  g_assert_cmpuint (settled->pending->len, ==, 0);
  g_assert_cmpuint (settled->runs->len, ==, 2);
  g_assert_cmpint (((EdPayrollRun *)g_ptr_array_index (settled->runs, 1))->total, ==,
                   6625 - 5963 - BEN_TOTAL);
  g_assert_cmpint (find_person (settled, d.counter)->approved.gross, ==, 6625 + 4473);
  g_assert_cmpint (find_person (settled, d.clerk)->approved.gross, ==, 0);
  g_assert_cmpint (settled->approved.gross, ==, ALL_TOTAL - BEN_TOTAL + 6625 - 5963);
  g_assert_cmpint (settled->approved.gross, ==, settled->total.gross);
  g_assert_cmpint (count_rows (d.context, "SELECT sum(amount) FROM pay_line"), ==,
                   settled->total.gross);
}

static guint
count_run_changed (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n = 0;

  g_assert_true (ed_validate_run (ED_REPLICA (context), &error));
  g_assert_no_error (error);
  items = ed_validate_list_items (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      EdValidationItem *item = g_ptr_array_index (items, i);

      if (!g_str_equal (item->validator, "payroll-run-changed"))
        continue;
      g_test_message ("%s", item->message);
      g_assert_cmpstr (item->tbl, ==, "payroll_run");
      g_assert_nonnull (strstr (item->message, "Priya Natarajan"));
      g_assert_nonnull (strstr (item->message, "2 January 2030"));
      n++;
    }
  return n;
}

/* An approved line changed, or deleted, by an op no desk of this program writes (a forged
 * desk's, or an edit of the database) no longer gives its run's digest, and the validator
 * says so in a sentence (SYNC.md §4.10). */
static void
test_forged_line (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_auto(District) d = { 0, };
  g_autofree char *run_id = NULL;
  g_autofree char *line_id = NULL;
  g_autofree char *other_id = NULL;
  g_autoptr(GError) error = NULL;

  open_may_poll (fixture, &d);
  staff_may_poll (&d);
  run_id = approve (&d);
  g_assert_cmpuint (count_run_changed (d.context), ==, 0);

  {
    g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (
      ed_context_get_database (d.context), "SELECT id FROM pay_line ORDER BY id", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    line_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    other_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  }

  /* A line paid £1,000 more. */
  set_value (d.context, "pay_line", line_id, "amount", g_variant_new_int64 (24692 + 100000));
  g_assert_cmpuint (count_run_changed (d.context), ==, 1);

  /* Put back, the run is as approved again. */
  set_value (d.context, "pay_line", line_id, "amount", g_variant_new_int64 (24692));
  g_assert_cmpuint (count_run_changed (d.context), ==, 0);

  /* A line deleted. */
  {
    g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (d.context), &error);

    g_assert_no_error (error);
    g_assert_true (ed_change_set_delete (change_set, "pay_line", other_id, &error));
    g_assert_true (ed_change_set_commit (change_set, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_run_changed (d.context), ==, 1);
}

/* HMRC's 45p a mile for the first 10,000 business miles by car of the tax year, 25p after,
 * across two elections (DOMAIN.md §4.3): an inspector paid 9,990 business miles at the May
 * poll drives 30 at a by-election in July of the same tax year, 10 at 45p and 20 at 25p. The
 * May poll's payroll, worked out again after, still counts none of July's miles: they came
 * later. */
static void
test_mileage_step_two_elections (EdTestDir     *fixture,
                                 gconstpointer  data)
{
  g_auto(District) d = { 0, };
  g_autoptr(EdPayroll) july = NULL;
  g_autoptr(EdPayroll) may_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *inspector = NULL;
  g_autofree char *may = NULL;
  g_autofree char *july_id = NULL;
  g_autofree char *july_round = NULL;
  g_autofree char *run = NULL;
  g_autofree char *july_run = NULL;
  EdElectionNew details = { .kind = ED_ELECTION_LOCAL, .country = ED_COUNTRY_ENGLAND };
  guint n_mileage = 0;

  open_may_poll (fixture, &d);
  inspector = add_person (d.context, "Evans", "Eli", "PR-E", "AB123460C");
  may = add_appointment (d.context, d.election, inspector, ED_STAFF_ROLE_STATION_INSPECTOR,
                         ED_STAFF_PLACE_STATION, "", 960, 0);
  /* An inspector's rounds are business travel by the role's default. */
  add_journey (d.context, may, "Rounds of the year so far", 99900, 0, NULL);
  run = approve (&d);

  g_date_clear (&details.poll, 1);
  g_date_set_dmy (&details.poll, 15, G_DATE_JULY, 2027);
  july_id = ed_election_add (d.context, &details, &error);
  g_assert_no_error (error);
  g_assert_true (ed_fee_scale_load (d.context, NOTTS, july_id, &error));
  g_assert_no_error (error);
  july_round = add_appointment (d.context, july_id, inspector, ED_STAFF_ROLE_STATION_INSPECTOR,
                                ED_STAFF_PLACE_STATION, "", 600, 0);
  add_journey (d.context, july_round, "Round of the northern stations", 300, 0, NULL);

  july = ed_payroll_compute (d.context, july_id, &error);
  g_assert_no_error (error);
  g_assert_false (july->combined);
  for (guint i = 0; i < july->lines->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (july->lines, i);

      if (line->element != ED_PAY_MILEAGE)
        continue;
      g_assert_false (line->taxable);
      g_assert_cmpint (line->quantity, ==, n_mileage == 0 ? 100 : 200);
      g_assert_cmpint (line->rate, ==, n_mileage == 0 ? 45 : 25);
      g_assert_cmpint (line->amount, ==, n_mileage == 0 ? 450 : 500);
      n_mileage++;
    }
  g_assert_cmpuint (n_mileage, ==, 2);
  g_assert_true (ed_payroll_approve (d.context, july_id, NULL, &july_run, &error));
  g_assert_no_error (error);

  may_again = compute (&d);
  g_assert_cmpuint (may_again->pending->len, ==, 0);
}

/* The CSV the council's payroll imports: a row per line of the ledger, a reversal a row of
 * its own; the NI number whole; the headings and element codes of the mapping, its defaults
 * until the council sets its own. */
static void
test_csv (EdTestDir     *fixture,
          gconstpointer  data)
{
  g_auto(District) d = { 0, };
  g_autofree char *path = ed_test_dir_file (fixture, "payroll.csv");
  g_autofree char *run = NULL;
  g_autofree char *second = NULL;
  g_autofree char *text = NULL;
  g_autofree char *mapped = NULL;
  g_auto(GStrv) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdPayrollMapping) mapping = NULL;

  open_may_poll (fixture, &d);
  staff_may_poll (&d);

  /* Nothing approved: nothing to export, and no file. */
  g_assert_false (ed_payroll_export_csv (d.context, d.election, path, &error));
  g_assert_error (error, ED_PAYROLL_ERROR, ED_PAYROLL_ERROR_NOT_APPROVED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ed_test_dir_assert_no_temporaries (fixture->dir);

  run = approve (&d);
  set_value (d.context, "staff_appointment", d.counting, "minutes", g_variant_new_int64 (300));
  second = approve (&d);

  /* Every run, for the record. */
  g_assert_true (ed_payroll_export_csv_run (d.context, d.slug, 0, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  rows = g_strsplit (text, "\r\n", -1);
  /* The heading, 13 lines of the first run and 2 of the second, and the end. */
  g_assert_cmpuint (g_strv_length (rows), ==, 1 + 13 + 2 + 1);
  g_assert_cmpstr (rows[0], ==, "Payroll reference,NI number,Element,Amount,Taxable,"
                                "NIC category,Work date,Description");
  /* The first run person by person, each in the rules' order. */
  g_assert_cmpstr (rows[1], ==, "PR-A,AB123456C,ELECFEE,246.92,Y,ELECTION,2027-05-06,"
                                "Presiding officer");
  g_assert_cmpstr (rows[2], ==, "PR-A,AB123456C,ELECSUP,49.38,Y,ELECTION,2027-05-06,"
                                "Presiding officer");
  g_assert_cmpstr (rows[3], ==, "PR-A,AB123456C,ELECTRN,42.40,Y,ELECTION,2027-05-06,"
                                "Presiding officer");
  g_assert_cmpstr (rows[4], ==, "PR-A,AB123456C,MILEAGE,1.58,Y,ELECTION,2027-05-06,"
                                "Home to Mill Lane Hall");
  g_assert_cmpstr (rows[5], ==, "PR-A,AB123456C,MILEAGE,5.58,N,ELECTION,2027-05-06,"
                                "Ballot box to the count");
  g_assert_cmpstr (rows[6], ==, "PR-A,AB123456C,PASSMILE,0.62,N,ELECTION,2027-05-06,"
                                "Ballot box to the count");
  g_assert_cmpstr (rows[9], ==, "PR-C,AB123458C,ELECFEE,59.63,Y,ELECTION,2027-05-07,"
                                "Count assistant");
  g_assert_cmpstr (rows[10], ==, "PR-C,AB123458C,ELECENH,44.73,Y,ELECTION,2027-05-07,"
                                 "Count assistant");
  /* The second run: the reversal, negative, then the new fee. */
  g_assert_cmpstr (rows[14], ==, "PR-C,AB123458C,ELECFEE,-59.63,Y,ELECTION,2027-05-07,"
                                 "Count assistant");
  g_assert_cmpstr (rows[15], ==, "PR-C,AB123458C,ELECFEE,66.25,Y,ELECTION,2027-05-07,"
                                 "Count assistant");
  g_assert_cmpstr (rows[16], ==, "");

  /* The file the payroll takes after the correction is the correction alone: the first
   * run's lines again would pay them twice. */
  g_assert_true (ed_payroll_export_csv (d.context, d.slug, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_cmpstr (text, ==, "Payroll reference,NI number,Element,Amount,Taxable,"
                             "NIC category,Work date,Description\r\n"
                             "PR-C,AB123458C,ELECFEE,-59.63,Y,ELECTION,2027-05-07,"
                             "Count assistant\r\n"
                             "PR-C,AB123458C,ELECFEE,66.25,Y,ELECTION,2027-05-07,"
                             "Count assistant\r\n");
  g_clear_pointer (&text, g_free);
  g_assert_true (ed_payroll_export_csv_run (d.context, d.slug, 1, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_clear_pointer (&rows, g_strfreev);
  rows = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 1 + 13 + 1);
  g_assert_cmpstr (rows[10], ==, "PR-C,AB123458C,ELECENH,44.73,Y,ELECTION,2027-05-07,"
                                 "Count assistant");
  /* A run there is not: an error, and the last file as it was. */
  g_assert_false (ed_payroll_export_csv_run (d.context, d.slug, 3, path, &error));
  g_assert_error (error, ED_PAYROLL_ERROR, ED_PAYROLL_ERROR_NO_SUCH_RUN);
  g_assert_nonnull (strstr (error->message, "2 approved runs"));
  g_clear_error (&error);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_nonnull (strstr (text, ",ELECENH,44.73,"));

  /* The council's own headings and codes; an empty value puts the default back. */
  mapping = ed_payroll_mapping_load (d.context, &error);
  g_assert_no_error (error);
  g_assert_false (mapping->is_set[ED_PAYROLL_MAPPING_ELEMENT_FEE]);
  g_assert_true (ed_payroll_mapping_set (d.context, ED_PAYROLL_MAPPING_ELEMENT_FEE, "E101",
                                         &error));
  g_assert_true (ed_payroll_mapping_set (d.context, ED_PAYROLL_MAPPING_COLUMN_AMOUNT,
                                         "  Value, £ ", &error));
  g_assert_true (ed_payroll_mapping_set (d.context, ED_PAYROLL_MAPPING_NIC_ELECTION, "X",
                                         &error));
  g_assert_true (ed_payroll_mapping_set (d.context, ED_PAYROLL_MAPPING_ELEMENT_TRAINING, "T9",
                                         &error));
  g_assert_true (ed_payroll_mapping_set (d.context, ED_PAYROLL_MAPPING_ELEMENT_TRAINING, "",
                                         &error));
  g_assert_no_error (error);
  g_assert_false (ed_payroll_mapping_set (d.context, ED_PAYROLL_MAPPING_ELEMENT_MILEAGE,
                                          "M\nILE", &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (d.context, "SELECT count(*) FROM payroll_mapping"), ==, 3);

  g_assert_true (ed_payroll_export_csv_run (d.context, d.slug, 1, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &mapped, NULL, &error));
  g_assert_true (g_str_has_prefix (mapped, "Payroll reference,NI number,Element,\"Value, £\","
                                           "Taxable,NIC category,Work date,Description\r\n"
                                           "PR-A,AB123456C,E101,246.92,Y,X,2027-05-06,"
                                           "Presiding officer\r\n"));
  g_assert_nonnull (strstr (mapped, ",ELECTRN,42.40,"));
  ed_test_dir_assert_no_temporaries (fixture->dir);
}

/* The workbook read back with a library (openpyxl), not by eye: amounts are numbers in
 * pounds with a currency format; each person's and each cost head's total is a formula over
 * the right rows, whose value, and the value it carries, are ed_payroll's to the penny. */
static void
test_xlsx (EdTestDir     *fixture,
           gconstpointer  data)
{
  g_auto(District) d = { 0, };
  g_autofree char *path = ed_test_dir_file (fixture, "payroll.xlsx");
  g_autofree char *expected_path = ed_test_dir_file (fixture, "expected.json");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "unit", "read-payroll-xlsx.py",
                                                   NULL);
  g_autofree char *run = NULL;
  g_autofree char *second = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(EdPayroll) payroll = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  const char *argv[] = { "/usr/bin/python3", script, path, expected_path, NULL };

  open_may_poll (fixture, &d);
  staff_may_poll (&d);
  run = approve (&d);
  set_value (d.context, "staff_appointment", d.counting, "minutes", g_variant_new_int64 (300));
  second = approve (&d);
  g_assert_true (ed_payroll_export_xlsx (d.context, d.slug, path, &error));
  g_assert_no_error (error);
  ed_test_dir_assert_no_temporaries (fixture->dir);

  payroll = ed_payroll_load_approved (d.context, d.election, &error);
  g_assert_no_error (error);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sheet");
  json_builder_add_string_value (builder, d.slug);
  json_builder_set_member_name (builder, "lines");
  json_builder_add_int_value (builder, payroll->ledger->len);
  json_builder_set_member_name (builder, "gross");
  json_builder_add_int_value (builder, payroll->approved.gross);
  json_builder_set_member_name (builder, "taxable");
  json_builder_add_int_value (builder, payroll->approved.taxable);
  json_builder_set_member_name (builder, "non_taxable");
  json_builder_add_int_value (builder, payroll->approved.non_taxable);
  json_builder_set_member_name (builder, "people");
  json_builder_begin_object (builder);
  for (guint i = 0; i < payroll->people->len; i++)
    {
      EdPayrollPerson *person = g_ptr_array_index (payroll->people, i);
      g_autofree char *name = ed_payroll_person_get_sort_name (person);

      json_builder_set_member_name (builder, name);
      json_builder_add_int_value (builder, person->approved.gross);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "cost_heads");
  json_builder_begin_object (builder);
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    if (payroll->approved.cost_heads[h] != 0)
      {
        json_builder_set_member_name (builder, ed_cost_head_get_display_name (h));
        json_builder_add_int_value (builder, payroll->approved.cost_heads[h]);
      }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  g_assert_true (json_generator_to_file (generator, expected_path, &error));
  g_assert_no_error (error);
  /* The figures the workbook must hold, by hand as well as from ed_payroll. */
  g_assert_cmpint (payroll->approved.gross, ==, ALL_TOTAL + 6625 - 5963);

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  if (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 77)
    {
      g_test_skip ("python3-openpyxl is not installed: the workbook is not read back");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_nonnull (strstr (out, "workbook ok"));
}

/* The fee statements, read back with pdftotext: a person's lines and total, how the pay is
 * taxed (DOMAIN.md §4.4), and the NI number masked, as a statement goes by post. */
/* The disk fills up half way through the workbook (ed-test-full-disk.h): the error names the
 * file and says the disk is full, in the words every file written whole or not at all uses
 * (ed_output_file_set_error ()), and nothing is left under any name. */
static void
test_xlsx_full_disk (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_auto(District) d = { 0, };
  g_autofree char *out = ed_test_dir_file (fixture, "out");
  g_autofree char *path = g_build_filename (out, "payroll.xlsx", NULL);
  g_autofree char *run = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) full = NULL;
  g_autoptr(GDir) left = NULL;
  GStatBuf whole;
  gboolean written;

  open_may_poll (fixture, &d);
  staff_may_poll (&d);
  run = approve (&d);
  g_assert_no_errno (g_mkdir (out, 0700));
  /* Written on a disk with room first, for its size. */
  g_assert_true (ed_payroll_export_xlsx (d.context, d.slug, path, &error));
  g_assert_no_error (error);
  g_assert_no_errno (g_stat (path, &whole));
  g_assert_no_errno (g_unlink (path));

  ed_test_full_disk_begin ((guint64)whole.st_size / 2);
  written = ed_payroll_export_xlsx (d.context, d.slug, path, &error);
  ed_test_full_disk_end ();

  g_assert_false (written);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  ed_output_file_set_error (&full, path, EFBIG);
  g_assert_cmpstr (error->message, ==, full->message);
  left = g_dir_open (out, 0, NULL);
  g_assert_nonnull (left);
  g_assert_null (g_dir_read_name (left));
}

static void
test_statements (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_auto(District) d = { 0, };
  g_autofree char *path = ed_test_dir_file (fixture, "statements.pdf");
  g_autofree char *run = NULL;
  g_autofree char *text = NULL;
  g_autoptr(EdDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint n_people = 0;

  open_may_poll (fixture, &d);
  staff_may_poll (&d);
  g_assert_false (ed_payroll_statements_pdf (d.context, d.election, path, &error));
  g_assert_error (error, ED_PAYROLL_ERROR, ED_PAYROLL_ERROR_NOT_APPROVED);
  g_clear_error (&error);

  run = approve (&d);
  document = ed_payroll_statements_document (d.context, d.election, &n_people, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_people, ==, 4);
  /* A page each at least. */
  g_assert_cmpuint (ed_document_paginate (document, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT),
                    >=, 4);
  g_assert_true (ed_payroll_statements_pdf (d.context, d.slug, path, &error));
  g_assert_no_error (error);

  text = ed_test_pdf_text (path, "-layout", NULL);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Fee Statement"));
  g_assert_nonnull (strstr (text, "Ann Archer"));
  g_assert_nonnull (strstr (text, "Payroll reference: PR-A"));
  g_assert_nonnull (strstr (text, "Total: £346.48"));
  g_assert_nonnull (strstr (text, "Taxable pay: £340.28"));
  g_assert_nonnull (strstr (text, "Not taxable: £6.20"));
  g_assert_nonnull (strstr (text, "Total: £104.36"));
  g_assert_nonnull (strstr (text, "Ballot box to the count"));
  g_assert_nonnull (strstr (text, "no Class 1 National Insurance"));
  /* Masked: the end only, never the whole number however it is spaced. */
  g_assert_nonnull (strstr (text, "56 C"));
  g_assert_null (strstr (text, "AB123456C"));
  g_assert_null (strstr (text, "AB 12 34 56 C"));
  g_assert_null (strstr (text, "123456"));
}

/* A statement is written as the appointment letters are: in a district in Welsh-language
 * mode, Welsh first and then English; Welsh only to a person whose language is Welsh. The
 * role is named from the appointment in the statement's language, whatever the language of
 * the desk that ran the payroll. */
static void
test_statements_welsh (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_auto(District) d = { 0, };
  g_autofree char *path = ed_test_dir_file (fixture, "statements.pdf");
  g_autofree char *run = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  EdDistrictSettings *settings;
  const char *archer, *cole;

  open_may_poll (fixture, &d);
  staff_may_poll (&d);
  settings = ed_context_get_settings (d.context);
  g_assert_true (ed_district_settings_set (settings, "country", "wales", &error));
  g_assert_true (ed_district_settings_set (settings, "welsh-language", "true", &error));
  g_assert_no_error (error);
  ed_test_register_set (d.context, "staff_person", d.counter, "language",
                        g_variant_new_string ("cy"));
  run = approve (&d);
  g_assert_true (ed_payroll_statements_pdf (d.context, d.election, path, &error));
  g_assert_no_error (error);

  text = ed_test_pdf_text (path, "-layout", NULL);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Datganiad Ffioedd / Fee Statement"));

  /* Ann Archer: Welsh, then English. */
  archer = strstr (text, "Ann Archer");
  g_assert_nonnull (archer);
  g_assert_nonnull (strstr (archer, "Cyfeirnod y gyflogres: PR-A"));
  g_assert_nonnull (strstr (archer, "Ffi: Swyddog llywyddu"));
  g_assert_nonnull (strstr (archer, "Cyfanswm: £346.48"));
  g_assert_nonnull (strstr (archer, "Tâl trethadwy: £340.28"));
  g_assert_nonnull (strstr (archer, "Milltiroedd: Ballot box to the count"));
  g_assert_nonnull (strstr (archer, "Dosbarth 1"));
  g_assert_true (strstr (archer, "Cyfanswm: £346.48") < strstr (archer, "Total: £346.48"));
  g_assert_nonnull (strstr (archer, "Fee: Presiding officer"));

  /* Cara Cole, whose language is Welsh: Welsh only, hours in Welsh. */
  cole = strstr (text, "Cara Cole");
  g_assert_nonnull (cole);
  g_assert_nonnull (strstr (cole, "Cyfanswm: £104.36"));
  g_assert_nonnull (strstr (cole, "Cynorthwyydd cyfrif"));
  g_assert_nonnull (strstr (cole, " awr "));
  g_assert_null (strstr (text, "Total: £104.36"));
  g_assert_null (strstr (text, "Count assistant"));
}

ED_TEST_VOCAB_WRAP (payroll_mapping_key, EdPayrollMappingKey)

/* The mapping's settings are a vocabulary like any other (DESIGN.md §2): each key reads back
 * as itself, none is stored alike, each has a name for people and a default, and the comment
 * of 0020-payroll-mapping.sql names one of them. */
static void
test_mapping_keys (void)
{
  static const EdTestVocabulary vocabularies[] = {
    { "payroll mapping key", &ed_payroll_mapping_table, "key", FALSE, ED_N_PAYROLL_MAPPING_KEYS,
      ED_TEST_VOCAB_FUNCS (payroll_mapping_key) },
  };
  static const char * const unknown[] = { "", "Element_fee", "element fee", "fee", NULL };
  g_autoptr(GHashTable) columns =
    ed_test_vocab_read_module_sql (ed_staff_add_schema,
                                   "/org/electoraldesk/ElectoralDesk/staff/sql/"
                                   "0020-payroll-mapping.sql");

  ed_test_vocab_assert_round_trip (vocabularies, G_N_ELEMENTS (vocabularies));
  ed_test_vocab_assert_unknown_refused (vocabularies, G_N_ELEMENTS (vocabularies), unknown);
  g_assert_cmpuint (ed_test_vocab_assert_agrees_with_sql (vocabularies,
                                                          G_N_ELEMENTS (vocabularies), columns,
                                                          "0020-payroll-mapping.sql"), ==, 1);
  for (guint k = 0; k < ED_N_PAYROLL_MAPPING_KEYS; k++)
    g_assert_cmpstr (ed_payroll_mapping_get_default (k), !=, "");
}

/* The command line ------------------------------------------------------------------------ */

/* Runs a command that must succeed. */
static void
cli_ok (const char *db,
        ...)
{
  g_auto(EdTestCliResult) result = { 0 };
  const char *args[12] = { NULL, };
  guint n = 0;
  va_list ap;

  va_start (ap, db);
  while (n < G_N_ELEMENTS (args) - 1 && (args[n] = va_arg (ap, const char *)) != NULL)
    n++;
  va_end (ap);
  ed_test_cli_run_on (&result, db, args[0], args[1], args[2], args[3], args[4], args[5],
                      args[6], args[7], args[8], args[9], args[10], NULL);
  if (result.status != 0)
    g_error ("%s %s: %s", args[0], args[1], result.err);
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

/* `payroll run`, `approve`, `export`, `statements` and `mapping` as a person or a script uses
 * them: money as £1,234.56 on the screen and pence in JSON. */
static void
test_cli (EdTestDir     *fixture,
          gconstpointer  data)
{
  g_auto(District) d = { 0, };
  g_autofree char *db = ed_test_dir_file (fixture, "demo.db");
  g_autofree char *csv = ed_test_dir_file (fixture, "out.csv");
  g_autofree char *xlsx = ed_test_dir_file (fixture, "out.xlsx");
  g_autofree char *pdf = ed_test_dir_file (fixture, "out.pdf");
  g_auto(EdTestCliResult) run = { 0 };
  g_auto(EdTestCliResult) json = { 0 };
  g_auto(EdTestCliResult) approve_result = { 0 };
  g_auto(EdTestCliResult) again = { 0 };
  g_auto(EdTestCliResult) export_csv = { 0 };
  g_auto(EdTestCliResult) export_xlsx = { 0 };
  g_auto(EdTestCliResult) statements = { 0 };
  g_auto(EdTestCliResult) show = { 0 };
  g_auto(EdTestCliResult) set = { 0 };
  g_auto(EdTestCliResult) after = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) after_root = NULL;
  JsonObject *object, *total;
  JsonArray *people;
  g_autofree char *slug = NULL;

  open_may_poll (fixture, &d);
  staff_may_poll (&d);
  slug = g_strdup (d.slug);
  district_clear (&d);
  memset (&d, 0, sizeof d);

  ed_test_cli_run_on (&run, db, "payroll", "run", "--election", slug, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "a combined poll"));
  g_assert_nonnull (strstr (run.out, "Archer, Ann · PR-A"));
  g_assert_nonnull (strstr (run.out, "Total £346.48 (taxable £340.28, not taxable £6.20"));
  g_assert_nonnull (strstr (run.out, "Total £869.48"));
  g_assert_nonnull (strstr (run.out, "Pending: 13 lines, £869.48"));

  ed_test_cli_run_on (&json, db, "payroll", "run", "--election", slug, "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse (json.out);
  object = json_node_get_object (root);
  g_assert_true (json_object_get_boolean_member (object, "combined"));
  total = json_object_get_object_member (object, "total");
  g_assert_cmpint (json_object_get_int_member (total, "gross"), ==, ALL_TOTAL);
  g_assert_cmpint (json_object_get_int_member (total, "non_taxable"), ==, 620);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (total,
                                                                              "cost_heads"),
                                               "staff_count"), ==, CARA_TOTAL);
  people = json_object_get_array_member (object, "people");
  g_assert_cmpuint (json_array_get_length (people), ==, 4);
  {
    JsonObject *ann = json_array_get_object_element (people, 0);
    JsonArray *lines = json_object_get_array_member (ann, "lines");
    JsonObject *fee = json_array_get_object_element (lines, 0);

    g_assert_cmpstr (json_object_get_string_member (ann, "name"), ==, "Archer, Ann");
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (ann, "total"),
                                                 "gross"), ==, ANN_TOTAL);
    g_assert_cmpuint (json_array_get_length (lines), ==, 6);
    g_assert_cmpstr (json_object_get_string_member (fee, "state"), ==, "new");
    g_assert_cmpint (json_object_get_int_member (fee, "amount"), ==, 24692);
    g_assert_cmpint (json_object_get_int_member (fee, "quantity"), ==, 930);
    g_assert_false (json_object_has_member (ann, "ni_number"));
  }

  /* Nothing approved yet: nothing to export. */
  ed_test_cli_run_on (&export_csv, db, "payroll", "export", "--election", slug, "-o", csv, NULL);
  g_assert_cmpint (export_csv.status, ==, 1);
  g_assert_nonnull (strstr (export_csv.err, "approved"));
  ed_test_cli_result_clear (&export_csv);

  ed_test_cli_run_on (&approve_result, db, "payroll", "approve", "--election", slug, "--by",
                      "Owen Blakemore", NULL);
  g_assert_cmpint (approve_result.status, ==, 0);
  g_assert_nonnull (strstr (approve_result.out, "13 lines, £869.48"));
  ed_test_cli_run_on (&again, db, "payroll", "approve", "--election", slug, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "Nothing to approve"));

  ed_test_cli_run_on (&export_csv, db, "payroll", "export", "--election", slug, "-o", csv, NULL);
  g_assert_cmpint (export_csv.status, ==, 0);
  g_assert_nonnull (strstr (export_csv.out, "run 1 of 1, 13 lines, £869.48"));
  g_assert_cmpstr (export_csv.err, ==, "");
  ed_test_cli_result_clear (&export_csv);
  ed_test_cli_run_on (&export_csv, db, "payroll", "export", "--election", slug, "-o", csv,
                      "--run", "all", NULL);
  g_assert_cmpint (export_csv.status, ==, 0);
  g_assert_nonnull (strstr (export_csv.out, "13 approved lines"));
  ed_test_cli_result_clear (&export_csv);
  ed_test_cli_run_on (&export_csv, db, "payroll", "export", "--election", slug, "-o", csv,
                      "--run", "2", NULL);
  g_assert_cmpint (export_csv.status, ==, 1);
  g_assert_nonnull (strstr (export_csv.err, "There is no run 2"));
  ed_test_cli_run_on (&export_xlsx, db, "payroll", "export", "--election", slug, "-o", xlsx,
                      NULL);
  g_assert_cmpint (export_xlsx.status, ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  ed_test_cli_run_on (&statements, db, "payroll", "statements", "--election", slug, "-o", pdf,
                      NULL);
  g_assert_cmpint (statements.status, ==, 0);
  g_assert_nonnull (strstr (statements.out, "4 fee statements"));

  ed_test_cli_run_on (&show, db, "payroll", "mapping", "show", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "element_fee"));
  g_assert_nonnull (strstr (show.out, "ELECFEE"));
  g_assert_nonnull (strstr (show.out, "(default)"));
  ed_test_cli_run_on (&set, db, "payroll", "mapping", "set", "element_fee", "E101", "--json",
                      NULL);
  g_assert_cmpint (set.status, ==, 0);
  after_root = parse (set.out);
  {
    JsonArray *settings = json_node_get_array (after_root);
    gboolean found = FALSE;

    for (guint i = 0; i < json_array_get_length (settings); i++)
      {
        JsonObject *setting = json_array_get_object_element (settings, i);

        if (!g_str_equal (json_object_get_string_member (setting, "key"), "element_fee"))
          continue;
        found = TRUE;
        g_assert_cmpstr (json_object_get_string_member (setting, "value"), ==, "E101");
        g_assert_cmpstr (json_object_get_string_member (setting, "default"), ==, "ELECFEE");
        g_assert_true (json_object_get_boolean_member (setting, "set"));
      }
    g_assert_true (found);
  }
  ed_test_cli_run_on (&after, db, "payroll", "run", "--election", slug, NULL);
  g_assert_nonnull (strstr (after.out, "Nothing pending"));
  g_assert_nonnull (strstr (after.out, "1 run approved"));
}

/* Two desks of the team, offline, each approve the same payroll: once their changes meet,
 * the ledger holds every line twice. Nothing is lost or edited; what the second run paid
 * again shows as reversals pending, and the next approval takes it back, so that the ledger
 * nets to what the rules give (SYNC.md §4.10). Both desks agree on all of it. */
static void
test_two_desks_approve (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_auto(District) d = { 0, };
  g_autofree char *a = ed_test_dir_file (fixture, "demo.db");
  g_autofree char *b = ed_test_dir_file (fixture, "desk-b.db");
  g_autofree char *a_ops = ed_test_dir_file (fixture, "a.json");
  g_autofree char *b_ops = ed_test_dir_file (fixture, "b.json");
  g_autofree char *slug = NULL;
  const char *const desks[] = { a, b };

  open_may_poll (fixture, &d);
  staff_may_poll (&d);
  slug = g_strdup (d.slug);
  district_clear (&d);
  memset (&d, 0, sizeof d);

  /* Desk B joins from A's changes, then each approves on its own. */
  cli_ok (a, "ops", "export", "-o", a_ops, NULL);
  cli_ok (b, "ops", "apply", a_ops, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    cli_ok (desks[i], "payroll", "approve", "--election", slug, NULL);

  /* Their changes meet. */
  cli_ok (a, "ops", "export", "-o", a_ops, NULL);
  cli_ok (b, "ops", "export", "-o", b_ops, NULL);
  cli_ok (a, "ops", "apply", b_ops, NULL);
  cli_ok (b, "ops", "apply", a_ops, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    {
      g_auto(EdTestCliResult) json = { 0 };
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object;

      ed_test_cli_run_on (&json, desks[i], "payroll", "run", "--election", slug, "--json",
                          NULL);
      g_assert_cmpint (json.status, ==, 0);
      root = parse (json.out);
      object = json_node_get_object (root);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "runs")),
                        ==, 2);
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object,
                                                                                  "approved"),
                                                   "gross"), ==, 2 * ALL_TOTAL);
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object,
                                                                                  "total"),
                                                   "gross"), ==, ALL_TOTAL);
      /* The thirteen lines paid twice, each taken back once. */
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object,
                                                                                  "pending"),
                                                   "lines"), ==, 13);
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object,
                                                                                  "pending"),
                                                   "gross"), ==, -ALL_TOTAL);
    }

  /* A takes it back; B, once it has A's change, has nothing left to approve. */
  cli_ok (a, "payroll", "approve", "--election", slug, NULL);
  cli_ok (a, "ops", "export", "-o", a_ops, NULL);
  cli_ok (b, "ops", "apply", a_ops, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    {
      g_auto(EdTestCliResult) run = { 0 };

      ed_test_cli_run_on (&run, desks[i], "payroll", "run", "--election", slug, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Nothing pending"));
      g_assert_nonnull (strstr (run.out, "3 runs approved"));
    }
}

/* Mistakes on the command line: 2 for the command line itself, 1 for a request that cannot
 * be done (DESIGN.md §1). */
static void
test_cli_mistakes (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *db = ed_test_dir_file (fixture, "demo.db");
  g_autofree char *out = ed_test_dir_file (fixture, "out.txt");
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  static const struct
  {
    int         status;
    const char *args[10];
  } cases[] = {
    { 2, { "payroll", NULL } },
    { 2, { "payroll", "frobnicate", NULL } },
    { 2, { "payroll", "run", NULL } },
    { 2, { "payroll", "run", "--election", "x", "extra", NULL } },
    { 2, { "payroll", "approve", NULL } },
    { 2, { "payroll", "export", "--election", "x", NULL } },
    { 2, { "payroll", "export", "--election", "x", "-o", "OUT", NULL } },
    { 2, { "payroll", "export", "--election", "x", "-o", "a.csv", "--run", "0", NULL } },
    { 2, { "payroll", "export", "--election", "x", "-o", "a.csv", "--run", "last", NULL } },
    { 2, { "payroll", "export", "--election", "x", "-o", "a.xlsx", "--run", "1", NULL } },
    { 2, { "payroll", "statements", "--election", "x", NULL } },
    { 2, { "payroll", "mapping", NULL } },
    { 2, { "payroll", "mapping", "set", "element_nothing", "X", NULL } },
    { 1, { "payroll", "run", "--election", "local.nowhere.2030-05-02", NULL } },
    { 1, { "payroll", "mapping", "set", "element_fee", "A\tB", NULL } },
    { 0, { "payroll", "--help", NULL } },
    { 0, { "payroll", "run", "--help", NULL } },
    { 0, { "payroll", "mapping", "show", NULL } },
  };

  g_clear_object (&context);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(EdTestCliResult) result = { 0 };
      const char *a[10];

      for (guint j = 0; j < G_N_ELEMENTS (a); j++)
        a[j] = cases[i].args[j] != NULL && g_str_equal (cases[i].args[j], "OUT")
                 ? out : cases[i].args[j];
      ed_test_cli_run_on (&result, db, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8],
                          a[9], NULL);
      g_test_message ("%s %s %s: %d %s", a[0], a[1] ? a[1] : "", a[2] ? a[2] : "",
                      result.status, result.err);
      g_assert_cmpint (result.status, ==, cases[i].status);
      if (cases[i].status == 1)
        g_assert_cmpstr (result.err, !=, "");
      else if (cases[i].status == 2)
        g_assert_true (*result.err != '\0' || strstr (result.out, "Usage:") != NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/staff/payroll/compute", test_compute);
  ED_TEST_ADD ("/staff/payroll/approve", test_approve);
  ED_TEST_ADD ("/staff/payroll/correction", test_correction);
  ED_TEST_ADD ("/staff/payroll/forged-line", test_forged_line);
  ED_TEST_ADD ("/staff/payroll/mileage-step-two-elections", test_mileage_step_two_elections);
  ED_TEST_ADD ("/staff/payroll/csv", test_csv);
  g_test_add_func ("/staff/payroll/mapping-keys", test_mapping_keys);
  ED_TEST_ADD ("/staff/payroll/xlsx", test_xlsx);
  ED_TEST_ADD ("/staff/payroll/xlsx/full-disk", test_xlsx_full_disk);
  ED_TEST_ADD ("/staff/payroll/statements", test_statements);
  ED_TEST_ADD ("/staff/payroll/statements-welsh", test_statements_welsh);
  ED_TEST_ADD ("/staff/payroll/cli/run-approve-export", test_cli);
  ED_TEST_ADD ("/staff/payroll/two-desks-approve", test_two_desks_approve);
  ED_TEST_ADD ("/staff/payroll/cli/mistakes", test_cli_mistakes);

  return g_test_run ();
}
