/* ed-register-expiry.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * ED_ANONYMOUS_ENTRY_MONTHS:
 *
 * How long an anonymous entry lasts unless the elector applies again (DOMAIN.md §1.7).
 */
#define ED_ANONYMOUS_ENTRY_MONTHS 12

/**
 * ED_OVERSEAS_RENEWAL_MONTHS:
 *
 * How long before an overseas elector's declaration expires they may renew it (DOMAIN.md
 * §1.7).
 */
#define ED_OVERSEAS_RENEWAL_MONTHS 6

/**
 * EdExpiryKind:
 * @ED_EXPIRY_OVERSEAS_DECLARATION: an overseas elector's registration ends
 * @ED_EXPIRY_ANONYMOUS_ENTRY: an anonymous entry lapses
 *
 * Why an entry leaves the register on a date unless the elector applies again.
 */
typedef enum
{
  ED_EXPIRY_OVERSEAS_DECLARATION,
  ED_EXPIRY_ANONYMOUS_ENTRY,
} EdExpiryKind;

/**
 * EdExpiringEntry:
 * @elector_id: the elector row
 * @number: the elector number as printed
 * @name: surname and forenames, for the officer (the list is never published); empty for
 *   an anonymous entry
 * @kind: why the entry expires
 * @entered_on: the day the entry took effect: the publication date of the notice that added
 *   it, or its determination date while that notice is pending
 * @expires_on: the day it ends
 * @renewal_from: the first day the elector may renew
 *
 * One entry that ends on a date unless renewed.
 */
typedef struct
{
  char         *elector_id;
  char         *number;
  char         *name;
  EdExpiryKind  kind;
  GDate         entered_on;
  GDate         expires_on;
  GDate         renewal_from;
} EdExpiringEntry;

void        ed_overseas_declaration_expiry  (const GDate  *entered_on,
                                             GDate        *out);
void        ed_anonymous_entry_expiry       (const GDate  *entered_on,
                                             GDate        *out);
const char *ed_expiry_kind_get_display_name (EdExpiryKind  kind);

GPtrArray  *ed_register_expiring            (EdContext    *context,
                                             const GDate  *from,
                                             guint         within_days,
                                             GError      **error);
void        ed_expiring_entry_free          (EdExpiringEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdExpiringEntry, ed_expiring_entry_free)

G_END_DECLS
