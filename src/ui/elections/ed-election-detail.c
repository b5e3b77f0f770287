/* ed-election-detail.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One election on the Elections page: its title and what it is, then its parts, each a
 * widget of its own (its contests, timetable, days skipped, electorate, interim notices and
 * polling day). The detail reads the election, hands it and the district down, and reads it
 * afresh when a part says it changed; the parts keep the election only while it is shown. */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "elections/ed-election.h"
#include "ui/ed-accessible.h"
#include "ui/ed-number-format.h"
#include "ui/elections/ed-election-contests-group.h"
#include "ui/elections/ed-election-detail-private.h"
#include "ui/elections/ed-election-detail.h"
#include "ui/elections/ed-election-electorate-group.h"
#include "ui/elections/ed-election-notices-group.h"
#include "ui/elections/ed-election-polling-group.h"
#include "ui/elections/ed-election-skipped-group.h"
#include "ui/elections/ed-election-timetable-group.h"

struct _EdElectionDetail
{
  AdwBin      parent_instance;

  EdContext  *context;
  char       *election_id;
  EdElection *election;  /* shown, and lent to the parts until the next is */

  GtkWidget  *scroller;
  GtkWidget  *title_label;
  GtkWidget  *summary_label;
  GtkWidget  *contests_group;
  GtkWidget  *timetable_group;
  GtkWidget  *skipped_group;
  GtkWidget  *electorate_group;
  GtkWidget  *notices_group;
  GtkWidget  *polling_group;
};

G_DEFINE_FINAL_TYPE (EdElectionDetail, ed_election_detail, ADW_TYPE_BIN)

/* What the parts share ---------------------------------------------------------------------- */

void
_ed_election_detail_toast (GtkWidget  *widget,
                           const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

void
_ed_election_detail_clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

char *
_ed_election_detail_format_count (gint64 n)
{
  return ed_number_format_count ((guint)CLAMP (n, 0, (gint64)G_MAXUINT));
}

GtkFileChooserNative *
_ed_election_detail_folder_chooser_new (GtkWidget  *widget,
                                        const char *title,
                                        const char *accept)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, accept,
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

/* The detail -------------------------------------------------------------------------------- */

static void
show_heading (EdElectionDetail *self)
{
  g_autofree char *day = NULL;
  g_autofree char *summary = NULL;

  if (self->election == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->title_label), "");
      gtk_label_set_text (GTK_LABEL (self->summary_label), "");
      return;
    }
  day = ed_date_format_long (&self->election->poll);
  gtk_label_set_text (GTK_LABEL (self->title_label), self->election->title);
  /* Translators: a kind of election, its country and its polling day, then on a line of
   * its own its id: "Local election · England · Thursday 6 May 2027\nlocal.ashmere-vale…" */
  summary = g_strdup_printf (_("%s · %s · %s\n%s"),
                             ed_election_kind_get_display_name (self->election->kind),
                             ed_country_get_display_name (self->election->country),
                             day, self->election->slug);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
}

/* Hands the election shown to every part but the heading; @keep keeps what is typed in the
 * timetable and not yet saved, and the focus. */
static void
lend_election (EdElectionDetail *self,
               gboolean          keep)
{
  if (self->election != NULL)
    ed_election_contests_group_set_election (ED_ELECTION_CONTESTS_GROUP (self->contests_group),
                                             self->context, self->election);
  ed_election_skipped_group_set_election (ED_ELECTION_SKIPPED_GROUP (self->skipped_group),
                                          self->context, self->election);
  ed_election_timetable_group_set_election (ED_ELECTION_TIMETABLE_GROUP (self->timetable_group),
                                            self->context, self->election, keep);
  ed_election_polling_group_set_election (ED_ELECTION_POLLING_GROUP (self->polling_group),
                                          self->context, self->election);
  ed_election_notices_group_set_election (ED_ELECTION_NOTICES_GROUP (self->notices_group),
                                          self->context, self->election);
  ed_election_electorate_group_set_election (
    ED_ELECTION_ELECTORATE_GROUP (self->electorate_group), self->context, self->election);
  /* With no election this cancels the count under way. */
  ed_election_electorate_group_count (ED_ELECTION_ELECTORATE_GROUP (self->electorate_group));
}

/* Reads the election afresh and shows it. The election before is freed only once no part
 * holds it. */
