/* ed-payroll-export-xlsx.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The workbook of an election's approved pay (issue 16 item 5), for the elections office and
 * the finance team to check and total the run in a spreadsheet: a summary sheet, then the
 * election's sheet with a row for each line of the ledger, person by person, the totals of
 * each person and of each cost head beneath. Figures are numbers, never text: amounts in
 * pounds with a currency format, dates as dates, hours and miles as numbers. Every total is a
 * formula over the rows it adds, so a person who changes a row in their copy sees the totals
 * follow; each formula also carries the value it came to here, which is what a program that
 * does not calculate (and the test that reads the file back) sees.
 *
 * The workbook appears whole or not at all like every other file, and a full disk is said as
 * for any file, by core/ed-output-workbook.c. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "core/ed-date.h"
#include "core/ed-output-file.h"
#include "core/ed-output-workbook.h"
#include "district/ed-district-settings.h"
#include "staff/ed-payroll-export.h"
#include "staff/ed-payroll-private.h"

/* Excel's own limit on a sheet's name. */
#define SHEET_NAME_MAX 31

/* The election sheet's columns. */
enum
{
  COL_REFERENCE,
  COL_NAME,
  COL_RUN,
  COL_ELEMENT,
  COL_DESCRIPTION,
  COL_WORK_DATE,
  COL_QUANTITY,
  COL_UNIT,
  COL_RATE,
  COL_AMOUNT,
  COL_TAXABLE,
  COL_NIC,
  COL_COST_HEAD,
  N_COLS,
};

/* Where the lines are, once written: rows first_line to last_line, zero-based. */
typedef struct
{
  lxw_workbook  *workbook;
  lxw_format    *bold;
  lxw_format    *heading;
  lxw_format    *money;
  lxw_format    *money_bold;
  lxw_format    *date;
  lxw_format    *number;
  char          *sheet_name;
  guint          first_line;
  guint          last_line;
  guint          total_row;
} Workbook;

static double
pounds (EdMoney pence)
{
  /* Exact to the penny for any amount a payroll holds: pence below 2^53 are whole doubles. */
  return (double)pence / 100.0;
}

/* "J4", as Excel names a cell, from zero-based row and column; absolute with $ when asked. */
static char *
cell (guint    row,
      guint    col,
      gboolean absolute)
{
  char letters[4] = { 0, };

  g_assert (col < 26 * 27);
  if (col < 26)
    letters[0] = (char)('A' + col);
  else
    {
      letters[0] = (char)('A' + col / 26 - 1);
      letters[1] = (char)('A' + col % 26);
    }
  return absolute ? g_strdup_printf ("$%s$%u", letters, row + 1)
                  : g_strdup_printf ("%s%u", letters, row + 1);
}

/* A column of the lines, as a range for a formula, optionally on the election's sheet. */
static char *
lines_range (Workbook   *book,
             guint       col,
             guint       first,
             guint       last,
             gboolean    other_sheet)
{
  g_autofree char *from = cell (first, col, TRUE);
  g_autofree char *to = cell (last, col, TRUE);

  return other_sheet ? g_strdup_printf ("'%s'!%s:%s", book->sheet_name, from, to)
                     : g_strdup_printf ("%s:%s", from, to);
}

/* The sheet's name from the election's id: Excel allows 31 characters and none of []:*?/\ ,
 * which an id never holds. */
static char *
sheet_name_for (EdElection *election)
{
  const char *slug = *election->slug != '\0' ? election->slug : election->id;

  return g_strndup (slug, SHEET_NAME_MAX);
}

static void
write_date (lxw_worksheet *sheet,
            guint          row,
            guint          col,
            const GDate   *date,
            lxw_format    *format)
{
  lxw_datetime datetime = { 0, };

  if (!g_date_valid (date))
    return;
  datetime.year = g_date_get_year (date);
  datetime.month = g_date_get_month (date);
  datetime.day = g_date_get_day (date);
  worksheet_write_datetime (sheet, row, col, &datetime, format);
}

