/* ed-register-notice.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Monthly notices of alteration (DOMAIN.md §1.4). Each determined change waits in
 * register_alteration with an empty notice; the notice of a month lists every change
 * determined by that notice's determination deadline, per polling district, and publishing it
 * stamps those changes with the notice, makes pending additions current and removes pending
 * deletions, all in one change set. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-csv.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "district/ed-district-settings.h"
#include "core/ed-elector-number.h"
#include "core/ed-output-file.h"
#include "core/ed-today.h"
#include "register/ed-franchise.h"
#include "register/ed-notice-document.h"
#include "register/ed-notice-timetable.h"
#include "register/ed-register-notice-private.h"
#include "register/ed-register-order.h"
#include "register/ed-register-tables.h"

G_DEFINE_QUARK (ed-register-notice-error-quark, ed_register_notice_error)

static void
notice_entry_free (EdNoticeEntry *entry)
{
  g_free (entry->alteration_id);
  g_free (entry->elector_id);
  g_free (entry->number);
  g_free (entry->marker);
  g_free (entry->name);
  g_free (entry->address);
  g_free (entry->attainer_date);
  g_free (entry->reason);
  g_free (entry->detail);
  g_free (entry);
}

static void
notice_district_free (EdNoticeDistrict *district)
{
  g_free (district->code);
  g_free (district->name);
  for (guint k = 0; k < ED_N_ALTERATION_KINDS; k++)
    g_ptr_array_unref (district->entries[k]);
  g_free (district);
}

void
ed_notice_free (EdNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->council);
  g_free (notice->ero_name);
  g_free (notice->ero_address);
  g_free (notice->statutory_reference);
  g_ptr_array_unref (notice->districts);
  g_free (notice);
}

/**
 * ed_notice_get_changes:
 * @notice: a prepared notice
 * @out: (out): what publishing it will change
 *
 * The additions, deletions and amendments the notice publishes, for the confirmation a
 * person gives before publishing it (a notice never changes the register unannounced).
 */
void
ed_notice_get_changes (EdNotice        *notice,
                       EdNoticeChanges *out)
{
  g_return_if_fail (notice != NULL);
  g_return_if_fail (out != NULL);

  *out = notice->changes;
}

/**
 * ed_notice_changes_describe:
 * @changes: what a notice will change
 *
 * Returns: (transfer full): the changes in words, such as “3 additions, 1 deletion and
 *   2 amendments”
 */
char *
ed_notice_changes_describe (const EdNoticeChanges *changes)
{
  g_autofree char *additions = NULL;
  g_autofree char *deletions = NULL;
  g_autofree char *amendments = NULL;

  g_return_val_if_fail (changes != NULL, NULL);

  additions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u addition", "%u additions",
                                            changes->n_additions), changes->n_additions);
  deletions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deletion", "%u deletions",
                                            changes->n_deletions), changes->n_deletions);
  amendments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u amendment", "%u amendments",
                                             changes->n_amendments), changes->n_amendments);
  /* Translators: the three parts are "3 additions", "1 deletion" and "2 amendments". */
  return g_strdup_printf (_("%s, %s and %s"), additions, deletions, amendments);
}

/**
 * ed_register_notice_check_publishable:
 * @publication: the notice's publication date
 * @determination: its determination deadline
 * @today: the day it would be published
 * @flags: %ED_NOTICE_FLAGS_BEFORE_DATE if a person confirmed publishing early
 * @error: return location for an %ED_REGISTER_NOTICE_ERROR
 *
 * Whether a notice may be published on @today. Never on or before its determination
 * deadline, while alterations may still be determined for it (RPA 1983 s.13A(2)(a),
 * DOMAIN.md §1.4): it would leave them out. Between the deadline and the publication date,
 * only when a person has confirmed it, since an alteration has effect from the day its
 * notice is issued (s.13A(2)(b)). On or after the publication date, always.
 *
 * Returns: %TRUE if it may be published on @today
 */
gboolean
ed_register_notice_check_publishable (const GDate    *publication,
                                      const GDate    *determination,
                                      const GDate    *today,
                                      EdNoticeFlags   flags,
                                      GError        **error)
{
  g_return_val_if_fail (publication != NULL && g_date_valid (publication), FALSE);
  g_return_val_if_fail (determination != NULL && g_date_valid (determination), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_date_compare (today, determination) <= 0)
    {
      g_autofree char *when = ed_notice_format_date (publication);
      g_autofree char *deadline = ed_notice_format_date (determination);

      g_set_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_BEFORE_DEADLINE,
                   _("The notice of %s cannot be published yet: its determination deadline, "
                     "%s, has not passed"), when, deadline);
      return FALSE;
    }
  if (g_date_compare (today, publication) < 0 && !(flags & ED_NOTICE_FLAGS_BEFORE_DATE))
    {
      g_autofree char *when = ed_notice_format_date (publication);

      g_set_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_BEFORE_DATE,
                   _("The notice of %s is published before its date only when that is "
                     "confirmed"), when);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_notice_format_date:
 * @date: a date
 *
 * Returns: (transfer full): @date as a notice prints it: “Monday 1 March 2027”
 */
char *
ed_notice_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return ed_date_format_long (date);
}

/**
 * ed_notice_file_name:
 * @publication: the notice's publication date
 * @extension: `csv` or `pdf`
 *
 * Returns: (transfer full): `notice-YYYY-MM-DD.EXT`
 */
char *
ed_notice_file_name (const GDate *publication,
                     const char  *extension)
{
  g_autofree char *iso = ed_date_format_iso (publication);

  return g_strdup_printf ("notice-%s.%s", iso, extension);
}

/* The register's working days are those of the district's part of the UK. */
EdCalendar *
_ed_register_calendar (EdContext  *context,
                       GError    **error)
{
  EdCountry country = ed_district_settings_get_country (ed_context_get_settings (context));

  return ed_calendar_new (country == ED_COUNTRY_SCOTLAND ? ED_JURISDICTION_SCOTLAND
                                                         : ED_JURISDICTION_ENGLAND_AND_WALES,
                          error);
}

static const char published_on_or_after_sql[] =
  "SELECT kind, publication_date FROM register_notice "
  "WHERE published AND publication_date >= ?1 AND (?2 OR kind <> 'interim') "
  "ORDER BY publication_date = ?1 DESC, publication_date DESC LIMIT 1";

static const char published_kind_on_sql[] =
  "SELECT 1 FROM register_notice WHERE published AND kind = ?1 AND publication_date = ?2 "
  "LIMIT 1";

