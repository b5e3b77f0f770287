/* ed-sync-team.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "sync/ed-share-names.h"
#include "sync/ed-sync-error.h"
#include "sync/ed-sync-team.h"

/* Team files are small: a roster entry or the team file is a few hundred bytes. A larger one
 * is not one of ours, and is not parsed. */
#define MAX_TEAM_FILE_BYTES (64 * 1024)

G_DEFINE_QUARK (ed-sync-error-quark, ed_sync_error)

static gboolean
bad_file (GError    **error,
          const char *name,
          const char *what)
{
  g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_BAD_FILE,
               /* Translators: %s is a file on the share, then what is wrong with it */
               _("%s on the share cannot be read: %s"), name, what);
  return FALSE;
}

static JsonObject *
parse_object (GBytes      *file,
              const char  *name,
              JsonParser  *parser,
              GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (file, &length);
  g_autoptr(GError) local_error = NULL;

  if (length == 0 || length > MAX_TEAM_FILE_BYTES)
    {
      bad_file (error, name, length == 0 ? _("it is empty") : _("it is too large"));
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL) ||
      !json_parser_load_from_data (parser, data, (gssize)length, &local_error) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      bad_file (error, name, _("it is not a JSON object"));
      return NULL;
    }
  return json_node_get_object (json_parser_get_root (parser));
}

static const char *
member_string (JsonObject  *object,
               const char  *member,
               const char  *name,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is missing or not text"), member);

      bad_file (error, name, what);
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
member_int (JsonObject  *object,
            const char  *member,
            const char  *name,
            gint64       min,
            gint64      *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < min)
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is missing or not a number from %"
                                                 PRId64), member, min);

      return bad_file (error, name, what);
    }
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
member_key (JsonObject  *object,
            const char  *member,
            const char  *name,
            guint8      *out,
            gsize        length,
            GError     **error)
{
  const char *text = member_string (object, member, name, error);

  if (text == NULL)
    return FALSE;
  if (!ed_sync_base64_decode_exact (text, out, length))
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is not a key of %" PRIu64
                                                 " bytes in base64"), member,
                                               (guint64) length);

      return bad_file (error, name, what);
    }
  return TRUE;
}

/* An id as the change layer has them: a short run of letters, digits and dashes. */
static gboolean
is_identifier (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p++, n++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return n > 0 && n <= 64;
}

static const char *
member_id (JsonObject  *object,
           const char  *member,
           const char  *name,
           GError     **error)
{
  const char *text = member_string (object, member, name, error);

  if (text != NULL && !is_identifier (text))
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is not an id"), member);

      bad_file (error, name, what);
      return NULL;
    }
  return text;
}

void
ed_team_file_free (EdTeamFile *team)
{
  if (team == NULL)
    return;
  g_free (team->team);
  g_free (team->district);
  g_free (team->founder);
  g_free (team->min_app_version);
  g_free (team);
}

/**
 * ed_team_file_read:
 * @transport: the share
 * @cancellable: (nullable): to stop
 * @error: return location for an error: %ED_SYNC_ERROR_NO_TEAM when the share holds no team,
 *   %ED_SYNC_ERROR_NEWER_FORMAT when a newer version set it up
 *
 * Returns: (transfer full): the share's team file
 */
EdTeamFile *
ed_team_file_read (EdTransport   *transport,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(EdTeamFile) team = g_new0 (EdTeamFile, 1);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) file = NULL;
  const char *name = ED_SHARE_TEAM_FILE;
  const char *text;
  JsonObject *object;
  gint64 format;

  file = ed_transport_read (transport, name, cancellable, &local_error);
  if (file == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NO_TEAM,
                     _("The share has no Electoral Desk team yet"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  object = parse_object (file, name, parser, error);
  if (object == NULL || !member_int (object, "format", name, 1, &format, error))
    return NULL;
  /* The version gate (SYNC.md §4.10, §5 criterion 13): a newer format is never written to. */
  if (format > ED_SYNC_FORMAT)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NEWER_FORMAT,
                   _("The share was set up by a newer version of Electoral Desk (format %"
                     PRId64 "; this version knows %d). Update Electoral Desk on this "
                     "desk to sync with it."), format, ED_SYNC_FORMAT);
      return NULL;
    }
  team->format = (guint)format;
  if ((text = member_id (object, "team", name, error)) == NULL)
    return NULL;
  team->team = g_strdup (text);
  if ((text = member_id (object, "district", name, error)) == NULL)
    return NULL;
  team->district = g_strdup (text);
  if ((text = member_id (object, "founder", name, error)) == NULL)
    return NULL;
  team->founder = g_strdup (text);
  if (!member_key (object, "founder_sign_public", name, team->founder_sign_public,
                   ED_SIGN_PUBLIC_BYTES, error))
    return NULL;
  if ((text = member_string (object, "min_app_version", name, error)) == NULL)
    return NULL;
  team->min_app_version = g_strdup (text);
  return g_steal_pointer (&team);
}

