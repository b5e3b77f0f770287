/* test-sync-crypto.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-sync-crypto"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>

#include "ed-test-dir.h"
#include "sync/ed-sync-crypto.h"

#define PASSPHRASE "correct horse battery staple"

/* The wrapped key @wrapped with its member @member replaced by @value (a JSON value). */
static char *
replace_member (const char *wrapped,
                const char *member,
                const char *value)
{
  g_autoptr(JsonNode) root = json_from_string (wrapped, NULL);
  JsonObject *object = json_node_get_object (root);

  if (value == NULL)
    json_object_remove_member (object, member);
  else
    json_object_set_member (object, member, json_from_string (value, NULL));
  return json_to_string (root, FALSE);
}

static void
assert_unwrap_fails (const char *wrapped,
                     int         code,
                     const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTeamKey) key = ed_team_key_unwrap_passphrase (wrapped, PASSPHRASE, &error);

  g_assert_null (key);
  g_assert_error (error, ED_SYNC_CRYPTO_ERROR, code);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, message_part);
}

/* SYNC.md §4.8a: the team key wrapped with the passphrase opens with it, and the wrapped text
 * is the JSON the design names. */
static void
test_wrap_round_trip (void)
{
  g_autoptr(EdTeamKey) key = ed_team_key_generate ();
  g_autoptr(EdTeamKey) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *wrapped = NULL;
  JsonObject *object;

  wrapped = ed_team_key_wrap_passphrase (key, PASSPHRASE, &error);
  g_assert_no_error (error);
  root = json_from_string (wrapped, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "format"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "kdf"), ==, "argon2id13");
  /* The tests run with ED_SYNC_PWHASH_FAST=1 (tests/meson.build); without it, MODERATE. */
  if (g_strcmp0 (g_getenv ("ED_SYNC_PWHASH_FAST"), "1") == 0)
    {
      g_assert_cmpint (json_object_get_int_member (object, "opslimit"), ==,
                       crypto_pwhash_OPSLIMIT_MIN);
      g_assert_cmpint (json_object_get_int_member (object, "memlimit"), ==,
                       crypto_pwhash_MEMLIMIT_MIN);
    }
  else
    {
      g_assert_cmpint (json_object_get_int_member (object, "opslimit"), ==,
                       crypto_pwhash_OPSLIMIT_MODERATE);
      g_assert_cmpint (json_object_get_int_member (object, "memlimit"), ==,
                       crypto_pwhash_MEMLIMIT_MODERATE);
    }

  back = ed_team_key_unwrap_passphrase (wrapped, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpmem (back->bytes, sizeof back->bytes, key->bytes, sizeof key->bytes);
}

/* SYNC.md §4.8a: another passphrase does not open the key. */
static void
test_wrap_wrong_passphrase (void)
{
  g_autoptr(EdTeamKey) key = ed_team_key_generate ();
  g_autoptr(GError) error = NULL;
  g_autofree char *wrapped = ed_team_key_wrap_passphrase (key, PASSPHRASE, &error);
  g_autoptr(EdTeamKey) back = NULL;

  g_assert_no_error (error);
  back = ed_team_key_unwrap_passphrase (wrapped, "correct horse battery stapler", &error);
  g_assert_null (back);
  g_assert_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_WRONG_PASSPHRASE);
}

/* SYNC.md §3 and §4.8a: keys/team-<epoch>.pw comes from the share, so a hostile one is refused
 * before it can ask for gigabytes, and a damaged one names the field at fault. */
static void
test_wrap_hostile_refused (void)
{
  g_autoptr(EdTeamKey) key = ed_team_key_generate ();
  g_autoptr(GError) error = NULL;
  g_autofree char *wrapped = ed_team_key_wrap_passphrase (key, PASSPHRASE, &error);
  static const struct
  {
    const char *member;
    const char *value;   /* NULL: removed */
    const char *message_part;
  } cases[] = {
    { "memlimit", "4398046511104", "memlimit" },       /* 4 TiB */
    { "memlimit", "1073741825", "memlimit" },          /* 1 GiB and a byte */
    { "memlimit", "-1", "memlimit" },
    { "opslimit", "1000000", "opslimit" },
    { "opslimit", "0", "opslimit" },
    { "opslimit", "\"3\"", "opslimit" },
    { "salt", "\"not*base64!\"", "salt" },
    { "salt", "\"AAAA\"", "salt" },                    /* base64, but too short */
    { "nonce", "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"", "nonce" },
    { "box", "\"====\"", "box" },
    { "box", NULL, "box" },
    { "salt", NULL, "salt" },
    { "kdf", "\"scrypt\"", "kdf" },
    { "format", "2", "format" },
    { "format", NULL, "format" },
  };

  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *hostile = replace_member (wrapped, cases[i].member, cases[i].value);

      assert_unwrap_fails (hostile, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE, cases[i].message_part);
    }
  assert_unwrap_fails ("", ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE, NULL);
  assert_unwrap_fails ("[1, 2]", ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE, NULL);
  assert_unwrap_fails ("{\"format\": 1", ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE, NULL);
}

