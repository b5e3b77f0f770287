/* test-poll-cards.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The poll cards on the demo district (DOMAIN.md §2, §1.7): what each variant carries and
 * what it must not (the voter-ID text, the station, a name), in English, bilingual and Welsh;
 * the data file against the PDF; the orders; proofs; the pre-print check's refusal and its
 * override; a cancelled run. Cards are read back from the PDF with pdftotext and from the
 * data file, whose rows are the cards in print order. */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-csv.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "elections/ed-election-roll.h"
#include "elections/ed-poll-card-data.h"
#include "elections/ed-poll-card-check.h"
#include "elections/ed-poll-card-print.h"
#include "ed-test-cli.h"
#include "ed-test-demo.h"
#include "ed-test-full-disk.h"
#include "ed-test-pdf.h"

#define DEMO_ELECTORS 1500
#define POLL_DAY "2027-05-06"

static EdContext *
open_demo (EdTestDir *fixture,
           gboolean   wales)
{
  EdContext *context = ed_test_demo_open (fixture, DEMO_ELECTORS);

  if (wales)
    {
      EdDistrictSettings *settings = ed_context_get_settings (context);
      g_autoptr(GError) error = NULL;

      g_assert_true (ed_district_settings_set (settings, "country", "wales", &error));
      g_assert_no_error (error);
      g_assert_true (ed_district_settings_set (settings, "welsh-language", "true", &error));
      g_assert_no_error (error);
    }
  return context;
}

static EdElection *
add_poll (EdContext      *context,
          EdElectionKind  kind,
          const char     *combine_with)
{
  EdElectionNew details = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  EdElection *election;

  details.kind = kind;
  details.country = ed_district_settings_get_country (ed_context_get_settings (context));
  g_assert_true (ed_date_parse_iso (POLL_DAY, &details.poll, NULL));
  details.combine_with = combine_with;
  /* In place of the demo's own poll on that day, for a district of the test's making. */
  if (combine_with == NULL)
    ed_test_demo_remove_elections (context);
  id = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  election = ed_election_load (context, id, &error);
  g_assert_no_error (error);
  return election;
}

typedef struct
{
  GPtrArray *ids;
  guint      wanted;
} Picker;

static gboolean
pick_entry (EdElectionRoll     *roll,
            const EdRollEntry  *entry,
            gpointer            user_data,
            GError            **error)
{
  Picker *picker = user_data;

  if (picker->ids->len < picker->wanted && ed_election_roll_entry_gets_card (roll, entry) &&
      entry->variant == ED_POLL_CARD_ORDINARY && !entry->voter->anonymous &&
      entry->station >= 0)
    g_ptr_array_add (picker->ids, g_strdup (entry->voter->elector_id));
  return TRUE;
}

/* Electors who get an ordinary card with a station, spread over the register. */
static GPtrArray *
pick_electors (EdContext  *context,
               EdElection *election,
               guint       wanted)
{
  g_autoptr(EdElectionRoll) roll = NULL;
  g_autoptr(GError) error = NULL;
  Picker picker = { g_ptr_array_new_with_free_func (g_free), wanted };

  roll = ed_election_roll_new (context, election, &error);
  g_assert_no_error (error);
  g_assert_true (ed_election_roll_foreach (roll, context, ED_VOTER_ORDER_NUMBER, FALSE, NULL,
                                           pick_entry, &picker, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (picker.ids->len, ==, wanted);
  return picker.ids;
}

static void
set_column (EdContext  *context,
            const char *table,
            const char *id,
            const char *column,
            GVariant   *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, table, id, column, value, &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

static char *
elector_text (EdContext  *context,
              const char *id,
              const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM elector WHERE id = ?1", column);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context), sql,
                                                      &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static gint64
count_runs (EdContext  *context,
            const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM poll_card_run %s",
                                          where != NULL ? where : "");
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context), sql,
                                                      &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The data file as rows of fields, the heading row first. */
typedef struct
{
  GPtrArray *rows;
} Data;

static void
data_clear (Data *data)
{
  g_clear_pointer (&data->rows, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Data, data_clear)

static void
read_data (const char *path,
           Data       *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCsvReader) reader = ed_csv_reader_new_for_path (path, ED_CSV_READER_NONE,
                                                              &error);
  GPtrArray *heading;

  g_assert_no_error (error);
  data->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  heading = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ed_csv_reader_get_n_columns (reader); i++)
    g_ptr_array_add (heading, g_strdup (ed_csv_reader_get_column_name (reader, i)));
  g_ptr_array_add (data->rows, heading);
  while (ed_csv_reader_next (reader, &error))
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < ed_csv_reader_get_n_fields (reader); i++)
        g_ptr_array_add (row, g_strdup (ed_csv_unneutralise (ed_csv_reader_get_field (reader,
                                                                                      i))));
      g_ptr_array_add (data->rows, row);
    }
  g_assert_no_error (error);
}

