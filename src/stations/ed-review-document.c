/* ed-review-document.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The documents of a review of polling districts and places (DOMAIN.md §3.3), as a member of
 * the public reads them once published:
 *
 * - the notice of review: that the review is under way, where the (A)RO's comments can be
 *   seen, that electors may make representations, that disabled residents and access experts
 *   are invited, that alternative venues are welcome, the council's contact details, and the
 *   timetable with its deadline;
 * - the report to the committee: the legal background, the timetable and what the law
 *   requires, the per-district table, the representations with the council's responses, the
 *   recommendations, and maps: the whole council's, then each polling district the review
 *   proposes to change.
 *
 * Representations are published, but private individuals' names are not: an elector's is
 * shown as "An elector (name withheld)" (ed_representation_kind_is_named()). Nothing else
 * about a person is printed: no address, no elector number.
 *
 * The maps are the stations module's own sheets (ed-station-map.c), read from the database as
 * the document is built and drawn as the document's figures, so a report written in a job
 * reads everything on the job's connection. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "district/ed-district-settings.h"
#include "stations/ed-review-districts.h"
#include "stations/ed-review-document.h"
#include "stations/ed-station-map.h"
#include "stations/ed-station-review.h"

static char *
format_day (const GDate *date)
{
  return g_date_valid (date) ? ed_date_format_long (date) : g_strdup ("");
}

static char *
join (GPtrArray  *texts,
      const char *separator)
{
  g_autoptr(GString) out = g_string_new ("");

  for (guint i = 0; i < texts->len; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (texts, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A setting as one line: an address kept over several lines reads as one in a sentence. */
static char *
setting_line (EdDistrictSettings *settings,
              const char         *key)
{
  const char *value = ed_district_settings_get (settings, key);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (value == NULL)
    return g_strdup ("");
  lines = g_strsplit (value, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_ptr_array_add (kept, lines[i]);
    }
  return join (kept, ", ");
}

static const char *
council_of (EdContext *context)
{
  const char *council = ed_district_settings_get_council_name (ed_context_get_settings (context));

  return council != NULL && council[0] != '\0' ? council : _("The council");
}

/* ---- what both documents say ------------------------------------------------------------- */

/* Who made a representation, as published. */
static char *
representation_from (const EdReviewRepresentation *representation)
{
  if (!ed_representation_kind_is_named (representation->kind))
    return g_strdup (representation->kind == ED_REPRESENTATION_ELECTOR
                       ? _("An elector (name withheld)")
                       : _("A member of the public (name withheld)"));
  /* Translators: who made a representation and what they are: "Cllr A. Jones (Councillor)" */
  return g_strdup_printf (_("%s (%s)"), representation->from_whom,
                          ed_representation_kind_get_display_name (representation->kind));
}

static char *
representation_about (const EdReviewRepresentation *representation)
{
  if (representation->polling_district_code[0] != '\0' && representation->place_name[0] != '\0')
    /* Translators: a polling district's code and a polling place's name */
    return g_strdup_printf (_("Polling district %s, %s"), representation->polling_district_code,
                            representation->place_name);
  if (representation->polling_district_code[0] != '\0')
    return g_strdup_printf (_("Polling district %s"), representation->polling_district_code);
  if (representation->place_name[0] != '\0')
    return g_strdup (representation->place_name);
  return g_strdup (_("The review as a whole"));
}

static void
add_timetable (EdDocument            *document,
               const EdStationReview *review,
               gboolean               for_public)
{
  const char *headings[] = { _("Step"), _("Date") };
  static const double widths[] = { 0.6, 0.4 };
  /* The notice shows what a member of the public can act on; the report shows every step. */
  static const EdReviewStep public_steps[] = {
    ED_REVIEW_STEP_STARTED, ED_REVIEW_STEP_NOTICE_PUBLISHED, ED_REVIEW_STEP_CONSULTATION_CLOSES,
    ED_REVIEW_STEP_COMMITTEE, ED_REVIEW_STEP_IMPLEMENTED,
  };
  guint n = for_public ? G_N_ELEMENTS (public_steps) : ED_N_REVIEW_STEPS;

  ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  for (guint i = 0; i < n; i++)
    {
      EdReviewStep step = for_public ? public_steps[i] : (EdReviewStep)i;
      const GDate *day = &review->dates.steps[step];
      g_autofree char *when = g_date_valid (day) ? format_day (day) : g_strdup (_("Not yet set"));
      const char *cells[] = { ed_review_step_get_display_name (step), when };

      if (for_public && !g_date_valid (day))
        continue;
      ed_document_add_row (document, cells);
    }
}

