/* test-elections-eligibility.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Who may vote at a poll: DOMAIN.md §8 "Who may vote" as a table over every kind of poll,
 * country and franchise marker; EU citizens in England either side of May 2024 (§1.2); the
 * voting age reached on polling day, from a date of birth or an attainer date (§1.2); and
 * pending additions and deletions (§1.4). */

#define G_LOG_DOMAIN "test-elections-eligibility"

#include "config.h"

#include <locale.h>

#include "core/ed-date.h"
#include "elections/ed-election-eligibility.h"

static GDate
date (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  if (!ed_date_parse_iso (iso, &d, &error))
    g_error ("bad test date %s: %s", iso, error->message);
  return d;
}

#define M(marker) (1u << ED_FRANCHISE_MARKER_##marker)

/* DOMAIN.md §8, "Who may vote" ([C]): the markers whose electors may vote, and the voting
 * age, for each kind of poll where it is held.
 *   UK Parliamentary — none, F; 18.
 *   England local, mayoral, parish, PCC — none, L, B (G up to 2 May 2024); 18.
 *   PCC in Wales — none, L, G; 18.
 *   Scottish council — none, L, G, M; 16.
 *   Welsh local, community and Senedd — none, L, G, qualifying foreign citizen; 16.
 * A Welsh mayoral poll is held under the Welsh local rules, so it takes their row. */
typedef struct
{
  EdElectionKind  kind;
  EdCountry       country;
  guint           markers;  /* bit per EdFranchiseMarker */
  guint           age;
} WhoMayVote;

#define UK_PARLIAMENTARY (M (NONE) | M (OVERSEAS))
#define ENGLAND_LOCAL (M (NONE) | M (PEER) | M (QUALIFYING_EU_CITIZEN))
#define WALES_PCC (M (NONE) | M (PEER) | M (EU_CITIZEN))
#define SCOTLAND_COUNCIL (M (NONE) | M (PEER) | M (EU_CITIZEN) | M (SCOTTISH_FOREIGN_NATIONAL))
#define WALES_LOCAL (M (NONE) | M (PEER) | M (EU_CITIZEN) | M (WELSH_FOREIGN_CITIZEN))

static const WhoMayVote who_may_vote[] = {
  { ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_ENGLAND, UK_PARLIAMENTARY, 18 },
  { ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_WALES, UK_PARLIAMENTARY, 18 },
  { ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_SCOTLAND, UK_PARLIAMENTARY, 18 },
  { ED_ELECTION_UK_PARLIAMENTARY_BY, ED_COUNTRY_ENGLAND, UK_PARLIAMENTARY, 18 },
  { ED_ELECTION_UK_PARLIAMENTARY_BY, ED_COUNTRY_WALES, UK_PARLIAMENTARY, 18 },
  { ED_ELECTION_UK_PARLIAMENTARY_BY, ED_COUNTRY_SCOTLAND, UK_PARLIAMENTARY, 18 },
  { ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, ENGLAND_LOCAL, 18 },
  { ED_ELECTION_PARISH, ED_COUNTRY_ENGLAND, ENGLAND_LOCAL, 18 },
  { ED_ELECTION_MAYORAL, ED_COUNTRY_ENGLAND, ENGLAND_LOCAL, 18 },
  { ED_ELECTION_PCC, ED_COUNTRY_ENGLAND, ENGLAND_LOCAL, 18 },
  { ED_ELECTION_PCC, ED_COUNTRY_WALES, WALES_PCC, 18 },
  { ED_ELECTION_SCOTTISH_LOCAL, ED_COUNTRY_SCOTLAND, SCOTLAND_COUNCIL, 16 },
  { ED_ELECTION_LOCAL, ED_COUNTRY_WALES, WALES_LOCAL, 16 },
  { ED_ELECTION_PARISH, ED_COUNTRY_WALES, WALES_LOCAL, 16 },
  { ED_ELECTION_SENEDD, ED_COUNTRY_WALES, WALES_LOCAL, 16 },
  { ED_ELECTION_MAYORAL, ED_COUNTRY_WALES, WALES_LOCAL, 16 },
};

static const WhoMayVote *
find_row (EdElectionKind kind,
          EdCountry      country)
{
  for (guint i = 0; i < G_N_ELEMENTS (who_may_vote); i++)
    if (who_may_vote[i].kind == kind && who_may_vote[i].country == country)
      return &who_may_vote[i];
  return NULL;
}

/* The marker's own country: B is England's, M Scotland's, the qualifying foreign citizen
 * Wales's (§1.2). */