/* SYNC.md §4.8b: the team key sealed to a desk opens with that desk's keys. */
static void
test_seal_round_trip (void)
{
  g_autoptr(EdTeamKey) key = ed_team_key_generate ();
  g_autoptr(EdDeskKeys) desk = ed_desk_keys_generate ();
  g_autoptr(GBytes) sealed = ed_team_key_seal (key, desk->box_public);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTeamKey) back = ed_team_key_unseal (sealed, desk, &error);

  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpmem (back->bytes, sizeof back->bytes, key->bytes, sizeof key->bytes);
}

/* SYNC.md §4.8b: a key sealed to one desk does not open with another's keys, and a sealed file
 * of the wrong length is named as such. */
static void
test_seal_other_desk_refused (void)
{
  g_autoptr(EdTeamKey) key = ed_team_key_generate ();
  g_autoptr(EdDeskKeys) desk = ed_desk_keys_generate ();
  g_autoptr(EdDeskKeys) other = ed_desk_keys_generate ();
  g_autoptr(GBytes) sealed = ed_team_key_seal (key, desk->box_public);
  g_autoptr(GBytes) short_file = g_bytes_new_from_bytes (sealed, 0, 20);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTeamKey) back = ed_team_key_unseal (sealed, other, &error);
  g_autoptr(EdTeamKey) cut = NULL;

  g_assert_null (back);
  g_assert_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_NOT_FOR_THIS_DESK);
  g_clear_error (&error);

  cut = ed_team_key_unseal (short_file, desk, &error);
  g_assert_null (cut);
  g_assert_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE);
}

static mode_t
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* SYNC.md §4.8 "Keys": a desk's keys saved to its config folder, with mode 0600 and the folder
 * 0700, load back the same. */
static void
test_keys_save_load (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdDeskKeys) keys = ed_desk_keys_generate ();
  g_autoptr(EdDeskKeys) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = ed_test_dir_file (fixture, "config/electoral-desk");
  g_autofree char *path = g_build_filename (folder, "desk-keys", NULL);
  g_autofree char *text = NULL;

  g_assert_true (ed_desk_keys_save (keys, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (path), ==, 0600);
  g_assert_cmpint (file_mode (folder), ==, 0700);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "[Desk Keys]"));
  g_assert_nonnull (strstr (text, "sign-secret="));

  back = ed_desk_keys_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpmem (back, sizeof *back, keys, sizeof *keys);

  /* Saved again over the first, still 0600 and whole. */
  g_assert_true (ed_desk_keys_save (keys, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (path), ==, 0600);
  ed_test_dir_assert_no_temporaries (folder);
}

/* SYNC.md §4.8 "Keys": a key file others can read is refused, and the message says how to fix
 * it. */
static void
test_keys_unsafe_mode_refused (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autoptr(EdDeskKeys) keys = ed_desk_keys_generate ();
  g_autoptr(EdDeskKeys) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "desk-keys");

  g_assert_true (ed_desk_keys_save (keys, path, &error));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  back = ed_desk_keys_load (path, &error);
  g_assert_null (back);
  g_assert_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_UNSAFE_KEY_FILE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "owner only"));
  g_clear_error (&error);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  back = ed_desk_keys_load (path, &error);
  g_assert_null (back);
  g_assert_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_UNSAFE_KEY_FILE);
}

static void
write_key_file (const char *path,
                GKeyFile   *file)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_save_to_file (file, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
}

/* SYNC.md §4.8 "Keys": a key file whose public key is not its secret key's (pieced together
 * from two desks' files) is refused, as is one with a field missing. */
static void
test_keys_mismatch_refused (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autoptr(EdDeskKeys) keys = ed_desk_keys_generate ();
  g_autoptr(EdDeskKeys) other = ed_desk_keys_generate ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "desk-keys");
  const char *fields[] = { "sign-public", "box-public" };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(GKeyFile) file = g_key_file_new ();
      g_autoptr(EdDeskKeys) back = NULL;
      g_autofree char *wrong = ed_sync_base64_encode (i == 0 ? other->sign_public
                                                             : other->box_public, 32);

      g_assert_true (ed_desk_keys_save (keys, path, &error));
      g_assert_true (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error));
      g_key_file_set_string (file, "Desk Keys", fields[i], wrong);
      write_key_file (path, file);

      back = ed_desk_keys_load (path, &error);
      g_assert_null (back);
      g_assert_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE);
      g_clear_error (&error);
    }

  {
    g_autoptr(GKeyFile) file = g_key_file_new ();
    g_autoptr(EdDeskKeys) back = NULL;

    g_assert_true (ed_desk_keys_save (keys, path, &error));
    g_assert_true (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error));
    g_assert_true (g_key_file_remove_key (file, "Desk Keys", "box-secret", &error));
    write_key_file (path, file);
    back = ed_desk_keys_load (path, &error);
    g_assert_null (back);
    g_assert_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE);
    g_assert_nonnull (strstr (error->message, "box-secret"));
  }
}

