/* test-supply-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-money.h"
#include "core/ed-today.h"
#include "ed-gui-test-util.h"
#include "register/ed-register-supply.h"
#include "ui/ed-number-format.h"
#include "ui/register/ed-supply-dialog.h"

static void
select_string (GtkWidget  *root,
               const char *title,
               const char *text)
{
  GtkWidget *row = ed_gui_test_find (root, ADW_TYPE_COMBO_ROW, title);
  GListModel *model;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return;
      }
  g_error ("“%s” has no choice “%s”", title, text);
}

/* DOMAIN.md §1.3: the base fee is charged once per register the ERO keeps, one per
 * constituency. With the district's parts in two constituencies, the dialog shows the fee that
 * will be recorded, two base fees, not the one a single file would be charged. */
static void
test_fee_as_recorded (void)
{
  g_autoptr(EdContext) context = ed_gui_test_demo_context (200);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  const EdSupplyEntitlement *entitlement = ed_supply_entitlement_lookup ("edited-register-purchase",
                                                                          &error);
  EdSupplyDialog *dialog;
  GtkWidget *fee_row;
  GtkWidget *fee_label;
  GtkWidget *entries_label;
  g_autofree char *entries_text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *single = NULL;
  guint64 entries;
  EdMoney fee;
  GDate today;

  g_assert_no_error (error);
  stmt = ed_database_prepare (ed_context_get_database (context),
                              "SELECT id FROM polling_district ORDER BY id LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, "polling_district",
                                    (const char *)sqlite3_column_text (stmt, 0), "constituency",
                                    g_variant_new_string ("Another Constituency"), &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);

  dialog = ed_supply_dialog_new (NULL, context);
  gtk_window_present (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                         "Recipient")),
                         "Mailshot Ltd");
  select_string (GTK_WIDGET (dialog), "Entitlement", ed_supply_entitlement_get_name (entitlement));
  select_string (GTK_WIDGET (dialog), "Copy", ed_sale_kind_get_display_name (ED_SALE_KIND_EDITED));
  select_string (GTK_WIDGET (dialog), "Format",
                 ed_sale_format_get_display_name (ED_SALE_FORMAT_DATA));
  ed_gui_test_iterate ();

  g_date_clear (&today, 1);
  ed_today (&today);
  g_assert_true (ed_register_supply_quote (context, entitlement, ED_SALE_KIND_EDITED,
                                           ED_SALE_FORMAT_DATA, &today, NULL, &entries, &fee,
                                           &error));
  g_assert_no_error (error);
  expected = ed_money_format (fee);
  single = ed_money_format (ed_supply_fee (entitlement, ED_SALE_KIND_EDITED,
                                           ED_SALE_FORMAT_DATA, entries));
  g_assert_cmpstr (expected, !=, single);

  fee_row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Fee");
  g_assert_nonnull (fee_row);
  fee_label = ed_gui_test_find_with_class (fee_row, GTK_TYPE_LABEL, "numeric");
  g_assert_nonnull (fee_label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (fee_label)), ==, expected);
  entries_label = ed_gui_test_find_with_class (ed_gui_test_find (GTK_WIDGET (dialog),
                                                                 ADW_TYPE_ACTION_ROW, "Entries"),
                                               GTK_TYPE_LABEL, "numeric");
  entries_text = ed_number_format_count ((guint)entries);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (entries_label)), ==, entries_text);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
}

/* The choices are listed in full: the combo's own list would cut "Government department
 * (purchase)" to its first words. Each choice is a label that wraps, never one that
 * ellipsizes. */
static void
test_choices_in_full (void)
{
  g_autoptr(EdContext) context = ed_gui_test_demo_context (20);
  EdSupplyDialog *dialog = ed_supply_dialog_new (NULL, context);
  const char *const titles[] = { "Entitlement", "Copy" };

  gtk_window_present (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
  for (gsize i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, titles[i]);
      g_autoptr(GtkListItemFactory) factory = NULL;

      g_assert_nonnull (row);
      factory = adw_combo_row_get_list_factory (ADW_COMBO_ROW (row));
      g_assert_nonnull (factory);
      g_object_ref (factory);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  ed_gui_test_init (&argc, &argv);

  g_test_add_func ("/ui/supply-dialog/fee-as-recorded", test_fee_as_recorded);
  g_test_add_func ("/ui/supply-dialog/choices-in-full", test_choices_in_full);

  return g_test_run ();
}
