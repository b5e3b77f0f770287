/* ed-staff-command-payroll.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli payroll run, approve, export, statements and mapping: an election's
 * payroll from the command line (issue 16 item 6). The staff module's command answers to
 * `payroll` as well (its row's other_commands), and ed-staff-command.c sends it here. Money
 * is printed as £1,234.56 and written in pence in JSON. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "staff/ed-payroll.h"
#include "staff/ed-payroll-export.h"
#include "staff/ed-payroll-mapping.h"
#include "staff/ed-payroll-statements.h"
#include "staff/ed-staff-command-private.h"

/* JSON ----------------------------------------------------------------------------------------- */

static void
json_add_totals (JsonBuilder           *builder,
                 const char            *name,
                 const EdPayrollTotals *totals)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  ed_command_json_add_int (builder, "lines", totals->n_lines);
  ed_command_json_add_int (builder, "gross", totals->gross);
  ed_command_json_add_int (builder, "taxable", totals->taxable);
  ed_command_json_add_int (builder, "non_taxable", totals->non_taxable);
  json_builder_set_member_name (builder, "nic_categories");
  json_builder_begin_object (builder);
  for (guint c = 0; c < ED_N_NIC_CATEGORIES; c++)
    ed_command_json_add_int (builder, ed_nic_category_to_string (c), totals->nic[c]);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "cost_heads");
  json_builder_begin_object (builder);
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    if (totals->cost_heads[h] != 0)
      ed_command_json_add_int (builder, ed_cost_head_to_string (h), totals->cost_heads[h]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
json_add_line (JsonBuilder         *builder,
               const EdPayrollLine *line)
{
  g_autofree char *work_date = ed_date_format_iso (&line->work_date);

  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "state", ed_payroll_line_state_to_string (line->state));
  ed_command_json_add_string (builder, "id", line->id != NULL ? line->id : "");
  ed_command_json_add_string (builder, "run", line->run != NULL ? line->run : "");
  ed_command_json_add_string (builder, "appointment", line->appointment);
  ed_command_json_add_string (builder, "element", ed_pay_element_to_string (line->element));
  ed_command_json_add_string (builder, "description", line->description);
  ed_command_json_add_string (builder, "work_date", work_date);
  ed_command_json_add_int (builder, "quantity", line->quantity);
  ed_command_json_add_int (builder, "rate", line->rate);
  ed_command_json_add_int (builder, "amount", line->amount);
  ed_command_json_add_boolean (builder, "taxable", line->taxable);
  ed_command_json_add_string (builder, "nic_category",
                              ed_nic_category_to_string (line->nic_category));
  ed_command_json_add_string (builder, "cost_head", ed_cost_head_to_string (line->cost_head));
  ed_command_json_add_string (builder, "reverses", line->reverses);
  json_builder_end_object (builder);
}

static void
print_run_json (EdPayroll *payroll)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *poll = ed_date_format_iso (&payroll->election->poll);
  guint l = 0, r = 0;

  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "election", payroll->election->slug);
  ed_command_json_add_string (builder, "title", payroll->election->title);
  ed_command_json_add_string (builder, "poll_date", poll);
  ed_command_json_add_boolean (builder, "combined", payroll->combined);
  json_builder_set_member_name (builder, "runs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < payroll->runs->len; i++)
    {
      EdPayrollRun *run = g_ptr_array_index (payroll->runs, i);
      g_autofree char *approved_on = ed_date_format_iso (&run->approved_on);

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "id", run->id);
      ed_command_json_add_string (builder, "approved_on", approved_on);
      ed_command_json_add_string (builder, "approved_by", run->approved_by);
      ed_command_json_add_int (builder, "lines", run->n_lines);
      ed_command_json_add_int (builder, "total", run->total);
      ed_command_json_add_string (builder, "digest", run->digest);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint p = 0; p < payroll->people->len; p++)
    {
      EdPayrollPerson *person = g_ptr_array_index (payroll->people, p);
      g_autofree char *name = ed_payroll_person_get_sort_name (person);

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "id", person->id);
      ed_command_json_add_string (builder, "name", name);
      ed_command_json_add_string (builder, "payroll_reference", person->payroll_reference);
      json_add_totals (builder, "total", &person->total);
      json_add_totals (builder, "pending", &person->pending);
      json_add_totals (builder, "approved", &person->approved);
      /* Both lists are person by person, in the people's order. */
      json_builder_set_member_name (builder, "lines");
      json_builder_begin_array (builder);
      for (; l < payroll->lines->len &&
             ((EdPayrollLine *)g_ptr_array_index (payroll->lines, l))->person == person; l++)
        json_add_line (builder, g_ptr_array_index (payroll->lines, l));
      for (; r < payroll->reversals->len &&
             ((EdPayrollLine *)g_ptr_array_index (payroll->reversals, r))->person == person; r++)
        json_add_line (builder, g_ptr_array_index (payroll->reversals, r));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_add_totals (builder, "total", &payroll->total);
  json_add_totals (builder, "pending", &payroll->pending_total);
  json_add_totals (builder, "approved", &payroll->approved);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

