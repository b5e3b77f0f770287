/* ed-elections-command-check.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli pollcards check: the pre-print check of an election's poll cards as a
 * report (errors, then warnings, then the cards per station by variant against the polling
 * plan, then who is left out and why), or as JSON with every figure. It exits 1 when the check
 * finds errors, so a script can stop before printing. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "elections/ed-elections-command-private.h"
#include "elections/ed-poll-card-check.h"

static const char *
severity_to_string (EdCheckSeverity severity)
{
  return severity == ED_CHECK_ERROR ? "error" : "warning";
}

static void
add_variant_counts (JsonBuilder   *builder,
                    const guint64  cards[ED_N_POLL_CARD_VARIANTS])
{
  guint64 total = 0;

  json_builder_set_member_name (builder, "cards");
  json_builder_begin_object (builder);
  for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
    {
      ed_command_json_add_int (builder, ed_poll_card_variant_to_string (v), (gint64)cards[v]);
      total += cards[v];
    }
  json_builder_end_object (builder);
  ed_command_json_add_int (builder, "cards_total", (gint64)total);
}

static void
print_json (EdElection      *election,
            EdPollCardCheck *check)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint64 left_out = 0;

  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "election", election->slug);
  ed_command_json_add_int (builder, "entries", (gint64)check->entries);
  ed_command_json_add_int (builder, "errors", check->n_errors);
  ed_command_json_add_int (builder, "warnings", check->n_warnings);
  add_variant_counts (builder, check->cards);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < check->items->len; i++)
    {
      EdPollCardCheckItem *item = g_ptr_array_index (check->items, i);

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "severity", severity_to_string (item->severity));
      ed_command_json_add_string (builder, "code", item->code);
      ed_command_json_add_string (builder, "message", item->message);
      ed_command_json_add_string (builder, "elector_number",
                                  item->elector_number != NULL ? item->elector_number : "");
      ed_command_json_add_string (builder, "station",
                                  item->station_code != NULL ? item->station_code : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "stations");
  json_builder_begin_array (builder);
  for (guint s = 0; s < check->stations->len; s++)
    {
      EdPollCardCheckStation *station = g_ptr_array_index (check->stations, s);

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "code", station->code);
      ed_command_json_add_string (builder, "place", station->place_name);
      add_variant_counts (builder, station->cards);
      ed_command_json_add_int (builder, "left_out", (gint64)station->left_out);
      ed_command_json_add_int (builder, "plan_electors", (gint64)station->plan_electors);
      ed_command_json_add_int (builder, "plan_postal", (gint64)station->plan_postal);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "left_out");
  json_builder_begin_object (builder);
  for (guint r = 0; r < ED_N_CARD_LEFT_OUT; r++)
    {
      ed_command_json_add_int (builder, ed_card_left_out_to_string (r),
                               (gint64)check->left_out[r]);
      left_out += check->left_out[r];
    }
  json_builder_end_object (builder);
  ed_command_json_add_int (builder, "left_out_total", (gint64)left_out);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

static void
print_items (EdPollCardCheck *check,
             EdCheckSeverity  severity,
             const char      *heading)
{
  gboolean any = FALSE;

  for (guint i = 0; i < check->items->len; i++)
    {
      EdPollCardCheckItem *item = g_ptr_array_index (check->items, i);

      if (item->severity != severity)
        continue;
      if (!any)
        g_print ("\n%s\n", heading);
      any = TRUE;
      g_print ("  [%s] %s\n", item->code, item->message);
    }
}

static guint64
sum (const guint64 cards[ED_N_POLL_CARD_VARIANTS])
{
  guint64 total = 0;

  for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
    total += cards[v];
  return total;
}

/* The order of the columns is the order of EdPollCardVariant. */
G_STATIC_ASSERT (ED_POLL_CARD_ORDINARY == 0 && ED_POLL_CARD_POSTAL == 1 &&
                 ED_POLL_CARD_PROXY == 2 && ED_POLL_CARD_PROXY_POSTAL == 3);

static void
print_station_row (const char    *code,
                   const char    *place,
                   const guint64  cards[ED_N_POLL_CARD_VARIANTS],
                   guint64        left_out,
                   const char    *plan)
{
  /* g_utf8_substring () reads as far as it is told: never past the name's own end. */
  g_autofree char *place_cut = g_utf8_substring (place, 0, MIN (g_utf8_strlen (place, -1), 28));

  g_print ("  %-8s %-28s", code, place_cut);
  for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
    g_print (" %12" PRIu64, cards[v]);
  g_print (" %9" PRIu64 " %9" PRIu64 " %9s\n", sum (cards), left_out, plan);
}

