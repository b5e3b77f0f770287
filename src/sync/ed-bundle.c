/* ed-bundle.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sealed files (SYNC.md §4.5): bundles of ops and snapshots.
 *
 * The layout, in this order (integers little-endian):
 *
 *   "ESB1"                      4 bytes of magic
 *   header length               uint32, at most 64 KiB
 *   header                      UTF-8 JSON object of the EdBundleHeader fields: format, kind
 *                               ("ops" or "snapshot"), team, district, epoch, device,
 *                               incarnation, seq_from, seq_to, n_ops, created_hlc,
 *                               plain_length, plain_hash (BLAKE2b-256 of the body, in hex)
 *   secretstream header         24 bytes (crypto_secretstream_xchacha20poly1305_HEADERBYTES)
 *   chunks, each:
 *     ciphertext length         uint32, from ABYTES (17) to 64 KiB + ABYTES
 *     ciphertext                a secretstream message of at most 64 KiB of the body
 *   signature                   64 bytes, Ed25519 detached, by the desk named in the header
 *
 * The chunks end with the one that brings the body's length to the header's plain_length (a
 * body of 0 bytes is one chunk of 0 bytes); only that chunk carries TAG_FINAL, the others
 * TAG_MESSAGE, and none but an empty body's only chunk is empty. Because of that rule the
 * file delimits itself: wherever a copy is cut short, what is present says more is to come,
 * so a cut is always told from a whole file (INCOMPLETE, to be read again) and never taken
 * for a corrupt one.
 *
 * The magic, header length and header bytes are the additional data of the first chunk, so a
 * body cannot be moved under another header. The signature is over those same bytes followed
 * by the BLAKE2b-256 of everything from the secretstream header to the end of the last chunk,
 * which lets the signer be checked, without the team key, before any of the body is decrypted.
 *
 * A reader never applies part of a file (SYNC.md §3, §4.6): structure first, then the
 * signature over all of it, then every chunk, TAG_FINAL and the body's length and hash. */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "changes/ed-op.h"
#include "sync/ed-bundle.h"

G_DEFINE_QUARK (ed-bundle-error-quark, ed_bundle_error)

#define MAGIC "ESB1"
#define MAGIC_LENGTH 4
#define LENGTH_FIELD 4
#define MAX_HEADER_LENGTH (64 * 1024)
#define CHUNK_PLAIN_MAX (64 * 1024)
#define STREAM_HEADER_BYTES crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define STREAM_ABYTES crypto_secretstream_xchacha20poly1305_ABYTES
#define CHUNK_CIPHER_MAX (CHUNK_PLAIN_MAX + STREAM_ABYTES)
#define TAG_MESSAGE crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
#define TAG_FINAL crypto_secretstream_xchacha20poly1305_TAG_FINAL
#define HASH_BYTES 32
#define HASH_HEX_LENGTH (2 * HASH_BYTES)

G_STATIC_ASSERT (sizeof (MAGIC) - 1 == MAGIC_LENGTH);
G_STATIC_ASSERT (ED_TEAM_KEY_BYTES == crypto_secretstream_xchacha20poly1305_KEYBYTES);

/* Where the parts of a file lie: offsets into its bytes, found by parse_structure (). */
typedef struct
{
  const guint8   *data;
  gsize           size;
  gsize           aad_end;        /* the end of magic, header length and header */
  gsize           stream_start;   /* the secretstream header */
  gsize           chunks_start;
  gsize           chunks_end;     /* where the signature starts */
  guint           n_chunks;
  EdBundleHeader *header;
} BundleLayout;

static void
bundle_layout_clear (BundleLayout *layout)
{
  g_clear_pointer (&layout->header, ed_bundle_header_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BundleLayout, bundle_layout_clear)

static guint32
read_uint32_le (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) |
         ((guint32) p[3] << 24);
}

static void
append_uint32_le (GByteArray *array,
                  guint32     value)
{
  guint8 bytes[LENGTH_FIELD] = {
    value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >> 24) & 0xff
  };

  g_byte_array_append (array, bytes, sizeof bytes);
}

static const char *
kind_to_string (EdBundleKind kind)
{
  return kind == ED_BUNDLE_KIND_SNAPSHOT ? "snapshot" : "ops";
}

static char *
hash_to_hex (const guint8 *hash)
{
  char hex[HASH_HEX_LENGTH + 1];

  sodium_bin2hex (hex, sizeof hex, hash, HASH_BYTES);
  return g_strdup (hex);
}

/**
 * ed_bundle_header_copy:
 * @header: a header
 *
 * Returns: (transfer full): a copy of @header
 */
