/* ed-demo.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-job.h"
#include "district/ed-context.h"

G_BEGIN_DECLS

void     ed_demo_options_init (EdDemoOptions        *options);
gboolean ed_demo_generate     (EdContext            *context,
                               const EdDemoOptions  *options,
                               GError              **error);
EdJob   *ed_demo_write_async  (const char              *path,
                               const EdModule * const  *modules,
                               const EdDemoOptions     *options,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data);
gboolean ed_demo_write_finish (EdJob                   *job,
                               GAsyncResult            *result,
                               GError                 **error);

G_END_DECLS
