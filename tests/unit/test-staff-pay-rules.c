/* test-staff-pay-rules.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pay rules (ed-pay-rules.c) on worked examples from the real fee scales of DOMAIN.md
 * §4.2, to the penny, with the rounding traps of §4.3: each line from unrounded figures,
 * rounded once, half up. The rates come from the bundled templates, so a template that
 * drifted from its scale fails here too. */

#define G_LOG_DOMAIN "test-staff-pay-rules"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/ed-date.h"
#include "staff/ed-fee-scale.h"
#include "staff/ed-pay-rules.h"

#define NOTTS "nottinghamshire-2023-24"
#define HEREFORD "herefordshire"
#define RBWM "windsor-maidenhead-2024"

/* A polling day of a combined poll, and the count the morning after. */
#define POLLING_DAY "2030-05-02"
#define COUNT_DAY "2030-05-03"

static EdFeeRate *
template_rate (const char  *template_id,
               EdStaffRole  role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdFeeScale) scale = ed_fee_scale_get_template (template_id, &error);
  const EdFeeRate *rate;

  g_assert_no_error (error);
  rate = ed_fee_rate_find (scale->rates, role);
  g_assert_nonnull (rate);
  return ed_fee_rate_copy (rate);
}

static EdPayAppointment
appointment (const char      *id,
             const EdFeeRate *rate,
             const char      *day)
{
  EdPayAppointment a = { 0, };
  g_autoptr(GError) error = NULL;

  a.appointment = id;
  a.rate = rate;
  g_date_clear (&a.work_date, 1);
  g_assert_true (ed_date_parse_iso (day, &a.work_date, &error));
  g_assert_no_error (error);
  return a;
}

/* What a line should be; the work date and the NIC category are checked on their own. */
typedef struct
{
  const char    *appointment;
  EdPayElement   element;
  gint64         quantity;
  EdMoney        rate;
  EdMoney        amount;
  gboolean       taxable;
  EdCostHead     cost_head;
} Expected;

static void
assert_lines (GPtrArray      *lines,
              const Expected *expected,
              guint           n_expected)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const EdPayLine *line = g_ptr_array_index (lines, i);

      g_test_message ("line %u: %s %s (%s) %" G_GINT64_FORMAT " × %" G_GINT64_FORMAT
                      " = %" G_GINT64_FORMAT " %s %s", i, line->appointment,
                      ed_pay_element_to_string (line->element), line->description,
                      line->quantity, line->rate, line->amount,
                      line->taxable ? "taxable" : "not taxable",
                      ed_cost_head_to_string (line->cost_head));
    }
  g_assert_cmpuint (lines->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const EdPayLine *line = g_ptr_array_index (lines, i);

      g_assert_cmpstr (line->appointment, ==, expected[i].appointment);
      g_assert_cmpstr (ed_pay_element_to_string (line->element), ==,
                       ed_pay_element_to_string (expected[i].element));
      g_assert_cmpint (line->quantity, ==, expected[i].quantity);
      g_assert_cmpint (line->rate, ==, expected[i].rate);
      g_assert_cmpint (line->amount, ==, expected[i].amount);
      g_assert_cmpint (line->taxable, ==, expected[i].taxable);
      g_assert_cmpstr (ed_cost_head_to_string (line->cost_head), ==,
                       ed_cost_head_to_string (expected[i].cost_head));
      g_assert_cmpstr (line->description, !=, "");
    }
}

static GPtrArray *
compute (const EdPayAppointment *appointments,
         guint                   n_appointments,
         const EdPayMilesPaid   *miles_paid,
         guint                   n_miles_paid)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *lines = ed_pay_rules_compute (appointments, n_appointments, miles_paid,
                                           n_miles_paid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (lines);
  return lines;
}

static EdMoney
taxable_total (GPtrArray *lines,
               gboolean   taxable)
{
  EdMoney total = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const EdPayLine *line = g_ptr_array_index (lines, i);

      if (line->taxable == taxable)
        total += line->amount;
    }
  return total;
}

/* Half a penny is paid up: £13.25 × 4.5 h is 5962.5p, £59.63, where rounding half to even
 * gives £59.62 (DOMAIN.md §4.3). */
