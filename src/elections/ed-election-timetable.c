/* ed-election-timetable.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The statutory dates of a poll, counted back from polling day in working days (DOMAIN.md
 * §8). Each kind of poll has its rules' timetable; the register's deadlines (registration,
 * absent votes, the interim notices) are the same for all. The dates are never stored: a day
 * of mourning added to the calendar, or a poll moved, moves them all. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-value-error.h"
#include "elections/ed-election-timetable.h"
#include "register/ed-notice-timetable.h"

/* One step of a timetable: counted back @working_days from the poll (or -1, see below). */
typedef struct
{
  EdTimetableEvent  event;
  gint              working_days;
  const char       *time;
  gboolean          not_later_than;
  const char       *rule;
  /* Counted on the returning officer's calendar, which in Scotland also skips Easter Monday
   * (DOMAIN.md §8, Scottish local elections); the register's deadlines never do. */
  gboolean          returning_officer;
} Step;

/* Where the step's date is not a count back from the poll. */
enum
{
  ON_NOTICE_OF_ELECTION = -1,  /* the poll cards: as soon as practicable after the notice */
  ON_NOMINATIONS = -2,         /* the first interim notice: the last day for nominations */
  CHOSEN_BY_ERO = -3,          /* the second interim notice */
  ON_POLLING_DAY = -4,
  ON_COUNT_DAY = -5,
};

#define RP_REGS "RP (England and Wales) Regs 2001 reg 56"
#define RP_REGS_SCOTLAND "RP (Scotland) Regs 2001 reg 56"

/* What every poll shares: the register's deadlines and polling day (DOMAIN.md §1.4, §2.3,
 * §8), England and Wales. */
#define REGISTER_STEPS(regs)                                                                 \
  { ED_TIMETABLE_FIRST_INTERIM_NOTICE, ON_NOMINATIONS, NULL, FALSE, "RPA 1983 s.13AB", FALSE }, \
  { ED_TIMETABLE_SECOND_INTERIM_NOTICE, CHOSEN_BY_ERO, NULL, FALSE, "RPA 1983 s.13AB", FALSE }, \
  { ED_TIMETABLE_REGISTRATION_DEADLINE, ED_REGISTRATION_DEADLINE_WORKING_DAYS, "23:59", TRUE,  \
    "RPA 1983 s.13B(3B)", FALSE },                                                           \
  { ED_TIMETABLE_POSTAL_DEADLINE, 11, "17:00", TRUE, regs, FALSE },                          \
  { ED_TIMETABLE_PROXY_DEADLINE, 6, "17:00", TRUE, regs, FALSE },                            \
  { ED_TIMETABLE_VAC_DEADLINE, 6, "17:00", TRUE, "RPA 1983 s.13BD", FALSE },                 \
  { ED_TIMETABLE_ANONYMOUS_DEADLINE, 6, NULL, TRUE, "RPA 1983 s.13B(3D)", FALSE },           \
  { ED_TIMETABLE_FINAL_INTERIM_NOTICE, ED_INTERIM_FINAL_WORKING_DAYS, NULL, FALSE,           \
    "RPA 1983 s.13AB", FALSE },                                                              \
  { ED_TIMETABLE_POSTAL_REPLACEMENT_FROM, 4, NULL, FALSE, regs, FALSE },                     \
  { ED_TIMETABLE_POLL, ON_POLLING_DAY, "07:00–22:00", FALSE, "RPA 1983 Sch 1 r.1", FALSE },  \
  { ED_TIMETABLE_EMERGENCY_PROXY_DEADLINE, ON_POLLING_DAY, "17:00", TRUE, regs, FALSE },     \
  { ED_TIMETABLE_COUNT, ON_COUNT_DAY, NULL, FALSE, "RPA 1983 Sch 1 r.45", FALSE }

/* Principal-area, parish, PCC, mayoral and Senedd polls in England and Wales: the rules of
 * SI 2006/3304 Sch 2 r.1 and their equivalents, and the referendum rules without the
 * nominations. */
