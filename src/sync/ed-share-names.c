/* ed-share-names.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <string.h>

#include "sync/ed-share-names.h"

/* Twelve digits of seq: a desk making a change a second for thirty thousand years. Fixed width
 * so that a listing sorts in seq order. */
#define SEQ_FORMAT "%012" G_GINT64_MODIFIER "d"

char *
ed_share_device_folder (const char *device)
{
  return g_strdup_printf (ED_SHARE_DEVICES "/%s", device);
}

/**
 * ed_share_bundle_path:
 * @device: the writing desk
 * @seq_from: its first op in the bundle
 * @seq_to: its last
 *
 * Returns: (transfer full): `esync-v1/devices/<device>/b-<from>-<to>.esb`: unique to the
 *   desk and its ops, so it never needs to replace a file
 */
char *
ed_share_bundle_path (const char *device,
                      gint64      seq_from,
                      gint64      seq_to)
{
  return g_strdup_printf (ED_SHARE_DEVICES "/%s/b-" SEQ_FORMAT "-" SEQ_FORMAT ".esb", device,
                          seq_from, seq_to);
}

/**
 * ed_share_parse_bundle_name:
 * @name: a file's name
 * @out_seq_from: (out): the first seq its name gives
 * @out_seq_to: (out): the last
 *
 * Reads the seqs from a bundle's name, whatever a sync client added after them: `b-…-….esb`,
 * `b-…-… (conflicted copy 2026-12-01).esb`, `b-…-…-DESKTOP-7.esb`. Only a hint: what a
 * bundle holds is what its signed header says.
 *
 * Returns: whether the name starts as a bundle's does
 */
gboolean
ed_share_parse_bundle_name (const char *name,
                            gint64     *out_seq_from,
                            gint64     *out_seq_to)
{
  char from[13] = { 0 };
  char to[13] = { 0 };

  if (strlen (name) < 2 + 12 + 1 + 12 || !g_str_has_prefix (name, "b-") || name[14] != '-')
    return FALSE;
  memcpy (from, name + 2, 12);
  memcpy (to, name + 15, 12);
  return g_ascii_string_to_signed (from, 10, 1, G_MAXINT64, out_seq_from, NULL) &&
         g_ascii_string_to_signed (to, 10, 1, G_MAXINT64, out_seq_to, NULL);
}

/**
 * ed_share_is_temporary:
 * @name: a file's name
 *
 * Returns: whether it is a file still being written (`.~….partial`), which no reader opens
 */
gboolean
ed_share_is_temporary (const char *name)
{
  return g_str_has_prefix (name, ".~") || g_str_has_suffix (name, ".partial");
}

/**
 * ed_share_is_candidate:
 * @name: a file's name in a listing
 *
 * Whether a reader should open the file as a sealed bundle (SYNC.md §4.6 step 1): any name
 * with `.esb` in it, which takes in the copies sync clients make of a bundle under other
 * names, but not a file still being written, and none of the files desktops leave in folders
 * (desktop.ini, Thumbs.db, .DS_Store), which have other names.
 *
 * Returns: whether to read it
 */
gboolean
ed_share_is_candidate (const char *name)
{
  return strstr (name, ".esb") != NULL && !ed_share_is_temporary (name);
}

/**
 * ed_share_temporary_path:
 * @path: a final path
 * @nonce: a random number, so that two processes of one desk writing the same file at once
 *   never write one temporary file
 *
 * Returns: (transfer full): where to write it first: `.~<name>.<nonce>.partial` beside it, a
 *   name the OneDrive client for Linux leaves alone and no reader opens
 */
char *
ed_share_temporary_path (const char *path,
                         guint32     nonce)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);

  return g_strdup_printf ("%s/.~%s.%08x.partial", folder, name, nonce);
}

char *
ed_share_passphrase_key_path (guint epoch)
{
  return g_strdup_printf (ED_SHARE_KEYS "/team-%u.pw", epoch);
}

char *
ed_share_sealed_key_path (guint       epoch,
                          const char *device)
{
  return g_strdup_printf (ED_SHARE_KEYS "/team-%u.%s.sealed", epoch, device);
}

char *
ed_share_roster_path (gint64      hlc,
                      const char *device)
{
  return g_strdup_printf (ED_SHARE_ROSTER "/r-%016" G_GINT64_MODIFIER "x-%s.json", hlc, device);
}

char *
ed_share_ack_path (const char *device,
                   gint64      n)
{
  return g_strdup_printf (ED_SHARE_ACKS "/a-%s-" SEQ_FORMAT ".json", device, n);
}
