/* ed-staff-board.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Staff page's Appointments view (issue 16, items 3 and 7): the appointment board of an
 * election against the polling plan. Each station of the plan is a place, with the presiding
 * officers and clerks appointed on polling day against those the plan asks for
 * (ed_staff_station_wanted (), DOMAIN.md §3.4), then the count, the postal vote opening
 * sessions and the other places appointments name; under each, who is appointed as what, and
 * how far each appointment has gone. The warnings of ed_staff_warnings_list () are above the
 * board, read again after every change.
 *
 * The polls of a combination share their stations and staff, so they are one board: the
 * election chooser offers the first poll of each combination (and each poll on its own), new
 * appointments are recorded against it, and the board shows the appointments of every poll of
 * the combination.
 *
 * A person is appointed to the place selected through EdAppointDialog (the Appoint button,
 * Ctrl+Return, or Enter on a place), by Enter on someone in the list of people not yet
 * appointed, or by dragging them from that list onto a place; all three end in appoint (). A
 * drop chooses the role the place is short of that the person holds.
 *
 * What a person does on the board, appointing, moving an appointment on, removing it and
 * inviting the last election's staff, is in ed-staff-board-actions.c.
 *
 * The plan reads the whole register, so it is worked out in a job, and only once the board is
 * on screen: a district opened on the People view pays nothing for it. Everything else is
 * read on the main thread after each change: an election's appointments are a few hundred
 * rows. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-today.h"
#include "elections/ed-election.h"
#include "staff/ed-staff-appointment.h"
#include "staff/ed-staff-person.h"
#include "staff/ed-staff-warnings.h"
#include "stations/ed-station-plan.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"
#include "ui/staff/ed-staff-board-private.h"
#include "ui/staff/ed-staff-person-item.h"
#include "ui/widgets/ed-list-placeholder.h"

G_DEFINE_FINAL_TYPE (EdStaffBoard, ed_staff_board, ADW_TYPE_BIN)

/* --- the roles each place offers ---------------------------------------------------------- */

/* The first is the one a place offers when nothing says otherwise. */
static const EdStaffRole station_roles[] = {
  ED_STAFF_ROLE_POLL_CLERK, ED_STAFF_ROLE_PRESIDING_OFFICER,
};
static const EdStaffRole count_roles[] = {
  ED_STAFF_ROLE_COUNT_ASSISTANT, ED_STAFF_ROLE_COUNT_SUPERVISOR, ED_STAFF_ROLE_COUNT_MANAGER,
  ED_STAFF_ROLE_BALLOT_BOX_RECEIPT,
};
static const EdStaffRole opening_roles[] = {
  ED_STAFF_ROLE_POSTAL_OPENING_ASSISTANT, ED_STAFF_ROLE_POSTAL_OPENING_SUPERVISOR,
  ED_STAFF_ROLE_POSTAL_OPENING_MANAGER,
};
static const EdStaffRole office_roles[] = {
  ED_STAFF_ROLE_POLL_CARD_DELIVERY, ED_STAFF_ROLE_STATION_INSPECTOR,
  ED_STAFF_ROLE_STANDBY_PRESIDING_OFFICER, ED_STAFF_ROLE_TRAINER, ED_STAFF_ROLE_CANVASSER,
  ED_STAFF_ROLE_DEPUTY_RETURNING_OFFICER,
};

const EdStaffRole *
_ed_staff_board_place_roles (const EdBoardPlace *place,
                             guint              *n_roles)
{
  switch (place->kind)
    {
    case ED_STAFF_PLACE_STATION:
      *n_roles = G_N_ELEMENTS (station_roles);
      return station_roles;
    case ED_STAFF_PLACE_COUNT:
      *n_roles = G_N_ELEMENTS (count_roles);
      return count_roles;
    case ED_STAFF_PLACE_POSTAL_OPENING:
      *n_roles = G_N_ELEMENTS (opening_roles);
      return opening_roles;
    case ED_STAFF_PLACE_OFFICE:
    case ED_N_STAFF_PLACES:
    default:
      *n_roles = G_N_ELEMENTS (office_roles);
      return office_roles;
    }
}

/* Whether a station of the plan has fewer of @role on polling day than it asks for. */
static gboolean
place_short_of (const EdBoardPlace *place,
                EdStaffRole         role)
{
  if (!place->in_plan)
    return FALSE;
  if (role == ED_STAFF_ROLE_PRESIDING_OFFICER)
    return place->appointed.presiding_officers < place->wanted.presiding_officers;
  if (role == ED_STAFF_ROLE_POLL_CLERK)
    return place->appointed.poll_clerks < place->wanted.poll_clerks;
  return FALSE;
}

