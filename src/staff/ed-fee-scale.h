/* ed-fee-scale.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-money.h"
#include "district/ed-context.h"
#include "elections/ed-election.h"
#include "staff/ed-staff-vocab.h"

G_BEGIN_DECLS

#define ED_FEE_SCALE_ERROR (ed_fee_scale_error_quark ())

/**
 * EdFeeScaleError:
 * @ED_FEE_SCALE_ERROR_NOT_FOUND: no template of that id
 * @ED_FEE_SCALE_ERROR_INVALID: a template that is not a fee scale; the message names the file
 *   and the field
 * @ED_FEE_SCALE_ERROR_STORED: a fee_rate row this version cannot read
 */
typedef enum
{
  ED_FEE_SCALE_ERROR_NOT_FOUND,
  ED_FEE_SCALE_ERROR_INVALID,
  ED_FEE_SCALE_ERROR_STORED,
} EdFeeScaleError;

/* The most a template or a row may hold, so that every product the pay rules form stays far
 * inside gint64 (ed-pay-rules.c). */
#define ED_FEE_RATE_MAX_PENCE      G_GINT64_CONSTANT (1000000)  /* £10,000 a day, hour or unit */
#define ED_FEE_RATE_MAX_PERCENT_BP G_GINT64_CONSTANT (100000)   /* 1,000% */

/**
 * EdFeeRate:
 * @id: (nullable): its fee_rate row id; %NULL in a template
 * @election: (nullable): the election's row id; %NULL in a template
 * @role: the role it pays
 * @basis: flat, hourly or per unit
 * @rate: pence a day, an hour or a unit
 * @enhanced_rate: pence an hour at unsocial hours, or 0 for none
 * @unit_name: what a unit is, for a per-unit fee ("form delivered"), or ""
 * @training_fee: pence, paid once per election when the role's training was attended
 * @supplement_kind: what a combined poll adds
 * @supplement: basis points (2000 is 20%) or pence, per person per polling day
 * @mileage_purpose: whether the role's journeys are business or commuting unless a journey
 *   says otherwise (DOMAIN.md §4.3: the per-role default is [U], so it is each rate's own)
 * @nic_category: election or registration duties (DOMAIN.md §4.4)
 * @cost_head: where the fee and the supplement are accounted
 * @source: the template it came from (its id), or ""
 * @travel_allowance: pence a day paid as travel with the fee, or 0 (0018-fee-rate-travel.sql)
 * @travel_purpose_set: whether the rate names the allowance's purpose; when not, it is
 *   @mileage_purpose's
 * @travel_purpose: the allowance's purpose when @travel_purpose_set
 *
 * What an election pays one role: a row of fee_rate, or a line of a template.
 */
typedef struct
{
  char             *id;
  char             *election;
  EdStaffRole       role;
  EdFeeBasis        basis;
  EdMoney           rate;
  EdMoney           enhanced_rate;
  char             *unit_name;
  EdMoney           training_fee;
  EdSupplementKind  supplement_kind;
  gint64            supplement;
  EdJourneyPurpose  mileage_purpose;
  EdNicCategory     nic_category;
  EdCostHead        cost_head;
  char             *source;
  EdMoney           travel_allowance;
  gboolean          travel_purpose_set;
  EdJourneyPurpose  travel_purpose;
} EdFeeRate;

/**
 * EdFeeScale:
 * @id: the template's id, its file name without ".json": "nottinghamshire-2023-24"
 * @title: what it is called: "Nottinghamshire county-wide scale 2023/24"
 * @source: where and when it was published
 * @note: what the template leaves out or how it reads the scale, or ""
 * @rates: (element-type EdFeeRate): one rate per role, in the template's order
 *
 * A fee scale template of data/fee-scales (DOMAIN.md §4.2).
 */
typedef struct
{
  char      *id;
  char      *title;
  char      *source;
  char      *note;
  GPtrArray *rates;
} EdFeeScale;

GQuark            ed_fee_scale_error_quark       (void);

GPtrArray        *ed_fee_scale_list_templates    (GError      **error);
EdFeeScale       *ed_fee_scale_get_template      (const char   *template_id,
                                                  GError      **error);
EdFeeScale       *ed_fee_scale_parse             (const char   *file_name,
                                                  GBytes       *bytes,
                                                  GError      **error);
EdFeeScale       *ed_fee_scale_read_file         (const char   *path,
                                                  GError      **error);
gboolean          ed_fee_scale_apply             (EdContext    *context,
                                                  EdFeeScale   *scale,
                                                  EdElection   *election,
                                                  guint        *out_n_ops,
                                                  GError      **error);
gboolean          ed_fee_scale_load              (EdContext    *context,
                                                  const char   *template_id,
                                                  const char   *election_id,
                                                  GError      **error);

GPtrArray        *ed_fee_rate_list               (EdContext    *context,
                                                  EdElection   *election,
                                                  GError      **error);
const EdFeeRate  *ed_fee_rate_find               (GPtrArray    *rates,
                                                  EdStaffRole   role);
EdJourneyPurpose  ed_fee_rate_get_travel_purpose (const EdFeeRate *rate);

EdFeeRate        *ed_fee_rate_copy               (const EdFeeRate *rate);
void              ed_fee_rate_free               (EdFeeRate    *rate);
void              ed_fee_scale_free              (EdFeeScale   *scale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdFeeRate, ed_fee_rate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdFeeScale, ed_fee_scale_free)

G_END_DECLS