/**
 * ed_team_file_to_bytes:
 * @team: a team
 *
 * Returns: (transfer full): esync-v1/team.json's contents
 */
GBytes *
ed_team_file_to_bytes (const EdTeamFile *team)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *founder_key = ed_sync_base64_encode (team->founder_sign_public,
                                                        ED_SIGN_PUBLIC_BYTES);
  char *text;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, team->format);
  json_builder_set_member_name (builder, "team");
  json_builder_add_string_value (builder, team->team);
  json_builder_set_member_name (builder, "district");
  json_builder_add_string_value (builder, team->district);
  json_builder_set_member_name (builder, "founder");
  json_builder_add_string_value (builder, team->founder);
  json_builder_set_member_name (builder, "founder_sign_public");
  json_builder_add_string_value (builder, founder_key);
  json_builder_set_member_name (builder, "min_app_version");
  json_builder_add_string_value (builder, team->min_app_version);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static const char *const roster_kinds[] = {
  [ED_ROSTER_FOUNDER] = "founder",
  [ED_ROSTER_JOIN] = "join",
  [ED_ROSTER_REQUEST] = "request",
  [ED_ROSTER_APPROVE] = "approve",
  [ED_ROSTER_REVOKE] = "revoke",
};

void
ed_roster_entry_free (EdRosterEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->team);
  g_free (entry->device);
  g_free (entry->user);
  g_free (entry->host);
  g_free (entry->by);
  g_free (entry->signed_text);
  g_free (entry);
}

/* What a joining desk proves it could only make with the team key: a keyed hash of its
 * device id and its two public keys. */
static void
join_proof (const EdRosterEntry *entry,
            const EdTeamKey     *key,
            guint8              *out)
{
  crypto_generichash_state state;
  static const char context[] = "electoral-desk join";

  crypto_generichash_init (&state, key->bytes, ED_TEAM_KEY_BYTES, 32);
  crypto_generichash_update (&state, (const guint8 *)context, sizeof context);
  crypto_generichash_update (&state, (const guint8 *)entry->device, strlen (entry->device) + 1);
  crypto_generichash_update (&state, entry->sign_public, ED_SIGN_PUBLIC_BYTES);
  crypto_generichash_update (&state, entry->box_public, ED_BOX_PUBLIC_BYTES);
  crypto_generichash_final (&state, out, 32);
}

