/* ed-register-order.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "core/ed-elector-number.h"

G_BEGIN_DECLS

/**
 * EdRegisterSection:
 * @ED_REGISTER_SECTION_STREET: entries with a printed address, in street order
 * @ED_REGISTER_SECTION_OTHER: “Other electors”: special-category electors with no printed
 *   address (overseas electors, some service voters, declarations of local connection),
 *   alphabetically, with name and number only
 * @ED_REGISTER_SECTION_ANONYMOUS: anonymous entries, last, by elector number, shown as the
 *   number and `N` only
 *
 * The sections of one part of the register, in the order they are printed (DOMAIN.md §1.1;
 * RP(E&W) Regs 2001 reg 41, 41(3), 41A).
 */
typedef enum
{
  ED_REGISTER_SECTION_STREET,
  ED_REGISTER_SECTION_OTHER,
  ED_REGISTER_SECTION_ANONYMOUS,
} EdRegisterSection;

/**
 * EdRegisterEntryKey:
 * @section: the entry's section, from ed_register_section_for()
 * @street: (nullable): the street of the qualifying address; used in
 *   %ED_REGISTER_SECTION_STREET
 * @property: (nullable): the property on that street as printed, such as `14`, `10A`,
 *   `Flat 2, 14` or `Rose Cottage`; used in %ED_REGISTER_SECTION_STREET
 * @number: the elector number; a @number.number of 0 means not numbered yet
 * @surname: (nullable): used in %ED_REGISTER_SECTION_STREET and %ED_REGISTER_SECTION_OTHER
 * @forenames: (nullable): likewise
 *
 * What an entry's place in the register depends on. The strings are not owned.
 */
typedef struct
{
  EdRegisterSection  section;
  const char        *street;
  const char        *property;
  EdElectorNumber    number;
  const char        *surname;
  const char        *forenames;
} EdRegisterEntryKey;

EdRegisterSection  ed_register_section_for          (gboolean                   anonymous,
                                                     gboolean                   has_printed_address);
int                ed_register_entry_compare        (const EdRegisterEntryKey *a,
                                                     const EdRegisterEntryKey *b);
int                ed_register_street_compare       (const char               *a,
                                                     const char               *b);
int                ed_register_property_compare     (const char               *a,
                                                     const char               *b);
int                ed_register_name_compare         (const char               *surname_a,
                                                     const char               *forenames_a,
                                                     const char               *surname_b,
                                                     const char               *forenames_b);

gboolean           ed_open_register_includes        (gboolean                   opted_out,
                                                     gboolean                   anonymous,
                                                     gboolean                   under_16);
gboolean           ed_published_register_includes   (gboolean                   under_16);

G_END_DECLS
