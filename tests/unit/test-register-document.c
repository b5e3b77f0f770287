/* test-register-document.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "changes/ed-change-set.h"
#include "core/ed-csv.h"
#include "district/ed-district-settings.h"
#include "print/ed-document-private.h"
#include "register/ed-register-document.h"
#include "register/ed-register-order.h"
#include "register/ed-register-search.h"
#include "ed-test-cli.h"
#include "ed-test-demo.h"
#include "ed-test-pdf.h"
#include "ed-test-register.h"

enum
{
  CELL_NUMBER,
  CELL_MARKER,
  CELL_NAME,
  CELL_ADDRESS,
};

#define N_ELECTORS 1500

static EdElectorSummary *
find (EdContext  *context,
      const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = ed_register_search (context, number, 1, &error);
  EdElectorSummary *summary;

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  summary = g_ptr_array_steal_index (results, 0);
  g_assert_cmpstr (summary->number, ==, number);
  return summary;
}

static EdDocument *
build (EdContext         *context,
       EdRegisterEdition  edition,
       guint             *out_n_entries)
{
  g_autoptr(GError) error = NULL;
  EdDocument *document;
  GDate as_at;

  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_DECEMBER, 2026);
  document = ed_register_document_new (context, edition, &as_at, NULL, out_n_entries, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* The row whose number is number, or -1. */
static int
find_row (EdDocument *document,
          const char *number)
{
  for (guint i = 0; i < _ed_document_get_n_blocks (document); i++)
    if (_ed_document_get_block (document, i, NULL) == _ED_DOCUMENT_ITEM_ROW &&
        g_str_equal (_ed_document_get_text (document, i, CELL_NUMBER), number))
      return (int)i;
  return -1;
}

/* Whether any row shows this name at this address. */
static gboolean
has_entry (EdDocument *document,
           const char *name,
           const char *address)
{
  for (guint i = 0; i < _ed_document_get_n_blocks (document); i++)
    if (_ed_document_get_block (document, i, NULL) == _ED_DOCUMENT_ITEM_ROW &&
        g_str_equal (_ed_document_get_text (document, i, CELL_NAME), name) &&
        g_str_equal (_ed_document_get_text (document, i, CELL_ADDRESS), address))
      return TRUE;
  return FALSE;
}

/* An entry as printed before a change: its name and address. */
typedef struct
{
  char *name;
  char *address;
} Printed;

static void
printed_clear (Printed *printed)
{
  g_free (printed->name);
  g_free (printed->address);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Printed, printed_clear)

static void
printed_get (Printed    *printed,
             EdDocument *document,
             const char *number)
{
  int row = find_row (document, number);

  g_assert_cmpint (row, >=, 0);
  printed->name = g_strdup (_ed_document_get_text (document, row, CELL_NAME));
  printed->address = g_strdup (_ed_document_get_text (document, row, CELL_ADDRESS));
  g_assert_cmpstr (printed->name, !=, "");
  g_assert_cmpstr (printed->address, !=, "");
}

/* DOMAIN.md §1.3: the open register leaves out those who opted out and anonymous entries;
 * RPR 2001 reg 41A: the full register shows an anonymous entry as its number and N only. */
static void
test_editions (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(EdElectorSummary) anonymous = find (context, "AA3");
  g_autoptr(EdElectorSummary) opted_out = find (context, "AA7");
  g_autoptr(EdDocument) before = build (context, ED_REGISTER_EDITION_FULL, NULL);
  g_autoptr(EdDocument) full = NULL;
  g_autoptr(EdDocument) open = NULL;
  g_auto(Printed) anonymous_printed = { NULL, };
  g_auto(Printed) opted_out_printed = { NULL, };
  guint n_full = 0, n_open = 0;
  int row;

  printed_get (&anonymous_printed, before, "AA3");
  printed_get (&opted_out_printed, before, "AA7");
  ed_test_elector_set (context, anonymous->id, "anonymous", g_variant_new_boolean (TRUE));
  ed_test_elector_set (context, opted_out->id, "open_register_opt_out",
                       g_variant_new_boolean (TRUE));
  full = build (context, ED_REGISTER_EDITION_FULL, &n_full);
  open = build (context, ED_REGISTER_EDITION_OPEN, &n_open);
  g_assert_cmpuint (n_open, <, n_full);

  /* Full: the anonymous entry is number and N, and its name and address are nowhere. */
  row = find_row (full, "AA3");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpstr (_ed_document_get_text (full, row, CELL_MARKER), ==, "N");
  g_assert_cmpstr (_ed_document_get_text (full, row, CELL_NAME), ==, "");
  g_assert_cmpstr (_ed_document_get_text (full, row, CELL_ADDRESS), ==, "");
  g_assert_false (has_entry (full, anonymous_printed.name, anonymous_printed.address));
  /* The elector who opted out is in the full register, under their name. */
  g_assert_true (has_entry (full, opted_out_printed.name, opted_out_printed.address));

  /* Open: neither. */
  g_assert_cmpint (find_row (open, "AA3"), ==, -1);
  g_assert_cmpint (find_row (open, "AA7"), ==, -1);
  g_assert_false (has_entry (open, anonymous_printed.name, anonymous_printed.address));
  g_assert_false (has_entry (open, opted_out_printed.name, opted_out_printed.address));
  /* And what it does hold is as the full register prints it. */
  g_assert_cmpuint (n_open, >, 0);
  for (guint i = 0; i < _ed_document_get_n_blocks (open); i++)
    if (_ed_document_get_block (open, i, NULL) == _ED_DOCUMENT_ITEM_ROW)
      {
        g_assert_true (has_entry (full, _ed_document_get_text (open, i, CELL_NAME),
                                  _ed_document_get_text (open, i, CELL_ADDRESS)));
        break;
      }
}

