/* ed-test-transport.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include <string.h>

#include "ed-test-transport.h"

static char *
join (const char *folder,
      const char *name)
{
  return folder[0] == '\0' ? g_strdup (name) : g_strconcat (folder, "/", name, NULL);
}

static EdShareEntry *
copy_entry (const EdShareEntry *entry)
{
  EdShareEntry *copy = g_memdup2 (entry, sizeof *entry);

  copy->name = g_strdup (entry->name);
  return copy;
}

static GPtrArray *
copy_entries (GPtrArray *entries)
{
  GPtrArray *copy = g_ptr_array_new_full (entries->len, (GDestroyNotify) ed_share_entry_free);

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (copy, copy_entry (g_ptr_array_index (entries, i)));
  return copy;
}

/* --- Single writer ---------------------------------------------------------------------- */

struct _EdTestOwnedTransport
{
  GObject parent_instance;

  EdTransport *inner;
  char        *device;
};

static void owned_iface_init (EdTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdTestOwnedTransport, ed_test_owned_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ED_TYPE_TRANSPORT, owned_iface_init))

/* The name of a file directly in @folder, without the ".~" and ".<nonce>.partial" a writer
 * puts around a temporary (ed_share_temporary_path()); or NULL if @path is not directly in
 * @folder. */
static char *
bare_name_in (const char *path,
              const char *folder)
{
  char *name;
  gsize length;

  if (!g_str_has_prefix (path, folder) || strchr (path + strlen (folder), '/') != NULL)
    return NULL;
  name = g_strdup (path + strlen (folder));
  if (g_str_has_prefix (name, ".~"))
    memmove (name, name + 2, strlen (name + 2) + 1);
  length = strlen (name);
  if (g_str_has_suffix (name, ".partial"))
    {
      name[length - strlen (".partial")] = '\0';
      length = strlen (name);
      /* The nonce: a dot and eight hexadecimal digits. */
      if (length > 9 && name[length - 9] == '.')
        {
          gboolean hex = TRUE;

          for (gsize i = length - 8; i < length; i++)
            hex = hex && g_ascii_isxdigit (name[i]);
          if (hex)
            name[length - 9] = '\0';
        }
    }
  return name;
}

static gboolean
is_named_in (const char *path,
             const char *folder,
             const char *prefix,
             const char *suffix)
{
  g_autofree char *name = bare_name_in (path, folder);

  return name != NULL && g_str_has_prefix (name, prefix) && g_str_has_suffix (name, suffix) &&
         strlen (name) > strlen (prefix) + strlen (suffix);
}

static gboolean
is_file_in (const char *path,
            const char *folder,
            const char *file)
{
  g_autofree char *name = bare_name_in (path, folder);

  return name != NULL && g_str_equal (name, file);
}

/**
 * ed_test_owned_transport_may_write:
 * @device: a desk's device id
 * @path: a path on the share
 *
 * Whether desk @device may create, rename or remove @path (SYNC.md §4.5): its own folder
 * under devices/, its acks, snapshots and roster entries, the keys and team.json.
 *
 * Returns: %TRUE if the path is the desk's to write
 */
gboolean
ed_test_owned_transport_may_write (const char *device,
                                   const char *path)
{
  g_autofree char *own_folder = g_strconcat ("esync-v1/devices/", device, "/", NULL);
  g_autofree char *ack = g_strconcat ("a-", device, "-", NULL);
  g_autofree char *snapshot = g_strconcat ("s-", device, "-", NULL);
  g_autofree char *roster = g_strconcat ("-", device, ".json", NULL);

  return (g_str_has_prefix (path, own_folder) && path[strlen (own_folder)] != '\0') ||
         is_named_in (path, "esync-v1/acks/", ack, "") ||
         is_named_in (path, "esync-v1/snapshots/", snapshot, "") ||
         is_named_in (path, "esync-v1/roster/", "r-", roster) ||
         (g_str_has_prefix (path, "esync-v1/keys/") && path[strlen ("esync-v1/keys/")] != '\0') ||
         is_file_in (path, "esync-v1/", "team.json");
}

static void
check_owned (EdTestOwnedTransport *self,
             const char           *what,
             const char           *path)
{
  if (!ed_test_owned_transport_may_write (self->device, path))
    g_error ("Desk %s tried to %s “%s”, which is not its own: every file on the share has "
             "one writer (SYNC.md §4.1 principle 2, §5 criterion 11)",
             self->device, what, path);
}

