/* ed-register-command-edit.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli register add|amend|delete|move: what the elector editor does, from the
 * command line. Each calls the editor's own functions (register/ed-elector-edit.h,
 * register/ed-elector-move.h), so an entry added here takes the number the editor would give
 * it and each change is recorded for the next notice of alteration as the editor records it.
 * A refused change prints every problem, each naming its option, and changes nothing. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-today.h"
#include "register/ed-register-command-private.h"
#include "core/ed-date.h"
#include "core/ed-value-error.h"
#include "register/ed-elector-edit.h"
#include "register/ed-elector-move.h"
#include "register/ed-register-find.h"

/* What the options give: NULL for an option not used. */
typedef struct
{
  char *title;
  char *forenames;
  char *surname;
  char *marker;
  char *attainer_date;
  char *open_register_opt_out;
  char *absent_vote;
  char *absent_vote_ends;
  char *proxy_name;
  char *proxy_address;
  char *anonymous;
  char *language;

  char *district;
  char *address_of;
  char *uprn;
  gboolean other_elector;
  char *property;
  char *street;
  char *locality;
  char *town;
  char *postcode;

  char *to;
  char *reason;
  char *other_reason;
  char *determined_on;
  gboolean json;
} Options;

static void
options_clear (Options *options)
{
  char **texts[] = {
    &options->title, &options->forenames, &options->surname, &options->marker,
    &options->attainer_date, &options->open_register_opt_out, &options->absent_vote,
    &options->absent_vote_ends, &options->proxy_name, &options->proxy_address,
    &options->anonymous, &options->language, &options->district, &options->address_of,
    &options->uprn, &options->property, &options->street, &options->locality, &options->town,
    &options->postcode, &options->to, &options->reason, &options->other_reason,
    &options->determined_on,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_clear_pointer (texts[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* The option a field of the register is typed with. */
static const char *
option_for_field (const char *field)
{
  static const struct
  {
    const char *field;
    const char *option;
  } options[] = {
    { "title", "--title" },
    { "forenames", "--forenames" },
    { "surname", "--surname" },
    { "marker", "--marker" },
    { "attainer_date", "--attainer-date" },
    { "open_register_opt_out", "--open-register-opt-out" },
    { "absent_vote", "--absent-vote" },
    { "absent_vote_ends", "--absent-vote-ends" },
    { "proxy_name", "--proxy-name" },
    { "proxy_address", "--proxy-address" },
    { "anonymous", "--anonymous" },
    { "language", "--language" },
    { "polling_district", "--district" },
    { "property", "--property" },
    { "street", "--street" },
    { "locality", "--locality" },
    { "town", "--town" },
    { "postcode", "--postcode" },
    { "to", "--to" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (g_str_equal (options[i].field, field))
      return options[i].option;
  return field;
}

/* Prints each problem with its option; returns the exit status of a refused request. */
static int
fail_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      EdFieldProblem *problem = g_ptr_array_index (problems, i);

      g_printerr ("electoral-desk-cli: %s: %s\n", option_for_field (problem->field),
                  problem->message);
    }
  return ED_COMMAND_EXIT_ERROR;
}

/* One line, "electoral-desk-cli: --OPTION: message"; takes @error. */
static int
fail_option (const char *option,
             GError     *error)
{
  g_printerr ("electoral-desk-cli: %s: %s\n", option, error->message);
  g_error_free (error);
  return ED_COMMAND_EXIT_ERROR;
}

static gboolean
parse_yes_no (const char  *option,
              const char  *text,
              gboolean    *out,
              GError     **error)
{
  static const char *yes[] = { "yes", "true", "on", "1" };
  static const char *no[] = { "no", "false", "off", "0" };
  g_autofree char *down = g_ascii_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_str_equal (down, yes[i]))
        {
          *out = TRUE;
          return TRUE;
        }
      if (g_str_equal (down, no[i]))
        {
          *out = FALSE;
          return TRUE;
        }
    }
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               _("%s: “%s” is not yes or no."), option, text);
  return FALSE;
}

/* A date as people type it (13/5/2027, 13 May 2027, 2027-05-13) as the register keeps it; a
 * text that is no date is kept as typed, for the editor's check to name. */
static void
set_date (char       **field,
          const char  *text)
{
  GDate date;

  g_free (*field);
  g_date_clear (&date, 1);
  if (text[0] != '\0' && ed_date_parse (text, &date, NULL))
    *field = ed_date_format_iso (&date);
  else
    *field = g_strdup (text);
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* The person's fields from the options onto @edit; FALSE with @error naming the option if a
 * value is not of its kind. Returns in @out_any whether any was given. */
static gboolean
apply_fields (const Options  *options,
              EdElectorEdit  *edit,
              gboolean       *out_any,
              GError        **error)
{
  const struct
  {
    const char *value;
    char      **field;
  } texts[] = {
    { options->title, &edit->title },
    { options->forenames, &edit->forenames },
    { options->surname, &edit->surname },
    { options->marker, &edit->marker },
    { options->proxy_name, &edit->proxy_name },
    { options->proxy_address, &edit->proxy_address },
  };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i].value != NULL)
      {
        set_text (texts[i].field, texts[i].value);
        any = TRUE;
      }
  if (options->marker != NULL)
    {
      g_autofree char *upper = g_utf8_strup (options->marker, -1);

      set_text (&edit->marker, g_strstrip (upper));
    }
  if (options->attainer_date != NULL)
    {
      set_date (&edit->attainer_date, options->attainer_date);
      any = TRUE;
    }
  if (options->absent_vote_ends != NULL)
    {
      set_date (&edit->absent_vote_ends, options->absent_vote_ends);
      any = TRUE;
    }
  if (options->absent_vote != NULL)
    {
      EdAbsentVote vote;
      g_autofree char *key = g_strdelimit (g_ascii_strdown (options->absent_vote, -1), " -",
                                           '_');

      if (g_str_equal (key, "none"))
        set_text (&edit->absent_vote, "");
      else if (ed_absent_vote_from_string (key, &vote, NULL))
        set_text (&edit->absent_vote, ed_absent_vote_to_string (vote));
      else
        set_text (&edit->absent_vote, options->absent_vote);
      any = TRUE;
    }
  if (options->language != NULL)
    {
      EdElectorLanguage language;
      g_autofree char *key = g_ascii_strdown (options->language, -1);

      if (ed_elector_language_from_string (key, &language, NULL))
        set_text (&edit->language, ed_elector_language_to_string (language));
      else
        set_text (&edit->language, options->language);
      any = TRUE;
    }
  if (options->open_register_opt_out != NULL)
    {
      if (!parse_yes_no ("--open-register-opt-out", options->open_register_opt_out,
                         &edit->open_register_opt_out, error))
        return FALSE;
      any = TRUE;
    }
  if (options->anonymous != NULL)
    {
      if (!parse_yes_no ("--anonymous", options->anonymous, &edit->anonymous, error))
        return FALSE;
      any = TRUE;
    }
  *out_any = any;
  return TRUE;
}

