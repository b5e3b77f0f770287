/* ed-register-supply.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Supply and sale of the register (DOMAIN.md §1.3): who may have which copy, what it costs,
 * and the record of each copy supplied. The full register goes only to those the law names;
 * the edited (open) register may be sold to anyone. Each copy is one `register_supply` row,
 * written through a change set so every desk of the district sees it. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "district/ed-district-settings.h"
#include "register/ed-franchise.h"
#include "register/ed-register-document.h"
#include "register/ed-register-export-private.h"
#include "register/ed-register-supply.h"
#include "register/ed-register-tables.h"

G_DEFINE_QUARK (ed-supply-error-quark, ed_supply_error)

/* DOMAIN.md §1.3 names parties, candidates, credit reference agencies and the jury service
 * among those the full register is supplied to, and says the edited register may be sold to
 * anyone. The others follow the supply provisions of RPR 2001 Part VI as councils apply
 * them; they are not confirmed in DOMAIN.md. Government departments and credit reference
 * agencies buy the full register; the rest are supplied it free. Keys are stored, so they
 * never change; the order is the order people choose from. */
static const EdSupplyEntitlement entitlements[] = {
  { "candidate", N_("Candidate at an election"), TRUE, TRUE },
  { "political-party", N_("Political party (local party)"), TRUE, TRUE },
  { "registered-political-party", N_("Registered political party"), TRUE, TRUE },
  { "elected-representative", N_("Elected representative"), TRUE, TRUE },
  { "local-authority", N_("Local authority"), TRUE, TRUE },
  { "jury-summoning", N_("Jury summoning"), TRUE, TRUE },
  { "electoral-commission", N_("Electoral Commission"), TRUE, TRUE },
  { "british-library", N_("British Library"), TRUE, TRUE },
  { "police", N_("Police force"), TRUE, TRUE },
  { "government-department", N_("Government department (purchase)"), TRUE, FALSE },
  { "credit-reference-agency", N_("Credit reference agency (purchase)"), TRUE, FALSE },
  { "edited-register-purchase", N_("Purchase of the edited register"), FALSE, FALSE },
};

/**
 * ed_supply_get_entitlements:
 * @n_entitlements: (out): how many there are
 *
 * Returns: (transfer none) (array length=n_entitlements): every entitlement, in the order
 *   to offer them
 */
const EdSupplyEntitlement *
ed_supply_get_entitlements (guint *n_entitlements)
{
  g_return_val_if_fail (n_entitlements != NULL, NULL);

  *n_entitlements = G_N_ELEMENTS (entitlements);
  return entitlements;
}

/**
 * ed_supply_entitlement_lookup:
 * @key: an entitlement's key
 * @error: return location for an %ED_SUPPLY_ERROR_UNKNOWN_ENTITLEMENT
 *
 * Returns: (transfer none) (nullable): the entitlement
 */
const EdSupplyEntitlement *
ed_supply_entitlement_lookup (const char  *key,
                              GError     **error)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entitlements); i++)
    {
      if (g_ascii_strcasecmp (key, entitlements[i].key) == 0)
        return &entitlements[i];
      g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "", entitlements[i].key);
    }

  g_set_error (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_UNKNOWN_ENTITLEMENT,
               /* Translators: the list after the colon is of keys to type, not to translate. */
               _("“%s” is not an entitlement to a copy of the register: expected one of %s"),
               key, keys->str);
  return NULL;
}

/**
 * ed_supply_entitlement_get_name:
 * @entitlement: an entitlement
 *
 * Returns: (transfer none): its name, translated
 */
const char *
ed_supply_entitlement_get_name (const EdSupplyEntitlement *entitlement)
{
  g_return_val_if_fail (entitlement != NULL, NULL);

  return _(entitlement->name);
}

