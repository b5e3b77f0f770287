/* ed-cli-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ed-context.h"

G_BEGIN_DECLS

/* Exit statuses, the same for every command. */
enum
{
  ED_CLI_EXIT_OK = 0,
  ED_CLI_EXIT_ERROR = 1,  /* the user's request could not be done; one line on stderr */
  ED_CLI_EXIT_USAGE = 2,  /* the command line itself was wrong */
};

typedef struct
{
  const char *db_path;    /* NULL: the command's default */
} EdCliGlobals;

typedef int (*EdCliCommandFunc) (const EdCliGlobals *globals,
                                 int                 argc,
                                 char              **argv);

typedef struct
{
  const char       *name;
  const char       *summary;
  EdCliCommandFunc  run;
} EdCliCommand;

int        _ed_cli_conflicts (const EdCliGlobals *globals, int argc, char **argv);
int        _ed_cli_demo      (const EdCliGlobals *globals, int argc, char **argv);
int        _ed_cli_history   (const EdCliGlobals *globals, int argc, char **argv);
int        _ed_cli_info      (const EdCliGlobals *globals, int argc, char **argv);
int        _ed_cli_ops       (const EdCliGlobals *globals, int argc, char **argv);
int        _ed_cli_register  (const EdCliGlobals *globals, int argc, char **argv);
int        _ed_cli_register_notice (const EdCliGlobals *globals, int argc, char **argv);
int        _ed_cli_register_supply (const EdCliGlobals *globals, int argc, char **argv);
int        _ed_cli_settings  (const EdCliGlobals *globals, int argc, char **argv);

int        _ed_cli_fail      (GError             *error);
int        _ed_cli_usage     (const char         *command,
                              const char         *format,
                              ...) G_GNUC_PRINTF (2, 3);
gboolean   _ed_cli_parse     (GOptionContext     *option_context,
                              const char         *command,
                              int                *argc,
                              char             ***argv,
                              int                *out_status);
EdContext *_ed_cli_open_existing (const EdCliGlobals *globals,
                                  GError            **error);
char      *_ed_cli_database_path (const EdCliGlobals *globals);
void       _ed_cli_print_json (JsonNode          *node);

char      *_ed_cli_format_time     (gint64       hlc);
char      *_ed_cli_format_time_iso (gint64       hlc);
char      *_ed_cli_short_desk      (const char  *device);
char      *_ed_cli_one_line        (const char  *text);
const char *_ed_cli_column_label   (const char  *table,
                                    const char  *column);

G_END_DECLS
