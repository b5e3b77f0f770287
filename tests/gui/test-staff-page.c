/* test-staff-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Staff page's People view and the person's form (issue 16, item 7), driven as an officer
 * would: the search, the role, the election chosen, the rows and the form's fields and
 * buttons. Most tests take the demo's own staff away and add a few made-up people through the
 * store, so that what the list shows is known; one looks at the demo's staff as they come.
 * Tests run with ED_TODAY=2030-01-02. */

#include "config.h"

#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "elections/ed-election.h"
#include "staff/ed-staff-person.h"
#include "ui/elections/ed-election-chooser.h"
#include "ui/staff/ed-payroll-view.h"
#include "ui/staff/ed-person-editor.h"
#include "ui/staff/ed-staff-import-dialog.h"
#include "ui/staff/ed-staff-board.h"
#include "ui/staff/ed-staff-page.h"
#include "ui/staff/ed-staff-person-item.h"
#include "ui/staff/ed-staff-removal-dialog.h"
#include "ui/staff/ed-training-dialog.h"
#include "ui/widgets/ed-field-error.h"
#include "ui/widgets/ed-text-cell.h"
#include "ed-gui-test-util.h"
#include "ed-test-demo.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-register.h"

/* The demo district with its elections and without its staff. */
static EdContext *
open_demo (EdTestDir *fixture)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  EdContext *context = ed_gui_test_demo_open (path, 200);

  /* The demo staffs its May poll; these tests start from an empty staff list. */
  ed_test_demo_remove_staff (context);
  return context;
}

static char *
add_person (EdContext         *context,
            const char        *family_name,
            const char        *given_names,
            const char        *email,
            const char        *payroll_reference,
            const char        *ni_number,
            const EdStaffRole *roles,
            guint              n_roles)
{
  g_autoptr(EdStaffPerson) person = ed_staff_person_new ();
  g_autoptr(GError) error = NULL;

#define SET(member, value) \
  g_free (person->member); \
  person->member = g_strdup (value)
  SET (family_name, family_name);
  SET (given_names, given_names);
  SET (email, email);
  SET (payroll_reference, payroll_reference);
  SET (ni_number, ni_number);
#undef SET
  g_array_append_vals (person->roles, roles, n_roles);
  g_assert_true (ed_staff_person_add (context, person, &error));
  g_assert_no_error (error);
  return g_strdup (person->id);
}

static const EdStaffRole presiding[] = { ED_STAFF_ROLE_PRESIDING_OFFICER };
static const EdStaffRole presiding_and_clerk[] = {
  ED_STAFF_ROLE_PRESIDING_OFFICER, ED_STAFF_ROLE_POLL_CLERK,
};
static const EdStaffRole count_assistant[] = { ED_STAFF_ROLE_COUNT_ASSISTANT };

typedef struct
{
  char *okafor;
  char *pryderi;
  char *ashby;
  char *nowak;
} People;

static void
people_clear (People *people)
{
  g_free (people->okafor);
  g_free (people->pryderi);
  g_free (people->ashby);
  g_free (people->nowak);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (People, people_clear)

/* Four people: two may preside, one of them also clerk; one counts; one has no role. */
static void
add_people (EdContext *context,
            People    *people)
{
  people->okafor = add_person (context, "Okafor", "Sam", "sam.okafor@example.org", "PAY-001",
                               "AB 12 34 56 C", presiding_and_clerk,
                               G_N_ELEMENTS (presiding_and_clerk));
  people->pryderi = add_person (context, "Pryderi", "Siân", "sian@example.net", "PAY-002", "",
                                presiding, G_N_ELEMENTS (presiding));
  people->ashby = add_person (context, "Ashby", "Ann", "", "PAY-003", "", count_assistant,
                              G_N_ELEMENTS (count_assistant));
  people->nowak = add_person (context, "Nowak", "Jan", "", "", "", NULL, 0);
}

static EdModulePage *
show_page (EdContext  *context,
           GtkWidget **window)
{
  EdModulePage *page = g_object_new (ED_TYPE_STAFF_PAGE, NULL);

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (*window));
  ed_module_page_set_context (page, context);
  g_assert_true (ed_gui_test_wait_until_drawable (GTK_WIDGET (page)));
  ed_gui_test_iterate ();
  return page;
}

static GtkWidget *
column_view (EdModulePage *page)
{
  GtkWidget *view = ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL);

  g_assert_nonnull (view);
  return view;
}

/* The view's rows: a long list is given its rows over a few frames. */
static GListModel *
shown_people (EdModulePage *page,
              guint         n)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view (page))));

  g_assert_true (ed_gui_test_wait_for_items (model, n));
  return model;
}

static guint
position_of (EdModulePage *page,
             const char   *person_id)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view (page))));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EdStaffPersonItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (ed_staff_person_item_get_id (item), person_id))
        return i;
    }
  g_assert_not_reached ();
}

