/* ed-register-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ed-elector-list-model.h"
#include "ed-elector-edit.h"
#include "ed-elector-editor.h"
#include "ed-elector-row.h"
#include "ed-franchise.h"
#include "ed-register-household.h"
#include "ed-import-dialog.h"
#include "ed-notice-dialog.h"
#include "ed-register-page.h"
#include "ed-register-print.h"
#include "ed-register-search.h"
#include "ed-revise-dialog.h"
#include "ed-supply-dialog.h"

/* The register module: every elector in register order, or the matches for what is typed in
 * the search entry. The whole register is a lazy model (DESIGN.md §2); search results are a
 * bounded list, so they can be a plain GListStore. */

/* Enough to find anyone by a few letters of a name or a postcode; a longer list is a sign
 * to type more, not to scroll. */
#define SEARCH_LIMIT 500

struct _EdRegisterPage
{
  EdModulePage        parent_instance;

  EdContext          *context;
  EdElectorListModel *register_model;
  GtkSearchEntry     *search_entry;
  GtkLabel           *status_label;
  GtkSingleSelection *selection;
  GtkColumnView      *column_view;

  /* Filters: the dropdowns' positions map to the tables below and to districts. */
  GtkDropDown        *district_dropdown;
  GtkDropDown        *marker_dropdown;
  GtkDropDown        *absent_vote_dropdown;
  GtkToggleButton    *attainers_button;
  GtkDropDown        *pending_dropdown;
  GtkWidget          *clear_filters_button;
  GPtrArray          *districts;   /* EdPollingDistrictRef, after "All polling districts" */

  GtkRevealer        *household_revealer;
  GtkToggleButton    *household_button;
  GtkBox             *household_box;
};

G_DEFINE_FINAL_TYPE (EdRegisterPage, ed_register_page, ED_TYPE_MODULE_PAGE)

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_NAME,
  COLUMN_ADDRESS,
  COLUMN_POSTCODE,
  COLUMN_MARKER,
  COLUMN_ABSENT_VOTE,
} Column;

static const char *
absent_vote_text (EdElectorRow *row)
{
  const char *absent_vote = ed_elector_row_get_absent_vote (row);

  if (g_str_equal (absent_vote, "postal"))
    return _("Postal");
  if (g_str_equal (absent_vote, "proxy"))
    return _("Proxy");
  if (g_str_equal (absent_vote, "postal_proxy"))
    return _("Postal proxy");
  return "";
}

static const char *
cell_text (EdElectorRow *row,
           Column        column)
{
  gboolean anonymous = ed_elector_row_get_anonymous (row);

  /* An anonymous entry is printed as its number and "N", and nothing else. */
  switch (column)
    {
    case COLUMN_NUMBER:
      return ed_elector_row_get_number (row);
    case COLUMN_NAME:
      return anonymous ? C_("anonymous elector", "N") : ed_elector_row_get_name (row);
    case COLUMN_ADDRESS:
      return anonymous ? "" : ed_elector_row_get_address (row);
    case COLUMN_POSTCODE:
      return anonymous ? "" : ed_elector_row_get_postcode (row);
    case COLUMN_MARKER:
      return anonymous ? "" : ed_elector_row_get_marker (row);
    case COLUMN_ABSENT_VOTE:
      return anonymous ? "" : absent_vote_text (row);
    default:
      g_return_val_if_reached ("");
    }
}

static gboolean
unparent_idle_cb (gpointer data)
{
  gtk_widget_unparent (GTK_WIDGET (data));
  return G_SOURCE_REMOVE;
}

/* Unparented once its action has run: the menu activates it after it closes. */
static void
row_menu_closed_cb (GtkPopover *popover)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unparent_idle_cb, g_object_ref (popover),
                   g_object_unref);
}