/**
 * ed_supply_entitlement_allows:
 * @entitlement: the recipient's entitlement
 * @item: what they ask for
 * @error: return location for an %ED_SUPPLY_ERROR_NOT_ENTITLED saying why not
 *
 * Whether the entitlement covers the copy (DOMAIN.md §1.3): the edited register may be sold
 * to anyone; the full register, its notices of alteration, the list of overseas electors
 * and the marked register only to those entitled to the full register.
 *
 * Returns: %TRUE if it may be supplied
 */
gboolean
ed_supply_entitlement_allows (const EdSupplyEntitlement  *entitlement,
                              EdSaleKind                  item,
                              GError                    **error)
{
  g_return_val_if_fail (entitlement != NULL, FALSE);

  if (item == ED_SALE_KIND_EDITED || entitlement->full_register)
    return TRUE;

  switch (item)
    {
    case ED_SALE_KIND_FULL:
      g_set_error (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_NOT_ENTITLED,
                   _("The full register is supplied only to those the law entitles to it "
                     "(candidates, political parties, elected representatives, credit "
                     "reference agencies and others); “%s” covers only the edited register"),
                   _(entitlement->name));
      break;
    case ED_SALE_KIND_NOTICE:
      g_set_error (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_NOT_ENTITLED,
                   _("A notice of alteration is part of the full register, supplied only to "
                     "those entitled to it; “%s” covers only the edited register"),
                   _(entitlement->name));
      break;
    case ED_SALE_KIND_OVERSEAS:
    case ED_SALE_KIND_MARKED:
    default:
      g_set_error (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_NOT_ENTITLED,
                   _("The list of overseas electors and the marked register are supplied only "
                     "to those entitled to the full register; “%s” covers only the edited "
                     "register"),
                   _(entitlement->name));
      break;
    }
  return FALSE;
}

/**
 * ed_supply_fee:
 * @entitlement: the recipient's entitlement
 * @item: what is supplied
 * @format: data or printed
 * @entries: the entries in the copy
 *
 * The fee for one copy: nothing where the entitlement is to a free copy, otherwise the
 * statutory sale fee (ed_sale_fee(), DOMAIN.md §1.3). The marked register is always charged
 * for: its fee is prescribed for everyone who may have it.
 *
 * Returns: the fee in pence
 */
EdMoney
ed_supply_fee (const EdSupplyEntitlement *entitlement,
               EdSaleKind                 item,
               EdSaleFormat               format,
               guint64                    entries)
{
  g_return_val_if_fail (entitlement != NULL, 0);

  if (entitlement->free_of_charge && item != ED_SALE_KIND_MARKED)
    return 0;
  return ed_sale_fee (item, format, MIN (entries, ED_SALE_FEE_MAX_ENTRIES));
}

/* The list of overseas electors and a notice's alterations, counted per register the ERO
 * maintains (one per constituency): the base fee is charged once for each (DOMAIN.md §1.3,
 * S17). A pending addition is not on the list before its notice (RPA 1983 s.13A(2)(b)). */
static const char count_overseas_sql[] =
  "SELECT coalesce (d.constituency, ''), count(*) FROM elector AS e "
  "LEFT JOIN polling_district AS d ON d.id = e.polling_district "
  "WHERE e.marker = 'F' AND e.status <> 'pending_addition' GROUP BY 1";

static const char notice_exists_sql[] = "SELECT count(*) FROM register_notice WHERE id = ?1";

/* An elector deleted by the notice is gone, and with them their part: their alteration
 * counts with the notice's largest register (see count_grouped). */
static const char count_notice_sql[] =
  "SELECT coalesce (d.constituency, ''), count(*) FROM register_alteration AS a "
  "LEFT JOIN elector AS e ON e.id = a.elector "
  "LEFT JOIN polling_district AS d ON d.id = e.polling_district "
  "WHERE a.notice = ?1 GROUP BY 1";