static guint
n_cards (Data *data)
{
  return data->rows->len - 1;
}

/* The field @column of card @card (from 0). */
static const char *
field (Data       *data,
       guint       card,
       const char *column)
{
  GPtrArray *heading = g_ptr_array_index (data->rows, 0);
  GPtrArray *row = g_ptr_array_index (data->rows, card + 1);

  for (guint i = 0; i < heading->len; i++)
    if (g_str_equal (g_ptr_array_index (heading, i), column))
      return g_ptr_array_index (row, i);
  g_assert_not_reached ();
}

static gint
find_card (Data       *data,
           const char *column,
           const char *value)
{
  for (guint c = 0; c < n_cards (data); c++)
    if (g_str_equal (field (data, c, column), value))
      return (gint)c;
  return -1;
}

static void
write_pdf (EdContext        *context,
           EdElection       *election,
           const char       *path,
           EdPollCardLayout  layout,
           gboolean          proof,
           guint64          *out_cards)
{
  EdPollCardPrintOptions options;
  g_autoptr(GError) error = NULL;

  ed_poll_card_print_options_init (&options);
  options.layout = layout;
  options.proof = proof;
  g_assert_true (ed_poll_cards_write_pdf (context, election, path, &options, NULL, NULL, NULL,
                                          out_cards, &error));
  g_assert_no_error (error);
}

static void
write_data (EdContext       *context,
            EdElection      *election,
            const char      *path,
            EdPollCardOrder  order,
            Data            *data)
{
  g_autoptr(GError) error = NULL;
  guint64 cards = 0;

  g_assert_true (ed_poll_cards_write_data (context, election, path, order, NULL, NULL, NULL,
                                           &cards, &error));
  g_assert_no_error (error);
  read_data (path, data);
  g_assert_cmpuint (n_cards (data), ==, cards);
}

/* The text with each run of spaces and line breaks made one space, so that a sentence
 * reads the same however the card wrapped it. */
static char *
flatten (char *text)
{
  GString *flat;

  if (text == NULL)
    return NULL;
  flat = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = *p == ' ' || *p == '\n';

      if (!space)
        g_string_append_c (flat, *p);
      else if (flat->len > 0 && flat->str[flat->len - 1] != ' ')
        g_string_append_c (flat, ' ');
    }
  g_free (text);
  return g_string_free (flat, FALSE);
}

/* Both sides of A6 card @card (from 0): pages 2c+1 and 2c+2. */
static char *
card_text (const char *pdf,
           guint       card)
{
  g_autofree char *first = g_strdup_printf ("%u", 2 * card + 1);
  g_autofree char *last = g_strdup_printf ("%u", 2 * card + 2);

  return flatten (ed_test_pdf_text (pdf, "-f", first, "-l", last, NULL));
}

static guint
count_pages (const char *text)
{
  guint pages = 0;

  for (const char *p = text; *p != '\0'; p++)
    pages += *p == '\f';
  return pages;
}

static gboolean
has (const char *text,
     const char *needle)
{
  return strstr (text, needle) != NULL;
}

/* Makes one elector of each absent-vote kind, an anonymous one and a proxy with a name the
 * test can find; returns the electors' ids in that order. */
static GPtrArray *
make_variants (EdContext  *context,
               EdElection *election)
{
  GPtrArray *ids = pick_electors (context, election, 5);

  set_column (context, "elector", g_ptr_array_index (ids, 0), "absent_vote",
              g_variant_new_string ("postal"));
  set_column (context, "elector", g_ptr_array_index (ids, 1), "absent_vote",
              g_variant_new_string ("proxy"));
  set_column (context, "elector", g_ptr_array_index (ids, 1), "proxy_name",
              g_variant_new_string ("Quentin Proxyman"));
  set_column (context, "elector", g_ptr_array_index (ids, 1), "proxy_address",
              g_variant_new_string ("7 Willow Road, Ashmere"));
  set_column (context, "elector", g_ptr_array_index (ids, 2), "absent_vote",
              g_variant_new_string ("postal_proxy"));
  set_column (context, "elector", g_ptr_array_index (ids, 2), "proxy_name",
              g_variant_new_string ("Petra Postproxy"));
  set_column (context, "elector", g_ptr_array_index (ids, 2), "proxy_address",
              g_variant_new_string ("9 Alder Close, Ashmere"));
  set_column (context, "elector", g_ptr_array_index (ids, 3), "anonymous",
              g_variant_new_boolean (TRUE));
  return ids;
}

