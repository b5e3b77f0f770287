/* ed-payroll-mapping.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The payroll export's mapping (0020-payroll-mapping.sql): what the CSV calls each column,
 * kind of pay and National Insurance category, as the council's payroll wants them. Councils'
 * payroll systems each have their own element codes and import layouts, so nothing here is a
 * standard: the defaults are plain words a payroll officer can recognise and set up an import
 * for, and each council changes the ones its system needs. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-value-error.h"
#include "core/ed-vocab.h"
#include "staff/ed-payroll-mapping.h"
#include "staff/ed-staff-tables.h"

/* A heading or a code is a few words at most. */
#define VALUE_MAX_CHARS 100

static const EdTerm mapping_key_terms[] = {
  [ED_PAYROLL_MAPPING_COLUMN_REFERENCE] = { "column_reference", N_("Column: payroll reference") },
  [ED_PAYROLL_MAPPING_COLUMN_NI_NUMBER] = { "column_ni_number", N_("Column: National Insurance number") },
  [ED_PAYROLL_MAPPING_COLUMN_ELEMENT] = { "column_element", N_("Column: element code") },
  [ED_PAYROLL_MAPPING_COLUMN_AMOUNT] = { "column_amount", N_("Column: amount") },
  [ED_PAYROLL_MAPPING_COLUMN_TAXABLE] = { "column_taxable", N_("Column: taxable") },
  [ED_PAYROLL_MAPPING_COLUMN_NIC_CATEGORY] = { "column_nic_category", N_("Column: National Insurance category") },
  [ED_PAYROLL_MAPPING_COLUMN_WORK_DATE] = { "column_work_date", N_("Column: work date") },
  [ED_PAYROLL_MAPPING_COLUMN_DESCRIPTION] = { "column_description", N_("Column: description") },
  [ED_PAYROLL_MAPPING_ELEMENT_FEE] = { "element_fee", N_("Element code: fee") },
  [ED_PAYROLL_MAPPING_ELEMENT_ENHANCED] = { "element_enhanced", N_("Element code: enhanced hours") },
  [ED_PAYROLL_MAPPING_ELEMENT_TRAINING] = { "element_training", N_("Element code: training fee") },
  [ED_PAYROLL_MAPPING_ELEMENT_SUPPLEMENT] = { "element_supplement", N_("Element code: combined-poll supplement") },
  [ED_PAYROLL_MAPPING_ELEMENT_MILEAGE] = { "element_mileage", N_("Element code: mileage") },
  [ED_PAYROLL_MAPPING_ELEMENT_PASSENGER] = { "element_passenger", N_("Element code: passenger mileage") },
  [ED_PAYROLL_MAPPING_ELEMENT_EXPENSE] = { "element_expense", N_("Element code: expense") },
  [ED_PAYROLL_MAPPING_NIC_ELECTION] = { "nic_election", N_("National Insurance code: election duties") },
  [ED_PAYROLL_MAPPING_NIC_REGISTRATION] = { "nic_registration", N_("National Insurance code: registration duties") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (mapping_key_terms) == ED_N_PAYROLL_MAPPING_KEYS);

ED_DEFINE_TERMS (ed_payroll_mapping_key, EdPayrollMappingKey, mapping_key_terms)

/* Written into a file for another program, so not translated: a payroll import is set up
 * once against these words, whatever the language of the desk that exports. */
static const char * const defaults[] = {
  [ED_PAYROLL_MAPPING_COLUMN_REFERENCE] = "Payroll reference",
  [ED_PAYROLL_MAPPING_COLUMN_NI_NUMBER] = "NI number",
  [ED_PAYROLL_MAPPING_COLUMN_ELEMENT] = "Element",
  [ED_PAYROLL_MAPPING_COLUMN_AMOUNT] = "Amount",
  [ED_PAYROLL_MAPPING_COLUMN_TAXABLE] = "Taxable",
  [ED_PAYROLL_MAPPING_COLUMN_NIC_CATEGORY] = "NIC category",
  [ED_PAYROLL_MAPPING_COLUMN_WORK_DATE] = "Work date",
  [ED_PAYROLL_MAPPING_COLUMN_DESCRIPTION] = "Description",
  [ED_PAYROLL_MAPPING_ELEMENT_FEE] = "ELECFEE",
  [ED_PAYROLL_MAPPING_ELEMENT_ENHANCED] = "ELECENH",
  [ED_PAYROLL_MAPPING_ELEMENT_TRAINING] = "ELECTRN",
  [ED_PAYROLL_MAPPING_ELEMENT_SUPPLEMENT] = "ELECSUP",
  [ED_PAYROLL_MAPPING_ELEMENT_MILEAGE] = "MILEAGE",
  [ED_PAYROLL_MAPPING_ELEMENT_PASSENGER] = "PASSMILE",
  [ED_PAYROLL_MAPPING_ELEMENT_EXPENSE] = "EXPENSE",
  [ED_PAYROLL_MAPPING_NIC_ELECTION] = "ELECTION",
  [ED_PAYROLL_MAPPING_NIC_REGISTRATION] = "REGISTRATION",
};
G_STATIC_ASSERT (G_N_ELEMENTS (defaults) == ED_N_PAYROLL_MAPPING_KEYS);

/* Each element's and category's setting, in their enums' order. */
static const EdPayrollMappingKey element_keys[] = {
  [ED_PAY_FEE] = ED_PAYROLL_MAPPING_ELEMENT_FEE,
  [ED_PAY_ENHANCED] = ED_PAYROLL_MAPPING_ELEMENT_ENHANCED,
  [ED_PAY_TRAINING] = ED_PAYROLL_MAPPING_ELEMENT_TRAINING,
  [ED_PAY_SUPPLEMENT] = ED_PAYROLL_MAPPING_ELEMENT_SUPPLEMENT,
  [ED_PAY_MILEAGE] = ED_PAYROLL_MAPPING_ELEMENT_MILEAGE,
  [ED_PAY_PASSENGER] = ED_PAYROLL_MAPPING_ELEMENT_PASSENGER,
  [ED_PAY_EXPENSE] = ED_PAYROLL_MAPPING_ELEMENT_EXPENSE,
};
G_STATIC_ASSERT (G_N_ELEMENTS (element_keys) == ED_N_PAY_ELEMENTS);

static const EdPayrollMappingKey nic_keys[] = {
  [ED_NIC_ELECTION] = ED_PAYROLL_MAPPING_NIC_ELECTION,
  [ED_NIC_REGISTRATION] = ED_PAYROLL_MAPPING_NIC_REGISTRATION,
};
G_STATIC_ASSERT (G_N_ELEMENTS (nic_keys) == ED_N_NIC_CATEGORIES);

/* Two desks' rows for one setting, until a person settles it: the lower id wins. */
static const char mapping_sql[] = "SELECT id, key, value FROM payroll_mapping ORDER BY id";
static const char rows_of_key_sql[] = "SELECT id FROM payroll_mapping WHERE key = ?1 ORDER BY id";

/**
 * ed_payroll_mapping_get_default:
 * @key: a setting
 *
 * Returns: (transfer none): what the export writes for @key when the council has not set it
 */
const char *
ed_payroll_mapping_get_default (EdPayrollMappingKey key)
{
  g_return_val_if_fail (key < ED_N_PAYROLL_MAPPING_KEYS, "");

  return defaults[key];
}

void
ed_payroll_mapping_free (EdPayrollMapping *mapping)
{
  if (mapping == NULL)
    return;
  for (guint i = 0; i < ED_N_PAYROLL_MAPPING_KEYS; i++)
    g_free (mapping->values[i]);
  g_free (mapping);
}

/**
 * ed_payroll_mapping_load:
 * @context: the district
 * @error: return location for an error
 *
 * Reads the mapping: each setting the council set, and the default of each other. A row
 * whose key this version does not know (a newer desk's) is left out.
 *
 * Returns: (transfer full): the mapping, or %NULL with @error set
 */
EdPayrollMapping *
ed_payroll_mapping_load (EdContext  *context,
                         GError    **error)
{
  EdDatabase *database;
  g_autoptr(EdPayrollMapping) mapping = g_new0 (EdPayrollMapping, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  database = ed_replica_get_database (ED_REPLICA (context));
  if ((stmt = ed_database_cached (database, mapping_sql, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdPayrollMappingKey key;
      const char *value = (const char *)sqlite3_column_text (stmt, 2);

      if (!ed_payroll_mapping_key_from_string ((const char *)sqlite3_column_text (stmt, 1), &key,
                                               NULL) ||
          mapping->is_set[key] || value == NULL || *value == '\0')
        continue;
      mapping->values[key] = g_strdup (value);
      mapping->is_set[key] = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  for (guint i = 0; i < ED_N_PAYROLL_MAPPING_KEYS; i++)
    if (!mapping->is_set[i])
      mapping->values[i] = g_strdup (defaults[i]);
  return g_steal_pointer (&mapping);
}

/**
 * ed_payroll_mapping_get_element:
 * @mapping: a mapping
 * @element: a kind of pay line
 *
 * Returns: (transfer none): its element code
 */
const char *
ed_payroll_mapping_get_element (EdPayrollMapping *mapping,
                                EdPayElement      element)
{
  g_return_val_if_fail (mapping != NULL, "");
  g_return_val_if_fail (element < ED_N_PAY_ELEMENTS, "");

  return mapping->values[element_keys[element]];
}

/**
 * ed_payroll_mapping_get_nic:
 * @mapping: a mapping
 * @category: a National Insurance category
 *
 * Returns: (transfer none): its code
 */
const char *
ed_payroll_mapping_get_nic (EdPayrollMapping *mapping,
                            EdNicCategory     category)
{
  g_return_val_if_fail (mapping != NULL, "");
  g_return_val_if_fail (category < ED_N_NIC_CATEGORIES, "");

  return mapping->values[nic_keys[category]];
}

/* The value as it will be stored, or NULL with @error saying what is wrong with it. */
static char *
normalise_value (const char  *value,
                 GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *display = NULL;

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                           _("The value is not valid text"));
      return NULL;
    }
  stripped = ed_value_strip (value);
  display = ed_value_display_text (stripped);
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                     /* Translators: %s is what was typed, quoted */
                     _("%s holds a control character: a heading or a code is one line of "
                       "plain text"), display);
        return NULL;
      }
  if (g_utf8_strlen (stripped, -1) > VALUE_MAX_CHARS)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is what was typed, quoted; %d a number of characters */
                   _("%s is too long: a heading or a code has at most %d characters"), display,
                   VALUE_MAX_CHARS);
      return NULL;
    }
  return g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
}

