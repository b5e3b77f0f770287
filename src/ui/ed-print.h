/* ed-print.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "print/ed-document.h"

G_BEGIN_DECLS

void     ed_print_document        (GtkWindow               *parent,
                                   EdDocument              *document,
                                   GtkPrintOperationAction  action);
gboolean ed_print_document_export (EdDocument              *document,
                                   const char              *path,
                                   GError                 **error);

G_END_DECLS
