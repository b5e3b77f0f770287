/* ed-appoint-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Appointing someone to one place of the board (EdStaffBoard) from the keyboard: the role,
 * then the people who hold it (ed_staff_person_list ()), found by name, each with their answer
 * for the election, whether their training for the role is current on the day and where they
 * are appointed already. Those who said they can work come first, those not asked next and
 * those who cannot last. The dialog only chooses: it says whom and as what by "chosen", and
 * the board appoints, as a drop onto the board does. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "staff/ed-staff-person.h"
#include "staff/ed-staff-warnings.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"
#include "ui/staff/ed-appoint-dialog.h"
#include "ui/widgets/ed-list-placeholder.h"

struct _EdAppointDialog
{
  AdwWindow    parent_instance;

  EdContext   *context;
  char        *election_id;
  GDate        day;
  GArray      *roles;      /* EdStaffRole, in the role row's order */
  GHashTable  *appointed;  /* person id → where they are appointed already */

  GtkWidget   *window_title;
  GtkWidget   *appoint_button;
  GtkWidget   *role_row;
  GtkWidget   *search_entry;
  GtkWidget   *people_list;
};

G_DEFINE_FINAL_TYPE (EdAppointDialog, ed_appoint_dialog, ADW_TYPE_WINDOW)

enum
{
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define PERSON_KEY "ed-person-id"

EdStaffRole
ed_appoint_dialog_get_role (EdAppointDialog *self)
{
  guint selected;

  g_return_val_if_fail (ED_IS_APPOINT_DIALOG (self), ED_STAFF_ROLE_POLL_CLERK);

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->role_row));
  return selected < self->roles->len ? g_array_index (self->roles, EdStaffRole, selected)
                                     : g_array_index (self->roles, EdStaffRole, 0);
}

/**
 * ed_appoint_dialog_get_person:
 * @self: the dialog
 *
 * Returns: (nullable): the row id of the person selected
 */
const char *
ed_appoint_dialog_get_person (EdAppointDialog *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (ED_IS_APPOINT_DIALOG (self), NULL);

  row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->people_list));
  return row != NULL ? g_object_get_data (G_OBJECT (row), PERSON_KEY) : NULL;
}

typedef struct
{
  EdStaffPerson  *person;   /* borrowed from the list read */
  EdAvailability  availability;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;
  /* Available, then not asked, then not available; the store's order within each. */
  static const int rank[] = {
    [ED_AVAILABILITY_AVAILABLE] = 0,
    [ED_AVAILABILITY_UNKNOWN] = 1,
    [ED_AVAILABILITY_UNAVAILABLE] = 2,
  };

  return rank[x->availability] - rank[y->availability];
}

/* "Available · Training current · Poll clerk at AB2" */
static char *
describe (EdAppointDialog *self,
          const Candidate *candidate,
          EdStaffRole      role)
{
  g_autoptr(GString) text = g_string_new (ed_availability_get_display_name (
    candidate->availability));
  const char *where = g_hash_table_lookup (self->appointed, candidate->person->id);

  if (ed_staff_role_needs_training (role))
    {
      g_autoptr(GError) error = NULL;
      gboolean current = ed_staff_training_is_current (self->context, candidate->person->id,
                                                       role, &self->day, &error);

      if (error != NULL)
        g_warning ("The training of %s cannot be read: %s", candidate->person->id,
                   error->message);
      /* Translators: between the parts of what a list says of a person */
      g_string_append (text, C_("person details", " · "));
      g_string_append (text, current ? _("Training current") : _("No current training"));
    }
  if (where != NULL)
    {
      g_string_append (text, C_("person details", " · "));
      /* Translators: %s is an appointment, "Poll clerk at AB2" */
      g_string_append_printf (text, _("Appointed: %s"), where);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_people (EdAppointDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *selected = g_strdup (ed_appoint_dialog_get_person (self));
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  EdStaffRole role = ed_appoint_dialog_get_role (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->people_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->people_list), child);

  people = ed_staff_person_list (self->context, role, search, &error);
  if (people == NULL)
    {
      g_warning ("The staff cannot be read: %s", error->message);
      return;
    }
  for (guint i = 0; i < people->len; i++)
    {
      Candidate candidate = { g_ptr_array_index (people, i), ED_AVAILABILITY_UNKNOWN };

      if (!ed_staff_availability_get (self->context, candidate.person->id, self->election_id,
                                      &candidate.availability, NULL, &error))
        {
          g_warning ("The availability of %s cannot be read: %s", candidate.person->id,
                     error->message);
          g_clear_error (&error);
          candidate.availability = ED_AVAILABILITY_UNKNOWN;
        }
      g_array_append_val (candidates, candidate);
    }
  /* Stable: g_array_sort is a merge sort. */
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = ed_staff_person_dup_name (candidate->person);
      g_autofree char *subtitle = describe (self, candidate, role);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (candidate->availability == ED_AVAILABILITY_UNAVAILABLE)
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), PERSON_KEY, g_strdup (candidate->person->id),
                              g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->people_list), row);
      if (g_strcmp0 (selected, candidate->person->id) == 0)
        gtk_list_box_select_row (GTK_LIST_BOX (self->people_list), GTK_LIST_BOX_ROW (row));
    }
  gtk_widget_set_sensitive (self->appoint_button, ed_appoint_dialog_get_person (self) != NULL);
}

