/* ed-staff-command-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-command.h"

G_BEGIN_DECLS

/* The actions of `electoral-desk-cli staff`, each in an ed-staff-command-*.c of its own; argv[0]
 * is the action's name. */

int _ed_staff_command_scale (const EdCommandGlobals  *globals,
                             int                      argc,
                             char                   **argv);

G_END_DECLS
