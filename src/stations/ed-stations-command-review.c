/* ed-stations-command-review.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli stations review …: a review of polling districts and polling places
 * (DOMAIN.md §3.2, §3.3) from the command line: start one, record the dates of its steps, the
 * representations made to it and what it proposes for each district, see where it stands
 * against the law, and print its notice and its committee report. Each of these is a word
 * after "review" with options of its own. A review is named by --review, its number in
 * "review list" or the start of its id; without it, the one review under way. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "stations/ed-review-document.h"
#include "stations/ed-station-review.h"
#include "stations/ed-stations-command-private.h"

typedef int (*ReviewAction) (const EdCommandGlobals *globals,
                             int                     argc,
                             char                  **argv);

/* ---- what several words share ------------------------------------------------------------ */

/* Reads @text in the one date grammar (ed_date_parse()), naming @option in the message. */
static gboolean
parse_date_option (const char  *option,
                   const char  *text,
                   GDate       *out,
                   GError     **error)
{
  if (ed_date_parse (text, out, error))
    return TRUE;
  g_prefix_error (error, "--%s: ", option);
  return FALSE;
}

static char *
format_day (const GDate *date)
{
  return g_date_valid (date) ? ed_date_format_iso (date) : g_strdup ("");
}

/* The review's number in "review list", counting from 1. */
static guint
review_number (GPtrArray  *reviews,
               const char *id)
{
  for (guint i = 0; i < reviews->len; i++)
    if (g_str_equal (((EdStationReview *)g_ptr_array_index (reviews, i))->id, id))
      return i + 1;
  return 0;
}

static int
open_review (const EdCommandGlobals  *globals,
             const char              *reference,
             EdContext              **out_context,
             char                   **out_review)
{
  GError *error = NULL;

  *out_context = ed_command_open_existing (globals, &error);
  if (*out_context == NULL)
    return ed_command_fail (error);
  *out_review = ed_station_review_resolve (*out_context, reference, &error);
  if (*out_review == NULL)
    return ed_command_fail (error);
  return ED_COMMAND_EXIT_OK;
}

static void
add_review_json (JsonBuilder           *builder,
                 const EdStationReview *review,
                 guint                  number)
{
  g_autoptr(GPtrArray) checks = NULL;
  GDate today;

  ed_today (&today);
  checks = ed_review_checklist (&review->dates, &today);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, number);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, review->id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, ed_review_kind_to_string (review->dates.kind));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, review->title);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_object (builder);
  for (EdReviewStep step = 0; step < ED_N_REVIEW_STEPS; step++)
    {
      g_autofree char *day = format_day (&review->dates.steps[step]);

      json_builder_set_member_name (builder, ed_review_step_get_option_name (step));
      json_builder_add_string_value (builder, day);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < checks->len; i++)
    {
      static const char *states[] = { "done", "to_do", "late", "waiting" };
      EdReviewCheck *check = g_ptr_array_index (checks, i);
      g_autofree char *deadline = format_day (&check->deadline);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "step");
      json_builder_add_string_value (builder, ed_review_step_get_option_name (check->step));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, states[check->state]);
      json_builder_set_member_name (builder, "deadline");
      json_builder_add_string_value (builder, deadline);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, check->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_checklist (const EdStationReview *review)
{
  g_autoptr(GPtrArray) checks = NULL;
  GDate today;

  ed_today (&today);
  checks = ed_review_checklist (&review->dates, &today);
  for (guint i = 0; i < checks->len; i++)
    {
      EdReviewCheck *check = g_ptr_array_index (checks, i);
      const char *mark;

      switch (check->state)
        {
        case ED_REVIEW_CHECK_DONE:
          mark = _("done");
          break;
        case ED_REVIEW_CHECK_LATE:
          mark = _("LATE");
          break;
        case ED_REVIEW_CHECK_TO_DO:
          mark = _("to do");
          break;
        case ED_REVIEW_CHECK_WAITING:
        default:
          mark = _("waiting");
          break;
        }
      g_print ("  [%s] %s\n", mark, check->text);
    }
}