static void
show_election (EdElectionDetail *self,
               gboolean          keep)
{
  g_autoptr(EdElection) before = g_steal_pointer (&self->election);
  g_autoptr(GError) error = NULL;

  if (self->context != NULL && self->election_id != NULL)
    self->election = ed_election_load (self->context, self->election_id, &error);
  if (self->election == NULL && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("The election cannot be read: %s", error->message);
  show_heading (self);
  lend_election (self, keep);
}

static GtkAdjustment *
get_vadjustment (EdElectionDetail *self)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
}

/**
 * ed_election_detail_show:
 * @self: the detail
 * @context: (nullable): the district
 * @election_id: (nullable): the election's row id, or %NULL for none
 *
 * Shows @election_id from the top.
 */
void
ed_election_detail_show (EdElectionDetail *self,
                         EdContext        *context,
                         const char       *election_id)
{
  g_return_if_fail (ED_IS_ELECTION_DETAIL (self));

  if (self->context != context || g_strcmp0 (election_id, self->election_id) != 0)
    {
      g_set_object (&self->context, context);
      g_free (self->election_id);
      self->election_id = g_strdup (election_id);
      /* Another poll's cards are not this one's. */
      ed_election_polling_group_set_cards (ED_ELECTION_POLLING_GROUP (self->polling_group), -1);
      show_election (self, FALSE);
      gtk_adjustment_set_value (get_vadjustment (self), 0.0);
      return;
    }
  ed_election_detail_reload (self);
}

/**
 * ed_election_detail_reload:
 * @self: the detail
 *
 * Reads the election afresh (another desk's edits, a day the calendar now skips), keeping
 * what is typed and not yet saved, the focus and the scroll position.
 */
void
ed_election_detail_reload (EdElectionDetail *self)
{
  double scroll;

  g_return_if_fail (ED_IS_ELECTION_DETAIL (self));

  scroll = gtk_adjustment_get_value (get_vadjustment (self));
  show_election (self, TRUE);
  gtk_adjustment_set_value (get_vadjustment (self), scroll);
}

static void
part_changed_cb (EdElectionDetail *self)
{
  ed_election_detail_reload (self);
}

static void
electorate_counted_cb (EdElectionDetail *self,
                       gint64            cards)
{
  ed_election_polling_group_set_cards (ED_ELECTION_POLLING_GROUP (self->polling_group), cards);
}

static void
cards_requested_changed_cb (EdElectionDetail *self)
{
  ed_election_electorate_group_count (ED_ELECTION_ELECTORATE_GROUP (self->electorate_group));
}

/**
 * ed_election_detail_save_calendar:
 * @self: the detail
 * @file: where to write the `.ics`
 * @error: return location for an error
 *
 * Writes the timetable shown, with who does each step, as an iCalendar file.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_election_detail_save_calendar (EdElectionDetail  *self,
                                  GFile             *file,
                                  GError           **error)
{
  g_return_val_if_fail (ED_IS_ELECTION_DETAIL (self), FALSE);

  return ed_election_timetable_group_save_calendar (
    ED_ELECTION_TIMETABLE_GROUP (self->timetable_group), file, error);
}

/**
 * ed_election_detail_add_dies_non:
 * @self: the detail
 * @day: a day of thanksgiving or mourning
 * @reason: why it is skipped
 * @error: return location for an error
 *
 * Adds a day every timetable of the district skips, and shows the dates moved.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_election_detail_add_dies_non (EdElectionDetail  *self,
                                 const GDate       *day,
                                 const char        *reason,
                                 GError           **error)
{
  g_return_val_if_fail (ED_IS_ELECTION_DETAIL (self), FALSE);

  return ed_election_timetable_group_add_dies_non (
    ED_ELECTION_TIMETABLE_GROUP (self->timetable_group), day, reason, error);
}

/**
 * ed_election_detail_remove_dies_non:
 * @self: the detail
 * @day: a day every timetable of the district skips
 * @error: return location for an error
 *
 * Stops every timetable of the district skipping @day, as the day's remove button does, and
 * shows the dates moved back.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_election_detail_remove_dies_non (EdElectionDetail  *self,
                                    const GDate       *day,
                                    GError           **error)
{
  g_return_val_if_fail (ED_IS_ELECTION_DETAIL (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  return ed_election_skipped_group_remove_dies_non (
    ED_ELECTION_SKIPPED_GROUP (self->skipped_group), day, error);
}

/**
 * ed_election_detail_is_counting:
 * @self: the detail
 *
 * Returns: %TRUE while the electorate is being counted
 */
