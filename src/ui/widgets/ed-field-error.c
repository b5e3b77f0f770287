/* ed-field-error.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-widgets"

#include "config.h"

#include "ui/widgets/ed-field-error.h"

/* A field's error, shown the same way on every form (DESIGN.md §7): the field's row in the
 * error style, a row right under it in the same list that says what is wrong, and the
 * message as the row's accessible description with its invalid state set, so that a screen
 * reader says it with the field. EdValidatedEntryRow shows its errors this way; a form calls
 * these functions for its other rows (a combo row, a switch row). */

typedef struct
{
  char      *text;
  GtkWidget *message;   /* an AdwActionRow, in the field's list once placed */
} FieldError;

#define FIELD_ERROR_KEY "ed-field-error"

static void
field_error_free (gpointer data)
{
  FieldError *error = data;

  g_free (error->text);
  g_clear_object (&error->message);
  g_free (error);
}

static FieldError *
get_field_error (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), FIELD_ERROR_KEY);
}

/* The message shows while its field does: a hidden field has nothing to say. */
static void
sync_visible (GtkWidget  *row,
              FieldError *error)
{
  if (error->message == NULL)
    return;
  gtk_widget_set_visible (error->message, error->text != NULL && gtk_widget_get_visible (row) &&
                                            gtk_widget_get_parent (error->message) != NULL);
}

static void
row_visible_cb (GtkWidget  *row,
                GParamSpec *pspec,
                FieldError *error)
{
  sync_visible (row, error);
}

/* A row taken out of its list leaves its message there, hidden, rather than pull a second
 * row out of a list that is in the middle of removing one; the row gets a new message row
 * where it is placed next. */
static void
row_parent_cb (GtkWidget  *row,
               GParamSpec *pspec,
               FieldError *error)
{
  GtkWidget *list;

  if (error->message == NULL)
    return;
  list = gtk_widget_get_parent (error->message);
  if (list == NULL || list == gtk_widget_get_parent (row))
    return;
  gtk_widget_set_visible (error->message, FALSE);
  g_clear_object (&error->message);
}

static FieldError *
ensure_field_error (GtkWidget *row)
{
  FieldError *error = get_field_error (row);

  if (error != NULL)
    return error;

  error = g_new0 (FieldError, 1);
  g_object_set_data_full (G_OBJECT (row), FIELD_ERROR_KEY, error, field_error_free);
  g_signal_connect (row, "notify::visible", G_CALLBACK (row_visible_cb), error);
  g_signal_connect (row, "notify::parent", G_CALLBACK (row_parent_cb), error);
  return error;
}

static GtkWidget *
message_row_new (void)
{
  GtkWidget *message = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (message), FALSE);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_set_visible (message, FALSE);
  gtk_widget_set_can_focus (message, FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message), FALSE);
  return g_object_ref_sink (message);
}

/**
 * ed_field_error_place:
 * @row: the row of a field
 *
 * Puts the row's message under it, when it has one and is in a list and the message is not
 * there yet. ed_field_error_show() does this; a row given an error before it was in a list
 * calls this once it is, but not while the list is still inserting it (EdValidatedEntryRow
 * does, after it is rooted).
 */
void
ed_field_error_place (GtkWidget *row)
{
  FieldError *error;
  GtkWidget *list;
  int index;

  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  error = get_field_error (row);
  list = gtk_widget_get_parent (row);
  if (error == NULL || error->text == NULL || !GTK_IS_LIST_BOX (list))
    return;
  if (error->message != NULL && gtk_widget_get_parent (error->message) != NULL)
    return;
  /* While a list is still inserting the row, the row has no place in it yet. */
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (index < 0)
    return;
  if (error->message == NULL)
    error->message = message_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error->message), error->text);
  gtk_list_box_insert (GTK_LIST_BOX (list), error->message, index + 1);
  sync_visible (row, error);
}

/**
 * ed_field_error_show:
 * @row: the row of a field, in a list such as an #AdwPreferencesGroup
 * @message: (nullable): what is wrong with the field, or %NULL when nothing is
 *
 * Shows @message under @row, styles @row as an error and makes @message its accessible
 * description, with the invalid state set; %NULL takes all of that away again.
 */
void
ed_field_error_show (GtkWidget  *row,
                     const char *message)
{
  FieldError *error;

  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  if (message != NULL && message[0] == '\0')
    message = NULL;
  error = get_field_error (row);
  if (message == NULL && (error == NULL || error->text == NULL))
    return;
  if (error != NULL && g_strcmp0 (error->text, message) == 0)
    return;

  error = ensure_field_error (row);
  g_free (error->text);
  error->text = g_strdup (message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      if (error->message != NULL)
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error->message), message);
      ed_field_error_place (row);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  sync_visible (row, error);
}

/**
 * ed_field_error_get:
 * @row: the row of a field
 *
 * Returns: (nullable): the message ed_field_error_show() last gave @row, or %NULL
 */
const char *
ed_field_error_get (GtkWidget *row)
{
  FieldError *error;

  g_return_val_if_fail (ADW_IS_PREFERENCES_ROW (row), NULL);

  error = get_field_error (row);
  return error != NULL ? error->text : NULL;
}
