/* ed-register-command-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-command.h"
#include "district/ed-context.h"
#include "register/ed-register-command.h"

G_BEGIN_DECLS

/* The register's subcommands that have files of their own. */
int _ed_register_command_notice (const EdCommandGlobals *globals,
                                 int                     argc,
                                 char                  **argv);
int _ed_register_command_edit   (const EdCommandGlobals *globals,
                                 int                     argc,
                                 char                  **argv);
int _ed_register_command_supply (const EdCommandGlobals *globals,
                                 int                     argc,
                                 char                  **argv);
int _ed_register_command_expiring (const EdCommandGlobals *globals,
                                   int                     argc,
                                   char                  **argv);

G_END_DECLS