/* ---- the notice of review ---------------------------------------------------------------- */

static EdDocument *
notice_new (EdContext              *context,
            const EdStationReview  *review,
            GError                **error)
{
  EdDistrictSettings *settings = ed_context_get_settings (context);
  const char *council = council_of (context);
  const GDate *closes = &review->dates.steps[ED_REVIEW_STEP_CONSULTATION_CLOSES];
  const GDate *published = &review->dates.steps[ED_REVIEW_STEP_NOTICE_PUBLISHED];
  g_autofree char *address = setting_line (settings, "council-address");
  g_autofree char *email = setting_line (settings, "email");
  g_autofree char *phone = setting_line (settings, "phone");
  g_autofree char *website = setting_line (settings, "website");
  g_autofree char *started = format_day (&review->dates.steps[ED_REVIEW_STEP_STARTED]);
  g_autofree char *deadline = NULL;
  g_autofree char *text = NULL;
  g_autofree char *where = NULL;
  EdDocument *document;

  /* A notice that invites representations says by when; without the date it cannot. */
  if (!g_date_valid (closes))
    {
      g_set_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_INCOMPLETE,
                   _("The notice of review gives the date the consultation closes, which is not "
                     "set: set it first (“stations review step --%s DATE”)"),
                   ed_review_step_get_option_name (ED_REVIEW_STEP_CONSULTATION_CLOSES));
      return NULL;
    }
  deadline = format_day (closes);

  document = ed_document_new (council, _("Polling districts and polling places"),
                              _("Notice of review"));
  if (g_date_valid (published))
    {
      g_autofree char *when = format_day (published);
      g_autofree char *subtitle = g_strdup_printf (_("Published %s"), when);

      ed_document_set_subtitle (document, subtitle);
    }

  ed_document_add_heading (document, 2, review->title);
  text = g_strdup_printf (review->dates.kind == ED_REVIEW_COMPULSORY
                            ? _("%s is carrying out a review of the polling districts and "
                                "polling places in its area, as section 18C of the "
                                "Representation of the People Act 1983 requires every five "
                                "years. The review started on %s.")
                            : _("%s is carrying out a review of the polling districts and "
                                "polling places in its area under section 18C of the "
                                "Representation of the People Act 1983. The review started "
                                "on %s."),
                          council, started);
  ed_document_add_paragraph (document, text);

  /* Where the (A)RO's comments can be seen. */
  if (website[0] != '\0' && address[0] != '\0')
    where = g_strdup_printf (_("on the council’s website, %s, and at %s"), website, address);
  else if (website[0] != '\0')
    where = g_strdup_printf (_("on the council’s website, %s"), website);
  else if (address[0] != '\0')
    where = g_strdup_printf (_("at %s"), address);
  else
    where = g_strdup (_("at the council’s offices"));
  ed_document_add_heading (document, 2, _("Comments of the (Acting) Returning Officer"));
  g_free (text);
  text = g_strdup_printf (_("The (Acting) Returning Officer for each parliamentary constituency "
                            "in the area will comment on the present polling districts and "
                            "polling places and on any proposals. The council will publish "
                            "those comments within 30 days of receiving them, %s, where "
                            "anyone may read them."), where);
  ed_document_add_paragraph (document, text);

  ed_document_add_heading (document, 2, _("Have your say"));
  ed_document_add_paragraph (document,
                             _("Any elector in the area may make representations about the "
                               "polling districts and polling places: whether they are "
                               "convenient, easy to reach and accessible."));
  ed_document_add_paragraph (document,
                             _("The council particularly invites disabled residents, and people "
                               "and organisations with expertise in access for disabled "
                               "people, to say how accessible the polling places are and what "
                               "would make them better."));
  ed_document_add_paragraph (document,
                             _("If you know of a building that would make a better polling "
                               "place, please suggest it as an alternative venue and say why."));
  ed_document_add_paragraph (document,
                             _("Representations will be published with the council’s "
                               "response. The names of members of the public who make them "
                               "are not published."));
  ed_document_add_heading (document, 2, _("Closing date"));
  g_free (text);
  text = g_strdup_printf (_("Representations must reach the council by %s."), deadline);
  ed_document_add_paragraph (document, text);

  ed_document_add_heading (document, 2, _("How to make representations"));
  if (address[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("By post: %s, %s"), council, address);

      ed_document_add_paragraph (document, line);
    }
  if (email[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("By email: %s"), email);

      ed_document_add_paragraph (document, line);
    }
  if (phone[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("By telephone: %s"), phone);

      ed_document_add_paragraph (document, line);
    }
  if (website[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Online: %s"), website);

      ed_document_add_paragraph (document, line);
    }
  if (address[0] == '\0' && email[0] == '\0' && phone[0] == '\0' && website[0] == '\0')
    ed_document_add_paragraph (document, _("Write to the electoral services office at the "
                                           "council."));

  ed_document_add_heading (document, 2, _("Timetable"));
  add_timetable (document, review, TRUE);
  return document;
}

