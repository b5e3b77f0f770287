/* ed-pay-rules.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pay rules of casual election staff (DOMAIN.md §4.3, §4.4), and the one place they are
 * decided: what a person is paid for the appointments they worked at an election, line by
 * line, from the election's fee rates. No database: the payroll run reads the appointments,
 * journeys and expenses and hands them here, and tests give them by hand.
 *
 * Each line is worked out from the unrounded figures in whole numbers (pence times minutes
 * times basis points) and divided once, rounding half a penny up, so no rate is rounded before
 * it is multiplied: 20% on £10.42 an hour for 15 hours is £31.26, where rounding the uplifted
 * rate to £12.50 first would pay £187.50 in all rather than £187.56. The bounds of
 * ed-fee-scale.h and ed-pay-rules.h keep every product below 10^17. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "staff/ed-pay-rules.h"

#define BASIS_POINTS G_GINT64_CONSTANT (10000)
#define MINUTES_AN_HOUR G_GINT64_CONSTANT (60)
#define TENTHS_A_MILE G_GINT64_CONSTANT (10)

G_DEFINE_QUARK (ed-pay-rules-error-quark, ed_pay_rules_error)

void
ed_pay_line_free (EdPayLine *line)
{
  if (line == NULL)
    return;
  g_free (line->appointment);
  g_free (line->description);
  g_free (line);
}

/**
 * ed_pay_round_half_up:
 * @numerator: pence times whatever the line multiplies, not negative
 * @denominator: what it divides by, more than 0
 *
 * Divides and rounds to the penny, half a penny up: £13.25 × 4.5 hours is 5962.5p, paid
 * £59.63 (where rounding half to even would pay £59.62). No scale publishes a rule; DOMAIN.md
 * §4.3 sets this one.
 *
 * Returns: the amount in pence
 */
EdMoney
ed_pay_round_half_up (gint64 numerator,
                      gint64 denominator)
{
  g_return_val_if_fail (numerator >= 0, 0);
  g_return_val_if_fail (denominator > 0, 0);

  /* floor (n / d + 1/2) = floor ((2n + d) / 2d), with no fraction on the way. */
  return (2 * numerator + denominator) / (2 * denominator);
}

/**
 * ed_pay_tax_year:
 * @date: a valid date
 *
 * Returns: the year its tax year starts in: a tax year runs from 6 April to 5 April, so 5
 *   April 2030 is in 2029's and 6 April 2030 in 2030's
 */
int
ed_pay_tax_year (const GDate *date)
{
  int year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  year = g_date_get_year (date);
  if (g_date_get_month (date) < G_DATE_APRIL ||
      (g_date_get_month (date) == G_DATE_APRIL && g_date_get_day (date) < 6))
    year--;
  return year;
}

/**
 * ed_pay_lines_total:
 * @lines: (element-type EdPayLine): pay lines
 *
 * Returns: what they come to, in pence
 */
EdMoney
ed_pay_lines_total (GPtrArray *lines)
{
  EdMoney total = 0;

  g_return_val_if_fail (lines != NULL, 0);

  for (guint i = 0; i < lines->len; i++)
    total += ((EdPayLine *)g_ptr_array_index (lines, i))->amount;
  return total;
}

