/* test-stations-review.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core/ed-value-error.h"
#include "print/ed-document-private.h"
#include "stations/ed-review-districts.h"
#include "stations/ed-review-document.h"
#include "stations/ed-station-review.h"
#include "ed-test-pdf.h"
#include "ed-test-register.h"

/* Reviews of polling districts and places as the council keeps them (DOMAIN.md §3.2, §3.3):
 * the store's refusals, and the committee report and notice as a member of the public reads
 * them. The tests run with ED_TODAY=2030-01-02. */

typedef struct
{
  EdContext *context;
  char      *aa;
  char      *ab;
  char      *school;
  char      *hall;
} District;

static void
district_clear (District *district)
{
  g_clear_object (&district->context);
  g_free (district->aa);
  g_free (district->ab);
  g_free (district->school);
  g_free (district->hall);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (District, district_clear)

static char *
insert (EdContext          *context,
        const char         *table,
        const char * const *columns,
        GVariant          **values,
        guint               n)
{
  return ed_test_register_insert (context, table, columns, values, n);
}

static void
add_households (EdContext  *context,
                const char *district,
                const char *prefix,
                guint       n_properties,
                guint       n_electors)
{
  g_autoptr(GPtrArray) homes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_properties; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      g_ptr_array_add (homes, ed_test_register_add_property (context, district, number,
                                                             "Mill Lane"));
    }
  for (guint i = 0; i < n_electors; i++)
    g_free (ed_test_register_add_elector (context, district,
                                          g_ptr_array_index (homes, i % n_properties), prefix,
                                          i + 1, 0, "Resident", "Sam", "current", 0));
}

/* Two polling districts in a ward, one of them a parish: AA Abbey, 4 homes and 6 electors,
 * served by station S1 at Abbey School (an open access issue and a resolved one), with 10 new
 * homes expected at today's ratio; AB Brook, 2 homes and 3 electors, with 4 new homes of 2.5
 * electors each expected. Mill Lane Village Hall serves no station yet. */
static void
make_district (EdTestDir *fixture,
               District  *out)
{
  const char *area_columns[] = { "code", "name" };
  GVariant *area_values[] = { g_variant_new_string ("W1"), g_variant_new_string ("Abbey Ward") };
  const char *parish_columns[] = { "code", "name" };
  GVariant *parish_values[] = {
    g_variant_new_string ("P1"), g_variant_new_string ("Brookside"),
  };
  g_autofree char *area = NULL;
  g_autofree char *parish = NULL;
  g_autofree char *station = NULL;

  out->context = ed_test_register_open (fixture, "england");
  out->aa = ed_test_register_add_district (out->context, "AA", "Abbey");
  out->ab = ed_test_register_add_district (out->context, "AB", "Brook");
  area = insert (out->context, "electoral_area", area_columns, area_values, 2);
  parish = insert (out->context, "parish", parish_columns, parish_values, 2);
  ed_test_register_set (out->context, "polling_district", out->aa, "electoral_area",
                        g_variant_new_string (area));
  ed_test_register_set (out->context, "polling_district", out->ab, "electoral_area",
                        g_variant_new_string (area));
  ed_test_register_set (out->context, "polling_district", out->ab, "parish",
                        g_variant_new_string (parish));
  add_households (out->context, out->aa, "AA", 4, 6);
  add_households (out->context, out->ab, "AB", 2, 3);

  {
    const char *columns[] = { "name", "polling_district" };
    GVariant *school[] = { g_variant_new_string ("Abbey School"), g_variant_new_string (out->aa) };
    GVariant *hall[] = {
      g_variant_new_string ("Mill Lane Village Hall"), g_variant_new_string (out->aa),
    };

    out->school = insert (out->context, "polling_place", columns, school, 2);
    out->hall = insert (out->context, "polling_place", columns, hall, 2);
  }
  {
    const char *columns[] = { "place", "code" };
    GVariant *values[] = { g_variant_new_string (out->school), g_variant_new_string ("S1") };

    station = insert (out->context, "polling_station", columns, values, 2);
  }
  {
    const char *columns[] = { "station", "polling_district" };
    GVariant *aa[] = { g_variant_new_string (station), g_variant_new_string (out->aa) };
    GVariant *ab[] = { g_variant_new_string (station), g_variant_new_string (out->ab) };

    g_free (insert (out->context, "station_coverage", columns, aa, 2));
    g_free (insert (out->context, "station_coverage", columns, ab, 2));
  }
  {
    const char *columns[] = { "place", "description", "raised_on", "resolved_on" };
    GVariant *open[] = {
      g_variant_new_string (out->school), g_variant_new_string ("No handrail at the side door"),
      g_variant_new_string ("2028-09-01"), g_variant_new_string (""),
    };
    GVariant *resolved[] = {
      g_variant_new_string (out->school), g_variant_new_string ("Car park unlit"),
      g_variant_new_string ("2027-09-01"), g_variant_new_string ("2028-01-10"),
    };

    g_free (insert (out->context, "place_access_issue", columns, open, 4));
    g_free (insert (out->context, "place_access_issue", columns, resolved, 4));
  }
  {
    const char *columns[] = { "polling_district", "dwellings", "electors_per_dwelling_x100" };
    GVariant *aa[] = {
      g_variant_new_string (out->aa), g_variant_new_int64 (10), g_variant_new_int64 (0),
    };
    GVariant *ab[] = {
      g_variant_new_string (out->ab), g_variant_new_int64 (4), g_variant_new_int64 (250),
    };

    g_free (insert (out->context, "district_growth", columns, aa, 3));
    g_free (insert (out->context, "district_growth", columns, ab, 3));
  }
}