static gboolean
has_new_address (const Options *options)
{
  return options->property != NULL || options->street != NULL || options->locality != NULL ||
         options->town != NULL || options->postcode != NULL;
}

static void
set_new_address (const Options *options,
                 EdNewAddress  *address)
{
  set_text (&address->property, options->property != NULL ? options->property : "");
  set_text (&address->street, options->street != NULL ? options->street : "");
  set_text (&address->locality, options->locality != NULL ? options->locality : "");
  set_text (&address->town, options->town != NULL ? options->town : "");
  set_text (&address->postcode, options->postcode != NULL ? options->postcode : "");
}

static gboolean
determination_day (const Options  *options,
                   GDate          *out,
                   GError        **error)
{
  g_date_clear (out, 1);
  if (options->determined_on == NULL)
    {
      ed_today (out);
      return TRUE;
    }
  if (ed_date_parse (options->determined_on, out, error))
    return TRUE;
  g_prefix_error (error, "--determined-on: ");
  return FALSE;
}

static void
print_entry (const char          *verb,
             EdContext           *context,
             const EdElectorEdit *edit,
             gboolean             json)
{
  g_autofree char *number = ed_elector_number_format (&edit->number);
  g_autofree char *name = g_strjoin (" ", edit->forenames, edit->surname, NULL);
  g_autofree char *address = ed_elector_edit_address_text (context, edit->property, NULL);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, edit->id);
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, number);
      json_builder_set_member_name (builder, "address");
      json_builder_add_string_value (builder, address != NULL ? address : "");
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, ed_elector_status_to_string (edit->status));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return;
    }
  /* Translators: "Added" or "Moved", then the new elector number, the name and the address */
  g_print (_("%s %s: %s, %s\n"), verb, number, g_strstrip (name),
           address != NULL && address[0] != '\0' ? address : _("Other elector: no address"));
  g_print (_("The addition is listed on the next notice of alteration.\n"));
}

