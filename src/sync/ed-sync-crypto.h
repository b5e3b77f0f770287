/* ed-sync-crypto.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The keys of SYNC.md §4.8, over libsodium. A team key per epoch encrypts bundles and
 * snapshots; each desk signs what it writes with its own Ed25519 key and receives the team key
 * sealed to its own X25519 key. */

#define ED_SYNC_CRYPTO_ERROR (ed_sync_crypto_error_quark ())

/**
 * EdSyncCryptoError:
 * @ED_SYNC_CRYPTO_ERROR_FAILED: libsodium could not start, or a key could not be made
 * @ED_SYNC_CRYPTO_ERROR_WRONG_PASSPHRASE: the passphrase does not open the wrapped team key
 * @ED_SYNC_CRYPTO_ERROR_NOT_FOR_THIS_DESK: a sealed team key is not sealed to this desk
 * @ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE: a key file is not one this desk can read (its line,
 *   field and what was expected are in the message)
 * @ED_SYNC_CRYPTO_ERROR_UNSAFE_KEY_FILE: a desk's key file can be read by others than its
 *   owner (it must have mode 0600)
 */
typedef enum
{
  ED_SYNC_CRYPTO_ERROR_FAILED,
  ED_SYNC_CRYPTO_ERROR_WRONG_PASSPHRASE,
  ED_SYNC_CRYPTO_ERROR_NOT_FOR_THIS_DESK,
  ED_SYNC_CRYPTO_ERROR_BAD_KEY_FILE,
  ED_SYNC_CRYPTO_ERROR_UNSAFE_KEY_FILE,
} EdSyncCryptoError;

#define ED_TEAM_KEY_BYTES 32
#define ED_SIGN_PUBLIC_BYTES 32
#define ED_SIGN_SECRET_BYTES 64
#define ED_SIGNATURE_BYTES 64
#define ED_BOX_PUBLIC_BYTES 32
#define ED_BOX_SECRET_BYTES 32

/**
 * EdTeamKey:
 * @bytes: the key
 *
 * The team key of one epoch (SYNC.md §4.8): 32 random bytes. Held in memory locked and wiped
 * when freed, so use ed_team_key_new() and ed_team_key_free().
 */
typedef struct
{
  guint8 bytes[ED_TEAM_KEY_BYTES];
} EdTeamKey;

/**
 * EdDeskKeys:
 * @sign_public: the desk's Ed25519 public key: how other desks know its bundles
 * @sign_secret: its Ed25519 secret key
 * @box_public: its X25519 public key: what the team key is sealed to
 * @box_secret: its X25519 secret key
 *
 * One desk's own keypairs, kept in the user's config folder with mode 0600.
 */
typedef struct
{
  guint8 sign_public[ED_SIGN_PUBLIC_BYTES];
  guint8 sign_secret[ED_SIGN_SECRET_BYTES];
  guint8 box_public[ED_BOX_PUBLIC_BYTES];
  guint8 box_secret[ED_BOX_SECRET_BYTES];
} EdDeskKeys;

GQuark      ed_sync_crypto_error_quark      (void);
gboolean    ed_sync_crypto_init             (GError          **error);

EdTeamKey  *ed_team_key_new                 (void);
EdTeamKey  *ed_team_key_generate            (void);
void        ed_team_key_free                (EdTeamKey        *key);

char       *ed_team_key_wrap_passphrase     (const EdTeamKey  *key,
                                             const char       *passphrase,
                                             GError          **error);
EdTeamKey  *ed_team_key_unwrap_passphrase   (const char       *wrapped,
                                             const char       *passphrase,
                                             GError          **error);
GBytes     *ed_team_key_seal                (const EdTeamKey  *key,
                                             const guint8     *box_public);
EdTeamKey  *ed_team_key_unseal              (GBytes           *sealed,
                                             const EdDeskKeys *keys,
                                             GError          **error);

EdDeskKeys *ed_desk_keys_generate           (void);
void        ed_desk_keys_free               (EdDeskKeys       *keys);
gboolean    ed_desk_keys_save               (const EdDeskKeys *keys,
                                             const char       *path,
                                             GError          **error);
EdDeskKeys *ed_desk_keys_load               (const char       *path,
                                             GError          **error);
char       *ed_sync_fingerprint             (const guint8     *sign_public);

void        ed_sync_sign                    (const EdDeskKeys *keys,
                                             const guint8     *message,
                                             gsize             length,
                                             guint8           *out_signature);
gboolean    ed_sync_verify                  (const guint8     *sign_public,
                                             const guint8     *message,
                                             gsize             length,
                                             const guint8     *signature);

char       *ed_sync_base64_encode           (const guint8     *data,
                                             gsize             length);
gboolean    ed_sync_base64_decode_exact     (const char       *text,
                                             guint8           *out,
                                             gsize             length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdTeamKey, ed_team_key_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdDeskKeys, ed_desk_keys_free)

G_END_DECLS