static void
add_key_member (JsonBuilder  *builder,
                const char   *member,
                const guint8 *key,
                gsize         length)
{
  g_autofree char *text = ed_sync_base64_encode (key, length);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

/**
 * ed_roster_entry_seal:
 * @entry: the entry; its proof, signed text and signature are filled in
 * @signer: the keys of the desk that signs it (@entry->by)
 * @proof_key: (nullable): for a join, the team key of @entry->epoch
 *
 * Returns: (transfer full): the roster file: `{"entry": "<the entry's JSON>", "signature": …}`,
 *   the entry kept as the very text signed
 */
GBytes *
ed_roster_entry_seal (EdRosterEntry    *entry,
                      const EdDeskKeys *signer,
                      const EdTeamKey  *proof_key)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonBuilder) outer = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) file_root = NULL;
  g_autofree char *signature = NULL;
  char *text;
  gsize length;

  if (entry->kind == ED_ROSTER_JOIN && proof_key != NULL)
    join_proof (entry, proof_key, entry->proof);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, roster_kinds[entry->kind]);
  json_builder_set_member_name (builder, "team");
  json_builder_add_string_value (builder, entry->team);
  json_builder_set_member_name (builder, "device");
  json_builder_add_string_value (builder, entry->device);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, entry->user != NULL ? entry->user : "");
  json_builder_set_member_name (builder, "host");
  json_builder_add_string_value (builder, entry->host != NULL ? entry->host : "");
  add_key_member (builder, "sign_public", entry->sign_public, ED_SIGN_PUBLIC_BYTES);
  add_key_member (builder, "box_public", entry->box_public, ED_BOX_PUBLIC_BYTES);
  json_builder_set_member_name (builder, "epoch");
  json_builder_add_int_value (builder, entry->epoch);
  json_builder_set_member_name (builder, "by");
  json_builder_add_string_value (builder, entry->by);
  json_builder_set_member_name (builder, "hlc");
  json_builder_add_int_value (builder, entry->hlc);
  json_builder_set_member_name (builder, "revoked_after_seq");
  json_builder_add_int_value (builder, entry->revoked_after_seq);
  add_key_member (builder, "proof", entry->proof, sizeof entry->proof);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  g_free (entry->signed_text);
  entry->signed_text = json_generator_to_data (generator, NULL);

  ed_sync_sign (signer, (const guint8 *)entry->signed_text, strlen (entry->signed_text),
                entry->signature);
  signature = ed_sync_base64_encode (entry->signature, ED_SIGNATURE_BYTES);

  json_builder_begin_object (outer);
  json_builder_set_member_name (outer, "entry");
  json_builder_add_string_value (outer, entry->signed_text);
  json_builder_set_member_name (outer, "signature");
  json_builder_add_string_value (outer, signature);
  json_builder_end_object (outer);
  file_root = json_builder_get_root (outer);
  json_generator_set_root (generator, file_root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/**
 * ed_roster_entry_parse:
 * @file: a roster file's contents
 * @name: its name, for messages
 * @error: return location for what is wrong with it
 *
 * Reads a roster entry. Its signature is not checked here: which key must check it depends on
 * the rest of the roster (ed_roster_resolve()).
 *
 * Returns: (transfer full): the entry
 */
EdRosterEntry *
ed_roster_entry_parse (GBytes      *file,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(JsonParser) outer_parser = json_parser_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(EdRosterEntry) entry = g_new0 (EdRosterEntry, 1);
  g_autoptr(GBytes) inner = NULL;
  JsonObject *outer;
  JsonObject *object;
  const char *text;
  gint64 number;
  gboolean found = FALSE;

  outer = parse_object (file, name, outer_parser, error);
  if (outer == NULL || (text = member_string (outer, "entry", name, error)) == NULL)
    return NULL;
  entry->signed_text = g_strdup (text);
  if (!member_key (outer, "signature", name, entry->signature, ED_SIGNATURE_BYTES, error))
    return NULL;

  inner = g_bytes_new (entry->signed_text, strlen (entry->signed_text));
  object = parse_object (inner, name, parser, error);
  if (object == NULL || (text = member_string (object, "kind", name, error)) == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (roster_kinds); i++)
    if (g_str_equal (text, roster_kinds[i]))
      {
        entry->kind = i;
        found = TRUE;
      }
  if (!found)
    {
      bad_file (error, name, _("“kind” is not one this version knows"));
      return NULL;
    }
  if ((text = member_id (object, "team", name, error)) == NULL)
    return NULL;
  entry->team = g_strdup (text);
  if ((text = member_id (object, "device", name, error)) == NULL)
    return NULL;
  entry->device = g_strdup (text);
  if ((text = member_string (object, "user", name, error)) == NULL)
    return NULL;
  entry->user = g_utf8_make_valid (text, -1);
  if ((text = member_string (object, "host", name, error)) == NULL)
    return NULL;
  entry->host = g_utf8_make_valid (text, -1);
  if (!member_key (object, "sign_public", name, entry->sign_public, ED_SIGN_PUBLIC_BYTES,
                   error) ||
      !member_key (object, "box_public", name, entry->box_public, ED_BOX_PUBLIC_BYTES, error) ||
      !member_key (object, "proof", name, entry->proof, sizeof entry->proof, error))
    return NULL;
  if (!member_int (object, "epoch", name, 1, &number, error))
    return NULL;
  if (number > G_MAXUINT)
    {
      bad_file (error, name, _("“epoch” is too large"));
      return NULL;
    }
  entry->epoch = (guint)number;
  if ((text = member_id (object, "by", name, error)) == NULL)
    return NULL;
  entry->by = g_strdup (text);
  if (!member_int (object, "hlc", name, 0, &entry->hlc, error) ||
      !member_int (object, "revoked_after_seq", name, 0, &entry->revoked_after_seq, error))
    return NULL;
  return g_steal_pointer (&entry);
}

static const char *const desk_states[] = {
  [ED_DESK_MEMBER] = "member",
  [ED_DESK_REQUESTED] = "requested",
  [ED_DESK_REVOKED] = "revoked",
};

const char *
ed_desk_state_to_string (EdDeskState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (desk_states), NULL);

  return desk_states[state];
}

