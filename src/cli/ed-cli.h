/* ed-cli.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-module.h"

G_BEGIN_DECLS

int ed_cli_run (const EdModule * const  *modules,
                int                      argc,
                char                   **argv);

G_END_DECLS
