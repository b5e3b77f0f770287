/* test-staff-fee-scale.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The fee scale templates of data/fee-scales hold the figures of the real scales of DOMAIN.md
 * §4.2; a malformed template is refused naming its file and field; loading a scale makes it
 * an election's rates, once however often it is loaded; the 0018 migration keeps the fee rates
 * logged before it readable; and `staff scale` as a person or a script uses it. */

#define G_LOG_DOMAIN "test-staff-fee-scale"

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "changes/ed-merge.h"
#include "core/ed-database.h"
#include "core/ed-database-private.h"
#include "ed-modules.h"
#include "staff/ed-fee-scale.h"
#include "ed-test-cli.h"
#include "ed-test-demo.h"
#include "ed-test-dir.h"
#include "ed-test-lib.h"

#define NOTTS "nottinghamshire-2023-24"
#define HEREFORD "herefordshire"
#define RBWM "windsor-maidenhead-2024"

/* The demo's own May poll, in 2030 as the tests' today is 2 January 2030. */
#define DEMO_ELECTION "local.ashmere-vale.2030-05-02"

/* A line of DOMAIN.md §4.2 as a template should hold it. */
typedef struct
{
  const char       *template_id;
  EdStaffRole       role;
  EdFeeBasis        basis;
  EdMoney           rate;
  EdMoney           enhanced_rate;
  EdMoney           training_fee;
  EdSupplementKind  supplement_kind;
  gint64            supplement;
  EdMoney           travel_allowance;
  EdJourneyPurpose  travel_purpose;
  EdJourneyPurpose  mileage_purpose;
  EdCostHead        cost_head;
} ScaleLine;

#define C ED_JOURNEY_COMMUTING
#define B ED_JOURNEY_BUSINESS

