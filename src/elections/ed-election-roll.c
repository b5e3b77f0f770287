/* ed-election-roll.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The register as a poll reads it: each entry with the contests it votes in, whether the
 * elector may vote at each poll of the combination (ed-election-eligibility.c), the station
 * the plan sends the address to (the stations module's assignment: override, then street,
 * then district), and the poll card the way they vote calls for. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "elections/ed-election-roll.h"
#include "stations/ed-station-list.h"

static void
roll_district_free (EdRollDistrict *district)
{
  g_free (district->id);
  g_free (district->code);
  g_free (district->name);
  g_free (district);
}

static void
roll_station_free (EdRollStation *station)
{
  g_free (station->id);
  g_free (station->code);
  g_free (station->name);
  g_free (station->place_id);
  g_free (station->place_name);
  g_free (station->place_address);
  g_free (station->place_postcode);
  g_free (station->poll_card_note);
  g_free (station);
}

void
ed_election_roll_free (EdElectionRoll *roll)
{
  if (roll == NULL)
    return;
  g_clear_pointer (&roll->polls, g_ptr_array_unref);
  g_clear_pointer (&roll->districts, g_ptr_array_unref);
  g_clear_pointer (&roll->stations, g_ptr_array_unref);
  g_clear_pointer (&roll->district_index, g_hash_table_unref);
  g_clear_pointer (&roll->station_index, g_hash_table_unref);
  g_clear_pointer (&roll->assignment, ed_station_assignment_free);
  g_free (roll);
}

/* Whether a polling district lies in a contest's area. */
static gboolean
district_in_contest (const EdPollingDistrictAreas *areas,
                     const EdContest              *contest)
{
  switch (contest->area_kind)
    {
    case ED_CONTEST_AREA_WARD:
      return g_str_equal (areas->electoral_area, contest->area);
    case ED_CONTEST_AREA_PARISH:
      return g_str_equal (areas->parish, contest->area);
    case ED_CONTEST_AREA_CONSTITUENCY:
      return g_str_equal (areas->constituency, contest->area);
    case ED_CONTEST_AREA_WHOLE:
      return TRUE;
    case ED_N_CONTEST_AREAS:
    default:
      return FALSE;
    }
}

static gboolean
load_districts (EdElectionRoll  *roll,
                EdContext       *context,
                GError         **error)
{
  g_autoptr(GPtrArray) all = ed_register_list_polling_district_areas (context, error);

  if (all == NULL)
    return FALSE;
  for (guint d = 0; d < all->len; d++)
    {
      EdPollingDistrictAreas *areas = g_ptr_array_index (all, d);
      EdRollDistrict *district = g_new0 (EdRollDistrict, 1);
      gboolean votes = FALSE;

      for (guint p = 0; p < ED_ROLL_MAX_POLLS; p++)
        district->contest[p] = -1;
      for (guint p = 0; p < roll->polls->len; p++)
        {
          EdElection *poll = g_ptr_array_index (roll->polls, p);

          for (guint c = 0; c < poll->contests->len; c++)
            {
              EdContest *contest = g_ptr_array_index (poll->contests, c);

              if (contest->contested && district_in_contest (areas, contest))
                {
                  district->contest[p] = (gint)c;
                  votes = TRUE;
                  break;
                }
            }
        }
      if (!votes)
        {
          roll_district_free (district);
          continue;
        }
      district->id = g_strdup (areas->id);
      district->code = g_strdup (areas->code);
      district->name = g_strdup (areas->name);
      g_hash_table_insert (roll->district_index, district->id, district);
      g_ptr_array_add (roll->districts, district);
    }
  return TRUE;
}

static gint
compare_stations (gconstpointer a,
                  gconstpointer b)
{
  const EdRollStation *x = *(EdRollStation **)a;
  const EdRollStation *y = *(EdRollStation **)b;
  int by_code = g_strcmp0 (x->code, y->code);

  return by_code != 0 ? by_code : g_strcmp0 (x->id, y->id);
}

static gboolean
load_stations (EdElectionRoll  *roll,
               EdContext       *context,
               GError         **error)
{
  g_autoptr(GPtrArray) places = ed_stations_list_places (context, error);

  if (places == NULL)
    return FALSE;
  for (guint p = 0; p < places->len; p++)
    {
      EdListedPlace *place = g_ptr_array_index (places, p);

      for (guint s = 0; s < place->stations->len; s++)
        {
          EdListedStation *listed = g_ptr_array_index (place->stations, s);
          EdRollStation *station = g_new0 (EdRollStation, 1);

          station->id = g_strdup (listed->id);
          station->code = g_strdup (listed->code);
          station->name = g_strdup (listed->name);
          station->place_id = g_strdup (place->id);
          station->place_name = g_strdup (place->name);
          station->place_address = g_strdup (place->address);
          station->place_postcode = g_strdup (place->postcode);
          station->poll_card_note = g_strdup (place->poll_card_note);
          station->booking_state = place->booking_state;
          g_ptr_array_add (roll->stations, station);
        }
    }
  g_ptr_array_sort (roll->stations, compare_stations);
  for (guint s = 0; s < roll->stations->len; s++)
    {
      EdRollStation *station = g_ptr_array_index (roll->stations, s);

      g_hash_table_insert (roll->station_index, station->id, GINT_TO_POINTER (s + 1));
    }
  return TRUE;
}

