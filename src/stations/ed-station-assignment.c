/* ed-station-assignment.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which station each property votes at (DOMAIN.md §3.1): the rules of station_coverage and
 * station_override, loaded into hash tables once so that a million electors' properties can
 * be assigned in a moment. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include "core/ed-database.h"
#include "stations/ed-station-assignment.h"

struct _EdStationAssignment
{
  GHashTable *by_district;   /* polling district id → station id */
  GHashTable *by_street;     /* "district id\x1fstreet key" → station id */
  GHashTable *by_property;   /* property id → station id */
};

/* Only rules naming a station that exists count; in code order, so the first rule a key
 * meets is the lowest code's, and a later one for the same key is a tie it loses. */
static const char coverage_sql[] =
  "SELECT c.polling_district, c.street, s.id FROM station_coverage AS c "
  "JOIN polling_station AS s ON s.id = c.station "
  "ORDER BY s.code, s.id";
static const char override_sql[] =
  "SELECT o.property, s.id FROM station_override AS o "
  "JOIN polling_station AS s ON s.id = o.station "
  "ORDER BY s.code, s.id";

/**
 * ed_station_street_key:
 * @street: a street as the register or a rule spells it
 *
 * What two spellings of one street have in common: trimmed, each run of spaces made one,
 * normalised and case-folded, so that a rule for "Elm  road " covers "Elm Road".
 *
 * Returns: (transfer full): the key
 */
char *
ed_station_street_key (const char *street)
{
  g_autofree char *normal = NULL;
  g_autoptr(GString) spaced = g_string_new (NULL);
  gboolean space = FALSE;

  g_return_val_if_fail (street != NULL, NULL);

  normal = g_utf8_normalize (street, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    normal = g_strdup ("");
  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = spaced->len > 0;
      else
        {
          if (space)
            g_string_append_c (spaced, ' ');
          space = FALSE;
          g_string_append_unichar (spaced, c);
        }
    }
  return g_utf8_casefold (spaced->str, -1);
}

static char *
street_rule_key (const char *polling_district,
                 const char *street)
{
  g_autofree char *key = ed_station_street_key (street);

  return g_strconcat (polling_district, "\x1f", key, NULL);
}

static gboolean
read_coverage (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  EdStationAssignment *self = user_data;
  const char *district = (const char *)sqlite3_column_text (stmt, 0);
  const char *street = (const char *)sqlite3_column_text (stmt, 1);
  const char *station = (const char *)sqlite3_column_text (stmt, 2);
  g_autofree char *street_key = ed_station_street_key (street);

  if (*street_key == '\0')
    {
      if (!g_hash_table_contains (self->by_district, district))
        g_hash_table_insert (self->by_district, g_strdup (district), g_strdup (station));
    }
  else
    {
      char *key = g_strconcat (district, "\x1f", street_key, NULL);

      if (!g_hash_table_contains (self->by_street, key))
        g_hash_table_insert (self->by_street, key, g_strdup (station));
      else
        g_free (key);
    }
  return TRUE;
}

static gboolean
read_override (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  EdStationAssignment *self = user_data;
  const char *property = (const char *)sqlite3_column_text (stmt, 0);

  if (!g_hash_table_contains (self->by_property, property))
    g_hash_table_insert (self->by_property, g_strdup (property),
                         g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
  return TRUE;
}

/**
 * ed_station_assignment_load:
 * @context: the district
 * @error: return location for an error
 *
 * Reads the district's coverage rules and overrides.
 *
 * Returns: (transfer full): the rules, or %NULL on a database error
 */
EdStationAssignment *
ed_station_assignment_load (EdContext  *context,
                            GError    **error)
{
  g_autoptr(EdStationAssignment) self = g_new0 (EdStationAssignment, 1);
  EdDatabase *database;
  g_autoptr(sqlite3_stmt) coverage = NULL;
  g_autoptr(sqlite3_stmt) overrides = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  database = ed_context_get_database (context);
  self->by_district = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->by_street = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->by_property = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  coverage = ed_database_prepare (database, coverage_sql, error);
  if (coverage == NULL ||
      !ed_database_step_rows (database, coverage, read_coverage, self, error))
    return NULL;
  overrides = ed_database_prepare (database, override_sql, error);
  if (overrides == NULL ||
      !ed_database_step_rows (database, overrides, read_override, self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
ed_station_assignment_free (EdStationAssignment *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->by_district, g_hash_table_unref);
  g_clear_pointer (&self->by_street, g_hash_table_unref);
  g_clear_pointer (&self->by_property, g_hash_table_unref);
  g_free (self);
}

/**
 * ed_station_assignment_for_street:
 * @self: the rules
 * @polling_district: a polling district's row id
 * @street: a street in it, as the register spells it ("" for an elector with no address)
 * @out_kind: (out) (optional): which rule gave the station
 *
 * The station the rules give a property of @street in @polling_district that has no
 * override of its own: the street's rule, else the district's.
 *
 * Returns: (nullable): the station's row id, or %NULL when no rule covers it
 */
const char *
ed_station_assignment_for_street (EdStationAssignment *self,
                                  const char          *polling_district,
                                  const char          *street,
                                  EdStationRuleKind   *out_kind)
{
  const char *station = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (polling_district != NULL, NULL);
  g_return_val_if_fail (street != NULL, NULL);

  if (g_hash_table_size (self->by_street) > 0 && *street != '\0')
    {
      g_autofree char *key = street_rule_key (polling_district, street);

      station = g_hash_table_lookup (self->by_street, key);
      if (station != NULL)
        {
          if (out_kind != NULL)
            *out_kind = ED_STATION_RULE_STREET;
          return station;
        }
    }
  station = g_hash_table_lookup (self->by_district, polling_district);
  if (out_kind != NULL)
    *out_kind = station != NULL ? ED_STATION_RULE_DISTRICT : ED_STATION_RULE_NONE;
  return station;
}

/**
 * ed_station_assignment_get_override:
 * @self: the rules
 * @property: a property's row id
 *
 * Returns: (nullable): the station an override sends @property to, or %NULL for none
 */
const char *
ed_station_assignment_get_override (EdStationAssignment *self,
                                    const char          *property)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (property != NULL, NULL);

  return g_hash_table_lookup (self->by_property, property);
}

/**
 * ed_station_assignment_has_overrides:
 * @self: the rules
 *
 * Returns: whether any property has an override, so that a caller assigning many can skip
 *   looking each one up when none has
 */
gboolean
ed_station_assignment_has_overrides (EdStationAssignment *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_size (self->by_property) > 0;
}

/**
 * ed_station_assignment_for_property:
 * @self: the rules
 * @property: the property's row id
 * @polling_district: its polling district's row id
 * @street: its street, as the register spells it
 * @out_kind: (out) (optional): which rule gave the station
 *
 * The station @property votes at: its override, else its street's rule, else its district's.
 *
 * Returns: (nullable): the station's row id, or %NULL when no rule covers it
 */
const char *
ed_station_assignment_for_property (EdStationAssignment *self,
                                    const char          *property,
                                    const char          *polling_district,
                                    const char          *street,
                                    EdStationRuleKind   *out_kind)
{
  const char *station;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (property != NULL, NULL);

  station = ed_station_assignment_get_override (self, property);
  if (station != NULL)
    {
      if (out_kind != NULL)
        *out_kind = ED_STATION_RULE_OVERRIDE;
      return station;
    }
  return ed_station_assignment_for_street (self, polling_district, street, out_kind);
}
