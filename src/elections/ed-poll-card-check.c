/* ed-poll-card-check.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pre-print check of an election's poll cards (issue: "poll cards that print right
 * first time"): run before any final output and shown as a report. It reads the register
 * through the same roll the cards are printed from, and checks it against what does not come
 * from the roll: the polling plan the stations module computes on its own (each address's
 * station, what each station serves, its electorate), the places table, and the elector's
 * entry read afresh (who may vote, which card their absent vote calls for). What it looks
 * for is what a wrong card costs a council a reprint for, or worse: a card sending electors
 * to the wrong building, a card to someone who may not vote, two cards to one person, an
 * address that does not show in the envelope window. Errors refuse the final print unless a
 * person overrides them with a reason (ed_poll_card_check_gate()), which is recorded with the
 * run. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-postcode.h"
#include "elections/ed-election-roll.h"
#include "elections/ed-poll-card-address.h"
#include "elections/ed-poll-card-check.h"
#include "stations/ed-station-plan.h"

G_DEFINE_QUARK (ed-poll-card-check-error-quark, ed_poll_card_check_error)

static void
item_free (EdPollCardCheckItem *item)
{
  g_free (item->code);
  g_free (item->message);
  g_free (item->elector_number);
  g_free (item->station_code);
  g_free (item);
}

static void
station_free (EdPollCardCheckStation *station)
{
  g_free (station->code);
  g_free (station->place_name);
  g_free (station);
}

void
ed_poll_card_check_free (EdPollCardCheck *check)
{
  if (check == NULL)
    return;
  g_clear_pointer (&check->items, g_ptr_array_unref);
  g_clear_pointer (&check->stations, g_ptr_array_unref);
  g_free (check);
}

static const struct
{
  const char *name;
  const char *description;
} left_out_terms[] = {
  { "not-yet-registered", N_("Pending additions: not in the register until their notice") },
  { "franchise", N_("Franchise does not include the poll") },
  { "under-age", N_("Under the voting age on polling day") },
  { "no-contest", N_("Polling district votes in no contested area") },
  { "no-cards-requested", N_("The poll sends no cards") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (left_out_terms) == ED_N_CARD_LEFT_OUT);

/**
 * ed_card_left_out_to_string:
 * @reason: why an entry gets no card
 *
 * Returns: (transfer none): its stable name, as the JSON report gives it
 */
const char *
ed_card_left_out_to_string (EdCardLeftOut reason)
{
  g_return_val_if_fail (reason < ED_N_CARD_LEFT_OUT, NULL);
  return left_out_terms[reason].name;
}

/**
 * ed_card_left_out_describe:
 * @reason: why an entry gets no card
 *
 * Returns: (transfer none): the reason for a report, translated
 */
const char *
ed_card_left_out_describe (EdCardLeftOut reason)
{
  g_return_val_if_fail (reason < ED_N_CARD_LEFT_OUT, NULL);
  return _(left_out_terms[reason].description);
}

/* Findings of one kind beyond the listed ones: summed up in one item at the end. */
typedef struct
{
  EdCheckSeverity severity;
  guint           listed;
  guint           unlisted;
} CodeCount;

/* The in-person cards of one polling district no rule gives a station. */
typedef struct
{
  guint64  cards;
  char    *first_number;
} Unserved;

static void
unserved_free (Unserved *unserved)
{
  g_free (unserved->first_number);
  g_free (unserved);
}

typedef struct
{
  EdPollCardCheck *check;
  EdElectionRoll  *roll;
  EdStationPlan   *plan;
  const char      *welsh_letter;
  /* One row per roll station, then one for cards with no station. */
  GPtrArray       *by_station;
  /* For each roll station, the index of the same station in the plan, or -1. */
  gint            *plan_index;
  /* For each plan station, the polling districts its rules cover (row ids). */
  GHashTable     **serves;
  /* Polling district row id → 1 + the plan station that serves it whole (the lowest code). */
  GHashTable      *whole_district;
  /* For each plan station, the in-person cards of addresses it serves but the roll cannot
   * place, because the station's place is not in the places table. */
  guint64         *placeless_cards;
  /* For each roll station (and none), its entries with a postal vote or a postal proxy,
   * counted as the plan counts its postal voters: whether their vote has ended or not. */
  guint64         *postal_entries;
  GHashTable      *card_ids;
  GHashTable      *card_numbers;
  GHashTable      *people;
  GHashTable      *code_counts;
  GHashTable      *unserved;
  guint64          pending_deletions;
  char            *first_pending_deletion;
  guint64          unaddressed_cards;
  char            *first_unaddressed;
  EdProgressFunc   progress;
  gpointer         progress_data;
  gint64           total;
} Checker;

static void
add_item (Checker         *checker,
          EdCheckSeverity  severity,
          const char      *code,
          const char      *elector_number,
          const char      *station_code,
          char            *message)
{
  EdPollCardCheck *check = checker->check;
  CodeCount *count = g_hash_table_lookup (checker->code_counts, code);
  EdPollCardCheckItem *item;

  if (severity == ED_CHECK_ERROR)
    check->n_errors++;
  else
    check->n_warnings++;
  if (count == NULL)
    {
      count = g_new0 (CodeCount, 1);
      count->severity = severity;
      g_hash_table_insert (checker->code_counts, g_strdup (code), count);
    }
  if (count->listed >= ED_POLL_CARD_CHECK_MAX_LISTED)
    {
      count->unlisted++;
      g_free (message);
      return;
    }
  count->listed++;
  item = g_new0 (EdPollCardCheckItem, 1);
  item->severity = severity;
  item->code = g_strdup (code);
  item->message = message;
  item->elector_number = g_strdup (elector_number);
  item->station_code = g_strdup (station_code);
  g_ptr_array_add (check->items, item);
}