/* DOMAIN.md §1.2: no information on under-16s in any published version, the full register
 * included. */
static void
test_no_under_16s (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(EdElectorSummary) young = find (context, "AA5");
  g_autoptr(EdDocument) before = build (context, ED_REGISTER_EDITION_FULL, NULL);
  g_autoptr(EdDocument) full = NULL;
  g_auto(Printed) printed = { NULL, };
  g_autoptr(GError) error = NULL;

  printed_get (&printed, before, "AA5");
  /* In Wales an attainer date is a 16th birthday: this one is 15 on 1 December 2026. (In
   * England no one registers before 16.) */
  g_assert_true (ed_district_settings_set (ed_context_get_settings (context), "country", "wales",
                                           &error));
  g_assert_no_error (error);
  ed_test_elector_set (context, young->id, "attainer_date", g_variant_new_string ("2027-06-01"));
  full = build (context, ED_REGISTER_EDITION_FULL, NULL);
  g_assert_cmpint (find_row (full, "AA5"), ==, -1);
  g_assert_false (has_entry (full, printed.name, printed.address));
  g_assert_cmpint (find_row (full, "AA4"), >=, 0);
}

static guint64
number_of (const char *text)
{
  const char *digits = text;

  while (*digits != '\0' && !g_ascii_isdigit (*digits))
    digits++;
  return g_ascii_strtoull (digits, NULL, 10);
}

/* "Surname, Forenames" as printed, in the register's name order. */
static int
compare_printed_names (const char *a,
                       const char *b)
{
  g_auto(GStrv) x = g_strsplit (a, ", ", 2);
  g_auto(GStrv) y = g_strsplit (b, ", ", 2);

  return ed_register_name_compare (x[0], x[1] != NULL ? x[1] : "", y[0],
                                   y[1] != NULL ? y[1] : "");
}

/* RPR 2001 reg 41, 41(3), 41A (DOMAIN.md §1.1): a part per polling district; in each,
 * streets under their own headings with numbers rising, then Other electors alphabetically
 * (name and number only), then anonymous entries. */
