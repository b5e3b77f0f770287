/* test-jobs.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-state-hash.h"
#include "core/ed-database.h"
#include "ed-gui-test-util.h"
#include "ui/register/ed-notice-dialog.h"
#include "ui/register/ed-supply-dialog.h"

/* Long work in the window runs as a job (DESIGN.md §6): publishing a notice of alteration
 * and writing a supplied copy of the register each show their progress and can be
 * cancelled, and a person who presses Cancel once the bar has moved finds the district
 * exactly as it was, and no file written. */

#define N_ELECTORS 400
#define N_ALTERATIONS 250

typedef struct
{
  char      *dir;
  EdContext *context;
} District;

static void
district_clear (District *district)
{
  g_clear_object (&district->context);
  if (district->dir != NULL)
    ed_gui_test_remove_dir (district->dir);
  g_clear_pointer (&district->dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (District, district_clear)

/* The demo district, with amendments determined in early January 2027 waiting for the notice
 * of 1 February. */
static void
district_init (District *district)
{
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n = 0;

  district->dir = g_dir_make_tmp ("ed-gui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (district->dir, "demo.db", NULL);
  district->context = ed_gui_test_demo_open (path, N_ELECTORS);

  stmt = ed_database_prepare (ed_context_get_database (district->context),
                              "SELECT id FROM elector ORDER BY id "
                              "LIMIT " G_STRINGIFY (N_ALTERATIONS), &error);
  g_assert_no_error (error);
  change_set = ed_change_set_begin (ED_REPLICA (district->context), &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *columns[] = { "elector", "kind", "determined_on", "reason", "detail" };
      GVariant *values[] = {
        g_variant_new_string ((const char *)sqlite3_column_text (stmt, 0)),
        g_variant_new_string ("amendment"), g_variant_new_string ("2027-01-04"),
        g_variant_new_string (""), g_variant_new_string ("Name corrected"),
      };

      g_assert_true (ed_change_set_insert (change_set, "register_alteration", NULL, columns,
                                           values, G_N_ELEMENTS (values), NULL, &error));
      n++;
    }
  g_assert_cmpuint (n, ==, N_ALTERATIONS);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

static char *
state_hash (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  char *hash = ed_state_hash (ED_REPLICA (context), TRUE, &error);

  g_assert_no_error (error);
  return hash;
}

static gint64
count_rows (EdContext  *context,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (ed_database_count_rows (ed_context_get_database (context), table, &n, &error));
  g_assert_no_error (error);
  return n;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* Presses Cancel as a person would: when the bar first moves past the start. */
typedef struct
{
  GtkWidget *cancel_button;
  gboolean   armed;
  double     pressed_at;
  guint      n_moves;
} Canceller;

static void
fraction_cb (GtkProgressBar *bar,
             GParamSpec     *pspec,
             Canceller      *canceller)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  if (fraction <= 0.0)
    return;
  canceller->n_moves++;
  if (!canceller->armed)
    return;
  canceller->armed = FALSE;
  canceller->pressed_at = fraction;
  g_assert_true (gtk_widget_get_sensitive (canceller->cancel_button));
  g_signal_emit_by_name (canceller->cancel_button, "clicked");
}

static void
watch_progress (GtkWidget *dialog,
                Canceller *canceller)
{
  GtkWidget *bar = ed_gui_test_find (dialog, GTK_TYPE_PROGRESS_BAR, NULL);

  canceller->cancel_button = ed_gui_test_find (dialog, GTK_TYPE_BUTTON, "_Cancel");
  g_assert_nonnull (bar);
  g_assert_nonnull (canceller->cancel_button);
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (fraction_cb), canceller);
}

/* Publishing asks first, naming what will change, and before the notice's date says it is
 * early; the test says yes. */
static void
confirm_publish (void)
{
  GtkWindow *question;
  GtkWidget *yes;

  ed_gui_test_iterate ();
  question = ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)),
                            "addition"));
  yes = ed_gui_test_find (GTK_WIDGET (question), GTK_TYPE_BUTTON, "Publish _Early");
  g_assert_nonnull (yes);
  g_signal_emit_by_name (yes, "clicked");
}

