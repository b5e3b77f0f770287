/* ed-sync-crypto.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The keys of SYNC.md §4.8 over libsodium: the team key of an epoch, wrapped with a passphrase
 * (§4.8a) or sealed to one desk (§4.8b); a desk's own signing and box keypairs in a file only
 * its owner can read; and the fingerprint two people compare aloud before a desk joins.
 *
 * Secrets live in memory locked with sodium_mlock() where the system allows it, and are wiped
 * before that memory is given back. */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "changes/ed-op.h"
#include "sync/ed-sync-crypto.h"

G_DEFINE_QUARK (ed-sync-crypto-error-quark, ed_sync_crypto_error)

G_STATIC_ASSERT (ED_TEAM_KEY_BYTES == crypto_secretbox_KEYBYTES);
G_STATIC_ASSERT (ED_TEAM_KEY_BYTES == crypto_secretstream_xchacha20poly1305_KEYBYTES);
G_STATIC_ASSERT (ED_SIGN_PUBLIC_BYTES == crypto_sign_PUBLICKEYBYTES);
G_STATIC_ASSERT (ED_SIGN_SECRET_BYTES == crypto_sign_SECRETKEYBYTES);
G_STATIC_ASSERT (ED_SIGNATURE_BYTES == crypto_sign_BYTES);
G_STATIC_ASSERT (ED_BOX_PUBLIC_BYTES == crypto_box_PUBLICKEYBYTES);
G_STATIC_ASSERT (ED_BOX_SECRET_BYTES == crypto_box_SECRETKEYBYTES);

/* The wrapped team key's format (SYNC.md §4.8a). */
#define WRAP_FORMAT 1
#define WRAP_KDF "argon2id13"

/* A wrapped key is a few hundred bytes; anything much longer is not one. */
#define WRAP_MAX_LENGTH (16 * 1024)

/* The most a wrapped key file may ask of this desk: enough for any limits a later version
 * might choose, far short of what a hostile file would need to exhaust memory or time. */
#define WRAP_MAX_MEMLIMIT ((gint64) 1024 * 1024 * 1024)
#define WRAP_MAX_OPSLIMIT ((gint64) 10 * crypto_pwhash_OPSLIMIT_SENSITIVE)

#define DESK_KEYS_GROUP "Desk Keys"

/* A desk key file is four base64 lines. */
#define DESK_KEYS_MAX_LENGTH (16 * 1024)

/* Of the BLAKE2b hash of the signing key, the bytes a fingerprint shows: 80 bits, which is
 * 16 base32 characters. */
#define FINGERPRINT_BYTES 10

/**
 * ed_sync_crypto_init:
 * @error: return location for why libsodium could not start
 *
 * Starts libsodium. Safe to call from any thread, as often as wanted: sodium_init() is itself
 * thread-safe and does nothing once it has succeeded.
 *
 * Returns: whether the functions of this file may be used
 */
gboolean
ed_sync_crypto_init (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_FAILED,
                           _("The encryption library could not start"));
      return FALSE;
    }
  return TRUE;
}

/* Locks @mem out of swap where the system allows it. A desk with a low RLIMIT_MEMLOCK still
 * works, only without that protection. */
static void
lock_secret (void  *mem,
             gsize  length)
{
  if (sodium_mlock (mem, length) != 0)
    g_debug ("Could not lock %" G_GSIZE_FORMAT " bytes of key in memory: %s",
             length, g_strerror (errno));
}

static void
wipe_secret (void  *mem,
             gsize  length)
{
  /* sodium_munlock() wipes as well, but not when the lock had failed. */
  sodium_memzero (mem, length);
  sodium_munlock (mem, length);
}

/**
 * ed_team_key_new:
 *
 * Returns: (transfer full): a team key of zeros in locked memory, to be filled; free with
 *   ed_team_key_free()
 */
EdTeamKey *
ed_team_key_new (void)
{
  EdTeamKey *key = g_new0 (EdTeamKey, 1);

  lock_secret (key, sizeof *key);
  return key;
}

/**
 * ed_team_key_generate:
 *
 * Makes the team key of a new epoch (SYNC.md §4.8).
 *
 * Returns: (transfer full) (nullable): 32 random bytes, or %NULL when libsodium cannot start
 */