EdBundleHeader *
ed_bundle_header_copy (const EdBundleHeader *header)
{
  EdBundleHeader *copy;

  g_return_val_if_fail (header != NULL, NULL);

  copy = g_new (EdBundleHeader, 1);
  *copy = *header;
  copy->team = g_strdup (header->team);
  copy->district = g_strdup (header->district);
  copy->device = g_strdup (header->device);
  copy->incarnation = g_strdup (header->incarnation);
  copy->plain_hash = g_strdup (header->plain_hash);
  return copy;
}

/**
 * ed_bundle_header_free:
 * @header: (nullable): a header
 */
void
ed_bundle_header_free (EdBundleHeader *header)
{
  if (header == NULL)
    return;
  g_free (header->team);
  g_free (header->district);
  g_free (header->device);
  g_free (header->incarnation);
  g_free (header->plain_hash);
  g_free (header);
}

/* ---- the header as JSON ------------------------------------------------------------------ */

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static char *
header_to_json (const EdBundleHeader *header)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_int_member (builder, "format", header->format);
  add_string_member (builder, "kind", kind_to_string (header->kind));
  add_string_member (builder, "team", header->team);
  add_string_member (builder, "district", header->district);
  add_int_member (builder, "epoch", header->epoch);
  add_string_member (builder, "device", header->device);
  add_string_member (builder, "incarnation", header->incarnation);
  add_int_member (builder, "seq_from", header->seq_from);
  add_int_member (builder, "seq_to", header->seq_to);
  add_int_member (builder, "n_ops", (gint64) header->n_ops);
  add_int_member (builder, "created_hlc", header->created_hlc);
  add_int_member (builder, "plain_length", (gint64) header->plain_length);
  add_string_member (builder, "plain_hash", header->plain_hash);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
set_missing_field (GError     **error,
                   const char  *field,
                   const char  *expected)
{
  g_set_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NOT_A_BUNDLE,
               _("The file's header has no field “%s” that is %s: it is not a bundle this "
                 "version can read"),
               field, expected);
  return FALSE;
}

