/* ed-elections-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Elections page: the district's polls down the side, the latest first, each with its
 * kind, polling day, contests and combination at a glance, and the one selected in
 * EdElectionDetail beside them. New polls are added in EdNewElectionDialog. */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "elections/ed-election.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"
#include "ui/elections/ed-election-detail.h"
#include "ui/elections/ed-elections-page.h"
#include "ui/elections/ed-new-election-dialog.h"

struct _EdElectionsPage
{
  EdModulePage  parent_instance;

  EdContext    *context;
  char         *selected;   /* the election shown, kept across reloads */
  gboolean      filling;    /* the list is being built: selections are not the person's */

  GtkWidget    *toasts;
  GtkWidget    *stack;
  GtkWidget    *election_list;
  GtkWidget    *detail;
};

G_DEFINE_FINAL_TYPE (EdElectionsPage, ed_elections_page, ED_TYPE_MODULE_PAGE)

static GtkWidget *
row_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The titles of the other polls taken with @election, from the list already read. */
static char *
combined_with_text (EdElection *election,
                    GPtrArray  *elections)
{
  const char *root = ed_election_is_combined (election) ? election->combined_with
                                                         : election->id;
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < elections->len; i++)
    {
      EdElection *other = g_ptr_array_index (elections, i);
      const char *other_root = ed_election_is_combined (other) ? other->combined_with
                                                                : other->id;

      if (other == election || !g_str_equal (other_root, root))
        continue;
      if (titles->len > 0)
        g_string_append (titles, ", ");
      g_string_append (titles, other->title);
    }
  if (titles->len == 0)
    return NULL;
  /* Translators: %s lists the titles of the other polls held with this one */
  return g_strdup_printf (_("Combined with %s"), titles->str);
}

static GtkWidget *
election_row (EdElection *election,
              GPtrArray  *elections)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *day = ed_date_format_long (&election->poll);
  /* Translators: a kind of election, then its polling day: "Local election · Thursday 6 May
   * 2027" */
  g_autofree char *kind = g_strdup_printf (_("%s · %s"),
                                           ed_election_kind_get_display_name (election->kind),
                                           day);
  g_autofree char *contests =
    /* Translators: contests holding a poll, of all the election's contests */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u contest contested",
                                  "%u of %u contests contested", election->contests->len),
                     ed_election_count_contested (election), election->contests->len);
  g_autofree char *combined = combined_with_text (election, elections);
  g_autoptr(GString) description = g_string_new (kind);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), row_label (election->title, "heading"));
  gtk_box_append (GTK_BOX (box), row_label (kind, "caption"));
  gtk_box_append (GTK_BOX (box), row_label (contests, "dim-label"));
  g_string_append_printf (description, ". %s", contests);
  if (combined != NULL)
    {
      gtk_box_append (GTK_BOX (box), row_label (combined, "dim-label"));
      g_string_append_printf (description, ". %s", combined);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, election->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "election-id", g_strdup (election->id), g_free);
  return row;
}

static void
show_elections (EdElectionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) elections = NULL;
  GtkWidget *child;
  GtkWidget *select_row = NULL;
  GtkWidget *first_row = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* The list is built afresh; a person moving through it keeps their place. */
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, self->election_list);
  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (self->election_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->election_list), child);
  self->filling = FALSE;
  if (self->context == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }

  elections = ed_election_list (self->context, &error);
  if (elections == NULL)
    {
      g_warning ("The elections cannot be read: %s", error->message);
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    elections->len > 0 ? "list" : "empty");
  self->filling = TRUE;
  for (guint i = 0; i < elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (elections, i);
      GtkWidget *row = election_row (election, elections);

      gtk_list_box_append (GTK_LIST_BOX (self->election_list), row);
      if (first_row == NULL)
        first_row = row;
      if (g_strcmp0 (election->id, self->selected) == 0)
        select_row = row;
    }
  if (select_row == NULL)
    select_row = first_row;
  self->filling = FALSE;

  /* The election shown before stays shown; a new district, or one whose election went,
   * shows its latest. */
  if (select_row != NULL)
    {
      g_free (self->selected);
      self->selected = g_strdup (g_object_get_data (G_OBJECT (select_row), "election-id"));
      gtk_list_box_select_row (GTK_LIST_BOX (self->election_list),
                               GTK_LIST_BOX_ROW (select_row));
      if (had_focus)
        gtk_widget_grab_focus (select_row);
    }
  else
    g_clear_pointer (&self->selected, g_free);
  ed_election_detail_show (ED_ELECTION_DETAIL (self->detail), self->context, self->selected);
}

