/* test-elector-list-model.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ui/register/ed-elector-list-model.h"
#include "ui/register/ed-elector-row.h"
#include "ed-gui-test-util.h"
#include "register/ed-elector-edit.h"
#include "register/ed-register-search.h"

/* The lazy register model must give the same rows, in the same order, as the register itself,
 * however the view jumps about and whatever pages it has dropped. */

static void
assert_row (EdContext  *context,
            GListModel *model,
            guint       position)
{
  g_autoptr(GPtrArray) expected = ed_register_list_range (context, position, 1, NULL);
  g_autoptr(EdElectorRow) row = g_list_model_get_item (model, position);
  EdElectorSummary *summary;

  g_assert_nonnull (expected);
  g_assert_cmpuint (expected->len, ==, 1);
  summary = g_ptr_array_index (expected, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (ed_elector_row_get_id (row), ==, summary->id);
  g_assert_cmpstr (ed_elector_row_get_number (row), ==, summary->number);
}

static void
assert_filtered_row (EdContext              *context,
                     const EdRegisterFilter *filter,
                     GListModel             *model,
                     guint                   position)
{
  g_autoptr(GPtrArray) expected =
    ed_register_list_range_filtered (context, filter, position, 1, NULL);
  g_autoptr(EdElectorRow) row = g_list_model_get_item (model, position);

  g_assert_nonnull (expected);
  g_assert_cmpuint (expected->len, ==, 1);
  g_assert_nonnull (row);
  g_assert_cmpstr (ed_elector_row_get_id (row), ==,
                   ((EdElectorSummary *)g_ptr_array_index (expected, 0))->id);
}

static void
count_changes_cb (guint *changes)
{
  (*changes)++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, added);
  (*calls)++;
}

static void
test_pages (void)
{
  g_autoptr(EdContext) context = ed_gui_test_demo_context (1900);
  g_autoptr(EdElectorListModel) model = ed_elector_list_model_new (context);
  GListModel *list = G_LIST_MODEL (model);
  guint n = 0;
  guint calls = 0;

  g_assert_true (ed_register_count (context, &n, NULL));
  g_assert_cmpuint (n, >, 1800);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  g_assert_true (g_list_model_get_item_type (list) == ED_TYPE_ELECTOR_ROW);

  /* Forward through more pages than the cache keeps, then back to the first, which it has
   * dropped by then; and either side of a page boundary. */
  for (guint position = 0; position < n; position += 97)
    assert_row (context, list, position);
  assert_row (context, list, 0);
  assert_row (context, list, 199);
  assert_row (context, list, 200);
  assert_row (context, list, n - 1);
  g_assert_null (g_list_model_get_item (list, n));

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &calls);
  ed_elector_list_model_refresh (model);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  assert_row (context, list, n / 2);
}

/* A filtered model lists exactly what the register lists for that filter, page by page, and
 * tells the view when the filter changes. */
static void
test_filtered (void)
{
  g_autoptr(EdContext) context = ed_gui_test_demo_context (1900);
  g_autoptr(EdElectorListModel) model = ed_elector_list_model_new (context);
  GListModel *list = G_LIST_MODEL (model);
  g_autoptr(GPtrArray) districts = ed_register_polling_districts (context, NULL);
  EdRegisterFilter filter;
  guint all = g_list_model_get_n_items (list);
  guint n = 0;
  guint changes = 0;
  g_autofree char *district = NULL;

  g_assert_nonnull (districts);
  g_assert_cmpuint (districts->len, >, 0);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  ed_register_filter_init (&filter);
  filter.absent_vote = ED_ABSENT_VOTE_FILTER_NONE;
  ed_elector_list_model_set_filter (model, &filter);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (ed_register_count_filtered (context, &filter, &n, NULL));
  g_assert_cmpuint (n, >, 200);
  g_assert_cmpuint (n, <, all);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  for (guint position = 0; position < n; position += 61)
    assert_filtered_row (context, &filter, list, position);
  assert_filtered_row (context, &filter, list, 199);
  assert_filtered_row (context, &filter, list, 200);
  assert_filtered_row (context, &filter, list, n - 1);
  g_assert_null (g_list_model_get_item (list, n));

  /* The model keeps its own copy of the filter's strings. */
  district = g_strdup (((EdPollingDistrictRef *)g_ptr_array_index (districts, 0))->id);
  filter.polling_district = district;
  ed_elector_list_model_set_filter (model, &filter);
  g_clear_pointer (&district, g_free);
  filter.polling_district = ((EdPollingDistrictRef *)g_ptr_array_index (districts, 0))->id;
  g_assert_true (ed_register_count_filtered (context, &filter, &n, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  assert_filtered_row (context, &filter, list, n / 2);
  g_assert_cmpuint (changes, ==, 2);

  ed_elector_list_model_set_filter (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, all);
  assert_row (context, list, all - 1);
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->calls++;
  change->position = position;
  change->removed = removed;
  change->added = added;
}

/* After another desk's edit: the model reads afresh, says nothing of rows whose count did not
 * change until asked, and then only of the rows asked for, never past its end. */
static void
test_reload (void)
{
  g_autoptr(EdContext) context = ed_gui_test_demo_context (300);
  g_autoptr(EdElectorListModel) model = ed_elector_list_model_new (context);
  GListModel *list = G_LIST_MODEL (model);
  g_autoptr(EdElectorRow) before = g_list_model_get_item (list, 3);
  g_autoptr(EdElectorRow) after = NULL;
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint n = g_list_model_get_n_items (list);
  Change change = { 0 };

  edit = ed_elector_edit_load (context, ed_elector_row_get_id (before), &error);
  g_assert_no_error (error);
  g_free (edit->surname);
  edit->surname = g_strdup ("Quillfeather");
  g_assert_true (ed_elector_edit_amend (context, edit, NULL, &error));
  g_assert_no_error (error);

  g_signal_connect (model, "items-changed", G_CALLBACK (record_change_cb), &change);
  ed_elector_list_model_reload (model, 100);
  g_assert_cmpuint (change.calls, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  after = g_list_model_get_item (list, 3);
  g_assert_true (after != before);
  g_assert_cmpstr (ed_elector_row_get_id (after), ==, ed_elector_row_get_id (before));
  name = g_utf8_strdown (ed_elector_row_get_name (after), -1);
  g_assert_nonnull (strstr (name, "quillfeather"));

  ed_elector_list_model_rows_changed (model, 0, 8);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 8);
  g_assert_cmpuint (change.added, ==, 8);
  ed_elector_list_model_rows_changed (model, n - 2, 8);
  g_assert_cmpuint (change.calls, ==, 2);
  g_assert_cmpuint (change.position, ==, n - 2);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 2);
  ed_elector_list_model_rows_changed (model, n, 8);
  g_assert_cmpuint (change.calls, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ui/elector-list-model/pages", test_pages);
  g_test_add_func ("/ui/elector-list-model/filtered", test_filtered);
  g_test_add_func ("/ui/elector-list-model/reload", test_reload);

  return g_test_run ();
}
