/* test-elector-editor.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ed-modules.h"
#include <glib/gstdio.h>

#include "demo/ed-demo.h"
#include "register/ed-elector-edit.h"
#include "ui/register/ed-elector-editor.h"
#include "ui/widgets/ed-date-row.h"
#include "ed-gui-test-util.h"
#include "register/ed-register-search.h"

/* The editor on a small demo register, driven as an officer would: by the labelled rows and
 * the Save button. */

typedef struct
{
  char      *dir;
  EdContext *context;
  char      *elector_id;
  GDate      today;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
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

  first = ed_register_list_range (fixture->context, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 1);
  fixture->elector_id = g_strdup (((EdElectorSummary *)g_ptr_array_index (first, 0))->id);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_free (fixture->elector_id);
  ed_gui_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static EdElectorEditor *
open_editor (Fixture    *fixture,
             const char *elector_id,
             const char *property_id)
{
  EdElectorEditor *editor = ed_elector_editor_new (NULL, fixture->context, elector_id,
                                                   property_id);

  ed_elector_editor_set_today (editor, &fixture->today);
  gtk_window_present (GTK_WINDOW (editor));
  ed_gui_test_iterate ();
  return editor;
}

static GtkWidget *
find_row (EdElectorEditor *editor,
          const char      *title)
{
  GtkWidget *row = ed_gui_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static GtkWidget *
find_button (EdElectorEditor *editor,
             const char      *label)
{
  GtkWidget *button = ed_gui_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
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
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* The message shown under a field: a visible row styled as an error. */
static GtkWidget *
find_shown_message (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) && gtk_widget_has_css_class (child, "error") &&
          gtk_widget_get_visible (child))
        return child;
      found = find_shown_message (child);
      if (found != NULL)
        return found;
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
test_amend_surname (Fixture       *fixture,
                    gconstpointer  data)
{
  EdElectorEditor *editor = open_editor (fixture, fixture->elector_id, NULL);
  g_autoptr(GtkWidget) hold = g_object_ref (GTK_WIDGET (editor));
  GtkWidget *surname = find_row (editor, "Surname");
  GtkWidget *save = find_button (editor, "Save");
  g_autofree char *saved_id = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *alteration = NULL;
  g_autofree char *old_surname = g_strdup (gtk_editable_get_text (GTK_EDITABLE (surname)));
  g_autofree char *expected = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Elector");
  g_assert_nonnull (find_button (editor, "Delete…"));
  /* Nothing changed yet: nothing to save. */
  g_assert_false (gtk_widget_get_sensitive (save));

  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved_id);
  gtk_editable_set_text (GTK_EDITABLE (surname), "Quillfeather");
  ed_gui_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_true (ed_elector_editor_has_unsaved_changes (editor));

  g_signal_emit_by_name (save, "clicked");
  ed_gui_test_iterate ();
  g_assert_cmpstr (saved_id, ==, fixture->elector_id);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));

  stored = query (fixture, "SELECT surname FROM elector WHERE id = ?1", fixture->elector_id);
  g_assert_cmpstr (stored, ==, "Quillfeather");
  alteration = query (fixture, "SELECT kind || '|' || detail FROM register_alteration "
                               "WHERE elector = ?1", fixture->elector_id);
  expected = g_strdup_printf ("amendment|Surname: %s → Quillfeather", old_surname);
  g_assert_cmpstr (alteration, ==, expected);
}

