/* test-revise-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-modules.h"
#include <glib/gstdio.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "ed-gui-test-util.h"
#include "ui/register/ed-register-page.h"
#include "ui/register/ed-revise-dialog.h"
#include "ui/widgets/ed-validated-entry-row.h"
#include "changes/ed-state-hash.h"
#include "ui/ed-window.h"

#define N_ELECTORS 200
#define N_SUFFIXED 5

static const char *const files[] = {
  "register-full-2026-12-01.pdf", "register-full-2026-12-01.csv",
  "register-open-2026-12-01.pdf", "register-open-2026-12-01.csv",
};

/* The demo district, with a few entries given suffixes and out-of-order numbers, as a year
 * of additions leaves them: the revised register has work to do. */
static char *
make_district (const char *dir)
{
  char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(EdContext) context = ed_gui_test_demo_open (path, N_ELECTORS);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  stmt = ed_database_prepare (ed_context_get_database (context),
                              "SELECT id, number FROM elector ORDER BY id LIMIT 5", &error);
  g_assert_no_error (error);
  change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);
      gint64 number = sqlite3_column_int64 (stmt, 1);

      g_assert_true (ed_change_set_set (change_set, "elector", id, "number_suffix",
                                        g_variant_new_int64 (1), &error));
      g_assert_true (ed_change_set_set (change_set, "elector", id, "number",
                                        g_variant_new_int64 (number + 1000), &error));
      n++;
    }
  g_assert_cmpuint (n, ==, N_SUFFIXED);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
  return path;
}

static guint
count_suffixed (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    ed_database_prepare (ed_context_get_database (context),
                         "SELECT count(*) FROM elector WHERE number_suffix > 0", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return (guint)sqlite3_column_int (stmt, 0);
}

/* DOMAIN.md §1.1: after the revised register each part is numbered 1, 2, 3… with no gaps
 * and no suffixes. */
static void
assert_numbered_afresh (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    ed_database_prepare (ed_context_get_database (context),
                         "SELECT number_prefix, number, number_suffix FROM elector "
                         "ORDER BY number_prefix, number", &error);
  g_autofree char *part = NULL;
  guint n_parts = 0;
  guint n = 0;
  gint64 expected = 0;

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *prefix = (const char *)sqlite3_column_text (stmt, 0);

      if (part == NULL || g_strcmp0 (part, prefix) != 0)
        {
          g_free (part);
          part = g_strdup (prefix);
          expected = 0;
          n_parts++;
        }
      expected++;
      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, expected);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, 0);
      n++;
    }
  g_assert_cmpuint (n, ==, N_ELECTORS);
  g_assert_cmpuint (n_parts, >, 1);
}

static void
wait_for_revision (EdReviseDialog *dialog)
{
  while (ed_revise_dialog_is_running (dialog))
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();
}

static const char *
row_subtitle (EdReviseDialog *dialog,
              const char     *title)
{
  GtkWidget *row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
set_date (EdReviseDialog *dialog,
          const char     *text)
{
  GtkWidget *row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                     "Publication date");

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  ed_gui_test_iterate ();
}

static void
on_revised (gpointer user_data)
{
  (*(guint *)user_data)++;
}

static GtkWidget *
find_label_with_prefix (GtkWidget  *root,
                        const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix))
        return child;
      found = find_label_with_prefix (child, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
publish_button (EdReviseDialog *dialog)
{
  GtkWidget *button = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Publish");

  g_assert_nonnull (button);
  return button;
}

/* The date offered is the next 1 December; a date typed day first is read; one that is not
 * a date says why and leaves Publish off. */
static void
test_date (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ed-gui-XXXXXX", NULL);
  g_autofree char *path = make_district (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (path, &error);
  EdReviseDialog *dialog;
  GtkWidget *entry;
  GtkWidget *plan;
  const char *error_text;
  GDate today;

  g_assert_no_error (error);
  dialog = ed_revise_dialog_new (NULL, context, dir);
  gtk_window_present (GTK_WINDOW (dialog));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, G_DATE_DECEMBER, 2026);
  ed_revise_dialog_set_today (dialog, &today);
  ed_gui_test_iterate ();

  entry = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Publication date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2027-12-01");
  g_assert_true (gtk_widget_get_sensitive (publish_button (dialog)));
  g_assert_nonnull (strstr (row_subtitle (dialog, "Determination deadline"),
                            "Tuesday 30 November 2027"));

  set_date (dialog, "31/11/2026");
  g_assert_false (gtk_widget_get_sensitive (publish_button (dialog)));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  /* Read as every date row reads dates (ed_date_parse()), and said under the row. */
  error_text = ed_validated_entry_row_get_error (ED_VALIDATED_ENTRY_ROW (entry));
  g_assert_nonnull (error_text);
  g_assert_true (g_str_has_prefix (error_text, "“31/11/2026” is not a real date"));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, error_text));

  set_date (dialog, "1/12/2026");
  g_assert_true (gtk_widget_get_sensitive (publish_button (dialog)));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (strstr (row_subtitle (dialog, "Determination deadline"),
                            "Monday 30 November 2026"));
  plan = find_label_with_prefix (GTK_WIDGET (dialog), "Renumbers ");
  g_assert_nonnull (plan);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (plan)),
                                   "Renumbers 200 electors in "));

  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
}

/* From the register page's menu: the register is renumbered 1..n in each polling district
 * with no suffixes, the four files are written, the page hears of it, and the same date
 * cannot be published twice. */