static gint
card_of_elector (EdContext  *context,
                 Data       *data,
                 const char *id)
{
  g_autofree char *prefix = elector_text (context, id, "number_prefix");
  g_autofree char *number = elector_text (context, id, "number");
  g_autofree char *suffix = elector_text (context, id, "number_suffix");
  g_autofree char *text = NULL;
  EdElectorNumber parsed;

  g_assert_true (ed_elector_number_set (&parsed, prefix, (guint32)g_ascii_strtoull (number, NULL, 10),
                                        (guint32)g_ascii_strtoull (suffix, NULL, 10), NULL));
  text = ed_elector_number_format (&parsed);
  return find_card (data, "elector_number", text);
}

/* An English local poll: the in-person cards carry the voter-ID text, the postal ones neither
 * it nor a station; the proxy's card goes to the proxy; the anonymous elector's card has no
 * name or address. */
static void
test_english_variants (EdTestDir     *fixture,
                       gconstpointer  unused)
{
  g_autoptr(EdContext) context = open_demo (fixture, FALSE);
  g_autoptr(EdElection) local = add_poll (context, ED_ELECTION_LOCAL, NULL);
  g_autoptr(GPtrArray) ids = make_variants (context, local);
  g_autofree char *pdf = ed_test_dir_file (fixture, "cards.pdf");
  g_autofree char *csv = ed_test_dir_file (fixture, "cards.csv");
  g_auto(Data) data = { 0 };
  guint64 cards = 0;
  gint ordinary, postal, proxy, proxy_postal, anonymous;
  g_autofree char *surname = NULL;

  write_pdf (context, local, pdf, ED_POLL_CARD_LAYOUT_A6, TRUE, &cards);
  write_data (context, local, csv, ED_POLL_CARD_ORDER_WALK, &data);
  g_assert_cmpuint (n_cards (&data), ==, cards);

  ordinary = card_of_elector (context, &data, g_ptr_array_index (ids, 4));
  postal = card_of_elector (context, &data, g_ptr_array_index (ids, 0));
  proxy = card_of_elector (context, &data, g_ptr_array_index (ids, 1));
  proxy_postal = card_of_elector (context, &data, g_ptr_array_index (ids, 2));
  anonymous = card_of_elector (context, &data, g_ptr_array_index (ids, 3));
  g_assert_cmpint (ordinary, >=, 0);
  g_assert_cmpint (postal, >=, 0);
  g_assert_cmpint (proxy, >=, 0);
  g_assert_cmpint (proxy_postal, >=, 0);
  g_assert_cmpint (anonymous, >=, 0);
  g_assert_cmpstr (field (&data, ordinary, "variant"), ==, "ordinary");
  g_assert_cmpstr (field (&data, postal, "variant"), ==, "postal");
  g_assert_cmpstr (field (&data, proxy, "variant"), ==, "proxy");
  g_assert_cmpstr (field (&data, proxy_postal, "variant"), ==, "proxy_postal");

  /* The data file says where the voter-ID text is: in-person cards only. */
  for (guint c = 0; c < n_cards (&data); c++)
    {
      const char *variant = field (&data, c, "variant");
      gboolean in_person = g_str_equal (variant, "ordinary") || g_str_equal (variant, "proxy");

      g_assert_cmpstr (field (&data, c, "language"), ==, "en");
      if (!in_person)
        {
          g_assert_cmpstr (field (&data, c, "voter_id"), ==, "no");
          g_assert_cmpstr (field (&data, c, "station_code"), ==, "");
        }
      else if (g_str_equal (field (&data, c, "anonymous"), "no"))
        g_assert_cmpstr (field (&data, c, "voter_id"), ==, "yes");
    }

  {
    g_autofree char *text = card_text (pdf, (guint)ordinary);

    if (text == NULL)
      return;
    g_assert_true (has (text, "Official poll card"));
    g_assert_true (has (text, "You will need to show photo ID"));
    g_assert_true (has (text, "Accepted photo ID includes"));
    g_assert_true (has (text, "Voter Authority Certificate by 5pm on"));
    g_assert_true (has (text, "Your polling station"));
    g_assert_true (has (text, field (&data, ordinary, "station_code")));
    g_assert_true (has (text, field (&data, ordinary, "address_1")));
    g_assert_true (has (text, field (&data, ordinary, "elector_number")));
    g_assert_true (has (text, "7am to 10pm"));
    g_assert_true (has (text, "If undelivered, return to"));
  }
  for (guint i = 0; i < 2; i++)
    {
      gint card = i == 0 ? postal : proxy_postal;
      g_autofree char *text = card_text (pdf, (guint)card);

      g_assert_false (has (text, "photo ID"));
      g_assert_false (has (text, "Voter Authority"));
      g_assert_false (has (text, "polling station:"));
      g_assert_false (has (text, "Your polling station"));
      g_assert_false (has (text, "Station "));
      g_assert_true (has (text, "Voting by post"));
      g_assert_true (has (text, i == 0 ? "Postal poll card" : "Proxy postal poll card"));
    }

  /* The proxy's card is addressed to the proxy and names the elector by number only. */
  surname = elector_text (context, g_ptr_array_index (ids, 1), "surname");
  g_assert_cmpstr (field (&data, proxy, "address_1"), ==, "Quentin Proxyman");
  g_assert_cmpstr (field (&data, proxy, "address_2"), ==, "7 Willow Road");
  g_assert_cmpstr (field (&data, proxy, "elector_name"), ==, "");
  {
    g_autofree char *text = card_text (pdf, (guint)proxy);

    g_assert_true (has (text, "Quentin Proxyman"));
    g_assert_true (has (text, "7 Willow Road"));
    g_assert_true (has (text, "Proxy poll card"));
    g_assert_true (has (text, field (&data, proxy, "elector_number")));
    g_assert_false (has (text, surname));
  }

  /* The anonymous elector's card: the number and the special wording, in a sealed
   * envelope. */
  g_clear_pointer (&surname, g_free);
  surname = elector_text (context, g_ptr_array_index (ids, 3), "surname");
  g_assert_cmpstr (field (&data, anonymous, "elector_name"), ==, "");
  g_assert_cmpstr (field (&data, anonymous, "address_1"), ==, "");
  g_assert_cmpstr (field (&data, anonymous, "postcode"), ==, "");
  g_assert_cmpstr (field (&data, anonymous, "envelope"), ==, "sealed");
  g_assert_cmpstr (field (&data, ordinary, "envelope"), ==, "none");
  {
    g_autofree char *text = card_text (pdf, (guint)anonymous);
    g_autofree char *postcode = NULL;

    g_assert_true (has (text, "Anonymous elector"));
    g_assert_true (has (text, "Anonymous Elector’s Document"));
    g_assert_true (has (text, field (&data, anonymous, "elector_number")));
    g_assert_false (has (text, surname));
    g_assert_false (has (text, "You do not need to take this card"));
  }
}