static void
test_statutory_order (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(EdElectorSummary) anonymous = find (context, "AB2");
  g_autoptr(EdDocument) full = NULL;
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *part = NULL;
  g_autofree char *last_name = NULL;
  enum { STREETS, OTHERS, ANONYMOUS } section = STREETS;
  guint64 last_number = 0;
  guint n_others = 0, n_anonymous = 0, n_streets = 0;

  ed_test_elector_set (context, anonymous->id, "anonymous", g_variant_new_boolean (TRUE));
  full = build (context, ED_REGISTER_EDITION_FULL, NULL);

  for (guint i = 0; i < _ed_document_get_n_blocks (full); i++)
    {
      guint level = 0;
      EdDocumentItemKind kind = _ed_document_get_block (full, i, &level);
      const char *text = _ed_document_get_text (full, i, 0);

      if (kind == _ED_DOCUMENT_ITEM_HEADING && level == 1)
        {
          /* Each part once, headed by its code. */
          g_autofree char *code = g_strndup (text, strcspn (text, " "));

          g_assert_false (g_hash_table_contains (parts, code));
          g_hash_table_add (parts, g_strdup (code));
          g_free (part);
          part = g_steal_pointer (&code);
          section = STREETS;
          last_number = 0;
          continue;
        }
      if (kind == _ED_DOCUMENT_ITEM_HEADING && level == 2)
        {
          if (g_str_equal (text, "Other electors"))
            {
              g_assert_cmpint (section, ==, STREETS);
              section = OTHERS;
              g_clear_pointer (&last_name, g_free);
            }
          else
            {
              g_assert_cmpint (section, ==, STREETS);
              n_streets++;
            }
          continue;
        }
      if (kind != _ED_DOCUMENT_ITEM_ROW)
        continue;

      g_assert_nonnull (part);
      g_assert_true (g_str_has_prefix (text, part));
      if (g_str_equal (_ed_document_get_text (full, i, CELL_MARKER), "N"))
        {
          g_assert_cmpint (section, !=, STREETS);
          section = ANONYMOUS;
          n_anonymous++;
          continue;
        }
      g_assert_cmpint (section, !=, ANONYMOUS);
      if (section == STREETS)
        {
          guint64 number = number_of (text);

          g_assert_cmpuint (number, >=, last_number);
          last_number = number;
          g_assert_cmpstr (_ed_document_get_text (full, i, CELL_ADDRESS), !=, "");
        }
      else
        {
          const char *name = _ed_document_get_text (full, i, CELL_NAME);

          /* Name and number only, alphabetically. */
          g_assert_cmpstr (_ed_document_get_text (full, i, CELL_ADDRESS), ==, "");
          if (last_name != NULL)
            g_assert_cmpint (compare_printed_names (last_name, name), <=, 0);
          g_free (last_name);
          last_name = g_strdup (name);
          n_others++;
        }
    }
  g_assert_cmpuint (g_hash_table_size (parts), >, 1);
  g_assert_cmpuint (n_streets, >, 1);
  g_assert_cmpuint (n_others, >, 0);
  g_assert_cmpuint (n_anonymous, ==, 1);
}

/* The open register's entries are exactly those of its CSV, in the same order. */
static void
test_same_entries_as_csv (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(EdDocument) open = build (context, ED_REGISTER_EDITION_OPEN, NULL);
  g_autofree char *path = ed_test_dir_file (fixture, "open.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EdCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint block = 0;
  guint n_rows = 0;
  GDate as_at;

  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_DECEMBER, 2026);
  g_assert_true (ed_register_export_csv (context, ED_REGISTER_EDITION_OPEN, &as_at, file, NULL,
                                         &error));
  g_assert_no_error (error);
  reader = ed_csv_reader_new_for_path (path, ED_CSV_READER_STRICT_FIELD_COUNT, &error);
  g_assert_no_error (error);

  while (ed_csv_reader_next (reader, &error))
    {
      while (block < _ed_document_get_n_blocks (open) &&
             _ed_document_get_block (open, block, NULL) != _ED_DOCUMENT_ITEM_ROW)
        block++;
      g_assert_cmpuint (block, <, _ed_document_get_n_blocks (open));
      g_assert_cmpstr (_ed_document_get_text (open, block, CELL_NUMBER), ==,
                       ed_csv_reader_get_field (reader, 0));
      block++;
      n_rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, >, 500);
}

static void
test_write_pdf (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autofree char *path = ed_test_dir_file (fixture, "register.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint n_entries = 0;
  GDate as_at;

  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_DECEMBER, 2026);
  g_assert_true (ed_register_document_write_pdf (context, ED_REGISTER_EDITION_FULL, &as_at, path,
                                                 &n_entries, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, >, 1000);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  text = ed_test_pdf_text (path, "-f", "1", "-l", "3", NULL);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Register of Electors"));
  g_assert_nonnull (strstr (text, "Full register as at 1 December 2026"));
  g_assert_nonnull (strstr (text, "AA10"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
}

/* register export --format pdf on the command line. */
static void
test_cli (EdTestDir     *fixture,
          gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autofree char *database = ed_test_dir_file (fixture, "demo.db");
  g_autofree char *pdf = ed_test_dir_file (fixture, "open.pdf");
  g_auto(EdTestCliResult) run = { 0 };
  g_autofree char *contents = NULL;

  g_clear_object (&context);
  ed_test_cli_run_on (&run, database, "register", "export", "--edition", "open", "--format", "pdf",
                      "--as-at", "2026-12-01", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Wrote "));
  g_assert_nonnull (strstr (run.out, "open.pdf"));
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/print/register-document/editions", test_editions);
  ED_TEST_ADD ("/print/register-document/no-under-16s", test_no_under_16s);
  ED_TEST_ADD ("/print/register-document/statutory-order", test_statutory_order);
  ED_TEST_ADD ("/print/register-document/same-entries-as-csv", test_same_entries_as_csv);
  ED_TEST_ADD ("/print/register-document/write-pdf", test_write_pdf);
  ED_TEST_ADD ("/print/register-document/cli", test_cli);

  status = g_test_run ();
  return status;
}
