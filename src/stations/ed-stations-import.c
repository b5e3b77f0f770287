/* ed-stations-import.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Station files into the district, through one change set: all of it or nothing. Polling
 * districts are matched by code, properties by UPRN, places by the EMS's venue id (or name and
 * postcode), stations by the EMS's id (or code); what is missing is created. Which station
 * each property votes at becomes the district's rules (station_coverage): a whole-district
 * rule for the station with most of its properties, a street rule for each street wholly at
 * another, and an exception (station_override) for each property left. Importing the same
 * file again finds everything in place and changes nothing. A dry run does all of it and
 * rolls back, so that its report is the import's to the count. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-csv.h"
#include "core/ed-database.h"
#include "core/ed-output-file.h"
#include "core/ed-uprn.h"
#include "register/ed-register-tables.h"
#include "stations/ed-stations-import.h"
#include "stations/ed-stations-tables.h"

void
ed_stations_import_report_free (EdStationsImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->files, ed_station_files_free);
  g_free (report);
}

/* --- what the district has ------------------------------------------------------------------ */

typedef struct
{
  char   *id;
  char   *postcode;
  char   *district;
  char   *street;
  gint64  easting;
  gint64  northing;
} Property;

typedef struct
{
  char   *id;
  char   *name;
  char   *address;
  char   *postcode;
  gint64  uprn;
  gint64  easting;
  gint64  northing;
  char   *ems_id;
} Place;

typedef struct
{
  char *id;
  char *place;
  char *code;
  char *ems_id;
} Station;

typedef struct
{
  char *id;
  char *a;  /* station_coverage: station; station_override: property */
  char *b;  /* station_coverage: polling_district; station_override: station */
  char *c;  /* station_coverage: street */
} Rule;

static void
property_free (Property *p)
{
  g_free (p->id);
  g_free (p->postcode);
  g_free (p->district);
  g_free (p->street);
  g_free (p);
}

static void
place_free (Place *p)
{
  g_free (p->id);
  g_free (p->name);
  g_free (p->address);
  g_free (p->postcode);
  g_free (p->ems_id);
  g_free (p);
}

static void
station_free (Station *s)
{
  g_free (s->id);
  g_free (s->place);
  g_free (s->code);
  g_free (s->ems_id);
  g_free (s);
}

static void
rule_free (Rule *r)
{
  g_free (r->id);
  g_free (r->a);
  g_free (r->b);
  g_free (r->c);
  g_free (r);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           i)
{
  const char *text = (const char *)sqlite3_column_text (stmt, i);

  return g_strdup (text != NULL ? text : "");
}

static gboolean
query (EdDatabase                     *database,
       const char                     *sql,
       gboolean (*row) (sqlite3_stmt *, gpointer),
       gpointer                        data,
       GError                        **error)
{
  sqlite3_stmt *stmt = ed_database_cached (database, sql, error);

  return stmt != NULL && ed_database_step_rows (database, stmt, row, data, error);
}

static gboolean
district_row (sqlite3_stmt *stmt,
              gpointer      data)
{
  g_hash_table_insert (data, g_utf8_casefold ((const char *)sqlite3_column_text (stmt, 1), -1),
                       column_text (stmt, 0));
  return TRUE;
}

static gboolean
property_row (sqlite3_stmt *stmt,
              gpointer      data)
{
  Property *p = g_new0 (Property, 1);
  gint64 uprn = sqlite3_column_int64 (stmt, 1);

  p->id = column_text (stmt, 0);
  p->postcode = column_text (stmt, 2);
  p->district = column_text (stmt, 3);
  p->street = column_text (stmt, 4);
  p->easting = sqlite3_column_int64 (stmt, 5);
  p->northing = sqlite3_column_int64 (stmt, 6);
  g_hash_table_insert (data, g_memdup2 (&uprn, sizeof uprn), p);
  return TRUE;
}

static gboolean
place_row (sqlite3_stmt *stmt,
           gpointer      data)
{
  Place *p = g_new0 (Place, 1);

  p->id = column_text (stmt, 0);
  p->name = column_text (stmt, 1);
  p->address = column_text (stmt, 2);
  p->postcode = column_text (stmt, 3);
  p->uprn = sqlite3_column_int64 (stmt, 4);
  p->easting = sqlite3_column_int64 (stmt, 5);
  p->northing = sqlite3_column_int64 (stmt, 6);
  p->ems_id = column_text (stmt, 7);
  g_ptr_array_add (data, p);
  return TRUE;
}