static int
register_add (EdContext     *context,
              const Options *options)
{
  g_autoptr(EdElectorEdit) edit = ed_elector_edit_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *district = NULL;
  g_autofree char *property = NULL;
  GError *error = NULL;
  gboolean any;
  GDate day;

  if (!determination_day (options, &day, &error))
    return ed_command_fail (error);
  district = ed_register_find_polling_district (context, options->district, &error);
  if (district == NULL)
    return fail_option ("--district", error);

  if (options->address_of != NULL)
    {
      g_autofree char *neighbour = ed_register_find_elector (context, options->address_of,
                                                             &error);
      g_autoptr(EdElectorEdit) loaded = NULL;

      if (neighbour == NULL)
        return fail_option ("--address-of", error);
      loaded = ed_elector_edit_load (context, neighbour, &error);
      if (loaded == NULL)
        return ed_command_fail (error);
      if (loaded->property[0] == '\0')
        {
          g_printerr (_("electoral-desk-cli: --address-of: %s is an Other elector, with no "
                        "address; give an elector number at the address.\n"),
                      options->address_of);
          return ED_COMMAND_EXIT_ERROR;
        }
      property = g_strdup (loaded->property);
    }
  else if (options->uprn != NULL)
    {
      property = ed_register_find_property_by_uprn (context, options->uprn, &error);
      if (property == NULL)
        return fail_option ("--uprn", error);
    }

  if (property != NULL)
    {
      g_autofree char *code = NULL;

      if (!ed_elector_edit_prefill_property (edit, context, property, &error))
        return ed_command_fail (error);
      if (!g_str_equal (edit->polling_district, district))
        {
          code = ed_register_polling_district_code (context, edit->polling_district, &error);
          if (code == NULL)
            return ed_command_fail (error);
          g_printerr (_("electoral-desk-cli: --district: the address is in polling district "
                        "%s, not %s.\n"), code, options->district);
          return ED_COMMAND_EXIT_ERROR;
        }
    }
  else
    {
      g_free (edit->polling_district);
      edit->polling_district = g_strdup (district);
      edit->other_elector = options->other_elector;
      set_new_address (options, &edit->new_address);
    }

  if (!apply_fields (options, edit, &any, &error))
    return ed_command_fail (error);
  problems = ed_elector_edit_validate (context, edit, NULL, &day);
  if (problems->len > 0)
    return fail_problems (problems);
  if (!ed_elector_edit_add (context, edit, &day, &error))
    return ed_command_fail (error);
  print_entry (_("Added"), context, edit, options->json);
  return ED_COMMAND_EXIT_OK;
}

static int
register_amend (EdContext     *context,
                const char    *number,
                const Options *options)
{
  g_autoptr(EdElectorEdit) stored = NULL;
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *id = NULL;
  g_autofree char *changes = NULL;
  GError *error = NULL;
  gboolean any;
  GDate day;

  if (!determination_day (options, &day, &error))
    return ed_command_fail (error);
  id = ed_register_find_elector (context, number, &error);
  if (id == NULL)
    return ed_command_fail (error);
  stored = ed_elector_edit_load (context, id, &error);
  if (stored == NULL)
    return ed_command_fail (error);
  edit = ed_elector_edit_copy (stored);
  if (!apply_fields (options, edit, &any, &error))
    return ed_command_fail (error);
  problems = ed_elector_edit_validate (context, edit, stored, &day);
  if (problems->len > 0)
    return fail_problems (problems);
  changes = ed_elector_edit_describe_changes (stored, edit);
  if (!ed_elector_edit_amend (context, edit, &day, &error))
    return ed_command_fail (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "changes");
      json_builder_add_string_value (builder, changes);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
    }
  else if (changes[0] == '\0')
    g_print (_("Nothing changed: %s already holds those values.\n"), number);
  else
    /* Translators: the elector number, then the changes ("Surname: Smith → Jones") */
    g_print (_("Amended %s: %s\n"), number, changes);
  return ED_COMMAND_EXIT_OK;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
