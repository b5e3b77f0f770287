/* ed-elector-edit.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "core/ed-elector-number.h"
#include "changes/ed-history.h"
#include "register/ed-register-vocab.h"

G_BEGIN_DECLS

/**
 * EdNewAddress:
 * @property: the number, name or flat ("Flat 2, 14")
 * @street: the street
 * @locality: the locality, or ""
 * @town: the post town
 * @postcode: the postcode, as typed
 *
 * An address not yet in the register, for a new elector at a new property.
 */
typedef struct
{
  char *property;
  char *street;
  char *locality;
  char *town;
  char *postcode;
} EdNewAddress;

/**
 * EdElectorEdit:
 * @id: the elector's row id; %NULL for an elector not yet added
 * @polling_district: the polling district's row id
 * @property: the property's row id; "" for an Other elector or a new address
 * @new_address: for a new elector with @property "" who is not an Other elector, the
 *   address to add
 * @number: the elector number; for a new elector, filled in when it is added
 * @status: where the entry stands; a new elector's is the pending addition it becomes when
 *   added (read only)
 *
 * The fields of one entry in the register that an officer edits, as text and flags in the
 * form the `elector` table keeps them (0004-register.sql): dates ISO 8601 or "", the
 * marker as its letter or "", the absent vote and language as ed-register-vocab.h stores
 * them. Text rather than enums, so that a value the form cannot hold is shown as a problem
 * and an old entry's value is kept as it is.
 */
typedef struct
{
  char            *id;
  char            *polling_district;
  char            *property;
  EdNewAddress     new_address;
  EdElectorNumber  number;
  EdElectorStatus  status;

  char            *title;
  char            *forenames;
  char            *surname;
  char            *marker;
  char            *attainer_date;
  char            *date_of_birth;
  gboolean         open_register_opt_out;
  char            *absent_vote;
  char            *absent_vote_ends;
  char            *proxy_name;
  char            *proxy_address;
  gboolean         anonymous;
  gboolean         other_elector;
  char            *language;
} EdElectorEdit;

/**
 * EdFieldProblem:
 * @field: the column the problem is in (`surname`, `marker`, `postcode`, …)
 * @message: a sentence for the officer, to show under the field
 */
typedef struct
{
  char *field;
  char *message;
} EdFieldProblem;

EdElectorEdit  *ed_elector_edit_new                (void);
EdElectorEdit  *ed_elector_edit_copy               (const EdElectorEdit  *edit);
void            ed_elector_edit_free               (EdElectorEdit        *edit);
EdElectorEdit  *ed_elector_edit_load               (EdContext            *context,
                                                    const char           *elector_id,
                                                    GError              **error);
gboolean        ed_elector_edit_prefill_property   (EdElectorEdit        *edit,
                                                    EdContext            *context,
                                                    const char           *property_id,
                                                    GError              **error);

GPtrArray      *ed_elector_edit_validate           (EdContext            *context,
                                                    const EdElectorEdit  *edit,
                                                    const EdElectorEdit  *stored,
                                                    const GDate          *today);
const char     *ed_field_problems_lookup           (GPtrArray            *problems,
                                                    const char           *field);
void            ed_field_problem_free              (EdFieldProblem       *problem);

gboolean        ed_elector_next_number             (EdContext            *context,
                                                    const char           *polling_district_id,
                                                    const char           *property_id,
                                                    EdElectorNumber      *out,
                                                    GError              **error);

char           *ed_elector_edit_describe_changes   (const EdElectorEdit  *before,
                                                    const EdElectorEdit  *after);
gboolean        ed_elector_edit_has_changes        (const EdElectorEdit  *before,
                                                    const EdElectorEdit  *after);

gboolean        ed_elector_edit_add                (EdContext            *context,
                                                    EdElectorEdit        *edit,
                                                    const GDate          *determined_on,
                                                    GError              **error);
gboolean        ed_elector_edit_amend              (EdContext            *context,
                                                    const EdElectorEdit  *edit,
                                                    const GDate          *determined_on,
                                                    GError              **error);
gboolean        ed_elector_delete                  (EdContext            *context,
                                                    const char           *elector_id,
                                                    EdDeletionReason      reason,
                                                    const char           *other_reason,
                                                    const GDate          *determined_on,
                                                    GError              **error);

char           *ed_elector_edit_address_text       (EdContext            *context,
                                                    const char           *property_id,
                                                    GError              **error);

GPtrArray      *ed_elector_history                 (EdContext            *context,
                                                    const char           *elector_id,
                                                    GError              **error);
char           *ed_elector_history_describe        (const EdHistoryEntry *entry);
const char     *ed_elector_field_get_display_name  (const char           *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdElectorEdit, ed_elector_edit_free)

G_END_DECLS
