/* test-register-notice.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core/ed-calendar.h"
#include "register/ed-register-notice.h"
#include "ed-test-pdf.h"
#include "ed-test-register.h"

/* The notice of Monday 1 February 2027. Its determination deadline is 14 calendar days
 * before it, Monday 18 January 2027 (RPA 1983 s.13A(2)(a), DOMAIN.md §1.4). */
#define NOTICE_DATE "2027-02-01"
#define DEADLINE "2027-01-18"

typedef struct
{
  EdContext *context;
  char      *add_carter;    /* AA5/1, Mill Lane: determined 10 January */
  char      *add_baker;     /* AA3/1, Abbey Road: determined on the deadline */
  char      *add_late;      /* AA5/2: determined the day after the deadline */
  char      *del_dean;      /* AA1: deletion determined in December, never published */
  char      *amend_evans;   /* AA2 */
  char      *amend_anon;    /* AA9, anonymous */
  char      *add_fox;       /* AA8, Other elector */
  char      *add_green;     /* AB4/1 */
  char      *late_alteration;
} Register;

static void
register_clear (Register *reg)
{
  g_clear_object (&reg->context);
  g_free (reg->add_carter);
  g_free (reg->add_baker);
  g_free (reg->add_late);
  g_free (reg->del_dean);
  g_free (reg->amend_evans);
  g_free (reg->amend_anon);
  g_free (reg->add_fox);
  g_free (reg->add_green);
  g_free (reg->late_alteration);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Register, register_clear)

static void
build_register (EdTestDir *fixture,
                Register  *reg)
{
  EdContext *context;
  g_autofree char *aa = NULL;
  g_autofree char *ab = NULL;
  g_autofree char *mill_2 = NULL;
  g_autofree char *abbey_10 = NULL;
  g_autofree char *abbey_flat = NULL;
  g_autofree char *brook_1 = NULL;

  context = reg->context = ed_test_register_open (fixture, "england");
  aa = ed_test_register_add_district (context, "AA", "Abbey");
  ab = ed_test_register_add_district (context, "AB", "Brook");
  mill_2 = ed_test_register_add_property (context, aa, "2", "Mill Lane");
  abbey_10 = ed_test_register_add_property (context, aa, "10", "Abbey Road");
  abbey_flat = ed_test_register_add_property (context, aa, "Flat 1, 4", "Abbey Road");
  brook_1 = ed_test_register_add_property (context, ab, "1", "Brook Street");

  reg->add_carter = ed_test_register_add_elector (context, aa, mill_2, "AA", 5, 1, "Carter",
                                                  "Ann", "pending_addition", 0);
  reg->add_baker = ed_test_register_add_elector (context, aa, abbey_10, "AA", 3, 1, "Baker",
                                                 "Bob", "pending_addition", 0);
  reg->add_late = ed_test_register_add_elector (context, aa, mill_2, "AA", 5, 2, "Carter",
                                                "Cal", "pending_addition", 0);
  reg->del_dean = ed_test_register_add_elector (context, aa, abbey_flat, "AA", 1, 0, "Dean",
                                                "Dora", "pending_deletion", 0);
  reg->amend_evans = ed_test_register_add_elector (context, aa, abbey_10, "AA", 2, 0, "Evans",
                                                   "Eve", "current", 0);
  reg->amend_anon = ed_test_register_add_elector (context, aa, abbey_10, "AA", 9, 0, "Hidden",
                                                  "Hal", "current",
                                                  ED_TEST_ELECTOR_ANONYMOUS);
  reg->add_fox = ed_test_register_add_elector (context, aa, "", "AA", 8, 0, "Fox", "Finn",
                                               "pending_addition", ED_TEST_ELECTOR_OTHER);
  reg->add_green = ed_test_register_add_elector (context, ab, brook_1, "AB", 4, 1, "Green",
                                                 "Gil", "pending_addition", 0);

  g_free (ed_test_register_add_alteration (context, reg->add_carter, "addition", "2027-01-10",
                                           "", ""));
  g_free (ed_test_register_add_alteration (context, reg->add_baker, "addition", DEADLINE, "",
                                           ""));
  reg->late_alteration = ed_test_register_add_alteration (context, reg->add_late, "addition",
                                                          "2027-01-19", "", "");
  g_free (ed_test_register_add_alteration (context, reg->del_dean, "deletion", "2026-12-01",
                                           "died", ""));
  g_free (ed_test_register_add_alteration (context, reg->amend_evans, "amendment",
                                           "2027-01-05", "", "Surname: Smith → Evans"));
  g_free (ed_test_register_add_alteration (context, reg->amend_anon, "amendment", "2027-01-06",
                                           "", "Surname: Secret → Hidden"));
  g_free (ed_test_register_add_alteration (context, reg->add_fox, "addition", "2027-01-07", "",
                                           ""));
  g_free (ed_test_register_add_alteration (context, reg->add_green, "addition", "2027-01-12",
                                           "", ""));
}

