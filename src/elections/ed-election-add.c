/* ed-election-add.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Adding a poll: the areas of the district it can be fought in, its contests and their seats,
 * its Democracy Club style ids, and the refusals that leave the district as it was. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-value-error.h"
#include "elections/ed-election.h"
#include "elections/ed-election-private.h"
#include "elections/ed-elections-tables.h"
#include "register/ed-register-tables.h"

/**
 * ed_election_slugify:
 * @text: a name
 *
 * Returns: (transfer full): @text as a part of a Democracy Club id: lower case ASCII letters
 *   and digits joined by hyphens, "Mill Ward" → "mill-ward", "Ynys Môn" → "ynys-mon"
 */
char *
ed_election_slugify (const char *text)
{
  g_autofree char *plain = g_str_to_ascii (text, "C");
  GString *slug = g_string_new (NULL);
  gboolean hyphen = FALSE;

  for (const char *p = plain; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (hyphen && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          hyphen = FALSE;
        }
      else if (*p != '\'')
        hyphen = TRUE;
    }
  return g_string_free (slug, FALSE);
}

/* The council's part of an id: its name without "District Council" and the like, as
 * Democracy Club names organisations ("local.ashmere-vale.2027-05-06"). */
static char *
organisation_slug (const char *council)
{
  static const char * const suffixes[] = {
    " Metropolitan Borough Council", " Borough Council", " District Council", " City Council",
    " County Council", " Council", NULL,
  };
  g_autofree char *name = g_strdup (council);

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (name, suffixes[i]))
      {
        name[strlen (name) - strlen (suffixes[i])] = '\0';
        break;
      }
  return ed_election_slugify (name);
}

/* The district's areas a kind of poll can be fought in: (row id or name, code, name,
 * seats). */
static const char *
areas_sql (EdContestArea area_kind)
{
  switch (area_kind)
    {
    case ED_CONTEST_AREA_WARD:
      return "SELECT id, code, name, seats FROM electoral_area ORDER BY code, id";
    case ED_CONTEST_AREA_PARISH:
      return "SELECT id, code, name, 1 FROM parish ORDER BY code, id";
    case ED_CONTEST_AREA_CONSTITUENCY:
      return "SELECT DISTINCT constituency, constituency, constituency, 1 "
             "FROM polling_district WHERE constituency != '' ORDER BY constituency";
    case ED_CONTEST_AREA_WHOLE:
    case ED_N_CONTEST_AREAS:
    default:
      return NULL;
    }
}

void
ed_election_area_free (EdElectionArea *area)
{
  if (area == NULL)
    return;
  g_free (area->area);
  g_free (area->code);
  g_free (area->name);
  g_free (area);
}

/**
 * ed_election_list_areas:
 * @context: the district
 * @kind: a kind of poll
 * @error: return location for an error
 *
 * The areas of the district a poll of @kind can be fought in, for a form to offer: its wards
 * or divisions, its parishes, or its constituencies. A poll held across the whole district
 * (a PCC, mayoral or referendum count) has none.
 *
 * Returns: (transfer container) (element-type EdElectionArea): the areas by code, or %NULL
 *   with @error set
 */
GPtrArray *
ed_election_list_areas (EdContext       *context,
                        EdElectionKind   kind,
                        GError         **error)
{
  EdDatabase *database;
  const char *sql;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) areas =
    g_ptr_array_new_with_free_func ((GDestroyNotify)ed_election_area_free);
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail ((guint)kind < ED_N_ELECTION_KINDS, NULL);

  sql = areas_sql (ed_contest_area_for_kind (kind));
  if (sql == NULL)
    return g_steal_pointer (&areas);
  database = ed_replica_get_database (ED_REPLICA (context));
  stmt = ed_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdElectionArea *area = g_new0 (EdElectionArea, 1);

      area->area = g_strdup (_ed_election_column_text (stmt, 0));
      area->code = g_strdup (_ed_election_column_text (stmt, 1));
      area->name = g_strdup (_ed_election_column_text (stmt, 2));
      area->seats = (guint)CLAMP (sqlite3_column_int64 (stmt, 3), 1, ED_ELECTIONS_MAX_SEATS);
      g_ptr_array_add (areas, area);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&areas);
}

typedef struct
{
  char     *area;
  char     *code;
  char     *name;
  gint64    seats;
  gboolean  contested;
} NewContest;

static void
new_contest_free (NewContest *contest)
{
  g_free (contest->area);
  g_free (contest->code);
  g_free (contest->name);
  g_free (contest);
}

static gboolean
code_in (const char * const *codes,
         const char         *code)
{
  if (codes == NULL)
    return FALSE;
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_ascii_strcasecmp (codes[i], code) == 0)
      return TRUE;
  return FALSE;
}