static gboolean
marker_belongs_elsewhere (EdFranchiseMarker marker,
                          EdCountry         country)
{
  switch (marker)
    {
    case ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN:
      return country != ED_COUNTRY_ENGLAND;
    case ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL:
      return country != ED_COUNTRY_SCOTLAND;
    case ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN:
      return country != ED_COUNTRY_WALES;
    default:
      return FALSE;
    }
}

/* Every kind × country × marker, on a polling day after the G→B review (9 May 2024 and
 * later: 6 May 2027). Where the table has a row, each marker is allowed exactly as it says
 * and the voting age is the row's. Where it has none (a referendum, whose franchise DOMAIN.md
 * does not give; a Senedd poll outside Wales; a Scottish council outside Scotland; English
 * kinds in Scotland, which has its own), the rules that hold for every poll: an elector with
 * no marker votes, the overseas elector votes only at UK Parliamentary polls, the legacy E
 * and K never, and no marker counts outside its own country. */
static void
test_who_may_vote_table (void)
{
  GDate poll = date ("2027-05-06");
  guint rows_seen = 0;
  guint failures = 0;

  for (guint k = 0; k < ED_N_ELECTION_KINDS; k++)
    for (guint c = ED_COUNTRY_ENGLAND; c <= ED_COUNTRY_SCOTLAND; c++)
      {
        const WhoMayVote *row = find_row (k, c);

        if (row != NULL)
          {
            rows_seen++;
            if (ed_election_voting_age (k, c) != row->age)
              {
                g_printerr ("%s in %s: voting age %u, expected %u\n",
                            ed_election_kind_to_string (k), ed_country_to_string (c),
                            ed_election_voting_age (k, c), row->age);
                failures++;
              }
          }
        for (guint m = 0; m < ED_FRANCHISE_N_MARKERS; m++)
          {
            gboolean allowed = ed_election_franchise_allows (k, c, &poll, m);
            gboolean expected;

            if (row != NULL)
              expected = (row->markers & (1u << m)) != 0;
            else if (m == ED_FRANCHISE_MARKER_NONE)
              expected = TRUE;
            else if (m == ED_FRANCHISE_MARKER_OVERSEAS)
              expected = k == ED_ELECTION_UK_PARLIAMENTARY_GENERAL ||
                         k == ED_ELECTION_UK_PARLIAMENTARY_BY;
            else if (m == ED_FRANCHISE_MARKER_LEGACY_E || m == ED_FRANCHISE_MARKER_LEGACY_K ||
                     marker_belongs_elsewhere (m, c))
              expected = FALSE;
            else
              continue;
            if (allowed != expected)
              {
                g_printerr ("%s in %s, marker %s: %s, expected %s\n",
                            ed_election_kind_to_string (k), ed_country_to_string (c),
                            ed_franchise_marker_get_display_name (m),
                            allowed ? "allowed" : "refused", expected ? "allowed" : "refused");
                failures++;
              }
          }
      }
  g_assert_cmpuint (rows_seen, ==, G_N_ELEMENTS (who_may_vote));
  g_assert_cmpuint (failures, ==, 0);
}

/* England's EU citizens (DOMAIN.md §1.2, §8): G gives a vote at local polls up to 2 May
 * 2024; from 7 May 2024 the ERO re-marks them B, and a G left gives none (9 May 2024 is the
 * next Thursday). In Wales and Scotland G keeps the local vote. */
static void
test_eu_citizens_in_england (void)
{
  GDate before = date ("2024-05-02");
  GDate after = date ("2024-05-09");
  static const EdElectionKind kinds[] = { ED_ELECTION_LOCAL, ED_ELECTION_PARISH,
                                          ED_ELECTION_MAYORAL, ED_ELECTION_PCC };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_true (ed_election_franchise_allows (kinds[i], ED_COUNTRY_ENGLAND, &before,
                                                   ED_FRANCHISE_MARKER_EU_CITIZEN));
      g_assert_false (ed_election_franchise_allows (kinds[i], ED_COUNTRY_ENGLAND, &after,
                                                    ED_FRANCHISE_MARKER_EU_CITIZEN));
      g_assert_true (ed_election_franchise_allows (kinds[i], ED_COUNTRY_ENGLAND, &after,
                                                   ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN));
    }
  g_assert_true (ed_election_franchise_allows (ED_ELECTION_LOCAL, ED_COUNTRY_WALES, &after,
                                               ED_FRANCHISE_MARKER_EU_CITIZEN));
  g_assert_true (ed_election_franchise_allows (ED_ELECTION_SCOTTISH_LOCAL, ED_COUNTRY_SCOTLAND,
                                               &after, ED_FRANCHISE_MARKER_EU_CITIZEN));
  /* Never at a UK Parliamentary poll, before or after. */
  g_assert_false (ed_election_franchise_allows (ED_ELECTION_UK_PARLIAMENTARY_GENERAL,
                                                ED_COUNTRY_ENGLAND, &before,
                                                ED_FRANCHISE_MARKER_EU_CITIZEN));

  /* Through the whole decision, with the reason. */
  {
    EdVoterFacts facts = { .marker = ED_FRANCHISE_MARKER_EU_CITIZEN,
                           .status = ED_ELECTOR_STATUS_CURRENT };

    g_date_clear (&facts.date_of_birth, 1);
    g_date_clear (&facts.attainer_date, 1);
    g_assert_cmpint (ed_election_eligibility (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, &before,
                                              &facts), ==, ED_VOTE_ALLOWED);
    g_assert_cmpint (ed_election_eligibility (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, &after,
                                              &facts), ==, ED_VOTE_FRANCHISE);
  }
}

