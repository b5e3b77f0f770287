/* ed-board-place-row.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One place of the appointment board (EdStaffBoard): a polling station of the plan, the count,
 * a postal vote opening session or another place, with what is appointed there against what
 * the plan asks for, and a line for each appointment: who, as what, and its state on a menu
 * button that moves it on (the steps ed_appointment_state_can_change () allows) or removes it.
 * The menu's items name the board's actions, "board.set-state" and "board.remove", so the row
 * knows nothing of the district. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "staff/ed-staff-appointment.h"
#include "ui/ed-ui-resources.h"
#include "ui/staff/ed-board-place-row.h"

struct _EdBoardPlaceRow
{
  GtkListBoxRow       parent_instance;

  const EdBoardPlace *place;  /* the board's: it removes the rows before it frees the places */

  GtkWidget          *title_label;
  GtkWidget          *subtitle_label;
  GtkWidget          *staffing_label;
  GtkWidget          *shortfall_box;
  GtkWidget          *lines_box;
};

G_DEFINE_FINAL_TYPE (EdBoardPlaceRow, ed_board_place_row, GTK_TYPE_LIST_BOX_ROW)

void
ed_board_line_free (EdBoardLine *line)
{
  if (line == NULL)
    return;
  g_free (line->appointment);
  g_free (line->name);
  g_free (line->other_poll);
  g_free (line->warning);
  g_free (line);
}

EdBoardPlace *
ed_board_place_new (EdStaffPlace  kind,
                    const char   *station,
                    const char   *session)
{
  EdBoardPlace *place = g_new0 (EdBoardPlace, 1);

  place->kind = kind;
  place->station = g_strdup (station != NULL ? station : "");
  place->session = g_strdup (session != NULL ? session : "");
  place->title = g_strdup ("");
  place->subtitle = g_strdup ("");
  place->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_board_line_free);
  return place;
}

void
ed_board_place_free (EdBoardPlace *place)
{
  if (place == NULL)
    return;
  g_free (place->station);
  g_free (place->session);
  g_free (place->title);
  g_free (place->subtitle);
  g_free (place->shortfall);
  g_ptr_array_unref (place->lines);
  g_free (place);
}

/**
 * ed_board_place_dup_staffing:
 * @place: a place of the board
 *
 * Returns: (transfer full): what is appointed there: "1 of 1 presiding officer, 1 of 2 poll
 *   clerks" at a station of the plan, "4 people appointed" elsewhere
 */
char *
ed_board_place_dup_staffing (const EdBoardPlace *place)
{
  g_autofree char *officers = NULL;
  g_autofree char *clerks = NULL;

  g_return_val_if_fail (place != NULL, NULL);

  if (place->no_poll)
    return g_strdup (_("No poll here"));
  if (!place->in_plan)
    return g_strdup_printf (ngettext ("%u person appointed", "%u people appointed",
                                      place->n_active),
                            place->n_active);
  officers = g_strdup_printf (
    /* Translators: presiding officers appointed at a station, of those the plan asks for */
    ngettext ("%u of %u presiding officer", "%u of %u presiding officers",
              place->wanted.presiding_officers),
    place->appointed.presiding_officers, place->wanted.presiding_officers);
  clerks = g_strdup_printf (
    /* Translators: poll clerks appointed at a station, of those the plan asks for */
    ngettext ("%u of %u poll clerk", "%u of %u poll clerks", place->wanted.poll_clerks),
    place->appointed.poll_clerks, place->wanted.poll_clerks);
  /* Translators: a station's presiding officers, then its poll clerks */
  return g_strdup_printf (C_("staffing", "%s, %s"), officers, clerks);
}

/* The states as a menu offers them, in header capitals. */
static const char * const state_items[] = {
  [ED_APPOINTMENT_INVITED] = NC_("appointment state", "Invited"),
  [ED_APPOINTMENT_ACCEPTED] = NC_("appointment state", "Accepted"),
  [ED_APPOINTMENT_DECLINED] = NC_("appointment state", "Declined"),
  [ED_APPOINTMENT_CONFIRMED] = NC_("appointment state", "Confirmed"),
  [ED_APPOINTMENT_ATTENDED] = NC_("appointment state", "Attended"),
  [ED_APPOINTMENT_DID_NOT_ATTEND] = NC_("appointment state", "Did Not Attend"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (state_items) == ED_N_APPOINTMENT_STATES);

/* The steps the appointment may take, then its removal. */
static GMenuModel *
line_menu (const EdBoardLine *line)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) states = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();

  for (guint s = 0; s < ED_N_APPOINTMENT_STATES; s++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (!ed_appointment_state_can_change (line->state, s))
        continue;
      item = g_menu_item_new (g_dpgettext2 (GETTEXT_PACKAGE, "appointment state",
                                            state_items[s]),
                              NULL);
      g_menu_item_set_action_and_target (item, "board.set-state", "(ss)", line->appointment,
                                         ed_appointment_state_to_string (s));
      g_menu_append_item (states, item);
    }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Remove Appointment"), NULL);

    g_menu_item_set_action_and_target (item, "board.remove", "s", line->appointment);
    g_menu_append_item (removal, item);
  }
  g_menu_append_section (menu, _("Change State"), G_MENU_MODEL (states));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GtkWidget *