EdTeamKey *
ed_team_key_generate (void)
{
  EdTeamKey *key;

  if (!ed_sync_crypto_init (NULL))
    return NULL;
  key = ed_team_key_new ();
  crypto_secretstream_xchacha20poly1305_keygen (key->bytes);
  return key;
}

/**
 * ed_team_key_free:
 * @key: (nullable): a team key
 *
 * Wipes and frees @key.
 */
void
ed_team_key_free (EdTeamKey *key)
{
  if (key == NULL)
    return;
  wipe_secret (key, sizeof *key);
  g_free (key);
}

static void
get_wrap_limits (unsigned long long *opslimit,
                 gsize              *memlimit)
{
  *opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
  *memlimit = crypto_pwhash_MEMLIMIT_MODERATE;
#ifdef ED_TEST_HOOKS
  /* MODERATE takes a second and 256 MiB for each wrap: tests ask for the least instead. */
  if (g_strcmp0 (g_getenv ("ED_SYNC_PWHASH_FAST"), "1") == 0)
    {
      *opslimit = crypto_pwhash_OPSLIMIT_MIN;
      *memlimit = crypto_pwhash_MEMLIMIT_MIN;
    }
#endif
}

/* Derives the key that wraps the team key from @passphrase. */
static gboolean
derive_wrapping_key (guint8             *out,
                     const char         *passphrase,
                     const guint8       *salt,
                     unsigned long long  opslimit,
                     gsize               memlimit,
                     GError            **error)
{
  if (crypto_pwhash (out, crypto_secretbox_KEYBYTES, passphrase, strlen (passphrase), salt,
                     opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_FAILED,
                           _("There is not enough memory to derive a key from the "
                             "passphrase"));
      return FALSE;
    }
  return TRUE;
}

static void
add_base64_member (JsonBuilder  *builder,
                   const char   *name,
                   const guint8 *data,
                   gsize         length)
{
  g_autofree char *text = ed_sync_base64_encode (data, length);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

/**
 * ed_team_key_wrap_passphrase:
 * @key: the team key
 * @passphrase: the team's passphrase, told to each new desk in person
 * @error: return location for an error
 *
 * Wraps @key for keys/team-<epoch>.pw (SYNC.md §4.8a): Argon2id with libsodium's MODERATE
 * limits derives a key from @passphrase and a random salt, and crypto_secretbox seals the team
 * key with it. The result is JSON text:
 * `{"format":1,"kdf":"argon2id13","opslimit":N,"memlimit":N,"salt":…,"nonce":…,"box":…}`,
 * the last three in base64.
 *
 * Returns: (transfer full) (nullable): the wrapped key, or %NULL with @error set
 */
char *
ed_team_key_wrap_passphrase (const EdTeamKey  *key,
                             const char       *passphrase,
                             GError          **error)
{
  g_autoptr(EdTeamKey) wrapping = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 nonce[crypto_secretbox_NONCEBYTES];
  guint8 box[crypto_secretbox_MACBYTES + ED_TEAM_KEY_BYTES];
  unsigned long long opslimit;
  gsize memlimit;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!ed_sync_crypto_init (error))
    return NULL;

  get_wrap_limits (&opslimit, &memlimit);
  randombytes_buf (salt, sizeof salt);
  randombytes_buf (nonce, sizeof nonce);
  wrapping = ed_team_key_new ();
  if (!derive_wrapping_key (wrapping->bytes, passphrase, salt, opslimit, memlimit, error))
    return NULL;
  crypto_secretbox_easy (box, key->bytes, ED_TEAM_KEY_BYTES, nonce, wrapping->bytes);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, WRAP_FORMAT);
  json_builder_set_member_name (builder, "kdf");
  json_builder_add_string_value (builder, WRAP_KDF);
  json_builder_set_member_name (builder, "opslimit");
  json_builder_add_int_value (builder, (gint64) opslimit);
  json_builder_set_member_name (builder, "memlimit");
  json_builder_add_int_value (builder, (gint64) memlimit);
  add_base64_member (builder, "salt", salt, sizeof salt);
  add_base64_member (builder, "nonce", nonce, sizeof nonce);
  add_base64_member (builder, "box", box, sizeof box);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static gboolean