/* Text ----------------------------------------------------------------------------------------- */

static const char *
state_label (EdPayrollLineState state)
{
  switch (state)
    {
    case ED_PAYROLL_LINE_PAID:
      /* Translators: a line of pay that an approved run has paid; keep it short */
      return C_("pay line", "paid");
    case ED_PAYROLL_LINE_NEW:
      /* Translators: a line of pay not yet approved; keep it short */
      return C_("pay line", "new");
    case ED_PAYROLL_LINE_REVERSAL:
      /* Translators: a line taking back an approved line; keep it short */
      return C_("pay line", "reversal");
    case ED_PAYROLL_LINE_APPROVED:
    default:
      /* Translators: a line of an approved run; keep it short */
      return C_("pay line", "approved");
    }
}

static void
print_line (const EdPayrollLine *line)
{
  g_autofree char *quantity = ed_payroll_line_format_quantity (line);
  g_autofree char *rate = line->quantity != 0 ? ed_money_format (line->rate) : g_strdup ("");
  g_autofree char *amount = ed_money_format (line->amount);
  g_autofree char *date = ed_date_format_iso (&line->work_date);
  g_autofree char *what = *line->description != '\0'
                            ? g_strdup_printf ("%s: %s",
                                               ed_pay_element_get_display_name (line->element),
                                               line->description)
                            : g_strdup (ed_pay_element_get_display_name (line->element));

  g_print ("  %-9s %s  %-44s %16s %9s %11s  %s\n", state_label (line->state), date, what,
           quantity, rate, amount, line->taxable ? _("taxable") : _("not taxable"));
}

