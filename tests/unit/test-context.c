/* test-context.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-modules.h"
#include "district/ed-context.h"
#include "ed-test-dir.h"

static void
test_device_id_made_once (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  g_autofree char *first_id = NULL;
  g_autoptr(GError) error = NULL;
  EdContext *context;

  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  first_id = g_strdup (ed_context_get_device_id (context));
  g_assert_true (g_uuid_string_is_valid (first_id));
  g_object_unref (context);

  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_context_get_device_id (context), ==, first_id);
  g_object_unref (context);
}

static void
test_device_ids_differ_between_files (EdTestDir     *fixture,
                                      gconstpointer  data)
{
  g_autofree char *a_path = ed_test_dir_file (fixture, "a.db");
  g_autofree char *b_path = ed_test_dir_file (fixture, "b.db");
  g_autoptr(EdContext) a = ed_modules_open_district (a_path, NULL);
  g_autoptr(EdContext) b = ed_modules_open_district (b_path, NULL);

  g_assert_cmpstr (ed_context_get_device_id (a), !=, ed_context_get_device_id (b));
}

static void
test_user_name_override (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  g_autofree char *account = ed_desk_identity_get_account_name ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (81, 'x');
  EdContext *context;
  EdDeskIdentity *desk;

  context = ed_modules_open_district (path, &error);
  desk = ed_context_get_desk (context);
  g_assert_cmpstr (ed_context_get_user_name (context), ==, account);
  g_assert_null (ed_desk_identity_get_user_name_override (desk));

  g_assert_true (ed_desk_identity_set_user_name_override (desk, "  Pat Ellery ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ed_context_get_user_name (context), ==, "Pat Ellery");

  g_assert_false (ed_desk_identity_set_user_name_override (desk, long_name, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (ed_desk_identity_set_user_name_override (desk, "Two\nlines", &error));
  g_clear_error (&error);
  g_assert_cmpstr (ed_context_get_user_name (context), ==, "Pat Ellery");
  g_object_unref (context);

  /* The override is kept in the file, for this desk. */
  context = ed_modules_open_district (path, &error);
  g_assert_cmpstr (ed_context_get_user_name (context), ==, "Pat Ellery");

  /* Emptying it returns to the account's name. */
  g_assert_true (ed_desk_identity_set_user_name_override (ed_context_get_desk (context), "",
                                                          &error));
  g_assert_cmpstr (ed_context_get_user_name (context), ==, account);
  g_object_unref (context);
}

static void
test_default_paths (void)
{
  g_autofree char *data_dir = ed_context_get_data_dir ();
  g_autofree char *district = ed_context_get_default_database_path ();
  g_autofree char *demo = ed_context_get_demo_database_path ();

  g_assert_true (g_str_has_suffix (data_dir, "org.electoraldesk.ElectoralDesk"));
  g_assert_true (g_str_has_prefix (district, data_dir));
  g_assert_true (g_str_has_suffix (district, "district.db"));
  g_assert_cmpstr (district, !=, demo);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/core/context/device-id-made-once", test_device_id_made_once);
  ED_TEST_ADD ("/core/context/device-ids-differ", test_device_ids_differ_between_files);
  ED_TEST_ADD ("/core/context/user-name-override", test_user_name_override);
  g_test_add_func ("/core/context/default-paths", test_default_paths);

  return g_test_run ();
}
