/* test-station-registers.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-value-error.h"
#include "elections/ed-election-roll.h"
#include "elections/ed-station-register-document.h"
#include "register/ed-register-tables.h"
#include "ed-test-cli.h"
#include "ed-test-demo.h"
#include "ed-test-pdf.h"

#define N_ELECTORS 1200

static char *
add_election (EdContext      *context,
              EdElectionKind  kind,
              const char     *combine_with)
{
  g_autoptr(GError) error = NULL;
  EdElectionNew details = { .kind = kind, .country = ED_COUNTRY_ENGLAND,
                            .combine_with = combine_with };
  char *id;

  /* The demo district already has its May poll, with the parish polls combined with it. */
  if (kind == ED_ELECTION_LOCAL && combine_with == NULL)
    {
      g_autoptr(EdElection) local = ed_election_load (context, "local.ashmere-vale.2027-05-06",
                                                      &error);

      g_assert_no_error (error);
      return g_strdup (local->id);
    }
  g_date_clear (&details.poll, 1);
  g_date_set_dmy (&details.poll, 6, G_DATE_MAY, 2027);
  id = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  return id;
}

/* Some entries that vote at one station, in the register's order. */
typedef struct
{
  gint       station;
  GPtrArray *ids;
  GPtrArray *numbers;
  GPtrArray *names;
} Pick;

static gboolean
pick_entry (EdElectionRoll     *roll,
            const EdRollEntry  *entry,
            gpointer            user_data,
            GError            **error)
{
  Pick *pick = user_data;
  const EdRegisterVoter *voter = entry->voter;

  if (entry->votes == 0 || entry->station < 0 || voter->anonymous || *voter->marker != '\0' ||
      *voter->attainer_date != '\0' || voter->section != ED_REGISTER_SECTION_STREET)
    return TRUE;
  if (pick->station < 0)
    pick->station = entry->station;
  if (entry->station != pick->station || pick->ids->len == 9)
    return TRUE;
  g_ptr_array_add (pick->ids, g_strdup (voter->elector_id));
  g_ptr_array_add (pick->numbers, ed_elector_number_format (&voter->number));
  g_ptr_array_add (pick->names, g_strdup_printf ("%s, %s", voter->surname, voter->forenames));
  return TRUE;
}

static void
set_elector (EdContext  *context,
             const char *elector_id,
             const char *column,
             GVariant   *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, ed_elector_table.name, elector_id, column,
                                    value, &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

/* The words of the line of the PDF's text that starts with @number. */
static GStrv
line_of (const char *text,
         const char *number)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

      if (words[0] == NULL || !g_str_equal (words[0], number))
        continue;
      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0')
          g_strv_builder_add (kept, words[w]);
      return g_strv_builder_end (kept);
    }
  return NULL;
}

