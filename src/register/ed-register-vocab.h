/* ed-register-vocab.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The register's vocabularies: each closed set of values that a column of its tables
 * (0004-register.sql, ed-register-tables.h) or one of its files keeps as text. For each,
 * ed_*_to_string() gives the value as stored and written, ed_*_from_string() reads one back
 * (an unknown value is an %ED_VALUE_ERROR_INVALID), and ed_*_get_display_name() names it for
 * people, translated. Stored values never change: databases and files written before must
 * read the same.
 */

/**
 * EdAbsentVote:
 * @ED_ABSENT_VOTE_NONE: the elector votes in person (stored as "")
 * @ED_ABSENT_VOTE_POSTAL: `postal`: the elector votes by post
 * @ED_ABSENT_VOTE_PROXY: `proxy`: a proxy votes for the elector
 * @ED_ABSENT_VOTE_POSTAL_PROXY: `postal_proxy`: the elector's proxy votes by post
 * @ED_N_ABSENT_VOTES: how many there are
 *
 * How an elector votes, as `elector.absent_vote` keeps it (DOMAIN.md §1.6).
 */
typedef enum
{
  ED_ABSENT_VOTE_NONE,
  ED_ABSENT_VOTE_POSTAL,
  ED_ABSENT_VOTE_PROXY,
  ED_ABSENT_VOTE_POSTAL_PROXY,
  ED_N_ABSENT_VOTES,
} EdAbsentVote;

/**
 * EdElectorStatus:
 * @ED_ELECTOR_STATUS_CURRENT: `current`: in the register
 * @ED_ELECTOR_STATUS_PENDING_ADDITION: `pending_addition`: added when the next notice of
 *   alteration is published
 * @ED_ELECTOR_STATUS_PENDING_DELETION: `pending_deletion`: deleted, row and all, when the next
 *   notice of alteration is published
 * @ED_N_ELECTOR_STATUSES: how many there are
 *
 * Where an entry stands, as `elector.status` keeps it (DOMAIN.md §1.4).
 */
typedef enum
{
  ED_ELECTOR_STATUS_CURRENT,
  ED_ELECTOR_STATUS_PENDING_ADDITION,
  ED_ELECTOR_STATUS_PENDING_DELETION,
  ED_N_ELECTOR_STATUSES,
} EdElectorStatus;

/**
 * EdElectorLanguage:
 * @ED_ELECTOR_LANGUAGE_ENGLISH: `en`
 * @ED_ELECTOR_LANGUAGE_WELSH: `cy`
 * @ED_N_ELECTOR_LANGUAGES: how many there are
 *
 * The language an elector is written to in, as `elector.language` keeps it.
 */
typedef enum
{
  ED_ELECTOR_LANGUAGE_ENGLISH,
  ED_ELECTOR_LANGUAGE_WELSH,
  ED_N_ELECTOR_LANGUAGES,
} EdElectorLanguage;

/**
 * EdElectoralAreaKind:
 * @ED_ELECTORAL_AREA_WARD: `ward`, of a district or borough council
 * @ED_ELECTORAL_AREA_DIVISION: `division`, of a county council
 * @ED_N_ELECTORAL_AREA_KINDS: how many there are
 *
 * What an area councillors are elected for is called, as `electoral_area.kind` keeps it.
 */
typedef enum
{
  ED_ELECTORAL_AREA_WARD,
  ED_ELECTORAL_AREA_DIVISION,
  ED_N_ELECTORAL_AREA_KINDS,
} EdElectoralAreaKind;

/**
 * EdNoticeKind:
 * @ED_NOTICE_KIND_MONTHLY: `monthly`: a monthly notice of alteration
 * @ED_NOTICE_KIND_INTERIM: `interim`: an interim notice before an election
 * @ED_NOTICE_KIND_REVISED: `revised`: the revised register
 * @ED_N_NOTICE_KINDS: how many there are
 *
 * What a publication of the register was, as `register_notice.kind` keeps it (DOMAIN.md
 * §1.4).
 */
typedef enum
{
  ED_NOTICE_KIND_MONTHLY,
  ED_NOTICE_KIND_INTERIM,
  ED_NOTICE_KIND_REVISED,
  ED_N_NOTICE_KINDS,
} EdNoticeKind;

/**
 * EdAlterationKind:
 * @ED_ALTERATION_ADDITION: `addition`: an elector added to the register
 * @ED_ALTERATION_DELETION: `deletion`: an elector removed from it
 * @ED_ALTERATION_AMENDMENT: `amendment`: an entry changed
 * @ED_N_ALTERATION_KINDS: how many kinds there are
 *
 * A change to the register, as `register_alteration.kind` keeps it; also the three lists of
 * each polling district in a notice of alteration, in the order printed.
 */
typedef enum
{
  ED_ALTERATION_ADDITION,
  ED_ALTERATION_DELETION,
  ED_ALTERATION_AMENDMENT,
  ED_N_ALTERATION_KINDS,
} EdAlterationKind;

/**
 * EdDeletionReason:
 * @ED_DELETION_MOVED: `moved`: the elector moved away
 * @ED_DELETION_DIED: `died`: the elector died
 * @ED_DELETION_OBJECTION_UPHELD: `objection_upheld`: an objection to the entry was upheld
 * @ED_DELETION_DUPLICATE: `duplicate`: the entry duplicates another
 * @ED_DELETION_OTHER: `other`: another reason, given in words
 * @ED_N_DELETION_REASONS: how many there are
 *
 * Why an entry leaves the register, as the deletion's `register_alteration.reason` keeps it
 * (the other alterations have none, "").
 */