/**
 * ed_register_notice_is_published:
 * @context: the district
 * @kind: the kind of notice
 * @publication: its publication date
 * @out_published: (out): whether a notice of that kind and date is published
 * @error: return location for an error
 *
 * Whether a notice is published, for the elections module's list of a poll's interim
 * notices.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_register_notice_is_published (EdContext     *context,
                                 EdNoticeKind   kind,
                                 const GDate   *publication,
                                 gboolean      *out_published,
                                 GError       **error)
{
  EdDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *iso = NULL;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (publication != NULL && g_date_valid (publication), FALSE);
  g_return_val_if_fail (out_published != NULL, FALSE);

  database = ed_context_get_database (context);
  stmt = ed_database_prepare (database, published_kind_on_sql, error);
  if (stmt == NULL)
    return FALSE;
  iso = ed_date_format_iso (publication);
  sqlite3_bind_text (stmt, 1, ed_notice_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  *out_published = rc == SQLITE_ROW;
  return TRUE;
}

/* A notice is published once, and never behind a later one: the later one has already
 * published the changes this one would list. An interim notice (s.13AB) publishes only the
 * changes of its election's areas, determined by the day before it, so it never stands in
 * the way of a monthly notice or the revised register: one dated on or before it lists what
 * the interim notice left, and what it published is stamped and listed nowhere again. An
 * interim notice itself is ordered behind every notice. */
static gboolean
check_order (EdContext    *context,
             const GDate  *publication,
             gboolean      behind_interim,
             GError      **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autofree char *iso = ed_date_format_iso (publication);
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, published_on_or_after_sql, error);
  g_autofree char *when = NULL;
  GDate other;
  const char *kind_text;
  EdNoticeKind kind;
  gboolean revised;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, behind_interim);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }

  kind_text = (const char *)sqlite3_column_text (stmt, 0);
  revised = kind_text != NULL && ed_notice_kind_from_string (kind_text, &kind, NULL) &&
            kind == ED_NOTICE_KIND_REVISED;
  g_date_clear (&other, 1);
  if (!ed_date_parse_iso ((const char *)sqlite3_column_text (stmt, 1), &other, error))
    return FALSE;
  when = ed_notice_format_date (&other);

  if (g_date_compare (&other, publication) == 0)
    g_set_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_ALREADY_PUBLISHED,
                 revised ? _("The revised register of %s is already published")
                         : _("The notice of alteration of %s is already published"),
                 when);
  else
    g_set_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_LATER_PUBLISHED,
                 revised ? _("The revised register of %s is already published: a notice "
                             "dated before it can no longer be published")
                         : _("The notice of alteration of %s is already published: a notice "
                             "dated before it can no longer be published"),
                 when);
  return FALSE;
}

gboolean
_ed_register_notice_check_order (EdContext    *context,
                                 const GDate  *publication,
                                 GError      **error)
{
  return check_order (context, publication, FALSE, error);
}

/* The alterations a notice publishes: determined by its deadline and not yet published.
 * A change never determined (no date) waits.
 *
 * The notice shows each entry as its alterations up to the deadline left it. The editor
 * writes an amendment into the entry at once, so an entry amended again after the deadline
 * holds values this notice must not publish: each such later amendment kept the values
 * before it (0009-alteration-published-values.sql), and the earliest of them naming a
 * field holds the field's value as at this notice, as the published walk reads them
 * (ed-register-export.c). */
#define AS_NOTICED(column) "coalesce (later.v ->> '" column "', e." column ", '')"
static const char gather_sql[] =
  "WITH later_field (elector, key, value, id) AS ("
  "  SELECT x.elector, j.key, j.value, x.id "
  "  FROM register_alteration AS x, "
  "    json_each (CASE WHEN json_valid (x.published) THEN x.published ELSE '{}' END) AS j "
  "  WHERE x.kind = 'amendment' AND x.notice = '' AND x.published <> '' "
  "    AND (x.determined_on = '' OR x.determined_on > ?1)), "
  "later (elector, v) AS ("
  "  SELECT elector, json_group_object (key, value) FROM ("
  "    SELECT elector, key, value, min (id) FROM later_field GROUP BY elector, key) "
  "  GROUP BY elector) "
  "SELECT a.id, a.kind, a.determined_on, a.reason, a.detail, "
  "  coalesce (e.id, ''), coalesce (d.code, e.number_prefix, ''), coalesce (d.name, ''), "
  "  coalesce (e.number_prefix, ''), coalesce (e.number, 0), coalesce (e.number_suffix, 0), "
  "  " AS_NOTICED ("title") ", " AS_NOTICED ("forenames") ", " AS_NOTICED ("surname") ", "
  "  " AS_NOTICED ("marker") ", " AS_NOTICED ("attainer_date") ", "
  "  coalesce (later.v ->> 'anonymous', e.anonymous, 0), "
  "  coalesce (later.v ->> 'other_elector', e.other_elector, 0), "
  "  p.id IS NOT NULL, coalesce (p.property, ''), "
  "  coalesce (p.street, ''), coalesce (p.locality, ''), coalesce (p.town, ''), "
  "  coalesce (p.postcode, ''), " AS_NOTICED ("date_of_birth") " "
  "FROM register_alteration AS a "
  "LEFT JOIN elector AS e ON e.id = a.elector "
  "LEFT JOIN later ON later.elector = a.elector "
  "LEFT JOIN polling_district AS d ON d.id = e.polling_district "
  "LEFT JOIN property AS p ON p.id = e.property "
  "WHERE a.notice = '' AND a.determined_on <> '' AND a.determined_on <= ?1";

enum
{
  G_ID, G_KIND, G_DETERMINED, G_REASON, G_DETAIL, G_ELECTOR, G_CODE, G_DISTRICT_NAME, G_PREFIX,
  G_NUMBER, G_SUFFIX, G_TITLE, G_FORENAMES, G_SURNAME, G_MARKER, G_ATTAINER, G_ANONYMOUS,
  G_OTHER, G_HAS_PROPERTY, G_PROPERTY, G_STREET, G_LOCALITY, G_TOWN, G_POSTCODE,
  G_DATE_OF_BIRTH,
};

/* An entry with what its place in the statutory order depends on. */
typedef struct
{
  EdNoticeEntry      *entry;
  EdRegisterEntryKey  key;
  char               *street;
  char               *property;
  char               *surname;
  char               *forenames;
} Sortable;

static void
sortable_free (Sortable *sortable)
{
  if (sortable->entry != NULL)
    notice_entry_free (sortable->entry);
  g_free (sortable->street);
  g_free (sortable->property);
  g_free (sortable->surname);
  g_free (sortable->forenames);
  g_free (sortable);
}

