/* ed-register-supply.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-job.h"
#include "district/ed-context.h"
#include "core/ed-money.h"
#include "register/ed-sale-fee.h"

G_BEGIN_DECLS

#define ED_SUPPLY_ERROR (ed_supply_error_quark ())

/**
 * EdSupplyError:
 * @ED_SUPPLY_ERROR_NOT_ENTITLED: the recipient's entitlement does not cover that copy
 * @ED_SUPPLY_ERROR_UNKNOWN_ENTITLEMENT: no such entitlement
 * @ED_SUPPLY_ERROR_INVALID: a missing recipient, date, notice or entry count
 * @ED_SUPPLY_ERROR_NOT_SUPPORTED: the copy cannot be written from the register's data
 */
typedef enum
{
  ED_SUPPLY_ERROR_NOT_ENTITLED,
  ED_SUPPLY_ERROR_UNKNOWN_ENTITLEMENT,
  ED_SUPPLY_ERROR_INVALID,
  ED_SUPPLY_ERROR_NOT_SUPPORTED,
} EdSupplyError;

/**
 * EdSupplyEntitlement:
 * @key: the name stored in `register_supply.entitlement` and typed on the command line
 * @name: the name shown to people, untranslated (use ed_supply_entitlement_get_name())
 * @full_register: whether it covers the full register, its notices of alteration, the list
 *   of overseas electors and the marked register; without it only the edited register can
 *   be had
 * @free_of_charge: whether the register and notices are supplied free rather than sold
 *
 * The statutory basis on which a copy is supplied or sold (DOMAIN.md §1.3).
 */
typedef struct
{
  const char *key;
  const char *name;
  gboolean    full_register;
  gboolean    free_of_charge;
} EdSupplyEntitlement;

/**
 * EdSupplyRequest:
 * @supplied_on: the date of supply; also the date the open register is as at
 * @recipient: who the copy is for
 * @entitlement: the key of an #EdSupplyEntitlement
 * @item: what is supplied
 * @format: data or printed
 * @notice: for %ED_SALE_KIND_NOTICE, the `register_notice` row id; otherwise %NULL
 * @entries: for %ED_SALE_KIND_MARKED only, the entries in the marked copy (the marked
 *   register is not kept in the database); the other items are counted from the register
 *
 * A request for one copy. A request for both data and printed copies is two requests.
 */
typedef struct
{
  GDate       supplied_on;
  const char *recipient;
  const char *entitlement;
  EdSaleKind  item;
  EdSaleFormat format;
  const char *notice;
  guint64     entries;
} EdSupplyRequest;

/**
 * EdSupply:
 * @id: the `register_supply` row id
 * @supplied_on: the date of supply
 * @recipient: who it was for
 * @entitlement: the entitlement's key
 * @item: what was supplied
 * @format: data or printed
 * @notice: the notice's row id, or ""
 * @entries: the entries in the copy
 * @fee: the fee charged, in pence (0 when supplied free)
 *
 * One recorded supply.
 */
typedef struct
{
  char         *id;
  GDate         supplied_on;
  char         *recipient;
  char         *entitlement;
  EdSaleKind    item;
  EdSaleFormat  format;
  char         *notice;
  guint64       entries;
  EdMoney       fee;
} EdSupply;

/**
 * EdSupplyNotice:
 * @id: the `register_notice` row id
 * @publication_date: its date of publication
 * @kind: what was published; monthly for a kind only a newer desk knows
 * @entries: the alterations it lists
 *
 * A published notice of alteration, as a copy that can be supplied.
 */
typedef struct
{
  char         *id;
  GDate         publication_date;
  EdNoticeKind  kind;
  guint64       entries;
} EdSupplyNotice;

GQuark                     ed_supply_error_quark            (void);

const EdSupplyEntitlement *ed_supply_get_entitlements       (guint          *n_entitlements);
const EdSupplyEntitlement *ed_supply_entitlement_lookup     (const char     *key,
                                                             GError        **error);
const char                *ed_supply_entitlement_get_name   (const EdSupplyEntitlement *self);
gboolean                   ed_supply_entitlement_allows     (const EdSupplyEntitlement *self,
                                                             EdSaleKind      item,
                                                             GError        **error);
EdMoney                    ed_supply_fee                    (const EdSupplyEntitlement *self,
                                                             EdSaleKind      item,
                                                             EdSaleFormat    format,
                                                             guint64         entries);

gboolean                   ed_register_supply_count_entries (EdContext      *context,
                                                             EdSaleKind      item,
                                                             const GDate    *as_at,
                                                             const char     *notice,
                                                             guint64        *out_entries,
                                                             GError        **error);
gboolean                   ed_register_supply_quote         (EdContext      *context,
                                                             const EdSupplyEntitlement *entitlement,
                                                             EdSaleKind      item,
                                                             EdSaleFormat    format,
                                                             const GDate    *as_at,
                                                             const char     *notice,
                                                             guint64        *out_entries,
                                                             EdMoney        *out_fee,
                                                             GError        **error);
EdSupply                  *ed_register_supply_record        (EdContext      *context,
                                                             const EdSupplyRequest *request,
                                                             GError        **error);
GPtrArray                 *ed_register_supply_list          (EdContext      *context,
                                                             GError        **error);
GPtrArray                 *ed_register_supply_list_notices  (EdContext      *context,
                                                             GError        **error);
gboolean                   ed_register_supply_export_csv    (EdContext      *context,
                                                             const EdSupply *supply,
                                                             GFile          *file,
                                                             guint          *out_n_entries,
                                                             GError        **error);
gboolean                   ed_register_supply_export        (EdContext      *context,
                                                             const EdSupply *supply,
                                                             GFile          *file,
                                                             guint          *out_n_entries,
                                                             GError        **error);
EdJob                     *ed_register_supply_export_async  (EdContext      *context,
                                                             const EdSupplyRequest *request,
                                                             GFile          *file,
                                                             GCancellable   *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer        user_data);
EdSupply                  *ed_register_supply_export_finish (EdJob          *job,
                                                             GAsyncResult   *result,
                                                             guint          *out_n_entries,
                                                             GError        **error);

void                       ed_supply_free                   (EdSupply       *supply);
void                       ed_supply_notice_free            (EdSupplyNotice *notice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSupply, ed_supply_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSupplyNotice, ed_supply_notice_free)

G_END_DECLS