/* "£346.48 (taxable £340.28, not taxable £6.20)" */
static char *
format_totals (const EdPayrollTotals *totals)
{
  g_autofree char *gross = ed_money_format (totals->gross);
  g_autofree char *taxable = ed_money_format (totals->taxable);
  g_autofree char *non_taxable = ed_money_format (totals->non_taxable);
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: three amounts of money */
  g_string_printf (text, _("%s (taxable %s, not taxable %s"), gross, taxable, non_taxable);
  for (guint c = 0; c < ED_N_NIC_CATEGORIES; c++)
    if (totals->nic[c] != 0)
      {
        g_autofree char *amount = ed_money_format (totals->nic[c]);

        g_string_append_printf (text, "; %s %s", ed_nic_category_get_display_name (c), amount);
      }
  g_string_append (text, ")");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
print_run_text (EdPayroll *payroll)
{
  g_autofree char *poll = ed_date_format_long (&payroll->election->poll);
  g_autofree char *total = format_totals (&payroll->total);
  g_autofree char *pending = ed_money_format (payroll->pending_total.gross);
  guint l = 0, r = 0;

  g_print ("%s — %s\n", payroll->election->slug, payroll->election->title);
  if (payroll->combined)
    /* Translators: %s is a date */
    g_print (_("Polling day %s, a combined poll\n"), poll);
  else
    /* Translators: %s is a date */
    g_print (_("Polling day %s\n"), poll);
  g_print (ngettext ("%u run approved\n", "%u runs approved\n", payroll->runs->len),
           payroll->runs->len);

  for (guint p = 0; p < payroll->people->len; p++)
    {
      EdPayrollPerson *person = g_ptr_array_index (payroll->people, p);
      g_autofree char *name = ed_payroll_person_get_sort_name (person);
      g_autofree char *person_total = format_totals (&person->total);
      g_autofree char *person_pending = ed_money_format (person->pending.gross);

      g_print ("\n%s%s%s\n", name, *person->payroll_reference != '\0' ? " · " : "",
               person->payroll_reference);
      for (; l < payroll->lines->len &&
             ((EdPayrollLine *)g_ptr_array_index (payroll->lines, l))->person == person; l++)
        print_line (g_ptr_array_index (payroll->lines, l));
      for (; r < payroll->reversals->len &&
             ((EdPayrollLine *)g_ptr_array_index (payroll->reversals, r))->person == person; r++)
        print_line (g_ptr_array_index (payroll->reversals, r));
      /* Translators: what a person is due in all, then what the next approval writes */
      g_print (_("  Total %s · pending %s\n"), person_total, person_pending);
    }

  g_print ("\n%s\n", _("By cost head:"));
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    if (payroll->total.cost_heads[h] != 0 || payroll->pending_total.cost_heads[h] != 0)
      {
        g_autofree char *amount = ed_money_format (payroll->total.cost_heads[h]);
        g_autofree char *head_pending = ed_money_format (payroll->pending_total.cost_heads[h]);

        /* Translators: a cost head, an amount, then the amount of it pending */
        g_print (_("  %-36s %12s · pending %s\n"), ed_cost_head_get_display_name (h), amount,
                 head_pending);
      }
  /* Translators: what the payroll comes to, with its taxable and untaxed parts */
  g_print (_("\nTotal %s\n"), total);
  if (payroll->pending->len == 0)
    g_print ("%s\n", _("Nothing pending: every line is approved."));
  else
    g_print (ngettext ("Pending: %u line, %s, which “payroll approve” writes.\n",
                       "Pending: %u lines, %s, which “payroll approve” writes.\n",
                       payroll->pending->len),
             payroll->pending->len, pending);
}

/* Actions --------------------------------------------------------------------------------------- */

static gboolean
needs_election (const char *election_id,
                const char *usage,
                int        *out_status)
{
  if (election_id != NULL)
    return TRUE;
  /* Translators: %s is the command as it should be typed */
  *out_status = ed_command_usage (usage, _("Say which election: %s --election ID"), usage);
  return FALSE;
}

static int
payroll_run (const EdCommandGlobals  *globals,
             int                      argc,
             char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdPayroll) payroll = NULL;
  g_autofree char *election_id = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the payroll as JSON, money in pence"),
      NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Works out an election’s payroll from its attended "
                                  "appointments and sets it against what was approved: each "
                                  "person’s lines, paid, new or reversed, and the totals per "
                                  "person and per cost head. Changes nothing."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "payroll run", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("payroll run", _("“payroll run” takes no arguments besides its "
                                              "options"));
  if (!needs_election (election_id, "payroll run", &status))
    return status;

  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (payroll = ed_payroll_compute (context, election_id, &error)) == NULL)
    return ed_command_fail (error);
  if (json)
    print_run_json (payroll);
  else
    print_run_text (payroll);
  return ED_COMMAND_EXIT_OK;
}

static int
payroll_approve (const EdCommandGlobals  *globals,
                 int                      argc,
                 char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdPayroll) payroll = NULL;
  g_autofree char *election_id = NULL;
  g_autofree char *by = NULL;
  g_autofree char *run_id = NULL;
  g_autofree char *total = NULL;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Who approves it (the desk’s user when not given)"), N_("NAME") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Approves what is pending in an election’s payroll as a new "
                                  "run: its new lines and the reversals of approved lines "
                                  "that no longer stand. Approved lines are never changed: a "
                                  "correction is a reversing line in a later run."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "payroll approve", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("payroll approve",
                             _("“payroll approve” takes no arguments besides its options"));
  if (!needs_election (election_id, "payroll approve", &status))
    return status;

  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      !ed_payroll_approve (context, election_id, by, &run_id, &error) ||
      (payroll = ed_payroll_load_approved (context, election_id, &error)) == NULL)
    return ed_command_fail (error);
  for (guint i = 0; i < payroll->runs->len; i++)
    {
      EdPayrollRun *run = g_ptr_array_index (payroll->runs, i);

      if (!g_str_equal (run->id, run_id))
        continue;
      total = ed_money_format (run->total);
      g_print (ngettext ("Approved run %s of %s: %u line, %s.\n",
                         "Approved run %s of %s: %u lines, %s.\n", run->n_lines),
               run->id, payroll->election->slug, run->n_lines, total);
    }
  return ED_COMMAND_EXIT_OK;
}

/* What is pending, said on stderr: an export or statements are of what was approved. */
static void
warn_if_pending (EdContext  *context,
                 const char *election_id)
{
  g_autoptr(EdPayroll) payroll = ed_payroll_compute (context, election_id, NULL);

  if (payroll != NULL && payroll->pending->len > 0)
    g_printerr (ngettext ("Note: %u line of the payroll is not approved yet, and is not in it.\n",
                          "Note: %u lines of the payroll are not approved yet, and are not in "
                          "it.\n", payroll->pending->len),
                payroll->pending->len);
}