static void
test_notice_cancelled_half_way (void)
{
  g_auto(District) district = { NULL, };
  g_autofree char *out_dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *published = NULL;
  EdNoticeDialog *dialog;
  GtkWidget *publish;
  GtkWidget *stack;
  Canceller canceller = { NULL, TRUE, 0.0, 0 };
  gint64 n_ops;
  GDate today;

  district_init (&district);
  out_dir = g_build_filename (district.dir, "notices", NULL);
  before = state_hash (district.context);
  n_ops = count_rows (district.context, "op_log");

  dialog = ed_notice_dialog_new (NULL, district.context, out_dir);
  g_date_clear (&today, 1);
  /* After the deadline of the notice of 1 February 2027, before its date. */
  g_date_set_dmy (&today, 19, G_DATE_JANUARY, 2027);
  ed_notice_dialog_set_today (dialog, &today);
  gtk_window_present (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
  watch_progress (GTK_WIDGET (dialog), &canceller);
  stack = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL);
  publish = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Publish");
  g_assert_nonnull (publish);
  g_assert_true (gtk_widget_get_sensitive (publish));

  /* The job runs while the window goes on drawing; Cancel once the bar has moved. */
  g_signal_emit_by_name (publish, "clicked");
  confirm_publish ();
  g_assert_true (ed_notice_dialog_is_running (dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "progress");
  while (ed_notice_dialog_is_running (dialog))
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();

  g_assert_false (canceller.armed);
  g_assert_cmpfloat (canceller.pressed_at, >, 0.0);
  g_assert_cmpfloat (canceller.pressed_at, <, 1.0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "preview");
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                      "Cancelled: nothing was published"));
  after = state_hash (district.context);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (district.context, "op_log"), ==, n_ops);
  g_assert_cmpuint (count_files (out_dir), ==, 0);

  /* Left to run, the same publish stamps every change and writes both files. */
  g_signal_emit_by_name (publish, "clicked");
  confirm_publish ();
  while (ed_notice_dialog_is_running (dialog))
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "published");
  published = state_hash (district.context);
  g_assert_cmpstr (published, !=, before);
  g_assert_cmpint (count_rows (district.context, "op_log"), >=, n_ops + N_ALTERATIONS);
  g_assert_cmpuint (count_files (out_dir), ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
}

static void
test_supply_cancelled_half_way (void)
{
  g_auto(District) district = { NULL, };
  g_autofree char *copy_path = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  EdSupplyDialog *dialog;
  GtkWidget *recipient;
  GtkWidget *format;
  Canceller canceller = { NULL, TRUE, 0.0, 0 };
  gint64 n_ops;

  district_init (&district);
  copy_path = g_build_filename (district.dir, "full-register.pdf", NULL);
  copy = g_file_new_for_path (copy_path);
  before = state_hash (district.context);
  n_ops = count_rows (district.context, "op_log");

  /* A printed copy of the full register for a candidate: tens of pages. */
  dialog = ed_supply_dialog_new (NULL, district.context);
  gtk_window_present (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
  recipient = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Recipient");
  format = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Format");
  g_assert_nonnull (recipient);
  g_assert_nonnull (format);
  gtk_editable_set_text (GTK_EDITABLE (recipient), "A. Candidate");
  adw_combo_row_set_selected (ADW_COMBO_ROW (format), 1);
  ed_gui_test_iterate ();
  watch_progress (GTK_WIDGET (dialog), &canceller);

  ed_supply_dialog_record_and_export (dialog, copy);
  g_assert_true (ed_supply_dialog_is_running (dialog));
  while (ed_supply_dialog_is_running (dialog))
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();

  g_assert_false (canceller.armed);
  g_assert_cmpfloat (canceller.pressed_at, >, 0.0);
  g_assert_cmpfloat (canceller.pressed_at, <, 1.0);
  after = state_hash (district.context);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (district.context, "op_log"), ==, n_ops);
  g_assert_cmpint (count_rows (district.context, "register_supply"), ==, 0);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  /* The form is as the person left it, to try again. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (recipient)), ==, "A. Candidate");

  /* Left to run, the copy is written, page by page, and the supply recorded. */
  canceller.n_moves = 0;
  ed_supply_dialog_record_and_export (dialog, copy);
  while (ed_supply_dialog_is_running (dialog))
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();
  g_assert_cmpuint (canceller.n_moves, >, 2);
  g_assert_cmpint (count_rows (district.context, "register_supply"), ==, 1);
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (recipient)), ==, "");
  /* The finished copy is offered to open from its toast. */
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Open"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  ed_gui_test_init (&argc, &argv);

  g_test_add_func ("/ui/jobs/notice-cancelled-half-way", test_notice_cancelled_half_way);
  g_test_add_func ("/ui/jobs/supply-cancelled-half-way", test_supply_cancelled_half_way);

  return g_test_run ();
}