static gboolean
station_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  Station *s = g_new0 (Station, 1);

  s->id = column_text (stmt, 0);
  s->place = column_text (stmt, 1);
  s->code = column_text (stmt, 2);
  s->ems_id = column_text (stmt, 3);
  g_ptr_array_add (data, s);
  return TRUE;
}

static gboolean
rule_row (sqlite3_stmt *stmt,
          gpointer      data)
{
  Rule *r = g_new0 (Rule, 1);

  r->id = column_text (stmt, 0);
  r->a = column_text (stmt, 1);
  r->b = column_text (stmt, 2);
  r->c = sqlite3_column_count (stmt) > 3 ? column_text (stmt, 3) : g_strdup ("");
  g_ptr_array_add (data, r);
  return TRUE;
}

/* --- writing -------------------------------------------------------------------------------- */

typedef struct
{
  EdContext              *context;
  EdChangeSet            *change_set;
  EdStationsImportReport *report;
  GHashTable             *districts;    /* casefolded code → id */
  GHashTable             *properties;   /* uprn → Property */
  GPtrArray              *places;       /* Place */
  GPtrArray              *stations;     /* Station */
  GPtrArray              *coverage;     /* Rule */
  GPtrArray              *overrides;    /* Rule */
  char                  **place_ids;    /* per file place */
  char                  **station_ids;  /* per file station */
} Import;

static char *
insert (Import      *import,
        const char  *table,
        const char **columns,
        GVariant   **values,
        guint        n,
        GError     **error)
{
  char *id = NULL;

  if (!ed_change_set_insert (import->change_set, table, NULL, columns,
                             (GVariant * const *)values, n, &id, error))
    return NULL;
  return id;
}

static gboolean
set_text (Import      *import,
          const char  *table,
          const char  *id,
          const char  *column,
          char       **current,
          const char  *value,
          gboolean    *changed,
          GError     **error)
{
  if (g_strcmp0 (*current, value) == 0)
    return TRUE;
  if (!ed_change_set_set (import->change_set, table, id, column, g_variant_new_string (value),
                          error))
    return FALSE;
  g_free (*current);
  *current = g_strdup (value);
  *changed = TRUE;
  return TRUE;
}

static gboolean
set_int (Import      *import,
         const char  *table,
         const char  *id,
         const char  *column,
         gint64      *current,
         gint64       value,
         gboolean    *changed,
         GError     **error)
{
  if (*current == value)
    return TRUE;
  if (!ed_change_set_set (import->change_set, table, id, column, g_variant_new_int64 (value),
                          error))
    return FALSE;
  *current = value;
  *changed = TRUE;
  return TRUE;
}

static const char *
district_id (Import      *import,
             const char  *code,
             const char  *name,
             GError     **error)
{
  g_autofree char *key = g_utf8_casefold (code, -1);
  const char *id = g_hash_table_lookup (import->districts, key);
  const char *columns[] = { "code", "name" };
  GVariant *values[2];
  char *new_id;

  if (id != NULL || code[0] == '\0')
    return id != NULL ? id : "";
  values[0] = g_variant_new_string (code);
  values[1] = g_variant_new_string (name[0] != '\0' ? name : code);
  new_id = insert (import, ed_polling_district_table.name, columns, values, 2, error);
  if (new_id == NULL)
    return NULL;
  import->report->n_districts_added++;
  g_hash_table_insert (import->districts, g_steal_pointer (&key), new_id);
  return new_id;
}