set_bad_key_file (GError     **error,
                  const char  *field,
                  const char  *expected)
{
  g_set_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE,
               _("The wrapped team key is not one this desk can read: its field “%s” should be "
                 "%s"),
               field, expected);
  return FALSE;
}

/* Reads the integer member @field of a wrapped key, between @min and @max. */
static gboolean
get_wrap_int (JsonObject  *object,
              const char  *field,
              gint64       min,
              gint64       max,
              gint64      *out,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return set_bad_key_file (error, field, _("a whole number"));
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_autofree char *range = NULL;

      if (min == max)
        range = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      else
        range = g_strdup_printf (_("between %" PRId64 " and %" PRId64),
                                 min, max);
      return set_bad_key_file (error, field, range);
    }
  *out = value;
  return TRUE;
}

static gboolean
get_wrap_base64 (JsonObject  *object,
                 const char  *field,
                 guint8      *out,
                 gsize        length,
                 GError     **error)
{
  const char *text = ed_json_get_string (object, field);

  if (text == NULL || !ed_sync_base64_decode_exact (text, out, length))
    {
      g_autofree char *expected = g_strdup_printf (_("%" PRIu64 " bytes in base64"),
                                                   (guint64) length);

      return set_bad_key_file (error, field, expected);
    }
  return TRUE;
}

/**
 * ed_team_key_unwrap_passphrase:
 * @wrapped: text written by ed_team_key_wrap_passphrase(), from the share
 * @passphrase: the passphrase a person typed
 * @error: return location for an error
 *
 * The file comes from the share, so may be hostile: it is refused, before any work, when it
 * asks for more than 1 GiB of memory or ten times libsodium's SENSITIVE operations.
 *
 * A passphrase that is wrong and a box that was changed cannot be told apart; both are
 * %ED_SYNC_CRYPTO_ERROR_WRONG_PASSPHRASE.
 *
 * Returns: (transfer full) (nullable): the team key, or %NULL with @error set
 */
