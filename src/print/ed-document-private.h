/* ed-document-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "print/ed-document.h"

G_BEGIN_DECLS

/* What the last pagination put on a page, for tests of the page layout. */
typedef enum
{
  _ED_DOCUMENT_ITEM_HEADING,
  _ED_DOCUMENT_ITEM_PARAGRAPH,
  _ED_DOCUMENT_ITEM_ROW,
  _ED_DOCUMENT_ITEM_COLUMN_HEADINGS,
  _ED_DOCUMENT_ITEM_PAGE_BREAK,
  _ED_DOCUMENT_ITEM_FIGURE,
} EdDocumentItemKind;

typedef struct
{
  EdDocumentItemKind kind;
  guint              block;  /* the n-th ed_document_add_*() call, counting from 0 */
  guint              level;  /* headings; rows: their EdDocumentRowStyle */
  double             top;    /* points from the top of the page */
  double             bottom;
} EdDocumentItem;

guint    _ed_document_get_n_items   (EdDocument     *self,
                                     guint           page);
void     _ed_document_get_item      (EdDocument     *self,
                                     guint           page,
                                     guint           index,
                                     EdDocumentItem *out);
/* The band of the page that body text may occupy. */
void     _ed_document_get_body      (EdDocument     *self,
                                     double         *top,
                                     double         *bottom);

/* What was added, for tests of what a document says: blocks count every ed_document_add_*()
 * call; column is 0 but for rows; page breaks and figures have no text. */
guint               _ed_document_get_n_blocks (EdDocument *self);
EdDocumentItemKind  _ed_document_get_block    (EdDocument *self,
                                               guint       block,
                                               guint      *level);
const char         *_ed_document_get_text     (EdDocument *self,
                                               guint       block,
                                               guint       column);

G_END_DECLS