static GPtrArray *
owned_list (EdTransport   *transport,
            const char    *folder,
            GCancellable  *cancellable,
            GError       **error)
{
  EdTestOwnedTransport *self = ED_TEST_OWNED_TRANSPORT (transport);

  return ed_transport_list (self->inner, folder, cancellable, error);
}

static GBytes *
owned_read (EdTransport   *transport,
            const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  EdTestOwnedTransport *self = ED_TEST_OWNED_TRANSPORT (transport);

  return ed_transport_read (self->inner, path, cancellable, error);
}

static gboolean
owned_write_new (EdTransport   *transport,
                 const char    *path,
                 GBytes        *contents,
                 GCancellable  *cancellable,
                 GError       **error)
{
  EdTestOwnedTransport *self = ED_TEST_OWNED_TRANSPORT (transport);

  check_owned (self, "write", path);
  return ed_transport_write_new (self->inner, path, contents, cancellable, error);
}

static gboolean
owned_rename_new (EdTransport   *transport,
                  const char    *from,
                  const char    *to,
                  GCancellable  *cancellable,
                  GError       **error)
{
  EdTestOwnedTransport *self = ED_TEST_OWNED_TRANSPORT (transport);

  check_owned (self, "rename", from);
  check_owned (self, "rename to", to);
  return ed_transport_rename_new (self->inner, from, to, cancellable, error);
}

static gboolean
owned_remove (EdTransport   *transport,
              const char    *path,
              GCancellable  *cancellable,
              GError       **error)
{
  EdTestOwnedTransport *self = ED_TEST_OWNED_TRANSPORT (transport);

  check_owned (self, "remove", path);
  return ed_transport_remove (self->inner, path, cancellable, error);
}

static gboolean
owned_make_folder (EdTransport   *transport,
                   const char    *path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  EdTestOwnedTransport *self = ED_TEST_OWNED_TRANSPORT (transport);

  /* Shared folders (acks/, roster/) are made by whichever desk needs them first. */
  return ed_transport_make_folder (self->inner, path, cancellable, error);
}

static char *
owned_describe (EdTransport *transport)
{
  EdTestOwnedTransport *self = ED_TEST_OWNED_TRANSPORT (transport);

  return ed_transport_describe (self->inner);
}

static void
owned_iface_init (EdTransportInterface *iface)
{
  iface->list = owned_list;
  iface->read = owned_read;
  iface->write_new = owned_write_new;
  iface->rename_new = owned_rename_new;
  iface->remove = owned_remove;
  iface->make_folder = owned_make_folder;
  iface->describe = owned_describe;
}

static void
ed_test_owned_transport_finalize (GObject *object)
{
  EdTestOwnedTransport *self = ED_TEST_OWNED_TRANSPORT (object);

  g_clear_object (&self->inner);
  g_free (self->device);
  G_OBJECT_CLASS (ed_test_owned_transport_parent_class)->finalize (object);
}

static void
ed_test_owned_transport_class_init (EdTestOwnedTransportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_test_owned_transport_finalize;
}

static void
ed_test_owned_transport_init (EdTestOwnedTransport *self)
{
}

/**
 * ed_test_owned_transport_new:
 * @inner: the transport to pass everything to
 * @device: the desk that uses it
 *
 * Returns: (transfer full): a transport that aborts the test when @device writes, renames or
 *   removes another desk's file
 */
EdTransport *
ed_test_owned_transport_new (EdTransport *inner,
                             const char  *device)
{
  EdTestOwnedTransport *self = g_object_new (ED_TYPE_TEST_OWNED_TRANSPORT, NULL);

  self->inner = g_object_ref (inner);
  self->device = g_strdup (device);
  return ED_TRANSPORT (self);
}

/* --- Adversarial ------------------------------------------------------------------------ */

struct _EdTestAdversarialTransport
{
  GObject parent_instance;

  EdTransport     *inner;
  GRand           *rand;
  EdTestAdversity  adversity;
  gboolean         healed;
  guint            counts[ED_TEST_N_FAULTS];

  GHashTable      *previous;  /* folder → the listing before, for stale listings */
  GHashTable      *aliases;   /* a conflict copy's path → the path of the file it copies */
  GHashTable      *noise;     /* paths of noise entries listed */
  GHashTable      *pending;   /* a renamed file's path → reads still to show it incomplete */
};

static void adversarial_iface_init (EdTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdTestAdversarialTransport, ed_test_adversarial_transport,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ED_TYPE_TRANSPORT, adversarial_iface_init))

