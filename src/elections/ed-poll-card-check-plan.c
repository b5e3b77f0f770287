/* ed-poll-card-check-plan.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pre-print check against the polling plan, which the stations module computes on its
 * own and so is a second reading of where each elector votes: what the plan expects, read
 * once before the register (each station's polling districts, the station serving a district
 * whole); the station each in-person card names against the plan's station for its address;
 * and, once the register is read, each station's place as the cards print it and its counts
 * against the plan's. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "core/ed-postcode.h"
#include "elections/ed-poll-card-check-private.h"

static void
unserved_free (EdPollCardUnserved *unserved)
{
  g_free (unserved->first_number);
  g_free (unserved);
}

/* What the plan expects of the roll's stations and the polling districts, and the counters
 * kept against it as the register is read. */
void
_ed_poll_card_check_read_plan (EdPollCardChecker *checker)
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
  checker->unserved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)unserved_free);
}

void
_ed_poll_card_check_clear_plan (EdPollCardChecker *checker)
{
  if (checker->serves != NULL)
    for (guint p = 0; p < checker->plan->stations->len; p++)
      g_clear_pointer (&checker->serves[p], g_hash_table_unref);
  g_clear_pointer (&checker->serves, g_free);
  g_clear_pointer (&checker->plan_index, g_free);
  g_clear_pointer (&checker->placeless_cards, g_free);
  g_clear_pointer (&checker->postal_entries, g_free);
  g_clear_pointer (&checker->whole_district, g_hash_table_unref);
  g_clear_pointer (&checker->unserved, g_hash_table_unref);
}

static const char *
plan_station_code (EdPollCardChecker *checker,
                   gint               s)
{
  return s >= 0 ? ((EdPlanStation *)g_ptr_array_index (checker->plan->stations, (guint)s))->code
                : NULL;
}

/* Where the address is, as the polling plan reads it: the property's own polling district
 * and the station the plan gives it; an entry with no address votes at the station serving
 * its district whole. */
void
_ed_poll_card_check_plan_for_entry (EdPollCardChecker  *checker,
                                    const EdRollEntry  *entry,
                                    const char        **out_district_id,
                                    const char        **out_district_code,
                                    gint               *out_station)
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

/* The station an in-person card names, against the polling plan. */
void
_ed_poll_card_check_station (EdPollCardChecker *checker,
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
      EdPollCardUnserved *unserved;

      if (plan_station >= 0)
        {
          /* The plan knows the station, the places table does not know its place. */
          checker->placeless_cards[plan_station]++;
          return;
        }
      unserved = g_hash_table_lookup (checker->unserved, entry->voter->polling_district_code);
      if (unserved == NULL)
        {
          unserved = g_new0 (EdPollCardUnserved, 1);
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
        _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "station-differs-from-plan",
                                      number, station->code,
                                      /* Translators: an elector number, then two polling
                                       * stations' codes */
                                      g_strdup_printf (_("Elector %s’s card names station %s, "
                                                         "but the polling plan sends their "
                                                         "address to station %s: the entry "
                                                         "and its address disagree, or the "
                                                         "rules changed. Put the entry in its "
                                                         "address’s polling district, or "
                                                         "correct the station rules."),
                                                       number, station->code,
                                                       plan_station_code (checker,
                                                                          plan_station)));
      else
        _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "station-differs-from-plan",
                                      number, station->code,
                                      /* Translators: an elector number, then a polling
                                       * station's code */
                                      g_strdup_printf (_("Elector %s’s card names station %s, "
                                                         "but the polling plan gives their "
                                                         "address no station. Put the entry "
                                                         "in its address’s polling district, "
                                                         "or give the address a station in "
                                                         "the plan."),
                                                       number, station->code));
    }
  if (s >= 0 && *district_id != '\0' && !g_hash_table_contains (checker->serves[s], district_id))
    _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "station-outside-district", number,
                                  station->code,
                                  /* Translators: an elector number, a polling station's code,
                                   * then a polling district's code */
                                  g_strdup_printf (_("Elector %s’s card names station %s, "
                                                     "which does not serve polling district "
                                                     "%s, where their address is: an override "
                                                     "or a rule left behind after the address "
                                                     "moved district. Give the address a "
                                                     "station of its own district."),
                                                   number, station->code, district_code));
}

/* Each station in-person cards name: its place is booked, and its address, as the card
 * prints it from the places table, is whole and the same place the plan knows. */