/* Whether "A" (or "P") stands in the columns between the number and the name. */
static gboolean
has_mark (GStrv       words,
          const char *mark)
{
  for (guint w = 1; words[w] != NULL && w < 4; w++)
    {
      if (strchr (words[w], ',') != NULL)
        return FALSE;
      if (g_str_equal (words[w], mark))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  EdContext *context;
  char      *election_id;
  Pick       pick;
  char      *station_code;
} Setup;

static void
setup_clear (Setup *setup)
{
  g_clear_object (&setup->context);
  g_free (setup->election_id);
  g_clear_pointer (&setup->pick.ids, g_ptr_array_unref);
  g_clear_pointer (&setup->pick.numbers, g_ptr_array_unref);
  g_clear_pointer (&setup->pick.names, g_ptr_array_unref);
  g_free (setup->station_code);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Setup, setup_clear)

enum { PLAIN, POSTAL, PROXY, POSTAL_PROXY, ANONYMOUS, BORN, OVERSEAS, EU, ANONYMOUS_POSTAL };

static void
set_up (EdTestDir *fixture,
        Setup     *setup,
        gboolean   combined)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdElectionRoll) roll = NULL;

  setup->context = ed_test_demo_open (fixture, N_ELECTORS);
  setup->election_id = add_election (setup->context, ED_ELECTION_LOCAL, NULL);
  if (combined)
    g_free (add_election (setup->context, ED_ELECTION_UK_PARLIAMENTARY_GENERAL,
                          setup->election_id));
  election = ed_election_load (setup->context, setup->election_id, &error);
  g_assert_no_error (error);
  roll = ed_election_roll_new (setup->context, election, &error);
  g_assert_no_error (error);
  setup->pick.station = -1;
  setup->pick.ids = g_ptr_array_new_with_free_func (g_free);
  setup->pick.numbers = g_ptr_array_new_with_free_func (g_free);
  setup->pick.names = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (ed_election_roll_foreach (roll, setup->context, ED_VOTER_ORDER_REGISTER, FALSE,
                                           NULL, pick_entry, &setup->pick, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (setup->pick.ids->len, ==, 9);
  setup->station_code =
    g_strdup (((EdRollStation *)g_ptr_array_index (roll->stations,
                                                   (guint)setup->pick.station))->code);

  set_elector (setup->context, setup->pick.ids->pdata[POSTAL], "absent_vote",
               g_variant_new_string ("postal"));
  set_elector (setup->context, setup->pick.ids->pdata[PROXY], "absent_vote",
               g_variant_new_string ("proxy"));
  set_elector (setup->context, setup->pick.ids->pdata[POSTAL_PROXY], "absent_vote",
               g_variant_new_string ("postal_proxy"));
  for (guint i = POSTAL; i <= POSTAL_PROXY; i++)
    set_elector (setup->context, setup->pick.ids->pdata[i], "absent_vote_ends",
                 g_variant_new_string (""));
  set_elector (setup->context, setup->pick.ids->pdata[ANONYMOUS], "anonymous",
               g_variant_new_boolean (TRUE));
  set_elector (setup->context, setup->pick.ids->pdata[ANONYMOUS_POSTAL], "anonymous",
               g_variant_new_boolean (TRUE));
  set_elector (setup->context, setup->pick.ids->pdata[ANONYMOUS_POSTAL], "absent_vote",
               g_variant_new_string ("postal"));
  set_elector (setup->context, setup->pick.ids->pdata[ANONYMOUS_POSTAL], "absent_vote_ends",
               g_variant_new_string (""));
  set_elector (setup->context, setup->pick.ids->pdata[BORN], "date_of_birth",
               g_variant_new_string ("1961-03-17"));
  set_elector (setup->context, setup->pick.ids->pdata[OVERSEAS], "marker",
               g_variant_new_string ("F"));
  set_elector (setup->context, setup->pick.ids->pdata[EU], "marker",
               g_variant_new_string ("B"));
}

static EdStationRegisters *
write_registers (Setup                   *setup,
                 const char              *dir,
                 EdStationRegisterFlags   flags,
                 GError                 **error)
{
  g_autoptr(EdElection) election = ed_election_load (setup->context, setup->election_id, NULL);

  g_assert_nonnull (election);
  return ed_station_registers_write (setup->context, election, dir, flags, NULL, NULL, NULL,
                                     error);
}

static char *
station_text (Setup      *setup,
              const char *dir)
{
  g_autofree char *name = ed_station_register_file_name (setup->station_code);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return ed_test_pdf_text (path, "-layout", NULL);
}

static void
test_markers (EdTestDir     *fixture,
              gconstpointer  data)
{
  g_auto(Setup) setup = { NULL, };
  g_autoptr(EdStationRegisters) registers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GPtrArray *numbers;

  set_up (fixture, &setup, FALSE);
  numbers = setup.pick.numbers;
  registers = write_registers (&setup, fixture->dir, ED_STATION_REGISTER_FLAGS_BEFORE_FINAL,
                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (registers->files->len, >, 1);
  text = station_text (&setup, fixture->dir);
  if (text == NULL)
    return;

  {
    g_auto(GStrv) plain = line_of (text, numbers->pdata[PLAIN]);
    g_auto(GStrv) postal = line_of (text, numbers->pdata[POSTAL]);
    g_auto(GStrv) proxy = line_of (text, numbers->pdata[PROXY]);
    g_auto(GStrv) postal_proxy = line_of (text, numbers->pdata[POSTAL_PROXY]);
    g_auto(GStrv) anonymous = line_of (text, numbers->pdata[ANONYMOUS]);
    g_auto(GStrv) eu = line_of (text, numbers->pdata[EU]);

    g_assert_nonnull (plain);
    g_assert_false (has_mark (plain, "A"));
    g_assert_false (has_mark (plain, "P"));
    g_assert_true (has_mark (postal, "A"));
    g_assert_false (has_mark (postal, "P"));
    g_assert_false (has_mark (proxy, "A"));
    g_assert_true (has_mark (proxy, "P"));
    g_assert_true (has_mark (postal_proxy, "A"));
    g_assert_true (has_mark (postal_proxy, "P"));
    /* Number and N only. */
    g_assert_nonnull (anonymous);
    g_assert_cmpuint (g_strv_length (anonymous), ==, 2);
    g_assert_cmpstr (anonymous[1], ==, "N");
    g_assert_null (strstr (text, setup.pick.names->pdata[ANONYMOUS]));
    /* An anonymous postal voter still has the A that stops a ballot paper being issued
     * (DOMAIN.md §1.2), and nothing else. */
    {
      g_auto(GStrv) anonymous_postal = line_of (text, numbers->pdata[ANONYMOUS_POSTAL]);

      g_assert_nonnull (anonymous_postal);
      g_assert_true (has_mark (anonymous_postal, "A"));
      g_assert_true (has_mark (anonymous_postal, "N"));
      g_assert_cmpuint (g_strv_length (anonymous_postal), ==, 3);
      g_assert_null (strstr (text, setup.pick.names->pdata[ANONYMOUS_POSTAL]));
    }
    /* An EU citizen votes at a local poll; an overseas elector does not. */
    g_assert_nonnull (eu);
    g_assert_cmpstr (eu[1], ==, "B");
    g_assert_null (line_of (text, numbers->pdata[OVERSEAS]));
  }
  /* No date of birth, in any form. */
  g_assert_null (strstr (text, "1961"));
  {
    g_auto(GStrv) born = line_of (text, numbers->pdata[BORN]);

    g_assert_nonnull (born);
  }
  /* The header names the station, the poll and its day; the number list follows. */
  g_assert_nonnull (strstr (text, setup.station_code));
  g_assert_nonnull (strstr (text, "6 May 2027"));
  g_assert_nonnull (strstr (text, "Corresponding Number List"));
}

static void
test_combined (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_auto(Setup) setup = { NULL, };
  g_autoptr(EdStationRegisters) registers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) overseas = NULL;
  g_auto(GStrv) eu = NULL;
  g_auto(GStrv) plain = NULL;
  g_autofree char *overseas_line = NULL;
  g_autofree char *eu_line = NULL;
  g_autofree char *plain_line = NULL;
  GPtrArray *numbers;

  set_up (fixture, &setup, TRUE);
  numbers = setup.pick.numbers;
  registers = write_registers (&setup, fixture->dir, ED_STATION_REGISTER_FLAGS_BEFORE_FINAL,
                               &error);
  g_assert_no_error (error);
  text = station_text (&setup, fixture->dir);
  if (text == NULL)
    return;
  /* The overseas elector is in the combined poll's register for the UK Parliament only; the
   * EU citizen for the local poll only; the others for both, with no polls named. */
  overseas = line_of (text, numbers->pdata[OVERSEAS]);
  eu = line_of (text, numbers->pdata[EU]);
  plain = line_of (text, numbers->pdata[PLAIN]);
  g_assert_nonnull (overseas);
  g_assert_nonnull (eu);
  g_assert_nonnull (plain);
  overseas_line = g_strjoinv (" ", overseas);
  eu_line = g_strjoinv (" ", eu);
  plain_line = g_strjoinv (" ", plain);
  g_assert_nonnull (strstr (overseas_line, "Only: UK"));
  g_assert_nonnull (strstr (eu_line, "Only:"));
  g_assert_null (strstr (eu_line, "UK Parliament"));
  g_assert_null (strstr (plain_line, "Only:"));
}

static void
assert_no_files (const char *dir,
                 const char *keep)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (keep == NULL || !g_str_has_prefix (name, keep))
      g_error ("%s was left in the folder", name);
}

