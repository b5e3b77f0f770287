/* test-election-chooser.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* EdElectionChooser, the election dropdown of the Staff and Accounts pages, on the demo
 * district with its own polls taken away and others added: what it offers with none, the next
 * poll chosen at first, a choice kept across reloads until its poll is gone, one notification
 * for each real change, polls taken together as one entry, and its name said once.
 *
 * Tests run with ED_TODAY=2030-01-02. */

#include "config.h"

#include "changes/ed-change-set.h"
#include "core/ed-date.h"
#include "elections/ed-election.h"
#include "ui/elections/ed-election-chooser.h"
#include "ed-gui-test-util.h"
#include "tests/lib/ed-test-demo.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-register.h"

/* Before ED_TODAY, just after it, and a year after that. */
#define PAST_POLL  "2029-05-03"
#define NEXT_POLL  "2030-05-02"
#define LATER_POLL "2031-06-05"

/* The demo district with no polls. */
static EdContext *
open_district (EdTestDir *fixture)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  EdContext *context = ed_gui_test_demo_open (path, 200);

  ed_test_demo_remove_elections (context);
  return context;
}

static char *
add_poll (EdContext      *context,
          EdElectionKind  kind,
          const char     *poll,
          const char     *combine_with)
{
  g_autoptr(GError) error = NULL;
  EdElectionNew details = { 0, };
  char *id;

  details.kind = kind;
  details.country = ED_COUNTRY_ENGLAND;
  details.poll = ed_test_date (poll);
  details.combine_with = combine_with;
  id = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* Another desk deleted the poll, its contests with it. */
static void
delete_poll (EdContext  *context,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElection) election = ed_election_load (context, id, &error);
  g_autoptr(EdChangeSet) change_set = NULL;

  g_assert_no_error (error);
  change_set = ed_change_set_begin (ED_REPLICA (context), NULL);
  g_assert_nonnull (change_set);
  for (guint i = 0; i < election->contests->len; i++)
    g_assert_true (ed_change_set_delete (change_set, "contest",
                                         ((EdContest *)g_ptr_array_index (election->contests,
                                                                          i))->id,
                                         NULL));
  g_assert_true (ed_change_set_delete (change_set, "election", id, NULL));
  g_assert_true (ed_change_set_commit (change_set, NULL));
}

typedef struct
{
  GtkWidget         *window;
  EdElectionChooser *chooser;
  guint              n_notified;
} Shown;

static void
election_id_notified_cb (EdElectionChooser *chooser,
                         GParamSpec        *pspec,
                         Shown             *shown)
{
  shown->n_notified++;
}

/* A chooser of @combinations in a window, counting its notifications. */
static void
show_chooser (Shown    *shown,
              gboolean  combinations)
{
  shown->window = gtk_window_new ();
  shown->chooser = g_object_new (ED_TYPE_ELECTION_CHOOSER, "combinations", combinations, NULL);
  gtk_window_set_child (GTK_WINDOW (shown->window), GTK_WIDGET (shown->chooser));
  gtk_window_present (GTK_WINDOW (shown->window));
  g_signal_connect (shown->chooser, "notify::election-id",
                    G_CALLBACK (election_id_notified_cb), shown);
  ed_gui_test_iterate ();
}

static void
shown_clear (Shown *shown)
{
  if (shown->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&shown->window)));
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shown, shown_clear)

static GtkDropDown *
dropdown (Shown *shown)
{
  GtkWidget *found = ed_gui_test_find (GTK_WIDGET (shown->chooser), GTK_TYPE_DROP_DOWN, NULL);

  g_assert_nonnull (found);
  return GTK_DROP_DOWN (found);
}

/* What the dropdown offers at @position. */
static char *
offered (Shown *shown,
         guint  position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (
    gtk_drop_down_get_model (dropdown (shown)), position);

  g_assert_nonnull (item);
  return g_strdup (gtk_string_object_get_string (item));
}

/* Where the dropdown offers @id, as a person sees it: by the poll's title and day. */
static guint
position_of (Shown      *shown,
             const char *id)
{
  EdElection *election = ed_election_chooser_find (shown->chooser, id);
  GListModel *model = gtk_drop_down_get_model (dropdown (shown));
  g_autofree char *day = NULL;
  g_autofree char *label = NULL;

  g_assert_nonnull (election);
  day = ed_date_format_long (&election->poll);
  label = g_strdup_printf ("%s, %s", election->title, day);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autofree char *text = offered (shown, i);

      if (g_str_equal (text, label))
        return i;
    }
  g_assert_not_reached ();
}

