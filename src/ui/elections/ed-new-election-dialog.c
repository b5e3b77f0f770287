/* ed-new-election-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A new poll: its kind, country and polling day, the areas it is fought in (each ward,
 * parish or constituency of the district, any of them uncontested, and the seats of each ward
 * or parish), and the poll on the same day it is combined with. Added by ed_election_add (),
 * the command's own function; what it refuses is said at the top of the dialog, which stays
 * open with everything typed. */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "elections/ed-election.h"
#include "elections/ed-elections-tables.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"
#include "ui/elections/ed-new-election-dialog.h"
#include "ui/widgets/ed-combo-choices.h"
#include "ui/widgets/ed-date-row.h"
#include "ui/widgets/ed-field-error.h"
#include "ui/widgets/ed-list-placeholder.h"

/* An area offered, with its two boxes and its seats. The widgets belong to the list. */
typedef struct
{
  char      *code;
  GtkWidget *contested;     /* the poll is fought there */
  GtkWidget *uncontested;   /* ... but no more candidates stood than seats */
  GtkWidget *seats;         /* NULL where there is always one: a constituency, the district */
} AreaRow;

struct _EdNewElectionDialog
{
  AdwWindow   parent_instance;

  EdContext  *context;
  GPtrArray  *area_rows;     /* AreaRow, in the list's order */
  GPtrArray  *combine_ids;   /* the row id of each choice of combine_row; "" for none */
  gboolean    whole_district;

  GtkWidget  *add_button;
  GtkWidget  *error_revealer;
  GtkWidget  *error_label;
  GtkWidget  *kind_row;
  GtkWidget  *country_row;
  GtkWidget  *poll_row;
  GtkWidget  *title_row;
  GtkWidget  *combine_row;
  GtkWidget  *areas_group;
  GtkWidget  *areas_list;
  GtkWidget  *select_all_button;
};

G_DEFINE_FINAL_TYPE (EdNewElectionDialog, ed_new_election_dialog, ADW_TYPE_WINDOW)

enum
{
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
area_row_free (AreaRow *area_row)
{
  g_free (area_row->code);
  g_free (area_row);
}

static EdElectionKind
selected_kind (EdNewElectionDialog *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));

  return selected < ED_N_ELECTION_KINDS ? (EdElectionKind)selected : ED_ELECTION_LOCAL;
}

static void
show_error (EdNewElectionDialog *self,
            const char          *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  /* Hidden, not only folded away, so that an empty label is not there to be read. */
  gtk_widget_set_visible (self->error_revealer, message != NULL);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->error_revealer), message != NULL);
}

static void
update_select_all (EdNewElectionDialog *self)
{
  gboolean all = TRUE;

  for (guint i = 0; i < self->area_rows->len; i++)
    {
      AreaRow *area_row = g_ptr_array_index (self->area_rows, i);

      gboolean contested = gtk_check_button_get_active (GTK_CHECK_BUTTON (area_row->contested));

      all = all && contested;
      gtk_widget_set_sensitive (area_row->uncontested, contested);
      if (area_row->seats != NULL)
        gtk_widget_set_sensitive (area_row->seats, contested);
    }
  gtk_button_set_label (GTK_BUTTON (self->select_all_button),
                        all ? _("Select _None") : _("Select _All"));
  gtk_widget_set_visible (self->select_all_button, self->area_rows->len > 0);
  ed_accessible_name_buttons (self->areas_group);
}

static void
area_toggled_cb (GtkCheckButton      *check,
                 EdNewElectionDialog *self)
{
  update_select_all (self);
}

static void
select_all_clicked_cb (EdNewElectionDialog *self)
{
  gboolean all = TRUE;

  for (guint i = 0; i < self->area_rows->len; i++)
    all = all && gtk_check_button_get_active (
      GTK_CHECK_BUTTON (((AreaRow *)g_ptr_array_index (self->area_rows, i))->contested));
  for (guint i = 0; i < self->area_rows->len; i++)
    gtk_check_button_set_active (
      GTK_CHECK_BUTTON (((AreaRow *)g_ptr_array_index (self->area_rows, i))->contested), !all);
  update_select_all (self);
}

/* @seats is what the register records for the area, or 0 for an area that has one seat
 * whatever it records. */