static gboolean
count_one (EdDatabase   *database,
           const char   *sql,
           const char   *text,
           guint64      *out,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  *out = (guint64)sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static GHashTable *
new_counts (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Rows of (constituency, count) into a table of counts by register. With @merge_unknown,
 * the rows of no known constituency join the largest known register rather than being a
 * register of their own. */
static GHashTable *
count_grouped (EdDatabase   *database,
               const char   *sql,
               const char   *text,
               gboolean      merge_unknown,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, error);
  g_autoptr(GHashTable) counts = new_counts ();
  guint64 unknown = 0;
  guint64 *largest = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *constituency = (const char *)sqlite3_column_text (stmt, 0);
      guint64 *n = g_new (guint64, 1);

      *n = (guint64)sqlite3_column_int64 (stmt, 1);
      if (merge_unknown && (constituency == NULL || constituency[0] == '\0'))
        {
          unknown += *n;
          g_free (n);
          continue;
        }
      if (largest == NULL || *n > *largest)
        largest = n;
      g_hash_table_insert (counts, g_strdup (constituency != NULL ? constituency : ""), n);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  if (unknown > 0)
    {
      if (largest != NULL)
        *largest += unknown;
      else
        {
          guint64 *n = g_new (guint64, 1);

          *n = unknown;
          g_hash_table_insert (counts, g_strdup (""), n);
        }
    }
  return g_steal_pointer (&counts);
}

/* The entries of a copy by register the ERO maintains (a constituency's register), as the
 * copy written holds them. */
static GHashTable *
count_by_register (EdContext    *context,
                   EdSaleKind    item,
                   const GDate  *as_at,
                   const char   *notice,
                   GError      **error)
{
  EdDatabase *database = ed_context_get_database (context);
  GHashTable *counts = NULL;
  guint64 exists = 0;

  switch (item)
    {
    case ED_SALE_KIND_FULL:
      /* What is supplied is the published full register (DOMAIN.md §1.3). */
      if (!_ed_register_count_by_register (context, _ED_REGISTER_SELECT_PUBLISHED, as_at,
                                           &counts, NULL, error))
        return NULL;
      return counts;
    case ED_SALE_KIND_EDITED:
      if (!_ed_register_count_by_register (context, _ED_REGISTER_SELECT_OPEN, as_at, &counts,
                                           NULL, error))
        return NULL;
      return counts;
    case ED_SALE_KIND_OVERSEAS:
      return count_grouped (database, count_overseas_sql, NULL, FALSE, error);
    case ED_SALE_KIND_NOTICE:
      if (notice == NULL || notice[0] == '\0')
        {
          g_set_error_literal (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_INVALID,
                               _("Say which notice of alteration is supplied"));
          return NULL;
        }
      if (!count_one (database, notice_exists_sql, notice, &exists, error))
        return NULL;
      if (exists == 0)
        {
          g_set_error (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_INVALID,
                       _("There is no notice of alteration “%s”"), notice);
          return NULL;
        }
      return count_grouped (database, count_notice_sql, notice, TRUE, error);
    case ED_SALE_KIND_MARKED:
    default:
      g_set_error_literal (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_INVALID,
                           _("The marked register is not kept here: give the number of "
                             "entries in the marked copy"));
      return NULL;
    }
}

/**
 * ed_register_supply_count_entries:
 * @context: the district
 * @item: what is supplied; not %ED_SALE_KIND_MARKED, which the database does not hold
 * @as_at: the date of supply, for the under-16 rule and the alterations in effect
 * @notice: for %ED_SALE_KIND_NOTICE, the notice's row id
 * @out_entries: (out): the entries a copy holds, as the fee counts them
 * @error: return location for an error
 *
 * Counts the entries of a copy as it is written: the published full register (no one under
 * 16, no addition before its notice); the edited register without those who opted out,
 * anonymous entries and anyone under 16 on @as_at; the electors marked F for the list of
 * overseas electors; the alterations in the notice.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_register_supply_count_entries (EdContext    *context,
                                  EdSaleKind    item,
                                  const GDate  *as_at,
                                  const char   *notice,
                                  guint64      *out_entries,
                                  GError      **error)
{
  return ed_register_supply_quote (context, NULL, item, ED_SALE_FORMAT_DATA, as_at, notice,
                                   out_entries, NULL, error);
}

/**
 * ed_register_supply_quote:
 * @context: the district
 * @entitlement: (nullable): the recipient's entitlement; %NULL to price a sale
 * @item: what is supplied; not %ED_SALE_KIND_MARKED
 * @format: data or printed
 * @as_at: the date of supply
 * @notice: for %ED_SALE_KIND_NOTICE, the notice's row id
 * @out_entries: (out) (optional): the entries the copy holds
 * @out_fee: (out) (optional): its fee in pence
 * @error: return location for an error
 *
 * The entries of a copy and its statutory fee (DOMAIN.md §1.3, S17): the base fee is
 * charged once per register the ERO maintains, that is once for each constituency the
 * district's parts lie in, with the entries of each register charged per 1,000 (or 100)
 * or part; never once per file or per polling district.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_register_supply_quote (EdContext                 *context,
                          const EdSupplyEntitlement *entitlement,
                          EdSaleKind                 item,
                          EdSaleFormat               format,
                          const GDate               *as_at,
                          const char                *notice,
                          guint64                   *out_entries,
                          EdMoney                   *out_fee,
                          GError                   **error)
{
  g_autoptr(GHashTable) counts = NULL;
  GHashTableIter iter;
  gpointer value;
  guint64 entries = 0;
  EdMoney fee = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  counts = count_by_register (context, item, as_at, notice, error);
  if (counts == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      guint64 n = *(guint64 *)value;

      entries += n;
      if (entitlement == NULL || !entitlement->free_of_charge)
        fee += ed_sale_fee (item, format, MIN (n, ED_SALE_FEE_MAX_ENTRIES));
    }
  /* A copy with no entries still has its base fee, as one register. */
  if (g_hash_table_size (counts) == 0 && (entitlement == NULL || !entitlement->free_of_charge))
    fee = ed_sale_fee (item, format, 0);

  if (out_entries != NULL)
    *out_entries = entries;
  if (out_fee != NULL)
    *out_fee = fee;
  return TRUE;
}

