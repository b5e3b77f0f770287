/* ed-stations-command-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-command.h"

G_BEGIN_DECLS

/*
 * Each of `electoral-desk-cli stations ACTION …` in a file of its own, with its own options:
 * argv[0] is the action's name ("import"), as a command's argv[0] is its own.
 */
typedef struct
{
  const char    *name;
  EdCommandFunc  run;
  const char    *usage;    /* the arguments after the name, untranslated: "FILE…" */
  const char    *summary;  /* translatable, marked with N_() */
} EdStationsAction;

extern const EdStationsAction _ed_stations_actions[];

int _ed_stations_command_review (const EdCommandGlobals  *globals,
                                 int                      argc,
                                 char                   **argv);
int _ed_stations_command_export (const EdCommandGlobals  *globals,
                                 int                      argc,
                                 char                   **argv);
int _ed_stations_command_import (const EdCommandGlobals  *globals,
                                 int                      argc,
                                 char                   **argv);
int _ed_stations_command_map (const EdCommandGlobals  *globals,
                              int                      argc,
                              char                   **argv);
int _ed_stations_command_list (const EdCommandGlobals  *globals,
                               int                      argc,
                               char                   **argv);
int _ed_stations_command_plan (const EdCommandGlobals  *globals,
                               int                      argc,
                               char                   **argv);
int _ed_stations_command_assign (const EdCommandGlobals  *globals,
                                 int                      argc,
                                 char                   **argv);
int _ed_stations_command_growth (const EdCommandGlobals  *globals,
                                 int                      argc,
                                 char                   **argv);
int _ed_stations_command_split (const EdCommandGlobals  *globals,
                                int                      argc,
                                char                   **argv);

G_END_DECLS