static const char *noise_names[] = { "desktop.ini", "Thumbs.db", ".DS_Store", ".~b-x.esb.partial" };

static const char *fault_names[] = {
  "truncated", "bit-flip", "placeholder", "stale-listing", "vanished", "conflict-copy",
  "noise", "partial-rename",
};

G_STATIC_ASSERT (G_N_ELEMENTS (fault_names) == ED_TEST_N_FAULTS);

const char *
ed_test_fault_to_string (EdTestFault fault)
{
  g_return_val_if_fail (fault < ED_TEST_N_FAULTS, NULL);
  return fault_names[fault];
}

static gboolean
strikes (EdTestAdversarialTransport *self,
         double                      probability)
{
  return !self->healed && g_rand_double (self->rand) < probability;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const EdShareEntry *left = *(EdShareEntry * const *) a;
  const EdShareEntry *right = *(EdShareEntry * const *) b;

  return strcmp (left->name, right->name);
}

/* The names sync clients give the copies they make when two uploads collide. */
static char *
conflict_copy_name (EdTestAdversarialTransport *self,
                    const char                 *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = dot != NULL ? g_strndup (name, (gsize) (dot - name)) : g_strdup (name);
  const char *extension = dot != NULL ? dot : "";

  switch (g_rand_int_range (self->rand, 0, 3))
    {
    case 0: /* Nextcloud, Dropbox */
      return g_strconcat (stem, " (conflicted copy 2026-12-01)", extension, NULL);
    case 1: /* Syncthing */
      return g_strconcat (name, ".sync-conflict-20261201-120000-ABCDEFG", NULL);
    default: /* OneDrive: the machine's name */
      return g_strconcat (stem, "-DESKTOP-7", extension, NULL);
    }
}

static void
add_conflict_copies (EdTestAdversarialTransport *self,
                     const char                 *folder,
                     GPtrArray                  *entries)
{
  guint listed = entries->len;

  for (guint i = 0; i < listed; i++)
    {
      EdShareEntry *entry = g_ptr_array_index (entries, i);
      EdShareEntry *copy;

      if (entry->is_folder || !strikes (self, self->adversity.conflict_copy))
        continue;
      copy = copy_entry (entry);
      g_free (copy->name);
      copy->name = conflict_copy_name (self, entry->name);
      g_hash_table_replace (self->aliases, join (folder, copy->name), join (folder, entry->name));
      g_ptr_array_add (entries, copy);
      self->counts[ED_TEST_FAULT_CONFLICT_COPY]++;
    }
}

static void
add_noise (EdTestAdversarialTransport *self,
           const char                 *folder,
           GPtrArray                  *entries)
{
  EdShareEntry *entry;

  if (!strikes (self, self->adversity.noise))
    return;
  entry = g_new0 (EdShareEntry, 1);
  entry->name = g_strdup (noise_names[g_rand_int_range (self->rand, 0,
                                                        G_N_ELEMENTS (noise_names))]);
  entry->size = 16;
  entry->mtime = (gint64) 1764590400 * G_USEC_PER_SEC;
  g_hash_table_add (self->noise, join (folder, entry->name));
  g_ptr_array_add (entries, entry);
  self->counts[ED_TEST_FAULT_NOISE]++;
}

static GPtrArray *
adversarial_list (EdTransport   *transport,
                  const char    *folder,
                  GCancellable  *cancellable,
                  GError       **error)
{
  EdTestAdversarialTransport *self = ED_TEST_ADVERSARIAL_TRANSPORT (transport);
  g_autoptr(GPtrArray) entries = ed_transport_list (self->inner, folder, cancellable, error);
  GPtrArray *previous;

  if (entries == NULL)
    return NULL;
  /* The order a folder lists in is the file system's; sorted, a seed replays exactly. */
  g_ptr_array_sort (entries, compare_entries);

  previous = g_hash_table_lookup (self->previous, folder);
  if (previous != NULL && strikes (self, self->adversity.stale_listing))
    {
      g_ptr_array_unref (entries);
      entries = copy_entries (previous);
      self->counts[ED_TEST_FAULT_STALE_LISTING]++;
    }
  else
    {
      g_hash_table_replace (self->previous, g_strdup (folder), copy_entries (entries));
    }

  for (guint i = entries->len; i > 0; i--)
    {
      EdShareEntry *entry = g_ptr_array_index (entries, i - 1);

      if (!entry->is_folder && strikes (self, self->adversity.vanish))
        {
          g_ptr_array_remove_index (entries, i - 1);
          self->counts[ED_TEST_FAULT_VANISHED]++;
        }
    }
  add_conflict_copies (self, folder, entries);
  add_noise (self, folder, entries);
  return g_steal_pointer (&entries);
}