static EdStaffPersonItem *
item_of (EdModulePage *page,
         const char   *person_id)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view (page))));

  return g_list_model_get_item (model, position_of (page, person_id));
}

/* What the row shows of a person's training, once the view has bound it. */
static char *
training_shown (EdModulePage *page,
                const char   *person_id)
{
  g_autoptr(EdStaffPersonItem) item = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  ed_gui_test_iterate ();
  item = item_of (page, person_id);
  while (*ed_staff_person_item_get_training_text (item) == '\0' &&
         ed_staff_person_item_get_training (item) != ED_TRAINING_GLANCE_NO_ROLES &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return g_strdup (ed_staff_person_item_get_training_text (item));
}

static char *
availability_shown (EdModulePage *page,
                    const char   *person_id)
{
  g_autoptr(EdStaffPersonItem) item = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  ed_gui_test_iterate ();
  item = item_of (page, person_id);
  while (*ed_staff_person_item_get_availability_text (item) == '\0' &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return g_strdup (ed_staff_person_item_get_availability_text (item));
}

/* The stack of the People view: its list, or why there is none. */
static GtkStack *
people_stack (EdModulePage *page)
{
  GtkWidget *stack = gtk_widget_get_ancestor (column_view (page), GTK_TYPE_STACK);

  g_assert_nonnull (stack);
  return GTK_STACK (stack);
}

/* The count beside the search. */
static const char *
status_text (EdModulePage *page)
{
  GtkWidget *entry = ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (entry)));
}

static const char *
people_view (EdModulePage *page)
{
  return gtk_stack_get_visible_child_name (people_stack (page));
}

static void
search (EdModulePage *page,
        const char   *text)
{
  GtkWidget *entry = ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* Without waiting for the entry's pause. */
  g_signal_emit_by_name (entry, "search-changed");
  ed_gui_test_iterate ();
}

/* The role's dropdown, then the election's (in its chooser), in the row under the search. */
static GtkWidget *
dropdown (EdModulePage *page,
          guint         index)
{
  GtkWidget *found = ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, NULL);

  g_assert_nonnull (found);
  if (index == 1)
    {
      found = gtk_widget_get_next_sibling (found);
      g_assert_true (ED_IS_ELECTION_CHOOSER (found));
      found = ed_gui_test_find (found, GTK_TYPE_DROP_DOWN, NULL);
    }
  g_assert_true (GTK_IS_DROP_DOWN (found));
  return found;
}

static GtkWidget *
role_dropdown (EdModulePage *page)
{
  return dropdown (page, 0);
}

static GtkWidget *
election_dropdown (EdModulePage *page)
{
  return dropdown (page, 1);
}

/* Every cell of the list, and whether any shows @text. */
static gboolean
cells_show (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ED_IS_TEXT_CELL (child) && strstr (ed_text_cell_get_text (ED_TEXT_CELL (child)), text))
        return TRUE;
      if (cells_show (child, text))
        return TRUE;
    }
  return FALSE;
}

/* Activates a person's row, as Enter or a double click does, and returns their form. */
static EdPersonEditor *
open_row (EdModulePage *page,
          const char   *person_id)
{
  GtkWindow *editor;

  g_signal_emit_by_name (column_view (page), "activate", position_of (page, person_id));
  ed_gui_test_iterate ();
  editor = ed_gui_test_find_toplevel (ED_TYPE_PERSON_EDITOR);
  g_assert_nonnull (editor);
  return ED_PERSON_EDITOR (editor);
}

static GtkWidget *
row (gpointer    root,
     GType       type,
     const char *title)
{
  GtkWidget *found = ed_gui_test_find (GTK_WIDGET (root), type, title);

  g_assert_nonnull (found);
  return found;
}

static char *
stored_text (EdContext  *context,
             const char *person_id,
             const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM staff_person WHERE id = ?1", column);
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context), sql,
                                                      &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* The list of a district with no staff offers to add or import them; with people, it lists
 * them by family name with their roles and emails, narrowed by the search (name, email or
 * payroll reference) and by the role; no National Insurance number is on it. The other
 * views say plainly that they are not built. */