EdTeamKey *
ed_team_key_unwrap_passphrase (const char  *wrapped,
                               const char  *passphrase,
                               GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(EdTeamKey) wrapping = NULL;
  g_autoptr(EdTeamKey) key = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object;
  const char *kdf;
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 nonce[crypto_secretbox_NONCEBYTES];
  guint8 box[crypto_secretbox_MACBYTES + ED_TEAM_KEY_BYTES];
  gint64 format, opslimit, memlimit;
  gsize length;

  g_return_val_if_fail (wrapped != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!ed_sync_crypto_init (error))
    return NULL;

  length = strlen (wrapped);
  if (length > WRAP_MAX_LENGTH || !ed_json_depth_ok (wrapped, length))
    {
      g_set_error_literal (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE,
                           _("The wrapped team key is not one this desk can read: it is far "
                             "longer than a key"));
      return NULL;
    }
  root = json_from_string (wrapped, &parse_error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE,
                   _("The wrapped team key is not one this desk can read: it should be a "
                     "JSON object (%s)"),
                   parse_error != NULL ? parse_error->message : _("it is another kind of value"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!get_wrap_int (object, "format", WRAP_FORMAT, WRAP_FORMAT, &format, error))
    return NULL;
  kdf = ed_json_get_string (object, "kdf");
  if (g_strcmp0 (kdf, WRAP_KDF) != 0)
    {
      set_bad_key_file (error, "kdf", "“" WRAP_KDF "”");
      return NULL;
    }
  if (!get_wrap_int (object, "opslimit", crypto_pwhash_OPSLIMIT_MIN, WRAP_MAX_OPSLIMIT,
                     &opslimit, error) ||
      !get_wrap_int (object, "memlimit", crypto_pwhash_MEMLIMIT_MIN, WRAP_MAX_MEMLIMIT,
                     &memlimit, error) ||
      !get_wrap_base64 (object, "salt", salt, sizeof salt, error) ||
      !get_wrap_base64 (object, "nonce", nonce, sizeof nonce, error) ||
      !get_wrap_base64 (object, "box", box, sizeof box, error))
    return NULL;

  wrapping = ed_team_key_new ();
  if (!derive_wrapping_key (wrapping->bytes, passphrase, salt, (unsigned long long) opslimit,
                            (gsize) memlimit, error))
    return NULL;
  key = ed_team_key_new ();
  if (crypto_secretbox_open_easy (key->bytes, box, sizeof box, nonce, wrapping->bytes) != 0)
    {
      g_set_error_literal (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_WRONG_PASSPHRASE,
                           _("The passphrase does not open the team key"));
      return NULL;
    }
  return g_steal_pointer (&key);
}

/**
 * ed_team_key_seal:
 * @key: the team key
 * @box_public: the X25519 public key of the desk it is for (%ED_BOX_PUBLIC_BYTES)
 *
 * Seals @key to one desk for keys/team-<epoch>.<dev>.sealed (SYNC.md §4.8b): only the holder
 * of the matching secret key can open it, and nothing in it says who sealed it, so the roster
 * entry that goes with it is what an admin desk signs.
 *
 * Returns: (transfer full) (nullable): the sealed key, or %NULL when libsodium cannot start
 */
GBytes *
ed_team_key_seal (const EdTeamKey *key,
                  const guint8    *box_public)
{
  guint8 *sealed;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (box_public != NULL, NULL);

  if (!ed_sync_crypto_init (NULL))
    return NULL;
  sealed = g_malloc (crypto_box_SEALBYTES + ED_TEAM_KEY_BYTES);
  if (crypto_box_seal (sealed, key->bytes, ED_TEAM_KEY_BYTES, box_public) != 0)
    {
      g_free (sealed);
      return NULL;
    }
  return g_bytes_new_take (sealed, crypto_box_SEALBYTES + ED_TEAM_KEY_BYTES);
}

/**
 * ed_team_key_unseal:
 * @sealed: what ed_team_key_seal() made, from the share
 * @keys: this desk's keys
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the team key, or %NULL with @error set:
 *   %ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE when @sealed is not the length of a sealed key,
 *   %ED_SYNC_CRYPTO_ERROR_NOT_FOR_THIS_DESK when it does not open with @keys
 */
EdTeamKey *
ed_team_key_unseal (GBytes            *sealed,
                    const EdDeskKeys  *keys,
                    GError           **error)
{
  g_autoptr(EdTeamKey) key = NULL;
  const guint8 *data;
  gsize length;

  g_return_val_if_fail (sealed != NULL, NULL);
  g_return_val_if_fail (keys != NULL, NULL);

  if (!ed_sync_crypto_init (error))
    return NULL;
  data = g_bytes_get_data (sealed, &length);
  if (length != crypto_box_SEALBYTES + ED_TEAM_KEY_BYTES)
    {
      g_set_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE,
                   _("The sealed team key is %" PRIu64 " bytes long where %d were "
                     "expected"),
                   (guint64) length, (int) (crypto_box_SEALBYTES + ED_TEAM_KEY_BYTES));
      return NULL;
    }
  key = ed_team_key_new ();
  if (crypto_box_seal_open (key->bytes, data, length, keys->box_public, keys->box_secret) != 0)
    {
      g_set_error_literal (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_NOT_FOR_THIS_DESK,
                           _("The sealed team key is not sealed to this desk"));
      return NULL;
    }
  return g_steal_pointer (&key);
}

static EdDeskKeys *
desk_keys_new (void)
{
  EdDeskKeys *keys = g_new0 (EdDeskKeys, 1);

  lock_secret (keys, sizeof *keys);
  return keys;
}

/**
 * ed_desk_keys_generate:
 *
 * Makes a new desk's signing (Ed25519) and box (X25519) keypairs.
 *
 * Returns: (transfer full) (nullable): the keys, or %NULL when libsodium cannot start; free
 *   with ed_desk_keys_free()
 */
EdDeskKeys *
ed_desk_keys_generate (void)
{
  EdDeskKeys *keys;

  if (!ed_sync_crypto_init (NULL))
    return NULL;
  keys = desk_keys_new ();
  crypto_sign_keypair (keys->sign_public, keys->sign_secret);
  crypto_box_keypair (keys->box_public, keys->box_secret);
  return keys;
}

