/* ed-welcome-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/ed-recent-districts.h"
#include "ui/ed-ui-resources.h"
#include "ui/ed-welcome-page.h"

/* What a desk shows before any district is open: the demo, a new district, or a recent one. */

struct _EdWelcomePage
{
  AdwBin               parent_instance;

  AdwStatusPage       *status_page;
  AdwPreferencesGroup *recent_group;
  GtkWidget           *buttons;
  GtkWidget           *demo_button;
  GtkProgressBar      *demo_progress;
  GPtrArray           *recent_rows;
};

G_DEFINE_FINAL_TYPE (EdWelcomePage, ed_welcome_page, ADW_TYPE_BIN)

static void
ed_welcome_page_finalize (GObject *object)
{
  EdWelcomePage *self = (EdWelcomePage *)object;

  g_ptr_array_unref (self->recent_rows);

  G_OBJECT_CLASS (ed_welcome_page_parent_class)->finalize (object);
}

static void
ed_welcome_page_class_init (EdWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ed_welcome_page_finalize;

  (void)ed_ui_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/electoraldesk/ElectoralDesk/ed-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, EdWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, EdWelcomePage, buttons);
  gtk_widget_class_bind_template_child (widget_class, EdWelcomePage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, EdWelcomePage, demo_progress);
}

static void
ed_welcome_page_init (EdWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->recent_rows = g_ptr_array_new ();
  adw_status_page_set_icon_name (self->status_page, APP_ID);
}

/**
 * ed_welcome_page_set_recent:
 * @self: the page
 * @recent: (element-type EdRecentDistrict): the recent districts
 */
void
ed_welcome_page_set_recent (EdWelcomePage *self,
                            GPtrArray     *recent)
{
  g_return_if_fail (ED_IS_WELCOME_PAGE (self));

  for (guint i = 0; i < self->recent_rows->len; i++)
    adw_preferences_group_remove (self->recent_group, g_ptr_array_index (self->recent_rows, i));
  g_ptr_array_set_size (self->recent_rows, 0);

  for (guint i = 0; recent != NULL && i < recent->len; i++)
    {
      EdRecentDistrict *district = g_ptr_array_index (recent, i);
      g_autofree char *display_path = g_filename_display_name (district->path);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ed_recent_district_get_title (district));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), display_path);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-district");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", district->path);
      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->recent_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), self->recent_rows->len > 0);
}

/* While the demo district is being written, the page says so, shows how far it has got, and
 * its buttons wait. */
void
ed_welcome_page_set_busy (EdWelcomePage *self,
                          gboolean       busy)
{
  g_return_if_fail (ED_IS_WELCOME_PAGE (self));

  gtk_button_set_label (GTK_BUTTON (self->demo_button),
                        busy ? _("Writing the Demo District…") : _("_Open the Demo District"));
  gtk_widget_set_sensitive (self->buttons, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recent_group), !busy);
  gtk_progress_bar_set_fraction (self->demo_progress, 0.0);
  gtk_progress_bar_set_text (self->demo_progress, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_progress), busy);
}

/**
 * ed_welcome_page_set_progress:
 * @self: the page, busy
 * @fraction: how much of the demo district is written, from 0 to 1
 * @text: what is being written
 */
void
ed_welcome_page_set_progress (EdWelcomePage *self,
                              double         fraction,
                              const char    *text)
{
  g_return_if_fail (ED_IS_WELCOME_PAGE (self));

  gtk_progress_bar_set_fraction (self->demo_progress, fraction);
  gtk_progress_bar_set_text (self->demo_progress, text);
}
