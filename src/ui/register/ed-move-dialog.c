/* ed-move-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-register"

#include "config.h"

#include <glib/gi18n.h>

#include "core/ed-today.h"
#include "register/ed-elector-move.h"
#include "register/ed-register-find.h"
#include "register/ed-register-search.h"
#include "ui/ed-ui-resources.h"
#include "ui/register/ed-move-dialog.h"
#include "ui/widgets/ed-field-error.h"
#include "ui/widgets/ed-validated-entry-row.h"

/* An elector who moves within the district, from the editor's Move… button: to an address in
 * the register, named by an elector number there or its UPRN, or to a new address. The move
 * is ed_elector_move(), the same as `electoral-desk-cli register move`; a refused move shows
 * each problem under its field and changes nothing. */

enum
{
  KIND_EXISTING,
  KIND_NEW,
};

struct _EdMoveDialog
{
  AdwWindow        parent_instance;

  EdContext       *context;
  char            *elector_id;
  char            *polling_district;
  GPtrArray       *districts;
  GDate            today;

  AdwToastOverlay *toasts;
  GtkWidget       *move_button;
  GtkWidget       *from_row;
  GtkWidget       *kind_row;
  GtkWidget       *existing_group;
  GtkWidget       *to_row;
  GtkWidget       *new_address_group;
  GtkWidget       *district_row;
  GtkWidget       *property_row;
  GtkWidget       *street_row;
  GtkWidget       *locality_row;
  GtkWidget       *town_row;
  GtkWidget       *postcode_row;
};

G_DEFINE_FINAL_TYPE (EdMoveDialog, ed_move_dialog, ADW_TYPE_WINDOW)

enum
{
  MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
moving_to_new_address (EdMoveDialog *self)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row)) == KIND_NEW;
}

static void
kind_changed_cb (EdMoveDialog *self)
{
  gboolean new_address = moving_to_new_address (self);

  gtk_widget_set_visible (self->existing_group, !new_address);
  gtk_widget_set_visible (self->new_address_group, new_address);
}

static GtkWidget *
row_for_field (EdMoveDialog *self,
               const char   *field)
{
  const struct
  {
    const char *field;
    GtkWidget  *row;
  } rows[] = {
    { "to", self->to_row },
    { "polling_district", self->district_row },
    { "property", self->property_row },
    { "street", self->street_row },
    { "locality", self->locality_row },
    { "town", self->town_row },
    { "postcode", self->postcode_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].field, field))
      return rows[i].row;
  return NULL;
}

static void
show_error (GtkWidget  *row,
            const char *message)
{
  if (ED_IS_VALIDATED_ENTRY_ROW (row))
    ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (row), message);
  else
    ed_field_error_show (row, message);
}

static void
clear_errors (EdMoveDialog *self)
{
  const char *fields[] = { "to", "polling_district", "property", "street", "locality", "town",
                           "postcode" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    show_error (row_for_field (self, fields[i]), NULL);
}

/* Typing again takes a field's problem away until the next try. */
static void
field_changed_cb (EdMoveDialog *self,
                  GParamSpec   *pspec,
                  GtkWidget    *row)
{
  show_error (row, NULL);
}

static char *
row_text (GtkWidget *row)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* Reads the form into a move; FALSE with the problem shown if the address named cannot be
 * found. */
static EdElectorMove *
read_form (EdMoveDialog *self)
{
  g_autoptr(EdElectorMove) move = ed_elector_move_new (self->elector_id);

  if (!moving_to_new_address (self))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = row_text (self->to_row);
      char *property = ed_register_find_address (self->context, text, &error);

      if (property == NULL)
        {
          show_error (self->to_row, error->message);
          return NULL;
        }
      g_free (move->to_property);
      move->to_property = property;
      return g_steal_pointer (&move);
    }

  g_free (move->new_address.property);
  move->new_address.property = row_text (self->property_row);
  g_free (move->new_address.street);
  move->new_address.street = row_text (self->street_row);
  g_free (move->new_address.locality);
  move->new_address.locality = row_text (self->locality_row);
  g_free (move->new_address.town);
  move->new_address.town = row_text (self->town_row);
  g_free (move->new_address.postcode);
  move->new_address.postcode = row_text (self->postcode_row);
  if (self->districts != NULL)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->district_row));

      if (selected < self->districts->len)
        {
          EdPollingDistrictRef *district = g_ptr_array_index (self->districts, selected);

          g_free (move->polling_district);
          move->polling_district = g_strdup (district->id);
        }
    }
  return g_steal_pointer (&move);
}