static gint
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/* In code order, so that two runs on one register give one report. */
static void
add_unlisted_summaries (Checker *checker)
{
  g_autofree gpointer *codes = NULL;
  guint n = 0;

  codes = g_hash_table_get_keys_as_array (checker->code_counts, &n);
  qsort (codes, n, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n; i++)
    {
      CodeCount *count = g_hash_table_lookup (checker->code_counts, codes[i]);
      EdPollCardCheckItem *item;

      if (count->unlisted == 0)
        continue;
      item = g_new0 (EdPollCardCheckItem, 1);
      item->severity = count->severity;
      item->code = g_strdup (codes[i]);
      item->message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: a number, then a finding's code */
                                      "%u more finding of the kind “%s”, not listed here.",
                                      "%u more findings of the kind “%s”, not listed here.",
                                      count->unlisted),
                         count->unlisted, (const char *)codes[i]);
      g_ptr_array_add (checker->check->items, item);
    }
}

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  g_date_clear (out, 1);
  return text != NULL && *text != '\0' && ed_date_parse_iso (text, out, NULL);
}

/* The age on polling day counted afresh from the date of birth, not through the roll: a
 * birthday on 29 February falls on 1 March in a common year, as the law reads it. Without a
 * date of birth, the attainer date says when the register's voting age is reached, which
 * only the register's country can read. */
static gboolean
old_enough (EdCountry              country,
            const EdRegisterVoter *voter,
            guint                  age,
            const GDate           *poll)
{
  GDate born;
  GDate attains;
  gint years;

  if (parse_date (voter->date_of_birth, &born))
    {
      years = (gint)g_date_get_year (poll) - (gint)g_date_get_year (&born);
      if (g_date_get_month (poll) < g_date_get_month (&born) ||
          (g_date_get_month (poll) == g_date_get_month (&born) &&
           g_date_get_day (poll) < g_date_get_day (&born)))
        years--;
      return years >= (gint)age;
    }
  if (parse_date (voter->attainer_date, &attains))
    {
      EdVoterFacts facts = { .status = voter->status };

      g_date_clear (&facts.date_of_birth, 1);
      facts.attainer_date = attains;
      return ed_voter_reaches_age_by (country, &facts, age, poll);
    }
  return TRUE;
}

/* Whether the entry, read afresh, may be sent a card: it is in the register (a pending
 * deletion still is until its notice, DOMAIN.md §1.4; a pending addition is not yet; a
 * deleted entry has left the elector table, so the roll never reads it), and at
 * one poll of the combination that sends cards its district is contested, its franchise
 * reaches the poll and it is of the poll's voting age. @out_why says why not. */
static gboolean
may_have_card (Checker           *checker,
               const EdRollEntry *entry,
               EdCardLeftOut     *out_why)
{
  const EdRegisterVoter *voter = entry->voter;
  EdElectionRoll *roll = checker->roll;
  EdFranchiseMarker marker;
  gboolean contested = FALSE;

  *out_why = ED_CARD_LEFT_OUT_NO_CONTEST;
  if (voter->status == ED_ELECTOR_STATUS_PENDING_ADDITION)
    {
      *out_why = ED_CARD_LEFT_OUT_NOT_YET_REGISTERED;
      return FALSE;
    }
  if (!ed_franchise_marker_parse (voter->marker, checker->welsh_letter, &marker, NULL))
    {
      *out_why = ED_CARD_LEFT_OUT_FRANCHISE;
      return FALSE;
    }
  for (guint p = 0; p < roll->polls->len; p++)
    {
      EdElection *poll = g_ptr_array_index (roll->polls, p);
      EdCardLeftOut why;

      if (ed_election_roll_get_contest (roll, entry, p) == NULL)
        continue;
      if (!ed_election_franchise_allows (poll->kind, poll->country, &poll->poll, marker))
        why = ED_CARD_LEFT_OUT_FRANCHISE;
      else if (!old_enough (roll->country, voter,
                            ed_election_voting_age (poll->kind, poll->country), &poll->poll))
        why = ED_CARD_LEFT_OUT_UNDER_AGE;
      else if (!poll->cards_requested && !voter->anonymous)
        why = ED_CARD_LEFT_OUT_NO_CARDS_REQUESTED;
      else
        return TRUE;
      if (!contested)
        *out_why = why;
      contested = TRUE;
    }
  return FALSE;
}

/* Why the roll sends the entry no card, as the roll itself decided it. */
static EdCardLeftOut
roll_left_out (EdElectionRoll    *roll,
               const EdRollEntry *entry)
{
  for (guint p = 0; p < roll->polls->len; p++)
    {
      if (ed_election_roll_get_contest (roll, entry, p) == NULL)
        continue;
      switch (entry->refusal[p])
        {
        case ED_VOTE_NOT_YET_REGISTERED:
          return ED_CARD_LEFT_OUT_NOT_YET_REGISTERED;
        case ED_VOTE_FRANCHISE:
          return ED_CARD_LEFT_OUT_FRANCHISE;
        case ED_VOTE_UNDER_AGE:
          return ED_CARD_LEFT_OUT_UNDER_AGE;
        case ED_VOTE_ALLOWED:
        case ED_N_VOTE_REFUSALS:
        default:
          break;
        }
    }
  return entry->votes != 0 ? ED_CARD_LEFT_OUT_NO_CARDS_REQUESTED : ED_CARD_LEFT_OUT_NO_CONTEST;
}