static void
test_lists_people (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_auto(People) people = { NULL, };
  GtkWidget *window;
  EdModulePage *page = show_page (context, &window);
  GtkWidget *views;
  GListModel *model;
  g_autoptr(EdStaffPersonItem) first = NULL;

  g_assert_cmpstr (people_view (page), ==, "empty");
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_LABEL, "No Staff Yet"));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Add Person…"));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Import People…"));

  add_people (context, &people);
  ed_module_page_reload (page);
  model = shown_people (page, 4);
  g_assert_cmpstr (people_view (page), ==, "list");
  g_assert_cmpstr (status_text (page), ==, "4 people");
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (ed_staff_person_item_get_name (first), ==, "Ashby, Ann");
  g_assert_cmpstr (ed_staff_person_item_get_roles_text (first), ==, "Count assistant");
  ed_gui_test_iterate ();
  g_assert_true (cells_show (column_view (page), "Okafor, Sam"));
  g_assert_true (cells_show (column_view (page), "Presiding officer, Poll clerk"));
  g_assert_true (cells_show (column_view (page), "sam.okafor@example.org"));
  g_assert_true (cells_show (column_view (page), "No roles"));
  /* DESIGN.md §4: the number is for the payroll export, never a list. */
  g_assert_false (cells_show (column_view (page), "123456"));
  g_assert_false (cells_show (column_view (page), "56 C"));

  search (page, "okafor");
  shown_people (page, 1);
  g_assert_cmpstr (status_text (page), ==, "1 match");
  search (page, "example.net");
  model = shown_people (page, 1);
  g_assert_cmpuint (position_of (page, people.pryderi), ==, 0);
  search (page, "pay-003");
  shown_people (page, 1);
  g_assert_cmpuint (position_of (page, people.ashby), ==, 0);
  search (page, "SIÂN");
  shown_people (page, 1);
  search (page, "nobody at all");
  g_assert_cmpstr (people_view (page), ==, "no-match");

  /* The role filter: "All roles", then the roles in the vocabulary's order. */
  search (page, "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (role_dropdown (page)),
                              1 + ED_STAFF_ROLE_PRESIDING_OFFICER);
  ed_gui_test_iterate ();
  shown_people (page, 2);
  g_assert_cmpuint (position_of (page, people.okafor), ==, 0);
  g_assert_cmpuint (position_of (page, people.pryderi), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (role_dropdown (page)), 1 + ED_STAFF_ROLE_POLL_CLERK);
  ed_gui_test_iterate ();
  shown_people (page, 1);
  search (page, "pryderi");
  g_assert_cmpstr (people_view (page), ==, "no-match");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (role_dropdown (page)), 0);
  ed_gui_test_iterate ();
  shown_people (page, 1);

  /* Appointments are the board (test-staff-board.c) and the payroll is the Payroll view
   * (test-payroll-view.c). */
  views = ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, NULL);
  g_assert_true (ED_IS_STAFF_BOARD (adw_view_stack_get_child_by_name (ADW_VIEW_STACK (views),
                                                                      "appointments")));
  g_assert_true (ED_IS_PAYROLL_VIEW (adw_view_stack_get_child_by_name (ADW_VIEW_STACK (views),
                                                                       "payroll")));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The demo's own staff, as a district that has recruited them: every person listed, with
 * their roles, training and availability for the demo's May poll read as their rows show, and
 * no National Insurance number anywhere on the list. */
