/* ed-test-lib.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-migrations.h"

G_BEGIN_DECLS

EdMigrations *ed_test_migrations (void);

G_END_DECLS
