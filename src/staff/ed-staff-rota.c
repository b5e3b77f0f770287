/* ed-staff-rota.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The staff rota of an election (DOMAIN.md §4.1, §3.4), one PDF: a page for each polling
 * station with the place's address and caretaker and everyone appointed there, by role, with
 * their hours and telephone; a page for each session of the count and of postal vote
 * opening; and the polling station inspectors' contact sheet.
 *
 * It carries only what the presiding officer and the inspectors need to reach their staff:
 * never a date of birth, a National Insurance number, an address or an email. Those who
 * declined or did not attend are left out; those still only invited are in, since the rota
 * is how the office sees a station's gaps.
 *
 * The inspectors' sheet is one for all of them, every station with its presiding officer's
 * telephone, rather than one per round: the appointments record a round's name (the
 * inspector's session) but not which stations it takes in, and one sheet lets an inspector
 * cover a colleague's stations on the day.
 *
 * In a district in Welsh-language mode the document's own words are in Welsh and English,
 * Welsh first, as the district's other documents are. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include "district/ed-district-settings.h"
#include "elections/ed-poll-card.h"
#include "print/ed-document.h"
#include "staff/ed-staff-documents.h"
#include "staff/ed-staff-documents-private.h"

typedef struct
{
  EdStaffPlace  place;
  const char   *key;          /* the station's row id, or the session */
  GPtrArray    *appointments; /* (element-type EdStaffAppointment) (transfer none) */
} Group;

static void
group_free (Group *group)
{
  g_ptr_array_unref (group->appointments);
  g_free (group);
}

static gboolean
on_rota (const EdStaffAppointment *appointment)
{
  return appointment->state != ED_APPOINTMENT_DECLINED &&
         appointment->state != ED_APPOINTMENT_DID_NOT_ATTEND;
}

/* The appointments grouped by station, then count and postal vote opening sessions, in the
 * list's order (stations by code). Inspectors and the office's work are not on a rota. */
static GPtrArray *
group_appointments (EdStaffDocData *data)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);

  for (guint i = 0; i < data->appointments->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (data->appointments, i);
      g_autofree char *key = NULL;
      Group *group;

      if (!on_rota (appointment) || appointment->place_kind == ED_STAFF_PLACE_OFFICE ||
          appointment->role == ED_STAFF_ROLE_STATION_INSPECTOR)
        continue;
      if (appointment->place_kind == ED_STAFF_PLACE_STATION &&
          !g_hash_table_contains (data->stations, appointment->station))
        continue;
      key = g_strdup_printf ("%d:%s", appointment->place_kind,
                             appointment->place_kind == ED_STAFF_PLACE_STATION
                               ? appointment->station : appointment->session);
      group = g_hash_table_lookup (by_key, key);
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->place = appointment->place_kind;
          group->key = appointment->place_kind == ED_STAFF_PLACE_STATION
                         ? appointment->station : appointment->session;
          group->appointments = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_key, g_steal_pointer (&key), group);
        }
      g_ptr_array_add (group->appointments, appointment);
    }
  return groups;
}

static const char *
person_name (EdStaffDocData *data,
             const char     *person_id,
             char          **out_owned)
{
  EdStaffPerson *person = g_hash_table_lookup (data->people, person_id);

  *out_owned = person != NULL ? ed_staff_person_dup_name (person) : g_strdup ("");
  return *out_owned;
}

static const char *
person_phone (EdStaffDocData *data,
              const char     *person_id)
{
  EdStaffPerson *person = g_hash_table_lookup (data->people, person_id);

  return person != NULL ? person->phone : "";
}

/* A day in figures, "06/05/2027", which reads the same in Welsh and in English. */
static char *
day_cell (EdStaffDocData           *data,
          const EdStaffAppointment *appointment)
{
  GDate day;

  ed_staff_appointment_get_work_day (appointment, &data->election->poll, &day);
  if (!g_date_valid (&day))
    return g_strdup ("");
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&day), g_date_get_month (&day),
                          g_date_get_year (&day));
}

static void
set_columns (EdDocument          *document,
             EdStaffDocLanguages  languages,
             gboolean             with_day)
{
  g_autofree char *role = _ed_staff_text_both (ED_STAFF_TEXT_ROLE, languages);
  g_autofree char *name = _ed_staff_text_both (ED_STAFF_TEXT_NAME, languages);
  g_autofree char *day = _ed_staff_text_both (ED_STAFF_TEXT_DAY, languages);
  g_autofree char *times = _ed_staff_text_both (ED_STAFF_TEXT_TIMES, languages);
  g_autofree char *phone = _ed_staff_text_both (ED_STAFF_TEXT_PHONE, languages);
  const char *headings[] = { role, name, day, times, phone };
  const char *station_headings[] = { role, name, times, phone };
  const double widths[] = { 0.26, 0.28, 0.14, 0.14, 0.18 };
  const double station_widths[] = { 0.30, 0.32, 0.16, 0.22 };

  if (with_day)
    ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  else
    ed_document_set_columns (document, station_headings, station_widths,
                             G_N_ELEMENTS (station_headings));
}

