/* ed-station-split.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Splitting a station that has grown too big (DOMAIN.md §3.4): some of its streets go to a
 * new station, usually another room or table in the same place. The preview shows both
 * halves' electorates and staffing before anything is written; applying it writes the new
 * station and its street rules in one change set. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-value-error.h"
#include "register/ed-register-order.h"
#include "register/ed-register-tables.h"
#include "stations/ed-station-assignment.h"
#include "stations/ed-station-split.h"
#include "stations/ed-stations-tables.h"

static gint
find_station_or_error (EdStationPlan  *plan,
                       const char     *station_id,
                       GError        **error)
{
  gint s = ed_station_plan_find_station (plan, station_id);

  if (s < 0)
    g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                 _("There is no polling station with the id “%s”."), station_id);
  return s;
}

static int
street_compare (gconstpointer a,
                gconstpointer b)
{
  const EdPlanStreet *x = *(EdPlanStreet * const *)a;
  const EdPlanStreet *y = *(EdPlanStreet * const *)b;
  int by_code = g_strcmp0 (x->polling_district_code, y->polling_district_code);

  return by_code != 0 ? by_code : ed_register_street_compare (x->street, y->street);
}

/* The streets whose properties the station has by its rules (not by override), keyed by
 * district and street key. */
static GHashTable *
collect_streets (EdStationPlan *plan,
                 gint           s)
{
  GHashTable *streets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                      g_free);

  for (guint i = 0; i < plan->properties->len; i++)
    {
      const EdPlanProperty *planned = &g_array_index (plan->properties, EdPlanProperty, i);
      const EdElectorateProperty *property =
        &g_array_index (plan->electorate->properties, EdElectorateProperty, i);
      const EdPlanDistrict *district;
      const char *street_key;
      g_autofree char *key = NULL;
      EdPlanStreet *street;

      if (planned->station != s || planned->by_override || property->polling_district < 0)
        continue;
      street_key = g_hash_table_lookup (keys, property->street);
      if (street_key == NULL)
        {
          street_key = ed_station_street_key (property->street);
          g_hash_table_insert (keys, (gpointer)property->street, (gpointer)street_key);
        }
      district = g_ptr_array_index (plan->districts, property->polling_district);
      key = g_strconcat (district->id, "\x1f", street_key, NULL);
      street = g_hash_table_lookup (streets, key);
      if (street == NULL)
        {
          street = g_new0 (EdPlanStreet, 1);
          street->polling_district = district->id;
          street->polling_district_code = district->code;
          street->street = property->street;
          g_hash_table_insert (streets, g_steal_pointer (&key), street);
        }
      street->properties++;
      street->in_person += property->electors - MIN (property->postal, property->electors);
    }
  return streets;
}

/**
 * ed_station_plan_list_streets:
 * @plan: a plan
 * @station_id: one of its stations' row id
 *
 * The streets a station serves by its district and street rules, for choosing a split.
 *
 * Returns: (transfer container) (element-type EdPlanStreet) (nullable): in district code and
 *   street order, pointing into @plan; %NULL when @plan has no such station
 */
GPtrArray *
ed_station_plan_list_streets (EdStationPlan *plan,
                              const char    *station_id)
{
  g_autoptr(GHashTable) streets = NULL;
  GPtrArray *list;
  GHashTableIter iter;
  gpointer key, value;
  gint s;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (station_id != NULL, NULL);

  s = ed_station_plan_find_station (plan, station_id);
  if (s < 0)
    return NULL;
  streets = collect_streets (plan, s);
  list = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, streets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      /* Stealing the street frees neither it nor its key: the list keeps the street. */
      g_ptr_array_add (list, value);
      g_hash_table_iter_steal (&iter);
      g_free (key);
    }
  g_ptr_array_sort (list, street_compare);
  return list;
}

static void
half_judge (EdStationHalf             *half,
            const EdStationThresholds *thresholds)
{
  ed_station_recommended_staffing (thresholds, half->in_person, &half->recommended);
  half->over_maximum = ed_station_is_over_maximum (thresholds, half->in_person);
}