static int
takes_no_arguments (const char *word,
                    int         argc)
{
  g_autofree char *command = g_strdup_printf ("stations review %s", word);

  if (argc == 1)
    return ED_COMMAND_EXIT_OK;
  return ed_command_usage (command, _("“%s” takes options only; --help lists them"), command);
}

/* ---- review new -------------------------------------------------------------------------- */

static int
review_new (const EdCommandGlobals  *globals,
            int                      argc,
            char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdStationReview) review = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *started_text = NULL;
  g_autofree char *id = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  EdReviewKind kind;
  GDate started;
  GDate first;
  GDate last;
  int status;
  const GOptionEntry options[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("compulsory (the five-yearly review) or interim"), N_("KIND") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("What the council calls the review"), N_("TITLE") },
    { "started", 0, 0, G_OPTION_ARG_STRING, &started_text,
      N_("The day the review started (default today)"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Starts a review of polling districts and polling places. A "
                                  "compulsory review must start and finish within a review "
                                  "window: 16 months from 1 October of every fifth year from "
                                  "2013."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations review new", &argc, &argv, &status))
    return status;
  if ((status = takes_no_arguments ("new", argc)) != ED_COMMAND_EXIT_OK)
    return status;
  if (kind_text == NULL || title == NULL)
    return ed_command_usage ("stations review new",
                             _("Usage: stations review new --kind compulsory|interim --title "
                               "TITLE [--started DATE]"));
  if (!ed_review_kind_from_string (kind_text, &kind, &error))
    {
      g_prefix_error (&error, "--kind: ");
      return ed_command_fail (error);
    }
  g_date_clear (&started, 1);
  if (started_text != NULL)
    {
      if (!parse_date_option ("started", started_text, &started, &error))
        return ed_command_fail (error);
    }
  else
    ed_today (&started);

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  id = ed_station_review_start (context, kind, title, &started, &error);
  if (id == NULL || (review = ed_station_review_get (context, id, &error)) == NULL)
    return ed_command_fail (error);

  if (json)
    {
      g_autoptr(GPtrArray) reviews = ed_station_review_list (context, NULL);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      add_review_json (builder, review, reviews != NULL ? review_number (reviews, id) : 0);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }
  {
    g_autoptr(GPtrArray) reviews = ed_station_review_list (context, NULL);
    g_autofree char *day = ed_date_format_long (&started);

    /* Translators: a review's number, its title, its kind, and the day it started */
    g_print (_("Started review %u, “%s” (%s), on %s\n"),
             reviews != NULL ? review_number (reviews, id) : 0, title,
             ed_review_kind_get_display_name (kind), day);
  }
  if (kind == ED_REVIEW_COMPULSORY && ed_review_window_containing (&started, &first, &last))
    {
      g_autofree char *by = ed_date_format_long (&last);

      g_print (_("It must be completed by %s, when its review window ends.\n"), by);
    }
  print_checklist (review);
  return ED_COMMAND_EXIT_OK;
}

/* ---- review list and review show ---------------------------------------------------------- */

static int
review_list (const EdCommandGlobals  *globals,
             int                      argc,
             char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Lists the district’s reviews of polling districts and places "
                                  "by number, the earliest first."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations review list", &argc, &argv, &status))
    return status;
  if ((status = takes_no_arguments ("list", argc)) != ED_COMMAND_EXIT_OK)
    return status;

  context = ed_command_open_existing (globals, &error);
  if (context == NULL || (reviews = ed_station_review_list (context, &error)) == NULL)
    return ed_command_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < reviews->len; i++)
        add_review_json (builder, g_ptr_array_index (reviews, i), i + 1);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }
  if (reviews->len == 0)
    {
      g_print (_("No review has been started.\n"));
      return ED_COMMAND_EXIT_OK;
    }
  g_print ("%-3s  %-10s  %-10s  %-10s  %s\n", _("No."), _("Kind"), _("Started"),
           _("Completed"), _("Title"));
  for (guint i = 0; i < reviews->len; i++)
    {
      EdStationReview *review = g_ptr_array_index (reviews, i);
      g_autofree char *started = format_day (&review->dates.steps[ED_REVIEW_STEP_STARTED]);
      g_autofree char *completed = format_day (&review->dates.steps[ED_REVIEW_STEP_COMPLETED]);

      g_print ("%-3u  %-10s  %-10s  %-10s  %s\n", i + 1,
               ed_review_kind_to_string (review->dates.kind), started,
               completed[0] != '\0' ? completed : "-", review->title);
    }
  return ED_COMMAND_EXIT_OK;
}

