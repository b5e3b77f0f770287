/* ed-election-eligibility.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "district/ed-district-settings.h"
#include "elections/ed-elections-vocab.h"
#include "register/ed-franchise.h"
#include "register/ed-register-vocab.h"

G_BEGIN_DECLS

/**
 * EdVoteRefusal:
 * @ED_VOTE_ALLOWED: the elector may vote
 * @ED_VOTE_NOT_YET_REGISTERED: a pending addition: not in the register until its notice
 * @ED_VOTE_FRANCHISE: the elector's franchise does not reach this poll
 * @ED_VOTE_UNDER_AGE: the elector is under the poll's voting age on polling day
 *
 * Why an elector in the register is not sent a card for a poll, and is not in its
 * polling-station register.
 */
typedef enum
{
  ED_VOTE_ALLOWED,
  ED_VOTE_NOT_YET_REGISTERED,
  ED_VOTE_FRANCHISE,
  ED_VOTE_UNDER_AGE,
  ED_N_VOTE_REFUSALS,
} EdVoteRefusal;

/**
 * EdVoterFacts:
 * @marker: the franchise marker
 * @status: the entry's status
 * @date_of_birth: the date of birth, or a cleared date when not held
 * @attainer_date: the attainer date, or a cleared date when the entry has none
 *
 * What the register says about one elector that decides whether they may vote.
 */
typedef struct
{
  EdFranchiseMarker  marker;
  EdElectorStatus    status;
  GDate              date_of_birth;
  GDate              attainer_date;
} EdVoterFacts;

guint         ed_election_voting_age        (EdElectionKind       kind,
                                             EdCountry            country);
gboolean      ed_election_franchise_allows  (EdElectionKind       kind,
                                             EdCountry            country,
                                             const GDate         *poll,
                                             EdFranchiseMarker    marker);
gboolean      ed_voter_reaches_age_by       (EdCountry            register_country,
                                             const EdVoterFacts  *facts,
                                             guint                age,
                                             const GDate         *poll);
EdVoteRefusal ed_election_eligibility       (EdElectionKind       kind,
                                             EdCountry            country,
                                             const GDate         *poll,
                                             const EdVoterFacts  *facts);
const char   *ed_vote_refusal_describe      (EdVoteRefusal        refusal);

G_END_DECLS