/* Fields stored as text are NFC, as every synced value must be. */
static char *
clean_text (const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");
  stripped = g_strstrip (g_strdup (text));
  return g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
}

/* Checks @request and works out the supply it asks for: its entries and fee. */
static EdSupply *
prepare_supply (EdContext              *context,
                const EdSupplyRequest  *request,
                GError                **error)
{
  const EdSupplyEntitlement *entitlement;
  g_autoptr(EdSupply) supply = g_new0 (EdSupply, 1);

  supply->recipient = clean_text (request->recipient);
  if (supply->recipient[0] == '\0')
    {
      g_set_error_literal (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_INVALID,
                           _("Say who the copy is for"));
      return NULL;
    }
  if (!g_date_valid (&request->supplied_on))
    {
      g_set_error_literal (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_INVALID,
                           _("Give the date of supply"));
      return NULL;
    }
  entitlement = ed_supply_entitlement_lookup (request->entitlement != NULL
                                                ? request->entitlement : "", error);
  if (entitlement == NULL ||
      !ed_supply_entitlement_allows (entitlement, request->item, error))
    return NULL;

  supply->supplied_on = request->supplied_on;
  supply->entitlement = g_strdup (entitlement->key);
  supply->item = request->item;
  supply->format = request->format;
  supply->notice = g_strdup (request->item == ED_SALE_KIND_NOTICE && request->notice != NULL
                               ? request->notice : "");
  if (request->item == ED_SALE_KIND_MARKED)
    {
      if (request->entries == 0 || request->entries > ED_SALE_FEE_MAX_ENTRIES)
        {
          g_set_error_literal (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_INVALID,
                               _("Give the number of entries in the marked copy"));
          return NULL;
        }
      supply->entries = request->entries;
    }
  else
    {
      if (!ed_register_supply_quote (context, entitlement, request->item, request->format,
                                     &request->supplied_on, supply->notice, &supply->entries,
                                     &supply->fee, error))
        return NULL;
      return g_steal_pointer (&supply);
    }
  supply->fee = ed_supply_fee (entitlement, supply->item, supply->format, supply->entries);
  return g_steal_pointer (&supply);
}

