/* ed-staff-board-actions.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a person does on the appointment board (ed-staff-board.c): appoint someone to a
 * place through EdAppointDialog, by a drop or from the keyboard, all through appoint ();
 * move an appointment on or back, or remove it, each with Undo; and invite the staff of the
 * election before. Each change is the staff module's (ed-staff-appointment.h), and the board
 * is read again after it. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "elections/ed-election.h"
#include "staff/ed-staff-appointment.h"
#include "staff/ed-staff-person.h"
#include "ui/ed-accessible.h"
#include "ui/staff/ed-appoint-dialog.h"
#include "ui/staff/ed-staff-board-private.h"
#include "ui/staff/ed-staff-person-item.h"

/* --- appointing --------------------------------------------------------------------------- */

/* What a new appointment at @place copies: the day and hours of one already made there as
 * @role, or as anything there (a postal vote opening session is on its own day), or as @role
 * at another place of the kind; otherwise none, and polling day (the count's own day for the
 * count). */
static const EdStaffAppointment *
model_appointment (EdStaffBoard       *self,
                   const EdBoardPlace *place,
                   EdStaffRole         role)
{
  const EdStaffAppointment *same_place = NULL;
  const EdStaffAppointment *same_kind = NULL;

  for (guint i = 0; i < self->appointments->len; i++)
    {
      const EdStaffAppointment *appointment = g_ptr_array_index (self->appointments, i);
      gboolean here;

      if (appointment->place_kind != place->kind)
        continue;
      here = g_str_equal (appointment->station, place->station) &&
             g_str_equal (appointment->session, place->session);
      if (here && appointment->role == role)
        return appointment;
      if (here && same_place == NULL)
        same_place = appointment;
      if (appointment->role == role && same_kind == NULL)
        same_kind = appointment;
    }
  return same_place != NULL ? same_place : same_kind;
}

static char *
describe_place (const EdBoardPlace *place,
                EdStaffRole         role)
{
  /* Translators: a role at a place, "Poll clerk at AB1 Mill Hall" */
  return g_strdup_printf (_("%1$s at %2$s"), ed_staff_role_get_display_name (role),
                          place->title);
}

static void
toast (EdStaffBoard *self,
       const char   *text,
       const char   *undo_action,
       const char   *undo_target)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (undo_action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, undo_action);
      adw_toast_set_action_target_value (toast, g_variant_new_string (undo_target));
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
}

/* Appoints @person_id to @place as @role, refreshes the board and says so, with Undo. */
static char *
appoint (EdStaffBoard        *self,
         const EdBoardPlace  *place,
         const char          *person_id,
         EdStaffRole          role,
         GError             **error)
{
  EdElection *election = _ed_staff_board_chosen_election (self);
  const EdStaffAppointment *model = model_appointment (self, place, role);
  EdStaffAppointmentNew details = { 0, };
  g_autofree char *name = NULL;
  g_autofree char *where = describe_place (place, role);
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  GDate day;

  g_date_clear (&day, 1);
  if (model != NULL)
    day = model->work_date;
  else if (place->kind == ED_STAFF_PLACE_COUNT && g_date_valid (&election->count_date))
    day = election->count_date;
  details = (EdStaffAppointmentNew) {
    .election = election->id,
    .person = person_id,
    .role = role,
    .place_kind = place->kind,
    .station = place->kind == ED_STAFF_PLACE_STATION ? place->station : NULL,
    .session = place->kind != ED_STAFF_PLACE_STATION ? place->session : NULL,
    .work_date = &day,
    .start_time = model != NULL ? model->start_time : NULL,
    .end_time = model != NULL ? model->end_time : NULL,
    .minutes = model != NULL ? model->minutes : 0,
    .enhanced_minutes = model != NULL ? model->enhanced_minutes : 0,
  };
  /* The name before the refresh frees the people it is read from. */
  {
    g_autofree char *own = NULL;

    name = g_strdup (_ed_staff_board_person_name (self, person_id, &own));
  }
  id = ed_staff_appointment_add (self->context, &details, error);
  if (id == NULL)
    return NULL;
  _ed_staff_board_refresh (self);
  /* Translators: a person's name, then their appointment: "Poll clerk at AB1 Mill Hall" */
  text = g_strdup_printf (_("%1$s appointed: %2$s"), name, where);
  toast (self, text, "board.undo-appoint", id);
  return g_steal_pointer (&id);
}

static void
failed (EdStaffBoard *self,
        GError       *error)
{
  g_debug ("Refused: %s", error->message);
  toast (self, error->message, NULL, NULL);
}

