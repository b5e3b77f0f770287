/* ed-account-submission-group.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accounts/ed-account.h"

G_BEGIN_DECLS

#define ED_TYPE_ACCOUNT_SUBMISSION_GROUP (ed_account_submission_group_get_type ())

G_DECLARE_FINAL_TYPE (EdAccountSubmissionGroup, ed_account_submission_group, ED,
                      ACCOUNT_SUBMISSION_GROUP, AdwPreferencesGroup)

void     ed_account_submission_group_show       (EdAccountSubmissionGroup *self,
                                                 EdContext                *context,
                                                 const EdAccount          *account);
void     ed_account_submission_group_clear      (EdAccountSubmissionGroup *self);
gboolean ed_account_submission_group_can_submit (EdAccountSubmissionGroup *self);
void     ed_account_submission_group_submit     (EdAccountSubmissionGroup *self);

G_END_DECLS