/* ---- the committee report ---------------------------------------------------------------- */

static void
add_legal_background (EdDocument            *document,
                      const EdStationReview *review)
{
  const GDate *started = &review->dates.steps[ED_REVIEW_STEP_STARTED];
  g_autofree char *window_text = NULL;
  GDate first;
  GDate last;

  ed_document_add_heading (document, 2, _("Legal background"));
  ed_document_add_paragraph (document,
                             _("Under sections 18A and 18B of the Representation of the People "
                               "Act 1983 the council divides its area into polling districts "
                               "for UK Parliamentary elections and designates a polling place "
                               "for each. In England each parish, and in Wales each community, "
                               "is a separate polling district unless there are special "
                               "circumstances. The (Acting) Returning Officer chooses the "
                               "polling stations inside each polling place."));
  ed_document_add_paragraph (document,
                             _("The council must give electors such reasonable facilities for "
                               "voting as are practicable. A polling place should be inside its "
                               "polling district unless special circumstances make that "
                               "undesirable, and so far as is reasonable and practicable the "
                               "council designates only places that are accessible to disabled "
                               "electors."));
  if (g_date_valid (started) && ed_review_window_containing (started, &first, &last))
    {
      g_autofree char *from = format_day (&first);
      g_autofree char *to = format_day (&last);

      window_text = g_strdup_printf (_("Section 18C, as amended by the Electoral Registration and "
                                       "Administration Act 2013, requires a compulsory review "
                                       "to start and finish within the 16 months beginning on "
                                       "1 October of every fifth year from 2013. The present "
                                       "window runs from %s to %s. The council may also hold an "
                                       "interim review at any other time."), from, to);
    }
  else
    {
      GDate today;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      ed_today (&today);
      ed_review_window_next (g_date_valid (started) ? started : &today, &first, &last);
      from = format_day (&first);
      to = format_day (&last);
      window_text = g_strdup_printf (_("Section 18C, as amended by the Electoral Registration and "
                                       "Administration Act 2013, requires a compulsory review "
                                       "to start and finish within the 16 months beginning on "
                                       "1 October of every fifth year from 2013; the next "
                                       "window runs from %s to %s. The council may also hold an "
                                       "interim review at any other time, as it does here."),
                                     from, to);
    }
  ed_document_add_paragraph (document, window_text);
  ed_document_add_paragraph (document,
                             _("Section 18D and Schedule A1 set out how a review is carried "
                               "out: the council publishes notice of the review, consults the "
                               "(Acting) Returning Officer for every constituency in its area "
                               "and publishes their representations within 30 days of receiving "
                               "them, and seeks the views of people with expertise in access "
                               "for disabled people. The Review of Polling Districts and "
                               "Polling Places (Parliamentary Elections) Regulations 2006 say "
                               "what the council publishes when the review is complete: its "
                               "conclusions and the reasons for them, the correspondence with "
                               "the (Acting) Returning Officer and access experts, and every "
                               "representation made."));
  ed_document_add_paragraph (document,
                             _("Under section 18E, 30 or more electors, anyone who made "
                               "representations, or a person with expertise in access for "
                               "disabled people may ask the Electoral Commission to consider "
                               "whether the review met the reasonable requirements of electors "
                               "or took proper account of access for disabled people."));
}