static EdVoterFacts
voter (const char *born,
       const char *attains)
{
  EdVoterFacts facts = { .marker = ED_FRANCHISE_MARKER_NONE,
                         .status = ED_ELECTOR_STATUS_CURRENT };

  g_date_clear (&facts.date_of_birth, 1);
  g_date_clear (&facts.attainer_date, 1);
  if (born != NULL)
    facts.date_of_birth = date (born);
  if (attains != NULL)
    facts.attainer_date = date (attains);
  return facts;
}

static EdVoteRefusal
decide (EdElectionKind  kind,
        EdCountry       country,
        const char     *poll_iso,
        EdVoterFacts   *facts)
{
  GDate poll = date (poll_iso);

  return ed_election_eligibility (kind, country, &poll, facts);
}

/* An attainer votes if they reach the poll's voting age on or before polling day (§1.2):
 * the 18th birthday on polling day is enough, the day after is not; from the date of birth
 * and from the attainer date alike. */
static void
test_attainers_on_polling_day (void)
{
  EdVoterFacts on_the_day = voter ("2006-05-02", NULL);
  EdVoterFacts day_after = voter ("2006-05-03", NULL);
  EdVoterFacts attains_on_the_day = voter (NULL, "2024-05-02");
  EdVoterFacts attains_day_after = voter (NULL, "2024-05-03");
  EdVoterFacts leap_day = voter ("2008-02-29", NULL);
  EdVoterFacts nothing_held = voter (NULL, NULL);

  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2024-05-02", &on_the_day),
                   ==, ED_VOTE_ALLOWED);
  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2024-05-02", &day_after),
                   ==, ED_VOTE_UNDER_AGE);
  g_assert_cmpint (decide (ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_ENGLAND,
                           "2024-05-02", &day_after), ==, ED_VOTE_UNDER_AGE);
  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2024-05-02",
                           &attains_on_the_day), ==, ED_VOTE_ALLOWED);
  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2024-05-02",
                           &attains_day_after), ==, ED_VOTE_UNDER_AGE);
  /* A week later the day after has passed. */
  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2024-05-09", &day_after),
                   ==, ED_VOTE_ALLOWED);
  /* Born on 29 February: 18 on 1 March in a common year. */
  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2026-02-28", &leap_day),
                   ==, ED_VOTE_UNDER_AGE);
  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2026-03-01", &leap_day),
                   ==, ED_VOTE_ALLOWED);
  /* An entry with neither date is an adult's. */
  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2024-05-02", &nothing_held),
                   ==, ED_VOTE_ALLOWED);
}

/* 16- and 17-year-olds vote at Welsh local and Senedd polls and Scottish council polls, not
 * at UK Parliamentary polls nor at English ones (§1.2, §8). */