static void
add_group (EdDocument          *document,
           EdStaffDocData      *data,
           const Group         *group,
           EdStaffDocLanguages  languages)
{
  gboolean at_station = group->place == ED_STAFF_PLACE_STATION;

  if (at_station)
    {
      const EdStaffDocStation *station = g_hash_table_lookup (data->stations, group->key);
      g_autofree char *title = _ed_staff_doc_station_title (station, languages);

      ed_document_add_heading (document, 1, title);
      if (*station->address != '\0')
        ed_document_add_paragraph (document, station->address);
      if (*station->caretaker != '\0')
        {
          g_autofree char *en = g_strdup_printf (_ed_staff_text (ED_STAFF_TEXT_CARETAKER_FMT,
                                                                 ED_ELECTOR_LANGUAGE_ENGLISH),
                                                 station->caretaker);
          g_autofree char *cy = g_strdup_printf (_ed_staff_text (ED_STAFF_TEXT_CARETAKER_FMT,
                                                                 ED_ELECTOR_LANGUAGE_WELSH),
                                                 station->caretaker);

          ed_document_add_paragraph (document, languages == ED_STAFF_DOC_BILINGUAL ? cy : en);
          if (languages == ED_STAFF_DOC_BILINGUAL)
            ed_document_add_paragraph (document, en);
        }
    }
  else
    {
      g_autofree char *place = _ed_staff_text_both (group->place == ED_STAFF_PLACE_COUNT
                                                      ? ED_STAFF_TEXT_COUNT
                                                      : ED_STAFF_TEXT_POSTAL_OPENING,
                                                    languages);
      g_autofree char *title = *group->key != '\0'
                                 ? g_strdup_printf ("%s — %s", place, group->key)
                                 : g_strdup (place);

      ed_document_add_heading (document, 1, title);
    }

  set_columns (document, languages, !at_station);
  for (guint i = 0; i < group->appointments->len; i++)
    {
      const EdStaffAppointment *appointment = g_ptr_array_index (group->appointments, i);
      g_autofree char *role = _ed_staff_role_text_both (appointment->role, languages);
      g_autofree char *name = NULL;
      g_autofree char *day = day_cell (data, appointment);
      g_autofree char *times = _ed_staff_doc_times (appointment);
      const char *phone = person_phone (data, appointment->person);
      const char *cells[] = { role, person_name (data, appointment->person, &name), day, times,
                              phone };
      const char *station_cells[] = { cells[0], cells[1], times, phone };

      ed_document_add_row (document, at_station ? station_cells : cells);
    }
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  const EdStaffDocStation *x = *(EdStaffDocStation * const *)a;
  const EdStaffDocStation *y = *(EdStaffDocStation * const *)b;

  return g_utf8_collate (x->code, y->code);
}

/* Every station with anyone on its rota, with its presiding officer's telephone, after the
 * inspectors themselves. */
