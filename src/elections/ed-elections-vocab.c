/* ed-elections-vocab.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The elections module's vocabularies (ed-elections-vocab.h), each one table from its enum to
 * the value its column stores and the name people read. The values are what
 * 0015-elections.sql lists beside each column; test-elections-vocab.c holds the two to each
 * other. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-vocab.h"
#include "elections/ed-elections-vocab.h"

static const EdTerm election_kinds[] = {
  [ED_ELECTION_UK_PARLIAMENTARY_GENERAL] =
    { "uk_parliamentary_general", N_("UK Parliamentary general election") },
  [ED_ELECTION_UK_PARLIAMENTARY_BY] =
    { "uk_parliamentary_by", N_("UK Parliamentary by-election") },
  [ED_ELECTION_LOCAL] = { "local", N_("Local election") },
  [ED_ELECTION_PARISH] = { "parish", N_("Parish or community council election") },
  [ED_ELECTION_PCC] = { "pcc", N_("Police and Crime Commissioner election") },
  [ED_ELECTION_MAYORAL] = { "mayoral", N_("Mayoral election") },
  [ED_ELECTION_SENEDD] = { "senedd", N_("Senedd election") },
  [ED_ELECTION_SCOTTISH_LOCAL] = { "scottish_local", N_("Scottish council election") },
  [ED_ELECTION_REFERENDUM] = { "referendum", N_("Referendum") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (election_kinds) == ED_N_ELECTION_KINDS);

/* The first part of Democracy Club's election ids ("local.ashmere-vale.2027-05-06"). */
static const char * const election_id_prefixes[] = {
  [ED_ELECTION_UK_PARLIAMENTARY_GENERAL] = "parl",
  [ED_ELECTION_UK_PARLIAMENTARY_BY] = "parl",
  [ED_ELECTION_LOCAL] = "local",
  [ED_ELECTION_PARISH] = "parish",
  [ED_ELECTION_PCC] = "pcc",
  [ED_ELECTION_MAYORAL] = "mayor",
  [ED_ELECTION_SENEDD] = "senedd",
  [ED_ELECTION_SCOTTISH_LOCAL] = "local",
  [ED_ELECTION_REFERENDUM] = "ref",
};
G_STATIC_ASSERT (G_N_ELEMENTS (election_id_prefixes) == ED_N_ELECTION_KINDS);

