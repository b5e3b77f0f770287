/* ed-staff-documents.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "elections/ed-election.h"

G_BEGIN_DECLS

gboolean ed_staff_rota_pdf    (EdContext   *context,
                               EdElection  *election,
                               const char  *path,
                               GError     **error);
gboolean ed_staff_letters_pdf (EdContext   *context,
                               EdElection  *election,
                               const char  *path,
                               GError     **error);

G_END_DECLS