/* --- the tests ---------------------------------------------------------------------------- */

/* No polls: "No elections", nothing to choose, and no choice. */
static void
test_no_elections (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdContext) context = open_district (fixture);
  g_auto(Shown) shown = { 0, };
  g_autofree char *text = NULL;

  show_chooser (&shown, FALSE);
  ed_election_chooser_set_context (shown.chooser, context);
  ed_gui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown (&shown))), ==,
                    1);
  text = offered (&shown, 0);
  g_assert_cmpstr (text, ==, "No elections");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dropdown (&shown))));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown (&shown))));
  g_assert_null (ed_election_chooser_get_election_id (shown.chooser));
  g_assert_null (ed_election_chooser_get_election (shown.chooser));
  g_assert_cmpuint (ed_election_chooser_get_elections (shown.chooser)->len, ==, 0);
  g_assert_cmpuint (shown.n_notified, ==, 0);

  /* Nor with no district at all. */
  ed_election_chooser_set_context (shown.chooser, NULL);
  g_assert_null (ed_election_chooser_get_election_id (shown.chooser));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dropdown (&shown))));
  g_assert_cmpuint (shown.n_notified, ==, 0);
}

/* Of a past poll, the next and a later one, the next is chosen at first, and said whole in
 * the tooltip; when every poll is past, the latest. */
static void
test_next_by_default (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) context = open_district (fixture);
  g_autofree char *past = add_poll (context, ED_ELECTION_LOCAL, PAST_POLL, NULL);
  g_autofree char *next = add_poll (context, ED_ELECTION_LOCAL, NEXT_POLL, NULL);
  g_autofree char *later = add_poll (context, ED_ELECTION_UK_PARLIAMENTARY_BY, LATER_POLL,
                                     NULL);
  g_autofree char *saved_today = g_strdup (g_getenv ("ED_TODAY"));
  g_auto(Shown) shown = { 0, };
  g_autofree char *text = NULL;
  EdElection *chosen;

  show_chooser (&shown, FALSE);
  ed_election_chooser_set_context (shown.chooser, context);
  ed_gui_test_iterate ();
  g_assert_cmpstr (ed_election_chooser_get_election_id (shown.chooser), ==, next);
  chosen = ed_election_chooser_get_election (shown.chooser);
  g_assert_nonnull (chosen);
  g_assert_cmpstr (chosen->id, ==, next);
  g_assert_cmpuint (shown.n_notified, ==, 1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dropdown (&shown))));

  /* Latest first; each by its title and day, the chosen one whole in the tooltip. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown (&shown))), ==,
                    3);
  g_assert_cmpuint (position_of (&shown, later), ==, 0);
  g_assert_cmpuint (position_of (&shown, next), ==, 1);
  g_assert_cmpuint (position_of (&shown, past), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown (&shown)), ==, 1);
  text = offered (&shown, 1);
  g_assert_true (g_str_has_suffix (text, ", Thursday 2 May 2030"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown (&shown))), ==, text);
  /* The choice is shown, as the dropdown's button. */
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dropdown (&shown)), GTK_TYPE_LABEL, text));
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&shown.window)));

  /* Every poll past. */
  g_setenv ("ED_TODAY", "2032-01-05", TRUE);
  show_chooser (&shown, FALSE);
  ed_election_chooser_set_context (shown.chooser, context);
  g_assert_cmpstr (ed_election_chooser_get_election_id (shown.chooser), ==, later);
  g_setenv ("ED_TODAY", saved_today, TRUE);
}

