/* test-register-filter-bar.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The register page's parts: the filter bar, the household pane and the count format. */

#include "config.h"

#include <string.h>

#include "core/ed-database.h"
#include "ed-gui-test-util.h"
#include "register/ed-elector-edit.h"
#include "ui/register/ed-household-pane.h"
#include "ui/ed-number-format.h"
#include "ui/register/ed-register-filter-bar.h"

#define N_ELECTORS 120

typedef struct
{
  char      *dir;
  EdContext *context;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("ed-filter-bar-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "demo.db", NULL);
  fixture->context = ed_gui_test_demo_open (path, N_ELECTORS);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->context);
  ed_gui_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
count_cb (gpointer  bar,
          guint    *n)
{
  (*n)++;
}

static GtkWidget *
find_clear_button (GtkWidget *bar)
{
  for (GtkWidget *child = gtk_widget_get_first_child (bar); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "edit-clear-all-symbolic") == 0)
        return child;
      found = find_clear_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first dropdown is the polling district's. */
static GtkDropDown *
find_district_dropdown (GtkWidget *bar)
{
  return GTK_DROP_DOWN (ed_gui_test_find (bar, GTK_TYPE_DROP_DOWN, NULL));
}

static void
test_filter_bar (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *bar = g_object_ref_sink (ed_register_filter_bar_new ());
  GtkDropDown *districts = find_district_dropdown (bar);
  GtkWidget *clear = find_clear_button (bar);
  GtkToggleButton *attainers =
    GTK_TOGGLE_BUTTON (ed_gui_test_find (bar, GTK_TYPE_TOGGLE_BUTTON, "Attainers"));
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GError) error = NULL;
  EdRegisterFilter filter;
  guint n_changed = 0;

  g_assert_nonnull (districts);
  g_assert_nonnull (clear);
  g_assert_nonnull (attainers);
  g_signal_connect (bar, "changed", G_CALLBACK (count_cb), &n_changed);

  /* Without a district there is only "All polling districts", and no filter. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (districts)), ==, 1);
  ed_register_filter_bar_get_filter (ED_REGISTER_FILTER_BAR (bar), &filter);
  g_assert_true (ed_register_filter_is_empty (&filter));
  g_assert_false (gtk_widget_get_sensitive (clear));

  refs = ed_register_polling_districts (fixture->context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refs->len, >, 1);
  ed_register_filter_bar_set_context (ED_REGISTER_FILTER_BAR (bar), fixture->context);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (districts)), ==,
                    refs->len + 1);

  /* Each control the officer changes is one change, and the bar reads it back. */
  gtk_drop_down_set_selected (districts, 2);
  g_assert_cmpuint (n_changed, ==, 1);
  gtk_toggle_button_set_active (attainers, TRUE);
  g_assert_cmpuint (n_changed, ==, 2);
  ed_register_filter_bar_get_filter (ED_REGISTER_FILTER_BAR (bar), &filter);
  g_assert_cmpstr (filter.polling_district, ==,
                   ((EdPollingDistrictRef *)g_ptr_array_index (refs, 1))->id);
  g_assert_true (filter.attainers);
  g_assert_null (filter.marker);
  g_assert_true (gtk_widget_get_sensitive (clear));

  /* Clearing is one change, not one per control. */
  g_signal_emit_by_name (clear, "clicked");
  g_assert_cmpuint (n_changed, ==, 3);
  ed_register_filter_bar_get_filter (ED_REGISTER_FILTER_BAR (bar), &filter);
  g_assert_true (ed_register_filter_is_empty (&filter));
  g_assert_false (gtk_widget_get_sensitive (clear));
  g_assert_false (gtk_toggle_button_get_active (attainers));
  g_assert_cmpuint (gtk_drop_down_get_selected (districts), ==, 0);

  /* Another district clears the filters quietly: the page reads the register anyway. */
  gtk_drop_down_set_selected (districts, 1);
  g_assert_cmpuint (n_changed, ==, 4);
  ed_register_filter_bar_set_context (ED_REGISTER_FILTER_BAR (bar), NULL);
  g_assert_cmpuint (n_changed, ==, 4);
  ed_register_filter_bar_get_filter (ED_REGISTER_FILTER_BAR (bar), &filter);
  g_assert_true (ed_register_filter_is_empty (&filter));
  g_assert_false (gtk_widget_get_sensitive (clear));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (districts)), ==, 1);

  g_object_unref (bar);
}