static gboolean
is_in_person (EdPollCardVariant variant)
{
  return variant == ED_POLL_CARD_ORDINARY || variant == ED_POLL_CARD_PROXY;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Exactly one card per elector. The roll reads each row of the elector table once, so two
 * cards for one entry mean the reading itself went wrong: a join on a table without unique
 * keys (the synced tables have none, so a merge never fails: station_override can hold two
 * rows for one property) would hand an entry over twice. Two entries can still be one person:
 * an application matched by hand to the wrong existing entry, or a move recorded as an
 * addition without the deletion, leaves the same name and date of birth twice at one address
 * (DOMAIN.md §1.1), and each entry gets its card. Two entries with one elector number would be
 * marked as one in the polling-station register. */
static void
check_one_card (Checker           *checker,
                const EdRollEntry *entry,
                const char        *number)
{
  const EdRegisterVoter *voter = entry->voter;
  const char *other;

  if (!g_hash_table_add (checker->card_ids, g_strdup (voter->elector_id)))
    add_item (checker, ED_CHECK_ERROR, "duplicate-card", number, NULL,
              /* Translators: %s is an elector number */
              g_strdup_printf (_("Elector %s would be sent two cards: the register was read "
                                 "twice for one entry. Report this fault; do not print."),
                               number));
  other = g_hash_table_lookup (checker->card_numbers, number);
  if (other != NULL)
    add_item (checker, ED_CHECK_ERROR, "duplicate-elector-number", number, NULL,
              /* Translators: %s is an elector number */
              g_strdup_printf (_("Two entries have the elector number %s: their cards would "
                                 "be marked as one in the polling-station register. Give one "
                                 "of them a number of its own."), number));
  else
    g_hash_table_insert (checker->card_numbers, g_strdup (number), g_strdup (number));

  if (*voter->property_id != '\0' && *voter->date_of_birth != '\0')
    {
      g_autofree char *name = g_strdup_printf ("%s %s", voter->forenames, voter->surname);
      g_autofree char *folded = g_utf8_casefold (name, -1);
      char *key = g_strdup_printf ("%s\x1f%s\x1f%s", voter->property_id, folded,
                                   voter->date_of_birth);
      const char *first = g_hash_table_lookup (checker->people, key);

      if (first != NULL)
        {
          add_item (checker, ED_CHECK_WARNING, "possible-duplicate-entry", number, NULL,
                    /* Translators: two elector numbers */
                    g_strdup_printf (_("Electors %s and %s have the same name and date of "
                                       "birth at one address: if they are one person, delete "
                                       "one entry, or they get two cards."), first, number));
          g_free (key);
        }
      else
        g_hash_table_insert (checker->people, key, g_strdup (number));
    }
}

/* The right card for the absent vote, read afresh from the entry. */
static void
check_variant (Checker           *checker,
               const EdRollEntry *entry,
               const char        *number)
{
  const EdRegisterVoter *voter = entry->voter;
  EdElection *first = ed_election_roll_get_poll (checker->roll, 0);
  EdPollCardVariant expected = ed_poll_card_variant_for (voter->absent_vote,
                                                         voter->absent_vote_ends, &first->poll);
  GDate ends;

  if (expected != entry->variant)
    add_item (checker, ED_CHECK_ERROR, "wrong-variant", number, NULL,
              /* Translators: an elector number, then two kinds of poll card */
              g_strdup_printf (_("Elector %s would be sent a %s, but their absent vote calls "
                                 "for a %s. Report this fault; do not print."),
                               number, ed_poll_card_variant_get_display_name (entry->variant),
                               ed_poll_card_variant_get_display_name (expected)));
  if (voter->absent_vote != ED_ABSENT_VOTE_NONE && *voter->absent_vote_ends != '\0' &&
      !parse_date (voter->absent_vote_ends, &ends))
    add_item (checker, ED_CHECK_WARNING, "absent-vote-end-unreadable", number, NULL,
              /* Translators: an elector number, then a date as stored */
              g_strdup_printf (_("The end of elector %s’s absent vote, “%s”, is not a date: "
                                 "their card assumes it has not ended. Correct the date."),
                               number, voter->absent_vote_ends));

  if (entry->variant == ED_POLL_CARD_PROXY || entry->variant == ED_POLL_CARD_PROXY_POSTAL)
    {
      if (is_blank (voter->proxy_name))
        add_item (checker, ED_CHECK_ERROR, "proxy-without-name", number, NULL,
                  /* Translators: %s is an elector number */
                  g_strdup_printf (_("Elector %s votes by proxy but the proxy list gives no "
                                     "proxy’s name: the proxy card has no addressee. Record "
                                     "the proxy."), number));
      if (is_blank (voter->proxy_address))
        add_item (checker, ED_CHECK_ERROR, "proxy-without-address", number, NULL,
                  /* Translators: %s is an elector number */
                  g_strdup_printf (_("Elector %s votes by proxy but the proxy list gives no "
                                     "address for the proxy: the proxy card cannot be sent. "
                                     "Record the proxy’s address."), number));
    }
}

/* The addressee block as the card prints it must show in the DL window. */
static void
check_addressee (Checker           *checker,
                 const EdRollEntry *entry,
                 const char        *number)
{
  g_auto(GStrv) lines = ed_poll_card_addressee_lines (entry->voter, entry->variant);
  guint n_lines = g_strv_length (lines);
  guint longest = 0;

  /* A proxy card with no proxy address is reported as that. An entry with no address at all
   * is one of the Other electors (overseas, service and other special categories, DOMAIN.md
   * §1.7), whose card goes to an address the register does not hold: a warning, summed up,
   * since every UK Parliamentary poll has them. An entry whose address has gone from the
   * register is an error. */
  if (entry->variant != ED_POLL_CARD_PROXY && entry->variant != ED_POLL_CARD_PROXY_POSTAL &&
      n_lines < 2)
    {
      if (*entry->voter->property_id != '\0')
        add_item (checker, ED_CHECK_ERROR, "address-not-found", number, NULL,
                  /* Translators: %s is an elector number */
                  g_strdup_printf (_("Elector %s’s address is not among the register’s "
                                     "addresses: the card would carry no address. Correct "
                                     "the entry’s address."), number));
      else if (checker->unaddressed_cards++ == 0)
        checker->first_unaddressed = g_strdup (number);
    }
  if (!ed_poll_card_addressee_fits ((const char * const *)lines, &longest))
    add_item (checker, ED_CHECK_ERROR, "address-too-long", number, NULL,
              /* Translators: an elector number, the lines and the characters of its longest
               * line, then the lines and characters the envelope window takes */
              g_strdup_printf (_("The address on elector %s’s card is %u lines, the longest of "
                                 "%u characters: the envelope window shows %d lines of %d. "
                                 "Shorten the address in the register (or the proxy "
                                 "list)."),
                               number, n_lines, longest, ED_POLL_CARD_WINDOW_LINES,
                               ED_POLL_CARD_WINDOW_LINE_CHARS));
}

static const char *
plan_station_code (Checker *checker,
                   gint     s)
{
  return s >= 0 ? ((EdPlanStation *)g_ptr_array_index (checker->plan->stations, (guint)s))->code
                : NULL;
}

/* Where the address is, as the polling plan reads it: the property's own polling district
 * and the station the plan gives it; an entry with no address votes at the station serving
 * its district whole. */
static void
plan_for_entry (Checker           *checker,
                const EdRollEntry *entry,
                const char       **out_district_id,
                const char       **out_district_code,
                gint              *out_station)
{
  const EdRegisterVoter *voter = entry->voter;
  EdElectorate *electorate = checker->plan->electorate;
  const EdElectorateProperty *property;
  const EdElectoratePollingDistrict *district;
  gint p;

  *out_district_id = voter->polling_district_id;
  *out_district_code = voter->polling_district_code;
  *out_station = -1;
  if (*voter->property_id == '\0')
    {
      *out_station = GPOINTER_TO_INT (g_hash_table_lookup (checker->whole_district,
                                                           voter->polling_district_id)) - 1;
      return;
    }
  p = ed_electorate_find_property (electorate, voter->property_id);
  if (p < 0)
    return;
  *out_station = g_array_index (checker->plan->properties, EdPlanProperty, p).station;
  property = &g_array_index (electorate->properties, EdElectorateProperty, p);
  if (property->polling_district < 0)
    {
      /* The property names a district the register does not have. */
      *out_district_id = "";
      *out_district_code = "";
      return;
    }
  district = &g_array_index (electorate->polling_districts, EdElectoratePollingDistrict,
                             property->polling_district);
  *out_district_id = district->id;
  *out_district_code = district->code;
}

/* The station the card names, against the polling plan. */
static void
check_station (Checker           *checker,
               const EdRollEntry *entry,
               const char        *number,
               const char        *district_id,
               const char        *district_code,
               gint               plan_station)
{
  EdRollStation *station;
  gint s;

  if (entry->station < 0)
    {
      Unserved *unserved;

      if (plan_station >= 0)
        {
          /* The plan knows the station, the places table does not know its place. */
          checker->placeless_cards[plan_station]++;
          return;
        }
      unserved = g_hash_table_lookup (checker->unserved, entry->voter->polling_district_code);
      if (unserved == NULL)
        {
          unserved = g_new0 (Unserved, 1);
          unserved->first_number = g_strdup (number);
          g_hash_table_insert (checker->unserved,
                               g_strdup (entry->voter->polling_district_code), unserved);
        }
      unserved->cards++;
      return;
    }

  station = g_ptr_array_index (checker->roll->stations, (guint)entry->station);
  s = checker->plan_index[entry->station];
  if (s != plan_station)
    {
      if (plan_station >= 0)
        add_item (checker, ED_CHECK_ERROR, "station-differs-from-plan", number, station->code,
                  /* Translators: an elector number, then two polling stations' codes */
                  g_strdup_printf (_("Elector %s’s card names station %s, but the polling "
                                     "plan sends their address to station %s: the entry and "
                                     "its address disagree, or the rules changed. Put the "
                                     "entry in its address’s polling district, or correct "
                                     "the station rules."),
                                   number, station->code,
                                   plan_station_code (checker, plan_station)));
      else
        add_item (checker, ED_CHECK_ERROR, "station-differs-from-plan", number, station->code,
                  /* Translators: an elector number, then a polling station's code */
                  g_strdup_printf (_("Elector %s’s card names station %s, but the polling "
                                     "plan gives their address no station. Put the entry in "
                                     "its address’s polling district, or give the address a "
                                     "station in the plan."),
                                   number, station->code));
    }
  if (s >= 0 && *district_id != '\0' && !g_hash_table_contains (checker->serves[s], district_id))
    add_item (checker, ED_CHECK_ERROR, "station-outside-district", number, station->code,
              /* Translators: an elector number, a polling station's code, then a polling
               * district's code */
              g_strdup_printf (_("Elector %s’s card names station %s, which does not serve "
                                 "polling district %s, where their address is: an override "
                                 "or a rule left behind after the address moved district. "
                                 "Give the address a station of its own district."),
                               number, station->code, district_code));
}

static gboolean
check_entry (EdElectionRoll     *roll,
             const EdRollEntry  *entry,
             gpointer            user_data,
             GError            **error)
{
  Checker *checker = user_data;
  EdPollCardCheck *check = checker->check;
  const EdRegisterVoter *voter = entry->voter;
  EdPollCardCheckStation *row;
  g_autofree char *number = NULL;
  const char *district_id, *district_code;
  gint plan_station;
  EdCardLeftOut why;
  gboolean lawful;

  if (++check->entries % 4096 == 0 && checker->progress != NULL)
    checker->progress ((double)check->entries / (double)MAX (checker->total, 1),
                       _("Checking the poll cards"), checker->progress_data);

  number = ed_elector_number_format (&voter->number);
  row = g_ptr_array_index (checker->by_station,
                           entry->station >= 0 ? (guint)entry->station
                                               : checker->by_station->len - 1);
  lawful = may_have_card (checker, entry, &why);
  if (voter->status != ED_ELECTOR_STATUS_PENDING_ADDITION &&
      (voter->absent_vote == ED_ABSENT_VOTE_POSTAL ||
       voter->absent_vote == ED_ABSENT_VOTE_POSTAL_PROXY))
    checker->postal_entries[entry->station >= 0 ? (guint)entry->station
                                                : checker->by_station->len - 1]++;

  if (!ed_election_roll_entry_gets_card (roll, entry))
    {
      check->left_out[roll_left_out (roll, entry)]++;
      /* The plan counts every entry but the pending additions. */
      if (voter->status != ED_ELECTOR_STATUS_PENDING_ADDITION)
        row->left_out++;
      if (lawful)
        add_item (checker, ED_CHECK_ERROR, "eligible-without-card", number, NULL,
                  /* Translators: %s is an elector number */
                  g_strdup_printf (_("Elector %s may vote at the poll but would be sent no "
                                     "card. Report this fault; do not print."), number));
      return TRUE;
    }

  if (!lawful)
    add_item (checker, ED_CHECK_ERROR, "card-not-eligible", number, NULL,
              /* Translators: an elector number, then why they may not have a card */
              g_strdup_printf (_("Elector %s would be sent a card but may not have one (%s). "
                                 "Report this fault; do not print."),
                               number, ed_card_left_out_describe (why)));
  if (voter->status == ED_ELECTOR_STATUS_PENDING_DELETION &&
      checker->pending_deletions++ == 0)
    checker->first_pending_deletion = g_strdup (number);

  check->cards[entry->variant]++;
  row->cards[entry->variant]++;
  check_one_card (checker, entry, number);
  check_variant (checker, entry, number);
  check_addressee (checker, entry, number);

  plan_for_entry (checker, entry, &district_id, &district_code, &plan_station);
  if (*voter->property_id != '\0' && *district_id != '\0' &&
      !g_str_equal (district_id, voter->polling_district_id))
    add_item (checker, ED_CHECK_ERROR, "entry-district-differs", number, NULL,
              /* Translators: an elector number, then two polling districts' codes */
              g_strdup_printf (_("Elector %s is in part %s of the register, but their address "
                                 "is now in polling district %s: the card would carry the old "
                                 "district’s number, contests and station. Move the entry to "
                                 "the address’s district before printing."),
                               number, voter->polling_district_code, district_code));
  if (is_in_person (entry->variant))
    check_station (checker, entry, number, district_id, district_code, plan_station);
  return TRUE;
}

/* Each station in-person cards name: its place is booked, and its address, as the card
 * prints it from the places table, is whole and the same place the plan knows. */
static void
check_stations (Checker *checker)
{
  for (guint s = 0; s < checker->roll->stations->len; s++)
    {
      EdRollStation *station = g_ptr_array_index (checker->roll->stations, s);
      EdPollCardCheckStation *row = g_ptr_array_index (checker->by_station, s);
      guint64 in_person = row->cards[ED_POLL_CARD_ORDINARY] + row->cards[ED_POLL_CARD_PROXY];
      gint p = checker->plan_index[s];
      g_autoptr(GString) missing = g_string_new (NULL);

      if (in_person == 0)
        continue;
      if (station->booking_state == ED_BOOKING_CANCELLED)
        add_item (checker, ED_CHECK_ERROR, "place-cancelled", NULL, station->code,
                  /* Translators: a station's code, then its place's name */
                  g_strdup_printf (_("The booking of %2$s, the place of station %1$s, is "
                                     "cancelled: its cards would send electors to a building "
                                     "that will not be open. Book another place."),
                                   station->code, station->place_name));
      else if (station->booking_state != ED_BOOKING_CONFIRMED)
        add_item (checker, ED_CHECK_WARNING, "place-not-confirmed", NULL, station->code,
                  /* Translators: a station's code, then its place's name */
                  g_strdup_printf (_("The booking of %2$s, the place of station %1$s, is not "
                                     "yet confirmed."),
                                   station->code, station->place_name));

      if (p >= 0)
        {
          EdPlanStation *planned = g_ptr_array_index (checker->plan->stations, (guint)p);

          if (g_strcmp0 (planned->place, station->place_id) != 0 ||
              g_strcmp0 (planned->place_name, station->place_name) != 0)
            add_item (checker, ED_CHECK_ERROR, "station-place-differs", NULL, station->code,
                      /* Translators: a station's code, then two places' names */
                      g_strdup_printf (_("Station %s’s cards name %s, but the places table "
                                         "holds it at %s: the places changed while the "
                                         "check ran. Run the check again."),
                                       station->code, station->place_name,
                                       planned->place_name));
        }

      /* Translators: the parts of a polling place's address a card prints, listed in "Station
       * %s’s place has no %s" */
      if (is_blank (station->place_name))
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                                C_("place", "name"));
      if (is_blank (station->place_address))
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                                C_("place", "address"));
      if (is_blank (station->place_postcode))
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                                C_("place", "postcode"));
      if (missing->len > 0)
        add_item (checker, ED_CHECK_ERROR, "station-address-incomplete", NULL, station->code,
                  /* Translators: a station's code, then what its place lacks: "address,
                   * postcode" */
                  g_strdup_printf (_("Station %s’s place has no %s: the cards would not say "
                                     "where to vote. Complete the place in the places "
                                     "table."), station->code, missing->str));
      else if (!ed_postcode_is_valid (station->place_postcode))
        add_item (checker, ED_CHECK_ERROR, "station-postcode-invalid", NULL, station->code,
                  /* Translators: a station's code, then a postcode as stored */
                  g_strdup_printf (_("Station %s’s place has the postcode “%s”, which is not a "
                                     "postcode. Correct it in the places table."),
                                   station->code, station->place_postcode));
    }

  for (guint p = 0; p < checker->plan->stations->len; p++)
    {
      EdPlanStation *planned = g_ptr_array_index (checker->plan->stations, p);

      if (checker->placeless_cards[p] == 0)
        continue;
      add_item (checker, ED_CHECK_ERROR, "station-without-place", NULL, planned->code,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: a station's code, then a number
                                               * of cards */
                                              "Station %s has no polling place in the places "
                                              "table, so %" PRIu64 " card would name no "
                                              "building. Give the station its place.",
                                              "Station %s has no polling place in the places "
                                              "table, so %" PRIu64 " cards would name no "
                                              "building. Give the station its place.",
                                              checker->placeless_cards[p]),
                                 planned->code, checker->placeless_cards[p]));
    }
}

