/* test-elections-cards.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The electorate on an election's page and the poll-card dialog, driven as an officer would:
 * the figures shown against those the core counts; the pre-print check's errors for a
 * cancelled place, and Print refused until a reason is typed; a proof saved from the dialog
 * and read back. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "elections/ed-election-electorate.h"
#include "elections/ed-election.h"
#include "elections/ed-poll-card-check.h"
#include "elections/ed-poll-card-samples.h"
#include "elections/ed-station-register-document.h"
#include "ui/ed-number-format.h"
#include "ui/elections/ed-election-detail.h"
#include "ui/elections/ed-poll-card-dialog.h"
#include "ed-gui-test-util.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-pdf.h"
#include "tests/lib/ed-test-register.h"

#define ELECTORS 400

static EdContext *
open_demo (EdTestDir *fixture)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");

  return ed_gui_test_demo_open (path, ELECTORS);
}

static EdElection *
add_local (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  EdElectionNew details = { 0, };
  EdElection *election;

  details.kind = ED_ELECTION_LOCAL;
  details.country = ED_COUNTRY_ENGLAND;
  details.poll = ed_test_date ("2027-05-06");
  id = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  election = ed_election_load (context, id, &error);
  g_assert_no_error (error);
  return election;
}

static void
cancel_a_place (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (
    ed_context_get_database (context),
    "SELECT p.id FROM polling_place AS p JOIN polling_station AS s ON s.place = p.id "
    "ORDER BY p.id LIMIT 1", &error);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *place = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  place = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, "polling_place", place, "booking_state",
                                    g_variant_new_string ("cancelled"), &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

static gboolean
contains (const char *text,
          const char *part)
{
  return text != NULL && strstr (text, part) != NULL;
}

static char *
count_text (gint64 n)
{
  return ed_number_format_count ((guint)n);
}

/* Every contested contest's row gives the electors and their split by way of voting as the
 * core counts them, and its stations' rows each station's electors. */
static void
test_electorate_shown (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(EdElection) election = add_local (context);
  g_autoptr(EdElectionElectorate) electorate = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *detail = g_object_new (ED_TYPE_ELECTION_DETAIL, NULL);
  g_autofree char *folder = ed_test_dir_file (fixture, "notices");
  g_autoptr(EdElection) fixed = NULL;
  EdPollElectorate *poll;
  guint checked = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), detail);
  gtk_window_present (GTK_WINDOW (window));
  ed_election_detail_show (ED_ELECTION_DETAIL (detail), context, election->id);
  g_assert_true (ed_election_detail_is_counting (ED_ELECTION_DETAIL (detail)));
  while (ed_election_detail_is_counting (ED_ELECTION_DETAIL (detail)))
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();

  electorate = ed_election_electorate_compute (context, election, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (electorate->n_polls, ==, 1);
  poll = &electorate->polls[0];
  g_assert_cmpint (poll->total.electors, >, 0);
  for (guint i = 0; i < poll->election->contests->len; i++)
    {
      const EdContest *contest = g_ptr_array_index (poll->election->contests, i);
      const EdElectorateCount *total = &poll->contests[i].total;
      g_autofree char *electors = count_text (total->electors);
      g_autofree char *expected = g_strdup_printf (total->electors == 1 ? "%s elector"
                                                                        : "%s electors",
                                                   electors);
      GtkWidget *row;
      const char *subtitle;

      if (!contest->contested)
        continue;
      row = ed_gui_test_find (detail, ADW_TYPE_EXPANDER_ROW, contest->name);
      g_assert_nonnull (row);
      subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
      g_assert_true (g_str_has_prefix (subtitle, expected));
      for (guint way = 0; way < ED_N_POLL_CARD_VARIANTS; way++)
        {
          g_autofree char *n = count_text (total->by_way[way]);
          g_autofree char *part = g_strdup_printf ("%s: %s",
                                                   ed_electorate_way_get_display_name (way), n);

          g_assert_true (contains (subtitle, part));
        }
      /* Its stations, each with its electors and those who vote by post. */
      for (guint s = 0; s < electorate->roll->stations->len; s++)
        {
          const EdRollStation *station = g_ptr_array_index (electorate->roll->stations, s);
          const EdElectorateCount *count =
            ed_election_electorate_get_station (electorate, 0, i, (gint)s);
          g_autofree char *title = NULL;
          g_autofree char *n = NULL;
          g_autofree char *postal = NULL;
          g_autofree char *line = NULL;
          GtkWidget *station_row;

          if (count->electors == 0)
            continue;
          title = g_strdup_printf ("%s · %s", station->code, station->place_name);
          station_row = ed_gui_test_find (row, ADW_TYPE_ACTION_ROW, title);
          g_assert_nonnull (station_row);
          n = count_text (count->electors);
          postal = count_text (count->by_way[ED_POLL_CARD_POSTAL] +
                               count->by_way[ED_POLL_CARD_PROXY_POSTAL]);
          line = g_strdup_printf ("%s elector%s, of which %s vote by post", n,
                                  count->electors == 1 ? "" : "s", postal);
          g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (station_row)), ==,
                           line);
        }
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);

  /* The three interim notices, the first with its Publish… button (not yet due). */
  g_assert_nonnull (ed_gui_test_find (detail, ADW_TYPE_ACTION_ROW, "First interim notice"));
  g_assert_nonnull (ed_gui_test_find (detail, ADW_TYPE_ACTION_ROW, "Final interim notice"));
  g_assert_nonnull (ed_gui_test_find (detail, GTK_TYPE_BUTTON, "Publish…"));

  /* Publishing the final notice fixes the electorate: the page counts afresh and shows the
   * fixed figure beside the live one. */
  g_assert_true (g_mkdir_with_parents (folder, 0755) == 0);
  g_assert_true (ed_election_detail_publish_notice (ED_ELECTION_DETAIL (detail), 3, folder,
                                                    &error));
  g_assert_no_error (error);
  g_assert_true (ed_election_detail_is_counting (ED_ELECTION_DETAIL (detail)));
  while (ed_election_detail_is_counting (ED_ELECTION_DETAIL (detail)))
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();
  fixed = ed_election_load (context, election->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&fixed->electorate_fixed_on));
  for (guint i = 0; i < fixed->contests->len; i++)
    {
      const EdContest *contest = g_ptr_array_index (fixed->contests, i);
      g_autofree char *count = NULL;
      g_autofree char *day = NULL;
      g_autofree char *line = NULL;
      GtkWidget *row;

      if (!contest->contested)
        continue;
      count = count_text (contest->fixed_electorate);
      day = ed_date_format_long (&fixed->electorate_fixed_on);
      line = g_strdup_printf ("\nFixed on %s at %s", day, count);
      row = ed_gui_test_find (detail, ADW_TYPE_EXPANDER_ROW, contest->name);
      g_assert_nonnull (row);
      g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                                       line));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The polling-station registers saved from the page: a PDF for each station with electors. */