/**
 * ed_station_split_preview:
 * @plan: the plan as it stands
 * @station_id: the station to split
 * @streets: (array zero-terminated=1): the streets to move to a new station, as the register
 *   spells them or in any case and spacing (every district of the station with a street of
 *   that name moves it)
 * @out_preview: (out caller-allocates): both halves; clear it with
 *   ed_station_split_preview_clear()
 * @error: return location for an error: a street the station does not serve, no street
 *   given, or every street given, which would leave the station with nothing
 *
 * What splitting the station by street would give, without writing anything. Properties
 * sent to the station by an override stay with it, as do its electors with no address.
 */
gboolean
ed_station_split_preview (EdStationPlan          *plan,
                          const char             *station_id,
                          const char * const     *streets,
                          EdStationSplitPreview  *out_preview,
                          GError                **error)
{
  g_autoptr(GHashTable) served = NULL;
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EdPlanStation *station;
  GHashTableIter iter;
  gpointer key, value;
  gint s;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (station_id != NULL, FALSE);
  g_return_val_if_fail (out_preview != NULL, FALSE);

  memset (out_preview, 0, sizeof *out_preview);
  s = find_station_or_error (plan, station_id, error);
  if (s < 0)
    return FALSE;
  station = g_ptr_array_index (plan->stations, s);
  if (streets == NULL || streets[0] == NULL)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("Choose the streets that move to the new station."));
      return FALSE;
    }
  for (guint i = 0; streets[i] != NULL; i++)
    g_hash_table_add (chosen, ed_station_street_key (streets[i]));

  served = collect_streets (plan, s);
  out_preview->streets = g_ptr_array_new_with_free_func (g_free);
  out_preview->staying.properties = station->properties;
  out_preview->staying.electors = station->electors;
  out_preview->staying.in_person = station->in_person;
  g_hash_table_iter_init (&iter, served);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      EdPlanStreet *street = value;
      const char *street_key = strchr (key, '\x1f') + 1;

      if (!g_hash_table_contains (chosen, street_key))
        continue;
      out_preview->moving.properties += street->properties;
      out_preview->moving.in_person += street->in_person;
      g_ptr_array_add (out_preview->streets, street);
      /* Stealing the street frees neither it nor its key: the preview keeps the street. */
      g_hash_table_iter_steal (&iter);
      g_free (key);
    }
  g_ptr_array_sort (out_preview->streets, street_compare);

  /* Each street given must be one the station serves: a typing mistake would otherwise
   * move nothing and look like success. */
  for (guint i = 0; streets[i] != NULL; i++)
    {
      g_autofree char *street_key = ed_station_street_key (streets[i]);
      gboolean found = FALSE;

      for (guint j = 0; j < out_preview->streets->len && !found; j++)
        {
          g_autofree char *moving_key =
            ed_station_street_key (((EdPlanStreet *)g_ptr_array_index (out_preview->streets,
                                                                       j))->street);

          found = g_str_equal (moving_key, street_key);
        }
      if (!found)
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       _("Station %s serves no street called “%s”."), station->code,
                       streets[i]);
          ed_station_split_preview_clear (out_preview);
          return FALSE;
        }
    }

  /* The electors of the moving properties, postal voters included, from the plan's own
   * per-property counts. */
  for (guint i = 0; i < plan->properties->len; i++)
    {
      const EdPlanProperty *planned = &g_array_index (plan->properties, EdPlanProperty, i);
      const EdElectorateProperty *property =
        &g_array_index (plan->electorate->properties, EdElectorateProperty, i);
      g_autofree char *street_key = NULL;

      if (planned->station != s || planned->by_override)
        continue;
      street_key = ed_station_street_key (property->street);
      if (g_hash_table_contains (chosen, street_key))
        out_preview->moving.electors += property->electors;
    }

  if (out_preview->moving.properties == out_preview->staying.properties &&
      station->electors == out_preview->moving.electors)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("Those are all the streets of station %s: a split must leave it some."),
                   station->code);
      ed_station_split_preview_clear (out_preview);
      return FALSE;
    }
  out_preview->staying.properties -= out_preview->moving.properties;
  out_preview->staying.electors -= out_preview->moving.electors;
  out_preview->staying.in_person -= out_preview->moving.in_person;
  half_judge (&out_preview->staying, &plan->thresholds);
  half_judge (&out_preview->moving, &plan->thresholds);
  return TRUE;
}

