/* ed-election-eligibility.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Who may vote at a poll (DOMAIN.md §8, "Who may vote"; §1.2): the one place that decides it.
 * The electorate counts, the poll cards, their pre-print check and the polling-station
 * registers all ask these functions. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "elections/ed-election-eligibility.h"

/**
 * ed_election_voting_age:
 * @kind: the kind of poll
 * @country: where it is held
 *
 * Returns: 16 at Scottish council and Welsh local, community and Senedd polls (and a
 *   referendum held on their franchise, [U]), 18 at every other poll
 */
guint
ed_election_voting_age (EdElectionKind kind,
                        EdCountry      country)
{
  switch (kind)
    {
    case ED_ELECTION_SCOTTISH_LOCAL:
    case ED_ELECTION_SENEDD:
      return 16;
    case ED_ELECTION_LOCAL:
    case ED_ELECTION_PARISH:
    case ED_ELECTION_MAYORAL:
    case ED_ELECTION_REFERENDUM:
      return country == ED_COUNTRY_ENGLAND ? 18 : 16;
    case ED_ELECTION_UK_PARLIAMENTARY_GENERAL:
    case ED_ELECTION_UK_PARLIAMENTARY_BY:
    case ED_ELECTION_PCC:
      return 18;
    case ED_N_ELECTION_KINDS:
    default:
      g_return_val_if_reached (18);
    }
}

/**
 * ed_election_franchise_allows:
 * @kind: the kind of poll
 * @country: where it is held
 * @poll: polling day
 * @marker: the elector's franchise marker
 *
 * Whether an elector with @marker may vote at the poll (DOMAIN.md §8, "Who may vote"):
 * - UK Parliamentary: no marker and overseas electors (F);
 * - England, local, parish, mayoral and PCC: no marker, peers (L) and qualifying EU citizens
 *   (B), and EU citizens (G) at polls up to 2 May 2024;
 * - Wales, PCC: no marker, L and G;
 * - Wales, local, community and Senedd: no marker, L, G and qualifying foreign citizens;
 * - Scotland, council: no marker, L, G and qualifying foreign nationals (M).
 * A referendum is taken here on the local government franchise of its country, [U].
 * The legacy markers (E, K) give no vote.
 *
 * Returns: %TRUE if the marker carries a vote at the poll
 */