static void
test_demo_staff (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(EdContext) context = ed_gui_test_demo_open (path, 200);
  g_autoptr(GPtrArray) everyone = ed_staff_person_list (context, ED_STAFF_ROLE_ANY, NULL, NULL);
  g_autofree char *count = NULL;
  g_autoptr(EdStaffPersonItem) first = NULL;
  g_autoptr(EdElection) chosen = NULL;
  GtkWidget *window;
  EdModulePage *page;
  GListModel *model;

  g_assert_nonnull (everyone);
  g_assert_cmpuint (everyone->len, >, 0);
  page = show_page (context, &window);
  model = shown_people (page, everyone->len);
  /* The demo's May poll is chosen: the first of its combination, whose staff the parish
   * polls share. */
  chosen = ed_election_load (context, ed_staff_page_get_election (ED_STAFF_PAGE (page)), NULL);
  g_assert_nonnull (chosen);
  g_assert_cmpstr (chosen->combined_with, ==, "");
  count = g_strdup_printf ("%u %s", everyone->len, everyone->len == 1 ? "person" : "people");
  if (everyone->len < 1000)
    g_assert_cmpstr (status_text (page), ==, count);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (ed_staff_person_item_get_id (first), ==,
                   ((EdStaffPerson *)g_ptr_array_index (everyone, 0))->id);
  ed_gui_test_iterate ();
  /* The rows on screen have read their glance; none says nothing of training. */
  g_assert_cmpstr (ed_staff_person_item_get_availability_text (first), !=, "");
  for (guint i = 0; i < everyone->len; i++)
    {
      EdStaffPerson *person = g_ptr_array_index (everyone, i);

      if (*person->ni_number != '\0')
        g_assert_false (cells_show (column_view (page), person->ni_number + 2));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A person opened from their row: the phone changed and saved is in the database, and the
 * list shows them as saved. */
static void
test_edit_and_save (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_auto(People) people = { NULL, };
  g_autofree char *phone = NULL;
  g_autofree char *given = NULL;
  GtkWidget *window;
  EdModulePage *page;
  EdPersonEditor *editor;

  add_people (context, &people);
  page = show_page (context, &window);
  shown_people (page, 4);
  editor = open_row (page, people.okafor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Okafor, Sam");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (editor, ADW_TYPE_ENTRY_ROW,
                                                             "Email"))),
                   ==, "sam.okafor@example.org");
  g_assert_false (ed_person_editor_has_unsaved_changes (editor));

  gtk_editable_set_text (GTK_EDITABLE (row (editor, ADW_TYPE_ENTRY_ROW, "Phone")),
                         "01632 960999");
  gtk_editable_set_text (GTK_EDITABLE (row (editor, ADW_TYPE_ENTRY_ROW, "Given names")),
                         "Samuel");
  ed_gui_test_iterate ();
  g_assert_true (ed_person_editor_has_unsaved_changes (editor));
  g_signal_emit_by_name (row (editor, GTK_TYPE_BUTTON, "_Save"), "clicked");
  ed_gui_test_iterate ();
  g_assert_null (editor);

  phone = stored_text (context, people.okafor, "phone");
  g_assert_cmpstr (phone, ==, "01632 960999");
  given = stored_text (context, people.okafor, "given_names");
  g_assert_cmpstr (given, ==, "Samuel");
  shown_people (page, 4);
  g_assert_true (cells_show (column_view (page), "Okafor, Samuel"));
  /* The person saved is still the one selected. */
  g_assert_cmpuint (gtk_single_selection_get_selected (
                      GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                        GTK_COLUMN_VIEW (column_view (page))))),
                    ==, position_of (page, people.okafor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The National Insurance number is masked until Show is pressed; a number HMRC could never
 * issue, or an email that is no address, is refused under its field, nothing is written and
 * the form stays open as typed (DESIGN.md §7). */
static void
test_bad_ni_number_refused (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_auto(People) people = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *ni_number = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  GtkWidget *window;
  EdModulePage *page;
  EdPersonEditor *editor;
  GtkWidget *ni_row;
  GtkWidget *show;
  GtkWidget *email_row;

  add_people (context, &people);
  page = show_page (context, &window);
  shown_people (page, 4);
  editor = open_row (page, people.okafor);
  ni_row = row (editor, ADW_TYPE_ENTRY_ROW, "National Insurance number");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ni_row)), ==, "•• •• •• 56 C");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (ni_row)));
  show = row (editor, GTK_TYPE_BUTTON, "_Show");
  g_assert_true (gtk_widget_get_visible (show));
  g_signal_emit_by_name (show, "clicked");
  ed_gui_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ni_row)), ==, "AB 12 34 56 C");
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (ni_row)));
  g_assert_false (gtk_widget_get_visible (show));
  g_assert_false (ed_person_editor_has_unsaved_changes (editor));

  /* QQ is never a first pair HMRC issues. */
  gtk_editable_set_text (GTK_EDITABLE (ni_row), "QQ 12 34 56 C");
  gtk_editable_set_text (GTK_EDITABLE (row (editor, ADW_TYPE_ENTRY_ROW, "Phone")),
                         "01632 960123");
  ed_gui_test_iterate ();
  g_assert_nonnull (ed_field_error_get (ni_row));
  g_assert_true (gtk_widget_has_css_class (ni_row, "error"));
  g_assert_false (ed_person_editor_save (editor, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "National Insurance number"));
  g_clear_error (&error);
  /* Pressing Save says the same, and keeps the form. */
  g_signal_emit_by_name (row (editor, GTK_TYPE_BUTTON, "_Save"), "clicked");
  ed_gui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ni_row)), ==, "QQ 12 34 56 C");
  ni_number = stored_text (context, people.okafor, "ni_number");
  g_assert_cmpstr (ni_number, ==, "AB123456C");
  phone = stored_text (context, people.okafor, "phone");
  g_assert_cmpstr (phone, ==, "");

  /* An email that is no address, likewise. */
  gtk_editable_set_text (GTK_EDITABLE (ni_row), "AB 12 34 56 C");
  email_row = row (editor, ADW_TYPE_ENTRY_ROW, "Email");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "sam at example");
  ed_gui_test_iterate ();
  g_assert_null (ed_field_error_get (ni_row));
  g_assert_nonnull (ed_field_error_get (email_row));
  g_assert_false (ed_person_editor_save (editor, &error));
  g_clear_error (&error);
  email = stored_text (context, people.okafor, "email");
  g_assert_cmpstr (email, ==, "sam.okafor@example.org");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new person from Add Person: the form opens empty, refuses to save without a family name
 * and adds them with the roles ticked. */
