/* ed-register-search.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "register/ed-register-vocab.h"

G_BEGIN_DECLS

/**
 * EdElectorSummary:
 * @id: the elector's row id
 * @number: the elector number as printed ("AB124/1")
 * @name: title, forenames and surname
 * @address: the qualifying address on one line ("" for Other electors)
 * @postcode: its postcode
 * @marker: the franchise marker letter, "" for none
 * @absent_vote: how the elector votes; in person for a value only a newer desk knows
 * @anonymous: an anonymous entry
 * @status: where the entry stands; current for a value only a newer desk knows
 * @property: the row id of the elector's property, "" for none
 * @amendment_pending: an amendment of the entry waits for the next notice: it has effect in
 *   the editor and the lists at once, but is published only by its notice
 *
 * One line of the register, as lists and search results show it.
 */
typedef struct
{
  char            *id;
  char            *number;
  char            *name;
  char            *address;
  char            *postcode;
  char            *marker;
  EdAbsentVote     absent_vote;
  gboolean         anonymous;
  EdElectorStatus  status;
  char            *property;
  gboolean         amendment_pending;
} EdElectorSummary;

/**
 * EdAbsentVoteFilter:
 * @ED_ABSENT_VOTE_FILTER_ALL: no filter
 * @ED_ABSENT_VOTE_FILTER_POSTAL: postal voters
 * @ED_ABSENT_VOTE_FILTER_PROXY: electors who vote by proxy
 * @ED_ABSENT_VOTE_FILTER_POSTAL_PROXY: electors whose proxy votes by post
 * @ED_ABSENT_VOTE_FILTER_ANY: any of those three
 * @ED_ABSENT_VOTE_FILTER_NONE: electors who vote in person
 */
typedef enum
{
  ED_ABSENT_VOTE_FILTER_ALL,
  ED_ABSENT_VOTE_FILTER_POSTAL,
  ED_ABSENT_VOTE_FILTER_PROXY,
  ED_ABSENT_VOTE_FILTER_POSTAL_PROXY,
  ED_ABSENT_VOTE_FILTER_ANY,
  ED_ABSENT_VOTE_FILTER_NONE,
} EdAbsentVoteFilter;

/**
 * EdPendingFilter:
 * @ED_PENDING_FILTER_ALL: no filter
 * @ED_PENDING_FILTER_ADDITION: entries waiting to be added by the next notice
 * @ED_PENDING_FILTER_DELETION: entries waiting to be deleted by the next notice
 * @ED_PENDING_FILTER_ANY: either
 * @ED_PENDING_FILTER_AMENDMENT: entries with an amendment the next notice will publish
 */
typedef enum
{
  ED_PENDING_FILTER_ALL,
  ED_PENDING_FILTER_ADDITION,
  ED_PENDING_FILTER_DELETION,
  ED_PENDING_FILTER_ANY,
  ED_PENDING_FILTER_AMENDMENT,
} EdPendingFilter;

/**
 * ED_REGISTER_FILTER_ANY_MARKER:
 *
 * The #EdRegisterFilter marker that keeps every entry with a franchise marker, whichever.
 */
#define ED_REGISTER_FILTER_ANY_MARKER "*"

/**
 * EdRegisterFilter:
 * @polling_district: (nullable): the row id of a polling district, %NULL for all
 * @marker: (nullable): a franchise marker letter, %ED_REGISTER_FILTER_ANY_MARKER for any
 *   marker, %NULL for all entries
 * @absent_vote: which absent voters
 * @attainers: only attainers (entries with an attainer date)
 * @pending: which pending changes
 *
 * What to narrow the register to; the parts combine (all must hold) with each other and with
 * a search. Initialise with ed_register_filter_init(): all zero is no filter.
 */
typedef struct
{
  const char         *polling_district;
  const char         *marker;
  EdAbsentVoteFilter  absent_vote;
  gboolean            attainers;
  EdPendingFilter     pending;
} EdRegisterFilter;

/**
 * EdPollingDistrictRef:
 * @id: the polling district's row id
 * @code: its code, which prefixes its elector numbers
 * @name: its name
 *
 * A polling district, as a filter offers it.
 */
typedef struct
{
  char *id;
  char *code;
  char *name;
} EdPollingDistrictRef;

/**
 * EdRegisterKey:
 * @prefix: the elector number's prefix; %NULL for no entry
 * @number: the elector number
 * @suffix: its suffix, 0 for none
 * @rowid: the entry's row, which orders entries with the same number
 *
 * Where an entry stands in register order, for reading the register from it
 * (ed_register_key_seek(), ed_register_list_from_key()).
 */
typedef struct
{
  char   *prefix;
  gint64  number;
  gint64  suffix;
  gint64  rowid;
} EdRegisterKey;

void       ed_elector_summary_free          (EdElectorSummary        *summary);
void       ed_polling_district_ref_free     (EdPollingDistrictRef    *ref);
GPtrArray *ed_register_polling_districts    (EdContext               *context,
                                             GError                 **error);

gboolean   ed_absent_vote_filter_get_vote   (EdAbsentVoteFilter       filter,
                                             EdAbsentVote            *out_vote);
gboolean   ed_pending_filter_get_status     (EdPendingFilter          filter,
                                             EdElectorStatus         *out_status);

void       ed_register_filter_init          (EdRegisterFilter        *filter);
gboolean   ed_register_filter_is_empty      (const EdRegisterFilter  *filter);

char      *ed_register_search_query         (const char              *text);
GPtrArray *ed_register_search               (EdContext               *context,
                                             const char              *text,
                                             guint                    limit,
                                             GError                 **error);
GPtrArray *ed_register_search_filtered      (EdContext               *context,
                                             const char              *text,
                                             const EdRegisterFilter  *filter,
                                             guint                    limit,
                                             GError                 **error);
gboolean   ed_register_search_count         (EdContext               *context,
                                             const char              *text,
                                             const EdRegisterFilter  *filter,
                                             guint                   *out_count,
                                             GError                 **error);
gboolean   ed_register_count                (EdContext               *context,
                                             guint                   *out_count,
                                             GError                 **error);
gboolean   ed_register_count_filtered       (EdContext               *context,
                                             const EdRegisterFilter  *filter,
                                             guint                   *out_count,
                                             GError                 **error);
GPtrArray *ed_register_list_range           (EdContext               *context,
                                             guint                    position,
                                             guint                    n,
                                             GError                 **error);
GPtrArray *ed_register_list_range_filtered  (EdContext               *context,
                                             const EdRegisterFilter  *filter,
                                             guint                    position,
                                             guint                    n,
                                             GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdElectorSummary, ed_elector_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPollingDistrictRef, ed_polling_district_ref_free)

void       ed_register_key_clear            (EdRegisterKey           *key);
gboolean   ed_register_key_seek             (EdContext               *context,
                                             const EdRegisterFilter  *filter,
                                             const EdRegisterKey     *from,
                                             gboolean                 backwards,
                                             guint                    skip,
                                             EdRegisterKey           *out,
                                             GError                 **error);
GPtrArray *ed_register_list_from_key        (EdContext               *context,
                                             const EdRegisterFilter  *filter,
                                             const EdRegisterKey     *from,
                                             guint                    n,
                                             GError                 **error);

G_END_DECLS