/* After other desks' edits, the poll chosen stays chosen, wherever it now stands. */
static void
test_reload_keeps_choice (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdContext) context = open_district (fixture);
  g_autofree char *next = add_poll (context, ED_ELECTION_LOCAL, NEXT_POLL, NULL);
  g_autofree char *later = add_poll (context, ED_ELECTION_UK_PARLIAMENTARY_BY, LATER_POLL,
                                     NULL);
  g_autofree char *nearer = NULL;
  g_autofree char *text = NULL;
  g_auto(Shown) shown = { 0, };

  show_chooser (&shown, FALSE);
  ed_election_chooser_set_context (shown.chooser, context);
  g_assert_cmpstr (ed_election_chooser_get_election_id (shown.chooser), ==, next);

  /* A person chooses the later poll. */
  gtk_drop_down_set_selected (dropdown (&shown), position_of (&shown, later));
  ed_gui_test_iterate ();
  g_assert_cmpstr (ed_election_chooser_get_election_id (shown.chooser), ==, later);
  shown.n_notified = 0;

  /* A nearer poll comes in, which would be the default, and puts the later one lower down. */
  nearer = add_poll (context, ED_ELECTION_LOCAL, "2030-03-07", NULL);
  ed_election_chooser_reload (shown.chooser);
  ed_gui_test_iterate ();
  g_assert_cmpstr (ed_election_chooser_get_election_id (shown.chooser), ==, later);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown (&shown)), ==,
                    position_of (&shown, later));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown (&shown))), ==,
                    3);
  text = offered (&shown, gtk_drop_down_get_selected (dropdown (&shown)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown (&shown))), ==, text);
  g_assert_cmpuint (shown.n_notified, ==, 0);

  /* The same district given again is a reload too. */
  ed_election_chooser_set_context (shown.chooser, context);
  g_assert_cmpstr (ed_election_chooser_get_election_id (shown.chooser), ==, later);
  g_assert_cmpuint (shown.n_notified, ==, 0);
}

/* The poll chosen is deleted on another desk: the chooser falls back to the next poll, and
 * says so once; with the last poll gone, to none. */
static void
test_reload_after_chosen_gone (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autoptr(EdContext) context = open_district (fixture);
  g_autofree char *next = add_poll (context, ED_ELECTION_LOCAL, NEXT_POLL, NULL);
  g_autofree char *later = add_poll (context, ED_ELECTION_UK_PARLIAMENTARY_BY, LATER_POLL,
                                     NULL);
  g_autofree char *text = NULL;
  g_auto(Shown) shown = { 0, };

  show_chooser (&shown, FALSE);
  ed_election_chooser_set_context (shown.chooser, context);
  ed_election_chooser_set_election_id (shown.chooser, later);
  g_assert_cmpstr (ed_election_chooser_get_election_id (shown.chooser), ==, later);
  shown.n_notified = 0;

  delete_poll (context, later);
  ed_election_chooser_reload (shown.chooser);
  ed_gui_test_iterate ();
  g_assert_cmpstr (ed_election_chooser_get_election_id (shown.chooser), ==, next);
  g_assert_cmpuint (shown.n_notified, ==, 1);
  g_assert_null (ed_election_chooser_find (shown.chooser, later));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown (&shown))), ==,
                    1);
  text = offered (&shown, 0);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown (&shown))), ==, text);

  delete_poll (context, next);
  ed_election_chooser_reload (shown.chooser);
  g_assert_null (ed_election_chooser_get_election_id (shown.chooser));
  g_assert_null (ed_election_chooser_get_election (shown.chooser));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dropdown (&shown))));
  g_assert_cmpuint (shown.n_notified, ==, 2);
}

/* election-id is notified once for each change, however it comes, and never for none. */
static void
test_notify_once_per_change (EdTestDir     *fixture,
                             gconstpointer  data)
{
  g_autoptr(EdContext) context = open_district (fixture);
  g_autofree char *next = add_poll (context, ED_ELECTION_LOCAL, NEXT_POLL, NULL);
  g_autofree char *later = add_poll (context, ED_ELECTION_UK_PARLIAMENTARY_BY, LATER_POLL,
                                     NULL);
  g_autofree char *read = NULL;
  g_auto(Shown) shown = { 0, };

  show_chooser (&shown, FALSE);
  /* A district opened: from none to its next poll. */
  ed_election_chooser_set_context (shown.chooser, context);
  g_assert_cmpuint (shown.n_notified, ==, 1);

  /* By a person. */
  gtk_drop_down_set_selected (dropdown (&shown), position_of (&shown, later));
  ed_gui_test_iterate ();
  g_assert_cmpstr (ed_election_chooser_get_election_id (shown.chooser), ==, later);
  g_assert_cmpuint (shown.n_notified, ==, 2);
  gtk_drop_down_set_selected (dropdown (&shown), position_of (&shown, later));
  g_assert_cmpuint (shown.n_notified, ==, 2);

  /* By the page, and through the property. */
  ed_election_chooser_set_election_id (shown.chooser, next);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown (&shown)), ==,
                    position_of (&shown, next));
  g_assert_cmpuint (shown.n_notified, ==, 3);
  ed_election_chooser_set_election_id (shown.chooser, next);
  g_assert_cmpuint (shown.n_notified, ==, 3);
  g_object_set (shown.chooser, "election-id", later, NULL);
  g_object_get (shown.chooser, "election-id", &read, NULL);
  g_assert_cmpstr (read, ==, later);
  g_assert_cmpuint (shown.n_notified, ==, 4);

  /* An id the district does not have, or none, changes nothing. */
  ed_election_chooser_set_election_id (shown.chooser, "no-such-poll");
  ed_election_chooser_set_election_id (shown.chooser, NULL);
  g_assert_cmpstr (ed_election_chooser_get_election_id (shown.chooser), ==, later);
  g_assert_cmpuint (shown.n_notified, ==, 4);

  /* A reload that keeps it, none; the district closed, one. */
  ed_election_chooser_reload (shown.chooser);
  g_assert_cmpuint (shown.n_notified, ==, 4);
  ed_election_chooser_set_context (shown.chooser, NULL);
  g_assert_null (ed_election_chooser_get_election_id (shown.chooser));
  g_assert_cmpuint (shown.n_notified, ==, 5);
}