/* A station without its presiding officer is offered one first; otherwise a clerk. */
EdStaffRole
_ed_staff_board_default_role (const EdBoardPlace *place)
{
  guint n_roles;
  const EdStaffRole *roles = _ed_staff_board_place_roles (place, &n_roles);

  if (place_short_of (place, ED_STAFF_ROLE_PRESIDING_OFFICER))
    return ED_STAFF_ROLE_PRESIDING_OFFICER;
  return roles[0];
}

/* For a person dropped on a place: a role the place is short of that they hold, else a role
 * of the place they hold, else the place's own choice (which the warnings then flag if it is
 * a presiding officer's). */
EdStaffRole
_ed_staff_board_role_for (const EdBoardPlace  *place,
                          const EdStaffPerson *person)
{
  guint n_roles;
  const EdStaffRole *roles = _ed_staff_board_place_roles (place, &n_roles);

  for (guint i = 0; person != NULL && i < n_roles; i++)
    if (ed_staff_person_has_role (person, roles[i]) && place_short_of (place, roles[i]))
      return roles[i];
  for (guint i = 0; person != NULL && i < n_roles; i++)
    if (ed_staff_person_has_role (person, roles[i]))
      return roles[i];
  return _ed_staff_board_default_role (place);
}

/* --- the elections ------------------------------------------------------------------------ */

EdElection *
_ed_staff_board_chosen_election (EdStaffBoard *self)
{
  return ed_election_chooser_get_election (self->election_chooser);
}

/* The latest poll before the one chosen, whose staff can be invited to it. */
EdElection *
_ed_staff_board_previous_election (EdStaffBoard *self)
{
  EdElection *chosen = _ed_staff_board_chosen_election (self);
  GPtrArray *elections = ed_election_chooser_get_elections (self->election_chooser);
  EdElection *previous = NULL;

  /* Of the first polls of combinations, which are what the board shows. */
  for (guint i = 0; chosen != NULL && i < elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (elections, i);

      if (*election->combined_with == '\0' &&
          g_date_compare (&election->poll, &chosen->poll) < 0 &&
          (previous == NULL || g_date_compare (&election->poll, &previous->poll) > 0))
        previous = election;
    }
  return previous;
}

/* --- the plan ----------------------------------------------------------------------------- */

static void
plan_computed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(EdStaffBoard) self = user_data;
  g_autoptr(GError) error = NULL;
  EdStationPlan *plan = ed_station_plan_compute_finish (ED_JOB (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  if (plan == NULL)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page),
                                 _("The Polling Plan Cannot Be Read"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }
  g_clear_pointer (&self->plan, ed_station_plan_free);
  self->plan = plan;
  _ed_staff_board_refresh (self);
}

