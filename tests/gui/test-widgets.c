/* test-widgets.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The shared form rows (src/ui/widgets): a field's error shown under its row, in the error
 * style and as its accessible description; and a date row that reads the people's grammar
 * and shows the date back. */

#include "config.h"

#include <string.h>

#include "core/ed-value-error.h"
#include "ed-gui-test-util.h"
#include "ui/widgets/ed-date-row.h"
#include "ui/widgets/ed-field-error.h"
#include "ui/widgets/ed-validated-entry-row.h"

typedef struct
{
  GtkWindow           *window;
  AdwPreferencesGroup *group;
  AdwPreferencesGroup *other_group;
  GtkWidget           *row;       /* an EdValidatedEntryRow, between two plain rows */
  GtkWidget           *before;
  GtkWidget           *after;
} Fixture;

static GtkWidget *
plain_row (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *page = adw_preferences_page_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  fixture->other_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  fixture->before = plain_row ("Before");
  fixture->row = ed_validated_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fixture->row), "Surname");
  fixture->after = plain_row ("After");
  adw_preferences_group_add (fixture->group, fixture->before);
  adw_preferences_group_add (fixture->group, fixture->row);
  adw_preferences_group_add (fixture->group, fixture->after);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), fixture->group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), fixture->other_group);
  gtk_window_set_child (fixture->window, page);
  gtk_window_present (fixture->window);
  ed_gui_test_iterate ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  ed_gui_test_iterate ();
}

/* The row right under @row in its list, if it is a shown error message. */
static GtkWidget *
shown_message (GtkWidget *row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  if (next == NULL || !ADW_IS_ACTION_ROW (next) || !gtk_widget_has_css_class (next, "error") ||
      !gtk_widget_get_visible (next))
    return NULL;
  return next;
}

static void
assert_shows_error (GtkWidget  *row,
                    const char *message)
{
  GtkWidget *message_row = shown_message (row);

  g_assert_nonnull (message_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message_row)), ==,
                   message);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       message);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
}

static void
assert_shows_no_error (GtkWidget *row)
{
  g_assert_null (shown_message (row));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (row),
                                                 GTK_ACCESSIBLE_STATE_INVALID));
}

static void
test_error_under_row (Fixture       *fixture,
                      gconstpointer  data)
{
  EdValidatedEntryRow *row = ED_VALIDATED_ENTRY_ROW (fixture->row);
  GtkWidget *message;

  assert_shows_no_error (fixture->row);
  g_assert_null (ed_validated_entry_row_get_error (row));

  ed_validated_entry_row_set_error (row, "Give the elector’s surname.");
  assert_shows_error (fixture->row, "Give the elector’s surname.");
  g_assert_cmpstr (ed_validated_entry_row_get_error (row), ==, "Give the elector’s surname.");
  message = shown_message (fixture->row);
  /* Between the field and the row after it, and never in the way of the keyboard. */
  g_assert_true (gtk_widget_get_next_sibling (message) == fixture->after);
  g_assert_false (gtk_widget_get_can_focus (message));

  /* A new message replaces the old, in the same place. */
  g_object_set (row, "error", "Too long.", NULL);
  assert_shows_error (fixture->row, "Too long.");
  g_assert_true (shown_message (fixture->row) == message);

  ed_validated_entry_row_set_error (row, NULL);
  assert_shows_no_error (fixture->row);
  g_assert_false (gtk_widget_get_visible (message));

  /* An empty message is no error. */
  ed_validated_entry_row_set_error (row, "");
  assert_shows_no_error (fixture->row);
  g_assert_null (ed_validated_entry_row_get_error (row));
}

/* A hidden field has nothing to say; shown again, it says it. */
static void
test_error_follows_visibility (Fixture       *fixture,
                               gconstpointer  data)
{
  ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (fixture->row), "Not a postcode.");
  assert_shows_error (fixture->row, "Not a postcode.");

  gtk_widget_set_visible (fixture->row, FALSE);
  g_assert_null (shown_message (fixture->row));
  gtk_widget_set_visible (fixture->row, TRUE);
  assert_shows_error (fixture->row, "Not a postcode.");
}

/* An error given before the row is in a list shows once it is; a row moved to another list
 * takes its error with it, and leaves nothing shown behind. */
