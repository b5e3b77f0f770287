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
#include "ui/widgets/ed-screenful-model.h"
#include "ui/widgets/ed-text-cell.h"
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

/* A text cell is what a screen reader says (once the main loop is idle, so a frame that binds
 * a thousand cells does not wait for their labels), and its size never depends on its text: a
 * list can bind it without measuring again. */
static void
test_text_cell (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cell = ed_text_cell_new ();
  GtkWidget *reference = gtk_label_new ("Ag");
  int short_min, short_nat, long_min, long_nat, label_height;

  gtk_box_append (GTK_BOX (box), cell);
  gtk_box_append (GTK_BOX (box), reference);
  gtk_window_set_child (window, box);
  gtk_window_present (window);
  ed_gui_test_iterate ();

  ed_text_cell_set_text (ED_TEXT_CELL (cell), "AA1");
  g_assert_cmpstr (ed_text_cell_get_text (ED_TEXT_CELL (cell)), ==, "AA1");
  ed_gui_test_iterate ();
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "AA1");
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &short_min, &short_nat, NULL, NULL);

  ed_text_cell_set_text (ED_TEXT_CELL (cell), "Mrs Harriet Louise Achterberg-Winterbottom");
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &long_min, &long_nat, NULL, NULL);
  g_assert_cmpint (long_min, ==, short_min);
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &long_min, &long_nat, NULL, NULL);
  g_assert_cmpint (long_nat, ==, 0);

  /* One line of the font, as tall as a label's line give or take the fonts' spacing. */
  gtk_widget_measure (reference, GTK_ORIENTATION_VERTICAL, -1, &label_height, NULL, NULL, NULL);
  g_assert_cmpint (short_min, >=, label_height - 2);
  g_assert_cmpint (short_min, <=, label_height + 6);

  /* An empty cell is silent: no label at all, not an empty one. */
  ed_text_cell_set_text (ED_TEXT_CELL (cell), "");
  ed_gui_test_iterate ();
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (cell),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  ed_text_cell_set_text (ED_TEXT_CELL (cell), "F");
  ed_gui_test_iterate ();
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "F");
  g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (cell),
                                                 GTK_ACCESSIBLE_STATE_HIDDEN));

  ed_text_cell_set_text (ED_TEXT_CELL (cell), NULL);
  g_assert_null (ed_text_cell_get_text (ED_TEXT_CELL (cell)));
  ed_gui_test_iterate ();
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (cell),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_window_destroy (window);
}

static void
setup_named_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  gtk_list_item_set_child (item, ed_text_cell_new ());
}

static void
bind_named_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  g_autofree char *label = g_strdup_printf ("AB%s Carter, Ann",
                                            gtk_string_object_get_string (string));
  EdTextCell *cell = ED_TEXT_CELL (gtk_list_item_get_child (item));

  ed_text_cell_set_text (cell, gtk_string_object_get_string (string));
  ed_text_cell_set_row_label (cell, label);
}

/* A cell too narrow for its text shows the whole of it in a tooltip, once asked to; a text
 * that fits, an empty cell, or a cell not asked, shows none. */
static void
test_text_cell_tooltip_when_cut (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cell = ed_text_cell_new ();
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = TRUE;

  gtk_widget_set_size_request (cell, 60, -1);
  gtk_widget_set_halign (cell, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), cell);
  gtk_window_set_child (window, box);
  gtk_window_present (window);
  ed_text_cell_set_text (ED_TEXT_CELL (cell), "Ashmere Vale District Council");
  ed_gui_test_iterate ();
  g_assert_cmpint (gtk_widget_get_width (cell), ==, 60);

  g_signal_emit_by_name (cell, "query-tooltip", 10, 5, FALSE, tooltip, &shown);
  g_assert_false (shown);
  ed_text_cell_set_tooltip_when_cut (ED_TEXT_CELL (cell), TRUE);
  g_assert_true (gtk_widget_get_has_tooltip (cell));
  g_signal_emit_by_name (cell, "query-tooltip", 10, 5, FALSE, tooltip, &shown);
  g_assert_true (shown);

  ed_text_cell_set_text (ED_TEXT_CELL (cell), "PCC");
  g_signal_emit_by_name (cell, "query-tooltip", 10, 5, FALSE, tooltip, &shown);
  g_assert_false (shown);
  ed_text_cell_set_text (ED_TEXT_CELL (cell), "");
  g_signal_emit_by_name (cell, "query-tooltip", 10, 5, FALSE, tooltip, &shown);
  g_assert_false (shown);
  gtk_window_destroy (window);
}

