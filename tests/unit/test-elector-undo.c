/* test-elector-undo.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "register/ed-elector-edit.h"
#include "register/ed-elector-undo.h"
#include "ed-test-register.h"

/* Undo puts the register back as it was: the same rows, and nothing left waiting for the next
 * notice that the officer took back. The state hash without heads covers every synced row's
 * values. */

typedef struct
{
  EdContext *context;
  char      *district;
  char      *property;
  char      *smith;
} Register;

static void
register_open (Register  *reg,
               EdTestDir *fixture)
{
  reg->context = ed_test_register_open (fixture, "england");
  reg->district = ed_test_register_add_district (reg->context, "AB", "Millbrook");
  reg->property = ed_test_register_add_property (reg->context, reg->district, "1", "Mill Lane");
  reg->smith = ed_test_register_add_elector (reg->context, reg->district, reg->property, "AB",
                                             124, 0, "Smith", "Alex", "current",
                                             ED_TEST_ELECTOR_NONE);
}

static void
register_close (Register *reg)
{
  g_clear_object (&reg->context);
  g_free (reg->district);
  g_free (reg->property);
  g_free (reg->smith);
}

/* The rows as they read, not the versions behind them: an undo is a new version of the
 * same values. */
static char *
visible_state (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  char *hash = ed_state_hash (ED_REPLICA (context), FALSE, &error);

  g_assert_no_error (error);
  return hash;
}

static char *
pending_alterations (Register *reg)
{
  return ed_test_register_get (reg->context,
                               "SELECT count (*) FROM register_alteration WHERE notice = ''",
                               NULL);
}

static void
test_undo_delete (EdTestDir     *fixture,
                  gconstpointer  data)
{
  Register reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElectorSnapshot) snapshot = NULL;
  g_autofree char *before = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;
  g_autofree char *status = NULL;
  g_autofree char *pending = NULL;

  register_open (&reg, fixture);
  before = visible_state (reg.context);
  snapshot = ed_elector_snapshot_take (reg.context, reg.smith, &error);
  g_assert_no_error (error);
  g_assert_true (ed_elector_delete (reg.context, reg.smith, ED_DELETION_DIED, NULL, NULL,
                                    &error));
  g_assert_no_error (error);
  deleted = visible_state (reg.context);
  g_assert_cmpstr (deleted, !=, before);

  g_assert_true (ed_elector_snapshot_restore (reg.context, snapshot, &error));
  g_assert_no_error (error);
  status = ed_test_register_get (reg.context, "SELECT status FROM elector WHERE id = ?1",
                                 reg.smith);
  g_assert_cmpstr (status, ==, "current");
  pending = pending_alterations (&reg);
  g_assert_cmpstr (pending, ==, "0");
  after = visible_state (reg.context);
  g_assert_cmpstr (after, ==, before);
  register_close (&reg);
}

/* A pending addition is removed at once when deleted; undo brings the row back with its id
 * and its line on the next notice. */
static void
test_undo_delete_pending_addition (EdTestDir     *fixture,
                                   gconstpointer  data)
{
  Register reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElectorSnapshot) snapshot = NULL;
  g_autoptr(EdElectorEdit) edit = ed_elector_edit_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *surname = NULL;
  g_autofree char *pending = NULL;

  register_open (&reg, fixture);
  g_assert_true (ed_elector_edit_prefill_property (edit, reg.context, reg.property, &error));
  g_assert_no_error (error);
  g_free (edit->forenames);
  edit->forenames = g_strdup ("Wren");
  g_free (edit->surname);
  edit->surname = g_strdup ("Oxtoby");
  g_assert_true (ed_elector_edit_add (reg.context, edit, NULL, &error));
  g_assert_no_error (error);
  before = visible_state (reg.context);

  snapshot = ed_elector_snapshot_take (reg.context, edit->id, &error);
  g_assert_no_error (error);
  g_assert_true (ed_elector_delete (reg.context, edit->id, ED_DELETION_MOVED, NULL, NULL,
                                    &error));
  g_assert_no_error (error);
  surname = ed_test_register_get (reg.context, "SELECT surname FROM elector WHERE id = ?1",
                                  edit->id);
  g_assert_cmpstr (surname, ==, NULL);

  g_assert_true (ed_elector_snapshot_restore (reg.context, snapshot, &error));
  g_assert_no_error (error);
  g_clear_pointer (&surname, g_free);
  surname = ed_test_register_get (reg.context, "SELECT surname FROM elector WHERE id = ?1",
                                  edit->id);
  g_assert_cmpstr (surname, ==, "Oxtoby");
  pending = pending_alterations (&reg);
  g_assert_cmpstr (pending, ==, "1");
  after = visible_state (reg.context);
  g_assert_cmpstr (after, ==, before);
  register_close (&reg);
}

static void
test_undo_amend (EdTestDir     *fixture,
                 gconstpointer  data)
{
  Register reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElectorSnapshot) snapshot = NULL;
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *pending = NULL;

  register_open (&reg, fixture);
  before = visible_state (reg.context);
  edit = ed_elector_edit_load (reg.context, reg.smith, &error);
  g_assert_no_error (error);
  snapshot = ed_elector_snapshot_take (reg.context, reg.smith, &error);
  g_assert_no_error (error);
  g_free (edit->surname);
  edit->surname = g_strdup ("Quillfeather");
  edit->open_register_opt_out = TRUE;
  g_assert_true (ed_elector_edit_amend (reg.context, edit, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (ed_elector_snapshot_restore (reg.context, snapshot, &error));
  g_assert_no_error (error);
  pending = pending_alterations (&reg);
  g_assert_cmpstr (pending, ==, "0");
  after = visible_state (reg.context);
  g_assert_cmpstr (after, ==, before);
  register_close (&reg);
}

/* An entry added and taken back leaves the register as it was. */
static void
test_undo_add (EdTestDir     *fixture,
               gconstpointer  data)
{
  Register reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElectorSnapshot) snapshot = ed_elector_snapshot_absent (NULL);
  g_autoptr(EdElectorEdit) edit = ed_elector_edit_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  register_open (&reg, fixture);
  before = visible_state (reg.context);
  g_assert_true (ed_elector_edit_prefill_property (edit, reg.context, reg.property, &error));
  g_assert_no_error (error);
  g_free (edit->surname);
  edit->surname = g_strdup ("Oxtoby");
  g_free (edit->forenames);
  edit->forenames = g_strdup ("Wren");
  g_assert_true (ed_elector_edit_add (reg.context, edit, NULL, &error));
  g_assert_no_error (error);
  ed_elector_snapshot_set_id (snapshot, edit->id);

  g_assert_true (ed_elector_snapshot_restore (reg.context, snapshot, &error));
  g_assert_no_error (error);
  after = visible_state (reg.context);
  g_assert_cmpstr (after, ==, before);
  register_close (&reg);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/register/elector-undo/delete", test_undo_delete);
  ED_TEST_ADD ("/register/elector-undo/delete-pending-addition",
               test_undo_delete_pending_addition);
  ED_TEST_ADD ("/register/elector-undo/amend", test_undo_amend);
  ED_TEST_ADD ("/register/elector-undo/add", test_undo_add);
  return g_test_run ();
}
