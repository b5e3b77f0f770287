/* fuzz-import.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "district/ed-district-settings.h"
#include "ed-modules.h"
#include "register/ed-register-import.h"
#include "register/ed-register-search.h"
#include "ed-fuzz.h"

/* The elector CSV import, given any bytes as the file: it must never crash, and a file it
 * refuses, whole or in part, must leave the register as it was (DESIGN.md §7: a failed import
 * changes nothing). Each input goes into a fresh district in memory once the last one added
 * electors, so that every input meets the same register. */

static char *csv_path;
static EdContext *context;
static guint electors_at_start;

static void
open_fresh_district (void)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_clear_object (&context);
  context = ed_modules_open_district (":memory:", &error);
  g_assert_no_error (error);
  g_hash_table_insert (values, "council-name", "Fuzzbury District Council");
  g_hash_table_insert (values, "country", "wales");
  g_assert_true (ed_district_settings_create (ed_context_get_settings (context), values,
                                              &error));
  g_assert_no_error (error);
  g_assert_true (ed_register_count (context, &electors_at_start, &error));
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("ed-fuzz-import-XXXXXX.csv", &csv_path, &error);

  g_assert_no_error (error);
  close (fd);
  ed_fuzz_abort_on_warnings ();
  open_fresh_district ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdImportReport) report = NULL;
  guint electors = 0;

  ed_fuzz_write_input (csv_path, data, size);
  report = ed_register_import_csv (context, csv_path, NULL, NULL, NULL, &error);
  g_assert_true (ed_register_count (context, &electors, NULL));

  if (report == NULL)
    {
      /* Refused whole: a message, and nothing written. */
      g_assert_nonnull (error);
      ed_fuzz_assert_readable (error->message);
      g_assert_cmpuint (electors, ==, electors_at_start);
      return 0;
    }
  for (guint i = 0; i < report->problems->len; i++)
    {
      EdImportProblem *problem = g_ptr_array_index (report->problems, i);

      ed_fuzz_assert_readable (problem->reason);
      if (problem->value != NULL)
        ed_fuzz_assert_readable (problem->value);
      if (problem->field != NULL)
        ed_fuzz_assert_readable (problem->field);
    }
  if (report->problems->len > 0)
    {
      /* One refused row leaves the district unchanged. */
      g_assert_cmpuint (report->n_electors, ==, 0);
      g_assert_cmpuint (electors, ==, electors_at_start);
      return 0;
    }
  g_assert_cmpuint (electors, ==, electors_at_start + report->n_electors);
  if (report->n_electors > 0)
    open_fresh_district ();
  return 0;
}
