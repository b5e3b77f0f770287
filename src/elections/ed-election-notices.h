/* ed-election-notices.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "elections/ed-election.h"
#include "register/ed-register-notice.h"

G_BEGIN_DECLS

/**
 * EdInterimNotice:
 * @dates: its dates, as the register's timetable counts them from the poll's
 * @published: whether the register has published it
 *
 * One of the three interim notices of alteration of a poll (DOMAIN.md §1.4).
 */
typedef struct
{
  EdNoticeDates dates;
  gboolean      published;
} EdInterimNotice;

/**
 * EdInterimPublished:
 * @notice: (nullable): the notice published, or %NULL when no alteration was waiting for
 *   the final notice, which fixes the electorate all the same
 * @pdf_path: (nullable): the notice's PDF
 * @csv_path: (nullable): the notice's CSV
 * @fixed: %TRUE when publishing it fixed the electorate
 */
typedef struct
{
  EdNotice *notice;
  char     *pdf_path;
  char     *csv_path;
  gboolean  fixed;
} EdInterimPublished;

gboolean   ed_election_get_interim_notices   (EdContext           *context,
                                              EdElection          *election,
                                              EdInterimNotice      out[ED_N_INTERIM_NOTICES],
                                              GError             **error);
GStrv      ed_election_get_notice_areas      (EdContext           *context,
                                              EdElection          *election,
                                              GError             **error);
gboolean   ed_election_publish_interim       (EdContext           *context,
                                              EdElection          *election,
                                              guint                n,
                                              EdNoticeFlags        flags,
                                              const char          *out_dir,
                                              EdInterimPublished  *out,
                                              GError             **error);
void       ed_interim_published_clear        (EdInterimPublished  *published);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EdInterimPublished, ed_interim_published_clear)

G_END_DECLS