static GBytes *
prefix_of (EdTestAdversarialTransport *self,
           GBytes                     *bytes)
{
  gsize length = g_bytes_get_size (bytes);

  return g_bytes_new_from_bytes (bytes, 0, (gsize) g_rand_int_range (self->rand, 0,
                                                                      (gint32) length));
}

static GBytes *
flip_a_bit (EdTestAdversarialTransport *self,
            GBytes                     *bytes)
{
  gsize length = 0;
  guint8 *data = g_bytes_unref_to_data (g_bytes_ref (bytes), &length);
  guint32 bit = (guint32) g_rand_int_range (self->rand, 0, (gint32) (length * 8));

  data[bit / 8] ^= (guint8) (1u << (bit % 8));
  return g_bytes_new_take (data, length);
}

/* What a read may bring back instead of the file: nothing (a placeholder not downloaded), a
 * prefix (a file still arriving), or a bit changed (a bad disk or a bad copy). */
static GBytes *
spoil (EdTestAdversarialTransport *self,
       const char                 *path,
       GBytes                     *bytes)
{
  guint pending = GPOINTER_TO_UINT (g_hash_table_lookup (self->pending, path));
  gsize length = g_bytes_get_size (bytes);
  double roll;

  if (pending > 0)
    {
      g_hash_table_replace (self->pending, g_strdup (path), GUINT_TO_POINTER (pending - 1));
      self->counts[ED_TEST_FAULT_PARTIAL_RENAME]++;
      return length > 0 ? prefix_of (self, bytes) : g_bytes_ref (bytes);
    }
  if (self->healed || length == 0)
    return g_bytes_ref (bytes);

  roll = g_rand_double (self->rand);
  if (roll < self->adversity.placeholder)
    {
      self->counts[ED_TEST_FAULT_PLACEHOLDER]++;
      return g_bytes_new (NULL, 0);
    }
  roll -= self->adversity.placeholder;
  if (roll < self->adversity.truncate)
    {
      self->counts[ED_TEST_FAULT_TRUNCATED]++;
      return prefix_of (self, bytes);
    }
  roll -= self->adversity.truncate;
  if (roll < self->adversity.bit_flip)
    {
      self->counts[ED_TEST_FAULT_BIT_FLIP]++;
      return flip_a_bit (self, bytes);
    }
  return g_bytes_ref (bytes);
}

static GBytes *
adversarial_read (EdTransport   *transport,
                  const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  EdTestAdversarialTransport *self = ED_TEST_ADVERSARIAL_TRANSPORT (transport);
  const char *original = g_hash_table_lookup (self->aliases, path);
  g_autoptr(GBytes) bytes = NULL;

  if (g_hash_table_contains (self->noise, path))
    return g_bytes_new_static ("[.ShellClassInfo", 16);

  bytes = ed_transport_read (self->inner, original != NULL ? original : path, cancellable,
                             error);
  if (bytes == NULL)
    return NULL;
  return spoil (self, path, bytes);
}

static gboolean
adversarial_write_new (EdTransport   *transport,
                       const char    *path,
                       GBytes        *contents,
                       GCancellable  *cancellable,
                       GError       **error)
{
  EdTestAdversarialTransport *self = ED_TEST_ADVERSARIAL_TRANSPORT (transport);

  return ed_transport_write_new (self->inner, path, contents, cancellable, error);
}

/* A rename that a share carries as a delete and a create (OneDrive) or a FUSE mount races
 * (SYNC.md §3): the new name shows empty or partial content for one read. */
static gboolean
adversarial_rename_new (EdTransport   *transport,
                        const char    *from,
                        const char    *to,
                        GCancellable  *cancellable,
                        GError       **error)
{
  EdTestAdversarialTransport *self = ED_TEST_ADVERSARIAL_TRANSPORT (transport);

  if (!ed_transport_rename_new (self->inner, from, to, cancellable, error))
    return FALSE;
  if (strikes (self, self->adversity.partial_rename))
    g_hash_table_replace (self->pending, g_strdup (to), GUINT_TO_POINTER (1));
  return TRUE;
}

