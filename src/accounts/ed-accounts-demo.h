/* ed-accounts-demo.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-module.h"

G_BEGIN_DECLS

gboolean ed_accounts_demo (EdContext            *context,
                           GRand                *rand,
                           const EdDemoOptions  *options,
                           GError              **error);

G_END_DECLS
