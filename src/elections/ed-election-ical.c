/* ed-election-ical.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A poll's timetable as an iCalendar file (RFC 5545), for the team's calendars: one all-day
 * event per statutory date, its hour and rule in the text, and who does it. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-output-file.h"
#include "elections/ed-election-ical.h"

/* RFC 5545 §3.3.11: backslash, semicolon and comma are escaped, and a line break is \n. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
      case ';':
      case ',':
        g_string_append_c (out, '\\');
        g_string_append_c (out, *p);
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\r':
        break;
      default:
        g_string_append_c (out, *p);
      }
}

/* RFC 5545 §3.1: lines end in CRLF and are folded before 75 octets, never inside a UTF-8
 * character; a folded line goes on after one space. */
static void
append_line (GString    *out,
             const char *line)
{
  gsize width = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize length = (gsize)(g_utf8_next_char (p) - p);

      if (width + length > 74)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }
      g_string_append_len (out, p, (gssize)length);
      width += length;
    }
  g_string_append (out, "\r\n");
}

static const EdTimetableTask *
find_task (GPtrArray        *tasks,
           EdTimetableEvent  event)
{
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      const EdTimetableTask *task = g_ptr_array_index (tasks, i);

      if (task->event == event)
        return task;
    }
  return NULL;
}

/**
 * ed_timetable_to_ical:
 * @election: the poll
 * @timetable: its dates
 * @tasks: (nullable) (element-type EdTimetableTask): its checklist
 * @stamp: when the file is made, for each event's DTSTAMP
 *
 * Returns: (transfer full): the calendar's text
 */
char *
ed_timetable_to_ical (EdElection  *election,
                      EdTimetable *timetable,
                      GPtrArray   *tasks,
                      GDateTime   *stamp)
{
  GString *out = g_string_new (NULL);
  g_autofree char *dtstamp = g_date_time_format (stamp, "%Y%m%dT%H%M%SZ");

  append_line (out, "BEGIN:VCALENDAR");
  append_line (out, "VERSION:2.0");
  append_line (out, "PRODID:-//Electoral Desk//Election timetable//EN");
  append_line (out, "CALSCALE:GREGORIAN");
  {
    g_autoptr(GString) name = g_string_new ("X-WR-CALNAME:");

    append_escaped (name, election->title);
    g_string_append (name, " — ");
    append_escaped (name, election->slug);
    append_line (out, name->str);
  }
  for (guint i = 0; i < timetable->entries->len; i++)
    {
      const EdTimetableEntry *entry = &g_array_index (timetable->entries, EdTimetableEntry, i);
      const EdTimetableTask *task = find_task (tasks, entry->event);
      GDate next = entry->date;
      char day[16], day_after[16];
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(GString) description = g_string_new (NULL);

      g_date_add_days (&next, 1);
      g_date_strftime (day, sizeof day, "%Y%m%d", &entry->date);
      g_date_strftime (day_after, sizeof day_after, "%Y%m%d", &next);

      append_line (out, "BEGIN:VEVENT");
      g_string_printf (line, "UID:%s.%s@electoraldesk", election->slug,
                       ed_timetable_event_to_string (entry->event));
      append_line (out, line->str);
      g_string_printf (line, "DTSTAMP:%s", dtstamp);
      append_line (out, line->str);
      g_string_printf (line, "DTSTART;VALUE=DATE:%s", day);
      append_line (out, line->str);
      g_string_printf (line, "DTEND;VALUE=DATE:%s", day_after);
      append_line (out, line->str);

      g_string_assign (line, "SUMMARY:");
      append_escaped (line, ed_timetable_event_get_display_name (entry->event));
      if (entry->time != NULL)
        {
          g_string_append (line, " ");
          append_escaped (line, entry->time);
        }
      append_line (out, line->str);

      if (entry->working_days >= 0)
        g_string_append_printf (description,
                                /* Translators: %d is a number of working days */
                                ngettext ("%d working day before the poll", "%d working days "
                                          "before the poll", entry->working_days),
                                entry->working_days);
      g_string_append_printf (description, "%s%s", description->len > 0 ? "\n" : "",
                              entry->rule);
      if (task != NULL && *task->assignee != '\0')
        /* Translators: %s is a person's name */
        g_string_append_printf (description, _("\nWho: %s"), task->assignee);
      g_string_assign (line, "DESCRIPTION:");
      append_escaped (line, description->str);
      append_line (out, line->str);
      g_string_printf (line, "CATEGORIES:%s", election->slug);
      append_line (out, line->str);
      if (task != NULL && g_date_valid (&task->done_on))
        append_line (out, "STATUS:CONFIRMED");
      append_line (out, "TRANSP:TRANSPARENT");
      append_line (out, "END:VEVENT");
    }
  append_line (out, "END:VCALENDAR");
  return g_string_free (out, FALSE);
}

/**
 * ed_timetable_write_ical:
 * @election: the poll
 * @timetable: its dates
 * @tasks: (nullable) (element-type EdTimetableTask): its checklist
 * @path: the file to write, whole or not at all
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
ed_timetable_write_ical (EdElection   *election,
                         EdTimetable  *timetable,
                         GPtrArray    *tasks,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = ed_timetable_to_ical (election, timetable, tasks, now);

  return ed_output_file_set_contents (path, text, strlen (text), error);
}
