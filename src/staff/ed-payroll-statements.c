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
 * digits and letter enough for the person to know it is theirs.
 *
 * A statement is written as the appointment letters are (ed-staff-letters.c), in the
 * language of the person it goes to and of the district, not of the desk that prints it: in
 * Welsh to a person whose language is Welsh; in Welsh and then in English to everyone else in
 * a district in Welsh-language mode; in English elsewhere. A line's role is named from its
 * appointment in that language; the description a line carries is the role's name in the
 * language of the desk that ran the payroll, so it serves only for a journey or an expense,
 * whose words are as someone typed them. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <string.h>

#include "core/ed-date.h"
#include "core/ed-ni-number.h"
#include "district/ed-district-settings.h"
#include "elections/ed-poll-card.h"
#include "staff/ed-payroll-private.h"
#include "staff/ed-payroll-statements.h"
#include "staff/ed-staff-documents-private.h"

static const double column_widths[] = { 0.12, 0.37, 0.15, 0.11, 0.12, 0.13 };

#define T(text, language) _ed_staff_text (ED_STAFF_TEXT_##text, language)

/* "06/05/2027": short enough for a column, and how the UK writes a date in figures in
 * English and in Welsh alike. */
static char *
format_day (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%02u/%02u/%u", (guint)g_date_get_day (date),
                          (guint)g_date_get_month (date), (guint)g_date_get_year (date));
}

/* Hours and minutes, units or miles, in @language; "" for a flat amount. */
static char *
format_quantity (const EdPayrollLine *line,
                 EdElectorLanguage    language)
{
  gint64 quantity = ABS (line->quantity);
  const char *sign = line->quantity < 0 ? "-" : "";
  g_autofree char *whole = NULL;
  g_autofree char *part = NULL;

  if (line->quantity == 0)
    return g_strdup ("");
  switch (line->element)
    {
    case ED_PAY_FEE:
    case ED_PAY_ENHANCED:
      if (_ed_payroll_line_is_per_unit (line))
        {
          whole = g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, quantity);
          return g_strdup_printf (quantity == 1 ? T (UNIT_FMT, language)
                                                : T (UNITS_FMT, language), whole);
        }
      whole = g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, quantity / 60);
      if (quantity % 60 == 0)
        return g_strdup_printf (T (HOURS_FMT, language), whole);
      part = g_strdup_printf ("%02d", (int)(quantity % 60));
      return g_strdup_printf (T (HOURS_MINUTES_FMT, language), whole, part);
    case ED_PAY_MILEAGE:
    case ED_PAY_PASSENGER:
      whole = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%d", sign, quantity / 10,
                               (int)(quantity % 10));
      return g_strdup_printf (line->element == ED_PAY_MILEAGE ? T (MILES_FMT, language)
                                                              : T (PASSENGER_MILES_FMT, language),
                              whole);
    case ED_PAY_TRAINING:
    case ED_PAY_SUPPLEMENT:
    case ED_PAY_EXPENSE:
    default:
      return g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, quantity);
    }
}

/* What a line pays for: the role of its appointment for a fee, enhanced hours, training or a
 * supplement; the description as typed for a journey or an expense. */
static const char *
line_subject (const EdPayrollLine *line,
              GHashTable          *roles,
              EdElectorLanguage    language)
{
  gpointer role;

  switch (line->element)
    {
    case ED_PAY_FEE:
    case ED_PAY_ENHANCED:
    case ED_PAY_TRAINING:
    case ED_PAY_SUPPLEMENT:
      if (g_hash_table_lookup_extended (roles, line->appointment, NULL, &role))
        return _ed_staff_role_text (GPOINTER_TO_UINT (role), language);
      return line->description;
    case ED_PAY_MILEAGE:
    case ED_PAY_PASSENGER:
    case ED_PAY_EXPENSE:
    default:
      return line->description;
    }
}

static void
add_line_row (EdDocument          *document,
              const EdPayrollLine *line,
              GHashTable          *roles,
              EdElectorLanguage    language)
{
  g_autofree char *date = format_day (&line->work_date);
  g_autofree char *quantity = format_quantity (line, language);
  g_autofree char *rate = line->quantity != 0 ? ed_money_format (line->rate) : g_strdup ("");
  g_autofree char *amount = ed_money_format (line->amount);
  g_autofree char *what = NULL;
  const char *element = _ed_staff_pay_element_text (line->element, language);
  const char *subject = line_subject (line, roles, language);
  const char *cells[6];

  if (*line->reverses != '\0')
    what = g_strdup_printf (T (CORRECTION_FMT, language), element, subject);
  else if (*subject != '\0')
    what = g_strdup_printf (T (WHAT_FOR_FMT, language), element, subject);
  else
    what = g_strdup (element);

  cells[0] = date;
  cells[1] = what;
  cells[2] = quantity;
  cells[3] = rate;
  cells[4] = amount;
  cells[5] = line->taxable ? T (YES, language) : T (NO, language);
  ed_document_add_row (document, cells);
}

