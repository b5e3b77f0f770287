/* ed-plan-pane.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The polling plan on the Polling Stations page: each station with its electorate, postal
 * voters excluded, its projection, its staffing against what DOMAIN.md §3.4 recommends and
 * what to see to; each polling district with how near its electors are to their station.
 * Worked out in a job (ed_station_plan_compute_async ()), so a million electors never hold
 * the window. A station over the maximum can be split by street, with a preview of both
 * halves, in the dialog its Split button opens. */

#define G_LOG_DOMAIN "ed-ui-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "stations/ed-district-growth.h"
#include "stations/ed-station-plan.h"
#include "stations/ed-station-split.h"
#include "ui/ed-accessible.h"
#include "ui/ed-number-format.h"
#include "ui/stations/ed-plan-pane.h"
#include "ui/stations/ed-station-editor.h"

struct _EdPlanPane
{
  AdwBin         parent_instance;

  EdContext     *context;
  EdStationPlan *plan;
  GCancellable  *cancellable;

  GtkWidget     *toasts;
  GtkWidget     *stack;
  GtkWidget     *spinner;
  GtkWidget     *empty_page;
  GtkWidget     *stations_group;
  GtkWidget     *stations_list;
  GtkWidget     *districts_list;
};

G_DEFINE_FINAL_TYPE (EdPlanPane, ed_plan_pane, ADW_TYPE_BIN)

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static char *
count_text (guint64 n)
{
  return ed_number_format_count ((guint)MIN (n, G_MAXUINT));
}

static char *
staffing_text (const EdStationStaffing *staffing)
{
  /* Translators: a station's staff: presiding officers and poll clerks, "1 + 3" */
  return g_strdup_printf (_("%u + %u"), staffing->presiding_officers, staffing->poll_clerks);
}

static char *
station_subtitle (const EdPlanStation *station)
{
  g_autofree char *in_person = count_text (station->in_person);
  g_autofree char *postal = count_text (station->postal);
  g_autofree char *projected = count_text (station->projected_in_person);
  g_autofree char *staffing = staffing_text (&station->staffing);
  g_autofree char *recommended = staffing_text (&station->recommended);
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: electors who may vote at the station, then postal voters left out of the
   * count, then the count in five years */
  g_string_append_printf (text, _("%s electors in person (%s postal voters excluded), %s in "
                                  "five years"), in_person, postal, projected);
  g_string_append (text, "\n");
  /* Translators: a station's default staff, then the staff recommended for its electorate;
   * each is "presiding officers + poll clerks" */
  g_string_append_printf (text, _("Staff %s, recommended %s"), staffing, recommended);
  if (station->nearer_elsewhere > 0)
    {
      g_autofree char *nearer = count_text (station->nearer_elsewhere);

      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%s property nearer another station",
                                                 "%s properties nearer another station",
                                                 station->nearer_elsewhere),
                              nearer);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What to see to, each a short label: over the maximum and booking cancelled read as errors,
 * the rest as warnings. */
static GtkWidget *
warnings_box (EdStationWarnings warnings)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint bit = 0; bit < ED_STATION_N_WARNINGS; bit++)
    {
      EdStationWarnings warning = 1u << bit;
      GtkWidget *label;

      if ((warnings & warning) == 0)
        continue;
      label = gtk_label_new (ed_station_warning_get_display_name (warning));
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, warning == ED_STATION_WARNING_OVER_MAXIMUM ||
                                       warning == ED_STATION_WARNING_BOOKING_CANCELLED
                                         ? "error" : "warning");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static void open_split (EdPlanPane          *self,
                        const EdPlanStation *station);

static void
split_clicked_cb (GtkButton  *button,
                  EdPlanPane *self)
{
  const char *station_id = g_object_get_data (G_OBJECT (button), "station-id");
  gint index = self->plan != NULL ? ed_station_plan_find_station (self->plan, station_id) : -1;

  if (index >= 0)
    open_split (self, g_ptr_array_index (self->plan->stations, index));
}

static void
show_stations (EdPlanPane *self)
{
  clear_list (self->stations_list);
  for (guint i = 0; i < self->plan->stations->len; i++)
    {
      EdPlanStation *station = g_ptr_array_index (self->plan->stations, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = *station->place_name != '\0'
        /* Translators: a station's code, then its polling place */
        ? g_strdup_printf (_("%s · %s"), station->code, station->place_name)
        : g_strdup (station->code);
      g_autofree char *subtitle = station_subtitle (station);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), warnings_box (station->warnings));
      if (station->warnings & ED_STATION_WARNING_OVER_MAXIMUM)
        {
          GtkWidget *split = gtk_button_new_with_mnemonic (_("_Split…"));
          g_autofree char *name = g_strdup_printf (_("Split station %s"), station->code);

          gtk_widget_set_valign (split, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (split), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          g_object_set_data_full (G_OBJECT (split), "station-id", g_strdup (station->id),
                                  g_free);
          g_signal_connect (split, "clicked", G_CALLBACK (split_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), split);
        }
      if (*station->place != '\0')
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
      g_object_set_data_full (G_OBJECT (row), "station-id", g_strdup (station->id), g_free);
      g_object_set_data_full (G_OBJECT (row), "place-id", g_strdup (station->place), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->stations_list), row);
    }
}