static void
test_error_before_placing_and_moving (Fixture       *fixture,
                                      gconstpointer  data)
{
  GtkWidget *row = ed_validated_entry_row_new ();
  GtkWidget *left_behind;

  g_object_ref_sink (row);
  ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (row), "Not a date.");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  adw_preferences_group_add (fixture->group, row);
  ed_gui_test_iterate ();
  assert_shows_error (row, "Not a date.");

  left_behind = shown_message (row);
  adw_preferences_group_remove (fixture->group, row);
  g_assert_false (gtk_widget_get_visible (left_behind));
  adw_preferences_group_add (fixture->other_group, row);
  ed_gui_test_iterate ();
  assert_shows_error (row, "Not a date.");
  g_assert_true (gtk_widget_get_parent (shown_message (row)) == gtk_widget_get_parent (row));
  g_assert_false (gtk_widget_get_visible (left_behind));
  g_object_unref (row);
}

/* Other rows (a combo row) show an error the same way. */
static void
test_error_on_other_rows (Fixture       *fixture,
                          gconstpointer  data)
{
  ed_field_error_show (fixture->before, "Choose a polling district.");
  assert_shows_error (fixture->before, "Choose a polling district.");
  g_assert_cmpstr (ed_field_error_get (fixture->before), ==, "Choose a polling district.");
  g_assert_true (gtk_widget_get_next_sibling (shown_message (fixture->before)) == fixture->row);
  ed_field_error_show (fixture->before, NULL);
  assert_shows_no_error (fixture->before);
  g_assert_null (ed_field_error_get (fixture->before));
}

static void
test_date_row (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *row = ed_date_row_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  GtkWidget *shown;
  GDate date;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Attainer date");
  adw_preferences_group_add (fixture->other_group, row);

  /* Empty: no date, and no date shown. */
  g_assert_false (ed_date_row_get_date (ED_DATE_ROW (row), &date, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (ed_date_row_dup_iso (ED_DATE_ROW (row)));

  /* Day first, and shown back in full. */
  gtk_editable_set_text (GTK_EDITABLE (row), "13/5/2026");
  g_assert_true (ed_date_row_get_date (ED_DATE_ROW (row), &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_month (&date), ==, G_DATE_MAY);
  iso = ed_date_row_dup_iso (ED_DATE_ROW (row));
  g_assert_cmpstr (iso, ==, "2026-05-13");
  shown = ed_gui_test_find (row, GTK_TYPE_LABEL, "Wednesday 13 May 2026");
  g_assert_nonnull (shown);
  g_assert_true (gtk_widget_get_visible (shown));
  g_assert_true (gtk_widget_is_ancestor (shown, row));

  gtk_editable_set_text (GTK_EDITABLE (row), "1 Sept 2026");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shown)), ==, "Tuesday 1 September 2026");
  g_assert_true (gtk_widget_is_ancestor (shown, row));

  /* Not a day April has: nothing shown, and the reason to give. */
  gtk_editable_set_text (GTK_EDITABLE (row), "31/4/2026");
  g_assert_false (ed_date_row_get_date (ED_DATE_ROW (row), NULL, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "April 2026 has 30 days"));
  g_assert_false (gtk_widget_is_ancestor (shown, row));
  g_assert_null (ed_date_row_dup_iso (ED_DATE_ROW (row)));
  gtk_editable_set_text (GTK_EDITABLE (row), "13 May 2026");
  g_assert_true (gtk_widget_is_ancestor (shown, row));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_assert_false (gtk_widget_is_ancestor (shown, row));
  gtk_editable_set_text (GTK_EDITABLE (row), "31/4/2026");

  /* It shows that reason as any validated row does. */
  ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (row), error->message);
  ed_gui_test_iterate ();
  assert_shows_error (row, error->message);
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  g_test_add ("/ui/widgets/validated-entry-row/error-under-row", Fixture, NULL,
              fixture_setup, test_error_under_row, fixture_teardown);
  g_test_add ("/ui/widgets/validated-entry-row/error-follows-visibility", Fixture, NULL,
              fixture_setup, test_error_follows_visibility, fixture_teardown);
  g_test_add ("/ui/widgets/validated-entry-row/error-before-placing-and-moving", Fixture, NULL,
              fixture_setup, test_error_before_placing_and_moving, fixture_teardown);
  g_test_add ("/ui/widgets/field-error/other-rows", Fixture, NULL, fixture_setup,
              test_error_on_other_rows, fixture_teardown);
  g_test_add ("/ui/widgets/date-row/reads-and-shows", Fixture, NULL, fixture_setup,
              test_date_row, fixture_teardown);
  return g_test_run ();
}