static int
sortable_compare (gconstpointer a,
                  gconstpointer b)
{
  const Sortable *x = *(Sortable **)a;
  const Sortable *y = *(Sortable **)b;
  int cmp = ed_register_entry_compare (&x->key, &y->key);

  return cmp != 0 ? cmp : strcmp (x->entry->alteration_id, y->entry->alteration_id);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static char *
join_non_empty (const char * const *parts,
                const char         *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, parts[i]);
    }
  return g_string_free (out, FALSE);
}

/* What a published notice may say about an entry (DOMAIN.md §1.1, §1.2): an anonymous entry
 * is its number and N only; an Other elector has no printed address; an elector under 16 on
 * the day of publication is not printed at all, so the caller withholds the entry. */
static Sortable *
sortable_from_row (sqlite3_stmt *stmt,
                   EdCountry     country,
                   const char   *welsh_letter,
                   const GDate  *publication,
                   gboolean     *out_withheld)
{
  g_autoptr(GError) error = NULL;
  Sortable *sortable = g_new0 (Sortable, 1);
  EdNoticeEntry *entry = g_new0 (EdNoticeEntry, 1);
  gboolean present = column_text (stmt, G_ELECTOR)[0] != '\0';
  gboolean anonymous = sqlite3_column_int (stmt, G_ANONYMOUS) != 0;
  gboolean has_address = sqlite3_column_int (stmt, G_HAS_PROPERTY) != 0 &&
                         sqlite3_column_int (stmt, G_OTHER) == 0;
  GDate attainer_date;
  gboolean eighteen = FALSE;
  g_autofree char *attainer = NULL;

  sortable->entry = entry;
  entry->alteration_id = g_strdup (column_text (stmt, G_ID));
  entry->elector_id = g_strdup (column_text (stmt, G_ELECTOR));
  if (!ed_alteration_kind_from_string (column_text (stmt, G_KIND), &entry->kind, NULL))
    entry->kind = ED_ALTERATION_AMENDMENT;
  g_date_clear (&entry->determined_on, 1);
  ed_date_parse_iso (column_text (stmt, G_DETERMINED), &entry->determined_on, NULL);
  entry->reason = g_strdup (column_text (stmt, G_REASON));

  /* The date the entry shows, from the date of birth when it has one: the day the elector
   * reaches voting age or, for a 16- or 17-year-old in Wales or Scotland, the day they turn
   * 18; never the date of birth (DOMAIN.md §1.2, §1.3). */
  g_date_clear (&attainer_date, 1);
  if (ed_elector_entry_dates (country, column_text (stmt, G_DATE_OF_BIRTH),
                              column_text (stmt, G_ATTAINER), publication, out_withheld,
                              &eighteen, &attainer_date))
    attainer = ed_date_format_iso (&attainer_date);
  else
    attainer = g_strdup ("");

  if (!ed_elector_number_set (&sortable->key.number, column_text (stmt, G_PREFIX),
                              (guint32)sqlite3_column_int64 (stmt, G_NUMBER),
                              (guint32)sqlite3_column_int64 (stmt, G_SUFFIX), &error))
    {
      memset (&sortable->key.number, 0, sizeof sortable->key.number);
      g_strlcpy (sortable->key.number.prefix, column_text (stmt, G_PREFIX),
                 sizeof sortable->key.number.prefix);
    }
  sortable->key.section = ed_register_section_for (anonymous, has_address);

  if (!present)
    {
      entry->number = g_strdup ("");
      entry->marker = g_strdup ("");
      entry->name = g_strdup (_("(no longer in the register)"));
      entry->address = g_strdup ("");
      entry->attainer_date = g_strdup ("");
    }
  else if (sortable->key.number.number > 0)
    entry->number = ed_elector_number_format (&sortable->key.number);
  else
    entry->number = g_strdup (column_text (stmt, G_PREFIX));

  if (present && anonymous)
    {
      entry->marker = g_strdup ("N");
      entry->name = g_strdup ("");
      entry->address = g_strdup ("");
      entry->attainer_date = g_strdup ("");
    }
  else if (present)
    {
      const char *name_parts[] = {
        column_text (stmt, G_SURNAME), column_text (stmt, G_FORENAMES), NULL,
      };
      /* "19 Linden Crescent", as the register prints it: the property and its street
       * are one line of the address. */
      const char *front_door_parts[] = {
        column_text (stmt, G_PROPERTY), column_text (stmt, G_STREET), NULL,
      };
      g_autofree char *front_door = join_non_empty (front_door_parts, " ");
      const char *address_parts[] = {
        front_door, column_text (stmt, G_LOCALITY), column_text (stmt, G_TOWN),
        column_text (stmt, G_POSTCODE), NULL,
      };

      /* Legacy markers are never published (DOMAIN.md §1.2). */
      entry->marker = g_strdup (ed_franchise_marker_published_letter (column_text (stmt,
                                                                                  G_MARKER),
                                                                      welsh_letter));
      /* Names as the register prints them: "Surname, Forenames" (ed-register-document.c). */
      entry->name = join_non_empty (name_parts, ", ");
      entry->address = has_address ? join_non_empty (address_parts, ", ") : g_strdup ("");
      entry->attainer_date = g_strdup (attainer);
      sortable->street = g_strdup (column_text (stmt, G_STREET));
      sortable->property = g_strdup (column_text (stmt, G_PROPERTY));
      sortable->surname = g_strdup (column_text (stmt, G_SURNAME));
      sortable->forenames = g_strdup (column_text (stmt, G_FORENAMES));
    }

  /* A published notice shows what the statutory notice shows and nothing more: the entry
   * as added, deleted or amended, and an attainer's date (DOMAIN.md §1.2). Never a
   * deletion's reason, the desk's note of what an amendment changed (which can hold a former
   * name, an absent vote or an opt-out), or anything of an anonymous entry; the reason and
   * the note stay in @reason and the alteration's record for the officer. */
  if (entry->kind != ED_ALTERATION_DELETION && !anonymous && entry->attainer_date != NULL &&
      entry->attainer_date[0] != '\0' && g_date_valid (&attainer_date))
    {
      g_autofree char *when = ed_notice_format_date (&attainer_date);

      entry->detail = eighteen
                        /* Translators: %s is a date: the day a 16- or 17-year-old
                         * local-government-only elector in Wales or Scotland turns 18. */
                        ? g_strdup_printf (_("Aged 18: %s"), when)
                        : g_strdup_printf (_("Attainer: %s"), when);
    }
  else
    entry->detail = g_strdup ("");

  sortable->key.street = sortable->street;
  sortable->key.property = sortable->property;
  sortable->key.surname = sortable->surname;
  sortable->key.forenames = sortable->forenames;
  return sortable;
}

