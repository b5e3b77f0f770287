/* ed-register-command-expiring.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli register expiring: the overseas declarations that expire and the
 * anonymous entries that lapse soon (DOMAIN.md §1.7), for the officer to write to the
 * electors in good time. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "register/ed-register-command-private.h"
#include "register/ed-register-expiry.h"

/* Far enough ahead to write, remind and renew: an overseas elector may renew in the last
 * six months. */
#define DEFAULT_WITHIN_DAYS 183

static const char *
expiry_key (EdExpiryKind kind)
{
  return kind == ED_EXPIRY_OVERSEAS_DECLARATION ? "overseas" : "anonymous";
}

static void
print_json (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      EdExpiringEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *entered = ed_date_format_iso (&entry->entered_on);
      g_autofree char *expires = ed_date_format_iso (&entry->expires_on);
      g_autofree char *renewal = ed_date_format_iso (&entry->renewal_from);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "elector_number");
      json_builder_add_string_value (builder, entry->number);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, entry->name);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, expiry_key (entry->kind));
      json_builder_set_member_name (builder, "entered_on");
      json_builder_add_string_value (builder, entered);
      json_builder_set_member_name (builder, "expires_on");
      json_builder_add_string_value (builder, expires);
      json_builder_set_member_name (builder, "renewal_from");
      json_builder_add_string_value (builder, renewal);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

int
_ed_register_command_expiring (const EdCommandGlobals *globals,
                               int                     argc,
                               char                  **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *from_text = NULL;
  gint within = DEFAULT_WITHIN_DAYS;
  gboolean json = FALSE;
  GError *error = NULL;
  GDate from;
  int status;
  const GOptionEntry options[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("The day to look from (default today)"), N_("DATE") },
    { "within", 0, 0, G_OPTION_ARG_INT, &within,
      N_("How many days ahead to look (default 183)"), N_("DAYS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Lists the overseas electors whose declarations expire (on "
                                  "the third 1 November after entry) and the anonymous entries "
                                  "that lapse (12 months after entry) within the days given, "
                                  "those already past included, soonest first."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "register expiring", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("register expiring", _("“register expiring” takes no arguments"));
  if (within < 0)
    return ed_command_usage ("register expiring",
                             _("--within is a number of days from 0: got %d"), within);

  g_date_clear (&from, 1);
  if (from_text != NULL)
    {
      if (!ed_date_parse_iso (from_text, &from, &error))
        return ed_command_fail (error);
    }
  else
    ed_today (&from);

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  entries = ed_register_expiring (context, &from, (guint) within, &error);
  if (entries == NULL)
    return ed_command_fail (error);

  if (json)
    {
      print_json (entries);
      return ED_COMMAND_EXIT_OK;
    }
  if (entries->len == 0)
    {
      g_print (_("No overseas declaration expires and no anonymous entry lapses within %d "
                 "days.\n"), within);
      return ED_COMMAND_EXIT_OK;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      EdExpiringEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *expires = ed_date_format_iso (&entry->expires_on);

      g_print ("%-10s %s  %-30s %s\n", entry->number, expires, entry->name,
               ed_expiry_kind_get_display_name (entry->kind));
    }
  return ED_COMMAND_EXIT_OK;
}
