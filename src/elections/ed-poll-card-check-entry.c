/* ed-poll-card-check-entry.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pre-print check of each entry of the register as the roll hands it over: whether it may
 * have a card at all, read afresh from the entry rather than through the roll's own rules; one
 * card per elector and per elector number; the card for the entry's absent vote; an address
 * the envelope window shows; and the entry's polling district and station against the polling
 * plan (ed-poll-card-check-plan.c). */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "elections/ed-poll-card-address.h"
#include "elections/ed-poll-card-check-private.h"

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
may_have_card (EdPollCardChecker *checker,
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

/* Exactly one card per elector. The roll reads each row of the elector table once, so two
 * cards for one entry mean the reading itself went wrong: a join on a table without unique
 * keys (the synced tables have none, so a merge never fails: station_override can hold two
 * rows for one property) would hand an entry over twice. Two entries can still be one person:
 * an application matched by hand to the wrong existing entry, or a move recorded as an
 * addition without the deletion, leaves the same name and date of birth twice at one address
 * (DOMAIN.md §1.1), and each entry gets its card. Two entries with one elector number would be
 * marked as one in the polling-station register. */
static void
check_one_card (EdPollCardChecker *checker,
                const EdRollEntry *entry,
                const char        *number)
{
  const EdRegisterVoter *voter = entry->voter;
  const char *other;

  if (!g_hash_table_add (checker->card_ids, g_strdup (voter->elector_id)))
    _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "duplicate-card", number, NULL,
                                  /* Translators: %s is an elector number */
                                  g_strdup_printf (_("Elector %s would be sent two cards: the "
                                                     "register was read twice for one entry. "
                                                     "Report this fault; do not print."),
                                                   number));
  other = g_hash_table_lookup (checker->card_numbers, number);
  if (other != NULL)
    _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "duplicate-elector-number", number,
                                  NULL,
                                  /* Translators: %s is an elector number */
                                  g_strdup_printf (_("Two entries have the elector number %s: "
                                                     "their cards would be marked as one in "
                                                     "the polling-station register. Give one "
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
          _ed_poll_card_check_add_item (checker, ED_CHECK_WARNING, "possible-duplicate-entry",
                                        number, NULL,
                                        /* Translators: two elector numbers */
                                        g_strdup_printf (_("Electors %s and %s have the same "
                                                           "name and date of birth at one "
                                                           "address: if they are one person, "
                                                           "delete one entry, or they get two "
                                                           "cards."), first, number));
          g_free (key);
        }
      else
        g_hash_table_insert (checker->people, key, g_strdup (number));
    }
}

/* The right card for the absent vote, read afresh from the entry. */
static void
check_variant (EdPollCardChecker *checker,
               const EdRollEntry *entry,
               const char        *number)
{
  const EdRegisterVoter *voter = entry->voter;
  EdElection *first = ed_election_roll_get_poll (checker->roll, 0);
  EdPollCardVariant expected = ed_poll_card_variant_for (voter->absent_vote,
                                                         voter->absent_vote_ends, &first->poll);
  GDate ends;

  if (expected != entry->variant)
    {
      const char *sent = ed_poll_card_variant_get_display_name (entry->variant);
      const char *due = ed_poll_card_variant_get_display_name (expected);

      _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "wrong-variant", number, NULL,
                                    /* Translators: an elector number, then two kinds of poll
                                     * card */
                                    g_strdup_printf (_("Elector %s would be sent a %s, but "
                                                       "their absent vote calls for a %s. "
                                                       "Report this fault; do not print."),
                                                     number, sent, due));
    }
  if (voter->absent_vote != ED_ABSENT_VOTE_NONE && *voter->absent_vote_ends != '\0' &&
      !parse_date (voter->absent_vote_ends, &ends))
    _ed_poll_card_check_add_item (checker, ED_CHECK_WARNING, "absent-vote-end-unreadable",
                                  number, NULL,
                                  /* Translators: an elector number, then a date as stored */
                                  g_strdup_printf (_("The end of elector %s’s absent vote, "
                                                     "“%s”, is not a date: their card assumes "
                                                     "it has not ended. Correct the date."),
                                                   number, voter->absent_vote_ends));

  if (entry->variant == ED_POLL_CARD_PROXY || entry->variant == ED_POLL_CARD_PROXY_POSTAL)
    {
      if (_ed_poll_card_check_is_blank (voter->proxy_name))
        _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "proxy-without-name", number,
                                      NULL,
                                      /* Translators: %s is an elector number */
                                      g_strdup_printf (_("Elector %s votes by proxy but the "
                                                         "proxy list gives no proxy’s name: "
                                                         "the proxy card has no addressee. "
                                                         "Record the proxy."), number));
      if (_ed_poll_card_check_is_blank (voter->proxy_address))
        _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "proxy-without-address", number,
                                      NULL,
                                      /* Translators: %s is an elector number */
                                      g_strdup_printf (_("Elector %s votes by proxy but the "
                                                         "proxy list gives no address for the "
                                                         "proxy: the proxy card cannot be "
                                                         "sent. Record the proxy’s address."),
                                                       number));
    }
}

