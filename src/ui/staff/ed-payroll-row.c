/* ed-payroll-row.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A row of the Payroll view's lists: a person the run pays, or one line of their pay, as the
 * texts its cells show. The texts are made once, when the run is read: a district pays a few
 * thousand people at most, and a row that owns its words outlives the run it was read from
 * without holding on to it. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-ni-number.h"
#include "ui/staff/ed-payroll-row.h"

struct _EdPayrollRow
{
  GObject     parent_instance;

  char       *id;
  gboolean    person;
  char       *texts[MAX ((guint)ED_N_PAYROLL_PERSON_COLUMNS, (guint)ED_N_PAYROLL_LINE_COLUMNS)];
  const char *style;
};

G_DEFINE_FINAL_TYPE (EdPayrollRow, ed_payroll_row, G_TYPE_OBJECT)

static void
ed_payroll_row_finalize (GObject *object)
{
  EdPayrollRow *self = ED_PAYROLL_ROW (object);

  g_free (self->id);
  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (ed_payroll_row_parent_class)->finalize (object);
}

static void
ed_payroll_row_class_init (EdPayrollRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_payroll_row_finalize;
}

static void
ed_payroll_row_init (EdPayrollRow *self)
{
}

/* DESIGN.md §4: the whole number is for the payroll's file, never a list; a number stored by a
 * newer desk that this one cannot read is left out rather than shown whole. */
static char *
mask_ni_number (const char *stored)
{
  g_autofree char *normalised = NULL;

  if (*stored == '\0' || !ed_ni_number_normalise (stored, &normalised, NULL))
    return g_strdup ("");
  return ed_ni_number_mask (normalised);
}

/**
 * ed_payroll_row_new_person:
 * @person: a person of a payroll
 *
 * Returns: (transfer full): the person's row: what they are due now, and whether the
 *   approved runs have paid it
 */
EdPayrollRow *
ed_payroll_row_new_person (const EdPayrollPerson *person)
{
  EdPayrollRow *self;

  g_return_val_if_fail (person != NULL, NULL);

  self = g_object_new (ED_TYPE_PAYROLL_ROW, NULL);
  self->person = TRUE;
  self->id = g_strdup (person->id);
  self->texts[ED_PAYROLL_PERSON_NAME] = ed_payroll_person_get_sort_name (person);
  self->texts[ED_PAYROLL_PERSON_REFERENCE] = g_strdup (person->payroll_reference);
  self->texts[ED_PAYROLL_PERSON_NI_NUMBER] = mask_ni_number (person->ni_number);
  self->texts[ED_PAYROLL_PERSON_GROSS] = ed_money_format (person->total.gross);
  self->texts[ED_PAYROLL_PERSON_TAXABLE] = ed_money_format (person->total.taxable);
  self->texts[ED_PAYROLL_PERSON_NON_TAXABLE] = ed_money_format (person->total.non_taxable);
  if (person->pending.n_lines == 0)
    {
      /* Translators: a person's pay, every line of it in an approved run */
      self->texts[ED_PAYROLL_PERSON_STATE] = g_strdup (C_("payroll person", "Approved"));
      self->style = "dim-label";
    }
  else if (person->approved.n_lines == 0)
    {
      /* Translators: a person's pay, none of it approved yet */
      self->texts[ED_PAYROLL_PERSON_STATE] = g_strdup (C_("payroll person", "Pending"));
      self->style = "accent";
    }
  else
    {
      /* Translators: a person's pay, approved, with new lines or reversals since */
      self->texts[ED_PAYROLL_PERSON_STATE] = g_strdup (C_("payroll person", "Changes pending"));
      self->style = "warning";
    }
  return self;
}

static char *
format_quantity_and_rate (const EdPayrollLine *line)
{
  g_autofree char *quantity = NULL;
  g_autofree char *rate = NULL;

  if (line->quantity == 0)
    /* Translators: a line of pay that is one sum, not hours, units or miles at a rate */
    return g_strdup (C_("pay line", "Flat amount"));
  quantity = ed_payroll_line_format_quantity (line);
  rate = ed_money_format (line->rate);
  /* Translators: a quantity at a rate: "7 h 30 min × £15.93", "12.4 miles × £0.45" */
  return g_strdup_printf (C_("pay line", "%s × %s"), quantity, rate);
}

/**
 * ed_payroll_row_new_line:
 * @line: a line of a payroll
 *
 * Returns: (transfer full): the line's row; a line that reverses another says so in its
 *   state, approved or pending
 */
