/* ed-staff-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Staff page (issue 16): the casual staff the returning officer may appoint, found by name,
 * email or payroll reference and narrowed to a role, each with their roles, their training at
 * a glance and whether they can work at the election chosen above the list; a person opens in
 * EdPersonEditor. People come in from a file through EdStaffImportDialog, and the retention
 * list is EdStaffRemovalDialog. The Appointments view is EdStaffBoard and the payroll run
 * EdPayrollView; both follow the election chosen here, and a choice in the payroll is
 * chosen here too.
 *
 * A district has a few thousand people, not the register's million: the store reads them all
 * at once (two queries) into a plain list model, which the view is given a screenful first
 * (ed_screenful_set_model ()). What a row says of training and availability is read when the
 * view first binds the row, so only the rows the view builds pay for it. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-today.h"
#include "staff/ed-staff-person.h"
#include "ui/ed-accessible.h"
#include "ui/ed-number-format.h"
#include "ui/ed-ui-resources.h"
#include "ui/elections/ed-election-chooser.h"
#include "ui/staff/ed-payroll-view.h"
#include "ui/staff/ed-person-editor.h"
#include "ui/staff/ed-staff-import-dialog.h"
#include "ui/staff/ed-staff-page.h"
#include "ui/staff/ed-staff-person-item.h"
#include "ui/staff/ed-staff-removal-dialog.h"
#include "ui/staff/ed-staff-board.h"
#include "ui/widgets/ed-screenful-model.h"
#include "ui/widgets/ed-text-cell.h"

struct _EdStaffPage
{
  EdModulePage        parent_instance;

  EdContext          *context;
  GListStore         *people;          /* EdStaffPersonItem, what the list shows */
  gboolean            filling;         /* the page sets its own filters and reads its election
                                          afresh: not the person's choice */
  GDate               today;

  GtkWidget          *toasts;
  GtkWidget          *add_button;
  GtkWidget          *views;
  GtkWidget          *search_entry;
  GtkWidget          *role_dropdown;
  EdElectionChooser  *election_chooser;
  GtkWidget          *people_stack;
  GtkWidget          *scrolled;
  GtkWidget          *column_view;
  GtkSingleSelection *selection;
  GtkWidget          *status_label;
  GtkWidget          *board;
  GtkWidget          *payroll_view;
};

G_DEFINE_FINAL_TYPE (EdStaffPage, ed_staff_page, ED_TYPE_MODULE_PAGE)

/* The election whose availability the list shows, which the other views follow. */
static const char *
chosen_election_id (EdStaffPage *self)
{
  return ed_election_chooser_get_election_id (self->election_chooser);
}

/* --- cells -------------------------------------------------------------------------------- */

typedef enum
{
  COLUMN_NAME,
  COLUMN_ROLES,
  COLUMN_TRAINING,
  COLUMN_AVAILABILITY,
  COLUMN_EMAIL,
  COLUMN_PAYROLL,
} Column;

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               EdStaffPage              *self)
{
  gtk_list_item_set_child (item, ed_text_cell_new ());
}

static const char *
training_style (EdTrainingGlance glance)
{
  switch (glance)
    {
    case ED_TRAINING_GLANCE_CURRENT:
      return "success";
    case ED_TRAINING_GLANCE_PARTLY:
    case ED_TRAINING_GLANCE_EXPIRED:
      return "warning";
    case ED_TRAINING_GLANCE_NONE:
      return "dim-label";
    case ED_TRAINING_GLANCE_NO_ROLES:
    default:
      return NULL;
    }
}

/* Only when it changes: a tooltip is the cell's accessible description too, and telling
 * assistive technologies of some two hundred cells at every bind slowed a reload tenfold. */
static void
set_tooltip (GtkWidget  *cell,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (cell), text) != 0)
    gtk_widget_set_tooltip_text (cell, text);
}

static void
set_style (GtkWidget  *cell,
           const char *style)
{
  static const char * const styles[] = { "success", "warning", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i], style) != 0)
      gtk_widget_remove_css_class (cell, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (cell, style);
}