/* The plan afresh in a job; the board shown stays until it is ready. */
static void
compute_plan (EdStaffBoard *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->plan_stale = FALSE;
  if (self->context == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  if (self->plan == NULL)
    {
      gtk_spinner_start (GTK_SPINNER (self->spinner));
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
    }
  ed_station_plan_compute_async (self->context, self->cancellable, plan_computed_cb,
                                 g_object_ref (self));
}

/* --- the places --------------------------------------------------------------------------- */

const char *
_ed_staff_board_person_name (EdStaffBoard *self,
                             const char   *person_id,
                             char        **out_free)
{
  EdStaffPerson *person = g_hash_table_lookup (self->people_by_id, person_id);

  if (person == NULL)
    return _("Someone no longer on the staff list");
  *out_free = ed_staff_person_dup_name (person);
  return *out_free;
}

static EdElection *
poll_of (EdStaffBoard *self,
         const char   *election_id)
{
  for (guint i = 0; self->polls != NULL && i < self->polls->len; i++)
    {
      EdElection *poll = g_ptr_array_index (self->polls, i);

      if (g_str_equal (poll->id, election_id))
        return poll;
    }
  return NULL;
}

/* Places other than the plan's stations come after them: the count, postal vote opening, the
 * office, then station work with no station (the inspectors' rounds, those still to be
 * placed); each kind's unnamed place before its sessions. */
static int
kind_rank (const EdBoardPlace *place)
{
  switch (place->kind)
    {
    case ED_STAFF_PLACE_COUNT:
      return 0;
    case ED_STAFF_PLACE_POSTAL_OPENING:
      return 1;
    case ED_STAFF_PLACE_OFFICE:
      return 2;
    case ED_STAFF_PLACE_STATION:
    case ED_N_STAFF_PLACES:
    default:
      return 3;
    }
}

static int
compare_other_places (gconstpointer a,
                      gconstpointer b)
{
  const EdBoardPlace *x = *(EdBoardPlace **)a;
  const EdBoardPlace *y = *(EdBoardPlace **)b;
  int by = kind_rank (x) - kind_rank (y);

  if (by == 0)
    by = (int)(*y->session == '\0') - (int)(*x->session == '\0');
  return by != 0 ? by : g_utf8_collate (x->title, y->title);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const EdBoardLine *x = *(EdBoardLine **)a;
  const EdBoardLine *y = *(EdBoardLine **)b;
  int by = (int)x->role - (int)y->role;

  return by != 0 ? by : g_utf8_collate (x->name, y->name);
}

/* The place for work at a station with no station of the plan: a round or a session it
 * names, a station since taken out of the plan, or one still to be chosen. */
EdBoardPlace *
_ed_staff_board_unplaced (GHashTable               *others,
                          GPtrArray                *places,
                          const EdStaffAppointment *appointment)
{
  g_autofree char *key = NULL;
  const char *title;
  EdBoardPlace *place;

  if (*appointment->station != '\0')
    title = _("Stations no longer in the plan");
  else if (*appointment->session != '\0')
    title = appointment->session;
  else
    title = _("Still to be placed at a station");
  key = g_strdup_printf ("station\x01%s", title);
  place = g_hash_table_lookup (others, key);
  if (place == NULL)
    {
      place = ed_board_place_new (ED_STAFF_PLACE_STATION, "", appointment->session);
      g_free (place->title);
      place->title = g_strdup (title);
      g_hash_table_insert (others, g_steal_pointer (&key), place);
      g_ptr_array_add (places, place);
    }
  return place;
}

/* The count's, postal vote opening's or office's place for @session ("" for the unnamed). */
static EdBoardPlace *
other_place (GHashTable   *others,
             GPtrArray    *places,
             EdStaffPlace  kind,
             const char   *session)
{
  g_autofree char *key = g_strdup_printf ("%s\x01%s", ed_staff_place_to_string (kind), session);
  EdBoardPlace *place = g_hash_table_lookup (others, key);

  if (place == NULL)
    {
      place = ed_board_place_new (kind, "", session);
      g_free (place->title);
      place->title = g_strdup (*session != '\0' ? session
                                                : ed_staff_place_get_display_name (kind));
      place->can_appoint = TRUE;
      g_hash_table_insert (others, g_steal_pointer (&key), place);
      g_ptr_array_add (places, place);
    }
  return place;
}

static gboolean
has_kind (GPtrArray    *places,
          EdStaffPlace  kind)
{
  for (guint i = 0; i < places->len; i++)
    if (((EdBoardPlace *)g_ptr_array_index (places, i))->kind == kind)
      return TRUE;
  return FALSE;
}

static void
append_text (char       **text,
             const char  *more)
{
  char *joined = *text != NULL ? g_strconcat (*text, "\n", more, NULL) : g_strdup (more);

  g_free (*text);
  *text = joined;
}

/* The board's places from the plan, the appointments and the warnings. */
static GPtrArray *
build_places (EdStaffBoard *self)
{
  EdElection *election = _ed_staff_board_chosen_election (self);
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_board_place_free);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_board_place_free);
  g_autoptr(GHashTable) stations = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) counted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < self->plan->stations->len; i++)
    {
      EdPlanStation *station = g_ptr_array_index (self->plan->stations, i);
      EdBoardPlace *place = ed_board_place_new (ED_STAFF_PLACE_STATION, station->id, NULL);

      g_free (place->title);
      place->title = *station->place_name != '\0'
        /* Translators: a polling station's code, then its polling place: "AB1 Mill Hall" */
        ? g_strdup_printf (C_("station", "%1$s %2$s"), station->code, station->place_name)
        : g_strdup (station->code);
      g_free (place->subtitle);
      place->subtitle = g_strdup (station->name);
      place->in_plan = TRUE;
      place->can_appoint = TRUE;
      ed_staff_station_wanted (station, &place->wanted);
      g_hash_table_insert (stations, station->id, place);
      g_ptr_array_add (places, place);
    }

  /* What the warnings say of each appointment and each station. */
  for (guint i = 0; i < self->warnings->len; i++)
    {
      EdStaffWarning *warning = g_ptr_array_index (self->warnings, i);

      if (*warning->appointment != '\0')
        {
          char *text = g_strdup (g_hash_table_lookup (warned, warning->appointment));

          append_text (&text, warning->message);
          g_hash_table_insert (warned, warning->appointment, text);
        }
      else if ((warning->kind == ED_STAFF_WARNING_STATION_SHORT ||
                warning->kind == ED_STAFF_WARNING_NO_PRESIDING_OFFICER) &&
               g_hash_table_contains (stations, warning->station))
        append_text (&((EdBoardPlace *)g_hash_table_lookup (stations,
                                                            warning->station))->shortfall,
                     warning->message);
    }

  for (guint i = 0; i < self->appointments->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (self->appointments, i);
      EdElection *poll = poll_of (self, appointment->election);
      EdBoardPlace *place = NULL;
      EdBoardLine *line = g_new0 (EdBoardLine, 1);
      g_autofree char *name = NULL;
      GDate day;

      if (appointment->place_kind == ED_STAFF_PLACE_STATION)
        place = g_hash_table_lookup (stations, appointment->station);
      if (place == NULL && appointment->place_kind == ED_STAFF_PLACE_STATION)
        place = _ed_staff_board_unplaced (named, others, appointment);
      else if (place == NULL)
        place = other_place (named, others, appointment->place_kind, appointment->session);

      line->appointment = g_strdup (appointment->id);
      line->name = g_strdup (_ed_staff_board_person_name (self, appointment->person, &name));
      line->role = appointment->role;
      line->state = appointment->state;
      if (poll != NULL && !g_str_equal (poll->id, election->id))
        line->other_poll = g_strdup (poll->title);
      line->warning = g_strdup (g_hash_table_lookup (warned, appointment->id));
      g_ptr_array_add (place->lines, line);

      if (!ed_appointment_state_is_active (appointment->state))
        continue;
      place->n_active++;
      /* A station's staff on polling day, each person once, as the warnings count them. */
      ed_staff_appointment_get_work_day (appointment, poll != NULL ? &poll->poll
                                                                   : &election->poll, &day);
      if (place->in_plan && g_date_compare (&day, &election->poll) == 0 &&
          (appointment->role == ED_STAFF_ROLE_PRESIDING_OFFICER ||
           appointment->role == ED_STAFF_ROLE_POLL_CLERK) &&
          g_hash_table_add (counted, g_strdup_printf ("%s\x01%d\x01%s", place->station,
                                                      appointment->role,
                                                      appointment->person)))
        {
          if (appointment->role == ED_STAFF_ROLE_PRESIDING_OFFICER)
            place->appointed.presiding_officers++;
          else
            place->appointed.poll_clerks++;
        }
    }
  /* The count and postal vote opening are always on the board, to appoint to. */
  if (!has_kind (others, ED_STAFF_PLACE_COUNT))
    other_place (named, others, ED_STAFF_PLACE_COUNT, "");
  if (!has_kind (others, ED_STAFF_PLACE_POSTAL_OPENING))
    other_place (named, others, ED_STAFF_PLACE_POSTAL_OPENING, "");
  g_ptr_array_sort (others, compare_other_places);
  g_ptr_array_set_free_func (others, NULL);
  g_ptr_array_extend_and_steal (places, g_steal_pointer (&others));

  for (guint i = 0; i < places->len; i++)
    {
      EdBoardPlace *place = g_ptr_array_index (places, i);

      g_ptr_array_sort (place->lines, compare_lines);
      /* A station with no one on polling day and no warning is one the warnings pass over:
       * no poll is held there. */
      place->no_poll = place->in_plan && place->appointed.presiding_officers == 0 &&
                       place->appointed.poll_clerks == 0 && place->shortfall == NULL;
    }
  return g_steal_pointer (&places);
}

