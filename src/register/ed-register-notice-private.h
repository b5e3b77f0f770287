/* ed-register-notice-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-calendar.h"
#include "changes/ed-change-set.h"
#include "register/ed-register-notice.h"

G_BEGIN_DECLS

/* What publishing a notice or the revised register did to the register. */
typedef struct
{
  guint n_alterations;
  guint n_added;      /* pending additions made current */
  guint n_deleted;    /* pending deletions removed */
} EdNoticeResolution;

const char *_ed_register_notice_reference (EdNoticeKind      kind);
EdCalendar *_ed_register_calendar          (EdContext           *context,
                                            GError             **error);
gboolean    _ed_register_notice_check_order (EdContext          *context,
                                            const GDate         *publication,
                                            GError             **error);
EdNotice   *_ed_register_notice_gather     (EdContext           *context,
                                            const GDate         *publication,
                                            const GDate         *determination,
                                            GError             **error);
char       *_ed_register_notice_insert     (EdChangeSet         *change_set,
                                            EdNoticeKind         kind,
                                            const GDate         *publication,
                                            GError             **error);
gboolean    _ed_register_notice_resolve    (EdChangeSet         *change_set,
                                            EdContext           *context,
                                            const GDate         *determination,
                                            GHashTable          *areas,
                                            const char          *notice_id,
                                            GHashTable          *deleted,
                                            EdNoticeResolution  *out,
                                            GError             **error);

G_END_DECLS