static void
print_show_json (EdContext             *context,
                 const EdStationReview *review,
                 GPtrArray             *representations,
                 GPtrArray             *proposals)
{
  g_autoptr(GPtrArray) reviews = ed_station_review_list (context, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "review");
  add_review_json (builder, review, reviews != NULL ? review_number (reviews, review->id) : 0);
  json_builder_set_member_name (builder, "representations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < representations->len; i++)
    {
      EdReviewRepresentation *representation = g_ptr_array_index (representations, i);
      g_autofree char *received = format_day (&representation->received_on);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, i + 1);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, representation->id);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, representation->from_whom);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder,
                                     ed_representation_kind_to_string (representation->kind));
      json_builder_set_member_name (builder, "received");
      json_builder_add_string_value (builder, received);
      json_builder_set_member_name (builder, "polling_district");
      json_builder_add_string_value (builder, representation->polling_district_code);
      json_builder_set_member_name (builder, "place");
      json_builder_add_string_value (builder, representation->place_name);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, representation->body);
      json_builder_set_member_name (builder, "response");
      json_builder_add_string_value (builder, representation->response);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "proposals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < proposals->len; i++)
    {
      EdReviewProposal *proposal = g_ptr_array_index (proposals, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "polling_district");
      json_builder_add_string_value (builder, proposal->polling_district_code);
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, ed_proposal_action_to_string (proposal->action));
      json_builder_set_member_name (builder, "place");
      json_builder_add_string_value (builder, proposal->proposed_place_name);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, proposal->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

static int
review_show (const EdCommandGlobals  *globals,
             int                      argc,
             char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdStationReview) review = NULL;
  g_autoptr(GPtrArray) representations = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *id = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "review", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("The review: its number in “review list” (default: the one under way)"), N_("REVIEW") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Shows a review: the dates of its steps, where it stands "
                                  "against what the law requires, its representations by number "
                                  "and its proposals."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations review show", &argc, &argv, &status))
    return status;
  if ((status = takes_no_arguments ("show", argc)) != ED_COMMAND_EXIT_OK)
    return status;
  if ((status = open_review (globals, reference, &context, &id)) != ED_COMMAND_EXIT_OK)
    return status;
  if ((review = ed_station_review_get (context, id, &error)) == NULL ||
      (representations = ed_review_representation_list (context, id, &error)) == NULL ||
      (proposals = ed_review_proposal_list (context, id, &error)) == NULL)
    return ed_command_fail (error);

  if (json)
    {
      print_show_json (context, review, representations, proposals);
      return ED_COMMAND_EXIT_OK;
    }
  g_print ("%s (%s)\n", review->title, ed_review_kind_get_display_name (review->dates.kind));
  for (EdReviewStep step = 0; step < ED_N_REVIEW_STEPS; step++)
    {
      g_autofree char *day = format_day (&review->dates.steps[step]);

      const char *name = ed_review_step_get_display_name (step);
      /* printf pads bytes; a name with a curly apostrophe has more bytes than characters. */
      glong padding = MAX (1, 58 - g_utf8_strlen (name, -1));

      g_print ("  %s%*s%s\n", name, (int)padding, "", day[0] != '\0' ? day : "-");
    }
  g_print ("\n%s\n", _("What the law requires:"));
  print_checklist (review);
  g_print ("\n%s\n", _("Representations:"));
  if (representations->len == 0)
    g_print ("  %s\n", _("none"));
  for (guint i = 0; i < representations->len; i++)
    {
      EdReviewRepresentation *representation = g_ptr_array_index (representations, i);
      g_autofree char *received = format_day (&representation->received_on);

      g_print ("  %u. %s  %s (%s)%s%s%s\n", i + 1, received, representation->from_whom,
               ed_representation_kind_get_display_name (representation->kind),
               representation->polling_district_code[0] != '\0' ? "  " : "",
               representation->polling_district_code,
               representation->response[0] != '\0' ? "" : _("  — no response yet"));
    }
  g_print ("\n%s\n", _("Proposals:"));
  if (proposals->len == 0)
    g_print ("  %s\n", _("none"));
  for (guint i = 0; i < proposals->len; i++)
    {
      EdReviewProposal *proposal = g_ptr_array_index (proposals, i);

      g_print ("  %-6s %-6s %s%s%s\n", proposal->polling_district_code,
               ed_proposal_action_to_string (proposal->action), proposal->proposed_place_name,
               proposal->proposed_place_name[0] != '\0' ? ": " : "", proposal->reason);
    }
  return ED_COMMAND_EXIT_OK;
}

