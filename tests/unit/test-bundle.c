/* test-bundle.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-bundle"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sodium.h>
#include <string.h>

#include "sync/ed-bundle.h"

#define CHUNK (64 * 1024)
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES
#define STREAM_HEADER crypto_secretstream_xchacha20poly1305_HEADERBYTES

/* A name and postcode no file on the share may show (SYNC.md §5, criterion 9). */
#define CANARY_NAME "Bartholomew Quillfeather-Ystradgynlais"
#define CANARY_POSTCODE "SA9 1ZZ"

typedef struct
{
  EdTeamKey  *key;
  EdDeskKeys *signer;
  EdDeskKeys *other;
} Desks;

static Desks desks;

static void
fill_header (EdBundleHeader *header)
{
  memset (header, 0, sizeof *header);
  header->format = ED_BUNDLE_FORMAT;
  header->kind = ED_BUNDLE_KIND_OPS;
  header->team = (char *) "team-5b2c";
  header->district = (char *) "W06000011";
  header->epoch = 3;
  header->device = (char *) "desk-a1";
  header->incarnation = (char *) "inc-7f3e";
  header->seq_from = 1;
  header->seq_to = 12;
  header->n_ops = 12;
  header->created_hlc = G_GINT64_CONSTANT (1767225600000) << 16;
}

/* A body of @length bytes that differ from chunk to chunk, so a chunk moved is a chunk
 * changed. */
static GBytes *
make_body (gsize length)
{
  guint8 *data = g_malloc (length);

  for (gsize i = 0; i < length; i++)
    data[i] = (guint8) ((i * 131 + i / CHUNK * 7) & 0xff);
  return g_bytes_new_take (data, length);
}

static GBytes *
seal_body (GBytes *body)
{
  EdBundleHeader header;
  g_autoptr(GError) error = NULL;
  GBytes *file;

  fill_header (&header);
  file = ed_bundle_seal (&header, body, desks.key, desks.signer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

/* A body a bit over 128 KiB: three chunks, the last short. */
static GBytes *
seal_three_chunks (GBytes **out_body)
{
  g_autoptr(GBytes) body = make_body (2 * CHUNK + 1000);

  if (out_body != NULL)
    *out_body = g_bytes_ref (body);
  return seal_body (body);
}

static void
assert_opens_to (GBytes *file,
                 GBytes *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) opened = ed_bundle_open (file, desks.key, desks.signer->sign_public,
                                             &error);

  g_assert_no_error (error);
  g_assert_nonnull (opened);
  g_assert_true (g_bytes_equal (opened, body));
}

static void
assert_refused (GBytes *file,
                int     code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) opened = ed_bundle_open (file, desks.key, desks.signer->sign_public,
                                             &error);

  g_assert_null (opened);
  g_assert_error (error, ED_BUNDLE_ERROR, code);
}

static void
assert_refused_either (GBytes *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) opened = ed_bundle_open (file, desks.key, desks.signer->sign_public,
                                             &error);

  g_assert_null (opened);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ED_BUNDLE_ERROR);
  g_assert_true (error->code == ED_BUNDLE_ERROR_INCOMPLETE ||
                 error->code == ED_BUNDLE_ERROR_CORRUPT);
}

static guint32
get_uint32_le (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) |
         ((guint32) p[3] << 24);
}

static void
put_uint32_le (guint8  *p,
               guint32  value)
{
  p[0] = value & 0xff;
  p[1] = (value >> 8) & 0xff;
  p[2] = (value >> 16) & 0xff;
  p[3] = (value >> 24) & 0xff;
}

static gsize
chunks_offset (const guint8 *data)
{
  return 8 + get_uint32_le (data + 4) + STREAM_HEADER;
}

/* ---- crafting files the sealer would never write ----------------------------------------- */

/* The header's JSON as the sealer writes it, with plain_length and plain_hash of @body, and
 * @format in place of the real one. */
static char *
craft_header_json (GBytes *body,
                   gint64  format)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint8 hash[32];
  char hex[65];
  EdBundleHeader header;
  gsize length;
  const guint8 *data = g_bytes_get_data (body, &length);

  fill_header (&header);
  crypto_generichash (hash, sizeof hash, data, length, NULL, 0);
  sodium_bin2hex (hex, sizeof hex, hash, sizeof hash);

  json_builder_begin_object (builder);