static EdNotice *
prepare (EdContext     *context,
         const char    *iso,
         EdNoticeFlags  flags)
{
  g_autoptr(GError) error = NULL;
  GDate date = ed_test_date (iso);
  EdNotice *notice = ed_register_notice_prepare (context, &date, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (notice);
  return notice;
}

static EdNoticeEntry *
entry_at (EdNoticeDistrict *district,
          EdAlterationKind  kind,
          guint             i)
{
  g_assert_cmpuint (i, <, district->entries[kind]->len);
  return g_ptr_array_index (district->entries[kind], i);
}

/* DOMAIN.md §1.4: a notice lists the changes per polling district, as additions, deletions
 * and amendments; each list in the register's statutory order (§1.1: street order, then
 * Other electors); an anonymous entry is its number and N only, an Other elector has no
 * address (§1.1, RPR 2001 reg 41(3), 41A). */
static void
test_groups_by_district (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_auto(Register) reg = { 0 };
  g_autoptr(EdNotice) notice = NULL;
  EdNoticeDistrict *aa;
  EdNoticeDistrict *ab;
  EdNoticeEntry *entry;

  build_register (fixture, &reg);
  notice = prepare (reg.context, NOTICE_DATE, 0);

  g_assert_true (notice->required);
  g_assert_cmpuint (notice->n_alterations, ==, 7);
  g_assert_cmpuint (notice->n_entries, ==, 7);
  g_assert_cmpuint (notice->n_withheld, ==, 0);
  g_assert_cmpstr (notice->council, ==, "Testbury District Council");
  g_assert_cmpuint (notice->districts->len, ==, 2);
  aa = g_ptr_array_index (notice->districts, 0);
  ab = g_ptr_array_index (notice->districts, 1);
  g_assert_cmpstr (aa->code, ==, "AA");
  g_assert_cmpstr (aa->name, ==, "Abbey");
  g_assert_cmpstr (ab->code, ==, "AB");

  /* Abbey Road before Mill Lane, then the Other elector. */
  g_assert_cmpuint (aa->entries[ED_ALTERATION_ADDITION]->len, ==, 3);
  entry = entry_at (aa, ED_ALTERATION_ADDITION, 0);
  g_assert_cmpstr (entry->number, ==, "AA3/1");
  g_assert_cmpstr (entry->name, ==, "Baker, Bob");
  g_assert_cmpstr (entry->address, ==, "10 Abbey Road, Testbury, ZZ99 1AA");
  g_assert_cmpstr (entry_at (aa, ED_ALTERATION_ADDITION, 1)->number, ==, "AA5/1");
  entry = entry_at (aa, ED_ALTERATION_ADDITION, 2);
  g_assert_cmpstr (entry->number, ==, "AA8");
  g_assert_cmpstr (entry->name, ==, "Fox, Finn");
  g_assert_cmpstr (entry->address, ==, "");

  g_assert_cmpuint (aa->entries[ED_ALTERATION_DELETION]->len, ==, 1);
  entry = entry_at (aa, ED_ALTERATION_DELETION, 0);
  g_assert_cmpstr (entry->number, ==, "AA1");
  /* The reason stays for the officer; the published notice never prints it. */
  g_assert_cmpstr (entry->reason, ==, "died");
  g_assert_cmpstr (entry->detail, ==, "");

  g_assert_cmpuint (aa->entries[ED_ALTERATION_AMENDMENT]->len, ==, 2);
  entry = entry_at (aa, ED_ALTERATION_AMENDMENT, 0);
  g_assert_cmpstr (entry->number, ==, "AA2");
  /* The desk's note of what changed (here a former name) is not published. */
  g_assert_cmpstr (entry->detail, ==, "");
  entry = entry_at (aa, ED_ALTERATION_AMENDMENT, 1);
  g_assert_cmpstr (entry->number, ==, "AA9");
  g_assert_cmpstr (entry->marker, ==, "N");
  g_assert_cmpstr (entry->name, ==, "");
  g_assert_cmpstr (entry->address, ==, "");
  g_assert_cmpstr (entry->detail, ==, "");

  g_assert_cmpuint (ab->entries[ED_ALTERATION_ADDITION]->len, ==, 1);
  g_assert_cmpuint (ab->entries[ED_ALTERATION_DELETION]->len, ==, 0);
  g_assert_cmpstr (entry_at (ab, ED_ALTERATION_ADDITION, 0)->number, ==, "AB4/1");
}

static gboolean
notice_lists (EdNotice   *notice,
              const char *alteration_elector_number)
{
  for (guint d = 0; d < notice->districts->len; d++)
    {
      EdNoticeDistrict *district = g_ptr_array_index (notice->districts, d);

      for (guint k = 0; k < ED_N_ALTERATION_KINDS; k++)
        for (guint i = 0; i < district->entries[k]->len; i++)
          if (g_str_equal (entry_at (district, k, i)->number, alteration_elector_number))
            return TRUE;
    }
  return FALSE;
}

/* DOMAIN.md §1.4: a notice lists what was determined by its determination deadline, the 10th
 * working day before it (18 January for 1 February 2027); a change determined the day after
 * waits for the next notice; one from an earlier month that no notice published is listed. */
static void
test_determination_cut_off (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_auto(Register) reg = { 0 };
  g_autoptr(EdNotice) february = NULL;
  g_autoptr(EdNotice) march = NULL;
  g_autofree char *deadline = NULL;

  build_register (fixture, &reg);
  february = prepare (reg.context, NOTICE_DATE, 0);
  deadline = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&february->determination),
                              g_date_get_month (&february->determination),
                              g_date_get_day (&february->determination));
  g_assert_cmpstr (deadline, ==, DEADLINE);
  g_assert_true (notice_lists (february, "AA3/1"));   /* on the deadline */
  g_assert_true (notice_lists (february, "AA1"));     /* December's, never published */
  g_assert_false (notice_lists (february, "AA5/2"));  /* the day after */

  march = prepare (reg.context, "2027-03-01", 0);
  g_assert_true (notice_lists (march, "AA5/2"));
  g_assert_cmpuint (march->n_alterations, ==, 8);
}

