/* ed-transport-folder-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/ed-transport-folder.h"

G_BEGIN_DECLS

/* The ways a folder transport renames without replacing, best first; each is tried when the
 * file system refuses the one before (ed-transport-folder.c). */
typedef enum
{
  ED_RENAME_NOREPLACE,
  ED_RENAME_LINK,
  ED_RENAME_CHECK_THEN_RENAME,
} EdRenameMethod;

gboolean _ed_transport_folder_rename_noreplace (const char      *from,
                                                const char      *to,
                                                EdRenameMethod   first,
                                                EdRenameMethod  *used,
                                                GError         **error);

G_END_DECLS
