/* ed-staff-command.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-command.h"
#include "district/ed-module.h"

G_BEGIN_DECLS

extern const EdModuleCommandName ed_staff_other_commands[];

int ed_staff_command (const EdCommandGlobals  *globals,
                      int                      argc,
                      char                   **argv);

G_END_DECLS