static void
show_districts (EdPlanPane *self)
{
  clear_list (self->districts_list);
  for (guint i = 0; i < self->plan->districts->len; i++)
    {
      EdPlanDistrict *district = g_ptr_array_index (self->plan->districts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s %s", district->code, district->name);
      g_autofree char *electors = count_text (district->electors);
      g_autofree char *projected = count_text (district->projected_electors);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      /* Translators: a district's electors now, then in five years */
      g_string_append_printf (subtitle, _("%s electors, %s in five years"), electors,
                              projected);
      if (district->nearer_elsewhere > 0)
        {
          g_autofree char *nearer = count_text (district->nearer_elsewhere);

          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%s property nearer another station",
                                               "%s properties nearer another station",
                                               district->nearer_elsewhere),
                                  nearer);
        }
      if (district->without_station > 0)
        {
          g_autofree char *without = count_text (district->without_station);

          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%s property with no station",
                                               "%s properties with no station",
                                               district->without_station),
                                  without);
        }
      if (district->without_coordinates > 0)
        {
          g_autofree char *without = count_text (district->without_coordinates);

          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%s property not on the grid",
                                               "%s properties not on the grid",
                                               district->without_coordinates),
                                  without);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "district-id", g_strdup (district->id), g_free);
      g_object_set_data_full (G_OBJECT (row), "district-code", g_strdup (district->code),
                              g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->districts_list), row);
    }
}

static void
plan_computed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(EdPlanPane) self = user_data;
  g_autoptr(GError) error = NULL;
  EdStationPlan *plan = ed_station_plan_compute_finish (ED_JOB (source), result, &error);
  guint over = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  if (plan == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }
  g_clear_pointer (&self->plan, ed_station_plan_free);
  self->plan = plan;
  if (plan->stations->len == 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }
  for (guint i = 0; i < plan->stations->len; i++)
    if (((EdPlanStation *)g_ptr_array_index (plan->stations, i))->warnings &
        ED_STATION_WARNING_OVER_MAXIMUM)
      over++;
  {
    g_autofree char *maximum = count_text (plan->thresholds.maximum_electors);
    g_autofree char *description = NULL;

    if (over > 0)
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u station has more than %s electors "
                                                  "voting in person, the district’s maximum.",
                                                  "%u stations have more than %s electors "
                                                  "voting in person, the district’s maximum.",
                                                  over),
                                     over, maximum);
    else
      description = g_strdup_printf (_("Every station is within the district’s maximum of %s "
                                       "electors voting in person."), maximum);
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->stations_group),
                                           description);
  }
  show_stations (self);
  show_districts (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "plan");
}

/**
 * ed_plan_pane_reload:
 * @self: the pane
 *
 * Works the plan out afresh in a job; the plan shown stays until the new one is ready.
 */
void
ed_plan_pane_reload (EdPlanPane *self)
{
  g_return_if_fail (ED_IS_PLAN_PANE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->context == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  if (self->plan == NULL)
    {
      gtk_spinner_start (GTK_SPINNER (self->spinner));
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
    }
  ed_station_plan_compute_async (self->context, self->cancellable, plan_computed_cb,
                                 g_object_ref (self));
}

/**
 * ed_plan_pane_is_ready:
 * @self: the pane
 *
 * Returns: whether the plan shown is the one last asked for
 */
gboolean
ed_plan_pane_is_ready (EdPlanPane *self)
{
  g_return_val_if_fail (ED_IS_PLAN_PANE (self), FALSE);
  return self->cancellable == NULL && self->plan != NULL;
}

void
ed_plan_pane_set_context (EdPlanPane *self,
                          EdContext  *context)
{
  g_return_if_fail (ED_IS_PLAN_PANE (self));

  g_set_object (&self->context, context);
  g_clear_pointer (&self->plan, ed_station_plan_free);
  ed_plan_pane_reload (self);
}

static void
station_saved_cb (EdPlanPane *self)
{
  ed_plan_pane_reload (self);
}

static void
station_activated_cb (EdPlanPane    *self,
                      GtkListBoxRow *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *place = g_object_get_data (G_OBJECT (row), "place-id");
  const char *station = g_object_get_data (G_OBJECT (row), "station-id");
  EdStationEditor *editor;

  if (self->context == NULL || place == NULL || *place == '\0')
    return;
  editor = ed_station_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->context, place, station);
  if (editor == NULL)
    return;
  g_signal_connect_object (editor, "saved", G_CALLBACK (station_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Splitting a station ----------------------------------------------------------------------- */

typedef struct
{
  EdPlanPane *self;
  char       *station_id;
  GPtrArray  *streets;      /* EdPlanStreet, pointing into self->plan */
  GPtrArray  *checks;       /* GtkCheckButton, one per street */
  GtkWidget  *preview;
  AdwMessageDialog *dialog;
} Split;

static void
split_free (gpointer  data,
            GClosure *closure)
{
  Split *split = data;

  g_object_unref (split->self);
  g_free (split->station_id);
  g_ptr_array_unref (split->streets);
  g_ptr_array_unref (split->checks);
  g_free (split);
}

static GStrv
chosen_streets (Split *split)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < split->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (split->checks, i)))
      g_strv_builder_add (builder,
                          ((EdPlanStreet *)g_ptr_array_index (split->streets, i))->street);
  return g_strv_builder_end (builder);
}

