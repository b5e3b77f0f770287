/* test-elections-timetable.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* ed_timetable_compute() against the timetables returning officers and the Electoral
 * Commission published for real polls (each test names its sources), the dies non of
 * DOMAIN.md §8 (a day of mourning, a bank holiday elsewhere in the UK at a general election,
 * Scotland's Easter Monday), polls refused on a day that is not a working day, and which
 * polls ask for photo ID (DOMAIN.md §2.3). */

#define G_LOG_DOMAIN "test-elections-timetable"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/ed-date.h"
#include "core/ed-value-error.h"
#include "elections/ed-election.h"
#include "elections/ed-election-timetable.h"
#include "ed-test-demo.h"

static GDate
date (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  if (!ed_date_parse_iso (iso, &d, &error))
    g_error ("bad test date %s: %s", iso, error->message);
  return d;
}

static EdCalendar *
calendar_for (EdElectionKind kind,
              EdCountry      country)
{
  g_autoptr(GError) error = NULL;
  EdCalendar *calendar = ed_election_calendar_new (kind, country, &error);

  g_assert_no_error (error);
  g_assert_nonnull (calendar);
  return calendar;
}

static EdTimetable *
compute_on (EdCalendar     *calendar,
            EdElectionKind  kind,
            EdCountry       country,
            const char     *poll_iso,
            const char     *second_interim_iso)
{
  g_autoptr(GError) error = NULL;
  GDate poll = date (poll_iso);
  GDate second;
  EdTimetable *timetable;

  if (second_interim_iso != NULL)
    second = date (second_interim_iso);
  timetable = ed_timetable_compute (calendar, kind, country, &poll,
                                    second_interim_iso != NULL ? &second : NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (timetable);
  return timetable;
}

static EdTimetable *
compute (EdElectionKind  kind,
         EdCountry       country,
         const char     *poll_iso,
         const char     *second_interim_iso)
{
  g_autoptr(EdCalendar) calendar = calendar_for (kind, country);

  return compute_on (calendar, kind, country, poll_iso, second_interim_iso);
}

static char *
date_of (EdTimetable      *timetable,
         EdTimetableEvent  event)
{
  const EdTimetableEntry *entry = ed_timetable_lookup (timetable, event);

  if (entry == NULL)
    return NULL;
  return ed_date_format_iso (&entry->date);
}

/* One date a published timetable gives, and what it is called there. */
typedef struct
{
  EdTimetableEvent  event;
  const char       *date;
} Published;

/* Every published date matches; a mismatch names the event and both dates, and the test
 * goes on to report every mismatch before it fails. */
static void
assert_published (EdTimetable     *timetable,
                  const Published *published,
                  guint            n)
{
  guint wrong = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *ours = date_of (timetable, published[i].event);

      if (g_strcmp0 (ours, published[i].date) != 0)
        {
          g_printerr ("%s: computed %s, published %s\n",
                      ed_timetable_event_to_string (published[i].event),
                      ours != NULL ? ours : "(none)", published[i].date);
          wrong++;
        }
    }
  g_assert_cmpuint (wrong, ==, 0);
}

/* Entries are in date order, and each counted one is as many working days before the poll
 * as it says. */
static void
assert_consistent (EdCalendar  *calendar,
                   EdTimetable *timetable)
{
  for (guint i = 0; i < timetable->entries->len; i++)
    {
      const EdTimetableEntry *entry = &g_array_index (timetable->entries, EdTimetableEntry, i);

      g_assert_true (g_date_valid (&entry->date));
      g_assert_nonnull (entry->rule);
      if (i > 0)
        g_assert_cmpint (g_date_compare (&g_array_index (timetable->entries, EdTimetableEntry,
                                                         i - 1).date, &entry->date), <=, 0);
      if (entry->working_days > 0 &&
          timetable->kind != ED_ELECTION_SCOTTISH_LOCAL)
        {
          g_autoptr(GError) error = NULL;
          GDate back;

          g_assert_true (ed_calendar_working_days_before (calendar, &timetable->poll,
                                                          (guint)entry->working_days, &back,
                                                          &error));
          g_assert_no_error (error);
          g_assert_cmpint (g_date_compare (&back, &entry->date), ==, 0);
          g_assert_true (ed_calendar_is_working_day (calendar, &entry->date));
        }
    }
}

/* (a) An English principal-area poll: Thursday 2 May 2024, which also runs over Easter
 * (Good Friday 29 March, Easter Monday 1 April fall between the notice of election and the
 * close of nominations).
 * Sources: the Electoral Commission's "Timetable for local elections in England, 2 May
 * 2024" as summarised by ALDC ("Local Election Timetable 2024": notice of election by
 * Tuesday 26 March, nominations 4pm Friday 5 April, registration Tuesday 16 April, postal
 * 5pm Wednesday 17 April, proxy and voter authority certificates 5pm Wednesday 24 April);
 * London Borough of Lambeth, "Knight's Hill By-Election 2024: Important dates" (statement
 * of persons nominated by 4pm Monday 8 April; replacement lost postal ballots from Friday
 * 26 April); Royal Borough of Kingston upon Thames, "Election timetable" for 2 May 2024
 * (notice of poll not later than Wednesday 24 April, final election notice of alteration
 * Thursday 25 April). Every date matched. */