static void
print_text (EdElection      *election,
            EdPollCardCheck *check)
{
  guint64 left_out = 0;
  guint64 totals[ED_N_POLL_CARD_VARIANTS] = { 0 };
  guint64 plan_total = 0;
  guint64 left_total = 0;
  g_autofree char *plan_total_text = NULL;

  g_print ("%s — %s\n", election->slug, election->title);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: the first line of the pre-print check's report */
                        "Pre-print check of %" PRIu64 " card: ",
                        "Pre-print check of %" PRIu64 " cards: ", sum (check->cards)),
           sum (check->cards));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u error, ", "%u errors, ", check->n_errors),
           check->n_errors);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u warning\n", "%u warnings\n", check->n_warnings),
           check->n_warnings);

  print_items (check, ED_CHECK_ERROR, _("Errors"));
  print_items (check, ED_CHECK_WARNING, _("Warnings"));

  g_print ("\n%s\n", _("Cards per station"));
  g_print ("  %-8s %-28s", _("Station"), _("Place"));
  /* Translators: column headings of the cards per station, of at most 12 characters: the
   * cards to electors voting in person, by post, to proxies voting in person, by post */
  g_print (" %12s %12s %12s %12s", C_("cards", "In person"), C_("cards", "Postal"),
           C_("cards", "Proxy"), C_("cards", "Proxy postal"));
  /* Translators: column headings of at most 9 characters: the cards, the entries given no
   * card, the electors in the polling plan */
  g_print (" %9s %9s %9s\n", _("Total"), _("Left out"), _("Plan"));
  for (guint s = 0; s < check->stations->len; s++)
    {
      EdPollCardCheckStation *station = g_ptr_array_index (check->stations, s);
      g_autofree char *plan = *station->code != '\0'
                                ? g_strdup_printf ("%" PRIu64, station->plan_electors)
                                : g_strdup ("");

      print_station_row (*station->code != '\0' ? station->code : _("(none)"),
                         station->place_name, station->cards, station->left_out, plan);
      for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
        totals[v] += station->cards[v];
      plan_total += station->plan_electors;
      left_total += station->left_out;
    }
  plan_total_text = g_strdup_printf ("%" PRIu64, plan_total);
  print_station_row (_("Total"), "", totals, left_total, plan_total_text);

  for (guint r = 0; r < ED_N_CARD_LEFT_OUT; r++)
    left_out += check->left_out[r];
  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: %s is a number of register entries */
                        "Left out: %" PRIu64 " entry of the register gets no card\n",
                        "Left out: %" PRIu64 " entries of the register get no card\n",
                        left_out),
           left_out);
  for (guint r = 0; r < ED_N_CARD_LEFT_OUT; r++)
    if (check->left_out[r] > 0)
      g_print ("  %9" PRIu64 "  %s\n", check->left_out[r], ed_card_left_out_describe (r));
}

int
_ed_pollcards_command_check (const EdCommandGlobals  *globals,
                             int                      argc,
                             char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdPollCardCheck) check = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("ID"));
  g_option_context_set_summary (option_context,
                                _("Checks an election’s poll cards before they are printed: "
                                  "each card’s station against the polling plan, its place’s "
                                  "booking and address, who gets a card and which, and whether "
                                  "each address fits the envelope window. Exits with status 1 "
                                  "when it finds errors, which refuse the final print."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "pollcards check", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ed_command_usage ("pollcards check", _("Say which election: pollcards check ID"));

  if (!_ed_elections_command_open (globals, argv[1], &context, &election, &error))
    return ed_command_fail (error);
  check = ed_poll_card_check_run (context, election, NULL, NULL, NULL, &error);
  if (check == NULL)
    return ed_command_fail (error);
  if (json)
    print_json (election, check);
  else
    print_text (election, check);
  if (check->n_errors > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "The pre-print check found %u error.\n",
                               "The pre-print check found %u errors.\n", check->n_errors),
                  check->n_errors);
      return ED_COMMAND_EXIT_ERROR;
    }
  return ED_COMMAND_EXIT_OK;
}