static gboolean
write_places (Import  *import,
              GError **error)
{
  EdStationFiles *files = import->report->files;
  g_autoptr(GHashTable) claimed = g_hash_table_new (g_str_hash, g_str_equal);

  import->place_ids = g_new0 (char *, files->places->len + 1);
  for (guint i = 0; i < files->places->len; i++)
    {
      EdStationFilePlace *fp = g_ptr_array_index (files->places, i);
      Place *match = NULL;
      gboolean changed = FALSE;

      /* Each of the district's places stands for one of the file's at most, so that two the
       * file tells apart (by address) stay apart however their names compare. */
      for (guint k = 0; k < import->places->len && match == NULL; k++)
        {
          Place *p = g_ptr_array_index (import->places, k);

          if (g_hash_table_contains (claimed, p->id))
            continue;
          if (fp->venue_id[0] != '\0' ? g_str_equal (p->ems_id, fp->venue_id)
                                      : (p->ems_id[0] == '\0' &&
                                         g_utf8_collate (p->name, fp->name) == 0 &&
                                         g_ascii_strcasecmp (p->postcode, fp->postcode) == 0))
            match = p;
        }
      if (match != NULL)
        g_hash_table_add (claimed, match->id);
      if (match == NULL)
        {
          const char *columns[] = { "name", "address", "postcode", "uprn", "easting",
                                    "northing", "ems_id" };
          GVariant *values[] = {
            g_variant_new_string (fp->name), g_variant_new_string (fp->address),
            g_variant_new_string (fp->postcode), g_variant_new_int64 ((gint64)fp->uprn),
            g_variant_new_int64 (fp->easting), g_variant_new_int64 (fp->northing),
            g_variant_new_string (fp->venue_id),
          };
          Place *p = g_new0 (Place, 1);

          p->id = insert (import, ed_polling_place_table.name, columns, values,
                          G_N_ELEMENTS (columns), error);
          if (p->id == NULL)
            {
              place_free (p);
              return FALSE;
            }
          p->name = g_strdup (fp->name);
          p->address = g_strdup (fp->address);
          p->postcode = g_strdup (fp->postcode);
          p->uprn = (gint64)fp->uprn;
          p->easting = fp->easting;
          p->northing = fp->northing;
          p->ems_id = g_strdup (fp->venue_id);
          g_hash_table_add (claimed, p->id);
          g_ptr_array_add (import->places, p);
          import->report->n_places_added++;
          import->place_ids[i] = g_strdup (p->id);
          continue;
        }

      /* What the file gives wins; what it leaves blank (a location, a UPRN) is kept. */
      if (!set_text (import, "polling_place", match->id, "name", &match->name, fp->name,
                     &changed, error) ||
          !set_text (import, "polling_place", match->id, "address", &match->address,
                     fp->address, &changed, error) ||
          (fp->postcode[0] != '\0' &&
           !set_text (import, "polling_place", match->id, "postcode", &match->postcode,
                      fp->postcode, &changed, error)) ||
          (fp->uprn != 0 &&
           !set_int (import, "polling_place", match->id, "uprn", &match->uprn,
                     (gint64)fp->uprn, &changed, error)) ||
          (fp->easting != 0 &&
           (!set_int (import, "polling_place", match->id, "easting", &match->easting,
                      fp->easting, &changed, error) ||
            !set_int (import, "polling_place", match->id, "northing", &match->northing,
                      fp->northing, &changed, error))))
        return FALSE;
      if (changed)
        import->report->n_places_updated++;
      import->place_ids[i] = g_strdup (match->id);
    }
  return TRUE;
}

static gboolean
write_stations (Import  *import,
                GError **error)
{
  EdStationFiles *files = import->report->files;
  g_autoptr(GHashTable) claimed = g_hash_table_new (g_str_hash, g_str_equal);

  import->station_ids = g_new0 (char *, files->stations->len + 1);
  for (guint i = 0; i < files->stations->len; i++)
    {
      EdStationFileStation *fs = g_ptr_array_index (files->stations, i);
      const char *place = import->place_ids[fs->place];
      Station *match = NULL;
      gboolean changed = FALSE;

      for (guint k = 0; k < import->stations->len && match == NULL; k++)
        {
          Station *s = g_ptr_array_index (import->stations, k);

          if (g_str_equal (s->ems_id, fs->key))
            match = s;
        }
      for (guint k = 0; k < import->stations->len && match == NULL; k++)
        {
          Station *s = g_ptr_array_index (import->stations, k);

          if (s->ems_id[0] == '\0' && g_str_equal (s->code, fs->code) &&
              !g_hash_table_contains (claimed, s->id))
            match = s;
        }
      if (match != NULL)
        g_hash_table_add (claimed, match->id);
      if (match == NULL)
        {
          const char *columns[] = { "place", "code", "ems_id" };
          GVariant *values[] = {
            g_variant_new_string (place), g_variant_new_string (fs->code),
            g_variant_new_string (fs->key),
          };
          Station *s = g_new0 (Station, 1);

          s->id = insert (import, ed_polling_station_table.name, columns, values, 3, error);
          if (s->id == NULL)
            {
              station_free (s);
              return FALSE;
            }
          s->place = g_strdup (place);
          s->code = g_strdup (fs->code);
          s->ems_id = g_strdup (fs->key);
          g_hash_table_add (claimed, s->id);
          g_ptr_array_add (import->stations, s);
          import->report->n_stations_added++;
          import->station_ids[i] = g_strdup (s->id);
          continue;
        }
      if (!set_text (import, "polling_station", match->id, "place", &match->place, place,
                     &changed, error) ||
          !set_text (import, "polling_station", match->id, "code", &match->code, fs->code,
                     &changed, error) ||
          !set_text (import, "polling_station", match->id, "ems_id", &match->ems_id, fs->key,
                     &changed, error))
        return FALSE;
      if (changed)
        import->report->n_stations_updated++;
      import->station_ids[i] = g_strdup (match->id);
    }
  return TRUE;
}

