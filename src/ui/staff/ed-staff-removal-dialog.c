/* ed-staff-removal-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The people the district's retention period says to remove (ed_staff_person_list_for_removal
 * ()): each with their latest appointment, under a sentence saying the period and where it is
 * set. Personal data is kept only as long as a statutory process needs it (DESIGN.md §4).
 * The staff store has no way yet to remove a person, so the list says who is due and the
 * dialog says plainly that it cannot remove them. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "staff/ed-staff-person.h"
#include "ui/ed-ui-resources.h"
#include "ui/staff/ed-staff-removal-dialog.h"

struct _EdStaffRemovalDialog
{
  AdwWindow  parent_instance;

  GtkWidget *group;
  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (EdStaffRemovalDialog, ed_staff_removal_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
removal_row (const EdStaffRemoval *removal)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = ed_staff_person_dup_name (removal->person);
  g_autofree char *day = ed_date_format_long (&removal->last_appointed);
  /* Translators: %s is the day of a person's latest appointment */
  g_autofree char *subtitle = g_strdup_printf (_("Last appointed %s"), day);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
show_removals (EdStaffRemovalDialog *self,
               EdContext            *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) removals = NULL;
  g_autofree char *cutoff_text = NULL;
  g_autofree char *description = NULL;
  guint years = ed_staff_retention_years (context);
  GDate today, cutoff;

  ed_today (&today);
  ed_staff_retention_cutoff (context, &today, &cutoff);
  cutoff_text = ed_date_format_long (&cutoff);
  description = g_strdup_printf (
    /* Translators: the district's retention period in years, then the day that period before
     * today */
    g_dngettext (GETTEXT_PACKAGE,
                 "The district keeps casual staff for %u year after their latest appointment "
                 "(“Years to keep casual staff” in Preferences): these people were last "
                 "appointed before %s. People never appointed are not listed.",
                 "The district keeps casual staff for %u years after their latest appointment "
                 "(“Years to keep casual staff” in Preferences): these people were last "
                 "appointed before %s. People never appointed are not listed.",
                 years),
    years, cutoff_text);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), description);

  removals = ed_staff_person_list_for_removal (context, &today, &error);
  if (removals == NULL)
    {
      g_warning ("The people to remove cannot be listed: %s", error->message);
      return;
    }
  if (removals->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No one is due for removal"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
      return;
    }
  for (guint i = 0; i < removals->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), removal_row (g_ptr_array_index (removals, i)));
}

static void
ed_staff_removal_dialog_class_init (EdStaffRemovalDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/staff/ed-staff-removal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdStaffRemovalDialog, group);
  gtk_widget_class_bind_template_child (widget_class, EdStaffRemovalDialog, list);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_staff_removal_dialog_init (EdStaffRemovalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ed_staff_removal_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the district
 *
 * Returns: (transfer full): the dialog, listing the people due for removal today; not yet
 *   shown
 */
EdStaffRemovalDialog *
ed_staff_removal_dialog_new (GtkWindow *parent,
                             EdContext *context)
{
  EdStaffRemovalDialog *self;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_STAFF_REMOVAL_DIALOG, "transient-for", parent, NULL);
  show_removals (self, context);
  return self;
}
