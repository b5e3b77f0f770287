/* ed-modules.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

const EdModule * const *ed_modules_get_all (void);
EdSchema               *ed_modules_new_schema (void);
EdContext              *ed_modules_open_district (const char  *database_path,
                                                  GError     **error);

G_END_DECLS
