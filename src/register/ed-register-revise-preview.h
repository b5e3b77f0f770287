/* ed-register-revise-preview.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "district/ed-context.h"
#include "register/ed-notice-timetable.h"

G_BEGIN_DECLS

/**
 * EdRevisePreview:
 * @dates: the revised register's publication date and cut-offs
 * @n_parts: the parts of the register (polling districts) it would number
 * @n_electors: the entries it would hold
 * @n_alterations: the changes waiting that it would publish
 * @n_added: pending additions it would make current
 * @n_deleted: pending deletions it would remove
 * @n_left_pending: pending additions not determined by its cut-off, left for the next notice
 *
 * What publishing the revised register on a given day would do, as the register stands;
 * ed_register_revise() then reports the same counts in its #EdReviseSummary.
 */
typedef struct
{
  EdNoticeDates dates;
  guint         n_parts;
  guint         n_electors;
  guint         n_alterations;
  guint         n_added;
  guint         n_deleted;
  guint         n_left_pending;
} EdRevisePreview;

void      ed_register_revise_default_date (const GDate      *today,
                                           GDate            *out);
gboolean  ed_register_revise_preview      (EdContext        *context,
                                           const GDate      *publication,
                                           EdRevisePreview  *out,
                                           GError          **error);

G_END_DECLS