/* A line's quantity in the unit people count it in, and the unit's name. */
static const char *
quantity_in_units (const EdPayrollLine *line,
                   double              *out)
{
  switch (line->element)
    {
    case ED_PAY_FEE:
    case ED_PAY_ENHANCED:
      if (_ed_payroll_line_is_per_unit (line))
        {
          *out = (double)line->quantity;
          return _("units");
        }
      *out = (double)line->quantity / 60.0;
      return _("hours");
    case ED_PAY_MILEAGE:
      *out = (double)line->quantity / 10.0;
      return _("miles");
    case ED_PAY_PASSENGER:
      *out = (double)line->quantity / 10.0;
      return _("passenger miles");
    case ED_PAY_TRAINING:
    case ED_PAY_SUPPLEMENT:
    case ED_PAY_EXPENSE:
    default:
      *out = 0;
      return "";
    }
}

static GPtrArray *
ledger_by_person (EdPayroll *payroll)
{
  g_autoptr(GHashTable) buckets = g_hash_table_new_full (NULL, NULL, NULL,
                                                         (GDestroyNotify)g_ptr_array_unref);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < payroll->ledger->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (payroll->ledger, i);
      GPtrArray *bucket = g_hash_table_lookup (buckets, line->person);

      if (bucket == NULL)
        g_hash_table_insert (buckets, line->person, (bucket = g_ptr_array_new ()));
      g_ptr_array_add (bucket, line);
    }
  for (guint p = 0; p < payroll->people->len; p++)
    {
      GPtrArray *bucket = g_hash_table_lookup (buckets, g_ptr_array_index (payroll->people, p));

      for (guint i = 0; bucket != NULL && i < bucket->len; i++)
        g_ptr_array_add (out, g_ptr_array_index (bucket, i));
    }
  return out;
}

static void
write_headings (lxw_worksheet      *sheet,
                guint               row,
                const char * const *headings,
                guint               n,
                lxw_format         *format)
{
  for (guint c = 0; c < n; c++)
    worksheet_write_string (sheet, row, c, headings[c], format);
}

/* The election's sheet: its lines, person by person, then the totals of each person and
 * each cost head. */