void
_ed_poll_card_check_stations (EdPollCardChecker *checker)
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
        _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "place-cancelled", NULL,
                                      station->code,
                                      /* Translators: a station's code, then its place's
                                       * name */
                                      g_strdup_printf (_("The booking of %2$s, the place of "
                                                         "station %1$s, is cancelled: its "
                                                         "cards would send electors to a "
                                                         "building that will not be open. "
                                                         "Book another place."),
                                                       station->code, station->place_name));
      else if (station->booking_state != ED_BOOKING_CONFIRMED)
        _ed_poll_card_check_add_item (checker, ED_CHECK_WARNING, "place-not-confirmed", NULL,
                                      station->code,
                                      /* Translators: a station's code, then its place's
                                       * name */
                                      g_strdup_printf (_("The booking of %2$s, the place of "
                                                         "station %1$s, is not yet "
                                                         "confirmed."),
                                                       station->code, station->place_name));

      if (p >= 0)
        {
          EdPlanStation *planned = g_ptr_array_index (checker->plan->stations, (guint)p);

          if (g_strcmp0 (planned->place, station->place_id) != 0 ||
              g_strcmp0 (planned->place_name, station->place_name) != 0)
            _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "station-place-differs",
                                          NULL, station->code,
                                          /* Translators: a station's code, then two places'
                                           * names */
                                          g_strdup_printf (_("Station %s’s cards name %s, but "
                                                             "the places table holds it at "
                                                             "%s: the places changed while "
                                                             "the check ran. Run the check "
                                                             "again."),
                                                           station->code, station->place_name,
                                                           planned->place_name));
        }

      /* Translators: the parts of a polling place's address a card prints, listed in "Station
       * %s’s place has no %s" */
      if (_ed_poll_card_check_is_blank (station->place_name))
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                                C_("place", "name"));
      if (_ed_poll_card_check_is_blank (station->place_address))
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                                C_("place", "address"));
      if (_ed_poll_card_check_is_blank (station->place_postcode))
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                                C_("place", "postcode"));
      if (missing->len > 0)
        _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "station-address-incomplete",
                                      NULL, station->code,
                                      /* Translators: a station's code, then what its place
                                       * lacks: "address, postcode" */
                                      g_strdup_printf (_("Station %s’s place has no %s: the "
                                                         "cards would not say where to vote. "
                                                         "Complete the place in the places "
                                                         "table."), station->code,
                                                       missing->str));
      else if (!ed_postcode_is_valid (station->place_postcode))
        _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "station-postcode-invalid", NULL,
                                      station->code,
                                      /* Translators: a station's code, then a postcode as
                                       * stored */
                                      g_strdup_printf (_("Station %s’s place has the postcode "
                                                         "“%s”, which is not a postcode. "
                                                         "Correct it in the places table."),
                                                       station->code, station->place_postcode));
    }

  for (guint p = 0; p < checker->plan->stations->len; p++)
    {
      EdPlanStation *planned = g_ptr_array_index (checker->plan->stations, p);
      char *message;

      if (checker->placeless_cards[p] == 0)
        continue;
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: a station's code, then a number
                                               * of cards */
                                              "Station %s has no polling place in the places "
                                              "table, so %" PRIu64 " card would name no "
                                              "building. Give the station its place.",
                                              "Station %s has no polling place in the places "
                                              "table, so %" PRIu64 " cards would name no "
                                              "building. Give the station its place.",
                                              checker->placeless_cards[p]),
                                 planned->code, checker->placeless_cards[p]);
      _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "station-without-place", NULL,
                                    planned->code, message);
    }
}

/* Counts per station against the plan: the plan's electors of a station (pending additions
 * aside) are the cards that name it and the entries at its addresses left out; a station the
 * two disagree on has electors the cards send elsewhere, or cards the plan does not know of.
 * So are its postal voters, who get postal cards unless their vote ends before the poll. This
 * is stricter than "fewer cards than electors by more than those left out": any difference is
 * an elector the cards and the plan place apart. */
void
_ed_poll_card_check_counts (EdPollCardChecker *checker)
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
        _ed_poll_card_check_add_item (checker, ED_CHECK_WARNING, "station-count-differs", NULL,
                                      station->code,
                                      /* Translators: a station's code, then three numbers */
                                      g_strdup_printf (_("The polling plan gives station %s "
                                                         "%" PRIu64 " electors, but %" PRIu64
                                                         " cards name it and %" PRIu64 " "
                                                         "entries at its addresses get none: "
                                                         "the cards and the plan disagree on "
                                                         "who votes there. Look for the "
                                                         "errors above that name it."),
                                                       station->code, row->plan_electors,
                                                       cards, row->left_out));
      else if (postal != row->plan_postal)
        _ed_poll_card_check_add_item (checker, ED_CHECK_WARNING, "station-postal-count-differs",
                                      NULL, station->code,
                                      /* Translators: a station's code, then two numbers */
                                      g_strdup_printf (_("The entries whose cards name "
                                                         "station %s have %" PRIu64 " postal "
                                                         "votes, but the polling plan counts "
                                                         "%" PRIu64 " postal voters there: "
                                                         "the cards and the plan disagree on "
                                                         "who votes there. Look for the "
                                                         "errors above that name it."),
                                                       station->code, postal,
                                                       row->plan_postal));
    }
}