/* SYNC.md §4.8b: the fingerprint read aloud is the same each time for a desk, differs between
 * desks, and is four groups of four base32 characters. */
static void
test_fingerprint (void)
{
  g_autoptr(EdDeskKeys) desk = ed_desk_keys_generate ();
  g_autoptr(EdDeskKeys) other = ed_desk_keys_generate ();
  g_autofree char *first = ed_sync_fingerprint (desk->sign_public);
  g_autofree char *again = ed_sync_fingerprint (desk->sign_public);
  g_autofree char *theirs = ed_sync_fingerprint (other->sign_public);
  g_autofree char *zeros = NULL;
  guint8 zero_key[ED_SIGN_PUBLIC_BYTES] = { 0 };

  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, theirs);
  g_assert_true (g_regex_match_simple ("^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$",
                                       first, 0, 0));

  /* Pinned (BLAKE2b-256 of 32 zero bytes, its first 10 bytes in RFC 4648 base32, worked out
   * apart from this code), so that a change to how it is made, which would stop two versions
   * agreeing, is noticed. */
  zeros = ed_sync_fingerprint (zero_key);
  g_assert_cmpstr (zeros, ==, "RHVQ-22UK-NEO2-4LGR");
}

/* SYNC.md §4.5: a signature made by a desk checks with its public key only, over the message
 * signed only. */
static void
test_sign_verify (void)
{
  g_autoptr(EdDeskKeys) desk = ed_desk_keys_generate ();
  g_autoptr(EdDeskKeys) other = ed_desk_keys_generate ();
  guint8 message[] = "ops 1 to 12";
  guint8 signature[ED_SIGNATURE_BYTES];

  ed_sync_sign (desk, message, sizeof message, signature);
  g_assert_true (ed_sync_verify (desk->sign_public, message, sizeof message, signature));
  g_assert_false (ed_sync_verify (other->sign_public, message, sizeof message, signature));
  message[0] ^= 1;
  g_assert_false (ed_sync_verify (desk->sign_public, message, sizeof message, signature));
}

/* SYNC.md §4.8a: the base64 of the wrapped key and the desk key file: exact lengths only, and
 * nothing around them. */
static void
test_base64 (void)
{
  const guint8 data[] = { 0, 1, 2, 250, 251, 252, 253 };
  g_autofree char *text = ed_sync_base64_encode (data, sizeof data);
  guint8 out[sizeof data + 1];

  g_assert_cmpstr (text, ==, "AAEC+vv8/Q==");
  g_assert_true (ed_sync_base64_decode_exact (text, out, sizeof data));
  g_assert_cmpmem (out, sizeof data, data, sizeof data);
  g_assert_false (ed_sync_base64_decode_exact (text, out, sizeof data + 1));
  g_assert_false (ed_sync_base64_decode_exact (text, out, sizeof data - 1));
  g_assert_false (ed_sync_base64_decode_exact ("AAEC+vv8/Q", out, sizeof data));
  g_assert_false (ed_sync_base64_decode_exact ("AAEC+vv8/Q== ", out, sizeof data));
  g_assert_false (ed_sync_base64_decode_exact ("AAEC-vv8_Q==", out, sizeof data));
  g_assert_true (ed_sync_base64_decode_exact ("", out, 0));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_assert_true (ed_sync_crypto_init (NULL));

  g_test_add_func ("/sync/crypto/wrap-round-trip", test_wrap_round_trip);
  g_test_add_func ("/sync/crypto/wrap-wrong-passphrase", test_wrap_wrong_passphrase);
  g_test_add_func ("/sync/crypto/wrap-hostile-refused", test_wrap_hostile_refused);
  g_test_add_func ("/sync/crypto/seal-round-trip", test_seal_round_trip);
  g_test_add_func ("/sync/crypto/seal-other-desk-refused", test_seal_other_desk_refused);
  ED_TEST_ADD ("/sync/crypto/keys-save-load", test_keys_save_load);
  ED_TEST_ADD ("/sync/crypto/keys-unsafe-mode-refused", test_keys_unsafe_mode_refused);
  ED_TEST_ADD ("/sync/crypto/keys-mismatch-refused", test_keys_mismatch_refused);
  g_test_add_func ("/sync/crypto/fingerprint", test_fingerprint);
  g_test_add_func ("/sync/crypto/sign-verify", test_sign_verify);
  g_test_add_func ("/sync/crypto/base64", test_base64);

  return g_test_run ();
}