static void
clear_cell (GtkWidget *cell)
{
  set_style (cell, NULL);
  set_tooltip (cell, NULL);
}

/* What a column's cell says of @person. Training and availability are read the first time a
 * row shows them (ed_staff_person_item_read_glance ()). */
static void
show_cell (EdStaffPage       *self,
           GtkListItem       *item,
           Column             column,
           EdStaffPersonItem *person)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  const EdStaffPerson *details;
  const char *style = NULL;
  const char *tooltip = NULL;
  const char *text = "";

  if (person == NULL)
    {
      clear_cell (cell);
      ed_text_cell_set_text (ED_TEXT_CELL (cell), "");
      return;
    }
  details = ed_staff_person_item_get_person (person);
  if ((column == COLUMN_TRAINING || column == COLUMN_AVAILABILITY) && self->context != NULL)
    ed_staff_person_item_read_glance (person, self->context, chosen_election_id (self),
                                      &self->today);

  switch (column)
    {
    case COLUMN_NAME:
      text = ed_staff_person_item_get_name (person);
      /* The name also names the row, so a screen reader moving through the list hears who
       * each row is. */
      ed_text_cell_set_row_label (ED_TEXT_CELL (cell), text);
      break;
    case COLUMN_ROLES:
      text = ed_staff_person_item_get_roles_text (person);
      /* Several roles are often cut to the column's width; the tooltip lists them all. */
      if (details->roles->len > 1)
        tooltip = text;
      break;
    case COLUMN_TRAINING:
      text = ed_staff_person_item_get_training_text (person);
      style = training_style (ed_staff_person_item_get_training (person));
      /* Each role's state, for a person with more than one. */
      if (details->roles->len > 1)
        tooltip = ed_staff_person_item_get_training_detail (person);
      break;
    case COLUMN_AVAILABILITY:
      text = ed_staff_person_item_get_availability_text (person);
      /* Not asked is the absence of an answer; an answer either way is read at full
       * strength. */
      if (ed_staff_person_item_get_availability (person) == ED_AVAILABILITY_UNKNOWN)
        style = "dim-label";
      break;
    case COLUMN_EMAIL:
      text = details->email;
      break;
    case COLUMN_PAYROLL:
      text = details->payroll_reference;
      break;
    default:
      g_assert_not_reached ();
    }
  ed_text_cell_set_text (ED_TEXT_CELL (cell), text);
  set_style (cell, style);
  set_tooltip (cell, tooltip);
}

#define CELL_COLUMN_KEY "ed-staff-column"
#define CELL_PAGE_KEY "ed-staff-page"

/* The district was read afresh and the item kept: its cells show it again, in place. */
static void
person_changed_cb (EdStaffPersonItem *person,
                   GtkListItem       *item)
{
  show_cell (g_object_get_data (G_OBJECT (item), CELL_PAGE_KEY), item,
             GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), CELL_COLUMN_KEY)), person);
}

static void
bind_cell (EdStaffPage *self,
           GtkListItem *item,
           Column       column)
{
  EdStaffPersonItem *person = gtk_list_item_get_item (item);

  /* The view's items live no longer than the page. */
  g_object_set_data (G_OBJECT (item), CELL_PAGE_KEY, self);
  g_object_set_data (G_OBJECT (item), CELL_COLUMN_KEY, GINT_TO_POINTER (column));
  show_cell (self, item, column, person);
  if (person != NULL)
    g_signal_connect (person, "changed", G_CALLBACK (person_changed_cb), item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EdStaffPage              *self)
{
  EdStaffPersonItem *person = gtk_list_item_get_item (item);

  if (person != NULL)
    g_signal_handlers_disconnect_by_func (person, person_changed_cb, item);
  clear_cell (gtk_list_item_get_child (item));
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              EdStaffPage              *self)
{
  bind_cell (self, item, COLUMN_NAME);
}

static void
bind_roles_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               EdStaffPage              *self)
{
  bind_cell (self, item, COLUMN_ROLES);
}

