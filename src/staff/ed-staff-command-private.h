/* ed-staff-command-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-command.h"

G_BEGIN_DECLS

typedef struct
{
  const char    *name;
  EdCommandFunc  run;
  const char    *usage;    /* the arguments after the name, untranslated: "[--json]" */
  const char    *summary;  /* translatable, marked with N_() */
} EdStaffAction;

extern const EdStaffAction _ed_staff_actions[];

int _ed_staff_command_import (const EdCommandGlobals  *globals,
                              int                      argc,
                              char                   **argv);
int _ed_staff_command_list   (const EdCommandGlobals  *globals,
                              int                      argc,
                              char                   **argv);
int _ed_staff_command_scale  (const EdCommandGlobals  *globals,
                              int                      argc,
                              char                   **argv);
int _ed_staff_command_appoint (const EdCommandGlobals  *globals,
                               int                      argc,
                               char                   **argv);
int _ed_staff_command_appointments (const EdCommandGlobals  *globals,
                                    int                      argc,
                                    char                   **argv);
int _ed_staff_command_state (const EdCommandGlobals  *globals,
                             int                      argc,
                             char                   **argv);
int _ed_staff_command_invite (const EdCommandGlobals  *globals,
                              int                      argc,
                              char                   **argv);
int _ed_staff_command_rota (const EdCommandGlobals  *globals,
                            int                      argc,
                            char                   **argv);
int _ed_staff_command_letters (const EdCommandGlobals  *globals,
                               int                      argc,
                               char                   **argv);

/* `electoral-desk-cli payroll …`, which the module's command answers to as well; argv[0] is
 * "payroll". */
int _ed_staff_command_payroll (const EdCommandGlobals  *globals,
                               int                      argc,
                               char                   **argv);

G_END_DECLS