static gboolean
get_int_field (JsonObject  *object,
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
    return set_missing_field (error, field, _("a whole number"));
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_set_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("The file's header has a field “%s” of %" PRId64 ", where it "
                     "should be between %" PRId64 " and %" PRId64),
                   field, value, min, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
get_string_field (JsonObject  *object,
                  const char  *field,
                  char       **out,
                  GError     **error)
{
  const char *value = ed_json_get_string (object, field);

  if (value == NULL || value[0] == '\0')
    return set_missing_field (error, field, _("text"));
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
is_hash_hex (const char *text)
{
  if (strlen (text) != HASH_HEX_LENGTH)
    return FALSE;
  for (gsize i = 0; i < HASH_HEX_LENGTH; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
parse_header_fields (JsonObject      *object,
                     EdBundleHeader  *header,
                     GError         **error)
{
  gint64 epoch, n_ops, plain_length;
  const char *kind;

  kind = ed_json_get_string (object, "kind");
  if (g_strcmp0 (kind, "ops") == 0)
    header->kind = ED_BUNDLE_KIND_OPS;
  else if (g_strcmp0 (kind, "snapshot") == 0)
    header->kind = ED_BUNDLE_KIND_SNAPSHOT;
  else
    return set_missing_field (error, "kind", _("“ops” or “snapshot”"));

  if (!get_string_field (object, "team", &header->team, error) ||
      !get_string_field (object, "district", &header->district, error) ||
      !get_int_field (object, "epoch", 0, G_MAXUINT, &epoch, error) ||
      !get_string_field (object, "device", &header->device, error) ||
      !get_string_field (object, "incarnation", &header->incarnation, error) ||
      !get_int_field (object, "seq_from", G_MININT64, G_MAXINT64, &header->seq_from, error) ||
      !get_int_field (object, "seq_to", G_MININT64, G_MAXINT64, &header->seq_to, error) ||
      !get_int_field (object, "n_ops", 0, G_MAXINT64, &n_ops, error) ||
      !get_int_field (object, "created_hlc", G_MININT64, G_MAXINT64, &header->created_hlc,
                      error) ||
      !get_int_field (object, "plain_length", 0, G_MAXINT64, &plain_length, error) ||
      !get_string_field (object, "plain_hash", &header->plain_hash, error))
    return FALSE;
  if (!is_hash_hex (header->plain_hash))
    return set_missing_field (error, "plain_hash", _("64 lower-case hexadecimal digits"));

  header->epoch = (guint) epoch;
  header->n_ops = (guint64) n_ops;
  header->plain_length = (guint64) plain_length;
  return TRUE;
}

/* Reads the header's JSON: the format first, so that a newer file is named as such however
 * else its header differs, then every other field. */
static EdBundleHeader *
parse_header (const guint8  *data,
              gsize          length,
              GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(EdBundleHeader) header = g_new0 (EdBundleHeader, 1);
  JsonNode *root;
  JsonObject *object;
  gint64 format;

  if (memchr (data, '\0', length) != NULL ||
      !g_utf8_validate ((const char *) data, (gssize) length, NULL) ||
      !ed_json_depth_ok ((const char *) data, length) ||
      !json_parser_load_from_data (parser, (const char *) data, (gssize) length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NOT_A_BUNDLE,
                           _("The file's header is not a JSON object: it is not a bundle"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!get_int_field (object, "format", 1, G_MAXINT64, &format, error))
    return NULL;
  if (format > ED_BUNDLE_FORMAT)
    {
      g_set_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NEWER_FORMAT,
                   _("The bundle is in format %" PRId64 ", written by a newer version "
                     "of Electoral Desk: this version reads format %d"),
                   format, ED_BUNDLE_FORMAT);
      return NULL;
    }
  header->format = (guint) format;

  if (!parse_header_fields (object, header, error))
    return NULL;
  return g_steal_pointer (&header);
}

/* ---- structure --------------------------------------------------------------------------- */

static gboolean
set_incomplete (GError     **error,
                const char  *message)
{
  g_set_error_literal (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_INCOMPLETE, message);
  return FALSE;
}

static gboolean
set_corrupt (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_CORRUPT, message);
  return FALSE;
}

/* Magic, header length and header: all ed_bundle_read_header () needs. Every length is
 * compared with what remains of the file, never added to an offset first, so no value in the
 * file can make an offset wrap. */
static gboolean
parse_head (BundleLayout  *layout,
            GError       **error)
{
  guint32 header_length;

  if (layout->size < MAGIC_LENGTH)
    return set_incomplete (error, _("The bundle is empty or ends before its first bytes: it "
                                    "may still be arriving"));
  if (memcmp (layout->data, MAGIC, MAGIC_LENGTH) != 0)
    {
      g_set_error_literal (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NOT_A_BUNDLE,
                           _("The file does not start as a bundle does"));
      return FALSE;
    }
  if (layout->size - MAGIC_LENGTH < LENGTH_FIELD)
    return set_incomplete (error, _("The bundle ends before its header: it may still be "
                                    "arriving"));
  header_length = read_uint32_le (layout->data + MAGIC_LENGTH);
  if (header_length == 0 || header_length > MAX_HEADER_LENGTH)
    {
      g_set_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("The file gives its header a length of %u bytes, where a bundle's is "
                     "from 1 to %d"),
                   header_length, MAX_HEADER_LENGTH);
      return FALSE;
    }
  if (layout->size - MAGIC_LENGTH - LENGTH_FIELD < header_length)
    return set_incomplete (error, _("The bundle ends within its header: it may still be "
                                    "arriving"));
  layout->aad_end = MAGIC_LENGTH + LENGTH_FIELD + header_length;
  layout->header = parse_header (layout->data + MAGIC_LENGTH + LENGTH_FIELD, header_length,
                                 error);
  return layout->header != NULL;
}

/* The chunks, up to the one that completes plain_length, then exactly a signature. */
static gboolean
parse_chunks (BundleLayout  *layout,
              GError       **error)
{
  guint64 plain_length = layout->header->plain_length;
  guint64 plain_seen = 0;
  gsize pos = layout->aad_end;

  if (layout->size - pos < STREAM_HEADER_BYTES)
    return set_incomplete (error, _("The bundle ends before its body: it may still be "
                                    "arriving"));
  layout->stream_start = pos;
  pos += STREAM_HEADER_BYTES;
  layout->chunks_start = pos;
  layout->n_chunks = 0;

  do
    {
      guint32 cipher_length;
      guint32 chunk_plain;

      if (layout->size - pos < LENGTH_FIELD)
        return set_incomplete (error, _("The bundle ends before the last part of its body: it "
                                        "may still be arriving"));
      cipher_length = read_uint32_le (layout->data + pos);
      if (cipher_length < STREAM_ABYTES || cipher_length > CHUNK_CIPHER_MAX)
        return set_corrupt (error, _("A part of the bundle's body has a length no bundle has: "
                                     "the file was changed after it was written"));
      chunk_plain = cipher_length - STREAM_ABYTES;
      if (chunk_plain == 0 && plain_length != 0)
        return set_corrupt (error, _("A part of the bundle's body is empty: the file was "
                                     "changed after it was written"));
      if (chunk_plain > plain_length - plain_seen)
        return set_corrupt (error, _("The bundle's body is longer than its header says: the "
                                     "file was changed after it was written"));
      pos += LENGTH_FIELD;
      if (layout->size - pos < cipher_length)
        return set_incomplete (error, _("The bundle ends within its body: it may still be "
                                        "arriving"));
      pos += cipher_length;
      plain_seen += chunk_plain;
      layout->n_chunks++;
    }
  while (plain_seen < plain_length);

  layout->chunks_end = pos;
  if (layout->size - pos < ED_SIGNATURE_BYTES)
    return set_incomplete (error, _("The bundle ends before its signature: it may still be "
                                    "arriving"));
  if (layout->size - pos > ED_SIGNATURE_BYTES)
    return set_corrupt (error, _("The bundle has bytes after its signature: the file was "
                                 "changed after it was written"));
  return TRUE;
}

static gboolean
parse_structure (GBytes        *file,
                 BundleLayout  *layout,
                 GError       **error)
{
  layout->data = g_bytes_get_data (file, &layout->size);
  return parse_head (layout, error) && parse_chunks (layout, error);
}

/* ---- the signature ----------------------------------------------------------------------- */

/* What the signature is over: magic, header length and header, then the BLAKE2b-256 of the
 * secretstream header and chunks. */
static guint8 *
signed_message (const guint8 *data,
                gsize         aad_end,
                const guint8 *ciphertext_hash,
                gsize        *out_length)
{
  guint8 *message = g_malloc (aad_end + HASH_BYTES);

  memcpy (message, data, aad_end);
  memcpy (message + aad_end, ciphertext_hash, HASH_BYTES);
  *out_length = aad_end + HASH_BYTES;
  return message;
}

static gboolean
check_signature (const BundleLayout  *layout,
                 const guint8        *sign_public,
                 GError             **error)
{
  g_autofree guint8 *message = NULL;
  guint8 hash[HASH_BYTES];
  gsize length;

  crypto_generichash (hash, sizeof hash, layout->data + layout->stream_start,
                      layout->chunks_end - layout->stream_start, NULL, 0);
  message = signed_message (layout->data, layout->aad_end, hash, &length);
  if (!ed_sync_verify (sign_public, message, length, layout->data + layout->chunks_end))
    return set_corrupt (error, _("The bundle's signature does not check: it was changed after "
                                 "it was written, or was not written by the desk it names"));
  return TRUE;
}

/* ---- writing ----------------------------------------------------------------------------- */

/* Encrypts @body into @file in chunks of CHUNK_PLAIN_MAX, the first bound to the head. */
static void
append_chunks (GByteArray      *file,
               GBytes          *body,
               const EdTeamKey *key)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 stream_header[STREAM_HEADER_BYTES];
  g_autofree guint8 *cipher = g_malloc (CHUNK_CIPHER_MAX);
  g_autofree guint8 *aad = NULL;
  const guint8 *plain;
  gsize aad_length = file->len;
  gsize plain_length;
  gsize done = 0;

  /* The head is copied out because appending to @file may move it. */
  aad = g_memdup2 (file->data, aad_length);
  plain = g_bytes_get_data (body, &plain_length);
  crypto_secretstream_xchacha20poly1305_init_push (&state, stream_header, key->bytes);
  g_byte_array_append (file, stream_header, sizeof stream_header);

  do
    {
      gsize length = MIN (plain_length - done, CHUNK_PLAIN_MAX);
      gboolean last = done + length == plain_length;
      unsigned long long cipher_length = 0;

      crypto_secretstream_xchacha20poly1305_push (&state, cipher, &cipher_length,
                                                  plain + done, length,
                                                  done == 0 ? aad : NULL,
                                                  done == 0 ? aad_length : 0,
                                                  last ? TAG_FINAL : TAG_MESSAGE);
      append_uint32_le (file, (guint32) cipher_length);
      g_byte_array_append (file, cipher, (guint) cipher_length);
      done += length;
    }
  while (done < plain_length);

  sodium_memzero (&state, sizeof state);
}

/**
 * ed_bundle_seal:
 * @header: the header: every field but plain_length and plain_hash, which are filled here
 * @body: the plaintext body (JSON of ops, or a snapshot)
 * @key: the team key of @header's epoch
 * @signer: the writing desk's keys, whose device @header names
 * @error: return location for an error
 *
 * Encrypts and signs a file in the layout described at the top of ed-bundle.c.
 *
 * Returns: (transfer full) (nullable): the whole file, or %NULL with @error set
 */
GBytes *
ed_bundle_seal (const EdBundleHeader  *header,
                GBytes                *body,
                const EdTeamKey       *key,
                const EdDeskKeys      *signer,
                GError               **error)
{
  g_autoptr(EdBundleHeader) filled = NULL;
  g_autoptr(GByteArray) file = NULL;
  g_autofree char *json = NULL;
  g_autofree guint8 *message = NULL;
  guint8 hash[HASH_BYTES];
  guint8 signature[ED_SIGNATURE_BYTES];
  const guint8 *plain;
  gsize plain_length, json_length, message_length;

  g_return_val_if_fail (header != NULL, NULL);
  g_return_val_if_fail (header->format >= 1 && header->format <= ED_BUNDLE_FORMAT, NULL);
  g_return_val_if_fail (header->n_ops <= G_MAXINT64, NULL);
  /* A reader refuses a header with any of these empty. */
  g_return_val_if_fail (header->team != NULL && header->team[0] != '\0', NULL);
  g_return_val_if_fail (header->district != NULL && header->district[0] != '\0', NULL);
  g_return_val_if_fail (header->device != NULL && header->device[0] != '\0', NULL);
  g_return_val_if_fail (header->incarnation != NULL && header->incarnation[0] != '\0', NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (signer != NULL, NULL);

  if (!ed_sync_crypto_init (error))
    return NULL;

  plain = g_bytes_get_data (body, &plain_length);
  /* The file is built in a GByteArray, whose length is a guint: bodies are a few megabytes,
   * and one near 4 GiB is refused rather than wrapped. */
  if (plain_length > G_MAXUINT / 2)
    {
      g_set_error_literal (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NOT_A_BUNDLE,
                           _("The body is too long to seal in one bundle"));
      return NULL;
    }
  filled = ed_bundle_header_copy (header);
  filled->plain_length = plain_length;
  crypto_generichash (hash, sizeof hash, plain, plain_length, NULL, 0);
  g_free (filled->plain_hash);
  filled->plain_hash = hash_to_hex (hash);

  json = header_to_json (filled);
  json_length = strlen (json);
  if (json_length > MAX_HEADER_LENGTH)
    {
      g_set_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("The bundle's header would be %" PRIu64 " bytes long, more than "
                     "the %d a bundle may have"),
                   (guint64) json_length, MAX_HEADER_LENGTH);
      return NULL;
    }

  file = g_byte_array_sized_new ((guint) (MAGIC_LENGTH + LENGTH_FIELD + json_length +
                                          STREAM_HEADER_BYTES + plain_length +
                                          (plain_length / CHUNK_PLAIN_MAX + 1) *
                                          (LENGTH_FIELD + STREAM_ABYTES) +
                                          ED_SIGNATURE_BYTES));
  g_byte_array_append (file, (const guint8 *) MAGIC, MAGIC_LENGTH);
  append_uint32_le (file, (guint32) json_length);
  g_byte_array_append (file, (const guint8 *) json, (guint) json_length);
  append_chunks (file, body, key);

  crypto_generichash (hash, sizeof hash, file->data + MAGIC_LENGTH + LENGTH_FIELD + json_length,
                      file->len - (MAGIC_LENGTH + LENGTH_FIELD + json_length), NULL, 0);
  message = signed_message (file->data, MAGIC_LENGTH + LENGTH_FIELD + json_length, hash,
                            &message_length);
  ed_sync_sign (signer, message, message_length, signature);
  g_byte_array_append (file, signature, sizeof signature);

  return g_byte_array_free_to_bytes (g_steal_pointer (&file));
}

/* ---- writing a body too large to hold whole ---------------------------------------------- */

struct _EdBundleSealer
{
  GByteArray *file;
  gsize       head_length;
  guint8     *aad;
  GByteArray *pending;     /* plaintext not yet pushed: less than a chunk */
  guint64     plain_length;
  guint64     pushed;
  gboolean    failed;
  crypto_secretstream_xchacha20poly1305_state state;
};

/**
 * ed_bundle_sealer_new:
 * @header: the header, with plain_length and plain_hash of the body to come filled in (the
 *   writer works them out in a first pass over the body, which it never holds whole)
 * @key: the team key of @header's epoch
 * @error: return location for an error
 *
 * Starts a sealed file whose body is given piece by piece (ed_bundle_sealer_add()), in the
 * same layout as ed_bundle_seal() writes: a snapshot's body is never held whole in memory.
 *
 * Returns: (transfer full) (nullable): the sealer
 */
EdBundleSealer *
ed_bundle_sealer_new (const EdBundleHeader  *header,
                      const EdTeamKey       *key,
                      GError               **error)
{
  g_autofree char *json = NULL;
  EdBundleSealer *self;
  guint8 stream_header[STREAM_HEADER_BYTES];
  gsize json_length;

  g_return_val_if_fail (header != NULL && header->plain_hash != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!ed_sync_crypto_init (error))
    return NULL;
  if (header->plain_length > G_MAXUINT / 2)
    {
      g_set_error_literal (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NOT_A_BUNDLE,
                           _("The body is too long to seal in one file"));
      return NULL;
    }
  json = header_to_json (header);
  json_length = strlen (json);
  if (json_length > MAX_HEADER_LENGTH)
    {
      g_set_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("The bundle's header would be %" PRIu64 " bytes long, more than "
                     "the %d a bundle may have"),
                   (guint64) json_length, MAX_HEADER_LENGTH);
      return NULL;
    }
  self = g_new0 (EdBundleSealer, 1);
  self->plain_length = header->plain_length;
  self->file = g_byte_array_sized_new ((guint) MIN (header->plain_length + 1024 * 1024,
                                                    (guint64) G_MAXUINT / 2));
  g_byte_array_append (self->file, (const guint8 *) MAGIC, MAGIC_LENGTH);
  append_uint32_le (self->file, (guint32) json_length);
  g_byte_array_append (self->file, (const guint8 *) json, (guint) json_length);
  self->head_length = self->file->len;
  self->aad = g_memdup2 (self->file->data, self->head_length);
  self->pending = g_byte_array_sized_new (CHUNK_PLAIN_MAX);
  crypto_secretstream_xchacha20poly1305_init_push (&self->state, stream_header, key->bytes);
  g_byte_array_append (self->file, stream_header, sizeof stream_header);
  return self;
}

static void
sealer_push (EdBundleSealer *self,
             const guint8   *plain,
             gsize           length)
{
  guint8 cipher[CHUNK_CIPHER_MAX];
  unsigned long long cipher_length = 0;
  gboolean first = self->pushed == 0;
  gboolean last = self->pushed + length == self->plain_length;

  crypto_secretstream_xchacha20poly1305_push (&self->state, cipher, &cipher_length, plain,
                                              length, first ? self->aad : NULL,
                                              first ? self->head_length : 0,
                                              last ? TAG_FINAL : TAG_MESSAGE);
  append_uint32_le (self->file, (guint32) cipher_length);
  g_byte_array_append (self->file, cipher, (guint) cipher_length);
  self->pushed += length;
}

/**
 * ed_bundle_sealer_add:
 * @self: a sealer
 * @data: the next piece of the body
 * @length: its length
 *
 * Encrypts whole chunks as they fill. More than the header's plain_length in all makes
 * ed_bundle_sealer_finish() fail.
 */
void
ed_bundle_sealer_add (EdBundleSealer *self,
                      const guint8   *data,
                      gsize           length)
{
  while (length > 0 && !self->failed)
    {
      gsize take = MIN (length, CHUNK_PLAIN_MAX - self->pending->len);

      g_byte_array_append (self->pending, data, (guint) take);
      data += take;
      length -= take;
      if (self->pending->len == CHUNK_PLAIN_MAX)
        {
          if (self->pushed + CHUNK_PLAIN_MAX > self->plain_length)
            {
              self->failed = TRUE;
              return;
            }
          sealer_push (self, self->pending->data, self->pending->len);
          g_byte_array_set_size (self->pending, 0);
        }
    }
}

/**
 * ed_bundle_sealer_finish:
 * @self: (transfer full): a sealer
 * @signer: the writing desk's keys
 * @error: return location for an error: the body given was not the length the header says
 *
 * Returns: (transfer full) (nullable): the whole sealed file
 */
GBytes *
ed_bundle_sealer_finish (EdBundleSealer    *self,
                         const EdDeskKeys  *signer,
                         GError           **error)
{
  g_autofree guint8 *message = NULL;
  guint8 hash[HASH_BYTES];
  guint8 signature[ED_SIGNATURE_BYTES];
  gsize message_length;
  GBytes *result = NULL;

  if (!self->failed && (self->pending->len > 0 || self->plain_length == 0) &&
      self->pushed + self->pending->len == self->plain_length)
    {
      sealer_push (self, self->pending->data, self->pending->len);
      g_byte_array_set_size (self->pending, 0);
    }
  if (self->failed || self->pushed != self->plain_length)
    g_set_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NOT_A_BUNDLE,
                 _("The body given to seal was not the %" PRIu64 " bytes its header says: "
                   "it changed while it was written"), self->plain_length);
  else
    {
      crypto_generichash (hash, sizeof hash, self->file->data + self->head_length,
                          self->file->len - self->head_length, NULL, 0);
      message = signed_message (self->file->data, self->head_length, hash, &message_length);
      ed_sync_sign (signer, message, message_length, signature);
      g_byte_array_append (self->file, signature, sizeof signature);
      result = g_byte_array_free_to_bytes (g_steal_pointer (&self->file));
    }
  ed_bundle_sealer_free (self);
  return result;
}

