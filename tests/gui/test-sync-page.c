/* test-sync-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "changes/ed-change-set.h"
#include "changes/ed-conflicts.h"
#include "district/ed-context-private.h"
#include "ed-modules.h"
#include "register/ed-elector-edit.h"
#include "sync/ed-sync-job.h"
#include "sync/ed-sync-share.h"
#include "sync/ed-transport-folder.h"
#include "ui/sync/ed-conflict-dialog.h"
#include "ui/sync/ed-sync-describe.h"
#include "ui/sync/ed-sync-page.h"
#include "ed-gui-test-util.h"

/* The Sync page on a real team of two desks syncing through a folder, desk B's clock twenty
 * minutes fast: a desk that does not sync is told so and offered set-up; a conflict made by
 * both desks editing one elector shows in words with both values, who made each and when;
 * resolving it by choosing a value, or by typing one after a value that cannot be kept,
 * clears it; desk B's clock is flagged. */

#define PASSPHRASE "correct horse battery staple"
#define FAST_MS (20 * 60 * 1000)

typedef struct
{
  char      *dir;
  char      *share;
  EdContext *a;
  EdContext *b;
  char      *elector;
  GtkWindow *window;
  EdSyncPage *page;
} Fixture;

static gint64
fast_clock (gpointer user_data)
{
  return g_get_real_time () / 1000 + FAST_MS;
}

static void
set_value (EdContext  *context,
           const char *id,
           const char *column,
           GVariant   *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, "elector", id, column, value, &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

static void
sync_ok (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  EdSyncReport report;

  g_assert_true (ed_sync_run_now (context, &report, NULL, &error));
  g_assert_no_error (error);
}

static char *
query (EdContext  *context,
       const char *sql,
       const char *param)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context), sql,
                                                      NULL);
  char *text = NULL;

  g_assert_nonnull (stmt);
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  return text;
}

static void
show_page (Fixture   *fixture,
           EdContext *context)
{
  fixture->window = GTK_WINDOW (adw_window_new ());
  fixture->page = g_object_new (ED_TYPE_SYNC_PAGE, "title", "Sync", NULL);
  gtk_window_set_default_size (fixture->window, 1024, 700);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  ed_module_page_set_context (ED_MODULE_PAGE (fixture->page), context);
  gtk_window_present (fixture->window);
  ed_gui_test_iterate ();
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path_b = NULL;

  fixture->dir = g_dir_make_tmp ("ed-gui-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->share = g_build_filename (fixture->dir, "share", NULL);
  g_assert_cmpint (g_mkdir (fixture->share, 0700), ==, 0);
  {
    g_autofree char *path_a = g_build_filename (fixture->dir, "a.db", NULL);

    fixture->a = ed_gui_test_demo_open (path_a, 60);
  }
  path_b = g_build_filename (fixture->dir, "b.db", NULL);
  fixture->b = _ed_context_open_full (path_b, ed_modules_get_all (), NULL,
                                      fast_clock, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Desk A makes a team on the folder, desk B joins, both sync; then both change the first
 * elector's surname, and its open register choice, without seeing each other's change. */
static void
make_conflicts (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTransport) transport = ed_transport_folder_new (fixture->share);
  EdShareSettings settings = { ED_SHARE_FOLDER, fixture->share, NULL, NULL };

  g_assert_true (ed_sync_create_team (fixture->a, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_share_settings_save (fixture->a, &settings, &error));
  g_assert_no_error (error);
  g_assert_true (ed_sync_join (fixture->b, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_share_settings_save (fixture->b, &settings, &error));
  g_assert_no_error (error);
  sync_ok (fixture->a);
  sync_ok (fixture->b);

  fixture->elector = query (fixture->a, "SELECT id FROM elector WHERE open_register_opt_out = 0 "
                                        "ORDER BY number_prefix, number LIMIT 1", NULL);
  set_value (fixture->a, fixture->elector, "surname", g_variant_new_string ("Alderton"));
  set_value (fixture->b, fixture->elector, "surname", g_variant_new_string ("Bellingham"));
  set_value (fixture->a, fixture->elector, "open_register_opt_out",
             g_variant_new_boolean (TRUE));
  /* A change back to the value it had is still a change, made unseen by A. */
  set_value (fixture->b, fixture->elector, "open_register_opt_out",
             g_variant_new_boolean (TRUE));
  set_value (fixture->b, fixture->elector, "open_register_opt_out",
             g_variant_new_boolean (FALSE));
  sync_ok (fixture->b);
  sync_ok (fixture->a);
  sync_ok (fixture->b);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  ed_gui_test_iterate ();
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  ed_gui_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->share);
  g_free (fixture->elector);
}

/* The group's own list of the page's rows; the group keeps a list of its own too, hidden
 * while it has no rows, which the page does not use. */
static GtkListBox *
find_page_list (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found;

      if (GTK_IS_LIST_BOX (child) && gtk_widget_get_visible (child))
        return GTK_LIST_BOX (child);
      found = find_page_list (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkListBox *
group_list (Fixture    *fixture,
            const char *title)
{
  GtkWidget *group = NULL;

  /* Groups by title: AdwPreferencesGroup is not a row, so look at each. */
  {
    GtkWidget *page = ed_gui_test_find (GTK_WIDGET (fixture->page), ADW_TYPE_PREFERENCES_PAGE,
                                        NULL);
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, page);
    while (stack->len > 0 && group == NULL)
      {
        GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

        if (ADW_IS_PREFERENCES_GROUP (widget) &&
            g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)),
                       title) == 0)
          group = widget;
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
             child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (stack, child);
      }
    g_ptr_array_unref (stack);
  }
  g_assert_nonnull (group);
  return find_page_list (group);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int)n) != NULL)
    n++;
  return n;
}

