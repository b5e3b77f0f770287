/* test-merge-refusals.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ed-modules.h"
#include "changes/ed-change-set.h"
#include "changes/ed-merge.h"
#include "changes/ed-op.h"
#include "changes/ed-state-hash.h"
#include "demo/ed-demo.h"
#include "district/ed-context.h"
#include "ed-test-demo.h"
#include "ed-test-dir.h"

/* What the merge refuses whole (SYNC.md §4.4): another district's changes, whether or not the
 * batch holds that district's own row, values that are not of their column's type, and files
 * that would crash a JSON parser. Each batch is refused before anything of it is applied, so
 * the district's state hash and op log are the same afterwards. Real district files made by the
 * demo, in the test's folder. */

#define FOREIGN_DESK "dddddddd-0000-4000-8000-00000000000d"

/* A demo district: the seed decides which district it is, so two seeds give two councils. */
static EdContext *
open_demo (EdTestDir  *fixture,
           const char *name,
           guint32     seed,
           guint       electors)
{
  g_autofree char *path = ed_test_dir_file (fixture, name);
  g_autoptr(GError) error = NULL;
  EdContext *context = ed_modules_open_district (path, &error);
  EdDemoOptions options;

  g_assert_no_error (error);
  ed_demo_options_init (&options);
  options.seed = seed;
  options.electors = electors;
  g_date_set_dmy (&options.today, 23, G_DATE_NOVEMBER, 2026);
  g_assert_true (ed_demo_generate (context, &options, &error));
  g_assert_no_error (error);
  return context;
}

/* Everything that says what a district holds: refused batches must leave all of it alone. */
typedef struct
{
  char   *hash;
  gint64  n_ops;
  gint64  n_electors;
  gint64  n_polling_districts;
} Snapshot;

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->hash, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

static void
take_snapshot (EdContext *context,
               Snapshot  *snapshot)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(GError) error = NULL;

  snapshot_clear (snapshot);
  snapshot->hash = ed_state_hash (ED_REPLICA (context), TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (ed_database_count_rows (database, "op_log", &snapshot->n_ops, NULL));
  g_assert_true (ed_database_count_rows (database, "elector", &snapshot->n_electors, NULL));
  g_assert_true (ed_database_count_rows (database, "polling_district",
                                         &snapshot->n_polling_districts, NULL));
}

static void
assert_unchanged (EdContext      *context,
                  const Snapshot *before)
{
  g_auto(Snapshot) after = { 0 };

  take_snapshot (context, &after);
  g_assert_cmpstr (before->hash, ==, after.hash);
  g_assert_cmpint (before->n_ops, ==, after.n_ops);
  g_assert_cmpint (before->n_electors, ==, after.n_electors);
  g_assert_cmpint (before->n_polling_districts, ==, after.n_polling_districts);
}

/* The district a desk says its batches belong to, as the ops file's header carries it. */
static char *
district_of (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  char *district = ed_merge_get_district_id (ED_REPLICA (context), &error);

  g_assert_no_error (error);
  return district;
}