static char *
half_text (const char          *heading,
           const EdStationHalf *half)
{
  g_autofree char *in_person = count_text (half->in_person);
  g_autofree char *staffing = staffing_text (&half->recommended);

  /* Translators: which half of a split station, its electors voting in person, then the staff
   * recommended for them */
  return g_strdup_printf (_("%s: %s electors in person, staff %s%s"), heading, in_person,
                          staffing, half->over_maximum ? _(", still over the maximum") : "");
}

static void
update_split_preview (Split *split)
{
  g_auto(GStrv) streets = chosen_streets (split);
  g_autoptr(GError) error = NULL;
  EdStationSplitPreview preview = { 0 };
  g_autofree char *staying = NULL, *moving = NULL, *text = NULL;

  if (split->self->plan == NULL ||
      !ed_station_split_preview (split->self->plan, split->station_id,
                                 (const char * const *)streets, &preview, &error))
    {
      gtk_label_set_text (GTK_LABEL (split->preview), error != NULL ? error->message : "");
      adw_message_dialog_set_response_enabled (split->dialog, "split", FALSE);
      return;
    }
  staying = half_text (_("Stays"), &preview.staying);
  moving = half_text (_("New station"), &preview.moving);
  text = g_strdup_printf ("%s\n%s", staying, moving);
  gtk_label_set_text (GTK_LABEL (split->preview), text);
  adw_message_dialog_set_response_enabled (split->dialog, "split",
                                           g_strv_length (streets) > 0 &&
                                             preview.staying.in_person > 0);
  ed_station_split_preview_clear (&preview);
}

static void
split_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Split            *split)
{
  g_auto(GStrv) streets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;

  if (!g_str_equal (response, "split"))
    return;
  streets = chosen_streets (split);
  if (!ed_station_split_apply (split->self->context, split->station_id,
                               (const char * const *)streets, NULL, &new_id, &error))
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (split->self->toasts),
                                   adw_toast_new (error->message));
      return;
    }
  ed_plan_pane_reload (split->self);
}

static void
open_split (EdPlanPane          *self,
            const EdPlanStation *station)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Split *split = g_new0 (Split, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autofree char *heading = g_strdup_printf (_("Split Station %s"), station->code);

  split->self = g_object_ref (self);
  split->station_id = g_strdup (station->id);
  split->streets = ed_station_plan_list_streets (self->plan, station->id);
  split->checks = g_ptr_array_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Streets to move to the new station"), -1);
  for (guint i = 0; i < split->streets->len; i++)
    {
      EdPlanStreet *street = g_ptr_array_index (split->streets, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *title = g_strdup_printf ("%s: %s", street->polling_district_code,
                                                street->street);
      g_autofree char *in_person = count_text (street->in_person);
      g_autofree char *subtitle = g_strdup_printf (_("%s electors in person"), in_person);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_split_preview), split);
      g_ptr_array_add (split->checks, check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  split->preview = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (split->preview), TRUE);
  gtk_label_set_xalign (GTK_LABEL (split->preview), 0.0);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), split->preview);

  split->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root)
                                                                ? GTK_WINDOW (root) : NULL,
                                                              heading,
                                                              _("Choose the streets that move to "
                                                                "a new station in the same "
                                                                "place. Addresses sent to the "
                                                                "station by hand stay with it.")));
  adw_message_dialog_set_extra_child (split->dialog, box);
  adw_message_dialog_add_responses (split->dialog, "cancel", _("_Cancel"), "split", _("_Split"),
                                    NULL);
  adw_message_dialog_set_response_appearance (split->dialog, "split", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (split->dialog, "cancel");
  update_split_preview (split);
  g_signal_connect_data (split->dialog, "response", G_CALLBACK (split_response_cb), split,
                         split_free, 0);
  ed_accessible_name_buttons (GTK_WIDGET (split->dialog));
  gtk_window_present (GTK_WINDOW (split->dialog));
}

