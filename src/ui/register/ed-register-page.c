/* ed-register-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-register"

#include "config.h"

#include <glib/gi18n.h>

#include "register/ed-elector-edit.h"
#include "register/ed-register-search.h"
#include "ui/ed-number-format.h"
#include "ui/ed-ui-resources.h"
#include "ui/register/ed-elector-editor.h"
#include "ui/register/ed-elector-row.h"
#include "ui/register/ed-household-pane.h"
#include "ui/register/ed-register-filter-bar.h"
#include "ui/register/ed-register-page-private.h"
#include "ui/register/ed-register-print.h"
#include "ui/widgets/ed-screenful-model.h"
#include "ui/widgets/ed-text-cell.h"

/* The register module: every elector in register order, or the matches for what is typed in
 * the search entry, narrowed by the filter bar. The whole register is a lazy model (DESIGN.md
 * §2); search results are a bounded list, so they can be a plain GListStore. The page is laid
 * out in ed-register-page.ui; the actions that open the register's dialogs are in
 * ed-register-page-actions.c. */

/* Enough to find anyone by a few letters of a name or a postcode; a longer list is a sign
 * to type more, not to scroll. */
#define SEARCH_LIMIT 500

G_DEFINE_FINAL_TYPE (EdRegisterPage, ed_register_page, ED_TYPE_MODULE_PAGE)

static EdElectorEditor *open_editor (EdRegisterPage *self,
                                     const char     *elector_id,
                                     const char     *property_id);

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_NAME,
  COLUMN_ADDRESS,
  COLUMN_POSTCODE,
  COLUMN_MARKER,
  COLUMN_ABSENT_VOTE,
  COLUMN_PENDING,
} Column;

static const char *
absent_vote_text (EdElectorRow *row)
{
  EdAbsentVote absent_vote = ed_elector_row_get_absent_vote (row);

  return absent_vote != ED_ABSENT_VOTE_NONE ? ed_absent_vote_get_display_name (absent_vote) : "";
}

/* What waits for the next notice: the entry's addition or deletion, or an amendment, which
 * the lists show at once but which is published only by its notice. */
static const char *
pending_text (EdElectorRow *row)
{
  switch (ed_elector_row_get_status (row))
    {
    case ED_ELECTOR_STATUS_PENDING_ADDITION:
      return ed_alteration_kind_get_display_name (ED_ALTERATION_ADDITION);
    case ED_ELECTOR_STATUS_PENDING_DELETION:
      return ed_alteration_kind_get_display_name (ED_ALTERATION_DELETION);
    case ED_ELECTOR_STATUS_CURRENT:
    case ED_N_ELECTOR_STATUSES:
    default:
      return ed_elector_row_get_amendment_pending (row)
               ? ed_alteration_kind_get_display_name (ED_ALTERATION_AMENDMENT)
               : "";
    }
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
    case COLUMN_PENDING:
      return pending_text (row);
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

/* The list item a cell of the register shows, found from any widget picked inside the cell. */
static GtkListItem *
list_item_at (GtkWidget *picked,
              GtkWidget *column_view)
{
  for (GtkWidget *widget = picked;
       widget != NULL && widget != column_view;
       widget = gtk_widget_get_parent (widget))
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (widget), "ed-list-item");

      if (item != NULL)
        return item;
    }
  return NULL;
}

/* A right click on a row selects it and offers what can be done with it. One gesture on the
 * whole view, not one per cell: the view keeps some two hundred rows of six cells alive. */
