/* ed-account-spending-view.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Accounts page's Spending view: the account's ledger, the latest entry first, narrowed
 * by a search over supplier, description and invoice number, by cost head, by poll and to the
 * entries still without evidence; with what the entries shown come to. An entry is added
 * through EdAccountEntryDialog and taken back by a reversing entry after a question (SYNC.md
 * §4.10: the ledger is never edited), so both stay, dimmed and marked.
 *
 * The ledger's items are made where the account is read (ed_account_entry_items_new ()); the
 * view only chooses among them, which for 50,000 entries is a few milliseconds, and gives the
 * list a screenful first (ed_screenful_set_model ()). The account read again after an edit
 * keeps the filters, the entry selected and where the list was scrolled. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/accounts/ed-account-entry-details.h"
#include "ui/accounts/ed-account-entry-dialog.h"
#include "ui/accounts/ed-account-entry-item.h"
#include "ui/accounts/ed-account-figures.h"
#include "ui/accounts/ed-account-spending-view.h"
#include "ui/ed-accessible.h"
#include "ui/ed-number-format.h"
#include "ui/ed-ui-resources.h"
#include "ui/widgets/ed-screenful-model.h"
#include "ui/widgets/ed-text-cell.h"

struct _EdAccountSpendingView
{
  AdwBin              parent_instance;

  EdContext          *context;
  const EdAccount    *account;        /* the page's, until it shows another */
  GPtrArray          *items;          /* EdAccountEntryItem: the whole ledger, latest first */
  GListStore         *shown;          /* those the filters let through */
  GtkSortListModel   *sorted;         /* they, in the order the column headers chose */
  char              **poll_ids;       /* the account's polls, in its order */
  char              **poll_titles;
  GArray             *heads;          /* EdCostHead, in the head dropdown's order after "all" */
  char               *select_id;      /* an entry to select once it is read */
  gboolean            filling;        /* the filters are being set: not the person's choice */

  GtkWidget          *search_entry;
  GtkWidget          *head_dropdown;
  GtkWidget          *poll_dropdown;
  GtkWidget          *missing_check;
  GtkWidget          *list_stack;
  GtkWidget          *scrolled;
  GtkWidget          *column_view;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *polls_column;
  GtkColumnViewColumn *polls_held;    /* it, held while out of the view */
  GtkWidget          *status_label;
  GtkWidget          *reverse_button;
  GMenuModel         *row_menu;
};

G_DEFINE_FINAL_TYPE (EdAccountSpendingView, ed_account_spending_view, ADW_TYPE_BIN)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define COLUMN_KEY "ed-account-entry-column"

/* --- cells -------------------------------------------------------------------------------- */

static guint
factory_column (GtkListItemFactory *factory)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), COLUMN_KEY));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               EdAccountSpendingView    *self)
{
  GtkWidget *cell = ed_text_cell_new ();
  EdAccountEntryColumn column = factory_column (GTK_LIST_ITEM_FACTORY (factory));

  if (ed_account_entry_column_is_amount (column))
    ed_text_cell_set_align_end (ED_TEXT_CELL (cell), TRUE);
  if (ed_account_entry_column_is_figures (column))
    gtk_widget_add_css_class (cell, "numeric");
  else
    /* The narrow columns of a ledger beside the sidebar cut their words short. */
    ed_text_cell_set_tooltip_when_cut (ED_TEXT_CELL (cell), TRUE);
  /* For the right click, which finds the row from the cell under the pointer. */
  g_object_set_data (G_OBJECT (cell), "ed-list-item", item);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              EdAccountSpendingView    *self)
{
  EdAccountEntryItem *entry = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  EdAccountEntryColumn column = factory_column (GTK_LIST_ITEM_FACTORY (factory));

  ed_text_cell_set_text (ED_TEXT_CELL (cell), ed_account_entry_item_get_text (entry, column));
  ed_account_set_style (cell, ed_account_entry_item_get_style (entry, column));
  /* The supplier and the amount name the row, so a screen reader moving down the ledger
   * hears which cost it is. */
  if (column == ED_ACCOUNT_ENTRY_SUPPLIER)
    {
      g_autofree char *label = ed_account_entry_item_describe (entry);

      ed_text_cell_set_row_label (ED_TEXT_CELL (cell), label);
    }
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EdAccountSpendingView    *self)
{
  ed_account_set_style (gtk_list_item_get_child (item), NULL);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      column)
{
  return ed_account_entry_item_compare ((EdAccountEntryItem *)a, (EdAccountEntryItem *)b,
                                        GPOINTER_TO_UINT (column));
}