/* The in-person cards no rule gives a station, one finding per polling district. */
static void
report_unserved (Checker *checker)
{
  g_autofree gpointer *codes = NULL;
  guint n = 0;

  codes = g_hash_table_get_keys_as_array (checker->unserved, &n);
  qsort (codes, n, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n; i++)
    {
      Unserved *unserved = g_hash_table_lookup (checker->unserved, codes[i]);

      add_item (checker, ED_CHECK_ERROR, "no-station", unserved->first_number, NULL,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: a number of electors, a polling
                                               * district's code, then the first one's elector
                                               * number */
                                              "%" PRIu64 " elector of polling district %s votes "
                                              "in person but no polling station serves their "
                                              "address (%s): give the street or district a "
                                              "station in the polling plan.",
                                              "%" PRIu64 " electors of polling district %s vote "
                                              "in person but no polling station serves their "
                                              "addresses (the first is %s): give the streets "
                                              "or district a station in the polling plan.",
                                              unserved->cards),
                                 unserved->cards, (const char *)codes[i],
                                 unserved->first_number));
    }
}

/* Counts per station against the plan: the plan's electors of a station (pending additions
 * aside) are the cards that name it and the entries at its addresses left out; a station the
 * two disagree on has electors the cards send elsewhere, or cards the plan does not know of.
 * So are its postal voters, who get postal cards unless their vote ends before the poll. This
 * is stricter than "fewer cards than electors by more than those left out": any difference is
 * an elector the cards and the plan place apart. */