static gboolean
pane_shows (GtkWidget  *pane,
            const char *text)
{
  return ed_gui_test_find (pane, GTK_TYPE_LABEL, text) != NULL;
}

/* Whether a label of the pane holds @text among its details. */
static gboolean
pane_contains (GtkWidget  *root,
               const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL) ||
        pane_contains (child, text))
      return TRUE;
  return FALSE;
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
test_household_pane (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *pane = g_object_ref_sink (ed_household_pane_new ());
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *list;
  const char *property_id;
  int n_electors;

  /* A hidden pane reads nothing and shows only its heading. */
  g_assert_cmpuint (n_children (pane), ==, 1);
  g_assert_true (pane_shows (pane, "Household"));

  ed_household_pane_show_property (ED_HOUSEHOLD_PANE (pane), "no district yet");
  g_assert_true (pane_shows (pane, "Select an elector to see everyone at their address."));

  ed_household_pane_set_context (ED_HOUSEHOLD_PANE (pane), fixture->context);
  ed_household_pane_show_property (ED_HOUSEHOLD_PANE (pane), NULL);
  g_assert_true (pane_shows (pane, "Select an elector to see everyone at their address."));
  g_assert_cmpuint (n_children (pane), ==, 2);

  ed_household_pane_show_no_address (ED_HOUSEHOLD_PANE (pane));
  g_assert_true (pane_shows (pane, "This entry has no address to show."));
  g_assert_false (pane_shows (pane, "Select an elector to see everyone at their address."));

  /* The property with most electors who are not anonymous, whom the pane leaves out. */
  stmt = ed_database_prepare (ed_context_get_database (fixture->context),
                              "SELECT property, count(*) AS n FROM elector "
                              "WHERE property != '' AND anonymous = 0 "
                              "GROUP BY property ORDER BY n DESC, property LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  property_id = (const char *)sqlite3_column_text (stmt, 0);
  n_electors = sqlite3_column_int (stmt, 1);
  ed_household_pane_show_property (ED_HOUSEHOLD_PANE (pane), property_id);
  g_assert_false (pane_shows (pane, "This entry has no address to show."));
  heading = g_strdup_printf (n_electors == 1 ? "%d elector" : "%d electors", n_electors);
  g_assert_true (pane_shows (pane, heading));
  list = ed_gui_test_find (pane, GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (list);
  g_assert_cmpuint (n_children (list), ==, (guint)n_electors);
  g_assert_false (pane_contains (pane, "Amendment waiting for the next notice"));

  /* An amendment waiting for its notice is marked on its elector (issue 12, item 13). */
  {
    g_autoptr(sqlite3_stmt) first = NULL;
    g_autoptr(EdElectorEdit) edit = NULL;
    g_autofree char *property = g_strdup (property_id);

    first = ed_database_prepare (ed_context_get_database (fixture->context),
                                 "SELECT id FROM elector WHERE property = ?1 AND anonymous = 0 "
                                 "LIMIT 1", &error);
    g_assert_no_error (error);
    sqlite3_bind_text (first, 1, property, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
    edit = ed_elector_edit_load (fixture->context, (const char *)sqlite3_column_text (first, 0),
                                 &error);
    g_assert_no_error (error);
    g_free (edit->surname);
    edit->surname = g_strdup ("Quillfeather");
    g_assert_true (ed_elector_edit_amend (fixture->context, edit, NULL, &error));
    g_assert_no_error (error);
    ed_household_pane_show_property (ED_HOUSEHOLD_PANE (pane), property);
    g_assert_true (pane_contains (pane, "Amendment waiting for the next notice"));
  }

  ed_household_pane_clear (ED_HOUSEHOLD_PANE (pane));
  g_assert_cmpuint (n_children (pane), ==, 1);

  g_object_unref (pane);
}

/* The C locale groups no digits; counts are grouped anyway, so the revise dialog and the
 * register page both say "6,000". */
static void
test_number_format (void)
{
  static const struct
  {
    guint       n;
    const char *text;
  } cases[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" }, { 6000, "6,000" },
    { 60000, "60,000" }, { 123456, "123,456" }, { 1234567, "1,234,567" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ed_number_format_count (cases[i].n);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The marker dropdown is the second. */
static GtkDropDown *
find_marker_dropdown (GtkWidget *bar)
{
  GtkWidget *districts = ed_gui_test_find (bar, GTK_TYPE_DROP_DOWN, NULL);
  /* Each control sits in a cell of the bar's flow box: the next cell's is the markers'. */
  GtkWidget *cell = gtk_widget_get_parent (districts);

  for (GtkWidget *next = gtk_widget_get_next_sibling (cell); next != NULL;
       next = gtk_widget_get_next_sibling (next))
    {
      GtkWidget *found = ed_gui_test_find (next, GTK_TYPE_DROP_DOWN, NULL);

      if (GTK_IS_DROP_DOWN (next))
        return GTK_DROP_DOWN (next);
      if (found != NULL)
        return GTK_DROP_DOWN (found);
    }
  return NULL;
}

/* The position of the marker whose label starts with @prefix, or GTK_INVALID_LIST_POSITION. */
static guint
find_marker (GtkDropDown *markers,
             const char  *prefix)
{
  GListModel *model = gtk_drop_down_get_model (markers);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), prefix))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The Welsh qualifying foreign citizen's marker is offered with the district's own letter
 * (DOMAIN.md §1.2, [U]), and follows the setting when it changes. */
static void
test_filter_bar_welsh_letter (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *bar = g_object_ref_sink (ed_register_filter_bar_new ());
  GtkDropDown *markers = find_marker_dropdown (bar);
  EdDistrictSettings *settings = ed_context_get_settings (fixture->context);
  g_autoptr(GError) error = NULL;
  EdRegisterFilter filter;
  guint position;
  guint n_changed = 0;

  g_assert_nonnull (markers);
  g_assert_cmpuint (find_marker (markers, "W ("), !=, GTK_INVALID_LIST_POSITION);

  g_assert_true (ed_district_settings_set (settings, "welsh-marker-letter", "Q", &error));
  g_assert_no_error (error);
  ed_register_filter_bar_set_context (ED_REGISTER_FILTER_BAR (bar), fixture->context);
  g_assert_cmpuint (find_marker (markers, "W ("), ==, GTK_INVALID_LIST_POSITION);
  position = find_marker (markers, "Q (");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  g_signal_connect (bar, "changed", G_CALLBACK (count_cb), &n_changed);
  gtk_drop_down_set_selected (markers, position);
  g_assert_cmpuint (n_changed, ==, 1);
  ed_register_filter_bar_get_filter (ED_REGISTER_FILTER_BAR (bar), &filter);
  g_assert_cmpstr (filter.marker, ==, "Q");

  /* A new letter while it is chosen changes the filter, and says so. */
  g_assert_true (ed_district_settings_set (settings, "welsh-marker-letter", "Y", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (markers), ==, position);
  g_assert_cmpuint (find_marker (markers, "Y ("), ==, position);
  ed_register_filter_bar_get_filter (ED_REGISTER_FILTER_BAR (bar), &filter);
  g_assert_cmpstr (filter.marker, ==, "Y");

  g_object_unref (bar);
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  g_test_add ("/register/filter-bar/changes-and-clears", Fixture, NULL, fixture_setup,
              test_filter_bar, fixture_teardown);
  g_test_add ("/register/filter-bar/welsh-letter", Fixture, NULL, fixture_setup,
              test_filter_bar_welsh_letter, fixture_teardown);
  g_test_add ("/register/household-pane/shows-a-property", Fixture, NULL, fixture_setup,
              test_household_pane, fixture_teardown);
  g_test_add_func ("/ui/number-format/groups-digits", test_number_format);
  return g_test_run ();
}
