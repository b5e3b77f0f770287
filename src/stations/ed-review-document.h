/* ed-review-document.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "print/ed-document.h"

G_BEGIN_DECLS

/**
 * EdReviewDocumentKind:
 * @ED_REVIEW_DOCUMENT_REPORT: the report to the committee that decides the review
 * @ED_REVIEW_DOCUMENT_NOTICE: the notice of review, which invites representations
 *
 * The documents a review publishes (DOMAIN.md §3.3).
 */
typedef enum
{
  ED_REVIEW_DOCUMENT_REPORT,
  ED_REVIEW_DOCUMENT_NOTICE,
} EdReviewDocumentKind;

EdDocument *ed_review_document_new             (EdContext             *context,
                                                EdReviewDocumentKind   kind,
                                                const char            *review,
                                                GError               **error);
gboolean    ed_review_document_write_pdf       (EdContext             *context,
                                                EdReviewDocumentKind   kind,
                                                const char            *review,
                                                const char            *path,
                                                guint                 *out_n_pages,
                                                GError               **error);
EdJob      *ed_review_document_write_pdf_async (EdContext             *context,
                                                EdReviewDocumentKind   kind,
                                                const char            *review,
                                                const char            *path,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
gboolean    ed_review_document_write_pdf_finish (EdJob                *job,
                                                 GAsyncResult         *result,
                                                 guint                *out_n_pages,
                                                 GError              **error);

G_END_DECLS
