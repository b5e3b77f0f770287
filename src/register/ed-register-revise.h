/* ed-register-revise.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-job.h"
#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdReviseSummary:
 * @n_parts: the parts of the register (polling districts) numbered
 * @n_electors: the entries in the revised register
 * @n_renumbered: the entries whose elector number changed
 * @n_alterations: the alterations the revised register published
 * @n_added: pending additions it made current
 * @n_deleted: pending deletions it removed
 * @n_left_pending: pending additions determined after its cut-off, left for the next notice
 *   and numbered after the entries of their part
 *
 * What publishing the revised register did.
 */
typedef struct
{
  guint n_parts;
  guint n_electors;
  guint n_renumbered;
  guint n_alterations;
  guint n_added;
  guint n_deleted;
  guint n_left_pending;
} EdReviseSummary;

typedef void (*EdReviseProgressFunc) (double      fraction,
                                      const char *what,
                                      gpointer    user_data);

gboolean ed_register_revise (EdContext             *context,
                             const GDate           *publication,
                             EdReviseProgressFunc   progress,
                             gpointer               progress_data,
                             GCancellable          *cancellable,
                             EdReviseSummary       *out_summary,
                             GError               **error);

EdJob   *ed_register_revise_async  (EdContext            *context,
                                    const GDate          *publication,
                                    const char           *folder,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean ed_register_revise_finish (EdJob                *job,
                                    GAsyncResult         *result,
                                    EdReviseSummary      *out_summary,
                                    GPtrArray           **out_files,
                                    GError              **out_files_error,
                                    GError              **error);

G_END_DECLS
