/* ed-context.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-district"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "district/ed-context-private.h"
#include "district/ed-district-resources.h"

/* One EdContext per open district, created by the application or a CLI command and handed to
 * every page and command. Nothing in the program keeps district state anywhere else, so a
 * test builds a context on a temporary file and gets the real thing.
 *
 * The context is the desk's replica of the district (changes/ed-replica.h) with what a
 * district adds on top: its settings, and the list of modules its schema was built from. It
 * knows no module by name. */

struct _EdContext
{
  EdReplica               parent_instance;

  const EdModule * const *modules;
  EdDistrictSettings     *settings;
};

/* The district table and its settings (district/sql). */
#define ED_DISTRICT_MIGRATIONS "/org/electoraldesk/ElectoralDesk/district/sql"

static const EdModule * const no_modules[] = { NULL };

G_DEFINE_FINAL_TYPE (EdContext, ed_context, ED_TYPE_REPLICA)

static void
ed_context_finalize (GObject *object)
{
  EdContext *self = (EdContext *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ed_context_parent_class)->finalize (object);
}

/* Another desk's changes may have changed the district's own row. */
static gboolean
ed_context_merged (EdReplica  *replica,
                   GError    **error)
{
  return ed_district_settings_reload (ED_CONTEXT (replica)->settings, error);
}

static void
ed_context_class_init (EdContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_context_finalize;
  ED_REPLICA_CLASS (klass)->merged = ed_context_merged;
}

static void
ed_context_init (EdContext *self)
{
  self->modules = no_modules;
}

/**
 * ed_context_new_schema:
 * @modules: (array zero-terminated=1): the module list
 *
 * Returns: (transfer full): the registry of a district with @modules: the change layer's
 *   tables, the district's own, then each module's in the list's order
 */
EdSchema *
ed_context_new_schema (const EdModule * const *modules)
{
  EdSchema *schema = ed_schema_new ();

  g_return_val_if_fail (modules != NULL, schema);

  /* Referencing the resource keeps the linker from dropping it out of the static library;
   * its constructor registers it. */
  (void)ed_district_get_resource ();

  ed_schema_add_migrations (schema, ED_DISTRICT_MIGRATIONS);
  ed_schema_add_table (schema, &ed_district_table);
  ed_schema_set_identity_table (schema, ed_district_table.name);
  ed_schema_set_identity_name_column (schema, "council_name");
  ed_schema_add_validator (schema, &ed_district_validator);

  for (guint i = 0; modules[i] != NULL; i++)
    if (modules[i]->add_schema != NULL)
      modules[i]->add_schema (schema);

  return schema;
}

EdContext *
_ed_context_open_full (const char              *path,
                       const EdModule * const  *modules,
                       EdSchema                *schema,
                       EdClockFunc              clock,
                       gpointer                 clock_data,
                       const char              *device_id,
                       GError                 **error)
{
  g_autoptr(EdContext) self = NULL;
  g_autoptr(EdSchema) own_schema = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ED_TYPE_CONTEXT, NULL);
  if (modules != NULL)
    self->modules = modules;
  if (schema == NULL)
    schema = own_schema = ed_context_new_schema (self->modules);

  if (!ed_replica_load (ED_REPLICA (self), path, schema, clock, clock_data, device_id, error))
    return NULL;

  self->settings = ed_district_settings_load (self, error);
  if (self->settings == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ed_context_open:
 * @database_path: the district's database file; created when missing
 * @modules: (array zero-terminated=1): the module list (ed_modules_get_all() in the program)
 * @error: return location for an error
 *
 * Returns: (transfer full): a context on the district, or %NULL with @error set
 */
EdContext *
ed_context_open (const char              *database_path,
                 const EdModule * const  *modules,
                 GError                 **error)
{
  g_return_val_if_fail (modules != NULL, NULL);

  return _ed_context_open_full (database_path, modules, NULL, NULL, NULL, NULL, error);
}

/**
 * ed_context_create:
 * @database_path: where the new district goes: a file that does not exist yet
 * @modules: (array zero-terminated=1): the module list
 * @values: (element-type utf8 utf8): setting key → value; council-name and country are
 *   required (ed_district_settings_create())
 * @error: return location for an error
 *
 * Creates a new district, as the New District dialog and `electoral-desk-cli district create`
 * do. Every value is checked before the file is made, and a district that cannot be set up
 * leaves no file behind.
 *
 * Returns: (transfer full): the new district, open, or %NULL with @error set
 */
EdContext *
ed_context_create (const char              *database_path,
                   const EdModule * const  *modules,
                   GHashTable              *values,
                   GError                 **error)
{
  g_autoptr(EdContext) context = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (modules != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);

  if (g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (database_path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("There is already a file at “%s”: a new district needs a new file."),
                   display);
      return NULL;
    }
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *normalised = NULL;

      if (!ed_district_settings_normalise_value (key, value, &normalised, error))
        return NULL;
    }

  context = ed_context_open (database_path, modules, error);
  if (context == NULL)
    return NULL;
  if (!ed_district_settings_create (ed_context_get_settings (context), values, error))
    {
      g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (database_path, "-shm", NULL);

      /* Leave no half-made district behind: the file was created just now, for this. */
      g_clear_object (&context);
      g_remove (database_path);
      g_remove (wal);
      g_remove (shm);
      return NULL;
    }
  return g_steal_pointer (&context);
}

