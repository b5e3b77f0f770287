/* ed-elections-command-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-command.h"
#include "elections/ed-election.h"

G_BEGIN_DECLS

typedef struct
{
  const char    *name;
  EdCommandFunc  run;
  const char    *usage;    /* the arguments after the name, untranslated: "ID [--json]" */
  const char    *summary;  /* translatable, marked with N_() */
} EdElectionsAction;

extern const EdElectionsAction _ed_election_actions[];
extern const EdElectionsAction _ed_pollcards_actions[];

gboolean _ed_elections_command_open (const EdCommandGlobals  *globals,
                                     const char              *id_or_slug,
                                     EdContext              **out_context,
                                     EdElection             **out_election,
                                     GError                 **error);

int _ed_election_command_add         (const EdCommandGlobals  *globals,
                                      int                      argc,
                                      char                   **argv);
int _ed_election_command_list        (const EdCommandGlobals  *globals,
                                      int                      argc,
                                      char                   **argv);
int _ed_election_command_timetable   (const EdCommandGlobals  *globals,
                                      int                      argc,
                                      char                   **argv);
int _ed_election_command_task        (const EdCommandGlobals  *globals,
                                      int                      argc,
                                      char                   **argv);
int _ed_election_command_dies_non    (const EdCommandGlobals  *globals,
                                      int                      argc,
                                      char                   **argv);
int _ed_election_command_cards       (const EdCommandGlobals  *globals,
                                      int                      argc,
                                      char                   **argv);
int _ed_election_command_notices     (const EdCommandGlobals  *globals,
                                      int                      argc,
                                      char                   **argv);
int _ed_election_command_electorate  (const EdCommandGlobals  *globals,
                                      int                      argc,
                                      char                   **argv);
int _ed_election_command_station_registers (const EdCommandGlobals  *globals,
                                            int                      argc,
                                            char                   **argv);
int _ed_pollcards_command_check      (const EdCommandGlobals  *globals,
                                      int                      argc,
                                      char                   **argv);
int _ed_pollcards_command_print      (const EdCommandGlobals  *globals,
                                      int                      argc,
                                      char                   **argv);
int _ed_pollcards_command_data       (const EdCommandGlobals  *globals,
                                      int                      argc,
                                      char                   **argv);

G_END_DECLS
