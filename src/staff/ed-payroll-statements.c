/* ed-payroll-statements.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fee statements (issue 16 item 5): for each person an election's approved runs paid, a page
 * (or more) saying what they were paid for, line by line, what it came to, what of it is
 * taxed, and how: election duties are taxable pay with no Class 1 National Insurance,
 * registration duties normal pay (DOMAIN.md §4.4). A correction shows as it stands in the
 * ledger, the reversed line and its replacement, so that the statement agrees with the
 * payroll. A statement goes by post: the National Insurance number is masked, its last
 * digits and letter enough for the person to know it is theirs. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-date.h"
#include "core/ed-ni-number.h"
#include "district/ed-district-settings.h"
#include "staff/ed-payroll-private.h"
#include "staff/ed-payroll-statements.h"

static const double column_widths[] = { 0.13, 0.39, 0.14, 0.12, 0.12, 0.10 };

/* "06/05/2027": short enough for a column, and how the UK writes a date in figures. */
static char *
format_day (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("");
  /* Translators: a date in figures: day, month, year */
  return g_strdup_printf (C_("short date", "%02u/%02u/%u"), (guint)g_date_get_day (date),
                          (guint)g_date_get_month (date), (guint)g_date_get_year (date));
}

static void
add_line_row (EdDocument          *document,
              const EdPayrollLine *line)
{
  g_autofree char *date = format_day (&line->work_date);
  g_autofree char *quantity = ed_payroll_line_format_quantity (line);
  g_autofree char *rate = line->quantity != 0 ? ed_money_format (line->rate) : g_strdup ("");
  g_autofree char *amount = ed_money_format (line->amount);
  g_autofree char *what = NULL;
  const char *element = ed_pay_element_get_display_name (line->element);
  const char *cells[6];

  if (*line->reverses != '\0')
    /* Translators: a line of pay taken back; an element ("Fee"), then what it was for */
    what = g_strdup_printf (_("Correction, taking back: %s: %s"), element, line->description);
  else if (*line->description != '\0')
    /* Translators: an element of pay ("Mileage"), then what it was for */
    what = g_strdup_printf (_("%s: %s"), element, line->description);
  else
    what = g_strdup (element);

  cells[0] = date;
  cells[1] = what;
  cells[2] = quantity;
  cells[3] = rate;
  cells[4] = amount;
  cells[5] = line->taxable ? _("Yes") : _("No");
  ed_document_add_row (document, cells);
}

static void
add_person (EdDocument      *document,
            EdPayroll       *payroll,
            EdPayrollPerson *person,
            GPtrArray       *lines)
{
  const char *headings[] = {
    _("Date"), _("For"), _("Quantity"), _("Rate"), _("Amount"), _("Taxable"),
  };
  g_autofree char *name = ed_payroll_person_get_name (person);
  g_autofree char *address = NULL;
  g_autofree char *ni = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *poll = ed_date_format_long (&payroll->election->poll);
  g_autofree char *about = NULL;
  g_autofree char *gross = ed_money_format (person->approved.gross);
  g_autofree char *taxable = ed_money_format (person->approved.taxable);
  g_autofree char *non_taxable = ed_money_format (person->approved.non_taxable);
  g_autofree char *totals = NULL;
  gboolean election = FALSE, registration = FALSE;

  ed_document_add_heading (document, 1, name);
  if (*person->address != '\0' || *person->postcode != '\0')
    {
      address = *person->postcode != '\0'
                  ? g_strdup_printf ("%s\n%s", person->address, person->postcode)
                  : g_strdup (person->address);
      ed_document_add_paragraph (document, g_strstrip (address));
    }

  if (*person->ni_number != '\0' && strlen (person->ni_number) == 9)
    ni = ed_ni_number_mask (person->ni_number);
  reference = g_strdup_printf (
    /* Translators: the payroll's reference for a person, then their National Insurance
     * number with all but its end hidden */
    _("Payroll reference: %s\nNational Insurance number: %s"),
    *person->payroll_reference != '\0' ? person->payroll_reference : _("none given"),
    ni != NULL ? ni : _("none given"));
  ed_document_add_paragraph (document, reference);

  /* Translators: a polling day, then the election's title, which is often the name of
   * the council elected ("Ashmere Vale District Council") */
  about = g_strdup_printf (_("Your fees and expenses for the poll of %s (%s), as approved for "
                             "payment through the council’s payroll."),
                           poll, payroll->election->title);
  ed_document_add_paragraph (document, about);

  ed_document_set_columns (document, headings, column_widths, G_N_ELEMENTS (headings));
  for (guint i = 0; i < lines->len; i++)
    add_line_row (document, g_ptr_array_index (lines, i));

  /* Translators: three amounts of money */
  totals = g_strdup_printf (_("Total: %s\nTaxable pay: %s\nNot taxable: %s"), gross, taxable,
                            non_taxable);
  ed_document_add_paragraph (document, totals);

  for (guint i = 0; i < lines->len; i++)
    {
      const EdPayrollLine *line = g_ptr_array_index (lines, i);

      election |= line->nic_category == ED_NIC_ELECTION;
      registration |= line->nic_category == ED_NIC_REGISTRATION;
    }
  if (election)
    ed_document_add_paragraph (
      document,
      _("Fees for election duties are taxable pay: tax is deducted through PAYE, but no Class 1 "
        "National Insurance contributions are due on them."));
  if (registration)
    ed_document_add_paragraph (
      document,
      _("Pay for registration duties, such as canvassing, is taxable pay on which National "
        "Insurance contributions are due as on any other pay."));
  if (person->approved.non_taxable != 0)
    ed_document_add_paragraph (
      document,
      _("Mileage for business journeys at HMRC’s approved rates, and expenses with a receipt, "
        "repay what you spent and are not taxed."));
}