static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      EdRegisterPage  *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkListItem *item = list_item_at (gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT), view);
  GtkWidget *popover;
  GdkRectangle pointing = { (int)x, (int)y, 1, 1 };

  if (item == NULL || gtk_list_item_get_item (item) == NULL)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection),
                                   gtk_list_item_get_position (item), TRUE);
  popover = gtk_popover_menu_new_from_model (self->row_menu);
  gtk_widget_set_parent (popover, view);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &pointing);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  g_signal_connect (popover, "closed", G_CALLBACK (row_menu_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               EdRegisterPage           *self)
{
  GtkWidget *cell = ed_text_cell_new ();

  g_object_set_data (G_OBJECT (cell), "ed-list-item", item);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkListItem *item,
           Column       column)
{
  EdElectorRow *row = gtk_list_item_get_item (item);
  EdTextCell *cell = ED_TEXT_CELL (gtk_list_item_get_child (item));

  /* The lazy model gives no item for a row it could not read; show a blank line. */
  ed_text_cell_set_text (cell, row != NULL ? cell_text (row, column) : "");
}

/* The number's cell also names its row by the elector, "AB124 Carter, Ann", so a screen reader
 * moving through the register hears who each row is; a row that could not be read is silent. */
static void
bind_number_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EdRegisterPage           *self)
{
  EdElectorRow *row = gtk_list_item_get_item (item);
  g_autofree char *label = NULL;

  bind_cell (item, COLUMN_NUMBER);
  if (row != NULL)
    /* Translators: a row of the register as a screen reader says it: the elector's number,
     * then their name. */
    label = g_strdup_printf (C_("register row", "%s %s"), ed_elector_row_get_number (row),
                             ed_elector_row_get_name (row));
  ed_text_cell_set_row_label (ED_TEXT_CELL (gtk_list_item_get_child (item)),
                              label != NULL ? label : "");
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              EdRegisterPage           *self)
{
  bind_cell (item, COLUMN_NAME);
}

static void
bind_address_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EdRegisterPage           *self)
{
  bind_cell (item, COLUMN_ADDRESS);
}

static void
bind_postcode_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  EdRegisterPage           *self)
{
  bind_cell (item, COLUMN_POSTCODE);
}

static void
bind_marker_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EdRegisterPage           *self)
{
  bind_cell (item, COLUMN_MARKER);
}

static void
bind_absent_vote_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     EdRegisterPage           *self)
{
  bind_cell (item, COLUMN_ABSENT_VOTE);
}

static void
bind_pending_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EdRegisterPage           *self)
{
  bind_cell (item, COLUMN_PENDING);
}

static void
show_household (EdRegisterPage *self)
{
  EdElectorRow *row = NULL;

  /* Nothing is read for a hidden pane. */
  if (!gtk_revealer_get_reveal_child (self->household_revealer))
    {
      ed_household_pane_clear (self->household_pane);
      return;
    }
  if (self->context != NULL)
    row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    ed_household_pane_show_property (self->household_pane, NULL);
  /* An anonymous entry's address is never shown with it (RPR 2001 reg 41A). */
  else if (ed_elector_row_get_anonymous (row) || ed_elector_row_get_property (row)[0] == '\0')
    ed_household_pane_show_no_address (self->household_pane);
  else
    ed_household_pane_show_property (self->household_pane, ed_elector_row_get_property (row));
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

/* Alt+H */
static void
toggle_household_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);

  gtk_toggle_button_set_active (self->household_button,
                                !gtk_toggle_button_get_active (self->household_button));
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

  ed_register_filter_bar_get_filter (self->filter_bar, &filter);
  if (text[0] == '\0' && ed_register_filter_is_empty (&filter) &&
      gtk_widget_has_focus (GTK_WIDGET (self->column_view)))
    return FALSE;
  if (!ed_register_filter_is_empty (&filter))
    ed_register_filter_bar_clear (self->filter_bar);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  return TRUE;
}

/* The count under the list: the register's, or the filters' share of it. */
static void
show_register_status (EdRegisterPage *self)
{
  g_autofree char *status = NULL;
  g_autofree char *count = NULL;
  EdRegisterFilter filter;
  guint total = 0;
  guint n;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->register_model));
  count = ed_number_format_count (n);
  ed_register_filter_bar_get_filter (self->filter_bar, &filter);
  if (ed_register_filter_is_empty (&filter) || !ed_register_count (self->context, &total, NULL))
    /* Translators: how many electors the whole register holds; %s is the number with its
     * digits grouped ("60,000") */
    status = g_strdup_printf (ngettext ("%s elector", "%s electors", n), count);
  else
    {
      g_autofree char *total_text = ed_number_format_count (total);

      /* Translators: how many electors the filters keep, of the whole register: "1,234 of
       * 60,000 electors" */
      status = g_strdup_printf (ngettext ("%s of %s elector", "%s of %s electors", total),
                                count, total_text);
    }
  gtk_label_set_text (self->status_label, status);
}