#define MEMBER_INT(name, value) \
  json_builder_set_member_name (builder, name); json_builder_add_int_value (builder, value)
#define MEMBER_STRING(name, value) \
  json_builder_set_member_name (builder, name); json_builder_add_string_value (builder, value)
  MEMBER_INT ("format", format);
  MEMBER_STRING ("kind", "ops");
  MEMBER_STRING ("team", header.team);
  MEMBER_STRING ("district", header.district);
  MEMBER_INT ("epoch", header.epoch);
  MEMBER_STRING ("device", header.device);
  MEMBER_STRING ("incarnation", header.incarnation);
  MEMBER_INT ("seq_from", header.seq_from);
  MEMBER_INT ("seq_to", header.seq_to);
  MEMBER_INT ("n_ops", (gint64) header.n_ops);
  MEMBER_INT ("created_hlc", header.created_hlc);
  MEMBER_INT ("plain_length", (gint64) length);
  MEMBER_STRING ("plain_hash", hex);
#undef MEMBER_INT
#undef MEMBER_STRING
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Signs @file (everything but its last 64 bytes, which are replaced) as the sealer does:
 * magic, length and header, then the BLAKE2b-256 of the rest. */
static void
resign (GByteArray       *file,
        const EdDeskKeys *signer)
{
  gsize aad_end = 8 + get_uint32_le (file->data + 4);
  gsize body_end = file->len - ED_SIGNATURE_BYTES;
  g_autofree guint8 *message = g_malloc (aad_end + 32);

  memcpy (message, file->data, aad_end);
  crypto_generichash (message + aad_end, 32, file->data + aad_end, body_end - aad_end,
                      NULL, 0);
  ed_sync_sign (signer, message, aad_end + 32, file->data + body_end);
}

/* A file of the layout in ed-bundle.c with @n_pieces pieces encrypted in turn with @tags, of
 * which the pieces @order lists are written, in that order; the header describes the body
 * they make, and the file is signed by the signer. So whatever is wrong with it is wrong
 * inside the encryption only. */
static GBytes *
craft_bundle (GBytes        **pieces,
              const guint8   *tags,
              gsize           n_pieces,
              const guint    *order,
              gsize           n_order,
              gint64          format)
{
  crypto_secretstream_xchacha20poly1305_state state;
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autoptr(GBytes) body_bytes = NULL;
  g_autoptr(GPtrArray) ciphers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autofree char *json = NULL;
  guint8 stream_header[STREAM_HEADER];
  guint8 length_field[4];
  guint8 signature[ED_SIGNATURE_BYTES] = { 0 };

  for (gsize i = 0; i < n_order; i++)
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (pieces[order[i]], &length);

      g_byte_array_append (body, data, (guint) length);
    }
  body_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&body));
  json = craft_header_json (body_bytes, format);

  g_byte_array_append (file, (const guint8 *) "ESB1", 4);
  put_uint32_le (length_field, (guint32) strlen (json));
  g_byte_array_append (file, length_field, 4);
  g_byte_array_append (file, (const guint8 *) json, (guint) strlen (json));

  crypto_secretstream_xchacha20poly1305_init_push (&state, stream_header, desks.key->bytes);
  for (gsize i = 0; i < n_pieces; i++)
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (pieces[i], &length);
      guint8 *cipher = g_malloc (length + ABYTES);
      unsigned long long cipher_length;

      crypto_secretstream_xchacha20poly1305_push (&state, cipher, &cipher_length, data, length,
                                                  i == 0 ? file->data : NULL,
                                                  i == 0 ? file->len : 0, tags[i]);
      g_ptr_array_add (ciphers, g_bytes_new_take (cipher, cipher_length));
    }
  g_byte_array_append (file, stream_header, sizeof stream_header);
  for (gsize i = 0; i < n_order; i++)
    {
      GBytes *cipher = g_ptr_array_index (ciphers, order[i]);

      put_uint32_le (length_field, (guint32) g_bytes_get_size (cipher));
      g_byte_array_append (file, length_field, 4);
      g_byte_array_append (file, g_bytes_get_data (cipher, NULL),
                           (guint) g_bytes_get_size (cipher));
    }
  g_byte_array_append (file, signature, sizeof signature);
  resign (file, desks.signer);
  return g_byte_array_free_to_bytes (g_steal_pointer (&file));
}

