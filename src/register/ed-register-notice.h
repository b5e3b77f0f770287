/* ed-register-notice.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-job.h"
#include "district/ed-context.h"
#include "register/ed-notice-timetable.h"
#include "register/ed-register-vocab.h"

G_BEGIN_DECLS

#define ED_REGISTER_NOTICE_ERROR (ed_register_notice_error_quark ())

/**
 * EdRegisterNoticeError:
 * @ED_REGISTER_NOTICE_ERROR_NOT_A_NOTICE_DATE: the date is not the day a monthly notice of
 *   alteration is published (the first working day of its month)
 * @ED_REGISTER_NOTICE_ERROR_NO_NOTICE_DUE: no notice is due in that month, one of the months
 *   before the revised register, and an optional one was not asked for
 * @ED_REGISTER_NOTICE_ERROR_ALREADY_PUBLISHED: a notice (or revised register) of that date is
 *   published already
 * @ED_REGISTER_NOTICE_ERROR_LATER_PUBLISHED: a later notice or revised register is published
 *   already, so this one would come out of order
 * @ED_REGISTER_NOTICE_ERROR_NOTHING_TO_PUBLISH: no alteration is waiting for this notice
 * @ED_REGISTER_NOTICE_ERROR_BEFORE_DEADLINE: the notice's determination deadline has not
 *   passed yet, so alterations may still be determined for it: it can never be published
 * @ED_REGISTER_NOTICE_ERROR_BEFORE_DATE: it is not yet the notice's publication date, and
 *   publishing early was not confirmed (%ED_NOTICE_FLAGS_BEFORE_DATE)
 * @ED_REGISTER_NOTICE_ERROR_UNKNOWN_AREA: an interim notice was asked for an area that is
 *   not one of the district's polling districts, or for no area at all
 *
 * Why a notice of alteration or a revised register could not be prepared or published.
 */
typedef enum
{
  ED_REGISTER_NOTICE_ERROR_NOT_A_NOTICE_DATE,
  ED_REGISTER_NOTICE_ERROR_NO_NOTICE_DUE,
  ED_REGISTER_NOTICE_ERROR_ALREADY_PUBLISHED,
  ED_REGISTER_NOTICE_ERROR_LATER_PUBLISHED,
  ED_REGISTER_NOTICE_ERROR_NOTHING_TO_PUBLISH,
  ED_REGISTER_NOTICE_ERROR_BEFORE_DEADLINE,
  ED_REGISTER_NOTICE_ERROR_BEFORE_DATE,
  ED_REGISTER_NOTICE_ERROR_UNKNOWN_AREA,
} EdRegisterNoticeError;

/**
 * EdNoticeFlags:
 * @ED_NOTICE_FLAGS_NONE: only a notice the ERO must publish
 * @ED_NOTICE_FLAGS_OPTIONAL: also a notice in the months before the revised register, which
 *   the ERO need not publish but may (DOMAIN.md §1.4)
 * @ED_NOTICE_FLAGS_BEFORE_DATE: a person has confirmed publishing the notice after its
 *   determination deadline but before its publication date; without it, a notice is
 *   published only on or after its date
 */
typedef enum
{
  ED_NOTICE_FLAGS_NONE = 0,
  ED_NOTICE_FLAGS_OPTIONAL = 1 << 0,
  ED_NOTICE_FLAGS_BEFORE_DATE = 1 << 1,
} EdNoticeFlags;

/**
 * EdNoticeChanges:
 * @n_additions: electors the notice adds
 * @n_deletions: electors it deletes
 * @n_amendments: entries it amends
 *
 * What publishing a notice will change, for the confirmation a person gives before it is
 * published. Alterations withheld from print (about someone under 16) are counted: they
 * take effect all the same.
 */
typedef struct
{
  guint n_additions;
  guint n_deletions;
  guint n_amendments;
} EdNoticeChanges;

/**
 * EdNoticeEntry:
 * @alteration_id: the register_alteration row
 * @elector_id: the elector row ('' if the elector is no longer in the district)
 * @kind: the list it is printed in
 * @number: the elector number as printed, `AB124/1`
 * @marker: the franchise marker; `N` for an anonymous entry
 * @name: title, forenames and surname; empty for an anonymous entry
 * @address: the qualifying address; empty for anonymous entries and Other electors
 * @attainer_date: the ISO date the entry shows (ed_elector_entry_dates ()): the day the
 *   elector attains voting age or, in Wales and Scotland, the day a 16- or 17-year-old turns
 *   18; or empty. Never a date of birth
 * @reason: for a deletion, the reason code (`moved`, `died`, …)
 * @detail: what the published notice prints beside the entry: that date, or
 *   nothing; never a deletion's reason or the desk's note of an amendment (@reason and the
 *   alteration's record keep those for the officer)
 * @determined_on: the day the alteration was determined
 *
 * One line of a notice of alteration.
 */