static void
row_selected_cb (EdElectionsPage *self,
                 GtkListBoxRow   *row)
{
  const char *id;

  if (self->filling || row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "election-id");
  if (g_strcmp0 (id, self->selected) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (id);
  ed_election_detail_show (ED_ELECTION_DETAIL (self->detail), self->context, id);
}

/**
 * ed_elections_page_get_selected:
 * @self: the page
 *
 * Returns: (nullable): the row id of the election shown
 */
const char *
ed_elections_page_get_selected (EdElectionsPage *self)
{
  g_return_val_if_fail (ED_IS_ELECTIONS_PAGE (self), NULL);

  return self->selected;
}

/**
 * ed_elections_page_select:
 * @self: the page
 * @election_id: an election's row id
 *
 * Shows @election_id, as if it were picked from the list.
 */
void
ed_elections_page_select (EdElectionsPage *self,
                          const char      *election_id)
{
  g_return_if_fail (ED_IS_ELECTIONS_PAGE (self));
  g_return_if_fail (election_id != NULL);

  g_free (self->selected);
  self->selected = g_strdup (election_id);
  show_elections (self);
}

static void
election_added_cb (EdNewElectionDialog *dialog,
                   const char          *election_id,
                   EdElectionsPage     *self)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts),
                               adw_toast_new (_("Election added")));
  ed_elections_page_select (self, election_id);
}

static void
new_election_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EdElectionsPage *self = ED_ELECTIONS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  EdNewElectionDialog *dialog;

  if (self->context == NULL)
    return;
  dialog = ed_new_election_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->context);
  g_signal_connect_object (dialog, "added", G_CALLBACK (election_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ed_elections_page_set_context (EdModulePage *page,
                               EdContext    *context)
{
  EdElectionsPage *self = ED_ELECTIONS_PAGE (page);

  g_set_object (&self->context, context);
  g_clear_pointer (&self->selected, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "elections.new", context != NULL);
  show_elections (self);
}

/* Another desk's edits arrived: the list is read afresh, keeping the election shown, and the
 * detail keeps what is being typed in it. */
static void
ed_elections_page_reload (EdModulePage *page)
{
  show_elections (ED_ELECTIONS_PAGE (page));
}

static void
ed_elections_page_dispose (GObject *object)
{
  EdElectionsPage *self = ED_ELECTIONS_PAGE (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (ed_elections_page_parent_class)->dispose (object);
}

static void
ed_elections_page_class_init (EdElectionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EdModulePageClass *page_class = ED_MODULE_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_elections_page_dispose;
  page_class->set_context = ed_elections_page_set_context;
  page_class->reload = ed_elections_page_reload;

  (void)ed_ui_get_resource ();
  g_type_ensure (ED_TYPE_ELECTION_DETAIL);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-elections-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdElectionsPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdElectionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EdElectionsPage, election_list);
  gtk_widget_class_bind_template_child (widget_class, EdElectionsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);

  gtk_widget_class_install_action (widget_class, "elections.new", NULL, new_election_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "elections.new", NULL);
}

static void
ed_elections_page_init (EdElectionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ed_accessible_name_buttons (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "elections.new", FALSE);
}