/* Each column's factory knows its column, so that one set of callbacks serves them all; and
 * each column sorts the ledger by what it shows when its header is clicked. */
static void
number_columns (GtkWidget *view)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_cb, GUINT_TO_POINTER (i),
                                                                 NULL);

      g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (column)), COLUMN_KEY,
                         GUINT_TO_POINTER (i));
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
    }
}

/* The entries shown, in the order the column headers chose: as entered, the latest first,
 * until one is clicked. */
static void
sort_shown (EdAccountSpendingView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view));

  g_clear_object (&self->sorted);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->shown)),
                                          g_object_ref (sorter));
}

/* --- the selection ------------------------------------------------------------------------ */

static EdAccountEntryItem *
selected_item (EdAccountSpendingView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * ed_account_spending_view_get_selected:
 * @self: the view
 *
 * Returns: (nullable): the row id of the entry selected
 */
const char *
ed_account_spending_view_get_selected (EdAccountSpendingView *self)
{
  EdAccountEntryItem *item;

  g_return_val_if_fail (ED_IS_ACCOUNT_SPENDING_VIEW (self), NULL);

  item = selected_item (self);
  return item != NULL ? ed_account_entry_item_get_id (item) : NULL;
}

/**
 * ed_account_spending_view_select:
 * @self: the view
 * @entry_id: an entry's row id
 *
 * Returns: whether the entry is shown, and now selected
 */
gboolean
ed_account_spending_view_select (EdAccountSpendingView *self,
                                 const char            *entry_id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);

  g_return_val_if_fail (ED_IS_ACCOUNT_SPENDING_VIEW (self), FALSE);

  for (guint i = 0; entry_id != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EdAccountEntryItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (ed_account_entry_item_get_id (item), entry_id))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Only a cost standing can be taken back: not one taken back already, nor a reversal. */
static void
selection_changed_cb (EdAccountSpendingView *self)
{
  EdAccountEntryItem *item = selected_item (self);
  gboolean can_reverse = self->context != NULL && item != NULL &&
                         !ed_account_entry_item_is_reversed (item) &&
                         !ed_account_entry_item_is_reversal (item);
  const char *tip;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spending.reverse-entry", can_reverse);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spending.open-entry",
                                 item != NULL && self->account != NULL);
  if (item == NULL)
    tip = _("Select the entry to take back");
  else if (ed_account_entry_item_is_reversed (item))
    tip = _("That entry is reversed already");
  else if (ed_account_entry_item_is_reversal (item))
    tip = _("That entry is itself a reversal: enter the cost again instead");
  else
    tip = _("Take the entry back by a reversing entry; both stay in the ledger");
  gtk_widget_set_tooltip_text (self->reverse_button, tip);
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

/* A right click on an entry selects it and offers what can be done with it: one gesture on
 * the whole view, not one a cell. */
static void
secondary_pressed_cb (GtkGestureClick       *gesture,
                      int                    n_press,
                      double                 x,
                      double                 y,
                      EdAccountSpendingView *self)
{
  GtkWidget *view = self->column_view;
  GtkListItem *item = list_item_at (gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT), view);
  GdkRectangle pointing = { (int)x, (int)y, 1, 1 };
  GtkWidget *popover;

  if (item == NULL || gtk_list_item_get_item (item) == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (item));
  popover = gtk_popover_menu_new_from_model (self->row_menu);
  gtk_widget_set_parent (popover, view);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &pointing);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  g_signal_connect (popover, "closed", G_CALLBACK (row_menu_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* --- the filters -------------------------------------------------------------------------- */

static void
show_status (EdAccountSpendingView *self,
             guint                  n_shown,
             EdMoney                total)
{
  g_autofree char *count = ed_number_format_count (n_shown);
  g_autofree char *all = ed_number_format_count (self->items != NULL ? self->items->len : 0);
  g_autofree char *amount = ed_money_format (total);
  g_autofree char *text = NULL;

  if (self->items == NULL || n_shown == self->items->len)
    /* Translators: how many entries the ledger shows (a number grouped in thousands), then
     * what they come to */
    text = g_strdup_printf (ngettext ("%s entry, %s", "%s entries, %s", n_shown), count, amount);
  else
    /* Translators: how many entries the filters let through, of how many, then what those
     * shown come to */
    text = g_strdup_printf (ngettext ("%s of %s entry, %s", "%s of %s entries, %s",
                                      self->items->len),
                            count, all, amount);
  gtk_label_set_text (GTK_LABEL (self->status_label), text);
}

/* The entries the search and filters let through, with what they come to. */
static GPtrArray *
filter_items (EdAccountSpendingView *self,
              EdMoney               *out_total)
{
  GPtrArray *shown = g_ptr_array_new ();
  guint head_index = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->head_dropdown));
  guint poll_index = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->poll_dropdown));
  gboolean missing = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->missing_check));
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *normal = g_utf8_normalize (search, -1, G_NORMALIZE_ALL);
  g_autofree char *folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
  gboolean by_head = head_index > 0 && head_index <= self->heads->len;
  EdCostHead head = by_head ? g_array_index (self->heads, EdCostHead, head_index - 1) : 0;
  const char *poll = self->poll_ids != NULL && poll_index > 0 &&
                     poll_index <= g_strv_length (self->poll_ids)
                       ? self->poll_ids[poll_index - 1] : NULL;

  g_strstrip (folded);
  *out_total = 0;
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      EdAccountEntryItem *item = g_ptr_array_index (self->items, i);

      if ((by_head && ed_account_entry_item_get_head (item) != head) ||
          (poll != NULL && !ed_account_entry_item_serves (item, poll)) ||
          (missing && !ed_account_entry_item_lacks_evidence (item)) ||
          !ed_account_entry_item_matches (item, folded))
        continue;
      g_ptr_array_add (shown, item);
      *out_total += ed_account_entry_item_get_gross (item);
    }
  return shown;
}

