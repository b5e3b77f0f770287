/* ed-staff-command-appoint.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli staff appoint, appointments, state and invite: an election's
 * appointments from the command line (DOMAIN.md §4.1), through the appointments' own store,
 * so that the command line refuses what the form refuses. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-value-error.h"
#include "elections/ed-election.h"
#include "staff/ed-staff-appointment.h"
#include "staff/ed-staff-command-private.h"
#include "staff/ed-staff-person.h"
#include "staff/ed-staff-warnings.h"
#include "stations/ed-polling-station.h"

/* A person by row id or payroll reference, as a payroll officer has one or the other to
 * hand. A reference two people share is refused rather than guessed at. */
static char *
find_person (EdContext   *context,
             const char  *text,
             GError     **error)
{
  g_autoptr(GPtrArray) people = ed_staff_person_list (context, ED_STAFF_ROLE_ANY, NULL, error);
  const char *found = NULL;

  if (people == NULL)
    return NULL;
  for (guint i = 0; i < people->len; i++)
    {
      EdStaffPerson *person = g_ptr_array_index (people, i);

      if (g_str_equal (person->id, text))
        return g_strdup (person->id);
    }
  for (guint i = 0; i < people->len; i++)
    {
      EdStaffPerson *person = g_ptr_array_index (people, i);

      if (*person->payroll_reference == '\0' ||
          g_ascii_strcasecmp (person->payroll_reference, text) != 0)
        continue;
      if (found != NULL)
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_AMBIGUOUS,
                       /* Translators: %s is a payroll reference */
                       _("Person: two people have the payroll reference “%s”; give the "
                         "person’s id"), text);
          return NULL;
        }
      found = person->id;
    }
  if (found == NULL)
    g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                 /* Translators: %s is what was typed for a person */
                 _("Person: expected a person’s id or payroll reference, not “%s”"), text);
  return g_strdup (found);
}

/* The minutes between two times of day, through midnight when the end is not after the
 * start (a count that runs into the small hours). */
static gboolean
minutes_between (const char  *start,
                 const char  *end,
                 gint64      *out_minutes,
                 GError     **error)
{
  guint from, to;

  *out_minutes = 0;
  if (start == NULL || end == NULL)
    return TRUE;
  if (!ed_staff_time_parse (start, &from, error) || !ed_staff_time_parse (end, &to, error))
    return FALSE;
  *out_minutes = to > from ? to - from : 24 * 60 - from + to;
  return TRUE;
}

int
_ed_staff_command_appoint (const EdCommandGlobals  *globals,
                 int                      argc,
                 char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autofree char *election = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *place_text = NULL;
  g_autofree char *station_code = NULL;
  g_autofree char *session = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *person = NULL;
  g_autofree char *station = NULL;
  g_autofree char *id = NULL;
  EdStaffAppointmentNew details = { 0 };
  EdStaffRole role;
  EdStaffPlace place = ED_STAFF_PLACE_STATION;
  GDate day;
  gint64 minutes;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election, N_("The election"), N_("ID") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("The role"), N_("ROLE") },
    { "station", 0, 0, G_OPTION_ARG_STRING, &station_code, N_("The polling station’s code"),
      N_("CODE") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place_text,
      N_("Where the work is: station, count, postal_opening or office"), N_("PLACE") },
    { "session", 0, 0, G_OPTION_ARG_STRING, &session,
      N_("The count’s or postal vote opening’s session"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day worked, when it is not polling day"), N_("DATE") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("When the work starts"), N_("HH:MM") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("When it ends"), N_("HH:MM") },
    { NULL }
  };

  option_context = g_option_context_new (_("PERSON"));
  g_option_context_set_summary (option_context,
                                _("Appoints a person, by id or payroll reference, to a role "
                                  "at a polling station or another place for an election. "
                                  "The appointment starts as invited; the minutes paid are "
                                  "the hours from --start to --end."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "staff appoint", &argc, &argv, &status))
    return status;
  if (argc != 2 || election == NULL || role_text == NULL)
    return ed_command_usage ("staff appoint",
                             _("Say who, for which election and as what: staff appoint PERSON "
                               "--election ID --role ROLE [--station CODE]"));

  if (!ed_staff_role_parse (role_text, &role, &error) ||
      (place_text != NULL && !ed_staff_place_from_string (place_text, &place, &error)))
    return ed_command_fail (error);
  if (station_code != NULL && place != ED_STAFF_PLACE_STATION)
    return ed_command_usage ("staff appoint",
                             _("--station is for a polling station, not another place"));
  g_date_clear (&day, 1);
  if (date_text != NULL && !ed_date_parse (date_text, &day, &error))
    return ed_command_fail (error);
  if (!minutes_between (start, end, &minutes, &error))
    return ed_command_fail (error);

  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (person = find_person (context, argv[1], &error)) == NULL)
    return ed_command_fail (error);
  if (station_code != NULL)
    {
      station = ed_station_find_by_code (context, station_code, &error);
      if (error != NULL)
        return ed_command_fail (error);
      if (station == NULL)
        return ed_command_fail (g_error_new (ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                                             /* Translators: %s is a station code */
                                             _("Station: no polling station has the code "
                                               "“%s”"), station_code));
    }

  details.election = election;
  details.person = person;
  details.role = role;
  details.place_kind = place;
  details.station = station;
  details.session = session;
  details.work_date = &day;
  details.start_time = start;
  details.end_time = end;
  details.minutes = minutes;
  if ((id = ed_staff_appointment_add (context, &details, &error)) == NULL)
    return ed_command_fail (error);
  g_print ("%s\n", id);
  return ED_COMMAND_EXIT_OK;
}