/* ---- review step ------------------------------------------------------------------------- */

static int
review_step (const EdCommandGlobals  *globals,
             int                      argc,
             char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdStationReview) review = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *id = NULL;
  char *step_texts[ED_N_REVIEW_STEPS] = { NULL, };
  GOptionEntry options[ED_N_REVIEW_STEPS + 4];
  gboolean any = FALSE;
  GError *error = NULL;
  int status;
  guint n = 0;

  options[n++] = (GOptionEntry) { "review", 0, 0, G_OPTION_ARG_STRING, &reference,
                                  N_("The review: its number in “review list” (default: the "
                                     "one under way)"), N_("REVIEW") };
  options[n++] = (GOptionEntry) { "title", 0, 0, G_OPTION_ARG_STRING, &title,
                                  N_("A new title"), N_("TITLE") };
  options[n++] = (GOptionEntry) { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
                                  N_("compulsory or interim"), N_("KIND") };
  for (EdReviewStep step = 0; step < ED_N_REVIEW_STEPS; step++)
    options[n++] = (GOptionEntry) { ed_review_step_get_option_name (step), 0, 0,
                                    G_OPTION_ARG_STRING, &step_texts[step],
                                    ed_review_step_get_display_name (step),
                                    N_("DATE|none") };
  options[n] = (GOptionEntry) { NULL };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Records the dates of a review’s steps (“none” clears one), "
                                  "then shows where the review stands against what the law "
                                  "requires: the notice, the (Acting) Returning Officer’s "
                                  "representations published within 30 days, the views of "
                                  "access experts, and for a compulsory review completion "
                                  "within its window."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations review step", &argc, &argv, &status))
    goto out;
  if ((status = takes_no_arguments ("step", argc)) != ED_COMMAND_EXIT_OK)
    goto out;
  if ((status = open_review (globals, reference, &context, &id)) != ED_COMMAND_EXIT_OK)
    goto out;
  if ((review = ed_station_review_get (context, id, &error)) == NULL)
    {
      status = ed_command_fail (error);
      goto out;
    }
  if (title != NULL)
    {
      g_free (review->title);
      review->title = g_strdup (title);
      any = TRUE;
    }
  if (kind_text != NULL)
    {
      if (!ed_review_kind_from_string (kind_text, &review->dates.kind, &error))
        {
          g_prefix_error (&error, "--kind: ");
          status = ed_command_fail (error);
          goto out;
        }
      any = TRUE;
    }
  for (EdReviewStep step = 0; step < ED_N_REVIEW_STEPS; step++)
    {
      GDate *day = &review->dates.steps[step];

      if (step_texts[step] == NULL)
        continue;
      any = TRUE;
      if (g_ascii_strcasecmp (step_texts[step], "none") == 0)
        g_date_clear (day, 1);
      else if (!parse_date_option (ed_review_step_get_option_name (step), step_texts[step], day,
                                   &error))
        {
          status = ed_command_fail (error);
          goto out;
        }
    }
  if (any && !ed_station_review_update (context, review, &error))
    {
      status = ed_command_fail (error);
      goto out;
    }
  g_print ("%s (%s)\n", review->title, ed_review_kind_get_display_name (review->dates.kind));
  print_checklist (review);
  status = ED_COMMAND_EXIT_OK;
