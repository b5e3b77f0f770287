/* ed-register-export.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdRegisterEdition:
 * @ED_REGISTER_EDITION_FULL: every entry with every field: the register's data, which an
 *   import into another district reproduces (README.md lists the columns)
 * @ED_REGISTER_EDITION_OPEN: the open (edited) register as it may be sold: number, marker,
 *   name, address and attainer date, without those who opted out, anonymous entries and
 *   anyone under 16 (DOMAIN.md §1.3)
 */
typedef enum
{
  ED_REGISTER_EDITION_FULL,
  ED_REGISTER_EDITION_OPEN,
} EdRegisterEdition;

gboolean ed_register_edition_from_string (const char         *text,
                                          EdRegisterEdition  *out,
                                          GError            **error);
gboolean ed_register_export_csv          (EdContext          *context,
                                          EdRegisterEdition   edition,
                                          const GDate        *as_at,
                                          GFile              *file,
                                          guint              *out_n_entries,
                                          GError            **error);

G_END_DECLS