/* An address of several lines on one line of a heading. */
static char *
one_line (const char *address)
{
  g_auto(GStrv) lines = g_strsplit (address != NULL ? address : "", "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_ptr_array_add (kept, lines[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (", ", (char **)kept->pdata);
}

/* The provision a notice is published under, as its heading cites it: a monthly notice
 * under RPA 1983 s.13A, an interim notice of an election under s.13AB, and the revised
 * register under s.13 (DOMAIN.md §1.4). */
const char *
_ed_register_notice_reference (EdNoticeKind kind)
{
  switch (kind)
    {
    case ED_NOTICE_KIND_INTERIM:
      return _("Representation of the People Act 1983, section 13AB");
    case ED_NOTICE_KIND_REVISED:
      return _("Representation of the People Act 1983, section 13");
    case ED_NOTICE_KIND_MONTHLY:
    default:
      return _("Representation of the People Act 1983, section 13A");
    }
}

static int
district_compare (gconstpointer a,
                  gconstpointer b)
{
  const EdNoticeDistrict *x = *(EdNoticeDistrict **)a;
  const EdNoticeDistrict *y = *(EdNoticeDistrict **)b;

  return strcmp (x->code, y->code);
}

/* The notice of @publication as the register stands: every change determined on or before
 * @determination and not yet published, in the polling districts of @areas (all when
 * %NULL), grouped and ordered for printing. */
static EdNotice *
gather (EdContext    *context,
        EdNoticeKind  kind,
        const GDate  *publication,
        const GDate  *determination,
        GHashTable   *areas,
        GError      **error)
{
  EdDatabase *database = ed_context_get_database (context);
  EdDistrictSettings *settings = ed_context_get_settings (context);
  EdCountry country = ed_district_settings_get_country (settings);
  g_autofree char *deadline = ed_date_format_iso (determination);
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, gather_sql, error);
  g_autoptr(GHashTable) by_code = NULL;
  g_autoptr(GHashTable) amended = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(EdNotice) notice = NULL;
  GHashTableIter iter;
  GPtrArray **lists;
  int rc;

  if (stmt == NULL)
    return NULL;

  notice = g_new0 (EdNotice, 1);
  notice->publication = *publication;
  notice->determination = *determination;
  notice->required = TRUE;
  notice->council = g_strdup (ed_district_settings_get_council_name (settings));
  if (notice->council == NULL)
    notice->council = g_strdup ("");
  notice->ero_name = g_strdup (ed_district_settings_get (settings, "ero-name"));
  if (notice->ero_name == NULL)
    notice->ero_name = g_strdup ("");
  notice->ero_address = one_line (ed_district_settings_get (settings, "council-address"));
  notice->statutory_reference = g_strdup (_ed_register_notice_reference (kind));
  notice->districts = g_ptr_array_new_with_free_func ((GDestroyNotify)notice_district_free);

  /* code → the district's lists of Sortable, one per kind */
  by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  sqlite3_bind_text (stmt, 1, deadline, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = column_text (stmt, G_CODE);
      gboolean withheld = FALSE;
      Sortable *sortable;

      if (areas != NULL && !g_hash_table_contains (areas, code))
        continue;
      sortable = sortable_from_row (stmt, country,
                                              ed_district_settings_get_welsh_marker_letter (
                                                settings),
                                              publication, &withheld);

      notice->n_alterations++;
      /* An entry amended twice before its notice is one amended entry: the notice shows it
       * once, as it now stands. */
      if (sortable->entry->kind == ED_ALTERATION_AMENDMENT &&
          sortable->entry->elector_id[0] != '\0' &&
          !g_hash_table_add (amended, g_strdup (sortable->entry->elector_id)))
        {
          sortable_free (sortable);
          continue;
        }
      switch (sortable->entry->kind)
        {
        case ED_ALTERATION_ADDITION:
          notice->changes.n_additions++;
          break;
        case ED_ALTERATION_DELETION:
          notice->changes.n_deletions++;
          break;
        case ED_ALTERATION_AMENDMENT:
        case ED_N_ALTERATION_KINDS:
        default:
          notice->changes.n_amendments++;
          break;
        }
      if (withheld)
        {
          notice->n_withheld++;
          sortable_free (sortable);
          continue;
        }

      lists = g_hash_table_lookup (by_code, code);
      if (lists == NULL)
        {
          EdNoticeDistrict *district = g_new0 (EdNoticeDistrict, 1);

          district->code = g_strdup (code);
          district->name = g_strdup (column_text (stmt, G_DISTRICT_NAME));
          for (guint k = 0; k < ED_N_ALTERATION_KINDS; k++)
            district->entries[k] = g_ptr_array_new_with_free_func ((GDestroyNotify)sortable_free);
          g_ptr_array_add (notice->districts, district);
          g_hash_table_insert (by_code, g_strdup (code), district->entries);
          lists = district->entries;
        }
      g_ptr_array_add (lists[sortable->entry->kind], sortable);
      notice->n_entries++;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }

  g_ptr_array_sort (notice->districts, district_compare);

  /* Each list in the register's statutory order, then the Sortables give up their entries. */
  g_hash_table_iter_init (&iter, by_code);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&lists))
    for (guint k = 0; k < ED_N_ALTERATION_KINDS; k++)
      {
        GPtrArray *sorted = lists[k];
        GPtrArray *entries = g_ptr_array_new_full (sorted->len,
                                                   (GDestroyNotify)notice_entry_free);

        g_ptr_array_sort (sorted, sortable_compare);
        for (guint i = 0; i < sorted->len; i++)
          {
            Sortable *sortable = g_ptr_array_index (sorted, i);

            g_ptr_array_add (entries, g_steal_pointer (&sortable->entry));
          }
        g_ptr_array_unref (sorted);
        lists[k] = entries;
      }

  return g_steal_pointer (&notice);
}

EdNotice *
_ed_register_notice_gather (EdContext    *context,
                            const GDate  *publication,
                            const GDate  *determination,
                            GError      **error)
{
  return gather (context, ED_NOTICE_KIND_MONTHLY, publication, determination, NULL, error);
}

static const char district_exists_sql[] = "SELECT 1 FROM polling_district WHERE code = ?1";

/* The codes of @areas as a set, each a polling district of the district's: an election's
 * area the register does not have is a mistake to name, not a notice of nothing. */
