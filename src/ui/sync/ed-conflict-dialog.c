/* ed-conflict-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "changes/ed-change-set.h"
#include "changes/ed-conflicts.h"
#include "changes/ed-hlc.h"
#include "district/ed-district-settings.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"
#include "ui/sync/ed-conflict-dialog.h"
#include "ui/sync/ed-sync-describe.h"

/* One conflict, decided by a person (SYNC.md §4.4): keep one of the competing values or type
 * another, or, for a record deleted on one desk and changed on another, keep it or delete
 * it. Nothing is chosen for them; a value that cannot be kept stays typed, with the reason. */

#define DELETE_CONFLICT "delete"

struct _EdConflictDialog
{
  AdwWindow   parent_instance;

  GtkListBox *choices_list;
  GtkLabel   *error_label;
  AdwPreferencesGroup *choices_group;

  EdContext  *context;
  EdConflict *conflict;
  GPtrArray  *choices;     /* GtkCheckButton, each with "head" or "keep" data */
  GtkCheckButton *other_check;
  AdwEntryRow    *other_row;
};

G_DEFINE_FINAL_TYPE (EdConflictDialog, ed_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (EdConflictDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The check button is named by its row's title, which the row relates to it as the
 * activatable widget: a name of its own would be said twice. */
static GtkCheckButton *
add_choice (EdConflictDialog *self,
            const char       *title,
            const char       *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (self->choices->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), g_ptr_array_index (self->choices, 0));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (self->choices_list, row);
  g_ptr_array_add (self->choices, check);
  return GTK_CHECK_BUTTON (check);
}

/* Who made a version and roughly when: "jane on DESK-2, 2 hours ago". */
static char *
describe_origin (const EdConflictHead *head,
                 GPtrArray            *desks)
{
  g_autofree char *desk = ed_sync_describe_desk (head->device, head->user, desks);
  g_autofree char *when = ed_sync_describe_when (ed_hlc_get_ms (head->hlc),
                                                 g_get_real_time () / 1000);

  /* Translators: who made a version of a record, and roughly when */
  return g_strdup_printf (_("%s, %s"), desk, when);
}

static void
other_changed_cb (EdConflictDialog *self)
{
  /* Typing a value means keeping it. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->other_row))[0] != '\0')
    gtk_check_button_set_active (self->other_check, TRUE);
}

static void
build_value_choices (EdConflictDialog *self,
                     GPtrArray        *desks)
{
  GtkWidget *check;

  for (guint i = 0; i < self->conflict->heads->len; i++)
    {
      EdConflictHead *head = g_ptr_array_index (self->conflict->heads, i);
      g_autofree char *value = ed_sync_describe_value (head);
      g_autofree char *origin = describe_origin (head, desks);
      GtkCheckButton *choice = add_choice (self, value, origin);

      g_object_set_data (G_OBJECT (choice), "head", head);
    }

  self->other_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->other_row),
                                 _("Another value"));
  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Keep another value"), -1);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (check), g_ptr_array_index (self->choices, 0));
  adw_entry_row_add_prefix (self->other_row, check);
  adw_entry_row_set_activates_default (self->other_row, TRUE);
  g_signal_connect_swapped (self->other_row, "changed", G_CALLBACK (other_changed_cb), self);
  gtk_list_box_append (self->choices_list, GTK_WIDGET (self->other_row));
  self->other_check = GTK_CHECK_BUTTON (check);
}

static void
build_delete_choices (EdConflictDialog *self,
                      GPtrArray        *desks)
{
  GString *changed = g_string_new (NULL);
  GString *deleted = g_string_new (NULL);
  g_autofree char *changed_text = NULL;
  g_autofree char *deleted_text = NULL;
  GtkCheckButton *keep;
  GtkCheckButton *delete;

  for (guint i = 0; i < self->conflict->heads->len; i++)
    {
      EdConflictHead *head = g_ptr_array_index (self->conflict->heads, i);
      g_autofree char *origin = describe_origin (head, desks);
      GString *list = head->kind == ED_OP_DEL ? deleted : changed;

      g_string_append_printf (list, "%s%s", list->len > 0 ? "\n" : "", origin);
    }
  changed_text = g_string_free (changed, FALSE);
  deleted_text = g_string_free (deleted, FALSE);

  keep = add_choice (self, _("Keep the record, with the change"),
                     changed_text[0] != '\0' ? changed_text : NULL);
  g_object_set_data (G_OBJECT (keep), "keep", GINT_TO_POINTER (TRUE));
  delete = add_choice (self, _("Delete the record"),
                       deleted_text[0] != '\0' ? deleted_text : NULL);
  g_object_set_data (G_OBJECT (delete), "keep", GINT_TO_POINTER (FALSE));
}

static GtkCheckButton *
chosen (EdConflictDialog *self)
{
  for (guint i = 0; i < self->choices->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->choices, i)))
      return g_ptr_array_index (self->choices, i);
  if (self->other_check != NULL && gtk_check_button_get_active (self->other_check))
    return self->other_check;
  return NULL;
}

static gboolean
column_type (EdConflictDialog *self,
             EdValueType      *out_type,
             GError          **error)
{
  const EdTableDef *table = ed_schema_lookup (ed_context_get_schema (self->context),
                                              self->conflict->tbl);
  int column = table != NULL ? ed_schema_column_index (table, self->conflict->col) : -1;

  if (column < 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_COLUMN,
                   _("This version of Electoral Desk cannot change this field. Resolve the "
                     "conflict on a desk with a newer version."));
      return FALSE;
    }
  *out_type = table->columns[column].type;
  return TRUE;
}

/* A typed value is read as its field's type; a district setting also follows its own rules
 * (a valid email, a known country), as its form does. */
static GVariant *
typed_value (EdConflictDialog  *self,
             GError           **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->other_row));
  g_autofree char *clean = NULL;
  EdValueType type;

  if (!column_type (self, &type, error))
    return NULL;
  if (g_str_equal (self->conflict->tbl, "district"))
    {
      guint n_keys;
      const EdSettingInfo *keys = ed_district_settings_get_keys (&n_keys);

      for (guint i = 0; i < n_keys; i++)
        if (g_strcmp0 (keys[i].column, self->conflict->col) == 0)
          {
            if (!ed_district_settings_normalise_value (keys[i].key, text, &clean, error))
              return NULL;
            text = clean;
            break;
          }
    }
  return ed_value_parse (type, text, error);
}

