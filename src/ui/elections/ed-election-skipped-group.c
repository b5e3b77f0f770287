/* ed-election-skipped-group.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The days of thanksgiving or mourning the district skips, listed under the timetable, each
 * with a button to stop skipping it (and a toast to undo that). A removal moves dates in
 * every timetable, so the group says "changed" and the detail shows the election afresh. */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "ui/elections/ed-election-detail-private.h"
#include "ui/elections/ed-election-skipped-group.h"

struct _EdElectionSkippedGroup
{
  AdwPreferencesGroup  parent_instance;

  EdContext           *context;
  EdElection          *election;         /* the detail's */
  GtkWidget           *skip_day_button;  /* the timetable's, where the focus goes last */

  GtkWidget           *skipped_list;
};

G_DEFINE_FINAL_TYPE (EdElectionSkippedGroup, ed_election_skipped_group,
                     ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * ed_election_skipped_group_remove_dies_non:
 * @self: the group
 * @day: a day every timetable of the district skips
 * @error: return location for an error
 *
 * Stops every timetable of the district skipping @day, as the day's remove button does, and
 * says "changed".
 *
 * Returns: %TRUE on success
 */
gboolean
ed_election_skipped_group_remove_dies_non (EdElectionSkippedGroup  *self,
                                           const GDate             *day,
                                           GError                 **error)
{
  g_return_val_if_fail (ED_IS_ELECTION_SKIPPED_GROUP (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  if (self->context == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No district is open."));
      return FALSE;
    }
  if (!ed_extra_dies_non_remove (self->context, day, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

typedef struct
{
  EdElectionSkippedGroup *self;
  GDate                   day;
  char                   *reason;
} SkippedUndo;

static void
skipped_undo_free (gpointer  data,
                   GClosure *closure)
{
  SkippedUndo *undo = data;

  g_object_unref (undo->self);
  g_free (undo->reason);
  g_free (undo);
}

/* As Skip a Day… does, for the toast's Undo. */
static gboolean
add_dies_non (EdElectionSkippedGroup  *self,
              const GDate             *day,
              const char              *reason,
              GError                 **error)
{
  if (self->context == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No district is open."));
      return FALSE;
    }
  if (!ed_extra_dies_non_add (self->context, day, reason, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
undo_remove_cb (AdwToast    *removed,
                SkippedUndo *undo)
{
  g_autoptr(GError) error = NULL;

  if (!add_dies_non (undo->self, &undo->day, undo->reason, &error))
    _ed_election_detail_toast (GTK_WIDGET (undo->self), error->message);
}

/* The button pressed is gone with its row: the focus goes to the day that took its place, the
 * one before it if it was the last, or to Skip a Day… when none is left. */
static void
focus_skipped_day (EdElectionSkippedGroup *self,
                   gint                    index)
{
  GtkListBoxRow *row = NULL;

  for (gint i = MAX (index, 0); i >= 0 && row == NULL; i--)
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->skipped_list), i);
  if (row != NULL)
    {
      GtkWidget *button = g_object_get_data (G_OBJECT (row), "remove-button");

      gtk_widget_grab_focus (button);
      return;
    }
  if (self->skip_day_button != NULL)
    gtk_widget_grab_focus (self->skip_day_button);
}

static void
remove_skipped_clicked_cb (GtkButton              *button,
                           EdElectionSkippedGroup *self)
{
  const EdExtraDiesNon *shown = g_object_get_data (G_OBJECT (button), "dies-non");
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean had_focus = root != NULL && gtk_root_get_focus (root) == GTK_WIDGET (button);
  gint index = row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
  g_autofree char *day_text = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GError) error = NULL;
  SkippedUndo *undo;
  AdwToast *removed;

  /* The rows are built afresh by the removal: what the toast's Undo needs is kept first. */
  undo = g_new0 (SkippedUndo, 1);
  undo->self = g_object_ref (self);
  undo->day = shown->day;
  undo->reason = g_strdup (shown->reason);
  if (!ed_election_skipped_group_remove_dies_non (self, &undo->day, &error))
    {
      skipped_undo_free (undo, NULL);
      _ed_election_detail_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (had_focus)
    focus_skipped_day (self, index);
  if (overlay == NULL)
    {
      skipped_undo_free (undo, NULL);
      return;
    }
  day_text = ed_date_format_long (&undo->day);
  /* Translators: %s is a day every timetable skipped until now */
  done = g_strdup_printf (_("Timetables no longer skip %s"), day_text);
  removed = adw_toast_new (done);
  adw_toast_set_button_label (removed, _("_Undo"));
  g_signal_connect_data (removed, "button-clicked", G_CALLBACK (undo_remove_cb), undo,
                         skipped_undo_free, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), removed);
}

/* The district's days of thanksgiving or mourning, each with a button to stop skipping it. */
static void
show_skipped_days (EdElectionSkippedGroup *self)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;

  _ed_election_detail_clear_list (self->skipped_list);
  if (self->context != NULL && self->election != NULL)
    {
      days = ed_extra_dies_non_list (self->context, &error);
      if (days == NULL)
        g_warning ("The days the timetables skip cannot be read: %s", error->message);
    }
  for (guint i = 0; days != NULL && i < days->len; i++)
    {
      EdExtraDiesNon *dies_non = g_ptr_array_index (days, i);
      EdExtraDiesNon *kept = g_new0 (EdExtraDiesNon, 1);
      g_autofree char *day_text = ed_date_format_long (&dies_non->day);
      g_autofree char *remove_name = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day_text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dies_non->reason);
      /* Translators: %s is a day every election timetable skips; the name of the button that
       * stops skipping it */
      remove_name = g_strdup_printf (_("Stop skipping %s"), day_text);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_name, -1);
      kept->day = dies_non->day;
      kept->reason = g_strdup (dies_non->reason);
      g_object_set_data_full (G_OBJECT (remove), "dies-non", kept,
                              (GDestroyNotify)ed_extra_dies_non_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_skipped_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      g_object_set_data (G_OBJECT (row), "remove-button", remove);
      gtk_list_box_append (GTK_LIST_BOX (self->skipped_list), row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), days != NULL && days->len > 0);
}

/**
 * ed_election_skipped_group_set_election:
 * @self: the group
 * @context: (nullable): the district
 * @election: (nullable): the election shown, which the detail keeps until it gives another
 *
 * Shows the days the district skips, while an election is shown.
 */
void
ed_election_skipped_group_set_election (EdElectionSkippedGroup *self,
                                        EdContext              *context,
                                        EdElection             *election)
{
  g_return_if_fail (ED_IS_ELECTION_SKIPPED_GROUP (self));

  g_set_object (&self->context, context);
  self->election = election;
  show_skipped_days (self);
}

/**
 * ed_election_skipped_group_set_skip_day_button:
 * @self: the group
 * @button: (nullable): Skip a Day…, which takes the focus when the last day is removed
 */
void
ed_election_skipped_group_set_skip_day_button (EdElectionSkippedGroup *self,
                                               GtkWidget              *button)
{
  g_return_if_fail (ED_IS_ELECTION_SKIPPED_GROUP (self));

  self->skip_day_button = button;
}

static void
ed_election_skipped_group_dispose (GObject *object)
{
  EdElectionSkippedGroup *self = ED_ELECTION_SKIPPED_GROUP (object);

  g_clear_object (&self->context);
  self->election = NULL;
  self->skip_day_button = NULL;

  G_OBJECT_CLASS (ed_election_skipped_group_parent_class)->dispose (object);
}

static void
ed_election_skipped_group_class_init (EdElectionSkippedGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_election_skipped_group_dispose;

  /**
   * EdElectionSkippedGroup::changed:
   *
   * A day skipped was removed, or put back: the dates are to be counted afresh.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-election-skipped-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdElectionSkippedGroup, skipped_list);
}

static void
ed_election_skipped_group_init (EdElectionSkippedGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