/* A right click on a row selects it and offers what can be done with it. */
static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *item)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *page = gtk_widget_get_ancestor (label, ED_TYPE_REGISTER_PAGE);
  g_autoptr(GMenu) menu = NULL;
  GtkWidget *popover;
  GdkRectangle pointing = { (int)x, (int)y, 1, 1 };

  if (page == NULL || gtk_list_item_get_item (item) == NULL)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (ED_REGISTER_PAGE (page)->selection),
                                   gtk_list_item_get_position (item), TRUE);
  menu = g_menu_new ();
  g_menu_append (menu, _("Show _Household"), "register.show-household");
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, label);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &pointing);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  g_signal_connect (popover, "closed", G_CALLBACK (row_menu_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkGesture *context_click = gtk_gesture_click_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context_click), GDK_BUTTON_SECONDARY);
  g_signal_connect (context_click, "pressed", G_CALLBACK (cell_pressed_cb), item);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (context_click));
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  EdElectorRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  /* The lazy model gives no item for a row it could not read; show a blank line. */
  gtk_label_set_text (label, row != NULL ? cell_text (row, GPOINTER_TO_UINT (user_data)) : "");
}

static void
add_column (EdRegisterPage *self,
            const char     *title,
            Column          column_id,
            gboolean        expand,
            int             fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (column_id));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

/* Counts read "60,000 electors" in every locale: the C locale groups no digits, and a
 * six-digit count without a separator is misread at a glance. */
static char *
format_count (guint n)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *text = g_string_new (NULL);
  gsize len = strlen (digits);

  if (separator == NULL || separator[0] == '\0')
    separator = ",";
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

/* The filters' choices, in their dropdowns' order. */
static const struct
{
  const char *marker;
  const char *label;
} marker_options[] = {
  { NULL, N_("All markers") },
  { ED_REGISTER_FILTER_ANY_MARKER, N_("Any marker") },
  { "", N_("No marker") },
};

static const EdFranchiseMarker marker_letters[] = {
  ED_FRANCHISE_MARKER_OVERSEAS,
  ED_FRANCHISE_MARKER_PEER,
  ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN,
  ED_FRANCHISE_MARKER_EU_CITIZEN,
  ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL,
  ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN,
  ED_FRANCHISE_MARKER_LEGACY_E,
  ED_FRANCHISE_MARKER_LEGACY_K,
};

static const char *const absent_vote_options[] = {
  [ED_ABSENT_VOTE_FILTER_ALL] = N_("All absent votes"),
  [ED_ABSENT_VOTE_FILTER_POSTAL] = N_("Postal"),
  [ED_ABSENT_VOTE_FILTER_PROXY] = N_("Proxy"),
  [ED_ABSENT_VOTE_FILTER_POSTAL_PROXY] = N_("Postal proxy"),
  [ED_ABSENT_VOTE_FILTER_ANY] = N_("Any absent vote"),
  [ED_ABSENT_VOTE_FILTER_NONE] = N_("Votes in person"),
};

static const char *const pending_options[] = {
  [ED_PENDING_FILTER_ALL] = N_("All entries"),
  [ED_PENDING_FILTER_ADDITION] = N_("Pending addition"),
  [ED_PENDING_FILTER_DELETION] = N_("Pending deletion"),
  [ED_PENDING_FILTER_ANY] = N_("Any pending change"),
};

static const char *
marker_letter (guint position)
{
  return ed_franchise_marker_to_letter (marker_letters[position],
                                        ED_FRANCHISE_WELSH_LETTER_DEFAULT);
}

/* The filter the bar shows; its strings belong to the page. */
static void
read_filter (EdRegisterPage   *self,
             EdRegisterFilter *filter)
{
  guint district = gtk_drop_down_get_selected (self->district_dropdown);
  guint marker = gtk_drop_down_get_selected (self->marker_dropdown);
  guint absent_vote = gtk_drop_down_get_selected (self->absent_vote_dropdown);
  guint pending = gtk_drop_down_get_selected (self->pending_dropdown);

  ed_register_filter_init (filter);
  if (district != GTK_INVALID_LIST_POSITION && district > 0 && self->districts != NULL &&
      district <= self->districts->len)
    filter->polling_district =
      ((EdPollingDistrictRef *)g_ptr_array_index (self->districts, district - 1))->id;
  if (marker != GTK_INVALID_LIST_POSITION && marker < G_N_ELEMENTS (marker_options))
    filter->marker = marker_options[marker].marker;
  else if (marker != GTK_INVALID_LIST_POSITION &&
           marker < G_N_ELEMENTS (marker_options) + G_N_ELEMENTS (marker_letters))
    filter->marker = marker_letter (marker - G_N_ELEMENTS (marker_options));
  if (absent_vote < G_N_ELEMENTS (absent_vote_options))
    filter->absent_vote = absent_vote;
  filter->attainers = gtk_toggle_button_get_active (self->attainers_button);
  if (pending < G_N_ELEMENTS (pending_options))
    filter->pending = pending;
}