static void
build_appointment_json (JsonBuilder              *builder,
                        const EdStaffAppointment *appointment,
                        const char               *person_name,
                        const char               *station_code,
                        GPtrArray                *warnings)
{
  g_autofree char *day = g_date_valid (&appointment->work_date)
                           ? ed_date_format_iso (&appointment->work_date) : g_strdup ("");

  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "id", appointment->id);
  ed_command_json_add_string (builder, "person", appointment->person);
  ed_command_json_add_string (builder, "name", person_name);
  ed_command_json_add_string (builder, "role", ed_staff_role_to_string (appointment->role));
  ed_command_json_add_string (builder, "place", ed_staff_place_to_string (appointment->place_kind));
  ed_command_json_add_string (builder, "station", station_code);
  ed_command_json_add_string (builder, "session", appointment->session);
  ed_command_json_add_string (builder, "date", day);
  ed_command_json_add_string (builder, "start", appointment->start_time);
  ed_command_json_add_string (builder, "end", appointment->end_time);
  ed_command_json_add_int (builder, "minutes", appointment->minutes);
  ed_command_json_add_string (builder, "state", ed_appointment_state_to_string (appointment->state));
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    {
      EdStaffWarning *warning = g_ptr_array_index (warnings, i);

      if (!g_str_equal (warning->appointment, appointment->id))
        continue;
      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "kind", ed_staff_warning_kind_to_string (warning->kind));
      ed_command_json_add_string (builder, "message", warning->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

int
_ed_staff_command_appointments (const EdCommandGlobals  *globals,
                      int                      argc,
                      char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(EdStationPlan) plan = NULL;
  g_autofree char *election_id = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the appointments as JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Lists an election’s appointments by station, each with its "
                                  "state, then what they have to see to: people twice on one "
                                  "day, training missing, stations short of staff."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "staff appointments", &argc, &argv, &status))
    return status;
  if (argc != 1 || election_id == NULL)
    return ed_command_usage ("staff appointments",
                             _("Say which election: staff appointments --election ID"));

  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (election = ed_election_load (context, election_id, &error)) == NULL ||
      (appointments = ed_staff_appointment_list (context, election->id,
                                                 ED_STAFF_APPOINTMENT_BY_STATION,
                                                 &error)) == NULL ||
      (people = ed_staff_person_list (context, ED_STAFF_ROLE_ANY, NULL, &error)) == NULL ||
      (plan = ed_station_plan_compute (context, &error)) == NULL ||
      (warnings = ed_staff_warnings_list (context, election->id, plan, &error)) == NULL)
    return ed_command_fail (error);
  for (guint i = 0; i < people->len; i++)
    {
      EdStaffPerson *person = g_ptr_array_index (people, i);

      g_hash_table_insert (names, person->id, ed_staff_person_dup_name (person));
    }
  for (guint i = 0; i < plan->stations->len; i++)
    {
      EdPlanStation *station = g_ptr_array_index (plan->stations, i);

      g_hash_table_insert (codes, g_strdup (station->id), g_strdup (station->code));
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "election", election->slug);
      json_builder_set_member_name (builder, "appointments");
      json_builder_begin_array (builder);
      for (guint i = 0; i < appointments->len; i++)
        {
          EdStaffAppointment *appointment = g_ptr_array_index (appointments, i);
          const char *name = g_hash_table_lookup (names, appointment->person);
          const char *code = g_hash_table_lookup (codes, appointment->station);

          build_appointment_json (builder, appointment, name != NULL ? name : "",
                                  code != NULL ? code : "", warnings);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "warnings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < warnings->len; i++)
        {
          EdStaffWarning *warning = g_ptr_array_index (warnings, i);
          const char *code = g_hash_table_lookup (codes, warning->station);

          json_builder_begin_object (builder);
          ed_command_json_add_string (builder, "kind",
                                      ed_staff_warning_kind_to_string (warning->kind));
          ed_command_json_add_string (builder, "appointment", warning->appointment);
          ed_command_json_add_string (builder, "person", warning->person);
          ed_command_json_add_string (builder, "station", code != NULL ? code : "");
          ed_command_json_add_string (builder, "message", warning->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }

  g_print ("%s — %s\n", election->slug, election->title);
  if (appointments->len == 0)
    g_print ("%s\n", _("No appointments yet: “staff appoint” makes one."));
  for (guint i = 0; i < appointments->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (appointments, i);
      const char *name = g_hash_table_lookup (names, appointment->person);
      const char *code = g_hash_table_lookup (codes, appointment->station);
      const char *where = appointment->place_kind == ED_STAFF_PLACE_STATION
                            ? (code != NULL ? code : _("to be placed"))
                            : *appointment->session != '\0'
                                ? appointment->session
                                : ed_staff_place_get_display_name (appointment->place_kind);

      g_print ("%s  %s  %s  %s  %s", appointment->id, where,
               ed_staff_role_get_display_name (appointment->role), name != NULL ? name : "",
               ed_appointment_state_get_display_name (appointment->state));
      if (*appointment->start_time != '\0')
        g_print ("  %s–%s", appointment->start_time, appointment->end_time);
      g_print ("\n");
    }
  if (warnings->len > 0)
    {
      g_print ("\n%s\n", _("To see to:"));
      for (guint i = 0; i < warnings->len; i++)
        g_print ("  %s\n", ((EdStaffWarning *)g_ptr_array_index (warnings, i))->message);
    }
  return ED_COMMAND_EXIT_OK;
}

int
_ed_staff_command_state (const EdCommandGlobals  *globals,
               int                      argc,
               char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  EdAppointmentState state;
  GError *error = NULL;
  int status;

  option_context = g_option_context_new (_("APPOINTMENT STATE"));
  g_option_context_set_summary (option_context,
                                _("Moves an appointment on: invited, accepted or declined, "
                                  "confirmed, attended or did_not_attend."));
  if (!ed_command_parse (option_context, "staff state", &argc, &argv, &status))
    return status;
  if (argc != 3)
    return ed_command_usage ("staff state",
                             _("Say which appointment and its new state: staff state "
                               "APPOINTMENT STATE"));
  if (!ed_appointment_state_from_string (argv[2], &state, &error) ||
      (context = ed_command_open_existing (globals, &error)) == NULL ||
      !ed_staff_appointment_set_state (context, argv[1], state, &error))
    return ed_command_fail (error);
  /* Translators: an appointment's id, then its new state */
  g_print (_("%s is now %s.\n"), argv[1], ed_appointment_state_get_display_name (state));
  return ED_COMMAND_EXIT_OK;
}

int
_ed_staff_command_invite (const EdCommandGlobals  *globals,
                int                      argc,
                char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdStaffInviteReport) report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The earlier election"), N_("ID") },
    { "election", 0, 0, G_OPTION_ARG_STRING, &to, N_("The election to invite them to"),
      N_("ID") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Invites everyone who worked an earlier election to the same "
                                  "role and station at another, passing over those already "
                                  "appointed, unavailable or no longer on the staff list."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "staff invite", &argc, &argv, &status))
    return status;
  if (argc != 1 || from == NULL || to == NULL)
    return ed_command_usage ("staff invite",
                             _("Say from which election to which: staff invite --from ID "
                               "--election ID"));
  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (report = ed_staff_appointment_invite_from (context, from, to, &error)) == NULL)
    return ed_command_fail (error);
  g_print (ngettext ("%u person invited", "%u people invited", report->invited), report->invited);
  if (report->unplaced > 0)
    /* Translators: how many of those invited have no station yet */
    g_print (ngettext (", %u of them to be placed at a station",
                       ", %u of them to be placed at stations", report->unplaced),
             report->unplaced);
  g_print (".\n");
  for (guint i = 0; i < report->skipped->len; i++)
    g_print ("  %s\n", ((EdStaffInviteSkipped *)g_ptr_array_index (report->skipped, i))->message);
  return ED_COMMAND_EXIT_OK;
}
