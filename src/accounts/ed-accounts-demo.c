/* ed-accounts-demo.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The demo district's accounts: the May poll's, with its combined parish poll. The estimate by
 * head is in proportion to the electorate, at rates of the order a district council budgets;
 * the costs are those a poll incurs, invoiced on their usual days before polling day (those
 * not yet invoiced by the demo's day are orders placed, their invoices to come): the election
 * management system's licence, the notices, the poll cards and postal votes, each poll's
 * ballot papers, training, equipment and the halls; an invoice entered twice and reversed;
 * and, a month after the poll, the returning officer's fee by the council's scale. Every
 * supplier is invented. */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include "accounts/ed-account.h"
#include "accounts/ed-accounts-demo.h"
#include "core/ed-today.h"

/* The estimate of each head, in pence for each 1,000 electors. */
static const EdMoney estimate_per_1000[ED_N_COST_HEADS] = {
  [ED_COST_RO_FEES] = 6000,
  [ED_COST_STAFF_STATIONS] = 90000,
  [ED_COST_STAFF_COUNT] = 20000,
  [ED_COST_STAFF_POSTAL_OPENING] = 8000,
  [ED_COST_STAFF_POLL_CARDS] = 1500,
  [ED_COST_STAFF_ADMINISTRATION] = 6000,
  [ED_COST_TRAVEL_SUBSISTENCE] = 3000,
  [ED_COST_NOMINATIONS] = 500,
  [ED_COST_BALLOT_PAPERS] = 6000,
  [ED_COST_POLL_CARDS] = 50000,
  [ED_COST_POSTAL_VOTES] = 20000,
  [ED_COST_NOTICES] = 2000,
  [ED_COST_PREMISES] = 8000,
  [ED_COST_EQUIPMENT] = 5000,
  [ED_COST_IT] = 4000,
  [ED_COST_TRAINING] = 2000,
  [ED_COST_OTHER] = 1500,
};

typedef enum
{
  FOR_ALL,
  FOR_DISTRICT,
  FOR_PARISH,
} Serves;

/* A cost, invoiced @days after polling day (before it when negative), of @per_1000 pence for
 * each 1,000 electors. */
typedef struct
{
  int         days;
  EdCostHead  head;
  const char *supplier;
  const char *description;
  EdMoney     per_1000;
  gboolean    vat;
  Serves      serves;
  EdEvidence  evidence;
} DemoCost;

static const DemoCost costs[] = {
  { -70, ED_COST_IT, "Valeware Systems Ltd", "Election management system: annual licence", 3500,
    TRUE, FOR_ALL, ED_EVIDENCE_INVOICE },
  { -45, ED_COST_NOTICES, "Ashmere Vale Gazette", "Notice of election", 800, TRUE, FOR_DISTRICT,
    ED_EVIDENCE_INVOICE },
  { -45, ED_COST_NOTICES, "Ashmere Vale Gazette", "Notice of election: parish councils", 400,
    TRUE, FOR_PARISH, ED_EVIDENCE_INVOICE },
  { -38, ED_COST_POLL_CARDS, "Kestrel Print and Mail", "Poll cards: printing", 9000, TRUE,
    FOR_ALL, ED_EVIDENCE_CONTRACT },
  { -35, ED_COST_POLL_CARDS, "Kestrel Print and Mail", "Poll cards: postage", 28000, FALSE,
    FOR_ALL, ED_EVIDENCE_INVOICE },
  { -30, ED_COST_POSTAL_VOTES, "Kestrel Print and Mail", "Postal vote packs: print and outward "
    "postage", 14000, TRUE, FOR_ALL, ED_EVIDENCE_INVOICE },
  { -24, ED_COST_BALLOT_PAPERS, "Kestrel Print and Mail", "Ballot papers: district council",
    3800, TRUE, FOR_DISTRICT, ED_EVIDENCE_INVOICE },
  { -24, ED_COST_BALLOT_PAPERS, "Kestrel Print and Mail", "Ballot papers: parish councils",
    1900, TRUE, FOR_PARISH, ED_EVIDENCE_INVOICE },
  { -16, ED_COST_TRAINING, "Mill Lane Community Centre", "Room hire for staff training", 600,
    FALSE, FOR_ALL, ED_EVIDENCE_RECEIPT },
  { -9, ED_COST_EQUIPMENT, "Harrier Van Hire", "Vans to take ballot boxes and screens out", 2600,
    TRUE, FOR_ALL, ED_EVIDENCE_INVOICE },
  { -9, ED_COST_EQUIPMENT, "Harrier Van Hire", "Vans to take ballot boxes and screens out", 2600,
    TRUE, FOR_ALL, ED_EVIDENCE_INVOICE },
  { -20, ED_COST_PREMISES, "Vale Village Halls Trust", "Hire of halls for polling stations", 5200,
    FALSE, FOR_ALL, ED_EVIDENCE_INVOICE },
  { -12, ED_COST_PREMISES, "Ashmere Leisure Centre", "Hire of the count hall", 1800, TRUE, FOR_ALL,
    ED_EVIDENCE_NONE },
  { -14, ED_COST_OTHER, "Quill Office Supplies", "Stationery for stations and the count", 1100,
    TRUE, FOR_ALL, ED_EVIDENCE_RECEIPT },
};

/* The council's scale for the district poll's fee (DOMAIN.md §5.3: so much an elector, as
 * Wiltshire's 5.3p, and so much a contested ward). */