static const char *
check_state_name (EdReviewCheckState state)
{
  switch (state)
    {
    case ED_REVIEW_CHECK_DONE:
      return _("Done");
    case ED_REVIEW_CHECK_TO_DO:
      return _("To do");
    case ED_REVIEW_CHECK_LATE:
      return _("Late");
    case ED_REVIEW_CHECK_WAITING:
    default:
      return _("Waiting");
    }
}

static void
add_requirements (EdDocument            *document,
                  const EdStationReview *review)
{
  const char *headings[] = { _("Step"), _("Where it stands") };
  static const double widths[] = { 0.78, 0.22 };
  g_autoptr(GPtrArray) checks = NULL;
  GDate today;

  ed_today (&today);
  checks = ed_review_checklist (&review->dates, &today);
  ed_document_add_heading (document, 2, _("What the law requires of the review"));
  ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  for (guint i = 0; i < checks->len; i++)
    {
      EdReviewCheck *check = g_ptr_array_index (checks, i);
      const char *cells[] = { check->text, check_state_name (check->state) };

      ed_document_add_row (document, cells);
    }
}

/* @text as a sentence: ending in a full stop unless it ends in other punctuation already. */
static char *
sentence (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gsize n = strlen (trimmed);

  if (n == 0 || strchr (".!?", trimmed[n - 1]) != NULL)
    return g_steal_pointer (&trimmed);
  return g_strdup_printf ("%s.", trimmed);
}

/* A count as a table prints it, in thousands: "12,345". */
static char *
format_count (gint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             (guint64)(count < 0 ? -count : count));
  GString *out = g_string_new (count < 0 ? "-" : "");
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
area_of (const EdReviewDistrict *district)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (district->electoral_area[0] != '\0')
    /* Translators: %s is the name of the ward a polling district is part of */
    g_ptr_array_add (lines, g_strdup_printf (_("Ward: %s"), district->electoral_area));
  if (district->parish[0] != '\0')
    /* Translators: %s is the name of the parish (or community) a polling district is in */
    g_ptr_array_add (lines, g_strdup_printf (_("Parish: %s"), district->parish));
  return join (lines, "\n");
}

static char *
proposal_of (const EdReviewDistrict *district)
{
  if (!district->has_proposal)
    return g_strdup (_("None yet"));
  if (district->action == ED_PROPOSAL_KEEP)
    return g_strdup (_("Keep"));
  if (district->proposed_place[0] != '\0')
    /* Translators: %s is the polling place a district is to move to */
    return g_strdup_printf (_("Move to %s"), district->proposed_place);
  return g_strdup (_("Change"));
}