/* "CODE=N" for @code, or 0. */
static gboolean
seats_for (const char * const  *seats,
           const char          *code,
           gint64              *out,
           GError             **error)
{
  *out = 0;
  if (seats == NULL)
    return TRUE;
  for (guint i = 0; seats[i] != NULL; i++)
    {
      const char *equals = strchr (seats[i], '=');
      guint64 n;

      if (equals == NULL ||
          !g_ascii_string_to_unsigned (equals + 1, 10, 1, ED_ELECTIONS_MAX_SEATS, &n, NULL))
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       /* Translators: %s is what was typed; CODE=N is not translated */
                       _("Expected seats as CODE=N with N from 1 to 99, not “%s”."), seats[i]);
          return FALSE;
        }
      if (g_ascii_strncasecmp (seats[i], code, (gsize)(equals - seats[i])) == 0 &&
          strlen (code) == (gsize)(equals - seats[i]))
        *out = (gint64)n;
    }
  return TRUE;
}

static GPtrArray *
choose_contests (EdContext            *context,
                 const EdElectionNew  *details,
                 const char           *title,
                 GError              **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  EdContestArea area_kind = ed_contest_area_for_kind (details->kind);
  const char *sql = areas_sql (area_kind);
  g_autoptr(GPtrArray) contests =
    g_ptr_array_new_with_free_func ((GDestroyNotify)new_contest_free);
  g_autoptr(GString) known = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sql == NULL)
    {
      NewContest *whole = g_new0 (NewContest, 1);

      if (details->areas != NULL && details->areas[0] != NULL)
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       /* Translators: %s is a kind of election, such as "Mayoral election" */
                       _("A %s is held across the whole district: it takes no areas."),
                       ed_election_kind_get_display_name (details->kind));
          return NULL;
        }
      whole->area = g_strdup ("");
      whole->code = g_strdup ("");
      whole->name = g_strdup (title);
      whole->seats = 1;
      whole->contested = !code_in (details->uncontested, "") ;
      g_ptr_array_add (contests, whole);
      return g_steal_pointer (&contests);
    }

  stmt = ed_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = _ed_election_column_text (stmt, 1);
      NewContest *contest;
      gint64 seats;

      if (known->len > 0)
        g_string_append (known, ", ");
      g_string_append (known, code);
      if (details->areas != NULL && !code_in (details->areas, code))
        continue;
      if (!seats_for (details->seats, code, &seats, error))
        return NULL;
      contest = g_new0 (NewContest, 1);
      contest->area = g_strdup (_ed_election_column_text (stmt, 0));
      contest->code = g_strdup (code);
      contest->name = g_strdup (_ed_election_column_text (stmt, 2));
      contest->seats = seats > 0 ? seats : MAX (sqlite3_column_int64 (stmt, 3), 1);
      contest->contested = !code_in (details->uncontested, code);
      g_ptr_array_add (contests, contest);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }

  /* Every code typed must be an area of the district. */
  for (guint i = 0; details->areas != NULL && details->areas[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < contests->len && !found; j++)
        found = g_ascii_strcasecmp (((NewContest *)g_ptr_array_index (contests, j))->code,
                                    details->areas[i]) == 0;
      if (!found)
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       /* Translators: the first %s is a code typed, the second a kind of area
                        * ("Ward or division"), the third the district's codes */
                       _("“%s” is not a code of an area of the district (%s): expected one of "
                         "%s."), details->areas[i],
                       ed_contest_area_get_display_name (area_kind),
                       known->len > 0 ? known->str : _("none recorded"));
          return NULL;
        }
    }
  for (guint i = 0; details->uncontested != NULL && details->uncontested[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < contests->len && !found; j++)
        found = g_ascii_strcasecmp (((NewContest *)g_ptr_array_index (contests, j))->code,
                                    details->uncontested[i]) == 0;
      if (!found)
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       _("“%s” is given as uncontested but is not one of the election’s "
                         "areas."), details->uncontested[i]);
          return NULL;
        }
    }
  if (contests->len == 0)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   /* Translators: %s is a kind of area ("Ward or division") */
                   _("The district has no area of the kind this poll is fought in (%s): add "
                     "them to the register first."),
                   ed_contest_area_get_display_name (area_kind));
      return NULL;
    }
  return g_steal_pointer (&contests);
}