static AdwActionRow *
row_with_title (GtkListBox *list,
                const char *title)
{
  for (guint i = 0; i < n_rows (list); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int)i);

      if (ADW_IS_ACTION_ROW (row) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return ADW_ACTION_ROW (row);
    }
  return NULL;
}

static EdConflictDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ED_IS_CONFLICT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ED_CONFLICT_DIALOG (window);
    }
  return NULL;
}

static char *
elector_title (Fixture    *fixture,
               const char *field)
{
  g_autoptr(EdElectorEdit) elector = ed_elector_edit_load (fixture->a, fixture->elector, NULL);
  g_autofree char *number = ed_elector_number_format (&elector->number);

  return g_strdup_printf ("%s of %s %s (%s)", field, elector->forenames, elector->surname,
                          number);
}

static EdConflictDialog *
open_dialog (Fixture    *fixture,
             const char *field)
{
  g_autofree char *title = elector_title (fixture, field);
  AdwActionRow *row = row_with_title (group_list (fixture, "Conflicts"), title);
  GtkWidget *button;
  EdConflictDialog *dialog;

  g_assert_nonnull (row);
  button = ed_gui_test_find (GTK_WIDGET (row), GTK_TYPE_BUTTON, "Resolve…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ed_gui_test_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static void
click_resolve (EdConflictDialog *dialog)
{
  GtkWidget *button = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Resolve");

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ed_gui_test_iterate ();
}

static void
test_not_set_up (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *stack;
  GtkWidget *button;

  show_page (fixture, fixture->a);
  stack = ed_gui_test_find (GTK_WIDGET (fixture->page), GTK_TYPE_STACK, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "not-set-up");
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (stack))));
  button = ed_gui_test_find (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "Set Up Sync…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "win.sync-set-up");
}