static void
write_election_sheet (Workbook  *book,
                      EdPayroll *payroll)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, book->sheet_name);
  g_autoptr(GPtrArray) lines = ledger_by_person (payroll);
  g_autoptr(GHashTable) runs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *poll = ed_date_format_long (&payroll->election->poll);
  g_autofree char *title = g_strdup_printf ("%s — %s", payroll->election->title, poll);
  const char *headings[N_COLS] = {
    [COL_REFERENCE] = _("Payroll reference"),
    [COL_NAME] = _("Name"),
    [COL_RUN] = _("Run approved"),
    [COL_ELEMENT] = _("Element"),
    [COL_DESCRIPTION] = _("Description"),
    [COL_WORK_DATE] = _("Work date"),
    [COL_QUANTITY] = _("Quantity"),
    [COL_UNIT] = _("Unit"),
    [COL_RATE] = _("Rate"),
    [COL_AMOUNT] = _("Amount"),
    [COL_TAXABLE] = _("Taxable"),
    [COL_NIC] = _("National Insurance"),
    [COL_COST_HEAD] = _("Cost head"),
  };
  const char *person_headings[] = {
    _("Payroll reference"), _("Name"), _("Gross"), _("Taxable"), _("Not taxable"),
    ed_nic_category_get_display_name (ED_NIC_ELECTION),
    ed_nic_category_get_display_name (ED_NIC_REGISTRATION),
  };
  g_autofree char *amounts = NULL;
  g_autofree char *heads = NULL;
  g_autofree char *total = NULL;
  guint row = 0, person_head;

  G_STATIC_ASSERT (ED_N_NIC_CATEGORIES == 2);

  for (guint r = 0; r < payroll->runs->len; r++)
    {
      EdPayrollRun *run = g_ptr_array_index (payroll->runs, r);

      g_hash_table_insert (runs, run->id, run);
    }

  worksheet_write_string (sheet, row++, 0, title, book->heading);
  row++;
  write_headings (sheet, row++, headings, N_COLS, book->bold);
  worksheet_freeze_panes (sheet, row, 0);

  book->first_line = row;
  for (guint i = 0; i < lines->len; i++, row++)
    {
      const EdPayrollLine *line = g_ptr_array_index (lines, i);
      EdPayrollRun *run = g_hash_table_lookup (runs, line->run);
      g_autofree char *name = ed_payroll_person_get_sort_name (line->person);
      double quantity = 0;
      const char *unit = quantity_in_units (line, &quantity);

      worksheet_write_string (sheet, row, COL_REFERENCE, line->person->payroll_reference, NULL);
      worksheet_write_string (sheet, row, COL_NAME, name, NULL);
      if (run != NULL)
        write_date (sheet, row, COL_RUN, &run->approved_on, book->date);
      worksheet_write_string (sheet, row, COL_ELEMENT,
                              ed_pay_element_get_display_name (line->element), NULL);
      worksheet_write_string (sheet, row, COL_DESCRIPTION, line->description, NULL);
      write_date (sheet, row, COL_WORK_DATE, &line->work_date, book->date);
      if (*unit != '\0')
        {
          worksheet_write_number (sheet, row, COL_QUANTITY, quantity, book->number);
          worksheet_write_string (sheet, row, COL_UNIT, unit, NULL);
        }
      worksheet_write_number (sheet, row, COL_RATE, pounds (line->rate), book->money);
      worksheet_write_number (sheet, row, COL_AMOUNT, pounds (line->amount), book->money);
      worksheet_write_string (sheet, row, COL_TAXABLE, line->taxable ? "Y" : "N", NULL);
      worksheet_write_string (sheet, row, COL_NIC,
                              ed_nic_category_get_display_name (line->nic_category), NULL);
      worksheet_write_string (sheet, row, COL_COST_HEAD,
                              ed_cost_head_get_display_name (line->cost_head), NULL);
    }
  book->last_line = row - 1;
  amounts = lines_range (book, COL_AMOUNT, book->first_line, book->last_line, FALSE);
  heads = lines_range (book, COL_COST_HEAD, book->first_line, book->last_line, FALSE);

  book->total_row = row;
  total = g_strdup_printf ("=SUM(%s)", amounts);
  worksheet_write_string (sheet, row, COL_RATE, _("Total"), book->bold);
  worksheet_write_formula_num (sheet, row++, COL_AMOUNT, total, book->money_bold,
                               pounds (payroll->approved.gross));

  /* Each person's rows are one block, so a person's totals add up the block. */
  row++;
  worksheet_write_string (sheet, row++, 0, _("Totals per person"), book->heading);
  person_head = row;
  write_headings (sheet, row++, person_headings, G_N_ELEMENTS (person_headings), book->bold);
  for (guint i = 0; i < lines->len;)
    {
      EdPayrollPerson *person = ((EdPayrollLine *)g_ptr_array_index (lines, i))->person;
      g_autofree char *name = ed_payroll_person_get_sort_name (person);
      g_autofree char *block = NULL;
      g_autofree char *block_taxable = NULL;
      g_autofree char *block_nic = NULL;
      g_autofree char *gross = NULL;
      g_autofree char *taxed = NULL;
      g_autofree char *untaxed = NULL;
      guint first = book->first_line + i;

      while (i < lines->len && ((EdPayrollLine *)g_ptr_array_index (lines, i))->person == person)
        i++;
      block = lines_range (book, COL_AMOUNT, first, book->first_line + i - 1, FALSE);
      block_taxable = lines_range (book, COL_TAXABLE, first, book->first_line + i - 1, FALSE);
      block_nic = lines_range (book, COL_NIC, first, book->first_line + i - 1, FALSE);
      gross = g_strdup_printf ("=SUM(%s)", block);
      taxed = g_strdup_printf ("=SUMIF(%s,\"Y\",%s)", block_taxable, block);
      untaxed = g_strdup_printf ("=SUMIF(%s,\"N\",%s)", block_taxable, block);

      worksheet_write_string (sheet, row, 0, person->payroll_reference, NULL);
      worksheet_write_string (sheet, row, 1, name, NULL);
      worksheet_write_formula_num (sheet, row, 2, gross, book->money,
                                   pounds (person->approved.gross));
      worksheet_write_formula_num (sheet, row, 3, taxed, book->money,
                                   pounds (person->approved.taxable));
      worksheet_write_formula_num (sheet, row, 4, untaxed, book->money,
                                   pounds (person->approved.non_taxable));
      for (guint c = 0; c < ED_N_NIC_CATEGORIES; c++)
        {
          g_autofree char *heading = cell (person_head, 5 + c, TRUE);
          g_autofree char *formula = g_strdup_printf ("=SUMIF(%s,%s,%s)", block_nic, heading,
                                                      block);

          worksheet_write_formula_num (sheet, row, 5 + c, formula, book->money,
                                       pounds (person->approved.nic[c]));
        }
      row++;
    }

  row++;
  worksheet_write_string (sheet, row++, 0, _("Totals per cost head"), book->heading);
  worksheet_write_string (sheet, row, 0, _("Cost head"), book->bold);
  worksheet_write_string (sheet, row++, 1, _("Amount"), book->bold);
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    {
      g_autofree char *label = NULL;
      g_autofree char *formula = NULL;
      gboolean used = FALSE;

      for (guint i = 0; i < lines->len && !used; i++)
        used = ((EdPayrollLine *)g_ptr_array_index (lines, i))->cost_head == h;
      if (!used)
        continue;
      label = cell (row, 0, FALSE);
      formula = g_strdup_printf ("=SUMIF(%s,%s,%s)", heads, label, amounts);
      worksheet_write_string (sheet, row, 0, ed_cost_head_get_display_name (h), NULL);
      worksheet_write_formula_num (sheet, row++, 1, formula, book->money,
                                   pounds (payroll->approved.cost_heads[h]));
    }

  worksheet_set_column (sheet, COL_REFERENCE, COL_REFERENCE, 18, NULL);
  worksheet_set_column (sheet, COL_NAME, COL_NAME, 26, NULL);
  worksheet_set_column (sheet, COL_RUN, COL_RUN, 13, NULL);
  worksheet_set_column (sheet, COL_ELEMENT, COL_ELEMENT, 22, NULL);
  worksheet_set_column (sheet, COL_DESCRIPTION, COL_DESCRIPTION, 30, NULL);
  worksheet_set_column (sheet, COL_WORK_DATE, COL_WORK_DATE, 13, NULL);
  worksheet_set_column (sheet, COL_QUANTITY, COL_UNIT, 10, NULL);
  worksheet_set_column (sheet, COL_RATE, COL_AMOUNT, 12, NULL);
  worksheet_set_column (sheet, COL_TAXABLE, COL_TAXABLE, 8, NULL);
  worksheet_set_column (sheet, COL_NIC, COL_COST_HEAD, 24, NULL);
}