static const Step local_steps[] = {
  { ED_TIMETABLE_NOTICE_OF_ELECTION, 25, NULL, TRUE, "SI 2006/3304 Sch 2 r.1", TRUE },
  { ED_TIMETABLE_POLL_CARDS, ON_NOTICE_OF_ELECTION, NULL, FALSE, "SI 2006/3304 Sch 2 r.25",
    TRUE },
  { ED_TIMETABLE_NOMINATIONS_CLOSE, 19, "16:00", TRUE, "SI 2006/3304 Sch 2 r.1", TRUE },
  { ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED, 18, "16:00", TRUE, "SI 2006/3304 Sch 2 r.1",
    TRUE },
  { ED_TIMETABLE_NOTICE_OF_POLL, 6, NULL, TRUE, "SI 2006/3304 Sch 2 r.1", TRUE },
  REGISTER_STEPS (RP_REGS),
};

/* A UK Parliamentary general election since the Dissolution and Calling of Parliament Act
 * 2022: the statement of persons nominated is also the notice of poll, and a bank holiday
 * anywhere in the UK is a dies non (ed_election_calendar_new()). A by-election's writ sets
 * its timetable; the same backward offsets are used for it, marked [U]. */
static const Step parliamentary_steps[] = {
  { ED_TIMETABLE_DISSOLUTION, 25, NULL, FALSE, "Dissolution and Calling of Parliament Act 2022",
    TRUE },
  { ED_TIMETABLE_NOTICE_OF_ELECTION, 22, "16:00", TRUE, "RPA 1983 Sch 1 r.1", TRUE },
  { ED_TIMETABLE_POLL_CARDS, ON_NOTICE_OF_ELECTION, NULL, FALSE, "RPA 1983 Sch 1 r.28", TRUE },
  { ED_TIMETABLE_NOMINATIONS_CLOSE, 19, "16:00", TRUE, "RPA 1983 Sch 1 r.1", TRUE },
  { ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED, 19, "17:00", TRUE, "RPA 1983 Sch 1 r.1",
    TRUE },
  { ED_TIMETABLE_NOTICE_OF_POLL, 19, "17:00", TRUE, "RPA 1983 Sch 1 r.1", TRUE },
  REGISTER_STEPS (RP_REGS),
};

static const Step referendum_steps[] = {
  { ED_TIMETABLE_NOTICE_OF_ELECTION, 25, NULL, TRUE, "SI 2012/2031 Sch 3 r.1", TRUE },
  { ED_TIMETABLE_POLL_CARDS, ON_NOTICE_OF_ELECTION, NULL, FALSE, "SI 2012/2031 Sch 3 r.1",
    TRUE },
  { ED_TIMETABLE_NOTICE_OF_POLL, 6, NULL, TRUE, "SI 2012/2031 Sch 3 r.1", TRUE },
  /* No nominations: the first interim notice falls on the 19th working day, as it would. */
  { ED_TIMETABLE_FIRST_INTERIM_NOTICE, 19, NULL, FALSE, "RPA 1983 s.13AB", FALSE },
  { ED_TIMETABLE_SECOND_INTERIM_NOTICE, CHOSEN_BY_ERO, NULL, FALSE, "RPA 1983 s.13AB", FALSE },
  { ED_TIMETABLE_REGISTRATION_DEADLINE, ED_REGISTRATION_DEADLINE_WORKING_DAYS, "23:59", TRUE,
    "RPA 1983 s.13B(3B)", FALSE },
  { ED_TIMETABLE_POSTAL_DEADLINE, 11, "17:00", TRUE, RP_REGS, FALSE },
  { ED_TIMETABLE_PROXY_DEADLINE, 6, "17:00", TRUE, RP_REGS, FALSE },
  { ED_TIMETABLE_VAC_DEADLINE, 6, "17:00", TRUE, "RPA 1983 s.13BD", FALSE },
  { ED_TIMETABLE_ANONYMOUS_DEADLINE, 6, NULL, TRUE, "RPA 1983 s.13B(3D)", FALSE },
  { ED_TIMETABLE_FINAL_INTERIM_NOTICE, ED_INTERIM_FINAL_WORKING_DAYS, NULL, FALSE,
    "RPA 1983 s.13AB", FALSE },
  { ED_TIMETABLE_POSTAL_REPLACEMENT_FROM, 4, NULL, FALSE, RP_REGS, FALSE },
  { ED_TIMETABLE_POLL, ON_POLLING_DAY, "07:00–22:00", FALSE, "SI 2012/2031 Sch 3 r.1", FALSE },
  { ED_TIMETABLE_EMERGENCY_PROXY_DEADLINE, ON_POLLING_DAY, "17:00", TRUE, RP_REGS, FALSE },
  { ED_TIMETABLE_COUNT, ON_COUNT_DAY, NULL, FALSE, "SI 2012/2031 Sch 3 r.1", FALSE },
};

