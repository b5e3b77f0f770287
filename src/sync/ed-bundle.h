/* ed-bundle.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sync/ed-sync-crypto.h"

G_BEGIN_DECLS

/* A sealed file on the share (SYNC.md §4.5): a plaintext header anyone may read, a body
 * encrypted with the team key of the header's epoch in libsodium secretstream chunks of at
 * most 64 KiB (the header bound as additional data of the first, TAG_FINAL required on the
 * last), and the writing desk's Ed25519 signature over the header and the hash of the
 * ciphertext. Bundles of ops and snapshots are both sealed files; the header says which. */

#define ED_BUNDLE_ERROR (ed_bundle_error_quark ())

/**
 * EdBundleError:
 * @ED_BUNDLE_ERROR_INCOMPLETE: the file ends early, or is empty or a placeholder: a copy still
 *   arriving, to be read again later, never a reason to give up on it
 * @ED_BUNDLE_ERROR_CORRUPT: the file is whole but its signature, hash or encryption does not
 *   check: changed on the way, or forged
 * @ED_BUNDLE_ERROR_NOT_A_BUNDLE: not a sealed file at all (wrong magic, a header that does not
 *   parse, a field missing or of the wrong type)
 * @ED_BUNDLE_ERROR_NEWER_FORMAT: written by a newer version of Electoral Desk, in a format this
 *   one cannot read
 */
typedef enum
{
  ED_BUNDLE_ERROR_INCOMPLETE,
  ED_BUNDLE_ERROR_CORRUPT,
  ED_BUNDLE_ERROR_NOT_A_BUNDLE,
  ED_BUNDLE_ERROR_NEWER_FORMAT,
} EdBundleError;

/* The format this version writes and the newest it reads. */
#define ED_BUNDLE_FORMAT 1

/**
 * EdBundleKind:
 * @ED_BUNDLE_KIND_OPS: a desk's ops, seq_from to seq_to
 * @ED_BUNDLE_KIND_SNAPSHOT: the full state of the district as one desk held it
 */
typedef enum
{
  ED_BUNDLE_KIND_OPS,
  ED_BUNDLE_KIND_SNAPSHOT,
} EdBundleKind;

/**
 * EdBundleHeader:
 * @format: ED_BUNDLE_FORMAT when written
 * @kind: what the body holds
 * @team: the team's id
 * @district: the district's id
 * @epoch: the team key's epoch the body is encrypted with
 * @device: the writing desk's device id; its signing key must verify the file
 * @incarnation: the writing desk's incarnation (changes when its database is restored)
 * @seq_from: the first of the desk's ops in an ops bundle (0 in a snapshot)
 * @seq_to: the last (0 in a snapshot)
 * @n_ops: how many ops (or, in a snapshot, rows) the body holds
 * @created_hlc: the desk's hybrid logical clock when it wrote the file
 * @plain_length: the length of the decrypted body
 * @plain_hash: the BLAKE2b-256 of the decrypted body, in hex
 *
 * The plaintext header: read before the body, to choose the key and the signer. It holds no
 * personal data.
 */
typedef struct
{
  guint         format;
  EdBundleKind  kind;
  char         *team;
  char         *district;
  guint         epoch;
  char         *device;
  char         *incarnation;
  gint64        seq_from;
  gint64        seq_to;
  guint64       n_ops;
  gint64        created_hlc;
  guint64       plain_length;
  char         *plain_hash;
} EdBundleHeader;

/**
 * EdBundleChunkFunc:
 * @data: the next decrypted chunk of the body
 * @length: its length
 * @user_data: the data given to ed_bundle_open_chunks()
 * @error: return location for an error
 *
 * Returns: %FALSE with @error set to stop reading
 */
typedef gboolean (*EdBundleChunkFunc) (const guint8  *data,
                                       gsize          length,
                                       gpointer       user_data,
                                       GError       **error);

GQuark          ed_bundle_error_quark    (void);

EdBundleHeader *ed_bundle_header_copy    (const EdBundleHeader *header);
void            ed_bundle_header_free    (EdBundleHeader       *header);

GBytes         *ed_bundle_seal           (const EdBundleHeader *header,
                                          GBytes               *body,
                                          const EdTeamKey      *key,
                                          const EdDeskKeys     *signer,
                                          GError              **error);
EdBundleHeader *ed_bundle_read_header    (GBytes               *file,
                                          GError              **error);
gboolean        ed_bundle_verify         (GBytes               *file,
                                          const guint8         *sign_public,
                                          GError              **error);
GBytes         *ed_bundle_open           (GBytes               *file,
                                          const EdTeamKey      *key,
                                          const guint8         *sign_public,
                                          GError              **error);
GBytes         *ed_bundle_open_verified  (GBytes               *file,
                                          const EdTeamKey      *key,
                                          GError              **error);
gboolean        ed_bundle_open_chunks    (GBytes               *file,
                                          const EdTeamKey      *key,
                                          const guint8         *sign_public,
                                          EdBundleChunkFunc     func,
                                          gpointer              user_data,
                                          GError              **error);

typedef struct _EdBundleSealer EdBundleSealer;

EdBundleSealer *ed_bundle_sealer_new     (const EdBundleHeader *header,
                                          const EdTeamKey      *key,
                                          GError              **error);
void            ed_bundle_sealer_add     (EdBundleSealer       *self,
                                          const guint8         *data,
                                          gsize                 length);
GBytes         *ed_bundle_sealer_finish  (EdBundleSealer       *self,
                                          const EdDeskKeys     *signer,
                                          GError              **error);
void            ed_bundle_sealer_free    (EdBundleSealer       *self);
char           *ed_bundle_hash_to_hex    (const guint8         *hash);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdBundleHeader, ed_bundle_header_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdBundleSealer, ed_bundle_sealer_free)

G_END_DECLS