typedef enum
{
  ED_DELETION_MOVED,
  ED_DELETION_DIED,
  ED_DELETION_OBJECTION_UPHELD,
  ED_DELETION_DUPLICATE,
  ED_DELETION_OTHER,
  ED_N_DELETION_REASONS,
} EdDeletionReason;

/**
 * EdSaleKind:
 * @ED_SALE_KIND_FULL: `full`: the full register
 * @ED_SALE_KIND_EDITED: `edited`: the edited (open) register
 * @ED_SALE_KIND_NOTICE: `notice`: a notice of alteration
 * @ED_SALE_KIND_OVERSEAS: `overseas`: the list of overseas electors
 * @ED_SALE_KIND_MARKED: `marked`: a marked register or marked absent voting list
 * @ED_N_SALE_KINDS: how many there are
 *
 * What is being sold or supplied for a fee (DOMAIN.md §1.3), as `register_supply.item` keeps
 * it.
 */
typedef enum
{
  ED_SALE_KIND_FULL,
  ED_SALE_KIND_EDITED,
  ED_SALE_KIND_NOTICE,
  ED_SALE_KIND_OVERSEAS,
  ED_SALE_KIND_MARKED,
  ED_N_SALE_KINDS,
} EdSaleKind;

/**
 * EdSaleFormat:
 * @ED_SALE_FORMAT_DATA: `data`: a data file
 * @ED_SALE_FORMAT_PRINTED: `printed`: paper
 * @ED_N_SALE_FORMATS: how many there are
 *
 * The form of the copy, as `register_supply.format` keeps it. A request for both is charged
 * as two requests (DOMAIN.md §1.3).
 */
typedef enum
{
  ED_SALE_FORMAT_DATA,
  ED_SALE_FORMAT_PRINTED,
  ED_N_SALE_FORMATS,
} EdSaleFormat;

/**
 * EdRegisterEdition:
 * @ED_REGISTER_EDITION_FULL: `full`: every entry with every field: the register's data,
 *   which an import into another district reproduces (README.md lists the columns)
 * @ED_REGISTER_EDITION_OPEN: `open`: the open (edited) register as it may be sold: number,
 *   marker, name, address and attainer date, without those who opted out, anonymous entries
 *   and anyone under 16 (DOMAIN.md §1.3)
 * @ED_N_REGISTER_EDITIONS: how many there are
 *
 * An edition of the register as exported and printed, named on the command line, in
 * actions and in the names of the files the revised register is saved as.
 */
typedef enum
{
  ED_REGISTER_EDITION_FULL,
  ED_REGISTER_EDITION_OPEN,
  ED_N_REGISTER_EDITIONS,
} EdRegisterEdition;

const char  *ed_absent_vote_to_string              (EdAbsentVote          vote);
gboolean     ed_absent_vote_from_string            (const char           *text,
                                                    EdAbsentVote         *out,
                                                    GError              **error);
const char  *ed_absent_vote_get_display_name       (EdAbsentVote          vote);
gboolean     ed_absent_vote_is_by_proxy            (EdAbsentVote          vote);

const char  *ed_elector_status_to_string           (EdElectorStatus       status);
gboolean     ed_elector_status_from_string         (const char           *text,
                                                    EdElectorStatus      *out,
                                                    GError              **error);
const char  *ed_elector_status_get_display_name    (EdElectorStatus       status);

const char  *ed_elector_language_to_string         (EdElectorLanguage     language);
gboolean     ed_elector_language_from_string       (const char           *text,
                                                    EdElectorLanguage    *out,
                                                    GError              **error);
const char  *ed_elector_language_get_display_name  (EdElectorLanguage     language);

const char  *ed_electoral_area_kind_to_string      (EdElectoralAreaKind   kind);
gboolean     ed_electoral_area_kind_from_string    (const char           *text,
                                                    EdElectoralAreaKind  *out,
                                                    GError              **error);
const char  *ed_electoral_area_kind_get_display_name (EdElectoralAreaKind kind);

const char  *ed_notice_kind_to_string              (EdNoticeKind          kind);
gboolean     ed_notice_kind_from_string            (const char           *text,
                                                    EdNoticeKind         *out,
                                                    GError              **error);
const char  *ed_notice_kind_get_display_name       (EdNoticeKind          kind);

const char  *ed_alteration_kind_to_string          (EdAlterationKind      kind);
gboolean     ed_alteration_kind_from_string        (const char           *text,
                                                    EdAlterationKind     *out,
                                                    GError              **error);
const char  *ed_alteration_kind_get_display_name   (EdAlterationKind      kind);
const char  *ed_alteration_kind_get_heading        (EdAlterationKind      kind);

const char  *ed_deletion_reason_to_string          (EdDeletionReason      reason);
gboolean     ed_deletion_reason_from_string        (const char           *text,
                                                    EdDeletionReason     *out,
                                                    GError              **error);
const char  *ed_deletion_reason_get_display_name   (EdDeletionReason      reason);

const char  *ed_sale_kind_to_string                (EdSaleKind            kind);
gboolean     ed_sale_kind_from_string              (const char           *text,
                                                    EdSaleKind           *out,
                                                    GError              **error);
const char  *ed_sale_kind_get_display_name         (EdSaleKind            kind);

const char  *ed_sale_format_to_string              (EdSaleFormat          format);
gboolean     ed_sale_format_from_string            (const char           *text,
                                                    EdSaleFormat         *out,
                                                    GError              **error);
const char  *ed_sale_format_get_display_name       (EdSaleFormat          format);

const char  *ed_register_edition_to_string         (EdRegisterEdition     edition);
gboolean     ed_register_edition_from_string       (const char           *text,
                                                    EdRegisterEdition    *out,
                                                    GError              **error);
const char  *ed_register_edition_get_display_name  (EdRegisterEdition     edition);

G_END_DECLS