/* The summary: the election, its runs, and its totals as formulas over the election's
 * sheet. */
static void
write_summary_sheet (Workbook      *book,
                     lxw_worksheet *sheet,
                     EdContext     *context,
                     EdPayroll     *payroll)
{
  EdDistrictSettings *settings = ed_context_get_settings (context);
  g_autofree char *amounts = lines_range (book, COL_AMOUNT, book->first_line, book->last_line,
                                          TRUE);
  g_autofree char *taxable = lines_range (book, COL_TAXABLE, book->first_line, book->last_line,
                                          TRUE);
  g_autofree char *nic = lines_range (book, COL_NIC, book->first_line, book->last_line, TRUE);
  g_autofree char *heads = lines_range (book, COL_COST_HEAD, book->first_line, book->last_line,
                                        TRUE);
  g_autofree char *total_cell = cell (book->total_row, COL_AMOUNT, TRUE);
  g_autofree char *total = g_strdup_printf ("='%s'!%s", book->sheet_name, total_cell);
  g_autofree char *taxed = g_strdup_printf ("=SUMIF(%s,\"Y\",%s)", taxable, amounts);
  g_autofree char *untaxed = g_strdup_printf ("=SUMIF(%s,\"N\",%s)", taxable, amounts);
  const char *run_headings[] = { _("Approved on"), _("Approved by"), _("Lines"), _("Total") };
  guint row = 0;

  worksheet_write_string (sheet, row++, 0, ed_district_settings_get_council_name (settings),
                          book->heading);
  worksheet_write_string (sheet, row, 0, _("Election"), NULL);
  worksheet_write_string (sheet, row++, 1, payroll->election->title, book->bold);
  worksheet_write_string (sheet, row, 0, _("Polling day"), NULL);
  write_date (sheet, row++, 1, &payroll->election->poll, book->date);
  worksheet_write_string (sheet, row, 0, _("Sheet of the lines"), NULL);
  worksheet_write_string (sheet, row++, 1, book->sheet_name, NULL);
  row++;

  worksheet_write_string (sheet, row++, 0, _("Approved runs"), book->heading);
  write_headings (sheet, row++, run_headings, G_N_ELEMENTS (run_headings), book->bold);
  for (guint r = 0; r < payroll->runs->len; r++, row++)
    {
      EdPayrollRun *run = g_ptr_array_index (payroll->runs, r);

      write_date (sheet, row, 0, &run->approved_on, book->date);
      worksheet_write_string (sheet, row, 1, run->approved_by, NULL);
      worksheet_write_number (sheet, row, 2, run->n_lines, NULL);
      worksheet_write_number (sheet, row, 3, pounds (run->total), book->money);
    }
  row++;

  worksheet_write_string (sheet, row++, 0, _("Totals"), book->heading);
  worksheet_write_string (sheet, row, 0, _("Gross"), NULL);
  worksheet_write_formula_num (sheet, row++, 1, total, book->money_bold,
                               pounds (payroll->approved.gross));
  worksheet_write_string (sheet, row, 0, _("Taxable"), NULL);
  worksheet_write_formula_num (sheet, row++, 1, taxed, book->money,
                               pounds (payroll->approved.taxable));
  worksheet_write_string (sheet, row, 0, _("Not taxable"), NULL);
  worksheet_write_formula_num (sheet, row++, 1, untaxed, book->money,
                               pounds (payroll->approved.non_taxable));
  for (guint c = 0; c < ED_N_NIC_CATEGORIES; c++, row++)
    {
      g_autofree char *label = cell (row, 0, FALSE);
      g_autofree char *formula = g_strdup_printf ("=SUMIF(%s,%s,%s)", nic, label, amounts);

      worksheet_write_string (sheet, row, 0, ed_nic_category_get_display_name (c), NULL);
      worksheet_write_formula_num (sheet, row, 1, formula, book->money,
                                   pounds (payroll->approved.nic[c]));
    }
  row++;

  worksheet_write_string (sheet, row++, 0, _("By cost head"), book->heading);
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    {
      g_autofree char *label = NULL;
      g_autofree char *formula = NULL;

      if (payroll->approved.cost_heads[h] == 0)
        continue;
      label = cell (row, 0, FALSE);
      formula = g_strdup_printf ("=SUMIF(%s,%s,%s)", heads, label, amounts);
      worksheet_write_string (sheet, row, 0, ed_cost_head_get_display_name (h), NULL);
      worksheet_write_formula_num (sheet, row++, 1, formula, book->money,
                                   pounds (payroll->approved.cost_heads[h]));
    }
  worksheet_set_column (sheet, 0, 0, 34, NULL);
  worksheet_set_column (sheet, 1, 3, 16, NULL);
}

