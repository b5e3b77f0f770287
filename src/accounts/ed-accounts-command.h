/* ed-accounts-command.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-command.h"

G_BEGIN_DECLS

int ed_accounts_command (const EdCommandGlobals  *globals,
                         int                      argc,
                         char                   **argv);

G_END_DECLS