static void
test_add_person (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  GtkWidget *window;
  EdModulePage *page = show_page (context, &window);
  EdPersonEditor *editor;
  GtkWidget *family;
  EdStaffPerson *added;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "staff.add-person", NULL));
  ed_gui_test_iterate ();
  editor = ED_PERSON_EDITOR (ed_gui_test_find_toplevel (ED_TYPE_PERSON_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Person");
  family = row (editor, ADW_TYPE_ENTRY_ROW, "Family name");
  /* Empty, not yet a mistake; a mistake once saved. */
  g_assert_null (ed_field_error_get (family));
  g_assert_false (gtk_widget_get_sensitive (row (editor, GTK_TYPE_BUTTON, "_Add Training…")));
  g_assert_false (ed_person_editor_save (editor, &error));
  g_clear_error (&error);
  g_assert_nonnull (ed_field_error_get (family));

  gtk_editable_set_text (GTK_EDITABLE (family), "Carter");
  gtk_check_button_set_active (
    GTK_CHECK_BUTTON (ed_gui_test_find (row (editor, ADW_TYPE_ACTION_ROW, "Poll clerk"),
                                        GTK_TYPE_CHECK_BUTTON, NULL)),
    TRUE);
  ed_gui_test_iterate ();
  g_assert_true (ed_person_editor_save (editor, &error));
  g_assert_no_error (error);
  listed = ed_staff_person_list (context, ED_STAFF_ROLE_POLL_CLERK, NULL, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  added = g_ptr_array_index (listed, 0);
  g_assert_cmpstr (added->family_name, ==, "Carter");
  g_assert_cmpstr (added->id, ==, ed_person_editor_get_person_id (editor));
  /* Saved once, the form records training. */
  g_assert_true (gtk_widget_get_sensitive (row (editor, GTK_TYPE_BUTTON, "_Add Training…")));
  gtk_window_destroy (GTK_WINDOW (editor));
  /* Listed, and selected. */
  shown_people (page, 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (
                      GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                        GTK_COLUMN_VIEW (column_view (page))))),
                    ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
add_training (EdContext   *context,
              const char  *person_id,
              EdStaffRole  role,
              const char  *course_date,
              const char  *valid_until)
{
  g_autoptr(EdStaffTraining) training = ed_staff_training_new ();
  g_autoptr(GError) error = NULL;

  training->person = g_strdup (person_id);
  training->role = role;
  g_free (training->course);
  training->course = g_strdup ("Course");
  training->course_date = ed_test_date (course_date);
  training->attended = TRUE;
  if (valid_until != NULL)
    training->valid_until = ed_test_date (valid_until);
  g_assert_true (ed_staff_training_add (context, training, &error));
  g_assert_no_error (error);
}

/* Training at a glance, as of today (ED_TODAY): none for a person never trained; a course added
 * in their form, attended and valid, makes them current; a course lapsed before today is
 * expired; a person trained for one of two roles is current for one of them. */
static void
test_training_at_a_glance (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_auto(People) people = { NULL, };
  g_autofree char *shown = NULL;
  GtkWidget *window;
  EdModulePage *page;
  EdPersonEditor *editor;
  AdwMessageDialog *dialog;
  GtkWidget *course_row;
  GDate today;

  add_people (context, &people);
  add_training (context, people.ashby, ED_STAFF_ROLE_COUNT_ASSISTANT, "2026-04-01",
                "2029-06-30");
  add_training (context, people.okafor, ED_STAFF_ROLE_POLL_CLERK, "2029-11-01", NULL);
  page = show_page (context, &window);
  shown_people (page, 4);

  shown = training_shown (page, people.pryderi);
  g_assert_cmpstr (shown, ==, "None");
  g_clear_pointer (&shown, g_free);
  shown = training_shown (page, people.ashby);
  g_assert_cmpstr (shown, ==, "Expired");
  g_clear_pointer (&shown, g_free);
  shown = training_shown (page, people.okafor);
  g_assert_cmpstr (shown, ==, "1 of 2 current");
  g_clear_pointer (&shown, g_free);

  editor = open_row (page, people.pryderi);
  g_assert_nonnull (row (editor, ADW_TYPE_ACTION_ROW, "No training recorded"));
  g_signal_emit_by_name (row (editor, GTK_TYPE_BUTTON, "_Add Training…"), "clicked");
  ed_gui_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (ed_gui_test_find_toplevel (ED_TYPE_TRAINING_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (dialog, ADW_TYPE_COMBO_ROW,
                                                                   "Trains for"))),
                    ==, ED_STAFF_ROLE_PRESIDING_OFFICER);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  course_row = row (dialog, ADW_TYPE_ENTRY_ROW, "Course");
  gtk_editable_set_text (GTK_EDITABLE (course_row), "Presiding officer training");
  gtk_editable_set_text (GTK_EDITABLE (row (dialog, ADW_TYPE_ENTRY_ROW, "Course date")),
                         "1/12/2029");
  /* Lapsing before it is held is refused under the field. */
  gtk_editable_set_text (GTK_EDITABLE (row (dialog, ADW_TYPE_ENTRY_ROW, "Valid until")),
                         "1/11/2029");
  ed_gui_test_iterate ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  g_assert_nonnull (ed_field_error_get (row (dialog, ADW_TYPE_ENTRY_ROW, "Valid until")));
  gtk_editable_set_text (GTK_EDITABLE (row (dialog, ADW_TYPE_ENTRY_ROW, "Valid until")),
                         "30 November 2031");
  gtk_switch_set_active (GTK_SWITCH (ed_gui_test_find (row (dialog, ADW_TYPE_ACTION_ROW,
                                                             "Attended"),
                                                        GTK_TYPE_SWITCH, NULL)),
                         TRUE);
  ed_gui_test_iterate ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();

  g_assert_nonnull (row (editor, ADW_TYPE_ACTION_ROW, "Presiding officer training"));
  g_assert_null (ed_gui_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                   "No training recorded"));
  shown = training_shown (page, people.pryderi);
  g_assert_cmpstr (shown, ==, "Current");
  g_clear_pointer (&shown, g_free);
  ed_today (&today);
  g_assert_true (ed_staff_training_is_current (context, people.pryderi,
                                               ED_STAFF_ROLE_PRESIDING_OFFICER, &today, NULL));
  /* The form is still open, and has nothing unsaved: training is recorded as added. */
  g_assert_false (ed_person_editor_has_unsaved_changes (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Availability for the election chosen above the list: the next poll is chosen at first;
 * everyone is "Not asked" until a form records an answer, which the list then shows; another
 * election has its own answers. */
static void
test_availability (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_auto(People) people = { NULL, };
  g_autoptr(GPtrArray) elections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *note = NULL;
  g_autofree char *by_election = NULL;
  EdElectionNew details = { 0, };
  GtkWidget *window;
  EdModulePage *page;
  EdPersonEditor *editor;
  GtkWidget *group;
  EdAvailability availability;
  GtkWidget *dropdown;
  guint chosen;

  /* The demo's May poll, and a by-election after it. */
  details.kind = ED_ELECTION_LOCAL;
  details.country = ED_COUNTRY_ENGLAND;
  details.poll = ed_test_date ("2031-06-05");
  by_election = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  elections = ed_election_list (context, NULL);
  g_assert_nonnull (elections);
  g_assert_cmpuint (elections->len, ==, 2);
  add_people (context, &people);
  page = show_page (context, &window);
  shown_people (page, 4);
  dropdown = election_dropdown (page);
  chosen = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
  /* The next poll, not the later by-election. */
  g_assert_cmpstr (((EdElection *)g_ptr_array_index (elections, chosen))->id, !=, by_election);
  g_assert_cmpstr (ed_staff_page_get_election (ED_STAFF_PAGE (page)), ==,
                   ((EdElection *)g_ptr_array_index (elections, chosen))->id);
  shown = availability_shown (page, people.okafor);
  g_assert_cmpstr (shown, ==, "Not asked");
  g_clear_pointer (&shown, g_free);

  editor = open_row (page, people.okafor);
  group = gtk_widget_get_ancestor (row (editor, ADW_TYPE_COMBO_ROW, "Can work"),
                                   ADW_TYPE_PREFERENCES_GROUP);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            ((EdElection *)g_ptr_array_index (elections, chosen))->title));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (editor, ADW_TYPE_COMBO_ROW, "Can work")),
                              ED_AVAILABILITY_AVAILABLE);
  gtk_editable_set_text (GTK_EDITABLE (row (editor, ADW_TYPE_ENTRY_ROW, "What they said")),
                         "Mornings only");
  ed_gui_test_iterate ();
  g_assert_true (ed_person_editor_has_unsaved_changes (editor));
  g_assert_true (ed_person_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));

  g_assert_true (ed_staff_availability_get (context, people.okafor,
                                            ed_staff_page_get_election (ED_STAFF_PAGE (page)),
                                            &availability, &note, &error));
  g_assert_cmpint (availability, ==, ED_AVAILABILITY_AVAILABLE);
  g_assert_cmpstr (note, ==, "Mornings only");
  shown = availability_shown (page, people.okafor);
  g_assert_cmpstr (shown, ==, "Available");
  g_clear_pointer (&shown, g_free);
  shown = availability_shown (page, people.ashby);
  g_assert_cmpstr (shown, ==, "Not asked");
  g_clear_pointer (&shown, g_free);

  /* Another poll: its own answers. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), chosen == 0 ? 1 : 0);
  ed_gui_test_iterate ();
  g_assert_cmpstr (ed_staff_page_get_election (ED_STAFF_PAGE (page)), !=,
                   ((EdElection *)g_ptr_array_index (elections, chosen))->id);
  shown = availability_shown (page, people.okafor);
  g_assert_cmpstr (shown, ==, "Not asked");
  g_clear_pointer (&shown, g_free);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* After other desks' edits the page reads the district afresh, keeping the election, the
 * person selected, where the list was scrolled to and a form being filled in. */
