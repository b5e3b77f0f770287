/* ed-staff-person-item.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "staff/ed-staff-person.h"

G_BEGIN_DECLS

/**
 * EdTrainingGlance:
 * @ED_TRAINING_GLANCE_NO_ROLES: the person may take no role, so needs no training
 * @ED_TRAINING_GLANCE_CURRENT: trained for every role they may take
 * @ED_TRAINING_GLANCE_PARTLY: trained for some of their roles, not all
 * @ED_TRAINING_GLANCE_EXPIRED: trained for none of their roles now, and some training lapsed
 * @ED_TRAINING_GLANCE_NONE: never trained for any of their roles
 *
 * A person's training for the roles they may take, on one day, as the list shows it.
 */
typedef enum
{
  ED_TRAINING_GLANCE_NO_ROLES,
  ED_TRAINING_GLANCE_CURRENT,
  ED_TRAINING_GLANCE_PARTLY,
  ED_TRAINING_GLANCE_EXPIRED,
  ED_TRAINING_GLANCE_NONE,
} EdTrainingGlance;

#define ED_TYPE_STAFF_PERSON_ITEM (ed_staff_person_item_get_type ())

G_DECLARE_FINAL_TYPE (EdStaffPersonItem, ed_staff_person_item, ED, STAFF_PERSON_ITEM, GObject)

EdStaffPersonItem   *ed_staff_person_item_new                (EdStaffPerson      *person);
void                 ed_staff_person_item_update             (EdStaffPersonItem  *self,
                                                              EdStaffPerson      *person);
const EdStaffPerson *ed_staff_person_item_get_person         (EdStaffPersonItem  *self);
const char          *ed_staff_person_item_get_id             (EdStaffPersonItem  *self);
const char          *ed_staff_person_item_get_name           (EdStaffPersonItem  *self);
const char          *ed_staff_person_item_get_roles_text     (EdStaffPersonItem  *self);
void                 ed_staff_person_item_read_glance        (EdStaffPersonItem  *self,
                                                              EdContext          *context,
                                                              const char         *election_id,
                                                              const GDate        *today);
EdTrainingGlance     ed_staff_person_item_get_training       (EdStaffPersonItem  *self);
const char          *ed_staff_person_item_get_training_text  (EdStaffPersonItem  *self);
const char          *ed_staff_person_item_get_training_detail (EdStaffPersonItem *self);
const char          *ed_staff_person_item_get_availability_text (EdStaffPersonItem *self);
EdAvailability       ed_staff_person_item_get_availability   (EdStaffPersonItem  *self);

G_END_DECLS