/* The entries shown afresh. @keep_place keeps the entry selected and where the list was
 * scrolled, as an account read again after an edit should; a new search starts from the
 * top, a screenful first. */
static void
show_items (EdAccountSpendingView *self,
            gboolean               keep_place)
{
  g_autofree char *selected_id = g_strdup (ed_account_spending_view_get_selected (self));
  g_autoptr(GPtrArray) shown = NULL;
  EdMoney total;

  shown = filter_items (self, &total);
  if (keep_place)
    {
      g_list_store_splice (self->shown, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown)),
                           shown->pdata, shown->len);
    }
  else
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
        GTK_SCROLLED_WINDOW (self->scrolled));

      g_clear_object (&self->shown);
      self->shown = g_list_store_new (ED_TYPE_ACCOUNT_ENTRY_ITEM);
      g_list_store_splice (self->shown, 0, 0, shown->pdata, shown->len);
      sort_shown (self);
      ed_screenful_set_model (self->column_view, self->selection, G_LIST_MODEL (self->sorted));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
  if (self->select_id != NULL && ed_account_spending_view_select (self, self->select_id))
    g_clear_pointer (&self->select_id, g_free);
  else if (!ed_account_spending_view_select (self, selected_id))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  show_status (self, shown->len, total);
  if (shown->len > 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), "list");
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack),
                                      self->items == NULL || self->items->len == 0
                                        ? "empty" : "no-match");
  selection_changed_cb (self);
}

static void
filter_changed_cb (EdAccountSpendingView *self)
{
  if (!self->filling)
    show_items (self, FALSE);
}

/**
 * ed_account_spending_view_clear_filters:
 * @self: the view
 *
 * Shows every entry: no search, every head and poll, with evidence or without.
 */
void
ed_account_spending_view_clear_filters (EdAccountSpendingView *self)
{
  g_return_if_fail (ED_IS_ACCOUNT_SPENDING_VIEW (self));

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->head_dropdown), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->poll_dropdown), 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->missing_check), FALSE);
  self->filling = FALSE;
  show_items (self, FALSE);
}

/**
 * ed_account_spending_view_show_missing_evidence:
 * @self: the view
 *
 * Shows every entry still without evidence, and nothing else.
 */
void
ed_account_spending_view_show_missing_evidence (EdAccountSpendingView *self)
{
  g_return_if_fail (ED_IS_ACCOUNT_SPENDING_VIEW (self));

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->head_dropdown), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->poll_dropdown), 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->missing_check), TRUE);
  self->filling = FALSE;
  show_items (self, FALSE);
}