static AreaRow *
add_area_row (EdNewElectionDialog *self,
              const char          *code,
              const char          *title,
              const char          *subtitle,
              guint                seats)
{
  AreaRow *area_row = g_new0 (AreaRow, 1);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *uncontested_name = NULL;

  area_row->code = g_strdup (code);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  area_row->contested = gtk_check_button_new ();
  gtk_widget_set_valign (area_row->contested, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (area_row->contested), TRUE);
  /* Named by the row, whose activatable widget it is. */
  g_signal_connect (area_row->contested, "toggled", G_CALLBACK (area_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), area_row->contested);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), area_row->contested);

  area_row->uncontested = gtk_check_button_new_with_label (_("Uncontested"));
  gtk_widget_set_valign (area_row->uncontested, GTK_ALIGN_CENTER);
  /* Translators: %s is an area an election is fought in; the name of its "Uncontested"
   * box */
  uncontested_name = g_strdup_printf (_("%s uncontested"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area_row->uncontested),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, uncontested_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), area_row->uncontested);

  if (seats > 0)
    {
      /* Said by the box's own name, which names the area too: the word beside it is only for
       * the eye. */
      GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", _("Seats"),
                                       "valign", GTK_ALIGN_CENTER, "margin-start", 12,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       NULL);
      g_autofree char *seats_name = NULL;

      area_row->seats = gtk_spin_button_new_with_range (1, ED_ELECTIONS_MAX_SEATS, 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (area_row->seats), seats);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (area_row->seats), TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (area_row->seats), 2);
      gtk_widget_set_valign (area_row->seats, GTK_ALIGN_CENTER);
      /* Translators: %s is an area an election is fought in; the name of the box of its
       * seats */
      seats_name = g_strdup_printf (_("Seats in %s"), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area_row->seats),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, seats_name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), area_row->seats);
    }

  gtk_list_box_append (GTK_LIST_BOX (self->areas_list), row);
  g_ptr_array_add (self->area_rows, area_row);
  return area_row;
}

/* The areas a poll of the kind chosen can be fought in, all of them ticked. */
static void
show_areas (EdNewElectionDialog *self)
{
  EdElectionKind kind = selected_kind (self);
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  EdContestArea area_kind = ed_contest_area_for_kind (kind);

  while ((child = gtk_widget_get_first_child (self->areas_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->areas_list), child);
  g_ptr_array_set_size (self->area_rows, 0);
  self->whole_district = area_kind == ED_CONTEST_AREA_WHOLE;

  if (self->whole_district)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->areas_group),
                                             _("Held across the whole district, as one "
                                               "contest."));
      add_area_row (self, "", _("The whole district"), NULL, 0);
      update_select_all (self);
      return;
    }

  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (self->areas_group),
    area_kind == ED_CONTEST_AREA_PARISH
      ? _("Every parish or community of the district; untick those without a poll.")
      : area_kind == ED_CONTEST_AREA_CONSTITUENCY
      ? _("Every constituency of the district; untick those without a poll.")
      : _("Every ward or division of the district; untick those without a poll."));
  areas = ed_election_list_areas (self->context, kind, &error);
  if (areas == NULL)
    {
      g_warning ("The district's areas cannot be read: %s", error->message);
      update_select_all (self);
      return;
    }
  /* A ward or parish starts at the seats the register records for it; a constituency
   * returns one member. */
  for (guint i = 0; i < areas->len; i++)
    {
      EdElectionArea *area = g_ptr_array_index (areas, i);

      add_area_row (self, area->code, area->name,
                    g_str_equal (area->code, area->name) ? NULL : area->code,
                    area_kind == ED_CONTEST_AREA_CONSTITUENCY ? 0 : area->seats);
    }
  update_select_all (self);
}