static const ScaleLine domain_lines[] = {
  /* (a) Nottinghamshire 2023/24: hourly; PO and PC +20% when combined; training £42.40. */
  { NOTTS, ED_STAFF_ROLE_PRESIDING_OFFICER, ED_FEE_HOURLY, 1593, 0, 4240,
    ED_SUPPLEMENT_PERCENT, 2000, 0, C, C, ED_COST_STAFF_STATIONS },
  { NOTTS, ED_STAFF_ROLE_POLL_CLERK, ED_FEE_HOURLY, 1042, 0, 4240,
    ED_SUPPLEMENT_PERCENT, 2000, 0, C, C, ED_COST_STAFF_STATIONS },
  { NOTTS, ED_STAFF_ROLE_STATION_INSPECTOR, ED_FEE_HOURLY, 1593, 0, 4240,
    ED_SUPPLEMENT_NONE, 0, 0, B, B, ED_COST_STAFF_STATIONS },
  { NOTTS, ED_STAFF_ROLE_TRAINER, ED_FEE_PER_UNIT, 15900, 0, 0,
    ED_SUPPLEMENT_NONE, 0, 0, C, C, ED_COST_TRAINING },
  { NOTTS, ED_STAFF_ROLE_DEPUTY_RETURNING_OFFICER, ED_FEE_HOURLY, 2650, 0, 0,
    ED_SUPPLEMENT_NONE, 0, 0, C, C, ED_COST_RO_FEES },
  { NOTTS, ED_STAFF_ROLE_COUNT_MANAGER, ED_FEE_HOURLY, 3180, 4770, 0,
    ED_SUPPLEMENT_NONE, 0, 0, C, C, ED_COST_STAFF_COUNT },
  { NOTTS, ED_STAFF_ROLE_COUNT_SUPERVISOR, ED_FEE_HOURLY, 1855, 2783, 0,
    ED_SUPPLEMENT_NONE, 0, 0, C, C, ED_COST_STAFF_COUNT },
  { NOTTS, ED_STAFF_ROLE_COUNT_ASSISTANT, ED_FEE_HOURLY, 1325, 1988, 0,
    ED_SUPPLEMENT_NONE, 0, 0, C, C, ED_COST_STAFF_COUNT },
  { NOTTS, ED_STAFF_ROLE_BALLOT_BOX_RECEIPT, ED_FEE_HOURLY, 1325, 1988, 0,
    ED_SUPPLEMENT_NONE, 0, 0, C, C, ED_COST_STAFF_COUNT },
  { NOTTS, ED_STAFF_ROLE_POSTAL_OPENING_MANAGER, ED_FEE_HOURLY, 2120, 3180, 0,
    ED_SUPPLEMENT_NONE, 0, 0, C, C, ED_COST_STAFF_POSTAL_OPENING },
  { NOTTS, ED_STAFF_ROLE_POSTAL_OPENING_SUPERVISOR, ED_FEE_HOURLY, 1590, 2385, 0,
    ED_SUPPLEMENT_NONE, 0, 0, C, C, ED_COST_STAFF_POSTAL_OPENING },
  { NOTTS, ED_STAFF_ROLE_POSTAL_OPENING_ASSISTANT, ED_FEE_HOURLY, 1325, 1988, 0,
    ED_SUPPLEMENT_NONE, 0, 0, C, C, ED_COST_STAFF_POSTAL_OPENING },
  /* (b) Herefordshire: flat; PO £292.38 + £20 travel (not taxable: the ballot box) + £10 + £30
   * training, +£30 combined; PC £179.85 + £10 travel + £10 + £30. */
  { HEREFORD, ED_STAFF_ROLE_PRESIDING_OFFICER, ED_FEE_FLAT, 29238, 0, 4000,
    ED_SUPPLEMENT_FLAT, 3000, 2000, B, C, ED_COST_STAFF_STATIONS },
  { HEREFORD, ED_STAFF_ROLE_POLL_CLERK, ED_FEE_FLAT, 17985, 0, 4000,
    ED_SUPPLEMENT_NONE, 0, 1000, C, C, ED_COST_STAFF_STATIONS },
  /* (c) Windsor and Maidenhead May 2024: PO £360 including £55 training, PC £255 including
   * £35. */
  { RBWM, ED_STAFF_ROLE_PRESIDING_OFFICER, ED_FEE_FLAT, 30500, 0, 5500,
    ED_SUPPLEMENT_NONE, 0, 0, C, C, ED_COST_STAFF_STATIONS },
  { RBWM, ED_STAFF_ROLE_POLL_CLERK, ED_FEE_FLAT, 22000, 0, 3500,
    ED_SUPPLEMENT_NONE, 0, 0, C, C, ED_COST_STAFF_STATIONS },
};

#undef C
#undef B

static guint
count_domain_lines (const char *template_id)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (domain_lines); i++)
    if (g_str_equal (domain_lines[i].template_id, template_id))
      n++;
  return n;
}

static void
assert_rate_is_line (const EdFeeRate *rate,
                     const ScaleLine *line)
{
  g_test_message ("%s: %s", line->template_id, ed_staff_role_to_string (line->role));
  g_assert_cmpint (rate->role, ==, line->role);
  g_assert_cmpint (rate->basis, ==, line->basis);
  g_assert_cmpint (rate->rate, ==, line->rate);
  g_assert_cmpint (rate->enhanced_rate, ==, line->enhanced_rate);
  g_assert_cmpint (rate->training_fee, ==, line->training_fee);
  g_assert_cmpint (rate->supplement_kind, ==, line->supplement_kind);
  g_assert_cmpint (rate->supplement, ==, line->supplement);
  g_assert_cmpint (rate->travel_allowance, ==, line->travel_allowance);
  g_assert_cmpint (ed_fee_rate_get_travel_purpose (rate), ==, line->travel_purpose);
  g_assert_cmpint (rate->mileage_purpose, ==, line->mileage_purpose);
  g_assert_cmpint (rate->cost_head, ==, line->cost_head);
  /* No scale of §4.2 pays registration work. */
  g_assert_cmpint (rate->nic_category, ==, ED_NIC_ELECTION);
  g_assert_cmpstr (rate->source, ==, line->template_id);
  if (rate->basis == ED_FEE_PER_UNIT)
    g_assert_cmpstr (rate->unit_name, !=, "");
  else
    g_assert_cmpstr (rate->unit_name, ==, "");
}