void
ed_account_spending_view_focus_search (EdAccountSpendingView *self)
{
  g_return_if_fail (ED_IS_ACCOUNT_SPENDING_VIEW (self));

  gtk_widget_grab_focus (self->search_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * ed_account_spending_view_get_shown:
 * @self: the view
 *
 * Returns: (transfer none): the entries the search and filters let through, as
 *   #EdAccountEntryItem, the latest first
 */
GListModel *
ed_account_spending_view_get_shown (EdAccountSpendingView *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_SPENDING_VIEW (self), NULL);
  return G_LIST_MODEL (self->shown);
}

/* The polls column is taken out of the view rather than hidden: GTK 4.8 still counts a hidden
 * column's width, and the ledger then stops short of the window's edge. */
static void
show_polls_column (EdAccountSpendingView *self,
                   gboolean               shown)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (self->column_view);
  GListModel *columns = gtk_column_view_get_columns (view);
  gboolean present = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      present |= column == self->polls_held;
    }
  if (shown && !present)
    gtk_column_view_insert_column (view, ED_ACCOUNT_ENTRY_POLLS, self->polls_held);
  else if (!shown && present)
    gtk_column_view_remove_column (view, self->polls_held);
}

/* The poll filter lists the account's polls, keeping the one chosen while it is there; an
 * account of one poll has nothing to filter by, and no column to show it. */
static void
show_polls (EdAccountSpendingView *self,
            const EdAccount       *account)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->poll_dropdown));
  g_autofree char *chosen = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = account->polls->len;

  if (self->poll_ids != NULL && selected > 0 && selected <= g_strv_length (self->poll_ids))
    chosen = g_strdup (self->poll_ids[selected - 1]);
  g_strfreev (self->poll_ids);
  g_strfreev (self->poll_titles);
  self->poll_ids = g_new0 (char *, n + 1);
  self->poll_titles = g_new0 (char *, n + 1);
  selected = 0;
  gtk_string_list_append (names, _("All polls"));
  for (guint p = 0; p < n; p++)
    {
      EdAccountPoll *poll = g_ptr_array_index (account->polls, p);

      self->poll_ids[p] = g_strdup (poll->election->id);
      self->poll_titles[p] = g_strdup (ed_account_poll_title (poll));
      gtk_string_list_append (names, self->poll_titles[p]);
      if (g_strcmp0 (chosen, poll->election->id) == 0)
        selected = p + 1;
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->poll_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->poll_dropdown), selected);
  gtk_widget_set_visible (self->poll_dropdown, n > 1);
  show_polls_column (self, n > 1);
}

/**
 * ed_account_spending_view_show:
 * @self: the view
 * @context: the district
 * @account: the account, which the view opens entries from until it is shown another or
 *   cleared: the page keeps it until then
 * @items: (element-type EdAccountEntryItem): its ledger (ed_account_entry_items_new ())
 * @same_account: whether the account shown before is this one, read again: the filters, the
 *   entry selected and the place in the list stay
 */
