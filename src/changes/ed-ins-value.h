/* ed-ins-value.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-schema.h"

G_BEGIN_DECLS

char       *_ed_ins_value_compact (const EdTableDef *table,
                                   const char       *object_json);
char       *_ed_ins_value_expand  (const EdTableDef *table,
                                   const char       *array_json);
const char *_ed_ins_value_nth     (const EdTableDef *table,
                                   const char       *array_json,
                                   guint             index,
                                   gsize            *out_len);

G_END_DECLS