/* The way ops travel by hand: written to a file by one desk, read back by another. */
static GPtrArray *
through_file (EdTestDir  *fixture,
              EdContext  *from,
              GPtrArray  *ops,
              char      **out_district)
{
  g_autofree char *path = ed_test_dir_file (fixture, "batch.json");
  g_autofree char *district = district_of (from);
  g_autoptr(GError) error = NULL;
  GPtrArray *read;

  g_assert_true (ed_ops_write_file (ops, district, path, &error));
  g_assert_no_error (error);
  read = ed_ops_read_file (path, out_district, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  return read;
}

static gboolean
apply_batch (EdContext   *context,
             const char  *district,
             GPtrArray   *ops,
             GError     **error)
{
  return ed_merge_apply (ED_REPLICA (context), district, ops, NULL, error);
}

/* Every op of a desk after its first: what "ops export --since DESK:1" writes. */
static GPtrArray *
export_after_first (EdContext *context)
{
  g_autoptr(GHashTable) since = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  gint64 first = 1;
  GPtrArray *ops;

  g_hash_table_insert (since, (gpointer)ed_replica_get_device_id (ED_REPLICA (context)), &first);
  ops = ed_merge_export (ED_REPLICA (context), since, &error);
  g_assert_no_error (error);
  return ops;
}

static gboolean
holds_table (GPtrArray  *ops,
             const char *table)
{
  for (guint i = 0; i < ops->len; i++)
    if (g_str_equal (((const EdOp *)g_ptr_array_index (ops, i))->tbl, table))
      return TRUE;
  return FALSE;
}

/* Issue: an incremental export of district D, which holds no row of the district table,
 * poured D's electors into district B and doubled its polling districts. */
static void
test_other_district_without_its_row (EdTestDir     *fixture,
                                     gconstpointer  data)
{
  g_autoptr(EdContext) d = open_demo (fixture, "d.db", 1, 100);
  g_autoptr(EdContext) b = open_demo (fixture, "b.db", 2, 50);
  g_autoptr(GPtrArray) exported = export_after_first (d);
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *declared = NULL;
  g_autofree char *district_b = district_of (b);
  g_auto(Snapshot) before = { 0 };

  g_assert_false (holds_table (exported, "district"));
  g_assert_true (holds_table (exported, "elector"));
  ops = through_file (fixture, d, exported, &declared);
  g_assert_nonnull (declared);

  take_snapshot (b, &before);
  g_assert_false (apply_batch (b, declared, ops, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_OTHER_DISTRICT);
  /* Both districts named in full: two ids made the same day share their first digits. */
  g_assert_nonnull (strstr (error->message, declared));
  g_assert_nonnull (strstr (error->message, district_b));
  g_assert_nonnull (strstr (error->message, "nothing was applied"));
  assert_unchanged (b, &before);
}

/* The same batch with its header taken away is refused too: it does not hold this district's
 * own row, so nothing shows whose it is. */
static void
test_undeclared_batch_without_its_row (EdTestDir     *fixture,
                                       gconstpointer  data)
{
  g_autoptr(EdContext) d = open_demo (fixture, "d.db", 1, 100);
  g_autoptr(EdContext) b = open_demo (fixture, "b.db", 2, 50);
  g_autoptr(GPtrArray) ops = export_after_first (d);
  g_autoptr(GError) error = NULL;
  g_auto(Snapshot) before = { 0 };

  take_snapshot (b, &before);
  g_assert_false (apply_batch (b, NULL, ops, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_OTHER_DISTRICT);
  assert_unchanged (b, &before);
}

/* A batch that says it is B's but carries another district's own row is forged or broken. */
static void
test_header_and_row_disagree (EdTestDir     *fixture,
                              gconstpointer  data)
{
  g_autoptr(EdContext) d = open_demo (fixture, "d.db", 1, 100);
  g_autoptr(EdContext) b = open_demo (fixture, "b.db", 2, 50);
  g_autoptr(GPtrArray) ops = ed_merge_export (ED_REPLICA (d), NULL, NULL);
  g_autofree char *district_b = district_of (b);
  g_autoptr(GError) error = NULL;
  g_auto(Snapshot) before = { 0 };

  take_snapshot (b, &before);
  g_assert_false (apply_batch (b, district_b, ops, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_OTHER_DISTRICT);
  assert_unchanged (b, &before);
}

/* The district's own desks still exchange incremental batches, and a new desk is made from a
 * full one; a new desk refuses an incremental batch, which would leave it holding changes of
 * a district it does not have. */
static void
test_own_district_still_merges (EdTestDir     *fixture,
                                gconstpointer  data)
{
  g_autoptr(EdContext) b = open_demo (fixture, "b.db", 2, 50);
  g_autofree char *second_path = ed_test_dir_file (fixture, "b2.db");
  g_autofree char *third_path = ed_test_dir_file (fixture, "b3.db");
  g_autoptr(EdContext) second = NULL;
  g_autoptr(EdContext) third = NULL;
  g_autoptr(GPtrArray) all = ed_merge_export (ED_REPLICA (b), NULL, NULL);
  g_autoptr(GPtrArray) later = export_after_first (b);
  g_autoptr(GPtrArray) ops = NULL;
  g_autofree char *declared = NULL;
  g_autofree char *district_b = district_of (b);
  g_autofree char *district_second = NULL;
  g_autofree char *hash_b = NULL;
  g_autofree char *hash_second = NULL;
  g_autoptr(GError) error = NULL;
  EdMergeStats stats = { 0 };

  second = ed_modules_open_district (second_path, &error);
  g_assert_no_error (error);
  ops = through_file (fixture, b, all, &declared);
  g_assert_cmpstr (declared, ==, district_b);
  g_assert_true (ed_merge_apply (ED_REPLICA (second), declared, ops, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.applied, ==, all->len);
  district_second = district_of (second);
  g_assert_cmpstr (district_second, ==, district_b);

  g_assert_true (ed_merge_apply (ED_REPLICA (second), district_b, later, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.applied, ==, 0);
  hash_b = ed_state_hash (ED_REPLICA (b), TRUE, NULL);
  hash_second = ed_state_hash (ED_REPLICA (second), TRUE, NULL);
  g_assert_cmpstr (hash_b, ==, hash_second);

  third = ed_modules_open_district (third_path, &error);
  g_assert_no_error (error);
  g_assert_false (ed_merge_apply (ED_REPLICA (third), district_b, later, NULL, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_OTHER_DISTRICT);
}

/* A file of the first format, which has no header: read by the old rule when it holds the
 * district's own row, refused by a district when it does not. */
static void
test_first_format_files (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdContext) b = open_demo (fixture, "b.db", 2, 50);
  g_autofree char *old_full = ed_test_dir_file (fixture, "old-full.json");
  g_autofree char *old_later = ed_test_dir_file (fixture, "old-later.json");
  g_autofree char *second_path = ed_test_dir_file (fixture, "b2.db");
  g_autoptr(EdContext) second = NULL;
  g_autoptr(GPtrArray) all = ed_merge_export (ED_REPLICA (b), NULL, NULL);
  g_autoptr(GPtrArray) later = export_after_first (b);
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *declared = NULL;
  g_autofree char *text = NULL;
  g_autofree char *old_text = NULL;
  g_auto(GStrv) parts = NULL;

  /* Version 1 is version 2 without the district. */
  g_assert_true (ed_ops_write_file (all, NULL, old_full, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (old_full, &text, NULL, NULL));
  parts = g_strsplit (text, "\"version\" : 2", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  old_text = g_strjoinv ("\"version\" : 1", parts);
  g_assert_true (g_file_set_contents (old_full, old_text, -1, NULL));

  ops = ed_ops_read_file (old_full, &declared, &error);
  g_assert_no_error (error);
  g_assert_null (declared);
  second = ed_modules_open_district (second_path, &error);
  g_assert_no_error (error);
  g_assert_true (ed_merge_apply (ED_REPLICA (second), NULL, ops, NULL, &error));
  g_assert_no_error (error);

  /* Without the district's row, a first-format file is refused with a reason. */
  g_assert_true (ed_ops_write_file (later, NULL, old_later, &error));
  g_clear_pointer (&ops, g_ptr_array_unref);
  ops = ed_ops_read_file (old_later, &declared, &error);
  g_assert_no_error (error);
  g_assert_false (ed_merge_apply (ED_REPLICA (second), NULL, ops, NULL, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_OTHER_DISTRICT);
  g_assert_nonnull (strstr (error->message, "district"));
}

/* One electoral area of @context, and its op id, for ops that edit it. */
static char *
some_area (EdContext  *context,
           char      **out_ins_id)
{
  g_autoptr(GPtrArray) ops = ed_merge_export (ED_REPLICA (context), NULL, NULL);

  for (guint i = 0; i < ops->len; i++)
    {
      const EdOp *op = g_ptr_array_index (ops, i);

      if (op->kind == ED_OP_INS && g_str_equal (op->tbl, "electoral_area"))
        {
          *out_ins_id = ed_op_get_id (op);
          return g_strdup (op->pk);
        }
    }
  g_assert_not_reached ();
}

static EdOp *
foreign_set (gint64      seq,
             const char *pk,
             const char *pred,
             const char *col,
             const char *val)
{
  EdOp *op = ed_op_new ();
  const char *preds[] = { pred, NULL };

  op->device = g_strdup (FOREIGN_DESK);
  op->seq = seq;
  op->hlc = ed_hlc_pack (G_GINT64_CONSTANT (1795000000000), 0);
  op->tbl = g_strdup ("electoral_area");
  op->pk = g_strdup (pk);
  op->col = g_strdup (col);
  op->kind = ED_OP_SET;
  op->val = g_strdup (val);
  op->pred = g_strdupv ((char **)preds);
  op->seen = g_new0 (char *, 1);
  op->user = g_strdup ("mallory");
  return op;
}

/* Issue: "not json", or a number for a text column, was applied as an empty value. Each is
 * refused with its reason, and takes a good op of the same batch down with it. */
static void
test_mistyped_values (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) b = open_demo (fixture, "b.db", 2, 20);
  g_autofree char *district = district_of (b);
  g_autofree char *ins_id = NULL;
  g_autofree char *area = some_area (b, &ins_id);
  const struct
  {
    const char *col;
    const char *val;
    const char *reason;
  } bad[] = {
    { "name", "not json", "not json" },
    { "name", "42", "42" },
    { "seats", "\"two\"", "two" },
    { "seats", "2.5", "2.5" },
    { "name", "[\"a\"]", "a" },
    { "name", "\"A\\u0301\"", "NFC" },
    { "name", "\"Ward\" \"Two\"", "Ward" },
  };
  g_auto(Snapshot) before = { 0 };

  take_snapshot (b, &before);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_op_free);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s = %s", bad[i].col, bad[i].val);
      g_ptr_array_add (ops, foreign_set (1, area, ins_id, "code", "\"W99\""));
      g_ptr_array_add (ops, foreign_set (2, area, ins_id, bad[i].col, bad[i].val));
      g_assert_false (apply_batch (b, district, ops, &error));
      g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE);
      g_assert_nonnull (strstr (error->message, bad[i].col));
      g_assert_nonnull (strstr (error->message, bad[i].reason));
      assert_unchanged (b, &before);
    }

  /* An ins whose object holds a value of the wrong type, or is no object. */
  {
    g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_op_free);
    g_autoptr(GError) error = NULL;
    EdOp *ins = foreign_set (1, "01aaaaaa-0000-7000-8000-000000000001", ins_id, ED_ROW_COLUMN,
                             "{\"code\":\"W98\",\"name\":\"New\",\"kind\":\"ward\","
                             "\"seats\":\"x\"}");

    ins->kind = ED_OP_INS;
    g_ptr_array_add (ops, ins);
    g_assert_false (apply_batch (b, district, ops, &error));
    g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE);
    g_assert_nonnull (strstr (error->message, "seats"));
    g_clear_error (&error);

    g_free (ins->val);
    ins->val = g_strdup ("\"not an object\"");
    g_assert_false (apply_batch (b, district, ops, &error));
    g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE);
    assert_unchanged (b, &before);
  }

  /* The good op alone goes in. */
  {
    g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_op_free);
    g_autoptr(GError) error = NULL;

    g_ptr_array_add (ops, foreign_set (1, area, ins_id, "code", "\"W99\""));
    g_assert_true (apply_batch (b, district, ops, &error));
    g_assert_no_error (error);
  }
}

static char *
nested (guint depth)
{
  GString *text = g_string_sized_new (depth * 2 + 1);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, i % 2 ? '[' : '{');
  for (guint i = depth; i > 0; i--)
    g_string_append_c (text, (i - 1) % 2 ? ']' : '}');
  return g_string_free (text, FALSE);
}