/**
 * ed_election_roll_new:
 * @context: the district
 * @election: one poll of the combination to read for
 * @error: return location for an error
 *
 * Returns: (transfer full): the roll, or %NULL with @error set
 */
EdElectionRoll *
ed_election_roll_new (EdContext   *context,
                      EdElection  *election,
                      GError     **error)
{
  g_autoptr(EdElectionRoll) roll = g_new0 (EdElectionRoll, 1);

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  roll->country = ed_district_settings_get_country (ed_context_get_settings (context));
  roll->districts = g_ptr_array_new_with_free_func ((GDestroyNotify)roll_district_free);
  roll->stations = g_ptr_array_new_with_free_func ((GDestroyNotify)roll_station_free);
  roll->district_index = g_hash_table_new (g_str_hash, g_str_equal);
  roll->station_index = g_hash_table_new (g_str_hash, g_str_equal);
  roll->polls = ed_election_load_combination (context, election, error);
  if (roll->polls == NULL)
    return NULL;
  if (roll->polls->len > ED_ROLL_MAX_POLLS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %d is the most polls that can be combined */
                   ngettext ("No more than %d poll can be combined.",
                             "No more than %d polls can be combined.", ED_ROLL_MAX_POLLS),
                   ED_ROLL_MAX_POLLS);
      return NULL;
    }
  roll->assignment = ed_station_assignment_load (context, error);
  if (roll->assignment == NULL ||
      !load_districts (roll, context, error) ||
      !load_stations (roll, context, error))
    return NULL;
  return g_steal_pointer (&roll);
}

/**
 * ed_election_roll_get_poll:
 * @roll: a roll
 * @i: a poll's index in the combination
 *
 * Returns: (transfer none): the poll
 */
EdElection *
ed_election_roll_get_poll (EdElectionRoll *roll,
                           guint           i)
{
  g_return_val_if_fail (roll != NULL && i < roll->polls->len, NULL);
  return g_ptr_array_index (roll->polls, i);
}

/**
 * ed_election_roll_get_contest:
 * @roll: a roll
 * @entry: an entry of it
 * @poll: a poll's index in the combination
 *
 * Returns: (transfer none) (nullable): the contest the entry's district votes in at the poll,
 *   or %NULL when it votes in none
 */
const EdContest *
ed_election_roll_get_contest (EdElectionRoll    *roll,
                              const EdRollEntry *entry,
                              guint              poll)
{
  EdElection *election;

  g_return_val_if_fail (roll != NULL && entry != NULL, NULL);
  g_return_val_if_fail (poll < roll->polls->len, NULL);

  if (entry->district == NULL || entry->district->contest[poll] < 0)
    return NULL;
  election = g_ptr_array_index (roll->polls, poll);
  return g_ptr_array_index (election->contests, (guint)entry->district->contest[poll]);
}

/**
 * ed_poll_card_variant_for:
 * @absent_vote: how the elector votes, as the register records it
 * @absent_vote_ends: the day the absent vote ends as an ISO date, or "" for none recorded
 * @poll: polling day
 *
 * The card an elector is sent (DOMAIN.md §2.1): an absent vote that has ended by polling day
 * no longer counts, so the elector votes in person.
 *
 * Returns: the variant
 */
EdPollCardVariant
ed_poll_card_variant_for (EdAbsentVote  absent_vote,
                          const char   *absent_vote_ends,
                          const GDate  *poll)
{
  GDate ends;

  g_date_clear (&ends, 1);
  if (absent_vote_ends != NULL && *absent_vote_ends != '\0' &&
      ed_date_parse_iso (absent_vote_ends, &ends, NULL) && g_date_compare (&ends, poll) < 0)
    return ED_POLL_CARD_ORDINARY;
  switch (absent_vote)
    {
    case ED_ABSENT_VOTE_POSTAL:
      return ED_POLL_CARD_POSTAL;
    case ED_ABSENT_VOTE_PROXY:
      return ED_POLL_CARD_PROXY;
    case ED_ABSENT_VOTE_POSTAL_PROXY:
      return ED_POLL_CARD_PROXY_POSTAL;
    case ED_ABSENT_VOTE_NONE:
    default:
      return ED_POLL_CARD_ORDINARY;
    }
}

/**
 * ed_election_roll_entry_gets_card:
 * @roll: a roll
 * @entry: an entry of it
 *
 * Whether the elector is sent a poll card (DOMAIN.md §2.1): one card, whatever number of the
 * combination's polls they vote at, if they vote at any poll that sends cards. A Welsh
 * community poll sends cards only when its council asked for them, except to anonymous
 * electors, who always get one (Local Elections (Communities) (Wales) Rules 2021 r.31).
 *
 * Returns: %TRUE if a card goes to the elector (or to their proxy)
 */
