/* ed-schema.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "core/ed-migrations.h"

G_BEGIN_DECLS

/**
 * EdValueType:
 * @ED_VALUE_TEXT: UTF-8 text in NFC (GVariant "s")
 * @ED_VALUE_INTEGER: a whole number (GVariant "x")
 * @ED_VALUE_BOOLEAN: true or false (GVariant "b"), stored as 0 or 1
 * @ED_VALUE_MONEY: pence (GVariant "x")
 * @ED_VALUE_DATE: an ISO 8601 date or "" (GVariant "s")
 *
 * The type of a synced column. Values are never NULL: each type has a default ("", 0, false).
 */
typedef enum
{
  ED_VALUE_TEXT,
  ED_VALUE_INTEGER,
  ED_VALUE_BOOLEAN,
  ED_VALUE_MONEY,
  ED_VALUE_DATE,
} EdValueType;

typedef struct
{
  const char  *name;
  EdValueType  type;
} EdColumnDef;

/**
 * EdTableDef:
 * @name: the table's name; its primary key is always the TEXT UUID column "id"
 * @columns: the synced columns, in a fixed order (the state hash uses it)
 * @n_columns: how many
 *
 * A synced table, declared once by the module that owns it. The change set, the merge, the
 * state hash and the validators all read this declaration.
 */
typedef struct
{
  const char        *name;
  const EdColumnDef *columns;
  guint              n_columns;
} EdTableDef;

typedef struct _EdReplica EdReplica;

/* A module's check, run after every merge (ed-validate.h): natural keys are not UNIQUE and
 * references are not FOREIGN KEYs in synced tables, because a merge must never fail, so the
 * checks raise items for a person instead. Items are EdValidationItem. */
typedef gboolean (*EdValidatorFunc) (EdReplica  *replica,
                                     GPtrArray  *items,
                                     GError    **error);

typedef struct
{
  const char      *name;
  EdValidatorFunc  func;
} EdValidator;

/* A local index derived from synced rows, such as a search index: brought up to date inside
 * every change set's and merge's transaction, just before it commits, so that it follows
 * writes from every desk. */
typedef gboolean (*EdRefreshFunc) (EdReplica  *replica,
                                   GError    **error);

typedef struct
{
  const char    *name;
  EdRefreshFunc  refresh;
} EdDerivedIndex;

#define ED_TYPE_SCHEMA (ed_schema_get_type ())

G_DECLARE_FINAL_TYPE (EdSchema, ed_schema, ED, SCHEMA, GObject)

EdSchema          *ed_schema_new                (void);
void               ed_schema_add_migrations     (EdSchema          *self,
                                                 const char        *resource_folder);
EdMigrations      *ed_schema_get_migrations     (EdSchema          *self);
void               ed_schema_add_table          (EdSchema          *self,
                                                 const EdTableDef  *table);
void               ed_schema_add_local_table    (EdSchema          *self,
                                                 const char        *name);
const EdTableDef  *ed_schema_lookup             (EdSchema          *self,
                                                 const char        *table);
int                ed_schema_column_index       (const EdTableDef  *table,
                                                 const char        *column);
gboolean           ed_schema_is_local           (EdSchema          *self,
                                                 const char        *table);
GPtrArray         *ed_schema_list_tables        (EdSchema          *self);
void               ed_schema_set_identity_table (EdSchema          *self,
                                                 const char        *table);
const char        *ed_schema_get_identity_table (EdSchema          *self);
void               ed_schema_set_identity_name_column (EdSchema    *self,
                                                       const char  *column);
const char        *ed_schema_get_identity_name_column (EdSchema    *self);
void               ed_schema_add_validator      (EdSchema          *self,
                                                 const EdValidator *validator);
GPtrArray         *ed_schema_get_validators     (EdSchema          *self);
void               ed_schema_add_derived_index  (EdSchema             *self,
                                                 const EdDerivedIndex *index);
gboolean           ed_schema_refresh_derived_indexes (EdSchema         *self,
                                                      EdReplica        *replica,
                                                      GError          **error);

GVariant          *ed_value_default             (EdValueType        type);
gboolean           ed_value_check               (EdValueType        type,
                                                 GVariant          *value,
                                                 GError           **error);
gboolean           ed_value_check_text          (const char        *text,
                                                 GError           **error);
char              *ed_value_to_json             (GVariant          *value);
void               ed_value_append_json         (GString           *json,
                                                 GVariant          *value);
void               ed_value_append_json_text    (GString           *json,
                                                 const char        *text);
GVariant          *ed_value_from_json           (EdValueType        type,
                                                 const char        *json,
                                                 GError           **error);
GVariant          *ed_value_parse               (EdValueType        type,
                                                 const char        *text,
                                                 GError           **error);
char              *ed_value_to_display          (GVariant          *value);

G_END_DECLS