/* The register_supply row of @supply, in an open change set; sets its id. */
static gboolean
insert_supply (EdChangeSet  *change_set,
               EdSupply     *supply,
               GError      **error)
{
  g_autofree char *date_text = ed_date_format_iso (&supply->supplied_on);
  GVariant *values[ED_REGISTER_SUPPLY_N_COLS];
  const char *columns[ED_REGISTER_SUPPLY_N_COLS];

  values[ED_REGISTER_SUPPLY_COL_SUPPLIED_ON] = g_variant_new_string (date_text);
  values[ED_REGISTER_SUPPLY_COL_RECIPIENT] = g_variant_new_string (supply->recipient);
  values[ED_REGISTER_SUPPLY_COL_ENTITLEMENT] = g_variant_new_string (supply->entitlement);
  values[ED_REGISTER_SUPPLY_COL_ITEM] =
    g_variant_new_string (ed_sale_kind_to_string (supply->item));
  values[ED_REGISTER_SUPPLY_COL_FORMAT] =
    g_variant_new_string (ed_sale_format_to_string (supply->format));
  values[ED_REGISTER_SUPPLY_COL_NOTICE] = g_variant_new_string (supply->notice);
  values[ED_REGISTER_SUPPLY_COL_ENTRIES] = g_variant_new_int64 ((gint64)supply->entries);
  values[ED_REGISTER_SUPPLY_COL_FEE] = g_variant_new_int64 (supply->fee);
  ed_register_table_column_names (&ed_register_supply_table, columns);
  return ed_change_set_insert (change_set, ed_register_supply_table.name, NULL, columns,
                               (GVariant * const *)values, G_N_ELEMENTS (values), &supply->id,
                               error);
}

/**
 * ed_register_supply_record:
 * @context: the district
 * @request: the copy requested
 * @error: return location for an error; %ED_SUPPLY_ERROR_NOT_ENTITLED when the entitlement
 *   does not cover the copy
 *
 * Checks the request, counts the copy's entries from the register (except for the marked
 * register, whose count the request gives), computes the fee and records the supply.
 *
 * Returns: (transfer full) (nullable): the supply as recorded
 */
EdSupply *
ed_register_supply_record (EdContext              *context,
                           const EdSupplyRequest  *request,
                           GError                **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(EdSupply) supply = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  supply = prepare_supply (context, request, error);
  if (supply == NULL)
    return NULL;
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL ||
      !insert_supply (change_set, supply, error) ||
      !ed_change_set_commit (change_set, error))
    return NULL;

  return g_steal_pointer (&supply);
}

static const char list_sql[] =
  "SELECT id, supplied_on, recipient, entitlement, item, format, notice, entries, fee "
  "FROM register_supply ORDER BY supplied_on, rowid";

enum
{
  LIST_ID, LIST_SUPPLIED_ON, LIST_RECIPIENT, LIST_ENTITLEMENT, LIST_ITEM, LIST_FORMAT,
  LIST_NOTICE, LIST_ENTRIES, LIST_FEE,
};

/**
 * ed_register_supply_list:
 * @context: the district
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdSupply): every supply recorded, oldest first
 */
