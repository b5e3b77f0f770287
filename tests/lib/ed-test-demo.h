/* ed-test-demo.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ed-modules.h"
#include "demo/ed-demo.h"
#include "ed-test-dir.h"

G_BEGIN_DECLS

/* The demo district as a fixture, for tests that need a realistic register of some size
 * rather than one built entry by entry (for that, see ed-test-register.h). */

EdContext *ed_test_demo_open_as (EdTestDir  *fixture,
                                 const char *name,
                                 guint       electors);
EdContext *ed_test_demo_open    (EdTestDir  *fixture,
                                 guint       electors);

void       ed_test_demo_remove_staff     (EdContext *context);
void       ed_test_demo_remove_accounts  (EdContext *context);
void       ed_test_demo_remove_elections (EdContext *context);

G_END_DECLS