/**
 * ed_context_get_modules:
 * @self: a district
 *
 * Returns: (transfer none) (array zero-terminated=1): the modules the district was opened
 *   with, in the sidebar's order
 */
const EdModule * const *
ed_context_get_modules (EdContext *self)
{
  g_return_val_if_fail (ED_IS_CONTEXT (self), no_modules);

  return self->modules;
}

EdDatabase *
ed_context_get_database (EdContext *self)
{
  return ed_replica_get_database (ED_REPLICA (self));
}

EdDeskIdentity *
ed_context_get_desk (EdContext *self)
{
  return ed_replica_get_desk (ED_REPLICA (self));
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
  return ed_replica_get_device_id (ED_REPLICA (self));
}

const char *
ed_context_get_user_name (EdContext *self)
{
  return ed_replica_get_user_name (ED_REPLICA (self));
}

EdSchema *
ed_context_get_schema (EdContext *self)
{
  return ed_replica_get_schema (ED_REPLICA (self));
}

EdHlc *
ed_context_get_hlc (EdContext *self)
{
  return ed_replica_get_hlc (ED_REPLICA (self));
}

/* What a worker needs to open the same district again. */
typedef struct
{
  char                   *path;
  const EdModule * const *modules;
} JobOpen;

static void
job_open_free (gpointer data)
{
  JobOpen *open = data;

  g_free (open->path);
  g_free (open);
}

static GObject *
job_open (gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  JobOpen *open = data;

  /* Another connection to ":memory:" would be a new, empty database. */
  if (g_str_equal (open->path, ":memory:"))
    {
      g_set_error_literal (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_CANT_OPEN,
                           _("A district held in memory cannot be opened again by a worker"));
      return NULL;
    }
  /* The module list is static and read only, so the worker may share it. */
  return G_OBJECT (ed_context_open (open->path, open->modules, error));
}

/**
 * ed_context_run_job_async:
 * @self: the district
 * @func: the work: its connection is an #EdContext of its own on the same district, opened
 *   with the same modules in the worker thread
 * @task_data: data for @func, which also holds its results
 * @task_data_free: (nullable): frees @task_data with the job
 * @cancellable: (nullable): to stop the work; %NULL for one of the job's own
 * @callback: called when the work is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Runs long work on the district as an #EdJob (core/ed-job.h). WAL lets @self keep reading
 * while the worker writes.
 *
 * Returns: (transfer none): the job, for its progress and to cancel it; it lives at least
 *   until @callback has run
 */
EdJob *
ed_context_run_job_async (EdContext           *self,
                          EdJobFunc            func,
                          gpointer             task_data,
                          GDestroyNotify       task_data_free,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(EdJob) job = NULL;
  JobOpen *open;

  g_return_val_if_fail (ED_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  open = g_new0 (JobOpen, 1);
  open->path = g_strdup (ed_database_get_path (ed_context_get_database (self)));
  open->modules = self->modules;
  job = ed_job_new (job_open, open, job_open_free);
  ed_job_run_async (job, func, task_data, task_data_free, cancellable, callback, user_data);
  /* The running task holds the job until its callback has run. */
  return job;
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
