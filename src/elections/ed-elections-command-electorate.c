/* ed-elections-command-electorate.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli election electorate and station-registers: who may vote at each poll
 * of a combination, contest by contest and station by station, beside the figures the final
 * interim notice fixed; and the polling-station registers as PDF files. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "core/ed-date.h"
#include "core/ed-value-error.h"
#include "elections/ed-election-electorate.h"
#include "elections/ed-elections-command-private.h"
#include "elections/ed-station-register-document.h"

/* Untranslated keys of the JSON output. */
static const char * const refusal_keys[ED_N_VOTE_REFUSALS] = {
  [ED_VOTE_ALLOWED] = "allowed",
  [ED_VOTE_NOT_YET_REGISTERED] = "not_yet_registered",
  [ED_VOTE_FRANCHISE] = "franchise",
  [ED_VOTE_UNDER_AGE] = "under_age",
};

static void
json_add_count (JsonBuilder             *builder,
                const EdElectorateCount *count)
{
  ed_command_json_add_int (builder, "electors", count->electors);
  json_builder_set_member_name (builder, "by_way");
  json_builder_begin_object (builder);
  for (guint w = 0; w < ED_N_POLL_CARD_VARIANTS; w++)
    ed_command_json_add_int (builder, ed_poll_card_variant_to_string (w), count->by_way[w]);
  json_builder_end_object (builder);
}

