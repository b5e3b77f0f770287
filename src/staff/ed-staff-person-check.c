/* ed-staff-person-check.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every way a person comes in (a form, the import, the command line) holds them to:
 * each field tidied as it is stored, and checked, with a sentence saying what was expected. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-ni-number.h"
#include "core/ed-postcode.h"
#include "core/ed-value-error.h"
#include "register/ed-elector-edit.h"
#include "register/ed-register-tables.h"
#include "staff/ed-staff-person.h"
#include "staff/ed-staff-person-private.h"

/* UK numbers have 10 or 11 digits, an international one at most 15 (ITU E.164). */
#define PHONE_MIN_DIGITS 10
#define PHONE_MAX_DIGITS 15

static const struct
{
  const char *field;
  const char *name;  /* untranslated */
} field_names[] = {
  { "family_name", N_("Family name") },
  { "given_names", N_("Given names") },
  { "email", N_("Email") },
  { "phone", N_("Phone") },
  { "address", N_("Address") },
  { "postcode", N_("Postcode") },
  { "date_of_birth", N_("Date of birth") },
  { "ni_number", N_("National Insurance number") },
  { "payroll_reference", N_("Payroll reference") },
  { "council_employee", N_("Council employee") },
  { "starter_statement", N_("Starter statement") },
  { "starter_date", N_("Starter checklist date") },
  { "language", N_("Language") },
  { "notes", N_("Notes") },
  { "roles", N_("Roles") },
};

/**
 * ed_staff_person_field_get_display_name:
 * @field: a column of staff_person, or "roles"
 *
 * Returns: (transfer none): the field's label, translated; @field itself if unknown
 */
const char *
ed_staff_person_field_get_display_name (const char *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (g_str_equal (field_names[i].field, field))
      return _(field_names[i].name);
  return field;
}

/**
 * ed_staff_role_parse:
 * @text: a role as a person or a file gives it
 * @out_role: (out) (optional): the role
 * @error: return location for an %ED_VALUE_ERROR listing the roles
 *
 * Reads a role as its stored value or its name, in any case, with spaces, hyphens or
 * underscores: "presiding_officer", "Presiding officer" and "PRESIDING-OFFICER" are one role.
 *
 * Returns: %TRUE if @text names a role
 */
gboolean
ed_staff_role_parse (const char   *text,
                     EdStaffRole  *out_role,
                     GError      **error)
{
  g_autofree char *wanted = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GString) expected = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  wanted = _ed_staff_fold (text);
  g_strstrip (wanted);
  g_strdelimit (wanted, " -", '_');
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    {
      g_autofree char *name = _ed_staff_fold (ed_staff_role_get_display_name (r));

      g_strdelimit (name, " -", '_');
      if (g_str_equal (wanted, ed_staff_role_to_string (r)) || g_str_equal (wanted, name))
        {
          if (out_role != NULL)
            *out_role = r;
          return TRUE;
        }
    }

  expected = g_string_new (NULL);
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    g_string_append_printf (expected, "%s%s", r > 0 ? ", " : "", ed_staff_role_to_string (r));
  display = ed_value_display_text (text);
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               /* Translators: the first %s is what was given, the second the list of roles,
                * which are not translated */
               _("“%s” is not a role; expected one of %s, or its name"), display,
               expected->str);
  return FALSE;
}

/* --- checks --------------------------------------------------------------------------------- */

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  EdFieldProblem *problem = g_new0 (EdFieldProblem, 1);

  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

/* @text composed (NFC), as the change set stores it; %NULL if it is not UTF-8. */
static char *
compose (GPtrArray  *problems,
         const char *field,
         const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      add_problem (problems, field, _("expected UTF-8 text"));
      return NULL;
    }
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
}

/* One line of text: trimmed, composed, no control characters and no longer than @max_chars. */
static void
clean_line (GPtrArray   *problems,
            const char  *field,
            char       **text,
            guint        max_chars)
{
  g_autoptr(GError) error = NULL;
  char *clean = compose (problems, field, *text);

  if (clean == NULL)
    return;
  g_strstrip (clean);
  if (!ed_register_text_check (clean, max_chars, &error))
    add_problem (problems, field, error->message);
  g_free (*text);
  *text = clean;
}

/* Text of several lines, each trimmed, whatever line ends a file or a form gives; blank lines
 * are dropped when @drop_blank. */
static void
clean_lines (GPtrArray   *problems,
             const char  *field,
             char       **text,
             guint        max_chars,
             gboolean     drop_blank)
{
  g_autofree char *composed = compose (problems, field, *text);
  g_autoptr(GStrvBuilder) kept = NULL;
  g_autoptr(GString) unix_text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) kept_lines = NULL;
  char *clean;
  guint n_chars = 0;

  if (composed == NULL)
    return;
  unix_text = g_string_new (composed);
  g_string_replace (unix_text, "\r\n", "\n", 0);
  g_string_replace (unix_text, "\r", "\n", 0);
  lines = g_strsplit (unix_text->str, "\n", -1);
  kept = g_strv_builder_new ();
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      char *line = g_strstrip (lines[i]);

      if (drop_blank && *line == '\0')
        continue;
      if (!ed_register_text_check (line, G_MAXUINT, &error))
        {
          add_problem (problems, field, error->message);
          return;
        }
      n_chars += g_utf8_strlen (line, -1);
      g_strv_builder_add (kept, line);
    }
  kept_lines = g_strv_builder_end (kept);
  clean = g_strjoinv ("\n", kept_lines);
  g_strstrip (clean);
  if (n_chars > max_chars)
    {
      g_autofree char *message =
        g_strdup_printf (_("expected at most %u characters; this is %u characters long"),
                         max_chars, n_chars);

      add_problem (problems, field, message);
    }
  g_free (*text);
  *text = clean;
}

