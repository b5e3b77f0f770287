/* ed-command.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "core/ed-job.h"

G_BEGIN_DECLS

typedef struct _EdContext EdContext;
typedef struct _EdModule EdModule;

/* Exit statuses, the same for every command. */
enum
{
  ED_COMMAND_EXIT_OK = 0,
  ED_COMMAND_EXIT_ERROR = 1,  /* the user's request could not be done; one line on stderr */
  ED_COMMAND_EXIT_USAGE = 2,  /* the command line itself was wrong */
};

/**
 * EdCommandGlobals:
 * @db_path: (nullable): the district from --db; %NULL for the command's default
 * @modules: the module list the district is opened with, %NULL-terminated
 *
 * What `electoral-desk-cli` hands every command: the options before the command's name.
 */
typedef struct
{
  const char             *db_path;
  const EdModule * const *modules;
} EdCommandGlobals;

typedef int (*EdCommandFunc) (const EdCommandGlobals *globals,
                              int                     argc,
                              char                  **argv);

int        ed_command_fail          (GError                  *error);
int        ed_command_usage         (const char              *command,
                                     const char              *format,
                                     ...) G_GNUC_PRINTF (2, 3);
gboolean   ed_command_parse         (GOptionContext          *option_context,
                                     const char              *command,
                                     int                     *argc,
                                     char                  ***argv,
                                     int                     *out_status);
char      *ed_command_database_path (const EdCommandGlobals  *globals);
EdContext *ed_command_open          (const EdCommandGlobals  *globals,
                                     const char              *path,
                                     GError                 **error);
EdContext *ed_command_open_existing (const EdCommandGlobals  *globals,
                                     GError                 **error);
void       ed_command_print_json    (JsonNode                *node);
void       ed_command_json_add_string (JsonBuilder           *builder,
                                       const char            *name,
                                       const char            *value);
void       ed_command_json_add_int  (JsonBuilder             *builder,
                                     const char              *name,
                                     gint64                   value);
void       ed_command_json_add_boolean (JsonBuilder          *builder,
                                        const char           *name,
                                        gboolean              value);
void       ed_command_job_done      (GObject                 *source,
                                     GAsyncResult            *result,
                                     gpointer                 user_data);
void       ed_command_wait          (EdJob                   *job,
                                     GAsyncResult           **result);

G_END_DECLS
