/* ed-validated-entry-row.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-widgets"

#include "config.h"

#include "ui/widgets/ed-field-error.h"
#include "ui/widgets/ed-validated-entry-row.h"

/* An entry row that shows what is wrong with its text as every form does (ed-field-error.c).
 * The form decides what is wrong, and when to say so; the row only shows it. */

G_DEFINE_TYPE (EdValidatedEntryRow, ed_validated_entry_row, ADW_TYPE_ENTRY_ROW)

enum
{
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
place_error_cb (gpointer data)
{
  ed_field_error_place (GTK_WIDGET (data));
  return G_SOURCE_REMOVE;
}

/* A row given an error while it was not in a list shows it once it is. Not at once: the list
 * is still inserting the row, and a second row put in then would upset its count. */
static void
ed_validated_entry_row_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ed_validated_entry_row_parent_class)->root (widget);

  if (ed_field_error_get (widget) != NULL)
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, place_error_cb, g_object_ref (widget),
                     g_object_unref);
}

static void
ed_validated_entry_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EdValidatedEntryRow *self = ED_VALIDATED_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_string (value, ed_validated_entry_row_get_error (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_validated_entry_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EdValidatedEntryRow *self = ED_VALIDATED_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      ed_validated_entry_row_set_error (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_validated_entry_row_class_init (EdValidatedEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ed_validated_entry_row_get_property;
  object_class->set_property = ed_validated_entry_row_set_property;
  widget_class->root = ed_validated_entry_row_root;

  /**
   * EdValidatedEntryRow:error: (nullable)
   *
   * What is wrong with the text, shown under the row; %NULL when nothing is.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ed_validated_entry_row_init (EdValidatedEntryRow *self)
{
  /* Titles are plain words; an ampersand in one must not be read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

/**
 * ed_validated_entry_row_new:
 *
 * Returns: (transfer floating): a new row, with no error
 */
GtkWidget *
ed_validated_entry_row_new (void)
{
  return g_object_new (ED_TYPE_VALIDATED_ENTRY_ROW, NULL);
}

/**
 * ed_validated_entry_row_set_error:
 * @self: a row
 * @message: (nullable): what is wrong with the text, or %NULL when nothing is
 *
 * Shows @message under the row, with the row in the error style and @message as its
 * accessible description; %NULL clears them.
 */
void
ed_validated_entry_row_set_error (EdValidatedEntryRow *self,
                                  const char          *message)
{
  g_return_if_fail (ED_IS_VALIDATED_ENTRY_ROW (self));

  if (g_strcmp0 (ed_field_error_get (GTK_WIDGET (self)), message) == 0)
    return;
  ed_field_error_show (GTK_WIDGET (self), message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/**
 * ed_validated_entry_row_get_error:
 * @self: a row
 *
 * Returns: (nullable): the error the row shows, or %NULL
 */
const char *
ed_validated_entry_row_get_error (EdValidatedEntryRow *self)
{
  g_return_val_if_fail (ED_IS_VALIDATED_ENTRY_ROW (self), NULL);

  return ed_field_error_get (GTK_WIDGET (self));
}