/**
 * ed_desk_keys_free:
 * @keys: (nullable): a desk's keys
 *
 * Wipes and frees @keys.
 */
void
ed_desk_keys_free (EdDeskKeys *keys)
{
  if (keys == NULL)
    return;
  wipe_secret (keys, sizeof *keys);
  g_free (keys);
}

static void
set_key_file_base64 (GKeyFile     *file,
                     const char   *name,
                     const guint8 *data,
                     gsize         length)
{
  g_autofree char *text = ed_sync_base64_encode (data, length);

  g_key_file_set_string (file, DESK_KEYS_GROUP, name, text);
  sodium_memzero (text, strlen (text));
}

/**
 * ed_desk_keys_save:
 * @keys: a desk's keys
 * @path: the file, in the user's config folder
 * @error: return location for an error
 *
 * Writes @keys as a key file with a `[Desk Keys]` group of four base64 fields (sign-public,
 * sign-secret, box-public, box-secret). The file has mode 0600 from the moment it exists, and
 * replaces any earlier one whole or not at all; a missing folder is made with mode 0700.
 *
 * Returns: whether the file was written
 */
gboolean
ed_desk_keys_save (const EdDeskKeys  *keys,
                   const char        *path,
                   GError           **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *folder = NULL;
  g_autofree char *data = NULL;
  gsize length;
  gboolean ok;

  g_return_val_if_fail (keys != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not make the folder “%s” for this desk's keys: %s"),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  /* GKeyFile keeps its own copies of the values, which it frees without wiping: they live
   * only until this function returns. */
  set_key_file_base64 (file, "sign-public", keys->sign_public, sizeof keys->sign_public);
  set_key_file_base64 (file, "sign-secret", keys->sign_secret, sizeof keys->sign_secret);
  set_key_file_base64 (file, "box-public", keys->box_public, sizeof keys->box_public);
  set_key_file_base64 (file, "box-secret", keys->box_secret, sizeof keys->box_secret);
  data = g_key_file_to_data (file, &length, NULL);

  ok = g_file_set_contents_full (path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
  sodium_memzero (data, length);
  return ok;
}

/* Reads at most DESK_KEYS_MAX_LENGTH bytes of the key file, refusing it when anyone but its
 * owner may read or change it. The mode is read from the open file, so it is the mode of the
 * file read, not of one since put in its place. The caller wipes and frees the text. */
static char *
read_desk_keys_file (const char  *path,
                     gsize       *out_length,
                     GError     **error)
{
  struct stat st;
  char *text;
  gsize length = 0;
  gboolean failed = FALSE;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not open this desk's key file “%s”: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE,
                   _("This desk's key file “%s” is not a regular file"), path);
      close (fd);
      return NULL;
    }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      g_set_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_UNSAFE_KEY_FILE,
                   _("This desk's key file “%s” can be read or changed by others: make it "
                     "readable by its owner only (chmod 600)"),
                   path);
      close (fd);
      return NULL;
    }

  text = g_malloc (DESK_KEYS_MAX_LENGTH + 1);
  lock_secret (text, DESK_KEYS_MAX_LENGTH + 1);
  for (;;)
    {
      gssize got = read (fd, text + length, DESK_KEYS_MAX_LENGTH + 1 - length);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not read this desk's key file “%s”: %s"),
                       path, g_strerror (saved_errno));
          failed = TRUE;
          break;
        }
      if (got == 0)
        break;
      length += (gsize) got;
      if (length > DESK_KEYS_MAX_LENGTH)
        {
          g_set_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE,
                       _("This desk's key file “%s” is far longer than a key file"), path);
          failed = TRUE;
          break;
        }
    }
  close (fd);
  if (failed)
    {
      wipe_secret (text, DESK_KEYS_MAX_LENGTH + 1);
      g_free (text);
      return NULL;
    }
  text[length] = '\0';
  *out_length = length;
  return text;
}