/* A Welsh district writing bilingually: no voter-ID text on a local poll's cards; Welsh
 * first; an elector who asked for Welsh gets Welsh only. */
static void
test_welsh_local (EdTestDir     *fixture,
                  gconstpointer  unused)
{
  g_autoptr(EdContext) context = open_demo (fixture, TRUE);
  g_autoptr(EdElection) local = add_poll (context, ED_ELECTION_LOCAL, NULL);
  g_autoptr(GPtrArray) ids = pick_electors (context, local, 2);
  g_autofree char *pdf = ed_test_dir_file (fixture, "cards.pdf");
  g_autofree char *csv = ed_test_dir_file (fixture, "cards.csv");
  g_auto(Data) data = { 0 };
  g_autofree char *all = NULL;
  gint welsh, bilingual;
  guint64 cards = 0;

  set_column (context, "elector", g_ptr_array_index (ids, 0), "language",
              g_variant_new_string ("cy"));
  write_pdf (context, local, pdf, ED_POLL_CARD_LAYOUT_A6, TRUE, &cards);
  write_data (context, local, csv, ED_POLL_CARD_ORDER_WALK, &data);
  g_assert_cmpuint (n_cards (&data), ==, cards);

  all = flatten (ed_test_pdf_text (pdf, NULL));
  if (all == NULL)
    return;
  g_assert_false (has (all, "photo ID"));
  g_assert_false (has (all, "Voter Authority"));
  g_assert_false (has (all, "prawf adnabod"));
  g_assert_false (has (all, "Tystysgrif Awdurdod"));
  for (guint c = 0; c < n_cards (&data); c++)
    g_assert_cmpstr (field (&data, c, "voter_id"), ==, "no");

  welsh = card_of_elector (context, &data, g_ptr_array_index (ids, 0));
  bilingual = card_of_elector (context, &data, g_ptr_array_index (ids, 1));
  g_assert_cmpstr (field (&data, welsh, "language"), ==, "cy");
  g_assert_cmpstr (field (&data, bilingual, "language"), ==, "cy+en");
  {
    g_autofree char *text = card_text (pdf, (guint)bilingual);
    const char *cy = strstr (text, "Cerdyn pleidleisio swyddogol");
    const char *en = strstr (text, "Official poll card");

    g_assert_nonnull (cy);
    g_assert_nonnull (en);
    g_assert_true (cy < en);
    cy = strstr (text, "Diwrnod pleidleisio");
    en = strstr (text, "Polling day");
    g_assert_nonnull (cy);
    g_assert_nonnull (en);
    g_assert_true (cy < en);
    g_assert_true (has (text, "Eich gorsaf bleidleisio"));
    g_assert_true (has (text, "Your polling station"));
  }
  {
    g_autofree char *text = card_text (pdf, (guint)welsh);

    g_assert_true (has (text, "Cerdyn pleidleisio swyddogol"));
    g_assert_true (has (text, "Diwrnod pleidleisio"));
    g_assert_true (has (text, "7yb tan 10yh"));
    g_assert_false (has (text, "Official poll card"));
    g_assert_false (has (text, "Polling day"));
    g_assert_false (has (text, "Your polling station"));
  }
}