/**
 * ed_desk_state_from_string:
 * @text: a state as sync_desk keeps it
 * @out_state: (out): the state
 *
 * Returns: whether @text is one
 */
gboolean
ed_desk_state_from_string (const char  *text,
                           EdDeskState *out_state)
{
  for (guint i = 0; i < G_N_ELEMENTS (desk_states); i++)
    if (g_strcmp0 (text, desk_states[i]) == 0)
      {
        *out_state = (EdDeskState)i;
        return TRUE;
      }
  return FALSE;
}

/**
 * ed_desk_state_get_display_name:
 * @state: a desk's state
 *
 * Returns: the state for a person, translated
 */
const char *
ed_desk_state_get_display_name (EdDeskState state)
{
  switch (state)
    {
    case ED_DESK_MEMBER:
      return _("Member");
    case ED_DESK_REQUESTED:
      return _("Asks to join");
    case ED_DESK_REVOKED:
      return _("Removed from the team");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
ed_team_desk_free (EdTeamDesk *desk)
{
  if (desk == NULL)
    return;
  g_free (desk->device);
  g_free (desk->user);
  g_free (desk->host);
  g_free (desk);
}

static EdTeamDesk *
desk_from_entry (const EdRosterEntry *entry,
                 EdDeskState          state)
{
  EdTeamDesk *desk = g_new0 (EdTeamDesk, 1);

  desk->device = g_strdup (entry->device);
  desk->user = g_strdup (entry->user);
  desk->host = g_strdup (entry->host);
  memcpy (desk->sign_public, entry->sign_public, ED_SIGN_PUBLIC_BYTES);
  memcpy (desk->box_public, entry->box_public, ED_BOX_PUBLIC_BYTES);
  desk->state = state;
  desk->joined_hlc = entry->hlc;
  return desk;
}

/* Roster entries are read afresh at every sync, and each Ed25519 check costs as much as the
 * rest of resolving the roster: the checks that passed are remembered, by a hash of the key,
 * the signature and the text together, so that only what was never checked is checked. The
 * hash is of the very bytes, so a changed entry is checked again. */
#define VERIFIED_MEMO_MAX 4096

static GMutex verified_lock;
static GHashTable *verified_memo;   /* BLAKE2b of key, signature and text, in base64 */

static char *
verification_digest (const EdRosterEntry *entry,
                     const guint8        *sign_public)
{
  crypto_generichash_state state;
  guint8 hash[crypto_generichash_BYTES];

  crypto_generichash_init (&state, NULL, 0, sizeof hash);
  crypto_generichash_update (&state, sign_public, ED_SIGN_PUBLIC_BYTES);
  crypto_generichash_update (&state, entry->signature, ED_SIGNATURE_BYTES);
  crypto_generichash_update (&state, (const guint8 *)entry->signed_text,
                             strlen (entry->signed_text));
  crypto_generichash_final (&state, hash, sizeof hash);
  return ed_sync_base64_encode (hash, sizeof hash);
}

static gboolean
signed_by (const EdRosterEntry *entry,
           const guint8        *sign_public)
{
  g_autofree char *digest = verification_digest (entry, sign_public);
  gboolean known;

  g_mutex_lock (&verified_lock);
  known = verified_memo != NULL && g_hash_table_contains (verified_memo, digest);
  g_mutex_unlock (&verified_lock);
  if (known)
    return TRUE;
  if (!ed_sync_verify (sign_public, (const guint8 *)entry->signed_text,
                       strlen (entry->signed_text), entry->signature))
    return FALSE;

  g_mutex_lock (&verified_lock);
  if (verified_memo == NULL || g_hash_table_size (verified_memo) >= VERIFIED_MEMO_MAX)
    {
      g_clear_pointer (&verified_memo, g_hash_table_unref);
      verified_memo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  g_hash_table_add (verified_memo, g_steal_pointer (&digest));
  g_mutex_unlock (&verified_lock);
  return TRUE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const EdRosterEntry *x = *(EdRosterEntry **)a;
  const EdRosterEntry *y = *(EdRosterEntry **)b;

  if (x->hlc != y->hlc)
    return x->hlc < y->hlc ? -1 : 1;
  return strcmp (x->signed_text, y->signed_text);
}

/* One pass over the entries in order; whether anything changed. An entry signed by a desk
 * that becomes a member only later in the list is taken on a later pass. */
static gboolean
resolve_pass (GPtrArray        *entries,
              const EdTeamFile *team,
              GHashTable       *team_keys,
              GHashTable       *desks,
              GHashTable       *used)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      EdRosterEntry *entry = g_ptr_array_index (entries, i);
      EdTeamDesk *signer = g_hash_table_lookup (desks, entry->by);
      EdTeamDesk *subject = g_hash_table_lookup (desks, entry->device);
      gboolean signer_member = signer != NULL && signer->state == ED_DESK_MEMBER;
      EdTeamKey *key;
      guint8 proof[32];

      if (g_hash_table_contains (used, entry) || g_strcmp0 (entry->team, team->team) != 0)
        continue;

      switch (entry->kind)
        {
        case ED_ROSTER_FOUNDER:
          /* Only the founder the team file names, with the key it names. */
          if (g_strcmp0 (entry->device, team->founder) != 0 ||
              g_strcmp0 (entry->by, team->founder) != 0 ||
              memcmp (entry->sign_public, team->founder_sign_public,
                      ED_SIGN_PUBLIC_BYTES) != 0 ||
              !signed_by (entry, team->founder_sign_public) || subject != NULL)
            continue;
          g_hash_table_insert (desks, g_strdup (entry->device),
                               desk_from_entry (entry, ED_DESK_MEMBER));
          break;

        case ED_ROSTER_JOIN:
          /* Self-signed, with the proof that it knew the team key of its epoch. */
          key = g_hash_table_lookup (team_keys, GUINT_TO_POINTER (entry->epoch));
          if (key == NULL || g_strcmp0 (entry->by, entry->device) != 0 ||
              !signed_by (entry, entry->sign_public) ||
              (subject != NULL && subject->state != ED_DESK_REQUESTED))
            continue;
          join_proof (entry, key, proof);
          if (sodium_memcmp (proof, entry->proof, sizeof proof) != 0)
            continue;
          g_hash_table_insert (desks, g_strdup (entry->device),
                               desk_from_entry (entry, ED_DESK_MEMBER));
          break;

        case ED_ROSTER_REQUEST:
          if (g_strcmp0 (entry->by, entry->device) != 0 || subject != NULL ||
              !signed_by (entry, entry->sign_public))
            continue;
          g_hash_table_insert (desks, g_strdup (entry->device),
                               desk_from_entry (entry, ED_DESK_REQUESTED));
          break;

        case ED_ROSTER_APPROVE:
          /* A member approves the very keys the request gave. */
          if (!signer_member || subject == NULL || subject->state != ED_DESK_REQUESTED ||
              memcmp (subject->sign_public, entry->sign_public, ED_SIGN_PUBLIC_BYTES) != 0 ||
              !signed_by (entry, signer->sign_public))
            continue;
          subject->state = ED_DESK_MEMBER;
          break;

        case ED_ROSTER_REVOKE:
          if (!signer_member || subject == NULL || subject->state == ED_DESK_REVOKED ||
              !signed_by (entry, signer->sign_public))
            continue;
          subject->state = ED_DESK_REVOKED;
          subject->revoked_epoch = entry->epoch;
          subject->revoked_after_seq = entry->revoked_after_seq;
          break;

        default:
          continue;
        }
      g_hash_table_add (used, entry);
      changed = TRUE;
    }
  return changed;
}

/**
 * ed_roster_resolve:
 * @entries: (element-type EdRosterEntry): every roster entry on the share, in any order
 * @team: the share's team file
 * @team_keys: (element-type guint EdTeamKey): the team keys this desk holds, by epoch
 *
 * Works out the team's desks from its roster: the founder the team file names, desks that
 * joined with the passphrase (checked with the team key), requests and the approvals of
 * members, and revocations by members. An entry that does not check (a forged signature, a
 * signer who is not a member, another team's) is ignored. The result depends only on the set
 * of entries, not on their order or names.
 *
 * Returns: (transfer full) (element-type utf8 EdTeamDesk): device id → desk
 */
GHashTable *
ed_roster_resolve (GPtrArray        *entries,
                   const EdTeamFile *team,
                   GHashTable       *team_keys)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (entries, NULL, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  GHashTable *desks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)ed_team_desk_free);

  /* The copy would free the entries too: they are the caller's. */
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_entries);
  while (resolve_pass (sorted, team, team_keys, desks, used))
    ;
  return desks;
}