static GBytes **
three_pieces (void)
{
  GBytes **pieces = g_new0 (GBytes *, 4);
  g_autoptr(GBytes) body = make_body (2 * CHUNK + 1000);

  pieces[0] = g_bytes_new_from_bytes (body, 0, CHUNK);
  pieces[1] = g_bytes_new_from_bytes (body, CHUNK, CHUNK);
  pieces[2] = g_bytes_new_from_bytes (body, 2 * CHUNK, 1000);
  return pieces;
}

static void
free_pieces (GBytes **pieces)
{
  for (gsize i = 0; pieces[i] != NULL; i++)
    g_bytes_unref (pieces[i]);
  g_free (pieces);
}

/* ---- tests -------------------------------------------------------------------------------- */

/* SYNC.md §4.5: a bundle sealed and opened gives back its body and header, whatever the body's
 * length: empty, under a chunk, exactly one or two chunks, and three. */
static void
test_round_trip (void)
{
  const gsize lengths[] = { 0, 1, 1000, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 1000 };

  for (gsize i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autoptr(GBytes) body = make_body (lengths[i]);
      g_autoptr(GBytes) file = seal_body (body);
      g_autoptr(EdBundleHeader) header = NULL;
      g_autoptr(GError) error = NULL;

      header = ed_bundle_read_header (file, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (header->format, ==, ED_BUNDLE_FORMAT);
      g_assert_cmpint (header->kind, ==, ED_BUNDLE_KIND_OPS);
      g_assert_cmpstr (header->team, ==, "team-5b2c");
      g_assert_cmpstr (header->district, ==, "W06000011");
      g_assert_cmpuint (header->epoch, ==, 3);
      g_assert_cmpstr (header->device, ==, "desk-a1");
      g_assert_cmpstr (header->incarnation, ==, "inc-7f3e");
      g_assert_cmpint (header->seq_from, ==, 1);
      g_assert_cmpint (header->seq_to, ==, 12);
      g_assert_cmpuint (header->n_ops, ==, 12);
      g_assert_cmpint (header->created_hlc, ==, G_GINT64_CONSTANT (1767225600000) << 16);
      g_assert_cmpuint (header->plain_length, ==, lengths[i]);
      g_assert_cmpuint (strlen (header->plain_hash), ==, 64);

      g_assert_true (ed_bundle_verify (file, desks.signer->sign_public, &error));
      g_assert_no_error (error);
      assert_opens_to (file, body);
    }
}

/* SYNC.md §4.5: a snapshot's kind reads back, and a header copy is a deep copy. */
static void
test_header_copy (void)
{
  EdBundleHeader header;
  g_autoptr(GBytes) body = make_body (10);
  g_autoptr(GBytes) file = NULL;
  g_autoptr(EdBundleHeader) read = NULL;
  g_autoptr(EdBundleHeader) copy = NULL;

  fill_header (&header);
  header.kind = ED_BUNDLE_KIND_SNAPSHOT;
  header.seq_from = header.seq_to = 0;
  file = ed_bundle_seal (&header, body, desks.key, desks.signer, NULL);
  read = ed_bundle_read_header (file, NULL);
  copy = ed_bundle_header_copy (read);
  g_clear_pointer (&read, ed_bundle_header_free);
  g_assert_cmpint (copy->kind, ==, ED_BUNDLE_KIND_SNAPSHOT);
  g_assert_cmpstr (copy->device, ==, "desk-a1");
  g_assert_cmpuint (copy->plain_length, ==, 10);
}

/* Which bytes of @file the bit-flip test flips every bit of: magic, lengths, header,
 * secretstream header, the first and last ABYTES of each chunk's ciphertext (its encrypted tag
 * and its MAC) and the signature; of the rest of the ciphertext, one byte in every 8, a
 * different one of the 8 from one block to the next so that every position in a block is
 * covered. With ED_BUNDLE_EVERY_BIT=1 in the environment, every byte. */
static gboolean *
bytes_to_flip (GBytes *file,
               gsize  *out_count)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (file, &length);
  gboolean *flip = g_new0 (gboolean, length);
  gboolean every = g_strcmp0 (g_getenv ("ED_BUNDLE_EVERY_BIT"), "1") == 0;
  gsize pos = chunks_offset (data);

  for (gsize i = 0; i < pos; i++)
    flip[i] = TRUE;
  while (pos + ED_SIGNATURE_BYTES < length)
    {
      gsize cipher_length = get_uint32_le (data + pos);
      gsize start = pos + 4;
      gsize end = start + cipher_length;

      for (gsize i = pos; i < end; i++)
        {
          gsize block = (i - start) / 8;

          flip[i] = every || i < start + ABYTES || i + ABYTES >= end ||
                    (i - start) % 8 == block % 8;
        }
      pos = end;
    }
  for (gsize i = pos; i < length; i++)
    flip[i] = TRUE;

  *out_count = 0;
  for (gsize i = 0; i < length; i++)
    *out_count += flip[i] ? 1 : 0;
  return flip;
}

