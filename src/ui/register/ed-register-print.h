/* ed-register-print.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

/* The register page's "Print and export" menu button. Its items activate
 * register.print and register.export-pdf with the edition, "full" or "open". */
GtkWidget *ed_register_print_button_new (void);

/* Builds the published register in a worker thread, with a progress window, then prints it
 * (to_pdf FALSE) or saves it as a PDF the person chooses. */
void       ed_register_print_start      (GtkWidget  *widget,
                                         EdContext  *context,
                                         const char *edition,
                                         gboolean    to_pdf);
/* The same, for a PDF at a known place, without asking. */
void       ed_register_print_export_pdf (GtkWidget  *widget,
                                         EdContext  *context,
                                         const char *edition,
                                         GFile      *file);

G_END_DECLS