static void
show_register (EdRegisterPage *self)
{
  if (self->register_model == NULL)
    {
      ed_screenful_set_model (GTK_WIDGET (self->column_view), self->selection, NULL);
      gtk_label_set_text (self->status_label, "");
      return;
    }

  gtk_widget_set_visible (self->more_button, FALSE);
  ed_screenful_set_model (GTK_WIDGET (self->column_view), self->selection,
                          G_LIST_MODEL (self->register_model));
  show_register_status (self);
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
  guint total = 0;

  ed_register_filter_bar_get_filter (self->filter_bar, &filter);
  /* A new search starts at the first screenful of matches; Show More reaches further. */
  if (g_strcmp0 (self->search_text, text) != 0)
    {
      g_free (self->search_text);
      self->search_text = g_strdup (text);
      self->search_limit = SEARCH_LIMIT;
    }
  summaries = ed_register_search_filtered (self->context, text, &filter, self->search_limit,
                                           &error);
  if (summaries == NULL)
    {
      g_warning ("Could not search the register: %s", error->message);
      gtk_widget_set_visible (self->more_button, FALSE);
      ed_screenful_set_model (GTK_WIDGET (self->column_view), self->selection, NULL);
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
  ed_screenful_set_model (GTK_WIDGET (self->column_view), self->selection, G_LIST_MODEL (store));

  count = ed_number_format_count (summaries->len);
  if (summaries->len == 0)
    /* Translators: the search found nobody; %s is what was typed */
    status = g_strdup_printf (_("No elector matches “%s”"), text);
  else if (summaries->len >= self->search_limit &&
           ed_register_search_count (self->context, text, &filter, &total, NULL) &&
           total > summaries->len)
    {
      g_autofree char *total_text = ed_number_format_count (total);

      /* Translators: the search stopped at its limit: how many are shown, of how many match,
       * both with their digits grouped ("First 500 of 1,234 matches") */
      status = g_strdup_printf (ngettext ("First %s of %s match", "First %s of %s matches",
                                          total),
                                count, total_text);
    }
  else
    /* Translators: %s is the number of matches with its digits grouped */
    status = g_strdup_printf (ngettext ("%s match", "%s matches", summaries->len), count);
  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_visible (self->more_button, total > summaries->len);
}

/* More of a search's matches than its first screenful: four times as many each time, so a
 * few presses reach any count. */
static void
show_more_cb (EdRegisterPage *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->column_view),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = scrolled != NULL
    ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled))
    : NULL;
  double value = adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
  g_autofree char *text = g_strdup (self->search_text);

  if (self->context == NULL || text == NULL)
    return;
  self->search_limit = self->search_limit > G_MAXUINT / 4 ? G_MAXUINT : self->search_limit * 4;
  show_search (self, text);
  /* The officer reads on from where they were, not from the top again. */
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, value);
}

/* The list widget inside the column view, which carries the list's own actions
 * (list.scroll-to-item). */