/* DOMAIN.md §1.2: M is a Scottish marker, and the demo district is in England. */
static void
test_invalid_field_blocks_save (Fixture       *fixture,
                                 gconstpointer  data)
{
  EdElectorEditor *editor = open_editor (fixture, fixture->elector_id, NULL);
  g_autoptr(GtkWidget) hold = g_object_ref (GTK_WIDGET (editor));
  GtkWidget *surname = find_row (editor, "Surname");
  GtkWidget *save = find_button (editor, "Save");
  GtkWidget *message;
  g_autofree char *stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (surname), "");
  ed_gui_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (surname, "error"));
  message = find_shown_message (GTK_WIDGET (editor));
  g_assert_nonnull (message);
  /* Right under the surname, saying why. */
  g_assert_true (gtk_widget_get_next_sibling (surname) == message);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message)), !=, "");

  /* Ctrl+S and Save do nothing while the form is invalid. */
  g_signal_emit_by_name (save, "clicked");
  ed_gui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  /* Closing with the change unsaved asks first: the window stays. */
  gtk_window_close (GTK_WINDOW (editor));
  ed_gui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  stored = query (fixture, "SELECT surname FROM elector WHERE id = ?1", fixture->elector_id);
  g_assert_cmpstr (stored, !=, "");
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* DOMAIN.md §1.2: the marker is chosen from those valid in the district's country, England
 * here: no marker, F, L and, since 7 May 2024, B; never G, Scotland's M, Wales's letter or the
 * legacy E and K. The choice is saved as its letter. */
static void
test_marker_choices (Fixture       *fixture,
                     gconstpointer  data)
{
  EdElectorEditor *editor = open_editor (fixture, fixture->elector_id, NULL);
  g_autoptr(GtkWidget) hold = g_object_ref (GTK_WIDGET (editor));
  GtkWidget *marker = ed_gui_test_find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW,
                                        "Franchise marker");
  GListModel *choices;
  GString *letters = g_string_new (NULL);
  g_autofree char *stored = NULL;
  g_autofree char *joined = NULL;
  guint peer = G_MAXUINT;

  g_assert_nonnull (marker);
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (marker));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      const char *text = gtk_string_list_get_string (GTK_STRING_LIST (choices), i);

      /* "F — Overseas elector": the letter before the dash, nothing for no marker. */
      if (strstr (text, " — ") != NULL)
        g_string_append_len (letters, text, strstr (text, " — ") - text);
      else
        g_string_append (letters, "-");
      if (g_str_has_prefix (text, "L — "))
        peer = i;
    }
  joined = g_string_free (letters, FALSE);
  g_assert_cmpstr (joined, ==, "-FLB");
  /* Listed in full, not cut to the combo's fixed width. */
  g_assert_nonnull (adw_combo_row_get_list_factory (ADW_COMBO_ROW (marker)));

  adw_combo_row_set_selected (ADW_COMBO_ROW (marker), peer);
  ed_gui_test_iterate ();
  g_signal_emit_by_name (find_button (editor, "Save"), "clicked");
  ed_gui_test_iterate ();
  stored = query (fixture, "SELECT marker FROM elector WHERE id = ?1", fixture->elector_id);
  g_assert_cmpstr (stored, ==, "L");
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* DOMAIN.md §1.1: a new elector at an existing address takes its number and the next
 * suffix, shown before saving. */
static void
test_add_at_address (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdElectorEdit) existing = ed_elector_edit_load (fixture->context,
                                                            fixture->elector_id, NULL);
  EdElectorEditor *editor = NULL;
  g_autoptr(GtkWidget) hold = NULL;
  GtkWidget *number_row;
  GtkWidget *save;
  g_autofree char *expected = NULL;
  g_autofree char *saved_id = NULL;
  g_autofree char *status = NULL;
  EdElectorNumber next;

  g_assert_nonnull (existing);
  g_assert_true (ed_elector_next_number (fixture->context, existing->polling_district,
                                         existing->property, &next, NULL));
  g_assert_cmpuint (next.suffix, >, 0);
  expected = ed_elector_number_format (&next);

  editor = open_editor (fixture, NULL, existing->property);
  hold = g_object_ref (GTK_WIDGET (editor));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Add Elector");
  number_row = ed_gui_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Elector number");
  g_assert_nonnull (number_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (number_row)), ==, expected);

  save = find_button (editor, "Save");
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, "Forenames")), "Robin");
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, "Surname")), "Achterberg");
  ed_gui_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (save));

  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved_id);
  g_signal_emit_by_name (save, "clicked");
  ed_gui_test_iterate ();
  g_assert_nonnull (saved_id);
  status = query (fixture, "SELECT status || '|' || number_prefix || number || '/' || "
                           "number_suffix FROM elector WHERE id = ?1", saved_id);
  {
    g_autofree char *want = g_strdup_printf ("pending_addition|%s", expected);

    g_assert_cmpstr (status, ==, want);
  }
}

