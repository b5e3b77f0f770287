/* ed-context.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "config.h"

#include "ed-context.h"

/* One EdContext per open district, created by the application or a CLI command and handed to
 * every page and command. Nothing in the program keeps district state anywhere else, so a
 * test builds a context on a temporary file and gets the real thing. */

struct _EdContext
{
  GObject             parent_instance;

  EdDatabase         *database;
  EdDeskIdentity     *desk;
  EdDistrictSettings *settings;
};

G_DEFINE_FINAL_TYPE (EdContext, ed_context, G_TYPE_OBJECT)

static void
ed_context_finalize (GObject *object)
{
  EdContext *self = (EdContext *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->desk);
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
  g_autoptr(EdContext) self = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ED_TYPE_CONTEXT, NULL);

  self->database = ed_database_open (database_path, error);
  if (self->database == NULL)
    return NULL;

  self->desk = ed_desk_identity_load (self->database, error);
  if (self->desk == NULL)
    return NULL;

  self->settings = ed_district_settings_load (self->database, error);
  if (self->settings == NULL)
    return NULL;

  return g_steal_pointer (&self);
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