static void
test_reload_keeps_place (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autofree char *selected_id = NULL;
  g_autofree char *other_id = NULL;
  GtkWidget *window;
  EdModulePage *page;
  GtkSingleSelection *selection;
  GtkAdjustment *adjustment;
  EdPersonEditor *editor;
  g_autoptr(EdStaffPerson) renamed = NULL;
  g_autoptr(GError) error = NULL;
  double scrolled;
  gint64 deadline;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *family = g_strdup_printf ("Person%03u", i);
      g_autofree char *id = add_person (context, family, "Test", "", "", "", presiding,
                                        G_N_ELEMENTS (presiding));

      if (i == 70)
        selected_id = g_steal_pointer (&id);
      else if (i == 20)
        other_id = g_steal_pointer (&id);
    }
  page = show_page (context, &window);
  shown_people (page, 120);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view (page))));
  gtk_single_selection_set_selected (selection, position_of (page, selected_id));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view (page)));
  /* Wait for the list's full height, then scroll down it. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) < 1000 &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  gtk_adjustment_set_value (adjustment, 1000);
  ed_gui_test_iterate ();
  scrolled = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (scrolled, >, 500);

  editor = ed_staff_page_open_person (ED_STAFF_PAGE (page), other_id);
  gtk_editable_set_text (GTK_EDITABLE (row (editor, ADW_TYPE_ENTRY_ROW, "Phone")), "01632 96");
  ed_gui_test_iterate ();

  /* Nothing changed: the list stays exactly where it was. */
  ed_module_page_reload (page);
  ed_gui_test_iterate ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, scrolled);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 70);

  /* Another desk renames the person selected: shown in place, still selected. */
  renamed = ed_staff_person_load (context, selected_id, &error);
  g_assert_no_error (error);
  g_free (renamed->given_names);
  renamed->given_names = g_strdup ("Renamed");
  g_assert_true (ed_staff_person_update (context, renamed, &error));
  g_assert_no_error (error);
  ed_module_page_reload (page);
  ed_gui_test_iterate ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, scrolled);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 70);
  g_assert_true (cells_show (column_view (page), "Person070, Renamed"));

  /* Another desk adds someone who sorts first: the same people stay in view, a row further
   * down the list, and the same person selected. */
  g_free (add_person (context, "Aaron", "Zed", "", "", "", presiding, G_N_ELEMENTS (presiding)));
  ed_module_page_reload (page);
  shown_people (page, 121);
  ed_gui_test_iterate ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >=, scrolled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <=, scrolled + 100);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 71);
  g_assert_cmpuint (position_of (page, selected_id), ==, 71);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (editor, ADW_TYPE_ENTRY_ROW,
                                                             "Phone"))),
                   ==, "01632 96");
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GFile *
write_file (EdTestDir  *fixture,
            const char *name,
            const char *text)
{
  g_autofree char *path = ed_test_dir_file (fixture, name);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

static void
wait_for_import (EdStaffImportDialog *dialog)
{
  while (ed_staff_import_dialog_is_running (dialog))
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();
}

/* From the page's menu: a file with a bad National Insurance number on line 3 is refused
 * whole, the problem named with its line and column; a good file is imported, counted, and
 * its people listed. */
static void
test_import (EdTestDir     *fixture,
             gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(GFile) bad = write_file (fixture, "bad.csv",
                                     "family_name,given_names,ni_number,roles\n"
                                     "Ashby,Ann,AB123456C,poll_clerk\n"
                                     "Ashby,Ben,QQ123456C,poll_clerk\n");
  g_autoptr(GFile) good = write_file (fixture, "good.csv",
                                      "family_name,given_names,ni_number,roles\n"
                                      "Ashby,Ann,AB123456C,poll_clerk\n"
                                      "Ashby,Ben,,Presiding officer;poll clerk\n");
  GtkWidget *window;
  EdModulePage *page = show_page (context, &window);
  EdStaffImportDialog *dialog;
  GtkWidget *stack;
  GtkWidget *problem;
  AdwStatusPage *done;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "staff.import", NULL));
  ed_gui_test_iterate ();
  dialog = ED_STAFF_IMPORT_DIALOG (ed_gui_test_find_toplevel (ED_TYPE_STAFF_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  stack = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL);

  ed_staff_import_dialog_import_file (dialog, bad);
  wait_for_import (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "refused");
  problem = row (dialog, ADW_TYPE_ACTION_ROW, "Line 3, ni_number");
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (problem)));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                      "Nothing was imported: 1 row was refused. Correct it "
                                      "and import the file again."));
  g_assert_cmpstr (people_view (page), ==, "empty");

  ed_staff_import_dialog_import_file (dialog, good);
  wait_for_import (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "done");
  done = ADW_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (stack)));
  g_assert_cmpstr (adw_status_page_get_description (done), ==,
                   "2 people added, 0 updated and 0 unchanged.");
  shown_people (page, 2);
  g_assert_cmpstr (status_text (page), ==, "2 people");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* People to Remove lists those last appointed before the district's retention period, under
 * a sentence saying the period and where it is set, and says it cannot remove them. */