/* PEERS.md §1.8 rule 4, with the register as the gazetteer: a UPRN the register has at
 * another postcode is left out, for one of the two is wrong and a person must say which. */
static char *
check_postcode (EdStationFileAddress *a,
                gpointer              data)
{
  Import *import = data;
  Property *p = g_hash_table_lookup (import->properties, &a->uprn);
  g_autofree char *uprn = NULL;

  if (p == NULL || p->postcode[0] == '\0' || g_ascii_strcasecmp (p->postcode, a->postcode) == 0)
    return NULL;
  uprn = ed_uprn_format (a->uprn);
  return g_strdup_printf (_("the register has UPRN %s at postcode %s, not %s"), uprn,
                          p->postcode, a->postcode);
}

static gboolean
write_properties (Import  *import,
                  GError **error)
{
  EdStationFiles *files = import->report->files;

  for (guint i = 0; i < files->addresses->len; i++)
    {
      EdStationFileAddress *a = g_ptr_array_index (files->addresses, i);
      Property *p = g_hash_table_lookup (import->properties, &a->uprn);
      gboolean changed = FALSE;

      if (p == NULL)
        {
          const char *district = district_id (import, a->district, a->district_name, error);
          const char *columns[] = { "uprn", "property", "street", "locality", "town",
                                    "postcode", "polling_district", "easting", "northing" };
          GVariant *values[9];
          gint64 uprn = (gint64)a->uprn;

          if (district == NULL)
            return FALSE;
          values[0] = g_variant_new_int64 (uprn);
          values[1] = g_variant_new_string (a->property);
          values[2] = g_variant_new_string (a->street);
          values[3] = g_variant_new_string (a->locality);
          values[4] = g_variant_new_string (a->town);
          values[5] = g_variant_new_string (a->postcode);
          values[6] = g_variant_new_string (district);
          values[7] = g_variant_new_int64 (a->easting);
          values[8] = g_variant_new_int64 (a->northing);
          p = g_new0 (Property, 1);
          p->id = insert (import, ed_property_table.name, columns, values, 9, error);
          if (p->id == NULL)
            {
              property_free (p);
              return FALSE;
            }
          p->postcode = g_strdup (a->postcode);
          p->district = g_strdup (district);
          p->street = g_strdup (a->street);
          p->easting = a->easting;
          p->northing = a->northing;
          g_hash_table_insert (import->properties, g_memdup2 (&uprn, sizeof uprn), p);
          import->report->n_properties_added++;
          continue;
        }
      if (a->district[0] != '\0')
        {
          g_autofree char *key = g_utf8_casefold (a->district, -1);
          const char *named = g_hash_table_lookup (import->districts, key);

          if (g_strcmp0 (named, p->district) != 0)
            import->report->n_properties_elsewhere++;
        }
      if (a->easting != 0 &&
          (!set_int (import, "property", p->id, "easting", &p->easting, a->easting, &changed,
                     error) ||
           !set_int (import, "property", p->id, "northing", &p->northing, a->northing,
                     &changed, error)))
        return FALSE;
      if (changed)
        import->report->n_properties_located++;
    }
  return TRUE;
}

/* --- the rules ------------------------------------------------------------------------------ */

typedef struct
{
  GHashTable *count;   /* station id → n */
} Tally;

static const char *
most_common (GHashTable *count)
{
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_n = 0;

  g_hash_table_iter_init (&iter, count);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = GPOINTER_TO_UINT (value);

      /* Ties go to the lower id, so that the same file always gives the same rules. */
      if (n > best_n || (n == best_n && strcmp (key, best) < 0))
        {
          best = key;
          best_n = n;
        }
    }
  return best;
}