/* The name the cards give the body elected, when none is given. */
static char *
default_title (EdContext      *context,
               EdElectionKind  kind)
{
  const char *council = ed_district_settings_get_council_name (ed_context_get_settings (context));

  switch (kind)
    {
    case ED_ELECTION_LOCAL:
    case ED_ELECTION_SCOTTISH_LOCAL:
      return g_strdup (council);
    case ED_ELECTION_PARISH:
      return g_strdup (_("Parish and town councils"));
    case ED_ELECTION_UK_PARLIAMENTARY_GENERAL:
    case ED_ELECTION_UK_PARLIAMENTARY_BY:
      return g_strdup (_("UK Parliament"));
    case ED_ELECTION_PCC:
      return g_strdup (_("Police and Crime Commissioner"));
    case ED_ELECTION_MAYORAL:
      /* Translators: %s is the council's name */
      return g_strdup_printf (_("Mayor of %s"), council);
    case ED_ELECTION_SENEDD:
      return g_strdup ("Senedd Cymru");
    case ED_ELECTION_REFERENDUM:
      /* Translators: %s is the council's name */
      return g_strdup_printf (_("Referendum in %s"), council);
    case ED_N_ELECTION_KINDS:
    default:
      g_return_val_if_reached (g_strdup (council));
    }
}

static gboolean
slug_taken (EdContext   *context,
            const char  *slug,
            GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  sqlite3_stmt *stmt = ed_database_cached (database,
                                           "SELECT 1 FROM election WHERE slug = ?1 "
                                           "UNION ALL SELECT 1 FROM contest WHERE slug = ?1",
                                           error);
  int rc;

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   /* Translators: %s is an election's id, such as
                    * local.ashmere-vale.2027-05-06 */
                   _("The district already has an election %s."), slug);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return TRUE;
    }
  return FALSE;
}

/* Some polls are held only in one part of Great Britain, and the register a district keeps is
 * of one country: its polls are that country's. */