static gboolean
adversarial_remove (EdTransport   *transport,
                    const char    *path,
                    GCancellable  *cancellable,
                    GError       **error)
{
  EdTestAdversarialTransport *self = ED_TEST_ADVERSARIAL_TRANSPORT (transport);

  return ed_transport_remove (self->inner, path, cancellable, error);
}

static gboolean
adversarial_make_folder (EdTransport   *transport,
                         const char    *path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  EdTestAdversarialTransport *self = ED_TEST_ADVERSARIAL_TRANSPORT (transport);

  return ed_transport_make_folder (self->inner, path, cancellable, error);
}

static char *
adversarial_describe (EdTransport *transport)
{
  EdTestAdversarialTransport *self = ED_TEST_ADVERSARIAL_TRANSPORT (transport);

  return ed_transport_describe (self->inner);
}

static void
adversarial_iface_init (EdTransportInterface *iface)
{
  iface->list = adversarial_list;
  iface->read = adversarial_read;
  iface->write_new = adversarial_write_new;
  iface->rename_new = adversarial_rename_new;
  iface->remove = adversarial_remove;
  iface->make_folder = adversarial_make_folder;
  iface->describe = adversarial_describe;
}

static void
ed_test_adversarial_transport_finalize (GObject *object)
{
  EdTestAdversarialTransport *self = ED_TEST_ADVERSARIAL_TRANSPORT (object);

  g_clear_object (&self->inner);
  g_rand_free (self->rand);
  g_hash_table_unref (self->previous);
  g_hash_table_unref (self->aliases);
  g_hash_table_unref (self->noise);
  g_hash_table_unref (self->pending);
  G_OBJECT_CLASS (ed_test_adversarial_transport_parent_class)->finalize (object);
}

static void
ed_test_adversarial_transport_class_init (EdTestAdversarialTransportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_test_adversarial_transport_finalize;
}

static void
ed_test_adversarial_transport_init (EdTestAdversarialTransport *self)
{
  self->adversity = (EdTestAdversity) {
    .truncate = 0.1,
    .bit_flip = 0.1,
    .placeholder = 0.05,
    .stale_listing = 0.2,
    .vanish = 0.1,
    .conflict_copy = 0.1,
    .noise = 0.2,
    .partial_rename = 0.5,
  };
  self->previous = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->noise = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * ed_test_adversarial_transport_new:
 * @inner: the transport to pass everything to
 * @seed: the seed of every fault: the same seed and the same calls give the same faults
 *
 * Returns: (transfer full): a transport that truncates, flips bits, lists stale or with
 *   files missing, adds conflict copies and noise, and shows renamed files incomplete, with
 *   the default probabilities until ed_test_adversarial_transport_set_adversity()
 */
EdTransport *
ed_test_adversarial_transport_new (EdTransport *inner,
                                   guint32      seed)
{
  EdTestAdversarialTransport *self = g_object_new (ED_TYPE_TEST_ADVERSARIAL_TRANSPORT, NULL);

  self->inner = g_object_ref (inner);
  self->rand = g_rand_new_with_seed (seed);
  return ED_TRANSPORT (self);
}

void
ed_test_adversarial_transport_set_adversity (EdTestAdversarialTransport *self,
                                             const EdTestAdversity      *adversity)
{
  g_return_if_fail (ED_IS_TEST_ADVERSARIAL_TRANSPORT (self));
  /* Some reads must come back intact, or nothing would ever be ingested before the heal. */
  g_return_if_fail (adversity->placeholder + adversity->truncate + adversity->bit_flip < 1.0);
  self->adversity = *adversity;
}

/**
 * ed_test_adversarial_transport_heal:
 * @self: an adversarial transport
 * @healed: whether every fault stops
 *
 * Healed, the transport passes everything through intact: the phase after which the
 * simulator checks that every desk converged (SYNC.md §4.12).
 */
void
ed_test_adversarial_transport_heal (EdTestAdversarialTransport *self,
                                    gboolean                    healed)
{
  g_return_if_fail (ED_IS_TEST_ADVERSARIAL_TRANSPORT (self));
  self->healed = healed;
  if (healed)
    g_hash_table_remove_all (self->pending);
}

guint
ed_test_adversarial_transport_count (EdTestAdversarialTransport *self,
                                     EdTestFault                 fault)
{
  g_return_val_if_fail (ED_IS_TEST_ADVERSARIAL_TRANSPORT (self), 0);
  g_return_val_if_fail (fault < ED_TEST_N_FAULTS, 0);
  return self->counts[fault];
}