/* Issue: 100,000 levels of brackets crashed "ops apply"; an empty file raised a critical. */
static void
test_hostile_files (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_autofree char *deep_path = ed_test_dir_file (fixture, "deep.json");
  g_autofree char *empty_path = ed_test_dir_file (fixture, "empty.json");
  g_autofree char *blank_path = ed_test_dir_file (fixture, "blank.json");
  g_autofree char *arrays = g_strnfill (100000, '[');
  const char *paths[] = { deep_path, empty_path, blank_path };
  const char *reasons[] = { "nested", "empty", "empty" };

  g_assert_true (g_file_set_contents (deep_path, arrays, -1, NULL));
  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));
  g_assert_true (g_file_set_contents (blank_path, " \n\t\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) ops = ed_ops_read_file (paths[i], NULL, &error);
      g_autofree char *base = g_path_get_basename (paths[i]);

      g_assert_null (ops);
      g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, base));
      g_assert_nonnull (strstr (error->message, reasons[i]));
    }

  /* Brackets inside strings are text, however many. */
  {
    g_autofree char *in_string = g_strdup_printf ("{\"format\": \"%s\"}", arrays);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) ops = NULL;

    g_assert_true (g_file_set_contents (deep_path, in_string, -1, NULL));
    ops = ed_ops_read_file (deep_path, NULL, &error);
    g_assert_null (ops);
    g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID);
    g_assert_null (strstr (error->message, "nested"));
  }
}