static int
payroll_export (const EdCommandGlobals  *globals,
                int                      argc,
                char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdPayroll) payroll = NULL;
  g_autofree char *election_id = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *run = NULL;
  guint64 run_number = 0;
  gboolean xlsx;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: .csv for the payroll, .xlsx for a workbook"), N_("FILE") },
    { "run", 0, 0, G_OPTION_ARG_STRING, &run,
      N_("Which approved run goes in the CSV: its number, counting the first as 1, or “all”; "
         "the latest by default"),
      N_("N") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Writes an election’s approved pay lines: as CSV for the "
                                  "council’s payroll to import, with the headings and codes of "
                                  "“payroll mapping”, or as an XLSX workbook with the totals of "
                                  "each person and each cost head."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "payroll export", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("payroll export",
                             _("“payroll export” takes no arguments besides its options"));
  if (!needs_election (election_id, "payroll export", &status))
    return status;
  if (output == NULL)
    return ed_command_usage ("payroll export",
                             _("Say where to write: payroll export --election ID -o FILE.csv"));
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".xlsx"))
    return ed_command_usage ("payroll export",
                             _("The file’s name must end in .csv or .xlsx, which says what to "
                               "write"));
  xlsx = g_str_has_suffix (lower, ".xlsx");
  if (run != NULL && xlsx)
    return ed_command_usage ("payroll export",
                             _("--run is for the CSV: the workbook holds every run"));
  if (run != NULL && g_strcmp0 (run, "all") != 0 &&
      (!g_ascii_string_to_unsigned (run, 10, 1, G_MAXUINT, &run_number, NULL)))
    return ed_command_usage ("payroll export",
                             _("--run takes the number of an approved run, counting the first "
                               "as 1, or “all”"));

  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (payroll = ed_payroll_load_approved (context, election_id, &error)) == NULL)
    return ed_command_fail (error);
  /* The latest run unless asked: the payroll takes each run once. */
  if (run == NULL)
    run_number = payroll->runs->len;
  if (!(xlsx ? ed_payroll_export_xlsx (context, election_id, output, &error)
             : ed_payroll_export_csv_run (context, election_id, (guint)run_number, output,
                                          &error)))
    return ed_command_fail (error);
  if (xlsx || run_number == 0)
    g_print (ngettext ("Wrote %s: %u approved line.\n", "Wrote %s: %u approved lines.\n",
                       payroll->ledger->len),
             output, payroll->ledger->len);
  else
    {
      const EdPayrollRun *written = g_ptr_array_index (payroll->runs, run_number - 1);
      g_autofree char *total = ed_money_format (written->total);

      /* Translators: "Wrote payroll.csv: run 2 of 2, 3 lines, £12.50." */
      g_print (ngettext ("Wrote %s: run %u of %u, %u line, %s.\n",
                         "Wrote %s: run %u of %u, %u lines, %s.\n", written->n_lines),
               output, (guint)run_number, payroll->runs->len, written->n_lines, total);
    }
  warn_if_pending (context, election_id);
  return ED_COMMAND_EXIT_OK;
}

static int
payroll_statements (const EdCommandGlobals  *globals,
                    int                      argc,
                    char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdDocument) document = NULL;
  g_autofree char *election_id = NULL;
  g_autofree char *output = NULL;
  GError *error = NULL;
  guint n_people = 0;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), N_("FILE") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Prints a fee statement for each person an election’s "
                                  "approved runs paid, as a PDF: each line, the totals, and "
                                  "how the pay is taxed."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "payroll statements", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("payroll statements",
                             _("“payroll statements” takes no arguments besides its options"));
  if (!needs_election (election_id, "payroll statements", &status))
    return status;
  if (output == NULL)
    return ed_command_usage ("payroll statements",
                             _("Say where to write: payroll statements --election ID -o "
                               "FILE.pdf"));

  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (document = ed_payroll_statements_document (context, election_id, &n_people,
                                                  &error)) == NULL ||
      !ed_document_write_pdf (document, output, &error))
    return ed_command_fail (error);
  g_print (ngettext ("Wrote %s: %u fee statement.\n", "Wrote %s: %u fee statements.\n",
                     n_people),
           output, n_people);
  warn_if_pending (context, election_id);
  return ED_COMMAND_EXIT_OK;
}