static GHashTable *
areas_set (EdContext           *context,
           const char * const  *areas,
           GError             **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, district_exists_sql, error);
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; areas[i] != NULL; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, areas[i], -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_UNKNOWN_AREA,
                       _("“%s” is not a polling district of this register"), areas[i]);
          return NULL;
        }
      if (rc != SQLITE_ROW)
        {
          ed_database_set_error (database, rc, error);
          return NULL;
        }
      g_hash_table_add (set, (gpointer) areas[i]);
    }
  if (g_hash_table_size (set) == 0)
    {
      g_set_error_literal (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_UNKNOWN_AREA,
                           _("An interim notice needs the polling districts of its election"));
      return NULL;
    }
  return g_steal_pointer (&set);
}

/**
 * ed_register_notice_prepare_interim:
 * @context: the district
 * @dates: one of the interim notices' dates from ed_notice_timetable_election_interim()
 * @areas: (array zero-terminated=1) (nullable): the codes of the polling districts the
 *   election covers; %NULL for every one
 * @error: return location for an %ED_REGISTER_NOTICE_ERROR
 *
 * An interim notice of alteration of an election, prepared by the same machinery as the
 * monthly notices (DOMAIN.md §1.4, RPA 1983 s.13AB): the changes determined by its
 * determination deadline and not yet published, in the areas the election covers only, and
 * shown as a monthly notice shows them, under the provision it is published under. The
 * elections module calls it with its poll's areas and dates.
 *
 * Returns: (transfer full) (nullable): the notice, or %NULL if a notice of that date or a
 *   later one is published already
 */
EdNotice *
ed_register_notice_prepare_interim (EdContext            *context,
                                    const EdNoticeDates  *dates,
                                    const char * const   *areas,
                                    GError              **error)
{
  g_autoptr(GHashTable) set = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (dates != NULL && g_date_valid (&dates->publication) &&
                        g_date_valid (&dates->determination), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_order (context, &dates->publication, TRUE, error))
    return NULL;
  if (areas != NULL)
    {
      set = areas_set (context, areas, error);
      if (set == NULL)
        return NULL;
    }
  return gather (context, ED_NOTICE_KIND_INTERIM, &dates->publication, &dates->determination,
                 set, error);
}

/**
 * ed_register_notice_prepare:
 * @context: the district
 * @publication: the notice's publication date: the first working day of a month
 * @flags: whether an optional notice, in the months before the revised register, may be
 *   prepared
 * @error: return location for an %ED_REGISTER_NOTICE_ERROR
 *
 * The monthly notice of alteration published on @publication, as it stands (DOMAIN.md
 * §1.4): every change determined on or before its determination deadline (the 10th working
 * day before publication) that no notice has published yet, grouped by polling district and
 * within each into additions, deletions and amendments, each in the register's statutory
 * order. A notice lists changes determined before earlier deadlines too, if no notice
 * published them.
 *
 * It refuses a day that is not a notice's publication date, a month in which no notice is
 * due (October to December before a 1 December revised register) unless @flags allows an
 * optional one, and a notice published already or dated before a published one.
 *
 * Returns: (transfer full): the notice, which may list nothing; %NULL with @error set
 */
EdNotice *
ed_register_notice_prepare (EdContext      *context,
                            const GDate    *publication,
                            EdNoticeFlags   flags,
                            GError        **error)
{
  g_autoptr(EdCalendar) calendar = NULL;
  EdNoticeDates dates;
  EdNotice *notice;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (publication != NULL && g_date_valid (publication), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  calendar = _ed_register_calendar (context, error);
  if (calendar == NULL)
    return NULL;
  if (!ed_notice_timetable_for_month (calendar, g_date_get_year (publication),
                                      g_date_get_month (publication), NULL, &dates, error))
    return NULL;

  if (g_date_compare (&dates.publication, publication) != 0)
    {
      g_autofree char *asked = ed_notice_format_date (publication);
      g_autofree char *due = ed_notice_format_date (&dates.publication);

      g_set_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_NOT_A_NOTICE_DATE,
                   _("%s is not the date of a notice of alteration: the notice of that month "
                     "is published on %s, its first working day"),
                   asked, due);
      return NULL;
    }

  /* DOMAIN.md §1.4: none is required in the month of the revised register or in the two
   * before it, though the ERO may publish one. */
  if (!dates.required && !(flags & ED_NOTICE_FLAGS_OPTIONAL))
    {
      char month[64];

      g_date_strftime (month, sizeof month, "%B %Y", publication);
      g_set_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_NO_NOTICE_DUE,
                   _("No notice of alteration is due in %s: it is one of the months before "
                     "the revised register, whose changes it publishes instead. Ask for an "
                     "optional notice to publish one anyway"),
                   month);
      return NULL;
    }

  if (!_ed_register_notice_check_order (context, publication, error))
    return NULL;

  notice = _ed_register_notice_gather (context, publication, &dates.determination, error);
  if (notice != NULL)
    notice->required = dates.required;
  return notice;
}

/* The notice as CSV text, as ed_notice_write_csv() describes it. */
static GString *
notice_csv_text (EdNotice *notice)
{
  static const char *header[] = {
    "polling_district", "polling_district_name", "alteration", "elector_number",
    "franchise_marker", "name", "address", "attainer_date", "detail",
  };
  GString *out = g_string_new (NULL);

  ed_csv_append_row (out, header, G_N_ELEMENTS (header), ',');
  for (guint d = 0; d < notice->districts->len; d++)
    {
      EdNoticeDistrict *district = g_ptr_array_index (notice->districts, d);

      for (guint k = 0; k < ED_N_ALTERATION_KINDS; k++)
        for (guint i = 0; i < district->entries[k]->len; i++)
          {
            EdNoticeEntry *entry = g_ptr_array_index (district->entries[k], i);
            const char *fields[] = {
              district->code, district->name, ed_alteration_kind_to_string (k), entry->number,
              entry->marker, entry->name, entry->address, entry->attainer_date, entry->detail,
            };

            ed_csv_append_row (out, fields, G_N_ELEMENTS (fields), ',');
          }
    }

  return out;
}

/**
 * ed_notice_write_csv:
 * @notice: a notice
 * @file: where to write it
 * @error: return location for an error
 *
 * Writes the notice as CSV, one line per printed entry: `polling_district`,
 * `polling_district_name`, `alteration` (addition, deletion or amendment), `elector_number`,
 * `franchise_marker`, `name`, `address`, `attainer_date`, `detail`.
 */
