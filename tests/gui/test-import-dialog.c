/* test-import-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-modules.h"
#include <glib/gstdio.h>

#include "ed-gui-test-util.h"
#include "ui/register/ed-import-dialog.h"
#include "ui/register/ed-register-page.h"
#include "ui/ed-window.h"

#define N_ELECTORS 200

static const char header[] =
  "elector_number_prefix,elector_number,elector_number_suffix,forenames,surname,"
  "franchise_marker,property,street,town,postcode\n";

static GFile *
write_csv (const char *dir,
           const char *name,
           const char *rows)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *content = g_strconcat (header, rows, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  return g_file_new_for_path (path);
}

static void
wait_for_import (EdImportDialog *dialog)
{
  while (ed_import_dialog_is_running (dialog))
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();
}

/* TRUE once the page's register shows @n rows: a long list is given its rows over two frames. */
static gboolean
register_shows_rows (GtkWidget *page,
                     guint      n)
{
  GtkWidget *view = ed_gui_test_find (page, GTK_TYPE_COLUMN_VIEW, NULL);

  g_assert_nonnull (view);
  return ed_gui_test_wait_for_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view))),
                                     n);
}

/* From the register page's menu: a file with a bad postcode on line 3 is refused whole, and
 * the report names that line; a good file is imported and its rows appear in the page, with
 * what it brought in counted. */
static void
test_refused_then_imported (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ed-gui-XXXXXX", NULL);
  g_autofree char *path = ed_gui_test_demo_district (dir, N_ELECTORS);
  g_autoptr(GFile) bad = write_csv (dir, "bad.csv",
                                    "ZA,1,0,Ann,Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n"
                                    "ZA,2,0,Ben,Ashby,,1,Mill Lane,Wexcombe,ZZ\n");
  g_autoptr(GFile) good = write_csv (dir, "good.csv",
                                     "ZA,1,0,Ann,Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n"
                                     "ZA,2,0,Ben,Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_autoptr(GString) many_rows = g_string_new (NULL);
  g_autoptr(GFile) many_bad = NULL;
  g_autoptr(GError) error = NULL;
  EdWindow *window = g_object_new (ED_TYPE_WINDOW, NULL);
  EdImportDialog *dialog;
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *stack;
  GtkWidget *done;
  const char *title;

  for (guint i = 1; i <= 1200; i++)
    g_string_append_printf (many_rows, "ZA,%u,0,Ann,Ashby,,%u,Mill Lane,Wexcombe,ZZ\n", i, i);
  many_bad = write_csv (dir, "many-bad.csv", many_rows->str);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ed_window_open_district (window, path, &error));
  g_assert_no_error (error);
  ed_gui_test_iterate ();
  page = ed_gui_test_find (GTK_WIDGET (window), ED_TYPE_REGISTER_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_true (register_shows_rows (page, N_ELECTORS));

  g_assert_true (gtk_widget_activate_action (page, "register.import", NULL));
  ed_gui_test_iterate ();
  dialog = ED_IMPORT_DIALOG (ed_gui_test_find_toplevel (ED_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  stack = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL);

  ed_import_dialog_import_file (dialog, bad);
  g_assert_true (ed_import_dialog_is_running (dialog));
  wait_for_import (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "refused");
  row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, NULL);
  g_assert_nonnull (row);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_assert_true (g_str_has_prefix (title, "Line 3, postcode"));
  g_assert_nonnull (strstr (title, "ZZ"));
  g_assert_null (gtk_widget_get_next_sibling (row));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Save Report…"));
  g_assert_true (register_shows_rows (page, N_ELECTORS));

  /* Counts are grouped, "1,200", and the first 500 refused rows listed. */
  ed_import_dialog_import_file (dialog, many_bad);
  wait_for_import (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "refused");
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                      "Nothing was imported: 1,200 rows were refused. The "
                                      "first 500 are listed; save the report to see them all."));

  ed_import_dialog_import_file (dialog, good);
  wait_for_import (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "done");
  done = gtk_stack_get_visible_child (GTK_STACK (stack));
  if (!ADW_IS_STATUS_PAGE (done))
    done = ed_gui_test_find (done, ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (done)),
                   ==, "2 electors at 1 address, in 1 new polling district.");
  g_assert_true (register_shows_rows (page, N_ELECTORS + 2));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  ed_gui_test_iterate ();
}

/* Cancelling leaves the district as it was and goes back to the start. */
static void
test_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ed-gui-XXXXXX", NULL);
  g_autofree char *path = ed_gui_test_demo_district (dir, N_ELECTORS);
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GFile) big = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (path, &error);
  EdImportDialog *dialog;
  GtkWidget *stack;
  gint64 before = 0;
  gint64 after = 0;

  g_assert_no_error (error);
  for (guint i = 1; i <= 5000; i++)
    g_string_append_printf (rows, "ZA,%u,0,Ann,Ashby,,%u,Mill Lane,Wexcombe,ZY1 1AA\n", i, i);
  big = write_csv (dir, "big.csv", rows->str);
  g_assert_true (ed_database_count_rows (ed_context_get_database (context), "elector", &before,
                                         &error));

  dialog = ed_import_dialog_new (NULL, context);
  gtk_window_present (GTK_WINDOW (dialog));
  stack = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL);

  /* Holding the write lock keeps the worker from committing until Cancel has been pressed,
   * whatever the machine's speed; the import checks for a cancel just before it commits. */
  g_assert_true (ed_database_begin (ed_context_get_database (context), &error));
  g_assert_no_error (error);
  ed_import_dialog_import_file (dialog, big);
  g_signal_emit_by_name (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Cancel"),
                         "clicked");
  ed_database_rollback (ed_context_get_database (context));
  wait_for_import (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "start");
  g_assert_true (ed_database_count_rows (ed_context_get_database (context), "elector", &after,
                                         &error));
  g_assert_cmpint (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  ed_gui_test_init (&argc, &argv);

  g_test_add_func ("/ui/register/import-dialog/refused-then-imported",
                   test_refused_then_imported);
  g_test_add_func ("/ui/register/import-dialog/cancel", test_cancel);

  return g_test_run ();
}
