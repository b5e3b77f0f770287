/* ed-desk-identity.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-desk-identity.h"
#include "core/ed-value-error.h"

/* Who this desk is. The device id names every change this desk makes, so it is made once,
 * at random, the first time the database is opened here, and never leaves desk_state (a
 * local table): a copy of the file restored on another desk would otherwise write under the
 * same id. The user name is the one recorded against each change. */

struct _EdDeskIdentity
{
  GObject     parent_instance;

  EdDatabase *database;
  char       *device_id;
  char       *user_name;
  char       *user_name_override;
};

G_DEFINE_FINAL_TYPE (EdDeskIdentity, ed_desk_identity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_USER_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MAX_USER_NAME_CHARS 80

static const char select_state_sql[] = "SELECT value FROM desk_state WHERE key = ?1";
static const char upsert_state_sql[] =
  "INSERT INTO desk_state (key, value) VALUES (?1, ?2) "
  "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
static const char delete_state_sql[] = "DELETE FROM desk_state WHERE key = ?1";

static void
ed_desk_identity_finalize (GObject *object)
{
  EdDeskIdentity *self = (EdDeskIdentity *)object;

  g_clear_object (&self->database);
  g_free (self->device_id);
  g_free (self->user_name);
  g_free (self->user_name_override);

  G_OBJECT_CLASS (ed_desk_identity_parent_class)->finalize (object);
}

static void
ed_desk_identity_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EdDeskIdentity *self = ED_DESK_IDENTITY (object);

  switch (prop_id)
    {
    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_desk_identity_class_init (EdDeskIdentityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ed_desk_identity_finalize;
  object_class->get_property = ed_desk_identity_get_property;

  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ed_desk_identity_init (EdDeskIdentity *self)
{
}

/**
 * ed_desk_identity_get_account_name:
 *
 * Returns: (transfer full): the operating-system account's full name, or its login name when
 *   the account has no full name
 */
char *
ed_desk_identity_get_account_name (void)
{
  const char *real_name = g_get_real_name ();

  if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
    return g_strdup (g_get_user_name ());
  return g_strdup (real_name);
}

static gboolean
read_state (EdDatabase  *database,
            const char  *key,
            char       **out_value,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, select_state_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    *out_value = NULL;
  else
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_state (EdDatabase  *database,
             const char  *key,
             const char  *value,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ed_database_prepare (database, value != NULL ? upsert_state_sql : delete_state_sql,
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return ed_database_step_done (database, stmt, error);
}

static void
update_user_name (EdDeskIdentity *self)
{
  g_free (self->user_name);
  if (self->user_name_override != NULL)
    self->user_name = g_strdup (self->user_name_override);
  else
    self->user_name = ed_desk_identity_get_account_name ();
}

/**
 * ed_desk_identity_load:
 * @database: an open database
 * @error: return location for an error
 *
 * Reads this desk's identity, making a device id on the first open.
 *
 * Returns: (transfer full): the identity, or %NULL with @error set
 */
EdDeskIdentity *
ed_desk_identity_load (EdDatabase  *database,
                       GError     **error)
{
  g_autoptr(EdDeskIdentity) self = NULL;

  g_return_val_if_fail (ED_IS_DATABASE (database), NULL);

  self = g_object_new (ED_TYPE_DESK_IDENTITY, NULL);
  self->database = g_object_ref (database);

  if (!read_state (database, "device-id", &self->device_id, error) ||
      !read_state (database, "user-name", &self->user_name_override, error))
    return NULL;

  if (self->device_id == NULL)
    {
      self->device_id = g_uuid_string_random ();
      if (!write_state (database, "device-id", self->device_id, error))
        return NULL;
    }

  update_user_name (self);
  return g_steal_pointer (&self);
}

EdDeskIdentity *
_ed_desk_identity_load_with_id (EdDatabase  *database,
                                const char  *device_id,
                                GError     **error)
{
  g_return_val_if_fail (ED_IS_DATABASE (database), NULL);
  g_return_val_if_fail (device_id != NULL, NULL);

  if (!write_state (database, "device-id", device_id, error))
    return NULL;
  return ed_desk_identity_load (database, error);
}

const char *
ed_desk_identity_get_device_id (EdDeskIdentity *self)
{
  g_return_val_if_fail (ED_IS_DESK_IDENTITY (self), NULL);

  return self->device_id;
}

/**
 * ed_desk_identity_get_user_name:
 * @self: a #EdDeskIdentity
 *
 * Returns: the name recorded against this desk's changes: the override set in preferences,
 *   or else the account's full name
 */
const char *
ed_desk_identity_get_user_name (EdDeskIdentity *self)
{
  g_return_val_if_fail (ED_IS_DESK_IDENTITY (self), NULL);

  return self->user_name;
}

const char *
ed_desk_identity_get_user_name_override (EdDeskIdentity *self)
{
  g_return_val_if_fail (ED_IS_DESK_IDENTITY (self), NULL);

  return self->user_name_override;
}

/**
 * ed_desk_identity_set_user_name_override:
 * @self: a #EdDeskIdentity
 * @name: (nullable): the name to record, or %NULL or "" to use the account's name again
 * @error: return location for an error
 */
gboolean
ed_desk_identity_set_user_name_override (EdDeskIdentity  *self,
                                         const char      *name,
                                         GError         **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (ED_IS_DESK_IDENTITY (self), FALSE);

  if (name != NULL)
    {
      if (!g_utf8_validate (name, -1, NULL))
        {
          g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                               _("The user name is not valid text."));
          return FALSE;
        }
      clean = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
      g_strstrip (clean);
      if (*clean == '\0')
        g_clear_pointer (&clean, g_free);
    }

  if (clean != NULL && g_utf8_strlen (clean, -1) > MAX_USER_NAME_CHARS)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("The user name is too long: at most %d characters."), MAX_USER_NAME_CHARS);
      return FALSE;
    }
  if (clean != NULL && strpbrk (clean, "\n\r\t") != NULL)
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                           _("The user name must be on one line."));
      return FALSE;
    }

  if (!write_state (self->database, "user-name", clean, error))
    return FALSE;

  g_free (self->user_name_override);
  self->user_name_override = g_steal_pointer (&clean);
  update_user_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_NAME]);
  return TRUE;
}