static void
check_counts (Checker *checker)
{
  for (guint s = 0; s < checker->roll->stations->len; s++)
    {
      EdRollStation *station = g_ptr_array_index (checker->roll->stations, s);
      EdPollCardCheckStation *row = g_ptr_array_index (checker->by_station, s);
      gint p = checker->plan_index[s];
      EdPlanStation *planned = p >= 0 ? g_ptr_array_index (checker->plan->stations, (guint)p)
                                      : NULL;
      guint64 cards = 0;
      guint64 postal = checker->postal_entries[s];

      for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
        cards += row->cards[v];
      row->plan_electors = planned != NULL ? planned->electors : 0;
      row->plan_postal = planned != NULL ? planned->postal : 0;
      if (cards + row->left_out != row->plan_electors)
        add_item (checker, ED_CHECK_WARNING, "station-count-differs", NULL, station->code,
                  /* Translators: a station's code, then three numbers */
                  g_strdup_printf (_("The polling plan gives station %s %" PRIu64 " electors, "
                                     "but %" PRIu64 " cards name it and %" PRIu64 " entries "
                                     "at its addresses get none: the cards and the plan "
                                     "disagree on who votes there. Look for the errors above "
                                     "that name it."),
                                   station->code, row->plan_electors, cards, row->left_out));
      else if (postal != row->plan_postal)
        add_item (checker, ED_CHECK_WARNING, "station-postal-count-differs", NULL,
                  station->code,
                  /* Translators: a station's code, then two numbers */
                  g_strdup_printf (_("The entries whose cards name station %s have %" PRIu64
                                     " postal votes, but the polling plan counts %" PRIu64
                                     " postal voters there: the cards and the plan disagree "
                                     "on who votes there. Look for the errors above that "
                                     "name it."),
                                   station->code, postal, row->plan_postal));
    }
}