static void
tally (GHashTable *tables,
       const char *key,
       const char *station)
{
  GHashTable *count = g_hash_table_lookup (tables, key);

  if (count == NULL)
    {
      count = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (tables, g_strdup (key), count);
    }
  g_hash_table_insert (count, g_strdup (station),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count, station))
                                         + 1));
}

static gboolean
write_rules (Import  *import,
             GError **error)
{
  EdStationFiles *files = import->report->files;
  g_autoptr(GHashTable) by_district = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             (GDestroyNotify)g_hash_table_unref);
  g_autoptr(GHashTable) by_street = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify)g_hash_table_unref);
  /* "district\nstreet" or "district\n" → station id: the rules the file gives */
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* property id → station id: the exceptions it gives */
  g_autoptr(GHashTable) exceptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            g_free);
  g_autoptr(GHashTable) properties_in_file = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < files->addresses->len; i++)
    {
      EdStationFileAddress *a = g_ptr_array_index (files->addresses, i);
      Property *p = g_hash_table_lookup (import->properties, &a->uprn);
      const char *station = import->station_ids[a->station];
      g_autofree char *street_key = g_strconcat (p->district, "\n", p->street, NULL);

      g_hash_table_add (properties_in_file, p->id);
      if (p->district[0] == '\0')
        continue;
      tally (by_district, p->district, station);
      if (p->street[0] != '\0')
        tally (by_street, street_key, station);
    }

  g_hash_table_iter_init (&iter, by_district);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (wanted, g_strconcat (key, "\n", NULL), g_strdup (most_common (value)));
  g_hash_table_iter_init (&iter, by_street);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *district_end = strchr (key, '\n');
      g_autofree char *district = g_strndup (key, district_end - (const char *)key);
      g_autofree char *whole = g_strconcat (district, "\n", NULL);
      const char *district_station = g_hash_table_lookup (wanted, whole);

      if (g_hash_table_size (value) == 1 &&
          !g_str_equal (most_common (value), district_station))
        g_hash_table_insert (wanted, g_strdup (key), g_strdup (most_common (value)));
    }

  for (guint i = 0; i < files->addresses->len; i++)
    {
      EdStationFileAddress *a = g_ptr_array_index (files->addresses, i);
      Property *p = g_hash_table_lookup (import->properties, &a->uprn);
      const char *station = import->station_ids[a->station];
      g_autofree char *street_key = g_strconcat (p->district, "\n", p->street, NULL);
      g_autofree char *whole = g_strconcat (p->district, "\n", NULL);
      const char *by_rule = NULL;

      if (p->district[0] != '\0')
        {
          by_rule = p->street[0] != '\0' ? g_hash_table_lookup (wanted, street_key) : NULL;
          if (by_rule == NULL)
            by_rule = g_hash_table_lookup (wanted, whole);
        }
      if (g_strcmp0 (by_rule, station) != 0)
        g_hash_table_insert (exceptions, g_strdup (p->id), g_strdup (station));
    }

  /* The rules of the districts the file covers: kept where wanted, removed where not. */
  for (guint i = 0; i < import->coverage->len; i++)
    {
      Rule *r = g_ptr_array_index (import->coverage, i);
      g_autofree char *rule_key = g_strconcat (r->b, "\n", r->c, NULL);
      const char *station = g_hash_table_lookup (wanted, rule_key);

      if (!g_hash_table_contains (by_district, r->b))
        continue;
      if (g_strcmp0 (station, r->a) == 0)
        {
          g_hash_table_remove (wanted, rule_key);
          continue;
        }
      if (!ed_change_set_delete (import->change_set, ed_station_coverage_table.name, r->id,
                                 error))
        return FALSE;
      import->report->n_rules_removed++;
    }
  {
    g_autoptr(GList) keys = g_hash_table_get_keys (wanted);

    keys = g_list_sort (keys, (GCompareFunc)strcmp);
    for (GList *l = keys; l != NULL; l = l->next)
      {
        const char *rule_key = l->data;
        const char *newline = strchr (rule_key, '\n');
        g_autofree char *district = g_strndup (rule_key, newline - rule_key);
        const char *columns[] = { "station", "polling_district", "street" };
        GVariant *values[] = {
          g_variant_new_string (g_hash_table_lookup (wanted, rule_key)),
          g_variant_new_string (district), g_variant_new_string (newline + 1),
        };
        g_autofree char *id = insert (import, ed_station_coverage_table.name, columns, values,
                                      3, error);

        if (id == NULL)
          return FALSE;
        import->report->n_rules_added++;
      }
  }

  for (guint i = 0; i < import->overrides->len; i++)
    {
      Rule *r = g_ptr_array_index (import->overrides, i);
      const char *station = g_hash_table_lookup (exceptions, r->a);

      if (!g_hash_table_contains (properties_in_file, r->a))
        continue;
      if (g_strcmp0 (station, r->b) == 0)
        {
          g_hash_table_remove (exceptions, r->a);
          continue;
        }
      if (!ed_change_set_delete (import->change_set, ed_station_override_table.name, r->id,
                                 error))
        return FALSE;
      import->report->n_overrides_removed++;
    }
  {
    g_autoptr(GList) keys = g_hash_table_get_keys (exceptions);

    keys = g_list_sort (keys, (GCompareFunc)strcmp);
    for (GList *l = keys; l != NULL; l = l->next)
      {
        const char *columns[] = { "property", "station" };
        GVariant *values[] = {
          g_variant_new_string (l->data),
          g_variant_new_string (g_hash_table_lookup (exceptions, l->data)),
        };
        g_autofree char *id = insert (import, ed_station_override_table.name, columns, values,
                                      2, error);

        if (id == NULL)
          return FALSE;
        import->report->n_overrides_added++;
      }
  }
  return TRUE;
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->districts, g_hash_table_unref);
  g_clear_pointer (&import->properties, g_hash_table_unref);
  g_clear_pointer (&import->places, g_ptr_array_unref);
  g_clear_pointer (&import->stations, g_ptr_array_unref);
  g_clear_pointer (&import->coverage, g_ptr_array_unref);
  g_clear_pointer (&import->overrides, g_ptr_array_unref);
  g_clear_pointer (&import->place_ids, g_strfreev);
  g_clear_pointer (&import->station_ids, g_strfreev);
  g_clear_object (&import->change_set);
}

