/* ed-register-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ed-elector-list-model.h"
#include "ed-elector-row.h"
#include "ed-register-page.h"
#include "ed-register-search.h"

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

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
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

static void
show_register (EdRegisterPage *self)
{
  g_autofree char *status = NULL;
  guint n;

  if (self->register_model == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      gtk_label_set_text (self->status_label, "");
      return;
    }

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->register_model));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->register_model));
  /* Translators: how many electors the whole register holds; %'u groups the digits as the
   * locale does */
  status = g_strdup_printf (ngettext ("%'u elector", "%'u electors", n), n);
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

  summaries = ed_register_search (self->context, text, SEARCH_LIMIT, &error);
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

  if (summaries->len == 0)
    /* Translators: the search found nobody; %s is what was typed */
    status = g_strdup_printf (_("No elector matches “%s”"), text);
  else if (summaries->len >= SEARCH_LIMIT)
    /* Translators: the search stopped at its limit; type more to narrow it */
    status = g_strdup_printf (_("First %u matches"), (guint)SEARCH_LIMIT);
  else
    status = g_strdup_printf (ngettext ("%'u match", "%'u matches", summaries->len),
                              summaries->len);
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

static void
stop_search_cb (EdRegisterPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
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

  /* A search in one district means nothing in the next. */
  g_signal_handlers_block_by_func (self->search_entry, update, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, update, self);
  update (self);
}

static void
ed_register_page_dispose (GObject *object)
{
  EdRegisterPage *self = (EdRegisterPage *)object;

  g_clear_object (&self->register_model);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ed_register_page_parent_class)->dispose (object);
}

static void
ed_register_page_class_init (EdRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EdModulePageClass *page_class = ED_MODULE_PAGE_CLASS (klass);

  object_class->dispose = ed_register_page_dispose;
  page_class->set_context = ed_register_page_set_context;
}

static void
ed_register_page_init (EdRegisterPage *self)
{
  GtkWidget *content;
  GtkWidget *search_box;
  GtkWidget *scrolled;
  GtkEventController *shortcuts;

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

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->column_view =
    GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (self->selection)));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
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
  gtk_box_append (GTK_BOX (content), scrolled);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                      gtk_callback_action_new (focus_search_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  ed_module_page_set_content (ED_MODULE_PAGE (self), content);
}

EdModulePage *
ed_register_page_new (const char *title,
                      const char *icon_name)
{
  return g_object_new (ED_TYPE_REGISTER_PAGE, "title", title, "icon-name", icon_name, NULL);
}