static char *
place_key (const EdBoardPlace *place)
{
  return g_strdup_printf ("%d\x01%s\x01%s\x01%s", place->kind, place->station, place->session,
                          place->title);
}

EdBoardPlace *
_ed_staff_board_selected_place (EdStaffBoard *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->places_list));

  return row != NULL && ED_IS_BOARD_PLACE_ROW (row)
    ? (EdBoardPlace *)ed_board_place_row_get_place (ED_BOARD_PLACE_ROW (row)) : NULL;
}

static void
update_actions (EdStaffBoard *self)
{
  EdBoardPlace *place = _ed_staff_board_selected_place (self);
  gboolean ready = self->context != NULL && self->plan != NULL &&
                   _ed_staff_board_chosen_election (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.appoint",
                                 ready && place != NULL && place->can_appoint);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.invite",
                                 ready && _ed_staff_board_previous_election (self) != NULL);
}

typedef struct
{
  GtkAdjustment *adjustment;
  double         value;
} Scroll;

static gboolean
restore_scroll_cb (gpointer data)
{
  Scroll *scroll = data;

  gtk_adjustment_set_value (scroll->adjustment, scroll->value);
  g_object_unref (scroll->adjustment);
  g_free (scroll);
  return G_SOURCE_REMOVE;
}

