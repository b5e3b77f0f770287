/* ed-module.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-job.h"
#include "changes/ed-schema.h"
#include "district/ed-command.h"

G_BEGIN_DECLS

typedef struct _EdContext EdContext;

#define ED_DEMO_DEFAULT_SEED 2026

#define ED_DEMO_DEFAULT_ELECTORS 60000
#define ED_DEMO_MAX_ELECTORS 2000000

/**
 * EdDemoOptions:
 * @seed: the same seed writes the same district
 * @electors: how many electors the register holds
 * @today: the date the register is as at: attainers and absent votes are dated from it
 * @progress: (nullable): told how far the writing has got, by the module that writes most
 * @progress_data: data for @progress
 * @cancellable: (nullable): checked as the district is written
 */
typedef struct
{
  guint32         seed;
  guint           electors;
  GDate           today;
  EdProgressFunc  progress;
  gpointer        progress_data;
  GCancellable   *cancellable;
} EdDemoOptions;

/* A module's part of the demo district, called in the module list's order with one random
 * stream, so the whole district follows from the seed. */
typedef gboolean (*EdModuleDemoFunc) (EdContext            *context,
                                      GRand                *rand,
                                      const EdDemoOptions  *options,
                                      GError              **error);

/**
 * EdModule:
 * @id: the module's folder, its command on the command line and its page: "register"
 * @title: its name in the sidebar, marked with N_()
 * @summary: one line for the command line's help, marked with N_()
 * @add_schema: (nullable): adds the module's synced and local tables, validators, derived
 *   indexes and migrations to a district's registry
 * @add_demo: (nullable): writes the module's part of the demo district
 * @command: (nullable): runs `electoral-desk-cli ID …`
 *
 * One row of the module list (src/ed-modules.c). The district, the command line and the
 * window know a module only through its row; a module not built yet has a row with no hooks,
 * so its page can say so.
 */
/**
 * EdModuleCommandName:
 * @name: a command name the module's command answers to besides its id
 * @summary: its help line, marked with N_()
 */
typedef struct
{
  const char *name;
  const char *summary;
} EdModuleCommandName;

struct _EdModule
{
  const char       *id;
  const char       *title;
  const char       *summary;
  void            (*add_schema) (EdSchema *schema);
  EdModuleDemoFunc  add_demo;
  EdCommandFunc     command;
  /* Other names its command answers to, ending with { NULL }: the elections module's command
   * is also `election` and `pollcards`. The command reads argv[0] to tell them apart. */
  const EdModuleCommandName *other_commands;
};

const char *ed_demo_pick (GRand       *rand,
                          const char **choices,
                          guint        n_choices);

G_END_DECLS
