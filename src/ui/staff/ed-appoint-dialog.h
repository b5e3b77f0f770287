/* ed-appoint-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"
#include "staff/ed-staff-vocab.h"

G_BEGIN_DECLS

#define ED_TYPE_APPOINT_DIALOG (ed_appoint_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdAppointDialog, ed_appoint_dialog, ED, APPOINT_DIALOG, AdwWindow)

EdAppointDialog *ed_appoint_dialog_new          (GtkWindow         *parent,
                                                 EdContext         *context,
                                                 const char        *election_id,
                                                 const GDate       *day,
                                                 const char        *place_title,
                                                 const EdStaffRole *roles,
                                                 guint              n_roles,
                                                 EdStaffRole        role,
                                                 GHashTable        *appointed);
EdStaffRole      ed_appoint_dialog_get_role     (EdAppointDialog   *self);
const char      *ed_appoint_dialog_get_person   (EdAppointDialog   *self);

G_END_DECLS