/* The places afresh, the same one selected and the list scrolled where it was. */
static void
show_places (EdStaffBoard *self,
             GPtrArray    *places)
{
  EdBoardPlace *selected = _ed_staff_board_selected_place (self);
  g_autofree char *selected_key = selected != NULL ? place_key (selected) : NULL;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (self->places_scrolled));
  Scroll *scroll = g_new0 (Scroll, 1);
  GtkListBoxRow *chosen = NULL;
  GtkWidget *child;

  scroll->adjustment = g_object_ref (adjustment);
  scroll->value = gtk_adjustment_get_value (adjustment);
  /* The rows point at the places: they go first. */
  while ((child = gtk_widget_get_first_child (self->places_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->places_list), child);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  self->places = places;
  for (guint i = 0; i < places->len; i++)
    {
      EdBoardPlace *place = g_ptr_array_index (places, i);
      GtkWidget *row = ed_board_place_row_new (place);
      g_autofree char *key = place_key (place);

      gtk_list_box_append (GTK_LIST_BOX (self->places_list), row);
      if (chosen == NULL && (selected_key == NULL ? place->can_appoint
                                                  : g_str_equal (key, selected_key)))
        chosen = GTK_LIST_BOX_ROW (row);
    }
  if (chosen != NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (self->places_list), chosen);
  g_idle_add (restore_scroll_cb, scroll);
}

#define STATION_KEY "ed-station-id"
#define APPOINTMENT_KEY "ed-appointment-id"

static void
show_warnings (EdStaffBoard *self)
{
  g_autofree char *label = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->warnings_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->warnings_list), child);
  for (guint i = 0; i < self->warnings->len; i++)
    {
      EdStaffWarning *warning = g_ptr_array_index (self->warnings, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *text = gtk_label_new (warning->message);

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ed_staff_warning_kind_get_display_name (warning->kind),
                                      -1);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), text);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), STATION_KEY, g_strdup (warning->station),
                              g_free);
      g_object_set_data_full (G_OBJECT (row), APPOINTMENT_KEY,
                              g_strdup (warning->appointment), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->warnings_list), row);
    }
  label = self->warnings->len > 0
    ? g_strdup_printf (ngettext ("%u warning", "%u warnings", self->warnings->len),
                       self->warnings->len)
    : g_strdup (_("No warnings"));
  gtk_expander_set_label (GTK_EXPANDER (self->warnings_expander), label);
}

/* --- the people not yet appointed --------------------------------------------------------- */

static void
show_available (EdStaffBoard *self)
{
  g_autoptr(GHashTable) appointed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->people_search));

  for (guint i = 0; i < self->appointments->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (self->appointments, i);

      if (ed_appointment_state_is_active (appointment->state))
        g_hash_table_add (appointed, appointment->person);
    }
  for (guint i = 0; i < self->people->len; i++)
    {
      EdStaffPerson *person = g_ptr_array_index (self->people, i);

      if (person->roles->len == 0 || g_hash_table_contains (appointed, person->id) ||
          !ed_staff_person_matches (person, ED_STAFF_ROLE_ANY, search))
        continue;
      g_ptr_array_add (items, ed_staff_person_item_new (ed_staff_person_copy (person)));
    }
  g_list_store_splice (self->available, 0, g_list_model_get_n_items (G_LIST_MODEL (self->available)),
                       items->pdata, items->len);
}

static void
people_search_changed_cb (EdStaffBoard *self)
{
  if (self->people != NULL && self->appointments != NULL)
    show_available (self);
}

#define LIST_ITEM_KEY "ed-list-item"

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  EdStaffPersonItem *person = gtk_list_item_get_item (item);

  if (person == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING, ed_staff_person_item_get_id (person));
}

/* The row itself under the pointer, as the thing dragged. */
static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static GtkWidget *
detail_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

/* The name, the roles, then the answer and training: each on a line of its own, since the
 * column is narrow. */
static void
setup_person_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EdStaffBoard             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail_label ());
  gtk_box_append (GTK_BOX (box), detail_label ());

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), item);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), NULL);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));
  gtk_list_item_set_child (item, box);
}