gboolean
ed_election_roll_entry_gets_card (EdElectionRoll    *roll,
                                  const EdRollEntry *entry)
{
  g_return_val_if_fail (roll != NULL && entry != NULL, FALSE);

  for (guint p = 0; p < roll->polls->len; p++)
    {
      EdElection *poll = g_ptr_array_index (roll->polls, p);

      if ((entry->votes & (1u << p)) != 0 &&
          (poll->cards_requested || entry->voter->anonymous))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  EdElectionRoll *roll;
  const char     *welsh_letter;
  EdRollFunc      func;
  gpointer        user_data;
} Walk;

static void
parse_date_or_clear (const char *text,
                     GDate      *out)
{
  g_date_clear (out, 1);
  if (*text == '\0' || !ed_date_parse_iso (text, out, NULL))
    g_date_clear (out, 1);
}

static gboolean
visit_voter (const EdRegisterVoter  *voter,
             gpointer                user_data,
             GError                **error)
{
  Walk *walk = user_data;
  EdElectionRoll *roll = walk->roll;
  EdRollEntry entry = { .voter = voter, .station = -1 };
  EdVoterFacts facts = { .status = voter->status };
  gboolean marker_known;
  const char *station_id;
  EdElection *first = g_ptr_array_index (roll->polls, 0);

  entry.district = g_hash_table_lookup (roll->district_index, voter->polling_district_id);
  marker_known = ed_franchise_marker_parse (voter->marker, walk->welsh_letter, &facts.marker,
                                            NULL);
  parse_date_or_clear (voter->date_of_birth, &facts.date_of_birth);
  parse_date_or_clear (voter->attainer_date, &facts.attainer_date);
  for (guint p = 0; p < roll->polls->len; p++)
    {
      EdElection *poll = g_ptr_array_index (roll->polls, p);

      /* A marker the register cannot read gives no vote: a card must never go to someone
       * whose franchise is unknown. */
      entry.refusal[p] = marker_known ? ed_election_eligibility (poll->kind, poll->country,
                                                                 &poll->poll, &facts)
                                      : ED_VOTE_FRANCHISE;
      if (entry.district != NULL && entry.district->contest[p] >= 0 &&
          entry.refusal[p] == ED_VOTE_ALLOWED)
        entry.votes |= 1u << p;
    }
  station_id = ed_station_assignment_for_property (roll->assignment, voter->property_id,
                                                   voter->polling_district_id, voter->street,
                                                   &entry.station_rule);
  if (station_id != NULL)
    entry.station = GPOINTER_TO_INT (g_hash_table_lookup (roll->station_index, station_id)) - 1;
  entry.variant = ed_poll_card_variant_for (voter->absent_vote, voter->absent_vote_ends,
                                            &first->poll);
  return walk->func (roll, &entry, walk->user_data, error);
}

static GHashTable *
district_set (EdElectionRoll *roll)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint d = 0; d < roll->districts->len; d++)
    {
      EdRollDistrict *district = g_ptr_array_index (roll->districts, d);

      g_hash_table_add (set, district->id);
    }
  return set;
}

/**
 * ed_election_roll_foreach:
 * @roll: a roll
 * @context: the district it was made from
 * @order: the order entries come in
 * @every_entry: %TRUE to read the whole register, districts that vote in none of the polls
 *   too (for the pre-print check); %FALSE for the districts that vote only
 * @cancellable: (nullable): to stop early
 * @func: called for each entry
 * @user_data: for @func
 * @error: return location for an error
 *
 * Returns: %TRUE if every entry was handed over
 */
gboolean
ed_election_roll_foreach (EdElectionRoll  *roll,
                          EdContext       *context,
                          EdVoterOrder     order,
                          gboolean         every_entry,
                          GCancellable    *cancellable,
                          EdRollFunc       func,
                          gpointer         user_data,
                          GError         **error)
{
  g_autoptr(GHashTable) districts = every_entry ? NULL : district_set (roll);
  Walk walk = {
    .roll = roll,
    .welsh_letter =
      ed_district_settings_get_welsh_marker_letter (ed_context_get_settings (context)),
    .func = func,
    .user_data = user_data,
  };

  g_return_val_if_fail (roll != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return ed_register_foreach_voter (context, districts, order, cancellable, visit_voter, &walk,
                                    error);
}

/**
 * ed_election_roll_count_entries:
 * @roll: a roll
 * @context: the district it was made from
 * @error: return location for an error
 *
 * Returns: how many entries ed_election_roll_foreach() hands over for the districts that
 *   vote, for progress; -1 with @error set
 */
gint64
ed_election_roll_count_entries (EdElectionRoll  *roll,
                                EdContext       *context,
                                GError         **error)
{
  g_autoptr(GHashTable) districts = district_set (roll);

  return ed_register_count_voters (context, districts, error);
}