/* DOMAIN.md §1.4: no notice is required in the month of the revised register or the two
 * before it (October to December for 1 December); one is refused unless the ERO asks for
 * the optional notice. A day that is not a notice's date is refused too. */
static void
test_refuses_months_without_notice (EdTestDir     *fixture,
                                    gconstpointer  data)
{
  g_auto(Register) reg = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdNotice) optional = NULL;
  g_autoptr(EdNotice) september = NULL;
  const char *refused[] = { "2026-10-01", "2026-11-02", "2026-12-01" };
  GDate date;

  build_register (fixture, &reg);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(EdNotice) notice = NULL;

      date = ed_test_date (refused[i]);
      notice = ed_register_notice_prepare (reg.context, &date, 0, &error);
      g_assert_null (notice);
      g_assert_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_NO_NOTICE_DUE);
      g_assert_nonnull (strstr (error->message, "revised register"));
      g_clear_error (&error);
    }

  optional = prepare (reg.context, "2026-11-02", ED_NOTICE_FLAGS_OPTIONAL);
  g_assert_false (optional->required);
  september = prepare (reg.context, "2026-09-01", 0);
  g_assert_true (september->required);

  /* 2 February 2027 is a Tuesday; the notice of February is on Monday the 1st. */
  date = ed_test_date ("2027-02-02");
  g_assert_null (ed_register_notice_prepare (reg.context, &date, 0, &error));
  g_assert_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_NOT_A_NOTICE_DATE);
  g_assert_nonnull (strstr (error->message, "1 February 2027"));
}

/* DOMAIN.md §1.2: no information on under-16s may appear in any published version of the
 * register. In Wales the attainer date is the 16th birthday: an addition of an elector who
 * is 15 on the day is published (stamped) but not printed. */
static void
test_under_16_withheld (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "wales");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *home = ed_test_register_add_property (context, aa, "3", "Castle Street");
  g_autofree char *young = ed_test_register_add_elector (context, aa, home, "AA", 7, 1, "Young",
                                                         "Yan", "pending_addition", 0);
  g_autofree char *adult = ed_test_register_add_elector (context, aa, home, "AA", 7, 2, "Young",
                                                         "Ada", "pending_addition", 0);
  g_autofree char *status = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(EdNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  GDate date = ed_test_date (NOTICE_DATE);

  ed_test_register_set (context, "elector", young, "attainer_date",
                        g_variant_new_string ("2028-03-01"));
  g_free (ed_test_register_add_alteration (context, young, "addition", "2027-01-04", "", ""));
  g_free (ed_test_register_add_alteration (context, adult, "addition", "2027-01-04", "", ""));

  notice = prepare (context, NOTICE_DATE, 0);
  g_assert_cmpuint (notice->n_alterations, ==, 2);
  g_assert_cmpuint (notice->n_withheld, ==, 1);
  g_assert_cmpuint (notice->n_entries, ==, 1);
  g_assert_false (notice_lists (notice, "AA7/1"));
  g_assert_true (notice_lists (notice, "AA7/2"));

  g_assert_true (ed_register_notice_publish_full (context, &date, 0, fixture->dir, NULL, NULL,
                                                  &csv_path, &error));
  g_assert_no_error (error);
  status = ed_test_register_get (context, "SELECT status FROM elector WHERE id = ?1", young);
  g_assert_cmpstr (status, ==, "current");
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_null (strstr (csv, "Yan"));
  g_assert_nonnull (strstr (csv, "Ada"));
}

