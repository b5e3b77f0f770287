/* ed-sync-error.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ED_SYNC_ERROR (ed_sync_error_quark ())

/**
 * EdSyncError:
 * @ED_SYNC_ERROR_NOT_SET_UP: this desk does not sync yet
 * @ED_SYNC_ERROR_NO_TEAM: the share holds no team to join
 * @ED_SYNC_ERROR_TEAM_EXISTS: the share holds a team already: join it instead
 * @ED_SYNC_ERROR_NEWER_FORMAT: the share was set up by a newer version of Electoral Desk
 * @ED_SYNC_ERROR_OTHER_DISTRICT: the share's team keeps another district
 * @ED_SYNC_ERROR_NOT_A_MEMBER: this desk is not (or no longer) one of the team's desks
 * @ED_SYNC_ERROR_TEAM_CHANGED: the share's team file is not the one this desk joined
 * @ED_SYNC_ERROR_BAD_FILE: a file of the team on the share cannot be read (which, and why, is
 *   in the message)
 * @ED_SYNC_ERROR_PASSPHRASE_CHANGED: the passphrase given is the team's old one, changed (or
 *   withdrawn) when a desk was taken out of the team
 * @ED_SYNC_ERROR_CANNOT_REVOKE: a desk may not be taken out: it is this desk, or the team's
 *   last
 * @ED_SYNC_ERROR_AWAITING_APPROVAL: this desk asked to join and no desk of the team has approved
 *   it yet
 */
typedef enum
{
  ED_SYNC_ERROR_NOT_SET_UP,
  ED_SYNC_ERROR_NO_TEAM,
  ED_SYNC_ERROR_TEAM_EXISTS,
  ED_SYNC_ERROR_NEWER_FORMAT,
  ED_SYNC_ERROR_OTHER_DISTRICT,
  ED_SYNC_ERROR_NOT_A_MEMBER,
  ED_SYNC_ERROR_TEAM_CHANGED,
  ED_SYNC_ERROR_BAD_FILE,
  ED_SYNC_ERROR_PASSPHRASE_CHANGED,
  ED_SYNC_ERROR_CANNOT_REVOKE,
  ED_SYNC_ERROR_AWAITING_APPROVAL,
} EdSyncError;

GQuark ed_sync_error_quark (void);

G_END_DECLS
