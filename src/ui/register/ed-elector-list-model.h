/* ed-elector-list-model.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "district/ed-context.h"
#include "register/ed-register-search.h"

G_BEGIN_DECLS

#define ED_TYPE_ELECTOR_LIST_MODEL (ed_elector_list_model_get_type ())

G_DECLARE_FINAL_TYPE (EdElectorListModel, ed_elector_list_model, ED, ELECTOR_LIST_MODEL, GObject)

EdElectorListModel *ed_elector_list_model_new        (EdContext              *context);
void                ed_elector_list_model_refresh    (EdElectorListModel     *self);
void                ed_elector_list_model_set_filter (EdElectorListModel     *self,
                                                      const EdRegisterFilter *filter);
void                ed_elector_list_model_reload     (EdElectorListModel     *self,
                                                      guint                   kept_end);
void                ed_elector_list_model_rows_changed (EdElectorListModel   *self,
                                                        guint                 position,
                                                        guint                 n);

G_END_DECLS