static void
test_registers_saved (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(EdElection) election = add_local (context);
  g_autoptr(EdElectionElectorate) electorate = NULL;
  g_autofree char *folder = ed_test_dir_file (fixture, "registers");
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *detail = g_object_new (ED_TYPE_ELECTION_DETAIL, NULL);
  guint n_files = 0;

  gtk_window_set_child (GTK_WINDOW (window), detail);
  gtk_window_present (GTK_WINDOW (window));
  ed_election_detail_show (ED_ELECTION_DETAIL (detail), context, election->id);
  g_assert_true (g_mkdir_with_parents (folder, 0755) == 0);
  ed_election_detail_save_registers (ED_ELECTION_DETAIL (detail), folder, FALSE);
  g_assert_true (ed_election_detail_is_saving (ED_ELECTION_DETAIL (detail)));
  while (ed_election_detail_is_saving (ED_ELECTION_DETAIL (detail)) ||
         ed_election_detail_is_counting (ED_ELECTION_DETAIL (detail)))
    g_main_context_iteration (NULL, TRUE);

  electorate = ed_election_electorate_compute (context, election, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < electorate->roll->stations->len; s++)
    {
      const EdRollStation *station = g_ptr_array_index (electorate->roll->stations, s);
      g_autofree char *name = ed_station_register_file_name (station->code);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      gint64 electors = 0;

      for (guint c = 0; c < electorate->polls[0].election->contests->len; c++)
        electors += ed_election_electorate_get_station (electorate, 0, c, (gint)s)->electors;
      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, electors > 0);
      n_files += electors > 0;
    }
  g_assert_cmpuint (n_files, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static EdPollCardDialog *
open_dialog (EdContext  *context,
             EdElection *election)
{
  EdPollCardDialog *dialog = ED_POLL_CARD_DIALOG (ed_poll_card_dialog_new (context, election));

  gtk_window_present (GTK_WINDOW (dialog));
  while (ed_poll_card_dialog_is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();
  return dialog;
}

static void
wait_saved (EdPollCardDialog *dialog)
{
  while (ed_poll_card_dialog_is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();
}

/* A cancelled place is an error of the check: the dialog lists it first, and Print waits for
 * a reason; a proof needs none. */
static void
test_check_errors_need_reason (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(EdElection) election = add_local (context);
  g_autoptr(EdPollCardCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  const EdPollCardCheckItem *first;
  EdPollCardDialog *dialog;
  GtkWidget *print;
  GtkWidget *reason;
  GtkWidget *proof;
  GtkWidget *row;

  cancel_a_place (context);
  check = ed_poll_card_check_run (context, election, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check->n_errors, >, 0);
  first = g_ptr_array_index (check->items, 0);
  g_assert_cmpint (first->severity, ==, ED_CHECK_ERROR);

  dialog = open_dialog (context, election);
  row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, first->message);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Error"));
  /* Errors come before warnings, as the check lists them. */
  g_assert_true (gtk_widget_get_prev_sibling (row) == NULL);

  print = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Print…");
  reason = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Override reason");
  g_assert_nonnull (print);
  g_assert_nonnull (reason);
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_false (gtk_widget_get_sensitive (print));
  gtk_editable_set_text (GTK_EDITABLE (reason), "   ");
  ed_gui_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (print));
  gtk_editable_set_text (GTK_EDITABLE (reason), "The place is rebooked; the RO agreed");
  ed_gui_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (print));

  /* A proof is not checked: no reason asked, and the button says what it saves. */
  gtk_editable_set_text (GTK_EDITABLE (reason), "");
  proof = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL);
  gtk_switch_set_active (GTK_SWITCH (proof), TRUE);
  ed_gui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (reason));
  g_assert_true (gtk_widget_get_sensitive (print));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (print)), ==, "Save _Proof…");

  /* The table's totals are the check's. */
  {
    g_autofree char *n = ed_number_format_count ((guint)check->cards[ED_POLL_CARD_ORDINARY]);

    g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, n));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static guint