static gboolean
get_key_file_base64 (GKeyFile    *file,
                     const char  *path,
                     const char  *name,
                     guint8      *out,
                     gsize        length,
                     GError     **error)
{
  g_autofree char *text = g_key_file_get_string (file, DESK_KEYS_GROUP, name, NULL);
  gboolean ok = text != NULL && ed_sync_base64_decode_exact (text, out, length);

  if (text != NULL)
    sodium_memzero (text, strlen (text));
  if (!ok)
    g_set_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE,
                 _("This desk's key file “%s” is not one it can read: the field “%s” in "
                   "[%s] should be %" PRIu64 " bytes in base64"),
                 path, name, DESK_KEYS_GROUP, (guint64) length);
  return ok;
}

/* Whether the public halves are those of the secret ones: a file edited by hand, or pieced
 * together from two, would otherwise sign with one key while telling others another. */
static gboolean
desk_keys_consistent (const EdDeskKeys *keys)
{
  guint8 seed[crypto_sign_SEEDBYTES];
  guint8 sign_public[ED_SIGN_PUBLIC_BYTES];
  guint8 sign_secret[ED_SIGN_SECRET_BYTES];
  guint8 box_public[ED_BOX_PUBLIC_BYTES];
  gboolean ok;

  /* crypto_sign_ed25519_sk_to_pk() only copies the second half of the secret key, so the
   * keypair is made again from its seed as well. */
  crypto_sign_ed25519_sk_to_pk (sign_public, keys->sign_secret);
  ok = sodium_memcmp (sign_public, keys->sign_public, sizeof sign_public) == 0;
  crypto_sign_ed25519_sk_to_seed (seed, keys->sign_secret);
  crypto_sign_seed_keypair (sign_public, sign_secret, seed);
  ok = ok && sodium_memcmp (sign_public, keys->sign_public, sizeof sign_public) == 0;
  ok = ok && crypto_scalarmult_base (box_public, keys->box_secret) == 0 &&
       sodium_memcmp (box_public, keys->box_public, sizeof box_public) == 0;

  sodium_memzero (seed, sizeof seed);
  sodium_memzero (sign_secret, sizeof sign_secret);
  return ok;
}

/**
 * ed_desk_keys_load:
 * @path: a file written by ed_desk_keys_save()
 * @error: return location for an error
 *
 * Refuses a file that others than its owner may read or change
 * (%ED_SYNC_CRYPTO_ERROR_UNSAFE_KEY_FILE), and one whose public keys are not those of its
 * secret keys (%ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE). A desk that has no keys yet gets
 * %G_FILE_ERROR_NOENT.
 *
 * Returns: (transfer full) (nullable): the keys, or %NULL with @error set
 */
EdDeskKeys *
ed_desk_keys_load (const char  *path,
                   GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(EdDeskKeys) keys = NULL;
  g_autoptr(GError) parse_error = NULL;
  char *text;
  gsize length = 0;
  gboolean parsed;

  g_return_val_if_fail (path != NULL, NULL);

  if (!ed_sync_crypto_init (error))
    return NULL;
  text = read_desk_keys_file (path, &length, error);
  if (text == NULL)
    return NULL;
  parsed = g_key_file_load_from_data (file, text, length, G_KEY_FILE_NONE, &parse_error);
  wipe_secret (text, DESK_KEYS_MAX_LENGTH + 1);
  g_free (text);
  if (!parsed)
    {
      g_set_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE,
                   _("This desk's key file “%s” is not one it can read: %s"),
                   path, parse_error->message);
      return NULL;
    }

  keys = desk_keys_new ();
  if (!get_key_file_base64 (file, path, "sign-public", keys->sign_public,
                            sizeof keys->sign_public, error) ||
      !get_key_file_base64 (file, path, "sign-secret", keys->sign_secret,
                            sizeof keys->sign_secret, error) ||
      !get_key_file_base64 (file, path, "box-public", keys->box_public,
                            sizeof keys->box_public, error) ||
      !get_key_file_base64 (file, path, "box-secret", keys->box_secret,
                            sizeof keys->box_secret, error))
    return NULL;
  if (!desk_keys_consistent (keys))
    {
      g_set_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE,
                   _("This desk's key file “%s” is not one it can read: its public keys are "
                     "not those of its secret keys"),
                   path);
      return NULL;
    }
  return g_steal_pointer (&keys);
}

