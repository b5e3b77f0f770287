/* ed-district-switcher.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/ed-district-switcher.h"
#include "ui/ed-recent-districts.h"

/* The district's name at the top of the sidebar, which is also the way to another district:
 * a team serving two councils switches between their registers many times a day. */

struct _EdDistrictSwitcher
{
  AdwBin          parent_instance;

  GtkMenuButton  *button;
  AdwWindowTitle *title;
  char           *current_path;
};

G_DEFINE_FINAL_TYPE (EdDistrictSwitcher, ed_district_switcher, ADW_TYPE_BIN)

static void
ed_district_switcher_finalize (GObject *object)
{
  EdDistrictSwitcher *self = (EdDistrictSwitcher *)object;

  g_free (self->current_path);

  G_OBJECT_CLASS (ed_district_switcher_parent_class)->finalize (object);
}

static void
ed_district_switcher_class_init (EdDistrictSwitcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_district_switcher_finalize;
}

static void
ed_district_switcher_init (EdDistrictSwitcher *self)
{
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  gtk_menu_button_set_child (self->button, GTK_WIDGET (self->title));
  gtk_menu_button_set_always_show_arrow (self->button, TRUE);
  gtk_menu_button_set_has_frame (self->button, FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Switch District"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));
  ed_district_switcher_set_recent (self, NULL);
}

void
ed_district_switcher_set_district (EdDistrictSwitcher *self,
                                   const char         *council_name,
                                   const char         *path)
{
  g_autofree char *label = NULL;
  g_autofree char *basename = NULL;

  g_return_if_fail (ED_IS_DISTRICT_SWITCHER (self));

  g_free (self->current_path);
  self->current_path = g_strdup (path);

  basename = path != NULL ? g_filename_display_basename (path) : g_strdup ("");
  adw_window_title_set_title (self->title, council_name != NULL ? council_name : "");
  adw_window_title_set_subtitle (self->title, basename);

  label = g_strdup_printf (_("District: %s. Switch district"),
                           council_name != NULL ? council_name : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * ed_district_switcher_set_recent:
 * @self: the switcher
 * @recent: (nullable) (element-type EdRecentDistrict): the recent districts
 */
void
ed_district_switcher_set_recent (EdDistrictSwitcher *self,
                                 GPtrArray          *recent)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) districts = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();

  g_return_if_fail (ED_IS_DISTRICT_SWITCHER (self));

  for (guint i = 0; recent != NULL && i < recent->len; i++)
    {
      EdRecentDistrict *district = g_ptr_array_index (recent, i);
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (district->path, self->current_path) == 0)
        continue;
      item = g_menu_item_new (ed_recent_district_get_title (district), NULL);
      g_menu_item_set_action_and_target (item, "win.open-district", "s", district->path);
      g_menu_append_item (districts, item);
    }

  g_menu_append (actions, _("_Open District File…"), "win.open-file");
  g_menu_append (actions, _("_Create New District…"), "win.new-district");
  g_menu_append (actions, _("_Join a Sync Team…"), "win.sync-join");
  g_menu_append (actions, _("Open the _Demo District"), "win.open-demo");

  if (g_menu_model_get_n_items (G_MENU_MODEL (districts)) > 0)
    g_menu_append_section (menu, _("Other Districts"), G_MENU_MODEL (districts));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  gtk_menu_button_set_menu_model (self->button, G_MENU_MODEL (menu));
}
