/* ed-staff-person-item.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ui/staff/ed-staff-person-item.h"

/* One person of the Staff page's list, as a GObject because list models hand out objects: the
 * person as last read, and what the list says of them at a glance. Their training and their
 * answer for the chosen election are read when the list first shows the row, not when the
 * list is made: a district has a few thousand people and the list shows a screenful. When the
 * district is read afresh, an item is given the person again rather than replaced, and says
 * "changed", so the rows on screen are shown afresh without being built again. */

struct _EdStaffPersonItem
{
  GObject           parent_instance;

  EdStaffPerson    *person;
  char             *name;
  char             *roles_text;

  gboolean          glance_read;
  EdTrainingGlance  training;
  char             *training_text;
  char             *training_detail;
  EdAvailability    availability;
  gboolean          has_election;
};

G_DEFINE_FINAL_TYPE (EdStaffPersonItem, ed_staff_person_item, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ed_staff_person_item_finalize (GObject *object)
{
  EdStaffPersonItem *self = ED_STAFF_PERSON_ITEM (object);

  g_clear_pointer (&self->person, ed_staff_person_free);
  g_free (self->name);
  g_free (self->roles_text);
  g_free (self->training_text);
  g_free (self->training_detail);

  G_OBJECT_CLASS (ed_staff_person_item_parent_class)->finalize (object);
}

static void
ed_staff_person_item_class_init (EdStaffPersonItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_staff_person_item_finalize;

  /**
   * EdStaffPersonItem::changed:
   * @self: the item
   *
   * What the item says of the person may have changed: a row showing it shows it again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ed_staff_person_item_init (EdStaffPersonItem *self)
{
  self->availability = ED_AVAILABILITY_UNKNOWN;
}

/**
 * ed_staff_person_item_new:
 * @person: (transfer full): a person as the store read them
 *
 * Returns: (transfer full): an item owning @person
 */
static void
set_person (EdStaffPersonItem *self,
            EdStaffPerson     *person)
{
  g_autoptr(GString) roles = g_string_new (NULL);

  g_clear_pointer (&self->person, ed_staff_person_free);
  g_free (self->name);
  g_free (self->roles_text);
  self->person = person;
  self->name = ed_staff_person_dup_name (person);
  for (guint i = 0; i < person->roles->len; i++)
    {
      if (i > 0)
        /* Translators: between the roles a person may take, in a list of people */
        g_string_append (roles, C_("roles", ", "));
      g_string_append (roles,
                       ed_staff_role_get_display_name (g_array_index (person->roles,
                                                                      EdStaffRole, i)));
    }
  self->roles_text = roles->len > 0 ? g_string_free (g_steal_pointer (&roles), FALSE)
                                    : g_strdup (_("No roles"));
}

EdStaffPersonItem *
ed_staff_person_item_new (EdStaffPerson *person)
{
  EdStaffPersonItem *self;

  g_return_val_if_fail (person != NULL && person->id != NULL, NULL);

  self = g_object_new (ED_TYPE_STAFF_PERSON_ITEM, NULL);
  set_person (self, person);
  return self;
}

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

static gboolean
same_person (const EdStaffPerson *a,
             const EdStaffPerson *b)
{
  if (a->roles->len != b->roles->len ||
      memcmp (a->roles->data, b->roles->data, a->roles->len * sizeof (EdStaffRole)) != 0)
    return FALSE;
  return g_str_equal (a->id, b->id) && g_str_equal (a->family_name, b->family_name) &&
         g_str_equal (a->given_names, b->given_names) && g_str_equal (a->email, b->email) &&
         g_str_equal (a->phone, b->phone) && g_str_equal (a->address, b->address) &&
         g_str_equal (a->postcode, b->postcode) &&
         same_date (&a->date_of_birth, &b->date_of_birth) &&
         g_str_equal (a->ni_number, b->ni_number) &&
         g_str_equal (a->payroll_reference, b->payroll_reference) &&
         a->council_employee == b->council_employee &&
         a->starter_statement == b->starter_statement &&
         same_date (&a->starter_date, &b->starter_date) &&
         g_str_equal (a->language, b->language) && g_str_equal (a->notes, b->notes);
}

/**
 * ed_staff_person_item_update:
 * @self: an item
 * @person: (transfer full): the same person as read afresh
 *
 * Gives the item the person as the district now has them, and forgets what it read of their
 * training and availability, which another desk or a form may have changed. Says "changed"
 * if a row may show it differently.
 */
void
ed_staff_person_item_update (EdStaffPersonItem *self,
                             EdStaffPerson     *person)
{
  gboolean changed;

  g_return_if_fail (ED_IS_STAFF_PERSON_ITEM (self));
  g_return_if_fail (person != NULL && g_strcmp0 (person->id, self->person->id) == 0);

  changed = self->glance_read;
  if (same_person (self->person, person))
    ed_staff_person_free (person);
  else
    {
      set_person (self, person);
      changed = TRUE;
    }
  self->glance_read = FALSE;
  g_clear_pointer (&self->training_text, g_free);
  g_clear_pointer (&self->training_detail, g_free);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

const EdStaffPerson *
ed_staff_person_item_get_person (EdStaffPersonItem *self)
{
  g_return_val_if_fail (ED_IS_STAFF_PERSON_ITEM (self), NULL);
  return self->person;
}

const char *
ed_staff_person_item_get_id (EdStaffPersonItem *self)
{
  g_return_val_if_fail (ED_IS_STAFF_PERSON_ITEM (self), NULL);
  return self->person->id;
}

/* "Family, Given names", as lists sort people. */
const char *
ed_staff_person_item_get_name (EdStaffPersonItem *self)
{
  g_return_val_if_fail (ED_IS_STAFF_PERSON_ITEM (self), NULL);
  return self->name;
}

/* The roles the person may take, in the vocabulary's order, or "No roles". */
const char *
ed_staff_person_item_get_roles_text (EdStaffPersonItem *self)
{
  g_return_val_if_fail (ED_IS_STAFF_PERSON_ITEM (self), NULL);
  return self->roles_text;
}

/* A course that made the training current on its last valid day, and has lapsed since: the
 * store's own rule (ed_staff_training_counts ()), asked on that day. */
static gboolean
has_lapsed (const EdStaffTraining *training,
            EdStaffRole            role,
            const GDate           *today)
{
  return g_date_valid (&training->valid_until) &&
         g_date_compare (&training->valid_until, today) < 0 &&
         ed_staff_training_counts (training, role, &training->valid_until);
}

/* Each role is current on @today (ed_staff_training_counts ()), expired (a course counted for
 * it once and has lapsed) or not trained for, written to @detail a line each; the person's
 * glance is the sum of their roles. */
static EdTrainingGlance
training_glance (GPtrArray    *records,
                 const GArray *roles,
                 const GDate  *today,
                 GString      *detail,
                 guint        *out_n_current)
{
  guint n_current = 0;
  guint n_expired = 0;

  *out_n_current = 0;
  if (roles->len == 0)
    return ED_TRAINING_GLANCE_NO_ROLES;
  for (guint r = 0; r < roles->len; r++)
    {
      EdStaffRole role = g_array_index (roles, EdStaffRole, r);
      gboolean current = FALSE;
      gboolean lapsed = FALSE;
      const char *state;

      for (guint i = 0; i < records->len; i++)
        {
          const EdStaffTraining *training = g_ptr_array_index (records, i);

          current |= ed_staff_training_counts (training, role, today);
          lapsed |= has_lapsed (training, role, today);
        }
      if (current)
        {
          n_current++;
          state = C_("training state", "current");
        }
      else if (lapsed)
        {
          n_expired++;
          state = C_("training state", "expired");
        }
      else
        state = C_("training state", "none");
      if (detail != NULL)
        {
          if (detail->len > 0)
            g_string_append_c (detail, '\n');
          /* Translators: a role, then the state of a person's training for it: "Poll clerk:
           * expired" */
          g_string_append_printf (detail, C_("training state", "%s: %s"),
                                  ed_staff_role_get_display_name (role), state);
        }
    }
  *out_n_current = n_current;
  if (n_current == roles->len)
    return ED_TRAINING_GLANCE_CURRENT;
  if (n_current > 0)
    return ED_TRAINING_GLANCE_PARTLY;
  return n_expired > 0 ? ED_TRAINING_GLANCE_EXPIRED : ED_TRAINING_GLANCE_NONE;
}

static char *
glance_text (EdTrainingGlance  glance,
             const GArray     *roles,
             guint             n_current)
{
  switch (glance)
    {
    case ED_TRAINING_GLANCE_NO_ROLES:
      return g_strdup ("");
    case ED_TRAINING_GLANCE_CURRENT:
      return g_strdup (C_("training", "Current"));
    case ED_TRAINING_GLANCE_PARTLY:
      /* Translators: a person is trained for some of the roles they may take, in a narrow
       * column headed Training: "1 of 2 current" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u current",
                                           "%u of %u current", roles->len),
                              n_current, roles->len);
    case ED_TRAINING_GLANCE_EXPIRED:
      return g_strdup (C_("training", "Expired"));
    case ED_TRAINING_GLANCE_NONE:
    default:
      return g_strdup (C_("training", "None"));
    }
}

/**
 * ed_staff_person_item_read_glance:
 * @self: an item
 * @context: the district
 * @election_id: (nullable): the election whose availability to show, or %NULL for none
 * @today: the day to judge training on
 *
 * Reads the person's training and their answer for @election_id, once: later calls do
 * nothing. A district that cannot be read shows the person as untrained and not asked.
 */
void
ed_staff_person_item_read_glance (EdStaffPersonItem *self,
                                  EdContext         *context,
                                  const char        *election_id,
                                  const GDate       *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  guint n_current = 0;

  g_return_if_fail (ED_IS_STAFF_PERSON_ITEM (self));
  g_return_if_fail (ED_IS_CONTEXT (context));

  if (self->glance_read)
    return;
  self->glance_read = TRUE;

  records = ed_staff_training_list (context, self->person->id, &error);
  if (records == NULL)
    {
      g_warning ("The training of %s cannot be read: %s", self->person->id, error->message);
      g_clear_error (&error);
      records = g_ptr_array_new ();
    }
  self->training = training_glance (records, self->person->roles, today, detail, &n_current);
  self->training_text = glance_text (self->training, self->person->roles, n_current);
  self->training_detail = g_string_free (g_steal_pointer (&detail), FALSE);

  self->has_election = election_id != NULL;
  if (election_id != NULL &&
      !ed_staff_availability_get (context, self->person->id, election_id, &self->availability,
                                  NULL, &error))
    {
      g_warning ("The availability of %s cannot be read: %s", self->person->id,
                 error->message);
      self->availability = ED_AVAILABILITY_UNKNOWN;
    }
}

EdTrainingGlance
ed_staff_person_item_get_training (EdStaffPersonItem *self)
{
  g_return_val_if_fail (ED_IS_STAFF_PERSON_ITEM (self), ED_TRAINING_GLANCE_NONE);
  return self->training;
}

/* "Current", "1 of 2 current", "Expired", "None", or "" for a person with no roles;
 * "" before the glance is read. */
const char *
ed_staff_person_item_get_training_text (EdStaffPersonItem *self)
{
  g_return_val_if_fail (ED_IS_STAFF_PERSON_ITEM (self), NULL);
  return self->training_text != NULL ? self->training_text : "";
}

/* Each role's state on a line of its own: "Poll clerk: expired". */
const char *
ed_staff_person_item_get_training_detail (EdStaffPersonItem *self)
{
  g_return_val_if_fail (ED_IS_STAFF_PERSON_ITEM (self), NULL);
  return self->training_detail != NULL ? self->training_detail : "";
}

EdAvailability
ed_staff_person_item_get_availability (EdStaffPersonItem *self)
{
  g_return_val_if_fail (ED_IS_STAFF_PERSON_ITEM (self), ED_AVAILABILITY_UNKNOWN);
  return self->availability;
}

/* "Available", "Not available" or "Not asked"; "" when no election is chosen. */
const char *
ed_staff_person_item_get_availability_text (EdStaffPersonItem *self)
{
  g_return_val_if_fail (ED_IS_STAFF_PERSON_ITEM (self), NULL);
  return self->has_election ? ed_availability_get_display_name (self->availability) : "";
}