/**
 * ed_team_desk_may_write:
 * @desk: a desk of the team
 * @epoch: the epoch of a bundle it wrote
 * @seq_to: the last op in it
 *
 * Returns: whether its bundle is accepted (SYNC.md §4.8 Revocation): a member's always, a
 *   revoked desk's only up to its last accepted seq and in no later epoch
 */
gboolean
ed_team_desk_may_write (const EdTeamDesk *desk,
                        guint             epoch,
                        gint64            seq_to)
{
  switch (desk->state)
    {
    case ED_DESK_MEMBER:
      return TRUE;
    case ED_DESK_REVOKED:
      return epoch <= desk->revoked_epoch && seq_to <= desk->revoked_after_seq;
    case ED_DESK_REQUESTED:
    default:
      return FALSE;
    }
}

/**
 * ed_sync_key_folder:
 *
 * Returns: (transfer full): the folder of this user's sync keys, readable by them only
 */
char *
ed_sync_key_folder (void)
{
  return g_build_filename (g_get_user_config_dir (), "electoral-desk", "sync", NULL);
}

char *
ed_sync_desk_keys_path (const char *device)
{
  g_autofree char *folder = ed_sync_key_folder ();
  g_autofree char *name = g_strdup_printf ("%s.keys", device);

  return g_build_filename (folder, name, NULL);
}

