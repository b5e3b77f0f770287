/* test-register-print.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-modules.h"
#include <glib/gstdio.h>

#include "ed-gui-test-util.h"
#include "ed-test-dir.h"
#include "ui/ed-print.h"
#include "register/ed-register-document.h"
#include "ui/register/ed-register-page.h"
#include "ui/register/ed-register-print.h"

#define N_ELECTORS 300

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("The export did not finish");
  return G_SOURCE_REMOVE;
}

/* The page's print actions take the edition. */
static void
test_page_actions (void)
{
  GtkWidgetClass *page_class = g_type_class_ref (ED_TYPE_REGISTER_PAGE);
  guint found = 0;
  const char *name;
  const GVariantType *parameter_type;
  const char *property_name;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (page_class, i, &owner, &name, &parameter_type,
                                                   &property_name);
       i++)
    if (g_str_equal (name, "register.print") || g_str_equal (name, "register.export-pdf"))
      {
        g_assert_true (g_variant_type_equal (parameter_type, G_VARIANT_TYPE_STRING));
        found++;
      }
  g_assert_cmpuint (found, ==, 2);
  g_type_class_unref (page_class);
}

/* The print button offers both editions, printed and as PDF. */
static void
test_menu (void)
{
  GtkWidget *button = g_object_ref_sink (ed_register_print_button_new ());
  GMenuModel *menu;
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpstr (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)), ==,
                   "document-print-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Print and export");

  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;
          g_autoptr(GVariant) target =
            g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET,
                                                   G_VARIANT_TYPE_STRING);

          g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION,
                                                          "s", &action));
          g_assert_nonnull (target);
          g_ptr_array_add (actions, g_strdup_printf ("%s::%s", action,
                                                     g_variant_get_string (target, NULL)));
        }
      g_object_unref (section);
    }
  g_assert_cmpuint (actions->len, ==, 4);
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "register.print::full", g_str_equal,
                                                   NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "register.print::open", g_str_equal,
                                                   NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "register.export-pdf::full",
                                                   g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "register.export-pdf::open",
                                                   g_str_equal, NULL));
  g_object_unref (button);
}

/* Exporting runs in a worker thread while the window stays responsive, then says what it
 * wrote. */
static void
test_export_pdf (void)
{
  g_autofree char *dir = g_dir_make_tmp ("electoral-desk-gui-XXXXXX", NULL);
  g_autofree char *path = ed_gui_test_demo_district (dir, N_ELECTORS);
  g_autofree char *pdf_path = g_build_filename (dir, "open.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf_path);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("Register");
  AdwMessageDialog *dialog;
  guint give_up;
  gsize length = 0;

  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  ed_gui_test_iterate ();

  ed_register_print_export_pdf (label, context, "open", file);
  give_up = g_timeout_add_seconds (60, give_up_cb, NULL);
  while (ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL)
    g_main_context_iteration (NULL, TRUE);
  dialog = ADW_MESSAGE_DIALOG (ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_source_remove (give_up);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Register Exported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "open.pdf"));
  /* The officer's next step is to look at the file (issue 12, item 15), and counts are
   * grouped as people write them. */
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "open");
  g_assert_true (g_regex_match_simple ("^[0-9]{1,3}(,[0-9]{3})* entr",
                                       adw_message_dialog_get_body (dialog), 0, 0));
  g_assert_true (g_file_get_contents (pdf_path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  ed_test_dir_assert_no_temporaries (dir);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  ed_gui_test_iterate ();
  g_clear_object (&context);
  ed_gui_test_remove_dir (dir);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  if (pdftotext == NULL)
    return NULL;
  {
    const char *argv[] = { pdftotext, "-f", "1", "-l", "2", path, "-", NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                  NULL, &error);
  }
  g_assert_no_error (error);
  return out;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* text's words, sorted, one a line; frees text. */
static char *
sorted_words (char *text)
{
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (text), " \n\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  qsort (words, g_strv_length (words), sizeof (char *), compare_strings);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s\n", words[i]);
  g_free (text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Printing goes through GtkPrintOperation with the same drawing as the PDF: the same pages,
 * saying the same things. */
static void
test_print_operation (void)
{
  g_autofree char *dir = g_dir_make_tmp ("electoral-desk-gui-XXXXXX", NULL);
  g_autofree char *path = ed_gui_test_demo_district (dir, N_ELECTORS);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *written = g_build_filename (dir, "written.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *written_text = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (path, NULL);
  g_autoptr(GError) error = NULL;
  EdDocument *document;
  guint n_pages;
  GDate as_at;

  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_DECEMBER, 2026);
  document = ed_register_document_new (context, ED_REGISTER_EDITION_FULL, &as_at, NULL, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (ed_document_write_pdf (document, written, &error));
  g_assert_no_error (error);
  n_pages = ed_document_paginate (document, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  g_assert_cmpuint (n_pages, >, 2);

  g_assert_true (ed_print_document_export (document, printed, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));

  printed_text = pdf_text (printed);
  written_text = pdf_text (written);
  if (printed_text == NULL)
    g_test_message ("pdftotext is not installed: the printed text is not compared");
  else
    {
      g_assert_nonnull (strstr (printed_text, "Register of Electors"));
      g_assert_nonnull (strstr (printed_text, "Page 1 of"));
      /* The same words: text extraction may take lines in a different order. */
      printed_text = sorted_words (printed_text);
      written_text = sorted_words (written_text);
      g_assert_cmpstr (printed_text, ==, written_text);
    }
  g_clear_object (&context);
  ed_gui_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  g_test_add_func ("/ui/register-print/page-actions", test_page_actions);
  g_test_add_func ("/ui/register-print/menu", test_menu);
  g_test_add_func ("/ui/register-print/export-pdf", test_export_pdf);
  g_test_add_func ("/ui/register-print/print-operation", test_print_operation);

  return g_test_run ();
}