static void
test_removals (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_auto(People) people = { NULL, };
  g_autoptr(GPtrArray) elections = ed_election_list (context, NULL);
  const char *columns[] = { "election", "person", "role", "work_date", "state" };
  g_autofree char *appointment = NULL;
  g_autofree char *cutoff_text = NULL;
  g_autofree char *worked_text = NULL;
  g_autofree char *last_appointed = NULL;
  const char *description;
  GtkWidget *window;
  EdModulePage *page;
  GtkWindow *dialog;
  GtkWidget *group;
  GDate today, cutoff, worked = ed_test_date ("2024-05-02");

  add_people (context, &people);
  {
    GVariant *values[] = {
      g_variant_new_string (((EdElection *)g_ptr_array_index (elections, 0))->id),
      g_variant_new_string (people.ashby), g_variant_new_string ("poll_clerk"),
      g_variant_new_string ("2024-05-02"), g_variant_new_string ("attended"),
    };

    appointment = ed_test_register_insert (context, "staff_appointment", columns, values,
                                           G_N_ELEMENTS (values));
  }
  page = show_page (context, &window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "staff.show-removals", NULL));
  ed_gui_test_iterate ();
  dialog = ed_gui_test_find_toplevel (ED_TYPE_STAFF_REMOVAL_DIALOG);
  g_assert_nonnull (dialog);

  /* Four years before today, the district having set no period of its own. */
  ed_today (&today);
  cutoff = today;
  g_date_subtract_years (&cutoff, 4);
  cutoff_text = ed_date_format_long (&cutoff);
  group = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_GROUP, NULL);
  description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
  g_assert_nonnull (strstr (description, "for 4 years after their latest appointment"));
  g_assert_nonnull (strstr (description, cutoff_text));
  worked_text = ed_date_format_long (&worked);
  last_appointed = g_strdup_printf ("Last appointed %s", worked_text);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (dialog, ADW_TYPE_ACTION_ROW,
                                                                     "Ashby, Ann"))),
                   ==, last_appointed);
  g_assert_null (ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Okafor, Sam"));
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every row of the form is said once: a row's title already names it, so an accessible label
 * with the same text makes a screen reader say "Phone Phone". */
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

          if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL))
            {
              g_autofree char *differs =
                gtk_test_accessible_check_property (GTK_ACCESSIBLE (child),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title);

              if (differs == NULL)
                g_error ("the row “%s” is named twice: by its title and its label", title);
            }
          rows++;
        }
      /* A button with a mnemonic is named by its label widget alone, not "_Save Save". */
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)))
        g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                          GTK_ACCESSIBLE_PROPERTY_LABEL));
      rows += check_names_said_once (child);
    }
  return rows;
}