static void
chosen_cb (EdAppointDialog *dialog,
           const char      *person_id,
           guint            role,
           EdStaffBoard    *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  EdBoardPlace *place = _ed_staff_board_selected_place (self);

  if (place == NULL)
    return;
  id = appoint (self, place, person_id, (EdStaffRole)role, &error);
  if (id == NULL)
    {
      /* The dialog stays, with the choice made, for another try. */
      failed (self, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/**
 * ed_staff_board_open_appoint:
 * @self: the board
 *
 * Opens the dialog to appoint someone to the place selected, as the Appoint button does.
 *
 * Returns: (transfer none) (nullable): the dialog, shown; %NULL when no place that takes
 *   appointments is selected
 */
EdAppointDialog *
ed_staff_board_open_appoint (EdStaffBoard *self)
{
  EdBoardPlace *place;
  EdElection *election;
  g_autoptr(GHashTable) appointed = NULL;
  EdAppointDialog *dialog;
  const EdStaffRole *roles;
  GtkRoot *root;
  guint n_roles;
  GDate day;

  g_return_val_if_fail (ED_IS_STAFF_BOARD (self), NULL);

  place = _ed_staff_board_selected_place (self);
  election = _ed_staff_board_chosen_election (self);
  if (place == NULL || !place->can_appoint || election == NULL || self->appointments == NULL)
    return NULL;

  /* Who is appointed where already, so that no one is booked twice without seeing it. */
  appointed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  {
    g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

    for (guint i = 0; i < self->places->len; i++)
      {
        EdBoardPlace *other = g_ptr_array_index (self->places, i);

        for (guint j = 0; j < other->lines->len; j++)
          {
            EdBoardLine *line = g_ptr_array_index (other->lines, j);

            g_hash_table_insert (lines, line->appointment, describe_place (other, line->role));
          }
      }
    for (guint i = 0; i < self->appointments->len; i++)
      {
        EdStaffAppointment *appointment = g_ptr_array_index (self->appointments, i);
        const char *where = g_hash_table_lookup (lines, appointment->id);

        if (where != NULL && ed_appointment_state_is_active (appointment->state))
          g_hash_table_replace (appointed, g_strdup (appointment->person), g_strdup (where));
      }
  }
  {
    const EdStaffAppointment *model =
      model_appointment (self, place, _ed_staff_board_default_role (place));

    day = election->poll;
    if (model != NULL && g_date_valid (&model->work_date))
      day = model->work_date;
  }
  roles = _ed_staff_board_place_roles (place, &n_roles);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ed_appoint_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->context, election->id, &day, place->title, roles,
                                  n_roles, _ed_staff_board_default_role (place), appointed);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
appoint_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ed_staff_board_open_appoint (ED_STAFF_BOARD (widget));
}

/* Enter or a double click on a place. */
static void
place_activated_cb (EdStaffBoard  *self,
                    GtkListBoxRow *row)
{
  gtk_list_box_select_row (GTK_LIST_BOX (self->places_list), row);
  ed_staff_board_open_appoint (self);
}

/**
 * ed_staff_board_drop_person:
 * @self: the board
 * @index: a place's position on the board
 * @person_id: the person dropped on it
 * @error: return location for an error
 *
 * What a drop of a person onto a place does: appoints them there in the role the place is
 * short of that they hold (or another of its roles they hold, or the place's own choice).
 *
 * Returns: (transfer full): the new appointment's row id, or %NULL
 */
char *
ed_staff_board_drop_person (EdStaffBoard  *self,
                            guint          index,
                            const char    *person_id,
                            GError       **error)
{
  EdBoardPlace *place;
  EdStaffRole role;

  g_return_val_if_fail (ED_IS_STAFF_BOARD (self), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  if (self->places == NULL || self->people_by_id == NULL || index >= self->places->len ||
      !(place = g_ptr_array_index (self->places, index))->can_appoint)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("No one can be appointed to that place from the board."));
      return NULL;
    }
  role = _ed_staff_board_role_for (place, g_hash_table_lookup (self->people_by_id, person_id));
  return appoint (self, place, person_id, role, error);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EdStaffBoard  *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (GTK_LIST_BOX (self->places_list), (int)y);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  gtk_list_box_drag_unhighlight_row (GTK_LIST_BOX (self->places_list));
  if (row == NULL || !G_VALUE_HOLDS_STRING (value))
    return FALSE;
  gtk_list_box_select_row (GTK_LIST_BOX (self->places_list), row);
  id = ed_staff_board_drop_person (self, (guint)gtk_list_box_row_get_index (row),
                                   g_value_get_string (value), &error);
  if (id == NULL)
    {
      failed (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The place under the pointer is marked while a person is dragged over it. */
static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                EdStaffBoard  *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (GTK_LIST_BOX (self->places_list), (int)y);

  if (row == NULL || !ed_board_place_row_get_place (ED_BOARD_PLACE_ROW (row))->can_appoint)
    {
      gtk_list_box_drag_unhighlight_row (GTK_LIST_BOX (self->places_list));
      return 0;
    }
  gtk_list_box_drag_highlight_row (GTK_LIST_BOX (self->places_list), row);
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               EdStaffBoard  *self)
{
  gtk_list_box_drag_unhighlight_row (GTK_LIST_BOX (self->places_list));
}

/* Enter on a person not yet appointed appoints them to the place selected, as a drop does. */
static void
person_activated_cb (GtkListView  *view,
                     guint         position,
                     EdStaffBoard *self)
{
  g_autoptr(EdStaffPersonItem) person = g_list_model_get_item (G_LIST_MODEL (self->available),
                                                               position);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->places_list));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (person == NULL || row == NULL)
    return;
  id = ed_staff_board_drop_person (self, (guint)gtk_list_box_row_get_index (row),
                                   ed_staff_person_item_get_id (person), &error);
  if (id == NULL)
    failed (self, error);
}

static void
undo_appoint_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EdStaffBoard *self = ED_STAFF_BOARD (widget);
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;
  if (!ed_staff_appointment_remove (self->context, g_variant_get_string (parameter, NULL),
                                    &error))
    failed (self, error);
  _ed_staff_board_refresh (self);
}