/* Their roles, their answer for the election and their training, read when the row is
 * first shown. */
static void
bind_person_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EdStaffBoard             *self)
{
  EdStaffPersonItem *person = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *roles = gtk_widget_get_next_sibling (name);
  GtkWidget *answer = gtk_widget_get_next_sibling (roles);
  g_autofree char *text = NULL;

  if (self->context != NULL)
    ed_staff_person_item_read_glance (person, self->context,
                                      ed_election_chooser_get_election_id (self->election_chooser),
                                      &self->today);
  gtk_label_set_label (GTK_LABEL (name), ed_staff_person_item_get_name (person));
  gtk_label_set_label (GTK_LABEL (roles), ed_staff_person_item_get_roles_text (person));
  /* Several roles are often cut to the column's width; the tooltip lists them all. */
  gtk_widget_set_tooltip_text (roles, ed_staff_person_item_get_roles_text (person));
  /* Translators: a person's answer for the election ("Available") and their training
   * ("Current", "1 of 2 current"), in the list of people not yet appointed */
  text = g_strdup_printf (_("%1$s · training: %2$s"),
                          ed_staff_person_item_get_availability_text (person),
                          ed_staff_person_item_get_training_text (person));
  gtk_label_set_label (GTK_LABEL (answer), text);
}

/* --- the board as a whole ----------------------------------------------------------------- */

static void
show_empty (EdStaffBoard *self,
            const char   *title,
            const char   *description)
{
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page), description);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}

/* Everything but the plan read again and shown: after every change, another election, a
 * sync. Off screen, only noted, and done when the board is next shown. */
void
_ed_staff_board_refresh (EdStaffBoard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) appointments = NULL;
  EdElection *election;

  update_actions (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  election = _ed_staff_board_chosen_election (self);
  if (self->context == NULL || election == NULL)
    {
      show_empty (self, _("No Elections"),
                  _("Add an election on the Elections page to appoint its staff here."));
      return;
    }
  if (self->plan == NULL || self->plan_stale)
    {
      if (self->cancellable == NULL)
        compute_plan (self);
      if (self->plan == NULL)
        return;
    }
  if (self->plan->stations->len == 0)
    {
      show_empty (self, _("No Polling Stations"),
                  _("The polling plan has no stations yet. Add the district’s polling places "
                    "and stations on the Stations page, then appoint staff to them here."));
      return;
    }

  g_clear_pointer (&self->polls, g_ptr_array_unref);
  g_clear_pointer (&self->people_by_id, g_hash_table_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  appointments = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_staff_appointment_free);
  if ((self->polls = ed_election_load_combination (self->context, election, &error)) == NULL)
    goto failed;
  for (guint i = 0; i < self->polls->len; i++)
    {
      EdElection *poll = g_ptr_array_index (self->polls, i);
      g_autoptr(GPtrArray) own = ed_staff_appointment_list (self->context, poll->id,
                                                            ED_STAFF_APPOINTMENT_BY_STATION,
                                                            &error);

      if (own == NULL)
        goto failed;
      g_ptr_array_set_free_func (own, NULL);
      g_ptr_array_extend_and_steal (appointments, g_steal_pointer (&own));
    }
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  if ((self->warnings = ed_staff_warnings_list (self->context, election->id, self->plan,
                                                &error)) == NULL ||
      (self->people = ed_staff_person_list (self->context, ED_STAFF_ROLE_ANY, NULL,
                                            &error)) == NULL)
    goto failed;
  self->people_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->people->len; i++)
    g_hash_table_insert (self->people_by_id,
                         ((EdStaffPerson *)g_ptr_array_index (self->people, i))->id,
                         g_ptr_array_index (self->people, i));
  g_clear_pointer (&self->appointments, g_ptr_array_unref);
  self->appointments = g_steal_pointer (&appointments);

  show_warnings (self);
  show_places (self, build_places (self));
  show_available (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "board");
  update_actions (self);
  return;

failed:
  show_empty (self, _("The Appointments Cannot Be Read"), error->message);
}

/* Another election's board, unless the board is reading its elections afresh and shows itself
 * after. */
static void
election_changed_cb (EdStaffBoard *self)
{
  if (!self->reading)
    _ed_staff_board_refresh (self);
}

static void
place_selected_cb (EdStaffBoard *self)
{
  update_actions (self);
}

/* --- warnings ----------------------------------------------------------------------------- */