static GtkWidget *
inner_list_view (EdRegisterPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

static void
scroll_to_top (EdRegisterPage *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->column_view),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  if (scrolled == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
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
  /* A new search reads from its first match, not from where the last one was scrolled to. */
  scroll_to_top (self);
}

/* How far each way from where the selected entry was that reload looks for it: other desks'
 * edits move an entry a few rows at most, and each look may read a page of the register. */
#define RESELECT_REACH 200

static gboolean
select_if_at (EdRegisterPage *self,
              GListModel     *model,
              guint           position,
              const char     *elector_id)
{
  g_autoptr(EdElectorRow) row = g_list_model_get_item (model, position);

  if (row == NULL || g_strcmp0 (ed_elector_row_get_id (row), elector_id) != 0)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/* The selection back on the entry it was on, wherever other desks' edits moved it near; if it
 * has gone, on the row that took its place. */
static void
reselect (EdRegisterPage *self,
          const char     *elector_id,
          guint           position)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  if (elector_id == NULL || position == GTK_INVALID_LIST_POSITION || n == 0)
    return;
  for (guint d = 0; d <= RESELECT_REACH; d++)
    if ((position + d < n && select_if_at (self, model, position + d, elector_id)) ||
        (d > 0 && d <= position && position - d < n &&
         select_if_at (self, model, position - d, elector_id)))
      return;
  gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
}

/* The rows a GTK 4.8 view builds around what it shows lie within this many of the first row
 * on screen, either way (ed-screenful-model.c). */
#define BUILT_ROWS_REACH 200
/* Rows shown afresh each frame after a reload: building a row again, its page read afresh,
 * takes up to a few milliseconds, and all of them at once held the window a third of a
 * second. */
#define RELOAD_ROWS_PER_FRAME 8

static void
stop_reload (EdRegisterPage *self)
{
  if (self->reload_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->reload_tick_id);
  self->reload_tick_id = 0;
  g_clear_pointer (&self->reload_selected_id, g_free);
}

static gboolean
reload_tick_cb (GtkWidget     *view,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  EdRegisterPage *self = user_data;
  guint n = MIN (RELOAD_ROWS_PER_FRAME, self->reload_end - self->reload_next);

  if (self->register_model != NULL)
    ed_elector_list_model_rows_changed (self->register_model, self->reload_next, n);
  self->reload_next += n;
  /* A row shown afresh is a new item, which the selection lets go of: it goes back on the
   * same entry. */
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    reselect (self, self->reload_selected_id, self->reload_selected_position);
  if (self->reload_next < self->reload_end)
    return G_SOURCE_CONTINUE;
  if (self->reload_then_end > self->reload_then_start)
    {
      self->reload_next = self->reload_then_start;
      self->reload_end = self->reload_then_end;
      self->reload_then_end = self->reload_then_start = 0;
      return G_SOURCE_CONTINUE;
    }
  self->reload_tick_id = 0;
  g_clear_pointer (&self->reload_selected_id, g_free);
  return G_SOURCE_REMOVE;
}

/* The first row on screen, from how far down the list is scrolled. */
static guint
first_shown_row (EdRegisterPage *self,
                 guint           n_items)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  double upper = adjustment != NULL ? gtk_adjustment_get_upper (adjustment) : 0;

  if (upper <= 0 || n_items == 0)
    return 0;
  return (guint)MIN ((double)(n_items - 1),
                     gtk_adjustment_get_value (adjustment) / upper * n_items);
}

/* The whole register after other desks' edits: the count at once, and the rows the view has
 * built a few a frame, those on screen first, so the window keeps drawing (SYNC.md §6 T5). */
static void
reload_register (EdRegisterPage *self,
                 const char     *selected_id,
                 guint           selected_position)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->register_model));
  guint first = first_shown_row (self, n_items);
  guint start = first > BUILT_ROWS_REACH ? first - BUILT_ROWS_REACH : 0;
  guint end = first + BUILT_ROWS_REACH;

  stop_reload (self);
  ed_elector_list_model_reload (self->register_model, end);
  show_register_status (self);
  self->reload_next = first;
  self->reload_end = end;
  self->reload_then_start = start;
  self->reload_then_end = first;
  self->reload_selected_id = g_strdup (selected_id);
  self->reload_selected_position = selected_position;
  self->reload_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                       reload_tick_cb, self, NULL);
}

/* Other desks' edits came in: the list, its count and the household pane as the district now
 * is, with the selection on the same entry and the list where it was scrolled to. An editor
 * open in its own window keeps what is typed in it. */