static void update (EdRegisterPage *self);

static void
filter_changed_cb (EdRegisterPage *self)
{
  EdRegisterFilter filter;

  read_filter (self, &filter);
  gtk_widget_set_sensitive (self->clear_filters_button, !ed_register_filter_is_empty (&filter));
  if (self->register_model != NULL)
    ed_elector_list_model_set_filter (self->register_model, &filter);
  update (self);
}

static void
block_filter_signals (EdRegisterPage *self,
                      gboolean        block)
{
  GObject *controls[] = {
    G_OBJECT (self->district_dropdown), G_OBJECT (self->marker_dropdown),
    G_OBJECT (self->absent_vote_dropdown), G_OBJECT (self->attainers_button),
    G_OBJECT (self->pending_dropdown),
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    if (block)
      g_signal_handlers_block_by_func (controls[i], filter_changed_cb, self);
    else
      g_signal_handlers_unblock_by_func (controls[i], filter_changed_cb, self);
}

/* Back to the whole register, without counting it once per control. */
static void
reset_filters (EdRegisterPage *self)
{
  block_filter_signals (self, TRUE);
  gtk_drop_down_set_selected (self->district_dropdown, 0);
  gtk_drop_down_set_selected (self->marker_dropdown, 0);
  gtk_drop_down_set_selected (self->absent_vote_dropdown, 0);
  gtk_toggle_button_set_active (self->attainers_button, FALSE);
  gtk_drop_down_set_selected (self->pending_dropdown, 0);
  block_filter_signals (self, FALSE);
  gtk_widget_set_sensitive (self->clear_filters_button, FALSE);
}

static void
clear_filters_cb (EdRegisterPage *self)
{
  reset_filters (self);
  filter_changed_cb (self);
}

static void
load_districts (EdRegisterPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->districts, g_ptr_array_unref);
  gtk_string_list_append (labels, _("All polling districts"));
  if (self->context != NULL)
    {
      self->districts = ed_register_polling_districts (self->context, &error);
      if (self->districts == NULL)
        g_warning ("Could not read the polling districts: %s", error->message);
    }
  for (guint i = 0; self->districts != NULL && i < self->districts->len; i++)
    {
      EdPollingDistrictRef *ref = g_ptr_array_index (self->districts, i);
      /* Translators: a polling district in the filter: its code and its name */
      g_autofree char *label = g_strdup_printf (_("%s — %s"), ref->code, ref->name);

      gtk_string_list_append (labels, label);
    }
  block_filter_signals (self, TRUE);
  gtk_drop_down_set_model (self->district_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->district_dropdown, 0);
  block_filter_signals (self, FALSE);
}

static GtkDropDown *
filter_dropdown (GtkWidget     *bar,
                 const char    *accessible_label,
                 GtkStringList *labels)
{
  /* The dropdown takes a reference of its own: the caller keeps @labels. */
  GtkDropDown *dropdown =
    GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), accessible_label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (dropdown));
  return dropdown;
}