/* Every bundled template reads, cites its source and date, and holds the figures of DOMAIN.md
 * §4.2, role by role, and no others. */
static void
test_templates_match_domain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scales = ed_fee_scale_list_templates (&error);
  static const char *ids[] = { HEREFORD, NOTTS, RBWM };
  static const char *years[] = { "2021", "2023", "2024" };

  g_assert_no_error (error);
  g_assert_cmpuint (scales->len, ==, G_N_ELEMENTS (ids));
  for (guint s = 0; s < scales->len; s++)
    {
      EdFeeScale *scale = g_ptr_array_index (scales, s);

      g_assert_cmpstr (scale->id, ==, ids[s]);
      g_assert_cmpstr (scale->title, !=, "");
      g_assert_nonnull (strstr (scale->source, "DOMAIN.md §4.2"));
      g_assert_nonnull (strstr (scale->source, years[s]));
      g_assert_cmpuint (scale->rates->len, ==, count_domain_lines (scale->id));
      for (guint i = 0; i < G_N_ELEMENTS (domain_lines); i++)
        {
          const ScaleLine *line = &domain_lines[i];
          const EdFeeRate *rate;

          if (!g_str_equal (line->template_id, scale->id))
            continue;
          rate = ed_fee_rate_find (scale->rates, line->role);
          g_assert_nonnull (rate);
          assert_rate_is_line (rate, line);
        }
    }
}

/* The headline fees of DOMAIN.md §4.2 (b) and (c) are the parts the templates split them
 * into. */
static void
test_headline_fees (void)
{
  static const struct
  {
    const char  *template_id;
    EdStaffRole  role;
    EdMoney      headline;
  } headlines[] = {
    { HEREFORD, ED_STAFF_ROLE_PRESIDING_OFFICER, 35238 },
    { HEREFORD, ED_STAFF_ROLE_POLL_CLERK, 22985 },
    { RBWM, ED_STAFF_ROLE_PRESIDING_OFFICER, 36000 },
    { RBWM, ED_STAFF_ROLE_POLL_CLERK, 25500 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EdFeeScale) scale = ed_fee_scale_get_template (headlines[i].template_id, &error);
      const EdFeeRate *rate;

      g_assert_no_error (error);
      rate = ed_fee_rate_find (scale->rates, headlines[i].role);
      g_assert_nonnull (rate);
      g_assert_cmpint (rate->rate + rate->travel_allowance + rate->training_fee, ==,
                       headlines[i].headline);
    }
}

#define RATE_START "{\"title\":\"T\",\"source\":\"S, 2030\",\"rates\":["
#define RATE_END "]}"
#define CLERK_FIELDS \
  "\"role\":\"poll_clerk\",\"mileage_purpose\":\"commuting\",\"nic_category\":\"election\"," \
  "\"cost_head\":\"staff_stations\""
#define CLERK "{" CLERK_FIELDS ",\"basis\":\"flat\",\"rate\":\"£220.00\"}"