/* Dates are typed as people write them (ed_date_parse()), day first, and stored as ISO. */
static void
test_dates_as_people_write_them (Fixture       *fixture,
                                 gconstpointer  data)
{
  EdElectorEditor *editor = open_editor (fixture, fixture->elector_id, NULL);
  g_autoptr(GtkWidget) hold = g_object_ref (GTK_WIDGET (editor));
  GtkWidget *absent_vote = ed_gui_test_find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW,
                                             "Absent vote");
  GtkWidget *ends = find_row (editor, "Absent vote ends");
  GtkWidget *save = find_button (editor, "Save");
  GtkWidget *message;
  g_autofree char *stored = NULL;

  g_assert_nonnull (absent_vote);
  adw_combo_row_set_selected (ADW_COMBO_ROW (absent_vote), 1);   /* Postal */

  /* Not a day April has: said in the words of the date, under the field. */
  gtk_editable_set_text (GTK_EDITABLE (ends), "31/4/2027");
  ed_gui_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (save));
  message = gtk_widget_get_next_sibling (ends);
  g_assert_true (message == find_shown_message (GTK_WIDGET (editor)));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message)),
                            "April 2027 has 30 days"));

  gtk_editable_set_text (GTK_EDITABLE (ends), "1 March 2027");
  ed_gui_test_iterate ();
  g_assert_null (find_shown_message (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  ed_gui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));

  stored = query (fixture, "SELECT absent_vote || '|' || absent_vote_ends FROM elector "
                           "WHERE id = ?1", fixture->elector_id);
  g_assert_cmpstr (stored, ==, "postal|2027-03-01");
}

/* The question @editor asks, not one an earlier test left open over another editor. */
static GtkWindow *
find_question (EdElectorEditor *editor)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (editor))
        return window;
    }
  return NULL;
}

/* Discarding an edit closes the editor from within the question's response: with criticals
 * and warnings fatal (g_test_init ()), any GLib complaint on the way fails the test. */
static void
test_discard_is_quiet (Fixture       *fixture,
                       gconstpointer  data)
{
  EdElectorEditor *editor = open_editor (fixture, fixture->elector_id, NULL);
  g_autoptr(GtkWidget) hold = g_object_ref (GTK_WIDGET (editor));
  GtkWidget *surname = find_row (editor, "Surname");
  GtkWindow *question;
  g_autofree char *stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (surname), "Quillfeather");
  ed_gui_test_iterate ();
  gtk_window_close (GTK_WINDOW (editor));
  ed_gui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  question = find_question (editor);
  g_assert_nonnull (question);
  g_signal_emit_by_name (ed_gui_test_find (GTK_WIDGET (question), GTK_TYPE_BUTTON, "_Discard"),
                         "clicked");
  ed_gui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_null (find_question (editor));

  stored = query (fixture, "SELECT surname FROM elector WHERE id = ?1", fixture->elector_id);
  g_assert_cmpstr (stored, !=, "Quillfeather");
}

