/* ed-modules.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-modules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-modules.h"
#include "accounts/ed-accounts-command.h"
#include "accounts/ed-accounts-demo.h"
#include "accounts/ed-accounts-tables.h"
#include "elections/ed-elections-command.h"
#include "elections/ed-elections-demo.h"
#include "elections/ed-elections-tables.h"
#include "staff/ed-staff-command.h"
#include "staff/ed-staff-demo.h"
#include "staff/ed-staff-tables.h"
#include "register/ed-register-command.h"
#include "register/ed-register-demo.h"
#include "register/ed-register-tables.h"
#include "stations/ed-stations-command.h"
#include "stations/ed-stations-demo.h"
#include "stations/ed-stations-tables.h"
#include "sync/ed-sync-command.h"
#include "sync/ed-sync-tables.h"

/* The one list of modules (DESIGN.md §2), in the order an elections office works through its
 * year, which is the sidebar's order. A district's schema, its demo, the command line's
 * command groups and the window's pages are all built from these rows; nothing else names a
 * module. A module not built yet has a row with no hooks, so its page can say what it will
 * do rather than show controls that do nothing. HACKING.md says how to add one. */

static const EdModule register_module = {
  .id = "register",
  .title = N_("Register"),
  .summary = N_("Search the electoral register and count it"),
  .add_schema = ed_register_add_schema,
  .add_demo = ed_register_demo,
  .command = ed_register_command,
};

static const EdModule stations_module = {
  .id = "stations",
  .title = N_("Polling Stations"),
  .summary = N_("Polling places and stations, the polling plan, maps and reviews"),
  .add_schema = ed_stations_add_schema,
  .add_demo = ed_stations_demo,
  .command = ed_stations_command,
};

static const EdModule elections_module = {
  .id = "elections",
  .title = N_("Elections"),
  .summary = N_("Elections, their timetables and electorates, poll cards and station registers"),
  .add_schema = ed_elections_add_schema,
  .add_demo = ed_elections_demo,
  .command = ed_elections_command,
  .other_commands = ed_elections_other_commands,
};

static const EdModule staff_module = {
  .id = "staff",
  .title = N_("Staff"),
  .summary = N_("Casual election staff: people, fee scales, appointments and the payroll"),
  .add_schema = ed_staff_add_schema,
  .add_demo = ed_staff_demo,
  .command = ed_staff_command,
  .other_commands = ed_staff_other_commands,
};

static const EdModule accounts_module = {
  .id = "accounts",
  .title = N_("Accounts"),
  .summary = N_("The returning officer’s accounts: estimates, spending, the split of combined "
                "polls and the claim"),
  .add_schema = ed_accounts_add_schema,
  .add_demo = ed_accounts_demo,
  .command = ed_accounts_command,
};

static const EdModule sync_module = {
  .id = "sync",
  .title = N_("Sync"),
  .summary = N_("Sync this desk with the team’s other desks through a shared folder"),
  .add_schema = ed_sync_add_schema,
  .command = ed_sync_command,
};

static const EdModule * const modules[] = {
  &register_module,
  &stations_module,
  &elections_module,
  &staff_module,
  &accounts_module,
  &sync_module,
  NULL,
};

/**
 * ed_modules_get_all:
 *
 * Returns: (transfer none) (array zero-terminated=1): the program's modules
 */
const EdModule * const *
ed_modules_get_all (void)
{
  return modules;
}

/**
 * ed_modules_new_schema:
 *
 * Returns: (transfer full): the registry of a district with every module's tables
 */
EdSchema *
ed_modules_new_schema (void)
{
  return ed_context_new_schema (modules);
}

/**
 * ed_modules_open_district:
 * @database_path: the district's database file; created when missing
 * @error: return location for an error
 *
 * Returns: (transfer full): a context on the district with every module, or %NULL with
 *   @error set
 */
EdContext *
ed_modules_open_district (const char  *database_path,
                          GError     **error)
{
  return ed_context_open (database_path, modules, error);
}
