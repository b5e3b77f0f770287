/* ed-desk-identity.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-database.h"

G_BEGIN_DECLS

#define ED_TYPE_DESK_IDENTITY (ed_desk_identity_get_type ())

G_DECLARE_FINAL_TYPE (EdDeskIdentity, ed_desk_identity, ED, DESK_IDENTITY, GObject)

EdDeskIdentity *ed_desk_identity_load                 (EdDatabase      *database,
                                                       GError         **error);
const char     *ed_desk_identity_get_device_id        (EdDeskIdentity  *self);
const char     *ed_desk_identity_get_user_name        (EdDeskIdentity  *self);
const char     *ed_desk_identity_get_user_name_override (EdDeskIdentity *self);
gboolean        ed_desk_identity_set_user_name_override (EdDeskIdentity *self,
                                                       const char      *name,
                                                       GError         **error);
char           *ed_desk_identity_get_account_name     (void);

/* For tests and the merge simulator: a fixed device id, so a seed replays exactly. */
EdDeskIdentity *_ed_desk_identity_load_with_id        (EdDatabase      *database,
                                                       const char      *device_id,
                                                       GError         **error);

G_END_DECLS
