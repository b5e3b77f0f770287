/* ed-transport-folder.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/ed-transport.h"

G_BEGIN_DECLS

#define ED_TYPE_TRANSPORT_FOLDER (ed_transport_folder_get_type ())

G_DECLARE_FINAL_TYPE (EdTransportFolder, ed_transport_folder, ED, TRANSPORT_FOLDER, GObject)

EdTransport *ed_transport_folder_new (const char *root);

G_END_DECLS