/**
 * ed_bundle_sealer_free:
 * @self: (nullable): a sealer to abandon
 */
void
ed_bundle_sealer_free (EdBundleSealer *self)
{
  if (self == NULL)
    return;
  sodium_memzero (&self->state, sizeof self->state);
  if (self->file != NULL)
    g_byte_array_unref (self->file);
  g_byte_array_unref (self->pending);
  g_free (self->aad);
  g_free (self);
}

/**
 * ed_bundle_hash_to_hex:
 * @hash: a BLAKE2b-256 hash (32 bytes)
 *
 * Returns: (transfer full): it in hex, as a header's plain_hash holds it
 */
char *
ed_bundle_hash_to_hex (const guint8 *hash)
{
  return hash_to_hex (hash);
}

/* ---- reading ----------------------------------------------------------------------------- */

/**
 * ed_bundle_read_header:
 * @file: a file from the share
 * @error: return location for an error
 *
 * Reads the plaintext header, to choose the key and the signer. Nothing in it is checked
 * against the signature yet: read it only to decide how to open the file.
 *
 * Returns: (transfer full) (nullable): the header, or %NULL with @error set
 */
EdBundleHeader *
ed_bundle_read_header (GBytes  *file,
                       GError **error)
{
  g_auto(BundleLayout) layout = { 0 };

  g_return_val_if_fail (file != NULL, NULL);

  layout.data = g_bytes_get_data (file, &layout.size);
  if (!parse_head (&layout, error))
    return NULL;
  return g_steal_pointer (&layout.header);
}

