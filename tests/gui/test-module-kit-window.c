/* test-module-kit-window.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DESIGN.md §2: the window knows modules only through the module list and the page table.
 * A module that exists only in this test gets its row in the sidebar, its page, the context
 * of the district and its Alt+number shortcut. */

#include "config.h"

#include "ed-gui-test-util.h"
#include "ed-test-things.h"
#include "ui/ed-module-page.h"
#include "ui/ed-module-pages.h"
#include "ui/ed-window.h"

#define ED_TYPE_TEST_THINGS_PAGE (ed_test_things_page_get_type ())
G_DECLARE_FINAL_TYPE (EdTestThingsPage, ed_test_things_page, ED, TEST_THINGS_PAGE, EdModulePage)

struct _EdTestThingsPage
{
  EdModulePage  parent_instance;

  GtkLabel     *count_label;
};

G_DEFINE_FINAL_TYPE (EdTestThingsPage, ed_test_things_page, ED_TYPE_MODULE_PAGE)

static void
ed_test_things_page_set_context (EdModulePage *page,
                                 EdContext    *context)
{
  EdTestThingsPage *self = ED_TEST_THINGS_PAGE (page);
  g_autofree char *text = NULL;

  if (context == NULL)
    return;
  text = g_strdup_printf ("%u things", ed_test_things_count (context));
  gtk_label_set_text (self->count_label, text);
}

static void
ed_test_things_page_class_init (EdTestThingsPageClass *klass)
{
  ED_MODULE_PAGE_CLASS (klass)->set_context = ed_test_things_page_set_context;
}

static void
ed_test_things_page_init (EdTestThingsPage *self)
{
  self->count_label = GTK_LABEL (gtk_label_new (""));
  ed_module_page_set_content (ED_MODULE_PAGE (self), GTK_WIDGET (self->count_label));
}

static const EdModulePageInfo test_pages[] = {
  { "register", "x-office-address-book-symbolic", NULL, "The register is not under test." },
  { "things", "applications-science-symbolic", ed_test_things_page_get_type, NULL },
  { NULL },
};

static void
test_listed_module_has_page (void)
{
  g_autofree char *path = ed_gui_test_demo_district (NULL, 0);
  const EdModule *modules[] = { ed_modules_get_all ()[0], &ed_test_things_module, NULL };
  g_autoptr(GError) error = NULL;
  EdWindow *window = g_object_new (ED_TYPE_WINDOW, "modules", modules, "pages", test_pages,
                                   NULL);
  GtkWidget *list;
  GtkWidget *page;
  GtkWidget *stack;
  GtkListBoxRow *row;

  /* The district is opened with the window's module list, so it gains the things table. */
  g_assert_true (ed_window_open_district (window, path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (ed_schema_lookup (ed_context_get_schema (ed_window_get_context (window)),
                                      "thing"));
  gtk_window_present (GTK_WINDOW (window));
  ed_gui_test_iterate ();

  list = ed_gui_test_find_with_class (GTK_WIDGET (window), GTK_TYPE_LIST_BOX,
                                      "module-list");
  g_assert_nonnull (list);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (row), GTK_TYPE_LABEL, "Things"));

  page = ed_gui_test_find (GTK_WIDGET (window), ED_TYPE_TEST_THINGS_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_cmpstr (ed_module_page_get_title (ED_MODULE_PAGE (page)), ==, "Things");
  g_assert_cmpstr (ed_module_page_get_icon_name (ED_MODULE_PAGE (page)), ==,
                   "applications-science-symbolic");
  /* The page was handed the district. */
  g_assert_nonnull (ed_gui_test_find (page, GTK_TYPE_LABEL, "0 things"));

  /* The register's row in this table has no page type, so it shows the empty state. */
  stack = gtk_widget_get_ancestor (page, GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "register");
  g_assert_nonnull (ed_gui_test_find (gtk_stack_get_visible_child (GTK_STACK (stack)),
                                      ADW_TYPE_STATUS_PAGE, NULL));

  /* Its shortcut and action reach it by its id. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-module", "s",
                                             "things"));
  ed_gui_test_iterate ();
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (stack)) == page);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  ed_gui_test_init (&argc, &argv);

  g_test_add_func ("/ui/module-kit/listed-module-has-page", test_listed_module_has_page);

  return g_test_run ();
}