print_reasons (void)
{
  g_printerr (_("Reasons:\n"));
  for (EdDeletionReason r = 0; r < ED_N_DELETION_REASONS; r++)
    g_printerr ("  %-18s %s\n", ed_deletion_reason_to_string (r),
                ed_deletion_reason_get_display_name (r));
}

static int
register_delete (EdContext     *context,
                 const char    *number,
                 const Options *options)
{
  g_autoptr(EdElectorEdit) stored = NULL;
  g_autofree char *id = NULL;
  GError *error = NULL;
  EdDeletionReason reason;
  GDate day;

  if (!ed_deletion_reason_from_string (options->reason, &reason, NULL))
    {
      g_printerr (_("electoral-desk-cli: --reason: “%s” is not a reason for a deletion.\n"),
                  options->reason);
      print_reasons ();
      return ED_COMMAND_EXIT_ERROR;
    }
  if (reason == ED_DELETION_OTHER && is_blank (options->other_reason))
    {
      g_printerr (_("electoral-desk-cli: --other-reason: say why the entry is deleted.\n"));
      return ED_COMMAND_EXIT_ERROR;
    }
  if (!determination_day (options, &day, &error))
    return ed_command_fail (error);
  id = ed_register_find_elector (context, number, &error);
  if (id == NULL)
    return ed_command_fail (error);
  stored = ed_elector_edit_load (context, id, &error);
  if (stored == NULL)
    return ed_command_fail (error);
  if (!ed_elector_delete (context, id, reason, options->other_reason, &day, &error))
    return ed_command_fail (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "removed_at_once");
      json_builder_add_boolean_value (builder,
                                      stored->status == ED_ELECTOR_STATUS_PENDING_ADDITION);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
    }
  else if (stored->status == ED_ELECTOR_STATUS_PENDING_ADDITION)
    g_print (_("Deleted %s: its addition was not published yet, so the entry is removed at "
               "once.\n"), number);
  else
    g_print (_("Deleted %s: the entry goes when the next notice of alteration is "
               "published.\n"), number);
  /* The row is gone or pending: either way the number is not reused before the revision. */
  return ED_COMMAND_EXIT_OK;
}

static int
register_move (EdContext     *context,
               const char    *number,
               const Options *options)
{
  g_autoptr(EdElectorMove) move = NULL;
  g_autoptr(EdElectorEdit) moved = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *id = NULL;
  GError *error = NULL;
  GDate day;

  if (!determination_day (options, &day, &error))
    return ed_command_fail (error);
  id = ed_register_find_elector (context, number, &error);
  if (id == NULL)
    return ed_command_fail (error);
  move = ed_elector_move_new (id);
  if (options->to != NULL)
    {
      g_free (move->to_property);
      move->to_property = ed_register_find_address (context, options->to, &error);
      if (move->to_property == NULL)
        return fail_option ("--to", error);
    }
  else
    {
      set_new_address (options, &move->new_address);
      if (options->district != NULL)
        {
          g_free (move->polling_district);
          move->polling_district = ed_register_find_polling_district (context,
                                                                      options->district,
                                                                      &error);
          if (move->polling_district == NULL)
            return fail_option ("--district", error);
        }
    }

  problems = ed_elector_move_validate (context, move, &day, &error);
  if (problems == NULL)
    return ed_command_fail (error);
  if (problems->len > 0)
    return fail_problems (problems);
  moved = ed_elector_move (context, move, &day, &error);
  if (moved == NULL)
    return ed_command_fail (error);
  if (!options->json)
    g_print (_("%s is deleted at the old address when the next notice of alteration is "
               "published.\n"), number);
  print_entry (_("Moved to"), context, moved, options->json);
  return ED_COMMAND_EXIT_OK;
}