/* A local and a Police and Crime Commissioner poll combined: one card lists both. */
static void
test_combined (EdTestDir     *fixture,
               gconstpointer  unused)
{
  g_autoptr(EdContext) context = open_demo (fixture, FALSE);
  g_autoptr(EdElection) local = add_poll (context, ED_ELECTION_LOCAL, NULL);
  g_autoptr(EdElection) pcc = add_poll (context, ED_ELECTION_PCC, local->slug);
  g_autofree char *pdf = ed_test_dir_file (fixture, "cards.pdf");
  g_autofree char *csv = ed_test_dir_file (fixture, "cards.csv");
  g_auto(Data) data = { 0 };
  guint both = 0, first_both = 0;
  guint64 cards = 0;

  write_pdf (context, pcc, pdf, ED_POLL_CARD_LAYOUT_A6, TRUE, &cards);
  write_data (context, local, csv, ED_POLL_CARD_ORDER_WALK, &data);
  g_assert_cmpuint (n_cards (&data), ==, cards);
  for (guint c = 0; c < n_cards (&data); c++)
    {
      const char *polls = field (&data, c, "polls");

      g_assert_true (has (polls, "Local government election"));
      if (has (polls, "Police and Crime Commissioner election"))
        {
          if (both++ == 0)
            first_both = c;
        }
    }
  g_assert_cmpuint (both, >, 0);
  {
    g_autofree char *text = card_text (pdf, first_both);

    if (text == NULL)
      return;
    g_assert_true (has (text, "Local government election"));
    g_assert_true (has (text, "Police and Crime Commissioner election"));
    g_assert_true (has (text, "Councillors to be elected"));
  }
}

static gboolean
is_sorted (Data       *data,
           const char *column,
           gboolean    numbers)
{
  const char *last = NULL;
  EdElectorNumber previous = { { 0 } };

  for (guint c = 0; c < n_cards (data); c++)
    {
      const char *value = field (data, c, column);

      if (*value == '\0')
        continue;
      if (numbers)
        {
          EdElectorNumber number;

          g_assert_true (ed_elector_number_parse (value, &number, NULL));
          if (last != NULL && ed_elector_number_compare (&previous, &number) > 0)
            return FALSE;
          previous = number;
        }
      else if (last != NULL && strcmp (last, value) > 0)
        return FALSE;
      last = value;
    }
  return TRUE;
}

/* Walk order keeps each polling district together; postcode and number orders sort. */
static void
test_sort_orders (EdTestDir     *fixture,
                  gconstpointer  unused)
{
  g_autoptr(EdContext) context = open_demo (fixture, FALSE);
  g_autoptr(EdElection) local = add_poll (context, ED_ELECTION_LOCAL, NULL);
  g_autofree char *csv = ed_test_dir_file (fixture, "cards.csv");
  g_auto(Data) walk = { 0 };
  g_auto(Data) postcode = { 0 };
  g_auto(Data) number = { 0 };
  g_autoptr(GHashTable) districts_done = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
  g_autofree char *current = NULL;
  gboolean postcode_differs = FALSE;

  write_data (context, local, csv, ED_POLL_CARD_ORDER_WALK, &walk);
  write_data (context, local, csv, ED_POLL_CARD_ORDER_POSTCODE, &postcode);
  write_data (context, local, csv, ED_POLL_CARD_ORDER_NUMBER, &number);
  g_assert_cmpuint (n_cards (&walk), ==, n_cards (&postcode));
  g_assert_cmpuint (n_cards (&walk), ==, n_cards (&number));
  g_assert_cmpuint (n_cards (&walk), >, 100);

  g_assert_true (is_sorted (&number, "elector_number", TRUE));
  g_assert_true (is_sorted (&postcode, "postcode", FALSE));
  g_assert_false (is_sorted (&walk, "postcode", FALSE));
  for (guint c = 0; c < n_cards (&postcode); c++)
    postcode_differs = postcode_differs ||
                       !g_str_equal (field (&postcode, c, "elector_number"),
                                     field (&number, c, "elector_number"));
  g_assert_true (postcode_differs);

  /* Walk order: each polling district (the number's prefix) in one run. */
  for (guint c = 0; c < n_cards (&walk); c++)
    {
      EdElectorNumber parsed;

      g_assert_true (ed_elector_number_parse (field (&walk, c, "elector_number"), &parsed,
                                              NULL));
      if (current == NULL || !g_str_equal (current, parsed.prefix))
        {
          g_assert_false (g_hash_table_contains (districts_done, parsed.prefix));
          if (current != NULL)
            g_hash_table_add (districts_done, g_steal_pointer (&current));
          current = g_strdup (parsed.prefix);
        }
    }
  g_assert_cmpuint (g_hash_table_size (districts_done), >, 0);
}