static void
test_revise_from_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ed-gui-XXXXXX", NULL);
  g_autofree char *path = make_district (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = NULL;
  EdWindow *window = g_object_new (ED_TYPE_WINDOW, NULL);
  EdReviseDialog *dialog;
  GtkWidget *page;
  GtkWidget *stack;
  const char *folder;
  guint n_revised = 0;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ed_window_open_district (window, path, &error));
  g_assert_no_error (error);
  ed_gui_test_iterate ();
  page = ed_gui_test_find (GTK_WIDGET (window), ED_TYPE_REGISTER_PAGE, NULL);
  g_assert_nonnull (page);

  g_assert_true (gtk_widget_activate_action (page, "register.revise", NULL));
  ed_gui_test_iterate ();
  dialog = ED_REVISE_DIALOG (ed_gui_test_find_toplevel (ED_TYPE_REVISE_DIALOG));
  g_assert_nonnull (dialog);
  g_signal_connect_swapped (dialog, "revised", G_CALLBACK (on_revised), &n_revised);
  stack = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL);
  /* The registers go to a folder of their own under Documents (or home). */
  folder = row_subtitle (dialog, "Save in");
  g_assert_true (g_str_has_suffix (folder, "Registers"));

  set_date (dialog, "2026-12-01");
  g_signal_emit_by_name (publish_button (dialog), "clicked");
  g_assert_true (ed_revise_dialog_is_running (dialog));
  wait_for_revision (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "done");
  g_assert_cmpuint (n_revised, ==, 1);

  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  assert_numbered_afresh (context);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file = g_build_filename (folder, files[i], NULL);
      GStatBuf buf;

      g_assert_cmpint (g_stat (file, &buf), ==, 0);
      g_assert_cmpint (buf.st_size, >, 0);
    }
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Open Folder"));

  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Published: the same date is refused from now on. */
  g_assert_true (gtk_widget_activate_action (page, "register.revise", NULL));
  ed_gui_test_iterate ();
  dialog = ED_REVISE_DIALOG (ed_gui_test_find_toplevel (ED_TYPE_REVISE_DIALOG));
  g_assert_nonnull (dialog);
  set_date (dialog, "2026-12-01");
  g_assert_false (gtk_widget_get_sensitive (publish_button (dialog)));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                      "The revised register of Tuesday 1 December 2026 is "
                                      "already published"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  ed_gui_test_iterate ();
}

/* Cancelling leaves the district exactly as it was, and the dialog ready to try again. */
static void
test_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ed-gui-XXXXXX", NULL);
  g_autofree char *path = make_district (dir);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  EdReviseDialog *dialog;
  GtkWidget *stack;
  guint n_revised = 0;

  g_assert_no_error (error);
  before = ed_state_hash (ED_REPLICA (context), TRUE, &error);
  g_assert_no_error (error);

  dialog = ed_revise_dialog_new (NULL, context, out);
  g_signal_connect_swapped (dialog, "revised", G_CALLBACK (on_revised), &n_revised);
  gtk_window_present (GTK_WINDOW (dialog));
  stack = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL);
  set_date (dialog, "2026-12-01");

  /* Holding the write lock keeps the worker from getting anywhere until Cancel has been
   * pressed, whatever the machine's speed; the revision checks for a cancel before it
   * renumbers and again before it commits. */
  g_assert_true (ed_database_begin (ed_context_get_database (context), &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (publish_button (dialog), "clicked");
  g_signal_emit_by_name (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Cancel"),
                         "clicked");
  ed_database_rollback (ed_context_get_database (context));
  wait_for_revision (dialog);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "start");
  g_assert_cmpuint (n_revised, ==, 0);
  after = ed_state_hash (ED_REPLICA (context), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_suffixed (context), ==, N_SUFFIXED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  /* Ready to publish after all. */
  g_assert_true (gtk_widget_get_sensitive (publish_button (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
}

/* Escape while the revision runs asks first; keeping on leaves it running, stopping closes
 * the window and leaves the district as it was. */
static void
test_close_asks_first (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ed-gui-XXXXXX", NULL);
  g_autofree char *path = make_district (dir);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (path, &error);
  g_autoptr(EdReviseDialog) dialog = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *question;
  guint n_revised = 0;

  g_assert_no_error (error);
  before = ed_state_hash (ED_REPLICA (context), TRUE, &error);
  g_assert_no_error (error);
  dialog = g_object_ref_sink (ed_revise_dialog_new (NULL, context, out));
  g_signal_connect_swapped (dialog, "revised", G_CALLBACK (on_revised), &n_revised);
  gtk_window_present (GTK_WINDOW (dialog));
  set_date (dialog, "2026-12-01");

  g_assert_true (ed_database_begin (ed_context_get_database (context), &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (publish_button (dialog), "clicked");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  ed_gui_test_iterate ();
  question = ADW_MESSAGE_DIALOG (ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  adw_message_dialog_response (question, "keep");
  ed_gui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (ed_revise_dialog_is_running (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  ed_gui_test_iterate ();
  question = ADW_MESSAGE_DIALOG (ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "stop");
  ed_database_rollback (ed_context_get_database (context));
  wait_for_revision (dialog);

  g_assert_null (ed_gui_test_find_toplevel (ED_TYPE_REVISE_DIALOG));
  g_assert_cmpuint (n_revised, ==, 0);
  after = ed_state_hash (ED_REPLICA (context), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  ed_gui_test_init (&argc, &argv);

  g_test_add_func ("/ui/register/revise-dialog/date", test_date);
  g_test_add_func ("/ui/register/revise-dialog/revise-from-page", test_revise_from_page);
  g_test_add_func ("/ui/register/revise-dialog/cancel", test_cancel);
  g_test_add_func ("/ui/register/revise-dialog/close-asks-first", test_close_asks_first);

  return g_test_run ();
}
