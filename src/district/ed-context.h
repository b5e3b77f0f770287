/* ed-context.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-database.h"
#include "core/ed-desk-identity.h"
#include "core/ed-job.h"
#include "changes/ed-hlc.h"
#include "changes/ed-replica.h"
#include "changes/ed-schema.h"
#include "district/ed-district-settings.h"
#include "district/ed-module.h"

G_BEGIN_DECLS

#define ED_TYPE_CONTEXT (ed_context_get_type ())

G_DECLARE_FINAL_TYPE (EdContext, ed_context, ED, CONTEXT, EdReplica)

EdContext          *ed_context_open                   (const char              *database_path,
                                                       const EdModule * const  *modules,
                                                       GError                 **error);
EdContext          *ed_context_create                 (const char              *database_path,
                                                       const EdModule * const  *modules,
                                                       GHashTable              *values,
                                                       GError                 **error);
EdSchema           *ed_context_new_schema             (const EdModule * const  *modules);
const EdModule * const *ed_context_get_modules        (EdContext   *self);
EdDatabase         *ed_context_get_database           (EdContext   *self);
EdDeskIdentity     *ed_context_get_desk               (EdContext   *self);
EdDistrictSettings *ed_context_get_settings           (EdContext   *self);
const char         *ed_context_get_device_id          (EdContext   *self);
const char         *ed_context_get_user_name          (EdContext   *self);
EdSchema           *ed_context_get_schema             (EdContext   *self);
EdHlc              *ed_context_get_hlc                (EdContext   *self);

EdJob              *ed_context_run_job_async          (EdContext           *self,
                                                       EdJobFunc            func,
                                                       gpointer             task_data,
                                                       GDestroyNotify       task_data_free,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);

char               *ed_context_get_data_dir           (void);
char               *ed_context_get_default_database_path (void);
char               *ed_context_get_demo_database_path (void);

G_END_DECLS
