/* ed-test-pdf.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdarg.h>

G_BEGIN_DECLS

char *ed_test_pdf_text (const char *path,
                        const char *first_option,
                        ...);

G_END_DECLS