/* Found by the ops fuzz target (tests/fuzz): what a person is told about a hostile file quotes
 * it safely. A parse error quotes the file's bytes, which may be anything; a row or desk id
 * that is not an identifier is refused before it reaches a message; a refused value with a
 * control character shows its code, not the character. */
static gboolean
fit_to_show (const char *message)
{
  if (!g_utf8_validate (message, -1, NULL))
    return FALSE;
  for (const char *p = message; *p != '\0'; p++)
    if (*p != '\n' && g_ascii_iscntrl (*p))
      return FALSE;
  return TRUE;
}

static void
test_messages_fit_to_show (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "hostile.json");
  static const char *const files[] = {
    /* a broken surrogate where a member name should end, and an escape sequence */
    "{\"format\": \"electoral-desk-ops\", \"version\": 2, \"pk\xed\xa0\x80: \"\x1b[31m\"}",
    /* a row id with invalid UTF-8 and a terminal escape */
    "{\"format\": \"electoral-desk-ops\", \"version\": 2, \"district\": null, \"ops\": ["
    "{\"device\": \"d\", \"seq\": 1, \"hlc\": 1, \"tbl\": \"district\", "
    "\"pk\": \"01a2\xed\xa0\x80\x1b[2J\", \"col\": \"__row\", \"kind\": \"ins\", "
    "\"val\": \"{}\", \"pred\": [], \"seen\": [], \"user\": \"u\"}]}",
    /* an op of a kind that does not exist, with a control character in its name */
    "{\"format\": \"electoral-desk-ops\", \"version\": 2, \"district\": null, \"ops\": ["
    "{\"device\": \"d\", \"seq\": 1, \"hlc\": 1, \"tbl\": \"district\", "
    "\"pk\": \"p\", \"col\": \"__row\", \"kind\": \"s\\u0001het\", "
    "\"val\": \"{}\", \"pred\": [], \"seen\": [], \"user\": \"u\"}]}",
    /* members of the wrong type where json-glib's getters would warn */
    "{\"format\": [\"electoral-desk-ops\"], \"version\": 2, \"ops\": []}",
    "{\"format\": \"electoral-desk-ops\", \"version\": {\"major\": 2}, \"ops\": []}",
    /* an op id in "pred" and a device holding characters JSON must escape: stored as they
     * were, they would not read back, and the same file applied again would be refused as a
     * forged op (found by fuzzing) */
    "{\"format\": \"electoral-desk-ops\", \"version\": 2, \"district\": null, \"ops\": ["
    "{\"device\": \"d\", \"seq\": 1, \"hlc\": 1, \"tbl\": \"district\", "
    "\"pk\": \"p\", \"col\": \"name\", \"kind\": \"set\", "
    "\"val\": \"1\", \"pred\": [\"d7ends\\\":\\\\x:1\"], \"seen\": [], \"user\": \"u\"}]}",
    "{\"format\": \"electoral-desk-ops\", \"version\": 2, \"district\": null, \"ops\": ["
    "{\"device\": \"d\\\\e\", \"seq\": 1, \"hlc\": 1, \"tbl\": \"district\", "
    "\"pk\": \"p\", \"col\": \"__row\", \"kind\": \"ins\", "
    "\"val\": \"{}\", \"pred\": [], \"seen\": [], \"user\": \"u\"}]}",
    /* text that json-glib's octal escapes make into bytes that are not UTF-8, in a value
     * and in the user's name (found by fuzzing: a GLib critical) */
    "{\"format\": \"electoral-desk-ops\", \"version\": 2, \"district\": null, \"ops\": ["
    "{\"device\": \"d\", \"seq\": 1, \"hlc\": 1, \"tbl\": \"district\", "
    "\"pk\": \"p\", \"col\": \"__row\", \"kind\": \"ins\", "
    "\"val\": \"{\\\"council_name\\\": \\\"Offices\\213\\\"}\", \"pred\": [], "
    "\"seen\": [], \"user\": \"u\"}]}",
    "{\"format\": \"electoral-desk-ops\", \"version\": 2, \"district\": null, \"ops\": ["
    "{\"device\": \"d\", \"seq\": 1, \"hlc\": 1, \"tbl\": \"district\", "
    "\"pk\": \"p\", \"col\": \"__row\", \"kind\": \"ins\", "
    "\"val\": \"{}\", \"pred\": [], \"seen\": [], \"user\": \"officer\\351\"}]}",
    /* a district header with a control character */
    "{\"format\": \"electoral-desk-ops\", \"version\": 2, \"district\": \"a\\u001bb\", "
    "\"ops\": []}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) ops = NULL;

      g_assert_true (g_file_set_contents (path, files[i], -1, NULL));
      ops = ed_ops_read_file (path, NULL, &error);
      g_assert_null (ops);
      g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (fit_to_show (error->message));
    }

  /* A value that is not JSON, with a control character in it: quoted with its code. */
  {
    g_autoptr(EdContext) context = ed_test_demo_open (fixture, 20);
    g_autoptr(GPtrArray) ops = ed_merge_export (ED_REPLICA (context), NULL, NULL);
    g_autofree char *district = ed_merge_get_district_id (ED_REPLICA (context), NULL);
    g_autoptr(GError) error = NULL;
    EdOp *op = NULL;

    for (guint i = 0; i < ops->len && op == NULL; i++)
      if (((EdOp *)g_ptr_array_index (ops, i))->kind == ED_OP_INS)
        op = g_ptr_array_index (ops, i);
    g_assert_nonnull (op);
    g_free (op->val);
    op->val = g_strdup ("{\"code\":\"W01\",\x02}");
    g_assert_false (ed_op_check_value (op, ed_replica_get_schema (ED_REPLICA (context)), &error));
    g_test_message ("%s", error->message);
    g_assert_true (fit_to_show (error->message));
    g_assert_nonnull (strstr (error->message, "<U+0002>"));

    /* A value whose text is not UTF-8 (an op may come from elsewhere than a file): refused,
     * with no GLib critical. */
    g_clear_error (&error);
    g_free (op->val);
    op->val = g_strdup ("{\"code\":\"W\x8b\"}");
    g_assert_false (ed_op_check_value (op, ed_replica_get_schema (ED_REPLICA (context)), &error));
    g_test_message ("%s", error->message);
    g_assert_true (fit_to_show (error->message));
  }
}

