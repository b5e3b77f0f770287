/* ed-test-demo.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ed-modules.h"
/* The demo district as a fixture, for tests that need a realistic register of some size
 * rather than one built entry by entry (for that, see ed-test-register.h). */

#include "demo/ed-demo.h"
#include "ed-test-util.h"

/* A district of @electors demo electors in the file @name of the test's folder. The date is
 * fixed so that every run of a test sees the same register. */
static inline EdContext *
ed_test_demo_open_as (EdTestDir  *fixture,
                      const char *name,
                      guint       electors)
{
  g_autofree char *path = ed_test_dir_file (fixture, name);
  g_autoptr(GError) error = NULL;
  EdContext *context = ed_modules_open_district (path, &error);
  EdDemoOptions options;

  g_assert_no_error (error);
  ed_demo_options_init (&options);
  options.electors = electors;
  g_date_set_dmy (&options.today, 23, G_DATE_NOVEMBER, 2026);
  g_assert_true (ed_demo_generate (context, &options, &error));
  g_assert_no_error (error);
  return context;
}

/* The same in "demo.db". */
static inline EdContext *
ed_test_demo_open (EdTestDir *fixture,
                   guint      electors)
{
  return ed_test_demo_open_as (fixture, "demo.db", electors);
}