static void
test_conflict_shown (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *title = NULL;
  GtkListBox *list;
  AdwActionRow *row;
  const char *subtitle;
  GtkWidget *stack;
  GtkWidget *sync_now;

  make_conflicts (fixture);
  show_page (fixture, fixture->a);
  stack = ed_gui_test_find (GTK_WIDGET (fixture->page), GTK_TYPE_STACK, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "status");

  /* The share and the last sync. */
  row = ADW_ACTION_ROW (ed_gui_test_find (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW,
                                          "Shared folder"));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, fixture->share);
  row = ADW_ACTION_ROW (ed_gui_test_find (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW,
                                          "Last sync"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Received 3 changes"));
  sync_now = ed_gui_test_find (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "Sync Now");
  g_assert_nonnull (sync_now);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (sync_now)), ==,
                   "win.sync-now");

  /* Two conflicts, in words: the field's name and the elector's name and number, with both
   * values and who made each. */
  list = group_list (fixture, "Conflicts");
  g_assert_cmpuint (n_rows (list), ==, 2);
  title = elector_title (fixture, "Surname");
  row = row_with_title (list, title);
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (row);
  g_assert_nonnull (strstr (subtitle, "“Alderton”"));
  g_assert_nonnull (strstr (subtitle, "“Bellingham”"));
  g_assert_nonnull (strstr (subtitle, "just now"));
  /* B's clock is fast, so its value is the one shown for now, and said to be. */
  g_assert_nonnull (strstr (subtitle, "“Bellingham” — "));
  g_assert_nonnull (g_strrstr (subtitle, "(shown until decided)"));
  g_assert_true (strstr (subtitle, "(shown until decided)") ==
                 g_strrstr (subtitle, "(shown until decided)"));
  g_assert_true (strstr (subtitle, "(shown until decided)") > strstr (subtitle, "“Bellingham”"));
  g_assert_null (strstr (subtitle, "elector"));
  g_free (title);
  title = elector_title (fixture, "Open register opt-out");
  g_assert_nonnull (row_with_title (list, title));

  /* The other groups say briefly that they are empty. */
  g_assert_cmpuint (n_rows (group_list (fixture, "Files Not Applied")), ==, 0);
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL,
                                      "Every file on the share was applied."));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL,
                                      "No integrity alarms."));
}

static void
test_skew_flagged (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkListBox *desks;
  GtkWidget *warning = NULL;
  GtkWidget *row_a = NULL;
  g_autofree char *own_title = g_strdup_printf ("%s@%s (this desk)", g_get_user_name (),
                                                g_get_host_name ());

  make_conflicts (fixture);
  show_page (fixture, fixture->a);
  desks = group_list (fixture, "Desks");
  g_assert_cmpuint (n_rows (desks), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (desks, (int)i));
      GtkWidget *label = ed_gui_test_find_with_class (row, GTK_TYPE_LABEL, "warning");

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                     own_title) == 0)
        {
          row_a = row;
          g_assert_null (label);
        }
      else
        warning = label;
    }
  g_assert_nonnull (row_a);
  /* Twenty minutes fast, less the moments between B's edit and A's sync. */
  g_assert_nonnull (warning);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (warning)), "Clock "));
  g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (warning)), "minutes fast"));
}

static void
test_resolve_by_choosing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *surname = NULL;
  EdConflictDialog *dialog;
  GtkWidget *choice;
  GtkWidget *check;

  make_conflicts (fixture);
  show_page (fixture, fixture->a);
  dialog = open_dialog (fixture, "Surname");
  choice = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "“Alderton”");
  g_assert_nonnull (choice);
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "“Bellingham”"));
  check = ed_gui_test_find (choice, GTK_TYPE_CHECK_BUTTON, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  click_resolve (dialog);

  g_assert_null (find_dialog ());
  g_assert_cmpuint (n_rows (group_list (fixture, "Conflicts")), ==, 1);
  surname = query (fixture->a, "SELECT surname FROM elector WHERE id = ?1", fixture->elector);
  g_assert_cmpstr (surname, ==, "Alderton");
}

static void
test_resolve_by_typing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *surname = NULL;
  g_autofree char *opted = NULL;
  EdConflictDialog *dialog;
  GtkWidget *entry;
  GtkWidget *error;

  make_conflicts (fixture);
  show_page (fixture, fixture->a);

  /* Nothing chosen: asked to choose. */
  dialog = open_dialog (fixture, "Open register opt-out");
  click_resolve (dialog);
  error = ed_gui_test_find_with_class (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error)), ==, "Choose what to keep.");

  /* A value the field cannot hold: said, and the typed text stays. */
  entry = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Another value");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "perhaps");
  click_resolve (dialog);
  g_assert_true (find_dialog () == dialog);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error)), ==,
                   "“perhaps” is not true or false");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "perhaps");
  g_assert_cmpuint (n_rows (group_list (fixture, "Conflicts")), ==, 2);

  gtk_editable_set_text (GTK_EDITABLE (entry), "yes");
  click_resolve (dialog);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (n_rows (group_list (fixture, "Conflicts")), ==, 1);
  opted = query (fixture->a, "SELECT open_register_opt_out FROM elector WHERE id = ?1",
                 fixture->elector);
  g_assert_cmpstr (opted, ==, "1");

  /* A new surname, neither desk's. */
  dialog = open_dialog (fixture, "Surname");
  entry = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Another value");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Carrington");
  click_resolve (dialog);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (n_rows (group_list (fixture, "Conflicts")), ==, 0);
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL,
                                      "No open conflicts."));
  surname = query (fixture->a, "SELECT surname FROM elector WHERE id = ?1", fixture->elector);
  g_assert_cmpstr (surname, ==, "Carrington");
}