/**
 * ed_sync_fingerprint:
 * @sign_public: a desk's Ed25519 public key (%ED_SIGN_PUBLIC_BYTES)
 *
 * What an admin and a new desk's user read to each other before the desk joins
 * (SYNC.md §4.8b): the first 80 bits of the BLAKE2b-256 hash of the signing key, in base32
 * (RFC 4648's alphabet, A–Z and 2–7, which has no 0/O or 1/I to confuse) as four groups of
 * four, e.g. "K7QD-2M4X-PA3R-ZT6B". Eighty bits are far more than anyone could match by
 * making keys until one fits, and sixteen characters can still be read aloud.
 *
 * Returns: (transfer full): the fingerprint
 */
char *
ed_sync_fingerprint (const guint8 *sign_public)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  guint8 hash[crypto_generichash_BYTES];
  GString *text = g_string_sized_new (20);
  guint bits = 0;
  guint32 buffer = 0;

  g_return_val_if_fail (sign_public != NULL, NULL);

  crypto_generichash (hash, sizeof hash, sign_public, ED_SIGN_PUBLIC_BYTES, NULL, 0);
  for (gsize i = 0; i < FINGERPRINT_BYTES; i++)
    {
      buffer = (buffer << 8) | hash[i];
      bits += 8;
      while (bits >= 5)
        {
          bits -= 5;
          if (text->len % 5 == 4)
            g_string_append_c (text, '-');
          g_string_append_c (text, alphabet[(buffer >> bits) & 0x1f]);
        }
    }
  return g_string_free (text, FALSE);
}

/**
 * ed_sync_sign:
 * @keys: the signing desk's keys
 * @message: what to sign
 * @length: its length
 * @out_signature: (out caller-allocates): %ED_SIGNATURE_BYTES of Ed25519 signature
 */
void
ed_sync_sign (const EdDeskKeys *keys,
              const guint8     *message,
              gsize             length,
              guint8           *out_signature)
{
  g_return_if_fail (keys != NULL);
  g_return_if_fail (message != NULL || length == 0);
  g_return_if_fail (out_signature != NULL);

  crypto_sign_detached (out_signature, NULL, message, length, keys->sign_secret);
}

/**
 * ed_sync_verify:
 * @sign_public: the signer's public key (%ED_SIGN_PUBLIC_BYTES)
 * @message: what was signed
 * @length: its length
 * @signature: %ED_SIGNATURE_BYTES of signature
 *
 * Returns: whether @signature is @sign_public's over @message
 */
gboolean
ed_sync_verify (const guint8 *sign_public,
                const guint8 *message,
                gsize         length,
                const guint8 *signature)
{
  g_return_val_if_fail (sign_public != NULL, FALSE);
  g_return_val_if_fail (message != NULL || length == 0, FALSE);
  g_return_val_if_fail (signature != NULL, FALSE);

  return crypto_sign_verify_detached (signature, message, length, sign_public) == 0;
}

/**
 * ed_sync_base64_encode:
 * @data: bytes
 * @length: how many
 *
 * Returns: (transfer full): @data in standard base64 with padding
 */
char *
ed_sync_base64_encode (const guint8 *data,
                       gsize         length)
{
  gsize size;
  char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  size = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_ORIGINAL);
  text = g_malloc (size);
  sodium_bin2base64 (text, size, data, length, sodium_base64_VARIANT_ORIGINAL);
  return text;
}

/**
 * ed_sync_base64_decode_exact:
 * @text: standard base64 with padding, from a file
 * @out: (out caller-allocates): where to put the bytes
 * @length: how many bytes @text must hold
 *
 * Returns: whether @text is base64 of exactly @length bytes, with nothing before or after it;
 *   @out may have been written to even when not
 */
gboolean
ed_sync_base64_decode_exact (const char *text,
                             guint8     *out,
                             gsize       length)
{
  size_t decoded = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL || length == 0, FALSE);

  /* Without an end pointer, libsodium refuses any character that is not base64 rather than
   * stopping at it; and it refuses text that would decode to more than @length. */
  if (sodium_base642bin (out, length, text, strlen (text), NULL, &decoded, NULL,
                         sodium_base64_VARIANT_ORIGINAL) != 0)
    return FALSE;
  return decoded == length;
}