/* SYNC.md §5 criterion 4 ("Corruption") and §3 (a partial file is "incomplete: retry"): a
 * three-chunk bundle cut at every byte offset is refused as incomplete, never opened. */
static void
test_truncated_every_offset (void)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) file = seal_three_chunks (&body);
  gsize length, structure_count;
  const guint8 *data = g_bytes_get_data (file, &length);
  g_autofree gboolean *structure = bytes_to_flip (file, &structure_count);

  for (gsize cut = 0; cut < length; cut++)
    {
      /* Where the cut falls in the structure, the part is copied to memory of exactly its
       * length, so that a read past its end shows under valgrind or ASan. */
      g_autoptr(GBytes) part = structure[cut] ? g_bytes_new (data, cut)
                                              : g_bytes_new_static (data, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) opened = ed_bundle_open (part, desks.key, desks.signer->sign_public,
                                                 &error);

      g_assert_null (opened);
      if (!g_error_matches (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_INCOMPLETE))
        g_error ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT ": %s", cut, length,
                 error->message);
    }
  assert_opens_to (file, body);
}

typedef struct
{
  GBytes         *file;
  const gboolean *flip;
  guint           first;     /* this thread takes every second byte to flip, from @first */
  guint           refused;
} FlipShare;

static gpointer
flip_share_thread (gpointer user_data)
{
  FlipShare *share = user_data;
  gsize length = g_bytes_get_size (share->file);
  guint8 *data = g_memdup2 (g_bytes_get_data (share->file, NULL), length);
  guint nth = 0;

  for (gsize pos = 0; pos < length; pos++)
    {
      if (!share->flip[pos] || nth++ % 2 != share->first)
        continue;
      for (guint bit = 0; bit < 8; bit++)
        {
          g_autoptr(GBytes) flipped = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) opened = NULL;

          data[pos] ^= (guint8) (1u << bit);
          flipped = g_bytes_new_static (data, length);
          opened = ed_bundle_open (flipped, desks.key, desks.signer->sign_public, &error);
          data[pos] ^= (guint8) (1u << bit);

          if (opened != NULL || error == NULL || error->domain != ED_BUNDLE_ERROR)
            g_error ("bit %u of byte %" G_GSIZE_FORMAT " flipped: %s", bit, pos,
                     opened != NULL ? "opened" : "refused outside ED_BUNDLE_ERROR");
          share->refused++;
        }
    }
  g_free (data);
  return NULL;
}

/* SYNC.md §5 criterion 4 ("Corruption"): single bits of a three-chunk bundle, flipped in turn,
 * make it refused, never opened; and the intact copy still opens (the "intact copy appearing
 * later is applied"). Every bit of its structure is flipped, and of its ciphertext every bit
 * of one byte in 8 (bytes_to_flip ()): each flip costs a BLAKE2b of the whole file and an
 * Ed25519 check, so all 8 × length flips take minutes, not seconds; ED_BUNDLE_EVERY_BIT=1 runs
 * them all. Two threads share the flips. */
static void
test_every_bit_flip (void)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) file = seal_three_chunks (&body);
  gsize count = 0;
  g_autofree gboolean *flip = bytes_to_flip (file, &count);
  FlipShare shares[2] = {
    { file, flip, 0, 0 },
    { file, flip, 1, 0 },
  };
  GThread *threads[G_N_ELEMENTS (shares)];
  gint64 start = g_get_monotonic_time ();

  for (gsize i = 0; i < G_N_ELEMENTS (shares); i++)
    threads[i] = g_thread_new ("flips", flip_share_thread, &shares[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (shares); i++)
    g_thread_join (threads[i]);

  g_assert_cmpuint (shares[0].refused + shares[1].refused, ==, 8 * count);
  g_test_message ("%" G_GSIZE_FORMAT " bit flips (of %" G_GSIZE_FORMAT ") refused in %.1f s",
                  8 * count, 8 * g_bytes_get_size (file),
                  (g_get_monotonic_time () - start) / 1e6);
  assert_opens_to (file, body);
}