out:
  for (guint i = 0; i < ED_N_REVIEW_STEPS; i++)
    g_free (step_texts[i]);
  return status;
}

/* ---- review representation --------------------------------------------------------------- */

static int
review_representation (const EdCommandGlobals  *globals,
                       int                      argc,
                       char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) representations = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *edit = NULL;
  g_autofree char *from = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *received = NULL;
  g_autofree char *district = NULL;
  g_autofree char *place = NULL;
  g_autofree char *text = NULL;
  g_autofree char *response = NULL;
  g_autofree char *id = NULL;
  g_autofree char *representation_id = NULL;
  EdReviewRepresentation *representation = NULL;
  g_autoptr(EdReviewRepresentation) fresh = NULL;
  GError *error = NULL;
  guint number = 0;
  int status;
  const GOptionEntry options[] = {
    { "review", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("The review: its number in “review list” (default: the one under way)"), N_("REVIEW") },
    { "edit", 0, 0, G_OPTION_ARG_STRING, &edit,
      N_("Change a representation already recorded: its number in “review show”"), N_("N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Who made it"), N_("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("aro, elector, councillor, access_expert, parish_council or other"), N_("KIND") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received,
      N_("The day it was received (default today)"), N_("DATE") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &district,
      N_("The polling district it is about"), N_("CODE") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place,
      N_("The polling place it is about"), N_("NAME") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("What it says"), N_("TEXT") },
    { "response", 0, 0, G_OPTION_ARG_STRING, &response,
      N_("The council’s response"), N_("TEXT") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Records a representation made to a review, or with --edit "
                                  "changes one (to add the council’s response, say). The "
                                  "published report names office holders and organisations; "
                                  "the names of electors and other members of the public are "
                                  "withheld."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations review representation", &argc, &argv,
                         &status))
    return status;
  if ((status = takes_no_arguments ("representation", argc)) != ED_COMMAND_EXIT_OK)
    return status;
  if (edit == NULL && (from == NULL || kind_text == NULL || text == NULL))
    return ed_command_usage ("stations review representation",
                             _("Usage: stations review representation [--review REVIEW] --from "
                               "NAME --kind KIND [--received DATE] [--district CODE] [--place "
                               "NAME] --text TEXT [--response TEXT], or --edit N with what "
                               "changes"));
  if ((status = open_review (globals, reference, &context, &id)) != ED_COMMAND_EXIT_OK)
    return status;
  if ((representations = ed_review_representation_list (context, id, &error)) == NULL)
    return ed_command_fail (error);

  if (edit != NULL)
    {
      representation_id = ed_review_representation_resolve (context, id, edit, &error);
      if (representation_id == NULL)
        return ed_command_fail (error);
      for (guint i = 0; i < representations->len; i++)
        if (g_str_equal (((EdReviewRepresentation *)g_ptr_array_index (representations,
                                                                       i))->id,
                         representation_id))
          representation = g_ptr_array_index (representations, i);
    }
  else
    {
      fresh = g_new0 (EdReviewRepresentation, 1);
      fresh->review = g_strdup (id);
      fresh->polling_district_code = g_strdup ("");
      fresh->place_name = g_strdup ("");
      fresh->response = g_strdup ("");
      ed_today (&fresh->received_on);
      representation = fresh;
    }
  g_return_val_if_fail (representation != NULL, ED_COMMAND_EXIT_ERROR);

  if (from != NULL)
    {
      g_free (representation->from_whom);
      representation->from_whom = g_strdup (from);
    }
  if (kind_text != NULL && !ed_representation_kind_from_string (kind_text, &representation->kind,
                                                                &error))
    {
      g_prefix_error (&error, "--kind: ");
      return ed_command_fail (error);
    }
  if (received != NULL &&
      !parse_date_option ("received", received, &representation->received_on, &error))
    return ed_command_fail (error);
  if (district != NULL)
    {
      g_free (representation->polling_district_code);
      representation->polling_district_code = g_strdup (district);
    }
  if (place != NULL)
    {
      g_free (representation->place_name);
      representation->place_name = g_strdup (place);
    }
  if (text != NULL)
    {
      g_free (representation->body);
      representation->body = g_strdup (text);
    }
  if (response != NULL)
    {
      g_free (representation->response);
      representation->response = g_strdup (response);
    }

  if (edit != NULL)
    {
      if (!ed_review_representation_update (context, representation, &error))
        return ed_command_fail (error);
    }
  else if ((representation_id = ed_review_representation_add (context, representation,
                                                              &error)) == NULL)
    return ed_command_fail (error);

  g_clear_pointer (&representations, g_ptr_array_unref);
  if ((representations = ed_review_representation_list (context, id, &error)) == NULL)
    return ed_command_fail (error);
  for (guint i = 0; i < representations->len; i++)
    if (g_str_equal (((EdReviewRepresentation *)g_ptr_array_index (representations, i))->id,
                     representation_id))
      number = i + 1;
  g_print (edit != NULL ? _("Changed representation %u.\n")
                        : _("Recorded representation %u.\n"), number);
  return ED_COMMAND_EXIT_OK;
}