static char *
team_keys_path (const char *device)
{
  g_autofree char *folder = ed_sync_key_folder ();
  g_autofree char *name = g_strdup_printf ("%s.team", device);

  return g_build_filename (folder, name, NULL);
}

GHashTable *
ed_team_keys_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)ed_team_key_free);
}

#define TEAM_KEYS_GROUP "Team Keys"

/**
 * ed_team_keys_load:
 * @device: this desk's device id
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type guint EdTeamKey): the team keys this desk holds, by
 *   epoch; empty when it holds none
 */
GHashTable *
ed_team_keys_load (const char  *device,
                   GError     **error)
{
  g_autofree char *path = team_keys_path (device);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GHashTable) keys = ed_team_keys_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) names = NULL;
  GStatBuf info;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&keys);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_stat (path, &info) == 0 && (info.st_mode & 077) != 0)
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_UNSAFE_KEY_FILE,
                   _("%s can be read by others than its owner: make it readable by its owner "
                     "only (chmod 600)"), shown);
      return NULL;
    }
  names = g_key_file_get_keys (file, TEAM_KEYS_GROUP, NULL, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_string (file, TEAM_KEYS_GROUP, names[i], NULL);
      guint64 epoch;
      EdTeamKey *key;

      if (!g_str_has_prefix (names[i], "epoch-") ||
          !g_ascii_string_to_unsigned (names[i] + 6, 10, 1, G_MAXUINT, &epoch, NULL))
        continue;
      key = ed_team_key_new ();
      if (value == NULL || !ed_sync_base64_decode_exact (value, key->bytes, ED_TEAM_KEY_BYTES))
        {
          ed_team_key_free (key);
          continue;
        }
      g_hash_table_insert (keys, GUINT_TO_POINTER ((guint)epoch), key);
    }
  return g_steal_pointer (&keys);
}

/**
 * ed_team_keys_save:
 * @device: this desk's device id
 * @team_keys: (element-type guint EdTeamKey): the team keys to keep
 * @error: return location for an error
 *
 * Writes the keys, readable by this user only, replacing the file whole.
 */
gboolean
ed_team_keys_save (const char  *device,
                   GHashTable  *team_keys,
                   GError     **error)
{
  g_autofree char *folder = ed_sync_key_folder ();
  g_autofree char *path = team_keys_path (device);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *data = NULL;
  GHashTableIter iter;
  gpointer epoch;
  gpointer key;
  gsize length;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (folder);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not make the folder of sync keys, %s: %s"), shown,
                   g_strerror (saved));
      return FALSE;
    }
  g_hash_table_iter_init (&iter, team_keys);
  while (g_hash_table_iter_next (&iter, &epoch, &key))
    {
      g_autofree char *name = g_strdup_printf ("epoch-%u", GPOINTER_TO_UINT (epoch));
      g_autofree char *value = ed_sync_base64_encode (((EdTeamKey *)key)->bytes,
                                                      ED_TEAM_KEY_BYTES);

      g_key_file_set_string (file, TEAM_KEYS_GROUP, name, value);
    }
  data = g_key_file_to_data (file, &length, NULL);
  return g_file_set_contents_full (path, data, (gssize)length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