static gboolean
check_kind_and_country (EdContext       *context,
                        EdElectionKind   kind,
                        EdCountry        country,
                        GError         **error)
{
  EdCountry district_country =
    ed_district_settings_get_country (ed_context_get_settings (context));
  gboolean held;

  if (country != district_country)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: both %s are countries, such as "England" */
                   _("The district’s register is of %s: a poll held in %s cannot be taken "
                     "from it."),
                   ed_country_get_display_name (district_country),
                   ed_country_get_display_name (country));
      return FALSE;
    }
  switch (kind)
    {
    case ED_ELECTION_SENEDD:
      held = country == ED_COUNTRY_WALES;
      break;
    case ED_ELECTION_SCOTTISH_LOCAL:
      held = country == ED_COUNTRY_SCOTLAND;
      break;
    case ED_ELECTION_LOCAL:
    case ED_ELECTION_PARISH:
    case ED_ELECTION_PCC:
    case ED_ELECTION_MAYORAL:
      held = country != ED_COUNTRY_SCOTLAND;
      break;
    case ED_ELECTION_UK_PARLIAMENTARY_GENERAL:
    case ED_ELECTION_UK_PARLIAMENTARY_BY:
    case ED_ELECTION_REFERENDUM:
    case ED_N_ELECTION_KINDS:
    default:
      held = TRUE;
      break;
    }
  if (!held)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: a kind of election, then a country */
                   _("A %s is not held in %s."), ed_election_kind_get_display_name (kind),
                   ed_country_get_display_name (country));
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_election_add:
 * @context: the district
 * @details: the poll
 * @error: return location for an error
 *
 * Adds a poll and its contests in one change set. Its id follows Democracy Club's
 * (`local.ashmere-vale.2027-05-06`, a contest `local.ashmere-vale.mill-ward.2027-05-06`, a
 * by-election's contest `….mill-ward.by.2027-05-06`). Refused, with the district unchanged,
 * when polling day is not a working day the calendar covers, an area code is not the
 * district's, the id is taken, or the poll to combine with is on another day.
 *
 * Returns: (transfer full): the new election's id, or %NULL with @error set
 */
char *
ed_election_add (EdContext            *context,
                 const EdElectionNew  *details,
                 GError              **error)
{
  g_autoptr(EdCalendar) calendar = NULL;
  g_autoptr(EdTimetable) timetable = NULL;
  g_autoptr(GPtrArray) contests = NULL;
  g_autoptr(EdElection) partner = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *title = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *date = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *election_id = NULL;
  const char *prefix;
  const char *root = "";
  gboolean by_election;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (details != NULL && g_date_valid (&details->poll), NULL);
  g_return_val_if_fail ((guint)details->kind < ED_N_ELECTION_KINDS, NULL);

  if (!check_kind_and_country (context, details->kind, details->country, error))
    return NULL;
  calendar = _ed_election_calendar_for (context, details->kind, details->country, error);
  if (calendar == NULL)
    return NULL;
  timetable = ed_timetable_compute (calendar, details->kind, details->country, &details->poll,
                                    NULL, NULL, error);
  if (timetable == NULL)
    return NULL;

  if (details->title != NULL && !ed_register_text_check (details->title,
                                                         ED_ELECTIONS_TITLE_MAX_CHARS, error))
    return NULL;
  title = details->title != NULL && *details->title != '\0'
            ? g_strstrip (g_strdup (details->title))
            : default_title (context, details->kind);
  contests = choose_contests (context, details, title, error);
  if (contests == NULL)
    return NULL;

  if (details->combine_with != NULL && *details->combine_with != '\0')
    {
      partner = ed_election_load (context, details->combine_with, error);
      if (partner == NULL)
        return NULL;
      if (g_date_compare (&partner->poll, &details->poll) != 0)
        {
          g_autofree char *day = ed_date_format_long (&partner->poll);

          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       /* Translators: the first %s is an election's id, the second a date */
                       _("Only polls on the same day can be combined: %s is on %s."),
                       partner->slug, day);
          return NULL;
        }
      root = ed_election_is_combined (partner) ? partner->combined_with : partner->id;
    }

  date = ed_date_format_iso (&details->poll);
  organisation =
    organisation_slug (ed_district_settings_get_council_name (ed_context_get_settings (context)));
  prefix = ed_election_kind_get_id_prefix (details->kind);
  by_election = details->kind == ED_ELECTION_UK_PARLIAMENTARY_BY;
  if (details->kind == ED_ELECTION_UK_PARLIAMENTARY_GENERAL ||
      details->kind == ED_ELECTION_UK_PARLIAMENTARY_BY)
    slug = g_strdup_printf ("%s.%s", prefix, date);
  else
    slug = g_strdup_printf ("%s.%s.%s", prefix, organisation, date);
  if (by_election)
    {
      /* A by-election is named by its one constituency. */
      g_autofree char *area = ed_election_slugify (((NewContest *)contests->pdata[0])->name);

      g_free (slug);
      slug = g_strdup_printf ("%s.%s.by.%s", prefix, area, date);
    }
  if (slug_taken (context, slug, error))
    return NULL;

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return NULL;
  {
    const char *columns[] = { "kind", "country", "poll_date", "title", "slug", "combined_with",
                              "cards_requested" };
    GVariant *values[] = {
      g_variant_new_string (ed_election_kind_to_string (details->kind)),
      g_variant_new_string (ed_country_to_string (details->country)),
      g_variant_new_string (date),
      g_variant_new_string (title),
      g_variant_new_string (slug),
      g_variant_new_string (root),
      /* A Welsh community poll sends cards only if its council asks for them (DOMAIN.md
       * §2.1): until it does, none but anonymous electors' are printed. */
      g_variant_new_boolean (details->kind != ED_ELECTION_PARISH ||
                             details->country != ED_COUNTRY_WALES),
    };

    if (!ed_change_set_insert (change_set, ed_election_table.name, NULL, columns, values,
                               G_N_ELEMENTS (values), &election_id, error))
      return NULL;
  }
  for (guint i = 0; i < contests->len; i++)
    {
      NewContest *contest = g_ptr_array_index (contests, i);
      g_autofree char *area_slug = ed_election_slugify (contest->name);
      g_autofree char *contest_slug = NULL;
      const char *columns[] = { "election", "area_kind", "area", "name", "seats", "contested",
                                "slug" };
      GVariant *values[7];

      if (details->kind == ED_ELECTION_UK_PARLIAMENTARY_GENERAL || by_election)
        contest_slug = g_strdup_printf ("%s.%s.%s%s", prefix, area_slug,
                                        by_election ? "by." : "", date);
      else if (*contest->area == '\0')
        contest_slug = g_strdup (slug);
      else
        contest_slug = g_strdup_printf ("%s.%s.%s.%s", prefix, organisation, area_slug, date);
      if (*contest->area != '\0' && !by_election && slug_taken (context, contest_slug, error))
        return NULL;

      values[0] = g_variant_new_string (election_id);
      values[1] = g_variant_new_string (
        ed_contest_area_to_string (ed_contest_area_for_kind (details->kind)));
      values[2] = g_variant_new_string (contest->area);
      values[3] = g_variant_new_string (contest->name);
      values[4] = g_variant_new_int64 (contest->seats);
      values[5] = g_variant_new_boolean (contest->contested);
      values[6] = g_variant_new_string (contest_slug);
      if (!ed_change_set_insert (change_set, ed_contest_table.name, NULL, columns, values,
                                 G_N_ELEMENTS (values), NULL, error))
        return NULL;
    }
  if (!ed_change_set_commit (change_set, error))
    return NULL;
  return g_steal_pointer (&election_id);
}