/* Publishing (DOMAIN.md §1.4) stamps each change with the notice, makes pending additions
 * current and takes pending deletions off the register (0004-register.sql), and writes the
 * notice as CSV and PDF. */
static void
test_publish_stamps_and_resolves (EdTestDir     *fixture,
                                  gconstpointer  data)
{
  g_auto(Register) reg = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *notice_id = NULL;
  g_autofree char *n_stamped = NULL;
  g_autofree char *late_notice = NULL;
  g_autofree char *status = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *late_status = NULL;
  g_autoptr(EdNotice) notice = NULL;
  GDate date = ed_test_date (NOTICE_DATE);

  build_register (fixture, &reg);
  g_assert_true (ed_register_notice_publish_full (reg.context, &date, 0, fixture->dir, &notice,
                                                  &pdf_path, &csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (pdf_path, "notice-2027-02-01.pdf"));
  g_assert_true (g_str_has_suffix (csv_path, "notice-2027-02-01.csv"));

  notice_id = ed_test_register_get (reg.context,
                                    "SELECT id FROM register_notice WHERE kind = 'monthly' "
                                    "AND publication_date = '2027-02-01' AND published = 1",
                                    NULL);
  g_assert_nonnull (notice_id);
  n_stamped = ed_test_register_get (reg.context,
                                    "SELECT count(*) FROM register_alteration WHERE notice = ?1",
                                    notice_id);
  g_assert_cmpstr (n_stamped, ==, "7");
  late_notice = ed_test_register_get (reg.context,
                                      "SELECT notice FROM register_alteration WHERE id = ?1",
                                      reg.late_alteration);
  g_assert_cmpstr (late_notice, ==, "");

  status = ed_test_register_get (reg.context, "SELECT status FROM elector WHERE id = ?1",
                                 reg.add_carter);
  g_assert_cmpstr (status, ==, "current");
  gone = ed_test_register_get (reg.context, "SELECT id FROM elector WHERE id = ?1",
                               reg.del_dean);
  g_assert_null (gone);
  late_status = ed_test_register_get (reg.context, "SELECT status FROM elector WHERE id = ?1",
                                      reg.add_late);
  g_assert_cmpstr (late_status, ==, "pending_addition");

  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_true (g_str_has_prefix (csv, "polling_district,polling_district_name,alteration,"));
  g_assert_nonnull (strstr (csv, "AA,Abbey,deletion,AA1,,\"Dean, Dora\","));
  g_assert_null (strstr (csv, "Hidden"));

  text = ed_test_pdf_text (pdf_path, "-layout", NULL);
  if (text == NULL)
    {
      g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Notice of alteration"));
  g_assert_nonnull (strstr (text, "1 February 2027"));
  g_assert_nonnull (strstr (text, "Polling district AA"));
  g_assert_nonnull (strstr (text, "Polling district AB"));
  g_assert_nonnull (strstr (text, "Additions"));
  g_assert_nonnull (strstr (text, "Deletions"));
  g_assert_nonnull (strstr (text, "Amendments"));
  g_assert_nonnull (strstr (text, "Carter, Ann"));
  g_assert_nonnull (strstr (text, "AB4/1"));
  g_assert_null (strstr (text, "Hidden"));
}

/* A notice is published once; one dated before a published notice, or with nothing to
 * publish, is refused, and the district is left exactly as it was. */
static void
test_refused_publish_changes_nothing (EdTestDir     *fixture,
                                      gconstpointer  data)
{
  g_auto(Register) reg = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *april_pdf = NULL;
  GDate date = ed_test_date (NOTICE_DATE);
  GDate january = ed_test_date ("2027-01-04");
  GDate march = ed_test_date ("2027-03-01");
  GDate april = ed_test_date ("2027-04-01");

  build_register (fixture, &reg);
  g_assert_true (ed_register_notice_publish (reg.context, &date, fixture->dir, NULL, &error));
  g_assert_no_error (error);
  before = ed_test_register_state_hash (reg.context);

  g_assert_false (ed_register_notice_publish (reg.context, &date, fixture->dir, NULL, &error));
  g_assert_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_ALREADY_PUBLISHED);
  g_assert_nonnull (strstr (error->message, "already published"));
  g_clear_error (&error);

  g_assert_false (ed_register_notice_publish (reg.context, &january, fixture->dir, NULL,
                                              &error));
  g_assert_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_LATER_PUBLISHED);
  g_clear_error (&error);

  after = ed_test_register_state_hash (reg.context);
  g_assert_cmpstr (before, ==, after);

  /* March publishes the change determined after February's deadline; April has nothing. */
  g_assert_true (ed_register_notice_publish (reg.context, &march, fixture->dir, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = ed_test_register_state_hash (reg.context);
  g_assert_false (ed_register_notice_publish (reg.context, &april, fixture->dir, NULL, &error));
  g_assert_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_NOTHING_TO_PUBLISH);
  g_clear_pointer (&after, g_free);
  after = ed_test_register_state_hash (reg.context);
  g_assert_cmpstr (before, ==, after);
  april_pdf = ed_test_dir_file (fixture, "notice-2027-04-01.pdf");
  g_assert_false (g_file_test (april_pdf, G_FILE_TEST_EXISTS));
}

/* Issue 12 item 12; DOMAIN.md §1.1, §1.2, §1.4: a published notice shows what the statutory
 * notice shows and nothing more. Its heading carries the council, the statutory reference
 * (RPA 1983 s.13A) and the Electoral Registration Officer's name and address from the
 * district settings; names are as the register prints them; never a deletion's reason, a
 * desk's note, a former name or an absent vote from what an amendment changed; and no legacy
 * marker. */
static void
test_shows_only_the_statutory_notice (EdTestDir     *fixture,
                                      gconstpointer  data)
{
  g_auto(Register) reg = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdNotice) notice = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *noted = NULL;
  g_autofree char *deletion = NULL;
  EdDistrictSettings *settings;
  GDate date = ed_test_date (NOTICE_DATE);
  const char *never[] = {
    "Died", "died", "Rang the daughter", "Smith", "Postal", "postal", "Percy", "Absent",
    "Hidden", "Secret", "Mrs",
  };

  build_register (fixture, &reg);
  settings = ed_context_get_settings (reg.context);
  g_assert_true (ed_district_settings_set (settings, "ero-name", "Pat Registrar", &error));
  g_assert_true (ed_district_settings_set (settings, "council-address",
                                           "Council Offices\nHigh Street\nTestbury TB1 1AA",
                                           &error));
  g_assert_no_error (error);
  /* A deletion with the desk's own words, an amendment whose note names a former name and an
   * absent vote, and a legacy marker on an addition. */
  noted = ed_test_register_add_alteration (reg.context, reg.amend_evans, "amendment",
                                           "2027-01-08", "",
                                           "Absent vote: none → Postal; Proxy name:  → Percy");
  ed_test_elector_set (reg.context, reg.add_baker, "marker", g_variant_new_string ("K"));
  ed_test_elector_set (reg.context, reg.add_baker, "title", g_variant_new_string ("Mrs"));
  deletion = ed_test_register_get (reg.context,
                                   "SELECT id FROM register_alteration WHERE elector = ?1",
                                   reg.del_dean);
  ed_test_register_set (reg.context, "register_alteration", deletion, "detail",
                        g_variant_new_string ("Rang the daughter"));

  g_assert_true (ed_register_notice_publish_full (reg.context, &date, 0, fixture->dir, &notice,
                                                  &pdf_path, &csv_path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (notice->ero_name, ==, "Pat Registrar");
  g_assert_cmpstr (notice->ero_address, ==, "Council Offices, High Street, Testbury TB1 1AA");
  g_assert_nonnull (strstr (notice->statutory_reference, "section 13A"));

  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    if (strstr (csv, never[i]) != NULL)
      g_error ("the published notice's CSV shows “%s”:\n%s", never[i], csv);
  g_assert_nonnull (strstr (csv, "AA3/1,,\"Baker, Bob\""));
  /* Amended twice, shown once, as the entry now stands. */
  g_assert_nonnull (strstr (csv, "\"Evans, Eve\""));
  g_assert_null (strstr (strstr (csv, "\"Evans, Eve\"") + 1, "\"Evans, Eve\""));

  text = ed_test_pdf_text (pdf_path, "-layout", NULL);
  if (text == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    if (strstr (text, never[i]) != NULL)
      g_error ("the published notice shows “%s”:\n%s", never[i], text);
  g_assert_nonnull (strstr (text, "Testbury District Council"));
  g_assert_nonnull (strstr (text, "Representation of the People Act 1983, section 13A"));
  g_assert_nonnull (strstr (text, "Electoral Registration Officer: Pat Registrar, Council "
                                  "Offices, High Street, Testbury TB1 1AA"));
  g_assert_nonnull (strstr (text, "Baker, Bob"));
}

/* Issue 12 item 10; DOMAIN.md §1.4, RPA 1983 s.13AB: an interim notice of an election is
 * prepared by the same machinery, for the areas the election covers only, and cites its own
 * provision. An election in polling district AB, poll 6 May 2027 with nominations closing
 * 8 April: every change determined by the day before the notice and not yet published, in
 * AB only. */
static void
test_interim_notice_for_areas (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_auto(Register) reg = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCalendar) calendar = NULL;
  g_autoptr(EdNotice) notice = NULL;
  g_autoptr(EdNotice) everywhere = NULL;
  EdNoticeDates dates[ED_N_INTERIM_NOTICES];
  GDate poll = ed_test_date ("2027-05-06");
  GDate nominations = ed_test_date ("2027-04-08");
  const char *areas[] = { "AB", NULL };
  EdNoticeDistrict *district;

  build_register (fixture, &reg);
  calendar = ed_calendar_new (ED_JURISDICTION_ENGLAND_AND_WALES, &error);
  g_assert_no_error (error);
  g_assert_true (ed_notice_timetable_election_interim (calendar, &poll, &nominations, NULL,
                                                       dates, &error));
  g_assert_no_error (error);

  notice = ed_register_notice_prepare_interim (reg.context, &dates[0], areas, &error);
  g_assert_no_error (error);
  g_assert_nonnull (notice);
  g_assert_cmpuint (notice->districts->len, ==, 1);
  district = g_ptr_array_index (notice->districts, 0);
  g_assert_cmpstr (district->code, ==, "AB");
  g_assert_cmpuint (notice->n_alterations, ==, 1);
  g_assert_nonnull (strstr (notice->statutory_reference, "section 13AB"));

  everywhere = ed_register_notice_prepare_interim (reg.context, &dates[0], NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (everywhere->districts->len, ==, 2);
  /* Every change determined by 7 April, the late one of 19 January included. */
  g_assert_cmpuint (everywhere->n_alterations, ==, 8);
}

/* Issue 12 item 10; RPA 1983 s.13AB, DOMAIN.md §1.4: publishing an election's interim
 * notice stamps only the alterations of the areas the election covers, so the next monthly
 * notice (s.13A) still lists the rest. An interim notice for AA of Wednesday 20 January 2027
 * lists what AA had determined by the day before; the notice of 1 February then lists AB's
 * addition only, and nothing of AB was stamped. */
static void
test_interim_publish_stamps_its_areas (EdTestDir     *fixture,
                                       gconstpointer  data)
{
  g_auto(Register) reg = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdNotice) interim = NULL;
  g_autoptr(EdNotice) monthly = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *interim_id = NULL;
  g_autofree char *n_stamped = NULL;
  g_autofree char *n_ab_stamped = NULL;
  g_autofree char *green = NULL;
  g_autofree char *carter = NULL;
  EdNoticeDates dates = { 0 };
  const char *areas[] = { "AA", NULL };
  const char *unknown[] = { "AA", "ZZ", NULL };
  GDate date = ed_test_date (NOTICE_DATE);
  EdNoticeDistrict *district;

  build_register (fixture, &reg);
  dates.publication = ed_test_date ("2027-01-20");
  dates.determination = ed_test_date ("2027-01-19");
  dates.last_application = dates.determination;
  dates.required = TRUE;

  /* An area the district does not have is refused, and nothing is published. */
  g_assert_false (ed_register_notice_publish_interim (reg.context, &dates, unknown, 0,
                                                      fixture->dir, NULL, NULL, NULL,
                                                      &error));
  g_assert_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_UNKNOWN_AREA);
  g_assert_nonnull (strstr (error->message, "ZZ"));
  g_clear_error (&error);

  g_assert_true (ed_register_notice_publish_interim (reg.context, &dates, areas, 0,
                                                     fixture->dir, &interim, &pdf_path,
                                                     &csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (pdf_path, "interim-notice-2027-01-20.pdf"));
  g_assert_true (g_str_has_suffix (csv_path, "interim-notice-2027-01-20.csv"));
  g_assert_nonnull (strstr (interim->statutory_reference, "section 13AB"));
  /* AA's seven, the one determined on 19 January included. */
  g_assert_cmpuint (interim->n_alterations, ==, 7);
  g_assert_cmpuint (interim->districts->len, ==, 1);

  interim_id = ed_test_register_get (reg.context,
                                     "SELECT id FROM register_notice WHERE kind = 'interim' "
                                     "AND publication_date = '2027-01-20' AND published = 1",
                                     NULL);
  g_assert_nonnull (interim_id);
  n_stamped = ed_test_register_get (reg.context,
                                    "SELECT count(*) FROM register_alteration WHERE notice = ?1",
                                    interim_id);
  g_assert_cmpstr (n_stamped, ==, "7");
  n_ab_stamped = ed_test_register_get (reg.context,
                                       "SELECT count(*) FROM register_alteration AS a "
                                       "JOIN elector AS e ON e.id = a.elector "
                                       "JOIN polling_district AS d ON d.id = e.polling_district "
                                       "WHERE d.code = 'AB' AND a.notice <> ?1",
                                       "");
  g_assert_cmpstr (n_ab_stamped, ==, "0");
  carter = ed_test_register_get (reg.context, "SELECT status FROM elector WHERE id = ?1",
                                 reg.add_carter);
  g_assert_cmpstr (carter, ==, "current");
  green = ed_test_register_get (reg.context, "SELECT status FROM elector WHERE id = ?1",
                                reg.add_green);
  g_assert_cmpstr (green, ==, "pending_addition");

  /* The monthly notice of 1 February, dated after it, lists only AB's change. */
  monthly = prepare (reg.context, NOTICE_DATE, 0);
  g_assert_cmpuint (monthly->n_alterations, ==, 1);
  g_assert_cmpuint (monthly->districts->len, ==, 1);
  district = g_ptr_array_index (monthly->districts, 0);
  g_assert_cmpstr (district->code, ==, "AB");
  g_assert_cmpstr (entry_at (district, ED_ALTERATION_ADDITION, 0)->name, ==, "Green, Gil");
  g_clear_pointer (&monthly, ed_notice_free);
  g_assert_true (ed_register_notice_publish_full (reg.context, &date, 0, fixture->dir, &monthly,
                                                  NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (monthly->n_alterations, ==, 1);
}

/* Issue 12 item 11; RPA 1983 s.13A(2): a notice is never published on or before its
 * determination deadline, and before its publication date only when a person confirms it;
 * on or after its date it may be. The notice of 1 February 2027 has its deadline on
 * 18 January. */
static void
test_publishable_dates (void)
{
  static const struct
  {
    const char *today;
    EdNoticeFlags flags;
    int error;          /* -1 for none */
  } cases[] = {
    { "2027-01-10", ED_NOTICE_FLAGS_BEFORE_DATE, ED_REGISTER_NOTICE_ERROR_BEFORE_DEADLINE },
    { "2027-01-18", ED_NOTICE_FLAGS_BEFORE_DATE, ED_REGISTER_NOTICE_ERROR_BEFORE_DEADLINE },
    { "2027-01-19", 0, ED_REGISTER_NOTICE_ERROR_BEFORE_DATE },
    { "2027-01-31", 0, ED_REGISTER_NOTICE_ERROR_BEFORE_DATE },
    { "2027-01-19", ED_NOTICE_FLAGS_BEFORE_DATE, -1 },
    { "2027-02-01", 0, -1 },
    { "2027-02-15", 0, -1 },
  };
  GDate publication = ed_test_date (NOTICE_DATE);
  GDate determination = ed_test_date (DEADLINE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate today = ed_test_date (cases[i].today);
      gboolean ok = ed_register_notice_check_publishable (&publication, &determination, &today,
                                                          cases[i].flags, &error);

      if (cases[i].error < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, ED_REGISTER_NOTICE_ERROR, cases[i].error);
        }
    }
}

/* Issue 12 item 11: publishing checks the day it is published (ED_TODAY in a test build) and
 * leaves the district as it was when refused; what it will change is counted by kind, for
 * the confirmation a person gives. */
static void
test_publish_refused_before_deadline (EdTestDir     *fixture,
                                      gconstpointer  data)
{
  g_auto(Register) reg = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdNotice) notice = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *described = NULL;
  g_autofree char *saved_today = g_strdup (g_getenv ("ED_TODAY"));
  GDate date = ed_test_date (NOTICE_DATE);
  EdNoticeChanges changes;

  build_register (fixture, &reg);
  notice = prepare (reg.context, NOTICE_DATE, 0);
  ed_notice_get_changes (notice, &changes);
  g_assert_cmpuint (changes.n_additions, ==, 4);
  g_assert_cmpuint (changes.n_deletions, ==, 1);
  g_assert_cmpuint (changes.n_amendments, ==, 2);
  described = ed_notice_changes_describe (&changes);
  g_assert_cmpstr (described, ==, "4 additions, 1 deletion and 2 amendments");

  before = ed_test_register_state_hash (reg.context);
  g_setenv ("ED_TODAY", DEADLINE, TRUE);
  g_assert_false (ed_register_notice_publish_full (reg.context, &date,
                                                   ED_NOTICE_FLAGS_BEFORE_DATE, fixture->dir,
                                                   NULL, NULL, NULL, &error));
  g_assert_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_BEFORE_DEADLINE);
  g_clear_error (&error);

  g_setenv ("ED_TODAY", "2027-01-25", TRUE);
  g_assert_false (ed_register_notice_publish_full (reg.context, &date, 0, fixture->dir, NULL,
                                                   NULL, NULL, &error));
  g_assert_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_BEFORE_DATE);
  g_clear_error (&error);
  after = ed_test_register_state_hash (reg.context);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (ed_register_notice_publish_full (reg.context, &date,
                                                  ED_NOTICE_FLAGS_BEFORE_DATE, fixture->dir,
                                                  NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  if (saved_today != NULL)
    g_setenv ("ED_TODAY", saved_today, TRUE);
  else
    g_unsetenv ("ED_TODAY");
}

/* Publishing as a job (DESIGN.md §6). */

typedef struct
{
  guint   cancel_at;      /* cancel on this report (counting from 1); 0 never */
  guint   n_reports;
  double  last_fraction;
  double  cancelled_at;   /* the fraction of the report cancelled on */
} Watch;

static void
watch_progress_cb (EdJob      *job,
                   double      fraction,
                   const char *text,
                   Watch      *watch)
{
  g_assert_cmpfloat (fraction, >=, watch->last_fraction);
  g_assert_cmpstr (text, !=, "");
  watch->last_fraction = fraction;
  if (++watch->n_reports == watch->cancel_at)
    {
      watch->cancelled_at = fraction;
      ed_job_cancel (job);
    }
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
publish_as_job (EdContext  *context,
                const char *out_dir,
                Watch      *watch,
                char      **out_pdf_path,
                GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GDate date = ed_test_date (NOTICE_DATE);
  EdJob *job;

  job = ed_register_notice_publish_async (context, &date, 0, out_dir, NULL, job_done_cb,
                                          &result);
  g_signal_connect (job, "progress", G_CALLBACK (watch_progress_cb), watch);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return ed_register_notice_publish_finish (job, result, NULL, out_pdf_path, NULL, error);
}

/* A cancel on any report before the notice is saved leaves the district and the folder as
 * they were; left alone, the job publishes as ed_register_notice_publish_full() does. */
static void
test_publish_as_job (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_auto(Register) reg = { 0 };
  g_autofree char *out_dir = ed_test_dir_file (fixture, "out");
  g_autofree char *before = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *n_stamped = NULL;
  gboolean published = FALSE;

  build_register (fixture, &reg);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  before = ed_test_register_state_hash (reg.context);

  for (guint k = 1; !published; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      Watch watch = { k, 0, 0.0, -1.0 };

      published = publish_as_job (reg.context, out_dir, &watch, &pdf_path, &error);
      if (published)
        {
          /* Too late only once the notice is being saved. */
          g_assert_no_error (error);
          g_assert_cmpfloat (watch.cancelled_at, >=, 0.9);
          break;
        }
      /* The cancel on "Saving" may come in time, or not. */
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpfloat (watch.cancelled_at, <=, 0.9);
      {
        g_autofree char *after = ed_test_register_state_hash (reg.context);

        g_assert_cmpstr (after, ==, before);
      }
      dir = g_dir_open (out_dir, 0, NULL);
      g_assert_null (g_dir_read_name (dir));
    }

  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
  n_stamped = ed_test_register_get (reg.context,
                                    "SELECT count(*) FROM register_alteration WHERE notice <> ''",
                                    NULL);
  g_assert_cmpstr (n_stamped, ==, "7");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/register/notice/groups-by-district", test_groups_by_district);
  ED_TEST_ADD ("/register/notice/shows-only-the-statutory-notice",
               test_shows_only_the_statutory_notice);
  g_test_add_func ("/register/notice/publishable-dates", test_publishable_dates);
  ED_TEST_ADD ("/register/notice/interim-notice-for-areas", test_interim_notice_for_areas);
  ED_TEST_ADD ("/register/notice/interim-publish-stamps-its-areas",
               test_interim_publish_stamps_its_areas);
  ED_TEST_ADD ("/register/notice/publish-refused-before-deadline",
               test_publish_refused_before_deadline);
  ED_TEST_ADD ("/register/notice/determination-cut-off", test_determination_cut_off);
  ED_TEST_ADD ("/register/notice/refuses-months-without-notice",
               test_refuses_months_without_notice);
  ED_TEST_ADD ("/register/notice/under-16-withheld", test_under_16_withheld);
  ED_TEST_ADD ("/register/notice/publish-stamps-and-resolves", test_publish_stamps_and_resolves);
  ED_TEST_ADD ("/register/notice/refused-publish-changes-nothing",
               test_refused_publish_changes_nothing);
  ED_TEST_ADD ("/register/notice/publish-as-job", test_publish_as_job);
  return g_test_run ();
}