static void
ed_register_page_reload (EdModulePage *page)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (page);
  guint position = gtk_single_selection_get_selected (self->selection);
  EdElectorRow *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *selected_id = selected != NULL ? g_strdup (ed_elector_row_get_id (selected))
                                                  : NULL;
  g_autofree char *text = NULL;

  if (self->context == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  if (text[0] != '\0')
    {
      /* A search's matches are few (its limit), and shown a screenful first. */
      show_search (self, text);
      reselect (self, selected_id, position);
    }
  else if (self->register_model != NULL)
    reload_register (self, selected_id, position);
  show_household (self);
}

/* Down from the search entry moves into the results, on the first. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       EdRegisterPage        *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  GtkWidget *list = inner_list_view (self);

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (model == NULL || g_list_model_get_n_items (model) == 0 || list == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_single_selection_set_selected (self->selection, 0);
  scroll_to_top (self);
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", 0);
  gtk_widget_grab_focus (list);
  return GDK_EVENT_STOP;
}

/* Enter in the search entry opens the one elector it found: a look-up by number is typing
 * the number and Enter. */
static void
search_activate_cb (EdRegisterPage *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(EdElectorRow) row = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->context == NULL || model == NULL || typed[0] == '\0')
    return;
  /* The search runs as it is typed, after a pause: Enter must not act on an older one. */
  update (self);
  model = gtk_single_selection_get_model (self->selection);
  if (model == NULL || g_list_model_get_n_items (model) != 1)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  row = g_list_model_get_item (model, 0);
  if (row != NULL)
    open_editor (self, ed_elector_row_get_id (row), NULL);
}

/* A filter changed: the lazy model shows what it keeps, and a search looks again. */
static void
filter_changed_cb (EdRegisterPage *self)
{
  EdRegisterFilter filter;

  ed_register_filter_bar_get_filter (self->filter_bar, &filter);
  if (self->register_model != NULL)
    ed_elector_list_model_set_filter (self->register_model, &filter);
  update (self);
}

/* The list shows the register as it now is, with the selection where it was: on the edited
 * entry, or on the household an elector was added to. */
static void
refresh_keeping_selection (EdRegisterPage *self)
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

typedef struct
{
  EdRegisterPage    *page;
  EdContext         *context;
  EdElectorSnapshot *snapshot;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->page);
  g_object_unref (undo->context);
  ed_elector_snapshot_free (undo->snapshot);
  g_free (undo);
}

static void
show_toast (EdRegisterPage *self,
            AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Undo is a new change set that puts the entry back (ed-elector-undo.c), so it is safe even
 * once the change has gone to other desks. */
static void
undo_clicked_cb (AdwToast *toast,
                 Undo     *undo)
{
  EdRegisterPage *self = undo->page;
  g_autoptr(GError) error = NULL;

  /* The district may have been closed or changed since the toast was shown. */
  if (self->context != undo->context)
    return;
  if (!ed_elector_snapshot_restore (undo->context, undo->snapshot, &error))
    {
      show_toast (self, adw_toast_new (error->message));
      return;
    }
  refresh_keeping_selection (self);
  show_toast (self, adw_toast_new (_("Change undone")));
}

/* After the editor saves or deletes: the list as it now is, and a toast saying what was done,
 * with Undo. */
static void
editor_saved_cb (EdElectorEditor *editor,
                 const char      *elector_id,
                 EdRegisterPage  *self)
{
  const char *message = ed_elector_editor_get_done_message (editor);
  g_autoptr(EdElectorSnapshot) snapshot = ed_elector_editor_take_undo (editor);
  AdwToast *toast;

  refresh_keeping_selection (self);
  if (message == NULL)
    return;
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  /* The newest change's toast replaces the last one's, so Undo is always the latest. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (snapshot != NULL && self->context != NULL)
    {
      Undo *undo = g_new0 (Undo, 1);

      undo->page = g_object_ref (self);
      undo->context = g_object_ref (self->context);
      undo->snapshot = g_steal_pointer (&snapshot);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo,
                             undo_free, 0);
    }
  show_toast (self, toast);
}

static EdElectorEditor *
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
  return editor;
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

/* Ctrl+F: the search text selected, so that typing replaces it. */
static void
focus_search_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkEditable *entry = GTK_EDITABLE (ED_REGISTER_PAGE (widget)->search_entry);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_select_region (entry, 0, -1);
}

/* Delete on the list: the selected elector's delete question, over their editor. */
static void
delete_elector_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);
  EdElectorRow *row = gtk_single_selection_get_selected_item (self->selection);
  EdElectorEditor *editor;

  if (self->context == NULL || row == NULL)
    return;
  editor = open_editor (self, ed_elector_row_get_id (row), NULL);
  if (!ed_elector_editor_ask_delete (editor))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* The page's shortcuts are window-wide (ed-register-page.ui), so its actions are off while
 * another module's page is showing: the keys then go on to that page. */