static void
test_sixteen_year_olds (void)
{
  EdVoterFacts sixteen = voter ("2011-05-06", NULL);
  EdVoterFacts fifteen = voter ("2011-05-07", NULL);

  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_WALES, "2027-05-06", &sixteen), ==,
                   ED_VOTE_ALLOWED);
  g_assert_cmpint (decide (ED_ELECTION_PARISH, ED_COUNTRY_WALES, "2027-05-06", &sixteen), ==,
                   ED_VOTE_ALLOWED);
  g_assert_cmpint (decide (ED_ELECTION_SENEDD, ED_COUNTRY_WALES, "2027-05-06", &sixteen), ==,
                   ED_VOTE_ALLOWED);
  g_assert_cmpint (decide (ED_ELECTION_SCOTTISH_LOCAL, ED_COUNTRY_SCOTLAND, "2027-05-06",
                           &sixteen), ==, ED_VOTE_ALLOWED);
  g_assert_cmpint (decide (ED_ELECTION_SENEDD, ED_COUNTRY_WALES, "2027-05-06", &fifteen), ==,
                   ED_VOTE_UNDER_AGE);
  g_assert_cmpint (decide (ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_WALES,
                           "2027-05-06", &sixteen), ==, ED_VOTE_UNDER_AGE);
  g_assert_cmpint (decide (ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_SCOTLAND,
                           "2027-05-06", &sixteen), ==, ED_VOTE_UNDER_AGE);
  g_assert_cmpint (decide (ED_ELECTION_PCC, ED_COUNTRY_WALES, "2027-05-06", &sixteen), ==,
                   ED_VOTE_UNDER_AGE);
  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2027-05-06", &sixteen), ==,
                   ED_VOTE_UNDER_AGE);
}

/* A Welsh entry's attainer date is the 16th birthday (ed_attainer_voting_age ()); with no
 * date of birth held, an 18 poll counts two years on from it. */
static void
test_welsh_attainer_date_at_an_18_poll (void)
{
  /* 16 on 1 June 2025: 18 on 1 June 2027, after a poll on 6 May 2027. */
  EdVoterFacts later = voter (NULL, "2025-06-01");
  /* 16 on 6 May 2025: 18 on polling day. */
  EdVoterFacts on_the_day = voter (NULL, "2025-05-06");
  GDate poll = date ("2027-05-06");

  g_assert_cmpuint (ed_attainer_voting_age (ED_COUNTRY_WALES), ==, 16);
  g_assert_cmpint (decide (ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_WALES,
                           "2027-05-06", &later), ==, ED_VOTE_UNDER_AGE);
  g_assert_cmpint (decide (ED_ELECTION_PCC, ED_COUNTRY_WALES, "2027-05-06", &later), ==,
                   ED_VOTE_UNDER_AGE);
  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_WALES, "2027-05-06", &later), ==,
                   ED_VOTE_ALLOWED);
  g_assert_cmpint (decide (ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_WALES,
                           "2027-05-06", &on_the_day), ==, ED_VOTE_ALLOWED);
  g_assert_true (ed_voter_reaches_age_by (ED_COUNTRY_WALES, &on_the_day, 18, &poll));
  g_assert_false (ed_voter_reaches_age_by (ED_COUNTRY_WALES, &later, 18, &poll));
  g_assert_true (ed_voter_reaches_age_by (ED_COUNTRY_WALES, &later, 16, &poll));
}

/* A pending addition is not in the register until its notice (§1.4); a pending deletion is
 * until its notice, and votes. */
static void
test_pending_alterations (void)
{
  EdVoterFacts addition = voter (NULL, NULL);
  EdVoterFacts deletion = voter (NULL, NULL);

  addition.status = ED_ELECTOR_STATUS_PENDING_ADDITION;
  deletion.status = ED_ELECTOR_STATUS_PENDING_DELETION;
  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2027-05-06", &addition), ==,
                   ED_VOTE_NOT_YET_REGISTERED);
  g_assert_cmpint (decide (ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_SCOTLAND,
                           "2027-05-06", &addition), ==, ED_VOTE_NOT_YET_REGISTERED);
  g_assert_cmpint (decide (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2027-05-06", &deletion), ==,
                   ED_VOTE_ALLOWED);

  /* Each refusal reads as a sentence. */
  for (guint r = 0; r < ED_N_VOTE_REFUSALS; r++)
    {
      const char *text = ed_vote_refusal_describe (r);

      g_assert_nonnull (text);
      g_assert_true (g_str_has_suffix (text, "."));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elections/eligibility/who-may-vote-table", test_who_may_vote_table);
  g_test_add_func ("/elections/eligibility/eu-citizens-in-england",
                   test_eu_citizens_in_england);
  g_test_add_func ("/elections/eligibility/attainers-on-polling-day",
                   test_attainers_on_polling_day);
  g_test_add_func ("/elections/eligibility/sixteen-year-olds", test_sixteen_year_olds);
  g_test_add_func ("/elections/eligibility/welsh-attainer-date-at-an-18-poll",
                   test_welsh_attainer_date_at_an_18_poll);
  g_test_add_func ("/elections/eligibility/pending-alterations", test_pending_alterations);

  return g_test_run ();
}
