/* ed-demo.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ed-context.h"

G_BEGIN_DECLS

#define ED_DEMO_DEFAULT_SEED 2026

#define ED_DEMO_DEFAULT_ELECTORS 60000
#define ED_DEMO_MAX_ELECTORS 2000000

/**
 * EdDemoOptions:
 * @seed: the same seed writes the same district
 * @electors: how many electors the register holds
 * @today: the date the register is as at: attainers and absent votes are dated from it
 */
typedef struct
{
  guint32 seed;
  guint   electors;
  GDate   today;
} EdDemoOptions;

void     ed_demo_options_init (EdDemoOptions        *options);
gboolean ed_demo_generate     (EdContext            *context,
                               const EdDemoOptions  *options,
                               GError              **error);

G_END_DECLS
