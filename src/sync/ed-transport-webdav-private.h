/* ed-transport-webdav-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/ed-transport-webdav.h"

G_BEGIN_DECLS

GPtrArray *_ed_transport_webdav_parse_multistatus (GBytes      *body,
                                                   const char  *folder_url,
                                                   GError     **error);

G_END_DECLS