/* A district's expected new homes ------------------------------------------------------------ */

typedef struct
{
  EdPlanPane *self;
  char       *district;
  GtkWidget  *homes;
  GtkWidget  *electors;
  GtkWidget  *note;
} Growth;

static void
growth_free (gpointer  data,
             GClosure *closure)
{
  Growth *growth = data;

  g_object_unref (growth->self);
  g_free (growth->district);
  g_free (growth);
}

static void
growth_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Growth           *growth)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *homes_text = NULL;
  guint64 homes = 0;
  gint64 electors = 0;

  if (!g_str_equal (response, "save"))
    return;
  homes_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (growth->homes))));
  if (*homes_text != '\0' &&
      !g_ascii_string_to_unsigned (homes_text, 10, 0, ED_DISTRICT_GROWTH_MAX_DWELLINGS, &homes,
                                   NULL))
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (growth->self->toasts),
                                   adw_toast_new (_("Expected the new homes as a whole number "
                                                    "from 0 to 100,000.")));
      return;
    }
  if (!ed_district_growth_parse_electors (gtk_editable_get_text (GTK_EDITABLE (growth->electors)),
                                          &electors, &error) ||
      !ed_district_growth_set (growth->self->context, growth->district, (gint64)homes, electors,
                               gtk_editable_get_text (GTK_EDITABLE (growth->note)), &error))
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (growth->self->toasts),
                                   adw_toast_new (error->message));
      return;
    }
  ed_plan_pane_reload (growth->self);
}

static GtkWidget *
growth_entry (GtkWidget  *list,
              const char *title,
              const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
district_activated_cb (EdPlanPane    *self,
                       GtkListBoxRow *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *district = g_object_get_data (G_OBJECT (row), "district-id");
  const char *code = g_object_get_data (G_OBJECT (row), "district-code");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDistrictGrowth) stored = NULL;
  g_autofree char *heading = NULL, *homes = NULL, *electors = NULL;
  GtkWidget *list;
  AdwMessageDialog *dialog;
  Growth *growth;

  if (self->context == NULL || district == NULL)
    return;
  stored = ed_district_growth_get (self->context, district, &error);
  if (stored == NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts),
                                   adw_toast_new (error->message));
      return;
    }
  growth = g_new0 (Growth, 1);
  growth->self = g_object_ref (self);
  growth->district = g_strdup (district);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  homes = g_strdup_printf ("%" G_GINT64_FORMAT, stored->dwellings);
  electors = stored->electors_per_dwelling_x100 > 0
               ? g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT,
                                  stored->electors_per_dwelling_x100 / 100,
                                  stored->electors_per_dwelling_x100 % 100)
               : g_strdup ("");
  growth->homes = growth_entry (list, _("New homes in the next five years"), homes);
  growth->electors = growth_entry (list, _("Electors in each (empty for today’s figure)"),
                                   electors);
  growth->note = growth_entry (list, _("Where the figure comes from"), stored->note);

  /* Translators: %s is a polling district's code */
  heading = g_strdup_printf (_("New Homes in %s"), code);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                             : NULL,
                                                       heading,
                                                       _("The polling plan projects the "
                                                         "district’s electorate in five years "
                                                         "from the homes expected to be built "
                                                         "there.")));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (growth_response_cb), growth,
                         growth_free, 0);
  ed_accessible_name_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The pane ---------------------------------------------------------------------------------- */

static void
ed_plan_pane_dispose (GObject *object)
{
  EdPlanPane *self = ED_PLAN_PANE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->plan, ed_station_plan_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ed_plan_pane_parent_class)->dispose (object);
}

static void
ed_plan_pane_class_init (EdPlanPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_plan_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/electoraldesk/ElectoralDesk/"
                                               "stations/ed-plan-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, EdPlanPane, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdPlanPane, stack);
  gtk_widget_class_bind_template_child (widget_class, EdPlanPane, spinner);
  gtk_widget_class_bind_template_child (widget_class, EdPlanPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EdPlanPane, stations_group);
  gtk_widget_class_bind_template_child (widget_class, EdPlanPane, stations_list);
  gtk_widget_class_bind_template_child (widget_class, EdPlanPane, districts_list);
  gtk_widget_class_bind_template_callback (widget_class, station_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, district_activated_cb);
}

static void
ed_plan_pane_init (EdPlanPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
