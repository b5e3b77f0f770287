/* ed-register-page.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ui/ed-module-page.h"

G_BEGIN_DECLS

#define ED_TYPE_REGISTER_PAGE (ed_register_page_get_type ())

G_DECLARE_FINAL_TYPE (EdRegisterPage, ed_register_page, ED, REGISTER_PAGE, EdModulePage)

G_END_DECLS
