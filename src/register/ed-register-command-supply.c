/* ed-register-command-supply.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli register supply|supplies: record each copy of the register supplied or
 * sold, with its statutory fee (DOMAIN.md §1.3), write the copy, and list what was supplied.
 * "register" hands these two actions over before parsing its own options, as their options
 * are their own. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-today.h"
#include "register/ed-register-command-private.h"
#include "core/ed-date.h"
#include "core/ed-money.h"
#include "register/ed-register-supply.h"

/* On stdout when asked for, on stderr after a wrong key. */
static void
print_entitlements (gboolean asked)
{
  void (*print) (const char *, ...) = asked ? g_print : g_printerr;
  const EdSupplyEntitlement *entitlements;
  guint n;

  entitlements = ed_supply_get_entitlements (&n);
  print (_("Entitlements:\n"));
  for (guint i = 0; i < n; i++)
    print ("  %-28s %s\n", entitlements[i].key,
                ed_supply_entitlement_get_name (&entitlements[i]));
}

static void
add_supply_json (JsonBuilder    *builder,
                 const EdSupply *supply)
{
  g_autofree char *date = g_date_valid (&supply->supplied_on)
                            ? ed_date_format_iso (&supply->supplied_on) : g_strdup ("");
  g_autofree char *fee = ed_money_format (supply->fee);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, supply->id);
  json_builder_set_member_name (builder, "supplied_on");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "recipient");
  json_builder_add_string_value (builder, supply->recipient);
  json_builder_set_member_name (builder, "entitlement");
  json_builder_add_string_value (builder, supply->entitlement);
  json_builder_set_member_name (builder, "item");
  json_builder_add_string_value (builder, ed_sale_kind_to_string (supply->item));
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, ed_sale_format_to_string (supply->format));
  json_builder_set_member_name (builder, "notice");
  json_builder_add_string_value (builder, supply->notice);
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, (gint64)supply->entries);
  json_builder_set_member_name (builder, "fee_pence");
  json_builder_add_int_value (builder, supply->fee);
  json_builder_set_member_name (builder, "fee");
  json_builder_add_string_value (builder, fee);
  json_builder_end_object (builder);
}

static int
list_supplies (EdContext *context,
               gboolean   json)
{
  g_autoptr(GPtrArray) supplies = NULL;
  GError *error = NULL;

  supplies = ed_register_supply_list (context, &error);
  if (supplies == NULL)
    return ed_command_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < supplies->len; i++)
        add_supply_json (builder, g_ptr_array_index (supplies, i));
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }

  if (supplies->len == 0)
    {
      g_print (_("No copy of the register has been supplied.\n"));
      return ED_COMMAND_EXIT_OK;
    }
  g_print ("%-10s  %-30s  %-26s  %-8s  %-7s  %9s  %9s\n", _("Date"), _("Recipient"),
           _("Entitlement"), _("Item"), _("Format"), _("Entries"), _("Fee"));
  for (guint i = 0; i < supplies->len; i++)
    {
      EdSupply *supply = g_ptr_array_index (supplies, i);
      g_autofree char *date = g_date_valid (&supply->supplied_on)
                                ? ed_date_format_iso (&supply->supplied_on) : g_strdup ("-");
      g_autofree char *fee = ed_money_format (supply->fee);

      g_print ("%-10s  %-30s  %-26s  %-8s  %-7s  %9" G_GUINT64_FORMAT "  %9s\n", date,
               supply->recipient, supply->entitlement, ed_sale_kind_to_string (supply->item),
               ed_sale_format_to_string (supply->format), supply->entries, fee);
    }
  return ED_COMMAND_EXIT_OK;
}

static int
record_supply (EdContext             *context,
               const EdSupplyRequest *request,
               const char            *output,
               gboolean               json)
{
  g_autoptr(EdSupply) supply = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *fee = NULL;
  guint n_written = 0;
  GError *error = NULL;

  /* Refused before anything is recorded: a supply is recorded with the copy that goes. */
  if (output != NULL && request->item != ED_SALE_KIND_FULL &&
      request->item != ED_SALE_KIND_EDITED)
    {
      g_set_error_literal (&error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_NOT_SUPPORTED,
                           _("Only copies of the full or edited register can be written here; "
                             "record the supply without -o and supply the copy from where it "
                             "is published"));
      return ed_command_fail (error);
    }

  if (output != NULL)
    {
      g_autoptr(GAsyncResult) result = NULL;
      EdJob *job;

      /* The copy and its record together, as the window writes them: neither without the
       * other. */
      file = g_file_new_for_commandline_arg (output);
      job = ed_register_supply_export_async (context, request, file, NULL, ed_command_job_done,
                                             &result);
      ed_command_wait (job, &result);
      supply = ed_register_supply_export_finish (job, result, &n_written, &error);
    }
  else
    supply = ed_register_supply_record (context, request, &error);
  if (supply == NULL)
    return ed_command_fail (error);

  fee = ed_money_format (supply->fee);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      add_supply_json (builder, supply);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Recorded: %s register, %s, %" G_GUINT64_FORMAT " entry, fee %s\n",
                        "Recorded: %s register, %s, %" G_GUINT64_FORMAT " entries, fee %s\n",
                        supply->entries),
           ed_sale_kind_to_string (supply->item), ed_sale_format_to_string (supply->format),
           supply->entries, fee);
  if (file != NULL)
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u entry to %s\n",
                            "Wrote %u entries to %s\n", n_written),
               n_written, display);
    }
  return ED_COMMAND_EXIT_OK;
}

