/* ed-sync-team.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/ed-sync-crypto.h"
#include "sync/ed-transport.h"

G_BEGIN_DECLS

/* The team on a share (SYNC.md §4.5, §4.8): its file, written once by the desk that made the
 * team, and the roster of signed entries by which desks join and leave it. */

/* The format of the team's folder this version writes and the newest it reads. */
#define ED_SYNC_FORMAT 1

/**
 * EdTeamFile:
 * @format: the folder's format: a desk refuses a newer one (SYNC.md §5 criterion 13)
 * @team: the team's id
 * @district: the id of the district the team keeps
 * @founder: the device id of the desk that made the team
 * @founder_sign_public: its signing key, which the founder's roster entry must verify with
 * @min_app_version: the oldest version of Electoral Desk that may write to the share
 *
 * esync-v1/team.json.
 */
typedef struct
{
  guint  format;
  char  *team;
  char  *district;
  char  *founder;
  guint8 founder_sign_public[ED_SIGN_PUBLIC_BYTES];
  char  *min_app_version;
} EdTeamFile;

void        ed_team_file_free      (EdTeamFile    *team);
EdTeamFile *ed_team_file_read      (EdTransport   *transport,
                                    GCancellable  *cancellable,
                                    GError       **error);
GBytes     *ed_team_file_to_bytes  (const EdTeamFile *team);

/**
 * EdRosterKind:
 * @ED_ROSTER_FOUNDER: the desk that made the team
 * @ED_ROSTER_JOIN: a desk that joined with the team passphrase, which it proves with a hash
 *   keyed with the team key
 * @ED_ROSTER_REQUEST: a desk that asks to join, for a member to approve after comparing its
 *   fingerprint
 * @ED_ROSTER_APPROVE: a member approves a request
 * @ED_ROSTER_REVOKE: a member takes a desk out of the team
 */
typedef enum
{
  ED_ROSTER_FOUNDER,
  ED_ROSTER_JOIN,
  ED_ROSTER_REQUEST,
  ED_ROSTER_APPROVE,
  ED_ROSTER_REVOKE,
} EdRosterKind;

/**
 * EdRosterEntry:
 * @kind: what the entry says
 * @team: the team's id
 * @device: the desk it is about
 * @user: the person at that desk, as their desk names them
 * @host: the computer's name
 * @sign_public: that desk's signing key
 * @box_public: that desk's key the team key is sealed to
 * @epoch: the team key's epoch when the entry was made
 * @by: the desk that signed the entry
 * @hlc: when, by the signing desk's clock
 * @revoked_after_seq: for a revocation, the last of the desk's ops still accepted
 * @proof: for a join, BLAKE2b keyed with the team key of @epoch over the entry's device and
 *   keys: the proof that the desk knew the passphrase
 * @signed_text: the entry's JSON as signed (kept to check the signature)
 * @signature: @by's signature over @signed_text
 */
typedef struct
{
  EdRosterKind kind;
  char        *team;
  char        *device;
  char        *user;
  char        *host;
  guint8       sign_public[ED_SIGN_PUBLIC_BYTES];
  guint8       box_public[ED_BOX_PUBLIC_BYTES];
  guint        epoch;
  char        *by;
  gint64       hlc;
  gint64       revoked_after_seq;
  guint8       proof[32];
  char        *signed_text;
  guint8       signature[ED_SIGNATURE_BYTES];
} EdRosterEntry;

void           ed_roster_entry_free  (EdRosterEntry     *entry);
GBytes        *ed_roster_entry_seal  (EdRosterEntry     *entry,
                                      const EdDeskKeys  *signer,
                                      const EdTeamKey   *proof_key);
EdRosterEntry *ed_roster_entry_parse (GBytes            *file,
                                      const char        *name,
                                      GError           **error);

/**
 * EdDeskState:
 * @ED_DESK_MEMBER: one of the team's desks: its bundles are applied
 * @ED_DESK_REQUESTED: has asked to join and waits for a member's approval
 * @ED_DESK_REVOKED: taken out of the team: its bundles after its last accepted seq, or in a
 *   later epoch, are refused
 */
typedef enum
{
  ED_DESK_MEMBER,
  ED_DESK_REQUESTED,
  ED_DESK_REVOKED,
} EdDeskState;

const char *ed_desk_state_to_string        (EdDeskState   state);
gboolean    ed_desk_state_from_string      (const char   *text,
                                            EdDeskState  *out_state);
const char *ed_desk_state_get_display_name (EdDeskState   state);

/**
 * EdTeamDesk:
 * @device: its device id
 * @user: the person at it
 * @host: the computer's name
 * @sign_public: its signing key
 * @box_public: the key its copy of the team key is sealed to
 * @state: whether it may write
 * @joined_hlc: when it joined or asked to
 * @revoked_epoch: the epoch in which it was revoked (0 if it was not)
 * @revoked_after_seq: the last of its ops accepted
 *
 * A desk of the team, as the roster shows it once every entry has been checked.
 */
typedef struct
{
  char        *device;
  char        *user;
  char        *host;
  guint8       sign_public[ED_SIGN_PUBLIC_BYTES];
  guint8       box_public[ED_BOX_PUBLIC_BYTES];
  EdDeskState  state;
  gint64       joined_hlc;
  guint        revoked_epoch;
  gint64       revoked_after_seq;
} EdTeamDesk;

void        ed_team_desk_free      (EdTeamDesk        *desk);
GHashTable *ed_roster_resolve      (GPtrArray         *entries,
                                    const EdTeamFile  *team,
                                    GHashTable        *team_keys);
gboolean    ed_team_desk_may_write (const EdTeamDesk  *desk,
                                    guint              epoch,
                                    gint64             seq_to);

char       *ed_sync_key_folder     (void);
char       *ed_sync_desk_keys_path (const char        *device);
GHashTable *ed_team_keys_load      (const char        *device,
                                    GError           **error);
gboolean    ed_team_keys_save      (const char        *device,
                                    GHashTable        *team_keys,
                                    GError           **error);
GHashTable *ed_team_keys_new       (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdTeamFile, ed_team_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdRosterEntry, ed_roster_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdTeamDesk, ed_team_desk_free)

G_END_DECLS
