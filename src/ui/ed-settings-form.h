/* ed-settings-form.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-district-settings.h"

G_BEGIN_DECLS

#define ED_TYPE_SETTINGS_FORM (ed_settings_form_get_type ())

G_DECLARE_FINAL_TYPE (EdSettingsForm, ed_settings_form, ED, SETTINGS_FORM, AdwPreferencesPage)

EdSettingsForm *ed_settings_form_new_for_settings     (EdDistrictSettings *settings);
EdSettingsForm *ed_settings_form_new_blank            (void);
gboolean        ed_settings_form_is_valid             (EdSettingsForm     *self);
GHashTable     *ed_settings_form_collect              (EdSettingsForm     *self);
gboolean        ed_settings_form_has_unsaved_changes  (EdSettingsForm     *self);
gboolean        ed_settings_form_save_pending         (EdSettingsForm     *self,
                                                       GError            **error);

G_END_DECLS
