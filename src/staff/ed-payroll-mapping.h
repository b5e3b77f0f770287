/* ed-payroll-mapping.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "district/ed-context.h"
#include "staff/ed-staff-vocab.h"

G_BEGIN_DECLS

/**
 * EdPayrollMappingKey:
 * @ED_PAYROLL_MAPPING_COLUMN_REFERENCE: the heading of the payroll reference's column
 * @ED_PAYROLL_MAPPING_COLUMN_NI_NUMBER: the heading of the National Insurance number's column
 * @ED_PAYROLL_MAPPING_COLUMN_ELEMENT: the heading of the element code's column
 * @ED_PAYROLL_MAPPING_COLUMN_AMOUNT: the heading of the amount's column
 * @ED_PAYROLL_MAPPING_COLUMN_TAXABLE: the heading of the taxable flag's column
 * @ED_PAYROLL_MAPPING_COLUMN_NIC_CATEGORY: the heading of the National Insurance category's column
 * @ED_PAYROLL_MAPPING_COLUMN_WORK_DATE: the heading of the work date's column
 * @ED_PAYROLL_MAPPING_COLUMN_DESCRIPTION: the heading of the description's column
 * @ED_PAYROLL_MAPPING_ELEMENT_FEE: the element code of a fee at the ordinary rate
 * @ED_PAYROLL_MAPPING_ELEMENT_ENHANCED: the element code of hours at the enhanced rate
 * @ED_PAYROLL_MAPPING_ELEMENT_TRAINING: the element code of a training fee
 * @ED_PAYROLL_MAPPING_ELEMENT_SUPPLEMENT: the element code of a combined-poll supplement
 * @ED_PAYROLL_MAPPING_ELEMENT_MILEAGE: the element code of mileage
 * @ED_PAYROLL_MAPPING_ELEMENT_PASSENGER: the element code of passenger mileage
 * @ED_PAYROLL_MAPPING_ELEMENT_EXPENSE: the element code of an expense or a travel allowance
 * @ED_PAYROLL_MAPPING_NIC_ELECTION: the code of election duties, with no Class 1 National Insurance
 * @ED_PAYROLL_MAPPING_NIC_REGISTRATION: the code of registration duties, with normal National Insurance
 *
 * A setting of the payroll export's mapping: what the CSV the council's payroll imports calls
 * a column, a kind of pay or a National Insurance category. Stored in payroll_mapping.key.
 */
typedef enum
{
  ED_PAYROLL_MAPPING_COLUMN_REFERENCE,
  ED_PAYROLL_MAPPING_COLUMN_NI_NUMBER,
  ED_PAYROLL_MAPPING_COLUMN_ELEMENT,
  ED_PAYROLL_MAPPING_COLUMN_AMOUNT,
  ED_PAYROLL_MAPPING_COLUMN_TAXABLE,
  ED_PAYROLL_MAPPING_COLUMN_NIC_CATEGORY,
  ED_PAYROLL_MAPPING_COLUMN_WORK_DATE,
  ED_PAYROLL_MAPPING_COLUMN_DESCRIPTION,
  ED_PAYROLL_MAPPING_ELEMENT_FEE,
  ED_PAYROLL_MAPPING_ELEMENT_ENHANCED,
  ED_PAYROLL_MAPPING_ELEMENT_TRAINING,
  ED_PAYROLL_MAPPING_ELEMENT_SUPPLEMENT,
  ED_PAYROLL_MAPPING_ELEMENT_MILEAGE,
  ED_PAYROLL_MAPPING_ELEMENT_PASSENGER,
  ED_PAYROLL_MAPPING_ELEMENT_EXPENSE,
  ED_PAYROLL_MAPPING_NIC_ELECTION,
  ED_PAYROLL_MAPPING_NIC_REGISTRATION,
  ED_N_PAYROLL_MAPPING_KEYS,
} EdPayrollMappingKey;

/* The CSV's columns, in the order it writes them. */
#define ED_PAYROLL_MAPPING_N_COLUMNS (ED_PAYROLL_MAPPING_COLUMN_DESCRIPTION + 1)

const char *ed_payroll_mapping_key_to_string        (EdPayrollMappingKey   value);
gboolean    ed_payroll_mapping_key_from_string      (const char           *text,
                                                     EdPayrollMappingKey  *out,
                                                     GError              **error);
const char *ed_payroll_mapping_key_get_display_name (EdPayrollMappingKey   value);

/**
 * EdPayrollMapping:
 * @values: what the export writes for each setting
 * @is_set: whether the council set it; when not, @values holds the default
 *
 * The payroll export's mapping as it stands.
 */
typedef struct
{
  char     *values[ED_N_PAYROLL_MAPPING_KEYS];
  gboolean  is_set[ED_N_PAYROLL_MAPPING_KEYS];
} EdPayrollMapping;

const char       *ed_payroll_mapping_get_default  (EdPayrollMappingKey  key);
EdPayrollMapping *ed_payroll_mapping_load         (EdContext           *context,
                                                   GError             **error);
gboolean          ed_payroll_mapping_set          (EdContext           *context,
                                                   EdPayrollMappingKey  key,
                                                   const char          *value,
                                                   GError             **error);
const char       *ed_payroll_mapping_get_element  (EdPayrollMapping    *mapping,
                                                   EdPayElement         element);
const char       *ed_payroll_mapping_get_nic      (EdPayrollMapping    *mapping,
                                                   EdNicCategory        category);
void              ed_payroll_mapping_free         (EdPayrollMapping    *mapping);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPayrollMapping, ed_payroll_mapping_free)

G_END_DECLS