/* The shape of an address, not whether it exists: one @, a dot in the domain, no spaces. */
static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');
  const char *dot = at != NULL ? strrchr (at, '.') : NULL;

  return at != NULL && at != text && strchr (at + 1, '@') == NULL && dot != NULL &&
         dot != at + 1 && dot[1] != '\0' && strpbrk (text, " ,;<>\"") == NULL;
}

static gboolean
is_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +()-", *p) == NULL)
        return FALSE;
    }
  return digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS;
}

static void
check_not_after (GPtrArray   *problems,
                 const char  *field,
                 const GDate *date,
                 const GDate *today,
                 const char  *message)
{
  if (g_date_valid (date) && g_date_compare (date, today) > 0)
    add_problem (problems, field, message);
}

/**
 * ed_staff_person_check:
 * @person: a person's fields as typed or read from a file
 * @today: the day the person is saved
 *
 * Tidies @person in place (text trimmed and composed, the postcode and the National Insurance
 * number normalised, the roles in order and each once) and checks every field: a family name,
 * text within its limits and without control characters, an email address and a telephone
 * number of the right shape, a postcode, a National Insurance number HMRC could have issued,
 * no date after @today, a starter checklist date only with its statement, and a language of
 * "" or "cy".
 *
 * Returns: (transfer full) (element-type EdFieldProblem): what is wrong, field by field (the
 *   column names of staff_person, and "roles"); empty when the person may be saved
 */
GPtrArray *
ed_staff_person_check (EdStaffPerson *person,
                       const GDate   *today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_field_problem_free);
  gboolean wanted[ED_N_STAFF_ROLES] = { FALSE };

  g_return_val_if_fail (person != NULL, problems);
  g_return_val_if_fail (today != NULL && g_date_valid (today), problems);

  clean_line (problems, "family_name", &person->family_name, ED_STAFF_NAME_MAX_CHARS);
  if (*person->family_name == '\0')
    add_problem (problems, "family_name", _("expected a family name; every person needs one"));
  clean_line (problems, "given_names", &person->given_names, ED_STAFF_NAME_MAX_CHARS);
  clean_line (problems, "email", &person->email, ED_STAFF_EMAIL_MAX_CHARS);
  if (*person->email != '\0' && !is_email (person->email))
    add_problem (problems, "email", _("expected an email address, such as name@example.org"));
  clean_line (problems, "phone", &person->phone, ED_STAFF_PHONE_MAX_CHARS);
  if (*person->phone != '\0' && !is_phone (person->phone))
    add_problem (problems, "phone",
                 _("expected a telephone number of 10 to 15 digits, such as 01632 960123"));
  clean_lines (problems, "address", &person->address, ED_STAFF_ADDRESS_MAX_CHARS, TRUE);
  clean_line (problems, "postcode", &person->postcode, ED_STAFF_REFERENCE_MAX_CHARS);
  if (*person->postcode != '\0')
    {
      g_autoptr(GError) error = NULL;
      char *postcode = NULL;

      if (ed_postcode_normalise (person->postcode, &postcode, &error))
        {
          g_free (person->postcode);
          person->postcode = postcode;
        }
      else
        add_problem (problems, "postcode", error->message);
    }
  check_not_after (problems, "date_of_birth", &person->date_of_birth, today,
                   _("a date of birth cannot be in the future"));

  clean_line (problems, "ni_number", &person->ni_number, ED_STAFF_REFERENCE_MAX_CHARS);
  if (*person->ni_number != '\0')
    {
      g_autoptr(GError) error = NULL;
      char *number = NULL;

      if (ed_ni_number_normalise (person->ni_number, &number, &error))
        {
          g_free (person->ni_number);
          person->ni_number = number;
        }
      else
        add_problem (problems, "ni_number", error->message);
    }
  clean_line (problems, "payroll_reference", &person->payroll_reference,
              ED_STAFF_REFERENCE_MAX_CHARS);

  if ((guint)person->starter_statement > ED_N_STARTER_STATEMENTS)
    add_problem (problems, "starter_statement", _("expected A, B or C"));
  if (person->starter_statement == ED_STARTER_NONE && g_date_valid (&person->starter_date))
    add_problem (problems, "starter_date",
                 _("expected a starter statement (A, B or C) with the checklist’s date"));
  check_not_after (problems, "starter_date", &person->starter_date, today,
                   _("the starter checklist cannot be dated in the future"));

  clean_line (problems, "language", &person->language, ED_STAFF_REFERENCE_MAX_CHARS);
  if (g_ascii_strcasecmp (person->language, "cy") == 0)
    {
      g_free (person->language);
      person->language = g_strdup ("cy");
    }
  else if (*person->language != '\0')
    add_problem (problems, "language", _("expected cy for Welsh first, or nothing for English"));
  clean_lines (problems, "notes", &person->notes, ED_STAFF_NOTES_MAX_CHARS, FALSE);

  for (guint i = 0; i < person->roles->len; i++)
    {
      EdStaffRole role = g_array_index (person->roles, EdStaffRole, i);

      if ((guint)role < ED_N_STAFF_ROLES)
        wanted[role] = TRUE;
      else
        add_problem (problems, "roles", _("expected roles of the staff vocabulary"));
    }
  g_array_set_size (person->roles, 0);
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    if (wanted[r])
      {
        EdStaffRole role = r;

        g_array_append_val (person->roles, role);
      }
  return problems;
}