/* The addressee block as the card prints it must show in the DL window. */
static void
check_addressee (EdPollCardChecker *checker,
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
        _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "address-not-found", number, NULL,
                                      /* Translators: %s is an elector number */
                                      g_strdup_printf (_("Elector %s’s address is not among "
                                                         "the register’s addresses: the card "
                                                         "would carry no address. Correct the "
                                                         "entry’s address."), number));
      else if (checker->unaddressed_cards++ == 0)
        checker->first_unaddressed = g_strdup (number);
    }
  if (!ed_poll_card_addressee_fits ((const char * const *)lines, &longest))
    _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "address-too-long", number, NULL,
                                  /* Translators: an elector number, the lines and the
                                   * characters of its longest line, then the lines and
                                   * characters the envelope window takes */
                                  g_strdup_printf (_("The address on elector %s’s card is %u "
                                                     "lines, the longest of %u characters: the "
                                                     "envelope window shows %d lines of %d. "
                                                     "Shorten the address in the register (or "
                                                     "the proxy list)."),
                                                   number, n_lines, longest,
                                                   ED_POLL_CARD_WINDOW_LINES,
                                                   ED_POLL_CARD_WINDOW_LINE_CHARS));
}

/* The check of one entry, as ed_election_roll_foreach() hands it over. */
gboolean
_ed_poll_card_check_entry (EdElectionRoll     *roll,
                           const EdRollEntry  *entry,
                           gpointer            user_data,
                           GError            **error)
{
  EdPollCardChecker *checker = user_data;
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
        _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "eligible-without-card", number,
                                      NULL,
                                      /* Translators: %s is an elector number */
                                      g_strdup_printf (_("Elector %s may vote at the poll but "
                                                         "would be sent no card. Report this "
                                                         "fault; do not print."), number));
      return TRUE;
    }

  if (!lawful)
    _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "card-not-eligible", number, NULL,
                                  /* Translators: an elector number, then why they may not
                                   * have a card */
                                  g_strdup_printf (_("Elector %s would be sent a card but may "
                                                     "not have one (%s). Report this fault; "
                                                     "do not print."),
                                                   number, ed_card_left_out_describe (why)));
  if (voter->status == ED_ELECTOR_STATUS_PENDING_DELETION &&
      checker->pending_deletions++ == 0)
    checker->first_pending_deletion = g_strdup (number);

  check->cards[entry->variant]++;
  row->cards[entry->variant]++;
  check_one_card (checker, entry, number);
  check_variant (checker, entry, number);
  check_addressee (checker, entry, number);

  _ed_poll_card_check_plan_for_entry (checker, entry, &district_id, &district_code,
                                      &plan_station);
  if (*voter->property_id != '\0' && *district_id != '\0' &&
      !g_str_equal (district_id, voter->polling_district_id))
    _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "entry-district-differs", number,
                                  NULL,
                                  /* Translators: an elector number, then two polling
                                   * districts' codes */
                                  g_strdup_printf (_("Elector %s is in part %s of the "
                                                     "register, but their address is now in "
                                                     "polling district %s: the card would "
                                                     "carry the old district’s number, "
                                                     "contests and station. Move the entry to "
                                                     "the address’s district before "
                                                     "printing."),
                                                   number, voter->polling_district_code,
                                                   district_code));
  if (is_in_person (entry->variant))
    _ed_poll_card_check_station (checker, entry, number, district_id, district_code,
                                 plan_station);
  return TRUE;
}