static void
bind_training_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  EdStaffPage              *self)
{
  bind_cell (self, item, COLUMN_TRAINING);
}

static void
bind_availability_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      EdStaffPage              *self)
{
  bind_cell (self, item, COLUMN_AVAILABILITY);
}

static void
bind_email_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               EdStaffPage              *self)
{
  bind_cell (self, item, COLUMN_EMAIL);
}

static void
bind_payroll_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EdStaffPage              *self)
{
  bind_cell (self, item, COLUMN_PAYROLL);
}

/* --- the filters -------------------------------------------------------------------------- */

/* A dropdown's choice is cut to fit beside the others; its tooltip says it whole. */
static void
show_chosen_whole (GtkWidget *dropdown)
{
  GtkStringObject *chosen = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));

  gtk_widget_set_tooltip_text (dropdown,
                               chosen != NULL ? gtk_string_object_get_string (chosen) : NULL);
}

/* --- the people --------------------------------------------------------------------------- */

static EdStaffRole
chosen_role (EdStaffPage *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->role_dropdown));

  return selected >= 1 && selected - 1 < ED_N_STAFF_ROLES ? (EdStaffRole)(selected - 1)
                                                           : ED_STAFF_ROLE_ANY;
}

static char *
search_text (EdStaffPage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
}

static void
show_status (EdStaffPage *self,
             guint        n,
             gboolean     filtered)
{
  g_autofree char *count = ed_number_format_count (n);
  g_autofree char *status = NULL;

  if (filtered)
    /* Translators: %s is the number of matches with its digits grouped */
    status = g_strdup_printf (ngettext ("%s match", "%s matches", n), count);
  else
    /* Translators: how many people the district's staff list holds; %s is the number with its
     * digits grouped ("1,204") */
    status = g_strdup_printf (ngettext ("%s person", "%s people", n), count);
  gtk_label_set_text (GTK_LABEL (self->status_label), status);
}

static gboolean
district_has_people (EdStaffPage *self)
{
  g_autoptr(GPtrArray) everyone = ed_staff_person_list (self->context, ED_STAFF_ROLE_ANY, NULL,
                                                        NULL);

  return everyone != NULL && everyone->len > 0;
}

/* The people the search and the role keep, afresh from the district, with the count and the
 * view (the list, or why there is none) to match; %NULL if there is no district to read. */
static GPtrArray *
read_people (EdStaffPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *text = search_text (self);
  EdStaffRole role = chosen_role (self);
  gboolean filtered = *text != '\0' || role != ED_STAFF_ROLE_ANY;

  if (self->context == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->status_label), "");
      gtk_stack_set_visible_child_name (GTK_STACK (self->people_stack), "empty");
      return NULL;
    }
  ed_today (&self->today);
  people = ed_staff_person_list (self->context, role, text, &error);
  if (people == NULL)
    {
      g_warning ("The staff cannot be read: %s", error->message);
      gtk_label_set_text (GTK_LABEL (self->status_label), _("The staff could not be read"));
      return NULL;
    }
  show_status (self, people->len, filtered);
  if (people->len > 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->people_stack), "list");
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->people_stack),
                                      filtered && district_has_people (self) ? "no-match"
                                                                             : "empty");
  return g_steal_pointer (&people);
}

static void
scroll_to_top (EdStaffPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (self->scrolled));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* A new search or role, or a new district: its people from the first, a screenful first. */
static void
show_people (EdStaffPage *self)
{
  g_autoptr(GPtrArray) people = read_people (self);

  g_clear_object (&self->people);
  self->people = g_list_store_new (ED_TYPE_STAFF_PERSON_ITEM);
  if (people != NULL)
    {
      /* The items take over the people. */
      g_ptr_array_set_free_func (people, NULL);
      for (guint i = 0; i < people->len; i++)
        {
          g_autoptr(EdStaffPersonItem) item = ed_staff_person_item_new (g_ptr_array_index (people,
                                                                                         i));

          g_list_store_append (self->people, item);
        }
    }
  ed_screenful_set_model (self->column_view, self->selection, G_LIST_MODEL (self->people));
  scroll_to_top (self);
}