/* The options each action takes besides the person's fields. */
static gboolean
check_options (const char     *action,
               const Options  *options,
               gboolean        any_field,
               char          **out_message)
{
  gboolean add = g_str_equal (action, "add");
  gboolean move = g_str_equal (action, "move");
  gboolean amend = g_str_equal (action, "amend");
  gboolean delete = g_str_equal (action, "delete");
  guint where = (options->address_of != NULL) + (options->uprn != NULL) +
                (options->other_elector != FALSE) + (has_new_address (options) != FALSE);

  if ((delete || move) && any_field)
    *out_message = g_strdup_printf (_("“register %s” changes no name or other field: use "
                                      "“register amend”"), action);
  else if (!add && (options->address_of != NULL || options->uprn != NULL ||
                    options->other_elector))
    *out_message = g_strdup_printf (_("--address-of, --uprn and --other-elector are for "
                                      "“register add”; an elector who moves: “register move "
                                      "NUMBER --to …”"));
  else if (!add && !move && (has_new_address (options) || options->district != NULL))
    *out_message = g_strdup (_("An elector who moves is moved with “register move NUMBER "
                               "--to …”, or to a new address with --property, --street, "
                               "--town and --postcode"));
  else if (!move && options->to != NULL)
    *out_message = g_strdup (_("--to is for “register move”"));
  else if (!delete && (options->reason != NULL || options->other_reason != NULL))
    *out_message = g_strdup (_("--reason is for “register delete”"));
  else if (add && options->district == NULL)
    *out_message = g_strdup (_("Usage: register add --district CODE --surname S "
                               "[--forenames F …] --address-of NUMBER | --uprn U | "
                               "--property P --street S --town T --postcode PC | "
                               "--other-elector"));
  else if (add && where != 1)
    *out_message = g_strdup (_("Say where the elector lives, once: --address-of NUMBER, "
                               "--uprn U, a new address (--property, --street, --town, "
                               "--postcode) or --other-elector"));
  else if (amend && !any_field)
    *out_message = g_strdup (_("Say what to change: --surname, --forenames, --title, "
                               "--marker, --attainer-date, --absent-vote, --absent-vote-ends, "
                               "--proxy-name, --proxy-address, --anonymous, "
                               "--open-register-opt-out or --language"));
  else if (delete && options->reason == NULL)
    *out_message = g_strdup (_("Usage: register delete NUMBER --reason moved|died|"
                               "objection_upheld|duplicate|other [--other-reason TEXT]"));
  else if (move && (options->to != NULL) == has_new_address (options))
    *out_message = g_strdup (_("Say where the elector moves to, once: --to NUMBER (an "
                               "elector at the address), --to UPRN, or a new address "
                               "(--property, --street, --town, --postcode)"));
  else if (move && options->to != NULL && options->district != NULL)
    *out_message = g_strdup (_("--district is for a new address: an address in the register "
                               "is in its own polling district"));
  else
    return TRUE;
  return FALSE;
}

