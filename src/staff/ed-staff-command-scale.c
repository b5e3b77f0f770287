/* ed-staff-command-scale.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli staff scale list, show and load: the fee scale templates bundled with the
 * program (DOMAIN.md §4.2), what an election pays each role, and a template loaded as an
 * election's rates. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "staff/ed-fee-scale.h"
#include "staff/ed-staff-command-private.h"

/* "20%", "12.5%": basis points as people write a percentage. */
static char *
format_percent (gint64 basis_points)
{
  if (basis_points % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "%%", basis_points / 100);
  if (basis_points % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "%%", basis_points / 100,
                            basis_points % 100 / 10);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT "%%", basis_points / 100,
                          basis_points % 100);
}

static void
build_rate_json (JsonBuilder     *builder,
                 const EdFeeRate *rate)
{
  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "role", ed_staff_role_to_string (rate->role));
  ed_command_json_add_string (builder, "basis", ed_fee_basis_to_string (rate->basis));
  ed_command_json_add_int (builder, "rate", rate->rate);
  ed_command_json_add_int (builder, "enhanced_rate", rate->enhanced_rate);
  ed_command_json_add_string (builder, "unit_name", rate->unit_name);
  ed_command_json_add_int (builder, "training_fee", rate->training_fee);
  ed_command_json_add_string (builder, "supplement_kind",
                              ed_supplement_kind_to_string (rate->supplement_kind));
  ed_command_json_add_int (builder, "supplement", rate->supplement);
  ed_command_json_add_int (builder, "travel_allowance", rate->travel_allowance);
  ed_command_json_add_string (builder, "travel_purpose",
                              ed_journey_purpose_to_string (ed_fee_rate_get_travel_purpose (rate)));
  ed_command_json_add_string (builder, "mileage_purpose",
                              ed_journey_purpose_to_string (rate->mileage_purpose));
  ed_command_json_add_string (builder, "nic_category",
                              ed_nic_category_to_string (rate->nic_category));
  ed_command_json_add_string (builder, "cost_head", ed_cost_head_to_string (rate->cost_head));
  ed_command_json_add_string (builder, "source", rate->source);
  json_builder_end_object (builder);
}

static void
build_rates_json (JsonBuilder *builder,
                  GPtrArray   *rates)
{
  json_builder_set_member_name (builder, "rates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rates->len; i++)
    build_rate_json (builder, g_ptr_array_index (rates, i));
  json_builder_end_array (builder);
}

/* Two lines a role: its fee, then what comes with it. */
static void
print_rate (const EdFeeRate *rate)
{
  g_autofree char *amount = ed_money_format (rate->rate);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *details = NULL;
  const char *role = ed_staff_role_get_display_name (rate->role);

  switch (rate->basis)
    {
    case ED_FEE_FLAT:
      /* Translators: a role, then an amount of money */
      g_print (_("%s: %s a day\n"), role, amount);
      break;
    case ED_FEE_HOURLY:
      if (rate->enhanced_rate != 0)
        {
          g_autofree char *enhanced = ed_money_format (rate->enhanced_rate);

          /* Translators: a role, then two amounts of money */
          g_print (_("%s: %s an hour, %s at the enhanced rate\n"), role, amount, enhanced);
        }
      else
        /* Translators: a role, then an amount of money */
        g_print (_("%s: %s an hour\n"), role, amount);
      break;
    case ED_FEE_PER_UNIT:
      /* Translators: a role, an amount of money, and what a unit is: "form delivered" */
      g_print (_("%s: %s per %s\n"), role, amount, rate->unit_name);
      break;
    default:
      g_assert_not_reached ();
    }

  if (rate->training_fee != 0)
    {
      g_autofree char *fee = ed_money_format (rate->training_fee);

      /* Translators: %s is an amount of money */
      g_ptr_array_add (parts, g_strdup_printf (_("training %s"), fee));
    }
  if (rate->supplement_kind != ED_SUPPLEMENT_NONE)
    {
      g_autofree char *supplement = rate->supplement_kind == ED_SUPPLEMENT_PERCENT
                                      ? format_percent (rate->supplement)
                                      : ed_money_format (rate->supplement);

      /* Translators: %s is a percentage or an amount of money */
      g_ptr_array_add (parts, g_strdup_printf (_("combined poll +%s"), supplement));
    }
  if (rate->travel_allowance != 0)
    {
      g_autofree char *travel = ed_money_format (rate->travel_allowance);

      /* Translators: an amount of money, then "Business" or "Commuting" */
      g_ptr_array_add (parts, g_strdup_printf (_("travel %s (%s)"), travel,
                                               ed_journey_purpose_get_display_name (
                                                 ed_fee_rate_get_travel_purpose (rate))));
    }
  /* Translators: %s is "Business" or "Commuting" */
  g_ptr_array_add (parts, g_strdup_printf (_("journeys: %s"),
                                           ed_journey_purpose_get_display_name (
                                             rate->mileage_purpose)));
  g_ptr_array_add (parts, g_strdup (ed_nic_category_get_display_name (rate->nic_category)));
  g_ptr_array_add (parts, g_strdup (ed_cost_head_get_display_name (rate->cost_head)));
  g_ptr_array_add (parts, NULL);
  details = g_strjoinv (" · ", (char **)parts->pdata);
  g_print ("    %s\n", details);
}

static int
scale_list (const EdCommandGlobals  *globals,
            int                      argc,
            char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GPtrArray) scales = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the templates and their rates as JSON"),
      NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Lists the fee scale templates that come with the program, "
                                  "each with where and when it was published."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "staff scale list", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("staff scale list",
                             _("“staff scale list” takes no arguments besides its options"));

  if ((scales = ed_fee_scale_list_templates (&error)) == NULL)
    return ed_command_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < scales->len; i++)
        {
          EdFeeScale *scale = g_ptr_array_index (scales, i);

          json_builder_begin_object (builder);
          ed_command_json_add_string (builder, "id", scale->id);
          ed_command_json_add_string (builder, "title", scale->title);
          ed_command_json_add_string (builder, "source", scale->source);
          ed_command_json_add_string (builder, "note", scale->note);
          build_rates_json (builder, scale->rates);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }
  for (guint i = 0; i < scales->len; i++)
    {
      EdFeeScale *scale = g_ptr_array_index (scales, i);

      g_print ("%s — %s\n", scale->id, scale->title);
      g_print ("    %s\n", scale->source);
    }
  return ED_COMMAND_EXIT_OK;
}