/* A malformed template is refused, the message naming the file and the field. */
static void
test_malformed_refused (void)
{
  static const struct
  {
    const char *json;
    const char *field;
  } cases[] = {
    { RATE_START "{" CLERK_FIELDS ",\"basis\":\"flat\",\"rate\":\"£1.00\","
      "\"trainng_fee\":\"£1.00\"}" RATE_END, "bad.json: rates[0].trainng_fee:" },
    { RATE_START "{" CLERK_FIELDS ",\"basis\":\"hourly\",\"rate\":15.93}" RATE_END,
      "bad.json: rates[0].rate:" },
    { RATE_START "{" CLERK_FIELDS ",\"basis\":\"hour\",\"rate\":\"£15.93\"}" RATE_END,
      "bad.json: rates[0].basis:" },
    { RATE_START "{\"role\":\"poll_clerk\",\"basis\":\"flat\",\"rate\":\"£1.00\","
      "\"nic_category\":\"election\",\"cost_head\":\"staff_stations\"}" RATE_END,
      "bad.json: rates[0].mileage_purpose:" },
    { RATE_START "{" CLERK_FIELDS ",\"basis\":\"hourly\",\"rate\":\"£10.42\","
      "\"supplement_kind\":\"percent\",\"supplement\":\"20\"}" RATE_END,
      "bad.json: rates[0].supplement:" },
    { RATE_START "{" CLERK_FIELDS ",\"basis\":\"hourly\",\"rate\":\"£10.42\","
      "\"supplement\":\"20%\"}" RATE_END, "bad.json: rates[0].supplement:" },
    { RATE_START "{\"role\":\"canvasser\",\"basis\":\"per_unit\",\"rate\":\"£0.18\","
      "\"unit_name\":\"form delivered\",\"mileage_purpose\":\"business\","
      "\"nic_category\":\"election\",\"cost_head\":\"registration\"}" RATE_END,
      "bad.json: rates[0].nic_category:" },
    { RATE_START CLERK "," CLERK RATE_END, "bad.json: rates[1].role:" },
    { RATE_START "{" CLERK_FIELDS ",\"basis\":\"flat\",\"rate\":\"£220.00\","
      "\"enhanced_rate\":\"£30.00\"}" RATE_END, "bad.json: rates[0].enhanced_rate:" },
    { RATE_START "{" CLERK_FIELDS ",\"basis\":\"per_unit\",\"rate\":\"£0.18\"}" RATE_END,
      "bad.json: rates[0].unit_name:" },
    { RATE_START "{" CLERK_FIELDS ",\"basis\":\"flat\",\"rate\":\"-£1.00\"}" RATE_END,
      "bad.json: rates[0].rate:" },
    { RATE_START "{" CLERK_FIELDS ",\"basis\":\"flat\",\"rate\":\"£20,000.00\"}" RATE_END,
      "bad.json: rates[0].rate:" },
    { RATE_START "{" CLERK_FIELDS ",\"basis\":\"flat\",\"rate\":\"£1.00\","
      "\"travel_purpose\":\"business\"}" RATE_END, "bad.json: rates[0].travel_purpose:" },
    { RATE_START "{" CLERK_FIELDS ",\"basis\":\"flat\"}" RATE_END, "bad.json: rates[0].rate:" },
    { RATE_START "\"poll_clerk\"" RATE_END, "bad.json: rates[0]:" },
    { RATE_START RATE_END, "bad.json: rates:" },
    { "{\"title\":\"T\",\"rates\":[" CLERK "]}", "bad.json: source:" },
    { "{\"title\":\"T\",\"source\":\"\",\"rates\":[" CLERK "]}", "bad.json: source:" },
    { "{\"title\":\"T\",\"source\":\"S\",\"rates\":[" CLERK "],\"extra\":1}", "bad.json: extra:" },
    { "[]", "bad.json: not a fee scale" },
    { "{\"title\":\"T\",", "bad.json: not a fee scale" },
  };

  /* The pieces make a good template. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (RATE_START CLERK RATE_END,
                                                  strlen (RATE_START CLERK RATE_END));
    g_autoptr(GError) error = NULL;
    g_autoptr(EdFeeScale) scale = ed_fee_scale_parse ("good.json", bytes, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (scale->id, ==, "good");
    g_assert_cmpuint (scale->rates->len, ==, 1);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(EdFeeScale) scale = NULL;

      g_test_message ("%s", cases[i].json);
      scale = ed_fee_scale_parse ("/somewhere/bad.json", bytes, &error);
      g_assert_null (scale);
      g_assert_error (error, ED_FEE_SCALE_ERROR, ED_FEE_SCALE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      if (!g_str_has_prefix (error->message, cases[i].field))
        g_error ("“%s” does not start “%s”", error->message, cases[i].field);
    }
}

static void
test_unknown_template (void)
{
  static const char *names[] = { "kent-2012", "", "../fee-scales/herefordshire", "herefordshire.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EdFeeScale) scale = ed_fee_scale_get_template (names[i], &error);

      g_assert_null (scale);
      g_assert_error (error, ED_FEE_SCALE_ERROR, ED_FEE_SCALE_ERROR_NOT_FOUND);
    }
}

static gint64
count_rows (EdContext  *context,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context), sql,
                                                      &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Loading a scale writes the election's rates; loading it again changes nothing and leaves one
 * set; loading another replaces them, keeping the row of a role both pay; another election's
 * rates are left alone. */
static void
test_load_twice (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, 2000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) elections = NULL;
  g_autoptr(EdFeeScale) notts = ed_fee_scale_get_template (NOTTS, &error);
  g_autoptr(EdFeeScale) hereford = ed_fee_scale_get_template (HEREFORD, &error);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) replaced = NULL;
  g_autoptr(GPtrArray) other_rates = NULL;
  EdElection *election, *other;
  g_autofree char *po_id = NULL;
  guint n_ops = G_MAXUINT;

  g_assert_no_error (error);
  /* The demo's May poll, and the next year's. */
  {
    EdElectionNew details = { .kind = ED_ELECTION_LOCAL, .country = ED_COUNTRY_ENGLAND };
    g_autofree char *next = NULL;

    g_date_clear (&details.poll, 1);
    g_date_set_dmy (&details.poll, 4, G_DATE_MAY, 2028);
    next = ed_election_add (context, &details, &error);
    g_assert_no_error (error);
  }
  elections = ed_election_list (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (elections->len, ==, 2);
  election = g_ptr_array_index (elections, 0);
  other = g_ptr_array_index (elections, 1);

  g_assert_true (ed_fee_scale_load (context, NOTTS, election->slug, &error));
  g_assert_no_error (error);
  g_assert_true (ed_fee_scale_load (context, RBWM, other->id, &error));
  g_assert_no_error (error);
  first = ed_fee_rate_list (context, election, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, notts->rates->len);
  for (guint i = 0; i < G_N_ELEMENTS (domain_lines); i++)
    if (g_str_equal (domain_lines[i].template_id, NOTTS))
      {
        const EdFeeRate *rate = ed_fee_rate_find (first, domain_lines[i].role);

        g_assert_nonnull (rate);
        assert_rate_is_line (rate, &domain_lines[i]);
        g_assert_cmpstr (rate->election, ==, election->id);
      }
  po_id = g_strdup (ed_fee_rate_find (first, ED_STAFF_ROLE_PRESIDING_OFFICER)->id);

  /* Again: nothing to change, one set of rates. */
  g_assert_true (ed_fee_scale_apply (context, notts, election, &n_ops, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_ops, ==, 0);
  g_assert_true (ed_fee_scale_load (context, NOTTS, election->id, &error));
  g_assert_no_error (error);
  second = ed_fee_rate_list (context, election, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, first->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (((EdFeeRate *)g_ptr_array_index (first, i))->id, ==,
                     ((EdFeeRate *)g_ptr_array_index (second, i))->id);

  /* Another scale replaces them. */
  g_assert_true (ed_fee_scale_apply (context, hereford, election, &n_ops, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_ops, >, 0);
  replaced = ed_fee_rate_list (context, election, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (replaced->len, ==, 2);
  assert_rate_is_line (ed_fee_rate_find (replaced, ED_STAFF_ROLE_PRESIDING_OFFICER),
                       &domain_lines[12]);
  assert_rate_is_line (ed_fee_rate_find (replaced, ED_STAFF_ROLE_POLL_CLERK),
                       &domain_lines[13]);
  g_assert_cmpstr (ed_fee_rate_find (replaced, ED_STAFF_ROLE_PRESIDING_OFFICER)->id, ==, po_id);

  other_rates = ed_fee_rate_list (context, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other_rates->len, ==, 2);
  g_assert_cmpint (ed_fee_rate_find (other_rates, ED_STAFF_ROLE_POLL_CLERK)->rate, ==, 22000);
  g_assert_cmpint (count_rows (context, "SELECT count(*) FROM fee_rate"), ==, 4);

  /* A template that does not exist, or an election, changes nothing. */
  g_assert_false (ed_fee_scale_load (context, "kent-2012", election->id, &error));
  g_assert_error (error, ED_FEE_SCALE_ERROR, ED_FEE_SCALE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ed_fee_scale_load (context, NOTTS, "local.nowhere.2030-05-02", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (context, "SELECT count(*) FROM fee_rate"), ==, 4);
}

/* A district whose fee rates were logged before 0018 added the travel allowance: after the
 * upgrade the logged insert, the array of the thirteen columns it had, reads back as the
 * insert it was, and the rate reads with no allowance (0018-fee-rate-travel.sql). */
static void
test_upgrade_keeps_old_insert (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "old.db");
  g_autoptr(EdDatabase) old = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GError) error = NULL;
  EdElection election = { .id = (char *)"e0e0e0e0-0000-4000-8000-000000000000" };
  const EdFeeRate *rate;
  EdOp *insert;

  old = _ed_database_open_at_version (path, ed_test_migrations (), 17, &error);
  g_assert_no_error (error);
  g_assert_true (ed_database_exec (old,
                                   "INSERT INTO fee_rate (id, election, role, basis, rate, "
                                   "training_fee, source) VALUES "
                                   "('0f0f0f0f-0000-4000-8000-000000000000', "
                                   "'e0e0e0e0-0000-4000-8000-000000000000', 'poll_clerk', "
                                   "'flat', 22000, 3500, 'windsor-maidenhead-2024');"
                                   "INSERT INTO op_log (device, seq, hlc, tbl, pk, col, kind, "
                                   "val) VALUES ('d0d0d0d0-0000-4000-8000-000000000000', 1, 1, "
                                   "'fee_rate', '0f0f0f0f-0000-4000-8000-000000000000', "
                                   "'__row', 'ins', '[\"e0e0e0e0-0000-4000-8000-000000000000\","
                                   "\"poll_clerk\",\"flat\",22000,0,\"\",3500,\"none\",0,"
                                   "\"commuting\",\"election\",\"staff_stations\","
                                   "\"windsor-maidenhead-2024\"]')",
                                   &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  ops = ed_merge_export (ED_REPLICA (context), NULL, NULL);
  g_assert_cmpuint (ops->len, ==, 1);
  insert = g_ptr_array_index (ops, 0);
  g_assert_cmpint (insert->kind, ==, ED_OP_INS);
  g_assert_cmpstr (insert->val, ==,
                   "{\"election\":\"e0e0e0e0-0000-4000-8000-000000000000\","
                   "\"role\":\"poll_clerk\",\"basis\":\"flat\",\"rate\":22000,"
                   "\"enhanced_rate\":0,\"unit_name\":\"\",\"training_fee\":3500,"
                   "\"supplement_kind\":\"none\",\"supplement\":0,"
                   "\"mileage_purpose\":\"commuting\",\"nic_category\":\"election\","
                   "\"cost_head\":\"staff_stations\",\"source\":\"windsor-maidenhead-2024\"}");

  rates = ed_fee_rate_list (context, &election, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 1);
  rate = g_ptr_array_index (rates, 0);
  g_assert_cmpint (rate->rate, ==, 22000);
  g_assert_cmpint (rate->training_fee, ==, 3500);
  g_assert_cmpint (rate->travel_allowance, ==, 0);
  g_assert_false (rate->travel_purpose_set);
  g_assert_cmpint (ed_fee_rate_get_travel_purpose (rate), ==, ED_JOURNEY_COMMUTING);
}

/* The command line ------------------------------------------------------------------------ */

/* The demo, without the staff and the fee scale it comes with, so that its May poll starts
 * with no rates. */
static char *
make_demo (EdTestDir *fixture)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_auto(EdTestCliResult) demo = { 0 };
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GError) error = NULL;

  ed_test_cli_run_on (&demo, path, "demo", "--electors", "2000", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  ed_test_demo_remove_staff (context);
  return g_steal_pointer (&path);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
find_role (JsonArray  *rates,
           const char *role)
{
  for (guint i = 0; i < json_array_get_length (rates); i++)
    {
      JsonObject *rate = json_array_get_object_element (rates, i);

      if (g_str_equal (json_object_get_string_member (rate, "role"), role))
        return rate;
    }
  return NULL;
}

/* staff scale list: the three templates, each with its source and rates. */
static void
test_cli_list (void)
{
  g_auto(EdTestCliResult) text = { 0 };
  g_auto(EdTestCliResult) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *templates;
  JsonObject *hereford;
  JsonObject *po;

  ed_test_cli_run (&text, "staff", "scale", "list", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, NOTTS " — Nottinghamshire county-wide scale 2023/24"));
  g_assert_nonnull (strstr (text.out, HEREFORD));
  g_assert_nonnull (strstr (text.out, RBWM));

  ed_test_cli_run (&json, "staff", "scale", "list", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.err, ==, "");
  root = parse (json.out);
  templates = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (templates), ==, 3);
  hereford = json_array_get_object_element (templates, 0);
  g_assert_cmpstr (json_object_get_string_member (hereford, "id"), ==, HEREFORD);
  g_assert_nonnull (strstr (json_object_get_string_member (hereford, "source"), "S83"));
  po = find_role (json_object_get_array_member (hereford, "rates"), "presiding_officer");
  g_assert_nonnull (po);
  g_assert_cmpint (json_object_get_int_member (po, "rate"), ==, 29238);
  g_assert_cmpint (json_object_get_int_member (po, "travel_allowance"), ==, 2000);
  g_assert_cmpstr (json_object_get_string_member (po, "travel_purpose"), ==, "business");
  g_assert_cmpstr (json_object_get_string_member (po, "supplement_kind"), ==, "flat");
  g_assert_cmpint (json_object_get_int_member (po, "supplement"), ==, 3000);
}

/* staff scale load and show on the demo's May poll: loaded once however often it is run; a
 * council's own template from a file; a malformed one refused with its field. */
static void
test_cli_load_and_show (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  g_autofree char *bad = ed_test_dir_file (fixture, "our-scale.json");
  g_autofree char *own = ed_test_dir_file (fixture, "ashmere-2030.json");
  g_auto(EdTestCliResult) empty = { 0 };
  g_auto(EdTestCliResult) load = { 0 };
  g_auto(EdTestCliResult) again = { 0 };
  g_auto(EdTestCliResult) show = { 0 };
  g_auto(EdTestCliResult) json = { 0 };
  g_auto(EdTestCliResult) refused = { 0 };
  g_auto(EdTestCliResult) from_file = { 0 };
  g_auto(EdTestCliResult) after = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) after_root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *rates;
  JsonObject *po;

  ed_test_cli_run_on (&empty, path, "staff", "scale", "show", "--election", DEMO_ELECTION, NULL);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_nonnull (strstr (empty.out, "staff scale load"));

  ed_test_cli_run_on (&load, path, "staff", "scale", "load", NOTTS, "--election", DEMO_ELECTION,
                      NULL);
  g_assert_cmpint (load.status, ==, 0);
  g_assert_nonnull (strstr (load.out, "12 rates"));
  ed_test_cli_run_on (&again, path, "staff", "scale", "load", NOTTS, "--election", DEMO_ELECTION,
                      NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "already has"));

  ed_test_cli_run_on (&show, path, "staff", "scale", "show", "--election", DEMO_ELECTION, NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Presiding officer: £15.93 an hour\n"));
  g_assert_nonnull (strstr (show.out, "combined poll +20%"));
  g_assert_nonnull (strstr (show.out, "Count assistant: £13.25 an hour, £19.88 at the enhanced "
                                      "rate\n"));
  g_assert_nonnull (strstr (show.out, "Trainer: £159.00 per training session delivered\n"));

  ed_test_cli_run_on (&json, path, "staff", "scale", "show", "--election", DEMO_ELECTION, "--json",
                      NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse (json.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "election"), ==,
                   DEMO_ELECTION);
  rates = json_object_get_array_member (json_node_get_object (root), "rates");
  g_assert_cmpuint (json_array_get_length (rates), ==, 12);
  po = find_role (rates, "presiding_officer");
  g_assert_cmpint (json_object_get_int_member (po, "rate"), ==, 1593);
  g_assert_cmpint (json_object_get_int_member (po, "supplement"), ==, 2000);
  g_assert_cmpstr (json_object_get_string_member (po, "nic_category"), ==, "election");
  g_assert_cmpstr (json_object_get_string_member (po, "source"), ==, NOTTS);

  /* A council's own scale, from a file; then a malformed one, which changes nothing. */
  g_assert_true (g_file_set_contents (own, RATE_START CLERK RATE_END, -1, &error));
  g_assert_no_error (error);
  ed_test_cli_run_on (&from_file, path, "staff", "scale", "load", own, "--election",
                      DEMO_ELECTION, NULL);
  g_assert_cmpint (from_file.status, ==, 0);
  g_assert_nonnull (strstr (from_file.out, "1 rate from T"));

  g_assert_true (g_file_set_contents (bad, RATE_START "{" CLERK_FIELDS ",\"basis\":\"flat\","
                                      "\"rate\":\"£1.00\",\"trainng_fee\":\"£1.00\"}" RATE_END,
                                      -1, &error));
  g_assert_no_error (error);
  ed_test_cli_run_on (&refused, path, "staff", "scale", "load", bad, "--election",
                      DEMO_ELECTION, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "our-scale.json: rates[0].trainng_fee:"));

  ed_test_cli_run_on (&after, path, "staff", "scale", "show", "--election", DEMO_ELECTION,
                      "--json", NULL);
  after_root = parse (after.out);
  rates = json_object_get_array_member (json_node_get_object (after_root), "rates");
  g_assert_cmpuint (json_array_get_length (rates), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rates, 0), "rate"),
                   ==, 22000);
}