static gboolean G_GNUC_PRINTF (2, 3)
refuse (GError     **error,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, ED_PAY_RULES_ERROR, ED_PAY_RULES_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
in_range (gint64 value,
          gint64 max)
{
  return value >= 0 && value <= max;
}

/* Whether the rules can pay @a: every figure within the bounds that keep the arithmetic exact. */
static gboolean
check_appointment (const EdPayAppointment  *a,
                   GError                 **error)
{
  const EdFeeRate *rate = a->rate;
  const char *what = a->appointment != NULL ? a->appointment : "";

  if (rate == NULL)
    /* Translators: %s is an appointment's row id */
    return refuse (error, _("Appointment %s: its role has no fee rate"), what);
  if (!g_date_valid (&a->work_date))
    return refuse (error, _("Appointment %s: no day worked"), what);
  if (!in_range (rate->rate, ED_FEE_RATE_MAX_PENCE) ||
      !in_range (rate->enhanced_rate, ED_FEE_RATE_MAX_PENCE) ||
      !in_range (rate->training_fee, ED_FEE_RATE_MAX_PENCE) ||
      !in_range (rate->travel_allowance, ED_FEE_RATE_MAX_PENCE) ||
      !in_range (rate->supplement, rate->supplement_kind == ED_SUPPLEMENT_PERCENT
                                     ? ED_FEE_RATE_MAX_PERCENT_BP : ED_FEE_RATE_MAX_PENCE))
    return refuse (error, _("Appointment %s: its fee rate is out of range"), what);
  if (!in_range (a->minutes, ED_PAY_MAX_MINUTES) ||
      !in_range (a->enhanced_minutes, ED_PAY_MAX_MINUTES) ||
      !in_range (a->units, ED_PAY_MAX_UNITS))
    return refuse (error, _("Appointment %s: its hours or units are out of range"), what);
  for (guint j = 0; j < a->n_journeys; j++)
    {
      const EdPayJourney *journey = &a->journeys[j];

      if (!in_range (journey->tenths, ED_PAY_MAX_TENTHS) ||
          journey->passengers > ED_PAY_MAX_PASSENGERS)
        return refuse (error, _("Appointment %s: a journey’s miles or passengers are out of "
                                "range"), what);
      /* HMRC's passenger payments are for cars and vans only. */
      if (journey->passengers > 0 && journey->vehicle != ED_VEHICLE_CAR)
        return refuse (error, _("Appointment %s: passengers are paid in a car or van only"),
                       what);
    }
  for (guint e = 0; e < a->n_expenses; e++)
    if (!in_range (a->expenses[e].amount, ED_FEE_RATE_MAX_PENCE))
      return refuse (error, _("Appointment %s: an expense is out of range"), what);
  return TRUE;
}

static EdPayLine *
line_new (const EdPayAppointment *a,
          EdPayElement            element,
          const char             *description,
          gint64                  quantity,
          EdMoney                 rate,
          EdMoney                 amount,
          gboolean                taxable,
          EdCostHead              cost_head)
{
  EdPayLine *line = g_new0 (EdPayLine, 1);

  line->appointment = g_strdup (a->appointment);
  line->element = element;
  line->description = g_strdup (description != NULL ? description : "");
  line->work_date = a->work_date;
  line->quantity = quantity;
  line->rate = rate;
  line->amount = amount;
  line->taxable = taxable;
  line->nic_category = a->rate->nic_category;
  line->cost_head = cost_head;
  return line;
}

/* Minutes paid at the ordinary rate: with no enhanced rate, unsocial hours are hours. */
static gint64
ordinary_minutes (const EdPayAppointment *a)
{
  return a->rate->enhanced_rate == 0 ? a->minutes + a->enhanced_minutes : a->minutes;
}

static gint64
enhanced_minutes (const EdPayAppointment *a)
{
  return a->rate->enhanced_rate == 0 ? 0 : a->enhanced_minutes;
}

/* The fee (and the enhanced hours) of an appointment, as the rate's basis reckons it. */
static void
add_fee_lines (const EdPayAppointment *a,
               GPtrArray              *lines)
{
  const EdFeeRate *rate = a->rate;
  const char *role = ed_staff_role_get_display_name (rate->role);

  switch (rate->basis)
    {
    case ED_FEE_FLAT:
      if (rate->rate > 0)
        g_ptr_array_add (lines, line_new (a, ED_PAY_FEE, role, 0, rate->rate, rate->rate, TRUE,
                                          rate->cost_head));
      break;
    case ED_FEE_HOURLY:
      if (rate->rate > 0 && ordinary_minutes (a) > 0)
        g_ptr_array_add (lines, line_new (a, ED_PAY_FEE, role, ordinary_minutes (a), rate->rate,
                                          ed_pay_round_half_up (rate->rate * ordinary_minutes (a),
                                                                MINUTES_AN_HOUR),
                                          TRUE, rate->cost_head));
      if (enhanced_minutes (a) > 0)
        g_ptr_array_add (lines, line_new (a, ED_PAY_ENHANCED, role, enhanced_minutes (a),
                                          rate->enhanced_rate,
                                          ed_pay_round_half_up (rate->enhanced_rate *
                                                                enhanced_minutes (a),
                                                                MINUTES_AN_HOUR),
                                          TRUE, rate->cost_head));
      break;
    case ED_FEE_PER_UNIT:
      if (rate->rate > 0 && a->units > 0)
        g_ptr_array_add (lines, line_new (a, ED_PAY_FEE, role, a->units, rate->rate,
                                          rate->rate * a->units, TRUE, rate->cost_head));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* What the rate's combined-poll supplement comes to for @a, from the unrounded fee: a
 * percentage of the day's pay at both rates, or a flat sum. */
static EdMoney
supplement_amount (const EdPayAppointment *a)
{
  const EdFeeRate *rate = a->rate;
  gint64 pence_minutes;

  switch (rate->supplement_kind)
    {
    case ED_SUPPLEMENT_NONE:
      return 0;
    case ED_SUPPLEMENT_FLAT:
      return rate->supplement;
    case ED_SUPPLEMENT_PERCENT:
      switch (rate->basis)
        {
        case ED_FEE_FLAT:
          return ed_pay_round_half_up (rate->rate * rate->supplement, BASIS_POINTS);
        case ED_FEE_PER_UNIT:
          return ed_pay_round_half_up (rate->rate * a->units * rate->supplement, BASIS_POINTS);
        case ED_FEE_HOURLY:
          pence_minutes = rate->rate * ordinary_minutes (a) +
                          rate->enhanced_rate * enhanced_minutes (a);
          return ed_pay_round_half_up (pence_minutes * rate->supplement,
                                       MINUTES_AN_HOUR * BASIS_POINTS);
        default:
          g_assert_not_reached ();
        }
    default:
      g_assert_not_reached ();
    }
}

static void
add_journey_lines (const EdPayAppointment *a,
                   const EdPayJourney     *journey,
                   gint64                 *business_tenths,
                   GPtrArray              *lines)
{
  EdJourneyPurpose purpose = journey->purpose_set ? journey->purpose : a->rate->mileage_purpose;
  /* Business travel at HMRC's approved rates is not taxable; commuting is ordinary pay
   * (ITEPA 2003 s.229–230, s.339(5)). */
  gboolean taxable = purpose == ED_JOURNEY_COMMUTING;
  const char *description = journey->description != NULL && *journey->description != '\0'
                              ? journey->description
                              : ed_vehicle_get_display_name (journey->vehicle);
  gint64 tenths = journey->tenths;

  if (tenths == 0)
    return;

  switch (journey->vehicle)
    {
    case ED_VEHICLE_CAR:
      if (purpose == ED_JOURNEY_BUSINESS)
        {
          /* The step is on business miles by car in the tax year: a journey that crosses it
           * is two lines, each rounded once. */
          gint64 before_step = CLAMP (ED_AMAP_CAR_STEP_TENTHS - *business_tenths, 0, tenths);
          gint64 after_step = tenths - before_step;

          if (before_step > 0)
            g_ptr_array_add (lines, line_new (a, ED_PAY_MILEAGE, description, before_step,
                                              ED_AMAP_CAR_FIRST_PENCE,
                                              ed_pay_round_half_up (ED_AMAP_CAR_FIRST_PENCE *
                                                                    before_step, TENTHS_A_MILE),
                                              taxable, ED_COST_TRAVEL_SUBSISTENCE));
          if (after_step > 0)
            g_ptr_array_add (lines, line_new (a, ED_PAY_MILEAGE, description, after_step,
                                              ED_AMAP_CAR_AFTER_PENCE,
                                              ed_pay_round_half_up (ED_AMAP_CAR_AFTER_PENCE *
                                                                    after_step, TENTHS_A_MILE),
                                              taxable, ED_COST_TRAVEL_SUBSISTENCE));
          *business_tenths += tenths;
        }
      else
        {
          /* Commuting miles are not business miles: they neither count towards the step nor
           * fall under it, and are taxable whatever the rate. [U] */
          g_ptr_array_add (lines, line_new (a, ED_PAY_MILEAGE, description, tenths,
                                            ED_AMAP_CAR_FIRST_PENCE,
                                            ed_pay_round_half_up (ED_AMAP_CAR_FIRST_PENCE * tenths,
                                                                  TENTHS_A_MILE),
                                            taxable, ED_COST_TRAVEL_SUBSISTENCE));
        }
      if (journey->passengers > 0)
        {
          gint64 passenger_tenths = tenths * journey->passengers;

          g_ptr_array_add (lines, line_new (a, ED_PAY_PASSENGER, description, passenger_tenths,
                                            ED_AMAP_PASSENGER_PENCE,
                                            ed_pay_round_half_up (ED_AMAP_PASSENGER_PENCE *
                                                                  passenger_tenths,
                                                                  TENTHS_A_MILE),
                                            taxable, ED_COST_TRAVEL_SUBSISTENCE));
        }
      break;
    case ED_VEHICLE_MOTORCYCLE:
    case ED_VEHICLE_BICYCLE:
      {
        EdMoney pence = journey->vehicle == ED_VEHICLE_MOTORCYCLE ? ED_AMAP_MOTORCYCLE_PENCE
                                                                  : ED_AMAP_BICYCLE_PENCE;

        g_ptr_array_add (lines, line_new (a, ED_PAY_MILEAGE, description, tenths, pence,
                                          ed_pay_round_half_up (pence * tenths, TENTHS_A_MILE),
                                          taxable, ED_COST_TRAVEL_SUBSISTENCE));
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A flat travel allowance in the fee (Herefordshire's £20 for carrying the ballot box) is
 * taxed as the journey it pays for would be (0018-fee-rate-travel.sql). It is an expense line,
 * as the scale calls it travel expenses, rather than a pay element of its own. */
static void
add_travel_allowance_line (const EdPayAppointment *a,
                           GPtrArray              *lines)
{
  const EdFeeRate *rate = a->rate;

  if (rate->travel_allowance > 0)
    g_ptr_array_add (lines, line_new (a, ED_PAY_EXPENSE, _("Travel allowance"), 0,
                                      rate->travel_allowance, rate->travel_allowance,
                                      ed_fee_rate_get_travel_purpose (rate) ==
                                        ED_JOURNEY_COMMUTING,
                                      ED_COST_TRAVEL_SUBSISTENCE));
}

static void
add_expense_lines (const EdPayAppointment *a,
                   GPtrArray              *lines)
{
  /* A receipt shows the expense was the person's own cost, repaid; without one the payment
   * is treated as pay, and taxed. [U] */
  for (guint e = 0; e < a->n_expenses; e++)
    {
      const EdPayExpense *expense = &a->expenses[e];

      if (expense->amount > 0)
        g_ptr_array_add (lines, line_new (a, ED_PAY_EXPENSE, expense->description, 0,
                                          expense->amount, expense->amount, !expense->receipted,
                                          ED_COST_TRAVEL_SUBSISTENCE));
    }
}

/* Appointments by the day worked, and in the order given within a day, so that the mileage
 * step counts journeys in the order they were made. */
static int
compare_by_day (gconstpointer a,
                gconstpointer b)
{
  const EdPayAppointment *x = *(const EdPayAppointment * const *)a;
  const EdPayAppointment *y = *(const EdPayAppointment * const *)b;
  int by_date = g_date_compare (&x->work_date, &y->work_date);

  if (by_date != 0)
    return by_date;
  return x < y ? -1 : x > y ? 1 : 0;
}

/* The business miles already paid in @tax_year, from the caller's table. */
static gint64
miles_paid_in (const EdPayMilesPaid *miles_paid,
               guint                 n_miles_paid,
               int                   tax_year)
{
  gint64 tenths = 0;

  for (guint i = 0; i < n_miles_paid; i++)
    if (miles_paid[i].tax_year == tax_year)
      tenths += MAX (miles_paid[i].tenths, 0);
  return tenths;
}

/**
 * ed_pay_rules_compute:
 * @appointments: (array length=n_appointments): one person's appointments at one election
 *   that are to be paid
 * @n_appointments: how many
 * @miles_paid: (array length=n_miles_paid) (nullable): the person's business miles by car
 *   already paid in each tax year the appointments fall in, before these
 * @n_miles_paid: how many
 * @error: return location for an %ED_PAY_RULES_ERROR
 *
 * Works out a person's pay (DOMAIN.md §4.3, §4.4), appointment by appointment in the order
 * of the days worked, each in this order:
 *
 * - the fee: a flat sum, the rate times the minutes over 60, or the rate times the units;
 *   hours at the enhanced rate on a line of their own (with no enhanced rate, at the
 *   ordinary rate);
 * - the combined-poll supplement, once per person per polling day, however many polls are
 *   combined and however many roles the person has that day: a percentage of the day's pay
 *   at both rates, or a flat sum. A person in two roles on one polling day is paid the larger
 *   of the two roles' supplements (the first given, when equal), so that taking a second role
 *   never costs them the better one;
 * - the training fee, when the role's training was attended and is current on the day, once
 *   per role at the election: with the first appointment of that role that qualifies;
 * - the rate's travel allowance, taxed as a journey of its purpose;
 * - each journey's mileage at HMRC's approved rates, business travel not taxable, commuting
 *   taxable; the purpose is the journey's, else the role's. A car's business miles past
 *   10,000 in the tax year (6 April to 5 April) are paid at 25p, a journey crossing the step
 *   split in two lines; passengers 5p a mile each, taxed as the journey is;
 * - each other expense: not taxable with a receipt, taxable without.
 *
 * Fees and supplements are accounted under the rate's cost head, training under training,
 * travel and expenses under travel and subsistence; every line carries the rate's National
 * Insurance category. Each line is rounded once, half up, from unrounded figures. A line that
 * comes to nothing is left out.
 *
 * Returns: (transfer container) (element-type EdPayLine): the lines, or %NULL with @error
 *   set when an appointment cannot be paid
 */
GPtrArray *
ed_pay_rules_compute (const EdPayAppointment  *appointments,
                      guint                    n_appointments,
                      const EdPayMilesPaid    *miles_paid,
                      guint                    n_miles_paid,
                      GError                 **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) by_day = NULL;
  g_autoptr(GHashTable) business_tenths = NULL;  /* tax year → gint64 *, running */
  g_autoptr(GHashTable) supplement_to = NULL;    /* the appointment that gets its day's supplement */
  gboolean trained[ED_N_STAFF_ROLES] = { FALSE, };

  g_return_val_if_fail (appointments != NULL || n_appointments == 0, NULL);
  g_return_val_if_fail (miles_paid != NULL || n_miles_paid == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  by_day = g_ptr_array_sized_new (n_appointments);
  for (guint i = 0; i < n_appointments; i++)
    {
      if (!check_appointment (&appointments[i], error))
        return NULL;
      g_ptr_array_add (by_day, (gpointer)&appointments[i]);
    }
  g_ptr_array_sort (by_day, compare_by_day);

  /* One supplement per polling day: of a day's combined-poll appointments, the one whose
   * supplement is largest, the earliest given on a tie. */
  supplement_to = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < by_day->len; i++)
    {
      const EdPayAppointment *a = g_ptr_array_index (by_day, i);
      EdMoney amount = a->combined_poll ? supplement_amount (a) : 0;
      gboolean beaten = FALSE;

      if (amount == 0)
        continue;
      for (guint j = 0; j < by_day->len && !beaten; j++)
        {
          const EdPayAppointment *other = g_ptr_array_index (by_day, j);
          EdMoney other_amount;

          if (other == a || !other->combined_poll ||
              g_date_compare (&other->work_date, &a->work_date) != 0)
            continue;
          other_amount = supplement_amount (other);
          beaten = other_amount > amount || (other_amount == amount && other < a);
        }
      if (!beaten)
        g_hash_table_add (supplement_to, (gpointer)a);
    }

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_pay_line_free);
  business_tenths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < by_day->len; i++)
    {
      const EdPayAppointment *a = g_ptr_array_index (by_day, i);
      const EdFeeRate *rate = a->rate;
      const char *role = ed_staff_role_get_display_name (rate->role);
      int tax_year = ed_pay_tax_year (&a->work_date);
      gint64 *tenths = g_hash_table_lookup (business_tenths, GINT_TO_POINTER (tax_year));

      add_fee_lines (a, lines);

      if (g_hash_table_contains (supplement_to, a))
        {
          EdMoney amount = supplement_amount (a);

          g_ptr_array_add (lines, line_new (a, ED_PAY_SUPPLEMENT, role, 0, amount, amount, TRUE,
                                            rate->cost_head));
        }

      if (a->training_attended && rate->training_fee > 0 && !trained[rate->role])
        {
          trained[rate->role] = TRUE;
          g_ptr_array_add (lines, line_new (a, ED_PAY_TRAINING, role, 0, rate->training_fee,
                                            rate->training_fee, TRUE, ED_COST_TRAINING));
        }

      add_travel_allowance_line (a, lines);

      if (tenths == NULL)
        {
          tenths = g_new (gint64, 1);
          *tenths = miles_paid_in (miles_paid, n_miles_paid, tax_year);
          g_hash_table_insert (business_tenths, GINT_TO_POINTER (tax_year), tenths);
        }
      for (guint j = 0; j < a->n_journeys; j++)
        add_journey_lines (a, &a->journeys[j], tenths, lines);

      add_expense_lines (a, lines);
    }
  return g_steal_pointer (&lines);
}