gboolean
ed_election_franchise_allows (EdElectionKind     kind,
                              EdCountry          country,
                              const GDate       *poll,
                              EdFranchiseMarker  marker)
{
  GDate last_g;

  g_return_val_if_fail (poll != NULL && g_date_valid (poll), FALSE);

  if (marker == ED_FRANCHISE_MARKER_NONE)
    return TRUE;
  if (kind == ED_ELECTION_UK_PARLIAMENTARY_GENERAL || kind == ED_ELECTION_UK_PARLIAMENTARY_BY)
    return marker == ED_FRANCHISE_MARKER_OVERSEAS;

  switch (marker)
    {
    case ED_FRANCHISE_MARKER_PEER:
      return TRUE;
    case ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN:
      return country == ED_COUNTRY_ENGLAND;
    case ED_FRANCHISE_MARKER_EU_CITIZEN:
      if (country != ED_COUNTRY_ENGLAND)
        return TRUE;
      /* England's EU citizens were reviewed and re-marked B from 7 May 2024; a G left after
       * that gives no vote there (DOMAIN.md §1.2). */
      g_date_clear (&last_g, 1);
      g_date_set_dmy (&last_g, 2, G_DATE_MAY, 2024);
      return g_date_compare (poll, &last_g) <= 0;
    case ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL:
      return country == ED_COUNTRY_SCOTLAND && kind != ED_ELECTION_PCC;
    case ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN:
      return country == ED_COUNTRY_WALES && kind != ED_ELECTION_PCC;
    case ED_FRANCHISE_MARKER_OVERSEAS:
    case ED_FRANCHISE_MARKER_LEGACY_E:
    case ED_FRANCHISE_MARKER_LEGACY_K:
      return FALSE;
    case ED_FRANCHISE_MARKER_NONE:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* One born on 29 February reaches an age on 1 March in a common year (Family Law Reform Act
 * 1969 s.9), as the register reads it (ed_elector_dates_from_birth ()). */
static void
add_years_of_age (GDate *date,
                  guint  years)
{
  gboolean leap_day = g_date_get_month (date) == G_DATE_FEBRUARY && g_date_get_day (date) == 29;

  g_date_add_years (date, years);
  if (leap_day && g_date_get_day (date) != 29)
    g_date_add_days (date, 1);
}

/**
 * ed_voter_reaches_age_by:
 * @register_country: the country of the register, which says what its attainer dates mean
 * @facts: the elector's entry
 * @age: 16 or 18
 * @poll: polling day
 *
 * Whether the elector is @age or over on polling day. The date of birth decides when it is
 * held. Otherwise the attainer date is the day they reach the register's voting age (18 in
 * England, 16 in Wales and Scotland), and 18 in Wales and Scotland is that day two years on;
 * an entry with neither date is of an adult.
 *
 * Returns: %TRUE if old enough to vote at the poll
 */
gboolean
ed_voter_reaches_age_by (EdCountry            register_country,
                         const EdVoterFacts  *facts,
                         guint                age,
                         const GDate         *poll)
{
  GDate reaches;

  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (poll != NULL && g_date_valid (poll), FALSE);

  if (g_date_valid (&facts->date_of_birth))
    {
      reaches = facts->date_of_birth;
      add_years_of_age (&reaches, age);
    }
  else if (g_date_valid (&facts->attainer_date))
    {
      guint register_age = ed_attainer_voting_age (register_country);

      reaches = facts->attainer_date;
      if (age > register_age)
        add_years_of_age (&reaches, age - register_age);
      /* A younger voting age than the register's own cannot be read from its attainer date,
       * which is the later day; it errs towards no card rather than a card to a child. */
    }
  else
    return TRUE;
  return g_date_compare (&reaches, poll) <= 0;
}

/**
 * ed_election_eligibility:
 * @kind: the kind of poll
 * @country: where it is held, which is the register's country
 * @poll: polling day
 * @facts: the elector's entry
 *
 * Whether the elector may vote at the poll: they are in the register (a pending addition is
 * not, until its notice is published; a pending deletion still is), their franchise reaches
 * the poll, and they are of its voting age on polling day.
 *
 * Returns: %ED_VOTE_ALLOWED, or why not
 */
EdVoteRefusal
ed_election_eligibility (EdElectionKind       kind,
                         EdCountry            country,
                         const GDate         *poll,
                         const EdVoterFacts  *facts)
{
  g_return_val_if_fail (facts != NULL, ED_VOTE_FRANCHISE);

  if (facts->status == ED_ELECTOR_STATUS_PENDING_ADDITION)
    return ED_VOTE_NOT_YET_REGISTERED;
  if (!ed_election_franchise_allows (kind, country, poll, facts->marker))
    return ED_VOTE_FRANCHISE;
  if (!ed_voter_reaches_age_by (country, facts, ed_election_voting_age (kind, country), poll))
    return ED_VOTE_UNDER_AGE;
  return ED_VOTE_ALLOWED;
}

/**
 * ed_vote_refusal_describe:
 * @refusal: why an elector may not vote
 *
 * Returns: (transfer none): a sentence for reports, translated
 */
const char *
ed_vote_refusal_describe (EdVoteRefusal refusal)
{
  switch (refusal)
    {
    case ED_VOTE_ALLOWED:
      return _("May vote.");
    case ED_VOTE_NOT_YET_REGISTERED:
      return _("Not yet in the register: the addition takes effect with its notice.");
    case ED_VOTE_FRANCHISE:
      return _("The elector’s franchise does not include this poll.");
    case ED_VOTE_UNDER_AGE:
      return _("Under the poll’s voting age on polling day.");
    case ED_N_VOTE_REFUSALS:
    default:
      g_return_val_if_reached (NULL);
    }
}
