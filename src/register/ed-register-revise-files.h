/* ed-register-revise-files.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-job.h"
#include "district/ed-context.h"
#include "register/ed-register-export.h"

G_BEGIN_DECLS

char     *ed_register_revise_default_folder (void);
char     *ed_register_revise_file_name      (EdRegisterEdition   edition,
                                             const GDate        *publication,
                                             const char         *extension);
gboolean  ed_register_revise_write_files    (EdContext          *context,
                                             const GDate        *publication,
                                             const char         *folder,
                                             EdProgressFunc      progress,
                                             gpointer            progress_data,
                                             GCancellable       *cancellable,
                                             GPtrArray          *out_files,
                                             GError            **error);

G_END_DECLS