int
_ed_register_command_edit (const EdCommandGlobals *globals,
                           int                     argc,
                           char                  **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElectorEdit) scratch = ed_elector_edit_new ();
  g_auto(Options) options = { 0 };
  g_autofree char *message = NULL;
  GError *error = NULL;
  g_autofree char *action = NULL;
  gboolean any_field = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &options.title, N_("Title"), N_("TEXT") },
    { "forenames", 0, 0, G_OPTION_ARG_STRING, &options.forenames, N_("Forenames"),
      N_("TEXT") },
    { "surname", 0, 0, G_OPTION_ARG_STRING, &options.surname, N_("Surname"), N_("TEXT") },
    { "marker", 0, 0, G_OPTION_ARG_STRING, &options.marker,
      N_("Franchise marker letter, or \"\" for none"), N_("LETTER") },
    { "attainer-date", 0, 0, G_OPTION_ARG_STRING, &options.attainer_date,
      N_("The day an attainer reaches voting age, or \"\""), N_("DATE") },
    { "open-register-opt-out", 0, 0, G_OPTION_ARG_STRING, &options.open_register_opt_out,
      N_("Left out of the open register: yes or no"), N_("YES|NO") },
    { "absent-vote", 0, 0, G_OPTION_ARG_STRING, &options.absent_vote,
      N_("none, postal, proxy or postal-proxy"), N_("KIND") },
    { "absent-vote-ends", 0, 0, G_OPTION_ARG_STRING, &options.absent_vote_ends,
      N_("The day the absent vote ends, or \"\""), N_("DATE") },
    { "proxy-name", 0, 0, G_OPTION_ARG_STRING, &options.proxy_name, N_("Proxy name"),
      N_("TEXT") },
    { "proxy-address", 0, 0, G_OPTION_ARG_STRING, &options.proxy_address,
      N_("Proxy address"), N_("TEXT") },
    { "anonymous", 0, 0, G_OPTION_ARG_STRING, &options.anonymous,
      N_("An anonymous entry: yes or no"), N_("YES|NO") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &options.language,
      N_("The language of letters: english or welsh"), N_("LANGUAGE") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &options.district,
      N_("With add, or move to a new address: the polling district’s code"), N_("CODE") },
    { "address-of", 0, 0, G_OPTION_ARG_STRING, &options.address_of,
      N_("With add: at the address of this elector"), N_("NUMBER") },
    { "uprn", 0, 0, G_OPTION_ARG_STRING, &options.uprn,
      N_("With add: at the address with this UPRN"), "UPRN" },
    { "other-elector", 0, 0, G_OPTION_ARG_NONE, &options.other_elector,
      N_("With add: an Other elector, with no address"), NULL },
    { "property", 0, 0, G_OPTION_ARG_STRING, &options.property,
      N_("With add or move, a new address: the house number, name or flat"), N_("TEXT") },
    { "street", 0, 0, G_OPTION_ARG_STRING, &options.street, N_("A new address: the street"),
      N_("TEXT") },
    { "locality", 0, 0, G_OPTION_ARG_STRING, &options.locality,
      N_("A new address: the locality"), N_("TEXT") },
    { "town", 0, 0, G_OPTION_ARG_STRING, &options.town, N_("A new address: the post town"),
      N_("TEXT") },
    { "postcode", 0, 0, G_OPTION_ARG_STRING, &options.postcode,
      N_("A new address: the postcode"), N_("POSTCODE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to,
      N_("With move: an elector number at the new address, or its UPRN"), N_("NUMBER|UPRN") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &options.reason,
      N_("With delete: moved, died, objection_upheld, duplicate or other"), N_("REASON") },
    { "other-reason", 0, 0, G_OPTION_ARG_STRING, &options.other_reason,
      N_("With delete --reason other: the reason in words"), N_("TEXT") },
    { "determined-on", 0, 0, G_OPTION_ARG_STRING, &options.determined_on,
      N_("The day the change was determined (default today)"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print JSON"), NULL },
    { NULL }
  };

  action = g_strdup (argv[1]);
  option_context = g_option_context_new (_("add | amend NUMBER | delete NUMBER | "
                                           "move NUMBER"));
  g_option_context_set_summary (option_context,
                                _("Change the register as the elector editor does. “add” adds "
                                  "an elector with the next elector number (or the address’s "
                                  "number with the next suffix); “amend” changes the fields "
                                  "given; “delete” deletes an entry with a reason; “move” "
                                  "moves an elector to another address in the district, as a "
                                  "deletion at the old address and an addition at the new. "
                                  "Each is recorded for the next notice of alteration."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "register", &argc, &argv, &status))
    return status;

  if (!apply_fields (&options, scratch, &any_field, &error))
    return ed_command_fail (error);
  if (g_str_equal (action, "add") ? argc != 2 : argc != 3)
    return ed_command_usage ("register",
                             g_str_equal (action, "add")
                               ? _("“register add” takes no arguments but its options")
                               : _("Usage: register %s NUMBER [OPTION…]"),
                             action);
  if (!check_options (action, &options, any_field, &message))
    return ed_command_usage ("register", "%s", message);

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);

  if (g_str_equal (action, "add"))
    return register_add (context, &options);
  if (g_str_equal (action, "amend"))
    return register_amend (context, argv[2], &options);
  if (g_str_equal (action, "delete"))
    return register_delete (context, argv[2], &options);
  return register_move (context, argv[2], &options);
}
