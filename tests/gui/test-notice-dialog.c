/* test-notice-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "register/ed-elector-edit.h"
#include "register/ed-register-notice.h"
#include "register/ed-register-search.h"
#include "ui/register/ed-notice-dialog.h"
#include "ed-gui-test-util.h"

/* Publishing a notice safely (issue 12, item 11 and 13): never before its determination
 * deadline has passed (RPA 1983 s.13A(2)(a): a change determined until then belongs in it),
 * before its date only when the officer says so, always after a question that says what will
 * change; and the dialog never offers a notice already published. The dates are those of
 * the notice of 1 February 2027, whose determination deadline is 18 January 2027. */

typedef struct
{
  char      *dir;
  EdContext *context;
} Fixture;

static GDate
day (int        d,
     GDateMonth m)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, 2027);
  return date;
}

/* A small demo register with one deletion and two amendments determined on 4 January 2027,
 * after the January notice's deadline: the February notice lists them. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autofree char *path = NULL;
  GDate determined = day (4, G_DATE_JANUARY);

  fixture->dir = g_dir_make_tmp ("ed-gui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "demo.db", NULL);
  fixture->context = ed_gui_test_demo_open (path, 60);
  first = ed_register_list_range (fixture->context, 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 3);
  g_assert_true (ed_elector_delete (fixture->context,
                                    ((EdElectorSummary *)g_ptr_array_index (first, 0))->id,
                                    ED_DELETION_MOVED, NULL, &determined, &error));
  g_assert_no_error (error);
  for (guint i = 1; i < 3; i++)
    {
      g_autoptr(EdElectorEdit) edit =
        ed_elector_edit_load (fixture->context,
                              ((EdElectorSummary *)g_ptr_array_index (first, i))->id, &error);

      g_assert_no_error (error);
      g_free (edit->surname);
      edit->surname = g_strdup_printf ("Quillfeather%u", i);
      g_assert_true (ed_elector_edit_amend (fixture->context, edit, &determined, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->context);
  ed_gui_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static EdNoticeDialog *
open_dialog (Fixture     *fixture,
             const GDate *today)
{
  g_autofree char *out = g_build_filename (fixture->dir, "notices", NULL);
  EdNoticeDialog *dialog = ed_notice_dialog_new (NULL, fixture->context, out);

  ed_notice_dialog_set_today (dialog, today);
  gtk_window_present (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
  return dialog;
}

static const char *
selected_date (EdNoticeDialog *dialog)
{
  GtkWidget *row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                     "Publication date");
  GObject *item;

  g_assert_nonnull (row);
  item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));
  g_assert_nonnull (item);
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static void
test_refused_before_deadline (Fixture       *fixture,
                              gconstpointer  data)
{
  GDate today = day (18, G_DATE_JANUARY);
  EdNoticeDialog *dialog = open_dialog (fixture, &today);
  GtkWidget *publish = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Publish");

  g_assert_nonnull (strstr (selected_date (dialog), "1 February 2027"));
  g_assert_nonnull (publish);
  g_assert_false (gtk_widget_get_sensitive (publish));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ed_gui_test_find_with_class (
                              GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error"))),
                            "cannot be published yet"));
  /* Even asked directly, nothing is asked or published. */
  g_signal_emit_by_name (publish, "clicked");
  ed_gui_test_iterate ();
  g_assert_null (ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (ed_notice_dialog_is_running (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
}

static void
test_early_needs_confirmation (Fixture       *fixture,
                               gconstpointer  data)
{
  GDate today = day (19, G_DATE_JANUARY);
  EdNoticeDialog *dialog = open_dialog (fixture, &today);
  GtkWidget *publish = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Publish");
  GtkWindow *question;
  const char *body;

  g_assert_true (gtk_widget_get_sensitive (publish));
  g_signal_emit_by_name (publish, "clicked");
  ed_gui_test_iterate ();
  g_assert_false (ed_notice_dialog_is_running (dialog));
  question = ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question));
  g_assert_nonnull (strstr (body, "0 additions, 1 deletion and 2 amendments"));
  g_assert_nonnull (strstr (body, "before its date"));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (question), GTK_TYPE_BUTTON, "Publish _Early"));

  /* Cancel publishes nothing. */
  g_signal_emit_by_name (ed_gui_test_find (GTK_WIDGET (question), GTK_TYPE_BUTTON, "_Cancel"),
                         "clicked");
  ed_gui_test_iterate ();
  g_assert_false (ed_notice_dialog_is_running (dialog));
  g_assert_null (ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
}

/* On or after its date the question has no warning about the date, only the changes. */
static void
test_on_its_date (Fixture       *fixture,
                  gconstpointer  data)
{
  GDate today = day (1, G_DATE_FEBRUARY);
  EdNoticeDialog *dialog = open_dialog (fixture, &today);
  GtkWindow *question;

  g_assert_nonnull (strstr (selected_date (dialog), "1 February 2027"));
  g_signal_emit_by_name (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Publish"),
                         "clicked");
  ed_gui_test_iterate ();
  question = ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_null (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)),
                         "before its date"));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (question), GTK_TYPE_BUTTON, "_Publish"));
  gtk_window_destroy (question);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
}

/* Once the February notice is published, the dialog opens on the next one due. */
static void
test_opens_on_next_due (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "published", NULL);
  GDate february = day (1, G_DATE_FEBRUARY);
  GDate today = day (1, G_DATE_FEBRUARY);
  EdNoticeDialog *dialog;

  g_assert_cmpint (g_mkdir_with_parents (out, 0700), ==, 0);
  g_assert_true (ed_register_notice_publish (fixture->context, &february, out, NULL, &error));
  g_assert_no_error (error);
  dialog = open_dialog (fixture, &today);
  g_assert_nonnull (strstr (selected_date (dialog), "1 March 2027"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  ed_gui_test_init (&argc, &argv);

  g_test_add ("/ui/notice-dialog/refused-before-deadline", Fixture, NULL, fixture_setup,
              test_refused_before_deadline, fixture_teardown);
  g_test_add ("/ui/notice-dialog/early-needs-confirmation", Fixture, NULL, fixture_setup,
              test_early_needs_confirmation, fixture_teardown);
  g_test_add ("/ui/notice-dialog/on-its-date", Fixture, NULL, fixture_setup,
              test_on_its_date, fixture_teardown);
  g_test_add ("/ui/notice-dialog/opens-on-next-due", Fixture, NULL, fixture_setup,
              test_opens_on_next_due, fixture_teardown);

  return g_test_run ();
}