line_label (const char *text,
            gboolean    expand)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  return label;
}

/* Who, as what, any warning, and the state's menu. Built in code: one per appointment, and
 * the board rebuilds them after each change. */
static GtkWidget *
line_new (const EdBoardLine *line)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = line_label (line->name, TRUE);
  GtkWidget *role = line_label (ed_staff_role_get_display_name (line->role), FALSE);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *icon;
  g_autoptr(GMenuModel) menu = line_menu (line);
  g_autofree char *tooltip = NULL;

  gtk_label_set_width_chars (GTK_LABEL (name), 16);
  gtk_label_set_width_chars (GTK_LABEL (role), 16);
  gtk_widget_add_css_class (role, "dim-label");
  /* An appointment that will not be worked is there to read, not to count. */
  if (!ed_appointment_state_is_active (line->state))
    gtk_widget_add_css_class (name, "dim-label");
  /* The warning's place is kept on every line, so that the names and roles line up. */
  icon = line->warning != NULL
    ? gtk_image_new ()
    /* Nothing for a screen reader to say of the space kept. */
    : g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_widget_set_size_request (icon, 16, -1);
  if (line->warning != NULL)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      /* The sentence is what a screen reader says of the icon, and its tooltip. */
      gtk_widget_set_tooltip_text (icon, line->warning);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      line->warning, -1);
    }
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), role);
  if (line->other_poll != NULL)
    {
      GtkWidget *poll = line_label (line->other_poll, FALSE);

      gtk_label_set_max_width_chars (GTK_LABEL (poll), 20);
      gtk_widget_add_css_class (poll, "dim-label");
      gtk_widget_add_css_class (poll, "caption");
      gtk_widget_set_tooltip_text (poll, line->other_poll);
      gtk_box_append (GTK_BOX (box), poll);
    }

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button),
                             ed_appointment_state_get_display_name (line->state));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_add_css_class (button, "flat");
  /* One width for every state, so that the roles before it line up. */
  gtk_widget_set_size_request (button, 150, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Named by its label, the state; the tooltip says whose it is and what it does. */
  /* Translators: %s is a person's name */
  tooltip = g_strdup_printf (_("Change the state of %s’s appointment, or remove it"),
                             line->name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
show_place (EdBoardPlaceRow *self)
{
  const EdBoardPlace *place = self->place;
  g_autofree char *staffing = ed_board_place_dup_staffing (place);
  g_autofree char *label = NULL;

  gtk_label_set_label (GTK_LABEL (self->title_label), place->title);
  gtk_label_set_label (GTK_LABEL (self->subtitle_label), place->subtitle);
  gtk_widget_set_visible (self->subtitle_label, *place->subtitle != '\0');
  gtk_label_set_label (GTK_LABEL (self->staffing_label), staffing);
  if (place->no_poll)
    gtk_widget_add_css_class (self->staffing_label, "dim-label");
  gtk_widget_set_visible (self->shortfall_box, place->shortfall != NULL);
  gtk_widget_set_tooltip_text (self->shortfall_box, place->shortfall);

  for (guint i = 0; i < place->lines->len; i++)
    gtk_box_append (GTK_BOX (self->lines_box), line_new (g_ptr_array_index (place->lines, i)));
  gtk_widget_set_visible (self->lines_box, place->lines->len > 0);

  /* What a screen reader says on reaching the row, before the lines within it. */
  label = place->shortfall != NULL
    /* Translators: a place, what is appointed there, and that it is short of staff */
    ? g_strdup_printf (_("%1$s: %2$s; short of staff"), place->title, staffing)
    /* Translators: a place and what is appointed there */
    : g_strdup_printf (_("%1$s: %2$s"), place->title, staffing);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
ed_board_place_row_class_init (EdBoardPlaceRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/staff/ed-board-place-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EdBoardPlaceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EdBoardPlaceRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EdBoardPlaceRow, staffing_label);
  gtk_widget_class_bind_template_child (widget_class, EdBoardPlaceRow, shortfall_box);
  gtk_widget_class_bind_template_child (widget_class, EdBoardPlaceRow, lines_box);
}

static void
ed_board_place_row_init (EdBoardPlaceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ed_board_place_row_new:
 * @place: a place of the board, which must outlive the row
 *
 * Returns: (transfer floating): a row showing @place
 */
GtkWidget *
ed_board_place_row_new (const EdBoardPlace *place)
{
  EdBoardPlaceRow *self;

  g_return_val_if_fail (place != NULL, NULL);

  self = g_object_new (ED_TYPE_BOARD_PLACE_ROW, NULL);
  self->place = place;
  show_place (self);
  return GTK_WIDGET (self);
}

const EdBoardPlace *
ed_board_place_row_get_place (EdBoardPlaceRow *self)
{
  g_return_val_if_fail (ED_IS_BOARD_PLACE_ROW (self), NULL);
  return self->place;
}