GPtrArray *
ed_register_supply_list (EdContext  *context,
                         GError    **error)
{
  EdDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) supplies = NULL;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  database = ed_context_get_database (context);
  stmt = ed_database_prepare (database, list_sql, error);
  if (stmt == NULL)
    return NULL;

  supplies = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_supply_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdSupply *supply = g_new0 (EdSupply, 1);

      supply->id = g_strdup ((const char *)sqlite3_column_text (stmt, LIST_ID));
      g_date_clear (&supply->supplied_on, 1);
      /* A row merged from another desk is shown as it is, even if its date is unreadable. */
      ed_date_parse_iso ((const char *)sqlite3_column_text (stmt, LIST_SUPPLIED_ON),
                         &supply->supplied_on, NULL);
      supply->recipient = g_strdup ((const char *)sqlite3_column_text (stmt, LIST_RECIPIENT));
      supply->entitlement = g_strdup ((const char *)sqlite3_column_text (stmt, LIST_ENTITLEMENT));
      if (!ed_sale_kind_from_string ((const char *)sqlite3_column_text (stmt, LIST_ITEM),
                                     &supply->item, NULL))
        supply->item = ED_SALE_KIND_FULL;
      if (!ed_sale_format_from_string ((const char *)sqlite3_column_text (stmt, LIST_FORMAT),
                                       &supply->format, NULL))
        supply->format = ED_SALE_FORMAT_DATA;
      supply->notice = g_strdup ((const char *)sqlite3_column_text (stmt, LIST_NOTICE));
      supply->entries = (guint64)MAX (sqlite3_column_int64 (stmt, LIST_ENTRIES), 0);
      supply->fee = sqlite3_column_int64 (stmt, LIST_FEE);
      g_ptr_array_add (supplies, supply);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&supplies);
}

static const char notices_sql[] =
  "SELECT n.id, n.publication_date, n.kind, "
  "  (SELECT count(*) FROM register_alteration AS a WHERE a.notice = n.id) "
  "FROM register_notice AS n WHERE n.published ORDER BY n.publication_date DESC, n.rowid DESC";

enum
{
  NOTICES_ID, NOTICES_PUBLICATION_DATE, NOTICES_KIND, NOTICES_ENTRIES,
};

/**
 * ed_register_supply_list_notices:
 * @context: the district
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdSupplyNotice): the published notices of
 *   alteration, newest first
 */
GPtrArray *
ed_register_supply_list_notices (EdContext  *context,
                                 GError    **error)
{
  EdDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  database = ed_context_get_database (context);
  stmt = ed_database_prepare (database, notices_sql, error);
  if (stmt == NULL)
    return NULL;
  notices = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_supply_notice_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdSupplyNotice *notice = g_new0 (EdSupplyNotice, 1);

      notice->id = g_strdup ((const char *)sqlite3_column_text (stmt, NOTICES_ID));
      g_date_clear (&notice->publication_date, 1);
      ed_date_parse_iso ((const char *)sqlite3_column_text (stmt, NOTICES_PUBLICATION_DATE),
                         &notice->publication_date, NULL);
      if (!ed_notice_kind_from_string ((const char *)sqlite3_column_text (stmt, NOTICES_KIND),
                                       &notice->kind, NULL))
        notice->kind = ED_NOTICE_KIND_MONTHLY;
      notice->entries = (guint64)MAX (sqlite3_column_int64 (stmt, NOTICES_ENTRIES), 0);
      g_ptr_array_add (notices, notice);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&notices);
}

/* The edition a copy of the full or edited register is drawn from. */
static gboolean
edition_for (const EdSupply     *supply,
             EdRegisterEdition  *out,
             GError            **error)
{
  switch (supply->item)
    {
    case ED_SALE_KIND_FULL:
      *out = ED_REGISTER_EDITION_FULL;
      break;
    case ED_SALE_KIND_EDITED:
      *out = ED_REGISTER_EDITION_OPEN;
      break;
    case ED_SALE_KIND_NOTICE:
    case ED_SALE_KIND_OVERSEAS:
    case ED_SALE_KIND_MARKED:
    default:
      g_set_error (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_NOT_SUPPORTED,
                   _("A copy of the %s cannot be written here yet: the supply is recorded, "
                     "export the copy from where it is published"),
                   ed_sale_kind_to_string (supply->item));
      return FALSE;
    }
  if (!g_date_valid (&supply->supplied_on))
    {
      g_set_error_literal (error, ED_SUPPLY_ERROR, ED_SUPPLY_ERROR_INVALID,
                           _("The supply has no date of supply"));
      return FALSE;
    }
  return TRUE;
}