static gboolean
same_id (GListModel    *model,
         guint          position,
         EdStaffPerson *person)
{
  g_autoptr(EdStaffPersonItem) item = g_list_model_get_item (model, position);

  return g_str_equal (ed_staff_person_item_get_id (item), person->id);
}

/* The selection on @person_id, if the list shows them, unless it is there already. */
static void
select_person (EdStaffPage *self,
               const char  *person_id)
{
  GListModel *model = G_LIST_MODEL (self->people);
  EdStaffPersonItem *selected = gtk_single_selection_get_selected_item (self->selection);
  guint n = g_list_model_get_n_items (model);

  if (selected != NULL && g_str_equal (ed_staff_person_item_get_id (selected), person_id))
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdStaffPersonItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (ed_staff_person_item_get_id (item), person_id))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* The district afresh, after a sync brought other desks' edits, after a form or an import
 * wrote, or for another election. The list is changed in place rather than replaced: the
 * people at either end who are still there keep their items, given the person again, so
 * their rows are shown afresh where they are and the list stays scrolled where it was; only
 * the people between are new rows. The selection stays on the same person. */
static void
refresh_people (EdStaffPage *self)
{
  GListModel *model = G_LIST_MODEL (self->people);
  EdStaffPersonItem *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *selected_id = selected != NULL
    ? g_strdup (ed_staff_person_item_get_id (selected)) : NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) added = NULL;
  guint n_old, n_new, prefix = 0, suffix = 0;

  if (self->people == NULL)
    {
      show_people (self);
      return;
    }
  people = read_people (self);
  if (people == NULL)
    people = g_ptr_array_new ();
  n_old = g_list_model_get_n_items (model);
  n_new = people->len;
  while (prefix < n_old && prefix < n_new &&
         same_id (model, prefix, g_ptr_array_index (people, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         same_id (model, n_old - 1 - suffix, g_ptr_array_index (people, n_new - 1 - suffix)))
    suffix++;

  /* The people kept: each item shown afresh, with its training and availability read again
   * when its row is on screen. */
  g_ptr_array_set_free_func (people, NULL);
  for (guint i = 0; i < prefix; i++)
    {
      g_autoptr(EdStaffPersonItem) item = g_list_model_get_item (model, i);

      ed_staff_person_item_update (item, g_ptr_array_index (people, i));
    }
  for (guint i = 0; i < suffix; i++)
    {
      g_autoptr(EdStaffPersonItem) item = g_list_model_get_item (model, n_old - 1 - i);

      ed_staff_person_item_update (item, g_ptr_array_index (people, n_new - 1 - i));
    }

  /* The people between, new rows. */
  added = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = prefix; i < n_new - suffix; i++)
    g_ptr_array_add (added, ed_staff_person_item_new (g_ptr_array_index (people, i)));
  if (n_old - prefix - suffix > 0 || added->len > 0)
    g_list_store_splice (self->people, prefix, n_old - prefix - suffix, added->pdata, added->len);

  if (selected_id != NULL)
    select_person (self, selected_id);
}

static void
filter_changed_cb (EdStaffPage *self)
{
  show_chosen_whole (self->role_dropdown);
  if (self->filling)
    return;
  show_people (self);
}

static void
election_changed_cb (EdStaffPage *self)
{
  if (self->filling)
    return;
  /* Each row's answer is read again, for the election now chosen. */
  refresh_people (self);
  ed_staff_board_set_election (ED_STAFF_BOARD (self->board), chosen_election_id (self));
  ed_payroll_view_set_election (ED_PAYROLL_VIEW (self->payroll_view), chosen_election_id (self));
}

/* An election chosen in the Payroll view is chosen here too, through the chooser, and so
 * followed by the rest of the page. */