count_of_type (GtkWidget *root,
               GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += G_TYPE_CHECK_INSTANCE_TYPE (child, type) + count_of_type (child, type);
  return n;
}

/* A proof saved from the dialog is a PDF of the cards marked PROOF; the dialog says so. */
static void
test_proof_saved (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(EdElection) election = add_local (context);
  g_autoptr(EdPollCardSamples) samples = NULL;
  g_autofree char *pdf = ed_test_dir_file (fixture, "proof.pdf");
  g_autofree char *csv = ed_test_dir_file (fixture, "cards.csv");
  g_autofree char *data_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  EdPollCardDialog *dialog = open_dialog (context, election);
  GtkWidget *proof = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL);
  GtkWidget *label;
  guint n_areas = 0;

  /* A preview of each kind of card sent, front and back. */
  samples = ed_poll_card_samples_find (context, election, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_poll_card_samples_count (samples), >, 0);
  for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
    if (samples->cards[v] != NULL)
      {
        g_assert_cmpint (samples->cards[v]->variant, ==, v);
        g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                            ed_poll_card_variant_get_display_name (v)));
      }
  n_areas = count_of_type (GTK_WIDGET (dialog), GTK_TYPE_DRAWING_AREA);
  g_assert_cmpuint (n_areas, ==, 2 * ed_poll_card_samples_count (samples));

  gtk_switch_set_active (GTK_SWITCH (proof), TRUE);
  ed_gui_test_iterate ();
  ed_poll_card_dialog_save_pdf (dialog, pdf);
  g_assert_true (ed_poll_card_dialog_is_busy (dialog));
  wait_saved (dialog);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  label = ed_gui_test_find_with_class (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "success");
  g_assert_nonnull (label);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), "Saved "));
  g_assert_true (contains (gtk_label_get_label (GTK_LABEL (label)), pdf));

  text = ed_test_pdf_text (pdf, NULL);
  if (text != NULL)
    g_assert_true (contains (text, "PROOF"));

  /* The printer's data: a CSV of the same cards. */
  ed_poll_card_dialog_save_data (dialog, csv);
  wait_saved (dialog);
  g_assert_true (g_file_get_contents (csv, &data_text, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (data_text), >, 0);
  label = ed_gui_test_find_with_class (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "success");
  g_assert_nonnull (label);
  g_assert_true (contains (gtk_label_get_label (GTK_LABEL (label)), csv));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A final print over the check's errors with no reason cannot start: a cancelled place, the
 * reason typed, and the cards are written. */
static void
test_final_with_reason (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(EdElection) election = add_local (context);
  g_autofree char *pdf = ed_test_dir_file (fixture, "cards.pdf");
  EdPollCardDialog *dialog;
  GtkWidget *reason;
  GtkWidget *label;

  cancel_a_place (context);
  dialog = open_dialog (context, election);
  ed_poll_card_dialog_save_pdf (dialog, pdf);
  wait_saved (dialog);
  label = ed_gui_test_find_with_class (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error");
  g_assert_nonnull (label);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  reason = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Override reason");
  gtk_editable_set_text (GTK_EDITABLE (reason), "The place is rebooked; the RO agreed");
  ed_poll_card_dialog_save_pdf (dialog, pdf);
  wait_saved (dialog);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  ED_TEST_ADD ("/elections/electorate/shown", test_electorate_shown);
  ED_TEST_ADD ("/elections/registers/saved", test_registers_saved);
  ED_TEST_ADD ("/elections/cards/check-errors-need-reason", test_check_errors_need_reason);
  ED_TEST_ADD ("/elections/cards/proof-saved", test_proof_saved);
  ED_TEST_ADD ("/elections/cards/final-with-reason", test_final_with_reason);

  return g_test_run ();
}