/**
 * ed_payroll_statements_document:
 * @context: the district
 * @election_id: the election's id or row id
 * @out_n_people: (out) (optional): how many statements it holds
 * @error: return location for an error
 *
 * Lays out the fee statement of each person the election's approved runs paid, each from a
 * new page, in the order of their names.
 *
 * Returns: (transfer full): the document, or %NULL with @error set, with
 *   %ED_PAYROLL_ERROR_NOT_APPROVED when no run has been approved
 */
EdDocument *
ed_payroll_statements_document (EdContext   *context,
                                const char  *election_id,
                                guint       *out_n_people,
                                GError     **error)
{
  EdDistrictSettings *settings;
  g_autoptr(EdPayroll) payroll = NULL;
  g_autoptr(GHashTable) by_person = NULL;
  g_autofree char *officer = NULL;
  const char *ro;
  EdDocument *document;
  guint n_people = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election_id != NULL, NULL);

  if ((payroll = _ed_payroll_load_for_export (context, election_id, error)) == NULL)
    return NULL;

  settings = ed_context_get_settings (context);
  ro = ed_district_settings_get (settings, "ro-name");
  if (ro != NULL && *ro != '\0')
    /* Translators: %s is the returning officer's name */
    officer = g_strdup_printf (_("Returning Officer: %s"), ro);
  document = ed_document_new (ed_district_settings_get_council_name (settings), officer,
                              _("Fee Statement"));
  ed_document_set_subtitle (document, payroll->election->title);

  by_person = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < payroll->ledger->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (payroll->ledger, i);
      GPtrArray *lines = g_hash_table_lookup (by_person, line->person);

      if (lines == NULL)
        g_hash_table_insert (by_person, line->person, (lines = g_ptr_array_new ()));
      g_ptr_array_add (lines, line);
    }
  for (guint p = 0; p < payroll->people->len; p++)
    {
      EdPayrollPerson *person = g_ptr_array_index (payroll->people, p);
      GPtrArray *lines = g_hash_table_lookup (by_person, person);

      if (lines == NULL)
        continue;
      add_person (document, payroll, person, lines);
      n_people++;
    }
  if (out_n_people != NULL)
    *out_n_people = n_people;
  return document;
}

/**
 * ed_payroll_statements_pdf:
 * @context: the district
 * @election_id: the election's id or row id
 * @path: the PDF to write, whole or not at all (ed-output-file.h)
 * @error: return location for an error
 *
 * Writes ed_payroll_statements_document() as a PDF.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ed_payroll_statements_pdf (EdContext   *context,
                           const char  *election_id,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(EdDocument) document = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((document = ed_payroll_statements_document (context, election_id, NULL, error)) == NULL)
    return FALSE;
  return ed_document_write_pdf (document, path, error);
}
