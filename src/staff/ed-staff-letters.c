/* ed-staff-letters.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The appointment letters of an election (DOMAIN.md §4.1), merged into one PDF: a letter for
 * each person with an appointment accepted or confirmed, listing every such appointment of
 * theirs: the role, the station and its address or the count's or postal vote opening's
 * session, the day and hours, the fee from the election's fee scale (a flat fee as the sum,
 * an hourly one as the rate an hour, a per-unit one as the rate a unit) and the person's next
 * training course for the role.
 *
 * Each letter starts a page with the person's name and address where a DL envelope's window
 * shows it, the window of the poll cards' envelopes (ed-poll-card-address.h), for an A4 page
 * folded in three.
 *
 * A person whose language is Welsh is written to in Welsh only; in a district in
 * Welsh-language mode everyone else has the letter in Welsh and then in English; elsewhere it
 * is in English. The wording is the letter's own, not gettext's (ed-staff-documents.c). */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "core/ed-money.h"
#include "core/ed-today.h"
#include "district/ed-district-settings.h"
#include "elections/ed-poll-card.h"
#include "elections/ed-poll-card-address.h"
#include "print/ed-document.h"
#include "staff/ed-fee-scale.h"
#include "staff/ed-staff-documents.h"
#include "staff/ed-staff-documents-private.h"

#define MM_TO_PT (72.0 / 25.4)

/* The envelope is 110 mm deep; the window's foot is this far from its bottom edge. */
#define ENVELOPE_HEIGHT_MM  110
#define WINDOW_BOTTOM_MM    15
#define WINDOW_LEFT_MM      20
#define ADDRESS_FONT        "DejaVu Sans, Noto Sans, sans-serif 10"

static gboolean
gets_letter (const EdStaffAppointment *appointment)
{
  return appointment->state == ED_APPOINTMENT_ACCEPTED ||
         appointment->state == ED_APPOINTMENT_CONFIRMED;
}

/* The addressee's lines: the name, the address lines, the postcode; no more lines than the
 * window shows, the surplus address lines run together. */
/* "Siân Pryderi", as a letter is addressed. */
static char *
full_name (const EdStaffPerson *person)
{
  if (*person->given_names == '\0')
    return g_strdup (person->family_name);
  return g_strdup_printf ("%s %s", person->given_names, person->family_name);
}

static GStrv
address_lines (const EdStaffPerson *person)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit (person->address, "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *name = full_name (person);
  guint room = ED_POLL_CARD_WINDOW_LINES - 1 - (*person->postcode != '\0');

  g_strv_builder_add (builder, name);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_ptr_array_add (kept, lines[i]);
  for (guint i = 0; i < kept->len; i++)
    {
      if (i + 1 == room && kept->len > room)
        {
          g_autofree char *rest = NULL;

          g_ptr_array_add (kept, NULL);
          rest = g_strjoinv (", ", (char **)kept->pdata + i);
          g_strv_builder_add (builder, rest);
          break;
        }
      g_strv_builder_add (builder, g_ptr_array_index (kept, i));
    }
  if (*person->postcode != '\0')
    g_strv_builder_add (builder, person->postcode);
  return g_strv_builder_end (builder);
}

/* The address, drawn where the window is whatever the figure's place on the page: it comes
 * first on its page, so its origin is the body's. */
static void
draw_address (cairo_t *cr,
              double   width,
              double   height,
              gpointer user_data)
{
  const char *text = user_data;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (ADDRESS_FONT);
  double body_x, body_y;
  double window_top = (ENVELOPE_HEIGHT_MM - WINDOW_BOTTOM_MM - ED_POLL_CARD_WINDOW_HEIGHT_MM) *
                      MM_TO_PT;

  ed_document_get_body_origin (&body_x, &body_y);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, pango_units_from_double (ED_POLL_CARD_WINDOW_WIDTH_MM *
                                                           MM_TO_PT - 12));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  /* 3 mm inside the window on each side, for the letter's shift in the envelope. */
  cairo_move_to (cr, WINDOW_LEFT_MM * MM_TO_PT + 6 - body_x, window_top + 6 - body_y);
  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_cairo_show_layout (cr, layout);
}

/* The figure's height: down to the foot of the window. */
static double
address_height (void)
{
  double body_x, body_y;

  ed_document_get_body_origin (&body_x, &body_y);
  return (ENVELOPE_HEIGHT_MM - WINDOW_BOTTOM_MM) * MM_TO_PT - body_y;
}

