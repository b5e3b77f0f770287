/* ed-test-pdf.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include "ed-test-pdf.h"

/* The text of the PDF at @path as pdftotext gives it, with the options @first_option and those
 * after it up to a NULL. Where pdftotext is not installed, NULL, and the test log says that the
 * PDF's words went unchecked: a test checks them where it can. */
char *
ed_test_pdf_text (const char *path,
                  const char *first_option,
                  ...)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;
  va_list options;

  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext is not installed: the PDF's text is not checked");
      return NULL;
    }
  g_ptr_array_add (argv, pdftotext);
  va_start (options, first_option);
  for (const char *option = first_option; option != NULL; option = va_arg (options, const char *))
    g_ptr_array_add (argv, (char *)option);
  va_end (options);
  g_ptr_array_add (argv, (char *)path);
  g_ptr_array_add (argv, (char *)"-");
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return out;
}