static GDate
day (const char *iso)
{
  return ed_test_date (iso);
}

static char *
start (EdContext    *context,
       EdReviewKind  kind,
       const char   *started)
{
  g_autoptr(GError) error = NULL;
  GDate on = day (started);
  char *id = ed_station_review_start (context, kind, "Compulsory review 2028", &on, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static EdReviewRepresentation
representation_of (const char *review,
                   const char *from,
                   EdRepresentationKind kind,
                   const char *received,
                   const char *district,
                   const char *body)
{
  EdReviewRepresentation representation = {
    NULL, (char *)review, (char *)from, kind, { 0 }, (char *)district, (char *)"",
    (char *)body, (char *)"",
  };

  representation.received_on = day (received);
  return representation;
}

/* A compulsory review outside a window is refused, naming the next; an interim review may
 * start at any time. Nothing is stored by a refusal. */
static void
test_start_refuses_outside_window (EdTestDir     *fixture,
                                   gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autofree char *id = NULL;
  GDate between = day ("2027-03-01");

  make_district (fixture, &district);
  id = ed_station_review_start (district.context, ED_REVIEW_COMPULSORY, "Too early", &between,
                                &error);
  g_assert_null (id);
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_OUTSIDE_WINDOW);
  g_assert_nonnull (strstr (error->message, "1 October 2028"));
  g_clear_error (&error);

  /* A title is needed, and within its limit. */
  id = ed_station_review_start (district.context, ED_REVIEW_INTERIM, "  ", &between, &error);
  g_assert_null (id);
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Title"));
  g_clear_error (&error);

  reviews = ed_station_review_list (district.context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 0);

  id = ed_station_review_start (district.context, ED_REVIEW_INTERIM, "After the ward changes",
                                &between, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
}

/* With no --review, the one under way; with none or two under way, a message that says how
 * to choose. */
static void
test_resolve (EdTestDir     *fixture,
              gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;
  g_autofree char *first = NULL;
  g_autofree char *found = NULL;
  g_autofree char *second = NULL;
  g_autoptr(EdStationReview) review = NULL;

  make_district (fixture, &district);
  none = ed_station_review_resolve (district.context, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "stations review new"));
  g_clear_error (&error);

  first = start (district.context, ED_REVIEW_COMPULSORY, "2028-10-02");
  found = ed_station_review_resolve (district.context, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, first);

  second = start (district.context, ED_REVIEW_INTERIM, "2029-03-01");
  g_assert_null (ed_station_review_resolve (district.context, NULL, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_AMBIGUOUS);
  g_clear_error (&error);

  /* By number, by id; a number past the end is not a review. */
  g_free (found);
  found = ed_station_review_resolve (district.context, "2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, second);
  g_free (found);
  found = ed_station_review_resolve (district.context, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, first);
  g_assert_null (ed_station_review_resolve (district.context, "3", &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Once the first is completed, the second is the one under way. */
  review = ed_station_review_get (district.context, first, &error);
  g_assert_no_error (error);
  review->dates.steps[ED_REVIEW_STEP_COMPLETED] = day ("2029-12-01");
  g_assert_true (ed_station_review_update (district.context, review, &error));
  g_assert_no_error (error);
  g_free (found);
  found = ed_station_review_resolve (district.context, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, second);
}

/* Step dates are stored and read back; a compulsory review completed after its window is
 * refused and leaves the review as it was. */
static void
test_steps (EdTestDir     *fixture,
            gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(EdStationReview) review = NULL;
  g_autoptr(EdStationReview) again = NULL;

  make_district (fixture, &district);
  id = start (district.context, ED_REVIEW_COMPULSORY, "2028-10-02");
  review = ed_station_review_get (district.context, id, &error);
  g_assert_no_error (error);
  review->dates.steps[ED_REVIEW_STEP_NOTICE_PUBLISHED] = day ("2028-10-03");
  review->dates.steps[ED_REVIEW_STEP_ARO_RECEIVED] = day ("2028-10-20");
  review->dates.steps[ED_REVIEW_STEP_ARO_PUBLISHED] = day ("2028-11-19");
  g_assert_true (ed_station_review_update (district.context, review, &error));
  g_assert_no_error (error);

  again = ed_station_review_get (district.context, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&again->dates.steps[ED_REVIEW_STEP_ARO_PUBLISHED],
                                   &review->dates.steps[ED_REVIEW_STEP_ARO_PUBLISHED]), ==, 0);
  g_assert_false (g_date_valid (&again->dates.steps[ED_REVIEW_STEP_COMMITTEE]));

  /* ED_TODAY is 2 January 2030: 1 February 2030 is both late and in the future, so the
   * window is tested with the last day, then a day after it with an interim review's rules. */
  review->dates.steps[ED_REVIEW_STEP_COMPLETED] = day ("2030-01-02");
  g_assert_true (ed_station_review_update (district.context, review, &error));
  g_assert_no_error (error);
  review->dates.steps[ED_REVIEW_STEP_STARTED] = day ("2028-09-30");
  g_assert_false (ed_station_review_update (district.context, review, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_OUTSIDE_WINDOW);
  g_clear_error (&error);
  g_clear_pointer (&again, ed_station_review_free);
  again = ed_station_review_get (district.context, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_day (&again->dates.steps[ED_REVIEW_STEP_STARTED]), ==, 2);

  /* One step at a time, as a form sets it: checked with the others, and cleared with NULL. */
  {
    GDate before_receipt = day ("2028-10-19");
    GDate committee = day ("2030-03-01");

    g_assert_false (ed_station_review_set_step (district.context, id,
                                                ED_REVIEW_STEP_ARO_PUBLISHED, &before_receipt,
                                                &error));
    g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE);
    g_clear_error (&error);
    g_assert_true (ed_station_review_set_step (district.context, id, ED_REVIEW_STEP_COMMITTEE,
                                               &committee, &error));
    g_assert_no_error (error);
    g_assert_true (ed_station_review_set_step (district.context, id, ED_REVIEW_STEP_COMMITTEE,
                                               NULL, &error));
    g_assert_no_error (error);
    g_clear_pointer (&again, ed_station_review_free);
    again = ed_station_review_get (district.context, id, &error);
    g_assert_no_error (error);
    g_assert_false (g_date_valid (&again->dates.steps[ED_REVIEW_STEP_COMMITTEE]));
    g_assert_cmpuint (g_date_get_day (&again->dates.steps[ED_REVIEW_STEP_ARO_PUBLISHED]), ==,
                      19);
  }
}

/* Representations: what is refused, and with which words. */
static void
test_representation_refusals (EdTestDir     *fixture,
                              gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *long_text = g_strnfill (20001, 'x');
  g_autoptr(GPtrArray) stored = NULL;
  EdReviewRepresentation representation;

  make_district (fixture, &district);
  id = start (district.context, ED_REVIEW_COMPULSORY, "2028-10-02");

  representation = representation_of (id, "", ED_REPRESENTATION_ELECTOR, "2028-10-12", "AA",
                                      "Too far");
  g_assert_null (ed_review_representation_add (district.context, &representation, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "From: this is needed");
  g_clear_error (&error);

  representation = representation_of (id, "Jane Smith", ED_REPRESENTATION_ELECTOR,
                                      "2028-10-12", "AA", long_text);
  g_assert_null (ed_review_representation_add (district.context, &representation, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_assert_true (g_str_has_prefix (error->message, "Representation: expected at most 20000"));
  g_clear_error (&error);

  representation = representation_of (id, "Jane\x1b[31m Smith", ED_REPRESENTATION_ELECTOR,
                                      "2028-10-12", "AA", "Too far");
  g_assert_null (ed_review_representation_add (district.context, &representation, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "From: expected text without control"));
  g_clear_error (&error);

  representation = representation_of (id, "Jane Smith", ED_REPRESENTATION_ELECTOR,
                                      "2028-10-12", "ZZ", "Too far");
  g_assert_null (ed_review_representation_add (district.context, &representation, &error));
  g_assert_nonnull (strstr (error->message, "no polling district “ZZ”"));
  g_clear_error (&error);

  representation = representation_of (id, "Jane Smith", ED_REPRESENTATION_ELECTOR,
                                      "2030-01-03", "AA", "Too far");
  g_assert_null (ed_review_representation_add (district.context, &representation, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE);
  g_assert_nonnull (strstr (error->message, "after today"));
  g_clear_error (&error);

  representation = representation_of (id, "Jane Smith", ED_REPRESENTATION_ELECTOR,
                                      "2028-10-01", "AA", "Too far");
  g_assert_null (ed_review_representation_add (district.context, &representation, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE);
  g_assert_nonnull (strstr (error->message, "before the review started"));
  g_clear_error (&error);

  representation = representation_of (id, "Jane Smith", ED_REPRESENTATION_ELECTOR,
                                      "2028-10-12", "", "Too far");
  representation.place_name = (char *)"Town Hall";
  g_assert_null (ed_review_representation_add (district.context, &representation, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no polling place called “Town Hall”"));
  g_clear_error (&error);

  stored = ed_review_representation_list (district.context, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 0);

  /* A text over several lines is a text, not a control character; a district's code in small
   * letters and a place's name in any case are found. */
  representation = representation_of (id, "Jane Smith", ED_REPRESENTATION_ELECTOR,
                                      "2028-10-12", "aa", "First line.\nSecond line.");
  representation.place_name = (char *)"abbey school";
  g_free (ed_review_representation_add (district.context, &representation, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = ed_review_representation_list (district.context, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (((EdReviewRepresentation *)stored->pdata[0])->polling_district_code, ==, "AA");
  g_assert_cmpstr (((EdReviewRepresentation *)stored->pdata[0])->place_name, ==, "Abbey School");
}

/* One proposal a district: a second replaces the first. A change needs a reason; keeping a
 * district names no new place. */
static void
test_proposals (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  EdReviewProposal *proposal;

  make_district (fixture, &district);
  id = start (district.context, ED_REVIEW_COMPULSORY, "2028-10-02");

  g_assert_null (ed_review_proposal_set (district.context, id, "AA", ED_PROPOSAL_CHANGE,
                                         "Mill Lane Village Hall", "", &error));
  g_assert_cmpstr (error->message, ==, "Reason: this is needed");
  g_clear_error (&error);
  g_assert_null (ed_review_proposal_set (district.context, id, "AA", ED_PROPOSAL_KEEP,
                                         "Mill Lane Village Hall", "Fine", &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ed_review_proposal_set (district.context, id, "AA", ED_PROPOSAL_CHANGE,
                                         "Nowhere Hall", "Closer", &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  first = ed_review_proposal_set (district.context, id, "AA", ED_PROPOSAL_KEEP, NULL, "",
                                  &error);
  g_assert_no_error (error);
  second = ed_review_proposal_set (district.context, id, "AA", ED_PROPOSAL_CHANGE,
                                   "Mill Lane Village Hall", "Closer for most electors",
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);
  proposals = ed_review_proposal_list (district.context, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proposals->len, ==, 1);
  proposal = g_ptr_array_index (proposals, 0);
  g_assert_cmpint (proposal->action, ==, ED_PROPOSAL_CHANGE);
  g_assert_cmpstr (proposal->polling_district_code, ==, "AA");
  g_assert_cmpstr (proposal->proposed_place_name, ==, "Mill Lane Village Hall");
  g_assert_cmpstr (proposal->reason, ==, "Closer for most electors");
}

/* The per-district table as the report shows it. */
static void
test_districts_table (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  EdReviewDistrict *aa;
  EdReviewDistrict *ab;

  make_district (fixture, &district);
  id = start (district.context, ED_REVIEW_COMPULSORY, "2028-10-02");
  g_free (ed_review_proposal_set (district.context, id, "AB", ED_PROPOSAL_KEEP, NULL,
                                  "Convenient", &error));
  g_assert_no_error (error);

  rows = ed_review_districts (district.context, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  aa = g_ptr_array_index (rows, 0);
  ab = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (aa->code, ==, "AA");
  g_assert_cmpstr (aa->electoral_area, ==, "Abbey Ward");
  g_assert_cmpstr (ab->parish, ==, "Brookside");
  g_assert_cmpint (aa->electors, ==, 6);
  g_assert_cmpint (aa->projected, ==, 21);   /* 6 + 10 × 6/4 */
  g_assert_cmpint (ab->electors, ==, 3);
  g_assert_cmpint (ab->projected, ==, 13);   /* 3 + 4 × 2.5 */
  g_assert_cmpuint (aa->places->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (aa->places, 0), ==, "Abbey School");
  g_assert_cmpstr (g_ptr_array_index (aa->stations, 0), ==, "S1");
  g_assert_cmpuint (aa->access_notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (aa->access_notes, 0), ==, "No handrail at the side door");
  g_assert_false (aa->has_proposal);
  g_assert_true (ab->has_proposal);
  g_assert_cmpint (ab->action, ==, ED_PROPOSAL_KEEP);
}

/* The PDF's text with every run of white space made one space: a wrapped cell's words are
 * read as one line. NULL where pdftotext is not installed. */
static char *
pdf_words (const char *path)
{
  g_autofree char *text = ed_test_pdf_text (path, NULL);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  if (text == NULL)
    return NULL;
  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

/* The row of @document whose first cell is @first, or -1. */
static int
find_row (EdDocument *document,
          const char *first)
{
  for (guint i = 0; i < _ed_document_get_n_blocks (document); i++)
    if (_ed_document_get_block (document, i, NULL) == _ED_DOCUMENT_ITEM_ROW &&
        g_strcmp0 (_ed_document_get_text (document, i, 0), first) == 0)
      return (int)i;
  return -1;
}

/* A review with its representations and proposals, as the committee report prints it: the
 * per-district table, the representations with their responses, an elector's name withheld
 * and a councillor's printed. */
static void
test_report (EdTestDir     *fixture,
             gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "report.pdf");
  g_autofree char *text = NULL;
  g_autoptr(EdDocument) document = NULL;
  EdReviewRepresentation elector;
  EdReviewRepresentation councillor;
  guint n_pages = 0;
  int row;

  make_district (fixture, &district);
  id = start (district.context, ED_REVIEW_COMPULSORY, "2028-10-02");
  elector = representation_of (id, "Jane Smith", ED_REPRESENTATION_ELECTOR, "2028-10-12", "AA",
                               "The school is hard to reach without a car.");
  elector.response = (char *)"A bus stops at the school gate.";
  councillor = representation_of (id, "Cllr Priya Patel", ED_REPRESENTATION_COUNCILLOR,
                                  "2028-10-14", "AB", "Brook needs a station of its own.");
  g_free (ed_review_representation_add (district.context, &elector, &error));
  g_assert_no_error (error);
  g_free (ed_review_representation_add (district.context, &councillor, &error));
  g_assert_no_error (error);
  g_free (ed_review_proposal_set (district.context, id, "AA", ED_PROPOSAL_CHANGE,
                                  "Mill Lane Village Hall", "Step-free and central", &error));
  g_assert_no_error (error);
  g_free (ed_review_proposal_set (district.context, id, "AB", ED_PROPOSAL_KEEP, NULL,
                                  "No better venue", &error));
  g_assert_no_error (error);

  /* The table's rows, cell by cell. */
  document = ed_review_document_new (district.context, ED_REVIEW_DOCUMENT_REPORT, id, &error);
  g_assert_no_error (error);
  row = find_row (document, "AA");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpstr (_ed_document_get_text (document, row, 1), ==, "Abbey\nWard: Abbey Ward");
  g_assert_cmpstr (_ed_document_get_text (document, row, 2), ==, "6");
  g_assert_cmpstr (_ed_document_get_text (document, row, 3), ==, "21");
  g_assert_cmpstr (_ed_document_get_text (document, row, 4), ==, "Abbey School");
  g_assert_cmpstr (_ed_document_get_text (document, row, 5), ==, "S1");
  g_assert_cmpstr (_ed_document_get_text (document, row, 6), ==, "No handrail at the side door");
  g_assert_cmpstr (_ed_document_get_text (document, row, 7), ==,
                   "Move to Mill Lane Village Hall");
  g_assert_cmpstr (_ed_document_get_text (document, row, 8), ==, "Step-free and central");
  row = find_row (document, "AB");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpstr (_ed_document_get_text (document, row, 1), ==,
                   "Brook\nWard: Abbey Ward\nParish: Brookside");
  g_assert_cmpstr (_ed_document_get_text (document, row, 7), ==, "Keep");
  /* The representations, numbered, with their responses. */
  row = find_row (document, "1");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpstr (_ed_document_get_text (document, row, 1), ==, "An elector (name withheld)");
  g_assert_cmpstr (_ed_document_get_text (document, row, 5), ==,
                   "A bus stops at the school gate.");
  row = find_row (document, "2");
  g_assert_cmpstr (_ed_document_get_text (document, row, 1), ==, "Cllr Priya Patel (Councillor)");
  g_assert_cmpstr (_ed_document_get_text (document, row, 5), ==, "No response yet");

  /* And in the PDF as a reader finds it. */
  g_assert_true (ed_review_document_write_pdf (district.context, ED_REVIEW_DOCUMENT_REPORT, id,
                                               path, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 2);
  text = pdf_words (path);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Testbury District Council"));
  g_assert_nonnull (strstr (text, "Legal background"));
  g_assert_nonnull (strstr (text, "Representation of the People"));
  g_assert_nonnull (strstr (text, "Polling districts"));
  g_assert_nonnull (strstr (text, "Abbey School"));
  g_assert_nonnull (strstr (text, "No handrail"));
  g_assert_nonnull (strstr (text, "Priya Patel"));
  g_assert_nonnull (strstr (text, "bus stops"));
  g_assert_nonnull (strstr (text, "Recommendations"));
  g_assert_nonnull (strstr (text, "(a) Polling district AA (Abbey): that Mill Lane Village Hall "
                                  "be designated as its polling place. Step-free and central."));
  g_assert_null (strstr (text, "Jane"));
  g_assert_null (strstr (text, "Smith"));
  /* A resolved issue is not an open one. */
  g_assert_null (strstr (text, "unlit"));
}

/* The first block of @document of @kind (with @text, unless NULL) at or after @from, or -1. */
static int
find_block (EdDocument         *document,
            EdDocumentItemKind  kind,
            const char         *text,
            guint               from)
{
  for (guint i = from; i < _ed_document_get_n_blocks (document); i++)
    if (_ed_document_get_block (document, i, NULL) == kind &&
        (text == NULL || g_strcmp0 (_ed_document_get_text (document, i, 0), text) == 0))
      return (int)i;
  return -1;
}

/* The pages of the PDF on which @needle is found, as a bit set (page 1 is bit 1). */
static guint64
pages_with (const char *path,
            guint       n_pages,
            const char *needle)
{
  guint64 pages = 0;

  for (guint page = 1; page <= MIN (n_pages, 63); page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      g_autofree char *text = ed_test_pdf_text (path, "-f", number, "-l", number, NULL);

      if (text != NULL && strstr (text, needle) != NULL)
        pages |= G_GUINT64_CONSTANT (1) << page;
    }
  return pages;
}

/* The report's maps: a sentence where nothing has a grid reference; otherwise the whole
 * council's map under the Maps heading, then a map of each polling district the review
 * proposes to change, each on a page of its own. */
static void
test_report_maps (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "report.pdf");
  g_autofree char *text = NULL;
  g_autoptr(EdDocument) unmapped = NULL;
  g_autoptr(EdDocument) mapped = NULL;
  g_autoptr(GPtrArray) properties = g_ptr_array_new_with_free_func (g_free);
  EdDatabase *database;
  sqlite3_stmt *stmt;
  guint n_pages = 0;
  int maps;
  int aa;

  make_district (fixture, &district);
  id = start (district.context, ED_REVIEW_COMPULSORY, "2028-10-02");
  g_free (ed_review_proposal_set (district.context, id, "AA", ED_PROPOSAL_CHANGE,
                                  "Mill Lane Village Hall", "Step-free and central", &error));
  g_assert_no_error (error);
  g_free (ed_review_proposal_set (district.context, id, "AB", ED_PROPOSAL_KEEP, NULL,
                                  "No better venue", &error));
  g_assert_no_error (error);

  /* No grid references: the Maps section says so, and draws nothing. */
  unmapped = ed_review_document_new (district.context, ED_REVIEW_DOCUMENT_REPORT, id, &error);
  g_assert_no_error (error);
  maps = find_block (unmapped, _ED_DOCUMENT_ITEM_HEADING, "Maps", 0);
  g_assert_cmpint (maps, >=, 0);
  g_assert_cmpint (find_block (unmapped, _ED_DOCUMENT_ITEM_HEADING, "Polling districts", 0), <,
                   maps);
  g_assert_cmpint (_ed_document_get_block (unmapped, maps + 1, NULL), ==,
                   _ED_DOCUMENT_ITEM_PARAGRAPH);
  g_assert_cmpstr (_ed_document_get_text (unmapped, maps + 1, 0), ==,
                   "No property or polling place has a grid reference, so no map can be drawn.");
  g_assert_cmpint (find_block (unmapped, _ED_DOCUMENT_ITEM_FIGURE, NULL, 0), ==, -1);

  /* With grid references: the council's map, then AA's (a change) but not AB's (kept). */
  database = ed_context_get_database (district.context);
  stmt = ed_database_prepare (database, "SELECT id FROM property ORDER BY rowid", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (properties, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (properties->len, ==, 6);
  for (guint i = 0; i < properties->len; i++)
    {
      ed_test_register_set (district.context, "property", g_ptr_array_index (properties, i),
                            "easting", g_variant_new_int64 (451000 + 40 * (i % 3)));
      ed_test_register_set (district.context, "property", g_ptr_array_index (properties, i),
                            "northing", g_variant_new_int64 (201000 + 30 * i));
    }
  ed_test_register_set (district.context, "polling_place", district.school, "easting",
                        g_variant_new_int64 (451100));
  ed_test_register_set (district.context, "polling_place", district.school, "northing",
                        g_variant_new_int64 (201050));
  mapped = ed_review_document_new (district.context, ED_REVIEW_DOCUMENT_REPORT, id, &error);
  g_assert_no_error (error);
  maps = find_block (mapped, _ED_DOCUMENT_ITEM_HEADING, "Maps", 0);
  g_assert_cmpint (maps, >=, 0);
  g_assert_cmpint (find_block (mapped, _ED_DOCUMENT_ITEM_FIGURE, NULL, 0), >, maps);
  aa = find_block (mapped, _ED_DOCUMENT_ITEM_HEADING, "Polling district AA (Abbey)", maps);
  g_assert_cmpint (aa, >, find_block (mapped, _ED_DOCUMENT_ITEM_FIGURE, NULL, 0));
  g_assert_cmpint (_ed_document_get_block (mapped, aa + 1, NULL), ==, _ED_DOCUMENT_ITEM_FIGURE);
  g_assert_cmpint (find_block (mapped, _ED_DOCUMENT_ITEM_FIGURE, NULL, aa + 2), ==, -1);
  g_assert_cmpint (find_block (mapped, _ED_DOCUMENT_ITEM_HEADING, "Polling district AB (Brook)",
                               0), ==, -1);

  /* In the PDF: the map sheets' titles, each on a page of its own after the Maps heading's. */
  g_assert_true (ed_review_document_write_pdf (district.context, ED_REVIEW_DOCUMENT_REPORT, id,
                                               path, &n_pages, &error));
  g_assert_no_error (error);
  text = pdf_words (path);
  if (text == NULL)
    return;
  {
    guint64 maps_page = pages_with (path, n_pages, "Maps");
    guint64 council_map = pages_with (path, n_pages, "Polling Districts and Stations");
    guint64 aa_map = pages_with (path, n_pages, "Polling District AA, Abbey: Polling Stations");

    g_assert_cmpuint (council_map, !=, 0);
    g_assert_cmpuint (council_map, ==, maps_page);
    g_assert_cmpuint (aa_map, ==, council_map << 1);
    g_assert_cmpuint (aa_map, ==, G_GUINT64_CONSTANT (1) << n_pages);
  }
}

/* The notice says by when; without a closing date it is refused. */
static void
test_notice (EdTestDir     *fixture,
             gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "notice.pdf");
  g_autofree char *text = NULL;
  g_autoptr(EdStationReview) review = NULL;

  make_district (fixture, &district);
  id = start (district.context, ED_REVIEW_COMPULSORY, "2028-10-02");
  g_assert_false (ed_review_document_write_pdf (district.context, ED_REVIEW_DOCUMENT_NOTICE, id,
                                                path, NULL, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "--consultation-closes"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  review = ed_station_review_get (district.context, id, &error);
  g_assert_no_error (error);
  review->dates.steps[ED_REVIEW_STEP_CONSULTATION_CLOSES] = day ("2028-11-27");
  g_assert_true (ed_station_review_update (district.context, review, &error));
  g_assert_no_error (error);
  g_assert_true (ed_review_document_write_pdf (district.context, ED_REVIEW_DOCUMENT_NOTICE, id,
                                               path, NULL, &error));
  g_assert_no_error (error);
  text = pdf_words (path);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Notice of review"));
  g_assert_nonnull (strstr (text, "27 November 2028"));
  g_assert_nonnull (strstr (text, "disabled"));
  g_assert_nonnull (strstr (text, "alternative venue"));
  g_assert_nonnull (strstr (text, "within 30 days"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/stations/review/start-refuses-outside-window",
               test_start_refuses_outside_window);
  ED_TEST_ADD ("/stations/review/resolve", test_resolve);
  ED_TEST_ADD ("/stations/review/steps", test_steps);
  ED_TEST_ADD ("/stations/review/representation-refusals", test_representation_refusals);
  ED_TEST_ADD ("/stations/review/proposals", test_proposals);
  ED_TEST_ADD ("/stations/review/districts-table", test_districts_table);
  ED_TEST_ADD ("/stations/review/report", test_report);
  ED_TEST_ADD ("/stations/review/report-maps", test_report_maps);
  ED_TEST_ADD ("/stations/review/notice", test_notice);
  return g_test_run ();
}