static char *
fee_text (GPtrArray         *rates,
          EdStaffRole        role,
          EdElectorLanguage  language)
{
  const EdFeeRate *rate = ed_fee_rate_find (rates, role);
  g_autofree char *amount = NULL;

  if (rate == NULL)
    return g_strdup (_ed_staff_text (ED_STAFF_TEXT_FEE_NONE, language));
  amount = ed_money_format (rate->rate);
  switch (rate->basis)
    {
    case ED_FEE_HOURLY:
      return g_strdup_printf (_ed_staff_text (ED_STAFF_TEXT_FEE_HOURLY_FMT, language), amount);
    case ED_FEE_PER_UNIT:
      return g_strdup_printf (_ed_staff_text (ED_STAFF_TEXT_FEE_UNIT_FMT, language), amount,
                              rate->unit_name);
    case ED_FEE_FLAT:
    default:
      return g_strdup_printf (_ed_staff_text (ED_STAFF_TEXT_FEE_FLAT_FMT, language), amount);
    }
}

/* The person's next course for the role: the first on or after today. */
static const EdStaffTraining *
next_training (GPtrArray   *training,
               EdStaffRole  role,
               const GDate *today)
{
  const EdStaffTraining *next = NULL;

  for (guint i = 0; training != NULL && i < training->len; i++)
    {
      const EdStaffTraining *course = g_ptr_array_index (training, i);

      if (course->role != role || !g_date_valid (&course->course_date) ||
          g_date_compare (&course->course_date, today) < 0)
        continue;
      if (next == NULL || g_date_compare (&course->course_date, &next->course_date) < 0)
        next = course;
    }
  return next;
}

static char *
where_text (EdStaffDocData           *data,
            const EdStaffAppointment *appointment,
            EdElectorLanguage         language)
{
  EdStaffDocLanguages one = language == ED_ELECTOR_LANGUAGE_WELSH ? ED_STAFF_DOC_WELSH
                                                                   : ED_STAFF_DOC_ENGLISH;
  const char *place;

  switch (appointment->place_kind)
    {
    case ED_STAFF_PLACE_STATION:
      {
        const EdStaffDocStation *station = g_hash_table_lookup (data->stations,
                                                                appointment->station);
        g_autofree char *title = NULL;

        if (station == NULL)
          return g_strdup ("");
        title = _ed_staff_doc_station_title (station, one);
        return g_strdup_printf ("%s\n%s", title, station->address);
      }
    case ED_STAFF_PLACE_COUNT:
      place = _ed_staff_text (ED_STAFF_TEXT_COUNT, language);
      break;
    case ED_STAFF_PLACE_POSTAL_OPENING:
      place = _ed_staff_text (ED_STAFF_TEXT_POSTAL_OPENING, language);
      break;
    case ED_STAFF_PLACE_OFFICE:
    default:
      place = _ed_staff_text (ED_STAFF_TEXT_OFFICE, language);
      break;
    }
  if (*appointment->session != '\0')
    return g_strdup_printf ("%s — %s", place, appointment->session);
  return g_strdup (place);
}

static char *
when_text (EdStaffDocData           *data,
           const EdStaffAppointment *appointment,
           EdElectorLanguage         language)
{
  g_autofree char *times = _ed_staff_doc_times (appointment);
  g_autofree char *day = NULL;
  GDate work_day;

  ed_staff_appointment_get_work_day (appointment, &data->election->poll, &work_day);
  day = ed_poll_card_format_date (&work_day, language);
  if (*times == '\0')
    return g_steal_pointer (&day);
  return g_strdup_printf ("%s, %s", day, times);
}

