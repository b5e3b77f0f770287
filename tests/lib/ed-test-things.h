/* ed-test-things.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

/* A small module that exists only in the tests, registered the way a real module is, to show
 * that the district, the command line and the window know modules only through the list. */
extern const EdModule ed_test_things_module;
extern const EdModule ed_test_clash_module;
/* A module whose one migration fails half-way (tests/lib/sql/broken). */
extern const EdModule ed_test_broken_module;
extern const EdTableDef ed_test_thing_table;

/* The program's modules followed by the test module, NULL-terminated. */
const EdModule * const *ed_test_things_module_list (void);

/* How many things the command `things add` wrote, and the name it was last given. */
guint       ed_test_things_count       (EdContext  *context);
const char *ed_test_things_last_added  (void);

G_END_DECLS
