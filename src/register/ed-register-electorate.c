/* ed-register-electorate.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The register's electors counted per property, for the polling plan: how many live at each
 * address and how many of them vote by post, with the address's street and coordinates.
 *
 * Who counts: the entries on the register as it stands, that is current entries and pending
 * deletions (a deletion takes effect when the notice listing it is published; until then the
 * elector is on the register and may vote), and not pending additions (on the register only
 * once their notice is published). A postal voter is one with a postal vote or a postal
 * proxy (DOMAIN.md §1.6): a proxy who votes in person still comes to the station.
 *
 * At a million electors this must take a fraction of a second, so nothing here walks the
 * elector table row by row: the count per property is read from elector_by_property alone,
 * in property id order, and matched to the properties read in the same order, as a merge;
 * only the fifth of electors with an absent vote, and the few with a pending change, are
 * read from their rows (through the partial indexes elector_absent and elector_pending) and
 * their properties found by binary search. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/ed-database.h"
#include "register/ed-register-electorate.h"

static const char districts_sql[] =
  "SELECT id, code, name FROM polling_district ORDER BY code, id";
/* In the table's own order, which is nearly always id order already: row ids are
 * time-ordered UUIDs (changes/ed-row-id.c) and rows are appended as they are made. Read so, and
 * sorted only if they are not, it is half the work of reading through the id index. */
static const char properties_sql[] =
  "SELECT id, polling_district, street, easting, northing FROM property";
static const char per_property_sql[] =
  "SELECT property, count(*) FROM elector GROUP BY property";
static const char unaddressed_sql[] =
  "SELECT polling_district, count(*) FROM elector WHERE property = '' "
  "GROUP BY polling_district";
/* The WHERE of each is its partial index's own, so SQLite reads the index. */
static const char absent_sql[] =
  "SELECT property, polling_district, absent_vote, status FROM elector "
  "WHERE absent_vote != ''";
static const char pending_sql[] =
  "SELECT property, polling_district, status FROM elector WHERE status != 'current'";

typedef struct
{
  EdElectorate *electorate;
  GHashTable   *district_index;   /* id → index + 1 */
  const char   *last_district_id; /* properties come in runs of one district and street */
  gint32        last_district;
  const char   *last_street;
  guint         merge_at;         /* the next property the per-property counts may match */
} Reader;

static gint32
district_index (Reader     *reader,
                const char *id)
{
  if (reader->last_district_id == NULL || !g_str_equal (reader->last_district_id, id))
    {
      gpointer found = g_hash_table_lookup (reader->district_index, id);

      reader->last_district = found != NULL ? GPOINTER_TO_INT (found) - 1 : -1;
      reader->last_district_id =
        g_string_chunk_insert_const (reader->electorate->strings, id);
    }
  return reader->last_district;
}

static EdElectorateProperty *
find_property (Reader     *reader,
               const char *id)
{
  gint index = ed_electorate_find_property (reader->electorate, id);

  if (index < 0)
    return NULL;
  return &g_array_index (reader->electorate->properties, EdElectorateProperty, index);
}

static EdElectoratePollingDistrict *
find_district (Reader     *reader,
               const char *id)
{
  gint32 index = district_index (reader, id);

  if (index < 0)
    return NULL;
  return &g_array_index (reader->electorate->polling_districts, EdElectoratePollingDistrict,
                         index);
}

static gboolean
read_district (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  Reader *reader = user_data;
  GStringChunk *strings = reader->electorate->strings;
  EdElectoratePollingDistrict district = {
    g_string_chunk_insert (strings, (const char *)sqlite3_column_text (stmt, 0)),
    g_string_chunk_insert (strings, (const char *)sqlite3_column_text (stmt, 1)),
    g_string_chunk_insert (strings, (const char *)sqlite3_column_text (stmt, 2)),
    0, 0,
  };

  g_array_append_val (reader->electorate->polling_districts, district);
  g_hash_table_insert (reader->district_index, (gpointer)district.id,
                       GUINT_TO_POINTER (reader->electorate->polling_districts->len));
  return TRUE;
}

