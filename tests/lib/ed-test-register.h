/* ed-test-register.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ed-modules.h"
#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "district/ed-district-settings.h"
#include "register/ed-register-supply.h"
#include "changes/ed-state-hash.h"
#include "ed-test-dir.h"

G_BEGIN_DECLS

/* A small register built row by row through EdChangeSet, for tests that need to know every
 * entry: polling districts, properties, electors and the alterations the elector editor
 * records (0004-register.sql). The names and addresses are made up. */

typedef enum
{
  ED_TEST_ELECTOR_NONE = 0,
  ED_TEST_ELECTOR_ANONYMOUS = 1 << 0,
  ED_TEST_ELECTOR_OTHER = 1 << 1,
} EdTestElectorFlags;

EdContext *ed_test_register_open            (EdTestDir          *fixture,
                                             const char         *country);
char      *ed_test_register_insert          (EdContext          *context,
                                             const char         *table,
                                             const char * const *columns,
                                             GVariant          **values,
                                             guint               n);
char      *ed_test_register_add_district    (EdContext          *context,
                                             const char         *code,
                                             const char         *name);
char      *ed_test_register_add_property    (EdContext          *context,
                                             const char         *district,
                                             const char         *property,
                                             const char         *street);
char      *ed_test_register_add_elector     (EdContext          *context,
                                             const char         *district,
                                             const char         *property,
                                             const char         *prefix,
                                             gint64              number,
                                             gint64              suffix,
                                             const char         *surname,
                                             const char         *forenames,
                                             const char         *status,
                                             EdTestElectorFlags  flags);
char      *ed_test_register_add_alteration  (EdContext          *context,
                                             const char         *elector,
                                             const char         *kind,
                                             const char         *determined_on,
                                             const char         *reason,
                                             const char         *detail);
void       ed_test_register_set             (EdContext          *context,
                                             const char         *table,
                                             const char         *row_id,
                                             const char         *column,
                                             GVariant           *value);
void       ed_test_elector_set              (EdContext          *context,
                                             const char         *elector,
                                             const char         *column,
                                             GVariant           *value);
char      *ed_test_register_get             (EdContext          *context,
                                             const char         *sql,
                                             const char         *row_id);
char      *ed_test_register_state_hash      (EdContext          *context);
GDate      ed_test_date                     (const char         *iso);

/* A full-register supply to a political party on 1 December 2026, recorded as the Supply
 * dialog records one. */
EdSupply  *ed_test_register_supply_full     (EdContext          *context,
                                             EdSaleFormat        format);

G_END_DECLS