/* A supply is always a published version: the full register as it is printed, never the
 * export of every field that moves a register between systems (DOMAIN.md §1.3). */
static EdRegisterCsvForm
csv_form_for (EdRegisterEdition edition)
{
  return edition == ED_REGISTER_EDITION_FULL ? _ED_REGISTER_CSV_PUBLISHED : _ED_REGISTER_CSV_OPEN;
}

/**
 * ed_register_supply_export_csv:
 * @context: the district
 * @supply: a recorded supply of the full or edited register
 * @file: where to write the copy
 * @out_n_entries: (out) (optional): the entries written
 * @error: return location for an error; %ED_SUPPLY_ERROR_NOT_SUPPORTED for other items
 *
 * Writes the copy supplied as CSV, as at the date of supply: the full register as published
 * and printed (number, marker, attainer date, name and address; anonymous entries as number
 * and N; no one under 16, no absent votes, no dates of birth) for the full register; the
 * open edition for the edited register.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_register_supply_export_csv (EdContext       *context,
                               const EdSupply  *supply,
                               GFile           *file,
                               guint           *out_n_entries,
                               GError         **error)
{
  EdRegisterEdition edition;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (supply != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!edition_for (supply, &edition, error))
    return FALSE;
  return _ed_register_export_csv_form (context, csv_form_for (edition), &supply->supplied_on,
                                       file, NULL, NULL, out_n_entries, error);
}

/**
 * ed_register_supply_export:
 * @context: the district
 * @supply: a recorded supply of the full or edited register
 * @file: where to write the copy: a local file for a printed copy
 * @out_n_entries: (out) (optional): the entries written
 * @error: return location for an error; %ED_SUPPLY_ERROR_NOT_SUPPORTED for other items
 *
 * Writes the copy in the supply's format: CSV for data (ed_register_supply_export_csv()),
 * the published register as PDF for a printed copy, as at the date of supply.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_register_supply_export (EdContext       *context,
                           const EdSupply  *supply,
                           GFile           *file,
                           guint           *out_n_entries,
                           GError         **error)
{
  g_autofree char *path = NULL;
  EdRegisterEdition edition;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (supply != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (supply->format == ED_SALE_FORMAT_DATA)
    return ed_register_supply_export_csv (context, supply, file, out_n_entries, error);

  if (!edition_for (supply, &edition, error))
    return FALSE;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A printed copy can only be written to a file on this computer"));
      return FALSE;
    }
  return ed_register_document_write_pdf (context, edition, &supply->supplied_on, path,
                                         out_n_entries, error);
}

/* ---- recording and writing a copy as one job ------------------------------------------- */

typedef struct
{
  EdSupplyRequest  request;        /* its strings are the ones below */
  char            *recipient;
  char            *entitlement;
  char            *notice;
  GFile           *file;
  EdSupply        *supply;
  guint            n_entries;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->recipient);
  g_free (job->entitlement);
  g_free (job->notice);
  g_clear_object (&job->file);
  g_clear_pointer (&job->supply, ed_supply_free);
  g_free (job);
}

/* Writing the copy is nearly all of the work; recording it, a moment. */
#define COPY_SHARE 0.95