static void
test_round_half_up (void)
{
  g_assert_cmpint (ed_pay_round_half_up (1325 * 270, 60), ==, 5963);
  g_assert_cmpint (ed_pay_round_half_up (5, 2), ==, 3);    /* even would give 2 */
  g_assert_cmpint (ed_pay_round_half_up (3, 2), ==, 2);
  g_assert_cmpint (ed_pay_round_half_up (1, 2), ==, 1);    /* even would give 0 */
  g_assert_cmpint (ed_pay_round_half_up (14, 10), ==, 1);  /* 1.4p */
  g_assert_cmpint (ed_pay_round_half_up (16, 10), ==, 2);  /* 1.6p */
  g_assert_cmpint (ed_pay_round_half_up (0, 60), ==, 0);
  g_assert_cmpint (ed_pay_round_half_up (1593 * 60, 60), ==, 1593);
}

/* A presiding officer at a combined poll, Nottinghamshire's hourly scale (DOMAIN.md §4.2 (a)):
 * 15½ hours at £15.93, the 20% uplift on the unrounded pay, the £42.40 training fee, and two
 * journeys by car: home to the station, commuting and so taxable, and the ballot box to the
 * count with a poll clerk as passenger, business and not taxable (§4.3). */
static void
test_notts_presiding_officer_combined (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (NOTTS, ED_STAFF_ROLE_PRESIDING_OFFICER);
  EdPayJourney journeys[] = {
    { "Home to Mill Lane Hall", ED_VEHICLE_CAR, 35, 0, FALSE, 0 },
    { "Ballot box to the count", ED_VEHICLE_CAR, 124, 1, TRUE, ED_JOURNEY_BUSINESS },
  };
  EdPayAppointment a = appointment ("po", rate, POLLING_DAY);
  g_autoptr(GPtrArray) lines = NULL;
  static const Expected expected[] = {
    /* 1593p × 930 / 60 = 24691.5p */
    { "po", ED_PAY_FEE, 930, 1593, 24692, TRUE, ED_COST_STAFF_STATIONS },
    /* 24691.5p × 20% = 4938.3p */
    { "po", ED_PAY_SUPPLEMENT, 0, 4938, 4938, TRUE, ED_COST_STAFF_STATIONS },
    { "po", ED_PAY_TRAINING, 0, 4240, 4240, TRUE, ED_COST_TRAINING },
    /* 3.5 miles × 45p = 157.5p */
    { "po", ED_PAY_MILEAGE, 35, 45, 158, TRUE, ED_COST_TRAVEL_SUBSISTENCE },
    /* 12.4 miles × 45p; a passenger 12.4 miles × 5p */
    { "po", ED_PAY_MILEAGE, 124, 45, 558, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
    { "po", ED_PAY_PASSENGER, 124, 5, 62, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
  };

  a.combined_poll = TRUE;
  a.minutes = 930;
  a.training_attended = TRUE;
  a.journeys = journeys;
  a.n_journeys = G_N_ELEMENTS (journeys);
  lines = compute (&a, 1, NULL, 0);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (ed_pay_lines_total (lines), ==, 34648);
  g_assert_cmpint (taxable_total (lines, TRUE), ==, 34028);
  g_assert_cmpint (taxable_total (lines, FALSE), ==, 620);
  /* Election duties: no Class 1 National Insurance (§4.4). */
  for (guint i = 0; i < lines->len; i++)
    {
      const EdPayLine *line = g_ptr_array_index (lines, i);

      g_assert_cmpint (line->nic_category, ==, ED_NIC_ELECTION);
      g_assert_cmpint (g_date_compare (&line->work_date, &a.work_date), ==, 0);
    }
}

/* A presiding officer at a combined poll, Herefordshire's flat scale (DOMAIN.md §4.2 (b)):
 * £292.38, the £30 flat add-on, £40 of training, the £20 travel for the ballot box (not
 * taxable, as the scale says) and a commuting journey. Without the supplement and the journey
 * that is the scale's headline £352.38. */
static void
test_hereford_presiding_officer_combined (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (HEREFORD, ED_STAFF_ROLE_PRESIDING_OFFICER);
  EdPayJourney journey = { "Home to Bromyard Road School", ED_VEHICLE_CAR, 83, 0, FALSE, 0 };
  EdPayAppointment a = appointment ("po", rate, POLLING_DAY);
  g_autoptr(GPtrArray) lines = NULL;
  static const Expected expected[] = {
    { "po", ED_PAY_FEE, 0, 29238, 29238, TRUE, ED_COST_STAFF_STATIONS },
    { "po", ED_PAY_SUPPLEMENT, 0, 3000, 3000, TRUE, ED_COST_STAFF_STATIONS },
    { "po", ED_PAY_TRAINING, 0, 4000, 4000, TRUE, ED_COST_TRAINING },
    { "po", ED_PAY_EXPENSE, 0, 2000, 2000, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
    /* 8.3 miles × 45p = 373.5p */
    { "po", ED_PAY_MILEAGE, 83, 45, 374, TRUE, ED_COST_TRAVEL_SUBSISTENCE },
  };

  a.combined_poll = TRUE;
  a.training_attended = TRUE;
  a.journeys = &journey;
  a.n_journeys = 1;
  lines = compute (&a, 1, NULL, 0);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (ed_pay_lines_total (lines), ==, 38612);
  g_assert_cmpint (ed_pay_lines_total (lines) - 3000 - 374, ==, 35238);
  g_assert_cmpint (taxable_total (lines, FALSE), ==, 2000);
}

/* Herefordshire's poll clerk: £179.85 + £10 travel + £40 training is the scale's £229.85; the
 * scale does not say the clerk's £10 travel is untaxed, so it is taxed as the role's
 * journeys, commuting; and the scale gives a clerk no combined-poll supplement (DOMAIN.md
 * §4.2 (b)). */
static void
test_hereford_poll_clerk (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (HEREFORD, ED_STAFF_ROLE_POLL_CLERK);
  EdPayAppointment a = appointment ("pc", rate, POLLING_DAY);
  g_autoptr(GPtrArray) lines = NULL;
  static const Expected expected[] = {
    { "pc", ED_PAY_FEE, 0, 17985, 17985, TRUE, ED_COST_STAFF_STATIONS },
    { "pc", ED_PAY_TRAINING, 0, 4000, 4000, TRUE, ED_COST_TRAINING },
    { "pc", ED_PAY_EXPENSE, 0, 1000, 1000, TRUE, ED_COST_TRAVEL_SUBSISTENCE },
  };

  a.combined_poll = TRUE;
  a.training_attended = TRUE;
  lines = compute (&a, 1, NULL, 0);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (ed_pay_lines_total (lines), ==, 22985);
}

/* A poll clerk at a single poll, Windsor and Maidenhead May 2024 (DOMAIN.md §4.2 (c)): £255
 * including £35 training; £220 when the training was not done (§4.3). */
static void
test_rbwm_poll_clerk_single (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (RBWM, ED_STAFF_ROLE_POLL_CLERK);
  EdPayAppointment trained = appointment ("pc", rate, POLLING_DAY);
  EdPayAppointment untrained = appointment ("pc", rate, POLLING_DAY);
  g_autoptr(GPtrArray) with_training = NULL;
  g_autoptr(GPtrArray) without_training = NULL;
  static const Expected expected_trained[] = {
    { "pc", ED_PAY_FEE, 0, 22000, 22000, TRUE, ED_COST_STAFF_STATIONS },
    { "pc", ED_PAY_TRAINING, 0, 3500, 3500, TRUE, ED_COST_TRAINING },
  };
  static const Expected expected_untrained[] = {
    { "pc", ED_PAY_FEE, 0, 22000, 22000, TRUE, ED_COST_STAFF_STATIONS },
  };

  trained.training_attended = TRUE;
  with_training = compute (&trained, 1, NULL, 0);
  assert_lines (with_training, expected_trained, G_N_ELEMENTS (expected_trained));
  g_assert_cmpint (ed_pay_lines_total (with_training), ==, 25500);

  untrained.training_attended = FALSE;
  without_training = compute (&untrained, 1, NULL, 0);
  assert_lines (without_training, expected_untrained, G_N_ELEMENTS (expected_untrained));
  g_assert_cmpint (ed_pay_lines_total (without_training), ==, 22000);

  /* The presiding officer's £360 includes £55 for training. */
  {
    g_autoptr(EdFeeRate) po = template_rate (RBWM, ED_STAFF_ROLE_PRESIDING_OFFICER);
    EdPayAppointment a = appointment ("po", po, POLLING_DAY);
    g_autoptr(GPtrArray) lines = NULL;

    a.training_attended = TRUE;
    lines = compute (&a, 1, NULL, 0);
    g_assert_cmpint (ed_pay_lines_total (lines), ==, 36000);
  }
}

/* A count assistant paid by the hour, Nottinghamshire (DOMAIN.md §4.2 (a)): 4½ hours at £13.25
 * (5962.5p, paid £59.63: half a penny up, §4.3) and 2¼ hours at the enhanced £19.88, each on a
 * line of its own, to the count's cost head. */
static void
test_notts_count_assistant (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (NOTTS, ED_STAFF_ROLE_COUNT_ASSISTANT);
  EdPayAppointment a = appointment ("count", rate, COUNT_DAY);
  g_autoptr(GPtrArray) lines = NULL;
  static const Expected expected[] = {
    { "count", ED_PAY_FEE, 270, 1325, 5963, TRUE, ED_COST_STAFF_COUNT },
    /* 1988p × 135 / 60 = 4473p */
    { "count", ED_PAY_ENHANCED, 135, 1988, 4473, TRUE, ED_COST_STAFF_COUNT },
  };

  a.minutes = 270;
  a.enhanced_minutes = 135;
  lines = compute (&a, 1, NULL, 0);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (ed_pay_lines_total (lines), ==, 10436);
}

/* One person in two roles on one combined polling day, Nottinghamshire (DOMAIN.md §4.3): poll
 * clerk in the morning, presiding officer from two o'clock. The supplement is per person per
 * polling day: one, the larger of the two roles' (the presiding officer's 20% of £127.44),
 * not both. */
static void
test_two_roles_one_supplement (void)
{
  g_autoptr(EdFeeRate) clerk = template_rate (NOTTS, ED_STAFF_ROLE_POLL_CLERK);
  g_autoptr(EdFeeRate) presiding = template_rate (NOTTS, ED_STAFF_ROLE_PRESIDING_OFFICER);
  EdPayAppointment both[] = {
    appointment ("pc", clerk, POLLING_DAY),
    appointment ("po", presiding, POLLING_DAY),
  };
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) clerk_larger = NULL;
  static const Expected expected[] = {
    /* 1042p × 7½ h */
    { "pc", ED_PAY_FEE, 450, 1042, 7815, TRUE, ED_COST_STAFF_STATIONS },
    /* 1593p × 8 h */
    { "po", ED_PAY_FEE, 480, 1593, 12744, TRUE, ED_COST_STAFF_STATIONS },
    /* 12744p × 20% = 2548.8p; the clerk's would have been 1563p */
    { "po", ED_PAY_SUPPLEMENT, 0, 2549, 2549, TRUE, ED_COST_STAFF_STATIONS },
  };
  static const Expected expected_clerk_larger[] = {
    /* 1042p × 10 h, and its 20%: 2084p */
    { "pc", ED_PAY_FEE, 600, 1042, 10420, TRUE, ED_COST_STAFF_STATIONS },
    { "pc", ED_PAY_SUPPLEMENT, 0, 2084, 2084, TRUE, ED_COST_STAFF_STATIONS },
    /* 1593p × 2 h; its 20% (637.2p) is the smaller */
    { "po", ED_PAY_FEE, 120, 1593, 3186, TRUE, ED_COST_STAFF_STATIONS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    both[i].combined_poll = TRUE;
  both[0].minutes = 450;
  both[1].minutes = 480;
  lines = compute (both, G_N_ELEMENTS (both), NULL, 0);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (ed_pay_lines_total (lines), ==, 23108);

  both[0].minutes = 600;
  both[1].minutes = 120;
  clerk_larger = compute (both, G_N_ELEMENTS (both), NULL, 0);
  assert_lines (clerk_larger, expected_clerk_larger, G_N_ELEMENTS (expected_clerk_larger));
}

/* A supplement is for a combined poll's polling day only: none at a single poll, nor on
 * another day (DOMAIN.md §4.3). */
static void
test_supplement_only_when_combined (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (NOTTS, ED_STAFF_ROLE_PRESIDING_OFFICER);
  EdPayAppointment a = appointment ("po", rate, POLLING_DAY);
  g_autoptr(GPtrArray) lines = NULL;
  static const Expected expected[] = {
    { "po", ED_PAY_FEE, 900, 1593, 23895, TRUE, ED_COST_STAFF_STATIONS },
  };

  a.minutes = 900;
  a.combined_poll = FALSE;
  lines = compute (&a, 1, NULL, 0);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
}

/* The training fee once per person per election per role, with the first appointment of the
 * role that qualifies (DOMAIN.md §4.3): a presiding officer who sets the station up the day
 * before and works polling day is paid the £42.40 once. */
static void
test_training_once_per_role (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (NOTTS, ED_STAFF_ROLE_PRESIDING_OFFICER);
  EdPayAppointment days[] = {
    appointment ("polling-day", rate, POLLING_DAY),
    appointment ("set-up", rate, "2030-05-01"),
  };
  g_autoptr(GPtrArray) lines = NULL;
  static const Expected expected[] = {
    { "set-up", ED_PAY_FEE, 60, 1593, 1593, TRUE, ED_COST_STAFF_STATIONS },
    { "set-up", ED_PAY_TRAINING, 0, 4240, 4240, TRUE, ED_COST_TRAINING },
    { "polling-day", ED_PAY_FEE, 900, 1593, 23895, TRUE, ED_COST_STAFF_STATIONS },
  };

  days[0].minutes = 900;
  days[0].training_attended = TRUE;
  days[1].minutes = 60;
  days[1].training_attended = TRUE;
  lines = compute (days, G_N_ELEMENTS (days), NULL, 0);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
}

/* A 20% uplift is never rounded into the rate first (DOMAIN.md §4.3): a poll clerk's 15 hours
 * at a combined poll, Nottinghamshire, is £10.42 × 1.2 × 15 = £187.56, where an uplifted rate
 * rounded to £12.50 would pay £187.50. */
static void
test_uplift_not_rounded_first (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (NOTTS, ED_STAFF_ROLE_POLL_CLERK);
  EdPayAppointment a = appointment ("pc", rate, POLLING_DAY);
  g_autoptr(GPtrArray) lines = NULL;
  static const Expected expected[] = {
    { "pc", ED_PAY_FEE, 900, 1042, 15630, TRUE, ED_COST_STAFF_STATIONS },
    { "pc", ED_PAY_SUPPLEMENT, 0, 3126, 3126, TRUE, ED_COST_STAFF_STATIONS },
  };

  a.minutes = 900;
  a.combined_poll = TRUE;
  lines = compute (&a, 1, NULL, 0);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (ed_pay_lines_total (lines), ==, 18756);
  g_assert_cmpint (ed_pay_lines_total (lines), !=, 1250 * 15);
}

/* HMRC's 45p a mile for the first 10,000 business miles of the tax year and 25p after
 * (DOMAIN.md §4.3): an inspector, whose rounds are business travel, with 9,990 miles already
 * paid this tax year drives 30 miles: 10 at 45p and 20 at 25p, two lines; the next journey is
 * all at 25p. With 9,999.5 miles paid, 12.3 miles is half a mile at 45p (22.5p, paid 23p) and
 * 11.8 at 25p. */
static void
test_mileage_step_split (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (NOTTS, ED_STAFF_ROLE_STATION_INSPECTOR);
  EdPayJourney journeys[] = {
    { "Round of the northern stations", ED_VEHICLE_CAR, 300, 0, FALSE, 0 },
    { "Back to the office", ED_VEHICLE_CAR, 50, 0, FALSE, 0 },
  };
  EdPayJourney half_mile = { "Round of the southern stations", ED_VEHICLE_CAR, 123, 0, FALSE, 0 };
  EdPayMilesPaid paid = { 2030, 99900 };
  EdPayMilesPaid nearly = { 2030, 99995 };
  EdPayAppointment a = appointment ("insp", rate, POLLING_DAY);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) half_lines = NULL;
  static const Expected expected[] = {
    { "insp", ED_PAY_FEE, 960, 1593, 25488, TRUE, ED_COST_STAFF_STATIONS },
    { "insp", ED_PAY_MILEAGE, 100, 45, 450, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
    { "insp", ED_PAY_MILEAGE, 200, 25, 500, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
    { "insp", ED_PAY_MILEAGE, 50, 25, 125, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
  };
  static const Expected expected_half[] = {
    { "insp", ED_PAY_MILEAGE, 5, 45, 23, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
    { "insp", ED_PAY_MILEAGE, 118, 25, 295, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
  };

  a.minutes = 960;
  a.journeys = journeys;
  a.n_journeys = G_N_ELEMENTS (journeys);
  lines = compute (&a, 1, &paid, 1);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));

  a.minutes = 0;
  a.journeys = &half_mile;
  a.n_journeys = 1;
  half_lines = compute (&a, 1, &nearly, 1);
  assert_lines (half_lines, expected_half, G_N_ELEMENTS (expected_half));
}

/* Mileage for commuting is taxable pay, for business travel not (ITEPA 2003 s.229–230,
 * s.339(5); DOMAIN.md §4.3): the same 10 miles each way. A journey without a purpose takes
 * the role's: commuting for a poll clerk. Commuting miles do not count towards the 10,000. */
static void
test_commuting_taxable_business_not (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (NOTTS, ED_STAFF_ROLE_POLL_CLERK);
  EdPayJourney journeys[] = {
    { "Home to the station", ED_VEHICLE_CAR, 100, 0, FALSE, 0 },
    { "Spare ballot papers from the office", ED_VEHICLE_CAR, 100, 0, TRUE,
      ED_JOURNEY_BUSINESS },
    { "Station to home", ED_VEHICLE_CAR, 100, 0, TRUE, ED_JOURNEY_COMMUTING },
  };
  /* 9,990 business miles paid: the commuting miles, before and after, stay at 45p. */
  EdPayMilesPaid paid = { 2030, 99900 };
  EdPayAppointment a = appointment ("pc", rate, POLLING_DAY);
  g_autoptr(GPtrArray) lines = NULL;
  static const Expected expected[] = {
    { "pc", ED_PAY_MILEAGE, 100, 45, 450, TRUE, ED_COST_TRAVEL_SUBSISTENCE },
    { "pc", ED_PAY_MILEAGE, 100, 45, 450, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
    { "pc", ED_PAY_MILEAGE, 100, 45, 450, TRUE, ED_COST_TRAVEL_SUBSISTENCE },
  };

  a.journeys = journeys;
  a.n_journeys = G_N_ELEMENTS (journeys);
  lines = compute (&a, 1, &paid, 1);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (taxable_total (lines, TRUE), ==, 900);
  g_assert_cmpint (taxable_total (lines, FALSE), ==, 450);
}

/* The tax year runs from 6 April to 5 April (DOMAIN.md §4.3): with 9,999 business miles paid
 * in 2029/30, 10 miles on 5 April 2030 cross the step (1 at 45p, 9 at 25p); on 6 April 2030
 * a new tax year has begun and all 10 are at 45p. */
static void
test_tax_year_boundary (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (NOTTS, ED_STAFF_ROLE_POSTAL_OPENING_ASSISTANT);
  EdPayJourney journey = { "Postal votes to the count store", ED_VEHICLE_CAR, 100, 0, TRUE,
                           ED_JOURNEY_BUSINESS };
  EdPayMilesPaid paid = { 2029, 99990 };
  EdPayAppointment fifth = appointment ("5-april", rate, "2030-04-05");
  EdPayAppointment sixth = appointment ("6-april", rate, "2030-04-06");
  g_autoptr(GPtrArray) fifth_lines = NULL;
  g_autoptr(GPtrArray) sixth_lines = NULL;
  static const Expected expected_fifth[] = {
    { "5-april", ED_PAY_MILEAGE, 10, 45, 45, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
    { "5-april", ED_PAY_MILEAGE, 90, 25, 225, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
  };
  static const Expected expected_sixth[] = {
    { "6-april", ED_PAY_MILEAGE, 100, 45, 450, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
  };
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 5, G_DATE_APRIL, 2030);
  g_assert_cmpint (ed_pay_tax_year (&day), ==, 2029);
  g_date_set_dmy (&day, 6, G_DATE_APRIL, 2030);
  g_assert_cmpint (ed_pay_tax_year (&day), ==, 2030);
  g_date_set_dmy (&day, 31, G_DATE_DECEMBER, 2030);
  g_assert_cmpint (ed_pay_tax_year (&day), ==, 2030);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2031);
  g_assert_cmpint (ed_pay_tax_year (&day), ==, 2030);

  fifth.journeys = &journey;
  fifth.n_journeys = 1;
  fifth_lines = compute (&fifth, 1, &paid, 1);
  assert_lines (fifth_lines, expected_fifth, G_N_ELEMENTS (expected_fifth));

  sixth.journeys = &journey;
  sixth.n_journeys = 1;
  sixth_lines = compute (&sixth, 1, &paid, 1);
  assert_lines (sixth_lines, expected_sixth, G_N_ELEMENTS (expected_sixth));

  /* Both in one run: the step counts each tax year apart. */
  {
    EdPayAppointment both[] = { sixth, fifth };
    g_autoptr(GPtrArray) lines = compute (both, G_N_ELEMENTS (both), &paid, 1);
    Expected expected[G_N_ELEMENTS (expected_fifth) + G_N_ELEMENTS (expected_sixth)];

    memcpy (expected, expected_fifth, sizeof expected_fifth);
    memcpy (expected + G_N_ELEMENTS (expected_fifth), expected_sixth, sizeof expected_sixth);
    assert_lines (lines, expected, G_N_ELEMENTS (expected));
  }
}

/* Motorcycles 24p a mile and bicycles 20p, with no step; passengers are paid in a car or van
 * only (DOMAIN.md §4.3). */
static void
test_other_vehicles (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (NOTTS, ED_STAFF_ROLE_STATION_INSPECTOR);
  EdPayJourney journeys[] = {
    { NULL, ED_VEHICLE_MOTORCYCLE, 75, 0, FALSE, 0 },
    { "", ED_VEHICLE_BICYCLE, 25, 0, FALSE, 0 },
  };
  EdPayJourney tandem = { "Tandem", ED_VEHICLE_BICYCLE, 25, 1, FALSE, 0 };
  EdPayMilesPaid over = { 2030, 200000 };
  EdPayAppointment a = appointment ("insp", rate, POLLING_DAY);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  static const Expected expected[] = {
    { "insp", ED_PAY_MILEAGE, 75, 24, 180, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
    { "insp", ED_PAY_MILEAGE, 25, 20, 50, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
  };

  a.journeys = journeys;
  a.n_journeys = G_N_ELEMENTS (journeys);
  lines = compute (&a, 1, &over, 1);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  /* A journey with no description is described by its vehicle. */
  g_assert_cmpstr (((EdPayLine *)g_ptr_array_index (lines, 0))->description, ==,
                   ed_vehicle_get_display_name (ED_VEHICLE_MOTORCYCLE));

  a.journeys = &tandem;
  a.n_journeys = 1;
  refused = ed_pay_rules_compute (&a, 1, NULL, 0, &error);
  g_assert_null (refused);
  g_assert_error (error, ED_PAY_RULES_ERROR, ED_PAY_RULES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "insp"));
}

/* An expense with a receipt is repaid free of tax, one without is taxed [U] (DOMAIN.md §4.3,
 * §4.4: expenses kept apart from pay for work done). */
static void
test_expenses_by_receipt (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (RBWM, ED_STAFF_ROLE_PRESIDING_OFFICER);
  EdPayExpense expenses[] = {
    { "Car park at the count", 650, TRUE },
    { "Padlock for the ballot box store", 399, FALSE },
  };
  EdPayAppointment a = appointment ("po", rate, POLLING_DAY);
  g_autoptr(GPtrArray) lines = NULL;
  static const Expected expected[] = {
    { "po", ED_PAY_FEE, 0, 30500, 30500, TRUE, ED_COST_STAFF_STATIONS },
    { "po", ED_PAY_EXPENSE, 0, 650, 650, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
    { "po", ED_PAY_EXPENSE, 0, 399, 399, TRUE, ED_COST_TRAVEL_SUBSISTENCE },
  };

  a.expenses = expenses;
  a.n_expenses = G_N_ELEMENTS (expenses);
  lines = compute (&a, 1, NULL, 0);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (((EdPayLine *)g_ptr_array_index (lines, 1))->description, ==,
                   "Car park at the count");
}

/* A canvasser paid per form delivered, as Watford pays 18p (DOMAIN.md §4.2 (d)): registration
 * duties, so normal National Insurance (§4.4), accounted to registration, not the election. */
static void
test_canvasser_registration (void)
{
  EdFeeRate rate = {
    .role = ED_STAFF_ROLE_CANVASSER,
    .basis = ED_FEE_PER_UNIT,
    .rate = 18,
    .unit_name = (char *)"form delivered",
    .mileage_purpose = ED_JOURNEY_BUSINESS,
    .nic_category = ED_NIC_REGISTRATION,
    .cost_head = ED_COST_REGISTRATION,
    .source = (char *)"",
  };
  EdPayJourney journey = { "Canvass area 12", ED_VEHICLE_CAR, 62, 0, FALSE, 0 };
  EdPayAppointment a = appointment ("canvass", &rate, "2030-08-14");
  g_autoptr(GPtrArray) lines = NULL;
  static const Expected expected[] = {
    { "canvass", ED_PAY_FEE, 750, 18, 13500, TRUE, ED_COST_REGISTRATION },
    /* 6.2 miles × 45p = 279p, business */
    { "canvass", ED_PAY_MILEAGE, 62, 45, 279, FALSE, ED_COST_TRAVEL_SUBSISTENCE },
  };

  a.units = 750;
  a.journeys = &journey;
  a.n_journeys = 1;
  lines = compute (&a, 1, NULL, 0);
  assert_lines (lines, expected, G_N_ELEMENTS (expected));
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpint (((EdPayLine *)g_ptr_array_index (lines, i))->nic_category, ==,
                     ED_NIC_REGISTRATION);
}

/* Figures past the bounds that keep the arithmetic exact are refused, not wrapped. */
static void
test_out_of_range_refused (void)
{
  g_autoptr(EdFeeRate) rate = template_rate (NOTTS, ED_STAFF_ROLE_COUNT_ASSISTANT);
  EdPayAppointment a = appointment ("count", rate, COUNT_DAY);
  EdPayAppointment no_day = appointment ("count", rate, COUNT_DAY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) day_error = NULL;
  GPtrArray *lines;

  a.minutes = ED_PAY_MAX_MINUTES + 1;
  lines = ed_pay_rules_compute (&a, 1, NULL, 0, &error);
  g_assert_null (lines);
  g_assert_error (error, ED_PAY_RULES_ERROR, ED_PAY_RULES_ERROR_INVALID);

  g_date_clear (&no_day.work_date, 1);
  lines = ed_pay_rules_compute (&no_day, 1, NULL, 0, &day_error);
  g_assert_null (lines);
  g_assert_error (day_error, ED_PAY_RULES_ERROR, ED_PAY_RULES_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/staff/pay-rules/round-half-up", test_round_half_up);
  g_test_add_func ("/staff/pay-rules/notts-presiding-officer-combined",
                   test_notts_presiding_officer_combined);
  g_test_add_func ("/staff/pay-rules/hereford-presiding-officer-combined",
                   test_hereford_presiding_officer_combined);
  g_test_add_func ("/staff/pay-rules/hereford-poll-clerk", test_hereford_poll_clerk);
  g_test_add_func ("/staff/pay-rules/rbwm-poll-clerk-single", test_rbwm_poll_clerk_single);
  g_test_add_func ("/staff/pay-rules/notts-count-assistant", test_notts_count_assistant);
  g_test_add_func ("/staff/pay-rules/two-roles-one-supplement", test_two_roles_one_supplement);
  g_test_add_func ("/staff/pay-rules/supplement-only-when-combined",
                   test_supplement_only_when_combined);
  g_test_add_func ("/staff/pay-rules/training-once-per-role", test_training_once_per_role);
  g_test_add_func ("/staff/pay-rules/uplift-not-rounded-first", test_uplift_not_rounded_first);
  g_test_add_func ("/staff/pay-rules/mileage-step-split", test_mileage_step_split);
  g_test_add_func ("/staff/pay-rules/commuting-taxable-business-not",
                   test_commuting_taxable_business_not);
  g_test_add_func ("/staff/pay-rules/tax-year-boundary", test_tax_year_boundary);
  g_test_add_func ("/staff/pay-rules/other-vehicles", test_other_vehicles);
  g_test_add_func ("/staff/pay-rules/expenses-by-receipt", test_expenses_by_receipt);
  g_test_add_func ("/staff/pay-rules/canvasser-registration", test_canvasser_registration);
  g_test_add_func ("/staff/pay-rules/out-of-range-refused", test_out_of_range_refused);

  return g_test_run ();
}
