/* ed-share-names.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The layout of a team's folder on the share (SYNC.md §4.5):
 *
 *   esync-v1/team.json                        the team: written once, by the desk that made it
 *   esync-v1/keys/team-<epoch>.pw              the team key, wrapped with the passphrase
 *   esync-v1/keys/team-<epoch>.<device>.sealed the team key, sealed to one desk
 *   esync-v1/roster/r-<hlc>-<device>.json      signed roster entries: a desk joins or leaves
 *   esync-v1/devices/<device>/b-<from>-<to>.esb a desk's ops, seq <from> to <to>
 *   esync-v1/acks/a-<device>-<n>.json          what a desk has ingested
 *   esync-v1/snapshots/s-<device>-<hlc>.ess    the whole district as one desk held it
 *
 * A desk writes only its own names. Files are written under a temporary name and renamed to
 * their final name, which no other file has, so nothing is ever replaced. */

#define ED_SHARE_ROOT "esync-v1"
#define ED_SHARE_TEAM_FILE ED_SHARE_ROOT "/team.json"
#define ED_SHARE_KEYS ED_SHARE_ROOT "/keys"
#define ED_SHARE_ROSTER ED_SHARE_ROOT "/roster"
#define ED_SHARE_DEVICES ED_SHARE_ROOT "/devices"
#define ED_SHARE_ACKS ED_SHARE_ROOT "/acks"
#define ED_SHARE_SNAPSHOTS ED_SHARE_ROOT "/snapshots"

char     *ed_share_device_folder       (const char  *device);
char     *ed_share_bundle_path         (const char  *device,
                                        gint64       seq_from,
                                        gint64       seq_to);
gboolean  ed_share_parse_bundle_name   (const char  *name,
                                        gint64      *out_seq_from,
                                        gint64      *out_seq_to);
gboolean  ed_share_is_candidate        (const char  *name);
gboolean  ed_share_is_temporary        (const char  *name);
char     *ed_share_temporary_path      (const char  *path,
                                        guint32      nonce);
char     *ed_share_passphrase_key_path (guint        epoch);
char     *ed_share_sealed_key_path     (guint        epoch,
                                        const char  *device);
char     *ed_share_roster_path         (gint64       hlc,
                                        const char  *device);
char     *ed_share_ack_path            (const char  *device,
                                        gint64       n);

G_END_DECLS