/* A person's statement in one language, after the name and address. */
static void
add_statement_text (EdDocument      *document,
                    EdPayroll       *payroll,
                    EdPayrollPerson *person,
                    GPtrArray       *lines,
                    GHashTable      *roles,
                    EdElectorLanguage language)
{
  const char *headings[] = {
    T (DATE, language), T (FOR, language), T (QUANTITY, language),
    T (RATE, language), T (AMOUNT, language), T (TAXABLE, language),
  };
  g_autofree char *ni = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *poll = ed_poll_card_format_date (&payroll->election->poll, language);
  g_autofree char *about = NULL;
  g_autofree char *gross = ed_money_format (person->approved.gross);
  g_autofree char *taxable = ed_money_format (person->approved.taxable);
  g_autofree char *non_taxable = ed_money_format (person->approved.non_taxable);
  g_autofree char *totals = NULL;
  gboolean election = FALSE, registration = FALSE;

  if (*person->ni_number != '\0' && strlen (person->ni_number) == 9)
    ni = ed_ni_number_mask (person->ni_number);
  reference = g_strdup_printf (T (REFERENCE_FMT, language),
                               *person->payroll_reference != '\0' ? person->payroll_reference
                                                                  : T (NONE_GIVEN, language),
                               ni != NULL ? ni : T (NONE_GIVEN, language));
  ed_document_add_paragraph (document, reference);

  about = g_strdup_printf (T (STATEMENT_ABOUT_FMT, language), poll, payroll->election->title);
  ed_document_add_paragraph (document, about);

  ed_document_set_columns (document, headings, column_widths, G_N_ELEMENTS (headings));
  for (guint i = 0; i < lines->len; i++)
    add_line_row (document, g_ptr_array_index (lines, i), roles, language);

  totals = g_strdup_printf (T (TOTALS_FMT, language), gross, taxable, non_taxable);
  ed_document_add_paragraph (document, totals);

  for (guint i = 0; i < lines->len; i++)
    {
      const EdPayrollLine *line = g_ptr_array_index (lines, i);

      election |= line->nic_category == ED_NIC_ELECTION;
      registration |= line->nic_category == ED_NIC_REGISTRATION;
    }
  if (election)
    ed_document_add_paragraph (document, T (ELECTION_DUTIES, language));
  if (registration)
    ed_document_add_paragraph (document, T (REGISTRATION_DUTIES, language));
  if (person->approved.non_taxable != 0)
    ed_document_add_paragraph (document, T (NOT_TAXED, language));
}

static void
add_person (EdDocument      *document,
            EdPayroll       *payroll,
            EdPayrollPerson *person,
            GPtrArray       *lines,
            GHashTable      *roles,
            gboolean         welsh_mode)
{
  g_autofree char *name = ed_payroll_person_get_name (person);
  g_autofree char *address = NULL;

  ed_document_add_heading (document, 1, name);
  if (*person->address != '\0' || *person->postcode != '\0')
    {
      address = *person->postcode != '\0'
                  ? g_strdup_printf ("%s\n%s", person->address, person->postcode)
                  : g_strdup (person->address);
      ed_document_add_paragraph (document, g_strstrip (address));
    }

  if (g_strcmp0 (person->language, "cy") == 0)
    add_statement_text (document, payroll, person, lines, roles, ED_ELECTOR_LANGUAGE_WELSH);
  else if (welsh_mode)
    {
      add_statement_text (document, payroll, person, lines, roles, ED_ELECTOR_LANGUAGE_WELSH);
      add_statement_text (document, payroll, person, lines, roles, ED_ELECTOR_LANGUAGE_ENGLISH);
    }
  else
    add_statement_text (document, payroll, person, lines, roles, ED_ELECTOR_LANGUAGE_ENGLISH);
}

/* Appointment row id → its EdStaffRole, for naming a line's role in a statement's language. */
static GHashTable *
load_roles (EdContext   *context,
            const char  *election,
            GError     **error)
{
  g_autoptr(GPtrArray) appointments =
    ed_staff_appointment_list (context, election, ED_STAFF_APPOINTMENT_BY_PERSON, error);
  GHashTable *roles;

  if (appointments == NULL)
    return NULL;
  roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < appointments->len; i++)
    {
      const EdStaffAppointment *appointment = g_ptr_array_index (appointments, i);

      g_hash_table_insert (roles, g_strdup (appointment->id),
                           GUINT_TO_POINTER (appointment->role));
    }
  return roles;
}

/**
 * ed_payroll_statements_document:
 * @context: the district
 * @election_id: the election's id or row id
 * @out_n_people: (out) (optional): how many statements it holds
 * @error: return location for an error
 *
 * Lays out the fee statement of each person the election's approved runs paid, each from a
 * new page, in the order of their names, in the language of the person and of the district.
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
  g_autoptr(GHashTable) roles = NULL;
  g_autofree char *officer = NULL;
  g_autofree char *title = NULL;
  EdStaffDocLanguages district_languages;
  gboolean welsh_mode;
  const char *ro;
  EdDocument *document;
  guint n_people = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election_id != NULL, NULL);

  if ((payroll = _ed_payroll_load_for_export (context, election_id, error)) == NULL)
    return NULL;
  if ((roles = load_roles (context, payroll->election->id, error)) == NULL)
    return NULL;

  settings = ed_context_get_settings (context);
  welsh_mode = ed_district_settings_get_welsh_language (settings);
  district_languages = welsh_mode ? ED_STAFF_DOC_BILINGUAL : ED_STAFF_DOC_ENGLISH;
  ro = ed_district_settings_get (settings, "ro-name");
  if (ro != NULL && *ro != '\0')
    {
      /* "Swyddog Canlyniadau / Returning Officer: Deepa Hartigan": the name once. */
      g_autofree char *label = _ed_staff_text_both (ED_STAFF_TEXT_SIGNATURE, district_languages);

      officer = g_strdup_printf ("%s: %s", label, ro);
    }
  title = _ed_staff_text_both (ED_STAFF_TEXT_STATEMENT, district_languages);
  document = ed_document_new (ed_district_settings_get_council_name (settings), officer, title);
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
      add_person (document, payroll, person, lines, roles, welsh_mode);
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
