/* ed-cli-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "district/ed-command.h"
#include "district/ed-context.h"

G_BEGIN_DECLS

int        _ed_cli_conflicts (const EdCommandGlobals *globals, int argc, char **argv);
int        _ed_cli_demo      (const EdCommandGlobals *globals, int argc, char **argv);
int        _ed_cli_district  (const EdCommandGlobals *globals, int argc, char **argv);
int        _ed_cli_history   (const EdCommandGlobals *globals, int argc, char **argv);
int        _ed_cli_info      (const EdCommandGlobals *globals, int argc, char **argv);
int        _ed_cli_ops       (const EdCommandGlobals *globals, int argc, char **argv);
int        _ed_cli_settings  (const EdCommandGlobals *globals, int argc, char **argv);

char      *_ed_cli_format_time     (gint64       hlc);
char      *_ed_cli_format_time_iso (gint64       hlc);
char      *_ed_cli_short_desk      (const char  *device);
char      *_ed_cli_one_line        (const char  *text);
const char *_ed_cli_column_label   (const char  *table,
                                    const char  *column);

G_END_DECLS
