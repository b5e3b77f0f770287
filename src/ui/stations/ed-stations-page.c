/* ed-stations-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Polling Stations page: the polling plan (EdPlanPane), the district's polling places
 * with their booking, stations and accessibility at a glance, each opened in the place
 * editor, the map, and the reviews of polling districts and places (EdReviewPane). */

#define G_LOG_DOMAIN "ed-ui-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stations/ed-polling-place.h"
#include "stations/ed-station-map.h"
#include "ui/ed-ui-resources.h"
#include "ui/stations/ed-place-editor.h"
#include "ui/stations/ed-plan-pane.h"
#include "ui/stations/ed-review-pane.h"
#include "ui/stations/ed-station-map-view.h"
#include "ui/stations/ed-stations-page.h"

struct _EdStationsPage
{
  EdModulePage  parent_instance;

  EdContext    *context;
  char         *selected_place;  /* the place last opened, kept across reloads */

  GtkWidget    *views;
  GtkWidget    *places_stack;
  GtkWidget    *places_page;
  GtkWidget    *places_list;
  GtkWidget    *review_pane;
  GtkWidget    *plan_pane;
  GtkWidget    *map_stack;
  GtkWidget    *map_spinner;
  GtkWidget    *map_empty_page;
  GtkWidget    *map_view;

  GCancellable *map_cancellable;  /* the map being read, if one is */
  gboolean      map_stale;        /* the district changed since the map was read */
};

G_DEFINE_FINAL_TYPE (EdStationsPage, ed_stations_page, ED_TYPE_MODULE_PAGE)

static char *
place_subtitle (const EdPlaceSummary *place)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (*place->postcode != '\0')
    g_string_append (text, place->postcode);
  if (*place->district_code != '\0')
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: %s is a polling district's code */
      g_string_append_printf (text, _("in %s"), place->district_code);
    }
  if (text->len > 0)
    g_string_append (text, " · ");
  if (*place->station_codes != '\0')
    /* Translators: %s lists station codes: "12, 12A" */
    g_string_append_printf (text, _("stations %s"), place->station_codes);
  else
    g_string_append (text, _("no stations"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What a glance at the row should say: the booking, and any access problem. */
static GtkWidget *
place_status (const EdPlaceSummary *place)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *booking = gtk_label_new (ed_booking_state_get_display_name (place->booking_state));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (place->n_open_issues > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u accessibility issue",
                                                            "%u accessibility issues",
                                                            place->n_open_issues),
                                               place->n_open_issues);
      GtkWidget *issues = gtk_label_new (text);

      gtk_widget_add_css_class (issues, "warning");
      gtk_box_append (GTK_BOX (box), issues);
    }
  else if (place->n_assessed == 0)
    {
      GtkWidget *unassessed = gtk_label_new (_("Not assessed"));

      gtk_widget_add_css_class (unassessed, "dim-label");
      gtk_box_append (GTK_BOX (box), unassessed);
    }
  if (place->booking_state != ED_BOOKING_CONFIRMED)
    gtk_widget_add_css_class (booking, place->booking_state == ED_BOOKING_CANCELLED
                                         ? "error" : "dim-label");
  gtk_box_append (GTK_BOX (box), booking);
  return box;
}

static void
show_places (EdStationsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = NULL;
  GtkWidget *child;
  GtkWidget *focus_row = NULL;

  while ((child = gtk_widget_get_first_child (self->places_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->places_list), child);
  if (self->context == NULL)
    return;

  places = ed_place_list (self->context, &error);
  if (places == NULL)
    {
      g_warning ("The polling places cannot be read: %s", error->message);
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->places_stack),
                                    places->len > 0 ? "list" : "empty");
  for (guint i = 0; i < places->len; i++)
    {
      EdPlaceSummary *place = g_ptr_array_index (places, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = place_subtitle (place);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), place->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), place_status (place));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "place-id", g_strdup (place->id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->places_list), row);
      if (g_strcmp0 (place->id, self->selected_place) == 0)
        focus_row = row;
    }
  if (focus_row != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (focus_row);
}

static void
editor_saved_cb (EdPlaceEditor  *editor,
                 EdStationsPage *self)
{
  g_free (self->selected_place);
  self->selected_place = g_strdup (ed_place_editor_get_place_id (editor));
  show_places (self);
  ed_plan_pane_reload (ED_PLAN_PANE (self->plan_pane));
  self->map_stale = TRUE;
}

static void
open_editor (EdStationsPage *self,
             const char     *place_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EdPlaceEditor *editor;

  if (self->context == NULL)
    return;
  editor = ed_place_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                self->context, place_id);
  if (editor == NULL)
    return;
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
place_activated_cb (EdStationsPage *self,
                    GtkListBoxRow  *row)
{
  const char *place_id = g_object_get_data (G_OBJECT (row), "place-id");

  g_free (self->selected_place);
  self->selected_place = g_strdup (place_id);
  open_editor (self, place_id);
}

static void
new_place_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  open_editor (ED_STATIONS_PAGE (widget), NULL);
}

/* The map is read in a job when its view is shown and the district has changed since, so
 * that neither opening a district nor a sync waits for a large district's outlines. */