static void
add_inspectors (EdDocument          *document,
                EdStaffDocData      *data,
                GPtrArray           *groups,
                EdStaffDocLanguages  languages)
{
  g_autofree char *title = _ed_staff_text_both (ED_STAFF_TEXT_INSPECTORS, languages);
  g_autofree char *note = _ed_staff_text_both (ED_STAFF_TEXT_INSPECTORS_NOTE, languages);
  g_autofree char *name = _ed_staff_text_both (ED_STAFF_TEXT_NAME, languages);
  g_autofree char *round = _ed_staff_text_both (ED_STAFF_TEXT_ROUND, languages);
  g_autofree char *phone = _ed_staff_text_both (ED_STAFF_TEXT_PHONE, languages);
  g_autofree char *station_heading = _ed_staff_text_both (ED_STAFF_TEXT_STATION, languages);
  g_autofree char *place = _ed_staff_text_both (ED_STAFF_TEXT_PLACE, languages);
  g_autofree char *presiding = _ed_staff_text_both (ED_STAFF_TEXT_PRESIDING_OFFICER, languages);
  g_autofree char *no_one = _ed_staff_text_both (ED_STAFF_TEXT_NO_ONE, languages);
  g_autoptr(GPtrArray) stations = g_ptr_array_new ();
  g_autoptr(GHashTable) presiding_by_station = g_hash_table_new (g_str_hash, g_str_equal);

  ed_document_add_heading (document, 1, title);
  ed_document_add_paragraph (document, note);
  {
    const char *headings[] = { name, round, phone };
    const double widths[] = { 0.4, 0.35, 0.25 };

    ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  }
  for (guint i = 0; i < data->appointments->len; i++)
    {
      const EdStaffAppointment *appointment = g_ptr_array_index (data->appointments, i);
      g_autofree char *person = NULL;
      const char *cells[3];

      if (appointment->role != ED_STAFF_ROLE_STATION_INSPECTOR || !on_rota (appointment))
        continue;
      cells[0] = person_name (data, appointment->person, &person);
      cells[1] = appointment->session;
      cells[2] = person_phone (data, appointment->person);
      ed_document_add_row (document, cells);
    }

  for (guint g = 0; g < groups->len; g++)
    {
      const Group *group = g_ptr_array_index (groups, g);

      if (group->place != ED_STAFF_PLACE_STATION)
        continue;
      g_ptr_array_add (stations, g_hash_table_lookup (data->stations, group->key));
      for (guint i = 0; i < group->appointments->len; i++)
        {
          const EdStaffAppointment *appointment = g_ptr_array_index (group->appointments, i);

          if (appointment->role == ED_STAFF_ROLE_PRESIDING_OFFICER &&
              !g_hash_table_contains (presiding_by_station, group->key))
            g_hash_table_insert (presiding_by_station, (gpointer)group->key,
                                 (gpointer)appointment->person);
        }
    }
  g_ptr_array_sort (stations, compare_codes);

  ed_document_add_heading (document, 2, station_heading);
  {
    const char *headings[] = { station_heading, place, presiding, phone };
    const double widths[] = { 0.1, 0.4, 0.28, 0.22 };

    ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  }
  for (guint s = 0; s < stations->len; s++)
    {
      const EdStaffDocStation *station = g_ptr_array_index (stations, s);
      const char *person = g_hash_table_lookup (presiding_by_station, station->id);
      g_autofree char *officer = NULL;
      g_autofree char *where = *station->name != '\0'
                                 ? g_strdup_printf ("%s, %s", station->place_name, station->name)
                                 : g_strdup (station->place_name);
      const char *cells[4];

      cells[0] = station->code;
      cells[1] = where;
      cells[2] = person != NULL ? person_name (data, person, &officer) : no_one;
      cells[3] = person != NULL ? person_phone (data, person) : "";
      ed_document_add_row (document, cells);
    }
}

/**
 * ed_staff_rota_pdf:
 * @context: the district
 * @election: the election
 * @path: the PDF to write; replaced only once it is whole
 * @error: return location for an error
 *
 * Writes the election's staff rota: each polling station's, each session's of the count and
 * of postal vote opening, and the inspectors' contact sheet.
 *
 * Returns: whether it was written
 */
gboolean
ed_staff_rota_pdf (EdContext   *context,
                   EdElection  *election,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(EdStaffDocData) data = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(EdDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  EdStaffDocLanguages languages;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election != NULL && path != NULL, FALSE);

  data = _ed_staff_doc_data_load (context, election, error);
  if (data == NULL)
    return FALSE;
  languages = data->welsh_mode ? ED_STAFF_DOC_BILINGUAL : ED_STAFF_DOC_ENGLISH;
  groups = group_appointments (data);

  title = _ed_staff_text_both (ED_STAFF_TEXT_ROTA, languages);
  document = ed_document_new (ed_district_settings_get_council_name (
                                ed_context_get_settings (context)),
                              election->title, title);
  {
    g_autofree char *en_day = ed_poll_card_format_date (&election->poll,
                                                        ED_ELECTOR_LANGUAGE_ENGLISH);
    g_autofree char *cy_day = ed_poll_card_format_date (&election->poll,
                                                        ED_ELECTOR_LANGUAGE_WELSH);
    g_autofree char *en = g_strdup_printf (_ed_staff_text (ED_STAFF_TEXT_POLLING_DAY_FMT,
                                                           ED_ELECTOR_LANGUAGE_ENGLISH), en_day);
    g_autofree char *cy = g_strdup_printf (_ed_staff_text (ED_STAFF_TEXT_POLLING_DAY_FMT,
                                                           ED_ELECTOR_LANGUAGE_WELSH), cy_day);

    /* Both days without their labels, which the running header has no room for. */
    subtitle = languages == ED_STAFF_DOC_BILINGUAL ? g_strdup_printf ("%s / %s", cy_day, en_day)
                                                   : g_strdup (en);
    ed_document_set_subtitle (document, subtitle);
  }

  for (guint g = 0; g < groups->len; g++)
    add_group (document, data, g_ptr_array_index (groups, g), languages);
  add_inspectors (document, data, groups, languages);
  return ed_document_write_pdf (document, path, error);
}
