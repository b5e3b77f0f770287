/* ed-notice-document.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "print/ed-document.h"
#include "register/ed-register-notice.h"

G_BEGIN_DECLS

EdDocument *ed_notice_document_new       (EdNotice     *notice);
gboolean    ed_notice_document_write_pdf (EdNotice     *notice,
                                          const char   *path,
                                          GError      **error);

G_END_DECLS
