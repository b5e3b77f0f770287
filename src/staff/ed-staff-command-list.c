/* ed-staff-command-list.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli staff list: the people, narrowed by role and by words of their names,
 * email or payroll reference; or those the district's retention period says to remove. The
 * list never prints a whole National Insurance number: only the payroll needs it, so the JSON
 * carries it only when asked for by name (--with-ni-numbers). */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-ni-number.h"
#include "core/ed-today.h"
#include "district/ed-command.h"
#include "district/ed-context.h"
#include "staff/ed-staff-command-private.h"
#include "staff/ed-staff-person.h"

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? ed_date_format_iso (date) : g_strdup ("");
}

static void
add_person_json (JsonBuilder         *builder,
                 const EdStaffPerson *person,
                 const GDate         *last_appointed,
                 gboolean             with_ni_numbers)
{
  g_autofree char *born = date_text (&person->date_of_birth);
  g_autofree char *starter_date = date_text (&person->starter_date);
  g_autofree char *masked = *person->ni_number != '\0' ? ed_ni_number_mask (person->ni_number)
                                                       : NULL;

  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "id", person->id);
  ed_command_json_add_string (builder, "family_name", person->family_name);
  ed_command_json_add_string (builder, "given_names", person->given_names);
  ed_command_json_add_string (builder, "email", person->email);
  ed_command_json_add_string (builder, "phone", person->phone);
  ed_command_json_add_string (builder, "address", person->address);
  ed_command_json_add_string (builder, "postcode", person->postcode);
  ed_command_json_add_string (builder, "date_of_birth", born);
  ed_command_json_add_string (builder, "ni_number_masked", masked != NULL ? masked : "");
  if (with_ni_numbers)
    ed_command_json_add_string (builder, "ni_number", person->ni_number);
  ed_command_json_add_string (builder, "payroll_reference", person->payroll_reference);
  ed_command_json_add_boolean (builder, "council_employee", person->council_employee);
  ed_command_json_add_string (builder, "starter_statement",
                              person->starter_statement != ED_STARTER_NONE
                                ? ed_starter_statement_to_string (person->starter_statement)
                                : "");
  ed_command_json_add_string (builder, "starter_date", starter_date);
  ed_command_json_add_string (builder, "language", person->language);
  ed_command_json_add_string (builder, "notes", person->notes);
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint r = 0; r < person->roles->len; r++)
    json_builder_add_string_value (builder,
                                   ed_staff_role_to_string (g_array_index (person->roles,
                                                                           EdStaffRole, r)));
  json_builder_end_array (builder);
  if (last_appointed != NULL)
    {
      g_autofree char *last = date_text (last_appointed);

      ed_command_json_add_string (builder, "last_appointed", last);
    }
  json_builder_end_object (builder);
}

static void
print_person (const EdStaffPerson *person,
              const GDate         *last_appointed)
{
  g_autofree char *name = ed_staff_person_dup_name (person);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) roles = g_string_new (NULL);

  g_print ("%s\n", name);
  if (*person->postcode != '\0')
    g_ptr_array_add (details, g_strdup (person->postcode));
  if (*person->email != '\0')
    g_ptr_array_add (details, g_strdup (person->email));
  if (*person->phone != '\0')
    g_ptr_array_add (details, g_strdup (person->phone));
  if (*person->ni_number != '\0')
    {
      g_autofree char *masked = ed_ni_number_mask (person->ni_number);

      /* Translators: NI is National Insurance; %s is the number with all but its last
       * digits hidden */
      g_ptr_array_add (details, g_strdup_printf (_("NI %s"), masked));
    }
  if (*person->payroll_reference != '\0')
    /* Translators: %s is a person's reference in the council's payroll */
    g_ptr_array_add (details, g_strdup_printf (_("payroll %s"), person->payroll_reference));
  if (details->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (details, NULL);
      joined = g_strjoinv (" · ", (char **)details->pdata);
      g_print ("  %s\n", joined);
    }

  for (guint r = 0; r < person->roles->len; r++)
    g_string_append_printf (roles, "%s%s", r > 0 ? ", " : "",
                            ed_staff_role_get_display_name (g_array_index (person->roles,
                                                                           EdStaffRole, r)));
  if (roles->len > 0)
    g_print ("  %s\n", roles->str);
  else
    g_print ("  %s\n", _("No roles"));

  if (last_appointed != NULL)
    {
      g_autofree char *last = ed_date_format_long (last_appointed);

      /* Translators: %s is a date, such as 5 May 2025 */
      g_print (_("  Last appointed %s\n"), last);
    }
}