/* Structure, then the signature over the whole file: nothing is decrypted before both. */
static gboolean
parse_and_verify (GBytes        *file,
                  BundleLayout  *layout,
                  const guint8  *sign_public,
                  GError       **error)
{
  return ed_sync_crypto_init (error) &&
         parse_structure (file, layout, error) &&
         check_signature (layout, sign_public, error);
}

/**
 * ed_bundle_verify:
 * @file: a file from the share
 * @sign_public: the public signing key of the device its header names
 * @error: return location for an error
 *
 * Checks the structure and the signature, which needs no team key: what a desk does after
 * writing a file and before marking its ops exported (SYNC.md §4.5, step 4).
 *
 * Returns: whether @file is whole and signed by @sign_public
 */
gboolean
ed_bundle_verify (GBytes        *file,
                  const guint8  *sign_public,
                  GError       **error)
{
  g_auto(BundleLayout) layout = { 0 };

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (sign_public != NULL, FALSE);

  return parse_and_verify (file, &layout, sign_public, error);
}

/* Decrypts every chunk of a verified file, handing each to @func, and checks TAG_FINAL and
 * the body's length and hash. */
static gboolean
decrypt_chunks (const BundleLayout  *layout,
                const EdTeamKey     *key,
                EdBundleChunkFunc    func,
                gpointer             user_data,
                GError             **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  crypto_generichash_state hash_state;
  g_autofree guint8 *plain = g_malloc (CHUNK_PLAIN_MAX);
  guint8 hash[HASH_BYTES];
  g_autofree char *hex = NULL;
  gsize pos = layout->chunks_start;
  guint64 total = 0;
  gboolean ok = TRUE;

  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, layout->data +
                                                       layout->stream_start, key->bytes) != 0)
    return set_corrupt (error, _("The bundle's body does not open with the team key"));
  crypto_generichash_init (&hash_state, NULL, 0, sizeof hash);

  for (guint i = 0; ok && i < layout->n_chunks; i++)
    {
      guint32 cipher_length = read_uint32_le (layout->data + pos);
      gboolean last = i + 1 == layout->n_chunks;
      unsigned long long plain_length = 0;
      unsigned char tag = 0;

      pos += LENGTH_FIELD;
      if (crypto_secretstream_xchacha20poly1305_pull (&state, plain, &plain_length, &tag,
                                                      layout->data + pos, cipher_length,
                                                      i == 0 ? layout->data : NULL,
                                                      i == 0 ? layout->aad_end : 0) != 0)
        ok = set_corrupt (error, _("A part of the bundle's body does not open with the team "
                                   "key: the file was changed, or sealed with another key"));
      else if (last && tag != TAG_FINAL)
        ok = set_corrupt (error, _("The bundle's body does not end where its writer ended it: "
                                   "a part is missing"));
      else if (!last && tag != TAG_MESSAGE)
        ok = set_corrupt (error, _("The bundle's body ends before its last part: the file was "
                                   "changed after it was written"));
      else
        {
          crypto_generichash_update (&hash_state, plain, plain_length);
          total += plain_length;
          ok = func (plain, plain_length, user_data, error);
        }
      pos += cipher_length;
    }

  sodium_memzero (plain, CHUNK_PLAIN_MAX);
  sodium_memzero (&state, sizeof state);
  if (!ok)
    return FALSE;

  crypto_generichash_final (&hash_state, hash, sizeof hash);
  hex = hash_to_hex (hash);
  if (total != layout->header->plain_length ||
      strcmp (hex, layout->header->plain_hash) != 0)
    return set_corrupt (error, _("The bundle's body is not the one its header describes"));
  return TRUE;
}