static int
mapping_show (EdContext *context,
              gboolean   json)
{
  g_autoptr(EdPayrollMapping) mapping = NULL;
  GError *error = NULL;

  if ((mapping = ed_payroll_mapping_load (context, &error)) == NULL)
    return ed_command_fail (error);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint k = 0; k < ED_N_PAYROLL_MAPPING_KEYS; k++)
        {
          json_builder_begin_object (builder);
          ed_command_json_add_string (builder, "key", ed_payroll_mapping_key_to_string (k));
          ed_command_json_add_string (builder, "value", mapping->values[k]);
          ed_command_json_add_string (builder, "default", ed_payroll_mapping_get_default (k));
          ed_command_json_add_boolean (builder, "set", mapping->is_set[k]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }
  for (guint k = 0; k < ED_N_PAYROLL_MAPPING_KEYS; k++)
    g_print ("%-20s %-28s %s%s\n", ed_payroll_mapping_key_to_string (k), mapping->values[k],
             ed_payroll_mapping_key_get_display_name (k),
             mapping->is_set[k] ? "" : _(" (default)"));
  return ED_COMMAND_EXIT_OK;
}

static int
payroll_mapping (const EdCommandGlobals  *globals,
                 int                      argc,
                 char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  EdPayrollMappingKey key;
  int status;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the mapping as JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("show | set KEY VALUE"));
  g_option_context_set_summary (option_context,
                                _("The headings and codes the payroll’s CSV is written with. "
                                  "“show” lists each setting, its value and whether it is the "
                                  "default; “set KEY VALUE” changes one, and an empty VALUE "
                                  "puts its default back."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "payroll mapping", &argc, &argv, &status))
    return status;

  if (argc == 2 && g_str_equal (argv[1], "show"))
    {
      if ((context = ed_command_open_existing (globals, &error)) == NULL)
        return ed_command_fail (error);
      return mapping_show (context, json);
    }
  if (argc == 4 && g_str_equal (argv[1], "set"))
    {
      if (!ed_payroll_mapping_key_from_string (argv[2], &key, NULL))
        return ed_command_usage ("payroll mapping",
                                 /* Translators: %s is what was typed */
                                 _("“%s” is not a setting of the mapping; “payroll mapping "
                                   "show” lists them"),
                                 argv[2]);
      if ((context = ed_command_open_existing (globals, &error)) == NULL ||
          !ed_payroll_mapping_set (context, key, argv[3], &error))
        return ed_command_fail (error);
      return mapping_show (context, json);
    }
  return ed_command_usage ("payroll mapping",
                           _("Say what to do: payroll mapping show, or payroll mapping set KEY "
                             "VALUE"));
}

/* In the order `payroll --help` lists them. */
static const EdStaffAction payroll_actions[] = {
  { "run", payroll_run, "--election ID [--json]",
    N_("Work out an election’s payroll and what is pending, changing nothing") },
  { "approve", payroll_approve, "--election ID [--by NAME]",
    N_("Approve what is pending as a new run of the ledger") },
  { "export", payroll_export, "--election ID -o FILE.csv|FILE.xlsx [--run N|all]",
    N_("Write the approved lines for the council’s payroll, or as a workbook") },
  { "statements", payroll_statements, "--election ID -o FILE.pdf",
    N_("Print a fee statement for each person paid") },
  { "mapping", payroll_mapping, "show [--json] | set KEY VALUE",
    N_("The headings and codes of the payroll’s CSV") },
  { NULL }
};

/**
 * _ed_staff_command_payroll:
 * @globals: the options before the command's name
 * @argc: the number of arguments, "payroll" first
 * @argv: (array length=argc): the arguments
 *
 * Runs `electoral-desk-cli payroll run|approve|export|statements|mapping …`.
 *
 * Returns: the exit status
 */
int
_ed_staff_command_payroll (const EdCommandGlobals  *globals,
                           int                      argc,
                           char                   **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_print ("%s\n  electoral-desk-cli payroll ACTION …\n\n%s\n\n", _("Usage:"),
               _("An election’s payroll: work it out, approve it as a run of the ledger, "
                 "export it and print fee statements. Each action has --help of its own."));
      for (const EdStaffAction *action = payroll_actions; action->name != NULL; action++)
        g_print ("  %s %s\n      %s\n", action->name, action->usage, _(action->summary));
      return argc < 2 ? ED_COMMAND_EXIT_USAGE : ED_COMMAND_EXIT_OK;
    }
  for (const EdStaffAction *action = payroll_actions; action->name != NULL; action++)
    if (g_str_equal (argv[1], action->name))
      return action->run (globals, argc - 1, argv + 1);
  return ed_command_usage ("payroll", _("“%s” is not an action of payroll; --help lists them"),
                           argv[1]);
}