static void
payroll_election_changed_cb (EdStaffPage *self)
{
  if (self->filling)
    return;
  ed_election_chooser_set_election_id (
    self->election_chooser, ed_payroll_view_get_election (ED_PAYROLL_VIEW (self->payroll_view)));
}

/* --- the person's form -------------------------------------------------------------------- */

/* The person saved is the one selected, a new one too. */
static void
editor_changed_cb (EdPersonEditor *editor,
                   const char     *person_id,
                   EdStaffPage    *self)
{
  refresh_people (self);
  if (self->people != NULL)
    select_person (self, person_id);
}

/**
 * ed_staff_page_open_person:
 * @self: the page
 * @person_id: (nullable): a person's row id, or %NULL for a new person
 *
 * Opens the person's form, as activating their row (or Add Person) does.
 *
 * Returns: (transfer none) (nullable): the form, shown; %NULL if the person cannot be read
 */
EdPersonEditor *
ed_staff_page_open_person (EdStaffPage *self,
                           const char  *person_id)
{
  GtkRoot *root;
  EdPersonEditor *editor;

  g_return_val_if_fail (ED_IS_STAFF_PAGE (self), NULL);

  if (self->context == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = ed_person_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                                 person_id, chosen_election_id (self));
  if (editor == NULL)
    return NULL;
  g_signal_connect_object (editor, "changed", G_CALLBACK (editor_changed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

/* Enter or a double click on a row. */
static void
row_activated_cb (GtkColumnView *view,
                  guint          position,
                  EdStaffPage   *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(EdStaffPersonItem) item = model != NULL ? g_list_model_get_item (model, position)
                                                    : NULL;

  if (item == NULL)
    return;
  /* The person opened is the one the list keeps selected, across saves and reloads. */
  gtk_single_selection_set_selected (self->selection, position);
  ed_staff_page_open_person (self, ed_staff_person_item_get_id (item));
}

/* Enter in the search entry opens the one person it found. */
static void
search_activate_cb (EdStaffPage *self)
{
  GListModel *model;
  g_autoptr(EdStaffPersonItem) item = NULL;

  show_people (self);
  model = gtk_single_selection_get_model (self->selection);
  if (model == NULL || g_list_model_get_n_items (model) != 1)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  item = g_list_model_get_item (model, 0);
  ed_staff_page_open_person (self, ed_staff_person_item_get_id (item));
}

/* --- actions ------------------------------------------------------------------------------ */

static void
add_person_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ed_staff_page_open_person (ED_STAFF_PAGE (widget), NULL);
}

static void
focus_search_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkEditable *entry = GTK_EDITABLE (ED_STAFF_PAGE (widget)->search_entry);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ED_STAFF_PAGE (widget)->views),
                                         "people");
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_select_region (entry, 0, -1);
}

static void
imported_cb (EdStaffImportDialog *dialog,
             guint                n_people,
             EdStaffPage         *self)
{
  refresh_people (self);
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdStaffPage *self = ED_STAFF_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  EdStaffImportDialog *dialog;

  if (self->context == NULL)
    return;
  dialog = ed_staff_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->context);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_removals_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EdStaffPage *self = ED_STAFF_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->context == NULL)
    return;
  gtk_window_present (GTK_WINDOW (ed_staff_removal_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context)));
}

static void
update_actions (EdStaffPage *self)
{
  gboolean open = self->context != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.add-person", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.import", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.show-removals", open);
}

/* --- the page ----------------------------------------------------------------------------- */

/* Adding a person belongs to the People view; Ctrl+N still works from the others. */
static void
view_changed_cb (EdStaffPage *self)
{
  const char *view = adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->views));

  gtk_widget_set_visible (self->add_button, g_strcmp0 (view, "people") == 0);
}

/**
 * ed_staff_page_get_election:
 * @self: the page
 *
 * Returns: (nullable): the row id of the election whose availability the list shows
 */
const char *
ed_staff_page_get_election (EdStaffPage *self)
{
  g_return_val_if_fail (ED_IS_STAFF_PAGE (self), NULL);
  return chosen_election_id (self);
}