/**
 * ed_payroll_export_xlsx:
 * @context: the district
 * @election_id: the election's id or row id
 * @path: the file to write, whole or not at all (ed-output-file.h)
 * @error: return location for an error
 *
 * Writes the election's approved pay as an XLSX workbook: a summary sheet (the runs, and the
 * totals, taxable and not, by National Insurance category and by cost head), then a sheet
 * named by the election's id with a row for each approved line and the totals of each person
 * and each cost head, as formulas.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ed_payroll_export_xlsx (EdContext   *context,
                        const char  *election_id,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(EdPayroll) payroll = NULL;
  g_autoptr(EdOutputFile) out = NULL;
  Workbook book = { 0, };
  lxw_worksheet *summary;
  gboolean written;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election_id != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((payroll = _ed_payroll_load_for_export (context, election_id, error)) == NULL ||
      (out = ed_output_file_new (path, error)) == NULL ||
      (book.workbook = ed_output_workbook_new (out, error)) == NULL)
    return FALSE;

  book.sheet_name = sheet_name_for (payroll->election);
  book.bold = workbook_add_format (book.workbook);
  format_set_bold (book.bold);
  book.heading = workbook_add_format (book.workbook);
  format_set_bold (book.heading);
  format_set_font_size (book.heading, 13);
  book.money = workbook_add_format (book.workbook);
  format_set_num_format (book.money, "£#,##0.00;-£#,##0.00");
  book.money_bold = workbook_add_format (book.workbook);
  format_set_num_format (book.money_bold, "£#,##0.00;-£#,##0.00");
  format_set_bold (book.money_bold);
  book.date = workbook_add_format (book.workbook);
  format_set_num_format (book.date, "d mmm yyyy");
  book.number = workbook_add_format (book.workbook);
  format_set_num_format (book.number, "#,##0.00");

  /* The summary comes first in the workbook but refers to where the election's sheet put its
   * lines, so it is filled in after. */
  summary = workbook_add_worksheet (book.workbook, _("Summary"));
  write_election_sheet (&book, payroll);
  write_summary_sheet (&book, summary, context, payroll);

  written = ed_output_workbook_close (book.workbook, out, error);
  g_free (book.sheet_name);
  return written;
}