static gboolean
read_property (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  Reader *reader = user_data;
  GStringChunk *strings = reader->electorate->strings;
  const char *street = (const char *)sqlite3_column_text (stmt, 2);
  EdElectorateProperty property = {
    g_string_chunk_insert (strings, (const char *)sqlite3_column_text (stmt, 0)),
    district_index (reader, (const char *)sqlite3_column_text (stmt, 1)),
    NULL,
    (gint32)CLAMP (sqlite3_column_int64 (stmt, 3), G_MININT32, G_MAXINT32),
    (gint32)CLAMP (sqlite3_column_int64 (stmt, 4), G_MININT32, G_MAXINT32),
    0, 0,
  };

  /* Equal streets share one pointer; the one before is the likeliest. */
  if (reader->last_street == NULL || !g_str_equal (reader->last_street, street))
    reader->last_street = g_string_chunk_insert_const (strings, street);
  property.street = reader->last_street;
  g_array_append_val (reader->electorate->properties, property);
  return TRUE;
}

/* An elector whose property has gone is the register's validator's to report: counted at
 * no property, they would be counted nowhere the plan can place them. */
static int
compare_properties (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (((const EdElectorateProperty *)a)->id, ((const EdElectorateProperty *)b)->id);
}

/* Into id order (the BINARY collation, strcmp's), the order the per-property counts come
 * in, to be merged with them. */
static void
sort_properties (GArray *properties)
{
  for (guint i = 1; i < properties->len; i++)
    if (compare_properties (&g_array_index (properties, EdElectorateProperty, i - 1),
                            &g_array_index (properties, EdElectorateProperty, i)) > 0)
      {
        g_array_sort (properties, compare_properties);
        return;
      }
}

static gboolean
read_per_property (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  Reader *reader = user_data;
  GArray *properties = reader->electorate->properties;
  const char *id = (const char *)sqlite3_column_text (stmt, 0);

  /* Both lists ascend: step past the properties with no electors. */
  while (reader->merge_at < properties->len)
    {
      EdElectorateProperty *property = &g_array_index (properties, EdElectorateProperty,
                                                       reader->merge_at);
      int order = strcmp (property->id, id);

      if (order > 0)
        break;
      reader->merge_at++;
      if (order == 0)
        {
          property->electors += (guint32)sqlite3_column_int64 (stmt, 1);
          break;
        }
    }
  return TRUE;
}

static gboolean
read_unaddressed (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  Reader *reader = user_data;
  EdElectoratePollingDistrict *district =
    find_district (reader, (const char *)sqlite3_column_text (stmt, 0));

  if (district != NULL)
    district->unaddressed_electors += (guint32)sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
is_pending_addition (const char *status)
{
  return g_strcmp0 (status, "pending_addition") == 0;
}

/* A postal vote, or a postal proxy (DOMAIN.md §1.6). */
static gboolean
read_absent (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  Reader *reader = user_data;
  const char *property_id = (const char *)sqlite3_column_text (stmt, 0);
  const char *vote = (const char *)sqlite3_column_text (stmt, 2);

  if (is_pending_addition ((const char *)sqlite3_column_text (stmt, 3)) ||
      (g_strcmp0 (vote, "postal") != 0 && g_strcmp0 (vote, "postal_proxy") != 0))
    return TRUE;
  if (*property_id == '\0')
    {
      EdElectoratePollingDistrict *district =
        find_district (reader, (const char *)sqlite3_column_text (stmt, 1));

      if (district != NULL)
        district->unaddressed_postal++;
    }
  else
    {
      EdElectorateProperty *property = find_property (reader, property_id);

      if (property != NULL)
        property->postal++;
    }
  return TRUE;
}

/* Takes the pending additions back off the counts, which read every entry. */
static gboolean
read_pending (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  Reader *reader = user_data;
  const char *property_id = (const char *)sqlite3_column_text (stmt, 0);

  if (!is_pending_addition ((const char *)sqlite3_column_text (stmt, 2)))
    return TRUE;
  if (*property_id == '\0')
    {
      EdElectoratePollingDistrict *district =
        find_district (reader, (const char *)sqlite3_column_text (stmt, 1));

      if (district != NULL && district->unaddressed_electors > 0)
        district->unaddressed_electors--;
    }
  else
    {
      EdElectorateProperty *property = find_property (reader, property_id);

      if (property != NULL && property->electors > 0)
        property->electors--;
    }
  return TRUE;
}

static gboolean
run (EdDatabase         *database,
     const char         *sql,
     EdDatabaseRowFunc   func,
     Reader             *reader,
     GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, error);

  return stmt != NULL && ed_database_step_rows (database, stmt, func, reader, error);
}