/* The polls on the day typed, to combine with; the choice made stays if it is still one. */
static void
show_combine_choices (EdNewElectionDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) elections = NULL;
  g_autofree char *chosen = NULL;
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->combine_row));
  guint keep = 0;
  GDate poll;

  if (self->combine_ids->len > 0 && selected < self->combine_ids->len)
    chosen = g_strdup (g_ptr_array_index (self->combine_ids, selected));
  g_ptr_array_set_size (self->combine_ids, 0);
  g_ptr_array_add (self->combine_ids, g_strdup (""));
  gtk_string_list_append (names, _("Not combined"));
  if (ed_date_row_get_date (ED_DATE_ROW (self->poll_row), &poll, NULL))
    elections = ed_election_list (self->context, NULL);
  for (guint i = 0; elections != NULL && i < elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (elections, i);

      if (g_date_compare (&election->poll, &poll) != 0)
        continue;
      if (g_strcmp0 (election->id, chosen) == 0)
        keep = self->combine_ids->len;
      g_ptr_array_add (self->combine_ids, g_strdup (election->id));
      gtk_string_list_append (names, election->title);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->combine_row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->combine_row), keep);
  gtk_widget_set_sensitive (self->combine_row, self->combine_ids->len > 1);
}

/* Polling day is checked as it is typed: a date, and a working day its calendar covers. */
static void
check_poll_date (EdNewElectionDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->poll_row));
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCalendar) calendar = NULL;
  GDate poll;

  if (*text == '\0')
    {
      ed_field_error_show (self->poll_row, NULL);
      return;
    }
  if (!ed_date_row_get_date (ED_DATE_ROW (self->poll_row), &poll, &error))
    {
      ed_field_error_show (self->poll_row, error->message);
      return;
    }
  calendar = ed_election_calendar_new (selected_kind (self),
                                       (EdCountry)adw_combo_row_get_selected (
                                         ADW_COMBO_ROW (self->country_row)),
                                       &error);
  if (calendar == NULL || !ed_election_check_poll_date (calendar, &poll, &error))
    {
      ed_field_error_show (self->poll_row, error->message);
      return;
    }
  ed_field_error_show (self->poll_row, NULL);
}

static void
date_changed_cb (EdNewElectionDialog *self)
{
  if (self->context == NULL)
    return;
  check_poll_date (self);
  show_combine_choices (self);
}

static void
kind_changed_cb (EdNewElectionDialog *self)
{
  if (self->context == NULL)
    return;
  show_areas (self);
  check_poll_date (self);
}

/**
 * ed_new_election_dialog_add:
 * @self: the dialog
 * @error: return location for an error
 *
 * Adds the poll as the form describes it, as the Add button does: on success the dialog
 * emits #EdNewElectionDialog::added and closes; otherwise it says why at its top and stays
 * open with everything as typed.
 *
 * Returns: %TRUE if the poll was added
 */