/**
 * ed_station_split_preview_clear:
 * @preview: a preview filled by ed_station_split_preview()
 */
void
ed_station_split_preview_clear (EdStationSplitPreview *preview)
{
  g_return_if_fail (preview != NULL);

  g_clear_pointer (&preview->streets, g_ptr_array_unref);
}

static gboolean
code_in_use (EdStationPlan *plan,
             const char    *code)
{
  return ed_station_plan_lookup_code (plan, code) != NULL;
}

/**
 * ed_station_next_free_code:
 * @plan: a plan
 * @code: the code of the station being split
 *
 * The code a new station split from @code gets: the next number after the highest code with
 * the same letters before its number ("12" → "13" if free, "AB1" → "AB2", keeping leading
 * zeros: "S09" → "S10"); a code with no number gets one ("AB" → "AB2").
 *
 * Returns: (transfer full): a code no station of @plan has
 */
char *
ed_station_next_free_code (EdStationPlan *plan,
                           const char    *code)
{
  gsize length;
  gsize digits_at;
  guint64 highest = 1;
  guint width;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  length = strlen (code);
  digits_at = length;
  while (digits_at > 0 && g_ascii_isdigit (code[digits_at - 1]))
    digits_at--;
  width = (guint)MIN (length - digits_at, 9);
  for (guint s = 0; s < plan->stations->len; s++)
    {
      const char *other = ((EdPlanStation *)g_ptr_array_index (plan->stations, s))->code;
      guint64 number;

      if (strncmp (other, code, digits_at) == 0 && other[digits_at] != '\0' &&
          strlen (other + digits_at) <= 9 &&
          g_ascii_string_to_unsigned (other + digits_at, 10, 0, G_MAXUINT32, &number, NULL))
        highest = MAX (highest, number);
    }
  for (guint64 next = highest + 1;; next++)
    {
      g_autofree char *prefix = g_strndup (code, digits_at);
      char *candidate = g_strdup_printf ("%s%0*" G_GUINT64_FORMAT, prefix, (int)width, next);

      if (!code_in_use (plan, candidate))
        return candidate;
      g_free (candidate);
    }
}

static const char station_rules_sql[] =
  "SELECT id, polling_district, street FROM station_coverage WHERE station = ?1";

/**
 * ed_station_split_apply:
 * @context: the district
 * @station_id: the station to split
 * @streets: (array zero-terminated=1): the streets to move, as for ed_station_split_preview()
 * @new_code: (nullable): the new station's code, or %NULL for ed_station_next_free_code()
 * @out_station_id: (out) (optional) (transfer full): the new station's row id
 * @error: return location for an error
 *
 * Splits a station by street in one change set: a new station in the same place, staffed as
 * recommended for its half, and the chosen streets' rules given to it (the station's own
 * street rules for them handed over, a street rule added where the station had them by its
 * whole-district rule).
 */
