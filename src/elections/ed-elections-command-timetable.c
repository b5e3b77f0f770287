/* ed-elections-command-timetable.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli election timetable, task and dies-non: a poll's statutory dates as a
 * checklist or an iCalendar file, a step of the checklist recorded, and the days every
 * timetable skips, added, listed and removed. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "elections/ed-election-ical.h"
#include "elections/ed-elections-command-private.h"

static const EdTimetableTask *
find_task (GPtrArray        *tasks,
           EdTimetableEvent  event)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      const EdTimetableTask *task = g_ptr_array_index (tasks, i);

      if (task->event == event)
        return task;
    }
  return NULL;
}

static void
print_json (EdElection  *election,
            EdTimetable *timetable,
            GPtrArray   *tasks)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "election", election->slug);
  json_builder_set_member_name (builder, "dates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < timetable->entries->len; i++)
    {
      const EdTimetableEntry *entry = &g_array_index (timetable->entries, EdTimetableEntry, i);
      const EdTimetableTask *task = find_task (tasks, entry->event);
      g_autofree char *date = ed_date_format_iso (&entry->date);
      g_autofree char *done = task != NULL && g_date_valid (&task->done_on)
                                ? ed_date_format_iso (&task->done_on) : g_strdup ("");

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "event", ed_timetable_event_to_string (entry->event));
      ed_command_json_add_string (builder, "date", date);
      ed_command_json_add_string (builder, "time", entry->time != NULL ? entry->time : "");
      ed_command_json_add_int (builder, "working_days", entry->working_days);
      ed_command_json_add_boolean (builder, "not_later_than", entry->not_later_than);
      ed_command_json_add_string (builder, "rule", entry->rule);
      ed_command_json_add_string (builder, "who", task != NULL ? task->assignee : "");
      ed_command_json_add_string (builder, "done_on", done);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

static void
print_text (EdElection  *election,
            EdTimetable *timetable,
            GPtrArray   *tasks)
{
  g_print ("%s — %s\n", election->slug, election->title);
  for (guint i = 0; i < timetable->entries->len; i++)
    {
      const EdTimetableEntry *entry = &g_array_index (timetable->entries, EdTimetableEntry, i);
      const EdTimetableTask *task = find_task (tasks, entry->event);
      g_autofree char *date = ed_date_format_long (&entry->date);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "%s %-24s %-6s %s",
                              task != NULL && g_date_valid (&task->done_on) ? "[x]" : "[ ]",
                              date, entry->time != NULL ? entry->time : "",
                              ed_timetable_event_get_display_name (entry->event));
      if (entry->working_days > 0)
        {
          g_string_append (line, " (");
          g_string_append_printf (line,
                                  /* Translators: %d is a number of working days */
                                  ngettext ("%d working day", "%d working days",
                                            entry->working_days),
                                  entry->working_days);
          g_string_append (line, ")");
        }
      if (task != NULL && *task->assignee != '\0')
        g_string_append_printf (line, " — %s", task->assignee);
      g_print ("%s\n", line->str);
    }
}

int
_ed_election_command_timetable (const EdCommandGlobals  *globals,
                                int                      argc,
                                char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdTimetable) timetable = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *ics = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the timetable as JSON"), NULL },
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &ics,
      N_("Write the timetable as an iCalendar file for the team’s calendars"), N_("FILE.ics") },
    { NULL }
  };

  option_context = g_option_context_new (_("ID"));
  g_option_context_set_summary (option_context,
                                _("Prints every statutory date of a poll, counted back from "
                                  "polling day in working days, with who does each step and "
                                  "whether it is done."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "election timetable", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ed_command_usage ("election timetable", _("Say which election: election timetable ID"));

  if (!_ed_elections_command_open (globals, argv[1], &context, &election, &error))
    return ed_command_fail (error);
  timetable = ed_election_get_timetable (context, election, &error);
  if (timetable == NULL)
    return ed_command_fail (error);
  tasks = ed_election_get_tasks (context, election, &error);
  if (tasks == NULL)
    return ed_command_fail (error);

  if (ics != NULL)
    {
      if (!ed_timetable_write_ical (election, timetable, tasks, ics, &error))
        return ed_command_fail (error);
      if (!json)
        {
          /* Translators: %s is a file name */
          g_printerr (_("Wrote %s\n"), ics);
          return ED_COMMAND_EXIT_OK;
        }
    }
  if (json)
    print_json (election, timetable, tasks);
  else
    print_text (election, timetable, tasks);
  return ED_COMMAND_EXIT_OK;
}

int
_ed_election_command_task (const EdCommandGlobals  *globals,
                           int                      argc,
                           char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autofree char *who = NULL;
  g_autofree char *done = NULL;
  g_autofree char *note = NULL;
  gboolean not_done = FALSE;
  EdTimetableEvent event;
  GDate done_on;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "who", 0, 0, G_OPTION_ARG_STRING, &who, N_("Who does the step"), N_("NAME") },
    { "done", 0, 0, G_OPTION_ARG_STRING, &done, N_("The day it was done"), N_("DATE") },
    { "not-done", 0, 0, G_OPTION_ARG_NONE, &not_done, N_("Mark it not done"), NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { NULL }
  };

  option_context = g_option_context_new (_("ID EVENT"));
  g_option_context_set_summary (option_context,
                                _("Records who does a step of a poll’s timetable and when it "
                                  "was done. EVENT is a step as “election timetable --json” "
                                  "names it, such as notice_of_election."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "election task", &argc, &argv, &status))
    return status;
  if (argc != 3)
    return ed_command_usage ("election task", _("Say which election and step: election task ID "
                                                "EVENT"));
  if (done != NULL && not_done)
    return ed_command_usage ("election task", _("--done and --not-done cannot be used together"));
  if (!ed_timetable_event_from_string (argv[2], &event, &error))
    return ed_command_fail (error);
  g_date_clear (&done_on, 1);
  if (done != NULL && !ed_date_parse (done, &done_on, &error))
    {
      g_prefix_error (&error, "--done: ");
      return ed_command_fail (error);
    }

  if (!_ed_elections_command_open (globals, argv[1], &context, &election, &error))
    return ed_command_fail (error);
  if (!ed_election_set_task (context, election, event, who,
                             done != NULL || not_done ? &done_on : NULL, note, &error))
    return ed_command_fail (error);
  return ED_COMMAND_EXIT_OK;
}