gboolean
ed_new_election_dialog_add (EdNewElectionDialog  *self,
                            GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  g_autoptr(GPtrArray) uncontested = g_ptr_array_new ();
  g_autoptr(GPtrArray) seats = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *election_id = NULL;
  guint combine;
  EdElectionNew details = { 0, };

  g_return_val_if_fail (ED_IS_NEW_ELECTION_DIALOG (self), FALSE);

  details.kind = selected_kind (self);
  details.country = (EdCountry)adw_combo_row_get_selected (ADW_COMBO_ROW (self->country_row));
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  details.title = *title != '\0' ? title : NULL;
  for (guint i = 0; i < self->area_rows->len; i++)
    {
      AreaRow *area_row = g_ptr_array_index (self->area_rows, i);

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (area_row->contested)))
        continue;
      if (!self->whole_district)
        g_ptr_array_add (areas, area_row->code);
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (area_row->uncontested)))
        g_ptr_array_add (uncontested, area_row->code);
      if (area_row->seats != NULL)
        {
          /* A number typed and not yet entered counts. */
          gtk_spin_button_update (GTK_SPIN_BUTTON (area_row->seats));
          g_ptr_array_add (seats, g_strdup_printf (
            "%s=%d", area_row->code,
            gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (area_row->seats))));
        }
    }
  g_ptr_array_add (areas, NULL);
  g_ptr_array_add (uncontested, NULL);
  g_ptr_array_add (seats, NULL);
  details.areas = self->whole_district ? NULL : (const char * const *)areas->pdata;
  details.uncontested = (const char * const *)uncontested->pdata;
  details.seats = (const char * const *)seats->pdata;
  combine = adw_combo_row_get_selected (ADW_COMBO_ROW (self->combine_row));
  details.combine_with = combine < self->combine_ids->len
                           ? g_ptr_array_index (self->combine_ids, combine) : NULL;

  if (!ed_date_row_get_date (ED_DATE_ROW (self->poll_row), &details.poll, &local_error))
    {
      g_prefix_error_literal (&local_error, _("Polling day: "));
    }
  else if (!self->whole_district && areas->len == 1)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           self->area_rows->len == 0
                             ? _("The district has no area of the kind this poll is fought "
                                 "in: add them to the register first.")
                             : _("Tick at least one area the poll is fought in."));
    }
  else if (self->whole_district && self->area_rows->len > 0 &&
           !gtk_check_button_get_active (
             GTK_CHECK_BUTTON (((AreaRow *)g_ptr_array_index (self->area_rows, 0))->contested)))
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Tick the whole district: this poll is held across it."));
    }
  else
    election_id = ed_election_add (self->context, &details, &local_error);

  if (election_id == NULL)
    {
      /* A polling day already refused under its field is not said twice. */
      if (g_strcmp0 (ed_field_error_get (self->poll_row), local_error->message) == 0)
        {
          show_error (self, NULL);
          gtk_widget_grab_focus (self->poll_row);
        }
      else
        show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[ADDED], 0, election_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
add_clicked_cb (EdNewElectionDialog *self)
{
  ed_new_election_dialog_add (self, NULL);
}

/**
 * ed_new_election_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the district
 *
 * Returns: (transfer full): the dialog, not yet shown
 */
EdNewElectionDialog *
ed_new_election_dialog_new (GtkWindow *parent,
                            EdContext *context)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) countries = gtk_string_list_new (NULL);
  EdNewElectionDialog *self;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_NEW_ELECTION_DIALOG, "transient-for", parent, NULL);
  for (guint i = 0; i < ED_N_ELECTION_KINDS; i++)
    gtk_string_list_append (kinds, ed_election_kind_get_display_name ((EdElectionKind)i));
  for (guint i = ED_COUNTRY_ENGLAND; i <= ED_COUNTRY_SCOTLAND; i++)
    gtk_string_list_append (countries, ed_country_get_display_name ((EdCountry)i));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->country_row), G_LIST_MODEL (countries));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->country_row),
                              ed_district_settings_get_country (
                                ed_context_get_settings (context)));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kinds));
  self->context = g_object_ref (context);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), ED_ELECTION_LOCAL);
  show_areas (self);
  show_combine_choices (self);
  return self;
}

static void
ed_new_election_dialog_dispose (GObject *object)
{
  EdNewElectionDialog *self = ED_NEW_ELECTION_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->area_rows, g_ptr_array_unref);
  g_clear_pointer (&self->combine_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_new_election_dialog_parent_class)->dispose (object);
}

static void
ed_new_election_dialog_class_init (EdNewElectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_new_election_dialog_dispose;

  /**
   * EdNewElectionDialog::added:
   * @election_id: the new election's row id
   *
   * The poll was added.
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  (void)ed_ui_get_resource ();
  g_type_ensure (ED_TYPE_DATE_ROW);
  g_type_ensure (ED_TYPE_VALIDATED_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-new-election-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdNewElectionDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, EdNewElectionDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EdNewElectionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EdNewElectionDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EdNewElectionDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, EdNewElectionDialog, poll_row);
  gtk_widget_class_bind_template_child (widget_class, EdNewElectionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, EdNewElectionDialog, combine_row);
  gtk_widget_class_bind_template_child (widget_class, EdNewElectionDialog, areas_group);
  gtk_widget_class_bind_template_child (widget_class, EdNewElectionDialog, areas_list);
  gtk_widget_class_bind_template_child (widget_class, EdNewElectionDialog, select_all_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_all_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_new_election_dialog_init (EdNewElectionDialog *self)
{
  self->area_rows = g_ptr_array_new_with_free_func ((GDestroyNotify)area_row_free);
  self->combine_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  ed_combo_row_show_choices_in_full (ADW_COMBO_ROW (self->kind_row));
  ed_list_box_set_placeholder_text (GTK_LIST_BOX (self->areas_list),
                                    _("The district has no area of this kind yet: add them "
                                      "to the register first."));
  ed_accessible_name_buttons (GTK_WIDGET (self));
}
