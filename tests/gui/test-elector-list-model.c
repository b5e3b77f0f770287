/* test-elector-list-model.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-demo.h"
#include "ed-elector-list-model.h"
#include "ed-elector-row.h"
#include "ed-register-search.h"

/* The lazy register model must give the same rows, in the same order, as the register itself,
 * however the view jumps about and whatever pages it has dropped. */

static EdContext *
make_demo_context (guint electors)
{
  g_autofree char *dir = g_dir_make_tmp ("ed-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  EdContext *context = ed_context_open (path, NULL);
  EdDemoOptions options;

  g_assert_nonnull (context);
  ed_demo_options_init (&options);
  options.electors = electors;
  g_assert_true (ed_demo_generate (context, &options, NULL));
  return context;
}

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
  g_autoptr(EdContext) context = make_demo_context (1900);
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ui/elector-list-model/pages", test_pages);

  return g_test_run ();
}