gboolean
ed_election_detail_is_counting (EdElectionDetail *self)
{
  g_return_val_if_fail (ED_IS_ELECTION_DETAIL (self), FALSE);

  return ed_election_electorate_group_is_counting (
    ED_ELECTION_ELECTORATE_GROUP (self->electorate_group));
}

/**
 * ed_election_detail_publish_notice:
 * @self: the detail
 * @n: the notice, 1 to 3
 * @folder: where its PDF and CSV go
 * @error: return location for an error
 *
 * Publishes interim notice @n of the election shown, as its Publish… button does once a
 * folder is chosen, and shows the notices and electorate afresh.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_election_detail_publish_notice (EdElectionDetail  *self,
                                   guint              n,
                                   const char        *folder,
                                   GError           **error)
{
  g_return_val_if_fail (ED_IS_ELECTION_DETAIL (self), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  return ed_election_notices_group_publish (ED_ELECTION_NOTICES_GROUP (self->notices_group), n,
                                            folder, error);
}

static EdElectionRegistersRow *
get_registers_row (EdElectionDetail *self)
{
  return ed_election_polling_group_get_registers_row (
    ED_ELECTION_POLLING_GROUP (self->polling_group));
}

/**
 * ed_election_detail_save_registers:
 * @self: the detail
 * @folder: where the registers go
 * @before_final: %TRUE when a person confirmed saving them before the final interim notice
 *
 * Saves the polling-station registers of the election shown into @folder, as Save… does
 * once a folder is chosen, with a window showing the progress and a Cancel button. The
 * page says how it went; ed_election_detail_is_saving() tells when it is done.
 */
void
ed_election_detail_save_registers (EdElectionDetail *self,
                                   const char       *folder,
                                   gboolean          before_final)
{
  g_return_if_fail (ED_IS_ELECTION_DETAIL (self));
  g_return_if_fail (folder != NULL);

  ed_election_registers_row_save (get_registers_row (self), folder, before_final);
}

/**
 * ed_election_detail_is_saving:
 * @self: the detail
 *
 * Returns: %TRUE while the polling-station registers are being saved
 */
gboolean
ed_election_detail_is_saving (EdElectionDetail *self)
{
  g_return_val_if_fail (ED_IS_ELECTION_DETAIL (self), FALSE);

  return ed_election_registers_row_is_saving (get_registers_row (self));
}

static void
ed_election_detail_dispose (GObject *object)
{
  EdElectionDetail *self = ED_ELECTION_DETAIL (object);

  /* The parts let go of the election before it is freed; a part outliving the detail (a
   * count under way holds its group) then has none. */
  if (self->election != NULL)
    {
      g_autoptr(EdElection) election = g_steal_pointer (&self->election);

      lend_election (self, FALSE);
    }
  g_clear_object (&self->context);
  g_clear_pointer (&self->election_id, g_free);

  G_OBJECT_CLASS (ed_election_detail_parent_class)->dispose (object);
}

static void
ed_election_detail_class_init (EdElectionDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_election_detail_dispose;

  g_type_ensure (ED_TYPE_ELECTION_CONTESTS_GROUP);
  g_type_ensure (ED_TYPE_ELECTION_TIMETABLE_GROUP);
  g_type_ensure (ED_TYPE_ELECTION_SKIPPED_GROUP);
  g_type_ensure (ED_TYPE_ELECTION_ELECTORATE_GROUP);
  g_type_ensure (ED_TYPE_ELECTION_NOTICES_GROUP);
  g_type_ensure (ED_TYPE_ELECTION_POLLING_GROUP);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-election-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, contests_group);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, timetable_group);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, electorate_group);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, notices_group);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, polling_group);
  gtk_widget_class_bind_template_callback (widget_class, part_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, electorate_counted_cb);
  gtk_widget_class_bind_template_callback (widget_class, cards_requested_changed_cb);
}

static void
ed_election_detail_init (EdElectionDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ed_election_skipped_group_set_skip_day_button (
    ED_ELECTION_SKIPPED_GROUP (self->skipped_group),
    ed_election_timetable_group_get_skip_day_button (
      ED_ELECTION_TIMETABLE_GROUP (self->timetable_group)));
  ed_accessible_name_buttons (GTK_WIDGET (self));
}
