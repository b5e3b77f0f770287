/* ed-test-sync-team.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "sync/ed-sync.h"
#include "ed-test-dir.h"

G_BEGIN_DECLS

/* Two desks of the demo district that sync through a folder: the pair most sync tests start
 * from. */

#define ED_TEST_SYNC_PASSPHRASE "correct horse battery staple"

typedef struct
{
  EdContext   *a;
  EdContext   *b;
  char        *share;
  EdTransport *transport;
} EdTestSyncTeam;

void          ed_test_sync_team_build    (EdTestSyncTeam *team,
                                          EdTestDir      *fixture,
                                          guint           n_electors);
void          ed_test_sync_team_clear    (EdTestSyncTeam *team);
EdContext    *ed_test_sync_open_new_desk (EdTestDir      *fixture,
                                          const char     *name);
EdSyncReport  ed_test_sync_run           (EdContext      *context,
                                          EdTransport    *transport);
char         *ed_test_sync_state_hash    (EdContext      *context);
gint64        ed_test_sync_count_ops     (EdContext      *context);
char         *ed_test_sync_first_elector (EdContext      *context);
void          ed_test_sync_set_text      (EdContext      *context,
                                          const char     *elector,
                                          const char     *column,
                                          const char     *value);
guint         ed_test_sync_n_conflicts   (EdContext      *context);

G_END_DECLS
