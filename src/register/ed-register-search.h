/* ed-register-search.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ed-context.h"

G_BEGIN_DECLS

/**
 * EdElectorSummary:
 * @id: the elector's row id
 * @number: the elector number as printed ("AB124/1")
 * @name: title, forenames and surname
 * @address: the qualifying address on one line ("" for Other electors)
 * @postcode: its postcode
 * @marker: the franchise marker letter, "" for none
 * @absent_vote: "", "postal", "proxy" or "postal_proxy"
 * @anonymous: an anonymous entry
 * @status: "current", "pending_addition" or "pending_deletion"
 *
 * One line of the register, as lists and search results show it.
 */
typedef struct
{
  char     *id;
  char     *number;
  char     *name;
  char     *address;
  char     *postcode;
  char     *marker;
  char     *absent_vote;
  gboolean  anonymous;
  char     *status;
} EdElectorSummary;

void       ed_elector_summary_free (EdElectorSummary  *summary);

char      *ed_register_search_query (const char        *text);
GPtrArray *ed_register_search      (EdContext         *context,
                                    const char        *text,
                                    guint              limit,
                                    GError           **error);
gboolean   ed_register_count       (EdContext         *context,
                                    guint             *out_count,
                                    GError           **error);
GPtrArray *ed_register_list_range  (EdContext         *context,
                                    guint              position,
                                    guint              n,
                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdElectorSummary, ed_elector_summary_free)

G_END_DECLS