/* A warning leads to its place on the board. */
static void
warning_activated_cb (EdStaffBoard  *self,
                      GtkListBoxRow *row)
{
  const char *station = g_object_get_data (G_OBJECT (row), STATION_KEY);
  const char *appointment = g_object_get_data (G_OBJECT (row), APPOINTMENT_KEY);

  for (guint i = 0; station != NULL && self->places != NULL && i < self->places->len; i++)
    {
      EdBoardPlace *place = g_ptr_array_index (self->places, i);
      gboolean found = *station != '\0' && place->in_plan && g_str_equal (place->station, station);

      for (guint j = 0; !found && *appointment != '\0' && j < place->lines->len; j++)
        found = g_str_equal (((EdBoardLine *)g_ptr_array_index (place->lines, j))->appointment,
                             appointment);
      if (found)
        {
          GtkListBoxRow *place_row = gtk_list_box_get_row_at_index (
            GTK_LIST_BOX (self->places_list), (int)i);

          gtk_list_box_select_row (GTK_LIST_BOX (self->places_list), place_row);
          gtk_widget_grab_focus (GTK_WIDGET (place_row));
          return;
        }
    }
}

/* --- the widget --------------------------------------------------------------------------- */

/**
 * ed_staff_board_set_context:
 * @self: the board
 * @context: (nullable): the district
 * @election_id: (nullable): the election to show, or %NULL for the next to come; a poll
 *   combined with another shows the combination's board
 */
void
ed_staff_board_set_context (EdStaffBoard *self,
                            EdContext    *context,
                            const char   *election_id)
{
  g_return_if_fail (ED_IS_STAFF_BOARD (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->context, context);
  g_clear_pointer (&self->plan, ed_station_plan_free);
  g_hash_table_remove_all (self->removed);
  self->reading = TRUE;
  ed_election_chooser_set_context (self->election_chooser, context);
  ed_election_chooser_set_election_id (self->election_chooser, election_id);
  self->reading = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->people_search), "");
  _ed_staff_board_refresh (self);
}

/**
 * ed_staff_board_set_election:
 * @self: the board
 * @election_id: (nullable): an election's row id; a poll combined with another shows the
 *   combination's board
 *
 * Follows the election chosen elsewhere on the page.
 */
void
ed_staff_board_set_election (EdStaffBoard *self,
                             const char   *election_id)
{
  g_return_if_fail (ED_IS_STAFF_BOARD (self));

  /* Through the chooser, which takes a combination's first poll for any of them and says so
   * when the choice changes; the board is shown afresh then. */
  ed_election_chooser_set_election_id (self->election_chooser, election_id);
}

const char *
ed_staff_board_get_election (EdStaffBoard *self)
{
  g_return_val_if_fail (ED_IS_STAFF_BOARD (self), NULL);
  return ed_election_chooser_get_election_id (self->election_chooser);
}

/**
 * ed_staff_board_reload:
 * @self: the board
 *
 * Another desk's edits arrived: the elections and the board afresh, keeping the election and
 * place chosen; the plan is worked out again in a job.
 */
void
ed_staff_board_reload (EdStaffBoard *self)
{
  g_return_if_fail (ED_IS_STAFF_BOARD (self));

  if (self->context == NULL)
    return;
  self->reading = TRUE;
  ed_election_chooser_reload (self->election_chooser);
  self->reading = FALSE;
  self->plan_stale = TRUE;
  _ed_staff_board_refresh (self);
}

/**
 * ed_staff_board_is_ready:
 * @self: the board
 *
 * Returns: whether the board shows what was last asked for, with no plan being worked out
 */
gboolean
ed_staff_board_is_ready (EdStaffBoard *self)
{
  g_return_val_if_fail (ED_IS_STAFF_BOARD (self), FALSE);
  return self->cancellable == NULL && !self->stale && !self->plan_stale;
}

guint
ed_staff_board_get_n_places (EdStaffBoard *self)
{
  g_return_val_if_fail (ED_IS_STAFF_BOARD (self), 0);
  return self->places != NULL ? self->places->len : 0;
}

/**
 * ed_staff_board_get_place:
 * @self: the board
 * @index: a place's position
 *
 * Returns: (transfer none): the place, until the board is next read
 */
const EdBoardPlace *
ed_staff_board_get_place (EdStaffBoard *self,
                          guint         index)
{
  g_return_val_if_fail (ED_IS_STAFF_BOARD (self), NULL);
  g_return_val_if_fail (self->places != NULL && index < self->places->len, NULL);
  return g_ptr_array_index (self->places, index);
}