static gboolean
add_district_table (EdDocument  *document,
                    EdContext   *context,
                    const char  *review,
                    GPtrArray  **out_districts,
                    GError     **error)
{
  const char *headings[] = {
    _("District"), _("Name, ward and parish"), _("Electors now"), _("Electors in 5 years"),
    _("Polling place"), _("Stations"), _("Access notes"), _("Proposal"), _("Reason"),
  };
  static const double widths[] = { 0.085, 0.18, 0.085, 0.085, 0.12, 0.085, 0.11, 0.09, 0.14 };
  g_autoptr(GPtrArray) districts = ed_review_districts (context, review, error);

  if (districts == NULL)
    return FALSE;
  /* On a page of its own: the table is what the committee reads most. */
  ed_document_add_heading (document, 1, _("Polling districts"));
  ed_document_add_paragraph (document,
                             _("Each polling district with its electorate now (the entries in "
                               "the register) and in five years: the new homes expected in the "
                               "district times the electors expected in each, added to today’s; "
                               "where no new homes are recorded, today’s electorate. "
                               "Access notes are the open issues found at the polling "
                               "place."));
  ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  for (guint i = 0; i < districts->len; i++)
    {
      EdReviewDistrict *district = g_ptr_array_index (districts, i);
      g_autofree char *area = area_of (district);
      g_autofree char *named = district->name[0] != '\0' && area[0] != '\0'
                                 ? g_strdup_printf ("%s\n%s", district->name, area)
                                 : g_strdup (district->name[0] != '\0' ? district->name : area);
      g_autofree char *electors = format_count (district->electors);
      g_autofree char *projected = format_count (district->projected);
      g_autofree char *places = district->places->len > 0 ? join (district->places, "; ")
                                                          : g_strdup (_("None designated"));
      g_autofree char *stations = join (district->stations, ", ");
      g_autofree char *access = district->access_notes->len > 0
                                  ? join (district->access_notes, "; ")
                                  : g_strdup (district->places->len > 0
                                                ? _("No open issues") : "");
      g_autofree char *proposal = proposal_of (district);
      const char *cells[] = {
        district->code, named, electors, projected, places, stations, access, proposal,
        district->reason,
      };

      ed_document_add_row (document, cells);
    }
  *out_districts = g_steal_pointer (&districts);
  return TRUE;
}

static gboolean
add_representations (EdDocument  *document,
                     EdContext   *context,
                     const char  *review,
                     GError     **error)
{
  const char *headings[] = {
    _("No."), _("From"), _("Received"), _("About"), _("Representation"), _("Response"),
  };
  static const double widths[] = { 0.05, 0.16, 0.12, 0.12, 0.30, 0.25 };
  g_autoptr(GPtrArray) representations = ed_review_representation_list (context, review, error);
  g_autofree char *count = NULL;

  if (representations == NULL)
    return FALSE;
  ed_document_add_heading (document, 2, _("Representations and responses"));
  if (representations->len == 0)
    {
      ed_document_add_paragraph (document, _("No representations have been received."));
      return TRUE;
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u representation was received. It is set out below "
                                        "with the council’s response.",
                                        "%u representations were received. They are set out "
                                        "below with the council’s responses.",
                                        representations->len),
                           representations->len);
  ed_document_add_paragraph (document, count);
  ed_document_add_paragraph (document,
                             _("As the notice of review said, the names of members of the public "
                               "are withheld; office holders and organisations are named."));
  ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  for (guint i = 0; i < representations->len; i++)
    {
      EdReviewRepresentation *representation = g_ptr_array_index (representations, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *from = representation_from (representation);
      g_autofree char *received = format_day (&representation->received_on);
      g_autofree char *about = representation_about (representation);
      const char *cells[] = {
        number, from, received, about, representation->body,
        representation->response[0] != '\0' ? representation->response
                                            : _("No response yet"),
      };

      ed_document_add_row (document, cells);
    }
  return TRUE;
}

