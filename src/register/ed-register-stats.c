/* ed-register-stats.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The register in figures: what an officer checks after an import or before a publication,
 * and what the count of entries for a sale fee comes from. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-database.h"
#include "district/ed-district-settings.h"
#include "register/ed-register-stats.h"
#include "register/ed-register-vocab.h"

static void
count_free (EdRegisterCount *count)
{
  g_free (count->key);
  g_free (count->label);
  g_free (count);
}

/* Each gives key, the count, and where the key alone does not say it, a label. An elector
 * whose district is missing still counts, under a label that says so. */
static const char by_district_sql[] =
  "SELECT coalesce (d.code, e.polling_district), count(*), d.code || ' ' || d.name "
  "FROM elector AS e LEFT JOIN polling_district AS d ON d.id = e.polling_district "
  "GROUP BY e.polling_district ORDER BY d.code, e.polling_district";
static const char by_marker_sql[] =
  "SELECT marker, count(*) FROM elector GROUP BY marker ORDER BY marker";
static const char by_absent_vote_sql[] =
  "SELECT absent_vote, count(*) FROM elector GROUP BY absent_vote ORDER BY absent_vote";
static const char by_status_sql[] =
  "SELECT status, count(*) FROM elector GROUP BY status ORDER BY status";

static const char *
district_label (const char *code)
{
  return _("No polling district");
}

static const char *
marker_label (const char *marker)
{
  static const struct { const char *letter; const char *label; } labels[] = {
    { "", N_("No marker") },
    { "F", N_("F (overseas elector)") },
    { "L", N_("L (peer)") },
    { "G", N_("G (EU citizen)") },
    { "B", N_("B (qualifying EU citizen)") },
    { "M", N_("M (qualifying foreign national)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (marker, labels[i].letter))
      return _(labels[i].label);
  return marker;
}

/* A Welsh district's own letter for qualifying foreign citizens is a setting (DOMAIN.md §1.2,
 * [U]), so its label cannot be one of the fixed ones above. */
static void
label_welsh_marker (GPtrArray          *by_marker,
                    EdDistrictSettings *settings)
{
  const char *letter = ed_district_settings_get_welsh_marker_letter (settings);

  if (ed_district_settings_get_country (settings) != ED_COUNTRY_WALES)
    return;
  for (guint i = 0; i < by_marker->len; i++)
    {
      EdRegisterCount *count = g_ptr_array_index (by_marker, i);

      if (g_str_equal (count->key, letter))
        {
          g_free (count->label);
          count->label = g_strdup_printf (_("%s (qualifying foreign citizen)"), letter);
        }
    }
}

/* A value only a newer desk knows is counted under its own name. */
static const char *
absent_vote_label (const char *key)
{
  EdAbsentVote vote;

  if (!ed_absent_vote_from_string (key, &vote, NULL))
    return key;
  /* A count of those with none reads better as what they do. */
  if (vote == ED_ABSENT_VOTE_NONE)
    return _("Votes in person");
  return ed_absent_vote_get_display_name (vote);
}

static const char *
status_label (const char *key)
{
  EdElectorStatus status;

  return ed_elector_status_from_string (key, &status, NULL)
           ? ed_elector_status_get_display_name (status) : key;
}

typedef const char *(*LabelFunc) (const char *key);

static GPtrArray *
count_by (EdDatabase  *database,
          const char  *sql,
          LabelFunc    label,
          GError     **error)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify)count_free);
  sqlite3_stmt *stmt = ed_database_cached (database, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdRegisterCount *count = g_new0 (EdRegisterCount, 1);
      const char *key = (const char *)sqlite3_column_text (stmt, 0);

      count->key = g_strdup (key);
      count->count = sqlite3_column_int64 (stmt, 1);
      if (sqlite3_column_count (stmt) > 2 && sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        count->label = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      else
        count->label = g_strdup (label (key));
      g_ptr_array_add (counts, count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/**
 * ed_register_stats_compute:
 * @context: the district
 * @error: return location for an error
 *
 * Returns: (transfer full): the register's counts
 */
EdRegisterStats *
ed_register_stats_compute (EdContext  *context,
                           GError    **error)
{
  EdDatabase *database;
  g_autoptr(EdRegisterStats) stats = g_new0 (EdRegisterStats, 1);

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  database = ed_context_get_database (context);
  if ((stats->by_polling_district = count_by (database, by_district_sql, district_label,
                                              error)) == NULL ||
      (stats->by_marker = count_by (database, by_marker_sql, marker_label, error)) == NULL ||
      (stats->by_absent_vote = count_by (database, by_absent_vote_sql, absent_vote_label,
                                         error)) == NULL ||
      (stats->by_status = count_by (database, by_status_sql, status_label, error)) == NULL)
    return NULL;
  label_welsh_marker (stats->by_marker, ed_context_get_settings (context));

  for (guint i = 0; i < stats->by_status->len; i++)
    stats->electors += ((EdRegisterCount *)g_ptr_array_index (stats->by_status, i))->count;
  return g_steal_pointer (&stats);
}

void
ed_register_stats_free (EdRegisterStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->by_polling_district, g_ptr_array_unref);
  g_clear_pointer (&stats->by_marker, g_ptr_array_unref);
  g_clear_pointer (&stats->by_absent_vote, g_ptr_array_unref);
  g_clear_pointer (&stats->by_status, g_ptr_array_unref);
  g_free (stats);
}
