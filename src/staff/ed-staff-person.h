/* ed-staff-person.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "district/ed-context.h"
#include "staff/ed-staff-vocab.h"

G_BEGIN_DECLS

/* The most characters each field of a person holds: what the forms and the import hold to. */
#define ED_STAFF_NAME_MAX_CHARS       100
#define ED_STAFF_EMAIL_MAX_CHARS      254
#define ED_STAFF_PHONE_MAX_CHARS      40
#define ED_STAFF_ADDRESS_MAX_CHARS    500
#define ED_STAFF_REFERENCE_MAX_CHARS  40
#define ED_STAFF_NOTES_MAX_CHARS      2000
#define ED_STAFF_COURSE_MAX_CHARS     200

/**
 * ED_STAFF_ROLE_ANY:
 *
 * In place of an #EdStaffRole where a list is not narrowed to one role.
 */
#define ED_STAFF_ROLE_ANY ((EdStaffRole)ED_N_STAFF_ROLES)

/**
 * ED_STARTER_NONE:
 *
 * In place of an #EdStarterStatement for a person who has not filled in HMRC's starter
 * checklist (staff_person.starter_statement is '').
 */
#define ED_STARTER_NONE ((EdStarterStatement)ED_N_STARTER_STATEMENTS)

/**
 * EdStaffPerson:
 * @id: the row id; %NULL for a person not yet added
 * @family_name: required
 * @given_names: the given names, as the person writes them
 * @email: an email address, or ""
 * @phone: a telephone number, or ""
 * @address: the address lines, separated by line feeds, without the postcode
 * @postcode: normalised ("ZY1 2AB"), or ""
 * @date_of_birth: cleared when not known
 * @ni_number: the National Insurance number, normalised ("AB123456C"), or ""; shown whole
 *   only where the payroll needs it, masked (ed_ni_number_mask ()) everywhere else
 * @payroll_reference: the council payroll's key for the person, or ""
 * @council_employee: paid through the council's payroll already, so the fee is added to
 *   their pay (DOMAIN.md §4.4)
 * @starter_statement: the statement chosen on HMRC's starter checklist, or %ED_STARTER_NONE
 * @starter_date: when the checklist was filled in; cleared with %ED_STARTER_NONE
 * @language: "" for English, "cy" for letters in Welsh first
 * @notes: free text
 * @roles: (element-type EdStaffRole): the roles the person may take, each once, in the
 *   vocabulary's order
 *
 * A person the returning officer may appoint, with every column of staff_person and the roles
 * of staff_person_role. No bank details: the council's payroll holds them.
 */
typedef struct
{
  char               *id;
  char               *family_name;
  char               *given_names;
  char               *email;
  char               *phone;
  char               *address;
  char               *postcode;
  GDate               date_of_birth;
  char               *ni_number;
  char               *payroll_reference;
  gboolean            council_employee;
  EdStarterStatement  starter_statement;
  GDate               starter_date;
  char               *language;
  char               *notes;
  GArray             *roles;
} EdStaffPerson;

/**
 * EdStaffTraining:
 * @id: the row id; %NULL for a record not yet added
 * @person: the person's row id
 * @role: the role the course trains for
 * @course: its name: "Presiding officer training (face to face)"
 * @course_date: when it was held (or is to be)
 * @attended: whether the person attended it
 * @valid_until: the last day it counts, or cleared when it does not lapse
 *
 * A training course a person was booked on or attended.
 */
typedef struct
{
  char        *id;
  char        *person;
  EdStaffRole  role;
  char        *course;
  GDate        course_date;
  gboolean     attended;
  GDate        valid_until;
} EdStaffTraining;

/**
 * EdStaffRemoval:
 * @person: the person
 * @last_appointed: the day of their latest appointment
 *
 * A person the district's retention period says to remove.
 */
typedef struct
{
  EdStaffPerson *person;
  GDate          last_appointed;
} EdStaffRemoval;

#define ED_TYPE_STAFF_PERSON (ed_staff_person_get_type ())

gboolean        ed_staff_role_parse                    (const char           *text,
                                                        EdStaffRole          *out_role,
                                                        GError              **error);

GType           ed_staff_person_get_type               (void) G_GNUC_CONST;
EdStaffPerson  *ed_staff_person_new                    (void);
EdStaffPerson  *ed_staff_person_copy                   (const EdStaffPerson  *person);
void            ed_staff_person_free                   (EdStaffPerson        *person);
char           *ed_staff_person_dup_name               (const EdStaffPerson  *person);
gboolean        ed_staff_person_has_role               (const EdStaffPerson  *person,
                                                        EdStaffRole           role);
gboolean        ed_staff_person_matches                (const EdStaffPerson  *person,
                                                        EdStaffRole           role,
                                                        const char           *search);
const char     *ed_staff_person_field_get_display_name (const char           *field);
GPtrArray      *ed_staff_person_check                  (EdStaffPerson        *person,
                                                        const GDate          *today);

gboolean        ed_staff_person_add                    (EdContext            *context,
                                                        EdStaffPerson        *person,
                                                        GError              **error);
gboolean        ed_staff_person_update                 (EdContext            *context,
                                                        EdStaffPerson        *person,
                                                        GError              **error);
EdStaffPerson  *ed_staff_person_load                   (EdContext            *context,
                                                        const char           *person_id,
                                                        GError              **error);
GPtrArray      *ed_staff_person_list                   (EdContext            *context,
                                                        EdStaffRole           role,
                                                        const char           *search,
                                                        GError              **error);
gboolean        ed_staff_person_set_roles              (EdContext            *context,
                                                        const char           *person_id,
                                                        const EdStaffRole    *roles,
                                                        guint                 n_roles,
                                                        GError              **error);

EdStaffTraining *ed_staff_training_new                 (void);
void            ed_staff_training_free                 (EdStaffTraining      *training);
gboolean        ed_staff_training_counts               (const EdStaffTraining *training,
                                                        EdStaffRole           role,
                                                        const GDate          *day);
gboolean        ed_staff_training_add                  (EdContext            *context,
                                                        EdStaffTraining      *training,
                                                        GError              **error);
gboolean        ed_staff_training_set_attended         (EdContext            *context,
                                                        const char           *training_id,
                                                        gboolean              attended,
                                                        GError              **error);
GPtrArray      *ed_staff_training_list                 (EdContext            *context,
                                                        const char           *person_id,
                                                        GError              **error);
gboolean        ed_staff_training_is_current           (EdContext            *context,
                                                        const char           *person_id,
                                                        EdStaffRole           role,
                                                        const GDate          *day,
                                                        GError              **error);

gboolean        ed_staff_availability_set              (EdContext            *context,
                                                        const char           *person_id,
                                                        const char           *election,
                                                        EdAvailability        availability,
                                                        const char           *note,
                                                        GError              **error);
gboolean        ed_staff_availability_get              (EdContext            *context,
                                                        const char           *person_id,
                                                        const char           *election,
                                                        EdAvailability       *out_availability,
                                                        char                **out_note,
                                                        GError              **error);

guint           ed_staff_retention_years               (EdContext            *context);
void            ed_staff_retention_cutoff              (EdContext            *context,
                                                        const GDate          *today,
                                                        GDate                *out_cutoff);
GPtrArray      *ed_staff_person_list_for_removal       (EdContext            *context,
                                                        const GDate          *today,
                                                        GError              **error);
void            ed_staff_removal_free                  (EdStaffRemoval       *removal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStaffPerson, ed_staff_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStaffTraining, ed_staff_training_free)

G_END_DECLS