static GtkWidget *
build_filter_bar (EdRegisterPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GtkStringList) districts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) markers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) absent_votes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) pending = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);

  gtk_string_list_append (districts, _("All polling districts"));
  for (guint i = 0; i < G_N_ELEMENTS (marker_options); i++)
    gtk_string_list_append (markers, _(marker_options[i].label));
  for (guint i = 0; i < G_N_ELEMENTS (marker_letters); i++)
    {
      /* Translators: a franchise marker in the filter: its letter and what it means */
      g_autofree char *label =
        g_strdup_printf (_("%s (%s)"), marker_letter (i),
                         ed_franchise_marker_get_display_name (marker_letters[i]));

      gtk_string_list_append (markers, label);
    }
  for (guint i = 0; i < G_N_ELEMENTS (absent_vote_options); i++)
    gtk_string_list_append (absent_votes, _(absent_vote_options[i]));
  for (guint i = 0; i < G_N_ELEMENTS (pending_options); i++)
    gtk_string_list_append (pending, _(pending_options[i]));

  self->district_dropdown = filter_dropdown (bar, _("Polling district"), districts);
  /* A large district has hundreds: let them be found by typing. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->district_dropdown, expression);
  gtk_drop_down_set_enable_search (self->district_dropdown, TRUE);
  self->marker_dropdown = filter_dropdown (bar, _("Marker"), markers);
  self->absent_vote_dropdown = filter_dropdown (bar, _("Absent vote"), absent_votes);

  self->attainers_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Attainers")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attainers_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attainers"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->attainers_button),
                               _("Only attainers, who reach voting age soon"));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->attainers_button));

  self->pending_dropdown = filter_dropdown (bar, _("Pending"), pending);

  self->clear_filters_button = gtk_button_new_from_icon_name ("edit-clear-all-symbolic");
  gtk_widget_set_tooltip_text (self->clear_filters_button, _("Clear Filters (Escape)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_filters_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clear filters"), -1);
  gtk_widget_set_sensitive (self->clear_filters_button, FALSE);
  gtk_box_append (GTK_BOX (bar), self->clear_filters_button);
  g_signal_connect_swapped (self->clear_filters_button, "clicked",
                            G_CALLBACK (clear_filters_cb), self);

  g_signal_connect_swapped (self->district_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->marker_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->absent_vote_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->attainers_button, "toggled",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->pending_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  return bar;
}

static const char *
absent_vote_label (const char *absent_vote)
{
  if (g_str_equal (absent_vote, "postal"))
    return _("Postal");
  if (g_str_equal (absent_vote, "proxy"))
    return _("Proxy");
  if (g_str_equal (absent_vote, "postal_proxy"))
    return _("Postal proxy");
  return "";
}

static const char *
status_label (const char *status)
{
  if (g_str_equal (status, "pending_addition"))
    return _("Pending addition");
  if (g_str_equal (status, "pending_deletion"))
    return _("Pending deletion");
  return _("Current");
}

static GtkWidget *
household_label (const char *text,
                 const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One elector of the household: number and name, then marker, absent vote and status. */
static GtkWidget *
household_elector (EdElectorSummary *summary)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *title = g_strdup_printf ("%s  %s", summary->number, summary->name);
  g_autoptr(GString) details = g_string_new (NULL);
  const char *absent_vote = absent_vote_label (summary->absent_vote);

  if (summary->marker[0] != '\0')
    /* Translators: a franchise marker letter in the household view */
    g_string_append_printf (details, _("Marker %s"), summary->marker);
  if (absent_vote[0] != '\0')
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", absent_vote);
  g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "",
                          status_label (summary->status));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), household_label (title, NULL));
  gtk_box_append (GTK_BOX (box), household_label (details->str, "dim-label"));
  return box;
}