EdPayrollRow *
ed_payroll_row_new_line (const EdPayrollLine *line)
{
  EdPayrollRow *self;

  g_return_val_if_fail (line != NULL, NULL);

  self = g_object_new (ED_TYPE_PAYROLL_ROW, NULL);
  self->id = g_strdup (line->id != NULL ? line->id : "");
  self->texts[ED_PAYROLL_LINE_ELEMENT] = g_strdup (ed_pay_element_get_display_name (line->element));
  self->texts[ED_PAYROLL_LINE_DESCRIPTION] = g_strdup (line->description);
  self->texts[ED_PAYROLL_LINE_DATE] = g_date_valid (&line->work_date)
                                        ? ed_date_format_long (&line->work_date)
                                        : g_strdup ("");
  self->texts[ED_PAYROLL_LINE_QUANTITY] = format_quantity_and_rate (line);
  self->texts[ED_PAYROLL_LINE_AMOUNT] = ed_money_format (line->amount);
  self->texts[ED_PAYROLL_LINE_TAXABLE] = g_strdup (line->taxable ? _("Taxable")
                                                                 : _("Not taxable"));
  self->texts[ED_PAYROLL_LINE_NIC] =
    g_strdup (ed_nic_category_get_display_name (line->nic_category));

  switch (line->state)
    {
    case ED_PAYROLL_LINE_APPROVED:
      if (*line->reverses != '\0')
        /* Translators: a line of an approved run that takes back an earlier line */
        self->texts[ED_PAYROLL_LINE_STATE] = g_strdup (C_("pay line", "Reversal, approved"));
      else
        /* Translators: a line of an approved run */
        self->texts[ED_PAYROLL_LINE_STATE] = g_strdup (C_("pay line", "Approved"));
      self->style = "dim-label";
      break;
    case ED_PAYROLL_LINE_PAID:
      /* Translators: a line the rules give that an approved run has paid */
      self->texts[ED_PAYROLL_LINE_STATE] = g_strdup (C_("pay line", "Paid"));
      self->style = "dim-label";
      break;
    case ED_PAYROLL_LINE_NEW:
      /* Translators: a line the next approval writes */
      self->texts[ED_PAYROLL_LINE_STATE] = g_strdup (C_("pay line", "New, pending"));
      self->style = "accent";
      break;
    case ED_PAYROLL_LINE_REVERSAL:
      /* Translators: a line the next approval writes to take back an approved line */
      self->texts[ED_PAYROLL_LINE_STATE] = g_strdup (C_("pay line", "Reversal, pending"));
      self->style = "warning";
      break;
    default:
      g_assert_not_reached ();
    }
  return self;
}

/**
 * ed_payroll_row_get_id:
 * @self: a row
 *
 * Returns: the person's row id, or the line's ("" for a line not yet approved)
 */
const char *
ed_payroll_row_get_id (EdPayrollRow *self)
{
  g_return_val_if_fail (ED_IS_PAYROLL_ROW (self), NULL);

  return self->id;
}

/**
 * ed_payroll_row_get_text:
 * @self: a row
 * @column: an #EdPayrollPersonColumn for a person's row, an #EdPayrollLineColumn for a line's
 *
 * Returns: what the cell of @column shows
 */
const char *
ed_payroll_row_get_text (EdPayrollRow *self,
                         guint         column)
{
  g_return_val_if_fail (ED_IS_PAYROLL_ROW (self), "");
  g_return_val_if_fail (column < (self->person ? ED_N_PAYROLL_PERSON_COLUMNS
                                               : ED_N_PAYROLL_LINE_COLUMNS), "");

  return self->texts[column];
}

/**
 * ed_payroll_row_get_style:
 * @self: a row
 *
 * Returns: (nullable): the style class of the state's cell: dimmed for what is approved,
 *   brighter for what the next approval writes
 */
const char *
ed_payroll_row_get_style (EdPayrollRow *self)
{
  g_return_val_if_fail (ED_IS_PAYROLL_ROW (self), NULL);

  return self->style;
}

/**
 * ed_payroll_column_is_amount:
 * @person: %TRUE for the list of people, %FALSE for the lines
 * @column: a column of that list
 *
 * Returns: whether the column holds amounts of money, set against the cell's end
 */
gboolean
ed_payroll_column_is_amount (gboolean person,
                             guint    column)
{
  if (person)
    return column == ED_PAYROLL_PERSON_GROSS || column == ED_PAYROLL_PERSON_TAXABLE ||
           column == ED_PAYROLL_PERSON_NON_TAXABLE;
  return column == ED_PAYROLL_LINE_AMOUNT;
}