/* The letter in one language: greeting, then each appointment as a small table. */
static void
add_letter_text (EdDocument          *document,
                 EdStaffDocData      *data,
                 const EdStaffPerson *person,
                 GPtrArray           *appointments,
                 GPtrArray           *rates,
                 GPtrArray           *training,
                 const GDate         *today,
                 EdElectorLanguage    language)
{
  g_autofree char *name = full_name (person);
  g_autofree char *dear = g_strdup_printf (_ed_staff_text (ED_STAFF_TEXT_DEAR_FMT, language),
                                           name);
  g_autofree char *poll = g_strdup_printf ("%s: %s",
                                           ed_poll_card_kind_name (data->election->kind,
                                                                   data->election->country,
                                                                   language),
                                           data->election->title);
  const char *headings[] = { "", "" };
  const double widths[] = { 0.25, 0.75 };

  ed_document_add_heading (document, 2, _ed_staff_text (ED_STAFF_TEXT_LETTER, language));
  ed_document_add_paragraph (document, dear);
  ed_document_add_paragraph (document, poll);
  ed_document_add_paragraph (document, _ed_staff_text (ED_STAFF_TEXT_APPOINTED, language));
  ed_document_set_columns (document, headings, widths, 2);
  for (guint i = 0; i < appointments->len; i++)
    {
      const EdStaffAppointment *appointment = g_ptr_array_index (appointments, i);
      const EdStaffTraining *course = next_training (training, appointment->role, today);
      g_autofree char *where = where_text (data, appointment, language);
      g_autofree char *when = when_text (data, appointment, language);
      g_autofree char *fee = fee_text (rates, appointment->role, language);
      g_autofree char *course_text = NULL;
      const char *rows[][2] = {
        { _ed_staff_text (ED_STAFF_TEXT_ROLE, language),
          _ed_staff_role_text (appointment->role, language) },
        { _ed_staff_text (ED_STAFF_TEXT_WHERE, language), where },
        { _ed_staff_text (ED_STAFF_TEXT_WHEN, language), when },
        { _ed_staff_text (ED_STAFF_TEXT_FEE, language), fee },
        { _ed_staff_text (ED_STAFF_TEXT_TRAINING, language), NULL },
      };

      if (course != NULL)
        {
          g_autofree char *day = ed_poll_card_format_date (&course->course_date, language);

          course_text = g_strdup_printf (_ed_staff_text (ED_STAFF_TEXT_TRAINING_FMT, language),
                                         course->course, day);
        }
      rows[4][1] = course_text != NULL ? course_text
                                       : _ed_staff_text (ED_STAFF_TEXT_NO_TRAINING, language);
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        ed_document_add_row (document, rows[r]);
    }
  ed_document_add_paragraph (document, _ed_staff_text (ED_STAFF_TEXT_CLOSING, language));
  ed_document_add_paragraph (document, _ed_staff_text (ED_STAFF_TEXT_SIGNATURE, language));
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const EdStaffPerson *x = *(EdStaffPerson * const *)a;
  const EdStaffPerson *y = *(EdStaffPerson * const *)b;
  int order = g_utf8_collate (x->family_name, y->family_name);

  if (order == 0)
    order = g_utf8_collate (x->given_names, y->given_names);
  return order != 0 ? order : strcmp (x->id, y->id);
}

/**
 * ed_staff_letters_pdf:
 * @context: the district
 * @election: the election
 * @path: the PDF to write; replaced only once it is whole
 * @error: return location for an error
 *
 * Writes an appointment letter for each person with an appointment accepted or confirmed for
 * the election, all in one PDF, each starting a page, by family name.
 *
 * Returns: whether it was written
 */
gboolean
ed_staff_letters_pdf (EdContext   *context,
                      EdElection  *election,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(EdStaffDocData) data = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GHashTable) by_person =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(EdDocument) document = NULL;
  g_autofree char *title = NULL;
  EdStaffDocLanguages district_languages;
  GDate today;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election != NULL && path != NULL, FALSE);

  data = _ed_staff_doc_data_load (context, election, error);
  if (data == NULL)
    return FALSE;
  rates = ed_fee_rate_list (context, election, error);
  if (rates == NULL)
    return FALSE;
  ed_today (&today);
  district_languages = data->welsh_mode ? ED_STAFF_DOC_BILINGUAL : ED_STAFF_DOC_ENGLISH;

  for (guint i = 0; i < data->appointments->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (data->appointments, i);
      EdStaffPerson *person;
      GPtrArray *list;

      if (!gets_letter (appointment))
        continue;
      person = g_hash_table_lookup (data->people, appointment->person);
      if (person == NULL)
        continue;
      list = g_hash_table_lookup (by_person, person->id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_person, person->id, list);
          g_ptr_array_add (people, person);
        }
      g_ptr_array_add (list, appointment);
    }
  g_ptr_array_sort (people, compare_people);

  title = _ed_staff_text_both (ED_STAFF_TEXT_LETTER, district_languages);
  document = ed_document_new (ed_district_settings_get_council_name (
                                ed_context_get_settings (context)),
                              election->title, title);
  for (guint p = 0; p < people->len; p++)
    {
      const EdStaffPerson *person = g_ptr_array_index (people, p);
      GPtrArray *appointments = g_hash_table_lookup (by_person, person->id);
      g_autoptr(GPtrArray) training = ed_staff_training_list (context, person->id, error);
      g_auto(GStrv) lines = address_lines (person);
      EdElectorLanguage languages[2];
      guint n_languages;

      if (training == NULL)
        return FALSE;
      if (g_strcmp0 (person->language, "cy") == 0)
        {
          languages[0] = ED_ELECTOR_LANGUAGE_WELSH;
          n_languages = 1;
        }
      else if (data->welsh_mode)
        {
          languages[0] = ED_ELECTOR_LANGUAGE_WELSH;
          languages[1] = ED_ELECTOR_LANGUAGE_ENGLISH;
          n_languages = 2;
        }
      else
        {
          languages[0] = ED_ELECTOR_LANGUAGE_ENGLISH;
          n_languages = 1;
        }

      if (p > 0)
        ed_document_add_page_break (document);
      ed_document_add_figure (document, address_height (), draw_address,
                              g_strjoinv ("\n", lines), g_free);
      for (guint l = 0; l < n_languages; l++)
        add_letter_text (document, data, person, appointments, rates, training, &today,
                         languages[l]);
    }
  return ed_document_write_pdf (document, path, error);
}
