/* fuzz-stations.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "changes/ed-state-hash.h"
#include "district/ed-district-settings.h"
#include "ed-modules.h"
#include "stations/ed-stations-import.h"
#include "ed-fuzz.h"

/* The station file import, given any bytes as the file: it must never crash; a file it
 * refuses must leave the district as it was; a file it takes must, taken again, change
 * nothing; and every message and reason must be readable. Each input goes into a fresh
 * district in memory once the last one wrote something, so that every input meets the same
 * district. */

static char *path;
static EdContext *context;
static char *hash_at_start;

static char *
state_hash (void)
{
  g_autoptr(GError) error = NULL;
  char *hash = ed_state_hash (ED_REPLICA (context), TRUE, &error);

  g_assert_no_error (error);
  return hash;
}

static void
open_fresh_district (void)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_clear_object (&context);
  g_clear_pointer (&hash_at_start, g_free);
  context = ed_modules_open_district (":memory:", &error);
  g_assert_no_error (error);
  g_hash_table_insert (values, "council-name", "Fuzzbury District Council");
  g_hash_table_insert (values, "country", "england");
  g_assert_true (ed_district_settings_create (ed_context_get_settings (context), values,
                                              &error));
  g_assert_no_error (error);
  hash_at_start = state_hash ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("ed-fuzz-stations-XXXXXX.csv", &path, &error);

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
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStationsImportReport) report = NULL;
  g_autoptr(EdStationsImportReport) again = NULL;
  g_autofree char *hash = NULL;

  ed_fuzz_write_input (path, data, size);
  report = ed_stations_import (context, paths, FALSE, NULL, NULL, NULL, &error);
  hash = state_hash ();
  if (report == NULL)
    {
      g_assert_nonnull (error);
      ed_fuzz_assert_readable (error->message);
      g_assert_cmpstr (hash, ==, hash_at_start);
      return 0;
    }
  for (guint i = 0; i < report->files->dropped->len; i++)
    {
      EdStationFileDrop *drop = g_ptr_array_index (report->files->dropped, i);

      ed_fuzz_assert_readable (drop->reason);
    }
  if (report->n_ops == 0)
    {
      g_assert_cmpstr (hash, ==, hash_at_start);
      return 0;
    }

  /* The same file again finds everything in place. */
  again = ed_stations_import (context, paths, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_ops, ==, 0);
  open_fresh_district ();
  return 0;
}
