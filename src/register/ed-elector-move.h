/* ed-elector-move.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "register/ed-elector-edit.h"

G_BEGIN_DECLS

/**
 * EdElectorMove:
 * @elector_id: the entry that moves
 * @to_property: an address already in the register (a property's row id), or "" for
 *   @new_address
 * @new_address: when @to_property is "", the address to add
 * @polling_district: for @new_address, the polling district's row id; "" for the entry's own
 *
 * A change of address within the district.
 */
typedef struct
{
  char         *elector_id;
  char         *to_property;
  EdNewAddress  new_address;
  char         *polling_district;
} EdElectorMove;

EdElectorMove *ed_elector_move_new       (const char           *elector_id);
void           ed_elector_move_free      (EdElectorMove        *move);
GPtrArray     *ed_elector_move_validate  (EdContext            *context,
                                          const EdElectorMove  *move,
                                          const GDate          *today,
                                          GError              **error);
EdElectorEdit *ed_elector_move           (EdContext            *context,
                                          const EdElectorMove  *move,
                                          const GDate          *determined_on,
                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdElectorMove, ed_elector_move_free)

G_END_DECLS