/* --- states and removal ------------------------------------------------------------------- */

static void
set_state_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EdStaffBoard *self = ED_STAFF_BOARD (widget);
  g_autoptr(GError) error = NULL;
  const char *id;
  const char *state_text;
  EdAppointmentState state;

  if (self->context == NULL)
    return;
  g_variant_get (parameter, "(&s&s)", &id, &state_text);
  if (!ed_appointment_state_from_string (state_text, &state, &error) ||
      !ed_staff_appointment_set_state (self->context, id, state, &error))
    failed (self, error);
  _ed_staff_board_refresh (self);
}

static void
remove_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdStaffBoard *self = ED_STAFF_BOARD (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStaffAppointment) appointment = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (self->context == NULL)
    return;
  appointment = ed_staff_appointment_load (self->context, id, &error);
  if (appointment == NULL || !ed_staff_appointment_remove (self->context, id, &error))
    {
      failed (self, error);
      _ed_staff_board_refresh (self);
      return;
    }
  /* Translators: %s is a person's name */
  text = g_strdup_printf (_("%s’s appointment removed"),
                          _ed_staff_board_person_name (self, appointment->person, &name));
  g_hash_table_replace (self->removed, g_strdup (id), g_steal_pointer (&appointment));
  _ed_staff_board_refresh (self);
  toast (self, text, "board.undo-remove", id);
}

/* The steps from invited to each state, along the way an appointment goes. */
static const EdAppointmentState * const steps_to[] = {
  [ED_APPOINTMENT_INVITED] = (const EdAppointmentState[]) { ED_N_APPOINTMENT_STATES },
  [ED_APPOINTMENT_ACCEPTED] = (const EdAppointmentState[]) {
    ED_APPOINTMENT_ACCEPTED, ED_N_APPOINTMENT_STATES },
  [ED_APPOINTMENT_DECLINED] = (const EdAppointmentState[]) {
    ED_APPOINTMENT_DECLINED, ED_N_APPOINTMENT_STATES },
  [ED_APPOINTMENT_CONFIRMED] = (const EdAppointmentState[]) {
    ED_APPOINTMENT_ACCEPTED, ED_APPOINTMENT_CONFIRMED, ED_N_APPOINTMENT_STATES },
  [ED_APPOINTMENT_ATTENDED] = (const EdAppointmentState[]) {
    ED_APPOINTMENT_ACCEPTED, ED_APPOINTMENT_CONFIRMED, ED_APPOINTMENT_ATTENDED,
    ED_N_APPOINTMENT_STATES },
  [ED_APPOINTMENT_DID_NOT_ATTEND] = (const EdAppointmentState[]) {
    ED_APPOINTMENT_ACCEPTED, ED_APPOINTMENT_CONFIRMED, ED_APPOINTMENT_DID_NOT_ATTEND,
    ED_N_APPOINTMENT_STATES },
};
G_STATIC_ASSERT (G_N_ELEMENTS (steps_to) == ED_N_APPOINTMENT_STATES);

/* The appointment made again as it was: the same person, role, place, day, hours and note,
 * walked on to the state it was in (each step recorded today). */