/**
 * ed_bundle_open_chunks:
 * @file: a file from the share
 * @key: the team key of the epoch its header names
 * @sign_public: the public signing key of the device its header names
 * @func: called with each decrypted chunk of the body in turn
 * @user_data: for @func
 * @error: return location for an error
 *
 * Opens a body too large to hold decrypted at once, such as a snapshot's. The structure and
 * the signature over the whole file are checked before @func sees the first chunk, so
 * everything handed over was written by @sign_public's desk. But a later chunk may still fail
 * to decrypt, lack TAG_FINAL, or leave the body's hash unequal to the header's, and @func may
 * itself fail: when this returns %FALSE, the caller must roll back whatever it did with the
 * chunks it was given (SYNC.md §4.6: a reader never applies a part of a file).
 *
 * Returns: whether the whole body was read, checked and accepted by @func
 */
gboolean
ed_bundle_open_chunks (GBytes             *file,
                       const EdTeamKey    *key,
                       const guint8       *sign_public,
                       EdBundleChunkFunc   func,
                       gpointer            user_data,
                       GError            **error)
{
  g_auto(BundleLayout) layout = { 0 };

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (sign_public != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return parse_and_verify (file, &layout, sign_public, error) &&
         decrypt_chunks (&layout, key, func, user_data, error);
}

static gboolean
append_chunk_cb (const guint8  *data,
                 gsize          length,
                 gpointer       user_data,
                 GError       **error)
{
  GByteArray *body = user_data;

  g_byte_array_append (body, data, (guint) length);
  return TRUE;
}

/**
 * ed_bundle_open:
 * @file: a file from the share
 * @key: the team key of the epoch its header names
 * @sign_public: the public signing key of the device its header names
 * @error: return location for an error
 *
 * Verifies the signature, then decrypts every chunk, requires TAG_FINAL on the last and only
 * the last, and checks the body's length and hash: only a body that passes all of them is
 * returned (SYNC.md §4.6).
 *
 * Returns: (transfer full) (nullable): the body, or %NULL with @error set:
 *   %ED_BUNDLE_ERROR_INCOMPLETE for a file cut short (read it again later),
 *   %ED_BUNDLE_ERROR_CORRUPT for a whole file that does not check
 */
static GBytes *
decrypt_body (BundleLayout     *layout,
              const EdTeamKey  *key,
              GError          **error);

GBytes *
ed_bundle_open (GBytes           *file,
                const EdTeamKey  *key,
                const guint8     *sign_public,
                GError          **error)
{
  g_auto(BundleLayout) layout = { 0 };

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (sign_public != NULL, NULL);

  if (!parse_and_verify (file, &layout, sign_public, error))
    return NULL;
  return decrypt_body (&layout, key, error);
}

/**
 * ed_bundle_open_verified:
 * @file: a file ed_bundle_verify() has just accepted: the very same bytes
 * @key: the team key of the epoch its header names
 * @error: return location for an error
 *
 * Decrypts and checks the body as ed_bundle_open() does, without checking the signature a
 * second time: for ingest, which verifies the signature before it trusts the header enough to
 * choose the key. @file is immutable, so what was verified is what is opened.
 *
 * Returns: (transfer full) (nullable): the body, or %NULL with @error set
 */
GBytes *
ed_bundle_open_verified (GBytes           *file,
                         const EdTeamKey  *key,
                         GError          **error)
{
  g_auto(BundleLayout) layout = { 0 };

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!ed_sync_crypto_init (error) || !parse_structure (file, &layout, error))
    return NULL;
  return decrypt_body (&layout, key, error);
}

static GBytes *
decrypt_body (BundleLayout     *layout,
              const EdTeamKey  *key,
              GError          **error)
{
  g_autoptr(GByteArray) body = NULL;

  /* The structure has shown the body to be no longer than the file, so its length is safe to
   * reserve. */
  body = g_byte_array_sized_new ((guint) MIN (layout->header->plain_length, G_MAXUINT));
  if (!decrypt_chunks (layout, key, append_chunk_cb, body, error))
    {
      sodium_memzero (body->data, body->len);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}
