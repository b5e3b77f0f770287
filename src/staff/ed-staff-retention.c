/* ed-staff-retention.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which people the district should no longer keep (issue 16): those whose latest appointment
 * is older than the district's staff-retention-years setting, which its own retention
 * schedule sets (4 years when it has none; no law gives the period [U]). Personal data is
 * kept only as long as a statutory process needs it (DESIGN.md §4).
 *
 * Only the appointment rule is applied. A person never appointed would be listed once they had
 * been on file longer than the period, but staff_person records no date a person was added,
 * and the op log is no substitute: a desk that joined from a snapshot holds only each field's
 * latest operation, and a purge blanks old ones. So a person never appointed is not listed;
 * the Staff page should let an officer remove them by hand. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include "core/ed-database.h"
#include "core/ed-date.h"
#include "district/ed-district-settings.h"
#include "elections/ed-election.h"
#include "staff/ed-staff-person.h"
#include "staff/ed-staff-person-private.h"

/**
 * ed_staff_retention_years:
 * @context: the district
 *
 * Returns: how many years after a person's last appointment they are listed for removal
 */
guint
ed_staff_retention_years (EdContext *context)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), ED_DISTRICT_STAFF_RETENTION_YEARS_DEFAULT);

  return ed_district_settings_get_staff_retention_years (ed_context_get_settings (context));
}

/**
 * ed_staff_retention_cutoff:
 * @context: the district
 * @today: the day the list is made
 * @out_cutoff: (out): the same day the district's retention period earlier (28 February for
 *   29 February in a year that has none); a person last appointed before it is listed
 */
void
ed_staff_retention_cutoff (EdContext   *context,
                           const GDate *today,
                           GDate       *out_cutoff)
{
  g_return_if_fail (ED_IS_CONTEXT (context));
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (out_cutoff != NULL);

  *out_cutoff = *today;
  g_date_subtract_years (out_cutoff, ed_staff_retention_years (context));
}

void
ed_staff_removal_free (EdStaffRemoval *removal)
{
  if (removal == NULL)
    return;
  ed_staff_person_free (removal->person);
  g_free (removal);
}

/* A declined invitation is not an appointment: someone who has said no for years is not kept
 * on for it. */
static const char appointments_sql[] =
  "SELECT person, election, work_date FROM staff_appointment WHERE state != ?1";

/* Each person's latest appointment: its work date, or its election's polling day when it has
 * none. */
static GHashTable *
latest_appointments (EdContext  *context,
                     GError    **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(GHashTable) polls = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        g_free);
  g_autoptr(GPtrArray) elections = ed_election_list (context, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (elections == NULL)
    return NULL;
  for (guint i = 0; i < elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (elections, i);

      g_hash_table_insert (polls, election->id, &election->poll);
    }

  stmt = ed_database_prepare (database, appointments_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ed_appointment_state_to_string (ED_APPOINTMENT_DECLINED), -1,
                     SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *person = (const char *)sqlite3_column_text (stmt, 0);
      GDate worked;
      GDate *known;

      _ed_staff_column_date (stmt, 2, &worked);
      if (!g_date_valid (&worked))
        {
          const GDate *poll = g_hash_table_lookup (polls, sqlite3_column_text (stmt, 1));

          /* An appointment to an election deleted on another desk has no day to count. */
          if (poll == NULL || !g_date_valid (poll))
            continue;
          worked = *poll;
        }
      known = g_hash_table_lookup (latest, person);
      if (known == NULL)
        g_hash_table_insert (latest, g_strdup (person), g_memdup2 (&worked, sizeof worked));
      else if (g_date_compare (&worked, known) > 0)
        *known = worked;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&latest);
}

/**
 * ed_staff_person_list_for_removal:
 * @context: the district
 * @today: the day the list is made
 * @error: return location for an error
 *
 * The people whose latest appointment (its work date, or its election's polling day) was
 * before ed_staff_retention_cutoff(). Declined invitations do not count as appointments, and
 * a person never appointed is not listed (the file's opening comment says why).
 *
 * Returns: (transfer full) (element-type EdStaffRemoval): the people to remove, by name, or
 *   %NULL
 */
GPtrArray *
ed_staff_person_list_for_removal (EdContext    *context,
                                  const GDate  *today,
                                  GError      **error)
{
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) removals = NULL;
  GDate cutoff;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  ed_staff_retention_cutoff (context, today, &cutoff);
  latest = latest_appointments (context, error);
  if (latest == NULL)
    return NULL;
  people = ed_staff_person_list (context, ED_STAFF_ROLE_ANY, NULL, error);
  if (people == NULL)
    return NULL;

  removals = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_staff_removal_free);
  for (guint i = 0; i < people->len; i++)
    {
      EdStaffPerson *person = g_ptr_array_index (people, i);
      const GDate *last = g_hash_table_lookup (latest, person->id);
      EdStaffRemoval *removal;

      if (last == NULL || g_date_compare (last, &cutoff) >= 0)
        continue;
      removal = g_new0 (EdStaffRemoval, 1);
      removal->person = g_ptr_array_steal_index (people, i--);
      removal->last_appointed = *last;
      g_ptr_array_add (removals, removal);
    }
  return g_steal_pointer (&removals);
}