static gint
errors_first (gconstpointer a,
              gconstpointer b)
{
  const EdPollCardCheckItem *x = *(EdPollCardCheckItem **)a;
  const EdPollCardCheckItem *y = *(EdPollCardCheckItem **)b;

  return (gint)x->severity - (gint)y->severity;
}

static gint
by_code (gconstpointer a,
         gconstpointer b)
{
  const EdPollCardCheckStation *x = *(EdPollCardCheckStation **)a;
  const EdPollCardCheckStation *y = *(EdPollCardCheckStation **)b;

  /* The cards with no station last. */
  if ((*x->code == '\0') != (*y->code == '\0'))
    return *x->code == '\0' ? 1 : -1;
  return g_strcmp0 (x->code, y->code);
}

static void
prepare (Checker *checker)
{
  EdStationPlan *plan = checker->plan;
  EdElectionRoll *roll = checker->roll;

  checker->plan_index = g_new (gint, MAX (roll->stations->len, 1));
  for (guint s = 0; s < roll->stations->len; s++)
    {
      EdRollStation *station = g_ptr_array_index (roll->stations, s);

      checker->plan_index[s] = ed_station_plan_find_station (plan, station->id);
    }
  checker->serves = g_new0 (GHashTable *, MAX (plan->stations->len, 1));
  checker->placeless_cards = g_new0 (guint64, MAX (plan->stations->len, 1));
  checker->postal_entries = g_new0 (guint64, roll->stations->len + 1);
  checker->whole_district = g_hash_table_new (g_str_hash, g_str_equal);
  /* In code order, so the first station to serve a district whole is the one the rules
   * pick (ed-station-assignment.c). */
  for (guint p = 0; p < plan->stations->len; p++)
    {
      EdPlanStation *planned = g_ptr_array_index (plan->stations, p);

      checker->serves[p] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint c = 0; c < planned->coverage->len; c++)
        {
          EdPlanCoverage *coverage = g_ptr_array_index (planned->coverage, c);

          g_hash_table_add (checker->serves[p], coverage->polling_district);
          if (*coverage->street == '\0' &&
              !g_hash_table_contains (checker->whole_district, coverage->polling_district))
            g_hash_table_insert (checker->whole_district, coverage->polling_district,
                                 GINT_TO_POINTER ((gint)p + 1));
        }
    }
  checker->card_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker->card_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  checker->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  checker->code_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  checker->unserved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)unserved_free);
}