static const EdFeeScale district_scale = {
  .per_election = 50000,
  .per_1000_electors = 5300,
  .per_contested_area = 2500,
};

static gboolean
add_cost (EdContext        *context,
          const DemoCost   *cost,
          EdElection       *district,
          EdElection       *parish,
          const GDate      *poll,
          const GDate      *today,
          guint             electors,
          int               percent,
          GRand            *rand,
          char            **out_id,
          GError          **error)
{
  const char *all[] = { district->id, parish != NULL ? parish->id : NULL, NULL };
  const char *district_only[] = { district->id, NULL };
  const char *parish_only[] = { parish != NULL ? parish->id : NULL, NULL };
  EdAccountEntryNew entry = { 0 };
  GDate invoiced = *poll;
  gboolean ordered;
  char *id;

  if (cost->per_1000 == 0 || (cost->serves == FOR_PARISH && parish == NULL))
    return TRUE;
  if (cost->days < 0)
    g_date_subtract_days (&invoiced, (guint)-cost->days);
  else
    g_date_add_days (&invoiced, (guint)cost->days);
  /* A cost not yet invoiced by the demo's day is an order placed: in the account as a
   * commitment, its invoice to come (the evidence checklist lists it). */
  ordered = g_date_compare (&invoiced, today) > 0;

  entry.head = cost->head;
  entry.supplier = cost->supplier;
  entry.description = cost->description;
  entry.invoice_date = ordered ? NULL : &invoiced;
  entry.net = cost->per_1000 * electors / 1000 * percent / 100;
  entry.vat = cost->vat ? entry.net / 5 : 0;
  entry.polls = cost->serves == FOR_ALL ? all
                : cost->serves == FOR_DISTRICT ? district_only : parish_only;
  entry.evidence = ordered ? ED_EVIDENCE_CONTRACT : cost->evidence;
  {
    g_autofree char *number = g_strdup_printf ("%c%05u", 'A' + g_rand_int_range (rand, 0, 26),
                                               g_rand_int_range (rand, 10000, 99999));

    entry.invoice_number = ordered ? "" : number;
    if ((id = ed_account_add_entry (context, &entry, error)) == NULL)
      return FALSE;
  }
  if (out_id != NULL)
    *out_id = id;
  else
    g_free (id);
  return TRUE;
}

/**
 * ed_accounts_demo:
 * @context: the demo district, its elections written
 * @rand: the demo's random stream
 * @options: the demo's options
 * @error: return location for an error
 *
 * Writes the accounts of the demo's May poll and its parish poll.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_accounts_demo (EdContext            *context,
                  GRand                *rand,
                  const EdDemoOptions  *options,
                  GError              **error)
{
  g_autoptr(GPtrArray) elections = ed_election_list (context, error);
  EdElection *district = NULL;
  EdElection *parish = NULL;
  g_autofree char *duplicate = NULL;
  guint electors = MAX (options->electors, 1000);
  int percent = 100;

  if (elections == NULL)
    return FALSE;
  for (guint i = 0; i < elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (elections, i);

      if (election->combined_with[0] == '\0' && district == NULL)
        district = election;
      else if (election->kind == ED_ELECTION_PARISH && district != NULL &&
               g_str_equal (election->combined_with, district->id))
        parish = election;
    }
  if (district == NULL)
    return TRUE;

  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    if (estimate_per_1000[h] > 0 &&
        !ed_account_set_estimate (context, district->id, h,
                                  estimate_per_1000[h] * electors / 1000 / 100 * 100, error))
      return FALSE;
  if (!ed_account_set_fee_scale (context, district->id, &district_scale, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (costs); i++)
    {
      /* The second van hire is the first entered twice: reversed below. */
      gboolean repeated = i > 0 && costs[i].head == costs[i - 1].head &&
                          g_str_equal (costs[i].description, costs[i - 1].description);
      char *id = NULL;

      /* Within a tenth either way of the rate, to the penny; a repeat is the same invoice. */
      if (!repeated)
        percent = g_rand_int_range (rand, 90, 111);
      if (!add_cost (context, &costs[i], district, parish, &district->poll, &options->today,
                     electors, percent, rand, repeated ? &id : NULL, error))
        return FALSE;
      if (id != NULL)
        {
          g_free (duplicate);
          duplicate = id;
        }
    }
  /* The returning officer's fee by the scale, paid a month after the poll. */
  {
    GDate paid = district->poll;
    gint64 fixed = 0;

    for (guint c = 0; c < district->contests->len; c++)
      fixed += ((EdContest *)g_ptr_array_index (district->contests, c))->fixed_electorate;
    g_date_add_days (&paid, 28);
    if (g_date_compare (&paid, &options->today) <= 0)
      {
        const char *polls[] = { district->id, NULL };
        EdAccountEntryNew fee = {
          .head = ED_COST_RO_FEES,
          .supplier = "Returning Officer",
          .description = "Returning officer’s fee by the council’s scale",
          .invoice_date = &paid,
          .net = ed_fee_scale_compute (&district_scale, fixed > 0 ? fixed : options->electors,
                                       ed_election_count_contested (district)),
          .polls = polls,
          .evidence = ED_EVIDENCE_PAYROLL,
        };
        g_autofree char *id = ed_account_add_entry (context, &fee, error);

        if (id == NULL)
          return FALSE;
      }
  }
  if (duplicate != NULL)
    {
      g_autofree char *reversal = ed_account_reverse_entry (context, duplicate, error);

      if (reversal == NULL)
        return FALSE;
    }
  return TRUE;
}