/* Scottish council elections (SSI 2011/399 Sch 1 r.1): the notice of election between the
 * 35th and the 28th day, nominations at 4pm on the 23rd, counted on days that also skip Easter
 * Monday (DOMAIN.md §8; checked against the published dates of 5 May 2022). The statement
 * of persons nominated and the notice of poll are not in DOMAIN.md: the statement on the day
 * after nominations close and the notice of poll on the 6th day are [U]. */
static const Step scottish_local_steps[] = {
  { ED_TIMETABLE_NOTICE_OF_ELECTION, 28, NULL, TRUE, "SSI 2011/399 Sch 1 r.1", TRUE },
  { ED_TIMETABLE_POLL_CARDS, ON_NOTICE_OF_ELECTION, NULL, FALSE, "SSI 2011/399 Sch 1 r.26",
    TRUE },
  { ED_TIMETABLE_NOMINATIONS_CLOSE, 23, "16:00", TRUE, "SSI 2011/399 Sch 1 r.1", TRUE },
  { ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED, 22, "16:00", TRUE, "SSI 2011/399 Sch 1 r.1",
    TRUE },
  { ED_TIMETABLE_NOTICE_OF_POLL, 6, NULL, TRUE, "SSI 2011/399 Sch 1 r.1", TRUE },
  REGISTER_STEPS (RP_REGS_SCOTLAND),
};

/**
 * ed_election_needs_photo_id:
 * @kind: the kind of poll
 * @country: where it is held
 * @poll: polling day
 *
 * Whether electors must show photo ID at the polling station, and so whether the in-person
 * poll cards carry the voter-ID text (DOMAIN.md §2.3, SI 2024/1275): in England at local,
 * parish, mayoral and PCC polls and UK Parliamentary by-elections from 4 May 2023, and at UK
 * general elections from 5 October 2023; in Wales only at UK Parliamentary and PCC polls; in
 * Scotland only at UK Parliamentary polls. Referendums are held under their own rules, which
 * DOMAIN.md does not give: no photo ID is assumed, [U].
 *
 * Returns: %TRUE if photo ID is needed to vote in person
 */
