/* ed-election-contests-group.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The contests of the election shown: how many hold a poll, which are uncontested, and the
 * polls taken together with it. */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/elections/ed-election-contests-group.h"

struct _EdElectionContestsGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *contests_row;
  GtkWidget           *uncontested_row;
  GtkWidget           *combined_row;
};

G_DEFINE_FINAL_TYPE (EdElectionContestsGroup, ed_election_contests_group,
                     ADW_TYPE_PREFERENCES_GROUP)

/**
 * ed_election_contests_group_set_election:
 * @self: the group
 * @context: the district
 * @election: the election shown
 *
 * Shows the contests of @election and the polls combined with it.
 */
void
ed_election_contests_group_set_election (EdElectionContestsGroup *self,
                                         EdContext               *context,
                                         EdElection              *election)
{
  g_autofree char *contested = NULL;
  g_autoptr(GString) uncontested = g_string_new (NULL);
  g_autoptr(GString) combined = g_string_new (NULL);
  g_autoptr(GPtrArray) combination = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ED_IS_ELECTION_CONTESTS_GROUP (self));
  g_return_if_fail (election != NULL);

  contested = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u contest holds a poll",
                                            "%u of %u contests hold a poll",
                                            election->contests->len),
                               ed_election_count_contested (election),
                               election->contests->len);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->contests_row), contested);
  for (guint i = 0; i < election->contests->len; i++)
    {
      EdContest *contest = g_ptr_array_index (election->contests, i);

      if (contest->contested)
        continue;
      if (uncontested->len > 0)
        g_string_append (uncontested, ", ");
      g_string_append (uncontested, contest->name);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->uncontested_row), uncontested->str);
  gtk_widget_set_visible (self->uncontested_row, uncontested->len > 0);

  combination = ed_election_load_combination (context, election, &error);
  if (combination == NULL)
    g_warning ("The polls combined with %s cannot be read: %s", election->slug,
               error->message);
  for (guint i = 0; combination != NULL && i < combination->len; i++)
    {
      EdElection *poll = g_ptr_array_index (combination, i);

      if (g_str_equal (poll->id, election->id))
        continue;
      if (combined->len > 0)
        g_string_append_c (combined, '\n');
      /* Translators: a poll's title, then its kind: "Parish and town councils (Parish
       * election)" */
      g_string_append_printf (combined, _("%s (%s)"), poll->title,
                              ed_election_kind_get_display_name (poll->kind));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->combined_row), combined->str);
  gtk_widget_set_visible (self->combined_row, combined->len > 0);
}

static void
ed_election_contests_group_class_init (EdElectionContestsGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-election-contests-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdElectionContestsGroup, contests_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectionContestsGroup, uncontested_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectionContestsGroup, combined_row);
}

static void
ed_election_contests_group_init (EdElectionContestsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