static gboolean
resolve (EdConflictDialog  *self,
         GtkCheckButton    *choice,
         GError           **error)
{
  EdConflictHead *head;
  g_autoptr(GVariant) value = NULL;
  EdValueType type;

  if (g_str_equal (self->conflict->kind, DELETE_CONFLICT))
    return ed_conflicts_resolve_delete (ED_REPLICA (self->context), self->conflict->id,
                                        GPOINTER_TO_INT (g_object_get_data (G_OBJECT (choice),
                                                                            "keep")),
                                        error);

  head = g_object_get_data (G_OBJECT (choice), "head");
  if (head != NULL)
    {
      if (!column_type (self, &type, error))
        return FALSE;
      value = ed_value_from_json (type, head->value_json, error);
    }
  else
    value = typed_value (self, error);
  if (value == NULL)
    return FALSE;
  return ed_conflicts_resolve_value (ED_REPLICA (self->context), self->conflict->id, value,
                                     error);
}

static void
resolve_clicked_cb (EdConflictDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkCheckButton *choice = chosen (self);

  if (choice == NULL)
    {
      show_error (self, _("Choose what to keep."));
      return;
    }
  if (!resolve (self, choice, &error))
    {
      /* The typed value stays, to be put right. */
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_RESOLVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
ed_conflict_dialog_dispose (GObject *object)
{
  EdConflictDialog *self = ED_CONFLICT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->conflict, ed_conflict_free);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_conflict_dialog_parent_class)->dispose (object);
}

static void
ed_conflict_dialog_class_init (EdConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_conflict_dialog_dispose;

  /**
   * EdConflictDialog::resolved:
   *
   * The person's decision is saved: the conflict is closed on this desk.
   */
  signals[SIGNAL_RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/sync/ed-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdConflictDialog, choices_list);
  gtk_widget_class_bind_template_child (widget_class, EdConflictDialog, choices_group);
  gtk_widget_class_bind_template_child (widget_class, EdConflictDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, resolve_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_conflict_dialog_init (EdConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->choices = g_ptr_array_new ();
  ed_accessible_name_buttons (GTK_WIDGET (self));
}

/**
 * ed_conflict_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the district
 * @conflict_id: an open conflict
 * @desks: (element-type EdSyncDeskStatus) (nullable): the team, to name the desks
 *
 * Returns: (transfer none): the dialog, not yet shown; %NULL when the conflict is no longer
 *   open
 */
EdConflictDialog *
ed_conflict_dialog_new (GtkWindow  *parent,
                        EdContext  *context,
                        const char *conflict_id,
                        GPtrArray  *desks)
{
  EdConflictDialog *self;
  g_autoptr(EdConflict) conflict = NULL;
  g_autofree char *record = NULL;
  g_autofree char *field = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (conflict_id != NULL, NULL);

  conflict = ed_conflicts_lookup (ED_REPLICA (context), conflict_id, NULL);
  if (conflict == NULL)
    return NULL;

  self = g_object_new (ED_TYPE_CONFLICT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->conflict = g_steal_pointer (&conflict);

  record = ed_sync_describe_record (context, self->conflict->tbl, self->conflict->pk);
  if (g_str_equal (self->conflict->kind, DELETE_CONFLICT))
    {
      title = g_strdup (record);
      build_delete_choices (self, desks);
    }
  else
    {
      field = ed_sync_describe_field (self->conflict->tbl, self->conflict->col);
      /* Translators: a field and the record it belongs to, such as "Surname of Jane Smith
       * (AB124)" */
      title = g_strdup_printf (_("%s of %s"), field, record);
      build_value_choices (self, desks);
    }
  adw_preferences_group_set_title (self->choices_group, title);
  return self;
}