static const EdTerm contest_areas[] = {
  [ED_CONTEST_AREA_WARD] = { "ward", N_("Ward or division") },
  [ED_CONTEST_AREA_PARISH] = { "parish", N_("Parish or community") },
  [ED_CONTEST_AREA_CONSTITUENCY] = { "constituency", N_("Constituency") },
  [ED_CONTEST_AREA_WHOLE] = { "whole", N_("Whole district") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (contest_areas) == ED_N_CONTEST_AREAS);

static const EdTerm timetable_events[] = {
  [ED_TIMETABLE_DISSOLUTION] = { "dissolution", N_("Dissolution of Parliament") },
  [ED_TIMETABLE_NOTICE_OF_ELECTION] = { "notice_of_election", N_("Notice of election") },
  [ED_TIMETABLE_POLL_CARDS] = { "poll_cards", N_("Poll cards sent") },
  [ED_TIMETABLE_NOMINATIONS_CLOSE] = { "nominations_close", N_("Close of nominations") },
  [ED_TIMETABLE_FIRST_INTERIM_NOTICE] =
    { "first_interim_notice", N_("First interim notice of alteration") },
  [ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED] =
    { "statement_of_persons_nominated", N_("Statement of persons nominated") },
  [ED_TIMETABLE_SECOND_INTERIM_NOTICE] =
    { "second_interim_notice", N_("Second interim notice of alteration") },
  [ED_TIMETABLE_REGISTRATION_DEADLINE] =
    { "registration_deadline", N_("Registration deadline") },
  [ED_TIMETABLE_POSTAL_DEADLINE] = { "postal_deadline", N_("Postal vote applications close") },
  [ED_TIMETABLE_NOTICE_OF_POLL] = { "notice_of_poll", N_("Notice of poll") },
  [ED_TIMETABLE_PROXY_DEADLINE] = { "proxy_deadline", N_("Proxy applications close") },
  [ED_TIMETABLE_VAC_DEADLINE] =
    { "vac_deadline", N_("Voter Authority Certificate applications close") },
  [ED_TIMETABLE_ANONYMOUS_DEADLINE] =
    { "anonymous_deadline", N_("Anonymous registration applications close") },
  [ED_TIMETABLE_FINAL_INTERIM_NOTICE] =
    { "final_interim_notice", N_("Final interim notice of alteration") },
  [ED_TIMETABLE_POSTAL_REPLACEMENT_FROM] =
    { "postal_replacement_from", N_("Lost postal votes replaced from") },
  [ED_TIMETABLE_POLL] = { "poll", N_("Polling day") },
  [ED_TIMETABLE_EMERGENCY_PROXY_DEADLINE] =
    { "emergency_proxy_deadline", N_("Emergency proxy applications close") },
  [ED_TIMETABLE_COUNT] = { "count", N_("The count") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (timetable_events) == ED_N_TIMETABLE_EVENTS);

static const EdTerm poll_card_variants[] = {
  [ED_POLL_CARD_ORDINARY] = { "ordinary", N_("Poll card") },
  [ED_POLL_CARD_POSTAL] = { "postal", N_("Postal poll card") },
  [ED_POLL_CARD_PROXY] = { "proxy", N_("Proxy poll card") },
  [ED_POLL_CARD_PROXY_POSTAL] = { "proxy_postal", N_("Proxy postal poll card") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (poll_card_variants) == ED_N_POLL_CARD_VARIANTS);

static const EdTerm poll_card_layouts[] = {
  [ED_POLL_CARD_LAYOUT_A6] = { "a6", N_("A6, one card to a page") },
  [ED_POLL_CARD_LAYOUT_A4_4UP] = { "a4-4up", N_("A4, four cards to a sheet") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (poll_card_layouts) == ED_N_POLL_CARD_LAYOUTS);

static const EdTerm poll_card_orders[] = {
  [ED_POLL_CARD_ORDER_WALK] = { "walk", N_("Street order") },
  [ED_POLL_CARD_ORDER_POSTCODE] = { "postcode", N_("Postcode") },
  [ED_POLL_CARD_ORDER_NUMBER] = { "number", N_("Elector number") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (poll_card_orders) == ED_N_POLL_CARD_ORDERS);

static const EdTerm poll_card_run_kinds[] = {
  [ED_POLL_CARD_RUN_PROOF] = { "proof", N_("Proof") },
  [ED_POLL_CARD_RUN_FINAL] = { "final", N_("Final print") },
  [ED_POLL_CARD_RUN_DATA] = { "data", N_("Printer’s data file") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (poll_card_run_kinds) == ED_N_POLL_CARD_RUN_KINDS);

ED_DEFINE_TERMS (ed_election_kind, EdElectionKind, election_kinds)
ED_DEFINE_TERMS (ed_contest_area, EdContestArea, contest_areas)
ED_DEFINE_TERMS (ed_timetable_event, EdTimetableEvent, timetable_events)
ED_DEFINE_TERMS (ed_poll_card_variant, EdPollCardVariant, poll_card_variants)
ED_DEFINE_TERMS (ed_poll_card_layout, EdPollCardLayout, poll_card_layouts)
ED_DEFINE_TERMS (ed_poll_card_order, EdPollCardOrder, poll_card_orders)
ED_DEFINE_TERMS (ed_poll_card_run_kind, EdPollCardRunKind, poll_card_run_kinds)

/**
 * ed_election_kind_get_id_prefix:
 * @kind: a kind of election
 *
 * Returns: (transfer none): the first part of its Democracy Club style id: "local", "parl"
 */
const char *
ed_election_kind_get_id_prefix (EdElectionKind kind)
{
  g_return_val_if_fail ((guint)kind < ED_N_ELECTION_KINDS, NULL);
  return election_id_prefixes[kind];
}

/**
 * ed_contest_area_for_kind:
 * @kind: a kind of election
 *
 * Returns: the kind of area its contests are fought over
 */
EdContestArea
ed_contest_area_for_kind (EdElectionKind kind)
{
  switch (kind)
    {
    case ED_ELECTION_UK_PARLIAMENTARY_GENERAL:
    case ED_ELECTION_UK_PARLIAMENTARY_BY:
      return ED_CONTEST_AREA_CONSTITUENCY;
    case ED_ELECTION_LOCAL:
    case ED_ELECTION_SCOTTISH_LOCAL:
      return ED_CONTEST_AREA_WARD;
    case ED_ELECTION_PARISH:
      return ED_CONTEST_AREA_PARISH;
    case ED_ELECTION_PCC:
    case ED_ELECTION_MAYORAL:
    case ED_ELECTION_REFERENDUM:
    /* The district's part of a Senedd constituency: the register does not record those, and
     * one district lies in one or two of them. */
    case ED_ELECTION_SENEDD:
      return ED_CONTEST_AREA_WHOLE;
    case ED_N_ELECTION_KINDS:
    default:
      g_return_val_if_reached (ED_CONTEST_AREA_WHOLE);
    }
}
