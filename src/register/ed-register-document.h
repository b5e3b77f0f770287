/* ed-register-document.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "district/ed-context.h"
#include "print/ed-document.h"
#include "register/ed-register-export.h"

G_BEGIN_DECLS

EdDocument *ed_register_document_new       (EdContext          *context,
                                            EdRegisterEdition   edition,
                                            const GDate        *as_at,
                                            GCancellable       *cancellable,
                                            guint              *out_n_entries,
                                            GError            **error);
gboolean    ed_register_document_write_pdf (EdContext          *context,
                                            EdRegisterEdition   edition,
                                            const GDate        *as_at,
                                            const char         *path,
                                            guint              *out_n_entries,
                                            GError            **error);

G_END_DECLS