int
_ed_staff_command_list (const EdCommandGlobals  *globals,
                        int                      argc,
                        char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) removals = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *search = NULL;
  EdStaffRole role = ED_STAFF_ROLE_ANY;
  gboolean json = FALSE;
  gboolean for_removal = FALSE;
  gboolean with_ni_numbers = FALSE;
  GError *error = NULL;
  GDate today;
  int status;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the people as JSON"), NULL },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text,
      N_("Only people who may take this role: its value or its name"), N_("ROLE") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only people with these words in their names, email or payroll reference"),
      N_("TEXT") },
    { "for-removal", 0, 0, G_OPTION_ARG_NONE, &for_removal,
      N_("Only people whose last appointment is older than the district’s staff-retention-"
         "years setting"), NULL },
    { "with-ni-numbers", 0, 0, G_OPTION_ARG_NONE, &with_ni_numbers,
      N_("With --json: give each whole National Insurance number, for the payroll"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Lists the people the returning officer may appoint, by "
                                  "family name and then given names, with the roles each may "
                                  "take. National Insurance numbers are shown with all but "
                                  "their last digits hidden."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "staff list", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("staff list",
                             _("“staff list” takes no arguments besides its options"));
  if (with_ni_numbers && !json)
    return ed_command_usage ("staff list",
                             _("--with-ni-numbers goes with --json only: the list on screen "
                               "never shows a whole National Insurance number"));
  if (role_text != NULL && !ed_staff_role_parse (role_text, &role, &error))
    {
      int usage = ed_command_usage ("staff list", "%s", error->message);

      g_error_free (error);
      return usage;
    }

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);

  ed_today (&today);
  if (for_removal)
    {
      removals = ed_staff_person_list_for_removal (context, &today, &error);
      if (removals == NULL)
        return ed_command_fail (error);
      for (guint i = 0; i < removals->len; i++)
        {
          EdStaffRemoval *removal = g_ptr_array_index (removals, i);

          if (!ed_staff_person_matches (removal->person, role, search))
            g_ptr_array_remove_index (removals, i--);
        }
    }
  else
    {
      people = ed_staff_person_list (context, role, search, &error);
      if (people == NULL)
        return ed_command_fail (error);
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; people != NULL && i < people->len; i++)
        add_person_json (builder, g_ptr_array_index (people, i), NULL, with_ni_numbers);
      for (guint i = 0; removals != NULL && i < removals->len; i++)
        {
          EdStaffRemoval *removal = g_ptr_array_index (removals, i);

          add_person_json (builder, removal->person, &removal->last_appointed,
                           with_ni_numbers);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }

  if (for_removal)
    {
      guint years = ed_staff_retention_years (context);
      GDate cutoff;
      g_autofree char *cutoff_text = NULL;

      ed_staff_retention_cutoff (context, &today, &cutoff);
      cutoff_text = ed_date_format_long (&cutoff);
      /* Translators: %s is a date; %u the district's retention period in years */
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "People last appointed before %s (the district keeps staff %u "
                            "year after their last appointment):\n",
                            "People last appointed before %s (the district keeps staff %u "
                            "years after their last appointment):\n", years),
               cutoff_text, years);
      if (removals->len == 0)
        g_print ("%s\n", _("No one."));
      for (guint i = 0; i < removals->len; i++)
        {
          EdStaffRemoval *removal = g_ptr_array_index (removals, i);

          print_person (removal->person, &removal->last_appointed);
        }
      return ED_COMMAND_EXIT_OK;
    }

  if (people->len == 0)
    g_print ("%s\n", role != ED_STAFF_ROLE_ANY || (search != NULL && *search != '\0')
                       ? _("No one matches.")
                       : _("No people yet: “staff import” adds them from a CSV file."));
  for (guint i = 0; i < people->len; i++)
    print_person (g_ptr_array_index (people, i), NULL);
  return ED_COMMAND_EXIT_OK;
}