/* SYNC.md §5 criterion 8: an elector deleted on desk A and changed on desk B stays, flagged,
 * until a person decides; keeping it clears the conflict and keeps B's change. */
static void
test_resolve_delete_by_keeping (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTransport) transport = ed_transport_folder_new (fixture->share);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *title = NULL;
  g_autofree char *surname = NULL;
  EdShareSettings settings = { ED_SHARE_FOLDER, fixture->share, NULL, NULL };
  EdConflictDialog *dialog;
  GtkWidget *keep;
  GtkWidget *button;

  g_assert_true (ed_sync_create_team (fixture->a, transport, PASSPHRASE, NULL, &error));
  g_assert_true (ed_share_settings_save (fixture->a, &settings, &error));
  g_assert_true (ed_sync_join (fixture->b, transport, PASSPHRASE, NULL, &error));
  g_assert_true (ed_share_settings_save (fixture->b, &settings, &error));
  g_assert_no_error (error);
  sync_ok (fixture->a);
  sync_ok (fixture->b);
  fixture->elector = query (fixture->a, "SELECT id FROM elector ORDER BY number_prefix, number "
                                        "LIMIT 1", NULL);
  change_set = ed_change_set_begin (ED_REPLICA (fixture->a), &error);
  g_assert_true (ed_change_set_delete (change_set, "elector", fixture->elector, &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
  set_value (fixture->b, fixture->elector, "surname", g_variant_new_string ("Bellingham"));
  sync_ok (fixture->a);
  sync_ok (fixture->b);
  sync_ok (fixture->a);

  show_page (fixture, fixture->a);
  {
    g_autoptr(EdElectorEdit) elector = ed_elector_edit_load (fixture->a, fixture->elector, NULL);
    g_autofree char *number = ed_elector_number_format (&elector->number);

    g_assert_nonnull (elector);
    title = g_strdup_printf ("%s %s (%s): deleted on one desk, changed on another",
                             elector->forenames, elector->surname, number);
  }
  g_assert_cmpuint (n_rows (group_list (fixture, "Conflicts")), ==, 1);
  button = ed_gui_test_find (GTK_WIDGET (row_with_title (group_list (fixture, "Conflicts"),
                                                         title)),
                             GTK_TYPE_BUTTON, "Resolve…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ed_gui_test_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                      "Delete the record"));
  g_assert_null (ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL));
  keep = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                           "Keep the record, with the change");
  g_assert_nonnull (keep);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ed_gui_test_find (keep, GTK_TYPE_CHECK_BUTTON,
                                                                   NULL)), TRUE);
  click_resolve (dialog);

  g_assert_null (find_dialog ());
  g_assert_cmpuint (n_rows (group_list (fixture, "Conflicts")), ==, 0);
  surname = query (fixture->a, "SELECT surname FROM elector WHERE id = ?1", fixture->elector);
  g_assert_cmpstr (surname, ==, "Bellingham");
}

/* A desk that asked to join has Approve…, which names it and carries its device id to the
 * window's action. */
static void
test_requested_desk (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTransport) transport = ed_transport_folder_new (fixture->share);
  EdShareSettings settings = { ED_SHARE_FOLDER, fixture->share, NULL, NULL };
  GtkListBox *desks;
  GtkWidget *approve = NULL;
  GVariant *target;

  g_assert_true (ed_sync_create_team (fixture->a, transport, PASSPHRASE, NULL, &error));
  g_assert_true (ed_share_settings_save (fixture->a, &settings, &error));
  g_assert_true (ed_sync_request_join (fixture->b, transport, NULL, &error));
  g_assert_no_error (error);
  sync_ok (fixture->a);

  show_page (fixture, fixture->a);
  desks = group_list (fixture, "Desks");
  g_assert_cmpuint (n_rows (desks), ==, 2);
  for (guint i = 0; i < 2 && approve == NULL; i++)
    approve = ed_gui_test_find (GTK_WIDGET (gtk_list_box_get_row_at_index (desks, (int)i)),
                                GTK_TYPE_BUTTON, "Approve…");
  g_assert_nonnull (approve);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
    gtk_widget_get_ancestor (approve, ADW_TYPE_ACTION_ROW))), "Asks to join"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (approve)), ==,
                   "win.sync-approve");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (approve));
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==,
                   ed_context_get_device_id (fixture->b));
}