/* Polls taken together as one entry, their first, for the appointment board: any of them
 * chooses it. */
static void
test_combinations (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdContext) context = open_district (fixture);
  g_autofree char *next = add_poll (context, ED_ELECTION_LOCAL, NEXT_POLL, NULL);
  g_autofree char *pcc = add_poll (context, ED_ELECTION_PCC, NEXT_POLL, next);
  g_autofree char *later = add_poll (context, ED_ELECTION_UK_PARLIAMENTARY_BY, LATER_POLL,
                                     NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_auto(Shown) shown = { 0, };

  show_chooser (&shown, TRUE);
  ed_election_chooser_set_context (shown.chooser, context);
  g_assert_cmpstr (ed_election_chooser_get_election_id (shown.chooser), ==, next);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown (&shown))), ==,
                    2);
  /* Every poll is still known, the combined one too. */
  g_assert_cmpuint (ed_election_chooser_get_elections (shown.chooser)->len, ==, 3);
  g_assert_nonnull (ed_election_chooser_find (shown.chooser, pcc));

  /* The day first, then the first poll and how many are taken with it. */
  text = offered (&shown, 1);
  expected = g_strdup_printf ("Thursday 2 May 2030: %s and 1 combined poll",
                              ed_election_chooser_get_election (shown.chooser)->title);
  g_assert_cmpstr (text, ==, expected);

  ed_election_chooser_set_election_id (shown.chooser, later);
  g_assert_cmpuint (shown.n_notified, ==, 2);
  ed_election_chooser_set_election_id (shown.chooser, pcc);
  g_assert_cmpstr (ed_election_chooser_get_election_id (shown.chooser), ==, next);
  g_assert_cmpuint (shown.n_notified, ==, 3);
  ed_election_chooser_set_election_id (shown.chooser, next);
  g_assert_cmpuint (shown.n_notified, ==, 3);
}

/* The dropdown is named once, by the label before it, whose mnemonic reaches it; a page can
 * say what the choice is for in its own words. */
static void
test_accessible_name (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) context = open_district (fixture);
  g_autofree char *next = add_poll (context, ED_ELECTION_LOCAL, NEXT_POLL, NULL);
  g_auto(Shown) shown = { 0, };
  GtkWidget *label;

  show_chooser (&shown, FALSE);
  ed_election_chooser_set_context (shown.chooser, context);
  label = gtk_widget_get_prev_sibling (GTK_WIDGET (dropdown (&shown)));
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "_Election");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Election");
  g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (label)) ==
                 GTK_WIDGET (dropdown (&shown)));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (dropdown (&shown)),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (dropdown (&shown)),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (shown.chooser),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (dropdown (&shown)),
                                               GTK_ACCESSIBLE_ROLE_COMBO_BOX));

  g_object_set (shown.chooser, "label", "_Availability for", NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Availability for");
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (dropdown (&shown)),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL);
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  ED_TEST_ADD ("/elections/chooser/no-elections", test_no_elections);
  ED_TEST_ADD ("/elections/chooser/next-by-default", test_next_by_default);
  ED_TEST_ADD ("/elections/chooser/reload-keeps-choice", test_reload_keeps_choice);
  ED_TEST_ADD ("/elections/chooser/reload-after-chosen-gone", test_reload_after_chosen_gone);
  ED_TEST_ADD ("/elections/chooser/notify-once-per-change", test_notify_once_per_change);
  ED_TEST_ADD ("/elections/chooser/combinations", test_combinations);
  ED_TEST_ADD ("/elections/chooser/accessible-name", test_accessible_name);
  return g_test_run ();
}
