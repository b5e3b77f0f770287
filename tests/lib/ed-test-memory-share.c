/* ed-test-memory-share.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include <string.h>

#include "ed-test-memory-share.h"

typedef struct
{
  GBytes *contents;
  gint64  mtime;
} MemoryFile;

struct _EdTestMemoryShare
{
  GObject     parent_instance;

  GHashTable *files;    /* path → MemoryFile */
  GHashTable *folders;  /* path → itself: folders made, kept when empty */
  gint64      clock;    /* each write is one tick later than the last */
};

static void ed_test_memory_share_iface_init (EdTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdTestMemoryShare, ed_test_memory_share, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ED_TYPE_TRANSPORT,
                                                      ed_test_memory_share_iface_init))

static void
memory_file_free (MemoryFile *file)
{
  g_bytes_unref (file->contents);
  g_free (file);
}

static gboolean
not_found (GError     **error,
           const char  *path)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s does not exist", path);
  return FALSE;
}

static gboolean
exists_already (GError     **error,
                const char  *path)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s exists already", path);
  return FALSE;
}

/* The entry directly under @folder that @path lies in, or NULL if it lies elsewhere. */
static char *
child_of (const char *folder,
          const char *path,
          gboolean   *out_is_folder)
{
  gsize n = strlen (folder);
  const char *rest;
  const char *slash;

  if (strncmp (path, folder, n) != 0 || path[n] != '/')
    return NULL;
  rest = path + n + 1;
  slash = strchr (rest, '/');
  *out_is_folder = slash != NULL;
  return slash != NULL ? g_strndup (rest, (gsize)(slash - rest)) : g_strdup (rest);
}

static void
add_entry (GHashTable *seen,
           GPtrArray  *entries,
           char       *name,
           gboolean    is_folder,
           MemoryFile *file)
{
  EdShareEntry *entry;

  if (g_hash_table_contains (seen, name))
    {
      g_free (name);
      return;
    }
  entry = g_new0 (EdShareEntry, 1);
  entry->name = name;
  entry->is_folder = is_folder;
  if (file != NULL && !is_folder)
    {
      entry->size = g_bytes_get_size (file->contents);
      entry->mtime = file->mtime;
    }
  g_hash_table_add (seen, entry->name);
  g_ptr_array_add (entries, entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return strcmp ((*(EdShareEntry **)a)->name, (*(EdShareEntry **)b)->name);
}

static GPtrArray *
memory_list (EdTransport   *transport,
             const char    *folder,
             GCancellable  *cancellable,
             GError       **error)
{
  EdTestMemoryShare *self = ED_TEST_MEMORY_SHARE (transport);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_share_entry_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, self->files);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean is_folder;
      char *name = child_of (folder, key, &is_folder);

      if (name != NULL)
        add_entry (seen, entries, name, is_folder, value);
    }
  g_hash_table_iter_init (&iter, self->folders);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean is_folder;
      char *name = child_of (folder, key, &is_folder);

      if (name != NULL)
        add_entry (seen, entries, name, TRUE, NULL);
    }
  /* A listing's order is the server's: sorted here, so that a seed replays exactly. */
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

static GBytes *
memory_read (EdTransport   *transport,
             const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  EdTestMemoryShare *self = ED_TEST_MEMORY_SHARE (transport);
  MemoryFile *file = g_hash_table_lookup (self->files, path);

  if (file == NULL)
    {
      not_found (error, path);
      return NULL;
    }
  return g_bytes_ref (file->contents);
}

static void
put (EdTestMemoryShare *self,
     const char        *path,
     GBytes            *contents)
{
  MemoryFile *file = g_new0 (MemoryFile, 1);

  file->contents = g_bytes_ref (contents);
  file->mtime = ++self->clock;
  g_hash_table_replace (self->files, g_strdup (path), file);
}

static gboolean
memory_write_new (EdTransport   *transport,
                  const char    *path,
                  GBytes        *contents,
                  GCancellable  *cancellable,
                  GError       **error)
{
  EdTestMemoryShare *self = ED_TEST_MEMORY_SHARE (transport);

  if (g_hash_table_contains (self->files, path))
    return exists_already (error, path);
  put (self, path, contents);
  return TRUE;
}

static gboolean
memory_rename_new (EdTransport   *transport,
                   const char    *from,
                   const char    *to,
                   GCancellable  *cancellable,
                   GError       **error)
{
  EdTestMemoryShare *self = ED_TEST_MEMORY_SHARE (transport);
  gpointer key;
  gpointer value;

  if (g_hash_table_contains (self->files, to))
    return exists_already (error, to);
  if (!g_hash_table_steal_extended (self->files, from, &key, &value))
    return not_found (error, from);
  g_free (key);
  g_hash_table_insert (self->files, g_strdup (to), value);
  return TRUE;
}

static gboolean
memory_remove (EdTransport   *transport,
               const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  EdTestMemoryShare *self = ED_TEST_MEMORY_SHARE (transport);

  if (!g_hash_table_remove (self->files, path))
    return not_found (error, path);
  return TRUE;
}

static gboolean
memory_make_folder (EdTransport   *transport,
                    const char    *path,
                    GCancellable  *cancellable,
                    GError       **error)
{
  EdTestMemoryShare *self = ED_TEST_MEMORY_SHARE (transport);
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr(GString) prefix = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (prefix, '/');
      g_string_append (prefix, parts[i]);
      if (!g_hash_table_contains (self->folders, prefix->str))
        g_hash_table_add (self->folders, g_strdup (prefix->str));
    }
  return TRUE;
}

static char *
memory_describe (EdTransport *transport)
{
  return g_strdup ("memory:");
}

static void
ed_test_memory_share_iface_init (EdTransportInterface *iface)
{
  iface->list = memory_list;
  iface->read = memory_read;
  iface->write_new = memory_write_new;
  iface->rename_new = memory_rename_new;
  iface->remove = memory_remove;
  iface->make_folder = memory_make_folder;
  iface->describe = memory_describe;
}

static void
ed_test_memory_share_finalize (GObject *object)
{
  EdTestMemoryShare *self = ED_TEST_MEMORY_SHARE (object);

  g_hash_table_unref (self->files);
  g_hash_table_unref (self->folders);

  G_OBJECT_CLASS (ed_test_memory_share_parent_class)->finalize (object);
}

static void
ed_test_memory_share_class_init (EdTestMemoryShareClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_test_memory_share_finalize;
}

static void
ed_test_memory_share_init (EdTestMemoryShare *self)
{
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)memory_file_free);
  self->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

EdTransport *
ed_test_memory_share_new (void)
{
  return g_object_new (ED_TYPE_TEST_MEMORY_SHARE, NULL);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/**
 * ed_test_memory_share_list_all:
 * @self: a share
 *
 * Returns: (transfer full) (element-type utf8): every file's path, sorted
 */
GPtrArray *
ed_test_memory_share_list_all (EdTestMemoryShare *self)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->files);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, g_strdup (key));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

GBytes *
ed_test_memory_share_get (EdTestMemoryShare *self,
                          const char        *path)
{
  MemoryFile *file = g_hash_table_lookup (self->files, path);

  return file != NULL ? g_bytes_ref (file->contents) : NULL;
}

/* Puts a file as a sync client or a person might: replacing whatever was there. */
void
ed_test_memory_share_put (EdTestMemoryShare *self,
                          const char        *path,
                          GBytes            *contents)
{
  put (self, path, contents);
}