static void
map_read_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EdStationsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStationMap) map = ed_station_map_new_from_district_finish (ED_JOB (source),
                                                                          result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->map_cancellable);
  gtk_spinner_stop (GTK_SPINNER (self->map_spinner));
  if (map == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->map_empty_page), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->map_stack), "empty");
      return;
    }
  if (ed_station_map_get_n_located (map) == 0)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->map_empty_page),
                                       _("No property or polling place has a grid reference "
                                         "yet. Import the EMS station file, or give the "
                                         "places their easting and northing."));
      gtk_stack_set_visible_child_name (GTK_STACK (self->map_stack), "empty");
      return;
    }
  ed_station_map_view_set_map (ED_STATION_MAP_VIEW (self->map_view), map);
  gtk_stack_set_visible_child_name (GTK_STACK (self->map_stack), "map");
}

static void
read_map_if_shown (EdStationsPage *self)
{
  const char *view = adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->views));

  if (self->context == NULL || !self->map_stale || g_strcmp0 (view, "map") != 0)
    return;
  self->map_stale = FALSE;
  if (self->map_cancellable != NULL)
    g_cancellable_cancel (self->map_cancellable);
  g_clear_object (&self->map_cancellable);
  self->map_cancellable = g_cancellable_new ();
  /* A map already shown stays until the new one is read. */
  if (!ed_station_map_view_is_ready (ED_STATION_MAP_VIEW (self->map_view)))
    {
      gtk_spinner_start (GTK_SPINNER (self->map_spinner));
      gtk_stack_set_visible_child_name (GTK_STACK (self->map_stack), "loading");
    }
  ed_station_map_new_from_district_async (self->context, NULL, self->map_cancellable,
                                          map_read_cb, g_object_ref (self));
}

static void
view_changed_cb (EdStationsPage *self)
{
  read_map_if_shown (self);
}

static void
ed_stations_page_set_context (EdModulePage *page,
                              EdContext    *context)
{
  EdStationsPage *self = ED_STATIONS_PAGE (page);

  g_set_object (&self->context, context);
  g_clear_pointer (&self->selected_place, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stations.new-place", context != NULL);
  show_places (self);
  ed_plan_pane_set_context (ED_PLAN_PANE (self->plan_pane), context);
  ed_review_pane_set_context (ED_REVIEW_PANE (self->review_pane), context);
  if (self->map_cancellable != NULL)
    g_cancellable_cancel (self->map_cancellable);
  g_clear_object (&self->map_cancellable);
  ed_station_map_view_set_map (ED_STATION_MAP_VIEW (self->map_view), NULL);
  self->map_stale = TRUE;
  read_map_if_shown (self);
}

/* Another desk's edits arrived: the lists are read afresh, keeping the place last opened. An
 * open editor keeps what is typed in it. */
static void
ed_stations_page_reload (EdModulePage *page)
{
  EdStationsPage *self = ED_STATIONS_PAGE (page);

  show_places (self);
  ed_plan_pane_reload (ED_PLAN_PANE (self->plan_pane));
  ed_review_pane_reload (ED_REVIEW_PANE (self->review_pane));
  self->map_stale = TRUE;
  read_map_if_shown (self);
}

static void
ed_stations_page_dispose (GObject *object)
{
  EdStationsPage *self = ED_STATIONS_PAGE (object);

  if (self->map_cancellable != NULL)
    g_cancellable_cancel (self->map_cancellable);
  g_clear_object (&self->map_cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->selected_place, g_free);

  G_OBJECT_CLASS (ed_stations_page_parent_class)->dispose (object);
}

static void
ed_stations_page_class_init (EdStationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EdModulePageClass *page_class = ED_MODULE_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_stations_page_dispose;
  page_class->set_context = ed_stations_page_set_context;
  page_class->reload = ed_stations_page_reload;

  (void)ed_ui_get_resource ();
  g_type_ensure (ED_TYPE_REVIEW_PANE);
  g_type_ensure (ED_TYPE_PLAN_PANE);
  g_type_ensure (ED_TYPE_STATION_MAP_VIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/stations/ed-stations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdStationsPage, views);
  gtk_widget_class_bind_template_child (widget_class, EdStationsPage, places_stack);
  gtk_widget_class_bind_template_child (widget_class, EdStationsPage, places_page);
  gtk_widget_class_bind_template_child (widget_class, EdStationsPage, places_list);
  gtk_widget_class_bind_template_child (widget_class, EdStationsPage, review_pane);
  gtk_widget_class_bind_template_child (widget_class, EdStationsPage, plan_pane);
  gtk_widget_class_bind_template_child (widget_class, EdStationsPage, map_stack);
  gtk_widget_class_bind_template_child (widget_class, EdStationsPage, map_spinner);
  gtk_widget_class_bind_template_child (widget_class, EdStationsPage, map_empty_page);
  gtk_widget_class_bind_template_child (widget_class, EdStationsPage, map_view);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_activated_cb);

  gtk_widget_class_install_action (widget_class, "stations.new-place", NULL, new_place_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "stations.new-place", NULL);
}

static void
ed_stations_page_init (EdStationsPage *self)
{
  GtkWidget *switcher = adw_view_switcher_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The views are switched from the header, in the title's place. */
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_STACK (self->views));
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  ed_module_page_set_title_widget (ED_MODULE_PAGE (self), switcher);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stations.new-place", FALSE);
}
