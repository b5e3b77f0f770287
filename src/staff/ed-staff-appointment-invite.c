/* ed-staff-appointment-invite.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Inviting the last election's staff to the next: most of a district's presiding officers and
 * clerks work poll after poll, at the same station, so an office starts from who came last
 * time and deals with the gaps. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-value-error.h"
#include "elections/ed-election.h"
#include "staff/ed-staff-appointment-private.h"

static void
invite_skipped_free (EdStaffInviteSkipped *skipped)
{
  g_free (skipped->person);
  g_free (skipped->appointment);
  g_free (skipped->message);
  g_free (skipped);
}

void
ed_staff_invite_report_free (EdStaffInviteReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->skipped, g_ptr_array_unref);
  g_free (report);
}

static void
skip (EdStaffInviteReport      *report,
      EdStaffInviteSkip         reason,
      const EdStaffAppointment *appointment,
      char                     *message)
{
  EdStaffInviteSkipped *skipped = g_new0 (EdStaffInviteSkipped, 1);

  skipped->reason = reason;
  skipped->person = g_strdup (appointment->person);
  skipped->appointment = g_strdup (appointment->id);
  skipped->message = message;
  g_ptr_array_add (report->skipped, skipped);
  report->n_skipped[reason]++;
}

/* Everyone with an appointment, in any state, for any poll of @polls: a person who declined
 * the new poll has answered already. */
static GHashTable *
appointed_people (EdContext  *context,
                  GPtrArray  *polls,
                  GError    **error)
{
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < polls->len; i++)
    {
      EdElection *poll = g_ptr_array_index (polls, i);
      g_autoptr(GPtrArray) appointments =
        ed_staff_appointment_list (context, poll->id, ED_STAFF_APPOINTMENT_BY_STATION, error);

      if (appointments == NULL)
        return NULL;
      for (guint j = 0; j < appointments->len; j++)
        g_hash_table_add (people,
                          g_strdup (((EdStaffAppointment *)g_ptr_array_index (appointments,
                                                                              j))->person));
    }
  return g_steal_pointer (&people);
}

/**
 * ed_staff_appointment_invite_from:
 * @context: the district
 * @from_election: the earlier election's row id or slug
 * @to_election: the new election's row id or slug
 * @error: return location for an error
 *
 * Invites the earlier election's staff to the new one, in one change set: for each of its
 * appointments attended or confirmed, an invited appointment with the same person, role and
 * place, at the same station while it is in the polling plan and at no station, to be placed,
 * once it is not. A work date other than polling day moves with the poll (the day before the
 * poll stays the day before), and the hours of the day are kept; the minutes and units worked
 * are left at 0, since they were last time's. A person already appointed to the new election
 * or a poll combined with it, marked unavailable for it, or no longer on the staff list is
 * passed over, and the report says who and why.
 *
 * Returns: (transfer full): what was done, or %NULL with nothing done
 */
EdStaffInviteReport *
ed_staff_appointment_invite_from (EdContext   *context,
                                  const char  *from_election,
                                  const char  *to_election,
                                  GError     **error)
{
  g_autoptr(EdElection) from = NULL;
  g_autoptr(EdElection) to = NULL;
  g_autoptr(GPtrArray) polls = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GHashTable) appointed = NULL;
  g_autoptr(GHashTable) unavailable = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) stations = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(EdStaffInviteReport) report = g_new0 (EdStaffInviteReport, 1);
  gint shift;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (from_election != NULL && to_election != NULL, NULL);

  report->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify)invite_skipped_free);
  from = ed_election_load (context, from_election, error);
  if (from == NULL)
    return NULL;
  to = ed_election_load (context, to_election, error);
  if (to == NULL)
    return NULL;
  if (g_str_equal (from->id, to->id))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("The staff are invited from an earlier election, not from the same one."));
      return NULL;
    }
  polls = ed_election_load_combination (context, to, error);
  if (polls == NULL)
    return NULL;
  earlier = ed_staff_appointment_list (context, from->id, ED_STAFF_APPOINTMENT_BY_STATION,
                                       error);
  if (earlier == NULL)
    return NULL;
  appointed = appointed_people (context, polls, error);
  if (appointed == NULL)
    return NULL;
  unavailable = _ed_staff_appointment_unavailable (context, polls, error);
  if (unavailable == NULL)
    return NULL;
  names = _ed_staff_appointment_person_names (context, error);
  if (names == NULL)
    return NULL;
  shift = g_date_days_between (&from->poll, &to->poll);

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return NULL;
  for (guint i = 0; i < earlier->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (earlier, i);
      const char *name = g_hash_table_lookup (names, appointment->person);
      EdStaffAppointmentNew details = { 0, };
      const char *station = appointment->station;
      GDate work_date;

      if (appointment->state != ED_APPOINTMENT_ATTENDED &&
          appointment->state != ED_APPOINTMENT_CONFIRMED)
        continue;
      if (name == NULL)
        {
          skip (report, ED_STAFF_INVITE_PERSON_GONE, appointment,
                /* Translators: %s is a role, "Poll clerk" */
                g_strdup_printf (_("The person who was “%s” is no longer on the staff list."),
                                 ed_staff_role_get_display_name (appointment->role)));
          continue;
        }
      if (g_hash_table_contains (appointed, appointment->person))
        {
          skip (report, ED_STAFF_INVITE_ALREADY_APPOINTED, appointment,
                /* Translators: %s is a person's name */
                g_strdup_printf (_("%s already has an appointment for this election."), name));
          continue;
        }
      if (g_hash_table_contains (unavailable, appointment->person))
        {
          skip (report, ED_STAFF_INVITE_UNAVAILABLE, appointment,
                /* Translators: %s is a person's name */
                g_strdup_printf (_("%s is marked unavailable for this election."), name));
          continue;
        }

      if (*station != '\0')
        {
          gpointer known;
          gboolean exists;

          if (g_hash_table_lookup_extended (stations, station, NULL, &known))
            exists = GPOINTER_TO_INT (known);
          else if (!_ed_staff_appointment_station_exists (context, station, &exists, error))
            return NULL;
          else
            g_hash_table_insert (stations, (gpointer)station, GINT_TO_POINTER (exists));
          if (!exists)
            {
              station = "";
              report->unplaced++;
            }
        }
      work_date = appointment->work_date;
      if (g_date_valid (&work_date))
        {
          if (shift > 0)
            g_date_add_days (&work_date, (guint)shift);
          else if (shift < 0)
            g_date_subtract_days (&work_date, (guint)-shift);
        }
      details = (EdStaffAppointmentNew) {
        .election = to->id,
        .person = appointment->person,
        .role = appointment->role,
        .place_kind = appointment->place_kind,
        .station = station,
        .session = appointment->session,
        .work_date = &work_date,
        .start_time = appointment->start_time,
        .end_time = appointment->end_time,
      };
      if (!_ed_staff_appointment_insert (change_set, to->id, &details, NULL, error))
        return NULL;
      report->invited++;
    }
  if (!ed_change_set_commit (change_set, error))
    return NULL;
  return g_steal_pointer (&report);
}