static void
show_household (EdRegisterPage *self)
{
  EdElectorRow *row = NULL;
  g_autoptr(EdHousehold) household = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GtkWidget *list;
  g_autofree char *address = NULL;
  g_autofree char *uprn = NULL;
  g_autofree char *district = NULL;
  g_autofree char *heading = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->household_box))) != NULL)
    gtk_box_remove (self->household_box, child);
  gtk_box_append (self->household_box, household_label (_("Household"), "title-4"));

  if (!gtk_revealer_get_reveal_child (self->household_revealer))
    return;
  if (self->context != NULL)
    row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    {
      gtk_box_append (self->household_box,
                      household_label (_("Select an elector to see everyone at their address."),
                                       "dim-label"));
      return;
    }
  /* An anonymous entry's address is never shown with it (RPR 2001 reg 41A). */
  if (ed_elector_row_get_anonymous (row) || ed_elector_row_get_property (row)[0] == '\0')
    {
      gtk_box_append (self->household_box,
                      household_label (_("This entry has no address to show."), "dim-label"));
      return;
    }
  household = ed_register_household (self->context, ed_elector_row_get_property (row), &error);
  if (household == NULL)
    {
      g_warning ("Could not read the household: %s", error->message);
      gtk_box_append (self->household_box,
                      household_label (_("The household could not be read"), "dim-label"));
      return;
    }

  address = g_strjoinv ("\n", household->address_lines);
  gtk_box_append (self->household_box, household_label (address, NULL));
  /* Translators: the property's Unique Property Reference Number */
  uprn = household->uprn > 0 ? g_strdup_printf (_("UPRN %" G_GINT64_FORMAT), household->uprn)
                             : g_strdup (_("No UPRN"));
  gtk_box_append (self->household_box, household_label (uprn, "dim-label"));
  /* Translators: the property's polling district: its code and its name */
  district = g_strdup_printf (_("Polling district %s — %s"), household->polling_district_code,
                              household->polling_district_name);
  gtk_box_append (self->household_box, household_label (district, "dim-label"));

  heading = g_strdup_printf (ngettext ("%u elector", "%u electors", household->electors->len),
                             household->electors->len);
  gtk_box_append (self->household_box, household_label (heading, "heading"));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Electors at this address"), -1);
  for (guint i = 0; i < household->electors->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         household_elector (g_ptr_array_index (household->electors, i)));
  gtk_box_append (self->household_box, list);
}

static void
show_household_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);

  if (gtk_toggle_button_get_active (self->household_button))
    show_household (self);
  else
    gtk_toggle_button_set_active (self->household_button, TRUE);
}

static void
household_toggled_cb (EdRegisterPage *self)
{
  gtk_revealer_set_reveal_child (self->household_revealer,
                                 gtk_toggle_button_get_active (self->household_button));
  show_household (self);
}

static gboolean
toggle_household_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  gtk_toggle_button_set_active (self->household_button,
                                !gtk_toggle_button_get_active (self->household_button));
  return TRUE;
}

/* Escape from anywhere on the page: the whole register again, and the list to move in. */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);
  EdRegisterFilter filter;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  read_filter (self, &filter);
  if (text[0] == '\0' && ed_register_filter_is_empty (&filter) &&
      gtk_widget_has_focus (GTK_WIDGET (self->column_view)))
    return FALSE;
  if (!ed_register_filter_is_empty (&filter))
    clear_filters_cb (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  return TRUE;
}

static void
show_register (EdRegisterPage *self)
{
  g_autofree char *status = NULL;
  g_autofree char *count = NULL;
  EdRegisterFilter filter;
  guint total = 0;
  guint n;

  if (self->register_model == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      gtk_label_set_text (self->status_label, "");
      return;
    }

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->register_model));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->register_model));
  count = format_count (n);
  read_filter (self, &filter);
  if (ed_register_filter_is_empty (&filter) || !ed_register_count (self->context, &total, NULL))
    /* Translators: how many electors the whole register holds; %s is the number with its
     * digits grouped ("60,000") */
    status = g_strdup_printf (ngettext ("%s elector", "%s electors", n), count);
  else
    {
      g_autofree char *total_text = format_count (total);

      /* Translators: how many electors the filters keep, of the whole register: "1,234 of
       * 60,000 electors" */
      status = g_strdup_printf (ngettext ("%s of %s elector", "%s of %s electors", total),
                                count, total_text);
    }
  gtk_label_set_text (self->status_label, status);
}