static void
print_json (EdElection           *election,
            EdElectionElectorate *electorate)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *stations = electorate->roll->stations;

  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "election", election->slug);
  ed_command_json_add_int (builder, "entries_read", electorate->n_entries);
  ed_command_json_add_int (builder, "poll_cards", electorate->cards);
  json_builder_set_member_name (builder, "polls");
  json_builder_begin_array (builder);
  for (guint p = 0; p < electorate->n_polls; p++)
    {
      const EdPollElectorate *poll = &electorate->polls[p];
      g_autofree char *fixed_on = g_date_valid (&poll->election->electorate_fixed_on)
                                    ? ed_date_format_iso (&poll->election->electorate_fixed_on)
                                    : g_strdup ("");

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "election", poll->election->slug);
      ed_command_json_add_string (builder, "title", poll->election->title);
      ed_command_json_add_string (builder, "electorate_fixed_on", fixed_on);
      json_add_count (builder, &poll->total);
      json_builder_set_member_name (builder, "refused");
      json_builder_begin_object (builder);
      for (guint r = ED_VOTE_ALLOWED + 1; r < ED_N_VOTE_REFUSALS; r++)
        ed_command_json_add_int (builder, refusal_keys[r], poll->refused[r]);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "contests");
      json_builder_begin_array (builder);
      for (guint c = 0; c < poll->election->contests->len; c++)
        {
          const EdContest *contest = g_ptr_array_index (poll->election->contests, c);

          json_builder_begin_object (builder);
          ed_command_json_add_string (builder, "contest", contest->slug);
          ed_command_json_add_string (builder, "name", contest->name);
          ed_command_json_add_boolean (builder, "contested", contest->contested);
          json_add_count (builder, &poll->contests[c].total);
          ed_command_json_add_int (builder, "fixed_electorate", contest->fixed_electorate);
          json_builder_set_member_name (builder, "stations");
          json_builder_begin_array (builder);
          for (gint s = 0; s <= (gint)stations->len; s++)
            {
              gint station = s < (gint)stations->len ? s : -1;
              const EdElectorateCount *count =
                ed_election_electorate_get_station (electorate, p, c, station);

              if (count->electors == 0)
                continue;
              json_builder_begin_object (builder);
              ed_command_json_add_string (builder, "station",
                                          station >= 0
                                            ? ((EdRollStation *)g_ptr_array_index (stations, s))->code
                                            : "");
              json_add_count (builder, count);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

static void
print_count_row (const char              *label,
                 const EdElectorateCount *count,
                 const char              *fixed)
{
  g_print ("  %-40s %9" G_GINT64_FORMAT, label, count->electors);
  for (guint w = 0; w < ED_N_POLL_CARD_VARIANTS; w++)
    g_print (" %12" G_GINT64_FORMAT, count->by_way[w]);
  if (fixed != NULL)
    g_print (" %9s", fixed);
  g_print ("\n");
}

static void
print_heads (const char *first,
             gboolean    with_fixed)
{
  g_print ("  %-40s %9s", first, _("Electors"));
  for (guint w = 0; w < ED_N_POLL_CARD_VARIANTS; w++)
    g_print (" %12s", ed_electorate_way_get_display_name (w));
  if (with_fixed)
    g_print (" %9s", _("Fixed"));
  g_print ("\n");
}

static void
print_text (EdElectionElectorate *electorate)
{
  GPtrArray *stations = electorate->roll->stations;

  for (guint p = 0; p < electorate->n_polls; p++)
    {
      const EdPollElectorate *poll = &electorate->polls[p];
      gboolean fixed = g_date_valid (&poll->election->electorate_fixed_on);

      g_print ("%s — %s\n", poll->election->slug, poll->election->title);
      if (fixed)
        {
          g_autofree char *when = ed_date_format_long (&poll->election->electorate_fixed_on);

          /* Translators: %s is a date */
          g_print (_("Electorate fixed by the final interim notice of %s; the live figures "
                     "are beside the fixed ones.\n"), when);
        }
      else
        g_print ("%s\n", _("Electorate not yet fixed: the final interim notice fixes it."));
      print_heads (_("Contest"), fixed);
      for (guint c = 0; c < poll->election->contests->len; c++)
        {
          const EdContest *contest = g_ptr_array_index (poll->election->contests, c);
          g_autofree char *label = contest->contested
                                     ? g_strdup (contest->name)
                                     /* Translators: %s is a contest; no poll is held there */
                                     : g_strdup_printf (_("%s (uncontested)"), contest->name);
          g_autofree char *fixed_text = fixed ? g_strdup_printf ("%" G_GINT64_FORMAT,
                                                                 contest->fixed_electorate)
                                              : NULL;

          print_count_row (label, &poll->contests[c].total, fixed_text);
        }
      print_count_row (_("All contests"), &poll->total, NULL);

      g_print ("\n");
      print_heads (_("Station and contest"), FALSE);
      for (gint s = 0; s <= (gint)stations->len; s++)
        {
          gint station = s < (gint)stations->len ? s : -1;

          for (guint c = 0; c < poll->election->contests->len; c++)
            {
              const EdContest *contest = g_ptr_array_index (poll->election->contests, c);
              const EdElectorateCount *count =
                ed_election_electorate_get_station (electorate, p, c, station);
              g_autofree char *label = NULL;

              if (count->electors == 0)
                continue;
              label = station >= 0
                        ? g_strdup_printf ("%s · %s",
                                           ((EdRollStation *)g_ptr_array_index (stations, s))->code,
                                           contest->name)
                        /* Translators: %s is a contest */
                        : g_strdup_printf (_("No station · %s"), contest->name);
              print_count_row (label, count, NULL);
            }
        }
      g_print ("\n");
      for (guint r = ED_VOTE_ALLOWED + 1; r < ED_N_VOTE_REFUSALS; r++)
        /* Translators: the first is a number of register entries, the second why they may
         * not vote */
        g_print (_("  Not counted: %" PRId64 " — %s\n"), poll->refused[r],
                 ed_vote_refusal_describe (r));
      g_print ("\n");
    }
}

int
_ed_election_command_electorate (const EdCommandGlobals  *globals,
                                 int                      argc,
                                 char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdElectionElectorate) electorate = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  EdJob *job;
  int status;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print every figure as JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("ID"));
  g_option_context_set_summary (option_context,
                                _("Counts who may vote at each poll of the combination, by "
                                  "contest and by station, split by the way they vote, and "
                                  "the entries that may not vote and why; with the figures "
                                  "the final interim notice fixed."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "election electorate", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ed_command_usage ("election electorate",
                             _("Say which election: election electorate ID"));

  if (!_ed_elections_command_open (globals, argv[1], &context, &election, &error))
    return ed_command_fail (error);
  /* The same job the window runs. */
  job = ed_election_electorate_compute_async (context, election->id, NULL, ed_command_job_done,
                                              &result);
  ed_command_wait (job, &result);
  electorate = ed_election_electorate_compute_finish (job, result, &error);
  if (electorate == NULL)
    return ed_command_fail (error);
  if (json)
    print_json (election, electorate);
  else
    print_text (electorate);
  return ED_COMMAND_EXIT_OK;
}

int
_ed_election_command_station_registers (const EdCommandGlobals  *globals,
                                        int                      argc,
                                        char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdStationRegisters) registers = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *out_dir = NULL;
  gboolean before_final = FALSE;
  GError *error = NULL;
  EdJob *job;
  int status;
  const GOptionEntry options[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir,
      N_("The folder to write one PDF per station into"), N_("DIR") },
    { "before-final", 0, 0, G_OPTION_ARG_NONE, &before_final,
      N_("Write them before the final interim notice, which may still change them"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("ID"));
  g_option_context_set_summary (option_context,
                                _("Writes each polling station’s copy of the register, with "
                                  "“A” against postal voters, and its corresponding number "
                                  "list, as station-register-CODE.pdf. They are printed after "
                                  "the final interim notice of alteration."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "election station-registers", &argc, &argv, &status))
    return status;
  if (argc != 2 || out_dir == NULL)
    return ed_command_usage ("election station-registers",
                             _("Say which election and where: election station-registers ID "
                               "-o DIR"));

  if (!_ed_elections_command_open (globals, argv[1], &context, &election, &error))
    return ed_command_fail (error);
  job = ed_station_registers_write_async (context, election->id, out_dir,
                                          before_final ? ED_STATION_REGISTER_FLAGS_BEFORE_FINAL
                                                       : ED_STATION_REGISTER_FLAGS_NONE,
                                          NULL, ed_command_job_done, &result);
  ed_command_wait (job, &result);
  registers = ed_station_registers_write_finish (job, result, &error);
  if (registers == NULL)
    {
      if (g_error_matches (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE) && !before_final)
        {
          g_autofree char *message = g_strdup_printf ("%s %s", error->message,
                                                       _("Use --before-final to write them "
                                                         "all the same."));

          g_free (error->message);
          error->message = g_steal_pointer (&message);
        }
      return ed_command_fail (error);
    }
  for (guint i = 0; i < registers->files->len; i++)
    {
      const EdStationRegisterFile *file = g_ptr_array_index (registers->files, i);

      g_print ("%s\t%u\t%u\t%s\n", file->station_code, file->n_electors, file->n_pages,
               file->path);
    }
  if (registers->n_without_station > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%u elector who may vote has no station: give their address "
                             "one in the polling plan.\n",
                             "%u electors who may vote have no station: give their addresses "
                             "one in the polling plan.\n",
                             registers->n_without_station),
                registers->n_without_station);
  return ED_COMMAND_EXIT_OK;
}
