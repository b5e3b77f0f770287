/* ed-elections-vocab.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * EdElectionKind:
 * @ED_ELECTION_UK_PARLIAMENTARY_GENERAL: a general election to the House of Commons
 * @ED_ELECTION_UK_PARLIAMENTARY_BY: a by-election to the House of Commons
 * @ED_ELECTION_LOCAL: an election to a principal area (district, borough, county, unitary)
 * @ED_ELECTION_PARISH: an election to a parish or town council, or a Welsh community council
 * @ED_ELECTION_PCC: a Police and Crime Commissioner election
 * @ED_ELECTION_MAYORAL: a directly elected mayor
 * @ED_ELECTION_SENEDD: an election to the Senedd
 * @ED_ELECTION_SCOTTISH_LOCAL: a Scottish council election
 * @ED_ELECTION_REFERENDUM: a local or national referendum
 *
 * What a poll is for; with the country it decides the timetable (DOMAIN.md §8), who may
 * vote (§8, "Who may vote") and whether the poll card carries the voter-ID text (§2.3).
 * Stored in `election.kind`.
 */
typedef enum
{
  ED_ELECTION_UK_PARLIAMENTARY_GENERAL,
  ED_ELECTION_UK_PARLIAMENTARY_BY,
  ED_ELECTION_LOCAL,
  ED_ELECTION_PARISH,
  ED_ELECTION_PCC,
  ED_ELECTION_MAYORAL,
  ED_ELECTION_SENEDD,
  ED_ELECTION_SCOTTISH_LOCAL,
  ED_ELECTION_REFERENDUM,
  ED_N_ELECTION_KINDS,
} EdElectionKind;

const char *ed_election_kind_to_string        (EdElectionKind   kind);
gboolean    ed_election_kind_from_string      (const char      *text,
                                               EdElectionKind  *out,
                                               GError         **error);
const char *ed_election_kind_get_display_name (EdElectionKind   kind);
const char *ed_election_kind_get_id_prefix    (EdElectionKind   kind);

/**
 * EdContestArea:
 * @ED_CONTEST_AREA_WARD: a ward or electoral division (`electoral_area`)
 * @ED_CONTEST_AREA_PARISH: a parish or community (`parish`)
 * @ED_CONTEST_AREA_CONSTITUENCY: a UK Parliamentary constituency (`polling_district.constituency`)
 * @ED_CONTEST_AREA_WHOLE: the whole district: a PCC, mayoral or referendum count area
 *
 * What kind of area a contest is fought over, which says which polling districts vote in it.
 * Stored in `contest.area_kind`.
 */
typedef enum
{
  ED_CONTEST_AREA_WARD,
  ED_CONTEST_AREA_PARISH,
  ED_CONTEST_AREA_CONSTITUENCY,
  ED_CONTEST_AREA_WHOLE,
  ED_N_CONTEST_AREAS,
} EdContestArea;

const char *ed_contest_area_to_string        (EdContestArea   area);
gboolean    ed_contest_area_from_string      (const char     *text,
                                              EdContestArea  *out,
                                              GError        **error);
const char *ed_contest_area_get_display_name (EdContestArea   area);
EdContestArea ed_contest_area_for_kind       (EdElectionKind  kind);

/**
 * EdTimetableEvent:
 *
 * The statutory dates of a poll (DOMAIN.md §8, §1.4), in the order they fall. A task's row
 * (`timetable_task.event`) records who does it and when it was done; the date itself is
 * always counted afresh from the poll, so a day of mourning added to the calendar moves it.
 */
typedef enum
{
  ED_TIMETABLE_DISSOLUTION,
  ED_TIMETABLE_NOTICE_OF_ELECTION,
  ED_TIMETABLE_POLL_CARDS,
  ED_TIMETABLE_NOMINATIONS_CLOSE,
  ED_TIMETABLE_FIRST_INTERIM_NOTICE,
  ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED,
  ED_TIMETABLE_SECOND_INTERIM_NOTICE,
  ED_TIMETABLE_REGISTRATION_DEADLINE,
  ED_TIMETABLE_POSTAL_DEADLINE,
  ED_TIMETABLE_NOTICE_OF_POLL,
  ED_TIMETABLE_PROXY_DEADLINE,
  ED_TIMETABLE_VAC_DEADLINE,
  ED_TIMETABLE_ANONYMOUS_DEADLINE,
  ED_TIMETABLE_FINAL_INTERIM_NOTICE,
  ED_TIMETABLE_POSTAL_REPLACEMENT_FROM,
  ED_TIMETABLE_POLL,
  ED_TIMETABLE_EMERGENCY_PROXY_DEADLINE,
  ED_TIMETABLE_COUNT,
  ED_N_TIMETABLE_EVENTS,
} EdTimetableEvent;