/* Times roughly, fields and values in people's words, never a raw id. */
static void
test_describe (void)
{
  const gint64 now = 1796212800000;   /* 2026-12-01 12:00 UTC */
  const gint64 minute = 60 * 1000;
  EdConflictHead head = { "d:1", "d", "jane", 0, ED_OP_SET, (char *)"\"Line 1\\nLine 2\"" };
  struct
  {
    gint64      ms;
    const char *text;
  } times[] = {
    { 0, "never" },
    { now - 30 * 1000, "just now" },
    { now - minute, "1 minute ago" },
    { now - 59 * minute, "59 minutes ago" },
    { now - 2 * 60 * minute, "2 hours ago" },
  };
  g_autofree char *older = NULL;
  g_autoptr(GDateTime) then = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *text = ed_sync_describe_when (times[i].ms, now);

      g_assert_cmpstr (text, ==, times[i].text);
    }
  /* Older than a day, or ahead of this desk's clock: the date and time. */
  older = ed_sync_describe_when (now - 3 * 24 * 60 * minute, now);
  then = g_date_time_new_from_unix_local ((now - 3 * 24 * 60 * minute) / 1000);
  expected = g_date_time_format (then, "%-d %b %Y, %H:%M");
  g_assert_cmpstr (older, ==, expected);

  {
    g_autofree char *surname = ed_sync_describe_field ("elector", "surname");
    g_autofree char *council = ed_sync_describe_field ("district", "council_name");
    g_autofree char *unknown = ed_sync_describe_field ("polling_district", "polling_place");
    g_autofree char *value = ed_sync_describe_value (&head);
    g_autofree char *deleted = NULL;
    g_autofree char *desk = ed_sync_describe_desk ("1a2b3c4d5e6f", "jane", NULL);

    g_assert_cmpstr (surname, ==, "Surname");
    g_assert_cmpstr (council, ==, "Council name");
    g_assert_cmpstr (unknown, ==, "Polling place");
    /* One line, in quotes. */
    g_assert_cmpstr (value, ==, "“Line 1, Line 2”");
    head.kind = ED_OP_DEL;
    head.value_json = NULL;
    deleted = ed_sync_describe_value (&head);
    g_assert_cmpstr (deleted, ==, "Deleted");
    g_assert_cmpstr (desk, ==, "jane on desk 1a2b3c4d");
  }
}

int
main (int    argc,
      char **argv)
{
  ed_gui_test_init (&argc, &argv);
  g_setenv ("ED_SYNC_PWHASH_FAST", "1", TRUE);

  g_test_add_func ("/ui/sync-page/describe", test_describe);
  g_test_add ("/ui/sync-page/not-set-up", Fixture, NULL, fixture_setup, test_not_set_up,
              fixture_teardown);
  g_test_add ("/ui/sync-page/conflict-shown", Fixture, NULL, fixture_setup,
              test_conflict_shown, fixture_teardown);
  g_test_add ("/ui/sync-page/skew-flagged", Fixture, NULL, fixture_setup, test_skew_flagged,
              fixture_teardown);
  g_test_add ("/ui/sync-page/resolve-by-choosing", Fixture, NULL, fixture_setup,
              test_resolve_by_choosing, fixture_teardown);
  g_test_add ("/ui/sync-page/resolve-by-typing", Fixture, NULL, fixture_setup,
              test_resolve_by_typing, fixture_teardown);

  g_test_add ("/ui/sync-page/requested-desk", Fixture, NULL, fixture_setup,
              test_requested_desk, fixture_teardown);
  g_test_add ("/ui/sync-page/resolve-delete-by-keeping", Fixture, NULL, fixture_setup,
              test_resolve_delete_by_keeping, fixture_teardown);

  return g_test_run ();
}