static void
checker_clear (Checker *checker)
{
  if (checker->serves != NULL)
    for (guint p = 0; p < checker->plan->stations->len; p++)
      g_clear_pointer (&checker->serves[p], g_hash_table_unref);
  g_clear_pointer (&checker->serves, g_free);
  g_clear_pointer (&checker->plan_index, g_free);
  g_clear_pointer (&checker->placeless_cards, g_free);
  g_clear_pointer (&checker->postal_entries, g_free);
  g_clear_pointer (&checker->whole_district, g_hash_table_unref);
  g_clear_pointer (&checker->card_ids, g_hash_table_unref);
  g_clear_pointer (&checker->card_numbers, g_hash_table_unref);
  g_clear_pointer (&checker->people, g_hash_table_unref);
  g_clear_pointer (&checker->code_counts, g_hash_table_unref);
  g_clear_pointer (&checker->unserved, g_hash_table_unref);
  g_clear_pointer (&checker->first_pending_deletion, g_free);
  g_clear_pointer (&checker->first_unaddressed, g_free);
}

/**
 * ed_poll_card_check_run:
 * @context: the district
 * @election: one poll of the combination whose cards are checked
 * @progress: (nullable): told how far it has got
 * @progress_data: for @progress
 * @cancellable: (nullable): to stop early
 * @error: return location for an error
 *
 * Checks the cards of the poll and those combined with it before they are printed. It reads
 * every entry of the register, and each finding has a stable code:
 * - errors: `no-station`, `station-without-place`, `place-cancelled`,
 *   `station-differs-from-plan` (the roll and the polling plan send an address to two
 *   stations), `station-outside-district`, `entry-district-differs`, `station-place-differs`,
 *   `station-address-incomplete`, `station-postcode-invalid`, `duplicate-card`,
 *   `duplicate-elector-number`, `wrong-variant`, `card-not-eligible`,
 *   `eligible-without-card`, `proxy-without-name`, `proxy-without-address`,
 *   `address-not-found`, `address-too-long`;
 * - warnings: `place-not-confirmed`, `possible-duplicate-entry`,
 *   `absent-vote-end-unreadable`, `pending-deletion`, `no-address`, `station-count-differs`,
 *   `station-postal-count-differs`.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
EdPollCardCheck *
ed_poll_card_check_run (EdContext       *context,
                        EdElection      *election,
                        EdProgressFunc   progress,
                        gpointer         progress_data,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(EdElectionRoll) roll = NULL;
  g_autoptr(EdStationPlan) plan = NULL;
  g_autoptr(EdPollCardCheck) check = g_new0 (EdPollCardCheck, 1);
  g_autoptr(GPtrArray) by_station = NULL;
  Checker checker = { .progress = progress, .progress_data = progress_data };
  gboolean ok;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  check->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  roll = ed_election_roll_new (context, election, error);
  if (roll == NULL)
    return NULL;
  plan = ed_station_plan_compute (context, error);
  if (plan == NULL)
    return NULL;
  by_station = g_ptr_array_new_with_free_func ((GDestroyNotify)station_free);
  for (guint s = 0; s <= roll->stations->len; s++)
    {
      EdPollCardCheckStation *row = g_new0 (EdPollCardCheckStation, 1);
      EdRollStation *station = s < roll->stations->len ? g_ptr_array_index (roll->stations, s)
                                                        : NULL;

      row->code = g_strdup (station != NULL ? station->code : "");
      row->place_name = g_strdup (station != NULL ? station->place_name : "");
      g_ptr_array_add (by_station, row);
    }
  checker.check = check;
  checker.roll = roll;
  checker.plan = plan;
  checker.by_station = by_station;
  checker.welsh_letter =
    ed_district_settings_get_welsh_marker_letter (ed_context_get_settings (context));
  if (progress != NULL)
    checker.total = ed_register_count_voters (context, NULL, NULL);
  prepare (&checker);
  ok = ed_election_roll_foreach (roll, context, ED_VOTER_ORDER_REGISTER, TRUE, cancellable,
                                 check_entry, &checker, error);
  if (ok)
    {
      report_unserved (&checker);
      check_stations (&checker);
      check_counts (&checker);
      if (checker.pending_deletions > 0)
        add_item (&checker, ED_CHECK_WARNING, "pending-deletion",
                  checker.first_pending_deletion, NULL,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: a number, then the first
                                                 * one's elector number */
                                                "%" PRIu64 " card goes to an entry whose "
                                                "deletion is pending (%s): it is in the "
                                                "register until the notice is published. If "
                                                "that notice comes before polling day, hold "
                                                "the card back.",
                                                "%" PRIu64 " cards go to entries whose "
                                                "deletion is pending (the first is %s): they "
                                                "are in the register until the notice is "
                                                "published. If that notice comes before "
                                                "polling day, hold those cards back.",
                                                checker.pending_deletions),
                                   checker.pending_deletions, checker.first_pending_deletion));
      if (checker.unaddressed_cards > 0)
        add_item (&checker, ED_CHECK_WARNING, "no-address", checker.first_unaddressed, NULL,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: a number, then the first
                                                 * one's elector number */
                                                "%" PRIu64 " card goes to an elector the "
                                                "register holds no address for (%s), one of "
                                                "the Other electors: address it by hand.",
                                                "%" PRIu64 " cards go to electors the "
                                                "register holds no address for (the first is "
                                                "%s), the Other electors: address them by "
                                                "hand.",
                                                checker.unaddressed_cards),
                                   checker.unaddressed_cards, checker.first_unaddressed));
      add_unlisted_summaries (&checker);
    }
  checker_clear (&checker);
  if (!ok)
    return NULL;

  /* The stations with cards or electors in the plan, by code; then the cards with none. */
  check->stations = g_ptr_array_new_with_free_func ((GDestroyNotify)station_free);
  for (guint s = 0; s < by_station->len; s++)
    {
      EdPollCardCheckStation *row = g_ptr_array_index (by_station, s);
      guint64 cards = row->left_out + row->plan_electors;

      for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
        cards += row->cards[v];
      if (cards > 0)
        g_ptr_array_add (check->stations, g_ptr_array_steal_index (by_station, s--));
    }
  /* The plan's stations the roll cannot place, with no cards. */
  for (guint p = 0; p < plan->stations->len; p++)
    {
      EdPlanStation *planned = g_ptr_array_index (plan->stations, p);
      EdPollCardCheckStation *row;
      gboolean listed = FALSE;

      for (guint s = 0; s < roll->stations->len && !listed; s++)
        listed = g_str_equal (((EdRollStation *)g_ptr_array_index (roll->stations, s))->id,
                              planned->id);
      if (listed || planned->electors == 0)
        continue;
      row = g_new0 (EdPollCardCheckStation, 1);
      row->code = g_strdup (planned->code);
      row->place_name = g_strdup (planned->place_name);
      row->plan_electors = planned->electors;
      row->plan_postal = planned->postal;
      g_ptr_array_add (check->stations, row);
    }
  g_ptr_array_sort (check->stations, by_code);
  g_ptr_array_sort (check->items, errors_first);
  if (progress != NULL)
    progress (1.0, _("Checking the poll cards"), progress_data);
  return g_steal_pointer (&check);
}

