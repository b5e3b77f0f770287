/* ed-election-electorate.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-job.h"
#include "elections/ed-election-roll.h"

G_BEGIN_DECLS

/**
 * EdElectorateCount:
 * @electors: the electors who may vote
 * @by_way: (array fixed-size=4): those electors by the way they vote, indexed by
 *   #EdPollCardVariant: in person, by post, by proxy, by a proxy who votes by post
 *
 * One figure of an electorate, with its split by way of voting; @by_way adds up to
 * @electors.
 */
typedef struct
{
  gint64 electors;
  gint64 by_way[ED_N_POLL_CARD_VARIANTS];
} EdElectorateCount;

/**
 * EdContestElectorate:
 * @total: the contest's electorate
 * @stations: (array): for each of the roll's stations, the contest's electors whose address
 *   votes there; one more at the end for those whose address has no station
 */
typedef struct
{
  EdElectorateCount  total;
  EdElectorateCount *stations;
} EdContestElectorate;

/**
 * EdPollElectorate:
 * @election: (transfer none): the poll, the roll's own
 * @total: every elector who may vote at it
 * @refused: for each #EdVoteRefusal but %ED_VOTE_ALLOWED, the entries of the districts that
 *   vote in the poll that may not vote at it for that reason
 * @contests: (array): one per contest of @election, in its order; an uncontested one counts
 *   nothing, as no poll is held there
 */
typedef struct
{
  EdElection          *election;
  EdElectorateCount    total;
  gint64               refused[ED_N_VOTE_REFUSALS];
  EdContestElectorate *contests;
} EdPollElectorate;

/**
 * EdElectionElectorate:
 * @roll: the roll it was counted through, for its polls and stations
 * @n_polls: how many polls the combination has
 * @polls: (array length=n_polls): each poll's electorate, the combination's order
 * @n_entries: the register entries read
 * @cards: the poll cards the combination sends, one for each elector who gets one
 *   (ed_election_roll_entry_gets_card())
 *
 * Who may vote at each poll of a combination, counted through one pass of its roll
 * (ed_election_roll_foreach()), so the figures agree with the cards and the polling-station
 * registers.
 */
typedef struct
{
  EdElectionRoll   *roll;
  guint             n_polls;
  EdPollElectorate  polls[ED_ROLL_MAX_POLLS];
  gint64            n_entries;
  gint64            cards;
} EdElectionElectorate;

EdElectionElectorate    *ed_election_electorate_compute        (EdContext            *context,
                                                                EdElection           *election,
                                                                EdProgressFunc        progress,
                                                                gpointer              progress_data,
                                                                GCancellable         *cancellable,
                                                                GError              **error);
EdJob                   *ed_election_electorate_compute_async  (EdContext            *context,
                                                                const char           *election_id,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
EdElectionElectorate    *ed_election_electorate_compute_finish (EdJob                *job,
                                                                GAsyncResult         *result,
                                                                GError              **error);
const EdElectorateCount *ed_election_electorate_get_station    (EdElectionElectorate *electorate,
                                                                guint                 poll,
                                                                guint                 contest,
                                                                gint                  station);
const char              *ed_electorate_way_get_display_name    (EdPollCardVariant     way);
gboolean                 ed_election_fix_electorate            (EdContext            *context,
                                                                EdElection           *election,
                                                                const GDate          *day,
                                                                GError              **error);
void                     ed_election_electorate_free           (EdElectionElectorate *electorate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdElectionElectorate, ed_election_electorate_free)

G_END_DECLS
