/* test-move-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ed-modules.h"
#include "demo/ed-demo.h"
#include "register/ed-register-search.h"
#include "ui/register/ed-elector-editor.h"
#include "ui/register/ed-move-dialog.h"
#include "ui/widgets/ed-validated-entry-row.h"
#include "ed-gui-test-util.h"

/* The editor's Move… button and its dialog on a small demo register, driven as an officer
 * would: a move to the elector's own address is refused under the field and changes nothing;
 * a move to another elector's address closes both windows and leaves the old entry to be
 * deleted at the next notice. */

typedef struct
{
  char      *dir;
  EdContext *context;
  GDate      today;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  EdDemoOptions options;

  fixture->dir = g_dir_make_tmp ("ed-gui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "demo.db", NULL);
  fixture->context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  ed_demo_options_init (&options);
  options.electors = 60;
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 23, G_DATE_NOVEMBER, 2026);
  options.today = fixture->today;
  g_assert_true (ed_demo_generate (fixture->context, &options, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->context);
  ed_gui_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static char *
query (Fixture    *fixture,
       const char *sql,
       const char *param)
{
  sqlite3_stmt *stmt = ed_database_prepare (ed_context_get_database (fixture->context), sql,
                                            NULL);
  char *text = NULL;

  g_assert_nonnull (stmt);
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static EdMoveDialog *
find_move_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ED_IS_MOVE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ED_MOVE_DIALOG (window);
    }
  return NULL;
}

static void
saved_cb (EdElectorEditor *editor,
          const char      *elector_id,
          char           **out_id)
{
  g_free (*out_id);
  *out_id = g_strdup (elector_id);
}

static void
test_move_from_editor (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *elector = NULL;
  g_autofree char *own_number = NULL;
  g_autofree char *other_number = NULL;
  g_autofree char *status = NULL;
  g_autofree char *saved_id = NULL;
  g_autofree char *new_property = NULL;
  g_autofree char *other_property = NULL;
  EdElectorEditor *editor;
  EdMoveDialog *dialog;
  GtkWidget *move;
  GtkWidget *to_row;
  GtkWidget *confirm;
  const char *message;

  elector = query (fixture, "SELECT id FROM elector WHERE property != '' AND status = 'current' "
                            "ORDER BY number_prefix, number, number_suffix LIMIT 1", NULL);
  own_number = query (fixture, "SELECT number_prefix || number || CASE WHEN number_suffix > 0 "
                               "THEN '/' || number_suffix ELSE '' END FROM elector WHERE id = ?1",
                      elector);
  other_number = query (fixture, "SELECT number_prefix || number FROM elector "
                                 "WHERE property != '' AND number_suffix = 0 AND property != "
                                 "(SELECT property FROM elector WHERE id = ?1) "
                                 "ORDER BY number DESC LIMIT 1", elector);
  g_assert_nonnull (other_number);

  editor = ed_elector_editor_new (NULL, fixture->context, elector, NULL);
  ed_elector_editor_set_today (editor, &fixture->today);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved_id);
  gtk_window_present (GTK_WINDOW (editor));
  ed_gui_test_iterate ();

  move = ed_gui_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Move…");
  g_assert_nonnull (move);
  g_assert_true (gtk_widget_get_visible (move));
  g_signal_emit_by_name (move, "clicked");
  ed_gui_test_iterate ();
  dialog = find_move_dialog ();
  g_assert_nonnull (dialog);

  /* The elector's own address: refused under the field, nothing changed. */
  to_row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Elector number or UPRN");
  g_assert_nonnull (to_row);
  gtk_editable_set_text (GTK_EDITABLE (to_row), own_number);
  confirm = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Move");
  g_assert_nonnull (confirm);
  g_signal_emit_by_name (confirm, "clicked");
  ed_gui_test_iterate ();
  message = ed_validated_entry_row_get_error (ED_VALIDATED_ENTRY_ROW (to_row));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "already lives"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  status = query (fixture, "SELECT status FROM elector WHERE id = ?1", elector);
  g_assert_cmpstr (status, ==, "current");

  /* Another elector's address: both windows close; the old entry waits for the notice. */
  gtk_editable_set_text (GTK_EDITABLE (to_row), other_number);
  g_assert_null (ed_validated_entry_row_get_error (ED_VALIDATED_ENTRY_ROW (to_row)));
  g_assert_true (ed_move_dialog_move (dialog));
  ed_gui_test_iterate ();
  g_assert_null (find_move_dialog ());
  g_assert_nonnull (saved_id);
  g_assert_cmpstr (saved_id, !=, elector);
  g_free (status);
  status = query (fixture, "SELECT status FROM elector WHERE id = ?1", elector);
  g_assert_cmpstr (status, ==, "pending_deletion");
  new_property = query (fixture, "SELECT property FROM elector WHERE id = ?1", saved_id);
  other_property = query (fixture, "SELECT property FROM elector WHERE number_prefix || number "
                                   "= ?1 AND number_suffix = 0", other_number);
  g_assert_cmpstr (new_property, ==, other_property);
}

/* A new address is typed in the dialog; a bad postcode is shown under its row. */
static void
test_move_to_new_address (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *elector = NULL;
  g_autofree char *street = NULL;
  EdMoveDialog *dialog;
  GtkWidget *kind;
  GtkWidget *postcode;

  elector = query (fixture, "SELECT id FROM elector WHERE property != '' AND status = 'current' "
                            "LIMIT 1", NULL);
  dialog = ed_move_dialog_new (NULL, fixture->context, elector, &fixture->today);
  gtk_window_present (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();

  kind = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Moves to");
  g_assert_nonnull (kind);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), 1);
  gtk_editable_set_text (GTK_EDITABLE (ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                         "House number or name")), "9");
  gtk_editable_set_text (GTK_EDITABLE (ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                         "Street")), "Station Road");
  postcode = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Postcode");
  gtk_editable_set_text (GTK_EDITABLE (postcode), "nonsense");
  g_assert_false (ed_move_dialog_move (dialog));
  g_assert_nonnull (ed_validated_entry_row_get_error (ED_VALIDATED_ENTRY_ROW (postcode)));

  gtk_editable_set_text (GTK_EDITABLE (postcode), "ZY1 9LN");
  g_assert_true (ed_move_dialog_move (dialog));
  ed_gui_test_iterate ();
  street = query (fixture, "SELECT p.street FROM elector AS e JOIN property AS p "
                           "ON p.id = e.property WHERE e.status = 'pending_addition' "
                           "ORDER BY e.rowid DESC LIMIT 1", NULL);
  g_assert_cmpstr (street, ==, "Station Road");
}

int
main (int    argc,
      char **argv)
{
  ed_gui_test_init (&argc, &argv);

  g_test_add ("/ui/move-dialog/from-editor", Fixture, NULL, fixture_setup,
              test_move_from_editor, fixture_teardown);
  g_test_add ("/ui/move-dialog/new-address", Fixture, NULL, fixture_setup,
              test_move_to_new_address, fixture_teardown);

  return g_test_run ();
}