/**
 * ed_poll_card_check_gate:
 * @context: the district
 * @election: one poll of the combination about to be printed
 * @override_reason: (nullable): why a person prints over the check's errors, or %NULL
 * @cancellable: (nullable): to stop the check
 * @out_check: (out) (optional) (transfer full): the report, also when the print is refused
 * @error: return location for an error: %ED_POLL_CARD_CHECK_ERROR_FOUND_ERRORS when the print
 *   is refused
 *
 * The pre-print check as the final outputs run it: they go ahead when it finds no errors, or
 * when a person gives a reason to print over them (a reason of spaces is none). The caller
 * records the reason and the number of errors with the run.
 *
 * Returns: %TRUE if the final output may go ahead
 */
gboolean
ed_poll_card_check_gate (EdContext         *context,
                         EdElection        *election,
                         const char        *override_reason,
                         GCancellable      *cancellable,
                         EdPollCardCheck  **out_check,
                         GError           **error)
{
  g_autoptr(EdPollCardCheck) check = NULL;
  gboolean passes;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election != NULL, FALSE);

  if (out_check != NULL)
    *out_check = NULL;
  check = ed_poll_card_check_run (context, election, NULL, NULL, cancellable, error);
  if (check == NULL)
    return FALSE;
  passes = check->n_errors == 0 || !is_blank (override_reason);
  if (!passes)
    g_set_error (error, ED_POLL_CARD_CHECK_ERROR, ED_POLL_CARD_CHECK_ERROR_FOUND_ERRORS,
                 g_dngettext (GETTEXT_PACKAGE,
                              /* Translators: a number of errors, then the election's id */
                              "The pre-print check found %u error, so the cards were not "
                              "printed. See it with “pollcards check %s”, put it right, or "
                              "print over it giving a reason.",
                              "The pre-print check found %u errors, so the cards were not "
                              "printed. See them with “pollcards check %s”, put them right, "
                              "or print over them giving a reason.",
                              check->n_errors),
                 check->n_errors, election->slug);
  if (out_check != NULL)
    *out_check = g_steal_pointer (&check);
  return passes;
}

typedef struct
{
  char            *election_id;
  EdPollCardCheck *check;
} CheckJob;

static void
check_job_free (CheckJob *data)
{
  g_free (data->election_id);
  g_clear_pointer (&data->check, ed_poll_card_check_free);
  g_free (data);
}

static gboolean
check_work (EdJob         *job,
            GObject       *connection,
            gpointer       task_data,
            GCancellable  *cancellable,
            GError       **error)
{
  CheckJob *data = task_data;
  g_autoptr(EdElection) election = ed_election_load (ED_CONTEXT (connection),
                                                     data->election_id, error);

  if (election == NULL)
    return FALSE;
  data->check = ed_poll_card_check_run (ED_CONTEXT (connection), election, ed_job_progress,
                                        job, cancellable, error);
  return data->check != NULL;
}

/**
 * ed_poll_card_check_run_async:
 * @context: the district
 * @election: one poll of the combination whose cards are checked
 * @cancellable: (nullable): to stop it
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Runs ed_poll_card_check_run() on the district's own connection in a worker thread.
 *
 * Returns: (transfer none): the job; it lives until @callback has run
 */
EdJob *
ed_poll_card_check_run_async (EdContext           *context,
                              EdElection          *election,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  CheckJob *data = g_new0 (CheckJob, 1);

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  data->election_id = g_strdup (election->id);
  return ed_context_run_job_async (context, check_work, data, (GDestroyNotify)check_job_free,
                                   cancellable, callback, user_data);
}

/**
 * ed_poll_card_check_run_finish:
 * @job: the job ed_poll_card_check_run_async() returned
 * @result: the result handed to the callback
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Returns: (transfer full) (nullable): the report
 */
EdPollCardCheck *
ed_poll_card_check_run_finish (EdJob         *job,
                               GAsyncResult  *result,
                               GError       **error)
{
  CheckJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, check_work), NULL);

  if (!ed_job_run_finish (job, result, error))
    return NULL;
  data = ed_job_get_task_data (job);
  return g_steal_pointer (&data->check);
}