static void
show_search (EdRegisterPage *self,
             const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autofree char *status = NULL;
  g_autofree char *count = NULL;
  EdRegisterFilter filter;

  read_filter (self, &filter);
  summaries = ed_register_search_filtered (self->context, text, &filter, SEARCH_LIMIT, &error);
  if (summaries == NULL)
    {
      g_warning ("Could not search the register: %s", error->message);
      gtk_single_selection_set_model (self->selection, NULL);
      gtk_label_set_text (self->status_label, _("The register could not be searched"));
      return;
    }

  store = g_list_store_new (ED_TYPE_ELECTOR_ROW);
  /* The rows take over the summaries. */
  g_ptr_array_set_free_func (summaries, NULL);
  for (guint i = 0; i < summaries->len; i++)
    {
      g_autoptr(EdElectorRow) row = ed_elector_row_new (g_ptr_array_index (summaries, i));

      g_list_store_append (store, row);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (store));

  count = format_count (summaries->len);
  if (summaries->len == 0)
    /* Translators: the search found nobody; %s is what was typed */
    status = g_strdup_printf (_("No elector matches “%s”"), text);
  else if (summaries->len >= SEARCH_LIMIT)
    /* Translators: the search stopped at its limit; type more to narrow it; %s is the
     * limit with its digits grouped */
    status = g_strdup_printf (_("First %s matches"), count);
  else
    /* Translators: %s is the number of matches with its digits grouped */
    status = g_strdup_printf (ngettext ("%s match", "%s matches", summaries->len), count);
  gtk_label_set_text (self->status_label, status);
}

static void
update (EdRegisterPage *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *text = g_strstrip (g_strdup (typed));

  if (self->context == NULL || text[0] == '\0')
    show_register (self);
  else
    show_search (self, text);
}

/* After the editor saves, the list shows the register as it now is, with the selection
 * where it was: on the edited entry, or on the household an elector was added to. */
static void
editor_saved_cb (EdElectorEditor *editor,
                 const char      *elector_id,
                 EdRegisterPage  *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  GListModel *model;

  if (self->register_model != NULL)
    ed_elector_list_model_refresh (self->register_model);
  update (self);
  model = gtk_single_selection_get_model (self->selection);
  if (model != NULL && position != GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (model) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (position, g_list_model_get_n_items (model) - 1));
}

static void
open_editor (EdRegisterPage *self,
             const char     *elector_id,
             const char     *property_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EdElectorEditor *editor;

  editor = ed_elector_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->context, elector_id, property_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Enter or a double click on a row. */
static void
row_activated_cb (GtkColumnView  *view,
                  guint           position,
                  EdRegisterPage *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(EdElectorRow) row = NULL;

  if (self->context == NULL || model == NULL)
    return;
  row = g_list_model_get_item (model, position);
  if (row != NULL)
    open_editor (self, ed_elector_row_get_id (row), NULL);
}

/* A new elector, at the selected elector's address if there is one. */
static void
add_elector (EdRegisterPage *self)
{
  EdElectorRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(EdElectorEdit) selected = NULL;

  if (row != NULL)
    selected = ed_elector_edit_load (self->context, ed_elector_row_get_id (row), NULL);
  open_editor (self, NULL,
               selected != NULL && !selected->other_elector ? selected->property : NULL);
}

/* Ctrl+N, window-wide: only while the register is showing. */
static gboolean
add_elector_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);

  if (!gtk_widget_get_mapped (widget) || self->context == NULL)
    return FALSE;
  add_elector (self);
  return TRUE;
}

static void
add_elector_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);

  if (self->context != NULL)
    add_elector (self);
}

static void
stop_search_cb (EdRegisterPage *self)
{
  escape_cb (GTK_WIDGET (self), NULL, NULL);
}

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);

  /* The shortcut is window-wide; leave Ctrl+F alone while another module is showing. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
ed_register_page_set_context (EdModulePage *page,
                              EdContext    *context)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (page);

  g_set_object (&self->context, context);
  g_clear_object (&self->register_model);
  if (context != NULL)
    self->register_model = ed_elector_list_model_new (context);
  /* Nor do its filters. */
  reset_filters (self);
  load_districts (self);

  /* A search in one district means nothing in the next. */
  g_signal_handlers_block_by_func (self->search_entry, update, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, update, self);
  update (self);
  show_household (self);
}