/* The editor opens ready to type into its first field. */
static void
test_focus_on_first_field (Fixture       *fixture,
                           gconstpointer  data)
{
  EdElectorEditor *editor = open_editor (fixture, fixture->elector_id, NULL);
  g_autoptr(GtkWidget) hold = g_object_ref (GTK_WIDGET (editor));
  GtkWidget *title = find_row (editor, "Title");
  GtkWidget *focus;

  g_assert_true (ed_gui_test_wait_until_drawable (GTK_WIDGET (editor)));
  ed_gui_test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_nonnull (focus);
  g_assert_true (focus == title || gtk_widget_is_ancestor (focus, title));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The delete question names the elector and makes the officer choose a reason; a refused
 * delete keeps the question open with what was typed. */
static void
test_delete_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  EdElectorEditor *editor = open_editor (fixture, fixture->elector_id, NULL);
  g_autoptr(GtkWidget) hold = g_object_ref (GTK_WIDGET (editor));
  g_autoptr(EdElectorEdit) stored = ed_elector_edit_load (fixture->context, fixture->elector_id,
                                                          NULL);
  GtkWidget *forenames = find_row (editor, "Forenames");
  GtkWindow *question;
  GtkWidget *reasons;
  GtkWidget *other;
  GtkWidget *delete_button;
  g_autofree char *status = NULL;

  g_signal_emit_by_name (find_button (editor, "Delete…"), "clicked");
  ed_gui_test_iterate ();
  question = find_question (editor);
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)),
                            stored->surname));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)),
                            gtk_editable_get_text (GTK_EDITABLE (forenames))));
  /* The reasons are radio buttons, none chosen. */
  reasons = ed_gui_test_find (GTK_WIDGET (question), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (reasons);
  for (GtkWidget *r = reasons; r != NULL; r = gtk_widget_get_next_sibling (r))
    if (GTK_IS_CHECK_BUTTON (r))
      g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (r)));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (question),
                                                          "delete"));

  /* "Other" with no words is not offered; pressed all the same, it is refused and the question
   * stays with the choice made and the words typed. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ed_gui_test_find (GTK_WIDGET (question),
                                                                    GTK_TYPE_CHECK_BUTTON,
                                                                    "Other reason")),
                               TRUE);
  ed_gui_test_iterate ();
  other = ed_gui_test_find (GTK_WIDGET (question), GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (other);
  g_assert_true (gtk_widget_get_visible (other));
  gtk_editable_set_text (GTK_EDITABLE (other), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (question),
                                                          "delete"));
  delete_button = ed_gui_test_find (GTK_WIDGET (question), GTK_TYPE_BUTTON, "_Delete");
  g_assert_nonnull (delete_button);
  g_signal_emit_by_name (delete_button, "clicked");
  ed_gui_test_iterate ();
  question = find_question (editor);
  g_assert_nonnull (question);
  other = ed_gui_test_find (GTK_WIDGET (question), GTK_TYPE_ENTRY, NULL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    ed_gui_test_find (GTK_WIDGET (question), GTK_TYPE_CHECK_BUTTON, "Other reason"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (other)), ==, "   ");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)),
                            "Say why"));
  status = query (fixture, "SELECT status FROM elector WHERE id = ?1", fixture->elector_id);
  g_assert_cmpstr (status, ==, "current");

  gtk_editable_set_text (GTK_EDITABLE (other), "Left the country");
  delete_button = ed_gui_test_find (GTK_WIDGET (question), GTK_TYPE_BUTTON, "_Delete");
  g_signal_emit_by_name (delete_button, "clicked");
  ed_gui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_clear_pointer (&status, g_free);
  status = query (fixture, "SELECT status FROM elector WHERE id = ?1", fixture->elector_id);
  g_assert_cmpstr (status, ==, "pending_deletion");
}

/* The date of birth is an EdDateRow like the other dates (DOMAIN.md §1.2: the entry's dates
 * in Wales and Scotland come from it): one in the future is refused under the field, and a
 * date as people write it is stored as ISO. */
static void
test_date_of_birth (Fixture       *fixture,
                    gconstpointer  data)
{
  EdElectorEditor *editor = open_editor (fixture, fixture->elector_id, NULL);
  g_autoptr(GtkWidget) hold = g_object_ref (GTK_WIDGET (editor));
  GtkWidget *born = find_row (editor, "Date of birth");
  GtkWidget *save = find_button (editor, "Save");
  g_autofree char *stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (born), "1 January 2999");
  ed_gui_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_get_next_sibling (born) == find_shown_message (GTK_WIDGET (editor)));

  gtk_editable_set_text (GTK_EDITABLE (born), "15/6/1990");
  ed_gui_test_iterate ();
  g_assert_null (find_shown_message (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  ed_gui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));

  stored = query (fixture, "SELECT date_of_birth FROM elector WHERE id = ?1",
                  fixture->elector_id);
  g_assert_cmpstr (stored, ==, "1990-06-15");
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
         strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL) ||
        shows_label (child, text))
      return TRUE;
  return FALSE;
}