static void
cancel_on_writing (double      fraction,
                   const char *text,
                   gpointer    user_data)
{
  if (fraction > 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (EdTestDir     *fixture,
             gconstpointer  data)
{
  g_auto(Setup) setup = { NULL, };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);

  set_up (fixture, &setup, FALSE);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  election = ed_election_load (setup.context, setup.election_id, &error);
  g_assert_no_error (error);
  g_assert_null (ed_station_registers_write (setup.context, election, out,
                                             ED_STATION_REGISTER_FLAGS_BEFORE_FINAL,
                                             cancel_on_writing, cancellable, cancellable,
                                             &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_no_files (out, NULL);
}

static void
test_refusals (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_auto(Setup) setup = { NULL, };
  g_autofree char *saved_today = g_strdup (g_getenv ("ED_TODAY"));
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", NULL);
  g_autofree char *slug = NULL;
  const char *db;

  set_up (fixture, &setup, FALSE);
  db = ed_database_get_path (ed_context_get_database (setup.context));
  {
    g_autoptr(EdElection) election = ed_election_load (setup.context, setup.election_id, NULL);

    slug = g_strdup (election->slug);
  }
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);

  /* Before the final interim notice (28 April 2027): refused unless confirmed. */
  g_setenv ("ED_TODAY", "2027-04-27", TRUE);
  {
    g_auto(EdTestCliResult) result = { 0, };

    ed_test_cli_run_on (&result, db, "election", "station-registers", slug, "-o", out, NULL);
    g_assert_cmpint (result.status, !=, 0);
    g_assert_nonnull (strstr (result.err, "final interim notice"));
    g_assert_nonnull (strstr (result.err, "--before-final"));
    assert_no_files (out, NULL);
  }
  {
    g_auto(EdTestCliResult) result = { 0, };

    ed_test_cli_run_on (&result, db, "election", "station-registers", slug, "-o", out,
                        "--before-final", NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpuint (ed_test_cli_count_lines (result.out), >, 1);
    assert_no_files (out, "station-register-");
  }
  g_setenv ("ED_TODAY", "2027-04-28", TRUE);
  {
    g_auto(EdTestCliResult) result = { 0, };

    ed_test_cli_run_on (&result, db, "election", "station-registers", slug, "-o", out, NULL);
    g_assert_cmpint (result.status, ==, 0);
  }
  if (saved_today != NULL)
    g_setenv ("ED_TODAY", saved_today, TRUE);
  else
    g_unsetenv ("ED_TODAY");

  /* Hostile inputs: a poll that does not exist, a folder that does not exist, one that
   * cannot be written. */
  {
    g_auto(EdTestCliResult) result = { 0, };

    ed_test_cli_run_on (&result, db, "election", "station-registers", "no-such-poll", "-o",
                        out, NULL);
    g_assert_cmpint (result.status, !=, 0);
    g_assert_cmpstr (result.err, !=, "");
  }
  {
    g_auto(EdTestCliResult) result = { 0, };

    ed_test_cli_run_on (&result, db, "election", "station-registers", slug, "-o", missing,
                        NULL);
    g_assert_cmpint (result.status, !=, 0);
    g_assert_nonnull (strstr (result.err, "not a folder"));
  }
  if (geteuid () != 0)
    {
      g_auto(EdTestCliResult) result = { 0, };

      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      ed_test_cli_run_on (&result, db, "election", "station-registers", slug, "-o", locked,
                          NULL);
      g_assert_cmpint (result.status, !=, 0);
      g_assert_cmpstr (result.err, !=, "");
      g_chmod (locked, 0700);
      assert_no_files (locked, NULL);
    }
}

static void
test_file_names (void)
{
  g_autofree char *plain = ed_station_register_file_name ("S01");
  g_autofree char *hostile = ed_station_register_file_name ("../etc/pass wd");
  g_autofree char *empty = ed_station_register_file_name ("");

  g_assert_cmpstr (plain, ==, "station-register-S01.pdf");
  g_assert_cmpstr (hostile, ==, "station-register-___etc_pass_wd.pdf");
  g_assert_cmpstr (empty, ==, "station-register-_.pdf");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elections/station-registers/file-names", test_file_names);
  ED_TEST_ADD ("/elections/station-registers/markers", test_markers);
  ED_TEST_ADD ("/elections/station-registers/combined", test_combined);
  ED_TEST_ADD ("/elections/station-registers/cancel", test_cancel);
  ED_TEST_ADD ("/elections/station-registers/refusals", test_refusals);
  return g_test_run ();
}
