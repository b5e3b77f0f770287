/* ed-date-row.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-widgets"

#include "config.h"

#include "core/ed-date.h"
#include "ui/widgets/ed-date-row.h"

/* A date typed as people write one (ed_date_parse(): 13/5/2026, 13 May 2026, 2026-05-13),
 * shown back in full beside what was typed, "Wednesday 13 May 2026", so that a day and a
 * month the wrong way round are seen before they are saved. Whether an empty or a wrong date
 * is an error, and when to say so, is the form's to decide, as for any EdValidatedEntryRow. */

struct _EdDateRow
{
  EdValidatedEntryRow parent_instance;

  GtkLabel           *shown_date;  /* ours; in the row while the text is a date */
};

G_DEFINE_FINAL_TYPE (EdDateRow, ed_date_row, ED_TYPE_VALIDATED_ENTRY_ROW)

/* The date is a suffix only while there is one: an empty suffix would still take room, and
 * move the row's edit icon out of line with the rows above and below. */
static void
text_changed_cb (EdDateRow *self)
{
  GtkWidget *shown_date = GTK_WIDGET (self->shown_date);
  g_autofree char *text = NULL;
  GDate date;

  if (ed_date_row_get_date (self, &date, NULL))
    text = ed_date_format_long (&date);
  gtk_label_set_text (self->shown_date, text != NULL ? text : "");
  if (text != NULL && gtk_widget_get_parent (shown_date) == NULL)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), shown_date);
  else if (text == NULL && gtk_widget_get_parent (shown_date) != NULL)
    adw_entry_row_remove (ADW_ENTRY_ROW (self), shown_date);
}

static void
ed_date_row_dispose (GObject *object)
{
  EdDateRow *self = ED_DATE_ROW (object);

  g_clear_object (&self->shown_date);

  G_OBJECT_CLASS (ed_date_row_parent_class)->dispose (object);
}

static void
ed_date_row_class_init (EdDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ed_date_row_dispose;
}

static void
ed_date_row_init (EdDateRow *self)
{
  self->shown_date = GTK_LABEL (g_object_ref_sink (gtk_label_new (NULL)));
  gtk_widget_add_css_class (GTK_WIDGET (self->shown_date), "dim-label");
  gtk_widget_set_valign (GTK_WIDGET (self->shown_date), GTK_ALIGN_CENTER);
  g_signal_connect (self, "changed", G_CALLBACK (text_changed_cb), NULL);
}

/**
 * ed_date_row_new:
 *
 * Returns: (transfer floating): a new, empty date row
 */
GtkWidget *
ed_date_row_new (void)
{
  return g_object_new (ED_TYPE_DATE_ROW, NULL);
}

/**
 * ed_date_row_get_date:
 * @self: a date row
 * @date: (out) (optional): the date typed
 * @error: return location for why the text is not a date: %ED_VALUE_ERROR_EMPTY when there
 *   is none
 *
 * Reads the text as ed_date_parse() does.
 *
 * Returns: %TRUE if the row holds a real date
 */
gboolean
ed_date_row_get_date (EdDateRow  *self,
                      GDate      *date,
                      GError    **error)
{
  g_return_val_if_fail (ED_IS_DATE_ROW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ed_date_parse (gtk_editable_get_text (GTK_EDITABLE (self)), date, error);
}

/**
 * ed_date_row_dup_iso:
 * @self: a date row
 *
 * Returns: (transfer full) (nullable): the date typed as `YYYY-MM-DD`, as dates are stored,
 *   or %NULL when the row holds no date
 */
char *
ed_date_row_dup_iso (EdDateRow *self)
{
  GDate date;

  g_return_val_if_fail (ED_IS_DATE_ROW (self), NULL);

  if (!ed_date_row_get_date (self, &date, NULL))
    return NULL;
  return ed_date_format_iso (&date);
}