static void
test_england_local_2024 (void)
{
  static const Published published[] = {
    { ED_TIMETABLE_NOTICE_OF_ELECTION, "2024-03-26" },
    { ED_TIMETABLE_NOMINATIONS_CLOSE, "2024-04-05" },
    { ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED, "2024-04-08" },
    { ED_TIMETABLE_REGISTRATION_DEADLINE, "2024-04-16" },
    { ED_TIMETABLE_POSTAL_DEADLINE, "2024-04-17" },
    { ED_TIMETABLE_PROXY_DEADLINE, "2024-04-24" },
    { ED_TIMETABLE_VAC_DEADLINE, "2024-04-24" },
    { ED_TIMETABLE_NOTICE_OF_POLL, "2024-04-24" },
    { ED_TIMETABLE_FINAL_INTERIM_NOTICE, "2024-04-25" },
    { ED_TIMETABLE_POSTAL_REPLACEMENT_FROM, "2024-04-26" },
    { ED_TIMETABLE_POLL, "2024-05-02" },
  };
  g_autoptr(EdCalendar) calendar = calendar_for (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND);
  g_autoptr(EdTimetable) timetable =
    compute_on (calendar, ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2024-05-02", NULL);
  const EdTimetableEntry *nominations;
  g_autofree char *first = NULL;

  assert_published (timetable, published, G_N_ELEMENTS (published));
  assert_consistent (calendar, timetable);

  /* DOMAIN.md §8: the times and counts of the statute. */
  nominations = ed_timetable_lookup (timetable, ED_TIMETABLE_NOMINATIONS_CLOSE);
  g_assert_cmpstr (nominations->time, ==, "16:00");
  g_assert_cmpint (nominations->working_days, ==, 19);
  g_assert_true (nominations->not_later_than);
  g_assert_cmpint (ed_timetable_lookup (timetable, ED_TIMETABLE_NOTICE_OF_ELECTION)->working_days,
                   ==, 25);
  g_assert_cmpstr (ed_timetable_lookup (timetable, ED_TIMETABLE_POSTAL_DEADLINE)->time, ==,
                   "17:00");
  /* The first interim notice is published on the last day for nominations (§1.4). */
  first = date_of (timetable, ED_TIMETABLE_FIRST_INTERIM_NOTICE);
  g_assert_cmpstr (first, ==, "2024-04-05");
  /* No dissolution outside a general election. */
  g_assert_null (ed_timetable_lookup (timetable, ED_TIMETABLE_DISSOLUTION));
}

/* (b) The UK Parliamentary general election of Thursday 4 July 2024.
 * Sources: the Electoral Commission's "Timetable for a UK Parliamentary general election on
 * 4 July 2024" (as reproduced by Mark Pack, "General election timetable, July 2024");
 * Comhairle nan Eilean Siar, "Timetable for a UK Parliamentary General Election"; UK
 * Parliament, "General Election 2024 timetable". Dissolution Thursday 30 May (25 days),
 * notice of election not later than 4pm Tuesday 4 June (22 days), nominations, withdrawals
 * and the statement of persons nominated with the notice of poll Friday 7 June, first interim
 * notice Friday 7 June, registration Tuesday 18 June, postal 5pm Wednesday 19 June, proxy and
 * voter authority certificates 5pm Wednesday 26 June, second interim notice between Monday
 * 10 June and Wednesday 26 June, final notice Thursday 27 June. Every date matched, in an
 * English and in a Scottish constituency. */
static void
test_uk_general_election_2024 (void)
{
  static const Published published[] = {
    { ED_TIMETABLE_DISSOLUTION, "2024-05-30" },
    { ED_TIMETABLE_NOTICE_OF_ELECTION, "2024-06-04" },
    { ED_TIMETABLE_NOMINATIONS_CLOSE, "2024-06-07" },
    { ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED, "2024-06-07" },
    { ED_TIMETABLE_NOTICE_OF_POLL, "2024-06-07" },
    { ED_TIMETABLE_FIRST_INTERIM_NOTICE, "2024-06-07" },
    { ED_TIMETABLE_REGISTRATION_DEADLINE, "2024-06-18" },
    { ED_TIMETABLE_POSTAL_DEADLINE, "2024-06-19" },
    { ED_TIMETABLE_PROXY_DEADLINE, "2024-06-26" },
    { ED_TIMETABLE_VAC_DEADLINE, "2024-06-26" },
    { ED_TIMETABLE_FINAL_INTERIM_NOTICE, "2024-06-27" },
    { ED_TIMETABLE_POLL, "2024-07-04" },
  };
  static const EdCountry countries[] = { ED_COUNTRY_ENGLAND, ED_COUNTRY_SCOTLAND,
                                         ED_COUNTRY_WALES };

  for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
    {
      g_autoptr(EdCalendar) calendar =
        calendar_for (ED_ELECTION_UK_PARLIAMENTARY_GENERAL, countries[c]);
      g_autoptr(EdTimetable) timetable =
        compute_on (calendar, ED_ELECTION_UK_PARLIAMENTARY_GENERAL, countries[c], "2024-07-04",
                    NULL);
      const EdTimetableEntry *second =
        ed_timetable_lookup (timetable, ED_TIMETABLE_SECOND_INTERIM_NOTICE);
      GDate from = date ("2024-06-10");
      GDate to = date ("2024-06-26");

      g_test_message ("%s", ed_country_to_string (countries[c]));
      assert_published (timetable, published, G_N_ELEMENTS (published));
      assert_consistent (calendar, timetable);
      g_assert_cmpstr (ed_timetable_lookup (timetable, ED_TIMETABLE_NOTICE_OF_ELECTION)->time,
                       ==, "16:00");
      g_assert_cmpstr (ed_timetable_lookup (timetable,
                                            ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED)->time,
                       ==, "17:00");
      /* The ERO's default choice lies in the window the Commission gives. */
      g_assert_nonnull (second);
      g_assert_cmpint (g_date_compare (&second->date, &from), >=, 0);
      g_assert_cmpint (g_date_compare (&second->date, &to), <=, 0);
    }
}

/* (c) Over the New Year: a parish by-election whose 25 working days run back past New
 * Year's Day.
 * Source: Wyre Forest District Council, "Kidderminster Town Council Broadwaters
 * by-elections, Thursday 6 February 2025: Parish election timetable of proceedings" (notice
 * of election Thursday 2 January 2025, 25 days; nominations, withdrawals and the first
 * interim notice Friday 10 January; registration Tuesday 21 January; postal 5pm Wednesday 22
 * January; proxy 5pm Wednesday 29 January). Every date matched.
 * And North Yorkshire Council, "Election timetable for Nunnington Parish Council
 * by-election", Thursday 13 February 2025 (notice Thursday 9 January; nominations Friday 17
 * January; statement of persons nominated Monday 20 January; registration Tuesday 28
 * January; postal Wednesday 29 January; proxy, voter authority certificates and notice of
 * poll Wednesday 5 February; final register Thursday 6 February; replacement lost postal
 * ballots from Friday 7 February). Every date matched.
 * A published timetable counted over Christmas is checked in
 * test_christmas_parish_by_election_2018(). */
static void
test_new_year_by_elections_2025 (void)
{
  static const Published kidderminster[] = {
    { ED_TIMETABLE_NOTICE_OF_ELECTION, "2025-01-02" },
    { ED_TIMETABLE_NOMINATIONS_CLOSE, "2025-01-10" },
    { ED_TIMETABLE_FIRST_INTERIM_NOTICE, "2025-01-10" },
    { ED_TIMETABLE_REGISTRATION_DEADLINE, "2025-01-21" },
    { ED_TIMETABLE_POSTAL_DEADLINE, "2025-01-22" },
    { ED_TIMETABLE_PROXY_DEADLINE, "2025-01-29" },
    { ED_TIMETABLE_POLL, "2025-02-06" },
  };
  static const Published nunnington[] = {
    { ED_TIMETABLE_NOTICE_OF_ELECTION, "2025-01-09" },
    { ED_TIMETABLE_NOMINATIONS_CLOSE, "2025-01-17" },
    { ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED, "2025-01-20" },
    { ED_TIMETABLE_REGISTRATION_DEADLINE, "2025-01-28" },
    { ED_TIMETABLE_POSTAL_DEADLINE, "2025-01-29" },
    { ED_TIMETABLE_VAC_DEADLINE, "2025-02-05" },
    { ED_TIMETABLE_NOTICE_OF_POLL, "2025-02-05" },
    { ED_TIMETABLE_PROXY_DEADLINE, "2025-02-05" },
    { ED_TIMETABLE_FINAL_INTERIM_NOTICE, "2025-02-06" },
    { ED_TIMETABLE_POSTAL_REPLACEMENT_FROM, "2025-02-07" },
    { ED_TIMETABLE_POLL, "2025-02-13" },
  };
  g_autoptr(EdCalendar) calendar = calendar_for (ED_ELECTION_PARISH, ED_COUNTRY_ENGLAND);
  g_autoptr(EdTimetable) first =
    compute_on (calendar, ED_ELECTION_PARISH, ED_COUNTRY_ENGLAND, "2025-02-06", NULL);
  g_autoptr(EdTimetable) second =
    compute_on (calendar, ED_ELECTION_PARISH, ED_COUNTRY_ENGLAND, "2025-02-13", NULL);

  assert_published (first, kidderminster, G_N_ELEMENTS (kidderminster));
  assert_consistent (calendar, first);
  assert_published (second, nunnington, G_N_ELEMENTS (nunnington));
  assert_consistent (calendar, second);
}

/* Christmas Eve, Christmas Day, Boxing Day and New Year's Day are dies non (DOMAIN.md §8):
 * a poll on Thursday 23 January 2025 has its notice of election on Friday 13 December
 * 2024, its nominations on Monday 23 December, and its first interim notice with them; the
 * count steps over 24, 25, 26 December and 1 January. Counted from the law; the published
 * case is the next test. */
static void
test_christmas_dies_non (void)
{
  static const Published expected[] = {
    { ED_TIMETABLE_NOTICE_OF_ELECTION, "2024-12-13" },
    { ED_TIMETABLE_NOMINATIONS_CLOSE, "2024-12-23" },
    { ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED, "2024-12-27" },
    { ED_TIMETABLE_REGISTRATION_DEADLINE, "2025-01-07" },
    { ED_TIMETABLE_POLL, "2025-01-23" },
  };
  g_autoptr(EdCalendar) calendar = calendar_for (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND);
  g_autoptr(EdTimetable) timetable =
    compute_on (calendar, ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2025-01-23", NULL);
  GDate christmas_eve = date ("2024-12-24");

  assert_published (timetable, expected, G_N_ELEMENTS (expected));
  assert_consistent (calendar, timetable);
  g_assert_false (ed_calendar_is_working_day (calendar, &christmas_eve));
}

/* (e) Over Christmas: a parish by-election on Thursday 11 January 2018, whose registration
 * and postal deadlines fall just before Christmas and whose nominations, statement and
 * notice are counted back across Christmas Day, Boxing Day and New Year's Day.
 * Source: the returning officer's timetable for the Cradley (and Storridge) parish
 * by-election, Herefordshire, published by Cradley Parish Council in December 2017
 * ("Cradley Parish Election 11th January 2018 Election Timetable"): notice of election not
 * later than Monday 4 December 2017; nominations and withdrawals 4pm Tuesday 12 December;
 * statement of persons nominated not later than 4pm Wednesday 13 December; registration
 * Thursday 21 December; postal 5pm Friday 22 December; proxy, and notice of poll not later
 * than, Wednesday 3 January 2018; first interim notice of alteration Tuesday 12 December,
 * final interim notice Thursday 4 January 2018, replacement lost postal votes from Friday 5
 * January. Every date matched; counted as if 25 and 26 December were
 * working days, each date before Christmas would be two days later.
 * The election rules disregard Christmas Eve as well (SI 2006/3304 and SI 2006/3305, the
 * timetable rule). A council that counts it as a working day publishes dates a day later
 * than the law gives (one did for a by-election on 15 January 2026); the app follows the
 * rules. */
static void
test_christmas_parish_by_election_2018 (void)
{
  static const Published cradley[] = {
    { ED_TIMETABLE_NOTICE_OF_ELECTION, "2017-12-04" },
    { ED_TIMETABLE_NOMINATIONS_CLOSE, "2017-12-12" },
    { ED_TIMETABLE_FIRST_INTERIM_NOTICE, "2017-12-12" },
    { ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED, "2017-12-13" },
    { ED_TIMETABLE_REGISTRATION_DEADLINE, "2017-12-21" },
    { ED_TIMETABLE_POSTAL_DEADLINE, "2017-12-22" },
    { ED_TIMETABLE_PROXY_DEADLINE, "2018-01-03" },
    { ED_TIMETABLE_NOTICE_OF_POLL, "2018-01-03" },
    { ED_TIMETABLE_FINAL_INTERIM_NOTICE, "2018-01-04" },
    { ED_TIMETABLE_POSTAL_REPLACEMENT_FROM, "2018-01-05" },
    { ED_TIMETABLE_POLL, "2018-01-11" },
  };
  g_autoptr(EdCalendar) calendar = calendar_for (ED_ELECTION_PARISH, ED_COUNTRY_ENGLAND);
  g_autoptr(EdTimetable) timetable =
    compute_on (calendar, ED_ELECTION_PARISH, ED_COUNTRY_ENGLAND, "2018-01-11", NULL);

  assert_published (timetable, cradley, G_N_ELEMENTS (cradley));
  assert_consistent (calendar, timetable);
}

/* (d) Over Easter: Thursday 1 May 2025, when Good Friday (18 April) and Easter Monday (21
 * April) fall between the postal and the proxy deadlines.
 * Sources: Stroud District Council, "Elections Timetable", Gloucestershire County Council
 * elections and Stroud Central district ward by-election, Thursday 1 May 2025 (notice of
 * election Tuesday 25 March; nominations and first notice of alteration 4pm Wednesday 2
 * April; notice of poll last date Wednesday 23 April; registration Friday 11 April; postal
 * 5pm Monday 14 April; second notice of alteration, chosen, Tuesday 15 April; proxy and
 * voter authority certificates 5pm Wednesday 23 April; final interim notice Thursday 24
 * April; replacement lost postal ballots from Friday 25 April); South Hams District
 * Council, "Timetable: Devon County Council" (statement of persons nominated by 4pm
 * Thursday 3 April). Every date matched. */
static void
test_england_local_2025_easter (void)
{
  static const Published published[] = {
    { ED_TIMETABLE_NOTICE_OF_ELECTION, "2025-03-25" },
    { ED_TIMETABLE_NOMINATIONS_CLOSE, "2025-04-02" },
    { ED_TIMETABLE_FIRST_INTERIM_NOTICE, "2025-04-02" },
    { ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED, "2025-04-03" },
    { ED_TIMETABLE_REGISTRATION_DEADLINE, "2025-04-11" },
    { ED_TIMETABLE_POSTAL_DEADLINE, "2025-04-14" },
    { ED_TIMETABLE_SECOND_INTERIM_NOTICE, "2025-04-15" },
    { ED_TIMETABLE_NOTICE_OF_POLL, "2025-04-23" },
    { ED_TIMETABLE_PROXY_DEADLINE, "2025-04-23" },
    { ED_TIMETABLE_VAC_DEADLINE, "2025-04-23" },
    { ED_TIMETABLE_FINAL_INTERIM_NOTICE, "2025-04-24" },
    { ED_TIMETABLE_POSTAL_REPLACEMENT_FROM, "2025-04-25" },
    { ED_TIMETABLE_POLL, "2025-05-01" },
  };
  g_autoptr(EdCalendar) calendar = calendar_for (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND);
  g_autoptr(EdTimetable) timetable =
    compute_on (calendar, ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2025-05-01", "2025-04-15");
  g_autoptr(GError) error = NULL;
  GDate poll = date ("2025-05-01");
  GDate outside = date ("2025-04-25");
  EdTimetable *refused;

  assert_published (timetable, published, G_N_ELEMENTS (published));
  assert_consistent (calendar, timetable);

  /* The ERO's second notice falls between the first and the final. */
  refused = ed_timetable_compute (calendar, ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, &poll,
                                  &outside, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
}

/* Scottish council elections, Thursday 5 May 2022 (DOMAIN.md §8): nominations at 4pm on the
 * 23rd day, counted on days that also skip Easter Monday (18 April), while the registration
 * deadline is counted without that exclusion and falls on Easter Monday itself.
 * Sources: Dumfries and Galloway Council, "Election Timetable" (Scottish Local Elections
 * 2022: notice of election Monday 14 March, the earliest day; nominations, withdrawals and
 * the first interim notice 4pm Wednesday 30 March; second interim notice, chosen, Friday 8
 * April; registration Monday 18 April; postal 5pm Tuesday 19 April); Argyll and Bute
 * Council, "Voting at the Scottish Local Government election" (registration Monday 18
 * April, postal 5pm Tuesday 19 April, proxy 5pm Tuesday 26 April). Every date matched; the
 * notice of election was published before the last day the code gives. */
static void
test_scottish_local_2022 (void)
{
  static const Published published[] = {
    { ED_TIMETABLE_NOMINATIONS_CLOSE, "2022-03-30" },
    { ED_TIMETABLE_FIRST_INTERIM_NOTICE, "2022-03-30" },
    { ED_TIMETABLE_SECOND_INTERIM_NOTICE, "2022-04-08" },
    { ED_TIMETABLE_REGISTRATION_DEADLINE, "2022-04-18" },
    { ED_TIMETABLE_POSTAL_DEADLINE, "2022-04-19" },
    { ED_TIMETABLE_PROXY_DEADLINE, "2022-04-26" },
    { ED_TIMETABLE_POLL, "2022-05-05" },
  };
  g_autoptr(EdCalendar) calendar = calendar_for (ED_ELECTION_SCOTTISH_LOCAL,
                                                 ED_COUNTRY_SCOTLAND);
  g_autoptr(EdTimetable) timetable =
    compute_on (calendar, ED_ELECTION_SCOTTISH_LOCAL, ED_COUNTRY_SCOTLAND, "2022-05-05",
                "2022-04-08");
  const EdTimetableEntry *notice =
    ed_timetable_lookup (timetable, ED_TIMETABLE_NOTICE_OF_ELECTION);
  GDate published_notice = date ("2022-03-14");
  GDate nominations = date ("2022-03-30");
  GDate easter_monday = date ("2022-04-18");
  GDate counted;
  g_autoptr(GError) error = NULL;

  assert_published (timetable, published, G_N_ELEMENTS (published));
  g_assert_nonnull (notice);
  g_assert_true (notice->not_later_than);
  g_assert_cmpint (g_date_compare (&published_notice, &notice->date), <=, 0);
  g_assert_cmpint (g_date_compare (&notice->date, &nominations), <, 0);
  /* Easter Monday is a working day in Scotland: only the returning officer's count skips it,
   * so without the exclusion the 23rd working day would be a day later. */
  g_assert_true (ed_calendar_is_working_day (calendar, &easter_monday));
  g_assert_true (ed_calendar_working_days_before (calendar, &timetable->poll, 23, &counted,
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&counted, &nominations), >, 0);
  /* No photo ID at a Scottish council poll, so no voter authority certificates. */
  g_assert_null (ed_timetable_lookup (timetable, ED_TIMETABLE_VAC_DEADLINE));
}

/* A Scottish council by-election over St Andrew's Day (Wednesday 30 November 2022, a bank
 * holiday in Scotland only).
 * Source: Dumfries and Galloway Council, "Election Timetable", By-Election for Ward 2 Mid
 * Galloway & Wigtown West, Thursday 8 December 2022 (notice of election not later than
 * Friday 28 October; nominations 4pm Friday 4 November; registration Monday 21 November;
 * postal 5pm Tuesday 22 November; proxy 5pm Tuesday 29 November; replacement lost postal
 * votes from Friday 2 December). Every date matched. */
static void
test_scottish_by_election_2022 (void)
{
  static const Published published[] = {
    { ED_TIMETABLE_NOTICE_OF_ELECTION, "2022-10-28" },
    { ED_TIMETABLE_NOMINATIONS_CLOSE, "2022-11-04" },
    { ED_TIMETABLE_REGISTRATION_DEADLINE, "2022-11-21" },
    { ED_TIMETABLE_POSTAL_DEADLINE, "2022-11-22" },
    { ED_TIMETABLE_PROXY_DEADLINE, "2022-11-29" },
    { ED_TIMETABLE_POSTAL_REPLACEMENT_FROM, "2022-12-02" },
    { ED_TIMETABLE_POLL, "2022-12-08" },
  };
  g_autoptr(EdTimetable) timetable =
    compute (ED_ELECTION_SCOTTISH_LOCAL, ED_COUNTRY_SCOTLAND, "2022-12-08", NULL);

  assert_published (timetable, published, G_N_ELEMENTS (published));
}

/* A day of mourning added to the calendar is a dies non (DOMAIN.md §8): every date counted
 * back over it moves a working day earlier, and those after it stay. */
static void
test_day_of_mourning_moves_dates (void)
{
  g_autoptr(EdCalendar) calendar = calendar_for (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND);
  g_autoptr(EdTimetable) before =
    compute_on (calendar, ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2024-05-02", NULL);
  g_autoptr(EdTimetable) after = NULL;
  g_autoptr(GError) error = NULL;
  GDate mourning = date ("2024-04-10");
  static const Published moved[] = {
    { ED_TIMETABLE_NOTICE_OF_ELECTION, "2024-03-25" },
    { ED_TIMETABLE_NOMINATIONS_CLOSE, "2024-04-04" },
    { ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED, "2024-04-05" },
    { ED_TIMETABLE_REGISTRATION_DEADLINE, "2024-04-16" },
    { ED_TIMETABLE_PROXY_DEADLINE, "2024-04-24" },
  };

  g_assert_true (ed_calendar_add_dies_non (calendar, &mourning, "National day of mourning",
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ed_calendar_get_dies_non_reason (calendar, &mourning), ==,
                   "National day of mourning");
  after = compute_on (calendar, ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2024-05-02", NULL);
  assert_published (after, moved, G_N_ELEMENTS (moved));
  assert_consistent (calendar, after);
  g_assert_cmpint (g_date_compare (&ed_timetable_lookup (before,
                                                         ED_TIMETABLE_NOMINATIONS_CLOSE)->date,
                                   &ed_timetable_lookup (after,
                                                         ED_TIMETABLE_NOMINATIONS_CLOSE)->date),
                   >, 0);
  /* A poll cannot be held on it either. */
  g_assert_false (ed_election_check_poll_date (calendar, &mourning, NULL));
}

/* The same through the district: a day added with ed_extra_dies_non_add() moves an existing
 * election's dates. */
static void
test_district_dies_non_moves_dates (EdTestDir     *fixture,
                                    gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, 300);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdTimetable) before = NULL;
  g_autoptr(EdTimetable) after = NULL;
  g_autofree char *id = NULL;
  g_autofree char *nominations_before = NULL;
  g_autofree char *nominations_after = NULL;
  g_autofree char *registration_after = NULL;
  EdElectionNew details = {
    .kind = ED_ELECTION_PCC,
    .country = ED_COUNTRY_ENGLAND,
  };
  GDate mourning = date ("2028-04-12");

  details.poll = date ("2028-05-04");
  id = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  election = ed_election_load (context, id, &error);
  g_assert_no_error (error);
  before = ed_election_get_timetable (context, election, &error);
  g_assert_no_error (error);
  nominations_before = date_of (before, ED_TIMETABLE_NOMINATIONS_CLOSE);
  /* 4 May 2028 less 19 working days, over the Early May bank holiday, Easter Monday and
   * Good Friday. */
  g_assert_cmpstr (nominations_before, ==, "2028-04-04");

  /* An empty reason is refused, and nothing moves. */
  g_assert_false (ed_extra_dies_non_add (context, &mourning, "", &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_true (ed_extra_dies_non_add (context, &mourning, "National day of mourning",
                                        &error));
  g_assert_no_error (error);
  after = ed_election_get_timetable (context, election, &error);
  g_assert_no_error (error);
  nominations_after = date_of (after, ED_TIMETABLE_NOMINATIONS_CLOSE);
  registration_after = date_of (after, ED_TIMETABLE_REGISTRATION_DEADLINE);
  g_assert_cmpstr (nominations_after, ==, "2028-04-03");
  /* The registration deadline, 12 working days back, is after the day and stays. */
  {
    g_autofree char *registration_before = date_of (before, ED_TIMETABLE_REGISTRATION_DEADLINE);

    g_assert_cmpstr (registration_after, ==, registration_before);
  }
}

/* The district's days are listed once each, the earliest first, with their reasons; removing
 * one takes every row for it (two desks can each add a day) and moves the dates back. */
static void
test_district_dies_non_listed_and_removed (EdTestDir     *fixture,
                                           gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, 300);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdTimetable) skipped = NULL;
  g_autoptr(EdTimetable) restored = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *id = NULL;
  g_autofree char *nominations_skipped = NULL;
  g_autofree char *nominations_restored = NULL;
  EdExtraDiesNon *first, *second;
  EdElectionNew details = {
    .kind = ED_ELECTION_PCC,
    .country = ED_COUNTRY_ENGLAND,
  };
  GDate mourning = date ("2028-04-12");
  GDate thanksgiving = date ("2028-01-10");
  GDate never = date ("2028-04-13");

  details.poll = date ("2028-05-04");
  id = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  election = ed_election_load (context, id, &error);
  g_assert_no_error (error);

  days = ed_extra_dies_non_list (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
  g_clear_pointer (&days, g_ptr_array_unref);

  /* The day of mourning twice, as two desks would add it, and an earlier day after it. */
  g_assert_true (ed_extra_dies_non_add (context, &mourning, "National day of mourning", &error));
  g_assert_true (ed_extra_dies_non_add (context, &mourning, "National day of mourning", &error));
  g_assert_true (ed_extra_dies_non_add (context, &thanksgiving, "Day of thanksgiving", &error));
  g_assert_no_error (error);
  days = ed_extra_dies_non_list (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  first = g_ptr_array_index (days, 0);
  second = g_ptr_array_index (days, 1);
  g_assert_cmpint (g_date_compare (&first->day, &thanksgiving), ==, 0);
  g_assert_cmpstr (first->reason, ==, "Day of thanksgiving");
  g_assert_cmpint (g_date_compare (&second->day, &mourning), ==, 0);
  g_assert_cmpstr (second->reason, ==, "National day of mourning");
  skipped = ed_election_get_timetable (context, election, &error);
  g_assert_no_error (error);
  nominations_skipped = date_of (skipped, ED_TIMETABLE_NOMINATIONS_CLOSE);
  g_assert_cmpstr (nominations_skipped, ==, "2028-04-03");

  /* A day not skipped is refused, and nothing changes. */
  g_assert_false (ed_extra_dies_non_remove (context, &never, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Removed, both rows go and nominations close on the day counted before it was added. */
  g_assert_true (ed_extra_dies_non_remove (context, &mourning, &error));
  g_assert_no_error (error);
  g_clear_pointer (&days, g_ptr_array_unref);
  days = ed_extra_dies_non_list (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpint (g_date_compare (&((EdExtraDiesNon *)g_ptr_array_index (days, 0))->day,
                                   &thanksgiving), ==, 0);
  restored = ed_election_get_timetable (context, election, &error);
  g_assert_no_error (error);
  nominations_restored = date_of (restored, ED_TIMETABLE_NOMINATIONS_CLOSE);
  g_assert_cmpstr (nominations_restored, ==, "2028-04-04");

  /* Removed once, it is not there to remove again. */
  g_assert_false (ed_extra_dies_non_remove (context, &mourning, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* At a UK Parliamentary general election a bank holiday anywhere in the UK is a dies non
 * (DOMAIN.md §8): Friday 12 July 2024 (Battle of the Boyne, Northern Ireland) and Monday 5
 * August 2024 (summer bank holiday, Scotland) are skipped in England, while an English
 * local poll on the same day counts them. */
static void
test_general_election_counts_other_bank_holidays (void)
{
  g_autoptr(EdCalendar) general = calendar_for (ED_ELECTION_UK_PARLIAMENTARY_GENERAL,
                                                ED_COUNTRY_ENGLAND);
  g_autoptr(EdCalendar) local = calendar_for (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND);
  g_autoptr(EdCalendar) scottish_general =
    calendar_for (ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_SCOTLAND);
  g_autoptr(EdTimetable) at_general =
    compute_on (general, ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_ENGLAND,
                "2024-08-01", NULL);
  g_autoptr(EdTimetable) at_local =
    compute_on (local, ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2024-08-01", NULL);
  g_autofree char *general_nominations = date_of (at_general, ED_TIMETABLE_NOMINATIONS_CLOSE);
  g_autofree char *local_nominations = date_of (at_local, ED_TIMETABLE_NOMINATIONS_CLOSE);
  GDate boyne = date ("2024-07-12");
  GDate summer = date ("2024-08-05");
  GDate easter_monday = date ("2024-04-01");

  g_assert_false (ed_calendar_is_working_day (general, &boyne));
  g_assert_nonnull (ed_calendar_get_dies_non_reason (general, &boyne));
  g_assert_false (ed_calendar_is_working_day (general, &summer));
  g_assert_true (ed_calendar_is_working_day (local, &boyne));
  g_assert_true (ed_calendar_is_working_day (local, &summer));
  /* In Scotland it is England and Wales's Easter Monday the general election adds. */
  g_assert_false (ed_calendar_is_working_day (scottish_general, &easter_monday));
  g_assert_false (ed_calendar_is_working_day (scottish_general, &boyne));

  /* 19 working days before 1 August 2024: the 12th of July is skipped at the general
   * election only. */
  g_assert_cmpstr (general_nominations, ==, "2024-07-04");
  g_assert_cmpstr (local_nominations, ==, "2024-07-05");
}

/* A poll on a Sunday, a bank holiday or Christmas Day is refused, with the reason. */
static void
test_poll_on_dies_non_refused (void)
{
  static const struct
  {
    const char *day;
    const char *reason;
  } refused[] = {
    { "2024-05-05", "Sunday" },
    { "2024-05-04", "Saturday" },
    { "2024-05-06", NULL },  /* Early May bank holiday */
    { "2024-12-25", "Christmas Day" },
    { "2024-03-29", NULL },  /* Good Friday */
  };
  g_autoptr(EdCalendar) calendar = calendar_for (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) compute_error = NULL;
      GDate poll = date (refused[i].day);
      EdTimetable *timetable;

      g_test_message ("%s", refused[i].day);
      g_assert_false (ed_election_check_poll_date (calendar, &poll, &error));
      g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
      if (refused[i].reason != NULL)
        g_assert_nonnull (strstr (error->message, refused[i].reason));
      timetable = ed_timetable_compute (calendar, ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, &poll,
                                        NULL, NULL, &compute_error);
      g_assert_null (timetable);
      g_assert_error (compute_error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
    }

  /* A Thursday that is a working day is accepted. */
  {
    GDate thursday = date ("2024-05-02");

    g_assert_true (ed_election_check_poll_date (calendar, &thursday, NULL));
  }
}

/* Photo ID at the polling station (DOMAIN.md §2.3, §8): England's local, parish, mayoral
 * and PCC polls and UK Parliamentary polls from 4 May 2023 (general elections from 5
 * October 2023); Wales only at UK Parliamentary and PCC polls; Scotland only at UK
 * Parliamentary polls. */
static void
test_photo_id (void)
{
  static const struct
  {
    EdElectionKind  kind;
    EdCountry       country;
    const char     *poll;
    gboolean        needed;
  } cases[] = {
    { ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2024-05-02", TRUE },
    { ED_ELECTION_PARISH, ED_COUNTRY_ENGLAND, "2024-05-02", TRUE },
    { ED_ELECTION_MAYORAL, ED_COUNTRY_ENGLAND, "2024-05-02", TRUE },
    { ED_ELECTION_PCC, ED_COUNTRY_ENGLAND, "2024-05-02", TRUE },
    { ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2023-05-04", TRUE },
    { ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2023-05-03", FALSE },
    { ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND, "2022-05-05", FALSE },
    { ED_ELECTION_UK_PARLIAMENTARY_BY, ED_COUNTRY_ENGLAND, "2023-07-20", TRUE },
    { ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_ENGLAND, "2024-07-04", TRUE },
    { ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_ENGLAND, "2023-10-04", FALSE },
    { ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_ENGLAND, "2023-10-05", TRUE },
    { ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_SCOTLAND, "2024-07-04", TRUE },
    { ED_ELECTION_UK_PARLIAMENTARY_GENERAL, ED_COUNTRY_WALES, "2024-07-04", TRUE },
    { ED_ELECTION_LOCAL, ED_COUNTRY_WALES, "2027-05-06", FALSE },
    { ED_ELECTION_PARISH, ED_COUNTRY_WALES, "2027-05-06", FALSE },
    { ED_ELECTION_SENEDD, ED_COUNTRY_WALES, "2026-05-07", FALSE },
    { ED_ELECTION_PCC, ED_COUNTRY_WALES, "2024-05-02", TRUE },
    { ED_ELECTION_SCOTTISH_LOCAL, ED_COUNTRY_SCOTLAND, "2027-05-06", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate poll = date (cases[i].poll);

      if (ed_election_needs_photo_id (cases[i].kind, cases[i].country, &poll) !=
          cases[i].needed)
        g_error ("%s in %s on %s: photo ID %s, expected %s",
                 ed_election_kind_to_string (cases[i].kind),
                 ed_country_to_string (cases[i].country), cases[i].poll,
                 cases[i].needed ? "not needed" : "needed",
                 cases[i].needed ? "needed" : "not");
    }

  /* And the timetable has a voter authority certificate deadline exactly where ID is
   * asked for. */
  {
    g_autoptr(EdTimetable) welsh = compute (ED_ELECTION_LOCAL, ED_COUNTRY_WALES, "2022-05-05",
                                            NULL);
    g_autoptr(EdTimetable) english = compute (ED_ELECTION_LOCAL, ED_COUNTRY_ENGLAND,
                                              "2024-05-02", NULL);

    g_assert_null (ed_timetable_lookup (welsh, ED_TIMETABLE_VAC_DEADLINE));
    g_assert_nonnull (ed_timetable_lookup (english, ED_TIMETABLE_VAC_DEADLINE));
  }
}

/* Welsh principal-area elections of Thursday 5 May 2022, on the same rules as England's.
 * Source: Newport City Council, "Election timetable", Local elections May 2022 (notice of
 * election Monday 28 March; nominations 4pm Tuesday 5 April; statement of persons nominated
 * no later than 4pm Wednesday 6 April; registration Thursday 14 April; postal 5pm Tuesday 19
 * April; notice of poll and proxy 5pm Tuesday 26 April; replacement lost postal ballots from
 * Thursday 28 April). Every date matched. */
static void
test_wales_local_2022 (void)
{
  static const Published published[] = {
    { ED_TIMETABLE_NOTICE_OF_ELECTION, "2022-03-28" },
    { ED_TIMETABLE_NOMINATIONS_CLOSE, "2022-04-05" },
    { ED_TIMETABLE_STATEMENT_OF_PERSONS_NOMINATED, "2022-04-06" },
    { ED_TIMETABLE_REGISTRATION_DEADLINE, "2022-04-14" },
    { ED_TIMETABLE_POSTAL_DEADLINE, "2022-04-19" },
    { ED_TIMETABLE_NOTICE_OF_POLL, "2022-04-26" },
    { ED_TIMETABLE_PROXY_DEADLINE, "2022-04-26" },
    { ED_TIMETABLE_POSTAL_REPLACEMENT_FROM, "2022-04-28" },
    { ED_TIMETABLE_POLL, "2022-05-05" },
  };
  g_autoptr(EdTimetable) timetable = compute (ED_ELECTION_LOCAL, ED_COUNTRY_WALES,
                                              "2022-05-05", NULL);

  assert_published (timetable, published, G_N_ELEMENTS (published));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elections/timetable/england-local-2024", test_england_local_2024);
  g_test_add_func ("/elections/timetable/uk-general-election-2024",
                   test_uk_general_election_2024);
  g_test_add_func ("/elections/timetable/new-year-by-elections-2025",
                   test_new_year_by_elections_2025);
  g_test_add_func ("/elections/timetable/christmas-dies-non", test_christmas_dies_non);
  g_test_add_func ("/elections/timetable/christmas-parish-by-election-2018",
                   test_christmas_parish_by_election_2018);
  g_test_add_func ("/elections/timetable/england-local-2025-easter",
                   test_england_local_2025_easter);
  g_test_add_func ("/elections/timetable/scottish-local-2022", test_scottish_local_2022);
  g_test_add_func ("/elections/timetable/scottish-by-election-2022",
                   test_scottish_by_election_2022);
  g_test_add_func ("/elections/timetable/wales-local-2022", test_wales_local_2022);
  g_test_add_func ("/elections/timetable/day-of-mourning-moves-dates",
                   test_day_of_mourning_moves_dates);
  ED_TEST_ADD ("/elections/timetable/district-dies-non-moves-dates",
               test_district_dies_non_moves_dates);
  ED_TEST_ADD ("/elections/timetable/district-dies-non-listed-and-removed",
               test_district_dies_non_listed_and_removed);
  g_test_add_func ("/elections/timetable/general-election-counts-other-bank-holidays",
                   test_general_election_counts_other_bank_holidays);
  g_test_add_func ("/elections/timetable/poll-on-dies-non-refused",
                   test_poll_on_dies_non_refused);
  g_test_add_func ("/elections/timetable/photo-id", test_photo_id);

  return g_test_run ();
}