/**
 * ed_staff_board_find_place:
 * @self: the board
 * @kind: what sort of place
 * @station_or_session: a station's row id, or for another place its session ("" for the
 *   unnamed one)
 *
 * Returns: the place's position, or -1
 */
gint
ed_staff_board_find_place (EdStaffBoard *self,
                           EdStaffPlace  kind,
                           const char   *station_or_session)
{
  g_return_val_if_fail (ED_IS_STAFF_BOARD (self), -1);

  for (guint i = 0; self->places != NULL && i < self->places->len; i++)
    {
      EdBoardPlace *place = g_ptr_array_index (self->places, i);

      if (place->kind == kind && place->can_appoint &&
          g_str_equal (kind == ED_STAFF_PLACE_STATION ? place->station : place->session,
                       station_or_session))
        return (gint)i;
    }
  return -1;
}

void
ed_staff_board_select_place (EdStaffBoard *self,
                             guint         index)
{
  g_return_if_fail (ED_IS_STAFF_BOARD (self));

  gtk_list_box_select_row (GTK_LIST_BOX (self->places_list),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->places_list),
                                                          (int)index));
}

/**
 * ed_staff_board_get_warnings:
 * @self: the board
 *
 * Returns: (transfer none) (element-type EdStaffWarning) (nullable): the warnings shown
 */
GPtrArray *
ed_staff_board_get_warnings (EdStaffBoard *self)
{
  g_return_val_if_fail (ED_IS_STAFF_BOARD (self), NULL);
  return self->warnings;
}

static void
ed_staff_board_map (GtkWidget *widget)
{
  EdStaffBoard *self = ED_STAFF_BOARD (widget);

  GTK_WIDGET_CLASS (ed_staff_board_parent_class)->map (widget);
  if (self->stale || self->plan_stale || (self->plan == NULL && self->cancellable == NULL))
    _ed_staff_board_refresh (self);
}

static void
ed_staff_board_dispose (GObject *object)
{
  EdStaffBoard *self = ED_STAFF_BOARD (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The rows point at the places. */
  if (self->places_list != NULL)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (self->places_list)) != NULL)
        gtk_list_box_remove (GTK_LIST_BOX (self->places_list), child);
    }
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->available);
  g_clear_pointer (&self->polls, g_ptr_array_unref);
  g_clear_pointer (&self->plan, ed_station_plan_free);
  g_clear_pointer (&self->appointments, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->people_by_id, g_hash_table_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_hash_table_unref);

  G_OBJECT_CLASS (ed_staff_board_parent_class)->dispose (object);
}

static void
ed_staff_board_class_init (EdStaffBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_staff_board_dispose;
  widget_class->map = ed_staff_board_map;

  (void)ed_ui_get_resource ();
  g_type_ensure (ED_TYPE_ELECTION_CHOOSER);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/staff/ed-staff-board.ui");
  gtk_widget_class_bind_template_child (widget_class, EdStaffBoard, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdStaffBoard, stack);
  gtk_widget_class_bind_template_child (widget_class, EdStaffBoard, spinner);
  gtk_widget_class_bind_template_child (widget_class, EdStaffBoard, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EdStaffBoard, election_chooser);
  gtk_widget_class_bind_template_child (widget_class, EdStaffBoard, warnings_expander);
  gtk_widget_class_bind_template_child (widget_class, EdStaffBoard, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, EdStaffBoard, places_scrolled);
  gtk_widget_class_bind_template_child (widget_class, EdStaffBoard, places_list);
  gtk_widget_class_bind_template_child (widget_class, EdStaffBoard, people_search);
  gtk_widget_class_bind_template_child (widget_class, EdStaffBoard, people_view);
  gtk_widget_class_bind_template_child (widget_class, EdStaffBoard, people_selection);
  gtk_widget_class_bind_template_callback (widget_class, election_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, warning_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, people_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_person_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_person_cb);

  _ed_staff_board_class_init_actions (widget_class);
}

static void
ed_staff_board_init (EdStaffBoard *self)
{
  self->removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)ed_staff_appointment_free);
  self->available = g_list_store_new (ED_TYPE_STAFF_PERSON_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));
  ed_today (&self->today);
  gtk_single_selection_set_model (self->people_selection, G_LIST_MODEL (self->available));
  ed_list_box_set_placeholder_text (GTK_LIST_BOX (self->warnings_list),
                                    _("Nothing to see to."));

  _ed_staff_board_init_drop_target (self);

  ed_accessible_name_buttons (GTK_WIDGET (self));
  update_actions (self);
}