/**
 * ed_move_dialog_move:
 * @self: a dialog
 *
 * Makes the move the form describes, emits #EdMoveDialog::moved and closes; if it is refused,
 * shows each problem under its field and stays open.
 *
 * Returns: whether the elector was moved
 */
gboolean
ed_move_dialog_move (EdMoveDialog *self)
{
  g_autoptr(EdElectorMove) move = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(EdElectorEdit) moved = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ED_IS_MOVE_DIALOG (self), FALSE);

  clear_errors (self);
  move = read_form (self);
  if (move == NULL)
    return FALSE;
  problems = ed_elector_move_validate (self->context, move, &self->today, &error);
  if (problems == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return FALSE;
    }
  for (guint i = 0; i < problems->len; i++)
    {
      EdFieldProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = row_for_field (self, problem->field);

      if (row != NULL)
        show_error (row, problem->message);
      else
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (problem->message));
    }
  if (problems->len > 0)
    return FALSE;

  moved = ed_elector_move (self->context, move, &self->today, &error);
  if (moved == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return FALSE;
    }
  /* Closed first, and no longer the editor's: the editor closes on "moved". */
  g_object_ref (self);
  gtk_window_close (GTK_WINDOW (self));
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  g_signal_emit (self, signals[MOVED], 0, moved->id);
  g_object_unref (self);
  return TRUE;
}

static void
move_clicked_cb (EdMoveDialog *self)
{
  ed_move_dialog_move (self);
}

static void
ed_move_dialog_dispose (GObject *object)
{
  EdMoveDialog *self = (EdMoveDialog *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->elector_id, g_free);
  g_clear_pointer (&self->polling_district, g_free);
  g_clear_pointer (&self->districts, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_move_dialog_parent_class)->dispose (object);
}

static void
ed_move_dialog_class_init (EdMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_move_dialog_dispose;

  /**
   * EdMoveDialog::moved:
   * @self: the dialog
   * @elector_id: the new entry, at the new address
   *
   * Emitted after the move, once the dialog has closed.
   */
  signals[MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ED_TYPE_VALIDATED_ENTRY_ROW);
  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/register/ed-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, move_button);
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, existing_group);
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, new_address_group);
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, district_row);
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, property_row);
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, street_row);
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, locality_row);
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, town_row);
  gtk_widget_class_bind_template_child (widget_class, EdMoveDialog, postcode_row);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_move_dialog_init (EdMoveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The polling districts to choose a new address's from, the elector's own first chosen. */
static void
load_districts (EdMoveDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint own = 0;

  self->districts = ed_register_polling_districts (self->context, &error);
  if (self->districts == NULL)
    {
      g_warning ("Could not read the polling districts: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->districts->len; i++)
    {
      EdPollingDistrictRef *district = g_ptr_array_index (self->districts, i);
      g_autofree char *label = g_strdup_printf ("%s %s", district->code, district->name);

      gtk_string_list_append (names, label);
      if (g_strcmp0 (district->id, self->polling_district) == 0)
        own = i;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->district_row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->district_row), own);
}

/**
 * ed_move_dialog_new:
 * @parent: (nullable): the elector's editor
 * @context: the district
 * @elector_id: the elector who moves
 * @today: (nullable): the day the move is determined; %NULL for today
 *
 * Returns: (transfer none): a modal dialog, not yet shown; it is destroyed when it closes
 */
EdMoveDialog *
ed_move_dialog_new (GtkWindow   *parent,
                    EdContext   *context,
                    const char  *elector_id,
                    const GDate *today)
{
  g_autoptr(EdElectorEdit) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *number = NULL;
  g_autofree char *heading = NULL;
  EdMoveDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (elector_id != NULL, NULL);

  self = g_object_new (ED_TYPE_MOVE_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  self->elector_id = g_strdup (elector_id);
  g_date_clear (&self->today, 1);
  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    ed_today (&self->today);

  stored = ed_elector_edit_load (context, elector_id, &error);
  if (stored == NULL)
    {
      g_warning ("Could not load elector %s: %s", elector_id, error->message);
      return self;
    }
  self->polling_district = g_strdup (stored->polling_district);
  address = ed_elector_edit_address_text (context, stored->property, NULL);
  number = ed_elector_number_format (&stored->number);
  /* Translators: the elector number, then the address */
  heading = g_strdup_printf (_("%s, %s"), number, address != NULL ? address : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->from_row), heading);
  load_districts (self);
  return self;
}
