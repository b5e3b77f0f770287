/* ed-register-find.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

char *ed_register_find_elector           (EdContext   *context,
                                          const char  *number_text,
                                          GError     **error);
char *ed_register_find_property_by_uprn  (EdContext   *context,
                                          const char  *uprn_text,
                                          GError     **error);
char *ed_register_find_polling_district  (EdContext   *context,
                                          const char  *code,
                                          GError     **error);
char *ed_register_find_address           (EdContext   *context,
                                          const char  *text,
                                          GError     **error);
char *ed_register_polling_district_code  (EdContext   *context,
                                          const char  *polling_district_id,
                                          GError     **error);

G_END_DECLS