static const char districts_sql[] = "SELECT id, code FROM polling_district ORDER BY code, id";
static const char properties_sql[] =
  "SELECT id, uprn, postcode, polling_district, street, easting, northing FROM property "
  "WHERE uprn > 0 ORDER BY id";
static const char places_sql[] =
  "SELECT id, name, address, postcode, uprn, easting, northing, ems_id FROM polling_place "
  "ORDER BY id";
static const char stations_sql[] =
  "SELECT id, place, code, ems_id FROM polling_station ORDER BY id";
static const char coverage_sql[] =
  "SELECT id, station, polling_district, street FROM station_coverage ORDER BY id";
static const char overrides_sql[] =
  "SELECT id, property, station FROM station_override ORDER BY id";

/**
 * ed_stations_import:
 * @context: the district
 * @paths: (array zero-terminated=1): the station files (see ed_station_files_read())
 * @dry_run: work out the report and write nothing
 * @progress: (nullable) (scope call): called now and then with how far it has come
 * @progress_data: data for @progress
 * @cancellable: (nullable): stops the import, leaving the district as it was
 * @error: return location for an error
 *
 * Imports station files into the district in one change set (see the top of this file). The
 * rows left out, with their reasons, are in the report's files' @dropped; they do not stop
 * the rest. A file refused whole, or a failure to write, changes nothing.
 *
 * Returns: (transfer full): what was done (or with @dry_run, would be), or %NULL with
 *   @error set
 */
