/* ed-module-pages.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/ed-module-pages.h"
#include "ui/accounts/ed-accounts-page.h"
#include "ui/elections/ed-elections-page.h"
#include "ui/register/ed-register-page.h"
#include "ui/staff/ed-staff-page.h"
#include "ui/stations/ed-stations-page.h"
#include "ui/sync/ed-sync-page.h"

/* Each module's page, by the id of its row in the module list. A module not built yet says
 * so, and what it will do, rather than showing controls that do nothing. */
static const EdModulePageInfo pages[] = {
  { "register", "x-office-address-book-symbolic", ed_register_page_get_type, NULL },
  { "stations", "mark-location-symbolic", ed_stations_page_get_type, NULL },
  { "elections", "emblem-documents-symbolic", ed_elections_page_get_type, NULL },
  { "staff", "system-users-symbolic", ed_staff_page_get_type, NULL },
  { "accounts", "x-office-spreadsheet-symbolic", ed_accounts_page_get_type, NULL },
  { "sync", "emblem-synchronizing-symbolic", ed_sync_page_get_type, NULL },
  { NULL },
};

/**
 * ed_module_pages_get_all:
 *
 * Returns: (transfer none): the program's module pages, ended by a row whose id is %NULL
 */
const EdModulePageInfo *
ed_module_pages_get_all (void)
{
  return pages;
}

const EdModulePageInfo *
ed_module_pages_lookup (const EdModulePageInfo *table,
                        const char             *id)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; table[i].id != NULL; i++)
    if (g_str_equal (table[i].id, id))
      return &table[i];
  return NULL;
}