static void
ed_register_page_dispose (GObject *object)
{
  EdRegisterPage *self = (EdRegisterPage *)object;

  g_clear_object (&self->register_model);
  g_clear_object (&self->context);
  g_clear_pointer (&self->districts, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_register_page_parent_class)->dispose (object);
}

/* An import changes the whole register: read it again, from the top. */
static void
register_imported_cb (EdRegisterPage *self)
{
  if (self->context != NULL)
    ed_module_page_set_context (ED_MODULE_PAGE (self), self->context);
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);
  EdImportDialog *dialog;

  if (self->context == NULL)
    return;
  dialog = ed_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (register_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_supply_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);

  if (self->context == NULL)
    return;
  gtk_window_present (GTK_WINDOW (ed_supply_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                        self->context)));
}

/* Notices go where an officer keeps documents, not beside the district file, which lives in
 * the application's own data folder. */
static char *
default_notice_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  return g_build_filename (documents != NULL ? documents : g_get_home_dir (),
                           _("Electoral Desk"), _("Notices"), NULL);
}

/* Publishing resolves pending additions and deletions, so the list is read again. */
static void
notice_published_cb (EdRegisterPage *self)
{
  if (self->context != NULL)
    ed_module_page_set_context (ED_MODULE_PAGE (self), self->context);
}

static void
publish_notice_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);
  g_autofree char *folder = NULL;
  EdNoticeDialog *dialog;

  if (self->context == NULL)
    return;
  folder = default_notice_folder ();
  dialog = ed_notice_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context, folder);
  g_signal_connect_object (dialog, "published", G_CALLBACK (notice_published_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The revised register renumbers every entry, so the list is read again. */
static void
revise_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);
  EdReviseDialog *dialog;

  if (self->context == NULL)
    return;
  dialog = ed_revise_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context, NULL);
  g_signal_connect_object (dialog, "revised", G_CALLBACK (notice_published_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);

  if (self->context != NULL)
    ed_register_print_start (widget, self->context, g_variant_get_string (parameter, NULL),
                             g_str_equal (action_name, "register.export-pdf"));
}

