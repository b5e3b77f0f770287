/* test-elector-move.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-value-error.h"
#include "register/ed-elector-move.h"
#include "register/ed-register-find.h"
#include "register/ed-register-search.h"
#include "ed-test-register.h"

/* A move within the district (register/ed-elector-move.c): a pending deletion of the old
 * entry and a pending addition at the new address, numbered as the editor numbers an
 * addition (DOMAIN.md §1.1, §1.4), in one change set; and the look-ups the command line finds
 * entries and addresses with. */

typedef struct
{
  EdContext *context;
  char      *ab;
  char      *cd;
  char      *mill_1;    /* AB1, AB1/1 */
  char      *mill_3;    /* AB2 */
  char      *ann;       /* AB1, current */
  char      *cy;        /* AB1/1, pending addition */
  char      *dora;      /* AB2, current */
  char      *eve;       /* AB3, an Other elector */
  char      *fay;       /* AB4 at 3 Mill Lane, pending deletion */
} Register;

static char *
add_property (EdContext  *context,
              const char *district,
              const char *number,
              gint64      uprn)
{
  const char *columns[] = {
    "polling_district", "property", "street", "town", "postcode", "uprn",
  };
  GVariant *values[] = {
    g_variant_new_string (district), g_variant_new_string (number),
    g_variant_new_string ("Mill Lane"), g_variant_new_string ("Testbury"),
    g_variant_new_string ("ZY1 9LN"), g_variant_new_int64 (uprn),
  };

  return ed_test_register_insert (context, "property", columns, values, G_N_ELEMENTS (values));
}

static void
register_open (Register  *reg,
               EdTestDir *fixture)
{
  memset (reg, 0, sizeof *reg);
  reg->context = ed_test_register_open (fixture, "england");
  reg->ab = ed_test_register_add_district (reg->context, "AB", "Abbey");
  reg->cd = ed_test_register_add_district (reg->context, "CD", "Castle");
  reg->mill_1 = add_property (reg->context, reg->ab, "1", 100023336956);
  reg->mill_3 = add_property (reg->context, reg->ab, "3", 100023336957);
  reg->ann = ed_test_register_add_elector (reg->context, reg->ab, reg->mill_1, "AB", 1, 0,
                                           "Carter", "Ann", "current", 0);
  reg->cy = ed_test_register_add_elector (reg->context, reg->ab, reg->mill_1, "AB", 1, 1,
                                          "Carter", "Cy", "pending_addition", 0);
  g_free (ed_test_register_add_alteration (reg->context, reg->cy, "addition", "2027-01-04", "",
                                           "Added as AB1/1: Cy Carter"));
  reg->dora = ed_test_register_add_elector (reg->context, reg->ab, reg->mill_3, "AB", 2, 0,
                                            "Dean", "Dora", "current", 0);
  reg->eve = ed_test_register_add_elector (reg->context, reg->ab, "", "AB", 3, 0, "Evans",
                                           "Eve", "current", ED_TEST_ELECTOR_OTHER);
  reg->fay = ed_test_register_add_elector (reg->context, reg->ab, reg->mill_3, "AB", 4, 0,
                                           "Fox", "Fay", "pending_deletion", 0);
}

static void
register_close (Register *reg)
{
  g_clear_object (&reg->context);
  g_free (reg->ab);
  g_free (reg->cd);
  g_free (reg->mill_1);
  g_free (reg->mill_3);
  g_free (reg->ann);
  g_free (reg->cy);
  g_free (reg->dora);
  g_free (reg->eve);
  g_free (reg->fay);
}

static char *
get (Register   *reg,
     const char *sql,
     const char *id)
{
  return ed_test_register_get (reg->context, sql, id);
}

/* Moving into a household takes its number with the next suffix; the old entry waits for the
 * notice as a deletion, reason moved. */
static void
test_move_to_household (EdTestDir     *fixture,
                        gconstpointer  data)
{
  Register reg;
  g_autoptr(EdElectorMove) move = NULL;
  g_autoptr(EdElectorEdit) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *added = NULL;
  g_autofree char *number = NULL;
  GDate day = ed_test_date ("2027-01-11");

  register_open (&reg, fixture);
  move = ed_elector_move_new (reg.dora);
  g_free (move->to_property);
  move->to_property = g_strdup (reg.mill_1);
  moved = ed_elector_move (reg.context, move, &day, &error);
  g_assert_no_error (error);
  g_assert_nonnull (moved);

  number = ed_elector_number_format (&moved->number);
  g_assert_cmpstr (number, ==, "AB1/2");
  g_assert_cmpstr (moved->property, ==, reg.mill_1);
  g_assert_cmpstr (moved->surname, ==, "Dean");
  g_assert_cmpstr (moved->forenames, ==, "Dora");
  g_assert_cmpint (moved->status, ==, ED_ELECTOR_STATUS_PENDING_ADDITION);
  g_assert_cmpstr (moved->id, !=, reg.dora);

  status = get (&reg, "SELECT status FROM elector WHERE id = ?1", reg.dora);
  g_assert_cmpstr (status, ==, "pending_deletion");
  reason = get (&reg, "SELECT reason FROM register_alteration WHERE elector = ?1 "
                      "AND kind = 'deletion' AND notice = ''", reg.dora);
  g_assert_cmpstr (reason, ==, "moved");
  detail = get (&reg, "SELECT detail FROM register_alteration WHERE elector = ?1 "
                      "AND kind = 'deletion'", reg.dora);
  g_assert_nonnull (strstr (detail, "AB1/2"));
  added = get (&reg, "SELECT determined_on FROM register_alteration WHERE elector = ?1 "
                     "AND kind = 'addition' AND notice = ''", moved->id);
  g_assert_cmpstr (added, ==, "2027-01-11");
  register_close (&reg);
}