static void
print_dies_non (GPtrArray *days,
                gboolean   json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < days->len; i++)
        {
          EdExtraDiesNon *dies_non = g_ptr_array_index (days, i);
          g_autofree char *day = ed_date_format_iso (&dies_non->day);

          json_builder_begin_object (builder);
          ed_command_json_add_string (builder, "day", day);
          ed_command_json_add_string (builder, "reason", dies_non->reason);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return;
    }
  if (days->len == 0)
    g_print ("%s\n", _("No extra days are skipped: “election dies-non DATE --reason TEXT” "
                       "adds one."));
  for (guint i = 0; i < days->len; i++)
    {
      EdExtraDiesNon *dies_non = g_ptr_array_index (days, i);
      g_autofree char *day = ed_date_format_long (&dies_non->day);

      /* Translators: a day every timetable skips, then why: "Wednesday 12 April 2028 —
       * National day of mourning" */
      g_print (_("%s — %s\n"), day, dies_non->reason);
    }
}

int
_ed_election_command_dies_non (const EdCommandGlobals  *globals,
                               int                      argc,
                               char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *reason = NULL;
  gboolean list = FALSE;
  gboolean remove = FALSE;
  gboolean json = FALSE;
  GDate day;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the day is skipped, such as “National day of mourning”"), N_("TEXT") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the days skipped, the earliest first"),
      NULL },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove,
      N_("Stop skipping the day: the dates counted over it move back"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("With --list, print the days as JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("DATE"));
  g_option_context_set_summary (option_context,
                                _("Adds a day of thanksgiving or mourning, which every election "
                                  "timetable of the district then skips; lists the days "
                                  "skipped, or removes one."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "election dies-non", &argc, &argv, &status))
    return status;
  if (list)
    {
      if (argc != 1 || reason != NULL || remove)
        return ed_command_usage ("election dies-non",
                                 _("--list takes no day, --reason or --remove"));
    }
  else if (json)
    return ed_command_usage ("election dies-non", _("--json goes only with --list"));
  else if (remove)
    {
      if (argc != 2 || reason != NULL)
        return ed_command_usage ("election dies-non",
                                 _("Say which day: election dies-non DATE --remove"));
    }
  else if (argc != 2 || reason == NULL)
    return ed_command_usage ("election dies-non",
                             _("Say which day and why: election dies-non DATE --reason TEXT"));
  g_date_clear (&day, 1);
  if (!list && !ed_date_parse (argv[1], &day, &error))
    return ed_command_fail (error);
  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  if (list)
    {
      days = ed_extra_dies_non_list (context, &error);
      if (days == NULL)
        return ed_command_fail (error);
      print_dies_non (days, json);
      return ED_COMMAND_EXIT_OK;
    }
  if (remove ? !ed_extra_dies_non_remove (context, &day, &error)
             : !ed_extra_dies_non_add (context, &day, reason, &error))
    return ed_command_fail (error);
  return ED_COMMAND_EXIT_OK;
}

int
_ed_election_command_cards (const EdCommandGlobals  *globals,
                            int                      argc,
                            char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  gboolean requested = FALSE;
  gboolean not_requested = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "requested", 0, 0, G_OPTION_ARG_NONE, &requested,
      N_("The community council asked for poll cards"), NULL },
    { "not-requested", 0, 0, G_OPTION_ARG_NONE, &not_requested,
      N_("It did not: only anonymous electors are sent one"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("ID"));
  g_option_context_set_summary (option_context,
                                _("Records whether a Welsh community council asked for poll "
                                  "cards, which are sent for its poll only if it did."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "election cards", &argc, &argv, &status))
    return status;
  if (argc != 2 || requested == not_requested)
    return ed_command_usage ("election cards",
                             _("Say which election and whether: election cards ID --requested "
                               "or --not-requested"));
  if (!_ed_elections_command_open (globals, argv[1], &context, &election, &error) ||
      !ed_election_set_cards_requested (context, election, requested, &error))
    return ed_command_fail (error);
  return ED_COMMAND_EXIT_OK;
}