/* The district, and the election chosen here, for the Payroll view; its own choice of the
 * first election it lists is not this page's. */
static void
show_payroll (EdStaffPage *self)
{
  self->filling = TRUE;
  ed_payroll_view_set_context (ED_PAYROLL_VIEW (self->payroll_view), self->context);
  ed_payroll_view_set_election (ED_PAYROLL_VIEW (self->payroll_view), chosen_election_id (self));
  self->filling = FALSE;
}

static void
ed_staff_page_set_context (EdModulePage *page,
                           EdContext    *context)
{
  EdStaffPage *self = ED_STAFF_PAGE (page);

  g_set_object (&self->context, context);
  update_actions (self);

  /* A search in one district means nothing in the next. The election is followed below. */
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->role_dropdown), 0);
  ed_election_chooser_set_context (self->election_chooser, context);
  self->filling = FALSE;
  show_people (self);
  ed_staff_board_set_context (ED_STAFF_BOARD (self->board), context, chosen_election_id (self));
  show_payroll (self);
}

/* Another desk's edits arrived: the elections and the people afresh, keeping the election
 * chosen, the search, the person selected and where the list was scrolled to. A person's form
 * is a window of its own and keeps what is typed in it. */
static void
ed_staff_page_reload (EdModulePage *page)
{
  EdStaffPage *self = ED_STAFF_PAGE (page);

  if (self->context == NULL)
    return;
  self->filling = TRUE;
  ed_election_chooser_reload (self->election_chooser);
  self->filling = FALSE;
  refresh_people (self);
  ed_staff_board_reload (ED_STAFF_BOARD (self->board));
  self->filling = TRUE;
  ed_payroll_view_reload (ED_PAYROLL_VIEW (self->payroll_view));
  ed_payroll_view_set_election (ED_PAYROLL_VIEW (self->payroll_view), chosen_election_id (self));
  self->filling = FALSE;
}

static void
ed_staff_page_dispose (GObject *object)
{
  EdStaffPage *self = ED_STAFF_PAGE (object);

  g_clear_object (&self->context);
  g_clear_object (&self->people);

  G_OBJECT_CLASS (ed_staff_page_parent_class)->dispose (object);
}

static void
ed_staff_page_class_init (EdStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EdModulePageClass *page_class = ED_MODULE_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_staff_page_dispose;
  page_class->set_context = ed_staff_page_set_context;
  page_class->reload = ed_staff_page_reload;

  (void)ed_ui_get_resource ();
  g_type_ensure (ED_TYPE_ELECTION_CHOOSER);
  g_type_ensure (ED_TYPE_STAFF_BOARD);
  g_type_ensure (ED_TYPE_PAYROLL_VIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/staff/ed-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, views);
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, election_chooser);
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, people_stack);
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, selection);
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, board);
  gtk_widget_class_bind_template_child (widget_class, EdStaffPage, payroll_view);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, election_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, payroll_election_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_roles_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_training_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_availability_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_email_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_payroll_cb);

  gtk_widget_class_install_action (widget_class, "staff.add-person", NULL,
                                   add_person_action_cb);
  gtk_widget_class_install_action (widget_class, "staff.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "staff.show-removals", NULL,
                                   show_removals_action_cb);
  gtk_widget_class_install_action (widget_class, "staff.focus-search", NULL,
                                   focus_search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "staff.add-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "staff.focus-search", NULL);
}

static void
ed_staff_page_init (EdStaffPage *self)
{
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkStringList *roles;

  gtk_widget_init_template (GTK_WIDGET (self));
  ed_today (&self->today);

  roles = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (self->role_dropdown)));
  gtk_string_list_append (roles, _("All roles"));
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    gtk_string_list_append (roles, ed_staff_role_get_display_name (r));

  /* The views are switched from the header, in the title's place. */
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_STACK (self->views));
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  ed_module_page_set_title_widget (ED_MODULE_PAGE (self), switcher);
  ed_accessible_name_buttons (GTK_WIDGET (self));
  update_actions (self);
  show_people (self);
}