static guint
check_date_rows (GtkWidget *root)
{
  /* As people type them, in English or Welsh; each read as the same day and shown back as the
   * UK writes it. */
  static const char *const typed[] = {
    "13/05/2027", "13/5/2027", "13 May 2027", "13 may 2027", "13 Mai 2027", "2027-05-13",
  };
  guint rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!ED_IS_DATE_ROW (child))
        {
          rows += check_date_rows (child);
          continue;
        }
      for (gsize i = 0; i < G_N_ELEMENTS (typed); i++)
        {
          g_autofree char *iso = NULL;

          gtk_editable_set_text (GTK_EDITABLE (child), typed[i]);
          iso = ed_date_row_dup_iso (ED_DATE_ROW (child));
          g_assert_cmpstr (iso, ==, "2027-05-13");
          g_assert_true (shows_label (child, "13 May 2027"));
        }
      gtk_editable_set_text (GTK_EDITABLE (child), "");
      rows++;
    }
  return rows;
}

/* Every date row of the editor (attainer date, date of birth, absent vote ends) reads a date
 * as people type it and shows it as the UK writes it. */
static void
test_every_date_row (Fixture       *fixture,
                     gconstpointer  data)
{
  EdElectorEditor *editor = open_editor (fixture, fixture->elector_id, NULL);

  g_assert_cmpuint (check_date_rows (GTK_WIDGET (editor)), ==, 3);
  gtk_window_destroy (GTK_WINDOW (editor));
  ed_gui_test_iterate ();
}

/* Every row of the editor is said once: a row's title already names it, so an accessible label
 * with the same text makes a screen reader say "Surname Surname". */
static guint
check_names_said_once (GtkWidget *root)
{
  guint rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_ROW (child))
        {
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          g_autofree char *differs = NULL;

          if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL))
            {
              differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child),
                                                            GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                            title);
              if (differs == NULL)
                g_error ("the row “%s” is named twice: by its title and its label", title);
            }
          rows++;
        }
      rows += check_names_said_once (child);
    }
  return rows;
}

static void
test_names_said_once (Fixture       *fixture,
                      gconstpointer  data)
{
  EdElectorEditor *editor = open_editor (fixture, fixture->elector_id, NULL);

  g_assert_cmpuint (check_names_said_once (GTK_WIDGET (editor)), >, 10);
  gtk_window_destroy (GTK_WINDOW (editor));
  ed_gui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  ed_gui_test_init (&argc, &argv);

  g_test_add ("/ui/elector-editor/amend-surname", Fixture, NULL, fixture_setup,
              test_amend_surname, fixture_teardown);
  g_test_add ("/ui/elector-editor/invalid-field", Fixture, NULL, fixture_setup,
              test_invalid_field_blocks_save, fixture_teardown);
  g_test_add ("/ui/elector-editor/marker-choices", Fixture, NULL, fixture_setup,
              test_marker_choices, fixture_teardown);
  g_test_add ("/ui/elector-editor/add-at-address", Fixture, NULL, fixture_setup,
              test_add_at_address, fixture_teardown);
  g_test_add ("/ui/elector-editor/dates-as-people-write-them", Fixture, NULL, fixture_setup,
              test_dates_as_people_write_them, fixture_teardown);
  g_test_add ("/ui/elector-editor/discard-is-quiet", Fixture, NULL, fixture_setup,
              test_discard_is_quiet, fixture_teardown);
  g_test_add ("/ui/elector-editor/focus-on-first-field", Fixture, NULL, fixture_setup,
              test_focus_on_first_field, fixture_teardown);
  g_test_add ("/ui/elector-editor/delete-dialog", Fixture, NULL, fixture_setup,
              test_delete_dialog, fixture_teardown);
  g_test_add ("/ui/elector-editor/every-date-row", Fixture, NULL, fixture_setup,
              test_every_date_row, fixture_teardown);
  g_test_add ("/ui/elector-editor/names-said-once", Fixture, NULL, fixture_setup,
              test_names_said_once, fixture_teardown);
  g_test_add ("/ui/elector-editor/date-of-birth", Fixture, NULL, fixture_setup,
              test_date_of_birth, fixture_teardown);

  return g_test_run ();
}
