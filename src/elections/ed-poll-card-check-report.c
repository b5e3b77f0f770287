/* ed-poll-card-check-report.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pre-print check's report as it is put together: each finding as it is made, no more than
 * ED_POLL_CARD_CHECK_MAX_LISTED of a kind; the findings summed up once the register is read
 * (the districts no station serves, the pending deletions, the electors with no address, the
 * findings beyond those listed); and the report in the order it is read, errors first and
 * the stations by code. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "elections/ed-poll-card-check-private.h"

/* Findings of one kind beyond the listed ones: summed up in one item at the end. */
typedef struct
{
  EdCheckSeverity severity;
  guint           listed;
  guint           unlisted;
} CodeCount;

void
_ed_poll_card_check_add_item (EdPollCardChecker *checker,
                              EdCheckSeverity    severity,
                              const char        *code,
                              const char        *elector_number,
                              const char        *station_code,
                              char              *message)
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

/* The in-person cards no rule gives a station, one finding per polling district. */
void
_ed_poll_card_check_report_unserved (EdPollCardChecker *checker)
{
  g_autofree gpointer *codes = NULL;
  guint n = 0;

  codes = g_hash_table_get_keys_as_array (checker->unserved, &n);
  qsort (codes, n, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n; i++)
    {
      EdPollCardUnserved *unserved = g_hash_table_lookup (checker->unserved, codes[i]);
      char *message;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
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
                                 unserved->first_number);
      _ed_poll_card_check_add_item (checker, ED_CHECK_ERROR, "no-station",
                                    unserved->first_number, NULL, message);
    }
}

static void
add_pending_deletions (EdPollCardChecker *checker)
{
  char *message;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: a number, then the first one's elector
                                           * number */
                                          "%" PRIu64 " card goes to an entry whose deletion is "
                                          "pending (%s): it is in the register until the notice "
                                          "is published. If that notice comes before polling "
                                          "day, hold the card back.",
                                          "%" PRIu64 " cards go to entries whose deletion is "
                                          "pending (the first is %s): they are in the register "
                                          "until the notice is published. If that notice comes "
                                          "before polling day, hold those cards back.",
                                          checker->pending_deletions),
                             checker->pending_deletions, checker->first_pending_deletion);
  _ed_poll_card_check_add_item (checker, ED_CHECK_WARNING, "pending-deletion",
                                checker->first_pending_deletion, NULL, message);
}

static void
add_unaddressed (EdPollCardChecker *checker)
{
  char *message;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: a number, then the first one's elector
                                           * number */
                                          "%" PRIu64 " card goes to an elector the register "
                                          "holds no address for (%s), one of the Other "
                                          "electors: address it by hand.",
                                          "%" PRIu64 " cards go to electors the register holds "
                                          "no address for (the first is %s), the Other "
                                          "electors: address them by hand.",
                                          checker->unaddressed_cards),
                             checker->unaddressed_cards, checker->first_unaddressed);
  _ed_poll_card_check_add_item (checker, ED_CHECK_WARNING, "no-address",
                                checker->first_unaddressed, NULL, message);
}

/* In code order, so that two runs on one register give one report. */
static void
add_unlisted_summaries (EdPollCardChecker *checker)
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

/* Once the register is read through: the findings summed up, then the report in order. */
void
_ed_poll_card_check_finish (EdPollCardChecker *checker)
{
  EdPollCardCheck *check = checker->check;
  GPtrArray *by_station = checker->by_station;
  EdElectionRoll *roll = checker->roll;
  EdStationPlan *plan = checker->plan;

  if (checker->pending_deletions > 0)
    add_pending_deletions (checker);
  if (checker->unaddressed_cards > 0)
    add_unaddressed (checker);
  add_unlisted_summaries (checker);

  /* The stations with cards or electors in the plan, by code; then the cards with none. */
  check->stations =
    g_ptr_array_new_with_free_func ((GDestroyNotify)_ed_poll_card_check_station_free);
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
}