/* SYNC.md §5 criterion 9: a bundle signed by another desk than the one expected is corrupt;
 * verify says so too, without the team key. */
static void
test_other_signer (void)
{
  EdBundleHeader header;
  g_autoptr(GBytes) body = make_body (5000);
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) opened = NULL;
  g_autoptr(GError) error = NULL;

  fill_header (&header);
  file = ed_bundle_seal (&header, body, desks.key, desks.other, &error);
  g_assert_no_error (error);
  g_assert_false (ed_bundle_verify (file, desks.signer->sign_public, &error));
  g_assert_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_CORRUPT);
  g_clear_error (&error);
  assert_refused (file, ED_BUNDLE_ERROR_CORRUPT);

  g_assert_true (ed_bundle_verify (file, desks.other->sign_public, &error));
  g_assert_no_error (error);
}

/* SYNC.md §4.8: a bundle sealed with another epoch's team key is corrupt to this one. */
static void
test_wrong_team_key (void)
{
  g_autoptr(GBytes) body = make_body (5000);
  g_autoptr(GBytes) file = seal_body (body);
  g_autoptr(EdTeamKey) other_key = ed_team_key_generate ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) opened = ed_bundle_open (file, other_key, desks.signer->sign_public,
                                             &error);

  g_assert_null (opened);
  g_assert_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_CORRUPT);
}

/* SYNC.md §4.8 (secretstream detects reordering) and §5 criterion 4: chunks swapped or one
 * dropped are refused, both as the file was sealed (the signature fails) and when the file is
 * signed again after the change, so that only the encryption can catch it. */
static void
test_chunks_moved_or_dropped (void)
{
  g_autoptr(GBytes) file = seal_three_chunks (NULL);
  gsize length;
  const guint8 *data = g_bytes_get_data (file, &length);
  gsize first = chunks_offset (data);
  gsize chunk_size = 4 + CHUNK + ABYTES;
  GBytes **pieces = three_pieces ();
  const guint8 tags[] = { 0, 0, crypto_secretstream_xchacha20poly1305_TAG_FINAL };

  /* Swapped: the two full chunks, as sealed and re-signed. */
  {
    g_autoptr(GByteArray) swapped = g_byte_array_new ();
    g_autoptr(GBytes) swapped_bytes = NULL;

    g_byte_array_append (swapped, data, (guint) length);
    memcpy (swapped->data + first, data + first + chunk_size, chunk_size);
    memcpy (swapped->data + first + chunk_size, data + first, chunk_size);
    swapped_bytes = g_bytes_new (swapped->data, swapped->len);
    assert_refused (swapped_bytes, ED_BUNDLE_ERROR_CORRUPT);
    resign (swapped, desks.signer);
    g_clear_pointer (&swapped_bytes, g_bytes_unref);
    swapped_bytes = g_bytes_new (swapped->data, swapped->len);
    assert_refused (swapped_bytes, ED_BUNDLE_ERROR_CORRUPT);
  }

  /* Dropped: the middle chunk, as sealed and re-signed. */
  {
    g_autoptr(GByteArray) dropped = g_byte_array_new ();
    g_autoptr(GBytes) dropped_bytes = NULL;

    g_byte_array_append (dropped, data, (guint) length);
    g_byte_array_remove_range (dropped, (guint) (first + chunk_size), (guint) chunk_size);
    dropped_bytes = g_bytes_new (dropped->data, dropped->len);
    assert_refused_either (dropped_bytes);
    resign (dropped, desks.signer);
    g_clear_pointer (&dropped_bytes, g_bytes_unref);
    dropped_bytes = g_bytes_new (dropped->data, dropped->len);
    assert_refused_either (dropped_bytes);
  }

  /* Crafted with a header that describes what is there, so that only the encryption is
   * wrong: chunks 2, 1, 3; chunks 1, 3; chunks 1, 2 (the final one missing). */
  {
    const guint swapped_order[] = { 1, 0, 2 };
    const guint dropped_order[] = { 0, 2 };
    const guint cut_order[] = { 0, 1 };
    g_autoptr(GBytes) swapped = craft_bundle (pieces, tags, 3, swapped_order, 3, 1);
    g_autoptr(GBytes) dropped = craft_bundle (pieces, tags, 3, dropped_order, 2, 1);
    g_autoptr(GBytes) cut = craft_bundle (pieces, tags, 3, cut_order, 2, 1);
    const guint intact_order[] = { 0, 1, 2 };
    g_autoptr(GBytes) intact = craft_bundle (pieces, tags, 3, intact_order, 3, 1);
    g_autoptr(GBytes) body = make_body (2 * CHUNK + 1000);

    assert_opens_to (intact, body);
    assert_refused (swapped, ED_BUNDLE_ERROR_CORRUPT);
    assert_refused (dropped, ED_BUNDLE_ERROR_CORRUPT);
    assert_refused_either (cut);
  }
  free_pieces (pieces);
}

