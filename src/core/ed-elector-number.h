/* ed-elector-number.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ED_ELECTOR_NUMBER_MAX:
 *
 * The largest number within one polling district's part of the register.
 */
#define ED_ELECTOR_NUMBER_MAX 999999

/**
 * ED_ELECTOR_NUMBER_SUFFIX_MAX:
 *
 * The largest suffix, the `/1` added to a new elector at an existing address between
 * publications of the register.
 */
#define ED_ELECTOR_NUMBER_SUFFIX_MAX 999

/**
 * EdElectorNumber:
 * @prefix: the polling district letters, in capitals, optionally followed by up to two
 *   digits (`AB`, `A1`); NUL-terminated
 * @number: the elector's number within the polling district, 1 to %ED_ELECTOR_NUMBER_MAX
 * @suffix: 0 for none, otherwise 1 to %ED_ELECTOR_NUMBER_SUFFIX_MAX
 *
 * An elector number, stored as the three fields election management systems export
 * (DOMAIN.md §1.1): `AB124/1` is prefix `AB`, number 124, suffix 1.
 */
typedef struct
{
  char    prefix[8];
  guint32 number;
  guint32 suffix;
} EdElectorNumber;

gboolean  ed_elector_number_parse            (const char             *text,
                                              EdElectorNumber        *out,
                                              GError                **error);
gboolean  ed_elector_number_set              (EdElectorNumber        *out,
                                              const char             *prefix,
                                              guint32                 number,
                                              guint32                 suffix,
                                              GError                **error);
char     *ed_elector_number_format           (const EdElectorNumber  *n);
gboolean  ed_elector_number_is_valid_prefix  (const char             *prefix);
int       ed_elector_number_compare          (const EdElectorNumber  *a,
                                              const EdElectorNumber  *b);

G_END_DECLS
