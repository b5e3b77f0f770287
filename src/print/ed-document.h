/* ed-document.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "core/ed-job.h"
#include "core/ed-output-file.h"

G_BEGIN_DECLS

/**
 * EdDocument:
 *
 * A printed document laid out as A4 pages: a running header (council, district and the
 * document's title), then headings, paragraphs and table rows under the current column
 * set, and a page number in the footer. The same drawing code writes PDF files through a
 * Cairo PDF surface and prints through GtkPrintOperation, so a preview shows exactly what
 * the PDF holds.
 *
 * A figure is drawn by its caller: the document gives it a rectangle of the page and knows
 * nothing of what it draws (a map, a chart).
 *
 * Build it with the ed_document_add_*() calls, then either write it with
 * ed_document_write_pdf() or paginate it for a given page size and draw page by page.
 */
typedef struct _EdDocument EdDocument;

/**
 * EdDocumentDrawFunc:
 * @cr: the page, translated and clipped so that the figure occupies (0, 0)-(@width, @height)
 * @width: the figure's width, points: the page's text width
 * @height: the figure's height, points
 * @data: the data given to ed_document_add_figure()
 *
 * Draws a figure. It may be called once for each time its page is drawn (a print preview
 * draws a page again and again), from whichever thread draws the document.
 */
typedef void (*EdDocumentDrawFunc) (cairo_t *cr,
                                    double   width,
                                    double   height,
                                    gpointer data);

/* A figure's height for ed_document_add_figure(): all that is left of the page, or a page of
 * its own when less than half a page is left. */
#define ED_DOCUMENT_FIGURE_FILL 0.0

/**
 * EdDocumentRowStyle:
 * @ED_DOCUMENT_ROW_PLAIN: a row of a table, as ed_document_add_row() draws it
 * @ED_DOCUMENT_ROW_TOTAL: a total or sub-total: its cells in bold, under a rule
 * @ED_DOCUMENT_ROW_WRITE_IN: a row of a form filled in by hand: tall enough to write a number
 *   in with a pen, its cells ruled apart
 *
 * How a table row is drawn.
 */
typedef enum
{
  ED_DOCUMENT_ROW_PLAIN,
  ED_DOCUMENT_ROW_TOTAL,
  ED_DOCUMENT_ROW_WRITE_IN,
} EdDocumentRowStyle;

/* A4 in points, the size every document is designed for. */
#define ED_DOCUMENT_A4_WIDTH  595.276
#define ED_DOCUMENT_A4_HEIGHT 841.890

EdDocument *ed_document_new            (const char          *council,
                                        const char          *district,
                                        const char          *title);
void        ed_document_free           (EdDocument          *self);

const char *ed_document_get_title      (EdDocument          *self);
/* Where a page's body starts, in points from the page's top-left corner: a figure that comes
 * first on its page (after a page break) has its origin there, which a letter needs to put
 * its address in an envelope's window. */
void        ed_document_get_body_origin (double             *out_x,
                                         double             *out_y);

/* A line under the title in the running header, e.g. "Published 1 December 2026". */
void        ed_document_set_subtitle   (EdDocument          *self,
                                        const char          *subtitle);

/* Columns for the rows that follow: headings and widths as shares of the text width
 * (they need not sum to 1; they are scaled). Column headings repeat at the top of each
 * page and after each heading. */
void        ed_document_set_columns    (EdDocument          *self,
                                        const char * const  *headings,
                                        const double        *widths,
                                        guint                n_columns);

/* Aligns a column of the last ed_document_set_columns() to the right, heading and cells: for
 * amounts, whose pounds and pence then line up down the column. */
void        ed_document_set_column_end_aligned (EdDocument      *self,
                                                guint            column);

/* A section heading (e.g. a polling district). level 1 starts a new page; level 2 does not. */
void        ed_document_add_heading    (EdDocument          *self,
                                        guint                level,
                                        const char          *text);
/* Keeps what was added since the last heading (the short table it names) on one page with
 * it, unless they are more than a page holds. */
void        ed_document_keep_with_heading (EdDocument       *self);
void        ed_document_add_paragraph  (EdDocument          *self,
                                        const char          *text);
/* One table row: n_columns cells, as many as the last ed_document_set_columns() gave.
 * A cell may wrap onto several lines; rows never split across pages. */
void        ed_document_add_row        (EdDocument          *self,
                                        const char * const  *cells);
/* A row drawn in a style: a total stands out from the rows it adds. */
void        ed_document_add_row_styled (EdDocument          *self,
                                        const char * const  *cells,
                                        EdDocumentRowStyle   style);
void        ed_document_add_page_break (EdDocument          *self);
/* A figure the full text width wide and height points high (no more than a page's body
 * holds), or %ED_DOCUMENT_FIGURE_FILL. A figure never splits: one that does not fit on the
 * rest of the page starts the next. destroy frees data with the document. */
void        ed_document_add_figure     (EdDocument          *self,
                                        double               height,
                                        EdDocumentDrawFunc   draw,
                                        gpointer             data,
                                        GDestroyNotify       destroy);

/* Lays the document out on pages of the given size (points), returning the page count.
 * Call again when the size changes. */
guint       ed_document_paginate       (EdDocument          *self,
                                        double               page_width,
                                        double               page_height);
/* Draws one page (0-based) of the last pagination on cr, whose user space is in points with
 * the origin at the page's top-left corner. */
void        ed_document_draw_page      (EdDocument          *self,
                                        cairo_t             *cr,
                                        guint                page);

gboolean    ed_document_write_pdf      (EdDocument          *self,
                                        const char          *path,
                                        GError             **error);
gboolean    ed_document_write_pdf_full (EdDocument          *self,
                                        const char          *path,
                                        EdProgressFunc       progress,
                                        gpointer             progress_data,
                                        GCancellable        *cancellable,
                                        guint               *out_n_pages,
                                        GError             **error);
gboolean    ed_document_write_pdf_to   (EdDocument          *self,
                                        EdOutputFile        *out,
                                        EdProgressFunc       progress,
                                        gpointer             progress_data,
                                        GCancellable        *cancellable,
                                        guint               *out_n_pages,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdDocument, ed_document_free)

G_END_DECLS
