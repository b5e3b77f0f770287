/* ed-elections-command-notices.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli election notices: a poll's three interim notices of alteration, their
 * dates and whether each is published; and one of them published for the poll's areas,
 * the final one fixing the electorate. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "elections/ed-election-notices.h"
#include "elections/ed-elections-command-private.h"

static const char *
notice_name (guint i)
{
  switch (i)
    {
    case 0:
      return _("First interim notice");
    case 1:
      return _("Second interim notice");
    default:
      return _("Final interim notice");
    }
}

static void
print_notices_json (EdElection            *election,
                    const EdInterimNotice *notices,
                    char                 **areas)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *fixed = g_date_valid (&election->electorate_fixed_on)
                             ? ed_date_format_iso (&election->electorate_fixed_on)
                             : g_strdup ("");

  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "election", election->slug);
  ed_command_json_add_string (builder, "electorate_fixed_on", fixed);
  json_builder_set_member_name (builder, "notices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ED_N_INTERIM_NOTICES; i++)
    {
      g_autofree char *publication = ed_date_format_iso (&notices[i].dates.publication);
      g_autofree char *last_application = ed_date_format_iso (&notices[i].dates.last_application);

      json_builder_begin_object (builder);
      ed_command_json_add_int (builder, "number", i + 1);
      ed_command_json_add_string (builder, "publication", publication);
      ed_command_json_add_string (builder, "last_application", last_application);
      ed_command_json_add_boolean (builder, "published", notices[i].published);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "polling_districts");
  json_builder_begin_array (builder);
  for (guint i = 0; areas[i] != NULL; i++)
    json_builder_add_string_value (builder, areas[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

static int
list_notices (EdContext  *context,
              EdElection *election,
              gboolean    json)
{
  EdInterimNotice notices[ED_N_INTERIM_NOTICES];
  g_auto(GStrv) areas = NULL;
  g_autofree char *joined = NULL;
  GError *error = NULL;

  if (!ed_election_get_interim_notices (context, election, notices, &error))
    return ed_command_fail (error);
  areas = ed_election_get_notice_areas (context, election, &error);
  if (areas == NULL)
    return ed_command_fail (error);
  if (json)
    {
      print_notices_json (election, notices, areas);
      return ED_COMMAND_EXIT_OK;
    }
  g_print ("%s — %s\n", election->slug, election->title);
  for (guint i = 0; i < ED_N_INTERIM_NOTICES; i++)
    {
      g_autofree char *when = ed_date_format_long (&notices[i].dates.publication);

      const char *state = notices[i].published ? _("Published") : _("Not published");

      /* The final notice fixes the electorate even when no alteration waited for it. */
      if (!notices[i].published && i == ED_N_INTERIM_NOTICES - 1 &&
          g_date_valid (&election->electorate_fixed_on))
        state = _("Nothing to publish; the electorate is fixed");
      g_print ("%u  %-24s %-22s %s\n", i + 1, when, notice_name (i), state);
    }
  if (g_date_valid (&election->electorate_fixed_on))
    {
      g_autofree char *when = ed_date_format_long (&election->electorate_fixed_on);

      /* Translators: %s is a date */
      g_print (_("The electorate was fixed on %s.\n"), when);
    }
  joined = g_strjoinv (", ", areas);
  /* Translators: %s is a list of polling district codes */
  g_print (_("The notices cover the polling districts %s.\n"), joined);
  return ED_COMMAND_EXIT_OK;
}

int
_ed_election_command_notices (const EdCommandGlobals  *globals,
                              int                      argc,
                              char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_auto(EdInterimPublished) published = { NULL, };
  g_autofree char *out_dir = NULL;
  gint publish = 0;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "publish", 0, 0, G_OPTION_ARG_INT, &publish,
      N_("Publish notice 1, 2 or 3 (the final one, which fixes the electorate)"), N_("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir,
      N_("The folder to write the notice’s PDF and CSV into (default: the current folder)"),
      N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the notices as JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("ID"));
  g_option_context_set_summary (option_context,
                                _("Lists a poll’s three interim notices of alteration, their "
                                  "dates and whether each is published; with --publish, "
                                  "publishes one for the polling districts the poll covers. "
                                  "A notice is published on or after its date only."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "election notices", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ed_command_usage ("election notices", _("Say which election: election notices ID"));
  if (json && publish != 0)
    return ed_command_usage ("election notices", _("--json is for the list, not --publish"));
  if (publish == 0 && out_dir != NULL)
    return ed_command_usage ("election notices", _("--output is for --publish"));
  if (publish != 0 && (publish < 1 || publish > ED_N_INTERIM_NOTICES))
    return ed_command_usage ("election notices",
                             _("--publish takes 1, 2 or 3 (the final notice)"));

  if (!_ed_elections_command_open (globals, argv[1], &context, &election, &error))
    return ed_command_fail (error);
  if (publish == 0)
    return list_notices (context, election, json);

  if (!g_file_test (out_dir != NULL ? out_dir : ".", G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (out_dir != NULL ? out_dir : ".");

      g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR, _("“%s” is not a folder"), name);
      return ed_command_fail (error);
    }
  if (!ed_election_publish_interim (context, election, (guint)publish, ED_NOTICE_FLAGS_NONE,
                                    out_dir != NULL ? out_dir : ".", &published, &error))
    return ed_command_fail (error);
  if (published.notice != NULL)
    {
      g_autofree char *when = ed_notice_format_date (&published.notice->publication);

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Published the interim notice of alteration of %s: %u alteration\n",
                            "Published the interim notice of alteration of %s: %u alterations\n",
                            published.notice->n_alterations),
               when, published.notice->n_alterations);
      g_print ("%s\n%s\n", published.pdf_path, published.csv_path);
    }
  else
    g_print ("%s\n", _("No alteration was waiting for the final interim notice: the register "
                       "as it stands is the electorate."));
  if (published.fixed)
    g_print ("%s\n", _("The electorate is fixed; election electorate shows it."));
  return ED_COMMAND_EXIT_OK;
}