/* A new address is added in the elector's own polling district, or the one asked for, and
 * the entry takes the part's next number. */
static void
test_move_to_new_address (EdTestDir     *fixture,
                          gconstpointer  data)
{
  Register reg;
  g_autoptr(EdElectorMove) move = NULL;
  g_autoptr(EdElectorEdit) moved = NULL;
  g_autoptr(EdElectorMove) across = NULL;
  g_autoptr(EdElectorEdit) moved_across = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *street = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *across_number = NULL;
  GDate day = ed_test_date ("2027-01-11");

  register_open (&reg, fixture);
  move = ed_elector_move_new (reg.ann);
  g_free (move->new_address.property);
  move->new_address.property = g_strdup ("Rose Cottage");
  g_free (move->new_address.street);
  move->new_address.street = g_strdup ("Church Street");
  g_free (move->new_address.town);
  move->new_address.town = g_strdup ("Testbury");
  g_free (move->new_address.postcode);
  move->new_address.postcode = g_strdup ("zy19ln");
  moved = ed_elector_move (reg.context, move, &day, &error);
  g_assert_no_error (error);
  number = ed_elector_number_format (&moved->number);
  g_assert_cmpstr (number, ==, "AB5");
  g_assert_cmpstr (moved->polling_district, ==, reg.ab);
  street = get (&reg, "SELECT street FROM property WHERE id = ?1", moved->property);
  g_assert_cmpstr (street, ==, "Church Street");
  postcode = get (&reg, "SELECT postcode FROM property WHERE id = ?1", moved->property);
  g_assert_cmpstr (postcode, ==, "ZY1 9LN");

  /* Into another polling district of the same council: numbered in that part. */
  across = ed_elector_move_new (reg.dora);
  g_free (across->polling_district);
  across->polling_district = g_strdup (reg.cd);
  g_free (across->new_address.property);
  across->new_address.property = g_strdup ("7");
  g_free (across->new_address.street);
  across->new_address.street = g_strdup ("Castle Hill");
  g_free (across->new_address.postcode);
  across->new_address.postcode = g_strdup ("ZY1 9LN");
  moved_across = ed_elector_move (reg.context, across, &day, &error);
  g_assert_no_error (error);
  across_number = ed_elector_number_format (&moved_across->number);
  g_assert_cmpstr (across_number, ==, "CD1");
  register_close (&reg);
}

/* An entry whose addition is not published yet never was in the register: it goes at once,
 * with its unpublished addition, and only the new entry is on the notice. */
static void
test_move_unpublished_addition (EdTestDir     *fixture,
                                gconstpointer  data)
{
  Register reg;
  g_autoptr(EdElectorMove) move = NULL;
  g_autoptr(EdElectorEdit) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *alterations = NULL;
  GDate day = ed_test_date ("2027-01-11");

  register_open (&reg, fixture);
  move = ed_elector_move_new (reg.cy);
  g_free (move->to_property);
  move->to_property = g_strdup (reg.mill_3);
  moved = ed_elector_move (reg.context, move, &day, &error);
  g_assert_no_error (error);
  gone = get (&reg, "SELECT count(*) FROM elector WHERE id = ?1", reg.cy);
  g_assert_cmpstr (gone, ==, "0");
  alterations = get (&reg, "SELECT count(*) FROM register_alteration WHERE elector = ?1",
                     reg.cy);
  g_assert_cmpstr (alterations, ==, "0");
  register_close (&reg);
}

static void
assert_refused (Register      *reg,
                EdElectorMove *move,
                const char    *field,
                const char    *words)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(EdElectorEdit) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ed_test_register_state_hash (reg->context);
  g_autofree char *after = NULL;
  GDate day = ed_test_date ("2027-01-11");
  const char *message;

  problems = ed_elector_move_validate (reg->context, move, &day, &error);
  g_assert_no_error (error);
  message = ed_field_problems_lookup (problems, field);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, words));

  moved = ed_elector_move (reg->context, move, &day, &error);
  g_assert_null (moved);
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  after = ed_test_register_state_hash (reg->context);
  g_assert_cmpstr (after, ==, before);
}

