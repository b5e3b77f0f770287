/* ed-register-tables.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The register's synced tables as the change set, merge and validators see them (the SQL is
 * in 0004-register.sql), its local search index, and the checks a merge runs over it. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "district/ed-context.h"
#include "core/ed-database.h"
#include "register/ed-register-resources.h"
#include "register/ed-register-tables.h"
#include "changes/ed-validate.h"
#include "core/ed-value-error.h"

/* Each in its enum's order (ed-register-tables.h), which the checks below hold it to. */
static const EdColumnDef electoral_area_columns[] = {
  [ED_ELECTORAL_AREA_COL_CODE] = { "code", ED_VALUE_TEXT },
  [ED_ELECTORAL_AREA_COL_NAME] = { "name", ED_VALUE_TEXT },
  [ED_ELECTORAL_AREA_COL_KIND] = { "kind", ED_VALUE_TEXT },
  [ED_ELECTORAL_AREA_COL_SEATS] = { "seats", ED_VALUE_INTEGER },
};
G_STATIC_ASSERT (G_N_ELEMENTS (electoral_area_columns) == ED_ELECTORAL_AREA_N_COLS);

static const EdColumnDef parish_columns[] = {
  [ED_PARISH_COL_CODE] = { "code", ED_VALUE_TEXT },
  [ED_PARISH_COL_NAME] = { "name", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (parish_columns) == ED_PARISH_N_COLS);

static const EdColumnDef polling_district_columns[] = {
  [ED_POLLING_DISTRICT_COL_CODE] = { "code", ED_VALUE_TEXT },
  [ED_POLLING_DISTRICT_COL_NAME] = { "name", ED_VALUE_TEXT },
  [ED_POLLING_DISTRICT_COL_ELECTORAL_AREA] = { "electoral_area", ED_VALUE_TEXT },
  [ED_POLLING_DISTRICT_COL_PARISH] = { "parish", ED_VALUE_TEXT },
  [ED_POLLING_DISTRICT_COL_CONSTITUENCY] = { "constituency", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (polling_district_columns) == ED_POLLING_DISTRICT_N_COLS);

static const EdColumnDef property_columns[] = {
  [ED_PROPERTY_COL_UPRN] = { "uprn", ED_VALUE_INTEGER },
  [ED_PROPERTY_COL_PROPERTY] = { "property", ED_VALUE_TEXT },
  [ED_PROPERTY_COL_STREET] = { "street", ED_VALUE_TEXT },
  [ED_PROPERTY_COL_LOCALITY] = { "locality", ED_VALUE_TEXT },
  [ED_PROPERTY_COL_TOWN] = { "town", ED_VALUE_TEXT },
  [ED_PROPERTY_COL_AREA] = { "area", ED_VALUE_TEXT },
  [ED_PROPERTY_COL_POSTCODE] = { "postcode", ED_VALUE_TEXT },
  [ED_PROPERTY_COL_POLLING_DISTRICT] = { "polling_district", ED_VALUE_TEXT },
  [ED_PROPERTY_COL_EASTING] = { "easting", ED_VALUE_INTEGER },
  [ED_PROPERTY_COL_NORTHING] = { "northing", ED_VALUE_INTEGER },
};
G_STATIC_ASSERT (G_N_ELEMENTS (property_columns) == ED_PROPERTY_N_COLS);

static const EdColumnDef elector_columns[] = {
  [ED_ELECTOR_COL_POLLING_DISTRICT] = { "polling_district", ED_VALUE_TEXT },
  [ED_ELECTOR_COL_PROPERTY] = { "property", ED_VALUE_TEXT },
  [ED_ELECTOR_COL_NUMBER_PREFIX] = { "number_prefix", ED_VALUE_TEXT },
  [ED_ELECTOR_COL_NUMBER] = { "number", ED_VALUE_INTEGER },
  [ED_ELECTOR_COL_NUMBER_SUFFIX] = { "number_suffix", ED_VALUE_INTEGER },
  [ED_ELECTOR_COL_TITLE] = { "title", ED_VALUE_TEXT },
  [ED_ELECTOR_COL_FORENAMES] = { "forenames", ED_VALUE_TEXT },
  [ED_ELECTOR_COL_SURNAME] = { "surname", ED_VALUE_TEXT },
  [ED_ELECTOR_COL_MARKER] = { "marker", ED_VALUE_TEXT },
  [ED_ELECTOR_COL_ATTAINER_DATE] = { "attainer_date", ED_VALUE_DATE },
  [ED_ELECTOR_COL_OPEN_REGISTER_OPT_OUT] = { "open_register_opt_out", ED_VALUE_BOOLEAN },
  [ED_ELECTOR_COL_ABSENT_VOTE] = { "absent_vote", ED_VALUE_TEXT },
  [ED_ELECTOR_COL_ABSENT_VOTE_ENDS] = { "absent_vote_ends", ED_VALUE_DATE },
  [ED_ELECTOR_COL_PROXY_NAME] = { "proxy_name", ED_VALUE_TEXT },
  [ED_ELECTOR_COL_PROXY_ADDRESS] = { "proxy_address", ED_VALUE_TEXT },
  [ED_ELECTOR_COL_ANONYMOUS] = { "anonymous", ED_VALUE_BOOLEAN },
  [ED_ELECTOR_COL_OTHER_ELECTOR] = { "other_elector", ED_VALUE_BOOLEAN },
  [ED_ELECTOR_COL_LANGUAGE] = { "language", ED_VALUE_TEXT },
  [ED_ELECTOR_COL_STATUS] = { "status", ED_VALUE_TEXT },
  [ED_ELECTOR_COL_DATE_OF_BIRTH] = { "date_of_birth", ED_VALUE_DATE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (elector_columns) == ED_ELECTOR_N_COLS);

static const EdColumnDef register_notice_columns[] = {
  [ED_REGISTER_NOTICE_COL_KIND] = { "kind", ED_VALUE_TEXT },
  [ED_REGISTER_NOTICE_COL_PUBLICATION_DATE] = { "publication_date", ED_VALUE_DATE },
  [ED_REGISTER_NOTICE_COL_PUBLISHED] = { "published", ED_VALUE_BOOLEAN },
};
G_STATIC_ASSERT (G_N_ELEMENTS (register_notice_columns) == ED_REGISTER_NOTICE_N_COLS);

static const EdColumnDef register_alteration_columns[] = {
  [ED_REGISTER_ALTERATION_COL_ELECTOR] = { "elector", ED_VALUE_TEXT },
  [ED_REGISTER_ALTERATION_COL_KIND] = { "kind", ED_VALUE_TEXT },
  [ED_REGISTER_ALTERATION_COL_DETERMINED_ON] = { "determined_on", ED_VALUE_DATE },
  [ED_REGISTER_ALTERATION_COL_REASON] = { "reason", ED_VALUE_TEXT },
  [ED_REGISTER_ALTERATION_COL_DETAIL] = { "detail", ED_VALUE_TEXT },
  [ED_REGISTER_ALTERATION_COL_NOTICE] = { "notice", ED_VALUE_TEXT },
  [ED_REGISTER_ALTERATION_COL_PUBLISHED] = { "published", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (register_alteration_columns) == ED_REGISTER_ALTERATION_N_COLS);

static const EdColumnDef register_supply_columns[] = {
  [ED_REGISTER_SUPPLY_COL_SUPPLIED_ON] = { "supplied_on", ED_VALUE_DATE },
  [ED_REGISTER_SUPPLY_COL_RECIPIENT] = { "recipient", ED_VALUE_TEXT },
  [ED_REGISTER_SUPPLY_COL_ENTITLEMENT] = { "entitlement", ED_VALUE_TEXT },
  [ED_REGISTER_SUPPLY_COL_ITEM] = { "item", ED_VALUE_TEXT },
  [ED_REGISTER_SUPPLY_COL_FORMAT] = { "format", ED_VALUE_TEXT },
  [ED_REGISTER_SUPPLY_COL_NOTICE] = { "notice", ED_VALUE_TEXT },
  [ED_REGISTER_SUPPLY_COL_ENTRIES] = { "entries", ED_VALUE_INTEGER },
  [ED_REGISTER_SUPPLY_COL_FEE] = { "fee", ED_VALUE_MONEY },
};
G_STATIC_ASSERT (G_N_ELEMENTS (register_supply_columns) == ED_REGISTER_SUPPLY_N_COLS);

#define TABLE(name, columns) { name, columns, G_N_ELEMENTS (columns) }

const EdTableDef ed_electoral_area_table = TABLE ("electoral_area", electoral_area_columns);
const EdTableDef ed_parish_table = TABLE ("parish", parish_columns);
const EdTableDef ed_polling_district_table = TABLE ("polling_district", polling_district_columns);
const EdTableDef ed_property_table = TABLE ("property", property_columns);
const EdTableDef ed_elector_table = TABLE ("elector", elector_columns);
const EdTableDef ed_register_notice_table = TABLE ("register_notice", register_notice_columns);
const EdTableDef ed_register_alteration_table =
  TABLE ("register_alteration", register_alteration_columns);
const EdTableDef ed_register_supply_table = TABLE ("register_supply", register_supply_columns);

/**
 * ed_register_table_column_names:
 * @table: one of the register's tables
 * @names: (out caller-allocates) (array): room for its `n_columns` names
 *
 * Fills @names with @table's column names in its order, for an insert that writes whole
 * rows with its values at their column enums.
 */
void
ed_register_table_column_names (const EdTableDef  *table,
                                const char       **names)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (names != NULL);

  for (guint c = 0; c < table->n_columns; c++)
    names[c] = table->columns[c].name;
}

/* The FTS5 index, the tables SQLite keeps behind it, its queue of stale entries, and the
 * count of entries. */
static const char *local_tables[] = {
  "elector_search",
  "elector_search_queue",
  "register_size",
  "elector_search_data",
  "elector_search_idx",
  "elector_search_content",
  "elector_search_config",
};

/* Two desks can each give out the next number at an address before they sync (RPR 2001 reg
 * 39: numbers are unique within a part of the register). */
static gboolean
validate_unique_numbers (EdReplica  *replica,
                         GPtrArray  *items,
                         GError    **error)
{
  static const char *columns[] = { "number_prefix", "number", "number_suffix", NULL };

  return ed_validate_unique (replica, "elector-number-unique", "elector", columns,
                             _("elector number"), items, error);
}

static gboolean
validate_references (EdReplica  *replica,
                     GPtrArray  *items,
                     GError    **error)
{
  return ed_validate_reference (replica, "elector-property", "elector", "property", "property",
                                items, error) &&
         ed_validate_reference (replica, "elector-polling-district", "elector",
                                "polling_district", "polling_district", items, error) &&
         ed_validate_reference (replica, "property-polling-district", "property",
                                "polling_district", "polling_district", items, error) &&
         ed_validate_reference (replica, "polling-district-area", "polling_district",
                                "electoral_area", "electoral_area", items, error);
}

static const char unplaced_sql[] =
  "SELECT id, polling_district = '', property = '' AND NOT other_elector FROM elector "
  "WHERE polling_district = '' OR (property = '' AND NOT other_elector) ORDER BY id";

/* Every entry belongs to a part of the register, and every entry but the "Other electors"
 * has a qualifying address (RPR 2001 reg 41). */
static gboolean
validate_placed (EdReplica  *replica,
                 GPtrArray  *items,
                 GError    **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  sqlite3_stmt *stmt = ed_database_cached (database, unplaced_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);

      if (sqlite3_column_int (stmt, 1))
        ed_validation_items_add (items, "elector-placed", "elector", id,
                                 _("The elector is in no polling district."));
      if (sqlite3_column_int (stmt, 2))
        ed_validation_items_add (items, "elector-placed", "elector", id,
                                 _("The elector has no address and is not listed under "
                                   "Other electors."));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static const char refresh_search_sql[] =
  "DELETE FROM elector_search WHERE rowid IN (SELECT elector_rowid FROM elector_search_queue);"
  "INSERT INTO elector_search (rowid, name, address, postcode, number) "
  "  SELECT rowid, name, address, postcode, number FROM elector_search_source "
  "  WHERE rowid IN (SELECT elector_rowid FROM elector_search_queue);"
  "DELETE FROM elector_search_queue;";
/* Whether the queue is empty (0), short (1), or more than half of the register (2). */
static const char queue_share_sql[] =
  "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM elector_search_queue) THEN 0 "
  "  WHEN (SELECT count(*) FROM elector_search_queue) * 2 > "
  "    (SELECT electors FROM register_size WHERE id = 1) THEN 2 ELSE 1 END";
static const char search_table_sql[] =
  "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'elector_search'";
static const char fill_search_sql[] =
  "INSERT INTO elector_search (rowid, name, address, postcode, number) "
  "  SELECT rowid, name, address, postcode, number FROM elector_search_source ORDER BY rowid;"
  "DELETE FROM elector_search_queue;";

/* Makes the search index afresh, empty, from its own definition. FTS5 can empty only an
 * index without content of its own in one step ('delete-all'); this one keeps its content,
 * and deleting its rows one by one costs as much as indexing them again. Dropping the table
 * fails while something reads it; the caller then refreshes row by row. */
static gboolean
recreate_search (EdDatabase  *database,
                 gboolean    *out_done,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, search_table_sql, error);
  g_autofree char *create = NULL;
  g_autoptr(GError) local_error = NULL;

  *out_done = FALSE;
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    create = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (create == NULL)
    return TRUE;

  if (!ed_database_exec (database, "SAVEPOINT recreate_search", error))
    return FALSE;
  if (ed_database_exec (database, "DROP TABLE elector_search", &local_error) &&
      ed_database_exec (database, create, &local_error))
    {
      *out_done = TRUE;
      return ed_database_exec (database, "RELEASE recreate_search", error);
    }
  /* Only a table in use is a reason to go row by row. Anything else (a full disk, a failing
   * one) is the batch's failure; SQLite may have rolled the whole transaction back already,
   * savepoint and all, and the caller must hear why, not that the savepoint is gone. */
  if (!g_error_matches (local_error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_LOCKED) ||
      sqlite3_get_autocommit (ed_database_get_handle (database)))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_debug ("The search index is refreshed row by row: %s", local_error->message);
  return ed_database_exec (database, "ROLLBACK TO recreate_search; RELEASE recreate_search",
                           error);
}

/* Re-indexes the electors the transaction wrote (0004-register.sql explains the queue): one
 * statement for the whole batch, so FTS5 writes one segment per commit. When most of the
 * register is queued (the revised register renumbers every entry) the index is made afresh
 * in rowid order instead, several times faster than replacing most of its rows. */
static gboolean
refresh_search (EdReplica  *replica,
                GError    **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  sqlite3_stmt *stmt = ed_database_cached (database, queue_share_sql, error);
  gboolean recreated = FALSE;
  int share;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ed_database_set_error (database, sqlite3_errcode (ed_database_get_handle (database)),
                             error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  share = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (share == 0)
    return TRUE;
  if (share == 2 && !recreate_search (database, &recreated, error))
    return FALSE;
  if (recreated)
    g_debug ("The search index is made afresh: most of the register changed");
  return ed_database_exec (database, recreated ? fill_search_sql : refresh_search_sql, error);
}

static const EdDerivedIndex search_index = { "elector-search", refresh_search };

static const EdValidator validators[] = {
  { "elector-number-unique", validate_unique_numbers },
  { "register-references", validate_references },
  { "elector-placed", validate_placed },
};

/* The register's row of the module list: its tables, validators, search index and
 * migrations (register/sql). */
void
ed_register_add_schema (EdSchema *schema)
{
  static const EdTableDef *tables[] = {
    &ed_electoral_area_table, &ed_parish_table, &ed_polling_district_table,
    &ed_property_table, &ed_elector_table, &ed_register_notice_table,
    &ed_register_alteration_table, &ed_register_supply_table,
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    ed_schema_add_table (schema, tables[i]);
  for (guint i = 0; i < G_N_ELEMENTS (local_tables); i++)
    ed_schema_add_local_table (schema, local_tables[i]);
  for (guint i = 0; i < G_N_ELEMENTS (validators); i++)
    ed_schema_add_validator (schema, &validators[i]);
  ed_schema_add_derived_index (schema, &search_index);

  /* Referencing the resource keeps the linker from dropping it out of the static library;
   * its constructor registers it. */
  (void)ed_register_get_resource ();
  ed_schema_add_migrations (schema, "/org/electoraldesk/ElectoralDesk/register/sql");
}

/**
 * ed_register_text_check:
 * @text: a value in UTF-8, normalised to NFC
 * @max_chars: the most characters the column holds (one of the limits of
 *   ed-register-tables.h)
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Checks a text value for the register: no longer than @max_chars, and with no control
 * characters (C0, DEL or C1). A name or an address is printed on the register, on poll cards
 * and in notices; a control character in one prints as nothing or garbles a terminal, and a
 * line break splits a CSV row for a spreadsheet that reads it loosely. The message says what
 * was expected and never quotes the value.
 *
 * Returns: %TRUE when @text may be stored
 */
gboolean
ed_register_text_check (const char  *text,
                        guint        max_chars,
                        GError     **error)
{
  guint n = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n++;
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       /* Translators: %04X is the character's code, as in U+001B */
                       _("expected text without control characters (such as line breaks or "
                         "tabs); character %u is the control character U+%04X"),
                       n, (guint)c);
          return FALSE;
        }
    }
  if (n > max_chars)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("expected at most %u characters; this is %u characters long"),
                   max_chars, n);
      return FALSE;
    }
  return TRUE;
}