/* argv[0] is "supply" or "supplies". */
int
_ed_register_command_supply (const EdCommandGlobals  *globals,
                         int                  argc,
                         char               **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autofree char *recipient = NULL;
  g_autofree char *entitlement = NULL;
  g_autofree char *item = NULL;
  g_autofree char *format = NULL;
  g_autofree char *date = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *output = NULL;
  gint64 entries = 0;
  gboolean json = FALSE;
  gboolean listing;
  GError *error = NULL;
  EdSupplyRequest request = { 0, };
  int status;
  const GOptionEntry options[] = {
    { "recipient", 0, 0, G_OPTION_ARG_STRING, &recipient,
      N_("Who the copy is for"), N_("NAME") },
    { "entitlement", 0, 0, G_OPTION_ARG_STRING, &entitlement,
      N_("The basis of supply, e.g. candidate, credit-reference-agency or "
         "edited-register-purchase (“--entitlement list” lists them)"), N_("KEY") },
    { "item", 0, 0, G_OPTION_ARG_STRING, &item,
      N_("full, edited, notice, overseas or marked"), N_("ITEM") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("data or printed"), N_("FORMAT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The date of supply (default today)"), N_("DATE") },
    { "notice", 0, 0, G_OPTION_ARG_STRING, &notice,
      N_("With --item notice: the notice of alteration’s id"), N_("ID") },
    { "entries", 0, 0, G_OPTION_ARG_INT64, &entries,
      N_("With --item marked: the entries in the marked copy"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the copy supplied to this file: CSV for data, PDF for printed"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_return_val_if_fail (argc >= 1, ED_COMMAND_EXIT_USAGE);
  listing = g_str_equal (argv[0], "supplies");

  option_context = g_option_context_new (listing ? "" : _("--recipient NAME --entitlement KEY "
                                                          "--item ITEM --format FORMAT"));
  g_option_context_set_summary (option_context,
                                listing
                                  ? _("Lists every copy of the register supplied or sold.")
                                  : _("Records a copy of the register supplied or sold, with "
                                      "its statutory fee, and writes the copy (-o). The full "
                                      "register goes only to those entitled to it; the edited "
                                      "register may be sold to anyone."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, listing ? "register supplies" : "register supply", &argc,
                      &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage (listing ? "register supplies" : "register supply",
                          _("“register %s” takes no arguments"),
                          listing ? "supplies" : "supply");

  if (!listing)
    {
      if (g_strcmp0 (entitlement, "list") == 0)
        {
          print_entitlements (TRUE);
          return ED_COMMAND_EXIT_OK;
        }
      if (recipient == NULL || entitlement == NULL || item == NULL || format == NULL)
        return ed_command_usage ("register supply",
                              _("Usage: register supply --recipient NAME --entitlement KEY "
                                "--item full|edited|notice|overseas|marked "
                                "--format data|printed [--date DATE] [-o FILE]"));
      if (entries < 0)
        return ed_command_usage ("register supply", _("--entries must be 0 or more"));
      if (ed_supply_entitlement_lookup (entitlement, &error) == NULL)
        {
          status = ed_command_fail (error);
          print_entitlements (FALSE);
          return status;
        }
      if (!ed_sale_kind_from_string (item, &request.item, &error) ||
          !ed_sale_format_from_string (format, &request.format, &error))
        return ed_command_fail (error);
      g_date_clear (&request.supplied_on, 1);
      if (date != NULL)
        {
          if (!ed_date_parse_iso (date, &request.supplied_on, &error))
            return ed_command_fail (error);
        }
      else
        ed_today (&request.supplied_on);
      request.recipient = recipient;
      request.entitlement = entitlement;
      request.notice = notice;
      request.entries = (guint64)entries;
    }

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);

  if (listing)
    return list_supplies (context, json);
  return record_supply (context, &request, output, json);
}