EdStationsImportReport *
ed_stations_import (EdContext           *context,
                    const char * const  *paths,
                    gboolean             dry_run,
                    EdProgressFunc       progress,
                    gpointer             progress_data,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(EdStationsImportReport) report = g_new0 (EdStationsImportReport, 1);
  EdDatabase *database = ed_context_get_database (context);
  Import import = { context, NULL, report, };
  gboolean ok;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  report->dry_run = dry_run;
  if (progress != NULL)
    progress (0.0, _("Reading the station files…"), progress_data);
  report->files = ed_station_files_read (paths, cancellable, error);
  if (report->files == NULL)
    return NULL;
  if (progress != NULL)
    progress (0.5, dry_run ? _("Comparing with the district…")
                           : _("Writing the stations…"), progress_data);

  import.change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (import.change_set == NULL)
    return NULL;
  import.districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.properties = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify)property_free);
  import.places = g_ptr_array_new_with_free_func ((GDestroyNotify)place_free);
  import.stations = g_ptr_array_new_with_free_func ((GDestroyNotify)station_free);
  import.coverage = g_ptr_array_new_with_free_func ((GDestroyNotify)rule_free);
  import.overrides = g_ptr_array_new_with_free_func ((GDestroyNotify)rule_free);

  ok = query (database, districts_sql, district_row, import.districts, error) &&
       query (database, properties_sql, property_row, import.properties, error) &&
       query (database, places_sql, place_row, import.places, error) &&
       query (database, stations_sql, station_row, import.stations, error) &&
       query (database, coverage_sql, rule_row, import.coverage, error) &&
       query (database, overrides_sql, rule_row, import.overrides, error);
  if (ok)
    {
      ed_station_files_drop_addresses (report->files, check_postcode, &import);
      ok = write_places (&import, error) && write_stations (&import, error) &&
           write_properties (&import, error) && write_rules (&import, error) &&
           !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  report->n_ops = ok ? ed_change_set_get_n_ops (import.change_set) : 0;
  if (ok && !dry_run && report->n_ops > 0)
    ok = ed_change_set_commit (import.change_set, error);
  else
    ed_change_set_rollback (import.change_set);
  import_clear (&import);
  if (!ok)
    return NULL;
  if (progress != NULL)
    progress (1.0, _("Done"), progress_data);
  return g_steal_pointer (&report);
}

/**
 * ed_stations_import_report_write_csv:
 * @report: a report
 * @file: where to write the rows left out
 * @error: return location for an error
 *
 * Writes each row left out as `file,line,address,reason`.
 *
 * Returns: %TRUE when written
 */
gboolean
ed_stations_import_report_write_csv (EdStationsImportReport  *report,
                                     GFile                   *file,
                                     GError                 **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(EdOutputFile) out = NULL;
  const char *header[] = { "file", "line", "address", "reason" };

  ed_csv_append_row (text, header, G_N_ELEMENTS (header), ',');
  for (guint i = 0; i < report->files->dropped->len; i++)
    {
      EdStationFileDrop *drop = g_ptr_array_index (report->files->dropped, i);
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, drop->line);
      const char *fields[] = { drop->file, line, drop->address, drop->reason };

      ed_csv_append_row (text, fields, G_N_ELEMENTS (fields), ',');
    }
  out = ed_output_file_new_for_file (file, error);
  return out != NULL && ed_output_file_write (out, text->str, text->len, error) &&
         ed_output_file_commit (out, error);
}

typedef struct
{
  char                  **paths;
  gboolean                dry_run;
  EdStationsImportReport *report;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_strfreev (job->paths);
  g_clear_pointer (&job->report, ed_stations_import_report_free);
  g_free (job);
}

static gboolean
import_work (EdJob         *job,
             GObject       *connection,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportJob *data = task_data;

  data->report = ed_stations_import (ED_CONTEXT (connection),
                                     (const char * const *)data->paths, data->dry_run,
                                     ed_job_progress, job, cancellable, error);
  return data->report != NULL;
}

/**
 * ed_stations_import_async:
 * @context: the district
 * @paths: (array zero-terminated=1): the station files
 * @dry_run: work out the report and write nothing
 * @cancellable: (nullable): cancels the import, leaving the district as it was
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Runs ed_stations_import() in a job with progress.
 *
 * Returns: (transfer none): the job; it lives until @callback has run
 */
EdJob *
ed_stations_import_async (EdContext           *context,
                          const char * const  *paths,
                          gboolean             dry_run,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  ImportJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  data = g_new0 (ImportJob, 1);
  data->paths = g_strdupv ((char **)paths);
  data->dry_run = dry_run;
  return ed_context_run_job_async (context, import_work, data, import_job_free, cancellable,
                                   callback, user_data);
}

/**
 * ed_stations_import_finish:
 * @job: the job ed_stations_import_async() returned
 * @result: the result handed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the report, as ed_stations_import() returns it
 */
EdStationsImportReport *
ed_stations_import_finish (EdJob         *job,
                           GAsyncResult  *result,
                           GError       **error)
{
  ImportJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, import_work), NULL);

  if (!ed_job_run_finish (job, result, error))
    return NULL;
  data = ed_job_get_task_data (job);
  return g_steal_pointer (&data->report);
}