/* SYNC.md §4.8: the reader must require TAG_FINAL, for a stream cut at a chunk boundary
 * authenticates chunk by chunk. A signed file whose last chunk is tagged MESSAGE, or whose
 * first is tagged FINAL, is never accepted. */
static void
test_tag_final_required (void)
{
  GBytes **pieces = three_pieces ();
  const guint order[] = { 0, 1, 2 };
  const guint8 no_final[] = { 0, 0, 0 };
  const guint8 early_final[] = { crypto_secretstream_xchacha20poly1305_TAG_FINAL, 0,
                                 crypto_secretstream_xchacha20poly1305_TAG_FINAL };
  g_autoptr(GBytes) missing = craft_bundle (pieces, no_final, 3, order, 3, 1);
  g_autoptr(GBytes) early = craft_bundle (pieces, early_final, 3, order, 3, 1);

  g_assert_true (ed_bundle_verify (missing, desks.signer->sign_public, NULL));
  assert_refused_either (missing);
  assert_refused_either (early);
  free_pieces (pieces);
}

/* SYNC.md §3 (hostile or damaged files): a chunk length of 0xFFFFFFFF, or one just over the
 * largest, is refused without reading past the file; so is a header length of 0xFFFFFFFF. */
static void
test_huge_lengths (void)
{
  g_autoptr(GBytes) file = seal_three_chunks (NULL);
  gsize length;
  const guint8 *data = g_bytes_get_data (file, &length);
  gsize first = chunks_offset (data);
  const guint32 values[] = { 0xffffffff, 0x80000000, CHUNK + ABYTES + 1, ABYTES - 1, 0 };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, length);
      g_autoptr(GBytes) changed = NULL;

      put_uint32_le (copy + first, values[i]);
      changed = g_bytes_new_static (copy, length);
      assert_refused (changed, ED_BUNDLE_ERROR_CORRUPT);
      g_assert_false (ed_bundle_verify (changed, desks.signer->sign_public, NULL));
    }

  {
    g_autofree guint8 *copy = g_memdup2 (data, length);
    g_autoptr(GBytes) changed = NULL;

    put_uint32_le (copy + 4, 0xffffffff);
    changed = g_bytes_new_static (copy, length);
    assert_refused (changed, ED_BUNDLE_ERROR_NOT_A_BUNDLE);
  }
}

/* SYNC.md §5 criterion 13 ("Version gate"): a bundle in format 2 is named as newer, by
 * read_header, verify and open alike, even when the rest of its header is unknown. */
static void
test_newer_format (void)
{
  GBytes **pieces = three_pieces ();
  const guint order[] = { 0, 1, 2 };
  const guint8 tags[] = { 0, 0, crypto_secretstream_xchacha20poly1305_TAG_FINAL };
  g_autoptr(GBytes) newer = craft_bundle (pieces, tags, 3, order, 3, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdBundleHeader) header = ed_bundle_read_header (newer, &error);
  const char bare[] = "ESB1\x0c\0\0\0{\"format\":2}";
  g_autoptr(GBytes) bare_file = g_bytes_new_static (bare, sizeof bare - 1);

  g_assert_null (header);
  g_assert_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NEWER_FORMAT);
  g_clear_error (&error);
  g_assert_false (ed_bundle_verify (newer, desks.signer->sign_public, &error));
  g_assert_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NEWER_FORMAT);
  g_clear_error (&error);
  assert_refused (newer, ED_BUNDLE_ERROR_NEWER_FORMAT);
  assert_refused (bare_file, ED_BUNDLE_ERROR_NEWER_FORMAT);
  free_pieces (pieces);
}