/* ---- review proposal --------------------------------------------------------------------- */

static int
review_proposal (const EdCommandGlobals  *globals,
                 int                      argc,
                 char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *district = NULL;
  g_autofree char *action_text = NULL;
  g_autofree char *place = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *id = NULL;
  g_autofree char *proposal = NULL;
  EdProposalAction action;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "review", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("The review: its number in “review list” (default: the one under way)"), N_("REVIEW") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &district,
      N_("The polling district"), N_("CODE") },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action_text,
      N_("keep (as it is) or change"), N_("ACTION") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place,
      N_("With change: the polling place proposed"), N_("NAME") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why"), N_("TEXT") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Records what a review proposes for a polling district: keep "
                                  "it as it is, or change it, with the reason. A second "
                                  "proposal for the same district replaces the first."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations review proposal", &argc, &argv, &status))
    return status;
  if ((status = takes_no_arguments ("proposal", argc)) != ED_COMMAND_EXIT_OK)
    return status;
  if (district == NULL || action_text == NULL)
    return ed_command_usage ("stations review proposal",
                             _("Usage: stations review proposal [--review REVIEW] --district "
                               "CODE --action keep|change [--place NAME] --reason TEXT"));
  if (!ed_proposal_action_from_string (action_text, &action, &error))
    {
      g_prefix_error (&error, "--action: ");
      return ed_command_fail (error);
    }
  if ((status = open_review (globals, reference, &context, &id)) != ED_COMMAND_EXIT_OK)
    return status;
  proposal = ed_review_proposal_set (context, id, district, action, place, reason, &error);
  if (proposal == NULL)
    return ed_command_fail (error);
  /* Translators: a polling district's code and what is proposed for it, "keep" or "change" */
  g_print (_("Proposed for polling district %s: %s\n"), district,
           ed_proposal_action_get_display_name (action));
  return ED_COMMAND_EXIT_OK;
}

/* ---- review report and review notice ----------------------------------------------------- */

