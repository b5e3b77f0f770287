/* test-register-household.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "changes/ed-change-set.h"
#include "register/ed-register-household.h"
#include "register/ed-register-search.h"
#include "ed-test-demo.h"

#define N_ELECTORS 400

/* The first property with more than one elector, and how many live there. */
static const char *
shared_property (GPtrArray *all,
                 guint     *out_count)
{
  for (guint i = 0; i < all->len; i++)
    {
      EdElectorSummary *summary = g_ptr_array_index (all, i);
      guint count = 0;

      if (summary->property[0] == '\0')
        continue;
      for (guint j = 0; j < all->len; j++)
        if (g_str_equal (((EdElectorSummary *)g_ptr_array_index (all, j))->property,
                         summary->property))
          count++;
      if (count > 1)
        {
          *out_count = count;
          return summary->property;
        }
    }
  g_assert_not_reached ();
}

static void
test_household (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = ed_register_list_range (context, 0, 1000, &error);
  g_autoptr(EdHousehold) household = NULL;
  EdElectorSummary *first = NULL;
  const char *property;
  guint count = 0;
  guint lines;

  g_assert_no_error (error);
  property = shared_property (all, &count);
  household = ed_register_household (context, property, &error);
  g_assert_no_error (error);
  g_assert_nonnull (household);

  g_assert_cmpstr (household->property_id, ==, property);
  g_assert_cmpint (household->uprn, >, 0);
  g_assert_cmpstr (household->polling_district_code, !=, "");
  g_assert_cmpstr (household->polling_district_name, !=, "");
  g_assert_cmpuint (household->electors->len, ==, count);

  /* Everyone at the address, in elector-number order, which the register lists them in. */
  for (guint i = 0, j = 0; i < all->len; i++)
    {
      EdElectorSummary *summary = g_ptr_array_index (all, i);

      if (!g_str_equal (summary->property, property))
        continue;
      g_assert_cmpstr (((EdElectorSummary *)g_ptr_array_index (household->electors, j))->id, ==,
                       summary->id);
      if (first == NULL)
        first = summary;
      j++;
    }

  /* The full address, a line a part, ending with the postcode; its district is the part of
   * the register the household's numbers are in. */
  lines = g_strv_length (household->address_lines);
  g_assert_cmpuint (lines, >=, 3);
  g_assert_cmpstr (household->address_lines[lines - 1], ==, first->postcode);
  g_assert_true (g_str_has_prefix (first->address, household->address_lines[0]));
  g_assert_true (g_str_has_prefix (first->number, household->polling_district_code));
}

/* An anonymous entry's address is never shown with it (RPR 2001 reg 41A, DOMAIN.md §1). */
static void
test_leaves_out_anonymous (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = ed_register_list_range (context, 0, 1000, &error);
  g_autoptr(EdHousehold) household = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  const char *property;
  const char *hidden_id = NULL;
  guint count = 0;

  g_assert_no_error (error);
  property = shared_property (all, &count);
  for (guint i = 0; i < all->len && hidden_id == NULL; i++)
    if (g_str_equal (((EdElectorSummary *)g_ptr_array_index (all, i))->property, property))
      hidden_id = ((EdElectorSummary *)g_ptr_array_index (all, i))->id;

  change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, "elector", hidden_id, "anonymous",
                                    g_variant_new_boolean (TRUE), &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);

  household = ed_register_household (context, property, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (household->electors->len, ==, count - 1);
  for (guint i = 0; i < household->electors->len; i++)
    g_assert_cmpstr (((EdElectorSummary *)g_ptr_array_index (household->electors, i))->id, !=,
                     hidden_id);
}

static void
test_no_such_property (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdHousehold) household = ed_register_household (context, "no-such-property",
                                                            &error);

  g_assert_null (household);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/register/household/everyone-at-the-address", test_household);
  ED_TEST_ADD ("/register/household/leaves-out-anonymous", test_leaves_out_anonymous);
  ED_TEST_ADD ("/register/household/no-such-property", test_no_such_property);

  return g_test_run ();
}
