/* ed-household-pane.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-register"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "register/ed-register-household.h"
#include "register/ed-register-search.h"
#include "ui/ed-number-format.h"
#include "ui/ed-ui-resources.h"
#include "ui/register/ed-household-pane.h"

/* Everyone registered at one property (ed_register_household()): its address, UPRN and
 * polling district, then each elector's number, name, marker, absent vote and status. The
 * register page shows it beside the list for the selected elector. */

struct _EdHouseholdPane
{
  GtkBox     parent_instance;

  EdContext *context;
  GtkWidget *heading;
};

G_DEFINE_FINAL_TYPE (EdHouseholdPane, ed_household_pane, GTK_TYPE_BOX)

static const char *
absent_vote_label (EdAbsentVote absent_vote)
{
  return absent_vote != ED_ABSENT_VOTE_NONE ? ed_absent_vote_get_display_name (absent_vote) : "";
}

static GtkWidget *
pane_label (const char *text,
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
                          ed_elector_status_get_display_name (summary->status));
  /* Amended at once, but published only by the next notice: worth knowing before a second
   * change to the same entry. */
  if (summary->amendment_pending)
    g_string_append_printf (details, " · %s", _("Amendment waiting for the next notice"));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), pane_label (title, NULL));
  gtk_box_append (GTK_BOX (box), pane_label (details->str, "dim-label"));
  return box;
}

static void
show_message (EdHouseholdPane *self,
              const char      *message)
{
  ed_household_pane_clear (self);
  gtk_box_append (GTK_BOX (self), pane_label (message, "dim-label"));
}

static void
ed_household_pane_dispose (GObject *object)
{
  EdHouseholdPane *self = (EdHouseholdPane *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (ed_household_pane_parent_class)->dispose (object);
}

static void
ed_household_pane_class_init (EdHouseholdPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_household_pane_dispose;

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/register/ed-household-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, EdHouseholdPane, heading);
}

static void
ed_household_pane_init (EdHouseholdPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ed_household_pane_new:
 *
 * Creates a household pane showing only its heading.
 *
 * Returns: (transfer floating): a new #EdHouseholdPane
 */
GtkWidget *
ed_household_pane_new (void)
{
  return g_object_new (ED_TYPE_HOUSEHOLD_PANE, NULL);
}

/**
 * ed_household_pane_set_context:
 * @self: an #EdHouseholdPane
 * @context: (nullable): the open district, or %NULL
 *
 * Sets the district whose households ed_household_pane_show_property() reads. What the pane
 * shows is left as it is.
 */
void
ed_household_pane_set_context (EdHouseholdPane *self,
                               EdContext       *context)
{
  g_return_if_fail (ED_IS_HOUSEHOLD_PANE (self));
  g_return_if_fail (context == NULL || ED_IS_CONTEXT (context));

  g_set_object (&self->context, context);
}

/**
 * ed_household_pane_clear:
 * @self: an #EdHouseholdPane
 *
 * Shows only the heading, as while the pane is hidden, so nothing is read for it.
 */
void
ed_household_pane_clear (EdHouseholdPane *self)
{
  GtkWidget *child;

  g_return_if_fail (ED_IS_HOUSEHOLD_PANE (self));

  while ((child = gtk_widget_get_next_sibling (self->heading)) != NULL)
    gtk_box_remove (GTK_BOX (self), child);
}

/**
 * ed_household_pane_show_property:
 * @self: an #EdHouseholdPane
 * @property_id: (nullable): the row id of a property, or %NULL when no elector is selected
 *
 * Shows the household at @property_id, or asks for an elector to be selected when it is
 * %NULL or there is no district.
 */
void
ed_household_pane_show_property (EdHouseholdPane *self,
                                 const char      *property_id)
{
  g_autoptr(EdHousehold) household = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list;
  g_autofree char *address = NULL;
  g_autofree char *uprn = NULL;
  g_autofree char *district = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *n_electors = NULL;

  g_return_if_fail (ED_IS_HOUSEHOLD_PANE (self));

  if (self->context == NULL || property_id == NULL)
    {
      show_message (self, _("Select an elector to see everyone at their address."));
      return;
    }
  household = ed_register_household (self->context, property_id, &error);
  if (household == NULL)
    {
      g_warning ("Could not read the household: %s", error->message);
      show_message (self, _("The household could not be read"));
      return;
    }

  ed_household_pane_clear (self);
  address = g_strjoinv ("\n", household->address_lines);
  gtk_box_append (GTK_BOX (self), pane_label (address, NULL));
  /* Translators: the property's Unique Property Reference Number */
  uprn = household->uprn > 0 ? g_strdup_printf (_("UPRN %" PRId64), household->uprn)
                             : g_strdup (_("No UPRN"));
  gtk_box_append (GTK_BOX (self), pane_label (uprn, "dim-label"));
  /* Translators: the property's polling district: its code and its name */
  district = g_strdup_printf (_("Polling district %s — %s"), household->polling_district_code,
                              household->polling_district_name);
  gtk_box_append (GTK_BOX (self), pane_label (district, "dim-label"));

  n_electors = ed_number_format_count (household->electors->len);
  heading = g_strdup_printf (ngettext ("%s elector", "%s electors", household->electors->len),
                             n_electors);
  gtk_box_append (GTK_BOX (self), pane_label (heading, "heading"));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Electors at this address"), -1);
  for (guint i = 0; i < household->electors->len; i++)
    {
      EdElectorSummary *summary = g_ptr_array_index (household->electors, i);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           household_elector (summary));
    }
  gtk_box_append (GTK_BOX (self), list);
}

/**
 * ed_household_pane_show_no_address:
 * @self: an #EdHouseholdPane
 *
 * Says the selected entry has no address to show: it has no property, or it is anonymous,
 * and an anonymous entry's address is never shown with it (RPR 2001 reg 41A).
 */
void
ed_household_pane_show_no_address (EdHouseholdPane *self)
{
  g_return_if_fail (ED_IS_HOUSEHOLD_PANE (self));

  show_message (self, _("This entry has no address to show."));
}
