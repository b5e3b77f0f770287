/* ed-accounts-command-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accounts/ed-account.h"
#include "district/ed-command.h"

G_BEGIN_DECLS

typedef struct
{
  const char    *name;
  EdCommandFunc  run;
  const char    *usage;    /* the arguments after the name, untranslated: "[--json]" */
  const char    *summary;  /* translatable, marked with N_() */
} EdAccountsAction;

gboolean _ed_accounts_parse_money (const char  *text,
                                   const char  *option,
                                   EdMoney     *out,
                                   GError     **error);
gboolean _ed_accounts_needs_election (const char *election_id,
                                      const char *command,
                                      int        *out_status);

int _ed_accounts_command_list      (const EdCommandGlobals  *globals,
                                    int                      argc,
                                    char                   **argv);
int _ed_accounts_command_apportion (const EdCommandGlobals  *globals,
                                    int                      argc,
                                    char                   **argv);

int _ed_accounts_command_statement (const EdCommandGlobals  *globals,
                                    int                      argc,
                                    char                   **argv);

G_END_DECLS