static int
scale_show (const EdCommandGlobals  *globals,
            int                      argc,
            char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autofree char *election_id = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the rates as JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Prints what an election pays each role: the fee, training, "
                                  "the combined-poll supplement, travel, and how the pay is "
                                  "taxed and accounted."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "staff scale show", &argc, &argv, &status))
    return status;
  if (argc != 1 || election_id == NULL)
    return ed_command_usage ("staff scale show",
                             _("Say which election: staff scale show --election ID"));

  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (election = ed_election_load (context, election_id, &error)) == NULL ||
      (rates = ed_fee_rate_list (context, election, &error)) == NULL)
    return ed_command_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "election", election->slug);
      build_rates_json (builder, rates);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }
  g_print ("%s — %s\n", election->slug, election->title);
  if (rates->len == 0)
    g_print ("%s\n", _("No fee scale yet: “staff scale load” loads one."));
  for (guint i = 0; i < rates->len; i++)
    print_rate (g_ptr_array_index (rates, i));
  return ED_COMMAND_EXIT_OK;
}

static int
scale_load (const EdCommandGlobals  *globals,
            int                      argc,
            char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdFeeScale) scale = NULL;
  g_autofree char *election_id = NULL;
  GError *error = NULL;
  guint n_ops = 0;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { NULL }
  };

  option_context = g_option_context_new (_("TEMPLATE"));
  g_option_context_set_summary (option_context,
                                _("Makes a fee scale an election’s rates, replacing those it "
                                  "had. TEMPLATE is a template “staff scale list” shows, or a "
                                  "file of the same form ending in .json."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "staff scale load", &argc, &argv, &status))
    return status;
  if (argc != 2 || election_id == NULL)
    return ed_command_usage ("staff scale load",
                             _("Say which scale and which election: staff scale load TEMPLATE "
                               "--election ID"));

  scale = g_str_has_suffix (argv[1], ".json") ? ed_fee_scale_read_file (argv[1], &error)
                                              : ed_fee_scale_get_template (argv[1], &error);
  if (scale == NULL)
    return ed_command_fail (error);
  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (election = ed_election_load (context, election_id, &error)) == NULL ||
      !ed_fee_scale_apply (context, scale, election, &n_ops, &error))
    return ed_command_fail (error);

  if (n_ops == 0)
    /* Translators: an election's id, then a fee scale's title */
    g_print (_("%s already has the rates of %s.\n"), election->slug, scale->title);
  else
    g_print (ngettext ("%s: %u rate from %s.\n", "%s: %u rates from %s.\n", scale->rates->len),
             election->slug, scale->rates->len, scale->title);
  return ED_COMMAND_EXIT_OK;
}

static const struct
{
  const char    *name;
  EdCommandFunc  run;
  const char    *usage;
  const char    *summary;
} scale_actions[] = {
  { "list", scale_list, "[--json]", N_("The fee scale templates that come with the program") },
  { "show", scale_show, "--election ID [--json]", N_("What an election pays each role") },
  { "load", scale_load, "TEMPLATE --election ID",
    N_("Make a template an election’s rates, replacing those it had") },
};

/**
 * _ed_staff_command_scale:
 * @globals: the options before the command's name
 * @argc: the number of arguments, "scale" first
 * @argv: (array length=argc): the arguments
 *
 * Runs `electoral-desk-cli staff scale list|show|load …`.
 *
 * Returns: the exit status
 */
int
_ed_staff_command_scale (const EdCommandGlobals  *globals,
                         int                      argc,
                         char                   **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_print ("%s\n  electoral-desk-cli staff scale ACTION …\n\n", _("Usage:"));
      for (guint i = 0; i < G_N_ELEMENTS (scale_actions); i++)
        g_print ("  %s %s\n      %s\n", scale_actions[i].name, scale_actions[i].usage,
                 _(scale_actions[i].summary));
      return argc < 2 ? ED_COMMAND_EXIT_USAGE : ED_COMMAND_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (scale_actions); i++)
    if (g_str_equal (argv[1], scale_actions[i].name))
      return scale_actions[i].run (globals, argc - 1, argv + 1);
  return ed_command_usage ("staff scale",
                           _("“%s” is not an action of staff scale; --help lists them"),
                           argv[1]);
}