gboolean
ed_station_split_apply (EdContext           *context,
                        const char          *station_id,
                        const char * const  *streets,
                        const char          *new_code,
                        char               **out_station_id,
                        GError             **error)
{
  g_autoptr(EdStationPlan) plan = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(sqlite3_stmt) rules = NULL;
  g_autoptr(GHashTable) own_rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_free);
  g_auto(EdStationSplitPreview) preview = { 0 };
  g_autofree char *code = NULL;
  g_autofree char *new_id = NULL;
  EdPlanStation *station;
  EdDatabase *database;
  const char *columns[ED_POLLING_STATION_N_COLS];
  GVariant *values[ED_POLLING_STATION_N_COLS];
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (station_id != NULL, FALSE);

  plan = ed_station_plan_compute (context, error);
  if (plan == NULL || !ed_station_split_preview (plan, station_id, streets, &preview, error))
    return FALSE;
  station = g_ptr_array_index (plan->stations, ed_station_plan_find_station (plan, station_id));

  if (new_code != NULL)
    {
      code = g_strstrip (g_strdup (new_code));
      if (*code == '\0')
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                       _("The new station needs a code."));
          return FALSE;
        }
      if (!ed_register_text_check (code, ED_STATIONS_CODE_MAX_CHARS, error))
        return FALSE;
      if (code_in_use (plan, code))
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       _("Station code %s is already in use."), code);
          return FALSE;
        }
    }
  else
    code = ed_station_next_free_code (plan, station->code);

  /* The station's own street rules, by district and street key, to hand over. */
  database = ed_context_get_database (context);
  rules = ed_database_prepare (database, station_rules_sql, error);
  if (rules == NULL)
    return FALSE;
  sqlite3_bind_text (rules, 1, station_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (rules)) == SQLITE_ROW)
    {
      g_autofree char *street_key =
        ed_station_street_key ((const char *)sqlite3_column_text (rules, 2));

      if (*street_key != '\0')
        g_hash_table_insert (own_rules,
                             g_strconcat ((const char *)sqlite3_column_text (rules, 1), "\x1f",
                                          street_key, NULL),
                             g_strdup ((const char *)sqlite3_column_text (rules, 0)));
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;

  for (guint c = 0; c < ED_POLLING_STATION_N_COLS; c++)
    columns[c] = ed_polling_station_table.columns[c].name;
  values[ED_POLLING_STATION_COL_PLACE] = g_variant_new_string (station->place);
  values[ED_POLLING_STATION_COL_CODE] = g_variant_new_string (code);
  values[ED_POLLING_STATION_COL_NAME] = g_variant_new_string ("");
  values[ED_POLLING_STATION_COL_PRESIDING_OFFICERS] =
    g_variant_new_int64 (preview.moving.recommended.presiding_officers);
  values[ED_POLLING_STATION_COL_POLL_CLERKS] =
    g_variant_new_int64 (preview.moving.recommended.poll_clerks);
  values[ED_POLLING_STATION_COL_EMS_ID] = g_variant_new_string ("");
  if (!ed_change_set_insert (change_set, ed_polling_station_table.name, NULL, columns, values,
                             ED_POLLING_STATION_N_COLS, &new_id, error))
    return FALSE;

  for (guint i = 0; i < preview.streets->len; i++)
    {
      const EdPlanStreet *street = g_ptr_array_index (preview.streets, i);
      g_autofree char *street_key = ed_station_street_key (street->street);
      g_autofree char *key = g_strconcat (street->polling_district, "\x1f", street_key, NULL);
      const char *rule = g_hash_table_lookup (own_rules, key);

      if (rule != NULL)
        {
          g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string (new_id));

          if (!ed_change_set_set (change_set, ed_station_coverage_table.name, rule, "station",
                                  value, error))
            return FALSE;
        }
      else
        {
          const char *coverage_columns[ED_STATION_COVERAGE_N_COLS];
          GVariant *coverage_values[ED_STATION_COVERAGE_N_COLS];

          for (guint c = 0; c < ED_STATION_COVERAGE_N_COLS; c++)
            coverage_columns[c] = ed_station_coverage_table.columns[c].name;
          coverage_values[ED_STATION_COVERAGE_COL_STATION] = g_variant_new_string (new_id);
          coverage_values[ED_STATION_COVERAGE_COL_POLLING_DISTRICT] =
            g_variant_new_string (street->polling_district);
          coverage_values[ED_STATION_COVERAGE_COL_STREET] = g_variant_new_string (street->street);
          if (!ed_change_set_insert (change_set, ed_station_coverage_table.name, NULL,
                                     coverage_columns, coverage_values,
                                     ED_STATION_COVERAGE_N_COLS, NULL, error))
            return FALSE;
        }
    }
  if (!ed_change_set_commit (change_set, error))
    return FALSE;
  if (out_station_id != NULL)
    *out_station_id = g_steal_pointer (&new_id);
  return TRUE;
}
