/* test-ins-value.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "changes/ed-ins-value.h"

static const EdColumnDef columns[] = {
  { "surname", ED_VALUE_TEXT },
  { "number", ED_VALUE_INTEGER },
  { "postal", ED_VALUE_BOOLEAN },
  { "attainer_date", ED_VALUE_DATE },
};
static const EdTableDef table = { "person", columns, G_N_ELEMENTS (columns) };

/* The compact form is only a way of storing: reading it back gives the same bytes. */
static void
test_round_trip (void)
{
  static const char *objects[] = {
    "{\"surname\":\"O'Brien\",\"number\":124,\"postal\":true,\"attainer_date\":\"\"}",
    "{\"surname\":\"say \\\"hi\\\", \\\\ ]}\",\"number\":-7,\"postal\":false,"
    "\"attainer_date\":\"2027-03-01\"}",
    "{\"surname\":\"Zoë\\n\",\"number\":0,\"postal\":false,\"attainer_date\":\"2027-03-01\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      g_autofree char *compact = _ed_ins_value_compact (&table, objects[i]);
      g_autofree char *expanded = NULL;

      g_assert_nonnull (compact);
      g_assert_true (compact[0] == '[');
      g_assert_null (strstr (compact, "\"surname\":"));
      expanded = _ed_ins_value_expand (&table, compact);
      g_assert_cmpstr (expanded, ==, objects[i]);
    }
}

/* Anything but the canonical object of exactly these columns is stored as it came: an insert
 * from a version with another column must reach the next desk whole. */
static void
test_other_objects_kept (void)
{
  static const char *objects[] = {
    "{\"number\":124,\"surname\":\"Ash\",\"postal\":true,\"attainer_date\":\"\"}",
    "{\"surname\":\"Ash\",\"number\":124,\"postal\":true}",
    "{\"surname\":\"Ash\",\"number\":124,\"postal\":true,\"attainer_date\":\"\",\"x\":1}",
    "{\"surname\": \"Ash\",\"number\":124,\"postal\":true,\"attainer_date\":\"\"}",
    "{\"surname\":{\"a\":1},\"number\":124,\"postal\":true,\"attainer_date\":\"\"}",
    "{\"surname\":\"Ash\",\"number\":124,\"postal\":true,\"attainer_date\":\"\"} ",
    "{\"surname\":\"Ash",
    "[\"Ash\",124,true,\"\"]",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      g_autofree char *compact = _ed_ins_value_compact (&table, objects[i]);

      if (compact != NULL)
        g_error ("“%s” was compacted to “%s”", objects[i], compact);
    }
  g_assert_null (_ed_ins_value_compact (NULL, objects[0]));
}

static void
test_bad_arrays_refused (void)
{
  static const char *arrays[] = {
    "[\"Ash\",124,true]",
    "[\"Ash\",124,true,\"\",5]",
    "[\"Ash\",124,true,\"\"",
    "[\"Ash,124,true,\"\"]",
    "{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    g_assert_null (_ed_ins_value_expand (&table, arrays[i]));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ins-value/round-trip", test_round_trip);
  g_test_add_func ("/ins-value/other-objects-kept", test_other_objects_kept);
  g_test_add_func ("/ins-value/bad-arrays-refused", test_bad_arrays_refused);

  return g_test_run ();
}
