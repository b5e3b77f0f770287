/* ed-register-expiry.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Entries that end on a date unless the elector applies again (DOMAIN.md §1.7): an overseas
 * elector's registration at the third 1 November after entry, an anonymous entry after 12
 * months. The officer lists them in good time to write to the elector; the list holds names
 * and is never published. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-elector-number.h"
#include "register/ed-register-expiry.h"

/**
 * ed_overseas_declaration_expiry:
 * @entered_on: the day the overseas elector's entry took effect
 * @out: (out): the day it ends
 *
 * An overseas elector's registration lasts until the third 1 November after entry
 * (DOMAIN.md §1.7, [C] S6, S35): added on 1 March 2024, it ends on 1 November 2026. An entry
 * made on 1 November itself counts that day as none of the three.
 */
void
ed_overseas_declaration_expiry (const GDate *entered_on,
                                GDate       *out)
{
  g_return_if_fail (entered_on != NULL && g_date_valid (entered_on));
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, G_DATE_NOVEMBER, g_date_get_year (entered_on));
  if (g_date_compare (out, entered_on) <= 0)
    g_date_add_years (out, 1);
  g_date_add_years (out, 2);
}

/**
 * ed_anonymous_entry_expiry:
 * @entered_on: the day the anonymous entry took effect
 * @out: (out): the day it lapses: %ED_ANONYMOUS_ENTRY_MONTHS later
 *
 * An anonymous entry lasts 12 months unless the elector applies again (DOMAIN.md §1.7,
 * [C] S11): one that took effect on 3 February 2027 lapses on 3 February 2028.
 */
void
ed_anonymous_entry_expiry (const GDate *entered_on,
                           GDate       *out)
{
  g_return_if_fail (entered_on != NULL && g_date_valid (entered_on));
  g_return_if_fail (out != NULL);

  *out = *entered_on;
  g_date_add_months (out, ED_ANONYMOUS_ENTRY_MONTHS);
}

/**
 * ed_expiry_kind_get_display_name:
 * @kind: why an entry expires
 *
 * Returns: (transfer none): a translated name, such as “Overseas declaration expires”
 */
const char *
ed_expiry_kind_get_display_name (EdExpiryKind kind)
{
  switch (kind)
    {
    case ED_EXPIRY_OVERSEAS_DECLARATION:
      return _("Overseas declaration expires");
    case ED_EXPIRY_ANONYMOUS_ENTRY:
      return _("Anonymous entry lapses");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
ed_expiring_entry_free (EdExpiringEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->elector_id);
  g_free (entry->number);
  g_free (entry->name);
  g_free (entry);
}

/* Each overseas or anonymous elector with the day their latest addition took effect: its
 * notice's publication date, or its determination date while the notice is pending. An entry
 * with no recorded addition (read in by an import) has no known date and is not listed. */
static const char expiring_sql[] =
  "SELECT e.id, e.number_prefix, e.number, e.number_suffix, e.surname, e.forenames, "
  "  e.anonymous, e.marker = 'F', "
  "  max (coalesce (nullif (n.publication_date, ''), a.determined_on)) "
  "FROM elector AS e "
  "JOIN register_alteration AS a ON a.elector = e.id AND a.kind = 'addition' "
  "LEFT JOIN register_notice AS n ON n.id = a.notice AND n.published "
  "WHERE (e.marker = 'F' OR e.anonymous) AND e.status <> 'pending_deletion' "
  "GROUP BY e.id";

static int
by_expiry (gconstpointer a,
           gconstpointer b)
{
  const EdExpiringEntry *x = *(EdExpiringEntry **)a;
  const EdExpiringEntry *y = *(EdExpiringEntry **)b;
  int cmp = g_date_compare (&x->expires_on, &y->expires_on);

  return cmp != 0 ? cmp : g_strcmp0 (x->number, y->number);
}

/**
 * ed_register_expiring:
 * @context: the district
 * @from: the day to look from, usually today
 * @within_days: how far ahead to look
 * @error: return location for an error
 *
 * The overseas declarations that expire and anonymous entries that lapse on or before
 * @within_days after @from, those already past included, soonest first, so that the
 * officer can write to the electors in good time (DOMAIN.md §1.7). An anonymous overseas
 * elector is listed for each.
 *
 * Returns: (transfer container) (element-type EdExpiringEntry): the entries
 */
GPtrArray *
ed_register_expiring (EdContext    *context,
                      const GDate  *from,
                      guint         within_days,
                      GError      **error)
{
  EdDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GDate until;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  until = *from;
  g_date_add_days (&until, within_days);
  database = ed_context_get_database (context);
  stmt = ed_database_prepare (database, expiring_sql, error);
  if (stmt == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ed_expiring_entry_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *entered_text = (const char *) sqlite3_column_text (stmt, 8);
      EdExpiryKind kinds[2];
      guint n_kinds = 0;
      EdElectorNumber number;
      GDate entered;

      g_date_clear (&entered, 1);
      if (entered_text == NULL || !ed_date_parse_iso (entered_text, &entered, NULL))
        continue;
      if (sqlite3_column_int (stmt, 7) != 0)
        kinds[n_kinds++] = ED_EXPIRY_OVERSEAS_DECLARATION;
      if (sqlite3_column_int (stmt, 6) != 0)
        kinds[n_kinds++] = ED_EXPIRY_ANONYMOUS_ENTRY;

      for (guint k = 0; k < n_kinds; k++)
        {
          g_autoptr(EdExpiringEntry) entry = g_new0 (EdExpiringEntry, 1);
          const char *surname = (const char *) sqlite3_column_text (stmt, 4);
          const char *forenames = (const char *) sqlite3_column_text (stmt, 5);

          entry->kind = kinds[k];
          entry->entered_on = entered;
          g_date_clear (&entry->expires_on, 1);
          g_date_clear (&entry->renewal_from, 1);
          if (entry->kind == ED_EXPIRY_OVERSEAS_DECLARATION)
            {
              ed_overseas_declaration_expiry (&entered, &entry->expires_on);
              entry->renewal_from = entry->expires_on;
              g_date_subtract_months (&entry->renewal_from, ED_OVERSEAS_RENEWAL_MONTHS);
            }
          else
            {
              /* The elector may apply again at any time. */
              ed_anonymous_entry_expiry (&entered, &entry->expires_on);
              entry->renewal_from = entered;
            }
          if (g_date_compare (&entry->expires_on, &until) > 0)
            continue;

          entry->elector_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          if (ed_elector_number_set (&number, (const char *) sqlite3_column_text (stmt, 1),
                                     (guint32) sqlite3_column_int64 (stmt, 2),
                                     (guint32) sqlite3_column_int64 (stmt, 3), NULL))
            entry->number = ed_elector_number_format (&number);
          else
            entry->number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          /* An anonymous entry is its number only, here as in search: its name is in the
           * record of anonymous entries, whose access is restricted (DOMAIN.md §1.7). */
          if (sqlite3_column_int (stmt, 6) != 0)
            entry->name = g_strdup ("");
          else if (forenames != NULL && forenames[0] != '\0')
            entry->name = g_strdup_printf ("%s, %s", surname, forenames);
          else
            entry->name = g_strdup (surname != NULL ? surname : "");
          g_ptr_array_add (entries, g_steal_pointer (&entry));
        }
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  g_ptr_array_sort (entries, by_expiry);
  return g_steal_pointer (&entries);
}