/* The rows of a column view are the view's own widgets: a cell names the row it is in, so a
 * screen reader says "AB1 Carter, Ann" for the row, once, and no row is left nameless. */
static void
test_text_cell_names_row (void)
{
  const char *const numbers[] = { "1", "2", "3", NULL };
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GtkStringList) strings = gtk_string_list_new (numbers);
  GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (strings)));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  guint named = 0;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_named_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_named_cell_cb), NULL);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (view),
                                 gtk_column_view_column_new ("Number", factory));
  gtk_window_set_child (window, view);
  gtk_window_set_default_size (window, 300, 300);
  gtk_window_present (window);
  ed_gui_test_iterate ();

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* The view's list of rows, after its header. */
      for (GtkWidget *row = gtk_widget_get_first_child (child); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *cell;
          g_autofree char *expected = NULL;

          if (g_strcmp0 (gtk_widget_get_css_name (row), "row") != 0 ||
              !gtk_widget_get_visible (row))
            continue;
          cell = gtk_widget_get_first_child (row);
          while (cell != NULL && !ED_IS_TEXT_CELL (cell))
            cell = gtk_widget_get_first_child (cell);
          if (cell == NULL)
            continue;
          expected = g_strdup_printf ("AB%s Carter, Ann",
                                      ed_text_cell_get_text (ED_TEXT_CELL (cell)));
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
          named++;
        }
    }
  g_assert_cmpuint (named, ==, 3);
  gtk_window_destroy (window);
}

static GtkWidget *
text_list_view (GtkSingleSelection *selection)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  return gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (selection)), factory);
}

static GListModel *
numbers (guint n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      gtk_string_list_append (list, text);
    }
  return G_LIST_MODEL (list);
}

/* A long model reaches the view as a screenful first and whole on a later frame, with the
 * same items at the same positions; a short one at once; a model given before the first is
 * whole replaces it for good. */
static void
test_screenful (void)
{
  GtkSingleSelection *selection = gtk_single_selection_new (NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = text_list_view (selection);
  g_autoptr(GListModel) big = numbers (5000);
  g_autoptr(GListModel) other = numbers (3000);
  g_autoptr(GListModel) small = numbers (10);
  guint n;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (window, scrolled);
  gtk_window_set_default_size (window, 400, 600);
  gtk_window_present (window);
  ed_gui_test_iterate ();

  ed_screenful_set_model (view, selection, big);
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 5000);
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (selection), 7) ==
                 g_list_model_get_item (big, 7));
  g_object_unref (g_list_model_get_item (big, 7));
  g_object_unref (g_list_model_get_item (big, 7));
  g_assert_true (ed_gui_test_wait_for_items (G_LIST_MODEL (selection), 5000));

  ed_screenful_set_model (view, selection, small);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 10);

  ed_screenful_set_model (view, selection, big);
  ed_screenful_set_model (view, selection, other);
  g_assert_true (ed_gui_test_wait_for_items (G_LIST_MODEL (selection), 3000));
  for (guint i = 0; i < 20; i++)
    ed_gui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3000);

  ed_screenful_set_model (view, selection, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);
  gtk_window_destroy (window);
  g_object_unref (selection);
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
  g_test_add_func ("/ui/widgets/text-cell/label-and-size", test_text_cell);
  g_test_add_func ("/ui/widgets/text-cell/names-row", test_text_cell_names_row);
  g_test_add_func ("/ui/widgets/text-cell/tooltip-when-cut", test_text_cell_tooltip_when_cut);
  g_test_add_func ("/ui/widgets/screenful/first-then-whole", test_screenful);
  return g_test_run ();
}