/* Each refusal names what is wrong and changes nothing. */
static void
test_move_refused (EdTestDir     *fixture,
                   gconstpointer  data)
{
  Register reg;
  g_autoptr(EdElectorMove) same = NULL;
  g_autoptr(EdElectorMove) same_words = NULL;
  g_autoptr(EdElectorMove) other = NULL;
  g_autoptr(EdElectorMove) leaving = NULL;
  g_autoptr(EdElectorMove) nowhere = NULL;
  g_autoptr(EdElectorMove) bad_postcode = NULL;
  g_autoptr(EdElectorMove) unknown = NULL;
  g_autoptr(GError) error = NULL;
  GDate day = ed_test_date ("2027-01-11");

  register_open (&reg, fixture);

  same = ed_elector_move_new (reg.ann);
  g_free (same->to_property);
  same->to_property = g_strdup (reg.mill_1);
  assert_refused (&reg, same, "to", "already lives");

  /* The same address typed again as a new one, in other capitals and spacing. */
  same_words = ed_elector_move_new (reg.dora);
  g_free (same_words->new_address.property);
  same_words->new_address.property = g_strdup ("3");
  g_free (same_words->new_address.street);
  same_words->new_address.street = g_strdup ("MILL  lane");
  g_free (same_words->new_address.town);
  same_words->new_address.town = g_strdup ("Testbury");
  g_free (same_words->new_address.postcode);
  same_words->new_address.postcode = g_strdup ("zy1 9ln");
  assert_refused (&reg, same_words, "to", "already lives");

  other = ed_elector_move_new (reg.eve);
  g_free (other->to_property);
  other->to_property = g_strdup (reg.mill_3);
  assert_refused (&reg, other, "to", "Other elector");

  leaving = ed_elector_move_new (reg.fay);
  g_free (leaving->to_property);
  leaving->to_property = g_strdup (reg.mill_1);
  assert_refused (&reg, leaving, "to", "already to be deleted");

  nowhere = ed_elector_move_new (reg.ann);
  g_free (nowhere->to_property);
  nowhere->to_property = g_strdup ("no-such-property");
  assert_refused (&reg, nowhere, "to", "no such address");

  bad_postcode = ed_elector_move_new (reg.ann);
  g_free (bad_postcode->new_address.property);
  bad_postcode->new_address.property = g_strdup ("9");
  g_free (bad_postcode->new_address.street);
  bad_postcode->new_address.street = g_strdup ("New Road");
  g_free (bad_postcode->new_address.postcode);
  bad_postcode->new_address.postcode = g_strdup ("ZZ");
  assert_refused (&reg, bad_postcode, "postcode", "ZZ");

  /* An entry that is not there is an error reading the register, not a problem to show. */
  unknown = ed_elector_move_new ("no-such-elector");
  g_assert_null (ed_elector_move_validate (reg.context, unknown, &day, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
  register_close (&reg);
}

static void
test_find (EdTestDir     *fixture,
           gconstpointer  data)
{
  Register reg;
  g_autoptr(GError) error = NULL;
  g_autofree char *ann = NULL;
  g_autofree char *cy = NULL;
  g_autofree char *mill_3 = NULL;
  g_autofree char *cd = NULL;
  g_autofree char *code = NULL;
  char *none;

  register_open (&reg, fixture);
  ann = ed_register_find_elector (reg.context, "AB1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ann, ==, reg.ann);
  cy = ed_register_find_elector (reg.context, "ab1/1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cy, ==, reg.cy);

  none = ed_register_find_elector (reg.context, "AB99", &error);
  g_assert_null (none);
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
  g_assert_nonnull (strstr (error->message, "AB99"));
  g_clear_error (&error);
  none = ed_register_find_elector (reg.context, "Mill Lane", &error);
  g_assert_null (none);
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "AB124"));
  g_clear_error (&error);

  mill_3 = ed_register_find_property_by_uprn (reg.context, "100023336957", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mill_3, ==, reg.mill_3);
  none = ed_register_find_property_by_uprn (reg.context, "12", &error);
  g_assert_null (none);
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  none = ed_register_find_property_by_uprn (reg.context, "twelve", &error);
  g_assert_null (none);
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);

  cd = ed_register_find_polling_district (reg.context, " cd ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd, ==, reg.cd);
  none = ed_register_find_polling_district (reg.context, "ZZ", &error);
  g_assert_null (none);
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  code = ed_register_polling_district_code (reg.context, reg.cd, &error);
  g_assert_cmpstr (code, ==, "CD");
  register_close (&reg);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/register/elector-move/to-household", test_move_to_household);
  ED_TEST_ADD ("/register/elector-move/to-new-address", test_move_to_new_address);
  ED_TEST_ADD ("/register/elector-move/unpublished-addition", test_move_unpublished_addition);
  ED_TEST_ADD ("/register/elector-move/refused", test_move_refused);
  ED_TEST_ADD ("/register/find", test_find);

  return g_test_run ();
}