static void
update_actions (EdRegisterPage *self)
{
  gboolean showing = gtk_widget_get_mapped (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.focus-search", showing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.toggle-household", showing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.add-elector",
                                 showing && self->context != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.delete-elector",
                                 showing && self->context != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.print",
                                 showing && self->context != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.publish-notice",
                                 showing && self->context != NULL);
}

static void
ed_register_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ed_register_page_parent_class)->map (widget);

  update_actions (ED_REGISTER_PAGE (widget));
}

static void
ed_register_page_unmap (GtkWidget *widget)
{
  update_actions (ED_REGISTER_PAGE (widget));

  GTK_WIDGET_CLASS (ed_register_page_parent_class)->unmap (widget);
}

static void
ed_register_page_set_context (EdModulePage *page,
                              EdContext    *context)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (page);

  stop_reload (self);
  g_set_object (&self->context, context);
  update_actions (self);
  g_clear_object (&self->register_model);
  if (context != NULL)
    self->register_model = ed_elector_list_model_new (context);
  /* Nor do its filters. */
  ed_register_filter_bar_set_context (self->filter_bar, context);
  ed_household_pane_set_context (self->household_pane, context);

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

  stop_reload (self);
  g_clear_object (&self->register_model);
  g_clear_object (&self->context);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (ed_register_page_parent_class)->dispose (object);
}

static void
ed_register_page_class_init (EdRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EdModulePageClass *page_class = ED_MODULE_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_register_page_dispose;
  widget_class->map = ed_register_page_map;
  widget_class->unmap = ed_register_page_unmap;
  page_class->set_context = ed_register_page_set_context;
  page_class->reload = ed_register_page_reload;

  g_type_ensure (ED_TYPE_HOUSEHOLD_PANE);
  g_type_ensure (ED_TYPE_REGISTER_FILTER_BAR);
  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/register/ed-register-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdRegisterPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterPage, selection);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterPage, household_revealer);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterPage, household_button);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterPage, household_pane);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterPage, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_more_cb);
  gtk_widget_class_bind_template_callback (widget_class, household_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_household);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, secondary_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_address_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_postcode_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_marker_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_absent_vote_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_pending_cb);

  gtk_widget_class_install_action (widget_class, "register.show-household", NULL,
                                   show_household_action_cb);
  gtk_widget_class_install_action (widget_class, "register.toggle-household", NULL,
                                   toggle_household_action_cb);
  gtk_widget_class_install_action (widget_class, "register.focus-search", NULL,
                                   focus_search_action_cb);
  gtk_widget_class_install_action (widget_class, "register.add-elector", NULL,
                                   add_elector_action_cb);
  gtk_widget_class_install_action (widget_class, "register.delete-elector", NULL,
                                   delete_elector_action_cb);
  _ed_register_page_class_install_dialog_actions (widget_class);

  /* Escape only while the focus is on the page, after its controls had their say. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
ed_register_page_init (EdRegisterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->search_limit = SEARCH_LIMIT;

  /* Typing anywhere on the page starts a search, as in a file chooser. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  /* The print menu is ed-register-print.c's, beside the printing it starts. */
  adw_header_bar_pack_end (ed_module_page_get_header_bar (ED_MODULE_PAGE (self)),
                           ed_register_print_button_new ());
  update_actions (self);
  show_household (self);
}