gboolean
ed_election_needs_photo_id (EdElectionKind  kind,
                            EdCountry       country,
                            const GDate    *poll)
{
  GDate from;

  g_return_val_if_fail (poll != NULL && g_date_valid (poll), FALSE);

  if (kind == ED_ELECTION_UK_PARLIAMENTARY_GENERAL)
    g_date_set_dmy (&from, 5, G_DATE_OCTOBER, 2023);
  else
    g_date_set_dmy (&from, 4, G_DATE_MAY, 2023);
  if (g_date_compare (poll, &from) < 0)
    return FALSE;

  switch (kind)
    {
    case ED_ELECTION_UK_PARLIAMENTARY_GENERAL:
    case ED_ELECTION_UK_PARLIAMENTARY_BY:
      return TRUE;
    case ED_ELECTION_PCC:
      return country == ED_COUNTRY_ENGLAND || country == ED_COUNTRY_WALES;
    case ED_ELECTION_LOCAL:
    case ED_ELECTION_PARISH:
    case ED_ELECTION_MAYORAL:
      return country == ED_COUNTRY_ENGLAND;
    case ED_ELECTION_SENEDD:
    case ED_ELECTION_SCOTTISH_LOCAL:
    case ED_ELECTION_REFERENDUM:
      return FALSE;
    case ED_N_ELECTION_KINDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Adds every bank holiday of @other in the years @calendar covers to @calendar. */
static gboolean
add_bank_holidays_of (EdCalendar      *calendar,
                      EdJurisdiction   jurisdiction,
                      GError         **error)
{
  g_autoptr(EdCalendar) other = ed_calendar_new (jurisdiction, error);
  GDate day;

  if (other == NULL)
    return FALSE;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, ed_calendar_get_first_year (calendar));
  for (; g_date_get_year (&day) <= ed_calendar_get_last_year (calendar);
       g_date_add_days (&day, 1))
    {
      const char *name = NULL;

      if (ed_calendar_is_bank_holiday (other, &day, &name) &&
          !ed_calendar_is_bank_holiday (calendar, &day, NULL))
        {
          g_autofree char *reason = g_strdup_printf ("%s (%s)", name,
                                                     jurisdiction == ED_JURISDICTION_SCOTLAND
                                                       ? _("Scotland") : _("Northern Ireland"));

          if (!ed_calendar_add_dies_non (calendar, &day, reason, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * ed_election_calendar_new:
 * @kind: the kind of poll
 * @country: where it is held
 * @error: return location for an error
 *
 * The working days a poll's timetable counts: the bank holidays of the country's part of the
 * UK, and at a UK Parliamentary general election those of every part of the UK (DOMAIN.md §8,
 * dies non). The caller adds the district's days of thanksgiving or mourning.
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set
 */
EdCalendar *
ed_election_calendar_new (EdElectionKind   kind,
                          EdCountry        country,
                          GError         **error)
{
  g_autoptr(EdCalendar) calendar =
    ed_calendar_new (country == ED_COUNTRY_SCOTLAND ? ED_JURISDICTION_SCOTLAND
                                                    : ED_JURISDICTION_ENGLAND_AND_WALES,
                     error);

  if (calendar == NULL)
    return NULL;
  if (kind == ED_ELECTION_UK_PARLIAMENTARY_GENERAL)
    {
      if ((country != ED_COUNTRY_SCOTLAND &&
           !add_bank_holidays_of (calendar, ED_JURISDICTION_SCOTLAND, error)) ||
          (country == ED_COUNTRY_SCOTLAND &&
           !add_bank_holidays_of (calendar, ED_JURISDICTION_ENGLAND_AND_WALES, error)) ||
          !add_bank_holidays_of (calendar, ED_JURISDICTION_NORTHERN_IRELAND, error))
        return NULL;
    }
  return g_steal_pointer (&calendar);
}

static gboolean
is_easter_monday (const GDate *day)
{
  GDate monday;

  ed_date_easter_sunday (g_date_get_year (day), &monday);
  g_date_add_days (&monday, 1);
  return g_date_compare (day, &monday) == 0;
}

/* Counts @n working days back from @poll, skipping Easter Monday as well when
 * @skip_easter_monday. */
static gboolean
count_back (EdCalendar   *calendar,
            const GDate  *poll,
            guint         n,
            gboolean      skip_easter_monday,
            GDate        *out,
            GError      **error)
{
  GDate cursor = *poll;
  guint found = 0;

  if (!skip_easter_monday)
    return ed_calendar_working_days_before (calendar, poll, n, out, error);
  while (found < n)
    {
      g_date_subtract_days (&cursor, 1);
      if (!ed_calendar_covers_date (calendar, &cursor, error))
        return FALSE;
      if (ed_calendar_is_working_day (calendar, &cursor) && !is_easter_monday (&cursor))
        found++;
    }
  *out = cursor;
  return TRUE;
}

/**
 * ed_election_check_poll_date:
 * @calendar: the poll's calendar (ed_election_calendar_new())
 * @poll: the day proposed
 * @error: return location for an %ED_VALUE_ERROR
 *
 * A poll is held on a working day, and on a day the calendar can count a timetable back from.
 *
 * Returns: %TRUE if @poll can be polling day
 */
gboolean
ed_election_check_poll_date (EdCalendar   *calendar,
                             const GDate  *poll,
                             GError      **error)
{
  GDate first;
  const char *reason;

  g_return_val_if_fail (poll != NULL && g_date_valid (poll), FALSE);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_MARCH, ed_calendar_get_first_year (calendar));
  if (!ed_calendar_covers_date (calendar, poll, error))
    return FALSE;
  if (g_date_compare (poll, &first) < 0)
    {
      g_autofree char *text = ed_date_format_long (&first);

      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("Expected a polling day from %s, so that its timetable can be counted "
                     "back."), text);
      return FALSE;
    }
  reason = ed_calendar_get_dies_non_reason (calendar, poll);
  if (reason != NULL)
    {
      g_autofree char *text = ed_date_format_long (poll);

      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: the first %s is a date, the second why it is not a working
                    * day, such as "Sunday" or "Christmas Day" */
                   _("A poll cannot be held on %s: it is not a working day (%s)."), text,
                   reason);
      return FALSE;
    }
  return TRUE;
}

static void
add_entry (EdTimetable  *timetable,
           const Step   *step,
           const GDate  *date,
           gint          working_days)
{
  EdTimetableEntry entry = {
    .event = step->event,
    .date = *date,
    .time = step->time,
    .working_days = working_days,
    .not_later_than = step->not_later_than,
    .rule = step->rule,
  };

  g_array_append_val (timetable->entries, entry);
}

static gint
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const EdTimetableEntry *x = a;
  const EdTimetableEntry *y = b;
  int by_date = g_date_compare (&x->date, &y->date);

  return by_date != 0 ? by_date : (gint)x->event - (gint)y->event;
}

/* Whether @event is part of this poll's timetable at all. */
static gboolean
applies (EdTimetableEvent  event,
         EdElectionKind    kind,
         EdCountry         country,
         const GDate      *poll)
{
  switch (event)
    {
    case ED_TIMETABLE_DISSOLUTION:
      return kind == ED_ELECTION_UK_PARLIAMENTARY_GENERAL;
    case ED_TIMETABLE_VAC_DEADLINE:
      return ed_election_needs_photo_id (kind, country, poll);
    default:
      return TRUE;
    }
}

/**
 * ed_timetable_compute:
 * @calendar: the poll's calendar (ed_election_calendar_new()) with the district's extra days
 * @kind: the kind of poll
 * @country: where it is held
 * @poll: polling day
 * @second_interim: (nullable): the day the ERO chose for the second interim notice, or %NULL
 *   for the working day midway between the first and the final
 * @count: (nullable): the day of the count, or %NULL for polling day (an overnight count)
 * @error: return location for an error
 *
 * Every statutory date of the poll (DOMAIN.md §8, §1.4), counted back in working days.
 *
 * Returns: (transfer full): the timetable, or %NULL with @error set when the poll is not on a
 *   working day, too early or late for the calendar, or the ERO's second interim date falls
 *   outside the first and the final notices
 */
EdTimetable *
ed_timetable_compute (EdCalendar      *calendar,
                      EdElectionKind   kind,
                      EdCountry        country,
                      const GDate     *poll,
                      const GDate     *second_interim,
                      const GDate     *count,
                      GError         **error)
{
  g_autoptr(EdTimetable) timetable = g_new0 (EdTimetable, 1);
  const Step *steps;
  guint n_steps;
  gboolean skip_easter_monday = kind == ED_ELECTION_SCOTTISH_LOCAL;
  EdNoticeDates interim[ED_N_INTERIM_NOTICES];
  GDate nominations, notice_of_election;

  g_return_val_if_fail (ED_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail ((guint)kind < ED_N_ELECTION_KINDS, NULL);
  g_return_val_if_fail (poll != NULL && g_date_valid (poll), NULL);

  timetable->kind = kind;
  timetable->country = country;
  timetable->poll = *poll;
  timetable->entries = g_array_new (FALSE, TRUE, sizeof (EdTimetableEntry));

  if (!ed_election_check_poll_date (calendar, poll, error))
    return NULL;
  if (count != NULL && g_date_compare (count, poll) < 0)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("The count cannot come before polling day."));
      return NULL;
    }

  switch (kind)
    {
    case ED_ELECTION_UK_PARLIAMENTARY_GENERAL:
    case ED_ELECTION_UK_PARLIAMENTARY_BY:
      steps = parliamentary_steps;
      n_steps = G_N_ELEMENTS (parliamentary_steps);
      break;
    case ED_ELECTION_SCOTTISH_LOCAL:
      steps = scottish_local_steps;
      n_steps = G_N_ELEMENTS (scottish_local_steps);
      break;
    case ED_ELECTION_REFERENDUM:
      steps = referendum_steps;
      n_steps = G_N_ELEMENTS (referendum_steps);
      break;
    case ED_ELECTION_LOCAL:
    case ED_ELECTION_PARISH:
    case ED_ELECTION_PCC:
    case ED_ELECTION_MAYORAL:
    case ED_ELECTION_SENEDD:
    case ED_N_ELECTION_KINDS:
    default:
      steps = local_steps;
      n_steps = G_N_ELEMENTS (local_steps);
      break;
    }

  /* The counted dates first: the others hang from them. */
  g_date_clear (&nominations, 1);
  g_date_clear (&notice_of_election, 1);
  for (guint i = 0; i < n_steps; i++)
    {
      GDate date;

      if (steps[i].working_days < 0)
        continue;
      if (!count_back (calendar, poll, (guint)steps[i].working_days,
                       skip_easter_monday && steps[i].returning_officer, &date, error))
        return NULL;
      if (steps[i].event == ED_TIMETABLE_NOMINATIONS_CLOSE ||
          steps[i].event == ED_TIMETABLE_FIRST_INTERIM_NOTICE)
        nominations = date;
      if (steps[i].event == ED_TIMETABLE_NOTICE_OF_ELECTION)
        notice_of_election = date;
      if (applies (steps[i].event, kind, country, poll))
        add_entry (timetable, &steps[i], &date, steps[i].working_days);
    }

  if (!ed_notice_timetable_election_interim (calendar, poll, &nominations, second_interim,
                                             interim, error))
    return NULL;

  for (guint i = 0; i < n_steps; i++)
    {
      const GDate *date = NULL;

      switch (steps[i].working_days)
        {
        case ON_NOTICE_OF_ELECTION:
          date = &notice_of_election;
          break;
        case ON_NOMINATIONS:
          date = &nominations;
          break;
        case CHOSEN_BY_ERO:
          date = &interim[1].publication;
          break;
        case ON_POLLING_DAY:
          date = poll;
          break;
        case ON_COUNT_DAY:
          date = count != NULL ? count : poll;
          break;
        default:
          continue;
        }
      add_entry (timetable, &steps[i], date, -1);
    }

  g_array_sort (timetable->entries, compare_entries);
  return g_steal_pointer (&timetable);
}

/**
 * ed_timetable_lookup:
 * @timetable: a timetable
 * @event: a step
 *
 * Returns: (transfer none) (nullable): its entry, or %NULL when it is not part of this poll
 */
const EdTimetableEntry *
ed_timetable_lookup (EdTimetable      *timetable,
                     EdTimetableEvent  event)
{
  g_return_val_if_fail (timetable != NULL, NULL);

  for (guint i = 0; i < timetable->entries->len; i++)
    {
      const EdTimetableEntry *entry = &g_array_index (timetable->entries, EdTimetableEntry, i);

      if (entry->event == event)
        return entry;
    }
  return NULL;
}

void
ed_timetable_free (EdTimetable *timetable)
{
  if (timetable == NULL)
    return;
  g_clear_pointer (&timetable->entries, g_array_unref);
  g_free (timetable);
}