/* Mistakes on the command line: exit status 2 for the command line itself, 1 for a request
 * that cannot be done (DESIGN.md §1). */
static void
test_cli_mistakes (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  static const struct
  {
    int         status;
    const char *args[6];
  } cases[] = {
    { 2, { "staff", NULL } },
    { 2, { "staff", "payroll", NULL } },
    { 2, { "staff", "scale", NULL } },
    { 2, { "staff", "scale", "frobnicate", NULL } },
    { 2, { "staff", "scale", "load", NOTTS, NULL } },
    { 2, { "staff", "scale", "show", NULL } },
    { 2, { "staff", "scale", "list", "extra", NULL } },
    { 1, { "staff", "scale", "load", "kent-2012", "--election", DEMO_ELECTION } },
    { 1, { "staff", "scale", "load", NOTTS, "--election", "local.nowhere.2030-05-02" } },
    { 1, { "staff", "scale", "show", "--election", "local.nowhere.2030-05-02", NULL } },
    { 0, { "staff", "--help", NULL } },
    { 0, { "staff", "scale", "--help", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(EdTestCliResult) result = { 0 };
      const char * const *a = cases[i].args;

      ed_test_cli_run_on (&result, path, a[0], a[1], a[2], a[3], a[4], a[5], NULL);
      g_test_message ("%s %s %s: %d %s", a[0], a[1] ? a[1] : "", a[2] ? a[2] : "",
                      result.status, result.err);
      g_assert_cmpint (result.status, ==, cases[i].status);
      /* A mistake says why on stderr; with no action at all, the help is the answer, as
       * `election` gives it. */
      if (cases[i].status == 1)
        g_assert_cmpstr (result.err, !=, "");
      else if (cases[i].status == 2)
        g_assert_true (*result.err != '\0' || strstr (result.out, "Usage:") != NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/staff/fee-scale/templates-match-domain", test_templates_match_domain);
  g_test_add_func ("/staff/fee-scale/headline-fees", test_headline_fees);
  g_test_add_func ("/staff/fee-scale/malformed-refused", test_malformed_refused);
  g_test_add_func ("/staff/fee-scale/unknown-template", test_unknown_template);
  ED_TEST_ADD ("/staff/fee-scale/load-twice", test_load_twice);
  ED_TEST_ADD ("/staff/fee-scale/upgrade-keeps-old-insert", test_upgrade_keeps_old_insert);
  g_test_add_func ("/staff/fee-scale/cli/list", test_cli_list);
  ED_TEST_ADD ("/staff/fee-scale/cli/load-and-show", test_cli_load_and_show);
  ED_TEST_ADD ("/staff/fee-scale/cli/mistakes", test_cli_mistakes);

  return g_test_run ();
}
