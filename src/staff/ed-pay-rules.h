/* ed-pay-rules.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "core/ed-money.h"
#include "staff/ed-fee-scale.h"
#include "staff/ed-staff-vocab.h"

G_BEGIN_DECLS

#define ED_PAY_RULES_ERROR (ed_pay_rules_error_quark ())

/**
 * EdPayRulesError:
 * @ED_PAY_RULES_ERROR_INVALID: an appointment, journey or expense the rules cannot pay: a
 *   figure out of range, or passengers on a bicycle
 */
typedef enum
{
  ED_PAY_RULES_ERROR_INVALID,
} EdPayRulesError;

/* HMRC's approved mileage allowance payments (DOMAIN.md §4.3), in pence a mile. */
#define ED_AMAP_CAR_FIRST_PENCE  45  /* the first 10,000 business miles of the tax year */
#define ED_AMAP_CAR_AFTER_PENCE  25
#define ED_AMAP_MOTORCYCLE_PENCE 24
#define ED_AMAP_BICYCLE_PENCE    20
#define ED_AMAP_PASSENGER_PENCE  5   /* a passenger a mile */
/* 10,000 miles, in tenths of a mile as journeys are kept. */
#define ED_AMAP_CAR_STEP_TENTHS  G_GINT64_CONSTANT (100000)

/* The most the rules take, so that every product stays far inside gint64. */
#define ED_PAY_MAX_MINUTES    G_GINT64_CONSTANT (100000)   /* some 69 days */
#define ED_PAY_MAX_UNITS      G_GINT64_CONSTANT (1000000)
#define ED_PAY_MAX_TENTHS     G_GINT64_CONSTANT (1000000)  /* 100,000 miles */
#define ED_PAY_MAX_PASSENGERS 100

/**
 * EdPayJourney:
 * @description: (nullable): where from and to, as claimed
 * @vehicle: what it was made in
 * @tenths: its length in tenths of a mile
 * @passengers: colleagues carried on work journeys (cars and vans only)
 * @purpose_set: whether the claim says business or commuting; when not, the role's
 *   default (#EdFeeRate's @mileage_purpose) holds
 * @purpose: business or commuting, when @purpose_set
 */
typedef struct
{
  const char       *description;
  EdVehicle         vehicle;
  gint64            tenths;
  guint             passengers;
  gboolean          purpose_set;
  EdJourneyPurpose  purpose;
} EdPayJourney;

/**
 * EdPayExpense:
 * @description: (nullable): what it was
 * @amount: pence
 * @receipted: whether a receipt was seen
 */
typedef struct
{
  const char *description;
  EdMoney     amount;
  gboolean    receipted;
} EdPayExpense;

/**
 * EdPayAppointment:
 * @appointment: (nullable): its row id, carried to its lines
 * @rate: what its role is paid
 * @work_date: the day it was worked (polling day for a station)
 * @combined_poll: whether @work_date is the polling day of a combined poll, so that the
 *   role's supplement is due
 * @minutes: minutes at the ordinary rate, for an hourly fee
 * @enhanced_minutes: minutes at the enhanced rate, for an hourly fee
 * @units: units of work, for a fee per unit
 * @training_attended: whether the role's training was attended and is current on @work_date
 * @journeys: (array length=n_journeys) (nullable): its journeys
 * @n_journeys: how many
 * @expenses: (array length=n_expenses) (nullable): its other expenses
 * @n_expenses: how many
 *
 * An appointment to pay: one the person worked.
 */
typedef struct
{
  const char          *appointment;
  const EdFeeRate     *rate;
  GDate                work_date;
  gboolean             combined_poll;
  gint64               minutes;
  gint64               enhanced_minutes;
  gint64               units;
  gboolean             training_attended;
  const EdPayJourney  *journeys;
  guint                n_journeys;
  const EdPayExpense  *expenses;
  guint                n_expenses;
} EdPayAppointment;

/**
 * EdPayMilesPaid:
 * @tax_year: the year the tax year starts in: 2030 for 6 April 2030 to 5 April 2031
 * @tenths: business miles by car or van already paid to the person in that tax year,
 *   before the appointments being paid, in tenths of a mile
 */
typedef struct
{
  int    tax_year;
  gint64 tenths;
} EdPayMilesPaid;

/**
 * EdPayLine:
 * @appointment: (nullable): the appointment it pays
 * @element: what it is for
 * @description: for people: the role, the journey or the expense
 * @work_date: the day
 * @quantity: minutes, units or tenths of a mile (passenger tenths: miles times passengers),
 *   or 0 for a flat amount
 * @rate: pence an hour, a unit or a mile; the amount itself for a flat amount
 * @amount: pence, rounded once, half up
 * @taxable: whether it is taxable pay
 * @nic_category: election or registration duties
 * @cost_head: where it is accounted
 *
 * One line of a person's pay.
 */
typedef struct
{
  char           *appointment;
  EdPayElement    element;
  char           *description;
  GDate           work_date;
  gint64          quantity;
  EdMoney         rate;
  EdMoney         amount;
  gboolean        taxable;
  EdNicCategory   nic_category;
  EdCostHead      cost_head;
} EdPayLine;

GQuark     ed_pay_rules_error_quark (void);

EdMoney    ed_pay_round_half_up     (gint64                   numerator,
                                     gint64                   denominator);
int        ed_pay_tax_year          (const GDate             *date);
GPtrArray *ed_pay_rules_compute     (const EdPayAppointment  *appointments,
                                     guint                    n_appointments,
                                     const EdPayMilesPaid    *miles_paid,
                                     guint                    n_miles_paid,
                                     GError                 **error);
EdMoney    ed_pay_lines_total       (GPtrArray               *lines);

void       ed_pay_line_free         (EdPayLine               *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPayLine, ed_pay_line_free)

G_END_DECLS