static void
ed_register_page_class_init (EdRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EdModulePageClass *page_class = ED_MODULE_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_register_page_dispose;
  page_class->set_context = ed_register_page_set_context;

  gtk_widget_class_install_action (widget_class, "register.show-household", NULL,
                                   show_household_action_cb);
  gtk_widget_class_install_action (widget_class, "register.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "register.print", "s", print_action_cb);
  gtk_widget_class_install_action (widget_class, "register.export-pdf", "s", print_action_cb);
  gtk_widget_class_install_action (widget_class, "register.record-supply", NULL,
                                   record_supply_action_cb);
  gtk_widget_class_install_action (widget_class, "register.publish-notice", NULL,
                                   publish_notice_action_cb);
  gtk_widget_class_install_action (widget_class, "register.revise", NULL, revise_action_cb);
  gtk_widget_class_install_action (widget_class, "register.add-elector", NULL,
                                   add_elector_action_cb);
}

static void
ed_register_page_init (EdRegisterPage *self)
{
  GtkWidget *content;
  GtkWidget *search_box;
  GtkWidget *scrolled;
  GtkWidget *filter_bar;
  GtkWidget *panes;
  GtkWidget *household_scrolled;
  GtkWidget *spacer;
  GtkEventController *shortcuts;
  GtkEventController *local_shortcuts;

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  search_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (search_box, 12);
  gtk_widget_set_margin_end (search_box, 12);
  gtk_widget_set_margin_top (search_box, 6);
  gtk_widget_set_margin_bottom (search_box, 6);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text",
                _("Search by name, address, postcode or elector number"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the register"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb),
                            self);
  /* Typing anywhere on the page starts a search, as in a file chooser. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (search_box), GTK_WIDGET (self->search_entry));

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_box_append (GTK_BOX (search_box), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (content), search_box);
  filter_bar = build_filter_bar (self);
  gtk_box_append (GTK_BOX (content), filter_bar);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->column_view =
    GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (self->selection)));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (row_activated_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Register"), -1);
  /* Widths that fit every column in the window's default size; Name and Address take what
   * a wider window gives. */
  add_column (self, _("Number"), COLUMN_NUMBER, FALSE, 76);
  add_column (self, _("Name"), COLUMN_NAME, TRUE, 170);
  add_column (self, _("Address"), COLUMN_ADDRESS, TRUE, 190);
  add_column (self, _("Postcode"), COLUMN_POSTCODE, FALSE, 76);
  add_column (self, _("Marker"), COLUMN_MARKER, FALSE, 60);
  add_column (self, _("Absent vote"), COLUMN_ABSENT_VOTE, FALSE, 96);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_hexpand (scrolled, TRUE);

  /* The household of the selected elector, beside the list (Alt+H). */
  panes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (panes), scrolled);
  self->household_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_margin_start (GTK_WIDGET (self->household_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->household_box), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->household_box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->household_box), 12);
  household_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (household_scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (household_scrolled),
                                 GTK_WIDGET (self->household_box));
  gtk_widget_set_size_request (household_scrolled, 280, -1);
  gtk_widget_add_css_class (household_scrolled, "view");
  self->household_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->household_revealer,
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_LEFT);
  gtk_revealer_set_child (self->household_revealer, household_scrolled);
  gtk_accessible_update_property (GTK_ACCESSIBLE (household_scrolled),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Household"), -1);
  gtk_box_append (GTK_BOX (panes), GTK_WIDGET (self->household_revealer));
  gtk_box_append (GTK_BOX (content), panes);

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (filter_bar), spacer);
  self->household_button =
    GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Household")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->household_button),
                               _("Everyone at the selected elector’s address (Alt+H)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->household_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Household"), -1);
  gtk_box_append (GTK_BOX (filter_bar), GTK_WIDGET (self->household_button));
  g_signal_connect_swapped (self->household_button, "toggled",
                            G_CALLBACK (household_toggled_cb), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (show_household), self);
  show_household (self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                      gtk_callback_action_new (focus_search_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Alt>h"),
                      gtk_callback_action_new (toggle_household_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>n"),
                      gtk_callback_action_new (add_elector_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Escape only while the focus is on the page, after its controls had their say. */
  local_shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (local_shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                      gtk_callback_action_new (escape_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), local_shortcuts);

  /* The register's primary menu: moving registers in and copies out. */
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenu) section = g_menu_new ();
    GtkWidget *menu_button = gtk_menu_button_new ();

    g_menu_append (section, _("_Import Register…"), "register.import");
    g_menu_append (section, _("Record _Supply…"), "register.record-supply");
    g_menu_append (section, _("_Publish Notice of Alteration…"), "register.publish-notice");
    g_menu_append (section, _("Publish _Revised Register…"), "register.revise");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
    gtk_widget_set_tooltip_text (menu_button, _("Register Menu"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Register Menu"), -1);
    adw_header_bar_pack_end (ed_module_page_get_header_bar (ED_MODULE_PAGE (self)), menu_button);
  }
  adw_header_bar_pack_end (ed_module_page_get_header_bar (ED_MODULE_PAGE (self)),
                           ed_register_print_button_new ());

  /* Adding an elector is the page's everyday action, so it has a button as well as Ctrl+N. */
  {
    GtkWidget *add_button = gtk_button_new_from_icon_name ("list-add-symbolic");

    gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "register.add-elector");
    gtk_widget_set_tooltip_text (add_button, _("Add Elector (Ctrl+N)"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Add Elector"), -1);
    adw_header_bar_pack_start (ed_module_page_get_header_bar (ED_MODULE_PAGE (self)), add_button);
  }

  ed_module_page_set_content (ED_MODULE_PAGE (self), content);
}

EdModulePage *
ed_register_page_new (const char *title,
                      const char *icon_name)
{
  return g_object_new (ED_TYPE_REGISTER_PAGE, "title", title, "icon-name", icon_name, NULL);
}