/* SYNC.md §3: a 0-byte file or one shorter than the magic is a placeholder still arriving;
 * other bytes are not a bundle at all. */
static void
test_empty_and_foreign (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) magic_part = g_bytes_new_static ("ES", 2);
  g_autoptr(GBytes) ini = g_bytes_new_static ("[.ShellClassInfo]\r\n", 19);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdBundleHeader) header = ed_bundle_read_header (empty, &error);

  g_assert_null (header);
  g_assert_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_INCOMPLETE);
  assert_refused (empty, ED_BUNDLE_ERROR_INCOMPLETE);
  assert_refused (magic_part, ED_BUNDLE_ERROR_INCOMPLETE);
  assert_refused (ini, ED_BUNDLE_ERROR_NOT_A_BUNDLE);
}

static GBytes *
bundle_with_header (const char *json)
{
  g_autoptr(GByteArray) file = g_byte_array_new ();
  guint8 length_field[4];

  g_byte_array_append (file, (const guint8 *) "ESB1", 4);
  put_uint32_le (length_field, (guint32) strlen (json));
  g_byte_array_append (file, length_field, 4);
  g_byte_array_append (file, (const guint8 *) json, (guint) strlen (json));
  return g_byte_array_free_to_bytes (g_steal_pointer (&file));
}

/* SYNC.md §4.5: a header with a field missing or of the wrong type is not a bundle, and the
 * message names the field. */
static void
test_header_fields_checked (void)
{
  g_autoptr(GBytes) body = make_body (10);
  g_autofree char *json = craft_header_json (body, 1);
  const char *fields[] = { "kind", "team", "district", "epoch", "device", "incarnation",
                           "seq_from", "seq_to", "n_ops", "created_hlc", "plain_length",
                           "plain_hash", "format" };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    for (guint wrong_type = 0; wrong_type < 2; wrong_type++)
      {
        g_autoptr(JsonNode) root = json_from_string (json, NULL);
        JsonObject *object = json_node_get_object (root);
        g_autofree char *changed = NULL;
        g_autoptr(GBytes) file = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(EdBundleHeader) header = NULL;

        if (wrong_type)
          json_object_set_double_member (object, fields[i], 1.5);
        else
          json_object_remove_member (object, fields[i]);
        changed = json_to_string (root, FALSE);
        file = bundle_with_header (changed);
        header = ed_bundle_read_header (file, &error);
        g_assert_null (header);
        g_assert_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NOT_A_BUNDLE);
        if (strstr (error->message, fields[i]) == NULL)
          g_error ("“%s” does not name “%s”", error->message, fields[i]);
      }

  {
    const char *not_json[] = { "[1]", "{\"format\":", "\"ESB1\"", "{\"format\":1}\x01" };

    for (gsize i = 0; i < G_N_ELEMENTS (not_json); i++)
      {
        g_autoptr(GBytes) file = bundle_with_header (not_json[i]);
        g_autoptr(GError) error = NULL;
        g_autoptr(EdBundleHeader) header = ed_bundle_read_header (file, &error);

        g_assert_null (header);
        g_assert_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_NOT_A_BUNDLE);
      }
  }
}

/* SYNC.md §3: bytes after the signature (an append, or two copies run together) are corrupt. */
static void
test_bytes_after_signature (void)
{
  g_autoptr(GBytes) body = make_body (100);
  g_autoptr(GBytes) file = seal_body (body);
  g_autoptr(GByteArray) longer = g_byte_array_new ();
  g_autoptr(GBytes) longer_bytes = NULL;

  g_byte_array_append (longer, g_bytes_get_data (file, NULL), (guint) g_bytes_get_size (file));
  g_byte_array_append (longer, (const guint8 *) "\n", 1);
  longer_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&longer));
  assert_refused (longer_bytes, ED_BUNDLE_ERROR_CORRUPT);
}

typedef struct
{
  GByteArray *body;
  guint       calls;
  guint       fail_at;   /* 0: never */
} ChunkSink;

static gboolean
collect_chunk_cb (const guint8  *data,
                  gsize          length,
                  gpointer       user_data,
                  GError       **error)
{
  ChunkSink *sink = user_data;

  g_assert_cmpuint (length, <=, CHUNK);
  sink->calls++;
  if (sink->calls == sink->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }
  g_byte_array_append (sink->body, data, (guint) length);
  return TRUE;
}

