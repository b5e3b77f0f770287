/* ed-register-document.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-job.h"
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
gboolean    ed_register_document_write_pdf_full (EdContext          *context,
                                                 EdRegisterEdition   edition,
                                                 const GDate        *as_at,
                                                 const char         *path,
                                                 EdProgressFunc      progress,
                                                 gpointer            progress_data,
                                                 GCancellable       *cancellable,
                                                 guint              *out_n_entries,
                                                 guint              *out_n_pages,
                                                 GError            **error);

EdJob      *ed_register_document_new_async        (EdContext            *context,
                                                   EdRegisterEdition     edition,
                                                   const GDate          *as_at,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
EdDocument *ed_register_document_new_finish       (EdJob                *job,
                                                   GAsyncResult         *result,
                                                   guint                *out_n_entries,
                                                   GError              **error);
EdJob      *ed_register_document_write_pdf_async  (EdContext            *context,
                                                   EdRegisterEdition     edition,
                                                   const GDate          *as_at,
                                                   const char           *path,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    ed_register_document_write_pdf_finish (EdJob                *job,
                                                   GAsyncResult         *result,
                                                   guint                *out_n_entries,
                                                   guint                *out_n_pages,
                                                   GError              **error);

G_END_DECLS