void
ed_account_spending_view_show (EdAccountSpendingView *self,
                               EdContext             *context,
                               const EdAccount       *account,
                               GPtrArray             *items,
                               gboolean               same_account)
{
  g_return_if_fail (ED_IS_ACCOUNT_SPENDING_VIEW (self));
  g_return_if_fail (ED_IS_CONTEXT (context) && account != NULL && items != NULL);

  g_set_object (&self->context, context);
  self->account = account;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_ptr_array_ref (items);
  self->filling = TRUE;
  if (!same_account)
    {
      /* Another election's ledger: a search in one means nothing in the other. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->head_dropdown), 0);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->missing_check), FALSE);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->poll_dropdown), 0);
    }
  show_polls (self, account);
  self->filling = FALSE;
  show_items (self, same_account);
}

/**
 * ed_account_spending_view_clear:
 * @self: the view
 *
 * Lets go of the district and the ledger shown, as when the district is closed.
 */
void
ed_account_spending_view_clear (EdAccountSpendingView *self)
{
  g_return_if_fail (ED_IS_ACCOUNT_SPENDING_VIEW (self));

  g_clear_object (&self->context);
  self->account = NULL;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->poll_ids, g_strfreev);
  g_clear_pointer (&self->poll_titles, g_strfreev);
  show_items (self, FALSE);
}

/* --- adding ------------------------------------------------------------------------------- */

static void
added_cb (EdAccountEntryDialog  *dialog,
          const char            *entry_id,
          const char            *description,
          EdAccountSpendingView *self)
{
  /* Translators: %s is the entry just added: its supplier and amount */
  g_autofree char *text = g_strdup_printf (_("Entry added: %s"), description);

  g_free (self->select_id);
  self->select_id = g_strdup (entry_id);
  ed_account_toast (GTK_WIDGET (self), text);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ed_account_spending_view_add_entry:
 * @self: the view
 * @poll_id: (nullable): the poll chosen on the page, which a new cost is for until said
 *   otherwise
 *
 * Opens the dialog that adds an entry to the account shown.
 *
 * Returns: (transfer none) (nullable): the dialog, shown
 */
GtkWindow *
ed_account_spending_view_add_entry (EdAccountSpendingView *self,
                                    const char            *poll_id)
{
  EdAccountEntryDialog *dialog;
  guint head_index;

  g_return_val_if_fail (ED_IS_ACCOUNT_SPENDING_VIEW (self), NULL);

  if (self->context == NULL || self->poll_ids == NULL)
    return NULL;
  dialog = ed_account_entry_dialog_new (ed_account_parent_window (GTK_WIDGET (self)),
                                        self->context,
                                        (const char * const *)self->poll_ids,
                                        (const char * const *)self->poll_titles, poll_id);
  /* A ledger narrowed to a head is most likely having another of its costs entered. */
  head_index = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->head_dropdown));
  if (head_index > 0 && head_index <= self->heads->len)
    ed_account_entry_dialog_set_head (dialog, g_array_index (self->heads, EdCostHead,
                                                             head_index - 1));
  g_signal_connect_object (dialog, "added", G_CALLBACK (added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* --- opening ----------------------------------------------------------------------------- */

/**
 * ed_account_spending_view_open_entry:
 * @self: the view
 * @entry_id: an entry of the account shown
 *
 * Opens the entry in full: its net and VAT, each poll's share, and its record.
 *
 * Returns: (transfer none) (nullable): the window, shown
 */
GtkWindow *
ed_account_spending_view_open_entry (EdAccountSpendingView *self,
                                     const char            *entry_id)
{
  EdAccountEntryDetails *details;

  g_return_val_if_fail (ED_IS_ACCOUNT_SPENDING_VIEW (self), NULL);
  g_return_val_if_fail (entry_id != NULL, NULL);

  if (self->account == NULL ||
      (details = ed_account_entry_details_new (ed_account_parent_window (GTK_WIDGET (self)),
                                               self->account, entry_id)) == NULL)
    return NULL;
  gtk_window_present (GTK_WINDOW (details));
  return GTK_WINDOW (details);
}

/* Enter or a double click on an entry. */
static void
row_activated_cb (EdAccountSpendingView *self,
                  guint                  position)
{
  GListModel *model = G_LIST_MODEL (gtk_single_selection_get_model (self->selection));
  g_autoptr(EdAccountEntryItem) item = model != NULL ? g_list_model_get_item (model, position)
                                                     : NULL;

  if (item == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  ed_account_spending_view_open_entry (self, ed_account_entry_item_get_id (item));
}

static void
open_entry_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EdAccountSpendingView *self = ED_ACCOUNT_SPENDING_VIEW (widget);
  EdAccountEntryItem *item = selected_item (self);

  if (item != NULL)
    ed_account_spending_view_open_entry (self, ed_account_entry_item_get_id (item));
}

/* --- reversing ---------------------------------------------------------------------------- */

static void
reverse_response_cb (AdwMessageDialog      *dialog,
                     const char            *response,
                     EdAccountSpendingView *self)
{
  const char *entry_id = g_object_get_data (G_OBJECT (dialog), "ed-entry-id");
  g_autoptr(GError) error = NULL;
  g_autofree char *reversal = NULL;

  if (!g_str_equal (response, "reverse") || self->context == NULL)
    return;
  reversal = ed_account_reverse_entry (self->context, entry_id, &error);
  if (reversal == NULL)
    {
      GtkWidget *message = adw_message_dialog_new (ed_account_parent_window (GTK_WIDGET (self)),
                                                   _("Cannot Reverse the Entry"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "close");
      ed_accessible_name_buttons (message);
      gtk_window_present (GTK_WINDOW (message));
      /* Another desk may have reversed it first: show what is there. */
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  ed_account_toast (GTK_WIDGET (self), _("Entry reversed"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
reverse_entry_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EdAccountSpendingView *self = ED_ACCOUNT_SPENDING_VIEW (widget);
  EdAccountEntryItem *item = selected_item (self);
  g_autofree char *entry = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (item == NULL || ed_account_entry_item_is_reversed (item) ||
      ed_account_entry_item_is_reversal (item))
    return;
  entry = ed_account_entry_item_describe (item);
  /* Translators: %s is an entry of an account: its supplier, what for, and its amount */
  body = g_strdup_printf (_("This takes “%s” out of the account by a reversing entry of the "
                            "opposite amount. Both stay in the ledger, as every entry does; "
                            "to correct the cost, enter it again as it should be."),
                          entry);
  dialog = adw_message_dialog_new (ed_account_parent_window (widget), _("Reverse the Entry?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reverse", _("_Reverse Entry"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reverse",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ed-entry-id",
                          g_strdup (ed_account_entry_item_get_id (item)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reverse_response_cb), self, 0);
  ed_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- the view ----------------------------------------------------------------------------- */

static void
ed_account_spending_view_dispose (GObject *object)
{
  EdAccountSpendingView *self = ED_ACCOUNT_SPENDING_VIEW (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->sorted);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->poll_ids, g_strfreev);
  g_clear_pointer (&self->poll_titles, g_strfreev);
  g_clear_pointer (&self->heads, g_array_unref);
  g_clear_pointer (&self->select_id, g_free);
  g_clear_object (&self->polls_held);

  G_OBJECT_CLASS (ed_account_spending_view_parent_class)->dispose (object);
}

static void
ed_account_spending_view_class_init (EdAccountSpendingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_account_spending_view_dispose;

  /**
   * EdAccountSpendingView::changed:
   *
   * An entry was added or reversed: the account is to be read again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void)ed_ui_get_resource ();
  g_type_ensure (ED_TYPE_TEXT_CELL);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/accounts/ed-account-spending-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAccountSpendingView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EdAccountSpendingView, head_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EdAccountSpendingView, poll_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EdAccountSpendingView, missing_check);
  gtk_widget_class_bind_template_child (widget_class, EdAccountSpendingView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, EdAccountSpendingView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EdAccountSpendingView, column_view);
  gtk_widget_class_bind_template_child (widget_class, EdAccountSpendingView, selection);
  gtk_widget_class_bind_template_child (widget_class, EdAccountSpendingView, polls_column);
  gtk_widget_class_bind_template_child (widget_class, EdAccountSpendingView, status_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountSpendingView, reverse_button);
  gtk_widget_class_bind_template_child (widget_class, EdAccountSpendingView, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, secondary_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "spending.reverse-entry", NULL,
                                   reverse_entry_action_cb);
  gtk_widget_class_install_action (widget_class, "spending.open-entry", NULL,
                                   open_entry_action_cb);
  /* An entry is never deleted: Delete takes it back, after the question. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "spending.reverse-entry", NULL);
}

static void
ed_account_spending_view_init (EdAccountSpendingView *self)
{
  GtkStringList *heads;

  gtk_widget_init_template (GTK_WIDGET (self));
  number_columns (self->column_view);

  /* "All cost heads", then the heads an election's account can hold. */
  self->heads = g_array_new (FALSE, FALSE, sizeof (EdCostHead));
  heads = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (self->head_dropdown)));
  gtk_string_list_append (heads, _("All cost heads"));
  for (EdCostHead h = 0; h < ED_N_COST_HEADS; h++)
    if (h != ED_COST_REGISTRATION)
      {
        g_array_append_val (self->heads, h);
        gtk_string_list_append (heads, ed_cost_head_get_display_name (h));
      }
  self->polls_held = g_object_ref (self->polls_column);
  gtk_widget_set_visible (self->poll_dropdown, FALSE);
  show_polls_column (self, FALSE);

  self->shown = g_list_store_new (ED_TYPE_ACCOUNT_ENTRY_ITEM);
  sort_shown (self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->sorted));
  ed_accessible_name_buttons (GTK_WIDGET (self));
  show_items (self, FALSE);
}