/**
 * ed_payroll_mapping_set:
 * @context: the district
 * @key: a setting
 * @value: (nullable): what the export should write for it; %NULL or "" for the default
 * @error: return location for an error
 *
 * Sets a setting of the mapping in one change set. A setting two desks set before they synced
 * is settled: the first row takes the value and the other is deleted.
 *
 * Returns: %TRUE on success; %FALSE with the mapping as it was
 */
gboolean
ed_payroll_mapping_set (EdContext            *context,
                        EdPayrollMappingKey   key,
                        const char           *value,
                        GError              **error)
{
  EdDatabase *database;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *normalised = NULL;
  const char *table = ed_payroll_mapping_table.name;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (key < ED_N_PAYROLL_MAPPING_KEYS, FALSE);

  if (value != NULL && (normalised = normalise_value (value, error)) == NULL)
    return FALSE;

  if ((change_set = ed_change_set_begin (ED_REPLICA (context), error)) == NULL)
    return FALSE;
  database = ed_replica_get_database (ED_REPLICA (context));
  if ((stmt = ed_database_cached (database, rows_of_key_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ed_payroll_mapping_key_to_string (key), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }

  /* The default is no row at all, so that a change to the default reaches a council that
   * never chose. */
  for (guint i = normalised != NULL && *normalised != '\0' ? 1 : 0; i < rows->len; i++)
    if (!ed_change_set_delete (change_set, table, g_ptr_array_index (rows, i), error))
      return FALSE;
  if (normalised != NULL && *normalised != '\0')
    {
      if (rows->len > 0)
        {
          if (!ed_change_set_set (change_set, table, g_ptr_array_index (rows, 0), "value",
                                  g_variant_new_string (normalised), error))
            return FALSE;
        }
      else
        {
          static const char * const columns[] = { "key", "value" };
          GVariant *values[] = {
            g_variant_new_string (ed_payroll_mapping_key_to_string (key)),
            g_variant_new_string (normalised),
          };

          if (!ed_change_set_insert (change_set, table, NULL, columns, values,
                                     G_N_ELEMENTS (values), NULL, error))
            return FALSE;
        }
    }
  return ed_change_set_commit (change_set, error);
}