const char *ed_timetable_event_to_string        (EdTimetableEvent   event);
gboolean    ed_timetable_event_from_string      (const char        *text,
                                                 EdTimetableEvent  *out,
                                                 GError           **error);
const char *ed_timetable_event_get_display_name (EdTimetableEvent   event);

/**
 * EdPollCardVariant:
 * @ED_POLL_CARD_ORDINARY: the elector votes in person (Form A and its local equivalents)
 * @ED_POLL_CARD_POSTAL: the elector votes by post (Form A1)
 * @ED_POLL_CARD_PROXY: sent to the proxy, who votes in person for the elector (Form B)
 * @ED_POLL_CARD_PROXY_POSTAL: sent to the proxy, who votes by post (Form B1)
 *
 * The four poll cards of DOMAIN.md §2.1. An elector with a proxy is sent no card of their
 * own: the card goes to the proxy at the address in the proxy list.
 */
typedef enum
{
  ED_POLL_CARD_ORDINARY,
  ED_POLL_CARD_POSTAL,
  ED_POLL_CARD_PROXY,
  ED_POLL_CARD_PROXY_POSTAL,
  ED_N_POLL_CARD_VARIANTS,
} EdPollCardVariant;

const char *ed_poll_card_variant_to_string        (EdPollCardVariant   variant);
gboolean    ed_poll_card_variant_from_string      (const char         *text,
                                                   EdPollCardVariant  *out,
                                                   GError            **error);
const char *ed_poll_card_variant_get_display_name (EdPollCardVariant   variant);

/**
 * EdPollCardLayout:
 * @ED_POLL_CARD_LAYOUT_A6: one card to an A6 page
 * @ED_POLL_CARD_LAYOUT_A4_4UP: four A6 cards to an A4 sheet, with crop marks
 */
typedef enum
{
  ED_POLL_CARD_LAYOUT_A6,
  ED_POLL_CARD_LAYOUT_A4_4UP,
  ED_N_POLL_CARD_LAYOUTS,
} EdPollCardLayout;

const char *ed_poll_card_layout_to_string        (EdPollCardLayout   layout);
gboolean    ed_poll_card_layout_from_string      (const char        *text,
                                                  EdPollCardLayout  *out,
                                                  GError           **error);
const char *ed_poll_card_layout_get_display_name (EdPollCardLayout   layout);

/**
 * EdPollCardOrder:
 * @ED_POLL_CARD_ORDER_WALK: by polling district, street and house, as a delivery round walks
 * @ED_POLL_CARD_ORDER_POSTCODE: by postcode, for the carrier's sortation
 * @ED_POLL_CARD_ORDER_NUMBER: by elector number
 */
typedef enum
{
  ED_POLL_CARD_ORDER_WALK,
  ED_POLL_CARD_ORDER_POSTCODE,
  ED_POLL_CARD_ORDER_NUMBER,
  ED_N_POLL_CARD_ORDERS,
} EdPollCardOrder;

const char *ed_poll_card_order_to_string        (EdPollCardOrder   order);
gboolean    ed_poll_card_order_from_string      (const char       *text,
                                                 EdPollCardOrder  *out,
                                                 GError          **error);
const char *ed_poll_card_order_get_display_name (EdPollCardOrder   order);

/**
 * EdPollCardRunKind:
 * @ED_POLL_CARD_RUN_PROOF: proofs, watermarked, for sign-off
 * @ED_POLL_CARD_RUN_FINAL: the cards for the printer
 * @ED_POLL_CARD_RUN_DATA: the printer's data file
 *
 * Stored in `poll_card_run.kind`: each output is recorded, with any override of the pre-print
 * check and its reason.
 */
typedef enum
{
  ED_POLL_CARD_RUN_PROOF,
  ED_POLL_CARD_RUN_FINAL,
  ED_POLL_CARD_RUN_DATA,
  ED_N_POLL_CARD_RUN_KINDS,
} EdPollCardRunKind;

const char *ed_poll_card_run_kind_to_string        (EdPollCardRunKind   kind);
gboolean    ed_poll_card_run_kind_from_string      (const char         *text,
                                                    EdPollCardRunKind  *out,
                                                    GError            **error);
const char *ed_poll_card_run_kind_get_display_name (EdPollCardRunKind   kind);

G_END_DECLS