static void
test_names_said_once (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_auto(People) people = { NULL, };
  GtkWidget *window;
  EdModulePage *page;
  EdPersonEditor *editor;
  GtkWindow *dialog;

  add_people (context, &people);
  page = show_page (context, &window);
  shown_people (page, 4);
  check_names_said_once (GTK_WIDGET (page));
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (row (page, GTK_TYPE_SEARCH_ENTRY, NULL)), GTK_ACCESSIBLE_PROPERTY_LABEL,
    "Search the staff");
  /* The dropdowns are named by the words before them. */
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (role_dropdown (page)),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       gtk_widget_get_prev_sibling (role_dropdown (page)), NULL);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (election_dropdown (page)),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       gtk_widget_get_prev_sibling (election_dropdown (page)),
                                       NULL);

  editor = open_row (page, people.okafor);
  g_assert_cmpuint (check_names_said_once (GTK_WIDGET (editor)), >, 20);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row (editor, GTK_TYPE_TEXT_VIEW, NULL)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Address");
  ed_person_editor_add_training (editor);
  ed_gui_test_iterate ();
  dialog = ed_gui_test_find_toplevel (ED_TYPE_TRAINING_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (check_names_said_once (GTK_WIDGET (dialog)), ==, 5);
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  ED_TEST_ADD ("/staff/page/lists-people", test_lists_people);
  ED_TEST_ADD ("/staff/page/demo-staff", test_demo_staff);
  ED_TEST_ADD ("/staff/page/edit-and-save", test_edit_and_save);
  ED_TEST_ADD ("/staff/page/bad-ni-number-refused", test_bad_ni_number_refused);
  ED_TEST_ADD ("/staff/page/add-person", test_add_person);
  ED_TEST_ADD ("/staff/page/training-at-a-glance", test_training_at_a_glance);
  ED_TEST_ADD ("/staff/page/availability", test_availability);
  ED_TEST_ADD ("/staff/page/reload-keeps-place", test_reload_keeps_place);
  ED_TEST_ADD ("/staff/page/import", test_import);
  ED_TEST_ADD ("/staff/page/removals", test_removals);
  ED_TEST_ADD ("/staff/page/names-said-once", test_names_said_once);

  return g_test_run ();
}
