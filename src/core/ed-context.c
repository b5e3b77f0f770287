/* ed-context.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "config.h"

#include "ed-change-set-private.h"
#include "ed-context-private.h"

/* One EdContext per open district, created by the application or a CLI command and handed to
 * every page and command. Nothing in the program keeps district state anywhere else, so a
 * test builds a context on a temporary file and gets the real thing. */

struct _EdContext
{
  GObject             parent_instance;

  EdDatabase         *database;
  EdSchema           *schema;
  EdHlc              *hlc;
  EdOpStore          *op_store;
  EdWriteCheck       *write_check;
  EdDeskIdentity     *desk;
  EdDistrictSettings *settings;
};

/* The data format whose migration created the op log (0003-changes.sql). */
#define ED_OP_LOG_SCHEMA_VERSION 3

G_DEFINE_FINAL_TYPE (EdContext, ed_context, G_TYPE_OBJECT)

static void
ed_context_finalize (GObject *object)
{
  EdContext *self = (EdContext *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->desk);
  g_clear_pointer (&self->write_check, _ed_write_check_free);
  g_clear_pointer (&self->op_store, _ed_op_store_free);
  g_clear_object (&self->hlc);
  g_clear_object (&self->schema);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ed_context_parent_class)->finalize (object);
}

static void
ed_context_class_init (EdContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_context_finalize;
}

static void
ed_context_init (EdContext *self)
{
}

static const char select_hlc_sql[] = "SELECT value FROM desk_state WHERE key = 'hlc'";
static const char save_hlc_sql[] =
  "INSERT INTO desk_state (key, value) VALUES ('hlc', ?1) "
  "ON CONFLICT (key) DO UPDATE SET value = excluded.value";

static gboolean
load_hlc (EdContext  *self,
          GError    **error)
{
  sqlite3_stmt *stmt = ed_database_cached (self->database, select_hlc_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ed_hlc_set_last (self->hlc, g_ascii_strtoll ((const char *)sqlite3_column_text (stmt, 0),
                                                 NULL, 10));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ed_database_set_error (self->database, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_ed_context_save_hlc (EdContext  *self,
                      GError    **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, ed_hlc_get_last (self->hlc));
  sqlite3_stmt *stmt = ed_database_cached (self->database, save_hlc_sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  ok = ed_database_step_done (self->database, stmt, error);
  sqlite3_reset (stmt);
  return ok;
}

EdContext *
_ed_context_open_full (const char  *path,
                       EdSchema    *schema,
                       EdClockFunc  clock,
                       gpointer     clock_data,
                       const char  *device_id,
                       GError     **error)
{
  g_autoptr(EdContext) self = NULL;
  int opened_version;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ED_TYPE_CONTEXT, NULL);

  self->database = ed_database_open (path, error);
  if (self->database == NULL)
    return NULL;

  self->schema = schema != NULL ? g_object_ref (schema) : ed_schema_new_default ();
  self->hlc = ed_hlc_new (clock, clock_data);
  if (!load_hlc (self, error))
    return NULL;
  self->op_store = _ed_op_store_new (self->database, self->schema);
  self->write_check = _ed_write_check_new (self->database, self->schema);

  self->desk = device_id != NULL ? _ed_desk_identity_load_with_id (self->database, device_id,
                                                                     error)
                                 : ed_desk_identity_load (self->database, error);
  if (self->desk == NULL)
    return NULL;

  /* Only files from before the op log (data format 3) can hold rows no op names; looking for
   * them in every file would read a million-elector register at every start-up. */
  opened_version = ed_database_get_opened_schema_version (self->database);
  if (opened_version > 0 && opened_version < ED_OP_LOG_SCHEMA_VERSION &&
      !_ed_change_set_adopt_unlogged_rows (self, error))
    return NULL;

  self->settings = ed_district_settings_load (self, error);
  if (self->settings == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ed_context_open:
 * @database_path: the district's database file; created when missing
 * @error: return location for an error
 *
 * Returns: (transfer full): a context on the district, or %NULL with @error set
 */
EdContext *
ed_context_open (const char  *database_path,
                 GError     **error)
{
  return _ed_context_open_full (database_path, NULL, NULL, NULL, NULL, error);
}

EdDatabase *
ed_context_get_database (EdContext *self)
{
  g_return_val_if_fail (ED_IS_CONTEXT (self), NULL);

  return self->database;
}

EdDeskIdentity *
ed_context_get_desk (EdContext *self)
{
  g_return_val_if_fail (ED_IS_CONTEXT (self), NULL);

  return self->desk;
}

EdDistrictSettings *
ed_context_get_settings (EdContext *self)
{
  g_return_val_if_fail (ED_IS_CONTEXT (self), NULL);

  return self->settings;
}

const char *
ed_context_get_device_id (EdContext *self)
{
  g_return_val_if_fail (ED_IS_CONTEXT (self), NULL);

  return ed_desk_identity_get_device_id (self->desk);
}

const char *
ed_context_get_user_name (EdContext *self)
{
  g_return_val_if_fail (ED_IS_CONTEXT (self), NULL);

  return ed_desk_identity_get_user_name (self->desk);
}

EdSchema *
ed_context_get_schema (EdContext *self)
{
  g_return_val_if_fail (ED_IS_CONTEXT (self), NULL);

  return self->schema;
}

EdHlc *
ed_context_get_hlc (EdContext *self)
{
  g_return_val_if_fail (ED_IS_CONTEXT (self), NULL);

  return self->hlc;
}

EdOpStore *
_ed_context_get_op_store (EdContext *self)
{
  g_return_val_if_fail (ED_IS_CONTEXT (self), NULL);

  return self->op_store;
}

EdWriteCheck *
_ed_context_get_write_check (EdContext *self)
{
  g_return_val_if_fail (ED_IS_CONTEXT (self), NULL);

  return self->write_check;
}

/**
 * ed_context_get_data_dir:
 *
 * Returns: (transfer full): the folder holding this account's districts. Development builds
 *   share it, so both open the same districts.
 */
char *
ed_context_get_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), BASE_APP_ID, NULL);
}

char *
ed_context_get_default_database_path (void)
{
  g_autofree char *dir = ed_context_get_data_dir ();

  return g_build_filename (dir, "district.db", NULL);
}

char *
ed_context_get_demo_database_path (void)
{
  g_autofree char *dir = ed_context_get_data_dir ();

  return g_build_filename (dir, "demo-district.db", NULL);
}