static void
add_recommendations (EdDocument            *document,
                     const EdStationReview *review,
                     GPtrArray             *districts)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  const GDate *implemented = &review->dates.steps[ED_REVIEW_STEP_IMPLEMENTED];
  g_autofree char *take_effect = NULL;
  guint n = 0;

  for (guint i = 0; i < districts->len; i++)
    {
      EdReviewDistrict *district = g_ptr_array_index (districts, i);
      g_autofree char *reason = sentence (district->reason);
      g_autofree char *name = district->name[0] != '\0'
                                ? g_strdup_printf ("%s (%s)", district->code, district->name)
                                : g_strdup (district->code);
      /* Translators: the letter of a recommendation's part: "(a)" */
      g_autofree char *letter = g_strdup_printf (_("(%c)"), 'a' + (int)(changes->len % 26));

      if (!district->has_proposal || district->action != ED_PROPOSAL_CHANGE)
        continue;
      if (district->proposed_place[0] != '\0')
        g_ptr_array_add (changes,
                         /* Translators: a letter, a polling district, the place it moves to,
                          * and why */
                         g_strdup_printf (_("%s Polling district %s: that %s be designated as "
                                            "its polling place. %s"), letter, name,
                                          district->proposed_place, reason));
      else
        /* Translators: a letter, a polling district, and the change proposed for it */
        g_ptr_array_add (changes, g_strdup_printf (_("%s Polling district %s: %s"), letter,
                                                   name, reason));
    }

  ed_document_add_heading (document, 2, _("Recommendations"));
  if (changes->len == 0)
    {
      g_autofree char *line =
        g_strdup_printf (_("%u. That the polling districts and polling places stay as set out "
                           "in the table above."), ++n);

      ed_document_add_paragraph (document, line);
    }
  else
    {
      g_autofree char *line =
        g_strdup_printf (_("%u. That the polling districts and polling places are designated as "
                           "set out in the table above, with these changes:"), ++n);

      ed_document_add_paragraph (document, line);
      for (guint i = 0; i < changes->len; i++)
        ed_document_add_paragraph (document, g_ptr_array_index (changes, i));
    }
  if (g_date_valid (implemented))
    {
      g_autofree char *when = format_day (implemented);

      take_effect = g_strdup_printf (_("%u. That the changes take effect on %s, with the "
                                       "publication of the revised register for the polling "
                                       "districts affected."), ++n, when);
    }
  else
    take_effect = g_strdup_printf (_("%u. That the changes take effect with the publication of "
                                     "the revised register for the polling districts "
                                     "affected."), ++n);
  ed_document_add_paragraph (document, take_effect);
  {
    g_autofree char *line =
      g_strdup_printf (_("%u. That the (Acting) Returning Officer may designate another polling "
                         "place in an emergency, when a designated place cannot be used, and "
                         "report it to the next meeting."), ++n);

    ed_document_add_paragraph (document, line);
  }
  {
    g_autofree char *line =
      g_strdup_printf (_("%u. That the council publishes the conclusions of the review with "
                         "the reasons for them, the correspondence with the (Acting) Returning "
                         "Officer and access experts, every representation made, and the "
                         "minutes of this meeting."), ++n);

    ed_document_add_paragraph (document, line);
  }
}

/* A map sheet, designed for A4 landscape, as large as the figure's box lets it be: on a
 * portrait page it is turned a quarter to the left, its top towards the binding, as printed
 * reports carry their landscape pages. */
