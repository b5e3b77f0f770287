/* ed-election-notices.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A poll's three interim notices of alteration (DOMAIN.md §1.4, RPA 1983 s.13AB): their
 * dates from the poll's timetable, and each published by the register's own machinery for
 * the polling districts the combination's contests are fought in. The final one fixes the
 * electorate. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-value-error.h"
#include "elections/ed-election-electorate.h"
#include "elections/ed-election-notices.h"
#include "elections/ed-election-roll.h"

void
ed_interim_published_clear (EdInterimPublished *published)
{
  g_clear_pointer (&published->notice, ed_notice_free);
  g_clear_pointer (&published->pdf_path, g_free);
  g_clear_pointer (&published->csv_path, g_free);
  published->fixed = FALSE;
}

/* The combination's first poll: its timetable sets the notices of every poll taken with
 * it, as they are one set of notices for one register. */
static EdElection *
first_of_combination (EdContext   *context,
                      EdElection  *election,
                      GError     **error)
{
  if (!ed_election_is_combined (election))
    return ed_election_load (context, election->id, error);
  return ed_election_load (context, election->combined_with, error);
}

/**
 * ed_election_get_interim_notices:
 * @context: the district
 * @election: a poll
 * @out: (out caller-allocates) (array fixed-size=3): the three notices, in order
 * @error: return location for an error
 *
 * The dates of the interim notices of the poll's combination, counted from the first poll's
 * timetable (the last day for nominations, the ERO's second date, and the 5th working day
 * before the poll), and whether the register has published each.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_election_get_interim_notices (EdContext        *context,
                                 EdElection       *election,
                                 EdInterimNotice   out[ED_N_INTERIM_NOTICES],
                                 GError          **error)
{
  g_autoptr(EdElection) first = NULL;
  g_autoptr(EdCalendar) calendar = NULL;
  g_autoptr(EdTimetable) timetable = NULL;
  EdNoticeDates dates[ED_N_INTERIM_NOTICES];
  const EdTimetableEntry *nominations;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election != NULL && out != NULL, FALSE);

  first = first_of_combination (context, election, error);
  if (first == NULL)
    return FALSE;
  calendar = ed_election_get_calendar (context, first, error);
  if (calendar == NULL)
    return FALSE;
  timetable = ed_election_get_timetable (context, first, error);
  if (timetable == NULL)
    return FALSE;
  nominations = ed_timetable_lookup (timetable, ED_TIMETABLE_NOMINATIONS_CLOSE);
  if (nominations == NULL)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("The poll’s timetable has no close of nominations to count its interim "
                     "notices from."));
      return FALSE;
    }
  if (!ed_notice_timetable_election_interim (calendar, &first->poll, &nominations->date,
                                             g_date_valid (&first->second_interim)
                                               ? &first->second_interim : NULL,
                                             dates, error))
    return FALSE;
  for (guint i = 0; i < ED_N_INTERIM_NOTICES; i++)
    {
      out[i].dates = dates[i];
      if (!ed_register_notice_is_published (context, ED_NOTICE_KIND_INTERIM,
                                            &dates[i].publication, &out[i].published, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ed_election_get_notice_areas:
 * @context: the district
 * @election: a poll
 * @error: return location for an error
 *
 * Returns: (transfer full): the codes of the polling districts that vote in a contested
 *   contest of any poll of the combination, the areas its interim notices cover; %NULL with
 *   @error set, also when no contest is contested
 */
GStrv
ed_election_get_notice_areas (EdContext   *context,
                              EdElection  *election,
                              GError     **error)
{
  g_autoptr(EdElectionRoll) roll = NULL;
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  roll = ed_election_roll_new (context, election, error);
  if (roll == NULL)
    return NULL;
  if (roll->districts->len == 0)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   /* Translators: %s is an election's id */
                   _("No polling district votes in %s: none of its contests is contested."),
                   election->slug);
      return NULL;
    }
  for (guint d = 0; d < roll->districts->len; d++)
    g_strv_builder_add (codes, ((EdRollDistrict *)g_ptr_array_index (roll->districts, d))->code);
  return g_strv_builder_end (codes);
}

/**
 * ed_election_publish_interim:
 * @context: the district
 * @election: a poll
 * @n: which notice: 1, 2 or 3 (the final one)
 * @flags: %ED_NOTICE_FLAGS_BEFORE_DATE if a person confirmed publishing before its date
 * @out_dir: the folder the notice's PDF and CSV are written into
 * @out: (out caller-allocates): what was published
 * @error: return location for an error
 *
 * Publishes one of the combination's interim notices for its areas with
 * ed_register_notice_publish_interim(), which refuses it before its date and when it is
 * published already. The final notice then fixes the electorate of every poll of the
 * combination (ed_election_fix_electorate()); so does asking for the final one again when
 * it was published but the electorate could not be fixed, or when no alteration was waiting
 * for it, as the register as it stands on its day is the electorate all the same.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_election_publish_interim (EdContext           *context,
                             EdElection          *election,
                             guint                n,
                             EdNoticeFlags        flags,
                             const char          *out_dir,
                             EdInterimPublished  *out,
                             GError             **error)
{
  EdInterimNotice notices[ED_N_INTERIM_NOTICES];
  g_auto(GStrv) areas = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean final = n == ED_N_INTERIM_NOTICES;
  const EdInterimNotice *notice;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election != NULL && out_dir != NULL && out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (n < 1 || n > ED_N_INTERIM_NOTICES)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   /* Translators: %u is what was asked for */
                   _("A poll has interim notices 1, 2 and 3 (the final one), not %u."), n);
      return FALSE;
    }
  if (!ed_election_get_interim_notices (context, election, notices, error))
    return FALSE;
  notice = &notices[n - 1];
  areas = ed_election_get_notice_areas (context, election, error);
  if (areas == NULL)
    return FALSE;

  if (ed_register_notice_publish_interim (context, &notice->dates,
                                          (const char * const *)areas, flags, out_dir,
                                          &out->notice, &out->pdf_path, &out->csv_path,
                                          &local_error))
    {
      if (!final)
        return TRUE;
    }
  else if (!final || g_date_valid (&election->electorate_fixed_on) ||
           !(g_error_matches (local_error, ED_REGISTER_NOTICE_ERROR,
                              ED_REGISTER_NOTICE_ERROR_NOTHING_TO_PUBLISH) ||
             g_error_matches (local_error, ED_REGISTER_NOTICE_ERROR,
                              ED_REGISTER_NOTICE_ERROR_ALREADY_PUBLISHED)))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!ed_election_fix_electorate (context, election, &notice->dates.publication, error))
    return FALSE;
  out->fixed = TRUE;
  return TRUE;
}
