/* ed-election-roll.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "elections/ed-election-eligibility.h"
#include "elections/ed-election.h"
#include "register/ed-register-voters.h"
#include "stations/ed-station-assignment.h"
#include "stations/ed-stations-vocab.h"

G_BEGIN_DECLS

/* The most polls one combination can take: a UK general election, a PCC, a mayor, a
 * principal area, a parish and a referendum on one day is six. */
#define ED_ROLL_MAX_POLLS 8

/**
 * EdRollDistrict:
 * @id: the polling district's row id
 * @code: its code
 * @name: its name
 * @contest: for each poll of the combination, the index in its @contests of the contest the
 *   district votes in, or -1 when the district is in none of its contested areas
 */
typedef struct
{
  char *id;
  char *code;
  char *name;
  gint  contest[ED_ROLL_MAX_POLLS];
} EdRollDistrict;

/**
 * EdRollStation:
 * @id: the station's row id
 * @code: its code, as on the poll card
 * @name: the room, when the place has several, or ""
 * @place_id: its place's row id, or "" when it has none
 * @place_name: the place's name
 * @place_address: the place's address, lines separated by line feeds
 * @place_postcode: the place's postcode
 * @poll_card_note: what the place asks printed on its cards, or ""
 * @booking_state: the place's booking
 */
typedef struct
{
  char           *id;
  char           *code;
  char           *name;
  char           *place_id;
  char           *place_name;
  char           *place_address;
  char           *place_postcode;
  char           *poll_card_note;
  EdBookingState  booking_state;
} EdRollStation;

/**
 * EdElectionRoll:
 * @polls: (element-type EdElection): the polls taken together, the first of the combination
 *   first
 * @country: the register's country
 * @districts: (element-type EdRollDistrict): the polling districts that vote in at least one
 *   of the polls, by code
 * @stations: (element-type EdRollStation): every polling station, by code
 *
 * What a poll needs to read its register: which polling districts vote in which contests,
 * and where each address votes. The electorate counts, the poll cards, their pre-print check
 * and the polling-station registers all read the register through one roll, so they agree.
 */
typedef struct
{
  GPtrArray            *polls;
  EdCountry             country;
  GPtrArray            *districts;
  GPtrArray            *stations;
  /*< private >*/
  GHashTable           *district_index;
  GHashTable           *station_index;
  EdStationAssignment  *assignment;
} EdElectionRoll;

/**
 * EdRollEntry:
 * @voter: the register's entry
 * @district: (nullable): its polling district, or %NULL when that district votes in none of
 *   the polls
 * @station: the index in the roll's @stations of the station its address votes at, or -1
 * @station_rule: which rule gave the station
 * @refusal: for each poll, whether the elector may vote at it, taken only where the
 *   district votes in the poll
 * @votes: a bit for each poll (1 << i) the elector votes at: the district votes in it and
 *   the elector may
 * @variant: the poll card the elector's way of voting calls for
 */
typedef struct
{
  const EdRegisterVoter *voter;
  const EdRollDistrict  *district;
  gint                   station;
  EdStationRuleKind      station_rule;
  EdVoteRefusal          refusal[ED_ROLL_MAX_POLLS];
  guint32                votes;
  EdPollCardVariant      variant;
} EdRollEntry;

typedef gboolean (*EdRollFunc) (EdElectionRoll     *roll,
                                const EdRollEntry  *entry,
                                gpointer            user_data,
                                GError            **error);

EdElectionRoll    *ed_election_roll_new           (EdContext        *context,
                                                   EdElection       *election,
                                                   GError          **error);
gboolean           ed_election_roll_foreach       (EdElectionRoll   *roll,
                                                   EdContext        *context,
                                                   EdVoterOrder      order,
                                                   gboolean          every_entry,
                                                   GCancellable     *cancellable,
                                                   EdRollFunc        func,
                                                   gpointer          user_data,
                                                   GError          **error);
gint64             ed_election_roll_count_entries (EdElectionRoll   *roll,
                                                   EdContext        *context,
                                                   GError          **error);
EdElection        *ed_election_roll_get_poll      (EdElectionRoll   *roll,
                                                   guint             i);
const EdContest   *ed_election_roll_get_contest   (EdElectionRoll   *roll,
                                                   const EdRollEntry *entry,
                                                   guint             poll);
gboolean           ed_election_roll_entry_gets_card (EdElectionRoll   *roll,
                                                     const EdRollEntry *entry);
EdPollCardVariant  ed_poll_card_variant_for       (EdAbsentVote      absent_vote,
                                                   const char       *absent_vote_ends,
                                                   const GDate      *poll);
void               ed_election_roll_free          (EdElectionRoll   *roll);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdElectionRoll, ed_election_roll_free)

G_END_DECLS