static void
draw_map_sheet (cairo_t *cr,
                double   width,
                double   height,
                gpointer data)
{
  EdStationMap *map = data;
  gboolean turn = height > width;
  double room_width = turn ? height : width;
  double room_height = turn ? width : height;
  double scale = MIN (room_width / ED_STATION_MAP_PAGE_WIDTH,
                      room_height / ED_STATION_MAP_PAGE_HEIGHT);

  if (turn)
    {
      cairo_translate (cr, 0, height);
      cairo_rotate (cr, -G_PI / 2);
    }
  cairo_translate (cr, (room_width - ED_STATION_MAP_PAGE_WIDTH * scale) / 2,
                   (room_height - ED_STATION_MAP_PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  ed_station_map_draw_sheet (map, cr, ED_STATION_MAP_PAGE_WIDTH, ED_STATION_MAP_PAGE_HEIGHT);
  /* The sheet's edge, so that it reads as one figure on the page. */
  cairo_rectangle (cr, 0, 0, ED_STATION_MAP_PAGE_WIDTH, ED_STATION_MAP_PAGE_HEIGHT);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 1.0 / scale);
  cairo_stroke (cr);
}

static gboolean
map_has_extent (EdStationMap *map)
{
  double min_e, min_n, max_e, max_n;

  return ed_station_map_get_extent (map, &min_e, &min_n, &max_e, &max_n);
}

static gboolean
add_maps (EdDocument  *document,
          EdContext   *context,
          GPtrArray   *districts,
          GError     **error)
{
  g_autoptr(EdStationMap) council_map = ed_station_map_new_from_district (context, NULL, error);

  if (council_map == NULL)
    return FALSE;
  ed_document_add_heading (document, 1, _("Maps"));
  if (!map_has_extent (council_map))
    {
      ed_document_add_paragraph (document, _("No property or polling place has a grid "
                                             "reference, so no map can be drawn."));
      return TRUE;
    }
  ed_document_add_paragraph (document,
                             _("The polling districts and polling stations as they are now: "
                               "the whole council first, then each polling district the "
                               "review proposes to change. Each property is a dot in the "
                               "colour of the station it votes at."));
  ed_document_add_figure (document, ED_DOCUMENT_FIGURE_FILL, draw_map_sheet,
                          g_steal_pointer (&council_map), (GDestroyNotify)ed_station_map_unref);

  for (guint i = 0; i < districts->len; i++)
    {
      EdReviewDistrict *district = g_ptr_array_index (districts, i);
      g_autoptr(EdStationMap) map = NULL;
      g_autofree char *name = NULL;
      g_autofree char *heading = NULL;

      if (!district->has_proposal || district->action != ED_PROPOSAL_CHANGE)
        continue;
      map = ed_station_map_new_from_district (context, district->code, error);
      if (map == NULL)
        return FALSE;
      /* As the recommendations name it. */
      name = district->name[0] != '\0'
               ? g_strdup_printf ("%s (%s)", district->code, district->name)
               : g_strdup (district->code);
      heading = g_strdup_printf (_("Polling district %s"), name);
      ed_document_add_heading (document, 2, heading);
      if (!map_has_extent (map))
        ed_document_add_paragraph (document, _("No property or polling place in this polling "
                                               "district has a grid reference, so no map can "
                                               "be drawn."));
      else
        ed_document_add_figure (document, ED_DOCUMENT_FIGURE_FILL, draw_map_sheet,
                                g_steal_pointer (&map), (GDestroyNotify)ed_station_map_unref);
    }
  return TRUE;
}

static EdDocument *
report_new (EdContext              *context,
            const EdStationReview  *review,
            GError                **error)
{
  g_autoptr(EdDocument) document = NULL;
  g_autoptr(GPtrArray) districts = NULL;
  g_autofree char *started = format_day (&review->dates.steps[ED_REVIEW_STEP_STARTED]);
  g_autofree char *purpose = NULL;
  const char *council = council_of (context);

  document = ed_document_new (council, _("Polling districts and polling places"),
                              _("Review report"));
  ed_document_set_subtitle (document, review->title);

  ed_document_add_heading (document, 2, _("Purpose of the report"));
  purpose = g_strdup_printf (review->dates.kind == ED_REVIEW_COMPULSORY
                               ? _("This report sets out the compulsory review of polling "
                                   "districts and polling places that %s started on %s, the "
                                   "representations made to it, and the polling districts and "
                                   "polling places it recommends.")
                               : _("This report sets out the interim review of polling "
                                   "districts and polling places that %s started on %s, the "
                                   "representations made to it, and the polling districts and "
                                   "polling places it recommends."),
                             council, started);
  ed_document_add_paragraph (document, purpose);

  add_legal_background (document, review);

  ed_document_add_heading (document, 2, _("Timetable"));
  add_timetable (document, review, FALSE);
  add_requirements (document, review);

  if (!add_district_table (document, context, review->id, &districts, error) ||
      !add_representations (document, context, review->id, error))
    return NULL;
  add_recommendations (document, review, districts);
  if (!add_maps (document, context, districts, error))
    return NULL;
  return g_steal_pointer (&document);
}

/**
 * ed_review_document_new:
 * @context: the district
 * @kind: the committee report or the notice of review
 * @review: the review's row id
 * @error: return location for an error; %ED_REVIEW_ERROR_INCOMPLETE for a notice whose
 *   consultation has no closing date
 *
 * Lays out one of a review's documents on A4 (see the top of this file for what each holds).
 *
 * Returns: (transfer full): the document, or %NULL
 */
EdDocument *
ed_review_document_new (EdContext             *context,
                        EdReviewDocumentKind   kind,
                        const char            *review,
                        GError               **error)
{
  g_autoptr(EdStationReview) found = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (review != NULL, NULL);

  found = ed_station_review_get (context, review, error);
  if (found == NULL)
    return NULL;
  if (kind == ED_REVIEW_DOCUMENT_NOTICE)
    return notice_new (context, found, error);
  return report_new (context, found, error);
}

/**
 * ed_review_document_write_pdf:
 * @context: the district
 * @kind: the committee report or the notice of review
 * @review: the review's row id
 * @path: where to write; replaced only once the whole document is written
 * @out_n_pages: (out) (optional): how many pages were written
 * @error: return location for an error
 *
 * Returns: whether the PDF was written
 */
gboolean
ed_review_document_write_pdf (EdContext             *context,
                              EdReviewDocumentKind   kind,
                              const char            *review,
                              const char            *path,
                              guint                 *out_n_pages,
                              GError               **error)
{
  g_autoptr(EdDocument) document = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  document = ed_review_document_new (context, kind, review, error);
  if (document == NULL)
    return FALSE;
  return ed_document_write_pdf_full (document, path, NULL, NULL, NULL, out_n_pages, error);
}

/* ---- as a job ---------------------------------------------------------------------------- */

typedef struct
{
  EdReviewDocumentKind  kind;
  char                 *review;
  char                 *path;
  guint                 n_pages;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_free (job->review);
  g_free (job->path);
  g_free (job);
}

static gboolean
write_pdf_work (EdJob         *job,
                GObject       *connection,
                gpointer       task_data,
                GCancellable  *cancellable,
                GError       **error)
{
  WriteJob *data = task_data;
  g_autoptr(EdDocument) document = NULL;

  ed_job_report (job, 0.0, _("Gathering the review"));
  document = ed_review_document_new (ED_CONTEXT (connection), data->kind, data->review, error);
  if (document == NULL)
    return FALSE;
  return ed_document_write_pdf_full (document, data->path, ed_job_progress, job, cancellable,
                                     &data->n_pages, error);
}

/**
 * ed_review_document_write_pdf_async:
 * @context: the district
 * @kind: the committee report or the notice of review
 * @review: the review's row id
 * @path: where to write; replaced only once the whole document is written
 * @cancellable: (nullable): to stop, leaving what was at @path as it was
 * @callback: called when the PDF is written, with the job as its source object
 * @user_data: data for @callback
 *
 * Writes one of a review's documents as an A4 PDF in a job, for the window and the command
 * line alike.
 *
 * Returns: (transfer none): the job, for its progress; it lives until @callback has run
 */
EdJob *
ed_review_document_write_pdf_async (EdContext             *context,
                                    EdReviewDocumentKind   kind,
                                    const char            *review,
                                    const char            *path,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  WriteJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (review != NULL && path != NULL, NULL);

  data = g_new0 (WriteJob, 1);
  data->kind = kind;
  data->review = g_strdup (review);
  data->path = g_strdup (path);
  return ed_context_run_job_async (context, write_pdf_work, data, write_job_free, cancellable,
                                   callback, user_data);
}

/**
 * ed_review_document_write_pdf_finish:
 * @job: the job ed_review_document_write_pdf_async() returned
 * @result: the result handed to the callback
 * @out_n_pages: (out) (optional): how many pages were written
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Returns: whether the PDF was written
 */
gboolean
ed_review_document_write_pdf_finish (EdJob         *job,
                                     GAsyncResult  *result,
                                     guint         *out_n_pages,
                                     GError       **error)
{
  g_return_val_if_fail (ED_IS_JOB (job), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, write_pdf_work), FALSE);

  if (!ed_job_run_finish (job, result, error))
    return FALSE;
  if (out_n_pages != NULL)
    *out_n_pages = ((WriteJob *)ed_job_get_task_data (job))->n_pages;
  return TRUE;
}