static gboolean
export_work (EdJob         *job,
             GObject       *connection,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  ExportJob *data = task_data;
  EdContext *context = ED_CONTEXT (connection);
  EdRegisterProgress copying = { ed_job_progress, job, 0.0, COPY_SHARE, NULL };
  g_autoptr(EdSupply) supply = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GError) delete_error = NULL;
  EdRegisterEdition edition;
  gboolean ok;

  ed_job_report (job, 0.0, _("Counting the entries"));
  supply = prepare_supply (context, &data->request, error);
  if (supply == NULL || !edition_for (supply, &edition, error))
    return FALSE;

  if (supply->format == ED_SALE_FORMAT_DATA)
    ok = _ed_register_export_csv_form (context, csv_form_for (edition), &supply->supplied_on,
                                       data->file, &copying, cancellable, &data->n_entries,
                                       error);
  else
    {
      g_autofree char *path = g_file_get_path (data->file);

      if (path == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("A printed copy can only be written to a file on this "
                                 "computer"));
          return FALSE;
        }
      ok = ed_register_document_write_pdf_full (context, edition, &supply->supplied_on, path,
                                                _ed_register_progress_cb, &copying,
                                                cancellable, &data->n_entries, NULL, error);
    }
  if (!ok)
    return FALSE;

  /* The copy is written; the record goes in only if nothing stops it, and the copy goes if
   * the record does not. Each report is followed by a check (ed-job.c). */
  ed_job_report (job, COPY_SHARE, _("Recording the supply"));
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL || !insert_supply (change_set, supply, error))
    goto failed;
  ed_job_report (job, 0.98, _("Saving"));
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !ed_change_set_commit (change_set, error))
    goto failed;

  ed_job_report (job, 1.0, _("Recorded"));
  data->supply = g_steal_pointer (&supply);
  return TRUE;

failed:
  if (!g_file_delete (data->file, NULL, &delete_error))
    g_warning ("Could not remove the copy not recorded: %s", delete_error->message);
  return FALSE;
}

/**
 * ed_register_supply_export_async:
 * @context: the district
 * @request: a request for a copy of the full or edited register
 * @file: where to write the copy: a local file for a printed copy
 * @cancellable: (nullable): to stop, leaving the district and @file's folder as they were
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Writes the copy @request asks for in its format (ed_register_supply_export()) and records
 * the supply (ed_register_supply_record()), in a job with progress. Either both happen or
 * neither does: the copy is removed if the supply cannot be recorded.
 *
 * Returns: (transfer none): the job, for its progress; it lives until @callback has run
 */
EdJob *
ed_register_supply_export_async (EdContext              *context,
                                 const EdSupplyRequest  *request,
                                 GFile                  *file,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  ExportJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  data = g_new0 (ExportJob, 1);
  data->request = *request;
  data->recipient = g_strdup (request->recipient);
  data->entitlement = g_strdup (request->entitlement);
  data->notice = g_strdup (request->notice);
  data->request.recipient = data->recipient;
  data->request.entitlement = data->entitlement;
  data->request.notice = data->notice;
  data->file = g_object_ref (file);
  return ed_context_run_job_async (context, export_work, data, export_job_free, cancellable,
                                   callback, user_data);
}

/**
 * ed_register_supply_export_finish:
 * @job: the job ed_register_supply_export_async() returned
 * @result: the result handed to the callback
 * @out_n_entries: (out) (optional): the entries written
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Returns: (transfer full) (nullable): the supply as recorded, its copy written
 */
EdSupply *
ed_register_supply_export_finish (EdJob         *job,
                                  GAsyncResult  *result,
                                  guint         *out_n_entries,
                                  GError       **error)
{
  ExportJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, export_work), NULL);

  if (!ed_job_run_finish (job, result, error))
    return NULL;
  data = ed_job_get_task_data (job);
  if (out_n_entries != NULL)
    *out_n_entries = data->n_entries;
  return g_steal_pointer (&data->supply);
}

/**
 * ed_supply_free:
 * @supply: (nullable): a supply
 */
void
ed_supply_free (EdSupply *supply)
{
  if (supply == NULL)
    return;
  g_free (supply->id);
  g_free (supply->recipient);
  g_free (supply->entitlement);
  g_free (supply->notice);
  g_free (supply);
}

/**
 * ed_supply_notice_free:
 * @notice: (nullable): a notice
 */
void
ed_supply_notice_free (EdSupplyNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->id);
  g_free (notice);
}
