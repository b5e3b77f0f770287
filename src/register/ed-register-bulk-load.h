/* ed-register-bulk-load.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-database.h"

G_BEGIN_DECLS

typedef struct _EdRegisterBulkLoad EdRegisterBulkLoad;

EdRegisterBulkLoad *ed_register_bulk_load_begin  (EdDatabase          *database,
                                                  GError             **error);
gboolean            ed_register_bulk_load_finish (EdRegisterBulkLoad  *load,
                                                  GError             **error);
void                ed_register_bulk_load_free   (EdRegisterBulkLoad  *load);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdRegisterBulkLoad, ed_register_bulk_load_free)

G_END_DECLS