static int
review_document (const EdCommandGlobals  *globals,
                 int                      argc,
                 char                   **argv)
{
  EdReviewDocumentKind kind = g_str_equal (argv[0], "notice") ? ED_REVIEW_DOCUMENT_NOTICE
                                                               : ED_REVIEW_DOCUMENT_REPORT;
  const char *command = kind == ED_REVIEW_DOCUMENT_NOTICE ? "stations review notice"
                                                          : "stations review report";
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *output = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  guint n_pages = 0;
  GError *error = NULL;
  EdJob *job;
  int status;
  const GOptionEntry options[] = {
    { "review", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("The review: its number in “review list” (default: the one under way)"), N_("REVIEW") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"),
      N_("FILE") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                kind == ED_REVIEW_DOCUMENT_NOTICE
                                  ? _("Writes the notice of review as a PDF: the review under "
                                      "way, where the (Acting) Returning Officer’s comments can "
                                      "be read, the invitation to make representations and "
                                      "suggest venues, the council’s contact details, and the "
                                      "timetable with the closing date.")
                                  : _("Writes the review’s report to the committee as a PDF: "
                                      "the legal background, the timetable, the table of "
                                      "polling districts with their electorate, places, "
                                      "stations, accessibility and proposals, the "
                                      "representations with the council’s responses, and the "
                                      "recommendations."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, command, &argc, &argv, &status))
    return status;
  if ((status = takes_no_arguments (kind == ED_REVIEW_DOCUMENT_NOTICE ? "notice" : "report",
                                    argc)) != ED_COMMAND_EXIT_OK)
    return status;
  if (output == NULL)
    return ed_command_usage (command, _("Usage: %s [--review REVIEW] -o FILE.pdf"), command);
  if ((status = open_review (globals, reference, &context, &id)) != ED_COMMAND_EXIT_OK)
    return status;

  file = g_file_new_for_commandline_arg (output);
  path = g_file_get_path (file);
  display = g_file_get_parse_name (file);
  if (path == NULL)
    return ed_command_usage (command, _("-o must name a local file"));
  job = ed_review_document_write_pdf_async (context, kind, id, path, NULL, ed_command_job_done,
                                            &result);
  ed_command_wait (job, &result);
  if (!ed_review_document_write_pdf_finish (job, result, &n_pages, &error))
    return ed_command_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u page to %s\n", "Wrote %u pages to %s\n",
                        n_pages),
           n_pages, display);
  if (kind == ED_REVIEW_DOCUMENT_NOTICE)
    g_print (_("Once it is published, record the day: stations review step "
               "--notice-published DATE\n"));
  return ED_COMMAND_EXIT_OK;
}

/* ---- review ------------------------------------------------------------------------------ */

static const struct
{
  const char   *word;
  ReviewAction  run;
  const char   *summary;
} words[] = {
  { "new", review_new, N_("Start a review") },
  { "list", review_list, N_("List the reviews by number") },
  { "show", review_show, N_("Show a review: its steps, what is missing or late, its "
                            "representations and proposals") },
  { "step", review_step, N_("Record the dates of a review’s steps") },
  { "representation", review_representation, N_("Record or change a representation") },
  { "proposal", review_proposal, N_("Propose to keep or change a polling district") },
  { "notice", review_document, N_("Write the notice of review as a PDF") },
  { "report", review_document, N_("Write the report to the committee as a PDF") },
};

static void
print_review_help (void)
{
  g_print ("%s\n  electoral-desk-cli stations review WORD …\n\n", _("Usage:"));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_print ("  %-16s %s\n", words[i].word, _(words[i].summary));
}

/* argv[0] is "review". */
int
_ed_stations_command_review (const EdCommandGlobals  *globals,
                             int                      argc,
                             char                   **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_review_help ();
      return argc < 2 ? ED_COMMAND_EXIT_USAGE : ED_COMMAND_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (argv[1], words[i].word))
      return words[i].run (globals, argc - 1, argv + 1);
  return ed_command_usage ("stations review", _("“%s” is not a word of stations review; --help "
                                                "lists them"), argv[1]);
}