gboolean
ed_notice_write_csv (EdNotice  *notice,
                     GFile     *file,
                     GError   **error)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(EdOutputFile) out = NULL;

  g_return_val_if_fail (notice != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = notice_csv_text (notice);
  out = ed_output_file_new_for_file (file, error);
  return out != NULL && ed_output_file_write (out, text->str, text->len, error) &&
         ed_output_file_commit (out, error);
}

/* A register_notice row, published. */
char *
_ed_register_notice_insert (EdChangeSet   *change_set,
                            EdNoticeKind   kind,
                            const GDate   *publication,
                            GError       **error)
{
  const char *columns[ED_REGISTER_NOTICE_N_COLS];
  g_autofree char *iso = ed_date_format_iso (publication);
  GVariant *values[ED_REGISTER_NOTICE_N_COLS];
  char *id = NULL;

  values[ED_REGISTER_NOTICE_COL_KIND] = g_variant_new_string (ed_notice_kind_to_string (kind));
  values[ED_REGISTER_NOTICE_COL_PUBLICATION_DATE] = g_variant_new_string (iso);
  values[ED_REGISTER_NOTICE_COL_PUBLISHED] = g_variant_new_boolean (TRUE);
  ed_register_table_column_names (&ed_register_notice_table, columns);
  if (!ed_change_set_insert (change_set, ed_register_notice_table.name, NULL, columns,
                             (GVariant * const *)values, G_N_ELEMENTS (columns), &id, error))
    return NULL;
  return id;
}

/* The area is found as gather_sql finds it, so what is stamped is what was listed. */
static const char resolve_sql[] =
  "SELECT a.id, a.kind, coalesce (e.id, ''), coalesce (e.status, ''), "
  "  coalesce (d.code, e.number_prefix, '') "
  "FROM register_alteration AS a LEFT JOIN elector AS e ON e.id = a.elector "
  "LEFT JOIN polling_district AS d ON d.id = e.polling_district "
  "WHERE a.notice = '' AND a.determined_on <> '' AND a.determined_on <= ?1";

enum
{
  R_ID, R_KIND, R_ELECTOR, R_STATUS, R_CODE,
};

typedef struct
{
  char     *alteration;
  char     *elector;
  gboolean  adds;       /* the addition of an elector pending addition */
  gboolean  deletes;    /* the deletion of an elector pending deletion */
} Resolution;

static void
resolution_free (Resolution *resolution)
{
  g_free (resolution->alteration);
  g_free (resolution->elector);
  g_free (resolution);
}

/* Publishing the changes determined by @determination, in the polling districts of @areas
 * (every one when %NULL), with the notice @notice_id: each is stamped with the notice; an elector added becomes current and one deleted leaves the
 * register (0004-register.sql). The ids of the electors deleted go into @deleted, if given.
 * The rows are read first and written after, so no statement reads what it writes. */
gboolean
_ed_register_notice_resolve (EdChangeSet         *change_set,
                             EdContext           *context,
                             const GDate         *determination,
                             GHashTable          *areas,
                             const char          *notice_id,
                             GHashTable          *deleted,
                             EdNoticeResolution  *out,
                             GError             **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autofree char *deadline = ed_date_format_iso (determination);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)resolution_free);
  g_autoptr(GHashTable) to_delete = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) to_confirm = g_hash_table_new (g_str_hash, g_str_equal);
  EdNoticeResolution result = { 0 };
  GHashTableIter iter;
  const char *elector;
  int rc;

  {
    g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, resolve_sql, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, deadline, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        Resolution *row;
        EdAlterationKind kind;
        EdElectorStatus status;
        gboolean known =
          ed_alteration_kind_from_string (column_text (stmt, R_KIND), &kind, NULL) &&
          ed_elector_status_from_string (column_text (stmt, R_STATUS), &status, NULL);

        if (areas != NULL && !g_hash_table_contains (areas, column_text (stmt, R_CODE)))
          continue;
        row = g_new0 (Resolution, 1);
        row->alteration = g_strdup (column_text (stmt, R_ID));
        row->elector = g_strdup (column_text (stmt, R_ELECTOR));
        row->adds = known && kind == ED_ALTERATION_ADDITION &&
                    status == ED_ELECTOR_STATUS_PENDING_ADDITION;
        row->deletes = known && kind == ED_ALTERATION_DELETION &&
                       status == ED_ELECTOR_STATUS_PENDING_DELETION;
        g_ptr_array_add (rows, row);
      }
    if (rc != SQLITE_DONE)
      {
        ed_database_set_error (database, rc, error);
        return FALSE;
      }
  }

  for (guint i = 0; i < rows->len; i++)
    {
      Resolution *row = g_ptr_array_index (rows, i);

      if (!ed_change_set_set (change_set, "register_alteration", row->alteration, "notice",
                              g_variant_new_string (notice_id), error))
        return FALSE;
      result.n_alterations++;

      /* The status is what the elector editor left: a deletion withdrawn since it was
       * determined leaves the elector current, and the alteration is only stamped. */
      if (row->elector[0] == '\0')
        continue;
      if (row->deletes)
        g_hash_table_add (to_delete, row->elector);
      else if (row->adds)
        g_hash_table_add (to_confirm, row->elector);
    }

  g_hash_table_iter_init (&iter, to_confirm);
  while (g_hash_table_iter_next (&iter, (gpointer *)&elector, NULL))
    {
      if (g_hash_table_contains (to_delete, elector))
        continue;
      if (!ed_change_set_set (change_set, "elector", elector, "status",
                              g_variant_new_string (
                                ed_elector_status_to_string (ED_ELECTOR_STATUS_CURRENT)),
                              error))
        return FALSE;
      result.n_added++;
    }

  g_hash_table_iter_init (&iter, to_delete);
  while (g_hash_table_iter_next (&iter, (gpointer *)&elector, NULL))
    {
      if (!ed_change_set_delete (change_set, "elector", elector, error))
        return FALSE;
      if (deleted != NULL)
        g_hash_table_add (deleted, g_strdup (elector));
      result.n_deleted++;
    }

  if (out != NULL)
    *out = result;
  return TRUE;
}

static char *
interim_file_name (EdNoticeKind  kind,
                   const GDate  *publication,
                   const char   *extension)
{
  g_autofree char *name = ed_notice_file_name (publication, extension);

  if (kind != ED_NOTICE_KIND_INTERIM)
    return g_steal_pointer (&name);
  return g_strconcat ("interim-", name, NULL);
}