static void
role_changed_cb (EdAppointDialog *self)
{
  if (self->context != NULL)
    show_people (self);
}

static void
search_changed_cb (EdAppointDialog *self)
{
  if (self->context != NULL)
    show_people (self);
}

static void
choose (EdAppointDialog *self)
{
  const char *person = ed_appoint_dialog_get_person (self);

  if (person != NULL)
    g_signal_emit (self, signals[CHOSEN], 0, person, (guint)ed_appoint_dialog_get_role (self));
}

/* Enter in the search selects the first person found, and appoints them when they are the
 * only one. */
static void
search_activate_cb (EdAppointDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->people_list), 0);

  if (first == NULL)
    return;
  gtk_list_box_select_row (GTK_LIST_BOX (self->people_list), first);
  if (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->people_list), 1) == NULL)
    choose (self);
  else
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
row_selected_cb (EdAppointDialog *self)
{
  gtk_widget_set_sensitive (self->appoint_button, ed_appoint_dialog_get_person (self) != NULL);
}

static void
row_activated_cb (EdAppointDialog *self,
                  GtkListBoxRow   *row)
{
  gtk_list_box_select_row (GTK_LIST_BOX (self->people_list), row);
  choose (self);
}

static void
appoint_clicked_cb (EdAppointDialog *self)
{
  choose (self);
}

static void
ed_appoint_dialog_dispose (GObject *object)
{
  EdAppointDialog *self = ED_APPOINT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->appointed, g_hash_table_unref);

  G_OBJECT_CLASS (ed_appoint_dialog_parent_class)->dispose (object);
}

static void
ed_appoint_dialog_finalize (GObject *object)
{
  EdAppointDialog *self = ED_APPOINT_DIALOG (object);

  g_free (self->election_id);
  g_array_unref (self->roles);

  G_OBJECT_CLASS (ed_appoint_dialog_parent_class)->finalize (object);
}

static void
ed_appoint_dialog_class_init (EdAppointDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_appoint_dialog_dispose;
  object_class->finalize = ed_appoint_dialog_finalize;

  /**
   * EdAppointDialog::chosen:
   * @self: the dialog
   * @person: the row id of the person chosen
   * @role: the #EdStaffRole they are to take
   *
   * A person was chosen for the place; whoever opened the dialog appoints them, and closes it
   * once they are.
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/staff/ed-appoint-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAppointDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EdAppointDialog, appoint_button);
  gtk_widget_class_bind_template_child (widget_class, EdAppointDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, EdAppointDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EdAppointDialog, people_list);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, appoint_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_appoint_dialog_init (EdAppointDialog *self)
{
  self->roles = g_array_new (FALSE, FALSE, sizeof (EdStaffRole));
  gtk_widget_init_template (GTK_WIDGET (self));
  ed_list_box_set_placeholder_text (GTK_LIST_BOX (self->people_list),
                                    _("No one who holds the role matches."));
  ed_accessible_name_buttons (GTK_WIDGET (self));
}

/**
 * ed_appoint_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the district
 * @election_id: the election whose availability the list shows
 * @day: the day worked, which training must be current on
 * @place_title: the place, as the board names it
 * @roles: (array length=n_roles): the roles the place offers, at least one
 * @n_roles: how many
 * @role: the role chosen at first
 * @appointed: (element-type utf8 utf8): each person appointed already, with where
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
EdAppointDialog *
ed_appoint_dialog_new (GtkWindow         *parent,
                       EdContext         *context,
                       const char        *election_id,
                       const GDate       *day,
                       const char        *place_title,
                       const EdStaffRole *roles,
                       guint              n_roles,
                       EdStaffRole        role,
                       GHashTable        *appointed)
{
  EdAppointDialog *self;
  GtkStringList *names;
  guint chosen = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election_id != NULL && day != NULL && place_title != NULL, NULL);
  g_return_val_if_fail (roles != NULL && n_roles > 0 && appointed != NULL, NULL);

  self = g_object_new (ED_TYPE_APPOINT_DIALOG, "transient-for", parent, NULL);
  self->election_id = g_strdup (election_id);
  self->day = *day;
  self->appointed = g_hash_table_ref (appointed);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), place_title);

  names = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->role_row)));
  for (guint i = 0; i < n_roles; i++)
    {
      g_array_append_val (self->roles, roles[i]);
      gtk_string_list_append (names, ed_staff_role_get_display_name (roles[i]));
      if (roles[i] == role)
        chosen = i;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->role_row), chosen);
  /* The list is read once the district is known, not at each step of filling the form. */
  self->context = g_object_ref (context);
  show_people (self);
  gtk_widget_grab_focus (self->search_entry);
  return self;
}