/**
 * ed_register_electorate_compute:
 * @context: the district
 * @error: return location for an error
 *
 * Counts the electors on the register at each property, and those with no property in each
 * polling district: current entries and pending deletions, not pending additions. A postal
 * voter has a postal vote or a postal proxy.
 *
 * Returns: (transfer full): the electorate, or %NULL on a database error
 */
EdElectorate *
ed_register_electorate_compute (EdContext  *context,
                                GError    **error)
{
  g_autoptr(EdElectorate) electorate = g_new0 (EdElectorate, 1);
  g_autoptr(GHashTable) district_index = g_hash_table_new (g_str_hash, g_str_equal);
  EdDatabase *database;
  Reader reader = { electorate, district_index, NULL, -1, NULL, 0 };
  gboolean ok;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  database = ed_context_get_database (context);
  electorate->strings = g_string_chunk_new (64 * 1024);
  electorate->polling_districts = g_array_new (FALSE, FALSE,
                                               sizeof (EdElectoratePollingDistrict));
  electorate->properties = g_array_new (FALSE, FALSE, sizeof (EdElectorateProperty));

  /* One read transaction, so a sync applying other desks' edits half-way through cannot
   * give counts from two states. */
  if (!ed_database_exec (database, "SAVEPOINT electorate", error))
    return NULL;
  ok = run (database, districts_sql, read_district, &reader, error) &&
       run (database, properties_sql, read_property, &reader, error);
  if (ok)
    sort_properties (electorate->properties);
  ok = ok &&
       run (database, per_property_sql, read_per_property, &reader, error) &&
       run (database, unaddressed_sql, read_unaddressed, &reader, error) &&
       run (database, absent_sql, read_absent, &reader, error) &&
       run (database, pending_sql, read_pending, &reader, error);
  ed_database_exec (database, "RELEASE electorate", NULL);
  if (!ok)
    return NULL;

  for (guint i = 0; i < electorate->properties->len; i++)
    {
      EdElectorateProperty *property = &g_array_index (electorate->properties,
                                                       EdElectorateProperty, i);

      electorate->electors += property->electors;
      electorate->postal += property->postal;
    }
  for (guint i = 0; i < electorate->polling_districts->len; i++)
    {
      EdElectoratePollingDistrict *district = &g_array_index (electorate->polling_districts,
                                                              EdElectoratePollingDistrict, i);

      electorate->electors += district->unaddressed_electors;
      electorate->postal += district->unaddressed_postal;
    }
  return g_steal_pointer (&electorate);
}

static int
compare_property_id (const void *key,
                     const void *member)
{
  return strcmp (key, ((const EdElectorateProperty *)member)->id);
}

/**
 * ed_electorate_find_property:
 * @electorate: an electorate
 * @id: a property's row id
 *
 * Finds a property by binary search: the properties are in id order.
 *
 * Returns: its index in @electorate's properties, or -1
 */
gint
ed_electorate_find_property (EdElectorate *electorate,
                             const char   *id)
{
  const EdElectorateProperty *found;

  g_return_val_if_fail (electorate != NULL, -1);
  g_return_val_if_fail (id != NULL, -1);

  found = bsearch (id, electorate->properties->data, electorate->properties->len,
                   sizeof (EdElectorateProperty), compare_property_id);
  if (found == NULL)
    return -1;
  return (gint)(found - (const EdElectorateProperty *)electorate->properties->data);
}

/**
 * ed_electorate_find_polling_district:
 * @electorate: an electorate
 * @id: a polling district's row id
 *
 * Returns: its index in @electorate's polling_districts, or -1
 */
gint
ed_electorate_find_polling_district (EdElectorate *electorate,
                                     const char   *id)
{
  g_return_val_if_fail (electorate != NULL, -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < electorate->polling_districts->len; i++)
    if (g_str_equal (g_array_index (electorate->polling_districts,
                                    EdElectoratePollingDistrict, i).id, id))
      return (gint)i;
  return -1;
}

void
ed_electorate_free (EdElectorate *electorate)
{
  if (electorate == NULL)
    return;
  g_clear_pointer (&electorate->polling_districts, g_array_unref);
  g_clear_pointer (&electorate->properties, g_array_unref);
  if (electorate->strings != NULL)
    g_string_chunk_free (electorate->strings);
  g_free (electorate);
}