/* The data file has a row for each card the PDF prints, in both layouts; proofs alone say
 * PROOF; every run is recorded. */
static void
test_counts_and_proofs (EdTestDir     *fixture,
                        gconstpointer  unused)
{
  g_autoptr(EdContext) context = open_demo (fixture, FALSE);
  g_autoptr(EdElection) local = add_poll (context, ED_ELECTION_LOCAL, NULL);
  g_autofree char *proof = ed_test_dir_file (fixture, "proof.pdf");
  g_autofree char *sheets = ed_test_dir_file (fixture, "sheets.pdf");
  g_autofree char *csv = ed_test_dir_file (fixture, "cards.csv");
  g_autofree char *proof_text = NULL;
  g_autofree char *sheets_text = NULL;
  g_auto(Data) data = { 0 };
  EdPollCardPrintOptions options;
  g_autoptr(GError) error = NULL;
  guint64 proof_cards = 0, sheet_cards = 0;

  write_pdf (context, local, proof, ED_POLL_CARD_LAYOUT_A6, TRUE, &proof_cards);
  write_data (context, local, csv, ED_POLL_CARD_ORDER_WALK, &data);
  g_assert_cmpuint (n_cards (&data), ==, proof_cards);

  /* The demo's bookings are provisional: warnings, which do not stop the final print. */
  ed_poll_card_print_options_init (&options);
  options.layout = ED_POLL_CARD_LAYOUT_A4_4UP;
  g_assert_true (ed_poll_cards_write_pdf (context, local, sheets, &options, NULL, NULL, NULL,
                                          &sheet_cards, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sheet_cards, ==, proof_cards);
  g_assert_cmpint (count_runs (context, NULL), ==, 3);
  g_assert_cmpint (count_runs (context, "WHERE kind = 'proof' AND layout = 'a6'"), ==, 1);
  g_assert_cmpint (count_runs (context, "WHERE kind = 'final' AND layout = 'a4-4up'"), ==, 1);
  g_assert_cmpint (count_runs (context, "WHERE kind = 'data' AND sort_order = 'walk'"), ==, 1);
  {
    g_autofree char *where = g_strdup_printf ("WHERE cards = %u AND made_on = '2030-01-02'",
                                              n_cards (&data));

    g_assert_cmpint (count_runs (context, where), ==, 3);
  }

  proof_text = ed_test_pdf_text (proof, NULL);
  if (proof_text == NULL)
    return;
  sheets_text = ed_test_pdf_text (sheets, NULL);
  g_assert_cmpuint (count_pages (proof_text), ==, 2 * proof_cards);
  g_assert_cmpuint (count_pages (sheets_text), ==, 2 * ((sheet_cards + 3) / 4));
  g_assert_true (has (proof_text, "PROOF"));
  g_assert_false (has (sheets_text, "PROOF"));
}

static gchar *
first_place (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (
    ed_context_get_database (context),
    "SELECT p.id FROM polling_place AS p JOIN polling_station AS s ON s.place = p.id "
    "ORDER BY p.id LIMIT 1", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* A final print over the check's errors is refused and recorded nowhere; with a reason it
 * goes ahead and the record keeps the reason. */
static void
test_check_refuses_final (EdTestDir     *fixture,
                          gconstpointer  unused)
{
  g_autoptr(EdContext) context = open_demo (fixture, FALSE);
  g_autoptr(EdElection) local = add_poll (context, ED_ELECTION_LOCAL, NULL);
  g_autofree char *pdf = ed_test_dir_file (fixture, "cards.pdf");
  g_autofree char *place = first_place (context);
  EdPollCardPrintOptions options;
  g_autoptr(GError) error = NULL;
  guint64 cards = 0;

  set_column (context, "polling_place", place, "booking_state",
              g_variant_new_string ("cancelled"));
  ed_poll_card_print_options_init (&options);
  g_assert_false (ed_poll_cards_write_pdf (context, local, pdf, &options, NULL, NULL, NULL,
                                           &cards, &error));
  g_assert_error (error, ED_POLL_CARD_CHECK_ERROR, ED_POLL_CARD_CHECK_ERROR_FOUND_ERRORS);
  g_assert_true (has (error->message, "pollcards check"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_runs (context, NULL), ==, 0);
  g_clear_error (&error);

  options.override_reason = "Station moved; notice of change sent to the electors";
  g_assert_true (ed_poll_cards_write_pdf (context, local, pdf, &options, NULL, NULL, NULL,
                                          &cards, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_runs (context, "WHERE kind = 'final' AND check_errors > 0 AND "
                                        "override_reason = 'Station moved; notice of change "
                                        "sent to the electors'"), ==, 1);
}

/* The same on the command line: exit 1 and the count, then --override. */
static void
test_cli (EdTestDir     *fixture,
          gconstpointer  unused)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autofree char *pdf = ed_test_dir_file (fixture, "cards.pdf");
  g_autofree char *csv = ed_test_dir_file (fixture, "cards.csv");
  g_auto(EdTestCliResult) demo = { 0 };
  g_auto(EdTestCliResult) add = { 0 };
  g_auto(EdTestCliResult) proof = { 0 };
  g_auto(EdTestCliResult) refused = { 0 };
  g_auto(EdTestCliResult) overridden = { 0 };
  g_auto(EdTestCliResult) data = { 0 };
  g_auto(EdTestCliResult) bad = { 0 };
  g_autofree char *place = NULL;

  ed_test_cli_run_on (&demo, path, "demo", "--electors", "900", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  ed_test_cli_run_on (&add, path, "election", "add", "--type", "local", "--poll-date",
                      POLL_DAY, NULL);
  g_assert_cmpint (add.status, ==, 0);

  ed_test_cli_run_on (&proof, path, "pollcards", "print", "local.ashmere-vale." POLL_DAY,
                      "-o", pdf, "--proof", "--layout", "a4-4up", "--sort", "postcode", NULL);
  g_assert_cmpint (proof.status, ==, 0);
  g_assert_true (has (proof.out, "poll cards written"));
  ed_test_cli_run_on (&data, path, "pollcards", "data", "local.ashmere-vale." POLL_DAY,
                      "-o", csv, "--sort", "number", NULL);
  g_assert_cmpint (data.status, ==, 0);
  g_assert_true (g_file_test (csv, G_FILE_TEST_EXISTS));
  ed_test_cli_run_on (&bad, path, "pollcards", "print", "local.ashmere-vale." POLL_DAY,
                      "-o", pdf, "--layout", "a5", NULL);
  g_assert_cmpint (bad.status, ==, 2);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EdContext) context = ed_modules_open_district (path, &error);

    g_assert_no_error (error);
    place = first_place (context);
    set_column (context, "polling_place", place, "booking_state",
                g_variant_new_string ("cancelled"));
  }
  g_assert_true (g_remove (pdf) == 0);
  ed_test_cli_run_on (&refused, path, "pollcards", "print", "local.ashmere-vale." POLL_DAY,
                      "-o", pdf, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_true (has (refused.err, "pre-print check found"));
  g_assert_true (has (refused.err, "pollcards check local.ashmere-vale." POLL_DAY));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  ed_test_cli_run_on (&overridden, path, "pollcards", "print", "local.ashmere-vale." POLL_DAY,
                      "-o", pdf, "--override", "Agreed with the RO", NULL);
  g_assert_cmpint (overridden.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Two officers print the same cards to the same file at the same moment. Each run writes a
 * whole file and renames it into place, and records itself: the file left is one whole
 * print, never a mix of the two or a half, and both runs are in the history. */
static void
test_two_prints_at_once (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  g_autofree char *pdf = ed_test_dir_file (fixture, "cards.pdf");
  g_auto(EdTestCliResult) demo = { 0 };
  g_auto(EdTestCliResult) add = { 0 };
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = NULL;
  const char *argv[] = {
    ED_CLI_PATH, "--db", path, "pollcards", "print", "local.ashmere-vale." POLL_DAY,
    "-o", pdf, NULL,
  };

  ed_test_cli_run_on (&demo, path, "demo", "--electors", "900", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  ed_test_cli_run_on (&add, path, "election", "add", "--type", "local", "--poll-date",
                      POLL_DAY, NULL);
  g_assert_cmpint (add.status, ==, 0);

  first = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  second = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (first, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (second, NULL, &error));
  g_assert_no_error (error);

  /* One whole PDF, and nothing left beside it. */
  {
    g_autofree char *bytes = NULL;
    gsize length = 0;
    gsize tail;

    g_assert_true (g_file_get_contents (pdf, &bytes, &length, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
    tail = MIN (length, 1024);
    g_assert_nonnull (g_strstr_len (bytes + length - tail, tail, "%%EOF"));
  }
  ed_test_dir_assert_no_temporaries (fixture->dir);

  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_runs (context, NULL), ==, 2);
}

typedef struct
{
  GCancellable *cancellable;
  gboolean      cancelled;
} Canceller;

static void
cancel_midway (double      fraction,
               const char *text,
               gpointer    user_data)
{
  Canceller *canceller = user_data;

  if (fraction > 0.3 && !canceller->cancelled)
    {
      canceller->cancelled = TRUE;
      g_cancellable_cancel (canceller->cancellable);
    }
}

/* Stopped half way, a run leaves no file, no temporary file and no record. */
static void
test_cancel (EdTestDir     *fixture,
             gconstpointer  unused)
{
  g_autoptr(EdContext) context = open_demo (fixture, FALSE);
  g_autoptr(EdElection) local = add_poll (context, ED_ELECTION_LOCAL, NULL);
  g_autofree char *pdf = ed_test_dir_file (fixture, "cards.pdf");
  g_autofree char *csv = ed_test_dir_file (fixture, "cards.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Canceller canceller = { cancellable, FALSE };
  EdPollCardPrintOptions options;
  g_autoptr(GError) error = NULL;

  ed_poll_card_print_options_init (&options);
  options.proof = TRUE;
  g_assert_false (ed_poll_cards_write_pdf (context, local, pdf, &options, cancel_midway,
                                           &canceller, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (canceller.cancelled);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_cancellable_reset (cancellable);
  canceller.cancelled = FALSE;
  g_assert_false (ed_poll_cards_write_data (context, local, csv, ED_POLL_CARD_ORDER_WALK,
                                            cancel_midway, &canceller, cancellable, NULL,
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  ed_test_dir_assert_no_temporaries (fixture->dir);
  g_assert_cmpint (count_runs (context, NULL), ==, 0);
}

/* The disk fills up half way through the cards, and through the printer's data
 * (ed-test-full-disk.h): each says the disk is full, leaves nothing under any name, and no
 * run is recorded as printed. */
static void
test_full_disk (EdTestDir     *fixture,
                gconstpointer  unused)
{
  g_autoptr(EdContext) context = open_demo (fixture, FALSE);
  g_autoptr(EdElection) local = add_poll (context, ED_ELECTION_LOCAL, NULL);
  g_autofree char *pdf = ed_test_dir_file (fixture, "cards.pdf");
  g_autofree char *csv = ed_test_dir_file (fixture, "cards.csv");
  EdPollCardPrintOptions options;
  g_autoptr(GError) pdf_error = NULL;
  g_autoptr(GError) csv_error = NULL;
  GStatBuf pdf_whole, csv_whole;
  gboolean pdf_written, csv_written;
  gint64 runs_before;

  ed_poll_card_print_options_init (&options);
  options.proof = TRUE;
  /* Written on a disk with room first, for their sizes. */
  g_assert_true (ed_poll_cards_write_pdf (context, local, pdf, &options, NULL, NULL, NULL,
                                          NULL, &pdf_error));
  g_assert_no_error (pdf_error);
  g_assert_true (ed_poll_cards_write_data (context, local, csv, ED_POLL_CARD_ORDER_WALK, NULL,
                                           NULL, NULL, NULL, &csv_error));
  g_assert_no_error (csv_error);
  g_assert_no_errno (g_stat (pdf, &pdf_whole));
  g_assert_no_errno (g_stat (csv, &csv_whole));
  g_assert_no_errno (g_unlink (pdf));
  g_assert_no_errno (g_unlink (csv));
  runs_before = count_runs (context, NULL);

  ed_test_full_disk_begin ((guint64)pdf_whole.st_size / 2);
  pdf_written = ed_poll_cards_write_pdf (context, local, pdf, &options, NULL, NULL, NULL, NULL,
                                         &pdf_error);
  ed_test_full_disk_end ();
  ed_test_full_disk_begin ((guint64)csv_whole.st_size / 2);
  csv_written = ed_poll_cards_write_data (context, local, csv, ED_POLL_CARD_ORDER_WALK, NULL,
                                          NULL, NULL, NULL, &csv_error);
  ed_test_full_disk_end ();

  g_assert_false (pdf_written);
  g_assert_error (pdf_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (pdf_error->message, "cards.pdf"));
  g_assert_false (csv_written);
  g_assert_error (csv_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (csv_error->message, "cards.csv"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  ed_test_dir_assert_no_temporaries (fixture->dir);
  g_assert_cmpint (count_runs (context, NULL), ==, runs_before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/pollcards/english/variants-voter-id-proxy-anonymous", test_english_variants);
  ED_TEST_ADD ("/pollcards/welsh/local-bilingual-no-voter-id", test_welsh_local);
  ED_TEST_ADD ("/pollcards/combined/both-polls-listed", test_combined);
  ED_TEST_ADD ("/pollcards/data/sort-orders", test_sort_orders);
  ED_TEST_ADD ("/pollcards/data/counts-layouts-proofs", test_counts_and_proofs);
  ED_TEST_ADD ("/pollcards/final/check-refuses-then-override", test_check_refuses_final);
  ED_TEST_ADD ("/pollcards/cli/print-data-refusal", test_cli);
  ED_TEST_ADD ("/pollcards/cli/two-prints-at-once", test_two_prints_at_once);
  ED_TEST_ADD ("/pollcards/full-disk/nothing-written", test_full_disk);
  ED_TEST_ADD ("/pollcards/cancel/no-file-no-record", test_cancel);
  return g_test_run ();
}