/* A value nested deeply inside an op's "val" text, which the file reader sees as one string,
 * is refused by the merge before anything parses it. */
static void
test_deeply_nested_value (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdContext) b = open_demo (fixture, "b.db", 2, 20);
  g_autofree char *district = district_of (b);
  g_autofree char *ins_id = NULL;
  g_autofree char *area = some_area (b, &ins_id);
  g_autofree char *deep = nested (100000);
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_op_free);
  g_autoptr(GError) error = NULL;
  EdOp *ins;
  g_auto(Snapshot) before = { 0 };

  take_snapshot (b, &before);
  g_ptr_array_add (ops, foreign_set (1, area, ins_id, "name", deep));
  g_assert_false (apply_batch (b, district, ops, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "nested"));
  g_clear_error (&error);

  ins = g_ptr_array_index (ops, 0);
  ins->kind = ED_OP_INS;
  g_free (ins->col);
  ins->col = g_strdup (ED_ROW_COLUMN);
  g_free (ins->pk);
  ins->pk = g_strdup ("01aaaaaa-0000-7000-8000-000000000002");
  g_assert_false (apply_batch (b, district, ops, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE);
  assert_unchanged (b, &before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/changes/merge/refuses-other-district-without-its-row",
               test_other_district_without_its_row);
  ED_TEST_ADD ("/changes/merge/refuses-undeclared-batch-without-its-row",
               test_undeclared_batch_without_its_row);
  ED_TEST_ADD ("/changes/merge/refuses-header-and-row-disagreeing",
               test_header_and_row_disagree);
  ED_TEST_ADD ("/changes/merge/own-district-still-merges", test_own_district_still_merges);
  ED_TEST_ADD ("/changes/op-file/first-format-by-the-old-rule", test_first_format_files);
  ED_TEST_ADD ("/changes/merge/refuses-mistyped-values", test_mistyped_values);
  ED_TEST_ADD ("/changes/op-file/refuses-hostile-files", test_hostile_files);
  ED_TEST_ADD ("/changes/op-file/messages-fit-to-show", test_messages_fit_to_show);
  ED_TEST_ADD ("/changes/merge/refuses-deeply-nested-value", test_deeply_nested_value);

  return g_test_run ();
}