/* SYNC.md §4.7 (snapshots streamed in chunks): open_chunks hands over chunks that make the
 * body, and a callback's failure stops it with that error. */
static void
test_open_chunks (void)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) file = seal_three_chunks (&body);
  g_autoptr(GByteArray) collected = g_byte_array_new ();
  g_autoptr(GBytes) collected_bytes = NULL;
  g_autoptr(GError) error = NULL;
  ChunkSink sink = { collected, 0, 0 };

  g_assert_true (ed_bundle_open_chunks (file, desks.key, desks.signer->sign_public,
                                        collect_chunk_cb, &sink, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink.calls, ==, 3);
  collected_bytes = g_bytes_new (collected->data, collected->len);
  g_assert_true (g_bytes_equal (collected_bytes, body));

  g_byte_array_set_size (collected, 0);
  sink.calls = 0;
  sink.fail_at = 2;
  g_assert_false (ed_bundle_open_chunks (file, desks.key, desks.signer->sign_public,
                                         collect_chunk_cb, &sink, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Nothing is handed over from a file whose signature fails. */
  sink.calls = 0;
  sink.fail_at = 0;
  g_assert_false (ed_bundle_open_chunks (file, desks.key, desks.other->sign_public,
                                         collect_chunk_cb, &sink, &error));
  g_assert_error (error, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_CORRUPT);
  g_assert_cmpuint (sink.calls, ==, 0);
}

static gboolean
contains (GBytes     *haystack,
          const char *needle)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (haystack, &length);

  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

/* SYNC.md §5 criterion 9 ("Protection at rest"): the personal data in a body shows neither in
 * the plaintext header nor anywhere in the sealed file. */
static void
test_no_personal_data (void)
{
  g_autofree char *json = g_strdup_printf ("[{\"tbl\":\"electors\",\"col\":\"name\","
                                           "\"value\":\"%s\"},{\"tbl\":\"electors\","
                                           "\"col\":\"postcode\",\"value\":\"%s\"}]",
                                           CANARY_NAME, CANARY_POSTCODE);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) file = seal_body (body);
  g_autoptr(EdBundleHeader) header = ed_bundle_read_header (file, NULL);
  g_autofree char *header_text = g_strjoin ("\n", header->team, header->district,
                                            header->device, header->incarnation,
                                            header->plain_hash, NULL);

  g_assert_false (contains (file, CANARY_NAME));
  g_assert_false (contains (file, CANARY_POSTCODE));
  g_assert_false (contains (file, "Quillfeather"));
  g_assert_null (strstr (header_text, CANARY_NAME));
  g_assert_null (strstr (header_text, CANARY_POSTCODE));
  assert_opens_to (file, body);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_assert_true (ed_sync_crypto_init (NULL));
  desks.key = ed_team_key_generate ();
  desks.signer = ed_desk_keys_generate ();
  desks.other = ed_desk_keys_generate ();

  g_test_add_func ("/sync/bundle/round-trip", test_round_trip);
  g_test_add_func ("/sync/bundle/header-copy", test_header_copy);
  g_test_add_func ("/sync/bundle/truncated-every-offset", test_truncated_every_offset);
  g_test_add_func ("/sync/bundle/other-signer", test_other_signer);
  g_test_add_func ("/sync/bundle/wrong-team-key", test_wrong_team_key);
  g_test_add_func ("/sync/bundle/chunks-moved-or-dropped", test_chunks_moved_or_dropped);
  g_test_add_func ("/sync/bundle/tag-final-required", test_tag_final_required);
  g_test_add_func ("/sync/bundle/huge-lengths", test_huge_lengths);
  g_test_add_func ("/sync/bundle/newer-format", test_newer_format);
  g_test_add_func ("/sync/bundle/empty-and-foreign", test_empty_and_foreign);
  g_test_add_func ("/sync/bundle/header-fields-checked", test_header_fields_checked);
  g_test_add_func ("/sync/bundle/bytes-after-signature", test_bytes_after_signature);
  g_test_add_func ("/sync/bundle/open-chunks", test_open_chunks);
  g_test_add_func ("/sync/bundle/no-personal-data", test_no_personal_data);
  g_test_add_func ("/sync/bundle/slow/every-bit-flip", test_every_bit_flip);

  status = g_test_run ();
  ed_team_key_free (desks.key);
  ed_desk_keys_free (desks.signer);
  ed_desk_keys_free (desks.other);
  return status;
}