typedef struct
{
  char             *alteration_id;
  char             *elector_id;
  EdAlterationKind  kind;
  char             *number;
  char             *marker;
  char             *name;
  char             *address;
  char             *attainer_date;
  char             *reason;
  char             *detail;
  GDate             determined_on;
} EdNoticeEntry;

/**
 * EdNoticeDistrict:
 * @code: the polling district's code
 * @name: its name
 * @entries: (element-type EdNoticeEntry): one array per #EdAlterationKind, each in the
 *   register's statutory order
 *
 * One polling district's part of a notice.
 */
typedef struct
{
  char      *code;
  char      *name;
  GPtrArray *entries[ED_N_ALTERATION_KINDS];
} EdNoticeDistrict;

/**
 * EdNotice:
 * @publication: the day the notice is published
 * @determination: the last day of determinations it lists
 * @required: whether the ERO must publish it (%FALSE in the months before the revised register)
 * @council: the council's name, for the documents' running header
 * @ero_name: the Electoral Registration Officer's name, from the district settings
 * @ero_address: the Electoral Registration Officer's address on one line (the council's
 *   electoral services address in the district settings)
 * @statutory_reference: the provision the notice is published under, translated
 * @districts: (element-type EdNoticeDistrict): the polling districts with alterations, by code
 * @n_entries: how many entries the districts list
 * @n_alterations: every alteration the notice publishes, those withheld included
 * @n_withheld: alterations published without being printed because they are about an elector
 *   under 16, of whom nothing may be published (DOMAIN.md §1.2)
 * @changes: the alterations it publishes by kind, those withheld included
 *
 * A monthly notice of alteration as it will be, or was, published.
 */
typedef struct
{
  GDate      publication;
  GDate      determination;
  gboolean   required;
  char      *council;
  char      *ero_name;
  char      *ero_address;
  char      *statutory_reference;
  GPtrArray *districts;
  guint      n_entries;
  guint      n_alterations;
  guint      n_withheld;
  EdNoticeChanges changes;
} EdNotice;

GQuark       ed_register_notice_error_quark   (void);

EdNotice    *ed_register_notice_prepare        (EdContext         *context,
                                                const GDate       *publication,
                                                EdNoticeFlags      flags,
                                                GError           **error);
EdNotice    *ed_register_notice_prepare_interim (EdContext           *context,
                                                 const EdNoticeDates *dates,
                                                 const char * const  *areas,
                                                 GError             **error);
void         ed_notice_free                    (EdNotice          *notice);
void         ed_notice_get_changes             (EdNotice          *notice,
                                                EdNoticeChanges   *out);
char        *ed_notice_changes_describe        (const EdNoticeChanges *changes);
gboolean     ed_register_notice_check_publishable (const GDate    *publication,
                                                   const GDate    *determination,
                                                   const GDate    *today,
                                                   EdNoticeFlags   flags,
                                                   GError        **error);
gboolean     ed_register_notice_is_published   (EdContext         *context,
                                                EdNoticeKind       kind,
                                                const GDate       *publication,
                                                gboolean          *out_published,
                                                GError           **error);
char        *ed_notice_format_date             (const GDate       *date);
char        *ed_notice_file_name               (const GDate       *publication,
                                                const char        *extension);

gboolean     ed_notice_write_csv               (EdNotice          *notice,
                                                GFile             *file,
                                                GError           **error);

gboolean     ed_register_notice_publish        (EdContext         *context,
                                                const GDate       *publication,
                                                const char        *out_dir,
                                                char             **out_pdf_path,
                                                GError           **error);
gboolean     ed_register_notice_publish_full   (EdContext         *context,
                                                const GDate       *publication,
                                                EdNoticeFlags      flags,
                                                const char        *out_dir,
                                                EdNotice         **out_notice,
                                                char             **out_pdf_path,
                                                char             **out_csv_path,
                                                GError           **error);
gboolean     ed_register_notice_publish_interim (EdContext          *context,
                                                 const EdNoticeDates *dates,
                                                 const char * const *areas,
                                                 EdNoticeFlags       flags,
                                                 const char         *out_dir,
                                                 EdNotice          **out_notice,
                                                 char              **out_pdf_path,
                                                 char              **out_csv_path,
                                                 GError            **error);
EdJob       *ed_register_notice_publish_async  (EdContext            *context,
                                                const GDate          *publication,
                                                EdNoticeFlags         flags,
                                                const char           *out_dir,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean     ed_register_notice_publish_finish (EdJob                *job,
                                                GAsyncResult         *result,
                                                EdNotice            **out_notice,
                                                char                **out_pdf_path,
                                                char                **out_csv_path,
                                                GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdNotice, ed_notice_free)

G_END_DECLS