static void
undo_remove_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EdStaffBoard *self = ED_STAFF_BOARD (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  EdStaffAppointment *removed = g_hash_table_lookup (self->removed, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;
  EdStaffAppointmentNew details;

  if (self->context == NULL || removed == NULL)
    return;
  details = (EdStaffAppointmentNew) {
    .election = removed->election,
    .person = removed->person,
    .role = removed->role,
    .place_kind = removed->place_kind,
    .station = removed->station,
    .session = removed->session,
    .work_date = &removed->work_date,
    .start_time = removed->start_time,
    .end_time = removed->end_time,
    .minutes = removed->minutes,
    .enhanced_minutes = removed->enhanced_minutes,
    .units = removed->units,
    .note = removed->note,
  };
  new_id = ed_staff_appointment_add (self->context, &details, &error);
  for (const EdAppointmentState *step = steps_to[removed->state];
       new_id != NULL && error == NULL && *step != ED_N_APPOINTMENT_STATES; step++)
    ed_staff_appointment_set_state (self->context, new_id, *step, &error);
  if (error != NULL)
    failed (self, error);
  g_hash_table_remove (self->removed, id);
  _ed_staff_board_refresh (self);
}

/* --- bulk invitation ---------------------------------------------------------------------- */

static void
invite_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    EdStaffBoard     *self)
{
  EdElection *from = _ed_staff_board_previous_election (self);
  EdElection *to = _ed_staff_board_chosen_election (self);
  g_autoptr(EdStaffInviteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  AdwMessageDialog *said;
  GtkRoot *root;
  guint shown;

  if (!g_str_equal (response, "invite") || self->context == NULL || from == NULL || to == NULL)
    return;
  report = ed_staff_appointment_invite_from (self->context, from->id, to->id, &error);
  if (report == NULL)
    {
      failed (self, error);
      return;
    }
  _ed_staff_board_refresh (self);

  heading = g_strdup_printf (ngettext ("%u Person Invited", "%u People Invited",
                                       report->invited),
                             report->invited);
  if (report->unplaced > 0)
    g_string_append_printf (body,
                            ngettext ("%u of them worked at a station no longer in the plan, "
                                      "and is still to be placed.",
                                      "%u of them worked at stations no longer in the plan, "
                                      "and are still to be placed.",
                                      report->unplaced),
                            report->unplaced);
  if (report->skipped->len > 0)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append_printf (body,
                              ngettext ("%u person was passed over:",
                                        "%u people were passed over:", report->skipped->len),
                              report->skipped->len);
    }
  /* A long list is cut: the board shows who is appointed. */
  shown = MIN (report->skipped->len, 12);
  for (guint i = 0; i < shown; i++)
    {
      g_string_append_c (body, '\n');
      g_string_append (body,
                       ((EdStaffInviteSkipped *)g_ptr_array_index (report->skipped, i))->message);
    }
  if (report->skipped->len > shown)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, ngettext ("and %u more.", "and %u more.",
                                              report->skipped->len - shown),
                              report->skipped->len - shown);
    }
  if (report->invited == 0 && report->skipped->len == 0)
    g_string_append (body, _("No one was confirmed for or attended the earlier election."));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  said = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                          : NULL,
                                                     heading, body->str));
  adw_message_dialog_add_response (said, "close", _("_Close"));
  ed_accessible_name_buttons (GTK_WIDGET (said));
  gtk_window_present (GTK_WINDOW (said));
}

static void
invite_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdStaffBoard *self = ED_STAFF_BOARD (widget);
  EdElection *from = _ed_staff_board_previous_election (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *day = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->context == NULL || from == NULL)
    return;
  day = ed_date_format_long (&from->poll);
  body = g_strdup_printf (
    /* Translators: %1$s is an election's title, %2$s its polling day */
    _("Everyone confirmed for or attending %1$s on %2$s is invited to the same role and "
      "place at this election. People already appointed, marked unavailable or no longer on "
      "the staff list are passed over."),
    from->title, day);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       _("Invite Last Election’s Staff?"),
                                                       body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "invite", _("_Invite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "invite", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "invite");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (invite_response_cb), self, 0);
  ed_accessible_name_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- the board's actions and drop target -------------------------------------------------- */

void
_ed_staff_board_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, place_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_activated_cb);
  gtk_widget_class_install_action (widget_class, "board.appoint", NULL, appoint_action_cb);
  gtk_widget_class_install_action (widget_class, "board.invite", NULL, invite_action_cb);
  gtk_widget_class_install_action (widget_class, "board.set-state", "(ss)",
                                   set_state_action_cb);
  gtk_widget_class_install_action (widget_class, "board.remove", "s", remove_action_cb);
  gtk_widget_class_install_action (widget_class, "board.undo-appoint", "s",
                                   undo_appoint_action_cb);
  gtk_widget_class_install_action (widget_class, "board.undo-remove", "s",
                                   undo_remove_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "board.appoint", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "board.appoint", NULL);
}

void
_ed_staff_board_init_drop_target (EdStaffBoard *self)
{
  GtkDropTarget *target;

  /* One drop target for the list, which finds the place under the pointer. */
  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (self->places_list, GTK_EVENT_CONTROLLER (target));
}
