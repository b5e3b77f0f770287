/* ed-register-export.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "district/ed-context.h"
#include "register/ed-register-vocab.h"

G_BEGIN_DECLS

gboolean ed_register_export_csv (EdContext          *context,
                                 EdRegisterEdition   edition,
                                 const GDate        *as_at,
                                 GFile              *file,
                                 guint              *out_n_entries,
                                 GError            **error);

G_END_DECLS