/* Publishes in one change set, committed last, so that the two files and the stamps appear
 * together or not at all:
 *
 * 1. both files are written whole under hidden temporary names and synced to the disk
 *    (core/ed-output-file.c); a failure or a cancel removes them, and nothing is published;
 * 2. both are renamed into place, two renames of an instant;
 * 3. the change set commits: the stamps are the last word.
 *
 * A failed commit (or rename) removes the files put in place. A crash between 2 and 3
 * leaves the files but no stamps: the district says the notice is not published, so it is
 * published again, and the same alterations write the same files over them. The other
 * order would be worse: a crash after the commit would leave the changes stamped as
 * published in a notice no one can print again. A crash before 2 leaves only hidden
 * `.partial` temporaries. */
static gboolean
publish (EdContext           *context,
         const GDate         *publication,
         const EdNoticeDates *interim,
         const char * const  *areas,
         EdNoticeFlags        flags,
         const char      *out_dir,
         EdProgressFunc   progress,
         gpointer         progress_data,
         GCancellable    *cancellable,
         EdNotice       **out_notice,
         char           **out_pdf_path,
         char           **out_csv_path,
         GError         **error)
{
  g_autoptr(EdNotice) notice = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *notice_id = NULL;
  g_autofree char *csv_name = NULL;
  g_autofree char *pdf_name = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autoptr(GString) csv_text = NULL;
  g_autoptr(EdDocument) document = NULL;
  g_autoptr(EdOutputFile) csv_out = NULL;
  g_autoptr(EdOutputFile) pdf_out = NULL;
  g_autoptr(GHashTable) area_set = NULL;
  EdNoticeKind kind = interim != NULL ? ED_NOTICE_KIND_INTERIM : ED_NOTICE_KIND_MONTHLY;
  EdNoticeResolution resolution;
  gboolean csv_placed = FALSE;
  gboolean pdf_placed = FALSE;

  if (progress != NULL)
    progress (0.0, _("Reading the changes determined"), progress_data);
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;

  /* Prepared inside the change set's transaction, so what is printed is what is stamped.
   * An interim notice lists and stamps its election's areas only (s.13AB); the monthly
   * notice after it lists the rest. */
  if (interim != NULL)
    {
      notice = ed_register_notice_prepare_interim (context, interim, areas, error);
      if (notice != NULL && areas != NULL)
        area_set = areas_set (context, areas, error);
      if (notice == NULL || (areas != NULL && area_set == NULL))
        return FALSE;
    }
  else
    notice = ed_register_notice_prepare (context, publication, flags, error);
  if (notice == NULL)
    return FALSE;
  {
    GDate today;

    ed_today (&today);
    if (!ed_register_notice_check_publishable (&notice->publication, &notice->determination,
                                               &today, flags, error))
      return FALSE;
  }
  if (notice->n_alterations == 0)
    {
      g_autofree char *when = ed_notice_format_date (publication);

      g_set_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_NOTHING_TO_PUBLISH,
                   _("No alteration is waiting for the notice of %s: nothing to publish"),
                   when);
      return FALSE;
    }

  notice_id = _ed_register_notice_insert (change_set, kind, publication, error);
  if (notice_id == NULL)
    return FALSE;
  if (progress != NULL)
    progress (0.2, _("Stamping the changes with the notice"), progress_data);
  if (!_ed_register_notice_resolve (change_set, context, &notice->determination, area_set,
                                    notice_id, NULL, &resolution, error))
    return FALSE;
  g_assert (resolution.n_alterations == notice->n_alterations);

  /* An interim notice may fall on a monthly notice's day: its files never take their
   * names. */
  csv_name = interim_file_name (kind, publication, "csv");
  pdf_name = interim_file_name (kind, publication, "pdf");
  csv_path = g_build_filename (out_dir, csv_name, NULL);
  pdf_path = g_build_filename (out_dir, pdf_name, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (0.5, _("Writing the notice as CSV"), progress_data);
  csv_text = notice_csv_text (notice);
  csv_out = ed_output_file_new (csv_path, error);
  if (csv_out == NULL || !ed_output_file_write (csv_out, csv_text->str, csv_text->len, error) ||
      !ed_output_file_finish (csv_out, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (0.6, _("Writing the notice as PDF"), progress_data);
  document = ed_notice_document_new (notice);
  pdf_out = ed_output_file_new (pdf_path, error);
  if (pdf_out == NULL ||
      !ed_document_write_pdf_to (document, pdf_out, NULL, NULL, cancellable, NULL, error) ||
      !ed_output_file_finish (pdf_out, error))
    return FALSE;
  /* A report, then a check: a cancel made on seeing any report before this one is seen here
   * (ed-job.c), so it never comes too late to stop the commit. */
  if (progress != NULL)
    progress (0.9, _("Saving"), progress_data);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  csv_placed = ed_output_file_publish (csv_out, error);
  pdf_placed = csv_placed && ed_output_file_publish (pdf_out, error);
  if (!pdf_placed || !ed_change_set_commit (change_set, error))
    goto failed;

  g_debug ("Published the notice of %s: %u alterations, %u added, %u deleted", csv_name,
           resolution.n_alterations, resolution.n_added, resolution.n_deleted);
  if (progress != NULL)
    progress (1.0, _("Published"), progress_data);
  if (out_notice != NULL)
    *out_notice = g_steal_pointer (&notice);
  if (out_pdf_path != NULL)
    *out_pdf_path = g_steal_pointer (&pdf_path);
  if (out_csv_path != NULL)
    *out_csv_path = g_steal_pointer (&csv_path);
  return TRUE;

failed:
  /* The change set rolls back as it goes; the files must go with it. */
  if (csv_placed)
    g_unlink (csv_path);
  if (pdf_placed)
    g_unlink (pdf_path);
  return FALSE;
}

/**
 * ed_register_notice_publish_full:
 * @context: the district
 * @publication: the notice's publication date: the first working day of a month
 * @flags: as for ed_register_notice_prepare()
 * @out_dir: the folder to write `notice-YYYY-MM-DD.pdf` and `.csv` into
 * @out_notice: (out) (optional) (transfer full): the notice published
 * @out_pdf_path: (out) (optional) (transfer full): the PDF file written
 * @out_csv_path: (out) (optional) (transfer full): the CSV file written
 * @error: return location for an error
 *
 * Publishes the notice of alteration of @publication (DOMAIN.md §1.4), in one change set: a
 * published register_notice, each of its alterations stamped with it, pending additions made
 * current and pending deletions removed; and writes it as PDF and CSV. The files are written
 * before the change set commits and removed if it fails, so either both the documents and
 * the stamps exist or neither does.
 *
 * Refuses what ed_register_notice_prepare() refuses, and a notice with nothing to publish,
 * leaving the district unchanged.
 *
 * Returns: %TRUE if the notice was published
 */
gboolean
ed_register_notice_publish_full (EdContext      *context,
                                 const GDate    *publication,
                                 EdNoticeFlags   flags,
                                 const char     *out_dir,
                                 EdNotice      **out_notice,
                                 char          **out_pdf_path,
                                 char          **out_csv_path,
                                 GError        **error)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (publication != NULL && g_date_valid (publication), FALSE);
  g_return_val_if_fail (out_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return publish (context, publication, NULL, NULL, flags, out_dir, NULL, NULL, NULL,
                  out_notice, out_pdf_path, out_csv_path, error);
}

/**
 * ed_register_notice_publish_interim:
 * @context: the district
 * @dates: one of the interim notices' dates from ed_notice_timetable_election_interim()
 * @areas: (array zero-terminated=1): the codes of the polling districts the election covers
 * @flags: %ED_NOTICE_FLAGS_BEFORE_DATE if a person confirmed publishing before its date
 * @out_dir: the folder to write `interim-notice-YYYY-MM-DD.pdf` and `.csv` into
 * @out_notice: (out) (optional) (transfer full): the notice published
 * @out_pdf_path: (out) (optional) (transfer full): the PDF file written
 * @out_csv_path: (out) (optional) (transfer full): the CSV file written
 * @error: return location for an error
 *
 * Publishes an interim notice of alteration of an election (RPA 1983 s.13AB, DOMAIN.md
 * §1.4) as ed_register_notice_publish_full() publishes a monthly one, but for @areas only:
 * only the alterations of those polling districts are stamped with it and take effect, so
 * the next monthly notice still lists every other area's changes. Refuses a code that is not
 * one of the register's polling districts, naming it.
 *
 * Returns: %TRUE if the notice was published
 */
gboolean
ed_register_notice_publish_interim (EdContext           *context,
                                    const EdNoticeDates *dates,
                                    const char * const  *areas,
                                    EdNoticeFlags        flags,
                                    const char          *out_dir,
                                    EdNotice           **out_notice,
                                    char               **out_pdf_path,
                                    char               **out_csv_path,
                                    GError             **error)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (dates != NULL && g_date_valid (&dates->publication) &&
                        g_date_valid (&dates->determination), FALSE);
  g_return_val_if_fail (areas != NULL, FALSE);
  g_return_val_if_fail (out_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return publish (context, &dates->publication, dates, areas, flags, out_dir, NULL, NULL,
                  NULL, out_notice, out_pdf_path, out_csv_path, error);
}

typedef struct
{
  GDate          publication;
  EdNoticeFlags  flags;
  char          *out_dir;
  EdNotice      *notice;
  char          *pdf_path;
  char          *csv_path;
} PublishJob;

static void
publish_job_free (gpointer data)
{
  PublishJob *job = data;

  g_free (job->out_dir);
  g_clear_pointer (&job->notice, ed_notice_free);
  g_free (job->pdf_path);
  g_free (job->csv_path);
  g_free (job);
}

static gboolean
publish_work (EdJob         *job,
              GObject       *connection,
              gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  PublishJob *data = task_data;

  return publish (ED_CONTEXT (connection), &data->publication, NULL, NULL, data->flags,
                  data->out_dir,
                  ed_job_progress, job, cancellable, &data->notice, &data->pdf_path,
                  &data->csv_path, error);
}

/**
 * ed_register_notice_publish_async:
 * @context: the district
 * @publication: the notice's publication date: the first working day of a month
 * @flags: as for ed_register_notice_prepare()
 * @out_dir: the folder to write `notice-YYYY-MM-DD.pdf` and `.csv` into
 * @cancellable: (nullable): to stop before the notice is published, leaving the district
 *   and the folder as they were
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Publishes the notice as ed_register_notice_publish_full() does, in a job with progress.
 *
 * Returns: (transfer none): the job, for its progress; it lives until @callback has run
 */
EdJob *
ed_register_notice_publish_async (EdContext            *context,
                                  const GDate          *publication,
                                  EdNoticeFlags         flags,
                                  const char           *out_dir,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  PublishJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (publication != NULL && g_date_valid (publication), NULL);
  g_return_val_if_fail (out_dir != NULL, NULL);

  data = g_new0 (PublishJob, 1);
  data->publication = *publication;
  data->flags = flags;
  data->out_dir = g_strdup (out_dir);
  return ed_context_run_job_async (context, publish_work, data, publish_job_free, cancellable,
                                   callback, user_data);
}

/**
 * ed_register_notice_publish_finish:
 * @job: the job ed_register_notice_publish_async() returned
 * @result: the result handed to the callback
 * @out_notice: (out) (optional) (transfer full): the notice published
 * @out_pdf_path: (out) (optional) (transfer full): the PDF file written
 * @out_csv_path: (out) (optional) (transfer full): the CSV file written
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Returns: %TRUE if the notice was published
 */
gboolean
ed_register_notice_publish_finish (EdJob          *job,
                                   GAsyncResult   *result,
                                   EdNotice      **out_notice,
                                   char          **out_pdf_path,
                                   char          **out_csv_path,
                                   GError        **error)
{
  PublishJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, publish_work), FALSE);

  if (!ed_job_run_finish (job, result, error))
    return FALSE;
  data = ed_job_get_task_data (job);
  if (out_notice != NULL)
    *out_notice = g_steal_pointer (&data->notice);
  if (out_pdf_path != NULL)
    *out_pdf_path = g_steal_pointer (&data->pdf_path);
  if (out_csv_path != NULL)
    *out_csv_path = g_steal_pointer (&data->csv_path);
  return TRUE;
}

/**
 * ed_register_notice_publish:
 * @context: the district
 * @publication: the notice's publication date: the first working day of a month
 * @out_dir: the folder to write `notice-YYYY-MM-DD.pdf` and `.csv` into
 * @out_pdf_path: (out) (optional) (transfer full): the PDF file written
 * @error: return location for an error
 *
 * Publishes a required monthly notice of alteration: ed_register_notice_publish_full()
 * without optional notices.
 *
 * Returns: %TRUE if the notice was published
 */
gboolean
ed_register_notice_publish (EdContext    *context,
                            const GDate  *publication,
                            const char   *out_dir,
                            char        **out_pdf_path,
                            GError      **error)
{
  return ed_register_notice_publish_full (context, publication, ED_NOTICE_FLAGS_NONE, out_dir,
                                          NULL, out_pdf_path, NULL, error);
}
